"""Test data for the assessment journey: the prompt challenge from the library, a role and a
candidate who applied to it, and an invitation."""

import itertools
from pathlib import Path

from sqlalchemy.orm import Session

from searchlight.assessments import service
from searchlight.assessments.demo import LIBRARY
from searchlight.assessments.models import AssessmentChallenge, AssessmentInvitation
from searchlight.auth.models import User
from searchlight.candidates.models import Candidate
from searchlight.roles.models import Role
from tests.candidates.factories import apply, make_candidate, make_role

PROMPT_CHALLENGE = "pe-prompt-ab-en"
GOOD_ANSWERS = {
    "1": "I rewrote it as a system prompt that sets the role and the audience. It forbids "
         "promising payouts or decisions and requires the claim number. It limits the length "
         "and fixes the tone and format, and says what to do when information is missing.",
    "2": "I ran both prompts on the same fixed set of test e-mails and scored every reply "
         "against explicit criteria: claim number present, no payout promise, length limit. "
         "B passed 46 of 50 and A 31 of 50; I checked the difference is not noise.",
}


def challenge(db: Session, key: str = PROMPT_CHALLENGE) -> AssessmentChallenge:
    service.import_file(db_session=db, actor=None,
                        path=Path(LIBRARY) / "prompt-engineer.en.yaml")
    return service.get_by_key(db_session=db, key=key)


def setting(db: Session, manager: User | None = None, *, key: str = "prompt-engineer-test",
            name: str = "Noor Visser") -> tuple[Role, Candidate]:
    role = make_role(db, key, manager=manager)
    candidate = make_candidate(db, name)
    apply(db, candidate, role)
    db.flush()
    return role, candidate


_numbers = itertools.count(1)


def invited(db: Session, actor: User, manager: User | None = None,
            ) -> tuple[AssessmentInvitation, str, Candidate]:
    number = next(_numbers)
    role, candidate = setting(db, manager, key=f"prompt-engineer-test-{number}",
                              name=f"Noor Visser {number}")
    invitation, token = service.invite(db_session=db, actor=actor, candidate=candidate,
                                       challenge=challenge(db), role=role)
    return invitation, token, candidate
