"""A candidate who entered through screening stays pseudonymous on every page and API route a
recruiter or hiring manager can open, until the recorded reveal or a stage that needs contact
details. The walk covers every GET route of the app: a new route with a path parameter this test
cannot fill fails it, so nobody adds a candidate page the walk does not see."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

import searchlight
from searchlight.auth.models import User
from searchlight.candidates.models import Application, Candidate, Document
from searchlight.crm import service as crm_service
from searchlight.governance.models import AuditEntry
from searchlight.jobs import run_due_work
from searchlight.main import create_app
from searchlight.screening.models import RecheckRun, ScreeningBatch, ScreeningResult
from tests.factories import LoggedIn, log_in
from tests.screening.factories import make_role

NAME, EMAIL, PHONE, CITY = "Thandiwe Mokoena", "t.mokoena@example.org", "+31 6 4827 1953", "Zwolle"
SECRETS = ("Thandiwe", "Mokoena", "mokoena@", "4827 1953", "48271953", "4827")
CV = f"""{NAME}
Machine Learning Engineer
{EMAIL} · {PHONE} · {CITY}

Experience
2019 - 2024 Machine learning engineer at Coastline Freight
Trained PyTorch models in Python and put them in production with code reviews and tests.
"""


def leaks(text: str) -> list[str]:
    lowered = text.lower()
    return [secret for secret in SECRETS if secret.lower() in lowered]


def get_routes() -> list[str]:
    """Every GET path of the app, with the prefixes of included routers."""
    paths: list[str] = []

    def walk(routes: Any) -> None:
        for route in routes:
            if type(route).__name__ == "_IncludedRouter":
                walk(route.original_router.routes)
            elif hasattr(route, "routes") and not hasattr(route, "methods"):
                walk(getattr(route, "routes", []))
            elif "GET" in (getattr(route, "methods", None) or ()):
                paths.append(route.path)

    walk(create_app().routes)
    return sorted(set(paths))


def _own_client(app: Any, db: Any, user: User) -> Iterator[LoggedIn]:
    """A browser of one's own: the shared `client` fixture holds one session cookie."""
    with TestClient(app, base_url="http://testserver",
                    headers={"Accept-Language": "en"}) as client:
        yield log_in(client, db, user)


@pytest.fixture
def recruiter(app: Any, db: Any, alice: User) -> Iterator[LoggedIn]:
    yield from _own_client(app, db, alice)


@pytest.fixture
def manager(app: Any, db: Any, bob: User) -> Iterator[LoggedIn]:
    yield from _own_client(app, db, bob)


@pytest.fixture
def screened(recruiter: LoggedIn, db: Any, bob: User) -> dict[str, Any]:
    """One CV screened for bob's role and moved into its pipeline at "screened"."""
    role = make_role(db)
    role.hiring_manager_id = bob.id
    db.flush()
    response = recruiter.post("/screening/batches", data={"role_key": role.key},
                             files=[("files", ("cv.txt", CV.encode(), "text/plain"))],
                             follow_redirects=False)
    assert response.status_code == 303
    run_due_work()  # what `searchlight serve` or a worker does after the upload
    result = db.scalars(select(ScreeningResult)).one()
    recruiter.post(f"/screening/results/{result.id}/pipeline", data={"stage_key": "screened"})
    candidate = db.get(Candidate, result.candidate_id)
    assert candidate.full_name == NAME and candidate.identity_hidden  # known, but not shown
    pool = crm_service.create_pool(db_session=db, actor=recruiter.user, name="Warm leads")
    crm_service.add_to_pool(db_session=db, actor=recruiter.user, pool=pool, candidate=candidate)
    db.flush()
    document = db.scalars(select(Document).where(Document.candidate_id == candidate.id)).one()
    application = db.scalars(select(Application)).one()
    batch = db.scalars(select(ScreeningBatch)).one()
    return {"candidate_id": candidate.id, "document_id": document.id, "result_id": result.id,
            "role_key": role.key, "key": role.key, "pool_id": pool.id, "batch_id": batch.id,
            "number": 1, "application_id": application.id, "candidate": candidate,
            "result": result, "role": role, "token": "no-such-token"}


