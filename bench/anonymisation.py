"""Anonymisation benchmark: recall per entity type and language on generated CVs, the share of
job content (skills, companies, titles, years) wrongly redacted, and milliseconds per CV.

    .venv/bin/python bench/anonymisation.py [--cvs 400] [--misses 5]

Each CV comes from bench/cvgen.py with known personal data. It is anonymised twice: without the
candidate's identity (the hard case: patterns, cues and name lists only) and with it. An entity
counts as found when every one of its non-blank characters is inside a redacted span.

Two cross-checks follow, on text this code was not written against: CVs from the screening tests'
own generator (tests/screening/cvfiles.py), also read back from PDF, and the real resumes in
../shared/data (how often skill words are redacted there).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cvgen import SKILLS, GeneratedCV, generate_cv  # noqa: E402
from searchlight.screening.anonymise import KnownIdentity, Redaction, anonymise  # noqa: E402

LANGUAGES = ("nl", "en")
TARGETS = {"EMAIL": 0.99, "PHONE": 0.99, "URL": 0.99, "PERSON": 0.95}


def covered(redaction: Redaction, text: str, start: int, end: int) -> bool:
    inside = bytearray(len(text))
    for entity in redaction.entities:
        if entity.end > start and entity.start < end:
            inside[entity.start:entity.end] = b"\x01" * (entity.end - entity.start)
    return all(inside[i] or text[i].isspace() for i in range(start, end))


def touched(redaction: Redaction, start: int, end: int) -> bool:
    return any(entity.start < end and start < entity.end for entity in redaction.entities)


class Tally:
    def __init__(self) -> None:
        self.found: dict[tuple[str, str], int] = defaultdict(int)
        self.total: dict[tuple[str, str], int] = defaultdict(int)
        self.kept_total: dict[str, int] = defaultdict(int)
        self.kept_hit: dict[str, int] = defaultdict(int)
        self.misses: dict[str, list[str]] = defaultdict(list)

    def add(self, cv: GeneratedCV, language: str, redaction: Redaction) -> None:
        for kind, start, end in cv.entities:
            self.total[kind, language] += 1
            if covered(redaction, cv.text, start, end):
                self.found[kind, language] += 1
            else:
                context = cv.text[max(0, start - 30):end + 30].replace("\n", "⏎")
                self.misses[kind].append(f"{cv.text[start:end]!r} in …{context}…")
        for kind, start, end in cv.job_terms:
            self.kept_total[kind] += 1
            if touched(redaction, start, end):
                self.kept_hit[kind] += 1
                self.misses[f"over-redacted {kind}"].append(repr(cv.text[start:end]))

    def recall(self, kind: str, language: str) -> str:
        total = self.total.get((kind, language), 0)
        return f"{self.found[kind, language] / total:.3f}" if total else "  -  "


def run(count: int) -> tuple[Tally, Tally, list[float], list[float], list[int]]:
    without, with_known = Tally(), Tally()
    timings: list[float] = []
    cpu_timings: list[float] = []
    sizes: list[int] = []
    for seed in range(count // len(LANGUAGES)):
        for language in LANGUAGES:
            cv = generate_cv(seed, language)
            started, started_cpu = time.perf_counter(), time.process_time()
            redaction = anonymise(cv.text, language=language)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_timings.append((time.process_time() - started_cpu) * 1000)
            sizes.append(len(cv.text))
            without.add(cv, language, redaction)
            known = KnownIdentity(full_name=cv.name, email=cv.email, phone=cv.phone)
            with_known.add(cv, language, anonymise(cv.text, known=known, language=language))
    return without, with_known, timings, cpu_timings, sizes


def print_table(without: Tally, with_known: Tally) -> None:
    kinds = sorted({kind for kind, _ in without.total})
    print(f"{'entity':<15}{'n nl':>6}{'n en':>6}   {'no identity':^15}   {'known identity':^15}")
    print(f"{'':<15}{'':>6}{'':>6}   {'nl':>7}{'en':>8}   {'nl':>7}{'en':>8}   target")
    for kind in kinds:
        counts = [without.total.get((kind, language), 0) for language in LANGUAGES]
        row = [without.recall(kind, language) for language in LANGUAGES]
        row_known = [with_known.recall(kind, language) for language in LANGUAGES]
        target = f"≥ {TARGETS[kind]}" if kind in TARGETS else ""
        print(f"{kind:<15}{counts[0]:>6}{counts[1]:>6}   {row[0]:>7}{row[1]:>8}   "
              f"{row_known[0]:>7}{row_known[1]:>8}   {target}")
    print()
    for kind in sorted(without.kept_total):
        rate = without.kept_hit[kind] / without.kept_total[kind]
        print(f"over-redaction {kind:<8} {rate:.4f}  ({without.kept_hit[kind]} of "
              f"{without.kept_total[kind]} terms touched, no identity)")
    total = sum(without.kept_total.values())
    print(f"over-redaction all      {sum(without.kept_hit.values()) / total:.4f}")


def independent_check(count: int) -> None:
    """CVs from the screening tests' own generator (tests/screening/cvfiles.py, written by
    someone else), as plain text and read back from PDF: what the anonymiser has not seen."""
    try:
        from tests.screening.cvfiles import make_cv, make_pdf

        from searchlight.screening.read.extract import extract_document
    except ImportError:
        print("\n(tests/screening/cvfiles.py not available: independent check skipped)")
        return
    found: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for seed in range(count):
        for language in LANGUAGES:
            cv = make_cv(language, seed=seed)
            texts = [cv.text] + ([extract_document(make_pdf(cv.paragraphs), "cv.pdf").text]
                                 if seed < 10 else [])
            for text in texts:
                redaction = anonymise(text, language=language)
                _tally_values(text, redaction, _person_values(cv), found, total, personal=True)
                _tally_values(text, redaction, _job_values(cv), found, total, personal=False)
    print(f"\nIndependent generator ({count * len(LANGUAGES)} CVs, 20 also via PDF), no identity:")
    for kind in sorted(total):
        label = "recall" if not kind.startswith("kept ") else "untouched"
        print(f"  {kind:<22} {label} {found[kind] / total[kind]:.3f}  (n={total[kind]})")


def _person_values(cv: Any) -> dict[str, list[str]]:
    person = cv.person
    return {"name": [person.full_name], "email": [person.email], "phone": [person.phone],
            "street": [person.street], "postcode": [person.postcode],
            "date of birth": [person.birth_date], "linkedin url": [person.linkedin_url]}


def _job_values(cv: Any) -> dict[str, list[str]]:
    return {"kept company": [job.company for job in cv.jobs], "kept skill": list(cv.skills),
            "kept title": [job.title for job in cv.jobs],
            "kept school": [school for _, school, _ in cv.education]}


def _tally_values(text: str, redaction: Redaction, values: dict[str, list[str]],
                  found: dict[str, int], total: dict[str, int], *, personal: bool) -> None:
    for kind, strings in values.items():
        for value in strings:
            start = text.find(value)
            if start == -1:
                continue
            total[kind] += 1
            if personal and covered(redaction, text, start, start + len(value)) or (
                    not personal and not touched(redaction, start, start + len(value))):
                found[kind] += 1


def real_resumes_check() -> None:
    """Real resumes from ../shared/data (names mostly removed by their publishers): how often
    skill words are redacted, and how many names and places are found per resume."""
    data = Path(__file__).resolve().parents[2] / "shared" / "data"
    texts = _real_resume_texts(data)
    if not texts:
        print("\n(../shared/data resumes not available: real-resume check skipped)")
        return
    skills = {skill for skill in SKILLS if len(skill) > 2}
    hits = seen = 0
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        redaction = anonymise(text)
        for entity in redaction.entities:
            counts[entity.type] += 1
        for skill in skills:
            for match in re.finditer(rf"(?<!\w){re.escape(skill)}(?!\w)", text):
                seen += 1
                hits += touched(redaction, match.start(), match.end())
    print(f"\nReal resumes ({len(texts)}, shared data): skill words redacted {hits} of {seen}; "
          "entities per resume: " + ", ".join(
              f"{kind} {counts[kind] / len(texts):.2f}" for kind in sorted(counts)))


def _real_resume_texts(data: Path) -> list[str]:
    texts: list[str] = []
    resumes = data / "resume_category_updated_resume_dataset" / "resumes_shared.csv"
    if resumes.exists():
        csv.field_size_limit(10**8)
        with resumes.open(encoding="utf-8") as handle:
            texts += [row["resume"] for row in csv.DictReader(handle)]
    vanetik = data / "vacancy_resume_ranking_vanetik" / "cvs.jsonl"
    if vanetik.exists():
        texts += [json.loads(line)["text"] for line in vanetik.read_text().splitlines()]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cvs", type=int, default=400, help="number of CVs, half Dutch")
    parser.add_argument("--misses", type=int, default=0, help="show this many misses per type")
    args = parser.parse_args()
    anonymise("warm-up: load the word lists once")
    without, with_known, timings, cpu_timings, sizes = run(args.cvs)
    print(f"{len(timings)} generated CVs, {statistics.mean(sizes):.0f} characters on average\n")
    print_table(without, with_known)
    print()
    for label, values in (("wall clock", timings), ("CPU time", cpu_timings)):
        per_5000 = statistics.mean(t * 5000 / size for t, size in zip(values, sizes, strict=True))
        ordered = sorted(values)
        print(f"ms per CV, {label} (no identity): mean {statistics.mean(values):.2f}, median "
              f"{statistics.median(values):.2f}, p95 {ordered[int(len(values) * 0.95)]:.2f}, "
              f"max {ordered[-1]:.2f}; per 5,000 characters {per_5000:.2f}")
    independent_check(args.cvs // 4)
    real_resumes_check()
    for kind, examples in sorted(without.misses.items()):
        for example in examples[:args.misses]:
            print(f"  miss {kind}: {example}")


if __name__ == "__main__":
    main()
