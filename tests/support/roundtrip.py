"""Exact round trips and the project's own fixture corpus.

Fixtures live in ``tests/fixtures/<format>/<TypeName>/<case>.json`` (one wire payload per file) or
``<case>.jsonl`` (one payload per line, e.g. a stream's events). ``TypeName`` is the name of a model
class or union alias exported by ``openai_claude_bridge.<format>``. Files named ``*.lenient.json``
/ ``*.lenient.jsonl`` carry unknown fields or tags (forward compatibility) and are exempt from the
official SDKs' strict check.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from openai_claude_bridge.wire import from_wire, to_wire

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def canonical_json(value: Any) -> str:
    """JSON text that tells ``1`` from ``1.0`` and ignores key order."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=True)


def assert_json_identical(actual: Any, expected: Any) -> None:
    """Fail unless ``actual`` and ``expected`` are the same JSON (int vs float distinguished)."""
    if canonical_json(actual) != canonical_json(expected):
        assert actual == expected  # pytest shows a readable diff
        raise AssertionError(
            f"same values but different JSON types:\n{canonical_json(actual)}\n"
            f"!=\n{canonical_json(expected)}"
        )


def sendable(payload: Any) -> Any:
    """A chat or Responses request as the encoders write it back: without a
    ``parallel_tool_calls`` that has no tools beside it (the API refuses it, and it says nothing
    there; a ``null`` stays, as it came), all else exact."""
    flag = payload.get("parallel_tool_calls") if isinstance(payload, dict) else None
    if flag is not None and not payload.get("tools"):
        return {key: value for key, value in payload.items() if key != "parallel_tool_calls"}
    return payload


def assert_roundtrip(tp: Any, payload: Any) -> Any:
    """``to_wire(from_wire(tp, payload))`` must be exactly ``payload``; returns the model."""
    model = from_wire(tp, payload)
    assert_json_identical(to_wire(model), payload)
    return model


def resolve_type(fmt: str, type_name: str) -> Any:
    """The model class or union alias ``type_name`` exported by ``openai_claude_bridge.<fmt>``."""
    module = importlib.import_module(f"openai_claude_bridge.{fmt}")
    return getattr(module, type_name)


def _read_cases(path: Path) -> list[tuple[str, Any]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [
            (f"{path.name}:{n}", json.loads(line))
            for n, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        ]
    return [(path.name, json.loads(text))]


def is_lenient(case_id: str) -> bool:
    """Whether a fixture case is exempt from the SDK strict check."""
    return ".lenient." in case_id


def fixture_cases(fmt: str) -> list[Any]:
    """``pytest.param(type_name, case_id, payload)`` for every fixture payload of ``fmt``."""
    params = []
    root = FIXTURES / fmt
    for path in sorted(root.glob("*/*.json*")):
        type_name = path.parent.name
        for case_id, payload in _read_cases(path):
            params.append(pytest.param(type_name, case_id, payload, id=f"{type_name}/{case_id}"))
    return params


def all_fixture_payloads(fmt: str, type_name: str) -> list[Any]:
    """Every payload of one type's fixtures (lenient ones included)."""
    out = []
    for path in sorted((FIXTURES / fmt / type_name).glob("*.json*")):
        out.extend(payload for _, payload in _read_cases(path))
    return out
