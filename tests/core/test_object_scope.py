"""Generated from the route table: every route with an object in its path refuses a user outside
that object's scope (403 or 404), and opens for someone inside it. A route whose path parameter
is not mapped to a kind of object below fails the test, so a new route cannot be forgotten."""

import re
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

from tests.core.routes import api_routes, fill, path_params
from tests.factories import log_in
from tests.interviews.factories import SRT
from tests.screening.factories import ML_PROFILE

OPEN = ("open by design", ())


@dataclass(frozen=True)
class Kind:
    """A kind of object in a path: how to find one, and who is outside its scope."""

    value: str  # key in the seeded world
    outsiders: tuple[str, ...]
    read_outsiders: tuple[str, ...] | None = None  # when reading is wider than changing


RECRUITMENT = ("bob", "charlie", "lena")  # bob manages no role; charlie, lena read no candidates
DEVELOPMENT = ("alice", "bob", "charlie")  # eve's development data: only eve, her lead, L&D
PROGRAMMES = ("alice", "bob", "charlie")  # reskilling:manage

KINDS: dict[str, Kind] = {
    "candidate": Kind("candidate_id", RECRUITMENT),
    "application": Kind("application_id", RECRUITMENT),
    "document": Kind("document_id", RECRUITMENT),
    "applied_role": Kind("role_id", RECRUITMENT),
    "pool": Kind("pool_id", ("charlie", "lena")),
    "scoped_role": Kind("role_key", RECRUITMENT),
    "batch": Kind("batch_id", RECRUITMENT),
    "recheck": Kind("recheck_id", RECRUITMENT),  # an AI re-check of a shortlist's top
    "result": Kind("result_id", RECRUITMENT),
    "content": Kind("text_id", RECRUITMENT),
    "transcript": Kind("transcript_id", RECRUITMENT),
    "interview_evidence": Kind("interview_evidence_id", RECRUITMENT),
    "person": Kind("user_id", DEVELOPMENT),
    "enrolment": Kind("enrolment_id", DEVELOPMENT),
    "development_evidence": Kind("evidence_id", DEVELOPMENT),
    "cohort": Kind("cohort_id", ("alice", "bob", "charlie")),
    "team": Kind("team_id", ("alice", "charlie")),
    "development_role": Kind("role_key", PROGRAMMES),
    "programme": Kind("programme_key", PROGRAMMES, read_outsiders=("alice",)),
    "phase": Kind("phase_id", PROGRAMMES),
    "milestone": Kind("milestone_id", PROGRAMMES),
    "course": Kind("course_id", PROGRAMMES),
    "faq": Kind("entry_id", ("charlie", "lena")),
    "review": Kind("review_id", RECRUITMENT),  # a contested decision's re-review
    "posting": Kind("role_key", ("charlie", "lena")),
    "role": Kind("role_key", ("charlie",)),  # the role catalogue: every role but employees
    "role_version": Kind("number", ("charlie",)),
    "skill": Kind("skill_key", ()),  # the taxonomy is not personal: every user reads it
    "vacancy": Kind("role_key", ()),  # the public careers site
    "token": Kind("token", ("anonymous",)),  # a capability link: a wrong token opens nothing
    "consent": Kind("consent_id", RECRUITMENT),  # consent:write on a candidate one may see
    "erasure": Kind("erasure_id", ("alice", "bob", "charlie", "lena")),  # privacy:manage
    "submission": Kind("submission_id", RECRUITMENT),  # an assessment hand-in
    "proposal": Kind("proposal_id", RECRUITMENT),  # a grade proposal of that hand-in
    # an assessment challenge: reviewers read every one; bob (no roles) writes none
    "challenge": Kind("challenge_id", RECRUITMENT, read_outsiders=("charlie", "lena")),
}

# (path pattern, parameter) -> kind; the first match wins, so specific paths come first.
RULES: list[tuple[str, str, str]] = [
    (r"^/interviews/transcripts/.*/evidence/", "evidence_id", "interview_evidence"),
    (r"^/development/evidence/", "evidence_id", "development_evidence"),
    (r"^/(api/)?roles/\{key\}/versions/", "number", "role_version"),
    (r"^/(api/)?roles/", "key", "role"),
    (r"^/(api/)?skills/", "key", "skill"),
    (r"^/content/roles/", "key", "scoped_role"),
    (r"^/reskilling/roles/", "key", "development_role"),  # build or buy: L&D compares
    (r"^/reskilling/programmes/", "key", "programme"),
    (r"^/careers/postings/", "key", "posting"),
    (r"^/careers/\{key\}", "key", "vacancy"),
    (r"^/api/roles/\{role_key\}/stages", "role_key", "role"),  # pipeline set-up, not people
    (r"", "candidate_id", "candidate"),
    (r"", "application_id", "application"),
    (r"", "document_id", "document"),
    (r"", "role_id", "applied_role"),
    (r"", "pool_id", "pool"),
    (r"", "role_key", "scoped_role"),
    (r"", "batch_id", "batch"),
    (r"", "recheck_id", "recheck"),
    (r"", "result_id", "result"),
    (r"", "text_id", "content"),
    (r"", "transcript_id", "transcript"),
    (r"", "user_id", "person"),
    (r"", "enrolment_id", "enrolment"),
    (r"", "cohort_id", "cohort"),
    (r"", "team_id", "team"),
    (r"", "phase_id", "phase"),
    (r"", "milestone_id", "milestone"),
    (r"", "course_id", "course"),
    (r"", "entry_id", "faq"),
    (r"", "review_id", "review"),
    (r"", "token", "token"),
    (r"", "consent_id", "consent"),
    (r"", "erasure_id", "erasure"),
    (r"", "submission_id", "submission"),
    (r"", "proposal_id", "proposal"),
    (r"", "challenge_id", "challenge"),
]

