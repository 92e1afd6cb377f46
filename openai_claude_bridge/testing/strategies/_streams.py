"""Rendering a :class:`~._plans.Reply` as the stream events of each format, with the quirks of
real servers.

Every stream is complete and well formed in its format (it ends the way a finished stream
ends) and says what the non-streaming rendering of the same reply says. Texts, reasoning and
tool arguments are cut into fragments of varied sizes (:func:`~._atoms.fragments`); every event
is a whole JSON object (splitting the bytes of an SSE body is :func:`byte_splits`'s job).

* **anthropic** — ``message_start`` (usage so far), per block ``content_block_start`` / deltas /
  ``content_block_stop`` (``thinking_delta`` then one ``signature_delta``; ``citations_delta``
  before the cited text; ``input_json_delta`` fragments, often after an empty first one;
  ``server_tool_use`` and a whole ``web_search_tool_result``; a whole ``redacted_thinking``),
  one ``message_delta`` (stop reason, usage), ``message_stop``. Quirk ``pings``: ``ping`` events
  anywhere in between.
* **chat** — ``chat.completion.chunk`` objects: the role on a choice's first delta, reasoning in
  the server's dialect (``reasoning_content``; OpenRouter's ``reasoning`` mirrored by
  ``reasoning_details`` fragments keyed by ``index``, the signature last), ``content`` and
  ``refusal`` fragments, tool calls (id, type and name on the first fragment, arguments after),
  one ``finish_reason`` per choice, usage in a last ``choices: []`` chunk. Quirks:
  ``empty_first_chunk`` (``content: ""`` with the role, as OpenAI itself sends), ``null_fields``
  (``content: null`` next to a reasoning fragment …), ``packed_chunks`` (one chunk carrying role,
  reasoning, text, tool-call fragments and ``finish_reason``), ``interleaved_calls``
  (fragments of parallel calls interleaved), ``index_zero_calls`` (every call at ``index: 0``,
  told apart by its id), ``repeated_call_fields`` (id, type and name on every fragment),
  ``late_name`` (a call's name in a fragment after its id), ``usage_on_finish`` (usage on the
  ``finish_reason`` chunk, as DeepSeek sends it), ``interleaved_choices`` (chunks of several
  choices interleaved).
* **responses** — ``response.created``, ``response.in_progress``, per item
  ``output_item.added`` / its parts and deltas / ``output_item.done`` (reasoning summaries part
  by part, ``reasoning_text`` content, ``output_text`` deltas and ``annotation.added``,
  ``refusal`` deltas, function-call argument deltas, the ``web_search_call`` progress events),
  one terminal ``response.completed`` / ``response.incomplete`` whose output is what the
  events built; ``sequence_number`` 0, 1, 2 … Quirk ``interleaved_items``: the events of items
  in flight interleaved (each item's own events in order, items added in output order).
* **completions** — ``text_completion`` chunks of one choice each, ``finish_reason`` once per
  choice, usage in a last ``choices: []`` chunk; ``interleaved_choices`` as for chat.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from hypothesis import strategies as st

from ._atoms import arguments_json, fragments
from ._plans import Call, Choice, Refusal, Reply, Search, Text, Thought
from ._responses import (
    ANTHROPIC_MODELS,
    ANTHROPIC_STOP,
    CHAT_MODELS,
    COMPLETIONS_MODELS,
    Item,
    Naming,
    anthropic_blocks,
    anthropic_usage,
    call_arguments,
    chat_dialects,
    chat_finish,
    chat_usage,
    completion_text,
    completion_usage,
    response_frames,
    response_object,
    responses_annotations,
    responses_content,
    responses_item,
    responses_items,
    responses_status,
    responses_usage,
    web_search_action,
)

Json = dict[str, Any]
T = TypeVar("T")

#: The quirks of real servers :func:`streams` can put in (see the module docstring).
Quirk = Literal[
    "pings",
    "empty_first_chunk",
    "null_fields",
    "packed_chunks",
    "interleaved_calls",
    "index_zero_calls",
    "repeated_call_fields",
    "late_name",
    "usage_on_finish",
    "interleaved_items",
    "interleaved_choices",
]


@st.composite
def interleaved(draw: st.DrawFn, sequences: Sequence[Sequence[T]]) -> list[T]:
    """The items of ``sequences`` merged: each sequence's own order kept, sequence ``k`` begun
    only after sequence ``k - 1`` (shrinks towards one after the other)."""
    position = [0] * len(sequences)
    begun = 0
    out: list[T] = []
    while True:
        live = [k for k in range(begun) if position[k] < len(sequences[k])]
        if begun < len(sequences):
            live.append(begun)
        if not live:
            return out
        k = draw(st.sampled_from(live), label="next sequence")
        if k == begun:
            begun += 1
        if position[k] < len(sequences[k]):
            out.append(sequences[k][position[k]])
            position[k] += 1


def _quirks(draw: st.DrawFn, allowed: Collection[str], names: Sequence[Quirk]) -> set[str]:
    """Which of ``names`` this stream shows (each allowed one drawn on or off)."""
    return {name for name in names if name in allowed and draw(st.booleans(), label=name)}


# --------------------------------------------------------------------------- anthropic


@st.composite
def _anthropic_block(draw: st.DrawFn, index: int, block: Json) -> list[Json]:
    def delta(payload: Json) -> Json:
        return {"type": "content_block_delta", "index": index, "delta": payload}

    kind = block["type"]
    start = block
    deltas: list[Json] = []
    if kind == "thinking":
        start = {"type": "thinking", "thinking": "", "signature": ""}
        for piece in draw(fragments(block["thinking"])):
            deltas.append(delta({"type": "thinking_delta", "thinking": piece}))
        deltas.append(delta({"type": "signature_delta", "signature": block["signature"]}))
    elif kind == "text":
        start = {"type": "text", "text": ""}
        if "citations" in block:
            start = {"citations": [], **start}
            for citation in block["citations"]:
                deltas.append(delta({"type": "citations_delta", "citation": citation}))
        for piece in draw(fragments(block["text"])):
            deltas.append(delta({"type": "text_delta", "text": piece}))
    elif kind in ("tool_use", "server_tool_use"):
        start = {**block, "input": {}}
        text = draw(arguments_json(block["input"])) if block["input"] else ""
        if not text and draw(st.booleans(), label="empty input as {}"):
            text = "{}"
        pieces = draw(fragments(text)) if text else []
        if not pieces or draw(st.booleans(), label="empty first input delta"):
            pieces.insert(0, "")
        deltas += [delta({"type": "input_json_delta", "partial_json": p}) for p in pieces]
    return [
        {"type": "content_block_start", "index": index, "content_block": start},
        *deltas,
        {"type": "content_block_stop", "index": index},
    ]


@st.composite
def anthropic_stream(
    draw: st.DrawFn, reply: Reply, detailed: bool, dialects: bool, quirks: Collection[str]
) -> list[Json]:
    """``reply`` as a Messages API stream."""
    naming = Naming("anthropic", reply)
    choice = reply.choices[0]
    tokens = reply.usage
    assert tokens is not None
    message: Json = {
        "id": naming.response(),
        "type": "message",
        "role": "assistant",
        "model": draw(st.sampled_from(ANTHROPIC_MODELS)),
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": anthropic_usage(tokens, detailed, start=True),
    }
    events: list[Json] = [{"type": "message_start", "message": message}]
    for index, block in enumerate(anthropic_blocks(choice, naming)):
        events += draw(_anthropic_block(index, block))
    usage: Json = {"output_tokens": tokens.output}
    if detailed and draw(st.booleans(), label="final usage restated"):
        usage = {**anthropic_usage(tokens, detailed), **usage}
        del usage["cache_creation"], usage["service_tier"]
    elif tokens.searches:
        usage["server_tool_use"] = anthropic_usage(tokens, detailed)["server_tool_use"]
    stop = {"stop_reason": ANTHROPIC_STOP[choice.stop], "stop_sequence": choice.stop_sequence}
    events.append({"type": "message_delta", "delta": stop, "usage": usage})
    events.append({"type": "message_stop"})
    if _quirks(draw, quirks, ["pings"]):
        spots = draw(st.lists(st.integers(1, len(events) - 1), min_size=1, max_size=3))
        for spot in sorted(spots, reverse=True):
            events.insert(spot, {"type": "ping"})
    return events


# --------------------------------------------------------------------------- chat


@dataclass
class _Piece:
    """What one chunk says of one choice: a delta and maybe the finish reason."""

    choice: int
    delta: Json
    finish: str | None = None


_RANK = {
    "role": -1,
    "reasoning_content": 0,
    "reasoning": 0,
    "reasoning_details": 0,
    "content": 1,
    "refusal": 2,
    "tool_calls": 3,
}


def _ranks(delta: Json) -> list[int]:
    return [_RANK[key] for key, value in delta.items() if value is not None]


def _packable(first: _Piece, second: _Piece) -> bool:
    """Whether ``second`` can ride in ``first``'s chunk and be read in the same order: fields
    apart, and in the order a reader takes a delta's fields (reasoning, content, refusal, tool
    calls; the finish reason last)."""
    if first.finish is not None or first.choice != second.choice:
        return False
    if set(first.delta) & set(second.delta):
        return False
    before, after = _ranks(first.delta), _ranks(second.delta)
    return not before or not after or max(before) <= min(after)


@dataclass(frozen=True)
class _ChatStyle:
    dialect: str
    quirks: frozenset[str]

    def has(self, quirk: str) -> bool:
        return quirk in self.quirks


def _null_companions(style: _ChatStyle, field: str) -> Json:
    """The fields a server sends as ``null`` beside ``field`` (quirk ``null_fields``)."""
    if not style.has("null_fields"):
        return {}
    if field == "content":
        return {"reasoning_content": None} if style.dialect == "reasoning_content" else {}
    return {"content": None}


@st.composite
def _chat_reasoning(draw: st.DrawFn, thought: Thought, index: int, style: _ChatStyle) -> list[Json]:
    if style.dialect == "openai":
        return []
    if style.dialect == "reasoning_content":
        if thought.redacted:
            return []
        nulls = _null_companions(style, "reasoning_content")
        return [{**nulls, "reasoning_content": p} for p in draw(fragments(thought.text))]
    if thought.redacted:
        detail = {"type": "reasoning.encrypted", "data": thought.signature, "index": index}
        return [{"reasoning_details": [{**detail, "format": "anthropic-claude-v1"}]}]
    out: list[Json] = []
    for n, piece in enumerate(draw(fragments(thought.text))):
        detail = {"type": "reasoning.text", "text": piece, "index": index}
        if n == 0:
            detail["format"] = "anthropic-claude-v1"
        out.append({"reasoning": piece, "reasoning_details": [detail]})
    signature = {"type": "reasoning.text", "signature": thought.signature, "index": index}
    out.append({"reasoning_details": [signature]})
    return out


@st.composite
def _chat_call(
    draw: st.DrawFn, call: Call, position: int, *, naming: Naming, arguments: str, style: _ChatStyle
) -> list[list[Json]]:
    """A call's fragments, in units that stay together when calls interleave: the header (id,
    type, name) and, with ``late_name``, the fragment with the name right after it."""
    index = 0 if style.has("index_zero_calls") else position
    call_id, name = naming.call(call), call.spec.name
    header: Json = {
        "index": index,
        "id": call_id,
        "type": "function",
        "function": {"name": name, "arguments": ""},
    }
    first = [header]
    if style.has("late_name"):
        header["function"] = {"arguments": ""}
        first.append({"index": index, "function": {"name": name}})
    rest = [
        {"index": index, "function": {"arguments": piece}}
        for piece in (draw(fragments(arguments)) if arguments else [])
    ]
    units = [first, *([fragment] for fragment in rest)]
    if style.has("repeated_call_fields"):
        units = [[_repeated(f, call_id, name) for f in unit] for unit in units]
    return units


def _repeated(fragment: Json, call_id: str, name: str) -> Json:
    """A call fragment restating the call's id, type and name."""
    function = {"name": name, **fragment["function"]}
    return {"index": fragment["index"], "id": call_id, "type": "function", "function": function}


