"""ir -> Anthropic Messages wire models: requests, responses and error bodies.

Each wire object is built from the ir's *neutral* fields with :func:`_codec.build`, which first
restores what the node carries in ``echo`` / ``extra`` for anthropic; so an ir that
:mod:`.decode` made encodes back to exactly the payload it came from. The decoder marks every
node it makes (``_codec.is_own``); the rules below for other formats' ir apply to unmarked nodes.
Everything anthropic cannot say is reported through ``options.lose`` (which raises under
``strict``):

* the other formats' own fields (``report_foreign_extra``), their native blocks and tools,
  audio, logprobs, image ``detail``, file names;
* fields anthropic has no field for: ``seed``, penalties, ``logit_bias``, ``n > 1``,
  ``logprobs``, ``prompt_cache_key``, ``store``, OpenAI ``metadata``;
* sampling values the API would refuse: ``temperature`` (other than 1), ``top_k`` and a
  ``top_p`` below 0.95 while thinking is on, and a ``temperature`` above 1 (sent as 1);
* reasoning without an anthropic signature in a *request*: thinking blocks are only ever sent
  to the API with the signature anthropic made, so any other reasoning — a decoded carrier
  included, whatever format the request came from — is dropped. In a *response* (for an
  anthropic client, never the API) another server's reasoning (a chat server's reasoning text,
  OpenRouter's, a Responses item with its ``encrypted_content`` / id) becomes a thinking block
  whose signature is a carrier (:mod:`.reasoning_carrier`), restored by the decoder when the
  client sends it back. Reasoning that says nothing becomes no block, and is no loss;
* ``max_tokens``, which anthropic requires: when the source set no output limit, the caller's
  ``default_max_tokens``, else the thinking budget the request asks for at its full size plus
  :data:`DEFAULT_MAX_TOKENS` for the answer (reported as an approximation);
* tool-call ids: ``tool_use.id`` and ``tool_result.tool_use_id`` must match
  ``^[a-zA-Z0-9_-]+$``; an id outside it (Kimi's ``functions.get_weather:0``) is written as a
  carrier (:mod:`.._call_id_carrier`), the same for the call and its result, which the decoder
  restores. In a *response* (or stream) for a client, a call's ``call_state`` (Gemini's
  ``extra_content``) rides in that carrier too, and is not a loss; in a request for the API it
  is reported lost (except where an anthropic client sent it in the first place: anthropic's
  own ids are written back exactly).

Request-side mapping rules for other formats' ir:

* A custom (free-text) tool becomes a function tool standing in for it, taking one string
  ``input`` (:mod:`.._custom_tools`; a grammar is described to the model, not enforced, and
  reported); a custom call becomes a ``tool_use`` of it with ``input: {"input": <raw input>}``
  (in a response too), and its output an ordinary ``tool_result``.
* Leading ``system``/``developer`` messages (before any user, assistant or tool message) join the
  top-level ``system`` blocks; later ones stay where they are as ``system`` role messages, which
  the Messages API (and the SDK's ``MessageParam``) accepts in the conversation.
* Empty plain text beside other parts (chat ``content: ""`` with ``tool_calls``) is dropped:
  anthropic rejects empty text blocks. The same holds for response content.
* A run of ``tool`` messages becomes ONE user message with the ``tool_result`` blocks first; a
  user message right after the run joins that turn after the results (chat's ``tool`` messages
  then ``user`` message, or Responses' ``function_call_output`` items then a user message, are
  one anthropic user turn, as Claude Code-style histories have them). Other consecutive messages
  of the same role stay separate (anthropic accepts them). A message (or a run of tool messages)
  all of whose parts were dropped is left out: no empty turn is sent. So is another format's
  assistant turn that says nothing (no parts, or only empty text: an empty reply that came back
  in the history).
* A bare reasoning effort (or budget) becomes a thinking budget through
  ``options.reasoning_policy``, kept at least ``min_answer_tokens`` below ``max_tokens``
  (thinking is dropped, and reported, when ``max_tokens`` leaves no room for the minimum budget,
  or when a tool call is forced, which anthropic does not allow while thinking). An effort that
  comes with an anthropic thinking mode (enabled with a budget, adaptive, disabled) goes to
  ``output_config.effort``.
* Enabled thinking is left out (reported) when the last assistant message calls tools without
  a thinking block first, which anthropic refuses: another format's history (another model, or a
  client that drops thinking), or an anthropic request whose thinking there was a carrier.
* ``response_format`` json_schema becomes ``output_config.format`` (the schema untouched; its
  ``name`` and ``strict`` have no effect on anthropic's always-constrained output and are not
  reported; a ``description`` is); ``json_object`` has no anthropic form.
* ``user`` (or else ``safety_identifier``) becomes ``metadata.user_id``; service tiers map by
  the tables (``default`` is ``standard_only``).
* ``temperature``, ``top_p`` and ``top_k`` are written as set (never added): the official SDK
  dropped them from its request type in 1.0, but the Messages API still takes them for the
  models that support sampling — a documented dialect of the request (see above for the values
  it would refuse).
* A function tool's parameters schema without a top-level ``type`` gets ``"type": "object"``
  (anthropic requires it; not a loss); one with another ``type`` is left as it is.
* Tool call arguments must be a JSON object (empty text is ``{}``); in a request anything else
  is :class:`InvalidInputError` at the part's ``arguments``; in a response, arguments cut off at
  ``max_tokens`` keep the part that parses (as the anthropic SDK reads a cut-off stream) and
  anything else drops the call, both reported.

Responses: the first candidate is the message (others are reported); a stop reason follows what
was emitted (tool calls => ``tool_use``, a refusal part => ``refusal``) and is omitted when
unknown; usage must carry both token counts: one the source never gave is written as 0 and not
reported (nothing the source said is lost; the same rule for every count a target requires);
``input_tokens`` is the ir's minus the cache reads and writes. Errors: the type for the kind and
the status anthropic uses for it (overloaded is 529), or anthropic's own where the source was
anthropic; another format's context overflow is an ``invalid_request_error`` whose message starts
with "prompt is too long: " before the original message (what Claude Code compacts on), its
``context_length_exceeded`` code said by that message (not reported).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, NamedTuple

from pydantic import BaseModel
from pydantic_core import from_json
from typing_extensions import assert_never

from .. import _call_id_carrier as call_ids
from .. import ir
from .._call_id_carrier import report_uncarried
from .._codec import (
    build,
    coalesce_assistant_runs,
    error_status,
    is_empty_text,
    is_own,
    report_foreign_extra,
    says_something,
)
from .._custom_tools import lose_format, stand_in_input, stand_in_schema
from .._fast_json import loads_json
from .._openai_errors import CONTEXT_LENGTH_CODE
from ..errors import InvalidInputError
from ..options import Format, Options
from ..wire import from_wire, json_path
from .models.blocks import RedactedThinkingBlock, TextBlock, ThinkingBlock, ToolUseBlock
from .models.citations import (
    CitationCharLocation,
    CitationCharLocationParam,
    CitationContentBlockLocation,
    CitationContentBlockLocationParam,
    CitationPageLocation,
    CitationPageLocationParam,
    CitationSearchResultLocationParam,
    CitationsSearchResultLocation,
    CitationsWebSearchResultLocation,
    CitationWebSearchResultLocationParam,
)
from .models.common import CacheControlEphemeralParam, CitationsConfigParam
from .models.config import (
    JSONOutputFormatParam,
    ThinkingConfigAdaptiveParam,
    ThinkingConfigDisabledParam,
    ThinkingConfigEnabledParam,
)
from .models.content import (
    Base64ImageSourceParam,
    Base64PDFSourceParam,
    ContentBlockSourceContentParam,
    ContentBlockSourceParam,
    DocumentBlockParam,
    FileDocumentSourceParam,
    FileImageSourceParam,
    ImageBlockParam,
    PlainTextSourceParam,
    RedactedThinkingBlockParam,
    TextBlockParam,
    ThinkingBlockParam,
    ToolResultBlockParam,
    ToolResultContentBlockParam,
    ToolUseBlockParam,
    URLImageSourceParam,
    URLPDFSourceParam,
)
from .models.errors import ErrorResponse, ErrorType
from .models.request import (
    AssistantMessageParam,
    ContentBlockParam,
    MessageCreateParams,
    SystemMessageContentBlockParam,
    SystemMessageParam,
    UserMessageParam,
)
from .models.response import ContentBlock, Message, Usage
from .models.tools import (
    ToolChoiceAnyParam,
    ToolChoiceAutoParam,
    ToolChoiceNoneParam,
    ToolChoiceToolParam,
    ToolParam,
    ToolUnionParam,
)
from .reasoning_carrier import display_text, encode_carrier
from .tables import (
    CITATION_FIELDS,
    CONTEXT_OVERFLOW_PREFIX,
    EFFORT_FROM_IR,
    ERROR_KIND_STATUS,
    ERROR_KIND_TO_TYPE,
    ERROR_TYPE_STATUS,
    ERROR_TYPE_TO_KIND,
    REQUEST_SERVICE_TIER_FROM_IR,
    RESPONSE_SERVICE_TIER_FROM_IR,
    STOP_REASON_FROM_IR,
    STOP_REASON_TO_IR,
    TOOL_CHOICE_FROM_IR,
    CitationType,
)

__all__ = ["DEFAULT_MAX_TOKENS", "encode_error", "encode_request", "encode_response"]

FMT: Format = "anthropic"

#: The room for the answer in the ``max_tokens`` sent when the source sets no output limit
#: (anthropic requires the field): this, plus the thinking budget at its full size when thinking
#: is on. Reported as an approximation unless the caller chose it (``default_max_tokens``).
DEFAULT_MAX_TOKENS: Final = 8192

#: The input schema of a function tool that declares no parameters.
EMPTY_INPUT_SCHEMA: Final[Mapping[str, Any]] = {"type": "object", "properties": {}}

_IMAGE_MEDIA_TYPES: Final = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
_IMAGE_MEDIA_ALIASES: Final = {"image/jpg": "image/jpeg"}
_CACHE_TTLS: Final = frozenset({"5m", "1h"})
_DATA_URL = re.compile(r"data:([^;,]+);base64,(.*)", re.DOTALL)

_CITATION_PARAMS: Final[Mapping[CitationType, type[BaseModel]]] = {
    "char_location": CitationCharLocationParam,
    "page_location": CitationPageLocationParam,
    "content_block_location": CitationContentBlockLocationParam,
    "web_search_result_location": CitationWebSearchResultLocationParam,
    "search_result_location": CitationSearchResultLocationParam,
}
_CITATIONS: Final[Mapping[CitationType, type[BaseModel]]] = {
    "char_location": CitationCharLocation,
    "page_location": CitationPageLocation,
    "content_block_location": CitationContentBlockLocation,
    "web_search_result_location": CitationsWebSearchResultLocation,
    "search_result_location": CitationsSearchResultLocation,
}

Blocks = list[BaseModel]
"""The wire blocks one ir part becomes (none when it is lost, two for a part that is both signed
and redacted reasoning)."""


def _foreign(node: ir.Node, options: Options) -> None:
    report_foreign_extra(node, FMT, options)


def _own(node: ir.Node) -> Mapping[str, Any]:
    return ir.extra_for(node, FMT)


def _is_own(node: ir.Node) -> bool:
    """Whether the anthropic decoder made ``node`` (it marks every node it makes)."""
    return is_own(node, FMT)


def _lose(options: Options, path: str, key: str | None, feature: str, reason: str) -> None:
    options.lose(path if key is None else json_path([key], path), feature, reason)


def _missing(cls: type[BaseModel], fields: Mapping[str, Any], node: ir.Node) -> list[str]:
    """The required wire fields of ``cls`` that neither ``fields`` nor the node's own extra
    give."""
    own = _own(node)
    names = ((field.alias or name, field) for name, field in cls.model_fields.items())
    return [wire for wire, field in names if field.is_required() and wire not in {**own, **fields}]


# --------------------------------------------------------------------------- requests


def encode_request(req: ir.Request, options: Options) -> MessageCreateParams:
    """An anthropic request for ``req``."""
    _foreign(req, options)
    own = _own(req)
    fields: dict[str, Any] = {"model": options.model or req.model}
    max_tokens = req.max_tokens
    if max_tokens is None:
        max_tokens = _default_max_tokens(req, options)
    fields["max_tokens"] = max_tokens
    system, messages = _conversation(req, options)
    if system is not None:
        fields["system"] = system
    fields["messages"] = messages
    if req.stream is not None:
        fields["stream"] = req.stream
    if req.stop is not None:
        fields["stop_sequences"] = list(req.stop)
    if req.tools is not None:
        fields["tools"] = _tools(req.tools, options)
    tool_choice = _tool_choice(req, options)
    if tool_choice is not None:
        fields["tool_choice"] = tool_choice
    reasoning = _reasoning_config(req.reasoning, max_tokens, options)
    thinking = reasoning.thinking
    if reasoning.derived and isinstance(tool_choice, (ToolChoiceAnyParam, ToolChoiceToolParam)):
        reason = "anthropic cannot think while a tool call is forced; thinking was left out"
        _lose(options, reasoning.path, None, "reasoning", reason)
        thinking = None
    if isinstance(thinking, ThinkingConfigEnabledParam) and _thinking_refused(req, messages):
        reason = (
            "anthropic refuses thinking when the latest assistant turn calls tools without a"
            " thinking block (its history came from another model, or thinking was dropped);"
            " thinking was left out"
        )
        _lose(options, reasoning.path, None, "reasoning", reason)
        thinking = None
    if thinking is not None:
        fields["thinking"] = thinking
    _sampling(fields, req, options)
    effort = reasoning.effort
    output_config = _output_config(own.get("output_config"), effort, req.output_format, options)
    if output_config is not None:
        fields["output_config"] = output_config
    metadata = _metadata(req, own.get("metadata"), options)
    if metadata is not None:
        fields["metadata"] = metadata
    if req.service_tier is not None:
        tier = REQUEST_SERVICE_TIER_FROM_IR.get(req.service_tier)  # type: ignore[call-overload]
        if tier is None:
            reason = f"anthropic cannot request the {req.service_tier!r} service tier"
            _lose(options, req.path, "service_tier", "service_tier", reason)
        else:
            fields["service_tier"] = tier
    _lose_unsupported(req, options)
    return build(MessageCreateParams, fields, req, FMT)


#: Request fields anthropic has no equivalent for, reported when set (``n`` only above 1,
#: ``logprobs`` and ``store`` only when true).
_UNSUPPORTED: Final = (
    "seed",
    "frequency_penalty",
    "presence_penalty",
    "logit_bias",
    "top_logprobs",
    "prompt_cache_key",
    "metadata",
)


def _lose_unsupported(req: ir.Request, options: Options) -> None:
    for name in _UNSUPPORTED:
        if getattr(req, name) is not None:
            options.lose(ir.field_path(req, name), name, f"anthropic has no equivalent of {name}")
    if req.n is not None and req.n != 1:
        _lose(options, req.path, "n", "n", "anthropic generates exactly one answer per request")
    if req.logprobs:
        _lose(options, req.path, "logprobs", "logprobs", "anthropic returns no logprobs")
    if req.store:
        _lose(options, req.path, "store", "store", "anthropic does not store responses")


def _conversation(req: ir.Request, options: Options) -> tuple[str | Blocks | None, list[Any]]:
    """The ``system`` value and the messages."""
    system_parts = None if req.instructions is None else list(req.instructions)
    text_form = req.instructions_text_form
    messages: list[Any] = []
    tool_run: list[ir.Message] = []
    leading = True
    turns = coalesce_assistant_runs(req.messages, FMT, lambda m: _check_message(m, options))
    for message in turns:
        if message.role != "tool" and tool_run:
            follower = message if message.role == "user" and not _is_own(message) else None
            _add(messages, _tool_turn(tool_run, follower, options))
            tool_run = []
            if follower is not None:
                continue
        match message.role:
            case "tool":
                leading = False
                tool_run.append(message)
            case "user" | "assistant":
                leading = False
                _add(messages, _turn(message, options))
            case "system" | "developer":
                if leading and not _is_own(message):
                    _check_message(message, options)
                    if system_parts is None:
                        system_parts, text_form = [], message.text_form
                    system_parts.extend(message.parts)
                else:
                    _add(messages, _system_message(message, options))
            case _:
                assert_never(message.role)
    if tool_run:
        _add(messages, _tool_turn(tool_run, None, options))
    if system_parts is None:
        return None, messages
    blocks = _blocks(system_parts, options, _system_block)
    value = _content_value(blocks, text_form)
    return (blocks if value is None else value), messages


def _add(messages: list[Any], message: BaseModel | None) -> None:
    """Append ``message`` unless it is ``None`` (every part of it was dropped)."""
    if message is not None:
        messages.append(message)


def _check_message(message: ir.Message, options: Options) -> None:
    _foreign(message, options)
    if message.name is not None:
        _lose(options, message.path, "name", "name", "anthropic messages have no name")


def _turn(message: ir.Message, options: Options) -> Any | None:
    """The message, or ``None`` for another format's message all of whose parts were dropped
    (and reported), or for another format's assistant turn that says nothing (no parts, or only
    empty text: an empty reply sent back in the history): no empty turn is made up."""
    _check_message(message, options)
    cls = UserMessageParam if message.role == "user" else AssistantMessageParam
    parts = _without_empty_text(message.parts)
    if not parts and message.role == "assistant" and not _is_own(message):
        return None
    parts = parts or message.parts
    content = _content_value(_blocks(parts, options, _message_block), message.text_form)
    if content is None and "content" not in _own(message):
        if parts and not _is_own(message):
            return None
        content = []
    return build(cls, {} if content is None else {"content": content}, message, FMT)


def _without_empty_text(parts: Sequence[ir.Part]) -> tuple[ir.Part, ...]:
    """``parts`` without other formats' empty plain text (chat's ``content: ""`` beside
    ``tool_calls``): anthropic rejects empty text blocks, and an empty string says nothing."""
    return tuple(part for part in parts if not _is_empty_foreign_text(part))


def _is_empty_foreign_text(part: ir.Part) -> bool:
    return is_empty_text(part) and not _is_own(part)


def _system_message(message: ir.Message, options: Options) -> SystemMessageParam | None:
    """A system message in the conversation; ``None`` for another format's message all of whose
    parts were dropped (and reported)."""
    _check_message(message, options)
    content = _content_value(_blocks(message.parts, options, _system_block), message.text_form)
    if content is None and message.parts and not _is_own(message):
        return None
    fields = {} if content is None else {"content": content}
    return build(SystemMessageParam, fields, message, FMT)


def _tool_turn(
    run: Sequence[ir.Message], follower: ir.Message | None, options: Options
) -> UserMessageParam | None:
    """A run of ``tool`` messages as one user message, tool results first, then their other
    parts and the parts of the user message that ``follower`` is (the user turn right after the
    results: anthropic has the results and the user's next words in one turn); ``None`` when
    every part was dropped (and reported): no empty turn is made up."""
    results: list[ir.Part] = []
    others: list[ir.Part] = []
    for message in run:
        _check_message(message, options)
        for part in message.parts:
            (results if isinstance(part, ir.ToolResultPart) else others).append(part)
    if follower is not None:
        _check_message(follower, options)
        others.extend(_without_empty_text(follower.parts))
    content = _blocks([*results, *others], options, _message_block)
    if not content:
        return None
    return build(UserMessageParam, {"content": content}, None, FMT)


def _blocks(
    parts: Iterable[ir.Part], options: Options, block: Callable[[ir.Part, Options], Blocks]
) -> Blocks:
    return [wire for part in parts for wire in block(part, options)]


def _content_value(blocks: Blocks, text_form: bool) -> str | Blocks | None:
    """``content`` as the plain string the source sent (one text block with nothing but text),
    the block list, or ``None`` when there are no blocks."""
    if text_form and len(blocks) == 1 and _is_plain_text(blocks[0]):
        return str(blocks[0].text)  # type: ignore[attr-defined]
    return blocks or None


def _is_plain_text(block: BaseModel) -> bool:
    return (
        isinstance(block, TextBlockParam)
        and block.model_fields_set <= {"type", "text"}
        and (not block.model_extra)
    )


def _one(block: BaseModel | None) -> Blocks:
    return [] if block is None else [block]


def _lose_part(part: ir.Part, options: Options, where: str) -> Blocks:
    kind = re.sub(r"(?<!^)([A-Z])", r"_\1", type(part).__name__.removesuffix("Part")).lower()
    _lose(options, part.path, None, kind, f"anthropic cannot carry {kind} content in {where}")
    return []


def _message_block(part: ir.Part, options: Options) -> Blocks:
    """A part of a user or assistant message."""
    match part:
        case ir.TextPart():
            return [_text(part, options, response=False)]
        case ir.ImagePart():
            return _one(_image(part, options))
        case ir.DocumentPart():
            return _one(_document(part, options))
        case ir.AudioPart():
            return _lose_part(part, options, "messages")
        case ir.ToolCallPart():
            return _one(_tool_use(part, options, response=False))
        case ir.ToolResultPart():
            return _one(_tool_result(part, options))
        case ir.ReasoningPart():
            return _reasoning(part, options, response=False)
        case ir.RefusalPart():
            return [_refusal(part, options, TextBlockParam)]
        case ir.NativePart():
            return _one(_native(part, options, ContentBlockParam))
        case _:
            assert_never(part)


def _system_block(part: ir.Part, options: Options) -> Blocks:
    """A part of ``system`` or of a system message: text (or an anthropic tool change)."""
    if isinstance(part, ir.TextPart):
        return [_text(part, options, response=False)]
    if isinstance(part, ir.NativePart):
        return _one(_native(part, options, SystemMessageContentBlockParam))
    return _lose_part(part, options, "system instructions")


def _result_block(part: ir.Part, options: Options) -> Blocks:
    """A part of a tool result: text, image, document (or an anthropic-only block)."""
    match part:
        case ir.TextPart():
            return [_text(part, options, response=False)]
        case ir.ImagePart():
            return _one(_image(part, options))
        case ir.DocumentPart():
            return _one(_document(part, options))
        case ir.NativePart():
            return _one(_native(part, options, ToolResultContentBlockParam))
        case ir.RefusalPart():
            return [_refusal(part, options, TextBlockParam)]
        case ir.AudioPart() | ir.ToolCallPart() | ir.ToolResultPart() | ir.ReasoningPart():
            return _lose_part(part, options, "tool results")
        case _:
            assert_never(part)


def _source_block(part: ir.Part, options: Options) -> Blocks:
    """A part of a custom-content document: text or image."""
    if isinstance(part, ir.TextPart):
        return [_text(part, options, response=False)]
    if isinstance(part, ir.ImagePart):
        return _one(_image(part, options))
    if isinstance(part, ir.NativePart):
        return _one(_native(part, options, ContentBlockSourceContentParam))
    return _lose_part(part, options, "document content")


def _native(part: ir.NativePart, options: Options, union: Any) -> BaseModel | None:
    _foreign(part, options)
    if part.format != FMT:
        reason = f"{part.format} {part.kind!r} blocks have no anthropic equivalent"
        _lose(options, part.path, None, part.kind, reason)
        return None
    block: BaseModel = from_wire(union, part.data, path=part.path)
    return block


def _cache(hint: ir.CacheHint, options: Options) -> CacheControlEphemeralParam:
    _foreign(hint, options)
    fields = {}
    if hint.ttl in _CACHE_TTLS:
        fields["ttl"] = hint.ttl
    elif hint.ttl is not None:
        reason = f"anthropic cache breakpoints live 5m or 1h, not {hint.ttl!r}"
        _lose(options, hint.path, "ttl", "cache_control.ttl", reason)
    return build(CacheControlEphemeralParam, fields, hint, FMT)


def _set_cache(
    fields: dict[str, Any],
    part: ir.Node,
    cache: ir.CacheHint | None,
    options: Options,
    *,
    allowed: bool = True,
) -> None:
    if cache is None:
        return
    if allowed:
        fields["cache_control"] = _cache(cache, options)
    else:
        reason = "anthropic response blocks carry no cache_control"
        _lose(options, part.path, "cache_control", "cache_control", reason)


def _text(part: ir.TextPart, options: Options, *, response: bool) -> BaseModel:
    _foreign(part, options)
    fields: dict[str, Any] = {"text": part.text}
    _set_cache(fields, part, part.cache, options, allowed=not response)
    if part.citations is not None:
        citations = [c for c in (_citation(c, options, response) for c in part.citations) if c]
        if citations or not part.citations:
            fields["citations"] = citations
    if part.logprobs is not None:
        _lose(options, part.path, "logprobs", "logprobs", "anthropic returns no logprobs")
    return build(TextBlock if response else TextBlockParam, fields, part, FMT)


def _citation(citation: ir.Citation, options: Options, response: bool) -> BaseModel | None:
    _foreign(citation, options)
    wire_type = _citation_type(citation)
    if wire_type is None:
        reason = f"{citation.kind} citations have no anthropic equivalent"
        _lose(options, citation.path, None, "citation", reason)
        return None
    fields = {
        wire: getattr(citation, attr)
        for wire, attr in CITATION_FIELDS[wire_type].items()
        if getattr(citation, attr) is not None
    }
    cls = (_CITATIONS if response else _CITATION_PARAMS)[wire_type]
    missing = _missing(cls, fields, citation)
    if missing:
        reason = f"an anthropic {wire_type} citation needs {', '.join(missing)}"
        _lose(options, citation.path, None, "citation", reason)
        return None
    return build(cls, fields, citation, FMT)


def _citation_type(citation: ir.Citation) -> CitationType | None:
    kind = citation.kind
    match kind:
        case (
            "char_location"
            | "page_location"
            | "content_block_location"
            | "web_search_result_location"
            | "search_result_location"
        ):
            return kind
        case "url":
            return "web_search_result_location"
        case "file" | "container_file" | "file_path":
            return None
        case _:
            assert_never(kind)


def _image(part: ir.ImagePart, options: Options) -> ImageBlockParam | None:
    _foreign(part, options)
    source = _image_source(part.source, options)
    if source is None:
        src = part.source
        reason = f"anthropic cannot take an image from {src.kind} ({src.media_type or 'no type'})"
        _lose(options, part.path, None, "image", reason)
        return None
    fields: dict[str, Any] = {"source": source}
    if part.detail is not None:
        reason = "anthropic images have no detail level"
        options.lose(ir.field_path(part, "detail"), "detail", reason)
    _set_cache(fields, part, part.cache, options)
    return build(ImageBlockParam, fields, part, FMT)


def _source_checks(source: ir.MediaSource, options: Options) -> ir.MediaSource:
    """Report what a foreign source carries that anthropic cannot; resolve a base64 data URL."""
    _foreign(source, options)
    if source.filename is not None:
        reason = "anthropic sources have no file name"
        _lose(options, source.path, "filename", "filename", reason)
    found = _DATA_URL.fullmatch(source.url or "") if source.kind == "url" else None
    if found is None:
        return source
    return ir.MediaSource(kind="base64", media_type=found[1], data=found[2], path=source.path)


def _image_source(source: ir.MediaSource, options: Options) -> BaseModel | None:
    source = _source_checks(source, options)
    match source.kind:
        case "base64":
            media_type = _IMAGE_MEDIA_ALIASES.get(source.media_type or "", source.media_type)
            if media_type not in _IMAGE_MEDIA_TYPES or source.data is None:
                return None
            fields = {"media_type": media_type, "data": source.data}
            return build(Base64ImageSourceParam, fields, source, FMT)
        case "url":
            return build(URLImageSourceParam, {"url": source.url}, source, FMT)
        case "file":
            return build(FileImageSourceParam, {"file_id": source.file_id}, source, FMT)
        case "text" | "content":
            return None
        case _:
            assert_never(source.kind)


def _document(part: ir.DocumentPart, options: Options) -> DocumentBlockParam | None:
    _foreign(part, options)
    source = _document_source(part.source, options)
    if source is None:
        src = part.source
        reason = f"anthropic cannot take a document from {src.kind} ({src.media_type or 'no type'})"
        _lose(options, part.path, None, "document", reason)
        return None
    fields: dict[str, Any] = {"source": source}
    for name in ("title", "context"):
        if getattr(part, name) is not None:
            fields[name] = getattr(part, name)
    if part.citations_enabled is not None:
        fields["citations"] = CitationsConfigParam(enabled=part.citations_enabled)
    _set_cache(fields, part, part.cache, options)
    return build(DocumentBlockParam, fields, part, FMT)


def _document_source(source: ir.MediaSource, options: Options) -> BaseModel | None:
    source = _source_checks(source, options)
    match source.kind:
        case "base64":
            if source.data is None:
                return None
            if source.media_type == "application/pdf":
                return build(Base64PDFSourceParam, {"data": source.data}, source, FMT)
            if source.media_type == "text/plain":
                text = _base64_text(source.data)
                return None if text is None else PlainTextSourceParam(data=text)
            return None
        case "text":
            if source.data is None:
                return None
            return build(PlainTextSourceParam, {"data": source.data}, source, FMT)
        case "url":
            return build(URLPDFSourceParam, {"url": source.url}, source, FMT)
        case "file":
            return build(FileDocumentSourceParam, {"file_id": source.file_id}, source, FMT)
        case "content":
            content = source.data
            if content is None:
                content = _blocks(source.parts, options, _source_block)  # type: ignore[assignment]
            return build(ContentBlockSourceParam, {"content": content}, source, FMT)
        case _:
            assert_never(source.kind)


def _base64_text(data: str) -> str | None:
    try:
        return base64.b64decode(data, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None


def _tool_use(part: ir.ToolCallPart, options: Options, *, response: bool) -> BaseModel | None:
    """A ``tool_use`` block; a custom call is a call of its stand-in (:mod:`.._custom_tools`)."""
    _foreign(part, options)
    if part.kind == "custom":
        tool_input: dict[str, Any] | None = stand_in_input(part.arguments)
    else:
        tool_input = _function_input(part, options, response=response)
        if tool_input is None:
            return None
    if not response and not _is_own(part):
        report_uncarried(part, FMT, options)
    fields: dict[str, Any] = {
        "id": _call_id(part, "id", client=response),
        "name": part.name,
        "input": tool_input,
    }
    _set_cache(fields, part, part.cache, options, allowed=not response)
    return build(ToolUseBlock if response else ToolUseBlockParam, fields, part, FMT)


def _function_input(
    part: ir.ToolCallPart, options: Options, *, response: bool
) -> dict[str, Any] | None:
    """A function call's arguments as ``input``. A model's answer can hold arguments cut off at
    ``max_tokens``: a response keeps what parses (as the anthropic SDK reads a ``tool_use`` block
    cut short in a stream) or drops the call, both reported; in a request, arguments that are not
    a JSON object are invalid input."""
    tool_input = _input(part)
    where = ir.field_path(part, "arguments")
    if tool_input is None and response:
        tool_input = _partial_input(part)
        if tool_input is not None:
            reason = "the tool call's arguments were cut off; input holds the part that parsed"
            options.lose(where, "tool_use", reason)
    if tool_input is None:
        if not response:
            raise InvalidInputError(
                "tool call arguments must be a JSON object to become anthropic tool_use input",
                path=where,
                feature="tool_use",
            )
        options.lose(where, "tool_use", "the tool call's arguments are not a JSON object")
    return tool_input


def _call_id(part: ir.ToolCallPart | ir.ToolResultPart, key: str, *, client: bool) -> str:
    """The ``id`` / ``tool_use_id`` (``key``) of a call or its result: the call id itself, or a
    carrier (:mod:`.._call_id_carrier`) of an id outside the API's pattern and, for a client
    (``client``) or where an anthropic client had it, of the call's state. An id that anthropic
    input had outside the pattern is written back as it came (the decoder echoes it)."""
    if part.echo.get(FMT, {}).get(key) == part.call_id:
        return part.call_id
    state = part.call_state if client or _is_own(part) else ir.EMPTY_EXTRA
    return call_ids.encode(part.call_id, state, pattern=call_ids.ANTHROPIC_ID)


def _partial_input(part: ir.ToolCallPart) -> dict[str, Any] | None:
    """The object that the start of cut-off JSON arguments describes, if they start one."""
    try:
        value = from_json(part.arguments, allow_partial=True)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _input(part: ir.ToolCallPart) -> dict[str, Any] | None:
    """The arguments as anthropic's ``input`` object (empty arguments are an empty object);
    ``None`` when they are not a JSON object."""
    if not part.arguments.strip():
        return {}
    try:
        value = loads_json(part.arguments)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _tool_result(part: ir.ToolResultPart, options: Options) -> ToolResultBlockParam:
    """A ``tool_result`` block (a custom tool's output too: its call went as a stand-in call)."""
    _foreign(part, options)
    fields: dict[str, Any] = {"tool_use_id": _call_id(part, "tool_use_id", client=False)}
    content = _content_value(_blocks(part.content, options, _result_block), part.text_form)
    if content is not None:
        fields["content"] = content
    if part.is_error is not None:
        fields["is_error"] = part.is_error
    _set_cache(fields, part, part.cache, options)
    return build(ToolResultBlockParam, fields, part, FMT)


def _reasoning(part: ir.ReasoningPart, options: Options, *, response: bool) -> Blocks:
    """Signed thinking and redacted thinking. In a *response* (for an anthropic client, never the
    API), reasoning another server made becomes a thinking block whose signature is a carrier
    (:mod:`.reasoning_carrier`), decoded when the client sends it back. A request carries only
    anthropic's own signatures: any other reasoning — a decoded carrier included — is dropped.
    Reasoning that says nothing becomes no block, silently."""
    _foreign(part, options)
    blocks: Blocks = []
    thinking_cls = ThinkingBlock if response else ThinkingBlockParam
    carrier = encode_carrier(part) if response else None
    if part.signature is not None:
        thinking = {"thinking": part.text or "", "signature": part.signature}
        blocks.append(build(thinking_cls, thinking, part, FMT))
    elif carrier is not None:
        thinking = {"thinking": display_text(part), "signature": carrier}
        blocks.append(build(thinking_cls, thinking, part, FMT))
    if part.redacted_data is not None:
        redacted_cls = RedactedThinkingBlock if response else RedactedThinkingBlockParam
        blocks.append(build(redacted_cls, {"data": part.redacted_data}, part, FMT))
    if not blocks and says_something(part):
        made_by = f"{part.origin} " if part.origin not in (None, FMT) else ""
        reason = (
            f"{made_by}reasoning without an anthropic signature cannot be sent to the "
            "Anthropic API as thinking"
        )
        _lose(options, part.path, None, "reasoning", reason)
    return blocks


def _refusal(part: ir.RefusalPart, options: Options, cls: type[BaseModel]) -> BaseModel:
    _foreign(part, options)
    return build(cls, {"text": part.text}, None, FMT)


# --------------------------------------------------------------------------- tools


def _tools(tools: Sequence[ir.Tool], options: Options) -> list[Any]:
    out: list[Any] = []
    for tool in tools:
        match tool.kind:
            case "function":
                out.append(_function_tool(tool, options))
            case "custom":
                out.append(_stand_in_tool(tool, options))
            case "native":
                if FMT in tool.extra and tool.native is not None:
                    out.append(from_wire(ToolUnionParam, tool.native, path=tool.path))
                else:
                    reason = f"the built-in tool {tool.name!r} has no anthropic equivalent"
                    _lose(options, tool.path, None, "native_tool", reason)
            case _:
                assert_never(tool.kind)
    return out


def _function_tool(tool: ir.Tool, options: Options) -> ToolParam:
    _foreign(tool, options)
    own = _is_own(tool) and tool.parameters is not None
    schema = tool.parameters if own else _input_schema(tool.parameters)
    fields: dict[str, Any] = {"name": tool.name, "input_schema": schema}
    for name in ("description", "strict"):
        if getattr(tool, name) is not None:
            fields[name] = getattr(tool, name)
    _set_cache(fields, tool, tool.cache, options)
    return build(ToolParam, fields, tool, FMT)


def _input_schema(parameters: dict[str, Any] | None) -> Mapping[str, Any]:
    """Another format's function parameters schema as anthropic's ``input_schema``, which must
    say ``"type": "object"``: a schema without a top-level ``type`` (``{}``, ``{"properties":
    …}``, which OpenAI accepts) gets it — that is what such a schema means for function
    arguments, so nothing is lost; a schema with another ``type`` is left as it is."""
    if parameters is None:
        return EMPTY_INPUT_SCHEMA
    if "type" in parameters:
        return parameters
    return {"type": "object", **parameters}


def _stand_in_tool(tool: ir.Tool, options: Options) -> ToolParam:
    """The function tool standing in for a custom tool (:mod:`.._custom_tools`)."""
    _foreign(tool, options)
    lose_format(tool, options, FMT)
    fields: dict[str, Any] = {"name": tool.name, "input_schema": stand_in_schema(tool)}
    if tool.description is not None:
        fields["description"] = tool.description
    _set_cache(fields, tool, tool.cache, options)
    return build(ToolParam, fields, tool, FMT)


def _tool_choice(req: ir.Request, options: Options) -> BaseModel | None:
    choice, parallel = req.tool_choice, req.parallel_tool_calls
    if choice is None:
        if parallel is False:
            return ToolChoiceAutoParam(disable_parallel_tool_use=True)
        return None
    _foreign(choice, options)
    wire_type = TOOL_CHOICE_FROM_IR[choice.mode]
    if wire_type is None:
        wire_type = "any" if choice.allowed_required else "auto"
        reason = f"anthropic cannot limit tool use to a subset of tools; {wire_type!r} was sent"
        _lose(options, choice.path, None, "tool_choice.allowed_tools", reason)
    fields: dict[str, Any] = {}
    if wire_type == "none":
        return build(ToolChoiceNoneParam, fields, choice, FMT)
    if parallel is not None:
        fields["disable_parallel_tool_use"] = not parallel
    if wire_type == "tool":
        if choice.name is None:
            raise InvalidInputError("a named tool choice needs the tool's name", path=choice.path)
        fields["name"] = choice.name
        return build(ToolChoiceToolParam, fields, choice, FMT)
    cls = ToolChoiceAnyParam if wire_type == "any" else ToolChoiceAutoParam
    return build(cls, fields, choice, FMT)


# --------------------------------------------------------------------------- reasoning, output


class _Reasoning(NamedTuple):
    """What a reasoning config becomes."""

    thinking: BaseModel | None = None
    effort: str | None = None
    """``output_config.effort``."""
    derived: bool = False
    """The thinking budget was worked out here (from an effort or a bare budget), not given as
    an anthropic thinking mode."""
    path: str = ""


def _reasoning_config(
    config: ir.ReasoningConfig | None, max_tokens: int, options: Options
) -> _Reasoning:
    """``thinking`` and ``output_config.effort`` for the reasoning config."""
    if config is None:
        return _Reasoning()
    _foreign(config, options)
    if config.summary is not None:
        reason = "anthropic has no reasoning summary setting"
        _lose(options, config.path, "summary", "reasoning.summary", reason)
    thinking: BaseModel
    if config.adaptive:
        thinking = build(ThinkingConfigAdaptiveParam, {}, config, FMT)
    elif config.enabled is False:
        thinking = build(ThinkingConfigDisabledParam, {}, config, FMT)
    elif config.enabled and config.budget_tokens is not None:
        fields = {"budget_tokens": config.budget_tokens}
        thinking = build(ThinkingConfigEnabledParam, fields, config, FMT)
    elif _is_own(config):  # anthropic's output_config.effort without thinking
        return _Reasoning(None, _effort(config, options), path=config.path)
    else:
        budgeted = _budgeted_thinking(config, max_tokens, options)
        return _Reasoning(budgeted, derived=True, path=config.path)
    return _Reasoning(thinking, _effort(config, options), path=config.path)


def _effort(config: ir.ReasoningConfig, options: Options) -> str | None:
    """``output_config.effort`` for an effort that goes with an anthropic thinking mode."""
    if config.effort is None or (config.effort == "none" and config.enabled is False):
        return None
    effort = EFFORT_FROM_IR[config.effort]
    if effort is None:
        reason = f"anthropic has no {config.effort!r} effort level"
        _lose(options, config.path, "effort", "reasoning.effort", reason)
    return effort


#: Sampling fields the Messages API takes for the models that support them, but that the
#: official SDK's request type no longer lists (a documented dialect of the request, see
#: :class:`.models.request.MessageCreateParams`).
_SAMPLING: Final = ("temperature", "top_p", "top_k")

#: The highest ``temperature`` anthropic takes (OpenAI's range goes to 2).
MAX_TEMPERATURE: Final = 1

#: The lowest ``top_p`` anthropic takes while thinking is on.
MIN_THINKING_TOP_P: Final = 0.95


def _sampling(fields: dict[str, Any], req: ir.Request, options: Options) -> None:
    """``temperature``, ``top_p``, ``top_k``, written as the client set them (never added).

    Anthropic's own request comes back exactly. Another format's values go through when the
    API would take them: with thinking on (``fields["thinking"]`` enabled or adaptive) the API
    refuses a ``temperature`` other than 1, any ``top_k`` and a ``top_p`` below 0.95, so those
    are left out (reported); a ``temperature`` above anthropic's maximum of 1 (OpenAI's range
    goes to 2) is sent as 1 (reported)."""
    thinking = isinstance(
        fields.get("thinking"), (ThinkingConfigEnabledParam, ThinkingConfigAdaptiveParam)
    )
    for name in _SAMPLING:
        value = getattr(req, name)
        if value is None:
            continue
        if not _is_own(req):
            value = _foreign_sampling(name, value, thinking, req, options)
        if value is not None:
            fields[name] = value


def _foreign_sampling(
    name: str, value: float, thinking: bool, req: ir.Request, options: Options
) -> float | None:
    """Another format's sampling value as anthropic takes it, ``None`` when it must be left out
    (each change reported)."""
    refusal = _refused_while_thinking(name, value) if thinking else None
    if refusal is not None:
        reason = f"anthropic takes {refusal} while thinking; it was left out"
        _lose(options, req.path, name, name, reason)
        return None
    if name == "temperature" and value > MAX_TEMPERATURE:
        top = MAX_TEMPERATURE
        reason = f"anthropic's temperature goes up to {top}; {value} became {top}"
        _lose(options, req.path, name, name, reason)
        return top
    return value


def _refused_while_thinking(name: str, value: float) -> str | None:
    """What the Messages API refuses of ``name`` while thinking is on (``None``: ``value`` is
    fine)."""
    if name == "temperature" and value != 1:
        return "no temperature other than 1"
    if name == "top_k":
        return "no top_k"
    if name == "top_p" and value < MIN_THINKING_TOP_P:
        return f"no top_p below {MIN_THINKING_TOP_P}"
    return None


def _wanted_budget(config: ir.ReasoningConfig | None, options: Options) -> int | None:
    """The thinking budget another format's reasoning config asks for at its full size: its
    budget, else its effort's (policy table; ``"medium"`` when thinking is merely on); ``None``
    when it asks for no thinking."""
    if config is None or config.adaptive or config.enabled is False:
        return None
    if config.budget_tokens is not None:
        return config.budget_tokens
    if config.effort is None and not config.enabled:
        return None
    return options.reasoning_policy.budget_for(config.effort or "medium")


def _default_max_tokens(req: ir.Request, options: Options) -> int:
    """``max_tokens`` for a source that set no output limit: the caller's
    ``default_max_tokens``, else the full thinking budget plus room for the answer (reported)."""
    if options.default_max_tokens is not None:
        return options.default_max_tokens
    max_tokens = DEFAULT_MAX_TOKENS + (_wanted_budget(req.reasoning, options) or 0)
    reason = f"anthropic requires max_tokens; {max_tokens} was sent"
    _lose(options, req.path, "max_tokens", "max_tokens", reason)
    return max_tokens


def _thinking_refused(req: ir.Request, messages: Sequence[Any]) -> bool:
    """Whether anthropic would refuse thinking for these ``messages``: their last assistant
    message calls tools without starting with a thinking block. Another format's history is
    checked whole; an anthropic client's own request only where the bridge dropped that turn's
    reasoning (a carrier), so what the client itself sent goes out as it came."""
    last = next((m for m in reversed(messages) if m.role == "assistant"), None)
    if last is None or isinstance(last.content, str) or not last.content:
        return False
    calls = any(isinstance(block, ToolUseBlockParam) for block in last.content)
    if not calls or isinstance(last.content[0], (ThinkingBlockParam, RedactedThinkingBlockParam)):
        return False
    if not _is_own(req):
        return True
    source = next((m for m in reversed(req.messages) if m.role == "assistant"), None)
    return source is not None and any(isinstance(p, ir.ReasoningPart) for p in source.parts)


def _budgeted_thinking(
    config: ir.ReasoningConfig, max_tokens: int, options: Options
) -> BaseModel | None:
    """Thinking with a budget from the config's budget or effort (policy table), kept below
    ``max_tokens``."""
    policy = options.reasoning_policy
    budget = _wanted_budget(config, options)
    if budget is None:
        if config.effort == "none":
            return ThinkingConfigDisabledParam()
        return None
    budget = max(min(budget, max_tokens - policy.min_answer_tokens), policy.min_budget)
    if budget >= max_tokens:
        reason = f"max_tokens {max_tokens} leaves no room for a thinking budget"
        _lose(options, config.path, None, "reasoning", reason)
        return None
    return ThinkingConfigEnabledParam(budget_tokens=budget)


def _output_config(
    residue: Any, effort: str | None, output_format: ir.OutputFormat | None, options: Options
) -> dict[str, Any] | None:
    """``output_config``: what anthropic alone set (kept in extra) plus effort and format."""
    fields: dict[str, Any] = dict(residue) if isinstance(residue, Mapping) else {}
    given = False
    if effort is not None:
        fields["effort"] = effort
        given = True
    if output_format is not None:
        wire_format = _output_format(output_format, options)
        if wire_format is not None:
            fields["format"] = wire_format
            given = True
    return fields if given else None


def _output_format(output: ir.OutputFormat, options: Options) -> BaseModel | None:
    _foreign(output, options)
    match output.kind:
        case "text":
            return None
        case "json_object":
            reason = "anthropic structured output needs a JSON schema"
            _lose(options, output.path, None, "response_format", reason)
            return None
        case "json_schema":
            if output.schema is None:
                reason = "a json_schema output format without a schema"
                _lose(options, output.path, None, "response_format", reason)
                return None
            if output.description is not None:
                reason = "anthropic output formats have no description"
                _lose(options, output.path, "description", "response_format.description", reason)
            return build(JSONOutputFormatParam, {"schema": output.schema}, output, FMT)
        case _:
            assert_never(output.kind)


def _metadata(req: ir.Request, residue: Any, options: Options) -> dict[str, Any] | None:
    """``metadata``: ``user_id`` from ``user`` (else ``safety_identifier``)."""
    user_id = req.user if req.user is not None else req.safety_identifier
    if req.user is not None and req.safety_identifier not in (None, req.user):
        reason = "anthropic has one end-user id (metadata.user_id); user was sent"
        _lose(options, req.path, "safety_identifier", "safety_identifier", reason)
    if user_id is None:
        return None
    fields: dict[str, Any] = dict(residue) if isinstance(residue, Mapping) else {}
    fields["user_id"] = user_id
    return fields


# --------------------------------------------------------------------------- responses


def encode_response(resp: ir.Response, options: Options) -> Message:
    """An anthropic ``Message`` for ``resp`` (its first candidate)."""
    _foreign(resp, options)
    candidate = resp.candidates[0] if resp.candidates else ir.Candidate(path=resp.path)
    for extra in resp.candidates[1:]:
        reason = "an anthropic message holds one answer"
        _lose(options, extra.path, None, "n", f"{reason}; candidate {extra.index} was dropped")
    _foreign(candidate, options)
    if resp.error_message is not None:
        reason = "an anthropic message carries no error"
        _lose(options, resp.path, "error", "error", reason)
    content = _blocks(_without_empty_text(candidate.parts), options, _response_block)
    fields: dict[str, Any] = {
        "id": resp.id if resp.id is not None else options.id_factory("msg_"),
        "model": options.model or resp.model or "",
        "content": content,
        "usage": _usage(resp.usage, options),
    }
    refused = any(isinstance(part, ir.RefusalPart) and part.text for part in candidate.parts)
    stop_reason = _stop_reason(candidate, content, refused, options)
    if stop_reason is not None:
        fields["stop_reason"] = stop_reason
    if candidate.stop_sequence is not None:
        fields["stop_sequence"] = candidate.stop_sequence
    return build(Message, fields, resp, FMT)


def _response_block(part: ir.Part, options: Options) -> Blocks:
    match part:
        case ir.TextPart():
            return [_text(part, options, response=True)]
        case ir.ReasoningPart():
            return _reasoning(part, options, response=True)
        case ir.ToolCallPart():
            return _one(_tool_use(part, options, response=True))
        case ir.RefusalPart():  # an empty refusal says nothing: no block, no refusal
            return [_refusal(part, options, TextBlock)] if part.text else []
        case ir.NativePart():
            return _one(_native(part, options, ContentBlock))
        case ir.ImagePart() | ir.DocumentPart() | ir.AudioPart() | ir.ToolResultPart():
            return _lose_part(part, options, "a response")
        case _:
            assert_never(part)


def _stop_reason(
    candidate: ir.Candidate, content: Blocks, refused: bool, options: Options
) -> str | None:
    """The anthropic stop reason: anthropic's own value where the source said it, else the
    table's, following what was emitted (tool calls => tool_use, refusal => refusal). A failed
    answer (no anthropic stop reason) gets none: its tool calls or refusal did not end it."""
    stop = candidate.stop_reason
    if stop is None:
        return None
    raw = candidate.raw_stop_reason
    if raw in STOP_REASON_TO_IR and STOP_REASON_TO_IR[raw] == stop:  # type: ignore[index]
        return raw
    wire = STOP_REASON_FROM_IR[stop]
    called = any(isinstance(block, ToolUseBlock) for block in content)
    if wire == "tool_use" and not called:
        wire = "end_turn"  # "stopped to call tools" without a call: it just stopped
    if wire in ("end_turn", "stop_sequence"):
        if called:
            return "tool_use"
        if refused:
            return "refusal"
    if wire is None:
        reason = f"anthropic has no {stop!r} stop reason; stop_reason was left out"
        options.lose(ir.field_path(candidate, "stop_reason"), "stop_reason", reason)
    return wire


def _usage(usage: ir.Usage | None, options: Options) -> Usage:
    """Anthropic usage: ``input_tokens`` without the cached tokens. A count the Message type
    requires that the source never gave is written as 0, and is no loss: nothing the caller's
    payload said was dropped."""
    if usage is None:
        return Usage(input_tokens=0, output_tokens=0)
    _foreign(usage, options)
    own = _own(usage)
    cache_read, cache_write = usage.cache_read_tokens, usage.cache_write_tokens
    fields: dict[str, Any] = {
        "input_tokens": usage.input_tokens or 0,
        "output_tokens": usage.output_tokens or 0,
    }
    uncached = fields["input_tokens"] - (cache_read or 0) - (cache_write or 0)
    if uncached < 0:
        reason = "cached tokens exceed the input tokens; input_tokens was sent as 0"
        _lose(options, usage.path, "input_tokens", "usage", reason)
    fields["input_tokens"] = max(uncached, 0)
    if cache_read is not None:
        fields["cache_read_input_tokens"] = cache_read
    if cache_write is not None:
        fields["cache_creation_input_tokens"] = cache_write
    if usage.reasoning_tokens is not None:
        fields["output_tokens_details"] = {"thinking_tokens": usage.reasoning_tokens}
    if usage.web_search_requests is not None:
        residue = own.get("server_tool_use")
        if isinstance(residue, Mapping):
            searches = usage.web_search_requests
            fields["server_tool_use"] = {**residue, "web_search_requests": searches}
        else:
            reason = "anthropic reports web searches with web fetches, which are unknown"
            options.lose(ir.field_path(usage, "web_search_requests"), "server_tool_use", reason)
    if usage.service_tier is not None:
        tier = RESPONSE_SERVICE_TIER_FROM_IR.get(usage.service_tier)  # type: ignore[call-overload]
        if tier is None:
            reason = f"anthropic has no {usage.service_tier!r} service tier"
            options.lose(ir.field_path(usage, "service_tier"), "service_tier", reason)
        else:
            fields["service_tier"] = tier
    return build(Usage, fields, usage, FMT)


# --------------------------------------------------------------------------- errors


def encode_error(err: ir.ApiError, options: Options) -> tuple[int, ErrorResponse]:
    """An anthropic error body and the HTTP status to send it with."""
    _foreign(err, options)
    residue = _own(err).get("error")
    for name in ("param", "code"):
        value = getattr(err, name)
        if value is not None and not _said_by_kind(err, name, value):
            reason = f"anthropic error bodies have no {name}"
            options.lose(ir.field_path(err, name), f"error.{name}", reason)
    if isinstance(residue, Mapping) and "type" in residue:
        error = dict(residue)  # an anthropic error type this package does not know, verbatim
        canonical = ERROR_KIND_STATUS[err.kind]
    else:
        error_type = _error_type(err)
        canonical = ERROR_TYPE_STATUS[error_type]
        error = {**(residue if isinstance(residue, Mapping) else {})}
        error.update(type=error_type, message=_error_message(err))
    status = error_status(err, FMT, canonical)
    fields: dict[str, Any] = {"error": error}
    if err.request_id is not None:
        fields["request_id"] = err.request_id
    return status, build(ErrorResponse, fields, err, FMT)


def _said_by_kind(err: ir.ApiError, name: str, value: object) -> bool:
    """Whether an OpenAI ``code`` says nothing the anthropic error does not: the context
    overflow code, which anthropic says with its message."""
    return err.kind == "context_length_exceeded" and name == "code" and value == CONTEXT_LENGTH_CODE


def _error_message(err: ir.ApiError) -> str:
    """The message, which for another format's context overflow starts as anthropic's does
    ("prompt is too long: <the original message>"), as Claude Code looks for."""
    message = err.message
    if err.kind != "context_length_exceeded" or _is_own(err):
        return message
    if message.lstrip().lower().startswith(CONTEXT_OVERFLOW_PREFIX):
        return message
    return f"{CONTEXT_OVERFLOW_PREFIX}: {message}" if message else CONTEXT_OVERFLOW_PREFIX


def _error_type(err: ir.ApiError) -> ErrorType:
    """Anthropic's own error type where the source said it, else the table's for the kind."""
    raw = err.raw_type
    if _is_own(err) and raw in ERROR_TYPE_TO_KIND:
        return raw  # type: ignore[return-value]
    return ERROR_KIND_TO_TYPE[err.kind]
