"""Who may open which screening: alice (recruiter) every role's, bob (hiring manager) only the
roles he leads, charlie (employee) none. A refusal is a 403 and one access.denied entry."""

from dataclasses import dataclass

import pytest
from sqlalchemy import func, select
from tests.screening.cvfiles import make_cv, make_pdf
from tests.screening.factories import ML_PROFILE, make_role

from searchlight.auth.models import User
from searchlight.config import get_settings
from searchlight.errors import Forbidden
from searchlight.governance.models import AuditEntry
from searchlight.matching.embedder import default_embedder
from searchlight.roles.models import Role
from searchlight.screening.access import get_result_for_user
from searchlight.screening.batches import create_batch, run_batch
from searchlight.screening.models import ScreeningResult


@dataclass
class Pool:
    role: Role
    batch_id: int
    result_ids: list[int]

    def pages(self) -> list[str]:
        key, first = self.role.key, self.result_ids[0]
        ids = "&".join(f"ids={i}" for i in self.result_ids)
        return [f"/screening/roles/{key}", f"/screening/results/{first}",
                f"/screening/batches/{self.batch_id}", f"/screening/roles/{key}/export.csv",
                f"/screening/roles/{key}/export.pdf", f"/screening/roles/{key}/compare?{ids}"]

    def actions(self) -> list[tuple[str, dict[str, str]]]:
        first = self.result_ids[0]
        return [(f"/screening/results/{first}/reveal", {}),
                (f"/screening/results/{first}/pipeline", {"stage_key": "interview"})]


def _pool(db, key: str, manager: User | None, alice: User) -> Pool:  # type: ignore[no-untyped-def]
    role = make_role(db, {**ML_PROFILE, "key": key})
    role.hiring_manager_id = manager.id if manager else None
    uploads = [(f"{key}-{seed}.pdf", make_pdf(make_cv("en", seed=seed).paragraphs))
               for seed in (21, 22)]
    settings = get_settings()
    batch = create_batch(db_session=db, role=role, actor=alice, uploads=uploads,
                         settings=settings)
    db.commit()
    run_batch(batch.id, settings=settings, embedder=default_embedder())
    results = db.scalars(select(ScreeningResult.id).where(ScreeningResult.role_id == role.id))
    return Pool(role, batch.id, sorted(results))


@pytest.fixture
def pools(db, alice, bob):  # type: ignore[no-untyped-def]
    return _pool(db, "bobs-role", bob, alice), _pool(db, "other-role", None, alice)


def _refusals(db) -> int:  # type: ignore[no-untyped-def]
    return db.scalar(select(func.count()).select_from(AuditEntry)
                     .where(AuditEntry.action == "access.denied"))


def test_it_lets_alice_open_every_roles_screening(as_alice, pools):
    for pool in pools:
        for url in pool.pages():
            assert as_alice.get(url).status_code == 200, url
        for url, data in pool.actions():
            assert as_alice.post(url, data=data).status_code == 200, url


def test_it_lets_bob_open_only_the_roles_he_leads(as_bob, db, pools):
    mine, other = pools
    for url in mine.pages():
        assert as_bob.get(url).status_code == 200, url
    for url, data in mine.actions():
        assert as_bob.post(url, data=data).status_code == 200, url
    before = _refusals(db)
    for url in other.pages():
        assert as_bob.get(url).status_code == 403, url
    for url, data in other.actions():
        assert as_bob.post(url, data=data).status_code == 403, url
    assert _refusals(db) - before == len(other.pages()) + len(other.actions())
    result = db.get(ScreeningResult, other.result_ids[0])
    assert result.revealed_at is None  # the refused reveal left nothing behind


def test_it_does_not_let_bob_compare_his_role_with_results_of_another(as_bob, db, pools):
    mine, other = pools
    ids = f"ids={mine.result_ids[0]}&ids={other.result_ids[0]}"
    url = f"/screening/roles/{mine.role.key}/compare?{ids}"
    assert as_bob.get(url).status_code == 403


def test_it_lists_only_bobs_roles_and_batches_on_the_screening_page(as_bob, pools):
    mine, other = pools
    page = as_bob.get("/screening").text
    assert f"/screening/batches/{mine.batch_id}" in page
    assert f"/screening/batches/{other.batch_id}" not in page
    assert f"/screening/roles/{mine.role.key}\"" in page
    assert f"/screening/roles/{other.role.key}\"" not in page


def test_it_refuses_charlie_every_screening(as_charlie, db, pools):
    before = _refusals(db)
    urls = [url for pool in pools for url in pool.pages()]
    for url in urls:
        assert as_charlie.get(url).status_code == 403, url
    assert as_charlie.get("/screening").status_code == 403
    assert _refusals(db) - before == len(urls) + 1


def test_it_checks_permission_before_looking_the_result_up(db, charlie):
    with pytest.raises(Forbidden) as refusal:
        get_result_for_user(db_session=db, user=charlie, result_id=123456)
    assert refusal.value.permission == "screening:read"
