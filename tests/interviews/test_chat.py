from datetime import timedelta

from sqlalchemy import select

from searchlight.interviews import service
from searchlight.interviews.models import ChatInterview, InterviewTranscript
from tests.interviews.factories import setting


def _start(db, alice, client=None):  # type: ignore[no-untyped-def]
    role, candidate = setting(db)
    chat, token = service.create_chat(db_session=db, actor=alice, candidate=candidate, role=role)
    return candidate, chat, token


def test_it_runs_a_chat_interview_to_its_end_offline(db, client, alice):
    candidate, chat, token = _start(db, alice)
    assert chat.token_hash != token and len(chat.token_hash) == 64
    page = client.get(f"/interview-chat/{token}")
    assert page.status_code == 200 and "How AI is used" in page.text
    client.post(f"/interview-chat/{token}/accept", data={"accept": "yes"})
    for number in range(len(chat.questions)):
        response = client.post(f"/interview-chat/{token}/answer",
                               data={"answer": f"Answer {number}: I built a pipeline in Python."})
        assert response.status_code == 200
    db.refresh(chat)
    assert chat.finished_at is not None
    assert "The interview is finished" in client.get(f"/interview-chat/{token}").text
    interviewer = [t for t in chat.turns if t["speaker"] == "interviewer"]
    assert len(interviewer) == len(chat.questions)  # offline: no follow-ups
    transcript = db.scalar(select(InterviewTranscript).where(
        InterviewTranscript.candidate_id == candidate.id, InterviewTranscript.kind == "chat"))
    assert transcript is not None
    assert [e.dimension for e in transcript.evidence] == [q["dimension"] for q in chat.questions]
    assert client.post(f"/interview-chat/{token}/answer",
                       data={"answer": "more"}).status_code == 404  # single use


def test_it_shows_a_clear_page_for_expired_and_unknown_links(db, client, alice):
    _candidate, chat, token = _start(db, alice)
    chat.expires_at = chat.expires_at - timedelta(days=10)
    db.flush()
    assert client.get(f"/interview-chat/{token}").status_code == 410
    assert client.get("/interview-chat/nonsense").status_code == 404


def test_it_asks_at_most_one_follow_up_from_the_bank(db, client, alice, fake_llm):
    _candidate, chat, token = _start(db, alice)
    fake_llm.respond_with(lambda body: '{"follow_up": 0}')
    client.post(f"/interview-chat/{token}/accept", data={"accept": "yes"})
    client.post(f"/interview-chat/{token}/answer", data={"answer": "Python."})
    client.post(f"/interview-chat/{token}/answer", data={"answer": "I wrote a parser."})
    db.refresh(chat)
    texts = [t["text"] for t in chat.turns if t["speaker"] == "interviewer"]
    assert texts[1] == "Could you give a concrete example?"
    assert texts[2] == service.chat_question_text(chat, 1)  # no second follow-up
    assert chat.position == 1


def test_it_lets_a_recruiter_make_a_link_but_not_an_employee(db, as_alice, alice):
    role, candidate = setting(db)
    page = as_alice.post(f"/candidates/{candidate.id}/chats/{role.id}", data={"language": "nl"})
    assert page.status_code == 200 and "/interview-chat/" in page.text
    chat = db.scalar(select(ChatInterview).where(ChatInterview.candidate_id == candidate.id))
    assert chat is not None and chat.language == "nl"


def test_it_refuses_an_employee_a_chat_link(db, as_charlie):
    role, candidate = setting(db)
    assert as_charlie.post(f"/candidates/{candidate.id}/chats/{role.id}",
                           data={"language": "en"}).status_code == 403
