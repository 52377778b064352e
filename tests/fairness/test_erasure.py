"""Erasure keeps the bias audit right without personal data: a person's self-identification
row loses its link to them (their outcome frozen into it), their invitation goes with them, and
the auditor's figures do not change."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.candidates import pipeline
from searchlight.config import get_settings
from searchlight.fairness.models import SelfId, SelfIdInvitation
from searchlight.fairness.report import Measure, role_audit
from searchlight.gdpr import export
from searchlight.gdpr.coverage import DETACH, RULES
from searchlight.gdpr.erasure import erase_candidates
from tests.candidates.factories import make_role
from tests.fairness.factories import answered, scored


def _figures(db: Session, role, key: str):  # type: ignore[no-untyped-def]
    kind, name = key.split(":")
    result = role_audit(db_session=db, role=role, measure=Measure(key, kind, name))
    assert result.report is not None
    return [(c.category, c.unknown, [(g.group, g.n, g.favourable, g.impact_ratio)
                                     for g in c.groups]) for c in result.report.categories]


def test_it_detaches_the_answers_of_an_erased_person_and_keeps_the_figures(db: Session,
                                                                            alice) -> None:
    role = make_role(db, "ml-engineer")
    erased, row = answered(db, role, "Erik Weg", "applied", gender="man", migration="none")
    pipeline.move_stage(db_session=db, actor=alice, application=erased, to_stage="interview")
    pipeline.move_stage(db_session=db, actor=alice, application=erased, to_stage="rejected",
                        reason="Not enough MLOps experience.")
    scored(db, erased, skills=81.0, experience=40.0)
    for index in range(3):
        kept, _ = answered(db, role, f"Blijft {index}", "screened", gender="woman")
        scored(db, kept, skills=50.0 + index, experience=60.0)
    measures = ("stage:screened", "stage:interview", "stage:hired", "score:skills")
    before = {key: _figures(db, role, key) for key in measures}
    access = export.build(db_session=db, candidates=[erased.candidate])
    assert [r["answers"] for r in access["tables"]["fairness_self_ids"]] == [row.answers]
    erased_id, candidate_id = erased.id, erased.candidate_id

    erase_candidates(db_session=db, candidate_ids=[candidate_id],
                     settings=get_settings())
    db.expire_all()

    row = db.get_one(SelfId, row.id)
    assert row.application_id is None  # no link to anybody
    assert set(row.stages_reached or []) == {"applied", "interview", "rejected"}
    assert (row.scores or {})["skills"] == 81.0
    assert row.answers == {"gender": "man", "age_band": None, "migration": "none"}
    assert db.scalars(select(SelfIdInvitation).where(
        SelfIdInvitation.application_id == erased_id)).first() is None
    assert {key: _figures(db, role, key) for key in measures} == before
    assert len(db.scalars(select(SelfId)).all()) == 4


def test_it_has_a_detach_rule_for_the_answers_and_removes_the_invitations() -> None:
    assert RULES["fairness_self_ids.application_id"].kind == DETACH
    assert RULES["fairness_self_id_invitations.application_id"].kind == "erase"
