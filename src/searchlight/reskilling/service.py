"""Reskilling: programme templates (editable by the L&D lead), the competency framework, tracks
and teams, and the access rules for development data. Functions take `db_session` first, are
keyword-only and never commit."""

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.db import utcnow
from searchlight.errors import Forbidden, InvalidInput, NotFound
from searchlight.governance import audit, events
from searchlight.reskilling import handover
from searchlight.reskilling.models import (
    Criterion,
    Enrolment,
    Milestone,
    Person,
    Phase,
    Programme,
    ProgrammeVariant,
    Team,
    Track,
)
from searchlight.reskilling.schemas import (
    CriterionOut,
    InconsistencyOut,
    MilestoneEdit,
    MilestoneOut,
    PhaseEdit,
    PhaseOut,
    ProgrammeEdit,
    ProgrammeOut,
    VariantOut,
)
from searchlight.reskilling.seed import LEGACY_STAGES
from searchlight.roles.schemas import BilingualText

# --- programmes -----------------------------------------------------------------------------


def list_programmes(*, db_session: Session) -> list[Programme]:
    return list(db_session.scalars(
        select(Programme).order_by(Programme.number, Programme.key).options(
            selectinload(Programme.variants).selectinload(ProgrammeVariant.phases),
            selectinload(Programme.milestones))))


def get_programme(*, db_session: Session, key: str) -> Programme:
    programme = db_session.scalar(select(Programme).where(Programme.key == key))
    if programme is None:
        raise NotFound("This programme does not exist.")
    return programme


def get_programme_for_user(
    *, db_session: Session, user: User, key: str, write: bool = False
) -> Programme:
    """The one lookup views use for a programme template: templates are not personal, so the
    permission is the whole rule; writing is for the L&D lead (and admin)."""
    require(user, "reskilling:manage" if write else "reskilling:read", target=f"programme:{key}")
    return get_programme(db_session=db_session, key=key)


def _bi(nl: str, en: str) -> BilingualText:
    return BilingualText(nl=nl, en=en)


def months_label(phase: Phase) -> str:
    if phase.month_from == phase.month_to:
        return f"{phase.month_from}"
    return f"{phase.month_from}-{phase.month_to}"


def programme_out(programme: Programme) -> ProgrammeOut:
    inconsistency = None
    if programme.inconsistency_nl or programme.inconsistency_en:
        inconsistency = InconsistencyOut(
            text=_bi(programme.inconsistency_nl, programme.inconsistency_en),
            resolved=programme.resolved_at is not None, resolution=programme.resolution)
    return ProgrammeOut(
        key=programme.key, number=programme.number, track=programme.track,
        title=_bi(programme.title_nl, programme.title_en),
        summary=_bi(programme.summary_nl, programme.summary_en),
        duration_months=programme.duration_months,
        variants=[VariantOut(
            key=variant.key, label=_bi(variant.label_nl, variant.label_en),
            weeks=sum(p.weeks for p in variant.phases),
            phases=[PhaseOut(
                months=months_label(p), month_from=p.month_from, month_to=p.month_to,
                description=_bi(p.description_nl, p.description_en), weeks=p.weeks,
                output=_bi(p.output_nl, p.output_en),
                note=_bi(p.note_nl, p.note_en) if (p.note_nl or p.note_en) else None)
                for p in variant.phases])
            for variant in programme.variants],
        milestones=[MilestoneOut(
            month=m.month, goal=_bi(m.goal_nl, m.goal_en), form=_bi(m.form_nl, m.form_en),
            form_kind=m.form_kind, beyond_duration=m.month > programme.duration_months)
            for m in programme.milestones],
        inconsistency=inconsistency)


def _programme_snapshot(programme: Programme) -> dict[str, Any]:
    return {"title_nl": programme.title_nl, "title_en": programme.title_en,
            "summary_nl": programme.summary_nl, "summary_en": programme.summary_en,
            "duration_months": programme.duration_months}


def _mark_beyond_duration(programme: Programme) -> None:
    for milestone in programme.milestones:
        milestone.beyond_duration = milestone.month > programme.duration_months


def update_programme(
    *, db_session: Session, actor: User, programme: Programme, edit: ProgrammeEdit
) -> None:
    before = _programme_snapshot(programme)
    for name, value in edit.model_dump().items():
        setattr(programme, name, value)
    _mark_beyond_duration(programme)
    after = _programme_snapshot(programme)
    if after != before:
        audit.record(db_session=db_session, actor=actor,
                     event=events.updated("reskilling_programme", programme.id, before, after))
    db_session.flush()


def resolve_inconsistency(
    *, db_session: Session, actor: User, programme: Programme, resolution: str,
    duration_months: int,
) -> None:
    """The L&D lead decides what the seed left open: the duration, and why."""
    resolution = resolution.strip()
    if not (programme.inconsistency_nl or programme.inconsistency_en):
        raise InvalidInput("This programme has no open inconsistency.")
    if not resolution:
        raise InvalidInput("resolution: say how the inconsistency is resolved.")
    if not 1 <= duration_months <= 36:
        raise InvalidInput("duration_months: choose between 1 and 36 months.")
    before = {"duration_months": programme.duration_months, "resolution": programme.resolution}
    programme.duration_months = duration_months
    programme.resolution = resolution[:4000]
    programme.resolved_at = utcnow()
    programme.resolved_by_id = actor.id
    _mark_beyond_duration(programme)
    audit.record(db_session=db_session, actor=actor, event=events.updated(
        "reskilling_programme", programme.id, before,
        {"duration_months": duration_months, "resolution": programme.resolution}))
    db_session.flush()


