"""The anthropic codec: wire -> ir -> wire is exact; ir made by other formats encodes to valid
anthropic payloads.

* Every fixture request, response and error body (and every message / content block fixture,
  wrapped in a request or response) round-trips exactly through the ir with no losses reported;
  so do hypothesis-generated payloads.
* Any generated payload, decoded and stripped of its anthropic extras (as another format's
  decoder would build it), encodes without raising anything but ``BridgeError``.
* Hand-built neutral ir encodes to output the official SDK types accept strictly, with the
  expected mapped values and exactly the expected losses; ``strict=True`` raises for them.
* The mapping tables cover every value of their ``Literal`` aliases.
"""

from __future__ import annotations

import contextlib
import dataclasses
import typing
from typing import Any

import anthropic.types as sdk
import anthropic.types.shared as sdk_shared
import pytest
from hypothesis import given

from openai_claude_bridge import (
    BridgeError,
    InvalidInputError,
    Loss,
    UnsupportedFeatureError,
    convert_request,
    ir,
)
from openai_claude_bridge._codec import report_foreign_extra
from openai_claude_bridge.anthropic import ErrorResponse, Message, MessageCreateParams, tables
from openai_claude_bridge.anthropic.decode import decode_error, decode_request, decode_response
from openai_claude_bridge.anthropic.encode import (
    DEFAULT_MAX_TOKENS,
    encode_error,
    encode_request,
    encode_response,
)
from openai_claude_bridge.anthropic.models.config import Effort, RequestServiceTier
from openai_claude_bridge.anthropic.models.errors import ErrorType
from openai_claude_bridge.anthropic.models.response import ServiceTier, StopReason
from openai_claude_bridge.anthropic.reasoning_carrier import encode_carrier
from openai_claude_bridge.options import Effort as IrEffort
from openai_claude_bridge.options import Options, ReasoningPolicy
from openai_claude_bridge.testing.strategies import wire_payloads
from openai_claude_bridge.wire import from_wire, to_wire
from tests.support.oracle import assert_sdk_strict
from tests.support.roundtrip import all_fixture_payloads, assert_json_identical
from tests.support.sdk_types import ANTHROPIC_REQUEST

FMT = "anthropic"
#: The SDK's request types plus exactly the sampling keys it dropped (a documented dialect).
REQUEST_SDK = ANTHROPIC_REQUEST


def assert_sdk_request(out: dict[str, Any]) -> None:
    assert_sdk_strict(out, *REQUEST_SDK)


def collecting(**kwargs: Any) -> tuple[Options, list[Loss]]:
    losses: list[Loss] = []
    return Options(on_loss=losses.append, id_factory=lambda p: p + "test", **kwargs), losses


def request_round_trip(payload: Any) -> None:
    options, losses = collecting()
    out = encode_request(decode_request(from_wire(MessageCreateParams, payload)), options)
    assert_json_identical(to_wire(out), payload)
    assert losses == []


def response_round_trip(payload: Any) -> None:
    options, losses = collecting()
    out = encode_response(decode_response(from_wire(Message, payload)), options)
    assert_json_identical(to_wire(out), payload)
    assert losses == []


def error_round_trip(payload: Any, status: int | None = None) -> int:
    options, losses = collecting()
    code, body = encode_error(
        decode_error(from_wire(ErrorResponse, payload), status=status), options
    )
    assert_json_identical(to_wire(body), payload)
    assert losses == []
    return code


def pairs(losses: list[Loss]) -> list[tuple[str, str]]:
    return [(loss.path, loss.feature) for loss in losses]


# --------------------------------------------------------------------------- exact round trips


@pytest.mark.parametrize("payload", all_fixture_payloads(FMT, "MessageCreateParams"))
def test_request_fixtures_round_trip_exactly(payload: Any) -> None:
    request_round_trip(payload)


@pytest.mark.parametrize("payload", all_fixture_payloads(FMT, "MessageParam"))
def test_message_fixtures_round_trip_exactly(payload: Any) -> None:
    request_round_trip({"model": "m", "max_tokens": 1, "messages": [payload]})
    request_round_trip(
        {"model": "m", "max_tokens": 1, "messages": [{"role": "user", "content": "x"}, payload]}
    )


@pytest.mark.parametrize("payload", all_fixture_payloads(FMT, "ContentBlockParam"))
def test_content_block_fixtures_round_trip_exactly(payload: Any) -> None:
    request_round_trip(
        {"model": "m", "max_tokens": 1, "messages": [{"role": "user", "content": [payload]}]}
    )


@pytest.mark.parametrize("payload", all_fixture_payloads(FMT, "Message"))
def test_response_fixtures_round_trip_exactly(payload: Any) -> None:
    response_round_trip(payload)


@pytest.mark.parametrize("payload", all_fixture_payloads(FMT, "ContentBlock"))
def test_response_block_fixtures_round_trip_exactly(payload: Any) -> None:
    response_round_trip(
        {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "model": "m",
            "content": [payload],
            "usage": {"input_tokens": 1, "output_tokens": 1},
        }
    )


@pytest.mark.parametrize("payload", all_fixture_payloads(FMT, "ErrorResponse"))
def test_error_fixtures_round_trip_exactly(payload: Any) -> None:
    error_round_trip(payload)


@given(wire_payloads(MessageCreateParams))
def test_any_request_round_trips_exactly(payload: Any) -> None:
    request_round_trip(payload)


@given(wire_payloads(Message))
def test_any_response_round_trips_exactly(payload: Any) -> None:
    response_round_trip(payload)


@given(wire_payloads(ErrorResponse))
def test_any_error_round_trips_exactly(payload: Any) -> None:
    error_round_trip(payload)


# --------------------------------------------------------------------------- ir of other formats


