"""Who may open what in screening: the same role scope as candidates and the pipeline.

Recruiters and admins see every role's screening; a hiring manager only the roles they lead;
employees none. Every screening view and API route fetches its object through one of these
helpers, which check the permission first and the role scope second:

- `get_shortlist_for_user`  a role's pool of screened CVs: its shortlist, comparison, exports
  and uploads into it
- `get_result_for_user`     one screened CV against one role (its page, reveal, move on)
- `get_batch_for_user`      an upload batch (its progress page, resuming it)
- `visible_role_ids`        the roles a user may see, for lists
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.errors import Forbidden, NotFound
from searchlight.roles.models import Role
from searchlight.screening.models import ScreeningBatch, ScreeningResult

ALL_ROLES = "candidates:read_all"


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


def get_result_for_user(
    *, db_session: Session, user: User, result_id: int, permission: str = "screening:read"
) -> ScreeningResult:
    target = f"screening_result:{result_id}"
    _require(user, permission, target)
    result = db_session.get(ScreeningResult, result_id)
    if result is None:
        raise NotFound("This screening result does not exist.")
    _check_scope(user, db_session.get_one(Role, result.role_id), target)
    return result


def get_batch_for_user(
    *, db_session: Session, user: User, batch_id: int, permission: str = "screening:read"
) -> ScreeningBatch:
    target = f"screening_batch:{batch_id}"
    _require(user, permission, target)
    batch = db_session.get(ScreeningBatch, batch_id)
    if batch is None:
        raise NotFound("This batch does not exist.")
    _check_scope(user, db_session.get_one(Role, batch.role_id), target)
    return batch


def visible_role_ids(*, db_session: Session, user: User) -> set[int] | None:
    """The roles whose screening the user may see; None means all of them."""
    require(user, "screening:read")
    if allowed(user, ALL_ROLES):
        return None
    return set(db_session.scalars(select(Role.id).where(Role.hiring_manager_id == user.id)))
