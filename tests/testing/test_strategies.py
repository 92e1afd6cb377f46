"""The testing kit's strategies generate what they promise.

* Requests and responses of every format round-trip exactly through this package's strict
  models and validate strictly against the official SDK types (chat's documented dialect fields
  aside); requests follow their API's turn rules (alternation, every tool result answering an
  earlier call by id, thinking signed and first, at most four cache breakpoints); a response's
  stop reason follows what it emitted.
* Streams: every event round-trips and is a strict SDK event; the stream decodes completely
  with this package's decoder, and its accumulation equals what the official SDK accumulator
  (anthropic ``accumulate_event``, openai ``ChatCompletionStreamState`` /
  ``ResponseStreamState``) builds, read back with the non-streaming decoder; every quirk occurs.
* ``rechunked`` keeps the accumulated result and changes the chunking; ``byte_splits`` joins back
  to the body and the SSE decoder reads the same events from the pieces; ``variations_of`` keeps
  the payload valid (models and SDK, its ``x_bridge_test_*`` fields aside) and changes it.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import anthropic.types as anthropic_sdk
import anthropic.types.beta as anthropic_beta
import openai.types as openai_sdk
import openai.types.chat as chat_sdk
import pytest
from anthropic.lib.streaming._beta_messages import accumulate_event
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample
from openai import omit
from openai.lib.streaming.chat import ChatCompletionStreamState
from openai.lib.streaming.responses._responses import ResponseStreamState
from openai.types.responses import ResponseStreamEvent as SdkResponseStreamEvent
from pydantic import TypeAdapter

from openai_claude_bridge import InvalidInputError, anthropic, chat, completions, ir, responses
from openai_claude_bridge.anthropic import decode as anthropic_decode
from openai_claude_bridge.anthropic import stream_decode as anthropic_stream
from openai_claude_bridge.chat import decode as chat_decode
from openai_claude_bridge.chat import stream_decode as chat_stream
from openai_claude_bridge.completions import decode as completions_decode
from openai_claude_bridge.completions import stream_decode as completions_stream
from openai_claude_bridge.convert import codec
from openai_claude_bridge.ir.accumulate import accumulate
from openai_claude_bridge.options import Format
from openai_claude_bridge.responses import decode as responses_decode
from openai_claude_bridge.responses import stream_decode as responses_stream
from openai_claude_bridge.sse import SSEDecoder, encode_event
from openai_claude_bridge.testing import (
    byte_splits,
    rechunked,
    variations_of,
)
from openai_claude_bridge.testing import requests as request_payloads
from openai_claude_bridge.testing import responses as response_payloads
from openai_claude_bridge.testing import streams as stream_events
from openai_claude_bridge.testing.strategies import QUIRKS, stop_reasons
from openai_claude_bridge.wire import from_wire, to_wire
from tests.anthropic.test_models import _SdkPingEvent
from tests.support.oracle import assert_sdk_strict
from tests.support.roundtrip import assert_json_identical
from tests.support.sdk_types import SDK_TYPES

FORMATS: tuple[Format, ...] = ("anthropic", "chat", "responses", "completions")
Json = dict[str, Any]

#: Keys of chat's documented dialects (servers other than OpenAI read and send them; the SDK
#: does not know them): stripped before the SDK check, exactly these.
CHAT_DIALECT_KEYS = frozenset(
    {"reasoning_content", "reasoning", "reasoning_details", "cache_control"}
)

FEW = settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------- helpers


def occurs(
    strategy: st.SearchStrategy[Any], predicate: Callable[[Any], bool], tries: int = 500
) -> Any:
    """The first generated value that satisfies ``predicate`` (not shrunk: only that one exists
    is asserted); fails when none of ``tries`` does."""
    search = settings(
        phases=[Phase.generate],
        database=None,
        max_examples=tries,
        suppress_health_check=list(HealthCheck),
    )
    return find(strategy, predicate, settings=search)


def _without(value: Any, keys: frozenset[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def _sdk_view(fmt: Format, value: Any) -> Any:
    return _without(value, CHAT_DIALECT_KEYS) if fmt == "chat" else value


def assert_exact(tp: Any, payload: Any) -> Any:
    """``to_wire(from_wire(tp, payload)) == payload``; returns the model."""
    model = from_wire(tp, payload)
    assert_json_identical(to_wire(model), payload)
    return model


_REQUEST_SDK = {fmt: SDK_TYPES[(fmt, codec(fmt).request_type.__name__)] for fmt in FORMATS}
_RESPONSE_SDK = {fmt: SDK_TYPES[(fmt, codec(fmt).response_type.__name__)] for fmt in FORMATS}


def _walk(value: Any) -> Iterator[Json]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


# --------------------------------------------------------------------------- turn rules


def _anthropic_turns(body: Json) -> set[str]:
    messages = body["messages"]
    assert messages[0]["role"] == "user" and messages[-1]["role"] == "user"
    open_uses: list[str] = []
    answered: set[str] = set()
    thinking = body.get("thinking", {}).get("type") in ("enabled", "adaptive")
    for i, message in enumerate(messages):
        assert i == 0 or message["role"] != messages[i - 1]["role"], f"messages[{i}] repeats"
        blocks = message["content"]
        blocks = [{"type": "text", "text": blocks}] if isinstance(blocks, str) else blocks
        assert blocks, f"messages[{i}] is empty"
        if message["role"] == "assistant":
            assert not open_uses
            open_uses = [b["id"] for b in blocks if b["type"] == "tool_use"]
            if thinking:
                assert blocks[0]["type"] in ("thinking", "redacted_thinking")
            continue
        kinds = [b["type"] for b in blocks]
        results = [b["tool_use_id"] for b in blocks if b["type"] == "tool_result"]
        assert kinds[: len(results)] == ["tool_result"] * len(results), "results first"
        assert sorted(results) == sorted(open_uses), f"{results} do not answer {open_uses}"
        answered.update(results)
        open_uses = []
    marks = [d for d in _walk(body) if "cache_control" in d]
    assert len(marks) <= 4, "at most four cache breakpoints"
    if "thinking" in body and body["thinking"]["type"] == "enabled":
        assert body["thinking"]["budget_tokens"] < body["max_tokens"]
        assert body.get("tool_choice", {}).get("type", "auto") in ("auto", "none")
        assert "temperature" not in body
    return answered


def _chat_turns(body: Json) -> set[str]:
    open_calls: list[str] = []
    answered: set[str] = set()
    for i, message in enumerate(body["messages"]):
        if message["role"] != "tool":
            assert not open_calls, f"calls {open_calls} unanswered before messages[{i}]"
        if message["role"] == "assistant":
            assert message.get("content") or message.get("tool_calls")
            open_calls = [call["id"] for call in message.get("tool_calls", [])]
        elif message["role"] == "tool":
            assert message["tool_call_id"] in open_calls
            open_calls.remove(message["tool_call_id"])
            answered.add(message["tool_call_id"])
    assert not open_calls and body["messages"][-1]["role"] in ("user", "tool")
    return answered


def _responses_turns(body: Json) -> set[str]:
    items = body["input"] if isinstance(body["input"], list) else []
    made: list[str] = []
    answered: set[str] = set()
    for i, item in enumerate(items):
        if item.get("type") == "function_call":
            made.append(item["call_id"])
        elif item.get("type") == "function_call_output":
            assert item["call_id"] in made, f"input[{i}] answers no earlier call"
            answered.add(item["call_id"])
    assert answered == set(made), "every call is answered"
    return answered


TURN_RULES: dict[str, Callable[[Json], set[str]]] = {
    "anthropic": _anthropic_turns,
    "chat": _chat_turns,
    "responses": _responses_turns,
}


# --------------------------------------------------------------------------- requests


@pytest.mark.parametrize("fmt", FORMATS)
@FEW
@given(data=st.data())
def test_requests_are_valid_and_follow_the_turn_rules(fmt: Format, data: st.DataObject) -> None:
    body = data.draw(request_payloads(fmt))
    assert_exact(codec(fmt).request_type, body)
    assert_sdk_strict(_sdk_view(fmt, body), *_REQUEST_SDK[fmt])
    if fmt in TURN_RULES:
        TURN_RULES[fmt](body)


def test_requests_without_features_leave_them_out() -> None:
    plain = request_payloads(
        "anthropic",
        tools=False,
        images=False,
        reasoning=False,
        structured_output=False,
        cache_hints=False,
        max_turns=1,
    )

    @FEW
    @given(plain)
    def check(body: Json) -> None:
        assert len(body["messages"]) == 1
        text = json.dumps(body)
        for word in ("tools", "image", "thinking", "output_config", "cache_control"):
            assert word not in text

    check()


def _results(body: Json) -> list[Json]:
    return [block for block in _walk(body) if block.get("type") == "tool_result"]


def _reasoning_after_a_call(body: Json) -> bool:
    items = body["input"] if isinstance(body["input"], list) else []
    kinds = [item.get("type") for item in items]
    return any(kinds[k : k + 2] == ["function_call", "reasoning"] for k in range(len(kinds)))


#: Features a request strategy must reach, by format (what to look for in the payload).
REQUEST_FEATURES: dict[str, dict[str, Callable[[Json], bool]]] = {
    "anthropic": {
        "tool_result is_error": lambda b: any(r.get("is_error") for r in _results(b)),
        "tool_result image": lambda b: any("'image'" in str(r.get("content")) for r in _results(b)),
        "signed thinking": lambda b: "'signature'" in str(b["messages"]),
        "redacted_thinking": lambda b: "'redacted_thinking'" in str(b["messages"]),
        "cache_control": lambda b: "cache_control" in str(b),
        "output_config": lambda b: "output_config" in b,
        "tool_choice": lambda b: "tool_choice" in b,
    },
    "chat": {
        "tool messages": lambda b: any(m["role"] == "tool" for m in b["messages"]),
        "reasoning_content": lambda b: "reasoning_content" in str(b["messages"]),
        "reasoning_details": lambda b: "reasoning_details" in str(b["messages"]),
        "prompt_cache_breakpoint": lambda b: "prompt_cache_breakpoint" in str(b["messages"]),
        "response_format": lambda b: "response_format" in b,
        "reasoning_effort": lambda b: "reasoning_effort" in b,
    },
    "responses": {
        "reasoning after a call": _reasoning_after_a_call,
        "encrypted_content": lambda b: "encrypted_content" in str(b["input"]),
        "image output": lambda b: (
            "input_image" in str([i.get("output") for i in b["input"] if isinstance(i, dict)])
            if isinstance(b["input"], list)
            else False
        ),
        "text.format": lambda b: "text" in b,
        "instructions": lambda b: "instructions" in b,
    },
}


def all_occur(
    strategy: st.SearchStrategy[Any], features: dict[str, Callable[[Any], bool]], tries: int = 500
) -> None:
    """Every one of ``features`` holds for some generated value (one search for them all)."""
    seen: set[str] = set()

    def all_seen(value: Any) -> bool:
        seen.update(name for name, holds in features.items() if name not in seen and holds(value))
        return seen == set(features)

    try:
        occurs(strategy, all_seen, tries)
    except NoSuchExample:
        raise AssertionError(f"never generated: {sorted(set(features) - seen)}") from None


@pytest.mark.parametrize("fmt", sorted(REQUEST_FEATURES))
def test_requests_reach_every_feature(fmt: Format) -> None:
    """Tool results with images and errors, signed and redacted thinking, structured output,
    cache hints, dialect reasoning, Responses reasoning among a turn's other items all occur."""
    all_occur(request_payloads(fmt), REQUEST_FEATURES[fmt])


