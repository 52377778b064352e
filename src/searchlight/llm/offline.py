"""The offline engine's mechanics: deterministic Markdown from templates, in Dutch and English.

Features pass an `offline` function to generate_text / generate_structured; it runs when no
endpoint is configured (or on request when the endpoint fails), and its result is labelled
engine "offline", model "offline-templates-v1". Writing that function is the feature's job; this
module gives it one deterministic way to render Markdown:

    from searchlight.llm import offline
    text = offline.render("content/vacancy", language="nl", context={"role": role_facts})

renders src/searchlight/<domain>/offline/<name>.<language>.md with Jinja2: StrictUndefined (a
missing field is an error, not an empty gap), no autoescaping (the output is Markdown, not
HTML; whoever shows it as HTML sanitises it), and two filters: `bullets` (a list as "- " lines)
and `join_words` ("a, b and c" / "a, b en c"). Same template and context, same text."""

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateNotFound

from searchlight.llm.prompts import NAME_PATTERN, PromptError
from searchlight.llm.results import OFFLINE_ENGINE

PACKAGE_DIR = Path(__file__).resolve().parent.parent
AND = {"nl": "en", "en": "and"}

__all__ = ["OFFLINE_ENGINE", "bullets", "join_words", "render"]


def bullets(items: Iterable[Any]) -> str:
    return "\n".join(f"- {item}" for item in items if str(item).strip())


def join_words(items: Iterable[Any], language: str = "en") -> str:
    words = [str(item) for item in items if str(item).strip()]
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {AND.get(language, 'and')} {words[-1]}"


@lru_cache(maxsize=4)
def _environment(root: Path) -> Environment:
    environment = Environment(  # nosec B701
        # plain-text drafts (Markdown), never HTML; pages escape them when shown
        loader=FileSystemLoader(str(root)), undefined=StrictUndefined, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
    )
    environment.filters["bullets"] = bullets
    environment.filters["join_words"] = join_words
    return environment


def render(name: str, *, language: str, context: Mapping[str, Any],
           root: Path | None = None) -> str:
    """The Markdown of template `name` ("<domain>/<name>") in `language` ("nl" or "en")."""
    if not NAME_PATTERN.match(name) or language not in AND:
        raise PromptError(f"not an offline template: {name!r} in {language!r}")
    domain, base = name.split("/")
    try:
        template = _environment(root or PACKAGE_DIR).get_template(
            f"{domain}/offline/{base}.{language}.md")
    except TemplateNotFound:
        raise PromptError(f"offline template {name} has no {language} version") from None
    return template.render(language=language, **context).strip() + "\n"
