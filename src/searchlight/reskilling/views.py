"""Reskilling pages for the L&D lead: programmes with phases and milestones (editable), the
seed's inconsistencies to resolve, the competency framework, tracks and team stages."""

from datetime import date
from typing import Any, TypeVar
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from searchlight import navigation
from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.deps import CurrentUser, DbSession, PostedForm, SettingsDep
from searchlight.errors import InvalidInput, NotFound
from searchlight.home import panels
from searchlight.i18n import N_, current_locale
from searchlight.reskilling import (
    buildbuy,
    dashboard,
    development,
    exports,
    handover,
    plans,
    rubrics,
    service,
    value,
)
from searchlight.reskilling import panels as home_panels
from searchlight.reskilling.models import Person, Team
from searchlight.reskilling.schemas import MilestoneEdit, PhaseEdit, ProgrammeEdit
from searchlight.reskilling.seed import EVIDENCE_KINDS, LEGACY_STAGES
from searchlight.roles import service as roles
from searchlight.roles.schemas import DIMENSION_KEYS, dimension_title
from searchlight.screening import charts
from searchlight.web import render

router = APIRouter(tags=["reskilling"])
navigation.register(navigation.Entry(path="/reskilling", label=N_("Reskilling"),
                                     permission="reskilling:manage", order=55))
navigation.register(navigation.Entry(path="/development", label=N_("My development"),
                                     permission="development:read",
                                     roles=frozenset({"employee"}), order=55))
panels.register(panels.Panel(key="reskilling.ld", template="reskilling/_home_ld.html",
                             context=home_panels.ld_overview, permission="reskilling:manage",
                             order=20))
panels.register(panels.Panel(key="reskilling.my_path", template="reskilling/_home_path.html",
                             context=home_panels.my_path, roles=frozenset({"employee"}),
                             order=10))
panels.register(panels.Panel(key="reskilling.my_teams", template="reskilling/_home_teams.html",
                             context=home_panels.my_teams, order=35))
panels.register(panels.Panel(key="reskilling.my_people",
                             template="reskilling/_home_people.html",
                             context=home_panels.my_people, permission="development:review",
                             order=30))
ModelT = TypeVar("ModelT", bound=BaseModel)


def _parse(model: type[ModelT], form: Any) -> ModelT:
    data = {name: str(form.get(name, "")) for name in model.model_fields if name in form}
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()]
        raise InvalidInput("; ".join(problems), detail={"problems": problems}) from None


def _stage_label(stage: str, locale: str) -> str:
    labels = LEGACY_STAGES.get(stage)
    return (labels[1] if locale == "en" else labels[0]) if labels else ""


@router.get("/reskilling", include_in_schema=False)
def overview(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "reskilling:manage")
    role_titles = {r.key: r for r in roles.list_roles(db_session=db)}
    return render(request, "reskilling/overview.html",
                  programmes=service.list_programmes(db_session=db),
                  criteria=service.list_criteria(db_session=db),
                  tracks=service.list_tracks(db_session=db),
                  teams=service.list_teams(db_session=db), role_titles=role_titles,
                  stages=LEGACY_STAGES, stage_label=_stage_label,
                  dimension_title=dimension_title, today=date.today())


@router.get("/reskilling/programmes/{key}", include_in_schema=False)
def programme_detail(request: Request, key: str, db: DbSession, user: CurrentUser) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key)
    return render(request, "reskilling/programme.html", programme=programme,
                  months_label=service.months_label,
                  can_manage=allowed(user, "reskilling:manage"))


@router.get("/reskilling/programmes/{key}/edit", include_in_schema=False)
def programme_edit(request: Request, key: str, db: DbSession, user: CurrentUser) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    return render(request, "reskilling/edit.html", programme=programme,
                  months_label=service.months_label)


@router.post("/reskilling/programmes/{key}", include_in_schema=False)
def programme_save(request: Request, key: str, db: DbSession,
                         user: CurrentUser, form: PostedForm) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    edit = _parse(ProgrammeEdit, form)
    service.update_programme(db_session=db, actor=user, programme=programme, edit=edit)
    return RedirectResponse(f"/reskilling/programmes/{key}?saved=1", status_code=303)


@router.post("/reskilling/programmes/{key}/phases/{phase_id}", include_in_schema=False)
def phase_save(request: Request, key: str, phase_id: int, db: DbSession,
                     user: CurrentUser, form: PostedForm) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    edit = _parse(PhaseEdit, form)
    service.update_phase(db_session=db, actor=user, programme=programme, phase_id=phase_id,
                         edit=edit)
    return RedirectResponse(f"/reskilling/programmes/{key}?saved=1", status_code=303)


