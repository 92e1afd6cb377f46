"""How streams end and what same-format streams give back (issue 8, point 3 "Streams").

* A same-format stream is relayed: every event and every field comes back as it came in (pings,
  explicit nulls, server-tool input fragments, per-chunk usage and service tiers, dialect fields),
  renamed only by ``model=``; a relayed stream that is cut still ends with the target's error
  ending, its sequence numbers continuing the source's.
* ``[DONE]`` without a ``finish_reason`` is not a truncation: the stop reason is inferred from what
  was emitted, and the approximation reported. A body without ``[DONE]``, or one cut inside a
  frame, is a truncation: the target's error ending (``TruncatedStreamError`` under ``strict``),
  never ``InvalidInputError``.
* After any error, every later ``SSETranscoder`` call raises ``StreamStateError``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from openai_claude_bridge import (
    InvalidInputError,
    SSETranscoder,
    StreamConverter,
    StreamStateError,
    TruncatedStreamError,
    UnsupportedFeatureError,
    to_wire,
)
from openai_claude_bridge.options import FORMATS, Format

from .test_stream import STREAMS


def _chunk(delta: dict[str, Any], finish: str | None = None, **top: Any) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **top,
    }


def _sse(events: list[dict[str, Any]], fmt: str, *, done: bool) -> bytes:
    named = fmt in ("anthropic", "responses")
    body = b"".join(
        (f"event: {e['type']}\n".encode() if named else b"")
        + b"data: "
        + json.dumps(e).encode()
        + b"\n\n"
        for e in events
    )
    return body + (b"data: [DONE]\n\n" if done else b"")


def _frames(body: bytes) -> list[Any]:
    return [
        line[len(b"data: ") :].decode()
        if line == b"data: [DONE]"
        else json.loads(line[len(b"data: ") :])
        for line in body.split(b"\n")
        if line.startswith(b"data: ")
    ]


def _is_error_ending(frame: Any) -> bool:
    return isinstance(frame, dict) and (
        frame.get("type") in ("error", "response.failed") or "error" in frame
    )


# --------------------------------------------------------------------------- relay


#: What the ir cannot say but a same-format client must get back, one stream per format.
RELAYED: dict[Format, list[dict[str, Any]]] = {
    "anthropic": [
        {"type": "message_start", "message": {
            "id": "msg_1", "type": "message", "role": "assistant", "model": "claude",
            "content": [], "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": 5, "output_tokens": 1, "server_tool_use": None}}},
        {"type": "ping"},
        {"type": "content_block_start", "index": 0, "content_block": {
            "type": "server_tool_use", "id": "srvtoolu_1", "name": "code_execution", "input": {}}},
        {"type": "content_block_delta", "index": 0,
         "delta": {"type": "input_json_delta", "partial_json": '{"code": "pri'}},
        {"type": "content_block_delta", "index": 0,
         "delta": {"type": "input_json_delta", "partial_json": 'nt(1)"}'}},
        {"type": "content_block_stop", "index": 0},
        {"type": "ping"},
        {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
         "usage": {"output_tokens": 9}},
        {"type": "message_stop"},
    ],
    "chat": [
        _chunk({"role": "assistant", "content": None, "reasoning_content": "hm"},
               service_tier="default", usage=None, system_fingerprint=None),
        _chunk({"content": "Hi"}, logprobs=None, service_tier="default", usage=None),
        _chunk({}, "stop", service_tier="default",
               usage={"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}),
    ],
    "responses": [
        {"type": "response.created", "sequence_number": 0, "response": {
            "id": "resp_1", "object": "response", "created_at": 1, "model": "gpt-5",
            "status": "in_progress", "output": [], "error": None, "incomplete_details": None,
            "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
            "content_filters": None, "frequency_penalty": 0.0}},
        {"type": "response.output_item.added", "sequence_number": 1, "output_index": 0,
         "item": {"type": "message", "id": "msg_1", "role": "assistant", "status": "in_progress",
                  "content": []}},
        {"type": "response.output_item.done", "sequence_number": 2, "output_index": 0,
         "item": {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                  "content": [{"type": "output_text", "text": "Hi", "annotations": []}]}},
        {"type": "response.completed", "sequence_number": 3, "response": {
            "id": "resp_1", "object": "response", "created_at": 1, "completed_at": 2,
            "model": "gpt-5", "status": "completed", "error": None, "incomplete_details": None,
            "output": [{"type": "message", "id": "msg_1", "role": "assistant",
                        "status": "completed",
                        "content": [{"type": "output_text", "text": "Hi", "annotations": []}]}],
            "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
            "content_filters": None, "frequency_penalty": 0.0}},
    ],
    "completions": [
        {"id": "cmpl-1", "object": "text_completion", "created": 1, "model": "m",
         "choices": [{"index": 0, "text": "Hi", "logprobs": None, "finish_reason": None}]},
        {"id": "cmpl-1", "object": "text_completion", "created": 1, "model": "m",
         "choices": [{"index": 0, "text": "", "logprobs": None, "finish_reason": "stop"}],
         "usage": None},
    ],
}  # fmt: skip


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_same_format_stream_comes_back_exactly(fmt: Format) -> None:
    converter = StreamConverter(source=fmt, target=fmt, chat_dialect="openai")
    out = [to_wire(e) for event in RELAYED[fmt] for e in converter.feed(event)]
    out += [to_wire(e) for e in converter.finish()]
    assert out == RELAYED[fmt]
    body = _sse(RELAYED[fmt], fmt, done=fmt in ("chat", "completions"))
    tx = SSETranscoder(source=fmt, target=fmt)
    relayed = b"".join(tx.feed(body[i : i + 5]) for i in range(0, len(body), 5)) + tx.finish()
    assert [f for f in _frames(relayed) if f != "[DONE]"] == RELAYED[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_fixture_stream_is_relayed_exactly(fmt: Format) -> None:
    for name, events in STREAMS[fmt]:
        converter = StreamConverter(source=fmt, target=fmt)
        out = [to_wire(e) for event in events for e in converter.feed(event)]
        out += [to_wire(e) for e in converter.finish()]
        assert out == [to_wire(_parsed(fmt, e)) for e in events], name


def _parsed(fmt: Format, event: Any) -> Any:
    from openai_claude_bridge.stream import _parse_event

    return _parse_event(fmt, event, 0)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_relayed_stream_takes_the_model_option(fmt: Format) -> None:
    converter = StreamConverter(source=fmt, target=fmt, model="proxy-model")
    out = [to_wire(e) for event in RELAYED[fmt] for e in converter.feed(event)]
    models = [
        e.get("model") or e.get("message", {}).get("model") or e.get("response", {}).get("model")
        for e in out
    ]
    assert {m for m in models if m is not None} == {"proxy-model"}


def test_a_cut_relayed_responses_stream_fails_in_sequence() -> None:
    events = RELAYED["responses"][:2]
    converter = StreamConverter(source="responses", target="responses")
    out = [to_wire(e) for event in events for e in converter.feed(event)]
    ending = [to_wire(e) for e in converter.abort()]
    assert out == events
    assert [e["type"] for e in ending][-1] == "response.failed"
    numbers = [e["sequence_number"] for e in out + ending]
    assert numbers == list(range(len(numbers)))


# --------------------------------------------------------------------------- [DONE] and cuts


def test_done_without_finish_reason_is_an_inferred_clean_ending() -> None:
    call = {"index": 0, "id": "call_1", "type": "function",
            "function": {"name": "f", "arguments": "{}"}}  # fmt: skip
    events = [_chunk({"role": "assistant", "content": "x", "tool_calls": [call]})]
    body = _sse(events, "chat", done=True)
    losses: list[Any] = []
    tx = SSETranscoder(source="chat", target="anthropic", on_loss=losses.append)
    frames = _frames(tx.feed(body) + tx.finish())
    (delta,) = [f for f in frames if f["type"] == "message_delta"]
    assert delta["delta"]["stop_reason"] == "tool_use"
    assert frames[-1]["type"] == "message_stop"
    inferred = [(x.path, x.feature) for x in losses if x.feature == "finish_reason"]
    assert inferred == [("choices[0].finish_reason", "finish_reason")]
    strict = SSETranscoder(source="chat", target="anthropic", strict=True)
    with pytest.raises(UnsupportedFeatureError):
        strict.feed(body)


@pytest.mark.parametrize("source", ["chat", "completions"])
@pytest.mark.parametrize("target", FORMATS)
def test_a_body_without_done_is_cut_short(source: Format, target: Format) -> None:
    name, events = STREAMS[source][0]
    body = _sse(events, source, done=False)
    tx = SSETranscoder(source=source, target=target)
    frames = _frames(tx.feed(body) + tx.finish())
    assert _is_error_ending(frames[-1]), name
    assert "[DONE]" not in frames
    if source == target:  # nothing else is lost on the way: strict raises for the cut alone
        strict = SSETranscoder(source=source, target=target, strict=True)
        strict.feed(body)
        with pytest.raises(TruncatedStreamError):
            strict.finish()


@pytest.mark.parametrize("target", FORMATS)
@pytest.mark.parametrize("source", FORMATS)
def test_a_body_cut_inside_a_frame_is_a_truncation(source: Format, target: Format) -> None:
    name, events = STREAMS[source][0]
    body = _sse(events, source, done=True)
    cut = body[: body.rindex(b"data: {") + 20]  # inside the last JSON frame
    tx = SSETranscoder(source=source, target=target)
    frames = _frames(tx.feed(cut) + tx.finish())
    assert _is_error_ending(frames[-1]), name
    if source == target:  # nothing else is lost on the way: strict raises for the cut alone
        strict = SSETranscoder(source=source, target=target, strict=True)
        strict.feed(cut)
        with pytest.raises(TruncatedStreamError):
            strict.finish()


def test_a_complete_frame_that_is_not_json_is_still_invalid_input() -> None:
    tx = SSETranscoder(source="chat", target="anthropic")
    with pytest.raises(InvalidInputError) as raised:
        tx.feed(b"data: {nope\n\n")
    assert not isinstance(raised.value, TruncatedStreamError)


# --------------------------------------------------------------------------- poisoning


@pytest.mark.parametrize(
    "breaks",
    [b"data: {nope\n\n", b"data: \xff\xfe\n\n", b'data: {"type": "message_start"}\n\n'],
    ids=["not-json", "not-utf8", "not-an-event"],
)
def test_after_any_error_every_transcoder_call_raises_stream_state_error(breaks: bytes) -> None:
    tx = SSETranscoder(source="anthropic", target="chat")
    with pytest.raises(InvalidInputError):
        tx.feed(breaks)
    with pytest.raises(StreamStateError):
        tx.feed(b"data: ")  # even bytes that complete no frame
    with pytest.raises(StreamStateError):
        tx.feed(b"")
    with pytest.raises(StreamStateError):
        tx.finish()


def test_a_tag_the_server_left_out_stays_out() -> None:
    """Moonshot's chunks have no ``object``: relayed without one, read like any chunk."""
    chunks = [
        {k: v for k, v in _chunk({"role": "assistant", "content": "Hi"}).items() if k != "object"},
        {k: v for k, v in _chunk({}, "stop").items() if k != "object"},
    ]
    relay = StreamConverter(source="chat", target="chat")
    out = [to_wire(e) for chunk in chunks for e in relay.feed(chunk)] + relay.finish()
    assert out == chunks
    converter = StreamConverter(source="chat", target="anthropic")
    events = [to_wire(e) for chunk in chunks for e in converter.feed(chunk)]
    events += [to_wire(e) for e in converter.finish()]
    assert [e["type"] for e in events][-1] == "message_stop"


