"""Frame patterns: a plain delta event known by its SSE bytes, its JSON left unparsed.

Theory of operation
-------------------
The plain delta events of one part of a stream (see :mod:`._hot_lane`) are the same bytes but
for the fragment — one JSON string — and, in a Responses stream, the sequence number; OpenAI
also pads each event with another ``obfuscation`` string, which the decoder does not read. Once
the hot lane has taken one such event from its SSE block (``data: {…}``, maybe after
``event: …``), :func:`cut_pattern` cuts a :class:`FramePattern` from the block at those places:
fixed pieces — a head, middles, a tail — around holes (the fragment's; the counter's; each
opaque string's). A later block that starts with the head and ends with the tail, with the
middles in order between them and in each hole one whole JSON string (the digits of a decimal
number for the counter), is that event with other values in the holes;
:meth:`FramePattern.match` returns them, or ``None`` for any other block. The usual pattern, one
hole for the fragment, is matched with ``startswith`` / ``endswith`` and one parse of the hole.

Why a match is that event. JSON strings and numbers are tokens. When the head ends outside any
string, the block tokenises as the learned event with its hole tokens replaced: each hole parses
alone as one string (pydantic-core's reader finds nothing after it) or is a run of digits, so
the token ends where the hole ends, and the fixed piece after it tokenises as it did (it starts
with no digit, no quote). Where a middle could be found early — inside the fragment — the hole
before it would not parse alone and the block takes the full path: a match is always right,
whichever occurrence was found. That the head ends outside a string, and that the holes are the
fragment, the counter and the opaque strings, is checked when the pattern is cut: the block
rebuilt with markers in the holes must parse to the learned event with the markers at those
places and nothing else changed. Decoders' ``hot_shape`` look at these values' types, never
their values, so they take the new event as they took the learned one, with the same ``where``:
the caller needs no parse to use it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from pydantic_core import from_json

from ._hot_lane import COUNTER, FRAGMENT, MARK, NUMBER, OPAQUE, json_string, opaque_mark

__all__ = ["FramePattern", "Learned", "PatternBook", "cut_pattern", "marked", "replaced"]

_SPACE = rb"[ \t\r\n]*"
#: A whole JSON string (its escapes taken as pairs).
_STRING = rb'"(?:[^"\\]|\\.)*"'


class FramePattern:
    """One plain delta event's SSE block with holes: the fragment's, maybe the counter's, maybe
    strings the decoder does not read."""

    __slots__ = ("_head", "_simple", "_steps", "_tail", "numbered")

    def __init__(self, pieces: list[bytes], kinds: list[str]) -> None:
        """The block is ``pieces[0] + hole + pieces[1] + hole + … + pieces[-1]``, each hole of
        the kind ``kinds`` says, in order."""
        self._head, self._tail = pieces[0], pieces[-1]
        self._steps = tuple(zip(kinds, [*pieces[1:-1], None], strict=True))
        """Each hole's kind and the piece after it (``None``: the tail)."""
        self._simple = kinds == [FRAGMENT]
        self.numbered = COUNTER in kinds
        """Whether the pattern has a hole for the counter."""

    def match(self, block: bytes) -> tuple[str, bytes, tuple[str, ...]] | None:
        """``(fragment, counter, opaque)`` of a block that is this event with other values in
        its holes — the counter as its decimal digits (``b""`` without one), the strings the
        decoder does not read in order; ``None`` for any other block."""
        head, tail = self._head, self._tail
        if not block.startswith(head) or not block.endswith(tail):
            return None
        end = len(block) - len(tail)
        if self._simple:  # the usual pattern: one hole, the fragment
            try:
                fragment = from_json(block[len(head) : end], cache_strings=False)
            except ValueError:
                return None
            return (fragment, b"", ()) if type(fragment) is str else None
        return self._match_holes(block, len(head), end)

    def _match_holes(
        self, block: bytes, at: int, end: int
    ) -> tuple[str, bytes, tuple[str, ...]] | None:
        fragment: Any = None
        digits = b""
        opaque: list[str] = []
        for kind, after in self._steps:
            stop = end if after is None else block.find(after, at, end)
            if stop < 0:
                return None
            if kind is COUNTER:
                digits = block[at:stop]
                if not digits.isdigit() or (digits[0] == 48 and len(digits) > 1):  # no lead 0
                    return None
            else:
                try:
                    text = from_json(block[at:stop], cache_strings=False)  # not worth keeping
                except ValueError:
                    return None
                if type(text) is not str:
                    return None
                if kind is FRAGMENT:
                    fragment = text
                else:
                    opaque.append(text)
            if after is not None:
                at = stop + len(after)
        return fragment, digits, tuple(opaque)


