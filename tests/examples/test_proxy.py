"""The proxy recipe (docs/examples/proxy.py), tested as its users meet it: the official SDK
clients talk to the app in-process, and a mock transport plays the upstream — recorded streams
from ``../shared/samples`` (skipped when that folder is absent), golden-corpus payloads, or small
payloads written here. Every request the upstream receives is checked against the SDK types of
its own format."""

from __future__ import annotations

import asyncio
import importlib
import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the proxy recipe needs the `examples` extra")
pytest.importorskip("uvicorn", reason="the proxy recipe needs the `examples` extra")

import anthropic
import anthropic.types.message_count_tokens_params as anthropic_count
import httpx2
import openai
import openai.types.chat
import openai.types.responses

from docs.examples import proxy
from openai_claude_bridge._tool_names import MAX_NAME_LENGTH
from tests.golden.cases import CORPUS
from tests.support.oracle import assert_sdk_strict
from tests.support.sdk_types import ANTHROPIC_REQUEST

from .streaming_asgi import StreamingASGITransport

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
CHAT_SAMPLES = sorted((SAMPLES / "openai_chat").glob("*.bin"))
ANTHROPIC_SAMPLES = SAMPLES / "anthropic"

needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason="../shared/samples (recorded streams) is absent"
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


pytestmark = pytest.mark.anyio


# ------------------------------------------------------------------------------- the upstream


class UpstreamBody(httpx2.AsyncByteStream):
    """An upstream response body sent in small chunks; then, as a test asks, a transport error
    (a broken connection) or a wait that never ends (a model still thinking). Its close is
    recorded."""

    def __init__(
        self,
        body: bytes,
        *,
        chunk: int = 41,
        error: Exception | None = None,
        hold: bool = False,
    ) -> None:
        self.chunks = [body[i : i + chunk] for i in range(0, len(body), chunk)]
        self.error = error
        self.hold = hold
        self.sent = 0
        self.closed = asyncio.Event()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self.chunks:
            self.sent += 1
            yield part
        if self.hold:
            await asyncio.Event().wait()
        if self.error is not None:
            raise self.error

    async def aclose(self) -> None:
        self.closed.set()


Answer = Callable[[dict[str, Any]], httpx2.Response]


@dataclass
class Upstream:
    """The upstream server: answers each request with ``answer(body)`` and keeps what it got."""

    answer: Answer
    received: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    async def handle(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(await request.aread())
        self.received.append((request.url.path, body))
        return self.answer(body)

    @property
    def body(self) -> dict[str, Any]:
        """The one request the upstream received."""
        assert len(self.received) == 1, self.received
        return self.received[0][1]


def sse(body: bytes | str, **kw: Any) -> Answer:
    data = body.encode() if isinstance(body, str) else body
    return lambda _: httpx2.Response(
        200, headers={"content-type": "text/event-stream"}, stream=UpstreamBody(data, **kw)
    )


def json_answer(payload: Any, status: int = 200) -> Answer:
    return lambda _: httpx2.Response(status, json=payload)


def chat_sse(*chunks: dict[str, Any], done: bool = True) -> str:
    frames = [f"data: {json.dumps(chunk)}\n\n" for chunk in chunks]
    return "".join(frames) + ("data: [DONE]\n\n" if done else "")


def anthropic_sse(*events: dict[str, Any]) -> str:
    return "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)


def corpus(case: str, name: str) -> Any:
    return json.loads((CORPUS / case / f"{name}.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------- the clients

CONFIG = proxy.ProxyConfig(
    chat_url="http://chat.test/v1",
    chat_api_key="sk-chat",
    chat_dialect="reasoning_content",
    chat_model="deepseek-reasoner",
    anthropic_url="http://anthropic.test/v1",
    anthropic_api_key="sk-ant",
    anthropic_model="claude-sonnet-4-5",
)


@dataclass
class Proxy:
    upstream: Upstream
    claude: anthropic.AsyncAnthropic
    codex: openai.AsyncOpenAI


@contextmanager
def running(
    answer: Answer, config: proxy.ProxyConfig = CONFIG, *, transport: Any = None
) -> Iterator[Proxy]:
    """The proxy in front of a mock upstream, and an anthropic and an OpenAI client of it."""
    upstream = Upstream(answer)
    upstream_client = httpx2.AsyncClient(transport=httpx2.MockTransport(upstream.handle))
    app = proxy.create_app(config, http_client=upstream_client)
    to_app = transport or httpx2.ASGITransport(app=app)
    if transport is not None:
        transport.app = app
    claude = anthropic.AsyncAnthropic(
        api_key="client-key",
        base_url="http://proxy.test",
        http_client=httpx2.AsyncClient(transport=to_app),
        max_retries=0,
    )
    codex = openai.AsyncOpenAI(
        api_key="client-key",
        base_url="http://proxy.test/v1",
        http_client=httpx2.AsyncClient(transport=to_app),
        max_retries=0,
    )
    yield Proxy(upstream, claude, codex)


def assert_chat_request(body: dict[str, Any]) -> None:
    """A valid chat request, allowing exactly the ``reasoning_content`` dialect field of the
    assistant messages (the configured dialect)."""
    plain = dict(body)
    plain["messages"] = [
        {k: v for k, v in m.items() if not (m["role"] == "assistant" and k == "reasoning_content")}
        for m in body["messages"]
    ]
    assert_sdk_strict(plain, openai.types.chat.CompletionCreateParams)


def assert_anthropic_request(body: dict[str, Any]) -> None:
    assert_sdk_strict(body, *ANTHROPIC_REQUEST)


CLAUDE_REQUEST: dict[str, Any] = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 1024,
    "messages": [{"role": "user", "content": "What's the weather in Paris?"}],
    "tools": [
        {
            "name": "get_weather",
            "description": "Current weather",
            "input_schema": {"type": "object", "properties": {"location": {"type": "string"}}},
        }
    ],
}

CODEX_REQUEST: dict[str, Any] = {
    "model": "gpt-5-codex",
    "instructions": "You are a coding agent.",
    "input": [{"type": "message", "role": "user", "content": "What's the weather in Paris?"}],
    "tools": [
        {
            "type": "function",
            "name": "get_weather",
            "description": "Current weather",
            "parameters": {"type": "object", "properties": {"location": {"type": "string"}}},
            "strict": False,
        }
    ],
}


# ------------------------------------------------------------------------------- the module


def test_the_recipe_imports_and_builds_with_its_defaults() -> None:
    module = importlib.import_module("docs.examples.proxy")
    app = module.create_app()
    paths = {route.path for route in app.routes}
    assert paths == {
        "/v1/messages",
        "/v1/messages/count_tokens",
        "/v1/responses",
        "/v1/responses/input_tokens",
    }


def test_uvicorn_loads_the_factory_named_in_the_docstring(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    monkeypatch.setenv("PROXY_CHAT_DIALECT", "openrouter")
    assert "uvicorn --factory docs.examples.proxy:app_from_env" in (proxy.__doc__ or "")
    config = uvicorn.Config("docs.examples.proxy:app_from_env", factory=True)
    config.load()
    assert config.loaded


def test_config_from_env_reads_only_the_variables_set() -> None:
    config = proxy.ProxyConfig.from_env(
        {
            "PROXY_CHAT_URL": "https://api.deepseek.com/v1",
            "PROXY_CHAT_DIALECT": "reasoning_content",
            "PROXY_TIMEOUT": "30",
            "UNRELATED": "x",
        }
    )
    assert config == proxy.ProxyConfig(
        chat_url="https://api.deepseek.com/v1", chat_dialect="reasoning_content", timeout=30.0
    )
