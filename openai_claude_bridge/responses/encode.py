"""ir -> Responses wire models: requests, responses, error bodies.

Each wire object is built from the neutral fields of its ir node, then the node's own
``extra["responses"]`` is laid over it (a field kept there wins: the decoder left it because the
neutral value could not say it exactly). A node that carries the own-format marker (see
:mod:`.decode`) was decoded from a Responses payload: fields it lacked stay absent. Any other node
comes from another format (or from code): the encoder fills in what the Responses API requires
and reports, through ``options.lose``, everything it cannot express — foreign ``extra`` fields,
other formats' native parts and tools, and the settings listed below.

Choices for ir from other formats:

* Instructions that are one text part become ``instructions``; several parts (or cache hints) a
  leading ``system`` message, so their boundaries survive.
* A message is split into items: runs of content parts -> one message, each tool call ->
  ``function_call`` / ``custom_tool_call``, each tool result -> ``function_call_output`` /
  ``custom_tool_call_output``, each reasoning part -> ``reasoning``. The API takes assistant text
  only as a string or as ``output_text``: plain assistant text parts become one string message
  each; text with citations or a refusal needs an output message (``id`` from
  ``options.id_factory("msg_")``). Parts that all drop make no message (no empty turn), and
  empty assistant text (an empty reply that came back in the history) makes none either.
* Reasoning: only OpenAI's own (``origin == "responses"``: a Responses source's item, or one the
  anthropic reverse carrier restored) is sent in a *request* — anything else (Anthropic thinking,
  a chat server's reasoning, an item the bridge made up for a Responses client) is dropped and
  reported: OpenAI answers an item id it did not make with 404 and cannot decrypt a carrier.
  OpenAI's own item keeps its id, or has none (Codex's items): no id is made up for a request. In a
  *response*, another server's reasoning becomes an item with a made-up id (``rs_``) and a carrier
  in ``encrypted_content`` (:mod:`.reasoning_carrier`) that restores it when the client sends
  it back; its text goes into ``summary`` (when the part has no summary of its own).
* A call's ``call_state`` (Gemini's ``extra_content``) rides, for a Responses client (a
  response or stream), in its ``call_id`` as a carrier (:mod:`.._call_id_carrier`; the decoder
  restores it from the client's next request) and is not a loss; a request for the API carries
  it only where a Responses client sent it in the first place (exact round trip), and reports
  it lost otherwise. Ids are changed for no other reason (but that an id which would itself
  read as a carrier is carried, so that it is not misread).
* Tool names the API does not accept (over 64 characters, or characters outside
  ``[a-zA-Z0-9_-]``, e.g. MCP-style ``server.tool``) are shortened with
  :func:`.._tool_names.shorten` in tools, tool choices (named and ``allowed_tools``) and tool
  calls of a request, exactly as the chat encoder does; this format's own names are written as
  they came. The client's names come back from its request (:mod:`.._restore`).
* ``parallel_tool_calls`` is written only beside a non-empty ``tools`` list, which the API
  requires for it (:func:`.._codec.parallel_tool_calls`), whatever format the request came from.
* Function tools without ``strict`` get ``strict: false`` (the Responses API would otherwise
  default to strict schemas) and ``parameters: null`` when they have none.
* Effort: ``reasoning.effort``, else ``reasoning_policy.effort_for(budget_tokens)``, else
  ``"none"`` when thinking is explicitly disabled. Thinking that is enabled (or adaptive) and has
  no summary mode asks for ``summary: "auto"``, so the reasoning comes back visible.
* Cache hints become ``prompt_cache_breakpoint`` on the same content part. A tool result's own
  hint (anthropic marks the ``tool_result`` block) goes on the last part of the output, which
  then is a list (:func:`.._codec.hint_on_last_part`).
* Lost on requests: ``stop``, ``top_k``, ``seed``, penalties, ``logit_bias``, ``n > 1``, tool
  result ``is_error``, input audio, anthropic document text/title/context/citations, cache hints on
  tools and tool calls (the API has no field for them), cache TTLs other than ``30m`` / ``12h``
  (the breakpoint is kept without one).
* Responses: ``id`` is the ir id (else ``id_factory("resp_")``), ``created_at`` the ir time (else
  ``options.clock()``); output ids ``msg_`` / ``fc_`` / ``rs_`` from ``id_factory``. ``status``
  and ``incomplete_details`` follow the stop reason (:mod:`.tables`); the stop sequence that
  matched has no field (reported at the candidate's ``stop_sequence``). The echoed request fields
  (``instructions``, ``tools``, ``tool_choice``, ``temperature`` …) are copied from
  ``options.request`` when it is a Responses request; otherwise only the three the API always
  reports are written, with the API's defaults: ``parallel_tool_calls: true``,
  ``tool_choice: "auto"``, ``tools: []``. Unknown ``cached_tokens`` / ``cache_write_tokens`` /
  ``reasoning_tokens`` (the SDK requires them) are written as 0 and not reported: a count the
  target requires but the source never gave is no loss (nothing the source said was dropped);
  without input and output counts there is no ``usage`` at all.
* A ``service_tier`` (request or response) outside the API's list (Groq's ``on_demand``) is
  reported lost, never copied; a Responses source's own tier is written back as it came.
* Citations: another format's ``url_citation`` gets the whole text part as its span when it has
  none, and ``""`` as its title when it has none (values it requires that the source never said:
  written, not a loss); a Responses source's own citation
  keeps what it lacked absent (xAI sends only ``type`` and ``url``).
"""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any, get_args

