"""Responses stream events -> ir stream events.

Theory of operation
-------------------
States (:attr:`StreamDecoder.state`)::

    IDLE --created/queued/in_progress--> OPEN --completed/incomplete/failed/error--> DONE
      \\--error--> DONE                       any raise --> ERROR      finish() --> CLOSED

* The first lifecycle event (``response.created`` / ``queued`` / ``in_progress``) emits
  :class:`~openai_claude_bridge.ir.ResponseStarted`; repeats are ignored. Its ``echo`` holds the
  request settings the ``Response`` restates (``instructions``, ``tools``, ``temperature`` …: the
  fields :data:`.decode.RESPONSE_ECHO` names, as sent, ``null`` included), as the non-streaming
  decoder keeps them on a response. Any other event before it is out of order (an ``error``
  event first is not: the stream starts and fails at once).
* **Index remapping.** Output items are keyed by ``output_index`` (``item_id`` as a fallback for
  servers that get the index wrong). Each ir part gets the next ir ``index`` when it first
  appears: a function / custom tool call and a reasoning item are one part each from
  ``output_item.added``; a message item is a container whose content parts (``content_index``)
  are one ir part each from ``content_part.added``; any other item (hosted tool calls, MCP,
  compaction, unknown future items) is one :class:`~openai_claude_bridge.ir.NativePart` opened
  with the item as added. Hosted-tool progress and audio events carry nothing the ir holds and
  are ignored: those items arrive whole in ``output_item.done``.
* Deltas become ``PartDelta`` of their part: ``output_text`` -> ``text``, ``refusal`` ->
  ``refusal``, function arguments and custom tool input -> ``arguments``, ``reasoning_text`` ->
  ``reasoning``, ``reasoning_summary_text`` -> ``summary`` (with its ``summary_index``),
  ``annotation.added`` -> ``citation``. ``*.done`` events restate the full text: when it is longer
  than what the deltas carried (servers that skip deltas), the missing tail is emitted as a delta.
* ``output_item.done`` decodes the final item with the non-streaming decoder and closes its parts
  with ``PartFinished(part=...)``, so accumulating the stream gives exactly what decoding the
  accumulated ``Response`` gives.
* The terminal event emits the usage, the stop reason (``completed`` with a tool call emitted is
  ``tool_use``), then ``StreamEnded``; ``response.failed`` and ``error`` emit ``StreamError``
  (an ``error`` event's fields are read flat, as the SDK types them, or nested under ``error``,
  as the API sends them).
  Items of the terminal ``Response`` that were never streamed are emitted whole before it; a
  terminal item is matched to a streamed one by its id (by position only when an id is
  missing), since ``output_index`` may skip items the terminal ``output`` leaves out.
* After the end any event is invalid input, except a ``response.failed`` right after an ``error``
  event (the API sends both), which is absorbed. ``finish()`` before the end raises
  :class:`~openai_claude_bridge.errors.TruncatedStreamError`. After any raise the decoder is in
  ``ERROR`` and every call raises :class:`~openai_claude_bridge.errors.StreamStateError`.

Not carried: the first ``Response``'s top-level fields other than ``id``, ``model``,
``created_at`` and the echoed settings (its ``service_tier``, unknown fields; ``status``,
``error`` and ``incomplete_details`` only say it is in progress), and the echoed fields of later
lifecycle and terminal events (the API repeats the first ones unchanged).

Invariants: ``ResponseStarted`` first; every ``PartDelta`` / ``PartFinished`` names a part
started before; ir indices are dense and in order of first appearance; candidate is always 0.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field
from typing import Any

from .. import ir
from .._openai_errors import error_kind_of
from ..chat.models.errors import ErrorResponse
from ..errors import InvalidInputError, StreamStateError, TruncatedStreamError
from ..ir.base import with_extra
from ..ir.stream import fragment
from ..wire import from_wire, to_wire
from .decode import (
    FMT,
    RESPONSE_ECHO,
    _citation,
    _Fields,
    _output_item,
    _stop,
    _usage,
    content_part,
    decode_error,
    headed,
    native,
    reasoning,
    tool_call,
)
from .models.content import ReasoningTextContent
from .models.items import (
    ResponseCustomToolCall,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseReasoningItem,
)
from .models.response import Response
from .models.stream import (
    ResponseCompletedEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    ResponseCreatedEvent,
    ResponseCustomToolCallInputDeltaEvent,
    ResponseCustomToolCallInputDoneEvent,
    ResponseErrorEvent,
    ResponseFailedEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseFunctionCallArgumentsDoneEvent,
    ResponseIncompleteEvent,
    ResponseInProgressEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseOutputTextAnnotationAddedEvent,
    ResponseQueuedEvent,
    ResponseReasoningSummaryPartAddedEvent,
    ResponseReasoningSummaryPartDoneEvent,
    ResponseReasoningSummaryTextDeltaEvent,
    ResponseReasoningSummaryTextDoneEvent,
    ResponseReasoningTextDeltaEvent,
    ResponseReasoningTextDoneEvent,
    ResponseRefusalDeltaEvent,
    ResponseRefusalDoneEvent,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
)

__all__ = ["DecoderState", "StreamDecoder"]


class DecoderState(enum.Enum):
    """Where a :class:`StreamDecoder` stands."""

    IDLE = "idle"
    OPEN = "open"
    DONE = "done"
    CLOSED = "closed"
    ERROR = "error"


_MESSAGE = "message"
_HOT_WHERE = {"sequence_number": int, "item_id": str, "output_index": int, "delta": str}
#: The hot lane's events: type -> (ir delta kind, the fields it needs and their types).
_HOT_EVENTS: dict[str, tuple[ir.DeltaKind, dict[str, type]]] = {
    "response.output_text.delta": ("text", {**_HOT_WHERE, "content_index": int}),
    "response.function_call_arguments.delta": ("arguments", _HOT_WHERE),
    "response.reasoning_text.delta": ("reasoning", {**_HOT_WHERE, "content_index": int}),
    "response.reasoning_summary_text.delta": ("summary", {**_HOT_WHERE, "summary_index": int}),
}
_CALL = "call"
_REASONING = "reasoning"
_NATIVE = "native"


@dataclass(slots=True)
class _Item:
    """One output item being streamed."""

    kind: str
    tag: str
    item_id: str | None
    output_index: int
    index: int = -1
    """The ir index (tool calls, reasoning, native items)."""
    parts: dict[int, int] = field(default_factory=dict)
    """Message items: content_index -> ir index."""
    done: bool = False
    head: dict[str, Any] | None = None
    """Message items: the item's own fields, until its first content part takes them."""


