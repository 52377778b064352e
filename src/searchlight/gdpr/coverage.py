"""Which tables and columns refer to a person, and the erasure rule for each one.

Every column that refers to a person — a foreign key to `candidates` or `users`, a column named
like an e-mail address or a name, or a foreign key to a table whose rows an erasure removes —
must have a rule here. `tests/gdpr/test_coverage.py` walks `Base.metadata` and fails when one is
missing, so a table added later cannot be forgotten. Pure: reads the metadata, not the data.
"""

import re
from dataclasses import dataclass

from sqlalchemy import Column, MetaData, Table

ERASE = "erase"  # rows pointing at an erased row are removed with it
EMAIL = "email"  # rows holding the person's e-mail address are removed
STAFF = "staff"  # a user acting in their job (created by, reviewed by): not the data subject
EMPLOYEE = "employee"  # an employee's own data: removed when their account is erased
NOT_PERSONAL = "not_personal"  # named like a person field, but it is not one
SUBJECT = "subject"  # the person record itself (a user account is anonymised, not removed)
UNLINK = "unlink"  # a reference that is cleared (the row itself holds nothing about the person)
# An anonymous aggregate that must outlive the person (the bias audit's self-identification
# answers): the reference to an erased row is cleared after the owning domain froze what the
# aggregate needs (gdpr.erasure calls fairness.service.detach); the row stays without a link.
DETACH = "detach"

PERSON_TABLES = ("candidates", "users")
REMOVED = (ERASE, EMPLOYEE)  # rules whose rows go with the person
_PERSONAL_NAME = re.compile(r"^(email|to_address|full_name|name|\w+_email)$")


@dataclass(frozen=True)
class Rule:
    kind: str
    why: str = ""


_STAFF_COLUMNS = (
    "assessment_challenges.created_by_id",
    "candidates.owner_id", "candidates.identity_revealed_by_id",
    "content_organisation.updated_by_id", "crm_talent_pools.owner_id",
    "reskilling_programmes.resolved_by_id", "reskilling_teams.lead_id", "roles.hiring_manager_id",
    "applications.created_by_id", "careers_faq.updated_by_id", "content_texts.approved_by_id",
    "content_texts.created_by_id", "crm_activities.author_id", "crm_pool_members.added_by_id",
    "interview_portfolio_items.created_by_id", "interview_scorecards.interviewer_id",
    "interview_transcripts.uploaded_by_id", "reskilling_measurements.recorded_by_id",
    "reskilling_people.lead_id", "role_versions.created_by_id", "screening_batches.created_by_id",
    "application_stage_changes.actor_id", "content_versions.created_by_id",
    "interview_chats.created_by_id", "interview_evidence.reviewed_by_id",
    "reskilling_cohorts.created_by_id", "screening_results.revealed_by_id",
    "reskilling_assessments.reviewer_id", "reskilling_evidence.reviewer_id",
    "reskilling_search_scores.reviewer_id", "gdpr_consents.recorded_by_id",
    "gdpr_consents.withdrawn_by_id", "gdpr_erasures.requested_by_id",
    "gdpr_erasures.confirmed_by_id", "crm_source_costs.created_by_id",
    "decision_reviews.assigned_to_id", "decision_reviews.requested_by_id",
    "decision_reviews.reviewed_by_id", "analytics_role_occupations.set_by_id",
    "next_action_decisions.user_id", "next_action_limits.user_id",
    "assessment_decisions.reviewer_id", "assessment_invitations.created_by_id",
    "screening_rechecks.requested_by_id",
)
_ERASED_WITH_THE_CANDIDATE = (
    "applications.candidate_id", "candidate_search_terms.candidate_id", "documents.candidate_id",
    "crm_activities.candidate_id", "crm_candidate_tags.candidate_id",
    "crm_pool_members.candidate_id", "interview_portfolio_items.candidate_id",
    "interview_scorecards.candidate_id", "interview_transcripts.candidate_id",
    "interview_chats.candidate_id", "screening_results.candidate_id", "gdpr_consents.candidate_id",
    "decision_reviews.candidate_id", "assessment_invitations.candidate_id",
    "assessment_submissions.candidate_id", "assessment_proposals.submission_id",
    "assessment_submissions.invitation_id", "assessment_decisions.proposal_id",
    "survey_invitations.application_id", "fairness_self_id_invitations.application_id",
    # children of erased rows
    "application_stage_changes.application_id", "careers_applications.application_id",
    "cv_analyses.document_id", "screening_batch_files.document_id", "cv_terms.analysis_id",
    "screening_results.analysis_id", "interview_evidence.transcript_id",
    "interview_chats.transcript_id", "screening_recheck_entries.result_id",
)
_EMPLOYEE_COLUMNS = (
    "api_tokens.user_id", "user_sessions.user_id",  # the account is closed
    "reskilling_people.user_id", "reskilling_enrolments.user_id",
    "reskilling_search_scores.user_id", "interview_portfolio_items.employee_id",
    # development records hang off the enrolment
    "reskilling_assessments.enrolment_id", "reskilling_evidence.enrolment_id",
    "reskilling_search_scores.assessment_id", "reskilling_search_scores.evidence_id",
)
_NOT_PERSONAL = {
    "crm_sources.name": "the name of a channel or agency",
    "crm_tags.name": "a tag",
    "crm_talent_pools.name": "a talent pool",
    "reskilling_teams.name": "a team",
    "reskilling_cohorts.name": "a cohort",
    "api_tokens.name": "a label its owner gave a token",
    "content_organisation.name": "the organisation",
}