# --------------------------------------------------------------------------- stop reasons


_STOPLESS = [
    {"type": "message_start", "message": {
        "id": "msg_1", "type": "message", "role": "assistant", "model": "claude", "content": [],
        "stop_reason": None, "stop_sequence": None,
        "usage": {"input_tokens": 1, "output_tokens": 1}}},
    {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
    {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "hi"}},
    {"type": "content_block_stop", "index": 0},
    {"type": "message_delta", "delta": {"stop_reason": None, "stop_sequence": None},
     "usage": {"output_tokens": 2}},
    {"type": "message_stop"},
]  # fmt: skip


@pytest.mark.parametrize("target", ["chat", "completions"])
def test_an_answer_without_stop_reason_finishes_alike_streamed_or_not(target: Format) -> None:
    """Chat and completions answers always finish; without a stop reason the finish reason
    follows what was emitted, reported, in the stream as in the whole answer."""
    from openai_claude_bridge import convert_response

    stream_losses: list[Any] = []
    converter = StreamConverter(source="anthropic", target=target, on_loss=stream_losses.append)
    out = [to_wire(e) for event in _STOPLESS for e in converter.feed(event)]
    out += [to_wire(e) for e in converter.finish()]
    finishes = [c["finish_reason"] for e in out for c in e["choices"] if c["finish_reason"]]
    whole_losses: list[Any] = []
    message = {**_STOPLESS[0]["message"], "content": [{"type": "text", "text": "hi"}]}
    whole = to_wire(
        convert_response(message, source="anthropic", target=target, on_loss=whole_losses.append)
    )
    assert finishes == [whole["choices"][0]["finish_reason"]] == ["stop"]
    assert [x.feature for x in stream_losses] == [x.feature for x in whole_losses]
    assert "stop_reason" in [x.feature for x in stream_losses]
