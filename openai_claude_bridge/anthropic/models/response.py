"""The response: ``Message``, its content blocks union, usage and stop details; the token count."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias, Union

from ...wire import OpenUnion, WireModel
from .beta import (
    AdvisorToolResultBlock,
    CompactionBlock,
    FallbackBlock,
    MCPToolListingBlock,
    MCPToolResultBlock,
    MCPToolUseBlock,
)
from .blocks import (
    BashCodeExecutionToolResultBlock,
    CodeExecutionToolResultBlock,
    ContainerUploadBlock,
    RedactedThinkingBlock,
    ServerToolUseBlock,
    TextBlock,
    TextEditorCodeExecutionToolResultBlock,
    ThinkingBlock,
    ToolSearchToolResultBlock,
    ToolUseBlock,
    WebFetchToolResultBlock,
    WebSearchToolResultBlock,
)
from .common import (
    RefusalCategory,
)
from .config import (
    Speed,
)

__all__ = [
    "AdvisorMessageIterationUsage",
    "CacheCreation",
    "CacheMissMessagesChanged",
    "CacheMissModelChanged",
    "CacheMissPreviousMessageNotFound",
    "CacheMissReason",
    "CacheMissSystemChanged",
    "CacheMissToolsChanged",
    "CacheMissUnavailable",
    "ClearThinking20251015EditResponse",
    "ClearToolUses20250919EditResponse",
    "CompactionIterationUsage",
    "Container",
    "ContainerSkill",
    "ContentBlock",
    "ContextManagementAppliedEdit",
    "ContextManagementResponse",
    "CountTokensContextManagementResponse",
    "Diagnostics",
    "FallbackCreditNotApplied",
    "FallbackCreditNotAppliedReason",
    "FallbackCreditRedeemed",
    "FallbackCreditStatus",
    "FallbackCreditUsage",
    "FallbackMessageIterationUsage",
    "InputTransformation",
    "InputTransformationReason",
    "IterationsUsageItem",
    "Message",
    "MessageIterationUsage",
    "MessageTokensCount",
    "OutputTokensDetails",
    "RefusalStopDetails",
    "ServerToolUsage",
    "ServiceTier",
    "StopReason",
    "ThinkingDroppedInputTransformation",
    "ThinkingMismatchAllowedInputTransformation",
    "UnknownCacheMissReason",
    "UnknownContentBlock",
    "UnknownContextManagementAppliedEdit",
    "UnknownFallbackCreditStatus",
    "UnknownInputTransformation",
    "UnknownIterationsUsageItem",
    "Usage",
]


StopReason: TypeAlias = Literal[
    "end_turn",
    "max_tokens",
    "stop_sequence",
    "tool_use",
    "pause_turn",
    "compaction",
    "refusal",
    "model_context_window_exceeded",
]
"""Why the model stopped (``compaction`` is beta). Response fields take any string too."""


ServiceTier: TypeAlias = Literal["standard", "priority", "batch"]
"""The service tier a response was served with."""


FallbackCreditNotAppliedReason: TypeAlias = Literal[
    "body_mismatch",
    "continuation_excluded",
    "continuation_only",
    "expired",
    "invalid_target_model",
    "not_enabled",
    "reprice_unavailable",
    "temporarily_unavailable",
    "variant_fields_present",
    "wrong_organization",
    "wrong_platform",
    "wrong_workspace",
]
"""Why a fallback credit was not applied (beta)."""


InputTransformationReason: TypeAlias = Literal[
    "model_binding_mismatch",
    "prefix_binding_mismatch",
    "organization_binding_mismatch",
    "end_user_binding_mismatch",
]
"""Why the server changed a thinking block of the input (beta)."""


class ContainerSkill(WireModel):
    """A skill loaded in the container."""

    type: Literal["anthropic", "custom"]
    skill_id: str
    """Skill ID"""

    version: str
    """The resolved version: a skill version ID for custom skills."""


class Container(WireModel):
    """The container a request used."""

    id: str
    """Identifier for the container used in this request"""

    expires_at: str
    """When the container expires (RFC 3339 text, kept verbatim)."""

    skills: list[ContainerSkill] | None = None
    """Skills loaded in the container"""


class CacheMissModelChanged(WireModel):
    """Prompt-cache miss: the model differs from the earlier request."""

    type: Literal["model_changed"] = "model_changed"
    cache_missed_input_tokens: int
    """Approximate number of input tokens that would have been read from cache had the prefix
    matched the previous request.
    """


class CacheMissSystemChanged(WireModel):
    """Prompt-cache miss: the system prompt changed."""

    type: Literal["system_changed"] = "system_changed"
    cache_missed_input_tokens: int
    """Approximate number of input tokens that would have been read from cache had the prefix
    matched the previous request.
    """


class CacheMissToolsChanged(WireModel):
    """Prompt-cache miss: the tools changed."""

    type: Literal["tools_changed"] = "tools_changed"
    cache_missed_input_tokens: int
    """Approximate number of input tokens that would have been read from cache had the prefix
    matched the previous request.
    """


class CacheMissMessagesChanged(WireModel):
    """Prompt-cache miss: the messages changed."""

    type: Literal["messages_changed"] = "messages_changed"
    cache_missed_input_tokens: int
    """Approximate number of input tokens that would have been read from cache had the prefix
    matched the previous request.
    """


class CacheMissPreviousMessageNotFound(WireModel):
    """Prompt-cache miss: the earlier request named in ``diagnostics`` was not found."""

    type: Literal["previous_message_not_found"] = "previous_message_not_found"


class CacheMissUnavailable(WireModel):
    """Prompt-cache miss: no cache diagnosis is available."""

    type: Literal["unavailable"] = "unavailable"


class RefusalStopDetails(WireModel):
    """Details of a refusal (the fallback-credit fields are beta)."""

    type: Literal["refusal"] = "refusal"
    category: Union[RefusalCategory, str] | None = None
    """The policy category that triggered the refusal."""

    explanation: str | None = None
    """Human-readable explanation of the refusal."""

    fallback_credit_token: str | None = None
    """Beta: opaque code that refunds the cache-miss cost when retrying this refused request on
    the fallback model.
    """

    fallback_has_prefill_claim: bool | None = None
    """Beta: whether the accompanying `fallback_credit_token` may be redeemed with the
    appended-assistant retry form.
    """

    recommended_model: str | None = None
    """Beta: the server's suggested retry target for this refusal."""


