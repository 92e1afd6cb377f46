"""Beta content blocks, request and response side: compaction, MCP, tool changes, fallback, advisor.

They mirror the SDK's ``types.beta`` classes without the ``Beta`` prefix.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias, Union

from pydantic import Field

from ...wire import OpenUnion, WireModel
from .blocks import (
    TextBlock,
)
from .common import (
    CacheControlEphemeralParam,
    RefusalCategory,
)
from .content import (
    TextBlockParam,
)
from .tools import (
    MCPToolParamParam,
    ToolUnionParam,
)

__all__ = [
    "AdvisorRedactedResultBlock",
    "AdvisorRedactedResultBlockParam",
    "AdvisorResultBlock",
    "AdvisorResultBlockParam",
    "AdvisorToolResultBlock",
    "AdvisorToolResultBlockParam",
    "AdvisorToolResultContent",
    "AdvisorToolResultContentParam",
    "AdvisorToolResultErrorCode",
    "AdvisorToolResultErrorObject",
    "AdvisorToolResultErrorParam",
    "CompactionBlock",
    "CompactionBlockParam",
    "FallbackBlock",
    "FallbackBlockParam",
    "FallbackInfo",
    "FallbackInfoParam",
    "FallbackRefusalTrigger",
    "MCPTool",
    "MCPToolListingBlock",
    "MCPToolListingBlockParam",
    "MCPToolResultBlock",
    "MCPToolUseBlock",
    "MCPToolUseBlockParam",
    "RequestMCPToolResultBlockParam",
    "RequestToolAdditionBlockParam",
    "RequestToolRemovalBlockParam",
    "ResponseToolAdditionBlock",
    "ResponseToolAdditionTool",
    "ResponseToolChangeBlock",
    "ResponseToolChangeMCPToolReference",
    "ResponseToolChangeMCPToolsetReference",
    "ResponseToolChangeToolReference",
    "ResponseToolRemovalBlock",
    "ResponseToolRemovalTool",
    "ToolAdditionToolParam",
    "ToolChangeBlockParam",
    "ToolChangeMCPToolReferenceParam",
    "ToolChangeMCPToolsetReferenceParam",
    "ToolChangeToolDefinition",
    "ToolChangeToolDefinitionParam",
    "ToolChangeToolReferenceParam",
    "ToolRemovalToolParam",
    "UnknownAdvisorToolResultContent",
    "UnknownAdvisorToolResultContentParam",
    "UnknownResponseToolAdditionTool",
    "UnknownResponseToolChangeBlock",
    "UnknownResponseToolRemovalTool",
    "UnknownToolAdditionToolParam",
    "UnknownToolChangeBlockParam",
    "UnknownToolRemovalToolParam",
]


AdvisorToolResultErrorCode: TypeAlias = Literal[
    "max_uses_exceeded",
    "prompt_too_long",
    "too_many_requests",
    "overloaded",
    "unavailable",
    "execution_time_exceeded",
    "model_not_found",
]
"""Why an advisor call failed (beta)."""


class ToolChangeToolReferenceParam(WireModel):
    """Names a tool defined in ``tools`` (beta).

    Also accepts the response shape (``ResponseToolChangeToolReference``), which clients send
    back in later requests.
    """

    type: Literal["tool_reference"] = "tool_reference"
    name: str


class ToolChangeMCPToolReferenceParam(WireModel):
    """Names one tool of an MCP server (beta).

    Also accepts the response shape (``ResponseToolChangeMCPToolReference``), which clients send
    back in later requests.
    """

    type: Literal["mcp_tool_reference"] = "mcp_tool_reference"
    name: str
    server_name: str


class ToolChangeMCPToolsetReferenceParam(WireModel):
    """Names all tools of an MCP server (beta).

    Also accepts the response shape (``ResponseToolChangeMCPToolsetReference``), which clients
    send back in later requests.
    """

    type: Literal["mcp_toolset_reference"] = "mcp_toolset_reference"
    server_name: str


class ToolChangeToolDefinitionParam(WireModel):
    """A tool defined inline (beta).

    Also accepts the response shape (``ToolChangeToolDefinition``), which clients send back in
    later requests.
    """

    type: Literal["tool_definition"] = "tool_definition"
    definition: ToolUnionParam
    """The tool definition."""


class MCPToolUseBlockParam(WireModel):
    """A call of an MCP server tool, sent back in the conversation (beta).

    Also accepts the response shape (``MCPToolUseBlock``), which clients send back in later
    requests.
    """

    type: Literal["mcp_tool_use"] = "mcp_tool_use"
    id: str
    input: dict[str, Any]
    name: str
    """The name of the MCP tool"""

    server_name: str
    """The name of the MCP server"""

    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""


class RequestMCPToolResultBlockParam(WireModel):
    """The result of an MCP server tool call, sent back in the conversation (beta).

    Also accepts the response shape (``MCPToolResultBlock``), which clients send back in later
    requests.
    """

    type: Literal["mcp_tool_result"] = "mcp_tool_result"
    tool_use_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    content: str | list[TextBlockParam] | None = None
    is_error: bool | None = None


class MCPToolListingBlockParam(WireModel):
    """The tools an MCP server offered, sent back in the conversation (beta).

    Also accepts the response shape (``MCPToolListingBlock``), which clients send back in later
    requests.
    """

    type: Literal["mcp_tool_listing"] = "mcp_tool_listing"
    mcp_server_name: str
    """The name of the MCP server this listing came from, as `mcp_servers` declares it."""

    tools: list[MCPToolParamParam]
    """The server's tools, exactly as the response listed them."""


