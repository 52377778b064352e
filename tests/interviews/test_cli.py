import json

from typer.testing import CliRunner

from searchlight.cli import build_app
from tests.interviews.factories import VTT, setting


def test_it_analyses_a_transcript_from_the_command_line(db, tmp_path):
    _role, candidate = setting(db)
    path = tmp_path / "call.vtt"
    path.write_bytes(VTT.encode("utf-8-sig"))
    result = CliRunner().invoke(build_app(), [
        "interviews", "transcript", "--candidate", str(candidate.id), str(path),
        "--recruiter", "Alice Recruiter", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "vtt" and data["engine"].startswith("offline")
    assert {e["dimension"] for e in data["evidence"]} >= {"skills", "results"}
    assert all(e["status"] == "proposed" for e in data["evidence"])
    assert "Peter" not in json.dumps(data)
    assert data["flags"][0]["code"] == "prompt_injection"


def test_it_says_which_candidate_is_missing(db, tmp_path):
    path = tmp_path / "call.txt"
    path.write_text("Recruiter: hello\nCandidate: hi\n")
    result = CliRunner().invoke(build_app(), ["interviews", "transcript", "--candidate", "999",
                                              str(path)])
    assert result.exit_code == 1 and "no candidate with id 999" in result.output
