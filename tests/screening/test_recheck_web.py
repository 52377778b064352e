"""The AI re-check in the product, against the local fake OpenAI-compatible server: a recruiter
asks for the top N of a shortlist, a background job re-checks them, the shortlist shows the
progress and the result page says per quote "checked by AI: confirmed / weakened / removed" with
the reason. Verdicts are cached in the database, every check is audited, the stop switch is
respected, no name is ever sent, and alice may, bob may look at his role only, charlie may not."""

import json
import re

import pytest
from sqlalchemy import func, select
from tests.screening.cvfiles import make_cv, make_pdf
from tests.screening.factories import ML_PROFILE, make_role

from searchlight.config import get_settings
from searchlight.governance.models import AuditEntry
from searchlight.jobs import run_due_work
from searchlight.llm import switch
from searchlight.llm.models import LLMCall
from searchlight.screening import rechecks
from searchlight.screening.batches import create_batch
from searchlight.screening.jobs import screen_batch
from searchlight.screening.models import QuoteCheck, RecheckEntry, RecheckRun, ScreeningResult

SEEDS = (31, 32, 33)
QUOTE_ID = re.compile(r"^(q\d+) \|", re.MULTILINE)


def _pool(db, alice, key="ml-engineer", manager=None):  # type: ignore[no-untyped-def]
    role = make_role(db, {**ML_PROFILE, "key": key})
    role.hiring_manager_id = manager.id if manager else None
    uploads = [(f"{key}-{seed}.pdf", make_pdf(make_cv("en", seed=seed).paragraphs))
               for seed in SEEDS]
    batch = create_batch(db_session=db, role=role, actor=alice, uploads=uploads,
                         settings=get_settings())
    db.commit()
    screen_batch(batch.id)
    return role


def _judge(body):  # type: ignore[no-untyped-def]
    """The fake model: the first quote of each request is removed, the second weakened."""
    ids = QUOTE_ID.findall(body["messages"][-1]["content"])
    verdicts = ["not_shown", "weaker"] + ["doing"] * len(ids)
    return json.dumps({"quotes": [
        {"id": ident, "verdict": verdict, "reason": f"judged {verdict}"}
        for ident, verdict in zip(ids, verdicts, strict=False)]})


def _recheck_as(db, user, role, top=2):  # type: ignore[no-untyped-def]
    """alice's request through the service, for tests that log someone else in."""
    rechecks.start(db_session=db, user=user, role=role, top=top)
    db.commit()
    run_due_work()


def _top(db, role, n=2):  # type: ignore[no-untyped-def]
    return list(db.scalars(select(ScreeningResult).where(ScreeningResult.role_id == role.id)
                           .order_by(ScreeningResult.overall.desc()).limit(n)))


def _recheck(as_user, role, top=2):  # type: ignore[no-untyped-def]
    response = as_user.post(f"/screening/roles/{role.key}/recheck", data={"top": str(top)},
                            follow_redirects=False)
    run_due_work()  # what `searchlight serve` or a worker does after the request
    return response


def test_it_rechecks_the_top_of_a_shortlist_and_shows_what_the_model_said(
        as_alice, db, alice, fake_llm):
    role = _pool(db, alice)
    fake_llm.respond_with(_judge)
    assert _recheck(as_alice, role).status_code == 303
    run = db.scalars(select(RecheckRun)).one()
    assert run.status == "done" and [e.status for e in run.entries] == ["checked", "checked"]
    assert len(fake_llm.chat_requests) == 2
    shortlist = as_alice.get(f"/screening/roles/{role.key}").text
    assert "2 of 2 candidates re-checked" in shortlist
    top = _top(db, role)[0]
    page = as_alice.get(f"/screening/results/{top.id}").text
    assert "checked by AI: removed" in page and "judged not_shown" in page
    assert "checked by AI: weakened" in page and "checked by AI: confirmed" in page
    entry = db.scalars(select(RecheckEntry).where(RecheckEntry.result_id == top.id)).one()
    assert entry.removed == 1 and entry.weakened == 1 and entry.confirmed >= 1
    assert f"Score after the check: {entry.score_after:.0f}" in page


def test_it_records_every_check_in_the_audit_chain(as_alice, db, alice, fake_llm):
    role = _pool(db, alice)
    fake_llm.respond_with(_judge)
    _recheck(as_alice, role)
    requested = db.scalars(select(AuditEntry).where(
        AuditEntry.action == "screening.recheck_requested")).one()
    assert requested.actor_id == alice.id
    checked = db.scalars(select(AuditEntry).where(AuditEntry.action == "screening.rechecked"))
    changes = [entry.changes for entry in checked]
    assert len(changes) == 2
    for change in changes:
        assert change["engine"] == "openai-compatible" and change["model"] == "fake-model"
        assert len(change["prompt_hash"]) == 64 and len(change["input_hash"]) == 64
    calls = db.scalars(select(LLMCall).where(LLMCall.task == "screening.recheck")).all()
    assert {c["call"] for c in changes} == {call.id for call in calls}
    assert db.scalar(select(func.count()).where(AuditEntry.action == "ai.output")) == 2


def test_it_never_sends_a_name_email_or_phone(as_alice, db, alice, fake_llm):
    role = _pool(db, alice)
    fake_llm.respond_with(_judge)
    _recheck(as_alice, role, top=3)
    sent = json.dumps(fake_llm.chat_requests, ensure_ascii=False).lower()
    assert [e.status for e in db.scalars(select(RecheckEntry))] == ["checked"] * 3
    assert fake_llm.chat_requests  # (a quote two CVs share is asked about once)
    for seed in SEEDS:
        person = make_cv("en", seed=seed).person
        for secret in (person.first_name, person.last_name, person.email, person.phone):
            assert secret.lower() not in sent, "personal data was sent to the model"