class FallbackInfoParam(WireModel):
    """One side of a fallback hop (beta).

    Also accepts the response shape (``FallbackInfo``), which clients send back in later
    requests.
    """

    model: str
    """The model that will complete your prompt."""


class FallbackBlockParam(WireModel):
    """Marks where the server switched to a fallback model, echoed back from a response (beta).

    Also accepts the response shape (``FallbackBlock``), which clients send back in later
    requests.
    """

    type: Literal["fallback"] = "fallback"
    from_: FallbackInfoParam = Field(alias="from")
    """The model whose output ends at this point — the model that declined at this hop."""

    to: FallbackInfoParam
    """Identifies one hop of a fallback transition."""

    trigger: Any = None
    """What caused the fallback (echoed back as received)."""


class AdvisorToolResultErrorParam(WireModel):
    """A failed advisor call (beta).

    Also accepts the response shape (``AdvisorToolResultErrorObject``), which clients send back
    in later requests.
    """

    type: Literal["advisor_tool_result_error"] = "advisor_tool_result_error"
    error_code: AdvisorToolResultErrorCode


class AdvisorResultBlockParam(WireModel):
    """The advisor's answer (beta).

    Also accepts the response shape (``AdvisorResultBlock``), which clients send back in later
    requests.
    """

    type: Literal["advisor_result"] = "advisor_result"
    text: str
    stop_reason: str | None = None
    """The advisor sub-inference's stop reason (same values as the top-level message
    `stop_reason`).
    """


class AdvisorRedactedResultBlockParam(WireModel):
    """The advisor's answer, encrypted (beta).

    Also accepts the response shape (``AdvisorRedactedResultBlock``), which clients send back in
    later requests.
    """

    type: Literal["advisor_redacted_result"] = "advisor_redacted_result"
    encrypted_content: str
    """Opaque blob produced by a prior response; must be round-tripped verbatim."""

    stop_reason: str | None = None
    """The advisor sub-inference's stop reason (same values as the top-level message
    `stop_reason`).
    """


class ResponseToolChangeToolReference(WireModel):
    """Names a tool defined in ``tools`` (beta)."""

    type: Literal["tool_reference"] = "tool_reference"
    name: str


class ResponseToolChangeMCPToolReference(WireModel):
    """Names one tool of an MCP server (beta)."""

    type: Literal["mcp_tool_reference"] = "mcp_tool_reference"
    name: str
    server_name: str


class ResponseToolChangeMCPToolsetReference(WireModel):
    """Names all tools of an MCP server (beta)."""

    type: Literal["mcp_toolset_reference"] = "mcp_toolset_reference"
    server_name: str


class ToolChangeToolDefinition(WireModel):
    """A tool defined inline (beta)."""

    type: Literal["tool_definition"] = "tool_definition"
    definition: ToolUnionParam
    """The tool definition (parsed with the request-side tool models, which accept the response
    shapes).
    """


class MCPToolUseBlock(WireModel):
    """A call of an MCP server tool (beta)."""

    type: Literal["mcp_tool_use"] = "mcp_tool_use"
    id: str
    input: dict[str, Any]
    name: str
    """The name of the MCP tool"""

    server_name: str
    """The name of the MCP server"""


class MCPToolResultBlock(WireModel):
    """The result of an MCP server tool call (beta)."""

    type: Literal["mcp_tool_result"] = "mcp_tool_result"
    content: str | list[TextBlock]
    is_error: bool
    tool_use_id: str


class MCPTool(WireModel):
    """A tool an MCP server offers (beta)."""

    input_schema: dict[str, Any]
    name: str
    description: str | None = None


class MCPToolListingBlock(WireModel):
    """The tools an MCP server offered (beta)."""

    type: Literal["mcp_tool_listing"] = "mcp_tool_listing"
    mcp_server_name: str
    tools: list[MCPTool]


class FallbackInfo(WireModel):
    """One side of a fallback hop (beta)."""

    model: str
    """The model that will complete your prompt."""