def _phase_in(programme: Programme, phase_id: int) -> Phase:
    for variant in programme.variants:
        for phase in variant.phases:
            if phase.id == phase_id:
                return phase
    raise NotFound("This phase does not exist in this programme.")


def update_phase(
    *, db_session: Session, actor: User, programme: Programme, phase_id: int, edit: PhaseEdit
) -> Phase:
    phase = _phase_in(programme, phase_id)
    if edit.month_to < edit.month_from:
        raise InvalidInput("month_to: the last month cannot be before the first.")
    before = {name: getattr(phase, name) for name in edit.model_dump()}
    for name, value in edit.model_dump().items():
        setattr(phase, name, value)
    audit.record(db_session=db_session, actor=actor, event=events.updated(
        "reskilling_phase", phase.id, before, edit.model_dump()))
    db_session.flush()
    return phase


def update_milestone(
    *, db_session: Session, actor: User, programme: Programme, milestone_id: int,
    edit: MilestoneEdit,
) -> Milestone:
    milestone = next((m for m in programme.milestones if m.id == milestone_id), None)
    if milestone is None:
        raise NotFound("This milestone does not exist in this programme.")
    before = {name: getattr(milestone, name) for name in edit.model_dump()}
    for name, value in edit.model_dump().items():
        setattr(milestone, name, value)
    milestone.beyond_duration = milestone.month > programme.duration_months
    audit.record(db_session=db_session, actor=actor, event=events.updated(
        "reskilling_milestone", milestone.id, before, edit.model_dump()))
    db_session.flush()
    return milestone


# --- competency framework, tracks, teams ----------------------------------------------------


def list_criteria(*, db_session: Session) -> list[Criterion]:
    return list(db_session.scalars(select(Criterion).order_by(Criterion.position)))


def criterion_out(criterion: Criterion) -> CriterionOut:
    return CriterionOut(key=criterion.key, text=_bi(criterion.text_nl, criterion.text_en),
                        evidence=_bi(criterion.evidence_nl, criterion.evidence_en),
                        dimensions=list(criterion.dimensions))


def list_tracks(*, db_session: Session) -> list[Track]:
    return list(db_session.scalars(select(Track).order_by(Track.key)))


def list_teams(*, db_session: Session) -> list[Team]:
    return list(db_session.scalars(select(Team).order_by(Team.track_key, Team.name)))


def set_team_stage(
    *, db_session: Session, actor: User, team: Team, stage: str, since: date
) -> None:
    """Record where a track-A team stands in the legacy strategy."""
    if team.track_key != "A":
        raise InvalidInput("stage: only track-A (maintenance) teams follow the legacy stages.")
    if stage not in LEGACY_STAGES:
        raise InvalidInput(f"stage: choose one of {', '.join(LEGACY_STAGES)}.")
    before = {"stage": team.stage, "stage_since": team.stage_since.isoformat()}
    team.stage, team.stage_since = stage, since
    audit.record(db_session=db_session, actor=actor, event=events.updated(
        "reskilling_team", team.id, before, {"stage": stage, "stage_since": since.isoformat()}))
    db_session.flush()


# --- development data: who may see it ------------------------------------------------------


def may_see_development(*, user: User, person: Person | None, owner_id: int) -> bool:
    """Development data is for the employee, their lead and L&D (admin) only."""
    if not allowed(user, "development:read"):
        return False
    if allowed(user, "development:read_all") or user.id == owner_id:
        return True
    return person is not None and person.lead_id == user.id


def get_person_for_user(*, db_session: Session, user: User, user_id: int) -> Person:
    """An employee's development record, if `user` may see it (self, their lead, L&D; a
    recruiter only once the employee applied for an internal role)."""
    person = db_session.get(Person, user_id)
    if person is not None and handover.recruiter_may_see(db_session=db_session, user=user,
                                                         owner_id=user_id):
        return person
    require(user, "development:read", target=f"person:{user_id}")
    if not may_see_development(user=user, person=person, owner_id=user_id):
        raise Forbidden("This development plan is not yours to see.",
                        permission="development:read", target=f"person:{user_id}")
    if person is None:
        raise NotFound("This person has no development plan.")
    return person


def get_enrolment_for_user(*, db_session: Session, user: User, enrolment_id: int) -> Enrolment:
    enrolment = db_session.get(Enrolment, enrolment_id)
    if enrolment is not None and handover.recruiter_may_see(
            db_session=db_session, user=user, owner_id=enrolment.user_id):
        return enrolment
    require(user, "development:read", target=f"enrolment:{enrolment_id}")
    if enrolment is None:
        raise NotFound("This enrolment does not exist.")
    person = db_session.get(Person, enrolment.user_id)
    if not may_see_development(user=user, person=person, owner_id=enrolment.user_id):
        raise Forbidden("This development plan is not yours to see.",
                        permission="development:read", target=f"enrolment:{enrolment_id}")
    return enrolment
