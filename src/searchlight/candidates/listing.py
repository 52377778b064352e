"""The candidate list: server-side filters, search, sorting and keyset pagination.

Built to stay fast at 100,000+ candidates on SQLite and PostgreSQL: pages are fetched by
keyset (the sort value and id of the last row) instead of OFFSET, the total is counted only up
to COUNT_CAP, and search matches word prefixes through the indexed search terms table."""

import base64
import json
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Select, bindparam, func, select, tuple_
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from searchlight.auth.models import User
from searchlight.candidates.models import Application, Candidate, CandidateSearchTerm
from searchlight.candidates.service import prefix_range, search_tokens, visible_clause
from searchlight.crm.models import PoolMember, Source, Tag, candidate_tags
from searchlight.roles.models import Role

PAGE_SIZE = 25
COUNT_CAP = 10_000
SORTS: dict[str, tuple[InstrumentedAttribute[Any], bool]] = {
    # name: (column, descending)
    "newest": (Candidate.created_at, True),
    "oldest": (Candidate.created_at, False),
    "name": (Candidate.name_key, False),
    "name_desc": (Candidate.name_key, True),
    "updated": (Candidate.updated_at, True),
}


@dataclass
class CandidateFilters:
    q: str = ""
    source: str = ""
    tag: str = ""
    pool: int | None = None
    role: str = ""
    stage: str = ""
    owner: int | None = None
    sort: str = "newest"

    def is_filtered(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "sort")

    def as_query(self) -> dict[str, str]:
        return {f.name: str(v) for f in fields(self) if (v := getattr(self, f.name))}


@dataclass
class CandidatePage:
    items: list[Candidate]
    total: int
    next_cursor: str | None
    prev_cursor: str | None

    @property
    def total_is_capped(self) -> bool:
        return self.total > COUNT_CAP


def _fixed(value: object) -> BindParameter[Any]:
    """A filter value written into the SQL text. PostgreSQL then plans each filter combination
    with its real selectivity; as a bound parameter, a prepared statement soon gets a generic
    plan that walks the whole sort index for a rare tag or source (measured: 16 ms vs 140 ms)."""
    return bindparam(None, value, literal_execute=True)


def _id_of(db_session: Session, column: InstrumentedAttribute[Any], value: str) -> int:
    """The id behind a key or name from the URL, or 0 (matches nothing) when it is unknown."""
    entity = column.class_
    return db_session.scalar(select(entity.id).where(column == value)) or 0


def _where(db_session: Session, user: User,
           filters: CandidateFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if (visible := visible_clause(user)) is not None:
        conditions.append(visible)
    for word in search_tokens(filters.q)[:5]:
        low, high = prefix_range(word[:100])
        starting = select(CandidateSearchTerm.candidate_id).where(
            CandidateSearchTerm.term >= _fixed(low), CandidateSearchTerm.term < _fixed(high))
        conditions.append(Candidate.id.in_(starting))
    if filters.source:
        conditions.append(Candidate.source_id == _fixed(_id_of(db_session, Source.key,
                                                                filters.source)))
    if filters.owner:
        conditions.append(Candidate.owner_id == _fixed(filters.owner))
    if filters.tag:
        tag_id = _id_of(db_session, Tag.name, filters.tag)
        tagged = select(candidate_tags.c.candidate_id).where(
            candidate_tags.c.tag_id == _fixed(tag_id))
        conditions.append(Candidate.id.in_(tagged))
    if filters.pool:
        members = select(PoolMember.candidate_id).where(PoolMember.pool_id == _fixed(filters.pool))
        conditions.append(Candidate.id.in_(members))
    if filters.role or filters.stage:
        applied = select(Application.candidate_id)
        if filters.role:
            role_id = _id_of(db_session, Role.key, filters.role)
            applied = applied.where(Application.role_id == _fixed(role_id))
        if filters.stage:
            applied = applied.where(Application.stage_key == _fixed(filters.stage))
        conditions.append(Candidate.id.in_(applied))
    return conditions


def encode_cursor(candidate: Candidate, sort: str) -> str:
    value = getattr(candidate, SORTS[sort][0].key)
    raw = json.dumps([value.isoformat() if isinstance(value, datetime) else value, candidate.id])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str, sort: str) -> tuple[Any, int] | None:
    """None for a cursor that is damaged or from another sort: the list starts again."""
    try:
        value, ident = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if SORTS[sort][0].key != "name_key":
            value = datetime.fromisoformat(value)
        return value, int(ident)
    except (ValueError, TypeError):
        return None


def _keyset(query: Select[Candidate], sort: str, cursor: str | None,
            backwards: bool) -> Select[Candidate]:
    column, descending = SORTS[sort]
    if backwards:
        descending = not descending
    position = _decode_cursor(cursor, sort) if cursor else None
    if position is not None:
        key = tuple_(column, Candidate.id)
        query = query.where(key < position if descending else key > position)
    if descending:
        return query.order_by(column.desc(), Candidate.id.desc())
    return query.order_by(column.asc(), Candidate.id.asc())


def _count(db_session: Session, conditions: list[ColumnElement[bool]]) -> int:
    """Exact up to COUNT_CAP; COUNT_CAP + 1 means "more than that"."""
    capped = select(Candidate.id).where(*conditions).limit(COUNT_CAP + 1)
    return db_session.scalar(select(func.count()).select_from(capped.subquery())) or 0


def list_candidates(
    *, db_session: Session, user: User, filters: CandidateFilters, after: str | None = None,
    before: str | None = None, limit: int = PAGE_SIZE,
) -> CandidatePage:
    sort = filters.sort if filters.sort in SORTS else "newest"
    backwards = bool(before) and not after
    conditions = _where(db_session, user, filters)
    query = _keyset(select(Candidate).where(*conditions), sort,
                    before if backwards else after, backwards)
    query = query.limit(limit + 1).options(
        selectinload(Candidate.source), selectinload(Candidate.owner),
        selectinload(Candidate.tags),
        selectinload(Candidate.applications).selectinload(Application.role),
    )
    rows = list(db_session.scalars(query))
    more = len(rows) > limit
    items = rows[:limit][::-1] if backwards else rows[:limit]
    whole_result_here = not after and not before and not more
    total = len(items) if whole_result_here else _count(db_session, conditions)
    has_next = more if not backwards else bool(items)
    has_prev = (backwards and more) or bool(after)
    return CandidatePage(
        items=items, total=total,
        next_cursor=encode_cursor(items[-1], sort) if items and has_next else None,
        prev_cursor=encode_cursor(items[0], sort) if items and has_prev else None,
    )
