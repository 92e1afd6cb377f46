"""Semantic round trips A -> B -> A and mutation fuzzing of the entry points.

The *shared semantic subset* of a payload (texts, tool calls with ids, names and arguments, the
call ids tool results answer, stop reason, usage) must survive ``A -> B -> A`` for every pair of
anthropic / chat / responses, except what the first leg reported lost; completions joins where its
subset exists (plain single-turn text). The property and its documented normalisations live in
the testing kit (``openai_claude_bridge.testing.check_conversion``: its ``facts`` and
``round_trip`` modules), which also holds each conversion to the target's model, turn rules and
loss paths; here it runs over the golden corpus and over generated payloads.

Mutation fuzzing: structural mutations of the corpus payloads (keys dropped, values replaced by
wrong types, strings truncated, values nested deeply) make ``convert_request`` /
``convert_response`` either succeed or raise a ``BridgeError`` subclass, nothing else.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from openai_claude_bridge import BridgeError, Loss, anthropic, chat, responses, to_wire
from openai_claude_bridge.testing import Violation, check_conversion
from openai_claude_bridge.testing.checks.facts import facts_of
from openai_claude_bridge.testing.strategies import wire_payloads
from tests.golden.cases import DETERMINISTIC, CorpusFile, Kind, converter, corpus_files

THREE = ("anthropic", "chat", "responses")
PAIRS = [(a, b) for a, b in itertools.product(THREE, THREE) if a != b]


def semantic_round_trip(kind: Kind, payload: Any, a: str, b: str) -> list[Violation]:
    """What the testing kit's ``check_conversion`` finds in ``a -> b`` of ``payload``: the
    semantic subset kept through ``a -> b -> a`` among the rest (deterministic ids)."""
    return check_conversion(payload, source=a, target=b, kind=kind, **DETERMINISTIC)


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
    facts = facts_of(item.kind, item.fmt, payload)
    texts = [f for _, f in facts if f[0] == "text"]
    calls = [f for _, f in facts if f[0] in ("call", "result")]
    if item.kind == "request":
        completions = item.sibling("request", "completions")
        return completions is not None and len(texts) == 1 and not calls
    return item.sibling("response", "completions") is not None and not calls


@pytest.mark.parametrize(("item", "target"), _corpus_params())
def test_corpus_semantic_round_trip(item: CorpusFile, target: str) -> None:
    assert semantic_round_trip(item.kind, item.payload, item.fmt, target) == []


def test_cached_usage_survives_every_pair() -> None:
    """A concrete reading of the property: 2006 prompt tokens with 1920 cached stay so."""
    for item in CORPUS:
        if item.case != "cached_usage" or item.kind != "response":
            continue
        for target in (*THREE, "completions"):
            out = to_wire(converter("response")(item.payload, source=item.fmt, target=target))
            usage = [f for _, f in facts_of("response", target, out) if f[0] == "usage"]
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
    found = semantic_round_trip(kind, payload, source, target)
    # the generator knows each API's shapes, not its rules: a refused payload says nothing
    assume(not any(v.rule == "conversion.refused" and v.path[:6] != "output" for v in found))
    assert [v for v in found if v.rule.startswith(("semantic.", "conversion."))] == []


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
