"""Every page every demo user can reach by following links, and every public page a candidate
reaches from the careers site: it opens, it is not cached, and in Dutch it has no English text
outside a known allow-list."""

import importlib
import importlib.util
import re

import pytest
from sqlalchemy import select

from searchlight.assessments import service as assessments
from searchlight.assessments.models import AssessmentChallenge
from searchlight.auth.models import User
from searchlight.candidates.models import Application
from searchlight.cli.demo import DEMO_DOMAINS, assign_demo_hiring_manager, load_demo_users
from searchlight.fairness import service as fairness
from searchlight.interviews import service as interviews
from searchlight.jobs import run_due_work
from tests.factories import log_in
from tests.pagewalk import english_words, pattern, visible_text, walk
from tests.screening.cvfiles import make_cv, make_docx, make_pdf, make_zip

ROLES = ("recruiter", "hiring_manager", "admin", "ld_lead", "employee", "privacy_officer",
         "auditor")
# Pages added after this test was written: the walk must still reach each (role, page).
MUST_REACH = {
    "recruiter": ("/screening/results/{id}", "/screening/batches/{id}", "/candidates/{id}",
                  "/board/{key}", "/pools/{id}", "/screening/roles/{key}/export.pdf",
                  "/assessments", "/assessments/calibration", "/roles/{key}/assessments",
                  "/candidates/{id}/interviews", "/candidates/{id}/privacy", "/analytics",
                  "/portfolio"),
    "hiring_manager": ("/board/{key}", "/candidates/{id}/interviews", "/analytics"),
    "admin": ("/audit", "/admin/ai", "/privacy", "/reskilling"),
    "ld_lead": ("/reskilling/dashboard", "/reskilling/teams/{id}", "/reskilling/cohorts"),
    "employee": ("/development",),
    "privacy_officer": ("/privacy", "/audit", "/candidates/{id}/privacy"),
    "auditor": ("/fairness",),
    "candidate": ("/careers", "/careers/{key}", "/a/{token}",
                  "/interview-chat/{token}", "/self-identification/{token}"),
}


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    load_demo_users(db)
    for domain in DEMO_DOMAINS:
        if importlib.util.find_spec(f"searchlight.{domain}.demo") is not None:
            importlib.import_module(f"searchlight.{domain}.demo").load(db_session=db)
    assign_demo_hiring_manager(db)
    db.commit()
    return db


def screen_a_batch(client, db):  # type: ignore[no-untyped-def]
    """Results, a duplicate and unreadable files, so their pages are walked too."""
    recruiter = db.scalar(select(User).where(User.role == "recruiter", User.is_demo))
    as_recruiter = log_in(client, db, recruiter)
    dutch_pdf = make_pdf(make_cv("nl", seed=11).paragraphs)
    english_docx = make_docx(make_cv("en", seed=12).paragraphs)
    archive = make_zip({"nl.pdf": dutch_pdf, "en.docx": english_docx, "copy.pdf": dutch_pdf,
                        "empty.pdf": b"", "broken.pdf": b"%PDF-1.7\nnot"})
    response = as_recruiter.post("/screening/batches", data={"role_key": "ml-engineer"},
                                 files=[("files", ("cvs.zip", archive, "application/zip"))],
                                 follow_redirects=False)
    assert response.status_code == 303
    run_due_work()


def candidate_links(db):  # type: ignore[no-untyped-def]
    """Pages a candidate opens from a link in a mail: an assignment and a chat interview."""
    recruiter = db.scalar(select(User).where(User.role == "recruiter", User.is_demo))
    application = db.scalars(select(Application).order_by(Application.id)).first()
    challenge = db.scalars(select(AssessmentChallenge).where(
        AssessmentChallenge.language == "nl", AssessmentChallenge.is_active)).first()
    assert application is not None and challenge is not None
    _invitation, assignment = assessments.invite(
        db_session=db, actor=recruiter, candidate=application.candidate, challenge=challenge,
        role=application.role)
    _chat, chat = interviews.create_chat(db_session=db, actor=recruiter,
                                         candidate=application.candidate,
                                         role=application.role, language="nl")
    unanswered = db.scalars(select(Application).where(  # the demo answered for the others
        Application.stage_key == "sourced").order_by(Application.id)).first()
    assert unanswered is not None
    self_id = fairness.create_invitation(db_session=db, application=unanswered, language="nl")
    db.commit()
    return [f"/a/{assignment}", f"/interview-chat/{chat}", f"/self-identification/{self_id}"]


def test_it_opens_every_reachable_page_uncached_and_in_dutch(client, demo):  # type: ignore[no-untyped-def]
    screen_a_batch(client, demo)
    mailed = candidate_links(demo)
    problems: list[str] = []
    visited = 0
    seen_patterns: set[tuple[str, str]] = set()
    for role in (*ROLES, "candidate"):
        client.cookies.clear()
        if role != "candidate":  # a candidate is not logged in: the walk starts at the careers site
            log_in(client, demo, demo.scalar(select(User).where(User.role == role, User.is_demo)))
        client.cookies.set("searchlight_locale", "nl")

        def fetch(path, role=role):  # type: ignore[no-untyped-def]
            response = client.get(path)
            if response.headers.get("cache-control") != "no-store":
                problems.append(f"{role} {path}: Cache-Control is "
                                f"{response.headers.get('cache-control')!r}")
            kind = response.headers.get("content-type", "")
            return response.status_code, kind, response.text if "html" in kind else ""

        start = "/careers" if role == "candidate" else "/"
        extra = [(path, *fetch(path)) for path in mailed] if role == "candidate" else []
        for path, status, kind, text in [*walk(fetch, start=start), *extra]:
            visited += 1
            token = re.match(r"/(a|interview-chat|self-identification)/[^/]+$", path)
            seen_patterns.add((role, f"/{token.group(1)}/{{token}}" if token else pattern(path)))
            if status >= 400:
                problems.append(f"{role} {path}: a link leads to status {status}")
            if "html" in kind and (english := english_words(visible_text(text))):
                problems.append(f"{role} {path}: English on a Dutch page: {english}")
            if "html" in kind and re.search(r'<html lang="(?!nl)', text):
                problems.append(f"{role} {path}: the page is not in Dutch")
    assert visited > 40
    unreached = [(role, must) for role, pages in MUST_REACH.items() for must in pages
                 if (role, must) not in seen_patterns]
    assert not unreached, f"the walk never reached {unreached}"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
