"""The proxy recipe (docs/examples/proxy.py), tested as its users meet it: the official SDK
clients talk to the app in-process, and a mock transport plays the upstream — recorded streams
from ``../shared/samples`` (skipped when that folder is absent), golden-corpus payloads, or small
payloads written here. Every request the upstream receives is checked against the SDK types of
its own format."""

from __future__ import annotations

import asyncio
import importlib
import json
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

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
    (a broken connection) or a pause (a model still thinking) until ``release`` is set, then
    ``more`` and a pause that never ends. Its close is recorded."""

    def __init__(
        self,
        body: bytes,
        *,
        chunk: int = 41,
        error: Exception | None = None,
        hold: bool = False,
        more: bytes = b"",
    ) -> None:
        self.chunks = [body[i : i + chunk] for i in range(0, len(body), chunk)]
        self.error = error
        self.hold = hold
        self.more = more
        self.release = asyncio.Event()
        self.sent = 0
        self.closed = asyncio.Event()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self.chunks:
            self.sent += 1
            yield part
        if self.hold:
            await self.release.wait()
            yield self.more
            await asyncio.Event().wait()
        if self.error is not None:
            raise self.error

    async def aclose(self) -> None:
        # recorded when the proxy closes it; then closing a connection takes a turn of the event
        # loop (on Python 3.10 the cancellation of the client's task may land in that turn)
        self.closed.set()
        await asyncio.sleep(0)


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
    return streaming(UpstreamBody(data, **kw))


def streaming(upstream: UpstreamBody) -> Answer:
    return lambda _: httpx2.Response(
        200, headers={"content-type": "text/event-stream"}, stream=upstream
    )


def json_answer(payload: Any, status: int = 200) -> Answer:
    return lambda _: httpx2.Response(status, json=payload)


def chat_sse(*chunks: dict[str, Any], done: bool = True) -> str:
    frames = [f"data: {json.dumps(chunk)}\n\n" for chunk in chunks]
    return "".join(frames) + ("data: [DONE]\n\n" if done else "")


def anthropic_sse(*events: dict[str, Any]) -> str:
    return "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events)


def corpus(case: str, name: str) -> Any:
    """A golden-corpus payload; an anthropic request asks for a model the SDK does not warn
    about (the corpus's is deprecated)."""
    payload = json.loads((CORPUS / case / f"{name}.json").read_text(encoding="utf-8"))
    if name == "request.anthropic":
        payload["model"] = "claude-sonnet-4-6"
    return payload


# ------------------------------------------------------------------------------- the clients

CONFIG = proxy.ProxyConfig(
    chat_url="http://chat.test/v1",
    chat_api_key="sk-chat",
    chat_dialect="reasoning_content",
    chat_model="deepseek-reasoner",
    anthropic_url="http://anthropic.test/v1",
    anthropic_api_key="sk-ant",
    anthropic_model="claude-sonnet-4-6",
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
    "model": "claude-sonnet-4-6",
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


# ---------------------------------------------------------------------------- Claude Code -> chat


@dataclass
class ChatTurn:
    """What a chat stream said in its first choice: reasoning, text (a refusal's is text to
    an anthropic client), tool calls."""

    reasoning: str = ""
    text: str = ""
    calls: dict[int, list[str]] = field(default_factory=dict)
    """index -> [name, arguments so far]"""

    @classmethod
    def of(cls, body: bytes) -> ChatTurn:
        turn = cls()
        for line in body.decode().splitlines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            for choice in json.loads(line[6:]).get("choices", []):
                if choice["index"] != 0:
                    continue
                delta = choice.get("delta") or {}
                turn.reasoning += delta.get("reasoning_content") or ""
                turn.text += (delta.get("content") or "") + (delta.get("refusal") or "")
                for call in delta.get("tool_calls") or []:
                    name_args = turn.calls.setdefault(call["index"], ["", ""])
                    function = call.get("function") or {}
                    name_args[0] += function.get("name") or ""
                    name_args[1] += function.get("arguments") or ""
        return turn


def said_by(message: anthropic.types.Message) -> ChatTurn:
    turn = ChatTurn()
    for n, block in enumerate(message.content):
        match block.type:
            case "thinking":
                turn.reasoning += block.thinking
            case "text":
                turn.text += block.text
            case "tool_use":
                turn.calls[n] = [block.name, json.dumps(block.input)]
    return turn


@needs_samples
@pytest.mark.parametrize("path", CHAT_SAMPLES, ids=lambda p: p.name[:8])
async def test_claude_code_streams_a_recorded_chat_answer(path: Path) -> None:
    body = path.read_bytes()
    sent = ChatTurn.of(body)
    with running(sse(body)) as p:
        async with p.claude.messages.stream(**CLAUDE_REQUEST) as stream:
            message = await stream.get_final_message()
    got = said_by(message)
    assert got.text == sent.text
    assert [name for name, _ in got.calls.values()] == [name for name, _ in sent.calls.values()]
    assert [json.loads(args) for _, args in got.calls.values()] == [
        json.loads(args) for _, args in sent.calls.values()
    ]
    assert message.stop_reason in ("end_turn", "tool_use", "max_tokens", "refusal")
    assert p.upstream.received[0][0] == "/v1/chat/completions"
    assert_chat_request(p.upstream.body)
    assert p.upstream.body["model"] == "deepseek-reasoner"
    assert p.upstream.body["stream_options"] == {"include_usage": True}


def deepseek_stream(*, done: bool = True, upto: int | None = None) -> str:
    """A DeepSeek-style chat stream: reasoning, text, then a tool call, with usage."""
    base = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "ds"}

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
        return {**base, "choices": [choice]}

    call = {"index": 0, "id": "call_1", "type": "function"}
    chunks = [
        chunk({"role": "assistant", "content": "", "reasoning_content": "The user wants "}),
        chunk({"reasoning_content": "Paris weather; call the tool."}),
        chunk({"content": "Let me check."}),
        chunk({"tool_calls": [{**call, "function": {"name": "get_weather", "arguments": ""}}]}),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": '{"location": "Pa'}}]}),
        chunk({"tool_calls": [{"index": 0, "function": {"arguments": 'ris"}'}}]}),
        chunk({}, "tool_calls"),
        {
            **base,
            "choices": [],
            "usage": {"prompt_tokens": 30, "completion_tokens": 12, "total_tokens": 42},
        },
    ]
    return chat_sse(*chunks[:upto], done=done and upto is None)


async def test_claude_code_gets_thinking_text_and_tool_call_of_a_reasoning_server() -> None:
    with running(sse(deepseek_stream())) as p:
        async with p.claude.messages.stream(**CLAUDE_REQUEST) as stream:
            message = await stream.get_final_message()
    assert [block.type for block in message.content] == ["thinking", "text", "tool_use"]
    assert said_by(message) == ChatTurn(
        "The user wants Paris weather; call the tool.",
        "Let me check.",
        {2: ["get_weather", '{"location": "Paris"}']},
    )
    assert message.stop_reason == "tool_use"
    assert (message.usage.input_tokens, message.usage.output_tokens) == (30, 12)


async def test_claude_code_sends_its_thinking_back_as_the_dialect_field() -> None:
    request = corpus("thinking_history", "request.anthropic")
    with running(json_answer(corpus("thinking_history", "response.chat"))) as p:
        await p.claude.messages.create(**request)
    assistant = p.upstream.body["messages"][1]
    assert assistant["reasoning_content"] == request["messages"][1]["content"][0]["thinking"]
    assert_chat_request(p.upstream.body)


async def test_claude_code_gets_a_typed_message_without_streaming() -> None:
    request = corpus("parallel_tools", "request.anthropic")
    answer = corpus("parallel_tools", "response.chat")
    with running(json_answer(answer)) as p:
        message = await p.claude.messages.create(**request)
    assert isinstance(message, anthropic.types.Message)
    assert message.content[0].type == "text"
    assert message.content[0].text == "Let me check all three for you."
    calls = [(b.name, b.input) for b in message.content if b.type == "tool_use"]
    assert calls == [
        (c["function"]["name"], json.loads(c["function"]["arguments"]))
        for c in answer["choices"][0]["message"]["tool_calls"]
    ]
    assert message.stop_reason == "tool_use"
    assert "stream" not in p.upstream.body
    assert_chat_request(p.upstream.body)


# ---------------------------------------------------------------------------- Codex -> anthropic


def thinking_stream(*, upto: int | None = None) -> str:
    """An anthropic stream with signed thinking, text and a tool call."""
    message = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-6",
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 25, "output_tokens": 1},
    }
    events = [
        {"type": "message_start", "message": message},
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "thinking", "thinking": "", "signature": ""},
        },
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "thinking_delta", "thinking": "Paris weather: "},
        },
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "thinking_delta", "thinking": "use the tool."},
        },
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {"type": "signature_delta", "signature": "EqQBsig"},
        },
        {"type": "content_block_stop", "index": 0},
        {"type": "content_block_start", "index": 1, "content_block": {"type": "text", "text": ""}},
        {
            "type": "content_block_delta",
            "index": 1,
            "delta": {"type": "text_delta", "text": "Checking."},
        },
        {"type": "content_block_stop", "index": 1},
        {
            "type": "content_block_start",
            "index": 2,
            "content_block": {
                "type": "tool_use",
                "id": "toolu_1",
                "name": "get_weather",
                "input": {},
            },
        },
        {
            "type": "content_block_delta",
            "index": 2,
            "delta": {"type": "input_json_delta", "partial_json": '{"location": "Paris"}'},
        },
        {"type": "content_block_stop", "index": 2},
        {
            "type": "message_delta",
            "delta": {"stop_reason": "tool_use", "stop_sequence": None},
            "usage": {"output_tokens": 40},
        },
        {"type": "message_stop"},
    ]
    return anthropic_sse(*events[:upto])


