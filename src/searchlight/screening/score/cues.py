"""How CVs word the abstract items of a profile: outcomes, behaviour and ways of thinking.

A results item ("Models in production", "Frictionless deployments") is rarely named: a CV says
what came of the work ("late deliveries dropped by 23%", "releases gaan nu zonder downtime").
An attitude or a way of thinking ("Process-minded", "System insight") is shown by behaviour
("elke wijziging loopt via een vaste route", "found the root cause across two clusters").

Two general signals, in Dutch and English, none keyed to a particular CV or role:
- `is_outcome`: a passage that states a measured or observable result of the work (a change
  with a number, "from 71% to 89%", "bespaarden 40%", "used daily by customers", "in
  production"). Passages of doing that state one get the stance "achieved" (stance.py); a
  results item counts such a passage when it is about the item's subject (`topic_words`).
- `CONCEPT_CUES`: per taxonomy concept of a soft item (the `skills` keys an item links, such
  as `process-mindedness`), the everyday wording of the behaviour or the way of thinking. A cue
  is weaker evidence than the item's own name (`scoring.CUE_WEIGHT`).
"""

import re
from collections.abc import Iterable

from searchlight.screening.score.terms import STOPWORDS, words

# A quantity: digits, or a number word from two up ("one" and "een" are also articles).
_COUNT = (r"(?:\d[\d.,]*\s*(?:%|k\b|m\b|x\b|×)?|two|three|four|five|six|seven|eight|nine|"
          r"ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|half|twee|drie|"
          r"vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|"
          r"vijftig|honderd|duizend|halve)")
_NUMBER = rf"(?:{_COUNT}|one|a single|één|een)"
_CHANGE = (
    # English
    r"reduc(?:ed|es|ing)|cut(?:s|ting)?|lower(?:ed|ing)|decreas(?:ed|ing)|dropp(?:ed|ing)|"
    r"drops?|fell|falls?|halv(?:ed|ing)|increas(?:ed|ing)|rais(?:ed|ing)|rose|rises?|grew|"
    r"grow(?:s|ing)|improv(?:ed|ing)|boost(?:ed|ing)|lift(?:ed|ing)|doubl(?:ed|ing)|tripl(?:ed|"
    r"ing)|sav(?:ed|ing|es)|sped up|speeding up|accelerat(?:ed|ing)|shorten(?:ed|ing)|"
    r"eliminat(?:ed|ing)|prevent(?:ed|ing)|avoid(?:ed|ing)|went (?:up|down)|came down|"
    r"brought down|down from|up from|"
    # Dutch
    r"verlaag(?:d|de|den)|verminder(?:d|de|den)|daal(?:de|den|t)|gedaald|halveer(?:de|den)|"
    r"gehalveerd|verhoog(?:d|de|den)|ste(?:eg|gen)|gestegen|stijgt|groei(?:de|den)|gegroeid|"
    r"verbeter(?:d|de|den)|verdubbel(?:d|de|den)|bespaar(?:d|de|den|t)|bespaard|"
    r"versnel(?:d|de|den)|verkort(?:e|en)?|voorkwam(?:en)?|voorkomen|teruggebracht|"
    r"bracht (?:\w+ ){0,3}terug|scheel(?:t|de)|ging (?:\w+ ){0,3}(?:omlaag|omhoog|van)"
)
_CHANGE_RE = re.compile(rf"(?<![\w-])(?:{_CHANGE})(?![\w-])", re.IGNORECASE)
_QUANTITY = re.compile(rf"(?<![\w-]){_COUNT}(?![\w-])|€|\$|£|\beur\b", re.IGNORECASE)
# "from 71% to 89%", "van twee weken naar één dag", "from 1 in 40 answers to 1 in 600"
_FROM_TO = re.compile(
    rf"\b(?:from|van)\s+(?:\S+\s+){{0,3}}?{_NUMBER}\b.{{0,60}}?\b(?:to|naar|tot)\s+"
    rf"(?:\S+\s+){{0,2}}?{_NUMBER}", re.IGNORECASE)
