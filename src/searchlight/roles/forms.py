"""The role edit form: flat HTML field names to a profile and back. Pure functions, so adding
and removing item rows works the same with HTMX and with plain form posts.

Field names: `title_nl`, `skills.weight`, `skills.interviewer_notes_en`,
`skills.items.0.text_nl`, `skills.items.0.must_have`, `skills.items.0.skills` (comma-separated
skill keys or names), `skills.items.0.min_years`. The submit button's `action` is `save`,
`add:<dimension>` or `remove:<dimension>:<index>`."""

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from searchlight.i18n import _, decimal
from searchlight.roles.schemas import DIMENSION_KEYS, RoleProfile

TOP_FIELDS = ("key", "title_nl", "title_en", "jtbd_nl", "jtbd_en")
DIMENSION_FIELDS = ("weight", "interviewer_notes_nl", "interviewer_notes_en")
ITEM_FIELDS = ("text_nl", "text_en", "must_have", "skills", "min_years")
_ITEM_NAME = re.compile(r"^(?P<dim>[a-z]+)\.items\.(?P<index>\d+)\.(?P<field>[a-z_]+)$")


def blank_item() -> dict[str, Any]:
    return {"text_nl": "", "text_en": "", "must_have": False, "skills": "", "min_years": ""}


def weight_text(share: float) -> str:
    """A weight as a percentage the way the reader writes numbers: 30, 16,7 (Dutch), 16.7."""
    text = decimal(share, 1)
    return text[:-2] if text.endswith((",0", ".0")) else text


def parse_weight(text: str) -> str:
    """A typed percentage ("30", "16,7", "30 %") as a number string; other text is left for
    validation to refuse."""
    return text.replace("%", "").strip().replace(",", ".")


def keep_unchanged_weights(data: dict[str, Any], stored: Mapping[str, Any]) -> bool:
    """The form shows weights as rounded percentages; when the typed ones are those same shares,
    keep the stored weights, so saving without touching them changes nothing. True if kept."""
    def shares(weights: list[float]) -> list[float]:
        total = sum(weights)
        return [w / total * 100 for w in weights] if total else weights

    try:
        typed = [float(d["weight"]) for d in data["dimensions"]]
    except (TypeError, ValueError):
        return False
    old = {d["key"]: float(d.get("weight", 0) or 0) for d in stored["dimensions"]}
    kept = [old.get(d["key"], -1.0) for d in data["dimensions"]]
    if -1.0 in kept or sum(typed) == 0:
        return False
    if not all(abs(a - b) < 0.06 for a, b in zip(shares(typed), shares(kept), strict=True)):
        return False
    for dimension, weight in zip(data["dimensions"], kept, strict=True):
        dimension["weight"] = weight
    return True


def profile_to_form(profile: Mapping[str, Any]) -> dict[str, Any]:
    """A stored profile as form state: skills as one comma-separated text field per item, and
    each weight as its percentage of the total (weights are relative; the form uses percent)."""
    state = {k: profile.get(k, "") for k in TOP_FIELDS}
    total = sum(float(d.get("weight", 0) or 0) for d in profile["dimensions"])
    state["dimensions"] = [{
        "key": d["key"],
        "weight": weight_text(float(d.get("weight", 0) or 0) / total * 100) if total else "0",
        "items": [{
            "text_nl": i["text_nl"], "text_en": i["text_en"], "must_have": i.get("must_have"),
            "skills": ", ".join(i.get("skills", [])), "min_years": i.get("min_years") or "",
        } for i in d.get("items", [])],
        **{f: d.get(f, "") for f in DIMENSION_FIELDS[1:]},
    } for d in profile["dimensions"]]
    return state


def _items_from_form(form: Mapping[str, Any], dimension: str) -> list[dict[str, Any]]:
    rows: dict[int, dict[str, Any]] = {}
    for name, value in form.items():
        match = _ITEM_NAME.match(name)
        if match and match["dim"] == dimension and match["field"] in ITEM_FIELDS:
            rows.setdefault(int(match["index"]), blank_item())[match["field"]] = value
    for row in rows.values():
        row["must_have"] = row["must_have"] in ("on", "true", "1", True)
    return [rows[i] for i in sorted(rows)]


