"""The candidate list filters, searches, sorts and pages on the server."""

import re
from datetime import timedelta

import pytest

from searchlight.candidates import listing
from searchlight.crm import service as crm_service
from tests.candidates.factories import apply, make_candidate, make_role


def _names(html: str) -> list[str]:
    return re.findall(r'<a href="/candidates/\d+">([^<]+)</a>', html)


@pytest.fixture
def people(db, alice):  # type: ignore[no-untyped-def]
    ml = make_role(db, "ml-engineer")
    made = {
        "jan": make_candidate(db, "Jan de Vries", location="Utrecht", source="linkedin",
                              tags=["python"], owner_id=alice.id),
        "eva": make_candidate(db, "Éva Jansen", location="Amsterdam", source="github",
                              tags=["llm"]),
        "piet": make_candidate(db, "Piet Pieters", email="piet@bureau.nl", location="Delft",
                               source="xomnia", tags=["python", "llm"]),
    }
    apply(db, made["jan"], ml, stage="interview")
    apply(db, made["eva"], ml, stage="applied")
    pool = crm_service.create_pool(db_session=db, actor=alice, name="Later")
    crm_service.add_to_pool(db_session=db, actor=alice, pool=pool, candidate=made["piet"])
    for age, person in enumerate(made.values()):
        person.created_at -= timedelta(days=10 - age)
    db.commit()
    return made | {"pool": pool}


@pytest.mark.parametrize(("query", "expected"), [
    ("q=jan", ["Éva Jansen", "Jan de Vries"]),  # word prefixes: Jan and Jansen
    ("q=eva", ["Éva Jansen"]),  # accents do not matter
    ("q=UTRE", ["Jan de Vries"]),
    ("q=bureau.nl", ["Piet Pieters"]),
    ("q=ries", []),  # not the middle of a word
    ("source=github", ["Éva Jansen"]),
    ("tag=python", ["Piet Pieters", "Jan de Vries"]),
    ("tag=python&source=xomnia", ["Piet Pieters"]),
    ("role=ml-engineer&stage=interview", ["Jan de Vries"]),
    ("stage=applied", ["Éva Jansen"]),
    ("sort=name", ["Éva Jansen", "Jan de Vries", "Piet Pieters"]),
    ("sort=oldest", ["Jan de Vries", "Éva Jansen", "Piet Pieters"]),
])
def test_it_filters_and_searches(as_alice, people, query, expected):
    assert _names(as_alice.get(f"/candidates?{query}").text) == expected


def test_it_filters_by_pool_and_owner(as_alice, people, alice):
    assert _names(as_alice.get(f"/candidates?pool={people['pool'].id}").text) == ["Piet Pieters"]
    assert _names(as_alice.get(f"/candidates?owner={alice.id}").text) == ["Jan de Vries"]


def test_it_returns_only_the_results_to_htmx(as_alice, people):
    response = as_alice.get("/candidates?q=piet", headers={"HX-Request": "true"})
    assert "<html" not in response.text and "Piet Pieters" in response.text
    assert 'data-announce="1 candidate"' in response.text


def test_it_pages_with_cursors_both_ways(db, alice):
    for number in range(7):
        make_candidate(db, f"Person {number:02d}", email=None)
    filters = listing.CandidateFilters(sort="name")
    seen = []
    page = listing.list_candidates(db_session=db, user=alice, filters=filters, limit=3)
    assert page.prev_cursor is None and page.total == 7
    while True:
        seen += [c.full_name for c in page.items]
        if not page.next_cursor:
            break
        page = listing.list_candidates(db_session=db, user=alice, filters=filters, limit=3,
                                       after=page.next_cursor)
    assert seen == [f"Person {n:02d}" for n in range(7)]
    back = listing.list_candidates(db_session=db, user=alice, filters=filters, limit=3,
                                   before=page.prev_cursor)
    assert [c.full_name for c in back.items] == ["Person 03", "Person 04", "Person 05"]
    first = listing.list_candidates(db_session=db, user=alice, filters=filters, limit=3,
                                    before=back.prev_cursor)
    assert [c.full_name for c in first.items] == ["Person 00", "Person 01", "Person 02"]
    assert first.prev_cursor is None and first.next_cursor


def test_it_pages_by_date_through_the_page(as_alice, db):
    for number in range(30):
        make_candidate(db, f"Person {number:02d}", email=None)
    db.commit()
    first = as_alice.get("/candidates").text
    assert "30 candidates" in first and len(_names(first)) == 25
    next_link = re.search(r'href="\?([^"]*after=[^"]+)"', first)
    assert next_link
    second = as_alice.get("/candidates?" + next_link.group(1).replace("&amp;", "&")).text
    assert len(_names(second)) == 5
    assert not set(_names(first)) & set(_names(second))


def test_it_caps_the_count(db, alice, monkeypatch):
    monkeypatch.setattr(listing, "COUNT_CAP", 3)
    for number in range(5):
        make_candidate(db, f"Person {number}", email=None)
    page = listing.list_candidates(db_session=db, user=alice, filters=listing.CandidateFilters(),
                                   limit=2)
    assert page.total == 4 and page.total_is_capped


def test_it_ignores_a_damaged_cursor(db, alice):
    make_candidate(db)
    page = listing.list_candidates(db_session=db, user=alice,
                                   filters=listing.CandidateFilters(), after="not-a-cursor")
    assert len(page.items) == 1


def test_it_tells_what_to_do_when_empty(as_alice):
    assert "Add the first candidate" in as_alice.get("/candidates").text
    assert "No candidates match these filters." in as_alice.get("/candidates?q=zzz").text


def test_it_tells_a_hiring_manager_where_candidates_come_from(as_bob):
    page = as_bob.get("/candidates").text
    assert "Candidates appear here once they apply to a role you manage." in page
    assert "Add the first candidate" not in page
