"""The skill taxonomy: our own bilingual skills for the AI roles ("builtin") plus what is imported
from ESCO, in one set of tables so search, role profiles and screening see a single list."""

from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.db import Base, utcnow

SKILL_KINDS = ("technical", "domain", "soft", "language")
SOURCES = ("builtin", "esco")
LABEL_KINDS = ("preferred", "alt", "hidden")

# A skill can sit under several groups (ESCO gives more than one broader concept).
skill_group_members = Table(
    "skill_group_members",
    Base.metadata,
    Column("skill_id", ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", ForeignKey("skill_groups.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class SkillGroup(Base):
    """A node in the skill hierarchy: our own groups, or ESCO skill groups with their parents."""

    __tablename__ = "skill_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    source: Mapped[str] = mapped_column(String(16))
    esco_uri: Mapped[str | None] = mapped_column(String(200), unique=True)
    code: Mapped[str] = mapped_column(String(40), default="")
    label_nl: Mapped[str] = mapped_column(String(300))
    label_en: Mapped[str] = mapped_column(String(300))
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_nl: Mapped[str] = mapped_column(Text, default="")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("skill_groups.id", ondelete="SET NULL"), index=True
    )

    parent: Mapped["SkillGroup | None"] = relationship(remote_side=[id])

    def label(self, locale: str) -> str:
        return self.label_en if locale == "en" else self.label_nl or self.label_en


class Skill(Base):
    __tablename__ = "skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    label_nl: Mapped[str] = mapped_column(String(300))
    label_en: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16), index=True)
    source: Mapped[str] = mapped_column(String(16), index=True)
    esco_uri: Mapped[str | None] = mapped_column(String(200), unique=True)
    skill_type: Mapped[str] = mapped_column(String(40), default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_nl: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    labels: Mapped[list["SkillLabel"]] = relationship(
        back_populates="skill", cascade="all, delete-orphan", order_by="SkillLabel.id"
    )
    groups: Mapped[list[SkillGroup]] = relationship(secondary=skill_group_members)

    def label(self, locale: str) -> str:
        return self.label_en if locale == "en" else self.label_nl or self.label_en

    def description(self, locale: str) -> str:
        return self.description_en if locale == "en" else self.description_nl or self.description_en

    def synonyms(self, language: str) -> list[str]:
        return [x.text for x in self.labels if x.kind == "alt" and x.language == language]


class SkillLabel(Base):
    """Every name a skill goes by, per language: the preferred label and its synonyms. Search
    runs over `normalized` (case- and accent-folded), so one index serves both languages."""

    __tablename__ = "skill_labels"
    __table_args__ = (UniqueConstraint("skill_id", "language", "text"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_id: Mapped[int] = mapped_column(ForeignKey("skills.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(5))
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(String(300))
    normalized: Mapped[str] = mapped_column(String(300), index=True)

    skill: Mapped[Skill] = relationship(back_populates="labels")


class Occupation(Base):
    """An ESCO occupation with its labels in both languages (for job-title normalisation)."""

    __tablename__ = "occupations"

    id: Mapped[int] = mapped_column(primary_key=True)
    esco_uri: Mapped[str] = mapped_column(String(200), unique=True)
    code: Mapped[str] = mapped_column(String(40), default="")
    isco_group: Mapped[str] = mapped_column(String(10), default="")
    label_en: Mapped[str] = mapped_column(String(300))
    label_nl: Mapped[str] = mapped_column(String(300), default="")
    alt_labels_en: Mapped[list[Any]] = mapped_column(default=list)
    alt_labels_nl: Mapped[list[Any]] = mapped_column(default=list)
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_nl: Mapped[str] = mapped_column(Text, default="")

    def label(self, locale: str) -> str:
        return self.label_en if locale == "en" else self.label_nl or self.label_en
