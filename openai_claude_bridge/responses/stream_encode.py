"""ir stream events -> Responses stream events.

Theory of operation
-------------------
States (:attr:`StreamEncoder.state`)::

    IDLE --ResponseStarted--> OPEN --StreamEnded/StreamError--> DONE       any raise --> ERROR

* ``ResponseStarted`` emits ``response.created`` then ``response.in_progress`` (an event before
  it starts the response implicitly). The response ``id`` is the ir id, else
  ``id_factory("resp_")``; ``created_at`` the ir time, else ``clock()``; both are fixed here and
  reused by the terminal event. The echoed request fields are the started event's own ``echo``
  (a Responses source's ``instructions``, ``tools``, ``temperature`` …, exactly as it sent them)
  laid over what :func:`.encode.encode_response` writes from ``options.request`` or the API's
  defaults; another format's ``echo`` is ignored. The terminal response carries the same.
* **One item at a time.** ir parts may be open concurrently; Responses clients expect items in
  order. Parts of candidate 0 queue up in ir index order; the head of the queue is the *current*
  part and streams live, the others' deltas (and their ``PartFinished``) are buffered and
  replayed when their turn comes. Parts of other candidates are not streamed (the terminal
  response reports them lost, as the non-streaming encoder does).
* **Items.** Consecutive text / refusal parts (and Responses-native content parts) share one
  ``message`` item, a part carrying a message head (``echo["responses"]["message"]``, put there
  by the Responses decoder) starting a new one, exactly as :func:`.encode.encode_response` groups
  them; each is one content part (``content_part.added`` -> ``output_text.delta`` /
  ``annotation.added`` / ``refusal.delta`` -> ``output_text.done`` / ``refusal.done`` ->
  ``content_part.done``). A tool call is a ``function_call`` / ``custom_tool_call`` item with its
  argument deltas; a reasoning part a ``reasoning`` item whose summary deltas open summary parts
  by ``summary_index`` and whose reasoning-text deltas are ``reasoning_text`` content (a
  Responses source) or summary 0 (any other source, as the non-streaming encoder puts the text in
  the summary). A Responses-native item (hosted tool call, …) is added as it started and done as
  it finished. Any other part has no Responses form: it emits nothing (and, like in
  ``encode_response``, ends the current message).
* ``output_index`` counts items as they are added; ``item_id`` is the item's ``id`` (``msg_`` /
  ``fc_`` / ``rs_`` from ``id_factory`` when the part has none), never a ``call_id``;
  ``sequence_number`` counts every event from 0.
* A call's ``call_id`` is fixed when its item is added (a carrier of the header's call state
  where needed, as :func:`.encode._tool_call` writes it); call state a source states only in
  ``PartFinished`` cannot change it any more and is reported.
* Every ``*.done`` event and ``output_item.done`` is built from the finished part (the part
  ``PartFinished`` states, else what the deltas built) with the non-streaming encoder's helpers.
* ``StreamEnded`` closes what is still open and emits exactly one terminal event: the response
  :func:`.encode.encode_response` makes of the accumulated ir (status, ``incomplete_details``,
  usage, echoed request fields — the accumulator keeps the started event's ``echo``), whose
  ``output`` is the list of items the stream emitted. ``StreamError`` closes the same way and
  ends with ``response.failed`` carrying the error. Losses are reported once, by that final
  ``encode_response``. The failed response's ``error.code`` is ``context_length_exceeded`` for a
  context overflow (the code the error body gets, which Codex compacts on), the source's own code
  where the SDK lists it, else ``rate_limit_exceeded`` or ``server_error``.

Not carried back to a Responses client (no ir field): the source ``Response``'s top-level fields
that are not echoed settings (``service_tier`` without usage, ``completed_at``, unknown fields).
"""

from __future__ import annotations

import dataclasses
import enum
from collections import deque
from typing import Any

