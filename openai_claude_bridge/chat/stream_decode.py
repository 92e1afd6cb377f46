"""Chat Completions stream -> ir stream events.

Theory of operation
-------------------
A chat stream is a sequence of ``chat.completion.chunk`` objects (each a
:class:`ChatCompletionChunk`) and, on failure, one ``{"error": ...}`` frame
(:class:`ErrorResponse`). It has no terminal event of its own: the server ends it with
``[DONE]`` (an SSE matter), which is :meth:`StreamDecoder.finish`. A choice that has not received
its ``finish_reason`` by then stops with the reason what it emitted implies — the server said it
is done, so this is no truncation (a connection cut is the caller's to tell:
``StreamConverter.abort``, or an SSE body without ``[DONE]``).

States (:class:`DecoderState`)::

    IDLE --chunk--> STREAMING --chunk--> STREAMING
    IDLE | STREAMING --error frame--> FAILED          (StreamError emitted; the source is over)
    STREAMING | FAILED --finish()--> FINISHED         (StreamEnded, or [] after an error)
    any --raise--> ERROR                              (every later call: StreamStateError)

**Start.** The first chunk emits ``ResponseStarted`` (``id`` / ``model`` / ``created``; a
``service_tier`` as initial usage; the chunk's ``system_fingerprint`` in its ``echo`` and its
other fields without a neutral meaning in its ``extra``, both under ``"chat"``, as the
non-streaming decoder keeps them on a response). A leading chunk with an empty ``id``, no choices
and no usage (Azure's prompt-filter preamble) is skipped.

**Choices are candidates.** ``choices[].index`` is the ir candidate index; each has its own
:class:`_Choice` state. Part indices count 0, 1, 2, … in order of first appearance across all
choices (unique in the stream).

**One delta, several pieces.** The fields of a delta are taken in the order the non-streaming
decoder puts the parts of a message: reasoning (``reasoning_details``, else ``reasoning_content``,
else ``reasoning``), ``content``, ``refusal``, ``tool_calls``, the legacy ``function_call``; then
``logprobs``; then ``finish_reason``. So one chunk carrying role + reasoning + text + several
tool-call fragments + ``finish_reason`` comes out as ordered events.

* **Mistral's content chunks.** A ``content`` list is read chunk by chunk, in order, as the
  non-streaming decoder reads it: a text chunk is a text fragment, a thinking chunk a reasoning
  fragment (path ``….delta.content``; it closes open text first), any other chunk a whole
  ``NativePart``.
* **Text / refusal / plain reasoning** open a part on their first fragment (an empty ``content: ""``
  or ``refusal: ""`` opens one only while the choice has no part yet — the usual empty first
  chunk — so empty strings repeated next to other fields add no empty parts). Each non-empty
  fragment is a ``PartDelta``. The empty text part of such a first chunk waits for its place:
  it opens just before the first part that is not reasoning (or at the ``finish_reason``), which
  is where the non-streaming decoder puts ``content`` — so reasoning that follows an empty
  first chunk still comes first, in every target.
* **Reasoning details** (OpenRouter) are keyed by their ``index`` field (a fragment without one
  continues the last detail of the same type): ``reasoning.text`` -> a ``ReasoningPart`` with
  ``reasoning`` / ``signature`` deltas, ``reasoning.summary`` -> ``summary`` deltas,
  ``reasoning.encrypted`` -> a ``ReasoningPart`` whose data is in the header (``redacted_data``
  for Anthropic's format, else ``encrypted_content``; a continuation of the data is stated in
  ``PartFinished``), an unknown type -> a complete ``NativePart``. Once a choice has sent details,
  its plain ``reasoning`` / ``reasoning_content`` strings are taken as their mirror and ignored.
* **Closing.** Reasoning closes when non-empty text, refusal or a tool call starts; text and
  refusal close each other and close when a tool call starts; tool calls stay open (parallel
  calls interleave) until the choice's ``finish_reason``, which closes everything in index order.
  A kind that comes back after it was closed opens a new part.
* **Tool calls are keyed by index and id.** A fragment with an ``id`` seen before continues that
  call (providers repeat ``id``/``name`` on every fragment); a new ``id`` at an index whose call
  has another id starts a new call (providers that give every call ``index: 0``); a fragment
  without ``id`` continues the latest call at its index. A fragment without ``index`` (Mistral
  sends each call whole, with its id) is keyed by its id alone. A call's ``PartStarted`` waits
  for its name (some providers send it late); argument fragments that came before are then
  emitted in order, later ones as they come. A call that never gets a name is invalid input.
* **Call state.** A fragment's ``extra_content`` (Gemini sends it with the call's id and name) is
  the call's ``call_state``: in the ``PartStarted`` header when it came before or with the name;
  when it first comes (or changes) after that, the call's ``PartFinished`` states the complete
  part with it (all its arguments), as the non-streaming decoder would have read it.
* **Logprobs** have no delta kind in the ir: ``logprobs.content`` entries are collected per
  choice and, when the text part closes, stated in ``PartFinished`` as the complete text part
  with its neutral ``TokenLogprob``\\ s (the non-streaming decoder's shape).
* ``finish_reason`` (once per choice) closes the choice's parts and emits ``CandidateFinished``
  with the mapped stop reason; a ``stop_reason`` string beside ``finish_reason: "stop"`` (vLLM /
  SGLang: the stop string that matched) makes it ``stop_sequence`` with that string. Another
  server's known spelling (``end``, ``eos``, ``tool_call`` …) is read as the stop it means,
  following the calls the choice emitted (:func:`.tables.read_finish_reason`). An unknown
  finish reason finishes the choice without a ``CandidateFinished`` (the non-streaming decoder
  leaves ``stop_reason`` unset too). A repeated ``finish_reason`` and empty deltas after it
  (audio expiry updates) are tolerated; content after it is invalid input.
* ``usage`` on any chunk (the last one, with ``choices: []``) is a ``UsageUpdated``.
* An error frame — or an OpenRouter chunk with an ``error`` object — is a ``StreamError``
  (:func:`.decode.decode_error`); any later event is invalid input.

Not carried (no ir field, no delta kind): audio deltas, ``annotations`` on deltas beyond URL
citations, refusal logprobs, choice-level extras such as ``native_finish_reason``, per-chunk
``obfuscation`` padding, and later chunks' top-level fields (a ``system_fingerprint`` that first
appears, or changes, after the first chunk; the API repeats the first one on every chunk).

Invariants: ``ResponseStarted`` comes first; no part is referenced before its ``PartStarted``;
``PartStarted`` indices increase by one; every part opened is finished before its candidate's
``CandidateFinished``; raised :class:`InvalidInputError`\\ s leave ``event_index`` to the stream
converter.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, Union

from typing_extensions import assert_never

from .. import ir
from ..errors import BridgeError, InvalidInputError, StreamStateError, TruncatedStreamError
from ..ir.accumulate import Fragments
from ..ir.base import with_extra
from ..ir.stream import fragment
from ..wire import from_wire, to_wire
from ._common import ANTHROPIC_REASONING_FORMAT, FMT, call_state, rest, tag
from .decode import ECHO, _citations, _token, _usage, content_chunk, decode_error
from .models.errors import ErrorResponse
from .models.extensions import (
    ContentChunk,
    ReasoningDetail,
    ReasoningDetailEncrypted,
    ReasoningDetailSummary,
    ReasoningDetailText,
    TextChunk,
    ThinkChunk,
    UnknownContentChunk,
)
from .models.response import AnnotationUnion, ChoiceLogprobs
from .models.stream import ChatCompletionChunk, ChoiceDelta, ChoiceDeltaToolCall, ChunkChoice
from .tables import matched_stop_sequence, read_finish_reason

__all__ = ["DecoderState", "StreamDecoder"]

#: Chunk fields with a neutral meaning or none worth carrying (per-chunk padding).
_HEAD = frozenset(
    {"id", "object", "created", "model", "choices", "usage", "service_tier", "obfuscation"}
)

ChatStreamEvent = Union[ChatCompletionChunk, ErrorResponse]


class DecoderState(enum.Enum):
    """Where a :class:`StreamDecoder` stands (see the module docstring)."""

    IDLE = "idle"
    STREAMING = "streaming"
    FAILED = "failed"
    FINISHED = "finished"
    ERROR = "error"


class _Call:
    """A tool call (or legacy function call) being assembled."""

    __slots__ = (
        "arguments",
        "call_id",
        "index",
        "kind",
        "late_state",
        "name",
        "path",
        "pending",
        "state",
        "wire_index",
    )

    def __init__(self, wire_index: int | None, path: str) -> None:
        self.wire_index = wire_index
        self.path = path
        self.call_id: str | None = None
        self.name: str | None = None
        self.kind: ir.ToolCallKind = "function"
        self.index: int | None = None
        """The ir part index, once started."""
        self.pending: list[str] = []
        """Argument fragments received before the call could start."""
        self.arguments: list[str] = Fragments()
        """Every argument fragment, for a final part that states late call state."""
        self.state: dict[str, Any] = {}
        """The call's state fields (``extra_content``) as its fragments gave them."""
        self.late_state = False
        """Whether the state changed after the call's header went out."""


