"""`searchlight bias audit --decisions FILE.csv`: the real command on real files."""

import json
import subprocess
import sys
from pathlib import Path

SEARCHLIGHT = [sys.executable, "-m", "searchlight.cli"]


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SEARCHLIGHT, "bias", "audit", *arguments], capture_output=True,
                          text=True, timeout=60)


def _decisions(tmp_path: Path) -> Path:
    rows = ["id,sex,ethnicity,selected"]
    rows += [f"m{i},male,{'a' if i % 2 else 'b'},{int(i < 48)}" for i in range(80)]
    rows += [f"f{i},female,{'a' if i % 2 else ''},{int(i < 21)}" for i in range(50)]
    path = tmp_path / "decisions.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_it_prints_rates_ratios_intersections_and_unknowns_as_json(tmp_path):
    done = run("--decisions", str(_decisions(tmp_path)), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["measure"] == "selection" and report["people"] == 130
    by_name = {c["category"]: c for c in report["categories"]}
    assert set(by_name) == {"sex", "ethnicity", "sex × ethnicity"}
    sex = {g["group"]: g for g in by_name["sex"]["groups"]}
    assert round(sex["female"]["impact_ratio"], 2) == 0.70
    assert sex["female"]["below_four_fifths"] and sex["female"]["n"] == 50
    assert by_name["ethnicity"]["unknown"] == 25  # the empty cells, left out of the rates
    assert by_name["sex × ethnicity"]["unknown"] == 25


def test_it_reads_scores_with_semicolons_and_a_decimal_comma(tmp_path):
    path = tmp_path / "scores.csv"
    path.write_bytes("geslacht;score\nv;7,5\nv;2,0\nm;9,1\nm;8,0\n".encode("cp1252"))
    done = run("--decisions", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["measure"] == "scoring" and report["median_score"] == 7.75
    assert {g["group"]: g["rate"] for g in report["categories"][0]["groups"]} == {
        "m": 1.0, "v": 0.0}


def test_it_prints_a_table_by_default(tmp_path):
    done = run("--decisions", str(_decisions(tmp_path)))
    assert done.returncode == 0
    assert "female" in done.stdout and "under 0.8" in done.stdout


def test_it_names_the_line_of_a_bad_value_and_exits_1_without_a_traceback(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("sex,selected\nf,1\nm,maybe\n", encoding="utf-8")
    done = run("--decisions", str(path))
    assert done.returncode == 1
    assert "line 3: selected must be 0 or 1" in done.stderr
    assert "Traceback" not in done.stderr


def test_it_refuses_a_file_without_an_outcome_column_or_missing(tmp_path):
    path = tmp_path / "no-outcome.csv"
    path.write_text("sex,hired\nf,1\n", encoding="utf-8")
    done = run("--decisions", str(path))
    assert done.returncode == 1 and "exactly one outcome column" in done.stderr
    missing = run("--decisions", str(tmp_path / "nowhere.csv"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr
