"""Tool definitions (``ToolUnionParam``) and ``tool_choice``."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias, Union

from ...wire import OpenUnion, WireModel
from .common import (
    CacheControlEphemeralParam,
    ServerToolCommonFields,
    ToolCommonFields,
)
from .toolsets import (
    BrowserToolset20260801Param,
    ComputerToolset20260801Param,
)
from .web_tools import (
    WebFetchTool20250910Param,
    WebFetchTool20260209Param,
    WebFetchTool20260309Param,
    WebFetchTool20260318Param,
    WebSearchTool20250305Param,
    WebSearchTool20260209Param,
    WebSearchTool20260318Param,
)

__all__ = [
    "AdvisorTool20260301Param",
    "CodeExecutionTool20250522Param",
    "CodeExecutionTool20250825Param",
    "CodeExecutionTool20260120Param",
    "CodeExecutionTool20260521Param",
    "MCPToolConfigParam",
    "MCPToolDefaultConfigParam",
    "MCPToolParamParam",
    "MCPToolsetParam",
    "MemoryTool20250818Param",
    "ToolBash20241022Param",
    "ToolBash20250124Param",
    "ToolChoiceAnyParam",
    "ToolChoiceAutoParam",
    "ToolChoiceNoneParam",
    "ToolChoiceParam",
    "ToolChoiceToolParam",
    "ToolComputerUse20241022Param",
    "ToolComputerUse20250124Param",
    "ToolComputerUse20251124Param",
    "ToolParam",
    "ToolSearchToolBm25_20251119Param",
    "ToolSearchToolRegex20251119Param",
    "ToolTextEditor20241022Param",
    "ToolTextEditor20250124Param",
    "ToolTextEditor20250429Param",
    "ToolTextEditor20250728Param",
    "ToolUnionParam",
    "UnknownToolChoiceParam",
    "UnknownToolUnionParam",
]


class ToolParam(ToolCommonFields):
    """A client (custom) tool: name, description and the JSON schema of its input."""

    type: Literal["custom"] | None = None
    name: str
    """Name of the tool."""

    description: str | None = None
    """Description of what this tool does."""

    input_schema: dict[str, Any]
    """JSON schema of the tool's input, kept byte-for-byte (the SDK's ``InputSchemaTyped`` is one
    shape of it).
    """

    eager_input_streaming: bool | None = None
    """Enable eager input streaming for this tool."""


class ToolBash20241022Param(ToolCommonFields):
    """Anthropic-defined bash tool, version ``bash_20241022`` (beta)."""

    type: Literal["bash_20241022"] = "bash_20241022"
    name: Literal["bash"] = "bash"
    """Name of the tool."""


class ToolBash20250124Param(ToolCommonFields):
    """Anthropic-defined bash tool, version ``bash_20250124``."""

    type: Literal["bash_20250124"] = "bash_20250124"
    name: Literal["bash"] = "bash"
    """Name of the tool."""


class CodeExecutionTool20250522Param(ServerToolCommonFields):
    """Code-execution server tool, version ``code_execution_20250522``."""

    type: Literal["code_execution_20250522"] = "code_execution_20250522"
    name: Literal["code_execution"] = "code_execution"
    """Name of the tool."""


class CodeExecutionTool20250825Param(ServerToolCommonFields):
    """Code-execution server tool, version ``code_execution_20250825``."""

    type: Literal["code_execution_20250825"] = "code_execution_20250825"
    name: Literal["code_execution"] = "code_execution"
    """Name of the tool."""


class CodeExecutionTool20260120Param(ServerToolCommonFields):
    """Code-execution server tool, version ``code_execution_20260120``."""

    type: Literal["code_execution_20260120"] = "code_execution_20260120"
    name: Literal["code_execution"] = "code_execution"
    """Name of the tool."""


class CodeExecutionTool20260521Param(ServerToolCommonFields):
    """Code-execution server tool, version ``code_execution_20260521``."""

    type: Literal["code_execution_20260521"] = "code_execution_20260521"
    name: Literal["code_execution"] = "code_execution"
    """Name of the tool."""


class MemoryTool20250818Param(ToolCommonFields):
    """Anthropic-defined memory tool, version ``memory_20250818``."""

    type: Literal["memory_20250818"] = "memory_20250818"
    name: Literal["memory"] = "memory"
    """Name of the tool."""


class ToolComputerUse20241022Param(ToolCommonFields):
    """Anthropic-defined computer-use tool, version ``computer_20241022`` (beta)."""

    type: Literal["computer_20241022"] = "computer_20241022"
    display_height_px: int
    """The height of the display in pixels."""

    display_width_px: int
    """The width of the display in pixels."""

    name: Literal["computer"] = "computer"
    """Name of the tool."""

    display_number: int | None = None
    """The X11 display number (e.g. ``0``, ``1``) for X11 environments."""


class ToolComputerUse20250124Param(ToolCommonFields):
    """Anthropic-defined computer-use tool, version ``computer_20250124`` (beta)."""

    type: Literal["computer_20250124"] = "computer_20250124"
    display_height_px: int
    """The height of the display in pixels."""

    display_width_px: int
    """The width of the display in pixels."""

    name: Literal["computer"] = "computer"
    """Name of the tool."""

    display_number: int | None = None
    """The X11 display number (e.g. ``0``, ``1``) for X11 environments."""


class ToolComputerUse20251124Param(ToolCommonFields):
    """Anthropic-defined computer-use tool, version ``computer_20251124`` (beta)."""

    type: Literal["computer_20251124"] = "computer_20251124"
    display_height_px: int
    """The height of the display in pixels."""

    display_width_px: int
    """The width of the display in pixels."""

    name: Literal["computer"] = "computer"
    """Name of the tool."""

    display_number: int | None = None
    """The X11 display number (e.g. ``0``, ``1``) for X11 environments."""

    enable_zoom: bool | None = None
    """Whether to enable an action to take a zoomed-in screenshot of the screen."""


class ToolTextEditor20241022Param(ToolCommonFields):
    """Anthropic-defined text editor tool, version ``text_editor_20241022`` (beta)."""

    type: Literal["text_editor_20241022"] = "text_editor_20241022"
    name: Literal["str_replace_editor"] = "str_replace_editor"
    """Name of the tool."""


class ToolTextEditor20250124Param(ToolCommonFields):
    """Anthropic-defined text editor tool, version ``text_editor_20250124``."""

    type: Literal["text_editor_20250124"] = "text_editor_20250124"
    name: Literal["str_replace_editor"] = "str_replace_editor"
    """Name of the tool."""


class ToolTextEditor20250429Param(ToolCommonFields):
    """Anthropic-defined text editor tool, version ``text_editor_20250429``."""

    type: Literal["text_editor_20250429"] = "text_editor_20250429"
    name: Literal["str_replace_based_edit_tool"] = "str_replace_based_edit_tool"
    """Name of the tool."""


class ToolTextEditor20250728Param(ToolCommonFields):
    """Anthropic-defined text editor tool, version ``text_editor_20250728``."""

    type: Literal["text_editor_20250728"] = "text_editor_20250728"
    name: Literal["str_replace_based_edit_tool"] = "str_replace_based_edit_tool"
    """Name of the tool."""

    max_characters: int | None = None
    """Maximum number of characters to display when viewing a file."""


class ToolSearchToolBm25_20251119Param(ServerToolCommonFields):
    """Tool-search server tool using BM25 ranking."""

    type: Literal["tool_search_tool_bm25", "tool_search_tool_bm25_20251119"]
    name: Literal["tool_search_tool_bm25"] = "tool_search_tool_bm25"
    """Name of the tool."""


class ToolSearchToolRegex20251119Param(ServerToolCommonFields):
    """Tool-search server tool using regular expressions."""

    type: Literal["tool_search_tool_regex", "tool_search_tool_regex_20251119"]
    name: Literal["tool_search_tool_regex"] = "tool_search_tool_regex"
    """Name of the tool."""


class AdvisorTool20260301Param(ServerToolCommonFields):
    """Advisor server tool: consults another model (beta)."""

    type: Literal["advisor_20260301"] = "advisor_20260301"
    model: str
    """The model that will complete your prompt."""

    name: Literal["advisor"] = "advisor"
    """Name of the tool."""

    caching: CacheControlEphemeralParam | None = None
    """Caching for the advisor's own prompt."""

    max_tokens: int | None = None
    """Bounds the advisor's total output (thinking + text) per call."""

    max_uses: int | None = None
    """Maximum number of times the tool can be used in the API request."""


