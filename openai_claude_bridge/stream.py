"""Streams: :class:`StreamConverter` (parsed events in, target event models out) and
:class:`SSETranscoder` (raw SSE bytes in, raw SSE bytes out).

Theory of operation
-------------------
A converter is ``source StreamDecoder -> ir stream events -> target StreamEncoder`` (each format's
``stream_decode`` / ``stream_encode`` module). Source quirks live in the decoder, target rules in
the encoder; this module only sequences them and keeps the state::

    OPEN --feed(terminal event)--> ENDED       (clean ending, already emitted)
    OPEN --feed(source error)----> FAILED      (target error ending, already emitted)
    OPEN --finish()--------------> ENDED       (complete source: closing events emitted)
                                 | FAILED      (truncated source, not strict: error ending)
    any --a raise----------------> ERROR       (every later call raises StreamStateError)

``feed`` after ``ENDED`` / ``FAILED`` is misuse (:class:`StreamStateError`), except that
``finish()`` after a source error (or a terminal event) returns ``[]``. Every error raised while
handling an event carries that event's 0-based ``event_index``.

A truncated source (``finish()`` before its terminal event) is never reported as a clean ending:
with ``strict=True`` it raises :class:`TruncatedStreamError`, otherwise the target gets its error
ending (anthropic ``error`` event, chat / completions ``{"error": …}`` frame, Responses
``response.failed``).

Given ``request=`` (the client's original request, in the target format), the ir events pass
through a :class:`~._restore.StreamRestorer` on their way to the encoder: tool calls whose names
a chat or Responses upstream needed shortened get their original names back, and calls of a
function that stood in for a custom tool become custom calls again, their raw input streamed as
the arguments arrive — as ``convert_response`` does.

The transcoder adds the SSE layer around a converter: it decodes any split of the upstream bytes
(:mod:`.sse`), parses each ``data:`` frame as JSON, consumes the chat / completions ``[DONE]``
sentinel (it means ``finish()``), and writes each target event as a frame — with an ``event:``
line for anthropic and Responses, data only for chat and completions, which end with
``data: [DONE]`` after a clean ending.
"""

from __future__ import annotations

import enum
import importlib
import json
from functools import cache
from typing import Any, Protocol

from pydantic import BaseModel

from . import ir
from ._restore import ClientTools, StreamRestorer
from .convert import client_tools
from .errors import BridgeError, InvalidInputError, StreamStateError, TruncatedStreamError
from .options import Format, Options, check_format, make_options
from .sse import SSEDecoder, encode_event
from .wire import from_wire, to_wire

__all__ = ["SSETranscoder", "StreamConverter", "StreamState"]


class StreamState(enum.Enum):
    """Where a stream converter stands (see the module docstring)."""

    OPEN = "open"
    ENDED = "ended"
    FAILED = "failed"
    ERROR = "error"


class _Decoder(Protocol):
    def feed(self, event: Any) -> list[ir.StreamEvent]: ...
    def finish(self) -> list[ir.StreamEvent]: ...


class _Encoder(Protocol):
    def feed(self, event: ir.StreamEvent) -> list[BaseModel]: ...


_EVENT_TYPES: dict[Format, str] = {
    "anthropic": "RawMessageStreamEvent",
    "chat": "ChatCompletionChunk",
    "responses": "ResponseStreamEvent",
    "completions": "Completion",
}


@cache
def _event_type(fmt: Format) -> Any:
    return getattr(importlib.import_module(f"{__package__}.{fmt}"), _EVENT_TYPES[fmt])


@cache
def _error_frame_type(fmt: Format) -> Any:
    return importlib.import_module(f"{__package__}.{fmt}").ErrorResponse


def _stream_class(fmt: Format, kind: str) -> Any:
    module = importlib.import_module(f"{__package__}.{fmt}.stream_{kind}")
    return module.StreamDecoder if kind == "decode" else module.StreamEncoder


def _parse_event(fmt: Format, event: Any, index: int) -> Any:
    """One source event as its model: chat / completions frames may be ``{"error": …}``."""
    if isinstance(event, BaseModel):
        return event
    if isinstance(event, (str, bytes, bytearray)):
        event = from_wire(dict, event, event_index=index)  # JSON text -> dict, or a clear error
    openai_error_frame = isinstance(event, dict) and "error" in event and "choices" not in event
    if fmt in ("chat", "completions") and openai_error_frame:
        return from_wire(_error_frame_type(fmt), event, event_index=index)
    return from_wire(_event_type(fmt), event, event_index=index)


