"""ir -> Chat Completions: requests, non-streaming responses and error bodies.

Models are built from neutral fields; a node the chat decoder made (see :mod:`._common`) also gets
its leftover wire fields back, so ``encode(decode(x)) == x``. Nodes of other formats get the
API's usual shape, and everything chat cannot express is reported through ``options.lose``
(``UnsupportedFeatureError`` under ``strict``), including every foreign ``extra`` field.

Placement rules for ir made by other formats:

* ``instructions`` become a leading ``system`` message.
* ``ToolResultPart``\\ s in a user turn (Anthropic style) become ``tool`` messages in order, where
  the user turn was (right after the assistant turn that made the calls); the turn's other parts
  follow as a ``user`` message. Tool-result content other than text (images, documents) has no
  place in a ``tool`` message: it moves into that following user message and is reported.
* Reasoning is written per ``options.chat_dialect``: ``"openai"`` writes none (reported lost),
  ``"reasoning_content"`` writes the text (signatures / encrypted data reported lost),
  ``"openrouter"`` writes ``reasoning`` + ``reasoning_details`` (signed text, encrypted /
  redacted data and summaries all kept).
* Cache hints stay on the part that had them. ``options.chat_dialect="openrouter"`` writes the
  anthropic-style ``cache_control`` (``ttl`` ``5m`` / ``1h``), the other dialects OpenAI's
  ``prompt_cache_breakpoint`` (``ttl`` ``30m`` / ``12h``); a ttl the field cannot say is
  reported and the breakpoint kept. A hint chat decoded is written back in the field it came
  in, whatever the dialect. A tool result's own hint (anthropic marks the ``tool_result``
  block) goes on the last text part of its ``tool`` message, which then has list content
  (:func:`.._codec.hint_on_last_part`); tools and tool calls have no place for a hint
  (reported), nor has a dropped part (its hint is reported too, as ``cache_control``).
* Another format's function call with empty arguments (a Responses ``function_call`` with
  ``arguments: ""``) gets ``"{}"``: chat clients and servers parse the arguments as a JSON object.
* A tool call's chat ``call_state`` (Gemini's ``extra_content``, whatever format's decoder
  restored it from a client's carrier id) is written back onto the call — a documented dialect
  field, absent from the official SDK's types; another format's call state is reported lost.
* ``parallel_tool_calls`` is written only beside a non-empty ``tools`` list: the API refuses it
  otherwise (:func:`.._codec.parallel_tool_calls`), even where a chat request had it.
* The token limit goes in the field the dialect's servers take (:data:`.tables.MAX_TOKENS_FIELD`):
  ``max_completion_tokens`` for ``"openai"`` (its reasoning models refuse ``max_tokens``),
  ``max_tokens`` for ``"reasoning_content"`` and ``"openrouter"``; a chat request keeps its own.
* Tool names chat does not accept are shortened with :func:`.._tool_names.shorten` in tools,
  tool choices and tool calls of a request (restored from the client's request by
  :mod:`.._restore`).
* Custom (free-text) tools stay custom tools for ``chat_dialect="openai"``. The other dialects'
  servers have function tools only: a custom tool becomes a function standing in for it, taking
  one string ``input`` (:mod:`.._custom_tools`; a grammar is described to the model, not
  enforced, and reported), a custom call in a request a call of it with the arguments
  ``{"input": <raw input>}``, and a tool choice naming it (or listing it) names the stand-in.
* A message all of whose parts were dropped is left out: no empty turn is sent. Nor is an
  assistant message made of empty text or of nothing (an empty anthropic or Responses reply that
  came back in the history: chat servers refuse ``{"role": "assistant"}``), nor one that would
  hold reasoning alone (reported); empty text beside tool calls is left out too. A chat
  client's own messages are written as they came.
* A URL citation without a span covers its whole text part; one without a title gets ``""``
  (the annotation requires one; the source never said it, so it is no loss).
* A response message chat decoded from Mistral's ``content`` list of chunks gets that list back
  (text, thinking and unknown chunks, in order), and its tool calls that came without ``type``
  get none; every other message's content is a string.

Responses: a choice's ``finish_reason`` is never ``null`` (the SDK's ``ChatCompletion`` has no
such value). A stop reason chat has no value for (``pause_turn``, a failed answer's ``error``)
is written ``stop``; an answer another format gave no stop reason for gets ``tool_calls`` when it
calls tools, ``content_filter`` when it refused, else ``stop``; each approximation is reported at
the source's stop reason (``stop_reason``). A chat source's own ``null`` comes back as it was
(exact round trip).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, get_args

from typing_extensions import assert_never

from .. import _openai_errors, ir
from .._call_id_carrier import report_uncarried
from .._codec import (
    build,
    coalesce_assistant_runs,
    hint_on_last_part,
    is_empty_text,
    parallel_tool_calls,
    report_foreign_extra,
)
from .._custom_tools import lose_format, stand_in_arguments, stand_in_schema
from .._tool_names import shorten
from ..options import Effort, Options
from ..wire import from_wire, json_path
from ._common import (
    ANTHROPIC_REASONING_FORMAT,
    FMT,
    NO_REASONING_TEXT,
    UNTYPED,
    data_url,
    make,
    own,
    reasoning_text,
    sub,
    tool_kind_of,
    wire_extras,
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
    ImageDetail,
    ImageURL,
    InputAudio,
    InputAudioFormat,
)
from .models.errors import ErrorResponse
from .models.extensions import CacheControlEphemeral, CacheControlTTL
from .models.messages import (
    ChatCompletionAssistantMessageParam,
    ChatCompletionDeveloperMessageParam,
    ChatCompletionFunctionMessageParam,
    ChatCompletionSystemMessageParam,
    ChatCompletionToolMessageParam,
    ChatCompletionUserMessageParam,
    FunctionCall,
)
from .models.request import ChatCompletionStreamOptionsParam, CompletionCreateParams
from .models.response import (
    Annotation,
    AnnotationURLCitation,
    ChatCompletion,
    ChatCompletionMessage,
    ChatCompletionTokenLogprob,
    Choice,
    ChoiceLogprobs,
    TopLogprob,
)
from .models.shared import (
    FunctionDefinition,
    JSONSchema,
    PromptCacheBreakpoint,
    PromptCacheBreakpointTTL,
    ResponseFormatJSONObject,
    ResponseFormatJSONSchema,
    ResponseFormatText,
    ServiceTier,
)
from .models.tools import (
    ChatCompletionAllowedToolChoiceParam,
    ChatCompletionAllowedToolsParam,
    ChatCompletionCustomToolParam,
    ChatCompletionFunctionCallOptionParam,
    ChatCompletionFunctionToolParam,
    ChatCompletionMessageCustomToolCall,
    ChatCompletionMessageCustomToolCallParam,
    ChatCompletionMessageFunctionToolCall,
    ChatCompletionMessageFunctionToolCallParam,
    ChatCompletionMessageToolCallUnion,
    ChatCompletionMessageToolCallUnionParam,
    ChatCompletionNamedToolChoiceCustomParam,
    ChatCompletionNamedToolChoiceParam,
    ChatCompletionToolUnionParam,
    CompletionCreateParamsFunction,
    Custom,
    CustomToolDefinition,
    Function,
    NamedToolChoiceCustom,
    NamedToolChoiceFunction,
)
from .models.usage import CompletionTokensDetails, CompletionUsage, PromptTokensDetails
from .tables import MAX_TOKENS_FIELD, STOP_TO_FINISH, is_finish_alias, stop_reason_of

__all__ = ["encode_error", "encode_request", "encode_response"]

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
    "store",
    "stream",
    "logit_bias",
    "metadata",
)
_MAX_STOP = 4
_DETAIL_PATH = re.compile(r".*\.reasoning_details\[\d+\]")
#: The path of a part decoded from a chunk of a Mistral ``content`` list in a response message.
_CHUNK_PATH = re.compile(r".*\.message\.content\[\d+\]")
_LEGACY_PATH = re.compile(r"(?:.*\.)?functions\[\d+\]")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
#: The parts that carry a cache hint in the ir.
_HINTED = (ir.TextPart, ir.ImagePart, ir.DocumentPart, ir.ToolCallPart, ir.ToolResultPart)


def _foreign(node: ir.Node, options: Options) -> None:
    report_foreign_extra(node, FMT, options)


def _lose(node: ir.Node, options: Options, feature: str, reason: str) -> None:
    options.lose(node.path, feature, reason)


def _lose_field(node: ir.Node, name: str, options: Options, reason: str) -> None:
    """Report the ir field ``name`` of ``node`` lost, at the wire value it was decoded from
    (:func:`..ir.field_path`)."""
    options.lose(ir.field_path(node, name), name, reason)


def _own_field(node: ir.Node, suffix: str) -> bool:
    """Whether ``node`` is a chat node decoded from the wire field ending its path in ``suffix``."""
    return own(node) is not None and node.path.endswith(suffix)


def _tool_name(node: ir.Node, name: str) -> str:
    return name if own(node) is not None else shorten(name)


def _stand_in_leftovers(node: ir.Node, options: Options) -> None:
    """Report the chat fields a custom tool (or call) of a chat request kept that its function
    stand-in has no place for."""
    extras = own(node)
    if extras:
        reason = f"the function standing in for a custom tool has no {', '.join(extras)}"
        _lose(node, options, "custom_tool", reason)


def _stand_ins(options: Options) -> bool:
    """Whether custom tools go to the server as function stand-ins (:mod:`.._custom_tools`):
    for every dialect but OpenAI's own, which has custom tools."""
    return options.chat_dialect != "openai"


