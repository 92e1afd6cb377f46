"""The Responses stream codec: StreamDecoder (wire events -> ir) and StreamEncoder (ir -> wire).

* Decoder = non-streaming decoder: accumulating the decoded fixture stream gives what decoding its
  terminal ``Response`` gives; so does every ``Response`` fixture streamed by the encoder and
  decoded again (and the terminal output is the original output, exactly).
* Chunking invariance (hypothesis): re-splitting or dropping the deltas of a stream changes nothing.
* Encoder: every event validates strictly against the SDK, the stream passes the SDK's own
  ``ResponseStreamState``, the Responses stream rules hold (the testing kit's ``check_stream``:
  sequence numbers, output indices, item ids, exactly one terminal whose output is what the
  events built), and the terminal equals
  ``encode_response(accumulate(events))`` ids aside — for interleaved parallel tool calls,
  signed reasoning, citations, usage after the stop, errors.
* Truncation and out-of-order input raise the documented errors.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openai import omit
from openai.lib.streaming.responses._responses import ResponseStreamState
from openai.types.responses import ResponseStreamEvent as SdkStreamEvent
from pydantic import TypeAdapter

from openai_claude_bridge import (
    BridgeError,
    InvalidInputError,
    Loss,
    StreamConverter,
    StreamStateError,
    TruncatedStreamError,
    UnsupportedFeatureError,
    ir,
)
from openai_claude_bridge.ir.accumulate import accumulate
from openai_claude_bridge.options import Options
from openai_claude_bridge.responses import Response, ResponseStreamEvent
from openai_claude_bridge.responses.decode import RESPONSE_ECHO, decode_response
from openai_claude_bridge.responses.encode import encode_response
from openai_claude_bridge.responses.reasoning_carrier import decode_carrier
from openai_claude_bridge.responses.stream_decode import DecoderState, StreamDecoder
from openai_claude_bridge.responses.stream_encode import StreamEncoder
from openai_claude_bridge.testing import check_stream
from openai_claude_bridge.wire import from_wire, to_wire
from tests.support.oracle import assert_sdk_strict
from tests.support.roundtrip import FIXTURES, all_fixture_payloads

STREAMS = FIXTURES / "responses" / "ResponseStreamEvent"
SDK_EVENT = TypeAdapter(SdkStreamEvent)
TERMINAL = ("response.completed", "response.incomplete", "response.failed")
TERMINAL_STATUSES = ("completed", "incomplete", "failed")


def _lines(name: str) -> list[dict[str, Any]]:
    path = Path(STREAMS / name)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _options(losses: list[Loss] | None = None, **kwargs: Any) -> Options:
    counter = iter(range(10**6))
    return Options(
        on_loss=losses.append if losses is not None else None,
        id_factory=lambda prefix: f"{prefix}{next(counter)}",
        clock=lambda: 1_700_000_000,
        **kwargs,
    )


def _decode(wires: list[dict[str, Any]]) -> list[ir.StreamEvent]:
    decoder = StreamDecoder()
    events: list[ir.StreamEvent] = []
    for wire in wires:
        events += decoder.feed(from_wire(ResponseStreamEvent, wire))
    return events + decoder.finish()


def _encode(events: list[ir.StreamEvent], options: Options | None = None) -> list[dict[str, Any]]:
    encoder = StreamEncoder(options or _options())
    return [to_wire(out) for event in events for out in encoder.feed(event)]


# --------------------------------------------------------------------------- neutral comparison


def _citation(c: ir.Citation) -> tuple[Any, ...]:
    return (c.kind, c.url, c.title, c.file_id, c.start, c.end)


def _part(p: ir.Part) -> tuple[Any, ...]:
    match p:
        case ir.TextPart():
            return ("text", p.text, tuple(_citation(c) for c in p.citations or ()))
        case ir.RefusalPart():
            return ("refusal", p.text)
        case ir.ToolCallPart():
            return ("call", p.call_id, p.name, p.arguments, p.kind)
        case ir.ReasoningPart():
            return (
                "reasoning",
                p.text or None,
                p.content,
                p.summary,
                p.signature,
                p.redacted_data,
                p.encrypted_content,
            )
        case ir.NativePart():
            return ("native", p.kind, json.dumps(p.data, sort_keys=True))
        case _:
            return (type(p).__name__,)


def _neutral(resp: ir.Response) -> dict[str, Any]:
    usage = resp.usage
    return {
        "candidates": [
            (c.index, [_part(p) for p in c.parts], c.stop_reason, c.stop_sequence)
            for c in resp.candidates
        ],
        "usage": None
        if usage is None
        else (
            usage.input_tokens,
            usage.output_tokens,
            usage.cache_read_tokens,
            usage.cache_write_tokens,
            usage.reasoning_tokens,
            usage.total_tokens,
        ),
        "status": resp.status,
    }


# --------------------------------------------------------------------------- stream rules


def check_rules(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Assert the Responses stream rules (the testing kit's ``check_stream``); return the
    terminal response."""
    assert check_stream("responses", events) == []
    terminal: dict[str, Any] = events[-1]["response"]
    return terminal


