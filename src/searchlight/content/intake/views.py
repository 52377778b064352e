"""The intake page. A draft opens in the roles form (prefilled, not saved): the recruiter edits
it and saves it there as a new role, or as a new version of the role chosen here."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from searchlight.auth.access import require
from searchlight.content.intake.draft import IntakeAnswers, slug
from searchlight.content.intake.service import draft_profile
from searchlight.deps import CurrentUser, DbSession, PostedForm
from searchlight.errors import InvalidInput
from searchlight.i18n import _
from searchlight.roles import forms
from searchlight.roles import service as roles
from searchlight.roles import views as role_views
from searchlight.roles.schemas import DIMENSION_KEYS, dimension_title
from searchlight.web import render

router = APIRouter()
MAX_PASTE = 50_000


def _lines(value: object) -> list[str]:
    return [line.strip(" -*•\t") for line in str(value or "").splitlines() if line.strip(" -*•\t")]


def _language(value: object) -> str:
    return "en" if value == "en" else "nl"


@router.get("/content/intake", include_in_schema=False)
def intake(request: Request, db: DbSession, user: CurrentUser) -> Response:
    require(user, "roles:write")
    return render(request, "content/intake.html", dimensions=DIMENSION_KEYS,
                  dimension_title=dimension_title, error="",
                  roles=roles.list_roles(db_session=db, include_inactive=False))


@router.post("/content/intake", include_in_schema=False)
def draft(request: Request, db: DbSession, user: CurrentUser, form: PostedForm) -> Response:
    require(user, "roles:write")
    pasted = str(form.get("pasted", ""))[:MAX_PASTE]
    title, jtbd = str(form.get("title", "")).strip(), str(form.get("jtbd", "")).strip()
    if form.get("mode") == "paste":
        if not pasted.strip():
            raise InvalidInput("Paste a vacancy text first.")
        drafted = draft_profile(db_session=db, pasted=pasted,
                                language=_language(form.get("language")))
    else:
        if not title or not jtbd:
            raise InvalidInput("Give at least a title and the job to be done.")
        answers = IntakeAnswers(
            title=title, language=_language(form.get("language")), job_to_be_done=jtbd,
            outcomes=_lines(form.get("outcomes")), team_context=str(form.get("team", "")),
            must_haves={k: _lines(form.get(f"{k}.must")) for k in DIMENSION_KEYS},
            nice_to_haves={k: _lines(form.get(f"{k}.nice")) for k in DIMENSION_KEYS})
        drafted = draft_profile(db_session=db, answers=answers, language=answers.language)
    profile = drafted.profile
    target_key = str(form.get("target", ""))
    role = roles.get_by_key(db_session=db, key=target_key) if target_key else None
    if role is not None:
        profile["key"] = role.key
    elif profile["key"] in {r.key for r in roles.list_roles(db_session=db)}:
        profile["key"] = slug(profile["key"] + "-2")
    state = forms.profile_to_form(profile)
    note = _("Drafted from a vacancy intake by {engine} ({model}); checked and edited before "
             "saving.", engine=drafted.engine_name, model=drafted.engine_model)
    if drafted.note:
        note += " " + _("The model gave no usable draft ({reason}), so this is the offline "
                        "draft.", reason=drafted.note)
    # The roles form is the one place a profile is edited and saved (roles/service).
    return role_views._render_form(
        request, db, role=role, state=state,
        hiring_manager_id=role.hiring_manager_id if role else None, change_note=note)