from .. import ir
from .._call_id_carrier import report_late_state
from .._codec import build
from .._hot_lane import MARK, NUMBER, Template
from .._openai_errors import CONTEXT_LENGTH_CODE
from ..errors import BridgeError, InvalidInputError, StreamStateError
from ..ir.accumulate import Accumulator, Fragments, PartBuilder, check_summary_index
from ..options import Options
from ..wire import to_wire
from .decode import FMT
from .encode import (
    _call_id,
    _citation,
    _content_part,
    _reasoning,
    _strip_head,
    _tool_call,
    encode_response,
    reasoning_item_id,
)
from .models.response import Response, ResponseErrorCode
from .models.stream import (
    ResponseCompletedEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    ResponseCreatedEvent,
    ResponseCustomToolCallInputDeltaEvent,
    ResponseCustomToolCallInputDoneEvent,
    ResponseFailedEvent,
    ResponseFunctionCallArgumentsDeltaEvent,
    ResponseFunctionCallArgumentsDoneEvent,
    ResponseIncompleteEvent,
    ResponseInProgressEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseOutputTextAnnotationAddedEvent,
    ResponseReasoningSummaryPartAddedEvent,
    ResponseReasoningSummaryPartDoneEvent,
    ResponseReasoningSummaryTextDeltaEvent,
    ResponseReasoningSummaryTextDoneEvent,
    ResponseReasoningTextDeltaEvent,
    ResponseReasoningTextDoneEvent,
    ResponseRefusalDeltaEvent,
    ResponseRefusalDoneEvent,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
)

__all__ = ["EncoderState", "StreamEncoder"]

_ERROR_CODES = frozenset(ResponseErrorCode.__args__)  # type: ignore[attr-defined]


def _failure_code(error: ir.ApiError) -> str:
    """The ``error.code`` of the ``response.failed`` a source error ends the stream with: a
    context overflow says ``context_length_exceeded`` (as the error body codec writes it, and as
    the API does; Codex compacts on it, though the SDK's code list lacks it), a code the SDK lists
    stays, a rate limit is ``rate_limit_exceeded``, anything else ``server_error``."""
    if error.kind == "context_length_exceeded":
        return CONTEXT_LENGTH_CODE
    if error.code is not None and error.code in _ERROR_CODES:
        return error.code
    return "rate_limit_exceeded" if error.kind == "rate_limit" else "server_error"


_CONTENT = "content"
_CALL = "call"
_REASONING = "reasoning"
_NATIVE = "native"
_LOST = "lost"


class EncoderState(enum.Enum):
    """Where a :class:`StreamEncoder` stands."""

    IDLE = "idle"
    OPEN = "open"
    DONE = "done"
    ERROR = "error"


#: A plain fragment's kind and summary index, its event's template, the lists that keep it.
_HotPlan = tuple[str, int, Template, tuple[list[str], ...]]


@dataclasses.dataclass(slots=True)
class _Slot:
    """One ir part on its way out."""

    index: int
    header: ir.Part
    kind: str
    buffer: list[ir.PartDelta | ir.PartFinished] = dataclasses.field(default_factory=list)
    builder: PartBuilder | None = None
    final: ir.Part | None = None
    item_id: str = ""
    output_index: int = -1
    content_index: int = 0
    annotations: int = 0
    deferred: bool = False
    finished: bool = False
    """``PartFinished`` arrived (the part may still wait in the queue)."""
    summary_open: int | None = None
    summary_text: list[str] = dataclasses.field(default_factory=Fragments)
    summary_seen: bool = False
    content_open: bool = False
    summary_parts: int = 0
    """How many summary parts its deltas opened so far (checked as they arrive)."""
    hot: _HotPlan | None = None
    """What the hot lane's last plain fragment here made: its kind and summary index, the
    template of its event, the lists that keep it. Valid until the full path touches the slot."""


@dataclasses.dataclass(slots=True)
class _Message:
    """The open ``message`` item."""

    item_id: str
    output_index: int
    head: dict[str, Any]
    content: list[Any] = dataclasses.field(default_factory=list)
    first: ir.Part | None = None


