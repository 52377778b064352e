import hashlib
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from searchlight.auth.models import USER_ROLES, ApiToken, User, UserSession
from searchlight.config import Settings
from searchlight.db import utcnow
from searchlight.errors import Conflict, InvalidInput, NotFound

_hasher = PasswordHasher()
# Verifying against a fixed hash keeps log-in time equal for unknown and known e-mails.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def token_hash(token: str) -> str:
    """What is stored of a secret token (sessions, API tokens, single-use links): its SHA-256."""
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise InvalidInput("A password needs at least 8 characters.")
    return _hasher.hash(password)


def create_user(
    *, db_session: Session, email: str, full_name: str, password: str, role: str,
    locale: str = "nl", is_demo: bool = False,
) -> User:
    if role not in USER_ROLES:
        raise InvalidInput(f"Unknown role {role!r}; choose one of {', '.join(USER_ROLES)}.")
    email = email.strip().lower()
    if db_session.scalar(select(User.id).where(func.lower(User.email) == email)):
        raise Conflict(f"A user with e-mail {email} already exists.")
    user = User(
        email=email, full_name=full_name, password_hash=hash_password(password), role=role,
        locale=locale, is_demo=is_demo,
    )
    db_session.add(user)
    db_session.flush()
    return user


def user_by_email(*, db_session: Session, email: str) -> User | None:
    """The user with this e-mail address (stored lower-cased, see `create_user`), if any."""
    return db_session.scalar(select(User).where(User.email == email.strip().lower()))


def authenticate(*, db_session: Session, email: str, password: str) -> User | None:
    user = user_by_email(db_session=db_session, email=email)
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.is_active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


# How stale "last seen" (a session) and "last used" (an API token) may be: writing on every
# request would make every read a write and serialise readers; a minute of precision is plenty.
TOUCH_EVERY = timedelta(minutes=1)


def start_session(*, db_session: Session, user: User) -> tuple[str, UserSession]:
    """A fresh id at every log-in, so a session id planted before log-in is worthless."""
    token = secrets.token_urlsafe(32)
    record = UserSession(id=token_hash(token), user_id=user.id,
                         csrf_token=secrets.token_urlsafe(32))
    db_session.add(record)
    db_session.flush()
    return token, record


def resolve_session(*, db_session: Session, token: str, settings: Settings) -> UserSession | None:
    record = db_session.get(UserSession, token_hash(token))
    if record is None:
        return None
    now = utcnow()
    idle_expired = now - record.last_seen_at > timedelta(minutes=settings.session_idle_minutes)
    absolute_expired = now - record.created_at > timedelta(hours=settings.session_absolute_hours)
    if idle_expired or absolute_expired or not record.user.is_active:
        db_session.delete(record)
        return None
    if now - record.last_seen_at > TOUCH_EVERY:
        record.last_seen_at = now
    return record


def end_session(*, db_session: Session, token: str) -> None:
    db_session.execute(delete(UserSession).where(UserSession.id == token_hash(token)))


def create_api_token(*, db_session: Session, user: User, name: str) -> str:
    token = "sl_" + secrets.token_urlsafe(32)
    db_session.add(ApiToken(user_id=user.id, name=name, token_hash=token_hash(token)))
    db_session.flush()
    return token


def api_tokens_of(*, db_session: Session, user: User) -> list[ApiToken]:
    """A user's API tokens, newest first (what is kept of them: never the token itself)."""
    return list(db_session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                                   .order_by(ApiToken.id.desc())))


def revoke_api_token(*, db_session: Session, user: User, token_id: int) -> ApiToken:
    """Refuse a token from now on; the row stays so that its use can still be accounted for."""
    record = db_session.get(ApiToken, token_id)
    if record is None or record.user_id != user.id:
        raise NotFound(f"{user.email} has no API token {token_id}.")
    if record.revoked_at is not None:
        raise Conflict(f"API token {token_id} was already revoked.")
    record.revoked_at = utcnow()
    return record


def resolve_api_token(*, db_session: Session, token: str) -> User | None:
    record = db_session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token)))
    if record is None or record.revoked_at is not None or not record.user.is_active:
        return None
    now = utcnow()
    if record.last_used_at is None or now - record.last_used_at > TOUCH_EVERY:
        record.last_used_at = now
    return record.user


def set_locale(*, db_session: Session, user: User, locale: str) -> None:
    user.locale = locale
