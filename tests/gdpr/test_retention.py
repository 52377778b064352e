"""Retention with a frozen clock: rejected applicants go four weeks after the procedure closed,
a year with consent; open procedures keep everything; the purge erases and writes the ledger."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.candidates.documents import document_path, store_document
from searchlight.candidates.models import Candidate
from searchlight.careers.service import current_notice
from searchlight.config import get_settings
from searchlight.gdpr import jobs as gdpr_jobs
from searchlight.gdpr import service
from searchlight.gdpr.models import Erasure
from searchlight.gdpr.retention import purge
from tests.candidates.factories import apply, make_candidate, make_role, text_cv

CLOSED = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _closed_applicant(db: Session, name: str, role, stage: str = "rejected") -> Candidate:  # type: ignore[no-untyped-def]
    candidate = make_candidate(db, name)
    application = apply(db, candidate, role, stage)
    application.stage_entered_at = CLOSED
    db.flush()
    return candidate


def test_it_purges_rejected_applicants_four_weeks_after_the_procedure_closed(db: Session) -> None:
    role = make_role(db, "retention-role")
    rejected = _closed_applicant(db, "Roos Afgewezen", role)
    document = store_document(db_session=db, data=text_cv("Roos Afgewezen"), filename="roos.txt",
                              candidate_id=rejected.id, settings=get_settings())
    stored: Path = document_path(document, get_settings())
    withdrawn = _closed_applicant(db, "Wim Teruggetrokken", role, "withdrawn")
    kept_open = _closed_applicant(db, "Olga Open", role, "interview")
    pooled = _closed_applicant(db, "Pim Pool", role)
    pool_consent = service.record_consent(db_session=db, actor=None, candidate=pooled,
                                          scope="talent_pool", notice=current_notice(db, "nl"))
    pooled.consent_expires_on = (CLOSED + timedelta(days=365)).date()
    pool_consent.given_at = CLOSED
    db.flush()
    settings = get_settings()

    day_27 = CLOSED + timedelta(days=27)
    assert purge(db_session=db, settings=settings, now=day_27, dry_run=True)[0] == []
    day_28 = CLOSED + timedelta(days=28)
    due, erased = purge(db_session=db, settings=settings, now=day_28, dry_run=True)
    assert {d.candidate_id for d in due} == {rejected.id, withdrawn.id}
    assert erased is None and db.get(Candidate, rejected.id) is not None  # dry run

    gone = {rejected.id, withdrawn.id}
    due, erased = purge(db_session=db, settings=settings, now=day_28)
    assert erased is not None and erased.rows["candidates"] == 2 and erased.files == 1
    db.expire_all()
    remaining = set(db.scalars(select(Candidate.id)))
    assert not gone & remaining
    assert {kept_open.id, pooled.id} <= remaining
    assert not stored.exists()
    entry = db.scalars(select(Erasure).where(Erasure.ground == "retention")).one()
    assert (entry.status, entry.records, entry.candidate_id) == ("done", 2, None)

    # With consent: a year, not four weeks; withdrawing ends that at once.
    a_year = CLOSED + timedelta(days=366)
    assert [d.candidate_id for d in purge(db_session=db, settings=settings, now=a_year,
                                          dry_run=True)[0]] == [pooled.id]
    service.withdraw_consent(db_session=db, actor=None, consent=pool_consent)
    due_now = purge(db_session=db, settings=settings, now=day_28 + timedelta(days=2),
                    dry_run=True)[0]
    assert [d.candidate_id for d in due_now] == [pooled.id]


def test_it_schedules_the_purge_as_a_job(db: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    role = make_role(db, "retention-job")
    _closed_applicant(db, "Job Afgewezen", role)
    gdpr_jobs.hourly.reset()
    monkeypatch.setattr(gdpr_jobs, "utcnow", lambda: CLOSED + timedelta(days=10))
    assert ("gdpr.purge", {}) not in gdpr_jobs.due_privacy_work(db)
    gdpr_jobs.hourly.reset()
    monkeypatch.setattr(gdpr_jobs, "utcnow", lambda: CLOSED + timedelta(days=29))
    assert ("gdpr.purge", {}) in gdpr_jobs.due_privacy_work(db)
    # Checked at most hourly: the next poll does not read the candidates again.
    assert ("gdpr.purge", {}) not in gdpr_jobs.due_privacy_work(db)
    gdpr_jobs.hourly.reset()
