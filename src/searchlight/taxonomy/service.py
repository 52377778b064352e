"""Skills: the built-in taxonomy, search in both languages, and lookups other domains use."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import yaml
from sqlalchemy import Select, case, func, or_, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session, selectinload

from searchlight.errors import NotFound
from searchlight.taxonomy.models import Skill, SkillGroup, SkillLabel
from searchlight.taxonomy.schemas import BuiltinSkill, BuiltinTaxonomy, SkillOut
from searchlight.taxonomy.text import like_pattern, normalize

BUILTIN_FILE = Path(__file__).parent / "builtin_skills.yaml"
LANGUAGES = ("nl", "en")
PAGE_SIZE = 25


@lru_cache
def builtin_taxonomy() -> BuiltinTaxonomy:
    with BUILTIN_FILE.open(encoding="utf-8") as handle:
        return BuiltinTaxonomy.model_validate(yaml.safe_load(handle))


def _wanted_labels(spec: BuiltinSkill) -> set[tuple[str, str, str]]:
    wanted = {("en", "preferred", spec.label.en), ("nl", "preferred", spec.label.nl)}
    for language in LANGUAGES:
        preferred = getattr(spec.label, language)
        wanted |= {(language, "alt", text) for text in getattr(spec.synonyms, language)
                   if text != preferred}
    return wanted


def _sync_labels(skill: Skill, spec: BuiltinSkill) -> None:
    wanted = _wanted_labels(spec)
    existing = {(x.language, x.kind, x.text): x for x in skill.labels if x.source == "builtin"}
    for label_key, label in existing.items():
        if label_key not in wanted:
            skill.labels.remove(label)
    for language, kind, text in sorted(wanted - existing.keys()):
        skill.labels.append(SkillLabel(language=language, kind=kind, source="builtin", text=text,
                                       normalized=normalize(text)))


def _sync_groups(db_session: Session, taxonomy: BuiltinTaxonomy) -> dict[str, SkillGroup]:
    groups = {g.key: g for g in db_session.scalars(
        select(SkillGroup).where(SkillGroup.source == "builtin"))}
    for spec in taxonomy.groups:
        group = groups.get(spec.key)
        if group is None:
            group = groups[spec.key] = SkillGroup(key=spec.key, source="builtin")
            db_session.add(group)
        group.label_en, group.label_nl = spec.label.en, spec.label.nl
    return groups


def sync_builtin(*, db_session: Session) -> int:
    """Write the built-in taxonomy into the tables; returns how many skills were added.
    Skills removed from the file stay, because role profiles may still refer to them."""
    taxonomy = builtin_taxonomy()
    groups = _sync_groups(db_session, taxonomy)
    skills = {s.key: s for s in db_session.scalars(
        select(Skill).options(selectinload(Skill.labels), selectinload(Skill.groups)))}
    added = 0
    for spec in taxonomy.skills:
        skill = skills.get(spec.key)
        if skill is None:
            skill = Skill(key=spec.key, source="builtin")
            db_session.add(skill)
            added += 1
        skill.label_en, skill.label_nl, skill.kind = spec.label.en, spec.label.nl, spec.kind
        skill.description_en = spec.description.en if spec.description else ""
        skill.description_nl = spec.description.nl if spec.description else ""
        skill.groups = [groups[spec.group]]
        _sync_labels(skill, spec)
    db_session.flush()
    return added


_BUILTIN_LOCK = 0x5EA4C411  # any number of our own, the same in every process


def ensure_builtin(*, db_session: Session) -> None:
    """Load the built-in skills on first use (and after an upgrade adds new ones)."""
    def present() -> int:
        return db_session.scalar(
            select(func.count()).select_from(Skill).where(Skill.source == "builtin")) or 0

    if present() < len(builtin_taxonomy().skills):
        if db_session.get_bind().dialect.name == "postgresql":
            # Two workers starting at once: the second waits here, then finds the skills loaded.
            db_session.execute(sql("SELECT pg_advisory_xact_lock(:key)"), {"key": _BUILTIN_LOCK})
            if present() >= len(builtin_taxonomy().skills):
                return
        sync_builtin(db_session=db_session)


@dataclass(frozen=True)
class SkillSearch:
    total: int
    skills: list[Skill]
    close_matches: bool = False  # nothing matched exactly; these skills are spelled alike


def _search_query(query: str, kind: str | None, source: str | None) -> Select[Skill]:
    statement = select(Skill)
    if needle := normalize(query):
        # Best match per skill: an exact name, then a name that starts with the query, then any.
        rank = case((SkillLabel.normalized == needle, 0),
                    (SkillLabel.normalized.like(needle + "%"), 1), else_=2)
        ranked = (select(SkillLabel.skill_id, func.min(rank).label("rank"))
                  .where(SkillLabel.normalized.like(like_pattern(needle), escape="\\"))
                  .group_by(SkillLabel.skill_id).subquery())
        statement = statement.join(ranked, ranked.c.skill_id == Skill.id).order_by(ranked.c.rank)
    if kind:
        statement = statement.where(Skill.kind == kind)
    if source:
        statement = statement.where(Skill.source == source)
    return statement.order_by(Skill.source, func.lower(Skill.label_en))


def search_skills(
    *, db_session: Session, query: str = "", kind: str | None = None, source: str | None = None,
    page: int = 1, page_size: int = PAGE_SIZE,
) -> SkillSearch:
    """Search labels and synonyms in Dutch and English at once, best matches first."""
    ensure_builtin(db_session=db_session)
    statement = _search_query(query, kind, source)
    total = db_session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    page_rows = statement.options(selectinload(Skill.labels)).limit(page_size)
    skills = list(db_session.scalars(page_rows.offset((max(page, 1) - 1) * page_size)))
    if total == 0 and (needle := normalize(query)) and len(needle) >= 3:
        close = _spelled_alike(db_session, needle, kind, source)
        return SkillSearch(total=len(close), skills=close, close_matches=bool(close))
    return SkillSearch(total=total, skills=skills)


def _spelled_alike(db_session: Session, needle: str, kind: str | None,
                   source: str | None, limit: int = 10) -> list[Skill]:
    """Skills whose name (or a word of it) is within a typo or two of `needle` ("pytorh" finds
    PyTorch). Only names that start like the query are compared, so ESCO's many labels stay
    cheap."""
    first = needle[0]
    if not first.isalnum():
        return []
    rows = db_session.execute(
        select(SkillLabel.skill_id, SkillLabel.normalized)
        .where(or_(SkillLabel.normalized.like(first + "%"),
                   SkillLabel.normalized.like("% " + first + "%")))
    ).tuples().all()
    best: dict[int, float] = {}
    for skill_id, label in rows:
        words = [label, *label.split()]
        ratio = max(SequenceMatcher(None, needle, word).ratio() for word in words)
        if ratio >= 0.8 and ratio > best.get(skill_id, 0):
            best[skill_id] = ratio
    wanted = sorted(best, key=lambda i: -best[i])[:limit]
    if not wanted:
        return []
    statement = select(Skill).where(Skill.id.in_(wanted)).options(selectinload(Skill.labels))
    if kind:
        statement = statement.where(Skill.kind == kind)
    if source:
        statement = statement.where(Skill.source == source)
    found = {skill.id: skill for skill in db_session.scalars(statement)}
    return [found[i] for i in wanted if i in found]


def get_skill(*, db_session: Session, key: str) -> Skill:
    ensure_builtin(db_session=db_session)
    skill = db_session.scalar(select(Skill).where(Skill.key == key).options(
        selectinload(Skill.labels), selectinload(Skill.groups)))
    if skill is None:
        raise NotFound("This skill does not exist.")
    return skill


def skills_by_key(*, db_session: Session, keys: Iterable[str]) -> dict[str, Skill]:
    wanted = set(keys)
    if not wanted:
        return {}
    ensure_builtin(db_session=db_session)
    return {s.key: s for s in db_session.scalars(select(Skill).where(Skill.key.in_(wanted)))}


def resolve_skill_refs(*, db_session: Session, refs: Iterable[str]) -> tuple[list[str], list[str]]:
    """Map what a person typed (a key, or a name or synonym in either language) to skill keys.
    Returns (keys, the references that matched no skill). Built-in skills win over ESCO."""
    refs = [r.strip() for r in refs if r.strip()]
    known = skills_by_key(db_session=db_session, keys=refs)
    by_name = _skills_named(db_session, [r for r in refs if r not in known])
    keys: list[str] = []
    unknown: list[str] = []
    for ref in refs:
        key = ref if ref in known else by_name.get(normalize(ref))
        if key is None:
            unknown.append(ref)
        elif key not in keys:
            keys.append(key)
    return keys, unknown


def _skills_named(db_session: Session, names: list[str]) -> dict[str, str]:
    normalized = {normalize(n) for n in names}
    if not normalized:
        return {}
    rows = db_session.execute(
        select(SkillLabel.normalized, Skill.key)
        .join(Skill, Skill.id == SkillLabel.skill_id)
        .where(SkillLabel.normalized.in_(normalized))
        .order_by(Skill.source.desc(), SkillLabel.kind.desc()))
    # Ordered so the last write per name is a built-in preferred label when there is one.
    return dict(rows.tuples().all())


def skill_out(skill: Skill) -> SkillOut:
    return SkillOut(
        key=skill.key, label_nl=skill.label_nl, label_en=skill.label_en,
        kind=skill.kind,  # type: ignore[arg-type]
        source=skill.source,  # type: ignore[arg-type]
        esco_uri=skill.esco_uri, synonyms_nl=skill.synonyms("nl"),
        synonyms_en=skill.synonyms("en"), description_nl=skill.description_nl,
        description_en=skill.description_en,
    )


def group_path(group: SkillGroup) -> list[SkillGroup]:
    """The group and its ancestors, root first (guarded against cycles in imported data)."""
    path: list[SkillGroup] = []
    node: SkillGroup | None = group
    while node is not None and node not in path:
        path.insert(0, node)
        node = node.parent
    return path


def all_skill_labels(*, db_session: Session, language: str | None = None) -> list[str]:
    """Every name of every skill (built-in and imported ESCO): preferred labels and synonyms,
    in `language` ("nl"/"en") or both, de-duplicated and sorted."""
    ensure_builtin(db_session=db_session)
    statement = select(SkillLabel.text).distinct()
    if language:
        statement = statement.where(SkillLabel.language == language)
    return sorted(db_session.scalars(statement))


def skill_index_entries(
    *, db_session: Session, language: str = "en"
) -> list[tuple[str, str, list[str]]]:
    """(key, preferred label in `language`, every other name in both languages) per skill,
    for building search and matching indexes."""
    ensure_builtin(db_session=db_session)
    names: dict[int, list[str]] = defaultdict(list)
    for skill_id, text in db_session.execute(
        select(SkillLabel.skill_id, SkillLabel.text).order_by(SkillLabel.id)
    ).tuples():
        names[skill_id].append(text)
    entries = []
    for skill_id, key, label_en, label_nl in db_session.execute(
        select(Skill.id, Skill.key, Skill.label_en, Skill.label_nl).order_by(Skill.key)
    ).tuples():
        label = label_nl if language == "nl" and label_nl else label_en
        synonyms = list(dict.fromkeys(n for n in names[skill_id] if n != label))
        entries.append((key, label, synonyms))
    return entries


def counts(*, db_session: Session) -> dict[str, int]:
    rows = db_session.execute(select(Skill.source, func.count()).group_by(Skill.source)).tuples()
    return dict(rows.all())
