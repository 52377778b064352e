from sqlalchemy import select

from searchlight.crm.models import Activity
from searchlight.interviews import service
from searchlight.interviews.models import InterviewEvidence, InterviewTranscript
from searchlight.interviews.transcripts.parse import parse_text
from tests.interviews.factories import SRT, VTT, setting


def test_it_parses_webvtt_and_srt_with_speakers():
    kind, turns = parse_text(VTT)
    assert kind == "vtt"
    assert [t.speaker for t in turns] == ["Alice Recruiter", "Sanne Bakker", "Alice Recruiter"]
    kind, turns = parse_text(SRT)
    assert kind == "srt" and turns[1].speaker == "Sanne Bakker"
    kind, turns = parse_text("Recruiter: Hello\nCandidate: Hi there\nstill me")
    assert kind == "text" and turns[1].text == "Hi there still me"


def test_it_turns_an_uploaded_transcript_into_evidence_for_review(db, as_alice, alice):
    _role, candidate = setting(db)
    response = as_alice.post(f"/candidates/{candidate.id}/transcripts",
                             data={"kind": "call", "language": "en"},
                             files={"file": ("call.vtt", VTT.encode("utf-16"), "text/vtt")},
                             follow_redirects=False)
    assert response.status_code == 303, response.text
    transcript = db.scalar(select(InterviewTranscript).where(
        InterviewTranscript.candidate_id == candidate.id))
    assert transcript is not None and transcript.source_format == "vtt"
    text = " ".join(t["text"] for t in transcript.turns)
    assert "Peter" not in text and "[PERSON]" in text  # a third party is redacted
    assert "Sanne" in text  # the candidate is not
    assert any(f["code"] == "prompt_injection" for f in transcript.flags)
    quotes = {e.dimension: e.quote for e in transcript.evidence}
    assert "reduced costs by 30%" in quotes["results"]
    assert not any("highest score" in e.quote for e in transcript.evidence)
    assert transcript.questions == ["What does the team look like?"]
    assert any("send you the assignment" in a for a in transcript.agreements)
    activity = db.scalar(select(Activity).where(Activity.candidate_id == candidate.id,
                                                Activity.kind == "call"))
    assert activity is not None and f"/interviews/transcripts/{transcript.id}" in activity.body

    page = as_alice.get(f"/interviews/transcripts/{transcript.id}")
    assert page.status_code == 200 and "reduced costs by 30%" in page.text
    evidence = transcript.evidence[0]
    assert as_alice.post(f"/interviews/transcripts/{transcript.id}/evidence/{evidence.id}",
                         data={"status": "confirmed"}, follow_redirects=False).status_code == 303
    db.refresh(evidence)
    assert evidence.status == "confirmed" and evidence.reviewed_by_id == alice.id


def test_it_lets_a_hiring_manager_see_transcripts_of_own_roles_only(db, as_bob, bob, alice):
    _role, candidate = setting(db)
    transcript = service.upload_transcript(db_session=db, actor=alice, candidate=candidate,
                                           data=SRT.encode("cp1252"), filename="call.srt")
    assert as_bob.get(f"/interviews/transcripts/{transcript.id}").status_code == 403
    _own, mine = setting(db, manager=bob, key="own-role", name="Sanne Visser")
    own = service.upload_transcript(db_session=db, actor=alice, candidate=mine,
                                    data=SRT.encode(), filename="call.srt")
    assert as_bob.get(f"/interviews/transcripts/{own.id}").status_code == 200


def test_it_never_shows_an_employee_a_transcript(db, as_charlie, alice):
    _role, candidate = setting(db)
    transcript = service.upload_transcript(db_session=db, actor=alice, candidate=candidate,
                                           data=SRT.encode(), filename="call.srt")
    assert as_charlie.get(f"/interviews/transcripts/{transcript.id}").status_code == 403
    assert as_charlie.post(f"/candidates/{candidate.id}/transcripts",
                           files={"file": ("c.srt", SRT.encode(), "text/plain")},
                           follow_redirects=False).status_code == 403


def test_it_keeps_only_model_quotes_that_are_in_the_transcript(db, alice, fake_llm):
    _role, candidate = setting(db)
    fake_llm.reply_json({"summary": "A call.", "evidence": [
        {"dimension": "skills", "quote": "I built a RAG pipeline in Python", "note": ""},
        {"dimension": "results", "quote": "I doubled revenue single-handedly", "note": ""},
        {"dimension": "attitude", "quote": "We agreed that I will send you", "note": ""}],
        "questions": ["What does the team look like?"], "agreements": []})
    transcript = service.upload_transcript(db_session=db, actor=alice, candidate=candidate,
                                           data=VTT.encode(), filename="call.vtt")
    assert transcript.engine.startswith("openai-compatible")
    assert [e.quote for e in transcript.evidence] == ["I built a RAG pipeline in Python"]
    assert any(f["code"] == "quote_not_found" for f in transcript.flags)
    _system, user = fake_llm.messages()
    assert "<<<DATA transcript" in user and "Peter" not in user


def test_it_falls_back_to_the_offline_engine_when_the_endpoint_is_down(db, alice, fake_llm):
    _role, candidate = setting(db)
    fake_llm.fail(503, times=10)
    transcript = service.upload_transcript(db_session=db, actor=alice, candidate=candidate,
                                           data=VTT.encode(), filename="call.vtt")
    assert transcript.engine.startswith("offline")
    assert db.scalar(select(InterviewEvidence).where(
        InterviewEvidence.transcript_id == transcript.id))
