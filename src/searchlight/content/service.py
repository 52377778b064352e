"""Content studio: organisation facts, generating texts from a role version, editing them as new
versions, comparing and approving. Services flush, never commit."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed, require
from searchlight.auth.models import User
from searchlight.content import engine, offline
from searchlight.content.models import KINDS, ContentText, ContentVersion, OrganisationFacts
from searchlight.content.rolecard import CardInput, role_card_pdf
from searchlight.content.schemas import OrganisationIn
from searchlight.db import utcnow
from searchlight.errors import Forbidden, InvalidInput, NotFound
from searchlight.governance import audit, events
from searchlight.roles import service as roles
from searchlight.roles.models import Role, RoleVersion

ORGANISATION_ID = 1
MAX_BODY = 60_000


def get_organisation(*, db_session: Session) -> OrganisationFacts:
    """The stored facts, or empty ones (not added: a read never writes)."""
    found = db_session.get(OrganisationFacts, ORGANISATION_ID)
    return found or OrganisationFacts(id=ORGANISATION_ID, **{
        name: "" for name in OrganisationIn.model_fields})


def update_organisation(
    *, db_session: Session, actor: User | None, data: OrganisationIn
) -> OrganisationFacts:
    if actor is not None:
        require(actor, "content:settings", target="organisation")
    facts = db_session.get(OrganisationFacts, ORGANISATION_ID)
    before: dict[str, Any] = {}
    if facts is None:
        facts = OrganisationFacts(id=ORGANISATION_ID)
        db_session.add(facts)
    else:
        before = {name: getattr(facts, name) for name in OrganisationIn.model_fields}
    after = data.model_dump()
    for name, value in after.items():
        setattr(facts, name, value)
    facts.updated_by_id = actor.id if actor else None
    db_session.flush()
    audit.record(db_session=db_session, actor=actor,
                 event=events.updated("organisation", ORGANISATION_ID, before, after))
    return facts


def organisation_in(facts: OrganisationFacts, language: str) -> offline.Organisation:
    lang = "en" if language == "en" else "nl"

    def field(name: str) -> str:
        return str(getattr(facts, f"{name}_{lang}") or "")

    benefits = tuple(line.strip(" -*\t") for line in field("benefits").splitlines()
                     if line.strip(" -*\t"))
    return offline.Organisation(name=facts.name or "", sector=field("sector"),
                                about=field("about"), benefits=benefits, tone=field("tone"),
                                apply=field("apply"))


def brief_for(
    *, db_session: Session, role: Role, version: RoleVersion, language: str
) -> offline.Brief:
    organisation = organisation_in(get_organisation(db_session=db_session), language)
    manager = role.hiring_manager.full_name if role.hiring_manager else ""
    return offline.Brief(profile=roles.profile_of(version), organisation=organisation,
                         language=language, role_version=version.number, hiring_manager=manager)


def prompt_variables(brief: offline.Brief) -> dict[str, str]:
    """Every role and organisation field, as untrusted data for the prompt's data blocks."""
    org = brief.organisation
    dimensions = "\n".join(
        f"{d.key} (weight {d.weight:g}): " + "; ".join(
            brief.item_text(i) + (" [must-have]" if i.must_have else "") for i in d.items)
        for d in brief.profile.dimensions)
    return {"role_title": brief.title, "job_to_be_done": brief.jtbd,
            "search_profile": dimensions, "organisation_name": org.name,
            "organisation_sector": org.sector, "organisation_about": org.about,
            "benefits": "\n".join(org.benefits), "tone_of_voice": org.tone,
            "how_to_apply": org.apply, "hiring_manager": brief.hiring_manager}


def _check_kind_language(kind: str, language: str) -> None:
    if kind not in KINDS:
        raise InvalidInput(f"kind: choose one of {', '.join(KINDS)}.")
    if language not in ("nl", "en"):
        raise InvalidInput("language: choose nl or en.")


def write_text(
    *, db_session: Session, role: Role, version: RoleVersion, kind: str, language: str,
    fallback_offline: bool = False,
) -> tuple[str, engine.Written]:
    """(title, written) without storing anything: the CLI prints it, `generate` stores it."""
    _check_kind_language(kind, language)
    brief = brief_for(db_session=db_session, role=role, version=version, language=language)
    title, offline_body = offline.generate(kind, brief)
    written = engine.write(
        db_session=db_session, task=f"content.{kind}", prompt=f"content/{kind}",
        variables=prompt_variables(brief), language=language,
        offline=lambda: offline_body, fallback_offline=fallback_offline)
    return title, written


def find_text(*, db_session: Session, role_id: int, kind: str, language: str) -> ContentText | None:
    return db_session.scalar(select(ContentText).where(
        ContentText.role_id == role_id, ContentText.kind == kind,
        ContentText.language == language))


def generate(
    *, db_session: Session, actor: User | None, role: Role, kind: str, language: str,
    fallback_offline: bool = False,
) -> ContentText:
    """Write a text from the role's current version: a new text, or a new version of the text
    that exists for this role, kind and language (an approval stays with its version)."""
    if actor is not None:
        require(actor, "content:write", target=f"role:{role.key}")
    version = roles.get_current_version(db_session=db_session, role_id=role.id)
    title, written = write_text(db_session=db_session, role=role, version=version, kind=kind,
                                language=language, fallback_offline=fallback_offline)
    text = _text_for(db_session, actor, role, kind, language)
    _add_version(db_session, text, actor, title=title, body=written.text,
                 role_version=version.number, origin="generated",
                 engine_name=written.engine_name, engine_model=written.engine_model,
                 call_id=written.call_id)
    return text