class MCPToolConfigParam(WireModel):
    """Per-tool settings of an MCP toolset (beta)."""

    defer_loading: bool | None = None
    enabled: bool | None = None


class MCPToolDefaultConfigParam(WireModel):
    """Default settings of the tools of an MCP toolset (beta)."""

    defer_loading: bool | None = None
    enabled: bool | None = None


class MCPToolParamParam(WireModel):
    """A tool an MCP server offers (beta).

    Also accepts the response shape (``MCPTool``), which clients send back in later requests.
    """

    input_schema: dict[str, Any]
    """The tool's input schema as the MCP server lists it, verbatim."""

    name: str
    """The tool's name as the MCP server lists it (not prefixed with the server name)."""

    description: str | None = None
    """The tool's description as the MCP server lists it."""


class MCPToolsetParam(WireModel):
    """The tools of a connected MCP server (beta)."""

    type: Literal["mcp_toolset"] = "mcp_toolset"
    mcp_server_name: str
    """Name of the MCP server to configure tools for"""

    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    configs: dict[str, MCPToolConfigParam] | None = None
    """Configuration overrides for specific tools, keyed by tool name"""

    default_config: MCPToolDefaultConfigParam | None = None
    """Default configuration applied to all tools from this server"""

    tools: list[MCPToolParamParam] | None = None
    """The server's tool listing, pinned: when present, the server is not asked for its tools
    before sampling and exactly these entries, with `default_config` and `configs` applied,
    are the toolset's tools.
    """


