"""The inclusive-language check on public job-ad data, and its speed.

    .venv/bin/python bench/content_check.py

Reads `../shared/data` in place (never copied): the 486 Dutch vacancy titles of
`dutch_vacancy_titles` and the 5 English vacancy texts of `vacancy_resume_ranking_vanetik`.
Prints counts per finding category, readability of the English texts, the share of generated
offline texts with no finding other than the organisation's own wording, and throughput."""

import csv
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from searchlight.content.inclusive import check_text, readability
from searchlight.content.offline import Brief, Organisation, generate
from searchlight.roles.schemas import RoleProfile

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
SEED_ROLES = Path(__file__).resolve().parents[1] / "src/searchlight/roles/seed_roles.yaml"
csv.field_size_limit(sys.maxsize)


def titles() -> None:
    with (DATA / "dutch_vacancy_titles" / "vacatures_shared.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    counts: Counter[str] = Counter()
    flagged = 0
    for row in rows:
        findings = check_text(row["title"], language="nl")
        flagged += bool(findings)
        counts.update(f.category for f in findings)
    print(f"Dutch vacancy titles: {len(rows)} titles, {flagged} with a finding "
          f"({flagged / len(rows):.1%}); by category: {dict(counts.most_common())}")


def english_texts() -> None:
    path = DATA / "vacancy_resume_ranking_vanetik" / "5_vacancies.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        text = row["job_description"]
        findings = check_text(text, language="en")
        score = readability(text, language="en")
        print(f"  {row['job_title'][:40]:<40} {len(text):>6} chars  "
              f"{len(findings):>2} findings {dict(Counter(f.category for f in findings))}  "
              f"Flesch {score.score:.0f} ({score.level})")


def generated() -> None:
    roles = [RoleProfile.model_validate(r)
             for r in yaml.safe_load(SEED_ROLES.read_text())["roles"]]
    clean = total = 0
    for profile in roles:
        for language in ("nl", "en"):
            for kind in ("vacancy", "social", "onboarding"):
                _title, body = generate(kind, Brief(profile, Organisation(name="X"), language))
                total += 1
                clean += not [f for f in check_text(body, language=language)
                              if f.category != "masculine_coded"]
    print(f"Offline texts of the 6 seed roles: {clean}/{total} without a finding other than "
          f"masculine-coded words taken from the role profile itself")


def speed() -> None:
    path = DATA / "vacancy_resume_ranking_vanetik" / "5_vacancies.csv"
    text = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        check_text(text, language="en")
        readability(text, language="en")
    seconds = (time.perf_counter() - started) / rounds
    print(f"Speed: {len(text):,} characters checked in {seconds * 1000:.1f} ms "
          f"({len(text) / seconds / 1e6:.2f} M chars/s)")


if __name__ == "__main__":
    titles()
    print("English vacancy texts (Vanetik & Kogan 2023):")
    english_texts()
    generated()
    speed()
