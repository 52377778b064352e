"""The public careers site: overview without log-in, JSON-LD, applications, alerts, events."""

import json
import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.candidates.models import Application, Candidate, Document
from searchlight.careers import service
from searchlight.careers.models import AlertSubscription, CareersApplication
from searchlight.db import utcnow
from searchlight.mail import send_due
from searchlight.screening.models import ScreeningResult
from tests.mail.smtpserver import SmtpServer
from tests.screening.cvfiles import make_cv, make_pdf

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36"}


class _JsonLd(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs
        if self._inside:
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.blocks[-1] += data


def _count(db: Session, model: type) -> int:
    return db.scalar(select(func.count()).select_from(model)) or 0


def test_it_shows_open_vacancies_without_log_in_and_filters_them(client: TestClient,
                                                                 site: Session) -> None:
    page = client.get("/careers")
    assert page.status_code == 200
    assert "Machine Learning Engineer" in page.text and "Prompt Engineer" in page.text
    assert "6 vacancies" in page.text
    found = client.get("/careers", params={"q": "machine learning engineer"})
    assert "/careers/ml-engineer" in found.text
    filtered = client.get("/careers", params={"family": "Product"})
    assert "/careers/ai-product-owner" in filtered.text
    assert "/careers/ml-engineer" not in filtered.text
    dutch = client.get("/careers", headers={"Accept-Language": "nl"})
    assert "Werken bij ons" in dutch.text


def test_it_carries_valid_job_posting_json_ld(client: TestClient, site: Session) -> None:
    page = client.get("/careers/ml-engineer")
    assert page.status_code == 200
    parser = _JsonLd()
    parser.feed(page.text)
    [block] = parser.blocks
    posting = json.loads(block)
    assert posting["@context"].startswith("https://schema.org")
    assert posting["@type"] == "JobPosting"
    for required in ("title", "description", "datePosted", "validThrough", "hiringOrganization",
                     "jobLocation", "employmentType"):
        assert posting[required], required
    assert posting["title"] == "Machine Learning Engineer"
    assert posting["hiringOrganization"]["@type"] == "Organization"
    assert posting["jobLocation"]["@type"] == "Place"
    assert posting["jobLocation"]["address"]["addressCountry"] == "NL"
    assert posting["employmentType"] in ("FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", posting["datePosted"])
    assert posting["validThrough"] > posting["datePosted"]
    # no approved text yet: the page says the description comes from the role profile
    assert "taken from the role profile" in page.text


def test_it_refuses_a_vacancy_that_is_not_published(client: TestClient, site: Session) -> None:
    assert client.get("/careers/no-such-role").status_code == 404


def _apply(client: TestClient, *, cv: bytes, filename: str = "cv.pdf", email: str =
           "sam.visser@example.org", consent: bool = True, version: str = "1"):  # type: ignore[no-untyped-def]
    data = {"full_name": "Sam Visser", "email": email, "phone": "", "notice_version": version}
    if consent:
        data["consent"] = "yes"
    return client.post("/careers/ml-engineer/apply", data=data,
                       files={"cv": (filename, cv, "application/pdf")}, headers=BROWSER)


def test_it_turns_an_application_into_a_screened_candidate_at_applied(
        client: TestClient, site: Session, db: Session) -> None:
    cv = make_pdf(make_cv("en", seed=41).paragraphs)
    response = _apply(client, cv=cv)
    assert response.status_code == 200, response.text
    assert "Thank you for applying" in response.text
    candidate = db.scalars(select(Candidate).where(
        Candidate.email_key == "sam.visser@example.org")).one()
    assert candidate.full_name == "Sam Visser" and candidate.legal_basis == "consent"
    assert candidate.source is not None and candidate.source.key == "careers-site"
    application = db.scalars(select(Application).where(
        Application.candidate_id == candidate.id)).one()
    assert application.stage_key == "applied" and application.role.key == "ml-engineer"
    extra = db.scalars(select(CareersApplication)).one()
    assert extra.notice_version == 1 and extra.human_only_review is False
    assert jobs.run_due_work() >= 1  # the screening job
    result = db.scalars(select(ScreeningResult).where(
        ScreeningResult.candidate_id == candidate.id)).one()
    assert result.overall is not None
    assert _count(db, Candidate) == 1  # screening did not make a second candidate


def test_it_merges_a_second_application_by_e_mail(client: TestClient, site: Session,
                                                  db: Session) -> None:
    assert _apply(client, cv=make_pdf(make_cv("en", seed=42).paragraphs)).status_code == 200
    again = client.post("/careers/prompt-engineer/apply", data={
        "full_name": "Sam Visser", "email": "SAM.visser@example.org", "notice_version": "1",
        "consent": "yes"}, files={"cv": ("cv2.pdf", make_pdf(make_cv("en", seed=43).paragraphs),
                                         "application/pdf")}, headers=BROWSER)
    assert again.status_code == 200
    assert _count(db, Candidate) == 1 and _count(db, Application) == 2
    twice = _apply(client, cv=make_pdf(make_cv("en", seed=44).paragraphs))
    assert twice.status_code == 422 and "already applied" in twice.text


def test_it_refuses_a_hostile_file_with_a_message_and_creates_nothing(
        client: TestClient, site: Session, db: Session) -> None:
    hostile = b"MZ\x90\x00" + b"\x00" * 200  # a Windows program calling itself a PDF
    response = _apply(client, cv=hostile, filename="cv.pdf")
    assert response.status_code == 422
    assert "This file type is not supported" in response.text
    assert 'value="Sam Visser"' in response.text  # what was typed is kept
    assert _count(db, Candidate) == 0 and _count(db, Application) == 0
    assert _count(db, Document) == 0 and _count(db, CareersApplication) == 0


def test_it_needs_consent_to_the_current_notice(client: TestClient, site: Session,
                                                db: Session) -> None:
    cv = make_pdf(make_cv("en", seed=45).paragraphs)
    assert _apply(client, cv=cv, consent=False).status_code == 422
    assert _apply(client, cv=cv, version="0").status_code == 422
    assert _count(db, Candidate) == 0


def test_it_limits_applications_per_address(client: TestClient, site: Session) -> None:
    statuses = [_apply(client, cv=b"not a pdf", email=f"p{i}@example.org").status_code
                for i in range(11)]
    assert statuses[:10] == [422] * 10 and statuses[10] == 429


def test_it_confirms_a_job_alert_by_mail_before_it_counts(
        client: TestClient, site: Session, db: Session, smtp_server: SmtpServer) -> None:
    response = client.post("/careers/alerts", data={
        "email": "fan@example.org", "roles": ["ml-engineer"], "skills": "Python, PyTorch"})
    assert response.status_code == 200 and "Check your mailbox" in response.text
    alert = db.scalars(select(AlertSubscription)).one()
    assert alert.confirmed_at is None and alert.skills == ["Python", "PyTorch"]
    assert send_due() == 1
    [mail] = smtp_server.messages
    assert mail.recipients == ["fan@example.org"]
    text = mail.message.get_payload(decode=True).decode()
    link = re.search(r"http://testserver(/careers/alerts/confirm/\S+)", text)
    assert link is not None
    assert "Confirm my job alert" in client.get(link.group(1)).text
    db.refresh(alert)
    assert alert.confirmed_at is None  # opening the link (or a mail scanner) changes nothing
    assert "confirmed" in client.post(link.group(1)).text
    db.refresh(alert)
    assert alert.confirmed_at is not None
    assert client.get("/careers/alerts/confirm/wrong").status_code == 404


def test_it_counts_events_per_day_without_bots_or_free_text(
        client: TestClient, site: Session, db: Session) -> None:
    for body in ({"event": "vacancy_view", "role": "ml-engineer"},
                 {"event": "vacancy_view", "role": "ml-engineer"},
                 {"event": "form_abandoned", "role": "ml-engineer", "detail": "email"},
                 {"event": "form_abandoned", "role": "ml-engineer", "detail": "my name is Sam"}):
        assert client.post("/careers/events", json=body, headers=BROWSER).status_code == 204
    bot = client.post("/careers/events", json={"event": "vacancy_view", "role": "ml-engineer"},
                      headers={"User-Agent": "Googlebot/2.1"})
    assert bot.status_code == 202
    assert client.post("/careers/events", json={"event": "nonsense"},
                       headers=BROWSER).status_code == 202
    totals = service.totals(db)
    assert totals == {"vacancy_view": 2, "form_abandoned": 2}
    rows = service.event_counts(db, role_key="ml-engineer")
    assert {row["detail"] for row in rows if row["event"] == "form_abandoned"} == {"email", ""}
    assert "Set-Cookie" not in client.post("/careers/events", json={"event": "overview_view"},
                                           headers=BROWSER).headers


def test_it_lets_a_recruiter_keep_the_faq_and_nobody_else(
        client: TestClient, site: Session, db: Session, as_alice, charlie) -> None:  # type: ignore[no-untyped-def]
    page = as_alice.get("/careers/faq")
    assert page.status_code == 200 and "Can I work from home?" in page.text
    response = as_alice.post("/careers/faq", data={
        "role_id": "", "language": "en", "question": "Is there a pension?",
        "answer": "Yes, a pension scheme with the employer paying two thirds."},
        follow_redirects=False)
    assert response.status_code == 303
    from searchlight.careers.models import FaqEntry
    entry = db.scalars(select(FaqEntry).where(FaqEntry.question == "Is there a pension?")).one()
    assert entry.updated_by_id == as_alice.user.id
    from tests.factories import log_in
    as_charlie = log_in(client, db, charlie)
    assert as_charlie.get("/careers/faq").status_code == 403
    assert as_charlie.post(f"/careers/faq/{entry.id}", data={"action": "delete"}).status_code == 403
    assert db.get(FaqEntry, entry.id) is not None


def test_it_mails_confirmed_alerts_when_a_role_is_published(
        client: TestClient, site: Session, db: Session, smtp_server: SmtpServer,
        as_alice) -> None:  # type: ignore[no-untyped-def]
    from searchlight.careers.models import Posting
    from searchlight.roles.models import Role

    role = db.scalars(select(Role).where(Role.key == "mlops-engineer")).one()
    as_alice.post("/careers/postings/mlops-engineer", data={"action": "unpublish"})
    assert client.get("/careers/mlops-engineer").status_code == 404
    confirmed = AlertSubscription(email="fan@example.org", language="nl", role_keys=[],
                                  skills=["Kubernetes", "Docker"], token="t-fan",
                                  confirmed_at=utcnow())
    waiting = AlertSubscription(email="maybe@example.org", language="en",
                                role_keys=["mlops-engineer"], skills=[], token="t-maybe")
    db.add_all([confirmed, waiting])
    db.commit()
    skills = service.vacancy(db, db.scalars(select(Posting).where(
        Posting.role_id == role.id)).one(), "en").skills
    confirmed.skills = [skills[0]]  # a skill the role asks for
    db.commit()
    response = as_alice.post("/careers/postings/mlops-engineer", data={"action": "publish"},
                             follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/careers/mlops-engineer").status_code == 200
    send_due()
    [mail] = smtp_server.messages  # not the unconfirmed one
    assert mail.recipients == ["fan@example.org"]
    assert mail.message["Subject"].startswith("Nieuwe vacature")
    assert "Stop my job alerts" in client.get("/careers/alerts/stop/t-fan").text
    assert "You will get no more" in as_alice.post("/careers/alerts/stop/t-fan").text
    assert db.scalars(select(AlertSubscription).where(
        AlertSubscription.token == "t-fan")).first() is None


def test_it_screens_nothing_automatically_when_the_applicant_chose_a_person_only(
        client: TestClient, site: Session, db: Session) -> None:
    response = client.post("/careers/ml-engineer/apply", data={
        "full_name": "Noor Mens", "email": "noor@example.org", "notice_version": "1",
        "consent": "yes", "human_only": "yes"},
        files={"cv": ("cv.pdf", make_pdf(make_cv("en", seed=47).paragraphs), "application/pdf")},
        headers=BROWSER)
    assert response.status_code == 200 and "by a person only" in response.text
    extra = db.scalars(select(CareersApplication)).one()
    assert extra.human_only_review and extra.batch_id is None
    jobs.run_due_work()
    assert _count(db, ScreeningResult) == 0
    assert _count(db, Document) == 1 and _count(db, Application) == 1
