"""Who may open what in screening: the same role scope as candidates and the pipeline.

Recruiters and admins see every role's screening; a hiring manager only the roles they lead;
employees none. Every screening view and API route fetches its object through one of these
helpers, which check the permission first and the role scope second:

- `get_shortlist_for_user`  a role's pool of screened CVs: its shortlist, comparison, exports
  and uploads into it
- `get_result_for_user`     one screened CV against one role (its page, reveal, move on)
- `get_batch_for_user`      an upload batch (its progress page, resuming it)
- `get_recheck_for_user`    an AI re-check of a shortlist's top (its progress)
- `visible_role_ids`        the roles a user may see, for lists
"""

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.errors import Forbidden, NotFound
from searchlight.roles.models import Role
from searchlight.screening.models import RecheckRun, ScreeningBatch, ScreeningResult

ALL_ROLES = "candidates:read_all"
T = TypeVar("T", ScreeningResult, ScreeningBatch, RecheckRun)


def _check_scope(user: User, role: Role, target: str) -> None:
    if not allowed(user, ALL_ROLES) and role.hiring_manager_id != user.id:
        raise Forbidden("You can only see screening of roles you manage.",
                        permission=ALL_ROLES, target=target)


def _require(user: User, permission: str, target: str) -> None:
    require(user, "screening:read", target=target)
    if permission != "screening:read":
        require(user, permission, target=target)


def get_shortlist_for_user(
    *, db_session: Session, user: User, role_key: str, permission: str = "screening:read"
) -> Role:
    """The role whose pool of screened CVs the user opens (or, with `screening:run`, adds to)."""
    target = f"role:{role_key}"
    _require(user, permission, target)
    role = db_session.scalar(select(Role).where(Role.key == role_key))
    if role is None:
        raise NotFound("This role does not exist.")
    _check_scope(user, role, target)
    return role


def _get_in_scope(
    db_session: Session, user: User, model: type[T], object_id: int, permission: str,
    target: str, missing: str,
) -> T:
    _require(user, permission, target)
    found = db_session.get(model, object_id)
    if found is None:
        raise NotFound(missing)
    _check_scope(user, db_session.get_one(Role, found.role_id), target)
    return found


def get_result_for_user(
    *, db_session: Session, user: User, result_id: int, permission: str = "screening:read"
) -> ScreeningResult:
    return _get_in_scope(db_session, user, ScreeningResult, result_id, permission,
                         f"screening_result:{result_id}", "This screening result does not exist.")


def get_batch_for_user(
    *, db_session: Session, user: User, batch_id: int, permission: str = "screening:read"
) -> ScreeningBatch:
    return _get_in_scope(db_session, user, ScreeningBatch, batch_id, permission,
                         f"screening_batch:{batch_id}", "This batch does not exist.")


def get_recheck_for_user(
    *, db_session: Session, user: User, run_id: int, permission: str = "screening:read"
) -> RecheckRun:
    return _get_in_scope(db_session, user, RecheckRun, run_id, permission,
                         f"screening_recheck:{run_id}", "This re-check does not exist.")


def visible_role_ids(*, db_session: Session, user: User) -> set[int] | None:
    """The roles whose screening the user may see; None means all of them."""
    require(user, "screening:read")
    if allowed(user, ALL_ROLES):
        return None
    return set(db_session.scalars(select(Role.id).where(Role.hiring_manager_id == user.id)))
