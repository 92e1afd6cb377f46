"""Tool definitions (``tools``) and the tool choice (``tool_choice``) of the Responses API.

Function tools are flat (``{"type": "function", "name": ..., "parameters": ...}``). Besides
function and custom tools there are the hosted tools (file search, web search, computer use, MCP,
code interpreter, image generation, shell, apply patch, tool search ...). The same models serve
requests (the SDK's ``...Param`` TypedDicts) and responses (the echoed ``Response.tools``).
"""

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import Field

from ...wire import Number, OpenUnion, WireModel
from .shared import AllowedCaller, FileSearchFilter, ReasoningEffort

__all__ = [
    "ApplyPatchTool",
    "CodeInterpreter",
    "CodeInterpreterToolAuto",
    "ComputerTool",
    "ComputerUsePreviewTool",
    "ContainerAuto",
    "ContainerMemoryLimit",
    "ContainerNetworkPolicy",
    "ContainerNetworkPolicyAllowlist",
    "ContainerNetworkPolicyDisabled",
    "ContainerNetworkPolicyDomainSecret",
    "ContainerReference",
    "CustomTool",
    "CustomToolInputFormat",
    "CustomToolInputFormatGrammar",
    "CustomToolInputFormatText",
    "FileSearchTool",
    "FunctionShellTool",
    "FunctionShellToolEnvironment",
    "FunctionTool",
    "ImageGeneration",
    "ImageGenerationInputImageMask",
    "ImageGenerationSvg",
    "ImageGenerationSvgReasoning",
    "InlineSkill",
    "InlineSkillSource",
    "LocalEnvironment",
    "LocalShell",
    "LocalSkill",
    "Mcp",
    "McpConnectorId",
    "McpRequireApprovalMcpToolApprovalFilter",
    "McpToolFilter",
    "NamespaceTool",
    "NamespaceToolMember",
    "ProgrammaticToolCalling",
    "RankingOptions",
    "RankingOptionsHybridSearch",
    "SearchContextSize",
    "Skill",
    "SkillReference",
    "Tool",
    "ToolChoice",
    "ToolChoiceAllowed",
    "ToolChoiceApplyPatch",
    "ToolChoiceCustom",
    "ToolChoiceFunction",
    "ToolChoiceMcp",
    "ToolChoiceObject",
    "ToolChoiceOptions",
    "ToolChoiceShell",
    "ToolChoiceSpecificProgrammaticToolCallingParam",
    "ToolChoiceTypes",
    "ToolParam",
    "ToolSearchTool",
    "UnknownContainerPolicy",
    "UnknownSkill",
    "UnknownTool",
    "UnknownToolChoice",
    "UnknownToolEnvironment",
    "UnknownToolInputFormat",
    "UserLocation",
    "WebSearchPreviewTool",
    "WebSearchTool",
    "WebSearchToolFilters",
]

#: Size of the search context of the web search tools.
SearchContextSize = Literal["low", "medium", "high"]
#: Memory limit of a code interpreter / shell container.
ContainerMemoryLimit = Literal["1g", "4g", "16g", "64g"]
#: The connectors an MCP tool may use instead of a ``server_url``.
McpConnectorId = Literal[
    "connector_dropbox",
    "connector_gmail",
    "connector_googlecalendar",
    "connector_googledrive",
    "connector_microsoftteams",
    "connector_outlookcalendar",
    "connector_outlookemail",
    "connector_sharepoint",
]
#: ``tool_choice`` as a plain mode string.
ToolChoiceOptions = Literal["none", "auto", "required"]


# --------------------------------------------------------------------------- function / custom


class FunctionTool(WireModel):
    """A function in the caller's code that the model may call.

    The SDK's request TypedDict marks ``parameters`` and ``strict`` required (nullable) while its
    response model and the API accept them absent; they are optional here, so a converter
    building a request should set both.
    """

    name: str
    """The name of the function."""
    type: Literal["function"] = "function"
    parameters: Optional[dict[str, Any]] = None
    """JSON schema of the arguments, kept byte for byte."""
    strict: Optional[bool] = None
    """Whether the arguments are validated strictly against the schema."""
    allowed_callers: Optional[list[AllowedCaller]] = None
    """Who may call the function: the model directly and/or a program."""
    async_: Optional[bool] = Field(default=None, alias="async")
    """Whether the result may be returned asynchronously."""
    defer_loading: Optional[bool] = None
    """Whether the function is deferred and discovered through tool search."""
    description: Optional[str] = None
    """What the function does; helps the model decide to call it."""
    output_schema: Optional[dict[str, Any]] = None
    """JSON schema of the JSON value encoded in string outputs of the function."""