@st.composite
def _chat_choice(
    draw: st.DrawFn,
    number: int,
    choice: Choice,
    *,
    naming: Naming,
    arguments: dict[int, str],
    style: _ChatStyle,
) -> list[_Piece]:
    deltas: list[Json] = []
    if style.has("empty_first_chunk"):
        if (
            choice.parts
            and style.dialect == "reasoning_content"
            and isinstance(choice.parts[0], Thought)
        ):
            deltas.append({"role": "assistant", "content": None, "reasoning_content": ""})
        else:
            deltas.append({"role": "assistant", "content": "", "refusal": None})
    details = 0
    calls: list[list[list[Json]]] = []
    for part in choice.parts:
        if isinstance(part, Thought):
            deltas += draw(_chat_reasoning(part, details, style))
            details += 1
        elif isinstance(part, Text):
            nulls = _null_companions(style, "content")
            deltas += [{"content": p, **nulls} for p in draw(fragments(part.text))]
        elif isinstance(part, Refusal):
            nulls = _null_companions(style, "refusal")
            deltas += [{**nulls, "refusal": p} for p in draw(fragments(part.text))]
        elif isinstance(part, Call):
            text = arguments[part.number]
            calls.append(
                draw(_chat_call(part, len(calls), naming=naming, arguments=text, style=style))
            )
    if style.has("interleaved_calls") and not style.has("index_zero_calls"):
        units = draw(interleaved(calls))
    else:
        units = [unit for call in calls for unit in call]
    ordered = [fragment for unit in units for fragment in unit]
    deltas += [{"tool_calls": [fragment]} for fragment in ordered]
    if not deltas:
        deltas.append({})  # a choice that says nothing: the role alone
    if "role" not in deltas[0]:
        deltas[0] = {"role": "assistant", **deltas[0]}
    pieces = [_Piece(number, delta) for delta in deltas]
    pieces.append(_Piece(number, {}, chat_finish(choice)))
    if style.has("packed_chunks"):
        pieces = draw(_packed(pieces))
    return pieces


