"""While a remote model answers, the app holds no SQLite write lock: every web path (and job)
that calls the model writes nothing before the call, so the form post's `BEGIN IMMEDIATE` is
ended before it (`db.end_unwritten_transaction`) and every other write in the app goes on.

A model call can take up to the LLM time-out; a lock held that long makes every other request
wait or fail with "database is locked". The suite's shared savepoint connection cannot show
this, so each test runs the real app on a database file of its own, and the fake model tries
to take the write lock from a plain second connection, without waiting, while it answers.

The users' sessions were last seen a few minutes ago, as on the first click after reading a
page: resolving such a session touches it, a write like any other."""

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session, sessionmaker

from searchlight.assessments import service as assessments
from searchlight.assessments.jobs import grade
from searchlight.assessments.models import AssessmentSubmission
from searchlight.auth.models import UserSession
from searchlight.careers import demo as careers_demo
from searchlight.careers.models import AssistantLog
from searchlight.config import get_settings
from searchlight.content import demo as content_demo
from searchlight.content.models import ContentText
from searchlight.db import make_engine, override_sessions, utcnow
from searchlight.interviews import service as interviews
from searchlight.interviews.models import ChatInterview, InterviewTranscript
from searchlight.llm.models import LLMCall
from searchlight.main import create_app
from searchlight.migrate import upgrade
from searchlight.roles import demo as roles_demo
from searchlight.screening.batches import create_batch
from searchlight.screening.jobs import recheck_shortlist, screen_batch
from searchlight.screening.models import RecheckRun
from searchlight.taxonomy import demo as taxonomy_demo
from tests.assessments.factories import GOOD_ANSWERS, invited
from tests.candidates.factories import apply, make_candidate
from tests.candidates.factories import make_role as make_plain_role
from tests.conftest import TEST_DATABASE_URL
from tests.e2e.conftest import fresh_database_url
from tests.factories import LoggedIn, log_in, make_user
from tests.interviews.factories import VTT, setting
from tests.llm.fakeserver import FakeLLMServer
from tests.screening.cvfiles import make_cv, make_pdf
from tests.screening.factories import ML_PROFILE
from tests.screening.factories import make_role as make_profiled_role

pytestmark = pytest.mark.skipif(not TEST_DATABASE_URL.startswith("sqlite"),
                                reason="SQLite's one write lock")

FAKE_ENGINE = "openai-compatible"
Answer = Callable[[dict[str, Any]], str]


def _write_lock_is_free(path: str) -> bool:
    """Whether another connection gets the write lock at once ("database is locked": no)."""
    connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as error:
        if "locked" not in str(error):
            raise
        return False
    finally:
        connection.close()


@dataclass
class Place:
    engine: Engine
    client: TestClient
    fake_llm: FakeLLMServer
    lock_free: list[bool] = field(default_factory=list)  # one per model call

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def answer_with(self, answer: Answer) -> None:
        """The fake model tries the write lock, then gives `answer(request body)`."""
        path = str(self.engine.url.database)

        def respond(body: dict[str, Any]) -> str:
            self.lock_free.append(_write_lock_is_free(path))
            return answer(body)

        self.fake_llm.respond_with(respond)

    def log_in(self, name: str, role: str) -> LoggedIn:
        with self.session() as db:
            return log_in(self.client, db, make_user(db, name, role))

    def idle(self) -> None:
        """Every session was last seen five minutes ago: the next request touches it."""
        with self.session() as db:
            db.execute(update(UserSession).values(last_seen_at=utcnow() - timedelta(minutes=5)))
            db.commit()

    def assert_no_lock_held(self, task: str, calls: int = 1) -> None:
        assert self.lock_free, "the model was never asked"
        assert all(self.lock_free), (
            f"the write lock was held during model call(s) "
            f"{[n for n, free in enumerate(self.lock_free, 1) if not free]} of "
            f"{len(self.lock_free)}")
        with self.session() as db:
            recorded = db.scalars(select(LLMCall).where(LLMCall.task == task)).all()
        assert [(c.engine, c.outcome) for c in recorded] == [(FAKE_ENGINE, "ok")] * calls


@pytest.fixture
def place(tmp_path: Path, fake_llm: FakeLLMServer) -> Iterator[Place]:
    engine = make_engine(fresh_database_url(tmp_path, "model-calls"))
    upgrade(engine)
    try:
        with override_sessions(sessionmaker(bind=engine, expire_on_commit=False)), \
                TestClient(create_app(), base_url="http://testserver",
                           headers={"Accept-Language": "en"}) as client:
            yield Place(engine, client, fake_llm)
    finally:
        engine.dispose()


