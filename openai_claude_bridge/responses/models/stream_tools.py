"""Stream events reporting the progress of hosted tool calls.

File search, web search, code interpreter, image generation, MCP, shell and compaction. Each
names the item (``item_id``, ``output_index``) whose state changed; the item itself arrives with
``response.output_item.added`` / ``.done``.
"""

from typing import Literal, Optional

from ...wire import WireModel
from .shell import ResponseFunctionShellCallOutputContent

__all__ = [
    "ResponseCodeInterpreterCallCodeDeltaEvent",
    "ResponseCodeInterpreterCallCodeDoneEvent",
    "ResponseCodeInterpreterCallCompletedEvent",
    "ResponseCodeInterpreterCallInProgressEvent",
    "ResponseCodeInterpreterCallInterpretingEvent",
    "ResponseCompactionCompactingEvent",
    "ResponseFileSearchCallCompletedEvent",
    "ResponseFileSearchCallInProgressEvent",
    "ResponseFileSearchCallSearchingEvent",
    "ResponseImageGenCallCompletedEvent",
    "ResponseImageGenCallGeneratingEvent",
    "ResponseImageGenCallInProgressEvent",
    "ResponseImageGenCallPartialImageEvent",
    "ResponseMcpCallArgumentsDeltaEvent",
    "ResponseMcpCallArgumentsDoneEvent",
    "ResponseMcpCallCompletedEvent",
    "ResponseMcpCallFailedEvent",
    "ResponseMcpCallInProgressEvent",
    "ResponseMcpListToolsCompletedEvent",
    "ResponseMcpListToolsFailedEvent",
    "ResponseMcpListToolsInProgressEvent",
    "ResponseShellCallCommandAddedEvent",
    "ResponseShellCallCommandDeltaEvent",
    "ResponseShellCallCommandDoneEvent",
    "ResponseShellCallOutputContentDeltaEvent",
    "ResponseShellCallOutputContentDoneEvent",
    "ResponseWebSearchCallCompletedEvent",
    "ResponseWebSearchCallInProgressEvent",
    "ResponseWebSearchCallSearchingEvent",
    "ShellCallOutputContentDelta",
]


# --------------------------------------------------------------------------- file search


class ResponseFileSearchCallInProgressEvent(WireModel):
    """A file search call started."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.file_search_call.in_progress"] = "response.file_search_call.in_progress"


class ResponseFileSearchCallSearchingEvent(WireModel):
    """A file search call is searching."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.file_search_call.searching"] = "response.file_search_call.searching"


class ResponseFileSearchCallCompletedEvent(WireModel):
    """A file search call completed."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.file_search_call.completed"] = "response.file_search_call.completed"


# --------------------------------------------------------------------------- web search


class ResponseWebSearchCallInProgressEvent(WireModel):
    """A web search call started."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.web_search_call.in_progress"] = "response.web_search_call.in_progress"


class ResponseWebSearchCallSearchingEvent(WireModel):
    """A web search call is searching."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.web_search_call.searching"] = "response.web_search_call.searching"


class ResponseWebSearchCallCompletedEvent(WireModel):
    """A web search call completed."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.web_search_call.completed"] = "response.web_search_call.completed"


# --------------------------------------------------------------------------- code interpreter


class ResponseCodeInterpreterCallInProgressEvent(WireModel):
    """A code interpreter call started."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.code_interpreter_call.in_progress"] = (
        "response.code_interpreter_call.in_progress"
    )


class ResponseCodeInterpreterCallInterpretingEvent(WireModel):
    """A code interpreter call is running its code."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.code_interpreter_call.interpreting"] = (
        "response.code_interpreter_call.interpreting"
    )


class ResponseCodeInterpreterCallCompletedEvent(WireModel):
    """A code interpreter call completed."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.code_interpreter_call.completed"] = (
        "response.code_interpreter_call.completed"
    )


class ResponseCodeInterpreterCallCodeDeltaEvent(WireModel):
    """A fragment of the code of a code interpreter call."""

    delta: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.code_interpreter_call_code.delta"] = (
        "response.code_interpreter_call_code.delta"
    )


class ResponseCodeInterpreterCallCodeDoneEvent(WireModel):
    """The complete code of a code interpreter call."""

    code: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.code_interpreter_call_code.done"] = (
        "response.code_interpreter_call_code.done"
    )


# --------------------------------------------------------------------------- image generation


class ResponseImageGenCallInProgressEvent(WireModel):
    """An image generation call started."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.image_generation_call.in_progress"] = (
        "response.image_generation_call.in_progress"
    )