def test_request_options_are_checked() -> None:
    with pytest.raises(ValueError, match="format"):
        request_payloads("gemini")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_turns"):
        request_payloads("chat", max_turns=0)


# --------------------------------------------------------------------------- responses


def _stop_follows_content(fmt: Format, body: Json) -> None:
    match fmt:
        case "anthropic":
            calls = any(b["type"] == "tool_use" for b in body["content"])
            assert calls == (body["stop_reason"] == "tool_use")
            if body["stop_reason"] == "pause_turn":
                assert body["content"][-1]["type"] == "web_search_tool_result"
            assert (body["stop_sequence"] is not None) == (body["stop_reason"] == "stop_sequence")
        case "chat":
            for choice in body["choices"]:
                calls = bool(choice["message"].get("tool_calls"))
                assert calls == (choice["finish_reason"] == "tool_calls")
        case "responses":
            reason = (body["incomplete_details"] or {}).get("reason")
            assert (body["status"] == "incomplete") == (reason is not None)
            if reason is not None:
                assert not any(item["type"] == "function_call" for item in body["output"])


@pytest.mark.parametrize("fmt", FORMATS)
@FEW
@given(data=st.data())
def test_responses_are_valid_and_stop_for_what_they_say(fmt: Format, data: st.DataObject) -> None:
    body = data.draw(response_payloads(fmt))
    assert_exact(codec(fmt).response_type, body)
    assert_sdk_strict(_sdk_view(fmt, body), *_RESPONSE_SDK[fmt])
    _stop_follows_content(fmt, body)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_stop_reason_occurs(fmt: Format) -> None:
    for reason in stop_reasons(fmt):
        body = occurs(response_payloads(fmt, stop_reasons=[reason]), lambda _: True)
        said = {
            "anthropic": lambda b: b["stop_reason"],
            "chat": lambda b: b["choices"][0]["finish_reason"],
            "completions": lambda b: b["choices"][0]["finish_reason"],
            "responses": lambda b: (b["incomplete_details"] or {}).get("reason", b["status"]),
        }[fmt](body)
        assert said == reason


