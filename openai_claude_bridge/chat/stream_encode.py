"""ir stream events -> Chat Completions chunks.

Theory of operation
-------------------
States (:class:`EncoderState`)::

    IDLE --ResponseStarted--> STREAMING --...--> STREAMING
    STREAMING --StreamEnded--> ENDED      (finish reasons already out; the usage chunk)
    IDLE | STREAMING --StreamError--> ENDED (one ``{"error": ...}`` frame)
    any --raise--> ERROR                  (every later call: StreamStateError)

**Stable head.** ``ResponseStarted`` fixes the chunk head written on every chunk (the usage
chunk too): ``id`` (the source's id, else ``options.id_factory("chatcmpl-")`` — as the
non-streaming encoder does), ``created`` (the source's, else ``options.clock()``), ``model``
(``options.model`` wins), ``object: "chat.completion.chunk"``, and a chat source's own top-level
fields: its ``echo`` (``system_fingerprint``, which the API repeats on every chunk) and its
``extra`` (OpenRouter's ``provider``). Another format's ``extra`` is reported lost, its ``echo``
dropped silently (as :func:`.._codec.build` does). It emits nothing itself.

**One chunk per ir event**, each with one choice (``index`` = the ir candidate) and
``finish_reason: null`` until the finishing chunk. The first chunk of each choice carries
``role: "assistant"``; a part that writes nothing (reasoning in the ``openai`` dialect) still
announces the choice with a role-only chunk.

**Choices in index order.** The API streams ``n > 1`` choices interleaved, one per chunk, but a
client places a choice by the order it first appears (the SDK's ``ChatCompletionStreamState``
indexes its list of choices by ``choice.index``, so a first chunk with only ``index: 1``, or a
choice 2 before choice 1, breaks it). So before a candidate's first chunk, every lower candidate
not yet announced gets its role-only opening chunk, in index order; candidates keep their
indices (nothing is renumbered), and each choice's content stays in its own choice. A lower
candidate the ir never mentions is left announced without a ``finish_reason`` (no invented stop);
a choice the ir said something of but never finished gets, at ``StreamEnded``, the finish reason
its content says (``tool_calls``, ``content_filter`` for a refusal, else ``stop``), reported, as
a non-streaming answer does.

* Text -> ``content`` fragments (the header's text, then every ``text`` delta); refusal ->
  ``refusal`` fragments.
* Tool calls get per-choice wire indices 0, 1, … in the order they start. Another format's
  function call that ends without any argument text gets a last fragment ``"{}"``, the
  arguments the non-streaming encoder writes for it. The first fragment
  carries ``index``, ``id``, ``type: "function"``, ``function.name``, the header's arguments
  (``""``) and the chat ``call_state`` (``extra_content``); every later fragment only ``index``
  and ``function.arguments`` (a call state stated only in ``PartFinished`` follows in a fragment
  of ``index`` and those fields, as the source sent it). Interleaved ir parts therefore stay
  apart on the wire. A custom tool call has no streaming form in the SDK's
  chunk type: it is written as a function call carrying the raw input, and reported.
* Reasoning is written per ``options.chat_dialect`` like the non-streaming encoder (a part the
  chat decoder made goes back to the field it came from, a Mistral thinking chunk as a thinking
  chunk of ``content``): ``openai`` writes none (reported),
  ``reasoning_content`` streams the text (signatures / encrypted data reported), ``openrouter``
  streams ``reasoning`` plus ``reasoning_details`` entries. Each detail gets a per-choice detail
  index (text+signature of a part share one; each summary part and each encrypted payload gets
  its own); ``id`` / ``format`` go on a detail's first fragment only, since clients merge
  fragments of one index by concatenating strings. Several reasoning parts are separated by a
  blank line in the plain text, as the non-streaming encoder joins them.
* ``PartFinished`` with a stated part writes what the deltas did not: text logprobs (a chunk
  with an empty delta and ``logprobs.content``), a missing text tail, a signature or encrypted
  payload that was only stated at the end.
* ``CandidateFinished`` -> the choice's one finishing chunk (``delta: {}`` + ``finish_reason``,
  mapped as the non-streaming encoder does: ``tool_calls`` when the choice emitted tool calls;
  from a chat source, the matched stop string goes back into the vLLM / SGLang ``stop_reason``
  it came from, another format's is reported lost),
  held while parts of the choice are still open (nothing of a choice follows its finish reason)
  and written at the latest by ``StreamEnded``. Later ones for the same choice are ignored.
* ``UsageUpdated`` merges counts (usage often comes after the finish reasons); ``StreamEnded``
  then writes one usage chunk with ``choices: []`` when ``options.include_usage`` is set, the
  usage is complete enough for chat, and the client's chat request (``options.request``), if
  given, asked for ``stream_options.include_usage``. No ``[DONE]``: that is the SSE layer's.
* ``StreamError`` -> one :class:`ErrorResponse` frame and nothing after it.

Not expressible in a chat stream and reported through ``options.lose``: citations (the chunk
delta has no ``annotations``), non-text parts (images, documents, native blocks), stop reasons
chat has no finish reason for (written ``stop``, as the non-streaming encoder does).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from typing import Any, Union

from .. import ir
from .._call_id_carrier import report_uncarried
from .._codec import carries_information
from .._hot_lane import MARK, Template
from ..errors import BridgeError, InvalidInputError, StreamStateError
from ..options import Options
from ..wire import from_wire, to_wire
from ._common import ANTHROPIC_REASONING_FORMAT, FMT, own
from .encode import _finish, _foreign, _lose, _lose_part, _token, _usage_fields, encode_error
from .models.errors import ErrorResponse
from .models.request import CompletionCreateParams
from .models.stream import ChatCompletionChunk

__all__ = ["ChatStreamOutput", "EncoderState", "StreamEncoder"]

#: The most choices OpenAI lets a request ask for (``n`` is 1..128); a higher candidate index is
#: accepted only when the request asked for that many.
MAX_CHOICES = 128

#: What the encoder emits: chunks, and one error frame at most.
ChatStreamOutput = Union[ChatCompletionChunk, ErrorResponse]

_USAGE_FIELDS = tuple(f.name for f in dataclasses.fields(ir.Usage) if f.name not in ir.NODE_FIELDS)


#: The fragment kinds a reasoning part says as reasoning text (or drops with it).
_SAID_AS_REASONING = frozenset({"reasoning", "summary"})


class EncoderState(enum.Enum):
    """Where a :class:`StreamEncoder` stands (see the module docstring)."""

    IDLE = "idle"
    STREAMING = "streaming"
    ENDED = "ended"
    ERROR = "error"


class _Part:
    """What the encoder knows of one open ir part."""

    __slots__ = (
        "candidate",
        "citations_lost",
        "data_sent",
        "detail",
        "extras",
        "field",
        "kind",
        "mode",
        "part",
        "signature_lost",
        "signature_sent",
        "summaries",
        "text_len",
        "text_started",
        "tool_index",
    )

    def __init__(self, candidate: int, part: ir.Part, kind: str) -> None:
        self.candidate = candidate
        self.part = part
        self.kind = kind
        """``text`` / ``refusal`` / ``tool`` / ``reasoning`` / ``dropped``."""
        self.mode = ""
        """For reasoning: ``field`` (one plain string field), ``openrouter``, ``chunks`` (Mistral's
        thinking chunks, for its own) or ``drop``."""
        self.field = ""
        self.tool_index = -1
        self.text_len = 0
        self.text_started = False
        self.detail: int | None = None
        """The detail index of this part's text / signature (openrouter)."""
        self.summaries: dict[int, int] = {}
        self.extras: dict[str, Any] | None = None
        """Leftover detail fields still to write on the part's first detail fragment."""
        self.signature_sent = False
        self.signature_lost = False
        self.citations_lost = False
        self.data_sent = False


