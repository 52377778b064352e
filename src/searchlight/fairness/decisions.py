"""A decisions CSV for the bias audit: one row per person, a `selected` column (0/1) or a `score`
column, an optional `id` column, and any number of category columns (empty = unknown)."""

import csv
import io
from dataclasses import dataclass

from searchlight.fairness.audit import Person

OUTCOME_COLUMNS = ("selected", "score")
ID_COLUMNS = ("id", "person", "person_id")
MAX_CATEGORY_COLUMNS = 6  # 2^6 - 1 = 63 categories and intersections
_YES = {"1", "true", "yes", "ja", "y"}
_NO = {"0", "false", "no", "nee", "n"}


class DecisionsError(ValueError):
    """A problem in the file, with where it is."""


@dataclass(frozen=True)
class Decisions:
    people: list[Person]
    columns: list[str]


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; otherwise Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_decisions(text: str) -> Decisions:
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise DecisionsError("line 1: the file is empty; expected a header row")
    names = [cell.strip().lower() for cell in header]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DecisionsError(f"line 1: column {duplicates[0]!r} appears twice")
    outcome = [c for c in OUTCOME_COLUMNS if c in names]
    if len(outcome) != 1:
        raise DecisionsError("line 1: give exactly one outcome column, 'selected' (0/1) or "
                             f"'score'; found {', '.join(outcome) or 'neither'}")
    kind = outcome[0]
    columns = [n for n in names if n not in (kind, *ID_COLUMNS) and n]
    if not columns:
        raise DecisionsError("line 1: no category columns (for example sex, ethnicity)")
    if len(columns) > MAX_CATEGORY_COLUMNS:
        raise DecisionsError(f"line 1: {len(columns)} category columns; at most "
                             f"{MAX_CATEGORY_COLUMNS} are audited at once")
    people = []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            raise DecisionsError(f"line {line}: {len(row)} values for {len(names)} columns")
        values = dict(zip(names, (cell.strip() for cell in row), strict=True))
        categories = {c: values[c] or None for c in columns}
        people.append(_person(kind, values[kind], categories, line))
    if not people:
        raise DecisionsError("the file has a header but no rows")
    return Decisions(people=people, columns=columns)


def _person(kind: str, value: str, categories: dict[str, str | None], line: int) -> Person:
    if kind == "selected":
        if value.lower() in _YES:
            return Person(categories=categories, selected=True)
        if value.lower() in _NO:
            return Person(categories=categories, selected=False)
        raise DecisionsError(f"line {line}: selected must be 0 or 1, not {value[:20]!r}")
    try:
        score = float(value.replace(",", "."))
    except ValueError:
        raise DecisionsError(f"line {line}: score must be a number, not {value[:20]!r}") from None
    if score != score or score in (float("inf"), float("-inf")):
        raise DecisionsError(f"line {line}: score must be a finite number")
    return Person(categories=categories, score=score)
