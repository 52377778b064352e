import pytest

from searchlight.taxonomy import service


def _keys(db, query, **filters):  # type: ignore[no-untyped-def]
    return [s.key for s in service.search_skills(db_session=db, query=query, **filters).skills]


@pytest.mark.parametrize(("query", "expected"), [
    ("veerkracht", "resilience"),
    ("Resilience", "resilience"),
    ("multicultureel", "multicultural-awareness"),
    ("intercultural competence", "multicultural-awareness"),
    ("creativiteit", "creativity"),
    ("kritisch denken", "critical-thinking"),
    ("vectordatabase", "vector-databases"),
    ("k8s", "kubernetes"),
    ("A/B-testen", "ab-testing"),
    ("machinaal leren", "machine-learning"),
    ("stakeholdermanagement", "stakeholder-management"),
])
def test_it_finds_skills_by_name_or_synonym_in_dutch_and_english(db, query, expected):
    assert _keys(db, query)[0] == expected


def test_it_ignores_case_and_accents(db):
    assert _keys(db, "ONTOLOGIEEN") == ["knowledge-graphs"]


def test_it_ranks_exact_names_before_partial_matches(db):
    keys = _keys(db, "python")
    assert keys[0] == "python"


def test_it_filters_by_kind_and_source_and_pages(db):
    soft = service.search_skills(db_session=db, kind="soft", page_size=10)
    assert soft.total >= 30 and len(soft.skills) == 10
    assert all(s.kind == "soft" for s in soft.skills)
    second = service.search_skills(db_session=db, kind="soft", page=2, page_size=10)
    assert not {s.key for s in soft.skills} & {s.key for s in second.skills}
    assert service.search_skills(db_session=db, source="esco").total == 0


def test_it_treats_like_wildcards_in_queries_literally(db):
    assert _keys(db, "%") == []
    assert _keys(db, "_") == []


def test_it_resolves_typed_references_to_keys(db):
    keys, unknown = service.resolve_skill_refs(
        db_session=db, refs=["pytorch", "Kubernetes", " Veerkracht ", "underwater basket weaving"])
    assert keys == ["pytorch", "kubernetes", "resilience"]
    assert unknown == ["underwater basket weaving"]
