"""Skill pages (browse and search in Dutch and English) and the skills JSON API."""

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from searchlight import navigation
from searchlight.auth.access import allowed, require
from searchlight.deps import CurrentUser, DbSession
from searchlight.i18n import N_, _
from searchlight.roles import service as roles
from searchlight.taxonomy import service
from searchlight.taxonomy.models import SKILL_KINDS, SOURCES
from searchlight.taxonomy.schemas import SkillOut, SkillPage
from searchlight.web import render

router = APIRouter(tags=["skills"])
navigation.register(navigation.Entry(path="/skills", label=N_("Skills"),
                                     permission="taxonomy:read", order=50))
MAX_PAGE_SIZE = 100


def kind_label(kind: str) -> str:
    labels = {"technical": _("Technical"), "domain": _("Domain knowledge"),
              "soft": _("Soft skill"), "language": _("Language")}
    return labels.get(kind, kind)


def source_label(source: str) -> str:
    return {"builtin": _("Built-in"), "esco": "ESCO"}.get(source, source)


LABELS: dict[str, Any] = {"kind_label": kind_label, "source_label": source_label}


def _choice(value: str, allowed_values: tuple[str, ...]) -> str | None:
    """Unknown filter values are ignored rather than an error, as with a hand-edited URL."""
    return value if value in allowed_values else None


@router.get("/skills", include_in_schema=False)
def skill_list(
    request: Request, db: DbSession, user: CurrentUser, q: str = "", kind: str = "",
    source: str = "", page: int = Query(1, ge=1, le=100_000),
) -> Response:
    require(user, "taxonomy:read")
    found = service.search_skills(db_session=db, query=q, kind=_choice(kind, SKILL_KINDS),
                                  source=_choice(source, SOURCES), page=page)
    return render(request, "taxonomy/list.html", partial="taxonomy/_results.html",
                  skills=found.skills, total=found.total, q=q, kind=kind, source=source,
                  close_matches=found.close_matches,
                  page=page, page_size=service.PAGE_SIZE, kinds=SKILL_KINDS, sources=SOURCES,
                  counts=service.counts(db_session=db), **LABELS)


@router.get("/skills/{key}", include_in_schema=False)
def skill_detail(request: Request, db: DbSession, user: CurrentUser, key: str) -> Response:
    require(user, "taxonomy:read")
    skill = service.get_skill(db_session=db, key=key)
    can_see_roles = allowed(user, "roles:read")
    used_by = roles.roles_using_skill(db_session=db, skill_key=key) if can_see_roles else []
    return render(request, "taxonomy/detail.html", skill=skill, used_by=used_by,
                  can_see_roles=can_see_roles,
                  group_paths=[service.group_path(g) for g in skill.groups], **LABELS)


@router.get("/api/skills", response_model=SkillPage, tags=["skills API"],
            summary="Search skills by name or synonym in Dutch and English")
def api_search(
    db: DbSession, user: CurrentUser, q: str = "", kind: str | None = None,
    source: str | None = None, page: int = Query(1, ge=1, le=100_000),
    page_size: int = Query(service.PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
) -> SkillPage:
    require(user, "taxonomy:read")
    found = service.search_skills(db_session=db, query=q, kind=kind, source=source, page=page,
                                  page_size=page_size)
    return SkillPage(total=found.total, page=page, page_size=page_size,
                     items=[service.skill_out(s) for s in found.skills])


@router.get("/api/skills/{key}", response_model=SkillOut, tags=["skills API"],
            summary="One skill with its labels and synonyms")
def api_skill(db: DbSession, user: CurrentUser, key: str) -> SkillOut:
    require(user, "taxonomy:read")
    return service.skill_out(service.get_skill(db_session=db, key=key))