class _Detail:
    """An open reasoning-details part."""

    __slots__ = ("data", "header", "index", "kind")

    def __init__(self, index: int, kind: str, header: ir.Part | None) -> None:
        self.index = index
        self.kind = kind
        self.header = header
        self.data: list[str] | None = None
        """Continuation fragments of an encrypted detail's data."""


class _Choice:
    """The state of one choice (candidate)."""

    __slots__ = (
        "any_part",
        "calls",
        "calls_by_id",
        "calls_by_index",
        "candidate",
        "citations",
        "details",
        "empty_text",
        "finished",
        "function_call",
        "last_detail",
        "logprobs",
        "open",
        "reasoning",
        "refusal",
        "text",
        "text_fragments",
        "uses_details",
    )

    def __init__(self, candidate: int) -> None:
        self.candidate = candidate
        self.any_part = False
        self.open: list[int] = []
        self.text: int | None = None
        self.text_fragments: list[str] = Fragments()
        self.empty_text = False
        """An empty ``content: ""`` came before any part; its text part has not opened yet."""
        self.logprobs: list[ir.TokenLogprob] | None = None
        self.citations: list[ir.Citation] | None = None
        self.reasoning: int | None = None
        self.refusal: int | None = None
        self.details: dict[int, _Detail] = {}
        self.last_detail: tuple[int, str] | None = None
        self.uses_details = False
        self.calls: list[_Call] = []
        self.calls_by_index: dict[int | None, _Call] = {}
        self.calls_by_id: dict[str, _Call] = {}
        self.function_call: _Call | None = None
        self.finished = False