from .. import _call_id_carrier as call_ids
from .. import _openai_errors, ir
from .._call_id_carrier import report_uncarried
from .._codec import (
    build,
    hint_on_last_part,
    is_empty_text,
    is_own,
    parallel_tool_calls,
    report_foreign_extra,
    says_something,
)
from .._tool_names import shorten
from ..chat._common import tool_kind_of
from ..chat.models.errors import ErrorResponse
from ..errors import InvalidInputError
from ..options import Options
from ..wire import from_wire, json_path, to_wire
from . import tables
from .decode import FMT
from .models.request import ResponseCreateParams
from .models.response import Response
from .models.shared import ServiceTier
from .reasoning_carrier import carried, encode_carrier

__all__ = ["encode_error", "encode_request", "encode_response"]

_CACHE_TTLS = ("30m", "12h")


# --------------------------------------------------------------------------- helpers


def _own(node: ir.Node) -> bool:
    return FMT in node.extra


def _wire(node: ir.Node, fields: Mapping[str, Any], options: Options) -> dict[str, Any]:
    """``fields`` (``None`` values dropped) under the node's own echo and extra (which win);
    reports the node's extras of other formats."""
    report_foreign_extra(node, FMT, options)
    echo, own = node.echo.get(FMT), node.extra.get(FMT)
    if not echo and not own:
        return {k: v for k, v in fields.items() if v is not None}
    extra = {**(echo or {}), **(own or {})}
    out = {k: v for k, v in fields.items() if v is not None and k not in extra}
    return {**extra, **out}


def _tool_name(node: ir.Node, name: str) -> str:
    """``name`` as the Responses API accepts it: another format's over-long or MCP-style names
    are shortened (:mod:`.._tool_names`); this format's own are written as they came."""
    return name if _own(node) else shorten(name)


def _lose(options: Options, node: ir.Node, feature: str, reason: str) -> None:
    options.lose(node.path, feature, reason)


def _service_tier(node: ir.Request | ir.Usage, tier: str | None, options: Options) -> str | None:
    """``node``'s service tier (``tier`` for a request; a usage's own) where the Responses API
    can say it: one of its tiers, or any tier a Responses payload sent. Another format's tier
    outside the API's list (Groq's ``on_demand``) is reported lost."""
    if isinstance(node, ir.Usage):
        tier = node.service_tier
    if tier is None or _own(node) or tier in get_args(ServiceTier):
        return tier
    reason = f"the Responses API has no service tier {tier!r}"
    options.lose(ir.field_path(node, "service_tier"), "service_tier", reason)
    return None


def _cache(hint: ir.CacheHint | None, options: Options) -> dict[str, Any] | None:
    """A ``prompt_cache_breakpoint``; a ttl it cannot say is reported, the breakpoint kept."""
    if hint is None:
        return None
    ttl = hint.ttl
    if ttl is not None and ttl not in _CACHE_TTLS:
        reason = f"prompt_cache_breakpoint has no ttl {ttl!r} (30m or 12h)"
        options.lose(json_path(["ttl"], hint.path), "cache_control.ttl", reason)
        ttl = None
    return _wire(hint, {"mode": "explicit", "ttl": ttl}, options)


def _no_cache(hint: ir.CacheHint | None, options: Options) -> None:
    if hint is not None:
        options.lose(hint.path, "cache_control", "the Responses API has no cache hint here")


# --------------------------------------------------------------------------- content parts


def _citation(c: ir.Citation, text: str, options: Options) -> dict[str, Any] | None:
    match c.kind:
        case "url" | "web_search_result_location" if _own(c):
            # absent stays absent (xAI sends only the url)
            fields: dict[str, Any] = {
                "type": "url_citation",
                "url": c.url,
                "title": c.title,
                "start_index": c.start,
                "end_index": c.end,
            }
        case "url" | "web_search_result_location":
            if c.cited_text is not None:
                _lose(options, c, "cited_text", "url_citation has no cited text")
            fields = {
                "type": "url_citation",
                "url": c.url or "",
                "title": _citation_title(c),
                "start_index": c.start if c.start is not None else 0,
                "end_index": c.end if c.end is not None else len(text),
            }
        case "file":
            fields = {
                "type": "file_citation",
                "file_id": c.file_id,
                "filename": c.title if c.title is not None else c.file_id,
                "index": c.start if c.start is not None else 0,
            }
        case "file_path":
            fields = {"type": "file_path", "file_id": c.file_id, "index": c.start}
        case "container_file" if _own(c):
            fields = {
                "type": "container_file_citation",
                "file_id": c.file_id,
                "filename": c.title,
                "start_index": c.start,
                "end_index": c.end,
            }
        case _:
            _lose(options, c, "citation", f"{c.kind} citations have no Responses equivalent")
            return None
    return _wire(c, fields, options)