class _Choice:
    __slots__ = (
        "announced",
        "finished",
        "function_call",
        "next_detail",
        "next_tool",
        "open_parts",
        "pending_finish",
        "pending_stop_reason",
        "reasoning_text",
        "refused",
        "said",
    )

    def __init__(self) -> None:
        self.announced = False
        self.finished = False
        self.function_call = False
        self.next_tool = 0
        self.next_detail = 0
        self.reasoning_text = False
        """Some reasoning part of this choice already wrote plain reasoning text."""
        self.open_parts = 0
        self.pending_finish: str | None = None
        """A finish reason held until the choice's open parts are finished."""
        self.pending_stop_reason: str | None = None
        """The matched stop string written beside it (a chat source's ``stop_reason``)."""
        self.said = False
        """The ir started a part of this choice (a lower choice only announced has none)."""
        self.refused = False
        """The choice wrote refusal text."""


class StreamEncoder:
    """ir stream events in, chat chunks out (see the module docstring)."""

    __slots__ = (
        "_chat_source",
        "_choices",
        "_created",
        "_head",
        "_id",
        "_introduced",
        "_max_choices",
        "_model",
        "_options",
        "_parts",
        "_state",
        "_templates",
        "_usage",
        "_usage_wanted",
    )

    def __init__(self, options: Options) -> None:
        self._options = options
        self._state = EncoderState.IDLE
        self._id = ""
        self._created = 0
        self._model = ""
        self._head: dict[str, Any] = {}
        self._chat_source = False
        """The ir stream comes from a chat source (its ``ResponseStarted`` carries chat fields)."""
        self._choices: dict[int, _Choice] = {}
        self._introduced = 0
        """Every candidate below this one has been announced."""
        self._parts: dict[int, _Part] = {}
        self._usage: ir.Usage | None = None
        request = _chat_request(options.request)
        self._usage_wanted = options.include_usage and _request_wants_usage(request)
        self._max_choices = max(MAX_CHOICES, _requested_choices(request))
        self._templates: dict[tuple[int, tuple[Any, ...]], Template] = {}

    @property
    def state(self) -> EncoderState:
        """The current state (read-only)."""
        return self._state

    def feed(self, event: ir.StreamEvent) -> list[ChatStreamOutput]:
        """Take one ir event; return the chat chunks (or error frame) it makes."""
        state = self._state
        if state is EncoderState.ERROR or state is EncoderState.ENDED:
            raise StreamStateError(f"feed() after the encoder {state.value}")
        try:
            return self._feed(event)
        except BridgeError:
            self._state = EncoderState.ERROR
            raise

    def hot_frame(self, delta: ir.PartDelta) -> bytes | None:
        """The stream's hot lane: the chunk :meth:`feed` would write for a fragment of text,
        of plain reasoning (a dialect field, after its first fragment) or of a tool call's
        arguments in a choice already announced, from a template, with the same state kept.
        ``None`` for anything else, and nothing changes (``feed`` takes it)."""
        state = self._parts.get(delta.index)
        if state is None or self._state is not EncoderState.STREAMING or not delta.text:
            return None
        kind = delta.kind
        counted = True  # whether the fragment counts in the part's text length
        if kind == "text" and state.kind == "text":
            shape: tuple[Any, ...] = ("content",)
        elif state.kind == "reasoning" and state.mode == "drop" and kind in _SAID_AS_REASONING:
            return b""  # the dialect takes no reasoning (reported when the part started)
        elif kind == "reasoning" and state.kind == "reasoning" and state.mode == "field":
            if not state.text_started:
                return None
            shape = (state.field,)
        elif kind == "summary" and state.kind == "reasoning" and state.mode == "field":
            if delta.summary_index not in state.summaries:  # a new summary: a blank line first
                return None
            shape, counted = (state.field,), False
        elif kind == "arguments" and state.kind == "tool":
            shape = ("tool", state.field, state.tool_index)
        else:
            return None
        choice = self._choices.get(state.candidate)
        if choice is None or not choice.announced:
            return None
        key = (state.candidate, shape)
        template = self._templates.get(key)
        if template is None:
            fields = _arguments(state, MARK) if shape[0] == "tool" else {shape[0]: MARK}
            template = Template(self._chunk(state.candidate, fields), None)
            self._templates[key] = template
        if counted:
            state.text_len += len(delta.text)
        return template.fill(delta.text)

    # ------------------------------------------------------------------ dispatch

    def _feed(self, event: ir.StreamEvent) -> list[ChatStreamOutput]:
        if isinstance(event, ir.StreamError):
            self._state = EncoderState.ENDED
            return [encode_error(event.error, self._options)[1]]
        if self._state is EncoderState.IDLE:
            if not isinstance(event, ir.ResponseStarted):
                raise InvalidInputError(
                    f"the ir stream must begin with ResponseStarted, not {type(event).__name__}"
                )
            return self._start(event)
        match event:
            case ir.ResponseStarted():
                raise InvalidInputError("a second ResponseStarted")
            case ir.PartStarted():
                return self._introduce(event.candidate) + self._part_started(event)
            case ir.PartDelta():
                return self._part_delta(event)
            case ir.PartFinished():
                return self._part_finished(event)
            case ir.UsageUpdated():
                self._merge_usage(event.usage)
                return []
            case ir.CandidateFinished():
                return self._introduce(event.candidate) + self._candidate_finished(event)
            case ir.StreamEnded():
                self._state = EncoderState.ENDED
                return self._end()
            case _:
                raise InvalidInputError(f"unknown ir stream event {type(event).__name__}")

    def _start(self, event: ir.ResponseStarted) -> list[ChatStreamOutput]:
        options = self._options
        self._state = EncoderState.STREAMING
        self._id = event.id if event.id is not None else options.id_factory("chatcmpl-")
        self._created = event.created if event.created is not None else options.clock()
        self._model = options.model or event.model or ""
        # a chat source's own top-level fields (system_fingerprint, OpenRouter's provider)
        self._chat_source = FMT in event.extra or FMT in event.echo
        own_fields = {**event.echo.get(FMT, {}), **event.extra.get(FMT, {})}
        self._head = {k: v for k, v in own_fields.items() if k != "moderation"}
        for fmt, fields in event.extra.items():
            if fmt != FMT:
                for key, value in fields.items():
                    if carries_information(value):
                        options.lose(key, key, f"{fmt} field {key!r} has no chat equivalent")
        if event.usage is not None:
            self._merge_usage(event.usage)
        return []

    # ------------------------------------------------------------------ chunks

    def _chunk(
        self,
        candidate: int,
        delta: dict[str, Any],
        *,
        finish: str | None = None,
        logprobs: dict[str, Any] | None = None,
        stop_reason: str | None = None,
    ) -> ChatCompletionChunk:
        choice_state = self._choice(candidate)
        if not choice_state.announced:
            choice_state.announced = True
            delta = {"role": "assistant", **delta}
        choice: dict[str, Any] = {"index": candidate, "delta": delta, "finish_reason": finish}
        if logprobs is not None:
            choice["logprobs"] = logprobs
        if stop_reason is not None:
            choice["stop_reason"] = stop_reason
        return from_wire(
            ChatCompletionChunk,
            {
                **self._head,
                "id": self._id,
                "object": "chat.completion.chunk",
                "created": self._created,
                "model": self._model,
                "choices": [choice],
            },
        )

    def _choice(self, candidate: int) -> _Choice:
        state = self._choices.get(candidate)
        if state is None:
            state = self._choices[candidate] = _Choice()
        return state

    def _announce(self, candidate: int) -> list[ChatStreamOutput]:
        if self._choice(candidate).announced:
            return []
        return [self._chunk(candidate, {})]

    def _introduce(self, candidate: int) -> list[ChatStreamOutput]:
        """The opening chunks of the candidates below ``candidate`` not yet announced, in index
        order (clients place choices by order of first appearance). A candidate beyond the
        choices a request can ask for is invalid input (no flood of opening chunks)."""
        limit = self._max_choices
        if not 0 <= candidate < limit:
            raise InvalidInputError(
                f"candidate {candidate} is outside the {limit} choices a chat stream can have"
            )
        out: list[ChatStreamOutput] = []
        while self._introduced < candidate:
            out += self._announce(self._introduced)
            self._introduced += 1
        return out

    def _part(self, index: int) -> _Part:
        part = self._parts.get(index)
        if part is None:
            raise InvalidInputError(f"ir stream event for part {index}, which was never started")
        return part

    # ------------------------------------------------------------------ parts

    def _part_started(self, event: ir.PartStarted) -> list[ChatStreamOutput]:
        if event.index in self._parts:
            raise InvalidInputError(f"part {event.index} started twice")
        options, part, candidate = self._options, event.part, event.candidate
        self._choice(candidate).open_parts += 1
        self._choice(candidate).said = True
        match part:
            case ir.TextPart():
                _foreign(part, options)
                if part.cache is not None:
                    _lose(part, options, "cache_control", "a chat completion has no cache hints")
                state = self._parts[event.index] = _Part(candidate, part, "text")
                if part.citations:
                    self._lose_citations(state)
                if part.text or not self._choice(candidate).announced:
                    state.text_len = len(part.text)
                    return [self._chunk(candidate, {"content": part.text})]
                return []
            case ir.RefusalPart():
                _foreign(part, options)
                state = self._parts[event.index] = _Part(candidate, part, "refusal")
                state.text_len = len(part.text)
                self._choice(candidate).refused = bool(part.text)
                return [self._chunk(candidate, {"refusal": part.text})]
            case ir.ToolCallPart():
                return self._tool_started(event.index, part, candidate)
            case ir.ReasoningPart():
                return self._reasoning_started(event.index, part, candidate)
            case ir.NativePart() if part.format == FMT and ".reasoning_details[" in part.path:
                state = self._parts[event.index] = _Part(candidate, part, "reasoning")
                state.mode = "openrouter"
                detail = {**part.data, "index": self._next_detail(candidate)}
                return [self._chunk(candidate, {"reasoning_details": [detail]})]
            case _:
                self._parts[event.index] = _Part(candidate, part, "dropped")
                _lose_part(part, options, "a chat stream cannot carry this part")
                return self._announce(candidate)

    def _tool_started(
        self, index: int, part: ir.ToolCallPart, candidate: int
    ) -> list[ChatStreamOutput]:
        options = self._options
        _foreign(part, options)
        report_uncarried(part, FMT, options)
        if part.cache is not None:
            _lose(part, options, "cache_control", "chat tool calls take no cache breakpoint")
        if part.kind == "custom":
            _lose(
                part,
                options,
                "custom_tool_call",
                "a chat stream has no custom tool-call deltas; written as a function call",
            )
        choice = self._choice(candidate)
        state = self._parts[index] = _Part(candidate, part, "tool")
        state.text_len = len(part.arguments)
        if own(part) is not None and part.path.endswith(".function_call"):
            choice.function_call = True
            state.field = "function_call"  # the legacy single function call of a chat source
            function = {"name": part.name, "arguments": part.arguments}
            return [self._chunk(candidate, {"function_call": function})]
        state.tool_index = choice.next_tool
        choice.next_tool += 1
        fragment = {
            "index": state.tool_index,
            "id": part.call_id,
            "type": "function",
            "function": {"name": part.name, "arguments": part.arguments},
            **part.call_state.get(FMT, {}),
        }
        return [self._chunk(candidate, {"tool_calls": [fragment]})]

    def _reasoning_started(
        self, index: int, part: ir.ReasoningPart, candidate: int
    ) -> list[ChatStreamOutput]:
        options = self._options
        state = self._parts[index] = _Part(candidate, part, "reasoning")
        extras = own(part)
        if extras is not None:
            if part.path.endswith((".reasoning_content", ".reasoning")):
                state.mode, state.field = "field", part.path.rsplit(".", 1)[1]
            elif part.path.endswith(".content"):
                state.mode = "chunks"  # Mistral's thinking chunks
            else:
                state.mode = "openrouter"
                state.extras = {k: v for k, v in extras.items() if not k.startswith("~")}
        else:
            _foreign(part, options)
            match options.chat_dialect:
                case "openai":
                    state.mode = "drop"
                    _lose(part, options, "reasoning", "the official chat API takes no reasoning")
                case "reasoning_content":
                    state.mode, state.field = "field", "reasoning_content"
                case "openrouter":
                    state.mode = "openrouter"
        out: list[ChatStreamOutput] = []
        out += self._reasoning_text(state, part.text or "")
        for i, summary in enumerate(part.summary):
            out += self._summary(state, summary, i)
        if part.signature:
            out += self._signature(state, part.signature)
        out += self._reasoning_data(state, part)
        return out or self._announce(candidate)

    def _next_detail(self, candidate: int) -> int:
        choice = self._choice(candidate)
        index = choice.next_detail
        choice.next_detail += 1
        return index

    def _detail(self, state: _Part, entry: dict[str, Any]) -> dict[str, Any]:
        """``entry`` with the part's leftover fields, ``id`` and the first-fragment extras."""
        part = state.part
        if isinstance(part, ir.ReasoningPart) and part.item_id is not None:
            entry["id"] = part.item_id
        if state.extras:
            entry = {**state.extras, **entry}
            state.extras = None
        return entry

    def _reasoning_text(self, state: _Part, text: str) -> list[ChatStreamOutput]:
        """A fragment of reasoning text."""
        if not text or state.mode == "drop":
            return []
        choice = self._choice(state.candidate)
        plain = text
        if not state.text_started:
            state.text_started = True
            if choice.reasoning_text:
                plain = "\n\n" + text
            choice.reasoning_text = True
        state.text_len += len(text)
        if state.mode == "field":
            return [self._chunk(state.candidate, {state.field: plain})]
        if state.mode == "chunks":
            thinking = {"type": "thinking", "thinking": [{"type": "text", "text": text}]}
            return [self._chunk(state.candidate, {"content": [thinking]})]
        first = state.detail is None
        if first:
            state.detail = self._next_detail(state.candidate)
        entry: dict[str, Any] = {"type": "reasoning.text", "text": text, "index": state.detail}
        if first:
            entry = self._detail(state, entry)
        return [self._chunk(state.candidate, {"reasoning": plain, "reasoning_details": [entry]})]

    def _summary(self, state: _Part, text: str, at: int) -> list[ChatStreamOutput]:
        if not text or state.mode == "drop":
            return []
        if state.mode == "field":
            # the plain-text dialect writes summaries as the reasoning text, a blank line apart
            choice = self._choice(state.candidate)
            known = at in state.summaries
            state.summaries.setdefault(at, -1)
            plain = text
            if not known and (len(state.summaries) > 1 or choice.reasoning_text):
                plain = "\n\n" + text
            choice.reasoning_text = True
            return [self._chunk(state.candidate, {state.field: plain})]
        first = at not in state.summaries
        if first:
            state.summaries[at] = self._next_detail(state.candidate)
        entry: dict[str, Any] = {
            "type": "reasoning.summary",
            "summary": text,
            "index": state.summaries[at],
        }
        if first:
            entry = self._detail(state, entry)
        return [self._chunk(state.candidate, {"reasoning_details": [entry]})]

    def _signature(self, state: _Part, signature: str) -> list[ChatStreamOutput]:
        if not signature or state.mode == "drop":
            return []
        if state.mode == "field":
            if not state.signature_lost:
                state.signature_lost = True
                _lose(
                    state.part, self._options, "reasoning.signature", "plain reasoning is unsigned"
                )
            return []
        state.signature_sent = True
        first = state.detail is None
        if first:
            state.detail = self._next_detail(state.candidate)
        entry: dict[str, Any] = {
            "type": "reasoning.text",
            "signature": signature,
            "index": state.detail,
        }
        if first:
            entry = self._detail(state, entry)
        return [self._chunk(state.candidate, {"reasoning_details": [entry]})]

    def _reasoning_data(self, state: _Part, part: ir.ReasoningPart) -> list[ChatStreamOutput]:
        """The redacted / encrypted payloads of ``part`` (once per part)."""
        if state.data_sent or (part.redacted_data is None and part.encrypted_content is None):
            return []
        state.data_sent = True
        if state.mode == "drop":
            return []
        if state.mode == "field":
            _lose(
                part,
                self._options,
                "reasoning.encrypted_content",
                "plain reasoning cannot carry encrypted reasoning",
            )
            return []
        entries: list[dict[str, Any]] = []
        if part.redacted_data is not None:
            entries.append(
                {
                    "type": "reasoning.encrypted",
                    "data": part.redacted_data,
                    "format": ANTHROPIC_REASONING_FORMAT,
                }
            )
        if part.encrypted_content is not None:
            entries.append({"type": "reasoning.encrypted", "data": part.encrypted_content})
        details = []
        for entry in entries:
            entry["index"] = self._next_detail(state.candidate)
            details.append(self._detail(state, entry))
        return [self._chunk(state.candidate, {"reasoning_details": details})]

    def _lose_citations(self, state: _Part) -> None:
        if not state.citations_lost:
            state.citations_lost = True
            _lose(state.part, self._options, "citations", "chat stream deltas carry no annotations")

    def _part_delta(self, event: ir.PartDelta) -> list[ChatStreamOutput]:
        state = self._part(event.index)
        text, kind = event.text, event.kind
        match state.kind:
            case "text":
                if kind == "citation":
                    self._lose_citations(state)
                    return []
                if kind != "text":
                    _break_kind(state, kind)
                if not text:
                    return []
                state.text_len += len(text)
                return [self._chunk(state.candidate, {"content": text})]
            case "refusal":
                if kind not in ("refusal", "text"):
                    _break_kind(state, kind)
                if not text:
                    return []
                state.text_len += len(text)
                self._choice(state.candidate).refused = True
                return [self._chunk(state.candidate, {"refusal": text})]
            case "tool":
                if kind != "arguments":
                    _break_kind(state, kind)
                if not text:
                    return []
                state.text_len += len(text)
                return [self._chunk(state.candidate, _arguments(state, text))]
            case "reasoning":
                if kind == "reasoning":
                    return self._reasoning_text(state, text)
                if kind == "summary":
                    return self._summary(state, text, event.summary_index)
                if kind == "signature":
                    return self._signature(state, text)
                _break_kind(state, kind)
            case _:
                return []
        return []

    def _part_finished(self, event: ir.PartFinished) -> list[ChatStreamOutput]:
        state = self._part(event.index)
        del self._parts[event.index]
        out = self._final_part(state, event.part) if event.part is not None else []
        if _empty_foreign_call(state, event.part):
            out.append(self._chunk(state.candidate, _arguments(state, "{}")))
        choice = self._choice(state.candidate)
        choice.open_parts -= 1
        if choice.open_parts == 0 and choice.pending_finish is not None:
            out.append(self._finish_chunk(state.candidate))
        return out

    def _final_part(self, state: _Part, final: ir.Part) -> list[ChatStreamOutput]:
        """What a stated final part adds to what the deltas wrote."""
        out: list[ChatStreamOutput] = []
        candidate = state.candidate
        if isinstance(final, ir.TextPart) and state.kind == "text":
            if len(final.text) > state.text_len:
                out.append(self._chunk(candidate, {"content": final.text[state.text_len :]}))
            if final.citations:
                self._lose_citations(state)
            if final.logprobs is not None:
                tokens = [_token(t, self._options, full=True) for t in final.logprobs]
                out.append(self._chunk(candidate, {}, logprobs={"content": tokens}))
        elif isinstance(final, ir.RefusalPart) and state.kind == "refusal":
            if len(final.text) > state.text_len:
                out.append(self._chunk(candidate, {"refusal": final.text[state.text_len :]}))
        elif isinstance(final, ir.ToolCallPart) and state.kind == "tool":
            if len(final.arguments) > state.text_len:
                tail = final.arguments[state.text_len :]
                out.append(self._chunk(candidate, _arguments(state, tail)))
            out += self._late_call_state(state, final)
        elif isinstance(final, ir.ReasoningPart) and state.kind == "reasoning":
            text = final.text if final.text is not None else "".join(final.content)
            if len(text) > state.text_len:
                out += self._reasoning_text(state, text[state.text_len :])
            if final.signature and not state.signature_sent:
                out += self._signature(state, final.signature)
            out += self._reasoning_data(state, final)
        return out

    def _late_call_state(self, state: _Part, final: ir.ToolCallPart) -> list[ChatStreamOutput]:
        """A fragment with the call state (``extra_content``) that the source stated only after
        the call's first fragment, as the source sent it."""
        header = state.part
        assert isinstance(header, ir.ToolCallPart)
        late = final.call_state.get(FMT, {})
        if state.field == "function_call" or late == header.call_state.get(FMT, {}):
            return []
        fragment = {"index": state.tool_index, **late}
        return [self._chunk(state.candidate, {"tool_calls": [fragment]})]

    # ------------------------------------------------------------------ endings

    def _candidate_finished(self, event: ir.CandidateFinished) -> list[ChatStreamOutput]:
        choice = self._choice(event.candidate)
        if choice.finished:
            return []
        choice.finished = True
        stub = ir.Candidate(
            index=event.candidate,
            parts=_emitted(choice),
            stop_reason=event.stop_reason,
            stop_sequence=event.stop_sequence,
            raw_stop_reason=event.raw_stop_reason,
        )
        finished = _finish(stub, self._options, own_stop=self._chat_source)
        choice.pending_finish = finished["finish_reason"]
        choice.pending_stop_reason = finished.get("stop_reason")
        if choice.open_parts:
            return []  # parts of this choice are still open: finish after them
        return [self._finish_chunk(event.candidate)]

    def _finish_chunk(self, candidate: int) -> ChatCompletionChunk:
        choice = self._choice(candidate)
        finish, choice.pending_finish = choice.pending_finish, None
        stop_reason, choice.pending_stop_reason = choice.pending_stop_reason, None
        return self._chunk(candidate, {}, finish=finish, stop_reason=stop_reason)

    def _merge_usage(self, usage: ir.Usage) -> None:
        if self._usage is None:
            self._usage = usage
            return
        changes = {
            name: getattr(usage, name) for name in _USAGE_FIELDS if getattr(usage, name) is not None
        }
        self._usage = dataclasses.replace(self._usage, **changes)

    def _end(self) -> list[ChatStreamOutput]:
        for candidate, choice in sorted(self._choices.items()):
            if choice.said and not choice.finished:
                # no stop reason came: it follows what was emitted, as a non-streaming answer's
                choice.finished = True
                stub = ir.Candidate(index=candidate, parts=_emitted(choice))
                choice.pending_finish = _finish(stub, self._options, own_stop=False)[
                    "finish_reason"
                ]
        out: list[ChatStreamOutput] = [
            self._finish_chunk(candidate)
            for candidate, choice in sorted(self._choices.items())
            if choice.pending_finish is not None
        ]
        if self._usage is None or not self._usage_wanted:
            return out
        fields = _usage_fields(self._usage, self._options)
        if "usage" not in fields:
            return out
        payload: dict[str, Any] = {
            **self._head,
            "id": self._id,
            "object": "chat.completion.chunk",
            "created": self._created,
            "model": self._model,
            "choices": [],
        }
        for key, value in fields.items():
            payload[key] = (
                value
                if isinstance(value, str)
                else value.model_dump(mode="json", by_alias=True, exclude_unset=True)
            )
        out.append(from_wire(ChatCompletionChunk, payload))
        return out


