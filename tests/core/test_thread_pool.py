"""No view or dependency uses the database on the event loop: an `async def` that queries blocks
every other request, and on SQLite it can wait there for the write lock held by a request that
needs the loop to commit. Async functions only read the request (`deps.PostedForm`)."""

import inspect
from collections.abc import Iterator

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from searchlight.deps import get_db
from tests.core.routes import api_routes


def _async_users_of_the_database(dependant: Dependant, path: str) -> Iterator[str]:
    call = dependant.call
    if call is not None and inspect.iscoroutinefunction(call) and any(
            sub.call is get_db for sub in dependant.dependencies):
        yield f"{path}: {call.__module__}.{call.__qualname__}"
    for sub in dependant.dependencies:
        yield from _async_users_of_the_database(sub, path)


def test_it_keeps_every_database_use_in_the_thread_pool(app):
    routes = list(api_routes(app))
    assert len(routes) > 100  # the whole app, its form posts among them
    offenders = sorted({offender for route in routes
                        for offender in _async_users_of_the_database(route.dependant,
                                                                     route.path)})
    assert offenders == []


def test_it_would_name_an_async_view_that_queries(app):
    from fastapi import FastAPI

    from searchlight.deps import DbSession

    probe = FastAPI()

    @probe.post("/probe")
    async def probe_view(db: DbSession) -> None:
        return None

    route = next(r for r in probe.routes if isinstance(r, APIRoute))
    assert list(_async_users_of_the_database(route.dependant, route.path)) == [
        f"/probe: {__name__}.test_it_would_name_an_async_view_that_queries.<locals>.probe_view"]
