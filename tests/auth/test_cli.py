import json

from sqlalchemy import select
from typer.testing import CliRunner

from searchlight.auth.models import ApiToken, User
from searchlight.cli import build_app
from searchlight.governance.models import AuditEntry


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


def test_it_lists_a_users_tokens_without_the_token_and_revokes_one(client, db, alice, bob):
    db.commit()
    runner, app = CliRunner(), build_app()
    secret = runner.invoke(app, ["users", "token", alice.email, "--name", "sync"]).stdout.strip()
    runner.invoke(app, ["users", "token", bob.email, "--name", "bobs"])
    listed = runner.invoke(app, ["users", "tokens", alice.email, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert [(row["name"], row["revoked_at"]) for row in rows] == [("sync", None)]
    assert secret not in listed.stdout and "token_hash" not in listed.stdout
    bearer = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/candidates", headers=bearer).status_code == 200

    revoked = runner.invoke(app, ["users", "revoke-token", alice.email, str(rows[0]["id"])])
    assert revoked.exit_code == 0, revoked.output
    assert client.get("/api/candidates", headers=bearer).status_code == 401
    again = json.loads(runner.invoke(app, ["users", "tokens", alice.email, "--format",
                                           "json"]).stdout)
    assert again[0]["revoked_at"] is not None and again[0]["last_used_at"] is not None
    events = db.scalars(select(AuditEntry.action).where(AuditEntry.action.like("api_token.%"))
                        .order_by(AuditEntry.id)).all()
    assert events == ["api_token.created", "api_token.created", "api_token.revoked"]


def test_it_revokes_only_the_named_users_token_and_only_once(db, alice, bob):
    db.commit()
    runner, app = CliRunner(), build_app()
    runner.invoke(app, ["users", "token", bob.email, "--name", "bobs"])
    bobs = db.scalar(select(ApiToken.id).where(ApiToken.user_id == bob.id))
    wrong_user = runner.invoke(app, ["users", "revoke-token", alice.email, str(bobs)])
    assert wrong_user.exit_code == 1 and "has no API token" in wrong_user.output
    assert db.scalar(select(ApiToken.revoked_at).where(ApiToken.id == bobs)) is None
    assert runner.invoke(app, ["users", "revoke-token", bob.email, str(bobs)]).exit_code == 0
    twice = runner.invoke(app, ["users", "revoke-token", bob.email, str(bobs)])
    assert twice.exit_code == 1 and "already revoked" in twice.output
    nobody = runner.invoke(app, ["users", "tokens", "nobody@example.org"])
    assert nobody.exit_code == 1 and "no user with e-mail nobody@example.org" in nobody.output
