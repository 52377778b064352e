"""Unknown dimensions and unproven must-haves become interview questions, in Dutch and English."""

from dataclasses import dataclass

from searchlight.screening.score.scoring import ItemResult, Score

_PROMPTS: dict[str, tuple[str, str]] = {
    "skills": ("Laat een voorbeeld zien van werk waarin je {item} toepaste. Wat deed je zelf?",
               "Show an example of work where you applied {item}. What was your own part?"),
    "experience": ("Vertel over je ervaring met {item}: waar, hoe lang en met welk resultaat?",
                   "Tell us about your experience with {item}: where, how long, with what result?"),
    "attitude": ("Beschrijf een situatie waarin je {item} liet zien. Wat deed je en waarom?",
                 "Describe a situation in which you showed {item}. What did you do and why?"),
    "results": ("Welk meetbaar resultaat behaalde je op het gebied van {item}? Hoe mat je dat?",
                "What measurable result did you achieve in {item}? How did you measure it?"),
    "cognitive": ("Hoe pak je dit aan: {item}? Denk hardop en maak je aannames expliciet.",
                  "How would you approach this: {item}? Think aloud and state your assumptions."),
    "habits": ("Hoe ziet {item} er in je dagelijkse werk uit? Geef een recent voorbeeld.",
               "What does {item} look like in your daily work? Give a recent example."),
}


@dataclass(frozen=True)
class InterviewQuestion:
    dimension: str
    reason: str  # "unknown_dimension" or "must_have_unproven"
    text_nl: str
    text_en: str


def _ask(dimension: str, item: ItemResult, reason: str) -> InterviewQuestion:
    dutch, english = _PROMPTS[dimension]
    return InterviewQuestion(
        dimension, reason,
        dutch.format(item=item.spec.text_nl.lower() or item.spec.text_en.lower()),
        english.format(item=item.spec.text_en.lower() or item.spec.text_nl.lower()),
    )


def interview_questions(score: Score) -> list[InterviewQuestion]:
    questions: list[InterviewQuestion] = []
    for key, dimension in score.dimensions.items():
        if dimension.score is None:
            questions.extend(_ask(key, item, "unknown_dimension") for item in dimension.items)
        else:
            questions.extend(
                _ask(key, item, "must_have_unproven") for item in dimension.items
                if item.spec.must_have and not item.matched
            )
    return questions