def output_of(response: openai.types.responses.Response) -> list[tuple[str, Any]]:
    """(item type, what it says) of each output item."""
    out: list[tuple[str, Any]] = []
    for item in response.output:
        match item.type:
            case "reasoning":
                out.append(("reasoning", "".join(part.text for part in item.summary)))
            case "message":
                out.append(
                    ("message", "".join(c.text for c in item.content if c.type == "output_text"))
                )
            case "function_call":
                out.append(("function_call", (item.name, json.loads(item.arguments))))
            case "custom_tool_call":
                out.append(("custom_tool_call", (item.name, item.input)))
            case other:
                out.append((other, None))
    return out


async def test_codex_gets_reasoning_text_and_tool_call_of_a_claude_stream() -> None:
    with running(sse(thinking_stream())) as p:
        async with p.codex.responses.stream(**CODEX_REQUEST) as stream:
            response = await stream.get_final_response()
    assert output_of(response) == [
        ("reasoning", "Paris weather: use the tool."),
        ("message", "Checking."),
        ("function_call", ("get_weather", {"location": "Paris"})),
    ]
    assert response.status == "completed"
    assert p.upstream.received[0][0] == "/v1/messages"
    assert p.upstream.body["model"] == "claude-sonnet-4-6"
    assert_anthropic_request(p.upstream.body)