def neutral(value: Any) -> Any:
    """``value`` without any format's extras and echoes, as another format's decoder would
    build it."""
    if isinstance(value, ir.Node):
        changes = {
            f.name: neutral(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in ir.NODE_FIELDS
        }
        return dataclasses.replace(
            value,
            extra=ir.EMPTY_EXTRA,
            echo=ir.EMPTY_EXTRA,
            field_paths=ir.EMPTY_PATHS,
            **changes,
        )
    if isinstance(value, tuple):
        return tuple(neutral(item) for item in value)
    return value


@pytest.mark.parametrize("strict", [False, True])
@given(payload=wire_payloads(MessageCreateParams))
def test_neutral_requests_encode_or_raise_bridge_errors(strict: bool, payload: Any) -> None:
    stripped = neutral(decode_request(from_wire(MessageCreateParams, payload)))
    with contextlib.suppress(BridgeError):
        encode_request(stripped, Options(strict=strict))


@pytest.mark.parametrize("strict", [False, True])
@given(payload=wire_payloads(Message))
def test_neutral_responses_encode_or_raise_bridge_errors(strict: bool, payload: Any) -> None:
    stripped = neutral(decode_response(from_wire(Message, payload)))
    with contextlib.suppress(BridgeError):
        encode_response(stripped, Options(strict=strict))


@given(payload=wire_payloads(ErrorResponse))
def test_neutral_errors_encode(payload: Any) -> None:
    stripped = neutral(decode_error(from_wire(ErrorResponse, payload)))
    status, body = encode_error(stripped, Options())
    assert status in tables.ERROR_TYPE_STATUS.values()
    assert body.error.type in typing.get_args(ErrorType)


# --------------------------------------------------------------------------- requests


SCHEMA = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg"
)


def text(value: str, **kwargs: Any) -> ir.TextPart:
    return ir.TextPart(text=value, **kwargs)


def chat_like_request(**changes: Any) -> ir.Request:
    """A request as the chat decoder would make it: system first, tool messages, images."""
    req = ir.Request(
        model="gpt-5",
        messages=(
            ir.Message(
                role="system", parts=(text("Be brief."),), text_form=True, path="messages[0]"
            ),
            ir.Message(
                role="user",
                path="messages[1]",
                parts=(
                    text("Look:"),
                    ir.ImagePart(
                        source=ir.MediaSource(kind="url", url=f"data:image/png;base64,{PNG}"),
                        detail="high",
                        path="messages[1].content[1]",
                    ),
                    ir.ImagePart(source=ir.MediaSource(kind="url", url="https://x.test/a.png")),
                    ir.DocumentPart(
                        source=ir.MediaSource(
                            kind="base64",
                            media_type="application/pdf",
                            data="JVBERi0=",
                            filename="a.pdf",
                            path="messages[1].content[3].file",
                        ),
                    ),
                    ir.DocumentPart(source=ir.MediaSource(kind="file", file_id="file_1")),
                    ir.AudioPart(data="UklGRg==", format="wav", path="messages[1].content[5]"),
                ),
            ),
            ir.Message(
                role="assistant",
                path="messages[2]",
                parts=(
                    ir.ReasoningPart(text="Weather first.", signature="sig_1"),
                    ir.ReasoningPart(text="unsigned", path="messages[2].reasoning_content"),
                    text("Checking."),
                    ir.ToolCallPart(
                        call_id="call_1", name="get_weather", arguments='{"city":"Paris"}'
                    ),
                    ir.ToolCallPart(call_id="call_2", name="get_time", arguments=""),
                ),
            ),
            ir.Message(
                role="tool",
                path="messages[3]",
                parts=(
                    ir.ToolResultPart(call_id="call_1", content=(text("18 °C"),), text_form=True),
                ),
            ),
            ir.Message(
                role="tool",
                path="messages[4]",
                parts=(
                    ir.ToolResultPart(
                        call_id="call_2",
                        content=(
                            text("noon"),
                            ir.ImagePart(
                                source=ir.MediaSource(
                                    kind="base64", media_type="image/png", data=PNG
                                )
                            ),
                        ),
                        is_error=True,
                    ),
                ),
            ),
            ir.Message(role="user", parts=(text("Thanks"),), text_form=True, path="messages[5]"),
            ir.Message(role="developer", parts=(text("Answer in French."),), text_form=True),
        ),
        tools=(
            ir.Tool(
                kind="function",
                name="get_weather",
                description="Weather",
                parameters=SCHEMA,
                strict=True,
            ),
            ir.Tool(kind="function", name="get_time"),
            ir.Tool(kind="custom", name="sql", path="tools[2]"),
        ),
        tool_choice=ir.ToolChoice(mode="required"),
        parallel_tool_calls=False,
        temperature=0.5,
        top_p=1,
        stop=("END",),
        stop_text_form=True,
        seed=7,
        n=1,
        reasoning=ir.ReasoningConfig(effort="high", path="reasoning_effort"),
        output_format=ir.OutputFormat(
            kind="json_schema", name="answer", schema=SCHEMA, strict=True
        ),
        user="user-1",
        stream=True,
        include_usage=True,
    )
    return dataclasses.replace(req, **changes)


