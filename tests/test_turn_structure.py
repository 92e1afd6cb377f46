"""Every converted conversation has the turn structure its target API requires.

Hypothesis generates abstract conversations (user turns; assistant turns with optional reasoning,
text and parallel tool calls; the results of every call) and renders each in anthropic, chat and
Responses form — Responses says one assistant turn as one item per part, its reasoning items
anywhere among them (before, between or after the message and the calls, before the outputs).
Every rendering is converted to every other format and the output checked against the target's
turn rules (the testing kit's ``check_conversion``, rules ``turns.*``; every call of the
conversation is answered in the output):

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
from openai_claude_bridge.testing import check_conversion
from openai_claude_bridge.testing.checks.facts import facts_of

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


@pytest.mark.parametrize("source", FORMATS)
@pytest.mark.parametrize("target", FORMATS)
@given(conversation=exchanges())
def test_converted_turns_follow_the_target_rules(
    source: str, target: str, conversation: list[Exchange]
) -> None:
    payload = RENDER[source](conversation)
    found = check_conversion(payload, source=source, target=target, kind="request")
    assert [v for v in found if v.rule.startswith("turns.")] == []
    out = to_wire(convert_request(payload, source=source, target=target))
    answered = {fact[1] for _, fact in facts_of("request", target, out) if fact[0] == "result"}
    assert answered == {call.call_id for ex in conversation for call in ex.calls}
