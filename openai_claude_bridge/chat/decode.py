"""Chat Completions -> ir: requests, non-streaming responses and error bodies.

Every wire field with a neutral meaning becomes a neutral ir field; everything else of that wire
object (``null`` values, chat-only fields such as ``audio``, ``moderation``, ``verbosity``,
unknown extra fields) stays in the node's ``extra`` under ``"chat"`` (see :mod:`._common` for the
own-format tag, nested leftovers and field provenance), so :mod:`.encode` writes the payload back
exactly. A ``null`` is never read as "absent": it stays a leftover.

The legacy ``functions`` / ``function_call`` request fields become function tools / a tool choice
(their paths say where they came from); ``tool_choice`` wins over ``function_call``.

Messages keep their order and roles: ``system`` / ``developer`` stay messages; a ``tool`` message
is ``Message(role="tool")`` holding one ``ToolResultPart``; a legacy ``function`` message is the
same with the function name as call id (and ``name`` kept in the part's extra). An assistant
message's parts are, in order: reasoning, content, refusal, tool calls, legacy ``function_call``.
A tool call's ``extra_content`` (Gemini's ``google.thought_signature``, which the server needs back
with the call) is its ``call_state`` rather than a leftover (see ``ToolCallPart.call_state``).

Reasoning (provider extensions): a non-empty ``reasoning_details`` list is the source of truth
(one ``ReasoningPart`` per detail: ``reasoning.text`` -> text + signature, ``reasoning.encrypted``
-> ``redacted_data`` when its ``format`` is Anthropic's, else ``encrypted_content``,
``reasoning.summary`` -> one summary; a ``format`` of exactly ``anthropic-claude-v1`` on encrypted
data is implied by ``redacted_data``); a ``reasoning`` string equal to the details' text (as
OpenRouter sends it) is implied by them, any other ``reasoning`` / ``reasoning_content`` stays a
leftover. Without details, ``reasoning_content`` (else
``reasoning``) is one ``ReasoningPart``.

Mistral's ``content`` list of chunks (a response message) is read in order: a text chunk is a
``TextPart``, a thinking chunk a ``ReasoningPart`` (its text chunks joined), any other chunk a
``NativePart``; each part's path is its chunk's (``….content[i]``), which tells the encoder to
write the list back. A tool call without ``type`` (Mistral) is a function call; an ``echo`` mark
(:data:`._common.UNTYPED`) keeps the ``type`` absent on the way back.

Prompt-cache hints are read in both dialects, whatever ``chat_dialect`` says: OpenAI's
``prompt_cache_breakpoint`` and the anthropic-style ``cache_control`` OpenRouter documents, on
text, image and file parts, become the part's ``CacheHint`` (with its ``ttl``); the hint's path
ends in the field it came from (see :func:`_cache`).
A response choice's ``stop_reason`` string (vLLM / SGLang: the stop string that matched, next to
``finish_reason: "stop"``) makes the candidate stop with ``stop_sequence`` and that string; a
token id or ``null`` there stays a leftover. A ``finish_reason`` other servers say instead of
chat's (``end``, ``eos``, ``tool_call`` …) reads as the stop it means, following the tool calls
the choice emitted (:func:`.tables.read_finish_reason`); the literal value stays in
``raw_stop_reason``, which the chat encoder writes back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from typing_extensions import assert_never

from .. import _openai_errors, ir
from ..ir.base import with_extra
from ..wire import from_wire, json_path, to_wire
from ._common import (
    ANTHROPIC_REASONING_FORMAT,
    FMT,
    NO_REASONING_TEXT,
    UNTYPED,
    call_state,
    given,
    parse_data_url,
    reasoning_text,
    rest,
    tag,
    tool_kind_of,
)
from .models.content import (
    ChatCompletionContentPartImageParam,
    ChatCompletionContentPartInputAudioParam,
    ChatCompletionContentPartParam,
    ChatCompletionContentPartRefusalParam,
    ChatCompletionContentPartTextParam,
    ContentArrayOfContentPart,
    File,
    FileFile,
    UnknownContentPart,
)
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
    UnknownReasoningDetail,
)
from .models.messages import (
    ChatCompletionAssistantMessageParam,
    ChatCompletionDeveloperMessageParam,
    ChatCompletionFunctionMessageParam,
    ChatCompletionMessageParam,
    ChatCompletionSystemMessageParam,
    ChatCompletionToolMessageParam,
    ChatCompletionUserMessageParam,
    FunctionCall,
)
from .models.request import CompletionCreateParams
from .models.response import (
    AnnotationUnion,
    ChatCompletion,
    ChatCompletionMessage,
    ChatCompletionTokenLogprob,
    Choice,
    TopLogprob,
    UnknownAnnotation,
)
from .models.shared import (
    ResponseFormat,
    ResponseFormatJSONObject,
    ResponseFormatJSONSchema,
    ResponseFormatText,
    UnknownResponseFormat,
)
from .models.tools import (
    ChatCompletionAllowedToolChoiceParam,
    ChatCompletionCustomToolParam,
    ChatCompletionFunctionToolParam,
    ChatCompletionMessageCustomToolCall,
    ChatCompletionMessageCustomToolCallParam,
    ChatCompletionMessageFunctionToolCall,
    ChatCompletionMessageFunctionToolCallParam,
    ChatCompletionNamedToolChoiceCustomParam,
    ChatCompletionNamedToolChoiceParam,
    ChatCompletionToolChoiceOptionParam,
    ChatCompletionToolUnionParam,
    CompletionCreateParamsFunction,
    CompletionCreateParamsFunctionCall,
    CustomFormat,
    CustomFormatGrammar,
    CustomFormatText,
    UnknownCustomFormat,
    UnknownTool,
    UnknownToolCall,
    UnknownToolChoice,
)
from .models.usage import CompletionUsage
from .tables import matched_stop_sequence, read_finish_reason

__all__ = ["decode_error", "decode_request", "decode_response"]

#: Request fields copied to the ir field of the same name when they are not ``null``.
_SCALARS = (
    "temperature",
    "top_p",
    "seed",
    "frequency_penalty",
    "presence_penalty",
    "n",
    "logprobs",
    "top_logprobs",
    "user",
    "safety_identifier",
    "prompt_cache_key",
    "service_tier",
    "store",
    "stream",
    "parallel_tool_calls",
)
_DICTS = ("logit_bias", "metadata")

_AnyToolCall = Union[
    ChatCompletionMessageFunctionToolCallParam,
    ChatCompletionMessageCustomToolCallParam,
    ChatCompletionMessageFunctionToolCall,
    ChatCompletionMessageCustomToolCall,
    UnknownToolCall,
]


def _at(prefix: str, *parts: str | int) -> str:
    return json_path(parts, prefix)


# --------------------------------------------------------------------------- requests


def decode_request(req: CompletionCreateParams, *, path: str = "") -> ir.Request:
    """A chat create request in neutral form."""
    req = from_wire(CompletionCreateParams, req, path=path)
    present = given(req, *_SCALARS, *_DICTS)
    consumed = {"model", "messages", *present}
    fields: dict[str, Any] = {name: getattr(req, name) for name in present}
    for name in _DICTS:
        if name in fields:
            fields[name] = dict(fields[name])
    messages = tuple(_message(msg, _at(path, "messages", i)) for i, msg in enumerate(req.messages))
    tools, tools_consumed = _tools(req, path)
    if tools_consumed:
        fields["tools"] = tools
        consumed |= tools_consumed
    if req.tool_choice is not None:
        choice = _tool_choice(req.tool_choice, fields.get("tools"), _at(path, "tool_choice"))
        if choice is not None:
            fields["tool_choice"] = choice
            consumed.add("tool_choice")
    if "tool_choice" not in consumed and req.function_call is not None:
        fields["tool_choice"] = _legacy_choice(req.function_call, _at(path, "function_call"))
        consumed.add("function_call")
    for name in ("max_completion_tokens", "max_tokens"):
        value = getattr(req, name)
        if value is not None:
            fields["max_tokens"], fields["max_tokens_field"] = value, name
            consumed.add(name)
            break
    if req.stop is not None:
        text_form = isinstance(req.stop, str)
        fields["stop"] = (req.stop,) if isinstance(req.stop, str) else tuple(req.stop)
        fields["stop_text_form"] = text_form
        consumed.add("stop")
    if req.reasoning_effort is not None:
        fields["reasoning"] = ir.ReasoningConfig(
            effort=req.reasoning_effort, path=_at(path, "reasoning_effort"), extra=tag({})
        )
        consumed.add("reasoning_effort")
    if req.response_format is not None:
        output = _output_format(req.response_format, _at(path, "response_format"))
        if output is not None:
            fields["output_format"] = output
            consumed.add("response_format")
    stream_rest: dict[str, Any] = {}
    if req.stream_options is not None and req.stream_options.include_usage is not None:
        fields["include_usage"] = req.stream_options.include_usage
        stream_rest = rest(req.stream_options, {"include_usage"})
        consumed.add("stream_options")
    return ir.Request(
        model=req.model,
        messages=messages,
        path=path,
        extra=tag(rest(req, consumed, stream_options=stream_rest)),
        field_paths=ir.with_paths(
            {
                "max_tokens": _at(path, fields["max_tokens_field"])
                if "max_tokens_field" in fields
                else None,
                "include_usage": _at(path, "stream_options", "include_usage")
                if "include_usage" in fields
                else None,
            }
        ),
        **fields,
    )


def _message(msg: ChatCompletionMessageParam, path: str) -> ir.Message:
    match msg:
        case ChatCompletionSystemMessageParam() | ChatCompletionDeveloperMessageParam():
            parts, text_form = _texts(msg.content, _at(path, "content"))
            return ir.Message(
                role=msg.role,
                parts=parts,
                text_form=text_form,
                name=msg.name,
                path=path,
                extra=tag(rest(msg, {"role", "content", *given(msg, "name")})),
            )
        case ChatCompletionUserMessageParam():
            return _user(msg, path)
        case ChatCompletionAssistantMessageParam():
            return _assistant(msg, path)
        case ChatCompletionToolMessageParam():
            content, text_form = _texts(msg.content, _at(path, "content"))
            result = ir.ToolResultPart(
                call_id=msg.tool_call_id,
                content=content,
                text_form=text_form,
                path=path,
                extra=tag({}),
            )
            return ir.Message(
                role="tool",
                parts=(result,),
                path=path,
                extra=tag(rest(msg, {"role", "content", "tool_call_id"})),
            )
        case ChatCompletionFunctionMessageParam():
            return _function_result(msg, path)
        case _:
            assert_never(msg)


def _function_result(msg: ChatCompletionFunctionMessageParam, path: str) -> ir.Message:
    content: tuple[ir.Part, ...] = ()
    if msg.content is not None:
        content = (_text(msg.content, _at(path, "content")),)
    result = ir.ToolResultPart(
        call_id=msg.name,
        content=content,
        text_form=msg.content is not None,
        path=path,
        extra=tag({"name": msg.name}),
    )
    consumed = {"role", "name", *given(msg, "content")}
    return ir.Message(role="tool", parts=(result,), path=path, extra=tag(rest(msg, consumed)))


def _user(msg: ChatCompletionUserMessageParam, path: str) -> ir.Message:
    parts: tuple[ir.Part, ...]
    if isinstance(msg.content, str):
        parts = (_text(msg.content, _at(path, "content")),)
    else:
        parts = tuple(
            _user_part(part, _at(path, "content", i)) for i, part in enumerate(msg.content)
        )
    return ir.Message(
        role="user",
        parts=parts,
        text_form=isinstance(msg.content, str),
        name=msg.name,
        path=path,
        extra=tag(rest(msg, {"role", "content", *given(msg, "name")})),
    )


def _text(text: str, path: str) -> ir.TextPart:
    return ir.TextPart(text=text, path=path, extra=tag({}))


def _texts(
    content: str | list[ChatCompletionContentPartTextParam], path: str
) -> tuple[tuple[ir.Part, ...], bool]:
    if isinstance(content, str):
        return (_text(content, path),), True
    return tuple(_text_part(part, _at(path, i)) for i, part in enumerate(content)), False


def _text_part(part: ChatCompletionContentPartTextParam, path: str) -> ir.TextPart:
    cache = _cache(part, path)
    return ir.TextPart(
        text=part.text,
        cache=cache.hint,
        path=path,
        extra=tag(rest(part, {"type", "text", *cache.consumed})),
        echo=cache.echo,
    )


_Cacheable = Union[
    ChatCompletionContentPartTextParam,
    ChatCompletionContentPartImageParam,
    File,
]


@dataclass(frozen=True, slots=True)
class _Cache:
    """A content part's cache hint, the wire fields it was read from, and the part's ``echo``."""

    hint: ir.CacheHint | None = None
    consumed: frozenset[str] = frozenset()
    echo: ir.Extra = field(default_factory=lambda: ir.EMPTY_EXTRA)


def _cache(part: _Cacheable, path: str) -> _Cache:
    """The prompt-cache hint of ``part``, in whichever dialect it came: OpenAI's
    ``prompt_cache_breakpoint`` or OpenRouter's anthropic-style ``cache_control``. The hint's path
    names its field, so :mod:`.encode` writes it back in that one. A part marked in both dialects
    has one breakpoint said twice: the hint is the official field's, the other is ``echo``
    (restored to chat, silently left out elsewhere)."""
    breakpoint, control = part.prompt_cache_breakpoint, part.cache_control
    if breakpoint is not None:
        hint = ir.CacheHint(
            ttl=breakpoint.ttl,
            path=_at(path, "prompt_cache_breakpoint"),
            extra=tag(rest(breakpoint, {"mode", *given(breakpoint, "ttl")})),
        )
        if control is None:
            return _Cache(hint, frozenset({"prompt_cache_breakpoint"}))
        both = frozenset({"prompt_cache_breakpoint", "cache_control"})
        return _Cache(hint, both, with_extra(FMT, {"cache_control": to_wire(control)}))
    if control is not None:
        hint = ir.CacheHint(
            ttl=control.ttl,
            path=_at(path, "cache_control"),
            extra=tag(rest(control, {"type", *given(control, "ttl")})),
        )
        return _Cache(hint, frozenset({"cache_control"}))
    return _Cache()


def _user_part(part: ChatCompletionContentPartParam, path: str) -> ir.Part:
    match part:
        case ChatCompletionContentPartTextParam():
            return _text_part(part, path)
        case ChatCompletionContentPartImageParam():
            image = part.image_url
            source = _url_source(
                image.url, _at(path, "image_url"), rest(image, {"url", *given(image, "detail")})
            )
            cache = _cache(part, path)
            return ir.ImagePart(
                source=source,
                detail=image.detail,
                cache=cache.hint,
                path=path,
                field_paths=ir.with_paths({"detail": _at(path, "image_url", "detail")}),
                extra=tag(rest(part, {"type", "image_url", *cache.consumed})),
                echo=cache.echo,
            )
        case ChatCompletionContentPartInputAudioParam():
            audio = part.input_audio
            return ir.AudioPart(
                data=audio.data,
                format=audio.format,
                path=path,
                extra=tag(
                    rest(part, {"type", "input_audio"}, input_audio=rest(audio, {"data", "format"}))
                ),
            )
        case File():
            cache = _cache(part, path)
            return ir.DocumentPart(
                source=_file_source(part.file, _at(path, "file")),
                cache=cache.hint,
                path=path,
                extra=tag(rest(part, {"type", "file", *cache.consumed})),
                echo=cache.echo,
            )
        case UnknownContentPart():
            return _native(part.type, to_wire(part), path)
        case _:
            assert_never(part)


def _native(kind: str, data: dict[str, Any], path: str) -> ir.NativePart:
    return ir.NativePart(format=FMT, kind=kind, data=data, path=path, extra=tag({}))


def _url_source(url: str, path: str, leftovers: dict[str, Any]) -> ir.MediaSource:
    parsed = parse_data_url(url)
    if parsed is None:
        return ir.MediaSource(kind="url", url=url, path=path, extra=tag(leftovers))
    media_type, data = parsed
    return ir.MediaSource(
        kind="base64", media_type=media_type, data=data, path=path, extra=tag(leftovers)
    )


def _file_source(file: FileFile, path: str) -> ir.MediaSource:
    media_type, data = None, file.file_data
    if file.file_data is not None:
        parsed = parse_data_url(file.file_data)
        if parsed is not None:
            media_type, data = parsed
    return ir.MediaSource(
        kind="base64" if file.file_data is not None else "file",
        media_type=media_type,
        data=data,
        file_id=file.file_id,
        filename=file.filename,
        path=path,
        extra=tag(rest(file, given(file, "file_data", "file_id", "filename"))),
    )


def _assistant(msg: ChatCompletionAssistantMessageParam, path: str) -> ir.Message:
    parts, consumed, marks = _reasoning(msg, path)
    consumed |= {"role", *given(msg, "name")}
    if isinstance(msg.content, str):
        parts.append(_text(msg.content, _at(path, "content")))
        consumed.add("content")
    elif msg.content:
        parts.extend(
            _assistant_part(part, _at(path, "content", i)) for i, part in enumerate(msg.content)
        )
        consumed.add("content")
    tail, tail_consumed = _tail(msg.refusal, msg.tool_calls, msg.function_call, path)
    return ir.Message(
        role="assistant",
        parts=(*parts, *tail),
        text_form=isinstance(msg.content, str),
        name=msg.name,
        path=path,
        extra=tag({**rest(msg, consumed | tail_consumed), **marks}),
    )


def _assistant_part(part: ContentArrayOfContentPart, path: str) -> ir.Part:
    match part:
        case ChatCompletionContentPartTextParam():
            return _text_part(part, path)
        case ChatCompletionContentPartRefusalParam():
            return ir.RefusalPart(
                text=part.refusal, path=path, extra=tag(rest(part, {"type", "refusal"}))
            )
        case UnknownContentPart():
            return _native(part.type, to_wire(part), path)
        case _:
            assert_never(part)


def _tail(
    refusal: str | None,
    tool_calls: list[Any] | None,
    function_call: FunctionCall | None,
    path: str,
) -> tuple[list[ir.Part], set[str]]:
    """The refusal, tool-call and legacy function-call parts of an assistant turn."""
    parts: list[ir.Part] = []
    consumed: set[str] = set()
    if refusal:  # an empty refusal (some compatible servers send "") is no refusal
        parts.append(ir.RefusalPart(text=refusal, path=_at(path, "refusal"), extra=tag({})))
        consumed.add("refusal")
    if tool_calls:
        parts.extend(
            _tool_call(call, _at(path, "tool_calls", i)) for i, call in enumerate(tool_calls)
        )
        consumed.add("tool_calls")
    if function_call is not None:
        parts.append(
            ir.ToolCallPart(
                call_id=function_call.name,
                name=function_call.name,
                arguments=function_call.arguments,
                path=_at(path, "function_call"),
                extra=tag(rest(function_call, {"name", "arguments"})),
            )
        )
        consumed.add("function_call")
    return parts, consumed


def _tool_call(call: _AnyToolCall, path: str) -> ir.Part:
    match call:
        case ChatCompletionMessageFunctionToolCallParam() | ChatCompletionMessageFunctionToolCall():
            function = call.function
            state = call_state(call)
            untyped = "type" not in call.model_fields_set  # Mistral's: a function call
            typed = {"type"} if call.type is not None else set()  # a null stays a leftover
            return ir.ToolCallPart(
                call_id=call.id,
                name=function.name,
                arguments=function.arguments,
                path=path,
                field_paths=ir.with_paths({"arguments": _at(path, "function", "arguments")}),
                extra=tag(
                    rest(
                        call,
                        {"id", *typed, "function", *state},
                        function=rest(function, {"name", "arguments"}),
                    )
                ),
                call_state=with_extra(FMT, state),
                echo=with_extra(FMT, {UNTYPED: True} if untyped else {}),
            )
        case ChatCompletionMessageCustomToolCallParam() | ChatCompletionMessageCustomToolCall():
            custom = call.custom
            state = call_state(call)
            return ir.ToolCallPart(
                call_id=call.id,
                name=custom.name,
                arguments=custom.input,
                kind="custom",
                path=path,
                field_paths=ir.with_paths({"arguments": _at(path, "custom", "input")}),
                extra=tag(
                    rest(
                        call,
                        {"id", "type", "custom", *state},
                        custom=rest(custom, {"name", "input"}),
                    )
                ),
                call_state=with_extra(FMT, state),
            )
        case UnknownToolCall():
            return _native(call.type, to_wire(call), path)
        case _:
            assert_never(call)


def _reasoning(
    msg: ChatCompletionAssistantMessageParam | ChatCompletionMessage, path: str
) -> tuple[list[ir.Part], set[str], dict[str, Any]]:
    """The reasoning parts of an assistant turn, the wire fields they came from, and the marks
    for the turn's extras (see ``NO_REASONING_TEXT``)."""
    if msg.reasoning_details:
        details = msg.reasoning_details
        parts = [_detail(d, _at(path, "reasoning_details", i)) for i, d in enumerate(details)]
        implied = reasoning_text(parts)
        if msg.reasoning is not None and msg.reasoning == implied:
            return parts, {"reasoning_details", "reasoning"}, {}
        if "reasoning" not in msg.model_fields_set and implied is not None:
            return parts, {"reasoning_details"}, {NO_REASONING_TEXT: True}
        return parts, {"reasoning_details"}, {}
    for name, value in (("reasoning_content", msg.reasoning_content), ("reasoning", msg.reasoning)):
        if value is not None:
            part = ir.ReasoningPart(text=value, origin=FMT, path=_at(path, name), extra=tag({}))
            return [part], {name}, {}
    return [], set(), {}


def _detail(detail: ReasoningDetail, path: str) -> ir.Part:
    match detail:
        case ReasoningDetailText():
            return ir.ReasoningPart(
                text=detail.text,
                signature=detail.signature,
                item_id=detail.id,
                origin=FMT,
                path=path,
                extra=tag(rest(detail, {"type", *given(detail, "text", "signature", "id")})),
            )
        case ReasoningDetailEncrypted():
            redacted = (detail.format or "").startswith("anthropic")
            consumed = {"type", "data", *given(detail, "id")}
            if detail.format == ANTHROPIC_REASONING_FORMAT:
                consumed.add("format")  # implied by redacted_data; written back by the encoder
            return ir.ReasoningPart(
                redacted_data=detail.data if redacted else None,
                encrypted_content=None if redacted else detail.data,
                item_id=detail.id,
                origin=FMT,
                path=path,
                extra=tag(rest(detail, consumed)),
            )
        case ReasoningDetailSummary():
            return ir.ReasoningPart(
                summary=(detail.summary,),
                item_id=detail.id,
                origin=FMT,
                path=path,
                extra=tag(rest(detail, {"type", "summary", *given(detail, "id")})),
            )
        case UnknownReasoningDetail():
            return _native(detail.type, to_wire(detail), path)
        case _:
            assert_never(detail)