class CustomToolInputFormatText(WireModel):
    """Unconstrained free-form text input of a custom tool."""

    type: Literal["text"] = "text"


class CustomToolInputFormatGrammar(WireModel):
    """Input of a custom tool constrained by a grammar."""

    definition: str
    """The grammar definition."""
    syntax: Literal["lark", "regex"]
    """The syntax of the grammar definition."""
    type: Literal["grammar"] = "grammar"


class UnknownToolInputFormat(WireModel):
    """A custom tool input format this package does not know; kept and dumped back unchanged."""

    type: str


#: The ``format`` of a custom tool's input.
CustomToolInputFormat = Annotated[
    Union[CustomToolInputFormatText, CustomToolInputFormatGrammar, UnknownToolInputFormat],
    OpenUnion("type", fallback=UnknownToolInputFormat),
]


class CustomTool(WireModel):
    """A custom tool whose input is free-form text (optionally constrained by a grammar)."""

    name: str
    """The name of the tool."""
    type: Literal["custom"] = "custom"
    allowed_callers: Optional[list[AllowedCaller]] = None
    """Who may call the tool: the model directly and/or a program."""
    async_: Optional[bool] = Field(default=None, alias="async")
    """Whether the result may be returned asynchronously."""
    defer_loading: Optional[bool] = None
    """Whether the tool is deferred and discovered through tool search."""
    description: Optional[str] = None
    """What the tool does."""
    format: Optional[CustomToolInputFormat] = None
    """The input format; unconstrained text when absent."""


# --------------------------------------------------------------------------- file search


class RankingOptionsHybridSearch(WireModel):
    """Weights of embedding and text matches in hybrid search."""

    embedding_weight: Number
    text_weight: Number


class RankingOptions(WireModel):
    """Ranking options of a file search."""

    hybrid_search: Optional[RankingOptionsHybridSearch] = None
    """Weights of the hybrid search."""
    ranker: Optional[Literal["auto", "default-2024-11-15"]] = None
    """The ranker to use."""
    score_threshold: Optional[Number] = None
    """Minimum score (0 to 1) of a result."""


class FileSearchTool(WireModel):
    """Hosted search of uploaded files in vector stores."""

    type: Literal["file_search"] = "file_search"
    vector_store_ids: list[str]
    """The vector stores to search."""
    filters: Optional[FileSearchFilter] = None
    """A filter on file attributes."""
    max_num_results: Optional[int] = None
    """Maximum number of results (1 to 50)."""
    ranking_options: Optional[RankingOptions] = None
    """Ranking options of the search."""


# --------------------------------------------------------------------------- computer use


class ComputerTool(WireModel):
    """The computer-use tool (GA version)."""

    type: Literal["computer"] = "computer"


class ComputerUsePreviewTool(WireModel):
    """The computer-use tool (preview version) controlling a virtual computer."""

    display_height: int
    display_width: int
    environment: Literal["windows", "mac", "linux", "ubuntu", "browser"]
    """The kind of computer to control."""
    type: Literal["computer_use_preview"] = "computer_use_preview"


# --------------------------------------------------------------------------- web search


class WebSearchToolFilters(WireModel):
    """Filters of the web search tool (the SDK's ``Filters``)."""

    allowed_domains: Optional[list[str]] = None
    """Domains the search is restricted to (subdomains included)."""


class UserLocation(WireModel):
    """Approximate location of the user, to refine web search results.

    The web search tool has ``type`` optional, the preview tool required; one class for both.
    """

    type: Optional[Literal["approximate"]] = None
    """Always ``approximate``."""
    city: Optional[str] = None
    country: Optional[str] = None
    """Two-letter ISO country code."""
    region: Optional[str] = None
    timezone: Optional[str] = None
    """IANA timezone, e.g. ``America/Los_Angeles``."""


class WebSearchTool(WireModel):
    """Hosted web search."""

    type: Literal["web_search", "web_search_2025_08_26"]
    external_web_access: Optional[bool] = None
    """Whether live internet access is allowed (otherwise cached/indexed content only)."""
    filters: Optional[WebSearchToolFilters] = None
    """Filters of the search."""
    search_context_size: Optional[SearchContextSize] = None
    """How much context window space the search results may use."""
    user_location: Optional[UserLocation] = None
    """Approximate location of the user."""


