"""Conversation items: messages, function and custom tool calls, reasoning, compaction, and the
unions of everything a request's ``input`` and a response's ``output`` may hold.

Requests carry ``ResponseInputItem`` members, responses ``ResponseOutputItem`` members (a
reasoning item is :class:`ResponseReasoningItemParam` in a request, whose ``id`` may be absent,
and :class:`ResponseReasoningItem` in a response). Messages
in the input come in several SDK shapes (``EasyInputMessage``, ``Message``,
``ResponseOutputMessage``) that share the tag ``message`` (which may even be absent); they are
one permissive class here, :class:`EasyInputMessage`.
"""

from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from ...wire import OpenUnion, WireModel
from .calls import (
    ComputerCallOutput,
    ImageGenerationCall,
    ResponseCodeInterpreterToolCall,
    ResponseComputerToolCall,
    ResponseComputerToolCallOutputItem,
    ResponseFileSearchToolCall,
    ResponseFunctionWebSearch,
)
from .content import (
    ReasoningTextContent,
    ResponseFunctionCallOutputItem,
    ResponseInputContent,
    ResponseMessageContent,
    ResponseOutputMessageContent,
    SummaryTextContent,
)
from .mcp import (
    AdditionalTools,
    McpApprovalRequest,
    McpApprovalResponse,
    McpCall,
    McpListTools,
    Program,
    ProgramOutput,
    ResponseToolSearchCall,
    ResponseToolSearchOutputItem,
    ResponseToolSearchOutputItemParam,
    ToolSearchCall,
)
from .shared import Caller, ItemStatus, ReasoningEffort, ResponseFormatTextConfig
from .shell import (
    ApplyPatchCall,
    ApplyPatchCallOutput,
    LocalShellCall,
    LocalShellCallOutput,
    ResponseApplyPatchToolCall,
    ResponseApplyPatchToolCallOutput,
    ResponseFunctionShellToolCall,
    ResponseFunctionShellToolCallOutput,
    ShellCall,
    ShellCallOutput,
)

__all__ = [
    "CompactionTrigger",
    "ConfigurationUpdateReasoning",
    "ConfigurationUpdateText",
    "EasyInputMessage",
    "EasyInputMessageRole",
    "FunctionCallOutput",
    "ItemReference",
    "MessagePhase",
    "ResponseCompactionItem",
    "ResponseCompactionItemParam",
    "ResponseConfigurationUpdateItemParam",
    "ResponseCustomToolCall",
    "ResponseCustomToolCallOutput",
    "ResponseCustomToolCallOutputItem",
    "ResponseFunctionToolCall",
    "ResponseFunctionToolCallOutputItem",
    "ResponseInput",
    "ResponseInputItem",
    "ResponseInputItemParam",
    "ResponseInputParam",
    "ResponseOutputItem",
    "ResponseOutputMessage",
    "ResponseReasoningItem",
    "ResponseReasoningItemParam",
    "UnknownInputItem",
    "UnknownOutputItem",
]

#: Role of a message in the input.
EasyInputMessageRole = Literal["user", "assistant", "system", "developer"]
#: Phase of an assistant message: intermediate commentary or the final answer.
MessagePhase = Literal["commentary", "final_answer"]


# --------------------------------------------------------------------------- messages


class EasyInputMessage(WireModel):
    """A message in the input of a request (or in ``Response.instructions``).

    One permissive class for the SDK's ``EasyInputMessage`` (``content`` a string or list of
    input parts, ``type`` optional), ``Message`` (input parts, ``status``) and
    ``ResponseOutputMessage`` sent back as input (``id``, ``status``, ``output_text`` /
    ``refusal`` parts): it has all their fields, optional where one of them lacks it.
    """

    content: Union[str, list[ResponseMessageContent]]
    """Text, or a list of content parts (input parts; output parts for assistant messages)."""
    role: EasyInputMessageRole
    type: Optional[Literal["message"]] = None
    """``message``, or absent."""
    id: Optional[str] = None
    """Id of an output message sent back."""
    status: Optional[Union[ItemStatus, str]] = None
    phase: Optional[MessagePhase] = None
    """Of assistant messages: ``commentary`` or ``final_answer``."""


class ResponseOutputMessage(WireModel):
    """An assistant message in a response's output."""

    id: str
    content: list[ResponseOutputMessageContent]
    """Output text and refusal parts."""
    role: Literal["assistant"]
    status: Union[ItemStatus, str]
    type: Literal["message"] = "message"
    phase: Optional[MessagePhase] = None
    """``commentary`` or ``final_answer``."""


