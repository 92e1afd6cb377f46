"""The legacy Completions stream codec: chunks -> ir events -> chunks.

1. Decoder = non-streaming decoder: every ``Completion`` fixture (and hypothesis-made ones),
   exploded into a stream of chunks split at random places with the choices interleaved, decodes
   to ir events that accumulate to what ``decode_response`` makes of the whole response.
2. Chunking invariance: the property above, over any re-splitting (1. is already one).
3. Encoder: every chunk validates against the SDK's ``Completion`` (``finish_reason: null`` on
   non-final chunks is the real API's one deviation from the SDK type), the stream obeys the
   Completions stream rules (the testing kit's ``check_stream``), and accumulating it gives
   ``encode_response(accumulate(events))``, with the same losses reported.
4. Truncation and errors: ``finish()`` before every choice finished, error frames, events out
   of order, use after an error.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import openai.types
import pytest
from hypothesis import given
from hypothesis import strategies as st

from openai_claude_bridge import (
    BridgeError,
    InvalidInputError,
    Loss,
    StreamStateError,
    TruncatedStreamError,
    UnsupportedFeatureError,
    ir,
)
from openai_claude_bridge.completions import (
    Completion,
    CompletionCreateParams,
    ErrorResponse,
    decode,
    encode,
)
from openai_claude_bridge.completions.stream_decode import DecoderState, StreamDecoder
from openai_claude_bridge.completions.stream_encode import EncoderState, StreamEncoder
from openai_claude_bridge.completions.tables import read_finish_reason
from openai_claude_bridge.ir.accumulate import accumulate
from openai_claude_bridge.options import Options
from openai_claude_bridge.sse import SSEDecoder
from openai_claude_bridge.stream import SSETranscoder
from openai_claude_bridge.testing import check_stream
from openai_claude_bridge.wire import from_wire, to_wire
from tests.support.oracle import assert_sdk_strict
from tests.support.roundtrip import FIXTURES, all_fixture_payloads
from tests.support.sdk_types import SDK_TYPES

Chunk = dict[str, Any]

FIXTURE_RESPONSES = [
    payload
    for payload in all_fixture_payloads("completions", "Completion")
    if (payload["choices"] or payload.get("usage"))
    and all(c.get("finish_reason") for c in payload["choices"])
]
STREAM_FIXTURE = FIXTURES / "completions" / "Completion" / "stream.lenient.jsonl"


def _ids(prefix: str) -> str:
    return prefix + "generated"


def collect(**kwargs: Any) -> tuple[Options, list[Loss]]:
    losses: list[Loss] = []
    kwargs.setdefault("id_factory", _ids)
    kwargs.setdefault("clock", lambda: 1234)
    return Options(on_loss=losses.append, **kwargs), losses


# --------------------------------------------------------------------------- stream helpers


def decode_chunks(chunks: Iterable[Chunk]) -> list[ir.StreamEvent]:
    decoder = StreamDecoder()
    events: list[ir.StreamEvent] = []
    for chunk in chunks:
        if "error" in chunk:
            events += decoder.feed(from_wire(ErrorResponse, chunk))
        else:
            events += decoder.feed(from_wire(Completion, chunk))
    events += decoder.finish()
    return events


def encode_events(events: Iterable[ir.StreamEvent], options: Options) -> list[Chunk]:
    encoder = StreamEncoder(options)
    return [to_wire(out) for event in events for out in encoder.feed(event)]


def accumulate_chunks(chunks: list[Chunk]) -> Chunk:
    """The response a Completions stream describes: texts and logprobs lists concatenated per
    choice, the finish reason, the usage (the Completions stream accumulator the SDK lacks)."""
    out = {k: v for k, v in chunks[0].items() if k not in ("choices", "usage")}
    choices: dict[int, Chunk] = {}
    usage = None
    for chunk in chunks:
        for choice in chunk["choices"]:
            acc = choices.setdefault(
                choice["index"],
                {"index": choice["index"], "text": "", "logprobs": None, "finish_reason": None},
            )
            acc["text"] += choice["text"]
            logprobs = choice.get("logprobs")
            if logprobs is not None:
                merged = acc["logprobs"] = acc["logprobs"] or {}
                for key, value in logprobs.items():
                    if isinstance(value, list):
                        merged[key] = (merged.get(key) or []) + value
                    else:
                        merged.setdefault(key, value)
            if choice.get("finish_reason") is not None:
                acc["finish_reason"] = choice["finish_reason"]
        if chunk.get("usage") is not None:
            usage = chunk["usage"]
    out["choices"] = [choices[i] for i in sorted(choices)]
    if usage is not None:
        out["usage"] = usage
    return out


def normal(completion: Chunk) -> Chunk:
    """``completion`` with ``"logprobs": null`` choices written as absent (both forms mean the
    same) and the choices' fields the stream does not carry dropped."""
    out = dict(completion)
    out["choices"] = [
        {k: v for k, v in c.items() if k in ("index", "text", "finish_reason", "logprobs")}
        for c in completion["choices"]
    ]
    for choice in out["choices"]:
        if choice.get("logprobs") is None:
            choice.pop("logprobs", None)
    return out


