"""StreamConverter and SSETranscoder across all 16 (source, target) pairs.

The source streams are the project's complete stream fixtures (and, when ``../shared/samples`` is
there, the recorded real streams). For every pair: every output event is strictly valid for the
target's SDK, the target's own stream decoder reads the output back as a cleanly ended stream,
and what it accumulates says the same as the source (texts, tool calls, stop reason). Truncation
and misuse follow the state machine; the SSE layer gives the same bytes for any split.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from openai_claude_bridge import (
    InvalidInputError,
    Loss,
    StreamStateError,
    TruncatedStreamError,
    UnsupportedFeatureError,
    convert_request,
    ir,
    to_wire,
)
from openai_claude_bridge.ir.accumulate import accumulate
from openai_claude_bridge.options import FORMATS, Format
from openai_claude_bridge.sse import SSEDecoder
from openai_claude_bridge.stream import SSETranscoder, StreamConverter, StreamState, _parse_event
from openai_claude_bridge.stream import _stream_class as stream_class
from openai_claude_bridge.testing import accumulate as accumulate_stream
from tests.support.oracle import sdk_errors
from tests.support.sdk_types import SDK_TYPES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
#: The raw SSE bodies recorded from the real APIs (``external/`` holds other projects' fixtures in
#: other layouts, read by their own tests).
RECORDED_FOLDERS = ("anthropic", "openai_chat")
EVENT_DIRS = {
    "anthropic": "RawMessageStreamEvent",
    "chat": "ChatCompletionChunk",
    "responses": "ResponseStreamEvent",
    "completions": "Completion",
}


def _decode_all(fmt: str, events: list[Any]) -> list[ir.StreamEvent] | None:
    """The ir of a complete, well-formed stream, else ``None``."""
    decoder = stream_class(fmt, "decode")()  # type: ignore[arg-type]
    out: list[ir.StreamEvent] = []
    try:
        for i, event in enumerate(events):
            out += decoder.feed(_parse_event(fmt, event, i))  # type: ignore[arg-type]
        out += decoder.finish()
    except (InvalidInputError, TruncatedStreamError):
        return None
    return out if out and isinstance(out[-1], ir.StreamEnded) else None


def _streams(fmt: str) -> list[tuple[str, list[Any]]]:
    found = []
    for path in sorted((FIXTURES / fmt / EVENT_DIRS[fmt]).glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        events = [json.loads(line) for line in lines if line.strip()]
        if _decode_all(fmt, events) is not None:
            found.append((path.name, events))
    return found


STREAMS = {fmt: _streams(fmt) for fmt in FORMATS}
PAIRS = [(s, t) for s in FORMATS for t in FORMATS]


def _arguments(text: str) -> Any:
    """Tool arguments as parsed JSON where they are JSON (custom tools take free text)."""
    try:
        return json.loads(text or "{}")
    except ValueError:
        return text


def _simplest(fmt: Format) -> tuple[str, list[Any]]:
    """A plain text stream of ``fmt`` (every format can carry it without losses)."""
    return next((s for s in STREAMS[fmt] if "text" in s[0]), STREAMS[fmt][0])


def stand_in(part: ir.ToolCallPart) -> dict[str, str]:
    return {"input": part.arguments}


def _summary(resp: ir.Response, target: str) -> list[tuple[str, Any, Any]]:
    """What both formats can say about a candidate: its text (refusals too: completions says them
    as text), its tool calls (a custom call where the target has none as a call of its function
    stand-in, ``{"input": <raw input>}``) and its stop reason."""
    kinds = (ir.TextPart, ir.RefusalPart)
    custom = target in ("chat", "responses")
    out = []
    for candidate in resp.candidates:
        text = "".join(p.text for p in candidate.parts if isinstance(p, kinds))
        calls = [
            (p.name, _arguments(p.arguments) if custom or p.kind == "function" else stand_in(p))
            for p in candidate.parts
            if isinstance(p, ir.ToolCallPart)
        ]
        out.append((text, calls, candidate.stop_reason))
    return out


def _without_mistral_chunks(chunk: dict[str, Any]) -> dict[str, Any]:
    """A chat chunk without the deltas' ``content`` lists: Mistral's thinking chunks, a
    documented dialect that a Mistral stream gets back chat -> chat."""
    choices = [
        {
            **c,
            "delta": {
                k: v for k, v in c["delta"].items() if not isinstance(v, list) or k != "content"
            },
        }
        for c in chunk.get("choices", [])
    ]
    return {**chunk, "choices": choices} if "choices" in chunk else chunk


def test_every_format_has_complete_stream_fixtures() -> None:
    assert all(STREAMS[fmt] for fmt in FORMATS), {f: len(v) for f, v in STREAMS.items()}


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_streams_convert_to_valid_complete_target_streams(source: Format, target: Format) -> None:
    for name, events in STREAMS[source]:
        converter = StreamConverter(source=source, target=target, id_factory=lambda p: p + "x")
        out = [e for event in events for e in converter.feed(event)]
        out += converter.finish()
        assert converter.state is StreamState.ENDED, name
        wire = [to_wire(e) for e in out]
        if source == target:  # relayed: every event as it came, SDK-typed or not
            assert wire == [to_wire(_parse_event(source, e, 0)) for e in events], name
            continue
        for event in wire:
            kind = EVENT_DIRS[target]
            checked = _without_mistral_chunks(event) if source == target == "chat" else event
            errors = sdk_errors(checked, *SDK_TYPES[(target, kind)])
            if target == "completions":  # the SDK types a whole Completion: chunks carry nulls
                errors = [e for e in errors if "finish_reason: None" not in e]
            assert errors == [], (name, event, errors[:3])
        back = _decode_all(target, wire)
        assert back is not None, (name, "the target stream does not read back as complete")
        source_ir = _decode_all(source, events)
        assert source_ir is not None
        expected = _summary(accumulate(source_ir), target)
        actual = _summary(accumulate(back), target)
        if target == "completions" or source == "completions":
            expected = [(text, [], None) for text, _, _ in expected]
            actual = [(text, [], None) for text, _, _ in actual]
        if target in ("anthropic", "responses"):
            expected = expected[:1]  # one candidate only (the others are reported lost)
        assert [a[:2] for a in actual] == [e[:2] for e in expected], name


#: Sources whose stream ends with a terminal event of its own (chat and completions end with
#: ``[DONE]``, which ``finish()`` stands for: for them, a cut is ``abort()``).
TERMINAL_EVENT = ("anthropic", "responses")


def _end_cut(converter: StreamConverter, source: Format, how: str) -> list[Any]:
    return converter.finish() if how == "finish" else converter.abort()


@pytest.mark.parametrize("how", ["finish", "abort"])
@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_truncated_source_never_ends_cleanly(source: Format, target: Format, how: str) -> None:
    if how == "finish" and source not in TERMINAL_EVENT:
        pytest.skip("finish() is [DONE]: the server said the stream is done")
    name, events = _simplest(source)
    cut = events[: max(1, len(events) // 2)]
    converter = StreamConverter(source=source, target=target)
    for event in cut:
        converter.feed(event)
    ending = [to_wire(e) for e in _end_cut(converter, source, how)]
    assert converter.state is StreamState.FAILED, name
    assert ending, name
    last = ending[-1]
    assert last.get("type") in ("error", "response.failed") or "error" in last, last
    assert converter.finish() == [] and converter.abort() == []
    with pytest.raises(StreamStateError):
        converter.feed(events[-1])

    strict = StreamConverter(source=source, target=target, strict=True)
    try:
        for event in cut:
            strict.feed(event)
    except UnsupportedFeatureError:  # strict also refuses what the target cannot carry
        assert strict.state is StreamState.ERROR
        return
    with pytest.raises(TruncatedStreamError):
        _end_cut(strict, source, how)
    assert strict.state is StreamState.ERROR
    with pytest.raises(StreamStateError):
        strict.finish()


@pytest.mark.parametrize("target", FORMATS)
@pytest.mark.parametrize("source", FORMATS)
def test_abort_after_a_clean_end_changes_nothing(source: Format, target: Format) -> None:
    name, events = _simplest(source)
    converter = StreamConverter(source=source, target=target)
    for event in events:
        converter.feed(event)
    converter.finish()
    assert converter.state is StreamState.ENDED, name
    assert converter.abort() == []
    assert converter.state is StreamState.ENDED


@pytest.mark.parametrize("source", FORMATS)
def test_bad_event_names_its_index_and_poisons_the_converter(source: Format) -> None:
    events = STREAMS[source][0][1]
    converter = StreamConverter(source=source, target="anthropic")
    converter.feed(events[0])
    with pytest.raises(InvalidInputError) as info:
        converter.feed({"type": 7, "object": 7, "choices": "x"})
    assert info.value.event_index == 1
    assert converter.state is StreamState.ERROR
    with pytest.raises(StreamStateError):
        converter.feed(events[1])
    with pytest.raises(StreamStateError):
        converter.finish()


def _sse_body(fmt: str, events: list[Any]) -> bytes:
    named = fmt in ("anthropic", "responses")
    body = b""
    for event in events:
        if named and "type" in event:
            body += f"event: {event['type']}\n".encode()
        body += b"data: " + json.dumps(event).encode() + b"\n\n"
    if fmt in ("chat", "completions"):
        body += b"data: [DONE]\n\n"
    return body


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_a_transcoder_whose_connection_broke_ends_with_the_error_naming_why(
    source: Format, target: Format
) -> None:
    """``SSETranscoder.abort``: the target's error ending carries the reason; a frame the
    upstream had not finished is dropped; nothing may follow; a stream already ended gets
    nothing more; ``strict`` raises."""
    name, events = _simplest(source)
    body = _sse_body(source, events[: max(1, len(events) // 2)]).removesuffix(b"data: [DONE]\n\n")
    transcoder = SSETranscoder(source=source, target=target)
    transcoder.feed(body + b'data: {"unfinished": ')
    ending = transcoder.abort("the upstream connection broke (ReadError)")
    assert transcoder.state is StreamState.FAILED, name
    frames = SSEDecoder().feed(ending)
    last = json.loads(frames[-1].data)
    assert last.get("type") in ("error", "response.failed") or "error" in last, last
    assert "ReadError" in frames[-1].data
    assert b"[DONE]" not in ending
    for call in (lambda: transcoder.feed(b""), transcoder.finish, transcoder.abort):
        with pytest.raises(StreamStateError):
            call()

    ended = SSETranscoder(source=source, target=target)
    ended.feed(_sse_body(source, events))
    if ended.state is StreamState.OPEN:  # chat / completions: [DONE] ended it
        ended.feed(b"")
    assert ended.abort() == b""

    strict = SSETranscoder(source=source, target=target, strict=True)
    try:
        strict.feed(body)
    except UnsupportedFeatureError:  # strict also refuses what the target cannot carry
        return
    with pytest.raises(TruncatedStreamError):
        strict.abort()


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_sse_transcoding_is_split_invariant(source: Format, target: Format) -> None:
    _, events = _simplest(source)
    body = _sse_body(source, events)

    def run(chunks: list[bytes]) -> bytes:
        tx = SSETranscoder(
            source=source, target=target, id_factory=lambda p: p + "x", clock=lambda: 1
        )
        out = b"".join(tx.feed(chunk) for chunk in chunks)
        return out + tx.finish()

    whole = run([body])
    rng = random.Random(f"{source}-{target}")
    for _ in range(3):
        cuts = sorted(rng.sample(range(1, len(body)), k=min(6, len(body) - 1)))
        pieces = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
        assert run(pieces) == whole
    frames = SSEDecoder().feed(whole)
    if target in ("chat", "completions"):
        assert frames[-1].data == "[DONE]"
        assert sum(f.data == "[DONE]" for f in frames) == 1
    else:
        assert all(f.event == json.loads(f.data)["type"] for f in frames)


def test_sse_non_json_data_is_invalid_input() -> None:
    tx = SSETranscoder(source="chat", target="anthropic")
    with pytest.raises(InvalidInputError, match="not JSON"):
        tx.feed(b"data: {nope\n\n")
    assert tx.state is StreamState.ERROR


@pytest.mark.parametrize("target", FORMATS)
def test_an_emoji_split_into_surrogate_escapes_passes_through(target: Format) -> None:
    """Some servers send half an emoji per chunk (``"\\ud83d"`` then ``"\\ude00"``): each half
    is written as the JSON escape it came as, so the client's text joins them again (it used to
    crash writing the frame)."""
    head = '{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":'
    chunks = [
        '[{"index":0,"delta":{"role":"assistant","content":"hi "}}]}',
        '[{"index":0,"delta":{"content":"\\ud83d"}}]}',
        '[{"index":0,"delta":{"content":"\\ude00"}}]}',
        '[{"index":0,"delta":{},"finish_reason":"stop"}]}',
    ]
    body = "".join(f"data: {head}{chunk}\n\n" for chunk in chunks) + "data: [DONE]\n\n"
    tx = SSETranscoder(source="chat", target=target)
    out = tx.feed(body.encode()) + tx.finish()
    out.decode("utf-8")  # valid UTF-8 throughout
    events = [json.loads(frame.data) for frame in SSEDecoder().feed(out) if frame.data != "[DONE]"]
    final = json.dumps(to_wire(accumulate_stream(target, events)))  # the halves, as escapes
    assert "hi \\ud83d\\ude00" in final


def test_recorded_streams_convert_everywhere() -> None:
    files = sorted(
        p
        for folder in RECORDED_FOLDERS
        for p in (SAMPLES / folder).glob("*")
        if p.suffix in (".txt", ".sse", ".bin")
    )
    if not files:
        pytest.skip("../shared/samples is not available")
    for path in files:
        source = "anthropic" if path.parent.name == "anthropic" else "chat"
        for target in FORMATS:
            tx = SSETranscoder(source=source, target=target)
            try:
                out = tx.feed(path.read_bytes()) + tx.finish()
            except InvalidInputError as exc:
                # out_of_order_response.txt is rejected by design
                assert "out_of_order" in path.name, (path.name, target, exc)
                continue
            assert out, (path.name, target)


#: A source stream with a restated field (``echo``), that field and its value.
ECHO_SOURCES: dict[Format, tuple[str, str, str]] = {
    "chat": ("text_with_usage.jsonl", "system_fingerprint", "fp_06737a9306"),
    "responses": (
        "text_reasoning_function_call.jsonl",
        "instructions",
        "You are a helpful assistant.",
    ),
}


@pytest.mark.parametrize("target", FORMATS)
@pytest.mark.parametrize("source", sorted(ECHO_SOURCES))
def test_echoed_fields_return_to_their_own_format_only(source: Format, target: Format) -> None:
    """A same-format stream keeps what the source restated (chat's ``system_fingerprint``, the
    request settings a Responses ``Response`` echoes); any other target drops it silently."""
    name, key, value = ECHO_SOURCES[source]
    losses: list[Loss] = []
    converter = StreamConverter(source=source, target=target, on_loss=losses.append)
    out = [e for event in dict(STREAMS[source])[name] for e in converter.feed(event)]
    wire = [to_wire(e) for e in [*out, *converter.finish()]]
    assert (value in json.dumps(wire)) is (target == source)
    assert key not in {loss.feature for loss in losses}
    if target == source == "chat":
        assert {e["system_fingerprint"] for e in wire} == {value}
    if target == source == "responses":
        assert [e["response"][key] for e in wire if "response" in e] == [value] * 3


def test_shortened_tool_names_are_restored_in_a_stream() -> None:
    long_name = "mcp__github__search_repositories_with_a_rather_long_descriptive_name_v2"
    request = {
        "model": "claude",
        "max_tokens": 100,
        "messages": [{"role": "user", "content": "find it"}],
        "tools": [{"name": long_name, "input_schema": {"type": "object"}}],
    }
    upstream = to_wire(convert_request(request, source="anthropic", target="chat"))
    short = upstream["tools"][0]["function"]["name"]
    head = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "gpt"}
    call = {"index": 0, "id": "call_1", "type": "function", "function": {"name": short}}
    chunks = [
        {**head, "choices": [{"index": 0, "delta": {"role": "assistant", "tool_calls": [call]}}]},
        {
            **head,
            "choices": [
                {
                    "index": 0,
                    "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "{}"}}]},
                }
            ],
        },
        {**head, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]},
    ]
    converter = StreamConverter(source="chat", target="anthropic", request=request)
    out = [to_wire(e) for chunk in chunks for e in converter.feed(chunk)]
    out += [to_wire(e) for e in converter.finish()]
    starts = [e["content_block"] for e in out if e["type"] == "content_block_start"]
    assert starts[0]["type"] == "tool_use" and starts[0]["name"] == long_name


def test_one_feed_of_many_frames_costs_linear_time() -> None:
    """A whole body in one ``feed()`` (100,000 frames) is not slower per frame than a body of
    2,000: the output is joined once, not grown frame by frame (which took minutes)."""
    import time

    def per_frame(count: int) -> float:
        chunk = {
            "id": "c",
            "object": "chat.completion.chunk",
            "created": 1,
            "model": "m",
            "choices": [{"index": 0, "delta": {"content": "xy"}, "finish_reason": None}],
        }
        first = {**chunk, "choices": [{"index": 0, "delta": {"role": "assistant", "content": "a"}}]}
        frames = [b"data: " + json.dumps(event).encode() + b"\n\n" for event in [first, chunk]]
        body = frames[0] + frames[1] * count
        transcoder = SSETranscoder(source="chat", target="anthropic")
        start = time.perf_counter()
        transcoder.feed(body)
        return (time.perf_counter() - start) / count

    small = min(per_frame(2_000) for _ in range(3))
    large = min(per_frame(100_000) for _ in range(2))
    # grown frame by frame, the large body costs some 15 times more per frame; joined once, about
    # the same (the margin is for the garbage collector and a busy machine)
    assert large < 8 * small, (small, large)