def test_it_keeps_verdicts_in_the_database_and_asks_once(as_alice, db, alice, fake_llm):
    role = _pool(db, alice)
    fake_llm.respond_with(_judge)
    _recheck(as_alice, role)
    kept = db.scalar(select(func.count()).select_from(QuoteCheck))
    assert kept > 0
    _recheck(as_alice, role)  # a new run (any process): every quote is known
    assert len(fake_llm.chat_requests) == 2
    runs = db.scalars(select(RecheckRun).order_by(RecheckRun.id)).all()
    first, second = ([(e.result_id, e.verdicts) for e in run.entries] for run in runs)
    assert first == second
    assert db.scalar(select(func.count()).select_from(QuoteCheck)) == kept


def test_the_stop_switch_stops_a_run_and_sends_nothing(as_alice, db, alice, fake_llm):
    role = _pool(db, alice)
    fake_llm.respond_with(_judge)
    as_alice.post(f"/screening/roles/{role.key}/recheck", data={"top": "2"})
    switch.stop(db_session=db, actor=alice, reason="test")
    db.commit()
    run_due_work()
    run = db.scalars(select(RecheckRun)).one()
    assert run.status == "stopped"
    assert {e.status for e in run.entries} == {"skipped"}
    assert fake_llm.chat_requests == []
    shortlist = as_alice.get(f"/screening/roles/{role.key}").text
    assert "The AI stop switch is on, so the AI re-check is not available." in shortlist
    refused = as_alice.post(f"/screening/roles/{role.key}/recheck", data={"top": "2"})
    assert refused.status_code == 409
    page = as_alice.get(f"/screening/results/{_top(db, role)[0].id}").text
    assert "checked by AI" not in page


def test_without_a_model_the_recheck_is_not_offered(as_alice, db, alice):
    role = _pool(db, alice)
    page = as_alice.get(f"/screening/roles/{role.key}").text
    assert "No AI model is configured, so the AI re-check is not available." in page
    assert as_alice.post(f"/screening/roles/{role.key}/recheck",
                         data={"top": "2"}).status_code == 409
    assert db.scalar(select(func.count()).select_from(RecheckRun)) == 0


@pytest.mark.parametrize("top", ["0", "26"])
def test_it_refuses_a_number_out_of_range(as_alice, db, alice, fake_llm, top):
    role = _pool(db, alice)
    assert as_alice.post(f"/screening/roles/{role.key}/recheck",
                         data={"top": top}).status_code == 422


def test_it_shows_the_verdicts_in_dutch(as_alice, db, alice, fake_llm):
    role = _pool(db, alice)
    fake_llm.respond_with(_judge)
    _recheck(as_alice, role)
    as_alice.client.cookies.set("searchlight_locale", "nl")
    page = as_alice.get(f"/screening/results/{_top(db, role)[0].id}").text
    assert "gecontroleerd door AI: verwijderd" in page
    assert "gecontroleerd door AI: verzwakt" in page
    shortlist = as_alice.get(f"/screening/roles/{role.key}").text
    assert "2 van 2 kandidaten opnieuw gecontroleerd" in shortlist


def test_it_lets_bob_follow_his_roles_recheck_but_not_start_one(
        as_bob, db, alice, bob, fake_llm):
    mine = _pool(db, alice, key="bobs-role", manager=bob)
    other = _pool(db, alice, key="other-role")
    fake_llm.respond_with(_judge)
    _recheck_as(db, alice, mine)
    _recheck_as(db, alice, other)
    mine_run, other_run = db.scalars(select(RecheckRun).order_by(RecheckRun.id)).all()
    assert as_bob.post(f"/screening/roles/{mine.key}/recheck",
                       data={"top": "2"}).status_code == 403
    htmx = {"HX-Request": "true"}
    assert as_bob.get(f"/screening/rechecks/{mine_run.id}", headers=htmx).status_code == 200
    assert as_bob.get(f"/screening/rechecks/{other_run.id}", headers=htmx).status_code == 403
    page = as_bob.get(f"/screening/results/{_top(db, mine)[0].id}").text
    assert "checked by AI: removed" in page


def test_it_refuses_charlie(as_charlie, db, alice, fake_llm):
    role = _pool(db, alice)
    fake_llm.respond_with(_judge)
    _recheck_as(db, alice, role)
    run = db.scalars(select(RecheckRun)).one()
    assert as_charlie.post(f"/screening/roles/{role.key}/recheck",
                           data={"top": "2"}).status_code == 403
    assert as_charlie.get(f"/screening/rechecks/{run.id}").status_code == 403


def test_the_rechecked_result_page_shows_no_unrevealed_name(as_alice, db, alice, fake_llm):
    role = _pool(db, alice)
    fake_llm.respond_with(_judge)
    _recheck(as_alice, role, top=3)
    run = db.scalars(select(RecheckRun)).one()
    for result in _top(db, role, n=3):
        page = as_alice.get(f"/screening/results/{result.id}").text
        assert "checked by AI:" in page
        assert result.candidate is not None and not result.identity_shown
        for secret in (result.candidate.full_name, result.candidate.email,
                       result.candidate.phone):
            assert not secret or secret not in page
        progress = as_alice.get(f"/screening/rechecks/{run.id}",
                                headers={"HX-Request": "true"}).text
        assert result.candidate.full_name not in progress