def _tools(req: CompletionCreateParams, path: str) -> tuple[tuple[ir.Tool, ...], set[str]]:
    """``tools`` followed by the legacy ``functions`` (non-empty only), and the fields used. An
    empty ``tools`` next to legacy functions stays a leftover (the encoder writes ``tools`` only
    when it has a tool for it or the request had no legacy functions)."""
    tools: list[ir.Tool] = []
    consumed: set[str] = set()
    if req.tools is not None and (req.tools or not req.functions):
        tools.extend(_tool(t, _at(path, "tools", i)) for i, t in enumerate(req.tools))
        consumed.add("tools")
    if req.functions:
        tools.extend(
            _legacy_tool(f, _at(path, "functions", i)) for i, f in enumerate(req.functions)
        )
        consumed.add("functions")
    return tuple(tools), consumed


def _legacy_tool(function: CompletionCreateParamsFunction, path: str) -> ir.Tool:
    return ir.Tool(
        kind="function",
        name=function.name,
        description=function.description,
        parameters=function.parameters,
        path=path,
        extra=tag(rest(function, {"name", *given(function, "description", "parameters")})),
    )


def _legacy_choice(choice: CompletionCreateParamsFunctionCall, path: str) -> ir.ToolChoice:
    if isinstance(choice, str):
        return ir.ToolChoice(mode=choice, path=path, extra=tag({}))
    return ir.ToolChoice(
        mode="tool", name=choice.name, path=path, extra=tag(rest(choice, {"name"}))
    )


