"""Running one step of the library for a check: what a raised exception means.

A ``BridgeError`` is the library refusing (``conversion.refused``, unless it is the
``UnsupportedFeatureError`` that ``strict=True`` asks for); any other exception escaping the
library is a bug (``conversion.crash``). See :mod:`.conversion` for the rule table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ...errors import BridgeError, UnsupportedFeatureError
from ..violations import Violation

__all__ = ["Outcome", "run"]

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a step gave: its ``value``, or the violations its exception means (none when it was
    the refusal ``strict=True`` asks for: ``value`` is then ``None`` too)."""

    value: T | None
    violations: tuple[Violation, ...] = ()


def run(step: Callable[[], T], *, what: str, strict: bool, path: str = "") -> Outcome[T]:
    """Run ``step`` (``what`` names it in messages: "convert_request anthropic -> chat")."""
    try:
        return Outcome(step())
    except UnsupportedFeatureError as exc:
        if strict:
            return Outcome(None)
        return Outcome(None, (_refused(exc, what, path),))
    except BridgeError as exc:
        return Outcome(None, (_refused(exc, what, path),))
    except Exception as exc:  # a bug in the library: reported, never raised
        message = f"{what} raised {type(exc).__name__}: {exc} (only BridgeError may escape)"
        return Outcome(None, (Violation("conversion.crash", path, message),))


def _refused(exc: BridgeError, what: str, path: str) -> Violation:
    where = exc.path or path
    if exc.event_index is not None:
        where = f"events[{exc.event_index}]" + (f".{exc.path}" if exc.path else "")
    return Violation(
        "conversion.refused",
        where,
        f"{what} refused it with {type(exc).__name__}: {exc.message}",
    )
