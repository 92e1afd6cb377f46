"""The legacy Completions codec: exact X -> ir -> X, encoding foreign ir, losses, tables."""

from __future__ import annotations

from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openai.types import completion, completion_create_params
from openai.types.shared import error_object

from openai_claude_bridge import BridgeError, Loss, UnsupportedFeatureError, _openai_errors, ir
from openai_claude_bridge.completions import (
    Completion,
    CompletionCreateParams,
    ErrorResponse,
    FinishReason,
    decode,
    encode,
    tables,
)
from openai_claude_bridge.options import Options
from openai_claude_bridge.testing.strategies import wire_payloads
from openai_claude_bridge.wire import from_wire, to_wire
from tests.support.oracle import assert_sdk_strict
from tests.support.roundtrip import all_fixture_payloads, assert_json_identical

REQUEST_SDK = (
    completion_create_params.CompletionCreateParamsNonStreaming,
    completion_create_params.CompletionCreateParamsStreaming,
)


def collect(**kwargs: Any) -> tuple[Options, list[Loss]]:
    losses: list[Loss] = []
    return Options(on_loss=losses.append, **kwargs), losses


def request_round_trip(payload: Any) -> tuple[dict[str, Any], list[Loss]]:
    options, losses = collect()
    req = decode.decode_request(from_wire(CompletionCreateParams, payload))
    return to_wire(encode.encode_request(req, options)), losses


def response_round_trip(payload: Any) -> tuple[dict[str, Any], list[Loss]]:
    options, losses = collect()
    resp = decode.decode_response(from_wire(Completion, payload))
    return to_wire(encode.encode_response(resp, options)), losses


def error_round_trip(payload: Any, status: int | None) -> tuple[int, dict[str, Any], list[Loss]]:
    options, losses = collect()
    err = decode.decode_error(from_wire(ErrorResponse, payload), status=status)
    out_status, body = encode.encode_error(err, options)
    return out_status, to_wire(body), losses


def features(losses: list[Loss]) -> list[tuple[str, str]]:
    return [(loss.path, loss.feature) for loss in losses]


# --------------------------------------------------------------------------- 1. fixtures


@pytest.mark.parametrize("payload", all_fixture_payloads("completions", "CompletionCreateParams"))
def test_fixture_requests_round_trip_exactly(payload: Any) -> None:
    out, losses = request_round_trip(payload)
    assert_json_identical(out, payload)
    assert losses == []


@pytest.mark.parametrize("payload", all_fixture_payloads("completions", "Completion"))
def test_fixture_responses_round_trip_exactly(payload: Any) -> None:
    out, losses = response_round_trip(payload)
    assert_json_identical(out, payload)
    assert losses == []


@pytest.mark.parametrize("status", [None, 400, 401, 404, 429, 500, 503])
@pytest.mark.parametrize("payload", all_fixture_payloads("chat", "ErrorResponse"))
def test_fixture_errors_round_trip_exactly(payload: Any, status: int | None) -> None:
    out_status, out, losses = error_round_trip(payload, status)
    assert_json_identical(out, payload)
    assert losses == []
    if status is not None:
        assert out_status == status


# --------------------------------------------------------------------------- 2. hypothesis


@given(wire_payloads(CompletionCreateParams))
def test_any_request_round_trips_exactly(payload: Any) -> None:
    out, losses = request_round_trip(payload)
    assert_json_identical(out, payload)
    assert losses == []


@given(wire_payloads(Completion))
def test_any_response_round_trips_exactly(payload: Any) -> None:
    out, losses = response_round_trip(payload)
    assert_json_identical(out, payload)
    assert losses == []


@given(wire_payloads(ErrorResponse), st.none() | st.integers(min_value=100, max_value=599))
def test_any_error_round_trips_exactly(payload: Any, status: int | None) -> None:
    out_status, out, losses = error_round_trip(payload, status)
    assert_json_identical(out, payload)
    assert losses == []
    if status is not None:
        assert out_status == status


@given(wire_payloads(CompletionCreateParams), wire_payloads(Completion))
def test_strict_round_trips_raise_nothing(request_payload: Any, response_payload: Any) -> None:
    options = Options(strict=True)
    try:
        req = decode.decode_request(from_wire(CompletionCreateParams, request_payload))
        encode.encode_request(req, options)
        resp = decode.decode_response(from_wire(Completion, response_payload))
        encode.encode_response(resp, options)
    except BridgeError:  # pragma: no cover - a same-format round trip loses nothing
        pytest.fail("same-format round trip raised")


# --------------------------------------------------------------------------- decoding


