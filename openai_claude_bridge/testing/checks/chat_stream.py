"""The chat stream rules (BEHAVIOR.md, "Stream rules of each target": chat).

A Chat Completions stream is ``chat.completion.chunk`` chunks of one completion: the same ``id``,
``created`` and ``model`` on each; a choice's first delta carries ``role: "assistant"``; tool
calls are keyed by ``index`` (0, 1, … per choice) and only their first fragment carries ``id``,
``type`` and ``function.name`` (the OpenAI SDK's accumulator concatenates repeated ones); each
choice gets exactly one ``finish_reason``; the usage comes last in a chunk with ``choices: []``
(when the request asked for ``stream_options.include_usage``: pass ``request=`` to check that);
an ``{"error": …}`` frame ends a failed stream. Paths are ``events[i]`` and fields under it.

=================================  ===========================================================
rule                               what it means
=================================  ===========================================================
``chat.object``                    a chunk's ``object`` is not ``chat.completion.chunk``
``chat.stable_head``               a chunk's ``id``, ``created`` or ``model`` differs from the
                                   first chunk's
``chat.role_first``                a choice's first delta has no ``role: "assistant"``, or a
                                   later delta repeats the role
``chat.tool_call_index``           a new tool call's ``index`` is not the next of its choice
``chat.tool_call_head``            a tool call's first fragment lacks its ``id``, ``type:
                                   "function"`` or ``function.name``
``chat.tool_call_repeated_head``   a later fragment of a call repeats ``id``, ``type`` or
                                   ``function.name``
``chat.one_finish_reason``         a second ``finish_reason`` for a choice, or a choice that
                                   ends without one
``chat.after_finish``              a choice appears again after its ``finish_reason``
``chat.usage_chunk``               usage outside a last ``choices: []`` chunk, a chunk after the
                                   usage chunk, a ``choices: []`` chunk without usage, no usage
                                   chunk though the request asked for it, or one it did not ask
``chat.after_error``               a frame after the ``{"error": …}`` frame
``stream.not_an_object``           an event that is not a JSON object
=================================  ===========================================================
"""

from __future__ import annotations

from typing import Any

from ..violations import Violation
from ._chunks import ChunkState, check_chunks

__all__ = ["check_chat_stream"]


def check_chat_stream(events: list[Any], *, request: Any = None) -> list[Violation]:
    """The violations of the chat stream rules in ``events`` (JSON objects); ``request`` (the chat
    request, JSON or model) tells whether a usage chunk is due."""
    return check_chunks(
        events,
        prefix="chat",
        object_name="chat.completion.chunk",
        check_choice=_check_choice,
        request=request,
    )


def _check_choice(state: ChunkState, choice: dict[str, Any], where: str, first: bool) -> None:
    delta = choice.get("delta")
    if not isinstance(delta, dict):
        return
    index = choice["index"]
    if first and delta.get("role") != "assistant":
        state.add(
            "role_first",
            f"{where}.delta",
            f"choice {index}'s first delta has no role 'assistant'",
        )
    if not first and "role" in delta and delta["role"] is not None:
        state.add(
            "role_first", f"{where}.delta.role", f"choice {index} repeats its role on a later delta"
        )
    calls = delta.get("tool_calls")
    for k, call in enumerate(calls if isinstance(calls, list) else []):
        if isinstance(call, dict):
            _check_call(state, index, call, f"{where}.delta.tool_calls[{k}]")


def _check_call(state: ChunkState, choice: int, call: dict[str, Any], where: str) -> None:
    known: dict[int, set[int]] = state.extra.setdefault("calls", {})
    calls = known.setdefault(choice, set())
    index = call.get("index")
    given = call.get("function")
    function: dict[str, Any] = given if isinstance(given, dict) else {}
    if index not in calls:
        if index != len(calls):
            state.add(
                "tool_call_index",
                f"{where}.index",
                f"tool call {index} of choice {choice} starts where call {len(calls)} comes next",
            )
        missing = [
            name
            for name, value in (
                ("id", call.get("id")),
                ("type", call.get("type") == "function" or None),
                ("function.name", function.get("name")),
            )
            if not value
        ]
        if missing:
            state.add(
                "tool_call_head",
                where,
                f"tool call {index}'s first fragment has no {', '.join(missing)}",
            )
        if isinstance(index, int):
            calls.add(index)
        return
    repeated = [key for key in ("id", "type") if call.get(key) is not None]
    repeated += ["function.name"] if function.get("name") is not None else []
    if repeated:
        state.add(
            "tool_call_repeated_head",
            where,
            f"a later fragment of tool call {index} repeats {', '.join(repeated)} "
            "(only the first fragment may carry it)",
        )
