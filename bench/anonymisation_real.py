"""Anonymisation on real resumes: recall for the person's name and for profile URLs on the
DataTurks resumes in ../shared/data/resume_ner_dataturks, and what is over-redacted there.

    .venv/bin/python bench/anonymisation_real.py

The resumes hold REAL personal data: this script prints counts and rates only, never text.

A gold span counts as caught when the redacted entities cover at least 90% of its letters and
digits (the data set's SOURCE.md). The resumes are split into two fixed halves by their doc_id
(the last hex digit even or odd): rules were developed looking at half A only; half B is the
check on text the rules were not written against (see bench/README.md). Names are grouped by
origin with a coarse heuristic: the section of our own first-name list a word of the name is in,
or "not in our lists".
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from searchlight.anonymise import Redaction, anonymise  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "resume_ner_dataturks"
RECALL_LABELS = {"Name": "name", "Email Address": "profile URL"}
# Job content that must stay: any redaction of it is over-redaction; Location spans (places in
# the work history) may be redacted as a place, but never as a person.
KEPT_LABELS = {"Skills": "skills", "Companies worked at": "employers",
               "College Name": "schools", "Designation": "job titles",
               "Location": "places"}
COVERAGE = 0.9
_ALNUM = re.compile(r"[^\W_]", re.UNICODE)


@dataclass
class Tally:
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    touched: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    as_person: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    kept_total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    documents: int = 0

    def rate(self, key: str) -> str:
        total = self.total.get(key, 0)
        return f"{self.found[key] / total:.3f} ({self.found[key]}/{total})" if total else "-"


def load() -> list[dict[str, Any]]:
    path = DATA / "resumes_shared.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def half(row: dict[str, Any]) -> str:
    return "A" if int(row["doc_id"][-1], 16) % 2 == 0 else "B"


def covered_share(redaction: Redaction, text: str, start: int, end: int) -> float:
    inside = bytearray(end - start)
    for entity in redaction.entities:
        low, high = max(start, entity.start), min(end, entity.end)
        if low < high:
            inside[low - start:high - start] = b"\x01" * (high - low)
    letters = [i for i in range(start, end) if _ALNUM.match(text[i])]
    return sum(inside[i - start] for i in letters) / len(letters) if letters else 1.0


def _touches(redaction: Redaction, start: int, end: int, kind: str | None = None) -> bool:
    return any(entity.start < end and start < entity.end and kind in (None, entity.type)
               for entity in redaction.entities)


def _origin_sections() -> dict[str, str]:
    """Lower-cased first name -> the section of first_names.txt it is listed under."""
    text = files("searchlight.anonymise").joinpath("data", "first_names.txt").read_text("utf-8")
    section, sections = "", {}
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#"):
            section = line.lstrip("# ")
        elif line:
            sections.setdefault(line.lower(), section)
    return sections


def origin(name: str, sections: dict[str, str]) -> str:
    for word in re.findall(r"[^\W\d_]+", name):
        if word.lower() in sections:
            group = sections[word.lower()]
            return "South Asian (listed)" if group == "South Asian" else "other listed origin"
    return "not in our lists"


def _spans(row: dict[str, Any], label: str) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in row["entities"]
            if e["label"] == label and e["offset_status"] != "unaligned"]


def _rewrite(text: str, spans: list[tuple[int, int]], change: Any) -> str:
    """`text` with each span replaced by change(span text), of the same length."""
    for start, end in spans:
        text = text[:start] + change(text[start:end]) + text[end:]
    return text


# Same-length rewrites of every resume, to see whether recall rests on one habit of this data
# set: the name in lower case or capitals, and the name with every profile URL blanked out (no
# e-mail or URL to spell it), so that only the structure of the CV can give it away.
VARIANTS: dict[str, Any] = {
    "as written": lambda row: row["text"],
    "name in lower case": lambda row: _rewrite(row["text"], _spans(row, "Name"), str.lower),
    "name in capitals": lambda row: _rewrite(row["text"], _spans(row, "Name"), str.upper),
    "no profile URL": lambda row: _rewrite(
        row["text"], _spans(row, "Email Address"), lambda value: " " * len(value)),
    # A title line above the name: the name is no longer on the first line.
    "'RESUME' line first": lambda row: _shifted(row, "RESUME\n"),
    "both: title, no URL": lambda row: _shifted(row, "Curriculum Vitae\n\n", VARIANTS[
        "no profile URL"](row)),
}


def _shifted(row: dict[str, Any], prefix: str, text: str | None = None) -> str:
    """The text with `prefix` before it; the gold offsets are shifted by `evaluate`."""
    row["_shift"] = len(prefix)
    return prefix + (row["text"] if text is None else text)


def evaluate(rows: list[dict[str, Any]], variant: str = "as written") -> dict[str, Tally]:
    """Tallies per half ("A", "B"), for all ("all") and per origin group ("origin: ...")."""
    sections = _origin_sections()
    tallies: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        row["_shift"] = 0
        text = VARIANTS[variant](row)
        redaction = anonymise(text)
        if row["_shift"]:
            shift = row["_shift"]
            row = {**row, "entities": [{**e, "start": e["start"] + shift, "end": e["end"] + shift}
                                       for e in row["entities"]]}
        names = [e for e in row["entities"] if e["label"] == "Name"]
        group = origin(text[names[0]["start"]:names[0]["end"]], sections) if names else ""
        for key in ("all", half(row), f"origin: {group}"):
            _add(tallies[key], text, row["entities"], redaction)
    return tallies


def _add(tally: Tally, text: str, entities: list[dict[str, Any]], redaction: Redaction) -> None:
    tally.documents += 1
    for entity in entities:
        if entity["offset_status"] == "unaligned":
            continue
        label, start, end = entity["label"], entity["start"], entity["end"]
        if label in RECALL_LABELS:
            key = RECALL_LABELS[label]
            tally.total[key] += 1
            tally.found[key] += covered_share(redaction, text, start, end) >= COVERAGE
        elif label in KEPT_LABELS:
            key = KEPT_LABELS[label]
            tally.kept_total[key] += 1
            tally.touched[key] += _touches(redaction, start, end)
            tally.as_person[key] += _touches(redaction, start, end, "PERSON")


def report(tallies: dict[str, Tally]) -> None:
    if not tallies:
        print("\n(../shared/data/resume_ner_dataturks not available: real-resume check skipped)")
        return
    print("\nReal resumes (DataTurks, counts only), no identity given; target recall >= 0.95")
    print(f"{'set':<32}{'docs':>5}   {'name recall':<20}{'profile URL recall':<20}")
    keys = ["all", "A", "B", *sorted(key for key in tallies if key.startswith("origin: "))]
    labels = {"all": "all", "A": "half A (rules developed)", "B": "half B (check)"}
    for key in keys:
        tally = tallies[key]
        print(f"{labels.get(key, key):<32}{tally.documents:>5}   {tally.rate('name'):<20}"
              f"{tally.rate('profile URL'):<20}")
    print("over-redaction (share of gold job-content spans touched by any redaction / by PERSON):")
    for key in ("all", "A", "B"):
        tally = tallies[key]
        parts = [f"{kind} {tally.touched[kind]}/{tally.kept_total[kind]} / "
                 f"{tally.as_person[kind]}" for kind in KEPT_LABELS.values()]
        print(f"  {labels[key]:<30}" + ", ".join(parts))


def report_variants(rows: list[dict[str, Any]]) -> None:
    print("name recall when the resumes are rewritten (same text otherwise):")
    for variant in list(VARIANTS)[1:]:
        tallies = evaluate(rows, variant)
        print(f"  {variant:<24} all {tallies['all'].rate('name'):<16} "
              f"A {tallies['A'].rate('name'):<16} B {tallies['B'].rate('name')}")


def main() -> None:
    rows = load()
    report(evaluate(rows))
    if rows:
        report_variants(rows)


if __name__ == "__main__":
    main()
