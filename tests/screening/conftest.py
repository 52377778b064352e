"""Fixtures for the screening tests: fictional Dutch and English CVs."""

from __future__ import annotations

import pytest
from cvfiles import FictionalCV, make_cv


@pytest.fixture
def dutch_cv() -> FictionalCV:
    return make_cv("nl", seed=1)


@pytest.fixture
def english_cv() -> FictionalCV:
    return make_cv("en", seed=1)
