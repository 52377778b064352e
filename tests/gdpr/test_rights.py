"""Access and erasure in the browser's HTTP stack: the privacy officer exports a ZIP, requests an
erasure, a second person confirms it (never the requester), and the ledger shows that — not
whom. Named users: recruiters, hiring managers and employees may do none of it."""

import io
import json
import zipfile

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.candidates.documents import store_document
from searchlight.candidates.models import Candidate
from searchlight.config import get_settings
from searchlight.gdpr.ledger import ledger_file
from searchlight.gdpr.models import Erasure
from searchlight.governance.audit import verify_chain
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import apply, make_candidate, make_role, text_cv
from tests.factories import log_in, make_user


def _person(db: Session) -> Candidate:
    candidate = make_candidate(db, "Evi Inzage", email="evi@example.org")
    apply(db, candidate, make_role(db, "rights-role"))
    store_document(db_session=db, data=text_cv("Evi Inzage"), filename="evi.txt",
                   candidate_id=candidate.id, settings=get_settings())
    db.commit()
    return candidate


def test_it_exports_everything_about_a_person_as_a_zip(db: Session, client) -> None:  # type: ignore[no-untyped-def]
    candidate = _person(db)
    officer = log_in(client, db, make_user(db, "Pia", "privacy_officer"))
    response = officer.post("/privacy/export", data={"email": "EVI@example.org"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("export.json"))
        files = [n for n in archive.namelist() if n.startswith("files/")]
        assert archive.read(files[0]) == text_cv("Evi Inzage")
    assert data["people"][0]["full_name"] == "Evi Inzage"
    assert {"candidates", "applications", "documents"} <= set(data["tables"])
    assert any(e["action"] == "candidate.created" for e in data["audit_entries"])
    assert db.scalar(select(AuditEntry.action).where(AuditEntry.action == "gdpr.exported"))
    missing = officer.post("/privacy/export", data={"email": "nobody@example.org"})
    assert missing.status_code == 404
    assert "No candidate or user has this e-mail address." in missing.text
    assert candidate.id


def test_it_erases_with_four_eyes_and_keeps_a_ledger_without_the_person(
    db: Session, client, dora  # type: ignore[no-untyped-def]
) -> None:
    candidate = _person(db)
    candidate_id = candidate.id
    pia = make_user(db, "Pia", "privacy_officer")
    officer = log_in(client, db, pia)
    assert officer.post("/privacy/erasures", data={"email": "evi@example.org"},
                        follow_redirects=False).status_code == 303
    erasure = db.scalars(select(Erasure)).one()
    assert "Another person must confirm it." in officer.get("/privacy").text
    assert officer.post(f"/privacy/erasures/{erasure.id}/confirm").status_code == 403
    assert db.get(Candidate, candidate_id) is not None

    admin = log_in(client, db, dora)
    done = admin.post(f"/privacy/erasures/{erasure.id}/confirm", follow_redirects=False)
    assert done.status_code == 303
    db.expire_all()
    assert db.get(Candidate, candidate_id) is None
    assert (erasure.status, erasure.candidate_id, erasure.records) == ("done", None, 1)
    assert (erasure.requested_by_id, erasure.confirmed_by_id) == (pia.id, dora.id)
    page = admin.get("/privacy").text
    assert "Erasure ledger" in page and "Evi" not in page
    assert "evi" not in ledger_file(get_settings()).read_text().lower()
    entries = db.scalars(select(AuditEntry).where(AuditEntry.target_type == "erasure")).all()
    assert [e.action for e in entries] == ["gdpr.erasure_requested", "gdpr.erasure_carried_out"]
    assert "Evi" not in json.dumps([e.changes for e in entries])
    assert verify_chain(db_session=db)[1] is None
    audit_page = admin.get("/audit?action=gdpr").text
    assert "gdpr.erasure_carried_out" in audit_page


def test_it_lets_only_privacy_managers_export_or_erase(  # type: ignore[no-untyped-def]
    db: Session, client, alice, bob, charlie
) -> None:
    candidate = _person(db)
    for user in (alice, bob, charlie):
        who = log_in(client, db, user)
        assert who.post("/privacy/export", data={"email": "evi@example.org"}).status_code == 403
        assert who.post("/privacy/erasures", data={"email": "evi@example.org"}).status_code == 403
        assert who.post(f"/candidates/{candidate.id}/erasure").status_code == 403
    assert db.scalar(select(Erasure.id)) is None
    officer = log_in(client, db, make_user(db, "Pia", "privacy_officer"))
    officer.post(f"/candidates/{candidate.id}/erasure")
    erasure = db.scalars(select(Erasure)).one()
    as_alice = log_in(client, db, alice)
    assert as_alice.post(f"/privacy/erasures/{erasure.id}/confirm").status_code == 403
    assert as_alice.post(f"/privacy/erasures/{erasure.id}/cancel").status_code == 403
    db.expire_all()
    assert erasure.status == "requested"


def test_it_limits_how_often_one_user_exports(db: Session, client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from searchlight.main import create_app

    _person(db)
    monkeypatch.setenv("SEARCHLIGHT_RATE_LIMIT_EXPORTS", "2")
    get_settings.cache_clear()
    try:
        from fastapi.testclient import TestClient

        with TestClient(create_app()) as web:
            officer = log_in(web, db, make_user(db, "Pia", "privacy_officer"))
            codes = [officer.post("/privacy/export", data={"email": "evi@example.org"})
                     .status_code for _ in range(3)]
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert codes == [200, 200, 429]


def test_it_exports_and_erases_an_employee_who_was_also_a_candidate(
    db: Session, client, dora, lena, bob  # type: ignore[no-untyped-def]
) -> None:
    """Erik works here (an employee in a reskilling cohort, with evidence and a SEARCH profile)
    and once applied. One request by e-mail covers both records; the development data goes, the
    account stays under its number without name or e-mail, closed; lena's cohort stays."""
    from datetime import date

    from searchlight.auth.models import User
    from searchlight.reskilling import demo, development, service
    from searchlight.reskilling.models import (
        Cohort,
        Criterion,
        Enrolment,
        Evidence,
        Person,
        SearchScore,
    )
    from searchlight.roles import demo as roles_demo
    from searchlight.taxonomy import demo as taxonomy_demo

    taxonomy_demo.load(db_session=db)
    roles_demo.load(db_session=db)
    demo.load(db_session=db)
    erik = make_user(db, "Erik", "employee")
    cohort = development.create_cohort(
        db_session=db, actor=lena, programme=service.get_programme(db_session=db, key="p4"),
        variant_key="standard", name="Najaar", start_date=date.today())
    enrolment = development.enrol(db_session=db, actor=lena, cohort=cohort, user=erik, lead=bob,
                                  target_role_key="ai-product-builder")
    evidence = development.add_evidence(
        db_session=db, actor=erik, enrolment=enrolment, kind="repository", title="Eriks demo",
        criterion_id=db.scalars(select(Criterion.id)).first(),
        file=("erik-demo.txt", b"Erik built a demo\n"), settings=get_settings())
    development.review_evidence(db_session=db, reviewer=bob, evidence=evidence, rating=4,
                                comment="Goed werk")
    make_candidate(db, "Erik Beide", email=erik.email)
    db.commit()
    erik_id, cohort_id, evidence_id = erik.id, cohort.id, evidence.id
    assert db.scalars(select(SearchScore).where(SearchScore.user_id == erik_id)).all()

    officer = log_in(client, db, make_user(db, "Pia", "privacy_officer"))
    response = officer.post("/privacy/export", data={"email": "erik@example.org"})
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        data = json.loads(archive.read("export.json"))
    assert {p["kind"] for p in data["people"]} == {"candidate", "employee"}
    assert {"reskilling_enrolments", "reskilling_evidence", "reskilling_search_scores",
            "reskilling_people", "candidates"} <= set(data["tables"])
    assert "password_hash" not in data["tables"]["users"][0]
    assert any(e["action"] == "reskilling_evidence.created" for e in data["audit_entries"])

    assert officer.post("/privacy/erasures", data={"email": "erik@example.org"},
                        follow_redirects=False).status_code == 303
    waiting = db.scalars(select(Erasure).where(Erasure.status == "requested")).all()
    assert sorted((e.candidate_id is None, e.user_id == erik_id) for e in waiting) == [
        (False, False), (True, True)]
    assert "an employee&#39;s account and development data" in officer.get("/privacy").text
    admin = log_in(client, db, dora)
    for erasure in waiting:
        assert admin.post(f"/privacy/erasures/{erasure.id}/confirm",
                          follow_redirects=False).status_code == 303
    db.expire_all()
    account = db.get_one(User, erik_id)
    assert (account.full_name, account.is_active) == (f"#{erik_id}", False)
    assert "erik" not in account.email
    for model in (Enrolment, SearchScore, Person):
        assert not db.scalars(select(model).where(model.user_id == erik_id)).all(), model
    assert db.get(Evidence, evidence_id) is None
    assert db.get(Cohort, cohort_id) is not None  # lena's cohort is not Erik's
    assert db.scalar(select(Candidate.id).where(Candidate.email == "erik@example.org")) is None
    assert client.post("/login", data={"email": "erik@example.org", "password": "x"},
                       follow_redirects=False).status_code != 303
    everything = json.dumps([[e.actor_label, e.changes] for e in db.scalars(select(AuditEntry))])
    assert "erik" not in everything.lower()
    assert verify_chain(db_session=db)[1] is None
