"""The challenge form: flat HTML field names to a challenge document and back. Pure functions,
so adding and removing rows works the same with and without JavaScript.

Field names follow the document's paths, so a validation error's location is its field name:
`title`, `time_limit_minutes`, `questions.0.text`, `questions.0.items.1.dimension`,
`questions.0.items.1.levels.2.description`. Lists of answers (reference answers, anchor answers
of a level) are one text field each, the answers separated by a line with only `---`. The
submit button's `action` is `save`, `add-question`, `remove-question:Q`, `add-item:Q`,
`remove-item:Q:I`, `add-level:Q:I` or `remove-level:Q:I:L`."""

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from searchlight.assessments.schemas import Challenge
from searchlight.i18n import _

SEPARATOR = "---"
_SPLIT = re.compile(r"^\s*---\s*$", re.MULTILINE)
_INDEXED = re.compile(r"^questions\.(\d+)\.(?:(text|key)|items\.(\d+)\.(?:(key|dimension|weight|"
                      r"reference_answers)|levels\.(\d+)\.(level|description|examples)))$")
DEFAULT_LEVELS = (0, 1, 2, 3)


def split_answers(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text) if part.strip()]


def join_answers(answers: list[str]) -> str:
    return f"\n{SEPARATOR}\n".join(answers)


def blank_level(level: int | str = "") -> dict[str, Any]:
    return {"level": str(level), "description": "", "examples": ""}


def blank_item(number: int = 1) -> dict[str, Any]:
    return {"key": f"item-{number}", "dimension": "", "weight": "1", "reference_answers": "",
            "levels": [blank_level(level) for level in DEFAULT_LEVELS]}


def blank_question(key: str) -> dict[str, Any]:
    return {"key": key, "text": "", "items": [blank_item()]}


def empty_state(*, language: str = "nl", role_keys: list[str] | None = None) -> dict[str, Any]:
    return {"key": "", "title": "", "language": language, "role_keys": role_keys or [],
            "instructions": "", "time_limit_minutes": "", "hand_in": ["text"],
            "questions": [blank_question("1")]}


def _number(value: float) -> str:
    return f"{value:g}"


def document_to_state(challenge: Challenge) -> dict[str, Any]:
    return {
        "key": challenge.key, "title": challenge.title, "language": challenge.language,
        "role_keys": list(challenge.role_keys), "instructions": challenge.instructions,
        "time_limit_minutes": str(challenge.time_limit_minutes or ""),
        "hand_in": list(challenge.hand_in),
        "questions": [{
            "key": question.key, "text": question.text,
            "items": [{
                "key": item.key, "dimension": item.dimension, "weight": _number(item.weight),
                "reference_answers": join_answers(item.reference_answers),
                "levels": [{"level": str(level.level), "description": level.description,
                            "examples": join_answers(level.examples)} for level in item.levels],
            } for item in question.items],
        } for question in challenge.questions],
    }


def form_to_state(form: Any) -> dict[str, Any]:
    """`form` is a Starlette FormData (or any mapping with getlist)."""
    def text(name: str) -> str:
        return str(form.get(name, "")).strip()

    state: dict[str, Any] = {name: text(name) for name in (
        "key", "title", "language", "instructions", "time_limit_minutes")}
    state["role_keys"] = [str(v) for v in form.getlist("role_keys") if str(v)]
    state["hand_in"] = [str(v) for v in form.getlist("hand_in") if str(v)]
    questions: dict[int, dict[str, Any]] = {}
    for name, value in form.multi_items():
        match = _INDEXED.match(str(name))
        if not match or not isinstance(value, str):
            continue
        q = questions.setdefault(int(match[1]), {"key": "", "text": "", "items": {}})
        if match[2]:
            q[match[2]] = value.strip()
            continue
        item = q["items"].setdefault(int(match[3]), {**blank_item(), "levels": {}})
        if match[4]:
            item[match[4]] = value.strip()
        else:
            item["levels"].setdefault(int(match[5]), blank_level())[match[6]] = value.strip()
    state["questions"] = [
        {**q, "items": [{**item, "levels": [item["levels"][n] for n in sorted(item["levels"])]}
                        for _n, item in sorted(q["items"].items())]}
        for _n, q in sorted(questions.items())]
    return state


def drop_blank_levels(state: dict[str, Any]) -> None:
    """Level rows left completely empty are dropped, not reported."""
    for question in state["questions"]:
        for item in question["items"]:
            item["levels"] = [level for level in item["levels"]
                              if any(str(level[f]).strip() for f in level)]


def _free_question_key(state: Mapping[str, Any]) -> str:
    taken = {q["key"] for q in state["questions"]}
    number = len(state["questions"]) + 1
    while str(number) in taken:
        number += 1
    return str(number)


def apply_action(state: dict[str, Any], action: str) -> str | None:
    """Add or remove a row in place; returns the field to focus next, or None."""
    verb, _sep, rest = action.partition(":")
    parts = [int(p) for p in rest.split(":") if p.isdigit()] if rest else []
    questions = state["questions"]
    try:
        if verb == "add-question":
            questions.append(blank_question(_free_question_key(state)))
            return f"questions.{len(questions) - 1}.text"
        if verb == "remove-question" and len(parts) == 1:
            del questions[parts[0]]
            return "add-question"
        if verb == "add-item" and len(parts) == 1:
            items = questions[parts[0]]["items"]
            items.append(blank_item(len(items) + 1))
            return f"questions.{parts[0]}.items.{len(items) - 1}.key"
        if verb == "remove-item" and len(parts) == 2:
            del questions[parts[0]]["items"][parts[1]]
            return f"add-item-{parts[0]}"
        if verb == "add-level" and len(parts) == 2:
            levels = questions[parts[0]]["items"][parts[1]]["levels"]
            numbers = [int(lv["level"]) for lv in levels if str(lv["level"]).isdigit()]
            levels.append(blank_level(max(numbers, default=-1) + 1))
            return f"questions.{parts[0]}.items.{parts[1]}.levels.{len(levels) - 1}.description"
        if verb == "remove-level" and len(parts) == 3:
            del questions[parts[0]]["items"][parts[1]]["levels"][parts[2]]
            return f"add-level-{parts[0]}-{parts[1]}"
    except IndexError:
        return None
    return None


