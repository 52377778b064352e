"""Every command on a database that was never migrated, or that cannot be reached, answers in
one line that says what to do, exits non-zero and shows no traceback. Run as a user would: the
installed command in a fresh folder."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEARCHLIGHT = [sys.executable, "-m", "searchlight.cli"]


def _run(
    folder: Path, *args: str, database_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k != "DATABASE_URL" and not k.startswith("SEARCHLIGHT_")}
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run([*SEARCHLIGHT, *args], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=120)


def _assert_one_clear_line(result: subprocess.CompletedProcess[str], says: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "sqlalchemy" not in result.stderr.lower()
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert says in lines[0] and "searchlight migrate" in lines[0]


@pytest.mark.parametrize("command", [["roles", "list"], ["audit", "verify"],
                                     ["serve", "--port", "1"]])
def test_it_says_to_migrate_a_database_that_was_never_migrated(tmp_path, command):
    result = _run(tmp_path, *command)
    _assert_one_clear_line(result, "is not set up")


def test_it_says_when_the_database_cannot_be_reached(tmp_path):
    result = _run(tmp_path, "roles", "list",
                  database_url="postgresql+psycopg://nobody:secret@127.0.0.1:1/searchlight")
    _assert_one_clear_line(result, "Cannot reach the database")
    assert "secret" not in result.stderr  # the password stays hidden


def test_it_works_once_migrated(tmp_path):
    assert _run(tmp_path, "migrate").returncode == 0
    result = _run(tmp_path, "roles", "list")
    assert result.returncode == 0, result.stderr
