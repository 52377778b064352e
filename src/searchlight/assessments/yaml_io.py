"""Challenge YAML (format: docs/assessments-yaml.md). A file holds one challenge (a mapping) or
several (`challenges:` with a list). Errors say where, as `file:line: field: message`, using the
same located-error code as role profiles (searchlight.yamlfile)."""

from typing import Any

import yaml
from pydantic import ValidationError

from searchlight.assessments.schemas import Challenge
from searchlight.errors import InvalidInput
from searchlight.yamlfile import Location, schema_problems, syntax_message

MAX_YAML_BYTES = 1024 * 1024


class ChallengeYamlError(InvalidInput):
    """A YAML file that cannot be read as challenges; the message says where and why."""


def parse_challenges(text: str, *, source: str = "YAML") -> list[Challenge]:
    if len(text.encode()) > MAX_YAML_BYTES:
        raise ChallengeYamlError(f"{source}: the file is larger than 1 MB.")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ChallengeYamlError(syntax_message(source, error, Location.short)) from None
    prefix: tuple[str, ...]
    if isinstance(data, dict) and set(data) == {"challenges"} \
            and isinstance(data["challenges"], list):
        entries, prefix = data["challenges"], ("challenges",)
    elif isinstance(data, dict):
        entries, prefix = [data], ()
    else:
        raise ChallengeYamlError(f"{source}:1: expected a challenge (a mapping with key, title, "
                                 "language and questions) or 'challenges:' with a list of them.")
    challenges: list[Challenge] = []
    problems: list[str] = []
    for index, entry in enumerate(entries):
        try:
            challenges.append(Challenge.model_validate(entry))
        except ValidationError as error:
            where: tuple[Any, ...] = (*prefix, index) if prefix else ()
            problems += schema_problems(source, text, error, where, Location.short)
    keys = [challenge.key for challenge in challenges]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        problems.append(f"{source}: challenge key(s) used twice: {', '.join(duplicates)}")
    if problems:
        raise ChallengeYamlError("\n".join(problems), detail={"problems": problems})
    return challenges


def parse_challenge(text: str, *, source: str = "YAML") -> Challenge:
    challenges = parse_challenges(text, source=source)
    if len(challenges) != 1:
        raise ChallengeYamlError(f"{source}: expected one challenge, found {len(challenges)}.")
    return challenges[0]


def dump_challenge(challenge: Challenge) -> str:
    data = challenge.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
