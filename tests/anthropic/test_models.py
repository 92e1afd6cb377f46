"""The Anthropic Messages wire models: exact round trips, the official SDK as oracle, drift, bad input.

* Every fixture in ``tests/fixtures/anthropic`` round-trips exactly; non-lenient ones also validate
  strictly (no unknown keys) against the SDK type(s) listed in ``SDK_TYPES``.
* Coverage: the fixtures instantiate every exported model class at least once.
* Drift: every union knows every tag the pinned SDK knows (stable and beta); it knows no tag the
  SDK lacks except the documented wire-only ones; every model has every field of its SDK
  counterpart(s) and invents none beyond the documented additions; every ``Literal`` alias has the
  SDK's values.
* Bad input raises ``InvalidInputError`` with the exact path of the offending value.
* Hypothesis: generated payloads round-trip exactly.
* The recorded real streams in ``../shared/samples/anthropic`` round-trip exactly event by event.
"""

# ruff: noqa: E501  (the SDK-pairing and bad-input tables read best one entry per line)

from __future__ import annotations

import json
import types
import typing
from pathlib import Path
from typing import Any, Literal, Optional, Union

import anthropic.types as sdk
import anthropic.types.beta as sdk_beta
import anthropic.types.shared as sdk_shared
import pytest
from anthropic.types import (
    bash_code_execution_tool_result_block,
    bash_code_execution_tool_result_block_param,
    code_execution_tool_result_block_param,
    document_block,
    document_block_param,
    image_block_param,
    message_count_tokens_params,
    message_create_params,
    raw_message_delta_event,
    text_editor_code_execution_tool_result_block,
    text_editor_code_execution_tool_result_block_param,
    tool_result_block_param,
    tool_search_tool_result_block,
    tool_search_tool_result_block_param,
    tool_use_block_param,
    web_fetch_tool_result_block,
    web_fetch_tool_result_block_param,
)
from anthropic.types.beta import beta_raw_message_delta_event
from anthropic.types.beta import message_count_tokens_params as beta_count_params
from anthropic.types.beta import message_create_params as beta_create_params
from hypothesis import HealthCheck, given, settings
from pydantic import BaseModel
from typing_extensions import NotRequired, Required, TypedDict, is_typeddict

from openai_claude_bridge import InvalidInputError, from_wire, to_wire
from openai_claude_bridge import anthropic as ours
from openai_claude_bridge.testing.strategies import wire_payloads
from openai_claude_bridge.wire import OpenUnion, union_members, union_tags
from tests.support.drift import literal_values, sdk_union_tags
from tests.support.models import exported_models, instances
from tests.support.oracle import assert_sdk_strict, sdk_fields
from tests.support.roundtrip import (
    assert_json_identical,
    assert_roundtrip,
    fixture_cases,
    is_lenient,
    resolve_type,
)

FMT = "anthropic"
CASES = fixture_cases(FMT)
SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "anthropic"


class _SdkPingEvent(TypedDict):
    """The SDK has no type for the ``ping`` event the API sends; this is it."""

    type: Required[Literal["ping"]]


class _SdkRequestTooLargeErrorObject(TypedDict):
    """The SDK's error union lacks the ``request_too_large`` error the API sends with HTTP 413."""

    type: Required[Literal["request_too_large"]]
    message: Required[str]


class _SdkModelInfoPage(TypedDict):
    """The SDK models the list page as a generic ``SyncPage[ModelInfo]``; this is its JSON."""

    data: Required[list[sdk.ModelInfo]]
    has_more: NotRequired[Optional[bool]]
    first_id: NotRequired[Optional[str]]
    last_id: NotRequired[Optional[str]]


_CREATE = (
    message_create_params.MessageCreateParamsNonStreaming,
    message_create_params.MessageCreateParamsStreaming,
    beta_create_params.MessageCreateParamsNonStreaming,
    beta_create_params.MessageCreateParamsStreaming,
)

#: Our fixture type name -> the SDK type(s) its (non-lenient) payloads must strictly satisfy.
SDK_TYPES: dict[str, tuple[Any, ...]] = {
    "MessageCreateParams": _CREATE,
    "MessageCountTokensParams": (
        message_count_tokens_params.MessageCountTokensParams,
        beta_count_params.MessageCountTokensParams,
    ),
    "MessageParam": (sdk.MessageParam, sdk_beta.BetaMessageParam),
    "ContentBlockParam": (sdk.ContentBlockParam, sdk.ContentBlock, sdk_beta.BetaContentBlockParam),
    "ToolUnionParam": (sdk.ToolUnionParam, sdk_beta.BetaToolUnionParam),
    "ToolChoiceParam": (sdk.ToolChoiceParam, sdk_beta.BetaToolChoiceParam),
    "ThinkingConfigParam": (sdk.ThinkingConfigParam, sdk_beta.BetaThinkingConfigParam),
    "Message": (sdk.Message, sdk_beta.BetaMessage),
    "ContentBlock": (sdk.ContentBlock, sdk_beta.BetaContentBlock),
    "RawMessageStreamEvent": (
        sdk.RawMessageStreamEvent,
        sdk_beta.BetaRawMessageStreamEvent,
        sdk_shared.ErrorResponse,
        _SdkPingEvent,
    ),
    "RawContentBlockDelta": (sdk.RawContentBlockDelta, sdk_beta.BetaRawContentBlockDelta),
    "MessageTokensCount": (sdk.MessageTokensCount, sdk_beta.BetaMessageTokensCount),
    "ErrorResponse": (sdk_shared.ErrorResponse,),
    "ErrorObject": (sdk_shared.ErrorObject,),
    "ModelInfo": (sdk.ModelInfo, sdk_beta.BetaModelInfo),
    "ModelInfoPage": (_SdkModelInfoPage,),
}


