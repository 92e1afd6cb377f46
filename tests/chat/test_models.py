"""The Chat Completions wire models: exact round trips, the official SDK as oracle, drift, bad input.

* Every fixture in ``tests/fixtures/chat`` round-trips exactly; non-lenient ones also validate
  strictly (no unknown keys) against the SDK type(s) listed in ``SDK_TYPES``.
* Drift: every union knows exactly the tags the pinned SDK knows; every model has exactly the
  SDK's fields (plus the documented provider extensions); every ``Literal`` alias has the SDK's
  values.
* Bad input raises ``InvalidInputError`` pointing at the offending value.
* Hypothesis: generated payloads round-trip exactly.
* The recorded real streams in ``../shared/samples/openai_chat`` round-trip exactly.
"""

# ruff: noqa: E501  (the SDK-pairing and bad-input tables read best one entry per line)

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any, Literal, Union

import anthropic.types as anthropic_types
import openai.types.chat as sdk
import pytest
from hypothesis import given
from openai.types import shared as sdk_shared
from openai.types import shared_params as sdk_shared_params
from openai.types.chat import (
    chat_completion,
    chat_completion_assistant_message_param,
    chat_completion_chunk,
    chat_completion_content_part_image_param,
    chat_completion_content_part_input_audio_param,
    chat_completion_content_part_param,
    chat_completion_content_part_text_param,
    chat_completion_custom_tool_param,
    chat_completion_message,
    chat_completion_message_custom_tool_call,
    chat_completion_message_custom_tool_call_param,
    chat_completion_message_function_tool_call,
    chat_completion_message_function_tool_call_param,
    chat_completion_named_tool_choice_custom_param,
    chat_completion_named_tool_choice_param,
    chat_completion_token_logprob,
)
from openai.types.chat import completion_create_params as ccp
from openai.types.completion_usage import (
    CompletionTokensDetails as SdkCompletionTokensDetails,
)
from openai.types.completion_usage import CompletionUsage as SdkCompletionUsage
from openai.types.completion_usage import PromptTokensDetails as SdkPromptTokensDetails
from openai.types.shared import error_object
from pydantic import BaseModel
from typing_extensions import Required, TypedDict

from openai_claude_bridge import InvalidInputError, chat, from_wire, to_wire
from openai_claude_bridge.testing.strategies import wire_payloads
from openai_claude_bridge.wire import WireModel, union_members, union_tags
from tests.support.drift import field_hint, literal_values, sdk_union_tags
from tests.support.drift import union_members as sdk_union_members
from tests.support.models import exported_models, instances, our_fields
from tests.support.oracle import assert_sdk_strict, sdk_errors, sdk_fields
from tests.support.roundtrip import (
    assert_json_identical,
    assert_roundtrip,
    fixture_cases,
    is_lenient,
    resolve_type,
)

FMT = "chat"
CASES = fixture_cases(FMT)


class _SdkErrorResponse(TypedDict):
    """The SDK has no wrapper type for the ``{"error": ...}`` body; this is it."""

    error: Required[error_object.ErrorObject]


#: Our fixture type name -> the SDK type(s) its (non-lenient) payloads must strictly satisfy.
SDK_TYPES: dict[str, tuple[Any, ...]] = {
    "CompletionCreateParams": (
        ccp.CompletionCreateParamsNonStreaming,
        ccp.CompletionCreateParamsStreaming,
    ),
    "ChatCompletionMessageParam": (sdk.ChatCompletionMessageParam,),
    "ChatCompletionContentPartParam": (sdk.ChatCompletionContentPartParam,),
    "ChatCompletionToolUnionParam": (sdk.ChatCompletionToolUnionParam,),
    "ChatCompletionToolChoiceObjectParam": (sdk.ChatCompletionToolChoiceOptionParam,),
    "ResponseFormat": (ccp.ResponseFormat,),
    "ChatCompletion": (sdk.ChatCompletion,),
    "ChatCompletionMessage": (sdk.ChatCompletionMessage,),
    "ChatCompletionChunk": (sdk.ChatCompletionChunk,),
    "CompletionUsage": (SdkCompletionUsage,),
    "ErrorResponse": (_SdkErrorResponse,),
}


# --------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize(("type_name", "case_id", "payload"), CASES)
def test_fixture_round_trip_and_sdk_strict(type_name: str, case_id: str, payload: Any) -> None:
    model = assert_roundtrip(resolve_type(FMT, type_name), payload)
    if is_lenient(case_id):
        return
    assert type_name in SDK_TYPES, f"add the SDK type(s) of {type_name} to SDK_TYPES"
    assert_sdk_strict(to_wire(model), *SDK_TYPES[type_name])


def _lenient_files() -> dict[str, tuple[str, list[Any]]]:
    files: dict[str, tuple[str, list[Any]]] = {}
    for param in CASES:
        type_name, case_id, payload = param.values
        if is_lenient(case_id):
            key = f"{type_name}/{case_id.split(':')[0]}"
            files.setdefault(key, (type_name, []))[1].append(payload)
    return files


