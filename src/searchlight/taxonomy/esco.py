"""Import the official ESCO CSV download (skills, skill groups and their hierarchy, occupations)
in English and Dutch. Streamed and written in batches; languages are joined on conceptUri.
Upserts by URI, so running it twice leaves the same rows."""

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from searchlight.taxonomy.esco_csv import (
    EscoFolder,
    locate,
    read_rows,
    required_value,
    skill_kind,
    split_labels,
    uri_key,
)
from searchlight.taxonomy.models import (
    Occupation,
    Skill,
    SkillGroup,
    SkillLabel,
    skill_group_members,
)
from searchlight.taxonomy.schemas import ImportCounts
from searchlight.taxonomy.text import normalize

BATCH_SIZE = 500
LABEL_LENGTH = 300
OCCUPATION_DUTCH_DEFAULTS = {"label_nl": "", "alt_labels_nl": [], "description_nl": ""}
T = TypeVar("T")


class Progress(Protocol):
    """Told about each file and how much of it has been read (in characters)."""

    def start_file(self, name: str, size: int) -> None: ...

    def advance(self, amount: int) -> None: ...


class _Silent:
    def start_file(self, name: str, size: int) -> None:
        pass

    def advance(self, amount: int) -> None:
        pass


def _batches(rows: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _rows(
    path: Path, required: set[str], progress: Progress
) -> Iterator[tuple[int, dict[str, str]]]:
    progress.start_file(path.name, path.stat().st_size)
    yield from read_rows(path, required, progress.advance)


def _clip(text: str) -> str:
    return text[:LABEL_LENGTH]


def _ids_by_uri(db_session: Session, model: Any, uris: Iterable[str]) -> dict[str, int]:
    rows = db_session.execute(select(model.esco_uri, model.id).where(model.esco_uri.in_(set(uris))))
    return dict(rows.tuples().all())


def _upsert(
    db_session: Session, model: Any, records: dict[str, dict[str, Any]], defaults: dict[str, Any]
) -> dict[str, int]:
    """Insert new records (with `defaults` for the other language) and update existing ones,
    keyed by esco_uri, so re-importing English never wipes the Dutch text. Returns uri -> id."""
    existing = _ids_by_uri(db_session, model, records)
    if new := [{**defaults, **r} for uri, r in records.items() if uri not in existing]:
        db_session.execute(insert(model), new)
    if changed := [{"id": existing[uri], **r} for uri, r in records.items() if uri in existing]:
        db_session.execute(update(model), changed)
    return existing if not new else _ids_by_uri(db_session, model, records)


def _update_existing(
    db_session: Session, model: Any, records: dict[str, dict[str, Any]]
) -> dict[str, int]:
    """Second-language pass: only concepts the English pass created get their Dutch text."""
    existing = _ids_by_uri(db_session, model, records)
    if changed := [{"id": existing[uri], **r} for uri, r in records.items() if uri in existing]:
        db_session.execute(update(model), changed)
    return existing


def _esco_group_ids(db_session: Session) -> dict[str, int]:
    rows = db_session.execute(select(SkillGroup.esco_uri, SkillGroup.id)).tuples()
    return {uri: group_id for uri, group_id in rows if uri is not None}


# --- skill groups ------------------------------------------------------------------------------

def _import_concepts(
    db_session: Session, folder: EscoFolder, progress: Progress, *, file: str, model: Any,
    record: Callable[[str, str, dict[str, str]], dict[str, Any]], dutch_defaults: dict[str, Any],
) -> None:
    """One ESCO concept file per language: English creates the rows, Dutch fills them in."""
    for language in folder.languages:
        path = folder.path(file, language)
        if path is None:
            continue
        for batch in _batches(_rows(path, {"conceptUri", "preferredLabel"}, progress)):
            records = {}
            for line, row in batch:
                uri = required_value(path, line, row, "conceptUri")
                records[uri] = record(language, uri, row)
            if language == "en":
                _upsert(db_session, model, records, dutch_defaults)
            else:
                _update_existing(db_session, model, records)


def _import_groups(db_session: Session, folder: EscoFolder, progress: Progress) -> None:
    _import_concepts(db_session, folder, progress, file="skillGroups", model=SkillGroup,
                     record=_group_record, dutch_defaults={"label_nl": "", "description_nl": ""})
    _link_group_parents(db_session, folder, progress)


def _group_record(language: str, uri: str, row: dict[str, str]) -> dict[str, Any]:
    text = {f"label_{language}": _clip(row["preferredLabel"].strip()),
            f"description_{language}": (row.get("description") or "").strip()}
    if language != "en":
        return text
    return {"key": uri_key(uri), "source": "esco", "esco_uri": uri,
            "code": (row.get("code") or "")[:40], **text}


def _link_group_parents(db_session: Session, folder: EscoFolder, progress: Progress) -> None:
    path = folder.path("skillsHierarchy", "en")
    if path is None:
        return
    ids = _esco_group_ids(db_session)
    parents: dict[int, int] = {}
    for _line, row in _rows(path, {"Level 0 URI", "Level 1 URI"}, progress):
        path_uris = [row.get(f"Level {level} URI") or "" for level in range(4)]
        for parent_uri, child_uri in zip(path_uris, path_uris[1:], strict=False):
            if parent_uri in ids and child_uri in ids:
                parents[ids[child_uri]] = ids[parent_uri]
    for batch in _batches(parents.items()):
        db_session.execute(update(SkillGroup), [{"id": c, "parent_id": p} for c, p in batch])


# --- skills ------------------------------------------------------------------------------------

def _skill_record(file_name: str, language: str, uri: str, row: dict[str, str]) -> dict[str, Any]:
    text = {f"label_{language}": _clip(row["preferredLabel"].strip()),
            f"description_{language}": (row.get("description") or "").strip()}
    if language != "en":
        return text
    return {"key": uri_key(uri), "source": "esco", "esco_uri": uri,
            "kind": skill_kind(file_name, row), "skill_type": (row.get("skillType") or "")[:40],
            **text}


def _label_rows(skill_id: int, language: str, row: dict[str, str]) -> list[dict[str, Any]]:
    preferred = _clip(row["preferredLabel"].strip())
    names = {preferred: "preferred"}
    for kind, column in (("alt", "altLabels"), ("hidden", "hiddenLabels")):
        for text in split_labels(row.get(column)):
            names.setdefault(_clip(text), kind)
    return [{"skill_id": skill_id, "language": language, "kind": kind, "source": "esco",
             "text": text, "normalized": normalize(text)} for text, kind in names.items()]


def _replace_labels(
    db_session: Session, language: str, ids: dict[str, int], rows: dict[str, dict[str, str]]
) -> None:
    skill_ids = [ids[uri] for uri in rows if uri in ids]
    db_session.execute(delete(SkillLabel).where(
        SkillLabel.skill_id.in_(skill_ids), SkillLabel.language == language,
        SkillLabel.source == "esco"))
    labels = [label for uri, row in rows.items() if uri in ids
              for label in _label_rows(ids[uri], language, row)]
    if labels:
        db_session.execute(insert(SkillLabel), labels)


def _add_memberships(db_session: Session, pairs: set[tuple[int, int]]) -> None:
    """Link skills to groups, skipping links that already exist (so re-runs add nothing)."""
    if not pairs:
        return
    existing = set(db_session.execute(
        select(skill_group_members.c.skill_id, skill_group_members.c.group_id).where(
            skill_group_members.c.skill_id.in_({s for s, _g in pairs}))).tuples())
    if new := pairs - existing:
        db_session.execute(insert(skill_group_members),
                           [{"skill_id": s, "group_id": g} for s, g in sorted(new)])


def _group_links(
    ids: dict[str, int], groups: dict[str, int], rows: dict[str, dict[str, str]]
) -> set[tuple[int, int]]:
    return {(ids[uri], groups[broader]) for uri, row in rows.items() if uri in ids
            for broader in split_labels(row.get("broaderConceptUri")) if broader in groups}


def _import_skill_file(
    db_session: Session, file_name: str, path: Path, language: str, progress: Progress
) -> None:
    groups = _esco_group_ids(db_session)
    for batch in _batches(_rows(path, {"conceptUri", "preferredLabel"}, progress)):
        rows = {required_value(path, line, row, "conceptUri"): row for line, row in batch}
        records = {uri: _skill_record(file_name, language, uri, row) for uri, row in rows.items()}
        if language == "en":
            ids = _upsert(db_session, Skill, records, {"label_nl": "", "description_nl": ""})
            _add_memberships(db_session, _group_links(ids, groups, rows))
        else:
            ids = _update_existing(db_session, Skill, records)
        _replace_labels(db_session, language, ids, rows)


def _import_skill_hierarchy(db_session: Session, folder: EscoFolder, progress: Progress) -> None:
    """The full download puts skill -> group links in their own file."""
    path = folder.path("broaderRelationsSkillPillar", "en")
    if path is None:
        return
    groups = _esco_group_ids(db_session)
    for batch in _batches(_rows(path, {"conceptUri", "broaderUri"}, progress)):
        ids = _ids_by_uri(db_session, Skill, (row["conceptUri"] for _line, row in batch))
        _add_memberships(db_session, {(ids[row["conceptUri"]], groups[row["broaderUri"]])
                                      for _line, row in batch
                                      if row["conceptUri"] in ids and row["broaderUri"] in groups})


# --- occupations -------------------------------------------------------------------------------

def _occupation_record(language: str, uri: str, row: dict[str, str]) -> dict[str, Any]:
    text = {f"label_{language}": _clip(row["preferredLabel"].strip()),
            f"alt_labels_{language}": split_labels(row.get("altLabels")),
            f"description_{language}": (row.get("description") or "").strip()}
    if language != "en":
        return text
    return {"esco_uri": uri, "code": (row.get("code") or "")[:40],
            "isco_group": (row.get("iscoGroup") or "")[:10], **text}


def _import_occupations(db_session: Session, folder: EscoFolder, progress: Progress) -> None:
    _import_concepts(db_session, folder, progress, file="occupations", model=Occupation,
                     record=_occupation_record, dutch_defaults=OCCUPATION_DUTCH_DEFAULTS)


# --- the whole import --------------------------------------------------------------------------

def import_esco(
    *, db_session: Session, folder: Path, progress: Progress | None = None
) -> ImportCounts:
    """Import everything found in `folder`; English first (it creates the concepts), then Dutch."""
    found = locate(folder)
    reporter = progress or _Silent()
    _import_groups(db_session, found, reporter)
    for language in found.languages:
        for file_name, path in found.skill_files(language):
            _import_skill_file(db_session, file_name, path, language, reporter)
    _import_skill_hierarchy(db_session, found, reporter)
    _import_occupations(db_session, found, reporter)
    db_session.flush()
    return esco_counts(db_session=db_session, languages=found.languages)


def esco_counts(*, db_session: Session, languages: list[str] | None = None) -> ImportCounts:
    def count(statement: Any) -> int:
        return db_session.scalar(statement) or 0

    return ImportCounts(
        skills=count(select(func.count()).select_from(Skill).where(Skill.source == "esco")),
        skill_labels=count(select(func.count()).select_from(SkillLabel).where(
            SkillLabel.source == "esco")),
        skill_groups=count(select(func.count()).select_from(SkillGroup).where(
            SkillGroup.source == "esco")),
        occupations=count(select(func.count()).select_from(Occupation)),
        languages=languages or [],
    )


def planned_files(folder: Path) -> list[Path]:
    """Every file an import of `folder` reads, for sizing a progress bar."""
    found = locate(folder)
    names = ["skillGroups", *[n for n, _p in found.skill_files("en")], "occupations"]
    paths = [found.path(n, lang) for lang in found.languages for n in names]
    extra = [found.path("skillsHierarchy", "en"), found.path("broaderRelationsSkillPillar", "en")]
    return [p for p in [*paths, *extra] if p is not None]

