import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from searchlight.cli import build_app
from searchlight.roles import service
from searchlight.roles.demo import SEED_FILE
from searchlight.roles.yaml_io import RoleYamlError, dump_document, parse_documents
from tests.factories import make_user

DOC = Path(__file__).resolve().parents[2] / "docs" / "roles-yaml.md"


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(build_app(), list(args))


def test_it_round_trips_a_role_through_yaml(prompt_engineer, db):
    version = service.get_current_version(db_session=db, role_id=prompt_engineer.id)
    text = dump_document(service.document_of(prompt_engineer, version))
    [document] = parse_documents(text)
    assert document.profile() == service.profile_of(version)
    assert "Veel itereren" in text and "A/B-testen" in text  # Dutch stays readable (no escapes)


def test_it_exports_and_reimports_from_the_cli_without_a_new_version(prompt_engineer, db, tmp_path):
    db.commit()
    exported = _run("roles", "export", "prompt-engineer")
    assert exported.exit_code == 0, exported.output
    assert exported.stdout.startswith("# Searchlight role prompt-engineer, version 1")
    path = tmp_path / "pe.yaml"
    path.write_text(exported.stdout, encoding="utf-8")
    unchanged = _run("roles", "import", str(path))
    assert unchanged.exit_code == 0 and "unchanged" in unchanged.stderr
    path.write_text(exported.stdout.replace("weight: 0.3", "weight: 0.35", 1), encoding="utf-8")
    updated = _run("roles", "import", str(path))
    assert updated.exit_code == 0 and "updated" in updated.stderr and "version 2" in updated.stderr
    db.refresh(prompt_engineer)
    assert prompt_engineer.current_version == 2
    older = _run("roles", "export", "prompt-engineer", "--version", "1")
    assert older.stdout == exported.stdout


def test_it_reports_a_yaml_syntax_error_with_line_and_column(db, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("key: broken\ntitle_nl: [unclosed\ntitle_en: x\n", encoding="utf-8")
    result = _run("roles", "import", str(path))
    assert result.exit_code == 1
    assert re.search(r"broken\.yaml, line \d+, column \d+", result.stderr), result.stderr
    assert "line 2, column 11" in result.stderr


def test_it_names_the_field_path_and_line_of_a_schema_error(prompt_engineer, db, tmp_path):
    text = dump_document(service.document_of(prompt_engineer, prompt_engineer.versions[0]))
    text = text.replace("weight: 0.15", "weight: -1", 1)
    text = text.replace("  - text_nl: RAG\n", "  - tekst: RAG\n")
    path = tmp_path / "invalid.yaml"
    path.write_text(text, encoding="utf-8")
    result = _run("roles", "import", str(path))
    assert result.exit_code == 1
    assert "dimensions[1].weight: Input should be greater than or equal to 0" in result.stderr
    assert "dimensions[0].items[1].tekst: Extra inputs are not permitted" in result.stderr
    line = text.splitlines().index("  weight: -1") + 1
    assert f"line {line}, column 11" in result.stderr


def test_it_requires_all_six_dimensions(db):
    with pytest.raises(RoleYamlError) as raised:
        parse_documents("key: x1\ntitle_nl: a\ntitle_en: b\njtbd_nl: c\njtbd_en: d\n"
                        "dimensions:\n  - {key: skills, weight: 1}\n", source="f.yaml")
    assert "missing: experience, attitude, results, cognitive, habits" in raised.value.message
    assert "f.yaml, line 7, column 3: dimensions" in raised.value.message


def test_it_refuses_unsafe_yaml_tags(db):
    with pytest.raises(RoleYamlError) as raised:
        parse_documents("key: !!python/object/apply:os.system ['true']\n")
    assert "line 1, column 6" in raised.value.message


def test_it_imports_the_example_from_the_documentation(db):
    example = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert example, "docs/roles-yaml.md has a ```yaml example"
    manager = make_user(db, "Hanna", "hiring_manager")
    manager.email = "manager@demo.searchlight.local"
    [document] = parse_documents(example.group(1), source="roles-yaml.md")
    result = service.save_document(db_session=db, actor=None, document=document)
    assert result.status == "created" and result.role.hiring_manager_id == manager.id
    profile = service.profile_of(result.role.versions[0])
    assert profile.dimension("experience").items[0].min_years == 3


def test_it_imports_several_roles_all_or_nothing(seeded, db, tmp_path):
    db.commit()
    text = SEED_FILE.read_text(encoding="utf-8")
    changed = text.replace("weight: 0.25", "weight: 0.5", 1).replace("skills: [langchain]",
                                                                    "skills: [no-such-skill]")
    path = tmp_path / "all.yaml"
    path.write_text(changed, encoding="utf-8")
    result = _run("roles", "import", str(path))
    assert result.exit_code == 1 and "unknown skill 'no-such-skill'" in result.stderr
    role = service.get_by_key(db_session=db, key="ai-solutions-architect")
    db.refresh(role)
    assert role.current_version == 1


def test_it_uploads_and_downloads_yaml_in_the_browser(as_alice, prompt_engineer, db):
    download = as_alice.get("/roles/prompt-engineer/export.yaml")
    assert download.headers["content-type"].startswith("application/yaml")
    assert 'filename="prompt-engineer-v1.yaml"' in download.headers["content-disposition"]
    text = download.text.replace("Ontwerpt optimale", "Ontwerpt de beste")
    response = as_alice.post("/roles/import", files={"file": ("pe.yaml", text, "application/yaml")})
    assert response.status_code == 200 and "saved as version 2" in response.text
    broken = as_alice.post("/roles/import", files={"file": ("bad.yaml", "key: [", "text/yaml")})
    assert broken.status_code == 422
    assert "bad.yaml, line 1, column" in broken.text and "nothing was changed" in broken.text
    everything = as_alice.get("/roles/export.yaml")
    assert len(parse_documents(everything.text)) == 6


def test_it_lets_screening_import_a_single_role_file(db, tmp_path, prompt_engineer):
    from searchlight.roles.yaml_io import import_role_file

    path = tmp_path / "one.yaml"
    path.write_text(dump_document(service.document_of(prompt_engineer,
                                                      prompt_engineer.versions[0])))
    assert import_role_file(db_session=db, path=path, actor=None).id == prompt_engineer.id