class CacheCreation(WireModel):
    """Cache-write input tokens by cache lifetime."""

    ephemeral_1h_input_tokens: int
    """The number of input tokens used to create the 1 hour cache entry."""

    ephemeral_5m_input_tokens: int
    """The number of input tokens used to create the 5 minute cache entry."""


class OutputTokensDetails(WireModel):
    """Breakdown of the output tokens."""

    thinking_tokens: int
    """Number of output tokens the model generated as internal reasoning, including the
    thinking-block delimiter tokens.
    """


class ServerToolUsage(WireModel):
    """How many server tool requests were made.

    The SDK marks ``web_fetch_requests`` required; the API leaves it out of answers that used no
    web fetch tool (``{"web_search_requests": 0}``, in messages and in ``message_start`` /
    ``message_delta`` usage alike), so it is optional here.
    """

    web_fetch_requests: int | None = None
    """The number of web fetch tool requests (absent when the request had no web fetch tool)."""

    web_search_requests: int
    """The number of web search tool requests."""


class FallbackCreditRedeemed(WireModel):
    """A fallback credit was redeemed (beta)."""

    type: Literal["redeemed"] = "redeemed"


class FallbackCreditNotApplied(WireModel):
    """A fallback credit was not applied (beta)."""

    type: Literal["not_applied"] = "not_applied"
    reason: Union[FallbackCreditNotAppliedReason, str]
    """Why the reprice was not applied."""

    remove_to_redeem: list[str] | None = None
    """Request fields to remove before retrying, so the retry can redeem this token."""


