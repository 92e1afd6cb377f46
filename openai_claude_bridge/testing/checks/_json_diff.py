"""Where two JSON values first differ, said in a few words for a violation's message."""

from __future__ import annotations

from typing import Any

__all__ = ["first_difference"]


def first_difference(actual: Any, expected: Any, path: str = "") -> str | None:
    """The first place where ``actual`` differs from ``expected`` (``"[1].arguments: '{}' where
    '{\\"a\\": 1}' was expected"``), or ``None`` when they are equal."""
    if isinstance(actual, dict) and isinstance(expected, dict):
        for key in [*expected, *(k for k in actual if k not in expected)]:
            if key not in actual:
                return f"{path}.{key}: missing"
            if key not in expected:
                return f"{path}.{key}: not expected"
            found = first_difference(actual[key], expected[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(actual, list) and isinstance(expected, list):
        for i, (a, e) in enumerate(zip(actual, expected, strict=False)):
            found = first_difference(a, e, f"{path}[{i}]")
            if found:
                return found
        if len(actual) != len(expected):
            return f"{path or 'the list'}: {len(actual)} items where {len(expected)} were expected"
        return None
    if actual == expected and type(actual) is type(expected):
        return None
    return f"{path or 'the value'}: {_short(actual)} where {_short(expected)} was expected"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
