"""Anthropic Messages wire models -> ir: requests, responses and error bodies.

Every wire field with a neutral meaning becomes a neutral ir field; everything else of that wire
object (beta fields, unknown extra fields, and every ``null`` the neutral field could not tell
from "absent") stays in the node's ``extra`` under ``"anthropic"``, so that
:mod:`.encode` writes back exactly the payload that came in.

Conventions worth knowing:

* A field is *consumed* (turned into a neutral field) only when it holds a value; a ``null`` stays
  in ``extra``. Content given as ``[]`` stays in ``extra`` too, so ``[]`` and "absent" (allowed
  for system messages and tool results) stay apart.
* Nested objects the ir has no node for (``metadata``, ``output_config``,
  ``usage.server_tool_use``, the error object) are split: their neutral members become ir fields
  and the rest of the object stays in the parent's ``extra`` under the object's own key, to be
  merged back by the encoder (``server_tool_use``'s rest even when empty: the API leaves
  ``web_fetch_requests`` out for requests without a web fetch tool, and the object comes back
  as it was).
* Blocks, tools and thinking settings only anthropic has travel whole: ``ir.NativePart`` /
  ``Tool(kind="native")`` (whose ``extra`` holds an empty ``"anthropic"`` entry naming the
  format) / the request's ``extra``.
* Every node this decoder makes has an ``"anthropic"`` entry in ``extra``, empty when nothing is
  left over (the convention of ``_codec.is_own``): the encoder tells anthropic's own nodes from
  other formats' by it. A mark names no field, so other formats' encoders report nothing for it.
  It keeps anthropic's leading ``system`` role messages in the conversation (other formats'
  leading system messages are hoisted into ``system``), and anthropic's ``output_config.effort``
  where it was (another format's bare effort becomes a thinking budget).
* Tool-call ids: a ``tool_use.id`` / ``tool_result.tool_use_id`` that is a carrier the encoder
  made (:mod:`.._call_id_carrier`) gives back the original call id and ``call_state`` (e.g. a
  foreign id outside the API's pattern, Gemini's ``extra_content``); any other id is the call id.
  An id that came outside the pattern anyway (which the encoder would carry) is echoed
  (``echo["anthropic"]``), so it is written back as it came.
* Usage ``speed`` and ``inference_geo`` restate the request's settings: they go to ``echo``.
* Usage: the ir's ``input_tokens`` is anthropic's ``input_tokens + cache_read_input_tokens +
  cache_creation_input_tokens``.
* Errors: the kind follows the error type (:data:`.tables.ERROR_TYPE_TO_KIND`); an
  ``invalid_request_error`` whose message starts with "prompt is too long" is
  ``context_length_exceeded``, the context overflow clients compact on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from pydantic import BaseModel
from typing_extensions import assert_never

from .. import _call_id_carrier as call_ids
from .. import ir
from .._codec import leftover
from .._fast_json import compact_json
from ..ir.base import marked
from ..options import Format
from ..wire import json_path, to_wire, wire_fields
from .models.beta import (
    AdvisorToolResultBlock,
    AdvisorToolResultBlockParam,
    CompactionBlock,
    CompactionBlockParam,
    FallbackBlock,
    FallbackBlockParam,
    MCPToolListingBlock,
    MCPToolListingBlockParam,
    MCPToolResultBlock,
    MCPToolUseBlock,
    MCPToolUseBlockParam,
    RequestMCPToolResultBlockParam,
    RequestToolAdditionBlockParam,
    RequestToolRemovalBlockParam,
)
from .models.blocks import (
    BashCodeExecutionToolResultBlock,
    CodeExecutionToolResultBlock,
    ContainerUploadBlock,
    RedactedThinkingBlock,
    ServerToolUseBlock,
    TextBlock,
    TextEditorCodeExecutionToolResultBlock,
    ThinkingBlock,
    ToolSearchToolResultBlock,
    ToolUseBlock,
    WebFetchToolResultBlock,
    WebSearchToolResultBlock,
)
from .models.citations import TextCitation, TextCitationParam
from .models.common import CacheControlEphemeralParam
from .models.config import (
    MetadataParam,
    OutputConfigParam,
    ThinkingConfigAdaptiveParam,
    ThinkingConfigBetweenToolsParam,
    ThinkingConfigDisabledParam,
    ThinkingConfigEnabledParam,
    ThinkingConfigParam,
    UnknownThinkingConfigParam,
)
from .models.content import (
    Base64ImageSourceParam,
    Base64PDFSourceParam,
    BrowserStateBlockParam,
    ContainerUploadBlockParam,
    ContentBlockSourceContentParam,
    ContentBlockSourceParam,
    DocumentBlockParam,
    DocumentBlockSourceParam,
    FileDocumentSourceParam,
    FileImageSourceParam,
    ImageBlockParam,
    ImageBlockSourceParam,
    PlainTextSourceParam,
    RedactedThinkingBlockParam,
    SearchResultBlockParam,
    TextBlockParam,
    ThinkingBlockParam,
    ToolReferenceBlockParam,
    ToolResultBlockParam,
    ToolResultContentBlockParam,
    ToolUseBlockParam,
    UnknownContentBlockSourceContentParam,
    UnknownDocumentBlockSourceParam,
    UnknownImageBlockSourceParam,
    UnknownToolResultContentBlockParam,
    URLImageSourceParam,
    URLPDFSourceParam,
)
from .models.errors import ErrorResponse
from .models.request import (
    AssistantMessageParam,
    ContentBlockParam,
    MessageCreateParams,
    MessageParam,
    SystemMessageContentBlockParam,
    SystemMessageParam,
    UnknownContentBlockParam,
    UnknownSystemMessageContentBlockParam,
    UserMessageParam,
)
from .models.response import ContentBlock, Message, UnknownContentBlock, Usage
from .models.server_tools import (
    BashCodeExecutionToolResultBlockParam,
    CodeExecutionToolResultBlockParam,
    ServerToolUseBlockParam,
    TextEditorCodeExecutionToolResultBlockParam,
    ToolSearchToolResultBlockParam,
    WebFetchToolResultBlockParam,
    WebSearchToolResultBlockParam,
)
from .models.tools import (
    ToolChoiceAnyParam,
    ToolChoiceAutoParam,
    ToolChoiceNoneParam,
    ToolChoiceParam,
    ToolChoiceToolParam,
    ToolParam,
    ToolUnionParam,
    UnknownToolChoiceParam,
)
from .reasoning_carrier import decode_carrier
from .tables import (
    CITATION_FIELDS,
    CONTEXT_OVERFLOW_PREFIX,
    ERROR_TYPE_TO_KIND,
    REQUEST_SERVICE_TIER_TO_IR,
    RESPONSE_SERVICE_TIER_TO_IR,
    STATUS_TO_ERROR_KIND,
    STOP_REASON_TO_IR,
    TOOL_CHOICE_TO_IR,
)

__all__ = ["decode_error", "decode_request", "decode_response"]

FMT: Format = "anthropic"

#: The ``extra`` of a node this decoder made with no fields left over (native tools among them):
#: an empty ``"anthropic"`` entry that names the format.
_MARK: ir.Extra = marked(FMT)


def _given(model: BaseModel, *names: str) -> set[str]:
    """The names among ``names`` whose value is set and not null."""
    return {name for name in names if getattr(model, name) is not None}


def _mark(fields: Mapping[str, Any] | None = None) -> ir.Extra:
    """A node ``extra`` holding ``fields`` under ``"anthropic"``; the entry is there even when
    empty: it marks the node as made by this decoder."""
    return marked(FMT, fields)


def _extra(model: BaseModel, consumed: Collection[str], **residues: Any) -> ir.Extra:
    """The node ``extra`` of ``model``: its unconsumed fields plus the split objects' residues."""
    fields = leftover(model, consumed)
    fields.update(residues)
    return _mark(fields)


