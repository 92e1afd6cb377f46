"""Deterministic re-chunkings of a stream: its deltas merged, or each split in two.

``check_stream_conversion`` converts these next to the stream itself: what a stream says must
not depend on how its server happened to chunk it. Only events that carry nothing but one
growing string are touched (anthropic ``text_delta`` / ``input_json_delta`` /
``thinking_delta``; chat chunks with one choice whose delta is only ``content`` or only one tool
call's argument fragment; Responses text, refusal, argument and reasoning deltas without
logprobs; Completions chunks with one choice's text); Responses sequence numbers are counted
again.
"""

from __future__ import annotations

import copy
from typing import Any

from typing_extensions import assert_never

from ...options import Format

__all__ = ["merged", "split"]

_Slot = tuple[tuple[Any, ...], list[str | int]]
"""(what the fragment continues: equal keys may merge, the path to its string)."""

_ANTHROPIC_FIELDS = {"text_delta": "text", "input_json_delta": "partial_json"}
_ANTHROPIC_FIELDS |= {"thinking_delta": "thinking"}
_RESPONSES_DELTAS = frozenset(
    {
        "response.output_text.delta",
        "response.refusal.delta",
        "response.function_call_arguments.delta",
        "response.reasoning_summary_text.delta",
        "response.reasoning_text.delta",
    }
)


def merged(fmt: Format, events: list[Any]) -> list[Any]:
    """``events`` with each run of fragments of the same string merged into its first event."""
    out: list[Any] = []
    previous: _Slot | None = None
    for event in events:
        slot = _slot(fmt, event)
        if slot is not None and previous is not None and slot[0] == previous[0]:
            _set(out[-1], previous[1], _get(out[-1], previous[1]) + _get(event, slot[1]))
            continue
        out.append(copy.deepcopy(event))
        previous = slot
    return _renumbered(fmt, out)


def split(fmt: Format, events: list[Any]) -> list[Any]:
    """``events`` with each fragment of two characters or more split in the middle."""
    out: list[Any] = []
    for event in events:
        slot = _slot(fmt, event)
        text = _get(event, slot[1]) if slot is not None else ""
        if slot is None or len(text) < 2:
            out.append(event)
            continue
        for piece in (text[: len(text) // 2], text[len(text) // 2 :]):
            copied = copy.deepcopy(event)
            _set(copied, slot[1], piece)
            out.append(copied)
    return _renumbered(fmt, out)


def _slot(fmt: Format, event: Any) -> _Slot | None:
    if not isinstance(event, dict):
        return None
    match fmt:
        case "anthropic":
            return _anthropic_slot(event)
        case "chat":
            return _chat_slot(event)
        case "responses":
            return _responses_slot(event)
        case "completions":
            return _completions_slot(event)
        case _:
            assert_never(fmt)


def _anthropic_slot(event: dict[str, Any]) -> _Slot | None:
    delta = event.get("delta")
    if event.get("type") != "content_block_delta" or not isinstance(delta, dict):
        return None
    name = _ANTHROPIC_FIELDS.get(str(delta.get("type")))
    if name is None or not isinstance(delta.get(name), str) or set(delta) != {"type", name}:
        return None
    return (event.get("index"), delta["type"]), ["delta", name]


def _single_choice(event: dict[str, Any]) -> dict[str, Any] | None:
    choices = event.get("choices")
    if event.get("usage") is not None or not isinstance(choices, list) or len(choices) != 1:
        return None
    choice = choices[0]
    if not isinstance(choice, dict) or choice.get("finish_reason") is not None:
        return None
    return choice if choice.get("logprobs") is None else None


def _chat_slot(event: dict[str, Any]) -> _Slot | None:
    choice = _single_choice(event)
    delta = choice.get("delta") if choice is not None else None
    if choice is None or not isinstance(delta, dict):
        return None
    said = {key for key, value in delta.items() if value is not None}
    if said == {"content"} and isinstance(delta["content"], str):
        return (choice.get("index"), "content"), ["choices", 0, "delta", "content"]
    calls = delta.get("tool_calls")
    if said != {"tool_calls"} or not isinstance(calls, list) or len(calls) != 1:
        return None
    call = calls[0]
    function = call.get("function") if isinstance(call, dict) else None
    if not isinstance(function, dict) or set(call) != {"index", "function"}:
        return None
    if set(function) != {"arguments"} or not isinstance(function["arguments"], str):
        return None
    path: list[str | int] = ["choices", 0, "delta", "tool_calls", 0, "function", "arguments"]
    return (choice.get("index"), "call", call.get("index")), path


def _responses_slot(event: dict[str, Any]) -> _Slot | None:
    kind = event.get("type")
    if kind not in _RESPONSES_DELTAS or not isinstance(event.get("delta"), str):
        return None
    if event.get("logprobs"):
        return None
    keys = ("item_id", "output_index", "content_index", "summary_index")
    return (kind, *(event.get(key) for key in keys)), ["delta"]


def _completions_slot(event: dict[str, Any]) -> _Slot | None:
    choice = _single_choice(event)
    if choice is None or not isinstance(choice.get("text"), str):
        return None
    return (choice.get("index"),), ["choices", 0, "text"]


def _get(value: Any, path: list[str | int]) -> str:
    for step in path:
        value = value[step]
    return str(value)


def _set(value: Any, path: list[str | int], text: str) -> None:
    for step in path[:-1]:
        value = value[step]
    value[path[-1]] = text


def _renumbered(fmt: Format, events: list[Any]) -> list[Any]:
    """Responses events numbered again by position (the others unchanged)."""
    if fmt != "responses":
        return events
    return [
        {**event, "sequence_number": n} if isinstance(event, dict) else event
        for n, event in enumerate(events)
    ]
