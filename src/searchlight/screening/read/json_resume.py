"""A JSON Resume (https://jsonresume.org/schema) as readable CV text.

Uploaded JSON is untrusted: every field may be missing or of the wrong type, so values are
read through small helpers that return "" or [] instead of failing. References are left out:
they are other people's words about the candidate, with other people's names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_SECTIONS = {"basics", "work", "volunteer", "education", "skills", "projects", "certificates",
             "awards", "publications", "languages", "interests"}

Entry = dict[str, Any]


def is_json_resume(document: object) -> bool:
    return isinstance(document, dict) and bool(_SECTIONS & document.keys())


def render_json_resume(resume: Entry) -> str:
    blocks = [
        _basics(_dict(resume.get("basics"))),
        _section("Work experience", resume.get("work"), _work_entry),
        _section("Volunteering", resume.get("volunteer"), _work_entry),
        _section("Education", resume.get("education"), _education_entry),
        _section("Skills", resume.get("skills"), _skill_entry),
        _section("Projects", resume.get("projects"), _project_entry),
        _section("Certificates", resume.get("certificates"), _certificate_entry),
        _section("Awards", resume.get("awards"), _award_entry),
        _section("Publications", resume.get("publications"), _publication_entry),
        _section("Languages", resume.get("languages"), _language_entry),
        _section("Interests", resume.get("interests"), _skill_entry),
    ]
    return "\n\n".join(block for block in blocks if block)


def _basics(basics: Entry) -> str:
    location = _dict(basics.get("location"))
    place = ", ".join(
        part for part in (_text(location.get(key)) for key in
                          ("address", "postalCode", "city", "region", "countryCode")) if part
    )
    contact = " | ".join(
        part for part in (_text(basics.get("email")), _text(basics.get("phone")),
                          _text(basics.get("url")), place) if part
    )
    profiles = [
        ": ".join(part for part in (_text(profile.get("network")),
                                    _text(profile.get("url")) or _text(profile.get("username")))
                  if part)
        for profile in _dicts(basics.get("profiles"))
    ]
    heading = _lines([_text(basics.get("name")), _text(basics.get("label")), contact, *profiles])
    summary = _text(basics.get("summary"))
    return "\n\n".join(part for part in (heading, f"Summary\n{summary}" if summary else "") if part)


def _section(title: str, entries: object, render: Callable[[Entry], str]) -> str:
    rendered = [text for text in (render(entry) for entry in _dicts(entries)) if text]
    return "\n\n".join([title, *rendered]) if rendered else ""


def _work_entry(entry: Entry) -> str:
    organisation = _text(entry.get("name")) or _text(entry.get("company"))  # older schema
    title = " - ".join(part for part in (_text(entry.get("position")), organisation) if part)
    location = _text(entry.get("location"))
    heading = " ".join(
        part for part in (title, f"({location})" if location else "", _dates(entry)) if part
    )
    return _lines([heading, _text(entry.get("summary")) or _text(entry.get("description")),
                   *_bullets(entry.get("highlights"))])


def _education_entry(entry: Entry) -> str:
    degree = " ".join(part for part in (_text(entry.get("studyType")), _text(entry.get("area")))
                      if part)
    heading = " - ".join(part for part in (degree, _text(entry.get("institution"))) if part)
    score = _text(entry.get("score"))
    return _lines([f"{heading} {_dates(entry)}".strip(), f"Score: {score}" if score else "",
                   *_bullets(entry.get("courses"))])


def _skill_entry(entry: Entry) -> str:
    level = _text(entry.get("level"))
    name = f"{_text(entry.get('name'))} ({level})" if level else _text(entry.get("name"))
    keywords = ", ".join(_texts(entry.get("keywords")))
    return f"{name}: {keywords}" if name and keywords else name or keywords


def _project_entry(entry: Entry) -> str:
    keywords = ", ".join(_texts(entry.get("keywords")))
    return _lines([
        f"{_text(entry.get('name'))} {_dates(entry)}".strip(),
        _text(entry.get("description")),
        *_bullets(entry.get("highlights")),
        f"Keywords: {keywords}" if keywords else "",
        _text(entry.get("url")),
    ])


def _certificate_entry(entry: Entry) -> str:
    return _titled(entry, "name", "issuer", "date", "")


def _award_entry(entry: Entry) -> str:
    return _titled(entry, "title", "awarder", "date", "summary")


def _publication_entry(entry: Entry) -> str:
    return _titled(entry, "name", "publisher", "releaseDate", "summary")


def _language_entry(entry: Entry) -> str:
    fluency = _text(entry.get("fluency"))
    language = _text(entry.get("language"))
    return f"{language} ({fluency})" if language and fluency else language


def _titled(entry: Entry, title_key: str, by_key: str, date_key: str, summary_key: str) -> str:
    title = " - ".join(part for part in (_text(entry.get(title_key)), _text(entry.get(by_key)))
                       if part)
    date = _text(entry.get(date_key))
    heading = f"{title} ({date})" if title and date else title
    return _lines([heading, _text(entry.get(summary_key)) if summary_key else ""])


def _dates(entry: Entry) -> str:
    start, end = _text(entry.get("startDate")), _text(entry.get("endDate"))
    if start:
        return f"({start} - {end or 'present'})"
    return f"(until {end})" if end else ""


def _bullets(values: object) -> list[str]:
    return [f"- {value}" for value in _texts(values)]


def _lines(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line)


def _text(value: object) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _texts(values: object) -> list[str]:
    if not isinstance(values, list):
        return []
    return [text for text in (_text(value) for value in values) if text]


def _dict(value: object) -> Entry:
    return value if isinstance(value, dict) else {}


def _dicts(values: object) -> list[Entry]:
    if not isinstance(values, list):
        return []
    return [value for value in values if isinstance(value, dict)]
