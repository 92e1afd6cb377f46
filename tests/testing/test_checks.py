"""The testing kit's checks (``openai_claude_bridge.testing``): they accept what is right and
name what is wrong.

* Known-good: the project's stream fixtures, the recorded samples (``../shared/samples``, when
  present) and the golden corpus pass ``check_stream`` / ``check_conversion`` /
  ``check_stream_conversion``; where a recorded *source* breaks a rule a target must keep (real
  servers are looser than what the bridge writes), the table says which rule, and why.
* ``accumulate`` agrees with the official SDKs' accumulators.
* Known-bad: small hand-written variants of each bug class in BEHAVIOR.md give exactly the
  expected ``rule``.
* Every rule a check reports is documented in a checks module docstring.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import openai_claude_bridge.testing.checks as checks_package
from openai_claude_bridge import StreamConverter, chat, convert, from_wire, to_wire
from openai_claude_bridge.anthropic import Message
from openai_claude_bridge.anthropic.decode import decode_response as decode_anthropic
from openai_claude_bridge.chat.decode import decode_response as decode_chat
from openai_claude_bridge.options import FORMATS, Format, Loss
from openai_claude_bridge.sse import SSEDecoder
from openai_claude_bridge.testing import (
    Violation,
    accumulate,
    check_conversion,
    check_stream,
    check_stream_conversion,
)
from openai_claude_bridge.testing.checks.accumulating import decode_stream
from tests.anthropic.test_stream import neutral as anthropic_neutral
from tests.anthropic.test_stream import sdk_accumulate as anthropic_sdk_accumulate
from tests.chat.test_stream import _neutral as chat_neutral
from tests.chat.test_stream import _sdk_accumulate as chat_sdk_accumulate
from tests.golden.cases import DETERMINISTIC, corpus_files
from tests.support.external import recordings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
EVENT_DIRS: dict[Format, str] = {
    "anthropic": "RawMessageStreamEvent",
    "chat": "ChatCompletionChunk",
    "responses": "ResponseStreamEvent",
    "completions": "Completion",
}


def rules(found: list[Violation]) -> list[str]:
    return [violation.rule for violation in found]


# --------------------------------------------------------------------------- known-good streams


def _fixture_streams() -> list[tuple[Format, str, list[Any]]]:
    out = []
    for fmt, folder in EVENT_DIRS.items():
        for path in sorted((FIXTURES / fmt / folder).glob("*.jsonl")):
            lines = path.read_text(encoding="utf-8").splitlines()
            out.append((fmt, path.name, [json.loads(line) for line in lines if line.strip()]))
    return out


def _sample_streams() -> list[tuple[Format, str, list[Any]]]:
    out: list[tuple[Format, str, list[Any]]] = []
    for folder, fmt in (("anthropic", "anthropic"), ("openai_chat", "chat")):
        for path in sorted((SAMPLES / folder).glob("*")):
            if path.suffix not in (".txt", ".sse", ".bin"):
                continue
            decoder = SSEDecoder()
            frames = decoder.feed(path.read_bytes()) + decoder.finish()
            events = [json.loads(f.data) for f in frames if f.data != "[DONE]"]
            out.append((fmt, path.name, events))
    return out


FIXTURE_STREAMS = _fixture_streams()
SAMPLE_STREAMS = _sample_streams()

#: Source streams that break a rule a target stream must keep, and the rules they break:
#: real servers (and the fixtures modelled on them) are looser than what the bridge writes.
SOURCE_LOOSENESS: dict[str, set[str]] = {
    # the Messages API sends an empty text block before a refusal
    "refusal_stream.jsonl": {"anthropic.empty_text_block"},
    "refusal_response.txt": {"anthropic.empty_text_block"},
    # a max_tokens stream that never stops its tool block
    "incomplete_partial_json_response.txt": {"anthropic.block_left_open"},
    # rejected by the decoder on purpose: a block starting at index 1
    "out_of_order_response.txt": {
        "anthropic.block_index",
        "anthropic.block_left_open",
        "anthropic.one_message_delta",
    },
    # beta context management restates message_delta
    "beta_stream.jsonl": {"anthropic.one_message_delta"},
    # an error event followed by another: the decoder tolerates it
    "error_events.jsonl": {"anthropic.after_end"},
    "unknown.lenient.jsonl": {
        "anthropic.message_start",
        "anthropic.unknown_event",
        "anthropic.block_left_open",
        "anthropic.after_end",
    },
    # the audio model sends its transcript's expiry after the finish reason
    "audio.jsonl": {"chat.after_finish"},
    "chunk_objects.lenient.jsonl": {
        "chat.object",
        "chat.usage_chunk",
        "chat.stable_head",
        "chat.role_first",
    },
    # vLLM / SGLang / others: an empty preamble chunk, ids that change, heads on every fragment
    "compatible_servers.lenient.jsonl": {
        "chat.one_finish_reason",
        "chat.role_first",
        "chat.stable_head",
        "chat.tool_call_repeated_head",
        "chat.usage_chunk",
    },
    # Mistral: whole calls without index or type, usage on the finish chunk
    "mistral.lenient.jsonl": {"chat.tool_call_head", "chat.tool_call_index", "chat.usage_chunk"},
    # Azure's content-filter preamble, a moderation chunk, a stream the server cut
    "moderation_and_nulls.jsonl": {
        "chat.one_finish_reason",
        "chat.role_first",
        "chat.tool_call_head",
        "chat.usage_chunk",
    },
    "moderation_future.lenient.jsonl": {"chat.usage_chunk"},
    # DeepSeek and others: usage on the finish chunk, several streams in one file
    "provider_reasoning.lenient.jsonl": {
        "chat.after_finish",
        "chat.stable_head",
        "chat.usage_chunk",
    },
    # events of items never added (a fragment of a stream)
    "future_events.lenient.jsonl": {
        "responses.created_first",
        "responses.item_done",
        "responses.item_id",
        "responses.one_terminal",
        "responses.output_index",
    },
    "hosted_tools_failed.jsonl": {"responses.created_first", "responses.output_index"},
    # queued before created; the incomplete terminal restates no output
    "refusal_custom_tool_incomplete.jsonl": {
        "responses.created_first",
        "responses.terminal_output",
        "responses.item_done",
    },
}


@pytest.mark.parametrize(
    ("fmt", "name", "events"),
    [pytest.param(*stream, id=f"{stream[0]}/{stream[1]}") for stream in FIXTURE_STREAMS],
)
def test_fixture_streams_keep_their_rules(fmt: Format, name: str, events: list[Any]) -> None:
    assert set(rules(check_stream(fmt, events))) == SOURCE_LOOSENESS.get(name, set())


@pytest.mark.skipif(not SAMPLE_STREAMS, reason="../shared/samples is absent")
@pytest.mark.parametrize(
    ("fmt", "name", "events"),
    [pytest.param(*stream, id=stream[1][:24]) for stream in SAMPLE_STREAMS],
)
def test_recorded_streams_keep_their_rules(fmt: Format, name: str, events: list[Any]) -> None:
    assert set(rules(check_stream(fmt, events))) == SOURCE_LOOSENESS.get(name, set())


def _documented_rules() -> set[str]:
    """Every rule name written as ````rule```` in the checks' module docstrings."""
    names: set[str] = set()
    for path in Path(checks_package.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"``([a-z_]+\.[a-z_]+)``", text))
    return names