def test_it_holds_no_lock_while_the_model_writes_a_content_text(place: Place) -> None:
    with place.session() as db:
        roles_demo.load(db_session=db)
        content_demo.load(db_session=db)
        db.commit()
    as_alice = place.log_in("Alice", "recruiter")
    place.answer_with(lambda body: "# ML Engineer\n\nJoin us and build models.")
    place.idle()
    response = as_alice.post("/content/generate", data={
        "role": "ml-engineer", "kind": "vacancy", "language": "en"}, follow_redirects=False)
    assert response.status_code == 303
    place.assert_no_lock_held("content.vacancy")
    with place.session() as db:
        text = db.scalars(select(ContentText)).one()
        assert text.versions[-1].engine_name == FAKE_ENGINE
        assert "Join us and build models." in text.versions[-1].body


INTAKE_DRAFT = {
    "title_nl": "Datawetenschapper", "title_en": "Data Scientist",
    "jtbd_nl": "Je bouwt modellen die klanten helpen.",
    "jtbd_en": "You build models that help customers.",
    "items": [{"dimension": "skills", "text_nl": "Python en PyTorch",
               "text_en": "Python and PyTorch", "must_have": True, "min_years": None}],
}


def test_it_holds_no_lock_while_the_model_drafts_a_role_from_an_intake(place: Place) -> None:
    as_alice = place.log_in("Alice", "recruiter")  # a fresh installation: no skills loaded yet
    place.answer_with(lambda body: json.dumps(INTAKE_DRAFT))
    place.idle()
    response = as_alice.post("/content/intake", data={
        "mode": "paste", "language": "en",
        "pasted": "# Data Scientist\n\nYou build models.\n\n## You bring\n- Python"})
    assert response.status_code == 200
    assert "You build models that help customers." in response.text
    place.assert_no_lock_held("content.intake")


def test_it_holds_no_lock_while_the_model_drafts_a_message(place: Place) -> None:
    with place.session() as db:
        role = make_plain_role(db, "ml-engineer")
        anna = make_candidate(db, "Anna de Boer")
        application = apply(db, anna, role, "screened")
        db.commit()
    as_alice = place.log_in("Alice", "recruiter")
    place.answer_with(lambda body: "Dear {name},\n\nWe would love to meet you on Tuesday.")
    place.idle()
    response = as_alice.post(f"/candidates/{anna.id}/messages/draft", data={
        "application": str(application.id), "kind": "invitation", "language": "en",
        "when": "an interview on Tuesday 10:00"})
    assert response.status_code == 200
    assert "Dear Anna de Boer" in response.text and "love to meet you" in response.text
    place.assert_no_lock_held("comms.message")


def test_it_holds_no_lock_while_the_model_follows_up_a_chat_answer(place: Place) -> None:
    with place.session() as db:
        role, candidate = setting(db)
        alice = make_user(db, "Alice", "recruiter")
        chat, token = interviews.create_chat(db_session=db, actor=alice, candidate=candidate,
                                             role=role)
        interviews.accept_chat_notice(db_session=db, chat=chat)
        db.commit()
    # The first answer gets a follow-up from the bank (whose answer is not sent), no other.
    place.answer_with(lambda body: json.dumps(
        {"follow_up": 0 if len(place.lock_free) == 1 else None}))
    for number in range(len(chat.questions) + 1):
        response = place.client.post(f"/interview-chat/{token}/answer",
                                     data={"answer": f"Answer {number}: I built it in Python."})
        assert response.status_code == 200
    place.assert_no_lock_held("interviews.chat_follow_up", calls=len(chat.questions))
    with place.session() as db:
        stored = db.get_one(ChatInterview, chat.id)
        assert stored.finished_at is not None and stored.transcript_id is not None
        assert stored.turns[2]["text"] == "Could you give a concrete example?"


TRANSCRIPT_ANSWER = {
    "summary": "A call about a RAG pipeline.",
    "evidence": [{"dimension": "skills", "quote": "I built a RAG pipeline in Python",
                  "note": ""}],
    "questions": ["What does the team look like?"], "agreements": [],
}