# Observable use: the work runs and is used.
_IN_USE = re.compile(
    r"(?<![\w-])(?:serv(?:es|ed|ing) (?:\w+ ){0,2}\d|used (?:daily |every day |weekly )?by|"
    r"in daily use|used daily|daily users|in production|went live|live (?:in|since|with|at)|"
    r"without downtime|zero[- ]downtime|no downtime|"
    r"in productie|in gebruik|gebruikt door|(?:dagelijks|elke dag|wekelijks) (?:\w+ ){0,2}"
    r"gebruik\w*|gebruik\w* (?:\w+ ){0,2}dagelijks|zonder downtime|live gezet|ging live|"
    r"draait (?:\w+ ){0,3}(?:in productie|bij|live)|runs (?:\w+ ){0,3}(?:in production|at))"
    r"(?![\w-])", re.IGNORECASE)
# A level reached ("haalt 94% nauwkeurigheid", "reached an F1 of 0.91"), or before and after
# ("took a day ... now takes twelve minutes").
_REACHED = re.compile(
    r"(?<![\w-])(?:achiev\w*|reach\w*|attain\w*|scor(?:ed|es|ing)|haal(?:t|de|den)|behaald\w*|"
    r"bereik\w*|scoort|scoorde)\b.{0,40}?(?:\d[\d.,]*\s*%|\d\.\d+)", re.IGNORECASE)
_BEFORE_AFTER = re.compile(
    r"(?<![\w-])(?:took|used to take|was|duurde|kostte)\b.{0,60}?\b(?:now|nu)\b\s+"
    r"(?:\w+\s+){0,2}?(?:takes?|runs?|costs?|needs?|duurt|kost|gaat|gaan|loopt|lopen|\w*\s*"
    rf"{_COUNT})", re.IGNORECASE)


def is_outcome(text: str) -> bool:
    """Does the passage state what came of the work: a change with a number, a from-to, or
    observable use ("used daily by 300 agents", "draait in productie")?"""
    if _IN_USE.search(text) or _FROM_TO.search(text) or _REACHED.search(text) \
            or _BEFORE_AFTER.search(text):
        return True
    return bool(_CHANGE_RE.search(text) and _QUANTITY.search(text))


# Words that say nothing about a subject on their own ("Business impact *through* AI").
_FRAME_WORDS = frozenset("""
through door via into naar within binnen using met based op basis working werkende
functionerende robust robuuste improved verbeterde verbeterd frictionless frictieloze
new nieuwe good goede strong sterke better betere high hoge development ontwikkeling
product products
""".split())


def topic_words(names: Iterable[str]) -> tuple[str, ...]:
    """The single content words of an item's names: the subject an outcome must be about."""
    found: dict[str, None] = {}
    for name in names:
        for word in words(name):
            if len(word) >= 2 and word not in _FRAME_WORDS and word not in STOPWORDS \
                    and not word.isdigit():
                found[word] = None
    return tuple(found)