def _url(path: str, values: dict[str, Any]) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1).split(":")[0]
        if name not in values and name.endswith("_id"):
            return "1"  # an object of another domain (a text, a cohort): its page must hold too
        assert name in values, f"{path}: teach this test a value for {{{name}}}"
        return str(values[name])

    url = re.sub(r"\{([^}]+)\}", fill, path)
    if url.endswith("/merge"):
        url += f"?other={values['candidate_id']}"
    return url


def _body(response: Any) -> str:
    if response.headers.get("content-type", "").startswith("application/pdf"):
        pdf = pypdfium2.PdfDocument(io.BytesIO(response.content))
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    return response.text


def test_it_shows_no_unrevealed_name_email_or_phone_on_any_page_or_api_route(
        screened: dict[str, Any], recruiter: LoggedIn, manager: LoggedIn) -> None:
    urls = [_url(path, screened) for path in get_routes()]
    # (A search for the name echoes the query itself; the API test below covers it.)
    urls += ["/candidates?q=00", f"/board/{screened['role_key']}", "/candidates?sort=name"]
    walked = 0
    for client in (recruiter, manager):
        for url in urls:
            response = client.get(url)
            assert response.status_code < 500, url
            assert not leaks(_body(response)), f"{client.user.email} sees it on {url}"
            walked += response.status_code == 200
    assert walked > 40
    candidate_pages = [url for url in urls if str(screened["candidate_id"]) in url]
    assert len(candidate_pages) >= 4  # profile, edit, merge, API detail, applications


def test_it_shows_the_pseudonym_everywhere_the_candidate_appears(
        screened: dict[str, Any], recruiter: LoggedIn, manager: LoggedIn) -> None:
    label = f"Candidate #{screened['result'].analysis_id:05d}"
    candidate_id = screened["candidate_id"]
    for client in (recruiter, manager):
        assert label in client.get(f"/candidates/{candidate_id}").text
        assert label in client.get(f"/board/{screened['role_key']}").text
        assert client.get(f"/api/candidates/{candidate_id}").json()["full_name"] == label
    assert label in recruiter.get("/candidates").text
    assert label in recruiter.get(f"/screening/roles/{screened['role_key']}").text
    found = recruiter.get("/api/candidates", params={"q": "thandiwe"}).json()
    assert found["total"] == 0  # a search by name does not find who the pseudonym is
    found = recruiter.get("/api/candidates", params={"q": label.split("#")[1]}).json()
    assert [item["id"] for item in found["items"]] == [candidate_id]


def test_it_moves_a_pseudonymous_card_without_naming_it(
        screened: dict[str, Any], manager: LoggedIn) -> None:
    response = manager.post(f"/applications/{screened['application_id']}/stage",
                           data={"stage": "assessment", "next": f"/board/{screened['role_key']}"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Candidate #" in response.text and not leaks(response.text)


def test_it_refuses_the_original_file_and_the_edit_form_until_revealed(
        screened: dict[str, Any], recruiter: LoggedIn) -> None:
    assert recruiter.get(f"/documents/{screened['document_id']}/download").status_code == 409
    assert recruiter.get(f"/candidates/{screened['candidate_id']}/edit").status_code == 409
    recruiter.post(f"/candidates/{screened['candidate_id']}/reveal")
    assert recruiter.get(f"/documents/{screened['document_id']}/download").status_code == 200
    assert recruiter.get(f"/candidates/{screened['candidate_id']}/edit").status_code == 200


def test_it_reveals_the_identity_on_record_and_then_everywhere(
        screened: dict[str, Any], recruiter: LoggedIn, manager: LoggedIn, db: Any) -> None:
    candidate_id = screened["candidate_id"]
    response = recruiter.post(f"/candidates/{candidate_id}/reveal", follow_redirects=False)
    assert response.status_code == 303
    entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "candidate.identity_revealed"))
    assert entry.actor_id == recruiter.user.id and entry.changes["reason"] == "decision"
    assert entry.changes["facts"] == ["full_name", "email", "phone", "location"]
    assert NAME in manager.get(f"/candidates/{candidate_id}").text
    assert NAME in manager.get(f"/board/{screened['role_key']}").text
    assert NAME in recruiter.get(f"/screening/results/{screened['result_id']}").text
    assert recruiter.get("/api/candidates", params={"q": "mokoena"}).json()["total"] == 1