def _tool(tool: ChatCompletionToolUnionParam, path: str) -> ir.Tool:
    match tool:
        case ChatCompletionFunctionToolParam():
            function = tool.function
            inner = {"name", *given(function, "description", "parameters", "strict")}
            return ir.Tool(
                kind="function",
                name=function.name,
                description=function.description,
                parameters=function.parameters,
                strict=function.strict,
                path=path,
                extra=tag(rest(tool, {"type", "function"}, function=rest(function, inner))),
            )
        case ChatCompletionCustomToolParam():
            custom = tool.custom
            custom_format = _custom_format(custom.format)
            inner = {"name", *given(custom, "description")}
            if custom_format is not None:
                inner.add("format")
            return ir.Tool(
                kind="custom",
                name=custom.name,
                description=custom.description,
                custom_format=custom_format,
                path=path,
                extra=tag(rest(tool, {"type", "custom"}, custom=rest(custom, inner))),
            )
        case UnknownTool():
            return ir.Tool(
                kind="native", name=tool.type, native=to_wire(tool), path=path, extra=tag({})
            )
        case _:
            assert_never(tool)


def _custom_format(fmt: CustomFormat | None) -> dict[str, Any] | None:
    """A custom tool's input format in the ir's shape (Responses' flat ``{"type": "grammar",
    "syntax", "definition"}``), or ``None`` when it has fields beyond that (kept as a leftover)."""
    match fmt:
        case None | UnknownCustomFormat():
            return None
        case CustomFormatText():
            return {"type": "text"} if to_wire(fmt) == {"type": "text"} else None
        case CustomFormatGrammar():
            grammar = fmt.grammar
            if set(to_wire(fmt)) != {"type", "grammar"} or set(to_wire(grammar)) != {
                "definition",
                "syntax",
            }:
                return None
            return {"type": "grammar", "syntax": grammar.syntax, "definition": grammar.definition}
        case _:
            assert_never(fmt)


