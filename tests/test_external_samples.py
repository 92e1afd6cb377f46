"""Other projects' recorded traffic (``../shared/samples/external``), in every direction.

* Every recording a real server or client made converts into every format, and the output is
  what the official SDK types accept (hand-made recordings, named in the folder's README, may be
  refused as invalid).
* ``X -> X`` gives back exactly what came in, for every recording the library accepts: requests,
  responses, error bodies, and streams event by event (through ``StreamConverter`` and, for
  recordings made as SSE, ``SSETranscoder``).

The tests skip when the folder is absent.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from openai_claude_bridge import BridgeError, SSETranscoder
from openai_claude_bridge.options import FORMATS, Format
from openai_claude_bridge.testing import check_conversion
from tests.support.external import Recording, convert_recording, recordings, sdk_problems

RECORDINGS = recordings()

pytestmark = pytest.mark.skipif(not RECORDINGS, reason="../shared/samples/external is absent")


def _ids(rec: Recording) -> str:
    return rec.name.split("__")[-1][:80] if "__" in rec.name else rec.name[:80]


def _accepted(rec: Recording) -> Any | None:
    try:
        return convert_recording(rec, rec.format)
    except BridgeError:
        assert rec.hand_made, f"{rec.name} is real traffic and was refused"
        return None


@pytest.mark.parametrize("rec", RECORDINGS, ids=_ids)
def test_same_format_gives_back_exactly_what_came_in(rec: Recording) -> None:
    out = _accepted(rec)
    if out is None:
        return
    assert out == rec.payload


@pytest.mark.parametrize(
    "rec", [r for r in RECORDINGS if r.kind == "stream" and r.raw is not None], ids=_ids
)
def test_same_format_sse_is_relayed_exactly(rec: Recording) -> None:
    if _accepted(rec) is None:
        return
    tx = SSETranscoder(source=rec.format, target=rec.format)
    body = rec.sse_body()
    out = b"".join(tx.feed(body[i : i + 97]) for i in range(0, len(body), 97)) + tx.finish()
    frames = [line[6:] for line in out.split(b"\n") if line.startswith(b"data: ")]
    assert [json.loads(f) for f in frames if f != b"[DONE]"] == rec.payload
    assert (b"[DONE]" in frames) == (rec.format in ("chat", "completions") and rec.done)


@pytest.mark.parametrize("target", FORMATS)
@pytest.mark.parametrize("rec", [r for r in RECORDINGS if not r.hand_made], ids=_ids)
def test_real_traffic_converts_into_what_the_sdks_accept(rec: Recording, target: Format) -> None:
    if target == rec.format:
        return
    out = convert_recording(rec, target)
    assert sdk_problems(rec.kind, target, out) == []


#: The formats a conversation can be said in (completions holds one prompt and one text).
CONVERSATIONAL: tuple[Format, ...] = ("anthropic", "chat", "responses")


@pytest.mark.parametrize("middle", CONVERSATIONAL)
@pytest.mark.parametrize(
    "rec",
    [
        r
        for r in RECORDINGS
        if not r.hand_made and r.kind in ("request", "response") and r.format in CONVERSATIONAL
    ],
    ids=_ids,
)
def test_real_traffic_keeps_its_meaning_there_and_back(rec: Recording, middle: Format) -> None:
    """``A -> B -> A``: texts, tool names, arguments and ids, stop reason and usage come back,
    except what the first leg reported lost (the testing kit's ``check_conversion``)."""
    if middle == rec.format:
        return
    found = check_conversion(rec.payload, source=rec.format, target=middle, kind=rec.kind)
    assert [v for v in found if v.rule.startswith(("semantic.", "conversion."))] == []


@pytest.mark.parametrize("target", FORMATS)
@pytest.mark.parametrize(
    "rec", [r for r in RECORDINGS if not r.hand_made and r.kind == "stream"], ids=_ids
)
def test_real_streams_say_in_the_target_what_they_said(rec: Recording, target: Format) -> None:
    """The converted stream, read back and accumulated, says what the source stream said: its
    texts, tool calls and stop reasons (for the target's candidates)."""
    from openai_claude_bridge.ir.accumulate import accumulate
    from tests.test_stream import _decode_all, _summary

    source_ir = _decode_all(rec.format, rec.payload)
    if source_ir is None:  # a stream its server cut short or failed: nothing whole to compare
        return
    back = _decode_all(target, convert_recording(rec, target))
    assert back is not None, "the converted stream does not read back as complete"
    expected = _summary(accumulate(source_ir), target)
    actual = _summary(accumulate(back), target)
    if target in ("anthropic", "responses"):
        expected = expected[:1]  # one candidate only (the others are reported lost)
    if target == "completions":  # text only: tool calls are reported lost
        expected = [(text, [], stop) for text, _, stop in expected]
    assert [a[:2] for a in actual] == [e[:2] for e in expected]
