import json

import pytest
from sqlalchemy import func, select
from tests.screening.cvfiles import make_cv, make_pdf
from tests.screening.factories import make_role
from typer.testing import CliRunner

from searchlight.candidates.models import Document
from searchlight.cli import build_app
from searchlight.config import get_settings
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