def test_it_reveals_at_a_stage_that_needs_contact_details_and_records_who(
        screened: dict[str, Any], manager: LoggedIn, db: Any) -> None:
    response = manager.post(f"/api/applications/{screened['application_id']}/stage",
                           json={"stage": "interview"})
    assert response.status_code == 200
    entry = db.scalar(select(AuditEntry).where(AuditEntry.action == "candidate.identity_revealed"))
    assert entry.actor_id == manager.user.id
    assert entry.changes["reason"] == "stage" and entry.changes["stage"] == "interview"
    detail = manager.get(f"/api/candidates/{screened['candidate_id']}").json()
    assert (detail["full_name"], detail["email"], detail["identity_hidden"]) == (
        NAME, EMAIL, False)
    # The shortlist says the same as the board now.
    assert NAME in manager.get(f"/screening/results/{screened['result_id']}").text


def test_it_reveals_from_the_screening_result_for_the_candidate_record_too(
        screened: dict[str, Any], recruiter: LoggedIn) -> None:
    recruiter.post(f"/screening/results/{screened['result_id']}/reveal")
    assert NAME in recruiter.get(f"/candidates/{screened['candidate_id']}").text


def test_it_lets_only_people_allowed_to_reveal_reveal(
        screened: dict[str, Any], as_charlie: LoggedIn, db: Any) -> None:
    response = as_charlie.post(f"/candidates/{screened['candidate_id']}/reveal")
    assert response.status_code == 403
    assert db.get(Candidate, screened["candidate_id"]).identity_hidden


def test_it_keeps_a_patch_from_writing_the_pseudonym_over_the_name(
        screened: dict[str, Any], recruiter: LoggedIn, db: Any) -> None:
    response = recruiter.client.patch(f"/api/candidates/{screened['candidate_id']}",
                                     json={"tags": ["python"]},
                                     headers={"X-CSRF-Token": recruiter.csrf_token})
    assert response.status_code == 200 and response.json()["full_name"].startswith("Candidate #")
    candidate = db.get(Candidate, screened["candidate_id"])
    db.refresh(candidate)
    assert (candidate.full_name, candidate.email) == (NAME, EMAIL)


def test_it_leaves_candidates_entered_by_hand_named(recruiter: LoggedIn) -> None:
    response = recruiter.post("/api/candidates", json={"full_name": "Aroha Ngata",
                                                      "email": "aroha@example.org"})
    assert response.status_code == 201
    assert response.json()["full_name"] == "Aroha Ngata"
    assert response.json()["identity_hidden"] is False


def test_it_has_templates_use_the_shown_facts_only() -> None:
    """The rule lives on the model (display_name, shown_email, ...): no template reads the
    stored facts of a candidate directly."""
    root = Path(searchlight.__file__).parent
    direct = re.compile(r"\b(?:candidate|record|twin|keep|other|group\[0\])\."
                        r"(?:full_name|email|phone|location)\b")
    offenders = [f"{path.relative_to(root)}:{number}"
                 for path in root.rglob("*.html")
                 for number, line in enumerate(path.read_text().splitlines(), start=1)
                 if direct.search(line)]
    assert not offenders


def test_the_ai_recheck_sends_no_name_and_its_pages_show_none(
        screened: dict[str, Any], recruiter: LoggedIn, manager: LoggedIn, db: Any,
        fake_llm: Any) -> None:
    def judge(body: dict[str, Any]) -> str:
        ids = re.findall(r"^(q\d+) \|", body["messages"][-1]["content"], re.MULTILINE)
        return json.dumps({"quotes": [{"id": ident, "verdict": "weaker",
                                       "reason": "a plan, not work done"} for ident in ids]})

    fake_llm.respond_with(judge)
    role_key, result_id = screened["role_key"], screened["result_id"]
    recruiter.post(f"/screening/roles/{role_key}/recheck", data={"top": "1"})
    run_due_work()
    run = db.scalars(select(RecheckRun)).one()
    assert [entry.status for entry in run.entries] == ["checked"]
    assert fake_llm.chat_requests
    assert not leaks(json.dumps(fake_llm.chat_requests, ensure_ascii=False))
    for client in (recruiter, manager):
        page = client.get(f"/screening/results/{result_id}").text
        assert "checked by AI: weakened" in page and "a plan, not work done" in page
        progress = client.get(f"/screening/rechecks/{run.id}", headers={"HX-Request": "true"})
        shortlist = client.get(f"/screening/roles/{role_key}").text
        for shown in (page, progress.text, shortlist):
            assert not leaks(shown), client.user.email
