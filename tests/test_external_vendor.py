"""Real recorded traffic (``../shared/samples/external``) is never refused.

Every recording that a real server or client sent (not one its README names as made or broken by
hand, :attr:`~tests.support.external.Recording.hand_made`) converts into every format without a
``BridgeError``; its conversions to the other formats satisfy the official SDK's types; and its
non-streaming payloads (requests, responses, error bodies) come back exactly to their own format.
(Streams' exact ``X -> X`` is not asserted here: re-chunking is the stream encoders' matter.)

A refusal that is not this module's to fix goes in :data:`ALLOWED_REFUSALS` with its reason, so
it stays visible; an entry that no longer fails must be removed. The tests skip when the folder
is absent.
"""

from __future__ import annotations

from functools import cache

import pytest

from openai_claude_bridge import BridgeError
from openai_claude_bridge.options import FORMATS
from openai_claude_bridge.testing.checks._json_diff import first_difference
from tests.support.external import (
    EXTERNAL,
    Recording,
    convert_recording,
    recordings,
    sdk_problems,
)

#: (recording name, target) -> why it is still refused, and whose it is to fix.
ALLOWED_REFUSALS: dict[tuple[str, str], str] = {}


@cache
def _real() -> tuple[Recording, ...]:
    return tuple(rec for rec in recordings() if not rec.hand_made)


def _names(kinds: tuple[str, ...] | None = None) -> list[str]:
    return [rec.name for rec in _real() if kinds is None or rec.kind in kinds]


def _recording(name: str) -> Recording:
    return next(rec for rec in _real() if rec.name == name)


pytestmark = pytest.mark.skipif(not EXTERNAL.is_dir(), reason=f"no {EXTERNAL}")


@pytest.mark.parametrize("name", _names())
def test_real_recording_is_never_refused(name: str) -> None:
    """Converted to every format without a refusal; SDK-valid for every other format."""
    rec = _recording(name)
    refused, invalid = {}, {}
    for target in FORMATS:
        try:
            output = convert_recording(rec, target)
        except BridgeError as exc:
            refused[target] = f"{type(exc).__name__}: {exc}"
            continue
        if target != rec.format:
            invalid[target] = sdk_problems(rec.kind, target, output)
    allowed = {t for (n, t) in ALLOWED_REFUSALS if n == name}
    assert {t: m for t, m in refused.items() if t not in allowed} == {}
    assert allowed <= set(refused), "no longer refused: remove it from ALLOWED_REFUSALS"
    assert {t: problems for t, problems in invalid.items() if problems} == {}


@pytest.mark.parametrize("name", _names(("request", "response", "error")))
def test_real_payload_comes_back_exactly(name: str) -> None:
    rec = _recording(name)
    output = convert_recording(rec, rec.format)
    assert first_difference(output, rec.payload) is None


def test_allowed_refusals_name_real_recordings() -> None:
    if not _real():
        pytest.skip("no recordings")
    names = {rec.name for rec in _real()}
    assert {name for name, _ in ALLOWED_REFUSALS} <= names
