"""Parse labour-market figures from CSV: one row per occupation code and period.

Columns (header names, any order, case-insensitive): `code` (ISCO group such as 2512, or an
ESCO occupation URI/code), `period`, `vacancies`, `job_seekers`, and optionally `label` and
`source`. Comma or semicolon separated (a Dutch spreadsheet writes semicolons)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from searchlight.i18n import N_

REQUIRED = ("code", "period", "vacancies", "job_seekers")
MAX_ROWS = 50_000


@dataclass(frozen=True)
class MarketRow:
    code: str
    period: str
    vacancies: int
    job_seekers: int
    label: str = ""
    source: str = ""


def _count(raw: str) -> int:
    cleaned = raw.strip().replace(" ", "").replace("\u00a0", "")
    if cleaned.isdigit():
        return int(cleaned)
    raise ValueError(raw)


Problem = tuple[str, dict[str, Any]]  # an English message template (translatable), its values


def parse_market_csv(text: str) -> tuple[list[MarketRow], list[Problem]]:
    """The rows, and one problem per refused line, as a message template with its values."""
    text = text.lstrip("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    if missing := [name for name in REQUIRED if name not in header]:
        return [], [(N_("Missing columns: {columns}."), {"columns": ", ".join(missing)})]
    reader.fieldnames = header
    rows: list[MarketRow] = []
    problems: list[Problem] = []
    for line, record in enumerate(reader, start=2):
        if line > MAX_ROWS + 1:
            problems.append((N_("More than {count} rows; the rest is left out."),
                             {"count": MAX_ROWS}))
            break
        values = {key: (value or "").strip() for key, value in record.items() if key}
        if not values.get("code") or not values.get("period"):
            problems.append((N_("Line {line}: code and period are required."), {"line": line}))
            continue
        try:
            vacancies, seekers = _count(values["vacancies"]), _count(values["job_seekers"])
        except ValueError:
            problems.append((N_("Line {line}: vacancies and job_seekers must be whole numbers."),
                             {"line": line}))
            continue
        rows.append(MarketRow(values["code"][:200], values["period"][:20], vacancies, seekers,
                              values.get("label", "")[:300], values.get("source", "")[:200]))
    return rows, problems