def test_foreign_request_maps_to_valid_anthropic() -> None:
    options, losses = collecting()
    out = to_wire(encode_request(chat_like_request(), options))
    assert_sdk_request(out)
    assert out["system"] == "Be brief."
    # no output limit: effort "high"'s whole budget (16384) plus room for the answer
    assert out["max_tokens"] == 16384 + DEFAULT_MAX_TOKENS
    # the tool results and the user's next message are one user turn
    user, assistant, results, late_system = out["messages"]
    assert user == {
        "role": "user",
        "content": [
            {"type": "text", "text": "Look:"},
            {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG}},
            {"type": "image", "source": {"type": "url", "url": "https://x.test/a.png"}},
            {
                "type": "document",
                "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0="},
            },
            {"type": "document", "source": {"type": "file", "file_id": "file_1"}},
        ],
    }
    assert assistant["content"] == [
        {"type": "thinking", "thinking": "Weather first.", "signature": "sig_1"},
        {"type": "text", "text": "Checking."},
        {"type": "tool_use", "id": "call_1", "name": "get_weather", "input": {"city": "Paris"}},
        {"type": "tool_use", "id": "call_2", "name": "get_time", "input": {}},
    ]
    assert results == {
        "role": "user",
        "content": [
            {"type": "tool_result", "tool_use_id": "call_1", "content": "18 °C"},
            {
                "type": "tool_result",
                "tool_use_id": "call_2",
                "content": [
                    {"type": "text", "text": "noon"},
                    {
                        "type": "image",
                        "source": {"type": "base64", "media_type": "image/png", "data": PNG},
                    },
                ],
                "is_error": True,
            },
            {"type": "text", "text": "Thanks"},
        ],
    }
    assert late_system == {"role": "system", "content": "Answer in French."}
    assert out["tools"] == [
        {"name": "get_weather", "description": "Weather", "input_schema": SCHEMA, "strict": True},
        {"name": "get_time", "input_schema": {"type": "object", "properties": {}}},
        {  # the function standing in for the custom tool (no format: nothing lost)
            "name": "sql",
            "input_schema": {
                "type": "object",
                "properties": {
                    "input": {"type": "string", "description": "The tool's input: free-form text."}
                },
                "required": ["input"],
                "additionalProperties": False,
            },
        },
    ]
    assert out["tool_choice"] == {"type": "any", "disable_parallel_tool_use": True}
    assert "thinking" not in out  # anthropic cannot think while a tool call is forced
    assert out["output_config"] == {"format": {"type": "json_schema", "schema": SCHEMA}}
    assert out["metadata"] == {"user_id": "user-1"}
    assert out["stop_sequences"] == ["END"]
    assert out["stream"] is True
    assert (out["temperature"], out["top_p"]) == (0.5, 1)  # a dialect the API still takes
    assert pairs(losses) == [
        ("max_tokens", "max_tokens"),
        ("messages[1].content[1].detail", "detail"),
        ("messages[1].content[3].file.filename", "filename"),
        ("messages[1].content[5]", "audio"),
        ("messages[2].reasoning_content", "reasoning"),
        ("reasoning_effort", "reasoning"),
        ("seed", "seed"),
    ]
    with pytest.raises(UnsupportedFeatureError) as raised:
        encode_request(chat_like_request(), Options(strict=True))
    assert (raised.value.path, raised.value.feature) == ("max_tokens", "max_tokens")


def test_request_without_losses_passes_strict_mode() -> None:
    req = chat_like_request(
        max_tokens=20000,
        temperature=None,
        top_p=None,
        seed=None,
        tools=None,
        tool_choice=None,
        messages=(ir.Message(role="user", parts=(text("hi"),), text_form=True),),
    )
    out = to_wire(encode_request(req, Options(strict=True)))
    assert_sdk_request(out)
    assert out["thinking"] == {"type": "enabled", "budget_tokens": 16384}
    assert out["tool_choice"] == {"type": "auto", "disable_parallel_tool_use": True}
    assert "system" not in out


def test_effort_budget_below_max_tokens_drops_sampling_refused_while_thinking() -> None:
    req = chat_like_request(
        tools=None,
        tool_choice=None,
        seed=None,
        temperature=0.5,
        top_p=0.9,
        top_k=5,
        messages=(ir.Message(role="user", parts=(text("hi"),), text_form=True),),
    )
    options, losses = collecting()
    out = to_wire(encode_request(req, options))
    assert_sdk_request(out)
    # effort "high" is 16384 by the policy; without an output limit it keeps its full size
    assert out["thinking"] == {"type": "enabled", "budget_tokens": 16384}
    assert not {"temperature", "top_p", "top_k"} & set(out)
    assert pairs(losses) == [
        ("max_tokens", "max_tokens"),
        ("temperature", "temperature"),
        ("top_p", "top_p"),
        ("top_k", "top_k"),
    ]
    assert [loss.reason for loss in losses[1:]] == [
        "anthropic takes no temperature other than 1 while thinking; it was left out",
        "anthropic takes no top_p below 0.95 while thinking; it was left out",
        "anthropic takes no top_k while thinking; it was left out",
    ]


def test_foreign_sampling_is_written_as_set() -> None:
    """temperature / top_p / top_k of another format reach anthropic (a dialect of its request
    the API still takes), unreported; a value the ir does not hold is never added."""
    base = chat_like_request(
        tools=None,
        tool_choice=None,
        seed=None,
        reasoning=None,
        max_tokens=100,
        messages=(ir.Message(role="user", parts=(text("hi"),), text_form=True),),
    )
    for values in ({"temperature": 0.2, "top_p": 0.8, "top_k": 40}, {"temperature": 0}, {}):
        sampling = {"temperature": None, "top_p": None, "top_k": None, **values}
        out = to_wire(encode_request(dataclasses.replace(base, **sampling), Options(strict=True)))
        assert_sdk_request(out)
        assert {k: out[k] for k in ("temperature", "top_p", "top_k") if k in out} == values


def test_sampling_the_api_takes_while_thinking_is_kept() -> None:
    req = chat_like_request(
        tools=None,
        tool_choice=None,
        seed=None,
        max_tokens=20000,
        temperature=1,
        top_p=0.95,
        messages=(ir.Message(role="user", parts=(text("hi"),), text_form=True),),
    )
    out = to_wire(encode_request(req, Options(strict=True)))
    assert_sdk_request(out)
    assert out["thinking"]["type"] == "enabled"
    assert (out["temperature"], out["top_p"]) == (1, 0.95)


def test_temperature_above_anthropic_range_is_capped_and_reported() -> None:
    req = chat_like_request(
        tools=None,
        tool_choice=None,
        seed=None,
        reasoning=None,
        max_tokens=100,
        temperature=1.6,
        top_p=None,
        messages=(ir.Message(role="user", parts=(text("hi"),), text_form=True),),
    )
    options, losses = collecting()
    out = to_wire(encode_request(req, options))
    assert_sdk_request(out)
    assert out["temperature"] == 1
    assert pairs(losses) == [("temperature", "temperature")]
    assert losses[0].reason == "anthropic's temperature goes up to 1; 1.6 became 1"