# What a request needs besides its path to get past validation to the access check.
REQUESTS: dict[tuple[str, str], Any] = {
    ("PUT", "/api/roles/{key}"): lambda world: {"json": {**ML_PROFILE, "key": world["role_key"]}},
    ("PATCH", "/api/candidates/{candidate_id}"): {"json": {}},
    ("POST", "/api/candidates/{candidate_id}/contests"): {
        "json": {"kind": "stage", "decision_id": 1, "reason": "x"}},
    ("POST", "/api/candidates/{candidate_id}/applications"): {"json": {"role_key": "x"}},
    ("POST", "/api/applications/{application_id}/stage"): {"json": {"stage": "applied"}},
    ("GET", "/candidates/{candidate_id:int}/merge"): {"params": {"other": 1}},
    ("GET", "/screening/roles/{role_key}/compare"): lambda world: {
        "params": {"ids": world["result_ids"]}},
    ("POST", "/screening/results/{result_id}/pipeline"): {"data": {"stage_key": "applied"}},
    ("POST", "/candidates/{candidate_id:int}/transcripts"): {
        "files": {"file": ("call.srt", SRT.encode(), "text/plain")}},
    ("POST", "/interviews/transcripts/{transcript_id:int}/evidence/{evidence_id:int}"): {
        "data": {"status": "accepted"}},
    ("POST", "/candidates/{candidate_id:int}/portfolio"): {"data": {"title": "x", "text": "x"}},
    ("POST", "/candidates/{candidate_id:int}/assessments"): {"data": {"challenge_id": 1}},
    ("POST", "/roles/{key}/assessments"): {"data": {"challenge_id": 1, "candidate_id": 1}},
    ("POST", "/assessments/submissions/{submission_id:int}/proposals/{proposal_id:int}"): {
        "data": {"level": 1}},
}

# Routes anyone may open; the reason is the review.
PUBLIC = {
    "/skills/{key}": "the skill taxonomy holds no personal data",
    "/api/skills/{key}": "the skill taxonomy holds no personal data",
    "/careers/{key}": "the public vacancy page",
    "/careers/{key}/ask": "the public vacancy assistant",
    "/careers/{key}/apply": "the public application form",
}


def kind_of(path: str, param: str) -> str | None:
    for pattern, name, kind in RULES:
        if name == param and re.search(pattern, path):
            return kind
    return None


def test_every_path_parameter_has_a_kind(app):  # type: ignore[no-untyped-def]
    unmapped = sorted({f"{route.path} {{{param}}}" for route in api_routes(app)
                       for param in path_params(route.path) if kind_of(route.path, param) is None})
    assert not unmapped, "say which object these parameters name (RULES above):\n" + "\n".join(
        unmapped)


def _values(route_path: str, method: str, world: dict[str, Any]
            ) -> tuple[dict[str, Any], set[str]]:
    values, outsiders = {}, set()
    for param in path_params(route_path):
        kind = KINDS[kind_of(route_path, param) or ""]
        assert world.get(kind.value) is not None, f"the world has no {kind.value}"
        values[param] = world[kind.value]
        reading = method == "GET" and kind.read_outsiders is not None
        outsiders |= set(kind.read_outsiders if reading else kind.outsiders)  # type: ignore[arg-type]
    return values, outsiders


def test_every_object_route_refuses_users_outside_its_scope(app, db, world):  # type: ignore[no-untyped-def]
    problems: list[str] = []
    checked = 0
    with TestClient(app, base_url="http://testserver", headers={"Accept-Language": "en"}) as web:
        sessions = {name: log_in(TestClient(app, base_url="http://testserver"), db, user)
                    for name, user in world["users"].items()}
        for route in api_routes(app):
            if not path_params(route.path) or route.path in PUBLIC:
                continue
            for method in sorted(route.methods - {"HEAD"}):
                values, outsiders = _values(route.path, method, world)
                path = fill(route.path, values)
                assert outsiders, f"{route.path}: nobody is outside its scope; list it in PUBLIC"
                extra = REQUESTS.get((method, route.path), {})
                extra = extra(world) if callable(extra) else extra
                for name in sorted(outsiders):
                    if name == "anonymous":
                        response = web.request(method, path, follow_redirects=False, **extra)
                    else:
                        who = sessions[name]
                        response = who.client.request(
                            method, path, headers={"X-CSRF-Token": who.csrf_token,
                                                   "Accept": "application/json"},
                            follow_redirects=False, **extra)
                    checked += 1
                    if response.status_code not in (403, 404):
                        problems.append(f"{name} {method} {route.path}: {response.status_code}")
                if method == "GET" and "token" not in values:  # the id is real: dora opens it
                    response = sessions["dora"].client.get(path, follow_redirects=False, **extra)
                    if response.status_code >= 400:
                        problems.append(f"dora GET {route.path}: {response.status_code}")
    assert checked > 150
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