def test_it_holds_no_lock_while_the_model_analyses_a_transcript(place: Place) -> None:
    with place.session() as db:
        _role, candidate = setting(db)
        db.commit()
    as_alice = place.log_in("Alice", "recruiter")
    place.answer_with(lambda body: json.dumps(TRANSCRIPT_ANSWER))
    place.idle()
    response = as_alice.post(f"/candidates/{candidate.id}/transcripts", data={"kind": "call"},
                             files={"file": ("call.vtt", VTT.encode(), "text/vtt")},
                             follow_redirects=False)
    assert response.status_code == 303
    place.assert_no_lock_held("interviews.transcript")
    with place.session() as db:
        transcript = db.scalars(select(InterviewTranscript)).one()
        assert transcript.engine.startswith(FAKE_ENGINE)
        assert [e.quote for e in transcript.evidence] == ["I built a RAG pipeline in Python"]


def test_it_holds_no_lock_while_the_model_answers_a_visitor(place: Place) -> None:
    with place.session() as db:
        taxonomy_demo.load(db_session=db)
        roles_demo.load(db_session=db)
        careers_demo.load(db_session=db)
        db.commit()
    place.answer_with(lambda body: "Mostly Python with PyTorch, and SQL for data [1].")
    response = place.client.post("/careers/ml-engineer/ask",
                                 data={"question": "Which programming languages will I use?"},
                                 headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Mostly Python with PyTorch" in response.text
    place.assert_no_lock_held("careers.assistant")
    with place.session() as db:
        assert db.scalars(select(AssistantLog)).one().engine == FAKE_ENGINE


def test_it_holds_no_lock_while_the_administrators_test_call_runs(place: Place) -> None:
    as_dora = place.log_in("Dora", "admin")
    place.answer_with(lambda body: "The connection works.")
    place.idle()
    response = as_dora.post("/admin/ai/try")
    assert response.status_code == 200 and "The connection works." in response.text
    place.assert_no_lock_held("llm.selftest")


QUOTE_ID = re.compile(r"^(q\d+) \|", re.MULTILINE)


def _judge(body: dict[str, Any]) -> str:
    ids = QUOTE_ID.findall(body["messages"][-1]["content"])
    return json.dumps({"quotes": [{"id": ident, "verdict": "doing", "reason": "shown"}
                                  for ident in ids]})


def test_it_holds_no_lock_while_the_model_rechecks_a_shortlist(place: Place) -> None:
    with place.session() as db:
        role = make_profiled_role(db, ML_PROFILE)
        alice = make_user(db, "Alice", "recruiter")
        uploads = [(f"cv-{seed}.pdf", make_pdf(make_cv("en", seed=seed).paragraphs))
                   for seed in (31, 32)]
        batch = create_batch(db_session=db, role=role, actor=alice, uploads=uploads,
                             settings=get_settings())
        as_alice = log_in(place.client, db, alice)
    screen_batch(batch.id)
    place.answer_with(_judge)
    place.idle()
    response = as_alice.post(f"/screening/roles/{role.key}/recheck", data={"top": "2"},
                             follow_redirects=False)
    assert response.status_code == 303
    with place.session() as db:
        run_id = db.scalars(select(RecheckRun.id)).one()
    recheck_shortlist(run_id)  # the job the request deferred
    place.assert_no_lock_held("screening.recheck", calls=len(place.lock_free))
    with place.session() as db:
        run = db.get_one(RecheckRun, run_id)
        assert run.status == "done" and [e.status for e in run.entries] == ["checked"] * 2


ITEM = re.compile(r"Item `([^`]+)` \(levels (\d+) to \d+\)")


def _grade(body: dict[str, Any]) -> str:
    """The lowest level of every rubric item, which needs no quote."""
    rubric = body["messages"][-1]["content"]
    return json.dumps({"items": [{"item": key, "level": int(lowest), "quote": "",
                                  "reason": "lowest"} for key, lowest in ITEM.findall(rubric)]})


def test_it_holds_no_lock_while_the_model_grades_a_submission(place: Place) -> None:
    with place.session() as db:
        invitation, _token, _candidate = invited(db, make_user(db, "Alice", "recruiter"))
        assessments.accept_notice(db_session=db, invitation=invitation, human_only=False)
        submission = assessments.submit(db_session=db, invitation=invitation,
                                        answers=GOOD_ANSWERS, settings=get_settings())
        db.commit()
    place.answer_with(_grade)
    grade(submission.id)  # the job a hand-in defers
    place.assert_no_lock_held("assessments.grade", calls=len(GOOD_ANSWERS))
    with place.session() as db:
        stored = db.get_one(AssessmentSubmission, submission.id)
        assert stored.status == "review" and stored.proposals
        assert {p.engine_name for p in stored.proposals} == {FAKE_ENGINE}
