from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.auth.models import User
from searchlight.db import Base, utcnow


class Role(Base):
    """A role in the catalogue. Its profile lives in versions; `current_version` points to the
    newest, and whatever uses a role (an application, a screening) records the version it used."""

    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    title_nl: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    hiring_manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    is_active: Mapped[bool] = mapped_column(default=True)
    current_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    versions: Mapped[list["RoleVersion"]] = relationship(
        back_populates="role", order_by="RoleVersion.number", cascade="all, delete-orphan"
    )
    hiring_manager: Mapped[User | None] = relationship(lazy="joined")

    def title(self, locale: str) -> str:
        return self.title_en if locale == "en" else self.title_nl

    @property
    def hiring_manager_email(self) -> str | None:
        return self.hiring_manager.email if self.hiring_manager else None


class RoleVersion(Base):
    """An immutable snapshot of a role's JTBD and SEARCH profile (see roles.schemas.RoleProfile)."""

    __tablename__ = "role_versions"
    __table_args__ = (UniqueConstraint("role_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    profile: Mapped[dict[str, Any]]
    change_note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    role: Mapped[Role] = relationship(back_populates="versions")
    created_by: Mapped[User | None] = relationship()