def neutral(resp: ir.Response) -> Any:
    """The neutral content of a response: texts, logprobs, stop reasons, usage counts."""

    def part(p: ir.Part) -> Any:
        assert isinstance(p, ir.TextPart)
        return (p.text, p.logprobs)

    usage = None
    if resp.usage is not None:
        usage = dataclasses.replace(resp.usage, path="", extra=ir.EMPTY_EXTRA)
    return (
        resp.id,
        resp.model,
        resp.created,
        [
            (c.index, [part(p) for p in c.parts], c.stop_reason, c.stop_sequence)
            for c in resp.candidates
        ],
        usage,
    )


def check_ir_grammar(events: list[ir.StreamEvent]) -> None:
    """The ordering contract of ``ir.stream``."""
    assert isinstance(events[0], ir.ResponseStarted)
    assert isinstance(events[-1], (ir.StreamEnded, ir.StreamError))
    started: dict[int, int] = {}
    finished: set[int] = set()
    for event in events[1:-1]:
        assert not isinstance(event, (ir.ResponseStarted, ir.StreamEnded, ir.StreamError))
        if isinstance(event, ir.PartStarted):
            assert event.index == len(started), "part indices count up in order"
            started[event.index] = event.candidate
        elif isinstance(event, (ir.PartDelta, ir.PartFinished)):
            assert started.get(event.index) == event.candidate
            assert event.index not in finished
            if isinstance(event, ir.PartFinished):
                finished.add(event.index)


def assert_strict(chunks: list[Chunk]) -> None:
    """Every chunk is a strict SDK ``Completion`` (a non-final chunk's ``finish_reason: null``
    aside: the real API sends it, the SDK types it non-null); an error frame a strict
    ``{"error": ErrorObject}``."""
    for chunk in chunks:
        if "error" in chunk:
            assert_sdk_strict(chunk, *SDK_TYPES[("completions", "ErrorResponse")])
            continue
        relaxed = {
            **chunk,
            "choices": [
                {**c, "finish_reason": c["finish_reason"] or "stop"} for c in chunk["choices"]
            ],
        }
        assert_sdk_strict(relaxed, openai.types.Completion)


# --------------------------------------------------------------------------- making streams


def _pieces(draw: st.DrawFn, choice: Chunk) -> list[tuple[str, Chunk | None]]:
    """``choice``'s text split at random places, with its logprobs split along (token-aligned
    places when the tokens spell the text; otherwise whole on the first piece)."""
    text, logprobs = choice["text"], choice.get("logprobs")
    tokens = (logprobs or {}).get("tokens")
    lists = ("tokens", "token_logprobs", "top_logprobs", "text_offset")
    if logprobs is not None and tokens is not None and "".join(tokens) == text and text:
        cuts = sorted(draw(st.sets(st.integers(1, max(1, len(tokens) - 1)), max_size=4)))
        cuts = [c for c in cuts if c < len(tokens)]
        bounds = [0, *cuts, len(tokens)]
        out: list[tuple[str, Chunk | None]] = []
        for a, b in itertools.pairwise(bounds):
            piece = {
                k: (v[a:b] if k in lists and v is not None else v) for k, v in logprobs.items()
            }
            out.append(("".join(tokens[a:b]), piece))
        return out
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(text) - 1)), max_size=6)))
    cuts = [c for c in cuts if c < len(text)]
    bounds = [0, *cuts, len(text)]
    texts = [text[a:b] for a, b in itertools.pairwise(bounds)]
    if logprobs is None:
        return [(t, None) for t in texts]
    empty = {k: (None if v is None else []) if k in lists else v for k, v in logprobs.items()}
    return [(t, logprobs if i == 0 else empty) for i, t in enumerate(texts)]


@st.composite
def exploded(draw: st.DrawFn, completion: Chunk) -> list[Chunk]:
    """A stream of chunks whose accumulation is ``completion``: every choice's text split at
    random places, the choices interleaved at random, an optional empty first chunk per choice,
    the finish reason on the last text chunk or on an empty one of its own, the usage on a last
    ``choices: []`` chunk or on the last chunk."""
    head = {k: v for k, v in completion.items() if k not in ("choices", "usage")}
    queues: list[list[Chunk]] = []
    for choice in completion["choices"]:
        pieces = _pieces(draw, choice)
        queue: list[Chunk] = []
        empty_first: bool = draw(st.booleans())
        if empty_first:
            queue.append({"text": "", "index": choice["index"], "logprobs": None})
        queue += [{"text": t, "index": choice["index"], "logprobs": lp} for t, lp in pieces]
        for item in queue:
            item["finish_reason"] = None
        separate_finish: bool = draw(st.booleans())
        if separate_finish or not queue:
            queue.append({"text": "", "index": choice["index"], "logprobs": None})
        queue[-1]["finish_reason"] = choice["finish_reason"]
        queues.append(queue)
    chunks: list[Chunk] = []
    while any(queues):
        live = [q for q in queues if q]
        queue = live[draw(st.integers(0, len(live) - 1))]
        choices = [queue.pop(0)]
        # sometimes two choices share one chunk
        others = [q for q in queues if q and q is not queue]
        share: bool = draw(st.booleans())
        if others and share:
            choices.append(others[0].pop(0))
        chunks.append({**head, "choices": choices})
    usage = completion.get("usage")
    if usage is not None:
        on_last: bool = draw(st.booleans())
        if chunks and on_last:
            chunks[-1] = {**chunks[-1], "usage": usage}
        else:
            chunks.append({**head, "choices": [], "usage": usage})
    return chunks


