"""Spying on a method in a test: what it returned, call by call."""

from __future__ import annotations

from typing import Any

import pytest

__all__ = ["results_of"]


def results_of(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, *, with_none: bool = False
) -> list[Any]:
    """The list that ``owner.name``'s results go to from now on (its ``None`` results too when
    ``with_none``: then one entry per call)."""
    method = getattr(owner, name)
    results: list[Any] = []

    def spied(*args: Any) -> Any:
        result = method(*args)
        if with_none or result is not None:
            results.append(result)
        return result

    monkeypatch.setattr(owner, name, spied)
    return results