def check_sdk(events: list[dict[str, Any]]) -> None:
    """Every event is a strict SDK event, and the SDK's accumulator takes the stream."""
    state: ResponseStreamState[Any] = ResponseStreamState(input_tools=[], text_format=omit)
    for wire in events:
        assert_sdk_strict(wire, SdkStreamEvent)
        state.handle_event(SDK_EVENT.validate_python(wire))


def _strip_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k not in ("id", "created_at")}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


def check_encoder(ir_events: list[ir.StreamEvent], **kwargs: Any) -> list[dict[str, Any]]:
    """Encode ``ir_events``; check the stream rules, the SDK and stream = non-stream; return the
    events."""
    events = _encode(ir_events, _options(**kwargs))
    terminal = check_rules(events)
    check_sdk(events)
    expected = to_wire(encode_response(accumulate(ir_events), _options(**kwargs)))
    assert _strip_ids(terminal) == _strip_ids(expected)
    return events


# --------------------------------------------------------------------------- ir streams


def _chunks(text: str, size: int = 3) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]


def ir_stream(resp: ir.Response) -> list[ir.StreamEvent]:
    """The ir stream a source would send for ``resp``: headers, deltas, finished parts."""
    events: list[ir.StreamEvent] = [ir.ResponseStarted(resp.id, resp.model, resp.created)]
    cand = resp.candidates[0] if resp.candidates else ir.Candidate()
    for i, part in enumerate(cand.parts):
        deltas: list[ir.StreamEvent] = []
        header: ir.Part = part
        match part:
            case ir.TextPart():
                header = dataclasses.replace(
                    part, text="", citations=() if part.citations is not None else None
                )
                deltas = [ir.PartDelta(i, "text", c) for c in _chunks(part.text)]
                deltas += [ir.PartDelta(i, "citation", citation=c) for c in part.citations or ()]
            case ir.RefusalPart():
                header = dataclasses.replace(part, text="")
                deltas = [ir.PartDelta(i, "refusal", c) for c in _chunks(part.text)]
            case ir.ToolCallPart():
                header = dataclasses.replace(part, arguments="")
                deltas = [ir.PartDelta(i, "arguments", c) for c in _chunks(part.arguments)]
            case ir.ReasoningPart():
                header = dataclasses.replace(part, text=None, summary=(), content=())
                for n, s in enumerate(part.summary):
                    deltas += [ir.PartDelta(i, "summary", c, summary_index=n) for c in _chunks(s)]
                text = part.text or "".join(part.content)
                deltas += [ir.PartDelta(i, "reasoning", c) for c in _chunks(text)]
        events += [ir.PartStarted(i, header), *deltas, ir.PartFinished(i, part)]
    if resp.usage is not None:
        events.append(ir.UsageUpdated(resp.usage))
    if cand.stop_reason is not None:
        events.append(ir.CandidateFinished(cand.stop_reason, raw_stop_reason=cand.raw_stop_reason))
    if resp.status == "failed":
        events.append(ir.StreamError(ir.ApiError(kind="server_error", message="boom")))
    else:
        events.append(ir.StreamEnded())
    return events


# --------------------------------------------------------------------------- decoder


def test_decoder_matches_non_streaming_decoder() -> None:
    wires = _lines("text_reasoning_function_call.jsonl")
    events = _decode(wires)
    assert isinstance(events[0], ir.ResponseStarted)
    assert isinstance(events[-1], ir.StreamEnded)
    expected = decode_response(from_wire(Response, wires[-1]["response"]))
    assert _neutral(accumulate(events)) == _neutral(expected)
    # fragments stream as they come
    args = [e.text for e in events if isinstance(e, ir.PartDelta) and e.kind == "arguments"]
    assert args == ['{"city":', '"Paris","unit":"cel', 'sius","days":1}']


def test_decoder_refusal_custom_tool_incomplete() -> None:
    events = _decode(_lines("refusal_custom_tool_incomplete.jsonl"))
    resp = accumulate(events)
    (cand,) = resp.candidates
    reasoning, call, refusal, text = cand.parts
    assert isinstance(reasoning, ir.ReasoningPart) and reasoning.content == ("Need SQL.",)
    assert isinstance(call, ir.ToolCallPart) and call.kind == "custom"
    assert call.arguments == "SELECT count(*) FROM orders;" and call.item_id == "ctc_1"
    assert isinstance(refusal, ir.RefusalPart) and refusal.text == "I can\u2019t help"
    assert isinstance(text, ir.TextPart) and text.text == "Source"
    assert text.citations is not None and text.citations[0].url == "https://meteo.fr"
    assert cand.stop_reason == "max_tokens" and resp.status == "incomplete"


