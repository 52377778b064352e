"""The app's route table, flattened: the security tests are generated from it, so that a route
added later is checked (or makes a test fail until someone says how to check it)."""

import re
from collections.abc import Iterator
from typing import Any

from fastapi.routing import APIRoute

PARAM = re.compile(r"\{([a-z_]+)(?::[a-z]+)?\}")


def api_routes(app: Any) -> Iterator[APIRoute]:
    def walk(routes: Any) -> Iterator[APIRoute]:
        for route in routes:
            nested = getattr(route, "original_router", None)  # an included router
            if nested is not None:
                yield from walk(nested.routes)
            elif isinstance(route, APIRoute):
                yield route

    yield from walk(app.routes)


def path_params(path: str) -> list[str]:
    return PARAM.findall(path)


def fill(path: str, values: dict[str, Any]) -> str:
    return PARAM.sub(lambda match: str(values[match.group(1)]), path)
