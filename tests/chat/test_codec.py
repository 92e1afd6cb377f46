"""The chat codec: wire -> ir -> wire is exact; ir made by other formats encodes to valid chat.

* Every fixture request, response and error body round-trips exactly through the ir, with no
  losses reported; so do hypothesis-generated payloads.
* Any generated payload, decoded and stripped of its chat extras (as another format's decoder
  would build it), encodes without raising anything but ``BridgeError``.
* Hand-built neutral ir encodes to output the official SDK types accept strictly, with the
  expected mapped values and exactly the expected losses; ``strict=True`` raises for them.
* The mapping tables cover every value of their ``Literal`` aliases.
"""

from __future__ import annotations

import contextlib
import dataclasses
import typing
from typing import Any

import openai.types.chat as sdk
import pytest
from hypothesis import given
from openai.types.chat import completion_create_params as ccp
from openai.types.shared import error_object
from typing_extensions import Required, TypedDict

from openai_claude_bridge import (
    BridgeError,
    Loss,
    UnsupportedFeatureError,
    _openai_errors,
    chat,
    convert_request,
    ir,
)
from openai_claude_bridge import _tool_names as tools_names
from openai_claude_bridge._restore import ClientTools, restore_response
from openai_claude_bridge.chat import decode, encode, tables
from openai_claude_bridge.chat.models.response import FinishReason
from openai_claude_bridge.options import ChatDialect, Options, make_options
from openai_claude_bridge.testing.strategies import wire_payloads
from openai_claude_bridge.wire import from_wire, to_wire
from tests.support.oracle import assert_sdk_strict
from tests.support.roundtrip import all_fixture_payloads, assert_json_identical, sendable

REQUEST_SDK = (ccp.CompletionCreateParamsNonStreaming, ccp.CompletionCreateParamsStreaming)


class _SdkErrorResponse(TypedDict):
    error: Required[error_object.ErrorObject]


def _options(**kwargs: Any) -> tuple[Options, list[Loss]]:
    losses: list[Loss] = []
    defaults: dict[str, Any] = {
        "on_loss": losses.append,
        "id_factory": lambda prefix: prefix + "test",
        "clock": lambda: 1_700_000_000,
    }
    return Options(**{**defaults, **kwargs}), losses


def _request_roundtrip(payload: Any) -> None:
    options, losses = _options()
    ir_req = decode.decode_request(from_wire(chat.CompletionCreateParams, payload))
    assert_json_identical(to_wire(encode.encode_request(ir_req, options)), sendable(payload))
    assert losses == []


def _response_roundtrip(payload: Any) -> None:
    options, losses = _options()
    ir_resp = decode.decode_response(from_wire(chat.ChatCompletion, payload))
    assert_json_identical(to_wire(encode.encode_response(ir_resp, options)), payload)
    assert losses == []


def _error_roundtrip(payload: Any, status: int | None = None) -> None:
    options, losses = _options()
    err = decode.decode_error(from_wire(chat.ErrorResponse, payload), status=status)
    out_status, body = encode.encode_error(err, options)
    assert_json_identical(to_wire(body), payload)
    if status is not None:
        assert out_status == status
    assert losses == []


# --------------------------------------------------------------------------- exact round trips


@pytest.mark.parametrize("payload", all_fixture_payloads("chat", "CompletionCreateParams"))
def test_request_fixtures_roundtrip(payload: Any) -> None:
    _request_roundtrip(payload)


@pytest.mark.parametrize("payload", all_fixture_payloads("chat", "ChatCompletion"))
def test_response_fixtures_roundtrip(payload: Any) -> None:
    _response_roundtrip(payload)


@pytest.mark.parametrize("payload", all_fixture_payloads("chat", "ErrorResponse"))
@pytest.mark.parametrize("status", [None, 400, 429, 503])
def test_error_fixtures_roundtrip(payload: Any, status: int | None) -> None:
    _error_roundtrip(payload, status)


@given(wire_payloads(chat.CompletionCreateParams))
def test_generated_requests_roundtrip(payload: Any) -> None:
    _request_roundtrip(payload)


@given(wire_payloads(chat.ChatCompletion))
def test_generated_responses_roundtrip(payload: Any) -> None:
    _response_roundtrip(payload)


@given(wire_payloads(chat.ErrorResponse))
def test_generated_errors_roundtrip(payload: Any) -> None:
    _error_roundtrip(payload)


