"""Anthropic Messages stream events -> neutral ir stream events.

Theory of operation
-------------------
A Messages stream is one message built in order::

    message_start ( content_block_start content_block_delta* content_block_stop )*
    message_delta* message_stop          (``ping`` anywhere; or ``error`` anywhere, then nothing)

:class:`StreamDecoder` is a small state machine over that grammar:

``START``
    Only ``message_start`` is accepted -> ``ResponseStarted`` (id, model, the decoded start
    usage; the message's other non-null fields, e.g. ``container``, in ``extra``). A
    ``message_start`` whose ``content`` is not empty (a prefill echoed by a proxy) opens and
    closes one part per block.
``MESSAGE``
    Between blocks. ``content_block_start`` must carry the next index: anthropic indices are
    positions in ``message.content``, so they are 0, 1, 2, ... and the ir index is the anthropic
    index unchanged (one candidate, 0). A gap or a repeat is rejected (the SDK's own accumulator
    would index the wrong block).
``BLOCK``
    One block is open; its deltas must name its index and suit its type (``text_delta`` /
    ``citations_delta`` for ``text``, ``thinking_delta`` / ``signature_delta`` for ``thinking``,
    ``input_json_delta`` for the tool-use blocks, ``compaction_delta`` for ``compaction``);
    anything else is invalid input. ``content_block_stop`` names the open index ->
    ``PartFinished``.
``DELTA``
    After the first ``message_delta``: more ``message_delta`` events (usage updates) are
    accepted, content blocks are not.
``ENDED`` / ``FAILED``
    After ``message_stop`` (-> ``StreamEnded``) or ``error`` (-> ``StreamError``): any later
    event is invalid input.

Block headers: ``text`` -> ``TextPart`` (its start text kept, deltas appended); ``thinking`` ->
``ReasoningPart`` with the start's ``thinking`` / ``signature`` (``""``), deltas appended;
``redacted_thinking`` -> a complete ``ReasoningPart``; ``tool_use`` -> ``ToolCallPart`` whose
``arguments`` are the ``input_json_delta`` fragments exactly as they came (a start ``input``
that is not ``{}`` is its compact JSON; a block that streamed no fragment gets ``"{}"`` when
it stops, which is what its ``input: {}`` means). Every other block (server tools, their
results, MCP, compaction, fallback, unknown future blocks) is a ``NativePart``; those that grow
by deltas (``server_tool_use`` / ``mcp_tool_use`` input, ``compaction``) restate their final
form in ``PartFinished``. Compaction deltas replace the block's ``content`` /
``encrypted_content``, as the SDK's accumulator does.

Tolerated, as the API and proxies really send them: ``ping`` and unknown event types (ignored);
unknown delta types (ignored); ``null`` fields and unknown extra fields (kept in ``extra``);
a ``message_delta`` or ``message_stop`` while a block is still open (the API ends a
``max_tokens`` stream so: the block is finished first); ``message_stop`` without a
``message_delta`` (no stop reason is invented). Rejected with :class:`InvalidInputError`:
anything before ``message_start``, a second ``message_start``, a block started while another is
open, out of order, or after ``message_delta``, a delta or stop for a block that is not the open
one, a delta of the wrong type, any event after ``message_stop`` / ``error``.

Stop reason: a stream may restate it in a second ``message_delta`` (the later one wins, as in
the SDK's accumulator), so the one ``CandidateFinished`` goes out with ``message_stop``, just
before ``StreamEnded`` (targets hold their closing events until then anyway); ``UsageUpdated``
goes out at each ``message_delta``.

Usage: anthropic's counts are cumulative; ``input_tokens`` excludes the cache. The decoder keeps
the raw uncached input and cache counts, so each ``UsageUpdated`` carries the ir's total
``input_tokens`` (uncached + cache reads + cache writes) consistent with every count seen so far.
A stop reason anthropic has and the ir has not is kept verbatim in ``StreamEnded.extra`` (as
:func:`.decode.decode_response` keeps it in the response's ``extra``), with the
``message_delta``'s other fields (``stop_details``, ``container``, ``context_management``, ...).

After the machine raised it is in ``ERROR`` and every later call raises
:class:`StreamStateError`. ``finish()`` after ``message_stop`` or ``error`` returns ``[]``;
before, it raises :class:`TruncatedStreamError`.
"""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import Any

