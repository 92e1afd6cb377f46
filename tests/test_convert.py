"""The public conversion entry points across all 16 (source, target) pairs.

Every SDK-valid fixture request / response / error of every format is converted into every format:
the output validates strictly against the target's SDK types, only ``BridgeError``s escape (under
``strict`` only ``UnsupportedFeatureError``), and ``source == target`` returns an equal payload.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest

from openai_claude_bridge import (
    BridgeError,
    Loss,
    UnsupportedFeatureError,
    anthropic,
    chat,
    to_wire,
)
from openai_claude_bridge.convert import convert_error, convert_request, convert_response
from openai_claude_bridge.options import FORMATS
from tests.support.oracle import sdk_errors
from tests.support.roundtrip import all_fixture_payloads, assert_json_identical, sendable
from tests.support.sdk_types import SDK_TYPES

REQUESTS = {
    "anthropic": "MessageCreateParams",
    "chat": "CompletionCreateParams",
    "responses": "ResponseCreateParams",
    "completions": "CompletionCreateParams",
}
RESPONSES = {
    "anthropic": "Message",
    "chat": "ChatCompletion",
    "responses": "Response",
    "completions": "Completion",
}
PAIRS = list(itertools.product(FORMATS, FORMATS))


def _valid_fixtures(fmt: str, type_name: str) -> list[Any]:
    """The fixture payloads of a type that the SDK itself accepts (lenient ones left out)."""
    sdk = SDK_TYPES[(fmt, type_name)]  # type: ignore[index]
    return [p for p in all_fixture_payloads(fmt, type_name) if not sdk_errors(p, *sdk)]


def _check(convert: Any, kinds: dict[str, str], source: str, target: str) -> None:
    payloads = _valid_fixtures(source, kinds[source])
    assert payloads
    for payload in payloads:
        losses: list[Loss] = []
        out = to_wire(convert(payload, source=source, target=target, on_loss=losses.append))
        # no deviation: a non-streaming chat / completions answer always has a finish_reason
        errors = sdk_errors(out, *SDK_TYPES[(target, kinds[target])])  # type: ignore[index]
        assert errors == [], (json.dumps(payload)[:300], errors[:5])
        if source == target:
            assert_json_identical(out, sendable(payload) if kinds is REQUESTS else payload)
            assert losses == []
        try:
            convert(payload, source=source, target=target, strict=True)
        except UnsupportedFeatureError as exc:
            assert exc.feature and any(loss.feature == exc.feature for loss in losses)


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_every_request_converts_to_valid_target_json(source: str, target: str) -> None:
    _check(convert_request, REQUESTS, source, target)


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_every_response_converts_to_valid_target_json(source: str, target: str) -> None:
    _check(convert_response, RESPONSES, source, target)


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_error_bodies_and_statuses(source: str, target: str) -> None:
    bodies = {
        "anthropic": {
            "type": "error",
            "error": {"type": "rate_limit_error", "message": "slow down"},
        },
    }
    openai_body = {
        "error": {"message": "slow down", "type": "rate_limit_error", "param": None, "code": None}
    }
    body = bodies.get(source, openai_body)
    status, out = convert_error(body, source=source, target=target, status=429)
    assert status == 429
    wire = to_wire(out)
    assert sdk_errors(wire, *SDK_TYPES[(target, "ErrorResponse")]) == []  # type: ignore[index]
    assert wire["error"]["message"] == "slow down"


@pytest.mark.parametrize(
    ("source", "status", "target", "expected"),
    [
        ("anthropic", 529, "chat", 503),
        ("chat", 503, "anthropic", 529),
        ("anthropic", 413, "responses", 413),
        ("responses", 401, "anthropic", 401),
        ("completions", 404, "anthropic", 404),
    ],
)
def test_statuses_map(source: str, status: int, target: str, expected: int) -> None:
    body: dict[str, Any]
    if source == "anthropic":
        kind = {529: "overloaded_error", 413: "request_too_large"}[status]
        body = {"type": "error", "error": {"type": kind, "message": "m"}}
    else:
        body = {"error": {"message": "m", "type": "x", "param": None, "code": None}}
    assert convert_error(body, source=source, target=target, status=status)[0] == expected


@pytest.mark.parametrize("openai_format", ["chat", "responses", "completions"])
def test_an_exhausted_quota_is_billing_not_a_rate_limit(openai_format: str) -> None:
    """OpenAI says "out of credit" as a 429 ``insufficient_quota``; anthropic as a 402
    ``billing_error``. Each becomes the other, and back."""
    quota = {
        "error": {
            "message": "You exceeded your current quota.",
            "type": "insufficient_quota",
            "param": None,
            "code": "insufficient_quota",
        }
    }
    status, out = convert_error(quota, source=openai_format, target="anthropic", status=429)
    assert (status, to_wire(out)["error"]["type"]) == (402, "billing_error")
    billing = to_wire(out)
    status, back = convert_error(billing, source="anthropic", target=openai_format, status=402)
    assert status == 429
    assert to_wire(back)["error"] == {**quota["error"]}


OPENAI_FORMATS = ["chat", "responses", "completions"]


@pytest.mark.parametrize("target", OPENAI_FORMATS)
@pytest.mark.parametrize("source", OPENAI_FORMATS)
def test_the_openai_formats_pass_an_error_between_them_unchanged(source: str, target: str) -> None:
    """The three OpenAI APIs share one error body and one codec: a body of the four standard
    fields crosses from one to another as it was, status included, with nothing lost."""
    body = {
        "error": {
            "message": "Rate limit reached on tokens per min (TPM).",
            "type": "tokens",
            "param": None,
            "code": "rate_limit_exceeded",
        }
    }
    status, out = convert_error(body, source=source, target=target, status=429, strict=True)
    assert (status, to_wire(out)) == (429, body)


def test_unknown_format_is_a_caller_bug() -> None:
    with pytest.raises(ValueError, match="unknown source"):
        convert_request({}, source="openai", target="chat")
    with pytest.raises(ValueError, match="unknown target"):
        convert_response({}, source="chat", target="gemini")


@pytest.mark.parametrize(("source", "target"), PAIRS)
@pytest.mark.parametrize("payload", [None, [], "{", {"model": 3}, {"model": "m", "stream": "yes"}])
def test_bad_input_raises_only_bridge_errors(source: str, target: str, payload: Any) -> None:
    for convert in (convert_request, convert_response):
        with pytest.raises(BridgeError):
            convert(payload, source=source, target=target)


LONG_NAME = "mcp__github__search_repositories_with_a_rather_long_descriptive_name_v2"


def test_shortened_tool_names_are_restored_in_the_response() -> None:
    request = {
        "model": "claude",
        "max_tokens": 100,
        "messages": [{"role": "user", "content": "find it"}],
        "tools": [{"name": LONG_NAME, "input_schema": {"type": "object"}}],
    }
    upstream = to_wire(convert_request(request, source="anthropic", target="chat"))
    short = upstream["tools"][0]["function"]["name"]
    assert short != LONG_NAME and len(short) <= 64
    reply = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "gpt",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "logprobs": None,
                "message": {
                    "role": "assistant",
                    "content": None,
                    "refusal": None,
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": short, "arguments": '{"q":"x"}'},
                        }
                    ],
                },
            }
        ],
    }
    out = convert_response(reply, source="chat", target="anthropic", request=request)
    assert isinstance(out, anthropic.Message)
    block = to_wire(out)["content"][0]
    assert block == {"type": "tool_use", "id": "call_1", "name": LONG_NAME, "input": {"q": "x"}}
    assert to_wire(out)["stop_reason"] == "tool_use"


def test_cached_usage_arithmetic_both_ways() -> None:
    usage = {
        "prompt_tokens": 2006,
        "completion_tokens": 10,
        "total_tokens": 2016,
        "prompt_tokens_details": {"cached_tokens": 1920},
    }
    reply = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "gpt",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "logprobs": None,
                "message": {"role": "assistant", "content": "hi", "refusal": None},
            }
        ],
        "usage": usage,
    }
    out = to_wire(convert_response(reply, source="chat", target="anthropic"))
    assert out["usage"]["input_tokens"] == 86
    assert out["usage"]["cache_read_input_tokens"] == 1920
    back = to_wire(convert_response(out, source="anthropic", target="chat"))
    assert back["usage"]["prompt_tokens"] == 2006
    assert back["usage"]["prompt_tokens_details"]["cached_tokens"] == 1920


def test_signed_thinking_survives_a_responses_client() -> None:
    thinking = {"type": "thinking", "thinking": "Let me think.", "signature": "EqQBCkYIARgCIkA="}
    redacted = {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT"}
    message = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude",
        "content": [thinking, redacted, {"type": "text", "text": "Done.", "citations": None}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": 5, "output_tokens": 7},
    }
    resp = to_wire(convert_response(message, source="anthropic", target="responses"))
    items = [item for item in resp["output"] if item["type"] == "reasoning"]
    assert items and all(item.get("encrypted_content") for item in items)
    # The Responses client sends the reasoning items back in its next request.
    request = {
        "model": "gpt",
        "input": [*items, {"role": "user", "content": "and?"}],
    }
    upstream = to_wire(convert_request(request, source="responses", target="anthropic"))
    blocks = [
        block
        for msg in upstream["messages"]
        if isinstance(msg["content"], list)
        for block in msg["content"]
        if block["type"] in ("thinking", "redacted_thinking")
    ]
    assert blocks == [thinking, redacted]


def test_chat_request_messages_become_anthropic_turns() -> None:
    request = {
        "model": "gpt",
        "messages": [
            {"role": "system", "content": "Be terse."},
            {"role": "user", "content": "weather?"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": "a", "type": "function", "function": {"name": "w", "arguments": "{}"}},
                    {"id": "b", "type": "function", "function": {"name": "w", "arguments": "{}"}},
                ],
            },
            {"role": "tool", "tool_call_id": "a", "content": "sun"},
            {"role": "tool", "tool_call_id": "b", "content": "rain"},
        ],
        "max_tokens": 50,
    }
    out = to_wire(convert_request(request, source="chat", target="anthropic"))
    assert out["system"] in ("Be terse.", [{"type": "text", "text": "Be terse."}])
    assert [m["role"] for m in out["messages"]] == ["user", "assistant", "user"]
    results = out["messages"][2]["content"]
    assert [(b["type"], b["tool_use_id"]) for b in results] == [
        ("tool_result", "a"),
        ("tool_result", "b"),
    ]
    back = to_wire(convert_request(out, source="anthropic", target="chat"))
    assert isinstance(
        convert_request(out, source="anthropic", target="chat"), chat.CompletionCreateParams
    )
    assert [m["role"] for m in back["messages"]] == ["system", "user", "assistant", "tool", "tool"]
