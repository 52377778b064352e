"""Candidates, their documents, their applications to roles and each application's stage history."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.auth.models import User
from searchlight.crm.models import Source, Tag, candidate_tags
from searchlight.db import Base, utcnow
from searchlight.i18n import _
from searchlight.roles.models import Role

LEGAL_BASES = ("consent", "legitimate_interest")
# Why the data is processed: this recruitment procedure, or a talent pool for later roles
# (only with consent; see searchlight.gdpr).
PURPOSES = ("recruitment", "talent_pool")
STAGE_KINDS = ("open", "hired", "rejected", "withdrawn")


class Candidate(Base):
    """A person in the talent CRM. `name_key`, `email_key` and the search terms are normalised
    copies kept by the service, so sorting, duplicate checks and search use plain indexes."""

    __tablename__ = "candidates"
    __table_args__ = (
        Index("ix_candidates_created_at_id", "created_at", "id"),
        Index("ix_candidates_updated_at_id", "updated_at", "id"),
        Index("ix_candidates_name_key_id", "name_key", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    email_key: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("crm_sources.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    legal_basis: Mapped[str | None] = mapped_column(String(32))
    purpose: Mapped[str] = mapped_column(String(32), default="recruitment",
                                         server_default="recruitment")
    consent_given_on: Mapped[date | None]
    consent_expires_on: Mapped[date | None]
    name_key: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Set when the candidate entered through screening: the number of their pseudonym
    # ("Candidate #00002", the same number as on the screening pages). Until the identity is
    # revealed (identity.reveal_identity, on record), nobody sees who it is; see `shown`.
    pseudonym: Mapped[int | None]
    identity_revealed_at: Mapped[datetime | None]
    identity_revealed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    source: Mapped[Source | None] = relationship()
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    tags: Mapped[list[Tag]] = relationship(secondary=candidate_tags, order_by=Tag.name)
    documents: Mapped[list["Document"]] = relationship(
        back_populates="candidate", order_by="Document.created_at"
    )
    applications: Mapped[list["Application"]] = relationship(
        back_populates="candidate", order_by="Application.created_at",
        cascade="all, delete-orphan",
    )

    # --- what a user sees: the one rule, used by every page, API schema and export ----------
    @property
    def identity_hidden(self) -> bool:
        return self.pseudonym is not None and self.identity_revealed_at is None

    @property
    def display_name(self) -> str:
        """The name to show anyone: "Candidate #00002" while the identity is hidden."""
        return pseudonym_label(self.pseudonym) if self.identity_hidden else self.full_name

    @property
    def shown_email(self) -> str | None:
        return None if self.identity_hidden else self.email

    @property
    def shown_phone(self) -> str:
        return "" if self.identity_hidden else self.phone

    @property
    def shown_location(self) -> str:
        return "" if self.identity_hidden else self.location


def pseudonym_label(number: int | None) -> str:
    number_text = "#" + str(number or 0).zfill(5)
    return _("Candidate {number}", number=number_text)


class CandidateSearchTerm(Base):
    """One word of a candidate's name, e-mail or location, folded to lower case without accents.
    A search for "jan" is an index range scan (term >= 'jan' and term < 'jao'), which stays fast
    at any size on SQLite and PostgreSQL; the binary ("C") collation on PostgreSQL makes that
    range mean "starts with"."""

    __tablename__ = "candidate_search_terms"
    # (candidate_id, term) serves re-indexing one candidate, and lets a planner that walks the
    # candidates in sort order check "does this one have a matching term" from the index alone.
    __table_args__ = (Index("ix_candidate_search_terms_candidate_id", "candidate_id", "term"),)

    term: Mapped[str] = mapped_column(
        String(100).with_variant(String(100, collation="C"), "postgresql"), primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True)


class Document(Base):
    """A stored file, addressed by the SHA-256 of its bytes: the same file twice is one document.
    `text`, `language` and `flags` are filled by screening when it reads the file."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    storage_path: Mapped[str] = mapped_column(String(300))
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL"), index=True
    )
    text: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    flags: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    candidate: Mapped[Candidate | None] = relationship(back_populates="documents")

    @property
    def shown_filename(self) -> str:
        """A file name often holds the person's name ("Jan_de_Vries_CV.pdf"): hidden with it."""
        if self.candidate is None or not self.candidate.identity_hidden:
            return self.filename
        suffix = self.filename.rsplit(".", 1)[-1].lower() if "." in self.filename else "bin"
        return f"cv-{self.candidate.pseudonym or 0:05d}-{self.id}.{suffix[:8]}"


class PipelineStage(Base):
    """One column of a role's pipeline. Each role has its own list (the defaults are copied in
    when the role first gets an application), so a role can add stages of its own."""

    __tablename__ = "pipeline_stages"
    __table_args__ = (UniqueConstraint("role_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    name_en: Mapped[str] = mapped_column(String(100))
    name_nl: Mapped[str] = mapped_column(String(100))
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16), default="open")

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" else self.name_nl


class Application(Base):
    """A candidate for one role. `role_version` is the role profile version at apply time."""

    __tablename__ = "applications"
    __table_args__ = (
        UniqueConstraint("candidate_id", "role_id"),
        # With candidate_id inside, role and stage filters never have to read the table.
        Index("ix_applications_role_id_stage_key", "role_id", "stage_key", "candidate_id"),
        Index("ix_applications_stage_key_candidate_id", "stage_key", "candidate_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"))
    role_version: Mapped[int]
    stage_key: Mapped[str] = mapped_column(String(40))
    stage_entered_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    candidate: Mapped[Candidate] = relationship(back_populates="applications")
    role: Mapped[Role] = relationship()
    changes: Mapped[list["StageChange"]] = relationship(
        back_populates="application", order_by="StageChange.id", cascade="all, delete-orphan"
    )


class StageChange(Base):
    """One move in the pipeline: who moved it, when, from where to where, and why."""

    __tablename__ = "application_stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    from_stage: Mapped[str | None] = mapped_column(String(40))
    to_stage: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    moved_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="changes")
    actor: Mapped[User | None] = relationship()
