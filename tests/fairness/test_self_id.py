"""The voluntary self-identification form: a single-use link (only its hash stored) offered on
the careers site's confirmation page and mailed by a recruiter, in Dutch and English, every
question with "prefer not to say"; the answers in their own table. alice (recruiter) may send
it, charlie (employee) and bob (a hiring manager of another role) may not."""

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.fairness.models import SelfId, SelfIdInvitation
from searchlight.mail.models import OutboxMessage
from tests.candidates.factories import apply, make_candidate, make_role
from tests.careers.test_site import _apply
from tests.factories import log_in, make_user
from tests.screening.cvfiles import make_cv, make_pdf

LINK = re.compile(r"(/self-identification/[A-Za-z0-9_-]+)")


def test_it_offers_the_form_after_an_application_and_takes_one_answer(client, site: Session,
                                                                      db: Session) -> None:
    applied = _apply(client, cv=make_pdf(make_cv("en", seed=43).paragraphs))
    assert applied.status_code == 200, applied.text
    link = LINK.search(applied.text).group(1)  # type: ignore[union-attr]
    invitation = db.scalars(select(SelfIdInvitation)).one()
    assert link.rsplit("/", 1)[1] not in invitation.token_hash  # only the hash is stored
    assert len(invitation.token_hash) == 64

    form = client.get(link)
    assert form.status_code == 200
    assert "never used to assess or score you" in form.text
    assert form.text.count('value="" checked') == 3  # "prefer not to say", chosen by default
    assert client.post(link, data={"gender": "robot"}).status_code == 422
    done = client.post(link, data={"gender": "woman", "age_band": "", "migration": "none"})
    assert done.status_code == 200 and "only counted in totals" in done.text
    row = db.scalars(select(SelfId)).one()
    assert row.answers == {"gender": "woman", "age_band": None, "migration": "none"}
    assert row.month.day == 1 and row.application_id == invitation.application_id
    assert client.post(link, data={"gender": "man"}).status_code == 409
    assert client.get(link).status_code == 410
    assert client.get("/self-identification/not-a-token").status_code == 404
    assert len(db.scalars(select(SelfId)).all()) == 1


def test_it_speaks_dutch_to_a_dutch_applicant(client, site: Session) -> None:
    client.headers["Accept-Language"] = "nl"
    applied = _apply(client, cv=make_pdf(make_cv("nl", seed=44).paragraphs))
    assert "Beantwoord de vrijwillige vragen" in applied.text
    form = client.get(LINK.search(applied.text).group(1))  # type: ignore[union-attr]
    assert "Zeg ik liever niet" in form.text and "Wat is je gender?" in form.text


def test_it_lets_alice_mail_the_link_in_the_candidates_language(as_alice, client, db: Session,
                                                                alice) -> None:
    role = make_role(db, "ml-engineer")
    application = apply(db, make_candidate(db, "Noor Jansen"), role)
    db.commit()
    sent = as_alice.post(f"/candidates/{application.candidate_id}/self-identification",
                         data={"application": str(application.id)}, follow_redirects=False)
    assert sent.status_code == 303
    mail = db.scalars(select(OutboxMessage).where(
        OutboxMessage.purpose == "fairness.self_id")).one()
    assert mail.to_address == "noor.jansen@example.org"
    link = LINK.search(mail.body).group(1)  # type: ignore[union-attr]
    client.cookies.clear()  # the candidate has no account
    assert client.post(link, data={"gender": "", "age_band": "45_54"}).status_code == 200
    as_alice = log_in(client, db, alice)
    again = as_alice.post(f"/candidates/{application.candidate_id}/self-identification",
                          data={"application": str(application.id)}, follow_redirects=False)
    assert again.status_code == 409  # already answered


def test_it_refuses_to_answer_twice_through_a_second_link(as_alice, db: Session) -> None:
    role = make_role(db, "ml-engineer")
    application = apply(db, make_candidate(db, "Twee Keer"), role)
    db.commit()
    for _ in range(2):
        as_alice.post(f"/candidates/{application.candidate_id}/self-identification",
                      data={"application": str(application.id)}, follow_redirects=False)
    first, second = (LINK.search(m.body).group(1)  # type: ignore[union-attr]
                     for m in db.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
    client = as_alice.client
    client.cookies.clear()
    assert client.post(first, data={"gender": "man"}).status_code == 200
    assert client.post(second, data={"gender": "woman"}).status_code == 409
    assert db.scalars(select(SelfId)).one().answers["gender"] == "man"


def test_it_does_not_let_charlie_or_bob_send_the_form(client, db: Session, charlie) -> None:
    other_manager = make_user(db, "Bob", "hiring_manager")
    role = make_role(db, "prompt-engineer")  # bob does not manage it
    application = apply(db, make_candidate(db, "Sara Smit"), role)
    db.commit()
    for user, refused in ((charlie, 403), (other_manager, 403)):
        who = log_in(client, db, user)
        response = who.post(f"/candidates/{application.candidate_id}/self-identification",
                            data={"application": str(application.id)}, follow_redirects=False)
        assert response.status_code in (refused, 404)
    assert db.scalars(select(SelfIdInvitation)).first() is None


def test_it_loads_demo_answers_once_and_never_for_a_sourced_person(db: Session) -> None:
    from searchlight.fairness import demo

    role = make_role(db, "ml-engineer")
    apply(db, make_candidate(db, "Gevonden Persoon"), role, "sourced")
    applied = apply(db, make_candidate(db, "Sollicitant Een"), role, "applied")
    demo.load(db_session=db)
    demo.load(db_session=db)
    rows = db.scalars(select(SelfId)).all()
    assert [r.application_id for r in rows] == [applied.id]
