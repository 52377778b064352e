"""The real provider: the official `openai` SDK against any OpenAI-compatible endpoint (OpenAI,
Azure OpenAI, Ollama, vLLM, a llama.cpp server). Retries are ours, not the SDK's, so they are
bounded, counted and recorded: 429 and 5xx answers are retried with exponential back-off
(honouring Retry-After up to a cap); a time-out, a refused connection or another 4xx is not."""

import logging
import time
from functools import lru_cache
from typing import Any

import openai

from searchlight.config import Settings
from searchlight.llm import errors
from searchlight.llm.errors import LLMUnavailable, ProviderRefused
from searchlight.llm.provider import ChatReply, ChatRequest
from searchlight.llm.results import PROVIDER_NAME, EngineInfo

MAX_RETRY_AFTER_SECONDS = 30.0
PING_TIMEOUT_SECONDS = 10.0
# (base_url, model) pairs that want `max_completion_tokens` instead of `max_tokens`.
_completion_token_models: set[tuple[str, str]] = set()
# The SDK logs whole request bodies (prompts) at DEBUG; application logs must never hold them.
logging.getLogger("openai").setLevel(logging.INFO)


def api_key(settings: Settings) -> str | None:
    """The key from SEARCHLIGHT_LLM_API_KEY, else from the file SEARCHLIGHT_LLM_API_KEY_FILE."""
    if settings.llm_api_key:
        return settings.llm_api_key
    if settings.llm_api_key_file is None:
        return None
    try:
        return settings.llm_api_key_file.read_text(encoding="utf-8").strip() or None
    except OSError:
        raise LLMUnavailable(errors.KEY_FILE_UNREADABLE,
                             outcome="key_unreadable") from None


def forget_endpoints() -> None:
    """Forget what was learnt about endpoints (tests start servers on reused ports)."""
    _completion_token_models.clear()


@lru_cache(maxsize=8)
def _client(base_url: str, key: str, timeout: float) -> openai.OpenAI:
    return openai.OpenAI(base_url=base_url, api_key=key, timeout=timeout, max_retries=0)


def _retry_after(error: openai.APIStatusError) -> float | None:
    value = error.response.headers.get("retry-after", "")
    try:
        return min(float(value), MAX_RETRY_AFTER_SECONDS)
    except ValueError:
        return None


class OpenAICompatibleProvider:
    def __init__(self, settings: Settings) -> None:
        assert settings.llm_base_url, "the offline engine runs when no endpoint is configured"
        self.settings = settings
        self._engine = EngineInfo(PROVIDER_NAME, settings.llm_model)

    @property
    def engine(self) -> EngineInfo:
        return self._engine

    def _sdk(self) -> openai.OpenAI:
        # Local servers (Ollama, llama.cpp) need no key, but the SDK insists on one.
        key = api_key(self.settings) or "no-key"
        return _client(str(self.settings.llm_base_url), key, self.settings.llm_timeout_seconds)

    def chat(self, request: ChatRequest) -> ChatReply:
        client, attempts = self._sdk(), 0
        # The SDK's TypedDicts are stricter than the plain dicts we build; the server decides.
        response_format: Any = request.response_format or openai.NOT_GIVEN
        messages: Any = request.messages()
        while True:
            attempts += 1
            try:
                completion = client.chat.completions.create(
                    model=self.settings.llm_model, messages=messages,
                    response_format=response_format, **self._token_limit(request.max_tokens),
                )
                break
            except openai.APIStatusError as error:
                if self._learn_token_parameter(error):
                    continue
                delay = self._retry_delay(error, attempts)
                if delay is None:
                    raise self._status_error(error, attempts) from None
                time.sleep(delay)
            except openai.APITimeoutError:
                raise LLMUnavailable(errors.NO_ANSWER_IN_TIME,
                                     outcome="timeout", attempts=attempts) from None
            except openai.APIConnectionError:
                raise LLMUnavailable(errors.UNREACHABLE,
                                     outcome="unreachable", attempts=attempts) from None
        choice = completion.choices[0] if completion.choices else None
        usage = completion.usage
        return ChatReply(
            text=(choice.message.content or "") if choice else "",
            prompt_tokens=usage.prompt_tokens if usage else 0,
            completion_tokens=usage.completion_tokens if usage else 0,
            finish_reason=(choice.finish_reason or "") if choice else "",
            attempts=attempts,
        )

    def _key(self) -> tuple[str, str]:
        return str(self.settings.llm_base_url), self.settings.llm_model

    def _token_limit(self, limit: int) -> dict[str, Any]:
        if self._key() in _completion_token_models:
            return {"max_completion_tokens": limit}
        return {"max_tokens": limit}

    def _learn_token_parameter(self, error: openai.APIStatusError) -> bool:
        """Newer OpenAI models refuse `max_tokens` and ask for `max_completion_tokens`; learn
        that once per endpoint and model, and ask again at once."""
        if error.status_code != 400 or self._key() in _completion_token_models:
            return False
        if "max_completion_tokens" not in str(error.message):
            return False
        _completion_token_models.add(self._key())
        return True

    def _retry_delay(self, error: openai.APIStatusError, attempts: int) -> float | None:
        """Seconds to wait before the next attempt, or None when this error is final."""
        retryable = error.status_code == 429 or error.status_code >= 500
        if not retryable or attempts > self.settings.llm_max_retries:
            return None
        backoff = self.settings.llm_retry_backoff_seconds * 2 ** (attempts - 1)
        return max(backoff, _retry_after(error) or 0.0)

    def _status_error(self, error: openai.APIStatusError, attempts: int) -> LLMUnavailable:
        status = error.status_code
        if status == 429:
            return LLMUnavailable(errors.BUSY,
                                  outcome="rate_limited", attempts=attempts, status=status)
        if status >= 500:
            return LLMUnavailable(errors.FAILING,
                                  outcome="server_error", attempts=attempts, status=status)
        if status in (401, 403):
            return ProviderRefused(errors.KEY_REFUSED,
                                   status=status, attempts=attempts)
        return ProviderRefused(errors.REQUEST_REFUSED,
                               status=status, attempts=attempts)

    def ping(self) -> None:
        """A quick GET /models: a status page should not wait a full generation time-out."""
        timeout = min(self.settings.llm_timeout_seconds, PING_TIMEOUT_SECONDS)
        try:
            self._sdk().with_options(timeout=timeout).models.list()
        except openai.APITimeoutError:
            raise LLMUnavailable(errors.NO_ANSWER_IN_TIME,
                                 outcome="timeout") from None
        except openai.APIConnectionError:
            raise LLMUnavailable(errors.UNREACHABLE,
                                 outcome="unreachable") from None
        except openai.APIStatusError as error:
            raise self._status_error(error, 1) from None