def _slot_kind(part: ir.Part) -> str:
    match part:
        case ir.TextPart() | ir.RefusalPart():
            return _CONTENT
        case ir.NativePart() if part.format == FMT:
            return _CONTENT if FMT in part.extra else _NATIVE
        case ir.ToolCallPart():
            return _CALL
        case ir.ReasoningPart():
            return _REASONING
        case _:
            return _LOST


class StreamEncoder:
    """Encodes one ir stream as a Responses stream (see the module docstring)."""

    def __init__(self, options: Options) -> None:
        self._options = options
        self._quiet = dataclasses.replace(options, on_loss=None, strict=False)
        self._state = EncoderState.IDLE
        self._seq = 0
        self._acc = Accumulator()
        self._id = ""
        self._created = 0
        self._model: str | None = None
        self._slots: dict[int, _Slot] = {}
        self._queue: deque[_Slot] = deque()
        self._current: _Slot | None = None
        self._message: _Message | None = None
        self._output: list[Any] = []
        self._out: list[Any] = []
        self._templates: dict[tuple[Any, ...], Template] = {}

    @property
    def state(self) -> EncoderState:
        """The encoder's state (read-only)."""
        return self._state

    # ----------------------------------------------------------------------- entry point

    def feed(self, event: ir.StreamEvent) -> list[Any]:
        """One ir event -> the Responses events it makes, in order."""
        if self._state in (EncoderState.DONE, EncoderState.ERROR):
            raise StreamStateError(f"feed() after the encoder was {self._state.value}")
        self._out = []
        try:
            self._feed(event)
        except BridgeError:
            self._state = EncoderState.ERROR
            raise
        out, self._out = self._out, []
        return out

    def _feed(self, event: ir.StreamEvent) -> None:
        if self._state is EncoderState.IDLE:
            started = (
                event if isinstance(event, ir.ResponseStarted) else ir.ResponseStarted(None, None)
            )
            self._start(started)
            if isinstance(event, ir.ResponseStarted):
                return
        match event:
            case ir.ResponseStarted():
                raise InvalidInputError("a second ResponseStarted in one stream")
            case ir.PartStarted():
                self._acc.feed(event)
                if event.candidate == 0:
                    self._part_started(event)
            case ir.PartDelta() | ir.PartFinished():
                if event.candidate == 0:
                    # the slots keep candidate 0's parts (the terminal event takes them from
                    # there): its deltas are not accumulated twice
                    if isinstance(event, ir.PartFinished):
                        self._acc.feed(event)
                    self._route(event)
                else:
                    self._acc.feed(event)
            case ir.UsageUpdated() | ir.CandidateFinished():
                self._acc.feed(event)
            case ir.StreamEnded() | ir.StreamError():
                self._acc.feed(event)
                self._drain()
                self._terminal(event.error if isinstance(event, ir.StreamError) else None)

    # ----------------------------------------------------------------------- lifecycle

    def _emit(self, cls: Any, fields: dict[str, Any]) -> None:
        fields["sequence_number"] = self._seq
        self._seq += 1
        self._out.append(build(cls, fields, None, FMT))

    def _start(self, event: ir.ResponseStarted) -> None:
        self._acc.feed(event)
        self._state = EncoderState.OPEN
        self._id = event.id if event.id is not None else self._options.id_factory("resp_")
        self._created = event.created if event.created is not None else self._options.clock()
        self._model = event.model
        head = ir.Response(
            id=self._id,
            model=self._model,
            created=self._created,
            status="in_progress",
            echo=event.echo,
        )
        response = to_wire(encode_response(head, self._quiet))
        self._emit(ResponseCreatedEvent, {"response": response})
        self._emit(ResponseInProgressEvent, {"response": response})

    def _terminal(self, error: ir.ApiError | None) -> None:
        result = dataclasses.replace(
            self._acc.result(), id=self._id, created=self._created, model=self._model
        )
        if result.candidates and result.candidates[0].index == 0:
            finals = tuple(_final(self._slots[index]) for index in sorted(self._slots))
            first = dataclasses.replace(result.candidates[0], parts=finals)
            result = dataclasses.replace(result, candidates=(first, *result.candidates[1:]))
        if error is not None and result.candidates:
            first = dataclasses.replace(result.candidates[0], stop_reason="error")
            result = dataclasses.replace(result, candidates=(first, *result.candidates[1:]))
        wire = to_wire(encode_response(result, self._options))
        wire["output"] = self._output
        cls: Any = ResponseCompletedEvent
        if error is not None:
            wire.update(
                status="failed", error={"code": _failure_code(error), "message": error.message}
            )
            wire.pop("incomplete_details", None)
            cls = ResponseFailedEvent
        elif wire.get("status") == "incomplete":
            cls = ResponseIncompleteEvent
        elif wire.get("status") == "failed":
            cls = ResponseFailedEvent
        else:
            wire["status"] = "completed"
        self._emit(cls, {"response": build(Response, wire, None, FMT)})
        self._state = EncoderState.DONE

    # ----------------------------------------------------------------------- serialising parts

    def _part_started(self, event: ir.PartStarted) -> None:
        if event.index in self._slots:
            raise InvalidInputError(f"part {event.index} started twice")
        slot = _Slot(index=event.index, header=event.part, kind=_slot_kind(event.part))
        self._slots[event.index] = slot
        self._queue.append(slot)
        if self._current is None:
            self._advance()

    def _route(self, event: ir.PartDelta | ir.PartFinished) -> None:
        slot = self._slots.get(event.index)
        if slot is None:
            raise InvalidInputError(f"stream event for part {event.index}, which was never started")
        if slot.finished:
            raise InvalidInputError(f"stream event for part {event.index} after it finished")
        if isinstance(event, ir.PartDelta) and event.kind == "summary":  # as it arrives
            check_summary_index(slot.header, event.summary_index, slot.summary_parts)
            slot.summary_parts = max(slot.summary_parts, event.summary_index + 1)
        slot.finished = isinstance(event, ir.PartFinished)
        if slot is self._current:
            self._handle(slot, event)
            if slot.final is not None:
                self._advance()
        else:
            slot.buffer.append(event)

    def _advance(self) -> None:
        """Make the next queued part current, replaying what it buffered."""
        self._current = None
        while self._queue:
            slot = self._queue.popleft()
            self._current = slot
            self._open(slot)
            buffered, slot.buffer = slot.buffer, []
            for event in buffered:
                self._handle(slot, event)
            if slot.final is None:
                return
            self._current = None

    def _drain(self) -> None:
        """Close every part still open (the stream ends)."""
        while self._current is not None:
            slot = self._current
            if slot.final is None:
                self._handle(slot, ir.PartFinished(slot.index))
            self._advance()
        self._close_message()

    def _handle(self, slot: _Slot, event: ir.PartDelta | ir.PartFinished) -> None:
        slot.hot = None  # the full path may change what a plain fragment makes
        if isinstance(event, ir.PartFinished):
            assert slot.builder is not None
            slot.final = event.part if event.part is not None else slot.builder.build()
            self._close(slot)
            return
        assert slot.builder is not None
        slot.builder.add(event)
        self._delta(slot, event)

    # ----------------------------------------------------------------------- opening items

    def _open(self, slot: _Slot) -> None:
        header = slot.header
        slot.builder = PartBuilder(_blank(header))
        if slot.kind == _CONTENT:
            self._open_content(slot)
        else:
            self._close_message()
            if slot.kind == _CALL:
                self._open_call(slot)
            elif slot.kind == _REASONING:
                self._open_reasoning(slot)
            elif slot.kind == _NATIVE:
                assert isinstance(header, ir.NativePart)
                self._add_item(slot, header.data)
        for delta in _header_deltas(header):
            self._handle(slot, delta)

    def _add_item(self, slot: _Slot, item: dict[str, Any]) -> None:
        slot.output_index = len(self._output)
        self._output.append(None)
        self._emit(ResponseOutputItemAddedEvent, {"item": item, "output_index": slot.output_index})

    def _open_content(self, slot: _Slot) -> None:
        head = slot.header.echo.get(FMT, {}).get("message")
        if self._message is None or isinstance(head, dict):
            self._close_message()
            if isinstance(head, dict):
                head = dict(head)
            else:
                head = {
                    "type": "message",
                    "id": self._options.id_factory("msg_"),
                    "role": "assistant",
                    "status": "completed",
                }
            self._message = _Message(
                item_id=str(head.get("id", "")), output_index=len(self._output), head=head
            )
            self._output.append(None)
            added = {**head, "status": "in_progress", "content": []}
            self._emit(
                ResponseOutputItemAddedEvent, {"item": added, "output_index": len(self._output) - 1}
            )
        message = self._message
        assert message is not None
        slot.item_id, slot.output_index = message.item_id, message.output_index
        slot.content_index = len(message.content)
        message.content.append(None)
        header = slot.header
        part: dict[str, Any]
        if isinstance(header, ir.TextPart):
            part = {"type": "output_text", "text": "", "annotations": []}
        elif isinstance(header, ir.RefusalPart):
            part = {"type": "refusal", "refusal": ""}
        else:
            assert isinstance(header, ir.NativePart)
            part = header.data
        self._emit(ResponseContentPartAddedEvent, {**self._where(slot), "part": part})

    def _close_message(self) -> None:
        message, self._message = self._message, None
        if message is None:
            return
        head = message.head
        if message.first is not None:
            final_head = message.first.echo.get(FMT, {}).get("message")
            if isinstance(final_head, dict):
                head = dict(final_head)
        item = {**head, "content": message.content}
        self._output[message.output_index] = item
        self._emit(
            ResponseOutputItemDoneEvent, {"item": item, "output_index": message.output_index}
        )

    def _open_call(self, slot: _Slot) -> None:
        header = slot.header
        assert isinstance(header, ir.ToolCallPart)
        slot.item_id = header.item_id or self._options.id_factory("fc_")
        blank = dataclasses.replace(header, item_id=slot.item_id, arguments="")
        item = _tool_call(blank, self._quiet, response=True)
        if item.get("type") == "function_call":
            item["status"] = "in_progress"
        self._add_item(slot, item)

    def _sent_call_id(self, slot: _Slot, final: ir.ToolCallPart) -> ir.ToolCallPart:
        """``final`` with the call state its ``call_id`` was sent with: state the source stated
        only after the item was added cannot change the id any more (reported)."""
        header = slot.header
        assert isinstance(header, ir.ToolCallPart)
        if _call_id(final, client=True) == _call_id(header, client=True):
            return final
        report_late_state(header, final, self._options)
        return dataclasses.replace(final, call_state=header.call_state)

    def _open_reasoning(self, slot: _Slot) -> None:
        header = slot.header
        assert isinstance(header, ir.ReasoningPart)
        slot.item_id = reasoning_item_id(header, self._options)
        self._add_item(slot, {"id": slot.item_id, "type": "reasoning", "summary": []})

    def _where(self, slot: _Slot) -> dict[str, Any]:
        return {
            "item_id": slot.item_id,
            "output_index": slot.output_index,
            "content_index": slot.content_index,
        }

    # ----------------------------------------------------------------------- deltas

    def _plain(
        self, slot: _Slot, kind: str, text: str, summary_index: int = 0
    ) -> tuple[Any, dict[str, Any]] | None:
        """The delta event (class, fields but the sequence number) a fragment of text, of a
        call's arguments, of this format's own reasoning text (its content part open) or of the
        summary part already open makes; ``None`` for any other fragment. Changes nothing."""
        if slot.kind == _CONTENT:
            if kind != "text" or not isinstance(slot.header, ir.TextPart):
                return None
            return ResponseTextDeltaEvent, {**self._where(slot), "delta": text, "logprobs": []}
        if slot.kind == _CALL and kind == "arguments":
            custom = isinstance(slot.header, ir.ToolCallPart) and slot.header.kind == "custom"
            cls: Any = (
                ResponseCustomToolCallInputDeltaEvent
                if custom
                else ResponseFunctionCallArgumentsDeltaEvent
            )
            return cls, {"item_id": slot.item_id, "output_index": slot.output_index, "delta": text}
        if slot.kind != _REASONING:
            return None
        own = FMT in slot.header.extra
        if kind == "reasoning" and own:
            if not slot.content_open:
                return None
            return ResponseReasoningTextDeltaEvent, {**self._where(slot), "delta": text}
        if kind == "reasoning" and not slot.summary_seen:
            summary_index = 0  # another server's reasoning text is said as the first summary
        elif kind != "summary" or not slot.summary_seen:
            return None
        if not text or slot.summary_open != summary_index:
            return None
        fields = {
            "item_id": slot.item_id,
            "output_index": slot.output_index,
            "summary_index": summary_index,
            "delta": text,
        }
        return ResponseReasoningSummaryTextDeltaEvent, fields

    @staticmethod
    def _record(slot: _Slot, kind: str, text: str) -> None:
        """Keep a plain fragment of a summary for its ``*.done`` events (the part's builder
        keeps the text and this format's own reasoning text)."""
        if _records(slot, kind):
            slot.summary_text.append(text)

    def hot_frame(self, delta: ir.PartDelta) -> bytes | None:
        """The stream's hot lane: the delta event :meth:`feed` would write for a plain fragment
        (:meth:`_plain`) of the part being streamed, from a template, with the same state kept
        (the part's text, the sequence number). ``None`` for anything else, and nothing changes
        (``feed`` takes it)."""
        slot = self._current  # only the current part streams live
        if (
            slot is None
            or slot.index != delta.index
            or slot.finished
            or delta.candidate
            or not delta.text
            or self._state is not EncoderState.OPEN
        ):
            return None
        hot = slot.hot
        if hot is None or hot[0] != delta.kind or hot[1] != delta.summary_index:
            hot = self._hot_plan(slot, delta)
            if hot is None:
                return None
        text = delta.text
        for sink in hot[3]:
            sink.append(text)
        self._seq += 1
        return hot[2].fill(text, self._seq - 1)

    def _hot_plan(self, slot: _Slot, delta: ir.PartDelta) -> _HotPlan | None:
        """What a plain fragment like ``delta`` makes in ``slot`` (:meth:`_plain`): its event's
        template, and where it is kept (the part's builder; a summary's text, :meth:`_record`);
        kept in the slot until the full path touches it. ``None`` for any other fragment."""
        plain = self._plain(slot, delta.kind, delta.text, delta.summary_index)
        assert slot.builder is not None
        kept = slot.builder.sink(delta.kind, delta.summary_index)
        if plain is None or kept is None:
            return None
        sinks = (kept, slot.summary_text) if _records(slot, delta.kind) else (kept,)
        cls, fields = plain
        where = (fields.get("content_index"), fields.get("summary_index"))
        key = (cls, slot.item_id, slot.output_index, *where)
        template = self._templates.get(key)
        if template is None:
            model = _delta_event(cls, {**fields, "delta": MARK}, NUMBER)
            template = self._templates[key] = Template(model, model.type)
        slot.hot = (delta.kind, delta.summary_index, template, sinks)
        return slot.hot

    def _delta(self, slot: _Slot, event: ir.PartDelta) -> None:
        kind, text = event.kind, event.text
        plain = self._plain(slot, kind, text, event.summary_index)
        if plain is not None:
            self._record(slot, kind, text)
            self._out.append(_fast(*plain, self))
            return
        if slot.kind == _CONTENT:
            if kind == "refusal" and isinstance(slot.header, ir.RefusalPart):
                fields = {**self._where(slot), "delta": text}
                self._out.append(_fast(ResponseRefusalDeltaEvent, fields, self))
            elif kind == "citation" and event.citation is not None:
                citation = event.citation
                # A citation whose span is stated streams at once; one whose span depends on
                # the text still to come (an anthropic web search result) waits for the end of
                # the part, and so does everything after it (annotation_index stays in order).
                if slot.deferred or citation.start is None or citation.end is None:
                    slot.deferred = True
                    return
                assert slot.builder is not None
                annotation = _citation(citation, "".join(slot.builder.text), self._quiet)
                if annotation is not None:
                    self._annotate(slot, annotation)
        elif slot.kind == _REASONING:
            self._reasoning_delta(slot, kind, text, event.summary_index)

    def _reasoning_delta(self, slot: _Slot, kind: str, text: str, summary_index: int) -> None:
        own = FMT in slot.header.extra
        if kind == "reasoning" and own:
            # the first fragment opens the content part (the later ones are plain)
            slot.content_open = True
            slot.content_index = 0
            part = {"type": "reasoning_text", "text": ""}
            self._emit(ResponseContentPartAddedEvent, {**self._where(slot), "part": part})
            fields = {**self._where(slot), "delta": text}
            self._out.append(_fast(ResponseReasoningTextDeltaEvent, fields, self))
            return
        if kind == "summary":
            slot.summary_seen = True
        elif kind != "reasoning" or slot.summary_seen:
            return
        else:
            summary_index = 0
        if slot.summary_open != summary_index:
            self._close_summary(slot)
            slot.summary_open = summary_index
            self._emit(
                ResponseReasoningSummaryPartAddedEvent,
                {
                    "item_id": slot.item_id,
                    "output_index": slot.output_index,
                    "summary_index": summary_index,
                    "part": {"type": "summary_text", "text": ""},
                },
            )
        if not text:
            return  # an empty fragment only announces the summary part
        slot.summary_text.append(text)
        fields = {
            "item_id": slot.item_id,
            "output_index": slot.output_index,
            "summary_index": summary_index,
            "delta": text,
        }
        self._out.append(_fast(ResponseReasoningSummaryTextDeltaEvent, fields, self))

    def _annotate(self, slot: _Slot, annotation: dict[str, Any]) -> None:
        fields = {
            **self._where(slot),
            "annotation_index": slot.annotations,
            "annotation": annotation,
        }
        slot.annotations += 1
        self._emit(ResponseOutputTextAnnotationAddedEvent, fields)

    def _close_summary(self, slot: _Slot) -> None:
        if slot.summary_open is None:
            return
        text = "".join(slot.summary_text)
        where = {
            "item_id": slot.item_id,
            "output_index": slot.output_index,
            "summary_index": slot.summary_open,
        }
        self._emit(ResponseReasoningSummaryTextDoneEvent, {**where, "text": text})
        self._emit(
            ResponseReasoningSummaryPartDoneEvent,
            {**where, "part": {"type": "summary_text", "text": text}},
        )
        slot.summary_open, slot.summary_text = None, Fragments()

    # ----------------------------------------------------------------------- closing items

    def _close(self, slot: _Slot) -> None:
        self._close_item(slot)
        # its done events went out: what it kept to write them is let go
        slot.builder = None
        slot.summary_text = Fragments()

    def _close_item(self, slot: _Slot) -> None:
        final = slot.final
        assert final is not None
        match slot.kind:
            case "content":
                self._close_content(slot, final)
            case "call":
                assert isinstance(final, ir.ToolCallPart)
                final = dataclasses.replace(final, item_id=slot.item_id)
                final = self._sent_call_id(slot, final)
                item = _tool_call(final, self._quiet, response=True)
                where = {"item_id": slot.item_id, "output_index": slot.output_index}
                if item.get("type") == "custom_tool_call":
                    self._emit(
                        ResponseCustomToolCallInputDoneEvent, {**where, "input": final.arguments}
                    )
                else:
                    self._emit(
                        ResponseFunctionCallArgumentsDoneEvent,
                        {**where, "arguments": final.arguments},
                    )
                self._item_done(slot, item)
            case "reasoning":
                assert isinstance(final, ir.ReasoningPart)
                self._close_summary(slot)
                if slot.content_open:
                    assert slot.builder is not None
                    text = "".join(slot.builder.text)
                    where = self._where(slot)
                    self._emit(ResponseReasoningTextDoneEvent, {**where, "text": text})
                    part = {"type": "reasoning_text", "text": text}
                    self._emit(ResponseContentPartDoneEvent, {**where, "part": part})
                self._item_done(slot, _reasoning(final, self._quiet, slot.item_id))
            case "native":
                data = final.data if isinstance(final, ir.NativePart) else None
                assert isinstance(slot.header, ir.NativePart)
                self._item_done(slot, data if data is not None else slot.header.data)
            case _:
                self._close_message()

    def _item_done(self, slot: _Slot, item: dict[str, Any]) -> None:
        self._output[slot.output_index] = item
        self._emit(ResponseOutputItemDoneEvent, {"item": item, "output_index": slot.output_index})

    def _close_content(self, slot: _Slot, final: ir.Part) -> None:
        message = self._message
        assert message is not None
        if slot.content_index == 0:
            message.first = final
        wire = _content_part(final, self._quiet, output=True)
        if wire is None:
            wire = {"type": "output_text", "text": "", "annotations": []}
        part = _strip_head(wire, final)
        message.content[slot.content_index] = part
        where = self._where(slot)
        if part.get("type") == "output_text":
            for annotation in part.get("annotations", [])[slot.annotations :]:
                self._annotate(slot, annotation)
            self._emit(ResponseTextDoneEvent, {**where, "text": part["text"], "logprobs": []})
        elif part.get("type") == "refusal":
            self._emit(ResponseRefusalDoneEvent, {**where, "refusal": part["refusal"]})
        self._emit(ResponseContentPartDoneEvent, {**where, "part": part})


