"""The product's skill label space, as the matching engine sees it.

The taxonomy domain owns the labels (built-in bilingual skills plus imported ESCO); this hook is
the one place the engine asks for them, so the engine itself stays free of database code.
"""


class LabelSpaceUnavailable(RuntimeError):
    """There is no skill taxonomy to match against; the caller should name a label file."""


def default_skill_labels() -> list[str]:
    """Every skill name in the taxonomy (both languages), or `LabelSpaceUnavailable`."""
    try:
        from searchlight.taxonomy.service import all_skill_labels
    except ImportError as error:
        raise LabelSpaceUnavailable(
            "the skill taxonomy is not available in this installation; pass --labels FILE"
        ) from error
    from sqlalchemy.exc import SQLAlchemyError

    from searchlight.db import transaction

    try:
        with transaction() as db_session:
            labels = all_skill_labels(db_session=db_session)
    except SQLAlchemyError as error:
        raise LabelSpaceUnavailable(
            "could not read the skill taxonomy (run `searchlight migrate`?); "
            "or pass --labels FILE"
        ) from error
    if not labels:
        raise LabelSpaceUnavailable("the skill taxonomy is empty; pass --labels FILE")
    return labels