class StreamConverter:
    """Converts a stream of ``source`` events into ``target`` events, eagerly, event by event."""

    def __init__(self, *, source: str, target: str, **options: Any) -> None:
        self.source: Format = check_format(source, argument="source")
        self.target: Format = check_format(target, argument="target")
        self.options: Options = make_options(**options)
        self._decoder: _Decoder = _stream_class(self.source, "decode")()
        self._encoder: _Encoder = _stream_class(self.target, "encode")(self.options)
        self._state = StreamState.OPEN
        self._index = 0
        tools = ClientTools({}, frozenset())
        if self.options.request is not None:
            tools = client_tools(self.options.request, self.target)
        self._restorer = StreamRestorer(tools, self.options)

    @property
    def state(self) -> StreamState:
        """Where the stream stands (read-only)."""
        return self._state

    def feed(self, event: Any) -> list[BaseModel]:
        """Convert one source event (a dict of its JSON, its JSON text, or a model)."""
        if self._state is not StreamState.OPEN:
            raise StreamStateError(f"feed() on a stream that is {self._state.value}")
        index = self._index
        self._index += 1
        try:
            parsed = _parse_event(self.source, event, index)
            return self._encode(self._decoder.feed(parsed))
        except BridgeError as exc:
            self._fail(exc, index)
            raise

    def finish(self) -> list[BaseModel]:
        """The end of the source stream: the target's closing events (or its error ending)."""
        if self._state in (StreamState.ENDED, StreamState.FAILED):
            return []
        if self._state is StreamState.ERROR:
            raise StreamStateError("finish() on a stream converter that raised")
        try:
            try:
                events = self._decoder.finish()
            except TruncatedStreamError as exc:
                if self.options.strict:
                    raise
                events = [ir.StreamError(_truncated(exc))]
            out = self._encode(events)
        except BridgeError as exc:
            self._fail(exc, None)
            raise
        if self._state is StreamState.OPEN:  # a decoder that emitted nothing final
            self._state = StreamState.ENDED
        return out

    def _encode(self, events: list[ir.StreamEvent]) -> list[BaseModel]:
        out: list[BaseModel] = []
        for event in events:
            for restored in self._restorer.feed(event):
                out.extend(self._encoder.feed(restored))
            if isinstance(event, ir.StreamEnded):
                self._state = StreamState.ENDED
            elif isinstance(event, ir.StreamError):
                self._state = StreamState.FAILED
        return out

    def _fail(self, exc: BridgeError, index: int | None) -> None:
        self._state = StreamState.ERROR
        if exc.event_index is None and index is not None:
            exc.at_event(index)


def _truncated(exc: TruncatedStreamError) -> ir.ApiError:
    return ir.ApiError(
        kind="server_error",
        message=f"the upstream stream ended before it finished: {exc.message}",
        status=502,
    )


#: Targets whose streams carry an ``event:`` line per frame.
_NAMED_EVENTS = frozenset({"anthropic", "responses"})
_DONE = "[DONE]"


class SSETranscoder:
    """Raw upstream SSE bytes in, raw downstream SSE bytes out (any split of the input)."""

    def __init__(self, *, source: str, target: str, **options: Any) -> None:
        self.converter = StreamConverter(source=source, target=target, **options)
        self._sse = SSEDecoder()
        self._finished = False
        self._done_sent = False

    @property
    def state(self) -> StreamState:
        """The state of the underlying converter."""
        return self.converter.state

    def feed(self, data: bytes) -> bytes:
        """Take the next upstream bytes; return the downstream bytes they complete."""
        if self._finished:
            raise StreamStateError("feed() after finish()")
        try:
            frames = self._sse.feed(data)
        except BridgeError:
            self.converter._state = StreamState.ERROR  # one machine, two layers
            raise
        return self._frames(frames)

    def finish(self) -> bytes:
        """The end of the upstream body: the remaining downstream bytes."""
        if self._finished:
            raise StreamStateError("finish() called twice")
        self._finished = True
        out = self._frames(self._sse.finish())
        if self.converter.state is StreamState.OPEN:
            out += self._write(self.converter.finish())
        return out

    def _frames(self, frames: list[Any]) -> bytes:
        out = b""
        for frame in frames:
            if frame.data == _DONE:
                if self.converter.state is StreamState.OPEN:
                    out += self._write(self.converter.finish())
                continue
            if self.converter.state is not StreamState.OPEN and not frame.data.strip():
                continue
            try:
                event = json.loads(frame.data)
            except ValueError as exc:
                raise self._invalid(f"SSE data is not JSON: {exc}") from None
            out += self._write(self.converter.feed(event))
        return out

    def _invalid(self, message: str) -> InvalidInputError:
        error = InvalidInputError(message, event_index=self.converter._index)
        self.converter._state = StreamState.ERROR
        return error

    def _write(self, events: list[BaseModel]) -> bytes:
        target = self.converter.target
        out = b""
        for event in events:
            wire = to_wire(event)
            name = wire.get("type") if target in _NAMED_EVENTS else None
            out += encode_event(json.dumps(wire, ensure_ascii=False, separators=(",", ":")), name)
        ended = self.converter.state is StreamState.ENDED
        if target in ("chat", "completions") and ended and not self._done_sent:
            self._done_sent = True
            out += encode_event(_DONE)
        return out
