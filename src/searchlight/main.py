"""create_app(): routers, static files, middleware and the one error handler."""

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from searchlight.auth.access import PERMISSIONS
from searchlight.config import get_settings
from searchlight.deps import LOCALE_COOKIE, csrf_protect, ids_in_range
from searchlight.errors import DomainError, Forbidden, NotFound, PayloadTooLarge, Unauthenticated
from searchlight.i18n import N_, current_locale, gettext, normalise_locale
from searchlight.ratelimit import rate_limit
from searchlight.web import render

logger = logging.getLogger(__name__)

# Each domain exposes `router` in its views module; the order is the order of the navigation.
DOMAINS = (
    "home",
    "auth", "roles", "taxonomy", "candidates", "crm", "screening", "governance",
    "analytics",
    "content",
    "llm",
    "reskilling",
    "assessments",
    "careers",
    "interviews",
    "gdpr",
    "actions",
    "comms",
    "survey",
    "fairness",
)


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _choose_locale(request: Request) -> str:
    from_cookie = normalise_locale(request.cookies.get(LOCALE_COOKIE))
    if from_cookie:
        return from_cookie
    for part in request.headers.get("accept-language", "").split(","):
        if found := normalise_locale(part.split(";")[0]):
            return found
    return get_settings().default_locale


# Scripts only from our own files (no inline script, no event-handler attributes, no eval);
# no page of ours may be framed. Inline styles stay for the bars' widths.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'none'"
)


class LocaleAndSecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        current_locale.set(_choose_locale(request))
        response = await call_next(request)
        if not request.url.path.startswith("/static/"):
            # Pages carry personal data: never kept by the browser (Back after log-out) or proxies.
            response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        if request.url.scheme == "https" or get_settings().secure_cookies:
            response.headers.setdefault("Strict-Transport-Security",
                                        "max-age=31536000; includeSubDomains")
        return response


class UploadLimit:
    """Refuse request bodies over the batch limit before anything is parsed or stored."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            return await _too_large(send)
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise PayloadTooLarge("The upload is larger than allowed.")
            return message

        return await self.app(scope, limited_receive, send)


class NoNullCharacters:
    """Refuse an address whose query holds a null character (`%00`) before any route reads it:
    PostgreSQL cannot store or compare one, so it would otherwise end as a server error."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and b"%00" in (scope.get("query_string") or b""):
            body = (b'{"error":"invalid_input","message":"The address holds a null character.",'
                    b'"detail":{"problems":[{"field":"query","message":"null character"}]}}')
            await send({"type": "http.response.start", "status": 422,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return None
        return await self.app(scope, receive, send)


async def _too_large(send: Send) -> None:
    body = b'{"error":"payload_too_large","message":"The upload is larger than allowed."}'
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})


def handle_domain_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, DomainError)
    if isinstance(error, Unauthenticated) and not wants_json(request):
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    message = gettext(error.message)
    if wants_json(request):
        return JSONResponse(
            {"error": error.code, "message": message, "detail": error.detail},
            status_code=error.status_code,
        )
    if isinstance(error, Forbidden):
        return render(request, "error.html", status_code=403, title=gettext("No access"),
                      message=message, code=403, why=_refusal_reason(request, error))
    title = gettext("Not found") if isinstance(error, NotFound) else gettext("Something went wrong")
    return render(request, "error.html", status_code=error.status_code,
                  title=title, message=message, code=error.status_code)


def _refusal_reason(request: Request, error: Forbidden) -> str:
    """Why a page is refused, in words: the user's role and the roles that may use it."""
    user = getattr(request.state, "user", None)
    permission = error.permission
    may = sorted(PERMISSIONS.get(permission, frozenset()))
    if user is None or not may:
        return ""
    if user.role in may:
        return gettext("Your role may use this kind of page, but not this item: it belongs to "
                       "someone else's work.")
    return gettext("Your role ({role}) may not use this page; it is for: {roles}.",
                   role=gettext(user.role), roles=", ".join(gettext(r) for r in may))