# --------------------------------------------------------------------------- requests


def encode_request(req: ir.Request, options: Options) -> CompletionCreateParams:
    """A chat create request for ``req``."""
    _foreign(req, options)
    extras = own(req)
    fields: dict[str, Any] = {"model": options.model or req.model}
    fields["messages"] = _messages(req, options)
    for name in _SCALARS:
        value = getattr(req, name)
        if value is not None:
            fields[name] = value
    if req.service_tier is not None:
        if extras is not None or req.service_tier in get_args(ServiceTier):
            fields["service_tier"] = req.service_tier
        else:
            _lose_field(req, "service_tier", options, f"chat has no tier {req.service_tier!r}")
    if req.top_k is not None:
        _lose_field(req, "top_k", options, "chat has no top_k sampling parameter")
    if req.tools is not None:
        fields.update(_tools(req.tools, extras is not None, options))
    with_tools = bool(fields.get("tools"))
    reached = bool(fields.get("functions"))
    parallel = parallel_tool_calls(req, with_tools, FMT, options, reached=reached)
    if parallel is not None:
        fields["parallel_tool_calls"] = parallel
    if req.tool_choice is not None:
        choice = _tool_choice(req.tool_choice, req.tools, options)
        if choice is not None:
            key = "function_call" if _own_field(req.tool_choice, "function_call") else "tool_choice"
            fields[key] = choice
    if req.max_tokens is not None:
        fields[_max_tokens_field(req, extras is not None, options)] = req.max_tokens
    if req.stop is not None:
        fields["stop"] = _stop(req.stop, req, options)
    if req.reasoning is not None:
        effort = _effort(req.reasoning, options)
        if effort is not None:
            fields["reasoning_effort"] = effort
    if req.output_format is not None:
        fields["response_format"] = _response_format(req.output_format, options)
    if req.include_usage is not None and (extras is not None or req.stream):
        # stream_options is only allowed on a streamed request
        fields["stream_options"] = make(
            ChatCompletionStreamOptionsParam,
            {"include_usage": req.include_usage},
            sub(extras, "stream_options"),
        )
    return build(CompletionCreateParams, fields, req, FMT)


def _max_tokens_field(req: ir.Request, own_request: bool, options: Options) -> str:
    """The field of the token limit: the one a chat request used (exact round trip), else the
    dialect's (:data:`.tables.MAX_TOKENS_FIELD`)."""
    if own_request and req.max_tokens_field in ("max_tokens", "max_completion_tokens"):
        return req.max_tokens_field
    return MAX_TOKENS_FIELD[options.chat_dialect]


def _stop(stop: tuple[str, ...], req: ir.Request, options: Options) -> str | list[str]:
    if req.stop_text_form and len(stop) == 1:
        return stop[0]
    if len(stop) > _MAX_STOP and own(req) is None:
        _lose_field(req, "stop", options, f"chat takes at most {_MAX_STOP} stop sequences")
        return list(stop[:_MAX_STOP])
    return list(stop)


def _effort(config: ir.ReasoningConfig, options: Options) -> Effort | None:
    _foreign(config, options)
    if config.summary is not None:
        _lose(config, options, "reasoning.summary", "chat cannot ask for reasoning summaries")
    if config.include_encrypted:
        _lose(
            config,
            options,
            "reasoning.encrypted_content",
            "chat cannot ask for encrypted reasoning",
        )
    if config.effort is not None:
        return config.effort
    if config.budget_tokens is not None:
        return options.reasoning_policy.effort_for(config.budget_tokens)
    if config.enabled is False:
        return "none"
    return None


