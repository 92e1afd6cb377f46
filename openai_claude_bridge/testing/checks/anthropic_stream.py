"""The anthropic stream rules (BEHAVIOR.md, "Stream rules of each target": anthropic).

A Messages stream is ``message_start``, then its content blocks one after the other (each
``content_block_start``, its deltas, ``content_block_stop``), then exactly one ``message_delta``
and ``message_stop``; ``ping`` may come anywhere, and an ``error`` event ends the stream instead
(a stream cut short must end with one). Paths are ``events[i]`` and fields under it.

=================================  ===========================================================
rule                               what it means
=================================  ===========================================================
``anthropic.message_start``        the stream does not open with ``message_start`` (pings
                                   aside), or has a second one
``anthropic.one_open_block``       a block starts while the previous one is still open
``anthropic.block_index``          a block's index is not the next one (0, 1, 2, … in order),
                                   or a delta / stop names a block that is not the open one
``anthropic.block_start``          ``content_block_start`` already carries content (its
                                   ``text``, ``input``, ``thinking`` or ``signature`` is not
                                   empty): content travels in deltas
``anthropic.delta_type``           a delta of a type its block does not take (``text_delta`` /
                                   ``citations_delta`` for text, ``input_json_delta`` for
                                   tool use, ``thinking_delta`` / ``signature_delta`` for
                                   thinking)
``anthropic.empty_text_block``     a text block closed without any text
``anthropic.block_left_open``      ``message_delta``, ``message_stop`` or the end of the
                                   stream comes while a block is open
``anthropic.after_message_delta``  a block starts after ``message_delta``
``anthropic.one_message_delta``    ``message_stop`` without a ``message_delta`` before it, or a
                                   second ``message_delta``
``anthropic.usage``                ``message_delta`` without ``usage.output_tokens``
``anthropic.message_stop``         the stream ends without ``message_stop`` and without an
                                   ``error`` event (a cut stream that looks complete to the
                                   client's SDK only by accident), or has a second one
``anthropic.after_end``            an event after ``message_stop`` or after an ``error`` event
``anthropic.unknown_event``        an event type the Messages stream does not have
``stream.not_an_object``           an event that is not a JSON object
=================================  ===========================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..violations import Violation

__all__ = ["check_anthropic_stream"]

#: The delta types each kind of block takes; blocks not named here are not checked.
_DELTAS: dict[str, frozenset[str]] = {
    "text": frozenset({"text_delta", "citations_delta"}),
    "tool_use": frozenset({"input_json_delta"}),
    "server_tool_use": frozenset({"input_json_delta"}),
    "thinking": frozenset({"thinking_delta", "signature_delta"}),
}

#: What each kind of block must start with: its content arrives in deltas.
_EMPTY_START: dict[str, dict[str, Any]] = {
    "text": {"text": ""},
    "tool_use": {"input": {}},
    "thinking": {"thinking": "", "signature": ""},
}

_KNOWN = frozenset(
    {
        "message_start",
        "content_block_start",
        "content_block_delta",
        "content_block_stop",
        "message_delta",
        "message_stop",
        "ping",
        "error",
    }
)


@dataclass
class _Block:
    index: int
    kind: str
    where: str
    has_text: bool = False


@dataclass
class _State:
    found: list[Violation] = field(default_factory=list)
    started: bool = False
    ended_by: str | None = None
    block: _Block | None = None
    next_index: int = 0
    message_deltas: int = 0

    def add(self, rule: str, path: str, message: str) -> None:
        self.found.append(Violation(rule, path, message))


def check_anthropic_stream(events: list[Any]) -> list[Violation]:
    """The violations of the anthropic stream rules in ``events`` (JSON objects)."""
    state = _State()
    for i, event in enumerate(events):
        where = f"events[{i}]"
        if not isinstance(event, dict):
            state.add("stream.not_an_object", where, f"event {i} is not a JSON object")
            continue
        kind = event.get("type")
        if state.ended_by == "message_stop" and kind == "message_stop":
            state.add("anthropic.message_stop", where, "a second message_stop")
            break
        if state.ended_by is not None:
            state.add(
                "anthropic.after_end",
                where,
                f"a {kind!r} event follows the stream's {state.ended_by}: nothing may come after",
            )
            break
        _event(state, event, kind, where)
    _ending(state, len(events))
    return state.found


def _event(state: _State, event: dict[str, Any], kind: Any, where: str) -> None:
    if kind == "ping":
        return
    if kind == "error":
        state.ended_by = "error event"
        return
    if kind == "message_start":
        if state.started:
            state.add("anthropic.message_start", where, "a second message_start")
        state.started = True
        return
    if not state.started:
        state.add("anthropic.message_start", where, f"a {kind!r} event comes before message_start")
        state.started = True
    match kind:
        case "content_block_start":
            _block_start(state, event, where)
        case "content_block_delta":
            _block_delta(state, event, where)
        case "content_block_stop":
            _block_stop(state, event, where)
        case "message_delta":
            _message_delta(state, event, where)
        case "message_stop":
            _message_stop(state, where)
        case _:
            state.add("anthropic.unknown_event", f"{where}.type", f"unknown event type {kind!r}")


def _block_start(state: _State, event: dict[str, Any], where: str) -> None:
    index = event.get("index")
    if state.message_deltas:
        state.add("anthropic.after_message_delta", where, "a block starts after message_delta")
    if state.block is not None:
        state.add(
            "anthropic.one_open_block",
            where,
            f"block {index} starts while block {state.block.index} is still open",
        )
    if index != state.next_index:
        state.add(
            "anthropic.block_index",
            f"{where}.index",
            f"block {index} starts where block {state.next_index} comes next",
        )
    block = event.get("content_block")
    kind = block.get("type") if isinstance(block, dict) else None
    for key, empty in _EMPTY_START.get(str(kind), {}).items():
        if isinstance(block, dict) and block.get(key, empty) != empty:
            state.add(
                "anthropic.block_start",
                f"{where}.content_block.{key}",
                f"a {kind} block starts with {key} {block.get(key)!r}: it must start empty",
            )
    position = index if isinstance(index, int) else state.next_index
    state.block = _Block(position, str(kind), where)
    state.next_index = position + 1


def _open_block(state: _State, event: dict[str, Any], where: str, what: str) -> _Block | None:
    index = event.get("index")
    if state.block is None:
        state.add(
            "anthropic.block_index",
            f"{where}.index",
            f"a {what} for block {index}, which is not open",
        )
        return None
    if index != state.block.index:
        state.add(
            "anthropic.block_index",
            f"{where}.index",
            f"a {what} for block {index} while block {state.block.index} is the open one",
        )
    return state.block


def _block_delta(state: _State, event: dict[str, Any], where: str) -> None:
    block = _open_block(state, event, where, "delta")
    if block is None:
        return
    delta = event.get("delta")
    kind = delta.get("type") if isinstance(delta, dict) else None
    allowed = _DELTAS.get(block.kind)
    if allowed is not None and kind not in allowed:
        state.add(
            "anthropic.delta_type",
            f"{where}.delta.type",
            f"a {kind!r} delta in a {block.kind} block (it takes {', '.join(sorted(allowed))})",
        )
    if isinstance(delta, dict) and (
        kind == "citations_delta" or (kind == "text_delta" and delta.get("text"))
    ):
        block.has_text = True


def _block_stop(state: _State, event: dict[str, Any], where: str) -> None:
    block = _open_block(state, event, where, "content_block_stop")
    if block is None:
        return
    if block.kind == "text" and not block.has_text:
        state.add(
            "anthropic.empty_text_block",
            block.where,
            f"text block {block.index} closes without any text",
        )
    state.block = None


def _message_delta(state: _State, event: dict[str, Any], where: str) -> None:
    _no_open_block(state, where, "message_delta")
    state.message_deltas += 1
    if state.message_deltas > 1:
        state.add("anthropic.one_message_delta", where, "a second message_delta")
    usage = event.get("usage")
    if not isinstance(usage, dict) or "output_tokens" not in usage:
        state.add("anthropic.usage", f"{where}.usage", "message_delta has no usage.output_tokens")


def _message_stop(state: _State, where: str) -> None:
    _no_open_block(state, where, "message_stop")
    if not state.message_deltas:
        state.add("anthropic.one_message_delta", where, "message_stop without a message_delta")
    state.ended_by = "message_stop"


def _no_open_block(state: _State, where: str, what: str) -> None:
    if state.block is not None:
        state.add(
            "anthropic.block_left_open",
            where,
            f"{what} while block {state.block.index} is still open",
        )
        state.block = None


def _ending(state: _State, count: int) -> None:
    if state.ended_by is not None:
        return
    where = f"events[{count}]" if count else ""
    if state.block is not None:
        state.add(
            "anthropic.block_left_open",
            where,
            f"the stream ends with block {state.block.index} open",
        )
    what = "is empty" if not count else "ends"
    state.add(
        "anthropic.message_stop",
        where,
        f"the stream {what} without message_stop or an error event: a cut stream must say so",
    )
