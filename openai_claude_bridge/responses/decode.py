"""Responses wire models -> ir: requests, responses, error bodies.

Every wire field with a neutral meaning becomes an ir field; every other field of that wire object
stays in the node's ``extra["responses"]`` so that :mod:`.encode` writes it back and
``encode(decode(x)) == x`` exactly. Fields that have a neutral meaning but whose exact wire form
the ir cannot state (``null`` vs absent, a list with unknown members, a sub-object with extras)
are left in ``extra`` too, next to the neutral value; on the way back to this format ``extra``
wins.

**Own-format marker.** Every node this decoder builds from a wire object carries a
``"responses"`` key in ``extra`` — possibly an empty mapping. The encoder reads the presence of
that key as "this node was decoded from a Responses payload", which is how it tells a field that
was *absent* in the source (stay absent) from a field another format simply cannot say (fill in
what the Responses API requires). An empty mapping is reported as nothing by the other formats'
encoders. (Recommended ir change: an explicit ``Node.source`` format.)

Layout of the mapping:

* request ``input``: a string is one user :class:`~openai_claude_bridge.ir.Message` whose ``path``
  is ``"input"`` (that is how the encoder knows to write a string again); a list gives one
  ``Message`` per item, in order: messages (role and content parts), ``function_call`` /
  ``custom_tool_call`` -> an assistant message with one ``ToolCallPart``,
  ``function_call_output`` / ``custom_tool_call_output`` -> a ``tool`` message with one
  ``ToolResultPart``, ``reasoning`` -> an assistant message with one ``ReasoningPart``, every other
  item (hosted tool calls, item references, compaction, MCP, unknown) -> one ``NativePart``
  (role ``tool`` for ``*_output`` / ``mcp_approval_response`` items, else ``assistant``). Only the
  messages that were wire messages carry the own-format marker.
* response ``output``: one candidate whose parts are the items' parts in order; an output
  message's content parts are its parts, and the first of them carries the message item's own
  fields (``id``, ``status``, ``phase`` …) in ``echo["responses"]["message"]``
  (:func:`headed`). A ``commentary`` phase is said once more in that part's ``extra`` as
  ``phase``, so that another format reports it; ``final_answer`` and ``null`` restate what any
  assistant text is. An input message's ``phase`` follows the same rule (``commentary`` in
  ``extra``, the others in ``echo``).
* an ``output_text`` part sent back without ``annotations`` (Codex's history) has
  ``citations=None`` and its tag in ``echo`` (``{"type": "output_text"}``), which the encoder
  reads to write ``output_text`` again, without ``annotations``.
* a reasoning item is OpenAI's own (``origin="responses"``), with or without an ``id`` (Codex
  sends none: ``item_id=None``), unless its ``encrypted_content`` is
  a carrier (:mod:`.reasoning_carrier`): that restores the reasoning another server made (Anthropic
  text / signature / redacted data, a chat server's text, their ``origin``), and the item id the
  bridge made up for it is kept in ``echo`` only.
* a ``call_id`` of a ``function_call`` / ``*_output`` item that is a carrier the encoder made
  (:mod:`.._call_id_carrier`) gives back the original call id and ``call_state``;
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any, Union

from pydantic import BaseModel
from typing_extensions import assert_never

from .. import _call_id_carrier as call_ids
from .. import _openai_errors, ir
from ..chat.models.errors import ErrorResponse
from ..ir.base import Extra, marked, with_extra
from ..options import Format
from ..wire import json_path, to_wire
from . import tables
from .models.content import (
    ResponseInputAudio,
    ResponseInputFile,
    ResponseInputImage,
    ResponseInputText,
    ResponseOutputRefusal,
    ResponseOutputText,
    ResponseOutputTextParam,
    UnknownContentPart,
)
from .models.items import (
    EasyInputMessage,
    FunctionCallOutput,
    ResponseCustomToolCall,
    ResponseCustomToolCallOutput,
    ResponseFunctionToolCall,
    ResponseOutputMessage,
    ResponseReasoningItem,
    ResponseReasoningItemParam,
)
from .models.request import ResponseCreateParams
from .models.response import Response
from .reasoning_carrier import decode_carrier

__all__ = ["FMT", "decode_error", "decode_request", "decode_response"]

FMT: Format = "responses"

#: A base64 ``data:`` URL, exactly as the encoder writes it back.
DATA_URL = re.compile(r"data:([^;,]+);base64,(.*)", re.DOTALL)

#: The one message ``phase`` that says something another format's assistant text does not: the
#: text is commentary (a preamble to the work), not the answer. ``final_answer`` is what any
#: assistant text already is, and ``null`` says nothing: both ride in ``echo``.
TELLING_PHASE = "commentary"

ContentModel = Union[
    ResponseInputText,
    ResponseInputImage,
    ResponseInputFile,
    ResponseInputAudio,
    ResponseOutputText,
    ResponseOutputTextParam,
    ResponseOutputRefusal,
    UnknownContentPart,
]
ReasoningModel = Union[ResponseReasoningItem, ResponseReasoningItemParam]
ToolCallModel = Union[ResponseFunctionToolCall, ResponseCustomToolCall]
ToolResultModel = Union[FunctionCallOutput, ResponseCustomToolCallOutput]


# --------------------------------------------------------------------------- field reading


def own_extra(fields: Mapping[str, Any]) -> Extra:
    """``extra`` holding ``fields`` for this format, with the own-format marker even when empty."""
    return marked(FMT, fields)


class _Fields:
    """Reads the fields of one wire object (as JSON), remembering which became neutral."""

    __slots__ = ("consumed", "wire")

    def __init__(self, wire: Mapping[str, Any]) -> None:
        self.wire = wire
        self.consumed: set[str] = set()

    def take(self, key: str, *types: type) -> Any:
        """The value of ``key`` if it has one of ``types`` (bools are not ints), else ``None``;
        a value taken is consumed."""
        value = self.wire.get(key)
        if isinstance(value, types) and (value.__class__ is not bool or bool in types):
            self.consumed.add(key)
            return value
        return None

    def text(self, key: str) -> str | None:
        """The value of ``key`` if it is a string, else ``None``; a value taken is consumed."""
        value = self.wire.get(key)
        if isinstance(value, str):
            self.consumed.add(key)
            return value
        return None

    def consume(self, *keys: str) -> None:
        self.consumed.update(keys)

    def left(self) -> dict[str, Any]:
        """The fields not consumed, in their order."""
        consumed = self.consumed
        return {k: v for k, v in self.wire.items() if k not in consumed}

    def extra(self, more: Mapping[str, Any] | None = None) -> Extra:
        left = self.left()
        if more:
            left.update(more)
        return marked(FMT, left, owned=True)


def _json_of(model: BaseModel, wire: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """``wire`` (the JSON of ``model`` a caller dumped already, inside that of the object around
    it: the same as dumping ``model`` on its own), else ``model`` dumped."""
    return to_wire(model) if wire is None else wire


def _only(wire: Mapping[str, Any], keys: Collection[str]) -> bool:
    return wire.keys() <= (keys if isinstance(keys, frozenset) else set(keys))


# --------------------------------------------------------------------------- content parts


def _cache(f: _Fields, path: str) -> ir.CacheHint | None:
    wire = f.wire.get("prompt_cache_breakpoint")
    if not isinstance(wire, dict):
        return None
    f.consume("prompt_cache_breakpoint")
    g = _Fields(wire)
    g.consume("mode")
    ttl = g.text("ttl")
    return ir.CacheHint(ttl=ttl, path=json_path(["prompt_cache_breakpoint"], path), extra=g.extra())


def _citation(wire: dict[str, Any], path: str) -> ir.Citation | None:
    g = _Fields(wire)
    kind: ir.CitationKind
    match wire.get("type"):
        case "url_citation":
            kind = "url"
        case "file_citation":
            kind = "file"
        case "container_file_citation":
            kind = "container_file"
        case "file_path":
            kind = "file_path"
        case _:
            return None
    g.consume("type")
    start = g.take("start_index", int)
    if start is None:
        start = g.take("index", int)
    return ir.Citation(
        kind=kind,
        url=g.text("url"),
        title=g.text("title") if kind == "url" else g.text("filename"),
        file_id=g.text("file_id"),
        start=start,
        end=g.take("end_index", int),
        path=path,
        extra=g.extra(),
    )


def _citations(f: _Fields, path: str) -> tuple[ir.Citation, ...]:
    wires = f.wire.get("annotations") or []
    found = [_citation(w, json_path(["annotations", i], path)) for i, w in enumerate(wires)]
    citations = tuple(c for c in found if c is not None)
    if len(citations) == len(found):
        f.consume("annotations")
    return citations


def _plain_logprob(wire: Any, keys: Collection[str]) -> bool:
    return (
        isinstance(wire, dict)
        and set(wire) == set(keys)
        and isinstance(wire["token"], str)
        and isinstance(wire["logprob"], (int, float))
        and isinstance(wire["bytes"], list)
    )


def _logprobs(f: _Fields, path: str) -> tuple[ir.TokenLogprob, ...] | None:
    """Neutral logprobs when every entry has exactly the message shape; else left in extra."""
    wires = f.wire.get("logprobs")
    if not isinstance(wires, list):
        return None
    full = ("token", "logprob", "bytes", "top_logprobs")
    top = ("token", "logprob", "bytes")
    for w in wires:
        if not _plain_logprob(w, full) or not isinstance(w["top_logprobs"], list):
            return None
        if not all(_plain_logprob(t, top) for t in w["top_logprobs"]):
            return None
    f.consume("logprobs")
    return tuple(
        ir.TokenLogprob(
            token=w["token"],
            logprob=w["logprob"],
            bytes=tuple(w["bytes"]),
            top=tuple(
                ir.TokenLogprob(token=t["token"], logprob=t["logprob"], bytes=tuple(t["bytes"]))
                for t in w["top_logprobs"]
            ),
            path=json_path(["logprobs", i], path),
        )
        for i, w in enumerate(wires)
    )


def media_from_url(url: str) -> ir.MediaSource:
    """A ``data:`` URL as base64 + media type; any other URL as a URL."""
    match = DATA_URL.fullmatch(url)
    if match is not None:
        return ir.MediaSource(kind="base64", media_type=match[1], data=match[2])
    return ir.MediaSource(kind="url", url=url)


def _image(f: _Fields, path: str) -> ir.ImagePart:
    url = f.text("image_url")
    if url is not None:
        source = media_from_url(url)
    else:
        file_id = f.text("file_id")
        source = ir.MediaSource(kind="url" if file_id is None else "file", file_id=file_id)
    detail = f.text("detail")
    cache = _cache(f, path)
    return ir.ImagePart(source=source, detail=detail, cache=cache, path=path, extra=f.extra())


def _file_source(f: _Fields) -> ir.MediaSource:
    """The first of ``file_data`` / ``file_id`` / ``file_url`` that is set (the others stay in
    ``extra``), with the ``filename``."""
    filename = f.text("filename")
    data = f.text("file_data")
    if data is not None:
        match = DATA_URL.fullmatch(data)
        if match is None:
            return ir.MediaSource(kind="base64", data=data, filename=filename)
        return ir.MediaSource(kind="base64", media_type=match[1], data=match[2], filename=filename)
    file_id = f.text("file_id")
    if file_id is not None:
        return ir.MediaSource(kind="file", file_id=file_id, filename=filename)
    return ir.MediaSource(kind="url", url=f.text("file_url"), filename=filename)


def _file(f: _Fields, path: str) -> ir.DocumentPart:
    source = _file_source(f)
    cache = _cache(f, path)
    return ir.DocumentPart(source=source, cache=cache, path=path, extra=f.extra())


def _audio(f: _Fields, path: str) -> ir.AudioPart:
    audio = f.wire["input_audio"]
    if _only(audio, ("data", "format")):
        f.consume("input_audio")
    return ir.AudioPart(data=audio["data"], format=audio["format"], path=path, extra=f.extra())


def native(wire: dict[str, Any], path: str) -> ir.NativePart:
    """A Responses object only this format has, kept whole."""
    return ir.NativePart(format=FMT, kind=str(wire.get("type")), data=wire, path=path)


def content_part(
    part: ContentModel,
    path: str,
    more: Mapping[str, Any] | None = None,
    *,
    wire: Mapping[str, Any] | None = None,
    head: Mapping[str, Any] | None = None,
) -> ir.Part:
    """One content part of a message (or of a tool output). ``more`` (given for the parts of an
    output message) goes into its ``extra``; an unknown part then carries the own-format marker,
    which tells it from a native output item. ``wire``: the part's JSON, when the caller has it
    already (:func:`decode_response` dumps a response once, not once per object). ``head``: the
    fields of the output message the part starts, which it carries as :func:`headed` says (made
    so at once, not made and then remade)."""
    wire = _json_of(part, wire)
    f = _Fields(wire)
    f.consume("type")
    match part:
        case ResponseInputText():
            f.consume("text")
            cache = _cache(f, path)
            extra, echo = _marks(f.left(), more, {}, head)
            return ir.TextPart(text=part.text, cache=cache, path=path, extra=extra, echo=echo)
        case ResponseOutputText() | ResponseOutputTextParam():
            f.consume("text")
            # Without ``annotations`` (Codex's history) the part says no citations field at all;
            # its tag, which that would otherwise imply, is kept (``echo``) for the way back.
            bare = "annotations" not in f.wire
            citations = None if bare else _citations(f, path)
            logprobs = _logprobs(f, path)
            extra, echo = _marks(f.left(), more, {"type": "output_text"} if bare else {}, head)
            return ir.TextPart(
                text=part.text,
                citations=citations,
                logprobs=logprobs,
                path=path,
                extra=extra,
                echo=echo,
                field_paths=ir.with_paths({"citations": json_path(["annotations"], path)}),
            )
        case ResponseOutputRefusal():
            f.consume("refusal")
            extra, echo = _marks(f.left(), more, {}, head)
            return ir.RefusalPart(text=part.refusal, path=path, extra=extra, echo=echo)
        case ResponseInputImage():
            return _image(f, path)
        case ResponseInputFile():
            return _file(f, path)
        case ResponseInputAudio():
            return _audio(f, path)
        case UnknownContentPart():
            if more is not None:
                extra, echo = _marks({}, more, {}, head)
                return ir.NativePart(
                    format=FMT, kind=part.type, data=dict(wire), path=path, extra=extra, echo=echo
                )
            return native(dict(wire), path)
        case _:
            assert_never(part)


def _content(value: str | list[Any], path: str) -> tuple[tuple[ir.Part, ...], bool]:
    """Message / tool-output content: (parts, whether it was one plain string)."""
    if isinstance(value, str):
        return (ir.TextPart(text=value, path=path, extra=own_extra({})),), True
    return tuple(content_part(p, json_path([i], path)) for i, p in enumerate(value)), False


# --------------------------------------------------------------------------- items


def tool_call(
    item: ToolCallModel, path: str, *, wire: Mapping[str, Any] | None = None
) -> ir.ToolCallPart:
    """A ``function_call`` / ``custom_tool_call`` item (``wire``: its JSON, when the caller has
    it already)."""
    f = _Fields(_json_of(item, wire))
    f.consume("type", "call_id", "name")
    if isinstance(item, ResponseFunctionToolCall):
        f.consume("arguments")
        arguments, kind = item.arguments, "function"
    else:
        f.consume("input")
        arguments, kind = item.input, "custom"
    call_id, state = call_ids.restore(item.call_id)
    return ir.ToolCallPart(
        call_id=call_id,
        call_state=state,
        name=item.name,
        arguments=arguments,
        kind=kind,  # type: ignore[arg-type]
        item_id=f.text("id"),
        status=f.text("status"),
        path=path,
        extra=f.extra(),
    )


def _tool_result(item: ToolResultModel, path: str) -> ir.ToolResultPart:
    f = _Fields(to_wire(item))
    f.consume("type", "output")
    call_id = item.call_id if item.call_id else None
    if call_id:
        f.consume("call_id")
    content, text_form = _content(item.output, json_path(["output"], path))
    call_id, state = call_ids.restore(call_id or "")
    return ir.ToolResultPart(
        call_id=call_id,
        call_state=state,
        content=content,
        text_form=text_form,
        kind="function" if isinstance(item, FunctionCallOutput) else "custom",
        item_id=f.text("id"),
        status=f.text("status"),
        path=path,
        extra=f.extra(),
    )


def _plain_texts(wires: Any, tag: str) -> tuple[str, ...] | None:
    if not isinstance(wires, list):
        return None
    if all(isinstance(w, dict) and w.keys() == {"type", "text"} for w in wires):
        return tuple(w["text"] for w in wires if w["type"] == tag)
    return None


def reasoning(
    item: ReasoningModel, path: str, *, wire: Mapping[str, Any] | None = None
) -> ir.ReasoningPart:
    """A ``reasoning`` item. OpenAI's own has ``origin="responses"``; a carrier in
    ``encrypted_content`` (:mod:`.reasoning_carrier`) restores the reasoning another server made,
    and the item id the bridge made up for it is bookkeeping (``echo``). ``wire``: the item's
    JSON, when the caller has it already."""
    f = _Fields(_json_of(item, wire))
    f.consume("type")
    encrypted = f.text("encrypted_content")
    carried = decode_carrier(encrypted) if encrypted is not None else None
    text = carried.text if carried is not None else None
    summary = _plain_texts(f.wire["summary"], "summary_text")
    if summary is None:
        summary = tuple(s.text for s in item.summary)
    elif text and summary == (text,):
        summary = ()
        f.consume("summary")
    elif summary or not text:
        f.consume("summary")
    content = _plain_texts(f.wire.get("content"), "reasoning_text")
    if content:
        f.consume("content")
    echo = ir.EMPTY_EXTRA
    if carried is not None:
        echo = with_extra(FMT, {"id": f.wire["id"]} if "id" in f.wire else {})
        f.consume("id")
    return ir.ReasoningPart(
        text=text,
        content=content or (),
        summary=summary,
        signature=carried.signature if carried else None,
        redacted_data=carried.redacted_data if carried else None,
        encrypted_content=carried.encrypted_content if carried else encrypted,
        item_id=carried.item_id if carried else f.text("id"),
        status=f.text("status"),
        origin=carried.origin if carried else FMT,
        path=path,
        extra=f.extra(),
        echo=echo,
    )


_TOOL_SIDE = ("mcp_approval_response",)


def _native_role(tag: str) -> ir.Role:
    return "tool" if tag.endswith("_output") or tag in _TOOL_SIDE else "assistant"


def _message(item: EasyInputMessage, path: str) -> ir.Message:
    """An input message; its optional ``type: "message"`` tag says nothing and goes to ``echo``,
    and so does a ``phase`` other than ``commentary`` (:data:`TELLING_PHASE`)."""
    f = _Fields(to_wire(item))
    f.consume("role", "content")
    quiet = {k: f.wire[k] for k in ("type", "phase") if k in f.wire}
    if quiet.get("type") != "message":
        quiet.pop("type", None)
    if quiet.get("phase") == TELLING_PHASE:
        quiet.pop("phase")
    f.consume(*quiet)
    parts, text_form = _content(item.content, json_path(["content"], path))
    echo = with_extra(FMT, quiet)
    return ir.Message(
        role=item.role, parts=parts, text_form=text_form, path=path, extra=f.extra(), echo=echo
    )


def _input_item(item: Any, path: str) -> ir.Message:
    part: ir.Part
    match item:
        case EasyInputMessage():
            return _message(item, path)
        case ResponseFunctionToolCall() | ResponseCustomToolCall():
            return ir.Message(role="assistant", parts=(tool_call(item, path),), path=path)
        case FunctionCallOutput() | ResponseCustomToolCallOutput():
            return ir.Message(role="tool", parts=(_tool_result(item, path),), path=path)
        case ResponseReasoningItemParam():
            return ir.Message(role="assistant", parts=(reasoning(item, path),), path=path)
        case _:
            part = native(to_wire(item), path)
            return ir.Message(role=_native_role(part.kind), parts=(part,), path=path)


# --------------------------------------------------------------------------- request settings


def _tool(wire: dict[str, Any], path: str) -> ir.Tool:
    f = _Fields(wire)
    match wire.get("type"):
        case "function":
            f.consume("type", "name")
            return ir.Tool(
                kind="function",
                name=wire["name"],
                description=f.text("description"),
                parameters=f.take("parameters", dict),
                strict=f.take("strict", bool),
                path=path,
                extra=f.extra(),
            )
        case "custom":
            f.consume("type", "name")
            return ir.Tool(
                kind="custom",
                name=wire["name"],
                description=f.text("description"),
                custom_format=f.take("format", dict),
                path=path,
                extra=f.extra(),
            )
        case _:
            name = wire.get("name")
            return ir.Tool(
                kind="native",
                name=name if isinstance(name, str) else str(wire.get("type")),
                native=wire,
                path=path,
                extra=own_extra({}),
            )


def _allowed_names(tools: list[Any]) -> tuple[tuple[str, ...], bool]:
    """Names of an ``allowed_tools`` list, and whether they say everything it says."""
    names = tuple(t["name"] for t in tools if isinstance(t.get("name"), str))
    plain = all(t.keys() == {"type", "name"} and t["type"] == "function" for t in tools)
    return names, plain


def _tool_choice(wire: Any, path: str) -> ir.ToolChoice:
    if isinstance(wire, str):
        return ir.ToolChoice(mode=wire, path=path, extra=own_extra({}))  # type: ignore[arg-type]
    f = _Fields(wire)
    match wire.get("type"):
        case "function" | "custom" as kind:
            f.consume("type", "name")
            return ir.ToolChoice(
                mode="tool", name=wire["name"], tool_kind=kind, path=path, extra=f.extra()
            )
        case "allowed_tools":
            f.consume("type", "mode")
            names, plain = _allowed_names(wire["tools"])
            if plain:
                f.consume("tools")
            return ir.ToolChoice(
                mode="allowed",
                allowed=names,
                allowed_required=wire["mode"] == "required",
                path=path,
                extra=f.extra(),
            )
        case _:
            return ir.ToolChoice(
                mode="tool",
                name=str(wire.get("type")),
                tool_kind="native",
                path=path,
                extra=f.extra(),
            )


def _reasoning_config(wire: Any, include_encrypted: bool, path: str) -> ir.ReasoningConfig | None:
    if not isinstance(wire, dict):
        if include_encrypted:
            return ir.ReasoningConfig(include_encrypted=True, path=json_path(["include"], path))
        return None
    f = _Fields(wire)
    return ir.ReasoningConfig(
        effort=f.text("effort"),  # type: ignore[arg-type]
        summary=f.text("summary"),
        include_encrypted=include_encrypted,
        path=json_path(["reasoning"], path),
        extra=f.extra(),
    )


_FORMAT_KINDS = ("text", "json_object", "json_schema")


def output_format(wire: Any, path: str) -> ir.OutputFormat | None:
    """A ``text.format`` of a known type (``None`` for an unknown one)."""
    if not isinstance(wire, dict) or wire.get("type") not in _FORMAT_KINDS:
        return None
    f = _Fields(wire)
    f.consume("type")
    return ir.OutputFormat(
        kind=wire["type"],
        name=f.text("name"),
        schema=f.take("schema", dict),
        strict=f.take("strict", bool),
        description=f.text("description"),
        path=path,
        extra=f.extra(),
    )


def _text_config(f: _Fields, path: str) -> ir.OutputFormat | None:
    text = f.wire.get("text")
    if not isinstance(text, dict):
        return None
    fmt = output_format(text.get("format"), json_path(["text", "format"], path))
    if fmt is not None and text.keys() == {"format"}:
        f.consume("text")
    return fmt


def _messages(f: _Fields, path: str) -> tuple[ir.Message, ...]:
    value = f.wire.get("input")
    if isinstance(value, str):
        f.consume("input")
        where = json_path(["input"], path)
        part = ir.TextPart(text=value, path=where, extra=own_extra({}))
        return (ir.Message(role="user", parts=(part,), text_form=True, path=where),)
    if value:
        f.consume("input")
    return ()


def decode_request(req: ResponseCreateParams, *, path: str = "") -> ir.Request:
    """A ``POST /v1/responses`` body as an ir request."""
    f = _Fields(to_wire(req))
    messages = _messages(f, path)
    if isinstance(req.input, list):
        messages = tuple(
            _input_item(item, json_path(["input", i], path)) for i, item in enumerate(req.input)
        )
    instructions = f.text("instructions")
    include = f.wire.get("include") or []
    tools_wire = f.take("tools", list)
    choice = f.wire.get("tool_choice")
    if choice is not None:
        f.consume("tool_choice")
    max_tokens = f.take("max_output_tokens", int)
    model = f.wire.get("model")
    if isinstance(model, str) and model:
        f.consume("model")
    return ir.Request(
        model=model if isinstance(model, str) else "",
        instructions=(
            (
                ir.TextPart(
                    text=instructions, path=json_path(["instructions"], path), extra=own_extra({})
                ),
            )
            if instructions is not None
            else None
        ),
        instructions_text_form=instructions is not None,
        messages=messages,
        tools=(
            tuple(_tool(t, json_path(["tools", i], path)) for i, t in enumerate(tools_wire))
            if tools_wire is not None
            else None
        ),
        tool_choice=_tool_choice(choice, json_path(["tool_choice"], path)) if choice else None,
        parallel_tool_calls=f.take("parallel_tool_calls", bool),
        max_tokens=max_tokens,
        max_tokens_field="max_output_tokens" if max_tokens is not None else None,
        temperature=f.take("temperature", int, float),
        top_p=f.take("top_p", int, float),
        top_logprobs=f.take("top_logprobs", int),
        logprobs=True if "message.output_text.logprobs" in include else None,
        reasoning=_reasoning_config(
            _take_object(f, "reasoning"), "reasoning.encrypted_content" in include, path
        ),
        output_format=_text_config(f, path),
        metadata=f.take("metadata", dict),
        user=f.text("user"),
        safety_identifier=f.text("safety_identifier"),
        prompt_cache_key=f.text("prompt_cache_key"),
        service_tier=f.text("service_tier"),
        store=f.take("store", bool),
        stream=f.take("stream", bool),
        path=path,
        extra=f.extra(),
    )


def _take_object(f: _Fields, key: str) -> dict[str, Any] | None:
    value: dict[str, Any] | None = f.take(key, dict)
    return value


# --------------------------------------------------------------------------- response


def _output_item(item: Any, path: str, wire: Mapping[str, Any] | None = None) -> list[ir.Part]:
    """The parts of an output item (``wire``: its JSON, when the caller has it already)."""
    match item:
        case ResponseOutputMessage():
            return _output_message(item, path, _json_of(item, wire))
        case ResponseFunctionToolCall() | ResponseCustomToolCall():
            return [tool_call(item, path, wire=wire)]
        case ResponseReasoningItem():
            return [reasoning(item, path, wire=wire)]
        case _:
            return [native(dict(_json_of(item, wire)), path)]


def _output_message(
    item: ResponseOutputMessage, path: str, wire: Mapping[str, Any]
) -> list[ir.Part]:
    if not item.content:
        return [native(dict(wire), path)]
    head = {k: v for k, v in wire.items() if k != "content"}
    contents = wire["content"]
    return [
        content_part(
            p, json_path(["content", i], path), {}, wire=contents[i], head=None if i else head
        )
        for i, p in enumerate(item.content)
    ]


def headed(part: ir.Part, head: Mapping[str, Any]) -> ir.Part:
    """``part``, the first content part of an output message, carrying the message item's own
    fields (``head``: id, status, role, phase …) as ``echo``: they restate bookkeeping, and
    mark where the message starts. A ``commentary`` phase is said once more in ``extra`` (as
    ``phase``), so that a format that cannot say it reports it; this format's encoders read the
    head only, and leave that copy out of the content part."""
    extra, echo = _marks(dict(part.extra.get(FMT, {})), None, part.echo.get(FMT, {}), head)
    return dataclasses.replace(part, echo=echo, extra=extra)


def _marks(
    left: dict[str, Any],
    more: Mapping[str, Any] | None,
    echo: Mapping[str, Any],
    head: Mapping[str, Any] | None,
) -> tuple[Extra, Extra]:
    """The ``extra`` and ``echo`` of a content part: its fields ``left`` over and ``more``
    (taken over), its ``echo`` fields, and the ``head`` of the output message it starts (see
    :func:`headed`)."""
    if more:
        left.update(more)
    if head is not None:
        if head.get("phase") == TELLING_PHASE and "phase" not in left:
            left["phase"] = head["phase"]
        echo = {**echo, "message": dict(head)}
    return marked(FMT, left, owned=True), with_extra(FMT, echo)


_INPUT_DETAILS = frozenset({"cached_tokens", "cache_write_tokens"})
_OUTPUT_DETAILS = frozenset({"reasoning_tokens"})


def _usage(f: _Fields, path: str) -> ir.Usage | None:
    wire = f.take("usage", dict)
    if wire is None:
        return None
    u = _Fields(wire)
    u.consume("input_tokens", "output_tokens", "total_tokens")
    inputs = wire["input_tokens_details"]
    outputs = wire["output_tokens_details"]
    cache_write = inputs.get("cache_write_tokens")
    if _only(inputs, _INPUT_DETAILS) and (
        "cache_write_tokens" not in inputs or isinstance(cache_write, int)
    ):
        u.consume("input_tokens_details")
    if _only(outputs, _OUTPUT_DETAILS):
        u.consume("output_tokens_details")
    tier = f.text("service_tier")
    return ir.Usage(
        input_tokens=wire["input_tokens"],
        output_tokens=wire["output_tokens"],
        cache_read_tokens=inputs["cached_tokens"],
        cache_write_tokens=cache_write if isinstance(cache_write, int) else None,
        reasoning_tokens=outputs["reasoning_tokens"],
        total_tokens=wire["total_tokens"],
        service_tier=tier,
        path=json_path(["usage"], path),
        extra=u.extra(),
        field_paths=ir.with_paths(
            {"service_tier": None if tier is None else json_path(["service_tier"], path)}
        ),
    )


def _stop(
    status: str | None, incomplete: Any, parts: Iterable[ir.Part]
) -> tuple[ir.StopReason | None, str | None]:
    match status:
        case "completed":
            called = any(isinstance(p, ir.ToolCallPart) for p in parts)
            return ("tool_use" if called else "end_turn"), status
        case "incomplete":
            reason = incomplete.get("reason") if isinstance(incomplete, dict) else None
            if isinstance(reason, str):
                return tables.INCOMPLETE_STOP.get(reason), reason  # type: ignore[call-overload]
            return None, status
        case "failed":
            return "error", status
        case _:
            return None, status


_STATUSES = ("completed", "incomplete", "failed", "in_progress")


def decode_response(resp: Response, *, path: str = "") -> ir.Response:
    """A Responses ``Response`` as an ir response with one candidate."""
    f = _Fields(to_wire(resp))
    f.consume("object", "output")
    items = f.wire["output"]
    parts = [
        part
        for i, item in enumerate(resp.output)
        for part in _output_item(item, json_path(["output", i], path), items[i])
    ]
    status = f.text("status") if resp.status in _STATUSES else None
    stop, raw = _stop(resp.status, f.wire.get("incomplete_details"), parts)
    error = f.wire.get("error")
    model = f.wire.get("model")
    if model:
        f.consume("model")
    resp_id, created, usage = f.text("id"), _created(f), _usage(f, path)
    leftovers, echo = _split_echo(f.left())  # what the lines above did not take
    return ir.Response(
        id=resp_id,
        model=model or None,
        created=created,
        candidates=(
            ir.Candidate(
                parts=tuple(parts),
                stop_reason=stop,
                raw_stop_reason=raw,
                path=json_path(["output"], path),
                extra=own_extra({}),
                field_paths=ir.with_paths({"stop_reason": _stop_path(f.wire, path)}),
            ),
        ),
        usage=usage,
        status=status,  # type: ignore[arg-type]
        error_message=error.get("message") if isinstance(error, dict) else None,
        path=path,
        extra=leftovers,
        echo=echo,
    )


def _created(f: _Fields) -> int | None:
    """The creation time in whole seconds. The SDK types ``created_at`` as a number: a float
    (``1741476777.0``) is truncated for the ir and its exact form stays in the leftovers, which
    :func:`_split_echo` moves to ``echo``: it restates the time, it is no loss to another
    format."""
    value = f.wire.get("created_at")
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    created: int | None = f.take("created_at", int)
    return created


def _stop_path(wire: Mapping[str, Any], path: str) -> str | None:
    """Where a response says how it stopped: its ``incomplete_details.reason``, else its
    ``status`` (``None`` when it has neither)."""
    details = wire.get("incomplete_details")
    if isinstance(details, dict) and isinstance(details.get("reason"), str):
        return json_path(["incomplete_details", "reason"], path)
    return json_path(["status"], path) if "status" in wire else None


#: Fields of a ``Response`` that repeat the request's settings back: restored to a Responses
#: client, but nothing another format's client needs (so never reported as lost).
RESPONSE_ECHO = frozenset(
    {
        "instructions", "tools", "tool_choice", "parallel_tool_calls", "temperature", "top_p",
        "top_logprobs", "max_output_tokens", "max_tool_calls", "metadata", "reasoning", "text",
        "truncation", "store", "user", "safety_identifier", "prompt_cache_key",
        "prompt_cache_retention", "background", "previous_response_id", "conversation", "prompt",
        "include", "prompt_cache_options", "access_programs", "image", "moderation",
    }
)  # fmt: skip


def _split_echo(left: dict[str, Any]) -> tuple[Extra, Extra]:
    """A response's leftovers (``left``, taken over) as (``extra``, ``echo``): the echoed request
    settings (and a float ``created_at``, see :func:`_created`) move to ``echo``."""
    echo = {key: left.pop(key) for key in list(left) if key in RESPONSE_ECHO or key == "created_at"}
    return marked(FMT, left, owned=True), with_extra(FMT, echo)


# --------------------------------------------------------------------------- errors


def decode_error(body: ErrorResponse, *, status: int | None = None, path: str = "") -> ir.ApiError:
    """An OpenAI error body (``ErrorResponse``) as an ir error; ``status`` is the HTTP status
    (:func:`openai_claude_bridge._openai_errors.decode`)."""
    return _openai_errors.decode(body, status, path, FMT)