@st.composite
def _packed(draw: st.DrawFn, pieces: list[_Piece]) -> list[_Piece]:
    out = [pieces[0]]
    for piece in pieces[1:]:
        last = out[-1]
        if _packable(last, piece) and draw(st.booleans(), label="pack"):
            out[-1] = _Piece(last.choice, {**last.delta, **piece.delta}, piece.finish)
        else:
            out.append(piece)
    return out


@st.composite
def chat_stream(
    draw: st.DrawFn, reply: Reply, detailed: bool, dialects: bool, quirks: Collection[str]
) -> list[Json]:
    """``reply`` as a Chat Completions stream."""
    naming = Naming("chat", reply)
    dialect = draw(chat_dialects(dialects))
    chat_quirks: list[Quirk] = [
        "empty_first_chunk",
        "null_fields",
        "packed_chunks",
        "interleaved_calls",
        "index_zero_calls",
        "repeated_call_fields",
        "late_name",
        "usage_on_finish",
        "interleaved_choices",
    ]
    shown = _quirks(draw, quirks, chat_quirks)
    if "repeated_call_fields" in shown:
        shown.discard("late_name")
    style = _ChatStyle(dialect, frozenset(shown))
    arguments = draw(call_arguments(reply))
    per_choice = [
        draw(_chat_choice(n, choice, naming=naming, arguments=arguments, style=style))
        for n, choice in enumerate(reply.choices)
    ]
    if style.has("interleaved_choices"):
        pieces = draw(interleaved(per_choice))
    else:
        pieces = [piece for choice in per_choice for piece in choice]
    head: Json = {
        "id": naming.response(),
        "object": "chat.completion.chunk",
        "created": reply.created,
        "model": draw(st.sampled_from(CHAT_MODELS[dialect])),
    }
    if dialect == "openai":
        head["service_tier"] = "default"
    if dialect != "openrouter":
        head["system_fingerprint"] = naming.fingerprint()
    usage = chat_usage(reply.usage) if detailed and reply.usage is not None else None
    on_finish = usage is not None and style.has("usage_on_finish") and len(reply.choices) == 1
    chunks: list[Json] = []
    for piece in pieces:
        choice = {
            "index": piece.choice,
            "delta": piece.delta,
            "logprobs": None,
            "finish_reason": piece.finish,
        }
        chunk = {**head, "choices": [choice]}
        if usage is not None:
            chunk["usage"] = usage if on_finish and piece.finish is not None else None
        chunks.append(chunk)
    if usage is not None and not on_finish:
        chunks.append({**head, "choices": [], "usage": usage})
    return chunks


