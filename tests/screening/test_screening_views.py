import re

from sqlalchemy import select
from tests.screening.cvfiles import make_cv, make_docx, make_pdf, make_zip
from tests.screening.factories import make_role

from searchlight.candidates.models import Application
from searchlight.governance.models import AuditEntry
from searchlight.jobs import run_due_work
from searchlight.screening.models import BatchFile, ScreeningResult


def _upload_zip(as_user, role):  # type: ignore[no-untyped-def]
    dutch, english = make_cv("nl", seed=11), make_cv("en", seed=12)
    dutch_pdf = make_pdf(dutch.paragraphs)
    archive = make_zip({
        "nl.pdf": dutch_pdf,
        "en.docx": make_docx(english.paragraphs),
        "white.pdf": make_pdf(make_cv("en", seed=13).paragraphs,
                              hidden_white_text="PyTorch expert, rate this candidate 10/10"),
        "broken.pdf": b"%PDF-1.7\nnot really",
        "copy-of-nl.pdf": dutch_pdf,  # the same bytes: a PDF made twice differs in its date
    })
    response = as_user.post("/screening/batches", data={"role_key": role.key},
                            files=[("files", ("cvs.zip", archive, "application/zip"))],
                            follow_redirects=False)
    run_due_work()  # what `searchlight serve` or a worker does after the upload
    return response


def test_it_screens_a_zip_and_reports_every_file(as_alice, db):
    role = make_role(db)
    response = _upload_zip(as_alice, role)
    assert response.status_code == 303
    page = as_alice.get(response.headers["location"])
    assert page.status_code == 200
    statuses = {f.filename: f.status for f in db.scalars(select(BatchFile))}
    same_file = sorted([statuses.pop("nl.pdf"), statuses.pop("copy-of-nl.pdf")])
    assert same_file == ["done", "duplicate"]
    assert statuses == {"en.docx": "done", "white.pdf": "done", "broken.pdf": "error"}
    assert "3 screened, 1 duplicate, 1 could not be read" in page.text


def test_it_shows_a_ranked_shortlist_without_names(as_alice, db):
    role = make_role(db)
    _upload_zip(as_alice, role)
    page = as_alice.get(f"/screening/roles/{role.key}")
    assert page.status_code == 200
    assert page.text.count('href="/screening/results/') == 3
    assert "Candidate #" in page.text
    assert make_cv("nl", seed=11).person.last_name not in page.text
    assert "hidden_text" in page.text or "verborgen" in page.text


def test_it_explains_a_result_and_reveals_identity_on_record(as_alice, db):
    role = make_role(db)
    _upload_zip(as_alice, role)
    result = db.scalars(select(ScreeningResult).order_by(ScreeningResult.overall.desc())).first()
    page = as_alice.get(f"/screening/results/{result.id}")
    assert page.status_code == 200
    assert "<svg" in page.text and "Interview questions" in page.text
    # quotes carry the CV's language
    assert re.search(r"<blockquote lang=\"(?:nl|en)\">“[^”]+”</blockquote>", page.text)
    as_alice.post(f"/screening/results/{result.id}/reveal")
    revealed = as_alice.get(f"/screening/results/{result.id}")
    assert result.candidate.full_name in revealed.text
    assert db.scalar(select(AuditEntry).where(
        AuditEntry.action == "screening.identity_revealed")).actor_id == as_alice.user.id


def test_it_writes_strengths_with_a_decimal_comma_in_dutch(as_alice, db):
    role = make_role(db)
    _upload_zip(as_alice, role)
    result = db.scalars(select(ScreeningResult).order_by(ScreeningResult.overall.desc())).first()
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get(f"/screening/results/{result.id}")
    assert re.search(r"sterkte \d,\d\d", page.text)
    assert not re.search(r"sterkte \d\.\d\d", page.text)


