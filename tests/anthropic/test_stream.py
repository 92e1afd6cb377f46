"""The anthropic stream decoder and encoder.

* Decoder: every recorded stream decodes, and accumulating the ir events equals decoding the
  message the SDK's own (beta) accumulator builds from the same events; re-splitting deltas does
  not matter; out-of-order streams are rejected; truncation and mid-stream errors.
* Encoder: every event validates strictly against the SDK's event types, the stream keeps the
  anthropic stream rules (the testing kit's ``check_stream``) and passes the SDK's accumulator,
  and what it accumulates to decodes to what ``encode_response(accumulate(ir))`` decodes to.

What the decoder does with each kind of recorded stream (``/work/shared/samples/anthropic``):

* ``ping`` (basic, incomplete_partial_json, stream-*): tolerated, ignored.
* tool use (tool_use, incomplete_partial_json): argument fragments streamed as they come; a
  ``max_tokens`` stream that never stops its tool block is tolerated (the block is finished by
  ``message_delta``), the cut JSON passed on as it came.
* refusal (refusal, stream-a-*): ``stop_reason: refusal`` -> ir ``refusal``; ``stop_details``
  kept in ``StreamEnded.extra``; the empty text block of refusal_response is not re-emitted
  (the anthropic target never sends empty text blocks).
* server tools (server_tool_use, server_tool_result): ``NativePart``s; ``server_tool_use``
  input fragments are buffered and the block restated whole in ``PartFinished``.
* out of order (out_of_order): a block starting at index 1 is REJECTED (InvalidInputError).
* beta (compaction*, fallback*, container, context_management, message_delta_fields,
  stop_details, extra_fields): compaction deltas replace the block's fields as the SDK's
  accumulator does; fallback / unknown blocks are ``NativePart``s; beta ``message_delta``
  fields and usage fields travel in ``extra`` and come back out for anthropic.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path
from typing import Any

import anthropic.types as sdk
import anthropic.types.beta as sdk_beta
import anthropic.types.shared as sdk_shared
import jiter
import pytest
from anthropic.lib.streaming._beta_messages import accumulate_event
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_claude_bridge import ir
from openai_claude_bridge.anthropic.decode import decode_response
from openai_claude_bridge.anthropic.encode import encode_response
from openai_claude_bridge.anthropic.models.response import Message
from openai_claude_bridge.anthropic.models.stream import RawMessageStreamEvent
from openai_claude_bridge.anthropic.reasoning_carrier import PREFIX as CARRIER_PREFIX
from openai_claude_bridge.anthropic.stream_decode import DecoderState, StreamDecoder
from openai_claude_bridge.anthropic.stream_encode import StreamEncoder
from openai_claude_bridge.errors import (
    InvalidInputError,
    StreamStateError,
    TruncatedStreamError,
)
from openai_claude_bridge.ir.accumulate import accumulate
from openai_claude_bridge.options import Loss, Options
from openai_claude_bridge.sse import SSEDecoder
from openai_claude_bridge.testing import check_stream
from openai_claude_bridge.wire import from_wire, to_wire
from tests.anthropic.test_models import _SdkPingEvent
from tests.support.oracle import assert_sdk_strict

SAMPLES = Path("/work/shared/samples/anthropic")
SAMPLE_FILES = sorted(p for p in SAMPLES.glob("*") if p.suffix in (".txt", ".sse"))
#: Recorded streams the decoder rejects on purpose (see the decoder's docstring).
REJECTED = {"out_of_order_response.txt"}
#: Streams with a ``fallback`` block: the SDK relabels the message's model with the block's
#: ``to.model``; the ir stream has no event that restates the model after ``ResponseStarted``
#: (reported as a needed ir change), so the decoded model stays the one ``message_start`` named.
RELABELLED = {"fallback_response.txt", "stream-b-fallback.sse"}
#: Streams carrying unknown extra fields: anthropic -> anthropic keeps them (forward
#: compatibility), so the output is not strict SDK JSON there.
WITH_UNKNOWN_FIELDS = {"extra_fields_response.txt"}

EVENT_SDK = (
    sdk.RawMessageStreamEvent,
    sdk_beta.BetaRawMessageStreamEvent,
    sdk_shared.ErrorResponse,
    _SdkPingEvent,
)


def sample_events(path: Path) -> list[dict[str, Any]]:
    decoder = SSEDecoder()
    frames = decoder.feed(path.read_bytes()) + decoder.finish()
    return [json.loads(frame.data) for frame in frames]


def decode_stream(events: list[dict[str, Any]]) -> list[ir.StreamEvent]:
    decoder = StreamDecoder()
    out: list[ir.StreamEvent] = []
    for event in events:
        out += decoder.feed(from_wire(RawMessageStreamEvent, event))
    out += decoder.finish()
    return out


def sdk_accumulate(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The message the official SDK's beta accumulator builds (pings dropped)."""
    snapshot = None
    bufs: dict[int, bytes] = {}
    for event in events:
        if event["type"] == "ping":
            continue
        snapshot = accumulate_event(
            event=event,  # type: ignore[arg-type]
            current_snapshot=snapshot,
            json_bufs=bufs,
            request_headers=None,  # type: ignore[arg-type]
        )
    assert snapshot is not None
    wire: dict[str, Any] = snapshot.to_dict(mode="json", exclude_unset=True)
    return wire


