"""Re-chunking a recorded stream: its deltas split and merged (:func:`rechunked`), its SSE bytes
split anywhere (:func:`byte_splits`).

:func:`rechunked` finds the *runs* of a stream — consecutive events that only add text to one
and the same thing — and cuts each run's text again at new places: one event, or several, or
as many as it has characters. Every other event stays whole and in place, so the stream stays
valid (block indices, item ids, call ids, choice indices unchanged; Responses
``sequence_number`` renumbered 0, 1, 2 …) and accumulates to the same result. What a run is, by
format:

* **anthropic** — ``content_block_delta`` events of one block and one delta type among
  ``text_delta``, ``thinking_delta``, ``input_json_delta`` (``signature_delta`` and
  ``citations_delta`` stay whole);
* **chat** — chunks of one choice that add ``content``, ``refusal``, ``reasoning_content``,
  OpenRouter's ``reasoning`` mirrored by its ``reasoning_details`` text, or one tool call's
  ``arguments``, and nothing else (the first may carry more — the role, the call's id and name,
  the detail's format — and keeps its place and a piece of the text; a chunk with a
  ``finish_reason``, usage or logprobs stays whole, as does a signature);
* **responses** — ``*.delta`` events of text, refusal, reasoning text and summaries, function
  and custom tool call arguments, for one item part (deltas with logprobs stay whole);
* **completions** — chunks of one choice with text, no ``finish_reason`` and no logprobs.

:func:`byte_splits` cuts an SSE body anywhere, favouring the places that break naive readers:
inside a UTF-8 character, between ``\\r`` and ``\\n``, at the very start and end (empty chunks).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from ...options import Format, check_format
from ..samples import stream_format

Json = dict[str, Any]

# --------------------------------------------------------------------------- runs


@dataclass(frozen=True)
class _Piece:
    """An event that adds text to one thing: what (``key``), the text, and how to remake the
    event with another text (``remake``); ``lead``: the event carries more than the text, and
    ``follow`` makes an event that carries only the text (chat: the delta of the thing alone)."""

    key: tuple[Any, ...]
    text: str
    remake: Callable[[str], Json]
    lead: bool = False
    follow: Callable[[str], Json] | None = None


def _anthropic_piece(event: Json) -> _Piece | None:
    if event.get("type") != "content_block_delta" or not isinstance(event.get("delta"), dict):
        return None
    delta = event["delta"]
    field = {"text_delta": "text", "thinking_delta": "thinking", "input_json_delta": "partial_json"}
    name = field.get(delta.get("type", ""))
    if name is None or not isinstance(delta.get(name), str):
        return None
    return _Piece(
        (event.get("index"), delta["type"]),
        delta[name],
        lambda text: {**event, "delta": {**delta, name: text}},
    )


_CHAT_TEXT_FIELDS = ("content", "refusal", "reasoning_content")


def _chat_piece(chunk: Json) -> _Piece | None:
    choices = chunk.get("choices")
    if not isinstance(choices, list) or len(choices) != 1 or chunk.get("usage") is not None:
        return None
    choice = choices[0]
    delta = choice.get("delta")
    if choice.get("finish_reason") is not None or choice.get("logprobs") is not None:
        return None
    if not isinstance(delta, dict):
        return None
    said = {k: v for k, v in delta.items() if v is not None}
    if "tool_calls" in said:
        return _chat_call_piece(chunk, choice, said)
    if "reasoning_details" in said:
        return _mirrored_piece(chunk, choice, said)
    texts = [k for k in _CHAT_TEXT_FIELDS if isinstance(said.get(k), str)]
    if len(texts) != 1 or "reasoning" in said:
        return None
    name = texts[0]
    return _Piece(
        (choice.get("index"), name),
        said[name],
        lambda text: _chunk_with(chunk, choice, {**delta, name: text}),
        lead=set(said) != {name},
        follow=lambda text: _chunk_with(chunk, choice, {name: text}, alone=True),
    )


def _chunk_with(chunk: Json, choice: Json, delta: Json, *, alone: bool = False) -> Json:
    """``chunk`` with ``delta`` for its choice (``alone``: nothing else of the choice's but its
    index, logprobs and finish reason)."""
    if alone:
        choice = {k: v for k, v in choice.items() if k in ("index", "logprobs", "finish_reason")}
    return {**chunk, "choices": [{**choice, "delta": delta}]}


def _chat_call_piece(chunk: Json, choice: Json, said: Json) -> _Piece | None:
    """A fragment of one tool call's arguments."""
    calls = said["tool_calls"]
    if set(said) - {"role"} != {"tool_calls"} or not isinstance(calls, list) or len(calls) != 1:
        return None
    fragment = calls[0]
    function = fragment.get("function") if isinstance(fragment, dict) else None
    if not isinstance(function, dict) or not isinstance(function.get("arguments"), str):
        return None
    delta = choice["delta"]

    def remake(text: str) -> Json:
        new = {**fragment, "function": {**function, "arguments": text}}
        return _chunk_with(chunk, choice, {**delta, "tool_calls": [new]})

    def follow(text: str) -> Json:
        new = {"index": fragment.get("index"), "function": {"arguments": text}}
        return _chunk_with(chunk, choice, {"tool_calls": [new]}, alone=True)

    lead = "role" in said or set(fragment) - {"index", "function"} or set(function) != {"arguments"}
    key = (choice.get("index"), "tool_calls", fragment.get("index"))
    return _Piece(key, function["arguments"], remake, bool(lead), follow)


