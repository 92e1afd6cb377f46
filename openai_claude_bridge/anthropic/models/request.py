"""The request bodies: ``MessageCreateParams``, ``MessageCountTokensParams`` and the messages."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias, Union

from ...wire import Number, OpenUnion, WireModel
from .beta import (
    AdvisorToolResultBlockParam,
    CompactionBlockParam,
    FallbackBlockParam,
    MCPToolListingBlockParam,
    MCPToolUseBlockParam,
    RequestMCPToolResultBlockParam,
    RequestToolAdditionBlockParam,
    RequestToolRemovalBlockParam,
)
from .common import (
    CacheControlEphemeralParam,
)
from .config import (
    ContainerParams,
    DiagnosticsParam,
    MetadataParam,
    OutputConfigParam,
    RequestServiceTier,
    Speed,
    SystemMessageOutputConfigParam,
    ThinkingConfigParam,
)
from .content import (
    ContainerUploadBlockParam,
    DocumentBlockParam,
    ImageBlockParam,
    RedactedThinkingBlockParam,
    SearchResultBlockParam,
    TextBlockParam,
    ThinkingBlockParam,
    ToolResultBlockParam,
    ToolUseBlockParam,
)
from .context_management import (
    BillingPolicyParam,
    CompactionConfigParam,
    ContextManagementConfigParam,
    FallbackCreditTokenParam,
    FallbackParam,
    RequestMCPServerURLDefinitionParam,
    ThreadParam,
)
from .server_tools import (
    BashCodeExecutionToolResultBlockParam,
    CodeExecutionToolResultBlockParam,
    ServerToolUseBlockParam,
    TextEditorCodeExecutionToolResultBlockParam,
    ToolSearchToolResultBlockParam,
    WebFetchToolResultBlockParam,
    WebSearchToolResultBlockParam,
)
from .tools import (
    ToolChoiceParam,
    ToolUnionParam,
)

__all__ = [
    "AssistantMessageParam",
    "ContentBlockParam",
    "MessageCountTokensParams",
    "MessageCreateParams",
    "MessageParam",
    "SystemMessageContentBlockParam",
    "SystemMessageParam",
    "UnknownContentBlockParam",
    "UnknownSystemMessageContentBlockParam",
    "UserMessageParam",
]


class UnknownContentBlockParam(WireModel):
    """Fallback member of ``ContentBlockParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ContentBlockParam: TypeAlias = Annotated[
    Union[
        TextBlockParam,
        ImageBlockParam,
        DocumentBlockParam,
        SearchResultBlockParam,
        ThinkingBlockParam,
        RedactedThinkingBlockParam,
        ToolUseBlockParam,
        ToolResultBlockParam,
        ServerToolUseBlockParam,
        WebSearchToolResultBlockParam,
        WebFetchToolResultBlockParam,
        AdvisorToolResultBlockParam,
        CodeExecutionToolResultBlockParam,
        BashCodeExecutionToolResultBlockParam,
        TextEditorCodeExecutionToolResultBlockParam,
        ToolSearchToolResultBlockParam,
        MCPToolUseBlockParam,
        RequestMCPToolResultBlockParam,
        ContainerUploadBlockParam,
        CompactionBlockParam,
        RequestToolAdditionBlockParam,
        RequestToolRemovalBlockParam,
        MCPToolListingBlockParam,
        FallbackBlockParam,
        UnknownContentBlockParam,
    ],
    OpenUnion("type", fallback=UnknownContentBlockParam),
]
"""A content block of a request message: the SDK's 16 ``ContentBlockParam`` members plus the beta
blocks (advisor, MCP, compaction, tool changes, fallback). Each member also accepts the
response shape of its tag, as the SDK does.
"""


class UserMessageParam(WireModel):
    """A user turn."""

    role: Literal["user"] = "user"
    content: str | list[ContentBlockParam]


class AssistantMessageParam(WireModel):
    """An assistant turn (earlier output, or a prefill)."""

    role: Literal["assistant"] = "assistant"
    content: str | list[ContentBlockParam]


class UnknownSystemMessageContentBlockParam(WireModel):
    """Fallback member of ``SystemMessageContentBlockParam``: a ``type`` this package does not
    know, kept verbatim.
    """

    type: str


SystemMessageContentBlockParam: TypeAlias = Annotated[
    Union[
        TextBlockParam,
        RequestToolAdditionBlockParam,
        RequestToolRemovalBlockParam,
        UnknownSystemMessageContentBlockParam,
    ],
    OpenUnion("type", fallback=UnknownSystemMessageContentBlockParam),
]
"""A block of a ``system`` role message (tool changes are beta)."""


class SystemMessageParam(WireModel):
    """A system message inside ``messages`` (mid-conversation instructions)."""

    role: Literal["system"] = "system"
    content: str | list[SystemMessageContentBlockParam] | None = None
    clear_at: Literal["never", "next_user_message"] | None = None
    """Beta: how long this system message's text stays in front of the model."""

    output_config: SystemMessageOutputConfigParam | None = None
    """Beta: per-message output configuration on a role:"system" input message."""


