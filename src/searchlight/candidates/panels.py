"""Home panels of the candidates domain: new applications and candidates waiting per stage."""

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed
from searchlight.auth.models import User
from searchlight.candidates.models import Application, PipelineStage
from searchlight.candidates.pipeline import DEFAULT_STAGES, roles_with_counts
from searchlight.db import utcnow
from searchlight.i18n import current_locale
from searchlight.roles.models import Role

NEW_DAYS = 7


def _scoped(query: Any, user: User) -> Any:
    query = query.join(Role, Role.id == Application.role_id).where(Role.is_active)
    if not allowed(user, "candidates:read_all"):
        query = query.where(Role.hiring_manager_id == user.id)
    return query


def new_applications(*, db_session: Session, user: User) -> dict[str, Any] | None:
    since = utcnow() - timedelta(days=NEW_DAYS)
    recent = _scoped(select(Application), user).where(Application.created_at >= since)
    count = db_session.scalar(select(func.count()).select_from(recent.subquery())) or 0
    latest = db_session.scalars(recent.order_by(Application.created_at.desc()).limit(5)).all()
    return {"count": count, "latest": latest, "days": NEW_DAYS, "locale": current_locale.get()}


def waiting_per_stage(*, db_session: Session, user: User) -> dict[str, Any] | None:
    locale = current_locale.get()
    rows = db_session.execute(
        _scoped(select(Application.role_id, Application.stage_key, func.count()), user)
        .group_by(Application.role_id, Application.stage_key)
    ).all()
    own = db_session.scalars(select(PipelineStage)).all()
    names = {(s.role_id, s.key): (s.position, s.name(locale), s.kind) for s in own}
    defaults = {key: (i, nl if locale == "nl" else en, kind)
                for i, (key, en, nl, kind) in enumerate(DEFAULT_STAGES)}
    stages: dict[str, list[Any]] = {}
    for role_id, stage_key, count in rows:
        position, name, kind = names.get((role_id, stage_key)) or defaults.get(
            stage_key, (99, stage_key, "open"))
        if kind != "open":
            continue
        entry = stages.setdefault(name, [position, name, 0])
        entry[0] = min(entry[0], position)
        entry[2] += count
    ordered = [(name, count) for _position, name, count in sorted(stages.values())]
    roles = [(role, n) for role, n in roles_with_counts(db_session=db_session, user=user)]
    return {"stages": ordered, "total": sum(c for _n, c in ordered), "roles": roles,
            "locale": locale}
