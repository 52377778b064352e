"""Every user-visible string in code and templates has a Dutch translation."""

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir

from searchlight.i18n import catalogue, current_locale, ngettext, plural_catalogue

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "searchlight"
METHODS = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
PLACEHOLDER = re.compile(r"\{(\w+)\}")
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2)}


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


def plural_messages() -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), METHODS, keywords={"ngettext": (1, 2)},
        options_map={"**/templates/**.html": {"extensions": "jinja2.ext.do"}},
    ):
        if isinstance(message, tuple) and all(message):
            found.setdefault((message[0], message[1]), f"{filename}:{lineno}")
    return found


def test_it_has_both_dutch_plural_forms_with_the_same_placeholders():
    dutch = plural_catalogue("nl")
    problems = []
    for (singular, plural), where in sorted(plural_messages().items(), key=lambda kv: kv[1]):
        forms = dutch.get(singular)
        if forms is None or len(forms) != 2:
            problems.append(f"{where}: {singular!r} has no two Dutch forms")
            continue
        for english, translated in ((singular, forms[0]), (plural, forms[1])):
            wanted = set(PLACEHOLDER.findall(english)) - {"n"}
            if wanted != set(PLACEHOLDER.findall(translated)) - {"n"}:
                problems.append(f"{where}: {translated!r} does not fill the same values")
    assert not problems, "\n".join(problems)


def test_it_declares_the_dutch_plural_rule_in_every_catalogue_with_plurals():
    for po_file in sorted((PACKAGE / "translations" / "nl").glob("*.po")):
        text = po_file.read_text(encoding="utf-8")
        if "msgid_plural" in text:
            assert "Plural-Forms: nplurals=2; plural=(n != 1);" in text, po_file.name


def test_it_chooses_the_plural_form_by_number():
    token = current_locale.set("nl")
    try:
        assert ngettext("{n} candidate", "{n} candidates", 1) == "1 kandidaat"
        assert ngettext("{n} candidate", "{n} candidates", 0) == "0 kandidaten"
        assert ngettext("{n} candidate", "{n} candidates", 2) == "2 kandidaten"
    finally:
        current_locale.reset(token)
    token = current_locale.set("en")
    try:
        assert ngettext("{n} candidate", "{n} candidates", 1) == "1 candidate"
        assert ngettext("{n} candidate", "{n} candidates", 3) == "3 candidates"
    finally:
        current_locale.reset(token)


# A number before a counted noun needs ngettext: "1 dagen" and "1 kandidaten" are wrong Dutch.
COUNTED = re.compile(
    r"\{\w+\} (?:days?|weeks?|months?|hours?|minutes?|seconds?|years?|candidates?|findings?|"
    r"suggestions?|hires?|figures?|applications?|files?|skills?|courses?|cvs?|CVs?)\b")
# Counts that are never 1 where the message is shown, with the reason.
NEVER_ONE = {
    "More than {count} candidates": "a cap of hundreds",
    "{n} variants": "shown from two variants on",
    "{n} longer than 25 words": "'longer' describes sentences, fine for 1 in both languages",
    "You have {minutes} minutes from the moment you start. Your answers are saved as you type.":
        "a challenge's time limit, tens of minutes",
    "Goal: mid-level AI expert within {n} months of the start.": "the 12-month programme goal",
    "{cohort}: month {months} of 12, {done} of {total} milestones done": "a programme's total",
    # past a threshold of days or weeks from the settings, which are more than one
    "{candidate} (score {score}) has waited {days} days in “{stage}”: move them on or tell them "
    "where they stand.": "more days than the waiting limit",
    "{candidate} has had no message for {days} days (your limit is {limit}): send an update.":
        "more days than the message limit",
    "{source} brought no applicants in {days} days: refresh the posting or move the budget.":
        "the idle-channel setting",
    "No evidence for {weeks} weeks": "the no-evidence setting (weeks)",
    "No evidence since the start ({weeks} weeks)": "the no-evidence setting (weeks)",
    "Assumptions: hiring takes {hiring} months; a candidate below the level then follows a "
    "preparation programme of {prep} months; an employee below the level is ready when their "
    "programme's calendar ends. Candidates are shown without names.": "stated assumptions",
    "Data of rejected applicants is removed {days} days after the procedure closes; with consent "
    "it is kept for {consent_days} days. The app checks every hour.": "retention settings",
}


def test_it_counts_nouns_with_a_plural_form():
    wrong = {msg: where for msg, where in extracted_messages().items()
             if COUNTED.search(msg) and msg not in NEVER_ONE}
    assert not wrong, "Use ngettext for these counts:\n" + "\n".join(
        f"  {where}: {msg!r}" for msg, where in sorted(wrong.items(), key=lambda kv: kv[1]))