RULES: dict[str, Rule] = {
    "candidates.id": Rule(SUBJECT),
    "candidates.full_name": Rule(SUBJECT), "candidates.email": Rule(SUBJECT),
    "users.full_name": Rule(SUBJECT, "a user account: anonymised and closed, its number kept"),
    "users.email": Rule(SUBJECT, "a user account: anonymised and closed, its number kept"),
    "careers_alerts.email": Rule(EMAIL, "a job alert subscription"),
    "gdpr_erasures.candidate_id": Rule(UNLINK, "a waiting erasure request"),
    "gdpr_erasures.user_id": Rule(UNLINK, "a waiting erasure request"),
    "mail_outbox.to_address": Rule(EMAIL, "mail sent or queued to the person"),
    "fairness_self_ids.application_id": Rule(
        DETACH, "bias-audit answers: kept as an anonymous record with the frozen outcome"),
    **{column: Rule(ERASE) for column in _ERASED_WITH_THE_CANDIDATE},
    **{column: Rule(STAFF, "a user acting in their job") for column in _STAFF_COLUMNS},
    **{column: Rule(EMPLOYEE, "an employee's own data, removed with them")
       for column in _EMPLOYEE_COLUMNS},
    **{column: Rule(NOT_PERSONAL, why) for column, why in _NOT_PERSONAL.items()},
}


def _key(column: Column) -> str:
    return f"{column.table.name}.{column.name}"


def _targets(column: Column) -> set[str]:
    return {fk.column.table.name for fk in column.foreign_keys}


def person_columns(metadata: MetaData) -> list[str]:
    """Every column that refers to a person, directly or through an erased row."""
    found: set[str] = set()
    erased_tables = {"candidates"}
    changed = True
    while changed:
        changed = False
        for table in metadata.sorted_tables:
            for column in table.columns:
                key = _key(column)
                targets = _targets(column)
                refers = (bool(targets & set(PERSON_TABLES)) or bool(targets & erased_tables)
                          or bool(_PERSONAL_NAME.match(column.name)))
                if refers and key not in found:
                    found.add(key)
                    changed = True
                rule = RULES.get(key)
                if rule and rule.kind in REMOVED and table.name not in erased_tables:
                    erased_tables.add(table.name)
                    changed = True
    return sorted(found)


def unruled(metadata: MetaData) -> list[str]:
    return [key for key in person_columns(metadata) if key not in RULES]


def erase_children(metadata: MetaData, parent: str) -> list[tuple[Table, Column]]:
    """The (table, column) pairs whose rows go when a row of `parent` is erased (a candidate,
    an employee's account, or a row removed with one of them)."""
    pairs = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            rule = RULES.get(_key(column))
            if rule and rule.kind in REMOVED and parent in _targets(column):
                pairs.append((table, column))
    return pairs


def email_columns(metadata: MetaData) -> list[Column]:
    return [column for table in metadata.sorted_tables for column in table.columns
            if RULES.get(_key(column), Rule("")).kind == EMAIL]


def unlink_columns(metadata: MetaData) -> list[Column]:
    return [column for table in metadata.sorted_tables for column in table.columns
            if RULES.get(_key(column), Rule("")).kind == UNLINK]


def detach_columns(metadata: MetaData) -> list[Column]:
    return [column for table in metadata.sorted_tables for column in table.columns
            if RULES.get(_key(column), Rule("")).kind == DETACH]