def test_decoder_hosted_tools_then_error() -> None:
    decoder = StreamDecoder()
    wires = _lines("hosted_tools_failed.jsonl")
    events: list[ir.StreamEvent] = []
    for wire in wires:  # the trailing response.failed after the error is absorbed
        events += decoder.feed(from_wire(ResponseStreamEvent, wire))
    assert decoder.finish() == []
    assert [type(e) for e in events] == [ir.ResponseStarted, ir.StreamError]
    err = events[-1]
    assert isinstance(err, ir.StreamError) and err.error.kind == "server_error"


def test_decoder_error_only_stream() -> None:
    decoder = StreamDecoder()
    first, second = _lines("error_only.jsonl")
    events = decoder.feed(from_wire(ResponseStreamEvent, first))
    assert [type(e) for e in events] == [ir.ResponseStarted, ir.StreamError]
    with pytest.raises(InvalidInputError, match="after the end"):
        decoder.feed(from_wire(ResponseStreamEvent, second))
    with pytest.raises(StreamStateError):
        decoder.finish()


def test_decoder_rejects_out_of_order() -> None:
    wires = _lines("future_events.lenient.jsonl")
    decoder = StreamDecoder()
    decoder.feed(from_wire(ResponseStreamEvent, wires[0]))
    with pytest.raises(InvalidInputError, match="never added") as info:
        decoder.feed(from_wire(ResponseStreamEvent, wires[1]))
    assert info.value.event_index is None
    with pytest.raises(StreamStateError):
        decoder.feed(from_wire(ResponseStreamEvent, wires[2]))
    fresh = StreamDecoder()
    with pytest.raises(InvalidInputError, match=r"before response\.created"):
        fresh.feed(from_wire(ResponseStreamEvent, wires[1]))


def test_decoder_truncated() -> None:
    wires = _lines("text_reasoning_function_call.jsonl")
    for cut in (0, 1, 12, len(wires) - 1):
        decoder = StreamDecoder()
        for wire in wires[:cut]:
            decoder.feed(from_wire(ResponseStreamEvent, wire))
        with pytest.raises(TruncatedStreamError):
            decoder.finish()


def test_decoder_items_only_in_terminal_response() -> None:
    wires = _lines("text_reasoning_function_call.jsonl")
    only_ends = [wires[0], wires[-1]]
    events = _decode(only_ends)
    expected = decode_response(from_wire(Response, wires[-1]["response"]))
    assert _neutral(accumulate(events)) == _neutral(expected)


def _run_key(wire: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(wire.get(k) for k in ("type", "item_id", "content_index", "summary_index"))


def _resplit(wires: list[dict[str, Any]], data: st.DataObject) -> list[dict[str, Any]]:
    """Re-split every run of deltas of one part at random points (or drop the run entirely:
    the ``.done`` events then carry the text)."""
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(wires):
        wire = wires[i]
        if not wire["type"].endswith(".delta"):
            out.append(wire)
            i += 1
            continue
        run = [wire]
        while i + len(run) < len(wires) and _run_key(wires[i + len(run)]) == _run_key(wire):
            run.append(wires[i + len(run)])
        i += len(run)
        text = "".join(w["delta"] for w in run)
        if data.draw(st.booleans(), label="drop"):
            continue
        cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=6)))
        bounds = [0, *[c for c in cuts if c < len(text)], len(text)]
        for a, b in itertools.pairwise(bounds):
            out.append({**wire, "delta": text[a:b]})
    return [{**w, "sequence_number": n} for n, w in enumerate(out)]


@pytest.mark.parametrize(
    "name", ["text_reasoning_function_call.jsonl", "refusal_custom_tool_incomplete.jsonl"]
)
@given(data=st.data())
def test_chunking_invariance(name: str, data: st.DataObject) -> None:
    wires = _lines(name)
    expected = _neutral(accumulate(_decode(wires)))
    assert _neutral(accumulate(_decode(_resplit(wires, data)))) == expected


@given(data=st.data())
def test_decoder_raises_only_bridge_errors(data: st.DataObject) -> None:
    """Dropped, repeated and swapped events are rejected with a BridgeError or tolerated."""
    wires = _lines("text_reasoning_function_call.jsonl") + _lines("hosted_tools_failed.jsonl")
    picked = data.draw(st.lists(st.sampled_from(wires), max_size=30))
    decoder = StreamDecoder()
    try:
        for wire in picked:
            decoder.feed(from_wire(ResponseStreamEvent, wire))
        decoder.finish()
    except BridgeError:
        assert decoder.state is DecoderState.ERROR


