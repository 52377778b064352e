"""What changed between two versions of a role profile. Pure: no database, no request."""

from dataclasses import dataclass
from typing import Literal

from searchlight.roles.schemas import Dimension, ProfileItem, RoleProfile

ChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Change:
    """One difference. `area` is "role" or a dimension key; `item` is set for item changes."""

    area: str
    field: str
    kind: ChangeKind
    old: str = ""
    new: str = ""
    old_item: ProfileItem | None = None
    new_item: ProfileItem | None = None


ROLE_FIELDS = ("title_nl", "title_en", "jtbd_nl", "jtbd_en")
DIMENSION_FIELDS = ("interviewer_notes_nl", "interviewer_notes_en")


def _text_change(area: str, field: str, old: str, new: str) -> list[Change]:
    return [] if old == new else [Change(area, field, "changed", old, new)]


def _pair_items(
    old: list[ProfileItem], new: list[ProfileItem]
) -> tuple[list[tuple[ProfileItem, ProfileItem]], list[ProfileItem], list[ProfileItem]]:
    """Match items that kept their Dutch or English text; the rest were added or removed."""
    unmatched_new = list(new)
    pairs: list[tuple[ProfileItem, ProfileItem]] = []
    removed: list[ProfileItem] = []
    for item in old:
        match = next((n for n in unmatched_new if n == item), None) or next(
            (n for n in unmatched_new if item.text_nl == n.text_nl or item.text_en == n.text_en),
            None)
        if match is None:
            removed.append(item)
        else:
            unmatched_new.remove(match)
            pairs.append((item, match))
    return pairs, removed, unmatched_new


def _dimension_changes(old: Dimension, new: Dimension) -> list[Change]:
    changes: list[Change] = []
    if old.weight != new.weight:
        changes.append(Change(old.key, "weight", "changed", f"{old.weight:g}", f"{new.weight:g}"))
    for field in DIMENSION_FIELDS:
        changes += _text_change(old.key, field, getattr(old, field), getattr(new, field))
    pairs, removed, added = _pair_items(old.items, new.items)
    changes += [Change(old.key, "item", "removed", old_item=i) for i in removed]
    changes += [Change(old.key, "item", "changed", old_item=a, new_item=b)
                for a, b in pairs if a != b]
    changes += [Change(old.key, "item", "added", new_item=i) for i in added]
    return changes


def diff_profiles(old: RoleProfile, new: RoleProfile) -> list[Change]:
    changes: list[Change] = []
    for field in ROLE_FIELDS:
        changes += _text_change("role", field, getattr(old, field), getattr(new, field))
    for old_dimension in old.dimensions:
        changes += _dimension_changes(old_dimension, new.dimension(old_dimension.key))
    return changes
