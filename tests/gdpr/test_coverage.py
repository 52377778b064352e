"""Every column that refers to a person has an erasure rule, so a new table cannot be forgotten:
a foreign key to candidates or users, a name or e-mail column, or a foreign key to a table whose
rows an erasure removes."""

from searchlight.gdpr.coverage import RULES, person_columns, unruled
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