# --------------------------------------------------------------------------- round trips


RESPONSES = [
    pytest.param(p, id=str(n)) for n, p in enumerate(all_fixture_payloads("responses", "Response"))
]


@pytest.mark.parametrize("payload", RESPONSES)
def test_response_fixture_streams_round_trip(payload: dict[str, Any]) -> None:
    original = decode_response(from_wire(Response, payload))
    if original.status == "in_progress":
        return
    events = _encode(ir_stream(original))
    terminal = check_rules(events)
    decoded = accumulate(_decode(events))
    assert [_part(p) for p in decoded.candidates[0].parts] == [
        _part(p) for p in original.candidates[0].parts
    ]
    if payload.get("status") in TERMINAL_STATUSES:
        assert terminal["status"] == payload["status"]
    if original.status in ("completed", "incomplete"):
        # (the ir accumulator calls only max_tokens "incomplete": compare the rest)
        assert {**_neutral(decoded), "status": None} == {**_neutral(original), "status": None}
        # items the source sent without an id get one: deltas need an item_id
        output = [
            item if "id" in source else {k: v for k, v in item.items() if k != "id"}
            for item, source in zip(terminal["output"], payload["output"], strict=True)
        ]
        assert output == payload["output"]


def test_decoder_stream_through_encoder_is_exact() -> None:
    wires = _lines("text_reasoning_function_call.jsonl")
    events = _encode(_decode(wires))
    check_sdk(events)
    terminal = check_rules(events)
    assert terminal["output"] == wires[-1]["response"]["output"]
    assert terminal["usage"] == wires[-1]["response"]["usage"]
    strip = {"sequence_number", "obfuscation"}
    body = [{k: v for k, v in e.items() if k not in strip} for e in events[2:-1]]
    source = [{k: v for k, v in e.items() if k not in strip} for e in wires[2:-1]]
    assert [e["type"] for e in body] == [e["type"] for e in source]


# --------------------------------------------------------------------------- encoder


def _started() -> ir.ResponseStarted:
    return ir.ResponseStarted(id="msg_01", model="claude-x", created=1_700_000_001)


def test_encoder_interleaved_parallel_tool_calls_usage_after_stop() -> None:
    a = ir.ToolCallPart(call_id="toolu_a", name="get_weather", arguments="")
    b = ir.ToolCallPart(call_id="toolu_b", name="get_time", arguments="")
    events: list[ir.StreamEvent] = [
        _started(),
        ir.PartStarted(0, ir.TextPart(text="")),
        ir.PartDelta(0, "text", "Checking"),
        ir.PartStarted(1, a),
        ir.PartStarted(2, b),
        ir.PartDelta(2, "arguments", '{"tz":'),
        ir.PartDelta(1, "arguments", '{"city":'),
        ir.PartDelta(0, "text", " both."),
        ir.PartDelta(2, "arguments", '"UTC"}'),
        ir.PartFinished(2),
        ir.PartDelta(1, "arguments", '"Paris"}'),
        ir.PartFinished(0),
        ir.PartFinished(1),
        ir.CandidateFinished("tool_use"),
        ir.UsageUpdated(ir.Usage(input_tokens=10, output_tokens=5)),
        ir.UsageUpdated(ir.Usage(cache_read_tokens=4, reasoning_tokens=0, cache_write_tokens=0)),
        ir.StreamEnded(),
    ]
    out = check_encoder(events)
    terminal = out[-1]["response"]
    assert out[-1]["type"] == "response.completed"
    message, call_a, call_b = terminal["output"]
    assert message["content"][0]["text"] == "Checking both."
    assert (call_a["call_id"], call_a["arguments"]) == ("toolu_a", '{"city":"Paris"}')
    assert (call_b["call_id"], call_b["arguments"]) == ("toolu_b", '{"tz":"UTC"}')
    assert call_a["id"].startswith("fc_") and call_a["id"] != call_b["id"]
    assert terminal["usage"]["input_tokens"] == 10
    assert terminal["usage"]["input_tokens_details"]["cached_tokens"] == 4
    assert terminal["id"] == "msg_01" and terminal["model"] == "claude-x"