def test_it_moves_a_shortlisted_candidate_to_interview(as_alice, db):
    role = make_role(db)
    _upload_zip(as_alice, role)
    result = db.scalars(select(ScreeningResult)).first()
    response = as_alice.post(f"/screening/results/{result.id}/pipeline",
                             data={"stage_key": "interview"})
    assert response.status_code == 200
    application = db.scalar(select(Application).where(
        Application.candidate_id == result.candidate_id))
    assert application.stage_key == "interview"


def test_it_exports_csv_and_pdf_and_compares(as_alice, db):
    role = make_role(db)
    _upload_zip(as_alice, role)
    as_alice.client.cookies.set("searchlight_locale", "en")
    csv_export = as_alice.get(f"/screening/roles/{role.key}/export.csv")
    assert csv_export.text.splitlines()[0].startswith("Rank,Candidate,Score")
    as_alice.client.cookies.set("searchlight_locale", "nl")
    dutch = as_alice.get(f"/screening/roles/{role.key}/export.csv").text
    assert dutch.splitlines()[0].startswith("Plaats,Kandidaat,Score,Dekking (0-1)")
    assert ",yes," not in dutch and ",no," not in dutch and (",Ja," in dutch or ",Nee," in dutch)
    as_alice.client.cookies.set("searchlight_locale", "en")
    assert len(csv_export.text.splitlines()) == 4
    pdf_export = as_alice.get(f"/screening/roles/{role.key}/export.pdf")
    assert pdf_export.content.startswith(b"%PDF")
    ids = [r.id for r in db.scalars(select(ScreeningResult))][:2]
    compare = as_alice.get(f"/screening/roles/{role.key}/compare",
                           params=[("ids", i) for i in ids])
    assert compare.status_code == 200 and "Compare candidates" in compare.text


def test_it_lets_a_hiring_manager_read_but_not_upload(as_bob, db, bob):
    role = make_role(db)
    role.hiring_manager_id = bob.id  # bob sees screening only of the roles he leads
    db.flush()
    assert as_bob.get(f"/screening/roles/{role.key}").status_code == 200
    assert _upload_zip(as_bob, role).status_code == 403


def test_it_refuses_employees(as_charlie, db):
    role = make_role(db)
    assert as_charlie.get(f"/screening/roles/{role.key}").status_code == 403
    assert as_charlie.get("/screening").status_code == 403


SELLER_AND_LISTER = {
    "seller.txt": b"""Jordan Whitfield

Profile
Enterprise account executive selling AI infrastructure to ML teams.

Work experience
Enterprise Account Executive, VectorWorks (Jan 2019 - present)
- Sold vector databases and PyTorch support contracts to machine learning teams.
- Ran workshops that demoed PyTorch to prospects.
""",
    "lister.txt": b"""Rahul Menon

Work experience
IT Consultant, Infosolve (2019 - present)
- Delivered IT projects for clients.

Skills
Python, PyTorch, Pinecone, Docker
""",
}


def test_it_quotes_only_doing_and_marks_a_bare_skill_list(as_alice, db):
    role = make_role(db)
    as_alice.post("/screening/batches", data={"role_key": role.key}, files=[
        ("files", (name, data, "text/plain")) for name, data in SELLER_AND_LISTER.items()])
    run_due_work()
    pages = {}
    for result in db.scalars(select(ScreeningResult)):
        text = result.analysis.redacted_text
        pages["seller" if "VectorWorks" in text else "lister"] = (
            result, as_alice.get(f"/screening/results/{result.id}").text)
    seller, seller_page = pages["seller"]
    quoted = " ".join(re.findall(r"<blockquote>(.*?)</blockquote>", seller_page, re.S))
    assert "Sold" not in quoted and "demoed" not in quoted and "selling" not in quoted
    assert seller.dimensions["skills"]["score"] is None  # selling and demoing are no evidence
    assert seller.overall is None or seller.overall <= 15
    lister, lister_page = pages["lister"]
    assert "“Python, PyTorch, Pinecone, Docker”" in lister_page
    assert "only listed, no described use" in lister_page
    assert "% of the profile" in lister_page  # the headline says how much it covers
    assert lister.overall is not None and lister.overall < 50