_FLOATS = st.floats(-20, 0, allow_nan=False, width=32)


@st.composite
def completions(draw: st.DrawFn) -> Chunk:
    """A finished Completions response: 1-3 choices, text with or without token logprobs,
    every finish reason, maybe usage."""
    choices = []
    for index in range(draw(st.integers(1, 3))):
        choice: Chunk = {
            "index": index,
            "finish_reason": draw(st.sampled_from(["stop", "length", "content_filter"])),
        }
        if draw(st.booleans()):
            tokens = draw(st.lists(st.text(min_size=1, max_size=4), max_size=6))
            choice["text"] = "".join(tokens)
            choice["logprobs"] = {
                "tokens": tokens,
                "token_logprobs": [draw(_FLOATS) for _ in tokens],
                "top_logprobs": [{t: draw(_FLOATS)} for t in tokens],
                "text_offset": list(range(len(tokens))),
            }
        else:
            choice["text"] = draw(st.text(max_size=30))
            choice["logprobs"] = None
        choices.append(choice)
    resp: Chunk = {
        "id": "cmpl-h",
        "object": "text_completion",
        "created": 7,
        "model": "m",
        "choices": choices,
    }
    if draw(st.booleans()):
        resp["usage"] = {"prompt_tokens": 3, "completion_tokens": 5, "total_tokens": 8}
    return resp


# --------------------------------------------------------------------------- 1 + 2. decoder


@pytest.mark.parametrize("payload", FIXTURE_RESPONSES)
@given(data=st.data())
def test_decoder_equals_the_non_streaming_decoder(payload: Chunk, data: st.DataObject) -> None:
    chunks = data.draw(exploded(payload))
    events = decode_chunks(chunks)
    check_ir_grammar(events)
    expected = decode.decode_response(from_wire(Completion, payload))
    assert neutral(accumulate(events)) == neutral(expected)


@given(data=st.data(), payload=completions())
def test_chunking_does_not_matter(data: st.DataObject, payload: Chunk) -> None:
    events = decode_chunks(data.draw(exploded(payload)))
    check_ir_grammar(events)
    resp = accumulate(events)
    assert neutral(resp) == neutral(decode.decode_response(from_wire(Completion, payload)))
    assert resp.status in ("completed", "incomplete")


def test_recorded_fixture_stream() -> None:
    chunks = [json.loads(line) for line in STREAM_FIXTURE.read_text().splitlines()]
    events = decode_chunks(chunks)
    assert events == [
        ir.ResponseStarted(
            id="cmpl-s",
            model="gpt-3.5-turbo-instruct",
            created=1700000002,
            extra={"completions": {}},  # the own-format mark, even with no leftovers
        ),
        ir.PartStarted(0, ir.TextPart(text="")),
        ir.PartDelta(0, "text", "Hel"),
        ir.PartDelta(0, "text", "lo ☀"),
        ir.PartFinished(0),
        ir.CandidateFinished("end_turn", raw_stop_reason="stop"),
        ir.StreamEnded(),
    ]


def test_sse_body_with_done_and_usage() -> None:
    """A raw SSE body (as the API sends it, ``[DONE]`` included) through SSEDecoder."""
    head = '"id":"cmpl-1","object":"text_completion","created":1,"model":"gpt-3.5-turbo-instruct"'
    body = (
        f'data: {{{head},"choices":[{{"text":"A","index":0,"logprobs":null,'
        '"finish_reason":null}]}\n\n'
        f'data: {{{head},"choices":[{{"text":"B","index":1,"logprobs":null,'
        '"finish_reason":"length"}]}\n\n'
        f'data: {{{head},"choices":[{{"text":"","index":0,"logprobs":null,'
        '"finish_reason":"stop"}]}\n\n'
        f'data: {{{head},"choices":[],"usage":{{"prompt_tokens":2,"completion_tokens":2,'
        '"total_tokens":4}}\n\n'
        "data: [DONE]\n\n"
    ).encode()
    sse = SSEDecoder()
    frames = sse.feed(body) + sse.finish()
    decoder = StreamDecoder()
    events: list[ir.StreamEvent] = []
    for frame in frames:
        if frame.data != "[DONE]":
            events += decoder.feed(from_wire(Completion, json.loads(frame.data)))
    events += decoder.finish()
    check_ir_grammar(events)
    assert [(e.index, e.candidate) for e in events if isinstance(e, ir.PartStarted)] == [
        (0, 0),
        (1, 1),
    ]
    resp = accumulate(events)
    assert [(c.index, c.parts[0], c.stop_reason) for c in resp.candidates] == [
        (0, ir.TextPart(text="A"), "end_turn"),
        (1, ir.TextPart(text="B"), "max_tokens"),
    ]
    assert resp.usage == ir.Usage(path="usage", input_tokens=2, output_tokens=2, total_tokens=4)