def cut_pattern(
    block: bytes,
    data_start: int,
    raw: dict[str, Any],
    path: tuple[str | int, ...],
    *,
    counter: str | None,
    opaque: tuple[str, ...] = (),
) -> FramePattern | None:
    """The pattern of ``block`` (whose JSON, from ``data_start``, parsed to ``raw``), its
    fragment at ``path``, its ``counter`` field (a top-level number, if the format has one) and
    the top-level ``opaque`` strings the decoder does not read; ``None`` when no cut proves
    sound (see the module docstring)."""
    key = path[-1]
    if type(key) is not str:
        return None
    expected, marks = marked(raw, path, counter, opaque)
    where = [
        _values_of(block, data_start, name, rb"[0-9]+" if kind == COUNTER else _STRING)
        for name, kind, _ in marks
    ]
    for spans in itertools.product(*where):
        holes = sorted(zip(spans, [(kind, mark) for _, kind, mark in marks], strict=True))
        pattern = _sound_cut(block, data_start, holes, expected)
        if pattern is not None:
            return pattern
    return None


def marked(
    raw: dict[str, Any],
    path: tuple[str | int, ...],
    counter: str | None,
    opaque: tuple[str, ...] = (),
) -> tuple[Any, list[tuple[str, str, str]]]:
    """``raw`` with markers in its holes — :data:`.MARK` at ``path``, :data:`.NUMBER` as the
    ``counter`` (a top-level number at least 0), an :func:`opaque_mark` as each ``opaque``
    top-level string — and each hole's key, kind and marker as JSON writes it (the
    fragment's first)."""
    marks = [(str(path[-1]), FRAGMENT, json_string(MARK))]
    value = replaced(raw, path, MARK)
    if counter is not None and type(raw.get(counter)) is int and raw[counter] >= 0:
        value = replaced(value, (counter,), NUMBER)
        marks.append((counter, COUNTER, str(NUMBER)))
    for position, name in enumerate(key for key in opaque if type(raw.get(key)) is str):
        value = replaced(value, (name,), opaque_mark(position))
        marks.append((name, OPAQUE, json_string(opaque_mark(position))))
    return value, marks


def _values_of(block: bytes, start: int, key: Any, value: bytes) -> list[tuple[int, int]]:
    """Where each ``"key": <value>`` of ``block`` (from ``start``) has its value."""
    name = json_string(key).encode()
    pattern = re.escape(name) + _SPACE + b":" + _SPACE + b"(" + value + b")"
    found = re.finditer(pattern, block[start:], re.DOTALL)
    return [(start + match.start(1), start + match.end(1)) for match in found]


def _sound_cut(
    block: bytes,
    data_start: int,
    holes: list[tuple[tuple[int, int], tuple[str, str]]],
    expected: Any,
) -> FramePattern | None:
    """The pattern cut at ``holes`` (``((start, end), (kind, marker))`` in order), when the
    block with the markers in the holes parses to ``expected``."""
    pieces, rebuilt, at = [], [], 0
    for (start, end), (_, marker) in holes:
        if start < at:
            return None  # overlapping holes
        pieces.append(block[at:start])
        rebuilt += [block[at:start], marker.encode()]
        at = end
    pieces.append(block[at:])
    rebuilt.append(block[at:])
    try:
        if from_json(b"".join(rebuilt)[data_start:]) != expected:
            return None
    except ValueError:
        return None
    return FramePattern(pieces, [kind for _, (kind, _) in holes])


