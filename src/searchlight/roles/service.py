"""Roles and their versions. Every change to a profile makes a new immutable RoleVersion, and
whatever uses a role (a screening, an application) records the version number it used."""

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from searchlight import jobs
from searchlight.auth.access import require
from searchlight.auth.models import User
from searchlight.errors import Conflict, InvalidInput, NotFound
from searchlight.governance import audit, events
from searchlight.roles.models import Role, RoleVersion
from searchlight.roles.schemas import DIMENSION_KEYS, RoleDocument, RoleProfile
from searchlight.taxonomy import service as taxonomy

HIRING_MANAGER_ROLE = "hiring_manager"


def list_roles(*, db_session: Session, include_inactive: bool = True) -> list[Role]:
    statement = select(Role).order_by(Role.title_en)
    if not include_inactive:
        statement = statement.where(Role.is_active.is_(True))
    return list(db_session.scalars(statement))


def get_by_key(*, db_session: Session, key: str) -> Role:
    role = db_session.scalar(select(Role).where(Role.key == key))
    if role is None:
        raise NotFound("This role does not exist.")
    return role


def get_role_for_user(*, db_session: Session, user: User, key: str, write: bool = False) -> Role:
    """The one lookup views use: checks the permission first, then finds the role."""
    require(user, "roles:write" if write else "roles:read", target=f"role:{key}")
    return get_by_key(db_session=db_session, key=key)


def get_version(*, db_session: Session, role_id: int, number: int) -> RoleVersion:
    version = db_session.scalar(select(RoleVersion).where(
        RoleVersion.role_id == role_id, RoleVersion.number == number))
    if version is None:
        raise NotFound("This version of the role does not exist.")
    return version


def get_current_version(*, db_session: Session, role_id: int) -> RoleVersion:
    """The newest version; record its `number` (or `id`) with whatever you derive from it."""
    role = db_session.get(Role, role_id)
    if role is None:
        raise NotFound("This role does not exist.")
    return get_version(db_session=db_session, role_id=role_id, number=role.current_version)


def versions_of(*, db_session: Session, role_id: int) -> list[RoleVersion]:
    return list(db_session.scalars(
        select(RoleVersion).where(RoleVersion.role_id == role_id)
        .order_by(RoleVersion.number.desc())))


def profile_of(version: RoleVersion) -> RoleProfile:
    return RoleProfile.model_validate(version.profile)


def hiring_managers(*, db_session: Session) -> list[User]:
    return list(db_session.scalars(select(User).where(
        User.role == HIRING_MANAGER_ROLE, User.is_active.is_(True)).order_by(User.full_name)))


def find_hiring_manager(*, db_session: Session, email: str | None) -> User | None:
    """The hiring manager with this e-mail, or None for none; anyone else is refused."""
    if not email:
        return None
    user = db_session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if user is None or user.role != HIRING_MANAGER_ROLE or not user.is_active:
        raise InvalidInput(f"hiring_manager: {email} is not an active hiring manager.")
    return user


def _check_skills(db_session: Session, profile: RoleProfile) -> None:
    known = taxonomy.skills_by_key(db_session=db_session, keys=profile.skill_keys())
    problems = [
        f"dimensions[{d}].items[{i}].skills: unknown skill '{key}'"
        for d, dimension in enumerate(profile.dimensions)
        for i, item in enumerate(dimension.items)
        for key in item.skills if key not in known
    ]
    if problems:
        raise InvalidInput("; ".join(problems), detail={"problems": problems})