def _response_format(fmt: ir.OutputFormat, options: Options) -> Any:
    _foreign(fmt, options)
    extras = own(fmt)
    match fmt.kind:
        case "text":
            return make(ResponseFormatText, {}, extras)
        case "json_object":
            return make(ResponseFormatJSONObject, {}, extras)
        case "json_schema":
            name = fmt.name if fmt.name is not None else "response"
            schema: dict[str, Any] = {"name": _tool_name(fmt, name)}
            for key, value in (
                ("description", fmt.description),
                ("schema", fmt.schema),
                ("strict", fmt.strict),
            ):
                if value is not None:
                    schema[key] = value
            return make(
                ResponseFormatJSONSchema,
                {"json_schema": make(JSONSchema, schema, sub(extras, "json_schema"))},
                extras,
            )
        case _:
            assert_never(fmt.kind)


# ----------------------------------------------------------------- tools


def _tools(tools: tuple[ir.Tool, ...], own_request: bool, options: Options) -> dict[str, Any]:
    """``tools`` and, for a chat request that had them, the legacy ``functions``."""
    legacy = [tool for tool in tools if _is_legacy(tool)]
    current = [t for t in (_tool(tool, options) for tool in tools if not _is_legacy(tool)) if t]
    fields: dict[str, Any] = {}
    # The API rejects an empty list: write one only where a chat request had it.
    if current or (own_request and not legacy):
        fields["tools"] = current
    if legacy:
        fields["functions"] = [
            make(CompletionCreateParamsFunction, _function_fields(tool), own(tool))
            for tool in legacy
        ]
    return fields


def _is_legacy(tool: ir.Tool) -> bool:
    return own(tool) is not None and _LEGACY_PATH.fullmatch(tool.path) is not None


def _function_fields(tool: ir.Tool) -> dict[str, Any]:
    fields: dict[str, Any] = {"name": _tool_name(tool, tool.name)}
    for key, value in (
        ("description", tool.description),
        ("parameters", tool.parameters),
        ("strict", tool.strict),
    ):
        if value is not None:
            fields[key] = value
    return fields


def _tool(tool: ir.Tool, options: Options) -> Any | None:
    _foreign(tool, options)
    extras = own(tool)
    if tool.cache is not None:
        _lose_cache(tool.cache, options, "chat tools take no cache breakpoint")
    match tool.kind:
        case "function":
            definition = make(FunctionDefinition, _function_fields(tool), sub(extras, "function"))
            return make(ChatCompletionFunctionToolParam, {"function": definition}, extras)
        case "custom" if _stand_ins(options):
            lose_format(tool, options, f"the {options.chat_dialect} chat dialect")
            _stand_in_leftovers(tool, options)
            stand_in = {"name": _tool_name(tool, tool.name), "parameters": stand_in_schema(tool)}
            if tool.description is not None:
                stand_in["description"] = tool.description
            definition = make(FunctionDefinition, stand_in, None)
            return make(ChatCompletionFunctionToolParam, {"function": definition}, None)
        case "custom":
            custom: dict[str, Any] = {"name": _tool_name(tool, tool.name)}
            if tool.description is not None:
                custom["description"] = tool.description
            if tool.custom_format is not None:
                custom_format = _custom_format(tool.custom_format)
                if custom_format is None:
                    _lose(tool, options, "custom_format", "chat does not know this input format")
                else:
                    custom["format"] = custom_format
            body = make(CustomToolDefinition, custom, sub(extras, "custom"))
            return make(ChatCompletionCustomToolParam, {"custom": body}, extras)
        case "native":
            if extras is not None and tool.native is not None:
                return from_wire(ChatCompletionToolUnionParam, tool.native)
            _lose(tool, options, tool.name, f"chat has no built-in tool {tool.name!r}")
            return None
        case _:
            assert_never(tool.kind)


def _custom_format(fmt: Mapping[str, Any]) -> dict[str, Any] | None:
    """A custom tool input format in chat's shape (nested ``grammar``), from the ir's flat
    Responses shape or chat's own; ``None`` for a format chat does not know."""
    kind = fmt.get("type")
    if kind == "text":
        return {"type": "text"}
    if kind != "grammar":
        return None
    if isinstance(fmt.get("grammar"), Mapping):
        return {"type": "grammar", "grammar": dict(fmt["grammar"])}
    grammar = {key: fmt[key] for key in ("definition", "syntax") if key in fmt}
    return {"type": "grammar", "grammar": grammar}


def _tool_choice(
    choice: ir.ToolChoice, tools: tuple[ir.Tool, ...] | None, options: Options
) -> Any | None:
    _foreign(choice, options)
    extras = own(choice)
    legacy = _own_field(choice, "function_call")
    match choice.mode:
        case "auto" | "none" | "required":
            return choice.mode
        case "tool" if legacy:
            return make(ChatCompletionFunctionCallOptionParam, {"name": choice.name}, extras)
        case "tool":
            return _named_choice(choice, options)
        case "allowed":
            refs = []
            for name in choice.allowed:
                kind = "function" if _stand_ins(options) else tool_kind_of(name, tools)
                refs.append({"type": kind, kind: {"name": _tool_name(choice, name)}})
            allowed = make(
                ChatCompletionAllowedToolsParam,
                {"mode": "required" if choice.allowed_required else "auto", "tools": refs},
                sub(extras, "allowed_tools"),
            )
            return make(ChatCompletionAllowedToolChoiceParam, {"allowed_tools": allowed}, extras)
        case _:
            assert_never(choice.mode)


def _named_choice(choice: ir.ToolChoice, options: Options) -> Any | None:
    extras = own(choice)
    if choice.name is None:
        _lose(choice, options, "tool_choice", "a named tool choice without a name")
        return None
    name = _tool_name(choice, choice.name)
    match choice.tool_kind:
        case "custom" if _stand_ins(options):  # force the custom tool's function stand-in
            _stand_in_leftovers(choice, options)
            function = make(NamedToolChoiceFunction, {"name": name}, None)
            return make(ChatCompletionNamedToolChoiceParam, {"function": function}, None)
        case "function":
            function = make(NamedToolChoiceFunction, {"name": name}, sub(extras, "function"))
            return make(ChatCompletionNamedToolChoiceParam, {"function": function}, extras)
        case "custom":
            custom = make(NamedToolChoiceCustom, {"name": name}, sub(extras, "custom"))
            return make(ChatCompletionNamedToolChoiceCustomParam, {"custom": custom}, extras)
        case "native":
            _lose(choice, options, "tool_choice", f"chat cannot force the built-in tool {name!r}")
            return None
        case _:
            assert_never(choice.tool_kind)


# ----------------------------------------------------------------- messages


