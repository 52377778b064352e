from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from searchlight.db import Base, utcnow


class AuditEntry(Base):
    """Append-only. Each row's hash covers its content and the previous row's hash; the unique
    `prev_hash` makes a fork in the chain impossible to store."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(index=True)
    actor_label: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target_type: Mapped[str] = mapped_column(String(64))
    target_id: Mapped[str] = mapped_column(String(64))
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    entry_hash: Mapped[str] = mapped_column(String(64))


class DecisionReview(Base):
    """A contested decision on a candidate (GDPR art. 22, AI Act art. 86): a human looks again.
    Open until a reviewer who did not take the decision records the outcome. The candidate's
    own words stay here (removed with the candidate), never in the audit log."""

    __tablename__ = "decision_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    decision_kind: Mapped[str] = mapped_column(String(16))  # "screening" or "stage"
    decision_id: Mapped[int]
    reason: Mapped[str] = mapped_column(Text)
    requested_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    assigned_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open / done
    outcome: Mapped[str] = mapped_column(Text, default="")
    changed: Mapped[bool] = mapped_column(default=False)  # the review changed the decision
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None]