def test_logprobs_are_stated_in_the_finished_part() -> None:
    head = {"id": "c", "object": "text_completion", "created": 1, "model": "m"}
    chunks = [
        {
            **head,
            "choices": [
                {
                    "text": " from",
                    "index": 0,
                    "finish_reason": None,
                    "logprobs": {
                        "tokens": [" from"],
                        "token_logprobs": [-0.25],
                        "top_logprobs": [{" from": -0.25}],
                        "text_offset": [3],
                    },
                }
            ],
        },
        {
            **head,
            "choices": [
                {
                    "text": "age",
                    "index": 0,
                    "finish_reason": "stop",
                    "logprobs": {
                        "tokens": ["age"],
                        "token_logprobs": [0],
                        "top_logprobs": [{"age": 0}],
                        "text_offset": [8],
                    },
                }
            ],
        },
    ]
    events = decode_chunks(chunks)
    (finished,) = [e for e in events if isinstance(e, ir.PartFinished)]
    assert finished.part == ir.TextPart(
        text=" fromage",
        logprobs=(
            ir.TokenLogprob(
                token=" from", logprob=-0.25, top=(ir.TokenLogprob(token=" from", logprob=-0.25),)
            ),
            ir.TokenLogprob(token="age", logprob=0, top=(ir.TokenLogprob(token="age", logprob=0),)),
        ),
        extra=ir.with_extra("completions", {"logprobs": {"text_offset": [3, 8]}}),
    )


def test_logprobs_that_begin_after_text_start_a_new_part() -> None:
    """The decoder keeps no text for a choice without logprobs (its memory stays flat); should
    logprobs begin after such text, that text's part finishes and a new part takes the rest,
    its final stating its own text and logprobs: nothing is lost."""
    head = {"id": "c", "object": "text_completion", "created": 1, "model": "m"}
    logprobs = {"tokens": ["age"], "token_logprobs": [0], "top_logprobs": [{"age": 0}]}
    chunks = [
        {
            **head,
            "choices": [{"text": " from", "index": 0, "logprobs": None, "finish_reason": None}],
        },
        {
            **head,
            "choices": [{"text": "age", "index": 0, "logprobs": logprobs, "finish_reason": None}],
        },
        {**head, "choices": [{"text": "", "index": 0, "logprobs": None, "finish_reason": "stop"}]},
    ]
    events = decode_chunks(chunks)
    opened = [e.index for e in events if isinstance(e, ir.PartStarted)]
    finished = [(e.index, e.part) for e in events if isinstance(e, ir.PartFinished)]
    assert opened == [0, 1]
    assert finished[0] == (0, None)
    assert finished[1][0] == 1
    assert finished[1][1] is not None and finished[1][1].text == "age"
    texts = "".join(e.text for e in events if isinstance(e, ir.PartDelta))
    assert texts == " fromage"


def test_extras_and_unknown_finish_reason() -> None:
    """Chunk-level extras ride in ResponseStarted; an unknown finish reason ends the choice
    without inventing a stop reason."""
    chunk = {
        "id": "c",
        "object": "text_completion",
        "created": 1,
        "model": "m",
        "system_fingerprint": "fp_1",
        "kv_transfer_params": None,
        "choices": [{"text": "x", "index": 0, "finish_reason": "gremlins", "logprobs": None}],
    }
    events = decode_chunks([chunk])
    started = events[0]
    assert isinstance(started, ir.ResponseStarted)
    assert started.extra == {
        "completions": {"system_fingerprint": "fp_1", "kv_transfer_params": None}
    }
    assert not any(isinstance(e, ir.CandidateFinished) for e in events)
    assert isinstance(events[-1], ir.StreamEnded)


def test_empty_chunks_after_a_finish_are_tolerated() -> None:
    head = {"id": "c", "object": "text_completion", "created": 1, "model": "m"}
    choice = {"text": "", "index": 0, "logprobs": None, "finish_reason": None}
    events = decode_chunks(
        [
            {**head, "choices": [{**choice, "text": "hi", "finish_reason": "stop"}]},
            {**head, "choices": [choice]},
        ]
    )
    assert isinstance(events[-1], ir.StreamEnded)


# --------------------------------------------------------------------------- 4. decoder errors


def _chunk(text: str, index: int = 0, finish: str | None = None) -> Completion:
    return from_wire(
        Completion,
        {
            "id": "c",
            "object": "text_completion",
            "created": 1,
            "model": "m",
            "choices": [{"text": text, "index": index, "logprobs": None, "finish_reason": finish}],
        },
    )


ERROR_FRAME = {
    "error": {"message": "overloaded", "type": "server_error", "param": None, "code": None}
}


def test_done_before_every_choice_finished_infers_end_turn() -> None:
    """``finish()`` is ``[DONE]``: a choice without its finish_reason stops (inferred)."""
    decoder = StreamDecoder()
    decoder.feed(_chunk("a", 0, "stop"))
    decoder.feed(_chunk("b", 1))
    *_, finished, ended = decoder.finish()
    assert finished == ir.CandidateFinished("end_turn", 1, inferred=True)
    assert ended == ir.StreamEnded()
    with pytest.raises(StreamStateError):
        decoder.feed(_chunk("c"))


