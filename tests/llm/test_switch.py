"""The AI stop switch: one switch turns every AI feature off, is audited, and the admin page and
CLI show the state, the configuration (never the key), the budget and recent calls."""

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from searchlight.cli import build_app
from searchlight.config import get_settings
from searchlight.governance.models import AuditEntry
from searchlight.llm import AIStopped, ai_enabled, generate_structured, generate_text
from searchlight.llm.models import LLMCall
from searchlight.llm.switch import start, stop
from tests.llm.test_structured import Skills


def write(db):  # type: ignore[no-untyped-def]
    return generate_text(db_session=db, task="test.write", prompt="demo/write",
                         variables={"role": "x"}, language="en", offline=lambda: "# Offline")


def test_it_stops_every_ai_feature_offline_ones_too(db, prompt_root, dora):
    stop(db_session=db, actor=dora, reason="Model gave odd answers")
    assert not ai_enabled(db_session=db)
    with pytest.raises(AIStopped, match="by hand"):
        write(db)
    with pytest.raises(AIStopped):
        generate_structured(db_session=db, task="test.extract", prompt="demo/extract",
                            variables={"role": "x"}, schema=Skills, language="en")
    outcomes = db.scalars(select(LLMCall.outcome)).all()
    assert outcomes == ["stopped", "stopped"]
    start(db_session=db, actor=dora)
    assert write(db).text == "# Offline"


def test_it_stops_calls_before_they_reach_the_endpoint(db, prompt_root, fake_llm, dora):
    stop(db_session=db, actor=dora)
    with pytest.raises(AIStopped):
        write(db)
    assert fake_llm.chat_requests == []


def test_it_audits_switching(db, dora):
    stop(db_session=db, actor=dora, reason="incident 12")
    start(db_session=db, actor=dora, reason="fixed")
    entries = db.scalars(select(AuditEntry).where(AuditEntry.action.startswith("ai."))
                         .order_by(AuditEntry.id)).all()
    assert [(e.action, e.actor_label, e.changes["reason"]) for e in entries] == [
        ("ai.stopped", f"user:{dora.id}", "incident 12"),
        ("ai.started", f"user:{dora.id}", "fixed")]


def test_it_lets_the_admin_switch_ai_off_and_on_from_the_page(as_dora, db):
    page = as_dora.get("/admin/ai")
    assert page.status_code == 200 and "AI features are on" in page.text
    response = as_dora.post("/admin/ai/stop", data={"reason": "audit week"},
                            follow_redirects=False)
    assert response.status_code == 303
    assert not ai_enabled(db_session=db)
    page = as_dora.get("/admin/ai")
    assert "AI features are off" in page.text and "audit week" in page.text
    as_dora.post("/admin/ai/start", data={"reason": ""})
    assert ai_enabled(db_session=db)


@pytest.mark.parametrize("who", ["as_alice", "as_bob", "as_charlie"])
def test_it_lets_only_admins_see_or_flip_the_switch(who, request, db):
    user = request.getfixturevalue(who)
    assert user.get("/admin/ai").status_code == 403
    assert user.post("/admin/ai/stop", data={"reason": "x"}).status_code == 403
    assert user.get("/api/ai/status").status_code == 403
    assert ai_enabled(db_session=db)


def test_it_requires_a_csrf_token_to_switch(as_dora, db):
    response = as_dora.client.post("/admin/ai/stop", data={"reason": "x"})
    assert response.status_code == 403
    assert ai_enabled(db_session=db)


def test_it_shows_configuration_budget_and_calls_but_never_the_key(as_dora, db, prompt_root,
                                                                   fake_llm):
    fake_llm.reply("# Text", prompt_tokens=40, completion_tokens=2)
    write(db)
    db.commit()
    page = as_dora.get("/admin/ai")
    assert "fake-model" in page.text and "127.0.0.1" in page.text
    assert "test-key" not in page.text
    assert "set (environment)" in page.text
    assert "42 of 500000 tokens used today" in page.text
    assert "Today per task" in page.text
    assert "demo/write" in page.text and "test.write" in page.text
    checked = as_dora.get("/admin/ai?check=1")
    assert "not checked" not in checked.text and "badge ok\">yes" in checked.text


def test_it_says_how_to_start_when_there_are_no_calls(as_dora):
    page = as_dora.get("/admin/ai")
    assert "No AI calls yet" in page.text and "Offline engine" in page.text


def test_it_stops_and_starts_from_the_cli(db, dora):
    runner = CliRunner()
    result = runner.invoke(build_app(), ["ai", "stop", "--reason", "drill", "--as", dora.email])
    assert result.exit_code == 0, result.output
    assert not ai_enabled(db_session=db)
    status = json.loads(runner.invoke(build_app(), ["ai", "status", "--format", "json"]).stdout)
    assert status["ai_enabled"] is False and status["switch"]["reason"] == "drill"
    assert runner.invoke(build_app(), ["ai", "start"]).exit_code == 0
    assert ai_enabled(db_session=db)
    unknown = runner.invoke(build_app(), ["ai", "stop", "--as", "nobody@example.org"])
    assert unknown.exit_code == 1 and "no user" in unknown.output


