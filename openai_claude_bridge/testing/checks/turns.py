"""The turn structure each target API requires of a request's conversation.

* anthropic: no empty turn; the results of a turn's ``tool_use`` blocks come first in the next
  user turn and answer exactly those uses (consecutive same-role messages count as one turn, as
  the API merges them), and that turn is one message: the user's next words join the results
  rather than follow as a second user message;
* chat: an assistant message says something (content, tool calls, refusal, a legacy function
  call or audio); ``tool`` messages come right after the assistant message holding their calls,
  and every call is answered there;
* Responses: every ``function_call_output`` / ``custom_tool_call_output`` answers an earlier
  ``function_call`` / ``custom_tool_call``.

Paths point into the request (``messages[3].content[0]``, ``input[2]``).

=========================  ===================================================================
rule                       what it means
=========================  ===================================================================
``turns.empty_turn``       an anthropic message with no content, or a chat assistant message
                           that says nothing
``turns.results_first``    an anthropic user turn whose ``tool_result`` blocks are not all
                           before its other blocks
``turns.results_split``    an anthropic user message that follows the user message holding
                           tool results (the results and the next words must be one message)
``turns.unanswered_call``  a tool call not answered where the target needs its result: in the
                           next anthropic user turn, right after the chat assistant message
``turns.orphan_result``    a tool result that answers no call of the turn before it (anthropic,
                           chat) or no earlier call (Responses)
=========================  ===================================================================
"""

from __future__ import annotations

from typing import Any

from typing_extensions import assert_never

from ...options import Format
from ..violations import Violation

__all__ = ["check_turns"]


def check_turns(fmt: Format, request: Any) -> list[Violation]:
    """The turn-structure violations of a ``fmt`` request (wire JSON)."""
    if not isinstance(request, dict):
        return []
    match fmt:
        case "anthropic":
            return _anthropic(_list(request.get("messages")))
        case "chat":
            return _chat(_list(request.get("messages")))
        case "responses":
            return _responses(_list(request.get("input")))
        case "completions":
            return []
        case _:
            assert_never(fmt)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


# --------------------------------------------------------------------------- chat


def _chat(messages: list[Any]) -> list[Violation]:
    found: list[Violation] = []
    open_calls: list[Any] = []
    opened_at = ""
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            continue
        role = message.get("role")
        if role != "tool" and open_calls:
            found.append(_unanswered(open_calls, opened_at, f"messages[{i}]"))
            open_calls = []
        if role == "assistant":
            if not any(
                message.get(key) for key in ("content", "tool_calls", "refusal", "function_call")
            ) and not message.get("audio"):
                found.append(
                    Violation(
                        "turns.empty_turn",
                        f"messages[{i}]",
                        "an assistant message with no content, tool calls or refusal",
                    )
                )
            calls = message.get("tool_calls") or []
            open_calls = [c.get("id") for c in calls if isinstance(c, dict)]
            opened_at = f"messages[{i}]"
        elif role == "tool":
            call_id = message.get("tool_call_id")
            if call_id in open_calls:
                open_calls.remove(call_id)
            else:
                found.append(
                    Violation(
                        "turns.orphan_result",
                        f"messages[{i}].tool_call_id",
                        f"tool message for {call_id!r} does not follow the assistant message "
                        "holding that call",
                    )
                )
    if open_calls:
        found.append(_unanswered(open_calls, opened_at, "the end of the conversation"))
    return found


def _unanswered(calls: list[Any], opened_at: str, before: str) -> Violation:
    return Violation(
        "turns.unanswered_call",
        opened_at,
        f"tool call(s) {calls} have no result before {before}",
    )


# --------------------------------------------------------------------------- anthropic


def _blocks(content: Any) -> list[Any]:
    if isinstance(content, str):
        return [{"type": "text", "text": content}]
    return content if isinstance(content, list) else []


def _has_results(message: Any) -> bool:
    if not isinstance(message, dict):
        return False
    blocks = _blocks(message.get("content"))
    return any(isinstance(b, dict) and b.get("type") == "tool_result" for b in blocks)


def _anthropic(messages: list[Any]) -> list[Violation]:
    found: list[Violation] = []
    for i, message in enumerate(messages):
        if isinstance(message, dict) and not message.get("content"):
            found.append(Violation("turns.empty_turn", f"messages[{i}]", "an empty message"))
        follows_results = i and _has_results(messages[i - 1])
        if follows_results and isinstance(message, dict) and message.get("role") == "user":
            found.append(
                Violation(
                    "turns.results_split",
                    f"messages[{i}]",
                    "a second user message after the tool results of messages"
                    f"[{i - 1}]: the user's next words belong in that message",
                )
            )
    found += _anthropic_results(messages)
    return found


def _anthropic_results(messages: list[Any]) -> list[Violation]:
    """Every assistant turn's tool uses answered first in the next user turn, and only they."""
    found: list[Violation] = []
    uses: list[Any] = []
    uses_at = ""
    for role, start, blocks in _turns(messages):
        if role == "user":
            results = [b.get("tool_use_id") for _, b in blocks if b.get("type") == "tool_result"]
            kinds = [b.get("type") for _, b in blocks]
            if kinds[: len(results)] != ["tool_result"] * len(results):
                found.append(
                    Violation(
                        "turns.results_first",
                        start,
                        "tool_result blocks must come first in their user turn",
                    )
                )
            for path, block in blocks:
                if block.get("type") == "tool_result" and block.get("tool_use_id") not in uses:
                    found.append(
                        Violation(
                            "turns.orphan_result",
                            f"{path}.tool_use_id",
                            f"a tool_result for {block.get('tool_use_id')!r}, which the "
                            "assistant turn before it did not use",
                        )
                    )
            unanswered = [use for use in uses if use not in results]
            if unanswered:
                found.append(_unanswered(unanswered, uses_at, f"the user turn at {start}"))
            uses = []
        else:
            if uses:
                found.append(_unanswered(uses, uses_at, f"the assistant turn at {start}"))
            uses = [b.get("id") for _, b in blocks if b.get("type") == "tool_use"]
            uses_at = start
    if uses:
        found.append(_unanswered(uses, uses_at, "the end of the conversation"))
    return found


def _turns(messages: list[Any]) -> list[tuple[Any, str, list[tuple[str, dict[str, Any]]]]]:
    """Consecutive same-role messages merged, as the Messages API does: (role, path of the
    first message, [(block path, block)])."""
    turns: list[tuple[Any, str, list[tuple[str, dict[str, Any]]]]] = []
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            continue
        content = message.get("content")
        blocks = [
            (f"messages[{i}].content" + ("" if isinstance(content, str) else f"[{k}]"), block)
            for k, block in enumerate(_blocks(content))
            if isinstance(block, dict)
        ]
        if turns and turns[-1][0] == message.get("role"):
            turns[-1][2].extend(blocks)
        else:
            turns.append((message.get("role"), f"messages[{i}]", blocks))
    return turns


# --------------------------------------------------------------------------- responses

_CALLS = ("function_call", "custom_tool_call")
_OUTPUTS = ("function_call_output", "custom_tool_call_output")


def _responses(items: list[Any]) -> list[Violation]:
    found: list[Violation] = []
    made: set[Any] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        if item.get("type") in _CALLS:
            made.add(item.get("call_id"))
        elif item.get("type") in _OUTPUTS and item.get("call_id") not in made:
            found.append(
                Violation(
                    "turns.orphan_result",
                    f"input[{i}].call_id",
                    f"{item.get('type')} for {item.get('call_id')!r} answers no earlier call",
                )
            )
    return found
