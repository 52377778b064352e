"""Rate limits (429) on the costly or guessable actions: log-in, uploads, AI calls and exports.

In process and in memory, like the sessions' idle clock: a limit per user (or, without one, per
client address), over a sliding window. Which routes fall in which bucket is decided here from
the route table, attached once to the whole app in `main.create_app`, so that a new upload or
export route is limited without anyone remembering to."""

import hashlib
import re
import time
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.routing import APIRoute

from searchlight.config import Settings, get_settings
from searchlight.deps import OptionalUser
from searchlight.errors import TooManyRequests
from searchlight.i18n import N_


class RateLimit:
    """At most `limit` hits per `window` seconds per key (the key is hashed, and forgotten when
    its window ends)."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self._hits: dict[str, list[float]] = {}

    def allow(self, key: str, now: float) -> bool:
        hashed = hashlib.sha256(key.encode()).hexdigest()[:16]
        recent = [t for t in self._hits.get(hashed, []) if now - t < self.window]
        if len(self._hits) > 10_000:
            self._hits.clear()
        if len(recent) >= self.limit:
            self._hits[hashed] = recent
            return False
        self._hits[hashed] = [*recent, now]
        return True


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


class Limiter:
    """The buckets of one app (each test's app starts with empty ones)."""

    def __init__(self) -> None:
        self.limits: dict[str, RateLimit] = {}

    def allow(self, bucket: Bucket, key: str, settings: Settings) -> bool:
        limit: int = getattr(settings, bucket.setting)
        current = self.limits.get(bucket.name)
        if current is None or current.limit != limit:
            current = self.limits[bucket.name] = RateLimit(limit=limit, window=bucket.window)
        return current.allow(key, time.monotonic())


def _client_key(request: Request, user: Any) -> str:
    if user is not None:
        return f"user:{user.id}"
    return f"address:{request.client.host if request.client else 'unknown'}"


async def rate_limit(request: Request, user: OptionalUser) -> None:
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    bucket = bucket_of(request.method, route)
    if bucket is None:
        return
    key = _client_key(request, user)
    if bucket is LOGIN:  # per address and account: guessing one password, or many accounts
        form = await request.form()
        key = f"{key}:{str(form.get('email') or '').strip().lower()}"
    limiter: Limiter = request.app.state.limiter
    if not limiter.allow(bucket, key, get_settings()):
        raise TooManyRequests(N_("Too many requests; wait a few minutes and try again."),
                              detail={"limit": bucket.name})
