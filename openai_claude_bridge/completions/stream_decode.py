"""Legacy Completions stream -> ir stream events.

Theory of operation
-------------------
A Completions stream is a sequence of ``text_completion`` chunks (each a :class:`Completion`)
and, on failure, one ``{"error": ...}`` frame (:class:`ErrorResponse`). It has no terminal event
of its own: the server ends it with ``[DONE]`` (an SSE matter), which is
:meth:`StreamDecoder.finish`. A choice without its ``finish_reason`` by then stops with
``end_turn``, marked ``inferred`` — the server said it is done, so this is no truncation (a
connection cut is the caller's to tell: ``StreamConverter.abort``, or an SSE body without
``[DONE]``).

States (:class:`DecoderState`)::

    IDLE --chunk--> STREAMING --chunk--> STREAMING
    IDLE | STREAMING --error frame--> FAILED          (StreamError emitted; the source is over)
    IDLE | STREAMING | FAILED --finish()--> FINISHED  (StreamEnded, or [] after an error)
    any --raise--> ERROR                              (every later call: StreamStateError)

* The first chunk (or an error frame arriving first) emits ``ResponseStarted`` with the chunk's
  ``id`` / ``model`` / ``created``; the chunk's fields without a neutral meaning
  (``system_fingerprint``, unknown fields) ride in its ``extra`` under ``"completions"``, which
  is there even when empty: it tells the Completions encoder that the stream is its own format's
  (another server's finish-reason spelling then comes back as it was).
* **Choices are candidates.** ``choices[].index`` is the ir candidate index. The first time a
  choice index appears, one ``TextPart`` opens for it (``PartStarted``), whatever its text — the
  non-streaming decoder gives every choice exactly one text part, even an empty one. Part
  indices count 0, 1, 2, … in order of first appearance across all choices (unique in the
  stream); the choice -> part mapping is a dict.
* Each non-empty ``text`` fragment is a ``PartDelta(kind="text")``, emitted at once.
* **Logprobs** (``choices[].logprobs``, one entry per streamed token) have no delta kind in the
  ir: their lists are concatenated per choice and, when the choice finishes, stated in the final
  part of ``PartFinished`` exactly as :mod:`.decode` would decode the accumulated choice — neutral
  ``TokenLogprob``\\ s (``text_offset`` and unknown fields in the part's ``extra``), or, when they
  cannot be neutral (``null`` entries from an ``echo``), the whole object in the part's ``extra``
  under ``"logprobs"``. A choice without logprobs finishes with ``PartFinished(part=None)``, and
  its text is not kept (the deltas say it all). Should logprobs begin after text that had none,
  that text's part finishes there and a new text part takes the rest of the choice, its final
  part stating its text and logprobs: nothing is lost, and no text is kept in case.
* ``finish_reason`` (once per choice) emits ``PartFinished`` then ``CandidateFinished`` with the
  mapped stop reason (:func:`.tables.read_finish_reason`: this format's three, and other
  servers' known spellings such as ``eos``). An unknown finish reason finishes the choice
  without a ``CandidateFinished``: the ir would have to invent a stop reason for it (the
  non-streaming decoder leaves ``stop_reason`` unset too).
* ``usage`` on any chunk (the last one, with ``choices: []``, when ``stream_options.include_usage``
  was asked) is a ``UsageUpdated``.
* An error frame is a ``StreamError`` (:func:`.decode.decode_error`); any later event is invalid
  input.

Invariants: events of one chunk come out in wire order (per choice: part start, text, part end,
finish), after ``ResponseStarted``; no part is referenced before its ``PartStarted``; a choice
receives at most one ``finish_reason`` and no text after it (a later chunk for a finished choice
may only be empty, as some servers send). Raised :class:`InvalidInputError`\\ s leave
``event_index`` to the stream converter.
"""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import Any

from .. import ir
from .._codec import leftover
from ..chat.models.errors import ErrorResponse
from ..errors import InvalidInputError, StreamStateError, TruncatedStreamError
from ..ir.accumulate import Fragments
from ..ir.stream import fragment
from ..options import Format
from ..wire import from_wire, json_path, to_wire
from .decode import _token_logprobs, decode_error
from .models import Completion, CompletionChoice, Logprobs
from .tables import read_finish_reason
from .usage import decode_usage

__all__ = ["DecoderState", "StreamDecoder"]

FMT: Format = "completions"
_HEAD = frozenset({"id", "object", "created", "model", "choices", "usage"})
_LOGPROB_LISTS = ("tokens", "token_logprobs", "top_logprobs", "text_offset")
_NEUTRAL_LOGPROBS = frozenset({"tokens", "token_logprobs", "top_logprobs"})


class DecoderState(enum.Enum):
    """Where a :class:`StreamDecoder` stands (see the module docstring)."""

    IDLE = "idle"
    STREAMING = "streaming"
    FAILED = "failed"
    FINISHED = "finished"
    ERROR = "error"