class StreamDecoder:
    """Chat chunks in, ir stream events out (see the module docstring)."""

    __slots__ = ("_choices", "_next", "_state")

    def __init__(self) -> None:
        self._state = DecoderState.IDLE
        self._choices: dict[int, _Choice] = {}
        self._next = 0

    @property
    def state(self) -> DecoderState:
        """The current state (read-only)."""
        return self._state

    # ------------------------------------------------------------------ public

    def feed(self, event: ChatCompletionChunk | ErrorResponse) -> list[ir.StreamEvent]:
        """Take one parsed source event; return the ir events it completes."""
        state = self._state
        if state is DecoderState.ERROR or state is DecoderState.FINISHED:
            raise StreamStateError(f"feed() after the decoder {state.value}")
        try:
            if state is DecoderState.FAILED:
                raise InvalidInputError("event after the stream's error frame ended it")
            if isinstance(event, ChatCompletionChunk):
                return self._chunk(event)
            if isinstance(event, ErrorResponse):
                return self._error(decode_error(event))
            raise InvalidInputError(
                f"a chat stream event must be a ChatCompletionChunk or an ErrorResponse, "
                f"not {type(event).__name__}"
            )
        except BridgeError:
            self._state = DecoderState.ERROR
            raise

    def finish(self) -> list[ir.StreamEvent]:
        """The server said the stream is done (``[DONE]``): ``[StreamEnded]`` (``[]`` after an
        error frame). A choice still without a ``finish_reason`` is closed and stops with what
        it emitted implies (tool calls: ``tool_use``, else ``end_turn``), marked ``inferred``.
        A stream with no choice at all is :class:`TruncatedStreamError`."""
        state = self._state
        if state is DecoderState.ERROR or state is DecoderState.FINISHED:
            raise StreamStateError(f"finish() after the decoder {state.value}")
        if state is DecoderState.FAILED:
            self._state = DecoderState.FINISHED
            return []
        self._state = DecoderState.ERROR
        if state is DecoderState.IDLE:
            raise TruncatedStreamError("the chat stream ended before its first chunk")
        if not self._choices:
            raise TruncatedStreamError("the chat stream ended without any choice")
        out: list[ir.StreamEvent] = []
        for index in sorted(self._choices):
            choice = self._choices[index]
            if not choice.finished:
                self._close_choice(choice, out)
                stop: ir.StopReason = "tool_use" if choice.calls else "end_turn"
                out.append(ir.CandidateFinished(stop, choice.candidate, inferred=True))
        self._state = DecoderState.FINISHED
        return [*out, ir.StreamEnded()]

    #: The hot lane's counter field (a number that changes from one plain event to the next).
    hot_counter = None
    #: Top-level strings the hot lane does not read (other in every event: a frame pattern's holes).
    hot_opaque: tuple[str, ...] = ("obfuscation",)

    @staticmethod
    def hot_shape(raw: dict[str, Any]) -> tuple[Any, str] | None:
        """The stream's hot lane, its pure half: ``(where, fragment)`` for a chunk that only adds
        a fragment to one choice (``content``, ``reasoning_content`` / ``reasoning``, one tool
        call's ``arguments``): where the fragment goes (choice, field, call), read straight from
        the chunk's JSON; ``None`` for any other chunk or shape. It looks at the fragment's type
        only, never its value: a chunk that differs only there has the same shape."""
        found = _plain_fragment(raw)
        if found is None:
            return None
        candidate, field, text, call = found
        return (candidate, field, call), text

    def hot_take(self, where: Any, text: str) -> ir.PartDelta | None:
        """The stream's hot lane, its stateful half: the ``PartDelta`` :meth:`feed` makes of a
        plain chunk (``where`` from :meth:`hot_shape`) when its choice and part are open;
        ``None`` otherwise, and nothing changes (``feed`` takes it)."""
        if self._state is not DecoderState.STREAMING or not text:
            return None
        candidate, field, call = where
        state = self._choices.get(candidate)
        if state is None or state.finished:
            return None
        if field == "content":
            if state.text is None or state.reasoning is not None or state.details:
                return None
            state.text_fragments.append(text)
            return fragment(state.text, "text", text, candidate)
        if field != "tool_calls":
            if state.uses_details or state.reasoning is None:
                return None
            return fragment(state.reasoning, "reasoning", text, candidate)
        wire_index, call_id = call
        known = state.calls_by_id.get(call_id) if call_id else state.calls_by_index.get(wire_index)
        if known is None or known.index is None:
            return None
        known.arguments.append(text)
        return fragment(known.index, "arguments", text, candidate)

    @staticmethod
    def hot_path(raw: dict[str, Any]) -> tuple[str | int, ...]:
        """Where the fragment of a chunk :meth:`hot_shape` took stands in it."""
        delta = raw["choices"][0]["delta"]
        field = next(key for key in _HOT_FIELDS if delta.get(key) is not None)
        if field == "tool_calls":
            return ("choices", 0, "delta", "tool_calls", 0, "function", "arguments")
        return ("choices", 0, "delta", field)

    # ------------------------------------------------------------------ chunks

    def _start(self, chunk: ChatCompletionChunk | None) -> list[ir.StreamEvent]:
        self._state = DecoderState.STREAMING
        if chunk is None:
            return [ir.ResponseStarted(id=None, model=None)]
        usage = None
        if chunk.service_tier is not None:
            usage = ir.Usage(service_tier=chunk.service_tier, path="", extra=tag({}))
        return [
            ir.ResponseStarted(
                id=chunk.id,
                model=chunk.model,
                created=chunk.created,
                usage=usage,
                extra=tag(rest(chunk, _HEAD | ECHO)),
                echo=with_extra(FMT, _echo(chunk)),
            )
        ]

    def _chunk(self, chunk: ChatCompletionChunk) -> list[ir.StreamEvent]:
        out: list[ir.StreamEvent]
        if self._state is DecoderState.IDLE:
            if not chunk.id and not chunk.choices and chunk.usage is None:
                return []  # a preamble without identity (Azure prompt-filter results)
            out = self._start(chunk)
        else:
            out = []
        extra = chunk.__pydantic_extra__
        if extra and isinstance(extra.get("error"), dict):
            # OpenRouter reports a mid-stream failure inside a chunk
            error = decode_error(from_wire(ErrorResponse, {"error": extra["error"]}, path=""))
            out.extend(self._error(error))
            return out
        for choice in chunk.choices:
            self._choice(choice, out)
        if chunk.usage is not None:
            usage = _usage(chunk.usage, chunk.service_tier, "usage")
            assert usage is not None
            out.append(ir.UsageUpdated(usage))
        return out

    def _error(self, error: ir.ApiError) -> list[ir.StreamEvent]:
        out: list[ir.StreamEvent] = []
        if self._state is DecoderState.IDLE:
            out = self._start(None)
        self._state = DecoderState.FAILED
        out.append(ir.StreamError(error))
        return out

    def _choice(self, choice: ChunkChoice, out: list[ir.StreamEvent]) -> None:
        state = self._choices.get(choice.index)
        if state is None:
            state = self._choices[choice.index] = _Choice(choice.index)
        delta = choice.delta
        if state.finished:
            if _carries_content(delta):
                raise InvalidInputError(
                    f"choice {choice.index} sent content after its finish_reason",
                    path=f"choices[{choice.index}].delta",
                )
            return
        self._delta(state, delta, out)
        if choice.logprobs is not None and choice.logprobs.content is not None:
            self._logprobs(state, choice.logprobs)
        if choice.finish_reason is not None:
            matched = matched_stop_sequence(choice.finish_reason, choice.stop_reason)
            self._finish_choice(state, choice.finish_reason, matched, out)

    def _delta(self, state: _Choice, delta: ChoiceDelta, out: list[ir.StreamEvent]) -> None:
        if delta.reasoning_details:
            state.uses_details = True
            for detail in delta.reasoning_details:
                self._detail(state, detail, out)
        elif not state.uses_details:
            if delta.reasoning_content is not None:
                self._reasoning(state, delta.reasoning_content, "reasoning_content", out)
            elif delta.reasoning is not None:
                self._reasoning(state, delta.reasoning, "reasoning", out)
        if isinstance(delta.content, list):
            for i, chunk in enumerate(delta.content):
                self._content_chunk(state, chunk, i, out)
        elif delta.content is not None:
            self._text(state, delta.content, out)
        extra = delta.__pydantic_extra__
        if extra and "annotations" in extra:
            self._annotations(state, extra["annotations"], out)
        if delta.refusal is not None:
            self._refusal(state, delta.refusal, out)
        if delta.tool_calls:
            for fragment in delta.tool_calls:
                self._tool_fragment(state, fragment, out)
        if delta.function_call is not None:
            self._function_call(state, delta.function_call.name, delta.function_call.arguments, out)

    # ------------------------------------------------------------------ parts

    def _open(self, state: _Choice, part: ir.Part, out: list[ir.StreamEvent]) -> int:
        index = self._next
        self._next += 1
        state.any_part = True
        state.open.append(index)
        out.append(ir.PartStarted(index=index, part=part, candidate=state.candidate))
        return index

    def _close(
        self, state: _Choice, index: int, out: list[ir.StreamEvent], part: ir.Part | None = None
    ) -> None:
        state.open.remove(index)
        out.append(ir.PartFinished(index=index, part=part, candidate=state.candidate))

    def _close_reasoning(self, state: _Choice, out: list[ir.StreamEvent]) -> None:
        if state.reasoning is not None:
            self._close(state, state.reasoning, out)
            state.reasoning = None
        if state.details:
            for detail in sorted(state.details.values(), key=lambda d: d.index):
                self._close(state, detail.index, out, _final_detail(detail))
            state.details.clear()
            state.last_detail = None

    def _close_text(self, state: _Choice, out: list[ir.StreamEvent]) -> None:
        index = state.text
        if index is None:
            return
        state.text = None
        final: ir.Part | None = None
        if state.logprobs is not None or state.citations is not None:
            final = ir.TextPart(
                text="".join(state.text_fragments),
                logprobs=None if state.logprobs is None else tuple(state.logprobs),
                citations=None if state.citations is None else tuple(state.citations),
                path=f"choices[{state.candidate}].delta.content",
                extra=tag({}),
            )
            state.logprobs = None
            state.citations = None
        state.text_fragments = Fragments()
        self._close(state, index, out, final)

    def _close_refusal(self, state: _Choice, out: list[ir.StreamEvent]) -> None:
        if state.refusal is not None:
            self._close(state, state.refusal, out)
            state.refusal = None

    def _reasoning(self, state: _Choice, text: str, field: str, out: list[ir.StreamEvent]) -> None:
        if state.reasoning is None:
            if not text and state.any_part:
                return
            part = ir.ReasoningPart(
                text="",
                origin=FMT,
                path=f"choices[{state.candidate}].delta.{field}",
                extra=tag({}),
            )
            state.reasoning = self._open(state, part, out)
        if text:
            out.append(ir.PartDelta(state.reasoning, "reasoning", text, candidate=state.candidate))

    def _text(self, state: _Choice, text: str, out: list[ir.StreamEvent]) -> None:
        if state.text is None:
            if not text:
                state.empty_text = state.empty_text or not state.any_part
                return
            self._close_reasoning(state, out)
            self._close_refusal(state, out)
            index = self._open_text(state, out)
        else:
            index = state.text
            if text and (state.reasoning is not None or state.details):
                self._close_reasoning(state, out)
        if text:
            state.text_fragments.append(text)
            out.append(ir.PartDelta(index, "text", text, candidate=state.candidate))

    def _content_chunk(
        self, state: _Choice, chunk: ContentChunk, at: int, out: list[ir.StreamEvent]
    ) -> None:
        """One chunk of a Mistral ``content`` list, read as the non-streaming decoder reads it:
        text is text, thinking reasoning (continuing the open reasoning part), any other chunk a
        whole native part."""
        match chunk:
            case TextChunk():
                self._text(state, chunk.text, out)
            case ThinkChunk():
                text = "".join(c.text for c in chunk.thinking if isinstance(c, TextChunk))
                if text and state.reasoning is None:
                    self._close_text(state, out)
                    self._close_refusal(state, out)
                self._reasoning(state, text, "content", out)
            case UnknownContentChunk():
                path = f"choices[{state.candidate}].delta.content[{at}]"
                self._close_reasoning(state, out)
                self._close_text(state, out)
                self._close_refusal(state, out)
                index = self._open(state, content_chunk(chunk, path), out)
                self._close(state, index, out)
            case _:
                assert_never(chunk)

    def _open_text(self, state: _Choice, out: list[ir.StreamEvent]) -> int:
        state.empty_text = False
        part = ir.TextPart(text="", path=f"choices[{state.candidate}].delta.content", extra=tag({}))
        state.text = self._open(state, part, out)
        return state.text

    def _place_empty_text(self, state: _Choice, out: list[ir.StreamEvent]) -> None:
        """Open the waiting empty text part where ``content`` goes: after the reasoning."""
        if state.empty_text and state.text is None:
            self._open_text(state, out)

    def _refusal(self, state: _Choice, text: str, out: list[ir.StreamEvent]) -> None:
        if state.refusal is None:
            self._place_empty_text(state, out)
            if not text and state.any_part:
                return
            if text:
                self._close_reasoning(state, out)
                self._close_text(state, out)
            part = ir.RefusalPart(
                text="", path=f"choices[{state.candidate}].delta.refusal", extra=tag({})
            )
            state.refusal = self._open(state, part, out)
        if text:
            out.append(ir.PartDelta(state.refusal, "refusal", text, candidate=state.candidate))

    def _annotations(self, state: _Choice, raw: Any, out: list[ir.StreamEvent]) -> None:
        """URL citations streamed on a delta (search models); they belong to the text part."""
        if not isinstance(raw, list) or not raw:
            return
        path = f"choices[{state.candidate}].delta"
        annotations = from_wire(list[AnnotationUnion], raw, path=f"{path}.annotations")
        citations = _citations(annotations, path)
        if citations is None:
            return
        index = state.text if state.text is not None else self._open_text(state, out)
        if state.citations is None:
            state.citations = []
        state.citations.extend(citations)
        for citation in citations:
            out.append(
                ir.PartDelta(index, "citation", citation=citation, candidate=state.candidate)
            )

    def _logprobs(self, state: _Choice, logprobs: ChoiceLogprobs) -> None:
        assert logprobs.content is not None
        path = f"choices[{state.candidate}].logprobs.content"
        if state.logprobs is None:
            state.logprobs = []
        start = len(state.logprobs)
        state.logprobs.extend(
            _token(token, f"{path}[{start + i}]") for i, token in enumerate(logprobs.content)
        )

    # ------------------------------------------------------------------ reasoning details

    def _detail(self, state: _Choice, detail: ReasoningDetail, out: list[ir.StreamEvent]) -> None:
        kind = detail.type
        wire_index = getattr(detail, "index", None)
        if not isinstance(wire_index, int):
            last = state.last_detail
            if last is not None and last[1] == kind and kind != "reasoning.encrypted":
                wire_index = last[0]
            else:
                wire_index = max(
                    (*state.details, *(() if last is None else (last[0],))), default=-1
                )
                wire_index += 1
        state.last_detail = (wire_index, kind)
        open_detail = state.details.get(wire_index)
        if open_detail is not None and open_detail.kind != kind:
            # the same position now holds another kind: the earlier detail is complete
            self._close(state, open_detail.index, out, _final_detail(open_detail))
            del state.details[wire_index]
            open_detail = None
        path = f"choices[{state.candidate}].delta.reasoning_details[{wire_index}]"
        candidate = state.candidate
        if isinstance(detail, ReasoningDetailText):
            if open_detail is None:
                part = ir.ReasoningPart(
                    text=None if detail.text is None else "",
                    item_id=detail.id,
                    origin=FMT,
                    path=path,
                    extra=tag(_detail_rest(detail, {"text", "signature", "id"})),
                )
                open_detail = self._open_detail(state, wire_index, kind, part, out)
            if detail.text:
                out.append(
                    ir.PartDelta(open_detail.index, "reasoning", detail.text, candidate=candidate)
                )
            if detail.signature:
                out.append(
                    ir.PartDelta(
                        open_detail.index, "signature", detail.signature, candidate=candidate
                    )
                )
        elif isinstance(detail, ReasoningDetailSummary):
            if open_detail is None:
                part = ir.ReasoningPart(
                    item_id=detail.id,
                    origin=FMT,
                    path=path,
                    extra=tag(_detail_rest(detail, {"summary", "id"})),
                )
                open_detail = self._open_detail(state, wire_index, kind, part, out)
            out.append(
                ir.PartDelta(open_detail.index, "summary", detail.summary, candidate=candidate)
            )
        elif isinstance(detail, ReasoningDetailEncrypted):
            if open_detail is None:
                redacted = (detail.format or "").startswith("anthropic")
                consumed = {"data", "id"}
                if detail.format == ANTHROPIC_REASONING_FORMAT:
                    consumed.add("format")
                part = ir.ReasoningPart(
                    redacted_data=detail.data if redacted else None,
                    encrypted_content=None if redacted else detail.data,
                    item_id=detail.id,
                    origin=FMT,
                    path=path,
                    extra=tag(_detail_rest(detail, consumed)),
                )
                self._open_detail(state, wire_index, kind, part, out)
            elif detail.data:
                if open_detail.data is None:
                    open_detail.data = []
                open_detail.data.append(detail.data)
        else:  # an unknown detail type: complete as it is
            if open_detail is not None:
                self._close(state, open_detail.index, out, _final_detail(open_detail))
                del state.details[wire_index]
            native = ir.NativePart(
                format=FMT, kind=kind, data=to_wire(detail), path=path, extra=tag({})
            )
            index = self._open(state, native, out)
            self._close(state, index, out)

    def _open_detail(
        self, state: _Choice, wire_index: int, kind: str, part: ir.Part, out: list[ir.StreamEvent]
    ) -> _Detail:
        detail = _Detail(self._open(state, part, out), kind, part)
        state.details[wire_index] = detail
        return detail

    # ------------------------------------------------------------------ tool calls

    def _tool_fragment(
        self, state: _Choice, fragment: ChoiceDeltaToolCall, out: list[ir.StreamEvent]
    ) -> None:
        wire_index = fragment.index
        call_id = fragment.id
        function = fragment.function
        name = arguments = None
        kind: ir.ToolCallKind = "function"
        if function is not None:
            name, arguments = function.name, function.arguments
        elif fragment.type == "custom" or (
            fragment.__pydantic_extra__ and "custom" in fragment.__pydantic_extra__
        ):
            kind = "custom"
            custom = (fragment.__pydantic_extra__ or {}).get("custom")
            if isinstance(custom, dict):
                raw_name, raw_input = custom.get("name"), custom.get("input")
                name = raw_name if isinstance(raw_name, str) else None
                arguments = raw_input if isinstance(raw_input, str) else None
        call: _Call | None = None
        if call_id:
            call = state.calls_by_id.get(call_id)
            if call is None:
                current = state.calls_by_index.get(wire_index)
                if current is not None and current.call_id is None:
                    call = current  # the id came after an anonymous first fragment
                    call.call_id = call_id
                    state.calls_by_id[call_id] = call
        else:
            call = state.calls_by_index.get(wire_index)
        if call is None:
            if not call_id and not name and not arguments:
                return  # an empty fragment (all nulls) starts nothing
            path = f"choices[{state.candidate}].delta.tool_calls[{len(state.calls)}]"
            call = _Call(wire_index, path)
            call.kind = kind
            if call_id:
                call.call_id = call_id
                state.calls_by_id[call_id] = call
            state.calls.append(call)
            state.calls_by_index[wire_index] = call
        fragment_state = call_state(fragment)
        if fragment_state and fragment_state != {k: call.state.get(k) for k in fragment_state}:
            call.state.update(fragment_state)
            call.late_state = call.index is not None
        self._call_data(state, call, name, arguments, out)

    def _function_call(
        self, state: _Choice, name: str | None, arguments: str | None, out: list[ir.StreamEvent]
    ) -> None:
        call = state.function_call
        if call is None:
            if not name and not arguments:
                return
            call = state.function_call = _Call(
                -1, f"choices[{state.candidate}].delta.function_call"
            )
            state.calls.append(call)
        if name and call.call_id is None:
            call.call_id = name
        self._call_data(state, call, name, arguments, out)

    def _call_data(
        self,
        state: _Choice,
        call: _Call,
        name: str | None,
        arguments: str | None,
        out: list[ir.StreamEvent],
    ) -> None:
        if arguments:
            call.arguments.append(arguments)
        if call.index is None:
            if name:
                call.name = name
            if arguments:
                call.pending.append(arguments)
            if call.name is None:
                return
            self._place_empty_text(state, out)
            self._close_reasoning(state, out)
            self._close_text(state, out)
            self._close_refusal(state, out)
            call.index = self._open(state, _call_part(call, ""), out)
            for fragment in call.pending:
                out.append(
                    ir.PartDelta(call.index, "arguments", fragment, candidate=state.candidate)
                )
            call.pending = []
        elif arguments:
            out.append(ir.PartDelta(call.index, "arguments", arguments, candidate=state.candidate))

    # ------------------------------------------------------------------ finishing

    def _finish_choice(
        self, state: _Choice, finish: str, matched: str | None, out: list[ir.StreamEvent]
    ) -> None:
        self._close_choice(state, out)
        called = bool(state.calls)
        stop: ir.StopReason | None = (
            "stop_sequence" if matched is not None else read_finish_reason(finish, called=called)
        )
        if stop is not None:
            out.append(
                ir.CandidateFinished(
                    stop_reason=stop,
                    candidate=state.candidate,
                    stop_sequence=matched,
                    raw_stop_reason=finish,
                )
            )

    def _close_choice(self, state: _Choice, out: list[ir.StreamEvent]) -> None:
        """Close every part of the choice (a tool call that never got a name is invalid)."""
        for call in state.calls:
            if call.index is None:
                raise InvalidInputError(
                    f"tool call {call.call_id or call.wire_index!r} of choice {state.candidate} "
                    "finished without a function name",
                    path=call.path,
                )
        self._place_empty_text(state, out)
        self._close_reasoning(state, out)
        self._close_text(state, out)
        self._close_refusal(state, out)
        finals = {
            call.index: _call_part(call, "".join(call.arguments))
            for call in state.calls
            if call.late_state
        }
        for index in list(state.open):
            self._close(state, index, out, finals.get(index))
        state.finished = True


