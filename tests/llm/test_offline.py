"""The offline engine's Markdown templates: deterministic, per language, strict about gaps."""

import pytest

from searchlight.llm import offline
from searchlight.llm.prompts import PromptError

NL = """# {{ role.title }}

Wij zoeken iemand met ervaring in {{ role.skills | join_words(language) }}.

{{ role.tasks | bullets }}
"""
EN = """# {{ role.title }}

We look for someone with experience in {{ role.skills | join_words(language) }}.
"""
ROLE = {"title": "ML Engineer", "skills": ["Python", "MLOps", "statistiek"],
        "tasks": ["Modellen bouwen", "", "Pipelines beheren"]}


@pytest.fixture
def offline_root(tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "demo" / "offline"
    folder.mkdir(parents=True)
    (folder / "intro.nl.md").write_text(NL)
    (folder / "intro.en.md").write_text(EN)
    return tmp_path


def test_it_renders_the_same_markdown_every_time(offline_root):
    first = offline.render("demo/intro", language="nl", context={"role": ROLE}, root=offline_root)
    again = offline.render("demo/intro", language="nl", context={"role": ROLE}, root=offline_root)
    assert first == again
    assert first.startswith("# ML Engineer\n")
    assert "ervaring in Python, MLOps en statistiek." in first
    assert "- Modellen bouwen\n- Pipelines beheren" in first


def test_it_joins_words_in_the_language_of_the_text(offline_root):
    text = offline.render("demo/intro", language="en", context={"role": ROLE}, root=offline_root)
    assert "experience in Python, MLOps and statistiek." in text


def test_it_refuses_a_missing_field(offline_root):
    with pytest.raises(Exception, match="title"):
        offline.render("demo/intro", language="en", context={"role": {"skills": []}},
                       root=offline_root)


def test_it_says_which_language_version_is_missing(offline_root):
    (offline_root / "demo" / "offline" / "intro.en.md").unlink()
    with pytest.raises(PromptError, match="no en version"):
        offline.render("demo/intro", language="en", context={"role": ROLE}, root=offline_root)


@pytest.mark.parametrize(("items", "expected"), [
    ([], ""), (["a"], "a"), (["a", "b"], "a en b"), (["a", "", "b", "c"], "a, b en c")])
def test_it_joins_words(items, expected):
    assert offline.join_words(items, "nl") == expected
