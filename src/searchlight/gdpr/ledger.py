"""The erasure ledger: requests with four eyes, purges, and applying them again after a restore.

A restore puts back an older database, with people in it who were erased since. The ledger is
kept twice: in `gdpr_erasures` and as an append-only JSON-lines file in the data directory
(`gdpr/erasure-ledger.jsonl`) that a restore keeps. After a restore every ledger entry is
applied again: records whose digest is in the ledger are erased (again). Applying is
idempotent: an erased candidate is gone, an erased account is anonymised already.

Durability: two phases, so that the file says an erasure was carried out only once it has
committed, and a crash at any moment leaves nothing unrecorded for a restore.

1. Before the erasure's transaction commits, a `pending` line (the entry's key and the record
   digests, nobody's name) is appended and flushed to disk.
2. The erasure, its `gdpr_erasures` row (with the same key) and its audit entry commit in one
   transaction: the database never holds one without the others.
3. After the commit a `done` line is appended (a session `after_commit` hook); after a rollback
   an `aborted` line.

A crash between 2 and 3 leaves a `pending` line. `settle` decides it from the database: the row
with that key is there (committed: `done`) or not (rolled back: `aborted`). `searchlight
restore` settles against the database it is about to replace, so the erasure is applied again
to the restored one. A `pending` line that cannot be settled any more (the database it was made
in is lost) is applied too: two people decided it, and erasing again what may already be gone
is harmless, while leaving a person who asked to be erased is not.
"""

import hashlib
import hmac
import json
import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.candidates.models import Candidate
from searchlight.config import Settings
from searchlight.db import utcnow
from searchlight.errors import Conflict, Forbidden, NotFound
from searchlight.gdpr.erasure import Erased, erase_people, is_erased
from searchlight.gdpr.models import Erasure
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent

PENDING, DONE, ABORTED = "pending", "done", "aborted"


def ledger_file(settings: Settings) -> Path:
    return settings.data_dir / "gdpr" / "erasure-ledger.jsonl"


def record_digest(record: Candidate | User, settings: Settings) -> str:
    kind = "candidate" if isinstance(record, Candidate) else "user"
    created = record.created_at.replace(microsecond=0).isoformat()
    message = f"{kind}:{record.id}:{created}".encode()
    return hmac.new(settings.secret_key.encode(), message, hashlib.sha256).hexdigest()


def _append(settings: Settings, line: dict[str, Any]) -> None:
    """Append one line and flush it to disk before going on."""
    path = ledger_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, sort_keys=True) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _line(erasure: Erasure, state: str) -> dict[str, Any]:
    at = erasure.carried_out_at.isoformat() if erasure.carried_out_at else None
    return {"key": erasure.ledger_key, "state": state, "id": erasure.id,
            "ground": erasure.ground, "carried_out_at": at, "records": erasure.records,
            "record_digests": erasure.record_digests}


def read_file(settings: Settings) -> list[dict[str, Any]]:
    path = ledger_file(settings)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def entries(settings: Settings) -> list[dict[str, Any]]:
    """One entry per erasure with its last state (lines written before the two phases count as
    done)."""
    found: dict[str, dict[str, Any]] = {}
    for line in read_file(settings):
        key = str(line.get("key") or f"id:{line['id']}")
        before = found.get(key, {})
        state = str(line.get("state") or DONE)
        if before.get("state") in (DONE, ABORTED):  # an outcome is final
            state = before["state"]
        found[key] = {**before, **{k: v for k, v in line.items() if v is not None},
                      "key": key, "state": state}
    return list(found.values())


def settle(*, db_session: Session, settings: Settings) -> int:
    """Decide the pending lines from this database (see the module's docstring); how many."""
    pending = [entry for entry in entries(settings) if entry["state"] == PENDING]
    for entry in pending:
        row = db_session.scalar(select(Erasure).where(Erasure.ledger_key == entry["key"]))
        if row is not None and row.status == "done":
            _append(settings, _line(row, DONE))
        else:
            _append(settings, {"key": entry["key"], "state": ABORTED, "id": entry.get("id")})
    return len(pending)


@contextmanager
def kept_through_restore(settings: Settings) -> Iterator[None]:
    """A restore writes the archive's (older) ledger file back: keep every line of both (settle
    the pending ones against the database being replaced first)."""
    path = ledger_file(settings)
    before = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    yield
    after = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = list(dict.fromkeys(line for line in after + before if line))
    if lines:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _after_outcome(db_session: Session, settings: Settings, erasure: Erasure) -> None:
    """Write the `done` line once the transaction has committed, `aborted` if it rolls back."""
    line = _line(erasure, DONE)  # read now: the row may be expired after the commit
    settled = False

    def committed(_session: Session) -> None:
        nonlocal settled
        if not settled:
            settled = True
            _append(settings, line)

    def rolled_back(_session: Session, previous: Any) -> None:
        nonlocal settled
        if not settled and previous.parent is None:  # not a savepoint inside it
            settled = True
            _append(settings, {"key": line["key"], "state": ABORTED, "id": line["id"]})

    event.listen(db_session, "after_commit", committed)
    event.listen(db_session, "after_soft_rollback", rolled_back)