def test_an_empty_stream_is_truncated() -> None:
    with pytest.raises(TruncatedStreamError):
        StreamDecoder().finish()


def test_error_frame_mid_stream_ends_the_stream() -> None:
    decoder = StreamDecoder()
    decoder.feed(_chunk("a"))
    (error,) = decoder.feed(from_wire(ErrorResponse, ERROR_FRAME))
    assert isinstance(error, ir.StreamError)
    assert (error.error.kind, error.error.message) == ("server_error", "overloaded")
    assert decoder.finish() == []
    with pytest.raises(StreamStateError):
        decoder.feed(_chunk("b"))


def test_event_after_an_error_frame_is_invalid() -> None:
    decoder = StreamDecoder()
    first = decoder.feed(from_wire(ErrorResponse, ERROR_FRAME))
    assert [type(e) for e in first] == [ir.ResponseStarted, ir.StreamError]
    with pytest.raises(InvalidInputError) as info:
        decoder.feed(_chunk("a"))
    assert info.value.event_index is None
    with pytest.raises(StreamStateError):
        decoder.finish()


@pytest.mark.parametrize(
    ("late", "message"),
    [(("more", 0, None), "more output"), (("", 0, "length"), "second finish_reason")],
)
def test_output_after_a_finish_is_invalid(late: tuple[str, int, str | None], message: str) -> None:
    decoder = StreamDecoder()
    decoder.feed(_chunk("a", 0, "stop"))
    with pytest.raises(InvalidInputError, match=message) as info:
        decoder.feed(_chunk(*late))
    assert info.value.path == "choices[0]"
    assert decoder.state is DecoderState.ERROR


def test_not_a_completions_event_is_invalid() -> None:
    with pytest.raises(InvalidInputError, match="not dict"):
        StreamDecoder().feed({"id": "x"})  # type: ignore[arg-type]


def test_finish_twice_is_misuse() -> None:
    decoder = StreamDecoder()
    decoder.feed(_chunk("a", 0, "stop"))
    assert decoder.finish() == [ir.StreamEnded()]
    assert decoder.state is DecoderState.FINISHED
    with pytest.raises(StreamStateError):
        decoder.finish()


# --------------------------------------------------------------------------- 3. encoder


def check_encoder(events: list[ir.StreamEvent], **kwargs: Any) -> tuple[list[Chunk], list[Loss]]:
    """Encode ``events``; check strictness, the grammar, stream = non-stream (chunks and
    losses); return the chunks and the losses."""
    options, losses = collect(**kwargs)
    chunks = encode_events(events, options)
    assert_strict(chunks)
    assert check_stream("completions", chunks) == []
    expected_options, expected_losses = collect(**kwargs)
    expected = to_wire(encode.encode_response(accumulate(events), expected_options))
    if "error" not in chunks[-1]:
        assert normal(accumulate_chunks(chunks)) == normal(expected)
        assert Counter(x.feature for x in losses) == Counter(x.feature for x in expected_losses)
    return chunks, losses


START = ir.ResponseStarted(id="msg_1", model="claude", created=99, usage=ir.Usage(input_tokens=10))


