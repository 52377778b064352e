"""What people decided about suggested actions, and each recruiter's limits."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.auth.models import User
from searchlight.db import Base, utcnow

DECISIONS = ("done", "snoozed", "dismissed")


class ActionDecision(Base):
    """A suggestion marked done, snoozed (until a time) or dismissed. Decisions are shared by
    the team: a call made by one recruiter does not need making by another. The latest
    decision on a key counts; earlier ones stay as the record."""

    __tablename__ = "next_action_decisions"
    __table_args__ = (Index("ix_next_action_decisions_key", "action_key", "decided_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_key: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    role_key: Mapped[str] = mapped_column(String(80), default="")
    decision: Mapped[str] = mapped_column(String(10))
    snoozed_until: Mapped[datetime | None] = mapped_column(default=None)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User | None] = relationship()


class ActionLimits(Base):
    """A recruiter's own limits: how long a strong candidate may wait in a stage, and how long
    any candidate may go without a message."""

    __tablename__ = "next_action_limits"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    wait_days: Mapped[int] = mapped_column(default=5)
    message_days: Mapped[int] = mapped_column(default=7)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