def _citation_title(c: ir.Citation) -> str:
    """The ``title`` a ``url_citation`` requires: the citation's, or ``""`` when the source gave
    none (a value the target requires and the source never said: written, not a loss)."""
    return c.title if c.title is not None else ""


def _logprob(lp: ir.TokenLogprob, options: Options, top: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "token": lp.token,
        "logprob": lp.logprob,
        "bytes": list(lp.bytes) if lp.bytes is not None else list(lp.token.encode("utf-8")),
    }
    if not top:
        fields["top_logprobs"] = [_logprob(t, options, True) for t in lp.top]
    return _wire(lp, fields, options)


def _output_text(part: ir.TextPart, options: Options) -> dict[str, Any]:
    """An ``output_text`` part; ``annotations`` (which the API requires in a response) stays
    absent only where this format's own part had none (Codex's history)."""
    _no_cache(part.cache, options)
    citations = [_citation(c, part.text, options) for c in part.citations or ()]
    bare = part.citations is None and _own(part)
    fields: dict[str, Any] = {
        "type": "output_text",
        "text": part.text,
        "annotations": None if bare else [c for c in citations if c is not None],
    }
    if part.logprobs is not None:
        fields["logprobs"] = [_logprob(lp, options, False) for lp in part.logprobs]
    return _wire(part, fields, options)


def _data_url(source: ir.MediaSource, fallback_type: str) -> str:
    return f"data:{source.media_type or fallback_type};base64,{source.data or ''}"


def _image(part: ir.ImagePart, options: Options) -> dict[str, Any] | None:
    src = part.source
    report_foreign_extra(src, FMT, options)
    fields: dict[str, Any] = {"type": "input_image"}
    match src.kind:
        case "base64":
            fields["image_url"] = _data_url(src, "image/png")
        case "url":
            fields["image_url"] = src.url
        case "file":
            fields["file_id"] = src.file_id
        case _:
            _lose(options, part, "image", f"an image from {src.kind} has no Responses form")
            _lose_hint_of(part, options)
            return None
    fields["detail"] = part.detail if part.detail is not None or _own(part) else "auto"
    fields["prompt_cache_breakpoint"] = _cache(part.cache, options)
    return _wire(part, fields, options)


def _file_source(part: ir.DocumentPart, options: Options) -> dict[str, Any] | None:
    src = part.source
    match src.kind:
        case "base64":
            data = _data_url(src, "") if src.media_type else src.data
            return {"file_data": data}
        case "url":
            return {"file_url": src.url}
        case "file":
            return {"file_id": src.file_id}
        case "text":
            _lose(options, part, "document_text", "plain-text document sent as a text/plain file")
            encoded = base64.b64encode((src.data or "").encode("utf-8")).decode("ascii")
            return {"file_data": f"data:text/plain;base64,{encoded}"}
        case "content":
            _lose(options, part, "document", "custom-content documents have no Responses form")
            _lose_hint_of(part, options)
            return None
        case _:
            return None


def _file(part: ir.DocumentPart, options: Options) -> dict[str, Any] | None:
    report_foreign_extra(part.source, FMT, options)
    fields = _file_source(part, options)
    if fields is None:
        return None
    filename = part.source.filename
    if not _own(part):
        if filename is None:
            filename = part.title
        elif part.title is not None:
            _lose(options, part, "title", "input_file has no title")
        if part.context is not None:
            _lose(options, part, "context", "input_file has no context")
        if part.citations_enabled:
            _lose(options, part, "citations", "input_file cannot enable citations")
    fields.update(
        type="input_file",
        filename=filename,
        prompt_cache_breakpoint=_cache(part.cache, options),
    )
    return _wire(part, fields, options)


def _content_part(part: ir.Part, options: Options, *, output: bool) -> dict[str, Any] | None:
    """A message content part; ``output``: the part is in an output message."""
    match part:
        case ir.TextPart():
            if output or part.citations is not None or part.logprobs is not None:
                return _output_text(part, options)
            if part.echo.get(FMT, {}).get("type") == "output_text":
                return _output_text(part, options)
            fields = {
                "type": "input_text",
                "text": part.text,
                "prompt_cache_breakpoint": _cache(part.cache, options),
            }
            return _wire(part, fields, options)
        case ir.RefusalPart():
            return _wire(part, {"type": "refusal", "refusal": part.text}, options)
        case ir.ImagePart():
            return _image(part, options)
        case ir.DocumentPart():
            return _file(part, options)
        case ir.AudioPart() if _own(part):
            fields = {
                "type": "input_audio",
                "input_audio": {"data": part.data, "format": part.format},
            }
            return _wire(part, fields, options)
        case ir.NativePart() if part.format == FMT:
            return part.data
        case _:
            _lose_part(part, options)
            return None