def _arguments(value: dict[str, Any]) -> str:
    """A tool input object as the ir's compact JSON text."""
    return compact_json(value)


# --------------------------------------------------------------------------- requests


def decode_request(req: MessageCreateParams, *, path: str = "") -> ir.Request:
    """An anthropic request in neutral form."""
    consumed = {"model", "max_tokens", "messages"}
    consumed |= _given(req, "system", "stop_sequences", "stream", "temperature", "top_p", "top_k")
    consumed |= _given(req, "output_config", "metadata", "service_tier", "tools")
    residues: dict[str, Any] = {}

    reasoning = _thinking(req.thinking, json_path(["thinking"], path))
    if reasoning is not None:
        consumed.add("thinking")
    output_format = None
    if req.output_config is not None:
        reasoning, output_format, residue = _output_config(req.output_config, reasoning, path)
        if residue is not None:
            residues["output_config"] = residue
    user = None
    if req.metadata is not None:
        user, residue = _metadata(req.metadata)
        if residue is not None:
            residues["metadata"] = residue
    tool_choice, parallel = None, None
    if req.tool_choice is not None:
        tool_choice, parallel = _tool_choice(req.tool_choice, json_path(["tool_choice"], path))
        if tool_choice is not None:
            consumed.add("tool_choice")
    instructions = _system(req.system, json_path(["system"], path))
    return ir.Request(
        model=req.model,
        instructions=instructions,
        instructions_text_form=isinstance(req.system, str),
        messages=_messages(req.messages, json_path(["messages"], path)),
        tools=_tools(req.tools, json_path(["tools"], path)),
        tool_choice=tool_choice,
        parallel_tool_calls=parallel,
        max_tokens=req.max_tokens,
        max_tokens_field="max_tokens",
        temperature=req.temperature,
        top_p=req.top_p,
        top_k=req.top_k,
        stop=None if req.stop_sequences is None else tuple(req.stop_sequences),
        reasoning=reasoning,
        output_format=output_format,
        user=user,
        service_tier=None
        if req.service_tier is None
        else REQUEST_SERVICE_TIER_TO_IR[req.service_tier],
        stream=req.stream,
        path=path,
        extra=_extra(req, consumed, **residues),
        field_paths=ir.with_paths(
            {
                "stop": None if req.stop_sequences is None else json_path(["stop_sequences"], path),
                "parallel_tool_calls": None
                if parallel is None
                else json_path(["tool_choice", "disable_parallel_tool_use"], path),
                "user": None if user is None else json_path(["metadata", "user_id"], path),
            }
        ),
    )


