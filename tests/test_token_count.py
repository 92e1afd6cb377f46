"""Token counting: anthropic count_tokens <-> Responses input_tokens, requests and responses."""

from __future__ import annotations

from typing import Any

import anthropic.types
import openai.types.responses
import pytest

from openai_claude_bridge import (
    InvalidInputError,
    Loss,
    convert_token_count_request,
    convert_token_count_response,
    to_wire,
)
from tests.support.oracle import assert_sdk_strict
from tests.support.roundtrip import all_fixture_payloads, assert_json_identical

COUNT_REQUEST = {
    "model": "claude-sonnet-4-5",
    "system": "Be brief.",
    "messages": [
        {"role": "user", "content": "What's the weather?"},
        {
            "role": "assistant",
            "content": [{"type": "tool_use", "id": "toolu_1", "name": "weather", "input": {}}],
        },
        {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "sunny"}],
        },
    ],
    "tools": [{"name": "weather", "input_schema": {"type": "object"}}],
    "thinking": {"type": "enabled", "budget_tokens": 2048},
}


def test_anthropic_count_request_to_responses_and_back() -> None:
    losses: list[Loss] = []
    out = to_wire(
        convert_token_count_request(
            COUNT_REQUEST, source="anthropic", target="responses", on_loss=losses.append
        )
    )
    assert_sdk_strict(out, openai.types.responses.InputTokenCountParams)
    assert out["instructions"] == "Be brief."
    assert [item.get("type", "message") for item in out["input"]] == [
        "message",
        "function_call",
        "function_call_output",
    ]
    assert "max_output_tokens" not in out and "stream" not in out
    assert losses == []
    back = to_wire(convert_token_count_request(out, source="responses", target="anthropic"))
    assert_sdk_strict(back, anthropic.types.MessageCountTokensParams)
    assert "max_tokens" not in back
    assert back["system"] == "Be brief." and len(back["messages"]) == 3


@pytest.mark.parametrize("fmt", ["anthropic", "responses"])
def test_same_format_is_exact(fmt: str) -> None:
    name = "MessageCountTokensParams" if fmt == "anthropic" else "InputTokenCountParams"
    payloads = all_fixture_payloads(fmt, name) or [COUNT_REQUEST]
    for payload in payloads:
        out = convert_token_count_request(payload, source=fmt, target=fmt)
        assert_json_identical(to_wire(out), payload)


def test_counts() -> None:
    out = convert_token_count_response(
        {"input_tokens": 2006}, source="anthropic", target="responses"
    )
    assert to_wire(out) == {"object": "response.input_tokens", "input_tokens": 2006}
    back = convert_token_count_response(to_wire(out), source="responses", target="anthropic")
    assert to_wire(back) == {"input_tokens": 2006}


@pytest.mark.parametrize("fmt", ["chat", "completions"])
def test_formats_without_a_count_endpoint_are_caller_bugs(fmt: str) -> None:
    with pytest.raises(ValueError, match="no token-counting endpoint"):
        convert_token_count_request({}, source=fmt, target="anthropic")
    with pytest.raises(ValueError, match="no token-counting endpoint"):
        convert_token_count_response({}, source="anthropic", target=fmt)


@pytest.mark.parametrize(
    ("payload", "source", "path"),
    [
        ({"messages": []}, "anthropic", "model"),
        ({"input_tokens": "3"}, "anthropic", "input_tokens"),
    ],
)
def test_bad_input(payload: Any, source: str, path: str) -> None:
    convert = convert_token_count_request if "messages" in payload else convert_token_count_response
    with pytest.raises(InvalidInputError) as info:
        convert(payload, source=source, target="responses")
    assert info.value.path == path
