"""A local fake OpenAI-compatible HTTP server, for the tests of every domain that uses the AI layer.

It speaks just enough of the protocol for the official `openai` SDK: POST /v1/chat/completions
and GET /v1/models. It records every request body, and answers from a script.

The `fake_llm` fixture (registered for the whole suite in tests/conftest.py) starts one server per
test on a free port, points SEARCHLIGHT_LLM_BASE_URL at it (model "fake-model", key "test-key",
fast retries, a 5 s time-out) and puts the settings back afterwards:

    def test_it_drafts_a_vacancy_text(db, fake_llm):
        fake_llm.reply("# ML Engineer\\n\\nJoin us.")      # the next answer
        result = content_service.generate_vacancy(db_session=db, ...)
        assert result.engine.name == "openai-compatible"
        system, user = fake_llm.messages()                  # what the last request sent
        assert "<<<DATA role" in user

Scripting (each call queues one answer; queued answers are used in order):
    reply(text, prompt_tokens=None, completion_tokens=None, usage=True)
                                                            a chat completion with `text`
                                                            (usage=False: no token counts)
    reply_json(value)                                       the same with json.dumps(value)
    fail(status, times=1, retry_after=None)                 error answers (429, 500, 503, 400, ...)
    stall(seconds)                                          the next request waits before answering
    respond_with(function)  answers when the queue is empty: function(request_body) -> str
    json_schema_supported = False   answer 400 to response_format {"type": "json_schema"}
                                    (without using up the queue), like servers without it
    max_tokens_supported = False    answer 400 to `max_tokens`, asking for `max_completion_tokens`
                                    (as OpenAI's newer models do)
Inspecting: `requests` (request bodies as dicts, in order), `paths`, `headers` (per request,
lower-case names), `chat_requests` (only the chat completions), `messages(index=-1)` ->
(system text, user text) of a request.
Without script or responder, the answer is DEFAULT_ANSWER.
"""

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

DEFAULT_ANSWER = "# Fake answer\n\nThis text came from the fake model."
FAKE_MODEL = "fake-model"


@dataclass
class _Answer:
    status: int = 200
    text: str = ""
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    delay: float = 0.0
    retry_after: float | None = None
    usage: bool = True


class FakeLLMServer:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.paths: list[str] = []
        self.headers: list[dict[str, str]] = []
        self.json_schema_supported = True
        self.max_tokens_supported = True
        self._queue: deque[_Answer] = deque()
        self._responder: Callable[[dict[str, Any]], str] | None = None
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,),
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> "FakeLLMServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._released.set()  # let stalled handlers finish at once
        self._httpd.shutdown()
        self._httpd.server_close()

    # -- scripting -------------------------------------------------------------------------
    def reply(self, text: str, *, prompt_tokens: int | None = None,
              completion_tokens: int | None = None, usage: bool = True) -> None:
        self._queue.append(_Answer(text=text, prompt_tokens=prompt_tokens,
                                   completion_tokens=completion_tokens, usage=usage))

    def reply_json(self, value: Any, **tokens: int) -> None:
        self.reply(json.dumps(value), **tokens)

    def fail(self, status: int, *, times: int = 1, retry_after: float | None = None) -> None:
        for _ in range(times):
            self._queue.append(_Answer(status=status, retry_after=retry_after))

    def stall(self, seconds: float, text: str = DEFAULT_ANSWER) -> None:
        self._queue.append(_Answer(text=text, delay=seconds))

    def respond_with(self, function: Callable[[dict[str, Any]], str]) -> None:
        self._responder = function

    # -- inspecting ------------------------------------------------------------------------
    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        return [r for r, p in zip(self.requests, self.paths, strict=True)
                if p.endswith("/chat/completions")]

    def messages(self, index: int = -1) -> tuple[str, str]:
        """(system, user) text of a chat request (the last one by default)."""
        turns = self.chat_requests[index]["messages"]
        return (next(m["content"] for m in turns if m["role"] == "system"),
                next(m["content"] for m in turns if m["role"] == "user"))

    # -- answering (called from the handler threads) ---------------------------------------
    def _next(self, body: dict[str, Any]) -> _Answer:
        wants_schema = (body.get("response_format") or {}).get("type") == "json_schema"
        if wants_schema and not self.json_schema_supported:
            return _Answer(status=400, text="response_format json_schema is not supported")
        if "max_tokens" in body and not self.max_tokens_supported:
            return _Answer(status=400, text="Unsupported parameter: 'max_tokens' is not "
                           "supported with this model. Use 'max_completion_tokens' instead.")
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        return _Answer(text=self._responder(body) if self._responder else DEFAULT_ANSWER)

    def _wait(self, seconds: float) -> None:
        self._released.wait(seconds)


