"""The stream's hot lane (:mod:`openai_claude_bridge._hot_lane`) changes no output: for every
direction, generated streams of every shape (the testing kit's, with real servers' quirks, cut
anywhere, split anywhere) give the same bytes, the same losses and the same errors with the hot
lane on and off; and the hot lane does take the plain deltas of a realistic stream."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from openai_claude_bridge import BridgeError, Loss, SSETranscoder, StreamConverter, to_wire
from openai_claude_bridge.options import FORMATS, Format
from openai_claude_bridge.testing import byte_splits, streams
from openai_claude_bridge.testing.samples import Sample
from tests.support.spy import results_of

PAIRS = list(itertools.product(FORMATS, FORMATS))
IDS = [f"{s}_to_{t}" for s, t in PAIRS]
FIXED: dict[str, Any] = {"id_factory": lambda prefix: prefix + "fixed", "clock": lambda: 7}


def _body(fmt: Format, events: list[Any]) -> bytes:
    return Sample("generated", fmt, "stream", events).sse_body()


def _transcode(
    source: Format, target: Format, pieces: list[bytes], *, hot: bool, **options: Any
) -> tuple[bytes, list[Loss], str | None]:
    """What a client gets: the bytes, the losses, and the error that stopped it (if any)."""
    losses: list[Loss] = []
    transcoder = SSETranscoder(
        source=source, target=target, on_loss=losses.append, **FIXED, **options
    )
    transcoder.converter.hot_lane = hot
    out = b""
    try:
        for piece in pieces:
            out += transcoder.feed(piece)
        out += transcoder.finish()
    except BridgeError as exc:
        return out, losses, f"{type(exc).__name__}: {exc} @ {exc.event_index}"
    return out, losses, None


def _convert(
    source: Format, target: Format, events: list[Any], *, hot: bool
) -> tuple[list[Any], list[Loss], str | None]:
    losses: list[Loss] = []
    converter = StreamConverter(source=source, target=target, on_loss=losses.append, **FIXED)
    converter.hot_lane = hot
    out: list[Any] = []
    try:
        for event in events:
            out += [to_wire(model) for model in converter.feed(event)]
        out += [to_wire(model) for model in converter.finish()]
    except BridgeError as exc:
        return out, losses, f"{type(exc).__name__}: {exc} @ {exc.event_index}"
    return out, losses, None


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=IDS)
@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_the_hot_lane_writes_what_the_full_path_writes(
    source: Format, target: Format, data: st.DataObject
) -> None:
    events = data.draw(streams(source), label="events")
    cut = data.draw(st.integers(0, len(events)), label="cut") if data.draw(st.booleans()) else None
    if cut is not None:
        events = events[:cut]
    body = _body(source, events)
    pieces = data.draw(byte_splits(body), label="pieces")
    renamed = data.draw(st.sampled_from([{}, {"model": "proxy-model"}]), label="options")
    assert _transcode(source, target, pieces, hot=True, **renamed) == _transcode(
        source, target, pieces, hot=False, **renamed
    )
    assert _convert(source, target, events, hot=True) == _convert(source, target, events, hot=False)


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=IDS)
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_with_the_clients_request_too(source: Format, target: Format, data: st.DataObject) -> None:
    """Tool names restored from the client's request (the restorer holds stand-in calls: the
    hot lane must step aside for them)."""
    events = data.draw(streams(source), label="events")
    request = _request_with_tools(target)
    pieces = [_body(source, events)]
    assert _transcode(source, target, pieces, hot=True, request=request) == _transcode(
        source, target, pieces, hot=False, request=request
    )


def _request_with_tools(target: Format) -> dict[str, Any]:
    """A client request of ``target`` whose tools include a custom one and a long name."""
    long_name = "tool." + "x" * 70
    match target:
        case "responses":
            return {
                "model": "m",
                "input": "hi",
                "tools": [
                    {"type": "custom", "name": "apply_patch"},
                    {"type": "function", "name": long_name, "parameters": {"type": "object"}},
                ],
            }
        case "chat":
            return {
                "model": "m",
                "messages": [{"role": "user", "content": "hi"}],
                "tools": [{"type": "function", "function": {"name": long_name}}],
            }
        case "anthropic":
            return {
                "model": "m",
                "max_tokens": 10,
                "messages": [{"role": "user", "content": "hi"}],
                "tools": [{"name": "get_weather", "input_schema": {"type": "object"}}],
            }
        case "completions":
            return {"model": "m", "prompt": "hi"}


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=IDS)
def test_the_hot_lane_takes_the_plain_deltas(
    source: Format, target: Format, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over a realistic stream (40 text fragments, then 40 of a tool call's arguments), the
    hot lane takes every fragment but the first of each part (which opens it), the argument
    fragments too unless the source or target has no calls (Completions), and writes them
    from templates (a same-format stream: from templates of its own events); after the first
    plain delta of a part, it knows the others by their bytes (a frame pattern), their JSON
    never parsed."""
    events = _realistic(source)
    transcoder = SSETranscoder(source=source, target=target, **FIXED)
    taken = results_of(monkeypatch, transcoder.converter, "_hot_take")
    known = results_of(monkeypatch, transcoder, "_known")
    frames = [frame + b"\n\n" for frame in _body(source, events).split(b"\n\n") if frame]
    written = b"".join(transcoder.feed(frame) for frame in frames) + transcoder.finish()
    without_calls = "completions" in (source, target)
    plain = 39 if without_calls else 78
    assert len(taken) >= plain
    assert len(known) >= plain - 2
    assert written == _transcode(source, target, frames, hot=False)[0]