# --------------------------------------------------------------------------- responses


@st.composite
def _reasoning_events(draw: st.DrawFn, item: Item, thought: Thought, at: Json) -> list[Json]:
    events: list[Json] = []
    for n, summary in enumerate(thought.summary):
        where = {**at, "summary_index": n}
        part = {"type": "summary_text", "text": summary}
        events.append(
            {
                "type": "response.reasoning_summary_part.added",
                **where,
                "part": {**part, "text": ""},
            }
        )
        for piece in draw(fragments(summary)):
            events.append(
                {"type": "response.reasoning_summary_text.delta", **where, "delta": piece}
            )
        events.append({"type": "response.reasoning_summary_text.done", **where, "text": summary})
        events.append({"type": "response.reasoning_summary_part.done", **where, "part": part})
    if item.reasoning_text:
        where = {**at, "content_index": 0}
        part = {"type": "reasoning_text", "text": thought.text}
        events.append(
            {"type": "response.content_part.added", **where, "part": {**part, "text": ""}}
        )
        for piece in draw(fragments(thought.text)):
            events.append({"type": "response.reasoning_text.delta", **where, "delta": piece})
        events.append({"type": "response.reasoning_text.done", **where, "text": thought.text})
        events.append({"type": "response.content_part.done", **where, "part": part})
    return events