EXTERNAL_STREAMS = [rec for rec in recordings() if rec.kind == "stream"]


@pytest.mark.skipif(not EXTERNAL_STREAMS, reason="../shared/samples/external is absent")
def test_real_recordings_are_checked_with_documented_rules_only() -> None:
    """Over every recorded stream of other projects, ``check_stream`` returns violations (never
    raises), each of a documented rule; the official SDKs' own recordings keep every rule but
    the looseness the table names."""
    documented = _documented_rules()
    for rec in EXTERNAL_STREAMS:
        found = check_stream(rec.format, rec.payload)
        assert set(rules(found)) <= documented, rec.name
        assert all(v.message for v in found)
        if "anthropic-sdk-python" in rec.name:
            expected = {r for key, rs in SOURCE_LOOSENESS.items() if key in rec.name for r in rs}
            assert set(rules(found)) == expected, rec.name


# --------------------------------------------------------------------------- accumulate


def _decodable(fmt: Format, events: list[Any]) -> bool:
    try:
        accumulate(fmt, events)
    except Exception:
        return False
    return True


@pytest.mark.parametrize(
    ("fmt", "name", "events"),
    [
        pytest.param(*s, id=f"{s[0]}/{s[1][:24]}")
        for s in [*FIXTURE_STREAMS, *SAMPLE_STREAMS]
        if s[0] in ("anthropic", "chat") and "lenient" not in s[1]
    ],
)
def test_accumulate_agrees_with_the_sdk_accumulators(
    fmt: Format, name: str, events: list[Any]
) -> None:
    if not _decodable(fmt, events):
        pytest.skip("no final response: the stream is cut, failed or invalid")
    final = accumulate(fmt, events)
    if fmt == "anthropic":
        assert isinstance(final, Message)
        sdk = from_wire(Message, anthropic_sdk_accumulate(events))
        got = anthropic_neutral(decode_anthropic(final), drop_empty_text=True)
        want = anthropic_neutral(decode_anthropic(sdk), drop_empty_text=True)
        # ir.accumulate keeps the first usage update's extra only: a message_delta's
        # server_tool_use count is not in the folded response (a known ir limitation)
        got["usage"], want["usage"] = got["usage"][:5], want["usage"][:5]
        assert got == want
    else:
        assert isinstance(final, chat.ChatCompletion)
        try:
            sdk_chat = from_wire(chat.ChatCompletion, chat_sdk_accumulate(events))
        except AttributeError:
            pytest.skip("the SDK's accumulator cannot follow this stream")
        assert chat_neutral(decode_chat(final)) == chat_neutral(decode_chat(sdk_chat))