# Everyday wording per taxonomy concept, Dutch and English: behaviour that shows an attitude,
# work that shows a way of thinking, and (for results) the subjects an outcome is measured in.
# A cue with stopwords ("van voor tot achter") is matched as written, word for word.
CONCEPT_CUES: dict[str, tuple[str, ...]] = {
    # attitude
    "can-do-attitude": (
        "eigen initiatief", "own initiative", "took the initiative", "nam het initiatief",
        "initiatief", "initiative", "stepped in", "stepped up", "volunteered", "meldde me aan",
        "pak problemen aan", "pakte het op", "pakt het op", "picked it up", "picked up",
        "made it happen", "got it done", "proactief", "proactive", "doener", "doer",
        "zelf geregeld", "sorted it out", "rolled up my sleeves", "mouwen opgestroopt",
        "lever werkende", "deliver working", "direct aan", "geeft niet op",
        "niet snel opgeeft", "never give up", "don't give up", "does not give up",
        "persistent", "volhardend", "doorzetter", "doorzettingsvermogen", "zoek ik uit",
        "figure it out", "find a way", "vind een manier"),
    "pragmatism": (
        "eenvoudigste", "simplest", "simple solution", "eenvoudige oplossing", "good enough",
        "goed genoeg", "nuchter", "nuchtere", "no-nonsense", "praktische",
        "practical approach", "practical solutions",
        "werkende oplossingen", "working solutions", "baseline", "quick win", "quick wins",
        "80/20", "shipped rather than", "ships rather", "liever vandaag", "rather than perfect",
        "in plaats van perfect", "zo simpel mogelijk", "as simple as possible"),
    "creativity": (
        "imaginative", "inventive", "original", "originele", "origineel", "fantasierijk",
        "fantasie", "vindingrijk", "bedacht", "bedenkt", "came up with", "invented",
        "new ideas", "nieuwe ideeën", "ideas", "ideeën", "out of the box", "slogans",
        "storytelling", "verhalen", "concepten bedacht", "won award", "prijs gewonnen",
        "creatieve", "creatively"),
    "attention-to-detail": (
        "detail", "details", "detail-oriented", "nauwkeurig", "nauwkeurige", "zorgvuldig",
        "zorgvuldige", "careful", "carefully", "precise", "precieze", "meticulous",
        "line by line", "regel voor regel", "double-check", "double-checks", "dubbelcheck",
        "controleert", "controleerde", "checks every", "checked every", "foutloos",
        "error-free", "no errors", "zero defects", "schaven", "polish", "polishing",
        "tot het klopt", "until it is right", "every edge case", "elke uitzondering"),
    "process-mindedness": (
        "gestructureerd", "gestructureerde", "structured", "structuur", "structure",
        "processen", "procedures", "procedure", "werkwijze", "vaste werkwijze", "workflow",
        "workflows", "checklist", "checklists", "runbook", "runbooks", "vaste route",
        "fixed route", "standaard", "standaarden", "standardised", "standardized",
        "gestandaardiseerd", "change management", "itil", "methodisch", "methodical",
        "systematisch", "systematic", "systematically", "release process", "releaseproces",
        "in processen", "stap voor stap", "step by step"),
    "builder-mindset": (
        "maker", "makers", "graag bouwt", "bouw graag", "love building", "love to build",
        "like building", "enjoy building", "prototype", "prototypes", "side projects",
        "side project", "zijprojecten", "hackathon", "hackathons", "from scratch", "vanaf nul",
        "zelf gebouwd", "built my own", "werkend prototype", "working prototype"),
    "ownership": (
        "took ownership", "eigenaarschap", "verantwoordelijkheid genomen",
        "nam verantwoordelijkheid", "accountable", "owned", "owner of", "eigenaar van",
        "end-to-end verantwoordelijk", "end-to-end responsible", "on-call", "piket",
        "zag het af", "saw it through", "tot het einde"),
    "outcome-orientation": (
        "outcomes", "outcome", "impact", "meetbare", "measurable", "kpi", "kpis", "oplevert",
        "opleveren", "opbrengst", "what it delivers", "what it brings",
        "doelen behaald", "met targets", "resultaat", "resultaten", "results", "waarde voor",
        "value for", "focus on results", "focus op resultaat"),
    "analytical-thinking": (
        "analysed", "analyzed", "analyseerde", "analyse", "analyses", "data-driven",
        "datagedreven", "kpi", "kpis", "metrics", "onderzocht", "investigated",
        "root cause", "oorzaak", "hypothesis", "hypothese", "hypotheses", "meten", "gemeten",
        "measure", "measured", "measuring", "gebruiksdata", "usage data", "dashboards",
        "dashboard", "traced", "diagnosed", "zocht uit waarom", "zoek ik uit waarom",
        "found out why", "figured out why"),
    # cognitive (and systems thinking as an attitude)
    "systems-thinking": (
        "grote geheel", "big picture", "whole system", "hele systeem", "hele platform",
        "whole platform", "overzicht", "overview", "overziet", "end-to-end", "dependencies",
        "afhankelijkheden", "architecture", "architectuur", "root cause", "oorzaak",
        "samenhang", "interplay", "how the parts fit", "tussen systemen", "across systems",
        "across services", "ketens", "keten", "onderliggende", "underlying",
        "structureel", "traced", "diagnosed", "herleidde", "spoorde", "zocht uit waarom",
        "zoek ik uit waarom", "verdiepte me in waarom", "found out why", "figured out why",
        "for every cluster", "voor elk cluster"),
    "conceptual-thinking": (
        "concept", "concepts", "concepten", "abstract", "abstracties", "abstractions",
        "domain model", "domeinmodel", "principles", "principes", "design patterns",
        "first principles"),
    "mathematical-reasoning": (
        "wiskundig", "wiskundige", "mathematical", "quantitative", "kwantitatief",
        "kwantitatieve", "statistical", "statistisch", "statistische", "probabilistic",
        "probabilistisch", "probabilistische", "derived", "afgeleid", "proof", "bewijs",
        "optimisation", "optimization", "optimalisatie", "econometric", "econometrics",
        "econometrie", "physics", "natuurkunde", "wiskunde", "mathematics", "statistics",
        "statistiek", "bayesian", "bayesiaans", "algebra", "calculus"),
    "mathematics": (
        "econometrics", "econometrie", "physics", "natuurkunde", "statistics", "statistiek",
        "mathematics", "wiskunde", "actuarial", "actuariaat", "operations research"),
    "language-logic": (
        "taal en logica", "language and logic", "logic", "logica", "logical", "logische",
        "linguistics", "linguistic", "taalkunde", "taalwetenschap", "linguist", "wording",
        "formulering", "semantics", "semantiek", "grammar", "grammatica", "puzzles", "puzzels",
        "reasoning", "redeneren", "taalgevoel", "language intuition"),
    "critical-thinking": (
        "critical", "kritisch", "kritische", "sceptical", "skeptical", "questioned",
        "assumptions", "aannames", "challenged", "tested every assumption", "toetste"),
    "commercial-awareness": (
        "commercial", "commercieel", "commerciële", "business", "revenue", "omzet", "pricing",
        "prijsstelling", "margins", "marges", "klantwaarde", "customer value", "business case",
        "market", "markt"),
    "fullstack-thinking": (
        "van voor tot achter", "front to back", "frontend backend", "front-end back-end",
        "end-to-end", "full-stack", "fullstack", "whole stack", "hele stack", "database ui",
        "frontend", "front-end"),
    "fullstack-development": (
        "frontend backend", "front-end back-end", "full-stack", "fullstack"),
    # habits
    "value-validation": (
        "toetste", "getoetst", "validated", "validating", "tested with users",
        "getest met gebruikers", "klantinterviews", "customer interviews", "user interviews",
        "pilots", "pilot", "klikbaar prototype", "clickable prototype", "experiment",
        "experimenten", "experiments", "hypothese", "hypothesis"),
    "iterative-working": (
        "iteraties", "iterations", "iterated", "itereerde", "elke sprint", "every sprint",
        "small increments", "kleine stappen", "kleine verbetering", "stuurde bij", "bijsturen",
        "weekly releases", "wekelijkse releases", "each week", "elke week"),
    "clean-code": (
        "type hints", "linting", "code review", "code reviews", "reviews", "unit tests",
        "tested", "geteste", "refactored", "refactorde", "clean code", "schone code"),
    # results: the subjects an outcome is measured in
    "model-deployment": (
        "predictions", "voorspellingen", "requests", "endpoint", "api", "production",
        "productie", "live", "latency", "uptime", "serving"),
    "deployment-automation": (
        "release", "releases", "deploy", "deploys", "deployments", "uitrol", "uitrollen",
        "downtime", "doorlooptijd", "lead time", "rollback", "rollbacks", "pipeline",
        "pijplijn", "pijplijnen", "modelrelease"),
    "business-case": (
        "costs", "kosten", "cloudkosten", "saved", "savings", "bespaard", "bespaarden",
        "revenue", "omzet", "conversion", "conversie", "churn", "handling time",
        "afhandeltijd", "doorlooptijd", "klanttevredenheid", "customer satisfaction", "nps",
        "eur", "payouts", "fraud", "fraude", "adoption", "adoptie"),
    "llm-evaluation": (
        "accuracy", "nauwkeurigheid", "answers", "antwoorden", "hallucinated",
        "hallucinations", "hallucinaties", "errors", "fouten", "precision", "recall",
        "resolution", "kwaliteit", "quality", "correct", "juiste"),
    "ai-feature-development": (
        "users", "gebruikers", "klanten", "customers", "feature", "features", "functies",
        "agent", "assistant", "assistent", "chatbot", "voorstellen", "suggestions"),
    "system-integration": (
        "integration", "integratie", "koppeling", "koppelde", "systems", "systemen"),
    "ml-pipelines": (
        "pipeline", "pipelines", "pijplijn", "pijplijnen", "throughput", "doorvoer", "uptime",
        "failures", "storingen", "latency", "scale"),
    "ai-architecture": (
        "architecture", "architectuur", "platform", "throughput", "uptime", "latency",
        "scale", "schaal"),
}
# The dimensions whose items use cues as behaviour, thinking and way of working; results use
# them as subjects.
CUE_DIMENSIONS = frozenset({"attitude", "cognitive", "habits"})


def concept_cues(concepts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(cue for key in concepts for cue in CONCEPT_CUES.get(key, ())))
