from sqlalchemy import func, select

from searchlight.roles import demo, service
from searchlight.roles.models import Role
from searchlight.roles.schemas import DIMENSION_KEYS
from searchlight.taxonomy.service import skills_by_key

# The handbook's words (seed 000), dimension by dimension, split into one item per requirement.
HANDBOOK = {
    "ai-solutions-architect": ("Ontwerpt schaalbare AI-architectuur voor businessapplicaties.", [
        ["ML-infra", "MLOps", "Cloud-native AI"], ["5+ jaar AI/ML-projecten"],
        ["Systeemdenken", "Eigenaarschap"], ["Robuuste AI-pijplijnen"], ["Conceptueel sterk"],
        ["Stakeholder alignment", "Documentatie"]]),
    "ai-product-owner": ("Verbindt AI-techniek met businessdoelen, valideert waarde.", [
        ["Agile", "Metrics", "Design thinking"], ["AI in SaaS / verzekeringen"],
        ["Outcome-gericht", "Analytisch"], ["Business impact door AI"],
        ["Commercieel + systemisch"], ["Valideren", "Itereren"]]),
    "ml-engineer": ("Bouwt, traint en onderhoudt modellen die autonoom functioneren.", [
        ["Python", "PyTorch", "Vector databases"], ["2-4 jaar hands-on ML"],
        ['"Can do"', "Pragmatisch"], ["Productiemodellen"], ["Wiskundig inzicht"],
        ["Codeerdiscipline", "Notebooks"]]),
    "prompt-engineer": ("Ontwerpt optimale GPT-interacties en semantic pipelines.", [
        ["Prompting", "RAG", "Embeddings"], ["GPT", "Claude", "LLM-tools"],
        ["Creatief", "Perfectionist"], ["Verbeterde modeloutput"], ["Taal-logica combineren"],
        ["Veel itereren", "A/B-testen"]]),
    "mlops-engineer": ("Automatiseert AI-deployments en monitoringsprocessen.", [
        ["CI/CD", "K8s", "MLflow"], ["Infra voor LLM pipelines"], ["Process-minded"],
        ["Frictieloze deployments"], ["Systeeminzicht"], ["Logging", "Infra beheer"]]),
    "ai-native-software-engineer": ("Bouwt AI-enabled softwarefuncties in bestaande systemen.", [
        ["LangChain", "Agents", "API-chaining"], ["AI-SaaS productontwikkeling"],
        ["Buildersmentaliteit"], ["Functionerende AI-features"], ["Fullstack denken"],
        ["Modulair bouwen", "Tests"]]),
}


def _profiles(db):  # type: ignore[no-untyped-def]
    return {role.key: service.profile_of(service.get_current_version(db_session=db,
                                                                     role_id=role.id))
            for role in service.list_roles(db_session=db)}


def test_it_loads_the_six_handbook_roles_in_dutch_as_written(seeded):
    profiles = _profiles(seeded)
    assert set(profiles) == set(HANDBOOK)
    for key, (jtbd, dimensions) in HANDBOOK.items():
        profile = profiles[key]
        assert profile.jtbd_nl == jtbd
        assert [d.key for d in profile.dimensions] == list(DIMENSION_KEYS)
        assert [[i.text_nl for i in d.items] for d in profile.dimensions] == dimensions, key


def test_it_has_english_for_everything(seeded):
    for profile in _profiles(seeded).values():
        assert profile.title_en and profile.jtbd_en and profile.jtbd_en != profile.jtbd_nl
        assert all(i.text_en for d in profile.dimensions for i in d.items)
    architect = _profiles(seeded)["ai-solutions-architect"]
    assert architect.jtbd_en == "Designs scalable AI architecture for business applications."
    assert [i.text_en for i in architect.dimension("skills").items] == [
        "ML infrastructure", "MLOps", "Cloud-native AI"]


def test_it_links_every_item_to_existing_taxonomy_skills(seeded):
    for profile in _profiles(seeded).values():
        assert all(i.skills for d in profile.dimensions for i in d.items)
        keys = profile.skill_keys()
        assert set(skills_by_key(db_session=seeded, keys=keys)) == set(keys)
    ml = _profiles(seeded)["ml-engineer"]
    assert ml.dimension("skills").items[2].skills == ["vector-databases"]


def test_it_records_years_weights_and_interviewer_notes(seeded):
    profiles = _profiles(seeded)
    assert profiles["ai-solutions-architect"].dimension("experience").items[0].min_years == 5
    assert profiles["ml-engineer"].dimension("experience").items[0].min_years == 2
    for profile in profiles.values():
        assert round(sum(d.weight for d in profile.dimensions), 6) == 1
        assert any(i.must_have for d in profile.dimensions for i in d.items)
        assert profile.dimension("attitude").interviewer_notes_nl
        assert profile.dimension("attitude").interviewer_notes_en


def test_it_loads_idempotently_and_keeps_edits(seeded, db):
    role = service.get_by_key(db_session=db, key="prompt-engineer")
    profile = service.profile_of(role.versions[0]).model_copy(update={"title_en": "Prompt Lead"})
    service.update_role(db_session=db, actor=None, role=role, profile=profile,
                        hiring_manager_id=None)
    demo.load(db_session=db)
    assert db.scalar(select(func.count()).select_from(Role)) == 6
    assert service.get_by_key(db_session=db, key="prompt-engineer").current_version == 2


def test_it_shows_the_seed_roles_in_dutch_and_english(as_alice, seeded):
    english = as_alice.get("/roles/ai-solutions-architect").text
    assert "Designs scalable AI architecture" in english and "ML infrastructure" in english
    as_alice.post("/locale", data={"locale": "nl", "next": "/"})
    dutch = as_alice.get("/roles/ai-solutions-architect").text
    assert "Ontwerpt schaalbare AI-architectuur" in dutch and "ML-infra" in dutch
    assert "Versiegeschiedenis" in dutch and "Vaardigheden (S)" in dutch