# --------------------------------------------------------------------------- the hot lane

#: A chunk's head fields and what each may be in a chunk the hot lane takes (the model's types;
#: ``usage`` only ``null``: counts are no fragment).
_HOT_HEAD = frozenset(
    {"id", "object", "created", "model", "choices", "system_fingerprint", "service_tier"}
    | {"obfuscation", "usage"}
)
#: Head fields that may be a string or ``null``.
_HOT_OPTIONAL_STRINGS = ("system_fingerprint", "service_tier", "obfuscation")
_STR_OR_NONE = (str, type(None))
_HOT_CHOICE = frozenset({"index", "delta", "finish_reason", "logprobs", "stop_reason"})
_HOT_ROLES = frozenset({None, "assistant"})
_HOT_FIELDS = frozenset({"content", "reasoning_content", "reasoning", "tool_calls"})
#: Delta fields that may come as ``null`` beside the fragment.
_HOT_NULLS = frozenset({"audio", "function_call", "refusal", "reasoning_details", *_HOT_FIELDS})


def _plain_fragment(
    raw: dict[str, Any],
) -> tuple[int, str, str, tuple[int, str | None]] | None:
    """``(choice index, field, fragment, (call index, call id))`` of a chunk that holds one
    choice whose delta is one fragment (a string) of ``content``, ``reasoning_content``,
    ``reasoning`` or one tool call's ``function.arguments`` (every other field absent or
    ``null``, ``role`` at most ``"assistant"``); ``None`` for any other chunk."""
    choices = raw.get("choices")
    if type(choices) is not list or len(choices) != 1 or not _HOT_HEAD.issuperset(raw):
        return None
    get = raw.get
    if (
        type(get("id")) is not str
        or type(get("created")) is not int
        or type(get("model")) is not str
        or type(get("object", "")) is not str
        or get("usage") is not None
    ):
        return None
    for key in _HOT_OPTIONAL_STRINGS:
        if type(get(key)) not in _STR_OR_NONE:
            return None
    choice = choices[0]
    if type(choice) is not dict or not _HOT_CHOICE.issuperset(choice):
        return None
    candidate, delta = choice.get("index"), choice.get("delta")
    if type(candidate) is not int or type(delta) is not dict:
        return None
    if (
        choice.get("finish_reason") is not None
        or choice.get("logprobs") is not None
        or choice.get("stop_reason") is not None
    ):
        return None
    field = text = None
    for key, value in delta.items():
        if key == "role" and value in _HOT_ROLES:
            continue
        if value is None and key in _HOT_NULLS:
            continue
        if field is not None or key not in _HOT_FIELDS:
            return None
        field, text = key, value
    if field == "tool_calls":
        return _plain_call(candidate, text)
    if type(text) is not str:
        return None
    assert field is not None
    return candidate, field, text, (0, None)