def _system(system: str | Sequence[TextBlockParam] | None, path: str) -> tuple[ir.Part, ...] | None:
    """``system`` as the instructions (one text part for the string form)."""
    if system is None:
        return None
    if isinstance(system, str):
        return (ir.TextPart(text=system, path=path, extra=_MARK),)
    return tuple(_text(block, json_path([i], path)) for i, block in enumerate(system))


def _tools(tools: Sequence[ToolUnionParam] | None, path: str) -> tuple[ir.Tool, ...] | None:
    if tools is None:
        return None
    return tuple(_tool(tool, json_path([i], path)) for i, tool in enumerate(tools))


def _output_config(
    config: OutputConfigParam, reasoning: ir.ReasoningConfig | None, path: str
) -> tuple[ir.ReasoningConfig | None, ir.OutputFormat | None, dict[str, Any] | None]:
    """Split ``output_config``: ``effort`` joins the reasoning config (made here when
    ``thinking`` made none), ``format`` is the output format; the rest is the residue kept in
    ``extra`` (also kept, even empty, when nothing was taken, so ``{}`` survives)."""
    taken: set[str] = set()
    if config.effort is not None:
        if reasoning is None:
            where = json_path(["output_config", "effort"], path)
            reasoning = ir.ReasoningConfig(path=where, extra=_MARK)
        reasoning = dataclasses.replace(reasoning, effort=config.effort)
        taken.add("effort")
    output_format = None
    if config.format is not None:
        output_format = ir.OutputFormat(
            kind="json_schema",
            schema=dict(config.format.schema_),
            path=json_path(["output_config", "format"], path),
            extra=_extra(config.format, {"type", "schema"}),
        )
        taken.add("format")
    residue = leftover(config, taken)
    return reasoning, output_format, residue if residue or not taken else None


def _metadata(metadata: MetadataParam) -> tuple[str | None, dict[str, Any] | None]:
    """Split ``metadata`` into the end-user id and the residue kept in ``extra``."""
    if metadata.user_id is None:
        return None, to_wire(metadata)
    residue = leftover(metadata, {"user_id"})
    return metadata.user_id, residue or None