def _tool_choice(
    choice: ChatCompletionToolChoiceOptionParam,
    tools: tuple[ir.Tool, ...] | None,
    path: str,
) -> ir.ToolChoice | None:
    match choice:
        case "auto" | "none" | "required":
            return ir.ToolChoice(mode=choice, path=path, extra=tag({}))
        case ChatCompletionNamedToolChoiceParam():
            return ir.ToolChoice(
                mode="tool",
                name=choice.function.name,
                path=path,
                extra=tag(
                    rest(choice, {"type", "function"}, function=rest(choice.function, {"name"}))
                ),
            )
        case ChatCompletionNamedToolChoiceCustomParam():
            return ir.ToolChoice(
                mode="tool",
                name=choice.custom.name,
                tool_kind="custom",
                path=path,
                extra=tag(rest(choice, {"type", "custom"}, custom=rest(choice.custom, {"name"}))),
            )
        case ChatCompletionAllowedToolChoiceParam():
            return _allowed(choice, tools, path)
        case UnknownToolChoice():
            return None
        case _:
            assert_never(choice)


def _allowed(
    choice: ChatCompletionAllowedToolChoiceParam, tools: tuple[ir.Tool, ...] | None, path: str
) -> ir.ToolChoice | None:
    """``allowed_tools`` as names; ``None`` (kept whole as a leftover) unless every reference is
    the plain ``{"type": kind, kind: {"name": ...}}`` whose kind the tools imply."""
    allowed = choice.allowed_tools
    names: list[str] = []
    for ref in allowed.tools:
        kind = ref.get("type")
        if not isinstance(kind, str) or set(ref) != {"type", kind}:
            return None
        body = ref[kind]
        if not isinstance(body, dict) or set(body) != {"name"}:
            return None
        name = body["name"]
        if not isinstance(name, str) or tool_kind_of(name, tools) != kind:
            return None
        names.append(name)
    return ir.ToolChoice(
        mode="allowed",
        allowed=tuple(names),
        allowed_required=allowed.mode == "required",
        path=path,
        extra=tag(
            rest(choice, {"type", "allowed_tools"}, allowed_tools=rest(allowed, {"mode", "tools"}))
        ),
    )