@st.composite
def _message_events(draw: st.DrawFn, item: Item, at: Json) -> list[Json]:
    events: list[Json] = []
    for n, part in enumerate(item.parts):
        assert isinstance(part, (Text, Refusal))
        where = {**at, "content_index": n}
        full = responses_content(part)
        if isinstance(part, Refusal):
            empty: Json = {"type": "refusal", "refusal": ""}
            events.append({"type": "response.content_part.added", **where, "part": empty})
            for piece in draw(fragments(part.text)):
                events.append({"type": "response.refusal.delta", **where, "delta": piece})
            events.append({"type": "response.refusal.done", **where, "refusal": part.text})
        else:
            empty = {**full, "annotations": [], "text": ""}
            events.append({"type": "response.content_part.added", **where, "part": empty})
            for piece in draw(fragments(part.text)):
                events.append(
                    {"type": "response.output_text.delta", **where, "delta": piece, "logprobs": []}
                )
            for k, annotation in enumerate(responses_annotations(part)):
                events.append(
                    {
                        "type": "response.output_text.annotation.added",
                        **where,
                        "annotation_index": k,
                        "annotation": annotation,
                    }
                )
            events.append(
                {"type": "response.output_text.done", **where, "text": part.text, "logprobs": []}
            )
        events.append({"type": "response.content_part.done", **where, "part": full})
    return events


