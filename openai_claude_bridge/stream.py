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
    OPEN --abort()---------------> FAILED      (the source was cut: error ending)
    any --a raise----------------> ERROR       (every later call raises StreamStateError)

``feed`` after ``ENDED``, or after ``finish()`` / ``abort()``, is misuse
(:class:`StreamStateError`); ``finish()`` / ``abort()`` after a source error (or a terminal event)
return ``[]``. What a source still sends after its own error event (OpenAI follows ``error``
with ``response.failed``) is read, and relayed to a same-format client or else dropped: the
target's error ending went out already. Every error raised while handling an event carries that
event's 0-based ``event_index``.

**How a source ends.** ``finish()`` is the end as the source's server says it: anthropic's
``message_stop`` / Responses' terminal event has come, or — chat and completions, whose server
ends with ``[DONE]`` — ``finish()`` *is* that ``[DONE]``: a choice still without its
``finish_reason`` then stops with the reason what it emitted implies (tool calls: ``tool_use``),
reported as an approximation. ``abort()`` is a cut (a connection error): never a clean ending.
A truncated source (``finish()`` before anthropic's / Responses' terminal event, or ``abort()``)
ends with the target's error ending (anthropic ``error`` event, chat / completions
``{"error": …}`` frame, Responses ``response.failed``); with ``strict=True`` it raises
:class:`TruncatedStreamError` instead.

