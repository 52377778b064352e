"""Draft a role profile from intake answers or a pasted vacancy text. Pure: the skill names
come in as (key, names) pairs from the taxonomy; nothing is saved here."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from searchlight.roles.schemas import DIMENSION_KEYS

# Words that place a requirement in a SEARCH dimension when it is not a skill (nl + en).
_CUES = {
    "experience": r"\bjaar\b|\bjaren\b|\byears?\b|ervaring|experience|achtergrond|background",
    "attitude": r"nieuwsgierig|curious|eigenaarschap|ownership|mindset|houding|attitude|"
                r"leergierig|eager|pragmati|proactie|proactive|can do",
    "results": r"resultat|results?\b|opgeleverd|delivered|impact|behaald|achieved|productie|"
               r"production|portfolio",
    "cognitive": r"analytisch|analytical|denkvermogen|abstract|conceptu|probleemoplos|"
                 r"problem.solving|wiskund|mathemat|logisch|reasoning",
    "habits": r"documenta|tests?\b|testen|review|a/b|werkwijze|discipline|gewoonte|habits?|"
              r"reproduc|versiebeheer|version control",
}
_MUST = re.compile(r"must|vereist|eisen|wat (?:breng|neem) je mee|wat vragen wij|requirements|"
                   r"what you bring|you have|je hebt|required", re.IGNORECASE)
_NICE = re.compile(r"nice|pré|pre\b|bonus|mooi meegenomen|pluspunt|a plus|preferred|"
                   r"wens", re.IGNORECASE)
_OTHER = re.compile(r"wat bieden|we offer|what we offer|arbeidsvoorwaarden|over ons|about us|"
                    r"solliciteren|how to apply|benefits", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•·▪–]|\d+[.)])\s+(.+?)\s*$")
_YEARS = re.compile(r"(\d{1,2})\s*(?:\+|-\s*\d{1,2})?\s*(?:jaar|years?)", re.IGNORECASE)


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return " ".join(re.findall(r"[a-z0-9+#]+", "".join(
        c for c in folded if not unicodedata.combining(c))))


@dataclass(frozen=True)
class SkillNames:
    key: str
    names: tuple[str, ...]


@dataclass
class IntakeAnswers:
    title: str
    language: str
    job_to_be_done: str
    outcomes: list[str] = field(default_factory=list)
    must_haves: dict[str, list[str]] = field(default_factory=dict)
    nice_to_haves: dict[str, list[str]] = field(default_factory=dict)
    team_context: str = ""


def link_skills(line: str, skills: Iterable[SkillNames]) -> list[str]:
    """Keys of the skills whose name (in either language) occurs in the line as whole words; a
    name inside a longer name that matched ('ML' in 'ML operations') does not count."""
    haystack = f" {normalise(line)} "
    spans: list[tuple[int, int, str]] = []
    for skill in skills:
        for name in skill.names:
            needle = f" {normalise(name)} "
            at = haystack.find(needle)
            if len(needle) >= 4 and at >= 0:
                spans.append((at, at + len(needle), skill.key))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, key in spans:
        if any(k_start <= start and end <= k_end for k_start, k_end, _k in kept):
            continue
        kept.append((start, end, key))
    return list(dict.fromkeys(key for _s, _e, key in kept))


def _dimension_of(line: str, linked: list[str]) -> str:
    for key, cue in _CUES.items():
        if re.search(cue, line, re.IGNORECASE):
            return key
    return "skills"


def _item(text: str, must_have: bool, skills: list[SkillNames]) -> dict[str, Any]:
    years = _YEARS.search(text)
    return {"text_nl": text, "text_en": text, "must_have": must_have,
            "skills": link_skills(text, skills),
            "min_years": int(years.group(1)) if years else None}


def _profile(key: str, title: str, jtbd: str, items: dict[str, list[dict[str, Any]]],
             notes: str = "") -> dict[str, Any]:
    return {"key": key, "title_nl": title, "title_en": title, "jtbd_nl": jtbd, "jtbd_en": jtbd,
            "dimensions": [{"key": k, "weight": 1.0, "items": items.get(k, []),
                            "interviewer_notes_nl": notes if k == "attitude" else "",
                            "interviewer_notes_en": notes if k == "attitude" else ""}
                           for k in DIMENSION_KEYS]}


def slug(title: str) -> str:
    return "-".join(normalise(title).replace("+", " ").replace("#", " ").split())[:60] or "role"


def from_answers(answers: IntakeAnswers, skills: list[SkillNames]) -> dict[str, Any]:
    """A draft profile (the RoleProfile shape, both languages filled with the answers' text)."""
    items: dict[str, list[dict[str, Any]]] = {k: [] for k in DIMENSION_KEYS}
    for key in DIMENSION_KEYS:
        items[key] += [_item(t, True, skills) for t in answers.must_haves.get(key, []) if t]
        items[key] += [_item(t, False, skills) for t in answers.nice_to_haves.get(key, []) if t]
    items["results"] += [_item(t, False, skills) for t in answers.outcomes if t]
    return _profile(slug(answers.title), answers.title, answers.job_to_be_done, items,
                    answers.team_context)


def from_vacancy_text(text: str, skills: list[SkillNames]) -> dict[str, Any]:
    """Headings set whether bullets are must-haves or nice-to-haves; cue words and skill links
    place each bullet in a dimension. The first heading is the title, the first paragraph the
    job to be done."""
    title, jtbd, section = "", "", "other"
    items: dict[str, list[dict[str, Any]]] = {k: [] for k in DIMENSION_KEYS}
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        bullet = _BULLET.match(line)
        if bullet is None and (line.startswith("#") or len(line) < 60 and not
                               line.endswith(".")):
            heading = line.lstrip("#").strip()
            title = title or heading
            section = ("nice" if _NICE.search(heading) else "must" if _MUST.search(heading)
                       else "other" if _OTHER.search(heading) else "do")
            continue
        if bullet is None:
            jtbd = jtbd or line
            continue
        content = bullet.group(1)
        if section in ("must", "nice"):
            linked = link_skills(content, skills)
            dimension = _dimension_of(content, linked)
            items[dimension].append(_item(content, section == "must", skills))
        elif section == "do":
            items["results"].append(_item(content, False, skills))
    return _profile(slug(title), title or "?", jtbd or title or "?", items)