def test_encoder_signed_reasoning_and_citations() -> None:
    cite = ir.Citation(kind="web_search_result_location", url="https://x.fr", title="X")
    events: list[ir.StreamEvent] = [
        _started(),
        ir.PartStarted(0, ir.ReasoningPart(text="")),
        ir.PartDelta(0, "reasoning", "Let me "),
        ir.PartDelta(0, "reasoning", "think."),
        ir.PartDelta(0, "signature", "sig-123"),
        ir.PartFinished(0),
        ir.PartStarted(1, ir.TextPart(text="", citations=())),
        ir.PartDelta(1, "text", "Paris is sunny."),
        ir.PartDelta(1, "citation", citation=cite),
        ir.PartFinished(1),
        ir.PartStarted(2, ir.RefusalPart(text="")),
        ir.PartDelta(2, "refusal", "No more."),
        ir.PartFinished(2),
        ir.CandidateFinished("end_turn"),
        ir.StreamEnded(),
    ]
    out = check_encoder(events)
    reasoning, message = out[-1]["response"]["output"]
    assert reasoning["summary"] == [{"type": "summary_text", "text": "Let me think."}]
    carried = decode_carrier(reasoning["encrypted_content"])
    assert carried is not None and (carried.text, carried.signature) == ("Let me think.", "sig-123")
    text, refusal = message["content"]
    assert text["annotations"][0]["url"] == "https://x.fr"
    assert refusal == {"type": "refusal", "refusal": "No more."}
    types = [e["type"] for e in out]
    assert "response.output_text.annotation.added" in types
    assert "response.reasoning_summary_text.delta" in types


def test_encoder_max_tokens_is_incomplete() -> None:
    events: list[ir.StreamEvent] = [
        _started(),
        ir.PartStarted(0, ir.TextPart(text="cut")),
        ir.PartDelta(0, "text", " off"),
        ir.CandidateFinished("max_tokens"),
        ir.StreamEnded(),
    ]
    out = check_encoder(events)
    assert out[-1]["type"] == "response.incomplete"
    assert out[-1]["response"]["incomplete_details"] == {"reason": "max_output_tokens"}
    assert out[-1]["response"]["output"][0]["content"][0]["text"] == "cut off"


@pytest.mark.parametrize("kind", ["server_error", "rate_limit", "overloaded"])
def test_encoder_stream_error_is_response_failed(kind: str) -> None:
    encoder = StreamEncoder(_options())
    events: list[ir.StreamEvent] = [
        _started(),
        ir.PartStarted(0, ir.TextPart(text="")),
        ir.PartDelta(0, "text", "Hal"),
        ir.CandidateFinished("end_turn"),
        ir.StreamError(ir.ApiError(kind=kind, message="upstream died")),  # type: ignore[arg-type]
    ]
    out = [to_wire(o) for e in events for o in encoder.feed(e)]
    terminal = check_rules(out)
    check_sdk(out)
    assert out[-1]["type"] == "response.failed"
    assert terminal["status"] == "failed"
    assert terminal["error"]["message"] == "upstream died"
    code = "rate_limit_exceeded" if kind == "rate_limit" else "server_error"
    assert terminal["error"]["code"] == code
    assert not any(e["type"] == "response.completed" for e in out)
    with pytest.raises(StreamStateError):
        encoder.feed(ir.StreamEnded())


def test_encoder_error_before_start() -> None:
    out = _encode([ir.StreamError(ir.ApiError(kind="overloaded", message="busy"))])
    check_rules(out)
    check_sdk(out)
    assert out[-1]["type"] == "response.failed"
    assert out[0]["response"]["id"].startswith("resp_")


def test_encoder_losses_reported_once_and_strict() -> None:
    native = ir.NativePart(format="anthropic", kind="server_tool_use", data={"type": "x"})
    events: list[ir.StreamEvent] = [
        _started(),
        ir.PartStarted(0, ir.TextPart(text="a")),
        ir.PartStarted(1, native),
        ir.PartFinished(1),
        ir.PartStarted(2, ir.TextPart(text="b")),
        ir.StreamEnded(),
    ]
    losses: list[Loss] = []
    out = _encode(events, _options(losses))
    check_rules(out)
    assert [loss.feature for loss in losses].count("server_tool_use") == 1
    # the lost part ends the message, as the non-streaming encoder does
    assert [len(i["content"]) for i in out[-1]["response"]["output"]] == [1, 1]
    with pytest.raises(UnsupportedFeatureError):
        _encode(events, _options(strict=True))


def test_encoder_options_model_and_request_echo() -> None:
    request = {"model": "gpt-5", "input": "hi", "instructions": "Be brief.", "tools": []}
    events: list[ir.StreamEvent] = [_started(), ir.StreamEnded()]
    out = check_encoder(events, model="gpt-5-mini", request=request)
    for e in (out[0], out[-1]):
        assert e["response"]["model"] == "gpt-5-mini"
        assert e["response"]["instructions"] == "Be brief."


