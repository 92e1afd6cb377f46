"""Every converted conversation has the turn structure its target API requires.

Hypothesis generates abstract conversations (user turns; assistant turns with optional reasoning,
text and parallel tool calls; the results of every call) and renders each in anthropic, chat and
Responses form — Responses says one assistant turn as one item per part, its reasoning items
anywhere among them (before, between or after the message and the calls, before the outputs).
Every rendering is converted to every other format and the output checked against the target's
turn rules:

* chat: an assistant message says something (content, tool calls or refusal); ``tool`` messages
  come right after the assistant message holding their call, and every call is answered there;
* anthropic: no empty turn; the results of a turn's tool uses come first in the next user turn
  and answer exactly those uses (consecutive same-role messages count as one turn, as the API
  merges them), and that turn is one message: the user's next words join the results (as
  Claude Code-style histories have them) rather than follow as a second user message;
* Responses: every ``function_call_output`` answers an earlier ``function_call``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openai_claude_bridge import convert_request, to_wire

FORMATS = ("anthropic", "chat", "responses")


@dataclass(frozen=True)
class Call:
    call_id: str
    name: str
    arguments: str
    result: str


@dataclass(frozen=True)
class Exchange:
    user: str
    reasoning: bool
    text: str | None
    calls: tuple[Call, ...]
    order: tuple[int, ...] = ()
    """Where the turn's Responses reasoning items sit among its other items: before the item at
    each of these positions (0 = first; one reasoning item per entry)."""


_words = st.text("abcdefgh ", min_size=1, max_size=12).filter(str.strip)


@st.composite
def exchanges(draw: st.DrawFn) -> list[Exchange]:
    out = []
    for turn in range(draw(st.integers(1, 3))):
        count = draw(st.integers(0, 3))
        calls = tuple(
            Call(
                f"call_{turn}_{i}",
                draw(st.sampled_from(["get_weather", "search"])),
                "{}",
                draw(_words),
            )
            for i in range(count)
        )
        text = draw(st.none() | _words) if calls else draw(_words)
        reasoning = draw(st.booleans())
        others = (text is not None) + len(calls)
        positions = st.integers(0, others)
        order = (
            tuple(sorted(draw(st.lists(positions, min_size=1, max_size=3)))) if reasoning else ()
        )
        out.append(Exchange(draw(_words), reasoning, text, calls, order))
    return out


def _anthropic(conversation: list[Exchange]) -> dict[str, Any]:
    messages: list[dict[str, Any]] = []
    for ex in conversation:
        if messages and messages[-1]["role"] == "user":
            messages[-1]["content"].append({"type": "text", "text": ex.user})
        else:
            messages.append({"role": "user", "content": [{"type": "text", "text": ex.user}]})
        blocks: list[dict[str, Any]] = []
        if ex.reasoning:
            blocks.append({"type": "thinking", "thinking": "hmm", "signature": "EqQBCkYIARgC"})
        if ex.text is not None:
            blocks.append({"type": "text", "text": ex.text})
        blocks += [
            {"type": "tool_use", "id": c.call_id, "name": c.name, "input": {}} for c in ex.calls
        ]
        messages.append({"role": "assistant", "content": blocks})
        if ex.calls:
            results = [
                {"type": "tool_result", "tool_use_id": c.call_id, "content": c.result}
                for c in ex.calls
            ]
            messages.append({"role": "user", "content": results})
    return {"model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": messages}


def _chat(conversation: list[Exchange]) -> dict[str, Any]:
    messages: list[dict[str, Any]] = []
    for ex in conversation:
        messages.append({"role": "user", "content": ex.user})
        assistant: dict[str, Any] = {"role": "assistant", "content": ex.text}
        if ex.calls:
            assistant["tool_calls"] = [
                {
                    "id": c.call_id,
                    "type": "function",
                    "function": {"name": c.name, "arguments": c.arguments},
                }
                for c in ex.calls
            ]
        messages.append(assistant)
        messages += [
            {"role": "tool", "tool_call_id": c.call_id, "content": c.result} for c in ex.calls
        ]
    return {"model": "gpt-4.1", "messages": messages}


def _responses(conversation: list[Exchange]) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for n, ex in enumerate(conversation):
        items.append({"role": "user", "content": ex.user})
        said: list[dict[str, Any]] = []
        if ex.text is not None:
            said.append(
                {
                    "type": "message",
                    "id": f"msg_{n}",
                    "role": "assistant",
                    "status": "completed",
                    "content": [{"type": "output_text", "text": ex.text, "annotations": []}],
                }
            )
        said += [
            {
                "type": "function_call",
                "call_id": c.call_id,
                "name": c.name,
                "arguments": c.arguments,
            }
            for c in ex.calls
        ]
        for k, position in reversed(list(enumerate(ex.order))):
            reasoning = {"type": "reasoning", "id": f"rs_{n}_{k}", "summary": []}
            said.insert(position, {**reasoning, "encrypted_content": "gAAA"})
        items += said
        items += [
            {"type": "function_call_output", "call_id": c.call_id, "output": c.result}
            for c in ex.calls
        ]
    return {"model": "gpt-5", "input": items}


RENDER = {"anthropic": _anthropic, "chat": _chat, "responses": _responses}


def _check_chat(messages: list[dict[str, Any]], calls: set[str]) -> None:
    open_calls: list[str] = []
    answered: set[str] = set()
    for i, message in enumerate(messages):
        role = message["role"]
        if role != "tool":
            assert not open_calls, f"calls {open_calls} unanswered before messages[{i}]"
        if role == "assistant":
            assert message.get("content") or message.get("tool_calls") or message.get("refusal"), (
                f"messages[{i}] is an empty assistant message"
            )
            open_calls = [call["id"] for call in message.get("tool_calls", [])]
        elif role == "tool":
            assert message["tool_call_id"] in open_calls, f"messages[{i}] answers no open call"
            open_calls.remove(message["tool_call_id"])
            answered.add(message["tool_call_id"])
    assert answered == calls


def _turns(messages: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Consecutive same-role messages merged, as the Messages API does; string content as a
    text block."""
    turns: list[tuple[str, list[dict[str, Any]]]] = []
    for i, message in enumerate(messages):
        content = message["content"]
        assert content, f"messages[{i}] is an empty turn"
        blocks = [{"type": "text", "text": content}] if isinstance(content, str) else content
        if turns and turns[-1][0] == message["role"]:
            turns[-1][1].extend(blocks)
        else:
            turns.append((message["role"], list(blocks)))
    return turns