def test_response_options_are_checked() -> None:
    with pytest.raises(ValueError, match="end_turn"):
        response_payloads("anthropic", stop_reasons=["stop"])
    with pytest.raises(ValueError, match="max_choices"):
        response_payloads("chat", max_choices=0)
    with pytest.raises(ValueError, match="unknown quirks"):
        stream_events("chat", quirks=["no_such_quirk"])  # type: ignore[list-item]


# --------------------------------------------------------------------------- streams

_EVENT_TYPES: dict[str, Any] = {
    "anthropic": anthropic.RawMessageStreamEvent,
    "chat": chat.ChatCompletionChunk,
    "responses": responses.ResponseStreamEvent,
    "completions": completions.Completion,
}
_DECODERS: dict[str, Any] = {
    "anthropic": anthropic_stream.StreamDecoder,
    "chat": chat_stream.StreamDecoder,
    "responses": responses_stream.StreamDecoder,
    "completions": completions_stream.StreamDecoder,
}
_SDK_EVENTS: dict[str, tuple[Any, ...]] = {
    "anthropic": (
        anthropic_sdk.RawMessageStreamEvent,
        anthropic_beta.BetaRawMessageStreamEvent,
        _SdkPingEvent,
    ),
    "chat": (chat_sdk.ChatCompletionChunk,),
    "responses": (SdkResponseStreamEvent,),
    "completions": (openai_sdk.Completion,),
}