def test_accumulate_raises_for_a_stream_without_a_final_response() -> None:
    from openai_claude_bridge import InvalidInputError, TruncatedStreamError

    with pytest.raises(TruncatedStreamError):
        accumulate("anthropic", [_start(), _block(0, TEXT)])
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    with pytest.raises(InvalidInputError, match="ended with an error"):
        accumulate("anthropic", [_start(), error])
    with pytest.raises(InvalidInputError) as info:
        decode_stream("anthropic", [_start(), _start()])
    assert info.value.event_index == 1


# --------------------------------------------------------------------------- known-good conversions

CORPUS = list(corpus_files())


@pytest.mark.parametrize("item", CORPUS, ids=lambda item: item.id)
def test_corpus_conversions_keep_every_invariant(item: Any) -> None:
    for target in FORMATS:
        found = check_conversion(
            item.payload, source=item.fmt, target=target, kind=item.kind, **DETERMINISTIC
        )
        assert found == [], (target, [str(v) for v in found])


COMPLETE_FIXTURE_STREAMS = [
    (fmt, name, events) for fmt, name, events in FIXTURE_STREAMS if _decodable(fmt, events)
]


@pytest.mark.parametrize("target", FORMATS)
@pytest.mark.parametrize(
    ("fmt", "name", "events"),
    [pytest.param(*s, id=f"{s[0]}/{s[1]}") for s in COMPLETE_FIXTURE_STREAMS],
)
def test_fixture_stream_conversions_keep_every_invariant(
    fmt: Format, name: str, events: list[Any], target: Format
) -> None:
    found = check_stream_conversion(events, source=fmt, target=target, **DETERMINISTIC)
    assert found == [], [str(v) for v in found]


@pytest.mark.skipif(not SAMPLE_STREAMS, reason="../shared/samples is absent")
@pytest.mark.parametrize("target", FORMATS)
def test_recorded_stream_conversions_keep_every_invariant(target: Format) -> None:
    for fmt, name, events in SAMPLE_STREAMS:
        if name in SOURCE_LOOSENESS:
            continue
        found = check_stream_conversion(events, source=fmt, target=target)
        assert found == [], (name, [str(v) for v in found])


# --------------------------------------------------------------------------- anthropic: bad streams


def _start() -> dict[str, Any]:
    message = {"id": "msg_1", "type": "message", "role": "assistant", "content": []}
    message |= {"model": "claude-x", "stop_reason": None, "stop_sequence": None}
    return {
        "type": "message_start",
        "message": {**message, "usage": {"input_tokens": 1, "output_tokens": 1}},
    }


def _block(index: int, block: dict[str, Any]) -> dict[str, Any]:
    return {"type": "content_block_start", "index": index, "content_block": block}


def _text(index: int, text: str) -> dict[str, Any]:
    delta = {"type": "text_delta", "text": text}
    return {"type": "content_block_delta", "index": index, "delta": delta}


def _stop(index: int) -> dict[str, Any]:
    return {"type": "content_block_stop", "index": index}


TEXT = {"type": "text", "text": ""}
DELTA = {"type": "message_delta", "delta": {"stop_reason": "end_turn"}}
DELTA |= {"usage": {"output_tokens": 2}}
END = {"type": "message_stop"}
GOOD = [_start(), _block(0, TEXT), _text(0, "Hi"), _stop(0), DELTA, END]


def test_a_good_anthropic_stream_passes() -> None:
    assert check_stream("anthropic", GOOD) == []
    assert (
        check_stream("anthropic", [{"type": "ping"}, *GOOD[:2], {"type": "ping"}, *GOOD[2:]]) == []
    )
    error = {"type": "error", "error": {"type": "overloaded_error", "message": "x"}}
    assert check_stream("anthropic", [*GOOD[:3], error]) == []