def _check_anthropic(messages: list[dict[str, Any]], calls: set[str]) -> None:
    for i, message in enumerate(messages[:-1]):
        results = isinstance(message["content"], list) and any(
            block["type"] == "tool_result" for block in message["content"]
        )
        assert not (results and messages[i + 1]["role"] == "user"), (
            f"messages[{i + 1}] is a second user message after the tool results"
        )
    answered: set[str] = set()
    uses: list[str] = []
    for role, blocks in _turns(messages):
        kinds = [block["type"] for block in blocks]
        if role == "user":
            results = [b["tool_use_id"] for b in blocks if b["type"] == "tool_result"]
            assert kinds[: len(results)] == ["tool_result"] * len(results), "results not first"
            assert sorted(results) == sorted(uses), f"{results} do not answer {uses}"
            answered.update(results)
            uses = []
        else:
            assert not uses, f"tool uses {uses} unanswered"
            uses = [b["id"] for b in blocks if b["type"] == "tool_use"]
    assert answered == calls


def _check_responses(items: list[dict[str, Any]], calls: set[str]) -> None:
    made: set[str] = set()
    answered: set[str] = set()
    for i, item in enumerate(items):
        if item.get("type") == "function_call":
            made.add(item["call_id"])
        elif item.get("type") == "function_call_output":
            assert item["call_id"] in made, f"input[{i}] answers no earlier call"
            answered.add(item["call_id"])
    assert answered == calls


@pytest.mark.parametrize("source", FORMATS)
@pytest.mark.parametrize("target", FORMATS)
@given(conversation=exchanges())
def test_converted_turns_follow_the_target_rules(
    source: str, target: str, conversation: list[Exchange]
) -> None:
    payload = RENDER[source](conversation)
    out = to_wire(convert_request(payload, source=source, target=target))
    calls = {call.call_id for ex in conversation for call in ex.calls}
    if target == "chat":
        _check_chat(out["messages"], calls)
    elif target == "anthropic":
        _check_anthropic(out["messages"], calls)
    else:
        _check_responses(out["input"], calls)
