"""Folding ir stream events into a response."""

from __future__ import annotations

import pytest

from openai_claude_bridge import InvalidInputError, ir
from openai_claude_bridge.ir.accumulate import Accumulator, accumulate


def test_interleaved_parts_text_tools_reasoning_and_usage() -> None:
    events: list[ir.StreamEvent] = [
        ir.ResponseStarted(id="r1", model="m", created=5, usage=ir.Usage(input_tokens=10)),
        ir.PartStarted(0, ir.ReasoningPart()),
        ir.PartDelta(0, "reasoning", "Think"),
        ir.PartDelta(0, "reasoning", "ing."),
        ir.PartDelta(0, "signature", "sig"),
        ir.PartFinished(0),
        ir.PartStarted(1, ir.TextPart(text="")),
        ir.PartDelta(1, "text", "Hel"),
        ir.PartStarted(2, ir.ToolCallPart(call_id="a", name="f", arguments="")),
        ir.PartStarted(3, ir.ToolCallPart(call_id="b", name="g", arguments="")),
        ir.PartDelta(3, "arguments", '{"y"'),
        ir.PartDelta(2, "arguments", '{"x":1}'),
        ir.PartDelta(3, "arguments", ":2}"),
        ir.PartDelta(1, "text", "lo"),
        ir.PartDelta(1, "citation", citation=ir.Citation(kind="url", url="https://e.x")),
        ir.CandidateFinished("tool_use"),
        ir.UsageUpdated(ir.Usage(output_tokens=7)),
        ir.StreamEnded(),
    ]
    resp = accumulate(events)
    assert (resp.id, resp.model, resp.created, resp.status) == ("r1", "m", 5, "completed")
    (candidate,) = resp.candidates
    assert candidate.stop_reason == "tool_use"
    reasoning, text, call_a, call_b = candidate.parts
    assert reasoning == ir.ReasoningPart(text="Thinking.", signature="sig")
    assert isinstance(text, ir.TextPart) and text.text == "Hello"
    assert text.citations == (ir.Citation(kind="url", url="https://e.x"),)
    assert isinstance(call_a, ir.ToolCallPart) and call_a.arguments == '{"x":1}'
    assert isinstance(call_b, ir.ToolCallPart) and call_b.arguments == '{"y":2}'
    assert resp.usage is not None
    assert (resp.usage.input_tokens, resp.usage.output_tokens) == (10, 7)


def test_summary_parts_refusal_and_stated_final_part() -> None:
    final = ir.ToolCallPart(call_id="c", name="h", arguments="{}", item_id="fc_1")
    resp = accumulate(
        [
            ir.ResponseStarted(id=None, model=None),
            ir.PartStarted(0, ir.ReasoningPart(item_id="rs_1")),
            ir.PartDelta(0, "summary", "one", summary_index=0),
            ir.PartDelta(0, "summary", "two", summary_index=1),
            ir.PartDelta(0, "summary", "!", summary_index=0),
            ir.PartStarted(1, ir.RefusalPart(text="")),
            ir.PartDelta(1, "refusal", "No."),
            ir.PartStarted(2, ir.ToolCallPart(call_id="c", name="h", arguments="")),
            ir.PartFinished(2, final),
            ir.CandidateFinished("max_tokens", raw_stop_reason="max_output_tokens"),
            ir.StreamEnded(),
        ]
    )
    reasoning, refusal, call = resp.candidates[0].parts
    assert isinstance(reasoning, ir.ReasoningPart) and reasoning.summary == ("one!", "two")
    assert refusal == ir.RefusalPart(text="No.")
    assert call == final
    assert resp.status == "incomplete"


def test_unfinished_failed_and_several_candidates() -> None:
    acc = Accumulator()
    acc.feed(ir.ResponseStarted(id="x", model="m"))
    acc.feed(ir.PartStarted(0, ir.TextPart(text=""), candidate=1))
    acc.feed(ir.PartStarted(1, ir.TextPart(text=""), candidate=0))
    acc.feed(ir.PartDelta(0, "text", "b", candidate=1))
    acc.feed(ir.PartDelta(1, "text", "a", candidate=0))
    assert acc.result().status == "in_progress"
    assert [c.index for c in acc.result().candidates] == [0, 1]
    acc.feed(ir.StreamError(ir.ApiError(kind="overloaded", message="busy")))
    resp = acc.result()
    assert (resp.status, resp.error_message) == ("failed", "busy")


def test_a_delta_for_a_part_never_started_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError, match="never started"):
        accumulate([ir.PartDelta(4, "text", "x")])


@pytest.mark.parametrize("summary_index", [-1, 2, 10**12])
def test_summary_parts_cannot_skip_ahead(summary_index: int) -> None:
    """A summary index beyond the next one is invalid input, never a flood of empty parts."""
    events: list[ir.StreamEvent] = [
        ir.ResponseStarted(id="r", model="m"),
        ir.PartStarted(0, ir.ReasoningPart()),
        ir.PartDelta(0, "summary", "first", summary_index=0),
        ir.PartDelta(0, "summary", "x", summary_index=summary_index),
    ]
    with pytest.raises(InvalidInputError, match="skips ahead"):
        accumulate(events)


def test_summary_parts_in_order_and_revisited() -> None:
    events: list[ir.StreamEvent] = [
        ir.ResponseStarted(id="r", model="m"),
        ir.PartStarted(0, ir.ReasoningPart(summary=("a",))),
        ir.PartDelta(0, "summary", "b", summary_index=1),
        ir.PartDelta(0, "summary", "!", summary_index=0),
        ir.PartDelta(0, "summary", "c", summary_index=2),
        ir.PartFinished(0),
        ir.StreamEnded(),
    ]
    (part,) = accumulate(events).candidates[0].parts
    assert isinstance(part, ir.ReasoningPart) and part.summary == ("a!", "b", "c")
