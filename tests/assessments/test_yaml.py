from pathlib import Path

import pytest

from searchlight.assessments.demo import library
from searchlight.assessments.yaml_io import ChallengeYamlError, parse_challenge, parse_challenges
from tests.assessments.conftest import ISSUE_SHAPE

DOC = Path(__file__).resolve().parents[2] / "docs" / "assessments-yaml.md"


def test_it_accepts_the_shape_of_the_issue(challenge):
    item = challenge.questions[0].items[0]
    assert (challenge.key, challenge.language, challenge.hand_in) == ("cs-1", "en", ["text"])
    assert (item.lowest, item.highest, item.dimension) == (0, 5, "cognitive")
    assert item.levels[0].examples == ["It is the final program that is shipped to customers."]
    assert item.levels[1].examples == []


def test_it_reports_a_syntax_error_as_file_and_line():
    with pytest.raises(ChallengeYamlError) as raised:
        parse_challenge("key: x\ntitle: [unclosed\nlanguage: en\n", source="bad.yaml")
    assert raised.value.message.startswith("bad.yaml:3: ")


def test_it_reports_a_schema_error_at_the_line_of_the_field():
    text = ISSUE_SHAPE.replace("dimension: cognitive", "dimension: wisdom")
    with pytest.raises(ChallengeYamlError) as raised:
        parse_challenge(text, source="cs.yaml")
    line = text.splitlines().index("        dimension: wisdom") + 1
    assert raised.value.message.startswith(f"cs.yaml:{line}: questions[0].items[0].dimension:")


def test_it_reports_every_problem_and_unknown_fields():
    text = ISSUE_SHAPE.replace("language: en", "language: fr\ntypo_field: 1")
    with pytest.raises(ChallengeYamlError) as raised:
        parse_challenge(text, source="cs.yaml")
    problems = raised.value.detail["problems"]
    assert any(p.startswith("cs.yaml:3: language:") for p in problems), problems
    assert any(p.startswith("cs.yaml:4: typo_field: Extra inputs") for p in problems), problems


def test_it_refuses_duplicate_levels_and_a_single_level():
    doubled = ISSUE_SHAPE.replace("{level: 5,", "{level: 0,")
    with pytest.raises(ChallengeYamlError, match="each level may be listed only once"):
        parse_challenge(doubled)
    top = '          - {level: 5, description: "Complete and correct."}\n'
    single = ISSUE_SHAPE.replace(top, "")
    with pytest.raises(ChallengeYamlError, match="at least 2 items"):
        parse_challenge(single)


def test_it_ships_three_challenges_per_seed_role_in_both_languages():
    from searchlight.roles.demo import seed_documents

    challenges = library()
    for role in seed_documents():
        for language in ("nl", "en"):
            mine = [c for c in challenges if role.key in c.role_keys and c.language == language]
            assert len(mine) >= 3, (role.key, language)
    assert len({c.key for c in challenges}) == len(challenges)


def test_it_documents_every_field_of_the_format():
    text = DOC.read_text(encoding="utf-8")
    for field in ("key", "title", "language", "role_keys", "instructions", "time_limit_minutes",
                  "hand_in", "questions", "items", "dimension", "weight", "reference_answers",
                  "levels", "description", "examples"):
        assert f"`{field}`" in text, field
    assert parse_challenges(ISSUE_SHAPE)


def test_it_loads_the_library_as_demo_data_once(db):
    from sqlalchemy import func, select

    from searchlight.assessments import demo
    from searchlight.assessments.models import AssessmentChallenge

    demo.load(db_session=db)
    demo.load(db_session=db)
    assert db.scalar(select(func.count()).select_from(AssessmentChallenge)) == len(library())
    row = db.scalar(select(AssessmentChallenge).where(AssessmentChallenge.key == "pe-prompt-ab-nl"))
    assert row is not None and row.role_keys == ["prompt-engineer"] and row.version == 1
