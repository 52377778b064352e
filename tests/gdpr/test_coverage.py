"""Every column that refers to a person has an erasure rule, so a new table cannot be forgotten:
a foreign key to candidates or users, a name or e-mail column, or a foreign key to a table whose
rows an erasure removes."""

from searchlight.gdpr.coverage import RULES, SUBJECT, erase_children, person_columns, unruled
from searchlight.models_registry import load_all_models


def test_it_has_an_erasure_rule_for_every_column_that_refers_to_a_person() -> None:
    missing = unruled(load_all_models().metadata)
    assert not missing, (
        "These columns refer to a person but have no erasure rule in "
        f"searchlight/gdpr/coverage.py: {missing}")


def test_it_names_no_rule_for_a_column_that_does_not_exist() -> None:
    metadata = load_all_models().metadata
    real = {f"{t.name}.{c.name}" for t in metadata.sorted_tables for c in t.columns}
    assert not set(RULES) - real


def test_it_finds_children_of_erased_rows_and_name_columns() -> None:
    columns = person_columns(load_all_models().metadata)
    assert "cv_terms.analysis_id" in columns  # through documents -> cv_analyses
    assert "careers_alerts.email" in columns and "mail_outbox.to_address" in columns
    assert "audit_entries.actor_id" not in columns  # no foreign key: a pseudonymous number


def test_it_removes_an_employees_own_data_with_them_but_not_what_they_did_at_work() -> None:
    metadata = load_all_models().metadata
    pairs = {f"{t.name}.{c.name}" for t, c in erase_children(metadata, "users")}
    assert {"reskilling_people.user_id", "reskilling_enrolments.user_id",
            "reskilling_search_scores.user_id", "interview_portfolio_items.employee_id",
            "user_sessions.user_id", "api_tokens.user_id"} <= pairs
    assert not pairs & {"reskilling_evidence.reviewer_id", "reskilling_cohorts.created_by_id",
                        "application_stage_changes.actor_id", "gdpr_erasures.requested_by_id"}
    under_enrolment = {f"{t.name}.{c.name}"
                       for t, c in erase_children(metadata, "reskilling_enrolments")}
    assert {"reskilling_evidence.enrolment_id", "reskilling_assessments.enrolment_id"} \
        <= under_enrolment
    assert RULES["users.email"].kind == SUBJECT  # the account is anonymised, not removed
    assert "users" not in {t.name for t, _c in erase_children(metadata, "candidates")}