def _realistic(fmt: Format) -> list[Any]:
    """A stream in ``fmt`` with 40 text fragments and 40 argument fragments, written by the
    bridge itself from an anthropic one."""
    text = [{"type": "text_delta", "text": f" word{i}"} for i in range(40)]
    args = [{"type": "input_json_delta", "partial_json": f'{{"k{i}": 1}}'[:4]} for i in range(40)]
    anthropic: list[dict[str, Any]] = [
        {
            "type": "message_start",
            "message": {
                "id": "msg_1",
                "type": "message",
                "role": "assistant",
                "model": "claude",
                "content": [],
                "stop_reason": None,
                "stop_sequence": None,
                "usage": {"input_tokens": 5, "output_tokens": 1},
            },
        },
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        *({"type": "content_block_delta", "index": 0, "delta": d} for d in text),
        {"type": "content_block_stop", "index": 0},
        {
            "type": "content_block_start",
            "index": 1,
            "content_block": {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}},
        },
        *({"type": "content_block_delta", "index": 1, "delta": d} for d in args),
        {"type": "content_block_stop", "index": 1},
        {
            "type": "message_delta",
            "delta": {"stop_reason": "tool_use", "stop_sequence": None},
            "usage": {"output_tokens": 90},
        },
        {"type": "message_stop"},
    ]
    if fmt == "anthropic":
        return anthropic
    converter = StreamConverter(source="anthropic", target=fmt, **FIXED)
    out = [to_wire(m) for event in anthropic for m in converter.feed(event)]
    return out + [to_wire(m) for m in converter.finish()]


@pytest.mark.parametrize("source", ["chat", "completions"])
@pytest.mark.parametrize("missing", ["id", "created", "model"])
def test_a_chunk_the_model_refuses_takes_the_full_path(source: Format, missing: str) -> None:
    """A chunk that looks plain but lacks a field the model requires is refused alike."""
    events = _realistic(source)
    bad = {key: value for key, value in events[3].items() if key != missing}
    body = _body(source, [*events[:3], bad, *events[3:]])
    hot, cold = (_transcode(source, "anthropic", [body], hot=lane) for lane in (True, False))
    assert hot == cold
    assert hot[2] is not None and hot[2].startswith("InvalidInputError"), hot[2]
