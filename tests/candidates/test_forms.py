"""The create and edit forms show problems next to the fields and keep what was typed."""

from sqlalchemy import func, select

from searchlight.candidates.models import Candidate
from searchlight.crm.sources import ensure_default_sources


def test_it_shows_errors_next_to_the_fields(as_alice, db):
    response = as_alice.post("/candidates", data={
        "full_name": "", "email": "jan@", "location": "Utrecht",
        "consent_given_on": "2026-03-01", "consent_expires_on": "2026-01-01"})
    assert response.status_code == 422
    page = response.text
    assert 'id="e-full_name"' in page and "Enter the candidate&#39;s name" in page
    assert 'id="e-email"' in page and "Enter a valid e-mail address" in page
    assert 'id="e-consent_expires_on"' in page
    assert 'aria-invalid="true" aria-describedby="e-email"' in page
    assert 'value="Utrecht"' in page  # what was typed stays
    assert db.scalar(select(func.count()).select_from(Candidate)) == 0


def test_it_creates_a_candidate_with_source_owner_and_consent(as_alice, db, alice):
    ensure_default_sources(db_session=db)
    db.commit()
    form = as_alice.get("/candidates/new").text
    assert 'name="cv"' in form and "Xomnia" in form and 'enctype="multipart/form-data"' in form
    response = as_alice.post("/candidates", data={
        "full_name": "Noor El Amrani", "email": "Noor@Example.org", "source": "xomnia",
        "owner_id": str(alice.id), "legal_basis": "legitimate_interest",
        "consent_given_on": "2026-02-01"}, follow_redirects=False)
    assert response.status_code == 303
    candidate = db.scalars(select(Candidate)).one()
    assert candidate.source.key == "xomnia" and candidate.owner_id == alice.id
    assert candidate.email_key == "noor@example.org"
    assert candidate.consent_expires_on is None  # a default only applies to consent
    page = as_alice.get(response.headers["location"]).text
    assert "Legitimate interest" in page and "Xomnia" in page


def test_it_prefills_the_edit_form(as_alice, db):
    as_alice.post("/candidates", data={"full_name": "Tim Tester", "tags": "python, mlops"})
    candidate = db.scalars(select(Candidate)).one()
    page = as_alice.get(f"/candidates/{candidate.id}/edit").text
    assert 'value="Tim Tester"' in page and 'value="mlops, python"' in page