def _strip(value: Any) -> Any:
    """``value`` with every ir node's extra removed, recursively (another format's view)."""
    if isinstance(value, ir.Node):
        changes = {
            f.name: _strip(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in ("extra", "path")
        }
        return dataclasses.replace(value, extra=ir.EMPTY_EXTRA, **changes)
    if isinstance(value, tuple):
        return tuple(_strip(v) for v in value)
    return value


@pytest.mark.parametrize("dialect", typing.get_args(ChatDialect))
@given(payload=wire_payloads(chat.CompletionCreateParams))
def test_generated_requests_as_foreign_ir_encode(dialect: ChatDialect, payload: Any) -> None:
    req = _strip(decode.decode_request(from_wire(chat.CompletionCreateParams, payload)))
    options, _ = _options(chat_dialect=dialect)
    with contextlib.suppress(BridgeError):
        encode.encode_request(req, options)


@pytest.mark.parametrize("dialect", typing.get_args(ChatDialect))
@given(payload=wire_payloads(chat.ChatCompletion))
def test_generated_responses_as_foreign_ir_encode(dialect: ChatDialect, payload: Any) -> None:
    resp = _strip(decode.decode_response(from_wire(chat.ChatCompletion, payload)))
    options, _ = _options(chat_dialect=dialect)
    with contextlib.suppress(BridgeError):
        encode.encode_response(resp, options)


def test_fixture_requests_as_foreign_ir_are_sdk_valid() -> None:
    """Non-lenient fixtures, stripped of extras, still encode to strictly valid requests."""
    for payload in all_fixture_payloads("chat", "CompletionCreateParams"):
        if "reasoning_content" in str(payload) or "x_request_tag" in str(payload):
            continue  # provider extensions / unknown members: not official API payloads
        req = _strip(decode.decode_request(from_wire(chat.CompletionCreateParams, payload)))
        options, _ = _options()
        assert_sdk_strict(to_wire(encode.encode_request(req, options)), *REQUEST_SDK)


# --------------------------------------------------------------------------- decoding


def test_decode_request_maps_neutral_fields() -> None:
    payload = all_fixture_payloads("chat", "CompletionCreateParams")
    kitchen = next(p for p in payload if p["model"] == "gpt-4o-audio-preview")
    req = decode.decode_request(from_wire(chat.CompletionCreateParams, kitchen))
    assert [m.role for m in req.messages] == [
        "developer",
        "system",
        "user",
        "assistant",
        "tool",
        "tool",
        "assistant",
        "user",
    ]
    user = req.messages[2]
    image = user.parts[2]
    assert isinstance(image, ir.ImagePart)
    assert image.source.kind == "base64"
    assert image.source.media_type == "image/png"
    assert image.cache is not None
    document = user.parts[4]
    assert isinstance(document, ir.DocumentPart)
    assert document.source.media_type == "application/pdf"
    assert document.source.filename == "report.pdf"
    tool = req.messages[4].parts[0]
    assert isinstance(tool, ir.ToolResultPart)
    assert tool.call_id == "call_1"
    assert tool.text_form
    assert req.max_tokens == 2048
    assert req.max_tokens_field == "max_completion_tokens"
    assert req.stop == ("\n\n", "END")
    assert req.reasoning is not None
    assert req.reasoning.effort == "high"
    assert req.tool_choice is not None
    assert req.tool_choice.mode == "allowed"
    assert req.tool_choice.allowed == ("lookup", "sql")
    assert req.tool_choice.allowed_required
    assert req.tools is not None
    assert req.tools[1].custom_format == {
        "type": "grammar",
        "syntax": "lark",
        "definition": 'start: "SELECT" /.+/',
    }
    assert req.parallel_tool_calls is False


def test_decode_provider_reasoning() -> None:
    payload = next(
        p for p in all_fixture_payloads("chat", "ChatCompletion") if p["id"] == "gen-1750000000-abc"
    )
    resp = decode.decode_response(from_wire(chat.ChatCompletion, payload))
    parts = resp.candidates[0].parts
    signed, redacted, summary, unknown, text = parts
    assert isinstance(signed, ir.ReasoningPart)
    assert (signed.text, signed.signature) == ("2 + 2 = 4.", "ErUBCkYIBBgC")
    assert isinstance(redacted, ir.ReasoningPart)
    assert redacted.redacted_data == "EmwKAhgBEgy"
    assert isinstance(summary, ir.ReasoningPart)
    assert summary.summary == ("Simple sum.",)
    assert isinstance(unknown, ir.NativePart)
    assert isinstance(text, ir.TextPart)
    assert resp.usage is not None
    assert resp.usage.reasoning_tokens == 20


def test_decode_response_usage_and_stop() -> None:
    payload = next(
        p for p in all_fixture_payloads("chat", "ChatCompletion") if p["id"] == "chatcmpl-tools-1"
    )
    resp = decode.decode_response(from_wire(chat.ChatCompletion, payload))
    assert resp.usage is not None
    assert resp.usage.input_tokens == 2006
    assert resp.usage.cache_read_tokens == 1920
    assert resp.usage.cache_write_tokens == 64
    assert resp.usage.service_tier == "priority"
    candidate = resp.candidates[0]
    assert candidate.stop_reason == "tool_use"
    assert [type(p) for p in candidate.parts] == [ir.ToolCallPart, ir.ToolCallPart]


def test_decode_n2_logprobs_refusal() -> None:
    payload = next(
        p for p in all_fixture_payloads("chat", "ChatCompletion") if p["id"] == "chatcmpl-n2"
    )
    resp = decode.decode_response(from_wire(chat.ChatCompletion, payload))
    first, second = resp.candidates
    assert first.stop_reason == "max_tokens"
    text = first.parts[0]
    assert isinstance(text, ir.TextPart)
    assert text.logprobs is not None
    assert text.logprobs[0].top[1].token == "Hello"
    assert second.stop_reason == "refusal"
    assert isinstance(second.parts[0], ir.RefusalPart)


def test_decode_error_kinds() -> None:
    body = {"error": {"message": "slow down", "type": "tokens", "code": "rate_limit_exceeded"}}
    err = decode.decode_error(from_wire(chat.ErrorResponse, body))
    assert err.kind == "rate_limit"
    assert err.raw_type == "tokens"
    err = decode.decode_error(from_wire(chat.ErrorResponse, body), status=503)
    assert err.kind == "overloaded"
    assert err.status == 503


# --------------------------------------------------------------------------- foreign ir


def _foreign_request() -> ir.Request:
    """A request as the anthropic decoder would build it (no chat extras)."""
    return ir.Request(
        model="claude-sonnet-4",
        instructions=(
            ir.TextPart(
                text="Be brief.",
                cache=ir.CacheHint(ttl="5m", path="system[0].cache_control"),
                path="system[0]",
            ),
        ),
        messages=(
            ir.Message(
                role="user",
                parts=(
                    ir.TextPart(text="Look:"),
                    ir.ImagePart(
                        source=ir.MediaSource(kind="base64", media_type="image/png", data="AAA=")
                    ),
                    ir.ImagePart(source=ir.MediaSource(kind="url", url="https://e.x/a.jpg")),
                    ir.DocumentPart(
                        source=ir.MediaSource(
                            kind="base64", media_type="application/pdf", data="JVBE"
                        ),
                        title="a.pdf",
                    ),
                ),
                path="messages[0]",
            ),
            ir.Message(
                role="assistant",
                parts=(
                    ir.ReasoningPart(text="hmm", signature="sig1", path="messages[1].content[0]"),
                    ir.ReasoningPart(redacted_data="opaque", path="messages[1].content[1]"),
                    ir.TextPart(text="Calling."),
                    ir.ToolCallPart(
                        call_id="toolu_1", name="weather", arguments='{"city":"Paris"}'
                    ),
                    ir.ToolCallPart(call_id="toolu_2", name="mcp.server.search", arguments="{}"),
                ),
                path="messages[1]",
            ),
            ir.Message(
                role="user",
                parts=(
                    ir.ToolResultPart(
                        call_id="toolu_1",
                        content=(
                            ir.TextPart(text="sunny"),
                            ir.ImagePart(
                                source=ir.MediaSource(
                                    kind="base64", media_type="image/jpeg", data="BBB="
                                ),
                                path="messages[2].content[0].content[1]",
                            ),
                        ),
                        path="messages[2].content[0]",
                    ),
                    ir.ToolResultPart(
                        call_id="toolu_2",
                        content=(ir.TextPart(text="boom"),),
                        text_form=True,
                        is_error=True,
                        path="messages[2].content[1]",
                    ),
                    ir.TextPart(text="Thanks"),
                ),
                path="messages[2]",
            ),
        ),
        tools=(
            ir.Tool(
                kind="function",
                name="weather",
                description="Weather",
                parameters={"type": "object", "properties": {"city": {"type": "string"}}},
                strict=True,
            ),
            ir.Tool(kind="function", name="mcp.server.search", parameters={"type": "object"}),
        ),
        tool_choice=ir.ToolChoice(mode="tool", name="mcp.server.search"),
        parallel_tool_calls=False,
        max_tokens=4096,
        max_tokens_field="max_tokens",
        temperature=0.5,
        top_k=40,
        stop=("END", "STOP"),
        reasoning=ir.ReasoningConfig(enabled=True, budget_tokens=9000, path="thinking"),
        output_format=ir.OutputFormat(
            kind="json_schema", schema={"type": "object"}, path="output_config.format"
        ),
        user="u-1",
        stream=True,
        include_usage=True,
        extra={"anthropic": {"container": "c1"}},
    )


@pytest.mark.parametrize(
    ("dialect", "field"),
    [
        ("openai", "max_completion_tokens"),
        ("reasoning_content", "max_tokens"),
        ("openrouter", "max_tokens"),
    ],
)
@pytest.mark.parametrize("source", ["anthropic", "responses", "completions"])
def test_foreign_token_limit_goes_in_the_dialects_field(
    dialect: ChatDialect, field: str, source: str
) -> None:
    payloads: dict[str, dict[str, Any]] = {
        "anthropic": {"model": "m", "max_tokens": 300, "messages": []},
        "responses": {"model": "m", "max_output_tokens": 300, "input": "hi"},
        "completions": {"model": "m", "max_tokens": 300, "prompt": "hi"},
    }
    losses: list[Loss] = []
    out = to_wire(
        convert_request(
            payloads[source],
            source=source,
            target="chat",
            chat_dialect=dialect,
            on_loss=losses.append,
        )
    )
    assert_sdk_strict(out, *REQUEST_SDK)
    assert {k: out[k] for k in ("max_tokens", "max_completion_tokens") if k in out} == {field: 300}
    assert losses == []


@pytest.mark.parametrize("dialect", ["openai", "reasoning_content", "openrouter"])
@pytest.mark.parametrize("field", ["max_tokens", "max_completion_tokens"])
def test_chat_token_limit_field_round_trips_in_every_dialect(
    dialect: ChatDialect, field: str
) -> None:
    payload = {"model": "m", "messages": [{"role": "user", "content": "hi"}], field: 300}
    out = to_wire(convert_request(payload, source="chat", target="chat", chat_dialect=dialect))
    assert_json_identical(out, payload)


def test_max_tokens_field_table_covers_every_dialect() -> None:
    assert set(tables.MAX_TOKENS_FIELD) == set(typing.get_args(ChatDialect))


def test_encode_foreign_request() -> None:
    options, losses = _options()
    out = to_wire(encode.encode_request(_foreign_request(), options))
    assert_sdk_strict(out, *REQUEST_SDK)
    messages = out["messages"]
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "tool", "tool", "user"]
    assert messages[0]["content"] == [
        {"type": "text", "text": "Be brief.", "prompt_cache_breakpoint": {"mode": "explicit"}}
    ]
    assert messages[1]["content"][1] == {
        "type": "image_url",
        "image_url": {"url": "data:image/png;base64,AAA="},
    }
    assert messages[1]["content"][3] == {
        "type": "file",
        "file": {"file_data": "data:application/pdf;base64,JVBE", "filename": "a.pdf"},
    }
    assistant = messages[2]
    assert "reasoning_content" not in assistant
    short = tools_names.shorten("mcp.server.search")
    assert short != "mcp.server.search"
    assert tools_names.is_valid_name(short)
    assert [c["function"]["name"] for c in assistant["tool_calls"]] == ["weather", short]
    assert messages[3] == {
        "role": "tool",
        "tool_call_id": "toolu_1",
        "content": [{"type": "text", "text": "sunny"}],
    }
    assert messages[4] == {"role": "tool", "tool_call_id": "toolu_2", "content": "boom"}
    assert messages[5]["content"] == [
        {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,BBB="}},
        {"type": "text", "text": "Thanks"},
    ]
    assert out["tools"][1]["function"]["name"] == short
    assert out["tool_choice"] == {"type": "function", "function": {"name": short}}
    # the official dialect's field: OpenAI's reasoning models refuse max_tokens
    assert out["max_completion_tokens"] == 4096 and "max_tokens" not in out
    assert out["stop"] == ["END", "STOP"]
    assert out["reasoning_effort"] == "medium"
    assert out["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "response", "schema": {"type": "object"}},
    }
    assert out["stream_options"] == {"include_usage": True}
    assert tools_names.restore(short, ["weather", "mcp.server.search"]) == "mcp.server.search"
    assert [(loss.path, loss.feature) for loss in losses] == [
        ("container", "container"),
        ("system[0].cache_control.ttl", "cache_control.ttl"),
        ("messages[1].content[0]", "reasoning"),
        ("messages[1].content[1]", "reasoning"),
        ("messages[2].content[0].content[1]", "tool_result.image"),
        ("messages[2].content[1]", "is_error"),
        ("top_k", "top_k"),
    ]


def test_encode_foreign_request_strict_raises() -> None:
    options, _ = _options(strict=True)
    with pytest.raises(UnsupportedFeatureError) as info:
        encode.encode_request(_foreign_request(), options)
    assert info.value.feature == "container"


@pytest.mark.parametrize(
    ("dialect", "expected", "lost"),
    [
        ("openai", {}, ["reasoning", "reasoning"]),
        (
            "reasoning_content",
            {"reasoning_content": "hmm"},
            ["reasoning.signature", "reasoning.encrypted_content"],
        ),
        (
            "openrouter",
            {
                "reasoning": "hmm",
                "reasoning_details": [
                    {"type": "reasoning.text", "text": "hmm", "signature": "sig1"},
                    {
                        "type": "reasoning.encrypted",
                        "data": "opaque",
                        "format": "anthropic-claude-v1",
                    },
                ],
            },
            [],
        ),
    ],
)
def test_reasoning_dialects(
    dialect: ChatDialect, expected: dict[str, Any], lost: list[str]
) -> None:
    options, losses = _options(chat_dialect=dialect)
    req = dataclasses.replace(_foreign_request(), extra=ir.EMPTY_EXTRA, top_k=None)
    out = to_wire(encode.encode_request(req, options))
    assistant = out["messages"][2]
    got = {k: v for k, v in assistant.items() if k.startswith("reasoning")}
    assert got == expected
    assert [loss.feature for loss in losses if loss.feature.startswith("reasoning")] == lost


def test_openrouter_keeps_signed_thinking_through_chat() -> None:
    options, _ = _options(chat_dialect="openrouter")
    out = encode.encode_request(_foreign_request(), options)
    back = decode.decode_request(out)
    parts = back.messages[2].parts
    assert isinstance(parts[0], ir.ReasoningPart)
    assert (parts[0].text, parts[0].signature) == ("hmm", "sig1")
    assert isinstance(parts[1], ir.ReasoningPart)
    assert parts[1].redacted_data == "opaque"
    assert parts[1].extra == {"chat": {}}  # the canonical format is implied, not a leftover


def _foreign_response() -> ir.Response:
    return ir.Response(
        id="msg_01",
        model="claude-sonnet-4",
        candidates=(
            ir.Candidate(
                parts=(
                    ir.ReasoningPart(text="think", signature="s"),
                    ir.TextPart(text="Hello "),
                    ir.TextPart(
                        text="world",
                        citations=(
                            ir.Citation(
                                kind="web_search_result_location",
                                url="https://w.x",
                                title="W",
                                cited_text="world",
                            ),
                        ),
                    ),
                    ir.ToolCallPart(call_id="toolu_9", name="f", arguments="{}"),
                ),
                stop_reason="tool_use",
                raw_stop_reason="tool_use",
            ),
        ),
        usage=ir.Usage(
            input_tokens=2006,
            output_tokens=300,
            cache_read_tokens=1920,
            cache_write_tokens=0,
            reasoning_tokens=100,
            service_tier="standard",
        ),
    )


def test_encode_foreign_response() -> None:
    options, losses = _options(chat_dialect="reasoning_content")
    out = to_wire(encode.encode_response(_foreign_response(), options))
    choice = out["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    message = choice["message"]
    assert message["content"] == "Hello world"
    assert message["reasoning_content"] == "think"
    assert message["annotations"] == [
        {
            "type": "url_citation",
            "url_citation": {"url": "https://w.x", "title": "W", "start_index": 6, "end_index": 11},
        }
    ]
    assert message["tool_calls"][0]["id"] == "toolu_9"
    assert out["usage"] == {
        "prompt_tokens": 2006,
        "completion_tokens": 300,
        "total_tokens": 2306,
        "prompt_tokens_details": {"cached_tokens": 1920, "cache_write_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 100},
    }
    assert out["id"] == "msg_01"
    assert out["created"] == 1_700_000_000
    assert [loss.feature for loss in losses] == ["reasoning.signature", "service_tier"]
    del message["reasoning_content"]  # a provider extension the SDK does not know
    assert_sdk_strict(out, sdk.ChatCompletion)


@pytest.mark.parametrize(
    ("stop", "finish", "lost"),
    [
        ("end_turn", "stop", []),
        ("stop_sequence", "stop", ["stop_sequence"]),
        ("max_tokens", "length", []),
        ("refusal", "content_filter", []),
        ("pause_turn", "stop", ["stop_reason"]),
        ("error", "stop", ["stop_reason"]),
    ],
)
def test_encode_stop_reasons(stop: ir.StopReason, finish: str, lost: list[str]) -> None:
    options, losses = _options()
    seq = "END" if stop == "stop_sequence" else None
    resp = ir.Response(
        candidates=(
            ir.Candidate(parts=(ir.TextPart(text="x"),), stop_reason=stop, stop_sequence=seq),
            ir.Candidate(index=1, parts=(ir.RefusalPart(text="no"),), stop_reason="refusal"),
        ),
    )
    out = to_wire(encode.encode_response(resp, options))
    assert out["choices"][0]["finish_reason"] == finish
    assert out["choices"][1]["message"] == {"role": "assistant", "content": None, "refusal": "no"}
    assert "usage" not in out
    assert out["id"] == "chatcmpl-test"
    assert out["model"] == ""
    assert [loss.feature for loss in losses] == lost
    assert_sdk_strict(out, sdk.ChatCompletion)


def test_encode_response_strict_raises() -> None:
    options, _ = _options(strict=True)
    resp = ir.Response(candidates=(ir.Candidate(stop_reason="pause_turn"),))
    with pytest.raises(UnsupportedFeatureError):
        encode.encode_response(resp, options)


def test_encode_response_with_model_option_and_logprobs() -> None:
    options, losses = _options(model="gpt-proxy")
    token = ir.TokenLogprob(
        token="Hi", logprob=-0.5, bytes=(72, 105), top=(ir.TokenLogprob(token="Yo", logprob=-2.0),)
    )
    resp = ir.Response(
        id="r",
        model="m",
        created=5,
        candidates=(
            ir.Candidate(
                parts=(ir.TextPart(text="Hi", logprobs=(token,)),), stop_reason="end_turn"
            ),
        ),
    )
    out = to_wire(encode.encode_response(resp, options))
    assert out["model"] == "gpt-proxy"
    assert out["choices"][0]["logprobs"] == {
        "content": [
            {
                "token": "Hi",
                "logprob": -0.5,
                "bytes": [72, 105],
                "top_logprobs": [{"token": "Yo", "logprob": -2.0}],
            }
        ]
    }
    assert losses == []
    assert_sdk_strict(out, sdk.ChatCompletion)


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("kind", typing.get_args(ir.ErrorKind))
def test_encode_foreign_error(kind: ir.ErrorKind) -> None:
    options, losses = _options()
    status, body = encode.encode_error(ir.ApiError(kind=kind, message="m"), options)
    out = to_wire(body)
    assert_sdk_strict(out, _SdkErrorResponse)
    error_type, expected_status = _openai_errors.KIND_TO_ERROR[kind]
    assert status == expected_status
    code = _openai_errors.KIND_CODE.get(kind)  # what OpenAI itself sends (quota, context)
    assert out == {"error": {"message": "m", "type": error_type, "param": None, "code": code}}
    back = decode.decode_error(body, status=status)
    assert back.kind == kind
    assert losses == []


def test_encode_foreign_error_keeps_known_raw_type_and_maps_status() -> None:
    options, losses = _options()
    err = ir.ApiError(
        kind="overloaded",
        message="busy",
        status=529,
        raw_type="overloaded_error",
        request_id="req_1",
        extra={"anthropic": {"x": 1}},
    )
    status, body = encode.encode_error(err, options)
    assert status == 503  # anthropic's 529 is OpenAI's 503
    assert to_wire(body)["error"]["type"] == "overloaded_error"
    assert [loss.feature for loss in losses] == ["x", "request_id"]


# --------------------------------------------------------------------------- tables and names


def test_finish_reason_table_covers_literal() -> None:
    assert set(tables.FINISH_TO_STOP) == set(typing.get_args(FinishReason))


def test_stop_reason_table_covers_literal() -> None:
    assert set(tables.STOP_TO_FINISH) == set(typing.get_args(ir.StopReason))
    for stop, finish in tables.STOP_TO_FINISH.items():
        if finish is not None and stop not in ("stop_sequence", "context_window_exceeded"):
            assert tables.FINISH_TO_STOP[finish] == stop


def test_error_tables_cover_literals() -> None:
    errors = _openai_errors
    assert set(errors.KIND_TO_ERROR) == set(typing.get_args(ir.ErrorKind))
    assert set(errors.ERROR_TYPE_TO_KIND) == set(typing.get_args(errors.OpenAIErrorType))
    assert set(errors.ERROR_TYPE_TO_KIND) >= errors.GENERIC_ERROR_TYPES
    for kind, (error_type, status) in errors.KIND_TO_ERROR.items():
        if kind == "context_length_exceeded":  # a request error told by its code or message
            assert errors.error_kind_of(status, error_type, errors.CONTEXT_LENGTH_CODE) == kind
            continue
        assert errors.ERROR_TYPE_TO_KIND[error_type] == kind
        if kind != "billing":
            assert errors.error_kind_of(status, None, None) == kind
            assert errors.error_kind_of(None, error_type, None) == kind


@pytest.mark.parametrize(
    ("status", "error_type", "code", "kind"),
    [
        (429, "insufficient_quota", None, "billing"),  # a quota, not a rate limit
        (429, "tokens", "insufficient_quota", "billing"),
        (503, "tokens", None, "overloaded"),  # the status decides first
        (None, "tokens", "invalid_api_key", "rate_limit"),  # then a specific type
        (None, "invalid_request_error", "invalid_api_key", "authentication"),  # a code beats
        (None, "server_error", "model_not_found", "not_found"),  # a generic type
        (None, "invalid_request_error", 404, "invalid_request"),  # a generic type beats a number
        (None, None, 404, "not_found"),  # a numeric code is a status (OpenRouter, vLLM)
        (None, "something_new", 418, "invalid_request"),  # unknown: the status class
        (409, "something_new", None, "invalid_request"),
        (None, "something_new", None, "server_error"),
        (400, "invalid_request_error", "context_length_exceeded", "context_length_exceeded"),
        (None, None, "context_length_exceeded", "context_length_exceeded"),  # whatever the status
        (413, "invalid_request_error", "context_length_exceeded", "context_length_exceeded"),
    ],
)
def test_error_kind_precedence(
    status: int | None, error_type: str | None, code: str | int | None, kind: ir.ErrorKind
) -> None:
    assert _openai_errors.error_kind_of(status, error_type, code) == kind


@pytest.mark.parametrize(
    ("status", "error_type", "message", "kind"),
    [
        (
            400,
            "invalid_request_error",
            "This model's maximum context length is 8192 tokens.",
            "context_length_exceeded",
        ),
        (
            None,
            "invalid_request_error",
            "input exceeds the context window",
            "context_length_exceeded",
        ),
        (400, None, "the request exceeds the available context size", "context_length_exceeded"),
        (400, None, "Prompt is too long", "context_length_exceeded"),
        (400, "invalid_request_error", "Invalid 'messages[0].role'.", "invalid_request"),
        (500, "server_error", "maximum context length", "server_error"),  # only request errors
        (429, "tokens", "maximum context length", "rate_limit"),
    ],
)
def test_error_message_wording_tells_a_context_overflow(
    status: int | None, error_type: str | None, message: str, kind: ir.ErrorKind
) -> None:
    assert _openai_errors.error_kind_of(status, error_type, None, message) == kind


@pytest.mark.parametrize(
    "name",
    ["ok_name-1", "a" * 64, "a" * 65, "mcp.server.search", "ü", "x" * 200, "a b/c"],
)
def test_shorten_names(name: str) -> None:
    short = tools_names.shorten(name)
    assert tools_names.is_valid_name(short)
    assert tools_names.shorten(name) == short
    assert (short == name) == tools_names.is_valid_name(name)
    assert tools_names.restore(short, [name, "other"]) == name


def test_shorten_keeps_distinct_names_apart() -> None:
    assert tools_names.shorten("a.b") != tools_names.shorten("a/b")
    assert tools_names.shorten("x" * 70 + "1") != tools_names.shorten("x" * 70 + "2")


def test_restore_names_in_response() -> None:
    short = tools_names.shorten("mcp.server.search")
    payload = {
        "id": "c",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "tool_calls": [
                        {
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": short, "arguments": "{}"},
                        },
                        {
                            "id": "call_2",
                            "type": "function",
                            "function": {"name": "f", "arguments": ""},
                        },
                    ],
                },
            }
        ],
    }
    tools = tuple(ir.Tool(kind="function", name=n) for n in ("mcp.server.search", "f"))
    client = ClientTools.of(ir.Request(model="m", tools=tools))
    resp = restore_response(decode.decode_response(payload), client, make_options())
    calls = resp.candidates[0].parts
    assert [c.name for c in calls if isinstance(c, ir.ToolCallPart)] == ["mcp.server.search", "f"]


