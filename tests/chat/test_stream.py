"""The chat stream decoder and encoder.

Decoder: for every complete stream fixture and recorded real stream (``../shared/samples``), the
accumulated ir of the decoded stream says the same as the non-streaming decoder says of what the
official SDK's ``ChatCompletionStreamState`` accumulates; quirks the SDK accumulator cannot
follow (every call at ``index: 0``, late names, reasoning details, errors) are checked against
hand-written expectations; re-chunking the deltas never changes the result (hypothesis);
truncation and misuse raise.

Encoder: every chunk validates strictly against the SDK's ``ChatCompletionChunk`` (provider
reasoning fields aside), the stream keeps chat's stream rules (the testing kit's
``check_stream``), passes the SDK's accumulator, and accumulates to what the non-streaming
encoder makes of the accumulated ir.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import json
from pathlib import Path
from typing import Any

import openai.types.chat as sdk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openai.lib.streaming.chat import ChatCompletionStreamState

from openai_claude_bridge import (
    BridgeError,
    InvalidInputError,
    Loss,
    StreamStateError,
    TruncatedStreamError,
    UnsupportedFeatureError,
    chat,
    ir,
)
from openai_claude_bridge.chat.decode import decode_response
from openai_claude_bridge.chat.encode import encode_response
from openai_claude_bridge.chat.stream_decode import DecoderState, StreamDecoder
from openai_claude_bridge.chat.stream_encode import EncoderState, StreamEncoder
from openai_claude_bridge.ir.accumulate import accumulate
from openai_claude_bridge.options import ChatDialect, Options
from openai_claude_bridge.sse import SSEDecoder
from openai_claude_bridge.testing import check_stream
from openai_claude_bridge.testing.strategies import wire_payloads
from openai_claude_bridge.wire import from_wire, to_wire
from tests.support.oracle import assert_sdk_strict

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "chat" / "ChatCompletionChunk"
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "openai_chat"
_REASONING_KEYS = ("reasoning_content", "reasoning", "reasoning_details")
_PROVIDER_USAGE_KEYS = ("prompt_cache_hit_tokens", "prompt_cache_miss_tokens")


# --------------------------------------------------------------------------- helpers


def _fixture(name: str) -> list[dict[str, Any]]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _sample(path: Path) -> list[dict[str, Any]]:
    decoder = SSEDecoder()
    events = decoder.feed(path.read_bytes()) + decoder.finish()
    return [json.loads(e.data) for e in events if e.data != "[DONE]"]


def _samples() -> list[Any]:
    if not SAMPLES.is_dir():
        return []
    return [pytest.param(p, id=p.name[:12]) for p in sorted(SAMPLES.glob("*.bin"))]


def _parse(frame: dict[str, Any]) -> chat.ChatCompletionChunk | chat.ErrorResponse:
    if "error" in frame and "choices" not in frame:
        return from_wire(chat.ErrorResponse, frame)
    return from_wire(chat.ChatCompletionChunk, frame)


def _decode(frames: list[dict[str, Any]], *, finish: bool = True) -> list[ir.StreamEvent]:
    decoder = StreamDecoder()
    events: list[ir.StreamEvent] = []
    for frame in frames:
        events += decoder.feed(_parse(frame))
    if finish:
        events += decoder.finish()
    return events


def _sdk_accumulate(frames: list[dict[str, Any]]) -> dict[str, Any]:
    """What the official SDK accumulates (its snapshot: the final parse refuses some endings)."""
    state = ChatCompletionStreamState()
    for frame in frames:
        state.handle_chunk(sdk.ChatCompletionChunk.model_validate(frame))
    snapshot: dict[str, Any] = state.current_completion_snapshot.to_dict()
    for choice in snapshot["choices"]:
        choice["message"].pop("parsed", None)
        for call in choice["message"].get("tool_calls") or []:
            call.get("function", {}).pop("parsed_arguments", None)
    return snapshot


def _part_view(part: ir.Part) -> tuple[Any, ...]:
    match part:
        case ir.TextPart():
            logprobs = None
            if part.logprobs is not None:
                logprobs = [(t.token, t.logprob, t.bytes, len(t.top)) for t in part.logprobs]
            citations = [(c.url, c.start, c.end) for c in part.citations or ()]
            return ("text", part.text, logprobs, citations)
        case ir.RefusalPart():
            return ("refusal", part.text)
        case ir.ToolCallPart():
            return ("call", part.call_id, part.name, part.arguments, part.kind)
        case ir.ReasoningPart():
            return (
                "reasoning",
                part.text,
                part.summary,
                part.signature,
                part.redacted_data,
                part.encrypted_content,
            )
        case ir.NativePart():
            return ("native", part.kind, part.data)
        case _:
            return (type(part).__name__,)


def _neutral(resp: ir.Response) -> dict[str, Any]:
    """The neutral content of a response: ids, paths (and field paths), extras and empty texts
    aside."""
    usage = None
    if resp.usage is not None:
        usage = dataclasses.replace(
            resp.usage,
            path="",
            extra=ir.EMPTY_EXTRA,
            echo=ir.EMPTY_EXTRA,
            field_paths=ir.EMPTY_PATHS,
        )
    return {
        "candidates": [
            (
                c.index,
                [
                    _part_view(p)
                    for p in c.parts
                    if not (isinstance(p, ir.TextPart) and p.text == "" and p.logprobs is None)
                ],
                c.stop_reason,
                c.raw_stop_reason if c.stop_reason is not None else None,
            )
            for c in resp.candidates
        ],
        "usage": usage,
    }


def _options(**kwargs: Any) -> tuple[Options, list[Loss]]:
    losses: list[Loss] = []
    defaults: dict[str, Any] = {
        "on_loss": losses.append,
        "id_factory": lambda prefix: prefix + "test",
        "clock": lambda: 1_700_000_000,
    }
    return Options(**{**defaults, **kwargs}), losses


def _encode(events: list[ir.StreamEvent], options: Options) -> list[dict[str, Any]]:
    encoder = StreamEncoder(options)
    out = [to_wire(chunk) for event in events for chunk in encoder.feed(event)]
    assert encoder.state is EncoderState.ENDED
    return out


def _assert_sdk_valid(frames: list[dict[str, Any]]) -> None:
    for frame in frames:
        if "error" in frame:
            continue
        strict = copy.deepcopy(frame)
        for choice in strict["choices"]:
            for key in _REASONING_KEYS:  # provider extensions the SDK does not know
                choice["delta"].pop(key, None)
        for key in _PROVIDER_USAGE_KEYS:  # DeepSeek's, restored to a chat client as they came
            (strict.get("usage") or {}).pop(key, None)
        assert_sdk_strict(strict, sdk.ChatCompletionChunk)


def _comparable(completion: dict[str, Any]) -> list[Any]:
    """The message fields, finish reasons, logprobs and usage of a (possibly accumulated)
    completion, in one canonical shape."""
    out: list[Any] = []
    for choice in sorted(completion["choices"], key=lambda c: c["index"]):
        message = {
            k: v
            for k, v in choice["message"].items()
            if v is not None and k not in ("role", "annotations")
        }
        calls = message.get("tool_calls")
        if calls:
            message["tool_calls"] = [
                {"id": c["id"], "type": c["type"], "function": c["function"]} for c in calls
            ]
        if message.get("reasoning_details"):  # ``index`` only positions stream fragments
            message["reasoning_details"] = [
                {k: v for k, v in d.items() if k != "index"} for d in message["reasoning_details"]
            ]
        logprobs = choice.get("logprobs")
        if logprobs is not None:
            logprobs = {k: v for k, v in logprobs.items() if v is not None}
        out.append((choice["index"], message, choice.get("finish_reason"), logprobs))
    out.append(completion.get("usage"))
    return out


def _assert_stream_equals_non_stream(
    events: list[ir.StreamEvent], frames: list[dict[str, Any]], options: Options
) -> None:
    expected = to_wire(encode_response(accumulate(events), options))
    got = _sdk_accumulate([f for f in frames if "error" not in f])
    assert _comparable(got) == _comparable(expected)


# --------------------------------------------------------------------------- decoder


COMPLETE_FIXTURES = [
    "text_with_usage.jsonl",
    "parallel_tool_calls.jsonl",
    "n2_refusal_logprobs.jsonl",
    "legacy_function_call.jsonl",
    "audio.jsonl",
]


def _provider_streams() -> list[list[dict[str, Any]]]:
    frames = _fixture("provider_reasoning.lenient.jsonl")
    deepseek = [f for f in frames if f["id"] == "0196c1a2"]
    return [deepseek]


@pytest.mark.parametrize("name", COMPLETE_FIXTURES)
def test_fixture_stream_equals_non_stream(name: str) -> None:
    frames = _fixture(name)
    events = _decode(frames)
    want = decode_response(from_wire(chat.ChatCompletion, _sdk_accumulate(frames)))
    assert _neutral(accumulate(events)) == _neutral(want)
    assert isinstance(events[0], ir.ResponseStarted) and isinstance(events[-1], ir.StreamEnded)


def test_provider_reasoning_content_stream_equals_non_stream() -> None:
    for frames in _provider_streams():
        events = _decode(frames)
        want = decode_response(from_wire(chat.ChatCompletion, _sdk_accumulate(frames)))
        assert _neutral(accumulate(events)) == _neutral(want)
        parts = accumulate(events).candidates[0].parts
        assert isinstance(parts[0], ir.ReasoningPart) and parts[0].text == "Let me think… "


@pytest.mark.parametrize("path", _samples())
def test_recorded_stream_equals_non_stream(path: Path) -> None:
    frames = _sample(path)
    events = _decode(frames)
    want = decode_response(from_wire(chat.ChatCompletion, _sdk_accumulate(frames)))
    assert _neutral(accumulate(events)) == _neutral(want)


def _chunk(delta: dict[str, Any] | None = None, **fields: Any) -> dict[str, Any]:
    choice: dict[str, Any] = {"index": fields.pop("index", 0), "delta": delta or {}}
    if "finish" in fields:
        choice["finish_reason"] = fields.pop("finish")
    if "logprobs" in fields:
        choice["logprobs"] = fields.pop("logprobs")
    frame: dict[str, Any] = {
        "id": "chatcmpl-q",
        "object": "chat.completion.chunk",
        "created": 9,
        "model": "m",
        "choices": [choice],
    }
    frame.update(fields)
    return frame


def _calls(events: list[ir.StreamEvent]) -> list[tuple[str, str, str]]:
    return [
        (p.call_id, p.name, p.arguments)
        for p in accumulate(events).candidates[0].parts
        if isinstance(p, ir.ToolCallPart)
    ]


def test_every_call_at_index_zero_with_distinct_ids() -> None:
    frames = [
        _chunk(
            {
                "role": "assistant",
                "tool_calls": [
                    {
                        "index": 0,
                        "id": "a",
                        "type": "function",
                        "function": {"name": "f", "arguments": '{"x"'},
                    },
                ],
            }
        ),
        _chunk(
            {"tool_calls": [{"index": 0, "id": "b", "function": {"name": "g", "arguments": "{"}}]}
        ),
        _chunk({"tool_calls": [{"index": 0, "id": "a", "function": {"arguments": ":1}"}}]}),
        _chunk({"tool_calls": [{"index": 0, "function": {"arguments": "}"}}]}),
        _chunk(finish="tool_calls"),
    ]
    events = _decode(frames)
    assert _calls(events) == [("a", "f", '{"x":1}'), ("b", "g", "{}")]
    started = [e.index for e in events if isinstance(e, ir.PartStarted)]
    assert started == [0, 1]


def test_repeated_id_and_name_on_every_fragment() -> None:
    call = {"index": 0, "id": "c1", "type": "function"}
    frames = [
        _chunk(
            {
                "role": "assistant",
                "tool_calls": [{**call, "function": {"name": "f", "arguments": ""}}],
            }
        ),
        _chunk({"tool_calls": [{**call, "function": {"name": "f", "arguments": '{"a":'}}]}),
        _chunk({"tool_calls": [{**call, "function": {"name": "f", "arguments": "2}"}}]}),
        _chunk(finish="tool_calls"),
    ]
    assert _calls(_decode(frames)) == [("c1", "f", '{"a":2}')]


def test_name_sent_late_keeps_earlier_arguments() -> None:
    frames = [
        _chunk(
            {
                "role": "assistant",
                "tool_calls": [
                    {"index": 0, "id": "c1", "type": "function", "function": {"arguments": '{"a"'}}
                ],
            }
        ),
        _chunk({"tool_calls": [{"index": 0, "function": {"name": "late", "arguments": ":1"}}]}),
        _chunk({"tool_calls": [{"index": 0, "function": {"arguments": "}"}}]}),
        _chunk(finish="tool_calls"),
    ]
    events = _decode(frames)
    assert _calls(events) == [("c1", "late", '{"a":1}')]
    deltas = [e.text for e in events if isinstance(e, ir.PartDelta)]
    assert deltas == ['{"a"', ":1", "}"]  # streamed, never buffered past the name


def test_nameless_call_is_invalid() -> None:
    decoder = StreamDecoder()
    decoder.feed(
        _parse(_chunk({"tool_calls": [{"index": 0, "id": "c", "function": {"arguments": "{}"}}]}))
    )
    with pytest.raises(InvalidInputError, match="without a function name"):
        decoder.feed(_parse(_chunk(finish="tool_calls")))
    assert decoder.state is DecoderState.ERROR
    with pytest.raises(StreamStateError):
        decoder.finish()


def test_one_chunk_carrying_everything_is_split_in_order() -> None:
    frames = [
        _chunk(
            {
                "role": "assistant",
                "reasoning_content": "think",
                "content": "Hi",
                "tool_calls": [
                    {
                        "index": 0,
                        "id": "a",
                        "type": "function",
                        "function": {"name": "f", "arguments": "{}"},
                    },
                    {
                        "index": 1,
                        "id": "b",
                        "type": "function",
                        "function": {"name": "g", "arguments": "[]"},
                    },
                ],
            },
            finish="tool_calls",
            usage={"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7},
        )
    ]
    events = _decode(frames)
    kinds = [type(e).__name__ for e in events]
    assert kinds == [
        "ResponseStarted",
        "PartStarted",
        "PartDelta",  # reasoning
        "PartFinished",  # reasoning closes when the answer starts
        "PartStarted",
        "PartDelta",  # text
        "PartFinished",  # text closes when a tool call starts
        "PartStarted",
        "PartDelta",
        "PartStarted",
        "PartDelta",
        "PartFinished",
        "PartFinished",
        "CandidateFinished",
        "UsageUpdated",
        "StreamEnded",
    ]
    resp = accumulate(events)
    assert [_part_view(p)[0] for p in resp.candidates[0].parts] == [
        "reasoning",
        "text",
        "call",
        "call",
    ]
    assert resp.usage is not None and resp.usage.input_tokens == 3
    assert resp.candidates[0].stop_reason == "tool_use"


def _openrouter_frames() -> list[dict[str, Any]]:
    detail = {"type": "reasoning.text", "format": "anthropic-claude-v1", "index": 0}
    return [
        _chunk(
            {
                "role": "assistant",
                "content": "",
                "reasoning": "Hm",
                "reasoning_details": [{**detail, "text": "Hm"}],
            }
        ),
        _chunk({"content": "", "reasoning": "m", "reasoning_details": [{**detail, "text": "m"}]}),
        _chunk(
            {
                "reasoning_details": [
                    {"type": "reasoning.text", "signature": "sig", "index": 0},
                    {
                        "type": "reasoning.encrypted",
                        "data": "opaque",
                        "format": "anthropic-claude-v1",
                        "index": 1,
                    },
                    {"type": "reasoning.summary", "summary": "S", "index": 2},
                ]
            }
        ),
        _chunk({"content": "Answer"}),
        _chunk(finish="stop"),
    ]


def test_openrouter_reasoning_details_with_signature() -> None:
    detail = {"type": "reasoning.text", "format": "anthropic-claude-v1", "index": 0}
    frames = _openrouter_frames()
    resp = accumulate(_decode(frames))
    views = [_part_view(p) for p in resp.candidates[0].parts]
    assert views == [
        ("reasoning", "Hmm", (), "sig", None, None),
        ("reasoning", None, (), None, "opaque", None),
        ("reasoning", None, ("S",), None, None, None),
        ("text", "Answer", None, []),
    ]
    message = {
        "content": "Answer",
        "reasoning": "Hmm",
        "reasoning_details": [
            {**detail, "text": "Hmm", "signature": "sig"},
            {"type": "reasoning.encrypted", "data": "opaque", "format": "anthropic-claude-v1"},
            {"type": "reasoning.summary", "summary": "S", "index": 2},
        ],
    }
    completion = {
        "id": "x",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
    }
    want = decode_response(from_wire(chat.ChatCompletion, completion))
    assert _neutral(resp) == _neutral(want)


def test_logprobs_are_stated_when_the_text_closes() -> None:
    token = {"token": "A", "logprob": -0.5, "bytes": [65], "top_logprobs": []}
    frames = [
        _chunk({"role": "assistant", "content": ""}, logprobs={"content": [], "refusal": None}),
        _chunk({"content": "A"}, logprobs={"content": [token]}),
        _chunk({"content": "A"}, logprobs={"content": [token]}),
        _chunk(finish="stop"),
    ]
    events = _decode(frames)
    finished = [e for e in events if isinstance(e, ir.PartFinished)]
    assert len(finished) == 1 and isinstance(finished[0].part, ir.TextPart)
    part = accumulate(events).candidates[0].parts[0]
    assert isinstance(part, ir.TextPart) and part.text == "AA"
    assert part.logprobs is not None and [t.token for t in part.logprobs] == ["A", "A"]


def test_streamed_url_annotations_become_citations() -> None:
    annotation = {
        "type": "url_citation",
        "url_citation": {"url": "https://a.b", "title": "A", "start_index": 0, "end_index": 2},
    }
    frames = [
        _chunk({"role": "assistant", "content": "Hi"}),
        _chunk({"annotations": [annotation]}),
        _chunk(finish="stop"),
    ]
    part = accumulate(_decode(frames)).candidates[0].parts[0]
    assert isinstance(part, ir.TextPart) and part.citations is not None
    assert [(c.kind, c.url, c.start, c.end) for c in part.citations] == [
        ("url", "https://a.b", 0, 2)
    ]


def test_azure_preamble_and_unknown_finish_reason() -> None:
    preamble = {
        "id": "",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "",
        "choices": [],
        "prompt_filter_results": [{"prompt_index": 0}],
    }
    frames = [preamble, _chunk({"role": "assistant", "content": "x"}), _chunk(finish="gremlins")]
    events = _decode(frames)
    assert isinstance(events[0], ir.ResponseStarted) and events[0].id == "chatcmpl-q"
    assert not any(isinstance(e, ir.CandidateFinished) for e in events)
    assert isinstance(events[-1], ir.StreamEnded)


def test_error_frame_ends_the_stream() -> None:
    decoder = StreamDecoder()
    decoder.feed(_parse(_chunk({"role": "assistant", "content": "x"})))
    events = decoder.feed(
        _parse({"error": {"message": "overloaded", "type": "server_error", "code": None}})
    )
    assert len(events) == 1 and isinstance(events[0], ir.StreamError)
    assert events[0].error.kind == "server_error" and events[0].error.message == "overloaded"
    with pytest.raises(InvalidInputError):
        decoder.feed(_parse(_chunk({"content": "y"})))
    assert decoder.state is DecoderState.ERROR


def test_error_frame_first_and_finish_after_error() -> None:
    decoder = StreamDecoder()
    events = decoder.feed(_parse({"error": {"message": "nope", "type": "invalid_request_error"}}))
    assert [type(e).__name__ for e in events] == ["ResponseStarted", "StreamError"]
    assert decoder.finish() == []
    assert decoder.state is DecoderState.FINISHED
    with pytest.raises(StreamStateError):
        decoder.feed(_parse(_chunk()))


def test_openrouter_error_inside_a_chunk() -> None:
    frame = _chunk({"content": ""}, finish="error")
    frame["error"] = {"code": 502, "message": "Provider disconnected"}
    events = _decode([_chunk({"role": "assistant", "content": "x"}), frame], finish=False)
    assert isinstance(events[-1], ir.StreamError)
    assert events[-1].error.kind == "server_error"


def test_a_stream_without_chunks_is_truncated() -> None:
    decoder = StreamDecoder()
    with pytest.raises(TruncatedStreamError):
        decoder.finish()
    assert decoder.state is DecoderState.ERROR


@pytest.mark.parametrize("cut", [1, 2])
def test_done_without_finish_reason_infers_the_stop(cut: int) -> None:
    """[DONE] (``finish()``) before a ``finish_reason``: the server said it is done, so the
    choice stops with what it emitted implies, marked inferred — not a truncation."""
    frames = _fixture("text_with_usage.jsonl")[:cut]
    decoder = StreamDecoder()
    for frame in frames:
        decoder.feed(_parse(frame))
    *_, finished, ended = decoder.finish()
    assert finished == ir.CandidateFinished("end_turn", 0, inferred=True)
    assert ended == ir.StreamEnded()


def test_unfinished_second_choice_stops_with_an_inferred_reason() -> None:
    call = {"index": 0, "id": "c", "type": "function", "function": {"name": "f", "arguments": ""}}
    frames = [
        _chunk({"role": "assistant", "content": "a"}),
        _chunk({"role": "assistant", "tool_calls": [call]}, index=1),
        _chunk(finish="stop"),
    ]
    decoder = StreamDecoder()
    for frame in frames:
        decoder.feed(_parse(frame))
    closing = decoder.finish()
    finished = [e for e in closing if isinstance(e, ir.CandidateFinished)]
    assert finished == [ir.CandidateFinished("tool_use", 1, inferred=True)]
    assert isinstance(closing[-1], ir.StreamEnded)


def test_content_after_finish_reason_is_invalid_but_empty_updates_are_tolerated() -> None:
    decoder = StreamDecoder()
    decoder.feed(_parse(_chunk({"role": "assistant", "content": "a"}, finish="stop")))
    assert decoder.feed(_parse(_chunk({"audio": {"expires_at": 5}}, finish="stop"))) == []
    with pytest.raises(InvalidInputError, match="after its finish_reason"):
        decoder.feed(_parse(_chunk({"content": "late"})))


# --------------------------------------------------------------------------- chunking


def _split_text(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in itertools.pairwise(points) if text[a:b]]


def _rechunk(
    frames: list[dict[str, Any]], cuts: list[int], merge: bool = False
) -> list[dict[str, Any]]:
    """Split every single-field string delta (content, refusal, reasoning_content, one tool-call
    argument fragment) at ``cuts``; the pieces after the first carry only the string. With
    ``merge``, then join runs of content-only chunks of one choice back into one chunk."""
    split = _split(frames, cuts)
    if not merge:
        return split
    out: list[dict[str, Any]] = []
    for frame in split:
        previous = out[-1] if out else None
        if (
            previous is not None
            and _content_only(previous)
            and _content_only(frame)
            and previous["choices"][0]["index"] == frame["choices"][0]["index"]
        ):
            previous["choices"][0]["delta"]["content"] += frame["choices"][0]["delta"]["content"]
            continue
        out.append(copy.deepcopy(frame))
    return out


def _content_only(frame: dict[str, Any]) -> bool:
    choices = frame["choices"]
    if len(choices) != 1 or choices[0].get("finish_reason") or choices[0].get("logprobs"):
        return False
    delta = choices[0]["delta"]
    return set(delta) == {"content"} and isinstance(delta["content"], str) and "usage" not in frame


def _split(frames: list[dict[str, Any]], cuts: list[int]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for frame in frames:
        if len(frame["choices"]) != 1 or frame["choices"][0].get("finish_reason"):
            out.append(frame)
            continue
        choice = frame["choices"][0]
        delta = choice["delta"]
        keys = [k for k in ("content", "refusal", "reasoning_content") if delta.get(k)]
        calls = delta.get("tool_calls") or []
        if len(keys) == 1 and not calls and not choice.get("logprobs"):
            pieces = _split_text(delta[keys[0]], cuts)
            for i, piece in enumerate(pieces):
                new = copy.deepcopy(frame)
                new["choices"][0]["delta"] = (
                    {**delta, keys[0]: piece} if i == 0 else {keys[0]: piece}
                )
                out.append(new)
            continue
        if not keys and len(calls) == 1 and (calls[0].get("function") or {}).get("arguments"):
            pieces = _split_text(calls[0]["function"]["arguments"], cuts)
            for i, piece in enumerate(pieces):
                new = copy.deepcopy(frame)
                call = new["choices"][0]["delta"]["tool_calls"][0]
                if i:
                    new["choices"][0]["delta"] = {
                        "tool_calls": [{"index": call["index"], "function": {"arguments": piece}}]
                    }
                else:
                    call["function"]["arguments"] = piece
                out.append(new)
            continue
        out.append(frame)
    return out


_CHUNKING_STREAMS = [
    "text_with_usage.jsonl",
    "parallel_tool_calls.jsonl",
    "n2_refusal_logprobs.jsonl",
]


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from([*_CHUNKING_STREAMS, "deepseek"]),
    cuts=st.lists(st.integers(min_value=0, max_value=40), max_size=6),
    merge=st.booleans(),
)
def test_rechunking_does_not_change_the_result(name: str, cuts: list[int], merge: bool) -> None:
    frames = _provider_streams()[0] if name == "deepseek" else _fixture(name)
    expected = _neutral(accumulate(_decode(frames)))
    assert _neutral(accumulate(_decode(_rechunk(frames, cuts, merge)))) == expected


@pytest.mark.parametrize("path", _samples())
def test_recorded_streams_rechunked(path: Path) -> None:
    frames = _sample(path)
    expected = _neutral(accumulate(_decode(frames)))
    for cuts in ([1], [2, 5, 9], [3, 40]):
        for merge in (False, True):
            assert _neutral(accumulate(_decode(_rechunk(frames, cuts, merge)))) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(wire_payloads(chat.ChatCompletionChunk), min_size=1, max_size=5))
def test_any_chunk_sequence_raises_only_bridge_errors(frames: list[Any]) -> None:
    decoder = StreamDecoder()
    events: list[ir.StreamEvent] = []
    try:
        for frame in frames:
            events += decoder.feed(from_wire(chat.ChatCompletionChunk, frame))
        events += decoder.finish()
    except BridgeError:
        return
    encoder = StreamEncoder(_options()[0])
    try:
        for event in events:
            encoder.feed(event)
    except BridgeError:
        pass


# --------------------------------------------------------------------------- encoder


def _text(index: int, text: str, candidate: int = 0) -> list[ir.StreamEvent]:
    return [
        ir.PartStarted(index, ir.TextPart(text=""), candidate),
        ir.PartDelta(index, "text", text[:2], candidate=candidate),
        ir.PartDelta(index, "text", text[2:], candidate=candidate),
        ir.PartFinished(index, candidate=candidate),
    ]


def _interleaved_calls() -> list[ir.StreamEvent]:
    return [
        ir.ResponseStarted(id="msg_1", model="claude", created=5),
        *_text(0, "Let me look."),
        ir.PartStarted(1, ir.ToolCallPart(call_id="toolu_a", name="get_weather", arguments="")),
        ir.PartStarted(2, ir.ToolCallPart(call_id="toolu_b", name="get_time", arguments="")),
        ir.PartDelta(1, "arguments", '{"city":'),
        ir.PartDelta(2, "arguments", '{"tz":'),
        ir.PartDelta(1, "arguments", '"Oslo"}'),
        ir.PartDelta(2, "arguments", '"CET"}'),
        ir.PartFinished(2),
        ir.PartFinished(1),
        ir.CandidateFinished(stop_reason="tool_use", raw_stop_reason="tool_use"),
        ir.UsageUpdated(ir.Usage(input_tokens=2006, cache_read_tokens=1920)),
        ir.UsageUpdated(ir.Usage(output_tokens=30)),
        ir.StreamEnded(),
    ]


def _signed_reasoning() -> list[ir.StreamEvent]:
    return [
        ir.ResponseStarted(id="msg_2", model="claude", created=5),
        ir.PartStarted(0, ir.ReasoningPart(text="", signature="")),
        ir.PartDelta(0, "reasoning", "Let me "),
        ir.PartDelta(0, "reasoning", "think."),
        ir.PartDelta(0, "signature", "EqMB"),
        ir.PartFinished(0),
        ir.PartStarted(1, ir.ReasoningPart(redacted_data="opaque")),
        ir.PartFinished(1),
        ir.PartStarted(2, ir.ReasoningPart(text="")),
        ir.PartDelta(2, "reasoning", "More."),
        ir.PartFinished(2),
        *_text(3, "The answer."),
        ir.CandidateFinished(stop_reason="end_turn", raw_stop_reason="end_turn"),
        ir.UsageUpdated(ir.Usage(input_tokens=10, output_tokens=20, service_tier="standard")),
        ir.StreamEnded(),
    ]


def _summaries() -> list[ir.StreamEvent]:
    return [
        ir.ResponseStarted(id="resp_1", model="o3", created=5),
        ir.PartStarted(0, ir.ReasoningPart(item_id="rs_1")),
        ir.PartDelta(0, "summary", "First", summary_index=0),
        ir.PartDelta(0, "summary", "Second", summary_index=1),
        ir.PartFinished(
            0,
            ir.ReasoningPart(summary=("First", "Second"), encrypted_content="enc", item_id="rs_1"),
        ),
        *_text(1, "Done."),
        ir.CandidateFinished(stop_reason="end_turn"),
        ir.StreamEnded(),
    ]


def _citations_and_refusal() -> list[ir.StreamEvent]:
    citation = ir.Citation(kind="web_search_result_location", url="https://w.x", title="W")
    return [
        ir.ResponseStarted(id=None, model=None),
        ir.PartStarted(0, ir.TextPart(text="Per W")),
        ir.PartDelta(0, "citation", citation=citation),
        ir.PartFinished(0),
        ir.PartStarted(1, ir.RefusalPart(text="")),
        ir.PartDelta(1, "refusal", "No."),
        ir.PartFinished(1),
        ir.CandidateFinished(stop_reason="refusal"),
        ir.StreamEnded(),
    ]


def _two_candidates() -> list[ir.StreamEvent]:
    return [
        ir.ResponseStarted(id="chatcmpl-n", model="gpt", created=1),
        ir.PartStarted(0, ir.TextPart(text=""), 0),
        ir.PartStarted(1, ir.TextPart(text=""), 1),
        ir.PartDelta(1, "text", "B", candidate=1),
        ir.PartDelta(0, "text", "A", candidate=0),
        ir.PartFinished(
            1, ir.TextPart(text="B", logprobs=(ir.TokenLogprob(token="B", logprob=-1.0),)), 1
        ),
        ir.CandidateFinished(stop_reason="max_tokens", candidate=1, raw_stop_reason="length"),
        ir.PartFinished(0, candidate=0),
        ir.CandidateFinished(stop_reason="end_turn", candidate=0),
        ir.StreamEnded(),
    ]


def _later_candidate_first() -> list[ir.StreamEvent]:
    """Candidates 2, 0, 2 interleaved, candidate 1 only finishing: the encoder must introduce the
    choices in index order without mixing them up."""
    call = ir.ToolCallPart(call_id="call_c", name="f", arguments="")
    return [
        ir.ResponseStarted(id="chatcmpl-n3", model="gpt", created=1),
        ir.PartStarted(0, call, 2),
        ir.PartDelta(0, "arguments", '{"a":', candidate=2),
        *_text(1, "First!", candidate=0),
        ir.PartDelta(0, "arguments", "1}", candidate=2),
        ir.PartFinished(0, candidate=2),
        ir.CandidateFinished(stop_reason="tool_use", candidate=2),
        ir.CandidateFinished(stop_reason="end_turn", candidate=1),
        ir.CandidateFinished(stop_reason="end_turn", candidate=0),
        ir.StreamEnded(),
    ]


def _finish_before_parts_close() -> list[ir.StreamEvent]:
    return [
        ir.ResponseStarted(id="resp_2", model="gpt", created=1),
        ir.PartStarted(0, ir.ToolCallPart(call_id="call_1", name="f", arguments="")),
        ir.PartDelta(0, "arguments", "{}"),
        ir.CandidateFinished(stop_reason="tool_use"),
        ir.PartFinished(0, ir.ToolCallPart(call_id="call_1", name="f", arguments="{}")),
        ir.StreamEnded(),
    ]


IR_STREAMS = {
    "finish_before_parts_close": _finish_before_parts_close,
    "interleaved_calls": _interleaved_calls,
    "signed_reasoning": _signed_reasoning,
    "summaries": _summaries,
    "citations_and_refusal": _citations_and_refusal,
    "two_candidates": _two_candidates,
    "later_candidate_first": _later_candidate_first,
}


@pytest.mark.parametrize("dialect", ["openai", "reasoning_content", "openrouter"])
@pytest.mark.parametrize("name", sorted(IR_STREAMS))
def test_encoder_output_is_valid_and_equals_non_stream(name: str, dialect: ChatDialect) -> None:
    events = IR_STREAMS[name]()
    options, _ = _options(chat_dialect=dialect)
    frames = _encode(events, options)
    _assert_sdk_valid(frames)
    assert check_stream("chat", frames) == []
    _assert_stream_equals_non_stream(events, frames, _options(chat_dialect=dialect)[0])


def test_interleaved_calls_are_keyed_by_their_own_index() -> None:
    options, losses = _options()
    frames = _encode(_interleaved_calls(), options)
    completion = _sdk_accumulate(frames)
    message = completion["choices"][0]["message"]
    assert message["content"] == "Let me look."
    assert [
        (c["id"], c["function"]["name"], c["function"]["arguments"]) for c in message["tool_calls"]
    ] == [
        ("toolu_a", "get_weather", '{"city":"Oslo"}'),
        ("toolu_b", "get_time", '{"tz":"CET"}'),
    ]
    assert completion["choices"][0]["finish_reason"] == "tool_calls"
    assert frames[-1]["choices"] == []  # usage after the finish reason, in the last chunk
    assert frames[-1]["usage"]["prompt_tokens"] == 2006
    assert frames[-1]["usage"]["prompt_tokens_details"] == {"cached_tokens": 1920}
    assert {f["id"] for f in frames} == {"msg_1"} and {f["created"] for f in frames} == {5}
    assert losses == []


@pytest.mark.parametrize(
    ("dialect", "fields", "lost"),
    [
        ("openai", {}, ["reasoning", "reasoning", "reasoning"]),
        (
            "reasoning_content",
            {"reasoning_content": "Let me think.\n\nMore."},
            ["reasoning.signature", "reasoning.encrypted_content"],
        ),
        (
            "openrouter",
            {
                "reasoning": "Let me think.\n\nMore.",
                "reasoning_details": [
                    {
                        "type": "reasoning.text",
                        "text": "Let me think.",
                        "signature": "EqMB",
                        "index": 0,
                    },
                    {
                        "type": "reasoning.encrypted",
                        "data": "opaque",
                        "format": "anthropic-claude-v1",
                        "index": 1,
                    },
                    {"type": "reasoning.text", "text": "More.", "index": 2},
                ],
            },
            [],
        ),
    ],
)
def test_reasoning_dialects(dialect: ChatDialect, fields: dict[str, Any], lost: list[str]) -> None:
    options, losses = _options(chat_dialect=dialect)
    frames = _encode(_signed_reasoning(), options)
    message = _sdk_accumulate(frames)["choices"][0]["message"]
    assert {k: v for k, v in message.items() if k in _REASONING_KEYS} == fields
    assert [loss.feature for loss in losses if loss.feature.startswith("reasoning")] == lost
    if dialect == "openai":
        assert frames[0]["choices"][0]["delta"] == {"role": "assistant"}


def test_openrouter_reasoning_survives_chat_to_chat() -> None:
    options, _ = _options(chat_dialect="openrouter")
    events = _signed_reasoning()
    back = accumulate(_decode(_encode(events, options)))
    assert _parts(back) == _parts(accumulate(events))


def _parts(resp: ir.Response) -> list[Any]:
    """Parts and stop reasons (what a client of another format said literally aside)."""
    return [(c[0], c[1], c[2]) for c in _neutral(resp)["candidates"]]


def test_citations_are_reported_lost() -> None:
    options, losses = _options()
    _encode(_citations_and_refusal(), options)
    assert [loss.feature for loss in losses] == ["citations"]
    strict, _ = _options(strict=True)
    with pytest.raises(UnsupportedFeatureError):
        _encode(_citations_and_refusal(), strict)


def test_usage_chunk_follows_the_request_and_option() -> None:
    events = _interleaved_calls()
    asked = {
        "model": "m",
        "messages": [],
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    not_asked = {"model": "m", "messages": [], "stream": True}
    cases: list[tuple[dict[str, Any], bool]] = [
        ({}, True),
        ({"include_usage": False}, False),
        ({"request": asked}, True),
        ({"request": not_asked}, False),
        ({"request": from_wire(chat.CompletionCreateParams, asked)}, True),
    ]
    for kwargs, has_usage in cases:
        frames = _encode(events, _options(**kwargs)[0])
        assert (frames[-1]["choices"] == []) is has_usage, kwargs


def test_stream_error_becomes_an_error_frame() -> None:
    options, _ = _options()
    encoder = StreamEncoder(options)
    out = encoder.feed(ir.ResponseStarted(id="x", model="m"))
    out += encoder.feed(ir.PartStarted(0, ir.TextPart(text="")))
    out += encoder.feed(ir.PartDelta(0, "text", "par"))
    error = ir.ApiError(kind="overloaded", message="Overloaded", raw_type="overloaded_error")
    out += encoder.feed(ir.StreamError(error))
    frames = [to_wire(f) for f in out]
    assert frames[-1] == {
        "error": {"message": "Overloaded", "type": "overloaded_error", "param": None, "code": None}
    }
    assert check_stream("chat", frames) == []
    assert encoder.state is EncoderState.ENDED
    with pytest.raises(StreamStateError):
        encoder.feed(ir.StreamEnded())


def test_encoder_rejects_broken_ir_streams() -> None:
    encoder = StreamEncoder(_options()[0])
    with pytest.raises(InvalidInputError):
        encoder.feed(ir.PartStarted(0, ir.TextPart(text="")))
    assert encoder.state is EncoderState.ERROR
    encoder = StreamEncoder(_options()[0])
    encoder.feed(ir.ResponseStarted(id="x", model="m"))
    with pytest.raises(InvalidInputError, match="never started"):
        encoder.feed(ir.PartDelta(3, "text", "x"))


def test_model_option_and_generated_ids() -> None:
    options, _ = _options(model="gpt-x")
    events = _citations_and_refusal()
    frames = _encode(events, options)
    assert {(f["id"], f["created"], f["model"]) for f in frames} == {
        ("chatcmpl-test", 1_700_000_000, "gpt-x")
    }


# --------------------------------------------------------------------------- chat -> chat


def _chat_streams() -> list[Any]:
    streams = [pytest.param(_fixture(n), id=n) for n in COMPLETE_FIXTURES]
    streams.append(pytest.param(_provider_streams()[0], id="deepseek"))
    streams += [pytest.param(_sample(p.values[0]), id=p.id) for p in _samples()]
    return streams


@pytest.mark.parametrize("frames", _chat_streams())
def test_chat_to_chat_streams(frames: list[dict[str, Any]]) -> None:
    events = _decode(frames)
    options, _ = _options(chat_dialect="reasoning_content")
    out = _encode(events, options)
    _assert_sdk_valid(out)
    assert check_stream("chat", out) == []
    _assert_stream_equals_non_stream(events, out, _options(chat_dialect="reasoning_content")[0])
    again = _decode(out)
    assert _neutral(accumulate(again))["candidates"] == _neutral(accumulate(events))["candidates"]
    assert _neutral(accumulate(again))["usage"] == _neutral(accumulate(events))["usage"]


def _choice_one_first() -> list[dict[str, Any]]:
    """``n=2`` as a provider may stream it: choice 1 opens the stream, then 0, then 1 again."""
    fingerprint = "fp_n2"
    call = {"index": 0, "id": "call_1", "type": "function", "function": {"name": "f"}}
    arguments = {"index": 0, "function": {"arguments": "{}"}}
    return [
        _chunk({"role": "assistant", "content": "B"}, index=1, system_fingerprint=fingerprint),
        _chunk({"role": "assistant", "content": "A"}, index=0, system_fingerprint=fingerprint),
        _chunk({"content": "b"}, index=1, system_fingerprint=fingerprint),
        _chunk({"tool_calls": [call]}, index=0, system_fingerprint=fingerprint),
        _chunk({"tool_calls": [arguments]}, index=0, system_fingerprint=fingerprint),
        _chunk(index=1, finish="length", system_fingerprint=fingerprint),
        _chunk(index=0, finish="tool_calls", system_fingerprint=fingerprint),
    ]


def test_choice_one_first_reaches_the_sdk_in_index_order() -> None:
    frames = _choice_one_first()
    with pytest.raises(IndexError):  # the SDK places choices by order of first appearance
        _sdk_accumulate(frames)
    events = _decode(frames)
    out = _encode(events, _options()[0])
    assert out[0]["choices"] == [
        {"index": 0, "delta": {"role": "assistant"}, "finish_reason": None}
    ]
    _assert_sdk_valid(out)
    assert check_stream("chat", out) == []
    _assert_stream_equals_non_stream(events, out, _options()[0])
    choices = _sdk_accumulate(out)["choices"]
    assert [(c["index"], c["message"]["content"], c["finish_reason"]) for c in choices] == [
        (0, "A", "tool_calls"),
        (1, "Bb", "length"),
    ]
    assert choices[0]["message"]["tool_calls"][0]["function"] == {"name": "f", "arguments": "{}"}
    assert choices[1]["message"]["tool_calls"] is None
    assert _neutral(accumulate(_decode(out))) == _neutral(accumulate(events))


def test_system_fingerprint_is_echo_and_stream_equals_non_stream() -> None:
    frames = _fixture("text_with_usage.jsonl")
    events = _decode(frames)
    started = events[0]
    assert isinstance(started, ir.ResponseStarted)
    assert started.echo == {"chat": {"system_fingerprint": "fp_06737a9306"}}
    assert "system_fingerprint" not in started.extra["chat"]
    want = decode_response(from_wire(chat.ChatCompletion, _sdk_accumulate(frames)))
    assert accumulate(events).echo == want.echo


@pytest.mark.parametrize("frames", [*_chat_streams(), pytest.param(_choice_one_first(), id="n2")])
def test_chat_to_chat_keeps_system_fingerprint_on_every_chunk(frames: list[dict[str, Any]]) -> None:
    """The first chunk's fingerprint goes on every chunk (the usage chunk too), as the API sends
    it; a source without one gets none."""
    first = next(f for f in frames if f["id"] or f["choices"] or f.get("usage"))
    out = [f for f in _encode(_decode(frames), _options()[0]) if "error" not in f]
    if "system_fingerprint" in first:
        fingerprint = first["system_fingerprint"]
        assert [f.get("system_fingerprint", "-") for f in out] == [fingerprint] * len(out)
        assert _sdk_accumulate(out)["system_fingerprint"] == fingerprint
    else:
        assert not any("system_fingerprint" in f for f in out)


def test_text_with_usage_round_trips_its_fingerprint_chunk_for_chunk() -> None:
    frames = _fixture("text_with_usage.jsonl")
    out = _encode(_decode(frames), _options()[0])
    assert len(out) == len(frames)
    assert [f.get("system_fingerprint") for f in out] == [f["system_fingerprint"] for f in frames]


def test_foreign_echo_does_not_leak_into_chat() -> None:
    options, losses = _options()
    echo: ir.Extra = {"responses": {"instructions": "Be brief.", "temperature": 0.2}}
    events: list[ir.StreamEvent] = [
        ir.ResponseStarted(id="resp_1", model="gpt", created=1, echo=echo),
        *_text(0, "Hello"),
        ir.CandidateFinished(stop_reason="end_turn"),
        ir.StreamEnded(),
    ]
    out = _encode(events, options)
    assert losses == []
    assert not any(key in f for f in out for key in ("instructions", "temperature"))
    _assert_sdk_valid(out)


# --------------------------------------------------------------------------- generated ir streams

_STOPS: list[ir.StopReason] = ["end_turn", "max_tokens", "tool_use", "refusal", "pause_turn"]
_WORDS = st.text(alphabet='abc xyz{}":,é👋', min_size=1, max_size=8)


@st.composite
def _candidate_events(draw: st.DrawFn, candidate: int) -> list[ir.StreamEvent]:
    """One candidate's events as other formats' decoders make them: parts in order (numbered
    from 0 within the candidate), tool call arguments interleaved with everything after the call
    started, usage anywhere (also after the finish), one finish at the end."""
    events: list[ir.StreamEvent] = []
    pending: list[list[ir.StreamEvent]] = []  # per open tool call: its remaining events

    def flush_some() -> None:
        while pending:
            if not draw(st.booleans()):
                break
            queue = pending[draw(st.integers(0, len(pending) - 1))]
            events.append(queue.pop(0))
            if not queue:
                pending.remove(queue)
        if draw(st.integers(0, 9)) == 0:
            events.append(ir.UsageUpdated(ir.Usage(input_tokens=draw(st.integers(0, 99)))))

    kinds = draw(st.lists(st.sampled_from(["text", "reasoning", "refusal", "call"]), max_size=5))
    for index, kind in enumerate(kinds):
        fragments = draw(st.lists(_WORDS, min_size=1, max_size=3))
        header: ir.Part
        delta_kind: ir.DeltaKind
        if kind == "text":
            header, delta_kind = ir.TextPart(text=""), "text"
        elif kind == "refusal":
            header, delta_kind = ir.RefusalPart(text=""), "refusal"
        elif kind == "reasoning":
            header, delta_kind = ir.ReasoningPart(text=""), "reasoning"
        else:
            call_id = f"call_{candidate}_{index}"
            header = ir.ToolCallPart(call_id=call_id, name=f"f{index}", arguments="")
            delta_kind = "arguments"
        body: list[ir.StreamEvent] = [
            ir.PartDelta(index, delta_kind, f, candidate=candidate) for f in fragments
        ]
        if kind == "reasoning" and draw(st.booleans()):
            body.append(ir.PartDelta(index, "signature", "sig", candidate=candidate))
        body.append(ir.PartFinished(index, candidate=candidate))
        events.append(ir.PartStarted(index, header, candidate))
        if kind == "call":
            pending.append(body)
        else:
            for event in body:
                events.append(event)
                flush_some()
        flush_some()
    for queue in pending:
        events.extend(queue)
    events.append(
        ir.CandidateFinished(stop_reason=draw(st.sampled_from(_STOPS)), candidate=candidate)
    )
    return events


def _renumbered(events: list[ir.StreamEvent]) -> list[ir.StreamEvent]:
    """``events`` with part indices made unique in the stream, in order of first appearance."""
    numbers: dict[tuple[int, int], int] = {}
    out: list[ir.StreamEvent] = []
    for event in events:
        if isinstance(event, (ir.PartStarted, ir.PartDelta, ir.PartFinished)):
            number = numbers.setdefault((event.candidate, event.index), len(numbers))
            out.append(dataclasses.replace(event, index=number))
        else:
            out.append(event)
    return out


@st.composite
def _ir_streams(draw: st.DrawFn) -> list[ir.StreamEvent]:
    """Neutral streams of one to three candidates whose events interleave in any order, so a
    candidate other than 0 may come first (a chat source with ``n > 1`` does this)."""
    queues = [draw(_candidate_events(c)) for c in range(draw(st.integers(1, 3)))]
    merged: list[ir.StreamEvent] = []
    while any(queues):
        queue = draw(st.sampled_from([q for q in queues if q]))
        merged.append(queue.pop(0))
    events: list[ir.StreamEvent] = [ir.ResponseStarted(id="src_1", model="m", created=3)]
    events += _renumbered(merged)
    if draw(st.booleans()):
        events.append(ir.UsageUpdated(ir.Usage(input_tokens=7, output_tokens=9)))
    events.append(ir.StreamEnded())
    return events


@settings(max_examples=60, deadline=None)
@given(events=_ir_streams(), dialect=st.sampled_from(["openai", "reasoning_content", "openrouter"]))
def test_generated_ir_streams_encode_to_valid_equivalent_chat(
    events: list[ir.StreamEvent], dialect: ChatDialect
) -> None:
    frames = _encode(events, _options(chat_dialect=dialect)[0])
    _assert_sdk_valid(frames)
    assert check_stream("chat", frames) == []
    _assert_stream_equals_non_stream(events, frames, _options(chat_dialect=dialect)[0])


def test_own_reasoning_fields_go_back_where_they_came_from() -> None:
    """A chat source's reasoning returns to its own fields whatever the dialect (chat -> chat)."""
    for frames in (_openrouter_frames(), _provider_streams()[0]):
        events = _decode(frames)
        options, losses = _options(chat_dialect="openai")
        out = _encode(events, options)
        assert losses == []
        assert _parts(accumulate(_decode(out))) == _parts(accumulate(events))