def test_own_sampling_comes_back_exactly_even_while_thinking() -> None:
    """The client's own anthropic request is its own business: nothing is checked or dropped."""
    request_round_trip(
        {
            "model": "m",
            "max_tokens": 20000,
            "messages": [{"role": "user", "content": "hi"}],
            "thinking": {"type": "enabled", "budget_tokens": 2048},
            "temperature": 0.3,
            "top_p": 0.5,
            "top_k": 7,
        }
    )


def test_leading_system_messages_join_the_instructions() -> None:
    req = ir.Request(
        model="m",
        max_tokens=100,
        instructions=(text("Top."),),
        instructions_text_form=True,
        messages=(
            ir.Message(role="developer", parts=(text("Dev."),), text_form=True),
            ir.Message(role="user", parts=(text("Hi"),)),
        ),
    )
    out = to_wire(encode_request(req, Options(strict=True)))
    assert out["system"] == [{"type": "text", "text": "Top."}, {"type": "text", "text": "Dev."}]
    assert out["messages"] == [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]


def test_anthropic_system_messages_stay_in_the_conversation() -> None:
    payload = {
        "model": "m",
        "max_tokens": 10,
        "messages": [{"role": "system", "content": "a"}, {"role": "user", "content": "b"}],
    }
    request_round_trip(payload)
    request_round_trip({**payload, "system": "top"})
    # the marker that keeps them there names no field: other formats have nothing to report
    options, losses = collecting()
    for message in decode_request(from_wire(MessageCreateParams, payload)).messages:
        report_foreign_extra(message, "chat", options)
    assert losses == []


@pytest.mark.parametrize(
    ("config", "max_tokens", "thinking", "effort"),
    [
        (ir.ReasoningConfig(effort="none"), 2000, {"type": "disabled"}, None),
        (
            ir.ReasoningConfig(effort="minimal"),
            8000,
            {"type": "enabled", "budget_tokens": 1024},
            None,
        ),
        (
            ir.ReasoningConfig(budget_tokens=50000),
            8000,
            {"type": "enabled", "budget_tokens": 6976},
            None,
        ),
        (ir.ReasoningConfig(enabled=True), 32000, {"type": "enabled", "budget_tokens": 8192}, None),
        (
            ir.ReasoningConfig(adaptive=True, enabled=True, effort="max"),
            100,
            {"type": "adaptive"},
            "max",
        ),
        (
            ir.ReasoningConfig(enabled=True, budget_tokens=2048, effort="low"),
            4000,
            {"type": "enabled", "budget_tokens": 2048},
            "low",
        ),
        (ir.ReasoningConfig(enabled=False, effort="none"), 100, {"type": "disabled"}, None),
    ],
)
def test_reasoning_config_maps_to_thinking_and_effort(
    config: ir.ReasoningConfig, max_tokens: int, thinking: Any, effort: Any
) -> None:
    req = ir.Request(model="m", max_tokens=max_tokens, reasoning=config)
    out = to_wire(encode_request(req, Options(strict=True)))
    assert_sdk_request(out)
    assert out["thinking"] == thinking
    assert out.get("output_config", {}).get("effort") == effort


def test_reasoning_policy_is_used_and_no_room_drops_thinking() -> None:
    policy = ReasoningPolicy(effort_budgets={"low": 3000, "high": 5000})
    req = ir.Request(model="m", max_tokens=10000, reasoning=ir.ReasoningConfig(effort="medium"))
    out = to_wire(encode_request(req, Options(reasoning_policy=policy)))
    assert out["thinking"] == {"type": "enabled", "budget_tokens": 3000}
    options, losses = collecting()
    small = dataclasses.replace(
        req, max_tokens=1024, reasoning=ir.ReasoningConfig(effort="high", path="reasoning")
    )
    assert "thinking" not in to_wire(encode_request(small, options))
    assert pairs(losses) == [("reasoning", "reasoning")]


def test_unsupported_request_fields_are_reported() -> None:
    req = ir.Request(
        model="m",
        max_tokens=10,
        path="",
        n=2,
        logprobs=True,
        top_logprobs=3,
        frequency_penalty=0.1,
        presence_penalty=0.2,
        logit_bias={"1": 2},
        metadata={"k": "v"},
        prompt_cache_key="key",
        store=True,
        safety_identifier="safe",
        user="u",
        service_tier="flex",
        reasoning=ir.ReasoningConfig(
            enabled=True, budget_tokens=2000, effort="minimal", summary="auto", path="reasoning"
        ),
        tool_choice=ir.ToolChoice(mode="allowed", allowed=("a",), path="tool_choice"),
        output_format=ir.OutputFormat(kind="json_object", path="response_format"),
    )
    options, losses = collecting()
    out = to_wire(encode_request(req, options))
    assert_sdk_request(out)
    assert out["metadata"] == {"user_id": "u"}
    assert out["tool_choice"] == {"type": "auto"}
    assert "service_tier" not in out and "output_config" not in out
    assert sorted(pairs(losses)) == sorted(
        [
            ("tool_choice", "tool_choice.allowed_tools"),
            ("reasoning.summary", "reasoning.summary"),
            ("reasoning.effort", "reasoning.effort"),
            ("response_format", "response_format"),
            ("safety_identifier", "safety_identifier"),
            ("service_tier", "service_tier"),
            ("frequency_penalty", "frequency_penalty"),
            ("presence_penalty", "presence_penalty"),
            ("logit_bias", "logit_bias"),
            ("top_logprobs", "top_logprobs"),
            ("prompt_cache_key", "prompt_cache_key"),
            ("metadata", "metadata"),
            ("n", "n"),
            ("logprobs", "logprobs"),
            ("store", "store"),
        ]
    )


