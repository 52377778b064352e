"""The built-in taxonomy's names reach scoring: a tool or method evidences the skill it belongs
to, in Dutch and English, and a look-alike word does not."""

import pytest
from tests.screening.factories import score_text

from searchlight.screening.score.evidence import Passage
from searchlight.screening.score.scoring import ItemSpec
from searchlight.screening.score.skills_found import SkillMatcher
from searchlight.taxonomy.service import builtin_taxonomy

SKILLS = {skill.key: skill for skill in builtin_taxonomy().skills}


def _item(dimension: str, key: str) -> ItemSpec:
    skill = SKILLS[key]
    names = (*skill.synonyms.nl, *skill.synonyms.en)
    return ItemSpec(dimension, 0, skill.label.nl, skill.label.en, synonyms=names, concepts=(key,))


def _strength(item: ItemSpec, text: str) -> float:
    score = score_text([item], {item.dimension: 1.0}, text)
    return score.dimensions[item.dimension].items[0].strength


def _cv(bullet: str) -> str:
    return f"Werkervaring\nDevOps engineer, Verzekeraar BV (2021 - heden)\n- {bullet}\n"


@pytest.mark.parametrize(("key", "bullet"), [
    ("ci-cd", "Released every service to production through Argo CD and Helm charts."),
    ("ci-cd", "Bouwde de release-straat met ArgoCD voor dertig microservices."),
    ("agile", "Werkte twee jaar in een scrumteam aan de claimsapp."),
    ("agile", "Led the team's move to Kanban and cut lead time."),
])
def test_a_tool_or_method_evidences_the_skill_it_belongs_to(key, bullet):
    assert _strength(_item("skills", key), _cv(bullet)) >= 0.85


@pytest.mark.parametrize("bullet", [
    "Introduced engineering best practices for code review.",
    "Schreef richtlijnen voor good practices in de datateams.",
])
def test_practices_do_not_evidence_being_practical(bullet):
    assert _strength(_item("attitude", "pragmatism"), _cv(bullet)) < 0.30


def test_a_very_practical_engineer_still_evidences_pragmatism():
    bullet = "Known as a very practical engineer who picks the simplest fix."
    assert _strength(_item("attitude", "pragmatism"), _cv(bullet)) >= 0.30


def test_safety_work_is_not_agile():
    bullet = "Ran safety reviews of the claims models."
    assert _strength(_item("skills", "agile"), _cv(bullet)) < 0.30


def test_the_skills_found_list_names_every_skill_a_tool_belongs_to():
    matcher = SkillMatcher.build((s.key, s.label.en, (*s.synonyms.en, *s.synonyms.nl))
                                 for s in SKILLS.values())
    found = matcher.find([Passage("Deployed with Argo CD.", 0, 22, "experience")])
    assert {skill.key for skill in found} >= {"ci-cd", "gitops"}