def decode(fmt: Format, events: list[Json]) -> ir.Response:
    """Our accumulation: the format's stream decoder, then the ir accumulator."""
    decoder = _DECODERS[fmt]()
    out: list[ir.StreamEvent] = []
    for event in events:
        out += decoder.feed(from_wire(_EVENT_TYPES[fmt], event))
    out += decoder.finish()
    assert isinstance(out[0], ir.ResponseStarted) and isinstance(out[-1], ir.StreamEnded)
    return accumulate(out)


def _sdk_anthropic(events: list[Json]) -> ir.Response:
    snapshot = None
    buffers: dict[int, bytes] = {}
    for event in events:
        if event["type"] != "ping":
            snapshot = accumulate_event(
                event=event,  # type: ignore[arg-type]
                current_snapshot=snapshot,
                json_bufs=buffers,
                request_headers=None,  # type: ignore[arg-type]
            )
    assert snapshot is not None
    message = snapshot.to_dict(mode="json", exclude_unset=True)
    return anthropic_decode.decode_response(from_wire(anthropic.Message, message))


def _sdk_chat(events: list[Json]) -> ir.Response:
    state = ChatCompletionStreamState()
    for event in events:
        state.handle_chunk(chat_sdk.ChatCompletionChunk.model_validate(event))
    snapshot: Json = state.current_completion_snapshot.to_dict()
    for choice in snapshot["choices"]:
        choice["message"].pop("parsed", None)
        for call in choice["message"].get("tool_calls") or []:
            call["function"].pop("parsed_arguments", None)
    return chat_decode.decode_response(from_wire(chat.ChatCompletion, snapshot))


_SDK_RESPONSE_EVENT: TypeAdapter[Any] = TypeAdapter(SdkResponseStreamEvent)


def _sdk_responses(events: list[Json]) -> ir.Response:
    state: ResponseStreamState[Any] = ResponseStreamState(input_tools=[], text_format=omit)
    for event in events:
        state.handle_event(_SDK_RESPONSE_EVENT.validate_python(event))
    final = state._completed_response
    if final is None:  # incomplete: the SDK keeps only its snapshot; the terminal says all
        assert events[-1]["type"] == "response.incomplete"
        return responses_decode.decode_response(
            from_wire(responses.Response, events[-1]["response"])
        )
    wire = final.to_dict(mode="json", exclude_unset=True)
    for item in wire["output"]:
        item.pop("parsed_arguments", None)
        for part in item.get("content") or []:
            part.pop("parsed", None)
    return responses_decode.decode_response(from_wire(responses.Response, wire))


