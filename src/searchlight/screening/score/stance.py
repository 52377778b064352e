"""How a CV passage relates the candidate to what it names: doing it, or only listing, teaching,
selling, working near or aspiring to it. Pure functions on one passage, Dutch and English.

A quote is evidence of an item only when it shows the candidate doing or having done it:
"Built a fraud model in PyTorch" is, "Account executive selling AI infrastructure to ML teams",
"Ran workshops that demoed PyTorch", "Worked alongside the ML team", "Software engineer moving
into machine learning" and "Studied machine learning" are not, and a bare list of skills
("Python, PyTorch, Docker") shows a skill less than a described use.

The cues are phrases, not per-item rules; a passage without any cue counts as doing (a plain
statement of work). The weights are chosen by cross-validation in `bench/evidence.py`.
"""

import re
from typing import Literal

from searchlight.screening.score.cues import is_outcome

Stance = Literal["doing", "listed", "teaching", "selling", "near", "aspiring", "achieved"]
# "achieved" is doing that also states what came of it (`cues.is_outcome`): full evidence like
# doing, and what a results item looks for. Appended last: stored codes keep their meaning.
STANCES: tuple[Stance, ...] = ("doing", "listed", "teaching", "selling", "near", "aspiring",
                               "achieved")
DOING_STANCES = frozenset({"doing", "achieved"})

# How much of a passage's match counts as evidence, per stance (skills; see `stance_weight`).
# Only doing is full evidence; a listed skill is weaker; the rest stay under the evidence floor.
WEIGHTS: dict[str, float] = {
    "doing": 1.0, "achieved": 1.0, "listed": 0.85, "teaching": 0.05, "selling": 0.05, "near": 0.05,
    "aspiring": 0.05,
}
STUDIED_THINKING = 0.9  # an "aspiring" (studied) passage for a cognitive item


def _cues(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])", re.IGNORECASE)


_TEAM = (r"(?:ml|ai|data|data[- ]science|machine[- ]learning|engineering|platform|ontwikkel|"
         r"development|research|tech|mlops|it)[- ]?(?:teams?|afdeling|department|engineers?|"
         r"scientists?|ontwikkelaars|developers)")