_DONE = {DecoderState.ERROR: "raised", DecoderState.FINISHED: "finished"}


class _Choice:
    """What the decoder keeps of one choice while it streams."""

    __slots__ = ("finished", "logprobs", "part", "spoke", "texts")

    def __init__(self, part: int) -> None:
        self.part = part
        self.finished = False
        self.spoke = False
        """Whether its part has text."""
        self.texts: list[str] = Fragments()
        """Its part's text, kept once the part has logprobs (its final part states both)."""
        self.logprobs: dict[str, Any] | None = None
        """The concatenated logprobs lists (JSON), once any chunk carried logprobs."""


_OBJECT = "text_completion"
#: The head fields a chunk the hot lane takes may have.
_HOT_HEAD = frozenset(
    {"id", "object", "created", "model", "choices", "system_fingerprint", "usage"}
)
_HOT_CHOICE = frozenset({"index", "text", "logprobs", "finish_reason"})


class StreamDecoder:
    """Decodes one Completions stream into ir stream events (see the module docstring)."""

    __slots__ = ("_choices", "_next_part", "_state")

    def __init__(self) -> None:
        self._state = DecoderState.IDLE
        self._choices: dict[int, _Choice] = {}
        self._next_part = 0

    @property
    def state(self) -> DecoderState:
        """The decoder's state."""
        return self._state

    def feed(self, event: Completion | ErrorResponse) -> list[ir.StreamEvent]:
        """Decode one source event (a chunk or an error frame) into ir events."""
        state = self._state
        if state is DecoderState.ERROR or state is DecoderState.FINISHED:
            raise StreamStateError(f"feed() after the completions stream decoder {_DONE[state]}")
        try:
            if state is DecoderState.FAILED:
                raise InvalidInputError("completions stream event after its error frame")
            if isinstance(event, Completion):
                return self._chunk(event)
            if isinstance(event, ErrorResponse):
                return self._error(event)
            raise InvalidInputError(
                "a completions stream event is a text_completion chunk or an error frame, not "
                f"{type(event).__name__}"
            )
        except Exception:
            self._state = DecoderState.ERROR
            raise

    def finish(self) -> list[ir.StreamEvent]:
        """The server said the stream is done (``[DONE]``): ``[StreamEnded()]`` (``[]`` after
        an error frame), each choice still without a ``finish_reason`` first closed with an
        ``inferred`` ``end_turn``. A stream without any chunk is :class:`TruncatedStreamError`."""
        state = self._state
        if state is DecoderState.ERROR or state is DecoderState.FINISHED:
            raise StreamStateError(f"finish() after the completions stream decoder {_DONE[state]}")
        if state is DecoderState.FAILED:
            self._state = DecoderState.FINISHED
            return []
        self._state = DecoderState.ERROR
        if state is DecoderState.IDLE:
            raise TruncatedStreamError("the completions stream ended before its first chunk")
        out: list[ir.StreamEvent] = []
        for candidate in sorted(self._choices):
            choice = self._choices[candidate]
            if not choice.finished:
                choice.finished = True
                out.append(ir.PartFinished(choice.part, _final_part(choice), candidate))
                out.append(ir.CandidateFinished("end_turn", candidate, inferred=True))
        self._state = DecoderState.FINISHED
        return [*out, ir.StreamEnded()]

    #: The hot lane's counter field (a number that changes from one plain event to the next).
    hot_counter = None
    #: Top-level strings the hot lane does not read (other in every event: a frame pattern's holes).
    hot_opaque: tuple[str, ...] = ()

    @staticmethod
    def hot_shape(raw: dict[str, Any]) -> tuple[Any, str] | None:
        """The stream's hot lane, its pure half: ``(choice index, text)`` for a chunk of one
        choice that only adds text (no logprobs, no finish reason, no usage), read straight
        from its JSON; ``None`` for any other chunk or shape. It looks at the text's type only,
        never its value."""
        choices, get = raw.get("choices"), raw.get
        if type(choices) is not list or len(choices) != 1 or not _HOT_HEAD.issuperset(raw):
            return None
        if (
            type(get("id")) is not str
            or type(get("created")) is not int
            or type(get("model")) is not str
            or get("object", _OBJECT) != _OBJECT
            or type(get("system_fingerprint")) not in (str, type(None))
            or get("usage") is not None
        ):
            return None
        choice = choices[0]
        if type(choice) is not dict or not _HOT_CHOICE.issuperset(choice):
            return None
        candidate, text = choice.get("index"), choice.get("text")
        if type(candidate) is not int or type(text) is not str:
            return None
        if "finish_reason" not in choice or choice["finish_reason"] is not None:
            return None
        if choice.get("logprobs") is not None:
            return None
        return candidate, text

    def hot_take(self, where: Any, text: str) -> ir.PartDelta | None:
        """The stream's hot lane, its stateful half: the ``PartDelta`` :meth:`feed` makes of a
        plain chunk (``where``: its choice index) of an open choice; ``None`` otherwise, and
        nothing changes (``feed`` takes it)."""
        if self._state is not DecoderState.STREAMING or not text:
            return None
        state = self._choices.get(where)
        if state is None or state.finished:
            return None
        state.spoke = True
        if state.logprobs is not None:
            state.texts.append(text)
        return fragment(state.part, "text", text, where)

    @staticmethod
    def hot_path(raw: dict[str, Any]) -> tuple[str | int, ...]:
        """Where the fragment of a chunk :meth:`hot_shape` took stands in it."""
        return ("choices", 0, "text")

    # ------------------------------------------------------------------ events

    def _error(self, frame: ErrorResponse) -> list[ir.StreamEvent]:
        out: list[ir.StreamEvent] = []
        if self._state is DecoderState.IDLE:
            out.append(ir.ResponseStarted(id=None, model=None))
        out.append(ir.StreamError(decode_error(frame)))
        self._state = DecoderState.FAILED
        return out

    def _chunk(self, chunk: Completion) -> list[ir.StreamEvent]:
        out: list[ir.StreamEvent] = []
        if self._state is DecoderState.IDLE:
            out.append(
                ir.ResponseStarted(
                    id=chunk.id,
                    model=chunk.model,
                    created=chunk.created,
                    extra=MappingProxyType({FMT: leftover(chunk, _HEAD)}),
                )
            )
            self._state = DecoderState.STREAMING
        for position, choice in enumerate(chunk.choices):
            self._choice(choice, position, out)
        if chunk.usage is not None:
            out.append(ir.UsageUpdated(decode_usage(chunk.usage)))
        return out

    def _choice(self, choice: CompletionChoice, position: int, out: list[ir.StreamEvent]) -> None:
        candidate = choice.index
        state = self._choices.get(candidate)
        text, logprobs, finish = choice.text, choice.logprobs, choice.finish_reason
        if state is None:
            state = self._choices[candidate] = _Choice(self._next_part)
            self._next_part += 1
            out.append(ir.PartStarted(state.part, ir.TextPart(text=""), candidate))
        elif state.finished:
            if text or finish is not None or _carries_logprobs(logprobs):
                what = "a second finish_reason" if finish is not None else "more output"
                raise InvalidInputError(
                    f"completions choice {candidate} got {what} after its finish_reason",
                    path=json_path(["choices", position]),
                )
            return
        if logprobs is not None:
            if state.logprobs is None and state.spoke:
                self._split(state, candidate, out)
            _merge_logprobs(state, logprobs)
        if text:
            state.spoke = True
            if state.logprobs is not None:
                state.texts.append(text)
            out.append(ir.PartDelta(state.part, "text", text, candidate=candidate))
        if finish is None:
            return
        state.finished = True
        out.append(ir.PartFinished(state.part, _final_part(state), candidate))
        stop = read_finish_reason(finish)
        if stop is not None:
            out.append(ir.CandidateFinished(stop, candidate, raw_stop_reason=finish))

    def _split(self, state: _Choice, candidate: int, out: list[ir.StreamEvent]) -> None:
        """Logprobs begin after text that had none: that text's part ends (its deltas said it
        all) and a new text part takes the rest, its final part stating its text and logprobs
        (no text is kept for a choice without logprobs)."""
        out.append(ir.PartFinished(state.part, None, candidate))
        state.part, state.spoke = self._next_part, False
        self._next_part += 1
        out.append(ir.PartStarted(state.part, ir.TextPart(text=""), candidate))


