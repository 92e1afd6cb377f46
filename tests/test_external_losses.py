"""Every loss reported for real recorded traffic names a place in the caller's payload.

A ``Loss`` names information the source payload had that the target cannot carry, at a JSON path
into that payload: converting each recording of ``../shared/samples/external`` (requests,
responses, error bodies; the ones made or broken by hand left out) into every other format, each
reported path must resolve in the recording. Streams are left out: a stream has no one payload,
and a stream loss's path is relative to the event that said it, which a ``Loss`` does not name.
The check is the testing kit's ``check_conversion`` (rule ``loss.unresolved``). Skipped when the
folder is absent.
"""

from __future__ import annotations

import pytest

from openai_claude_bridge.options import FORMATS
from openai_claude_bridge.testing import check_conversion
from openai_claude_bridge.testing.checks._paths import resolves
from openai_claude_bridge.wire import json_path
from tests.support.external import Recording, recordings

PAYLOADS = [rec for rec in recordings() if rec.kind != "stream" and not rec.hand_made]


def test_paths_resolve_like_json_paths() -> None:
    payload = {"messages": [{"content": [{"text": "x"}]}], "a-b": {"c": None}}
    assert resolves(payload, "")
    assert resolves(payload, "messages[0].content[0].text")
    assert resolves(payload, '["a-b"].c')
    assert resolves({"x_\u00ff": 1}, json_path(["x_\u00ff"]))
    assert not resolves(payload, "messages[1]")
    assert not resolves(payload, "messages[0].content[0].cache_control")
    assert not resolves(payload, "stop")
    # a key its object lacks: the place of a value the source did not set (a default filled in)
    assert resolves(payload, "stop", absent_key=True)
    assert resolves(payload, "messages[0].content[0].cache_control", absent_key=True)
    assert not resolves(payload, "messages[1]", absent_key=True)
    assert not resolves(payload, "messages[0].content[0].text.x", absent_key=True)
    assert not resolves(payload, "tools[0].name", absent_key=True)


@pytest.mark.skipif(not PAYLOADS, reason="no ../shared/samples/external recordings")
@pytest.mark.parametrize("rec", PAYLOADS, ids=lambda rec: f"{rec.name}:{rec.kind}")
def test_every_reported_loss_names_a_place_in_the_recording(rec: Recording) -> None:
    options = {"status": rec.status} if rec.kind == "error" and rec.status else {}
    unresolved = [
        (target, violation)
        for target in FORMATS
        for violation in check_conversion(
            rec.payload, source=rec.format, target=target, kind=rec.kind, **options
        )
        if violation.rule == "loss.unresolved"
    ]
    assert unresolved == []
