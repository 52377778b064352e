"""The analytics page (funnel, time in stage, time to hire, sources) and its CSV exports."""

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from searchlight import navigation
from searchlight.analytics import service
from searchlight.analytics.charts import bar_rows, column_chart
from searchlight.analytics.scarcity import views as scarcity_views
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import InvalidInput
from searchlight.i18n import N_, _, current_locale
from searchlight.survey import service as survey
from searchlight.survey.models import QUESTIONS
from searchlight.survey.views import QUESTION_NAMES
from searchlight.web import render

router = APIRouter(tags=["analytics"])
router.include_router(scarcity_views.router)
navigation.register(navigation.Entry(path="/analytics", label=N_("Analytics"),
                                     permission="analytics:read",
                                     order=70))
Text = Annotated[str | None, Query()]
# The ten careers-site events of seed 004, as a recruitment lead would name them.
EVENT_LABELS = {
    "landing_view": N_("Landing-page views"), "overview_view": N_("Vacancy-overview views"),
    "vacancy_view": N_("Vacancy views"), "alert_signup": N_("Job-alert sign-ups"),
    "form_completed": N_("Completed application forms"),
    "form_abandoned": N_("Abandoned application forms"),
    "recruiter_contact": N_("Contact with the recruiter"),
    "engaged_time": N_("Engaged time on a vacancy"),
    "story_read": N_("Blogs and testimonials read"),
    "scroll_depth": N_("Scroll-depth moments"),
}


def _report(db: DbSession, user: CurrentUser, role: str | None, since: str | None,
            until: str | None) -> service.Report:
    period = service.Period.parse(since or None, until or None)
    return service.report(db_session=db, user=user, role_key=role or None, period=period)


@router.get("/analytics", include_in_schema=False)
def analytics_page(request: Request, db: DbSession, user: CurrentUser, role: Text = None,
                   since: Text = None, until: Text = None) -> Response:
    roles = service.visible_roles(db_session=db, user=user)
    try:
        report = _report(db, user, role, since, until)
    except InvalidInput as problem:
        report = _report(db, user, role, None, None)
        error = _(problem.message)
    else:
        error = ""
    locale = current_locale.get()
    names = {stage.key: stage.name(locale) for stage in report.stages}
    funnel_bars = bar_rows([(names[s.stage], s.reached) for s in report.funnel])
    wait_bars = bar_rows([(names[t.stage], t.median_days or 0) for t in report.times
                          if t.completed])
    views_chart = column_chart([(day.isoformat(), count)
                                for day, count in report.events_per_day])
    scope = ([report.role.id] if report.role else
             service.visible_role_ids(db_session=db, user=user))
    per_role, per_month, survey_roles = survey.results(db_session=db, role_ids=scope,
                                                       period=report.period)
    survey_chart = column_chart([(s.group, s.overall or 0) for s in per_month if s.shown])
    return render(request, "analytics/index.html", report=report, roles=roles, names=names,
                  funnel_bars=funnel_bars, wait_bars=wait_bars, error=error,
                  event_labels={key: _(label) for key, label in EVENT_LABELS.items()},
                  views_chart=views_chart, survey_roles=survey_roles,
                  survey_per_role=per_role, survey_per_month=per_month,
                  survey_chart=survey_chart,
                  survey_questions=[_(QUESTION_NAMES[q]) for q in QUESTIONS],
                  values={"role": role or "", "since": since or "", "until": until or ""})


def _csv(rows: list[list[object]], filename: str) -> Response:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store"})


@router.get("/analytics/funnel.csv", include_in_schema=False)
def funnel_csv(db: DbSession, user: CurrentUser, role: Text = None, since: Text = None,
               until: Text = None) -> Response:
    report = _report(db, user, role, since, until)
    times = {t.stage: t for t in report.times}
    rows: list[list[object]] = [[_("Stage"), _("Reached"), _("Went on"), _("Conversion (%)"),
                                 _("Drop-off"), _("Median days in stage"), _("Waiting now")]]
    for step in report.funnel:
        time = times[step.stage]
        rows.append([step.stage, step.reached, "" if step.next_reached is None
                     else step.next_reached, _percent(step.conversion), step.drop_off,
                     "" if time.median_days is None else time.median_days, time.waiting_now])
    return _csv(rows, f"funnel-{report.role.key if report.role else 'all'}.csv")


@router.get("/analytics/sources.csv", include_in_schema=False)
def sources_csv(db: DbSession, user: CurrentUser, role: Text = None, since: Text = None,
                until: Text = None) -> Response:
    report = _report(db, user, role, since, until)
    rows: list[list[object]] = [[_("Source"), _("Applicants"), _("Screened"), _("Interviewed"),
                                 _("Hired"), _("Hire rate (%)"), _("Cost (euro)"),
                                 _("Cost per hire (euro)")]]
    for row in report.sources:
        rows.append([row.source or _("Unknown"), row.applicants, row.screened, row.interviewed,
                     row.hired, _percent(row.hire_rate), _euros(row.cost_cents),
                     _euros(row.cost_per_hire_cents)])
    return _csv(rows, "sources.csv")


@router.get("/analytics/events.csv", include_in_schema=False)
def events_csv(db: DbSession, user: CurrentUser, role: Text = None, since: Text = None,
               until: Text = None) -> Response:
    report = _report(db, user, role, since, until)
    rows: list[list[object]] = [[_("Event"), _("Name"), _("Count")]]
    rows += [[event, _(EVENT_LABELS[event]), count] for event, count in report.events.items()
             if event in EVENT_LABELS]
    return _csv(rows, f"careers-events-{report.role.key if report.role else 'all'}.csv")


def _euros(cents: int | None) -> str:
    return "" if cents is None else f"{cents / 100:.2f}"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}"
