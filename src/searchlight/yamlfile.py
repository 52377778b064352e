"""YAML files people write by hand (role profiles, assessment challenges): safe loading and
errors that say where. A syntax error points at its line and column; a schema error (Pydantic)
at the line of the field it is about, with the field path. Only yaml.safe_* is used.

Each caller chooses how a location is written: `Location.long()` gives
"file, line 3, column 5" (roles), `Location.short()` gives "file:3" (assessments).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import ValidationError


@dataclass(frozen=True)
class Location:
    source: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def long(self) -> str:
        if self.line is None:
            return self.source
        return f"{self.source}, line {self.line}, column {self.column}"

    def short(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


Formatter = Callable[[Location], str]


def _location(source: str, mark: Any) -> Location:
    return Location(source, mark.line + 1, mark.column + 1)


def syntax_message(source: str, error: yaml.YAMLError, where: Formatter) -> str:
    """One line for a YAML syntax error: where it is and what is wrong."""
    if not isinstance(error, yaml.MarkedYAMLError) or error.problem_mark is None:
        return f"{source}: not valid YAML ({error})"
    message = f"{where(_location(source, error.problem_mark))}: {error.problem}"
    if error.context and error.context_mark is not None:
        mark = error.context_mark
        message += f" ({error.context} at line {mark.line + 1}, column {mark.column + 1})"
    return message


def field_path(loc: tuple[int | str, ...]) -> str:
    """A validation error's location as `questions[0].items[1].levels`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


def node_at(node: yaml.Node, loc: tuple[int | str, ...]) -> yaml.Node:
    """The deepest YAML node along a validation error's path, to point at its line."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:
                return node
            node = child
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) \
                and part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def schema_problems(
    source: str, text: str, error: ValidationError, prefix: tuple[Any, ...], where: Formatter
) -> list[str]:
    """One line per validation problem: where, the field path and Pydantic's message."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    problems = []
    for issue in error.errors():
        loc = (*prefix, *issue["loc"])
        place = (where(_location(source, node_at(root, loc).start_mark)) if root is not None
                 else where(Location(source)))
        problems.append(f"{place}: {field_path(loc)}: {issue['msg']}")
    return problems