def _fold_completions(events: list[Json]) -> ir.Response:
    """The Completions accumulation the SDK lacks: texts per choice, finish reason, usage."""
    head = {k: v for k, v in events[0].items() if k not in ("choices", "usage")}
    choices: dict[int, Json] = {}
    for event in events:
        for choice in event["choices"]:
            acc = choices.setdefault(choice["index"], {"index": choice["index"], "text": ""})
            acc["text"] += choice["text"]
            acc["finish_reason"] = choice["finish_reason"] or acc.get("finish_reason")
            acc["logprobs"] = None
        if event.get("usage"):
            head["usage"] = event["usage"]
    body = {**head, "choices": [choices[i] for i in sorted(choices)]}
    return completions_decode.decode_response(from_wire(completions.Completion, body))


SDK_ACCUMULATE: dict[str, Callable[[list[Json]], ir.Response]] = {
    "anthropic": _sdk_anthropic,
    "chat": _sdk_chat,
    "responses": _sdk_responses,
    "completions": _fold_completions,
}


def _arguments(text: str) -> Any:
    return json.loads(text) if text.strip() else {}


def neutral(resp: ir.Response) -> Any:
    """What a response says: parts (empty texts aside), stop reasons, usage numbers."""
    candidates = []
    for candidate in resp.candidates:
        parts: list[Any] = []
        for part in candidate.parts:
            match part:
                case ir.TextPart():
                    if part.text or part.citations:
                        cites = [
                            (c.url, c.cited_text, c.start, c.end) for c in part.citations or ()
                        ]
                        parts.append(("text", part.text, cites))
                case ir.ToolCallPart():
                    parts.append(("call", part.call_id, part.name, _arguments(part.arguments)))
                case ir.ReasoningPart():
                    text = part.text or "".join(part.content)
                    parts.append(
                        (
                            "reasoning",
                            text,
                            part.summary,
                            part.signature,
                            part.redacted_data,
                            part.encrypted_content,
                        )
                    )
                case ir.RefusalPart():
                    parts.append(("refusal", part.text))
                case ir.NativePart():
                    parts.append(("native", part.kind, json.dumps(part.data, sort_keys=True)))
                case _:
                    parts.append((type(part).__name__,))
        candidates.append((candidate.index, parts, candidate.stop_reason, candidate.stop_sequence))
    usage = resp.usage
    counts = None
    if usage is not None:
        counts = (
            usage.input_tokens,
            usage.output_tokens,
            usage.cache_read_tokens,
            usage.cache_write_tokens,
            usage.reasoning_tokens,
        )
    return candidates, counts


#: Quirks the SDK chat accumulator cannot follow (it concatenates what it sees twice and
#: merges calls by index alone); our decoder follows them, the comparison leaves them out.
SDK_CHAT_BLIND = {"index_zero_calls", "repeated_call_fields"}


def _check_events(fmt: Format, events: list[Json]) -> None:
    for event in events:
        assert_exact(_EVENT_TYPES[fmt], event)
        view = _sdk_view(fmt, event)
        if fmt == "completions":  # the real API's one deviation from the SDK type
            view = {**view, "choices": [{**c, "finish_reason": "stop"} for c in view["choices"]]}
        assert_sdk_strict(view, *_SDK_EVENTS[fmt])


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_streams_are_valid_and_accumulate_as_the_sdk_does(fmt: Format, data: st.DataObject) -> None:
    quirks = set(QUIRKS) - SDK_CHAT_BLIND
    events = data.draw(stream_events(fmt, quirks=quirks))
    _check_events(fmt, events)
    assert neutral(decode(fmt, events)) == neutral(SDK_ACCUMULATE[fmt](events))


@FEW
@given(events=stream_events("chat", quirks=SDK_CHAT_BLIND, max_choices=1, dialects=False))
def test_chat_streams_with_quirks_the_sdk_cannot_follow_accumulate_to_their_response(
    events: list[Json],
) -> None:
    """Index-0 and repeated-field calls: what our decoder builds is what the chunks say."""
    _check_events("chat", events)
    calls: dict[str, Json] = {}
    order: list[str] = []
    for event in events:
        for choice in event["choices"]:
            for fragment in choice["delta"].get("tool_calls") or []:
                if "id" in fragment:
                    if fragment["id"] not in calls:
                        order.append(fragment["id"])
                    current = calls.setdefault(fragment["id"], {"name": "", "arguments": ""})
                    current["name"] = fragment["function"].get("name") or current["name"]
                current["arguments"] += fragment["function"].get("arguments") or ""
    built = [
        p for p in decode("chat", events).candidates[0].parts if isinstance(p, ir.ToolCallPart)
    ]
    assert [(p.call_id, p.name, _arguments(p.arguments)) for p in built] == [
        (i, calls[i]["name"], _arguments(calls[i]["arguments"])) for i in order
    ]


