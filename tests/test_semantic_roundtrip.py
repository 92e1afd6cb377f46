"""Semantic round trips A -> B -> A and mutation fuzzing of the entry points.

The *shared semantic subset* of a payload is what every one of anthropic / chat / responses can
say: the texts (system and message texts, tool-result texts, refusals), the tool calls (id, name,
arguments as parsed JSON), the call ids that tool results answer, and for responses the stop
reason (in a common vocabulary) and the usage numbers (input tokens including cache, cached input
tokens, output tokens). Converting A -> B -> A must keep it, for every pair of the three formats;
completions joins into the pair only where its subset exists (plain single-turn text).

The subset is read straight off the wire JSON by the small extractors below, independent of the
package's own decoders. Each element carries the JSON path it came from, so an element the first
leg reported as a ``Loss`` (at its path, an ancestor or a descendant) is exempt; everything else
must come back, in order, and nothing may come back that was not there.

Mutation fuzzing: structural mutations of the corpus payloads (keys dropped, values replaced by
wrong types, strings truncated, values nested deeply) make ``convert_request`` /
``convert_response`` either succeed or raise a ``BridgeError`` subclass, nothing else.
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from openai_claude_bridge import BridgeError, Loss, anthropic, chat, responses, to_wire
from openai_claude_bridge._call_id_carrier import ANTHROPIC_ID, restore
from openai_claude_bridge._tool_names import is_valid_name, shorten
from openai_claude_bridge.testing.strategies import wire_payloads
from tests.golden.cases import DETERMINISTIC, CorpusFile, Kind, converter, corpus_files

THREE = ("anthropic", "chat", "responses")
PAIRS = [(a, b) for a, b in itertools.product(THREE, THREE) if a != b]

Element = tuple[str, tuple[Any, ...]]
"""(JSON path in the payload, a hashable semantic fact)."""


# --------------------------------------------------------------------------- extractors


def _args(text: Any) -> Any:
    """Tool-call arguments as parsed JSON (the exact text when it does not parse; blank text,
    what providers send for a call without arguments, is ``{}``)."""
    if isinstance(text, str) and not text.strip():
        text = {}
    if not isinstance(text, str):
        return ("json", json.dumps(text, sort_keys=True))
    try:
        return ("json", json.dumps(json.loads(text), sort_keys=True))
    except ValueError:
        return ("text", text)


def _texts(content: Any, path: str, kinds: tuple[str, ...]) -> Iterator[Element]:
    """Text facts of a string-or-parts content value."""
    if isinstance(content, str):
        if content:
            yield path, ("text", content)
        return
    if not isinstance(content, list):
        return
    for i, part in enumerate(content):
        if not isinstance(part, dict):
            continue
        kind = part.get("type")
        if kind in kinds and isinstance(part.get("text"), str) and part["text"]:
            yield f"{path}[{i}]", ("text", part["text"])
        elif kind == "refusal" and isinstance(part.get("refusal"), str) and part["refusal"]:
            yield f"{path}[{i}]", ("text", part["refusal"])


def _anthropic_blocks(content: Any, path: str) -> Iterator[Element]:
    if not isinstance(content, list):
        yield from _texts(content, path, ("text",))
        return
    for i, block in enumerate(content):
        where = f"{path}[{i}]"
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind == "text":
            yield from _texts(block.get("text"), where, ())
        elif kind == "tool_use":
            yield where, ("call", block.get("id"), block.get("name"), _args(block.get("input")))
        elif kind == "tool_result":
            yield where, ("result", block.get("tool_use_id"))
            yield from _texts(block.get("content"), f"{where}.content", ("text",))


def anthropic_request(payload: dict[str, Any]) -> Iterator[Element]:
    yield from _texts(payload.get("system"), "system", ("text",))
    for m, message in enumerate(payload.get("messages") or ()):
        yield from _anthropic_blocks(message.get("content"), f"messages[{m}].content")


def _chat_call(call: dict[str, Any]) -> tuple[Any, ...]:
    """A chat tool call: a function's name and parsed arguments, a custom tool's raw input."""
    custom = call.get("custom")
    if call.get("type") == "custom" and isinstance(custom, dict):
        return ("call", call.get("id"), custom.get("name"), ("text", custom.get("input")))
    function = call.get("function") or {}
    return ("call", call.get("id"), function.get("name"), _args(function.get("arguments")))


def chat_request(payload: dict[str, Any]) -> Iterator[Element]:
    for m, message in enumerate(payload.get("messages") or ()):
        where = f"messages[{m}]"
        role = message.get("role")
        if role == "tool":
            yield where, ("result", message.get("tool_call_id"))
        if role == "function":  # legacy: the function's name answers the call
            yield where, ("result", message.get("name"))
        if role in ("system", "developer", "user", "assistant", "tool", "function"):
            yield from _texts(message.get("content"), f"{where}.content", ("text",))
        if role == "assistant":
            if isinstance(message.get("refusal"), str) and message["refusal"]:
                yield f"{where}.refusal", ("text", message["refusal"])
            for c, call in enumerate(message.get("tool_calls") or ()):
                yield f"{where}.tool_calls[{c}]", _chat_call(call)
            legacy = message.get("function_call")
            if isinstance(legacy, dict):  # legacy: the function's name stands for the call id
                fact = ("call", legacy.get("name"), legacy.get("name"))
                yield f"{where}.function_call", (*fact, _args(legacy.get("arguments")))


def _responses_items(items: Any, path: str) -> Iterator[Element]:
    if isinstance(items, str):
        yield from _texts(items, path, ())
        return
    for i, item in enumerate(items or ()):
        where = f"{path}[{i}]"
        kind = item.get("type") or "message"
        if kind == "message":
            parts = ("input_text", "output_text")
            yield from _texts(item.get("content"), f"{where}.content", parts)
        elif kind == "function_call":
            fact = ("call", item.get("call_id") or "", item.get("name"))
            yield where, (*fact, _args(item.get("arguments")))
        elif kind == "custom_tool_call":
            yield (
                where,
                ("call", item.get("call_id"), item.get("name"), ("text", item.get("input"))),
            )
        elif kind in ("function_call_output", "custom_tool_call_output"):
            # the API requires call_id: a missing one comes back as the empty id it stands for
            yield where, ("result", item.get("call_id") or "")
            yield from _texts(item.get("output"), f"{where}.output", ("input_text",))


def responses_request(payload: dict[str, Any]) -> Iterator[Element]:
    yield from _texts(payload.get("instructions"), "instructions", ())
    yield from _responses_items(payload.get("input"), "input")


def completions_request(payload: dict[str, Any]) -> Iterator[Element]:
    yield from _texts(payload.get("prompt"), "prompt", ())


_ANTHROPIC_STOP = {"end_turn": "stop", "stop_sequence": "stop", "max_tokens": "length"}
_ANTHROPIC_STOP |= {"model_context_window_exceeded": "length", "tool_use": "tool_use"}
_CHAT_STOP = {"stop": "stop", "length": "length", "tool_calls": "tool_use"}
_CHAT_STOP |= {"function_call": "tool_use", "content_filter": "refusal"}


def _stop(path: str, stop: str, facts: list[Element]) -> Element:
    """The stop fact; "the model stopped" and "stopped to call tools" are told apart by whether
    it called any (stop reasons follow what was emitted; Responses has only the calls)."""
    if stop in ("stop", "tool_use"):
        stop = "tool_use" if any(fact[0] == "call" for _, fact in facts) else "stop"
    return path, ("stop", stop)


def _usage(path: str, total: Any, cached: Any, output: Any) -> Iterator[Element]:
    if isinstance(total, int) and isinstance(output, int):
        yield path, ("usage", total, cached or 0, output)


def anthropic_response(payload: dict[str, Any]) -> Iterator[Element]:
    facts = list(_anthropic_blocks(payload.get("content"), "content"))
    yield from facts
    stop = payload.get("stop_reason")
    if stop is not None:
        yield _stop("stop_reason", _ANTHROPIC_STOP.get(stop, stop), facts)
    usage = payload.get("usage") or {}
    parts = [usage.get(k) for k in ("input_tokens", "cache_read_input_tokens")]
    parts.append(usage.get("cache_creation_input_tokens"))
    if isinstance(parts[0], int):
        total = sum(p for p in parts if isinstance(p, int))
        yield from _usage("usage", total, parts[1], usage.get("output_tokens"))


def chat_response(payload: dict[str, Any]) -> Iterator[Element]:
    for c, choice in enumerate(payload.get("choices") or ()):
        where = f"choices[{c}]"
        message = choice.get("message") or {}
        facts = list(_texts(message.get("content"), f"{where}.message.content", ("text",)))
        refusal = message.get("refusal")
        if isinstance(refusal, str) and refusal:
            facts.append((f"{where}.message.refusal", ("text", refusal)))
        for t, call in enumerate(message.get("tool_calls") or ()):
            facts.append((f"{where}.message.tool_calls[{t}]", _chat_call(call)))
        legacy = message.get("function_call")
        if isinstance(legacy, dict):  # legacy: the function's name stands for the call id;
            # a message with both (no API sends one) has its legacy call after the tool calls
            fact = ("call", legacy.get("name"), legacy.get("name"), _args(legacy.get("arguments")))
            facts.append((f"{where}.message.function_call", fact))
        yield from facts
        stop = choice.get("finish_reason")
        if stop is not None:
            element = _stop(f"{where}.finish_reason", _CHAT_STOP.get(stop, stop), facts)
            if element[1] == ("stop", "stop") and refusal:
                # A refusal is this stop's reason: lost with the refusal or not at all.
                element = (f"{where}.message.refusal", ("stop", "refusal"))
            yield element
    usage = payload.get("usage") or {}
    cached = (usage.get("prompt_tokens_details") or {}).get("cached_tokens")
    yield from _usage("usage", usage.get("prompt_tokens"), cached, usage.get("completion_tokens"))


def responses_response(payload: dict[str, Any]) -> Iterator[Element]:
    output = payload.get("output") or ()
    yield from _responses_items(output, "output")
    status = payload.get("status")
    refusals = [
        f"output[{i}].content[{j}]"
        for i, item in enumerate(output)
        if item.get("type") == "message"
        for j, part in enumerate(item.get("content") or ())
        if isinstance(part, dict) and part.get("type") == "refusal" and part.get("refusal")
    ]
    if status == "completed" and refusals:
        yield refusals[0], ("stop", "refusal")
    elif status == "completed":
        called = any(item.get("type") == "function_call" for item in output)
        yield "status", ("stop", "tool_use" if called else "stop")
    elif status == "failed":
        yield "status", ("stop", "error")
    elif status == "incomplete":
        reason = (payload.get("incomplete_details") or {}).get("reason")
        normal = {"max_output_tokens": "length", "content_filter": "refusal"}
        if isinstance(reason, str):
            yield "incomplete_details", ("stop", normal.get(reason, reason))
    usage = payload.get("usage") or {}
    cached = (usage.get("input_tokens_details") or {}).get("cached_tokens")
    yield from _usage("usage", usage.get("input_tokens"), cached, usage.get("output_tokens"))


def completions_response(payload: dict[str, Any]) -> Iterator[Element]:
    for c, choice in enumerate(payload.get("choices") or ()):
        yield from _texts(choice.get("text"), f"choices[{c}].text", ())
        stop = choice.get("finish_reason")
        if stop is not None:
            yield f"choices[{c}].finish_reason", ("stop", _CHAT_STOP.get(stop, stop))
    usage = payload.get("usage") or {}
    cached = (usage.get("prompt_tokens_details") or {}).get("cached_tokens")
    yield from _usage("usage", usage.get("prompt_tokens"), cached, usage.get("completion_tokens"))


EXTRACT: dict[tuple[str, str], Callable[[dict[str, Any]], Iterator[Element]]] = {
    ("request", "anthropic"): anthropic_request,
    ("request", "chat"): chat_request,
    ("request", "responses"): responses_request,
    ("request", "completions"): completions_request,
    ("response", "anthropic"): anthropic_response,
    ("response", "chat"): chat_response,
    ("response", "responses"): responses_response,
    ("response", "completions"): completions_response,
}


# --------------------------------------------------------------------------- the property


def _related(path: str, loss_path: str, fact: tuple[Any, ...]) -> bool:
    """Whether a loss at ``loss_path`` covers the element at ``path`` (same or ancestor path; a
    descendant path too, except for a text, whose citations or logprobs may go alone; the root
    path covers nothing)."""
    if not loss_path:
        return False

    def under(a: str, b: str) -> bool:
        return a == b or a.startswith((b + ".", b + "["))

    return under(path, loss_path) or (fact[0] != "text" and under(loss_path, path))


def _chat_names(facts: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    def name(value: Any) -> Any:
        return value if not isinstance(value, str) or is_valid_name(value) else shorten(value)

    return [(*f[:2], name(f[2]), *f[3:]) if f[0] == "call" else f for f in facts]


def _carried_ids(facts: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Call ids as the ids they stand for: an anthropic id outside the API's pattern comes back
    as a call-id carrier of itself (documented policy; the decoder restores it)."""

    def call_id(value: Any) -> Any:
        return restore(value, pattern=ANTHROPIC_ID)[0] if isinstance(value, str) else value

    return [(f[0], call_id(f[1]), *f[2:]) if f[0] in ("call", "result") else f for f in facts]


