import json

from typer.testing import CliRunner

from searchlight.cli import build_app
from searchlight.roles.schemas import DIMENSION_KEYS


def test_it_lists_roles_as_json(seeded, bob, db):
    from searchlight.roles import service

    role = service.get_by_key(db_session=db, key="ml-engineer")
    role.hiring_manager = bob
    db.commit()
    result = CliRunner().invoke(build_app(), ["roles", "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    roles = {r["key"]: r for r in json.loads(result.stdout)}
    assert set(roles) == {"ai-solutions-architect", "ai-product-owner", "ml-engineer",
                          "prompt-engineer", "mlops-engineer", "ai-native-software-engineer"}
    ml = roles["ml-engineer"]
    assert ml["title"] == {"nl": "Machine Learning Engineer", "en": "Machine Learning Engineer"}
    assert ml["version"] == 1 and ml["hiring_manager"] == bob.email
    assert [d["key"] for d in ml["dimensions"]] == list(DIMENSION_KEYS)
    skills = ml["dimensions"][0]
    assert skills["weight"] == 0.3
    assert skills["items"][1] == {"text_nl": "PyTorch", "text_en": "PyTorch", "must_have": True,
                                  "skills": ["pytorch"], "min_years": None}


def test_it_lists_roles_as_a_table(seeded, db):
    db.commit()
    result = CliRunner().invoke(build_app(), ["roles", "list"])
    assert result.exit_code == 0
    assert "6 roles" in result.stdout and "prompt-engineer" in result.stdout


def test_it_refuses_an_unknown_format_or_role(db):
    assert CliRunner().invoke(build_app(), ["roles", "list", "--format", "xml"]).exit_code == 1
    missing = CliRunner().invoke(build_app(), ["roles", "export", "nope"])
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
