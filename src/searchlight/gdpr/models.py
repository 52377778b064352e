"""Consent records: who agreed, when, to which notice version and for what scope."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from searchlight.db import Base, utcnow

# `application`: processing this application (given on the careers form); `talent_pool`: keep
# the person in a talent pool for later roles; `retention`: keep the data for a year after the
# procedure instead of four weeks.
CONSENT_SCOPES = ("application", "talent_pool", "retention")


class Consent(Base):
    """One consent. Withdrawal sets `withdrawn_at`; the row stays as proof until erasure."""

    __tablename__ = "gdpr_consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(20))
    notice_version: Mapped[int]
    notice_language: Mapped[str] = mapped_column(String(2))
    given_at: Mapped[datetime] = mapped_column(default=utcnow)
    # None: the candidate gave it themselves (careers form); else the user who recorded it.
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(default=None)
    withdrawn_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class Erasure(Base):
    """An erasure: a request (four eyes: requested by one user, confirmed by another) or a
    retention purge. Once carried out it is the ledger entry: that it happened, when, on what
    ground and by whom it was decided — not whom it was about. `record_digests` are keyed
    hashes of the erased records (kind, record number and creation time, with the secret key), so
    the erasure can be applied again after a restore without storing who it was."""

    __tablename__ = "gdpr_erasures"

    id: Mapped[int] = mapped_column(primary_key=True)
    ground: Mapped[str] = mapped_column(String(20))  # "request" or "retention"
    status: Mapped[str] = mapped_column(String(20), default="requested")
    # Set while a request waits (a candidate record or an employee's account); cleared when it
    # is carried out.
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL"), index=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    carried_out_at: Mapped[datetime | None] = mapped_column(default=None)
    records: Mapped[int] = mapped_column(default=0)
    record_digests: Mapped[list[str]] = mapped_column(JSON, default=list)
    rows: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    files: Mapped[int] = mapped_column(default=0)
    compacted_at: Mapped[datetime | None] = mapped_column(default=None)
    # Shared with this erasure's lines in the ledger file (see `ledger`): set when carried out.
    ledger_key: Mapped[str | None] = mapped_column(String(32), unique=True, default=None)
