"""Dutch and English. English source strings are the message ids; Dutch lives in .po catalogues,
one per domain under translations/nl/, so teams can work side by side without merge conflicts."""

import re
from contextvars import ContextVar
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.pofile import read_po

LOCALES = ("nl", "en")
TRANSLATIONS_DIR = Path(__file__).parent / "translations"

current_locale: ContextVar[str] = ContextVar("current_locale", default="nl")


@lru_cache
def catalogue(locale: str) -> dict[str, str]:
    messages: dict[str, str] = {}
    for po_file in sorted((TRANSLATIONS_DIR / locale).glob("*.po")):
        with po_file.open("rb") as handle:
            for message in read_po(handle, locale=locale):
                if message.id and message.string and isinstance(message.id, str):
                    messages[message.id] = str(message.string)
    return messages


def gettext(message: str, /, **values: object) -> str:
    """Translate into the current locale; `values` fill `{name}` placeholders after translation."""
    locale = current_locale.get()
    translated = message if locale == "en" else catalogue(locale).get(message, message)
    return translated.format(**values) if values else translated


_ = gettext


@lru_cache
def plural_catalogue(locale: str) -> dict[str, tuple[str, ...]]:
    """Plural messages: singular message id -> the translated forms (Dutch: one, other)."""
    messages: dict[str, tuple[str, ...]] = {}
    for po_file in sorted((TRANSLATIONS_DIR / locale).glob("*.po")):
        with po_file.open("rb") as handle:
            for message in read_po(handle, locale=locale):
                if isinstance(message.id, tuple | list) and isinstance(
                        message.string, tuple | list) and all(message.string):
                    messages[str(message.id[0])] = tuple(str(s) for s in message.string)
    return messages


def plural_index(locale: str, count: int) -> int:
    """English and Dutch share the rule: one form for exactly 1, another for the rest."""
    return 0 if count == 1 else 1


def ngettext(singular: str, plural: str, count: int, /, **values: object) -> str:
    """Translate a message with a number; `{n}` and `values` are filled after translation."""
    locale = current_locale.get()
    index = plural_index(locale, count)
    forms = (singular, plural) if locale == "en" else plural_catalogue(locale).get(
        singular, (singular, plural))
    return forms[min(index, len(forms) - 1)].format(n=count, **values)


def decimal(value: float, digits: int = 1) -> str:
    """A number as people in the current language write it: 2,5 in Dutch, 2.5 in English."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if current_locale.get() == "nl" else text


def percent(value: float | None, digits: int = 0) -> str:
    """A fraction (0.9) as a percentage ("90%"); "?" when it is unknown."""
    if value is None or value != value:  # NaN
        return "?"
    return decimal(value * 100, digits) + "%"


def N_(message: str, /) -> str:  # noqa: N802 - the customary name for "mark, translate later"
    """Mark a message id for the catalogue without translating it now (menu labels, panels)."""
    return message


LANGUAGE_NAMES = {"nl": N_("Dutch"), "en": N_("English"), "de": N_("German"),
                  "fr": N_("French"), "multi": N_("Several languages"), "unknown": N_("unknown"),
                  "": N_("unknown")}


def language_name(code: str | None) -> str:
    """A language code as a word in the reader's language: "en" -> "Engels"."""
    return gettext(LANGUAGE_NAMES.get(code or "", code or ""))


def normalise_locale(value: str | None) -> str | None:
    if not value:
        return None
    short = value.strip().lower()[:2]
    return short if short in LOCALES else None


_QUOTES = "\"'`“”„‘’‚«»‹›"
_STRAIGHT_QUOTED = re.compile(r'"([^"]+)"')


def unquote(text: str) -> str:
    """Text to be put between quotes of our own: without the quotes it already had around it
    ("Can do", „Can do”, ""PyTorch""), and straight quotes inside it as typographic ones. Text
    with quotes of its own inside ('Agile' and 'Lean') keeps them all."""
    text = text.strip()
    bare = text.strip(_QUOTES + " ")
    if (len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES
            and not any(quote in bare for quote in _QUOTES)):
        text = bare
    return _STRAIGHT_QUOTED.sub(r"“\1”", text)


# Babel's long dates: "4 december 2026" in Dutch, "4 December 2026" in (British) English.
_BABEL_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def long_date(value: date | None, locale: str | None = None) -> str:
    """A date written out in the reader's language, as on a letter: "4 december 2026"."""
    if value is None:
        return ""
    return str(format_date(value, format="long",
                           locale=_BABEL_LOCALES.get(locale or current_locale.get(), "nl_NL")))
