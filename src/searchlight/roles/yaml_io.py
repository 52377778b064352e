"""Role profiles as YAML (format: docs/roles-yaml.md). Errors say where: the line and column of
a syntax error, and the line plus field path of a schema error. Only yaml.safe_* is used."""

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.errors import InvalidInput
from searchlight.roles import service
from searchlight.roles.models import Role
from searchlight.roles.schemas import RoleDocument
from searchlight.yamlfile import Location, schema_problems, syntax_message

MAX_YAML_BYTES = 1024 * 1024


class RoleYamlError(InvalidInput):
    """A YAML file that cannot be read as role profiles; the message says where and why."""


def _syntax_error(source: str, error: yaml.YAMLError) -> RoleYamlError:
    return RoleYamlError(syntax_message(source, error, Location.long))


def _schema_error(
    source: str, text: str, error: ValidationError, prefix: tuple[Any, ...]
) -> RoleYamlError:
    problems = schema_problems(source, text, error, prefix, Location.long)
    return RoleYamlError("\n".join(problems), detail={"problems": problems})


def parse_documents(text: str, *, source: str = "YAML") -> list[RoleDocument]:
    """Read one role (a mapping) or several (`roles:` with a list) from YAML text."""
    if len(text.encode()) > MAX_YAML_BYTES:
        raise RoleYamlError(f"{source}: the file is larger than 1 MB.")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise _syntax_error(source, error) from None
    prefix: tuple[str, ...]
    if isinstance(data, dict) and set(data) == {"roles"} and isinstance(data["roles"], list):
        entries, prefix = data["roles"], ("roles",)
    elif isinstance(data, dict):
        entries, prefix = [data], ()
    else:
        raise RoleYamlError(f"{source}: expected a role (a mapping with key, titles, jtbd and "
                            "dimensions) or 'roles:' with a list of them.")
    documents = []
    for index, entry in enumerate(entries):
        try:
            documents.append(RoleDocument.model_validate(entry))
        except ValidationError as error:
            raise _schema_error(source, text, error, (*prefix, index) if prefix else ()) from None
    return documents


class _Dumper(yaml.SafeDumper):
    """Block style for multi-line text, so interviewer notes stay readable in the file."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def _compact(document: RoleDocument) -> dict[str, Any]:
    """The document without default values, in the documented key order."""
    data = document.model_dump(mode="json", exclude_defaults=True, exclude={"change_note"})
    order = ["key", "title_nl", "title_en", "hiring_manager", "jtbd_nl", "jtbd_en", "dimensions"]
    # Items last, so a dimension's weight and interviewer notes are read before its long list.
    data["dimensions"] = [{**{k: v for k, v in d.items() if k != "items"},
                           "items": d.get("items", [])} for d in data["dimensions"]]
    return {k: data[k] for k in order if k in data}


def dump_document(document: RoleDocument, *, header: str = "") -> str:
    body = yaml.dump(_compact(document), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100)
    return (f"# {header}\n" if header else "") + body


def dump_documents(documents: list[RoleDocument]) -> str:
    data = {"roles": [_compact(d) for d in documents]}
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def import_role_file(*, db_session: Session, path: Path, actor: User | None) -> Role:
    """Create or update the one role in a YAML file (a new version only when it changed)."""
    documents = parse_documents(path.read_text(encoding="utf-8"), source=str(path))
    if len(documents) != 1:
        raise RoleYamlError(f"{path}: expected one role, found {len(documents)}.")
    return service.save_document(db_session=db_session, actor=actor, document=documents[0]).role
