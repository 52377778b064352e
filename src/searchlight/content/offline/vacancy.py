"""The vacancy text: title, intro, the job to be done, what you will do, what you bring per
SEARCH dimension with the must-haves apart, what we offer, how to apply, and AI transparency."""

from searchlight.content.offline.context import Brief, lower_first, sentence
from searchlight.content.offline.phrases import join_list, phrase
from searchlight.roles.schemas import DIMENSION_KEYS

DIMENSION_NAMES = {
    "nl": {"skills": "Vaardigheden", "experience": "Ervaring", "attitude": "Houding",
           "results": "Resultaten", "cognitive": "Denkvermogen", "habits": "Werkwijze"},
    "en": {"skills": "Skills", "experience": "Experience", "attitude": "Attitude",
           "results": "Results", "cognitive": "Thinking", "habits": "Ways of working"},
}


def dimension_name(key: str, language: str) -> str:
    return DIMENSION_NAMES["en" if language == "en" else "nl"][key]


def _intro(brief: Brief) -> str:
    org, lang = brief.organisation, brief.language
    who = (phrase(lang, "who_sector", name=org.name, sector=org.sector)
           if org.name and org.sector else phrase(lang, "who_name", name=org.name)
           if org.name else phrase(lang, "who_none"))
    text = phrase(lang, "intro", who=who, title=brief.title, jtbd_lower=_jtbd_lower(brief))
    return text + (f"\n\n{org.about.strip()}" if org.about.strip() else "")


def _jtbd_lower(brief: Brief) -> str:
    return lower_first(brief.jtbd.rstrip(".")) + "."


def _what_you_do(brief: Brief) -> list[str]:
    lang = brief.language
    lines = [phrase(lang, "do_results", item=lower_first(i)) for i in brief.items("results")]
    if skills := brief.items("skills"):
        lines.append(phrase(lang, "do_skills", items=join_list(skills, lang)))
    if habits := brief.items("habits"):
        lines.append(phrase(lang, "do_habits", items=join_list([lower_first(h) for h in habits],
                                                               lang)))
    return (lines or [phrase(lang, "do_generic")]) + [phrase(lang, "do_together")]


def _bring(brief: Brief, *, must_have: bool) -> list[str]:
    lines = []
    for key in DIMENSION_KEYS:
        items = brief.items(key, must_have=must_have)
        if items:
            lines.append(phrase(brief.language, "dimension_line",
                                dimension=dimension_name(key, brief.language),
                                items=join_list(items, brief.language)))
    return lines


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def vacancy(brief: Brief) -> tuple[str, str]:
    """(title, Markdown) - deterministic for the same brief."""
    lang, org = brief.language, brief.organisation
    musts = _bring(brief, must_have=True)
    nice = _bring(brief, must_have=False)
    offer = list(org.benefits) or [phrase(lang, "offer_default")]
    parts = [
        f"# {brief.title}",
        _intro(brief),
        f"## {phrase(lang, 'job_heading')}",
        phrase(lang, "job", title=brief.title, jtbd_lower=_jtbd_lower(brief)),
        f"## {phrase(lang, 'do_heading')}",
        _bullets(_what_you_do(brief)),
        f"## {phrase(lang, 'bring_heading')}",
        f"### {phrase(lang, 'must_heading')}",
        _bullets(musts) if musts else phrase(lang, "must_none"),
        f"### {phrase(lang, 'nice_heading')}",
        _bullets(nice) if nice else phrase(lang, "nice_none"),
        f"## {phrase(lang, 'offer_heading')}",
        _bullets([sentence(o) for o in offer]),
        f"## {phrase(lang, 'apply_heading')}",
        org.apply.strip() or phrase(lang, "apply_default"),
        f"## {phrase(lang, 'ai_heading')}",
        phrase(lang, "ai_text"),
    ]
    return brief.title, "\n\n".join(parts) + "\n"