class WebSearchPreviewTool(WireModel):
    """Hosted web search (preview version)."""

    type: Literal["web_search_preview", "web_search_preview_2025_03_11"]
    search_content_types: Optional[list[Literal["text", "image"]]] = None
    """Kinds of content the search may return."""
    search_context_size: Optional[SearchContextSize] = None
    """How much context window space the search results may use."""
    user_location: Optional[UserLocation] = None
    """Approximate location of the user."""


# --------------------------------------------------------------------------- MCP


class McpToolFilter(WireModel):
    """Selects MCP tools by name and/or read-only hint.

    One class for the SDK's ``McpAllowedToolsMcpToolFilter`` and the ``always`` / ``never``
    filters of ``McpRequireApprovalMcpToolApprovalFilter`` (same shape).
    """

    read_only: Optional[bool] = None
    """Match tools annotated (or not) as read-only."""
    tool_names: Optional[list[str]] = None
    """Match tools by name."""


class McpRequireApprovalMcpToolApprovalFilter(WireModel):
    """Which MCP tools always / never need approval."""

    always: Optional[McpToolFilter] = None
    never: Optional[McpToolFilter] = None


class Mcp(WireModel):
    """Tools of a remote MCP server or connector."""

    server_label: str
    """A label identifying the server in tool calls."""
    type: Literal["mcp"] = "mcp"
    allowed_callers: Optional[list[AllowedCaller]] = None
    """Who may call the tools: the model directly and/or a program."""
    allowed_tools: Union[list[str], McpToolFilter, None] = None
    """The tools of the server the model may use."""
    authorization: Optional[str] = None
    """An OAuth access token for the server or connector."""
    connector_id: Optional[McpConnectorId] = None
    """A service connector used instead of ``server_url``."""
    defer_loading: Optional[bool] = None
    """Whether the server's tools are deferred and discovered through tool search."""
    headers: Optional[dict[str, str]] = None
    """HTTP headers sent to the server."""
    require_approval: Union[
        McpRequireApprovalMcpToolApprovalFilter, Literal["always", "never"], None
    ] = None
    """Which tools need approval before they run."""
    server_description: Optional[str] = None
    server_url: Optional[str] = None
    tunnel_id: Optional[str] = None
    """Id of a tunnel to reach a private server."""


# --------------------------------------------------------------------------- containers / skills


class ContainerNetworkPolicyDisabled(WireModel):
    """No outbound network access from the container."""

    type: Literal["disabled"] = "disabled"


class ContainerNetworkPolicyDomainSecret(WireModel):
    """A secret injected for requests to one domain."""

    domain: str
    name: str
    value: str


class ContainerNetworkPolicyAllowlist(WireModel):
    """Outbound network access restricted to some domains."""

    allowed_domains: list[str]
    type: Literal["allowlist"] = "allowlist"
    domain_secrets: Optional[list[ContainerNetworkPolicyDomainSecret]] = None
    """Secrets injected for requests to allowed domains."""


class UnknownContainerPolicy(WireModel):
    """A network policy this package does not know; kept and dumped back unchanged."""

    type: str


#: The network policy of a container.
ContainerNetworkPolicy = Annotated[
    Union[ContainerNetworkPolicyDisabled, ContainerNetworkPolicyAllowlist, UnknownContainerPolicy],
    OpenUnion("type", fallback=UnknownContainerPolicy),
]


class CodeInterpreterToolAuto(WireModel):
    """A container created automatically for the code interpreter (the SDK's
    ``CodeInterpreterContainerCodeInterpreterToolAuto``)."""

    type: Literal["auto"] = "auto"
    file_ids: Optional[list[str]] = None
    """Files made available to the code."""
    memory_limit: Optional[ContainerMemoryLimit] = None
    network_policy: Optional[ContainerNetworkPolicy] = None


class CodeInterpreter(WireModel):
    """Hosted Python code execution.

    The SDK marks ``container`` required; xAI's ``Response`` restates the tool without it (as
    ``{"type": "code_interpreter"}``, what vercel/ai's xAI provider sends), so it is optional here.
    """

    container: Optional[Union[str, CodeInterpreterToolAuto]] = None
    """A container id, or settings for an automatically created container (absent in xAI's
    restatement)."""
    type: Literal["code_interpreter"] = "code_interpreter"
    allowed_callers: Optional[list[AllowedCaller]] = None
    """Who may call the tool: the model directly and/or a program."""


class InlineSkillSource(WireModel):
    """A zipped skill, base64-encoded."""

    data: str
    media_type: Literal["application/zip"]
    type: Literal["base64"] = "base64"