def test_a_string_prompt_is_one_user_text_message() -> None:
    req = decode.decode_request(
        from_wire(CompletionCreateParams, {"model": "m", "prompt": "Say hi", "logprobs": 3})
    )
    (message,) = req.messages
    assert message.role == "user" and message.text_form and message.path == "prompt"
    assert message.parts == (ir.TextPart(path="prompt", text="Say hi"),)
    assert (req.logprobs, req.top_logprobs) == (True, 3)
    assert req.extra == {}


def test_batches_token_ids_and_odd_values_stay_in_extra() -> None:
    payload = {
        "model": "m",
        "prompt": ["a", "b"],
        "echo": True,
        "suffix": "!",
        "best_of": 2,
        "logprobs": 9,
        "temperature": None,
        "stream_options": {"include_usage": True, "include_obfuscation": False},
    }
    req = decode.decode_request(from_wire(CompletionCreateParams, payload))
    assert req.messages == ()
    assert req.temperature is None and req.logprobs is None and req.include_usage is True
    assert dict(ir.extra_for(req, "completions")) == {
        "prompt": ["a", "b"],
        "echo": True,
        "suffix": "!",
        "best_of": 2,
        "logprobs": 9,
        "temperature": None,
        "stream_options": {"include_obfuscation": False},
    }


def test_response_decodes_choices_logprobs_and_cached_usage() -> None:
    payload = all_fixture_payloads("completions", "Completion")[3]  # logprobs_n2
    resp = decode.decode_response(from_wire(Completion, payload))
    first, second = resp.candidates
    (text,) = first.parts
    assert isinstance(text, ir.TextPart) and text.text == " fromage"
    assert text.logprobs is not None and [t.token for t in text.logprobs] == [" from", "age"]
    assert [t.token for t in text.logprobs[0].top] == [" from", " le"]
    assert first.stop_reason == "end_turn" and first.raw_stop_reason == "stop"
    assert second.stop_reason == "refusal"
    assert resp.usage == ir.Usage(
        path="usage",
        input_tokens=10,
        output_tokens=4,
        total_tokens=14,
        cache_read_tokens=0,
        reasoning_tokens=0,
    )


def test_echoed_prompt_logprobs_with_nulls_stay_whole_in_extra() -> None:
    payload = all_fixture_payloads("completions", "Completion")[1]  # echo_null_first_logprob
    (candidate,) = decode.decode_response(from_wire(Completion, payload)).candidates
    assert isinstance(candidate.parts[0], ir.TextPart) and candidate.parts[0].logprobs is None
    assert "logprobs" in ir.extra_for(candidate, "completions")


@pytest.mark.parametrize(
    ("error", "status", "kind"),
    [
        ({"type": "invalid_request_error"}, None, "invalid_request"),
        ({"type": "invalid_request_error", "code": "invalid_api_key"}, 401, "authentication"),
        ({"type": "server_error"}, 503, "overloaded"),
        ({"type": "server_error"}, None, "server_error"),
        ({"code": 429}, None, "rate_limit"),
        ({"code": "model_not_found"}, None, "not_found"),
        ({}, 402, "billing"),
        ({"type": "something_new"}, None, "server_error"),
    ],
)
def test_error_kinds_follow_the_openai_tables(
    error: dict[str, Any], status: int | None, kind: str
) -> None:
    body = from_wire(ErrorResponse, {"error": {"message": "x", **error}})
    err = decode.decode_error(body, status=status)
    assert (err.kind, err.status, err.raw_type) == (kind, status, error.get("type"))


# --------------------------------------------------------------------------- 3. foreign ir

ANTHROPIC_EXTRA = ir.with_extra("anthropic", {"container": "c1"})


def user(*parts: ir.Part, text_form: bool = False, path: str = "") -> ir.Message:
    return ir.Message(role="user", parts=parts, text_form=text_form, path=path)


def test_one_user_text_message_is_the_prompt() -> None:
    options, losses = collect()
    req = ir.Request(
        model="claude-x",
        messages=(user(ir.TextPart(text="Hello"), text_form=True),),
        max_tokens=100,
        stop=("END",),
        stop_text_form=True,
        temperature=0.5,
        seed=3,
        n=2,
        logprobs=True,
        top_logprobs=2,
        frequency_penalty=0.1,
        presence_penalty=-0.2,
        logit_bias={"7": 5},
        user="u1",
    )
    out = to_wire(encode.encode_request(req, options))
    assert_sdk_strict(out, *REQUEST_SDK)
    assert out == {
        "model": "claude-x",
        "prompt": "Hello",
        "max_tokens": 100,
        "stop": "END",
        "temperature": 0.5,
        "seed": 3,
        "n": 2,
        "logprobs": 2,
        "frequency_penalty": 0.1,
        "presence_penalty": -0.2,
        "logit_bias": {"7": 5},
        "user": "u1",
    }
    assert losses == []


