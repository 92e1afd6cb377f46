"""The Responses stream rules (BEHAVIOR.md, "Stream rules of each target": responses).

A Responses stream is ``response.created``, ``response.in_progress``, then each output item
(``response.output_item.added``, its parts and deltas, ``response.output_item.done``), then
exactly one terminal event (``response.completed`` / ``response.incomplete`` /
``response.failed``); an ``error`` event may come before ``response.failed`` or end the stream
alone. ``sequence_number`` counts the events from 0; ``output_index`` numbers the items in
order; ``item_id`` is the item's ``id``, never its ``call_id``; the terminal response's
``output`` is what the stream built: the done items, whose texts and arguments are what their
deltas said. Paths are ``events[i]`` and fields under it.

================================  ============================================================
rule                              what it means
================================  ============================================================
``responses.sequence_number``     a ``sequence_number`` that is not the event's position
                                  (0, 1, 2, …): it starts elsewhere, repeats, goes back or
                                  skips events
``responses.created_first``       the stream does not open with ``response.created`` then
                                  ``response.in_progress`` (a stream may fail right after
                                  ``response.created``)
``responses.one_terminal``        the stream ends without a terminal event (nor an ``error``
                                  event), has a second one, or goes on after it
``responses.response_id``         the terminal or ``in_progress`` response's ``id`` differs from
                                  the created one's
``responses.output_index``        an item added at an ``output_index`` that is not the next, or
                                  an event for an item never added or already done
``responses.item_done``           ``output_item.done`` of another type or id than the item added
                                  there, or an item added and never done
``responses.item_id``             an ``item_id`` that is not the id of the item at its
                                  ``output_index`` (e.g. the item's ``call_id``)
``responses.delta_mismatch``      a ``.done`` event or a done item whose text, refusal,
                                  arguments, input or reasoning differs from what its deltas
                                  built
``responses.terminal_output``     the terminal response's ``output`` is not the list of done
                                  items (their ``encrypted_content`` aside)
``stream.not_an_object``          an event that is not a JSON object
================================  ============================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..violations import Violation
from ._json_diff import first_difference

__all__ = ["TERMINAL_EVENTS", "check_responses_stream"]

#: The events that end a Responses stream.
TERMINAL_EVENTS = frozenset({"response.completed", "response.incomplete", "response.failed"})

#: Delta events: (channel, the field that numbers the sub-part, or ``None``).
_DELTAS: dict[str, tuple[str, str | None]] = {
    "response.output_text.delta": ("content", "content_index"),
    "response.refusal.delta": ("content", "content_index"),
    "response.function_call_arguments.delta": ("arguments", None),
    "response.custom_tool_call_input.delta": ("input", None),
    "response.reasoning_summary_text.delta": ("summary", "summary_index"),
    "response.reasoning_text.delta": ("reasoning", "content_index"),
}

#: ``.done`` events: (channel, sub-part field, the field holding the whole value).
_DONES: dict[str, tuple[str, str | None, str]] = {
    "response.output_text.done": ("content", "content_index", "text"),
    "response.refusal.done": ("content", "content_index", "refusal"),
    "response.function_call_arguments.done": ("arguments", None, "arguments"),
    "response.custom_tool_call_input.done": ("input", None, "input"),
    "response.reasoning_summary_text.done": ("summary", "summary_index", "text"),
    "response.reasoning_text.done": ("reasoning", "content_index", "text"),
}

#: Events that add a part, and the channels whose text that part holds.
_PARTS_ADDED: dict[str, tuple[str, ...]] = {
    "response.content_part.added": ("content", "reasoning"),
    "response.reasoning_summary_part.added": ("summary",),
}

_Key = tuple[int, str, int]
"""(output_index, channel, sub-part index) of a value built by deltas."""


@dataclass
class _State:
    found: list[Violation] = field(default_factory=list)
    response_id: Any = None
    terminal_at: int | None = None
    error_at: int | None = None
    added: list[dict[str, Any]] = field(default_factory=list)
    done: dict[int, dict[str, Any]] = field(default_factory=dict)
    built: dict[_Key, str] = field(default_factory=dict)
    """All the deltas of each value: what its done item holds."""
    since_added: dict[_Key, str] = field(default_factory=dict)
    """The deltas of each value since its part was (re)added: what its ``.done`` event says."""

    def add(self, rule: str, path: str, message: str) -> None:
        self.found.append(Violation(rule, path, message))


def check_responses_stream(events: list[Any]) -> list[Violation]:
    """The violations of the Responses stream rules in ``events`` (JSON objects)."""
    state = _State()
    _sequence_numbers(state, events)
    _opening(state, events)
    for i, event in enumerate(events):
        where = f"events[{i}]"
        if not isinstance(event, dict):
            state.add("stream.not_an_object", where, f"event {i} is not a JSON object")
            continue
        if state.terminal_at is not None:
            rule = "responses.one_terminal"
            kind = event.get("type")
            state.add(
                rule, where, f"a {kind!r} event follows the terminal events[{state.terminal_at}]"
            )
            break
        _event(state, event, where, i)
    _ending(state, events)
    return state.found


def _sequence_numbers(state: _State, events: list[Any]) -> None:
    for i, event in enumerate(events):
        number = event.get("sequence_number") if isinstance(event, dict) else None
        if number != i:
            previous = (
                events[i - 1].get("sequence_number")
                if i and isinstance(events[i - 1], dict)
                else None
            )
            how = f"after {previous}" if i else "at the start"
            state.add(
                "responses.sequence_number",
                f"events[{i}].sequence_number",
                f"sequence_number {number} {how}: event {i} must be numbered {i}",
            )
            return  # one is enough: every later number is off by the same cause


def _opening(state: _State, events: list[Any]) -> None:
    types = [e.get("type") if isinstance(e, dict) else None for e in events[:2]]
    if types and types[0] == "error":
        return  # the stream failed before it began
    for i, expected in enumerate(("response.created", "response.in_progress")):
        if i == 1 and len(types) == 2 and (types[1] in TERMINAL_EVENTS or types[1] == "error"):
            break  # a stream that fails right after it was created
        if i >= len(types) or types[i] != expected:
            got = repr(types[i]) if i < len(types) else "nothing"
            state.add("responses.created_first", f"events[{i}]", f"{got} where {expected} comes")
            return
    first = events[0].get("response")
    state.response_id = first.get("id") if isinstance(first, dict) else None


def _event(state: _State, event: dict[str, Any], where: str, i: int) -> None:
    kind = event.get("type")
    if kind in ("response.created", "response.in_progress") or kind in TERMINAL_EVENTS:
        _same_response(state, event, where)
        if kind in TERMINAL_EVENTS:
            state.terminal_at = i
            _terminal_output(state, event, where)
        return
    if kind == "error":
        state.error_at = i
        return
    if kind == "response.output_item.added":
        _item_added(state, event, where)
        return
    index = event.get("output_index")
    if not isinstance(index, int):
        return
    if index >= len(state.added) or index in state.done:
        what = "never added" if index >= len(state.added) else "already done"
        state.add(
            "responses.output_index",
            f"{where}.output_index",
            f"a {kind} event for output item {index}, which is {what}",
        )
        return
    if kind == "response.output_item.done":
        _item_done(state, event, where, index)
        return
    _item_event(state, event, where, index, str(kind))


def _same_response(state: _State, event: dict[str, Any], where: str) -> None:
    response = event.get("response")
    got = response.get("id") if isinstance(response, dict) else None
    if state.response_id is not None and got != state.response_id:
        state.add(
            "responses.response_id",
            f"{where}.response.id",
            f"response id {got!r} where the stream created {state.response_id!r}",
        )


def _item_added(state: _State, event: dict[str, Any], where: str) -> None:
    index = event.get("output_index")
    if index != len(state.added):
        state.add(
            "responses.output_index",
            f"{where}.output_index",
            f"an item added at output_index {index} where {len(state.added)} comes next",
        )
    item = event.get("item")
    state.added.append(item if isinstance(item, dict) else {})


def _item_done(state: _State, event: dict[str, Any], where: str, index: int) -> None:
    item = event.get("item")
    item = item if isinstance(item, dict) else {}
    added = state.added[index]
    for key in ("type", "id"):
        if item.get(key) != added.get(key):
            state.add(
                "responses.item_done",
                f"{where}.item.{key}",
                f"output item {index} is done with {key} {item.get(key)!r} "
                f"but was added with {added.get(key)!r}",
            )
    state.done[index] = item
    for (at, channel, sub), text in state.built.items():
        if at == index:
            whole = _item_value(item, channel, sub)
            if whole is not None and whole != text:
                state.add(
                    "responses.delta_mismatch",
                    f"{where}.item",
                    f"output item {index}'s {channel} is {_short(whole)} but its deltas built "
                    f"{_short(text)}",
                )


def _item_event(state: _State, event: dict[str, Any], where: str, index: int, kind: str) -> None:
    item = state.added[index]
    item_id = event.get("item_id")
    if "item_id" in event and item_id != item.get("id"):
        is_call_id = item_id is not None and item_id == item.get("call_id")
        state.add(
            "responses.item_id",
            f"{where}.item_id",
            f"item_id {item_id!r} is not output item {index}'s id {item.get('id')!r}"
            + (" (it is the item's call_id)" if is_call_id else ""),
        )
    if kind in _PARTS_ADDED:  # a part (re)starts: its text grows from nothing
        for channel in _PARTS_ADDED[kind]:
            numbered_by = "summary_index" if channel == "summary" else "content_index"
            state.since_added.pop((index, channel, _sub(event, numbered_by)), None)
    elif kind in _DELTAS:
        channel, delta_field = _DELTAS[kind]
        key = (index, channel, _sub(event, delta_field))
        delta = event.get("delta")
        text = delta if isinstance(delta, str) else ""
        state.built[key] = state.built.get(key, "") + text
        state.since_added[key] = state.since_added.get(key, "") + text
    elif kind in _DONES:
        channel, done_field, value_field = _DONES[kind]
        key = (index, channel, _sub(event, done_field))
        whole = event.get(value_field)
        built = state.since_added.get(key)
        if built is not None and whole != built:
            state.add(
                "responses.delta_mismatch",
                f"{where}.{value_field}",
                f"{kind} says {_short(whole)} but the deltas built {_short(built)}",
            )


def _sub(event: dict[str, Any], field_name: str | None) -> int:
    value = event.get(field_name) if field_name else 0
    return value if isinstance(value, int) else 0


def _item_value(item: dict[str, Any], channel: str, sub: int) -> str | None:
    """The value a done item holds for what deltas built (``None``: the item does not say)."""
    if channel in ("arguments", "input"):
        value = item.get(channel)
        return value if isinstance(value, str) else None
    listed = item.get("summary" if channel == "summary" else "content")
    if not isinstance(listed, list) or sub >= len(listed) or not isinstance(listed[sub], dict):
        return None
    part = listed[sub]
    value = part.get("refusal") if part.get("type") == "refusal" else part.get("text")
    return value if isinstance(value, str) else None


def _terminal_output(state: _State, event: dict[str, Any], where: str) -> None:
    response = event.get("response")
    output = response.get("output") if isinstance(response, dict) else None
    built = [_comparable(state.done[i]) for i in sorted(state.done)]
    said = [_comparable(item) for item in output] if isinstance(output, list) else output
    difference = first_difference(said, built)
    if difference is not None:
        state.add(
            "responses.terminal_output",
            f"{where}.response.output",
            f"the terminal response's output is not the {len(built)} item(s) the stream built "
            f"(output{difference})",
        )


def _comparable(item: Any) -> Any:
    """An output item as the terminal response must repeat it (``encrypted_content`` aside: the
    server may encrypt the same reasoning afresh)."""
    if isinstance(item, dict) and "encrypted_content" in item:
        return {k: v for k, v in item.items() if k != "encrypted_content"}
    return item


def _ending(state: _State, events: list[Any]) -> None:
    never_done = [i for i in range(len(state.added)) if i not in state.done]
    if never_done and state.error_at is None:
        state.add(
            "responses.item_done",
            f"events[{len(events)}]",
            f"output item(s) {never_done} added and never done",
        )
    if state.terminal_at is None and state.error_at is None:
        state.add(
            "responses.one_terminal",
            f"events[{len(events)}]",
            "the stream ends without a terminal event (completed / incomplete / failed) or an "
            "error event: a cut stream must say so",
        )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
