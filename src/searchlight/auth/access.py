"""The one access helper. Every view asks `require(user, permission)`; object-level checks live
in each domain's `get_..._for_user` function, which calls `require` first."""

from searchlight.auth.models import User
from searchlight.errors import Forbidden

PERMISSIONS: dict[str, frozenset[str]] = {
    "roles:read": frozenset({"admin", "recruiter", "hiring_manager", "ld_lead"}),
    "roles:write": frozenset({"admin", "recruiter"}),
    "taxonomy:read": frozenset({"admin", "recruiter", "hiring_manager", "ld_lead", "employee"}),
    "taxonomy:write": frozenset({"admin", "recruiter"}),
    "candidates:read": frozenset({"admin", "recruiter", "hiring_manager", "privacy_officer"}),
    "candidates:read_all": frozenset({"admin", "recruiter", "privacy_officer"}),
    "candidates:write": frozenset({"admin", "recruiter"}),
    "candidates:merge": frozenset({"admin", "recruiter"}),
    "pipeline:move": frozenset({"admin", "recruiter", "hiring_manager"}),
    "crm:write": frozenset({"admin", "recruiter", "hiring_manager"}),
    "sources:manage": frozenset({"admin", "recruiter"}),
    "screening:run": frozenset({"admin", "recruiter"}),
    "screening:read": frozenset({"admin", "recruiter", "hiring_manager"}),
    "identity:reveal": frozenset({"admin", "recruiter", "hiring_manager"}),
    "users:manage": frozenset({"admin"}),
    "audit:read": frozenset({"admin", "privacy_officer"}),
    # GDPR (searchlight.gdpr): recording and withdrawing consent is everyday recruiting work;
    # exports, erasure (four eyes: two different holders of privacy:manage), retention purges
    # and the transparency notice belong to the privacy officer (or an admin).
    "consent:write": frozenset({"admin", "recruiter", "privacy_officer"}),
    "privacy:manage": frozenset({"admin", "privacy_officer"}),
    # Bias audit (searchlight.fairness): only the auditor reads the voluntary self-identification
    # answers, and only as aggregates on /fairness. Not the admin either: an admin manages
    # accounts and could give that role (audited), but holding every other power as well is what
    # this separation keeps apart from special-category data (GDPR art. 9).
    "fairness:audit": frozenset({"auditor"}),
    "analytics:read": frozenset({"admin", "recruiter", "hiring_manager"}),
    "analytics:manage": frozenset({"admin", "recruiter"}),
    "api_tokens:manage": frozenset({"admin", "recruiter", "hiring_manager", "ld_lead", "employee"}),
    "content:read": frozenset({"admin", "recruiter", "hiring_manager"}),
    "content:read_all": frozenset({"admin", "recruiter"}),
    "content:write": frozenset({"admin", "recruiter"}),
    "content:approve": frozenset({"admin", "recruiter"}),
    "content:settings": frozenset({"admin", "recruiter"}),
    "ai:manage": frozenset({"admin"}),
    # Assessments: hiring managers only for candidates and roles of their own (see
    # assessments.service.get_submission_for_user).
    "assessments:invite": frozenset({"admin", "recruiter", "hiring_manager"}),
    "assessments:review": frozenset({"admin", "recruiter", "hiring_manager"}),
    "assessments:calibrate": frozenset({"admin", "recruiter"}),
    # Writing challenges: hiring managers only for roles they manage
    # (assessments.authoring.get_challenge_for_user).
    "assessments:author": frozenset({"admin", "recruiter", "hiring_manager"}),
    "assessments:author_all": frozenset({"admin", "recruiter"}),
    # Reskilling: programme templates are not personal; development data is (see
    # reskilling.service.get_person_for_user: self, their lead, or read_all).
    "reskilling:read": frozenset({"admin", "ld_lead", "hiring_manager", "employee"}),
    "reskilling:manage": frozenset({"admin", "ld_lead"}),
    "development:read": frozenset({"admin", "ld_lead", "hiring_manager", "employee"}),
    "development:read_all": frozenset({"admin", "ld_lead"}),
    "development:review": frozenset({"admin", "ld_lead", "hiring_manager", "employee"}),
}


def allowed(user: User, permission: str) -> bool:
    return user.is_active and user.role in PERMISSIONS[permission]


def require(user: User, permission: str, *, target: str = "") -> None:
    if not allowed(user, permission):
        raise Forbidden(
            "You do not have permission to do this.", permission=permission, target=target
        )