ASPIRING = _cues(
    r"moving into", r"move into", r"transition(?:ing)? (?:in)?to", r"switch(?:ing)? (?:in)?to",
    r"career (?:switch|change|changer)", r"retrain(?:ing|ed)? as", r"aspir(?:ing|e|es)",
    r"(?:would like|want|wants|hope|hoping|plan|planning|eager|keen|aim|aiming) to",
    r"looking (?:for|to)", r"seeking", r"interested in", r"interest in", r"fascinated by",
    r"curious about", r"currently learning", r"learning (?:about|the basics)", r"ambition",
    r"goal is to", r"next step",
    r"overstap(?:pen)?", r"maak de overstap", r"omscholing", r"omscholen", r"doorgroeien naar",
    r"(?:wil|zou) (?:graag|mij|me|ik)", r"ambieer", r"ambitie", r"interesse in",
    r"geïnteresseerd in", r"geinteresseerd in", r"nieuwsgierig naar",
    r"leer (?:momenteel|nu)", r"ben (?:nu )?(?:aan het leren|bezig met leren)",
    r"op zoek naar", r"droom", r"wil (?:ik|mij|me)",
)
# Studying a subject: aspiring, unless the passage also says what was built with it (a thesis).
STUDYING = _cues(
    r"(?:am|currently|now) studying", r"studied", r"student", r"self[- ]stud(?:y|ied)",
    r"following (?:a|an|the) (?:course|mooc|bootcamp)", r"(?:online )?courses? (?:in|on)",
    r"minor in", r"coursework", r"studeer", r"studeerde", r"studente?", r"zelfstudie",
    r"volg (?:nu |momenteel )?(?:een|de) (?:cursus|opleiding|bootcamp)", r"vakken?", r"minor",
)
SELLING = _cues(
    r"sold", r"sell(?:s|ing)?", r"account (?:executive|manager|management)",
    r"sales (?:representative|engineer|manager|executive|director|lead|team|quota|targets?)",
    r"pre-?sales", r"quota", r"clos(?:ed|ing) (?:deals|contracts)",
    r"business development", r"new logos", r"prospects?", r"selling to",
    r"verkocht", r"verko(?:op|pen|per)", r"accountmanager", r"salesmanager", r"acquisitie",
    r"nieuwe klanten (?:geworven|binnengehaald)", r"deals? (?:gesloten|binnengehaald)",
)
TEACHING = _cues(
    r"taught", r"teach(?:es|ing)?", r"trainer", r"lecturer", r"lectur(?:ed|es|ing)",
    r"instructor", r"tutor(?:ed|ing)?", r"demo(?:ed|'d|ing)", r"demonstrat(?:ed|ing|ions?)",
    r"(?:gave|give|giving|delivered|ran|run|running|hosted) (?:[\w-]+ ){0,3}(?:workshops?|"
    r"trainings?|talks?|lectures?|courses?|webinars?|classes|bootcamps?)",
    r"workshops? (?:on|about|that|where|in|introducing)", r"courses? (?:material|content)",
    r"curriculum", r"evangelist", r"developer advocate", r"devrel",
    r"trained \d+ (?:\w+ )?(?:engineers|colleagues|people|students|staff|analysts|participants)",
    r"docent", r"doceer(?:de)?", r"les(?:sen)? ?gegeven", r"lesgeven", r"lesgaf",
    r"gaf (?:[\w-]+ ){0,3}(?:workshops?|trainingen|training|cursussen|colleges?|presentaties)",
    r"(?:workshops?|trainingen|cursussen|colleges?) (?:gegeven|over|verzorgd)",
    r"demonstreerde", r"demo's", r"leerlingen", r"cursisten",
)
NEAR = _cues(
    r"alongside", r"next to the", r"embedded (?:in|with)", r"liais(?:ed|on)",
    r"(?:supported|support|supporting|assisted|assisting) (?:the |our |a )?" + _TEAM,
    r"(?:for|with) (?:the |our |a )?" + _TEAM,
    r"recruit(?:ed|ing|er) (?:\w+ ){0,2}(?:engineers|scientists|developers)",
    r"office manager", r"secretary", r"coordinat(?:ed|or|ing) (?:\w+ ){0,2}(?:team|teams)",
    r"(?:werkte|werk|werken|zat) naast", r"naast (?:het|de|ons)",
    r"samen met (?:het |de |ons )?" + _TEAM,
    r"(?:ondersteunde|ondersteuning van|ondersteunen) (?:het |de |ons )?" + _TEAM,
    r"(?:voor|bij) (?:het |de |ons )?" + _TEAM, r"in nauwe samenwerking met",
    r"werkte nauw samen met", r"werving van", r"recruiter", r"recruitment", r"talent acquisition",
    r"(?:worked|working|work) (?:closely )?(?:together )?with (?:the |our )?(?:\w+ ){0,2}"
    r"(?:engineers|scientists|developers|teams?)",
    r"(?:discovery |sales )?(?:calls?|conversations?|interviews?|meetings?) (?:\w+ ){0,6}about",
    r"(?:intake)?gesprekken (?:\w+ ){0,3}over", r"werving",
    # Advising a client on something is not doing it ("Advised an insurer whose data team
    # then built a claims-triage model").
    r"advis(?:ed|ing|es)", r"advisor", r"adviseerde", r"adviseert", r"adviseur",
    r"the client reported", r"de klant meldde",
)
# Verbs of doing the work itself: they keep a passage "doing" even beside a near cue
# ("Worked with the data team, building their feature pipelines").
DOING = _cues(
    r"built", r"build(?:s|ing)?", r"developed", r"develop(?:s|ing)?", r"designed", r"design(?:ing)",
    r"implemented", r"implement(?:ing)?", r"deployed", r"deploy(?:ing)?", r"trained (?:a |an |the |"
    r"\w+ )?(?:models?|networks?|classifiers?|transformers?|llms?)", r"fine[- ]tuned",
    r"wrote", r"writing", r"engineered", r"automated", r"migrated", r"maintained", r"maintaining",
    r"optimi[sz]ed", r"refactored", r"ship(?:ped|s)?", r"productioni[sz]ed", r"set up", r"created",
    r"programmed", r"coded", r"integrated", r"benchmarked", r"evaluated", r"tuned",
    r"bouwde", r"gebouwd", r"ontwikkelde", r"ontwikkeld", r"ontwierp", r"ontworpen",
    r"implementeerde", r"geïmplementeerd", r"bracht (?:\w+ ){0,4}naar productie",
    r"in productie (?:gebracht|genomen)", r"trainde", r"getraind", r"schreef", r"geschreven",
    r"automatiseerde", r"migreerde", r"onderhield", r"optimaliseerde", r"zette (?:\w+ ){0,3}op",
    r"opgezet", r"programmeerde", r"integreerde", r"evalueerde",
)
# A verb right after "who", "that", "die" is someone else's doing: "the team that migrated 40
# models", "engineers who ran the proof of concept".
# (or a few words after it: "an insurer whose data team then built a model").
_OTHERS_DOING = re.compile(r"\b(?:that|who|which|whose|die|dat|welke)\s+(?:[\w'-]+\s+){0,3}$",
                           re.IGNORECASE)