def _lose_part(part: ir.Part, options: Options) -> None:
    kind = part.kind if isinstance(part, ir.NativePart) else type(part).__name__
    fmt = part.format if isinstance(part, ir.NativePart) else FMT
    _lose(options, part, kind, f"{fmt} {kind} has no place here in the Responses API")
    _lose_hint_of(part, options)


#: The parts that carry a cache hint in the ir.
_HINTED = (ir.TextPart, ir.ImagePart, ir.DocumentPart, ir.ToolCallPart, ir.ToolResultPart)


def _lose_hint_of(part: ir.Part, options: Options) -> None:
    """Report the cache breakpoint of a dropped part as well: a lost breakpoint costs money, and
    a proxy watching for them looks for the ``cache_control`` feature."""
    if isinstance(part, _HINTED) and part.cache is not None:
        options.lose(part.cache.path, "cache_control", "the part it marks was dropped")


def _contents(parts: Iterable[ir.Part], options: Options, *, output: bool) -> list[Any]:
    out = [_content_part(p, options, output=output) for p in parts]
    return [p for p in out if p is not None]


# --------------------------------------------------------------------------- items


def _tool_call(part: ir.ToolCallPart, options: Options, *, response: bool) -> dict[str, Any]:
    _no_cache(part.cache, options)
    foreign_response = response and not _own(part)
    item_id = part.item_id
    if item_id is None and foreign_response:
        item_id = options.id_factory("fc_")
    if not response and not _own(part):
        report_uncarried(part, FMT, options)
    name = part.name if response else _tool_name(part, part.name)
    fields: dict[str, Any] = {
        "call_id": _call_id(part, client=response),
        "name": name,
        "id": item_id,
    }
    if part.kind == "custom":
        if part.status is not None and not _own(part):
            _lose(options, part, "status", "custom tool calls have no status")
        status = part.status if _own(part) else None  # a Responses item's own, written back
        fields.update(type="custom_tool_call", input=part.arguments, status=status)
    else:
        status = part.status
        if status is None and foreign_response:
            status = "completed"
        fields.update(type="function_call", arguments=part.arguments, status=status)
    return _wire(part, fields, options)


def _call_id(part: ir.ToolCallPart | ir.ToolResultPart, *, client: bool) -> str:
    """The ``call_id`` of a call or its output: the call id itself, or for a client
    (``client``) or where a Responses client had it, a carrier of the id and the call's state
    (:mod:`.._call_id_carrier`)."""
    state = part.call_state if client or _own(part) else ir.EMPTY_EXTRA
    return call_ids.encode(part.call_id, state)


def _tool_output(part: ir.ToolResultPart, options: Options) -> str | list[Any]:
    """The output: a string for one plain text part the source sent as a string, else content
    parts; the result's own cache hint goes on its last part (:func:`hint_on_last_part`)."""
    content = hint_on_last_part(part, part.content, options, "a function_call_output")
    only = content[0] if len(content) == 1 else None
    if part.text_form and isinstance(only, ir.TextPart) and only.cache is None:
        report_foreign_extra(only, FMT, options)
        return only.text
    if not content and not _own(part):
        return ""
    return _contents([_input_text(item, options) for item in content], options, output=False)


def _input_text(part: ir.Part, options: Options) -> ir.Part:
    """A tool output's part as it can go in a ``function_call_output``, whose text is
    ``input_text`` only: a text part's citations (or logprobs) are reported lost."""
    if not isinstance(part, ir.TextPart) or (part.citations is None and part.logprobs is None):
        return part
    if part.citations:
        _lose(options, part, "citations", "a function_call_output's text has no annotations")
    if part.logprobs:
        _lose(options, part, "logprobs", "a function_call_output's text has no logprobs")
    return dataclasses.replace(part, citations=None, logprobs=None)


def _tool_result(part: ir.ToolResultPart, options: Options) -> dict[str, Any]:
    if part.is_error:
        _lose(options, part, "is_error", "function_call_output cannot mark an error")
    # the API requires call_id; only this format's own item may have lacked one
    call_id = None if not part.call_id and is_own(part, FMT) else _call_id(part, client=False)
    fields: dict[str, Any] = {
        "call_id": call_id,
        "output": _tool_output(part, options),
        "id": part.item_id,
    }
    if part.kind == "custom":
        if part.status is not None and not _own(part):
            _lose(options, part, "status", "custom tool outputs have no status")
        status = part.status if _own(part) else None  # a Responses item's own, written back
        fields.update(type="custom_tool_call_output", status=status)
    else:
        fields.update(type="function_call_output", status=part.status)
    return _wire(part, fields, options)


