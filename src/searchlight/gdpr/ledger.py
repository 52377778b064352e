"""The erasure ledger: requests with four eyes, purges, and applying them again after a restore.

A restore puts back an older database, with people in it who were erased since. The ledger is
kept twice: in `gdpr_erasures` and as an append-only JSON-lines file in the data directory
(`gdpr/erasure-ledger.jsonl`) that a restore keeps. After a restore every ledger entry is
applied again: records whose digest is in the ledger are erased (again).
"""

import hashlib
import hmac
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.candidates.models import Candidate
from searchlight.config import Settings
from searchlight.db import utcnow
from searchlight.errors import Conflict, Forbidden, NotFound
from searchlight.gdpr.erasure import Erased, erase_candidates
from searchlight.gdpr.models import Erasure
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent


def ledger_file(settings: Settings) -> Path:
    return settings.data_dir / "gdpr" / "erasure-ledger.jsonl"


def record_digest(candidate: Candidate, settings: Settings) -> str:
    created = candidate.created_at.replace(microsecond=0).isoformat()
    message = f"candidate:{candidate.id}:{created}".encode()
    return hmac.new(settings.secret_key.encode(), message, hashlib.sha256).hexdigest()


def _append_file(settings: Settings, erasure: Erasure) -> None:
    path = ledger_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    at = erasure.carried_out_at.isoformat() if erasure.carried_out_at else None
    line = {"id": erasure.id, "ground": erasure.ground, "carried_out_at": at,
            "records": erasure.records, "record_digests": erasure.record_digests}
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, sort_keys=True) + "\n")


def read_file(settings: Settings) -> list[dict[str, object]]:
    path = ledger_file(settings)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@contextmanager
def kept_through_restore(settings: Settings) -> Iterator[None]:
    """A restore writes the archive's (older) ledger file back: keep every line of both."""
    path = ledger_file(settings)
    before = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    yield
    after = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = list(dict.fromkeys(line for line in after + before if line))
    if lines:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def carry_out(
    *, db_session: Session, erasure: Erasure, candidates: list[Candidate], settings: Settings,
    actor: User | None, now: datetime | None = None,
) -> Erased:
    """Erase `candidates`, complete the ledger entry, audit it (counts only)."""
    erasure.record_digests = sorted(record_digest(c, settings) for c in candidates)
    erasure.records = len(candidates)
    erasure.candidate_id = None
    db_session.flush()
    result = erase_candidates(db_session=db_session, candidate_ids=[c.id for c in candidates],
                              settings=settings)
    erasure.status, erasure.carried_out_at = "done", now or utcnow()
    erasure.rows, erasure.files = result.rows, result.files
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "gdpr.erasure_carried_out", "erasure", erasure.id,
        {"ground": erasure.ground, "records": erasure.records, "rows": result.total,
         "files": result.files}))
    _append_file(settings, erasure)
    return result


# --- four eyes ---------------------------------------------------------------------------

def request_erasure(*, db_session: Session, actor: User, candidate: Candidate) -> Erasure:
    require(actor, "privacy:manage", target=f"candidate:{candidate.id}")
    if db_session.scalar(select(Erasure.id).where(Erasure.candidate_id == candidate.id,
                                                  Erasure.status == "requested")):
        raise Conflict("An erasure of this person is already waiting for confirmation.")
    erasure = Erasure(ground="request", status="requested", candidate_id=candidate.id,
                      requested_by_id=actor.id, requested_at=utcnow())
    db_session.add(erasure)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "gdpr.erasure_requested", "erasure", erasure.id, {"ground": "request"}))
    return erasure


def get_erasure_for_user(*, db_session: Session, user: User, erasure_id: int) -> Erasure:
    require(user, "privacy:manage", target=f"erasure:{erasure_id}")
    erasure = db_session.get(Erasure, erasure_id)
    if erasure is None:
        raise NotFound("This erasure request does not exist.")
    return erasure


def confirm_erasure(
    *, db_session: Session, actor: User, erasure: Erasure, settings: Settings,
) -> Erased:
    """The second pair of eyes: someone other than the requester carries it out."""
    require(actor, "privacy:manage", target=f"erasure:{erasure.id}")
    if erasure.status != "requested" or erasure.candidate_id is None:
        raise Conflict("This erasure request is no longer waiting.")
    if erasure.requested_by_id == actor.id:
        raise Forbidden("Another person must confirm an erasure you requested.",
                        permission="privacy:manage", target=f"erasure:{erasure.id}")
    candidate = db_session.get_one(Candidate, erasure.candidate_id)
    erasure.confirmed_by_id = actor.id
    return carry_out(db_session=db_session, erasure=erasure, candidates=[candidate],
                     settings=settings, actor=actor)


def cancel_erasure(*, db_session: Session, actor: User, erasure: Erasure) -> None:
    require(actor, "privacy:manage", target=f"erasure:{erasure.id}")
    if erasure.status != "requested":
        raise Conflict("This erasure request is no longer waiting.")
    erasure.status, erasure.candidate_id = "cancelled", None
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "gdpr.erasure_cancelled", "erasure", erasure.id, {}))


def waiting(*, db_session: Session) -> list[Erasure]:
    return list(db_session.scalars(select(Erasure).where(Erasure.status == "requested")
                                   .order_by(Erasure.requested_at)))


def done(*, db_session: Session, limit: int = 50) -> list[Erasure]:
    return list(db_session.scalars(select(Erasure).where(Erasure.status == "done")
                                   .order_by(Erasure.id.desc()).limit(limit)))


# --- after a restore ------------------------------------------------------------------------

def reapply(*, db_session: Session, settings: Settings) -> int:
    """Erase again whatever the ledger file says was erased; put missing ledger rows back.
    Returns how many records were erased again."""
    entries = read_file(settings)
    digests = {d for entry in entries for d in entry.get("record_digests", [])}  # type: ignore[attr-defined]
    if not digests:
        return 0
    again = [c for c in db_session.scalars(select(Candidate))
             if record_digest(c, settings) in digests]
    known = set(db_session.scalars(select(Erasure.id)))
    for entry in entries:
        if entry["id"] not in known:
            db_session.add(Erasure(
                id=entry["id"], ground=str(entry["ground"]), status="done",
                carried_out_at=datetime.fromisoformat(str(entry["carried_out_at"])),
                records=int(entry["records"]),  # type: ignore[call-overload]
                record_digests=list(entry["record_digests"])))  # type: ignore[call-overload]
    db_session.flush()
    if again:
        erase_candidates(db_session=db_session, candidate_ids=[c.id for c in again],
                         settings=settings)
        audit.record(db_session=db_session, actor=None, event=AuditEvent(
            "gdpr.erasure_reapplied", "erasure", "restore", {"records": len(again)}))
    return len(again)
