"""Incremental Server-Sent Events: bytes in, events out; events in, bytes out.

Theory of operation (decoder)
-----------------------------
The WHATWG event-stream grammar is line based. :class:`SSEDecoder` keeps two buffers:

* ``_pending`` — bytes received but not yet ending in a line terminator. Bytes are only decoded
  as UTF-8 once a whole line is available, so a chunk boundary inside a multi-byte character
  (or between ``\\r`` and ``\\n``) changes nothing.
* the fields of the event being assembled (``event``, ``data`` lines, ``id``, ``retry``).

Each complete line is one of: empty (dispatch the assembled event, if it has data or an event
name), a comment (``:`` first — keep-alives; ignored), or ``field: value`` (one leading space of
the value is dropped; unknown fields are ignored, as the spec says). Lines end with ``\\n``,
``\\r\\n`` or a lone ``\\r``; a ``\\r`` at the very end of a chunk waits for the next chunk to
tell a lone ``\\r`` from ``\\r\\n``. A buffer without any ``\\r`` (the usual body) is split on
``\\n`` in one pass, and its usual events (one ``data:`` line, maybe after one ``event:`` line,
then a blank line) are dispatched whole; ``data:`` lines are recognised before any other field.
A UTF-8 byte-order mark at the very start is skipped.

``finish()`` ends the stream: an unterminated last line is taken as complete and the event being
assembled is dispatched (real servers often omit the final blank line). Invalid UTF-8 raises
:class:`InvalidInputError`.

The encoder side is :func:`encode_event`: one event to bytes, ``data`` split on newlines into
several ``data:`` lines so any text survives the trip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import InvalidInputError

__all__ = ["SSEDecoder", "SSEEvent", "encode_comment", "encode_event", "usual_event", "utf8"]

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class SSEEvent:
    """One dispatched event."""

    data: str
    event: str | None = None
    """The ``event:`` name, ``None`` when the server sent none."""
    id: str | None = None
    retry: int | None = None


class SSEDecoder:
    """Turns any split of an event-stream body into whole events (see the module docstring)."""

    __slots__ = ("_data", "_event", "_id", "_idle", "_pending", "_retry", "_started")

    def __init__(self) -> None:
        self._pending = b""
        self._started = False
        self._event: str | None = None
        self._data: list[str] = []
        self._id: str | None = None
        self._retry: int | None = None
        self._idle = False
        """What :attr:`between_events` says, worked out after each call."""

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        """Take the next bytes; return the events they complete."""
        events = self._feed(chunk, False)
        self._idle = self._holds_nothing()
        return events  # type: ignore[return-value]

    @property
    def between_events(self) -> bool:
        """Whether the decoder holds nothing: the stream has begun (past any byte-order mark),
        no line or event is half read. A whole usual block then changes nothing in it."""
        return self._idle

    def _holds_nothing(self) -> bool:
        return (
            self._started
            and not self._pending
            and not self._data
            and self._event is None
            and self._retry is None
        )

    def feed_blocks(self, chunk: bytes) -> list[SSEEvent | bytes]:
        """:meth:`feed`, but a usual event (one ``data:`` line, maybe after one ``event:``
        line, no ``id:`` set) comes as its block's bytes, undecoded (a caller may know it by its
        bytes); :func:`usual_event` makes its :class:`SSEEvent`."""
        events = self._feed(chunk, True)
        self._idle = self._holds_nothing()
        return events

    def _feed(self, chunk: bytes, blocks: bool) -> list[SSEEvent | bytes]:
        buffer = self._pending + chunk if self._pending else chunk
        if not self._started:
            if len(buffer) < len(_BOM) and _BOM.startswith(buffer):
                self._pending = buffer
                return []
            self._started = True
            if buffer.startswith(_BOM):
                buffer = buffer[len(_BOM) :]
        events: list[SSEEvent | bytes] = []
        if b"\r" not in buffer:  # the usual body: "\n" line ends only
            if not self._data and self._event is None and self._retry is None:  # nothing half-read
                buffer = self._blocks(buffer, events, blocks)
                if not buffer:  # the chunk ended with its last event
                    self._pending = b""
                    return events
            *lines, self._pending = buffer.split(b"\n")
            for line in lines:
                self._line(line, events)
            return events
        start = 0
        size = len(buffer)
        while True:
            cut = _line_end(buffer, start)
            if cut < 0:
                break
            end, after = cut, cut + 1
            if buffer[cut] == 13:  # "\r": maybe "\r\n"
                if after == size:
                    break  # wait: the next chunk may start with "\n"
                if buffer[after] == 10:
                    after += 1
            self._line(buffer[start:end], events)
            start = after
        self._pending = buffer[start:]
        return events

    def finish(self) -> list[SSEEvent]:
        """End of the stream: flush the last line and event, if any."""
        events: list[SSEEvent] = []
        pending = self._pending.rstrip(b"\r")
        self._pending = b""
        if pending:
            self._line(pending, events)
        self._line(b"", events)
        self._idle = self._holds_nothing()
        return events

    def _blocks(self, buffer: bytes, events: list[Any], undecoded: bool) -> bytes:
        """Dispatch the whole events of ``buffer`` (one without ``\\r``, starting a new event):
        the usual ones — one ``data:`` line, maybe after one ``event:`` line — at once (as
        their bytes when ``undecoded`` and no ``id:`` is set), any other line by line. Returns
        what follows the last blank line."""
        *blocks, rest = buffer.split(b"\n\n")
        for block in blocks:
            if (block.startswith(b"data: ") and b"\n" not in block) or _named_usual(block):
                kept = undecoded and self._id is None
                events.append(block if kept else usual_event(block, self._id))
                continue
            for line in block.split(b"\n"):
                self._line(line, events)
            self._line(b"", events)
        return rest

    def _line(self, raw: bytes, events: list[Any]) -> None:
        if raw.startswith(b"data: "):  # the usual lines first
            self._data.append(_utf8(raw[6:]))
            return
        if not raw:
            if self._data or self._event is not None:
                events.append(SSEEvent("\n".join(self._data), self._event, self._id, self._retry))
            self._event, self._data, self._retry = None, [], None
            return
        if raw.startswith(b"event: "):
            self._event = _utf8(raw[7:])
            return
        line = _utf8(raw)
        if line[0] == ":":
            return
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id":
            if "\0" not in value:
                self._id = value
        elif name == "retry" and value.isdigit():
            self._retry = int(value)


def _named_usual(block: bytes) -> bool:
    """Whether an event's block (its lines without the blank one) is one ``event: `` line and
    one ``data: `` line."""
    name, _, data = block.partition(b"\n")
    return name.startswith(b"event: ") and data.startswith(b"data: ") and b"\n" not in data


def usual_event(block: bytes, id: str | None = None) -> SSEEvent:
    """The event of a usual block (see :meth:`SSEDecoder.feed_blocks`)."""
    if block.startswith(b"data: "):
        return SSEEvent(_utf8(block[6:]), None, id)
    name, _, data = block.partition(b"\n")
    return SSEEvent(_utf8(data[6:]), _utf8(name[7:]), id)


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"event stream is not valid UTF-8: {exc}") from None


def _line_end(buffer: bytes, start: int) -> int:
    """Index of the first ``\\n`` or ``\\r`` at or after ``start``, or -1."""
    newline = buffer.find(b"\n", start)
    carriage = buffer.find(b"\r", start)
    if carriage < 0:
        return newline
    if newline < 0:
        return carriage
    return min(newline, carriage)


def encode_event(data: str, event: str | None = None) -> bytes:
    """One event as bytes: an optional ``event:`` line, one ``data:`` line per line of ``data``,
    and the blank line that dispatches it."""
    lines = [f"event: {event}"] if event is not None else []
    text = data.replace("\r\n", "\n").replace("\r", "\n")  # SSE cannot carry a bare "\r"
    lines.extend(f"data: {part}" for part in text.split("\n"))
    return utf8("\n".join(lines) + "\n\n")


def utf8(text: str) -> bytes:
    """``text`` as UTF-8, a lone surrogate written as the JSON escape it came as (``\\ud83d``:
    some servers send half an emoji per chunk, the other half in the next)."""
    try:
        return text.encode()
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace")


def encode_comment(text: str = "") -> bytes:
    """A comment line (a keep-alive)."""
    return f": {text}\n\n".encode() if text else b":\n\n"