MessageParam: TypeAlias = Annotated[
    Union[
        UserMessageParam,
        AssistantMessageParam,
        SystemMessageParam,
    ],
    OpenUnion("role"),
]
"""One input message, by ``role``; an unknown role is invalid."""


class MessageCreateParams(WireModel):
    """The body of ``POST /v1/messages`` (streaming or not), including the beta fields."""

    model: str
    """The model that will complete your prompt."""

    max_tokens: int
    """The maximum number of tokens to generate before stopping."""

    system: str | list[TextBlockParam] | None = None
    """System prompt."""

    messages: list[MessageParam]
    """Input messages."""

    cache_control: CacheControlEphemeralParam | None = None
    """Top-level cache control automatically applies a cache_control marker to the last cacheable
    block in the request.
    """

    container: str | ContainerParams | None = None
    """Container identifier for reuse across requests."""

    diagnostics: DiagnosticsParam | None = None
    """Request-level diagnostics."""

    inference_geo: str | None = None
    """Specifies the geographic region for inference processing."""

    metadata: MetadataParam | None = None
    """An object describing metadata about the request."""

    output_config: OutputConfigParam | None = None
    """Configuration options for the model's output, such as the output format."""

    service_tier: RequestServiceTier | None = None
    """Determines whether to use priority capacity (if available) or standard capacity for this
    request.
    """

    speed: Speed | None = None
    """The inference speed mode for this request."""

    stop_sequences: list[str] | None = None
    """Custom text sequences that will cause the model to stop generating."""

    thinking: ThinkingConfigParam | None = None
    """Configuration for Claude's thinking."""

    tool_choice: ToolChoiceParam | None = None
    """How the model should use the provided tools."""

    tools: list[ToolUnionParam] | None = None
    """Definitions of tools that the model may use."""

    stream: bool | None = None
    """Whether to answer with server-sent events."""

    billing_policy: BillingPolicyParam | None = None
    """Beta: declares which organization is billed for this request."""

    compaction: CompactionConfigParam | None = None
    """Beta: compaction configuration."""

    context_management: ContextManagementConfigParam | None = None
    """Beta: context management configuration."""

    fallback_credit_token: str | FallbackCreditTokenParam | None = None
    """Beta: the `fallback_credit_token` from a prior refusal's `stop_details`."""

    fallbacks: Literal["default"] | list[FallbackParam] | None = None
    """Beta: opt-in server-side retry on one or more substitute models when the requested model
    declines for policy reasons.
    """

    mcp_servers: list[RequestMCPServerURLDefinitionParam] | None = None
    """Beta: mCP servers to be utilized in this request"""

    thread: ThreadParam | None = None
    """Beta: server-held conversation state (a Thread)."""

    temperature: Number | None = None
    """Deprecated: sampling temperature, 0 to 1. The anthropic SDK removed ``temperature``,
    ``top_p`` and ``top_k`` from its request types in 1.0; the Messages API still accepts them
    for the models that support sampling, and the SDK's migration guide says to send them in the
    request body. A documented dialect field of this request (not in the pinned SDK's types).
    While thinking is on, the API takes only ``1``.
    """

    top_k: int | None = None
    """Deprecated: sample from the top K options only. Removed from the anthropic SDK's request
    types in 1.0, still accepted by the Messages API for the models that support sampling (the
    SDK's migration guide says to send it in the request body); a documented dialect field of
    this request. Not allowed while thinking is on.
    """

    top_p: Number | None = None
    """Deprecated: nucleus sampling cut-off, 0 to 1. Removed from the anthropic SDK's request
    types in 1.0, still accepted by the Messages API for the models that support sampling (the
    SDK's migration guide says to send it in the request body); a documented dialect field of
    this request. While thinking is on, the API takes only values from 0.95 to 1.
    """


class MessageCountTokensParams(WireModel):
    """The body of ``POST /v1/messages/count_tokens``, including the beta fields."""

    model: str
    """The model that will complete your prompt."""

    system: str | list[TextBlockParam] | None = None
    """System prompt."""

    messages: list[MessageParam]
    """Input messages."""

    cache_control: CacheControlEphemeralParam | None = None
    """Top-level cache control automatically applies a cache_control marker to the last cacheable
    block in the request.
    """

    output_config: OutputConfigParam | None = None
    """Configuration options for the model's output, such as the output format."""

    speed: Speed | None = None
    """The inference speed mode for this request."""

    thinking: ThinkingConfigParam | None = None
    """Configuration for Claude's thinking."""

    tool_choice: ToolChoiceParam | None = None
    """How the model should use the provided tools."""

    tools: list[ToolUnionParam] | None = None
    """Definitions of tools that the model may use."""

    billing_policy: BillingPolicyParam | None = None
    """Beta: declares which organization is billed when this body is sent to `/v1/messages`."""

    compaction: CompactionConfigParam | None = None
    """Beta: compaction configuration."""

    context_management: ContextManagementConfigParam | None = None
    """Beta: context management configuration."""

    mcp_servers: list[RequestMCPServerURLDefinitionParam] | None = None
    """Beta: mCP servers to be utilized in this request"""
