"""Tables of the interviews domain.

Transcripts are stored redacted (third parties replaced by [PERSON]); evidence rows point into
them with quotes that were checked to be in the transcript and wait for a human to confirm or
reject them. A chat interview keeps only a hash of its link's token."""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.auth.models import User
from searchlight.db import Base, utcnow

EVIDENCE_STATUSES = ("proposed", "confirmed", "rejected")
TRANSCRIPT_KINDS = ("call", "interview", "chat")
RECOMMENDATIONS = ("strong_no", "no", "yes", "strong_yes")
PORTFOLIO_KINDS = ("prompt", "code")


class InterviewTranscript(Base):
    __tablename__ = "interview_transcripts"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="call")
    source_format: Mapped[str] = mapped_column(String(8))  # text, vtt, srt, chat
    filename: Mapped[str] = mapped_column(String(255), default="")
    language: Mapped[str] = mapped_column(String(2), default="en")
    turns: Mapped[list[Any]]  # [{"speaker", "text", "role": candidate|recruiter|other}]
    summary: Mapped[str] = mapped_column(Text, default="")
    questions: Mapped[list[Any]]  # the candidate's questions (quotes)
    agreements: Mapped[list[Any]]  # what was agreed (quotes)
    flags: Mapped[list[Any]]  # [{"code", "message", "evidence"}]
    redactions: Mapped[int] = mapped_column(default=0)
    engine: Mapped[str] = mapped_column(String(120), default="")
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    uploaded_by: Mapped[User | None] = relationship()
    evidence: Mapped[list["InterviewEvidence"]] = relationship(
        back_populates="transcript", cascade="all, delete-orphan", order_by="InterviewEvidence.id")


class InterviewEvidence(Base):
    __tablename__ = "interview_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = mapped_column(
        ForeignKey("interview_transcripts.id", ondelete="CASCADE"), index=True)
    dimension: Mapped[str] = mapped_column(String(16))
    quote: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="proposed")
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None]

    transcript: Mapped[InterviewTranscript] = relationship(back_populates="evidence")


class Scorecard(Base):
    """One interviewer's ratings of one candidate for one role; hidden from the other
    interviewers until they have submitted their own."""

    __tablename__ = "interview_scorecards"
    __table_args__ = (UniqueConstraint("candidate_id", "role_id", "interviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"))
    interviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    ratings: Mapped[dict[str, Any]]  # {dimension: 1..5}
    notes: Mapped[dict[str, Any]]  # {dimension: text}
    recommendation: Mapped[str] = mapped_column(String(12))
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)

    interviewer: Mapped[User] = relationship()


class ChatInterview(Base):
    __tablename__ = "interview_chats"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    language: Mapped[str] = mapped_column(String(2), default="en")
    questions: Mapped[list[Any]]  # [{"dimension", "text", "follow_ups": [...]}] from the bank
    turns: Mapped[list[Any]]  # [{"speaker": "interviewer"|"candidate", "text", "question"}]
    position: Mapped[int] = mapped_column(default=0)  # index of the current question
    followed_up: Mapped[bool] = mapped_column(default=False)  # current question had its one
    notice_version: Mapped[str] = mapped_column(String(20), default="")
    notice_accepted_at: Mapped[datetime | None]
    expires_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    transcript_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_transcripts.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PortfolioItem(Base):
    """One version of a prompt or code sample; versions share `item_key`."""

    __tablename__ = "interview_portfolio_items"
    __table_args__ = (UniqueConstraint("item_key", "version"),
                      Index("ix_interview_portfolio_items_candidate", "candidate_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    item_key: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(default=1)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"))
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text)
    dimension: Mapped[str] = mapped_column(String(16), default="skills")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
