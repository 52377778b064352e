"""Every page every demo user can reach by following links: it opens, it is not cached, and in
Dutch it has no English text outside a known allow-list."""

import importlib
import importlib.util
import re

import pytest
from sqlalchemy import select

from searchlight.auth.models import User
from searchlight.cli.demo import DEMO_DOMAINS, assign_demo_hiring_manager, load_demo_users
from searchlight.jobs import run_due_work
from tests.factories import log_in
from tests.pagewalk import english_words, pattern, visible_text, walk
from tests.screening.cvfiles import make_cv, make_docx, make_pdf, make_zip

ROLES = ("recruiter", "hiring_manager", "admin", "ld_lead", "employee")


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


def test_it_opens_every_reachable_page_uncached_and_in_dutch(client, demo):  # type: ignore[no-untyped-def]
    screen_a_batch(client, demo)
    problems: list[str] = []
    visited = 0
    seen_patterns: set[tuple[str, str]] = set()
    for role in ROLES:
        user = demo.scalar(select(User).where(User.role == role, User.is_demo))
        client.cookies.clear()
        log_in(client, demo, user)
        client.cookies.set("searchlight_locale", "nl")

        def fetch(path, role=role):  # type: ignore[no-untyped-def]
            response = client.get(path)
            if response.headers.get("cache-control") != "no-store":
                problems.append(f"{role} {path}: Cache-Control is "
                                f"{response.headers.get('cache-control')!r}")
            kind = response.headers.get("content-type", "")
            return response.status_code, kind, response.text if "html" in kind else ""

        for path, status, kind, text in walk(fetch):
            visited += 1
            seen_patterns.add((role, pattern(path)))
            if status >= 400:
                problems.append(f"{role} {path}: a link leads to status {status}")
            if "html" in kind and (english := english_words(visible_text(text))):
                problems.append(f"{role} {path}: English on a Dutch page: {english}")
            if "html" in kind and re.search(r'<html lang="(?!nl)', text):
                problems.append(f"{role} {path}: the page is not in Dutch")
    assert visited > 40
    for must in ("/screening/results/{id}", "/screening/batches/{id}", "/candidates/{id}",
                 "/board/{key}", "/pools/{id}", "/screening/roles/{key}/export.pdf"):
        assert ("recruiter", must) in seen_patterns, f"the walk never reached {must}"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