def _messages(req: ir.Request, options: Options) -> list[Any]:
    out: list[Any] = []
    if req.instructions is not None:
        content = _text_content(req.instructions, req.instructions_text_form, options)
        out.append(make(ChatCompletionSystemMessageParam, {"content": content}, None))
    for message in coalesce_assistant_runs(req.messages, FMT, lambda m: _foreign(m, options)):
        out.extend(_message(message, options))
    return out


def _message(msg: ir.Message, options: Options) -> list[Any]:
    _foreign(msg, options)
    extras = own(msg)
    match msg.role:
        case "system" | "developer":
            model = (
                ChatCompletionSystemMessageParam
                if msg.role == "system"
                else ChatCompletionDeveloperMessageParam
            )
            content = _text_content(msg.parts, msg.text_form, options)
            if content == [] and msg.parts and extras is None:
                return []  # every part was dropped (and reported): no empty turn
            return [make(model, _named({"content": content}, msg), extras)]
        case "user":
            return _user(msg, options)
        case "assistant":
            assistant = _assistant(msg, options)
            return [] if assistant is None else [assistant]
        case "tool":
            return _tool_turn(msg, options)
        case _:
            assert_never(msg.role)


def _named(fields: dict[str, Any], msg: ir.Message) -> dict[str, Any]:
    if msg.name is not None:
        fields["name"] = msg.name
    return fields


def _text_content(
    parts: tuple[ir.Part, ...], text_form: bool, options: Options
) -> str | list[ChatCompletionContentPartTextParam]:
    """Text-only content (system, developer, tool): a string or text parts."""
    texts = []
    for part in parts:
        if isinstance(part, ir.TextPart):
            texts.append(part)
        else:
            _lose_part(part, options, "this chat message takes text only")
    if text_form and _plain_texts(texts):
        for part in texts:
            _foreign(part, options)
        return "".join(part.text for part in texts)
    return [_text_param(part, options) for part in texts]


def _plain_texts(texts: list[ir.TextPart]) -> bool:
    """Whether ``texts`` can be written as one string without losing a cache breakpoint."""
    return all(part.cache is None for part in texts)


def _part_feature(part: ir.Part) -> str:
    """A part's feature name in loss reports: ``image``, ``tool_call``, or a native block's tag."""
    if isinstance(part, ir.NativePart):
        return part.kind
    return _CAMEL.sub("_", type(part).__name__.removesuffix("Part")).lower()


def _lose_part(part: ir.Part, options: Options, reason: str) -> None:
    _lose(part, options, _part_feature(part), reason)
    _lose_hint_of(part, options)


def _lose_hint_of(part: ir.Part, options: Options) -> None:
    """Report the cache breakpoint of a dropped part as well: a lost breakpoint costs money, and
    a proxy watching for them looks for the ``cache_control`` feature."""
    if isinstance(part, _HINTED) and part.cache is not None:
        _lose_cache(part.cache, options, "the part it marks has no place in chat")


def _text_param(part: ir.TextPart, options: Options) -> ChatCompletionContentPartTextParam:
    _foreign(part, options)
    fields: dict[str, Any] = {"text": part.text}
    fields.update(_cache_fields(part.cache, options))
    if part.citations:
        _lose(part, options, "citations", "chat request content carries no citations")
    if part.logprobs:
        _lose(part, options, "logprobs", "chat request content carries no logprobs")
    return make(ChatCompletionContentPartTextParam, fields, own(part))


#: The two fields a chat content part can hold a cache hint in: (their wire model, their fixed
#: fields, the ttls they can say).
_HINT_FIELDS: Mapping[str, tuple[type[Any], Mapping[str, str], tuple[str, ...]]] = {
    "prompt_cache_breakpoint": (
        PromptCacheBreakpoint,
        {"mode": "explicit"},
        get_args(PromptCacheBreakpointTTL),
    ),
    "cache_control": (CacheControlEphemeral, {"type": "ephemeral"}, get_args(CacheControlTTL)),
}


def _cache_fields(cache: ir.CacheHint | None, options: Options) -> dict[str, Any]:
    """A content part's cache-hint field: ``cache_control`` (OpenRouter's anthropic-style
    dialect) or ``prompt_cache_breakpoint`` (OpenAI's), by :func:`_anthropic_style`; a ttl the
    field cannot say is reported (the breakpoint is kept without it)."""
    if cache is None:
        return {}
    _foreign(cache, options)
    name = "cache_control" if _anthropic_style(cache, options) else "prompt_cache_breakpoint"
    model, fixed, ttls = _HINT_FIELDS[name]
    fields: dict[str, Any] = dict(fixed)
    if cache.ttl in ttls:
        fields["ttl"] = cache.ttl
    elif cache.ttl is not None:
        can = " or ".join(ttls)
        _lose_ttl(cache, options, f"{name} has no ttl {cache.ttl!r} ({can})")
    return {name: make(model, fields, own(cache))}


def _anthropic_style(cache: ir.CacheHint, options: Options) -> bool:
    """Whether ``cache`` is written as ``cache_control``: a hint chat decoded goes back in the
    field it came in (its path ends in it); another format's follows ``options.chat_dialect``."""
    if own(cache) is not None:
        return cache.path.rpartition(".")[2] == "cache_control"
    return options.chat_dialect == "openrouter"


def _lose_ttl(cache: ir.CacheHint, options: Options, reason: str) -> None:
    """Report a ttl the target cannot say; the breakpoint itself is kept."""
    options.lose(json_path(["ttl"], cache.path), "cache_control.ttl", reason)


def _lose_cache(cache: ir.CacheHint, options: Options, reason: str) -> None:
    options.lose(cache.path, "cache_control", reason)


def _user(msg: ir.Message, options: Options) -> list[Any]:
    out: list[Any] = []
    moved: list[ir.Part] = []
    others: list[ir.Part] = []
    for part in msg.parts:
        if isinstance(part, ir.ToolResultPart):
            out.append(_tool_result(part, None, moved, options))
        else:
            others.append(part)
    parts = [*moved, *others]
    if not parts and out:
        return out
    content: str | list[Any]
    if msg.text_form and not moved and all(isinstance(p, ir.TextPart) for p in parts):
        content = _text_content(tuple(parts), True, options)
    else:
        items = (_user_part(part, options) for part in parts)
        content = [item for item in items if item is not None]
        if not content and parts and own(msg) is None:
            return out  # every part was dropped (and reported): no empty turn
    user = make(ChatCompletionUserMessageParam, _named({"content": content}, msg), own(msg))
    return [*out, user]


