import json

from typer.testing import CliRunner

from searchlight.cli import build_app
from tests.assessments.conftest import ISSUE_SHAPE


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), list(args))


def test_it_imports_and_lists_challenges_idempotently(db, tmp_path):
    db.commit()
    path = tmp_path / "cs-1.yaml"
    path.write_text(ISSUE_SHAPE.replace("language: en", "language: en\nrole_keys: [ml-engineer]"),
                    encoding="utf-8")
    first = _run("assessments", "import", str(path))
    assert first.exit_code == 0 and "created   cs-1 (version 1)" in first.stderr
    again = _run("assessments", "import", str(path))
    assert "unchanged cs-1 (version 1)" in again.stderr
    listed = _run("assessments", "list", "--format", "json")
    [entry] = [c for c in json.loads(listed.stdout) if c["key"] == "cs-1"]
    assert entry["role_keys"] == ["ml-engineer"]
    assert entry["items"] == [{"question": "1.1", "item": "answer", "dimension": "cognitive"}]


def test_it_refuses_a_broken_file_with_its_line_and_saves_nothing(db, tmp_path):
    db.commit()
    path = tmp_path / "two.yaml"
    path.write_text("challenges:\n  - key: ok-1\n    title: A\n    language: en\n"
                    "    questions: []\n", encoding="utf-8")
    result = _run("assessments", "import", str(path))
    assert result.exit_code == 1
    assert f"{path}:5: challenges[0].questions:" in result.stderr
    listed = _run("assessments", "list", "--format", "json")
    assert all(c["key"] != "ok-1" for c in json.loads(listed.stdout))
