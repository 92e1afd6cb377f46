"""What every ir node shares: where it came from and what only its source format could say.

The ir is the hub between the four wire formats. Its nodes hold the *neutral* meaning of a payload
(text, tool calls, reasoning, usage, …) in plain frozen dataclasses. Whatever a wire object carries
that has no neutral field rides along in ``extra``, keyed by the format it came from::

    extra = {"anthropic": {"container": "cont_01", "speed": "fast"}}

The encoder of that same format writes those fields back, so ``X -> ir -> X`` is exact; the
encoder of any other format reports each of them as a ``Loss`` (or raises under ``strict``).
Fields that only restate something (echoed request settings, fingerprints) go in ``echo``
instead: restored the same way, never reported. The
``path`` of a node is the JSON path of the wire object it was decoded from, so a loss names the
place in the caller's payload.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..options import Format

__all__ = ["EMPTY_EXTRA", "Extra", "Node", "extra_for", "with_extra"]

#: Format -> {wire field name: JSON value} that only that format could express.
Extra = Mapping[Format, Mapping[str, Any]]

EMPTY_EXTRA: Extra = MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """Base of the ir's structured nodes."""

    path: str = ""
    """JSON path of the wire object this node was decoded from ("" when built in code)."""
    extra: Extra = field(default_factory=lambda: EMPTY_EXTRA)
    """Wire fields with no neutral meaning, by the format they came from; reported as lost when
    encoding to another format."""
    echo: Extra = field(default_factory=lambda: EMPTY_EXTRA)
    """Wire fields that restate something rather than say it (a Responses ``Response`` echoing
    its request's settings, a chat ``system_fingerprint``, a message head): restored to their own
    format like ``extra``, silently dropped for any other."""


def extra_for(node: Node, fmt: Format) -> Mapping[str, Any]:
    """The fields ``node`` carries for ``fmt`` (empty when it has none)."""
    return node.extra.get(fmt, MappingProxyType({}))


def with_extra(fmt: Format, fields: Mapping[str, Any]) -> Extra:
    """An ``extra`` mapping holding ``fields`` for ``fmt`` (empty when ``fields`` is)."""
    if not fields:
        return EMPTY_EXTRA
    return MappingProxyType({fmt: MappingProxyType(dict(fields))})