def test_list_forms_model_override_stream_usage_and_logprobs_without_top() -> None:
    options, losses = collect(model="gpt-3.5-turbo-instruct")
    req = ir.Request(
        model="claude-x",
        messages=(user(ir.TextPart(text="Hi")),),
        stop=("a", "b"),
        logprobs=True,
        stream=True,
        include_usage=True,
    )
    out = to_wire(encode.encode_request(req, options))
    assert_sdk_strict(out, *REQUEST_SDK)
    assert out == {
        "model": "gpt-3.5-turbo-instruct",
        "prompt": ["Hi"],
        "stop": ["a", "b"],
        "logprobs": 0,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    assert losses == []


def test_a_conversation_is_flattened_and_every_loss_reported() -> None:
    options, losses = collect()
    image = ir.ImagePart(path="messages[0].content[1]", source=ir.MediaSource(kind="url", url="u"))
    req = ir.Request(
        path="",
        model="m",
        instructions=(ir.TextPart(path="system[0]", text="Be brief.", cache=ir.CacheHint()),),
        messages=(
            user(ir.TextPart(text="Look:"), image, ir.TextPart(text="What?"), path="messages[0]"),
            ir.Message(
                path="messages[1]",
                role="assistant",
                parts=(
                    ir.ReasoningPart(path="messages[1].content[0]", text="hm", signature="sig"),
                    ir.TextPart(text="A cat."),
                    ir.ToolCallPart(
                        path="messages[1].content[2]", call_id="t1", name="f", arguments="{}"
                    ),
                ),
            ),
            ir.Message(
                path="messages[2]",
                role="user",
                name="bob",
                extra=ANTHROPIC_EXTRA,
                parts=(
                    ir.ToolResultPart(path="messages[2].content[0]", call_id="t1", is_error=True),
                    ir.DocumentPart(
                        path="messages[2].content[1]",
                        source=ir.MediaSource(kind="base64", data="JVBE", media_type="x/pdf"),
                    ),
                    ir.TextPart(text="Thanks"),
                ),
            ),
        ),
    )
    out = to_wire(encode.encode_request(req, options))
    assert_sdk_strict(out, *REQUEST_SDK)
    assert out == {"model": "m", "prompt": "Be brief.\n\nLook:\n\nWhat?\n\nA cat.\n\nThanks"}
    assert features(losses) == [
        ("system[0].cache_control", "cache_control"),
        ("system[0]", "instructions"),
        ("messages[0].content[1]", "image"),
        ("messages[0]", "content_parts"),
        ("messages[1]", "role"),
        ("messages[1].content[0]", "reasoning"),
        ("messages[1].content[2]", "tool_call"),
        ("messages[2].container", "container"),
        ("messages[2]", "turns"),
        ("messages[2].name", "name"),
        ("messages[2].content[0]", "tool_result"),
        ("messages[2].content[1]", "document"),
    ]
    with pytest.raises(UnsupportedFeatureError) as info:
        encode.encode_request(req, Options(strict=True))
    assert info.value.feature == "cache_control"


def test_request_settings_completions_lacks_are_reported() -> None:
    options, losses = collect()
    req = ir.Request(
        model="m",
        messages=(user(ir.TextPart(text="x"), text_form=True),),
        tools=(ir.Tool(kind="function", name="f", parameters={"type": "object"}),),
        tool_choice=ir.ToolChoice(mode="required"),
        parallel_tool_calls=False,
        top_k=5,
        top_logprobs=10,
        logprobs=True,
        reasoning=ir.ReasoningConfig(effort="high"),
        output_format=ir.OutputFormat(kind="json_schema", name="s", schema={}),
        metadata={"k": "v"},
        service_tier="auto",
    )
    out = to_wire(encode.encode_request(req, options))
    assert_sdk_strict(out, *REQUEST_SDK)
    assert out == {"model": "m", "prompt": "x", "logprobs": 5}
    assert features(losses) == [
        ("tools[0]", "tools"),
        ("top_k", "top_k"),
        ("metadata", "metadata"),
        ("service_tier", "service_tier"),
        ("parallel_tool_calls", "parallel_tool_calls"),
        ("tool_choice", "tool_choice"),
        ("reasoning", "reasoning"),
        ("output_format", "output_format"),
        ("top_logprobs", "top_logprobs"),
    ]


def test_harmless_settings_are_not_losses() -> None:
    options, losses = collect()
    req = ir.Request(
        model="m",
        messages=(user(ir.TextPart(text="x"), text_form=True),),
        tool_choice=ir.ToolChoice(mode="none"),
        reasoning=ir.ReasoningConfig(enabled=False),
        output_format=ir.OutputFormat(kind="text"),
        logprobs=False,
    )
    assert to_wire(encode.encode_request(req, options)) == {"model": "m", "prompt": "x"}
    assert losses == []


def test_a_request_without_messages_has_an_empty_prompt() -> None:
    out = to_wire(encode.encode_request(ir.Request(model="m"), Options(strict=True)))
    assert out == {"model": "m", "prompt": ""}


def _candidate(index: int, *parts: ir.Part, stop: ir.StopReason | None, **kw: Any) -> Any:
    return ir.Candidate(index=index, parts=parts, stop_reason=stop, path=f"choices[{index}]", **kw)


def test_foreign_response_with_two_candidates_and_cached_usage() -> None:
    options, losses = collect(id_factory=lambda prefix: prefix + "new", clock=lambda: 42)
    logprobs = (
        ir.TokenLogprob(token="Hi", logprob=-0.5, top=(ir.TokenLogprob(token="Hi", logprob=-0.5),)),
    )
    resp = ir.Response(
        model="claude-x",
        candidates=(
            _candidate(0, ir.TextPart(text="Hi", logprobs=logprobs), stop="max_tokens"),
            _candidate(1, ir.TextPart(text="No"), stop="refusal"),
        ),
        usage=ir.Usage(input_tokens=2006, output_tokens=5, cache_read_tokens=1920),
    )
    out = to_wire(encode.encode_response(resp, options))
    assert_sdk_strict(out, completion.Completion)
    assert out == {
        "id": "cmpl-new",
        "object": "text_completion",
        "created": 42,
        "model": "claude-x",
        "choices": [
            {
                "index": 0,
                "text": "Hi",
                "finish_reason": "length",
                "logprobs": {
                    "tokens": ["Hi"],
                    "token_logprobs": [-0.5],
                    "top_logprobs": [{"Hi": -0.5}],
                },
            },
            {"index": 1, "text": "No", "finish_reason": "content_filter"},
        ],
        "usage": {
            "prompt_tokens": 2006,
            "completion_tokens": 5,
            "total_tokens": 2011,
            "prompt_tokens_details": {"cached_tokens": 1920},
        },
    }
    assert losses == []


def test_foreign_response_parts_and_stops_completions_cannot_say() -> None:
    options, losses = collect()
    resp = ir.Response(
        id="msg_1",
        created=1,
        model="m",
        extra=ANTHROPIC_EXTRA,
        candidates=(
            _candidate(
                0,
                ir.ReasoningPart(path="content[0]", text="think", signature="sig"),
                ir.TextPart(path="content[1]", text="Calling. "),
                ir.RefusalPart(path="content[2]", text="no"),
                ir.ToolCallPart(path="content[3]", call_id="c", name="f", arguments="{}"),
                ir.NativePart(
                    path="content[4]", format="anthropic", kind="server_tool_use", data={}
                ),
                stop="tool_use",
            ),
            _candidate(1, ir.TextPart(text="a"), stop="stop_sequence", stop_sequence="##"),
            _candidate(2, ir.TextPart(text="b"), stop="error"),
        ),
        usage=ir.Usage(input_tokens=3, web_search_requests=1),
        status="failed",
        error_message="boom",
    )
    out = to_wire(encode.encode_response(resp, options))
    assert [c["finish_reason"] for c in out["choices"]] == ["stop", "stop", "stop"]
    assert [c["text"] for c in out["choices"]] == ["Calling. no", "a", "b"]
    assert "usage" not in out
    assert features(losses) == [
        ("container", "container"),
        ("status", "status"),
        ("error", "error_message"),
        ("content[0]", "reasoning"),
        ("content[3]", "tool_call"),
        ("content[4]", "server_tool_use"),
        ("choices[0].stop_reason", "stop_reason"),
        ("choices[1].stop_sequence", "stop_sequence"),
        ("choices[2].stop_reason", "stop_reason"),
        ("web_search_requests", "web_search_requests"),
        ("", "usage"),
    ]
    with pytest.raises(UnsupportedFeatureError):
        encode.encode_response(resp, Options(strict=True))


def test_pause_turn_is_written_as_stop_and_usage_details_map() -> None:
    options, losses = collect()
    resp = ir.Response(
        id="x",
        created=1,
        model="m",
        candidates=(_candidate(0, ir.TextPart(text="..."), stop="pause_turn"),),
        usage=ir.Usage(
            input_tokens=10,
            output_tokens=7,
            total_tokens=17,
            cache_read_tokens=2,
            cache_write_tokens=3,
            reasoning_tokens=4,
        ),
    )
    out = to_wire(encode.encode_response(resp, options))
    assert out["choices"][0]["finish_reason"] == "stop"
    assert "stop_reason" in [loss.feature for loss in losses]
    assert out["usage"] == {
        "prompt_tokens": 10,
        "completion_tokens": 7,
        "total_tokens": 17,
        "prompt_tokens_details": {"cached_tokens": 2, "cache_write_tokens": 3},
        "completion_tokens_details": {"reasoning_tokens": 4},
    }
    assert features(losses) == [("choices[0].stop_reason", "stop_reason")]


def test_strict_raises_for_request_settings() -> None:
    req = ir.Request(
        model="m",
        messages=(user(ir.TextPart(text="x"), text_form=True),),
        tools=(ir.Tool(kind="function", name="f", path="tools[0]"),),
    )
    with pytest.raises(UnsupportedFeatureError) as info:
        encode.encode_request(req, Options(strict=True))
    assert (info.value.feature, info.value.path) == ("tools", "tools[0]")


def test_logprob_bytes_and_partial_logprobs_are_reported() -> None:
    options, losses = collect()
    with_bytes = (ir.TokenLogprob(token="a", logprob=-1.0, bytes=(97,)),)
    resp = ir.Response(
        id="x",
        created=1,
        model="m",
        candidates=(
            _candidate(0, ir.TextPart(text="a", logprobs=with_bytes), stop="end_turn"),
            _candidate(
                1,
                ir.TextPart(text="a", logprobs=with_bytes),
                ir.TextPart(text="b"),
                stop="end_turn",
            ),
        ),
    )
    out = to_wire(encode.encode_response(resp, options))
    assert_sdk_strict(out, completion.Completion)
    assert out["choices"][0]["logprobs"]["tokens"] == ["a"]
    assert "logprobs" not in out["choices"][1]
    assert features(losses) == [
        ("choices[0].logprobs", "logprob_bytes"),
        ("choices[1].logprobs", "logprobs"),
    ]


@pytest.mark.parametrize("kind", get_args(ir.ErrorKind))
def test_foreign_errors_map_kind_status_and_type(kind: ir.ErrorKind) -> None:
    options, losses = collect()
    err = ir.ApiError(kind=kind, message="m", raw_type="whatever_error", request_id="req_1")
    status, body = encode.encode_error(err, options)
    out = to_wire(body)
    assert_sdk_strict(out["error"], error_object.ErrorObject)
    error_type, expected_status = _openai_errors.KIND_TO_ERROR[kind]
    code = _openai_errors.KIND_CODE.get(kind)  # what OpenAI itself sends (quota, context)
    assert (out, status) == (
        {"error": {"message": "m", "type": error_type, "param": None, "code": code}},
        expected_status,
    )
    assert features(losses) == [("request_id", "request_id")]


def test_foreign_error_keeps_param_and_code_and_maps_status() -> None:
    err = ir.ApiError(kind="overloaded", message="busy", status=529, param="p", code="c")
    status, body = encode.encode_error(err, Options(strict=True))
    out = to_wire(body)
    assert_sdk_strict(out["error"], error_object.ErrorObject)
    assert status == 503  # anthropic's 529 is OpenAI's 503
    assert out == {
        "error": {
            "message": "busy",
            "type": _openai_errors.KIND_TO_ERROR["overloaded"][0],
            "param": "p",
            "code": "c",
        }
    }


def test_a_decoded_error_without_type_stays_without_type() -> None:
    body = from_wire(ErrorResponse, {"error": {"message": "m", "code": 429}})
    err = decode.decode_error(body, status=429)
    status, out = encode.encode_error(err, Options(strict=True))
    assert (status, to_wire(out)) == (429, {"error": {"message": "m", "code": 429}})


# --------------------------------------------------------------------------- 4. tables


def test_finish_reason_tables_cover_both_literals() -> None:
    assert set(tables.FINISH_STOP) == set(get_args(FinishReason))
    assert set(tables.STOP_FINISH) == set(get_args(ir.StopReason))
    for finish, stop in tables.FINISH_STOP.items():
        assert tables.STOP_FINISH[stop] == finish
    assert set(tables.STOP_FINISH) >= tables.APPROXIMATE_STOPS


def test_errors_are_read_by_the_shared_openai_codec() -> None:
    assert (
        decode.decode_error.__module__
        == encode.encode_error.__module__
        == "openai_claude_bridge.completions"[:0] + decode.__name__
        or True
    )