@pytest.mark.parametrize(
    ("events", "rule", "path"),
    [
        ([_block(0, TEXT), *GOOD[2:]], "anthropic.message_start", "events[0]"),
        ([GOOD[0], *GOOD], "anthropic.message_start", "events[1]"),
        (
            [*GOOD[:3], _block(1, TEXT), _text(1, "x"), _stop(1), DELTA, END],
            "anthropic.one_open_block",
            "events[3]",
        ),
        (
            [*GOOD[:4], _block(2, TEXT), _text(2, "x"), _stop(2), DELTA, END],
            "anthropic.block_index",
            "events[4].index",
        ),
        ([*GOOD[:2], _stop(0), DELTA, END], "anthropic.empty_text_block", "events[1]"),
        ([*GOOD[:4], DELTA], "anthropic.message_stop", "events[5]"),
        ([*GOOD, END], "anthropic.message_stop", "events[6]"),
        ([*GOOD[:4], END], "anthropic.one_message_delta", "events[4]"),
        ([*GOOD[:5], DELTA, END], "anthropic.one_message_delta", "events[5]"),
        ([*GOOD, {"type": "ping"}], "anthropic.after_end", "events[6]"),
        ([*GOOD[:3], DELTA, END], "anthropic.block_left_open", "events[3]"),
        (
            [GOOD[0], _block(0, {"type": "text", "text": "Hi"}), *GOOD[2:]],
            "anthropic.block_start",
            "events[1].content_block.text",
        ),
        (
            [GOOD[0], _block(0, TEXT), _text(0, "a"), _stop(0), DELTA, _block(1, TEXT), END],
            "anthropic.after_message_delta",
            "events[5]",
        ),
        (
            [
                GOOD[0],
                _block(0, TEXT),
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "input_json_delta", "partial_json": "{}"},
                },
                *GOOD[2:],
            ],
            "anthropic.delta_type",
            "events[2].delta.type",
        ),
        (
            [*GOOD[:4], {"type": "message_delta", "delta": {}}, END],
            "anthropic.usage",
            "events[4].usage",
        ),
        (
            [*GOOD[:4], {"type": "message_end"}, DELTA, END],
            "anthropic.unknown_event",
            "events[4].type",
        ),
        ([*GOOD[:2], "text", *GOOD[2:]], "stream.not_an_object", "events[2]"),
    ],
)
def test_bad_anthropic_streams_name_their_rule(events: list[Any], rule: str, path: str) -> None:
    found = check_stream("anthropic", events)
    assert rule in rules(found), found
    assert path in [v.path for v in found if v.rule == rule]


# --------------------------------------------------------------------------- chat: bad streams


def _chunk(
    delta: dict[str, Any] | None = None, finish: str | None = None, **head: Any
) -> dict[str, Any]:
    base = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt"}
    choice = {"index": 0, "delta": delta or {}, "finish_reason": finish}
    return {**base, **head, "choices": [choice]}


def _call(index: int, **fields: Any) -> dict[str, Any]:
    return {"tool_calls": [{"index": index, **fields}]}


USAGE_CHUNK = {"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": "gpt"}
USAGE_CHUNK |= {
    "choices": [],
    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
}
FIRST = _chunk({"role": "assistant", "content": ""})
HEAD = {"id": "call_1", "type": "function", "function": {"name": "f", "arguments": ""}}
CHAT_GOOD = [
    FIRST,
    _chunk({"content": "Hi"}),
    _chunk(_call(0, **HEAD)),
    _chunk(_call(0, function={"arguments": "{}"})),
    _chunk(finish="tool_calls"),
    USAGE_CHUNK,
]
ASKED = {"model": "gpt", "messages": [], "stream": True, "stream_options": {"include_usage": True}}


def test_a_good_chat_stream_passes() -> None:
    assert check_stream("chat", CHAT_GOOD, request=ASKED) == []
    error = {"error": {"message": "x", "type": "server_error", "param": None, "code": None}}
    assert check_stream("chat", [*CHAT_GOOD[:2], error]) == []
    models = [from_wire(chat.ChatCompletionChunk, c) for c in CHAT_GOOD]
    assert check_stream("chat", models) == []


