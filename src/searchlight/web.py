"""One way to render: full pages, or just the partial for HTMX requests."""

from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from searchlight.i18n import (
    LOCALES,
    current_locale,
    decimal,
    gettext,
    language_name,
    ngettext,
    percent,
)
from searchlight.navigation import navigation

PACKAGE_DIR = Path(__file__).parent


def _template_dirs() -> list[Path]:
    domain_dirs = sorted(p for p in PACKAGE_DIR.glob("*/templates") if p.is_dir())
    return [PACKAGE_DIR / "templates", *domain_dirs]


def format_datetime(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def _build_environment() -> Environment:
    environment = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in _template_dirs()]),
        autoescape=select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(_=gettext, gettext=gettext, ngettext=ngettext, locales=LOCALES,
                               navigation=navigation, language_name=language_name,
                               percent=percent)
    environment.filters["datetime"] = format_datetime
    environment.filters["decimal"] = decimal
    environment.filters["percent"] = percent
    return environment


templates = _build_environment()


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def render(
    request: Request,
    template: str,
    *,
    partial: str | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render `template`, or only `partial` when HTMX asks for a fragment."""
    name = partial if partial and is_htmx(request) else template
    context.setdefault("current_user", getattr(request.state, "user", None))
    context.setdefault("csrf_token", getattr(request.state, "csrf_token", ""))
    context.setdefault("locale", current_locale.get())
    html = templates.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)