def test_encoder_rejects_misuse() -> None:
    encoder = StreamEncoder(_options())
    encoder.feed(_started())
    encoder.feed(ir.PartStarted(0, ir.TextPart(text="")))
    encoder.feed(ir.PartStarted(1, ir.TextPart(text="")))
    encoder.feed(ir.PartFinished(1))
    with pytest.raises(InvalidInputError, match="after it finished"):
        encoder.feed(ir.PartDelta(1, "text", "late"))
    encoder = StreamEncoder(_options())
    encoder.feed(_started())
    with pytest.raises(InvalidInputError):
        encoder.feed(ir.PartDelta(3, "text", "x"))
    with pytest.raises(StreamStateError):
        encoder.feed(ir.StreamEnded())


# --------------------------------------------------------------------------- random ir streams

_TEXT = st.text(alphabet=st.sampled_from("ab ☔é{}\"'"), max_size=12)


@st.composite
def _random_part(draw: st.DrawFn) -> tuple[ir.Part, list[tuple[ir.DeltaKind, str, int]]]:
    """A part header and its deltas (kind, text, summary_index)."""
    kind = draw(st.sampled_from(["text", "refusal", "function", "custom", "reasoning", "signed"]))
    chunks = draw(st.lists(_TEXT, max_size=4))
    n = draw(st.integers(0, 10**6))
    if kind == "text":
        return ir.TextPart(text=draw(_TEXT)), [("text", c, 0) for c in chunks]
    if kind == "refusal":
        return ir.RefusalPart(text=""), [("refusal", c, 0) for c in chunks]
    if kind in {"function", "custom"}:
        call_kind: ir.ToolCallKind = "custom" if kind == "custom" else "function"
        call = ir.ToolCallPart(call_id=f"call_{n}", name="tool", arguments="", kind=call_kind)
        return call, [("arguments", c, 0) for c in chunks]
    if kind == "reasoning":
        return ir.ReasoningPart(), [("summary", c, i % 2) for i, c in enumerate(chunks)]
    deltas: list[tuple[ir.DeltaKind, str, int]] = [("reasoning", c, 0) for c in chunks]
    return ir.ReasoningPart(text=""), [*deltas, ("signature", f"sig{n}", 0)]


@st.composite
def random_ir_streams(draw: st.DrawFn) -> list[ir.StreamEvent]:
    """ResponseStarted, parts opened in index order whose events interleave at random, then a
    stop reason, usage (possibly after the stop) and the end (or an error)."""
    parts = draw(st.lists(_random_part(), max_size=5))
    queues: list[list[ir.StreamEvent]] = []
    for i, (drawn, deltas) in enumerate(parts):
        header = drawn
        if isinstance(header, ir.ToolCallPart):
            header = dataclasses.replace(header, call_id=f"call_{i}")  # call ids are unique
        events: list[ir.StreamEvent] = [ir.PartStarted(i, header)]
        events += [ir.PartDelta(i, k, t, summary_index=s) for k, t, s in deltas]
        if draw(st.booleans()):
            events.append(ir.PartFinished(i))
        queues.append(events)
    out: list[ir.StreamEvent] = [ir.ResponseStarted(None, draw(st.sampled_from([None, "m"])))]
    started = 0
    while any(queues):
        ready = [i for i, q in enumerate(queues) if q and (i < started or i == started)]
        i = draw(st.sampled_from(ready))
        out.append(queues[i].pop(0))
        started = max(started, i + 1)
    stops: list[ir.StopReason | None] = [None, "end_turn", "tool_use", "max_tokens", "refusal"]
    stop = draw(st.sampled_from(stops))
    usage = ir.Usage(input_tokens=3, output_tokens=4, cache_read_tokens=0, reasoning_tokens=1)
    tail: list[ir.StreamEvent] = [ir.UsageUpdated(usage)] if draw(st.booleans()) else []
    if stop is not None:
        tail.insert(draw(st.integers(0, len(tail))), ir.CandidateFinished(stop))
    if draw(st.booleans()):
        tail.append(ir.StreamEnded())
    else:
        tail.append(ir.StreamError(ir.ApiError(kind="server_error", message="boom")))
    return out + tail


@given(random_ir_streams())
def test_encoder_random_streams(events: list[ir.StreamEvent]) -> None:
    out = _encode(events)
    terminal = check_rules(out)
    check_sdk(out)
    if isinstance(events[-1], ir.StreamError):
        assert terminal["status"] == "failed"
        return
    expected = to_wire(encode_response(accumulate(events), _options()))
    assert _strip_ids(terminal) == _strip_ids(expected)
    # and the Responses decoder reads back the same neutral response
    assert _neutral(accumulate(_decode(out)))["candidates"][0][1] == [
        _part(p) for p in decode_response(from_wire(Response, terminal)).candidates[0].parts
    ]


# --------------------------------------------------------------------------- more decoder cases


