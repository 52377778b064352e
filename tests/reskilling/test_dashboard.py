"""The L&D dashboard: progress against the 12-month goal, people at risk with the reason, the
timeline, and the CSV/PDF exports."""

import csv
import io
from datetime import date, timedelta

from searchlight.config import get_settings
from searchlight.reskilling import dashboard, development
from tests.factories import log_in


def test_it_finds_people_at_risk_with_the_reason(db, enrolment, charlie):
    progress = dashboard.all_progress(db_session=db, today=date.today())
    [person] = dashboard.at_risk(progress)
    assert person.enrolment.user_id == charlie.id
    # Six weeks in: month 1 was due and there is no evidence since the start.
    assert person.reasons == ("Missed milestone: {goal} (due {date})",
                              "No evidence since the start ({weeks} weeks)")
    assert person.reason_values[1] == {"weeks": "6"}


def test_signed_off_evidence_moves_the_cohort_and_clears_the_risk(db, enrolment, charlie, bob):
    before = dashboard.all_progress(db_session=db, today=date.today())[0]
    assert (before.done, before.total) == (0, 3)
    assert 1.3 < before.months_elapsed < 1.5 and 0.1 < before.share_of_goal < 0.13
    item = development.add_evidence(
        db_session=db, actor=charlie, enrolment=enrolment, kind="repository", title="Canvas",
        url="https://git.example.org/canvas",
        milestone_id=enrolment.cohort.programme.milestones[0].id, settings=get_settings())
    development.review_evidence(db_session=db, reviewer=bob, evidence=item, rating=4,
                                comment="ok")
    after = dashboard.all_progress(db_session=db, today=date.today())[0]
    assert (after.done, after.total) == (1, 3)
    assert dashboard.at_risk([after]) == []
    # Four weeks of silence later the same person is at risk again.
    later = dashboard.all_progress(db_session=db, today=date.today() + timedelta(weeks=5))
    reasons = [r for p in dashboard.at_risk(later) for r in p.reasons]
    assert "No evidence for {weeks} weeks" in reasons


def test_it_draws_the_timeline_of_a_cohort(db, cohort):
    chart = dashboard.gantt(db_session=db, cohort=cohort, today=date.today())
    assert len(chart.bars) == 3 and len(chart.markers) == 3
    xs = [bar.x for bar in chart.bars]
    # The first phase starts on the first working day of the cohort (a Saturday start moves it to
    # Monday), whatever weekday the test runs on.
    first_day = next(day for day in (cohort.start_date + timedelta(days=n) for n in range(3))
                     if day.weekday() < 5)
    assert xs == sorted(xs) and chart.bars[0].start == first_day
    assert first_day.weekday() < 5 and 0 <= (first_day - cohort.start_date).days <= 2
    assert chart.today_x is not None and chart.bars[0].x < chart.today_x
    assert all(bar.x + bar.width <= chart.width for bar in chart.bars)


def test_the_dashboard_page_and_exports(client, db, enrolment, lena, alice):
    as_lena = log_in(client, db, lena)
    page = as_lena.get("/reskilling/dashboard")
    assert page.status_code == 200
    assert "Charlie" in page.text and "Missed milestone: AI use case canvas" in page.text
    assert '<svg class="gantt"' in page.text and "<script" not in page.text.split("</head>")[1]
    exported = as_lena.get("/reskilling/dashboard.csv")
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows[0][:5] == ["cohort", "programme", "start_date", "months_elapsed", "employee"]
    assert rows[1][4] == "Charlie" and rows[1][6:8] == ["0", "3"]
    assert "Missed milestone: AI use case canvas" in rows[1][9]
    pdf = as_lena.get("/reskilling/dashboard.pdf")
    assert pdf.content.startswith(b"%PDF") and pdf.headers["content-type"] == "application/pdf"
    as_alice = log_in(client, db, alice)
    for path in ("/reskilling/dashboard", "/reskilling/dashboard.csv",
                 "/reskilling/dashboard.pdf"):
        assert as_alice.get(path).status_code == 403


def test_the_csv_does_not_let_a_name_run_as_a_formula(db, cohort, lena, bob):
    from tests.factories import make_user

    mallory = make_user(db, "=HYPERLINK(x)", "employee")
    development.enrol(db_session=db, actor=lena, cohort=cohort, user=mallory, lead=bob)
    text = dashboard_csv(db)
    assert "'=HYPERLINK(x)" in text


def dashboard_csv(db):  # type: ignore[no-untyped-def]
    from searchlight.reskilling import exports

    return exports.progress_csv(dashboard.all_progress(db_session=db, today=date.today()), "en")
