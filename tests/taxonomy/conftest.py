from pathlib import Path

import pytest

# The shared evaluation data lives next to the repository and is never copied into it.
ESCO_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "esco"


@pytest.fixture
def esco_dir() -> Path:
    if not (ESCO_DIR / "v1.2_en").is_dir():
        pytest.skip(f"ESCO data not found at {ESCO_DIR}")
    return ESCO_DIR
