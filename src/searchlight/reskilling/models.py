"""Reskilling to mid-level AI expert (seed 001): programme templates with variants, phases and
milestones; the competency framework; tracks and teams; people in development, cohorts and
enrolments; evidence, milestone assessments and the SEARCH scores they produce; courses; value
measurements."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.auth.models import User
from searchlight.db import Base, utcnow


def _pick(locale: str, nl: str, en: str) -> str:
    return en if locale == "en" else nl


class Programme(Base):
    """A programme template. Its phases live in variants (programme 2 has two phase tables in
    the seed); milestones (meetmomenten) belong to the programme. `inconsistency_*` holds a
    contradiction in the seed that the L&D lead must resolve; `resolution` says how."""

    __tablename__ = "reskilling_programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    number: Mapped[int]
    track: Mapped[str] = mapped_column(String(1), default="")
    title_nl: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    summary_nl: Mapped[str] = mapped_column(Text, default="")
    summary_en: Mapped[str] = mapped_column(Text, default="")
    duration_months: Mapped[int]
    inconsistency_nl: Mapped[str] = mapped_column(Text, default="")
    inconsistency_en: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolved_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    variants: Mapped[list["ProgrammeVariant"]] = relationship(
        back_populates="programme", order_by="ProgrammeVariant.position",
        cascade="all, delete-orphan")
    milestones: Mapped[list["Milestone"]] = relationship(
        back_populates="programme", order_by="(Milestone.month, Milestone.id)",
        cascade="all, delete-orphan")

    def title(self, locale: str) -> str:
        return _pick(locale, self.title_nl, self.title_en)

    def summary(self, locale: str) -> str:
        return _pick(locale, self.summary_nl, self.summary_en)

    def inconsistency(self, locale: str) -> str:
        return _pick(locale, self.inconsistency_nl, self.inconsistency_en)

    @property
    def has_open_inconsistency(self) -> bool:
        return bool(self.inconsistency_nl or self.inconsistency_en) and self.resolved_at is None


class ProgrammeVariant(Base):
    __tablename__ = "reskilling_variants"
    __table_args__ = (UniqueConstraint("programme_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_programmes.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(default=0)
    label_nl: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))

    programme: Mapped[Programme] = relationship(back_populates="variants")
    phases: Mapped[list["Phase"]] = relationship(
        back_populates="variant", order_by="Phase.position", cascade="all, delete-orphan")

    def label(self, locale: str) -> str:
        return _pick(locale, self.label_nl, self.label_en)


class Phase(Base):
    __tablename__ = "reskilling_phases"

    id: Mapped[int] = mapped_column(primary_key=True)
    variant_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_variants.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    month_from: Mapped[int]
    month_to: Mapped[int]
    description_nl: Mapped[str] = mapped_column(Text)
    description_en: Mapped[str] = mapped_column(Text)
    weeks: Mapped[int]
    output_nl: Mapped[str] = mapped_column(Text, default="")
    output_en: Mapped[str] = mapped_column(Text, default="")
    note_nl: Mapped[str] = mapped_column(Text, default="")
    note_en: Mapped[str] = mapped_column(Text, default="")

    variant: Mapped[ProgrammeVariant] = relationship(back_populates="phases")

    def description(self, locale: str) -> str:
        return _pick(locale, self.description_nl, self.description_en)

    def output(self, locale: str) -> str:
        return _pick(locale, self.output_nl, self.output_en)

    def note(self, locale: str) -> str:
        return _pick(locale, self.note_nl, self.note_en)


class Milestone(Base):
    """A meetmoment: in month `month` of the programme, `goal`, assessed in `form`. The
    `form_kind` chooses the rubric of the assessment."""

    __tablename__ = "reskilling_milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_programmes.id", ondelete="CASCADE"), index=True)
    month: Mapped[int]
    goal_nl: Mapped[str] = mapped_column(Text)
    goal_en: Mapped[str] = mapped_column(Text)
    form_nl: Mapped[str] = mapped_column(Text)
    form_en: Mapped[str] = mapped_column(Text)
    form_kind: Mapped[str] = mapped_column(String(40))
    beyond_duration: Mapped[bool] = mapped_column(default=False)

    programme: Mapped[Programme] = relationship(back_populates="milestones")

    def goal(self, locale: str) -> str:
        return _pick(locale, self.goal_nl, self.goal_en)

    def form(self, locale: str) -> str:
        return _pick(locale, self.form_nl, self.form_en)


class Criterion(Base):
    """One of the six criteria of the mid-level AI expert, with the evidence that proves it and
    the SEARCH dimensions (roles.schemas.DIMENSION_KEYS) it counts towards."""

    __tablename__ = "reskilling_criteria"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    position: Mapped[int] = mapped_column(default=0)
    text_nl: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    evidence_nl: Mapped[str] = mapped_column(Text)
    evidence_en: Mapped[str] = mapped_column(Text)
    dimensions: Mapped[list[Any]]

    def text(self, locale: str) -> str:
        return _pick(locale, self.text_nl, self.text_en)

    def evidence(self, locale: str) -> str:
        return _pick(locale, self.evidence_nl, self.evidence_en)


class Track(Base):
    """Track A (AI-enabled maintenance) or B (AI Software Development Factory). `comparison`
    is the seed's table: a list of {label_nl, label_en, value_nl, value_en}; `role_keys` are the
    SEARCH roles it leads to."""

    __tablename__ = "reskilling_tracks"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(1), unique=True)
    name_nl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    description_nl: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    comparison: Mapped[list[Any]]
    role_keys: Mapped[list[Any]]

    def name(self, locale: str) -> str:
        return _pick(locale, self.name_nl, self.name_en)

    def description(self, locale: str) -> str:
        return _pick(locale, self.description_nl, self.description_en)


class Team(Base):
    """A team on a track; track-A teams move through the legacy strategy's stages."""

    __tablename__ = "reskilling_teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    track_key: Mapped[str] = mapped_column(String(1))
    stage: Mapped[str] = mapped_column(String(30), default="shadow")
    stage_since: Mapped[date] = mapped_column(Date)
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    lead: Mapped[User | None] = relationship()


