"""JSON API for roles: read profiles and versions, create and update (each update that changes
the profile is a new version). Bearer tokens or the browser session; writes need roles:write."""

from fastapi import APIRouter
from sqlalchemy.orm import Session

from searchlight.auth.access import require
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import InvalidInput
from searchlight.roles import service
from searchlight.roles.models import Role, RoleVersion
from searchlight.roles.schemas import (
    RoleDocument,
    RoleOut,
    RoleSummaryOut,
    RoleVersionOut,
    VersionOut,
)

router = APIRouter(prefix="/api/roles", tags=["roles API"])


def _version_out(version: RoleVersion) -> VersionOut:
    return VersionOut(number=version.number, created_at=version.created_at,
                      created_by=version.created_by.email if version.created_by else None,
                      change_note=version.change_note)


def _summary(role: Role, version: RoleVersion) -> RoleSummaryOut:
    items, must_haves = service.item_counts(service.profile_of(version))
    return RoleSummaryOut(
        key=role.key, title_nl=role.title_nl, title_en=role.title_en,
        version=role.current_version, hiring_manager=role.hiring_manager_email,
        is_active=role.is_active, items=items, must_haves=must_haves)


def _role_out(db: Session, role: Role) -> RoleOut:
    current = service.get_current_version(db_session=db, role_id=role.id)
    versions = service.versions_of(db_session=db, role_id=role.id)
    return RoleOut(**_summary(role, current).model_dump(),
                   created_at=role.created_at, updated_at=role.updated_at,
                   profile=service.profile_of(current),
                   versions=[_version_out(v) for v in versions])


@router.get("", response_model=list[RoleSummaryOut], summary="List roles")
def list_roles(db: DbSession, user: CurrentUser) -> list[RoleSummaryOut]:
    require(user, "roles:read")
    return [_summary(role, service.get_current_version(db_session=db, role_id=role.id))
            for role in service.list_roles(db_session=db)]


@router.get("/{key}", response_model=RoleOut, summary="A role with its current profile")
def get_role(db: DbSession, user: CurrentUser, key: str) -> RoleOut:
    role = service.get_role_for_user(db_session=db, user=user, key=key)
    return _role_out(db, role)


@router.get("/{key}/versions", response_model=list[VersionOut], summary="A role's versions")
def list_versions(db: DbSession, user: CurrentUser, key: str) -> list[VersionOut]:
    role = service.get_role_for_user(db_session=db, user=user, key=key)
    return [_version_out(v) for v in service.versions_of(db_session=db, role_id=role.id)]


@router.get("/{key}/versions/{number}", response_model=RoleVersionOut,
            summary="One version of a role's profile")
def get_version(db: DbSession, user: CurrentUser, key: str, number: int) -> RoleVersionOut:
    role = service.get_role_for_user(db_session=db, user=user, key=key)
    version = service.get_version(db_session=db, role_id=role.id, number=number)
    return RoleVersionOut(**_version_out(version).model_dump(), role_key=role.key,
                          profile=service.profile_of(version))


@router.post("", response_model=RoleOut, status_code=201, summary="Create a role")
def create_role(db: DbSession, user: CurrentUser, document: RoleDocument) -> RoleOut:
    require(user, "roles:write")
    manager = service.find_hiring_manager(db_session=db, email=document.hiring_manager)
    role = service.create_role(db_session=db, actor=user, profile=document.profile(),
                               hiring_manager_id=manager.id if manager else None,
                               change_note=document.change_note)
    return _role_out(db, role)


@router.put("/{key}", response_model=RoleOut,
            summary="Replace a role's profile (a new version when it changed)")
def update_role(db: DbSession, user: CurrentUser, key: str, document: RoleDocument) -> RoleOut:
    role = service.get_role_for_user(db_session=db, user=user, key=key, write=True)
    if document.key != key:
        raise InvalidInput("key: the key in the body must match the key in the URL.")
    manager = service.find_hiring_manager(db_session=db, email=document.hiring_manager)
    service.update_role(db_session=db, actor=user, role=role, profile=document.profile(),
                        hiring_manager_id=manager.id if manager else None,
                        change_note=document.change_note)
    return _role_out(db, role)