def test_own_top_level_fields_ride_on_every_chunk() -> None:
    frames = [_chunk({"role": "assistant", "content": "x"}), _chunk(finish="stop")]
    for frame in frames:
        frame["provider"] = "Anthropic"
        frame["obfuscation"] = "pad"
    out = _encode(_decode(frames), _options()[0])
    assert {f.get("provider") for f in out} == {"Anthropic"}
    assert not any("obfuscation" in f for f in out)  # per-chunk padding is not carried


@pytest.mark.parametrize("candidate", [-1, 128, 10**12])
def test_a_candidate_beyond_any_request_is_invalid_input(candidate: int) -> None:
    """Choices are introduced in index order; an index no request can have is refused rather
    than answered with a flood of opening chunks."""
    encoder = StreamEncoder(_options()[0])
    encoder.feed(ir.ResponseStarted(id="c", model="m"))
    with pytest.raises(InvalidInputError, match="outside the 128 choices"):
        encoder.feed(ir.PartStarted(0, ir.TextPart(text=""), candidate))


def test_a_request_for_many_choices_allows_their_indices() -> None:
    request = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "n": 200}
    encoder = StreamEncoder(_options(request=request)[0])
    encoder.feed(ir.ResponseStarted(id="c", model="m"))
    chunks = encoder.feed(ir.PartStarted(0, ir.TextPart(text=""), 150))
    assert [chunk.choices[0].index for chunk in chunks] == list(range(151))