def _output_format(fmt: ResponseFormat, path: str) -> ir.OutputFormat | None:
    match fmt:
        case ResponseFormatText():
            return ir.OutputFormat(kind="text", path=path, extra=tag(rest(fmt, {"type"})))
        case ResponseFormatJSONObject():
            return ir.OutputFormat(kind="json_object", path=path, extra=tag(rest(fmt, {"type"})))
        case ResponseFormatJSONSchema():
            schema = fmt.json_schema
            inner = {"name", *given(schema, "description", "strict")}
            if schema.schema_ is not None:
                inner.add("schema")
            return ir.OutputFormat(
                kind="json_schema",
                name=schema.name,
                schema=schema.schema_,
                strict=schema.strict,
                description=schema.description,
                path=path,
                extra=tag(rest(fmt, {"type", "json_schema"}, json_schema=rest(schema, inner))),
            )
        case UnknownResponseFormat():
            return None
        case _:
            assert_never(fmt)


# --------------------------------------------------------------------------- responses


def decode_response(resp: ChatCompletion, *, path: str = "") -> ir.Response:
    """A chat completion in neutral form: one candidate per choice."""
    resp = from_wire(ChatCompletion, resp, path=path)
    consumed = {
        "id",
        "choices",
        "created",
        "model",
        "object",
        *given(resp, "usage", "service_tier"),
    }
    return ir.Response(
        id=resp.id,
        model=resp.model,
        created=resp.created,
        candidates=tuple(
            _candidate(choice, _at(path, "choices", i)) for i, choice in enumerate(resp.choices)
        ),
        usage=_usage(resp.usage, resp.service_tier, _at(path, "usage")),
        path=path,
        extra=tag(rest(resp, {*consumed, *ECHO})),
        echo=with_extra(FMT, {key: getattr(resp, key) for key in ECHO & resp.model_fields_set}),
    )