def test_service_tier_and_named_tool_choice() -> None:
    req = ir.Request(
        model="m",
        max_tokens=10,
        service_tier="default",
        tool_choice=ir.ToolChoice(mode="tool", name="get_weather"),
        parallel_tool_calls=True,
        safety_identifier="s-1",
        tools=(ir.Tool(kind="function", name="get_weather", parameters=SCHEMA),),
    )
    out = to_wire(encode_request(req, Options(strict=True)))
    assert_sdk_request(out)
    assert out["service_tier"] == "standard_only"
    assert out["tool_choice"] == {
        "type": "tool",
        "name": "get_weather",
        "disable_parallel_tool_use": False,
    }
    assert out["metadata"] == {"user_id": "s-1"}


def test_foreign_native_parts_tools_and_extras_are_lost() -> None:
    req = ir.Request(
        model="m",
        max_tokens=10,
        extra={"chat": {"modalities": ["text"]}},
        tools=(
            ir.Tool(
                kind="native", name="web_search", native={"type": "web_search"}, path="tools[0]"
            ),
        ),
        messages=(
            ir.Message(
                role="user",
                name="alice",
                path="messages[0]",
                parts=(
                    ir.NativePart(format="responses", kind="mcp_call", data={}, path="input[0]"),
                    text("hi", cache=ir.CacheHint(ttl="24h", path="c"), logprobs=()),
                ),
            ),
        ),
    )
    options, losses = collecting()
    out = to_wire(encode_request(req, options))
    assert_sdk_request(out)
    assert out["messages"][0]["content"] == [
        {"type": "text", "text": "hi", "cache_control": {"type": "ephemeral"}}
    ]
    assert out["tools"] == []
    assert pairs(losses) == [
        ("modalities", "modalities"),
        ("messages[0].name", "name"),
        ("input[0]", "mcp_call"),
        ("c.ttl", "cache_control.ttl"),
        ("logprobs", "logprobs"),
        ("tools[0]", "native_tool"),
    ]


def test_citations_map_where_anthropic_has_them() -> None:
    cited = text(
        "Sunny.",
        citations=(
            ir.Citation(
                kind="web_search_result_location",
                cited_text="Sunny",
                url="https://w.test",
                encrypted_index="Eo8",
            ),
            ir.Citation(kind="url", url="https://x.test", title="X", start=0, end=5, path="c[1]"),
            ir.Citation(kind="char_location", cited_text="S", document_index=0, start=0, end=1),
            ir.Citation(kind="file", file_id="file_1", path="c[3]"),
        ),
    )
    req = ir.Request(
        model="m", max_tokens=10, messages=(ir.Message(role="assistant", parts=(cited,)),)
    )
    options, losses = collecting()
    out = to_wire(encode_request(req, options))
    assert_sdk_request(out)
    assert out["messages"][0]["content"][0]["citations"] == [
        {
            "type": "web_search_result_location",
            "cited_text": "Sunny",
            "url": "https://w.test",
            "encrypted_index": "Eo8",
        },
        {
            "type": "char_location",
            "cited_text": "S",
            "document_index": 0,
            "start_char_index": 0,
            "end_char_index": 1,
        },
    ]
    assert pairs(losses) == [("c[1]", "citation"), ("c[3]", "citation")]


def test_tool_arguments_that_are_not_a_json_object_are_invalid_input() -> None:
    for arguments in ("[1, 2]", "{not json", '"text"'):
        call = ir.ToolCallPart(
            call_id="c", name="f", arguments=arguments, path="messages[0].tool_calls[0]"
        )
        req = ir.Request(
            model="m", max_tokens=1, messages=(ir.Message(role="assistant", parts=(call,)),)
        )
        with pytest.raises(InvalidInputError) as raised:
            encode_request(req, Options())
        assert raised.value.path == "messages[0].tool_calls[0].arguments"


# --------------------------------------------------------------------------- responses


def chat_like_response(**changes: Any) -> ir.Response:
    response = ir.Response(
        id=None,
        model="gpt-5",
        created=1700000000,
        candidates=(
            ir.Candidate(
                parts=(
                    ir.ReasoningPart(text="Think.", signature="sig_1"),
                    ir.ReasoningPart(redacted_data="EmwK"),
                    text("Let me check."),
                    ir.ToolCallPart(
                        call_id="call_1", name="get_weather", arguments='{"city":"Paris"}'
                    ),
                ),
                stop_reason="end_turn",
                raw_stop_reason="stop",
            ),
        ),
        usage=ir.Usage(
            input_tokens=2006,
            output_tokens=50,
            cache_read_tokens=1920,
            reasoning_tokens=10,
            total_tokens=2056,
            service_tier="default",
        ),
    )
    return dataclasses.replace(response, **changes)


def test_foreign_response_maps_to_valid_anthropic() -> None:
    out = to_wire(
        encode_response(chat_like_response(), Options(strict=True, id_factory=lambda p: p + "1"))
    )
    assert_sdk_strict(out, sdk.Message)
    assert out == {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "gpt-5",
        "content": [
            {"type": "thinking", "thinking": "Think.", "signature": "sig_1"},
            {"type": "redacted_thinking", "data": "EmwK"},
            {"type": "text", "text": "Let me check."},
            {"type": "tool_use", "id": "call_1", "name": "get_weather", "input": {"city": "Paris"}},
        ],
        "stop_reason": "tool_use",
        "usage": {
            "input_tokens": 86,
            "cache_read_input_tokens": 1920,
            "output_tokens": 50,
            "output_tokens_details": {"thinking_tokens": 10},
            "service_tier": "standard",
        },
    }