def _records(slot: _Slot, kind: str) -> bool:
    """Whether a plain fragment of ``kind`` is kept by the slot's summary (not by its builder
    alone)."""
    return slot.kind == _REASONING and not (kind == "reasoning" and FMT in slot.header.extra)


def _final(slot: _Slot) -> ir.Part:
    """The finished part of a slot (every one is, once the stream is drained)."""
    assert slot.final is not None
    return slot.final


def _blank(part: ir.Part) -> ir.Part:
    """``part`` with the text its deltas will carry taken out (see :func:`_header_deltas`)."""
    match part:
        case ir.TextPart():
            citations = () if part.citations is not None else None
            return dataclasses.replace(part, text="", citations=citations)
        case ir.RefusalPart():
            return dataclasses.replace(part, text="")
        case ir.ToolCallPart():
            return dataclasses.replace(part, arguments="")
        case ir.ReasoningPart():
            return dataclasses.replace(part, text=None if part.text is None else "", summary=())
        case _:
            return part


def _header_deltas(part: ir.Part) -> list[ir.PartDelta]:
    """A part header that already holds text, as deltas (so the deltas carry everything)."""
    match part:
        case ir.TextPart():
            text = [ir.PartDelta(0, "text", part.text)] if part.text else []
            return text + [ir.PartDelta(0, "citation", citation=c) for c in part.citations or ()]
        case ir.RefusalPart() if part.text:
            return [ir.PartDelta(0, "refusal", part.text)]
        case ir.ToolCallPart() if part.arguments:
            return [ir.PartDelta(0, "arguments", part.arguments)]
        case ir.ReasoningPart():
            out = [
                ir.PartDelta(0, "summary", text, summary_index=i)
                for i, text in enumerate(part.summary)
                if text
            ]
            if part.text:
                out.append(ir.PartDelta(0, "reasoning", part.text))
            return out
        case _:
            return []


def _fast(cls: Any, fields: dict[str, Any], encoder: StreamEncoder) -> Any:
    """A delta event of plain fields, numbered next."""
    encoder._seq += 1
    return _delta_event(cls, fields, encoder._seq - 1)


def _delta_event(cls: Any, fields: dict[str, Any], number: int) -> Any:
    """A delta event of plain fields, built without a validation pass."""
    fields = {**fields, "sequence_number": number, "type": cls.model_fields["type"].default}
    return cls.model_construct(_fields_set=set(fields), **fields)
