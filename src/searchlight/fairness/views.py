"""The candidate's voluntary self-identification form (by single-use link), the recruiter's
button that mails the link, and the auditor's bias audit page with its CSV download."""

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from searchlight import navigation
from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.candidates.pipeline import role_by_key
from searchlight.candidates.service import get_candidate_for_user
from searchlight.comms.service import application_of, candidate_language
from searchlight.deps import LOCALE_COOKIE, CurrentUser, DbSession, PostedForm
from searchlight.errors import DomainError, NotFound
from searchlight.fairness import report, service
from searchlight.fairness.audit import JOIN
from searchlight.fairness.categories import BY_KEY, CATEGORIES
from searchlight.home import panels
from searchlight.i18n import N_, _, current_locale
from searchlight.roles.models import Role
from searchlight.web import render

router = APIRouter(tags=["fairness"])
Text = Annotated[str, Form()]
navigation.register(navigation.Entry(path="/fairness", label=N_("Bias audit"),
                                     permission="fairness:audit", order=96))
SCORE_NAMES = {"overall": N_("Overall score"), "skills": N_("Skills"),
               "experience": N_("Experience"), "attitude": N_("Attitude"),
               "results": N_("Results"), "cognitive": N_("Cognitive"), "habits": N_("Habits")}


def audit_panel(*, db_session: DbSession, user: User) -> dict[str, int]:
    return service.counts(db_session=db_session)


panels.register(panels.Panel(key="fairness.audit", template="fairness/_home_audit.html",
                             context=audit_panel, permission="fairness:audit", order=56))


def _form(request: Request, token: str, *, status_code: int = 200, state: str = "open",
          message: str = "", errors: dict[str, str] | None = None) -> Response:
    return render(request, "fairness/self_id.html", status_code=status_code, token=token,
                  state=state, message=message, categories=CATEGORIES, errors=errors or {})


def _in_their_language(request: Request, language: str) -> None:
    """The language they applied in, unless they chose one on this site."""
    if not request.cookies.get(LOCALE_COOKIE):
        current_locale.set(language)


@router.get("/self-identification/{token}", include_in_schema=False)
def self_id_page(request: Request, db: DbSession, token: str) -> Response:
    try:
        invitation = service.invitation_by_token(db_session=db, token=token)
    except DomainError as problem:
        return _form(request, token, status_code=problem.status_code, state="closed",
                     message=_(problem.message))
    _in_their_language(request, invitation.language)
    if invitation.used_at is not None or service.has_answered(
            db_session=db, application_id=invitation.application_id):
        return _form(request, token, status_code=410, state="closed",
                     message=_("This form was already filled in. Thank you!"))
    return _form(request, token)


@router.post("/self-identification/{token}", include_in_schema=False)
def self_id_answer(request: Request, db: DbSession, token: str, form: PostedForm) -> Response:
    raw = {category.key: str(form.get(category.key) or "") for category in CATEGORIES}
    try:
        invitation = service.invitation_by_token(db_session=db, token=token)
        _in_their_language(request, invitation.language)
        service.answer(db_session=db, token=token, raw=raw)
    except DomainError as problem:
        field = str((problem.detail or {}).get("field", ""))
        state = "open" if problem.status_code == 422 else "closed"
        return _form(request, token, status_code=problem.status_code, state=state,
                     message=_(problem.message), errors={field: _(problem.message)})
    return _form(request, token, state="done", message=_(
        "Thank you! Your answers are stored apart from your application and are only counted "
        "in totals."))


@router.post("/candidates/{candidate_id:int}/self-identification", include_in_schema=False)
def invite(request: Request, db: DbSession, user: CurrentUser, candidate_id: int,
           application: Text = "") -> Response:
    candidate = get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id,
                                       permission="crm:write")
    found = application_of(db_session=db, candidate=candidate,
                           application_id=int(application) if application.isdigit() else 0)
    service.invite(db_session=db, actor=user, application=found,
                   language=candidate_language(db_session=db, candidate=candidate),
                   base_url=str(request.base_url).rstrip("/"))
    return RedirectResponse(f"/candidates/{candidate.id}/messages?self_id=1", status_code=303)


def _category_label(category: str) -> str:
    return JOIN.join(_(BY_KEY[key].name) if key in BY_KEY else key
                     for key in category.split(JOIN))


def _measure_label(measure: report.Measure, role: Role, db: DbSession) -> str:
    if measure.kind == "score":
        return _("Scoring rate: {score} above the median",
                 score=_(SCORE_NAMES.get(measure.name, measure.name)).lower())
    stages = {s.key: s for s in report.stages_to_audit(db_session=db, role=role)}
    stage = stages.get(measure.name)
    name = stage.name(current_locale.get()) if stage else measure.name
    return _("Selection rate: reached “{stage}”", stage=name)


def _chosen_role(db: DbSession, role: str,
                 with_answers: list[tuple[Role, int]]) -> Role | None:
    if role:
        return role_by_key(db_session=db, key=role)
    return with_answers[0][0] if with_answers else None


@router.get("/fairness", include_in_schema=False)
def fairness_page(request: Request, db: DbSession, user: CurrentUser, role: str = "",
                  measure: str = "") -> Response:
    require(user, "fairness:audit")
    with_answers = report.roles_with_answers(db_session=db)
    chosen = _chosen_role(db, role, with_answers)
    if chosen is None:
        return render(request, "fairness/audit.html", role=None, roles=with_answers)
    options = report.measures(db_session=db, role=chosen)
    selected = next((m for m in options if m.key == measure), options[0])
    result = report.role_audit(db_session=db, role=chosen, measure=selected)
    return render(request, "fairness/audit.html", role=chosen, roles=with_answers,
                  role_keys={each.key for each, _n in with_answers},
                  measures=[(m, _measure_label(m, chosen, db)) for m in options],
                  measure=selected, measure_label=_measure_label(selected, chosen, db),
                  result=result, group_label=_group_label_for,
                  category_label=_category_label)


def _group_label_for(columns: tuple[str, ...], group: str) -> str:
    return JOIN.join(_(BY_KEY[key].label(value)) if key in BY_KEY else value
                     for key, value in zip(columns, group.split(JOIN), strict=False))


@router.get("/fairness/report.csv", include_in_schema=False)
def fairness_csv(db: DbSession, user: CurrentUser, role: str = "") -> Response:
    require(user, "fairness:audit")
    if not role:
        raise NotFound(N_("Choose a role."))
    chosen = role_by_key(db_session=db, key=role)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(report.CSV_HEADER)
    writer.writerows(report.csv_rows(db_session=db, role=chosen))
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="bias-audit-{chosen.key}.csv"',
        "Cache-Control": "no-store"})