@pytest.mark.parametrize(
    ("candidate", "stop_reason", "stop_sequence"),
    [
        (
            ir.Candidate(parts=(text("a"),), stop_reason="max_tokens", raw_stop_reason="length"),
            "max_tokens",
            None,
        ),
        (
            ir.Candidate(parts=(text("a"),), stop_reason="stop_sequence", stop_sequence="END"),
            "stop_sequence",
            "END",
        ),
        (
            ir.Candidate(parts=(ir.RefusalPart(text="No."),), stop_reason="end_turn"),
            "refusal",
            None,
        ),
        (
            ir.Candidate(
                parts=(text("a"),), stop_reason="refusal", raw_stop_reason="content_filter"
            ),
            "refusal",
            None,
        ),
        (
            ir.Candidate(parts=(text("a"),), stop_reason="context_window_exceeded"),
            "model_context_window_exceeded",
            None,
        ),
        (ir.Candidate(parts=(text("a"),), stop_reason="pause_turn"), "pause_turn", None),
        (ir.Candidate(parts=(text("a"),)), None, None),
    ],
)
def test_response_stop_reasons(
    candidate: ir.Candidate, stop_reason: Any, stop_sequence: Any
) -> None:
    response = ir.Response(
        id="r", model="m", candidates=(candidate,), usage=ir.Usage(input_tokens=1, output_tokens=2)
    )
    out = to_wire(encode_response(response, Options(strict=True)))
    assert_sdk_strict(out, sdk.Message)
    assert out.get("stop_reason") == stop_reason
    assert out.get("stop_sequence") == stop_sequence


def test_response_losses() -> None:
    reasoning = ir.ReasoningPart(summary=("s",), path="output[0]")
    response = ir.Response(
        id="r",
        model="m",
        error_message="boom",
        candidates=(
            ir.Candidate(
                index=0,
                path="choices[0]",
                stop_reason="error",
                parts=(
                    reasoning,
                    ir.ImagePart(source=ir.MediaSource(kind="url", url="u"), path="output[1]"),
                    text("hi", cache=ir.CacheHint(), path="output[2]"),
                    ir.ToolCallPart(
                        call_id="c", name="shell", arguments="ls", kind="custom", path="output[3]"
                    ),
                ),
            ),
            ir.Candidate(index=1, path="choices[1]", parts=(text("other"),)),
        ),
        usage=ir.Usage(output_tokens=5, web_search_requests=2, service_tier="flex", path="usage"),
    )
    options, losses = collecting()
    out = to_wire(encode_response(response, options))
    assert_sdk_strict(out, sdk.Message)
    # unsigned reasoning is shown, signed with the bridge's carrier (not a loss)
    thinking = {"type": "thinking", "thinking": "s", "signature": encode_carrier(reasoning)}
    assert out["content"] == [
        thinking,
        {"type": "text", "text": "hi"},
        # a custom call is a call of its function stand-in (see _custom_tools)
        {"type": "tool_use", "id": "c", "name": "shell", "input": {"input": "ls"}},
    ]
    assert out["usage"] == {"input_tokens": 0, "output_tokens": 5}
    assert "stop_reason" not in out
    assert pairs(losses) == [
        ("choices[1]", "n"),
        ("error", "error"),
        ("output[1]", "image"),
        ("output[2].cache_control", "cache_control"),
        ("usage.web_search_requests", "server_tool_use"),
        ("usage.service_tier", "service_tier"),
        ("choices[0].stop_reason", "stop_reason"),
    ]
    with pytest.raises(UnsupportedFeatureError):
        encode_response(response, Options(strict=True))


def test_missing_usage_is_sent_as_zeros_and_not_reported() -> None:
    options, losses = collecting()
    out = to_wire(encode_response(ir.Response(id="r", model="m"), options))
    assert_sdk_strict(out, sdk.Message)
    assert out["usage"] == {"input_tokens": 0, "output_tokens": 0}
    assert out["content"] == []
    assert losses == []  # counts the Message type requires but the source never gave


def test_decoded_usage_includes_cached_tokens() -> None:
    payload = all_fixture_payloads(FMT, "Message")
    message = next(p for p in payload if p["usage"].get("server_tool_use"))
    usage = decode_response(from_wire(Message, message)).usage
    assert usage is not None
    assert usage.input_tokens == 86 + 1920 + 1024
    assert (usage.cache_read_tokens, usage.cache_write_tokens) == (1920, 1024)
    assert (usage.reasoning_tokens, usage.web_search_requests, usage.service_tier) == (
        300,
        2,
        "default",
    )
    # speed and region restate the request: echoed back to anthropic, never reported elsewhere
    assert dict(usage.echo[FMT]) == {"speed": "standard", "inference_geo": "global"}
    options, losses = collecting()
    report_foreign_extra(usage, "chat", options)
    assert pairs(losses) == [
        ("usage.cache_creation", "cache_creation"),
        ("usage.server_tool_use", "server_tool_use"),
    ]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("kind", typing.get_args(ir.ErrorKind))
def test_every_error_kind_encodes(kind: ir.ErrorKind) -> None:
    status, body = encode_error(ir.ApiError(kind=kind, message="m"), Options(strict=True))
    wire = to_wire(body)
    # a context overflow says so as anthropic does, before the original message
    message = "prompt is too long: m" if kind == "context_length_exceeded" else "m"
    assert wire == {
        "type": "error",
        "error": {"type": tables.ERROR_KIND_TO_TYPE[kind], "message": message},
    }
    assert status == tables.ERROR_KIND_STATUS[kind]
    if kind != "request_too_large":  # the SDK's union lacks the type the API sends with 413
        assert_sdk_strict(wire, sdk_shared.ErrorResponse)


def test_error_statuses_follow_anthropic() -> None:
    assert dict(tables.ERROR_TYPE_STATUS) | {} == {
        "invalid_request_error": 400,
        "authentication_error": 401,
        "billing_error": 402,
        "permission_error": 403,
        "not_found_error": 404,
        "request_too_large": 413,
        "rate_limit_error": 429,
        "api_error": 500,
        "timeout_error": 504,
        "overloaded_error": 529,
        "memory_precondition_failed_error": 412,
        "memory_path_conflict_error": 409,
        "conflict_error": 409,
    }
    overloaded = ir.ApiError(kind="overloaded", message="busy", status=503, raw_type="server_error")
    assert encode_error(overloaded, Options())[0] == 529
    err = ir.ApiError(
        kind="rate_limit", message="slow", param="x", code="rate_limit_exceeded", request_id="req_1"
    )
    options, losses = collecting()
    status, body = encode_error(err, options)
    assert status == 429
    assert to_wire(body) == {
        "type": "error",
        "error": {"type": "rate_limit_error", "message": "slow"},
        "request_id": "req_1",
    }
    assert pairs(losses) == [("param", "error.param"), ("code", "error.code")]


