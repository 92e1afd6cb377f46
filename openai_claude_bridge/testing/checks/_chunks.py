"""The rules chat and Completions streams share: chunks of one completion, each choice finished
once, usage in a last chunk of its own, an error frame only at the very end.

Each format's module (:mod:`.chat_stream`, :mod:`.completions_stream`) passes its own rule prefix,
``object`` value and a check of one choice's delta; the rule table of each is in its module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..violations import Violation

__all__ = ["ChunkState", "check_chunks", "is_error_frame", "usage_asked"]

_HEAD = ("id", "created", "model")


@dataclass
class ChunkState:
    """What a chunk stream has said so far."""

    prefix: str
    found: list[Violation] = field(default_factory=list)
    head: tuple[Any, ...] | None = None
    seen: set[int] = field(default_factory=set)
    finished: set[int] = field(default_factory=set)
    usage_at: int | None = None
    error_at: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    """Per-format bookkeeping (chat's tool calls)."""

    def add(self, rule: str, path: str, message: str) -> None:
        """Record one violation of ``<prefix>.<rule>`` (a rule with a dot is taken as is)."""
        name = rule if "." in rule else f"{self.prefix}.{rule}"
        self.found.append(Violation(name, path, message))


ChoiceCheck = Callable[[ChunkState, dict[str, Any], str, bool], None]
"""Checks one choice of a chunk: (state, choice, its path, whether it is the choice's first)."""


def usage_asked(request: Any) -> bool | None:
    """Whether ``request`` (a chat / Completions request, JSON or model) asked for the usage
    chunk; ``None`` without a request."""
    if request is None:
        return None
    if hasattr(request, "model_dump"):
        request = request.model_dump(mode="json", exclude_unset=True)
    options = request.get("stream_options") if isinstance(request, dict) else None
    return bool(isinstance(options, dict) and options.get("include_usage"))


def is_error_frame(event: Any) -> bool:
    """An OpenAI error frame: ``{"error": …}`` without choices."""
    return isinstance(event, dict) and "error" in event and "choices" not in event


def check_chunks(
    events: list[Any],
    *,
    prefix: str,
    object_name: str,
    check_choice: ChoiceCheck,
    request: Any = None,
) -> list[Violation]:
    """The shared chunk rules over ``events``, with ``check_choice`` for each choice."""
    state = ChunkState(prefix)
    for i, event in enumerate(events):
        where = f"events[{i}]"
        if state.error_at is not None:
            state.add(
                "after_error", where, f"a frame follows the error frame events[{state.error_at}]"
            )
            break
        if not isinstance(event, dict):
            state.add("stream.not_an_object", where, f"event {i} is not a JSON object")
            continue
        if is_error_frame(event):
            state.error_at = i
            continue
        _chunk(state, event, i, object_name, check_choice)
    _ending(state, len(events), usage_asked(request))
    return state.found


def _chunk(
    state: ChunkState,
    event: dict[str, Any],
    position: int,
    object_name: str,
    check_choice: ChoiceCheck,
) -> None:
    where = f"events[{position}]"
    if event.get("object") != object_name:
        state.add(
            "object", f"{where}.object", f"object is {event.get('object')!r}, not {object_name!r}"
        )
    head = tuple(event.get(key) for key in _HEAD)
    if state.head is None:
        state.head = head
    elif head != state.head and not state.extra.get("head_changed"):
        state.extra["head_changed"] = True
        changed = [key for key, a, b in zip(_HEAD, head, state.head, strict=True) if a != b]
        state.add(
            "stable_head",
            f"{where}.{changed[0]}",
            f"{', '.join(changed)} changed mid-stream (every chunk repeats the first "
            "one's; later changes are not reported again)",
        )
    if state.usage_at is not None:
        state.add("usage_chunk", where, f"a chunk follows the usage chunk events[{state.usage_at}]")
    choices = event.get("choices")
    if not choices:
        if event.get("usage") is None:
            state.add("usage_chunk", where, "a chunk with no choices and no usage")
        elif state.usage_at is None:
            state.usage_at = position
        return
    if event.get("usage") is not None:
        state.add(
            "usage_chunk",
            f"{where}.usage",
            "usage on a chunk with choices: it goes in a last chunk with choices: []",
        )
    for c, choice in enumerate(choices if isinstance(choices, list) else []):
        if isinstance(choice, dict):
            _choice(state, choice, f"{where}.choices[{c}]", check_choice)


def _choice(state: ChunkState, choice: dict[str, Any], where: str, check: ChoiceCheck) -> None:
    index = choice.get("index")
    if not isinstance(index, int):
        return
    finish = choice.get("finish_reason")
    if index in state.finished:
        if finish is not None:
            state.add(
                "one_finish_reason",
                f"{where}.finish_reason",
                f"a second finish_reason ({finish!r}) for choice {index}",
            )
        else:
            state.add("after_finish", where, f"choice {index} continues after its finish_reason")
        return
    first = index not in state.seen
    state.seen.add(index)
    check(state, choice, where, first)
    if finish is not None:
        state.finished.add(index)


def _ending(state: ChunkState, count: int, asked: bool | None) -> None:
    if state.error_at is not None:
        return
    end = f"events[{count}]"
    for index in sorted(state.seen - state.finished):
        state.add("one_finish_reason", end, f"the stream ends with choice {index} unfinished")
    if asked and state.usage_at is None:
        state.add(
            "usage_chunk",
            end,
            "the request asked for stream_options.include_usage and no usage chunk came",
        )
    if asked is False and state.usage_at is not None:
        state.add(
            "usage_chunk",
            f"events[{state.usage_at}]",
            "a usage chunk the request did not ask for (stream_options.include_usage)",
        )