def _mirrored_piece(chunk: Json, choice: Json, said: Json) -> _Piece | None:
    """OpenRouter's reasoning: a ``reasoning`` fragment mirrored by one ``reasoning.text``
    detail of the same text (a detail with a signature, or alone, stays whole)."""
    details = said["reasoning_details"]
    if set(said) - {"role"} != {"reasoning", "reasoning_details"} or len(details) != 1:
        return None
    detail = details[0]
    text = said["reasoning"]
    if not isinstance(detail, dict) or detail.get("type") != "reasoning.text":
        return None
    if detail.get("text") != text or "signature" in detail or not isinstance(text, str):
        return None
    delta = choice["delta"]

    def remake(new: str) -> Json:
        mirrored = {"reasoning": new, "reasoning_details": [{**detail, "text": new}]}
        return _chunk_with(chunk, choice, {**delta, **mirrored})

    def follow(new: str) -> Json:
        plain = {"type": "reasoning.text", "text": new, "index": detail.get("index")}
        mirrored = {"reasoning": new, "reasoning_details": [plain]}
        return _chunk_with(chunk, choice, mirrored, alone=True)

    lead = "role" in said or bool(set(detail) - {"type", "text", "index"})
    key = (choice.get("index"), "reasoning_details", detail.get("index"))
    return _Piece(key, text, remake, lead, follow)


_RESPONSES_RUNS = {
    "response.output_text.delta": ("item_id", "output_index", "content_index"),
    "response.refusal.delta": ("item_id", "output_index", "content_index"),
    "response.reasoning_text.delta": ("item_id", "output_index", "content_index"),
    "response.reasoning_summary_text.delta": ("item_id", "output_index", "summary_index"),
    "response.function_call_arguments.delta": ("item_id", "output_index"),
    "response.custom_tool_call_input.delta": ("item_id", "output_index"),
}


def _responses_piece(event: Json) -> _Piece | None:
    kind = event.get("type")
    fields = _RESPONSES_RUNS.get(kind) if isinstance(kind, str) else None
    if fields is None or not isinstance(event.get("delta"), str) or event.get("logprobs"):
        return None
    return _Piece(
        (kind, *(event.get(f) for f in fields)),
        event["delta"],
        lambda text: {**event, "delta": text},
    )


def _completions_piece(chunk: Json) -> _Piece | None:
    choices = chunk.get("choices")
    if not isinstance(choices, list) or len(choices) != 1 or chunk.get("usage") is not None:
        return None
    choice = choices[0]
    if choice.get("finish_reason") is not None or choice.get("logprobs") is not None:
        return None
    if not isinstance(choice.get("text"), str):
        return None
    return _Piece(
        (choice.get("index"),),
        choice["text"],
        lambda text: {**chunk, "choices": [{**choice, "text": text}]},
    )


_PIECES: dict[Format, Callable[[Json], _Piece | None]] = {
    "anthropic": _anthropic_piece,
    "chat": _chat_piece,
    "responses": _responses_piece,
    "completions": _completions_piece,
}


