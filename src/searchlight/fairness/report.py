"""The bias audit of the self-identification answers: per role, per pipeline stage (selection
rate: reached that stage or a later one) and per SEARCH dimension (scoring rate: above the
median), computed by `fairness.audit.audit`, the same function as `searchlight bias audit`."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.candidates.models import PipelineStage
from searchlight.candidates.pipeline import FIRST_STAGE, stages_for_role
from searchlight.fairness.audit import AuditReport, Person, audit
from searchlight.fairness.categories import CATEGORIES
from searchlight.fairness.models import SelfId
from searchlight.fairness.service import Outcome, outcomes
from searchlight.roles.models import Role

SCORES = ("overall", "skills", "experience", "attitude", "results", "cognitive", "habits")
COLUMNS = [category.key for category in CATEGORIES]


@dataclass(frozen=True)
class Measure:
    key: str  # "stage:interview" or "score:skills"
    kind: str  # "stage" or "score"
    name: str  # the stage key or the score key


@dataclass(frozen=True)
class RoleAudit:
    role: Role
    measure: Measure
    answers: int  # self-ID rows for the role
    without_outcome: int  # answers left out: no score for this measure
    report: AuditReport | None  # None when nobody is left to compare


def roles_with_answers(*, db_session: Session) -> list[tuple[Role, int]]:
    """Roles that have self-ID answers, most answers first."""
    rows = db_session.execute(
        select(Role, func.count(SelfId.id)).join(SelfId, SelfId.role_id == Role.id)
        .group_by(Role.id).order_by(func.count(SelfId.id).desc(), Role.key)).tuples().all()
    return [(role, int(n)) for role, n in rows]


def stages_to_audit(*, db_session: Session, role: Role) -> list[PipelineStage]:
    """The stages a person can be selected into: open stages after "applied", and hired."""
    stages = [s for s in stages_for_role(db_session=db_session, role=role)
              if s.kind in ("open", "hired")]
    keys = [s.key for s in stages]
    start = keys.index(FIRST_STAGE) + 1 if FIRST_STAGE in keys else 1
    return stages[start:]


def measures(*, db_session: Session, role: Role) -> list[Measure]:
    return [Measure(f"stage:{s.key}", "stage", s.key)
            for s in stages_to_audit(db_session=db_session, role=role)] + [
        Measure(f"score:{key}", "score", key) for key in SCORES]


def _furthest(reached: frozenset[str], positions: dict[str, int]) -> int:
    return max((positions[key] for key in reached if key in positions), default=-1)


def _person(row: SelfId, outcome: Outcome, measure: Measure,
            positions: dict[str, int]) -> Person | None:
    categories = {key: row.answers.get(key) for key in COLUMNS}
    if measure.kind == "stage":
        selected = _furthest(outcome.stages_reached, positions) >= positions[measure.name]
        return Person(categories=categories, selected=selected)
    score = outcome.scores.get(measure.name)
    return None if score is None else Person(categories=categories, score=float(score))


def role_audit(*, db_session: Session, role: Role, measure: Measure) -> RoleAudit:
    """The report for one role and one measure. A read."""
    rows = list(db_session.scalars(select(SelfId).where(SelfId.role_id == role.id)
                                   .order_by(SelfId.id)))
    found = outcomes(db_session=db_session, rows=rows)
    positions = {s.key: i for i, s in enumerate(stages_to_audit(db_session=db_session,
                                                                role=role))}
    people = [p for row in rows
              if (p := _person(row, found[row.id], measure, positions)) is not None]
    report = audit(people, COLUMNS) if people else None
    return RoleAudit(role=role, measure=measure, answers=len(rows),
                     without_outcome=len(rows) - len(people), report=report)


CSV_HEADER = ("role", "measure", "kind", "category", "group", "n", "favourable", "rate",
              "impact_ratio", "small_group", "below_0_8", "unknown", "people")


def csv_rows(*, db_session: Session, role: Role) -> list[tuple[object, ...]]:
    """Every measure of the role as rows for a CSV file (the same figures as the page)."""
    lines: list[tuple[object, ...]] = []
    for measure in measures(db_session=db_session, role=role):
        result = role_audit(db_session=db_session, role=role, measure=measure)
        if result.report is None:
            continue
        for category in result.report.categories:
            for group in category.groups:
                ratio = "" if group.impact_ratio is None else f"{group.impact_ratio:.4f}"
                lines.append((role.key, measure.key, result.report.measure, category.category,
                              group.group, group.n, group.favourable, f"{group.rate:.4f}",
                              ratio, int(group.small), int(group.below_four_fifths),
                              category.unknown, result.report.people))
    return lines