class FallbackRefusalTrigger(WireModel):
    """A refusal caused the fallback (beta)."""

    type: Literal["refusal"] = "refusal"
    category: Union[RefusalCategory, str] | None = None
    """The policy category that triggered the `from` model's refusal at this hop."""


class FallbackBlock(WireModel):
    """Marks where the server switched to a fallback model (beta)."""

    type: Literal["fallback"] = "fallback"
    from_: FallbackInfo = Field(alias="from")
    """The model whose output ends at this point — the model that declined at this hop."""

    to: FallbackInfo
    """The fallback model producing the content that follows this block."""

    trigger: FallbackRefusalTrigger
    """What caused the `from` model to hand over at this hop."""


class AdvisorToolResultErrorObject(WireModel):
    """A failed advisor call (beta)."""

    type: Literal["advisor_tool_result_error"] = "advisor_tool_result_error"
    error_code: Union[AdvisorToolResultErrorCode, str]


class AdvisorResultBlock(WireModel):
    """The advisor's answer (beta)."""

    type: Literal["advisor_result"] = "advisor_result"
    stop_reason: str | None = None
    """The advisor sub-inference's stop reason (same values as the top-level message
    `stop_reason`).
    """

    text: str


class AdvisorRedactedResultBlock(WireModel):
    """The advisor's answer, encrypted (beta)."""

    type: Literal["advisor_redacted_result"] = "advisor_redacted_result"
    encrypted_content: str
    """Opaque blob containing the advisor's output."""

    stop_reason: str | None = None
    """The advisor sub-inference's stop reason (same values as the top-level message
    `stop_reason`).
    """


class UnknownToolAdditionToolParam(WireModel):
    """Fallback member of ``ToolAdditionToolParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ToolAdditionToolParam: TypeAlias = Annotated[
    Union[
        ToolChangeToolReferenceParam,
        ToolChangeMCPToolReferenceParam,
        ToolChangeMCPToolsetReferenceParam,
        ToolChangeToolDefinitionParam,
        UnknownToolAdditionToolParam,
    ],
    OpenUnion("type", fallback=UnknownToolAdditionToolParam),
]
"""A tool being added mid-conversation (beta)."""


class RequestToolAdditionBlockParam(WireModel):
    """Makes a tool available from this point of the conversation on (beta).

    Also accepts the response shape (``ResponseToolAdditionBlock``), which clients send back in
    later requests.
    """

    type: Literal["tool_addition"] = "tool_addition"
    tool: ToolAdditionToolParam
    """The tool made available: a reference to a `tools` entry or MCP toolset, or a
    `tool_definition` carrying the definition by value.
    """

    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""


class UnknownToolRemovalToolParam(WireModel):
    """Fallback member of ``ToolRemovalToolParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ToolRemovalToolParam: TypeAlias = Annotated[
    Union[
        ToolChangeToolReferenceParam,
        ToolChangeMCPToolReferenceParam,
        ToolChangeMCPToolsetReferenceParam,
        UnknownToolRemovalToolParam,
    ],
    OpenUnion("type", fallback=UnknownToolRemovalToolParam),
]
"""A tool being removed mid-conversation (beta)."""


class RequestToolRemovalBlockParam(WireModel):
    """Withdraws a tool from this point of the conversation on (beta).

    Also accepts the response shape (``ResponseToolRemovalBlock``), which clients send back in
    later requests.
    """

    type: Literal["tool_removal"] = "tool_removal"
    tool: ToolRemovalToolParam
    """A reference to the withdrawn `tools` entry, MCP tool or MCP toolset."""

    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""


class UnknownToolChangeBlockParam(WireModel):
    """Fallback member of ``ToolChangeBlockParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ToolChangeBlockParam: TypeAlias = Annotated[
    Union[
        RequestToolAdditionBlockParam,
        RequestToolRemovalBlockParam,
        UnknownToolChangeBlockParam,
    ],
    OpenUnion("type", fallback=UnknownToolChangeBlockParam),
]
"""A tool change recorded in a compaction block (beta)."""


class CompactionBlockParam(WireModel):
    """A summary of earlier conversation, sent back so the server can continue from it (beta).

    Also accepts the response shape (``CompactionBlock``), which clients send back in later
    requests.
    """

    type: Literal["compaction"] = "compaction"
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    content: str | None = None
    """Summary of previously compacted content, or null if compaction failed"""

    encrypted_content: str | None = None
    """Opaque metadata from prior compaction, to be round-tripped verbatim"""

    signature: str | None = None
    """The block's signature as returned, to be sent back verbatim"""

    tool_changes: list[ToolChangeBlockParam] | None = None
    """The tool changes of the compacted range, as the server returned them on this block: the
    `tool_addition` and `tool_removal` entries that take the request's `tools` to the tool set
    in effect at the end of the range.
    """