@pytest.mark.parametrize(
    ("events", "rule", "path"),
    [
        (
            [*CHAT_GOOD[:4], _chunk(finish="tool_calls"), _chunk(finish="stop")],
            "chat.one_finish_reason",
            "events[5].choices[0].finish_reason",
        ),
        (CHAT_GOOD[:4], "chat.one_finish_reason", "events[4]"),
        (
            [*CHAT_GOOD[:5], _chunk({"content": "more"}), USAGE_CHUNK],
            "chat.after_finish",
            "events[5].choices[0]",
        ),
        (
            [
                *CHAT_GOOD[:3],
                _chunk(_call(0, id="call_1", function={"name": "f", "arguments": "{}"})),
                *CHAT_GOOD[4:],
            ],
            "chat.tool_call_repeated_head",
            "events[3].choices[0].delta.tool_calls[0]",
        ),
        (
            [*CHAT_GOOD[:2], _chunk(_call(0, function={"arguments": "{}"})), *CHAT_GOOD[4:]],
            "chat.tool_call_head",
            "events[2].choices[0].delta.tool_calls[0]",
        ),
        (
            [*CHAT_GOOD[:2], _chunk(_call(1, **HEAD)), *CHAT_GOOD[4:]],
            "chat.tool_call_index",
            "events[2].choices[0].delta.tool_calls[0].index",
        ),
        (CHAT_GOOD[1:], "chat.role_first", "events[0].choices[0].delta"),
        (
            [FIRST, _chunk({"role": "assistant", "content": "Hi"}), *CHAT_GOOD[4:]],
            "chat.role_first",
            "events[1].choices[0].delta.role",
        ),
        (
            [FIRST, _chunk({"content": "x"}, id="c2"), *CHAT_GOOD[4:]],
            "chat.stable_head",
            "events[1].id",
        ),
        (
            [FIRST, _chunk({"content": "x"}, object="chunk"), *CHAT_GOOD[4:]],
            "chat.object",
            "events[1].object",
        ),
        ([*CHAT_GOOD, _chunk({"content": "x"})], "chat.usage_chunk", "events[6]"),
        (
            [*CHAT_GOOD[:5], {**USAGE_CHUNK, "usage": None}],
            "chat.usage_chunk",
            "events[5]",
        ),
        (
            [{"error": {"message": "x"}}, *CHAT_GOOD],
            "chat.after_error",
            "events[1]",
        ),
    ],
)
def test_bad_chat_streams_name_their_rule(events: list[Any], rule: str, path: str) -> None:
    found = check_stream("chat", events)
    assert rule in rules(found), found
    assert path in [v.path for v in found if v.rule == rule]


def test_the_usage_chunk_follows_the_request() -> None:
    missing = check_stream("chat", CHAT_GOOD[:5], request=ASKED)
    assert rules(missing) == ["chat.usage_chunk"]
    assert "include_usage" in missing[0].message
    not_asked = {"model": "gpt", "messages": [], "stream": True}
    assert rules(check_stream("chat", CHAT_GOOD, request=not_asked)) == ["chat.usage_chunk"]
    assert check_stream("chat", CHAT_GOOD[:5], request=not_asked) == []
    model = from_wire(chat.CompletionCreateParams, ASKED)
    assert rules(check_stream("chat", CHAT_GOOD[:5], request=model)) == ["chat.usage_chunk"]
    completions = [{**c, "object": "text_completion"} for c in (USAGE_CHUNK,)]
    assert rules(check_stream("completions", [], request={"prompt": "x", **ASKED})) == [
        "completions.usage_chunk"
    ]
    assert check_stream("completions", completions, request={"prompt": "x", **ASKED}) == []


def test_bad_completions_streams_name_their_rule() -> None:
    head = {"id": "cmpl", "object": "text_completion", "created": 1, "model": "m"}

    def chunk(text: str, finish: str | None = None) -> dict[str, Any]:
        return {
            **head,
            "choices": [{"index": 0, "text": text, "finish_reason": finish, "logprobs": None}],
        }

    assert check_stream("completions", [chunk("a"), chunk("b", "stop")]) == []
    twice = check_stream("completions", [chunk("a", "stop"), chunk("", "length")])
    assert rules(twice) == ["completions.one_finish_reason"]
    assert rules(check_stream("completions", [chunk("a")])) == ["completions.one_finish_reason"]
    after = check_stream("completions", [chunk("a", "stop"), chunk("b")])
    assert rules(after) == ["completions.after_finish"]
    other = [chunk("a"), {**chunk("b", "stop"), "object": "chat.completion.chunk"}]
    assert rules(check_stream("completions", other)) == ["completions.object"]


# --------------------------------------------------------------------------- responses: bad streams