_QUIRK_FORMAT = {"pings": "anthropic", "interleaved_items": "responses"}


def _groups(delta: Json) -> set[str]:
    """What a chat delta says (the reasoning fields count once: OpenRouter mirrors them)."""
    groups = {"reasoning": ("reasoning_content", "reasoning", "reasoning_details")}
    said = {k for k, v in delta.items() if v and k != "role"}
    return {next((g for g, keys in groups.items() if k in keys), k) for k in said}


def _shows(quirk: str, events: list[Json]) -> bool:
    """Whether a stream shows ``quirk``."""
    deltas = [c["delta"] for e in events for c in e.get("choices", []) if "delta" in c]
    calls: dict[int, list[Json]] = {}
    for e in events:
        for c in e.get("choices", []):
            calls.setdefault(c["index"], []).extend(c.get("delta", {}).get("tool_calls") or [])
    match quirk:
        case "pings":
            return any(e.get("type") == "ping" for e in events)
        case "empty_first_chunk":
            return bool(deltas) and deltas[0].get("content") == "" and "role" in deltas[0]
        case "null_fields":
            return any(v is None for d in deltas for v in d.values())
        case "packed_chunks":
            return any(
                len(_groups(c["delta"])) + (c.get("finish_reason") is not None) >= 2
                for e in events
                for c in e.get("choices", [])
                if "delta" in c
            )
        case "interleaved_calls":
            indices = [[f["index"] for f in fragments] for fragments in calls.values()]
            return any(b < a for each in indices for a, b in itertools.pairwise(each))
        case "index_zero_calls":
            return any(
                len({f["id"] for f in fragments if "id" in f}) > 1
                and {f["index"] for f in fragments} == {0}
                for fragments in calls.values()
            )
        case "repeated_call_fields":
            return any(
                len(fragments) > 2 and all("id" in f for f in fragments)
                for fragments in calls.values()
            )
        case "late_name":
            return any(
                "id" in f and "name" not in f["function"]
                for fragments in calls.values()
                for f in fragments
            )
        case "usage_on_finish":
            return any(e.get("usage") and e["choices"] for e in events)
        case "interleaved_items":
            indices = [e["output_index"] for e in events if "output_index" in e]
            return any(b < a for a, b in itertools.pairwise(indices))
        case "interleaved_choices":
            indices = [c["index"] for e in events for c in e.get("choices", [])]
            return any(b < a for a, b in itertools.pairwise(indices))
    raise AssertionError(quirk)


@pytest.mark.parametrize("quirk", QUIRKS)
def test_every_quirk_occurs(quirk: str) -> None:
    fmt: Format = _QUIRK_FORMAT.get(quirk, "chat")  # type: ignore[assignment]
    events = occurs(
        stream_events(fmt, quirks=[quirk]),  # type: ignore[list-item]
        lambda evs: _shows(quirk, evs),
        tries=2000,
    )
    assert _shows(quirk, events)


def test_chat_reasoning_rides_in_every_dialect_field() -> None:
    for name in ("reasoning_content", "reasoning", "reasoning_details"):
        events = occurs(
            stream_events("chat", stop_reasons=["stop"], max_choices=1),
            lambda evs, name=name: any(c["delta"].get(name) for e in evs for c in e["choices"]),
        )
        assert decode("chat", events).candidates[0].parts


def test_streams_without_quirks_show_none() -> None:
    @FEW
    @given(stream_events("chat", quirks=False))
    def check(events: list[Json]) -> None:
        for quirk in QUIRKS:
            assert not _shows(quirk, events), quirk

    check()


# --------------------------------------------------------------------------- rechunked


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_rechunked_streams_stay_valid_and_accumulate_the_same(
    fmt: Format, data: st.DataObject
) -> None:
    events = data.draw(stream_events(fmt), label="stream")
    again = data.draw(rechunked(events), label="rechunked")
    _check_events(fmt, again)
    assert neutral(decode(fmt, again)) == neutral(decode(fmt, events))