**Same-format streams are relayed.** With ``source == target`` every source event comes back as
it came in — pings, explicit nulls, fields the ir has no place for — renamed only by
``options.model``. The decoder still reads each event (the stream's state, its errors); the
encoder is made only if the source is cut, from the ir events seen so far, to write the error
ending: only what the source has not said yet (Responses: no item closed again), its sequence
numbers continuing the source's.

Given ``request=`` (the client's original request, in the target format), the ir events pass
through a :class:`~._restore.StreamRestorer` on their way to the encoder: tool calls whose names
a chat or Responses upstream needed shortened get their original names back, and calls of a
function that stood in for a custom tool become custom calls again, their raw input streamed as
the arguments arrive — as ``convert_response`` does.

**The hot lane** (:mod:`._hot_lane`). A plain fragment of the open part — a few tokens of
text, of thinking, of a call's arguments, most of a stream's events — is read by the source
decoder straight from its JSON (``hot_shape`` then ``hot_take``) and, in the transcoder,
written by the target encoder from a template (``hot_frame``); a relayed one is dumped as it
came. After a part's first plain fragment the transcoder knows its next ones by their bytes
(:mod:`._frame_patterns`: a whole block a pattern knows skips the SSE decoder too, which it
would leave as it is). All of it keeps the state ``feed`` keeps and gives the bytes it gives;
anything else takes the full path.

The transcoder adds the SSE layer around a converter: it decodes any split of the upstream bytes
(:mod:`.sse`), parses each ``data:`` frame as JSON, consumes the chat / completions ``[DONE]``
sentinel (it means ``finish()``), and writes each target event as a frame — with an ``event:``
line for anthropic and Responses, data only for chat and completions, which end with
``data: [DONE]`` after a clean ending. At the end of the body, a last frame cut inside its JSON,
or a chat / completions body that never sent ``[DONE]``, is a cut (``abort()``). After any error,
every later call raises :class:`StreamStateError`.
"""

from __future__ import annotations

import enum
import importlib
import json
from collections.abc import Callable
from functools import cache
from typing import Any, Protocol

from pydantic import BaseModel
from pydantic_core import from_json

from . import ir
from ._frame_patterns import Learned, PatternBook, cut_pattern, marked
from ._hot_lane import Template, compact_json, event_json, json_frame
from ._relay_history import RelayHistory
from ._restore import ClientTools, StreamRestorer
from .convert import client_tools
from .errors import BridgeError, InvalidInputError, StreamStateError, TruncatedStreamError
from .options import Format, Options, check_format, make_options
from .sse import SSEDecoder, SSEEvent, encode_event, usual_event
from .wire import from_wire

__all__ = ["SSETranscoder", "StreamConverter", "StreamState"]


class StreamState(enum.Enum):
    """Where a stream converter stands (see the module docstring)."""

    OPEN = "open"
    ENDED = "ended"
    FAILED = "failed"
    ERROR = "error"


class _Decoder(Protocol):
    hot_counter: str | None
    hot_opaque: tuple[str, ...]

    def feed(self, event: Any) -> list[ir.StreamEvent]: ...
    def finish(self) -> list[ir.StreamEvent]: ...
    def hot_shape(self, raw: dict[str, Any]) -> tuple[Any, str] | None: ...
    def hot_take(self, where: Any, text: str) -> ir.PartDelta | None: ...
    def hot_path(self, raw: dict[str, Any]) -> tuple[str | int, ...]: ...


class _Encoder(Protocol):
    def feed(self, event: ir.StreamEvent) -> list[BaseModel]: ...
    def hot_frame(self, delta: ir.PartDelta) -> bytes | None: ...


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
        return from_wire(_error_frame_type(fmt), event, event_index=index, as_sent=True)
    return from_wire(_event_type(fmt), event, event_index=index, as_sent=True)


class StreamConverter:
    """Converts a stream of ``source`` events into ``target`` events, eagerly, event by event."""

    hot_lane = True
    """Whether plain deltas take the hot lane (:mod:`._hot_lane`); the output is the same
    either way (the tests turn it off to compare)."""

    def __init__(self, *, source: str, target: str, **options: Any) -> None:
        self.source: Format = check_format(source, argument="source")
        self.target: Format = check_format(target, argument="target")
        self.options: Options = make_options(**options)
        self._decoder: _Decoder = _stream_class(self.source, "decode")()
        self._relay = self.source == self.target
        self._encoder: _Encoder | None = None
        self._history = RelayHistory(keeps_fragments=self.target == "responses")
        self._last_sequence: int | None = None
        self._relay_orders: dict[tuple[tuple[Any, ...], ...], bool] = {}
        """Whether the full path dumps a relayed event whose objects list their keys so as it
        came (then it is dumped as it came)."""
        self._said: set[tuple[Any, ...]] = set()
        """What a relayed source said of its items (event type and position), which its error
        ending must not say again."""
        self._state = StreamState.OPEN
        self._closed = False
        """``finish()`` or ``abort()`` was called: the source is over."""
        self._index = 0
        tools = ClientTools({}, frozenset())
        if self.options.request is not None and not self._relay:
            tools = client_tools(self.options.request, self.target)
        self._restorer = StreamRestorer(tools, self.options)

    @property
    def state(self) -> StreamState:
        """Where the stream stands (read-only)."""
        return self._state

    def feed(self, event: Any) -> list[BaseModel]:
        """Convert one source event (a dict of its JSON, its JSON text, or a model). After the
        source's own error event, what it still sends (OpenAI follows its ``error`` event with
        ``response.failed``) is read and relayed to a same-format client, else dropped."""
        return self._feed(event, hot=type(event) is dict and not self._relay)

    def _feed(self, event: Any, *, hot: bool) -> list[BaseModel]:
        """``feed``; ``hot``: try the hot lane first (the transcoder, which has tried it
        already, passes ``False``)."""
        trailing = self._state is StreamState.FAILED and not self._closed
        if self._state is not StreamState.OPEN and not trailing:
            raise StreamStateError(f"feed() on a stream that is {self._state.value}")
        index = self._index
        try:
            found = self._hot_shape(event) if hot and not trailing else None
            delta = self._hot_take(*found) if found is not None else None
            if delta is not None:
                return self._encode([delta])
            self._index += 1
            parsed = _parse_event(self.source, event, index)
            if trailing:
                return [_renamed(parsed, self.options.model)] if self._relay else []
            events = self._decoder.feed(parsed)
            if self._relay:
                return self._relayed(parsed, events)
            return self._encode(events)
        except BridgeError as exc:
            self._fail(exc, index)
            raise

    def finish(self) -> list[BaseModel]:
        """The end of the source stream as its server ends it (chat / completions: ``[DONE]``):
        the target's closing events, or its error ending when the source was cut short."""
        if self._state in (StreamState.ENDED, StreamState.FAILED):
            self._closed = True
            return []
        if self._state is StreamState.ERROR:
            raise StreamStateError("finish() on a stream converter that raised")
        self._closed = True
        try:
            try:
                events = self._decoder.finish()
            except TruncatedStreamError as exc:
                if self.options.strict:
                    raise
                return self._cut(_truncated(exc))
            out = self._relay_ending(events) if self._relay else self._encode(events)
        except BridgeError as exc:
            self._fail(exc, None)
            raise
        if self._state is StreamState.OPEN:  # a decoder that emitted nothing final
            self._state = StreamState.ENDED
        return out

    def abort(self, reason: str = "the upstream connection was cut") -> list[BaseModel]:
        """The source stream was cut (a connection error, a body that ended without chat's
        ``[DONE]`` or inside a frame): the target's error ending, never a clean one —
        :class:`TruncatedStreamError` under ``strict``. ``[]`` when the stream had already
        ended (or failed)."""
        if self._state in (StreamState.ENDED, StreamState.FAILED):
            self._closed = True
            return []
        if self._state is StreamState.ERROR:
            raise StreamStateError("abort() on a stream converter that raised")
        self._closed = True
        exc = TruncatedStreamError(f"{reason} before the stream ended", event_index=self._index)
        if self.options.strict:
            self._state = StreamState.ERROR
            raise exc
        try:
            return self._cut(_truncated(exc))
        except BridgeError as error:
            self._fail(error, None)
            raise

    # ------------------------------------------------------------------ the hot lane

    def _hot_shape(self, raw: dict[str, Any]) -> tuple[Any, str] | None:
        """``(where, fragment)`` of a plain delta event, read by the decoder straight from the
        event's JSON (no model validated); ``None`` when the event is anything else (or the
        stream is not open): it then takes the full path."""
        if not self.hot_lane or self._state is not StreamState.OPEN:
            return None
        return self._decoder.hot_shape(raw)

    def _hot_take(self, where: Any, fragment: str) -> ir.PartDelta | None:
        """The ``PartDelta`` of a plain delta event (``where`` and ``fragment`` from
        :meth:`_hot_shape`) of an open part; ``None`` (nothing changed) when the part is not
        open: the event then takes the full path."""
        delta = self._decoder.hot_take(where, fragment)
        if delta is not None:
            self._index += 1
        return delta

    def _hot_frame(self, delta: ir.PartDelta) -> bytes | None:
        """The target's SSE frame for ``delta``, from the encoder's template; ``None`` when the
        delta makes anything but one plain delta frame (then ``_encode([delta])`` takes it:
        nothing changed)."""
        if not self._restorer.passes(delta):
            return None
        encoder = self._encoder if self._encoder is not None else self._target_encoder()
        return encoder.hot_frame(delta)

    def _relay_frame(self, raw: dict[str, Any]) -> bytes:
        """A relayed plain delta event as the full path writes it (its model, renamed, dumped):
        its own JSON dumped as it came (``to_wire(from_wire(e)) == e``), once the full path has
        shown, for events whose objects list their keys in this order, that it writes them in
        the same order; otherwise the full path's dump."""
        raw = self._renamed_raw(raw)
        text = compact_json(raw)
        order = _key_order(raw, self._decoder.hot_path(raw))
        if self._relay_orders.get(order) is not True:
            full = event_json(_parse_event(self.source, raw, 0))
            self._relay_orders[order] = full == text
            text = full
        return json_frame(text, raw["type"] if self.target in _NAMED_EVENTS else None)

    def _relay_template(self, raw: dict[str, Any]) -> Template | None:
        """The template of what :meth:`_relay_frame` writes for events like ``raw`` (a plain
        delta just relayed) with other values in its holes (:func:`._frame_patterns.marked`);
        ``None`` when their key order is not one the full path writes alike."""
        decoder = self._decoder
        path = decoder.hot_path(raw)
        if self._relay_orders.get(_key_order(raw, path)) is not True:
            return None
        marked_raw = marked(raw, path, decoder.hot_counter, decoder.hot_opaque)[0]
        event = raw["type"] if self.target in _NAMED_EVENTS else None
        try:
            frame = json_frame(compact_json(self._renamed_raw(marked_raw)), event)
            return Template.from_frame(frame.decode())
        except ValueError:  # a marker the event says elsewhere too
            return None

    def _renamed_raw(self, raw: dict[str, Any]) -> dict[str, Any]:
        """``raw`` renamed by ``options.model`` where :func:`_renamed` puts it."""
        if self.options.model is not None and "model" in raw:
            return {**raw, "model": self.options.model}
        return raw

    # ------------------------------------------------------------------ converting

    def _encode(self, events: list[ir.StreamEvent]) -> list[BaseModel]:
        encoder = self._target_encoder()
        out: list[BaseModel] = []
        for event in events:
            if isinstance(event, ir.CandidateFinished) and event.inferred:
                _lose_inferred_stop(event, self.options)
            for restored in self._restorer.feed(event):
                out.extend(encoder.feed(restored))
            self._note_end(event)
        return out

    def _target_encoder(self) -> _Encoder:
        if self._encoder is None:
            self._encoder = _stream_class(self.target, "encode")(self.options)
        return self._encoder

    def _note_end(self, event: ir.StreamEvent) -> None:
        if isinstance(event, ir.StreamEnded):
            self._state = StreamState.ENDED
        elif isinstance(event, ir.StreamError):
            self._state = StreamState.FAILED

    def _cut(self, error: ir.ApiError) -> list[BaseModel]:
        """The target's error ending for a source that was cut short."""
        if not self._relay:
            return self._encode([ir.StreamError(error)])
        # A relayed stream's encoder learns the stream only now, to write its error ending.
        encoder = self._target_encoder()
        for event in self._history.events():
            encoder.feed(event)
        out = self._encode([ir.StreamError(error)])
        unsaid = [event for event in out if _item_key(_fields_of(event)) not in self._said]
        return _continue_sequence(unsaid, self._last_sequence)

    # ------------------------------------------------------------------ relaying

    def _relayed(self, parsed: BaseModel, events: list[ir.StreamEvent]) -> list[BaseModel]:
        """A same-format stream is relayed: every source event comes back as it came (its
        model only renamed by ``options.model``); the decoder still reads it, for the stream's
        state and the error ending of a cut."""
        value_of = _fields_of(parsed)
        self._note_relayed(events, value_of("sequence_number"), _item_key(value_of))
        return [_renamed(parsed, self.options.model)]

    def _note_relayed(
        self, events: list[ir.StreamEvent], sequence: Any, item: tuple[Any, ...] | None
    ) -> None:
        """Keep what a relayed source event says for the error ending of a cut: its ir events,
        its ``sequence`` number, which ``item`` it spoke of (:func:`_item_key`)."""
        for event in events:
            self._history.add(event)
            self._note_end(event)
        if type(sequence) is int:
            self._last_sequence = sequence
        if item is not None:
            self._said.add(item)

    def _relay_ending(self, events: list[ir.StreamEvent]) -> list[BaseModel]:
        """The decoder's closing events of a relayed stream: the source said them already."""
        for event in events:
            self._history.add(event)
            self._note_end(event)
        return []

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


def _lose_inferred_stop(event: ir.CandidateFinished, options: Options) -> None:
    reason = (
        "the stream ended without this choice's finish_reason; "
        f"{event.stop_reason!r} was inferred from what it emitted"
    )
    options.lose(f"choices[{event.candidate}].finish_reason", "finish_reason", reason)


def _renamed(event: BaseModel, model: str | None) -> BaseModel:
    """``event`` with ``model`` as its model name, wherever its format says it (a chunk's
    ``model``, anthropic ``message_start.message.model``, a Responses event's
    ``response.model``); unchanged without one."""
    if model is None:
        return event
    if "model" in type(event).model_fields:
        return event.model_copy(update={"model": model})
    for holder in ("message", "response"):
        inner = getattr(event, holder, None)
        if isinstance(inner, BaseModel) and "model" in type(inner).model_fields:
            return event.model_copy(update={holder: inner.model_copy(update={"model": model})})
    return event


def _item_key(value_of: Callable[[str], Any]) -> tuple[Any, ...] | None:
    """What a Responses event (a model or its JSON, read by ``value_of``) says of which item:
    its type and its position (output index, content / summary index); ``None`` for an event
    about no item."""
    output_index = value_of("output_index")
    if output_index is None:
        return None
    where = (value_of(name) for name in ("content_index", "summary_index"))
    return (value_of("type"), output_index, *where)


def _fields_of(event: BaseModel) -> Callable[[str], Any]:
    """A model's field values by name (``None`` for a field it lacks)."""
    return lambda name: getattr(event, name, None)


def _key_order(raw: dict[str, Any], path: tuple[str | int, ...]) -> tuple[tuple[Any, ...], ...]:
    """The keys of each object from ``raw`` down ``path``, in the order they came."""
    orders = [tuple(raw)]
    value: Any = raw
    for step in path[:-1]:
        value = value[step]
        if isinstance(value, dict):
            orders.append(tuple(value))
    return tuple(orders)


def _continue_sequence(events: list[BaseModel], last: int | None) -> list[BaseModel]:
    """Responses events renumbered to follow the relayed source's last ``sequence_number``."""
    if last is None:
        return events
    out: list[BaseModel] = []
    for event in events:
        if isinstance(getattr(event, "sequence_number", None), int):
            last += 1
            out.append(event.model_copy(update={"sequence_number": last}))
        else:
            out.append(event)
    return out


#: Targets whose streams carry an ``event:`` line per frame.
_NAMED_EVENTS = frozenset({"anthropic", "responses"})
#: Formats whose server ends a stream with ``data: [DONE]``.
_DONE_SENTINEL = frozenset({"chat", "completions"})
_DONE = "[DONE]"


class SSETranscoder:
    """Raw upstream SSE bytes in, raw downstream SSE bytes out (any split of the input)."""

    def __init__(self, *, source: str, target: str, **options: Any) -> None:
        self.converter = StreamConverter(source=source, target=target, **options)
        self._sse = SSEDecoder()
        self._finished = False
        self._done_sent = False
        self._patterns = PatternBook()
        """The frame patterns of the plain delta events seen (:mod:`._frame_patterns`)."""

    @property
    def state(self) -> StreamState:
        """The state of the underlying converter."""
        return self.converter.state

    def feed(self, data: bytes) -> bytes:
        """Take the next upstream bytes; return the downstream bytes they complete."""
        if self._finished or self.converter._state is StreamState.ERROR:
            self._check("feed")
        tried = None
        if self._patterns and data[-2:] == b"\n\n" and self._sse.between_events:
            # One whole block a pattern knows (its holes hold no line break): the SSE decoder
            # would give it back as it is and stay as it is.
            tried = data[:-2]
            known = self._known(tried)
            if known is not None:
                return known
        try:
            frames = self._sse.feed_blocks(data)
        except BridgeError:
            self.converter._state = StreamState.ERROR  # one machine, two layers
            raise
        return self._frames(frames, tried)

    def finish(self) -> bytes:
        """The end of the upstream body: the remaining downstream bytes. A body cut inside a
        frame, or a chat / completions body without ``[DONE]``, was cut short: the target's
        error ending (:class:`TruncatedStreamError` under ``strict``)."""
        self._check("finish")
        self._finished = True
        out = b""
        for frame in self._sse.finish():  # the last frame, not closed by a blank line
            if frame.data != _DONE and not _is_json(frame.data):
                return out + self._write(self.converter.abort("the upstream body ended in a frame"))
            out += self._frames([frame])
        if self.converter.state is not StreamState.OPEN:
            return out
        if self.converter.source in _DONE_SENTINEL:
            return out + self._write(self.converter.abort("the upstream body ended without [DONE]"))
        return out + self._write(self.converter.finish())

    def abort(self, reason: str = "the upstream connection was cut") -> bytes:
        """The upstream connection broke (a read error, a timeout): the remaining downstream
        bytes — the target's error ending naming ``reason``, never a clean one
        (:class:`TruncatedStreamError` under ``strict``); ``b""`` when the stream had already
        ended. A frame the upstream had not finished is dropped, as the SSE rules say of an
        event cut off."""
        self._check("abort")
        self._finished = True
        return self._write(self.converter.abort(reason))

    def _check(self, call: str) -> None:
        if self._finished:
            raise StreamStateError(f"{call}() after finish()")
        if self.converter.state is StreamState.ERROR:
            raise StreamStateError(f"{call}() on a transcoder that raised")

    def _frames(self, frames: list[SSEEvent | bytes], tried: bytes | None = None) -> bytes:
        """The downstream bytes of the SSE decoder's ``frames`` (``tried``: a block no pattern
        knew, not to be matched again)."""
        converter = self.converter
        out: list[bytes] = []  # joined once: a body of many frames costs linear time
        for item in frames:
            block = None
            if type(item) is bytes:  # a usual block, undecoded: maybe a plain delta it knows
                known = self._known(item) if self._patterns and item != tried else None
                if known is not None:
                    out.append(known)
                    continue
                block = item
                try:
                    frame = usual_event(item)
                except BridgeError:
                    converter._state = StreamState.ERROR
                    raise
            else:
                assert isinstance(item, SSEEvent)
                frame = item
            data = frame.data
            if data == _DONE:
                if converter._state is StreamState.OPEN:
                    out.append(self._write(converter.finish()))
                continue
            if converter._state is not StreamState.OPEN and not data.strip():
                continue
            out.append(self._frame(data, block))
        return out[0] if len(out) == 1 else b"".join(out)

    def _known(self, block: bytes) -> bytes | None:
        """The downstream bytes of a block that a learned pattern knows as a plain delta of an
        open part (its JSON never parsed); ``None`` for any other block (nothing changed)."""
        matched = self._patterns.match(block)
        if matched is None:
            return None
        converter = self.converter
        if not converter.hot_lane or converter._state is not StreamState.OPEN:
            return None
        learned, (fragment, digits, opaque) = matched
        delta = converter._hot_take(learned.where, fragment)
        if delta is None:
            return None
        learned.known += 1
        try:
            if learned.relay is None:
                return self._hot_written(delta)
            sequence = int(digits) if digits else None
            converter._note_relayed([delta], sequence, learned.item)
            relay: Template = learned.relay
            return relay.fill(fragment, sequence or 0, opaque)
        except BridgeError as exc:
            converter._fail(exc, converter._index - 1)
            raise

    def _frame(self, data: str, block: bytes | None) -> bytes:
        """One source frame's downstream bytes (``block``: its bytes, when a usual block): a
        plain delta of an open part through the hot lane (read without a model, written from
        the target's template; and a pattern learned from its block), anything else through the
        converter; both give the same bytes (``tests/test_hot_lane.py``)."""
        converter = self.converter
        raw = _json_object(data)
        found = converter._hot_shape(raw) if raw is not None else None
        delta = converter._hot_take(*found) if found is not None else None
        if raw is not None and found is not None and delta is not None:
            try:
                if converter._relay:
                    get = raw.get
                    converter._note_relayed([delta], get("sequence_number"), _item_key(get))
                    frame = converter._relay_frame(raw)
                else:
                    frame = self._hot_written(delta)
            except BridgeError as exc:
                converter._fail(exc, converter._index - 1)
                raise
            if block is not None:
                self._learn(block, raw, found[0])
            return frame
        try:
            event = json.loads(data)  # the reader every other event has always had
        except ValueError as exc:
            raise self._invalid(f"SSE data is not JSON: {exc}") from None
        return self._write(converter._feed(event, hot=False))

    def _hot_written(self, delta: ir.PartDelta) -> bytes:
        """The downstream bytes of a plain delta taken by the hot lane: the encoder's template
        filled, or the full encoding when the delta makes more than one plain frame."""
        frame = self.converter._hot_frame(delta)
        return frame if frame is not None else self._write(self.converter._encode([delta]))

    def _learn(self, block: bytes, raw: dict[str, Any], where: Any) -> None:
        """Cut a pattern from the block of a plain delta the hot lane just took, which no
        pattern knew, when the book wants one for its shape (see
        :class:`._frame_patterns.PatternBook`)."""
        if self._patterns.wants(where):
            self._patterns.add(where, self._cut_pattern(block, raw, where))

    def _cut_pattern(self, block: bytes, raw: dict[str, Any], where: Any) -> Learned | None:
        """The pattern of a plain delta's block (and, for a relayed stream, its frame's
        template); ``None`` when none is sound."""
        converter = self.converter
        decoder = converter._decoder
        data_start = 6 if block.startswith(b"data: ") else block.index(b"\n") + 7
        path, counter, opaque = decoder.hot_path(raw), decoder.hot_counter, decoder.hot_opaque
        pattern = cut_pattern(block, data_start, raw, path, counter=counter, opaque=opaque)
        if pattern is None:
            return None
        relay = item = None
        if converter._relay:
            if pattern.numbered != (type(raw.get("sequence_number")) is int):
                return None
            relay = converter._relay_template(raw)
            if relay is None:
                return None
            item = _item_key(raw.get)
        return Learned(pattern, where, relay, item)

    def _invalid(self, message: str) -> InvalidInputError:
        error = InvalidInputError(message, event_index=self.converter._index)
        self.converter._state = StreamState.ERROR
        return error

    def _write(self, events: list[BaseModel]) -> bytes:
        target = self.converter.target
        named = target in _NAMED_EVENTS
        out = [
            json_frame(event_json(event), getattr(event, "type", None) if named else None)
            for event in events
        ]
        ended = self.converter.state is StreamState.ENDED
        if target in _DONE_SENTINEL and ended and not self._done_sent:
            self._done_sent = True
            out.append(encode_event(_DONE))
        return b"".join(out)


def _json_object(text: str) -> dict[str, Any] | None:
    """``text`` parsed by pydantic-core's JSON reader when it is a JSON object; ``None`` for
    anything else (the stdlib reader then parses it, or says why it cannot)."""
    try:
        value = from_json(text, cache_strings="keys")  # fragments are not worth keeping
    except ValueError:
        return None
    return value if type(value) is dict else None


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True
