"""Candidate communication: a draft from the template (offline) or the AI layer, edited and
approved by a person, sent in the candidate's language over SMTP and logged on the timeline.
alice (recruiter) writes to anyone, bob (hiring manager) only to candidates of his roles,
charlie (employee) to nobody."""

from sqlalchemy import select

from searchlight.crm.models import Activity
from searchlight.governance.models import AuditEntry
from searchlight.mail import send_due
from searchlight.mail.models import OutboxMessage
from tests.candidates.factories import apply, make_candidate, make_role


def _setup(db, bob):  # type: ignore[no-untyped-def]
    mine, other = make_role(db, "ml-engineer", manager=bob), make_role(db, "prompt-engineer")
    anna = make_candidate(db, "Anna de Boer")
    application = apply(db, anna, mine, "screened")
    olga = make_candidate(db, "Other Olga")
    apply(db, olga, other)
    db.commit()
    return anna, application, olga


def test_it_drafts_edits_and_sends_a_dutch_rejection(as_alice, db, alice, bob, smtp_server):
    anna, application, _ = _setup(db, bob)
    page = as_alice.get(f"/candidates/{anna.id}/messages")
    assert page.status_code == 200 and 'value="invitation" selected' in page.text
    draft = as_alice.post(f"/candidates/{anna.id}/messages/draft", data={
        "application": str(application.id), "kind": "rejection", "language": "nl",
        "reason": "we zoeken iemand met meer ervaring in MLOps in productie"})
    assert draft.status_code == 200
    assert "Beste Anna de Boer" in draft.text and "meer ervaring in MLOps" in draft.text
    refused = as_alice.post(f"/candidates/{anna.id}/messages/send", data={
        "application": str(application.id), "kind": "rejection", "language": "nl",
        "subject": "Je sollicitatie", "body": "Beste Anna, ..."})
    assert refused.status_code == 422 and "approve" in refused.text
    assert db.scalars(select(OutboxMessage)).first() is None
    sent = as_alice.post(f"/candidates/{anna.id}/messages/send", data={
        "application": str(application.id), "kind": "rejection", "language": "nl",
        "subject": "Je sollicitatie voor ML Engineer",
        "body": "Beste Anna, bewerkt door Alice.", "approved": "yes"}, follow_redirects=False)
    assert sent.status_code == 303
    assert send_due() == 1
    [received] = smtp_server.messages
    assert received.recipients == ["anna.de.boer@example.org"]
    assert "bewerkt door Alice" in received.message.get_payload()
    outbox = db.scalars(select(OutboxMessage)).one()
    assert outbox.language == "nl" and outbox.purpose == "comms.rejection"
    activity = db.scalars(select(Activity).where(Activity.candidate_id == anna.id)).one()
    assert activity.kind == "email" and activity.author_id == alice.id
    assert db.scalars(select(AuditEntry).where(
        AuditEntry.action == "candidate.message_sent")).one()
    assert "Je sollicitatie voor ML Engineer" in as_alice.get(f"/candidates/{anna.id}").text


def test_it_asks_for_a_specific_reason_before_drafting_a_rejection(as_alice, db, bob):
    anna, application, _ = _setup(db, bob)
    page = as_alice.post(f"/candidates/{anna.id}/messages/draft", data={
        "application": str(application.id), "kind": "rejection", "language": "en",
        "reason": "no"})
    assert page.status_code == 422 and "kind and specific reason" in page.text


def test_it_lets_the_ai_layer_draft_without_the_name(as_alice, db, bob, fake_llm):
    anna, application, _ = _setup(db, bob)
    fake_llm.reply("Dear {name},\n\nWe would love to meet you on Tuesday 10:00.\n\nAlice")
    page = as_alice.post(f"/candidates/{anna.id}/messages/draft", data={
        "application": str(application.id), "kind": "invitation", "language": "en",
        "when": "an interview on Tuesday 10:00"})
    assert page.status_code == 200
    assert "Dear Anna de Boer" in page.text and "love to meet you" in page.text
    system, user = fake_llm.messages()
    assert "Anna" not in user and "Tuesday 10:00" in user


def test_it_lets_bob_write_only_to_candidates_of_his_roles(as_bob, db, bob):
    anna, application, olga = _setup(db, bob)
    assert as_bob.get(f"/candidates/{anna.id}/messages").status_code == 200
    assert as_bob.get(f"/candidates/{olga.id}/messages").status_code in (403, 404)
    answer = as_bob.post(f"/candidates/{olga.id}/messages/send", data={
        "application": "1", "kind": "offer", "language": "en", "subject": "x", "body": "y",
        "approved": "yes"})
    assert answer.status_code in (403, 404)
    assert db.scalars(select(OutboxMessage)).first() is None


def test_it_refuses_charlie(as_charlie, db, bob):
    anna, _, _ = _setup(db, bob)
    assert as_charlie.get(f"/candidates/{anna.id}/messages").status_code == 403