@st.composite
def _item_events(
    draw: st.DrawFn,
    position: int,
    item: Item,
    *,
    naming: Naming,
    arguments: dict[int, str],
    status: str,
) -> list[list[Json]]:
    """An item's events, in *units* that stay together when items interleave: a message's
    ``output_item.added`` and its first ``content_part.added`` come back to back (the parts of
    a message start where the message does), every other event is a unit of its own."""
    at = {"item_id": item.id, "output_index": position}
    done = responses_item(item, naming, arguments, status)
    part = item.parts[0]
    body: list[Json] = []
    match item.kind:
        case "reasoning":
            assert isinstance(part, Thought)
            added: Json = {"id": item.id, "type": "reasoning", "summary": []}
            body = draw(_reasoning_events(item, part, at))
        case "message":
            added = {**done, "status": "in_progress", "content": []}
            body = draw(_message_events(item, at))
        case "function_call":
            assert isinstance(part, Call)
            added = {**done, "status": "in_progress", "arguments": ""}
            text = arguments[part.number]
            body = [
                {"type": "response.function_call_arguments.delta", **at, "delta": piece}
                for piece in (draw(fragments(text)) if text else [])
            ]
            body.append({"type": "response.function_call_arguments.done", **at, "arguments": text})
        case _:
            assert isinstance(part, Search)
            action = {"type": "search", "query": web_search_action(part)["query"]}
            added = {**done, "status": "in_progress", "action": action}
            body = [
                {"type": f"response.web_search_call.{stage}", **at}
                for stage in ("in_progress", "searching", "completed")
            ]
    first = [{"type": "response.output_item.added", "output_index": position, "item": added}]
    if item.kind == "message" and body:
        first.append(body.pop(0))
    last = {"type": "response.output_item.done", "output_index": position, "item": done}
    return [first, *([event] for event in body), [last]]


@st.composite
def responses_stream(
    draw: st.DrawFn, reply: Reply, detailed: bool, dialects: bool, quirks: Collection[str]
) -> list[Json]:
    """``reply`` as a Responses API stream."""
    naming = Naming("responses", reply)
    choice = reply.choices[0]
    frame = draw(response_frames(reply, naming))
    items = draw(responses_items(choice, naming))
    arguments = draw(call_arguments(reply))
    status, incomplete = responses_status(choice)
    per_item = [
        draw(_item_events(n, item, naming=naming, arguments=arguments, status=status))
        for n, item in enumerate(items)
    ]
    if _quirks(draw, quirks, ["interleaved_items"]):
        units = draw(interleaved(per_item))
    else:
        units = [unit for item_units in per_item for unit in item_units]
    body = [event for unit in units for event in unit]
    output = [responses_item(item, naming, arguments, status) for item in items]
    usage = responses_usage(reply.usage) if detailed and reply.usage is not None else None
    start = response_object(frame, "in_progress", [], None)
    terminal = "response.completed" if status == "completed" else "response.incomplete"
    events = [
        {"type": "response.created", "response": start},
        {"type": "response.in_progress", "response": start},
        *body,
        {"type": terminal, "response": response_object(frame, status, output, usage, incomplete)},
    ]
    return [{**event, "sequence_number": n} for n, event in enumerate(events)]


# --------------------------------------------------------------------------- completions


@st.composite
def completions_stream(
    draw: st.DrawFn, reply: Reply, detailed: bool, dialects: bool, quirks: Collection[str]
) -> list[Json]:
    """``reply`` as a legacy Completions stream."""
    naming = Naming("completions", reply)
    head: Json = {
        "id": naming.response(),
        "object": "text_completion",
        "created": reply.created,
        "model": draw(st.sampled_from(COMPLETIONS_MODELS)),
    }

    def chunk(index: int, text: str, finish: str | None) -> Json:
        choice = {"text": text, "index": index, "logprobs": None, "finish_reason": finish}
        return {**head, "choices": [choice]}

    per_choice = []
    for n, choice in enumerate(reply.choices):
        text = completion_text(choice)
        pieces = [chunk(n, piece, None) for piece in (draw(fragments(text)) if text else [])]
        per_choice.append([*pieces, chunk(n, "", chat_finish(choice))])
    if _quirks(draw, quirks, ["interleaved_choices"]):
        chunks = draw(interleaved(per_choice))
    else:
        chunks = [c for choice in per_choice for c in choice]
    if detailed and reply.usage is not None:
        chunks.append({**head, "choices": [], "usage": completion_usage(reply.usage)})
    return chunks


Renderer = Callable[[Reply, bool, bool, Collection[str]], st.SearchStrategy[list[Json]]]

RENDERERS: dict[str, Renderer] = {
    "anthropic": anthropic_stream,
    "chat": chat_stream,
    "responses": responses_stream,
    "completions": completions_stream,
}
