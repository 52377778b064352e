"""The instructions for use (AI Act art. 13) quote the benchmark figures: every figure in their
accuracy table must be the one `bench/README.md` last measured, so a new measurement that is not
carried over to the deployers' page fails here. The page must also keep the sections article 13
and a DPIA ask for."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "instructions-for-use.md").read_text(encoding="utf-8")
BENCH = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")


def _accuracy_rows() -> dict[str, str]:
    section = DOCS.split("## Accuracy", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("What", "") and not cells[0].startswith("-"):
            rows[cells[0]] = cells[2]
    return rows


def _bench(pattern: str) -> list[str]:
    found = re.findall(pattern, BENCH)
    assert found, f"bench/README.md no longer has {pattern!r}: update this test and the docs"
    return found


def _two(value: str) -> list[str]:
    return [part.strip() for part in value.split("/")]


def test_it_quotes_every_accuracy_figure_as_the_benchmarks_last_measured_it() -> None:
    rows = _accuracy_rows()
    expected = {
        "Anonymisation of real resumes": " / ".join(
            min(found, key=float) for found in zip(*_bench(
                r"half [AB] \([a-z ]+\)\s+\d+\s+([\d.]+) \(\d+/\d+\)\s+([\d.]+) \(\d+/\d+\)"),
                strict=True)),
        "Anonymisation of generated Dutch and English CVs": _bench(
            r"generated CVs: PERSON, EMAIL, PHONE, URL ([\d.]+)")[0],
        "Skill linking": " / ".join([_bench(r"ESCO TECH \(n=\d+\)\s+RP@5\s+([\d.]+)")[0],
                                     _bench(r"ESCO HOUSE \(n=\d+\)\s+RP@5\s+([\d.]+)")[0]]),
        "Job-title matching": " / ".join(
            _bench(rf"TalentCLEF A {language} \(n=\d+\)\s+MAP\s+([\d.]+)")[0]
            for language in ("en", "es", "de")),
        "Resume to category": _bench(r"Resume -> category \(n=\d+\)\s+MAP\s+([\d.]+)")[0],
    }
    check = _bench(r"\n  \w+\s+P [\d.]+ ± [\d.]+\s+R [\d.]+ ± [\d.]+\s+P ([\d.]+)\s+R ([\d.]+)")
    precisions = sorted(float(p) for p, _r in check)
    recalls = sorted(float(r) for _p, r in check)
    expected["Evidence per SEARCH dimension"] = (
        f"{precisions[0]:.2f}-{precisions[-1]:.2f} / {recalls[0]:.2f}-{recalls[-1]:.2f}")
    for start, figure in expected.items():
        quoted = [value for what, value in rows.items() if what.startswith(start)]
        assert quoted, f"the accuracy table has no row for {start}"
        assert _two(quoted[0]) == _two(figure), (start, quoted[0], figure)
    assert len(rows) == len(expected), sorted(rows)


def test_it_has_every_section_a_deployer_and_a_dpia_need() -> None:
    for heading in ("## Intended purpose", "## Accuracy", "## Known limits",
                    "## Human oversight", "## What is logged", "## What a DPIA needs",
                    "## Rights of the people concerned"):
        assert heading in DOCS, heading
    assert "docs/instructions-for-use.md" in (ROOT / "README.md").read_text(encoding="utf-8")
