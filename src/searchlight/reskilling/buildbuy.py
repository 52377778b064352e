"""Build or buy: for one role, the employees on their way to it (enrolled with it as target role)
beside the external candidates screened for it, on the same SEARCH scale (0-100 per dimension,
overall = the role's weighted mean over the dimensions with evidence, as screening computes it),
each with an expected time to readiness.

Readiness: somebody at the target level (75, the mid-level "good") on every weighted dimension
is ready now (an employee) or when hired (a candidate, `HIRING_MONTHS`). Otherwise an employee is
ready when their programme's calendar ends, and a candidate after hiring plus the shortest
preparation programme (`PREPARATION_MONTHS`, programme 4). These two constants are assumptions,
shown on the page. External candidates appear without names: L&D sees their scores, not their
identity, and recruiters do not see employees' development data here."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.reskilling import development
from searchlight.reskilling.gaps import TARGET_LEVEL
from searchlight.reskilling.models import Cohort, Enrolment
from searchlight.roles import service as roles
from searchlight.roles.models import Role
from searchlight.roles.schemas import RoleProfile
from searchlight.screening.models import ScreeningResult

HIRING_MONTHS = 3
PREPARATION_MONTHS = 3
MAX_CANDIDATES = 10
DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class Side:
    kind: str  # "internal" or "external"
    label: str
    user_id: int | None
    dimensions: dict[str, float | None]
    overall: float | None
    gaps: int  # weighted dimensions below the target level (unknown counts as a gap)
    months_to_ready: float
    ready_by: date | None


@dataclass(frozen=True)
class BuildOrBuy:
    role: Role
    profile: RoleProfile
    weights: dict[str, float]
    internal: list[Side]
    external: list[Side]


def _overall(scores: dict[str, float | None], weights: dict[str, float]) -> float | None:
    known = [(scores[k], w) for k, w in weights.items() if scores.get(k) is not None]
    total = sum(w for _score, w in known)
    return round(sum(float(s or 0) * w for s, w in known) / total, 1) if total else None


def _gaps(scores: dict[str, float | None], weights: dict[str, float]) -> int:
    return sum(1 for k in weights if (scores.get(k) or 0) < TARGET_LEVEL)


def _months(start: date, end: date) -> float:
    return round(max(0, (end - start).days) / DAYS_PER_MONTH, 1)


def compare(*, db_session: Session, user: User, role_key: str, today: date) -> BuildOrBuy:
    require(user, "reskilling:manage", target=f"role:{role_key}")
    role = roles.get_by_key(db_session=db_session, key=role_key)
    version = roles.get_current_version(db_session=db_session, role_id=role.id)
    profile = roles.profile_of(version)
    weights: dict[str, float] = {
        str(d.key): d.weight for d in profile.dimensions if d.weight > 0}

    internal: list[Side] = []
    enrolments = db_session.scalars(
        select(Enrolment).join(Cohort).where(Enrolment.target_role_key == role.key,
                                             Enrolment.status == "active")
        .order_by(Cohort.start_date, Enrolment.id))
    for enrolment in enrolments:
        scores: dict[str, float | None] = dict(development.profile_at(
            development.scores_of(db_session=db_session, user_id=enrolment.user_id)))
        gaps = _gaps(scores, weights)
        phases = development.dated_phases(db_session=db_session, enrolment=enrolment)
        end = max((e for _p, _s, e in phases), default=today)
        ready_by = today if gaps == 0 else max(today, end)
        internal.append(Side("internal", enrolment.user.full_name, enrolment.user_id, scores,
                             _overall(scores, weights), gaps, _months(today, ready_by),
                             ready_by))

    external: list[Side] = []
    results = db_session.scalars(
        select(ScreeningResult).where(ScreeningResult.role_version_id == version.id,
                                      ScreeningResult.overall.is_not(None))
        .order_by(ScreeningResult.overall.desc(), ScreeningResult.id).limit(MAX_CANDIDATES))
    for rank, result in enumerate(results, start=1):
        scores = {k: (v or {}).get("score") for k, v in result.dimensions.items()}
        gaps = _gaps(scores, weights)
        months = float(HIRING_MONTHS + (PREPARATION_MONTHS if gaps else 0))
        external.append(Side("external", f"#{rank}", None, scores, result.overall, gaps,
                             months, None))
    return BuildOrBuy(role=role, profile=profile, weights=weights, internal=internal,
                      external=external)