def _carries_logprobs(logprobs: Logprobs | None) -> bool:
    if logprobs is None:
        return False
    return any(getattr(logprobs, name) for name in _LOGPROB_LISTS)


def _merge_logprobs(state: _Choice, logprobs: Logprobs) -> None:
    """Append one chunk's logprobs lists to the choice's (a ``null`` list adds nothing)."""
    merged = state.logprobs
    if merged is None:
        merged = state.logprobs = {}
    for name in _LOGPROB_LISTS:
        values = getattr(logprobs, name)
        if values is None:
            merged.setdefault(name, None)
        elif merged.get(name) is None:
            merged[name] = list(values)
        else:
            merged[name].extend(values)
    extra = logprobs.__pydantic_extra__
    if extra:
        merged.update(extra)


def _final_part(state: _Choice) -> ir.TextPart | None:
    """The finished text part as :func:`.decode.decode_response` would make it from the
    accumulated choice; ``None`` (the deltas say it all) when the choice had no logprobs."""
    if state.logprobs is None:
        return None
    logprobs = from_wire(Logprobs, state.logprobs, path="logprobs")
    tokens = _token_logprobs(logprobs)
    if tokens is not None:
        rest = leftover(logprobs, _NEUTRAL_LOGPROBS)
        extra = {"logprobs": rest} if rest else {}
    else:
        extra = {"logprobs": to_wire(logprobs)}
    return ir.TextPart(text="".join(state.texts), logprobs=tokens, extra=ir.with_extra(FMT, extra))