class SkillReference(WireModel):
    """A reference to an uploaded skill."""

    skill_id: str
    type: Literal["skill_reference"] = "skill_reference"
    version: Optional[str] = None
    """Version of the skill (latest when absent)."""


class InlineSkill(WireModel):
    """A skill sent inline with the request."""

    description: str
    name: str
    source: InlineSkillSource
    type: Literal["inline"] = "inline"


class UnknownSkill(WireModel):
    """A skill of a type this package does not know; kept and dumped back unchanged."""

    type: str


#: A skill mounted into a shell container.
Skill = Annotated[
    Union[SkillReference, InlineSkill, UnknownSkill], OpenUnion("type", fallback=UnknownSkill)
]


class LocalSkill(WireModel):
    """A skill available in a local shell environment."""

    description: str
    name: str
    path: str
    """Path of the skill on the local machine."""


class ContainerAuto(WireModel):
    """A container created automatically for the shell tool."""

    type: Literal["container_auto"] = "container_auto"
    file_ids: Optional[list[str]] = None
    memory_limit: Optional[ContainerMemoryLimit] = None
    network_policy: Optional[ContainerNetworkPolicy] = None
    skills: Optional[list[Skill]] = None


class LocalEnvironment(WireModel):
    """Commands run on the caller's machine (also the SDK's ``ResponseLocalEnvironment``)."""

    type: Literal["local"] = "local"
    skills: Optional[list[LocalSkill]] = None


class ContainerReference(WireModel):
    """An existing container (also the SDK's ``ResponseContainerReference``)."""

    container_id: str
    type: Literal["container_reference"] = "container_reference"


class UnknownToolEnvironment(WireModel):
    """An environment of a type this package does not know; kept and dumped back unchanged."""

    type: str


#: Where the shell tool runs commands (also the ``environment`` of shell calls).
FunctionShellToolEnvironment = Annotated[
    Union[ContainerAuto, LocalEnvironment, ContainerReference, UnknownToolEnvironment],
    OpenUnion("type", fallback=UnknownToolEnvironment),
]


# --------------------------------------------------------------------------- other hosted tools


class ProgrammaticToolCalling(WireModel):
    """Lets the model write programs that call the other tools."""

    type: Literal["programmatic_tool_calling"] = "programmatic_tool_calling"


class ImageGenerationInputImageMask(WireModel):
    """Inpainting mask of an image edit."""

    file_id: Optional[str] = None
    image_url: Optional[str] = None
    """Base64 ``data:`` URL of the mask."""


class ImageGenerationSvgReasoning(WireModel):
    """Reasoning settings of SVG generation."""

    effort: Optional[ReasoningEffort] = None


class ImageGenerationSvg(WireModel):
    """Settings of SVG output."""

    model: Optional[str] = None
    reasoning: Optional[ImageGenerationSvgReasoning] = None


class ImageGeneration(WireModel):
    """Hosted image generation."""

    type: Literal["image_generation"] = "image_generation"
    action: Optional[Literal["generate", "edit", "auto"]] = None
    background: Optional[Literal["transparent", "opaque", "auto"]] = None
    complexity: Optional[Literal["low", "medium", "high"]] = None
    frame_count: Optional[int] = None
    frame_duration_ms: Optional[int] = None
    input_fidelity: Optional[Literal["high", "low"]] = None
    input_image_mask: Optional[ImageGenerationInputImageMask] = None
    model: Optional[str] = None
    """The image model, e.g. ``gpt-image-1``."""
    moderation: Optional[Literal["auto", "low"]] = None
    output_compression: Optional[int] = None
    output_format: Optional[Literal["png", "webp", "jpeg", "gif", "svg"]] = None
    partial_images: Optional[int] = None
    """Number of partial images streamed (0 to 3)."""
    quality: Optional[Literal["low", "medium", "high", "xhigh", "max", "auto"]] = None
    size: Optional[str] = None
    """e.g. ``1024x1024`` or ``auto``."""
    svg: Optional[ImageGenerationSvg] = None


class LocalShell(WireModel):
    """Commands run in a shell on the caller's machine (legacy local shell tool)."""

    type: Literal["local_shell"] = "local_shell"


class FunctionShellTool(WireModel):
    """The shell tool: commands run in a container or locally."""

    type: Literal["shell"] = "shell"
    allowed_callers: Optional[list[AllowedCaller]] = None
    """Who may call the tool: the model directly and/or a program."""
    environment: Optional[FunctionShellToolEnvironment] = None
    """Where the commands run."""