@st.composite
def _rechunked_pairs(
    draw: st.DrawFn, streams: st.SearchStrategy[list[Json]]
) -> tuple[list[Json], list[Json]]:
    events = draw(streams)
    return events, draw(rechunked(events))


@pytest.mark.parametrize("fmt", FORMATS)
def test_rechunked_splits_and_merges(fmt: Format) -> None:
    pairs = _rechunked_pairs(stream_events(fmt, max_choices=1))
    assert occurs(pairs, lambda pair: len(pair[1]) < len(pair[0]))
    assert occurs(pairs, lambda pair: len(pair[1]) > len(pair[0]))


def test_rechunked_splits_mirrored_reasoning() -> None:
    """OpenRouter's ``reasoning`` and its ``reasoning_details`` text are cut together."""

    def mirrored(events: list[Json]) -> int:
        return sum(
            bool(c["delta"].get("reasoning") and c["delta"].get("reasoning_details"))
            for e in events
            for c in e["choices"]
        )

    plain = stream_events("chat", quirks=False, stop_reasons=["stop"], max_choices=1)
    pairs = _rechunked_pairs(plain)
    before, after = occurs(pairs, lambda pair: mirrored(pair[1]) > mirrored(pair[0]) > 0)
    assert neutral(decode("chat", after)) == neutral(decode("chat", before))


def test_rechunked_renumbers_responses_events() -> None:
    @FEW
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        events = data.draw(rechunked(data.draw(stream_events("responses"))))
        assert [e["sequence_number"] for e in events] == list(range(len(events)))

    check()


def test_rechunked_needs_a_format_it_can_tell() -> None:
    with pytest.raises(ValueError, match="format"):
        rechunked([{"hello": "world"}])


# --------------------------------------------------------------------------- byte_splits


def _sse_body(fmt: Format, events: list[Json], crlf: bool) -> bytes:
    body = b"".join(
        encode_event(json.dumps(e, ensure_ascii=False), event=e.get("type")) for e in events
    )
    if fmt == "chat":
        body += encode_event("[DONE]")
    return body.replace(b"\n", b"\r\n") if crlf else body


def _frames(pieces: list[bytes]) -> list[tuple[str | None, str]]:
    decoder = SSEDecoder()
    frames = [f for piece in pieces for f in decoder.feed(piece)] + decoder.finish()
    return [(f.event, f.data) for f in frames]


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_byte_splits_join_back_and_decode_the_same(fmt: Format, data: st.DataObject) -> None:
    events = data.draw(stream_events(fmt, max_choices=1))
    body = _sse_body(fmt, events, data.draw(st.booleans(), label="crlf"))
    pieces = data.draw(byte_splits(body))
    assert b"".join(pieces) == body
    assert _frames(pieces) == _frames([body])


def test_byte_splits_cut_inside_characters_and_line_ends_and_leave_empty_pieces() -> None:
    body = 'data: {"text": "é😀"}\r\n\r\n'.encode()

    def inside_character(pieces: list[bytes]) -> bool:
        return any(p and 0x80 <= p[0] <= 0xBF for p in pieces)

    assert occurs(byte_splits(body), inside_character)
    assert occurs(byte_splits(body), lambda ps: any(p.endswith(b"\r") for p in ps[:-1]))
    assert occurs(byte_splits(body), lambda ps: b"" in ps)


# --------------------------------------------------------------------------- variations_of

_EXTRA = "x_bridge_test_"


def _without_extras(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_extras(v) for k, v in value.items() if not k.startswith(_EXTRA)}
    if isinstance(value, list):
        return [_without_extras(v) for v in value]
    return value


def _kind_type(fmt: Format, kind: str) -> Any:
    c = codec(fmt)
    return {"request": c.request_type, "response": c.response_type, "error": c.error_type}[kind]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", ["request", "response"])
@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_variations_stay_valid_and_change_something(
    fmt: Format, kind: str, data: st.DataObject
) -> None:
    make = request_payloads if kind == "request" else response_payloads
    payload = data.draw(make(fmt), label="sample")
    variation = data.draw(variations_of(payload), label="variation")
    assert variation != payload
    assert_exact(_kind_type(fmt, kind), variation)
    sdk = _REQUEST_SDK[fmt] if kind == "request" else _RESPONSE_SDK[fmt]
    assert_sdk_strict(_sdk_view(fmt, _without_extras(variation)), *sdk)
    if kind == "request" and fmt in TURN_RULES:
        TURN_RULES[fmt](variation)