@pytest.mark.parametrize("key", sorted(_lenient_files()))
def test_lenient_fixtures_really_are_outside_the_sdk(key: str) -> None:
    """A ``*.lenient.*`` file must need its exemption: one of its payloads is outside the SDK."""
    type_name, payloads = _lenient_files()[key]
    if type_name not in SDK_TYPES:
        return
    assert any(sdk_errors(p, *SDK_TYPES[type_name]) for p in payloads), f"{key} passes the SDK"


def test_fixtures_cover_every_model() -> None:
    found: set[type[BaseModel]] = set()
    for param in CASES:
        type_name, _, payload = param.values
        found.update(type(m) for m in instances(from_wire(resolve_type(FMT, type_name), payload)))
    missing = sorted(m.__name__ for m in set(exported_models(chat).values()) - found)
    assert missing == []


# --------------------------------------------------------------------------- drift


def _typed_members(sdk_union: Any) -> Any:
    """The object members of an SDK union that also has plain ``Literal`` string members."""
    members = [m for m in sdk_union_members(sdk_union) if typing.get_origin(m) is not Literal]
    return Union[tuple(members)]


#: (our union, the SDK union, discriminator field); our tags must equal the SDK's.
UNION_PAIRS: list[tuple[str, Any, Any, str]] = [
    ("ChatCompletionMessageParam", chat.ChatCompletionMessageParam, sdk.ChatCompletionMessageParam, "role"),
    ("ChatCompletionContentPartParam", chat.ChatCompletionContentPartParam, sdk.ChatCompletionContentPartParam, "type"),
    ("ContentArrayOfContentPart", chat.ContentArrayOfContentPart, chat_completion_assistant_message_param.ContentArrayOfContentPart, "type"),
    ("ChatCompletionToolUnionParam", chat.ChatCompletionToolUnionParam, sdk.ChatCompletionToolUnionParam, "type"),
    ("CustomFormat", chat.CustomFormat, chat_completion_custom_tool_param.CustomFormat, "type"),
    ("ChatCompletionToolChoiceObjectParam", chat.ChatCompletionToolChoiceObjectParam, _typed_members(sdk.ChatCompletionToolChoiceOptionParam), "type"),
    ("ResponseFormat", chat.ResponseFormat, ccp.ResponseFormat, "type"),
    ("ChatCompletionMessageToolCallUnionParam", chat.ChatCompletionMessageToolCallUnionParam, sdk.ChatCompletionMessageToolCallUnionParam, "type"),
    ("ChatCompletionMessageToolCallUnion", chat.ChatCompletionMessageToolCallUnion, sdk.ChatCompletionMessageToolCallUnion, "type"),
    ("AnnotationUnion", chat.AnnotationUnion, chat_completion_message.Annotation, "type"),
    ("ModerationInput", chat.ModerationInput, chat_completion.ModerationInput, "type"),
    ("ModerationOutput", chat.ModerationOutput, chat_completion.ModerationOutput, "type"),
    ("ModerationInput(chunk)", chat.ModerationInput, chat_completion_chunk.ModerationInput, "type"),
    ("ModerationOutput(chunk)", chat.ModerationOutput, chat_completion_chunk.ModerationOutput, "type"),
]  # fmt: skip

#: Unions with no SDK counterpart at all (documented provider extensions).
EXTENSION_UNIONS = {"ReasoningDetail", "ContentChunk"}


@pytest.mark.parametrize(
    ("ours", "theirs", "field"), [p[1:] for p in UNION_PAIRS], ids=[p[0] for p in UNION_PAIRS]
)
def test_union_tags_match_the_sdk(ours: Any, theirs: Any, field: str) -> None:
    sdk_tags = sdk_union_tags(theirs, field)
    our_tags = set(union_tags(ours))
    assert sdk_tags - our_tags == set(), "tags the SDK knows but we do not"
    assert our_tags - sdk_tags == set(), "tags we know but the SDK does not"


def _is_open_union(obj: Any) -> bool:
    try:
        union_members(obj)
    except TypeError:
        return False
    return True


def test_every_union_is_checked_for_drift() -> None:
    unions = {n for n in chat.__all__ if _is_open_union(getattr(chat, n))}
    checked = {p[0] for p in UNION_PAIRS}
    assert unions - checked == EXTENSION_UNIONS


def test_reasoning_detail_union_has_the_openrouter_tags() -> None:
    assert union_tags(chat.ReasoningDetail) == {
        "reasoning.summary",
        "reasoning.encrypted",
        "reasoning.text",
    }


REASONING_EXTENSIONS = {"reasoning_content", "reasoning", "reasoning_details"}
#: OpenRouter's anthropic-style cache hint on content parts (a documented dialect field); its
#: object is anthropic's own ``CacheControlEphemeralParam``, checked against the anthropic SDK.
CACHE_DIALECT = {"cache_control"}
cc, cm, ch = chat_completion, chat_completion_message, chat_completion_chunk

