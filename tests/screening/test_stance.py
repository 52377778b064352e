"""Passage stance: only doing is full evidence; selling, teaching, working near, aspiring and a
bare skill list are not (or less), in Dutch and English; years count only matching jobs."""

import pytest
from tests.screening.factories import score_text

from searchlight.screening.score.evidence import collect_evidence
from searchlight.screening.score.scoring import (
    ItemSpec,
    Score,
)
from searchlight.screening.score.stance import stance_of, stance_weight, within_jobs


@pytest.mark.parametrize(("text", "section", "stance"), [
    ("Built and trained fraud classifiers in PyTorch and took them to production.",
     "experience", "doing"),
    ("Bouwde een zoekfunctie op een vectordatabase voor medische richtlijnen.", "experience",
     "doing"),
    ("Enterprise account executive selling AI infrastructure to ML teams.", "summary",
     "selling"),
    ("Verkocht chatbotoplossingen op basis van GPT aan webshops.", "experience", "selling"),
    ("Ran workshops that demoed PyTorch to business analysts.", "experience", "teaching"),
    ("Gaf workshops over ChatGPT en prompting aan collega-docenten.", "experience", "teaching"),
    ("Software engineer moving into machine learning.", "summary", "aspiring"),
    ("Backend developer die de overstap wil maken naar machine learning.", "summary",
     "aspiring"),
    ("Masterstudente Artificial Intelligence met interesse in machine learning.", "summary",
     "aspiring"),
    ("MSc Artificial Intelligence, University of Amsterdam (2023 - present)", "education",
     "aspiring"),
    ("Thesis: trained a transformer model to classify bird songs.", "education", "doing"),
    ("Office manager for the ML team of 25 machine learning engineers.", "experience", "near"),
    ("Werkte naast het ML-team en leverde hun trainingsdata aan.", "experience", "near"),
    ("Coordinated the platform team that migrated 40 models to Kubernetes.", "experience",
     "near"),
    ("Worked with the data team, building their feature pipelines in Python.", "experience",
     "doing"),
    ("Python, PyTorch, TensorFlow, Pinecone, Kubernetes", "experience", "listed"),
    ("Python, PyTorch", "skills", "listed"),
    ("ML Engineer, Acme Insurance, Utrecht (2019 - 2022)", "experience", "doing"),
    ("Advised an insurer whose data team then built a claims-triage model.", "experience",
     "near"),
    ("Adviseerde de gemeente over de inzet van een chatbot.", "experience", "near"),
    ("Built a claims-triage model that the team then deployed.", "experience", "doing"),
])
def test_it_tells_doing_from_selling_teaching_near_aspiring_and_listing(text, section, stance):
    assert stance_of(text, section) == stance


def test_it_counts_only_doing_in_full_and_a_listed_skill_less():
    assert stance_weight("doing", "skills") == 1.0
    assert 0.4 <= stance_weight("listed", "skills") < 1.0
    assert stance_weight("listed", "attitude") == 0.0
    for stance in ("teaching", "selling", "near", "aspiring"):
        assert stance_weight(stance, "skills") < 0.4  # under the evidence floor
        assert stance_weight(stance, "experience") < 0.4


def test_it_colours_a_sales_jobs_bullets_but_not_what_was_built_there():
    texts = ["Account Executive, VectorWorks (2021 - present)",
             "Managed 40 customers buying GPU capacity for model training.",
             "Built demo environments in Python."]
    stances = [stance_of(t, "experience") for t in texts]
    assert within_jobs(stances, texts, [(0, 3)]) == ["selling", "selling", "doing"]


ML_ITEMS = [
    ItemSpec("skills", 0, "PyTorch", "PyTorch", must_have=True),
    ItemSpec("experience", 0, "2-4 jaar hands-on ML", "2-4 years of hands-on ML", must_have=True,
             min_years=2, synonyms=("ML", "machine learning", "model training")),
]
WEIGHTS = {"skills": 0.5, "experience": 0.5}


def _score(text: str) -> Score:
    return score_text(ML_ITEMS, WEIGHTS, text)


def test_it_does_not_take_selling_or_demoing_for_evidence():
    seller = _score("""Profile
Enterprise account executive selling AI infrastructure to ML teams.

Work experience
Enterprise Account Executive, VectorWorks (Jan 2017 - present)
- Sold vector database licences to machine learning teams; closed 14 new logos.
- Ran workshops that demoed PyTorch to prospects.
""")
    assert seller.dimensions["skills"].score is None
    assert seller.dimensions["experience"].score is None
    assert seller.overall is None and seller.needs_human_check


def test_it_counts_years_only_for_jobs_whose_work_matches_the_item():
    text = """Work experience
Machine Learning Engineer, Lumen (Jan 2024 - Dec 2024)
- Trained fraud models in PyTorch and took them to production.

Account Manager, CloudServe (Jan 2010 - Dec 2023)
- Managed 40 customers buying GPU capacity for machine learning.
"""
    score = _score(text)
    years = next(r for r in score.dimensions["experience"].items)
    # One year of ML against a minimum of two: half the years, and the topic in full.
    assert years.strength == pytest.approx(0.5 * 0.5 + 0.5 * 1.0, abs=0.05)
    assert all("CloudServe" not in quote.text for quote in years.quotes)
    assert all("customers" not in quote.text for quote in years.quotes)
    assert any("Lumen" in quote.text or "PyTorch" in quote.text for quote in years.quotes)


def test_it_gives_a_job_title_on_its_own_line_to_the_job_below_it():
    text = """Work experience
Account Manager
CloudServe | Jan 2012 - Dec 2021
- Managed 40 customers buying GPU capacity

Machine Learning Engineer
Lumen | Jan 2024 - Dec 2024
- Trained fraud models in PyTorch and took them to production.
"""
    evidence = collect_evidence(text)
    jobs = {period.context.split(" |")[0]: period for period in evidence.periods}
    titles = {name: [p.text for p in evidence.passages[job.first_passage:job.end_passage]]
              for name, job in jobs.items()}
    assert titles["CloudServe"][0] == "Account Manager"
    assert "Machine Learning Engineer" not in titles["CloudServe"]
    assert titles["Lumen"][0].startswith("Machine Learning Engineer")  # (joined to its date)
    assert evidence.stances[jobs["CloudServe"].first_passage + 2] == "selling"  # the bullet
    years = next(r for r in _score(text).dimensions["experience"].items)
    assert years.strength == pytest.approx(0.5 * 0.5 + 0.5 * 1.0, abs=0.05)  # one ML year
