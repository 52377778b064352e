"""The question bank. `{item}` is a role profile item, quoted as the profile writes it."""

from dataclasses import dataclass, field

from searchlight.i18n import unquote

# dimension: (question nl, question en, good answer nl, good answer en)
BANK: dict[str, tuple[str, str, str, str]] = {
    "skills": (
        "Laat een voorbeeld zien van werk waarin je ‘{item}’ hebt toegepast. "
        "Wat was je eigen aandeel?",
        "Show an example of work where you applied ‘{item}’. What was your own part?",
        "Een concreet, recent voorbeeld; eigen keuzes en code, niet alleen die van het team; "
        "kent de grenzen van de techniek.",
        "A concrete, recent example; their own choices and code, not only the team's; knows the "
        "limits of the technique."),
    "experience": (
        "Vertel over je ervaring met ‘{item}’: waar, hoe lang en met welk resultaat?",
        "Tell us about your experience with ‘{item}’: where, how long, with what result?",
        "Plaats, duur en context kloppen met elkaar; noemt domeinkennis die in het werk terugkomt.",
        "Place, duration and context fit together; names domain knowledge that shows in the work."),
    "attitude": (
        "Beschrijf een situatie waarin ‘{item}’ zichtbaar werd in wat je deed. "
        "Wat deed je en waarom?",
        "Describe a situation in which you showed ‘{item}’. What did you do and why?",
        "Neemt eigenaarschap, leert van fouten, vraagt en gebruikt feedback.",
        "Takes ownership, learns from mistakes, asks for and uses feedback."),
    "results": (
        "Welk meetbaar resultaat behaalde je bij ‘{item}’? Hoe heb je dat gemeten?",
        "What measurable result did you achieve in ‘{item}’? How did you measure it?",
        "Een getal met een uitgangswaarde en een meetmethode; eigen bijdrage onderscheiden.",
        "A number with a baseline and a way of measuring; own contribution told apart."),
    "cognitive": (
        "Geef een voorbeeld van een probleem waarvoor je ‘{item}’ nodig had. Hoe pakte je het aan?",
        "Give an example of a problem that needed ‘{item}’. How did you approach it?",
        "Maakt aannames expliciet, weegt alternatieven af, redeneert stap voor stap.",
        "States assumptions, weighs alternatives, reasons step by step."),
    "habits": (
        "Hoe ziet ‘{item}’ er in je dagelijkse werk uit? Geef een recent voorbeeld.",
        "What does ‘{item}’ look like in your daily work? Give a recent example.",
        "Vaste gewoonten (testen, reviews, documentatie) met een recent voorbeeld.",
        "Steady habits (testing, reviews, documentation) with a recent example."),
}
GENERIC_ITEM = {
    "skills": ("je belangrijkste vaardigheid voor deze rol", "your key skill for this role"),
    "experience": ("je meest relevante werk", "your most relevant work"),
    "attitude": ("eigenaarschap", "ownership"),
    "results": ("je laatste project", "your last project"),
    "cognitive": ("analytisch denken", "analytical thinking"),
    "habits": ("je manier van werken", "your way of working"),
}
# The only follow-ups a chat interviewer may ask (by index): they ask for more, never judge.
FOLLOW_UPS: tuple[tuple[str, str], ...] = (
    ("Kun je een concreet voorbeeld geven?", "Could you give a concrete example?"),
    ("Wat was precies jouw eigen aandeel daarin?", "What exactly was your own part in it?"),
    ("Hoe wist je dat het werkte? Wat heb je gemeten?",
     "How did you know it worked? What did you measure?"),
    ("Wat zou je de volgende keer anders doen?", "What would you do differently next time?"),
)


@dataclass(frozen=True)
class KitQuestion:
    dimension: str
    reason: str  # "unknown", "weak", "no_screening", "no_evidence"
    item: str
    text_nl: str
    text_en: str
    good_nl: str
    good_en: str
    follow_ups: tuple[tuple[str, str], ...] = field(default=FOLLOW_UPS)

    def text(self, locale: str) -> str:
        return self.text_nl if locale == "nl" else self.text_en

    def good(self, locale: str) -> str:
        return self.good_nl if locale == "nl" else self.good_en


def question(dimension: str, reason: str, item_nl: str, item_en: str) -> KitQuestion:
    q_nl, q_en, g_nl, g_en = BANK[dimension]
    item_nl, item_en = unquote(item_nl), unquote(item_en)  # the question adds its own quotes
    return KitQuestion(dimension, reason, item_en or item_nl,
                       q_nl.format(item=item_nl or item_en), q_en.format(item=item_en or item_nl),
                       g_nl, g_en)