def test_foreign_empty_tools_and_cached_text_form() -> None:
    options, losses = _options()
    req = ir.Request(
        model="m",
        messages=(
            ir.Message(
                role="user",
                parts=(ir.TextPart(text="hi", cache=ir.CacheHint()),),
                text_form=True,
            ),
        ),
        tools=(),
    )
    out = to_wire(encode.encode_request(req, options))
    assert "tools" not in out
    assert out["messages"][0]["content"] == [
        {"type": "text", "text": "hi", "prompt_cache_breakpoint": {"mode": "explicit"}}
    ]
    assert losses == []


def test_tool_calls_with_end_turn_finish_as_tool_calls() -> None:
    options, _ = _options()
    resp = ir.Response(
        candidates=(
            ir.Candidate(
                parts=(ir.ToolCallPart(call_id="c", name="f", arguments="{}"),),
                stop_reason="end_turn",
                raw_stop_reason="completed",
            ),
        ),
        usage=ir.Usage(input_tokens=3),
    )
    losses: list[Loss] = []
    options = dataclasses.replace(options, on_loss=losses.append)
    out = to_wire(encode.encode_response(resp, options))
    assert out["choices"][0]["finish_reason"] == "tool_calls"
    assert "usage" not in out
    assert [loss.feature for loss in losses] == ["usage"]


