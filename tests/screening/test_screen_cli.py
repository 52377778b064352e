import json

import pytest
from sqlalchemy import func, select
from tests.screening.cvfiles import make_cv, make_pdf
from tests.screening.factories import make_role
from typer.testing import CliRunner

from searchlight.candidates.models import Document
from searchlight.cli import build_app
from searchlight.config import get_settings
from searchlight.llm.models import LLMCall
from searchlight.matching.embedder import default_embedder
from searchlight.screening.batches import screen_entries
from searchlight.screening.models import ScreeningResult

DIMENSION_KEYS = {"skills", "experience", "attitude", "results", "cognitive", "habits"}


def _write_cvs(folder, count):  # type: ignore[no-untyped-def]
    for i in range(count):
        cv = make_cv("nl" if i % 2 else "en", seed=40 + i)
        (folder / f"cv{i}.pdf").write_bytes(make_pdf(cv.paragraphs))


def test_it_prints_a_ranked_json_list(db, tmp_path):
    role = make_role(db)
    db.commit()
    _write_cvs(tmp_path, 3)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nope")
    result = CliRunner().invoke(build_app(), ["screen", "--role", role.key, str(tmp_path),
                                              "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    screened = [r for r in rows if r.get("status") == "screened"]
    assert len(screened) == 3
    scores = [r["score"] for r in screened]
    assert scores == sorted(scores, reverse=True)
    first = screened[0]
    assert set(first) >= {"source", "score", "coverage", "dimensions", "flags", "language"}
    assert set(first["dimensions"]) == DIMENSION_KEYS
    assert all("evidence" in d and ("score" in d) for d in first["dimensions"].values())
    assert rows[-1]["source"].endswith("broken.pdf") and rows[-1]["error"]
    # Rich wraps the message at the console width, so a long tmp path may break inside the name.
    assert "broken.pdf" in result.stderr.replace("\n", "")


def test_it_honours_top_and_table_format(db, tmp_path):
    role = make_role(db)
    db.commit()
    _write_cvs(tmp_path, 3)
    top = CliRunner().invoke(build_app(), ["screen", "--role", role.key, str(tmp_path),
                                           "--top", "1"])
    assert len([r for r in json.loads(top.stdout) if r["status"] == "screened"]) == 1
    table = CliRunner().invoke(build_app(), ["screen", "--role", role.key, str(tmp_path),
                                             "--format", "table"])
    assert table.exit_code == 0
    assert "score" in table.stdout and "cv0.pdf" in table.stdout


def test_it_resumes_a_batch_that_was_killed_halfway(db, tmp_path):
    role = make_role(db)
    db.commit()
    _write_cvs(tmp_path, 4)
    files = [(p.name, p.read_bytes()) for p in sorted(tmp_path.glob("*.pdf"))]

    def crashing():  # type: ignore[no-untyped-def]
        yield from files[:2]
        raise KeyboardInterrupt  # the operator pressed Ctrl-C, or the machine went down

    settings, embedder = get_settings(), default_embedder()
    with pytest.raises(KeyboardInterrupt):
        list(screen_entries(crashing(), role_id=role.id, actor_id=None, settings=settings,
                            embedder=embedder))
    assert db.scalar(select(func.count()).select_from(ScreeningResult)) == 2
    reports = list(screen_entries(files, role_id=role.id, actor_id=None, settings=settings,
                                  embedder=embedder))
    assert [r.status for r in reports] == ["screened"] * 4
    assert db.scalar(select(func.count()).select_from(Document)) == 4
    assert db.scalar(select(func.count()).select_from(ScreeningResult)) == 4


def test_it_keeps_the_other_files_of_a_chunk_when_storing_one_fails(db, monkeypatch):
    """Files are stored a chunk per transaction, each in its own savepoint: a file that fails
    while being stored leaves nothing behind, and the rest of its chunk and the next chunk are
    stored and committed."""
    from searchlight.candidates.models import Candidate
    from searchlight.screening import batches

    role = make_role(db)
    db.commit()
    entries = [(f"cv{i}.txt", make_cv("en", seed=120 + i).text.encode())
               for i in range(batches.CHUNK + 2)]
    real = batches.score_analysis

    def failing(**arguments):  # type: ignore[no-untyped-def]
        if arguments["analysis"].document.filename == "cv3.txt":
            raise RuntimeError("disk full")
        return real(**arguments)

    monkeypatch.setattr(batches, "score_analysis", failing)
    reports = list(screen_entries(entries, role_id=role.id, actor_id=None,
                                  settings=get_settings(), embedder=default_embedder()))
    assert [r.status for r in reports] == ["screened"] * 3 + ["error"] + ["screened"] * (
        batches.CHUNK - 2)
    assert reports[3].error_message == "The file could not be screened (RuntimeError)."
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(ScreeningResult)) == batches.CHUNK + 1
    assert db.scalar(select(func.count()).select_from(Document)) == batches.CHUNK + 1
    assert db.scalar(select(func.count()).select_from(Candidate)) == batches.CHUNK + 1
    assert {r.result_id for r in reports if r.result_id} == set(
        db.scalars(select(ScreeningResult.id)))


def test_it_accepts_a_role_yaml_file(db, tmp_path):
    from tests.screening.factories import ML_PROFILE

    from searchlight.roles.schemas import RoleDocument
    from searchlight.roles.yaml_io import dump_document

    role_file = tmp_path / "role.yaml"
    role_file.write_text(dump_document(RoleDocument.model_validate(
        {**ML_PROFILE, "key": "yaml-role"})))
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    _write_cvs(cvs, 1)
    result = CliRunner().invoke(build_app(), ["screen", "--role", str(role_file), str(cvs)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["score"] is not None


def test_it_names_an_unknown_role(db, tmp_path):
    result = CliRunner().invoke(build_app(), ["screen", "--role", "nope", str(tmp_path)])
    assert result.exit_code == 2
    assert "No role with key 'nope'" in result.output


RECHECK_CV = """Work experience
ML Engineer, Lumen (2021 - present)
- Built fraud models in PyTorch and Python; they serve 2 million predictions a day in production.
- Wrote tested, reviewed code and kept experiments in Jupyter notebooks.
"""


def _screen_with_recheck(db, tmp_path):  # type: ignore[no-untyped-def]
    role = make_role(db)
    db.commit()
    (tmp_path / "cv.txt").write_text(RECHECK_CV, encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["screen", "--role", role.key, str(tmp_path),
                                              "--format", "json", "--recheck", "1"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)
    return row


def test_it_lets_the_configured_model_remove_evidence_of_the_best(db, tmp_path, fake_llm):
    fake_llm.respond_with(lambda body: json.dumps({"quotes": [
        {"id": f"q{n}", "verdict": "not_shown"} for n in range(1, 60)]}))
    row = _screen_with_recheck(db, tmp_path)
    assert row["recheck"]["engine"].startswith("openai-compatible")
    assert row["recheck"]["removed"] > 0 and row["recheck"]["offline_score"] > 0
    assert row["score"] is None  # every quote judged not shown: nothing is known
    assert all(not d["evidence"] and d["score"] is None for d in row["dimensions"].values())
    assert db.scalar(select(func.count()).select_from(LLMCall).where(
        LLMCall.task == "screening.recheck")) == 1


def test_with_the_endpoint_down_the_offline_row_stands(db, tmp_path, fake_llm):
    fake_llm.fail(503, times=50)
    row = _screen_with_recheck(db, tmp_path)
    assert row["recheck"]["engine"] == "offline"
    assert row["score"] == row["recheck"]["offline_score"] is not None
