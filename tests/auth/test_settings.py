import pytest
from pydantic import ValidationError

from searchlight.config import Settings


def test_it_refuses_production_with_the_default_secret():
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(env="production", demo_accounts=False)


def test_it_refuses_production_with_demo_accounts():
    with pytest.raises(ValidationError, match="DEMO_ACCOUNTS"):
        Settings(env="production", secret_key="x" * 40, demo_accounts=True)


def test_it_accepts_a_safe_production_configuration():
    settings = Settings(env="production", secret_key="x" * 40, demo_accounts=False)
    assert settings.env == "production"