def _thinking(config: ThinkingConfigParam | None, path: str) -> ir.ReasoningConfig | None:
    """``thinking`` as a reasoning config; ``None`` when it has no neutral form (absent, null,
    ``between_tools``, an unknown type)."""
    match config:
        case None | ThinkingConfigBetweenToolsParam() | UnknownThinkingConfigParam():
            return None
        case ThinkingConfigEnabledParam():
            return ir.ReasoningConfig(
                enabled=True,
                budget_tokens=config.budget_tokens,
                path=path,
                extra=_extra(config, {"type", "budget_tokens"}),
            )
        case ThinkingConfigDisabledParam():
            return ir.ReasoningConfig(enabled=False, path=path, extra=_extra(config, {"type"}))
        case ThinkingConfigAdaptiveParam():
            return ir.ReasoningConfig(
                enabled=True, adaptive=True, path=path, extra=_extra(config, {"type"})
            )
        case _:
            assert_never(config)


def _tool_choice(choice: ToolChoiceParam, path: str) -> tuple[ir.ToolChoice | None, bool | None]:
    """``tool_choice`` as (tool choice, parallel_tool_calls); ``(None, None)`` for an unknown
    type."""
    match choice:
        case UnknownToolChoiceParam():
            return None, None
        case ToolChoiceNoneParam():
            mode = TOOL_CHOICE_TO_IR[choice.type]
            return ir.ToolChoice(mode=mode, path=path, extra=_extra(choice, {"type"})), None
        case ToolChoiceAutoParam() | ToolChoiceAnyParam() | ToolChoiceToolParam():
            consumed = {"type", "name"} | _given(choice, "disable_parallel_tool_use")
            disable = choice.disable_parallel_tool_use
            tool_choice = ir.ToolChoice(
                mode=TOOL_CHOICE_TO_IR[choice.type],
                name=choice.name if isinstance(choice, ToolChoiceToolParam) else None,
                path=path,
                extra=_extra(choice, consumed),
            )
            return tool_choice, None if disable is None else not disable
        case _:
            assert_never(choice)


def _tool(tool: ToolUnionParam, path: str) -> ir.Tool:
    """A tool definition: a custom tool is a function; every other tool is native."""
    if isinstance(tool, ToolParam):
        consumed = {"name", "input_schema"} | _given(tool, "description", "strict")
        if tool.cache_control is not None:
            consumed.add("cache_control")
        return ir.Tool(
            kind="function",
            name=tool.name,
            description=tool.description,
            parameters=dict(tool.input_schema),
            strict=tool.strict,
            cache=_cache(tool.cache_control, path),
            path=path,
            extra=_extra(tool, consumed),
        )
    wire = to_wire(tool)
    name = next(
        (wire[key] for key in ("name", "mcp_server_name") if isinstance(wire.get(key), str)),
        tool.type,
    )
    return ir.Tool(kind="native", name=name, native=wire, path=path, extra=_MARK)


def _messages(messages: Sequence[MessageParam], path: str) -> tuple[ir.Message, ...]:
    out: list[ir.Message] = []
    for i, message in enumerate(messages):
        where = json_path([i], path)
        match message:
            case UserMessageParam() | AssistantMessageParam():
                parts, text_form, consumed = _content(message.content, where, _request_block)
                extra = _extra(message, consumed | {"role"})
            case SystemMessageParam():
                parts, text_form, consumed = _content(message.content, where, _system_block)
                extra = _extra(message, consumed | {"role"})
            case _:
                assert_never(message)
        out.append(
            ir.Message(role=message.role, parts=parts, text_form=text_form, path=where, extra=extra)
        )
    return tuple(out)


def _content(
    content: str | Sequence[Any] | None, path: str, block: Any
) -> tuple[tuple[ir.Part, ...], bool, set[str]]:
    """Message or tool-result ``content`` as (parts, text form, consumed field names); ``[]`` and
    ``null`` are not consumed."""
    where = json_path(["content"], path)
    if isinstance(content, str):
        return (ir.TextPart(text=content, path=where, extra=_MARK),), True, {"content"}
    if not content:
        return (), False, set()
    parts = tuple(block(item, json_path([i], where)) for i, item in enumerate(content))
    return parts, False, {"content"}


