"""Tags, talent pools, activities and the sources registry."""

import re
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.candidates.models import Candidate
from searchlight.crm.models import (
    ACTIVITY_KINDS,
    SOURCE_KINDS,
    SOURCE_LANGUAGES,
    Activity,
    PoolMember,
    Source,
    SourceCost,
    Tag,
    TalentPool,
)
from searchlight.db import utcnow
from searchlight.errors import Conflict, InvalidInput, NotFound
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent, created

_SPACES = re.compile(r"\s+")
_KEY = re.compile(r"[^a-z0-9]+")


def tag_name(raw: str) -> str:
    """Tags are compared case-insensitively, so "LLM" and "llm" are one tag."""
    return _SPACES.sub(" ", raw).strip().lower()[:80]


def parse_tags(raw: str) -> list[str]:
    return [name for name in (tag_name(part) for part in raw.split(",")) if name]


def tags_named(*, db_session: Session, names: list[str]) -> list[Tag]:
    wanted = list(dict.fromkeys(name for name in map(tag_name, names) if name))
    found = {t.name: t for t in db_session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    for name in wanted:
        if name not in found:
            found[name] = Tag(name=name)
            db_session.add(found[name])
    db_session.flush()
    return [found[name] for name in wanted]


def set_tags(*, db_session: Session, candidate: Candidate, names: list[str]) -> None:
    candidate.tags = sorted(tags_named(db_session=db_session, names=names), key=lambda t: t.name)


def change_tags(*, db_session: Session, actor: User, candidate: Candidate,
                names: list[str]) -> None:
    before = [tag.name for tag in candidate.tags]
    set_tags(db_session=db_session, candidate=candidate, names=names)
    after = [tag.name for tag in candidate.tags]
    if after != before:
        audit.record(db_session=db_session, actor=actor, event=AuditEvent(
            "candidate.tags_changed", "candidate", candidate.id, {"old": before, "new": after}))


def all_tags(*, db_session: Session) -> list[Tag]:
    return list(db_session.scalars(select(Tag).order_by(Tag.name)))


def active_sources(*, db_session: Session) -> list[Source]:
    query = select(Source).where(Source.is_active).order_by(Source.kind.desc(), Source.name)
    return list(db_session.scalars(query))


def all_sources(*, db_session: Session) -> list[Source]:
    return list(db_session.scalars(select(Source).order_by(Source.kind.desc(), Source.name)))


def create_source(
    *, db_session: Session, actor: User, name: str, kind: str, language: str = "",
    specialisation: str = "", website: str = "",
) -> Source:
    name = name.strip()
    key = _KEY.sub("-", name.lower()).strip("-")[:80]
    if not key:
        raise InvalidInput("Give the source a name.", detail={"field": "name"})
    if kind not in SOURCE_KINDS or (language and language not in SOURCE_LANGUAGES):
        raise InvalidInput("Choose a kind and language from the list.", detail={"field": "kind"})
    website = website.strip()
    if website and not website.startswith(("https://", "http://")):
        raise InvalidInput("A website starts with https://.", detail={"field": "website"})
    if db_session.scalar(select(Source.id).where(Source.key == key)):
        raise Conflict("A source with this name already exists.", detail={"field": "name"})
    source = Source(key=key, name=name[:200], kind=kind, language=language,
                    specialisation_nl=specialisation, specialisation_en=specialisation,
                    website=website)
    db_session.add(source)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor,
                 event=created("source", source.id, {"key": key, "kind": kind}))
    return source


_AMOUNT = re.compile(r"^(\d{1,9})(?:[.,](\d{1,2}))?$")


def parse_amount(raw: str) -> int:
    """Euros as typed ("1500", "1500,50", "1500.5") to cents; thousands separators refused
    because "1.500" is ambiguous between the Dutch and English way of writing."""
    found = _AMOUNT.match(raw.strip().removeprefix("€").strip())
    cents = 0
    if found:
        cents = int(found.group(1)) * 100 + int((found.group(2) or "0").ljust(2, "0"))
    if cents <= 0:
        raise InvalidInput("Give the amount in euros, for example 1500 or 1500,50.",
                           detail={"field": "amount"})
    return cents


def get_source(*, db_session: Session, key: str) -> Source:
    source = db_session.scalar(select(Source).where(Source.key == key))
    if source is None:
        raise NotFound("This source does not exist.", detail={"field": "source"})
    return source