def _stand_ins(facts: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Custom calls as calls of their function stand-ins (documented policy: a format without
    custom tools says a custom call as a function taking one string ``input``; without the
    client's request, as here, nothing tells that it was custom)."""

    def call(fact: tuple[Any, ...]) -> tuple[Any, ...]:
        if fact[0] != "call" or fact[3][0] != "text":
            return fact
        return (*fact[:3], _args({"input": fact[3][1]}))

    return [call(fact) for fact in facts]


def _joined(facts: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """A response's texts as one fact: chat holds one content string and a refusal apart from it,
    so blocks come back joined and a refusal may change places with the text around it; what
    must survive is the characters (compared as a sorted string)."""
    texts = "".join(sorted("".join(fact[1] for fact in facts if fact[0] == "text")))
    rest = [fact for fact in facts if fact[0] != "text"]
    return [("text", texts), *rest] if texts else rest


def semantic_round_trip(kind: Kind, payload: Any, a: str, b: str) -> None:
    """Assert that ``payload`` (format ``a``) keeps its semantic subset through ``a -> b -> a``.
    A ``BridgeError`` on either leg is allowed only for inputs hypothesis generated (the caller
    decides); here it propagates."""
    convert = converter(kind)
    losses: list[Loss] = []
    middle = to_wire(convert(payload, source=a, target=b, on_loss=losses.append, **DETERMINISTIC))
    back_losses: list[Loss] = []
    back = to_wire(convert(middle, source=b, target=a, on_loss=back_losses.append, **DETERMINISTIC))
    original = list(EXTRACT[(kind, a)](payload))
    kept = [f for path, f in original if not any(_related(path, x.path, f) for x in losses)]
    calls_lost = any(f[0] == "call" and f not in kept for _, f in original)
    if calls_lost or any(x.feature in ("stop_reason", "stop_sequence") for x in losses):
        kept = [fact for fact in kept if fact[0] != "stop"]
    returned = [fact for _, fact in EXTRACT[(kind, a)](back)]
    if a == "anthropic":
        returned = _carried_ids(returned)
    if b == "anthropic":
        kept, returned = _stand_ins(kept), _stand_ins(returned)
        original = [(path, _stand_ins([fact])[0]) for path, fact in original]
    if {"chat", "responses"} & {a, b}:
        # Chat's and Responses' tool names are limited; others are shortened deterministically
        # (documented policy; a response restores them given ``request=``).
        kept, returned = _chat_names(kept), _chat_names(returned)
        original = [(path, _chat_names([fact])[0]) for path, fact in original]
    if kind == "response":
        # A chat answer is one string: text blocks come back joined.
        kept, returned = _joined(kept), _joined(returned)
        original = [("", fact) for fact in _joined([fact for _, fact in original])]
    # Everything not reported lost comes back, each kind of fact in its order (chat keeps a
    # message's refusal apart from its text, so the order across kinds is not the subset) ...
    missing = []
    for kind_of_fact in {fact[0] for fact in kept}:
        it = iter([fact for fact in returned if fact[0] == kind_of_fact])
        missing += [f for f in kept if f[0] == kind_of_fact and f not in it]
    assert not missing, (f"{a} -> {b} -> {a} lost", missing, returned, losses)
    # ... and nothing comes back that was not there (an approximated fact, reported lost, may
    # come back changed: one changed fact of a kind per lost fact of that kind).
    facts = [fact for _, fact in original]
    invented = [fact for fact in returned if fact not in facts]
    lost = [fact[0] for fact in facts if fact not in kept]
    if any(x.path == "usage" or x.feature == "usage" for x in losses):
        lost.append("usage")  # known counts the target could not keep, reported as such
    if b == "anthropic" and not any(fact[0] == "usage" for fact in facts):
        lost.append("usage")  # counts anthropic requires but the source never gave: 0, no loss
    if not any(fact[0] == "stop" for fact in facts) and any(
        x.feature == "stop_reason" for x in [*losses, *back_losses]
    ):
        lost.append("stop")  # a stop the source never gave, approximated and reported
    for fact in list(invented):
        if fact[0] in lost:
            lost.remove(fact[0])
            invented.remove(fact)
    assert not invented, (f"{a} -> {b} -> {a} invented", invented, original)


# --------------------------------------------------------------------------- over the corpus

CORPUS = list(corpus_files())

#: Known codec bugs met by the corpus round trips: (case, kind, a, b) -> what is wrong.
KNOWN_BUGS: dict[tuple[str, str, str, str], str] = {}


def _corpus_params() -> list[Any]:
    params = []
    for item in CORPUS:
        targets: list[str] = []
        if item.fmt in THREE:
            targets = [t for t in THREE if t != item.fmt]
            if _plain_single_turn(item):
                targets.append("completions")
        elif item.fmt == "completions":
            targets = [t for t in THREE if _plain_single_turn(item)]
        for target in targets:
            key = (item.case, item.kind, item.fmt, target)
            marks = []
            if key in KNOWN_BUGS:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[key]))
            params.append(pytest.param(item, target, marks=marks, id=f"{item.id}->{target}"))
    return params


def _plain_single_turn(item: CorpusFile) -> bool:
    """Whether a corpus payload is in completions' subset: one user text (request) or text only
    (response), no system, tools or images."""
    payload = item.payload
    facts = list(EXTRACT[(item.kind, item.fmt)](payload))
    texts = [f for _, f in facts if f[0] == "text"]
    calls = [f for _, f in facts if f[0] in ("call", "result")]
    if item.kind == "request":
        completions = item.sibling("request", "completions")
        return completions is not None and len(texts) == 1 and not calls
    return item.sibling("response", "completions") is not None and not calls


@pytest.mark.parametrize(("item", "target"), _corpus_params())
def test_corpus_semantic_round_trip(item: CorpusFile, target: str) -> None:
    semantic_round_trip(item.kind, item.payload, item.fmt, target)


def test_cached_usage_survives_every_pair() -> None:
    """A concrete reading of the property: 2006 prompt tokens with 1920 cached stay so."""
    for item in CORPUS:
        if item.case != "cached_usage" or item.kind != "response":
            continue
        for target in (*THREE, "completions"):
            out = to_wire(converter("response")(item.payload, source=item.fmt, target=target))
            usage = [f for _, f in EXTRACT[("response", target)](out) if f[0] == "usage"]
            assert usage == [("usage", 2006, 1920, 14)], (item.fmt, target)


# --------------------------------------------------------------------------- generated payloads

REQUEST_TYPES = {
    "anthropic": anthropic.MessageCreateParams,
    "chat": chat.CompletionCreateParams,
    "responses": responses.ResponseCreateParams,
}
RESPONSE_TYPES = {
    "anthropic": anthropic.Message,
    "chat": chat.ChatCompletion,
    "responses": responses.Response,
}
# Built once: a strategy made afresh inside every example is ten times slower to draw from.
REQUEST_PAYLOADS = {fmt: wire_payloads(tp) for fmt, tp in REQUEST_TYPES.items()}
RESPONSE_PAYLOADS = {fmt: wire_payloads(tp) for fmt, tp in RESPONSE_TYPES.items()}

GENERATED = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _generated(kind: Kind, source: str, target: str, payload: Any) -> None:
    try:
        semantic_round_trip(kind, payload, source, target)
    except BridgeError:
        assume(False)  # the generator knows each API's shapes, not its rules


@pytest.mark.parametrize(("source", "target"), PAIRS)
@GENERATED
@given(data=st.data())
def test_generated_requests_round_trip(source: str, target: str, data: st.DataObject) -> None:
    payload = data.draw(REQUEST_PAYLOADS[source])
    _generated("request", source, target, payload)


@pytest.mark.parametrize(("source", "target"), PAIRS)
@GENERATED
@given(data=st.data())
def test_generated_responses_round_trip(source: str, target: str, data: st.DataObject) -> None:
    payload = data.draw(RESPONSE_PAYLOADS[source])
    _generated("response", source, target, payload)


# --------------------------------------------------------------------------- mutation fuzzing

_WRONG = st.sampled_from([None, 0, -1, 2**64, 1.5, True, "", "x", [], {}, [None], {"": None}])


def _locations(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if len(path) >= 12:  # mutate near the surface; deep nesting is itself a mutation
        return
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _locations(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _locations(item, (*path, index))


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def _deep(value: Any, depth: int) -> Any:
    """``value`` wrapped ``depth`` times in alternating content lists and blocks."""
    for level in range(depth):
        value = [value] if level % 2 else {"type": "text", "content": value}
    return value


@st.composite
def mutated(draw: st.DrawFn, payload: Any) -> Any:
    """``payload`` with one to four random structural mutations."""
    value = copy.deepcopy(payload)
    for _ in range(draw(st.integers(1, 4))):
        locations = list(_locations(value))
        path = draw(st.sampled_from(locations))
        target = _get(value, path)
        ops = ["wrong", "deep"]
        if path:
            ops.append("drop")
        if isinstance(target, str) and target:
            ops.append("truncate")
        if isinstance(target, list) and target:
            ops.append("shuffle")
        op = draw(st.sampled_from(ops))
        parent: Any = _get(value, path[:-1]) if path else None
        if op == "drop":
            del parent[path[-1]]
            continue
        if op == "truncate":
            new: Any = target[: draw(st.integers(0, len(target) - 1))]
        elif op == "shuffle":
            new = draw(st.permutations(target))
        elif op == "deep":
            # Kept below the depth of test_deeply_nested_unknown_item_raises_a_bridge_error.
            new = _deep(target, draw(st.sampled_from([2, 30, 100])))
        else:
            new = copy.deepcopy(draw(_WRONG))  # the samples are shared objects
        if not path:
            value = new
        else:
            parent[path[-1]] = new
    return value


@pytest.mark.parametrize("item", CORPUS, ids=lambda item: item.id)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutations_raise_only_bridge_errors(item: CorpusFile, data: st.DataObject) -> None:
    payload = data.draw(mutated(item.payload))
    request = item.sibling("request", item.fmt) if item.kind == "response" else None
    for target in ("anthropic", "chat", "responses", "completions"):
        options: dict[str, Any] = dict(DETERMINISTIC)
        if request is not None and target == item.fmt:
            options["request"] = request
        try:
            out = converter(item.kind)(payload, source=item.fmt, target=target, **options)
        except BridgeError:
            continue
        to_wire(out)


def test_failed_response_becomes_a_reported_stop() -> None:
    payload = next(
        item.payload
        for item in CORPUS
        if (item.case, item.kind, item.fmt) == ("plain_text", "response", "responses")
    )
    failed = {
        **payload,
        "status": "failed",
        "error": {"code": "server_error", "message": "The server had an error."},
    }
    losses: list[Loss] = []
    out = to_wire(
        converter("response")(failed, source="responses", target="chat", on_loss=losses.append)
    )
    # a ChatCompletion has no null finish reason: "stop", reported where the failure was said
    assert out["choices"][0]["finish_reason"] == "stop"
    assert [(x.path, x.feature) for x in losses if x.feature == "stop_reason"] == [
        ("status", "stop_reason")
    ]


@pytest.mark.parametrize("source", ["chat", "responses"])
def test_refusal_becomes_content_filter_in_completions(source: str) -> None:
    payload = next(
        item.payload
        for item in CORPUS
        if (item.case, item.kind, item.fmt) == ("refusal", "response", source)
    )
    out = to_wire(converter("response")(payload, source=source, target="completions"))
    assert out["choices"][0]["finish_reason"] == "content_filter"


@pytest.mark.parametrize("target", ["responses", "chat"])
def test_deeply_nested_unknown_item_raises_a_bridge_error(target: str) -> None:
    payload = {"model": "gpt-4.1", "input": [_deep({"role": "user", "content": "hi"}, 1001)]}
    with pytest.raises(BridgeError):
        converter("request")(payload, source="responses", target=target)


def test_empty_chat_refusal_is_no_refusal() -> None:
    payload = next(
        item.payload
        for item in CORPUS
        if (item.case, item.kind, item.fmt) == ("plain_text", "response", "chat")
    )
    payload["choices"][0]["message"]["refusal"] = ""
    out = to_wire(converter("response")(payload, source="chat", target="anthropic"))
    assert out["stop_reason"] == "end_turn"
    assert all(block.get("text") != "" for block in out["content"])