def _request_block(block: ContentBlockParam, path: str) -> ir.Part:
    match block:
        case TextBlockParam():
            return _text(block, path)
        case ImageBlockParam():
            return _image(block, path)
        case DocumentBlockParam():
            return _document(block, path)
        case ThinkingBlockParam():
            return _thinking_block(block, path)
        case RedactedThinkingBlockParam():
            return _redacted_thinking(block, path)
        case ToolUseBlockParam():
            return _tool_use(block, path)
        case ToolResultBlockParam():
            return _tool_result(block, path)
        case (
            SearchResultBlockParam()
            | ServerToolUseBlockParam()
            | WebSearchToolResultBlockParam()
            | WebFetchToolResultBlockParam()
            | AdvisorToolResultBlockParam()
            | CodeExecutionToolResultBlockParam()
            | BashCodeExecutionToolResultBlockParam()
            | TextEditorCodeExecutionToolResultBlockParam()
            | ToolSearchToolResultBlockParam()
            | MCPToolUseBlockParam()
            | RequestMCPToolResultBlockParam()
            | ContainerUploadBlockParam()
            | CompactionBlockParam()
            | RequestToolAdditionBlockParam()
            | RequestToolRemovalBlockParam()
            | MCPToolListingBlockParam()
            | FallbackBlockParam()
            | UnknownContentBlockParam()
        ):
            return _native(block, path)
        case _:
            assert_never(block)


def _system_block(block: SystemMessageContentBlockParam, path: str) -> ir.Part:
    match block:
        case TextBlockParam():
            return _text(block, path)
        case (
            RequestToolAdditionBlockParam()
            | RequestToolRemovalBlockParam()
            | UnknownSystemMessageContentBlockParam()
        ):
            return _native(block, path)
        case _:
            assert_never(block)


def _tool_result_block(block: ToolResultContentBlockParam, path: str) -> ir.Part:
    match block:
        case TextBlockParam():
            return _text(block, path)
        case ImageBlockParam():
            return _image(block, path)
        case DocumentBlockParam():
            return _document(block, path)
        case (
            SearchResultBlockParam()
            | ToolReferenceBlockParam()
            | BrowserStateBlockParam()
            | UnknownToolResultContentBlockParam()
        ):
            return _native(block, path)
        case _:
            assert_never(block)


def _source_content_block(block: ContentBlockSourceContentParam, path: str) -> ir.Part:
    match block:
        case TextBlockParam():
            return _text(block, path)
        case ImageBlockParam():
            return _image(block, path)
        case UnknownContentBlockSourceContentParam():
            return _native(block, path)
        case _:
            assert_never(block)


def _native(block: BaseModel, path: str) -> ir.NativePart:
    data = to_wire(block)
    return ir.NativePart(format=FMT, kind=str(data.get("type", "")), data=data, path=path)


def _cache(cache: CacheControlEphemeralParam | None, path: str) -> ir.CacheHint | None:
    if cache is None:
        return None
    return ir.CacheHint(
        ttl=cache.ttl,
        path=json_path(["cache_control"], path),
        extra=_extra(cache, {"type"} | _given(cache, "ttl")),
    )


def _text(block: TextBlockParam | TextBlock, path: str) -> ir.TextPart:
    consumed = {"type", "text"}
    cache = None
    if isinstance(block, TextBlockParam) and block.cache_control is not None:
        cache = _cache(block.cache_control, path)
        consumed.add("cache_control")
    citations = None
    if block.citations is not None:
        citations = _citations(block.citations, json_path(["citations"], path))
        if citations is not None:
            consumed.add("citations")
    return ir.TextPart(
        text=block.text,
        cache=cache,
        citations=citations,
        path=path,
        extra=_extra(block, consumed),
    )


def _citations(
    citations: Sequence[TextCitationParam] | Sequence[TextCitation], path: str
) -> tuple[ir.Citation, ...] | None:
    """The citations in neutral form; ``None`` (kept whole in ``extra``) when one of them has a
    type this package does not know."""
    out = []
    for i, citation in enumerate(citations):
        kind = citation.type
        if kind not in CITATION_FIELDS:
            return None
        fields = CITATION_FIELDS[kind]  # type: ignore[index]
        values = {attr: getattr(citation, wire) for wire, attr in fields.items()}
        out.append(
            ir.Citation(
                kind=kind,  # type: ignore[arg-type]
                path=json_path([i], path),
                extra=_extra(citation, {"type"} | _given(citation, *fields)),
                **{attr: value for attr, value in values.items() if value is not None},
            )
        )
    return tuple(out)