def _feed_all(wires: list[dict[str, Any]]) -> tuple[StreamDecoder, list[ir.StreamEvent]]:
    decoder = StreamDecoder()
    events: list[ir.StreamEvent] = []
    for wire in wires:
        events += decoder.feed(from_wire(ResponseStreamEvent, wire))
    return decoder, events


@pytest.mark.parametrize(
    "name",
    [
        "text_reasoning_function_call.jsonl",
        "refusal_custom_tool_incomplete.jsonl",
        "hosted_tools_failed.jsonl",
    ],
)
def test_fixture_streams_through_decoder_and_encoder(name: str) -> None:
    _, events = _feed_all(_lines(name))
    out = _encode(events)
    check_rules(out)
    check_sdk(out)


def _created() -> dict[str, Any]:
    return _lines("text_reasoning_function_call.jsonl")[0]


def _call(n: int) -> dict[str, Any]:
    return {
        "type": "function_call",
        "id": f"fc_{n}",
        "call_id": f"call_{n}",
        "name": f"tool{n}",
        "arguments": "",
        "status": "in_progress",
    }


def test_decoder_interleaved_items() -> None:
    wires = [
        _created(),
        {"type": "response.output_item.added", "output_index": 0, "item": _call(0)},
        {"type": "response.output_item.added", "output_index": 1, "item": _call(1)},
        {"type": "response.function_call_arguments.delta", "item_id": "fc_1", "output_index": 1,
         "delta": '{"b":'},
        {"type": "response.function_call_arguments.delta", "item_id": "fc_0", "output_index": 0,
         "delta": '{"a":1}'},
        {"type": "response.function_call_arguments.delta", "item_id": "fc_1", "output_index": 1,
         "delta": "2}"},
    ]  # fmt: skip
    wires = [{**w, "sequence_number": n} for n, w in enumerate(wires)]
    decoder, events = _feed_all(wires)
    (call0, call1) = accumulate(events).candidates[0].parts
    assert isinstance(call0, ir.ToolCallPart) and call0.arguments == '{"a":1}'
    assert isinstance(call1, ir.ToolCallPart) and call1.arguments == '{"b":2}'
    assert (call0.item_id, call0.call_id) == ("fc_0", "call_0")
    with pytest.raises(TruncatedStreamError):
        decoder.finish()


def test_decoder_done_without_added_and_mismatch() -> None:
    done = {"type": "response.output_item.done", "output_index": 0, "sequence_number": 1,
            "item": {**_call(0), "arguments": "{}", "status": "completed"}}  # fmt: skip
    _, events = _feed_all([_created(), done])
    assert [type(e) for e in events] == [ir.ResponseStarted, ir.PartStarted, ir.PartFinished]
    text = {"type": "output_text", "text": "Hi", "annotations": []}
    message = {"type": "message", "id": "m", "role": "assistant", "status": "in_progress"}
    added = {"type": "response.output_item.added", "output_index": 0, "sequence_number": 1,
             "item": {**message, "content": [text]}}  # fmt: skip
    decoder, events = _feed_all([_created(), added])
    started = events[-1]
    assert isinstance(started, ir.PartStarted) and isinstance(started.part, ir.TextPart)
    assert started.part.text == "Hi" and "message" in started.part.echo["responses"]
    with pytest.raises(InvalidInputError, match="added as a 'message' item"):
        decoder.feed(from_wire(ResponseStreamEvent, {**done, "sequence_number": 2}))


def test_decoder_done_text_without_deltas() -> None:
    wires = _lines("text_reasoning_function_call.jsonl")
    no_deltas = [w for w in wires if not w["type"].endswith(".delta")]
    events = _decode(no_deltas)
    texts = [e.text for e in events if isinstance(e, ir.PartDelta) and e.kind == "text"]
    assert texts == ["Let me check the weather in Paris \u2614 for you."]
    args = [e.text for e in events if isinstance(e, ir.PartDelta) and e.kind == "arguments"]
    assert args == ['{"city":"Paris","unit":"celsius","days":1}']


def test_decoder_misuse_after_finish() -> None:
    decoder, _ = _feed_all(_lines("text_reasoning_function_call.jsonl"))
    assert decoder.finish() == []
    with pytest.raises(StreamStateError):
        decoder.feed(from_wire(ResponseStreamEvent, _created()))


