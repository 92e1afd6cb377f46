"""Neutral ir stream events -> Anthropic Messages stream events.

Theory of operation
-------------------
The target grammar (BEHAVIOR.md, "Stream rules of each target")::

    message_start ( content_block_start content_block_delta* content_block_stop )*
    message_delta message_stop                      (or, on an error, ``error`` and nothing else)

The ir may have several parts open at once (chat interleaves parallel tool calls, Responses has
items in flight); anthropic has one open block at a time. :class:`StreamEncoder` keeps a queue
of the ir parts of candidate 0 in the order they started. The head of the queue is the *current*
part: its deltas go out as they come. Every other part's events are buffered; when the current
part finishes, its ``content_block_stop`` goes out and the next part becomes current, replaying
what it buffered (and finishing at once when it is already finished).

Block indices are assigned when a block is actually emitted (0, 1, 2, ...), so a part that
becomes no block leaves no gap:

* text (and refusal, which anthropic says as text): ``content_block_start`` with ``text: ""`` is
  held back until the first non-empty fragment or citation, so empty text never becomes a block;
* a function tool call: ``tool_use`` with ``input: {}``, then its argument fragments as
  ``input_json_delta``; its id is the non-streaming encoder's (a carrier of the header's call
  state where needed), so call state a source states only in ``PartFinished`` comes too late
  for it and is reported. A custom tool call is held until it finishes and then sent whole as a
  ``tool_use`` of its function stand-in, ``input: {"input": <raw input>}``
  (:mod:`.._custom_tools`);
* anthropic's own thinking (the header comes from the anthropic decoder): ``thinking: ""`` +
  ``signature: ""``, then ``thinking_delta`` / ``signature_delta`` live;
* reasoning *text* from another server (a chat server's ``reasoning_content`` / ``reasoning``,
  OpenRouter's ``reasoning.text``) streams live too, so the client shows thinking while the
  model thinks: the block starts with the first non-empty fragment (in the same ``feed``),
  ``thinking_delta`` events follow as they come, and when the part finishes the block gets its
  ``signature_delta`` — the signature the source streamed, else the bridge's carrier for exactly
  that text (:mod:`.reasoning_carrier`, as the non-streaming encoder writes it) — and stops
  before the next block starts. Reasoning that stayed empty becomes no block;
* any other reasoning (summaries, encrypted or redacted state) is held whole until it finishes
  and becomes what the non-streaming encoder makes of it (a carrier-signed thinking block, a
  redacted block, or nothing, reported);
* native and redacted blocks are emitted whole when they finish.

Whole parts are encoded with the non-streaming encoder's block functions, so a part becomes the
same blocks streamed or not; a whole block goes out as a start with its empty form followed by
deltas carrying its content (text, citations, thinking, signature, tool input), or, for blocks
with no deltas (server-tool results, redacted thinking), as a start carrying the block.
``PartFinished`` with a stated final part (Responses ``output_item.done``) adds whatever the
final part has beyond what the deltas sent.

``CandidateFinished`` and ``UsageUpdated`` are remembered; the single ``message_delta``
(stop reason following what was emitted, as :func:`.encode.encode_response` decides it; usage)
and ``message_stop`` wait for ``StreamEnded``, which first flushes any part left unfinished.
``message_start`` needs a usage object with both counts; counts unknown at the start are sent
as 0 there and the real totals go in the final ``message_delta`` (whose usage the SDK's
accumulator takes over the start's). A final usage that lacks ``output_tokens`` (or a stream
that reported no usage) sends it as 0, as the non-streaming encoder does: a count the target
requires but the source never gave is written as 0 and is not a loss (nothing the source said
was dropped).

``StreamError`` becomes an ``error`` event at once (nothing follows; buffered parts are
dropped). Candidates other than 0 are reported once and dropped. After ``StreamEnded`` /
``StreamError`` or any raise, every later call raises :class:`StreamStateError`.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel

from .. import ir
from .._call_id_carrier import report_late_state
from .._codec import build, is_own
from .._hot_lane import MARK, Template
from .._sent import SentText
from ..errors import BridgeError, InvalidInputError, StreamStateError
from ..ir.accumulate import PartBuilder
from ..options import Options
from ..wire import from_wire, to_wire
from . import encode as _enc
from .encode import FMT
from .models.blocks import TextBlock, ThinkingBlock, ToolUseBlock
from .models.response import Message
from .models.stream import (
    CitationsDelta,
    ErrorEvent,
    InputJSONDelta,
    MessageDelta,
    MessageDeltaUsage,
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
)
from .reasoning_carrier import encode_carrier

__all__ = ["EncoderState", "StreamEncoder"]

#: Where the encoder stands: nothing yet, between ``message_start`` and the end, ended
#: (``message_stop`` or ``error`` sent), or failed (a call raised).
EncoderState = Literal["start", "streaming", "ended", "error"]

_DELTA_FIELDS = frozenset(MessageDelta.model_fields)


@dataclasses.dataclass(frozen=True)
class _HotDelta:
    """A delta model of one text field."""

    model: type[TextDelta | ThinkingDelta | SignatureDelta | InputJSONDelta]
    field: str

    def build(self, text: str) -> TextDelta | ThinkingDelta | SignatureDelta | InputJSONDelta:
        return self.model.model_validate({self.field: text})


#: The hot lane's frames: (part header class, ir delta kind) -> (the delta model, the part's
#: record of what was sent).
_HOT_FRAMES: dict[tuple[type, str], tuple[_HotDelta, str]] = {
    (ir.TextPart, "text"): (_HotDelta(TextDelta, "text"), "sent_text"),
    (ir.ReasoningPart, "reasoning"): (_HotDelta(ThinkingDelta, "thinking"), "sent_text"),
    (ir.ReasoningPart, "signature"): (_HotDelta(SignatureDelta, "signature"), "sent_sig"),
    (ir.ToolCallPart, "arguments"): (_HotDelta(InputJSONDelta, "partial_json"), "sent_args"),
}
_DELTA_USAGE_FIELDS = frozenset(MessageDeltaUsage.model_fields)


class _Part:
    """One ir part on its way out."""

    __slots__ = (
        "block",
        "builder",
        "final",
        "finished",
        "foreign_thinking",
        "header",
        "index",
        "live",
        "pending",
        "sent_args",
        "sent_cites",
        "sent_sig",
        "sent_text",
    )

    def __init__(self, index: int, header: ir.Part, live: bool) -> None:
        self.index = index
        self.header = header
        self.builder = PartBuilder(header)
        self.live = live
        self.foreign_thinking = False
        """Another server's reasoning text, streamed live (its block starts with its text)."""
        self.pending: list[ir.PartDelta] = []
        self.finished = False
        self.final: ir.Part | None = None
        self.block: int | None = None
        self.sent_text = SentText()
        self.sent_args = SentText()
        self.sent_sig = SentText()
        self.sent_cites = 0

    def release(self) -> None:
        """The part went out: what it held to get there (its final form, its fragments) is let
        go, so a long stream holds no more than a short one."""
        self.final = None
        self.builder = PartBuilder(self.header)
        self.pending = []

    def keeps_fragments(self) -> bool:
        """Whether the part's fragments are kept to build it whole: it is sent whole when it
        finishes, or it is another server's thinking, whose signature is made from its text.
        A part streamed live keeps only what its :class:`.._sent.SentText` records say."""
        return not self.live or self.foreign_thinking


