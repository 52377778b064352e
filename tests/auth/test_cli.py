from sqlalchemy import select
from typer.testing import CliRunner

from searchlight.auth.models import ApiToken, User
from searchlight.cli import build_app


def test_it_creates_a_user_from_the_cli(db):
    result = CliRunner().invoke(build_app(), [
        "users", "create", "erin@example.org", "--name", "Erin", "--role", "ld_lead",
        "--password", "long-enough-pw",
    ])
    assert result.exit_code == 0, result.output
    assert db.scalar(select(User.role).where(User.email == "erin@example.org")) == "ld_lead"


def test_it_refuses_an_unknown_role(db):
    result = CliRunner().invoke(build_app(), [
        "users", "create", "x@example.org", "--name", "X", "--role", "overlord",
        "--password", "long-enough-pw",
    ])
    assert result.exit_code == 1
    assert "Unknown role" in result.output


def test_it_prints_an_api_token_once(db, alice):
    db.commit()
    result = CliRunner().invoke(build_app(), ["users", "token", alice.email, "--name", "sync"])
    assert result.exit_code == 0
    assert result.stdout.strip().startswith("sl_")
    assert db.scalar(select(ApiToken.name).where(ApiToken.user_id == alice.id)) == "sync"