def _plain_call(
    candidate: int, fragments: Any
) -> tuple[int, str, str, tuple[int, str | None]] | None:
    """A ``tool_calls`` list of one fragment carrying arguments of a known call by its
    ``index`` (an ``id`` / ``type`` / ``function.name`` repeated beside them, as some servers
    send, change nothing)."""
    if type(fragments) is not list or len(fragments) != 1:
        return None
    fragment = fragments[0]
    if type(fragment) is not dict or not {"index", "id", "type", "function"}.issuperset(fragment):
        return None
    wire_index, call_id, call_type = fragment.get("index"), fragment.get("id"), fragment.get("type")
    function = fragment.get("function")
    if type(wire_index) is not int or type(function) is not dict:
        return None
    if not (call_id is None or type(call_id) is str) or not (
        call_type is None or type(call_type) is str
    ):
        return None
    name, arguments = function.get("name"), function.get("arguments")
    if not {"name", "arguments"}.issuperset(function) or not (name is None or type(name) is str):
        return None
    if type(arguments) is not str:
        return None
    return candidate, "tool_calls", arguments, (wire_index, call_id or None)


def _call_part(call: _Call, arguments: str) -> ir.ToolCallPart:
    """The call as known so far: its header (``arguments=""``) or, with every fragment's
    arguments, its final part."""
    assert call.name is not None
    return ir.ToolCallPart(
        call_id=call.call_id or "",
        name=call.name,
        arguments=arguments,
        kind=call.kind,
        path=call.path,
        extra=tag({}),
        call_state=with_extra(FMT, call.state),
    )


