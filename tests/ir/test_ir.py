"""The ir's nodes and the codec helpers every format's decoder and encoder share."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from openai_claude_bridge import (
    InvalidInputError,
    Loss,
    UnsupportedFeatureError,
    anthropic,
    chat,
    completions,
    ir,
    responses,
)
from openai_claude_bridge._codec import (
    build,
    carries_information,
    leftover,
    leftover_extra,
    report_foreign_extra,
)
from openai_claude_bridge.anthropic import TextBlockParam
from openai_claude_bridge.chat.models.shared import JSONSchema
from openai_claude_bridge.ir.stream import fragment
from openai_claude_bridge.options import Options
from openai_claude_bridge.testing.strategies import wire_payloads
from openai_claude_bridge.wire import from_wire, to_wire


def test_nodes_are_frozen_and_default_to_no_extra() -> None:
    part = ir.TextPart(text="hi")
    assert part.extra == {} and part.path == ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        part.text = "x"  # type: ignore[misc]


def test_every_part_kind_is_in_the_part_union() -> None:
    kinds = {
        ir.TextPart, ir.ImagePart, ir.DocumentPart, ir.AudioPart, ir.ToolCallPart,
        ir.ToolResultPart, ir.ReasoningPart, ir.RefusalPart, ir.NativePart,
    }  # fmt: skip
    assert set(get_args(ir.Part)) == kinds
    assert all(issubclass(k, ir.Node) for k in kinds)


def test_stream_events_are_light() -> None:
    for event in get_args(ir.StreamEvent):
        assert hasattr(event, "__slots__"), event
        assert not issubclass(event, ir.Node), event


def test_with_extra_and_extra_for() -> None:
    assert ir.with_extra("chat", {}) == {}
    extra = ir.with_extra("anthropic", {"speed": "fast"})
    node = ir.TextPart(text="a", extra=extra)
    assert dict(ir.extra_for(node, "anthropic")) == {"speed": "fast"}
    assert ir.extra_for(node, "chat") == {}


def test_leftover_keeps_unconsumed_and_unknown_fields() -> None:
    block = from_wire(
        TextBlockParam,
        {"type": "text", "text": "a", "cache_control": {"type": "ephemeral"}, "future": [1]},
    )
    assert leftover(block, {"type", "text"}) == {
        "cache_control": {"type": "ephemeral"},
        "future": [1],
    }
    extra = leftover_extra("anthropic", block, {"type", "text", "cache_control"})
    assert {k: dict(v) for k, v in extra.items()} == {"anthropic": {"future": [1]}}
    assert leftover_extra("anthropic", block, {"type", "text", "cache_control", "future"}) == {}


def test_build_restores_own_extra_only() -> None:
    node = ir.TextPart(
        text="a",
        extra={"anthropic": {"future": 1, "text": "overridden"}, "chat": {"name": "x"}},
    )
    block = build(TextBlockParam, {"type": "text", "text": "a"}, node, "anthropic")
    assert to_wire(block) == {"future": 1, "text": "a", "type": "text"}
    plain = build(TextBlockParam, {"text": "b"}, None, "anthropic")
    assert to_wire(plain) == {"type": "text", "text": "b"}


def test_build_validates_what_the_encoder_built() -> None:
    with pytest.raises(InvalidInputError) as info:
        build(TextBlockParam, {"text": 3}, None, "anthropic")
    assert info.value.path == "text"


def test_foreign_extra_is_reported_or_raises() -> None:
    node = ir.TextPart(
        text="a",
        path="messages[0].content[1]",
        extra={"anthropic": {"citations": [{"type": "x"}], "empty": {"a": None, "b": []}}},
    )
    losses: list[Loss] = []
    report_foreign_extra(node, "anthropic", Options(on_loss=losses.append))
    assert losses == []
    report_foreign_extra(node, "chat", Options(on_loss=losses.append))
    assert losses == [
        Loss(
            "messages[0].content[1].citations",
            "citations",
            "anthropic field 'citations' has no chat equivalent",
        )
    ]
    with pytest.raises(UnsupportedFeatureError) as info:
        report_foreign_extra(node, "responses", Options(strict=True))
    assert info.value.path == "messages[0].content[1].citations"


def test_values_without_information_are_not_losses() -> None:
    assert not carries_information(None)
    assert not carries_information({"a": None, "b": [], "c": {"d": {}}})
    assert carries_information({"a": None, "b": [0]})
    assert carries_information(False) and carries_information("")


def test_echo_is_restored_to_its_format_and_never_reported() -> None:
    node = ir.TextPart(text="a", echo={"anthropic": {"future": "echoed"}})
    assert to_wire(build(TextBlockParam, {"text": "a"}, node, "anthropic"))["future"] == "echoed"
    losses: list[Loss] = []
    report_foreign_extra(node, "chat", Options(strict=True, on_loss=losses.append))
    assert losses == []


@given(
    index=st.integers(),
    kind=st.sampled_from(["text", "arguments", "reasoning", "summary", "signature"]),
    text=st.text(),
    candidate=st.integers(),
    summary_index=st.integers(),
)
def test_the_hot_lanes_fragment_is_the_part_delta_its_constructor_makes(
    index: int, kind: ir.DeltaKind, text: str, candidate: int, summary_index: int
) -> None:
    made = fragment(index, kind, text, candidate, summary_index)
    expected = ir.PartDelta(index, kind, text, candidate=candidate, summary_index=summary_index)
    assert made == expected
    assert hash(made) == hash(expected)
    assert dataclasses.astuple(made) == dataclasses.astuple(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[misc]


def _submodels(value: object) -> Iterator[BaseModel]:
    """``value`` and every wire model inside it (fields, extras, lists)."""
    if isinstance(value, BaseModel):
        yield value
        for name in value.model_fields_set:
            yield from _submodels(getattr(value, name, None))
        for item in (value.__pydantic_extra__ or {}).values():
            yield from _submodels(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _submodels(item)


#: Models whose trees hold every kind of field ``leftover`` meets: responses of every format,
#: and models with aliased fields (chat's ``JSONSchema.schema_`` is ``schema`` on the wire,
#: anthropic's ``FallbackBlock.from_`` is ``from``).
_LEFTOVER_TYPES = (
    anthropic.Message,
    chat.ChatCompletion,
    responses.Response,
    completions.Completion,
    JSONSchema,
    anthropic.FallbackBlock,
)


@given(st.sampled_from(_LEFTOVER_TYPES).flatmap(wire_payloads), st.data())
def test_leftover_is_the_whole_dump_less_the_consumed_fields(payload: Any, data: Any) -> None:
    """``leftover`` tells from the names a model set whether anything is left, and dumps only
    what is: the same entries, in the same order, as filtering the model's whole dump."""
    tp = next(tp for tp in _LEFTOVER_TYPES if _validates(tp, payload))
    for model in _submodels(from_wire(tp, payload)):
        whole = to_wire(model)
        names = sorted({*whole, *type(model).model_fields, "from_", "schema_"})
        picked = st.sampled_from(names)
        consumed = data.draw(st.sets(picked) | st.frozensets(picked) | st.lists(picked))
        expected = {key: value for key, value in whole.items() if key not in consumed}
        got = leftover(model, consumed)
        assert got == expected and list(got) == list(expected)


def _validates(tp: Any, payload: Any) -> bool:
    try:
        from_wire(tp, payload)
    except InvalidInputError:
        return False
    return True


@pytest.mark.parametrize(
    ("consumed", "left"),
    [
        ({"name", "schema", "future"}, {}),
        ({"name", "future"}, {"schema": {"type": "object"}}),
        ({"name", "schema_", "future"}, {"schema": {"type": "object"}}),  # not a wire name
        (("name", "schema"), {"future": 1}),
        ({"schema"}, {"name": "n", "future": 1}),
    ],
)
def test_leftover_goes_by_wire_names(consumed: Any, left: dict[str, Any]) -> None:
    model = from_wire(JSONSchema, {"name": "n", "schema": {"type": "object"}, "future": 1})
    assert leftover(model, consumed) == left


def test_leftover_of_one_plain_value_goes_by_its_wire_name() -> None:
    call = from_wire(
        responses.ResponseFunctionToolCall,
        {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}", "async": True},
    )
    assert leftover(call, {"type", "call_id", "name", "arguments"}) == {"async": True}
    assert leftover(call, {"type", "call_id", "name", "async"}) == {"arguments": "{}"}