def _image(block: ImageBlockParam, path: str) -> ir.Part:
    source = _image_source(block.source, json_path(["source"], path))
    if source is None:
        return _native(block, path)
    consumed = {"type", "source"} | _given(block, "cache_control")
    return ir.ImagePart(
        source=source,
        cache=_cache(block.cache_control, path),
        path=path,
        extra=_extra(block, consumed),
    )


def _image_source(source: ImageBlockSourceParam, path: str) -> ir.MediaSource | None:
    match source:
        case Base64ImageSourceParam():
            return ir.MediaSource(
                kind="base64",
                media_type=source.media_type,
                data=source.data,
                path=path,
                extra=_extra(source, {"type", "media_type", "data"}),
            )
        case URLImageSourceParam():
            return _url_source(source, path)
        case FileImageSourceParam():
            return _file_source(source, path)
        case UnknownImageBlockSourceParam():
            return None
        case _:
            assert_never(source)


def _url_source(source: URLImageSourceParam | URLPDFSourceParam, path: str) -> ir.MediaSource:
    return ir.MediaSource(
        kind="url", url=source.url, path=path, extra=_extra(source, {"type", "url"})
    )


def _file_source(
    source: FileImageSourceParam | FileDocumentSourceParam, path: str
) -> ir.MediaSource:
    return ir.MediaSource(
        kind="file", file_id=source.file_id, path=path, extra=_extra(source, {"type", "file_id"})
    )


def _document(block: DocumentBlockParam, path: str) -> ir.Part:
    source = _document_source(block.source, json_path(["source"], path))
    if source is None:
        return _native(block, path)
    consumed = {"type", "source"} | _given(block, "cache_control", "title", "context")
    enabled = None
    citations = block.citations
    if (
        citations is not None
        and citations.enabled is not None
        and not leftover(citations, {"enabled"})
    ):
        enabled = citations.enabled
        consumed.add("citations")
    return ir.DocumentPart(
        source=source,
        title=block.title,
        context=block.context,
        citations_enabled=enabled,
        cache=_cache(block.cache_control, path),
        path=path,
        extra=_extra(block, consumed),
    )


def _document_source(source: DocumentBlockSourceParam, path: str) -> ir.MediaSource | None:
    match source:
        case Base64PDFSourceParam() | PlainTextSourceParam():
            return ir.MediaSource(
                kind="base64" if isinstance(source, Base64PDFSourceParam) else "text",
                media_type=source.media_type,
                data=source.data,
                path=path,
                extra=_extra(source, {"type", "media_type", "data"}),
            )
        case ContentBlockSourceParam():
            content = source.content
            where = json_path(["content"], path)
            parts: tuple[ir.Part, ...] = ()
            if not isinstance(content, str):
                parts = tuple(
                    _source_content_block(item, json_path([i], where))
                    for i, item in enumerate(content)
                )
            return ir.MediaSource(
                kind="content",
                data=content if isinstance(content, str) else None,
                parts=parts,
                path=path,
                extra=_extra(source, {"type", "content"}),
            )
        case URLPDFSourceParam():
            return _url_source(source, path)
        case FileDocumentSourceParam():
            return _file_source(source, path)
        case UnknownDocumentBlockSourceParam():
            return None
        case _:
            assert_never(source)


def _thinking_block(block: ThinkingBlockParam | ThinkingBlock, path: str) -> ir.ReasoningPart:
    """A thinking block; one whose signature is a carrier restores the reasoning it carries."""
    extra = _extra(block, {"type", "thinking", "signature"})
    carried = decode_carrier(block.thinking, block.signature, path=path)
    if carried is not None:
        return dataclasses.replace(carried, extra=extra)
    return ir.ReasoningPart(
        text=block.thinking,
        signature=block.signature,
        origin=FMT,
        path=path,
        extra=extra,
    )


def _redacted_thinking(
    block: RedactedThinkingBlockParam | RedactedThinkingBlock, path: str
) -> ir.ReasoningPart:
    return ir.ReasoningPart(
        redacted_data=block.data, origin=FMT, path=path, extra=_extra(block, {"type", "data"})
    )


