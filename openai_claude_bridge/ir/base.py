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
place in the caller's payload. A neutral field whose wire value sits somewhere else than
``<path>.<field name>`` (anthropic's ``stop_sequences`` for ``Request.stop``, a chat choice's
``finish_reason`` for ``Candidate.stop_reason``, a chat response's top-level ``service_tier`` for
``Usage.service_tier``) has that place in ``field_paths``; :func:`field_path` gives the place
of any field, for a loss report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..options import Format

__all__ = [
    "EMPTY_EXTRA",
    "EMPTY_PATHS",
    "NODE_FIELDS",
    "Extra",
    "Node",
    "extra_for",
    "field_path",
    "with_extra",
    "with_paths",
]

#: Format -> {wire field name: JSON value} that only that format could express.
Extra = Mapping[Format, Mapping[str, Any]]

#: No format-specific fields: the default ``extra`` of every node (shared, read-only).
EMPTY_EXTRA: Extra = MappingProxyType({})

#: No field said away from its node's own wire object.
EMPTY_PATHS: Mapping[str, str] = MappingProxyType({})


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
    field_paths: Mapping[str, str] = field(default_factory=lambda: EMPTY_PATHS)
    """ir field name -> JSON path of the wire value it was decoded from, for the fields whose
    value is not at ``<path>.<name>`` (see :func:`field_path`)."""


#: The fields every node has (where it came from), beside its neutral meaning.
NODE_FIELDS = frozenset({"path", "extra", "echo", "field_paths"})


#: No fields (shared, read-only): what :func:`extra_for` gives for a format a node has none for.
_NO_FIELDS: Mapping[str, Any] = MappingProxyType({})


def extra_for(node: Node, fmt: Format) -> Mapping[str, Any]:
    """The fields ``node`` carries for ``fmt`` (empty when it has none)."""
    return node.extra.get(fmt, _NO_FIELDS)


def field_path(node: Node, name: str) -> str:
    """The JSON path of the wire value ``node``'s field ``name`` was decoded from: where a loss
    of that field is reported (``<path>.<name>`` unless the decoder said otherwise)."""
    found = node.field_paths.get(name)
    if found is not None:
        return found
    return f"{node.path}.{name}" if node.path else name


def with_paths(paths: Mapping[str, str | None]) -> Mapping[str, str]:
    """A ``field_paths`` mapping of the entries of ``paths`` that have a path (empty when
    none has)."""
    known = {name: where for name, where in paths.items() if where is not None}
    return MappingProxyType(known) if known else EMPTY_PATHS


#: Each format's mark with no fields (shared, read-only): see :func:`marked`.
_MARKS: dict[str, Extra] = {}


def marked(fmt: Format, fields: Mapping[str, Any] | None = None, *, owned: bool = False) -> Extra:
    """An ``extra`` holding ``fields`` for ``fmt`` whose entry is there even when empty: it marks
    a node as made by ``fmt``'s decoder. ``owned``: ``fields`` is a dict no one else holds,
    taken over rather than copied. The empty mark is one shared mapping per format."""
    if fields:
        return MappingProxyType({fmt: MappingProxyType(fields if owned else dict(fields))})
    mark = _MARKS.get(fmt)
    if mark is None:
        mark = _MARKS[fmt] = MappingProxyType({fmt: MappingProxyType({})})
    return mark


def with_extra(fmt: Format, fields: Mapping[str, Any]) -> Extra:
    """An ``extra`` mapping holding ``fields`` for ``fmt`` (empty when ``fields`` is)."""
    if not fields:
        return EMPTY_EXTRA
    return MappingProxyType({fmt: MappingProxyType(dict(fields))})
