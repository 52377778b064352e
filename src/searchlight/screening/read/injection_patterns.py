"""Phrases, in English and Dutch, that address an AI screener instead of a human reader.

Each pattern needs an instruction *and* a target ("ignore ... previous instructions",
"give this candidate ... the highest score"), so that a prompt engineer who writes "designed
system prompts for a support bot" or "defended against prompt injection" is not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class InjectionPattern:
    message: str
    # A match is impossible unless one of these words occurs, which is cheap to check: most
    # CVs skip most patterns.
    triggers: frozenset[str]
    regex: re.Pattern[str]


_GAP = r"(?:[\w'’-]+\s+){0,4}?"  # up to four words in between: "all of your earlier"

_IGNORE_EN = r"(?:ignore|disregard|forget|override|bypass|skip)"
_EARLIER_EN = (
    r"(?:previous|prior|above|earlier|preceding|foregoing|former|original|initial|all|any|your)"
)
_INSTRUCTIONS_EN = (
    r"(?:instructions?|prompts?|rules|directions|directives|guidelines|context|commands?)"
)

_IGNORE_NL = r"(?:negeer|negeren|vergeet|vergeten|verwaarloos|overschrijf|omzeil)"
_EARLIER_NL = (
    r"(?:eerdere|vorige|voorgaande|bovenstaande|oorspronkelijke|bestaande|alle|al\s+je|je|jouw|uw)"
)
_INSTRUCTIONS_NL = (
    r"(?:instructies?|opdrachten|opdracht|aanwijzingen|regels|prompts?|richtlijnen|"
    r"systeemprompt)"
)

_CANDIDATE_EN = (
    r"(?:(?:this|the)\s+(?:candidate|applicant|cv|resume|résumé|profile|person)|me|him|her)"
)
_TOP_SCORE_EN = (
    r"(?:10\s*/\s*10|10\s+out\s+of\s+10|100\s*/\s*100|5\s*/\s*5|five\s+stars|5\s+stars|"
    r"(?:the\s+)?(?:highest|maximum|max|top|perfect|best(?:\s+possible)?|full)\s+"
    r"(?:score|rating|grade|marks|ranking|possible\s+score)|a\s+perfect\s+(?:match|fit))"
)
_CANDIDATE_NL = (
    r"(?:(?:deze|de)\s+(?:kandidaat|sollicitant|persoon)|dit\s+(?:cv|profiel)|mij|hem|haar)"
)
_TOP_SCORE_NL = (
    r"(?:10\s*/\s*10|10\s+uit\s+10|tien\s+uit\s+tien|een\s+10|een\s+tien|"
    r"(?:de\s+)?(?:hoogste|maximale|beste|volle|perfecte|top)\s*(?:score|beoordeling|cijfer|"
    r"punten|waardering|rangschikking))"
)


def _pattern(message: str, triggers: str, regex: str, flags: int = 0) -> InjectionPattern:
    return InjectionPattern(
        message, frozenset(triggers.split()), re.compile(regex, re.IGNORECASE | flags)
    )


_IGNORE = "asks the AI to ignore its instructions"
_NEW_ROLE = "tries to give the AI a new role"
_TOP_SCORE = "asks for a top score"
_SELECT = "tells the AI whom to select"
_IGNORE_EN_WORDS = "ignore disregard forget override bypass skip"
_IGNORE_NL_WORDS = "negeer negeren vergeet vergeten verwaarloos overschrijf omzeil"


INJECTION_PATTERNS: list[InjectionPattern] = [
    _pattern(_IGNORE, _IGNORE_EN_WORDS, (
        rf"\b{_IGNORE_EN}\s+{_GAP}{_EARLIER_EN}\s+{_GAP}{_INSTRUCTIONS_EN}\b"
    )),
    _pattern(_IGNORE, _IGNORE_EN_WORDS, (
        rf"\b{_IGNORE_EN}\s+(?:everything|anything)\s+(?:above|before|said|you\s+were\s+told)\b"
    )),
    _pattern(_IGNORE, _IGNORE_NL_WORDS, (
        rf"\b{_IGNORE_NL}\s+{_GAP}{_EARLIER_NL}\s+{_GAP}{_INSTRUCTIONS_NL}\b"
    )),
    _pattern(_IGNORE, "negeren vergeten", (
        rf"\b{_EARLIER_NL}\s+{_GAP}{_INSTRUCTIONS_NL}\s+{_GAP}(?:negeren|vergeten)\b"
    )),
    _pattern(_IGNORE, _IGNORE_NL_WORDS, (
        rf"\b{_IGNORE_NL}\s+(?:alles|al\s+het)\s+(?:hierboven|hiervoor|bovenstaande|voorgaande)\b"
    )),
    _pattern(_NEW_ROLE, "now pretend act instruction instructions", (
        r"\byou\s+are\s+now\b|\bfrom\s+now\s+on,?\s+you\b|\bpretend\s+(?:to\s+be|you\s+are)\b|"
        r"\bact\s+as\s+(?:an?\s+|the\s+)?(?:ai|assistant|language\s+model|llm|chatbot|gpt)\b|"
        r"\bnew\s+instructions?\s*:"
    )),
    _pattern(_NEW_ROLE, "nu alsof instructie instructies", (
        r"\b(?:je|jij|u)\s+bent\s+nu\b|\bvanaf\s+nu\s+(?:ben|moet|ga)\s+(?:je|jij|u)\b|"
        r"\bdoe\s+alsof\s+(?:je|jij|u)\b|\bnieuwe\s+instructies?\s*:"
    )),
    _pattern(_TOP_SCORE, "rate score rank grade evaluate assess mark give award", (
        rf"\b(?:rate|score|rank|grade|evaluate|assess|mark|give|award)\s+{_CANDIDATE_EN}\s+"
        rf"{_GAP}(?:as\s+|with\s+|at\s+|an?\s+)?{_TOP_SCORE_EN}"
    )),
    _pattern(_TOP_SCORE, "rated scored ranked graded", (
        rf"\b{_CANDIDATE_EN}\s+(?:is|should\s+be|must\s+be)\s+(?:rated|scored|ranked|graded)\s+"
        rf"{_GAP}{_TOP_SCORE_EN}"
    )),
    _pattern(_TOP_SCORE, "geef beoordeel waardeer scoor rangschik plaats beloon", (
        rf"\b(?:geef|beoordeel|waardeer|scoor|rangschik|plaats|beloon)\s+{_CANDIDATE_NL}\s+"
        rf"{_GAP}(?:als\s+|met\s+)?{_TOP_SCORE_NL}"
    )),
    _pattern(_TOP_SCORE, "verdient krijgt moet dient", (
        rf"\b{_CANDIDATE_NL}\s+(?:verdient|krijgt|moet|dient)\s+{_GAP}{_TOP_SCORE_NL}"
    )),
    _pattern(_SELECT, "candidate applicant", (
        r"\b(?:hire|shortlist|select|advance|recommend)\s+(?:this|the)\s+(?:candidate|applicant)\b|"
        r"\b(?:this|the)\s+(?:candidate|applicant)\s+(?:must|should)\s+be\s+"
        r"(?:hired|shortlisted|selected|invited|advanced|recommended)\b"
    )),
    _pattern(_SELECT, "kandidaat sollicitant", (
        r"\b(?:neem|nodig|selecteer|kies)\s+(?:deze|de)\s+(?:kandidaat|sollicitant)\b|"
        r"\b(?:deze|de)\s+(?:kandidaat|sollicitant)\s+(?:moet|dient)\s+(?:te\s+)?(?:worden\s+)?"
        r"(?:aangenomen|uitgenodigd|geselecteerd|doorgezet)\b"
    )),
    _pattern("addresses the AI's system prompt", "system systemprompt systeem systeemprompt "
             "systeembericht", (
        r"\b(?:reveal|print|show|repeat|output|ignore|override|replace|update)\s+(?:your\s+|the\s+)?"
        r"system\s*(?:prompt|message)\b|\bsystem\s*(?:prompt|message)\s*:|"
        r"\b(?:toon|herhaal|negeer|vervang|overschrijf)\s+(?:je\s+|jouw\s+|de\s+)?systeem\s*prompt\b|"
        r"\bsysteem\s*(?:prompt|bericht)\s*:"
    )),
    _pattern("addresses the AI directly", "note message instruction instructions notitie "
             "bericht instructie instructies opdracht not niet", (
        r"\b(?:note|message|instructions?)\s+(?:to|for)\s+(?:the\s+|any\s+)?"
        r"(?:ai|llm|gpt|chatgpt|language\s+model|screening\s+(?:tool|system|bot)|ats|bot)\b|"
        r"\b(?:notitie|bericht|instructies?|opdracht)\s+(?:aan|voor)\s+(?:de\s+)?"
        r"(?:ai|llm|gpt|chatgpt|taalmodel|chatbot|bot)\b|"
        r"\bdo\s+not\s+(?:mention|reveal|disclose)\s+(?:this|these)\s+(?:instructions?|text|note)\b|"
        r"\b(?:vermeld|noem|onthul)\s+(?:deze|dit)\s+(?:instructies?|tekst|notitie)\s+niet\b"
    )),
    _pattern(
        "contains chat-model control tokens",
        "im_start im_end system user assistant endoftext inst sys instruction instructions",
        # "### Instructions" counts only as a line of its own, like a prompt section header.
        r"<\|\s*(?:im_start|im_end|system|user|assistant|endoftext)\s*\|>|\[/?INST\]|"
        r"<<\s*/?SYS\s*>>|^\s*#{2,}\s*(?:system|instructions?)\s*:?\s*$",
        re.MULTILINE,
    ),
]