def add_source_cost(
    *, db_session: Session, actor: User, source: Source, amount: str, spent_on: str,
    role_id: int | None = None, note: str = "",
) -> SourceCost:
    """Record money spent on a source; cost per hire in the analytics divides these by hires."""
    cents = parse_amount(amount)
    try:
        day = date.fromisoformat(spent_on.strip())
    except ValueError as error:
        raise InvalidInput("Give dates as YYYY-MM-DD.", detail={"field": "spent_on"}) from error
    cost = SourceCost(source_id=source.id, role_id=role_id, spent_on=day, amount_cents=cents,
                      note=note.strip()[:300], created_by_id=actor.id)
    db_session.add(cost)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=created(
        "source_cost", cost.id, {"source": source.key, "amount_cents": cents,
                                 "spent_on": day.isoformat(), "role_id": role_id}))
    return cost


def source_costs(
    *, db_session: Session, since: date | None = None, until: date | None = None,
    role_ids: list[int] | None = None,
) -> dict[str, int]:
    """Cents spent per source name in a period; `role_ids` keeps only costs entered for those
    roles (None: every cost, with or without a role)."""
    query = (select(Source.name, func.sum(SourceCost.amount_cents))
             .join(Source, Source.id == SourceCost.source_id).group_by(Source.name))
    if since:
        query = query.where(SourceCost.spent_on >= since)
    if until:
        query = query.where(SourceCost.spent_on <= until)
    if role_ids is not None:
        query = query.where(SourceCost.role_id.in_(role_ids))
    return {name: int(total or 0) for name, total in db_session.execute(query).tuples()}


def add_activity(
    *, db_session: Session, actor: User, candidate: Candidate, kind: str, body: str,
    occurred_at: datetime | None = None,
) -> Activity:
    if kind not in ACTIVITY_KINDS:
        raise InvalidInput("Choose a note, call, e-mail or meeting.", detail={"field": "kind"})
    if not body.strip():
        raise InvalidInput("Write what happened.", detail={"field": "body"})
    activity = Activity(candidate_id=candidate.id, kind=kind, body=body.strip(),
                        author_id=actor.id, occurred_at=occurred_at or utcnow())
    db_session.add(activity)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "activity.created", "candidate", candidate.id, {"activity_id": activity.id, "kind": kind}))
    return activity


def create_pool(
    *, db_session: Session, actor: User, name: str, description: str = ""
) -> TalentPool:
    name = _SPACES.sub(" ", name).strip()[:200]
    if not name:
        raise InvalidInput("Give the pool a name.", detail={"field": "name"})
    if db_session.scalar(select(TalentPool.id).where(func.lower(TalentPool.name) == name.lower())):
        raise Conflict("A pool with this name already exists.", detail={"field": "name"})
    pool = TalentPool(name=name, description=description.strip(), owner_id=actor.id)
    db_session.add(pool)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor,
                 event=created("talent_pool", pool.id, {"name": name}))
    return pool


def get_pool(*, db_session: Session, pool_id: int) -> TalentPool:
    pool = db_session.get(TalentPool, pool_id)
    if pool is None:
        raise NotFound("This talent pool does not exist (any more).")
    return pool


def all_pools(*, db_session: Session) -> list[TalentPool]:
    return list(db_session.scalars(select(TalentPool).order_by(TalentPool.name)))


def pools_with_counts(*, db_session: Session) -> list[tuple[TalentPool, int]]:
    counts = (select(PoolMember.pool_id, func.count().label("n"))
              .group_by(PoolMember.pool_id).subquery())
    query = (select(TalentPool, func.coalesce(counts.c.n, 0))
             .outerjoin(counts, counts.c.pool_id == TalentPool.id).order_by(TalentPool.name))
    return [(pool, int(n)) for pool, n in db_session.execute(query)]


def pools_of(*, db_session: Session, candidate_id: int) -> list[TalentPool]:
    query = (select(TalentPool).join(PoolMember, PoolMember.pool_id == TalentPool.id)
             .where(PoolMember.candidate_id == candidate_id).order_by(TalentPool.name))
    return list(db_session.scalars(query))


def add_to_pool(
    *, db_session: Session, actor: User, pool: TalentPool, candidate: Candidate
) -> bool:
    """False when the candidate was already in the pool (adding twice is harmless)."""
    if db_session.get(PoolMember, (pool.id, candidate.id)) is not None:
        return False
    db_session.add(PoolMember(pool_id=pool.id, candidate_id=candidate.id, added_by_id=actor.id))
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "talent_pool.member_added", "talent_pool", pool.id, {"candidate_id": candidate.id}))
    return True


def remove_from_pool(
    *, db_session: Session, actor: User, pool: TalentPool, candidate_id: int
) -> None:
    db_session.execute(delete(PoolMember).where(
        PoolMember.pool_id == pool.id, PoolMember.candidate_id == candidate_id))
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "talent_pool.member_removed", "talent_pool", pool.id, {"candidate_id": candidate_id}))
