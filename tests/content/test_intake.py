"""Vacancy intake: answers or a pasted text become a draft profile linked to the taxonomy,
opened in the roles form; nothing is saved until the recruiter saves it there."""

from searchlight.content.intake.draft import (
    IntakeAnswers,
    SkillNames,
    from_answers,
    from_vacancy_text,
)
from searchlight.roles.models import Role
from searchlight.roles.schemas import RoleProfile
from tests.factories import log_in

SKILLS = [SkillNames("python", ("Python",)), SkillNames("pytorch", ("PyTorch",)),
          SkillNames("mlops", ("MLOps", "ML operations")),
          SkillNames("machine-learning", ("machine learning", "ML"))]

PASTED = """# Data Scientist

Je bouwt modellen die klanten helpen.

## Wat ga je doen?
- Modellen in productie brengen met MLOps

## Wat breng je mee?
- 3+ jaar ervaring met machine learning
- Python en PyTorch
- Analytisch denkvermogen

## Pré
- Ervaring met ML operations in de verzekeringen
- Je documenteert je werk en schrijft tests

## Wat bieden wij?
- Een goed salaris
"""


def test_it_drafts_a_profile_from_a_pasted_vacancy_text():
    profile = from_vacancy_text(PASTED, SKILLS)
    RoleProfile.model_validate(profile)
    assert profile["key"] == "data-scientist" and profile["title_nl"] == "Data Scientist"
    assert profile["jtbd_nl"] == "Je bouwt modellen die klanten helpen."
    dims = {d["key"]: d["items"] for d in profile["dimensions"]}
    experience = dims["experience"]
    assert experience[0]["must_have"] and experience[0]["min_years"] == 3
    assert experience[0]["skills"] == ["machine-learning"]
    assert experience[1]["must_have"] is False and experience[1]["skills"] == ["mlops"]
    assert dims["skills"][0]["skills"] == ["python", "pytorch"] and dims["skills"][0]["must_have"]
    assert dims["cognitive"][0]["text_nl"] == "Analytisch denkvermogen"
    assert dims["habits"][0]["must_have"] is False
    assert dims["results"][0]["skills"] == ["mlops"]
    assert not any("salaris" in i["text_nl"] for items in dims.values() for i in items)


def test_it_drafts_a_profile_from_intake_answers():
    answers = IntakeAnswers(
        title="Prompt Engineer", language="nl", job_to_be_done="Ontwerpt GPT-interacties.",
        outcomes=["Drie assistenten live"], team_context="Team van 6",
        must_haves={"skills": ["Python"]}, nice_to_haves={"skills": ["PyTorch"]})
    profile = from_answers(answers, SKILLS)
    RoleProfile.model_validate(profile)
    dims = {d["key"]: d for d in profile["dimensions"]}
    assert [(i["text_nl"], i["must_have"], i["skills"]) for i in dims["skills"]["items"]] == [
        ("Python", True, ["python"]), ("PyTorch", False, ["pytorch"])]
    assert dims["results"]["items"][0]["text_nl"] == "Drie assistenten live"
    assert dims["attitude"]["interviewer_notes_nl"] == "Team van 6"


def test_it_opens_the_draft_in_the_roles_form_without_saving(client, seeded, alice, bob):
    as_alice = log_in(client, seeded, alice)
    before = seeded.query(Role).count()
    page = as_alice.post("/content/intake", data={
        "mode": "guided", "title": "AI Trainer", "jtbd": "Leert collega's AI gebruiken.",
        "skills.must": "Python\nPrompt engineering", "outcomes": "100 collega's getraind"})
    assert page.status_code == 200
    assert 'action="/roles/new"' in page.text and 'value="ai-trainer"' in page.text
    assert "100 collega&#39;s getraind" in page.text or "100 collega's getraind" in page.text
    assert seeded.query(Role).count() == before
    assert "by offline (offline-templates-v1)" in page.text
    version = as_alice.post("/content/intake", data={"mode": "paste", "pasted": PASTED,
                                                     "target": "ml-engineer"})
    assert 'action="/roles/ml-engineer/edit"' in version.text
    as_bob = log_in(client, seeded, bob)
    assert as_bob.get("/content/intake").status_code == 403