@router.post("/reskilling/programmes/{key}/milestones/{milestone_id}", include_in_schema=False)
def milestone_save(request: Request, key: str, milestone_id: int, db: DbSession,
                         user: CurrentUser, form: PostedForm) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    edit = _parse(MilestoneEdit, form)
    service.update_milestone(db_session=db, actor=user, programme=programme,
                             milestone_id=milestone_id, edit=edit)
    return RedirectResponse(f"/reskilling/programmes/{key}?saved=1", status_code=303)


@router.post("/reskilling/programmes/{key}/resolve", include_in_schema=False)
def resolve(request: Request, key: str, db: DbSession, user: CurrentUser,
            form: PostedForm) -> Response:
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    months = str(form.get("duration_months", ""))
    if not months.isdigit():
        raise InvalidInput("duration_months: choose a number of months.")
    service.resolve_inconsistency(db_session=db, actor=user, programme=programme,
                                  resolution=str(form.get("resolution", "")),
                                  duration_months=int(months))
    return RedirectResponse(f"/reskilling/programmes/{key}?saved=1", status_code=303)


@router.post("/reskilling/teams/{team_id}/stage", include_in_schema=False)
def team_stage(request: Request, team_id: int, db: DbSession,
                     user: CurrentUser, form: PostedForm) -> Response:
    require(user, "reskilling:manage", target=f"team:{team_id}")
    team = db.get(Team, team_id)
    if team is None:
        raise NotFound("This team does not exist.")
    try:
        since = date.fromisoformat(str(form.get("since", "")))
    except ValueError:
        raise InvalidInput("since: give the date as YYYY-MM-DD.") from None
    service.set_team_stage(db_session=db, actor=user, team=team,
                           stage=str(form.get("stage", "")), since=since)
    return RedirectResponse("/reskilling#teams", status_code=303)


# --- cohorts (L&D) ----------------------------------------------------------------------------


