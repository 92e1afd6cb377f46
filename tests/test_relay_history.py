"""A relayed stream keeps only what its error ending needs (``_relay_history``)."""

from __future__ import annotations

from openai_claude_bridge import ir
from openai_claude_bridge._relay_history import RelayHistory

START = ir.ResponseStarted(id="r", model="m")
TEXT = ir.PartStarted(index=0, part=ir.TextPart(text=""))
CALL = ir.PartStarted(index=1, part=ir.ToolCallPart(call_id="c", name="f", arguments=""))
CITED = ir.PartDelta(0, "citation", citation=ir.Citation(kind="url", url="https://x.test"))


def _fill(history: RelayHistory, fragments: int) -> None:
    for event in (START, TEXT, CALL):
        history.add(event)
    for n in range(fragments):
        history.add(ir.PartDelta(0, "text", f"t{n % 10}"))
        history.add(ir.PartDelta(1, "arguments", "a"))  # interleaved with the text: two runs
    history.add(CITED)
    history.add(ir.PartDelta(0, "text", "end"))
    history.add(ir.PartFinished(0))


def test_without_fragments_the_history_is_as_small_as_the_parts() -> None:
    history = RelayHistory(keeps_fragments=False)
    _fill(history, 10_000)
    assert history.events() == [START, TEXT, CALL, ir.PartFinished(0)]


def test_with_fragments_each_run_is_one_fragment_with_all_its_text() -> None:
    history = RelayHistory(keeps_fragments=True)
    for event in (START, TEXT):
        history.add(event)
    for n in range(1000):  # more than a join's worth
        history.add(ir.PartDelta(0, "text", f"t{n % 10}"))
    history.add(CITED)
    history.add(ir.PartDelta(0, "text", "end"))
    history.add(ir.PartDelta(0, "text", "!"))
    text = "".join(f"t{n % 10}" for n in range(1000))
    assert history.events() == [
        START,
        TEXT,
        ir.PartDelta(0, "text", text),
        CITED,
        ir.PartDelta(0, "text", "end!"),
    ]


def test_interleaved_parts_stay_in_order() -> None:
    history = RelayHistory(keeps_fragments=True)
    _fill(history, 3)
    texts = [(e.index, e.kind, e.text) for e in history.events() if isinstance(e, ir.PartDelta)]
    assert texts == [
        (0, "text", "t0"),
        (1, "arguments", "a"),
        (0, "text", "t1"),
        (1, "arguments", "a"),
        (0, "text", "t2"),
        (1, "arguments", "a"),
        (0, "citation", ""),
        (0, "text", "end"),
    ]


def test_a_part_finished_with_its_whole_self_lets_its_fragments_go() -> None:
    """A Responses source states each finished part (``output_item.done``): the part says its
    text, so the history keeps it once, not its fragments too."""
    history = RelayHistory(keeps_fragments=True)
    _fill(history, 1000)
    final = ir.PartFinished(1, ir.ToolCallPart(call_id="c", name="f", arguments="a" * 1000))
    history.add(final)
    kept = [(e.index, e.kind) for e in history.events() if isinstance(e, ir.PartDelta)]
    assert (1, "arguments") not in kept
    assert (0, "text") in kept  # the text part finished without its whole self: kept
    assert history.events()[-1] == final