def _tool_use(block: ToolUseBlockParam | ToolUseBlock, path: str) -> ir.ToolCallPart:
    consumed = {"type", "id", "name", "input"}
    cache = None
    if isinstance(block, ToolUseBlockParam) and block.cache_control is not None:
        cache = _cache(block.cache_control, path)
        consumed.add("cache_control")
    call_id, state, echo = _call_id(block.id, "id")
    return ir.ToolCallPart(
        call_id=call_id,
        name=block.name,
        arguments=_arguments(block.input),
        cache=cache,
        path=path,
        extra=_extra(block, consumed),
        echo=echo,
        call_state=state,
    )


def _tool_result(block: ToolResultBlockParam, path: str) -> ir.ToolResultPart:
    content, text_form, consumed = _content(block.content, path, _tool_result_block)
    consumed |= {"type", "tool_use_id"} | _given(block, "is_error", "cache_control")
    call_id, state, echo = _call_id(block.tool_use_id, "tool_use_id")
    return ir.ToolResultPart(
        call_id=call_id,
        content=content,
        text_form=text_form,
        is_error=block.is_error,
        cache=_cache(block.cache_control, path),
        path=path,
        extra=_extra(block, consumed),
        echo=echo,
        call_state=state,
    )


def _call_id(wire_id: str, key: str) -> tuple[str, ir.Extra, ir.Extra]:
    """The call id, call state and ``echo`` of a tool_use ``id`` / tool_result ``tool_use_id``
    (``key``): what a carrier carries (:mod:`.._call_id_carrier`); else the id itself, and in
    ``echo`` the id as it came when the encoder would not write it back so (an id outside the
    API's pattern that anthropic input had anyway)."""
    if call_ids.is_plain(wire_id, call_ids.ANTHROPIC_ID):  # the usual id, told at once
        return wire_id, ir.EMPTY_EXTRA, ir.EMPTY_EXTRA
    carried = call_ids.decode(wire_id, pattern=call_ids.ANTHROPIC_ID)
    if carried is not None:
        return carried[0], carried[1], ir.EMPTY_EXTRA
    if call_ids.encode(wire_id, ir.EMPTY_EXTRA, pattern=call_ids.ANTHROPIC_ID) == wire_id:
        return wire_id, ir.EMPTY_EXTRA, ir.EMPTY_EXTRA
    return wire_id, ir.EMPTY_EXTRA, _mark({key: wire_id})


# --------------------------------------------------------------------------- responses


def decode_response(resp: Message, *, path: str = "") -> ir.Response:
    """An anthropic ``Message`` in neutral form: one candidate."""
    consumed = {"id", "type", "role", "model", "content", "usage"}
    stop_reason = None
    if resp.stop_reason is not None and resp.stop_reason in STOP_REASON_TO_IR:
        stop_reason = STOP_REASON_TO_IR[resp.stop_reason]  # type: ignore[index]
        consumed.add("stop_reason")
    consumed |= _given(resp, "stop_sequence")
    where = json_path(["content"], path)
    candidate = ir.Candidate(
        index=0,
        parts=tuple(_response_block(b, json_path([i], where)) for i, b in enumerate(resp.content)),
        stop_reason=stop_reason,
        stop_sequence=resp.stop_sequence,
        raw_stop_reason=resp.stop_reason if stop_reason is not None else None,
        path=path,
        extra=_MARK,
    )
    return ir.Response(
        id=resp.id,
        model=resp.model,
        candidates=(candidate,),
        usage=_usage(resp.usage, json_path(["usage"], path)),
        path=path,
        extra=_extra(resp, consumed),
    )


def _response_block(block: ContentBlock, path: str) -> ir.Part:
    match block:
        case TextBlock():
            return _text(block, path)
        case ThinkingBlock():
            return _thinking_block(block, path)
        case RedactedThinkingBlock():
            return _redacted_thinking(block, path)
        case ToolUseBlock():
            return _tool_use(block, path)
        case (
            ServerToolUseBlock()
            | WebSearchToolResultBlock()
            | WebFetchToolResultBlock()
            | AdvisorToolResultBlock()
            | CodeExecutionToolResultBlock()
            | BashCodeExecutionToolResultBlock()
            | TextEditorCodeExecutionToolResultBlock()
            | ToolSearchToolResultBlock()
            | MCPToolUseBlock()
            | MCPToolResultBlock()
            | ContainerUploadBlock()
            | CompactionBlock()
            | FallbackBlock()
            | MCPToolListingBlock()
            | UnknownContentBlock()
        ):
            return _native(block, path)
        case _:
            assert_never(block)