def reasoning_item_id(part: ir.ReasoningPart, options: Options) -> str:
    """The id of ``part``'s reasoning item: OpenAI's own, else one made up (``rs_``)."""
    if part.origin == FMT and part.item_id is not None:
        return part.item_id
    return options.id_factory("rs_")


def _reasoning(
    part: ir.ReasoningPart, options: Options, item_id: str | None = None, *, request: bool = False
) -> dict[str, Any]:
    """A reasoning item: OpenAI's own as it came; any other server's with a carrier in
    ``encrypted_content`` (:mod:`.reasoning_carrier`) and an item id made up for it (``item_id``:
    the one a stream already announced). In a ``request`` (OpenAI's own reasoning only) the id
    is the item's own or absent: Codex sends its items without one, matched by their
    ``encrypted_content``, and an id OpenAI did not make is answered with 404."""
    fields = carried(part)
    encrypted = part.encrypted_content if fields is None else encode_carrier(fields)
    summary = part.summary or ((part.text,) if part.text else ())
    if request:
        item_id = part.item_id
    elif item_id is None:
        item_id = reasoning_item_id(part, options)
    wire: dict[str, Any] = {
        "type": "reasoning",
        "id": item_id,
        "summary": [{"type": "summary_text", "text": s} for s in summary],
        "content": [{"type": "reasoning_text", "text": c} for c in part.content] or None,
        "encrypted_content": encrypted,
        "status": part.status,
    }
    return _wire(part, wire, options)


def _request_reasoning(part: ir.ReasoningPart, options: Options) -> dict[str, Any] | None:
    """The reasoning item of a request, only for OpenAI's own reasoning: anything else (Anthropic
    thinking, a chat server's reasoning, an item the bridge made up for a Responses client) would
    be refused — OpenAI answers an item id it did not make with 404 and cannot decrypt a carrier.
    Reasoning that says nothing is dropped silently."""
    if part.origin == FMT:
        return _reasoning(part, options, request=True)
    report_foreign_extra(part, FMT, options)
    if says_something(part):
        made_by = f"{part.origin} " if part.origin is not None else ""
        reason = f"{made_by}reasoning OpenAI did not make cannot be sent to the Responses API"
        _lose(options, part, "reasoning", reason)
    return None


def _part_item(part: ir.Part, options: Options, *, response: bool) -> dict[str, Any] | None:
    """The item of a part that is an item on its own (``None``: not one, or lost)."""
    match part:
        case ir.ToolCallPart():
            return _tool_call(part, options, response=response)
        case ir.ToolResultPart() if not response:
            return _tool_result(part, options)
        case ir.ReasoningPart() if response:
            return _reasoning(part, options)
        case ir.ReasoningPart():
            return _request_reasoning(part, options)
        case ir.NativePart() if part.format == FMT:
            return part.data
        case _:
            _lose_part(part, options)
            return None


_CONTENT_TYPES = (ir.TextPart, ir.ImagePart, ir.DocumentPart, ir.AudioPart, ir.RefusalPart)


def _text_message(role: str, part: ir.TextPart, options: Options) -> dict[str, Any]:
    """A message whose content is the text of one plain part, as a string."""
    report_foreign_extra(part, FMT, options)
    _no_cache(part.cache, options)
    return {"role": role, "content": part.text}


def _foreign_message(msg: ir.Message, run: list[ir.Part], options: Options) -> list[Any]:
    """Message items for a run of content parts of a message from another format.

    The API takes assistant text only as ``output_text`` (an output message, which needs an
    ``id``) or as a string: plain assistant text becomes one string message per part; text with
    citations or a refusal an output message. A run all of whose parts were dropped (and
    reported) makes no message.
    """
    role = "user" if msg.role == "tool" else msg.role
    texts = [p for p in run if isinstance(p, ir.TextPart)]
    if role == "assistant" and all(isinstance(p, (ir.TextPart, ir.RefusalPart)) for p in run):
        if len(texts) == len(run) and not any(p.citations or p.logprobs for p in texts):
            return [_text_message(role, p, options) for p in texts]
        content = _contents(run, options, output=True)
        if not content:
            return []
        output = {
            "type": "message",
            "id": options.id_factory("msg_"),
            "role": "assistant",
            "status": "completed",
            "content": content,
        }
        return [output]
    if len(run) == 1 and msg.text_form and len(texts) == 1 and texts[0].cache is None:
        return [_text_message(role, texts[0], options)]
    content = _contents(run, options, output=False)
    return [{"role": role, "content": content}] if content else []


