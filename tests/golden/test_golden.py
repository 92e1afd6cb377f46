"""Golden conversions: every corpus payload converted into every format, compared with a
reviewed expected file.

``corpus/<case>/<kind>.<format>.json`` holds hand-written conversations (see ``cases.py``);
``expected/<source>__<target>/<case>.<kind>.json`` holds, for every (source, target) pair
including ``source == target``, the converted payload and the loss report::

    {"output": <target wire JSON>, "losses": [[path, feature, reason], ...]}

or, where the conversion raises a ``BridgeError``, ``{"error": {...}}``. Conversions use
deterministic ids and clock (``id_factory=lambda p: p + "test"``, ``clock=lambda: 1700000000``);
a response is converted with ``request=`` the same case's request in the *target* format when
the corpus has one (what a proxy passes: the client's own request).

Expected files are compared as parsed JSON (``1`` and ``1.0`` told apart, key order ignored).
After a deliberate change of behaviour, regenerate them and review the diff::

    GOLDEN_REGEN=1 python -m pytest tests/golden
    git diff tests/golden/expected

Every output must also be a strict instance of the target's official SDK type, with no
deviation: a non-streaming chat / completions answer always has a ``finish_reason`` (where the
source had no stop reason, the one its content says, reported as a ``stop_reason`` loss).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from openai_claude_bridge import BridgeError, Loss, to_wire
from openai_claude_bridge.convert import codec
from openai_claude_bridge.wire import from_wire
from tests.support.oracle import sdk_errors
from tests.support.roundtrip import assert_json_identical, canonical_json
from tests.support.sdk_types import SDK_TYPES

from .cases import (
    DETERMINISTIC,
    EXPECTED,
    FORMATS,
    TYPE_NAMES,
    CorpusFile,
    converter,
    corpus_files,
)

REGEN = os.environ.get("GOLDEN_REGEN") == "1"

#: Known codec bugs: (case, kind, source, target) -> what is wrong. Each such golden test is a
#: strict xfail, so fixing the bug makes it fail loudly (regenerate, review, drop the entry).
KNOWN_BUGS: dict[tuple[str, str, str, str], str] = {}


def _expected_path(item: CorpusFile, target: str) -> Any:
    return EXPECTED / f"{item.fmt}__{target}" / f"{item.case}.{item.kind}.json"


def _params() -> list[Any]:
    params = []
    for item in corpus_files():
        for target in FORMATS:
            key = (item.case, item.kind, item.fmt, target)
            marks = []
            if key in KNOWN_BUGS and not REGEN:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[key]))
            params.append(
                pytest.param(item, target, marks=marks, id=f"{item.fmt}__{target}/{item.id}")
            )
    return params


def run_golden(item: CorpusFile, target: str) -> tuple[dict[str, Any], list[Loss]]:
    """The conversion's record as stored in an expected file, and the raw losses."""
    losses: list[Loss] = []
    options: dict[str, Any] = {**DETERMINISTIC, "on_loss": losses.append}
    if item.kind == "response":
        request = item.sibling("request", target)
        if request is not None:
            options["request"] = request
    try:
        out = converter(item.kind)(item.payload, source=item.fmt, target=target, **options)
    except BridgeError as exc:
        error = {
            "type": type(exc).__name__,
            "path": exc.path,
            "feature": exc.feature,
            "message": str(exc),
        }
        return {"error": error}, losses
    record = {
        "output": to_wire(out),
        "losses": [[loss.path, loss.feature, loss.reason] for loss in losses],
    }
    return record, losses


@pytest.mark.parametrize("item", list(corpus_files()), ids=lambda item: item.id)
def test_corpus_is_sdk_valid_and_round_trips(item: CorpusFile) -> None:
    payload = item.payload
    sdk_types = SDK_TYPES[(item.fmt, TYPE_NAMES[item.kind][item.fmt])]  # type: ignore[index]
    assert sdk_errors(payload, *sdk_types) == []
    source = codec(item.fmt)
    model_type = source.request_type if item.kind == "request" else source.response_type
    assert_json_identical(to_wire(from_wire(model_type, payload)), payload)


@pytest.mark.parametrize(("item", "target"), _params())
def test_golden(item: CorpusFile, target: str) -> None:
    actual, losses = run_golden(item, target)
    path = _expected_path(item, target)
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(actual, indent=2, ensure_ascii=False, sort_keys=False)
        path.write_text(text + "\n", encoding="utf-8")
    assert path.exists(), f"no expected file {path}; run with GOLDEN_REGEN=1 and review the diff"
    expected = json.loads(path.read_text(encoding="utf-8"))
    if canonical_json(actual) != canonical_json(expected):
        assert actual == expected  # pytest shows a readable diff
        assert_json_identical(actual, expected)

    assert "error" not in actual, actual.get("error")
    output = actual["output"]
    sdk_types = SDK_TYPES[(target, TYPE_NAMES[item.kind][target])]  # type: ignore[index]
    assert sdk_errors(output, *sdk_types) == []
    if item.fmt == target:
        assert_json_identical(output, item.payload)
        assert losses == []


def test_no_stale_expected_files() -> None:
    wanted = {_expected_path(item, target) for item in corpus_files() for target in FORMATS}
    present = set(EXPECTED.glob("*/*.json"))
    if REGEN:
        for path in present - wanted:
            path.unlink()
        present &= wanted
    assert sorted(map(str, present - wanted)) == []
    assert sorted(map(str, wanted - present)) == []