def _kind(tag: str) -> str:
    if tag == "message":
        return _MESSAGE
    if tag in ("function_call", "custom_tool_call"):
        return _CALL
    if tag == "reasoning":
        return _REASONING
    return _NATIVE


class StreamDecoder:
    """Decodes one Responses stream (see the module docstring)."""

    def __init__(self) -> None:
        self._state = DecoderState.IDLE
        self._next = 0
        self._items: dict[int, _Item] = {}
        self._by_id: dict[str, _Item] = {}
        self._called = False
        self._errored = False
        # Characters the deltas carried so far, by ir index (text, refusal, arguments),
        # (index, summary_index) (summaries) or (index, "content", content_index) (reasoning).
        self._sent: dict[Any, int] = {}
        # How many summary parts each reasoning part (by ir index) has announced.
        self._summaries: dict[int, int] = {}

    @property
    def state(self) -> DecoderState:
        """The decoder's state (read-only)."""
        return self._state

    # ----------------------------------------------------------------------- entry points

    def feed(self, event: ResponseStreamEvent) -> list[ir.StreamEvent]:
        """One source event -> the ir events it means, in order."""
        if self._state in (DecoderState.ERROR, DecoderState.CLOSED):
            raise StreamStateError(f"feed() after the decoder was {self._state.value}")
        try:
            return self._feed(event)
        except InvalidInputError:
            self._state = DecoderState.ERROR
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            self._state = DecoderState.ERROR
            raise InvalidInputError(f"malformed {_tag(event)!r} event: {exc}") from exc

    def finish(self) -> list[ir.StreamEvent]:
        """End of the source: ``[]`` when it ended properly, else ``TruncatedStreamError``."""
        if self._state in (DecoderState.ERROR, DecoderState.CLOSED):
            raise StreamStateError(f"finish() after the decoder was {self._state.value}")
        if self._state is not DecoderState.DONE:
            self._state = DecoderState.ERROR
            raise TruncatedStreamError(
                "the Responses stream ended without response.completed, response.incomplete "
                "or response.failed",
                feature="stream",
            )
        self._state = DecoderState.CLOSED
        return []

    #: The hot lane's counter field (a number that changes from one plain event to the next).
    hot_counter = "sequence_number"
    #: Top-level strings the hot lane does not read (other in every event: a frame pattern's holes).
    hot_opaque: tuple[str, ...] = ("obfuscation",)

    @staticmethod
    def hot_shape(raw: dict[str, Any]) -> tuple[Any, str] | None:
        """The stream's hot lane, its pure half: ``(where, fragment)`` for an ``output_text`` /
        ``reasoning_text`` / ``reasoning_summary_text`` / ``function_call_arguments`` delta
        event: where the fragment goes (event type, item, output index, content or summary
        index), read straight from its JSON; ``None`` for any other event or shape. It looks at
        the fragment's and the sequence number's types only, never their values."""
        tag = raw.get("type")
        hot = _HOT_EVENTS.get(tag) if type(tag) is str else None
        if hot is None:
            return None
        for name, expected in hot[1].items():
            if type(raw.get(name)) is not expected:
                return None
        logprobs = raw.get("logprobs")
        if logprobs is not None and logprobs != []:
            return None
        get = raw.get
        where = (
            tag,
            raw["output_index"],
            raw["item_id"],
            get("content_index"),
            get("summary_index"),
        )
        return where, raw["delta"]

    def hot_take(self, where: Any, text: str) -> ir.PartDelta | None:
        """The stream's hot lane, its stateful half: the ``PartDelta`` :meth:`feed` makes of a
        plain delta event (``where`` from :meth:`hot_shape`) of an item being streamed;
        ``None`` otherwise, and nothing changes (``feed`` takes it)."""
        tag, output_index, item_id, content_index, summary = where
        item = self._items.get(output_index)
        if self._state is not DecoderState.OPEN or item is None or item.done:
            return None
        if item.item_id not in (None, item_id):
            return None
        kind = _HOT_EVENTS[tag][0]
        if kind == "text":
            index = item.parts.get(content_index)
            if item.kind != _MESSAGE or index is None:
                return None
            key: Any = index
        elif item.kind != (_CALL if kind == "arguments" else _REASONING):
            return None
        elif kind == "summary":  # a summary part already announced (a new one is not plain)
            index = item.index
            key = (index, summary)
            if key not in self._sent or not text:
                return None
            self._sent[key] += len(text)
            return fragment(index, "summary", text, summary_index=summary)
        else:
            index = item.index
            key = index if kind == "arguments" else (index, "content", content_index)
        self._sent[key] = self._sent.get(key, 0) + len(text)
        return fragment(index, kind, text)

    @staticmethod
    def hot_path(raw: dict[str, Any]) -> tuple[str | int, ...]:
        """Where the fragment of an event :meth:`hot_shape` took stands in it."""
        return ("delta",)

    # ----------------------------------------------------------------------- dispatch

    def _feed(self, event: Any) -> list[ir.StreamEvent]:
        if self._state is DecoderState.DONE:
            if isinstance(event, ResponseFailedEvent) and self._errored:
                self._errored = False
                return []
            raise InvalidInputError(f"{_tag(event)!r} event after the end of the stream")
        match event:
            case ResponseCreatedEvent() | ResponseQueuedEvent() | ResponseInProgressEvent():
                if self._state is DecoderState.IDLE:
                    return [self._start(event.response)]
                return []
            case ResponseErrorEvent():
                err = decode_error(from_wire(ErrorResponse, {"error": _error_body(event)}))
                out = self._start_if_needed()
                self._state = DecoderState.DONE
                self._errored = True
                out.append(ir.StreamError(err))
                return out
        if self._state is DecoderState.IDLE:
            raise InvalidInputError(f"{_tag(event)!r} event before response.created")
        match event:
            case ResponseOutputItemAddedEvent():
                return self._item_added(event)
            case ResponseOutputItemDoneEvent():
                return self._item_done(event)
            case ResponseContentPartAddedEvent():
                return self._part_added(event)
            case ResponseTextDeltaEvent():
                return self._delta(self._content(event), "text", event.delta)
            case ResponseRefusalDeltaEvent():
                return self._delta(self._content(event), "refusal", event.delta)
            case ResponseTextDoneEvent():
                return self._catch_up(self._content(event), "text", event.text)
            case ResponseRefusalDoneEvent():
                return self._catch_up(self._content(event), "refusal", event.refusal)
            case ResponseOutputTextAnnotationAddedEvent():
                return self._annotation(event)
            case (
                ResponseFunctionCallArgumentsDeltaEvent() | ResponseCustomToolCallInputDeltaEvent()
            ):
                return self._delta(self._whole(event, _CALL), "arguments", event.delta)
            case ResponseFunctionCallArgumentsDoneEvent():
                return self._catch_up(self._whole(event, _CALL), "arguments", event.arguments)
            case ResponseCustomToolCallInputDoneEvent():
                return self._catch_up(self._whole(event, _CALL), "arguments", event.input)
            case ResponseReasoningTextDeltaEvent():
                index = self._whole(event, _REASONING)
                key = (index, "content", event.content_index)
                return self._delta(index, "reasoning", event.delta, key)
            case ResponseReasoningTextDoneEvent():
                index = self._whole(event, _REASONING)
                key = (index, "content", event.content_index)
                return self._catch_up(index, "reasoning", event.text, key)
            case ResponseReasoningSummaryTextDeltaEvent():
                index = self._whole(event, _REASONING)
                return self._summary(index, event.summary_index, event.delta, done=False)
            case ResponseReasoningSummaryTextDoneEvent():
                index = self._whole(event, _REASONING)
                return self._summary(index, event.summary_index, event.text, done=True)
            case ResponseReasoningSummaryPartAddedEvent():
                index = self._whole(event, _REASONING)
                return self._summary(index, event.summary_index, event.part.text, done=False)
            case ResponseReasoningSummaryPartDoneEvent():
                index = self._whole(event, _REASONING)
                return self._summary(index, event.summary_index, event.part.text, done=True)
            case ResponseContentPartDoneEvent():
                return self._part_done(event)
            case ResponseCompletedEvent() | ResponseIncompleteEvent() | ResponseFailedEvent():
                return self._terminal(event.response)
            case _:
                # Hosted-tool progress, audio, unknown future events: nothing for the ir.
                return []

    # ----------------------------------------------------------------------- lifecycle

    def _start(self, resp: Response) -> ir.ResponseStarted:
        self._state = DecoderState.OPEN
        stamp = resp.created_at  # whole seconds, as the non-streaming decoder reads a float
        created = int(stamp) if isinstance(stamp, (int, float)) and math.isfinite(stamp) else None
        wire = to_wire(resp)
        echo = {key: value for key, value in wire.items() if key in RESPONSE_ECHO}
        return ir.ResponseStarted(
            id=resp.id, model=resp.model or None, created=created, echo=with_extra(FMT, echo)
        )

    def _start_if_needed(self) -> list[ir.StreamEvent]:
        if self._state is DecoderState.IDLE:
            self._state = DecoderState.OPEN
            return [ir.ResponseStarted(id=None, model=None)]
        return []

    def _terminal(self, resp: Response) -> list[ir.StreamEvent]:
        out: list[ir.StreamEvent] = []
        for i, item in enumerate(resp.output):
            if not self._streamed(item, i):
                out += self._whole_item(item, self._free_output_index(i))
        wire = to_wire(resp)
        usage = _usage(_Fields(wire), "")
        if usage is not None:
            out.append(ir.UsageUpdated(usage))
        stop, raw = _stop(resp.status, wire.get("incomplete_details"), self._called_parts())
        if stop is not None:
            out.append(ir.CandidateFinished(stop_reason=stop, raw_stop_reason=raw))
        self._state = DecoderState.DONE
        if resp.status == "failed":
            out.append(ir.StreamError(_failure(wire)))
        else:
            out.append(ir.StreamEnded())
        return out

    def _streamed(self, item: Any, position: int) -> bool:
        """Whether the terminal response's ``item`` (at ``position`` of its ``output``) was
        streamed: its id names a streamed item, or, for an item streamed without an id (or with
        this one), its position is a streamed ``output_index``. Positions alone do not tell:
        ``output_index`` may skip items the terminal response leaves out (an output at 0 and 2
        whose final ``output`` has two items), and the item at 1 must not be emitted again."""
        item_id = getattr(item, "id", None)
        if isinstance(item_id, str) and item_id in self._by_id:
            return True
        streamed = self._items.get(position)
        return streamed is not None and streamed.item_id in (None, item_id)

    def _free_output_index(self, position: int) -> int:
        """``position``, or past every index taken when a streamed item already has it."""
        if position not in self._items:
            return position
        return max(self._items) + 1

    def _called_parts(self) -> list[ir.Part]:
        if self._called:
            return [ir.ToolCallPart(call_id="", name="", arguments="")]
        return []

    # ----------------------------------------------------------------------- items

    def _new_index(self) -> int:
        index = self._next
        self._next += 1
        return index

    def _register(self, tag: str, item_id: str | None, output_index: int) -> _Item:
        if output_index in self._items:
            raise InvalidInputError(f"a second output item at output_index {output_index}")
        item = _Item(kind=_kind(tag), tag=tag, item_id=item_id, output_index=output_index)
        self._items[output_index] = item
        if item_id:
            self._by_id[item_id] = item
        return item

    def _item_added(self, event: ResponseOutputItemAddedEvent) -> list[ir.StreamEvent]:
        source = event.item
        wire = to_wire(source)
        tag = str(wire.get("type"))
        item_id = wire.get("id") if isinstance(wire.get("id"), str) else None
        item = self._register(tag, item_id, event.output_index)
        if item.kind == _MESSAGE:
            item.head = {k: v for k, v in wire.items() if k != "content"}
        path = f"output[{event.output_index}]"
        part: ir.Part
        match source:
            case ResponseOutputMessage():
                out: list[ir.StreamEvent] = []
                for i, content in enumerate(source.content):
                    index = self._new_index()
                    item.parts[i] = index
                    part = content_part(content, f"{path}.content[{i}]", {})
                    out.append(ir.PartStarted(index, self._headed(item, part)))
                return out
            case ResponseFunctionToolCall() | ResponseCustomToolCall():
                part = tool_call(source, path)
                self._called = True
            case ResponseReasoningItem():
                part = reasoning(source, path)
            case _:
                part = native(wire, path)
        item.index = self._new_index()
        return [ir.PartStarted(item.index, part)]

    def _item_done(self, event: ResponseOutputItemDoneEvent) -> list[ir.StreamEvent]:
        item = self._items.get(event.output_index)
        if item is None:
            return self._whole_item(event.item, event.output_index)
        wire = to_wire(event.item)
        if wire.get("type") != item.tag:
            raise InvalidInputError(
                f"output_item.done at output_index {event.output_index} is a "
                f"{wire.get('type')!r} item, but it was added as a {item.tag!r} item"
            )
        if item.done:
            raise InvalidInputError(
                f"a second output_item.done for output_index {item.output_index}"
            )
        item.done = True
        path = f"output[{event.output_index}]"
        finals = _output_item(event.item, path)
        if item.kind != _MESSAGE:
            return [ir.PartFinished(item.index, finals[0])]
        out: list[ir.StreamEvent] = []
        started = [item.parts[k] for k in sorted(item.parts)]
        if isinstance(event.item, ResponseOutputMessage) and not event.item.content and started:
            finals = []  # parts streamed but the final message has none: keep what streamed
        for n, final in enumerate(finals):
            if n < len(started):
                out.append(ir.PartFinished(started[n], final))
            else:
                index = self._new_index()
                out += [ir.PartStarted(index, final), ir.PartFinished(index, final)]
        out += [ir.PartFinished(index) for index in started[len(finals) :]]
        return out

    def _whole_item(self, source: Any, output_index: int) -> list[ir.StreamEvent]:
        """An item that arrives complete (``output_item.done`` without ``added``, or only in
        the terminal response)."""
        wire = to_wire(source)
        tag = str(wire.get("type"))
        item = self._register(
            tag, wire.get("id") if isinstance(wire.get("id"), str) else None, output_index
        )
        item.done = True
        out: list[ir.StreamEvent] = []
        for part in _output_item(source, f"output[{output_index}]"):
            if isinstance(part, ir.ToolCallPart):
                self._called = True
            index = self._new_index()
            item.index = index
            out += [ir.PartStarted(index, part), ir.PartFinished(index, part)]
        return out

    def _lookup(self, event: Any) -> _Item:
        item = self._items.get(event.output_index)
        item_id = getattr(event, "item_id", None)
        if item is None and item_id is not None:
            item = self._by_id.get(item_id)
        if item is None:
            raise InvalidInputError(
                f"{event.type!r} event for output_index {event.output_index}, "
                "which was never added (output_item.added)"
            )
        if item.done:
            raise InvalidInputError(
                f"{event.type!r} event for output_index {event.output_index} after its "
                "output_item.done"
            )
        return item

    def _whole(self, event: Any, kind: str) -> int:
        """The ir index of the tool-call / reasoning item ``event`` belongs to."""
        item = self._lookup(event)
        if item.kind != kind:
            raise InvalidInputError(
                f"{event.type!r} event for output_index {event.output_index}, "
                f"which is a {item.tag!r} item"
            )
        return item.index

    def _content(self, event: Any) -> int:
        """The ir index of the message content part ``event`` belongs to."""
        item = self._lookup(event)
        index = item.parts.get(event.content_index)
        if item.kind != _MESSAGE or index is None:
            raise InvalidInputError(
                f"{event.type!r} event for content_index {event.content_index} of output_index "
                f"{event.output_index}, which was never added (content_part.added)"
            )
        return index

    # ----------------------------------------------------------------------- content

    def _part_added(self, event: ResponseContentPartAddedEvent) -> list[ir.StreamEvent]:
        item = self._lookup(event)
        if item.kind == _REASONING and isinstance(event.part, ReasoningTextContent):
            if not event.part.text:
                return []
            key = (item.index, "content", event.content_index)
            return self._delta(item.index, "reasoning", event.part.text, key)
        if item.kind != _MESSAGE or isinstance(event.part, ReasoningTextContent):
            raise InvalidInputError(
                f"a {event.part.type!r} content_part.added for output_index "
                f"{event.output_index}, which is a {item.tag!r} item"
            )
        if event.content_index in item.parts:
            raise InvalidInputError(
                f"a second content_part.added for content_index {event.content_index}"
            )
        index = self._new_index()
        item.parts[event.content_index] = index
        path = f"output[{event.output_index}].content[{event.content_index}]"
        part = self._headed(item, content_part(event.part, path, {}))
        if isinstance(part, (ir.TextPart, ir.RefusalPart)):
            self._sent[index] = len(part.text)
        return [ir.PartStarted(index, part)]

    @staticmethod
    def _headed(item: _Item, part: ir.Part) -> ir.Part:
        """The first content part of a message carries the message item's own fields (as the
        non-streaming decoder does), which tells an encoder where the message starts."""
        if item.head is None:
            return part
        head, item.head = item.head, None
        return headed(part, head)

    def _part_done(self, event: ResponseContentPartDoneEvent) -> list[ir.StreamEvent]:
        item = self._lookup(event)
        if item.kind == _REASONING and isinstance(event.part, ReasoningTextContent):
            key = (item.index, "content", event.content_index)
            return self._catch_up(item.index, "reasoning", event.part.text, key)
        self._content(event)
        return []

    def _annotation(self, event: ResponseOutputTextAnnotationAddedEvent) -> list[ir.StreamEvent]:
        index = self._content(event)
        if event.annotation is None:
            return []
        citation = _citation(to_wire(event.annotation), "")
        if citation is None:
            return []
        return [ir.PartDelta(index, "citation", citation=citation)]

    def _delta(
        self, index: int, kind: ir.DeltaKind, text: str, key: Any = None
    ) -> list[ir.StreamEvent]:
        key = index if key is None else key
        self._sent[key] = self._sent.get(key, 0) + len(text)
        return [ir.PartDelta(index, kind, text)]

    def _catch_up(
        self, index: int, kind: ir.DeltaKind, full: str, key: Any = None
    ) -> list[ir.StreamEvent]:
        sent = self._sent.get(index if key is None else key, 0)
        if len(full) > sent:
            return self._delta(index, kind, full[sent:], key)
        return []

    def _summary(self, index: int, summary: int, text: str, *, done: bool) -> list[ir.StreamEvent]:
        """The fragment of summary part ``summary`` not sent yet. A new summary part is always
        announced, by an empty fragment if need be (the ir has summary parts in order), and may
        be at most the next one: every target must see the same invalid input refused."""
        key = (index, summary)
        new = key not in self._sent
        if new:
            parts = self._summaries.get(index, 0)
            if not 0 <= summary <= parts:
                raise InvalidInputError(
                    f"summary_index {summary} skips ahead of the {parts} summary parts so far"
                )
            self._summaries[index] = parts + 1
        sent = self._sent.get(key, 0)
        if done:
            text = text[sent:] if len(text) > sent else ""
        if not text and not new:
            return []
        self._sent[key] = sent + len(text)
        return [ir.PartDelta(index, "summary", text, summary_index=summary)]


