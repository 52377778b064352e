"""The AI stop switch: one row in the database that turns every AI feature off at once.
Switching is audited (`ai.stopped` / `ai.started`)."""

from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.db import utcnow
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.llm.models import AISwitch

SWITCH_ID = 1


def state(*, db_session: Session) -> AISwitch:
    """The switch; a database that never switched reads as running (not stored until changed)."""
    return db_session.get(AISwitch, SWITCH_ID) or AISwitch(id=SWITCH_ID, stopped=False,
                                                            reason="", changed_by="")


def ai_enabled(*, db_session: Session) -> bool:
    """False when the stop switch is on."""
    return not state(db_session=db_session).stopped


def _set(*, db_session: Session, actor: User | None, stopped: bool, reason: str) -> AISwitch:
    switch = db_session.get(AISwitch, SWITCH_ID)
    if switch is None:
        switch = AISwitch(id=SWITCH_ID, stopped=False, reason="", changed_by="")
        db_session.add(switch)
    was = switch.stopped
    switch.stopped, switch.reason = stopped, reason.strip()[:500]
    switch.changed_at, switch.changed_by = utcnow(), actor.email if actor else audit.SYSTEM_ACTOR
    db_session.flush()
    action = "ai.stopped" if stopped else "ai.started"
    audit.record(db_session=db_session, actor=actor, event=AuditEvent(
        action, "ai_switch", SWITCH_ID,
        {"stopped": {"old": was, "new": stopped}, "reason": switch.reason}))
    return switch


def stop(*, db_session: Session, actor: User | None, reason: str = "") -> AISwitch:
    return _set(db_session=db_session, actor=actor, stopped=True, reason=reason)


def start(*, db_session: Session, actor: User | None, reason: str = "") -> AISwitch:
    return _set(db_session=db_session, actor=actor, stopped=False, reason=reason)