def test_it_reports_status_with_reachability_and_budget(db, fake_llm):
    result = CliRunner().invoke(build_app(), ["ai", "status", "--format", "json"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.stdout)
    assert status["engine"] == {"name": "openai-compatible", "model": "fake-model"}
    assert status["endpoint"] == fake_llm.url
    assert status["reachable"] is True and status["api_key"] == "environment"
    assert status["budget"] == {"daily_tokens": 500000, "used_today": 0, "left": 500000,
                                "by_task": []}
    assert "test-key" not in result.output
    assert fake_llm.paths[-1].endswith("/models")


def test_it_reports_an_unreachable_endpoint(db, monkeypatch):
    monkeypatch.setenv("SEARCHLIGHT_LLM_BASE_URL", "http://user:pw@127.0.0.1:9/v1")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(build_app(), ["ai", "status", "--format", "json"])
    finally:
        get_settings.cache_clear()
    status = json.loads(result.stdout)
    assert status["reachable"] is False and "cannot be reached" in status["reachability"]
    assert status["endpoint"] == "http://127.0.0.1:9/v1"  # no credentials shown


def test_it_reports_the_offline_engine_without_an_endpoint(db):
    result = CliRunner().invoke(build_app(), ["ai", "status"])
    assert result.exit_code == 0
    assert "offline-templates-v1" in result.stdout


def test_it_lists_calls_as_json_without_text(db, prompt_root, fake_llm):
    fake_llm.reply("# Secret-Answer-99")
    write(db)
    result = CliRunner().invoke(build_app(), ["ai", "calls", "--format", "json"])
    assert result.exit_code == 0, result.output
    calls = json.loads(result.stdout)
    assert len(calls) == 1
    call = calls[0]
    assert call["task"] == "test.write" and call["outcome"] == "ok"
    assert call["engine"] == {"name": "openai-compatible", "model": "fake-model"}
    assert call["prompt"]["template"] == "demo/write" and call["prompt"]["version"] == "2"
    assert "Secret-Answer-99" not in result.stdout
    table = CliRunner().invoke(build_app(), ["ai", "calls"])
    assert table.exit_code == 0 and "│ ok" in table.stdout


def test_it_sends_a_test_call_offline(as_dora, db):
    page = as_dora.post("/admin/ai/try")
    assert page.status_code == 200
    assert "Answer from offline (offline-templates-v1)" in page.text
    assert "no AI model is configured" in page.text
    call = db.scalars(select(LLMCall)).one()
    assert (call.task, call.prompt_template, call.engine) == ("llm.selftest", "llm/selftest",
                                                              "offline")


def test_it_sends_a_test_call_to_the_model(as_dora, fake_llm):
    fake_llm.reply("I can read this: a connection check.")
    page = as_dora.post("/admin/ai/try")
    assert "Answer from openai-compatible (fake-model)" in page.text
    assert "I can read this: a connection check." in page.text
    assert fake_llm.chat_requests[-1]["max_tokens"] == 100
    _system, user = fake_llm.messages()
    assert "Searchlight administrator connection check" in user


def test_it_shows_the_manual_path_when_the_model_fails_or_ai_is_off(as_dora, db, fake_llm):
    fake_llm.fail(503, times=3)
    page = as_dora.post("/admin/ai/try")
    assert page.status_code == 200 and "is failing" in page.text and "manual path" in page.text
    assert db.scalars(select(LLMCall.outcome)).one() == "server_error"  # the failure is kept
    as_dora.post("/admin/ai/stop", data={"reason": "x"})
    page = as_dora.post("/admin/ai/try")
    assert "switched the AI features off" in page.text
    assert len(fake_llm.chat_requests) == 3


def test_it_shows_the_test_call_in_dutch(as_dora, db, dora):
    as_dora.client.cookies.set("searchlight_locale", "nl")
    page = as_dora.post("/admin/ai/try")
    assert "Antwoord van offline" in page.text and "De offline engine antwoordde" in page.text


def test_it_sends_a_test_call_from_the_cli(db, fake_llm):
    fake_llm.reply("Connection works.")
    result = CliRunner().invoke(build_app(), ["ai", "try", "--format", "json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["text"] == "Connection works."
    assert answer["engine"] == {"name": "openai-compatible", "model": "fake-model"}
    assert db.get(LLMCall, answer["call_id"]).task == "llm.selftest"


def test_it_fails_the_cli_test_call_in_one_line(db, fake_llm):
    fake_llm.fail(500, times=3)
    result = CliRunner().invoke(build_app(), ["ai", "try"])
    assert result.exit_code == 1
    assert "The AI endpoint is failing; try again later." in result.output
    assert "Traceback" not in result.output
    assert db.scalars(select(LLMCall.outcome)).one() == "server_error"


def test_it_adds_up_todays_use_per_task(db, prompt_root, fake_llm):
    from searchlight.llm.records import usage_by_task_today

    fake_llm.reply("# A", prompt_tokens=10, completion_tokens=5)
    fake_llm.reply("# B", prompt_tokens=20, completion_tokens=5)
    write(db)
    write(db)
    generate_text(db_session=db, task="test.other", prompt="demo/write", variables={"role": "x"},
                  language="en", offline=lambda: "x")
    rows = usage_by_task_today(db_session=db)
    assert {"task": "test.write", "calls": 2, "tokens": 40} in rows
    other = next(row for row in rows if row["task"] == "test.other")
    assert other["calls"] == 1 and other["tokens"] > 40
    assert rows[0] == other  # the largest user first