def _completion(body: dict[str, Any], answer: _Answer) -> dict[str, Any]:
    sent = sum(len(str(m.get("content", ""))) for m in body.get("messages", []))
    prompt = answer.prompt_tokens if answer.prompt_tokens is not None else sent // 4 + 1
    completion = (answer.completion_tokens if answer.completion_tokens is not None
                  else len(answer.text) // 4 + 1)
    completion_body: dict[str, Any] = {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
        "model": body.get("model", FAKE_MODEL),
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": answer.text}}],
    }
    if answer.usage:
        completion_body["usage"] = {"prompt_tokens": prompt, "completion_tokens": completion,
                                    "total_tokens": prompt + completion}
    return completion_body


def _handler_for(server: FakeLLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out at once, no 40 ms ACK wait

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet
            return

        def _send(self, status: int, payload: dict[str, Any],
                  headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a time-out test)

        def do_GET(self) -> None:  # noqa: N802
            server.paths.append(self.path)
            server.headers.append({k.lower(): v for k, v in self.headers.items()})
            server.requests.append({})
            if self.path.rstrip("/").endswith("/models"):
                self._send(200, {"object": "list", "data": [
                    {"id": FAKE_MODEL, "object": "model", "created": 0, "owned_by": "tests"}]})
            else:
                self._send(404, {"error": {"message": "not found", "type": "not_found"}})

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            server.paths.append(self.path)
            server.headers.append({k.lower(): v for k, v in self.headers.items()})
            server.requests.append(body)
            if not self.path.endswith("/chat/completions"):
                self._send(404, {"error": {"message": "not found", "type": "not_found"}})
                return
            answer = server._next(body)
            if answer.delay:
                server._wait(answer.delay)
            if answer.status != 200:
                headers = {"Retry-After": str(answer.retry_after)} if answer.retry_after else {}
                self._send(answer.status, {"error": {
                    "message": answer.text or f"fake error {answer.status}",
                    "type": "fake_error", "code": answer.status}}, headers)
                return
            self._send(200, _completion(body, answer))

    return Handler


@pytest.fixture
def fake_llm(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLLMServer]:
    """A started FakeLLMServer that the settings point at (see the module docstring)."""
    from searchlight.config import get_settings
    from searchlight.llm import structured

    server = FakeLLMServer().start()
    monkeypatch.setenv("SEARCHLIGHT_LLM_BASE_URL", server.url)
    monkeypatch.setenv("SEARCHLIGHT_LLM_MODEL", FAKE_MODEL)
    monkeypatch.setenv("SEARCHLIGHT_LLM_API_KEY", "test-key")
    monkeypatch.setenv("SEARCHLIGHT_LLM_RETRY_BACKOFF_SECONDS", "0.01")
    monkeypatch.setenv("SEARCHLIGHT_LLM_TIMEOUT_SECONDS", "5")
    get_settings.cache_clear()
    structured.forget_endpoints()
    try:
        yield server
    finally:
        server.stop()
        get_settings.cache_clear()
        structured.forget_endpoints()