@needs_samples
@pytest.mark.parametrize("name", ["basic_response.txt", "tool_use_response.txt"])
async def test_codex_streams_a_recorded_claude_answer(name: str) -> None:
    body = (ANTHROPIC_SAMPLES / name).read_bytes()
    text = "".join(
        json.loads(line[6:])["delta"].get("text", "")
        for line in body.decode().splitlines()
        if line.startswith("data: ") and '"content_block_delta"' in line
    )
    with running(sse(body)) as p:
        async with p.codex.responses.stream(**CODEX_REQUEST) as stream:
            response = await stream.get_final_response()
    assert response.output_text == text
    if "tool_use" in name:
        assert output_of(response)[-1] == ("function_call", ("get_weather", {"location": "Paris"}))
    assert_anthropic_request(p.upstream.body)


async def test_codex_gets_a_typed_response_without_streaming() -> None:
    request = corpus("thinking_history", "request.responses")
    answer = corpus("thinking_history", "response.anthropic")
    with running(json_answer(answer)) as p:
        response = await p.codex.responses.create(**request)
    assert isinstance(response, openai.types.responses.Response)
    assert output_of(response) == [
        ("reasoning", answer["content"][0]["thinking"]),
        ("message", "391 ÷ 17 = 23."),
    ]
    assert response.usage is not None and response.usage.input_tokens == 188
    assert "stream" not in p.upstream.body
    assert_anthropic_request(p.upstream.body)


