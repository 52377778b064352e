import pytest
from sqlalchemy.orm import Session

from searchlight.roles import demo
from searchlight.roles.models import Role
from searchlight.roles.service import get_by_key


@pytest.fixture
def seeded(db: Session) -> Session:
    """The six handbook roles (and, through their skill links, the built-in taxonomy)."""
    demo.load(db_session=db)
    db.flush()
    return db


@pytest.fixture
def prompt_engineer(seeded: Session) -> Role:
    return get_by_key(db_session=seeded, key="prompt-engineer")


def form_fields(profile: dict, **overrides: str) -> dict[str, str]:  # type: ignore[type-arg]
    """A stored profile as the edit form posts it."""
    fields = {k: profile[k] for k in ("key", "title_nl", "title_en", "jtbd_nl", "jtbd_en")}
    for dimension in profile["dimensions"]:
        key = dimension["key"]
        fields[f"{key}.weight"] = str(dimension["weight"])
        fields[f"{key}.interviewer_notes_nl"] = dimension.get("interviewer_notes_nl", "")
        fields[f"{key}.interviewer_notes_en"] = dimension.get("interviewer_notes_en", "")
        for index, item in enumerate(dimension["items"]):
            prefix = f"{key}.items.{index}"
            fields[f"{prefix}.text_nl"] = item["text_nl"]
            fields[f"{prefix}.text_en"] = item["text_en"]
            fields[f"{prefix}.skills"] = ", ".join(item.get("skills", []))
            if item.get("must_have"):
                fields[f"{prefix}.must_have"] = "on"
            if item.get("min_years") is not None:
                fields[f"{prefix}.min_years"] = str(item["min_years"])
    fields["action"] = "save"
    return {**fields, **overrides}