def handle_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if wants_json(request):
        return JSONResponse({"error": "http_error", "message": error.detail},
                            status_code=error.status_code)
    if error.status_code == 404:
        title, message = gettext("Page not found"), gettext("This page does not exist.")
    elif error.status_code == 405:
        title, message = gettext("Error"), gettext("This page cannot be used this way.")
    else:
        title, message = gettext("Error"), gettext(str(error.detail))
    return render(request, "error.html", status_code=error.status_code, title=title,
                  message=message, code=error.status_code)


# Pydantic's problem types in words people read; anything else gets a general sentence.
VALIDATION_MESSAGES = {
    "missing": N_("this field is required"),
    "float_parsing": N_("enter a number, for example 0,5"),
    "float_type": N_("enter a number, for example 0,5"),
    "int_parsing": N_("enter a whole number"),
    "int_type": N_("enter a whole number"),
    "int_from_float": N_("enter a whole number"),
    "bool_parsing": N_("choose yes or no"),
    "string_too_long": N_("the text is too long"),
    "string_too_short": N_("the text is too short"),
    "greater_than_equal": N_("the number is too small"),
    "greater_than": N_("the number is too small"),
    "less_than_equal": N_("the number is too large"),
    "less_than": N_("the number is too large"),
    "literal_error": N_("choose one of the options"),
    "enum": N_("choose one of the options"),
    "date_parsing": N_("enter a date as yyyy-mm-dd"),
    "date_from_datetime_parsing": N_("enter a date as yyyy-mm-dd"),
    "list_type": N_("choose one or more options"),
}


def _problem(error: Any) -> str:
    if error["type"] == "value_error":  # our own validators' sentences, from the catalogue
        return gettext(str(error["msg"]).removeprefix("Value error, "))
    return gettext(VALIDATION_MESSAGES.get(error["type"], N_("this value is not valid")))


def handle_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [{"field": ".".join(str(p) for p in e["loc"][1:]), "message": _problem(e)}
                for e in error.errors()]
    if wants_json(request):
        return JSONResponse({"error": "invalid_input", "message": gettext("Invalid input"),
                             "detail": {"problems": problems}}, status_code=422)
    message = "; ".join(
        gettext("{field}: {problem}", field=p["field"], problem=p["message"]) if p["field"]
        else p["message"] for p in problems)
    return render(request, "error.html", status_code=422, title=gettext("Invalid input"),
                  message=message, code=422)


class ErrorOut(BaseModel):
    """What every refused or failed API request answers (see `handle_domain_error`)."""

    error: str
    message: str
    detail: dict[str, Any] = {}


ERROR_RESPONSES = {
    "401": "Not logged in, or the API token is invalid.",
    "403": "Not allowed.",
    "404": "Not found.",
    "409": "In conflict with the current state.",
    "413": "The upload is larger than allowed.",
    "422": "Invalid input.",
    "429": "Too many requests.",
}


def _openapi_with_errors(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """The document says what errors look like: our one envelope, on every operation."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version, routes=app.routes)
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            schemas["ErrorOut"] = ErrorOut.model_json_schema()
            for schema_name in ("HTTPValidationError", "ValidationError"):
                schemas.pop(schema_name, None)
            reference = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}
            for operations in document.get("paths", {}).values():
                for operation in operations.values():
                    responses = operation.setdefault("responses", {})
                    for status, description in ERROR_RESPONSES.items():
                        responses[status] = {"description": description, "content": reference}
            app.openapi_schema = document
        return app.openapi_schema

    return openapi


def create_app() -> FastAPI:
    settings = get_settings()
    app = FastAPI(
        title="Searchlight", version="0.1.0", docs_url="/api/docs",
        openapi_url="/api/openapi.json", redoc_url=None,
        dependencies=[Depends(ids_in_range), Depends(csrf_protect), Depends(rate_limit)],
    )
    app.openapi = _openapi_with_errors(app)  # type: ignore[method-assign]
    app.add_middleware(LocaleAndSecurityHeaders)
    app.add_middleware(UploadLimit, max_bytes=settings.max_batch_upload_bytes)
    app.add_middleware(NoNullCharacters)
    app.add_exception_handler(DomainError, handle_domain_error)
    app.add_exception_handler(StarletteHTTPException, handle_http_error)
    app.add_exception_handler(RequestValidationError, handle_validation_error)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    for domain in DOMAINS:
        app.include_router(importlib.import_module(f"searchlight.{domain}.views").router)
    return app
