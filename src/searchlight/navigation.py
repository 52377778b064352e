"""The main menu: a registry of entries that each domain adds to from its views module, so a
user sees exactly the pages their role may open.

    from searchlight import navigation
    navigation.register(navigation.Entry(path="/roles", label="Roles", permission="roles:read",
                                         order=10))

`label` is the English message id; it is translated when the menu is drawn."""

from dataclasses import dataclass

from searchlight.auth.access import allowed
from searchlight.auth.models import User


@dataclass(frozen=True)
class Entry:
    path: str
    label: str
    permission: str | None = None
    roles: frozenset[str] | None = None
    order: int = 100
    match: str | None = None  # path prefix marked as the current page; defaults to `path`

    def visible_to(self, user: User) -> bool:
        if not user.is_active:
            return False
        if self.permission is not None and not allowed(user, self.permission):
            return False
        return self.roles is None or user.role in self.roles

    def is_current(self, path: str) -> bool:
        prefix = self.match or self.path
        return path == prefix or path.startswith(prefix.rstrip("/") + "/")


_entries: dict[str, Entry] = {}


def register(entry: Entry) -> Entry:
    """Add (or replace, by path) a menu entry; safe to call again on re-import."""
    _entries[entry.path] = entry
    return entry


def entries() -> list[Entry]:
    return sorted(_entries.values(), key=lambda e: (e.order, e.path))


def navigation(user: User | None) -> list[Entry]:
    """The entries `user` may use, in menu order; nothing for anonymous visitors."""
    if user is None:
        return []
    return [entry for entry in entries() if entry.visible_to(user)]
