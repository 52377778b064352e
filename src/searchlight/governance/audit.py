"""The hash-chained audit log: record events, verify the chain."""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.db import utcnow
from searchlight.governance.events import AuditEvent
from searchlight.governance.models import AuditEntry

GENESIS_HASH = "0" * 64
SYSTEM_ACTOR = "system"


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str, ensure_ascii=False)


def compute_hash(
    *, prev_hash: str, occurred_at: datetime, actor_id: int | None, actor_label: str,
    action: str, target_type: str, target_id: str, changes: dict[str, Any],
) -> str:
    payload = _canonical({
        "prev": prev_hash, "at": occurred_at.isoformat(), "actor_id": actor_id,
        "actor": actor_label, "action": action, "target_type": target_type,
        "target_id": target_id, "changes": changes,
    })
    return hashlib.sha256(payload.encode()).hexdigest()


def actor_label(actor: User | None) -> str:
    """How an entry names its actor: by account number only, so that the chain holds no
    personal data and an erased employee's entries stay as they are (pages show the name
    through `actor_names` while the account has one)."""
    return f"user:{actor.id}" if actor else SYSTEM_ACTOR


def actor_names(db_session: Session, entries: Sequence[AuditEntry]) -> dict[int, str]:
    """The current names of the entries' actors, by account number."""
    ids = sorted({e.actor_id for e in entries if e.actor_id is not None})
    if not ids:
        return {}
    rows = db_session.execute(select(User.id, User.full_name).where(User.id.in_(ids)))
    return {user_id: name for user_id, name in rows}


def _lock_chain(db_session: Session) -> None:
    if db_session.get_bind().dialect.name == "postgresql":
        db_session.execute(text("SELECT pg_advisory_xact_lock(72616) "))


def record(*, db_session: Session, actor: User | None, event: AuditEvent) -> AuditEntry:
    """Append an entry to the hash chain in the session's transaction. On PostgreSQL an
    advisory lock held to the end of the transaction orders concurrent writers; SQLite has one
    writer at a time (a transaction that read a stale chain head cannot write). No lock of this
    process is taken: one held while waiting for the database's deadlocked a transaction that
    had recorded once and went on to record again (tests/governance/test_audit_concurrency)."""
    _lock_chain(db_session)
    last = db_session.scalar(select(AuditEntry.entry_hash).order_by(AuditEntry.id.desc()))
    # Round-trip the JSON now so the stored changes are exactly what was hashed.
    changes = json.loads(_canonical(event.changes))
    entry = AuditEntry(
        occurred_at=utcnow().replace(microsecond=0), actor_id=actor.id if actor else None,
        actor_label=actor_label(actor), action=event.action,
        target_type=event.target_type, target_id=str(event.target_id), changes=changes,
        prev_hash=last or GENESIS_HASH,
    )
    entry.entry_hash = compute_hash(
        prev_hash=entry.prev_hash, occurred_at=entry.occurred_at, actor_id=entry.actor_id,
        actor_label=entry.actor_label, action=entry.action, target_type=entry.target_type,
        target_id=entry.target_id, changes=changes,
    )
    db_session.add(entry)
    db_session.flush()
    return entry


@dataclass(frozen=True)
class ChainBreak:
    entry_id: int
    reason: str


def verify_chain(*, db_session: Session) -> tuple[int, ChainBreak | None]:
    """Walk the chain in id order; return how many entries were checked and the first break."""
    expected_prev = GENESIS_HASH
    checked = 0
    for entry in db_session.scalars(select(AuditEntry).order_by(AuditEntry.id)).yield_per(1000):
        if entry.prev_hash != expected_prev:
            return checked, ChainBreak(entry.id, "does not point to the previous entry")
        recomputed = compute_hash(
            prev_hash=entry.prev_hash, occurred_at=entry.occurred_at, actor_id=entry.actor_id,
            actor_label=entry.actor_label, action=entry.action, target_type=entry.target_type,
            target_id=entry.target_id, changes=entry.changes,
        )
        if recomputed != entry.entry_hash:
            return checked, ChainBreak(entry.id, "content does not match its hash")
        expected_prev = entry.entry_hash
        checked += 1
    return checked, None
