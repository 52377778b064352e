"""Careers tables. Nothing here holds a visitor's personal data except an alert subscription's
e-mail address (kept for the alert, removed on unsubscribe); event counts are per day only."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.db import Base, utcnow
from searchlight.roles.models import Role

EMPLOYMENT_TYPES = ("FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN")


class Posting(Base):
    """A role published on the careers site."""

    __tablename__ = "careers_postings"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(
        ForeignKey("roles.id", ondelete="CASCADE"), unique=True)
    is_published: Mapped[bool] = mapped_column(default=True)
    family: Mapped[str] = mapped_column(String(80), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2), default="NL")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)  # work languages
    employment_type: Mapped[str] = mapped_column(String(20), default="FULL_TIME")
    date_posted: Mapped[date] = mapped_column(default=lambda: utcnow().date())
    valid_through: Mapped[date | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    role: Mapped[Role] = relationship(lazy="joined")


class Notice(Base):
    """A version of the transparency notice an applicant consents to (replaceable by the gdpr
    domain's notice model when that exists)."""

    __tablename__ = "careers_notices"
    __table_args__ = (UniqueConstraint("version", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int]
    language: Mapped[str] = mapped_column(String(2))
    body: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(default=utcnow)


class CareersApplication(Base):
    """What the careers form added to a pipeline application: consent and review choice."""

    __tablename__ = "careers_applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), unique=True)
    notice_version: Mapped[int]
    language: Mapped[str] = mapped_column(String(2))
    human_only_review: Mapped[bool] = mapped_column(default=False)
    batch_id: Mapped[int | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class FaqEntry(Base):
    """A question and answer a recruiter maintains, for one role or (role_id empty) general."""

    __tablename__ = "careers_faq"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int | None] = mapped_column(
        ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(2))
    question: Mapped[str] = mapped_column(String(500))
    answer: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AlertSubscription(Base):
    """A job alert: active only after the link in the confirmation mail was opened."""

    __tablename__ = "careers_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(2))
    role_keys: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AssistantLog(Base):
    """A question to the candidate assistant and its answer, redacted of personal data."""

    __tablename__ = "careers_assistant_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int | None] = mapped_column(
        ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(2))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
    answered: Mapped[bool] = mapped_column(default=False)
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    engine: Mapped[str] = mapped_column(String(80), default="offline")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EventCount(Base):
    """First-party event counts per day; `detail` is a field name or a depth bucket, never
    anything a visitor typed."""

    __tablename__ = "careers_event_counts"
    __table_args__ = (UniqueConstraint("day", "event", "role_key", "detail"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date]
    event: Mapped[str] = mapped_column(String(40))
    role_key: Mapped[str] = mapped_column(String(80), default="")
    detail: Mapped[str] = mapped_column(String(40), default="")
    count: Mapped[int] = mapped_column(default=0)