def _echo(chunk: ChatCompletionChunk) -> dict[str, Any]:
    """The fields of ``chunk`` that only restate something (``system_fingerprint``), as sent."""
    return {key: getattr(chunk, key) for key in ECHO & chunk.model_fields_set}


def _detail_rest(detail: ReasoningDetail, consumed: set[str]) -> dict[str, Any]:
    """The leftover fields of a detail's first fragment (its stream ``index`` is positional)."""
    return rest(detail, {"type", "index", *consumed})


def _final_detail(detail: _Detail) -> ir.Part | None:
    """The complete part of a detail whose encrypted data came in several fragments."""
    if detail.data is None or not isinstance(detail.header, ir.ReasoningPart):
        return None
    header = detail.header
    more = "".join(detail.data)
    if header.redacted_data is not None:
        return _replace_reasoning(header, redacted_data=header.redacted_data + more)
    return _replace_reasoning(header, encrypted_content=(header.encrypted_content or "") + more)


def _replace_reasoning(part: ir.ReasoningPart, **changes: Any) -> ir.ReasoningPart:
    return dataclasses.replace(part, **changes)


def _carries_content(delta: ChoiceDelta) -> bool:
    """Whether a delta after ``finish_reason`` says anything (audio expiry updates do not)."""
    return bool(
        delta.content
        or delta.refusal
        or any(
            f.id or (f.function is not None and (f.function.name or f.function.arguments))
            for f in delta.tool_calls or ()
        )
        or (delta.function_call is not None and delta.function_call.arguments)
        or delta.reasoning_content
        or delta.reasoning
        or delta.reasoning_details
    )
