def test_it_searches_skills_in_both_languages_on_the_page(as_alice, db):
    dutch = as_alice.get("/skills", params={"q": "veerkracht"})
    assert dutch.status_code == 200
    assert 'href="/skills/resilience"' in dutch.text and "1 skill found" in dutch.text
    english = as_alice.get("/skills", params={"q": "cultural sensitivity"})
    assert 'href="/skills/multicultural-awareness"' in english.text


def test_it_filters_and_pages_the_skill_list(as_alice, db):
    soft = as_alice.get("/skills", params={"kind": "soft"})
    assert 'href="/skills/analytical-thinking"' in soft.text
    assert 'href="/skills/pytorch"' not in soft.text
    assert "Page 1 of" in soft.text and "page=2" in soft.text
    second = as_alice.get("/skills", params={"kind": "soft", "page": 2})
    assert "Page 2 of" in second.text
    nothing = as_alice.get("/skills", params={"q": "underwater basket weaving"})
    assert "No skill matches these filters." in nothing.text


def test_it_returns_only_the_results_to_htmx(as_alice, db):
    partial = as_alice.get("/skills", params={"q": "k8s"}, headers={"HX-Request": "true"})
    assert "<html" not in partial.text and 'href="/skills/kubernetes"' in partial.text


def test_it_shows_a_skill_with_labels_synonyms_and_the_roles_using_it(as_alice, db):
    from searchlight.roles import demo

    demo.load(db_session=db)
    page = as_alice.get("/skills/vector-databases")
    assert page.status_code == 200
    assert "Vectordatabases" in page.text and "Vector databases" in page.text
    assert "pgvector" in page.text and "LLMs and generative AI" in page.text
    assert 'href="/roles/ml-engineer"' in page.text
    assert as_alice.get("/api/skills/no-such-skill").status_code == 404


def test_it_shows_skills_in_dutch(as_alice, db):
    as_alice.post("/locale", data={"locale": "nl", "next": "/"})
    page = as_alice.get("/skills", params={"q": "resilience"})
    assert "Veerkracht" in page.text and "1 vaardigheid gevonden" in page.text


def test_it_lets_employees_browse_skills_but_not_see_roles(as_charlie, db):
    from searchlight.roles import demo

    demo.load(db_session=db)
    page = as_charlie.get("/skills/vector-databases")
    assert page.status_code == 200 and "/roles/ml-engineer" not in page.text
