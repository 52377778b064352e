from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.candidates.models import Candidate, Document, pseudonym_label
from searchlight.db import Base, utcnow
from searchlight.screening.score.terms import MAX_TERM

if TYPE_CHECKING:
    from searchlight.screening.score.explanation import Explanation


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
    # What a re-rank needs of the passages, without decoding their text: section of each passage
    # and every passage squashed for exact terms (terms.LexicalIndex.flat); the stems are rows
    # of cv_terms.
    passage_sections: Mapped[list[Any]]
    squashed: Mapped[str] = mapped_column(Text)
    unit_owners: Mapped[list[Any]]  # passage index of each embedding unit
    unit_vectors: Mapped[bytes] = mapped_column(LargeBinary)  # int8 (x 127), units x dim
    dated_passages: Mapped[list[Any]]
    total_years: Mapped[float | None]
    # The stance of each passage (score.stance: doing, listed, teaching, ...) and every dated job
    # as [start day, end day, first passage, end passage]; None for analyses stored before.
    passage_stances: Mapped[list[Any] | None]
    jobs: Mapped[list[Any] | None]
    years_by_sector: Mapped[dict[str, Any]]
    sections: Mapped[list[Any]]
    flags: Mapped[list[Any]]  # [{"code", "message", "evidence"}]
    entities: Mapped[list[Any]]  # [{"type", "start", "end"}] in the original text
    skills: Mapped[list[Any]]  # [{"key", "label", "passages": [index, ...]}] from the taxonomy
    embedder: Mapped[str] = mapped_column(String(120))
    analysed_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[Document] = relationship()


class CvTerm(Base):
    """A word stem of an analysed CV and the passages holding it (terms.LexicalIndex): as rows, a
    re-rank finds a new item's words in a whole pool with one indexed query."""

    __tablename__ = "cv_terms"
    __table_args__ = (Index("ix_cv_terms_term", "term"),)

    analysis_id: Mapped[int] = mapped_column(
        ForeignKey("cv_analyses.id", ondelete="CASCADE"), primary_key=True
    )
    term: Mapped[str] = mapped_column(String(MAX_TERM), primary_key=True)
    passages: Mapped[str] = mapped_column(Text)  # hex bitmask: bit i set = passage i holds it


class ScreeningResult(Base):
    """One CV scored against one version of a role's SEARCH profile. Numbers only: the items'
    quotes and the interview questions are recomputed from the analysis when a result is shown
    (service.explain), so a re-rank of thousands of CVs writes and reads little."""

    __tablename__ = "screening_results"
    __allow_unmapped__ = True  # for `explanation`, which is never stored
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
    dimensions: Mapped[dict[str, Any]]  # {key: {"score": float | None, "weight": float}}
    # {item signature: [strength, evidenced]}: reused by a re-rank for the items an edit kept
    item_strengths: Mapped[dict[str, Any]]
    items_key: Mapped[str | None] = mapped_column(String(16))  # scoring.items_key; None: older
    reasons: Mapped[list[Any]]
    engine_version: Mapped[str] = mapped_column(String(60))
    input_hash: Mapped[str] = mapped_column(String(64))
    scored_at: Mapped[datetime] = mapped_column(default=utcnow)
    revealed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revealed_at: Mapped[datetime | None]

    analysis: Mapped[CvAnalysis] = relationship()
    candidate: Mapped[Candidate | None] = relationship()
    # Items with quotes and interview questions, set by ranking.with_explanation for a page.
    explanation: "Explanation | None" = None

    @property
    def identity_shown(self) -> bool:
        """Screening is blind: who is behind the CV shows once revealed on this result, or once
        the pseudonymous candidate record is revealed (by anyone, or by a stage that needs
        contact details), so the shortlist and the board always say the same."""
        candidate = self.candidate
        return candidate is not None and (self.revealed_at is not None or (
            candidate.pseudonym is not None and not candidate.identity_hidden))

    @property
    def display_name(self) -> str:
        if self.identity_shown and self.candidate is not None:
            return self.candidate.full_name
        return pseudonym_label(self.analysis_id)


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


class QuoteCheck(Base):
    """The AI re-check's verdict on one quote for one item (score.recheck), kept so the same
    quote is never sent to the same model with the same prompt twice, in any process. Keyed by
    what decides the verdict: the model, the prompt template's hash and the (item, quote) hash;
    no CV text is stored."""

    __tablename__ = "screening_quote_checks"
    __table_args__ = (UniqueConstraint("model", "prompt_hash", "quote_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    model: Mapped[str] = mapped_column(String(260))  # engine:model
    prompt_hash: Mapped[str] = mapped_column(String(64))
    quote_hash: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))  # doing / weaker / not_shown
    reason: Mapped[str] = mapped_column(String(300), default="")
    call_id: Mapped[int | None] = mapped_column(ForeignKey("llm_calls.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RecheckRun(Base):
    """A recruiter's request to let the AI model re-check the quotes of the top of a shortlist;
    a job works through its entries one at a time, so a killed worker loses at most one."""

    __tablename__ = "screening_rechecks"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    # pending, running, done, or stopped (the AI stop switch was on: the rest was not sent)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]

    entries: Mapped[list["RecheckEntry"]] = relationship(
        back_populates="run", order_by="RecheckEntry.position", cascade="all, delete-orphan")


class RecheckEntry(Base):
    """One shortlisted result in a re-check: what the model confirmed, weakened or removed, and
    the score after it. The stored offline result is never changed."""

    __tablename__ = "screening_recheck_entries"
    __table_args__ = (UniqueConstraint("run_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("screening_rechecks.id", ondelete="CASCADE"), index=True)
    result_id: Mapped[int] = mapped_column(
        ForeignKey("screening_results.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    # pending; checked; offline (no model could judge: endpoint down, budget, invalid answer);
    # skipped (the stop switch was on)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    engine: Mapped[str] = mapped_column(String(260), default="")
    score_before: Mapped[float | None]
    score_after: Mapped[float | None]
    confirmed: Mapped[int] = mapped_column(default=0)
    weakened: Mapped[int] = mapped_column(default=0)
    removed: Mapped[int] = mapped_column(default=0)
    # [{"quote": quote hash, "verdict": ..., "reason": ...}]: the page finds its quotes by hash
    verdicts: Mapped[list[Any]] = mapped_column(default=list)
    checked_at: Mapped[datetime | None]

    run: Mapped[RecheckRun] = relationship(back_populates="entries")
