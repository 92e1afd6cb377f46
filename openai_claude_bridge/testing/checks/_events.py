"""The events a stream check reads: JSON objects, whatever form the caller had them in.

Checks take a stream's events as dicts (the JSON of each SSE ``data:`` frame) or as this
package's models; :func:`as_json` turns each into its JSON object (a model through
:func:`~openai_claude_bridge.wire.to_wire`), and leaves anything else as it is, for the check to
report.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from ...wire import to_wire

__all__ = ["as_json", "is_object"]


def as_json(events: Iterable[Any]) -> list[Any]:
    """Each event as its JSON value: models dumped with ``to_wire``, everything else unchanged."""
    return [to_wire(event) if isinstance(event, BaseModel) else event for event in events]


def is_object(value: Any) -> bool:
    """Whether ``value`` is a JSON object (a ``dict`` with string keys)."""
    return isinstance(value, dict)
