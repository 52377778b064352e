"""Voluntary self-identification for the bias audit: single-use invitations and the answers.

The answers live in a table of their own that only the fairness service reads (for the auditor,
as aggregates); no screening, matching or scoring module imports this file
(`tests/fairness/test_isolation.py`)."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.candidates.models import Application
from searchlight.db import Base, utcnow


class SelfIdInvitation(Base):
    """One link to the form, used once; only the SHA-256 of its token is stored. Removed with
    the application when the person is erased."""

    __tablename__ = "fairness_self_id_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(2), default="nl")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)

    application: Mapped[Application] = relationship()


class SelfId(Base):
    """The answers of one applicant for one role: {category: value}, None = prefer not to say.

    While the application exists the audit reads its outcome (stages reached, screening scores)
    live. When the person is erased the outcome is frozen into `stages_reached` and `scores` and
    `application_id` is cleared: an anonymous record (role, month, answers, outcome) that keeps
    the audit's figures right without pointing at anybody."""

    __tablename__ = "fairness_self_ids"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), unique=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    month: Mapped[date]  # the month, not the moment: timing gives nobody away
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    stages_reached: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    scores: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
