"""Purpose, legal basis and consent: recorded with the notice version, withdrawn in one action
with immediate effect; named users show who may and who may not."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.careers.models import CareersApplication, Notice, Posting
from searchlight.careers.service import ApplicationForm, apply, current_notice
from searchlight.config import get_settings
from searchlight.crm.models import PoolMember, TalentPool
from searchlight.db import utcnow
from searchlight.gdpr.models import Consent
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import make_candidate, make_role, text_cv
from tests.factories import log_in, make_user


def test_it_gives_every_candidate_a_purpose(db: Session) -> None:
    assert make_candidate(db, "Pien Doel").purpose == "recruitment"


def test_it_records_consent_with_the_notice_version_and_withdraws_it_at_once(
    db: Session, as_alice, alice
) -> None:
    candidate = make_candidate(db, "Joris Pool")
    pool = TalentPool(name="Later", description="")
    db.add(pool)
    db.flush()
    db.add(PoolMember(pool_id=pool.id, candidate_id=candidate.id))
    db.commit()

    given = as_alice.post(f"/candidates/{candidate.id}/consents",
                          data={"scope": "talent_pool", "language": "nl"},
                          follow_redirects=False)
    assert given.status_code == 303
    consent = db.scalars(select(Consent).where(Consent.candidate_id == candidate.id)).one()
    assert (consent.scope, consent.recorded_by_id) == ("talent_pool", alice.id)
    assert consent.notice_version == current_notice(db, "nl").version
    db.refresh(candidate)
    assert (candidate.purpose, candidate.legal_basis) == ("talent_pool", "consent")
    page = as_alice.get(f"/candidates/{candidate.id}/privacy")
    assert "Talent pool for later roles" in page.text and "Withdraw" in page.text

    withdrawn = as_alice.post(f"/consents/{consent.id}/withdraw", follow_redirects=False)
    assert withdrawn.status_code == 303
    db.expire_all()
    assert consent.withdrawn_at is not None and consent.withdrawn_by_id == alice.id
    assert db.scalar(select(PoolMember).where(PoolMember.candidate_id == candidate.id)) is None
    assert candidate.purpose == "recruitment" and candidate.legal_basis is None
    assert candidate.consent_expires_on == utcnow().date()  # due for the purge at once
    actions = db.scalars(select(AuditEntry.action).where(
        AuditEntry.target_type == "candidate", AuditEntry.target_id == str(candidate.id))).all()
    assert "consent.given" in actions and "consent.withdrawn" in actions
    assert as_alice.post(f"/consents/{consent.id}/withdraw").status_code == 409


def test_it_stores_the_first_notice_when_consent_is_given_not_when_the_page_opens(
    db: Session, as_alice
) -> None:
    candidate = make_candidate(db, "Noor Leest")
    db.commit()
    assert db.scalars(select(Notice)).first() is None
    page = as_alice.get(f"/candidates/{candidate.id}/privacy")
    assert page.status_code == 200 and "Talent pool for later roles" in page.text
    assert db.scalars(select(Notice)).first() is None  # a read never writes
    as_alice.post(f"/candidates/{candidate.id}/consents",
                  data={"scope": "talent_pool", "language": "en"})
    consent = db.scalars(select(Consent).where(Consent.candidate_id == candidate.id)).one()
    assert (consent.notice_version, consent.notice_language) == (1, "en")
    assert db.scalars(select(Notice.language)).all() == ["en"]


def test_it_keeps_longer_retention_for_a_year_with_consent(db: Session, as_alice) -> None:
    candidate = make_candidate(db, "Saar Bewaar")
    db.commit()
    as_alice.post(f"/candidates/{candidate.id}/consents", data={"scope": "retention"})
    db.refresh(candidate)
    days = get_settings().retention_with_consent_days
    assert (candidate.consent_expires_on - utcnow().date()).days == days == 365


def test_it_records_the_careers_consent_with_the_notice_the_applicant_read(db: Session) -> None:
    role = make_role(db, "gdpr-careers")
    posting = Posting(role_id=role.id)
    db.add(posting)
    db.flush()
    notice = current_notice(db, "en")
    db.add(Notice(version=notice.version + 1, language="en", body="A newer notice " * 5))
    db.flush()
    form = ApplicationForm(full_name="Lot Sollicitant", email="lot@example.org", phone="",
                           consent=True, notice_version=notice.version + 1, human_only=True,
                           language="en")
    application = apply(db, posting=posting, form=form, cv=text_cv("Lot Sollicitant"),
                        filename="lot.txt", settings=get_settings())
    consent = db.scalars(select(Consent).where(
        Consent.candidate_id == application.candidate_id)).one()
    assert (consent.scope, consent.notice_version, consent.recorded_by_id) == (
        "application", notice.version + 1, None)
    assert db.scalar(select(CareersApplication.notice_version)) == notice.version + 1


def test_it_lets_only_privacy_managers_publish_a_notice(db: Session, client, as_dora) -> None:
    body = "Searchlight reads your CV with software; a person always decides. " * 2
    assert as_dora.post("/privacy/notice", data={"language": "en", "body": body},
                        follow_redirects=False).status_code == 303
    assert current_notice(db, "en").body == body.strip()
    assert "Transparency notice" in as_dora.get("/privacy").text
    officer = log_in(client, db, make_user(db, "Pia", "privacy_officer"))
    assert officer.get("/privacy").status_code == 200
    alice = log_in(client, db, make_user(db, "Alice", "recruiter"))
    assert alice.get("/privacy").status_code == 403
    assert alice.post("/privacy/notice", data={"language": "en", "body": body}).status_code == 403


def test_it_shows_consent_only_to_those_who_may_see_the_candidate(
    db: Session, client, bob, charlie
) -> None:
    candidate = make_candidate(db, "Geheim Persoon")
    db.commit()
    as_bob = log_in(client, db, bob)
    assert as_bob.get(f"/candidates/{candidate.id}/privacy").status_code == 403
    assert as_bob.post(f"/candidates/{candidate.id}/consents",
                       data={"scope": "retention"}).status_code == 403
    as_charlie = log_in(client, db, charlie)
    assert as_charlie.get(f"/candidates/{candidate.id}/privacy").status_code == 403
    assert db.scalar(select(Consent.id)) is None