def carry_out(
    *, db_session: Session, erasure: Erasure, candidates: Sequence[Candidate], settings: Settings,
    actor: User | None, now: datetime | None = None, users: Sequence[User] = (),
) -> Erased:
    """Erase `candidates` and the development data of `users` (anonymising the accounts),
    complete the ledger entry, audit it (counts only). The caller commits; the ledger file
    follows the outcome (see the module's docstring)."""
    erasure.record_digests = sorted([record_digest(c, settings) for c in candidates]
                                    + [record_digest(u, settings) for u in users])
    erasure.records = len(candidates) + len(users)
    erasure.candidate_id = erasure.user_id = None
    erasure.ledger_key = erasure.ledger_key or uuid.uuid4().hex
    erasure.status, erasure.carried_out_at = "done", now or utcnow()
    db_session.flush()
    _append(settings, _line(erasure, PENDING))
    _after_outcome(db_session, settings, erasure)
    result = erase_people(db_session=db_session, candidate_ids=[c.id for c in candidates],
                          user_ids=[u.id for u in users], settings=settings)
    erasure.rows, erasure.files = result.rows, result.files
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "gdpr.erasure_carried_out", "erasure", erasure.id,
        {"ground": erasure.ground, "records": erasure.records, "rows": result.total,
         "files": result.files}))
    return result


# --- four eyes ---------------------------------------------------------------------------

def find_users(*, db_session: Session, email: str) -> list[User]:
    """The user accounts (employees) with this e-mail address, not yet erased."""
    key = email.strip().lower()
    return [u for u in db_session.scalars(select(User).where(User.email == key))
            if not is_erased(u)] if key else []


def request_erasure(*, db_session: Session, actor: User, candidate: Candidate | None = None,
                    user: User | None = None) -> Erasure:
    """Ask for the erasure of a candidate record or of an employee's account and development
    data; someone else confirms it."""
    target = f"candidate:{candidate.id}" if candidate else f"user:{user.id if user else 0}"
    require(actor, "privacy:manage", target=target)
    if user is not None and user.id == actor.id:
        raise Forbidden("Another person must handle an erasure about you.",
                        permission="privacy:manage", target=target)
    subject = (Erasure.candidate_id == candidate.id) if candidate else \
        (Erasure.user_id == (user.id if user else 0))
    if db_session.scalar(select(Erasure.id).where(subject, Erasure.status == "requested")):
        raise Conflict("An erasure of this person is already waiting for confirmation.")
    erasure = Erasure(ground="request", status="requested",
                      candidate_id=candidate.id if candidate else None,
                      user_id=user.id if user else None, requested_by_id=actor.id,
                      requested_at=utcnow())
    db_session.add(erasure)
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        "gdpr.erasure_requested", "erasure", erasure.id,
        {"ground": "request", "subject": "candidate" if candidate else "employee"}))
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
    if erasure.status != "requested" or (erasure.candidate_id is None
                                         and erasure.user_id is None):
        raise Conflict("This erasure request is no longer waiting.")
    if erasure.requested_by_id == actor.id or erasure.user_id == actor.id:
        raise Forbidden("Another person must confirm an erasure you requested.",
                        permission="privacy:manage", target=f"erasure:{erasure.id}")
    candidates = [db_session.get_one(Candidate, erasure.candidate_id)] \
        if erasure.candidate_id is not None else []
    users = [db_session.get_one(User, erasure.user_id)] if erasure.user_id is not None else []
    erasure.confirmed_by_id = actor.id
    return carry_out(db_session=db_session, erasure=erasure, candidates=candidates,
                     users=users, settings=settings, actor=actor)


def cancel_erasure(*, db_session: Session, actor: User, erasure: Erasure) -> None:
    require(actor, "privacy:manage", target=f"erasure:{erasure.id}")
    if erasure.status != "requested":
        raise Conflict("This erasure request is no longer waiting.")
    erasure.status, erasure.candidate_id, erasure.user_id = "cancelled", None, None
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
    """Erase again whatever the ledger file says was erased (done, or pending and no longer
    decidable); put missing ledger rows back. Idempotent. Returns how many records were erased
    again."""
    applied = [entry for entry in entries(settings) if entry["state"] in (DONE, PENDING)]
    digests = {d for entry in applied for d in entry.get("record_digests", [])}
    if not digests:
        return 0
    candidates = [c for c in db_session.scalars(select(Candidate))
                  if record_digest(c, settings) in digests]
    users = [u for u in db_session.scalars(select(User))
             if not is_erased(u) and record_digest(u, settings) in digests]
    for entry in applied:
        row = db_session.get(Erasure, entry["id"]) if entry.get("id") else None
        if row is not None and row.status == "done" and row.ledger_key not in (None,
                                                                              entry["key"]):
            row = None  # the number went to another erasure in this database: add it anew
            entry = {**entry, "id": None}
        if row is None:
            row = Erasure(id=entry.get("id"), ground=str(entry["ground"]),
                          requested_at=utcnow())
            db_session.add(row)
        row.status, row.candidate_id, row.user_id = "done", None, None
        row.ledger_key = None if entry["key"].startswith("id:") else entry["key"]
        row.carried_out_at = datetime.fromisoformat(str(entry["carried_out_at"]))
        row.records, row.record_digests = int(entry["records"]), list(entry["record_digests"])
    db_session.flush()
    if candidates or users:
        erase_people(db_session=db_session, candidate_ids=[c.id for c in candidates],
                     user_ids=[u.id for u in users], settings=settings)
        audit.record(db_session=db_session, actor=None, event=AuditEvent(
            "gdpr.erasure_reapplied", "erasure", "restore",
            {"records": len(candidates) + len(users)}))
    return len(candidates) + len(users)