@pytest.mark.parametrize(
    ("dialect", "expected", "lost"),
    [
        ("openai", {}, ["reasoning", "reasoning"]),
        (
            "reasoning_content",
            {"reasoning_content": "plain\n\nsum"},
            ["reasoning.encrypted_content"],
        ),
        (
            "openrouter",
            {
                "reasoning": "plain",
                "reasoning_details": [
                    {"type": "reasoning.text", "text": "plain"},
                    {"type": "reasoning.summary", "summary": "sum", "id": "rs_1"},
                    {"type": "reasoning.encrypted", "data": "enc", "id": "rs_1"},
                ],
            },
            [],
        ),
    ],
)
def test_unsigned_and_responses_reasoning(
    dialect: ChatDialect, expected: dict[str, Any], lost: list[str]
) -> None:
    options, losses = _options(chat_dialect=dialect)
    resp = ir.Response(
        id="r",
        model="m",
        created=1,
        candidates=(
            ir.Candidate(
                parts=(
                    ir.ReasoningPart(text="plain"),
                    ir.ReasoningPart(summary=("sum",), encrypted_content="enc", item_id="rs_1"),
                    ir.TextPart(text="ok"),
                ),
                stop_reason="end_turn",
            ),
        ),
    )
    message = to_wire(encode.encode_response(resp, options))["choices"][0]["message"]
    assert {k: v for k, v in message.items() if k.startswith("reasoning")} == expected
    assert [loss.feature for loss in losses] == lost