_DATED = re.compile(r"(?:19|20)\d\d\s*(?:-|–|—|to|tot|t/m)\s*(?:(?:\w+\.?\s+)?(?:19|20)\d\d|\w+)",
                    re.IGNORECASE)
_LIST_SEPARATORS = re.compile(r"\s*(?:[,;|·•/]|\s-\s)\s*")
_VERBISH = re.compile(r"\b\w+(?:ed|ing|de|te)\b", re.IGNORECASE)


def _does(text: str) -> bool:
    return any(not _OTHERS_DOING.search(text[max(0, m.start() - 60):m.start()])
               for m in DOING.finditer(text))


def is_bare_list(text: str) -> bool:
    """"Python, PyTorch, Docker, SQL" or "Tools: Git | MLflow | Airflow": names, no sentence
    (a job's title line, "ML Engineer, Acme, Utrecht (2019 - 2022)", is not a list)."""
    if _DATED.search(text):
        return False
    body = text.split(":", 1)[1] if re.match(r"^[^:]{1,30}:", text) else text
    parts = [p for p in _LIST_SEPARATORS.split(body.strip(" .")) if p.strip()]
    if len(parts) < 3:
        return False
    short = sum(len(part.split()) <= 3 for part in parts)
    return short >= 0.75 * len(parts) and not _does(body) and not _VERBISH.search(body)


def stance_of(text: str, section: str = "summary") -> Stance:
    """The stance of one passage (its text and the CV section it stands in)."""
    if section == "skills":
        return "listed"
    if ASPIRING.search(text):
        return "aspiring"
    if SELLING.search(text):
        return "selling"
    if TEACHING.search(text):
        return "teaching"
    doing = _does(text)
    if NEAR.search(text) and not doing:
        return "near"
    if is_bare_list(text):
        return "listed"
    if (STUDYING.search(text) or section in ("education", "certificates")) and not doing:
        # A course or a degree names a subject studied; a thesis or project in it that built
        # something is doing.
        return "aspiring"
    return "achieved" if is_outcome(text) else "doing"


def within_jobs(
    stances: list[Stance], texts: list[str], jobs: "list[tuple[int, int]]"
) -> list[Stance]:
    """A job held as a seller, trainer, recruiter or office manager colours its bullets: under
    "Account Executive, VectorWorks", "Ran discovery calls about their PyTorch stack" is
    selling too. A bullet that says what the candidate built or did stays doing. `jobs` are
    (first, end) passage ranges whose first passage names the job."""
    result = list(stances)
    for first, end in jobs:
        role = stances[first] if 0 <= first < len(stances) else "doing"
        if role in ("doing", "achieved", "listed"):
            continue
        for index in range(first + 1, min(end, len(stances))):
            if result[index] in DOING_STANCES and not _does(texts[index]):
                result[index] = role
    return result


def stances_of(passages: "list[tuple[str, str]] | tuple[tuple[str, str], ...]") -> list[Stance]:
    """Stances of (text, section) passages, in order."""
    return [stance_of(text, section) for text, section in passages]


def stance_weight(stance: str, dimension: str, weights: dict[str, float] | None = None) -> float:
    """The share of a passage's match that counts as evidence of an item of this dimension:
    a bare list shows a skill a little and an attitude or a result not at all; a subject
    studied shows thinking (a degree in mathematics, "Mathematical insight") but no doing."""
    table: dict[str, float] = dict(WEIGHTS if weights is None else weights)
    if stance == "listed" and dimension != "skills":
        return 0.0
    if stance == "aspiring" and dimension == "cognitive":
        return table.get("studied", STUDIED_THINKING)
    return table.get(stance, 1.0)