_ERROR_EVENT_KEYS = frozenset({"type", "sequence_number", "message", "code", "param", "error"})


def _error_body(event: ResponseErrorEvent) -> dict[str, Any]:
    """The OpenAI error object an ``error`` event reports, in either shape: nested under
    ``error`` (as the API sends it) or flat on the event (as the SDK types it). The event's
    unknown fields join it."""
    wire = to_wire(event)
    body: dict[str, Any]
    if event.error is not None:
        body = to_wire(event.error)
    elif event.message is not None:
        body = {"message": event.message, "code": event.code, "param": event.param}
    else:
        raise InvalidInputError(
            "an error event needs a 'message', or an 'error' object", path="message"
        )
    body.update({k: v for k, v in wire.items() if k not in _ERROR_EVENT_KEYS})
    return body


def _failure(wire: dict[str, Any]) -> ir.ApiError:
    """The ir error of a ``failed`` response (``error`` holds a code and a message)."""
    error = wire.get("error")
    if not isinstance(error, dict):
        return ir.ApiError(kind="server_error", message="the response failed")
    code = error.get("code") if isinstance(error.get("code"), str) else None
    message = error.get("message")
    text = message if isinstance(message, str) else "the response failed"
    return ir.ApiError(
        kind=error_kind_of(None, None, code, text),
        message=text,
        code=code,
        path="response.error",
    )


def _tag(event: Any) -> str:
    return str(getattr(event, "type", type(event).__name__))
