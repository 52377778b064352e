"""Home panels: each domain registers the panels of its own work; the start page shows a user the
panels their role may see.

    from searchlight.home import panels
    panels.register(panels.Panel(key="crm.pools", template="crm/_home_pools.html",
                                 context=pools_panel, permission="candidates:read", order=40))

`context(db_session=..., user=...)` returns the template's variables, or None to hide the panel
(for example when there is nothing to show and no next step). A `fallback` panel shows only when
no other panel is visible to the user (the "what is coming" panel)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from searchlight.auth.access import allowed
from searchlight.auth.models import User

PanelContext = Callable[..., dict[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: PanelContext
    permission: str | None = None
    roles: frozenset[str] | None = None
    order: int = 100
    fallback: bool = False

    def visible_to(self, user: User) -> bool:
        if not user.is_active:
            return False
        if self.permission is not None and not allowed(user, self.permission):
            return False
        return self.roles is None or user.role in self.roles


@dataclass(frozen=True)
class Shown:
    panel: Panel
    values: dict[str, Any]


_panels: dict[str, Panel] = {}


def register(panel: Panel) -> Panel:
    """Add (or replace, by key) a panel; safe to call again on re-import."""
    _panels[panel.key] = panel
    return panel


def registered() -> list[Panel]:
    return sorted(_panels.values(), key=lambda p: (p.order, p.key))


def panels_for(*, db_session: Session, user: User) -> list[Shown]:
    """The panels `user` sees, with their values; a read, it never writes."""
    shown: list[Shown] = []
    for panel in registered():
        if panel.fallback or not panel.visible_to(user):
            continue
        values = panel.context(db_session=db_session, user=user)
        if values is not None:
            shown.append(Shown(panel, values))
    if not shown:
        for panel in registered():
            if panel.fallback and panel.visible_to(user):
                values = panel.context(db_session=db_session, user=user)
                if values is not None:
                    shown.append(Shown(panel, values))
    return shown