class ToolSearchTool(WireModel):
    """Search over deferred tools, hosted or executed by the client."""

    type: Literal["tool_search"] = "tool_search"
    description: Optional[str] = None
    """Description shown to the model for a client-executed tool search."""
    execution: Optional[Literal["server", "client"]] = None
    """Whether the search runs on the server or the client."""
    parameters: Optional[Any] = None
    """Parameter schema of a client-executed tool search."""


class ApplyPatchTool(WireModel):
    """Lets the model create, delete and update files with diffs."""

    type: Literal["apply_patch"] = "apply_patch"
    allowed_callers: Optional[list[AllowedCaller]] = None
    """Who may call the tool: the model directly and/or a program."""


class UnknownTool(WireModel):
    """A tool of a type this package does not know; kept and dumped back unchanged."""

    type: str


#: A function or custom tool inside a namespace.
NamespaceToolMember = Annotated[
    Union[FunctionTool, CustomTool, UnknownTool], OpenUnion("type", fallback=UnknownTool)
]


class NamespaceTool(WireModel):
    """Groups function/custom tools under a shared namespace."""

    description: str
    """Description of the namespace shown to the model."""
    name: str
    """The namespace name used in tool calls (e.g. ``crm``)."""
    tools: list[NamespaceToolMember]
    """The tools of the namespace."""
    type: Literal["namespace"] = "namespace"


#: A tool the model may use (request ``tools``, ``Response.tools``).
Tool = Annotated[
    Union[
        FunctionTool,
        FileSearchTool,
        ComputerTool,
        ComputerUsePreviewTool,
        WebSearchTool,
        Mcp,
        CodeInterpreter,
        ProgrammaticToolCalling,
        ImageGeneration,
        LocalShell,
        FunctionShellTool,
        CustomTool,
        NamespaceTool,
        ToolSearchTool,
        WebSearchPreviewTool,
        ApplyPatchTool,
        UnknownTool,
    ],
    OpenUnion("type", fallback=UnknownTool),
]

#: Requests and responses share the tool models.
ToolParam = Tool


# --------------------------------------------------------------------------- tool choice


class ToolChoiceAllowed(WireModel):
    """Restricts the model to a subset of the tools."""

    mode: Literal["auto", "required"]
    """``auto``: the model may call one of the tools; ``required``: it must."""
    tools: list[dict[str, Any]]
    """Tool definitions (e.g. ``{"type": "function", "name": "get_weather"}``)."""
    type: Literal["allowed_tools"] = "allowed_tools"


class ToolChoiceTypes(WireModel):
    """Forces the model to use a hosted tool."""

    type: Literal[
        "file_search",
        "web_search_preview",
        "computer",
        "computer_use_preview",
        "computer_use",
        "web_search_preview_2025_03_11",
        "image_generation",
        "code_interpreter",
    ]


class ToolChoiceFunction(WireModel):
    """Forces the model to call a function."""

    name: str
    type: Literal["function"] = "function"


class ToolChoiceMcp(WireModel):
    """Forces the model to call a tool of an MCP server."""

    server_label: str
    type: Literal["mcp"] = "mcp"
    name: Optional[str] = None
    """The tool to call on the server."""


class ToolChoiceCustom(WireModel):
    """Forces the model to call a custom tool."""

    name: str
    type: Literal["custom"] = "custom"


class ToolChoiceSpecificProgrammaticToolCallingParam(WireModel):
    """Forces the model to use programmatic tool calling."""

    type: Literal["programmatic_tool_calling"] = "programmatic_tool_calling"


class ToolChoiceApplyPatch(WireModel):
    """Forces the model to use the apply-patch tool."""

    type: Literal["apply_patch"] = "apply_patch"


class ToolChoiceShell(WireModel):
    """Forces the model to use the shell tool."""

    type: Literal["shell"] = "shell"


class UnknownToolChoice(WireModel):
    """A tool choice of a type this package does not know; kept and dumped back unchanged."""

    type: str


#: ``tool_choice`` as an object.
ToolChoiceObject = Annotated[
    Union[
        ToolChoiceAllowed,
        ToolChoiceTypes,
        ToolChoiceFunction,
        ToolChoiceMcp,
        ToolChoiceCustom,
        ToolChoiceSpecificProgrammaticToolCallingParam,
        ToolChoiceApplyPatch,
        ToolChoiceShell,
        UnknownToolChoice,
    ],
    OpenUnion("type", fallback=UnknownToolChoice),
]

#: How the model selects tools: a mode string or an object naming a tool.
ToolChoice = Union[ToolChoiceOptions, ToolChoiceObject]