def _tool_turn(msg: ir.Message, options: Options) -> list[Any]:
    out: list[Any] = []
    moved: list[ir.Part] = []
    for part in msg.parts:
        if isinstance(part, ir.ToolResultPart):
            out.append(_tool_result(part, own(msg), moved, options))
        else:
            _lose_part(part, options, "a chat tool message holds only a tool result")
    items = (_user_part(part, options) for part in moved)
    content = [item for item in items if item is not None]
    if content:
        out.append(make(ChatCompletionUserMessageParam, {"content": content}, None))
    if msg.name is not None:
        _lose(msg, options, "name", "chat tool messages have no participant name")
    return out


def _tool_result(
    part: ir.ToolResultPart,
    extras: Mapping[str, Any] | None,
    moved: list[ir.Part],
    options: Options,
) -> Any:
    """A ``tool`` (or legacy ``function``) message; non-text content is appended to ``moved``."""
    _foreign(part, options)
    texts: list[ir.Part] = []
    for item in part.content:
        if isinstance(item, ir.TextPart):
            texts.append(item)
        else:
            moved.append(item)
            feature = "tool_result." + _part_feature(item)
            _lose(
                item, options, feature, "chat tool messages hold text only; moved to a user message"
            )
    if part.is_error:
        _lose(part, options, "is_error", "chat tool messages cannot mark an error")
    texts = list(hint_on_last_part(part, texts, options, "a chat tool message"))
    part_extras = own(part)
    if part_extras is not None and "name" in part_extras:
        fields: dict[str, Any] = {"name": part_extras["name"]}
        if part.text_form:
            fields["content"] = _text_content(tuple(texts), True, options)
        return make(ChatCompletionFunctionMessageParam, fields, extras)
    content = _text_content(tuple(texts), part.text_form, options)
    return make(
        ChatCompletionToolMessageParam,
        {"tool_call_id": part.call_id, "content": content},
        extras,
    )


def _user_part(part: ir.Part, options: Options) -> Any | None:
    match part:
        case ir.TextPart():
            return _text_param(part, options)
        case ir.ImagePart():
            return _image(part, options)
        case ir.AudioPart():
            return _audio(part, options)
        case ir.DocumentPart():
            return _document(part, options)
        case ir.NativePart():
            if part.format == FMT:
                return from_wire(ChatCompletionContentPartParam, part.data)
            _lose_part(part, options, f"chat has no {part.format} {part.kind!r} block")
            return None
        case ir.ToolCallPart() | ir.ToolResultPart() | ir.ReasoningPart() | ir.RefusalPart():
            _lose_part(part, options, "chat user messages cannot hold this part")
            return None
        case _:
            assert_never(part)


def _image(part: ir.ImagePart, options: Options) -> Any | None:
    _foreign(part, options)
    source = part.source
    _foreign(source, options)
    url = None
    if source.kind == "url" and source.url is not None:
        url = source.url
    elif source.kind == "base64" and source.data is not None and source.media_type is not None:
        url = data_url(source.media_type, source.data)
    if url is None:
        _lose(part, options, "image.source", f"chat cannot send an image by {source.kind}")
        _lose_hint_of(part, options)
        return None
    image: dict[str, Any] = {"url": url}
    if part.detail is not None:
        if part.detail in get_args(ImageDetail):
            image["detail"] = part.detail
        else:
            _lose(part, options, "image.detail", f"chat has no image detail {part.detail!r}")
    fields: dict[str, Any] = {"image_url": make(ImageURL, image, own(source))}
    fields.update(_cache_fields(part.cache, options))
    return make(ChatCompletionContentPartImageParam, fields, own(part))


def _audio(part: ir.AudioPart, options: Options) -> Any | None:
    _foreign(part, options)
    extras = own(part)
    if extras is None and part.format not in get_args(InputAudioFormat):
        _lose(part, options, "input_audio.format", f"chat takes no {part.format!r} audio")
        return None
    audio = make(InputAudio, {"data": part.data, "format": part.format}, sub(extras, "input_audio"))
    return make(ChatCompletionContentPartInputAudioParam, {"input_audio": audio}, extras)


def _document(part: ir.DocumentPart, options: Options) -> Any | None:
    _foreign(part, options)
    source = part.source
    _foreign(source, options)
    if source.kind not in ("base64", "file"):
        _lose(part, options, "document.source", f"chat cannot send a document by {source.kind}")
        _lose_hint_of(part, options)
        return None
    file: dict[str, Any] = {}
    if source.data is not None:
        media = source.media_type
        file["file_data"] = source.data if media is None else data_url(media, source.data)
    if source.file_id is not None:
        file["file_id"] = source.file_id
    filename = source.filename if source.filename is not None else part.title
    if filename is not None:
        file["filename"] = filename
    if part.context is not None:
        _lose(part, options, "document.context", "chat file parts carry no context")
    if part.citations_enabled:
        _lose(part, options, "document.citations", "chat cannot cite documents")
    fields: dict[str, Any] = {"file": make(FileFile, file, own(source))}
    fields.update(_cache_fields(part.cache, options))
    return make(File, fields, own(part))


# ----------------------------------------------------------------- assistant turns


@dataclass
class _Turn:
    """The parts of an assistant turn sorted by the wire field each goes to."""

    texts: list[ir.TextPart] = field(default_factory=list)
    content: list[ir.Part] = field(default_factory=list)
    """Content-list items in order: text, refusal and chat's unknown content parts."""
    refusals: list[ir.RefusalPart] = field(default_factory=list)
    calls: list[ir.ToolCallPart | ir.NativePart] = field(default_factory=list)
    function_call: ir.ToolCallPart | None = None
    reasoning: list[ir.ReasoningPart | ir.NativePart] = field(default_factory=list)
    chunks: list[ir.Part] = field(default_factory=list)
    """Parts decoded from a Mistral ``content`` list, in order (response messages only)."""


def _split_turn(
    parts: tuple[ir.Part, ...], refusal_field: bool, options: Options, *, chunks: bool = False
) -> _Turn:
    """Sort ``parts``; a foreign refusal goes to the ``refusal`` field when ``refusal_field``;
    with ``chunks`` (a response message), chat's own parts of a Mistral ``content`` list go back
    to that list."""
    turn = _Turn()
    for part in parts:
        if chunks and own(part) is not None and _CHUNK_PATH.fullmatch(part.path):
            turn.chunks.append(part)
            continue
        match part:
            case ir.TextPart():
                turn.texts.append(part)
                turn.content.append(part)
            case ir.RefusalPart():
                _foreign(part, options)
                if _own_field(part, ".refusal") or (own(part) is None and refusal_field):
                    turn.refusals.append(part)
                else:
                    turn.content.append(part)
            case ir.ToolCallPart():
                if _own_field(part, ".function_call"):
                    turn.function_call = part
                else:
                    turn.calls.append(part)
            case ir.ReasoningPart():
                turn.reasoning.append(part)
            case ir.NativePart():
                if part.format != FMT:
                    _lose_part(part, options, f"chat has no {part.format} {part.kind!r} block")
                elif _DETAIL_PATH.fullmatch(part.path):
                    turn.reasoning.append(part)
                elif ".tool_calls[" in part.path:
                    turn.calls.append(part)
                else:
                    turn.content.append(part)
            case ir.ImagePart() | ir.DocumentPart() | ir.AudioPart() | ir.ToolResultPart():
                _lose_part(part, options, "chat assistant messages cannot hold this part")
            case _:
                assert_never(part)
    return turn