def state_to_data(state: Mapping[str, Any]) -> dict[str, Any]:
    """Form state to the document shape; empty optional numbers are left out so their
    defaults apply, and anything else goes to validation as typed."""
    data: dict[str, Any] = {k: state[k] for k in ("key", "title", "language", "role_keys",
                                                  "instructions", "hand_in")}
    if state["time_limit_minutes"]:
        data["time_limit_minutes"] = state["time_limit_minutes"]
    data["questions"] = []
    for question in state["questions"]:
        items = []
        for item in question["items"]:
            row: dict[str, Any] = {
                "key": item["key"], "dimension": item["dimension"],
                "reference_answers": split_answers(item["reference_answers"]),
                "levels": [{"level": level["level"], "description": level["description"],
                            "examples": split_answers(level["examples"])}
                           for level in item["levels"]]}
            if item["weight"]:
                row["weight"] = item["weight"].replace(",", ".")
            items.append(row)
        data["questions"].append({"key": question["key"], "text": question["text"],
                                  "items": items})
    return data


def validate(data: Mapping[str, Any]) -> tuple[Challenge | None, dict[str, str]]:
    """The challenge, or plain-language errors per form field name."""
    try:
        return Challenge.model_validate(data), {}
    except ValidationError as error:
        errors: dict[str, str] = {}
        for issue in error.errors():
            loc = tuple(issue["loc"])
            if loc and loc[0] in ("hand_in", "role_keys"):  # one field for the whole list
                loc = loc[:1]
            name = ".".join(str(part) for part in loc) or "form"
            errors.setdefault(name, message(issue["type"], issue.get("ctx") or {}, name,
                                            issue["msg"]))
        return None, errors


def message(kind: str, ctx: Mapping[str, Any], name: str, fallback: str) -> str:
    """Plain-language messages, in the reader's language, for the mistakes made in this form
    (and in YAML files)."""
    last = name.rsplit(".", 1)[-1]
    if kind == "too_short":
        return {"levels": _("Give at least two levels."),
                "items": _("Add at least one rubric item."),
                "questions": _("Add at least one question."),
                "hand_in": _("Choose at least one way to hand in.")}.get(last, _("Fill this in."))
    if kind == "value_error":
        for needle, text in (
                ("level may be listed only once", _("Each level may be used only once.")),
                ("item keys must be unique", _("Each rubric item needs its own short name.")),
                ("question keys must be unique", _("Each question needs its own key."))):
            if needle in fallback:
                return text
    simple = {
        "missing": _("Fill this in."),
        "string_too_short": _("Fill this in."),
        "string_too_long": _("This text is too long (at most {max} characters).",
                             max=ctx.get("max_length", "")),
        "string_pattern_mismatch": _(
            "Use letters, digits, dots, hyphens or underscores, without spaces."),
        "greater_than_equal": _("Use {ge} or more.", ge=ctx.get("ge", "")),
        "greater_than": _("Use more than {gt}.", gt=ctx.get("gt", "")),
        "less_than_equal": _("Use {le} or less.", le=ctx.get("le", "")),
        "int_parsing": _("Enter a whole number."),
        "int_from_float": _("Enter a whole number."),
        "float_parsing": _("Enter a number."),
        "literal_error": _("Choose one of the options."),
        "extra_forbidden": _("This field is not part of the format."),
        "list_type": _("Give a list."),
        "dict_type": _("Give a mapping (fields with values)."),
        "string_type": _("Give a text."),
    }
    return simple.get(kind, fallback)


def field_label(name: str) -> str:
    """"questions.1.items.0.levels.2.description" -> "Question 2, rubric item 1, level row 3:
    Description"."""
    labels = {
        "key": _("Key"), "title": _("Title"), "language": _("Language"),
        "role_keys": _("Roles"), "instructions": _("Instructions"),
        "time_limit_minutes": _("Time limit (minutes)"), "hand_in": _("What to hand in"),
        "questions": _("Questions"), "text": _("Question"), "items": _("Rubric items"),
        "dimension": _("SEARCH dimension"), "weight": _("Weight"),
        "reference_answers": _("Reference answers"), "levels": _("Levels"),
        "level": _("Level"), "description": _("Description"), "examples": _("Anchor answers"),
        "form": _("Form"),
    }
    parts = name.split(".")
    places = []
    for index, part in enumerate(parts[:-1]):
        if not part.isdigit():
            continue
        number = int(part) + 1
        owner = parts[index - 1]
        places.append({"questions": _("question {n}", n=number),
                       "items": _("rubric item {n}", n=number),
                       "levels": _("level row {n}", n=number)}.get(owner, str(number)))
    field = labels.get(parts[-1], parts[-1])
    if not places:
        return field
    where = ", ".join(places)
    return f"{where[:1].upper()}{where[1:]}: {field}"