def replaced(value: Any, path: tuple[str | int, ...], new: Any) -> Any:
    """``value`` with ``new`` at ``path`` (the objects and arrays on the way copied)."""
    if not path:
        return new
    step, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, step: replaced(value[step], rest, new)}
    copy = list(value)
    copy[step] = replaced(copy[step], rest, new)  # type: ignore[index]
    return copy


# --------------------------------------------------------------------------- the book


#: The most part shapes a book cuts patterns for.
_MOST_SHAPES = 64
#: How many blocks a pattern must have known to have been worth its cut.
_WORTH_A_CUT = 8
#: What :class:`PatternBook` has for a shape never cut.
_NOT_CUT: Any = object()


@dataclass(slots=True)
class Learned:
    """A pattern a book holds, and what its matches are to its reader."""

    pattern: FramePattern
    where: Any
    """Where the fragment goes, as the decoder's ``hot_shape`` said."""
    relay: Any = None
    """The reader's own: for a relayed stream, the frame it writes back (a template)."""
    item: Any = None
    """The reader's own: for a relayed stream, the item the event speaks of."""
    known: int = 0
    """How many blocks it knew."""
    missed: int = 0
    """How many plain deltas of its shape it did not know (another value in a fixed piece)."""
    patience: int = 1
    """How many it may miss before it is cut again."""


class PatternBook:
    """The patterns of one stream's parts, one per shape, the most recently matched first (a
    part's deltas come in runs).

    A shape is cut once, and again when a field its pattern holds fixed changes (a chunk's
    ``created`` ticks each second): a plain delta of its shape the pattern did not know says
    so. A pattern that knew few blocks was not worth its cut, and the next one waits twice as
    long — a field other in every chunk costs about log2(chunks) cuts, not one per chunk. At
    most a few dozen shapes are cut; one without a sound cut is not tried again."""

    __slots__ = ("_cut", "_patterns")

    def __init__(self) -> None:
        self._patterns: list[Learned] = []
        self._cut: dict[Any, Learned | None] = {}

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def match(self, block: bytes) -> tuple[Learned, tuple[str, bytes, tuple[str, ...]]] | None:
        """The pattern that knows ``block`` and what its holes hold; ``None`` if none does."""
        patterns = self._patterns
        learned = patterns[0]
        found = learned.pattern.match(block)
        if found is not None:
            return learned, found
        for position in range(1, len(patterns)):
            learned = patterns[position]
            found = learned.pattern.match(block)
            if found is not None:
                patterns[0], patterns[position] = learned, patterns[0]
                return learned, found
        return None

    def wants(self, where: Any) -> bool:
        """Whether a plain delta of shape ``where`` that no pattern knew is to be cut (see the
        class docstring); then :meth:`add` takes what the cut gave."""
        old = self._cut.get(where, _NOT_CUT)
        if old is None:
            return False
        if old is _NOT_CUT:
            return len(self._cut) < _MOST_SHAPES
        old.missed += 1
        return bool(old.missed >= old.patience)

    def add(self, where: Any, learned: Learned | None) -> None:
        """The pattern cut for shape ``where`` (``None``: no sound cut), in place of its old
        one."""
        old = self._cut.get(where)
        patience = 1
        if old is not None:
            self._patterns.remove(old)
            patience = 1 if old.known >= _WORTH_A_CUT else old.patience * 2
        self._cut[where] = learned
        if learned is not None:
            learned.patience = patience
            self._patterns.insert(0, learned)
