"""Analytics tables: labour-market figures per occupation (imported CSV) and the occupation a
role is benchmarked against."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from searchlight.db import Base, utcnow


class LabourMarketFigure(Base):
    """Open vacancies and job seekers for one occupation code (ISCO or ESCO) in one period,
    as published by a statistics office or a job board (the `source` says which)."""

    __tablename__ = "analytics_labour_market"
    __table_args__ = (UniqueConstraint("code", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(200), index=True)
    period: Mapped[str] = mapped_column(String(20))  # "2026", "2026Q3", "2026-09"
    label: Mapped[str] = mapped_column(String(300), default="")
    vacancies: Mapped[int]
    job_seekers: Mapped[int]
    source: Mapped[str] = mapped_column(String(200), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class RoleOccupation(Base):
    """The occupation code whose labour-market figures a role is compared with."""

    __tablename__ = "analytics_role_occupations"

    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"),
                                         primary_key=True)
    code: Mapped[str] = mapped_column(String(200))
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)
