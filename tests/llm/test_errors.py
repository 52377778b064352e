"""A feature that lets an AI error through still answers with one clear line (503), not a trace."""

from fastapi.testclient import TestClient

from searchlight.llm import AIError, AIStopped, BudgetExhausted, LLMUnavailable


def _raise(error: AIError):  # type: ignore[no-untyped-def]
    def route() -> None:
        raise error
    return route


def test_it_answers_503_with_the_message_as_json(app):
    app.add_api_route("/api/test/ai", _raise(AIStopped("AI is switched off.")))
    response = TestClient(app).get("/api/test/ai")
    assert response.status_code == 503
    assert response.json()["error"] == "ai_stopped"
    assert response.json()["message"] == "AI is switched off."


def test_it_answers_503_with_a_page(app):
    app.add_api_route("/test/ai", _raise(BudgetExhausted(
        "Today's AI token budget is used up; try again tomorrow or ask an administrator to "
        "raise it.")))
    response = TestClient(app, headers={"Accept-Language": "nl"}).get("/test/ai")
    assert response.status_code == 503
    assert "Het AI-tokenbudget van vandaag is op" in response.text


def test_it_keeps_the_error_family_callers_rely_on():
    assert issubclass(BudgetExhausted, LLMUnavailable) and issubclass(LLMUnavailable, AIError)
    assert issubclass(AIStopped, AIError) and issubclass(AIError, Exception)
    assert str(LLMUnavailable("The AI endpoint cannot be reached.")) == \
        "The AI endpoint cannot be reached."


def test_it_has_a_dutch_translation_for_every_ai_error_message():
    from searchlight.i18n import catalogue
    from searchlight.llm.errors import MESSAGES
    from searchlight.llm.structured import NO_ENGINE, TWICE_INVALID

    missing = [m for m in (*MESSAGES, NO_ENGINE, TWICE_INVALID) if m not in catalogue("nl")]
    assert not missing


def test_it_refuses_nonsense_ai_settings(monkeypatch):
    import pytest
    from pydantic import ValidationError

    from searchlight.config import Settings

    for name, value in [("SEARCHLIGHT_LLM_TIMEOUT_SECONDS", "0"),
                        ("SEARCHLIGHT_LLM_MAX_RETRIES", "-1"),
                        ("SEARCHLIGHT_LLM_DAILY_TOKEN_BUDGET", "-5")]:
        monkeypatch.setenv(name, value)
        with pytest.raises(ValidationError, match=name.removeprefix("SEARCHLIGHT_").lower()):
            Settings()
        monkeypatch.delenv(name)
