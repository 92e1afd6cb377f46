"""Items of MCP servers, tool search, programmatic tool calling and added tools.

Requests carry the input classes (``ToolSearchCall``, ``ResponseToolSearchOutputItemParam``);
responses carry the output classes (``ResponseToolSearchCall``, ``ResponseToolSearchOutputItem``).
"""

from typing import Annotated, Any, Literal, Optional, Union

from ...wire import OpenUnion, WireModel
from .shared import ItemStatus
from .tools import Tool

__all__ = [
    "AdditionalTools",
    "HTTPError",
    "McpApprovalRequest",
    "McpApprovalResponse",
    "McpCall",
    "McpCallStatus",
    "McpListTools",
    "McpListToolsTool",
    "McpProtocolError",
    "McpToolCallError",
    "McpToolExecutionError",
    "Program",
    "ProgramOutput",
    "ProgramOutputStatus",
    "ResponseToolSearchCall",
    "ResponseToolSearchOutputItem",
    "ResponseToolSearchOutputItemParam",
    "ToolSearchCall",
    "UnknownMcpError",
]

#: Status of an ``mcp_call``.
McpCallStatus = Literal["in_progress", "completed", "incomplete", "calling", "failed"]
#: Status of a ``program_output``.
ProgramOutputStatus = Literal["completed", "incomplete"]


# --------------------------------------------------------------------------- MCP


class McpListToolsTool(WireModel):
    """A tool offered by an MCP server."""

    input_schema: Any
    """JSON schema of the tool's input, kept byte for byte."""
    name: str
    annotations: Optional[Any] = None
    description: Optional[str] = None


class McpListTools(WireModel):
    """The tools an MCP server offers."""

    id: str
    server_label: str
    tools: list[McpListToolsTool]
    type: Literal["mcp_list_tools"] = "mcp_list_tools"
    error: Optional[str] = None
    """Why the server's tools could not be listed."""


class McpApprovalRequest(WireModel):
    """A request for the caller's approval of an MCP tool call."""

    id: str
    arguments: str
    """JSON text of the arguments."""
    name: str
    server_label: str
    type: Literal["mcp_approval_request"] = "mcp_approval_request"


class McpApprovalResponse(WireModel):
    """The caller's answer to an MCP approval request.

    Input and output shapes in one class: ``id`` is absent in requests, present in responses.
    """

    approval_request_id: str
    approve: bool
    type: Literal["mcp_approval_response"] = "mcp_approval_response"
    id: Optional[str] = None
    reason: Optional[str] = None


class McpProtocolError(WireModel):
    """An MCP protocol error."""

    code: int
    message: str
    type: Literal["mcp_protocol_error"] = "mcp_protocol_error"


class McpToolExecutionError(WireModel):
    """An error reported by the MCP tool."""

    content: Any
    type: Literal["mcp_tool_execution_error"] = "mcp_tool_execution_error"


class HTTPError(WireModel):
    """An HTTP error talking to the MCP server."""

    code: int
    message: str
    type: Literal["http_error"] = "http_error"


class UnknownMcpError(WireModel):
    """An MCP error this package does not know; kept and dumped back unchanged."""

    type: str


#: Why an MCP call failed.
McpToolCallError = Annotated[
    Union[McpProtocolError, McpToolExecutionError, HTTPError, UnknownMcpError],
    OpenUnion("type", fallback=UnknownMcpError),
]


class McpCall(WireModel):
    """A call of a tool on an MCP server."""

    id: str
    arguments: str
    """JSON text of the arguments."""
    name: str
    server_label: str
    type: Literal["mcp_call"] = "mcp_call"
    approval_request_id: Optional[str] = None
    error: Union[McpToolCallError, str, None] = None
    """Why the call failed (older API versions send a plain string)."""
    output: Optional[str] = None
    status: Optional[Union[McpCallStatus, str]] = None


# --------------------------------------------------------------------------- tool search


class ToolSearchCall(WireModel):
    """A tool search call, sent back in a request."""

    arguments: Any
    type: Literal["tool_search_call"] = "tool_search_call"
    id: Optional[str] = None
    call_id: Optional[str] = None
    execution: Optional[Literal["server", "client"]] = None
    status: Optional[Union[ItemStatus, str]] = None


class ResponseToolSearchCall(WireModel):
    """A tool search call, as an item of a response."""

    id: str
    arguments: Any
    execution: Literal["server", "client"]
    status: Union[ItemStatus, str]
    type: Literal["tool_search_call"] = "tool_search_call"
    call_id: Optional[str] = None
    created_by: Optional[str] = None


class ResponseToolSearchOutputItemParam(WireModel):
    """The tools a tool search found, sent back in a request."""

    tools: list[Tool]
    type: Literal["tool_search_output"] = "tool_search_output"
    id: Optional[str] = None
    call_id: Optional[str] = None
    execution: Optional[Literal["server", "client"]] = None
    status: Optional[Union[ItemStatus, str]] = None


class ResponseToolSearchOutputItem(WireModel):
    """The tools a tool search found, as an item of a response."""

    id: str
    execution: Literal["server", "client"]
    status: Union[ItemStatus, str]
    tools: list[Tool]
    type: Literal["tool_search_output"] = "tool_search_output"
    call_id: Optional[str] = None
    created_by: Optional[str] = None


class AdditionalTools(WireModel):
    """Tools added to the conversation by an item.

    Input and output shapes in one class: requests use ``role: "developer"`` and may omit
    ``id``; responses always carry ``id``.
    """

    role: Literal[
        "unknown", "user", "assistant", "system", "critic", "discriminator", "developer", "tool"
    ]
    tools: list[Tool]
    type: Literal["additional_tools"] = "additional_tools"
    id: Optional[str] = None


# --------------------------------------------------------------------------- programs


class Program(WireModel):
    """A program the model wrote to call tools (programmatic tool calling)."""

    id: str
    call_id: str
    code: str
    fingerprint: str
    type: Literal["program"] = "program"


class ProgramOutput(WireModel):
    """The result of a program."""

    id: str
    call_id: str
    result: str
    status: Union[ProgramOutputStatus, str]
    type: Literal["program_output"] = "program_output"
