"""Rate limits (429) on the costly or guessable actions: log-in, uploads, AI calls and exports.

The counters are kept in the database (`rate_counters`), so a limit holds across every process
and worker that shares it — several uvicorn workers, or two app servers behind one balancer —
without another server: SQLite and PostgreSQL both do it with one atomic upsert. A limit per
user (or, without one, per client address), over a sliding window approximated from two fixed
windows: the hits of the current window plus those of the previous one weighted by how much of
it still falls inside the sliding window. Which routes fall in which bucket is decided here from
the route table, attached once to the whole app in `main.create_app`, so that a new upload or
export route is limited without anyone remembering to.

A check is made before the request changes anything, and commits the request's transaction
there and then: the hit stays counted whatever the request does next (a failed request counts
too), the lock on the counter row is held only for the check, and no second connection is
needed (on SQLite a second connection's commit would leave the request's read snapshot stale,
and its first write would then fail)."""

import hashlib
import re
import time
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.routing import APIRoute
from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from searchlight.auth.models import RateCounter
from searchlight.config import Settings, get_settings
from searchlight.deps import DbSession, OptionalUser
from searchlight.errors import TooManyRequests
from searchlight.i18n import N_


def _hit(db_session: Session, bucket: str, key_hash: str, index: int) -> int:
    """Count one hit atomically; the new count of this window."""
    dialect = db_session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(RateCounter).values(bucket=bucket, key_hash=key_hash, window_index=index,
                                           hits=1)
    counted = statement.on_conflict_do_update(
        index_elements=["bucket", "key_hash", "window_index"],
        set_={"hits": RateCounter.hits + 1}).returning(RateCounter.hits)
    return int(db_session.execute(counted).scalar_one())


class RateLimit:
    """At most `limit` hits per `window` seconds per key in the bucket `name`, counted in the
    database. The key is hashed; a refused hit is not counted."""

    def __init__(self, name: str, limit: int, window: float) -> None:
        self.name, self.limit, self.window = name, limit, window

    def allow(self, db_session: Session, key: str, now: float | None = None) -> bool:
        """Count a hit for `key` and commit `db_session` (call it before any change)."""
        now = time.time() if now is None else now
        hashed = hashlib.sha256(f"{self.name}:{key}".encode()).hexdigest()[:32]
        index = int(now // self.window)
        try:
            current = _hit(db_session, self.name, hashed, index)
            previous = db_session.scalar(select(RateCounter.hits).where(
                RateCounter.bucket == self.name, RateCounter.key_hash == hashed,
                RateCounter.window_index == index - 1)) or 0
            still = 1 - (now - index * self.window) / self.window  # share of the previous window
            allowed = previous * still + current <= self.limit
            if not allowed:
                db_session.execute(update(RateCounter).where(
                    RateCounter.bucket == self.name, RateCounter.key_hash == hashed,
                    RateCounter.window_index == index).values(hits=RateCounter.hits - 1))
            elif current == 1:  # a new window: windows before the previous one count no more
                db_session.execute(delete(RateCounter).where(
                    RateCounter.bucket == self.name, RateCounter.window_index < index - 1))
            db_session.commit()
        except BaseException:
            db_session.rollback()
            raise
        return allowed


@dataclass(frozen=True)
class Bucket:
    name: str
    setting: str  # the Settings field with the number of requests per window
    window: float  # seconds


LOGIN = Bucket("login", "rate_limit_login", 300)
UPLOAD = Bucket("upload", "rate_limit_uploads", 600)
AI = Bucket("ai", "rate_limit_ai", 600)
EXPORT = Bucket("export", "rate_limit_exports", 600)

# Routes that call a language model (the engine may be remote and costs money per call).
AI_ROUTES = frozenset({
    ("POST", "/content/generate"),
    ("POST", "/content/intake"),
    ("POST", "/candidates/{candidate_id:int}/messages/draft"),
    ("POST", "/screening/roles/{role_key}/recheck"),
    ("POST", "/admin/ai/try"),
    ("POST", "/careers/{key}/ask"),
    ("POST", "/interview-chat/{token}/answer"),
})
# Routes that take a file from a form they read themselves (no `File()` parameter to see).
FORM_UPLOADS = frozenset({
    ("POST", "/candidates/{candidate_id:int}/documents"),
    ("POST", "/development/enrolments/{enrolment_id}/evidence"),
    ("POST", "/careers/{key}/apply"),
})
# Exports made by a form post (the request is audited, so it cannot be a GET).
EXPORT_POSTS = frozenset({("POST", "/privacy/export")})
EXPORT_PATH = re.compile(r"(export|\.pdf$|\.csv$|\.zip$|/download$|/file$)")


def takes_a_file(route: APIRoute) -> bool:
    return any("UploadFile" in repr(field.field_info.annotation)
               for field in route.dependant.body_params)


def bucket_of(method: str, route: APIRoute) -> Bucket | None:
    if route.path == "/login" and method == "POST":
        return LOGIN
    if (method, route.path) in AI_ROUTES:
        return AI
    if method == "POST" and ((method, route.path) in FORM_UPLOADS or takes_a_file(route)):
        return UPLOAD
    if (method == "GET" and EXPORT_PATH.search(route.path)) or (method, route.path) in EXPORT_POSTS:
        return EXPORT
    return None


def allow(db_session: Session, bucket: Bucket, key: str, settings: Settings) -> bool:
    """One hit in `bucket`, with the limit the settings give."""
    limit: int = getattr(settings, bucket.setting)
    return RateLimit(bucket.name, limit=limit, window=bucket.window).allow(db_session, key)


def _client_key(request: Request, user: Any) -> str:
    if user is not None:
        return f"user:{user.id}"
    return f"address:{request.client.host if request.client else 'unknown'}"


def _bucket(request: Request) -> Bucket | None:
    route = request.scope.get("route")
    return bucket_of(request.method, route) if isinstance(route, APIRoute) else None


async def _login_email(request: Request) -> str:
    """The account a log-in is for, read from the form in the event loop."""
    if _bucket(request) is not LOGIN:
        return ""
    form = await request.form()
    return str(form.get("email") or "").strip().lower()


def rate_limit(request: Request, db: DbSession, user: OptionalUser,
               email: Annotated[str, Depends(_login_email)]) -> None:
    """Counted in the thread pool, like every database use (see `deps.PostedForm`)."""
    if (bucket := _bucket(request)) is None:
        return
    key = _client_key(request, user)
    if bucket is LOGIN:  # per address and account: guessing one password, or many accounts
        key = f"{key}:{email}"
    if not allow(db, bucket, key, get_settings()):
        raise TooManyRequests(N_("Too many requests; wait a few minutes and try again."),
                              detail={"limit": bucket.name})