def test_hosted_tool_item_passes_through() -> None:
    action = {"type": "open_page", "url": "https://meteo.fr/paris"}
    added = {"type": "web_search_call", "id": "ws_2", "status": "in_progress", "action": action}
    done = {**added, "status": "completed"}
    wires = [
        _created(),
        {"type": "response.output_item.added", "output_index": 0, "item": added},
        {"type": "response.web_search_call.in_progress", "item_id": "ws_2", "output_index": 0},
        {"type": "response.web_search_call.searching", "item_id": "ws_2", "output_index": 0},
        {"type": "response.web_search_call.completed", "item_id": "ws_2", "output_index": 0},
        {"type": "response.output_item.done", "output_index": 0, "item": done},
    ]
    wires = [{**w, "sequence_number": n} for n, w in enumerate(wires)]
    _, events = _feed_all(wires)
    assert [type(e) for e in events] == [ir.ResponseStarted, ir.PartStarted, ir.PartFinished]
    out = _encode([*events, ir.CandidateFinished("end_turn"), ir.StreamEnded()])
    check_rules(out)
    check_sdk(out)
    items = [(e["type"], e["item"]) for e in out if "item" in e]
    assert items == [("response.output_item.added", added), ("response.output_item.done", done)]


def test_encoder_keeps_usage_known_at_start() -> None:
    usage = ir.Usage(input_tokens=7, output_tokens=1, service_tier="default")
    events: list[ir.StreamEvent] = [
        ir.ResponseStarted(id="msg_1", model="claude-x", usage=usage),
        ir.UsageUpdated(ir.Usage(output_tokens=9)),
        ir.CandidateFinished("end_turn"),
        ir.StreamEnded(),
    ]
    out = check_encoder(events)
    terminal = out[-1]["response"]
    assert (terminal["usage"]["input_tokens"], terminal["usage"]["output_tokens"]) == (7, 9)
    assert terminal["service_tier"] == "default"


# --------------------------------------------------------------------------- echoed request fields


def _echoed(response: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in response.items() if k in RESPONSE_ECHO}


def test_decoder_puts_the_echoed_request_fields_on_response_started() -> None:
    wires = _lines("text_reasoning_function_call.jsonl")
    events = _decode(wires)
    started = events[0]
    assert isinstance(started, ir.ResponseStarted)
    echoed = _echoed(wires[0]["response"])
    assert {"instructions", "tools", "temperature", "reasoning", "text"} <= set(echoed)
    assert started.echo == {"responses": echoed}
    # stream = non-stream: the accumulated stream says what the terminal response says
    assert (
        accumulate(events).echo == decode_response(from_wire(Response, wires[-1]["response"])).echo
    )


def test_responses_to_responses_keeps_the_echoed_request_fields() -> None:
    wires = _lines("text_reasoning_function_call.jsonl")
    losses: list[Loss] = []
    out = _encode(_decode(wires), _options(losses))
    check_rules(out)
    check_sdk(out)
    assert losses == []
    echoed = _echoed(wires[0]["response"])
    for event in (out[0], out[1], out[-1]):  # created, in_progress, completed
        assert _echoed(event["response"]) == echoed, event["type"]


def test_encoder_writes_its_own_echo_over_the_request_and_ignores_a_foreign_one() -> None:
    request = {"model": "gpt-5", "input": "hi", "instructions": "From the request.", "top_p": 0.5}
    echo: ir.Extra = {
        "responses": {"instructions": "As the server saw it.", "temperature": 0.2, "tools": []},
        "chat": {"system_fingerprint": "fp_1"},
    }
    events: list[ir.StreamEvent] = [
        ir.ResponseStarted(id="resp_1", model="gpt-5", created=1, echo=echo),
        ir.CandidateFinished("end_turn"),
        ir.StreamEnded(),
    ]
    losses: list[Loss] = []
    out = check_encoder(events, request=request)
    _encode(events, _options(losses, request=request))
    assert losses == []
    for event in (out[0], out[-1]):
        response = event["response"]
        assert response["instructions"] == "As the server saw it."
        assert (response["temperature"], response["top_p"]) == (0.2, 0.5)
        assert "system_fingerprint" not in response


@pytest.mark.parametrize("target", ["anthropic", "chat", "responses", "completions"])
def test_a_summary_index_that_skips_ahead_is_invalid_for_every_target(target: str) -> None:
    converter = StreamConverter(source="responses", target=target)
    response = {
        "id": "r", "object": "response", "created_at": 1, "model": "m", "status": "in_progress",
        "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": [],
    }  # fmt: skip
    converter.feed({"type": "response.created", "sequence_number": 0, "response": response})
    item = {"type": "reasoning", "id": "rs", "summary": []}
    added = {"type": "response.output_item.added", "sequence_number": 1, "output_index": 0}
    converter.feed({**added, "item": item})
    delta = {
        "type": "response.reasoning_summary_text.delta", "sequence_number": 2, "item_id": "rs",
        "output_index": 0, "summary_index": 10**12, "delta": "x",
    }  # fmt: skip
    with pytest.raises(InvalidInputError, match="skips ahead"):
        converter.feed(delta)