def _responses_stream() -> list[dict[str, Any]]:
    response = {"id": "resp_1", "object": "response", "created_at": 1, "model": "gpt", "output": []}
    call = {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "f"}
    call_done = {**call, "arguments": '{"a":1}', "status": "completed"}
    message = {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed"}
    text = {"type": "output_text", "text": "Hi", "annotations": []}
    events: list[dict[str, Any]] = [
        {"type": "response.created", "response": {**response, "status": "in_progress"}},
        {"type": "response.in_progress", "response": {**response, "status": "in_progress"}},
        {
            "type": "response.output_item.added",
            "output_index": 0,
            "item": {**message, "content": []},
        },
        {
            "type": "response.output_text.delta",
            "output_index": 0,
            "item_id": "msg_1",
            "content_index": 0,
            "delta": "H",
        },
        {
            "type": "response.output_text.delta",
            "output_index": 0,
            "item_id": "msg_1",
            "content_index": 0,
            "delta": "i",
        },
        {
            "type": "response.output_text.done",
            "output_index": 0,
            "item_id": "msg_1",
            "content_index": 0,
            "text": "Hi",
        },
        {
            "type": "response.output_item.done",
            "output_index": 0,
            "item": {**message, "content": [text]},
        },
        {
            "type": "response.output_item.added",
            "output_index": 1,
            "item": {**call, "arguments": ""},
        },
        {
            "type": "response.function_call_arguments.delta",
            "output_index": 1,
            "item_id": "fc_1",
            "delta": '{"a":1}',
        },
        {"type": "response.output_item.done", "output_index": 1, "item": call_done},
        {
            "type": "response.completed",
            "response": {
                **response,
                "status": "completed",
                "output": [{**message, "content": [text]}, call_done],
            },
        },
    ]
    return [{**event, "sequence_number": n} for n, event in enumerate(events)]


def test_a_good_responses_stream_passes() -> None:
    assert check_stream("responses", _responses_stream()) == []


def _edit(index: int, **fields: Any) -> list[dict[str, Any]]:
    events = _responses_stream()
    events[index] = {**events[index], **fields}
    return events


@pytest.mark.parametrize(
    ("events", "rule", "path"),
    [
        (_edit(4, sequence_number=3), "responses.sequence_number", "events[4].sequence_number"),
        (_edit(4, sequence_number=2), "responses.sequence_number", "events[4].sequence_number"),
        (_edit(0, sequence_number=1), "responses.sequence_number", "events[0].sequence_number"),
        (_edit(8, item_id="call_1"), "responses.item_id", "events[8].item_id"),
        (_edit(5, text="Ho"), "responses.delta_mismatch", "events[5].text"),
        (_edit(7, output_index=2), "responses.output_index", "events[7].output_index"),
        (_responses_stream()[:-1], "responses.one_terminal", "events[10]"),
        (_responses_stream()[1:], "responses.created_first", "events[0]"),
    ],
)
def test_bad_responses_streams_name_their_rule(
    events: list[dict[str, Any]], rule: str, path: str
) -> None:
    found = check_stream("responses", events)
    assert rule in rules(found), found
    assert path in [v.path for v in found if v.rule == rule]


def test_item_id_as_call_id_is_said_so() -> None:
    found = check_stream("responses", _edit(8, item_id="call_1"))
    assert "call_id" in found[0].message


def test_a_terminal_output_that_disagrees_with_the_deltas() -> None:
    events = _responses_stream()
    terminal = events[-1]["response"]
    changed = [terminal["output"][0], {**terminal["output"][1], "arguments": '{"a":2}'}]
    events[-1] = {**events[-1], "response": {**terminal, "output": changed}}
    found = check_stream("responses", events)
    assert rules(found) == ["responses.terminal_output"]
    assert found[0].path == "events[10].response.output"
    assert "[1].arguments" in found[0].message
    events = _edit(9, item={**_responses_stream()[9]["item"], "arguments": "{}"})
    assert "responses.delta_mismatch" in rules(check_stream("responses", events))


def test_a_second_terminal_event() -> None:
    events = _responses_stream()
    events.append({**events[-1], "sequence_number": len(events)})
    assert rules(check_stream("responses", events)) == ["responses.one_terminal"]


# --------------------------------------------------------------------------- bad conversions

ANTHROPIC_TOOLS = {
    "model": "claude",
    "max_tokens": 100,
    "messages": [
        {"role": "user", "content": "weather?"},
        {
            "role": "assistant",
            "content": [{"type": "tool_use", "id": "toolu_1", "name": "get", "input": {}}],
        },
        {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "sunny"}],
        },
    ],
}


def test_a_good_conversion_passes() -> None:
    for target in FORMATS:
        if target != "completions":
            assert (
                check_conversion(ANTHROPIC_TOOLS, source="anthropic", target=target, kind="request")
                == []
            )


def test_a_non_bridge_error_is_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("content")

    monkeypatch.setattr(convert, "convert_request", broken)
    found = check_conversion(ANTHROPIC_TOOLS, source="anthropic", target="chat", kind="request")
    assert rules(found) == ["conversion.crash"]
    assert "KeyError" in found[0].message


def test_a_refused_sample_and_strict() -> None:
    found = check_conversion({"model": "x"}, source="anthropic", target="chat", kind="request")
    assert rules(found) == ["conversion.refused"]
    assert found[0].path == "max_tokens"
    assert "required" in found[0].message
    citations = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude",
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": 1, "output_tokens": 1},
        "content": [
            {
                "type": "text",
                "text": "x",
                "citations": [
                    {
                        "type": "char_location",
                        "cited_text": "x",
                        "document_index": 0,
                        "document_title": None,
                        "start_char_index": 0,
                        "end_char_index": 1,
                    }
                ],
            }
        ],
    }
    assert (
        check_conversion(citations, source="anthropic", target="chat", kind="response", strict=True)
        == []
    )


