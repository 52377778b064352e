"""A second record with the same e-mail (any case) is a likely duplicate; merging keeps one."""

from sqlalchemy import select

from searchlight.candidates.documents import store_document
from searchlight.candidates.models import Application, Candidate, Document
from searchlight.config import get_settings
from searchlight.crm import service as crm_service
from searchlight.crm.models import Activity, PoolMember
from searchlight.governance.models import AuditEntry
from tests.candidates.factories import apply, make_candidate, make_role, text_cv


def _pair(db):  # type: ignore[no-untyped-def]
    keep = make_candidate(db, "Jan de Vries", email="jan@example.org", tags=["python"])
    other = make_candidate(db, "J. de Vries", email="JAN@Example.org", phone="+31 6 1234 5678",
                           tags=["llm", "python"])
    return keep, other


def test_it_shows_a_banner_on_both_profiles_and_lists_the_pair(as_alice, db):
    keep, other = _pair(db)
    make_candidate(db, "Someone Else", email="else@example.org")
    db.commit()
    for record, twin in ((keep, other), (other, keep)):
        page = as_alice.get(f"/candidates/{record.id}").text
        assert f"Likely duplicate: {twin.full_name} has the same e-mail address." in page
        assert f"/candidates/{record.id}/merge?other={twin.id}" in page
    listing = as_alice.get("/candidates/duplicates").text
    assert "Jan de Vries" in listing and "J. de Vries" in listing
    assert "Someone Else" not in listing


def test_it_merges_everything_into_the_kept_record(as_alice, db, alice):
    keep, other = _pair(db)
    ml, prompt = make_role(db, "ml-engineer"), make_role(db, "prompt-engineer")
    apply(db, keep, ml)
    apply(db, other, ml)  # both applied: the kept record's application stays
    moved = apply(db, other, prompt)
    document = store_document(db_session=db, data=text_cv(), filename="cv.txt",
                              candidate_id=other.id, settings=get_settings())
    crm_service.add_activity(db_session=db, actor=alice, candidate=other, kind="call",
                             body="Called about the ML role.")
    pool = crm_service.create_pool(db_session=db, actor=alice, name="Silver medallists")
    crm_service.add_to_pool(db_session=db, actor=alice, pool=pool, candidate=other)
    db.commit()
    other_id = other.id
    assert as_alice.get(f"/candidates/{keep.id}/merge?other={other_id}").status_code == 200
    response = as_alice.post(f"/candidates/{keep.id}/merge", data={"other_id": str(other.id)},
                             follow_redirects=False)
    assert response.status_code == 303
    db.expire_all()
    assert db.get(Candidate, other_id) is None
    assert {a.role.key for a in db.scalars(select(Application))} == {"ml-engineer",
                                                                      "prompt-engineer"}
    assert db.get(Application, moved.id).candidate_id == keep.id
    assert db.get(Document, document.id).candidate_id == keep.id
    assert db.scalars(select(Activity)).one().candidate_id == keep.id
    assert db.scalars(select(PoolMember)).one().candidate_id == keep.id
    kept = db.get(Candidate, keep.id)
    assert [t.name for t in kept.tags] == ["llm", "python"]
    assert kept.phone == "+31 6 1234 5678"  # an empty fact is filled from the other record
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "candidate.merged")).one()
    assert entry.changes["removed_candidate_id"] == other_id
    assert entry.changes["moved"] == {"applications": 1, "documents": 1, "activities": 1,
                                      "pools": 1, "tags": 1}
    assert entry.changes["dropped_applications"] == ["ml-engineer"]
    page = as_alice.get(response.headers["location"]).text
    assert "The two records are merged into this one." in page
    assert "Likely duplicate" not in page


def test_it_refuses_bob_a_merge(as_bob, db, bob):
    keep, other = _pair(db)
    role = make_role(db, manager=bob)
    apply(db, keep, role)
    apply(db, other, make_role(db, "prompt-engineer", manager=bob))
    db.commit()
    response = as_bob.post(f"/candidates/{keep.id}/merge", data={"other_id": str(other.id)})
    assert response.status_code == 403
    assert db.get(Candidate, other.id) is not None
