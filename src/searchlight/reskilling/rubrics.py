"""A rubric per milestone form (the seed's "vorm"): what a reviewer scores, 1 to 5, and which
SEARCH dimension each item counts towards. A dimension's score is the mean of its items
scaled to 0-100 (1 → 0, 5 → 100)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class RubricItem:
    key: str
    text_nl: str
    text_en: str
    dimension: str

    def text(self, locale: str) -> str:
        return self.text_en if locale == "en" else self.text_nl


def _item(key: str, nl: str, en: str, dimension: str) -> RubricItem:
    return RubricItem(key, nl, en, dimension)


_DEMO = _item("demo", "Werkt de demo zoals bedoeld?", "Does the demo work as intended?",
              "results")
_PROMPTS = _item("prompts", "Kwaliteit en herbruikbaarheid van de prompts",
                 "Quality and reuse of the prompts", "skills")
_REASONING = _item("reasoning", "Onderbouwing en keuzes", "Reasoning and choices", "cognitive")
_FEEDBACK = _item("feedback", "Verwerkt feedback en leert ervan",
                  "Takes feedback on board and learns from it", "attitude")
_HABITS = _item("discipline", "Werkwijze: testen, loggen, documenteren",
                "Way of working: testing, logging, documenting", "habits")
_CONTEXT = _item("context", "Businesscontext en waarde voor de klant",
                 "Business context and value for the customer", "experience")

RUBRICS: dict[str, tuple[RubricItem, ...]] = {
    "demo_test": (_PROMPTS, _DEMO, _item("test", "Resultaat van de toets", "Test result",
                                         "cognitive")),
    "peer_review": (_DEMO, _REASONING, _FEEDBACK),
    "production_demo": (_DEMO, _item("evaluation", "Evaluatie van de AI-output (metrics)",
                                     "Evaluation of the AI output (metrics)", "skills"),
                        _HABITS),
    "audit_log_review": (_item("audit", "Volledigheid en juistheid van de auditlog",
                               "Completeness and correctness of the audit log", "habits"),
                         _REASONING, _PROMPTS),
    "technical_demo": (_DEMO, _item("checklist", "Checklist afgevinkt", "Checklist completed",
                                    "habits"), _PROMPTS),
    "simulated_customer": (_item("conversation", "Kwaliteit van de klantinteractie",
                                 "Quality of the customer interaction", "results"),
                           _CONTEXT, _FEEDBACK),
    "co_creation_review": (_DEMO, _CONTEXT, _FEEDBACK),
    "presentation": (_REASONING, _CONTEXT, _FEEDBACK),
    "demo_walkthrough": (_DEMO, _PROMPTS, _REASONING),
    "sprint_reflection": (_item("contribution", "Bijdrage aan de teamoutput",
                                "Contribution to the team output", "results"),
                          _FEEDBACK, _HABITS),
    "theory_test": (_item("theory", "Resultaat van de theorietoets", "Theory test result",
                          "cognitive"),
                    _item("self_analysis", "Eerlijke en bruikbare zelfanalyse",
                          "Honest and useful self-analysis", "attitude")),
    "prompt_challenge": (_PROMPTS, _item("log", "Logboek: debugstappen navolgbaar",
                                         "Log: debugging steps can be followed", "habits"),
                         _REASONING),
}
DEFAULT_RUBRIC = (_DEMO, _REASONING, _FEEDBACK)


def rubric_for(form_kind: str) -> tuple[RubricItem, ...]:
    return RUBRICS.get(form_kind, DEFAULT_RUBRIC)


def to_percent(score: float) -> int:
    """A 1-5 rating as 0-100."""
    return round((score - 1) * 25)


def dimension_scores(items: tuple[RubricItem, ...], scores: dict[str, int]) -> dict[str, int]:
    """The 0-100 score per dimension the rubric touches (mean of its items)."""
    by_dimension: dict[str, list[int]] = {}
    for item in items:
        by_dimension.setdefault(item.dimension, []).append(scores[item.key])
    return {d: to_percent(sum(v) / len(v)) for d, v in by_dimension.items()}