def _args(text: str) -> Any:
    """Arguments as JSON; a stream cut short (``max_tokens``) is read as the SDK reads it, in
    partial mode."""
    return jiter.from_json(text.encode(), partial_mode=True) if text.strip() else {}


def neutral(resp: ir.Response, *, drop_empty_text: bool = False) -> dict[str, Any]:
    """The neutral content of a response: what stream = non-stream compares."""
    candidates = []
    for candidate in resp.candidates:
        parts: list[Any] = []
        for part in candidate.parts:
            match part:
                case ir.TextPart():
                    if drop_empty_text and not part.text and not part.citations:
                        continue
                    cites = [
                        (c.kind, c.cited_text, c.url, c.title, c.start, c.end)
                        for c in part.citations or ()
                    ]
                    parts.append(("text", part.text, cites))
                case ir.ToolCallPart():
                    parts.append(("tool", part.call_id, part.name, _args(part.arguments)))
                case ir.ReasoningPart():
                    parts.append(("reasoning", part.text, part.signature, part.redacted_data))
                case ir.RefusalPart():
                    parts.append(("refusal", part.text))
                case ir.NativePart():
                    parts.append(("native", part.kind, part.data))
                case _:
                    parts.append((type(part).__name__,))
        candidates.append((parts, candidate.stop_reason, candidate.stop_sequence))
    usage = resp.usage
    counts = None
    if usage is not None:
        counts = (
            usage.input_tokens,
            usage.output_tokens,
            usage.cache_read_tokens,
            usage.cache_write_tokens,
            usage.reasoning_tokens,
            usage.web_search_requests,
        )
    return {"candidates": candidates, "usage": counts}


# --------------------------------------------------------------------------- decoder


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_decoder_matches_sdk_accumulation(path: Path) -> None:
    events = sample_events(path)
    if path.name in REJECTED:
        with pytest.raises(InvalidInputError):
            decode_stream(events)
        return
    out = decode_stream(events)
    assert isinstance(out[0], ir.ResponseStarted)
    assert isinstance(out[-1], ir.StreamEnded)
    streamed = accumulate(out)
    message = from_wire(Message, sdk_accumulate(events))
    assert neutral(streamed) == neutral(decode_response(message))
    assert streamed.id == message.id
    if path.name not in RELABELLED:
        assert streamed.model == message.model


def test_out_of_order_sample_is_rejected_with_a_message() -> None:
    events = sample_events(SAMPLES / "out_of_order_response.txt")
    decoder = StreamDecoder()
    decoder.feed(from_wire(RawMessageStreamEvent, events[0]))
    with pytest.raises(InvalidInputError, match="next block is index 0") as info:
        decoder.feed(from_wire(RawMessageStreamEvent, events[1]))
    assert info.value.event_index is None
    assert decoder.state is DecoderState.ERROR
    with pytest.raises(StreamStateError):
        decoder.feed(from_wire(RawMessageStreamEvent, events[2]))


def _resplit(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in itertools.pairwise(points)] or [""]


_DELTA_FIELD = {
    "text_delta": "text",
    "input_json_delta": "partial_json",
    "thinking_delta": "thinking",
}