def _own_message(msg: ir.Message, options: Options) -> dict[str, Any]:
    only = msg.parts[0] if len(msg.parts) == 1 else None
    content: str | list[Any]
    if msg.text_form and isinstance(only, ir.TextPart):
        content = only.text
    else:
        content = _contents(msg.parts, options, output=False)
    return _wire(msg, {"role": msg.role, "content": content}, options)


def _items(msg: ir.Message, options: Options) -> list[Any]:
    if _own(msg):
        return [_own_message(msg, options)]
    report_foreign_extra(msg, FMT, options)
    if msg.name is not None:
        _lose(options, msg, "name", "Responses messages have no participant name")
    items: list[Any] = []
    run: list[ir.Part] = []
    for part in msg.parts:
        if msg.role == "assistant" and is_empty_text(part):
            report_foreign_extra(part, FMT, options)  # says nothing: no empty message for it
            continue
        if isinstance(part, _CONTENT_TYPES):
            run.append(part)
            continue
        if run:
            items.extend(_foreign_message(msg, run, options))
            run = []
        item = _part_item(part, options, response=False)
        if item is not None:
            items.append(item)
    if run:
        items.extend(_foreign_message(msg, run, options))
    return items


# --------------------------------------------------------------------------- request settings


def _tool(tool: ir.Tool, options: Options) -> dict[str, Any] | None:
    _no_cache(tool.cache, options)
    own = _own(tool)
    match tool.kind:
        case "function":
            fields: dict[str, Any] = {
                "type": "function",
                "name": _tool_name(tool, tool.name),
                "description": tool.description,
                "parameters": tool.parameters,
                "strict": tool.strict if tool.strict is not None or own else False,
            }
            out = _wire(tool, fields, options)
            if not own:
                out.setdefault("parameters", None)
            return out
        case "custom":
            fields = {
                "type": "custom",
                "name": _tool_name(tool, tool.name),
                "description": tool.description,
                "format": tool.custom_format,
            }
            return _wire(tool, fields, options)
        case "native":
            if own and tool.native is not None:
                return tool.native
            fmt = next(iter(tool.extra), "another format")
            _lose(options, tool, "tool", f"{fmt} tool {tool.name!r} has no Responses equivalent")
            return None


def _tool_choice(choice: ir.ToolChoice, tools: tuple[ir.Tool, ...] | None, options: Options) -> Any:
    match choice.mode:
        case "auto" | "none" | "required":
            report_foreign_extra(choice, FMT, options)
            return choice.mode
        case "allowed":
            fields: dict[str, Any] = {
                "type": "allowed_tools",
                "mode": "required" if choice.allowed_required else "auto",
                "tools": [
                    {"type": tool_kind_of(n, tools), "name": _tool_name(choice, n)}
                    for n in choice.allowed
                ],
            }
            return _wire(choice, fields, options)
        case "tool":
            if choice.tool_kind != "native":
                name = None if choice.name is None else _tool_name(choice, choice.name)
                return _wire(choice, {"type": choice.tool_kind, "name": name}, options)
            if _own(choice):
                return _wire(choice, {}, options)
            _lose(options, choice, "tool_choice", "forced tool has no Responses equivalent")
            return "required"


def _effort(rc: ir.ReasoningConfig, options: Options) -> str | None:
    if rc.effort is not None:
        return rc.effort
    if rc.budget_tokens is not None:
        return options.reasoning_policy.effort_for(rc.budget_tokens)
    if rc.enabled is False:
        return "none"
    return None


def _reasoning_config(rc: ir.ReasoningConfig | None, options: Options) -> dict[str, Any] | None:
    if rc is None:
        return None
    effort = _effort(rc, options)
    summary = rc.summary
    if not _own(rc):
        if summary is None and (rc.enabled or rc.adaptive):
            summary = "auto"
        if effort is None and summary is None:
            report_foreign_extra(rc, FMT, options)
            return None
    return _wire(rc, {"effort": effort, "summary": summary}, options)


def _include(req: ir.Request) -> list[str] | None:
    include = []
    if req.reasoning is not None and req.reasoning.include_encrypted:
        include.append("reasoning.encrypted_content")
    if req.logprobs:
        include.append("message.output_text.logprobs")
    return include or None


def _format(of: ir.OutputFormat, options: Options) -> dict[str, Any]:
    fields: dict[str, Any] = {"type": of.kind}
    if of.kind == "json_schema":
        fields.update(
            name=of.name if of.name is not None or _own(of) else "response",
            schema=of.schema if of.schema is not None or _own(of) else {},
            strict=of.strict,
            description=of.description,
        )
    return _wire(of, fields, options)


_UNSUPPORTED = (
    ("stop", "stop sequences"),
    ("top_k", "top_k sampling"),
    ("seed", "a sampling seed"),
    ("frequency_penalty", "a frequency penalty"),
    ("presence_penalty", "a presence penalty"),
    ("logit_bias", "logit bias"),
)


