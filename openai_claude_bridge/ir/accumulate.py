"""Folding a stream of ir events into the ir response it describes.

Theory of operation
-------------------
:class:`Accumulator` keeps, per candidate, the parts in order of their ``index`` as mutable
builders. ``PartStarted`` opens a builder from the part header; each ``PartDelta`` appends its
fragment to the field its ``kind`` names (text, tool-call arguments, reasoning text, the
``summary_index``-th summary part, signature, refusal text, one citation); ``PartFinished``
with a complete part replaces the builder's result (the source stated the final part, e.g. a
Responses ``output_item.done``). ``ResponseStarted`` gives the id, model, time and ``echo`` (the
source's restated fields, where a non-streaming decoder puts them on its response).
``UsageUpdated`` merges counts field by field (a ``None`` keeps the earlier value),
``CandidateFinished`` records the stop reason, ``StreamError`` marks the response failed.
:meth:`Accumulator.result` builds the frozen :class:`~.response.Response`.

It is what "stream = non-stream" means in this library: accumulating a decoded source stream must
give the same ir as decoding the accumulated source response (ids and timestamps aside), and the
same holds after encoding.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from ..errors import InvalidInputError
from .base import EMPTY_EXTRA, NODE_FIELDS, Extra
from .content import Part, ReasoningPart, RefusalPart, TextPart, ToolCallPart
from .response import Candidate, Response, ResponseStatus, StopReason, Usage
from .stream import (
    CandidateFinished,
    DeltaKind,
    PartDelta,
    PartFinished,
    PartStarted,
    ResponseStarted,
    StreamEnded,
    StreamError,
    StreamEvent,
    UsageUpdated,
)

__all__ = ["Accumulator", "Fragments", "PartBuilder", "accumulate"]


class Fragments(list[str]):
    """The fragments of one text, in order, joined every few hundred: a long stream holds about
    its text rather than an object per delta (``"".join(fragments)`` is the text)."""

    JOIN_EVERY = 256

    def append(self, text: str) -> None:
        _append(self, text)
        if len(self) >= _JOIN_EVERY:  # (the stream's hot lane calls this once per fragment)
            joined = "".join(self)
            self.clear()
            _append(self, joined)


_append = list.append
_JOIN_EVERY = Fragments.JOIN_EVERY


@dataclasses.dataclass
class PartBuilder:
    """One part being built from its header and deltas (stream encoders use it too)."""

    part: Part
    text: list[str] = dataclasses.field(default_factory=Fragments)
    summary: dict[int, list[str]] = dataclasses.field(default_factory=dict)
    signature: list[str] = dataclasses.field(default_factory=Fragments)
    citations: list[Any] = dataclasses.field(default_factory=list)
    final: Part | None = None

    def add(self, event: PartDelta) -> None:
        """Append one delta's fragment to the field its ``kind`` names. Summary parts come in
        order: a ``summary_index`` may name a part seen so far or the next one, never skip ahead
        (a wire index of 10**9 must not make a billion empty summaries)."""
        if event.kind == "summary":
            self._check_summary_index(event.summary_index)
            self.summary.setdefault(event.summary_index, Fragments()).append(event.text)
        elif event.kind == "signature":
            self.signature.append(event.text)
        elif event.kind == "citation":
            if event.citation is not None:
                self.citations.append(event.citation)
        else:
            self.text.append(event.text)

    def sink(self, kind: DeltaKind, summary_index: int = 0) -> list[str] | None:
        """The list :meth:`add` appends a fragment of ``kind`` to, once it exists (a summary
        part's, once its first fragment came): appending there is ``add``. ``None`` for a kind
        kept otherwise (signature, citation) or a summary part not begun."""
        if kind == "summary":
            return self.summary.get(summary_index)
        if kind in ("signature", "citation"):
            return None
        return self.text

    def _check_summary_index(self, index: int) -> None:
        check_summary_index(self.part, index, max(self.summary, default=-1) + 1)

    def build(self) -> Part:
        if self.final is not None:
            return self.final
        part = self.part
        joined = "".join(self.text)
        if isinstance(part, TextPart):
            citations = part.citations
            if self.citations:
                citations = (*(citations or ()), *self.citations)
            return dataclasses.replace(part, text=part.text + joined, citations=citations)
        if isinstance(part, ToolCallPart):
            return dataclasses.replace(part, arguments=part.arguments + joined)
        if isinstance(part, RefusalPart):
            return dataclasses.replace(part, text=part.text + joined)
        if isinstance(part, ReasoningPart):
            text = part.text
            if self.text:
                text = (text or "") + joined
            summary = list(part.summary)
            for index in sorted(self.summary):
                while len(summary) <= index:
                    summary.append("")
                summary[index] += "".join(self.summary[index])
            signature = part.signature
            if self.signature:
                signature = (signature or "") + "".join(self.signature)
            return dataclasses.replace(part, text=text, summary=tuple(summary), signature=signature)
        return part


@dataclasses.dataclass
class _CandidateBuilder:
    parts: dict[int, PartBuilder] = dataclasses.field(default_factory=dict)
    stop_reason: StopReason | None = None
    stop_sequence: str | None = None
    raw_stop_reason: str | None = None


def check_summary_index(part: Part, index: int, seen: int) -> None:
    """Raise :class:`InvalidInputError` when a ``summary`` delta's ``index`` skips ahead of the
    summary parts of ``part`` (its header's, and the ``seen`` ones its deltas opened so far)."""
    known = len(part.summary) if isinstance(part, ReasoningPart) else 0
    limit = max(known, seen)
    if not 0 <= index <= limit:
        raise InvalidInputError(
            f"summary part {index} of part {part.path or 'the stream'} skips ahead of "
            f"the {limit} summary parts seen so far"
        )


class Accumulator:
    """Builds the :class:`Response` a sequence of ir stream events describes."""

    def __init__(self) -> None:
        self._id: str | None = None
        self._model: str | None = None
        self._created: int | None = None
        self._echo: Extra = EMPTY_EXTRA
        self._usage: Usage | None = None
        self._candidates: dict[int, _CandidateBuilder] = {}
        self._error: str | None = None
        self._ended = False

    def feed(self, event: StreamEvent) -> None:
        """Take one event."""
        match event:
            case ResponseStarted():
                self._id, self._model, self._created = event.id, event.model, event.created
                self._echo = event.echo
                if event.usage is not None:
                    self._merge_usage(event.usage)
            case PartStarted():
                self._candidate(event.candidate).parts[event.index] = PartBuilder(event.part)
            case PartDelta():
                self._delta(event)
            case PartFinished():
                builder = self._part(event.candidate, event.index)
                if event.part is not None:
                    builder.final = event.part
            case UsageUpdated():
                self._merge_usage(event.usage)
            case CandidateFinished():
                candidate = self._candidate(event.candidate)
                candidate.stop_reason = event.stop_reason
                candidate.stop_sequence = event.stop_sequence
                candidate.raw_stop_reason = event.raw_stop_reason
            case StreamEnded():
                self._ended = True
            case StreamError():
                self._error = event.error.message
                self._ended = True

    def _candidate(self, index: int) -> _CandidateBuilder:
        candidate = self._candidates.get(index)
        if candidate is None:
            candidate = self._candidates[index] = _CandidateBuilder()
        return candidate

    def _part(self, candidate: int, index: int) -> PartBuilder:
        builder = self._candidate(candidate).parts.get(index)
        if builder is None:
            raise InvalidInputError(f"stream event for part {index}, which was never started")
        return builder

    def _delta(self, event: PartDelta) -> None:
        self._part(event.candidate, event.index).add(event)

    def _merge_usage(self, usage: Usage) -> None:
        if self._usage is None:
            self._usage = usage
            return
        changes = {
            field.name: getattr(usage, field.name)
            for field in dataclasses.fields(Usage)
            if field.name not in NODE_FIELDS and getattr(usage, field.name) is not None
        }
        self._usage = dataclasses.replace(self._usage, **changes)

    def result(self) -> Response:
        """The response so far (``status`` says whether the stream ended)."""
        candidates = tuple(
            Candidate(
                index=index,
                parts=tuple(builder.parts[i].build() for i in sorted(builder.parts)),
                stop_reason=builder.stop_reason,
                stop_sequence=builder.stop_sequence,
                raw_stop_reason=builder.raw_stop_reason,
            )
            for index, builder in sorted(self._candidates.items())
        )
        status: ResponseStatus
        if self._error is not None:
            status = "failed"
        elif not self._ended:
            status = "in_progress"
        elif any(c.stop_reason == "max_tokens" for c in candidates):
            status = "incomplete"
        else:
            status = "completed"
        return Response(
            id=self._id,
            model=self._model,
            created=self._created,
            candidates=candidates,
            usage=self._usage,
            status=status,
            error_message=self._error,
            echo=self._echo,
        )


def accumulate(events: Iterable[StreamEvent]) -> Response:
    """The response ``events`` describe."""
    accumulator = Accumulator()
    for event in events:
        accumulator.feed(event)
    return accumulator.result()