class Person(Base):
    """An employee (or trainee) in development: who their lead is, their team and part-time
    factor. The lead may see their development data."""

    __tablename__ = "reskilling_people"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    lead_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True)
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("reskilling_teams.id", ondelete="SET NULL"))
    part_time_factor: Mapped[float] = mapped_column(default=1.0)
    kind: Mapped[str] = mapped_column(String(20), default="employee")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    lead: Mapped[User | None] = relationship(foreign_keys=[lead_id])
    team: Mapped[Team | None] = relationship()


class Cohort(Base):
    __tablename__ = "reskilling_cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_programmes.id", ondelete="CASCADE"), index=True)
    variant_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_variants.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    holidays: Mapped[list[Any]]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    programme: Mapped[Programme] = relationship()
    variant: Mapped[ProgrammeVariant] = relationship()
    enrolments: Mapped[list["Enrolment"]] = relationship(
        back_populates="cohort", cascade="all, delete-orphan")


class Enrolment(Base):
    __tablename__ = "reskilling_enrolments"
    __table_args__ = (UniqueConstraint("cohort_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_cohorts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    target_role_key: Mapped[str] = mapped_column(String(80), default="")
    status: Mapped[str] = mapped_column(String(20), default="active")
    plan: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    cohort: Mapped[Cohort] = relationship(back_populates="enrolments")
    user: Mapped[User] = relationship()


class Evidence(Base):
    """An item of the portfolio ("tastbaar bewijs"): a link and/or a file, for a criterion or a
    milestone; the employee's self-assessment and a reviewer's sign-off."""

    __tablename__ = "reskilling_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_enrolments.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(1000), default="")
    criterion_id: Mapped[int | None] = mapped_column(
        ForeignKey("reskilling_criteria.id", ondelete="SET NULL"))
    milestone_id: Mapped[int | None] = mapped_column(
        ForeignKey("reskilling_milestones.id", ondelete="SET NULL"))
    file_name: Mapped[str] = mapped_column(String(300), default="")
    media_type: Mapped[str] = mapped_column(String(200), default="")
    file_size: Mapped[int] = mapped_column(default=0)
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    self_rating: Mapped[int | None]
    self_assessment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="submitted")
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    rating: Mapped[int | None]
    review_comment: Mapped[str] = mapped_column(Text, default="")
    reviewed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    enrolment: Mapped[Enrolment] = relationship()
    criterion: Mapped[Criterion | None] = relationship()
    milestone: Mapped[Milestone | None] = relationship()
    reviewer: Mapped[User | None] = relationship()


class Assessment(Base):
    """A milestone assessment: rubric scores (rubric item key -> 1..5) and a comment."""

    __tablename__ = "reskilling_assessments"
    __table_args__ = (UniqueConstraint("enrolment_id", "milestone_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_enrolments.id", ondelete="CASCADE"), index=True)
    milestone_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_milestones.id", ondelete="CASCADE"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    scores: Mapped[dict[str, Any]]
    passed: Mapped[bool] = mapped_column(default=False)
    comment: Mapped[str] = mapped_column(Text, default="")
    assessed_at: Mapped[datetime] = mapped_column(default=utcnow)

    enrolment: Mapped[Enrolment] = relationship()
    milestone: Mapped[Milestone] = relationship()
    reviewer: Mapped[User | None] = relationship()


class SearchScore(Base):
    """One point on an employee's SEARCH profile (0-100 per dimension) with its provenance:
    the milestone or evidence it came from, the reviewer and the date."""

    __tablename__ = "reskilling_search_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    dimension: Mapped[str] = mapped_column(String(20))
    score: Mapped[int]
    source: Mapped[str] = mapped_column(String(20))
    milestone_id: Mapped[int | None] = mapped_column(
        ForeignKey("reskilling_milestones.id", ondelete="SET NULL"))
    assessment_id: Mapped[int | None] = mapped_column(
        ForeignKey("reskilling_assessments.id", ondelete="CASCADE"))
    evidence_id: Mapped[int | None] = mapped_column(
        ForeignKey("reskilling_evidence.id", ondelete="CASCADE"))
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    milestone: Mapped[Milestone | None] = relationship()
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])


class Course(Base):
    """The editable course catalogue (seeds 000 and 001)."""

    __tablename__ = "reskilling_courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    provider: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(10))
    cost_eur: Mapped[int | None]
    hours: Mapped[int | None]
    audience: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(1000), default="")
    dimensions: Mapped[list[Any]]
    skills: Mapped[list[Any]]
    is_active: Mapped[bool] = mapped_column(default=True)


class ValueMeasurement(Base):
    """A team's baseline or periodic measurement, to compare with the 20-40% promise."""

    __tablename__ = "reskilling_measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(
        ForeignKey("reskilling_teams.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    measured_on: Mapped[date] = mapped_column(Date)
    maintenance_hours: Mapped[float]
    incidents_total: Mapped[int]
    incidents_by_ai: Mapped[int]
    lead_time_days: Mapped[float]
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