@pytest.mark.parametrize(
    ("payload", "fmt"),
    [
        (
            {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
            "anthropic",
        ),
        (
            {
                "error": {
                    "message": "Rate limit",
                    "type": "requests",
                    "param": None,
                    "code": "rate_limit_exceeded",
                }
            },
            "chat",
        ),
    ],
)
@FEW
@given(data=st.data())
def test_variations_of_errors(payload: Json, fmt: Format, data: st.DataObject) -> None:
    variation = data.draw(variations_of(payload))
    assert variation != payload
    assert_exact(codec(fmt).error_type, variation)


def test_variations_rename_a_call_and_its_result_together() -> None:
    sample = {
        "model": "claude-sonnet-4-5",
        "max_tokens": 100,
        "messages": [
            {"role": "user", "content": "weather?"},
            {
                "role": "assistant",
                "content": [{"type": "tool_use", "id": "toolu_01A", "name": "w", "input": {}}],
            },
            {
                "role": "user",
                "content": [{"type": "tool_result", "tool_use_id": "toolu_01A", "content": "sun"}],
            },
        ],
        "tools": [{"name": "w", "input_schema": {"type": "object"}}],
    }
    renamed = occurs(
        variations_of(sample),
        lambda v: v["messages"][1]["content"][0]["id"] != "toolu_01A",
    )
    new_id = renamed["messages"][1]["content"][0]["id"]
    assert new_id.startswith("toolu_")
    assert renamed["messages"][2]["content"][0]["tool_use_id"] == new_id


def test_variations_of_explicit_format_and_kind() -> None:
    chat_error = {"error": {"message": "no", "type": "invalid_request_error"}}
    found = occurs(variations_of(chat_error, format="responses", kind="error"), lambda v: True)
    assert_exact(responses.ErrorResponse, found)
    with pytest.raises(ValueError, match="format"):
        variations_of({"hello": "world"})
    with pytest.raises(InvalidInputError):
        variations_of({"model": "m", "max_tokens": "ten", "messages": []})


# --------------------------------------------------------------------------- the lazy import


def test_the_kit_imports_without_loading_hypothesis() -> None:
    script = textwrap.dedent(
        """
        import sys
        import openai_claude_bridge.testing as kit
        assert "hypothesis" not in sys.modules, "imported eagerly"
        assert callable(kit.requests) and "hypothesis" in sys.modules
        from openai_claude_bridge.testing import byte_splits, rechunked, streams
        try:
            kit.no_such_name
        except AttributeError:
            pass
        else:
            raise AssertionError("unknown names are an AttributeError")
        """
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root)


# --------------------------------------------------------------------------- recorded traffic


def _recorded(per_kind: int = 2) -> list[Any]:
    """A few recordings of each format and kind from ``../shared/samples/external`` (none when
    the folder is absent), those this package reads as valid."""
    from tests.support.external import recordings

    chosen: dict[tuple[str, str], list[Any]] = {}
    for rec in sorted(recordings(), key=lambda r: r.name):
        group = chosen.setdefault((rec.format, rec.kind), [])
        if len(group) < per_kind and _readable(rec):
            group.append(pytest.param(rec, id=f"{rec.format}-{rec.kind}-{len(group)}"))
    return [param for group in chosen.values() for param in group]


def _readable(rec: Any) -> bool:
    try:
        if rec.kind == "stream":
            decode(rec.format, rec.payload)
        else:
            from_wire(_kind_type(rec.format, rec.kind), rec.payload)
    except Exception:
        return False
    return True


@pytest.mark.parametrize("rec", _recorded())
@settings(max_examples=3, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_strategies_built_from_recorded_traffic(rec: Any, data: st.DataObject) -> None:
    """Real traffic: variations of recorded payloads (format and kind read from them) stay
    valid; recorded streams rechunked accumulate the same; their SSE bodies split anywhere
    decode to the same events."""
    if rec.kind != "stream":
        variation = data.draw(variations_of(rec.payload))
        assert variation != rec.payload
        assert_exact(_kind_type(rec.format, rec.kind), variation)
        return
    again = data.draw(rechunked(rec.payload))
    assert neutral(decode(rec.format, again)) == neutral(decode(rec.format, rec.payload))
    if rec.raw is not None:
        pieces = data.draw(byte_splits(rec.raw))
        assert _frames(pieces) == _frames([rec.raw])