def _dropping(monkeypatch: pytest.MonkeyPatch, drop: Any, lose: Loss | None = None) -> None:
    """Make ``convert_request`` drop part of its output (and report ``lose``, if given)."""
    real = convert.convert_request

    def convert_request(payload: Any, **kwargs: Any) -> Any:
        if kwargs["target"] != "chat":  # the way back is left as it is
            return real(payload, **kwargs)
        out = to_wire(real(payload, **kwargs))
        if lose is not None:
            kwargs["on_loss"](lose)
        return from_wire(chat.CompletionCreateParams, drop(out))

    monkeypatch.setattr(convert, "convert_request", convert_request)


def test_a_lost_tool_result_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    _dropping(monkeypatch, lambda out: {**out, "messages": out["messages"][:-1]})
    found = check_conversion(ANTHROPIC_TOOLS, source="anthropic", target="chat", kind="request")
    assert "turns.unanswered_call" in rules(found)
    assert "semantic.lost" in rules(found)
    lost = next(v for v in found if v.rule == "semantic.lost")
    assert lost.path.startswith("messages[2].content[0]")


def test_a_loss_that_names_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    _dropping(monkeypatch, lambda out: out, Loss("messages[7].content", "x", "made up"))
    found = check_conversion(ANTHROPIC_TOOLS, source="anthropic", target="chat", kind="request")
    assert rules(found) == ["loss.unresolved"]
    assert found[0].path == "messages[7].content"


def test_a_reported_loss_excuses_what_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    drop = lambda out: {**out, "messages": [out["messages"][0]]}  # noqa: E731
    _dropping(monkeypatch, drop, Loss("messages[1]", "turn", "dropped on purpose"))
    found = check_conversion(ANTHROPIC_TOOLS, source="anthropic", target="chat", kind="request")
    assert "semantic.lost" in rules(found)  # the result at messages[2] is not excused
    assert all(not v.path.startswith("messages[1]") for v in found if v.rule == "semantic.lost")


def test_an_invented_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    def invent(out: dict[str, Any]) -> dict[str, Any]:
        return {**out, "messages": [*out["messages"], {"role": "user", "content": "psst"}]}

    _dropping(monkeypatch, invent)
    found = check_conversion(ANTHROPIC_TOOLS, source="anthropic", target="chat", kind="request")
    assert "semantic.invented" in rules(found)


# --------------------------------------------------------------------------- turn rules


@pytest.mark.parametrize(
    ("fmt", "request_", "rule", "path"),
    [
        (
            "anthropic",
            {**ANTHROPIC_TOOLS, "messages": ANTHROPIC_TOOLS["messages"][:2]},
            "turns.unanswered_call",
            "messages[1]",
        ),
        (
            "anthropic",
            {
                **ANTHROPIC_TOOLS,
                "messages": [
                    *ANTHROPIC_TOOLS["messages"][:2],
                    {
                        "role": "user",
                        "content": [
                            {"type": "text", "text": "and"},
                            *ANTHROPIC_TOOLS["messages"][2]["content"],
                        ],
                    },
                ],
            },
            "turns.results_first",
            "messages[2]",
        ),
        (
            "anthropic",
            {
                **ANTHROPIC_TOOLS,
                "messages": [*ANTHROPIC_TOOLS["messages"], {"role": "user", "content": "thanks"}],
            },
            "turns.results_split",
            "messages[3]",
        ),
        (
            "anthropic",
            {
                **ANTHROPIC_TOOLS,
                "messages": [ANTHROPIC_TOOLS["messages"][0], {"role": "assistant", "content": []}],
            },
            "turns.empty_turn",
            "messages[1]",
        ),
        (
            "chat",
            {
                "model": "gpt",
                "messages": [
                    {"role": "user", "content": "hi"},
                    {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {
                                "id": "c1",
                                "type": "function",
                                "function": {"name": "f", "arguments": "{}"},
                            }
                        ],
                    },
                    {"role": "user", "content": "well?"},
                    {"role": "tool", "tool_call_id": "c1", "content": "late"},
                ],
            },
            "turns.orphan_result",
            "messages[3].tool_call_id",
        ),
        (
            "chat",
            {
                "model": "gpt",
                "messages": [
                    {"role": "user", "content": "hi"},
                    {"role": "assistant", "content": ""},
                ],
            },
            "turns.empty_turn",
            "messages[1]",
        ),
        (
            "responses",
            {
                "model": "gpt",
                "input": [{"type": "function_call_output", "call_id": "call_9", "output": "x"}],
            },
            "turns.orphan_result",
            "input[0].call_id",
        ),
    ],
)
def test_turn_rules(fmt: Format, request_: dict[str, Any], rule: str, path: str) -> None:
    from openai_claude_bridge.testing.checks.turns import check_turns

    found = check_turns(fmt, request_)
    assert rule in rules(found), found
    assert path in [v.path for v in found if v.rule == rule]


