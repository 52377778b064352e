"""Scheduled privacy work: the retention purge (checked at most hourly) and the compaction of
the database after an erasure from the web (VACUUM may not run inside a request)."""

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.config import get_settings
from searchlight.db import get_engine, transaction, utcnow
from searchlight.gdpr.erasure import compact
from searchlight.gdpr.models import Erasure
from searchlight.gdpr.retention import due_candidates, purge

hourly = jobs.Every(3600.0)


@jobs.task("gdpr.purge")
def purge_due() -> None:
    with transaction() as db_session:
        _due, erased = purge(db_session=db_session, settings=get_settings(), now=utcnow())
    if erased is not None:
        compact_erased()


@jobs.task("gdpr.compact")
def compact_erased() -> None:
    compact(get_engine())
    with transaction() as db_session:
        for erasure in db_session.scalars(select(Erasure).where(
                Erasure.status == "done", Erasure.compacted_at.is_(None))):
            erasure.compacted_at = utcnow()


@jobs.finds_due_work
def due_privacy_work(db_session: Session) -> jobs.DueWork:
    work: jobs.DueWork = []
    if db_session.scalar(select(exists().where(Erasure.status == "done",
                                               Erasure.compacted_at.is_(None)))):
        work.append(("gdpr.compact", {}))
    if not hourly.due():
        return work
    if due_candidates(db_session=db_session, now=utcnow(),
                      rejected_days=get_settings().retention_rejected_days):
        work.append(("gdpr.purge", {}))
    return work
