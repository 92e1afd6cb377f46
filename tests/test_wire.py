"""The wire base: exact round trips, three field states, strict types, open unions, error paths."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Literal, Optional, Union

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import Field

from openai_claude_bridge import InvalidInputError, from_wire, to_wire
from openai_claude_bridge.testing.strategies import json_values, wire_payloads
from openai_claude_bridge.wire import (
    Number,
    OpenUnion,
    WireModel,
    from_fields,
    json_path,
    union_tags,
)
from tests.support.roundtrip import assert_roundtrip


class Text(WireModel):
    type: Literal["text"] = "text"
    text: str
    weight: Optional[Number] = None


class Image(WireModel):
    type: Literal["image"] = "image"
    url: str


class UnknownPart(WireModel):
    type: str


Part = Annotated[Union[Text, Image, UnknownPart], OpenUnion("type", fallback=UnknownPart)]


class User(WireModel):
    role: Literal["user"] = "user"
    content: Union[str, list[Part]]


class Assistant(WireModel):
    role: Literal["assistant"] = "assistant"
    content: Optional[str] = None


Message = Annotated[Union[User, Assistant], OpenUnion("role")]


class Blank(WireModel):
    """A member whose tag is the text hypothesis draws first: ``""``."""

    type: Literal[""] = ""
    needed: str


Slot = Annotated[Union[Blank, UnknownPart], OpenUnion("type", fallback=UnknownPart)]


class Holder(WireModel):
    slot: Slot


class Request(WireModel):
    messages: list[Message]
    max_tokens: int
    schema_: Optional[dict[str, Any]] = Field(default=None, alias="schema")
    nested: Optional[Request] = None


def test_absent_null_and_value_are_kept_apart() -> None:
    absent = {"role": "assistant"}
    null = {"role": "assistant", "content": None}
    value = {"role": "assistant", "content": "hi"}
    for payload in (absent, null, value):
        assert to_wire(from_wire(Assistant, payload)) == payload


def test_tags_are_dumped_when_a_model_is_built_in_code() -> None:
    assert to_wire(Text(text="hi")) == {"type": "text", "text": "hi"}
    assert to_wire(User(content=[Text(text="a")])) == {
        "role": "user",
        "content": [{"type": "text", "text": "a"}],
    }


def test_numbers_keep_their_form() -> None:
    for weight in (1, 1.0, 0.5, -3):
        out = to_wire(from_wire(Text, {"type": "text", "text": "x", "weight": weight}))
        assert json.dumps(out["weight"]) == json.dumps(weight)


def test_unknown_fields_and_members_survive() -> None:
    payload = {
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "a", "future_field": {"x": [1, None]}},
                    {"type": "hologram", "frames": 3, "meta": None},
                ],
            }
        ],
        "max_tokens": 5,
        "top_level_extra": True,
        "schema": {"type": "object"},
    }
    model = assert_roundtrip(Request, payload)
    user = model.messages[0]
    assert isinstance(user, User)
    assert isinstance(user.content, list)
    assert isinstance(user.content[1], UnknownPart)
    assert model.schema_ == {"type": "object"}


def test_union_tags_lists_the_known_members() -> None:
    assert union_tags(Part) == {"text", "image"}
    assert union_tags(Message) == {"user", "assistant"}


@pytest.mark.parametrize(
    ("payload", "path", "fragment"),
    [
        ({"messages": [], "max_tokens": "5"}, "max_tokens", "valid integer"),
        ({"messages": [], "max_tokens": True}, "max_tokens", "valid integer"),
        ({"messages": []}, "max_tokens", "required field is missing"),
        ({"messages": [{"role": "system"}], "max_tokens": 1}, "messages[0]", "unknown role"),
        ({"messages": [{"content": "x"}], "max_tokens": 1}, "messages[0]", "missing 'role'"),
        (
            {"messages": [{"role": "user", "content": [{"type": "text"}]}], "max_tokens": 1},
            "messages[0].content[0].text",
            "required field is missing",
        ),
        (
            {
                "messages": [{"role": "user", "content": [{"type": "text", "text": 3}]}],
                "max_tokens": 1,
            },
            "messages[0].content[0].text",
            "valid string",
        ),
        (
            {"messages": [{"role": "user", "content": [{"text": "x"}]}], "max_tokens": 1},
            "messages[0].content[0]",
            "missing 'type'",
        ),
        (
            {"messages": [{"role": "user", "content": 7}], "max_tokens": 1},
            "messages[0].content",
            "",
        ),
        (
            {"messages": [], "max_tokens": 1, "nested": {"messages": "no", "max_tokens": 1}},
            "nested.messages",
            "valid list",
        ),
        ({"messages": [], "max_tokens": 1, "schema": []}, "schema", "JSON object"),
        ([1, 2], "", "JSON object"),
    ],
)
def test_bad_input_points_at_the_offending_value(payload: Any, path: str, fragment: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(Request, payload)
    assert info.value.path == path
    assert fragment in info.value.message
    assert info.value.status_hint == 400


@pytest.mark.parametrize("text", ["{", b"\xff\xfe", "[1,", "nul"])
def test_non_json_text_is_invalid_input(text: str | bytes) -> None:
    with pytest.raises(InvalidInputError, match="not valid JSON") as info:
        from_wire(Request, text, path="body", event_index=3)
    assert info.value.path == "body"
    assert info.value.event_index == 3


def test_json_text_is_accepted() -> None:
    model = from_wire(Request, '{"messages": [], "max_tokens": 2}')
    assert to_wire(model) == {"messages": [], "max_tokens": 2}


_PARTS = [{"type": "text", "text": "a"}, {"type": "hologram", "frames": 3}]


@pytest.mark.parametrize(
    ("tp", "payload"),
    [
        (list[Part], _PARTS),
        (dict[str, Message], {"m": {"role": "assistant", "content": "hi"}}),
        (Optional[list[Text]], _PARTS[:1]),
    ],
)
def test_parameterized_generics_parse_on_every_python(tp: Any, payload: Any) -> None:
    # Python 3.10 counts ``list[X]`` as an instance of ``type`` but refuses it in ``isinstance``:
    # ``from_wire`` must not hand such a type to ``isinstance``.
    parsed = from_wire(tp, payload)
    assert from_wire(tp, parsed) == parsed
    with pytest.raises(InvalidInputError):
        from_wire(tp, 5)


def test_path_prefix_and_rendering() -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(Text, {"type": "text"}, path="events[4].delta")
    assert info.value.path == "events[4].delta.text"
    assert json_path(["a", 0, "b c", 1]) == 'a[0]["b c"][1]'
    # only ASCII identifiers go bare: a path stays readable by any JSON-path reader
    assert json_path(["x_\u00ff", "é"]) == '["x_\\u00ff"]["\\u00e9"]'


def test_every_problem_is_listed_in_details() -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(Request, {"messages": [{"role": "user", "content": [{"type": "text"}]}]})
    paths = {p for p, _ in info.value.details}
    assert paths == {"max_tokens", "messages[0].content[0].text"}


def test_models_are_frozen() -> None:
    text = Text(text="a")
    with pytest.raises(Exception):  # noqa: B017 - pydantic's ValidationError for frozen instances
        text.text = "b"  # type: ignore[misc]


def test_deeply_nested_payload_is_invalid_input_not_a_crash() -> None:
    payload: dict[str, Any] = {"messages": [], "max_tokens": 1}
    for _ in range(3000):
        payload = {"messages": [], "max_tokens": 1, "nested": payload}
    try:
        model = from_wire(Request, payload)
    except InvalidInputError as exc:
        assert "nested" in exc.path or "deep" in exc.message
    else:
        assert isinstance(model, Request)


@settings(max_examples=200, deadline=None)
@given(wire_payloads(Request))
def test_generated_payloads_round_trip(payload: Any) -> None:
    assert_roundtrip(Request, payload)


@given(wire_payloads(Holder))
def test_generated_fallback_members_never_take_a_known_tag(payload: Any) -> None:
    # Pydantic keeps a field's OpenUnion marker in ``field.metadata``, not ``field.annotation``: a
    # strategy reading only the annotation gave the fallback member any text as its tag, a known
    # one included, and so made invalid payloads (an anthropic ``error`` without ``message``).
    model = assert_roundtrip(Holder, payload)
    assert isinstance(model.slot, Blank) == (payload["slot"]["type"] == "")


def _parsed(parse: Callable[[], Any]) -> Any:
    """The model ``parse`` gives (as JSON), or where and why it refused the input."""
    try:
        return to_wire(parse())
    except InvalidInputError as exc:
        return exc.path, str(exc), exc.details


@given(
    wire_payloads(Request) | st.dictionaries(st.sampled_from(["model", "messages"]), json_values)
)
def test_from_fields_parses_a_dict_of_fields_as_from_wire_does(payload: Any) -> None:
    """An encoder's dict of fields goes straight to the model's validator: the same model, or
    the same error, as :func:`from_wire` gives."""
    assert _parsed(lambda: from_fields(Request, payload)) == _parsed(
        lambda: from_wire(Request, payload)
    )


@given(wire_payloads(Request))
def test_to_wire_is_model_dump_of_the_set_fields_by_alias(payload: Any) -> None:
    """``to_wire`` asks the serializer at once what ``model_dump`` would ask it."""
    model = from_wire(Request, payload)
    dumped = model.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert to_wire(model) == dumped and list(to_wire(model)) == list(dumped)