def form_to_state(form: Mapping[str, Any]) -> dict[str, Any]:
    state: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in TOP_FIELDS}
    state["dimensions"] = [{
        "key": key, "items": _items_from_form(form, key),
        **{f: str(form.get(f"{key}.{f}", "")).strip() for f in DIMENSION_FIELDS},
    } for key in DIMENSION_KEYS]
    return state


def apply_action(state: dict[str, Any], action: str) -> str | None:
    """Add or remove an item row in place; returns the field to focus next, or None."""
    verb, _, rest = action.partition(":")
    dimension, _, index = rest.partition(":")
    if dimension not in DIMENSION_KEYS:
        return None
    items = next(d for d in state["dimensions"] if d["key"] == dimension)["items"]
    if verb == "add":
        items.append(blank_item())
        return f"{dimension}.items.{len(items) - 1}.text_nl"
    if verb == "remove" and index.isdigit() and int(index) < len(items):
        del items[int(index)]
        return f"{dimension}.add"
    return None


def _is_blank(item: Mapping[str, Any]) -> bool:
    return not any(str(item.get(f) or "").strip() for f in ("text_nl", "text_en", "skills"))


def split_refs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def state_to_data(state: Mapping[str, Any], skill_keys: Mapping[str, list[str]]) -> dict[str, Any]:
    """Form state to profile data; `skill_keys` maps an item's field name to resolved keys.
    Rows left completely empty are dropped rather than reported."""
    data: dict[str, Any] = {k: state[k] for k in TOP_FIELDS}
    data["dimensions"] = []
    for dimension in state["dimensions"]:
        key = dimension["key"]
        items = [{
            "text_nl": item["text_nl"], "text_en": item["text_en"],
            "must_have": item["must_have"],
            "skills": skill_keys.get(f"{key}.items.{index}.skills", []),
            "min_years": item["min_years"] or None,
        } for index, item in enumerate(dimension["items"]) if not _is_blank(item)]
        data["dimensions"].append({
            "key": key, "weight": parse_weight(dimension["weight"]) or "0", "items": items,
            "interviewer_notes_nl": dimension["interviewer_notes_nl"],
            "interviewer_notes_en": dimension["interviewer_notes_en"],
        })
    return data


def _field_name(state: Mapping[str, Any], loc: tuple[int | str, ...]) -> str:
    """Map a validation error location back to the form field that caused it."""
    if len(loc) >= 2 and loc[0] == "dimensions" and isinstance(loc[1], int):
        dimension = DIMENSION_KEYS[loc[1]]
        if len(loc) >= 5 and loc[2] == "items" and isinstance(loc[3], int):
            kept = [i for i, item in enumerate(
                state["dimensions"][loc[1]]["items"]) if not _is_blank(item)]
            index = kept[loc[3]] if loc[3] < len(kept) else loc[3]
            return f"{dimension}.items.{index}.{loc[4]}"
        return f"{dimension}.{loc[2]}" if len(loc) > 2 else dimension
    return str(loc[0]) if loc else "form"


def validate(state: Mapping[str, Any], data: Mapping[str, Any]) -> tuple[
    RoleProfile | None, dict[str, str]
]:
    """The profile, or the errors per form field name."""
    try:
        return RoleProfile.model_validate(data), {}
    except ValidationError as error:
        errors: dict[str, str] = {}
        for issue in error.errors():
            field = _field_name(state, issue["loc"])
            errors.setdefault(field, _message(issue["type"], issue["msg"]))
        return None, errors


def _message(kind: str, fallback: str) -> str:
    """Plain-language messages for the mistakes people make in this form."""
    messages = {
        "missing": _("Fill this in."),
        "string_too_short": _("Fill this in."),
        "string_too_long": _("This text is too long."),
        "string_pattern_mismatch": _(
            "Use 2 to 80 lower-case letters, digits and hyphens, starting with a letter or digit."),
        "greater_than_equal": _("Use 0 or more."),
        "less_than_equal": _("This number is too large."),
        "float_parsing": _("Enter a number."),
        "int_parsing": _("Enter a whole number."),
    }
    return messages.get(kind, fallback)
