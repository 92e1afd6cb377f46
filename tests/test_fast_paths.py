"""Each fast path of the non-streaming conversions gives exactly what its slow path gives.

The speed work (issue 10) let converters skip work whose result they already have, or do it
with a faster tool where that gives the same result:

* a Responses decoder reads each output item's JSON from the one dump of the whole response
  instead of dumping every item (and every message's content parts) again, and makes the first
  part of an output message with the message's head at once (not made, then remade);
* a Completions usage's details objects, said whole by the ir's counts, are not dumped;
* JSON text the bridge writes (a tool input as arguments, a carrier) comes from pydantic-core's
  encoder where it writes what the standard library writes, and JSON it reads (arguments as an
  anthropic tool input) from pydantic-core's reader where it reads what the standard library
  reads (:mod:`._fast_json`).

These properties hold each fast path to its slow one over generated values: realistic responses
and schema-valid ones (unknown fields, unknown items, every union member), any JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from openai_claude_bridge import ir
from openai_claude_bridge._codec import leftover
from openai_claude_bridge._fast_json import compact_json, compact_json_bytes, loads_json
from openai_claude_bridge.chat.models.usage import CompletionUsage
from openai_claude_bridge.completions.usage import _DETAILS, decode_usage
from openai_claude_bridge.responses import Response
from openai_claude_bridge.responses.decode import (
    _output_item,
    content_part,
    decode_response,
    headed,
)
from openai_claude_bridge.responses.models.items import ResponseOutputMessage
from openai_claude_bridge.testing.strategies import json_values, responses, wire_payloads
from openai_claude_bridge.wire import WireModel, from_wire, json_path, to_wire


@given(st.one_of(responses("responses"), wire_payloads(Response)))
def test_responses_output_items_decode_alike_from_the_response_dump(payload: Any) -> None:
    resp = from_wire(Response, payload)
    each_dumped = tuple(
        part
        for i, item in enumerate(resp.output)
        for part in _output_item(item, json_path(["output", i]))
    )
    (candidate,) = decode_response(resp).candidates
    assert repr(candidate.parts) == repr(each_dumped)  # repr: a NaN equals itself


#: A response whose message is commentary (its first part carries the phase in ``extra`` too).
_COMMENTARY: dict[str, Any] = {
    "id": "resp_1",
    "object": "response",
    "created_at": 1,
    "model": "gpt-5",
    "status": "completed",
    "output": [
        {
            "type": "message",
            "id": "msg_1",
            "role": "assistant",
            "status": "completed",
            "phase": "commentary",
            "content": [
                {"type": "output_text", "text": "Reading the file.", "annotations": []},
                {"type": "refusal", "refusal": "no"},
            ],
        }
    ],
    "parallel_tool_calls": True,
    "tool_choice": "auto",
    "tools": [],
}


@given(st.one_of(responses("responses"), wire_payloads(Response)))
@example(_COMMENTARY)
def test_the_first_part_of_an_output_message_is_made_with_its_head(payload: Any) -> None:
    resp = from_wire(Response, payload)
    for item in resp.output:
        if not isinstance(item, ResponseOutputMessage) or not item.content:
            continue
        head = {key: value for key, value in to_wire(item).items() if key != "content"}
        first = item.content[0]
        made = content_part(first, "content[0]", {}, head=head)
        remade = headed(content_part(first, "content[0]", {}), head)
        assert repr(made) == repr(remade)


#: Any JSON value, and then some the standard library also writes: floats (``1e+16``, ``NaN``),
#: lone surrogates (half an emoji), tuples, non-string keys.
_ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner)
        | st.lists(inner).map(tuple)
        | st.dictionaries(st.text() | st.integers(), inner)
    ),
    max_leaves=30,
)


@given(json_values | _ANY_JSON, st.booleans())
@example([1e-07, 1e16], False)  # exponents: the standard library pads them to two digits
@example({"b": 1, "a": ["x"]}, True)
@example({"b": {"d": 1, "c": 2}}, True)  # sorted at every depth
@example([{"d": 1, "c": 2}], True)
@example({"text": "\ud83d"}, False)  # half an emoji
def test_compact_json_is_what_json_dumps_writes(value: Any, sort_keys: bool) -> None:
    def dumps() -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)

    def dumps_bytes() -> bytes:
        return dumps().encode("utf-8", "surrogatepass")

    assert _outcome(lambda: compact_json(value, sort_keys=sort_keys)) == _outcome(dumps)
    written = _outcome(lambda: compact_json_bytes(value, sort_keys=sort_keys))
    assert written == _outcome(dumps_bytes)


def _outcome(write: Callable[[], str | bytes]) -> tuple[str, str | bytes]:
    """What ``write`` wrote, or the kind of exception it raised (keys that do not sort)."""
    try:
        return "wrote", write()
    except (TypeError, ValueError) as exc:
        return "raised", type(exc).__name__


@pytest.mark.parametrize("depth", [150, 600])
def test_compact_json_of_deep_values_is_what_json_dumps_writes(depth: int) -> None:
    value: Any = "x"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    written = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert compact_json(value) == written


#: JSON texts: any value written compact or not, and text made of JSON's own characters (most of
#: it invalid, some of it only the standard library reads: lone surrogate escapes, deep nests).
_JSON_TEXTS = (
    _ANY_JSON.map(lambda value: json.dumps(value, ensure_ascii=False))
    | _ANY_JSON.map(json.dumps)
    | st.text(alphabet='{}[]",:0123456789.eE+-truefalsn \\\n\tud83\ud800')
)


@given(_JSON_TEXTS)
@example('"\\ud83d"')  # half an emoji, escaped: only the standard library reads it
@example("[" * 300 + "]" * 300)  # deeper than pydantic-core reads
@example('{"a": 1, "a": 2}')
@example("[1e400, -0, 5e-324, 1.0000000000000002, NaN]")
def test_loads_json_reads_what_json_loads_reads(text: str) -> None:
    assert _read(lambda: loads_json(text)) == _read(lambda: json.loads(text))


def _read(read: Callable[[], Any]) -> tuple[str, str]:
    """What ``read`` read (its repr: a NaN equals itself), or that it refused the text."""
    try:
        return "read", repr(read())
    except (ValueError, RecursionError):
        return "refused", ""


def _decode_usage_dumping_the_details(usage: CompletionUsage) -> ir.Usage:
    """:func:`decode_usage` as it was: every leftover dumped, the details then replaced."""
    extra = leftover(usage, ("prompt_tokens", "completion_tokens", "total_tokens"))
    counts: dict[str, Any] = {}
    for key, names in _DETAILS.items():
        details = getattr(usage, key)
        if isinstance(details, WireModel):
            found = {wire: getattr(details, wire) for wire in names}
            found = {wire: value for wire, value in found.items() if value is not None}
            counts.update({names[wire]: value for wire, value in found.items()})
            rest = leftover(details, found)
            if rest or not found:
                extra[key] = rest
            else:
                del extra[key]
    return ir.Usage(
        path="usage",
        extra=ir.with_extra("completions", extra),
        input_tokens=usage.prompt_tokens,
        output_tokens=usage.completion_tokens,
        total_tokens=usage.total_tokens,
        **counts,
    )


@given(wire_payloads(CompletionUsage))
def test_completions_usage_decodes_alike_without_dumping_its_details(payload: Any) -> None:
    usage = from_wire(CompletionUsage, payload)
    got, expected = decode_usage(usage), _decode_usage_dumping_the_details(usage)
    assert repr(got) == repr(expected)  # repr: the order of the leftovers too