def _rechunk(events: list[dict[str, Any]], cuts: list[int]) -> list[dict[str, Any]]:
    """Merge each run of same-kind deltas of a block, then split it at ``cuts``."""
    out: list[dict[str, Any]] = []
    for event in events:
        delta = event.get("delta", {})
        field = (
            _DELTA_FIELD.get(delta.get("type", ""))
            if event["type"] == "content_block_delta"
            else None
        )
        prev = out[-1] if out else None
        if (
            field is not None
            and prev is not None
            and prev["type"] == "content_block_delta"
            and prev["index"] == event["index"]
            and prev["delta"]["type"] == delta["type"]
        ):
            prev["delta"] = {**prev["delta"], field: prev["delta"][field] + delta[field]}
            continue
        out.append(json.loads(json.dumps(event)))
    result: list[dict[str, Any]] = []
    for event in out:
        delta = event.get("delta", {})
        field = (
            _DELTA_FIELD.get(delta.get("type", ""))
            if event["type"] == "content_block_delta"
            else None
        )
        if field is None:
            result.append(event)
            continue
        for piece in _resplit(delta[field], cuts):
            result.append({**event, "delta": {**delta, field: piece}})
    return result


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([p for p in SAMPLE_FILES if p.name not in REJECTED]),
    st.lists(st.integers(min_value=0, max_value=10_000), max_size=8),
)
def test_chunking_does_not_matter(path: Path, cuts: list[int]) -> None:
    events = sample_events(path)
    assert neutral(accumulate(decode_stream(_rechunk(events, cuts)))) == neutral(
        accumulate(decode_stream(events))
    )


def _start(**usage: int) -> dict[str, Any]:
    return {
        "type": "message_start",
        "message": {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "content": [],
            "model": "claude-x",
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {"input_tokens": 10, "output_tokens": 1, **usage},
        },
    }


def _block(index: int, block: dict[str, Any]) -> dict[str, Any]:
    return {"type": "content_block_start", "index": index, "content_block": block}


def _delta(index: int, delta: dict[str, Any]) -> dict[str, Any]:
    return {"type": "content_block_delta", "index": index, "delta": delta}


def _stop(index: int) -> dict[str, Any]:
    return {"type": "content_block_stop", "index": index}


def _message_delta(stop: str | None = "end_turn", **usage: Any) -> dict[str, Any]:
    return {
        "type": "message_delta",
        "delta": {"stop_reason": stop, "stop_sequence": None},
        "usage": {"output_tokens": 5, **usage},
    }


END = {"type": "message_stop"}
TEXT = {"type": "text", "text": ""}


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([_block(0, TEXT)], "before message_start"),
        ([_start(), _start()], "second message_start"),
        ([_start(), _delta(0, {"type": "text_delta", "text": "x"})], "not the open block"),
        ([_start(), _block(0, TEXT), _block(1, TEXT)], "still open"),
        ([_start(), _block(0, TEXT), _stop(1)], "not the open block"),
        (
            [
                _start(),
                _block(0, TEXT),
                _delta(0, {"type": "input_json_delta", "partial_json": "{"}),
            ],
            "cannot extend",
        ),
        ([_start(), _message_delta(), _block(0, TEXT)], "after message_delta"),
        ([_start(), _message_delta(), END, _message_delta()], "after the stream ended"),
    ],
)
def test_invalid_sequences_are_rejected(events: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message) as info:
        decode_stream(events)
    assert not isinstance(info.value, TruncatedStreamError)


def test_tolerated_oddities() -> None:
    events = [
        {"type": "ping"},
        _start(),
        {"type": "ping"},
        {"type": "some_future_event", "x": 1},
        _block(0, {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}}),
        _delta(0, {"type": "some_future_delta"}),
        _delta(0, {"type": "input_json_delta", "partial_json": ""}),
        _stop(0),
        _block(1, TEXT),
        _delta(1, {"type": "text_delta", "text": "cut"}),
        _message_delta("max_tokens", input_tokens=12, cache_read_input_tokens=4),
        END,
    ]
    out = decode_stream(events)
    resp = accumulate(out)
    parts = resp.candidates[0].parts
    assert isinstance(parts[0], ir.ToolCallPart) and parts[0].arguments == "{}"  # no fragment
    assert isinstance(parts[1], ir.TextPart) and parts[1].text == "cut"
    assert resp.candidates[0].stop_reason == "max_tokens"
    assert resp.usage is not None
    assert (resp.usage.input_tokens, resp.usage.cache_read_tokens) == (16, 4)
    assert (resp.usage.output_tokens,) == (5,)