# --------------------------------------------------------------------------- function calls


class ResponseFunctionToolCall(WireModel):
    """A call of a function tool (in responses, and sent back in requests)."""

    arguments: str
    """JSON text of the arguments, exactly as the model produced it."""
    call_id: str
    """Id the function's output answers with."""
    name: str
    type: Literal["function_call"] = "function_call"
    id: Optional[str] = None
    """Id of the item (``fc_...``), distinct from ``call_id``."""
    async_: Optional[bool] = Field(default=None, alias="async")
    """Whether the call runs asynchronously."""
    caller: Optional[Caller] = None
    namespace: Optional[str] = None
    """The namespace of the function, for namespaced tools."""
    status: Optional[Union[ItemStatus, str]] = None


class FunctionCallOutput(WireModel):
    """The output of a function call, sent back in a request."""

    output: Union[str, list[ResponseFunctionCallOutputItem]]
    """Text (often JSON), or a list of text / image / file parts."""
    type: Literal["function_call_output"] = "function_call_output"
    id: Optional[str] = None
    call_id: Optional[str] = None
    """The ``call_id`` of the call this answers."""
    caller: Optional[Caller] = None
    name: Optional[str] = None
    namespace: Optional[str] = None
    status: Optional[Union[ItemStatus, str]] = None


class ResponseFunctionToolCallOutputItem(WireModel):
    """The output of a function call, as an item of a response."""

    id: str
    output: Union[str, list[ResponseInputContent]]
    status: Union[ItemStatus, str]
    type: Literal["function_call_output"] = "function_call_output"
    call_id: Optional[str] = None
    caller: Optional[Caller] = None
    created_by: Optional[str] = None
    name: Optional[str] = None
    namespace: Optional[str] = None


# --------------------------------------------------------------------------- custom tool calls


class ResponseCustomToolCall(WireModel):
    """A call of a custom tool (in responses, and sent back in requests)."""

    call_id: str
    input: str
    """The free-form input the model produced."""
    name: str
    type: Literal["custom_tool_call"] = "custom_tool_call"
    id: Optional[str] = None
    async_: Optional[bool] = Field(default=None, alias="async")
    caller: Optional[Caller] = None
    namespace: Optional[str] = None


class ResponseCustomToolCallOutput(WireModel):
    """The output of a custom tool call, sent back in a request."""

    call_id: str
    output: Union[str, list[ResponseInputContent]]
    type: Literal["custom_tool_call_output"] = "custom_tool_call_output"
    id: Optional[str] = None
    caller: Optional[Caller] = None


class ResponseCustomToolCallOutputItem(WireModel):
    """The output of a custom tool call, as an item of a response."""

    call_id: str
    output: Union[str, list[ResponseInputContent]]
    type: Literal["custom_tool_call_output"] = "custom_tool_call_output"
    id: str
    status: Union[ItemStatus, str]
    caller: Optional[Caller] = None
    created_by: Optional[str] = None


# --------------------------------------------------------------------------- reasoning


class ResponseReasoningItem(WireModel):
    """The model's reasoning (in responses, and sent back in requests)."""

    id: str
    summary: list[SummaryTextContent]
    """Summary parts of the reasoning (may be empty)."""
    type: Literal["reasoning"] = "reasoning"
    content: Optional[list[ReasoningTextContent]] = None
    """The reasoning text, where the model exposes it."""
    encrypted_content: Optional[str] = None
    """Opaque encrypted reasoning (requested with ``include``), for stateless multi-turn use."""
    status: Optional[Union[ItemStatus, str]] = None


class ResponseReasoningItemParam(WireModel):
    """Reasoning sent back in a request's ``input``.

    The SDK requires ``id``; the API does not (an item without one is matched by its
    ``encrypted_content``), and Codex, which stores nothing server-side, sends its reasoning
    items without it, so it is optional here (absent stays absent)."""

    summary: list[SummaryTextContent]
    """Summary parts of the reasoning (may be empty)."""
    type: Literal["reasoning"] = "reasoning"
    id: Optional[str] = None
    """Id of the reasoning item, when the client kept it."""
    content: Optional[list[ReasoningTextContent]] = None
    """The reasoning text, where the model exposes it."""
    encrypted_content: Optional[str] = None
    """Opaque encrypted reasoning, for stateless multi-turn use."""
    status: Optional[Union[ItemStatus, str]] = None


# --------------------------------------------------------------------------- compaction & co