def _usage(usage: Usage, path: str) -> ir.Usage:
    consumed = {"input_tokens", "output_tokens"}
    consumed |= _given(usage, "cache_read_input_tokens", "cache_creation_input_tokens")
    residues: dict[str, Any] = {}
    cache_read, cache_write = usage.cache_read_input_tokens, usage.cache_creation_input_tokens
    reasoning = None
    details = usage.output_tokens_details
    if details is not None and not leftover(details, {"thinking_tokens"}):
        reasoning = details.thinking_tokens
        consumed.add("output_tokens_details")
    web_search = None
    if usage.server_tool_use is not None:
        web_search = usage.server_tool_use.web_search_requests
        consumed.add("server_tool_use")
        # kept even when empty: the anthropic encoder writes the object back from it (the API
        # leaves web_fetch_requests out when the request had no web fetch tool)
        residues["server_tool_use"] = leftover(usage.server_tool_use, {"web_search_requests"})
    tier = None
    if usage.service_tier in RESPONSE_SERVICE_TIER_TO_IR:
        tier = RESPONSE_SERVICE_TIER_TO_IR[usage.service_tier]  # type: ignore[index]
        consumed.add("service_tier")
    echo_set = usage.model_fields_set & _USAGE_ECHO
    echoed = wire_fields(usage, echo_set) if echo_set else {}
    consumed |= set(echoed)
    return ir.Usage(
        input_tokens=usage.input_tokens + (cache_read or 0) + (cache_write or 0),
        output_tokens=usage.output_tokens,
        cache_read_tokens=cache_read,
        cache_write_tokens=cache_write,
        reasoning_tokens=reasoning,
        web_search_requests=web_search,
        service_tier=tier,
        path=path,
        extra=_extra(usage, consumed, **residues),
        echo=ir.with_extra(FMT, echoed),
        field_paths=ir.with_paths(
            {
                "web_search_requests": None
                if web_search is None
                else json_path(["server_tool_use", "web_search_requests"], path)
            }
        ),
    )


#: Usage fields that restate the request's settings (the speed mode and the inference region it
#: asked for): kept in ``echo``, restored to anthropic, never reported as lost elsewhere.
_USAGE_ECHO = frozenset({"speed", "inference_geo"})


# --------------------------------------------------------------------------- errors


def decode_error(body: ErrorResponse, *, status: int | None = None, path: str = "") -> ir.ApiError:
    """An anthropic error body (and the HTTP status it came with, where known)."""
    error = body.error
    raw_type = error.type
    kind = ERROR_TYPE_TO_KIND.get(raw_type)  # type: ignore[call-overload]
    message = getattr(error, "message", None)
    if kind is None:
        # An error type this package does not know: keep the whole object for anthropic.
        kind = _kind_for_status(status)
        residue = to_wire(error)
    else:
        residue = leftover(error, {"type", "message"})
    if kind == "invalid_request" and _says_context_overflow(message):
        kind = "context_length_exceeded"
    consumed = {"type", "error"} | _given(body, "request_id")
    residues = {"error": residue} if residue else {}
    return ir.ApiError(
        kind=kind,
        message=message if isinstance(message, str) else "",
        status=status,
        raw_type=raw_type,
        request_id=body.request_id,
        path=path,
        extra=_extra(body, consumed, **residues),
    )


def _says_context_overflow(message: object) -> bool:
    """Whether an ``invalid_request_error`` message is anthropic's "prompt is too long"."""
    return isinstance(message, str) and message.lstrip().lower().startswith(CONTEXT_OVERFLOW_PREFIX)


def _kind_for_status(status: int | None) -> ir.ErrorKind:
    if status is None:
        return "server_error"
    if status in STATUS_TO_ERROR_KIND:
        return STATUS_TO_ERROR_KIND[status]
    return "invalid_request" if 400 <= status < 500 else "server_error"
