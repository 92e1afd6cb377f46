"""The neutral stream vocabulary every stream decoder produces and every stream encoder consumes.

A source stream becomes, in order::

    ResponseStarted
    ( PartStarted  PartDelta*  PartFinished  |  UsageUpdated  |  CandidateFinished )*
    ( StreamEnded  |  StreamError )

Parts are numbered by ``index`` (unique within the stream, in order of first appearance) and may
be open concurrently (chat interleaves parallel tool calls, Responses has several items in
flight); a target that allows one open block at a time (anthropic) serialises them in its
encoder. Deltas carry text fragments exactly as they came — argument JSON is never buffered until
it parses. ``CandidateFinished`` is not the end: usage may still follow (chat sends it in a last
chunk after ``finish_reason``), so encoders hold their closing events until ``StreamEnded``.

These events are on the hot path: plain slotted dataclasses, no validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias, Union

from .base import EMPTY_EXTRA, Extra
from .content import Citation, Part
from .errors import ApiError
from .response import StopReason, Usage

__all__ = [
    "CandidateFinished",
    "DeltaKind",
    "PartDelta",
    "PartFinished",
    "PartStarted",
    "ResponseStarted",
    "StreamEnded",
    "StreamError",
    "StreamEvent",
    "UsageUpdated",
    "fragment",
]


@dataclass(frozen=True, slots=True)
class ResponseStarted:
    """The response exists: its id, model and creation time, and any usage known up front.

    ``extra`` and ``echo`` follow :class:`~.base.Node`: the source's top-level fields with no
    neutral meaning, and those that only restate something (a chat ``system_fingerprint``, the
    request settings a Responses ``Response`` echoes), keyed by format. An encoder of that same
    format writes them back on its stream; any other reports ``extra`` as lost and drops ``echo``
    silently. The accumulator gives ``echo`` to the response it builds."""

    id: str | None
    model: str | None
    created: int | None = None
    usage: Usage | None = None
    extra: Extra = field(default_factory=lambda: EMPTY_EXTRA)
    echo: Extra = field(default_factory=lambda: EMPTY_EXTRA)


@dataclass(frozen=True, slots=True)
class PartStarted:
    """A part opens. ``part`` is its header: a ``TextPart("")``, a ``ToolCallPart`` with its id and
    name and empty ``arguments``, an empty ``ReasoningPart``, or a complete ``NativePart``."""

    index: int
    part: Part
    candidate: int = 0


#: What a :class:`PartDelta` adds to its open part.
DeltaKind: TypeAlias = Literal[
    "text", "arguments", "reasoning", "summary", "signature", "refusal", "citation"
]


@dataclass(frozen=True, slots=True)
class PartDelta:
    """A fragment of an open part: text, tool-call argument JSON, reasoning text, a summary
    fragment, a signature, refusal text, or one citation."""

    index: int
    kind: DeltaKind
    text: str = ""
    citation: Citation | None = None
    candidate: int = 0
    summary_index: int = 0
    """Which summary part a ``summary`` fragment belongs to (Responses ``summary_index``)."""


_new = object.__new__
_set_index, _set_kind, _set_text, _set_citation, _set_candidate, _set_summary_index = (
    PartDelta.__dict__[name].__set__
    for name in ("index", "kind", "text", "citation", "candidate", "summary_index")
)


def fragment(
    index: int, kind: DeltaKind, text: str, candidate: int = 0, summary_index: int = 0
) -> PartDelta:
    """``PartDelta(index, kind, text, candidate=candidate, summary_index=summary_index)``, the
    same value made in half the time (a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``): the stream's hot lane makes one per event."""
    delta = _new(PartDelta)
    _set_index(delta, index)
    _set_kind(delta, kind)
    _set_text(delta, text)
    _set_citation(delta, None)
    _set_candidate(delta, candidate)
    _set_summary_index(delta, summary_index)
    return delta


@dataclass(frozen=True, slots=True)
class PartFinished:
    """A part is complete. ``part`` is the finished part when the source states it (Responses
    ``output_item.done``), else ``None`` and the encoder uses what the deltas built."""

    index: int
    part: Part | None = None
    candidate: int = 0


@dataclass(frozen=True, slots=True)
class UsageUpdated:
    """New token counts; fields left ``None`` keep their previous value."""

    usage: Usage


@dataclass(frozen=True, slots=True)
class CandidateFinished:
    """A candidate stopped, and why."""

    stop_reason: StopReason
    candidate: int = 0
    stop_sequence: str | None = None
    raw_stop_reason: str | None = None
    inferred: bool = False
    """The source did not say: it ended (chat's ``[DONE]``) without a stop reason for this
    candidate, and the decoder worked one out from what was emitted (an approximation the
    stream converter reports)."""


@dataclass(frozen=True, slots=True)
class StreamEnded:
    """The source stream ended properly (its terminal event arrived)."""

    extra: Extra = field(default_factory=lambda: EMPTY_EXTRA)


@dataclass(frozen=True, slots=True)
class StreamError:
    """The source reported an error mid-stream; nothing follows."""

    error: ApiError


#: Any event of a neutral stream, as stream decoders emit and stream encoders consume them.
StreamEvent: TypeAlias = Union[
    ResponseStarted,
    PartStarted,
    PartDelta,
    PartFinished,
    UsageUpdated,
    CandidateFinished,
    StreamEnded,
    StreamError,
]