def start_by_hand(
    *, db_session: Session, actor: User, role: Role, kind: str, language: str
) -> ContentText:
    """The manual path (AI switched off): a draft with only the section headings, to fill in."""
    require(actor, "content:write", target=f"role:{role.key}")
    _check_kind_language(kind, language)
    version = roles.get_current_version(db_session=db_session, role_id=role.id)
    brief = brief_for(db_session=db_session, role=role, version=version, language=language)
    title, body = offline.generate(kind, brief)
    headings = "\n\n".join(line for line in body.splitlines() if line.startswith("#"))
    text = _text_for(db_session, actor, role, kind, language)
    _add_version(db_session, text, actor, title=title, body=headings + "\n",
                 role_version=version.number, origin="manual", engine_name="manual",
                 engine_model="-")
    return text


def _text_for(
    db_session: Session, actor: User | None, role: Role, kind: str, language: str
) -> ContentText:
    text = find_text(db_session=db_session, role_id=role.id, kind=kind, language=language)
    if text is None:
        text = ContentText(kind=kind, role_id=role.id, language=language, current_version=0,
                           created_by_id=actor.id if actor else None)
        db_session.add(text)
        db_session.flush()
    return text


def _add_version(
    db_session: Session, text: ContentText, actor: User | None, *, title: str, body: str,
    role_version: int, origin: str, engine_name: str, engine_model: str,
    call_id: int | None = None, change_note: str = "",
) -> ContentVersion:
    text.current_version += 1
    version = ContentVersion(
        text_id=text.id, number=text.current_version, title=title, body=body,
        role_version=role_version, origin=origin, engine_name=engine_name,
        engine_model=engine_model, llm_call_id=call_id, change_note=change_note,
        created_by_id=actor.id if actor else None)
    db_session.add(version)
    db_session.flush()
    db_session.refresh(text, attribute_names=["versions"])
    audit.record(db_session=db_session, actor=actor, event=events.AuditEvent(
        f"content.{origin}", "content_text", text.id,
        {"version": version.number, "kind": text.kind, "role_version": role_version,
         "engine": engine_name, "model": engine_model}))
    return version


def save_edit(
    *, db_session: Session, actor: User, text: ContentText, title: str, body: str,
    change_note: str = "",
) -> ContentVersion | None:
    """A recruiter's edit becomes a new version (None when nothing changed)."""
    require(actor, "content:write", target=f"content:{text.id}")
    title, body = title.strip(), body.replace("\r\n", "\n")
    if not title or not body.strip():
        raise InvalidInput("title and text: both are needed.")
    if len(body) > MAX_BODY or len(title) > 300:
        raise InvalidInput("text: too long.")
    current = version_of(text=text, number=text.current_version)
    if current.title == title and current.body == body:
        return None
    return _add_version(db_session, text, actor, title=title, body=body,
                        role_version=current.role_version, origin="edited",
                        engine_name=current.engine_name, engine_model=current.engine_model,
                        change_note=change_note.strip()[:500])


def approve(*, db_session: Session, actor: User, text: ContentText, number: int) -> None:
    """Approve the current version (an older one cannot be approved: edit it forward)."""
    require(actor, "content:approve", target=f"content:{text.id}")
    if number != text.current_version:
        raise InvalidInput("version: only the current version can be approved.")
    before = {"approved_version": text.approved_version}
    text.approved_version, text.approved_by_id, text.approved_at = number, actor.id, utcnow()
    db_session.flush()
    audit.record(db_session=db_session, actor=actor, event=events.AuditEvent(
        "content.approved", "content_text", text.id,
        {"approved_version": {"old": before["approved_version"], "new": number}}))


def version_of(*, text: ContentText, number: int) -> ContentVersion:
    for version in text.versions:
        if version.number == number:
            return version
    raise NotFound("This version of the text does not exist.")


def made_from_older_role(text: ContentText, version: ContentVersion) -> bool:
    return version.role_version < text.role.current_version


def _may_read_role(user: User, role: Role) -> bool:
    if allowed(user, "content:read_all"):
        return True
    return allowed(user, "content:read") and role.hiring_manager_id == user.id


def get_text_for_user(
    *, db_session: Session, user: User, text_id: int, write: bool = False
) -> ContentText:
    require(user, "content:write" if write else "content:read", target=f"content:{text_id}")
    text = db_session.get(ContentText, text_id)
    if text is None:
        raise NotFound("This text does not exist.")
    if not _may_read_role(user, text.role):
        raise Forbidden("You do not have permission to do this.", permission="content:read",
                        target=f"content:{text_id}")
    return text


def get_role_for_user(*, db_session: Session, user: User, key: str) -> Role:
    """A role whose content (texts, role card) this user may see."""
    require(user, "content:read", target=f"role:{key}")
    role = roles.get_by_key(db_session=db_session, key=key)
    if not _may_read_role(user, role):
        raise Forbidden("You do not have permission to do this.", permission="content:read",
                        target=f"role:{key}")
    return role


def list_texts_for_user(*, db_session: Session, user: User) -> list[ContentText]:
    require(user, "content:read")
    statement = select(ContentText).join(Role).order_by(Role.title_en, ContentText.kind,
                                                        ContentText.language)
    if not allowed(user, "content:read_all"):
        statement = statement.where(Role.hiring_manager_id == user.id)
    return list(db_session.scalars(statement).unique())


def role_card(*, db_session: Session, role: Role, language: str, number: int = 0) -> bytes:
    version = roles.get_version(db_session=db_session, role_id=role.id,
                                number=number or role.current_version)
    facts = get_organisation(db_session=db_session)
    return role_card_pdf(CardInput(
        profile=roles.profile_of(version), language=language, role_version=version.number,
        organisation=facts.name or "",
        hiring_manager=role.hiring_manager.full_name if role.hiring_manager else "",
        made_at=version.created_at))