# ---------------------------------------------------------------------------- upstream errors


class ErrorCase(NamedTuple):
    """An upstream error, and what the client's SDK makes of it once converted."""

    status: int
    body: dict[str, Any]
    raises: type[Exception]
    client_status: int
    client_type: str


def openai_error(kind: str, message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


def anthropic_error(kind: str, message: str) -> dict[str, Any]:
    return {"type": "error", "error": {"type": kind, "message": message}}


CHAT_ERRORS = [
    ErrorCase(
        429,
        openai_error("rate_limit_error", "Rate limit reached for requests"),
        anthropic.RateLimitError,
        429,
        "rate_limit_error",
    ),
    ErrorCase(
        500,
        openai_error("server_error", "The server had an error"),
        anthropic.InternalServerError,
        500,
        "api_error",
    ),
    ErrorCase(
        503,
        openai_error("overloaded_error", "The engine is currently overloaded"),
        anthropic.OverloadedError,
        529,
        "overloaded_error",
    ),
]


@pytest.mark.parametrize("stream", [False, True], ids=["create", "stream"])
@pytest.mark.parametrize("case", CHAT_ERRORS, ids=[str(case.status) for case in CHAT_ERRORS])
async def test_claude_code_gets_a_chat_servers_error_as_its_own(
    stream: bool, case: ErrorCase
) -> None:
    with running(json_answer(case.body, case.status)) as p, pytest.raises(case.raises) as raised:
        if stream:
            async with p.claude.messages.stream(**CLAUDE_REQUEST) as events:
                await events.get_final_message()
        else:
            await p.claude.messages.create(**CLAUDE_REQUEST)
    assert isinstance(raised.value, anthropic.APIStatusError)
    assert raised.value.status_code == case.client_status
    message = case.body["error"]["message"]
    assert raised.value.body == anthropic_error(case.client_type, message)


ANTHROPIC_ERRORS = [
    ErrorCase(
        429,
        anthropic_error("rate_limit_error", "Number of requests has exceeded your rate limit"),
        openai.RateLimitError,
        429,
        "rate_limit_error",
    ),
    ErrorCase(
        500,
        anthropic_error("api_error", "Internal server error"),
        openai.InternalServerError,
        500,
        "api_error",  # an OpenAI type too, of the same kind: kept
    ),
    ErrorCase(
        529,
        anthropic_error("overloaded_error", "Overloaded"),
        openai.InternalServerError,
        503,
        "overloaded_error",
    ),
]


@pytest.mark.parametrize("stream", [False, True], ids=["create", "stream"])
@pytest.mark.parametrize(
    "case", ANTHROPIC_ERRORS, ids=[str(case.status) for case in ANTHROPIC_ERRORS]
)
async def test_codex_gets_anthropics_error_as_its_own(stream: bool, case: ErrorCase) -> None:
    with running(json_answer(case.body, case.status)) as p, pytest.raises(case.raises) as raised:
        if stream:
            async with p.codex.responses.stream(**CODEX_REQUEST) as events:
                await events.get_final_response()
        else:
            await p.codex.responses.create(**CODEX_REQUEST)
    assert isinstance(raised.value, openai.APIStatusError)
    assert raised.value.status_code == case.client_status
    message = case.body["error"]["message"]
    assert raised.value.message == f"Error code: {case.client_status} - {message}"
    assert raised.value.type == case.client_type


async def test_an_upstream_error_page_that_is_not_json_keeps_its_status() -> None:
    def answer(_: dict[str, Any]) -> httpx2.Response:
        return httpx2.Response(502, text="<html>Bad Gateway</html>")

    with running(answer) as p, pytest.raises(anthropic.InternalServerError) as raised:
        await p.claude.messages.create(**CLAUDE_REQUEST)
    assert raised.value.status_code == 500
    assert "upstream answered 502: <html>Bad Gateway</html>" in str(raised.value)


async def test_an_upstream_that_cannot_be_reached_is_a_bad_gateway() -> None:
    def refuse(_: dict[str, Any]) -> httpx2.Response:
        raise httpx2.ConnectError("connection refused")

    with running(refuse) as p, pytest.raises(openai.InternalServerError) as raised:
        await p.codex.responses.create(**CODEX_REQUEST)
    assert raised.value.status_code == 500
    assert "the upstream cannot be reached" in raised.value.message


async def test_a_request_the_bridge_cannot_read_is_the_clients_bad_request() -> None:
    bad = {**CLAUDE_REQUEST, "messages": [{"role": "robot", "content": "hi"}]}
    with running(json_answer({})) as p, pytest.raises(anthropic.BadRequestError) as raised:
        await p.claude.messages.create(**bad)
    assert raised.value.body["error"]["type"] == "invalid_request_error"  # type: ignore[index]
    assert "messages[0]" in str(raised.value)
    assert p.upstream.received == []


# ---------------------------------------------------------------------------- cut streams

CUTS = {
    "body ends early": {"done": False},
    "connection breaks": {"error": httpx2.ReadError("connection reset by peer")},
}


@pytest.mark.parametrize("cut", CUTS.values(), ids=CUTS.keys())
async def test_claude_code_raises_when_the_chat_stream_is_cut(cut: dict[str, Any]) -> None:
    body = deepseek_stream(upto=5, done=False)  # mid-way through the tool call's arguments
    error = cut.get("error")
    with running(sse(body, error=error)) as p:
        async with p.claude.messages.stream(**CLAUDE_REQUEST) as stream:
            with pytest.raises(anthropic.APIStatusError) as raised:
                await stream.get_final_message()
            assert stream.current_message_snapshot.content[0].type == "thinking"
    assert raised.value.body["error"]["type"] == "api_error"  # type: ignore[index]
    assert "the upstream stream ended before it finished" in str(raised.value)
    assert ("connection broke (ReadError)" in str(raised.value)) == (error is not None)


@needs_samples
async def test_claude_code_raises_when_a_recorded_chat_stream_stops_half_way() -> None:
    body = (SAMPLES / "openai_chat" / CHAT_SAMPLES[0].name).read_bytes()
    cut = running(sse(body[: len(body) // 2]))
    with cut as p, pytest.raises(anthropic.APIStatusError, match="upstream stream ended"):
        async with p.claude.messages.stream(**CLAUDE_REQUEST) as stream:
            await stream.get_final_message()


@pytest.mark.parametrize("cut", CUTS.values(), ids=CUTS.keys())
async def test_codex_raises_when_the_claude_stream_is_cut(cut: dict[str, Any]) -> None:
    body = thinking_stream(upto=8)  # in the middle of the text
    events: list[Any] = []
    with running(sse(body, error=cut.get("error"))) as p:
        async with p.codex.responses.stream(**CODEX_REQUEST) as stream:
            with pytest.raises(RuntimeError, match=r"response\.completed"):
                async for event in stream:
                    events.append(event)
                await stream.get_final_response()
    failed = events[-1]
    assert failed.type == "response.failed"
    assert failed.response.error.code == "server_error"
    assert "the upstream stream ended before it finished" in failed.response.error.message
    broke = "connection broke (ReadError)" in failed.response.error.message
    assert broke == ("error" in cut)
    assert [item.type for item in failed.response.output] == ["reasoning", "message"]


@needs_samples
async def test_codex_raises_when_a_recorded_claude_stream_stops_half_way() -> None:
    body = (ANTHROPIC_SAMPLES / "tool_use_response.txt").read_bytes()
    with running(sse(body[: len(body) // 2])) as p:
        async with p.codex.responses.stream(**CODEX_REQUEST) as stream:
            with pytest.raises(RuntimeError, match=r"response\.completed"):
                await stream.get_final_response()


# ---------------------------------------------------------------------------- the client's tools

#: An MCP tool name as Claude Code makes them (``mcp__<server>__<tool>``): Anthropic takes up
#: to 128 characters, chat servers at most 64, so the bridge sends the chat server a shortened
#: name and ``request=`` gives the client its own back.
MCP_TOOL = "mcp__github_enterprise_server_for_the_platform_team__search_repositories_by_topic"


def claude_request_with_mcp_tool(**extra: Any) -> dict[str, Any]:
    tool = {**CLAUDE_REQUEST["tools"][0], "name": MCP_TOOL}
    return {**CLAUDE_REQUEST, "tools": [tool], **extra}


def called_as_sent(stream: bool) -> Answer:
    """A chat server that calls the tool by the name it was given."""

    def answer(body: dict[str, Any]) -> httpx2.Response:
        name = body["tools"][0]["function"]["name"]
        call = {"id": "call_1", "type": "function", "function": {"name": name, "arguments": "{}"}}
        if not stream:
            message = {"role": "assistant", "content": None, "tool_calls": [call]}
            choice = {"index": 0, "message": message, "finish_reason": "tool_calls"}
            reply = {"id": "c", "object": "chat.completion", "created": 1, "model": "m"}
            return httpx2.Response(200, json={**reply, "choices": [choice]})
        base = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m"}
        delta = {"role": "assistant", "tool_calls": [{"index": 0, **call}]}
        chunks = [
            {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]},
            {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]},
        ]
        return sse(chat_sse(*chunks))(body)

    return answer


async def test_claude_code_gets_its_long_tool_name_back_from_a_chat_server() -> None:
    with running(called_as_sent(stream=False)) as p:
        message = await p.claude.messages.create(**claude_request_with_mcp_tool())
    sent_name = p.upstream.body["tools"][0]["function"]["name"]
    assert sent_name != MCP_TOOL and len(sent_name) <= MAX_NAME_LENGTH
    assert [block.name for block in message.content if block.type == "tool_use"] == [MCP_TOOL]
    assert_chat_request(p.upstream.body)


async def test_claude_code_gets_its_long_tool_name_back_in_a_stream() -> None:
    with running(called_as_sent(stream=True)) as p:
        async with p.claude.messages.stream(**claude_request_with_mcp_tool()) as stream:
            message = await stream.get_final_message()
    assert p.upstream.body["tools"][0]["function"]["name"] != MCP_TOOL
    assert [block.name for block in message.content if block.type == "tool_use"] == [MCP_TOOL]
    assert_chat_request(p.upstream.body)


#: Codex's free-text tool: Anthropic has function tools only, so it goes as a function taking
#: one string ``input``, and ``request=`` turns the calls back into custom calls.
APPLY_PATCH = {
    "type": "custom",
    "name": "apply_patch",
    "description": "Edit files with a patch.",
    "format": {"type": "grammar", "syntax": "lark", "definition": 'start: "*** Begin Patch"'},
}
PATCH = "*** Begin Patch\n*** Update File: a.py\n@@\n-x = 1\n+x = 2\n*** End Patch\n"


def claude_calls_apply_patch(stream: bool) -> Answer:
    message = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-6",
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 9, "output_tokens": 1},
    }
    tool_use = {"type": "tool_use", "id": "toolu_1", "name": "apply_patch", "input": {}}
    if not stream:
        whole = {**message, "content": [{**tool_use, "input": {"input": PATCH}}]}
        return json_answer({**whole, "stop_reason": "tool_use"})
    arguments = json.dumps({"input": PATCH})
    fragments = [arguments[i : i + 7] for i in range(0, len(arguments), 7)]
    events = [
        {"type": "message_start", "message": message},
        {"type": "content_block_start", "index": 0, "content_block": tool_use},
        *(
            {
                "type": "content_block_delta",
                "index": 0,
                "delta": {"type": "input_json_delta", "partial_json": fragment},
            }
            for fragment in fragments
        ),
        {"type": "content_block_stop", "index": 0},
        {
            "type": "message_delta",
            "delta": {"stop_reason": "tool_use", "stop_sequence": None},
            "usage": {"output_tokens": 30},
        },
        {"type": "message_stop"},
    ]
    return sse(anthropic_sse(*events))


@pytest.mark.parametrize("stream", [False, True], ids=["create", "stream"])
async def test_codex_gets_its_custom_tool_call_back_from_claude(stream: bool) -> None:
    request = {**CODEX_REQUEST, "tools": [APPLY_PATCH]}
    with running(claude_calls_apply_patch(stream)) as p:
        if stream:
            async with p.codex.responses.stream(**request) as events:
                response = await events.get_final_response()
        else:
            response = await p.codex.responses.create(**request)
    assert output_of(response) == [("custom_tool_call", ("apply_patch", PATCH))]
    (tool,) = p.upstream.body["tools"]
    assert tool["name"] == "apply_patch"
    assert tool["input_schema"]["required"] == ["input"]
    assert_anthropic_request(p.upstream.body)


# ---------------------------------------------------------------------------- the client goes away


@pytest.mark.parametrize("spec_version", ["2.3", "2.4"])
async def test_a_client_that_goes_away_closes_the_upstream_response(spec_version: str) -> None:
    """The client reads the first events while the upstream is still at work, then leaves: the
    proxy stops reading and closes the upstream response. Under ASGI spec 2.3 (uvicorn)
    Starlette notices at once; under 2.4 at its next ``send``, when the upstream says more."""
    stream = deepseek_stream(upto=3, done=False)  # reasoning, and the text begins
    cut = stream.index("\n\n", stream.index("reasoning_content")) + 2
    upstream = UpstreamBody(stream[:cut].encode(), hold=True, more=stream[cut:].encode())
    transport = StreamingASGITransport(None, spec_version=spec_version)
    answer = streaming(upstream)
    seen: list[str] = []
    with running(answer, transport=transport) as p:
        async with p.claude.messages.stream(**CLAUDE_REQUEST) as events:
            async for event in events:
                seen.append(event.type)
                if event.type == "thinking":
                    break
        assert not upstream.closed.is_set() or spec_version == "2.3"
        if spec_version == "2.4":
            upstream.release.set()
        await asyncio.wait_for(upstream.closed.wait(), 5)
        await asyncio.wait_for(asyncio.gather(*transport.tasks), 5)
    assert seen[:2] == ["message_start", "content_block_start"]
    assert upstream.sent == len(upstream.chunks)


# ---------------------------------------------------------------------------- token counts


async def test_claude_code_is_told_a_chat_server_cannot_count_tokens() -> None:
    with running(json_answer({})) as p, pytest.raises(anthropic.NotFoundError) as raised:
        await p.claude.messages.count_tokens(
            model="claude-sonnet-4-6", messages=CLAUDE_REQUEST["messages"]
        )
    assert raised.value.body == {
        "type": "error",
        "error": {
            "type": "not_found_error",
            "message": "token counting is not available: this proxy's upstream is an "
            "OpenAI-compatible chat server, which has no token-counting endpoint",
        },
    }
    assert p.upstream.received == []


async def test_codex_counts_its_input_tokens_with_anthropic() -> None:
    with running(json_answer({"input_tokens": 42})) as p:
        count = await p.codex.responses.input_tokens.count(
            model="gpt-5-codex",
            instructions="You are a coding agent.",
            input=CODEX_REQUEST["input"],
            tools=CODEX_REQUEST["tools"],
        )
    assert isinstance(count, openai.types.responses.InputTokenCountResponse)
    assert count.input_tokens == 42
    path, body = p.upstream.received[0]
    assert path == "/v1/messages/count_tokens"
    assert body["model"] == "claude-sonnet-4-6"
    assert body["system"] == "You are a coding agent."
    assert_sdk_strict(body, anthropic_count.MessageCountTokensParams)


async def test_codex_gets_anthropics_count_error_as_its_own() -> None:
    error = {"type": "error", "error": {"type": "rate_limit_error", "message": "Slow down"}}
    with running(json_answer(error, 429)) as p, pytest.raises(openai.RateLimitError) as raised:
        await p.codex.responses.input_tokens.count(model="gpt-5-codex", input="hi")
    assert raised.value.message == "Error code: 429 - Slow down"
    assert p.upstream.received[0][0] == "/v1/messages/count_tokens"


async def test_an_upstream_event_the_bridge_cannot_read_cuts_the_clients_stream() -> None:
    """After the first bytes the status is sent: a broken connection is then the only honest
    signal, and the client raises rather than taking half an answer for a whole one."""
    body = deepseek_stream(upto=3, done=False) + "data: {not json\n\n"
    upstream = UpstreamBody(body.encode())
    answer = streaming(upstream)
    transport = StreamingASGITransport(None)
    with running(answer, transport=transport) as p:
        with pytest.raises(httpx2.RemoteProtocolError):
            async with p.claude.messages.stream(**CLAUDE_REQUEST) as events:
                await events.get_final_message()
        await asyncio.wait_for(asyncio.gather(*transport.tasks), 5)
    assert upstream.closed.is_set()


# ---------------------------------------------------------------------------- docs/proxy.md

DOCS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "proxy.md"


def test_the_pages_excerpt_of_the_relay_is_the_code() -> None:
    page = DOCS_PAGE.read_text(encoding="utf-8")
    excerpt = page.split("(an excerpt of `_relay`):\n\n```text\n", 1)[1].split("```", 1)[0]
    source = Path(proxy.__file__).read_text(encoding="utf-8")
    code = source.split("async def _relay", 1)[1]
    lines = [line.strip() for line in excerpt.splitlines()]
    assert [line.strip() for line in code.splitlines() if line.strip() in lines][
        : len(lines)
    ] == lines


def test_the_pages_environment_variables_are_the_ones_read() -> None:
    page = DOCS_PAGE.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(PROXY_\w+)` \| `(\w+)`", page, re.M)
    assert len(rows) == 9
    for variable, name in rows:
        value = "12.5" if name == "timeout" else "openrouter" if name == "chat_dialect" else "x"
        config = proxy.ProxyConfig.from_env({variable: value})
        assert str(getattr(config, name)) == value, variable


def test_an_unknown_chat_dialect_stops_the_proxy_at_start() -> None:
    with pytest.raises(ValueError, match="'deepseek' is not one of openai, reasoning_content"):
        proxy.ProxyConfig.from_env({"PROXY_CHAT_DIALECT": "deepseek"})
