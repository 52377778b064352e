from pathlib import Path

import pytest

from searchlight.assessments.grading import OfflineEngine
from searchlight.assessments.schemas import Challenge
from searchlight.assessments.yaml_io import parse_challenge

ISSUE_SHAPE = (Path(__file__).parent / "data" / "cs-1.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def offline() -> OfflineEngine:
    return OfflineEngine()


@pytest.fixture
def challenge() -> Challenge:
    return parse_challenge(ISSUE_SHAPE, source="cs-1.yaml")