def _emitted(choice: _Choice) -> tuple[ir.Part, ...]:
    """Stand-ins for what a choice emitted that its finish reason follows: a tool call, a
    refusal."""
    emitted: list[ir.Part] = []
    if choice.next_tool or choice.function_call:
        emitted.append(ir.ToolCallPart(call_id="", name="", arguments=""))
    if choice.refused:
        emitted.append(ir.RefusalPart(text="refused"))
    return tuple(emitted)


def _arguments(state: _Part, text: str) -> dict[str, Any]:
    """The delta carrying an argument fragment of a tool call (or legacy function call)."""
    if state.field == "function_call":
        return {"function_call": {"arguments": text}}
    return {"tool_calls": [{"index": state.tool_index, "function": {"arguments": text}}]}


def _empty_foreign_call(state: _Part, final: ir.Part | None) -> bool:
    """Whether ``state`` is another format's function call that ends without any argument
    text: it gets ``"{}"``, as the non-streaming encoder writes it
    (:func:`.encode.function_arguments`)."""
    header = state.part
    if state.kind != "tool" or not isinstance(header, ir.ToolCallPart):
        return False
    if header.kind != "function" or own(header) is not None or state.text_len:
        return False
    return not (isinstance(final, ir.ToolCallPart) and final.arguments)


def _break_kind(state: _Part, kind: str) -> None:
    """A delta of a kind the part cannot take is a broken ir stream."""
    raise InvalidInputError(f"a {kind!r} delta for a {state.kind} part")


def _chat_request(request: Any) -> Mapping[str, Any] | None:
    """The client's request as chat wire JSON, or ``None`` when there is none or it is another
    format's."""
    if isinstance(request, CompletionCreateParams):
        return to_wire(request)
    if isinstance(request, Mapping) and "messages" in request:
        return request
    return None


def _request_wants_usage(request: Mapping[str, Any] | None) -> bool:
    """Whether the client's request lets a usage chunk end the stream: a chat request only when
    it asked for ``stream_options.include_usage``; no request (or another format's) does."""
    if request is None:
        return True
    options = request.get("stream_options")
    return isinstance(options, Mapping) and options.get("include_usage") is True


def _requested_choices(request: Mapping[str, Any] | None) -> int:
    """The ``n`` a chat request asked for (0 when unknown)."""
    n = request.get("n") if request is not None else None
    return n if isinstance(n, int) and not isinstance(n, bool) else 0