from .. import ir
from ..errors import InvalidInputError, StreamStateError, TruncatedStreamError
from ..ir.stream import fragment
from ..wire import from_wire, json_path, to_wire
from .decode import FMT, _citations, _mark, _response_block, _usage, decode_error
from .models.errors import ErrorResponse
from .models.stream import (
    CitationsDelta,
    CompactionContentBlockDelta,
    ErrorEvent,
    InputJSONDelta,
    MessageDeltaUsage,
    PingEvent,
    RawContentBlockDeltaEvent,
    RawContentBlockStartEvent,
    RawContentBlockStopEvent,
    RawMessageDeltaEvent,
    RawMessageStartEvent,
    RawMessageStopEvent,
    RawMessageStreamEvent,
    SignatureDelta,
    TextDelta,
    ThinkingDelta,
    UnknownRawContentBlockDelta,
    UnknownRawMessageStreamEvent,
)
from .tables import ERROR_TYPE_STATUS, STOP_REASON_TO_IR

__all__ = ["DecoderState", "StreamDecoder"]

#: Native blocks whose ``input`` grows by ``input_json_delta``.
_INPUT_BLOCKS = frozenset({"server_tool_use", "mcp_tool_use"})
#: The hot lane's deltas: (open block kind, delta type) -> (the delta's field, ir delta kind).
_HOT_DELTAS: dict[tuple[str, Any], tuple[str, ir.DeltaKind]] = {
    ("text", "text_delta"): ("text", "text"),
    ("thinking", "thinking_delta"): ("thinking", "reasoning"),
    ("thinking", "signature_delta"): ("signature", "signature"),
    ("tool_use", "input_json_delta"): ("partial_json", "arguments"),
}
#: The fragment's field of each delta type the hot lane takes.
_HOT_FIELDS = {delta_type: field for (_, delta_type), (field, _) in _HOT_DELTAS.items()}
#: Fields of ``message_delta.delta`` with a neutral meaning.
_DELTA_CONSUMED = frozenset({"stop_reason", "stop_sequence"})


class DecoderState(Enum):
    """Where the decoder stands (see the module docstring)."""

    START = "start"
    MESSAGE = "message"
    BLOCK = "block"
    DELTA = "delta"
    ENDED = "ended"
    FAILED = "failed"
    ERROR = "error"


class _Open:
    """The open block."""

    __slots__ = ("fragments", "index", "json", "kind", "native", "streamed")

    def __init__(self, index: int, kind: str, native: dict[str, Any] | None) -> None:
        self.index = index
        self.kind = kind
        #: a native block's wire JSON, completed by its deltas
        self.native = native
        self.json: list[str] = []
        self.fragments = 0
        self.streamed = False


