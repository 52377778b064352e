"""Survey invitations and anonymous responses."""

from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from searchlight.db import Base, utcnow
from searchlight.roles.models import Role

AUDIENCES = ("candidate", "hiring_manager")
QUESTIONS = ("clarity", "fairness", "speed", "ai_use")


class SurveyInvitation(Base):
    """One link, used once. The application is kept only to avoid inviting twice; responses do
    not point back here, so a result cannot be traced to the person."""

    __tablename__ = "survey_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("applications.id", ondelete="SET NULL"), index=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"))
    audience: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(2), default="nl")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)

    role: Mapped[Role] = relationship()


class SurveyResponse(Base):
    """Scores 1-5 (None: no answer); the month, not the moment, so timing gives nobody away."""

    __tablename__ = "survey_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    audience: Mapped[str] = mapped_column(String(20))
    month: Mapped[date]
    clarity: Mapped[int | None]
    fairness: Mapped[int | None]
    speed: Mapped[int | None]
    ai_use: Mapped[int | None]
