"""Stored challenges: the whole document (docs/assessments-yaml.md) as JSON, with the fields
lists and filters need as columns. Importing the same document again changes nothing.

Invitations (single-use links, stored as token hashes), submissions (one per invitation),
the grader's proposals per rubric item and the reviewers' decisions."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.auth.models import User
from searchlight.db import Base, utcnow


class AssessmentChallenge(Base):
    __tablename__ = "assessment_challenges"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(2))
    role_keys: Mapped[list[str]] = mapped_column(JSON, default=list)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(default=1)
    is_active: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AssessmentChallengeVersion(Base):
    """The document of each version of a challenge. A rubric edit to a challenge that is in
    use (invited or handed in) makes a new version; a submission is graded and reviewed with
    the version it was handed in under (`AssessmentSubmission.challenge_version`)."""

    __tablename__ = "assessment_challenge_versions"
    __table_args__ = (UniqueConstraint("challenge_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_challenges.id", ondelete="CASCADE"), index=True)
    version: Mapped[int]
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


SUBMISSION_STATUSES = ("grading", "review", "decided")


class AssessmentInvitation(Base):
    """An expiring, single-use link to one challenge for one candidate; only the token's hash
    is stored (the link is shown once). The draft is autosaved here until submission."""

    __tablename__ = "assessment_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_challenges.id", ondelete="CASCADE"))
    role_id: Mapped[int | None] = mapped_column(ForeignKey("roles.id", ondelete="SET NULL"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime]
    notice_version: Mapped[str] = mapped_column(String(20), default="")
    notice_accepted_at: Mapped[datetime | None]
    human_only: Mapped[bool] = mapped_column(default=False)
    started_at: Mapped[datetime | None]
    draft: Mapped[dict[str, Any]]  # {question key: text}, autosaved
    draft_saved_at: Mapped[datetime | None]
    used_at: Mapped[datetime | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    challenge: Mapped[AssessmentChallenge] = relationship()


class AssessmentSubmission(Base):
    """What the candidate handed in; one per invitation (a double submit stores one)."""

    __tablename__ = "assessment_submissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_invitations.id", ondelete="CASCADE"), unique=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_challenges.id", ondelete="CASCADE"))
    challenge_version: Mapped[int] = mapped_column(default=1)
    answers: Mapped[dict[str, Any]]  # {question key: text}
    files: Mapped[list[Any]]  # [{"question", "document_id", "filename"}]
    notice_version: Mapped[str] = mapped_column(String(20))
    human_only: Mapped[bool] = mapped_column(default=False)
    late: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(10), default="grading")
    second_review: Mapped[bool] = mapped_column(default=False)
    scores: Mapped[dict[str, Any]]  # {dimension: 0-100} from final human levels
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
    graded_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]

    invitation: Mapped[AssessmentInvitation] = relationship()
    challenge: Mapped[AssessmentChallenge] = relationship()
    proposals: Mapped[list["GradeProposal"]] = relationship(
        back_populates="submission", cascade="all, delete-orphan", order_by="GradeProposal.id")


class GradeProposal(Base):
    """The grader's proposal for one rubric item of one answer, with the quote that supports
    it; `level` is None when the item needs a human (no engine, quote not found, human-only)."""

    __tablename__ = "assessment_proposals"
    __table_args__ = (UniqueConstraint("submission_id", "question_key", "item_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_submissions.id", ondelete="CASCADE"), index=True)
    question_key: Mapped[str] = mapped_column(String(80))
    item_key: Mapped[str] = mapped_column(String(80))
    dimension: Mapped[str] = mapped_column(String(16))
    level: Mapped[int | None]
    quote: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    engine_name: Mapped[str] = mapped_column(String(40), default="")
    engine_model: Mapped[str] = mapped_column(String(120), default="")
    needs_human: Mapped[bool] = mapped_column(default=False)
    flags: Mapped[list[Any]]  # [{"code", "message", ...}] from the injection guard
    final_level: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    submission: Mapped[AssessmentSubmission] = relationship(back_populates="proposals")
    decisions: Mapped[list["GradeDecision"]] = relationship(
        back_populates="proposal", cascade="all, delete-orphan", order_by="GradeDecision.id")


class GradeDecision(Base):
    """One reviewer's level for one item: a confirmation of the proposal or an override with
    a reason. A second reviewer's decision is hidden from the first (and vice versa) until
    both have decided every item."""

    __tablename__ = "assessment_decisions"
    __table_args__ = (UniqueConstraint("proposal_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("assessment_proposals.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    level: Mapped[int]
    is_override: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)

    proposal: Mapped[GradeProposal] = relationship(back_populates="decisions")
    reviewer: Mapped[User] = relationship()
