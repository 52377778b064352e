from sqlalchemy import func, select

from searchlight.taxonomy import service
from searchlight.taxonomy.models import Skill, SkillLabel

# Every skill the six roles of seed 000 and the prompt-engineer profile of seed 004 name, as
# the documents write them (Dutch or English); each must resolve to a built-in skill.
SEED_SKILL_NAMES = (
    "ML-infra", "MLOps", "cloud-native AI", "Agile", "metrics", "design thinking", "Python",
    "PyTorch", "vector databases", "Prompting", "RAG", "embeddings", "GPT", "Claude",
    "LLM-tools", "CI/CD", "K8s", "MLflow", "LangChain", "agents", "API-chaining", "A/B-testen",
    "infra voor LLM-pipelines", "AI-SaaS", "verzekeringen", "systeemdenken", "eigenaarschap",
    "stakeholder alignment", "documentatie", "outcome-gericht", "analytisch", "valideren",
    "itereren", "can do", "pragmatisch", "wiskundig inzicht", "codeerdiscipline", "notebooks",
    "creatief", "perfectionist", "taal-logica combineren", "process-minded", "systeeminzicht",
    "logging", "infra beheer", "buildersmentaliteit", "fullstack denken", "modulair bouwen",
    "tests", "conceptueel sterk", "commercieel", "AI-pijplijnen",
    # seed 004: the prompt engineer and skills-based search
    "communicatievaardigheden", "schrijfvaardigheid", "API's", "opdrachtregelinterfaces",
    "besturingssystemen", "natuurlijke taalverwerking", "grote taalmodellen", "machine learning",
    "AI-gegenereerde content", "domeinkennis", "contextuele analyse", "gebruikersempathie",
    "gegevensanalyse", "kritisch denken", "flexibiliteit", "drive om te verbeteren",
    "veerkracht", "creativiteit", "multicultureel bewustzijn", "stakeholdermanagement",
)


def test_it_ships_at_least_150_bilingual_skills_with_synonyms():
    taxonomy = service.builtin_taxonomy()
    assert len(taxonomy.skills) >= 150
    assert len({s.key for s in taxonomy.skills}) == len(taxonomy.skills)
    assert {s.kind for s in taxonomy.skills} == {"technical", "domain", "soft"}
    assert {s.group for s in taxonomy.skills} <= {g.key for g in taxonomy.groups}
    with_both = [s for s in taxonomy.skills if s.synonyms.en and s.synonyms.nl]
    assert len(with_both) / len(taxonomy.skills) > 0.95


def test_it_covers_every_skill_the_seed_documents_name(db):
    keys, unknown = service.resolve_skill_refs(db_session=db, refs=SEED_SKILL_NAMES)
    assert unknown == []
    assert {"resilience", "creativity", "multicultural-awareness", "stakeholder-management",
            "critical-thinking", "kubernetes", "vector-databases", "ab-testing"} <= set(keys)


def test_it_loads_the_builtin_skills_idempotently(db):
    from searchlight.taxonomy.demo import load

    load(db_session=db)
    load(db_session=db)
    skills = db.scalar(select(func.count()).select_from(Skill).where(Skill.source == "builtin"))
    labels = db.scalar(select(func.count()).select_from(SkillLabel))
    assert service.sync_builtin(db_session=db) == 0
    assert skills == len(service.builtin_taxonomy().skills)
    assert db.scalar(select(func.count()).select_from(SkillLabel)) == labels


def test_it_loads_the_taxonomy_on_first_use(db):
    assert db.scalar(select(func.count()).select_from(Skill)) == 0
    assert "Veerkracht" in service.all_skill_labels(db_session=db, language="nl")
    assert db.scalar(select(func.count()).select_from(Skill)) >= 150


def test_it_lists_labels_per_language(db):
    dutch = service.all_skill_labels(db_session=db, language="nl")
    english = service.all_skill_labels(db_session=db, language="en")
    assert "Multicultureel bewustzijn" in dutch and "Multicultural awareness" not in dutch
    assert "Multicultural awareness" in english and "K8s" in english
    assert set(service.all_skill_labels(db_session=db)) == set(dutch) | set(english)


def test_it_gives_index_entries_with_synonyms_in_both_languages(db):
    entries = {key: (label, synonyms)
               for key, label, synonyms in service.skill_index_entries(db_session=db)}
    label, synonyms = entries["resilience"]
    assert label == "Resilience"
    assert "Veerkracht" in synonyms and "stress resistance" in synonyms
    dutch = dict((k, lbl) for k, lbl, _s in service.skill_index_entries(db_session=db,
                                                                           language="nl"))
    assert dutch["resilience"] == "Veerkracht"