# --------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize(("type_name", "case_id", "payload"), CASES)
def test_fixture_round_trips_exactly(type_name: str, case_id: str, payload: Any) -> None:
    assert_roundtrip(resolve_type(FMT, type_name), payload)


@pytest.mark.parametrize(
    ("type_name", "case_id", "payload"), [c for c in CASES if not is_lenient(c.values[1])]
)
def test_fixture_output_is_strictly_valid_for_the_sdk(
    type_name: str, case_id: str, payload: Any
) -> None:
    model = from_wire(resolve_type(FMT, type_name), payload)
    assert_sdk_strict(to_wire(model), *SDK_TYPES[type_name])


def test_every_fixture_type_has_an_sdk_pairing() -> None:
    assert {c.values[0] for c in CASES} <= set(SDK_TYPES)


#: Exported models no fixture needs to instantiate: shared bases of others.
_ABSTRACT = {"ToolsetMemberConfigParam"}


def test_fixtures_instantiate_every_model() -> None:
    seen: set[type[BaseModel]] = set()
    for case in CASES:
        type_name, _, payload = case.values
        seen.update(type(m) for m in instances(from_wire(resolve_type(FMT, type_name), payload)))
    missing = sorted(
        name
        for name, cls in exported_models(ours).items()
        if cls not in seen and name not in _ABSTRACT
    )
    assert missing == []


def test_non_lenient_fixtures_never_use_a_fallback() -> None:
    for case in CASES:
        type_name, case_id, payload = case.values
        if is_lenient(case_id):
            continue
        model = from_wire(resolve_type(FMT, type_name), payload)
        unknown = [
            type(m).__name__ for m in instances(model) if type(m).__name__.startswith("Unknown")
        ]
        assert unknown == [], case_id


# --------------------------------------------------------------------------- union drift


