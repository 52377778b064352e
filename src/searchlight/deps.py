"""Dependency aliases: views read as plain signatures (`db: DbSession, user: CurrentUser`)."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from searchlight.auth import service as auth_service
from searchlight.auth.models import User
from searchlight.config import Settings, get_settings
from searchlight.db import open_session
from searchlight.errors import Forbidden, NotFound, Unauthenticated
from searchlight.governance import audit, events
from searchlight.i18n import N_

SESSION_COOKIE = "searchlight_session"
LOCALE_COOKIE = "searchlight_locale"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def get_db(request: Request) -> Iterator[Session]:
    """The request owns the transaction: commit when the view succeeds, roll back when it fails.
    A refused action leaves one trace, the audit entry of the refusal. A form post is there to
    write (see `open_session`)."""
    db_session = open_session(writes=request.method in UNSAFE_METHODS)
    try:
        yield db_session
        db_session.commit()
    except BaseException as error:
        db_session.rollback()
        _reload_user(db_session, request)
        if isinstance(error, Forbidden):
            _record_refusal(db_session, request, error)
        raise
    finally:
        db_session.close()


def _reload_user(db_session: Session, request: Request) -> None:
    """The rollback expired the user; the error page still shows who is logged in."""
    user = getattr(request.state, "user", None)
    if user is not None and user in db_session:
        db_session.refresh(user)


def _record_refusal(db_session: Session, request: Request, refusal: Forbidden) -> None:
    user = getattr(request.state, "user", None)
    event = events.access_denied(
        refusal.permission, refusal.target, request.method, request.url.path
    )
    audit.record(db_session=db_session, actor=user, event=event)
    db_session.commit()
    if user is not None:
        db_session.refresh(user)


async def _read_form(request: Request) -> FormData:
    """Read in the event loop, so the (synchronous) view itself runs in the thread pool."""
    return await request.form()


# A view that posts a form takes it as `form: PostedForm` and is a plain `def`: the database
# is then only ever used from the thread pool. An `async def` view that queries would block the
# event loop, and on SQLite wait there for the write lock held by a request that needs the
# loop to commit.
PostedForm = Annotated[FormData, Depends(_read_form)]


# "function" scope: the commit happens before the response leaves, so a redirect never
# arrives ahead of the data it points to and a failed commit is never reported as success.
DbSession = Annotated[Session, Depends(get_db, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def _bearer_token(request: Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def optional_user(request: Request, db: DbSession, settings: SettingsDep) -> User | None:
    if token := _bearer_token(request):
        user = auth_service.resolve_api_token(db_session=db, token=token)
        if user is None:
            raise Unauthenticated("The API token is invalid or revoked.")
        request.state.auth_method = "token"
    elif cookie := request.cookies.get(SESSION_COOKIE):
        record = auth_service.resolve_session(db_session=db, token=cookie, settings=settings)
        user = record.user if record else None
        request.state.csrf_token = record.csrf_token if record else ""
        request.state.auth_method = "session"
    else:
        user = None
    if db.dirty:
        # The touch (last seen, last used) is kept at once, like a rate-limit hit: left
        # pending, it would keep a form post's SQLite write lock through a model call later
        # in the request (see db.end_unwritten_transaction).
        db.commit()
    request.state.user = user
    return user


def current_user(user: Annotated[User | None, Depends(optional_user)]) -> User:
    if user is None:
        raise Unauthenticated("Please log in.")
    return user


CurrentUser = Annotated[User, Depends(current_user)]
OptionalUser = Annotated[User | None, Depends(optional_user)]


async def csrf_protect(request: Request, user: OptionalUser) -> None:
    """Cookie-authenticated unsafe requests must echo the session's CSRF token (form field or
    X-CSRF-Token header, which HTMX sends). API tokens are not sent by browsers, so exempt;
    without a user there is no one to act as (the log-in form has its own token).
    Attached once, to the whole app, in `main.create_app`."""
    if request.method not in UNSAFE_METHODS or user is None or request.state.auth_method == "token":
        return
    sent = request.headers.get("X-CSRF-Token")
    if not sent:
        form = await request.form()
        value = form.get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not sent or sent != request.state.csrf_token:
        raise Forbidden("The form has expired; reload the page and try again.", permission="csrf")


MAX_ID = 2**31 - 1  # the largest id an integer column holds on every database we run on


def ids_in_range(request: Request) -> None:
    """An id in a path that no table can hold names nothing: 404, before the database sees
    a number it cannot bind. Attached once, to the whole app, in `main.create_app`."""
    for name, value in request.path_params.items():
        if not (name.endswith("_id") or name == "number"):
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            continue
        if abs(number) > MAX_ID:
            raise NotFound(N_("This item does not exist."))
