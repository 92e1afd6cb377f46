"""The Responses API wire models: exact round trips, the official SDK as oracle, drift, bad input.

* Every fixture in ``tests/fixtures/responses`` round-trips exactly; non-lenient ones also validate
  strictly (no unknown keys) against the SDK type(s) listed in ``SDK_TYPES``, and every exported
  model is reached by some fixture.
* Drift: every union knows exactly the tags the pinned SDK knows (plus documented extensions);
  every model has every field of the SDK class(es) it mirrors, adds none, and requires a field
  only where every mirrored SDK shape requires it (documented loosenings aside); every ``Literal``
  alias has the SDK's values.
* Bad input raises ``InvalidInputError`` pointing at the offending value.
* Hypothesis: generated payloads round-trip exactly.
* Unknown members fall back and dump back unchanged.
"""

# ruff: noqa: E501  (the SDK-pairing, fallback and bad-input tables read best one entry per line)

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any, Literal, Union

import openai.types.responses as sdk
import pytest
from hypothesis import given
from openai.types import shared as sdk_shared
from openai.types import shared_params as sdk_shared_params
from openai.types.responses import (
    computer_action,
    container_auto,
    easy_input_message_param,
    file_search_tool,
    file_search_tool_param,
    function_shell_tool,
    input_token_count_params,
    namespace_tool,
    response,
    response_apply_patch_tool_call,
    response_code_interpreter_tool_call,
    response_computer_tool_call,
    response_computer_tool_call_output_item,
    response_configuration_update_item_param,
    response_content_part_added_event,
    response_content_part_done_event,
    response_function_shell_call_output_content,
    response_function_shell_tool_call,
    response_function_shell_tool_call_output,
    response_function_tool_call,
    response_function_web_search,
    response_input_item,
    response_input_item_param,
    response_output_item,
    response_output_message,
    response_output_text,
    response_reasoning_item,
    response_reasoning_summary_part_added_event,
    response_shell_call_output_content_delta_event,
    response_shell_call_output_content_done_event,
    response_text_delta_event,
    tool,
    tool_param,
    web_search_preview_tool,
    web_search_tool,
    web_search_tool_param,
)
from openai.types.responses import response_create_params as rcp
from openai.types.responses.mcp_tool_call_error import McpToolCallError as SdkMcpToolCallError
from pydantic import BaseModel

import openai_claude_bridge.responses as rs
from openai_claude_bridge import InvalidInputError, from_wire, to_wire
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

FMT = "responses"
CASES = fixture_cases(FMT)

#: Our fixture type name -> the SDK type(s) its (non-lenient) payloads must strictly satisfy.
SDK_TYPES: dict[str, tuple[Any, ...]] = {
    "ResponseCreateParams": (
        rcp.ResponseCreateParamsNonStreaming,
        rcp.ResponseCreateParamsStreaming,
    ),
    "InputTokenCountParams": (input_token_count_params.InputTokenCountParams,),
    "Response": (sdk.Response,),
    "InputTokenCountResponse": (sdk.InputTokenCountResponse,),
    "ResponseInputItem": (sdk.ResponseInputItemParam,),
    "ResponseOutputItem": (sdk.ResponseOutputItem,),
    "Tool": (sdk.ToolParam, sdk.Tool),
    "ToolChoiceObject": (rcp.ToolChoice, response.ToolChoice),
    "ResponseStreamEvent": (sdk.ResponseStreamEvent,),
}


# --------------------------------------------------------------------------- fixtures


@pytest.mark.parametrize(("type_name", "case_id", "payload"), CASES)
def test_fixture_round_trip_and_sdk_strict(type_name: str, case_id: str, payload: Any) -> None:
    model = assert_roundtrip(resolve_type(FMT, type_name), payload)
    if is_lenient(case_id):
        return
    assert type_name in SDK_TYPES, f"add the SDK type(s) of {type_name} to SDK_TYPES"
    assert_sdk_strict(to_wire(model), *SDK_TYPES[type_name])


@pytest.mark.parametrize(("type_name", "case_id", "payload"), CASES)
def test_lenient_fixtures_really_are_outside_the_sdk(
    type_name: str, case_id: str, payload: Any
) -> None:
    """A ``*.lenient.*`` fixture must need its exemption (else it should be a strict one)."""
    if not is_lenient(case_id):
        return
    assert sdk_errors(payload, *SDK_TYPES[type_name]), f"{case_id} passes the SDK check"


def test_fixtures_cover_every_model() -> None:
    found: set[type[BaseModel]] = set()
    for param in CASES:
        type_name, _, payload = param.values
        found.update(type(m) for m in instances(from_wire(resolve_type(FMT, type_name), payload)))
    missing = sorted(m.__name__ for m in set(exported_models(rs).values()) - found)
    assert missing == []


def _stream(name: str) -> list[Any]:
    path = Path(__file__).parents[1] / "fixtures" / FMT / "ResponseStreamEvent" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    "name",
    [
        "text_reasoning_function_call.jsonl",
        "refusal_custom_tool_incomplete.jsonl",
        "hosted_tools_failed.jsonl",
        "error_only.jsonl",
    ],
)
def test_stream_fixtures_are_well_formed(name: str) -> None:
    """Sequence numbers run 0, 1, 2...; a terminal event, if any, comes last."""
    events = [
        from_wire(rs.ResponseStreamEvent, e, event_index=i) for i, e in enumerate(_stream(name))
    ]
    assert [e.sequence_number for e in events] == list(range(len(events)))
    terminal = (rs.ResponseCompletedEvent, rs.ResponseIncompleteEvent, rs.ResponseFailedEvent)
    assert not any(isinstance(e, terminal) for e in events[:-1])


def test_the_text_reasoning_function_stream_builds_its_final_response() -> None:
    """The deltas of the realistic stream add up to the items of ``response.completed``."""
    events = [
        from_wire(rs.ResponseStreamEvent, e) for e in _stream("text_reasoning_function_call.jsonl")
    ]
    done = [e.item for e in events if isinstance(e, rs.ResponseOutputItemDoneEvent)]
    final = events[-1]
    assert isinstance(final, rs.ResponseCompletedEvent)
    assert final.response.output == done
    text = "".join(e.delta for e in events if isinstance(e, rs.ResponseTextDeltaEvent))
    args = "".join(
        e.delta for e in events if isinstance(e, rs.ResponseFunctionCallArgumentsDeltaEvent)
    )
    summary = "".join(
        e.delta for e in events if isinstance(e, rs.ResponseReasoningSummaryTextDeltaEvent)
    )
    reasoning, message, call = done
    assert isinstance(reasoning, rs.ResponseReasoningItem)
    assert reasoning.summary[0].text == summary
    assert isinstance(message, rs.ResponseOutputMessage)
    assert isinstance(message.content[0], rs.ResponseOutputText)
    assert message.content[0].text == text
    assert isinstance(call, rs.ResponseFunctionToolCall)
    assert call.arguments == args
    assert json.loads(args) == {"city": "Paris", "unit": "celsius", "days": 1}


# --------------------------------------------------------------------------- drift


def _members(sdk_union: Any, *, drop_literals: bool = False) -> Any:
    """An SDK union without its ``None`` member (and its plain ``Literal`` members)."""
    members = [m for m in sdk_union_members(sdk_union) if m is not type(None)]
    if drop_literals:
        members = [m for m in members if typing.get_origin(m) is not Literal]
    return Union[tuple(members)]


def _sdk_union(*unions: Any) -> Any:
    """Several SDK unions as one (for our unions that merge them)."""
    return Union[tuple(m for u in unions for m in sdk_union_members(u))]


