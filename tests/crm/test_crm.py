"""Notes and activities on the timeline, tags, talent pools and the sources registry."""

from sqlalchemy import select

from searchlight.crm.models import Activity, PoolMember, Source, TalentPool
from searchlight.crm.sources import DEFAULT_SOURCES, ensure_default_sources
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import apply, make_candidate, make_role


def test_it_loads_the_handbook_sources_once(db):
    added = ensure_default_sources(db_session=db)
    assert {s.name for s in added} >= {"LinkedIn", "GitHub", "AI communities", "Referral",
                                       "Careers site", "Xomnia", "Futurewhiz Talent",
                                       "Building Blocks", "StormAI", "Turing / Deel",
                                       "Remotebase / Arc.dev"}
    assert ensure_default_sources(db_session=db) == []
    building_blocks = db.scalars(select(Source).where(Source.key == "building-blocks")).one()
    assert (building_blocks.kind, building_blocks.language) == ("agency", "NL")
    assert building_blocks.specialisation("nl") == "AI voor verzekeringen"
    assert len(db.scalars(select(Source)).all()) == len(DEFAULT_SOURCES)


def test_it_lists_and_adds_sources(as_alice, db):
    ensure_default_sources(db_session=db)
    db.commit()
    page = as_alice.get("/sources").text
    assert "Remotebase / Arc.dev" in page and "Top 1% engineers globally" in page
    response = as_alice.post("/sources", data={"name": "Hugging Face forum", "kind": "channel",
                                               "language": "Global"}, follow_redirects=False)
    assert response.status_code == 303
    assert db.scalars(select(Source).where(Source.key == "hugging-face-forum")).one()
    twice = as_alice.post("/sources", data={"name": "Hugging Face forum", "kind": "channel"})
    assert twice.status_code == 409 and "already exists" in twice.text
    unsafe = as_alice.post("/sources", data={"name": "Evil", "kind": "channel",
                                             "website": "javascript:alert(1)"})
    assert unsafe.status_code == 422


def test_it_puts_notes_and_stage_moves_on_the_timeline(as_alice, db):
    candidate = make_candidate(db)
    application = apply(db, candidate, make_role(db))
    db.commit()
    response = as_alice.post(f"/candidates/{candidate.id}/activities",
                             data={"kind": "call", "body": "Intro call: wants to work hybrid."},
                             follow_redirects=False)
    assert response.status_code == 303
    as_alice.post(f"/applications/{application.id}/stage", data={"stage": "screened"})
    activity = db.scalars(select(Activity)).one()
    assert (activity.kind, activity.author_id) == ("call", as_alice.user.id)
    page = as_alice.get(f"/candidates/{candidate.id}").text
    timeline = page[page.index('id="timeline"'):]
    assert timeline.index("Applied → Screened") < timeline.index("Intro call")
    assert "Alice" in timeline
    empty = as_alice.post(f"/candidates/{candidate.id}/activities", data={"body": " "})
    assert empty.status_code == 422


def test_it_lets_bob_add_a_note_for_his_candidate_only(as_bob, db, bob):
    mine, other = make_candidate(db, "Mine"), make_candidate(db, "Other")
    apply(db, mine, make_role(db, manager=bob))
    db.commit()
    assert as_bob.post(f"/candidates/{mine.id}/activities", data={"body": "Strong case answer."},
                       follow_redirects=False).status_code == 303
    assert as_bob.post(f"/candidates/{other.id}/activities",
                       data={"body": "Sneaky"}).status_code == 403


def test_it_changes_tags_and_audits_it(as_alice, db):
    candidate = make_candidate(db, tags=["python"])
    db.commit()
    as_alice.post(f"/candidates/{candidate.id}/tags", data={"tags": "Python, LLM ,  rag"})
    db.refresh(candidate)
    assert [t.name for t in candidate.tags] == ["llm", "python", "rag"]
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "candidate.tags_changed"))
    assert entry.one().changes == {"old": ["python"], "new": ["llm", "python", "rag"]}


def test_it_creates_pools_and_adds_and_removes_candidates(as_alice, db):
    candidate = make_candidate(db, "Pool Person")
    db.commit()
    assert "No talent pools yet" in as_alice.get("/pools").text
    response = as_alice.post("/pools", data={"name": "Silver medallists",
                                             "description": "Second in a final round."},
                             follow_redirects=False)
    assert response.status_code == 303
    pool = db.scalars(select(TalentPool)).one()
    assert "This pool is empty" in as_alice.get(f"/pools/{pool.id}").text
    for _ in range(2):  # adding twice is harmless
        as_alice.post("/pools/members", data={"pool_id": str(pool.id),
                                              "candidate_id": str(candidate.id)})
    assert len(db.scalars(select(PoolMember)).all()) == 1
    assert "Pool Person" in as_alice.get(f"/pools/{pool.id}").text
    listing = as_alice.get("/pools").text
    assert "Silver medallists" in listing and "<td>1</td>" in listing
    duplicate = as_alice.post("/pools", data={"name": "silver MEDALLISTS"})
    assert duplicate.status_code == 409 and 'id="pool-name-error"' in duplicate.text
    as_alice.post(f"/pools/{pool.id}/members/{candidate.id}/remove")
    assert db.scalars(select(PoolMember)).all() == []


def test_it_refuses_charlie_the_pools(as_charlie):
    assert as_charlie.get("/pools").status_code == 403
    assert as_charlie.post("/pools", data={"name": "Mine"}).status_code == 403