class UnknownAdvisorToolResultContentParam(WireModel):
    """Fallback member of ``AdvisorToolResultContentParam``: a ``type`` this package does not
    know, kept verbatim.
    """

    type: str


AdvisorToolResultContentParam: TypeAlias = Annotated[
    Union[
        AdvisorToolResultErrorParam,
        AdvisorResultBlockParam,
        AdvisorRedactedResultBlockParam,
        UnknownAdvisorToolResultContentParam,
    ],
    OpenUnion("type", fallback=UnknownAdvisorToolResultContentParam),
]
"""What an advisor call returned (beta)."""


class AdvisorToolResultBlockParam(WireModel):
    """The result of an ``advisor`` server tool call (beta).

    Also accepts the response shape (``AdvisorToolResultBlock``), which clients send back in
    later requests.
    """

    type: Literal["advisor_tool_result"] = "advisor_tool_result"
    content: AdvisorToolResultContentParam
    tool_use_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""


class UnknownResponseToolAdditionTool(WireModel):
    """Fallback member of ``ResponseToolAdditionTool``: a ``type`` this package does not know,
    kept verbatim.
    """

    type: str


ResponseToolAdditionTool: TypeAlias = Annotated[
    Union[
        ResponseToolChangeToolReference,
        ResponseToolChangeMCPToolReference,
        ResponseToolChangeMCPToolsetReference,
        ToolChangeToolDefinition,
        UnknownResponseToolAdditionTool,
    ],
    OpenUnion("type", fallback=UnknownResponseToolAdditionTool),
]
"""A tool that was added (beta)."""


class ResponseToolAdditionBlock(WireModel):
    """A tool made available at this point of the conversation (beta)."""

    type: Literal["tool_addition"] = "tool_addition"
    tool: ResponseToolAdditionTool
    """The tool made available: a reference to a `tools` entry or MCP toolset, or a
    `tool_definition` carrying the definition by value.
    """


class UnknownResponseToolRemovalTool(WireModel):
    """Fallback member of ``ResponseToolRemovalTool``: a ``type`` this package does not know,
    kept verbatim.
    """

    type: str


ResponseToolRemovalTool: TypeAlias = Annotated[
    Union[
        ResponseToolChangeToolReference,
        ResponseToolChangeMCPToolReference,
        ResponseToolChangeMCPToolsetReference,
        UnknownResponseToolRemovalTool,
    ],
    OpenUnion("type", fallback=UnknownResponseToolRemovalTool),
]
"""A tool that was removed (beta)."""


class ResponseToolRemovalBlock(WireModel):
    """A tool withdrawn at this point of the conversation (beta)."""

    type: Literal["tool_removal"] = "tool_removal"
    tool: ResponseToolRemovalTool
    """A reference to the withdrawn `tools` entry, MCP tool or MCP toolset."""


class UnknownResponseToolChangeBlock(WireModel):
    """Fallback member of ``ResponseToolChangeBlock``: a ``type`` this package does not know,
    kept verbatim.
    """

    type: str


ResponseToolChangeBlock: TypeAlias = Annotated[
    Union[
        ResponseToolAdditionBlock,
        ResponseToolRemovalBlock,
        UnknownResponseToolChangeBlock,
    ],
    OpenUnion("type", fallback=UnknownResponseToolChangeBlock),
]
"""A tool change recorded in a compaction block (beta)."""


class CompactionBlock(WireModel):
    """A summary of earlier conversation that replaces it (beta)."""

    type: Literal["compaction"] = "compaction"
    content: str | None = None
    """Summary of compacted content, or null if compaction failed"""

    encrypted_content: str | None = None
    """Opaque metadata from prior compaction, to be round-tripped verbatim"""

    signature: str | None = None
    """Signature over the summary, to be sent back with the block verbatim"""

    tool_changes: list[ResponseToolChangeBlock] | None = None
    """The tool changes of the compacted range: the `tool_addition` and `tool_removal` blocks
    that take the request's `tools` to the tool set in effect at the end of the range, or `[]`
    when the range changed no tool.
    """


class UnknownAdvisorToolResultContent(WireModel):
    """Fallback member of ``AdvisorToolResultContent``: a ``type`` this package does not know,
    kept verbatim.
    """

    type: str


AdvisorToolResultContent: TypeAlias = Annotated[
    Union[
        AdvisorToolResultErrorObject,
        AdvisorResultBlock,
        AdvisorRedactedResultBlock,
        UnknownAdvisorToolResultContent,
    ],
    OpenUnion("type", fallback=UnknownAdvisorToolResultContent),
]
"""What an advisor call returned (beta)."""


class AdvisorToolResultBlock(WireModel):
    """The result of an ``advisor`` server tool call (beta)."""

    type: Literal["advisor_tool_result"] = "advisor_tool_result"
    content: AdvisorToolResultContent
    tool_use_id: str
