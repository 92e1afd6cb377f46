"""ir stream events -> a legacy Completions stream (``text_completion`` chunks).

Theory of operation
-------------------
A Completions stream is a series of :class:`Completion` chunks, each naming the same ``id`` /
``created`` / ``model`` and carrying fragments of one or more choices
(``{"index", "text", "logprobs", "finish_reason"}``); each choice gets its ``finish_reason``
once, in its last chunk; a final chunk with ``choices: []`` carries the usage; ``[DONE]`` is
added by the SSE layer. A failed stream ends with one ``{"error": ...}`` frame instead.

States (:class:`EncoderState`)::

    IDLE --ResponseStarted--> STREAMING --PartStarted|PartDelta|PartFinished|UsageUpdated
                                          |CandidateFinished--> STREAMING
    STREAMING --StreamEnded--> ENDED   (the held closing chunks, then the usage chunk)
    IDLE | STREAMING --StreamError--> ENDED   (one ErrorResponse frame)
    any --raise--> ERROR               (every later call: StreamStateError)

* ``ResponseStarted`` fixes the chunk head: its id (else ``options.id_factory("cmpl-")``), its
  creation time (else ``options.clock()``), ``options.model`` or its model, and the fields its
  ``extra`` holds for ``"completions"`` (``system_fingerprint``: an exact same-format round trip);
  other formats' fields are reported lost. Nothing is sent yet: Completions has no opening event.
* **Candidates are choices** (ir candidate ``i`` -> ``choices[].index == i``). Every text delta
  of a candidate's ``TextPart`` is sent at once as one chunk; a candidate's several text parts
  are simply concatenated, as the non-streaming encoder joins them. A part whose
  ``PartFinished`` states more text than its deltas carried gets the rest sent then.
* **A refusal** is sent as text (its deltas too), and the candidate then finishes with
  ``content_filter``, as in the non-streaming encoder (:func:`.encode.completion_text`).
* **Other parts** (tool calls, reasoning, images, native blocks) cannot be said in a
  completion: each is reported lost once, at its ``PartStarted`` (the non-streaming encoder's
  ``_lose_part``), and its deltas are ignored. Text extras (citations, cache hints, foreign
  fields) are reported once per part when it closes.
* **Logprobs** arrive only in finished parts (the ir has no logprobs delta), so they are sent in
  the candidate's closing chunk, covering its whole text (the non-streaming encoder's
  ``_choice_logprobs``); accumulating the chunks gives the non-streaming choice.
* ``CandidateFinished`` is held, like the usage: a source may restate it (anthropic can send
  several ``message_delta`` events; the last one wins, as in :func:`~..ir.accumulate.accumulate`),
  and a ``finish_reason`` cannot be taken back. ``StreamEnded`` then closes every candidate, in
  index order, with one chunk: ``text: ""``, its logprobs, and the ``finish_reason`` of
  :data:`.tables.STOP_FINISH` (approximations reported, as the non-streaming encoder decides it;
  a Completions source's own spelling of another server, e.g. ``eos``, as it came: its
  ``ResponseStarted`` carries the ``"completions"`` mark). A candidate that never got a stop
  reason finishes as its content says (``stop``, ``content_filter`` for a refusal), reported,
  as the non-streaming encoder decides it. Last comes
  ``{"choices": [], "usage": ...}`` when ``options.include_usage``, the usage (``UsageUpdated``
  and ``ResponseStarted.usage`` merged) is known and complete, and — when ``options.request`` is a
  Completions request — it asked for ``stream_options.include_usage``.
* ``StreamError`` -> one :class:`ErrorResponse` frame (:func:`.encode.encode_error`), nothing
  after it: a failed stream never sends the finish reasons it was holding.

Invariants: one ``id`` / ``created`` / ``model`` on every chunk; at most one ``finish_reason`` per
choice, in its last chunk; the usage chunk last; an ir event out of order (before
``ResponseStarted``, a second ``ResponseStarted``, a delta for a part never started or already
finished, a text part finished as another kind) raises :class:`InvalidInputError`.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from typing import Any

from typing_extensions import assert_never

from .. import ir
from .._codec import build, report_foreign_extra
from .._hot_lane import MARK, Template
from .._sent import SentText
from ..chat.models.errors import ErrorResponse
from ..errors import InvalidInputError, StreamStateError
from ..ir.accumulate import Accumulator
from ..options import Format, Options
from ..wire import from_wire, to_wire
from .encode import (
    _choice_logprobs,
    _finish_reason,
    _lose_part,
    _report_text_extras,
    completion_text,
    encode_error,
)
from .models import Completion, CompletionCreateParams
from .usage import encode_usage

__all__ = ["EncoderState", "StreamEncoder"]

FMT: Format = "completions"


class EncoderState(enum.Enum):
    """Where a :class:`StreamEncoder` stands (see the module docstring)."""

    IDLE = "idle"
    STREAMING = "streaming"
    ENDED = "ended"
    ERROR = "error"


class _Text:
    """One text part of a candidate (or a refusal, said as text)."""

    __slots__ = ("candidate", "citation", "closed", "done", "final", "header", "kind", "streamed")

    def __init__(self, candidate: int, header: ir.TextPart, kind: type[ir.Part]) -> None:
        self.candidate = candidate
        self.header = header
        self.kind = kind
        """The ir part it started as (:class:`ir.TextPart` or :class:`ir.RefusalPart`)."""
        self.final: ir.TextPart | None = None
        self.streamed = SentText()
        self.citation: ir.Citation | None = None
        """The first citation delta (reported lost when the part closes)."""
        self.closed = False
        """Whether its losses were reported (it finished, or the stream ended)."""
        self.done = False
        """Whether its ``PartFinished`` came."""

    def part(self) -> ir.TextPart:
        return self.final if self.final is not None else self.header


class _Candidate:
    """What the encoder keeps of one candidate."""

    __slots__ = ("finish", "refused", "sent", "texts")

    def __init__(self) -> None:
        self.texts: list[_Text] = []
        self.sent = False
        """Whether any chunk named this choice yet."""
        self.refused = False
        """Whether the candidate said a refusal (its text is sent as text)."""
        self.finish: ir.CandidateFinished | None = None
        """The last ``CandidateFinished`` (held until ``StreamEnded``)."""


class StreamEncoder:
    """Encodes ir stream events as a Completions stream (see the module docstring)."""

    __slots__ = (
        "_candidates",
        "_head",
        "_include_usage",
        "_options",
        "_own_source",
        "_parts",
        "_state",
        "_templates",
        "_usage",
    )

    def __init__(self, options: Options) -> None:
        self._options = options
        self._state = EncoderState.IDLE
        self._head: dict[str, Any] = {}
        self._parts: dict[int, _Text | None] = {}
        """ir part index -> its text part, or ``None`` for a part reported lost."""
        self._candidates: dict[int, _Candidate] = {}
        self._usage = Accumulator()
        """Merges the usage counts (only usage events are fed to it)."""
        self._include_usage = options.include_usage and _asked_for_usage(options.request)
        self._own_source = False
        """Whether the stream is a Completions source's (its ``ResponseStarted`` says so)."""
        self._templates: dict[int, Template] = {}
        """The hot lane's chunk templates, by candidate."""

    @property
    def state(self) -> EncoderState:
        """The encoder's state."""
        return self._state

    def feed(self, event: ir.StreamEvent) -> list[Completion | ErrorResponse]:
        """Encode one ir event; returns the chunks it completes (often one, possibly none)."""
        state = self._state
        if state is EncoderState.ERROR or state is EncoderState.ENDED:
            raise StreamStateError(
                f"{type(event).__name__} fed to a completions stream encoder that "
                f"{'raised' if state is EncoderState.ERROR else 'ended'}"
            )
        try:
            if state is EncoderState.IDLE and not isinstance(
                event, (ir.ResponseStarted, ir.StreamError)
            ):
                raise InvalidInputError(f"ir stream event {type(event).__name__} before its start")
            return self._feed(event)
        except Exception:
            self._state = EncoderState.ERROR
            raise

    def hot_frame(self, delta: ir.PartDelta) -> bytes | None:
        """The stream's hot lane: the chunk :meth:`feed` would write for a fragment of a text
        (or refusal) part still streaming, from a template, with the same state kept (nothing
        for a fragment of a part Completions cannot say). ``None`` for anything else, and
        nothing changes (``feed`` takes it)."""
        text = self._parts.get(delta.index)
        if text is None and delta.index in self._parts:
            # a part Completions cannot say (reported when it started)
            return b"" if self._state is EncoderState.STREAMING else None
        if (
            text is None
            or text.done
            or not delta.text
            or delta.kind not in ("text", "refusal")
            or self._state is not EncoderState.STREAMING
        ):
            return None
        template = self._templates.get(text.candidate)
        if template is None:
            template = Template(self._text_chunk(text.candidate, MARK), None)
            self._templates[text.candidate] = template
        self._candidates[text.candidate].sent = True
        text.streamed.add(delta.text)
        return template.fill(delta.text)

    def _feed(self, event: ir.StreamEvent) -> list[Completion | ErrorResponse]:
        match event:
            case ir.ResponseStarted():
                return self._started(event)
            case ir.PartStarted():
                return self._part_started(event)
            case ir.PartDelta():
                return self._delta(event)
            case ir.PartFinished():
                return self._part_finished(event)
            case ir.UsageUpdated():
                self._usage.feed(event)
                return []
            case ir.CandidateFinished():
                return self._candidate_finished(event)
            case ir.StreamEnded():
                return self._ended()
            case ir.StreamError():
                self._state = EncoderState.ENDED
                return [encode_error(event.error, self._options)[1]]
            case _:
                assert_never(event)

    # ------------------------------------------------------------------ events

    def _started(self, event: ir.ResponseStarted) -> list[Completion | ErrorResponse]:
        if self._state is not EncoderState.IDLE:
            raise InvalidInputError("a second ResponseStarted in one ir stream")
        options = self._options
        self._own_source = FMT in event.extra
        report_foreign_extra(ir.Response(extra=event.extra), FMT, options)
        model = options.model if options.model is not None else event.model
        head = {
            "id": event.id if event.id is not None else options.id_factory("cmpl-"),
            "object": "text_completion",
            "created": event.created if event.created is not None else options.clock(),
            "model": model if model is not None else "",
            "choices": [],
        }
        # validated once, as plain JSON: every chunk then only adds its choices
        self._head = to_wire(build(Completion, head, ir.Response(extra=event.extra), FMT))
        del self._head["choices"]
        self._head.pop("usage", None)  # only the last chunk carries it
        if event.usage is not None:
            self._usage.feed(ir.UsageUpdated(event.usage))
        self._state = EncoderState.STREAMING
        return []

    def _part_started(self, event: ir.PartStarted) -> list[Completion | ErrorResponse]:
        index, part = event.index, event.part
        if index in self._parts:
            raise InvalidInputError(f"ir part {index} started twice")
        candidate = self._candidate(event.candidate)
        header = completion_text(part)
        if header is None:
            self._parts[index] = None
            if not isinstance(part, ir.TextPart):  # (a text part always has its text)
                _lose_part(part, self._options, "completion")
            return []
        candidate.refused = candidate.refused or isinstance(part, ir.RefusalPart)
        text = _Text(event.candidate, header, type(part))
        self._parts[index] = text
        candidate.texts.append(text)
        if not header.text:
            return []
        text.streamed.add(header.text)
        return [self._text_chunk(event.candidate, header.text)]

    def _delta(self, event: ir.PartDelta) -> list[Completion | ErrorResponse]:
        text = self._text(event.index)
        if text is None:
            return []
        if text.done:
            raise InvalidInputError(f"ir delta for part {event.index} after it finished")
        kind = event.kind
        if kind in ("text", "refusal"):
            if not event.text:
                return []
            text.streamed.add(event.text)
            return [self._text_chunk(text.candidate, event.text)]
        if kind == "citation":
            if text.citation is None and event.citation is not None:
                text.citation = event.citation
            return []
        raise InvalidInputError(f"a {kind!r} delta for ir text part {event.index}")

    def _part_finished(self, event: ir.PartFinished) -> list[Completion | ErrorResponse]:
        text = self._text(event.index)
        if text is None:
            return []
        if text.done:
            raise InvalidInputError(f"ir part {event.index} finished twice")
        text.done = True
        final = None if event.part is None else completion_text(event.part)
        if event.part is not None and type(event.part) is not text.kind:
            raise InvalidInputError(
                f"ir part {event.index} started as {text.kind.__name__} and finished as"
                f" {type(event.part).__name__}"
            )
        out: list[Completion | ErrorResponse] = []
        if final is not None:
            rest = _unsent(final.text, text.streamed)
            # its text goes out now; its logprobs and extras are what the closing chunk needs
            text.final = dataclasses.replace(final, text="")
            if rest:
                text.streamed.add(rest)
                out.append(self._text_chunk(text.candidate, rest))
        self._close(text)
        return out

    def _candidate_finished(self, event: ir.CandidateFinished) -> list[Completion | ErrorResponse]:
        self._candidate(event.candidate).finish = event
        return []

    def _ended(self) -> list[Completion | ErrorResponse]:
        out: list[Completion | ErrorResponse] = []
        for index in sorted(self._candidates):
            out.extend(self._close_candidate(index, self._candidates[index]))
        usage = self._usage.result().usage
        if self._include_usage and usage is not None:
            wire = encode_usage(usage, self._options)
            if wire is not None:
                out.append(self._chunk([], wire))
        self._state = EncoderState.ENDED
        return out

    # ------------------------------------------------------------------ helpers

    def _candidate(self, index: int) -> _Candidate:
        candidate = self._candidates.get(index)
        if candidate is None:
            candidate = self._candidates[index] = _Candidate()
        return candidate

    def _text(self, index: int) -> _Text | None:
        """The text part ``index`` (``None`` for a part reported lost)."""
        try:
            return self._parts[index]
        except KeyError:
            raise InvalidInputError(f"ir event for part {index}, which was never started") from None

    def _close(self, text: _Text) -> None:
        """Report what the text part carries that Completions cannot (once per part)."""
        if text.closed:
            return
        text.closed = True
        part = text.part()
        if text.citation is not None and not part.citations:
            part = dataclasses.replace(part, citations=(text.citation,))
        _report_text_extras(part, self._options)

    def _close_candidate(
        self, index: int, candidate: _Candidate
    ) -> list[Completion | ErrorResponse]:
        """The candidate's closing chunk (none when it would say nothing new)."""
        for text in candidate.texts:
            self._close(text)
        stop = candidate.finish
        node = ir.Candidate(
            index=index,
            parts=(ir.RefusalPart(text=""),) if candidate.refused else (),
            stop_reason=None if stop is None else stop.stop_reason,
            stop_sequence=None if stop is None else stop.stop_sequence,
            raw_stop_reason=None if stop is None else stop.raw_stop_reason,
        )
        # without a stop reason it follows what was emitted, reported (as a non-streaming answer)
        finish: str | None = _finish_reason(node, self._options, own=self._own_source)
        logprobs = self._logprobs(index, candidate)
        if finish is None and logprobs is None and candidate.sent:
            return []
        choice = {"index": index, "text": "", "logprobs": logprobs, "finish_reason": finish}
        candidate.sent = True
        return [self._chunk([choice])]

    def _logprobs(self, index: int, candidate: _Candidate) -> Any:
        """The candidate's logprobs over its whole text (``None`` when it has none)."""
        parts = [text.part() for text in candidate.texts]
        logprobs = _choice_logprobs(parts, ir.Candidate(index=index), self._options)
        if logprobs is None and len(parts) == 1 and parts[0].logprobs is None:
            # logprobs the decoder could not make neutral (an echo's null entries), kept whole
            own = ir.extra_for(parts[0], FMT).get("logprobs")
            if isinstance(own, Mapping) and own:
                return dict(own)
        return logprobs

    def _text_chunk(self, index: int, text: str) -> Completion:
        """A chunk of text: plain JSON validated directly (no ``build`` walk)."""
        self._candidates[index].sent = True
        choice = {"index": index, "text": text, "logprobs": None, "finish_reason": None}
        return from_wire(Completion, {**self._head, "choices": [choice]})

    def _chunk(self, choices: list[dict[str, Any]], usage: Any = None) -> Completion:
        fields = {**self._head, "choices": choices}
        if usage is not None:
            fields["usage"] = usage
        return build(Completion, fields, None, FMT)


def _unsent(final: str, streamed: SentText) -> str:
    """The end of ``final`` that the streamed fragments did not carry ("" when they carried it
    all, or when they disagree with it and nothing can be taken back)."""
    return streamed.rest_of(final) or ""


def _asked_for_usage(request: Any) -> bool:
    """Whether the client's request lets the stream end with usage: any request but a
    Completions one, which must ask for ``stream_options.include_usage``."""
    req = _completions_request(request)
    if req is None:
        return True
    return req.stream_options is not None and req.stream_options.include_usage is True


def _completions_request(request: Any) -> CompletionCreateParams | None:
    if isinstance(request, CompletionCreateParams):
        return request
    if not isinstance(request, dict) or "prompt" not in request:
        return None
    if "messages" in request or "input" in request:
        return None
    try:
        return from_wire(CompletionCreateParams, request, path="request")
    except InvalidInputError:
        return None