def test_text_with_interleaved_parallel_tool_calls() -> None:
    events: list[ir.StreamEvent] = [
        START,
        ir.PartStarted(0, ir.TextPart(text="")),
        ir.PartDelta(0, "text", "Let me "),
        ir.PartStarted(1, ir.ToolCallPart(call_id="a", name="f", arguments="")),
        ir.PartStarted(2, ir.ToolCallPart(call_id="b", name="g", arguments="")),
        ir.PartDelta(1, "arguments", '{"x"'),
        ir.PartDelta(0, "text", "check."),
        ir.PartDelta(2, "arguments", "{}"),
        ir.PartDelta(1, "arguments", ":1}"),
        ir.PartFinished(0),
        ir.PartFinished(1),
        ir.PartFinished(2),
        ir.CandidateFinished("tool_use"),
        ir.UsageUpdated(ir.Usage(output_tokens=20)),
        ir.StreamEnded(),
    ]
    chunks, losses = check_encoder(events)
    assert [c["choices"] for c in chunks] == [
        [{"index": 0, "text": "Let me ", "logprobs": None, "finish_reason": None}],
        [{"index": 0, "text": "check.", "logprobs": None, "finish_reason": None}],
        [{"index": 0, "text": "", "logprobs": None, "finish_reason": "stop"}],
        [],
    ]
    assert chunks[-1]["usage"] == {"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30}
    assert {c["id"] for c in chunks} == {"msg_1"}
    assert {(c["model"], c["created"]) for c in chunks} == {("claude", 99)}
    assert [x.feature for x in losses] == ["tool_call", "tool_call", "stop_reason"]


def test_reasoning_with_signature_and_text_with_citations() -> None:
    citation = ir.Citation(kind="url", url="https://example.com", title="Ex")
    events: list[ir.StreamEvent] = [
        START,
        ir.PartStarted(0, ir.ReasoningPart()),
        ir.PartDelta(0, "reasoning", "Hmm."),
        ir.PartDelta(0, "signature", "c2ln"),
        ir.PartFinished(0),
        ir.PartStarted(1, ir.TextPart(text="")),
        ir.PartDelta(1, "text", "Cited"),
        ir.PartDelta(1, "citation", citation=citation),
        ir.PartDelta(1, "citation", citation=citation),
        ir.PartDelta(1, "text", " text."),
        ir.PartFinished(1),
        ir.CandidateFinished("end_turn"),
        ir.StreamEnded(),
    ]
    chunks, losses = check_encoder(events)
    assert accumulate_chunks(chunks)["choices"][0]["text"] == "Cited text."
    assert [x.feature for x in losses] == ["reasoning", "citations", "usage"]


def test_n_candidates_with_logprobs_and_usage_after_finish() -> None:
    lp = (
        ir.TokenLogprob(token="Hi", logprob=-0.5, top=(ir.TokenLogprob(token="Hi", logprob=-0.5),)),
    )
    events: list[ir.StreamEvent] = [
        ir.ResponseStarted(id="chatcmpl-1", model="gpt", created=5),
        ir.PartStarted(0, ir.TextPart(text=""), candidate=0),
        ir.PartStarted(1, ir.TextPart(text=""), candidate=1),
        ir.PartDelta(1, "text", "Yo", candidate=1),
        ir.PartDelta(0, "text", "Hi", candidate=0),
        ir.PartFinished(1, candidate=1),
        ir.CandidateFinished("max_tokens", candidate=1),
        ir.PartFinished(0, ir.TextPart(text="Hi", logprobs=lp), candidate=0),
        ir.CandidateFinished("end_turn", candidate=0),
        ir.UsageUpdated(ir.Usage(input_tokens=4, output_tokens=2, cache_read_tokens=1)),
        ir.StreamEnded(),
    ]
    chunks, losses = check_encoder(events)
    assert losses == []
    assert [c["choices"][0]["index"] for c in chunks[-3:-1]] == [0, 1]
    assert chunks[-2]["choices"][0]["finish_reason"] == "length"
    closing = chunks[-3]["choices"][0]
    assert closing == {
        "index": 0,
        "text": "",
        "logprobs": {"tokens": ["Hi"], "token_logprobs": [-0.5], "top_logprobs": [{"Hi": -0.5}]},
        "finish_reason": "stop",
    }
    assert chunks[-1]["usage"]["prompt_tokens_details"] == {"cached_tokens": 1}


def test_unsayable_stop_and_a_candidate_without_text() -> None:
    events: list[ir.StreamEvent] = [
        ir.ResponseStarted(id="msg_1", model="claude"),
        ir.PartStarted(0, ir.NativePart(format="anthropic", kind="server_tool_use", data={})),
        ir.PartFinished(0),
        ir.CandidateFinished("pause_turn"),
        ir.StreamEnded(),
    ]
    chunks, losses = check_encoder(events, include_usage=False)
    assert [c["choices"] for c in chunks] == [
        [{"index": 0, "text": "", "logprobs": None, "finish_reason": "stop"}]
    ]
    assert [x.feature for x in losses] == ["server_tool_use", "stop_reason"]


def test_finish_is_held_and_a_restated_one_wins() -> None:
    """A source may restate the stop (anthropic sends two ``message_delta`` events with a beta
    compaction); the finish reason is held until the end and the last one wins, as in
    ``accumulate``. Text after a ``CandidateFinished`` is still text of the choice."""
    events: list[ir.StreamEvent] = [
        START,
        ir.PartStarted(0, ir.TextPart(text="")),
        ir.PartDelta(0, "text", "a"),
        ir.CandidateFinished("end_turn"),
        ir.UsageUpdated(ir.Usage(output_tokens=1)),
        ir.PartDelta(0, "text", "b"),
        ir.CandidateFinished("max_tokens"),
        ir.StreamEnded(),
    ]
    chunks, losses = check_encoder(events)
    assert [(c["choices"][0]["text"], c["choices"][0]["finish_reason"]) for c in chunks[:-1]] == [
        ("a", None),
        ("b", None),
        ("", "length"),
    ]
    assert losses == []


def test_error_after_a_finish_sends_no_finish_reason() -> None:
    chunks = encode_events(
        [
            START,
            ir.PartStarted(0, ir.TextPart(text="")),
            ir.PartDelta(0, "text", "a"),
            ir.CandidateFinished("end_turn"),
            ir.StreamError(ir.ApiError(kind="server_error", message="boom")),
        ],
        collect()[0],
    )
    assert check_stream("completions", chunks) == []
    assert [c.get("choices") for c in chunks] == [
        [{"index": 0, "text": "a", "logprobs": None, "finish_reason": None}],
        None,
    ]


def test_final_part_with_more_text_than_the_deltas() -> None:
    events: list[ir.StreamEvent] = [
        START,
        ir.PartStarted(0, ir.TextPart(text="He")),
        ir.PartDelta(0, "text", "l"),
        ir.PartFinished(0, ir.TextPart(text="Hello")),
        ir.CandidateFinished("end_turn"),
        ir.StreamEnded(),
    ]
    chunks, _ = check_encoder(events)
    assert [c["choices"][0]["text"] for c in chunks if c["choices"]] == ["He", "l", "lo", ""]


def test_stream_error_is_an_error_frame_and_nothing_after() -> None:
    encoder = StreamEncoder(collect()[0])
    encoder.feed(START)
    encoder.feed(ir.PartStarted(0, ir.TextPart(text="")))
    assert len(encoder.feed(ir.PartDelta(0, "text", "par"))) == 1
    (frame,) = encoder.feed(
        ir.StreamError(ir.ApiError(kind="overloaded", message="Overloaded", status=529))
    )
    assert isinstance(frame, ErrorResponse)
    wire = to_wire(frame)
    assert wire == {
        "error": {"message": "Overloaded", "type": "overloaded_error", "param": None, "code": None}
    }
    assert_strict([wire])
    assert encoder.state is EncoderState.ENDED
    with pytest.raises(StreamStateError):
        encoder.feed(ir.StreamEnded())


def test_usage_chunk_follows_the_request_and_options() -> None:
    events: list[ir.StreamEvent] = [
        START,
        ir.PartStarted(0, ir.TextPart(text="x")),
        ir.CandidateFinished("end_turn"),
        ir.UsageUpdated(ir.Usage(output_tokens=1)),
        ir.StreamEnded(),
    ]

    def usage_of(**kwargs: Any) -> Any:
        return encode_events(events, collect(**kwargs)[0])[-1].get("usage")

    full = {"prompt_tokens": 10, "completion_tokens": 1, "total_tokens": 11}
    asked = {"model": "m", "prompt": "p", "stream": True, "stream_options": {"include_usage": True}}
    assert usage_of() == full
    assert usage_of(include_usage=False) is None
    assert usage_of(request={"model": "m", "prompt": "p", "stream": True}) is None
    assert usage_of(request=asked) == full
    assert usage_of(request=from_wire(CompletionCreateParams, asked)) == full
    assert usage_of(request={"model": "m", "messages": [], "stream": True}) == full


def test_incomplete_usage_is_reported_not_invented() -> None:
    events: list[ir.StreamEvent] = [
        ir.ResponseStarted(id=None, model=None, usage=ir.Usage(input_tokens=3)),
        ir.PartStarted(0, ir.TextPart(text="x")),
        ir.CandidateFinished("end_turn"),
        ir.StreamEnded(),
    ]
    chunks, losses = check_encoder(events)
    assert "usage" not in chunks[-1]
    assert {c["id"] for c in chunks} == {"cmpl-generated"}
    assert {(c["created"], c["model"]) for c in chunks} == {(1234, "")}
    assert [x.feature for x in losses] == ["usage"]


def test_model_option_overrides_and_strict_raises() -> None:
    events: list[ir.StreamEvent] = [START, ir.PartStarted(0, ir.TextPart(text="x"))]
    chunks = encode_events(events, collect(model="gpt-3.5-turbo-instruct")[0])
    assert chunks[0]["model"] == "gpt-3.5-turbo-instruct"
    encoder = StreamEncoder(Options(strict=True))
    encoder.feed(START)
    with pytest.raises(UnsupportedFeatureError):
        encoder.feed(ir.PartStarted(0, ir.ToolCallPart(call_id="c", name="f", arguments="")))
    assert encoder.state is EncoderState.ERROR
    with pytest.raises(StreamStateError):
        encoder.feed(ir.StreamEnded())


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([ir.PartStarted(0, ir.TextPart(text=""))], "before its start"),
        ([START, START], "second ResponseStarted"),
        ([START, ir.PartDelta(0, "text", "x")], "never started"),
        (
            [
                START,
                ir.PartStarted(0, ir.TextPart(text="")),
                ir.PartStarted(0, ir.TextPart(text="")),
            ],
            "twice",
        ),
        (
            [
                START,
                ir.PartStarted(0, ir.TextPart(text="")),
                ir.PartFinished(0),
                ir.PartDelta(0, "text", "late"),
            ],
            "after it finished",
        ),
        (
            [START, ir.PartStarted(0, ir.TextPart(text="")), ir.PartDelta(0, "arguments", "{")],
            "'arguments' delta",
        ),
        (
            [
                START,
                ir.PartStarted(0, ir.TextPart(text="")),
                ir.PartFinished(0),
                ir.PartFinished(0),
            ],
            "finished twice",
        ),
        (
            [
                START,
                ir.PartStarted(0, ir.TextPart(text="")),
                ir.PartFinished(0, ir.RefusalPart(text="no")),
            ],
            "finished as RefusalPart",
        ),
    ],
)
def test_ir_out_of_order_is_invalid(events: list[ir.StreamEvent], message: str) -> None:
    encoder = StreamEncoder(collect()[0])
    with pytest.raises(InvalidInputError, match=message):
        for event in events:
            encoder.feed(event)
    assert encoder.state is EncoderState.ERROR


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("payload", FIXTURE_RESPONSES)
@given(data=st.data())
def test_completions_stream_round_trip(payload: Chunk, data: st.DataObject) -> None:
    """completions -> ir -> completions: the accumulated stream comes back exactly (the
    choices' own unknown fields aside: the ir stream has no place for them)."""
    chunks = data.draw(exploded(payload))
    options, losses = collect()
    out = encode_events(decode_chunks(chunks), options)
    assert check_stream("completions", out) == []
    expected = normal(accumulate_chunks(chunks))
    for choice in expected["choices"]:
        # an unknown finish reason has no ir stop reason; the stream cannot carry it (a known
        # alias, e.g. chat's "tool_calls", is read and comes back as it was)
        finish = choice["finish_reason"]
        if finish is not None and read_finish_reason(finish) is None:
            choice["finish_reason"] = None
    assert normal(accumulate_chunks(out)) == expected
    assert losses == []


