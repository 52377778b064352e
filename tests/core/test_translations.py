"""Every user-visible string in code and templates has a Dutch translation."""

from pathlib import Path

from babel.messages.extract import extract_from_dir

from searchlight.i18n import catalogue

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "searchlight"
METHODS = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
KEYWORDS = {"_": None, "gettext": None}


def extracted_messages() -> dict[str, str]:
    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), METHODS, keywords=KEYWORDS,
        options_map={"**/templates/**.html": {"extensions": "jinja2.ext.do"}},
    ):
        if isinstance(message, str) and message:
            found.setdefault(message, f"{filename}:{lineno}")
    return found


def test_it_has_a_dutch_translation_for_every_message():
    dutch = catalogue("nl")
    missing = {msg: where for msg, where in extracted_messages().items() if msg not in dutch}
    assert not missing, "Missing Dutch translations:\n" + "\n".join(
        f"  {where}: {msg!r}" for msg, where in sorted(missing.items(), key=lambda kv: kv[1])
    )


def test_it_finds_messages_in_templates_and_code():
    messages = extracted_messages()
    assert "Log in to Searchlight" in messages  # a template
    assert "E-mail or password is not correct." in messages  # Python code
