"""The graded short-answer set of bench/grading.py stays usable: every rubric parses in the
challenge format, every answer belongs to a question and has a level in its range, and every
question has one anchor per anchored level and answers of every described level to score."""

from pathlib import Path

import yaml

from searchlight.assessments.yaml_io import parse_challenges

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"


def test_the_bench_set_fits_its_rubrics():
    challenges = parse_challenges((DATA / "grading_rubrics.yaml").read_text(encoding="utf-8"))
    assert [c.language for c in challenges] == ["en", "nl"]
    items = {q.key: q.items[0] for c in challenges for q in c.questions}
    answers = yaml.safe_load((DATA / "grading_answers.yaml").read_text(encoding="utf-8"))
    assert set(answers) == set(items) and len(items) == 10
    for key, rows in answers.items():
        item = items[key]
        assert all(item.lowest <= row[0] <= item.highest for row in rows), key
        anchors = [row[0] for row in rows if len(row) > 2]
        assert all(row[2] == "anchor" for row in rows if len(row) > 2), key
        assert len(anchors) == 4 and len(set(anchors)) == 4, key
        scored = {row[0] for row in rows if len(row) == 2}
        assert {level.level for level in item.levels if level.description} <= scored, key
    assert sum(len(rows) for rows in answers.values()) == 200