def test_truncated_stream_raises() -> None:
    for events in ([], [_start()], [_start(), _block(0, TEXT)], [_start(), _message_delta()]):
        decoder = StreamDecoder()
        for event in events:
            decoder.feed(from_wire(RawMessageStreamEvent, event))
        with pytest.raises(TruncatedStreamError):
            decoder.finish()


def test_error_mid_stream_ends_the_stream() -> None:
    decoder = StreamDecoder()
    decoder.feed(from_wire(RawMessageStreamEvent, _start()))
    decoder.feed(from_wire(RawMessageStreamEvent, _block(0, TEXT)))
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    out = decoder.feed(from_wire(RawMessageStreamEvent, error))
    assert len(out) == 1 and isinstance(out[0], ir.StreamError)
    assert out[0].error.kind == "overloaded" and out[0].error.status == 529
    with pytest.raises(InvalidInputError, match="after the stream ended"):
        decoder.feed(from_wire(RawMessageStreamEvent, END))
    late = StreamDecoder()
    late.feed(from_wire(RawMessageStreamEvent, error))
    assert late.finish() == []


def test_server_tool_input_and_compaction_are_restated_at_stop() -> None:
    events = [
        _start(),
        _block(
            0, {"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {}}
        ),
        _delta(0, {"type": "input_json_delta", "partial_json": '{"query": '}),
        _delta(0, {"type": "input_json_delta", "partial_json": '"x"}'}),
        _stop(0),
        _message_delta(),
        END,
    ]
    resp = accumulate(decode_stream(events))
    part = resp.candidates[0].parts[0]
    assert isinstance(part, ir.NativePart) and part.data["input"] == {"query": "x"}
    assert neutral(resp) == neutral(decode_response(from_wire(Message, sdk_accumulate(events))))


# --------------------------------------------------------------------------- encoder


def encode_stream(
    events: list[ir.StreamEvent], *, strict_sdk: bool = True, **options: Any
) -> tuple[list[dict[str, Any]], list[Loss]]:
    losses: list[Loss] = []
    encoder = StreamEncoder(
        Options(on_loss=losses.append, id_factory=lambda prefix: prefix + "test", **options)
    )
    out: list[dict[str, Any]] = []
    for event in events:
        out += [to_wire(e) for e in encoder.feed(event)]
    if strict_sdk:
        for wire in out:
            assert_sdk_strict(wire, *EVENT_SDK)
    assert check_stream("anthropic", out) == []
    return out, losses


def _merged_usage(events: list[ir.StreamEvent]) -> ir.Usage | None:
    """The usage the events describe, with the anthropic residues of every update merged
    (``ir.accumulate`` keeps only the first update's ``extra``, so a ``message_delta``'s
    ``server_tool_use.web_fetch_requests`` residue would be missing there)."""
    usage: ir.Usage | None = None
    for event in events:
        new = event.usage if isinstance(event, (ir.ResponseStarted, ir.UsageUpdated)) else None
        if new is None:
            continue
        if usage is None:
            usage = new
            continue
        changes = {
            f.name: getattr(new, f.name)
            for f in dataclasses.fields(ir.Usage)
            if f.name not in ir.NODE_FIELDS and getattr(new, f.name) is not None
        }
        extra = {
            fmt: {**usage.extra.get(fmt, {}), **new.extra.get(fmt, {})}
            for fmt in {*usage.extra, *new.extra}
        }
        usage = dataclasses.replace(usage, extra=extra, **changes)
    return usage


def check_encoder(events: list[ir.StreamEvent], *, strict_sdk: bool = True) -> list[dict[str, Any]]:
    """Encode, check the grammar and SDK types, and check stream = non-stream: the SDK's
    accumulation of the output decodes to what the non-streaming encoder makes of the
    accumulated ir (streams drop empty text blocks, which the non-streaming encoder keeps for
    anthropic's own parts)."""
    out, _ = encode_stream(events, strict_sdk=strict_sdk)
    if out[-1]["type"] == "error":
        return out
    accumulated = from_wire(Message, sdk_accumulate(out))
    acc = dataclasses.replace(accumulate(events), usage=_merged_usage(events))
    try:
        expected = encode_response(acc, Options(id_factory=lambda p: p + "test"))
    except InvalidInputError:
        # the non-streaming encoder refuses tool input that is not a JSON object (a call cut
        # short by max_tokens); the stream passes its fragments on as they came
        expected_ir = acc
    else:
        expected_ir = decode_response(expected)
    assert neutral(decode_response(accumulated)) == neutral(expected_ir, drop_empty_text=True)
    return out


@pytest.mark.parametrize(
    "path", [p for p in SAMPLE_FILES if p.name not in REJECTED], ids=lambda p: p.name
)
def test_encoder_on_decoded_samples(path: Path) -> None:
    events = sample_events(path)
    out = check_encoder(decode_stream(events), strict_sdk=path.name not in WITH_UNKNOWN_FIELDS)
    # anthropic -> anthropic keeps the message's id and model
    start = next(e for e in events if e["type"] == "message_start")
    assert out[0]["message"]["id"] == start["message"]["id"]
    assert out[0]["message"]["model"] == start["message"]["model"]


def _started(usage: ir.Usage | None = None) -> ir.ResponseStarted:
    return ir.ResponseStarted(id="chatcmpl-1", model="gpt-x", usage=usage)


def test_interleaved_parallel_tool_calls_are_serialised() -> None:
    events: list[ir.StreamEvent] = [
        _started(),
        ir.PartStarted(0, ir.TextPart(text="")),
        ir.PartDelta(0, "text", text="Let me look."),
        ir.PartStarted(1, ir.ToolCallPart(call_id="call_a", name="a", arguments="")),
        ir.PartStarted(2, ir.ToolCallPart(call_id="call_b", name="b", arguments="")),
        ir.PartDelta(1, "arguments", text='{"x":'),
        ir.PartDelta(2, "arguments", text='{"y":'),
        ir.PartDelta(2, "arguments", text="2}"),
        ir.PartDelta(1, "arguments", text="1}"),
        ir.PartFinished(0),
        ir.PartFinished(2),
        ir.PartFinished(1),
        ir.CandidateFinished("tool_use", raw_stop_reason="tool_calls"),
        ir.UsageUpdated(ir.Usage(input_tokens=30, output_tokens=7, cache_read_tokens=10)),
        ir.StreamEnded(),
    ]
    out = check_encoder(events)
    starts = [e["content_block"] for e in out if e["type"] == "content_block_start"]
    assert [b["type"] for b in starts] == ["text", "tool_use", "tool_use"]
    assert [b.get("id") for b in starts[1:]] == ["call_a", "call_b"]
    final = out[-2]
    assert final["delta"]["stop_reason"] == "tool_use"
    assert final["usage"] == {"input_tokens": 20, "output_tokens": 7, "cache_read_input_tokens": 10}
    # the buffered call's fragments come after the first call's stop, in order
    fragments = [
        e["delta"]["partial_json"]
        for e in out
        if e.get("delta", {}).get("type") == "input_json_delta"
    ]
    assert fragments == ['{"x":', "1}", '{"y":', "2}"]


def test_reasoning_with_signature_and_unsigned_reasoning() -> None:
    """Another server's reasoning text streams live (its signature as it came); unsigned
    summaries become a thinking block signed with the bridge's carrier, nothing is lost."""
    events: list[ir.StreamEvent] = [
        _started(ir.Usage(input_tokens=5, output_tokens=0)),
        ir.PartStarted(0, ir.ReasoningPart(text="")),
        ir.PartDelta(0, "reasoning", text="think "),
        ir.PartDelta(0, "reasoning", text="hard"),
        ir.PartDelta(0, "signature", text="sig=="),
        ir.PartFinished(0),
        ir.PartStarted(1, ir.ReasoningPart(summary=("s",))),
        ir.PartDelta(1, "summary", text=" more"),
        ir.PartFinished(1),
        ir.PartStarted(2, ir.TextPart(text="")),
        ir.PartDelta(2, "text", text="ok"),
        ir.PartFinished(2),
        ir.CandidateFinished("end_turn"),
        ir.UsageUpdated(ir.Usage(output_tokens=9, reasoning_tokens=4)),
        ir.StreamEnded(),
    ]
    out = check_encoder(events)
    _, losses = encode_stream(events)
    assert losses == []
    deltas = [e["delta"] for e in out if e["type"] == "content_block_delta"]
    assert deltas[:3] == [
        {"type": "thinking_delta", "thinking": "think "},
        {"type": "thinking_delta", "thinking": "hard"},
        {"type": "signature_delta", "signature": "sig=="},
    ]
    assert deltas[3] == {"type": "thinking_delta", "thinking": "s more"}
    assert deltas[4]["signature"].startswith(CARRIER_PREFIX)
    StreamEncoderRun(events, strict=True)  # nothing was approximated


def StreamEncoderRun(events: list[ir.StreamEvent], **options: Any) -> list[Any]:
    encoder = StreamEncoder(Options(**options))
    out: list[Any] = []
    for event in events:
        out += encoder.feed(event)
    return out


def test_own_thinking_streams_live() -> None:
    events = decode_stream(sample_events(SAMPLES / "stream-a-refusal.sse"))
    encoder = StreamEncoder(Options())
    kinds = []
    for event in events:
        got = encoder.feed(event)
        if isinstance(event, ir.PartDelta) and event.kind == "reasoning" and event.text:
            kinds.append([e.type for e in got])
    assert kinds and all(
        k == ["content_block_delta"] or k[-1] == "content_block_delta" for k in kinds
    )


def test_text_with_citations_and_empty_text_parts() -> None:
    citation = ir.Citation(
        kind="url", url="https://e.com", title="E", cited_text="c", encrypted_index="e"
    )
    events: list[ir.StreamEvent] = [
        _started(),
        ir.PartStarted(0, ir.TextPart(text="")),
        ir.PartFinished(0),
        ir.PartStarted(1, ir.TextPart(text="")),
        ir.PartDelta(1, "text", text="See "),
        ir.PartDelta(1, "citation", citation=citation),
        ir.PartDelta(1, "text", text="this."),
        ir.PartFinished(1),
        ir.CandidateFinished("end_turn"),
        ir.StreamEnded(),
    ]
    out, losses = encode_stream(events)
    starts = [e for e in out if e["type"] == "content_block_start"]
    assert len(starts) == 1 and starts[0]["index"] == 0
    cites = [e["delta"] for e in out if e.get("delta", {}).get("type") == "citations_delta"]
    assert cites and cites[0]["citation"]["type"] == "web_search_result_location"
    assert losses == []  # no usage known: 0, which says nothing lost


def test_usage_after_candidate_finished_and_held_closing() -> None:
    encoder = StreamEncoder(Options())
    assert [e.type for e in encoder.feed(_started())] == ["message_start"]
    encoder.feed(ir.PartStarted(0, ir.TextPart(text="hi")))
    encoder.feed(ir.PartFinished(0))
    assert encoder.feed(ir.CandidateFinished("max_tokens")) == []
    assert encoder.feed(ir.UsageUpdated(ir.Usage(input_tokens=3, output_tokens=4))) == []
    closing = [to_wire(e) for e in encoder.feed(ir.StreamEnded())]
    assert [e["type"] for e in closing] == ["message_delta", "message_stop"]
    assert closing[0]["delta"]["stop_reason"] == "max_tokens"
    assert closing[0]["usage"] == {"input_tokens": 3, "output_tokens": 4}
    assert encoder.state == "ended"
    with pytest.raises(StreamStateError):
        encoder.feed(ir.StreamEnded())


def test_stream_error_ends_with_an_error_event() -> None:
    error = ir.ApiError(kind="rate_limit", message="slow down", status=429)
    events: list[ir.StreamEvent] = [
        _started(),
        ir.PartStarted(0, ir.TextPart(text="")),
        ir.PartDelta(0, "text", text="partial"),
        ir.StreamError(error),
    ]
    out, _ = encode_stream(events)
    assert out[-1] == {
        "type": "error",
        "error": {"type": "rate_limit_error", "message": "slow down"},
    }
    assert [e["type"] for e in out].count("message_delta") == 0
    only, _ = encode_stream([ir.StreamError(error)])
    assert [e["type"] for e in only] == ["error"]


def test_misuse_and_other_candidates() -> None:
    encoder = StreamEncoder(Options())
    with pytest.raises(InvalidInputError):
        encoder.feed(ir.PartStarted(0, ir.TextPart(text="")))
    encoder = StreamEncoder(Options())
    encoder.feed(_started())
    with pytest.raises(InvalidInputError, match="never started"):
        encoder.feed(ir.PartDelta(3, "text", text="x"))
    losses: list[Loss] = []
    events: list[ir.StreamEvent] = [
        _started(),
        ir.PartStarted(0, ir.TextPart(text="a")),
        ir.PartStarted(1, ir.TextPart(text="b"), candidate=1),
        ir.PartDelta(1, "text", text="c", candidate=1),
        ir.CandidateFinished("end_turn", candidate=1),
        ir.CandidateFinished("end_turn"),
        ir.StreamEnded(),
    ]
    out = [to_wire(e) for e in StreamEncoderRun(events, on_loss=losses.append)]
    assert check_stream("anthropic", out) == []
    assert [loss.feature for loss in losses].count("n") == 1
    texts = [e["delta"]["text"] for e in out if e.get("delta", {}).get("type") == "text_delta"]
    assert texts == ["a"]


def test_final_part_catch_up_and_custom_tool() -> None:
    events: list[ir.StreamEvent] = [
        _started(ir.Usage(input_tokens=1, output_tokens=1)),
        ir.PartStarted(0, ir.ToolCallPart(call_id="call_1", name="f", arguments="")),
        ir.PartFinished(0, ir.ToolCallPart(call_id="call_1", name="f", arguments='{"a":1}')),
        ir.PartStarted(1, ir.ToolCallPart(call_id="call_2", name="g", arguments="", kind="custom")),
        ir.PartDelta(1, "arguments", text="free text"),
        ir.PartFinished(1),
        ir.CandidateFinished("tool_use"),
        ir.StreamEnded(),
    ]
    out = check_encoder(events)
    _, losses = encode_stream(events)
    assert losses == []
    fragments = [
        e["delta"]["partial_json"]
        for e in out
        if e.get("delta", {}).get("type") == "input_json_delta"
    ]
    # the custom call goes out whole when it finishes, as a call of its function stand-in
    assert fragments == ['{"a":1}', '{"input":"free text"}']


@settings(max_examples=40, deadline=None)
@given(st.permutations(list(range(3))), st.lists(st.integers(0, 50), max_size=5))
def test_any_interleaving_of_parallel_calls_accumulates_the_same(
    order: list[int], cuts: list[int]
) -> None:
    calls = [(f"call_{i}", f"f{i}", json.dumps({"i": i, "pad": "x" * i})) for i in range(3)]
    events: list[ir.StreamEvent] = [_started(ir.Usage(input_tokens=2, output_tokens=3))]
    for i, (call_id, name, _) in enumerate(calls):
        events.append(ir.PartStarted(i, ir.ToolCallPart(call_id=call_id, name=name, arguments="")))
    pieces = {i: _resplit(calls[i][2], cuts) for i in range(3)}
    while any(pieces.values()):
        for i in order:
            if pieces[i]:
                events.append(ir.PartDelta(i, "arguments", text=pieces[i].pop(0)))
    events += [ir.PartFinished(i) for i in order]
    events += [ir.CandidateFinished("tool_use"), ir.StreamEnded()]
    out = check_encoder(events)
    ids = [e["content_block"]["id"] for e in out if e["type"] == "content_block_start"]
    assert ids == ["call_0", "call_1", "call_2"]


def test_a_restated_stop_reason_gives_one_candidate_finished() -> None:
    events = [
        _start(),
        _block(0, TEXT),
        _delta(0, {"type": "text_delta", "text": "x"}),
        _stop(0),
        _message_delta("end_turn"),
        _message_delta("max_tokens", input_tokens=11),
        END,
    ]
    out = decode_stream(events)
    finished = [e for e in out if isinstance(e, ir.CandidateFinished)]
    assert [f.stop_reason for f in finished] == ["max_tokens"]
    assert isinstance(out[-2], ir.CandidateFinished) and isinstance(out[-1], ir.StreamEnded)
    assert neutral(accumulate(out)) == neutral(
        decode_response(from_wire(Message, sdk_accumulate(events)))
    )