#: (our model, SDK classes it mirrors, extra fields we add, fields whose required-ness differs).
FIELD_PAIRS: list[tuple[Any, tuple[Any, ...], set[str], set[str]]] = [
    (chat.CompletionCreateParams, (ccp.CompletionCreateParamsNonStreaming,), set(), set()),
    (chat.ChatCompletionDeveloperMessageParam, (sdk.ChatCompletionDeveloperMessageParam,), set(), set()),
    (chat.ChatCompletionSystemMessageParam, (sdk.ChatCompletionSystemMessageParam,), set(), set()),
    (chat.ChatCompletionUserMessageParam, (sdk.ChatCompletionUserMessageParam,), set(), set()),
    (chat.ChatCompletionAssistantMessageParam, (sdk.ChatCompletionAssistantMessageParam,), REASONING_EXTENSIONS, set()),
    (chat.ChatCompletionToolMessageParam, (sdk.ChatCompletionToolMessageParam,), set(), set()),
    (chat.ChatCompletionFunctionMessageParam, (sdk.ChatCompletionFunctionMessageParam,), set(), set()),
    (chat.Audio, (chat_completion_assistant_message_param.Audio,), set(), set()),
    (chat.FunctionCall, (chat_completion_assistant_message_param.FunctionCall, cm.FunctionCall), set(), set()),
    (chat.ChatCompletionContentPartTextParam, (sdk.ChatCompletionContentPartTextParam,), CACHE_DIALECT, set()),
    (chat.PromptCacheBreakpoint, (chat_completion_content_part_text_param.PromptCacheBreakpoint, chat_completion_content_part_param.FilePromptCacheBreakpoint), set(), set()),
    (chat.ChatCompletionContentPartImageParam, (sdk.ChatCompletionContentPartImageParam,), CACHE_DIALECT, set()),
    (chat.ImageURL, (chat_completion_content_part_image_param.ImageURL,), set(), set()),
    (chat.ChatCompletionContentPartInputAudioParam, (sdk.ChatCompletionContentPartInputAudioParam,), CACHE_DIALECT, set()),
    (chat.InputAudio, (chat_completion_content_part_input_audio_param.InputAudio,), set(), set()),
    (chat.File, (chat_completion_content_part_param.File,), CACHE_DIALECT, set()),
    (chat.CacheControlEphemeral, (anthropic_types.CacheControlEphemeralParam,), set(), set()),
    (chat.FileFile, (chat_completion_content_part_param.FileFile,), set(), set()),
    (chat.ChatCompletionContentPartRefusalParam, (sdk.ChatCompletionContentPartRefusalParam,), set(), set()),
    (chat.FunctionDefinition, (sdk_shared_params.FunctionDefinition, sdk_shared.FunctionDefinition), set(), set()),
    (chat.ResponseFormatText, (sdk_shared_params.ResponseFormatText, sdk_shared.ResponseFormatText), set(), set()),
    (chat.ResponseFormatJSONObject, (sdk_shared_params.ResponseFormatJSONObject,), set(), set()),
    (chat.ResponseFormatJSONSchema, (sdk_shared_params.ResponseFormatJSONSchema,), set(), set()),
    (chat.JSONSchema, (sdk_shared_params.response_format_json_schema.JSONSchema, sdk_shared.response_format_json_schema.JSONSchema), set(), set()),
    (chat.ChatCompletionFunctionToolParam, (sdk.ChatCompletionFunctionToolParam, sdk.ChatCompletionFunctionTool), set(), set()),
    (chat.ChatCompletionCustomToolParam, (sdk.ChatCompletionCustomToolParam,), set(), set()),
    (chat.CustomToolDefinition, (chat_completion_custom_tool_param.Custom,), set(), set()),
    (chat.CustomFormatText, (chat_completion_custom_tool_param.CustomFormatText,), set(), set()),
    (chat.CustomFormatGrammar, (chat_completion_custom_tool_param.CustomFormatGrammar,), set(), set()),
    (chat.CustomFormatGrammarGrammar, (chat_completion_custom_tool_param.CustomFormatGrammarGrammar,), set(), set()),
    (chat.CompletionCreateParamsFunction, (ccp.Function,), set(), set()),
    (chat.ChatCompletionAllowedToolsParam, (sdk.ChatCompletionAllowedToolsParam,), set(), set()),
    (chat.ChatCompletionAllowedToolChoiceParam, (sdk.ChatCompletionAllowedToolChoiceParam,), set(), set()),
    (chat.ChatCompletionNamedToolChoiceParam, (sdk.ChatCompletionNamedToolChoiceParam,), set(), set()),
    (chat.NamedToolChoiceFunction, (chat_completion_named_tool_choice_param.Function,), set(), set()),
    (chat.ChatCompletionNamedToolChoiceCustomParam, (sdk.ChatCompletionNamedToolChoiceCustomParam,), set(), set()),
    (chat.NamedToolChoiceCustom, (chat_completion_named_tool_choice_custom_param.Custom,), set(), set()),
    (chat.ChatCompletionFunctionCallOptionParam, (sdk.ChatCompletionFunctionCallOptionParam,), set(), set()),
    (chat.Function, (chat_completion_message_function_tool_call_param.Function, chat_completion_message_function_tool_call.Function), set(), set()),
    (chat.Custom, (chat_completion_message_custom_tool_call_param.Custom, chat_completion_message_custom_tool_call.Custom), set(), set()),
    (chat.ChatCompletionMessageFunctionToolCallParam, (sdk.ChatCompletionMessageFunctionToolCallParam,), set(), set()),
    (chat.ChatCompletionMessageCustomToolCallParam, (sdk.ChatCompletionMessageCustomToolCallParam,), set(), set()),
    # Mistral's tool calls have no type
    (chat.ChatCompletionMessageFunctionToolCall, (sdk.ChatCompletionMessageFunctionToolCall,), set(), {"type"}),
    (chat.ChatCompletionMessageCustomToolCall, (sdk.ChatCompletionMessageCustomToolCall,), set(), set()),
    (chat.ChatCompletionStreamOptionsParam, (sdk.ChatCompletionStreamOptionsParam,), set(), set()),
    (chat.VoiceID, (sdk.chat_completion_audio_param.VoiceID,), set(), set()),
    (chat.ChatCompletionAudioParam, (sdk.ChatCompletionAudioParam,), set(), set()),
    (chat.ChatCompletionPredictionContentParam, (sdk.ChatCompletionPredictionContentParam,), set(), set()),
    (chat.WebSearchOptions, (ccp.WebSearchOptions,), set(), set()),
    (chat.WebSearchOptionsUserLocation, (ccp.WebSearchOptionsUserLocation,), set(), set()),
    (chat.WebSearchOptionsUserLocationApproximate, (ccp.WebSearchOptionsUserLocationApproximate,), set(), set()),
    (chat.ModerationPolicyInput, (ccp.ModerationPolicyInput,), set(), set()),
    (chat.ModerationPolicyOutput, (ccp.ModerationPolicyOutput,), set(), set()),
    (chat.ModerationPolicy, (ccp.ModerationPolicy,), set(), set()),
    (chat.CompletionCreateParamsModeration, (ccp.Moderation,), set(), set()),
    (chat.PromptCacheOptions, (ccp.PromptCacheOptions,), set(), set()),
    (chat.CompletionUsage, (SdkCompletionUsage,), set(), set()),
    (chat.CompletionTokensDetails, (SdkCompletionTokensDetails,), set(), set()),
    (chat.PromptTokensDetails, (SdkPromptTokensDetails,), set(), set()),
    (chat.Moderation, (cc.Moderation, ch.Moderation), set(), set()),
    (chat.ModerationInputModerationResults, (cc.ModerationInputModerationResults, ch.ModerationInputModerationResults), set(), set()),
    (chat.ModerationInputModerationResultsResult, (cc.ModerationInputModerationResultsResult, ch.ModerationInputModerationResultsResult), set(), set()),
    (chat.ModerationInputError, (cc.ModerationInputError, ch.ModerationInputError), set(), set()),
    (chat.ModerationOutputModerationResults, (cc.ModerationOutputModerationResults, ch.ModerationOutputModerationResults), set(), set()),
    (chat.ModerationOutputModerationResultsResult, (cc.ModerationOutputModerationResultsResult, ch.ModerationOutputModerationResultsResult), set(), set()),
    (chat.ModerationOutputError, (cc.ModerationOutputError, ch.ModerationOutputError), set(), set()),
    (chat.TopLogprob, (chat_completion_token_logprob.TopLogprob,), set(), set()),
    (chat.ChatCompletionTokenLogprob, (sdk.ChatCompletionTokenLogprob,), set(), set()),
    (chat.ChoiceLogprobs, (cc.ChoiceLogprobs, ch.ChoiceLogprobs), set(), set()),
    (chat.AnnotationURLCitation, (cm.AnnotationURLCitation,), set(), set()),
    (chat.Annotation, (cm.Annotation,), set(), set()),
    (chat.ChatCompletionAudio, (sdk.ChatCompletionAudio,), set(), set()),
    (chat.ChatCompletionMessage, (sdk.ChatCompletionMessage,), REASONING_EXTENSIONS, set()),
    (chat.Choice, (cc.Choice,), {"stop_reason"}, set()),
    (chat.ChatCompletion, (sdk.ChatCompletion,), set(), set()),
    (chat.ChoiceDeltaAudio, (ch.ChoiceDeltaAudio,), set(), set()),
    (chat.ChoiceDeltaFunctionCall, (ch.ChoiceDeltaFunctionCall,), set(), set()),
    (chat.ChoiceDeltaToolCallFunction, (ch.ChoiceDeltaToolCallFunction,), set(), set()),
    # Mistral's streamed tool calls have no index
    (chat.ChoiceDeltaToolCall, (ch.ChoiceDeltaToolCall,), set(), {"index"}),
    (chat.ChoiceDelta, (ch.ChoiceDelta,), REASONING_EXTENSIONS, set()),
    (chat.ChunkChoice, (ch.Choice,), {"stop_reason"}, set()),
    (chat.ChatCompletionChunk, (sdk.ChatCompletionChunk,), set(), set()),
    (chat.ErrorObject, (error_object.ErrorObject,), set(), {"type"}),
    (chat.Misalignment, (error_object.Misalignment,), set(), set()),
    (chat.MisalignmentSteer, (error_object.MisalignmentSteer,), set(), set()),
]  # fmt: skip

