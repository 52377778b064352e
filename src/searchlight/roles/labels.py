"""Readable names for profile fields, for error summaries and version diffs."""

from searchlight.i18n import _
from searchlight.roles.schemas import DIMENSION_KEYS, dimension_title


def field_label(field: str) -> str:
    labels = {
        "key": _("Key"), "title_nl": _("Title in Dutch"), "title_en": _("Title in English"),
        "jtbd_nl": _("Job to be Done in Dutch"), "jtbd_en": _("Job to be Done in English"),
        "weight": _("Weight"), "item": _("Item"), "items": _("Items"),
        "interviewer_notes_nl": _("Notes for interviewers in Dutch"),
        "interviewer_notes_en": _("Notes for interviewers in English"),
        "text_nl": _("Dutch"), "text_en": _("English"), "skills": _("Skills"),
        "min_years": _("Minimum years"), "must_have": _("Must-have"),
        "hiring_manager_id": _("Hiring manager"), "form": _("Form"),
    }
    return labels.get(field, field)


def form_field_label(name: str, locale: str) -> str:
    """"skills.items.2.text_en" -> "Skills, item 3: English"."""
    parts = name.split(".")
    if parts[0] not in DIMENSION_KEYS:
        return field_label(name)
    dimension = dimension_title(parts[0], locale)
    if len(parts) == 4 and parts[1] == "items" and parts[2].isdigit():
        return _("{dimension}, item {n}: {field}", dimension=dimension, n=int(parts[2]) + 1,
                 field=field_label(parts[3]))
    return f"{dimension}: {field_label(parts[-1])}" if len(parts) > 1 else dimension
