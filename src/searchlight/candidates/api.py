"""JSON API for candidates, applications and stage moves (`Authorization: Bearer <token>`)."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import ValidationError

from searchlight.auth.access import require
from searchlight.candidates import duplicates, listing, pipeline, service
from searchlight.candidates.models import Application, Candidate
from searchlight.candidates.schemas import (
    ApplicationIn,
    ApplicationOut,
    CandidateDetailOut,
    CandidateIn,
    CandidateOut,
    CandidatePageOut,
    CandidatePatch,
    DocumentOut,
    SourceOut,
    StageChangeOut,
    StageMoveIn,
    StageOut,
)
from searchlight.deps import CurrentUser, DbSession
from searchlight.errors import InvalidInput

router = APIRouter(prefix="/api", tags=["candidates"])
Sort = Literal["newest", "oldest", "name", "name_desc", "updated"]


def candidate_out(candidate: Candidate) -> CandidateOut:
    """What a user may see of the candidate: a pseudonymous one by pseudonym only."""
    return CandidateOut(
        id=candidate.id, full_name=candidate.display_name, email=candidate.shown_email,
        phone=candidate.shown_phone, location=candidate.shown_location,
        identity_hidden=candidate.identity_hidden,
        source=SourceOut.model_validate(candidate.source) if candidate.source else None,
        owner_id=candidate.owner_id, legal_basis=candidate.legal_basis,  # type: ignore[arg-type]
        consent_given_on=candidate.consent_given_on,
        consent_expires_on=candidate.consent_expires_on,
        tags=[tag.name for tag in candidate.tags], created_at=candidate.created_at,
        updated_at=candidate.updated_at,
    )


def application_out(application: Application) -> ApplicationOut:
    return ApplicationOut(
        id=application.id, candidate_id=application.candidate_id, role_key=application.role.key,
        role_version=application.role_version, stage=application.stage_key,
        stage_entered_at=application.stage_entered_at,
        days_in_stage=pipeline.days_between(application.stage_entered_at),
        created_at=application.created_at,
        history=[StageChangeOut.model_validate(change) for change in application.changes],
    )


def _detail(db: DbSession, user: CurrentUser, candidate: Candidate) -> CandidateDetailOut:
    twins = duplicates.duplicates_of(db_session=db, user=user, candidate=candidate)
    return CandidateDetailOut(
        **candidate_out(candidate).model_dump(),
        documents=[DocumentOut.model_validate(d).model_copy(update={"filename": d.shown_filename})
                   for d in candidate.documents],
        applications=[application_out(a) for a in candidate.applications],
        likely_duplicates=[twin.id for twin in twins],
    )


@router.get("/candidates", response_model=CandidatePageOut)
def list_candidates(
    db: DbSession, user: CurrentUser, q: str = "", source: str = "", tag: str = "",
    pool: int | None = None, role: str = "", stage: str = "", owner: int | None = None,
    sort: Sort = "newest", after: str | None = None, before: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = listing.PAGE_SIZE,
) -> CandidatePageOut:
    """Server-side search (word prefixes of name, e-mail, location) and filters; keyset pages."""
    require(user, "candidates:read")
    filters = listing.CandidateFilters(q=q, source=source, tag=tag, pool=pool, role=role,
                                       stage=stage, owner=owner, sort=sort)
    page = listing.list_candidates(db_session=db, user=user, filters=filters, after=after,
                                   before=before, limit=limit)
    return CandidatePageOut(
        items=[candidate_out(c) for c in page.items], total=page.total,
        total_capped_at=listing.COUNT_CAP, next_cursor=page.next_cursor,
        prev_cursor=page.prev_cursor,
    )


@router.post("/candidates", response_model=CandidateDetailOut, status_code=201)
def create_candidate(db: DbSession, user: CurrentUser, body: CandidateIn) -> CandidateDetailOut:
    require(user, "candidates:write")
    candidate = service.create_candidate(db_session=db, actor=user, data=body)
    return _detail(db, user, candidate)


@router.get("/candidates/{candidate_id}", response_model=CandidateDetailOut)
def get_candidate(db: DbSession, user: CurrentUser, candidate_id: int) -> CandidateDetailOut:
    candidate = service.get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id)
    return _detail(db, user, candidate)


@router.patch("/candidates/{candidate_id}", response_model=CandidateDetailOut)
def patch_candidate(db: DbSession, user: CurrentUser, candidate_id: int,
                    body: CandidatePatch) -> CandidateDetailOut:
    """Change only the fields that are sent; the result is validated as a whole."""
    candidate = service.get_candidate_for_user(db_session=db, user=user,
                                               candidate_id=candidate_id,
                                               permission="candidates:write")
    sent = body.model_dump(exclude_unset=True)
    # The stored facts, not the shown ones: a patch of a pseudonymous candidate's tags must not
    # write the pseudonym over their name.
    current = candidate_out(candidate).model_dump(include=set(CandidateIn.model_fields))
    current.update({name: getattr(candidate, name) for name in service.PERSONAL_FIELDS})
    current["source"] = candidate.source.key if candidate.source else None
    try:
        checked = CandidateIn.model_validate({**current, **sent})
    except ValidationError as error:
        problems = [{"field": ".".join(map(str, e["loc"])), "message": e["msg"]}
                    for e in error.errors()]
        raise InvalidInput("Invalid input", detail={"problems": problems}) from None
    changes = {name: getattr(checked, name) for name in sent}
    service.update_candidate(db_session=db, actor=user, candidate=candidate, changes=changes)
    return _detail(db, user, candidate)


@router.get("/candidates/{candidate_id}/applications", response_model=list[ApplicationOut])
def list_applications(db: DbSession, user: CurrentUser,
                      candidate_id: int) -> list[ApplicationOut]:
    candidate = service.get_candidate_for_user(db_session=db, user=user, candidate_id=candidate_id)
    return [application_out(a) for a in candidate.applications]


@router.post("/candidates/{candidate_id}/applications", response_model=ApplicationOut,
             status_code=201)
def create_application(db: DbSession, user: CurrentUser, candidate_id: int,
                       body: ApplicationIn) -> ApplicationOut:
    candidate = service.get_candidate_for_user(db_session=db, user=user,
                                               candidate_id=candidate_id,
                                               permission="candidates:write")
    role = pipeline.role_by_key(db_session=db, key=body.role_key)
    application = pipeline.apply_to_role(db_session=db, actor=user, candidate=candidate,
                                         role=role, stage_key=body.stage)
    return application_out(application)


@router.get("/roles/{role_key}/stages", response_model=list[StageOut])
def role_stages(db: DbSession, user: CurrentUser, role_key: str) -> list[StageOut]:
    require(user, "roles:read")
    role = pipeline.role_by_key(db_session=db, key=role_key)
    return [StageOut(key=s.key, name_en=s.name_en, name_nl=s.name_nl, position=s.position,
                     kind=s.kind) for s in pipeline.stages_for_role(db_session=db, role=role)]


@router.post("/applications/{application_id}/stage", response_model=ApplicationOut)
def move_application(db: DbSession, user: CurrentUser, application_id: int,
                     body: StageMoveIn) -> ApplicationOut:
    """Move to another stage of the role's pipeline; a rejection needs a `reason`."""
    application = pipeline.get_application_for_user(
        db_session=db, user=user, application_id=application_id, permission="pipeline:move")
    pipeline.move_stage(db_session=db, actor=user, application=application, to_stage=body.stage,
                        reason=body.reason)
    return application_out(application)