def _assistant(msg: ir.Message, options: Options) -> ChatCompletionAssistantMessageParam | None:
    """The assistant message, or ``None`` for another format's message that says nothing: no
    parts, only empty text (an empty reply that came back in the history), parts that were all
    dropped (and reported), or reasoning alone (reported). No empty turn is made up; a chat
    client's own is its business."""
    extras = own(msg)
    parts = msg.parts if extras is not None else tuple(_said(msg.parts, options))
    turn = _split_turn(parts, msg.text_form, options)
    fields: dict[str, Any] = {}
    if msg.text_form and _plain_texts(turn.texts):
        if turn.texts:
            for part in turn.texts:
                _foreign(part, options)
            fields["content"] = "".join(part.text for part in turn.texts)
    elif turn.content:
        fields["content"] = [_assistant_item(part, options) for part in turn.content]
    fields.update(_turn_fields(turn, extras, options, request=True))
    if extras is None and not _SAYING_FIELDS & fields.keys():
        for thought in turn.reasoning if fields else ():
            reason = "an assistant turn with nothing but reasoning has no chat message"
            _lose(thought, options, "reasoning", reason)
        return None
    return make(ChatCompletionAssistantMessageParam, _named(fields, msg), wire_extras(extras))


#: The fields that make an assistant message say something: chat servers refuse one with
#: neither content nor tool calls (its reasoning alone does not make it one).
_SAYING_FIELDS = frozenset({"content", "tool_calls", "function_call", "refusal"})


def _said(parts: tuple[ir.Part, ...], options: Options) -> list[ir.Part]:
    """``parts`` without empty text, which says nothing (its foreign fields are still
    reported)."""
    said = []
    for part in parts:
        if is_empty_text(part):
            _foreign(part, options)
            continue
        said.append(part)
    return said


def _assistant_item(part: ir.Part, options: Options) -> Any:
    if isinstance(part, ir.TextPart):
        return _text_param(part, options)
    if isinstance(part, ir.RefusalPart):
        return make(ChatCompletionContentPartRefusalParam, {"refusal": part.text}, own(part))
    assert isinstance(part, ir.NativePart)
    return from_wire(ContentArrayOfContentPart, part.data)


def _turn_fields(
    turn: _Turn, extras: Mapping[str, Any] | None, options: Options, *, request: bool
) -> dict[str, Any]:
    """The refusal, tool-call, function-call and reasoning fields of an assistant turn
    (``extras``: the turn's own chat leftovers, ``None`` for another format's turn)."""
    fields: dict[str, Any] = {}
    if turn.refusals:
        fields["refusal"] = "".join(part.text for part in turn.refusals)
    if turn.calls:
        fields["tool_calls"] = [_tool_call(part, options, request=request) for part in turn.calls]
    if turn.function_call is not None:
        call = turn.function_call
        _foreign(call, options)
        fields["function_call"] = make(
            FunctionCall, {"name": call.name, "arguments": call.arguments}, own(call)
        )
    fields.update(_reasoning_fields(turn.reasoning, extras, options))
    return fields


def _tool_call(part: ir.ToolCallPart | ir.NativePart, options: Options, *, request: bool) -> Any:
    if isinstance(part, ir.NativePart):
        union = (
            ChatCompletionMessageToolCallUnionParam
            if request
            else ChatCompletionMessageToolCallUnion
        )
        return from_wire(union, part.data)
    _foreign(part, options)
    report_uncarried(part, FMT, options)
    if part.cache is not None:
        _lose_cache(part.cache, options, "chat tool calls take no cache breakpoint")
    extras = own(part)
    name = _tool_name(part, part.name) if request else part.name
    match part.kind:
        case "function":
            arguments = part.arguments if extras is not None else function_arguments(part)
            function = make(
                Function, {"name": name, "arguments": arguments}, sub(extras, "function")
            )
            model: Any = (
                ChatCompletionMessageFunctionToolCallParam
                if request
                else ChatCompletionMessageFunctionToolCall
            )
            fields = {"id": part.call_id, "function": function}
            if not extras or not (extras.get(UNTYPED) or "type" in extras):
                fields["type"] = "function"  # unless the call came without one (Mistral)
            return make(model, fields, _stated(part, wire_extras(extras)))
        case "custom" if request and _stand_ins(options):
            _stand_in_leftovers(part, options)
            arguments = stand_in_arguments(part.arguments)
            function = make(Function, {"name": name, "arguments": arguments}, None)
            return make(
                ChatCompletionMessageFunctionToolCallParam,
                {"id": part.call_id, "function": function},
                _stated(part, None),
            )
        case "custom":
            custom = make(Custom, {"name": name, "input": part.arguments}, sub(extras, "custom"))
            model = (
                ChatCompletionMessageCustomToolCallParam
                if request
                else ChatCompletionMessageCustomToolCall
            )
            return make(model, {"id": part.call_id, "custom": custom}, _stated(part, extras))
        case _:
            assert_never(part.kind)


def function_arguments(part: ir.ToolCallPart) -> str:
    """Another format's function-call arguments as chat writes them: empty arguments (a
    Responses ``function_call`` may say ``""`` for a call without any) are ``"{}"``, the JSON
    object chat clients and servers parse them as."""
    return part.arguments or "{}"


def _stated(part: ir.ToolCallPart, extras: Mapping[str, Any] | None) -> dict[str, Any]:
    """A tool call's leftover fields plus the chat state its server needs back with it
    (``call_state``, e.g. Gemini's ``extra_content``), whoever decoded the call."""
    return {**(extras or {}), **part.call_state.get(FMT, {})}


# ----------------------------------------------------------------- reasoning


