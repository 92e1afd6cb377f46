"""The stop string a vLLM / SGLang chat server says matched.

Those servers put it in a chat choice's ``stop_reason`` (a string; an int is a stop token id and
``null`` the end-of-sequence token) beside ``finish_reason: "stop"``: on ``choices[i]`` of a
response, and on the chunk choice that carries the ``finish_reason`` in a stream. A string is the
ir candidate's ``stop_sequence`` (stop reason ``stop_sequence``): anthropic says
``stop_reason: "stop_sequence"`` + ``stop_sequence``, streamed or not; chat -> chat gives the
field back as it came; Responses and Completions have no field for it and report it lost.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from openai_claude_bridge import Loss, StreamConverter, convert_response, ir, to_wire
from openai_claude_bridge.ir.accumulate import accumulate
from openai_claude_bridge.stream import _parse_event
from openai_claude_bridge.stream import _stream_class as stream_class
from tests.support.oracle import sdk_errors
from tests.support.roundtrip import assert_json_identical
from tests.support.sdk_types import SDK_TYPES

RESPONSE_TYPES = {
    "anthropic": "Message",
    "chat": "ChatCompletion",
    "responses": "Response",
    "completions": "Completion",
}
EVENT_TYPES = {
    "anthropic": "RawMessageStreamEvent",
    "chat": "ChatCompletionChunk",
    "responses": "ResponseStreamEvent",
    "completions": "Completion",
}


def _vllm_response(stop_reason: Any) -> dict[str, Any]:
    return {
        "id": "chatcmpl-vllm",
        "object": "chat.completion",
        "created": 7,
        "model": "Qwen/Qwen3-8B",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "one, two, three"},
                "logprobs": None,
                "finish_reason": "stop",
                "stop_reason": stop_reason,
            }
        ],
        "usage": {"prompt_tokens": 9, "completion_tokens": 5, "total_tokens": 14},
    }


def _vllm_stream(stop_reason: Any) -> list[dict[str, Any]]:
    head = {"id": "chatcmpl-vllm", "object": "chat.completion.chunk", "created": 7, "model": "q"}

    def chunk(delta: dict[str, Any], finish: str | None, reason: Any) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return {**head, "choices": [{**choice, "stop_reason": reason}]}

    return [
        chunk({"role": "assistant", "content": ""}, None, None),
        chunk({"content": "one, two, "}, None, None),
        chunk({"content": "three"}, None, None),
        chunk({}, "stop", stop_reason),
        {
            **head,
            "choices": [],
            "usage": {"prompt_tokens": 9, "completion_tokens": 5, "total_tokens": 14},
        },
    ]


def _response(target: str, stop_reason: Any) -> tuple[dict[str, Any], list[Loss]]:
    losses: list[Loss] = []
    payload = _vllm_response(stop_reason)
    out = to_wire(convert_response(payload, source="chat", target=target, on_loss=losses.append))
    errors = sdk_errors(out, *SDK_TYPES[(target, RESPONSE_TYPES[target])])  # type: ignore[index]
    if target == "chat":  # the dialect field the SDK does not know
        errors = [e for e in errors if "unknown key 'stop_reason'" not in e]
    assert errors == []
    return out, losses


def _stream(target: str, stop_reason: Any) -> tuple[list[dict[str, Any]], list[Loss]]:
    losses: list[Loss] = []
    converter = StreamConverter(source="chat", target=target, on_loss=losses.append)
    events = _vllm_stream(stop_reason)
    out = [to_wire(e) for event in events for e in converter.feed(event)]
    out += [to_wire(e) for e in converter.finish()]
    for event in out:
        errors = sdk_errors(event, *SDK_TYPES[(target, EVENT_TYPES[target])])  # type: ignore[index]
        if target == "chat":
            errors = [e for e in errors if "unknown key 'stop_reason'" not in e]
        if target == "completions":  # the SDK types a whole Completion: chunks carry nulls
            errors = [e for e in errors if "finish_reason: None" not in e]
        assert errors == [], (event, errors)
    return out, losses


def _message_delta(events: list[dict[str, Any]]) -> dict[str, Any]:
    (delta,) = [e for e in events if e["type"] == "message_delta"]
    return delta["delta"]  # type: ignore[no-any-return]


# --------------------------------------------------------------------------- anthropic


def test_matched_stop_string_reaches_anthropic() -> None:
    out, losses = _response("anthropic", "three")
    assert (out["stop_reason"], out["stop_sequence"]) == ("stop_sequence", "three")
    assert losses == []


def test_matched_stop_string_reaches_anthropic_streamed() -> None:
    out, losses = _stream("anthropic", "three")
    assert _message_delta(out) == {"stop_reason": "stop_sequence", "stop_sequence": "three"}
    assert losses == []


@pytest.mark.parametrize("stop_reason", [151645, None])
def test_token_id_or_null_is_not_a_stop_string(stop_reason: Any) -> None:
    out, _ = _response("anthropic", stop_reason)
    assert (out["stop_reason"], out.get("stop_sequence")) == ("end_turn", None)
    streamed, _ = _stream("anthropic", stop_reason)
    assert _message_delta(streamed) == {"stop_reason": "end_turn", "stop_sequence": None}


def test_stop_string_beside_another_finish_reason_is_not_a_match() -> None:
    payload = _vllm_response("three")
    payload["choices"][0]["finish_reason"] = "length"
    out = to_wire(convert_response(payload, source="chat", target="anthropic"))
    assert (out["stop_reason"], out.get("stop_sequence")) == ("max_tokens", None)


# --------------------------------------------------------------------------- chat


@pytest.mark.parametrize("stop_reason", ["three", 151645, None])
def test_chat_to_chat_keeps_stop_reason_exactly(stop_reason: Any) -> None:
    out, losses = _response("chat", stop_reason)
    assert_json_identical(out, _vllm_response(stop_reason))
    assert losses == []


def test_chat_stream_to_chat_gives_the_stop_string_back() -> None:
    out, losses = _stream("chat", "three")
    finishing = [c for e in out for c in e["choices"] if c["finish_reason"] is not None]
    assert [(c["finish_reason"], c.get("stop_reason")) for c in finishing] == [("stop", "three")]
    assert losses == []


def test_chat_stream_relays_a_token_id_stop_reason_as_it_came() -> None:
    """chat -> chat is relayed: a stop token id (not a stop string) comes back unchanged."""
    out, _ = _stream("chat", 151645)
    assert out == _vllm_stream(151645)


def test_another_formats_stop_sequence_is_reported_by_chat() -> None:
    message = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude",
        "content": [{"type": "text", "text": "one, two"}],
        "stop_reason": "stop_sequence",
        "stop_sequence": "three",
        "usage": {"input_tokens": 3, "output_tokens": 4},
    }
    losses: list[Loss] = []
    out = to_wire(
        convert_response(message, source="anthropic", target="chat", on_loss=losses.append)
    )
    assert out["choices"][0]["finish_reason"] == "stop"
    assert "stop_reason" not in out["choices"][0]
    assert [(loss.path, loss.feature) for loss in losses] == [("stop_sequence", "stop_sequence")]


# --------------------------------------------------------------------------- responses, completions


@pytest.mark.parametrize("target", ["responses", "completions"])
def test_targets_without_a_field_report_the_stop_string(target: str) -> None:
    _, losses = _response(target, "three")
    assert "choices[0].stop_reason" in [  # the vLLM field that named it
        loss.path for loss in losses if loss.feature == "stop_sequence"
    ]
    _, streamed = _stream(target, "three")
    assert [loss.feature for loss in streamed].count("stop_sequence") == 1


@pytest.mark.parametrize("target", ["responses", "completions"])
def test_targets_without_a_field_report_nothing_without_a_stop_string(target: str) -> None:
    _, losses = _response(target, 151645)
    assert all(loss.feature != "stop_sequence" for loss in losses)


# --------------------------------------------------------------------------- stream = non-stream


def _decoded_stream(fmt: str, events: list[Any]) -> ir.Response:
    decoder = stream_class(fmt, "decode")()  # type: ignore[arg-type]
    out: list[ir.StreamEvent] = []
    for i, event in enumerate(events):
        out += decoder.feed(_parse_event(fmt, event, i))  # type: ignore[arg-type]
    out += decoder.finish()
    return accumulate(out)


def test_stream_and_response_decode_the_same_stop() -> None:
    streamed = _decoded_stream("chat", copy.deepcopy(_vllm_stream("three")))
    (candidate,) = streamed.candidates
    assert (candidate.stop_reason, candidate.stop_sequence) == ("stop_sequence", "three")
    converted, _ = _stream("anthropic", "three")
    accumulated = _decoded_stream("anthropic", converted)
    assert accumulated.candidates[0].stop_sequence == "three"
