"""Frame patterns: a plain delta event known by its SSE bytes, its JSON left unparsed.

Theory of operation
-------------------
The plain delta events of one part of a stream (see :mod:`._hot_lane`) are the same bytes but for
the fragment — one JSON string — and, in a Responses stream, the sequence number. Once the hot
lane has taken one such event from its SSE block (``data: {…}``, maybe after ``event: …``),
:func:`cut_pattern` cuts a :class:`FramePattern` from the block at those places: a head, the
fragment's hole, maybe a middle and the number's hole, a tail (or the number first). A later
block that starts with the head and ends with the tail, with between them one whole JSON string
(and, beside the middle, the digits of a decimal number) is that event with another fragment
(and number); :meth:`FramePattern.match` returns them, or ``None`` for any other block.

Why a match is that event. A JSON string is one token. When the head ends outside any string,
the block tokenises as the learned event with the string token (and the number token) replaced:
pydantic-core's reader parses the hole alone as one string and finds nothing after it, so it
ends where the hole ends. That the head ends outside a string, and that the holes are the
fragment and the counter, is checked when the pattern is cut: the block rebuilt with a marker
fragment (and a marker number) must parse to the learned event with the markers at the
fragment's path (and the counter's) and nothing else changed. Decoders' ``hot_shape`` look at
the fragment's and the counter's types, never their values, so they take the new event as they
took the learned one, with the same ``where``: the caller needs no parse to use it.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic_core import from_json

from ._hot_lane import MARK, NUMBER, json_string

__all__ = ["FramePattern", "cut_pattern", "replaced"]

_DIGITS = b"0123456789"
_SPACE = rb"[ \t\r\n]*"
#: A whole JSON string (its escapes taken as pairs).
_STRING = rb'"(?:[^"\\]|\\.)*"'


class FramePattern:
    """One plain delta event's SSE block with holes for the fragment and, maybe, a number."""

    __slots__ = ("_head", "_middle", "_number_first", "_tail")

    def __init__(self, head: bytes, middle: bytes, tail: bytes, number_first: bool | None):
        self._head, self._middle, self._tail = head, middle, tail
        self._number_first = number_first
        """``None``: no number; ``True``: the number's hole comes before the fragment's."""

    @property
    def numbered(self) -> bool:
        """Whether the pattern has a hole for a number."""
        return self._number_first is not None

    def match(self, block: bytes) -> tuple[str, bytes] | None:
        """``(fragment, number)`` of a block that is this event with another fragment (and
        number: its decimal digits, ``b""`` when the pattern has none); ``None`` for any other
        block."""
        head, tail = self._head, self._tail
        if not block.startswith(head) or not block.endswith(tail):
            return None
        body = block[len(head) : len(block) - len(tail)]
        digits = b""
        if self._number_first is not None:
            if self._number_first:
                rest = body.lstrip(_DIGITS)
                digits = body[: len(body) - len(rest)]
                if not rest.startswith(self._middle):
                    return None
                body = rest[len(self._middle) :]
            else:
                rest = body.rstrip(_DIGITS)
                digits = body[len(rest) :]
                if not rest.endswith(self._middle):
                    return None
                body = rest[: len(rest) - len(self._middle)]
            if not digits or (digits[0] == 48 and len(digits) > 1):  # JSON: no leading zero
                return None
        try:
            fragment = from_json(body, cache_strings=False)  # fragments are not worth keeping
        except ValueError:
            return None
        return (fragment, digits) if type(fragment) is str else None


def cut_pattern(
    block: bytes,
    data_start: int,
    raw: dict[str, Any],
    path: tuple[str | int, ...],
    counter: str | None,
) -> FramePattern | None:
    """The pattern of ``block`` (whose JSON, from ``data_start``, parsed to ``raw``), its
    fragment at ``path`` and its ``counter`` field (a top-level number, if the format has one);
    ``None`` when no cut proves sound (see the module docstring)."""
    key = path[-1]
    if type(key) is not str:
        return None
    numbered = counter is not None and type(raw.get(counter)) is int and raw[counter] >= 0
    expected = replaced(raw, path, MARK)
    if numbered:
        assert counter is not None
        expected = replaced(expected, (counter,), NUMBER)
    for fragment in _values_of(block, data_start, key, _STRING):
        holes = [(fragment, json_string(MARK).encode())]
        numbers = _values_of(block, data_start, counter, rb"[0-9]+") if numbered else [None]
        for number in numbers:
            if number is not None:
                holes = [holes[0], (number, str(NUMBER).encode())]
            pattern = _sound_cut(block, data_start, sorted(holes), expected, number is not None)
            if pattern is not None:
                return pattern
    return None


def _values_of(block: bytes, start: int, key: Any, value: bytes) -> list[tuple[int, int]]:
    """Where each ``"key": <value>`` of ``block`` (from ``start``) has its value."""
    name = json_string(key).encode()
    pattern = re.escape(name) + _SPACE + b":" + _SPACE + b"(" + value + b")"
    found = re.finditer(pattern, block[start:], re.DOTALL)
    return [(start + match.start(1), start + match.end(1)) for match in found]


def _sound_cut(
    block: bytes,
    data_start: int,
    holes: list[tuple[tuple[int, int], bytes]],
    expected: dict[str, Any],
    numbered: bool,
) -> FramePattern | None:
    """The pattern cut at ``holes`` (``((start, end), marker)`` in order), when the block with
    the markers in the holes parses to ``expected``."""
    pieces, marked, at = [], [], 0
    for (start, end), marker in holes:
        if start < at:
            return None  # overlapping holes
        pieces.append(block[at:start])
        marked += [block[at:start], marker]
        at = end
    pieces.append(block[at:])
    marked.append(block[at:])
    try:
        if from_json(b"".join(marked)[data_start:]) != expected:
            return None
    except ValueError:
        return None
    if not numbered:
        return FramePattern(pieces[0], b"", pieces[1], None)
    number_first = holes[0][1] != json_string(MARK).encode()
    return FramePattern(pieces[0], pieces[1], pieces[2], number_first)


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