def _reasoning_fields(
    parts: list[ir.ReasoningPart | ir.NativePart],
    turn_extras: Mapping[str, Any] | None,
    options: Options,
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    details: list[dict[str, Any]] = []
    own_details: list[ir.Part] = []
    foreign: list[ir.ReasoningPart] = []
    for part in parts:
        if isinstance(part, ir.NativePart):
            details.append(part.data)
            continue
        extras = own(part)
        if extras is None:
            foreign.append(part)
        elif part.path.endswith((".reasoning_content", ".reasoning")):
            fields[part.path.rsplit(".", 1)[1]] = part.text
        else:
            # leftovers win over what _details() writes by default (a decoded ``format``)
            details.append({**_details(part)[0], **extras})
            own_details.append(part)
    implied = reasoning_text(own_details)
    kept = turn_extras or {}
    if implied is not None and "reasoning" not in kept and NO_REASONING_TEXT not in kept:
        fields["reasoning"] = implied
    if foreign:
        _foreign_reasoning(foreign, options, fields, details)
    if details:
        fields["reasoning_details"] = details
    return fields


def _details(part: ir.ReasoningPart) -> list[dict[str, Any]]:
    """OpenRouter ``reasoning_details`` entries for one reasoning part, in order."""
    ident = {} if part.item_id is None else {"id": part.item_id}
    out: list[dict[str, Any]] = [
        {"type": "reasoning.summary", "summary": text, **ident} for text in part.summary
    ]
    data = part.redacted_data is not None or part.encrypted_content is not None
    empty = not (part.summary or part.content or data)
    if part.text is not None or part.signature is not None or empty:
        text: dict[str, Any] = {"type": "reasoning.text"}
        if part.text is not None:
            text["text"] = part.text
        if part.signature is not None:
            text["signature"] = part.signature
        out.append({**text, **ident})
    out.extend({"type": "reasoning.text", "text": text, **ident} for text in part.content)
    if part.redacted_data is not None:
        redacted = {"type": "reasoning.encrypted", "data": part.redacted_data}
        out.append({**redacted, "format": ANTHROPIC_REASONING_FORMAT, **ident})
    if part.encrypted_content is not None:
        out.append({"type": "reasoning.encrypted", "data": part.encrypted_content, **ident})
    return out


def _plain(part: ir.ReasoningPart) -> str | None:
    if part.text is not None:
        return part.text
    if part.content:
        return "".join(part.content)
    return "\n\n".join(part.summary) if part.summary else None


def _foreign_reasoning(
    parts: list[ir.ReasoningPart],
    options: Options,
    fields: dict[str, Any],
    details: list[dict[str, Any]],
) -> None:
    for part in parts:
        _foreign(part, options)
    texts = [text for text in map(_plain, parts) if text is not None]
    match options.chat_dialect:
        case "openai":
            for part in parts:
                _lose(part, options, "reasoning", "the official chat API takes no reasoning")
        case "reasoning_content":
            if texts:
                fields["reasoning_content"] = "\n\n".join(texts)
            for part in parts:
                if part.signature is not None:
                    _lose(part, options, "reasoning.signature", "reasoning_content is unsigned")
                if part.redacted_data is not None or part.encrypted_content is not None:
                    _lose(
                        part,
                        options,
                        "reasoning.encrypted_content",
                        "reasoning_content cannot carry encrypted reasoning",
                    )
        case "openrouter":
            text = reasoning_text(parts)
            if text is not None:
                fields["reasoning"] = text
            for part in parts:
                details.extend(_details(part))
        case _:
            assert_never(options.chat_dialect)


# --------------------------------------------------------------------------- responses


def encode_response(resp: ir.Response, options: Options) -> ChatCompletion:
    """A chat completion for ``resp``: one choice per candidate."""
    _foreign(resp, options)
    fields: dict[str, Any] = {
        "id": resp.id if resp.id is not None else options.id_factory("chatcmpl-"),
        "created": resp.created if resp.created is not None else options.clock(),
        "model": options.model or resp.model or "",
        "choices": [_choice(candidate, options) for candidate in resp.candidates],
    }
    if resp.usage is not None:
        fields.update(_usage_fields(resp.usage, options))
    if resp.error_message is not None:
        _lose(resp, options, "error", "a chat completion cannot carry a failure")
    return build(ChatCompletion, fields, resp, FMT)


def _usage_fields(usage: ir.Usage, options: Options) -> dict[str, Any]:
    _foreign(usage, options)
    extras = own(usage)
    out: dict[str, Any] = {}
    tier = usage.service_tier
    if tier is not None:
        if extras is not None or tier in get_args(ServiceTier):
            out["service_tier"] = tier
        else:
            _lose_field(usage, "service_tier", options, f"chat has no service tier {tier!r}")
    if usage.web_search_requests is not None:
        reason = "chat usage has no server tool counts"
        _lose_field(usage, "web_search_requests", options, reason)
    if usage.input_tokens is None or usage.output_tokens is None:
        if usage.input_tokens is not None or usage.output_tokens is not None:
            _lose(usage, options, "usage", "chat usage needs both prompt and completion counts")
        return out
    total = usage.total_tokens
    fields: dict[str, Any] = {
        "prompt_tokens": usage.input_tokens,
        "completion_tokens": usage.output_tokens,
        "total_tokens": total if total is not None else usage.input_tokens + usage.output_tokens,
    }
    prompt = {
        key: value
        for key, value in (
            ("cached_tokens", usage.cache_read_tokens),
            ("cache_write_tokens", usage.cache_write_tokens),
        )
        if value is not None
    }
    if prompt:
        fields["prompt_tokens_details"] = make(
            PromptTokensDetails, prompt, sub(extras, "prompt_tokens_details")
        )
    if usage.reasoning_tokens is not None:
        fields["completion_tokens_details"] = make(
            CompletionTokensDetails,
            {"reasoning_tokens": usage.reasoning_tokens},
            sub(extras, "completion_tokens_details"),
        )
    out["usage"] = make(CompletionUsage, fields, extras)
    return out


def _choice(candidate: ir.Candidate, options: Options) -> Choice:
    _foreign(candidate, options)
    extras = own(candidate)
    turn = _split_turn(candidate.parts, True, options, chunks=extras is not None)
    message: dict[str, Any] = {}
    if turn.chunks:
        message["content"] = [_content_chunk(part) for part in turn.chunks]
    if turn.texts:
        message.update(_text_fields(turn.texts, options))
    elif extras is None:
        message["content"] = None
    for part in turn.content:
        if not isinstance(part, ir.TextPart):
            _lose_part(part, options, "a chat completion message has only string content")
    message_extras = None if extras is None else (sub(extras, "message") or {})
    message.update(_turn_fields(turn, message_extras, options, request=False))
    fields: dict[str, Any] = {
        "index": candidate.index,
        "message": make(ChatCompletionMessage, message, wire_extras(message_extras)),
        **_finish(candidate, options, own_stop=extras is not None),
    }
    logprobs = [token for part in turn.texts for token in part.logprobs or ()]
    if any(part.logprobs is not None for part in turn.texts):
        content = [_token(token, options, full=True) for token in logprobs]
        fields["logprobs"] = make(ChoiceLogprobs, {"content": content}, sub(extras, "logprobs"))
    return make(Choice, fields, extras)


def _content_chunk(part: ir.Part) -> dict[str, Any]:
    """A chunk of a Mistral ``content`` list, from the part chat decoded from it."""
    extras = wire_extras(own(part)) or {}
    match part:
        case ir.TextPart():
            return {"type": "text", "text": part.text, **extras}
        case ir.ReasoningPart():
            thinking = [{"type": "text", "text": part.text or ""}]
            return {"type": "thinking", "thinking": thinking, **extras}
        case ir.NativePart():
            return part.data
        case _:
            raise AssertionError(f"no {type(part).__name__} comes from a content chunk")


def _text_fields(texts: list[ir.TextPart], options: Options) -> dict[str, Any]:
    """``content`` (the texts joined) and ``annotations`` (URL citations, offsets shifted)."""
    annotations: list[Annotation] = []
    offset = 0
    cited = False
    for part in texts:
        _foreign(part, options)
        if part.cache is not None:
            _lose(part, options, "cache_control", "a chat completion has no cache breakpoints")
        if part.citations is not None:
            cited = True
            for citation in part.citations:
                annotation = _annotation(citation, offset, len(part.text), options)
                if annotation is not None:
                    annotations.append(annotation)
        offset += len(part.text)
    fields: dict[str, Any] = {"content": "".join(part.text for part in texts)}
    if cited:
        fields["annotations"] = annotations
    return fields


def _annotation(
    citation: ir.Citation, offset: int, length: int, options: Options
) -> Annotation | None:
    _foreign(citation, options)
    if citation.kind not in ("url", "web_search_result_location") or citation.url is None:
        _lose(citation, options, "citations", f"chat cannot cite a {citation.kind}")
        return None
    extras = own(citation)
    start = offset + (citation.start if citation.start is not None else 0)
    end = offset + (citation.end if citation.end is not None else length)
    url = make(
        AnnotationURLCitation,
        {
            "url": citation.url,
            "title": _citation_title(citation),
            "start_index": start,
            "end_index": end,
        },
        sub(extras, "url_citation"),
    )
    return make(Annotation, {"url_citation": url}, extras)


def _citation_title(citation: ir.Citation) -> str:
    """The ``title`` a ``url_citation`` requires: the citation's, or ``""`` when the source gave
    none (a value the target requires and the source never said: written, not a loss)."""
    return citation.title if citation.title is not None else ""


def _token(token: ir.TokenLogprob, options: Options, *, full: bool) -> Any:
    _foreign(token, options)
    fields: dict[str, Any] = {"token": token.token, "logprob": token.logprob}
    if token.bytes is not None:
        fields["bytes"] = list(token.bytes)
    if not full:
        return make(TopLogprob, fields, own(token))
    fields["top_logprobs"] = [_token(top, options, full=False) for top in token.top]
    return make(ChatCompletionTokenLogprob, fields, own(token))


def _finish(candidate: ir.Candidate, options: Options, *, own_stop: bool) -> dict[str, Any]:
    """The ``finish_reason`` field, and for a candidate of a chat source (``own_stop``) the
    ``stop_reason`` naming the stop string it matched (the vLLM / SGLang field it came from).
    Another format's matched sequence has no chat field (reported).

    A ``ChatCompletion`` requires a finish reason (the SDK's type has no ``null``): where the
    source gave none, it follows what was emitted (:func:`_emitted_finish`) and the approximation
    is reported at the source's stop reason. Only a chat source's own ``null`` is written back
    as it came (same-format round trips are exact)."""
    stop = candidate.stop_reason
    if stop is None:
        extras = own(candidate)
        if extras is not None:  # its own null, or a value the ir has no stop for (in extras)
            return {} if "finish_reason" in extras else {"finish_reason": None}
        finish = _emitted_finish(candidate)
        reason = f"the source gave no stop reason; finish_reason {finish!r} follows the answer"
        _lose_field(candidate, "stop_reason", options, reason)
        return {"finish_reason": finish}
    fields: dict[str, Any] = {}
    if candidate.stop_sequence is not None:
        if own_stop:
            fields["stop_reason"] = candidate.stop_sequence
        else:
            reason = "chat does not say which sequence matched"
            _lose_field(candidate, "stop_sequence", options, reason)
    return {"finish_reason": _finish_reason(candidate, stop, options, own_stop=own_stop), **fields}


def _finish_reason(
    candidate: ir.Candidate, stop: ir.StopReason, options: Options, *, own_stop: bool
) -> str:
    """Chat's finish reason for ``stop``; a chat source's own spelling (``raw_stop_reason``),
    another server's alias included (``own_stop``), comes back as it was. A stop chat has no
    value for is written ``stop`` (reported)."""
    raw = candidate.raw_stop_reason
    if raw is not None and (stop_reason_of(raw) == stop or STOP_TO_FINISH[stop] == raw):
        return raw
    if raw is not None and own_stop and is_finish_alias(raw):
        return raw
    finish = STOP_TO_FINISH[stop]
    if finish == "stop" and _calls(candidate):
        finish = "tool_calls"  # the reason follows what was emitted
    if finish is None:
        what = "a failure" if stop == "error" else repr(stop)
        _lose_field(candidate, "stop_reason", options, f"chat has no finish_reason for {what}")
        finish = "stop"
    return finish


def _emitted_finish(candidate: ir.Candidate) -> str:
    """The finish reason an answer without a stop reason gets: ``tool_calls`` when it calls
    tools, ``content_filter`` when it refused (the ir's ``refusal`` stop, as the other encoders
    read a refusal part), else ``stop``."""
    if _calls(candidate):
        return "tool_calls"
    if any(isinstance(part, ir.RefusalPart) for part in candidate.parts):
        return "content_filter"
    return "stop"


def _calls(candidate: ir.Candidate) -> bool:
    return any(isinstance(part, ir.ToolCallPart) for part in candidate.parts)


# --------------------------------------------------------------------------- errors


def encode_error(err: ir.ApiError, options: Options) -> tuple[int, ErrorResponse]:
    """The HTTP status and OpenAI error body for ``err``
    (:func:`openai_claude_bridge._openai_errors.encode`)."""
    return _openai_errors.encode(err, options, FMT)