def test_foreign_request_sampling_fields() -> None:
    options, losses = _options()
    req = ir.Request(
        model="m",
        messages=(ir.Message(role="user", parts=(ir.TextPart(text="hi"),), text_form=True),),
        n=2,
        seed=7,
        logprobs=True,
        top_logprobs=2,
        frequency_penalty=0.1,
        presence_penalty=0.2,
        logit_bias={"1": 3},
        metadata={"a": "b"},
        safety_identifier="s",
        prompt_cache_key="k",
        service_tier="priority",
        store=False,
        stop=("a", "b", "c", "d", "e"),
        output_format=ir.OutputFormat(kind="json_object"),
        reasoning=ir.ReasoningConfig(effort="low", summary="auto", include_encrypted=True),
    )
    out = to_wire(encode.encode_request(req, options))
    assert_sdk_strict(out, *REQUEST_SDK)
    assert out["messages"] == [{"role": "user", "content": "hi"}]
    assert out["n"] == 2
    assert out["stop"] == ["a", "b", "c", "d"]
    assert out["response_format"] == {"type": "json_object"}
    assert out["reasoning_effort"] == "low"
    assert out["service_tier"] == "priority"
    assert [loss.feature for loss in losses] == [
        "stop",
        "reasoning.summary",
        "reasoning.encrypted_content",
    ]


