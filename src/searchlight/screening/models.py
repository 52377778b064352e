from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.candidates.models import Candidate, Document
from searchlight.db import Base, utcnow


class CvAnalysis(Base):
    """What the screening engine read in one document, independent of any role: the redacted
    text, its passages and their vectors. Re-ranking after a profile edit starts from here and
    never re-reads the file."""

    __tablename__ = "cv_analyses"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), unique=True
    )
    redacted_text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    passages: Mapped[list[Any]]  # [[text, start, end, section], ...] offsets in redacted_text
    unit_owners: Mapped[list[Any]]  # passage index of each embedding unit
    unit_vectors: Mapped[bytes] = mapped_column(LargeBinary)  # float16, units x dim
    dated_passages: Mapped[list[Any]]
    total_years: Mapped[float | None]
    years_by_sector: Mapped[dict[str, Any]]
    sections: Mapped[list[Any]]
    flags: Mapped[list[Any]]  # [{"code", "message", "evidence"}]
    entities: Mapped[list[Any]]  # [{"type", "start", "end"}] in the original text
    skills: Mapped[list[Any]]  # [{"key", "label", "passages": [index, ...]}] from the taxonomy
    lexicon: Mapped[dict[str, Any]]  # the passages' exact-term index (terms.LexicalIndex)
    embedder: Mapped[str] = mapped_column(String(120))
    analysed_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship()


class ScreeningResult(Base):
    """One CV scored against one version of a role's SEARCH profile."""

    __tablename__ = "screening_results"
    __table_args__ = (
        UniqueConstraint("analysis_id", "role_version_id"),
        Index("ix_screening_results_role_rank", "role_version_id", "overall"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    analysis_id: Mapped[int] = mapped_column(ForeignKey("cv_analyses.id", ondelete="CASCADE"))
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    role_version_id: Mapped[int] = mapped_column(
        ForeignKey("role_versions.id", ondelete="CASCADE")
    )
    overall: Mapped[float | None]
    coverage: Mapped[float]
    needs_human_check: Mapped[bool] = mapped_column(default=False)
    dimensions: Mapped[dict[str, Any]]
    questions: Mapped[list[Any]]
    reasons: Mapped[list[Any]]
    engine_version: Mapped[str] = mapped_column(String(60))
    input_hash: Mapped[str] = mapped_column(String(64))
    scored_at: Mapped[datetime] = mapped_column(default=utcnow)
    revealed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revealed_at: Mapped[datetime | None]

    analysis: Mapped[CvAnalysis] = relationship()
    candidate: Mapped[Candidate | None] = relationship()


class ScreeningBatch(Base):
    """A set of files screened for a role; its files are kept until processed, so a batch that
    stops halfway resumes where it was."""

    __tablename__ = "screening_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending/running/done
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]

    files: Mapped[list["BatchFile"]] = relationship(
        back_populates="batch", order_by="BatchFile.position", cascade="all, delete-orphan"
    )


class BatchFile(Base):
    __tablename__ = "screening_batch_files"
    __table_args__ = (UniqueConstraint("batch_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("screening_batches.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    filename: Mapped[str] = mapped_column(String(255))
    spool_path: Mapped[str | None] = mapped_column(String(300))  # deleted once processed
    # pending, done, duplicate or error
    status: Mapped[str] = mapped_column(String(16), default="pending")
    error_code: Mapped[str | None] = mapped_column(String(40))
    error_message: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))

    batch: Mapped[ScreeningBatch] = relationship(back_populates="files")