def _form_text(form: Any, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _form_date(form: Any, name: str) -> date:
    try:
        return date.fromisoformat(_form_text(form, name))
    except ValueError:
        raise InvalidInput(f"{name}: give the date as YYYY-MM-DD.") from None


def _form_float(form: Any, name: str, default: float) -> float:
    text = _form_text(form, name).replace(",", ".")
    if not text:
        return default
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(f"{name}: give a number such as 0.8.") from None


def _form_int(form: Any, name: str) -> int | None:
    text = _form_text(form, name)
    if not text:
        return None
    if not text.isdigit():
        raise InvalidInput(f"{name}: give a whole number.")
    return int(text)


@router.get("/reskilling/cohorts", include_in_schema=False)
def cohorts(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "reskilling:manage")
    return render(request, "reskilling/cohorts.html",
                  cohorts=development.list_cohorts(db_session=db),
                  programmes=service.list_programmes(db_session=db), today=date.today())


@router.post("/reskilling/cohorts", include_in_schema=False)
def cohort_create(request: Request, db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    require(user, "reskilling:manage")
    key, _sep, variant = _form_text(form, "programme").partition(":")
    programme = service.get_programme_for_user(db_session=db, user=user, key=key, write=True)
    cohort = development.create_cohort(
        db_session=db, actor=user, programme=programme, variant_key=variant,
        name=_form_text(form, "name"), start_date=_form_date(form, "start_date"),
        holidays=development.parse_holidays(_form_text(form, "holidays")))
    return RedirectResponse(f"/reskilling/cohorts/{cohort.id}", status_code=303)


@router.get("/reskilling/cohorts/{cohort_id}", include_in_schema=False)
def cohort_detail(request: Request, cohort_id: int, db: DbSession,
                  user: CurrentUser) -> Response:
    cohort = development.get_cohort_for_user(db_session=db, user=user, cohort_id=cohort_id)
    rows = [(e, development.milestone_statuses(db_session=db, enrolment=e))
            for e in cohort.enrolments]
    return render(request, "reskilling/cohort.html", cohort=cohort, rows=rows,
                  employees=development.learners(db_session=db),
                  leads=development.possible_leads(db_session=db),
                  roles=roles.list_roles(db_session=db, include_inactive=False))


@router.post("/reskilling/cohorts/{cohort_id}/enrol", include_in_schema=False)
def cohort_enrol(request: Request, cohort_id: int, db: DbSession,
                       user: CurrentUser, form: PostedForm) -> Response:
    cohort = development.get_cohort_for_user(db_session=db, user=user, cohort_id=cohort_id)
    employee = development.find_user(db_session=db, email=_form_text(form, "employee"))
    lead_email = _form_text(form, "lead")
    lead = development.find_user(db_session=db, email=lead_email) if lead_email else None
    development.enrol(db_session=db, actor=user, cohort=cohort, user=employee, lead=lead,
                      part_time_factor=_form_float(form, "part_time_factor", 1.0),
                      target_role_key=_form_text(form, "target_role"),
                      kind=_form_text(form, "kind") or "employee")
    return RedirectResponse(f"/reskilling/cohorts/{cohort.id}?enrolled=1", status_code=303)


# --- development: the employee's own plan, and the same page for their lead and L&D ------------


def _development_page(request: Request, db: DbSession, user: User, person: Person | None,
                      owner: User) -> Response:
    locale = current_locale.get()
    enrolments = [
        (e, development.dated_phases(db_session=db, enrolment=e),
         development.milestone_statuses(db_session=db, enrolment=e),
         development.evidence_of(db_session=db, enrolment_id=e.id))
        for e in development.enrolments_of(db_session=db, user_id=owner.id)]
    scores = development.scores_of(db_session=db, user_id=owner.id)
    history = development.profile_history(scores)
    labels: dict[str, str] = {key: dimension_title(key, locale) for key in DIMENSION_KEYS}
    led = development.people_led_by(db_session=db, lead=user) if user.id == owner.id else []
    reminders = development.upcoming(db_session=db, user_ids=[owner.id], today=date.today())
    team_reminders = development.upcoming(db_session=db, user_ids=[p.user_id for p in led],
                                          today=date.today())
    return render(
        request, "reskilling/development.html", owner=owner, person=person,
        is_self=user.id == owner.id, enrolments=enrolments,
        can_review=development.may_review(user=user, person=person, owner_id=owner.id),
        criteria=service.list_criteria(db_session=db), kinds=EVIDENCE_KINDS,
        rubric_for=rubrics.rubric_for, history=history, scores=scores,
        current=development.profile_at(scores), labels=labels, dimensions=DIMENSION_KEYS,
        axes=charts.radar_axes(labels), rings=charts.rings(), polygon=charts.radar_polygon,
        led=led, reminders=reminders, team_reminders=team_reminders, today=date.today(),
        roles=roles.list_roles(db_session=db, include_inactive=False),
        courses={c.key: c for c in plans.list_courses(db_session=db)},
        applications=handover.applications_of(db_session=db, user_id=owner.id),
        can_hand_over=user.id == owner.id or allowed(user, "reskilling:manage"))


@router.get("/development", include_in_schema=False)
def my_development(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "development:read")
    return _development_page(request, db, user, db.get(Person, user.id), user)


@router.get("/development/people/{user_id}", include_in_schema=False)
def person_development(request: Request, user_id: int, db: DbSession,
                       user: CurrentUser) -> Response:
    person = service.get_person_for_user(db_session=db, user=user, user_id=user_id)
    return _development_page(request, db, user, person, person.user)


@router.post("/development/enrolments/{enrolment_id}/evidence", include_in_schema=False)
def evidence_add(request: Request, enrolment_id: int, db: DbSession,
                       user: CurrentUser, settings: SettingsDep, form: PostedForm) -> Response:
    enrolment = service.get_enrolment_for_user(db_session=db, user=user,
                                               enrolment_id=enrolment_id)
    upload = form.get("file")
    file = None
    if isinstance(upload, UploadFile) and upload.filename:
        file = (upload.filename, upload.file.read(settings.max_upload_bytes + 1))
    link = _form_text(form, "link")
    kind_of_link, _sep, link_id = link.partition(":")
    development.add_evidence(
        db_session=db, actor=user, enrolment=enrolment, kind=_form_text(form, "kind"),
        title=_form_text(form, "title"), url=_form_text(form, "url"),
        criterion_id=int(link_id) if kind_of_link == "criterion" and link_id.isdigit() else None,
        milestone_id=int(link_id) if kind_of_link == "milestone" and link_id.isdigit() else None,
        file=file, self_rating=_form_int(form, "self_rating"),
        self_assessment=_form_text(form, "self_assessment"), settings=settings)
    return RedirectResponse("/development?added=1#evidence", status_code=303)


@router.get("/development/evidence/{evidence_id}/file", include_in_schema=False)
def evidence_file(evidence_id: int, db: DbSession, user: CurrentUser) -> Response:
    evidence = development.get_evidence_for_user(db_session=db, user=user,
                                                 evidence_id=evidence_id)
    if not evidence.file_name or evidence.content is None:
        raise NotFound("This evidence has no file.")
    name = quote(evidence.file_name)
    return Response(evidence.content, media_type=evidence.media_type, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{name}",
        "Cache-Control": "private, no-store"})


@router.post("/development/evidence/{evidence_id}/review", include_in_schema=False)
def evidence_review(request: Request, evidence_id: int, db: DbSession,
                          user: CurrentUser, form: PostedForm) -> Response:
    evidence = development.get_evidence_for_user(db_session=db, user=user,
                                                 evidence_id=evidence_id)
    rating = _form_int(form, "rating")
    if rating is None:
        raise InvalidInput("rating: choose a rating from 1 to 5.")
    development.review_evidence(db_session=db, reviewer=user, evidence=evidence, rating=rating,
                                comment=_form_text(form, "comment"),
                                approve=_form_text(form, "decision") != "changes")
    return RedirectResponse(f"/development/people/{evidence.enrolment.user_id}#evidence",
                            status_code=303)


@router.post("/development/enrolments/{enrolment_id}/milestones/{milestone_id}/assess",
             include_in_schema=False)
def milestone_assess(request: Request, enrolment_id: int, milestone_id: int,
                           db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    enrolment = service.get_enrolment_for_user(db_session=db, user=user,
                                               enrolment_id=enrolment_id)
    milestone = next((m for m in enrolment.cohort.programme.milestones
                      if m.id == milestone_id), None)
    if milestone is None:
        raise NotFound("This milestone is not part of the programme.")
    scores: dict[str, int] = {}
    for item in rubrics.rubric_for(milestone.form_kind):
        value = _form_int(form, f"score_{item.key}")
        if value is not None:
            scores[item.key] = value
    development.assess_milestone(db_session=db, reviewer=user, enrolment=enrolment,
                                 milestone=milestone, scores=scores,
                                 comment=_form_text(form, "comment"),
                                 passed=_form_text(form, "passed") == "yes")
    return RedirectResponse(f"/development/people/{enrolment.user_id}#milestones",
                            status_code=303)


# --- dashboard and exports (L&D) --------------------------------------------------------------


@router.get("/reskilling/dashboard", include_in_schema=False)
def dashboard_page(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "reskilling:manage")
    today = date.today()
    progress = dashboard.all_progress(db_session=db, today=today)
    values = value.all_values(db_session=db)
    return render(request, "reskilling/dashboard.html", progress=progress,
                  at_risk=dashboard.at_risk(progress), risk_text=dashboard.risk_text,
                  gantts={c.cohort.id: dashboard.gantt(db_session=db, cohort=c.cohort,
                                                       today=today) for c in progress},
                  goal_months=dashboard.GOAL_MONTHS, values=values,
                  value_charts={v.team.id: value.chart(v) for v in values},
                  promise=(value.PROMISE_LOW, value.PROMISE_HIGH), today=today)


@router.get("/reskilling/roles/{key}/build-or-buy", include_in_schema=False)
def build_or_buy(request: Request, key: str, db: DbSession, user: CurrentUser) -> Response:
    today = date.today()
    found = buildbuy.compare(db_session=db, user=user, role_key=key, today=today)
    return render(request, "reskilling/build_or_buy.html", found=found, today=today,
                  dimension_keys=[k for k in DIMENSION_KEYS if k in found.weights],
                  dimension_title=dimension_title, target_level=buildbuy.TARGET_LEVEL,
                  hiring_months=buildbuy.HIRING_MONTHS,
                  preparation_months=buildbuy.PREPARATION_MONTHS)


@router.get("/reskilling/teams/{team_id}", include_in_schema=False)
def team_page(request: Request, team_id: int, db: DbSession, user: CurrentUser) -> Response:
    """A team's value measurements, for its lead and for L&D: the numbers, the chart and the
    form to record the next one."""
    team = value.get_team_for_user(db_session=db, user=user, team_id=team_id)
    found = value.team_value(db_session=db, team=team)
    return render(request, "reskilling/team.html", v=found, chart=value.chart(found),
                  promise=(value.PROMISE_LOW, value.PROMISE_HIGH), today=date.today(),
                  can_manage=allowed(user, "reskilling:manage"))


@router.post("/reskilling/teams/{team_id}/measurements", include_in_schema=False)
def team_measurement(request: Request, team_id: int, db: DbSession,
                           user: CurrentUser, form: PostedForm) -> Response:
    team = value.get_team_for_user(db_session=db, user=user, team_id=team_id)
    value.record_measurement(
        db_session=db, actor=user, team=team, kind=_form_text(form, "kind"),
        measured_on=_form_date(form, "measured_on"),
        maintenance_hours=_form_float(form, "maintenance_hours", -1.0),
        incidents_total=_form_int(form, "incidents_total") or 0,
        incidents_by_ai=_form_int(form, "incidents_by_ai") or 0,
        lead_time_days=_form_float(form, "lead_time_days", -1.0),
        note=_form_text(form, "note"))
    return RedirectResponse(f"/reskilling/teams/{team.id}?recorded=1", status_code=303)


@router.get("/reskilling/dashboard.csv", include_in_schema=False)
def dashboard_csv(db: DbSession, user: CurrentUser) -> Response:
    require(user, "reskilling:manage")
    progress = dashboard.all_progress(db_session=db, today=date.today())
    return Response(exports.progress_csv(progress, current_locale.get()),
                    media_type="text/csv; charset=utf-8", headers={
                        "Content-Disposition": 'attachment; filename="reskilling-progress.csv"',
                        "Cache-Control": "private, no-store"})


@router.get("/reskilling/dashboard.pdf", include_in_schema=False)
def dashboard_pdf(db: DbSession, user: CurrentUser) -> Response:
    require(user, "reskilling:manage")
    progress = dashboard.all_progress(db_session=db, today=date.today())
    return Response(exports.progress_pdf(progress, current_locale.get()),
                    media_type="application/pdf", headers={
                        "Content-Disposition": 'attachment; filename="reskilling-progress.pdf"',
                        "Cache-Control": "private, no-store"})


# --- personal plan and the course catalogue -----------------------------------------------------


@router.post("/development/enrolments/{enrolment_id}/apply", include_in_schema=False)
def apply_for_role(request: Request, enrolment_id: int, db: DbSession,
                         user: CurrentUser, form: PostedForm) -> Response:
    enrolment = service.get_enrolment_for_user(db_session=db, user=user,
                                               enrolment_id=enrolment_id)
    handover.to_pipeline(db_session=db, actor=user, enrolment=enrolment,
                         role_key=_form_text(form, "role"))
    return RedirectResponse(f"/development/people/{enrolment.user_id}?applied=1#apply-"
                            f"{enrolment.id}", status_code=303)


@router.post("/development/enrolments/{enrolment_id}/plan", include_in_schema=False)
def plan_save(request: Request, enrolment_id: int, db: DbSession,
                    user: CurrentUser, form: PostedForm) -> Response:
    enrolment = service.get_enrolment_for_user(db_session=db, user=user,
                                               enrolment_id=enrolment_id)
    plans.save_plan(db_session=db, actor=user, enrolment=enrolment,
                    role_key=_form_text(form, "role"))
    return RedirectResponse(f"/development/people/{enrolment.user_id}#plan-{enrolment.id}",
                            status_code=303)


_COURSE_FIELDS = ("title", "provider", "language", "cost_eur", "hours", "audience", "url",
                  "dimensions", "skills", "is_active")


@router.get("/reskilling/courses", include_in_schema=False)
def courses_page(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "reskilling:manage")
    return render(request, "reskilling/courses.html",
                  courses=plans.list_courses(db_session=db), dimensions=DIMENSION_KEYS,
                  dimension_title=dimension_title)


@router.post("/reskilling/courses", include_in_schema=False)
def course_create(request: Request, db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    require(user, "reskilling:manage")
    data = {name: _form_text(form, name) for name in _COURSE_FIELDS}
    data["dimensions"] = " ".join(str(v) for v in form.getlist("dimensions"))
    plans.create_course(db_session=db, actor=user, key=_form_text(form, "key"), data=data)
    return RedirectResponse("/reskilling/courses?saved=1", status_code=303)


@router.post("/reskilling/courses/{course_id}", include_in_schema=False)
def course_save(request: Request, course_id: int, db: DbSession,
                      user: CurrentUser, form: PostedForm) -> Response:
    require(user, "reskilling:manage", target=f"course:{course_id}")
    course = plans.get_course(db_session=db, course_id=course_id)
    data = {name: _form_text(form, name) for name in _COURSE_FIELDS}
    data["dimensions"] = " ".join(str(v) for v in form.getlist("dimensions"))
    plans.update_course(db_session=db, actor=user, course=course, data=data)
    return RedirectResponse(f"/reskilling/courses?saved=1#course-{course.id}", status_code=303)