class ToolChoiceAutoParam(WireModel):
    """The model decides whether to call tools."""

    type: Literal["auto"] = "auto"
    disable_parallel_tool_use: bool | None = None
    """Whether to disable parallel tool use."""


class ToolChoiceAnyParam(WireModel):
    """The model must call one of the tools."""

    type: Literal["any"] = "any"
    disable_parallel_tool_use: bool | None = None
    """Whether to disable parallel tool use."""


class ToolChoiceToolParam(WireModel):
    """The model must call the named tool."""

    type: Literal["tool"] = "tool"
    name: str
    """The name of the tool to use."""

    disable_parallel_tool_use: bool | None = None
    """Whether to disable parallel tool use."""


class ToolChoiceNoneParam(WireModel):
    """The model must not call tools."""

    type: Literal["none"] = "none"


class UnknownToolChoiceParam(WireModel):
    """Fallback member of ``ToolChoiceParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ToolChoiceParam: TypeAlias = Annotated[
    Union[
        ToolChoiceAutoParam,
        ToolChoiceAnyParam,
        ToolChoiceToolParam,
        ToolChoiceNoneParam,
        UnknownToolChoiceParam,
    ],
    OpenUnion("type", fallback=UnknownToolChoiceParam),
]
"""How the model should use the tools."""


class UnknownToolUnionParam(WireModel):
    """Fallback member of ``ToolUnionParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ToolUnionParam: TypeAlias = Annotated[
    Union[
        ToolParam,
        ToolBash20241022Param,
        ToolBash20250124Param,
        CodeExecutionTool20250522Param,
        CodeExecutionTool20250825Param,
        CodeExecutionTool20260120Param,
        CodeExecutionTool20260521Param,
        BrowserToolset20260801Param,
        ToolComputerUse20241022Param,
        MemoryTool20250818Param,
        ToolComputerUse20250124Param,
        ToolTextEditor20241022Param,
        ToolComputerUse20251124Param,
        ComputerToolset20260801Param,
        ToolTextEditor20250124Param,
        ToolTextEditor20250429Param,
        ToolTextEditor20250728Param,
        WebSearchTool20250305Param,
        WebFetchTool20250910Param,
        WebSearchTool20260209Param,
        WebFetchTool20260209Param,
        WebFetchTool20260309Param,
        WebSearchTool20260318Param,
        WebFetchTool20260318Param,
        AdvisorTool20260301Param,
        ToolSearchToolBm25_20251119Param,
        ToolSearchToolRegex20251119Param,
        MCPToolsetParam,
        UnknownToolUnionParam,
    ],
    OpenUnion("type", fallback=UnknownToolUnionParam, default=ToolParam),
]
"""A tool definition: a client tool (``type`` absent, null or ``custom``) or a versioned
Anthropic tool. Includes the beta tools.
"""