def _classes(tp: Any) -> list[Any]:
    """The SDK classes an annotation holds, through Annotated / Required / Optional / list /
    Iterable / Union wrappers (``str``, ``None``, ``Literal`` and ``dict`` alternatives dropped)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Annotated, Required, NotRequired):
        return _classes(typing.get_args(tp)[0])
    if origin in (Union, types.UnionType):
        return [c for arg in typing.get_args(tp) for c in _classes(arg)]
    if origin is not None and getattr(origin, "__name__", "") in (
        "list",
        "Iterable",
        "Sequence",
        "List",
    ):
        return _classes(typing.get_args(tp)[0])
    if is_typeddict(tp) or (isinstance(tp, type) and issubclass(tp, BaseModel)):
        return [tp]
    return []


def field_union(sdk_class: Any, field: str) -> Any:
    """The union of SDK classes a field of an SDK class holds."""
    if is_typeddict(sdk_class):
        ann = typing.get_type_hints(sdk_class, include_extras=True)[field]
    else:
        ann = sdk_class.model_fields[field].annotation
    classes = _classes(ann)
    return classes[0] if len(classes) == 1 else Union[tuple(classes)]


def field_type(sdk_class: Any, field: str) -> Any:
    """The raw annotation of a field of an SDK class, with list/Iterable wrappers removed."""
    if is_typeddict(sdk_class):
        ann = typing.get_type_hints(sdk_class, include_extras=True)[field]
    else:
        ann = sdk_class.model_fields[field].annotation
    while typing.get_origin(ann) is list:
        ann = typing.get_args(ann)[0]
    return ann


#: Our union -> (stable SDK union(s), beta SDK union(s), tags only the wire has, discriminator).
#: Unions of beta-only shapes have no stable counterpart.
UNIONS: dict[str, tuple[list[Any], list[Any], set[str], str]] = {
    "MessageParam": ([sdk.MessageParam], [sdk_beta.BetaMessageParam], set(), "role"),
    "ContentBlockParam": ([sdk.ContentBlockParam], [sdk_beta.BetaContentBlockParam], set(), "type"),
    "SystemMessageContentBlockParam": (
        [field_union(sdk.SystemMessageParam, "content")],
        [field_union(sdk_beta.BetaSystemMessageParam, "content")],
        set(),
        "type",
    ),
    "ContentBlock": ([sdk.ContentBlock], [sdk_beta.BetaContentBlock], set(), "type"),
    "RawMessageStreamEvent": (
        [sdk.RawMessageStreamEvent],
        [sdk_beta.BetaRawMessageStreamEvent],
        {"ping", "error"},
        "type",
    ),
    "RawContentBlockDelta": (
        [sdk.RawContentBlockDelta],
        [sdk_beta.BetaRawContentBlockDelta],
        set(),
        "type",
    ),
    "ToolUnionParam": ([sdk.ToolUnionParam], [sdk_beta.BetaToolUnionParam], set(), "type"),
    "ToolChoiceParam": ([sdk.ToolChoiceParam], [sdk_beta.BetaToolChoiceParam], set(), "type"),
    "ThinkingConfigParam": (
        [sdk.ThinkingConfigParam],
        [sdk_beta.BetaThinkingConfigParam],
        set(),
        "type",
    ),
    "TextCitationParam": ([sdk.TextCitationParam], [sdk_beta.BetaTextCitationParam], set(), "type"),
    "TextCitation": ([sdk.TextCitation], [sdk_beta.BetaTextCitation], set(), "type"),
    "ToolUseCallerParam": (
        [tool_use_block_param.Caller],
        [field_union(sdk_beta.BetaToolUseBlockParam, "caller")],
        set(),
        "type",
    ),
    "ToolUseCaller": (
        [sdk.ToolUseCaller],
        [field_union(sdk_beta.BetaToolUseBlock, "caller")],
        set(),
        "type",
    ),
    "ImageBlockSourceParam": (
        [image_block_param.Source],
        [field_union(sdk_beta.BetaImageBlockParam, "source")],
        set(),
        "type",
    ),
    "DocumentBlockSourceParam": (
        [document_block_param.Source],
        [field_union(sdk_beta.BetaRequestDocumentBlockParam, "source")],
        set(),
        "type",
    ),
    "DocumentBlockSource": (
        [document_block.Source],
        [field_union(sdk_beta.BetaDocumentBlock, "source")],
        set(),
        "type",
    ),
    "ContentBlockSourceContentParam": (
        [sdk.ContentBlockSourceContentParam],
        [field_union(sdk_beta.BetaContentBlockSourceParam, "content")],
        set(),
        "type",
    ),
    "ToolResultContentBlockParam": (
        [tool_result_block_param.Content],
        [field_union(sdk_beta.BetaToolResultBlockParam, "content")],
        set(),
        "type",
    ),
    "BrowserStateChangeParam": (
        [field_union(sdk.BrowserStateBlockParam, "state_changes")],
        [field_union(sdk_beta.BetaBrowserStateBlockParam, "state_changes")],
        set(),
        "type",
    ),
    "WebFetchToolResultContentParam": (
        [web_fetch_tool_result_block_param.Content],
        [field_union(sdk_beta.BetaWebFetchToolResultBlockParam, "content")],
        set(),
        "type",
    ),
    "WebFetchToolResultContent": (
        [web_fetch_tool_result_block.Content],
        [field_union(sdk_beta.BetaWebFetchToolResultBlock, "content")],
        set(),
        "type",
    ),
    "CodeExecutionToolResultBlockParamContentParam": (
        [code_execution_tool_result_block_param.CodeExecutionToolResultBlockParamContentParam],
        [field_union(sdk_beta.BetaCodeExecutionToolResultBlockParam, "content")],
        set(),
        "type",
    ),
    "CodeExecutionToolResultBlockContent": (
        [sdk.CodeExecutionToolResultBlockContent],
        [field_union(sdk_beta.BetaCodeExecutionToolResultBlock, "content")],
        set(),
        "type",
    ),
    "BashCodeExecutionToolResultContentParam": (
        [bash_code_execution_tool_result_block_param.Content],
        [field_union(sdk_beta.BetaBashCodeExecutionToolResultBlockParam, "content")],
        set(),
        "type",
    ),
    "BashCodeExecutionToolResultContent": (
        [bash_code_execution_tool_result_block.Content],
        [field_union(sdk_beta.BetaBashCodeExecutionToolResultBlock, "content")],
        set(),
        "type",
    ),
    "TextEditorCodeExecutionToolResultContentParam": (
        [text_editor_code_execution_tool_result_block_param.Content],
        [field_union(sdk_beta.BetaTextEditorCodeExecutionToolResultBlockParam, "content")],
        set(),
        "type",
    ),
    "TextEditorCodeExecutionToolResultContent": (
        [text_editor_code_execution_tool_result_block.Content],
        [field_union(sdk_beta.BetaTextEditorCodeExecutionToolResultBlock, "content")],
        set(),
        "type",
    ),
    "ToolSearchToolResultContentParam": (
        [tool_search_tool_result_block_param.Content],
        [field_union(sdk_beta.BetaToolSearchToolResultBlockParam, "content")],
        set(),
        "type",
    ),
    "ToolSearchToolResultContent": (
        [tool_search_tool_result_block.Content],
        [field_union(sdk_beta.BetaToolSearchToolResultBlock, "content")],
        set(),
        "type",
    ),
    "WebFetchURLSourceParam": (
        [field_union(sdk.WebFetchURLSourcesParam, "client_tool_results")],
        [],
        set(),
        "type",
    ),
    "WebFetchURLSourceUserInputParam": (
        [field_union(sdk.WebFetchURLSourcesParam, "user_input")],
        [],
        set(),
        "type",
    ),
    "CacheMissReason": (
        [sdk.CacheMissReason],
        [field_union(sdk_beta.BetaDiagnostics, "cache_miss_reason")],
        set(),
        "type",
    ),
    "ErrorObject": ([sdk_shared.ErrorObject], [sdk.BetaErrorObject], {"request_too_large"}, "type"),
    # beta-only unions
    "AdvisorToolResultContentParam": (
        [],
        [field_union(sdk_beta.BetaAdvisorToolResultBlockParam, "content")],
        set(),
        "type",
    ),
    "AdvisorToolResultContent": (
        [],
        [field_union(sdk_beta.BetaAdvisorToolResultBlock, "content")],
        set(),
        "type",
    ),
    "ToolAdditionToolParam": (
        [],
        [field_union(sdk_beta.BetaRequestToolAdditionBlockParam, "tool")],
        set(),
        "type",
    ),
    "ToolRemovalToolParam": (
        [],
        [field_union(sdk_beta.BetaRequestToolRemovalBlockParam, "tool")],
        set(),
        "type",
    ),
    "ToolChangeBlockParam": (
        [],
        [field_union(sdk_beta.BetaCompactionBlockParam, "tool_changes")],
        set(),
        "type",
    ),
    "ResponseToolAdditionTool": (
        [],
        [field_union(sdk_beta.BetaResponseToolAdditionBlock, "tool")],
        set(),
        "type",
    ),
    "ResponseToolRemovalTool": (
        [],
        [field_union(sdk_beta.BetaResponseToolRemovalBlock, "tool")],
        set(),
        "type",
    ),
    "ResponseToolChangeBlock": (
        [],
        [field_union(sdk_beta.BetaCompactionBlock, "tool_changes")],
        set(),
        "type",
    ),
    "ContextManagementEditParam": (
        [],
        [field_union(sdk_beta.BetaContextManagementConfigParam, "edits")],
        set(),
        "type",
    ),
    "ClearToolUsesTriggerParam": (
        [],
        [field_union(sdk_beta.BetaClearToolUses20250919EditParam, "trigger")],
        set(),
        "type",
    ),
    "ClearThinkingKeepParam": (
        [],
        [field_union(sdk_beta.BetaClearThinking20251015EditParam, "keep")],
        set(),
        "type",
    ),
    "ThreadParam": (
        [],
        [field_union(beta_create_params.MessageCreateParamsNonStreaming, "thread")],
        set(),
        "type",
    ),
    "FallbackCreditStatus": (
        [],
        [field_union(sdk_beta.BetaFallbackCreditUsage, "status")],
        set(),
        "type",
    ),
    "IterationsUsageItem": ([], [field_union(sdk_beta.BetaUsage, "iterations")], set(), "type"),
    "ContextManagementAppliedEdit": (
        [],
        [field_union(sdk_beta.BetaContextManagementResponse, "applied_edits")],
        set(),
        "type",
    ),
    "InputTransformation": (
        [],
        [field_union(sdk_beta.BetaMessage, "input_transformations")],
        set(),
        "type",
    ),
}


def _our_unions() -> dict[str, OpenUnion]:
    out = {}
    for name in ours.__all__:
        obj = getattr(ours, name)
        if typing.get_origin(obj) is typing.Annotated:
            for meta in typing.get_args(obj)[1:]:
                if isinstance(meta, OpenUnion):
                    out[name] = meta
    return out


def test_every_union_is_checked_against_the_sdk() -> None:
    assert set(_our_unions()) == set(UNIONS)


@pytest.mark.parametrize("name", sorted(UNIONS))
def test_union_knows_every_sdk_tag(name: str) -> None:
    stable, beta, wire_only, field = UNIONS[name]
    ours_ = set(union_tags(getattr(ours, name)))
    assert _our_unions()[name].field == field
    stable_tags = set().union(*(sdk_union_tags(u, field) for u in stable))
    beta_tags = set().union(*(sdk_union_tags(u, field) for u in beta))
    assert stable_tags | beta_tags <= ours_, sorted((stable_tags | beta_tags) - ours_)
    # ... and no tag the SDK does not know, except the documented wire-only ones.
    assert ours_ - stable_tags - beta_tags == wire_only


def test_beta_tags_covered_by_the_main_unions() -> None:
    """Documents (and pins) which beta-only tags the main unions carry."""
    beta_only = {
        name: sorted(
            union_tags(getattr(ours, name))
            - set().union(*(sdk_union_tags(u) for u in UNIONS[name][0]))
        )
        for name in (
            "ContentBlockParam",
            "ContentBlock",
            "RawContentBlockDelta",
            "ToolUnionParam",
            "RawMessageStreamEvent",
        )
    }
    assert beta_only == {
        "ContentBlockParam": [
            "advisor_tool_result",
            "compaction",
            "fallback",
            "mcp_tool_listing",
            "mcp_tool_result",
            "mcp_tool_use",
            "tool_addition",
            "tool_removal",
        ],
        "ContentBlock": [
            "advisor_tool_result",
            "compaction",
            "fallback",
            "mcp_tool_listing",
            "mcp_tool_result",
            "mcp_tool_use",
        ],
        "RawContentBlockDelta": ["compaction_delta"],
        "ToolUnionParam": [
            "advisor_20260301",
            "bash_20241022",
            "computer_20241022",
            "computer_20250124",
            "computer_20251124",
            "mcp_toolset",
            "text_editor_20241022",
        ],
        "RawMessageStreamEvent": ["error", "ping"],
    }


def test_union_member_counts() -> None:
    counts = {
        name: len(union_members(getattr(ours, name)))
        for name in (
            "ContentBlockParam",
            "ContentBlock",
            "RawContentBlockDelta",
            "ToolUnionParam",
            "RawMessageStreamEvent",
            "MessageParam",
            "ErrorObject",
        )
    }
    # members incl. the Unknown fallback: SDK stable count + beta members + wire-only + 1
    assert counts == {
        "ContentBlockParam": 16 + 8 + 1,
        "ContentBlock": 12 + 6 + 1,
        "RawContentBlockDelta": 5 + 1 + 1,
        "ToolUnionParam": 21 + 7 + 1,
        "RawMessageStreamEvent": 6 + 2 + 1,
        "MessageParam": 3,
        "ErrorObject": 9 + 1 + 1,
    }


def test_tool_union_defaults_to_the_custom_tool() -> None:
    for payload in (
        {"name": "t", "input_schema": {}},
        {"type": None, "name": "t", "input_schema": {}},
    ):
        tool = from_wire(ours.ToolUnionParam, payload)
        assert isinstance(tool, ours.ToolParam)
        assert to_wire(tool) == payload


# --------------------------------------------------------------------------- field drift


def _sdk_class(name: str) -> Any:
    for module in (sdk, sdk_shared, sdk_beta):
        if hasattr(module, name):
            return getattr(module, name)
    return None


#: Our classes whose SDK counterpart is not ``anthropic.types.<Name>`` / ``types.beta.Beta<Name>``.
RENAMED: dict[str, list[Any]] = {
    "MessageCreateParams": list(_CREATE),
    "MessageCountTokensParams": [
        message_count_tokens_params.MessageCountTokensParams,
        beta_count_params.MessageCountTokensParams,
    ],
    "MessageDelta": [raw_message_delta_event.Delta, beta_raw_message_delta_event.Delta],
    "CitationsSearchResultLocation": [
        sdk.CitationsSearchResultLocation,
        sdk_beta.BetaCitationSearchResultLocation,
    ],
    "CitationSearchResultLocationParam": [
        sdk.CitationSearchResultLocationParam,
        sdk_beta.BetaCitationSearchResultLocationParam,
    ],
    "DocumentBlockParam": [sdk.DocumentBlockParam, sdk_beta.BetaRequestDocumentBlockParam],
    "CitationsConfig": [sdk.CitationsConfig, sdk_beta.BetaCitationConfig],
    "ToolsetMemberConfigParam": [sdk.BrowserCloseTabConfigParam],
    "ThreadCreateParams": [sdk_beta.BetaThreadCreateParams],
    "PingEvent": [_SdkPingEvent],
    "RequestTooLargeErrorObject": [_SdkRequestTooLargeErrorObject],
    "ModelInfoPage": [_SdkModelInfoPage],
    "ErrorEvent": [sdk_shared.ErrorResponse],
}

#: Fields we declare that the SDK counterpart lacks, and why.
ADDED: dict[str, set[str]] = {
    # the API accepts them for the models that support sampling; the pinned SDK dropped them
    "MessageCreateParams": {"temperature", "top_p", "top_k"},
    # the SDK lets a response block be sent back: the request class takes its fields too
    "CitationCharLocationParam": {"file_id"},
    "CitationPageLocationParam": {"file_id"},
    "CitationContentBlockLocationParam": {"file_id"},
}
#: Headers the SDK's request TypedDicts carry as keyword arguments; they are not body fields.
HEADERS = {"betas", "user_profile_id", "workspace_id"}
#: Fields every SDK counterpart requires that are optional here (tags and constant names, which
#: have their value as default, aside), and why.
LOOSENED: dict[str, set[str]] = {
    # the request params require the key (its value may be null); clients leave it out, as the
    # response shapes they send back may
    "CitationCharLocationParam": {"document_title"},
    "CitationPageLocationParam": {"document_title"},
    "CitationContentBlockLocationParam": {"document_title"},
    "CitationSearchResultLocationParam": {"title"},
    "CitationWebSearchResultLocationParam": {"title"},
    # the API leaves it out of answers to requests without a web fetch tool
    "ServerToolUsage": {"web_fetch_requests"},
}


def _counterparts(name: str) -> list[Any]:
    if name in RENAMED:
        return RENAMED[name]
    found = [c for c in (_sdk_class(name), getattr(sdk_beta, "Beta" + name, None)) if c is not None]
    if not found and name.startswith("Unknown"):
        return []
    return found


@pytest.mark.parametrize("name", sorted(exported_models(ours)))
def test_model_fields_match_the_sdk(name: str) -> None:
    cls = exported_models(ours)[name]
    counterparts = _counterparts(name)
    if name.startswith("Unknown"):
        assert set(cls.model_fields) == {"type"}
        return
    assert counterparts, f"no SDK counterpart known for {name}"
    our_fields = {f.alias or n for n, f in cls.model_fields.items()}
    sdk_all: set[str] = set()
    for counterpart in counterparts:
        fields, _ = sdk_fields(counterpart)
        sdk_all |= fields - HEADERS
    missing = sdk_all - our_fields
    assert missing == set(), f"{name} lacks SDK fields {sorted(missing)}"
    extra = our_fields - sdk_all - ADDED.get(name, set())
    assert extra == set(), f"{name} has fields the SDK lacks: {sorted(extra)}"
    # never stricter than the SDK: a field we require, every counterpart requires
    our_required = {f.alias or n for n, f in cls.model_fields.items() if f.is_required()}
    required_everywhere: set[str] | None = None
    for counterpart in counterparts:
        _, required = sdk_fields(counterpart)
        assert our_required <= required | (our_required - sdk_fields(counterpart)[0]), (
            name,
            counterpart,
        )
        required_everywhere = (
            required if required_everywhere is None else required_everywhere & required
        )
    # and looser only where pinned: a field every counterpart requires is required here, unless
    # it has a constant default (a tag) or LOOSENED names it
    constant = {f.alias or n for n, f in cls.model_fields.items() if f.default is not None}
    loosened = (required_everywhere or set()) - our_required - constant - HEADERS
    assert loosened == LOOSENED.get(name, set()), name


# --------------------------------------------------------------------------- Literal drift

LITERALS: dict[str, list[Any]] = {
    "StopReason": [sdk.StopReason, sdk_beta.BetaStopReason],
    "ErrorType": [sdk_shared.ErrorType],
    "ModelLine": [sdk.ModelLine],
    "WebSearchToolResultErrorCode": [sdk.WebSearchToolResultErrorCode],
    "WebFetchToolResultErrorCode": [sdk.WebFetchToolResultErrorCode],
    "CodeExecutionToolResultErrorCode": [sdk.CodeExecutionToolResultErrorCode],
    "BashCodeExecutionToolResultErrorCode": [sdk.BashCodeExecutionToolResultErrorCode],
    "TextEditorCodeExecutionToolResultErrorCode": [sdk.TextEditorCodeExecutionToolResultErrorCode],
    "ToolSearchToolResultErrorCode": [sdk.ToolSearchToolResultErrorCode],
    "ServerToolName": [
        field_type(sdk.ServerToolUseBlockParam, "name"),
        field_type(sdk_beta.BetaServerToolUseBlockParam, "name"),
    ],
    "Effort": [field_type(sdk.OutputConfigParam, "effort")],
    "ThinkingDisplay": [
        field_type(sdk.ThinkingConfigAdaptiveParam, "display"),
        field_type(sdk_beta.BetaThinkingConfigAdaptiveParam, "display"),
    ],
    "RequestServiceTier": [
        field_type(message_create_params.MessageCreateParamsBase, "service_tier")
    ],
    "Speed": [field_type(message_create_params.MessageCreateParamsBase, "speed")],
    "ServiceTier": [field_type(sdk.Usage, "service_tier")],
    "RefusalCategory": [field_type(sdk.RefusalStopDetails, "category")],
    "CacheControlTTL": [field_type(sdk.CacheControlEphemeralParam, "ttl")],
    "AllowedCaller": [field_type(sdk.ToolParam, "allowed_callers")],
    "ImageMediaType": [field_type(sdk.Base64ImageSourceParam, "media_type")],
    "TextEditorFileType": [field_type(sdk.TextEditorCodeExecutionViewResultBlock, "file_type")],
    "ModelLifecycle": [field_type(sdk.ModelInfo, "lifecycle")],
    "AdvisorToolResultErrorCode": [
        field_type(sdk_beta.BetaAdvisorToolResultErrorObject, "error_code")
    ],
    "FallbackCreditNotAppliedReason": [field_type(sdk_beta.BetaFallbackCreditNotApplied, "reason")],
    "InputTransformationReason": [
        field_type(sdk_beta.BetaThinkingDroppedInputTransformation, "reason")
    ],
}
#: Literal values we add to the SDK's, and why.
LITERAL_EXTRAS = {"ErrorType": {"request_too_large"}}  # sent by the API for HTTP 413


def _our_literals() -> list[str]:
    return [name for name in ours.__all__ if typing.get_origin(getattr(ours, name)) is Literal]


def test_every_literal_alias_is_checked() -> None:
    assert set(_our_literals()) == set(LITERALS)


@pytest.mark.parametrize("name", sorted(LITERALS))
def test_literal_alias_matches_the_sdk(name: str) -> None:
    sdk_values: set[str] = set()
    for tp in LITERALS[name]:
        sdk_values |= literal_values(tp)
    assert sdk_values
    assert set(typing.get_args(getattr(ours, name))) == sdk_values | LITERAL_EXTRAS.get(name, set())


# --------------------------------------------------------------------------- bad input


def _create(**fields: Any) -> dict[str, Any]:
    return {
        "model": "claude-sonnet-4-5",
        "max_tokens": 10,
        "messages": [{"role": "user", "content": "hi"}],
        **fields,
    }


def _user(*blocks: Any) -> dict[str, Any]:
    return _create(messages=[{"role": "user", "content": list(blocks)}])


BAD_INPUT: list[tuple[str, Any, Any, str, str]] = [
    # (id, type, payload, expected path, a fragment of the message)
    (
        "wrong_type_string_for_int",
        ours.MessageCreateParams,
        _create(max_tokens="1024"),
        "max_tokens",
        "valid integer",
    ),
    (
        "bool_is_not_an_int",
        ours.MessageCreateParams,
        _create(max_tokens=True),
        "max_tokens",
        "boolean true",
    ),
    (
        "string_is_not_a_number",
        ours.MessageCreateParams,
        _create(temperature="0.5"),
        "temperature",
        "valid number",
    ),
    (
        "missing_model",
        ours.MessageCreateParams,
        {"max_tokens": 1, "messages": []},
        "model",
        "required field is missing",
    ),
    (
        "unknown_role",
        ours.MessageCreateParams,
        _create(messages=[{"role": "user", "content": "a"}, {"role": "tool", "content": "x"}]),
        "messages[1]",
        "unknown role 'tool'",
    ),
    (
        "missing_role",
        ours.MessageCreateParams,
        _create(messages=[{"content": "x"}]),
        "messages[0]",
        "missing 'role'",
    ),
    (
        "null_content",
        ours.MessageCreateParams,
        _create(messages=[{"role": "user", "content": None}]),
        "messages[0].content",
        "got null",
    ),
    (
        "block_without_type",
        ours.MessageCreateParams,
        _user({"text": "hi"}),
        "messages[0].content[0]",
        "missing 'type'",
    ),
    (
        "deep_media_type",
        ours.MessageCreateParams,
        _user(
            {"type": "text", "text": "a"},
            {"type": "text", "text": "b"},
            {"type": "image", "source": {"type": "base64", "media_type": "image/bmp", "data": "x"}},
        ),
        "messages[0].content[2].source.media_type",
        "'image/bmp'",
    ),
    (
        "tool_input_not_object",
        ours.MessageCreateParams,
        _create(
            messages=[
                {
                    "role": "assistant",
                    "content": [{"type": "tool_use", "id": "t", "name": "n", "input": []}],
                }
            ]
        ),
        "messages[0].content[0].input",
        "expected a JSON object, got an array",
    ),
    (
        "deep_inside_tool_result",
        ours.MessageCreateParams,
        _user(
            {
                "type": "tool_result",
                "tool_use_id": "t",
                "content": [
                    {"type": "text", "text": "ok"},
                    {"type": "image", "source": {"type": "url"}},
                ],
            }
        ),
        "messages[0].content[0].content[1].source.url",
        "required field is missing",
    ),
    (
        "wrong_tool_name_literal",
        ours.MessageCreateParams,
        _create(tools=[{"type": "web_search_20250305", "name": "web_fetch"}]),
        "tools[0].name",
        "'web_fetch'",
    ),
    (
        "custom_tool_without_schema",
        ours.MessageCreateParams,
        _create(tools=[{"name": "x"}]),
        "tools[0].input_schema",
        "required field is missing",
    ),
    (
        "thinking_without_budget",
        ours.MessageCreateParams,
        _create(thinking={"type": "enabled"}),
        "thinking.budget_tokens",
        "required field is missing",
    ),
    (
        "bad_cache_ttl",
        ours.MessageCreateParams,
        _create(
            system=[
                {"type": "text", "text": "a", "cache_control": {"type": "ephemeral", "ttl": "2h"}}
            ]
        ),
        "system[0].cache_control.ttl",
        "'2h'",
    ),
    (
        "response_usage_string",
        ours.Message,
        {
            "id": "m",
            "type": "message",
            "role": "assistant",
            "model": "x",
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {"input_tokens": "1", "output_tokens": 1},
        },
        "usage.input_tokens",
        "valid integer",
    ),
    (
        "response_role_user",
        ours.Message,
        {
            "id": "m",
            "type": "message",
            "role": "user",
            "model": "x",
            "content": [],
            "usage": {"input_tokens": 1, "output_tokens": 1},
        },
        "role",
        "'assistant'",
    ),
    ("not_json", ours.Message, "{not json", "", "not valid JSON"),
    (
        "event_delta_text_number",
        ours.RawMessageStreamEvent,
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": 5}},
        "delta.text",
        "valid string",
    ),
    (
        "event_float_index",
        ours.RawMessageStreamEvent,
        {"type": "content_block_stop", "index": 1.0},
        "index",
        "valid integer",
    ),
    ("event_without_type", ours.RawMessageStreamEvent, {"index": 0}, "", "missing 'type'"),
    (
        "event_deep_citation",
        ours.RawMessageStreamEvent,
        {
            "type": "content_block_delta",
            "index": 0,
            "delta": {
                "type": "citations_delta",
                "citation": {
                    "type": "char_location",
                    "cited_text": "x",
                    "document_index": "0",
                    "start_char_index": 0,
                    "end_char_index": 1,
                },
            },
        },
        "delta.citation.document_index",
        "valid integer",
    ),
    (
        "error_without_type",
        ours.ErrorResponse,
        {"type": "error", "error": {"message": "x"}},
        "error",
        "missing 'type'",
    ),
    (
        "start_event_bad_block",
        ours.RawMessageStreamEvent,
        {
            "type": "content_block_start",
            "index": 0,
            "content_block": {"type": "tool_use", "id": "t", "name": "n"},
        },
        "content_block.input",
        "required field is missing",
    ),
]


@pytest.mark.parametrize(
    ("tp", "payload", "path", "fragment"), [pytest.param(*c[1:], id=c[0]) for c in BAD_INPUT]
)
def test_bad_input_raises_with_exact_path(tp: Any, payload: Any, path: str, fragment: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(tp, payload)
    assert info.value.path == path
    assert fragment in info.value.message
    assert info.value.status_hint == 400


def test_bad_stream_event_carries_its_index() -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(ours.RawMessageStreamEvent, {"type": "content_block_stop"}, event_index=7)
    assert (info.value.path, info.value.event_index) == ("index", 7)


# --------------------------------------------------------------------------- fallbacks


@pytest.mark.parametrize(
    "name", sorted(n for n, m in _our_unions().items() if m.fallback is not None)
)
def test_unknown_member_dumps_back_unchanged(name: str) -> None:
    marker = _our_unions()[name]
    payload = {
        marker.field: "future_tag_2031",
        "payload": [1, 2.5, None, {"deep": "ü"}],
        "flag": True,
    }
    model = from_wire(getattr(ours, name), payload)
    assert type(model) is marker.fallback
    assert_json_identical(to_wire(model), payload)


def test_extra_fields_survive_at_every_depth() -> None:
    payload = _user(
        {
            "type": "text",
            "text": "hi",
            "x_block": 1,
            "citations": [
                {
                    "type": "char_location",
                    "cited_text": "c",
                    "document_index": 0,
                    "document_title": None,
                    "start_char_index": 0,
                    "end_char_index": 1,
                    "x_cite": [True],
                }
            ],
        }
    )
    payload["x_top"] = {"a": 1.0}
    payload["messages"][0]["x_msg"] = None
    assert_roundtrip(ours.MessageCreateParams, payload)


def test_models_build_without_tags_and_dump_them() -> None:
    block = ours.TextBlockParam(text="hi")
    assert to_wire(block) == {"type": "text", "text": "hi"}
    message = ours.UserMessageParam(content=[block])
    assert to_wire(message) == {"content": [{"type": "text", "text": "hi"}], "role": "user"}
    tool = ours.ToolBash20250124Param()
    assert to_wire(tool) == {"type": "bash_20250124", "name": "bash"}


# --------------------------------------------------------------------------- hypothesis

_HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize(
    "tp",
    [
        ours.MessageCreateParams,
        ours.MessageCountTokensParams,
        ours.Message,
        ours.RawMessageStreamEvent,
        ours.ContentBlockParam,
        ours.ToolUnionParam,
        ours.ErrorResponse,
        ours.MessageTokensCount,
        ours.ModelInfoPage,
    ],
    ids=lambda tp: getattr(tp, "__name__", None) or repr(tp)[:40],
)
def test_generated_payloads_round_trip(tp: Any) -> None:
    @_HYPOTHESIS
    @given(wire_payloads(tp))
    def check(payload: Any) -> None:
        assert_roundtrip(tp, payload)

    check()


# --------------------------------------------------------------------------- recorded streams


def _sample_frames() -> list[Any]:
    if not SAMPLES.is_dir():
        return []
    params = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix not in (".txt", ".sse"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("data:"):
                params.append(pytest.param(line[5:].strip(), id=f"{path.name}:{number}"))
    return params


@pytest.mark.parametrize("frame", _sample_frames() or [pytest.param(None, id="no-samples")])
def test_recorded_stream_frames_round_trip(frame: str | None) -> None:
    if frame is None:
        pytest.skip("../shared/samples/anthropic is not available")
    payload = json.loads(frame)
    model = from_wire(ours.RawMessageStreamEvent, frame)
    assert not type(model).__name__.startswith("Unknown")
    assert_json_identical(to_wire(model), payload)