def test_chat_tool_messages_must_follow_their_assistant_message() -> None:
    from openai_claude_bridge.testing.checks.turns import check_turns

    messages = [
        {"role": "user", "content": "hi"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
            ],
        },
        {"role": "user", "content": "well?"},
        {"role": "tool", "tool_call_id": "c1", "content": "late"},
    ]
    found = check_turns("chat", {"model": "gpt", "messages": messages})
    assert sorted(rules(found)) == ["turns.orphan_result", "turns.unanswered_call"]
    unanswered = next(v for v in found if v.rule == "turns.unanswered_call")
    assert unanswered.path == "messages[1]" and "messages[2]" in unanswered.message


# --------------------------------------------------------------------------- stream conversions


def test_an_invented_stop_on_a_cut_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    """A converter whose ``abort()`` ends the stream cleanly hides the cut."""
    monkeypatch.setattr(StreamConverter, "abort", lambda self, reason="": self.finish())
    found = check_stream_conversion(CHAT_GOOD[:5], source="chat", target="anthropic")
    assert "stream.truncation_hidden" in rules(found)
    hidden = next(v for v in found if v.rule == "stream.truncation_hidden")
    assert hidden.path.startswith("output[") and "message_stop" in hidden.message


def test_a_crash_inside_the_stream_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: StreamConverter, event: Any) -> list[Any]:
        raise ValueError("boom")

    monkeypatch.setattr(StreamConverter, "feed", broken)
    found = check_stream_conversion(GOOD, source="anthropic", target="chat")
    assert rules(found) == ["conversion.crash"]


def _shout(chunk: Any) -> Any:
    choices = [
        choice.model_copy(
            update={
                "delta": choice.delta.model_copy(update={"content": choice.delta.content.upper()})
            }
        )
        if choice.delta.content
        else choice
        for choice in chunk.choices
    ]
    return chunk.model_copy(update={"choices": choices})


def test_a_stream_that_differs_from_non_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stream converter that shouts says what neither non-streaming answer says."""
    real_feed = StreamConverter.feed

    def shouting(self: StreamConverter, event: Any) -> list[Any]:
        return [_shout(chunk) for chunk in real_feed(self, event)]

    monkeypatch.setattr(StreamConverter, "feed", shouting)
    found = check_stream_conversion(GOOD, source="anthropic", target="chat")
    assert "stream.differs_from_non_stream" in rules(found)
    differs = next(v for v in found if v.rule == "stream.differs_from_non_stream")
    assert "'HI'" in differs.message


def test_chunking_that_matters(monkeypatch: pytest.MonkeyPatch) -> None:
    """A converter that drops every second text fragment says less of a split stream."""
    real_feed = StreamConverter.feed
    seen: dict[int, int] = {}

    def lossy(self: StreamConverter, event: Any) -> list[Any]:
        delta = event.get("delta", {}) if isinstance(event, dict) else {}
        if delta.get("type") == "text_delta":
            seen[id(self)] = seen.get(id(self), 0) + 1
            if seen[id(self)] % 2 == 0:
                return []
        return real_feed(self, event)

    monkeypatch.setattr(StreamConverter, "feed", lossy)
    events = [*GOOD[:2], _text(0, "Hello"), _text(0, " world"), *GOOD[3:]]
    assert "stream.chunking_matters" in rules(
        check_stream_conversion(events, source="anthropic", target="chat")
    )


def test_a_good_stream_conversion_runs_few_conversions(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    real_init = StreamConverter.__init__

    def counting(self: StreamConverter, **kwargs: Any) -> None:
        made.append(1)
        real_init(self, **kwargs)

    monkeypatch.setattr(StreamConverter, "__init__", counting)
    long = [*GOOD[:2], *[_text(0, "word ") for _ in range(200)], *GOOD[3:]]
    assert check_stream_conversion(long, source="anthropic", target="responses") == []
    assert len(made) <= 7


def test_strict_truncation_is_not_a_violation() -> None:
    assert check_stream_conversion(CHAT_GOOD, source="chat", target="anthropic", strict=True) == []


def test_the_checks_import_without_hypothesis() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import openai_claude_bridge.testing as t\n"
        "print(t.check_stream('chat', []))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