def _hiring_manager(db_session: Session, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    user = db_session.get(User, user_id)
    if user is None or user.role != HIRING_MANAGER_ROLE or not user.is_active:
        raise InvalidInput("hiring_manager: choose an active user with the hiring manager role.")
    return user


def _snapshot(role: Role) -> dict[str, Any]:
    return {"key": role.key, "title_nl": role.title_nl, "title_en": role.title_en,
            "version": role.current_version, "hiring_manager_id": role.hiring_manager_id}


def _add_version(
    db_session: Session, role: Role, profile: RoleProfile, actor: User | None, note: str
) -> RoleVersion:
    version = RoleVersion(role_id=role.id, number=role.current_version, change_note=note,
                          profile=profile.model_dump(mode="json"),
                          created_by_id=actor.id if actor else None)
    db_session.add(version)
    db_session.flush()
    return version


def create_role(
    *, db_session: Session, actor: User | None, profile: RoleProfile,
    hiring_manager_id: int | None = None, change_note: str = "",
) -> Role:
    if db_session.scalar(select(Role.id).where(Role.key == profile.key)) is not None:
        raise Conflict(f"key: a role with key '{profile.key}' already exists.")
    _check_skills(db_session, profile)
    manager = _hiring_manager(db_session, hiring_manager_id)
    role = Role(key=profile.key, title_nl=profile.title_nl, title_en=profile.title_en,
                hiring_manager=manager, current_version=1)
    db_session.add(role)
    db_session.flush()
    _add_version(db_session, role, profile, actor, change_note)
    audit.record(db_session=db_session, actor=actor,
                 event=events.created("role", role.id, _snapshot(role)))
    return role


def update_role(
    *, db_session: Session, actor: User | None, role: Role, profile: RoleProfile,
    hiring_manager_id: int | None, change_note: str = "",
) -> RoleVersion | None:
    """Save an edit. A changed profile becomes a new version (returned); the hiring manager is
    an assignment, not profile content, so changing only that is audited without a version."""
    if profile.key != role.key:
        raise InvalidInput("key: the key of a role cannot change.")
    # Lock the role row (PostgreSQL) so two saves cannot both claim the next version number,
    # then re-read the number another save may just have raised.
    db_session.execute(select(Role.id).where(Role.id == role.id).with_for_update())
    db_session.refresh(role, attribute_names=["current_version"])
    _check_skills(db_session, profile)
    manager = _hiring_manager(db_session, hiring_manager_id)
    current = get_version(db_session=db_session, role_id=role.id, number=role.current_version)
    profile_changed = profile_of(current) != profile
    if not profile_changed and hiring_manager_id == role.hiring_manager_id:
        return None
    before = _snapshot(role)
    role.hiring_manager = manager
    db_session.flush()
    version = None
    if profile_changed:
        role.title_nl, role.title_en = profile.title_nl, profile.title_en
        role.current_version += 1
        version = _add_version(db_session, role, profile, actor, change_note)
        # Screened CVs are ranked against the new version by a job, never by a page that reads.
        jobs.defer(db_session=db_session, task_name="screening.rerank_role", role_id=role.id)
    event = events.updated("role", role.id, before, _snapshot(role))
    audit.record(db_session=db_session, actor=actor, event=events.AuditEvent(
        event.action, event.target_type, event.target_id,
        {**event.changes, "change_note": change_note} if change_note else event.changes))
    db_session.flush()
    return version


def set_active(*, db_session: Session, actor: User | None, role: Role, active: bool) -> None:
    """Archive a role (it stays readable with all its versions) or bring it back."""
    if role.is_active == active:
        return
    before = {"is_active": role.is_active}
    role.is_active = active
    audit.record(db_session=db_session, actor=actor,
                 event=events.updated("role", role.id, before, {"is_active": active}))
    db_session.flush()


SaveStatus = Literal["created", "updated", "unchanged"]


@dataclass(frozen=True)
class SaveResult:
    role: Role
    status: SaveStatus


def save_document(
    *, db_session: Session, actor: User | None, document: RoleDocument
) -> SaveResult:
    """Create the role, or update it when its key exists; identical content changes nothing."""
    manager = find_hiring_manager(db_session=db_session, email=document.hiring_manager)
    manager_id = manager.id if manager else None
    existing = db_session.scalar(select(Role).where(Role.key == document.key))
    if existing is None:
        role = create_role(db_session=db_session, actor=actor, profile=document.profile(),
                           hiring_manager_id=manager_id, change_note=document.change_note)
        return SaveResult(role, "created")
    if document.hiring_manager is None:
        manager_id = existing.hiring_manager_id  # a file without one keeps the current one
    version_before = existing.current_version
    update_role(db_session=db_session, actor=actor, role=existing, profile=document.profile(),
                hiring_manager_id=manager_id, change_note=document.change_note)
    changed = existing.current_version != version_before
    return SaveResult(existing, "updated" if changed else "unchanged")


def document_of(role: Role, version: RoleVersion) -> RoleDocument:
    """A version as a YAML/API document, with the role's current hiring manager."""
    manager = role.hiring_manager_email
    return RoleDocument.model_validate({**version.profile, "hiring_manager": manager})


def item_counts(profile: RoleProfile) -> tuple[int, int]:
    items = [i for d in profile.dimensions for i in d.items]
    return len(items), sum(1 for i in items if i.must_have)


def roles_using_skill(*, db_session: Session, skill_key: str) -> list[tuple[Role, RoleProfile]]:
    """Roles whose current version links an item to this skill (a catalogue is small)."""
    rows = db_session.execute(
        select(Role, RoleVersion).join(RoleVersion, (RoleVersion.role_id == Role.id) & (
            RoleVersion.number == Role.current_version)).order_by(Role.title_en)).tuples()
    found = []
    for role, version in rows:
        profile = profile_of(version)
        if skill_key in profile.skill_keys():
            found.append((role, profile))
    return found


def current_profiles(*, db_session: Session) -> dict[int, RoleProfile]:
    rows = db_session.scalars(select(RoleVersion).join(Role, (RoleVersion.role_id == Role.id) & (
        RoleVersion.number == Role.current_version)))
    return {v.role_id: profile_of(v) for v in rows}


def empty_profile(key: str = "") -> dict[str, Any]:
    """A blank form: all six dimensions with equal weights and one empty item each."""
    return {"key": key, "title_nl": "", "title_en": "", "jtbd_nl": "", "jtbd_en": "",
            "dimensions": [{"key": k, "weight": 1.0, "interviewer_notes_nl": "",
                            "interviewer_notes_en": "", "items": []} for k in DIMENSION_KEYS]}