#: Models with no SDK class: fallbacks, the error wrapper, provider extensions.
NO_SDK_COUNTERPART = {
    chat.ErrorResponse,
    chat.ReasoningDetailSummary,
    chat.ReasoningDetailEncrypted,
    chat.ReasoningDetailText,
    chat.TextChunk,
    chat.ThinkChunk,
}


@pytest.mark.parametrize(
    ("ours", "theirs", "extra", "required_diff"),
    FIELD_PAIRS,
    ids=[p[0].__name__ for p in FIELD_PAIRS],
)
def test_model_fields_match_the_sdk(
    ours: type[WireModel], theirs: tuple[Any, ...], extra: set[str], required_diff: set[str]
) -> None:
    our_keys, our_required = our_fields(ours)
    for cls in theirs:
        sdk_keys, sdk_required = sdk_fields(cls)
        assert sdk_keys - our_keys == set(), f"fields of {cls.__name__} we lack"
        assert our_keys - sdk_keys == extra, f"fields we add to {cls.__name__}"
        assert our_required ^ sdk_required == required_diff, f"required-ness vs {cls.__name__}"


def test_every_model_is_paired_with_the_sdk() -> None:
    paired = {p[0] for p in FIELD_PAIRS}
    unknown = {m for m in set(exported_models(chat).values()) if m.__name__.startswith("Unknown")}
    assert set(exported_models(chat).values()) - paired - unknown == NO_SDK_COUNTERPART