class ResponseImageGenCallGeneratingEvent(WireModel):
    """An image generation call is generating."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.image_generation_call.generating"] = (
        "response.image_generation_call.generating"
    )


class ResponseImageGenCallPartialImageEvent(WireModel):
    """A partial image of an image generation call."""

    item_id: str
    output_index: int
    partial_image_b64: str
    """The partial image, base64-encoded."""
    partial_image_index: int
    """0-based index of the partial image."""
    sequence_number: int
    type: Literal["response.image_generation_call.partial_image"] = (
        "response.image_generation_call.partial_image"
    )
    background: Optional[str] = None
    output_format: Optional[str] = None
    quality: Optional[str] = None
    size: Optional[str] = None


class ResponseImageGenCallCompletedEvent(WireModel):
    """An image generation call completed."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.image_generation_call.completed"] = (
        "response.image_generation_call.completed"
    )


# --------------------------------------------------------------------------- MCP


class ResponseMcpCallArgumentsDeltaEvent(WireModel):
    """A fragment of the JSON arguments of an MCP call."""

    delta: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_call_arguments.delta"] = "response.mcp_call_arguments.delta"


class ResponseMcpCallArgumentsDoneEvent(WireModel):
    """The complete JSON arguments of an MCP call."""

    arguments: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_call_arguments.done"] = "response.mcp_call_arguments.done"


class ResponseMcpCallInProgressEvent(WireModel):
    """An MCP call started."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_call.in_progress"] = "response.mcp_call.in_progress"


class ResponseMcpCallCompletedEvent(WireModel):
    """An MCP call completed."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_call.completed"] = "response.mcp_call.completed"


class ResponseMcpCallFailedEvent(WireModel):
    """An MCP call failed."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_call.failed"] = "response.mcp_call.failed"


class ResponseMcpListToolsInProgressEvent(WireModel):
    """Listing the tools of an MCP server started."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_list_tools.in_progress"] = "response.mcp_list_tools.in_progress"


class ResponseMcpListToolsCompletedEvent(WireModel):
    """Listing the tools of an MCP server completed."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_list_tools.completed"] = "response.mcp_list_tools.completed"


class ResponseMcpListToolsFailedEvent(WireModel):
    """Listing the tools of an MCP server failed."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.mcp_list_tools.failed"] = "response.mcp_list_tools.failed"


# --------------------------------------------------------------------------- shell


class ResponseShellCallCommandAddedEvent(WireModel):
    """A shell call got a new command."""

    command: str
    """The command so far (usually empty)."""
    command_index: int
    output_index: int
    sequence_number: int
    type: Literal["response.shell_call_command.added"] = "response.shell_call_command.added"


class ResponseShellCallCommandDeltaEvent(WireModel):
    """A fragment of a shell call's command."""

    command_index: int
    delta: str
    output_index: int
    sequence_number: int
    type: Literal["response.shell_call_command.delta"] = "response.shell_call_command.delta"
    obfuscation: Optional[str] = None
    """Random padding normalising payload sizes."""


class ResponseShellCallCommandDoneEvent(WireModel):
    """A shell call's complete command."""

    command: str
    command_index: int
    output_index: int
    sequence_number: int
    type: Literal["response.shell_call_command.done"] = "response.shell_call_command.done"


class ShellCallOutputContentDelta(WireModel):
    """New output of a shell command (the SDK's ``Delta``)."""

    stderr: Optional[str] = None
    stdout: Optional[str] = None


class ResponseShellCallOutputContentDeltaEvent(WireModel):
    """New output of a command of a shell call output."""

    command_index: int
    delta: ShellCallOutputContentDelta
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.shell_call_output_content.delta"] = (
        "response.shell_call_output_content.delta"
    )


class ResponseShellCallOutputContentDoneEvent(WireModel):
    """The complete output of a shell call output."""

    command_index: int
    item_id: str
    output: list[ResponseFunctionShellCallOutputContent]
    output_index: int
    sequence_number: int
    type: Literal["response.shell_call_output_content.done"] = (
        "response.shell_call_output_content.done"
    )


# --------------------------------------------------------------------------- compaction


class ResponseCompactionCompactingEvent(WireModel):
    """A compaction item is being produced."""

    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.compaction.compacting"] = "response.compaction.compacting"