class MessageIterationUsage(WireModel):
    """Usage of one sampling iteration (beta)."""

    type: Literal["message"] = "message"
    cache_creation: CacheCreation | None = None
    """Breakdown of cached tokens by TTL"""

    cache_creation_input_tokens: int
    """The number of input tokens used to create the cache entry."""

    cache_read_input_tokens: int
    """The number of input tokens read from the cache."""

    input_tokens: int
    """The number of input tokens which were used."""

    model: str | None = None
    """The model that will complete your prompt."""

    output_tokens: int
    """The number of output tokens which were used."""


class CompactionIterationUsage(WireModel):
    """Usage of one compaction iteration (beta)."""

    type: Literal["compaction"] = "compaction"
    cache_creation: CacheCreation | None = None
    """Breakdown of cached tokens by TTL"""

    cache_creation_input_tokens: int
    """The number of input tokens used to create the cache entry."""

    cache_read_input_tokens: int
    """The number of input tokens read from the cache."""

    input_tokens: int
    """The number of input tokens which were used."""

    output_tokens: int
    """The number of output tokens which were used."""


class AdvisorMessageIterationUsage(WireModel):
    """Usage of one advisor iteration (beta)."""

    type: Literal["advisor_message"] = "advisor_message"
    cache_creation: CacheCreation | None = None
    """Breakdown of cached tokens by TTL"""

    cache_creation_input_tokens: int
    """The number of input tokens used to create the cache entry."""

    cache_read_input_tokens: int
    """The number of input tokens read from the cache."""

    input_tokens: int
    """The number of input tokens which were used."""

    model: str
    """The model that will complete your prompt."""

    output_tokens: int
    """The number of output tokens which were used."""


class FallbackMessageIterationUsage(WireModel):
    """Usage of one fallback-model iteration (beta)."""

    type: Literal["fallback_message"] = "fallback_message"
    cache_creation: CacheCreation | None = None
    """Breakdown of cached tokens by TTL"""

    cache_creation_input_tokens: int
    """The number of input tokens used to create the cache entry."""

    cache_read_input_tokens: int
    """The number of input tokens read from the cache."""

    input_tokens: int
    """The number of input tokens which were used."""

    model: str
    """The model that will complete your prompt."""

    output_tokens: int
    """The number of output tokens which were used."""


class ClearToolUses20250919EditResponse(WireModel):
    """Tool uses were cleared (beta)."""

    type: Literal["clear_tool_uses_20250919"] = "clear_tool_uses_20250919"
    cleared_input_tokens: int
    """Number of input tokens cleared by this edit."""

    cleared_tool_uses: int
    """Number of tool uses that were cleared."""


class ClearThinking20251015EditResponse(WireModel):
    """Thinking turns were cleared (beta)."""

    type: Literal["clear_thinking_20251015"] = "clear_thinking_20251015"
    cleared_input_tokens: int
    """Number of input tokens cleared by this edit."""

    cleared_thinking_turns: int
    """Number of thinking turns that were cleared."""


class ThinkingDroppedInputTransformation(WireModel):
    """A thinking block of the input was dropped (beta)."""

    type: Literal["thinking_dropped"] = "thinking_dropped"
    path: str
    """Where the removed block was in your request, as `messages.{i}.content.{j}`: `i` indexes
    the `messages` array you sent and `j` that message's `content` array — the same form error
    messages use.
    """

    reason: Union[InputTransformationReason, str]
    """Which binding check removed the block: `model_binding_mismatch` — it was created by a
    model whose reasoning the requested model may not read; `prefix_binding_mismatch` — the
    conversation before it differs from the conversation it was created in (the rest of that
    turn's consecutive thinking blocks are removed with it, each with this reason);
    `organization_binding_mismatch` — it was created under a different organization (an
    Anthropic organization, AWS account or Google Cloud project) and this organization is not
    one of its additional organizations; `end_user_binding_mismatch` — it was created for a
    different end user, or was removed by the consumer-organization binding.
    """


