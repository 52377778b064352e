import secrets
from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from searchlight.auth import service
from searchlight.deps import (
    LOCALE_COOKIE,
    SESSION_COOKIE,
    CurrentUser,
    DbSession,
    OptionalUser,
    SettingsDep,
)
from searchlight.errors import Forbidden
from searchlight.governance import audit
from searchlight.governance.events import AuditEvent
from searchlight.i18n import current_locale, gettext, normalise_locale
from searchlight.web import render

router = APIRouter(tags=["auth"])
LOGIN_CSRF_COOKIE = "searchlight_login_csrf"
ONE_YEAR = 365 * 24 * 3600


def _safe_next(target: str | None) -> str:
    """Only same-site paths, so the log-in form cannot be used as an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    return urlparse(target).path or "/"


@router.get("/login", include_in_schema=False)
def login_page(request: Request, user: OptionalUser, next: str = "/") -> Response:
    if user is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    token = secrets.token_urlsafe(32)
    response = render(request, "auth/login.html", login_csrf=token, next=_safe_next(next))
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


@router.post("/login", include_in_schema=False)
def login(
    request: Request, db: DbSession, settings: SettingsDep,
    email: Annotated[str, Form()], password: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()], next: Annotated[str, Form()] = "/",
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE)
    if not expected or not secrets.compare_digest(expected, csrf_token):
        raise Forbidden("The form has expired; reload the page and try again.", permission="csrf")
    user = service.authenticate(db_session=db, email=email, password=password)
    if user is None:
        return render(request, "auth/login.html", status_code=401, login_csrf=expected,
                      next=_safe_next(next), email=email,
                      error=gettext("E-mail or password is not correct."))
    chosen = normalise_locale(request.cookies.get(LOCALE_COOKIE))
    if chosen and chosen != user.locale:  # the language picked on the log-in page is kept
        service.set_locale(db_session=db, user=user, locale=chosen)
    token, _session = service.start_session(db_session=db, user=user)
    audit.record(db_session=db, actor=user, event=AuditEvent("user.login", "user", user.id))
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(
        SESSION_COOKIE, token, httponly=True, secure=settings.secure_cookies, samesite="lax",
        max_age=settings.session_absolute_hours * 3600,
    )
    response.set_cookie(LOCALE_COOKIE, user.locale, max_age=ONE_YEAR, samesite="lax")
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout", include_in_schema=False)
def logout(request: Request, db: DbSession, user: CurrentUser) -> Response:
    service.end_session(db_session=db, token=request.cookies.get(SESSION_COOKIE, ""))
    audit.record(db_session=db, actor=user, event=AuditEvent("user.logout", "user", user.id))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.post("/locale", include_in_schema=False)
def switch_locale(
    request: Request, db: DbSession, user: OptionalUser,
    locale: Annotated[str, Form()], next: Annotated[str, Form()] = "/",
) -> Response:
    """Open to anonymous visitors too (the log-in page has the switch); remembered per user."""
    chosen = normalise_locale(locale) or current_locale.get()
    if user is not None:
        service.set_locale(db_session=db, user=user, locale=chosen)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(LOCALE_COOKIE, chosen, max_age=ONE_YEAR, samesite="lax")
    return response