class StreamDecoder:
    """Anthropic ``RawMessageStreamEvent``s -> ir stream events (see the module docstring)."""

    __slots__ = (
        "_cache_read",
        "_cache_write",
        "_end",
        "_finish",
        "_next",
        "_open",
        "_raw_input",
        "_state",
    )

    def __init__(self) -> None:
        self._state = DecoderState.START
        self._next = 0
        self._open: _Open | None = None
        self._raw_input: int | None = None
        self._cache_read: int | None = None
        self._cache_write: int | None = None
        self._end: dict[str, Any] = {}
        self._finish: ir.CandidateFinished | None = None

    @property
    def state(self) -> DecoderState:
        """The current state (read-only)."""
        return self._state

    # ------------------------------------------------------------------ public

    def feed(self, event: RawMessageStreamEvent) -> list[ir.StreamEvent]:
        """Take one source event; return the ir events it makes."""
        if self._state is DecoderState.ERROR:
            raise StreamStateError("the stream decoder failed earlier; start a new one")
        try:
            return self._feed(event)
        except InvalidInputError:
            self._state = DecoderState.ERROR
            raise

    def finish(self) -> list[ir.StreamEvent]:
        """The source stream is over: ``[]`` when it ended properly, else
        :class:`TruncatedStreamError`."""
        state = self._state
        if state is DecoderState.ERROR:
            raise StreamStateError("the stream decoder failed earlier; start a new one")
        if state in (DecoderState.ENDED, DecoderState.FAILED):
            return []
        self._state = DecoderState.ERROR
        where = "before message_start" if state is DecoderState.START else "before message_stop"
        raise TruncatedStreamError(f"the anthropic stream ended {where}")

    #: The hot lane's counter field (a number that changes from one plain event to the next).
    hot_counter = None
    #: Top-level strings the hot lane does not read (other in every event: a frame pattern's holes).
    hot_opaque: tuple[str, ...] = ()

    @staticmethod
    def hot_shape(raw: dict[str, Any]) -> tuple[Any, str] | None:
        """The stream's hot lane, its pure half: ``(where, fragment)`` for a
        ``content_block_delta`` holding nothing but its fragment (``{"type", "index", "delta":
        {"type", <field>}}``): where it goes (block index, delta type and field), read straight
        from the event's JSON; ``None`` for any other event or shape. It looks at the
        fragment's type only, never its value."""
        index = raw.get("index")
        if len(raw) != 3 or raw.get("type") != "content_block_delta" or type(index) is not int:
            return None
        delta = raw.get("delta")
        if type(delta) is not dict or len(delta) != 2:
            return None
        delta_type = delta.get("type")
        field = _HOT_FIELDS.get(delta_type) if type(delta_type) is str else None
        text = delta.get(field) if field is not None else None
        if type(text) is not str:
            return None
        return (index, delta_type), text

    def hot_take(self, where: Any, text: str) -> ir.PartDelta | None:
        """The stream's hot lane, its stateful half: the ``PartDelta`` :meth:`feed` makes of a
        plain delta (``where`` from :meth:`hot_shape`) of the open text, thinking or tool
        block; ``None`` otherwise, and nothing changes (``feed`` takes it)."""
        current = self._open
        index, delta_type = where
        if current is None or index != current.index or self._state is not DecoderState.BLOCK:
            return None
        found = _HOT_DELTAS.get((current.kind, delta_type))
        if found is None:
            return None
        kind = found[1]
        if kind == "arguments":
            if not text:
                return None
            current.streamed = True
        return fragment(index, kind, text)

    @staticmethod
    def hot_path(raw: dict[str, Any]) -> tuple[str | int, ...]:
        """Where the fragment of an event :meth:`hot_shape` took stands in it."""
        return ("delta", next(key for key in raw["delta"] if key != "type"))

    # ------------------------------------------------------------------ dispatch

    def _feed(self, event: RawMessageStreamEvent) -> list[ir.StreamEvent]:
        state = self._state
        if state in (DecoderState.ENDED, DecoderState.FAILED):
            raise InvalidInputError(
                f"anthropic stream event {event.type!r} after the stream ended "
                f"({'message_stop' if state is DecoderState.ENDED else 'error'})"
            )
        match event:
            case RawContentBlockDeltaEvent():
                return self._delta(event)
            case PingEvent() | UnknownRawMessageStreamEvent():
                return []
            case RawMessageStartEvent():
                return self._start(event)
            case RawContentBlockStartEvent():
                return self._block_start(event)
            case RawContentBlockStopEvent():
                return self._block_stop(event)
            case RawMessageDeltaEvent():
                return self._message_delta(event)
            case RawMessageStopEvent():
                return self._stop()
            case ErrorEvent():
                return self._error(event)
            case _:
                raise InvalidInputError(f"not an anthropic stream event: {type(event).__name__}")

    def _expect_started(self, what: str) -> None:
        if self._state is DecoderState.START:
            raise InvalidInputError(f"anthropic stream event {what!r} before message_start")

    # ------------------------------------------------------------------ message

    def _start(self, event: RawMessageStartEvent) -> list[ir.StreamEvent]:
        if self._state is not DecoderState.START:
            raise InvalidInputError("a second message_start in one anthropic stream")
        message = event.message
        usage = _usage(message.usage, "message.usage")
        self._raw_input = message.usage.input_tokens
        self._cache_read = message.usage.cache_read_input_tokens
        self._cache_write = message.usage.cache_creation_input_tokens
        skip = {"id", "type", "role", "model", "content", "usage"}
        rest = {
            key: value
            for key, value in to_wire(message).items()
            if key not in skip and value is not None
        }
        out: list[ir.StreamEvent] = [
            ir.ResponseStarted(
                id=message.id,
                model=message.model,
                usage=usage,
                extra=_mark(rest),
            )
        ]
        self._state = DecoderState.MESSAGE
        for i, block in enumerate(message.content):
            part = _response_block(block, json_path(["message", "content", i]))
            out.append(ir.PartStarted(index=self._next, part=part))
            out.append(ir.PartFinished(index=self._next))
            self._next += 1
        return out

    def _message_delta(self, event: RawMessageDeltaEvent) -> list[ir.StreamEvent]:
        self._expect_started("message_delta")
        out = self._close_open()
        self._state = DecoderState.DELTA
        delta = event.delta
        raw = delta.stop_reason
        self._end.pop("stop_reason", None)
        if raw is not None and raw in STOP_REASON_TO_IR:
            self._finish = ir.CandidateFinished(
                stop_reason=STOP_REASON_TO_IR[raw],  # type: ignore[index]
                stop_sequence=delta.stop_sequence,
                raw_stop_reason=raw,
            )
        elif raw is not None:
            self._finish = None
            self._end["stop_reason"] = raw
        for key, value in to_wire(delta).items():
            if key not in _DELTA_CONSUMED and value is not None:
                self._end[key] = value
        for key, value in to_wire(event).items():
            if key not in ("type", "delta", "usage") and value is not None:
                self._end[key] = value
        out.append(ir.UsageUpdated(self._delta_usage(event.usage)))
        return out

    def _delta_usage(self, usage: MessageDeltaUsage) -> ir.Usage:
        if usage.input_tokens is not None:
            self._raw_input = usage.input_tokens
        if usage.cache_read_input_tokens is not None:
            self._cache_read = usage.cache_read_input_tokens
        if usage.cache_creation_input_tokens is not None:
            self._cache_write = usage.cache_creation_input_tokens
        total = None
        if self._raw_input is not None:
            total = self._raw_input + (self._cache_read or 0) + (self._cache_write or 0)
        consumed = {"input_tokens", "output_tokens", "cache_read_input_tokens"}
        consumed.add("cache_creation_input_tokens")
        reasoning = web = None
        details = usage.output_tokens_details
        if details is not None and details.thinking_tokens is not None:
            reasoning = details.thinking_tokens
            consumed.add("output_tokens_details")
        residue: dict[str, Any] = {}
        if usage.server_tool_use is not None:
            web = usage.server_tool_use.web_search_requests
            consumed.add("server_tool_use")
            # kept even when empty, as the non-streaming decoder keeps it
            residue["server_tool_use"] = {
                k: v
                for k, v in to_wire(usage.server_tool_use).items()
                if k != "web_search_requests"
            }
        rest = {k: v for k, v in to_wire(usage).items() if k not in consumed and v is not None}
        rest.update(residue)
        return ir.Usage(
            input_tokens=total,
            output_tokens=usage.output_tokens,
            cache_read_tokens=self._cache_read,
            cache_write_tokens=self._cache_write,
            reasoning_tokens=reasoning,
            web_search_requests=web,
            path="usage",
            extra=_mark(rest),
        )

    def _stop(self) -> list[ir.StreamEvent]:
        self._expect_started("message_stop")
        out = self._close_open()
        self._state = DecoderState.ENDED
        if self._finish is not None:
            out.append(self._finish)
        out.append(ir.StreamEnded(extra=_mark(self._end)))
        return out

    def _error(self, event: ErrorEvent) -> list[ir.StreamEvent]:
        body: ErrorResponse = from_wire(ErrorResponse, {**to_wire(event), "type": "error"})
        status = ERROR_TYPE_STATUS.get(body.error.type)  # type: ignore[call-overload]
        error = decode_error(body, status=status)
        self._open = None
        self._state = DecoderState.FAILED
        return [ir.StreamError(error)]

    # ------------------------------------------------------------------ blocks

    def _block_start(self, event: RawContentBlockStartEvent) -> list[ir.StreamEvent]:
        self._expect_started("content_block_start")
        if self._state is DecoderState.DELTA:
            raise InvalidInputError("content_block_start after message_delta")
        if self._open is not None:
            raise InvalidInputError(
                f"content_block_start for index {event.index} while block {self._open.index} "
                "is still open (no content_block_stop)"
            )
        if event.index != self._next:
            raise InvalidInputError(
                f"content_block_start for index {event.index}; the next block is index "
                f"{self._next} (blocks are numbered 0, 1, 2, ... in order)"
            )
        block = event.content_block
        path = "content_block"
        kind = block.type
        native: dict[str, Any] | None = None
        part = _response_block(block, path)
        if isinstance(part, ir.ToolCallPart):
            if part.arguments == "{}":
                part = _with_arguments(part, "")
        elif isinstance(part, ir.NativePart):
            native = dict(part.data)
        self._open = _Open(event.index, kind, native)
        self._next += 1
        self._state = DecoderState.BLOCK
        return [ir.PartStarted(index=event.index, part=part)]

    def _block_stop(self, event: RawContentBlockStopEvent) -> list[ir.StreamEvent]:
        self._expect_started("content_block_stop")
        current = self._open
        if current is None or current.index != event.index:
            raise InvalidInputError(
                f"content_block_stop for index {event.index}, which is not the open block"
                + ("" if current is None else f" (block {current.index} is open)")
            )
        return self._close_open()

    def _close_open(self) -> list[ir.StreamEvent]:
        current = self._open
        if current is None:
            return []
        self._open = None
        self._state = DecoderState.MESSAGE
        out: list[ir.StreamEvent] = []
        index = current.index
        if current.kind == "tool_use" and not current.streamed:
            out.append(ir.PartDelta(index=index, kind="arguments", text="{}"))
        final = None
        if current.native is not None and (current.json or current.fragments):
            data = current.native
            if current.json:
                data["input"] = _parse_input("".join(current.json), data.get("input"))
            final = ir.NativePart(format=FMT, kind=current.kind, data=data, path="content_block")
        out.append(ir.PartFinished(index=index, part=final))
        return out

    def _delta(self, event: RawContentBlockDeltaEvent) -> list[ir.StreamEvent]:
        current = self._open
        if current is None or current.index != event.index:
            self._expect_started("content_block_delta")
            raise InvalidInputError(
                f"content_block_delta for index {event.index}, which is not the open block"
                + ("" if current is None else f" (block {current.index} is open)")
            )
        delta = event.delta
        kind = current.kind
        index = current.index
        match delta:
            case TextDelta() if kind == "text":
                return [ir.PartDelta(index=index, kind="text", text=delta.text)]
            case InputJSONDelta() if kind == "tool_use":
                if not delta.partial_json:
                    return []
                current.streamed = True
                return [ir.PartDelta(index=index, kind="arguments", text=delta.partial_json)]
            case InputJSONDelta() if kind in _INPUT_BLOCKS:
                current.json.append(delta.partial_json)
                return []
            case ThinkingDelta() if kind == "thinking":
                return [ir.PartDelta(index=index, kind="reasoning", text=delta.thinking)]
            case SignatureDelta() if kind == "thinking":
                return [ir.PartDelta(index=index, kind="signature", text=delta.signature)]
            case CitationsDelta() if kind == "text":
                where = json_path(["delta", "citation"])
                cited = _citations([delta.citation], where)
                if not cited:
                    return []
                return [ir.PartDelta(index=index, kind="citation", citation=cited[0])]
            case CompactionContentBlockDelta() if kind == "compaction":
                assert current.native is not None
                current.native["content"] = delta.content
                current.native["encrypted_content"] = delta.encrypted_content
                current.fragments += 1
                return []
            case UnknownRawContentBlockDelta():
                return []
            case _:
                raise InvalidInputError(
                    f"a {delta.type!r} delta cannot extend the {kind!r} block at index {index}"
                )


def _with_arguments(part: ir.ToolCallPart, arguments: str) -> ir.ToolCallPart:
    return dataclasses.replace(part, arguments=arguments)


def _parse_input(text: str, start: Any) -> Any:
    """The input the fragments of a native block form; the start's input when they form none
    (a block cut short by ``max_tokens``)."""
    if not text.strip():
        return start
    try:
        return json.loads(text)
    except ValueError:
        return start