def _lose_settings(req: ir.Request, options: Options) -> None:
    for name, what in _UNSUPPORTED:
        if getattr(req, name) is not None:
            options.lose(ir.field_path(req, name), name, f"the Responses API has no {what}")
    if req.n is not None and req.n > 1:
        options.lose(ir.field_path(req, "n"), "n", "the Responses API makes one answer")


def _instructions(req: ir.Request, options: Options) -> tuple[str | None, list[dict[str, Any]]]:
    parts = req.instructions
    if parts is None:
        return None, []
    only = parts[0] if len(parts) == 1 else None
    if isinstance(only, ir.TextPart) and only.cache is None and not only.citations:
        report_foreign_extra(only, FMT, options)
        return only.text, []
    return None, [{"role": "system", "content": _contents(parts, options, output=False)}]


def _input(req: ir.Request, lead: list[dict[str, Any]], options: Options) -> Any:
    msgs = req.messages
    only = msgs[0].parts[0] if len(msgs) == 1 and len(msgs[0].parts) == 1 else None
    string_form = (
        not lead
        and isinstance(only, ir.TextPart)
        and msgs[0].path == json_path(["input"], req.path)
        and _own(only)
    )
    if string_form and isinstance(only, ir.TextPart):
        return only.text
    items = [item for msg in msgs for item in _items(msg, options)]
    if not items and not lead and not msgs and _own(req):
        return None
    return lead + items


def encode_request(req: ir.Request, options: Options) -> ResponseCreateParams:
    """An ir request as a ``POST /v1/responses`` body."""
    own = _own(req)
    if not own:
        _lose_settings(req, options)
    instructions, lead = _instructions(req, options)
    tools = None
    if req.tools is not None:
        tools = [t for t in (_tool(tool, options) for tool in req.tools) if t is not None]
    fields: dict[str, Any] = {
        "model": options.model or req.model or None,
        "instructions": instructions,
        "input": _input(req, lead, options),
        "tools": tools,
        "tool_choice": (
            _tool_choice(req.tool_choice, req.tools, options) if req.tool_choice else None
        ),
        "parallel_tool_calls": parallel_tool_calls(req, bool(tools), FMT, options),
        "max_output_tokens": req.max_tokens,
        "temperature": req.temperature,
        "top_p": req.top_p,
        "top_logprobs": req.top_logprobs,
        "reasoning": _reasoning_config(req.reasoning, options),
        "include": None if own else _include(req),
        "text": {"format": _format(req.output_format, options)} if req.output_format else None,
        "metadata": req.metadata,
        "user": req.user,
        "safety_identifier": req.safety_identifier,
        "prompt_cache_key": req.prompt_cache_key,
        "service_tier": _service_tier(req, req.service_tier, options),
        "store": req.store,
        "stream": req.stream,
    }
    return build(ResponseCreateParams, _wire(req, fields, options), None, FMT)


# --------------------------------------------------------------------------- response


def _message_head(part: ir.Part, options: Options) -> dict[str, Any]:
    head = part.echo.get(FMT, {}).get("message")
    if isinstance(head, Mapping):
        return dict(head)
    return {
        "type": "message",
        "id": options.id_factory("msg_"),
        "role": "assistant",
        "status": "completed",
    }


def _strip_head(part_wire: dict[str, Any], part: ir.Part) -> dict[str, Any]:
    """A content part's wire without the message head it carried (and the copy of a
    ``commentary`` phase the decoder made for other formats' loss reports: see
    :func:`.decode.headed`)."""
    head = part.echo.get(FMT, {}).get("message")
    phase = head.get("phase") if isinstance(head, Mapping) else None
    copied = phase is not None and part.extra.get(FMT, {}).get("phase") == phase
    return {k: v for k, v in part_wire.items() if k != "message" and not (copied and k == "phase")}


def _output(parts: Iterable[ir.Part], options: Options) -> list[Any]:
    items: list[Any] = []
    current: dict[str, Any] | None = None
    for part in parts:
        if isinstance(part, (ir.TextPart, ir.RefusalPart)) or (
            isinstance(part, ir.NativePart) and _own(part)
        ):
            starts = "message" in part.echo.get(FMT, {})
            if current is None or starts:
                current = {**_message_head(part, options), "content": []}
                items.append(current)
            wire = _content_part(part, options, output=True)
            if wire is not None:
                current["content"].append(_strip_head(wire, part))
            continue
        current = None
        item = _part_item(part, options, response=True)
        if item is not None:
            items.append(item)
    return items


def _details(usage: ir.Usage) -> tuple[dict[str, Any], dict[str, Any]]:
    """``input_tokens_details`` and ``output_tokens_details``, which the SDK requires: a count the
    source never gave is written as 0, and is no loss (nothing it said was dropped)."""
    own = _own(usage)
    inputs: dict[str, Any] = {"cached_tokens": usage.cache_read_tokens or 0}
    if usage.cache_write_tokens is not None or not own:
        inputs["cache_write_tokens"] = usage.cache_write_tokens or 0
    return inputs, {"reasoning_tokens": usage.reasoning_tokens or 0}


