"""Unknown dimensions and unproven must-haves become interview questions, in Dutch and English."""

from dataclasses import dataclass

from searchlight.i18n import unquote
from searchlight.screening.score.scoring import ItemResult, Score

# The item is quoted as the role profile writes it (PyTorch stays PyTorch; quotes the profile
# put around it are dropped, these add their own), so every question
# reads well whether the item is a skill, a phrase or a number of years.
_PROMPTS: dict[str, tuple[str, str]] = {
    "skills": ("Laat een voorbeeld zien van werk waarin je ‘{item}’ hebt toegepast. Wat was je "
               "eigen aandeel?",
               "Show an example of work where you applied ‘{item}’. What was your own part?"),
    "experience": ("Vertel over je ervaring op dit punt: ‘{item}’. Waar, hoe lang en met welk "
                   "resultaat?",
                   "Tell us about your experience with ‘{item}’: where, how long, with what "
                   "result?"),
    "attitude": ("Beschrijf een situatie waarin ‘{item}’ zichtbaar werd in wat je deed. Wat deed "
                 "je en waarom?",
                 "Describe a situation in which you showed ‘{item}’. What did you do and why?"),
    "results": ("Welk meetbaar resultaat behaalde je bij ‘{item}’? Hoe heb je dat gemeten?",
                "What measurable result did you achieve in ‘{item}’? How did you measure it?"),
    "cognitive": ("Geef een voorbeeld van een probleem waarvoor je ‘{item}’ nodig had. Hoe pakte "
                  "je het aan? Denk hardop en maak je aannames expliciet.",
                  "Give an example of a problem that needed ‘{item}’. How did you approach it? "
                  "Think aloud and state your assumptions."),
    "habits": ("Hoe ziet ‘{item}’ er in je dagelijkse werk uit? Geef een recent voorbeeld.",
               "What does ‘{item}’ look like in your daily work? Give a recent example."),
}


@dataclass(frozen=True)
class InterviewQuestion:
    dimension: str
    reason: str  # "unknown_dimension", "must_have_unproven" or "no_evidence"
    text_nl: str
    text_en: str


def _ask(dimension: str, item: ItemResult, reason: str) -> InterviewQuestion:
    dutch, english = _PROMPTS[dimension]
    item_nl, item_en = unquote(item.spec.text_nl), unquote(item.spec.text_en)  # ours go around
    return InterviewQuestion(dimension, reason, dutch.format(item=item_nl or item_en),
                             english.format(item=item_en or item_nl))


def interview_questions(score: Score) -> list[InterviewQuestion]:
    questions: list[InterviewQuestion] = []
    for key, dimension in score.dimensions.items():
        if dimension.score is None:
            questions.extend(_ask(key, item, "unknown_dimension") for item in dimension.items)
        else:
            # every item the cv shows no evidence for is asked about, must-haves first
            missing = [item for item in dimension.items if not item.matched]
            questions.extend(_ask(key, item, "must_have_unproven")
                             for item in missing if item.spec.must_have)
            questions.extend(_ask(key, item, "no_evidence")
                             for item in missing if not item.spec.must_have)
    return questions