class ResponseCompactionItemParam(WireModel):
    """A compaction of earlier items, sent back in a request."""

    encrypted_content: str
    type: Literal["compaction"] = "compaction"
    id: Optional[str] = None


class ResponseCompactionItem(WireModel):
    """A compaction of earlier items, as an item of a response."""

    id: str
    encrypted_content: str
    type: Literal["compaction"] = "compaction"
    created_by: Optional[str] = None


class CompactionTrigger(WireModel):
    """Asks the API to compact the conversation at this point."""

    type: Literal["compaction_trigger"] = "compaction_trigger"
    id: Optional[str] = None


class ItemReference(WireModel):
    """A reference to an earlier item by id.

    The SDK lets ``type`` be absent, but an input item without ``type`` is read as a message, so
    only references that carry their tag reach this class; it always writes it.
    """

    id: str
    type: Literal["item_reference"] = "item_reference"


class ConfigurationUpdateReasoning(WireModel):
    """The reasoning settings a configuration update changes."""

    effort: Optional[ReasoningEffort] = None


class ConfigurationUpdateText(WireModel):
    """The text settings a configuration update changes."""

    format: ResponseFormatTextConfig


class ResponseConfigurationUpdateItemParam(WireModel):
    """Changes the reasoning / text configuration from this point of the conversation on."""

    type: Literal["configuration_update"] = "configuration_update"
    id: Optional[str] = None
    reasoning: Optional[ConfigurationUpdateReasoning] = None
    text: Optional[ConfigurationUpdateText] = None


# --------------------------------------------------------------------------- unions


class UnknownInputItem(WireModel):
    """An input item of a type this package does not know; kept and dumped back unchanged."""

    type: str


class UnknownOutputItem(WireModel):
    """An output item of a type this package does not know; kept and dumped back unchanged."""

    type: str


#: An item of a request's ``input`` (the SDK's ``ResponseInputItemParam``). A payload without
#: ``type`` is a message.
ResponseInputItem = Annotated[
    Union[
        EasyInputMessage,
        ResponseFileSearchToolCall,
        ResponseComputerToolCall,
        ComputerCallOutput,
        ResponseFunctionWebSearch,
        ResponseFunctionToolCall,
        FunctionCallOutput,
        ToolSearchCall,
        ResponseToolSearchOutputItemParam,
        AdditionalTools,
        ResponseConfigurationUpdateItemParam,
        ResponseReasoningItemParam,
        ResponseCompactionItemParam,
        ImageGenerationCall,
        ResponseCodeInterpreterToolCall,
        LocalShellCall,
        LocalShellCallOutput,
        ShellCall,
        ShellCallOutput,
        ApplyPatchCall,
        ApplyPatchCallOutput,
        McpListTools,
        McpApprovalRequest,
        McpApprovalResponse,
        McpCall,
        ResponseCustomToolCallOutput,
        ResponseCustomToolCall,
        CompactionTrigger,
        ItemReference,
        Program,
        ProgramOutput,
        UnknownInputItem,
    ],
    OpenUnion("type", fallback=UnknownInputItem, default=EasyInputMessage),
]

#: The SDK's name for :data:`ResponseInputItem` (the same type).
ResponseInputItemParam = ResponseInputItem

#: A request's list ``input``.
ResponseInput = list[ResponseInputItem]
#: The SDK's name for :data:`ResponseInput` (the same type).
ResponseInputParam = ResponseInput

#: An item of a response's ``output`` (also ``item`` of the output-item stream events).
ResponseOutputItem = Annotated[
    Union[
        ResponseOutputMessage,
        ResponseFileSearchToolCall,
        ResponseFunctionToolCall,
        ResponseFunctionToolCallOutputItem,
        ResponseFunctionWebSearch,
        ResponseComputerToolCall,
        ResponseComputerToolCallOutputItem,
        ResponseReasoningItem,
        Program,
        ProgramOutput,
        ResponseToolSearchCall,
        ResponseToolSearchOutputItem,
        AdditionalTools,
        ResponseCompactionItem,
        ImageGenerationCall,
        ResponseCodeInterpreterToolCall,
        LocalShellCall,
        LocalShellCallOutput,
        ResponseFunctionShellToolCall,
        ResponseFunctionShellToolCallOutput,
        ResponseApplyPatchToolCall,
        ResponseApplyPatchToolCallOutput,
        McpCall,
        McpListTools,
        McpApprovalRequest,
        McpApprovalResponse,
        ResponseCustomToolCall,
        ResponseCustomToolCallOutputItem,
        UnknownOutputItem,
    ],
    OpenUnion("type", fallback=UnknownOutputItem),
]
