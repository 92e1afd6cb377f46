"""What a relayed (same-format) stream has said, kept only to write its error ending if the
source is cut.

A relayed stream's events go out as they came; the target's encoder is made only when the
source is cut, and learns the stream then from this history. What it needs of it depends on the
target's error ending: an anthropic ``error`` event, a chat or Completions ``{"error": …}``
frame say nothing of the output, so the fragments (``PartDelta``) are not kept at all and the
history stays as small as the stream's parts; a Responses ``response.failed`` repeats the output
so far, so its fragments are kept, each run of fragments of one part joined as it grows (the
history holds about the text, not an object per event), until the part finishes with its whole
self stated (a Responses source's ``output_item.done``): the part then says the text, and the
fragments are let go.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import ir
from .ir.accumulate import Fragments

__all__ = ["RelayHistory"]


@dataclass
class _Run:
    """Consecutive fragments of one part and kind."""

    first: ir.PartDelta
    pieces: list[str] = field(default_factory=Fragments)

    def same_part(self, delta: ir.PartDelta) -> bool:
        first = self.first
        return (
            delta.citation is None
            and delta.index == first.index
            and delta.kind == first.kind
            and delta.candidate == first.candidate
            and delta.summary_index == first.summary_index
        )

    def add(self, text: str) -> None:
        self.pieces.append(text)

    def delta(self) -> ir.PartDelta:
        return replace(self.first, text="".join(self.pieces))


class RelayHistory:
    """The ir events of a relayed stream, for its error ending (see the module docstring)."""

    __slots__ = ("_events", "_keeps_fragments")

    def __init__(self, *, keeps_fragments: bool) -> None:
        self._keeps_fragments = keeps_fragments
        self._events: list[ir.StreamEvent | _Run] = []

    def add(self, event: ir.StreamEvent) -> None:
        """One more event the relayed source said."""
        if not isinstance(event, ir.PartDelta):
            if isinstance(event, ir.PartFinished) and event.part is not None:
                self._forget_text(event)
            self._events.append(event)
        elif self._keeps_fragments:
            last = self._events[-1] if self._events else None
            if isinstance(last, _Run) and last.same_part(event):
                last.add(event.text)
            elif event.citation is None:
                run = _Run(event)
                run.add(event.text)
                self._events.append(run)
            else:
                self._events.append(event)

    def _forget_text(self, finished: ir.PartFinished) -> None:
        """A part finished with its whole self stated: the fragments of its text are not needed
        any more (the part says them)."""
        self._events = [
            item
            for item in self._events
            if not (
                isinstance(item, _Run)
                and item.first.index == finished.index
                and item.first.candidate == finished.candidate
            )
        ]

    def events(self) -> list[ir.StreamEvent]:
        """What the encoder is to learn: the events kept, each run as one fragment."""
        return [item.delta() if isinstance(item, _Run) else item for item in self._events]
