import json

from sqlalchemy import func, select
from typer.testing import CliRunner

from searchlight.cli import build_app
from searchlight.reskilling import demo, service
from searchlight.reskilling.models import Course, Criterion, Milestone, Phase, Programme, Team
from searchlight.roles import service as roles
from searchlight.roles.schemas import DIMENSION_KEYS


def _counts(db):  # type: ignore[no-untyped-def]
    return [db.scalar(select(func.count()).select_from(model))
            for model in (Programme, Phase, Milestone, Criterion, Team, Course)]


def test_it_loads_the_plan_once_and_keeps_the_leads_edits(plan, db):
    before = _counts(db)
    programme = service.get_programme(db_session=db, key="p4")
    programme.title_en = "Edited by L&D"
    demo.load(db_session=db)
    assert _counts(db) == before == [4, 3 + 4 + 4 + 3 + 3, 13, 6, 3, 14]
    assert service.get_programme(db_session=db, key="p4").title_en == "Edited by L&D"


def test_it_lists_the_four_programmes_as_json_as_the_seed_has_them(plan, db):
    db.commit()
    result = CliRunner().invoke(build_app(), ["programmes", "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    programmes = {p["key"]: p for p in json.loads(result.stdout)}
    assert [p["number"] for p in programmes.values()] == [1, 2, 4, 5]
    p2 = programmes["p2"]
    assert [v["key"] for v in p2["variants"]] == ["a", "b"]
    assert [ph["months"] for ph in p2["variants"][0]["phases"]] == ["1-2", "3-4", "5-6", "7-9"]
    assert [ph["months"] for ph in p2["variants"][1]["phases"]] == ["1-2", "3-5", "6-7", "8-9"]
    assert p2["variants"][1]["phases"][1]["description"]["nl"] == (
        "Procesautomatisering + rollback flows")
    assert [v["weeks"] for v in p2["variants"]] == [36, 36]
    assert [m["form"]["nl"] for m in p2["milestones"]] == [
        "Auditlog review", "Technische demo + checklist", "Gesimuleerde klantinteractie",
        "Co-creatie review"]
    p1 = programmes["p1"]
    assert p1["duration_months"] == 3
    assert [m["month"] for m in p1["milestones"]] == [1, 3, 6]
    assert [m["beyond_duration"] for m in p1["milestones"]] == [False, False, True]
    assert p1["inconsistency"]["resolved"] is False
    assert "Zes maanden" in p1["inconsistency"]["text"]["nl"]
    assert all(p["inconsistency"] is None for k, p in programmes.items() if k != "p1")
    p4 = programmes["p4"]
    assert p4["milestones"][0] == {
        "month": 1, "goal": {"nl": "AI use case canvas", "en": "AI use case canvas"},
        "form": {"nl": "Presentatie + coaching", "en": "Presentation + coaching"},
        "form_kind": "presentation", "beyond_duration": False}
    assert [ph["weeks"] for ph in programmes["p5"]["variants"][0]["phases"]] == [8, 8, 8]


def test_it_lists_programmes_as_a_table_and_refuses_other_formats(plan, db):
    db.commit()
    table = CliRunner().invoke(build_app(), ["programmes", "list"])
    assert table.exit_code == 0 and "4 programmes" in table.stdout
    assert CliRunner().invoke(build_app(), ["programmes", "list", "--format", "xml"]).exit_code == 1


def test_it_maps_the_six_criteria_onto_search_dimensions(plan, db):
    criteria = service.list_criteria(db_session=db)
    assert len(criteria) == 6
    assert criteria[4].text_nl == "In staat is teamleden op beginner-niveau te coachen."
    assert all(c.dimensions and set(c.dimensions) <= set(DIMENSION_KEYS) for c in criteria)
    assert all(c.evidence_nl and c.evidence_en for c in criteria)
    # Together they cover every dimension, so progress is measured on the whole SEARCH scale.
    assert {d for c in criteria for d in c.dimensions} == set(DIMENSION_KEYS)


def test_it_adds_the_track_roles_as_search_roles(plan, db):
    tracks = {t.key: t for t in service.list_tracks(db_session=db)}
    assert tracks["A"].role_keys == ["ai-maintenance-engineer", "ai-qa-supervisor",
                                     "migration-analyst"]
    for track in tracks.values():
        for key in track.role_keys:
            role = roles.get_by_key(db_session=db, key=key)
            profile = roles.profile_of(roles.get_current_version(db_session=db, role_id=role.id))
            assert [d.key for d in profile.dimensions] == list(DIMENSION_KEYS)
    assert len(tracks["B"].comparison) == 14
    assert tracks["B"].comparison[9]["value_nl"] == (
        "Prompt Engineer, AI Product Builder, AI Architect")


def test_it_records_the_stage_of_a_maintenance_team(plan, db, lena):
    from datetime import date

    from searchlight.errors import InvalidInput

    teams = {t.name: t for t in service.list_teams(db_session=db)}
    team = teams["Legacy Polisadministratie"]
    assert team.stage == "shadow"
    service.set_team_stage(db_session=db, actor=lena, team=team, stage="supervised",
                           since=date(2027, 3, 1))
    assert (team.stage, team.stage_since) == ("supervised", date(2027, 3, 1))
    import pytest
    with pytest.raises(InvalidInput):
        service.set_team_stage(db_session=db, actor=lena, team=team, stage="autopilot",
                               since=date(2027, 3, 1))
    with pytest.raises(InvalidInput):
        service.set_team_stage(db_session=db, actor=lena, team=teams["AI Dev Fabriek"],
                               stage="shadow", since=date(2027, 3, 1))