@given(data=st.data(), payload=completions())
def test_generated_streams_round_trip_and_validate(data: st.DataObject, payload: Chunk) -> None:
    chunks = data.draw(exploded(payload))
    options, losses = collect()
    events = decode_chunks(chunks)
    out = encode_events(events, options)
    assert_strict(out)
    assert check_stream("completions", out) == []
    assert normal(accumulate_chunks(out)) == normal(payload)
    expected = to_wire(encode.encode_response(accumulate(events), collect()[0]))
    assert normal(accumulate_chunks(out)) == normal(expected)
    assert losses == []


def test_stream_fixture_round_trips_chunk_for_chunk() -> None:
    chunks = [json.loads(line) for line in Path(STREAM_FIXTURE).read_text().splitlines()]
    assert encode_events(decode_chunks(chunks), collect()[0]) == chunks


_MESSY_LOGPROBS = st.one_of(
    st.none(),
    st.fixed_dictionaries(
        {},
        optional={
            "tokens": st.one_of(st.none(), st.lists(st.text(max_size=2), max_size=2)),
            "token_logprobs": st.one_of(st.none(), st.lists(st.none() | _FLOATS, max_size=2)),
            "top_logprobs": st.one_of(
                st.none(),
                st.lists(st.none() | st.dictionaries(st.text(max_size=2), _FLOATS), max_size=2),
            ),
            "text_offset": st.one_of(st.none(), st.lists(st.integers(0, 9), max_size=2)),
        },
    ),
)
_MESSY_CHOICE = st.fixed_dictionaries(
    {
        "index": st.integers(0, 2),
        "text": st.sampled_from(["", "a", "bc"]),
        "logprobs": _MESSY_LOGPROBS,
        "finish_reason": st.sampled_from([None, None, "stop", "length", "content_filter", "eos"]),
    }
)
_MESSY_EVENT = st.one_of(
    st.fixed_dictionaries(
        {
            "id": st.just("c"),
            "object": st.just("text_completion"),
            "created": st.just(1),
            "model": st.just("m"),
            "choices": st.lists(_MESSY_CHOICE, max_size=3),
        },
        optional={
            "usage": st.none()
            | st.just({"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}),
            "system_fingerprint": st.none() | st.just("fp"),
        },
    ),
    st.just(ERROR_FRAME),
)


@given(st.lists(_MESSY_EVENT, max_size=8), st.booleans())
def test_any_event_sequence_raises_only_bridge_errors(events: list[Chunk], strict: bool) -> None:
    """Whatever comes in, the decoder either raises a BridgeError or emits an ir stream the
    encoder takes without complaint (under ``strict`` only UnsupportedFeatureError), and that
    accumulates."""
    decoder = StreamDecoder()
    encoder = StreamEncoder(Options(strict=strict))
    out: list[ir.StreamEvent] = []
    try:
        for event in events:
            if "error" in event:
                out += decoder.feed(from_wire(ErrorResponse, event))
            else:
                out += decoder.feed(from_wire(Completion, event))
        out += decoder.finish()
    except BridgeError:
        assert decoder.state is DecoderState.ERROR
        if not out:
            return
        if not isinstance(out[-1], ir.StreamError):  # what the converter does with a cut stream
            out.append(ir.StreamError(ir.ApiError(kind="server_error", message="cut")))
    check_ir_grammar(out)
    accumulate(out)
    try:
        chunks = [to_wire(c) for event in out for c in encoder.feed(event)]
    except UnsupportedFeatureError:
        assert strict
        return
    assert check_stream("completions", chunks) == []


# --------------------------------------------------------------------------- through the converter


def test_sse_transcoder_completions_to_completions() -> None:
    """Raw bytes through ``SSETranscoder``: the same chunks come out, ``[DONE]`` last; a cut
    stream ends with an error frame and no ``[DONE]``."""
    chunks = [json.loads(line) for line in STREAM_FIXTURE.read_text().splitlines()]
    body = b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks)
    tx = SSETranscoder(source="completions", target="completions")
    out = tx.feed(body[:37]) + tx.feed(body[37:] + b"data: [DONE]\n\n") + tx.finish()
    frames = SSEDecoder().feed(out)
    assert [f.data for f in frames][-1] == "[DONE]"
    assert [json.loads(f.data) for f in frames[:-1]] == chunks

    cut = SSETranscoder(source="completions", target="completions")
    out = cut.feed(b"data: " + json.dumps(chunks[0]).encode() + b"\n\n") + cut.finish()
    frames = SSEDecoder().feed(out)
    assert len(frames) == 2
    assert json.loads(frames[1].data)["error"]["type"] == "server_error"