def test_decode_error_with_status() -> None:
    body = {
        "type": "error",
        "error": {"type": "overloaded_error", "message": "Overloaded"},
        "request_id": "req_1",
    }
    err = decode_error(from_wire(ErrorResponse, body), status=529)
    assert (err.kind, err.status, err.message, err.request_id) == (
        "overloaded",
        529,
        "Overloaded",
        "req_1",
    )
    assert error_round_trip(body, status=529) == 529
    unknown = {"type": "error", "error": {"type": "quota_error", "message": "later"}}
    err = decode_error(from_wire(ErrorResponse, unknown), status=429)
    assert (err.kind, err.message, err.raw_type) == ("rate_limit", "later", "quota_error")
    assert error_round_trip(unknown, status=429) == 429


# --------------------------------------------------------------------------- tables


def test_tables_cover_their_literals() -> None:
    assert set(tables.STOP_REASON_TO_IR) == set(typing.get_args(StopReason))
    assert set(tables.STOP_REASON_FROM_IR) == set(typing.get_args(ir.StopReason))
    assert set(tables.ERROR_TYPE_TO_KIND) == set(typing.get_args(ErrorType))
    assert set(tables.ERROR_TYPE_STATUS) == set(typing.get_args(ErrorType))
    assert set(tables.ERROR_KIND_TO_TYPE) == set(typing.get_args(ir.ErrorKind))
    assert set(tables.ERROR_KIND_STATUS) == set(typing.get_args(ir.ErrorKind))
    assert set(tables.EFFORT_FROM_IR) == set(typing.get_args(IrEffort))
    assert set(tables.REQUEST_SERVICE_TIER_TO_IR) == set(typing.get_args(RequestServiceTier))
    assert set(tables.REQUEST_SERVICE_TIER_FROM_IR) == set(typing.get_args(tables.IrServiceTier))
    assert set(tables.RESPONSE_SERVICE_TIER_TO_IR) == set(typing.get_args(ServiceTier))
    assert set(tables.RESPONSE_SERVICE_TIER_FROM_IR) == set(typing.get_args(tables.IrServiceTier))
    assert set(tables.TOOL_CHOICE_TO_IR) == set(typing.get_args(tables.ToolChoiceType))
    assert set(tables.TOOL_CHOICE_FROM_IR) == set(typing.get_args(tables.IrToolChoiceMode))
    assert set(tables.CITATION_FIELDS) == set(typing.get_args(tables.CitationType))


def test_tables_are_inverse_where_they_go_both_ways() -> None:
    for ir_reason, wire in tables.STOP_REASON_FROM_IR.items():
        assert wire is None or tables.STOP_REASON_TO_IR[wire] == ir_reason
    for kind, wire_type in tables.ERROR_KIND_TO_TYPE.items():
        if kind == "context_length_exceeded":  # an invalid_request_error: its message says it
            assert wire_type == "invalid_request_error"
            continue
        assert tables.ERROR_TYPE_TO_KIND[wire_type] == kind
        assert tables.STATUS_TO_ERROR_KIND[tables.ERROR_KIND_STATUS[kind]] == kind
    assert set(typing.get_args(Effort)) == {e for e in tables.EFFORT_FROM_IR.values() if e}
    for tier, wire_tier in tables.REQUEST_SERVICE_TIER_TO_IR.items():
        assert tables.REQUEST_SERVICE_TIER_FROM_IR[wire_tier] == tier
    for tier, wire_tier in tables.RESPONSE_SERVICE_TIER_TO_IR.items():
        assert tables.RESPONSE_SERVICE_TIER_FROM_IR[wire_tier] == tier
    for mode, wire_mode in tables.TOOL_CHOICE_TO_IR.items():
        assert tables.TOOL_CHOICE_FROM_IR[wire_mode] == mode


def test_citation_fields_exist_on_both_sides() -> None:
    from openai_claude_bridge.anthropic.encode import _CITATION_PARAMS, _CITATIONS

    attrs = {f.name for f in dataclasses.fields(ir.Citation)}
    for kind, fields in tables.CITATION_FIELDS.items():
        for cls in (_CITATION_PARAMS[kind], _CITATIONS[kind]):
            wire_fields = {f.alias or name for name, f in cls.model_fields.items()} - {"type"}
            assert set(fields) == wire_fields, (kind, cls)
        assert set(fields.values()) <= attrs


def test_foreign_documents_and_image_sources() -> None:
    hello = "aGVsbG8="  # base64 of "hello"
    parts = (
        ir.DocumentPart(source=ir.MediaSource(kind="base64", media_type="text/plain", data=hello)),
        ir.DocumentPart(
            source=ir.MediaSource(kind="text", data="plain"),
            title="T",
            context="C",
            citations_enabled=True,
        ),
        ir.DocumentPart(source=ir.MediaSource(kind="url", url="https://x.test/a.pdf")),
        ir.DocumentPart(
            source=ir.MediaSource(
                kind="content",
                parts=(text("a"), ir.ImagePart(source=ir.MediaSource(kind="file", file_id="f"))),
            )
        ),
        ir.DocumentPart(
            source=ir.MediaSource(kind="base64", media_type="application/msword", data="AA"),
            path="d",
        ),
        ir.ImagePart(
            source=ir.MediaSource(kind="base64", media_type="image/heic", data="AA"), path="i"
        ),
    )
    req = ir.Request(model="m", max_tokens=5, messages=(ir.Message(role="user", parts=parts),))
    options, losses = collecting(model="claude-x")
    out = to_wire(encode_request(req, options))
    assert_sdk_request(out)
    assert out["model"] == "claude-x"
    assert out["messages"][0]["content"] == [
        {
            "type": "document",
            "source": {"type": "text", "media_type": "text/plain", "data": "hello"},
        },
        {
            "type": "document",
            "source": {"type": "text", "media_type": "text/plain", "data": "plain"},
            "title": "T",
            "context": "C",
            "citations": {"enabled": True},
        },
        {"type": "document", "source": {"type": "url", "url": "https://x.test/a.pdf"}},
        {
            "type": "document",
            "source": {
                "type": "content",
                "content": [
                    {"type": "text", "text": "a"},
                    {"type": "image", "source": {"type": "file", "file_id": "f"}},
                ],
            },
        },
    ]
    assert pairs(losses) == [("d", "document"), ("i", "image")]