#: (our Literal alias, SDK annotations carrying the same values).
LITERAL_PAIRS: list[tuple[str, Any, tuple[Any, ...]]] = [
    ("ChatCompletionRole", chat.ChatCompletionRole, (sdk.ChatCompletionRole,)),
    ("ChatCompletionModality", chat.ChatCompletionModality, (sdk.ChatCompletionModality,)),
    ("ReasoningEffort", chat.ReasoningEffort, (sdk_shared.ReasoningEffort, sdk.ChatCompletionReasoningEffort)),
    ("ServiceTier", chat.ServiceTier, (field_hint(ccp.CompletionCreateParamsBase, "service_tier"), field_hint(sdk.ChatCompletion, "service_tier"), field_hint(sdk.ChatCompletionChunk, "service_tier"))),
    ("FinishReason", chat.FinishReason, (field_hint(cc.Choice, "finish_reason"), field_hint(ch.Choice, "finish_reason"))),
    ("ChoiceDeltaRole", chat.ChoiceDeltaRole, (field_hint(ch.ChoiceDelta, "role"),)),
    ("ImageDetail", chat.ImageDetail, (field_hint(chat_completion_content_part_image_param.ImageURL, "detail"),)),
    ("InputAudioFormat", chat.InputAudioFormat, (field_hint(chat_completion_content_part_input_audio_param.InputAudio, "format"),)),
    ("AudioFormat", chat.AudioFormat, (field_hint(sdk.ChatCompletionAudioParam, "format"),)),
    ("Verbosity", chat.Verbosity, (field_hint(ccp.CompletionCreateParamsBase, "verbosity"),)),
    ("SearchContextSize", chat.SearchContextSize, (field_hint(ccp.WebSearchOptions, "search_context_size"),)),
    ("PromptCacheRetention", chat.PromptCacheRetention, (field_hint(ccp.CompletionCreateParamsBase, "prompt_cache_retention"),)),
    ("PromptCacheMode", chat.PromptCacheMode, (field_hint(ccp.PromptCacheOptions, "mode"),)),
    ("PromptCacheBreakpointTTL", chat.PromptCacheBreakpointTTL, (field_hint(chat_completion_content_part_text_param.PromptCacheBreakpoint, "ttl"),)),
    ("CacheControlTTL", chat.CacheControlTTL, (field_hint(anthropic_types.CacheControlEphemeralParam, "ttl"),)),
    ("ModerationPolicyMode", chat.ModerationPolicyMode, (field_hint(ccp.ModerationPolicyInput, "mode"), field_hint(ccp.ModerationPolicyOutput, "mode"))),
    ("ModerationAppliedInputType", chat.ModerationAppliedInputType, (typing.get_args(typing.get_args(field_hint(cc.ModerationInputModerationResultsResult, "category_applied_input_types"))[1])[0],)),
    ("ToolChoiceMode", chat.ToolChoiceMode, (sdk.ChatCompletionToolChoiceOptionParam,)),
    ("AllowedToolsMode", chat.AllowedToolsMode, (field_hint(sdk.ChatCompletionAllowedToolsParam, "mode"),)),
    ("FunctionCallMode", chat.FunctionCallMode, (ccp.FunctionCall,)),
    ("GrammarSyntax", chat.GrammarSyntax, (field_hint(chat_completion_custom_tool_param.CustomFormatGrammarGrammar, "syntax"),)),
    ("MisalignmentErrorType", chat.MisalignmentErrorType, (field_hint(error_object.Misalignment, "error_type"),)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("ours", "theirs"), [p[1:] for p in LITERAL_PAIRS], ids=[p[0] for p in LITERAL_PAIRS]
)
def test_literal_aliases_match_the_sdk(ours: Any, theirs: tuple[Any, ...]) -> None:
    for annotation in theirs:
        assert set(typing.get_args(ours)) == literal_values(annotation)


def test_every_literal_alias_is_checked() -> None:
    aliases = {n for n in chat.__all__ if typing.get_origin(getattr(chat, n)) is Literal}
    assert aliases == {p[0] for p in LITERAL_PAIRS}


# --------------------------------------------------------------------------- construction


def test_tags_are_written_when_models_are_built_in_code() -> None:
    part = chat.ChatCompletionContentPartTextParam(text="hi")
    assert to_wire(part) == {"type": "text", "text": "hi"}
    message = chat.ChatCompletionMessage(content=None)
    assert to_wire(message) == {"role": "assistant", "content": None}
    user = chat.ChatCompletionUserMessageParam(content="hello")
    assert to_wire(user) == {"role": "user", "content": "hello"}
    chunk = chat.ChatCompletionChunk(id="c", choices=[], created=1, model="m")
    assert to_wire(chunk)["object"] == "chat.completion.chunk"


def test_schema_field_uses_its_wire_name() -> None:
    fmt = chat.JSONSchema(name="n", schema_={"type": "object"})
    assert to_wire(fmt) == {"name": "n", "schema": {"type": "object"}}
    parsed = from_wire(chat.JSONSchema, {"name": "n", "schema": {"a": [1, 1.0]}})
    assert parsed.schema_ == {"a": [1, 1.0]}
    assert_json_identical(to_wire(parsed), {"name": "n", "schema": {"a": [1, 1.0]}})


def test_numbers_keep_their_form() -> None:
    payload = {"model": "m", "messages": [], "temperature": 1, "top_p": 0.5}
    model = from_wire(chat.CompletionCreateParams, payload)
    assert type(model.temperature) is int
    assert type(model.top_p) is float
    assert_json_identical(to_wire(model), payload)


def test_absent_null_and_value_stay_distinct() -> None:
    absent = from_wire(chat.ChatCompletionMessage, {"role": "assistant"})
    null = from_wire(chat.ChatCompletionMessage, {"role": "assistant", "content": None})
    assert "content" not in to_wire(absent)
    assert to_wire(null) == {"role": "assistant", "content": None}


# --------------------------------------------------------------------------- fallbacks


@pytest.mark.parametrize(
    ("union", "payload", "fallback"),
    [
        (chat.ChatCompletionContentPartParam, {"type": "video_url", "video_url": {"u": 1}}, chat.UnknownContentPart),
        (chat.ContentArrayOfContentPart, {"type": "thinking", "thinking": "…"}, chat.UnknownContentPart),
        (chat.ChatCompletionToolUnionParam, {"type": "web_search", "x": [1.5, None]}, chat.UnknownTool),
        (chat.CustomFormat, {"type": "json", "schema": {}}, chat.UnknownCustomFormat),
        (chat.ChatCompletionToolChoiceObjectParam, {"type": "mcp", "server_label": "s"}, chat.UnknownToolChoice),
        (chat.ResponseFormat, {"type": "python"}, chat.UnknownResponseFormat),
        (chat.ChatCompletionMessageToolCallUnionParam, {"type": "mcp", "id": "c"}, chat.UnknownToolCall),
        (chat.ChatCompletionMessageToolCallUnion, {"type": "mcp", "id": "c"}, chat.UnknownToolCall),
        (chat.AnnotationUnion, {"type": "file", "file": {"name": "a.pdf"}}, chat.UnknownAnnotation),
        (chat.ModerationInput, {"type": "skipped", "reason": "n/a"}, chat.UnknownModerationResult),
        (chat.ModerationOutput, {"type": "skipped"}, chat.UnknownModerationResult),
        (chat.ReasoningDetail, {"type": "reasoning.image", "data": "…"}, chat.UnknownReasoningDetail),
    ],
)  # fmt: skip
def test_unknown_members_fall_back_and_dump_back_unchanged(
    union: Any, payload: dict[str, Any], fallback: type[WireModel]
) -> None:
    assert fallback in union_members(union)
    model = assert_roundtrip(union, payload)
    assert type(model) is fallback
    assert model.type == payload["type"]


def test_unknown_members_inside_a_request_survive() -> None:
    payload = json.loads(
        (
            Path(__file__).parents[1]
            / "fixtures/chat/CompletionCreateParams"
            / "future_members.lenient.json"
        ).read_text(encoding="utf-8")
    )
    model = assert_roundtrip(chat.CompletionCreateParams, payload)
    assert isinstance(model.messages[0], chat.ChatCompletionUserMessageParam)
    assert isinstance(model.messages[0].content, list)
    assert type(model.messages[0].content[1]) is chat.UnknownContentPart
    assert model.tools is not None
    assert type(model.tools[0]) is chat.UnknownTool
    assert type(model.tool_choice) is chat.UnknownToolChoice
    assert type(model.response_format) is chat.UnknownResponseFormat
    assert model.model_extra == {"x_request_tag": {"nested": [None, 1, 1.0, "ü"]}}


def test_unknown_role_is_invalid_not_a_fallback() -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(chat.ChatCompletionMessageParam, {"role": "robot", "content": "beep"})
    assert info.value.path == ""
    assert "unknown role 'robot'" in info.value.message


# --------------------------------------------------------------------------- bad input

_USER = {"role": "user", "content": "hi"}


def _req(**fields: Any) -> dict[str, Any]:
    return {"model": "gpt-4o", "messages": [_USER], **fields}


@pytest.mark.parametrize(
    ("tp", "payload", "path", "fragment"),
    [
        (chat.CompletionCreateParams, {"model": 5, "messages": []}, "model", "valid string"),
        (chat.CompletionCreateParams, {"messages": []}, "model", "required field is missing"),
        (chat.CompletionCreateParams, {"model": "m"}, "messages", "required field is missing"),
        (chat.CompletionCreateParams, {"model": "m", "messages": {}}, "messages", "valid list"),
        (chat.CompletionCreateParams, _req(n=True), "n", "valid integer"),
        (chat.CompletionCreateParams, _req(temperature="0.5"), "temperature", ""),
        (chat.CompletionCreateParams, _req(max_tokens=1.5), "max_tokens", "valid integer"),
        (chat.CompletionCreateParams, _req(reasoning_effort="extreme"), "reasoning_effort", "'extreme'"),
        (chat.CompletionCreateParams, _req(stop=5), "stop", "valid string"),
        (chat.CompletionCreateParams, _req(stop=["a", 1]), "stop[1]", "valid string"),
        (chat.CompletionCreateParams, _req(metadata={"k": 1}), "metadata.k", "valid string"),
        (chat.CompletionCreateParams, _req(tool_choice="any"), "tool_choice", "'any'"),
        (chat.CompletionCreateParams, _req(stream_options={"include_usage": "yes"}), "stream_options.include_usage", "valid boolean"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [{"role": "robot", "content": "x"}]}, "messages[0]", "unknown role 'robot'"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [{"content": "x"}]}, "messages[0]", "missing 'role'"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [{"role": "tool", "content": "x"}]}, "messages[0].tool_call_id", "required field is missing"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [_USER, {"role": "user", "content": [{"type": "image_url"}]}]}, "messages[1].content[0].image_url", "required field is missing"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [_USER, _USER, {"role": "user", "content": [{"type": "text", "text": "a"}, {"type": "image_url", "image_url": {"url": 5}}]}]}, "messages[2].content[1].image_url.url", "valid string"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [{"role": "user", "content": [{"text": "a"}]}]}, "messages[0].content[0]", "missing 'type'"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [{"role": "user", "content": [{"type": "input_audio", "input_audio": {"data": "x", "format": "ogg"}}]}]}, "messages[0].content[0].input_audio.format", "'ogg'"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [{"role": "user", "content": [{"type": "text", "text": "a", "cache_control": {"type": "ephemeral", "ttl": "30m"}}]}]}, "messages[0].content[0].cache_control.ttl", "'30m'"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [{"role": "system", "content": [{"type": "text", "text": "a", "cache_control": {"ttl": "5m"}}]}]}, "messages[0].content[0].cache_control.type", "required field is missing"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [{"role": "assistant", "tool_calls": [{"id": "c", "type": "function", "function": {"name": "f", "arguments": {}}}]}]}, "messages[0].tool_calls[0].function.arguments", "valid string"),
        (chat.CompletionCreateParams, {"model": "m", "messages": [{"role": "system", "content": [{"type": "image_url", "image_url": {"url": "u"}}]}]}, "messages[0].content[0].text", "required field is missing"),
        (chat.CompletionCreateParams, _req(tools=[{"type": "function", "function": {"description": "d"}}]), "tools[0].function.name", "required field is missing"),
        (chat.CompletionCreateParams, _req(tools=[{"type": "custom", "custom": {"name": "c", "format": {"type": "grammar", "grammar": {"definition": "x", "syntax": "ebnf"}}}}]), "tools[0].custom.format.grammar.syntax", "'ebnf'"),
        (chat.CompletionCreateParams, _req(tool_choice={"type": "function", "function": {"name": 1}}), "tool_choice.function.name", "valid string"),
        (chat.CompletionCreateParams, _req(audio={"format": "mp3", "voice": {}}), "audio.voice.id", "required field is missing"),
        (chat.CompletionCreateParams, _req(response_format={"type": "json_schema", "json_schema": {"schema": {}}}), "response_format.json_schema.name", "required field is missing"),
        (chat.CompletionCreateParams, _req(response_format={"type": "json_schema", "json_schema": {"name": "n", "schema": []}}), "response_format.json_schema.schema", "JSON object"),
        (chat.ChatCompletion, {"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "user"}}]}, "choices[0].message.role", "'user'"),
        (chat.ChatCompletion, {"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, "message": {"role": "assistant"}}]}, "choices[0].finish_reason", "required field is missing"),
        (chat.ChatCompletion, {"id": "x", "object": "chat.completion", "created": "1", "model": "m", "choices": []}, "created", "valid integer"),
        (chat.ChatCompletion, {"id": "x", "object": "text_completion", "created": 1, "model": "m", "choices": []}, "object", "'text_completion'"),
        (chat.ChatCompletion, {"id": "x", "created": 1, "model": "m", "choices": [], "usage": {"prompt_tokens": 1, "completion_tokens": 1}}, "usage.total_tokens", "required field is missing"),
        (chat.ChatCompletionChunk, {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": {"tool_calls": [{"index": "0", "function": {"arguments": "{"}}]}}]}, "choices[0].delta.tool_calls[0].index", "valid integer"),
        (chat.ChatCompletionChunk, {"id": "x", "object": 1, "created": 1, "model": "m", "choices": []}, "object", "valid string"),
        (chat.ChatCompletionChunk, {"id": "x", "created": 1, "model": "m", "choices": [{"index": 0, "delta": {"content": [{"type": "thinking", "thinking": "t"}]}}]}, "choices[0].delta.content[0].thinking", "valid list"),
        (chat.ChatCompletion, {"id": "x", "created": 1, "model": "m", "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": [{"type": "text"}]}}]}, "choices[0].message.content[0].text", "required field is missing"),
        (chat.ChatCompletionChunk, {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0}]}, "choices[0].delta", "required field is missing"),
        (chat.ChatCompletionChunk, {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": {"content": 7}}]}, "choices[0].delta.content", "valid string"),
        (chat.ChatCompletionChunk, {"id": "x", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [{"index": 0, "delta": {"reasoning_details": [{"type": "reasoning.encrypted"}]}}]}, "choices[0].delta.reasoning_details[0].data", "required field is missing"),
        (chat.ChatCompletionChunk, [1, 2], "", "JSON object"),
        (chat.ErrorResponse, {"error": {"type": "server_error"}}, "error.message", "required field is missing"),
        (chat.ErrorResponse, {"message": "flat"}, "error", "required field is missing"),
    ],
)  # fmt: skip
def test_bad_input_points_at_the_offending_value(
    tp: Any, payload: Any, path: str, fragment: str
) -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(tp, payload)
    assert info.value.path == path
    assert fragment in info.value.message
    assert info.value.status_hint == 400


@pytest.mark.parametrize(
    ("payload", "path"),
    [
        (_req(tool_choice={"type": "function"}), "tool_choice.function"),
        (_req(function_call={"nam": "f"}), "function_call.name"),
    ],
)
def test_bad_object_in_a_string_or_object_union(payload: Any, path: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(chat.CompletionCreateParams, payload)
    assert info.value.path == path


@pytest.mark.parametrize("text", ["{", '{"model": "m", "messages": [', b"\xff", "data: {}"])
def test_non_json_text_is_invalid_input(text: str | bytes) -> None:
    with pytest.raises(InvalidInputError, match="not valid JSON") as info:
        from_wire(chat.ChatCompletionChunk, text, event_index=4)
    assert info.value.path == ""
    assert info.value.event_index == 4


def test_json_text_is_parsed() -> None:
    model = from_wire(chat.ErrorResponse, '{"error": {"message": "m", "type": "t"}}')
    assert to_wire(model) == {"error": {"message": "m", "type": "t"}}


def test_event_index_and_path_prefix_are_reported() -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(chat.ChatCompletionChunk, {"id": 1}, path="body", event_index=7)
    assert info.value.event_index == 7
    assert info.value.path.startswith("body")


# --------------------------------------------------------------------------- hypothesis


@given(wire_payloads(chat.CompletionCreateParams))
def test_generated_requests_round_trip(payload: Any) -> None:
    assert_roundtrip(chat.CompletionCreateParams, payload)


@given(wire_payloads(chat.ChatCompletion))
def test_generated_responses_round_trip(payload: Any) -> None:
    assert_roundtrip(chat.ChatCompletion, payload)


@given(wire_payloads(chat.ChatCompletionChunk))
def test_generated_chunks_round_trip(payload: Any) -> None:
    assert_roundtrip(chat.ChatCompletionChunk, payload)


@given(wire_payloads(chat.ChatCompletionMessageParam))
def test_generated_messages_round_trip(payload: Any) -> None:
    assert_roundtrip(chat.ChatCompletionMessageParam, payload)


@given(wire_payloads(chat.ErrorResponse))
def test_generated_errors_round_trip(payload: Any) -> None:
    assert_roundtrip(chat.ErrorResponse, payload)


# --------------------------------------------------------------------------- recorded streams

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "openai_chat"


def _sample_frames() -> list[Any]:
    if not SAMPLES.is_dir():
        return [pytest.param(None, id="no-samples")]
    params = []
    for path in sorted(SAMPLES.glob("*.bin")):
        params.append(pytest.param(path, id=path.name[:12]))
    return params


@pytest.mark.parametrize("path", _sample_frames())
def test_recorded_streams_round_trip(path: Path | None) -> None:
    if path is None:
        pytest.skip("../shared/samples is not available")
    text = path.read_bytes().decode("utf-8")
    frames = [
        line[len("data:") :].strip() for line in text.splitlines() if line.startswith("data:")
    ]
    assert frames and frames[-1] == "[DONE]"
    for index, frame in enumerate(frames[:-1]):
        payload = json.loads(frame)
        chunk = from_wire(chat.ChatCompletionChunk, payload, event_index=index)
        assert_json_identical(to_wire(chunk), payload)
        assert_sdk_strict(to_wire(chunk), sdk.ChatCompletionChunk)
