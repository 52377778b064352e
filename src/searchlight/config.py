"""Settings read from the environment; see the configuration table in the README."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SECRET = "change-me-in-production"  # noqa: S105  # nosec B105


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SEARCHLIGHT_", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    database_url: str = Field(
        default="sqlite:///var/searchlight.sqlite3",
        validation_alias=AliasChoices("DATABASE_URL", "SEARCHLIGHT_DATABASE_URL"),
    )
    secret_key: str = DEFAULT_SECRET
    data_dir: Path = Path("var")
    cache_dir: Path = Path.home() / ".cache" / "searchlight"
    default_locale: Literal["nl", "en"] = "nl"
    session_idle_minutes: int = 60
    session_absolute_hours: int = 12
    secure_cookies: bool = False
    max_upload_bytes: int = 10 * 1024 * 1024
    max_batch_upload_bytes: int = 200 * 1024 * 1024
    demo_accounts: bool = True
    screening_workers: int = 0
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key_file: Path | None = None
    llm_timeout_seconds: float = Field(default=60.0, gt=0)
    llm_max_retries: int = Field(default=2, ge=0, le=10)
    llm_retry_backoff_seconds: float = Field(default=1.0, ge=0)
    llm_max_tokens: int = Field(default=2000, ge=1)
    llm_daily_token_budget: int = Field(default=500_000, ge=0)
    # Retention (searchlight.gdpr): the Dutch norm is four weeks after the procedure closes,
    # a year with the applicant's consent.
    retention_rejected_days: int = Field(default=28, ge=0)
    retention_with_consent_days: int = Field(default=365, ge=0)
    # Where people reach this installation; links in mail sent by background jobs use it.
    public_url: str = "http://127.0.0.1:8000"
    # The survey goes out by itself this many days after a procedure ends (0: only by hand).
    survey_after_days: int = Field(default=2, ge=0)
    rate_limit_login: int = Field(default=10, ge=1)
    rate_limit_uploads: int = Field(default=60, ge=1)
    rate_limit_ai: int = Field(default=60, ge=1)
    rate_limit_exports: int = Field(default=60, ge=1)

    @model_validator(mode="after")
    def refuse_unsafe_production(self) -> "Settings":
        if self.env == "production":
            if self.secret_key == DEFAULT_SECRET or len(self.secret_key) < 32:
                raise ValueError("SEARCHLIGHT_SECRET_KEY must be set to 32+ random characters")
            if self.demo_accounts:
                raise ValueError("SEARCHLIGHT_DEMO_ACCOUNTS must be false in production")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
