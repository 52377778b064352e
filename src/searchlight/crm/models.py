"""The talent CRM around candidates: where they came from (sources), how we group them (tags,
talent pools) and what happened with them (activities: notes, calls, e-mails, meetings)."""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.auth.models import User
from searchlight.db import Base, utcnow

SOURCE_KINDS = ("channel", "agency")
SOURCE_LANGUAGES = ("NL", "EN", "Global")
ACTIVITY_KINDS = ("note", "call", "email", "meeting")


class Source(Base):
    """A sourcing channel (LinkedIn, GitHub, ...) or a recruitment agency."""

    __tablename__ = "crm_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(16), default="")
    specialisation_nl: Mapped[str] = mapped_column(String(300), default="")
    specialisation_en: Mapped[str] = mapped_column(String(300), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def specialisation(self, locale: str) -> str:
        return self.specialisation_en if locale == "en" else self.specialisation_nl


class SourceCost(Base):
    """Money spent on a source (an agency fee, a job-board campaign), optionally for one role:
    what cost per hire is computed from."""

    __tablename__ = "crm_source_costs"
    __table_args__ = (Index("ix_crm_source_costs_source_id", "source_id", "spent_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("crm_sources.id", ondelete="CASCADE"))
    role_id: Mapped[int | None] = mapped_column(
        ForeignKey("roles.id", ondelete="SET NULL"), index=True)
    spent_on: Mapped[date]
    amount_cents: Mapped[int]
    note: Mapped[str] = mapped_column(String(300), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    source: Mapped[Source] = relationship()


class Tag(Base):
    __tablename__ = "crm_tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


# Keyed on (tag, candidate) so "candidates with tag X" is an index range; the second index
# serves "tags of candidate Y" on the profile page and in merges.
candidate_tags = Table(
    "crm_candidate_tags",
    Base.metadata,
    Column("tag_id", ForeignKey("crm_tags.id", ondelete="CASCADE"), primary_key=True),
    Column("candidate_id", ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_crm_candidate_tags_candidate_id", "candidate_id"),
)


class TalentPool(Base):
    __tablename__ = "crm_talent_pools"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner: Mapped[User | None] = relationship()


class PoolMember(Base):
    __tablename__ = "crm_pool_members"
    __table_args__ = (Index("ix_crm_pool_members_candidate_id", "candidate_id"),)

    pool_id: Mapped[int] = mapped_column(
        ForeignKey("crm_talent_pools.id", ondelete="CASCADE"), primary_key=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class Activity(Base):
    """A note, call, e-mail or meeting on a candidate's timeline."""

    __tablename__ = "crm_activities"
    __table_args__ = (Index("ix_crm_activities_candidate_id", "candidate_id", "occurred_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship()
