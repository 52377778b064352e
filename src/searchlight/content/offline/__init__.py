"""The offline engine: deterministic Markdown from a role profile and templates, NL and EN.

- `Brief` / `Organisation` (context): what a text is written from;
- `vacancy(brief)`, `social(brief)` (+ `posts`, `LIMITS`), `onboarding(brief)`: (title, Markdown);
- `generate(kind, brief)`: one of the three by name;
- `phrases`: the sentence templates in both languages.
"""

from collections.abc import Callable

from searchlight.content.offline.context import Brief, Organisation
from searchlight.content.offline.onboarding import onboarding
from searchlight.content.offline.social import LIMITS, Post, posts, social
from searchlight.content.offline.vacancy import vacancy

MODEL = "offline-templates-v1"
WRITERS: dict[str, Callable[[Brief], tuple[str, str]]] = {
    "vacancy": vacancy, "social": social, "onboarding": onboarding,
}


def generate(kind: str, brief: Brief) -> tuple[str, str]:
    return WRITERS[kind](brief)


__all__ = ["LIMITS", "MODEL", "WRITERS", "Brief", "Organisation", "Post", "generate",
           "onboarding", "posts", "social", "vacancy"]