class ThinkingMismatchAllowedInputTransformation(WireModel):
    """A mismatching thinking block of the input was accepted (beta)."""

    type: Literal["thinking_mismatch_allowed"] = "thinking_mismatch_allowed"
    path: str
    """Where the block is in your request, as `messages.{i}.content.{j}`: `i` indexes the
    `messages` array you sent and `j` that message's `content` array — the same form error
    messages use.
    """

    reason: Union[InputTransformationReason, str]
    """Which binding check the block failed; the block was shown to the model all the same."""


class CountTokensContextManagementResponse(WireModel):
    """Token count before context management (beta)."""

    original_input_tokens: int
    """The original token count before context management was applied"""


class MessageTokensCount(WireModel):
    """The response of ``POST /v1/messages/count_tokens``."""

    input_tokens: int
    """The total number of tokens across the provided list of messages, system prompt, and tools."""

    context_management: CountTokensContextManagementResponse | None = None
    """Beta: information about context management applied to the message."""


class UnknownCacheMissReason(WireModel):
    """Fallback member of ``CacheMissReason``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


CacheMissReason: TypeAlias = Annotated[
    Union[
        CacheMissModelChanged,
        CacheMissSystemChanged,
        CacheMissToolsChanged,
        CacheMissMessagesChanged,
        CacheMissPreviousMessageNotFound,
        CacheMissUnavailable,
        UnknownCacheMissReason,
    ],
    OpenUnion("type", fallback=UnknownCacheMissReason),
]
"""Why the prompt cache missed."""


class Diagnostics(WireModel):
    """Request diagnostics (prompt-cache misses)."""

    cache_miss_reason: CacheMissReason | None = None
    """Explains why the prompt cache could not fully reuse the prefix from the request identified
    by `diagnostics.previous_message_id`.
    """


class UnknownFallbackCreditStatus(WireModel):
    """Fallback member of ``FallbackCreditStatus``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


FallbackCreditStatus: TypeAlias = Annotated[
    Union[
        FallbackCreditRedeemed,
        FallbackCreditNotApplied,
        UnknownFallbackCreditStatus,
    ],
    OpenUnion("type", fallback=UnknownFallbackCreditStatus),
]
"""What happened to a fallback credit (beta)."""


class FallbackCreditUsage(WireModel):
    """Fallback credit accounting (beta)."""

    status: FallbackCreditStatus
    """Whether the fallback-credit reprice was applied to this response's billing."""


