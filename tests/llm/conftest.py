"""Prompt templates for the AI layer's own tests, written to a temporary package folder."""

from pathlib import Path

import pytest

from searchlight.llm import prompts

WRITE = """---
version: 2
description: A short text about a role.
---
[system]
You are a careful recruitment writer. Write in {{ language_name }}.

[user]
Write a short introduction for this role.
{{ role }}
"""

EXTRACT = """---
version: 1
system: You read role descriptions and list their skills.
user: |
  List the skills of this role.
  {{ role }}
---
"""


@pytest.fixture
def prompt_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "demo" / "prompts"
    folder.mkdir(parents=True)
    (folder / "write.md").write_text(WRITE)
    (folder / "extract.md").write_text(EXTRACT)
    monkeypatch.setattr(prompts, "PACKAGE_DIR", tmp_path)
    return tmp_path