def _usage(usage: ir.Usage | None, options: Options) -> dict[str, Any] | None:
    if usage is None:
        return None
    if usage.input_tokens is None or usage.output_tokens is None:
        _lose(options, usage, "usage", "Responses usage needs input and output token counts")
        return None
    if usage.web_search_requests is not None:
        options.lose(
            ir.field_path(usage, "web_search_requests"),
            "web_search_requests",
            "Responses usage has no server tool counts",
        )
    inputs, outputs = _details(usage)
    total = usage.total_tokens
    if total is None:
        total = usage.input_tokens + usage.output_tokens
    fields = {
        "input_tokens": usage.input_tokens,
        "input_tokens_details": inputs,
        "output_tokens": usage.output_tokens,
        "output_tokens_details": outputs,
        "total_tokens": total,
    }
    return _wire(usage, fields, options)


_ECHOED = (
    "background",
    "conversation",
    "instructions",
    "max_output_tokens",
    "max_tool_calls",
    "metadata",
    "parallel_tool_calls",
    "previous_response_id",
    "prompt",
    "prompt_cache_key",
    "prompt_cache_retention",
    "reasoning",
    "safety_identifier",
    "temperature",
    "text",
    "tool_choice",
    "tools",
    "top_logprobs",
    "top_p",
    "truncation",
    "user",
)


def _responses_request(request: Any) -> ResponseCreateParams | None:
    if isinstance(request, ResponseCreateParams):
        return request
    if not isinstance(request, dict) or "messages" in request:
        return None
    if isinstance(request.get("prompt"), (str, list)):
        return None
    try:
        return from_wire(ResponseCreateParams, request)
    except InvalidInputError:
        return None


def _echo(options: Options) -> dict[str, Any]:
    """The request fields a ``Response`` repeats (see the module docstring)."""
    fields: dict[str, Any] = {"parallel_tool_calls": True, "tool_choice": "auto", "tools": []}
    req = _responses_request(options.request)
    if req is None:
        return fields
    wire = to_wire(req)
    fields.update({k: wire[k] for k in _ECHOED if wire.get(k) is not None})
    if isinstance(fields.get("conversation"), str):
        fields["conversation"] = {"id": fields["conversation"]}
    return fields


def _status(resp: ir.Response, cand: ir.Candidate | None, options: Options) -> dict[str, Any]:
    """``status`` (+ ``incomplete_details`` / ``error``) of a response from another format."""
    stop = cand.stop_reason if cand is not None else None
    if stop is None:
        return {"status": resp.status}
    if stop in tables.STOP_APPROXIMATED and cand is not None:
        why = f"stop reason {stop!r} has no exact Responses form"
        options.lose(ir.field_path(cand, "stop_reason"), "stop_reason", why)
    if cand is not None and cand.stop_sequence is not None:
        where = ir.field_path(cand, "stop_sequence")
        options.lose(
            where, "stop_sequence", "Responses does not name the stop sequence that matched"
        )
    status, reason = tables.STOP_STATUS[stop]
    fields: dict[str, Any] = {"status": status}
    if reason is not None:
        fields["incomplete_details"] = {"reason": reason}
    if status == "failed":
        fields["error"] = {"code": "server_error", "message": resp.error_message or ""}
    return fields


def encode_response(resp: ir.Response, options: Options) -> Response:
    """An ir response as a Responses ``Response`` (one candidate)."""
    own = _own(resp)
    cand = resp.candidates[0] if resp.candidates else None
    for extra_cand in resp.candidates[1:]:
        _lose(options, extra_cand, "n", "a Responses answer has one candidate")
    if cand is not None:
        report_foreign_extra(cand, FMT, options)
    fields: dict[str, Any] = {} if own else {**_echo(options), **_status(resp, cand, options)}
    if own:
        fields["status"] = resp.status
    created = resp.created if resp.created is not None or own else options.clock()
    resp_id = resp.id if resp.id is not None or own else options.id_factory("resp_")
    fields.update(
        id=resp_id,
        created_at=created,
        model=options.model or resp.model or (None if own else ""),
        output=_output(cand.parts if cand is not None else (), options),
        usage=_usage(resp.usage, options),
        service_tier=None if resp.usage is None else _service_tier(resp.usage, None, options),
    )
    return build(Response, _wire(resp, fields, options), None, FMT)


# --------------------------------------------------------------------------- errors


def encode_error(err: ir.ApiError, options: Options) -> tuple[int, ErrorResponse]:
    """An ir error as (HTTP status, OpenAI error body)
    (:func:`openai_claude_bridge._openai_errors.encode`)."""
    return _openai_errors.encode(err, options, FMT)
