"""generate_structured: JSON schema, JSON-mode fallback, one retry, then a human (no default)."""

import json

import pytest
from pydantic import BaseModel, Field
from sqlalchemy import select

from searchlight.llm import OFFLINE_ENGINE, LLMUnavailable, generate_structured
from searchlight.llm.models import LLMCall
from searchlight.llm.structured import TWICE_INVALID, parse_answer


class Skills(BaseModel):
    skills: list[str] = Field(min_length=1)
    seniority: int = Field(ge=1, le=5)


GOOD = {"skills": ["Python", "MLOps"], "seniority": 3}


def extract(db, **kwargs):  # type: ignore[no-untyped-def]
    options = {"task": "test.extract", "prompt": "demo/extract",
               "variables": {"role": "ML Engineer"}, "schema": Skills, "language": "en",
               **kwargs}
    return generate_structured(db_session=db, **options)


def test_it_returns_a_validated_value(db, prompt_root, fake_llm):
    fake_llm.reply_json(GOOD)
    result = extract(db)
    assert result.value == Skills(**GOOD)
    assert not result.needs_human and result.reason == ""
    assert result.engine.model == "fake-model"
    body = fake_llm.chat_requests[-1]
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"] == Skills.model_json_schema()
    system, _user = fake_llm.messages()
    assert '"seniority"' in system  # the schema is in the instructions too
    call = db.get(LLMCall, result.call_id)
    assert (call.mode, call.outcome, call.attempts) == ("json_schema", "ok", 1)


def test_it_retries_once_with_the_error_after_malformed_json(db, prompt_root, fake_llm):
    fake_llm.reply('{"skills": ["Python", ')
    fake_llm.reply_json(GOOD)
    result = extract(db)
    assert result.value == Skills(**GOOD)
    retry = fake_llm.chat_requests[1]["messages"]
    assert [m["role"] for m in retry] == ["system", "user", "assistant", "user"]
    assert retry[2]["content"] == '{"skills": ["Python", '
    assert "not valid JSON" in retry[3]["content"]
    assert db.get(LLMCall, result.call_id).detail == "retried after an invalid answer"


def test_it_quotes_the_validation_error_in_the_retry(db, prompt_root, fake_llm):
    fake_llm.reply_json({"skills": [], "seniority": 9})
    fake_llm.reply_json(GOOD)
    assert extract(db).value == Skills(**GOOD)
    feedback = fake_llm.chat_requests[1]["messages"][-1]["content"]
    assert "skills" in feedback and "seniority" in feedback


def test_it_hands_over_to_a_human_after_two_invalid_answers(db, prompt_root, fake_llm):
    fake_llm.reply("Sure! Here are the skills: Python.")
    fake_llm.reply_json({"skills": ["Python"], "seniority": "senior"})
    result = extract(db, offline=lambda: Skills(**GOOD))
    assert result.needs_human and result.value is None  # never a default, not even offline's
    assert result.reason == TWICE_INVALID
    assert len(fake_llm.chat_requests) == 2
    call = db.get(LLMCall, result.call_id)
    assert (call.outcome, call.attempts, call.engine) == ("needs_human", 2, "openai-compatible")
    assert call.total_tokens > 0


def test_it_falls_back_to_json_mode_on_a_server_without_schema_support(db, prompt_root,
                                                                      fake_llm):
    fake_llm.json_schema_supported = False
    fake_llm.reply_json(GOOD)
    fake_llm.reply_json(GOOD)
    assert extract(db).value == Skills(**GOOD)
    formats = [r["response_format"]["type"] for r in fake_llm.chat_requests]
    assert formats == ["json_schema", "json_object"]
    second = extract(db)  # remembered: no second refused request
    assert second.value == Skills(**GOOD)
    assert [r["response_format"]["type"] for r in fake_llm.chat_requests][2:] == ["json_object"]
    assert db.get(LLMCall, second.call_id).mode == "json_object"


def test_it_raises_when_the_endpoint_fails(db, prompt_root, fake_llm):
    fake_llm.fail(502, times=3)
    with pytest.raises(LLMUnavailable):
        extract(db)
    outcome = db.scalars(select(LLMCall.outcome).order_by(LLMCall.id.desc())).first()
    assert outcome == "server_error"


def test_it_runs_the_offline_version_without_an_endpoint(db, prompt_root):
    result = extract(db, offline=lambda: Skills(**GOOD))
    assert result.value == Skills(**GOOD) and result.engine == OFFLINE_ENGINE


def test_it_needs_a_human_without_endpoint_or_offline_version(db, prompt_root):
    result = extract(db)
    assert result.needs_human and result.value is None and result.engine == OFFLINE_ENGINE
    assert "No AI model" in result.reason
    assert db.get(LLMCall, result.call_id).outcome == "needs_human"


@pytest.mark.parametrize("text", [
    json.dumps(GOOD), f"```json\n{json.dumps(GOOD)}\n```", f"  {json.dumps(GOOD)}\n"])
def test_it_reads_json_with_or_without_a_code_fence(text):
    value, problem = parse_answer(text, Skills)
    assert value == Skills(**GOOD) and problem == ""


def test_it_keeps_the_answer_text_out_of_the_reason():
    value, problem = parse_answer('{"skills": ["Secret-Skill-42"], "seniority": "x"}', Skills)
    assert value is None and "seniority" in problem and "Secret-Skill-42" not in problem


def test_it_counts_the_first_answer_when_the_retry_fails(db, prompt_root, fake_llm):
    fake_llm.reply("not json", prompt_tokens=50, completion_tokens=5)
    fake_llm.fail(500, times=3)
    with pytest.raises(LLMUnavailable):
        extract(db)
    call = db.scalars(select(LLMCall).order_by(LLMCall.id.desc())).first()
    assert (call.outcome, call.total_tokens, call.attempts) == ("server_error", 55, 4)


def test_it_audits_the_answer_a_human_must_review(db, prompt_root, fake_llm):
    import hashlib

    from searchlight.governance.models import AuditEntry

    fake_llm.reply("nope")
    fake_llm.reply("still nope")
    result = extract(db)
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "ai.output")).one()
    assert entry.changes["outcome"] == "needs_human"
    assert entry.changes["output_hash"] == hashlib.sha256(b"still nope").hexdigest()
    assert entry.target_id == str(result.call_id)
