"""Incremental decoding of one JSON string value whose text arrives in fragments.

A stream gives a tool call's JSON arguments in fragments split anywhere: inside an escape
sequence (``\\n``, ``\\"``, ``\\u00e9``), between the two halves of a surrogate pair
(``\\ud83d\\ude00``). :class:`JSONStringDecoder` reads the text of one string *after* its opening
quote and returns, for each fragment, the characters that fragment makes certain:

* a plain character at once;
* an escape sequence once it is complete;
* a ``\\u`` high surrogate once it is known whether a low surrogate escape follows (then the
  pair as one character); a surrogate that is not half of a pair is given alone, as
  :func:`json.loads` does.

The closing quote ends the string: :attr:`JSONStringDecoder.closed` turns true and the text after
it (and every later fragment) is kept in :attr:`JSONStringDecoder.rest`. An invalid escape sets
:attr:`JSONStringDecoder.error` and ends decoding (later fragments give nothing). Raw control
characters, which strict JSON forbids inside strings, are taken as they are. For any valid JSON
string split anywhere, the concatenated output equals ``json.loads`` of the whole string.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["JSONStringDecoder"]

_SIMPLE: Final = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}
_PLAIN = re.compile(r'[^"\\]+')
_HEX = re.compile(r"[0-9a-fA-F]{4}")
_ESCAPE_LENGTH: Final = 6  # \uXXXX


def _is_high(code: int) -> bool:
    return 0xD800 <= code <= 0xDBFF


def _is_low(code: int) -> bool:
    return 0xDC00 <= code <= 0xDFFF


class JSONStringDecoder:
    """Decodes the text of one JSON string (after its opening quote), fragment by fragment."""

    __slots__ = ("_high", "_pending", "_rest", "closed", "error")

    def __init__(self) -> None:
        self._pending = ""
        """The start of an escape sequence that the next fragment completes."""
        self._high: int | None = None
        """A decoded high surrogate waiting to learn whether a low one follows."""
        self.closed = False
        """The closing quote was read."""
        self._rest: list[str] = []
        self.error: str | None = None
        """Why decoding stopped early (an invalid escape), else ``None``."""

    def feed(self, fragment: str) -> str:
        """The characters ``fragment`` makes certain (see the module docstring)."""
        if self.closed or self.error is not None:
            if self.closed:
                self._rest.append(fragment)
            return ""
        text = self._pending + fragment if self._pending else fragment
        self._pending = ""
        out: list[str] = []
        i, end = 0, len(text)
        while i < end:
            char = text[i]
            if char == '"':
                self._flush_high(out)
                self.closed = True
                self._rest.append(text[i + 1 :])
                break
            if char != "\\":
                plain = _PLAIN.match(text, i)
                assert plain is not None
                self._flush_high(out)
                out.append(plain.group())
                i = plain.end()
                continue
            step = self._escape(text, i, out)
            if step == 0:
                self._pending = text[i:]
                break
            if step < 0:
                break
            i += step
        return "".join(out)

    @property
    def rest(self) -> str:
        """The text after the closing quote (every fragment fed since)."""
        return "".join(self._rest)

    def _escape(self, text: str, i: int, out: list[str]) -> int:
        """Decode the escape at ``text[i]`` into ``out``: its length, 0 when ``text`` ends inside
        it (or inside the escape that may complete a surrogate pair), -1 when it is invalid."""
        if i + 1 >= len(text):
            return 0
        kind = text[i + 1]
        simple = _SIMPLE.get(kind)
        if simple is not None:
            self._flush_high(out)
            out.append(simple)
            return 2
        if kind != "u":
            self.error = f"invalid escape \\{kind} in a JSON string"
            return -1
        digits = text[i + 2 : i + _ESCAPE_LENGTH]
        if not _HEX.fullmatch(digits):
            if len(digits) < 4 and all(c in "0123456789abcdefABCDEF" for c in digits):
                return 0
            self.error = f"invalid escape \\u{digits} in a JSON string"
            return -1
        code = int(digits, 16)
        if self._high is not None:
            if _is_low(code):
                high, self._high = self._high, None
                out.append(chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)))
                return _ESCAPE_LENGTH
            self._flush_high(out)
        if _is_high(code):
            self._high = code
        else:
            out.append(chr(code))
        return _ESCAPE_LENGTH

    def _flush_high(self, out: list[str]) -> None:
        """Give a waiting high surrogate alone: what follows is not its low half."""
        if self._high is not None:
            out.append(chr(self._high))
            self._high = None
