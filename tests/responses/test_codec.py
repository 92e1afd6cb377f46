"""The Responses codec: decode (wire -> ir) and encode (ir -> wire) of requests, responses, errors.

* Every fixture payload goes ``X -> ir -> X`` exactly, with no loss reported; so do generated
  payloads (hypothesis), which also shows that only ``BridgeError``s escape.
* ir built the way another format's decoder builds it encodes to output the official SDK accepts
  strictly, with the expected values; what the Responses API cannot say is reported at its path,
  and ``strict=True`` raises instead.
* The mapping tables cover their ``Literal`` vocabularies; the reasoning carrier round-trips.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import typing
from typing import Any

import openai.types.responses as sdk
import pytest
from hypothesis import given
from openai.types.responses import response_create_params as rcp
from openai.types.shared import ErrorObject as SdkErrorObject

from openai_claude_bridge import Loss, UnsupportedFeatureError, _openai_errors, convert_request, ir
from openai_claude_bridge.options import Options
from openai_claude_bridge.responses import ErrorResponse, Response, ResponseCreateParams, tables
from openai_claude_bridge.responses.decode import decode_error, decode_request, decode_response
from openai_claude_bridge.responses.encode import encode_error, encode_request, encode_response
from openai_claude_bridge.responses.models.response import IncompleteReason
from openai_claude_bridge.responses.reasoning_carrier import (
    PREFIX,
    CarriedReasoning,
    decode_carrier,
    encode_carrier,
)
from openai_claude_bridge.testing.strategies import wire_payloads
from openai_claude_bridge.wire import from_wire, to_wire
from tests.support.oracle import assert_sdk_strict
from tests.support.roundtrip import all_fixture_payloads, assert_json_identical, sendable

REQUEST_SDK = (rcp.ResponseCreateParamsNonStreaming, rcp.ResponseCreateParamsStreaming)


def _ids(prefix: str) -> str:
    return prefix + "test"


def _options(losses: list[Loss] | None = None, **kwargs: Any) -> Options:
    return Options(
        on_loss=losses.append if losses is not None else None,
        id_factory=_ids,
        clock=lambda: 1_700_000_000,
        **kwargs,
    )


def _request_trip(payload: Any, losses: list[Loss]) -> dict[str, Any]:
    req = decode_request(from_wire(ResponseCreateParams, payload))
    return to_wire(encode_request(req, _options(losses)))


def _response_trip(payload: Any, losses: list[Loss]) -> dict[str, Any]:
    resp = decode_response(from_wire(Response, payload))
    return to_wire(encode_response(resp, _options(losses)))


def _error_trip(payload: Any, losses: list[Loss], status: int | None = None) -> dict[str, Any]:
    err = decode_error(from_wire(ErrorResponse, payload), status=status)
    got_status, body = encode_error(err, _options(losses))
    if status is not None:
        assert got_status == status
    return to_wire(body)


# --------------------------------------------------------------------------- exact round trips

ERROR_PAYLOADS = [
    *all_fixture_payloads("chat", "ErrorResponse"),
    {"error": {"message": "only a message"}},
    {"error": {"message": "m", "type": None, "code": None, "param": None}},
]


@pytest.mark.parametrize("payload", all_fixture_payloads("responses", "ResponseCreateParams"))
def test_request_fixtures_round_trip(payload: Any) -> None:
    losses: list[Loss] = []
    assert_json_identical(_request_trip(payload, losses), payload)
    assert losses == []


@pytest.mark.parametrize("payload", all_fixture_payloads("responses", "Response"))
def test_response_fixtures_round_trip(payload: Any) -> None:
    losses: list[Loss] = []
    assert_json_identical(_response_trip(payload, losses), payload)
    assert losses == []


@pytest.mark.parametrize("payload", ERROR_PAYLOADS)
def test_error_payloads_round_trip(payload: Any) -> None:
    losses: list[Loss] = []
    assert_json_identical(_error_trip(payload, losses, status=418), payload)
    assert_json_identical(_error_trip(payload, losses), payload)
    assert losses == []


@given(wire_payloads(ResponseCreateParams))
def test_generated_requests_round_trip(payload: Any) -> None:
    losses: list[Loss] = []
    assert_json_identical(_request_trip(payload, losses), sendable(payload))
    assert losses == []


@given(wire_payloads(Response))
def test_generated_responses_round_trip(payload: Any) -> None:
    losses: list[Loss] = []
    assert_json_identical(_response_trip(payload, losses), payload)
    assert losses == []


@given(wire_payloads(ErrorResponse))
def test_generated_errors_round_trip(payload: Any) -> None:
    losses: list[Loss] = []
    assert_json_identical(_error_trip(payload, losses), payload)
    assert losses == []


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


@given(wire_payloads(ResponseCreateParams))
def test_generated_requests_encode_as_foreign_ir(payload: Any) -> None:
    """Decoded and stripped of every extra, a request still encodes (losses aside)."""
    req = _strip(decode_request(from_wire(ResponseCreateParams, payload)))
    encode_request(req, _options([]))


@given(wire_payloads(Response))
def test_generated_responses_encode_as_foreign_ir(payload: Any) -> None:
    resp = _strip(decode_response(from_wire(Response, payload)))
    encode_response(resp, _options([]))


def test_string_input_and_one_item_list_stay_apart() -> None:
    for payload in (
        {"model": "m", "input": "hi"},
        {"model": "m", "input": [{"role": "user", "content": "hi"}]},
        {"model": "m", "input": []},
        {"model": "m"},
    ):
        assert_json_identical(_request_trip(payload, []), payload)


def test_decoded_request_is_neutral() -> None:
    (payload,) = [
        p
        for p in all_fixture_payloads("responses", "ResponseCreateParams")
        if p.get("model") == "gpt-5-mini"
    ]
    req = decode_request(from_wire(ResponseCreateParams, payload))
    assert req.instructions is not None and req.instructions_text_form
    assert [m.role for m in req.messages] == ["user", "assistant", "assistant", "tool"]
    reasoning = req.messages[1].parts[0]
    assert isinstance(reasoning, ir.ReasoningPart)
    assert reasoning.encrypted_content == "gAAAAABowfSgZ3d8x-encrypted-blob=="
    assert reasoning.item_id == "rs_68c1f4a0c8e08193"
    call = req.messages[2].parts[0]
    assert isinstance(call, ir.ToolCallPart)
    assert (call.call_id, call.item_id, call.name) == (
        "call_8Xs2kLp0",
        "fc_68c1f4b2",
        "get_weather",
    )
    result = req.messages[3].parts[0]
    assert isinstance(result, ir.ToolResultPart) and result.text_form
    assert req.reasoning == ir.ReasoningConfig(
        effort="low",
        summary="auto",
        include_encrypted=True,
        path="reasoning",
        extra=req.reasoning.extra if req.reasoning else ir.EMPTY_EXTRA,
    )
    assert (req.max_tokens, req.max_tokens_field) == (2048, "max_output_tokens")
    assert req.tool_choice is not None and req.tool_choice.mode == "auto"
    assert req.prompt_cache_key == "user-1234" and req.service_tier == "priority"


def test_decoded_response_stop_and_usage() -> None:
    payloads = {p["id"]: p for p in all_fixture_payloads("responses", "Response") if "id" in p}
    resp = decode_response(from_wire(Response, payloads["resp_68c1f4a0b6a48193b0c3d2e1f0a9b8c7"]))
    (cand,) = resp.candidates
    assert cand.stop_reason == "tool_use"
    assert resp.usage is not None
    usage = resp.usage
    assert (usage.input_tokens, usage.cache_read_tokens, usage.reasoning_tokens) == (
        2006,
        1920,
        192,
    )
    assert usage.cache_write_tokens == 0 and usage.service_tier == "default"
    incomplete = [p for p in payloads.values() if p.get("status") == "incomplete"]
    for payload in incomplete:
        decoded = decode_response(from_wire(Response, payload))
        reason = payload["incomplete_details"]["reason"]
        assert decoded.candidates[0].stop_reason == tables.INCOMPLETE_STOP[reason]
        assert decoded.candidates[0].raw_stop_reason == reason


# --------------------------------------------------------------------------- foreign ir

SCHEMA = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}


def _foreign_request(**overrides: Any) -> ir.Request:
    """A request the way the anthropic decoder builds one: neutral fields, no responses extra."""
    fields: dict[str, Any] = {
        "model": "claude-sonnet-4-5",
        "instructions": (
            ir.TextPart(
                text="Be terse.",
                cache=ir.CacheHint(ttl="1h", path="system[0].cache_control"),
                path="system[0]",
            ),
            ir.TextPart(text="Answer in German.", path="system[1]"),
        ),
        "messages": (
            ir.Message(
                role="user",
                path="messages[0]",
                parts=(
                    ir.TextPart(text="Compare:", path="messages[0].content[0]"),
                    ir.ImagePart(
                        source=ir.MediaSource(
                            kind="base64", media_type="image/png", data="iVBORw0KGgo="
                        ),
                        path="messages[0].content[1]",
                    ),
                    ir.ImagePart(
                        source=ir.MediaSource(kind="url", url="https://example.com/a.png"),
                        path="messages[0].content[2]",
                    ),
                    ir.DocumentPart(
                        source=ir.MediaSource(
                            kind="base64", media_type="application/pdf", data="JVBERi0="
                        ),
                        title="report.pdf",
                        path="messages[0].content[3]",
                    ),
                ),
            ),
            ir.Message(
                role="assistant",
                path="messages[1]",
                parts=(
                    ir.ReasoningPart(
                        text="Let me think.", signature="sig-1", path="messages[1].content[0]"
                    ),
                    ir.ReasoningPart(redacted_data="cmVkYWN0ZWQ=", path="messages[1].content[1]"),
                    ir.TextPart(text="Checking.", path="messages[1].content[2]"),
                    ir.ToolCallPart(
                        call_id="toolu_01",
                        name="get_weather",
                        arguments='{"city":"Paris"}',
                        path="messages[1].content[3]",
                    ),
                ),
            ),
            ir.Message(
                role="user",
                path="messages[2]",
                parts=(
                    ir.ToolResultPart(
                        call_id="toolu_01",
                        content=(
                            ir.TextPart(text="18C", path="messages[2].content[0].content[0]"),
                            ir.ImagePart(
                                source=ir.MediaSource(kind="file", file_id="file-1"),
                                path="messages[2].content[0].content[1]",
                            ),
                        ),
                        is_error=True,
                        path="messages[2].content[0]",
                    ),
                    ir.TextPart(text="Thanks.", path="messages[2].content[1]"),
                ),
            ),
            ir.Message(
                role="assistant",
                path="messages[3]",
                parts=(ir.ReasoningPart(text="unsigned", path="messages[3].content[0]"),),
            ),
            ir.Message(
                role="user",
                path="messages[4]",
                text_form=True,
                parts=(ir.TextPart(text="Again?", path="messages[4].content"),),
            ),
        ),
        "tools": (
            ir.Tool(
                kind="function",
                name="get_weather",
                description="Weather.",
                parameters=SCHEMA,
                path="tools[0]",
            ),
            ir.Tool(
                kind="native",
                name="web_search",
                native={"type": "web_search_20250305"},
                path="tools[1]",
                extra={"anthropic": {"type": "web_search_20250305", "name": "web_search"}},
            ),
        ),
        "tool_choice": ir.ToolChoice(mode="tool", name="get_weather", path="tool_choice"),
        "parallel_tool_calls": False,
        "max_tokens": 16000,
        "max_tokens_field": "max_tokens",
        "temperature": 1,
        "top_k": 40,
        "stop": ("END",),
        "reasoning": ir.ReasoningConfig(enabled=True, budget_tokens=8192, path="thinking"),
        "output_format": ir.OutputFormat(
            kind="json_schema", schema=SCHEMA, path="output_config.format"
        ),
        "user": "user-1",
        "stream": False,
        "path": "",
    }
    fields.update(overrides)
    return ir.Request(**fields)


def test_foreign_request_encodes_to_strict_sdk_request() -> None:
    losses: list[Loss] = []
    out = to_wire(encode_request(_foreign_request(), _options(losses)))
    assert_sdk_strict(out, *REQUEST_SDK)
    assert "instructions" not in out
    system, user, *rest = out["input"]
    assert system == {
        "role": "system",
        "content": [
            {
                "type": "input_text",
                "text": "Be terse.",
                "prompt_cache_breakpoint": {"mode": "explicit"},
            },
            {"type": "input_text", "text": "Answer in German."},
        ],
    }
    assert user["content"][1] == {
        "type": "input_image",
        "image_url": "data:image/png;base64,iVBORw0KGgo=",
        "detail": "auto",
    }
    assert user["content"][3] == {
        "type": "input_file",
        "file_data": "data:application/pdf;base64,JVBERi0=",
        "filename": "report.pdf",
    }
    kinds = [item.get("type", "message") for item in rest]
    # reasoning OpenAI did not make never goes to the Responses API (reported below)
    assert kinds == ["message", "function_call", "function_call_output", "message", "message"]
    _, call, result, thanks, again = rest
    assert rest[0] == {"role": "assistant", "content": "Checking."}
    assert call == {
        "type": "function_call",
        "call_id": "toolu_01",
        "name": "get_weather",
        "arguments": '{"city":"Paris"}',
    }
    assert result == {
        "type": "function_call_output",
        "call_id": "toolu_01",
        "output": [
            {"type": "input_text", "text": "18C"},
            {"type": "input_image", "file_id": "file-1", "detail": "auto"},
        ],
    }
    assert thanks == {"role": "user", "content": [{"type": "input_text", "text": "Thanks."}]}
    assert again == {"role": "user", "content": "Again?"}
    assert out["tools"] == [
        {
            "type": "function",
            "name": "get_weather",
            "description": "Weather.",
            "parameters": SCHEMA,
            "strict": False,
        }
    ]
    assert out["tool_choice"] == {"type": "function", "name": "get_weather"}
    assert out["reasoning"] == {"effort": "medium", "summary": "auto"}
    assert out["text"] == {"format": {"type": "json_schema", "name": "response", "schema": SCHEMA}}
    assert (out["max_output_tokens"], out["parallel_tool_calls"], out["user"]) == (
        16000,
        False,
        "user-1",
    )
    assert [(loss.path, loss.feature) for loss in losses] == [
        ("stop", "stop"),
        ("top_k", "top_k"),
        ("system[0].cache_control.ttl", "cache_control.ttl"),
        ("tools[1]", "tool"),
        ("messages[1].content[0]", "reasoning"),
        ("messages[1].content[1]", "reasoning"),
        ("messages[2].content[0]", "is_error"),
        ("messages[3].content[0]", "reasoning"),
    ]
    with pytest.raises(UnsupportedFeatureError):
        encode_request(_foreign_request(), _options(strict=True))


def test_foreign_single_instruction_and_options_model() -> None:
    req = _foreign_request(
        instructions=(ir.TextPart(text="Be terse."),),
        instructions_text_form=True,
        messages=(ir.Message(role="user", text_form=True, parts=(ir.TextPart(text="Hi"),)),),
        tools=None,
        tool_choice=ir.ToolChoice(mode="required"),
        top_k=None,
        stop=None,
        reasoning=ir.ReasoningConfig(enabled=False),
        output_format=None,
    )
    losses: list[Loss] = []
    out = to_wire(encode_request(req, _options(losses, model="gpt-5")))
    assert_sdk_strict(out, *REQUEST_SDK)
    assert out["model"] == "gpt-5" and out["instructions"] == "Be terse."
    assert out["input"] == [{"role": "user", "content": "Hi"}]
    assert out["tool_choice"] == "required" and out["reasoning"] == {"effort": "none"}
    assert losses == []


def test_foreign_assistant_refusal_and_citations_use_output_messages() -> None:
    msg = ir.Message(
        role="assistant",
        parts=(
            ir.TextPart(
                text="Sunny.",
                citations=(
                    ir.Citation(kind="url", url="https://w.example", title="W", start=0, end=6),
                ),
            ),
            ir.RefusalPart(text="Not that."),
        ),
    )
    out = to_wire(encode_request(_foreign_request(instructions=None, messages=(msg,)), _options()))
    assert_sdk_strict(out, *REQUEST_SDK)
    assert out["input"] == [
        {
            "type": "message",
            "id": "msg_test",
            "role": "assistant",
            "status": "completed",
            "content": [
                {
                    "type": "output_text",
                    "text": "Sunny.",
                    "annotations": [
                        {
                            "type": "url_citation",
                            "url": "https://w.example",
                            "title": "W",
                            "start_index": 0,
                            "end_index": 6,
                        }
                    ],
                },
                {"type": "refusal", "refusal": "Not that."},
            ],
        }
    ]


def test_signed_reasoning_survives_a_responses_client() -> None:
    """anthropic thinking -> a Responses client's reasoning items (carriers) -> the client's next
    request -> ir again: the thinking exactly as anthropic made it, never sent to OpenAI."""
    signed = ir.ReasoningPart(text="Let me think.", signature="sig-1", origin="anthropic")
    redacted = ir.ReasoningPart(redacted_data="cmVkYWN0ZWQ=", origin="anthropic")
    unsigned = ir.ReasoningPart(text="unsigned", origin="chat")
    resp = _foreign_response(
        candidates=(ir.Candidate(parts=(signed, redacted, unsigned), stop_reason="end_turn"),)
    )
    out = to_wire(encode_response(resp, _options()))
    assert_sdk_strict(out, sdk.Response)
    items = out["output"]
    assert all(item["encrypted_content"].startswith(PREFIX) for item in items)
    back = decode_request(from_wire(ResponseCreateParams, {"model": "m", "input": items}))
    parts = [p for m in back.messages for p in m.parts if isinstance(p, ir.ReasoningPart)]
    assert [(p.text, p.signature, p.redacted_data, p.origin, p.item_id) for p in parts] == [
        ("Let me think.", "sig-1", None, "anthropic", None),
        (None, None, "cmVkYWN0ZWQ=", "anthropic", None),
        ("unsigned", None, None, "chat", None),
    ]
    assert [p.summary for p in parts] == [(), (), ()]
    losses: list[Loss] = []
    again = to_wire(encode_request(back, _options(losses)))
    assert again["input"] == []
    assert [loss.feature for loss in losses] == ["reasoning"] * 3


def _foreign_response(**overrides: Any) -> ir.Response:
    cand = ir.Candidate(
        path="content",
        parts=(
            ir.ReasoningPart(text="Hmm.", signature="sig-2", path="content[0]"),
            ir.TextPart(
                text="Paris is sunny.",
                citations=(
                    ir.Citation(
                        kind="web_search_result_location",
                        url="https://weather.example",
                        title="Weather",
                        cited_text="sunny",
                        path="content[1].citations[0]",
                    ),
                ),
                path="content[1]",
            ),
            ir.ToolCallPart(
                call_id="toolu_02",
                name="get_weather",
                arguments='{"city":"Paris"}',
                path="content[2]",
            ),
        ),
        stop_reason="tool_use",
        raw_stop_reason="tool_use",
    )
    fields: dict[str, Any] = {
        "id": "msg_01abc",
        "model": "claude-sonnet-4-5",
        "candidates": (cand,),
        "usage": ir.Usage(
            input_tokens=2006,
            output_tokens=50,
            cache_read_tokens=1920,
            cache_write_tokens=0,
            path="usage",
        ),
    }
    fields.update(overrides)
    return ir.Response(**fields)


def test_foreign_response_encodes_to_strict_sdk_response() -> None:
    losses: list[Loss] = []
    out = to_wire(encode_response(_foreign_response(), _options(losses)))
    assert_sdk_strict(out, sdk.Response)
    assert (out["id"], out["created_at"], out["status"]) == (
        "msg_01abc",
        1_700_000_000,
        "completed",
    )
    assert (out["parallel_tool_calls"], out["tool_choice"], out["tools"]) == (True, "auto", [])
    reasoning, message, call = out["output"]
    assert reasoning["id"] == "rs_test" and reasoning["encrypted_content"].startswith(PREFIX)
    assert message == {
        "type": "message",
        "id": "msg_test",
        "role": "assistant",
        "status": "completed",
        "content": [
            {
                "type": "output_text",
                "text": "Paris is sunny.",
                "annotations": [
                    {
                        "type": "url_citation",
                        "url": "https://weather.example",
                        "title": "Weather",
                        "start_index": 0,
                        "end_index": 15,
                    }
                ],
            }
        ],
    }
    assert call == {
        "type": "function_call",
        "id": "fc_test",
        "call_id": "toolu_02",
        "name": "get_weather",
        "arguments": '{"city":"Paris"}',
        "status": "completed",
    }
    assert out["usage"] == {
        "input_tokens": 2006,
        "input_tokens_details": {"cached_tokens": 1920, "cache_write_tokens": 0},
        "output_tokens": 50,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": 2056,
    }
    assert [(loss.path, loss.feature) for loss in losses] == [
        ("content[1].citations[0]", "cited_text"),
    ]  # the cache-write count the source never gave is written as 0: no loss
    with pytest.raises(UnsupportedFeatureError):
        encode_response(_foreign_response(), _options(strict=True))


@pytest.mark.parametrize(
    ("stop", "status", "reason"),
    [
        ("max_tokens", "incomplete", "max_output_tokens"),
        ("refusal", "incomplete", "content_filter"),
        ("end_turn", "completed", None),
        ("error", "failed", None),
    ],
)
def test_foreign_stop_reasons(stop: ir.StopReason, status: str, reason: str | None) -> None:
    cand = ir.Candidate(parts=(ir.RefusalPart(text="No."),), stop_reason=stop)
    usage = ir.Usage(
        input_tokens=10,
        output_tokens=2,
        cache_read_tokens=0,
        cache_write_tokens=0,
        reasoning_tokens=0,
    )
    losses: list[Loss] = []
    out = to_wire(
        encode_response(_foreign_response(candidates=(cand,), usage=usage), _options(losses))
    )
    assert_sdk_strict(out, sdk.Response)
    assert out["status"] == status
    assert out.get("incomplete_details") == ({"reason": reason} if reason else None)
    assert out["output"][0]["content"] == [{"type": "refusal", "refusal": "No."}]
    assert ("error" in out) == (status == "failed")
    assert losses == []


def test_foreign_response_losses_n_and_stop_sequence_and_no_usage() -> None:
    cands = (
        ir.Candidate(
            index=0,
            parts=(ir.TextPart(text="a"),),
            stop_reason="stop_sequence",
            stop_sequence="END",
            path="choices[0]",
        ),
        ir.Candidate(
            index=1, parts=(ir.TextPart(text="b"),), stop_reason="end_turn", path="choices[1]"
        ),
    )
    losses: list[Loss] = []
    resp = _foreign_response(
        candidates=cands, usage=ir.Usage(output_tokens=3, path="usage"), created=5
    )
    out = to_wire(encode_response(resp, _options(losses)))
    assert_sdk_strict(out, sdk.Response)
    assert out["status"] == "completed" and "usage" not in out and out["created_at"] == 5
    assert [(loss.path, loss.feature) for loss in losses] == [
        ("choices[1]", "n"),
        ("choices[0].stop_reason", "stop_reason"),
        ("choices[0].stop_sequence", "stop_sequence"),  # the matched value, at its own path
        ("usage", "usage"),
    ]


def test_signed_reasoning_in_a_response_comes_back_in_the_next_request() -> None:
    out = to_wire(encode_response(_foreign_response(), _options()))
    follow_up = {"model": "gpt-5", "input": [out["output"][0], *out["output"][2:]]}
    req = decode_request(from_wire(ResponseCreateParams, follow_up))
    reasoning = req.messages[0].parts[0]
    assert isinstance(reasoning, ir.ReasoningPart)
    assert (reasoning.text, reasoning.signature, reasoning.item_id) == ("Hmm.", "sig-2", None)
    assert reasoning.echo == {"responses": {"id": "rs_test"}}  # the id the bridge made up


def test_foreign_extra_is_reported_and_strict_raises() -> None:
    resp = _foreign_response(extra={"anthropic": {"container": {"id": "c1"}}}, path="")
    cand = resp.candidates[0]
    usage = ir.Usage(
        input_tokens=1,
        output_tokens=1,
        cache_read_tokens=0,
        cache_write_tokens=0,
        reasoning_tokens=0,
    )
    text = ir.TextPart(
        text="Hi", extra={"chat": {"x_future": 1}}, path="choices[0].message.content"
    )
    resp = dataclasses.replace(
        resp, usage=usage, candidates=(dataclasses.replace(cand, parts=(text,)),)
    )
    losses: list[Loss] = []
    encode_response(resp, _options(losses))
    assert [(loss.path, loss.feature) for loss in losses] == [
        ("choices[0].message.content.x_future", "x_future"),
        ("container", "container"),
    ]
    with pytest.raises(UnsupportedFeatureError) as raised:
        encode_response(resp, _options(strict=True))
    assert raised.value.feature == "x_future"


def test_response_echoes_the_responses_request() -> None:
    request = {
        "model": "gpt-5",
        "input": "hi",
        "instructions": "Be terse.",
        "tools": [{"type": "function", "name": "f", "parameters": None, "strict": True}],
        "tool_choice": "required",
        "parallel_tool_calls": False,
        "temperature": 0.2,
        "conversation": "conv_1",
        "store": True,
    }
    out = to_wire(encode_response(_foreign_response(), _options(request=request, model="gpt-5")))
    assert_sdk_strict(out, sdk.Response)
    assert out["model"] == "gpt-5" and out["instructions"] == "Be terse."
    assert out["tools"] == request["tools"] and out["tool_choice"] == "required"
    assert (out["parallel_tool_calls"], out["temperature"]) == (False, 0.2)
    assert out["conversation"] == {"id": "conv_1"} and "store" not in out
    anthropic_request = {"model": "claude", "max_tokens": 5, "messages": []}
    plain = to_wire(encode_response(_foreign_response(), _options(request=anthropic_request)))
    assert (plain["tools"], plain["tool_choice"]) == ([], "auto")


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize("kind", typing.get_args(ir.ErrorKind))
def test_foreign_errors(kind: ir.ErrorKind) -> None:
    err = ir.ApiError(kind=kind, message="boom", raw_type="some_anthropic_error")
    status, body = encode_error(err, _options())
    wire = to_wire(body)
    assert_sdk_strict(wire["error"], SdkErrorObject)
    assert (wire["error"]["type"], status) == _openai_errors.KIND_TO_ERROR[kind]
    back = decode_error(body, status=status)
    assert back.kind == kind


def test_decoded_error_kinds() -> None:
    cases = {json.dumps(p): p for p in all_fixture_payloads("chat", "ErrorResponse")}.values()
    kinds = [decode_error(from_wire(ErrorResponse, p)).kind for p in cases]
    assert "authentication" in kinds and "rate_limit" in kinds and "server_error" in kinds
    overloaded = decode_error(
        from_wire(ErrorResponse, {"error": {"message": "x", "type": "server_error"}}), status=503
    )
    assert overloaded.kind == "overloaded" and overloaded.status == 503


# --------------------------------------------------------------------------- tables


def test_stop_tables_cover_their_literals() -> None:
    assert set(tables.INCOMPLETE_STOP) == set(typing.get_args(IncompleteReason))
    assert set(tables.STOP_STATUS) == set(typing.get_args(ir.StopReason))
    for stop, (status, reason) in tables.STOP_STATUS.items():
        if stop in tables.STOP_APPROXIMATED or status != "incomplete":
            continue
        assert reason is not None and tables.INCOMPLETE_STOP[reason] == stop


# --------------------------------------------------------------------------- reasoning carrier


@pytest.mark.parametrize(
    "carried",
    [
        CarriedReasoning(text="Let me think… ünïcode", signature="EqQBCkYIBxgCKkD="),
        CarriedReasoning(redacted_data="EmwKAhgBEgy3va3pzix/LafPsn4a"),
        CarriedReasoning(text="", signature="s", encrypted_content="gAAAA=="),
    ],
)
def test_carrier_round_trips_byte_identically(carried: CarriedReasoning) -> None:
    value = encode_carrier(carried)
    assert value.startswith(PREFIX)
    assert decode_carrier(value) == carried
    assert encode_carrier(decode_carrier(value) or CarriedReasoning()) == value


def test_genuine_encrypted_content_passes_untouched() -> None:
    """Only an exact carrier is one: OpenAI's own encrypted reasoning (and anything merely
    prefixed) is OpenAI's, kept byte for byte in a request to OpenAI."""
    unknown_key = PREFIX + base64.b64encode(b'{"bogus":"1"}').decode()
    not_sorted = PREFIX + base64.b64encode(b'{"thinking":"a","signature":"b"}').decode()
    genuine = ("gAAAAABowfSgZ3d8x-encrypted-blob==", PREFIX + "not base64!", unknown_key)
    for value in (*genuine, not_sorted):
        assert decode_carrier(value) is None
    for value in genuine:
        item = {"type": "reasoning", "id": "rs_1", "summary": [], "encrypted_content": value}
        payload = {"model": "m", "input": [item]}
        req = decode_request(from_wire(ResponseCreateParams, payload))
        part = req.messages[0].parts[0]
        assert isinstance(part, ir.ReasoningPart)
        assert (part.encrypted_content, part.signature, part.origin) == (value, None, "responses")
        assert_json_identical(to_wire(encode_request(req, _options())), payload)