#: Fields of a completion that identify the serving backend rather than say anything about the
#: answer: restored to a chat client, never reported as lost to another.
ECHO = frozenset({"system_fingerprint"})


def _usage(usage: CompletionUsage | None, tier: str | None, path: str) -> ir.Usage | None:
    """The usage, with the completion's top-level ``service_tier`` (said beside it)."""
    paths = ir.with_paths({"service_tier": None if tier is None else _parent(path, "service_tier")})
    if usage is None:
        if tier is None:
            return None
        return ir.Usage(service_tier=tier, path=path, extra=tag({}), field_paths=paths)
    consumed = {"prompt_tokens", "completion_tokens", "total_tokens"}
    prompt, completion = usage.prompt_tokens_details, usage.completion_tokens_details
    prompt_used = given(prompt, "cached_tokens", "cache_write_tokens") if prompt else set()
    completion_used = given(completion, "reasoning_tokens") if completion else set()
    nested: dict[str, dict[str, Any]] = {}
    if prompt is not None and prompt_used:
        consumed.add("prompt_tokens_details")
        nested["prompt_tokens_details"] = rest(prompt, prompt_used)
    if completion is not None and completion_used:
        consumed.add("completion_tokens_details")
        nested["completion_tokens_details"] = rest(completion, completion_used)
    return ir.Usage(
        input_tokens=usage.prompt_tokens,
        output_tokens=usage.completion_tokens,
        total_tokens=usage.total_tokens,
        cache_read_tokens=prompt.cached_tokens if prompt else None,
        cache_write_tokens=prompt.cache_write_tokens if prompt else None,
        reasoning_tokens=completion.reasoning_tokens if completion else None,
        service_tier=tier,
        path=path,
        extra=tag(rest(usage, consumed, **nested)),
        field_paths=paths,
    )


def _parent(path: str, name: str) -> str:
    """The path of the field ``name`` beside the one at ``path``."""
    head, _, _ = path.rpartition(".")
    return _at(head, name)


def _candidate(choice: Choice, path: str) -> ir.Candidate:
    consumed = {"index", "message"}
    message, logprobs = choice.message, choice.logprobs
    text_logprobs: tuple[ir.TokenLogprob, ...] | None = None
    logprobs_rest: dict[str, Any] = {}
    if logprobs is not None and logprobs.content is not None and isinstance(message.content, str):
        lp_path = _at(path, "logprobs", "content")
        text_logprobs = tuple(_token(t, _at(lp_path, i)) for i, t in enumerate(logprobs.content))
        logprobs_rest = rest(logprobs, {"content"})
        consumed.add("logprobs")
    parts, message_consumed, marks = _response_message(message, text_logprobs, _at(path, "message"))
    finish = choice.finish_reason
    called = any(isinstance(part, ir.ToolCallPart) for part in parts)
    stop = None if finish is None else read_finish_reason(finish, called=called)
    if finish is None or stop is not None:
        consumed.add("finish_reason")
    matched = matched_stop_sequence(finish, choice.stop_reason)
    if matched is not None:
        stop = "stop_sequence"
        consumed.add("stop_reason")
    return ir.Candidate(
        index=choice.index,
        parts=tuple(parts),
        stop_reason=stop,
        stop_sequence=matched,
        raw_stop_reason=finish,
        path=path,
        field_paths=ir.with_paths(
            {
                "stop_reason": _at(path, "finish_reason")
                if "finish_reason" in choice.model_fields_set
                else path,
                "stop_sequence": None if matched is None else _at(path, "stop_reason"),
            }
        ),
        extra=tag(
            rest(
                choice,
                consumed,
                message={**rest(message, message_consumed), **marks},
                logprobs=logprobs_rest,
            )
        ),
    )