#: (name, our union, the SDK union, discriminator field, tags we know beyond the SDK).
UNION_PAIRS: list[tuple[str, Any, Any, str, set[str]]] = [
    ("Caller", rs.Caller, _members(response_function_tool_call.Caller), "type", set()),
    ("Caller(input)", rs.Caller, _members(response_input_item.FunctionCallOutputCaller), "type", set()),
    ("ResponseFormatTextConfig", rs.ResponseFormatTextConfig, sdk.ResponseFormatTextConfig, "type", set()),
    ("FileSearchFilter", rs.FileSearchFilter, _members(file_search_tool.Filters), "type", set()),
    ("Annotation", rs.Annotation, response_output_text.Annotation, "type", set()),
    ("ResponseInputContent", rs.ResponseInputContent, sdk.ResponseInputContent, "type", set()),
    ("ResponseFunctionCallOutputItem", rs.ResponseFunctionCallOutputItem, sdk.ResponseFunctionCallOutputItem, "type", set()),
    ("ResponseOutputMessageContent", rs.ResponseOutputMessageContent, response_output_message.Content, "type", set()),
    ("ResponseMessageContent", rs.ResponseMessageContent, _sdk_union(sdk.ResponseInputContent, response_output_message.Content), "type", {"input_audio"}),
    ("ResponseContentPart", rs.ResponseContentPart, response_content_part_added_event.Part, "type", set()),
    ("ResponseContentPart(done)", rs.ResponseContentPart, response_content_part_done_event.Part, "type", set()),
    ("CustomToolInputFormat", rs.CustomToolInputFormat, sdk_shared.CustomToolInputFormat, "type", set()),
    ("ContainerNetworkPolicy", rs.ContainerNetworkPolicy, container_auto.NetworkPolicy, "type", set()),
    ("ContainerNetworkPolicy(code)", rs.ContainerNetworkPolicy, tool.CodeInterpreterContainerCodeInterpreterToolAutoNetworkPolicy, "type", set()),
    ("Skill", rs.Skill, container_auto.Skill, "type", set()),
    ("FunctionShellToolEnvironment", rs.FunctionShellToolEnvironment, _members(function_shell_tool.Environment), "type", set()),
    ("NamespaceToolMember", rs.NamespaceToolMember, namespace_tool.Tool, "type", set()),
    ("Tool", rs.Tool, sdk.Tool, "type", set()),
    ("ToolParam", rs.ToolParam, sdk.ToolParam, "type", set()),
    ("ToolChoiceObject", rs.ToolChoiceObject, _members(rcp.ToolChoice, drop_literals=True), "type", set()),
    ("ToolChoiceObject(response)", rs.ToolChoiceObject, _members(response.ToolChoice, drop_literals=True), "type", set()),
    ("WebSearchAction", rs.WebSearchAction, response_function_web_search.Action, "type", set()),
    ("ComputerAction", rs.ComputerAction, computer_action.ComputerAction, "type", set()),
    ("ComputerAction(call)", rs.ComputerAction, response_computer_tool_call.Action, "type", set()),
    ("CodeInterpreterOutput", rs.CodeInterpreterOutput, response_code_interpreter_tool_call.Output, "type", set()),
    ("ShellCallOutcome", rs.ShellCallOutcome, response_function_shell_call_output_content.Outcome, "type", set()),
    ("ShellCallEnvironment", rs.ShellCallEnvironment, _members(response_input_item.ShellCallEnvironment), "type", set()),
    ("ShellCallEnvironment(output)", rs.ShellCallEnvironment, _members(response_function_shell_tool_call.Environment), "type", set()),
    ("ApplyPatchOperation", rs.ApplyPatchOperation, response_apply_patch_tool_call.Operation, "type", set()),
    ("ApplyPatchOperation(input)", rs.ApplyPatchOperation, response_input_item.ApplyPatchCallOperation, "type", set()),
    ("McpToolCallError", rs.McpToolCallError, SdkMcpToolCallError, "type", set()),
    ("ResponseInputItem", rs.ResponseInputItem, sdk.ResponseInputItemParam, "type", set()),
    ("ResponseInputItem(model)", rs.ResponseInputItem, sdk.ResponseInputItem, "type", set()),
    ("ResponseOutputItem", rs.ResponseOutputItem, sdk.ResponseOutputItem, "type", set()),
    ("ModerationOutcome", rs.ModerationOutcome, response.ModerationInput, "type", set()),
    ("ModerationOutcome(output)", rs.ModerationOutcome, response.ModerationOutput, "type", set()),
    ("PromptCacheDiagnostics", rs.PromptCacheDiagnostics, _members(response.PromptCacheDiagnostics), "type", set()),
    ("ResponseStreamEvent", rs.ResponseStreamEvent, sdk.ResponseStreamEvent, "type", set()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("ours", "theirs", "field", "extensions"),
    [p[1:] for p in UNION_PAIRS],
    ids=[p[0] for p in UNION_PAIRS],
)
def test_union_tags_match_the_sdk(ours: Any, theirs: Any, field: str, extensions: set[str]) -> None:
    sdk_tags = sdk_union_tags(theirs, field)
    our_tags = set(union_tags(ours))
    assert sdk_tags - our_tags == set(), "tags the SDK knows but we do not"
    assert our_tags - sdk_tags == extensions, "tags we know but the SDK does not"


def test_every_union_is_checked_for_drift() -> None:
    from openai_claude_bridge.wire import _open_union_of

    unions = {id(getattr(rs, n)) for n in rs.__all__ if _open_union_of(getattr(rs, n)) is not None}
    checked = {id(p[1]) for p in UNION_PAIRS}
    assert unions == checked


def test_union_sizes() -> None:
    """Members per union (fallback included): the report's numbers, pinned."""
    sizes = {
        "ResponseInputItem": 32,  # 31 tags + fallback (SDK: 33 classes, 3 shapes of message)
        "ResponseOutputItem": 29,  # the SDK's 28 + fallback
        "Tool": 17,  # the SDK's 16 + fallback
        "ToolChoiceObject": 9,  # the SDK's 8 object members + fallback
        "ResponseStreamEvent": 60,  # the SDK's 59 + fallback
    }
    assert {name: len(union_members(getattr(rs, name))) for name in sizes} == sizes
    assert len(sdk_union_members(sdk.ResponseStreamEvent)) == 59
    assert len(sdk_union_members(sdk.ResponseOutputItem)) == 28
    assert len(sdk_union_members(sdk.ResponseInputItemParam)) == 33


ri, rii, ro = response_input_item, response_input_item_param, response_output_item
shell_out = response_function_shell_tool_call_output
cu, ca = response_computer_tool_call, computer_action

#: Our model -> the SDK classes it mirrors (request TypedDicts and response models; several when
#: one class of ours serves several SDK shapes).
MIRRORS: dict[Any, tuple[Any, ...]] = {
    # shared
    rs.PromptCacheBreakpoint: (sdk.response_input_text.PromptCacheBreakpoint, sdk.response_input_text_param.PromptCacheBreakpoint),
    rs.CallerDirect: (response_function_tool_call.CallerDirect, ri.FunctionCallOutputCallerDirect, ri.ShellCallCallerDirect, ri.ApplyPatchCallCallerDirect),
    rs.CallerProgram: (response_function_tool_call.CallerProgram, ri.FunctionCallOutputCallerProgram, ri.ShellCallOutputCallerProgram, ri.ApplyPatchCallOutputCallerProgram),
    rs.Reasoning: (sdk_shared.Reasoning, sdk_shared_params.Reasoning),
    rs.ResponseFormatText: (sdk_shared.ResponseFormatText, sdk_shared_params.ResponseFormatText),
    rs.ResponseFormatTextJSONSchemaConfig: (sdk.ResponseFormatTextJSONSchemaConfig, sdk.ResponseFormatTextJSONSchemaConfigParam),
    rs.ResponseFormatJSONObject: (sdk_shared.ResponseFormatJSONObject, sdk_shared_params.ResponseFormatJSONObject),
    rs.ResponseTextConfig: (sdk.ResponseTextConfig, sdk.ResponseTextConfigParam, input_token_count_params.Text),
    rs.ComparisonFilter: (sdk_shared.ComparisonFilter, sdk_shared_params.ComparisonFilter),
    rs.CompoundFilter: (sdk_shared.CompoundFilter, sdk_shared_params.CompoundFilter),
    # content
    rs.ResponseInputText: (sdk.ResponseInputText, sdk.ResponseInputTextParam, sdk.ResponseInputTextContent, sdk.ResponseInputTextContentParam),
    rs.ResponseInputImage: (sdk.ResponseInputImage, sdk.ResponseInputImageParam, sdk.ResponseInputImageContent, sdk.ResponseInputImageContentParam),
    rs.ResponseInputFile: (sdk.ResponseInputFile, sdk.ResponseInputFileParam, sdk.ResponseInputFileContent, sdk.ResponseInputFileContentParam),
    rs.InputAudio: (sdk.response_input_audio.InputAudio, sdk.response_input_audio_param.InputAudio),
    rs.ResponseInputAudio: (sdk.ResponseInputAudio, sdk.ResponseInputAudioParam),
    rs.AnnotationFileCitation: (response_output_text.AnnotationFileCitation, sdk.response_output_text_param.AnnotationFileCitation),
    rs.AnnotationURLCitation: (response_output_text.AnnotationURLCitation, sdk.response_output_text_param.AnnotationURLCitation),
    rs.AnnotationContainerFileCitation: (response_output_text.AnnotationContainerFileCitation, sdk.response_output_text_param.AnnotationContainerFileCitation),
    rs.AnnotationFilePath: (response_output_text.AnnotationFilePath, sdk.response_output_text_param.AnnotationFilePath),
    rs.LogprobTopLogprob: (response_output_text.LogprobTopLogprob, response_text_delta_event.LogprobTopLogprob),
    rs.Logprob: (response_output_text.Logprob, response_text_delta_event.Logprob),
    rs.ResponseOutputText: (sdk.ResponseOutputText, sdk.ResponseOutputTextParam),
    rs.ResponseOutputTextParam: (sdk.ResponseOutputTextParam,),
    rs.ResponseOutputRefusal: (sdk.ResponseOutputRefusal, sdk.ResponseOutputRefusalParam),
    rs.SummaryTextContent: (response_reasoning_item.Summary, sdk.response_reasoning_item_param.Summary, response_reasoning_summary_part_added_event.Part),
    rs.ReasoningTextContent: (response_reasoning_item.Content, sdk.response_reasoning_item_param.Content, response_content_part_added_event.PartReasoningText),
    # tools
    rs.FunctionTool: (sdk.FunctionTool, sdk.FunctionToolParam, namespace_tool.ToolFunction),
    rs.CustomToolInputFormatText: (sdk_shared.custom_tool_input_format.Text, sdk_shared_params.custom_tool_input_format.Text),
    rs.CustomToolInputFormatGrammar: (sdk_shared.custom_tool_input_format.Grammar, sdk_shared_params.custom_tool_input_format.Grammar),
    rs.CustomTool: (sdk.CustomTool, sdk.CustomToolParam),
    rs.RankingOptionsHybridSearch: (file_search_tool.RankingOptionsHybridSearch, file_search_tool_param.RankingOptionsHybridSearch),
    rs.RankingOptions: (file_search_tool.RankingOptions, file_search_tool_param.RankingOptions),
    rs.FileSearchTool: (sdk.FileSearchTool, sdk.FileSearchToolParam),
    rs.ComputerTool: (sdk.ComputerTool, sdk.ComputerToolParam),
    rs.ComputerUsePreviewTool: (sdk.ComputerUsePreviewTool, sdk.ComputerUsePreviewToolParam),
    rs.WebSearchToolFilters: (web_search_tool.Filters, web_search_tool_param.Filters),
    rs.UserLocation: (web_search_tool.UserLocation, web_search_tool_param.UserLocation, web_search_preview_tool.UserLocation),
    rs.WebSearchTool: (sdk.WebSearchTool, sdk.WebSearchToolParam),
    rs.WebSearchPreviewTool: (sdk.WebSearchPreviewTool, sdk.WebSearchPreviewToolParam),
    rs.McpToolFilter: (tool.McpAllowedToolsMcpToolFilter, tool.McpRequireApprovalMcpToolApprovalFilterAlways, tool_param.McpRequireApprovalMcpToolApprovalFilterNever),
    rs.McpRequireApprovalMcpToolApprovalFilter: (tool.McpRequireApprovalMcpToolApprovalFilter, tool_param.McpRequireApprovalMcpToolApprovalFilter),
    rs.Mcp: (tool.Mcp, tool_param.Mcp),
    rs.ContainerNetworkPolicyDisabled: (sdk.ContainerNetworkPolicyDisabled, sdk.ContainerNetworkPolicyDisabledParam),
    rs.ContainerNetworkPolicyDomainSecret: (sdk.ContainerNetworkPolicyDomainSecret, sdk.ContainerNetworkPolicyDomainSecretParam),
    rs.ContainerNetworkPolicyAllowlist: (sdk.ContainerNetworkPolicyAllowlist, sdk.ContainerNetworkPolicyAllowlistParam),
    rs.CodeInterpreterToolAuto: (tool.CodeInterpreterContainerCodeInterpreterToolAuto, tool_param.CodeInterpreterContainerCodeInterpreterToolAuto),
    rs.CodeInterpreter: (tool.CodeInterpreter, tool_param.CodeInterpreter),
    rs.InlineSkillSource: (sdk.InlineSkillSource, sdk.InlineSkillSourceParam),
    rs.SkillReference: (sdk.SkillReference, sdk.SkillReferenceParam),
    rs.InlineSkill: (sdk.InlineSkill, sdk.InlineSkillParam),
    rs.LocalSkill: (sdk.LocalSkill, sdk.LocalSkillParam),
    rs.ContainerAuto: (sdk.ContainerAuto, sdk.ContainerAutoParam),
    rs.LocalEnvironment: (sdk.LocalEnvironment, sdk.LocalEnvironmentParam, sdk.ResponseLocalEnvironment),
    rs.ContainerReference: (sdk.ContainerReference, sdk.ContainerReferenceParam, sdk.ResponseContainerReference),
    rs.ProgrammaticToolCalling: (tool.ProgrammaticToolCalling, tool_param.ProgrammaticToolCalling),
    rs.ImageGenerationInputImageMask: (tool.ImageGenerationInputImageMask, tool_param.ImageGenerationInputImageMask),
    rs.ImageGenerationSvgReasoning: (tool.ImageGenerationSvgReasoning, tool_param.ImageGenerationSvgReasoning),
    rs.ImageGenerationSvg: (tool.ImageGenerationSvg, tool_param.ImageGenerationSvg),
    rs.ImageGeneration: (tool.ImageGeneration, tool_param.ImageGeneration),
    rs.LocalShell: (tool.LocalShell, tool_param.LocalShell),
    rs.FunctionShellTool: (sdk.FunctionShellTool, sdk.FunctionShellToolParam),
    rs.ToolSearchTool: (sdk.ToolSearchTool, sdk.ToolSearchToolParam),
    rs.ApplyPatchTool: (sdk.ApplyPatchTool, sdk.ApplyPatchToolParam),
    rs.NamespaceTool: (sdk.NamespaceTool, sdk.NamespaceToolParam, sdk.ToolSearchOutputNamespaceTool),
    rs.ToolChoiceAllowed: (sdk.ToolChoiceAllowed, sdk.ToolChoiceAllowedParam),
    rs.ToolChoiceTypes: (sdk.ToolChoiceTypes, sdk.ToolChoiceTypesParam),
    rs.ToolChoiceFunction: (sdk.ToolChoiceFunction, sdk.ToolChoiceFunctionParam),
    rs.ToolChoiceMcp: (sdk.ToolChoiceMcp, sdk.ToolChoiceMcpParam),
    rs.ToolChoiceCustom: (sdk.ToolChoiceCustom, sdk.ToolChoiceCustomParam),
    rs.ToolChoiceSpecificProgrammaticToolCallingParam: (rcp.ToolChoiceSpecificProgrammaticToolCallingParam, response.ToolChoiceSpecificProgrammaticToolCallingParam),
    rs.ToolChoiceApplyPatch: (sdk.ToolChoiceApplyPatch, sdk.ToolChoiceApplyPatchParam),
    rs.ToolChoiceShell: (sdk.ToolChoiceShell, sdk.ToolChoiceShellParam),
    # hosted tool items
    rs.FileSearchResult: (sdk.response_file_search_tool_call.Result, sdk.response_file_search_tool_call_param.Result),
    rs.ResponseFileSearchToolCall: (sdk.ResponseFileSearchToolCall, sdk.ResponseFileSearchToolCallParam),
    rs.ActionSearchSource: (response_function_web_search.ActionSearchSource, sdk.response_function_web_search_param.ActionSearchSource),
    rs.ActionSearch: (response_function_web_search.ActionSearch, sdk.response_function_web_search_param.ActionSearch),
    rs.ActionOpenPage: (response_function_web_search.ActionOpenPage, sdk.response_function_web_search_param.ActionOpenPage),
    rs.ActionFind: (response_function_web_search.ActionFind, sdk.response_function_web_search_param.ActionFind),
    rs.ResponseFunctionWebSearch: (sdk.ResponseFunctionWebSearch, sdk.ResponseFunctionWebSearchParam),
    rs.Click: (ca.Click, cu.ActionClick, sdk.computer_action_param.Click),
    rs.DoubleClick: (ca.DoubleClick, cu.ActionDoubleClick, sdk.computer_action_param.DoubleClick),
    rs.DragPath: (ca.DragPath, cu.ActionDragPath),
    rs.Drag: (ca.Drag, cu.ActionDrag, sdk.computer_action_param.Drag),
    rs.Keypress: (ca.Keypress, cu.ActionKeypress),
    rs.Move: (ca.Move, cu.ActionMove),
    rs.Screenshot: (ca.Screenshot, cu.ActionScreenshot),
    rs.Scroll: (ca.Scroll, cu.ActionScroll),
    rs.Type: (ca.Type, cu.ActionType),
    rs.Wait: (ca.Wait, cu.ActionWait),
    rs.PendingSafetyCheck: (cu.PendingSafetyCheck, response_computer_tool_call_output_item.AcknowledgedSafetyCheck, ri.ComputerCallOutputAcknowledgedSafetyCheck),
    rs.ResponseComputerToolCall: (sdk.ResponseComputerToolCall, sdk.ResponseComputerToolCallParam),
    rs.ResponseComputerToolCallOutputScreenshot: (sdk.ResponseComputerToolCallOutputScreenshot, sdk.ResponseComputerToolCallOutputScreenshotParam),
    rs.ComputerCallOutput: (ri.ComputerCallOutput, rii.ComputerCallOutput),
    rs.ResponseComputerToolCallOutputItem: (sdk.ResponseComputerToolCallOutputItem,),
    rs.OutputLogs: (response_code_interpreter_tool_call.OutputLogs,),
    rs.OutputImage: (response_code_interpreter_tool_call.OutputImage,),
    rs.ResponseCodeInterpreterToolCall: (sdk.ResponseCodeInterpreterToolCall, sdk.ResponseCodeInterpreterToolCallParam),
    rs.ImageGenerationCallErrorModerationDetails: (ri.ImageGenerationCallErrorModerationDetails, ro.ImageGenerationCallErrorModerationDetails),
    rs.ImageGenerationCallError: (ri.ImageGenerationCallError, rii.ImageGenerationCallError, ro.ImageGenerationCallError),
    rs.ImageGenerationCallSvgUsage: (ri.ImageGenerationCallSvgUsage, ro.ImageGenerationCallSvgUsage),
    rs.ImageGenerationCall: (ri.ImageGenerationCall, rii.ImageGenerationCall, ro.ImageGenerationCall),
    rs.LocalShellCallAction: (ri.LocalShellCallAction, ro.LocalShellCallAction),
    rs.LocalShellCall: (ri.LocalShellCall, rii.LocalShellCall, ro.LocalShellCall),
    rs.LocalShellCallOutput: (ri.LocalShellCallOutput, rii.LocalShellCallOutput, ro.LocalShellCallOutput),
    rs.ShellCallAction: (ri.ShellCallAction, rii.ShellCallAction, response_function_shell_tool_call.Action),
    rs.OutcomeTimeout: (response_function_shell_call_output_content.OutcomeTimeout, shell_out.OutputOutcomeTimeout),
    rs.OutcomeExit: (response_function_shell_call_output_content.OutcomeExit, shell_out.OutputOutcomeExit),
    rs.ResponseFunctionShellCallOutputContent: (sdk.ResponseFunctionShellCallOutputContent, sdk.ResponseFunctionShellCallOutputContentParam, shell_out.Output, response_shell_call_output_content_done_event.Output),
    rs.ShellCall: (ri.ShellCall, rii.ShellCall),
    rs.ResponseFunctionShellToolCall: (sdk.ResponseFunctionShellToolCall,),
    rs.ShellCallOutput: (ri.ShellCallOutput, rii.ShellCallOutput),
    rs.ResponseFunctionShellToolCallOutput: (sdk.ResponseFunctionShellToolCallOutput,),
    rs.OperationCreateFile: (response_apply_patch_tool_call.OperationCreateFile, ri.ApplyPatchCallOperationCreateFile, rii.ApplyPatchCallOperationCreateFile),
    rs.OperationDeleteFile: (response_apply_patch_tool_call.OperationDeleteFile, ri.ApplyPatchCallOperationDeleteFile),
    rs.OperationUpdateFile: (response_apply_patch_tool_call.OperationUpdateFile, ri.ApplyPatchCallOperationUpdateFile),
    rs.ApplyPatchCall: (ri.ApplyPatchCall, rii.ApplyPatchCall),
    rs.ResponseApplyPatchToolCall: (sdk.ResponseApplyPatchToolCall,),
    rs.ApplyPatchCallOutput: (ri.ApplyPatchCallOutput, rii.ApplyPatchCallOutput),
    rs.ResponseApplyPatchToolCallOutput: (sdk.ResponseApplyPatchToolCallOutput,),
    rs.McpListToolsTool: (ri.McpListToolsTool, rii.McpListToolsTool, ro.McpListToolsTool),
    rs.McpListTools: (ri.McpListTools, rii.McpListTools, ro.McpListTools),
    rs.McpApprovalRequest: (ri.McpApprovalRequest, rii.McpApprovalRequest, ro.McpApprovalRequest),
    rs.McpApprovalResponse: (ri.McpApprovalResponse, rii.McpApprovalResponse, ro.McpApprovalResponse),
    rs.McpProtocolError: (sdk.mcp_tool_call_error.McpProtocolError, sdk.mcp_tool_call_error_param.McpProtocolError),
    rs.McpToolExecutionError: (sdk.mcp_tool_call_error.McpToolExecutionError, sdk.mcp_tool_call_error_param.McpToolExecutionError),
    rs.HTTPError: (sdk.mcp_tool_call_error.HTTPError, sdk.mcp_tool_call_error_param.HTTPError),
    rs.McpCall: (ri.McpCall, rii.McpCall, ro.McpCall),
    rs.ToolSearchCall: (ri.ToolSearchCall, rii.ToolSearchCall),
    rs.ResponseToolSearchCall: (sdk.ResponseToolSearchCall,),
    rs.ResponseToolSearchOutputItemParam: (sdk.ResponseToolSearchOutputItemParam, sdk.ResponseToolSearchOutputItemParamParam),
    rs.ResponseToolSearchOutputItem: (sdk.ResponseToolSearchOutputItem,),
    rs.AdditionalTools: (ri.AdditionalTools, rii.AdditionalTools, ro.AdditionalTools),
    rs.Program: (ri.Program, rii.Program, ro.Program),
    rs.ProgramOutput: (ri.ProgramOutput, rii.ProgramOutput, ro.ProgramOutput),
    # items
    rs.EasyInputMessage: (sdk.EasyInputMessage, easy_input_message_param.EasyInputMessageParam, ri.Message, rii.Message, sdk.ResponseOutputMessageParam),
    rs.ResponseOutputMessage: (sdk.ResponseOutputMessage,),
    rs.ResponseFunctionToolCall: (sdk.ResponseFunctionToolCall, sdk.ResponseFunctionToolCallParam),
    rs.FunctionCallOutput: (ri.FunctionCallOutput, rii.FunctionCallOutput),
    rs.ResponseFunctionToolCallOutputItem: (sdk.ResponseFunctionToolCallOutputItem,),
    rs.ResponseCustomToolCall: (sdk.ResponseCustomToolCall, sdk.ResponseCustomToolCallParam),
    rs.ResponseCustomToolCallOutput: (sdk.ResponseCustomToolCallOutput, sdk.ResponseCustomToolCallOutputParam),
    rs.ResponseCustomToolCallOutputItem: (sdk.ResponseCustomToolCallOutputItem,),
    rs.ResponseReasoningItem: (sdk.ResponseReasoningItem, sdk.ResponseReasoningItemParam),
    rs.ResponseReasoningItemParam: (sdk.ResponseReasoningItemParam,),
    rs.ResponseCompactionItemParam: (sdk.ResponseCompactionItemParam, sdk.ResponseCompactionItemParamParam),
    rs.ResponseCompactionItem: (sdk.ResponseCompactionItem,),
    rs.CompactionTrigger: (ri.CompactionTrigger, rii.CompactionTrigger),
    rs.ItemReference: (ri.ItemReference, rii.ItemReference),
    rs.ConfigurationUpdateReasoning: (sdk.response_configuration_update_item_param.Reasoning, sdk.response_configuration_update_item_param_param.Reasoning),
    rs.ConfigurationUpdateText: (response_configuration_update_item_param.Text, sdk.response_configuration_update_item_param_param.Text),
    rs.ResponseConfigurationUpdateItemParam: (sdk.ResponseConfigurationUpdateItemParam, sdk.ResponseConfigurationUpdateItemParamParam),
    # request
    rs.AccessPrograms: (rcp.AccessPrograms, response.AccessPrograms),
    rs.BackgroundOptions: (rcp.BackgroundOptions,),
    rs.ContextManagement: (rcp.ContextManagement,),
    rs.ResponseConversationParam: (sdk.ResponseConversationParam, sdk.ResponseConversationParamParam, response.Conversation),
    rs.ImageOptions: (rcp.Image, response.Image),
    rs.ModerationPolicyInput: (rcp.ModerationPolicyInput, rcp.ModerationPolicyOutput),
    rs.ModerationPolicy: (rcp.ModerationPolicy,),
    rs.Moderation: (rcp.Moderation,),
    rs.PromptCacheOptions: (rcp.PromptCacheOptions, response.PromptCacheOptions),
    rs.StreamOptions: (rcp.StreamOptions,),
    rs.ResponsePrompt: (sdk.ResponsePrompt, sdk.ResponsePromptParam),
    rs.ResponseCreateParams: (rcp.ResponseCreateParamsNonStreaming,),
    rs.InputTokenCountParams: (input_token_count_params.InputTokenCountParams,),
    # response
    rs.MisalignmentSteer: (sdk.response_error.MisalignmentSteer,),
    rs.Misalignment: (sdk.response_error.Misalignment,),
    rs.ResponseError: (sdk.ResponseError,),
    rs.IncompleteDetails: (response.IncompleteDetails,),
    rs.InputTokensDetailsCacheWriteTokensDetails: (sdk.response_usage.InputTokensDetailsCacheWriteTokensDetails,),
    rs.InputTokensDetails: (sdk.response_usage.InputTokensDetails,),
    rs.OutputTokensDetails: (sdk.response_usage.OutputTokensDetails,),
    rs.ResponseUsage: (sdk.ResponseUsage,),
    rs.ToolUsageImageGenInputTokensDetails: (response.ToolUsageImageGenInputTokensDetails, response.ToolUsageImageGenOutputTokensDetails),
    rs.ToolUsageImageGenCachedTokensDetails: (response.ToolUsageImageGenCachedTokensDetails,),
    rs.ToolUsageImageGen: (response.ToolUsageImageGen,),
    rs.ToolUsageWebSearch: (response.ToolUsageWebSearch,),
    rs.ToolUsage: (response.ToolUsage,),
    rs.InputTransformation: (response.InputTransformation,),
    rs.ModerationResult: (response.ModerationInputModerationResult, response.ModerationOutputModerationResult),
    rs.ModerationError: (response.ModerationInputError, response.ModerationOutputError),
    rs.ResponseModeration: (response.Moderation,),
    rs.PromptCacheDiagnosticsCacheMiss: (response.PromptCacheDiagnosticsCacheMiss,),
    rs.PromptCacheDiagnosticsCacheHit: (response.PromptCacheDiagnosticsCacheHit,),
    rs.PromptCacheDiagnosticsComparisonResponseNotFound: (response.PromptCacheDiagnosticsComparisonResponseNotFound,),
    rs.PromptCacheDiagnosticsUnavailable: (response.PromptCacheDiagnosticsUnavailable,),
    rs.Response: (sdk.Response,),
    rs.InputTokenCountResponse: (sdk.InputTokenCountResponse,),
    # stream
    rs.ShellCallOutputContentDelta: (response_shell_call_output_content_delta_event.Delta,),
}  # fmt: skip

#: Fields the SDK requires in every shape we mirror that are optional here, and why:
#: ``cache_write_tokens`` is new and absent from most real usage objects (``logprobs`` of the text
#: events, checked below, is absent from the streams of OpenAI-compatible servers); Codex sends
#: its history's ``output_text`` parts without ``annotations`` and its reasoning items without
#: ``id``, which the API accepts; the others are fields real servers leave out (see each model's
#: docstring).
LOOSENED: dict[Any, set[str]] = {
    rs.InputTokensDetails: {"cache_write_tokens"},
    rs.ResponseOutputTextParam: {"annotations"},
    rs.ResponseReasoningItemParam: {"id"},
    # xAI's citations carry only type and url
    rs.AnnotationURLCitation: {"end_index", "start_index", "title"},
    # OpenAI announces the call without it (output_item.added); xAI never sends it
    rs.ResponseFunctionWebSearch: {"action"},
    # xAI's code execution calls have no container
    rs.ResponseCodeInterpreterToolCall: {"container_id"},
    # xAI restates the tool as {"type": "code_interpreter"}
    rs.CodeInterpreter: {"container"},
}

#: Fields required here that some mirrored SDK shape lets be absent: tags that are always written.
TIGHTENED: dict[Any, set[str]] = {
    rs.ItemReference: {"type"},
}


#: Stream events' fields the SDK requires that are optional here, and why: ``logprobs`` is absent
#: from the streams of OpenAI-compatible servers; the API sends an ``error`` event's fields nested
#: under ``error`` (an added field), not flat with ``message``.
LOOSENED_EVENTS: dict[Any, set[str]] = {
    rs.ResponseTextDeltaEvent: {"logprobs"},
    rs.ResponseTextDoneEvent: {"logprobs"},
    rs.ResponseErrorEvent: {"message"},
}
ADDED_EVENT_FIELDS: dict[Any, set[str]] = {
    rs.ResponseErrorEvent: {"error"},
}


def test_stream_events_mirror_the_sdk() -> None:
    """Each event class has exactly the fields of the SDK event of the same name."""
    for member in sdk_union_members(sdk.ResponseStreamEvent):
        ours = getattr(rs, member.__name__)
        our_keys, our_required = our_fields(ours)
        sdk_keys, sdk_required = sdk_fields(member)
        assert our_keys - sdk_keys == ADDED_EVENT_FIELDS.get(ours, set()), member.__name__
        assert sdk_keys - our_keys == set(), member.__name__
        assert sdk_required - our_required == LOOSENED_EVENTS.get(ours, set()), member.__name__
        assert our_required - sdk_required == set(), member.__name__


@pytest.mark.parametrize(
    ("ours", "theirs"), list(MIRRORS.items()), ids=[m.__name__ for m in MIRRORS]
)
def test_model_fields_match_the_sdk(ours: type[WireModel], theirs: tuple[Any, ...]) -> None:
    our_keys, our_required = our_fields(ours)
    all_keys: set[str] = set()
    required_everywhere: set[str] | None = None
    required_somewhere: set[str] = set()
    for cls in theirs:
        sdk_keys, sdk_required = sdk_fields(cls)
        assert sdk_keys - our_keys == set(), f"fields of {cls.__name__} we lack"
        all_keys |= sdk_keys
        required_somewhere |= sdk_required
        required_everywhere = (
            sdk_required if required_everywhere is None else required_everywhere & sdk_required
        )
    assert our_keys - all_keys == set(), "fields no mirrored SDK class has"
    assert (required_everywhere or set()) - our_required == LOOSENED.get(ours, set())
    assert our_required - (required_everywhere or set()) == TIGHTENED.get(ours, set())
    assert our_required - TIGHTENED.get(ours, set()) <= required_somewhere


def test_every_model_mirrors_the_sdk() -> None:
    stream_events = {getattr(rs, m.__name__) for m in sdk_union_members(sdk.ResponseStreamEvent)}
    fallbacks = {m for m in set(exported_models(rs).values()) if m.__name__.startswith("Unknown")}
    assert set(exported_models(rs).values()) - set(MIRRORS) - stream_events - fallbacks == set()


#: (our Literal alias, SDK annotations carrying the same values).
LITERAL_PAIRS: list[tuple[str, Any, tuple[Any, ...]]] = [
    ("ReasoningEffort", rs.ReasoningEffort, (sdk_shared.ReasoningEffort, field_hint(sdk_shared.Reasoning, "effort"))),
    ("ReasoningSummary", rs.ReasoningSummary, (field_hint(sdk_shared.Reasoning, "summary"), field_hint(sdk_shared_params.Reasoning, "generate_summary"))),
    ("ReasoningContext", rs.ReasoningContext, (field_hint(sdk_shared.Reasoning, "context"),)),
    ("ServiceTier", rs.ServiceTier, (sdk.ServiceTier, field_hint(sdk.Response, "service_tier"))),
    ("Verbosity", rs.Verbosity, (field_hint(sdk.ResponseTextConfig, "verbosity"),)),
    ("ItemStatus", rs.ItemStatus, (field_hint(sdk.ResponseOutputMessage, "status"), field_hint(sdk.ResponseReasoningItem, "status"))),
    ("ImageDetail", rs.ImageDetail, (sdk.image_detail.ImageDetail, field_hint(sdk.ResponseInputImage, "detail"))),
    ("FileDetail", rs.FileDetail, (field_hint(sdk.ResponseInputFile, "detail"),)),
    ("PromptCacheTTL", rs.PromptCacheTTL, (field_hint(sdk.response_input_text.PromptCacheBreakpoint, "ttl"), field_hint(rcp.PromptCacheOptions, "ttl"))),
    ("AllowedCaller", rs.AllowedCaller, (typing.get_args(typing.get_args(field_hint(sdk.FunctionTool, "allowed_callers"))[0])[0],)),
    ("SearchContextSize", rs.SearchContextSize, (field_hint(sdk.WebSearchTool, "search_context_size"), field_hint(sdk.WebSearchPreviewTool, "search_context_size"))),
    ("ContainerMemoryLimit", rs.ContainerMemoryLimit, (field_hint(sdk.ContainerAuto, "memory_limit"),)),
    ("McpConnectorId", rs.McpConnectorId, (field_hint(tool.Mcp, "connector_id"),)),
    ("ToolChoiceOptions", rs.ToolChoiceOptions, (sdk.ToolChoiceOptions,)),
    ("FileSearchCallStatus", rs.FileSearchCallStatus, (field_hint(sdk.ResponseFileSearchToolCall, "status"),)),
    ("WebSearchCallStatus", rs.WebSearchCallStatus, (field_hint(sdk.ResponseFunctionWebSearch, "status"),)),
    ("CodeInterpreterCallStatus", rs.CodeInterpreterCallStatus, (field_hint(sdk.ResponseCodeInterpreterToolCall, "status"),)),
    ("ImageGenerationCallStatus", rs.ImageGenerationCallStatus, (field_hint(ro.ImageGenerationCall, "status"),)),
    ("McpCallStatus", rs.McpCallStatus, (field_hint(ro.McpCall, "status"),)),
    ("ApplyPatchCallStatus", rs.ApplyPatchCallStatus, (field_hint(sdk.ResponseApplyPatchToolCall, "status"),)),
    ("ApplyPatchCallOutputStatus", rs.ApplyPatchCallOutputStatus, (field_hint(sdk.ResponseApplyPatchToolCallOutput, "status"),)),
    ("ComputerCallOutputStatus", rs.ComputerCallOutputStatus, (field_hint(sdk.ResponseComputerToolCallOutputItem, "status"),)),
    ("ProgramOutputStatus", rs.ProgramOutputStatus, (field_hint(ro.ProgramOutput, "status"),)),
    ("EasyInputMessageRole", rs.EasyInputMessageRole, (field_hint(sdk.EasyInputMessage, "role"),)),
    ("MessagePhase", rs.MessagePhase, (field_hint(sdk.EasyInputMessage, "phase"), field_hint(sdk.ResponseOutputMessage, "phase"))),
    ("ResponseIncludable", rs.ResponseIncludable, (sdk.ResponseIncludable,)),
    ("Truncation", rs.Truncation, (field_hint(rcp.ResponseCreateParamsBase, "truncation"), field_hint(sdk.Response, "truncation"))),
    ("PromptCacheRetention", rs.PromptCacheRetention, (field_hint(rcp.ResponseCreateParamsBase, "prompt_cache_retention"),)),
    ("ResponseStatus", rs.ResponseStatus, (sdk.ResponseStatus, field_hint(sdk.Response, "status"))),
    ("IncompleteReason", rs.IncompleteReason, (field_hint(response.IncompleteDetails, "reason"),)),
    ("ResponseErrorCode", rs.ResponseErrorCode, (field_hint(sdk.ResponseError, "code"),)),
    ("PromptCacheMissReason", rs.PromptCacheMissReason, (field_hint(response.PromptCacheDiagnosticsCacheMiss, "reason"),)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("ours", "theirs"), [p[1:] for p in LITERAL_PAIRS], ids=[p[0] for p in LITERAL_PAIRS]
)
def test_literal_aliases_match_the_sdk(ours: Any, theirs: tuple[Any, ...]) -> None:
    for annotation in theirs:
        assert set(typing.get_args(ours)) == literal_values(annotation)


def test_every_literal_alias_is_checked() -> None:
    aliases = {n for n in rs.__all__ if typing.get_origin(getattr(rs, n)) is Literal}
    assert aliases == {p[0] for p in LITERAL_PAIRS}


# --------------------------------------------------------------------------- construction


def test_tags_are_written_when_models_are_built_in_code() -> None:
    assert to_wire(rs.ResponseInputText(text="hi")) == {"type": "input_text", "text": "hi"}
    call = rs.ResponseFunctionToolCall(call_id="call_1", name="f", arguments="{}")
    assert to_wire(call) == {
        "type": "function_call",
        "call_id": "call_1",
        "name": "f",
        "arguments": "{}",
    }
    assert to_wire(rs.ItemReference(id="msg_1")) == {"type": "item_reference", "id": "msg_1"}
    resp = rs.Response(
        id="resp_1", created_at=1, model="m", output=[], parallel_tool_calls=True,
        tool_choice="auto", tools=[],
    )  # fmt: skip
    assert to_wire(resp)["object"] == "response"
    assert to_wire(rs.InputTokenCountResponse(input_tokens=3)) == {
        "object": "response.input_tokens", "input_tokens": 3,
    }  # fmt: skip
    event = rs.ResponseTextDeltaEvent(
        content_index=0, delta="x", item_id="msg_1", output_index=0, sequence_number=4
    )
    assert to_wire(event)["type"] == "response.output_text.delta"


def test_a_message_without_type_stays_without_type() -> None:
    payload = {"role": "user", "content": "hi"}
    model = assert_roundtrip(rs.ResponseInputItem, payload)
    assert type(model) is rs.EasyInputMessage
    assert model.type is None
    null_type = assert_roundtrip(
        rs.ResponseInputItem, {"role": "user", "content": "hi", "type": None}
    )
    assert type(null_type) is rs.EasyInputMessage


def test_aliased_fields_use_their_wire_names() -> None:
    fmt = rs.ResponseFormatTextJSONSchemaConfig(name="n", schema_={"type": "object"})
    assert to_wire(fmt) == {"type": "json_schema", "name": "n", "schema": {"type": "object"}}
    parsed = from_wire(
        rs.ResponseFormatTextConfig, {"type": "json_schema", "name": "n", "schema": {"a": [1, 1.0]}}
    )
    assert isinstance(parsed, rs.ResponseFormatTextJSONSchemaConfig)
    assert parsed.schema_ == {"a": [1, 1.0]}
    tool_ = rs.FunctionTool(name="f", parameters={}, strict=True, async_=True)
    assert to_wire(tool_)["async"] is True
    assert (
        from_wire(rs.FunctionTool, {"type": "function", "name": "f", "async": False}).async_
        is False
    )


def test_numbers_keep_their_form() -> None:
    payload = {"model": "m", "input": "x", "temperature": 1, "top_p": 0.5}
    model = from_wire(rs.ResponseCreateParams, payload)
    assert type(model.temperature) is int
    assert type(model.top_p) is float
    assert_json_identical(to_wire(model), payload)
    resp = from_wire(rs.Response, {"id": "r", "object": "response", "created_at": 1757541536.25, "model": "m", "output": [], "parallel_tool_calls": True, "tool_choice": "auto", "tools": []})  # fmt: skip
    assert type(resp.created_at) is float


def test_absent_null_and_value_stay_distinct() -> None:
    absent = from_wire(rs.ResponseCreateParams, {"model": "m"})
    null = from_wire(rs.ResponseCreateParams, {"model": "m", "instructions": None})
    assert "instructions" not in to_wire(absent)
    assert to_wire(null) == {"model": "m", "instructions": None}


def test_open_enums_accept_new_values() -> None:
    item = from_wire(
        rs.ResponseOutputItem, {"type": "reasoning", "id": "r", "summary": [], "status": "paused"}
    )
    assert isinstance(item, rs.ResponseReasoningItem)
    assert item.status == "paused"
    details = from_wire(rs.IncompleteDetails, {"reason": "budget_exhausted"})
    assert details.reason == "budget_exhausted"


# --------------------------------------------------------------------------- fallbacks


@pytest.mark.parametrize(
    ("union", "payload", "fallback"),
    [
        (rs.Caller, {"type": "agent", "agent_id": "a1"}, rs.UnknownCaller),
        (rs.ResponseFormatTextConfig, {"type": "grammar", "grammar": "start: /x/"}, rs.UnknownTextFormat),
        (rs.FileSearchFilter, {"type": "not", "filter": {"type": "eq"}}, rs.UnknownFilter),
        (rs.Annotation, {"type": "page_citation", "page": 4}, rs.UnknownAnnotation),
        (rs.ResponseInputContent, {"type": "input_video", "url": "u"}, rs.UnknownContentPart),
        (rs.ResponseOutputMessageContent, {"type": "output_audio", "data": "…"}, rs.UnknownContentPart),
        (rs.ResponseMessageContent, {"type": "thinking", "thinking": "…"}, rs.UnknownContentPart),
        (rs.ResponseContentPart, {"type": "output_image", "url": "u"}, rs.UnknownContentPart),
        (rs.CustomToolInputFormat, {"type": "json_schema", "schema": {}}, rs.UnknownToolInputFormat),
        (rs.ContainerNetworkPolicy, {"type": "proxy", "url": "http://p"}, rs.UnknownContainerPolicy),
        (rs.Skill, {"type": "git_repo", "url": "u"}, rs.UnknownSkill),
        (rs.FunctionShellToolEnvironment, {"type": "vm", "image": "ubuntu"}, rs.UnknownToolEnvironment),
        (rs.ShellCallEnvironment, {"type": "vm"}, rs.UnknownToolEnvironment),
        (rs.NamespaceToolMember, {"type": "quantum", "qubits": 3}, rs.UnknownTool),
        (rs.Tool, {"type": "browser", "headless": True, "x": [1.5, None]}, rs.UnknownTool),
        (rs.ToolChoiceObject, {"type": "namespace", "name": "crm"}, rs.UnknownToolChoice),
        (rs.WebSearchAction, {"type": "summarize_page", "url": "u"}, rs.UnknownWebSearchAction),
        (rs.ComputerAction, {"type": "zoom", "factor": 2.0}, rs.UnknownComputerAction),
        (rs.CodeInterpreterOutput, {"type": "files", "files": []}, rs.UnknownCodeInterpreterOutput),
        (rs.ShellCallOutcome, {"type": "signal", "signal": 9}, rs.UnknownShellOutcome),
        (rs.ApplyPatchOperation, {"type": "rename_file", "from": "a", "to": "b"}, rs.UnknownApplyPatchOperation),
        (rs.McpToolCallError, {"type": "timeout_error", "after_ms": 30000}, rs.UnknownMcpError),
        (rs.ResponseInputItem, {"type": "agent_message", "id": "am_1", "content": []}, rs.UnknownInputItem),
        (rs.ResponseOutputItem, {"type": "multi_agent_call", "id": "mac_1"}, rs.UnknownOutputItem),
        (rs.ModerationOutcome, {"type": "skipped"}, rs.UnknownModerationOutcome),
        (rs.PromptCacheDiagnostics, {"type": "cache_partial", "tokens": 3}, rs.UnknownPromptCacheDiagnostics),
        (rs.ResponseStreamEvent, {"type": "response.agent_message.delta", "sequence_number": 4, "delta": {"t": "x"}}, rs.UnknownStreamEvent),
    ],
)  # fmt: skip
def test_unknown_members_fall_back_and_dump_back_unchanged(
    union: Any, payload: dict[str, Any], fallback: type[WireModel]
) -> None:
    assert fallback in union_members(union)
    model = assert_roundtrip(union, payload)
    assert type(model) is fallback
    assert getattr(model, "type") == payload["type"]  # noqa: B009


def test_unknown_members_inside_a_request_survive() -> None:
    path = (
        Path(__file__).parents[1]
        / "fixtures"
        / FMT
        / "ResponseCreateParams"
        / "future_fields.lenient.json"
    )
    payload = json.loads(path.read_text(encoding="utf-8"))
    model = assert_roundtrip(rs.ResponseCreateParams, payload)
    assert isinstance(model.input, list)
    first = model.input[0]
    assert isinstance(first, rs.EasyInputMessage)
    assert isinstance(first.content, list)
    assert type(first.content[1]) is rs.UnknownContentPart
    assert type(model.input[1]) is rs.UnknownInputItem
    assert model.tools is not None
    assert type(model.tools[0]) is rs.UnknownTool
    assert type(model.tool_choice) is rs.UnknownToolChoice
    assert model.text is not None
    assert type(model.text.format) is rs.UnknownTextFormat
    assert model.text.model_extra == {"x_future": 1}
    assert model.model_extra == {"x_request_tag": {"nested": [None, 1, 1.0, "ü"]}}


def test_unknown_extra_fields_of_events_survive() -> None:
    payload = {"type": "response.output_text.delta", "sequence_number": 3, "item_id": "msg_1",
               "output_index": 0, "content_index": 0, "delta": "Hi", "logprobs": [],
               "obfuscation": "aB3dE"}  # fmt: skip
    event = assert_roundtrip(rs.ResponseStreamEvent, payload)
    assert isinstance(event, rs.ResponseTextDeltaEvent)
    assert event.model_extra == {"obfuscation": "aB3dE"}


# --------------------------------------------------------------------------- bad input

_MSG = {"role": "user", "content": "hi"}
_RESP = {"id": "resp_1", "object": "response", "created_at": 1, "model": "m", "output": [],
         "parallel_tool_calls": True, "tool_choice": "auto", "tools": []}  # fmt: skip


def _req(**fields: Any) -> dict[str, Any]:
    return {"model": "gpt-5", "input": [_MSG], **fields}


def _resp(**fields: Any) -> dict[str, Any]:
    return {**_RESP, **fields}


def _ev(**fields: Any) -> dict[str, Any]:
    return {"type": "response.output_text.delta", "sequence_number": 3, "item_id": "msg_1",
            "output_index": 0, "content_index": 0, "delta": "x", **fields}  # fmt: skip


_CU = {
    "type": "computer_call",
    "id": "cu",
    "call_id": "c",
    "status": "completed",
    "pending_safety_checks": [],
}


@pytest.mark.parametrize(
    ("tp", "payload", "path", "fragment"),
    [
        (rs.ResponseCreateParams, {"model": 5}, "model", "valid string"),
        (rs.ResponseCreateParams, {"model": "m", "input": 5}, "input", ""),
        (rs.ResponseCreateParams, _req(temperature="0.5"), "temperature", ""),
        (rs.ResponseCreateParams, _req(temperature=True), "temperature", ""),
        (rs.ResponseCreateParams, _req(max_output_tokens=1.5), "max_output_tokens", "valid integer"),
        (rs.ResponseCreateParams, _req(reasoning={"effort": "extreme"}), "reasoning.effort", "'extreme'"),
        (rs.ResponseCreateParams, _req(tool_choice="any"), "tool_choice", "'any'"),
        (rs.ResponseCreateParams, _req(tool_choice={"type": "function"}), "tool_choice.name", "required field is missing"),
        (rs.ResponseCreateParams, _req(tool_choice={"type": "allowed_tools", "mode": "any", "tools": []}), "tool_choice.mode", "'any'"),
        (rs.ResponseCreateParams, _req(metadata={"k": 1}), "metadata.k", "valid string"),
        (rs.ResponseCreateParams, _req(include=["everything"]), "include[0]", "'everything'"),
        (rs.ResponseCreateParams, _req(stream="yes"), "stream", "valid boolean"),
        (rs.ResponseCreateParams, _req(text={"format": {"type": "json_schema", "name": "x"}}), "text.format.schema", "required field is missing"),
        (rs.ResponseCreateParams, _req(text={"format": {"type": "json_schema", "name": "x", "schema": []}}), "text.format.schema", "JSON object"),
        (rs.ResponseCreateParams, _req(tools=[{"type": "function", "name": 1}]), "tools[0].name", "valid string"),
        (rs.ResponseCreateParams, _req(tools=[{"type": "file_search"}]), "tools[0].vector_store_ids", "required field is missing"),
        (rs.ResponseCreateParams, _req(tools=[{"name": "f"}]), "tools[0]", "missing 'type'"),
        (rs.ResponseCreateParams, _req(tools=[{"type": "shell", "environment": {"type": "container_auto", "skills": [{"type": "inline", "name": "n", "description": "d", "source": {"type": "base64", "media_type": "application/gzip", "data": ""}}]}}]), "tools[0].environment.skills[0].source.media_type", "'application/gzip'"),
        (rs.ResponseCreateParams, {"model": "m", "input": [{"role": "robot", "content": "x"}]}, "input[0].role", "'robot'"),
        (rs.ResponseCreateParams, {"model": "m", "input": [{"content": "x"}]}, "input[0].role", "required field is missing"),
        (rs.ResponseCreateParams, {"model": "m", "input": [{"type": "function_call", "name": "f", "arguments": "{}"}]}, "input[0].call_id", "required field is missing"),
        (rs.ResponseCreateParams, {"model": "m", "input": [{"type": "function_call_output", "call_id": "c", "output": 5}]}, "input[0].output", ""),
        (rs.ResponseCreateParams, {"model": "m", "input": [_MSG, {"role": "user", "content": [{"type": "input_text", "text": "a"}, {"type": "input_image", "image_url": 5}]}]}, "input[1].content[1].image_url", "valid string"),
        (rs.ResponseCreateParams, {"model": "m", "input": [{"role": "user", "content": [{"text": "a"}]}]}, "input[0].content[0]", "missing 'type'"),
        (rs.ResponseCreateParams, {"model": "m", "input": [{"type": "reasoning", "id": "rs", "summary": [{"type": "summary_text"}]}]}, "input[0].summary[0].text", "required field is missing"),
        (rs.ResponseCreateParams, {"model": "m", "input": [_MSG, _MSG, {**_CU, "actions": [{"type": "click", "x": 1, "y": 2}]}]}, "input[2].actions[0].button", "required field is missing"),
        (rs.ResponseCreateParams, {"model": "m", "input": [{**_CU, "action": {"type": "drag", "path": [{"x": 1, "y": "2"}]}}]}, "input[0].action.path[0].y", "valid integer"),
        (rs.InputTokenCountParams, {"input": [{"type": "item_reference"}]}, "input[0].id", "required field is missing"),
        (rs.InputTokenCountParams, {"input": [{"type": "function_call", "call_id": "c", "name": "f", "arguments": {"a": 1}}]}, "input[0].arguments", "valid string"),
        (rs.Response, {k: v for k, v in _RESP.items() if k != "output"}, "output", "required field is missing"),
        (rs.Response, _resp(created_at="1"), "created_at", ""),
        (rs.Response, _resp(object="chat.completion"), "object", "'chat.completion'"),
        (rs.Response, _resp(output=[{"type": "message", "id": "m", "role": "user", "status": "completed", "content": []}]), "output[0].role", "'user'"),
        (rs.Response, _resp(output=[{"type": "message", "id": "m", "role": "assistant", "status": "completed", "content": [{"type": "output_text", "text": "x"}]}]), "output[0].content[0].annotations", "required field is missing"),
        (rs.Response, _resp(output=[{"type": "function_call_output", "call_id": "c", "output": "x", "status": "completed"}]), "output[0].id", "required field is missing"),
        (rs.Response, _resp(usage={"input_tokens": 1, "output_tokens": 1, "total_tokens": 2, "input_tokens_details": {}, "output_tokens_details": {"reasoning_tokens": 0}}), "usage.input_tokens_details.cached_tokens", "required field is missing"),
        (rs.Response, _resp(error={"message": "m"}), "error.code", "required field is missing"),
        (rs.ResponseStreamEvent, _ev(delta=5), "delta", "valid string"),
        (rs.ResponseStreamEvent, {k: v for k, v in _ev().items() if k != "sequence_number"}, "sequence_number", "required field is missing"),
        (rs.ResponseStreamEvent, {"type": "response.completed", "sequence_number": 9, "response": _resp(usage={"input_tokens": 1, "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 1})}, "response.usage.output_tokens", "required field is missing"),
        (rs.ResponseStreamEvent, {"type": "response.output_item.added", "sequence_number": 2, "output_index": 0, "item": {"type": "function_call", "call_id": "c", "name": "f"}}, "item.arguments", "required field is missing"),
        (rs.ResponseStreamEvent, {"type": "response.content_part.added", "sequence_number": 2, "output_index": 0, "content_index": 0, "item_id": "m", "part": {"type": "output_text", "text": 1, "annotations": []}}, "part.text", "valid string"),
        (rs.ResponseStreamEvent, {"sequence_number": 1}, "", "missing 'type'"),
        (rs.ResponseStreamEvent, [1, 2], "", "expected a JSON object, got an array"),
        (rs.ResponseOutputItem, {"type": "reasoning", "id": "r", "summary": [{"type": "summary_text", "text": "a"}], "content": [{"type": "reasoning_text", "text": None}]}, "content[0].text", "valid string"),
        (rs.Tool, {"type": "mcp", "server_label": "s", "require_approval": "sometimes"}, "require_approval", ""),
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
    "text", ["{", '{"type": "response.created", "response": {', b"\xff", "data: {}"]
)
def test_non_json_text_is_invalid_input(text: str | bytes) -> None:
    with pytest.raises(InvalidInputError, match="not valid JSON") as info:
        from_wire(rs.ResponseStreamEvent, text, event_index=4)
    assert info.value.path == ""
    assert info.value.event_index == 4


def test_json_text_is_parsed() -> None:
    model = from_wire(
        rs.ResponseStreamEvent, '{"type": "error", "message": "m", "sequence_number": 0}'
    )
    assert isinstance(model, rs.ResponseErrorEvent)
    assert to_wire(model) == {"type": "error", "message": "m", "sequence_number": 0}


def test_event_index_and_path_prefix_are_reported() -> None:
    with pytest.raises(InvalidInputError) as info:
        from_wire(rs.ResponseStreamEvent, _ev(delta=None), path="events[7]", event_index=7)
    assert info.value.event_index == 7
    assert info.value.path == "events[7].delta"


# --------------------------------------------------------------------------- hypothesis


@given(wire_payloads(rs.ResponseCreateParams))
def test_generated_requests_round_trip(payload: Any) -> None:
    assert_roundtrip(rs.ResponseCreateParams, payload)


@given(wire_payloads(rs.ResponseInputItem))
def test_generated_input_items_round_trip(payload: Any) -> None:
    assert_roundtrip(rs.ResponseInputItem, payload)


@given(wire_payloads(rs.Tool))
def test_generated_tools_round_trip(payload: Any) -> None:
    assert_roundtrip(rs.Tool, payload)


@given(wire_payloads(rs.Response))
def test_generated_responses_round_trip(payload: Any) -> None:
    assert_roundtrip(rs.Response, payload)


@given(wire_payloads(rs.ResponseOutputItem))
def test_generated_output_items_round_trip(payload: Any) -> None:
    assert_roundtrip(rs.ResponseOutputItem, payload)


@given(wire_payloads(rs.ResponseStreamEvent))
def test_generated_events_round_trip(payload: Any) -> None:
    assert_roundtrip(rs.ResponseStreamEvent, payload)


@given(wire_payloads(rs.InputTokenCountParams))
def test_generated_token_count_requests_round_trip(payload: Any) -> None:
    assert_roundtrip(rs.InputTokenCountParams, payload)


# --------------------------------------------------------------------------- recorded streams

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "samples" / "openai_responses"


def _sample_files() -> list[Any]:
    if not SAMPLES.is_dir():
        return [pytest.param(None, id="no-samples")]
    return [pytest.param(p, id=p.name[:24]) for p in sorted(SAMPLES.iterdir()) if p.is_file()]


@pytest.mark.parametrize("path", _sample_files())
def test_recorded_streams_round_trip(path: Path | None) -> None:
    """Replays recorded Responses streams, if ``../shared/samples`` ever carries some."""
    if path is None:
        pytest.skip("no recorded Responses streams in ../shared/samples")
    text = path.read_bytes().decode("utf-8")
    frames = [
        line[len("data:") :].strip() for line in text.splitlines() if line.startswith("data:")
    ]
    for index, frame in enumerate(f for f in frames if f != "[DONE]"):
        payload = json.loads(frame)
        event = from_wire(rs.ResponseStreamEvent, payload, event_index=index)
        assert_json_identical(to_wire(event), payload)
