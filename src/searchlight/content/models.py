"""Organisation facts (one row), and texts with their versions: every generation or edit is a
new immutable version that records the role version it came from and the engine that made it."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.auth.models import User
from searchlight.db import Base, utcnow
from searchlight.roles.models import Role

KINDS = ("vacancy", "social", "onboarding")


class OrganisationFacts(Base):
    """What every text says about the employer; a recruiter edits it once (row id 1)."""

    __tablename__ = "content_organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    sector_nl: Mapped[str] = mapped_column(String(200), default="")
    sector_en: Mapped[str] = mapped_column(String(200), default="")
    about_nl: Mapped[str] = mapped_column(Text, default="")
    about_en: Mapped[str] = mapped_column(Text, default="")
    benefits_nl: Mapped[str] = mapped_column(Text, default="")
    benefits_en: Mapped[str] = mapped_column(Text, default="")
    tone_nl: Mapped[str] = mapped_column(Text, default="")
    tone_en: Mapped[str] = mapped_column(Text, default="")
    apply_nl: Mapped[str] = mapped_column(Text, default="")
    apply_en: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class ContentText(Base):
    """A vacancy text, social posts or an onboarding plan for one role in one language."""

    __tablename__ = "content_texts"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(2))
    current_version: Mapped[int] = mapped_column(default=1)
    approved_version: Mapped[int | None] = mapped_column(default=None)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    approved_at: Mapped[datetime | None] = mapped_column(default=None)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    role: Mapped[Role] = relationship(lazy="joined")
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
    versions: Mapped[list["ContentVersion"]] = relationship(
        back_populates="text", order_by="ContentVersion.number", cascade="all, delete-orphan")

    @property
    def status(self) -> str:
        return "approved" if self.approved_version == self.current_version else "draft"


class ContentVersion(Base):
    __tablename__ = "content_versions"
    __table_args__ = (UniqueConstraint("text_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    text_id: Mapped[int] = mapped_column(
        ForeignKey("content_texts.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    role_version: Mapped[int]
    origin: Mapped[str] = mapped_column(String(20))  # "generated" or "edited"
    engine_name: Mapped[str] = mapped_column(String(80))
    engine_model: Mapped[str] = mapped_column(String(200))
    llm_call_id: Mapped[int | None] = mapped_column(default=None)
    change_note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    text: Mapped[ContentText] = relationship(back_populates="versions")
    created_by: Mapped[User | None] = relationship()
