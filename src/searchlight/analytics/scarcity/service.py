"""Read the scarcity inputs of a role from the database, and import labour-market figures."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.analytics.funnel import time_to_hire
from searchlight.analytics.models import LabourMarketFigure, RoleOccupation
from searchlight.analytics.scarcity.indicator import (
    Inputs,
    Scarcity,
    scarcity,
    similar_roles,
    skill_keys,
)
from searchlight.analytics.scarcity.market import MarketRow
from searchlight.analytics.service import Period, journeys
from searchlight.auth.models import User
from searchlight.candidates.models import Application, Candidate
from searchlight.crm.models import PoolMember, Source
from searchlight.db import utcnow
from searchlight.errors import InvalidInput
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.roles.models import Role, RoleVersion
from searchlight.screening.models import ScreeningResult

STRONG_SCORE = 60.0  # overall screening score (0-100) from which a candidate "matches well"


@dataclass(frozen=True)
class SourceCount:
    name: str
    kind: str
    strong: int  # strong matches for this role from the source
    hired: int  # hires for similar roles from the source

    @property
    def total(self) -> int:
        return self.strong + self.hired


@dataclass(frozen=True)
class Benchmark:
    role: Role
    min_score: float
    inputs: Inputs
    result: Scarcity
    similar: list[Role]
    sources: list[SourceCount]
    occupation: str  # the role's occupation code, "" when not set
    market: LabourMarketFigure | None


def _similar(db_session: Session, role: Role) -> list[Role]:
    rows = db_session.execute(select(Role, RoleVersion.profile).join(
        RoleVersion, (RoleVersion.role_id == Role.id)
        & (RoleVersion.number == Role.current_version))).tuples().all()
    by_key = {each.key: each for each, _ in rows}
    skills = {each.key: skill_keys(profile or {}) for each, profile in rows}
    return [by_key[key] for key in similar_roles(role.key, skills) if key in by_key]


def strong_matches(*, db_session: Session, role: Role,
                   min_score: float = STRONG_SCORE) -> tuple[int, list[int]]:
    """CVs screened for the role at or above `min_score` (a CV counts once, however often it
    was screened), and the candidates among them (a CV in a batch has none until it is moved
    into the pipeline)."""
    rows = db_session.execute(
        select(ScreeningResult.analysis_id, ScreeningResult.candidate_id).distinct()
        .where(ScreeningResult.role_id == role.id, ScreeningResult.overall >= min_score)).all()
    cvs = {analysis for analysis, _ in rows}
    return len(cvs), sorted({candidate for _, candidate in rows if candidate is not None})


def _sources(db_session: Session, strong: list[int], similar_ids: list[int]) -> list[SourceCount]:
    counts: dict[tuple[str, str], list[int]] = {}
    if strong:
        for name, kind, number in db_session.execute(
                select(Source.name, Source.kind, func.count(Candidate.id))
                .join(Candidate, Candidate.source_id == Source.id)
                .where(Candidate.id.in_(strong)).group_by(Source.name, Source.kind)).tuples():
            counts.setdefault((name, kind), [0, 0])[0] = number
    for name, kind, number in db_session.execute(
            select(Source.name, Source.kind, func.count(Application.id))
            .join(Candidate, Candidate.source_id == Source.id)
            .join(Application, Application.candidate_id == Candidate.id)
            .where(Application.role_id.in_(similar_ids), Application.stage_key == "hired")
            .group_by(Source.name, Source.kind)).tuples():
        counts.setdefault((name, kind), [0, 0])[1] = number
    rows = [SourceCount(name, kind, strong_n, hired) for (name, kind), (strong_n, hired)
            in counts.items()]
    return sorted(rows, key=lambda r: (-r.total, r.name))


def occupation_of(*, db_session: Session, role: Role) -> str:
    found = db_session.get(RoleOccupation, role.id)
    return found.code if found else ""


def latest_figures(*, db_session: Session, code: str) -> LabourMarketFigure | None:
    if not code:
        return None
    return db_session.scalars(select(LabourMarketFigure).where(LabourMarketFigure.code == code)
                              .order_by(LabourMarketFigure.period.desc())).first()


def benchmark(*, db_session: Session, role: Role, min_score: float = STRONG_SCORE) -> Benchmark:
    """The scarcity of a role with its inputs; the caller checked access to the role."""
    cvs, strong = strong_matches(db_session=db_session, role=role, min_score=min_score)
    in_pools = 0
    if strong:
        in_pools = db_session.scalar(select(func.count(func.distinct(PoolMember.candidate_id)))
                                     .where(PoolMember.candidate_id.in_(strong))) or 0
    similar = _similar(db_session, role)
    similar_ids = [each.id for each in similar]
    hire = time_to_hire(journeys(db_session=db_session, role=None, role_ids=similar_ids,
                                 period=Period()))
    code = occupation_of(db_session=db_session, role=role)
    market = latest_figures(db_session=db_session, code=code)
    inputs = Inputs(cvs, in_pools, hire.median_days, hire.hires,
                    market.vacancies if market else None, market.job_seekers if market else None)
    return Benchmark(role, min_score, inputs, scarcity(inputs), similar,
                     _sources(db_session, strong, similar_ids), code, market)


def import_market(*, db_session: Session, actor: User | None,
                  rows: list[MarketRow]) -> tuple[int, int]:
    """Add or replace figures per (code, period); returns (added, updated)."""
    added = updated = 0
    for row in rows:
        found = db_session.scalar(select(LabourMarketFigure).where(
            LabourMarketFigure.code == row.code, LabourMarketFigure.period == row.period))
        if found is None:
            db_session.add(LabourMarketFigure(
                code=row.code, period=row.period, label=row.label, vacancies=row.vacancies,
                job_seekers=row.job_seekers, source=row.source))
            added += 1
        else:
            found.vacancies, found.job_seekers = row.vacancies, row.job_seekers
            found.label, found.source = row.label or found.label, row.source or found.source
            found.imported_at = utcnow()
            updated += 1
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "labour_market.imported", "labour_market", "csv", {"added": added, "updated": updated}))
    return added, updated


def set_occupation(*, db_session: Session, actor: User, role: Role, code: str) -> None:
    code = code.strip()
    if len(code) > 200:
        raise InvalidInput("An occupation code is at most 200 characters.",
                           detail={"field": "code"})
    found = db_session.get(RoleOccupation, role.id)
    before = found.code if found else ""
    if not code:
        if found:
            db_session.delete(found)
    elif found:
        found.code, found.set_by_id, found.set_at = code, actor.id, utcnow()
    else:
        db_session.add(RoleOccupation(role_id=role.id, code=code, set_by_id=actor.id))
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "role.occupation_set", "role", role.id, {"old": before, "new": code}))