class StreamEncoder:
    """ir stream events -> anthropic ``RawMessageStreamEvent``s (see the module docstring)."""

    def __init__(self, options: Options) -> None:
        self._options = options
        self._quiet = dataclasses.replace(options, strict=False, on_loss=None)
        self._started = False
        self._done = False
        self._failed = False
        self._parts: dict[int, _Part] = {}
        self._queue: list[_Part] = []
        self._next_block = 0
        self._blocks: list[BaseModel] = []
        self._refused = False
        self._usage: ir.Usage | None = None
        self._finish: ir.CandidateFinished | None = None
        self._other_candidates = False
        self._templates: dict[tuple[int, _HotDelta], Template] = {}

    @property
    def done(self) -> bool:
        """Whether the stream is over: ``message_stop`` or ``error`` went out, or a call raised."""
        return self._done

    @property
    def state(self) -> EncoderState:
        """Where the encoder stands (read-only)."""
        if self._failed:
            return "error"
        if self._done:
            return "ended"
        return "streaming" if self._started else "start"

    def feed(self, event: ir.StreamEvent) -> list[RawMessageStreamEvent]:
        """Take one ir event; return the anthropic events it makes."""
        if self._done:
            raise StreamStateError("the anthropic stream encoder already ended")
        try:
            return self._feed(event)
        except BridgeError:
            self._done = self._failed = True
            raise

    def hot_frame(self, delta: ir.PartDelta) -> bytes | None:
        """The stream's hot lane: the ``content_block_delta`` frame :meth:`feed` would write
        for a fragment of the block being streamed (text, thinking, signature, tool input),
        from a template, with the same state kept (nothing for a reasoning summary, which
        anthropic does not say, or for a part sent whole when it finishes). ``None`` for
        anything else, and nothing changes (``feed`` takes it)."""
        part = self._parts.get(delta.index)
        if part is None or self._done or delta.candidate or not delta.text or part.finished:
            return None
        if not part.live:  # sent whole when it finishes: its fragments wait in its builder
            part.builder.add(delta)
            return b""
        if self._queue[0] is not part:
            return None
        if delta.kind == "summary" and isinstance(part.header, ir.ReasoningPart):
            if part.keeps_fragments():  # another server's thinking: its signature needs it
                part.builder.add(delta)
            return b""  # anthropic thinking has no summary
        if part.block is None:
            return None
        hot = _HOT_FRAMES.get((type(part.header), delta.kind))
        if hot is None:
            return None
        delta_model, sent = hot
        key = (part.block, delta_model)
        template = self._templates.get(key)
        if template is None:
            model = RawContentBlockDeltaEvent(index=part.block, delta=delta_model.build(MARK))
            template = self._templates[key] = Template(model, "content_block_delta")
        if part.keeps_fragments():
            part.builder.add(delta)
        getattr(part, sent).add(delta.text)
        return template.fill(delta.text)

    # ------------------------------------------------------------------ dispatch

    def _feed(self, event: ir.StreamEvent) -> list[RawMessageStreamEvent]:
        out: list[RawMessageStreamEvent] = []
        if isinstance(event, ir.StreamError):
            self._done = True
            body = _enc.encode_error(event.error, self._options)[1]
            out.append(from_wire(ErrorEvent, to_wire(body)))
            return out
        if isinstance(event, ir.ResponseStarted):
            if self._started:
                raise InvalidInputError("a second ResponseStarted in one ir stream")
            self._started = True
            out.append(self._message_start(event))
            return out
        if not self._started:
            raise InvalidInputError(
                f"ir stream event {type(event).__name__} before ResponseStarted"
            )
        match event:
            case ir.PartDelta():
                part = self._part(event.candidate, event.index)
                if part is not None:
                    self._on_delta(part, event, out)
            case ir.PartStarted():
                self._on_start(event, out)
            case ir.PartFinished():
                part = self._part(event.candidate, event.index)
                if part is not None:
                    part.finished = True
                    part.final = event.part
                    if self._queue and self._queue[0] is part:
                        self._advance(out)
            case ir.UsageUpdated():
                self._usage = _merge_usage(self._usage, event.usage)
            case ir.CandidateFinished():
                if self._candidate_ok(event.candidate):
                    self._finish = event
            case ir.StreamEnded():
                self._end(event, out)
            case _:
                raise InvalidInputError(f"not an ir stream event: {type(event).__name__}")
        return out

    def _candidate_ok(self, candidate: int) -> bool:
        if candidate == 0:
            return True
        if not self._other_candidates:
            self._other_candidates = True
            reason = "an anthropic message holds one answer; other candidates were dropped"
            self._options.lose("", "n", reason)
        return False

    def _part(self, candidate: int, index: int) -> _Part | None:
        if not self._candidate_ok(candidate):
            return None
        part = self._parts.get(index)
        if part is None:
            raise InvalidInputError(f"ir stream event for part {index}, which was never started")
        return part

    # ------------------------------------------------------------------ message

    def _message_start(self, event: ir.ResponseStarted) -> RawMessageStartEvent:
        opts = self._options
        usage = event.usage
        self._usage = usage
        # the counts the source has not told yet are 0 here (the final message_delta has the
        # real ones); its losses are reported once, with the final usage
        start_usage = _enc._usage(usage, self._quiet)
        own = event.extra.get(FMT, {})
        fields: dict[str, Any] = {
            **own,
            "id": event.id if event.id is not None else opts.id_factory("msg_"),
            "model": opts.model or event.model or "",
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": start_usage,
        }
        message = build(Message, fields, None, FMT)
        return RawMessageStartEvent(message=message)

    def _end(self, event: ir.StreamEnded, out: list[RawMessageStreamEvent]) -> None:
        for part in self._queue:
            part.finished = True
        self._advance(out)
        own = dict(event.extra.get(FMT, {}))
        usage = self._final_usage()
        candidate = ir.Candidate()
        if self._finish is not None:
            candidate = ir.Candidate(
                stop_reason=self._finish.stop_reason,
                stop_sequence=self._finish.stop_sequence,
                raw_stop_reason=self._finish.raw_stop_reason,
            )
        delta: dict[str, Any] = {"stop_reason": None, "stop_sequence": None}
        stop = _enc._stop_reason(candidate, self._blocks, self._refused, self._options)
        if stop is None and isinstance(own.get("stop_reason"), str):
            stop = own["stop_reason"]
        delta["stop_reason"] = stop
        if candidate.stop_sequence is not None:
            delta["stop_sequence"] = candidate.stop_sequence
        event_fields: dict[str, Any] = {}
        for key, value in own.items():
            if key == "stop_reason":
                continue
            (delta if key in _DELTA_FIELDS else event_fields)[key] = value
        out.append(
            from_wire(
                RawMessageDeltaEvent,
                {**event_fields, "type": "message_delta", "delta": delta, "usage": usage},
            )
        )
        out.append(RawMessageStopEvent())
        self._done = True

    def _final_usage(self) -> dict[str, Any]:
        usage = self._usage
        if usage is None:
            return {"output_tokens": 0}  # required; a count never given is 0, not a loss
        wire = to_wire(_enc._usage(usage, self._options))
        if usage.input_tokens is None:
            wire.pop("input_tokens", None)  # optional here: omitted rather than invented
        return {k: v for k, v in wire.items() if k in _DELTA_USAGE_FIELDS}

    # ------------------------------------------------------------------ parts

    def _on_start(self, event: ir.PartStarted, out: list[RawMessageStreamEvent]) -> None:
        if not self._candidate_ok(event.candidate):
            return
        if event.index in self._parts:
            raise InvalidInputError(f"part {event.index} was started twice")
        header = event.part
        live = isinstance(header, (ir.TextPart, ir.RefusalPart, ir.ToolCallPart))
        foreign_thinking = False
        if isinstance(header, ir.ReasoningPart):
            foreign_thinking = not is_own(header, FMT) and _streams_as_thinking(header)
            live = (is_own(header, FMT) and header.redacted_data is None) or foreign_thinking
        part = _Part(event.index, header, live)
        part.foreign_thinking = foreign_thinking
        if isinstance(header, ir.ToolCallPart) and header.kind == "custom":
            part.live = False  # sent whole when it finishes, through the non-streaming encoder
        self._parts[event.index] = part
        self._queue.append(part)
        if len(self._queue) == 1:
            self._open_live(part, out)

    def _on_delta(self, part: _Part, event: ir.PartDelta, out: list[RawMessageStreamEvent]) -> None:
        if part.finished:
            raise InvalidInputError(f"ir delta for part {part.index} after it finished")
        if part.keeps_fragments():
            part.builder.add(event)
        if part.live and self._queue[0] is part:
            self._send_delta(part, event, out)
        elif part.live:
            part.pending.append(event)

    def _advance(self, out: list[RawMessageStreamEvent]) -> None:
        """Close the current part while it is finished and move on to the next."""
        queue = self._queue
        while queue and queue[0].finished:
            part = queue.pop(0)
            if part.live:
                self._close_live(part, out)
            else:
                self._emit_whole(part, out)
            part.release()
            if queue:
                self._open_live(queue[0], out)

    # --- live parts

    def _open_live(self, part: _Part, out: list[RawMessageStreamEvent]) -> None:
        if not part.live:
            return
        header = part.header
        if isinstance(header, ir.ToolCallPart):
            block = _enc._tool_use(
                dataclasses.replace(header, arguments=""), self._options, response=True
            )
            assert block is not None
            self._start_block(part, block, out)
            if header.arguments:
                self._args(part, header.arguments, out)
        elif isinstance(header, ir.ReasoningPart):
            if not part.foreign_thinking:
                self._ensure_thinking_block(part, out)
            if header.text:
                self._thinking(part, header.text, out)
            if header.signature:
                self._signature(part, header.signature, out)
        elif isinstance(header, (ir.TextPart, ir.RefusalPart)):
            if header.text:
                self._text(part, header.text, out)
            if isinstance(header, ir.TextPart) and header.citations:
                for citation in header.citations:
                    self._citation(part, citation, out)
        pending, part.pending = part.pending, []
        for delta in pending:
            self._send_delta(part, delta, out)

    def _send_delta(
        self, part: _Part, event: ir.PartDelta, out: list[RawMessageStreamEvent]
    ) -> None:
        kind = event.kind
        header = part.header
        if isinstance(header, ir.ToolCallPart):
            if kind == "arguments" and event.text:
                self._args(part, event.text, out)
        elif isinstance(header, ir.ReasoningPart):
            if kind == "reasoning" and event.text:
                self._thinking(part, event.text, out)
            elif kind == "signature" and event.text:
                self._signature(part, event.text, out)
        elif kind in ("text", "refusal") and event.text:
            self._text(part, event.text, out)
        elif kind == "citation" and event.citation is not None:
            self._citation(part, event.citation, out)

    def _ensure_text_block(self, part: _Part, out: list[RawMessageStreamEvent]) -> int:
        if part.block is None:
            header = part.header
            if isinstance(header, ir.TextPart):
                start = _enc._text(
                    dataclasses.replace(header, text="", citations=None),
                    self._options,
                    response=True,
                )
                wire = to_wire(start)
                wire.pop("citations", None)
                block = from_wire(TextBlock, wire)
            else:
                block = TextBlock(text="")
            self._start_block(part, block, out)
        assert part.block is not None
        return part.block

    def _text(self, part: _Part, text: str, out: list[RawMessageStreamEvent]) -> None:
        if isinstance(part.header, ir.RefusalPart):
            self._refused = True  # a refusal is one once it says something
        index = self._ensure_text_block(part, out)
        part.sent_text.add(text)
        out.append(RawContentBlockDeltaEvent(index=index, delta=TextDelta(text=text)))

    def _citation(
        self, part: _Part, citation: ir.Citation, out: list[RawMessageStreamEvent]
    ) -> None:
        part.sent_cites += 1
        model = _enc._citation(citation, self._options, True)
        if model is None:
            return
        index = self._ensure_text_block(part, out)
        out.append(RawContentBlockDeltaEvent(index=index, delta=CitationsDelta(citation=model)))  # type: ignore[arg-type]

    def _args(self, part: _Part, text: str, out: list[RawMessageStreamEvent]) -> None:
        assert part.block is not None
        part.sent_args.add(text)
        out.append(
            RawContentBlockDeltaEvent(index=part.block, delta=InputJSONDelta(partial_json=text))
        )

    def _ensure_thinking_block(self, part: _Part, out: list[RawMessageStreamEvent]) -> int:
        if part.block is None:
            fields = {"thinking": "", "signature": ""}
            self._start_block(part, build(ThinkingBlock, fields, part.header, FMT), out)
        assert part.block is not None
        return part.block

    def _thinking(self, part: _Part, text: str, out: list[RawMessageStreamEvent]) -> None:
        index = self._ensure_thinking_block(part, out)
        part.sent_text.add(text)
        out.append(RawContentBlockDeltaEvent(index=index, delta=ThinkingDelta(thinking=text)))

    def _signature(self, part: _Part, text: str, out: list[RawMessageStreamEvent]) -> None:
        index = self._ensure_thinking_block(part, out)
        part.sent_sig.add(text)
        out.append(RawContentBlockDeltaEvent(index=index, delta=SignatureDelta(signature=text)))

    def _close_live(self, part: _Part, out: list[RawMessageStreamEvent]) -> None:
        """Catch up with a stated final part, then stop the block."""
        final = part.final
        header = part.header
        if final is not None:
            self._catch_up(part, final, out)
        elif isinstance(header, ir.ToolCallPart) and not part.sent_args:
            self._args(part, "{}", out)
        if part.foreign_thinking and not part.sent_sig:
            built = final if final is not None else part.builder.build()
            carrier = encode_carrier(built) if isinstance(built, ir.ReasoningPart) else None
            if carrier is not None:
                self._signature(part, carrier, out)
        if part.block is not None:
            out.append(RawContentBlockStopEvent(index=part.block))

    def _check_call_id(self, header: ir.ToolCallPart, final: ir.ToolCallPart) -> None:
        """Report call state that the source stated only after the block's id went out (the id
        carries the state, :mod:`.._call_id_carrier`, and cannot change any more)."""
        if _enc._call_id(final, "id", client=True) != _enc._call_id(header, "id", client=True):
            report_late_state(header, final, self._options)

    def _catch_up(self, part: _Part, final: ir.Part, out: list[RawMessageStreamEvent]) -> None:
        header = part.header
        if isinstance(header, ir.ToolCallPart) and isinstance(final, ir.ToolCallPart):
            self._check_call_id(header, final)
            rest = self._rest(part, part.sent_args, final.arguments)
            if rest or not part.sent_args:
                self._args(part, rest or "{}", out)
        elif isinstance(header, ir.ReasoningPart) and isinstance(final, ir.ReasoningPart):
            rest = self._rest(part, part.sent_text, final.text or "")
            if rest:
                self._thinking(part, rest, out)
            rest = self._rest(part, part.sent_sig, final.signature or "")
            if rest:
                self._signature(part, rest, out)
        elif isinstance(final, (ir.TextPart, ir.RefusalPart)):
            rest = self._rest(part, part.sent_text, final.text)
            if rest:
                self._text(part, rest, out)
            if isinstance(final, ir.TextPart) and final.citations:
                for citation in final.citations[part.sent_cites :]:
                    self._citation(part, citation, out)
        else:
            reason = "a streamed part's final form changed its kind; the final form was ignored"
            self._options.lose(final.path, "stream", reason)

    def _rest(self, part: _Part, sent: SentText, final: str) -> str:
        rest = sent.rest_of(final)
        if rest is not None:
            return rest
        reason = "a streamed part's final form disagrees with its deltas; the deltas were kept"
        self._options.lose(part.header.path, "stream", reason)
        return ""

    # --- whole parts

    def _emit_whole(self, part: _Part, out: list[RawMessageStreamEvent]) -> None:
        built = part.final if part.final is not None else part.builder.build()
        if isinstance(built, ir.TextPart) and _enc._is_empty_foreign_text(built):
            return
        for block in _enc._response_block(built, self._options):
            self._stream_block(block, out)
        if isinstance(built, ir.RefusalPart) and built.text:
            self._refused = True

    def _stream_block(self, block: BaseModel, out: list[RawMessageStreamEvent]) -> None:
        index = self._next_block
        if isinstance(block, TextBlock):
            wire = to_wire(block)
            citations = wire.pop("citations", None)
            wire["text"] = ""
            self._emit_start(from_wire(TextBlock, wire), out)
            if block.text:
                out.append(RawContentBlockDeltaEvent(index=index, delta=TextDelta(text=block.text)))
            for citation in citations or ():
                out.append(
                    from_wire(
                        RawContentBlockDeltaEvent,
                        {
                            "type": "content_block_delta",
                            "index": index,
                            "delta": {"type": "citations_delta", "citation": citation},
                        },
                    )
                )
        elif isinstance(block, ThinkingBlock):
            self._emit_start(block.model_copy(update={"thinking": "", "signature": ""}), out)
            if block.thinking:
                out.append(
                    RawContentBlockDeltaEvent(
                        index=index, delta=ThinkingDelta(thinking=block.thinking)
                    )
                )
            if block.signature:
                out.append(
                    RawContentBlockDeltaEvent(
                        index=index, delta=SignatureDelta(signature=block.signature)
                    )
                )
        elif isinstance(block, ToolUseBlock):
            self._emit_start(block.model_copy(update={"input": {}}), out)
            if block.input:
                text = json.dumps(block.input, separators=(",", ":"), ensure_ascii=False)
                out.append(
                    RawContentBlockDeltaEvent(index=index, delta=InputJSONDelta(partial_json=text))
                )
        else:
            self._emit_start(block, out)
        out.append(RawContentBlockStopEvent(index=index))

    def _emit_start(self, block: BaseModel, out: list[RawMessageStreamEvent]) -> None:
        self._blocks.append(block)
        out.append(RawContentBlockStartEvent(index=self._next_block, content_block=block))  # type: ignore[arg-type]
        self._next_block += 1

    def _start_block(self, part: _Part, block: BaseModel, out: list[RawMessageStreamEvent]) -> None:
        part.block = self._next_block
        self._emit_start(block, out)


def _streams_as_thinking(header: ir.ReasoningPart) -> bool:
    """Whether another server's reasoning part streams live as thinking: reasoning text with no
    opaque state of its own (that state makes a carrier only once the part is complete)."""
    state = (header.redacted_data, header.encrypted_content, header.signature)
    return header.text is not None and all(value is None for value in state)


def _merge_usage(old: ir.Usage | None, new: ir.Usage) -> ir.Usage:
    """``new`` over ``old`` field by field (a ``None`` keeps the old value); the latest
    anthropic residue wins."""
    if old is None:
        return new
    changes: dict[str, Any] = {
        field.name: getattr(new, field.name)
        for field in dataclasses.fields(ir.Usage)
        if field.name not in ir.NODE_FIELDS and getattr(new, field.name) is not None
    }
    if new.extra:
        merged: dict[Any, Mapping[str, Any]] = dict(old.extra)
        for fmt, fields in new.extra.items():
            merged[fmt] = {**merged.get(fmt, {}), **fields}
        changes["extra"] = merged
    return dataclasses.replace(old, **changes)