def test_legacy_functions_decode_to_neutral_tools() -> None:
    payload = next(
        p
        for p in all_fixture_payloads("chat", "CompletionCreateParams")
        if p["model"] == "gpt-3.5-turbo-0613"
    )
    req = decode.decode_request(payload)
    assert req.tools is not None
    assert [(t.kind, t.name) for t in req.tools] == [
        ("function", "get_weather"),
        ("function", "noop"),
    ]
    assert req.tool_choice is not None
    assert (req.tool_choice.mode, req.tool_choice.name) == ("tool", "get_weather")
    call = req.messages[1].parts[0]
    assert isinstance(call, ir.ToolCallPart)
    assert (call.call_id, call.name) == ("get_weather", "get_weather")
    result = req.messages[2].parts[0]
    assert isinstance(result, ir.ToolResultPart)
    assert result.call_id == "get_weather"
    # As another format's ir, the legacy shapes become today's tools / tool_choice / tool calls.
    options, _ = _options()
    out = to_wire(encode.encode_request(_strip(req), options))
    assert_sdk_strict(out, *REQUEST_SDK)
    assert "functions" not in out
    assert out["tool_choice"] == {"type": "function", "function": {"name": "get_weather"}}
    assert out["messages"][1]["tool_calls"][0]["id"] == "get_weather"
    assert out["messages"][2] == {
        "role": "tool",
        "tool_call_id": "get_weather",
        "content": '{"temp_c": 21.5}',
    }


@pytest.mark.parametrize("fmt", ["anthropic-claude-v1", "anthropic-claude-v2", "other", None])
def test_encrypted_detail_format_roundtrip(fmt: str | None) -> None:
    detail: dict[str, Any] = {"type": "reasoning.encrypted", "data": "D"}
    if fmt is not None:
        detail["format"] = fmt
    payload = {
        "model": "m",
        "messages": [{"role": "assistant", "content": "x", "reasoning_details": [detail]}],
    }
    _request_roundtrip(payload)
    part = decode.decode_request(payload).messages[0].parts[0]
    assert isinstance(part, ir.ReasoningPart)
    redacted = fmt is not None and fmt.startswith("anthropic")
    assert (part.redacted_data, part.encrypted_content) == (
        ("D", None) if redacted else (None, "D")
    )
