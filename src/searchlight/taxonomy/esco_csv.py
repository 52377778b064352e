"""Reading the official ESCO CSV download: find the files, stream their rows with line numbers,
and say exactly where a file is broken. No database here."""

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from searchlight.errors import InvalidInput

LANGUAGES = ("en", "nl")
# The full skill list first, then the collections (the only skill files in a partial download).
# The order matters: a later file's kind wins, so the specific collections come last.
SKILL_FILES = (
    "skills", "greenSkillsCollection", "researchSkillsCollection", "digCompSkillsCollection",
    "digitalSkillsCollection", "languageSkillsCollection", "transversalSkillsCollection",
)
FILE_KINDS = {
    "digCompSkillsCollection": "technical", "digitalSkillsCollection": "technical",
    "languageSkillsCollection": "language", "transversalSkillsCollection": "soft",
}
_FILE_NAME = re.compile(r"(?P<name>[A-Za-z]+)_(?P<language>[a-z]{2})\.csv")
_LABEL_SEPARATORS = re.compile(r"\s*\|\s*|\n")
PROGRESS_EVERY = 2000


class EscoImportError(InvalidInput):
    """A wrong folder or a malformed file; the message names the file and line."""


@dataclass
class EscoFolder:
    root: Path
    files: dict[tuple[str, str], Path] = field(default_factory=dict)

    def path(self, name: str, language: str) -> Path | None:
        return self.files.get((name, language))

    @property
    def languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if any(key[1] == lang for key in self.files)]

    def skill_files(self, language: str) -> list[tuple[str, Path]]:
        return [(name, p) for name in SKILL_FILES if (p := self.path(name, language)) is not None]


def locate(folder: Path) -> EscoFolder:
    """Find `<name>_<lang>.csv` files in the folder or one level down (the shared data keeps
    each language in its own sub-folder; the official download is one folder per language)."""
    if not folder.is_dir():
        raise EscoImportError(f"{folder} is not a folder.")
    found = EscoFolder(root=folder)
    for path in sorted([*folder.glob("*.csv"), *folder.glob("*/*.csv")]):
        match = _FILE_NAME.fullmatch(path.name)
        if match and match["language"] in LANGUAGES:
            found.files.setdefault((match["name"], match["language"]), path)
    if not found.skill_files("en"):
        raise EscoImportError(
            f"{folder} does not look like an ESCO CSV download: expected skills_en.csv or the "
            "skill collections (such as digitalSkillsCollection_en.csv) in it or one level down."
        )
    return found


def split_labels(value: str | None) -> list[str]:
    """ESCO separates alternative labels with new lines (full files) or " | " (collections)."""
    if not value:
        return []
    return list(dict.fromkeys(p.strip() for p in _LABEL_SEPARATORS.split(value) if p.strip()))


def _counted(lines: Iterator[str], on_progress: Callable[[int], None]) -> Iterator[str]:
    pending = 0
    for number, line in enumerate(lines, 1):
        pending += len(line)
        if number % PROGRESS_EVERY == 0:
            on_progress(pending)
            pending = 0
        yield line
    on_progress(pending)


def read_rows(
    path: Path, required: set[str], on_progress: Callable[[int], None] = lambda _n: None
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (first line of the record, row) for each record; raise EscoImportError with the
    file name and line for a missing column, a broken quote or a row with too many fields."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(_counted(handle, on_progress), strict=True)
        start = 1
        try:
            header = next(reader, None)
            if header is None:
                raise EscoImportError(f"{path.name}: the file is empty.")
            if missing := sorted(required - set(header)):
                raise EscoImportError(
                    f"{path.name}, line 1: missing column(s) {', '.join(missing)}.")
            start = reader.line_num + 1
            for values in reader:
                if len(values) > len(header):
                    raise EscoImportError(
                        f"{path.name}, line {start}: {len(values)} fields where the header has "
                        f"{len(header)}.")
                if values:
                    yield start, dict(zip(header, values, strict=False))
                start = reader.line_num + 1
        except csv.Error as error:
            raise EscoImportError(f"{path.name}, line {start}: malformed CSV ({error}).") from None
        except UnicodeDecodeError:
            raise EscoImportError(f"{path.name}, line {start}: not UTF-8 text.") from None


def required_value(path: Path, line: int, row: dict[str, str], column: str) -> str:
    value = (row.get(column) or "").strip()
    if not value:
        raise EscoImportError(f"{path.name}, line {line}: {column} is empty.")
    return value


def uri_key(uri: str) -> str:
    """A short stable key from a concept URI: the UUID (or ISCED code) at its end."""
    return "esco:" + uri.rstrip("/").rsplit("/", 1)[-1]


def skill_kind(file_name: str, row: dict[str, str]) -> str:
    if file_name == "languageSkillsCollection":
        return "language"
    if row.get("reuseLevel") == "transversal":
        return "soft"
    return FILE_KINDS.get(file_name, "domain")