@st.composite
def _cuts(draw: st.DrawFn, text: str) -> list[str]:
    """``text`` cut into non-empty pieces anywhere (one piece: the run merged)."""
    if len(text) < 2:
        return [text]
    cuts = draw(st.sets(st.integers(1, len(text) - 1), max_size=len(text) - 1), label="cuts")
    bounds = [0, *sorted(cuts), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


@st.composite
def _rechunk_run(draw: st.DrawFn, run: list[tuple[Json, _Piece]]) -> list[Json]:
    text = "".join(piece.text for _, piece in run)
    first = run[0][1]
    if not text:
        return [event for event, _ in run]
    events: list[Json] = []
    if first.lead:
        # the first event keeps its place and its other fields, and a piece of the text
        # (none, if it had none: a tool call's header, an empty first chunk)
        keep = draw(st.integers(1 if first.text else 0, len(text)), label="lead keeps")
        events.append(first.remake(text[:keep]))
        text = text[keep:]
        if not text:
            return events
    # the rest: events like the run's plain ones (or the first's, reduced to the text)
    follower = next((p.remake for _, p in run if not p.lead), None)
    make = follower or first.follow or first.remake
    return events + [make(piece) for piece in draw(_cuts(text))]


@st.composite
def rechunked_events(draw: st.DrawFn, events: list[Json], fmt: Format) -> list[Json]:
    """``events`` with every run's text cut again (see the module docstring)."""
    piece_of = _PIECES[fmt]
    out: list[Json] = []
    run: list[tuple[Json, _Piece]] = []
    for event in [*events, None]:
        piece = piece_of(event) if event is not None else None
        if run and (piece is None or piece.lead or piece.key != run[0][1].key):
            out += draw(_rechunk_run(run))
            run = []
        if piece is not None and event is not None:
            run.append((event, piece))
        elif event is not None:
            out.append(event)
    if fmt == "responses":
        out = [
            {**event, "sequence_number": n} if "sequence_number" in event else event
            for n, event in enumerate(out)
        ]
    return out


def rechunked(
    events: Sequence[dict[str, Any]], *, format: Format | None = None
) -> st.SearchStrategy[list[dict[str, Any]]]:
    """``events`` (one stream, the JSON object of each SSE ``data:`` frame) with their deltas
    split and merged anywhere; every other event whole and in place, the stream still valid
    and accumulating to the same result. The format is read from the events unless given.

    What counts as a delta, by format: anthropic ``text_delta`` / ``thinking_delta`` /
    ``input_json_delta`` runs of one block; chat ``content`` / ``refusal`` /
    ``reasoning_content`` / one tool call's ``arguments`` of one choice; Responses text,
    refusal, reasoning, summary and argument deltas of one item part (``sequence_number``
    renumbered); completions text of one choice.
    """
    items = [dict(event) for event in events]
    fmt = check_format(format) if format is not None else _stream_format(items)
    return rechunked_events(items, fmt)


def _stream_format(events: Sequence[Any]) -> Format:
    try:
        return stream_format(events)
    except ValueError as exc:
        raise ValueError(f"{exc}: pass format=") from None


# --------------------------------------------------------------------------- bytes


def _tricky_offsets(body: bytes) -> list[int]:
    """Offsets inside a UTF-8 character or between ``\\r`` and ``\\n``."""
    inside = [i for i in range(1, len(body)) if 0x80 <= body[i] <= 0xBF]
    crlf = [i + 1 for i in range(len(body) - 1) if body[i : i + 2] == b"\r\n"]
    return sorted(set(inside) | set(crlf))


@st.composite
def _byte_splits(draw: st.DrawFn, body: bytes, tricky: list[int]) -> list[bytes]:
    size = len(body)
    if size <= 4096 and draw(st.integers(0, 9), label="every byte") == 0:
        cuts = list(range(size + 1))
    else:
        anywhere = st.integers(0, size)
        offsets = st.one_of(anywhere, st.sampled_from(tricky)) if tricky else anywhere
        cuts = draw(st.lists(offsets, max_size=min(size + 2, 64)), label="cuts")
    bounds = [0, *sorted(cuts), size]
    return [body[a:b] for a, b in itertools.pairwise(bounds)]


def byte_splits(sse_body: bytes) -> st.SearchStrategy[list[bytes]]:
    """Lists of byte chunks whose concatenation is ``sse_body``: cut anywhere, often inside a
    UTF-8 character or between ``\\r`` and ``\\n``, with empty chunks (at the start, the end,
    in between), sometimes one byte at a time."""
    body = bytes(sse_body)
    return _byte_splits(body, _tricky_offsets(body))