@pytest.mark.parametrize("citations", [[], [{"type": "char_location"}]])
def test_a_tool_results_text_with_citations_is_input_text(citations: list[Any]) -> None:
    """A ``function_call_output`` takes text as ``input_text`` only: an anthropic tool result's
    text with citations is written so (it was ``output_text``, which the API refuses there, and
    which did not come back), its citations reported lost when it has some."""
    if citations:
        citations = [
            {
                "type": "char_location",
                "cited_text": "x",
                "document_index": 0,
                "document_title": None,
                "start_char_index": 0,
                "end_char_index": 1,
            }
        ]
    request = {
        "model": "m",
        "max_tokens": 5,
        "messages": [
            {
                "role": "assistant",
                "content": [{"type": "tool_use", "id": "t", "name": "f", "input": {}}],
            },
            {
                "role": "user",
                "content": [
                    {
                        "type": "tool_result",
                        "tool_use_id": "t",
                        "content": [{"type": "text", "text": "0", "citations": citations}],
                    }
                ],
            },
        ],
    }
    losses: list[Loss] = []
    out = to_wire(
        convert_request(request, source="anthropic", target="responses", on_loss=losses.append)
    )
    assert_sdk_strict(out, *REQUEST_SDK)
    (output,) = [item for item in out["input"] if item["type"] == "function_call_output"]
    assert output["output"] == [{"type": "input_text", "text": "0"}]
    assert [loss.feature for loss in losses] == (["citations"] if citations else [])
    back = to_wire(convert_request(out, source="responses", target="anthropic"))
    assert back["messages"][-1]["content"][0]["content"] == [{"type": "text", "text": "0"}]
