"""Documents are stored once by content hash; too large, empty or unsupported files store
nothing at all."""

import hashlib

import pytest
from sqlalchemy import func, select

from searchlight.candidates.documents import document_path, store_document
from searchlight.candidates.models import Candidate, Document
from searchlight.config import Settings, get_settings
from searchlight.errors import InvalidInput, PayloadTooLarge
from tests.candidates.factories import apply, make_candidate, make_role, pdf_cv, text_cv


@pytest.fixture
def settings(app, tmp_path):  # type: ignore[no-untyped-def]
    """A fresh, empty document store and a small upload limit."""
    small = Settings(data_dir=tmp_path, max_upload_bytes=4096)
    app.dependency_overrides[get_settings] = lambda: small
    yield small
    app.dependency_overrides.clear()


def _stored_files(settings: Settings) -> list[str]:
    folder = settings.data_dir / "documents"
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    return db.scalar(select(func.count()).select_from(model))


def test_it_refuses_a_too_large_upload_with_413_and_stores_nothing(as_alice, db, settings):
    candidate = make_candidate(db)
    db.commit()
    big = b"x" * (settings.max_upload_bytes + 1)
    response = as_alice.post(f"/candidates/{candidate.id}/documents",
                             files={"document": ("huge.txt", big, "text/plain")})
    assert response.status_code == 413
    assert "larger than the upload limit" in response.text
    assert _count(db, Document) == 0
    assert _stored_files(settings) == []


def test_it_refuses_a_too_large_cv_in_the_new_candidate_form(as_alice, db, settings):
    response = as_alice.post(
        "/candidates", data={"full_name": "Grote Gerrit"},
        files={"cv": ("cv.txt", b"y" * (settings.max_upload_bytes + 10), "text/plain")})
    assert response.status_code == 413
    assert 'id="e-cv"' in response.text
    assert _count(db, Candidate) == 0 and _count(db, Document) == 0
    assert _stored_files(settings) == []


@pytest.mark.parametrize(("filename", "data", "message"), [
    ("empty.txt", b"", "The file is empty."),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "This file type is not supported"),
    ("fake.pdf", b"just text, not a PDF", "This file type is not supported"),
])
def test_it_refuses_empty_and_unsupported_files_with_422(as_alice, db, settings, filename,
                                                         data, message):
    candidate = make_candidate(db)
    db.commit()
    response = as_alice.post(f"/candidates/{candidate.id}/documents",
                             files={"document": (filename, data, "application/octet-stream")})
    assert response.status_code == 422
    assert message in response.text
    assert _count(db, Document) == 0 and _stored_files(settings) == []


def test_it_stores_the_same_file_twice_as_one_document(as_alice, db, settings):
    candidate = make_candidate(db)
    db.commit()
    for name in ("cv.pdf", "cv-copy.pdf"):
        response = as_alice.post(f"/candidates/{candidate.id}/documents",
                                 files={"document": (name, pdf_cv(), "application/pdf")},
                                 follow_redirects=False)
        assert response.status_code == 303
    document = db.scalars(select(Document)).one()
    assert document.content_hash == hashlib.sha256(pdf_cv()).hexdigest()
    assert document.filename == "cv.pdf" and document.media_type == "application/pdf"
    assert document.candidate_id == candidate.id and document.size == len(pdf_cv())
    assert document_path(document, settings).read_bytes() == pdf_cv()
    assert len(_stored_files(settings)) == 1


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])
def test_it_recognises_text_by_its_content_in_any_encoding(db, settings, encoding):
    text = "Ervaring\r\nCafé-eigenaar in Zürich (2019 - heden)\nPython, één jaar.\r\n"
    document = store_document(db_session=db, data=text.encode(encoding), filename="cv.txt",
                              candidate_id=None, settings=settings)
    assert document.media_type == "text/plain"
    with pytest.raises(InvalidInput, match="not supported"):
        store_document(db_session=db, data=bytes(range(256)) * 4, filename="binary.txt",
                       candidate_id=None, settings=settings)


def test_it_is_idempotent_by_hash_for_batch_ingestion(db, settings):
    first = store_document(db_session=db, data=text_cv(), filename="../../etc/cv.txt",
                           candidate_id=None, settings=settings)
    candidate = make_candidate(db)
    again = store_document(db_session=db, data=text_cv(), filename="other.txt",
                           candidate_id=candidate.id, settings=settings)
    assert again.id == first.id
    assert again.candidate_id == candidate.id  # a loose document is attached
    assert first.filename == "cv.txt" and first.text is None and first.flags is None


def test_it_raises_domain_errors_from_the_storage_function(db, settings):
    with pytest.raises(PayloadTooLarge):
        store_document(db_session=db, data=b"z" * 5000, filename="a.txt", candidate_id=None,
                       settings=settings)
    with pytest.raises(InvalidInput):
        store_document(db_session=db, data=b"", filename="a.txt", candidate_id=None,
                       settings=settings)
    assert _stored_files(settings) == []


def test_it_adds_a_candidate_with_a_cv_in_one_form(as_alice, db, settings):
    response = as_alice.post(
        "/candidates", data={"full_name": "Sanne Bakker", "email": "sanne@example.org",
                             "source": "", "tags": "LLM, rag"},
        files={"cv": ("Sanne Bakker CV.pdf", pdf_cv(), "application/pdf")},
        follow_redirects=False)
    assert response.status_code == 303
    candidate = db.scalars(select(Candidate)).one()
    assert [d.filename for d in candidate.documents] == ["Sanne Bakker CV.pdf"]
    assert [t.name for t in candidate.tags] == ["llm", "rag"]
    page = as_alice.get(response.headers["location"])
    assert "Sanne Bakker CV.pdf" in page.text


def test_it_downloads_a_document_only_for_who_may_see_the_candidate(
        as_bob, db, settings, bob):
    visible, hidden = make_candidate(db, "Vera Visible"), make_candidate(db, "Henk Hidden")
    apply(db, visible, make_role(db, manager=bob))
    mine = store_document(db_session=db, data=text_cv("Vera"), filename="vera.txt",
                          candidate_id=visible.id, settings=settings)
    other = store_document(db_session=db, data=text_cv("Henk"), filename="henk.txt",
                           candidate_id=hidden.id, settings=settings)
    db.commit()
    response = as_bob.get(f"/documents/{mine.id}/download")
    assert response.status_code == 200 and response.content == text_cv("Vera")
    assert "vera.txt" in response.headers["content-disposition"]
    assert as_bob.get(f"/documents/{other.id}/download").status_code == 403