class UnknownIterationsUsageItem(WireModel):
    """Fallback member of ``IterationsUsageItem``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


IterationsUsageItem: TypeAlias = Annotated[
    Union[
        MessageIterationUsage,
        CompactionIterationUsage,
        AdvisorMessageIterationUsage,
        FallbackMessageIterationUsage,
        UnknownIterationsUsageItem,
    ],
    OpenUnion("type", fallback=UnknownIterationsUsageItem),
]
"""Usage of one iteration of the request (beta)."""


class Usage(WireModel):
    """Token usage of a message. ``input_tokens`` excludes cache reads and writes."""

    input_tokens: int
    """The number of input tokens which were used."""

    cache_creation_input_tokens: int | None = None
    """The number of input tokens used to create the cache entry."""

    cache_read_input_tokens: int | None = None
    """The number of input tokens read from the cache."""

    cache_creation: CacheCreation | None = None
    """Breakdown of cached tokens by TTL"""

    output_tokens: int
    """The number of output tokens which were used."""

    inference_geo: str | None = None
    """The geographic region where inference was performed for this request."""

    output_tokens_details: OutputTokensDetails | None = None
    """Breakdown of output tokens by category."""

    server_tool_use: ServerToolUsage | None = None
    """The number of server tool requests."""

    service_tier: Union[ServiceTier, str] | None = None
    """If the request used the priority, standard, or batch tier."""

    speed: Union[Speed, str] | None = None
    """The inference speed mode used for this request."""

    fallback_credit: FallbackCreditUsage | None = None
    """Beta: outcome of the `fallback_credit_token` presented on this request."""

    iterations: list[IterationsUsageItem] | None = None
    """Beta: per-iteration token usage breakdown."""


class UnknownContextManagementAppliedEdit(WireModel):
    """Fallback member of ``ContextManagementAppliedEdit``: a ``type`` this package does not
    know, kept verbatim.
    """

    type: str


ContextManagementAppliedEdit: TypeAlias = Annotated[
    Union[
        ClearToolUses20250919EditResponse,
        ClearThinking20251015EditResponse,
        UnknownContextManagementAppliedEdit,
    ],
    OpenUnion("type", fallback=UnknownContextManagementAppliedEdit),
]
"""A context edit the server applied (beta)."""


class ContextManagementResponse(WireModel):
    """The context edits the server applied (beta)."""

    applied_edits: list[ContextManagementAppliedEdit]
    """List of context management edits that were applied."""


class UnknownInputTransformation(WireModel):
    """Fallback member of ``InputTransformation``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


InputTransformation: TypeAlias = Annotated[
    Union[
        ThinkingDroppedInputTransformation,
        ThinkingMismatchAllowedInputTransformation,
        UnknownInputTransformation,
    ],
    OpenUnion("type", fallback=UnknownInputTransformation),
]
"""A change the server made to the input (beta)."""


class UnknownContentBlock(WireModel):
    """Fallback member of ``ContentBlock``: a ``type`` this package does not know, kept verbatim."""

    type: str


ContentBlock: TypeAlias = Annotated[
    Union[
        TextBlock,
        ThinkingBlock,
        RedactedThinkingBlock,
        ToolUseBlock,
        ServerToolUseBlock,
        WebSearchToolResultBlock,
        WebFetchToolResultBlock,
        AdvisorToolResultBlock,
        CodeExecutionToolResultBlock,
        BashCodeExecutionToolResultBlock,
        TextEditorCodeExecutionToolResultBlock,
        ToolSearchToolResultBlock,
        MCPToolUseBlock,
        MCPToolResultBlock,
        ContainerUploadBlock,
        CompactionBlock,
        FallbackBlock,
        MCPToolListingBlock,
        UnknownContentBlock,
    ],
    OpenUnion("type", fallback=UnknownContentBlock),
]
"""A content block of a response: the SDK's 12 ``ContentBlock`` members plus the beta blocks
(advisor, MCP, compaction, fallback).
"""


class Message(WireModel):
    """The response of ``POST /v1/messages`` (and the ``message`` of ``message_start``)."""

    id: str
    """Unique object identifier."""

    type: Literal["message"] = "message"
    role: Literal["assistant"] = "assistant"
    model: str
    """The model that will complete your prompt."""

    content: list[ContentBlock]
    """Content generated by the model."""

    stop_reason: Union[StopReason, str] | None = None
    """The reason that we stopped."""

    stop_sequence: str | None = None
    """Which custom stop sequence was generated, if any."""

    stop_details: RefusalStopDetails | None = None
    """Structured information about why model output stopped."""

    usage: Usage
    """Billing and rate-limit usage."""

    container: Container | None = None
    """Information about the container used in this request."""

    diagnostics: Diagnostics | None = None
    """Request-level diagnostics."""

    context_management: ContextManagementResponse | None = None
    """Beta: context management response."""

    input_transformations: list[InputTransformation] | None = None
    """Beta: changes the API made to the request's input before showing it to the model, and
    blocks that failed a binding check but were left unchanged: one entry per block, in
    request order.
    """
