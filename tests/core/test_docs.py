"""The README documents every setting, so operators never have to read the code."""

from pathlib import Path

from searchlight.config import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def _environment_name(field_name: str) -> str:
    field = Settings.model_fields[field_name]
    aliases = getattr(field.validation_alias, "choices", None)
    return str(aliases[0]) if aliases else f"SEARCHLIGHT_{field_name.upper()}"


def test_it_documents_every_setting_in_the_readme():
    missing = [
        _environment_name(name) for name in Settings.model_fields
        if f"`{_environment_name(name)}`" not in README
    ]
    assert not missing, f"Settings missing from the README configuration table: {missing}"


def test_it_gives_the_two_setup_commands():
    assert "make run" in README and "make test" in README


def _commands() -> list[str]:
    import typer

    from searchlight.cli import build_app

    found: list[str] = []

    def walk(command, prefix: list[str]) -> None:  # type: ignore[no-untyped-def]
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            if getattr(sub, "commands", None):
                walk(sub, [*prefix, name])
            else:
                found.append(" ".join([*prefix, name]))

    walk(typer.main.get_command(build_app()), [])
    return found


def test_it_documents_every_command_in_the_readme():
    missing = [c for c in _commands() if f"`searchlight {c}" not in README]
    assert not missing, f"Commands missing from the README: {missing}"


def test_it_names_only_real_commands_in_the_docs():
    import re

    commands = _commands()
    docs = Path(__file__).resolve().parents[2] / "docs"
    unknown = []
    for page in sorted(docs.glob("*.md")):
        for named in re.findall(r"`searchlight ([a-z][a-z-]*(?: [a-z][a-z-]*)?)", page.read_text()):
            if not any(c == named or c.startswith(named + " ") or named.startswith(c + " ")
                       or c == named.split(" ")[0] for c in commands):
                unknown.append(f"{page.name}: searchlight {named}")
    assert not unknown, f"Docs name commands that do not exist: {unknown}"