def test_model_option_overrides_the_response_model() -> None:
    out = encode_response(chat_like_response(), Options(model="claude-x"))
    assert out.model == "claude-x"


def test_empty_string_content_beside_tool_calls_is_dropped() -> None:
    call = ir.ToolCallPart(call_id="call_1", name="f", arguments="{}")
    message = ir.Message(role="assistant", parts=(text(""), call), text_form=True)
    req = ir.Request(model="m", max_tokens=5, messages=(message,))
    out = to_wire(encode_request(req, Options(strict=True)))
    assert out["messages"] == [
        {
            "role": "assistant",
            "content": [{"type": "tool_use", "id": "call_1", "name": "f", "input": {}}],
        }
    ]


def test_anthropic_effort_without_thinking_stays_an_effort() -> None:
    payload = {
        "model": "m",
        "max_tokens": 20000,
        "messages": [],
        "output_config": {"effort": "high"},
        "temperature": 0.2,
    }
    request_round_trip(payload)
    decoded = decode_request(from_wire(MessageCreateParams, payload))
    assert decoded.reasoning is not None and decoded.reasoning.effort == "high"
    assert decoded.temperature == 0.2
    # the same ir from another format: the effort is a thinking budget, and anthropic takes no
    # temperature other than 1 while thinking
    options, losses = collecting()
    out = to_wire(encode_request(neutral(decoded), options))
    assert_sdk_request(out)
    assert out["thinking"] == {"type": "enabled", "budget_tokens": 16384}
    assert "output_config" not in out and "temperature" not in out
    assert pairs(losses) == [("temperature", "temperature")]


@pytest.mark.parametrize(
    ("parameters", "input_schema"),
    [
        ({}, {"type": "object"}),
        ({"properties": {}}, {"type": "object", "properties": {}}),
        (
            {"properties": {"city": {"type": "string"}}, "required": ["city"]},
            {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
        ),
        ({"type": "object"}, {"type": "object"}),
        ({"type": "array", "items": {}}, {"type": "array", "items": {}}),  # left as it is
    ],
)
@pytest.mark.parametrize("source", ["chat", "responses"])
def test_schema_without_top_level_type_becomes_an_object(
    source: str, parameters: dict[str, Any], input_schema: dict[str, Any]
) -> None:
    """Anthropic requires ``input_schema.type: "object"``; OpenAI accepts a schema without a
    top-level type, which means an object for function arguments: not a loss."""
    if source == "chat":
        tool: dict[str, Any] = {
            "type": "function",
            "function": {"name": "f", "parameters": parameters},
        }
        payload: dict[str, Any] = {"model": "m", "max_tokens": 9, "messages": [], "tools": [tool]}
    else:
        tool = {"type": "function", "name": "f", "parameters": parameters, "strict": False}
        payload = {"model": "m", "max_output_tokens": 9, "input": [], "tools": [tool]}
    losses: list[Loss] = []
    out = to_wire(convert_request(payload, source=source, target=FMT, on_loss=losses.append))
    assert_sdk_request(out)
    (written,) = out["tools"]
    assert_json_identical(written["input_schema"], input_schema)
    assert losses == []


def test_own_schema_without_type_comes_back_as_it_was() -> None:
    tool = {"name": "f", "input_schema": {"properties": {}}}
    request_round_trip({"model": "m", "max_tokens": 9, "messages": [], "tools": [tool]})


def test_foreign_empty_text_is_dropped_from_responses() -> None:
    call = ir.ToolCallPart(call_id="call_1", name="f", arguments="{}")
    candidate = ir.Candidate(parts=(text(""), call), stop_reason="tool_use")
    response = ir.Response(
        id="r", model="m", candidates=(candidate,), usage=ir.Usage(input_tokens=1, output_tokens=1)
    )
    out = to_wire(encode_response(response, Options(strict=True)))
    assert out["content"] == [{"type": "tool_use", "id": "call_1", "name": "f", "input": {}}]


def _answer(*parts: ir.Part, stop: ir.StopReason) -> ir.Response:
    candidate = ir.Candidate(index=0, parts=parts, stop_reason=stop, path="")
    return ir.Response(
        id="r",
        model="m",
        candidates=(candidate,),
        usage=ir.Usage(input_tokens=0, output_tokens=0, path=""),
    )


def test_an_empty_refusal_is_no_refusal() -> None:
    options, _ = collecting()
    out = to_wire(
        encode_response(_answer(text("hi"), ir.RefusalPart(text=""), stop="end_turn"), options)
    )
    assert (out["content"], out["stop_reason"]) == ([{"type": "text", "text": "hi"}], "end_turn")


def test_a_failed_answer_gets_no_stop_reason_from_what_it_emitted() -> None:
    """A failed answer's tool call or refusal did not end it: no tool_use / refusal is made up."""
    call = ir.ToolCallPart(call_id="c", name="f", arguments="{}")
    for part in (call, ir.RefusalPart(text="no")):
        options, losses = collecting()
        out = to_wire(encode_response(_answer(part, stop="error"), options))
        assert "stop_reason" not in out
        assert ("stop_reason", "stop_reason") in pairs(losses)


def test_tool_use_without_a_call_is_a_plain_stop() -> None:
    """The stop reason follows what was emitted: "stopped to call tools" with no tool call is
    end_turn (or refusal, when the answer refused)."""
    options, _ = collecting()
    out = to_wire(encode_response(_answer(text("hi"), stop="tool_use"), options))
    assert out["stop_reason"] == "end_turn"
    out = to_wire(encode_response(_answer(ir.RefusalPart(text="no"), stop="tool_use"), options))
    assert out["stop_reason"] == "refusal"
