"""Screening's jobs run in process (as `searchlight serve` does on SQLite): an upload is analysed
by the job, not in the request; a profile edit re-ranks by a job; reading never writes."""

from sqlalchemy import func, select
from tests.screening.cvfiles import make_cv, make_pdf
from tests.screening.factories import make_role

from searchlight import jobs
from searchlight.config import get_settings
from searchlight.roles import service as roles_service
from searchlight.screening import jobs as screening_jobs
from searchlight.screening import service as screening_service
from searchlight.screening.batches import create_batch
from searchlight.screening.jobs import due, screen_batch
from searchlight.screening.models import BatchFile, CvAnalysis, ScreeningBatch, ScreeningResult


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    return db.scalar(select(func.count()).select_from(model))


def _upload(as_alice, role, seeds=(31, 32)):  # type: ignore[no-untyped-def]
    files = [("files", (f"cv{seed}.pdf", make_pdf(make_cv("en", seed=seed).paragraphs),
                        "application/pdf")) for seed in seeds]
    return as_alice.post("/screening/batches", data={"role_key": role.key}, files=files,
                         follow_redirects=False)


def test_it_analyses_an_upload_in_the_job_not_in_the_request(as_alice, db):
    role = make_role(db)
    response = _upload(as_alice, role)
    assert response.status_code == 303
    assert {f.status for f in db.scalars(select(BatchFile))} == {"pending"}
    assert _count(db, CvAnalysis) == 0
    page = as_alice.get(response.headers["location"])
    assert "0 of 2 files processed" in page.text and 'hx-trigger="every 1s"' in page.text
    assert jobs.run_due_work() == 1
    assert {f.status for f in db.scalars(select(BatchFile))} == {"done"}
    assert _count(db, ScreeningResult) == 2
    page = as_alice.get(response.headers["location"])
    assert "2 of 2 files processed" in page.text and "every 1s" not in page.text
    assert jobs.run_due_work() == 0  # nothing left to do


def _edit_profile(db, role, alice) -> None:  # type: ignore[no-untyped-def]
    current = roles_service.get_version(db_session=db, role_id=role.id,
                                        number=role.current_version)
    profile = roles_service.profile_of(current)
    profile.dimensions[0].weight += 2  # a weights-only edit
    roles_service.update_role(db_session=db, actor=alice, role=role, profile=profile,
                              hiring_manager_id=None)
    db.commit()


def test_it_reranks_by_a_job_after_a_profile_edit_and_a_read_never_writes(as_alice, db, alice):
    role = make_role(db)
    _upload(as_alice, role)
    jobs.run_due_work()
    _edit_profile(db, role, alice)
    assert ("screening.rerank_role", {"role_id": role.id}) in due(db)
    before = _count(db, ScreeningResult)
    page = as_alice.get(f"/screening/roles/{role.key}")
    assert page.status_code == 200
    assert "2 CVs are being ranked against this profile version" in page.text
    assert _count(db, ScreeningResult) == before  # the GET did not re-rank
    assert jobs.run_due_work() == 1
    assert _count(db, ScreeningResult) == before + 2
    page = as_alice.get(f"/screening/roles/{role.key}")
    assert page.text.count('href="/screening/results/') == 2
    assert "being ranked" not in page.text
    assert due(db) == []


def test_it_resumes_a_batch_left_half_done_and_screens_each_file_once(db, alice):
    role = make_role(db)
    uploads = [(f"cv{seed}.txt", make_cv("nl", seed=seed).text.encode()) for seed in range(3)]
    batch = create_batch(db_session=db, role=role, actor=alice, uploads=uploads,
                         settings=get_settings())
    batch.status = "running"  # as a server killed mid-batch leaves it
    db.commit()
    first = db.scalars(select(BatchFile).order_by(BatchFile.position)).first()
    first.status = "done"  # this one was finished and committed before the crash
    db.commit()
    assert ("screening.screen_batch", {"batch_id": batch.id}) in due(db)
    screen_batch(batch.id)
    db.expire_all()
    assert [f.status for f in db.get_one(ScreeningBatch, batch.id).files] == ["done"] * 3
    assert db.get_one(ScreeningBatch, batch.id).status == "done"
    assert _count(db, CvAnalysis) == 2  # the file done before the crash was not read again


def test_it_analyses_every_file_of_a_chunk_before_it_writes_any(db, alice, connection,
                                                                monkeypatch):
    """The chunk's write is short: on SQLite other requests wait for it, never for analysis."""
    role = make_role(db)
    uploads = [(f"cv{seed}.txt", make_cv("en", seed=seed).text.encode()) for seed in range(3)]
    uploads.append(("broken.pdf", b"%PDF-1.4 not really"))
    batch = create_batch(db_session=db, role=role, actor=alice, uploads=uploads,
                         settings=get_settings())
    db.commit()
    stored_when_analysed = []
    real = screening_jobs.read_cv

    def analysing(*args, **kwargs):  # type: ignore[no-untyped-def]
        stored_when_analysed.append(  # what the job's session has written so far
            connection.scalar(select(func.count()).select_from(CvAnalysis)))
        return real(*args, **kwargs)

    monkeypatch.setattr(screening_jobs, "read_cv", analysing)
    monkeypatch.setattr(screening_service, "read_cv", analysing)
    screen_batch(batch.id)
    db.expire_all()
    assert stored_when_analysed == [0, 0, 0, 0]  # each file read once, all before any write
    assert sorted(f.status for f in db.get_one(ScreeningBatch, batch.id).files) == \
        ["done", "done", "done", "error"]
    assert _count(db, CvAnalysis) == 3