def _response_message(
    msg: ChatCompletionMessage, logprobs: tuple[ir.TokenLogprob, ...] | None, path: str
) -> tuple[list[ir.Part], set[str], dict[str, Any]]:
    parts, consumed, marks = _reasoning(msg, path)
    consumed.add("role")
    if isinstance(msg.content, list):
        parts.extend(content_chunk(c, _at(path, "content", i)) for i, c in enumerate(msg.content))
        if msg.content:  # an empty list stays a leftover: no part says it
            consumed.add("content")
    elif msg.content is not None:
        citations = _citations(msg.annotations, path)
        if citations is not None:
            consumed.add("annotations")
        parts.append(
            ir.TextPart(
                text=msg.content,
                citations=citations,
                logprobs=logprobs,
                path=_at(path, "content"),
                extra=tag({}),
            )
        )
        consumed.add("content")
    tail, tail_consumed = _tail(msg.refusal, msg.tool_calls, msg.function_call, path)
    return [*parts, *tail], consumed | tail_consumed, marks


def content_chunk(chunk: ContentChunk, path: str) -> ir.Part:
    """One chunk of a Mistral ``content`` list: a text chunk is text, a thinking chunk reasoning
    (its text chunks joined), any other chunk a native part."""
    match chunk:
        case TextChunk():
            return ir.TextPart(text=chunk.text, path=path, extra=tag(rest(chunk, {"type", "text"})))
        case ThinkChunk():
            return _think_chunk(chunk, path)
        case UnknownContentChunk():
            return _native(chunk.type, to_wire(chunk), path)
        case _:
            assert_never(chunk)


def _think_chunk(chunk: ThinkChunk, path: str) -> ir.ReasoningPart:
    """A Mistral thinking chunk as reasoning. Its ``thinking`` list is written back from the text
    when it is one plain text chunk; several plain text chunks only restate the text (``echo``);
    anything else in it (references, unknown chunks or fields) stays a leftover."""
    texts = [c.text for c in chunk.thinking if isinstance(c, TextChunk)]
    plain = all(_plain_text(c) for c in chunk.thinking)
    echo: dict[str, Any] = {}
    if plain and len(chunk.thinking) != 1:
        echo["thinking"] = to_wire(chunk)["thinking"]
    consumed = {"type", "thinking"} if plain else {"type"}
    return ir.ReasoningPart(
        text="".join(texts),
        origin=FMT,
        path=path,
        extra=tag(rest(chunk, consumed)),
        echo=with_extra(FMT, echo),
    )


def _plain_text(chunk: ContentChunk) -> bool:
    return isinstance(chunk, TextChunk) and set(to_wire(chunk)) == {"type", "text"}


def _citations(
    annotations: list[AnnotationUnion] | None, path: str
) -> tuple[ir.Citation, ...] | None:
    """URL citations; ``None`` (annotations kept whole as a leftover) when there are none or some
    are of a kind the ir has no citation for."""
    if annotations is None or any(isinstance(a, UnknownAnnotation) for a in annotations):
        return None
    citations = []
    for i, annotation in enumerate(annotations):
        assert not isinstance(annotation, UnknownAnnotation)
        url = annotation.url_citation
        citations.append(
            ir.Citation(
                kind="url",
                url=url.url,
                title=url.title,
                start=url.start_index,
                end=url.end_index,
                path=_at(path, "annotations", i),
                extra=tag(
                    rest(
                        annotation,
                        {"type", "url_citation"},
                        url_citation=rest(url, {"url", "title", "start_index", "end_index"}),
                    )
                ),
            )
        )
    return tuple(citations)


def _token(token: ChatCompletionTokenLogprob | TopLogprob, path: str) -> ir.TokenLogprob:
    consumed = {"token", "logprob", *given(token, "bytes")}
    top: tuple[ir.TokenLogprob, ...] = ()
    if isinstance(token, ChatCompletionTokenLogprob):
        top = tuple(
            _token(t, _at(path, "top_logprobs", i)) for i, t in enumerate(token.top_logprobs)
        )
        consumed.add("top_logprobs")
    return ir.TokenLogprob(
        token=token.token,
        logprob=token.logprob,
        bytes=None if token.bytes is None else tuple(token.bytes),
        top=top,
        path=path,
        extra=tag(rest(token, consumed)),
    )


# --------------------------------------------------------------------------- errors


def decode_error(body: ErrorResponse, *, status: int | None = None, path: str = "") -> ir.ApiError:
    """An OpenAI error body (and its HTTP status, when known) in neutral form
    (:func:`openai_claude_bridge._openai_errors.decode`)."""
    return _openai_errors.decode(body, status, path, FMT)
