"""The models API: ``ModelInfo`` and the list page."""

from __future__ import annotations

from typing import Literal, TypeAlias, Union

from ...wire import WireModel

__all__ = [
    "CapabilitySupport",
    "CompactionCapability",
    "ContextManagementCapability",
    "EffortCapability",
    "ModelCapabilities",
    "ModelInfo",
    "ModelInfoPage",
    "ModelLifecycle",
    "ModelLine",
    "ServerToolsCapability",
    "ThinkingCapability",
    "ThinkingTypes",
]


ModelLifecycle: TypeAlias = Literal["active", "deprecated", "retired"]
"""Lifecycle state of a model."""


ModelLine: TypeAlias = Literal["haiku", "sonnet", "opus", "fable", "mythos"]
"""Model family."""


class CapabilitySupport(WireModel):
    """Indicates whether a capability is supported."""

    supported: bool
    """Whether this capability is supported by the model."""


class ContextManagementCapability(WireModel):
    """Context management capability details."""

    clear_thinking_20251015: CapabilitySupport | None = None
    """Whether the clear_thinking_20251015 strategy is supported."""

    clear_tool_uses_20250919: CapabilitySupport | None = None
    """Whether the clear_tool_uses_20250919 strategy is supported."""

    compact_20260112: CapabilitySupport | None = None
    """Whether the compact_20260112 strategy is supported."""

    supported: bool
    """Whether this capability is supported by the model."""


class EffortCapability(WireModel):
    """Effort (reasoning_effort) capability details."""

    high: CapabilitySupport
    """Whether the model supports high effort level."""

    low: CapabilitySupport
    """Whether the model supports low effort level."""

    max: CapabilitySupport
    """Whether the model supports max effort level."""

    medium: CapabilitySupport
    """Whether the model supports medium effort level."""

    supported: bool
    """Whether this capability is supported by the model."""

    xhigh: CapabilitySupport | None = None
    """Whether the model supports xhigh effort level."""


class ServerToolsCapability(WireModel):
    """Web search and code execution tool support, with one entry per tool."""

    code_execution: CapabilitySupport
    """Whether the model supports the code execution tool: true when the model supports at least
    one version of the tool, not necessarily every version.
    """

    supported: bool
    """Whether this capability is supported by the model."""

    web_search: CapabilitySupport
    """Whether the model supports the web search tool: true when the model supports at least one
    version of the tool, not necessarily every version.
    """


class ThinkingTypes(WireModel):
    """Which `thinking.type` values the model accepts on requests."""

    adaptive: CapabilitySupport
    """Whether the model accepts thinking with type 'adaptive' (the model decides whether and how
    much to think).
    """

    between_tools: CapabilitySupport
    """Whether the model accepts thinking with type 'between_tools' (thinking turned off, and any
    short progress updates the model writes between tool calls come back as thinking blocks).
    """

    disabled: CapabilitySupport
    """Whether the model accepts thinking with type 'disabled' (thinking turned off)."""

    enabled: CapabilitySupport
    """Whether the model accepts thinking with type 'enabled' (extended thinking with a
    caller-set `budget_tokens`).
    """


class ThinkingCapability(WireModel):
    """Thinking capability details."""

    supported: bool
    """Whether this capability is supported by the model."""

    types: ThinkingTypes
    """Supported thinking type configurations."""


class CompactionCapability(WireModel):
    """Compaction support of a model (beta)."""

    summarize: CapabilitySupport
    """Whether the summarize compaction type is supported."""

    supported: bool
    """Whether this capability is supported by the model."""


class ModelCapabilities(WireModel):
    """What a model supports."""

    batch: CapabilitySupport
    """Whether the model supports the Batch API."""

    citations: CapabilitySupport
    """Whether the model supports citation generation."""

    code_execution: CapabilitySupport
    """Whether code that the model runs in the code execution tool can call the request's other
    tools, as in programmatic tool calling and dynamic filtering for web search and web fetch.
    """

    context_management: ContextManagementCapability
    """Context management support and available strategies."""

    effort: EffortCapability
    """Effort (reasoning_effort) support and available levels."""

    image_input: CapabilitySupport
    """Whether the model accepts image content blocks."""

    pdf_input: CapabilitySupport
    """Whether the model accepts PDF content blocks."""

    server_tools: ServerToolsCapability
    """Whether this model supports the web search and code execution server tools."""

    structured_outputs: CapabilitySupport
    """Whether the model supports structured output / JSON mode / strict tool schemas."""

    thinking: ThinkingCapability
    """Thinking capability and supported type configurations."""

    compaction: CompactionCapability | None = None
    """Beta: server-side compaction support (the top-level `compaction` parameter) and the
    accepted `compaction.type` values.
    """


class ModelInfo(WireModel):
    """A model, as listed by ``GET /v1/models``."""

    type: Literal["model"] = "model"
    id: str
    """Unique model identifier."""

    capabilities: ModelCapabilities | None = None
    """Object mapping capability names to their support details."""

    created_at: str
    """When the model was released (RFC 3339 text, kept verbatim)."""

    deprecated_at: str | None = None
    """When the model was deprecated (RFC 3339 text, kept verbatim)."""

    display_name: str
    """A human-readable name for the model."""

    lifecycle: Union[ModelLifecycle, str]
    """The model's current lifecycle stage."""

    line: Union[ModelLine, str] | None = None
    """The model line this model belongs to, such as `opus` for both Claude Opus 4.5 and Claude
    Opus 4.6.
    """

    max_input_tokens: int | None = None
    """Maximum input context window size in tokens for this model."""

    max_tokens: int | None = None
    """Maximum value for the `max_tokens` parameter when using this model."""

    retires_at: str | None = None
    """When the model retires (RFC 3339 text, kept verbatim)."""

    allowed_fallback_models: list[str] | None = None
    """Beta: model IDs this model accepts as `fallbacks[i].model` on the Messages API."""


class ModelInfoPage(WireModel):
    """A page of ``GET /v1/models``."""

    data: list[ModelInfo]
    """The models on this page."""

    first_id: str | None = None
    """Id of the first model on the page (the ``before_id`` cursor)."""

    has_more: bool | None = None
    """Whether more pages follow."""

    last_id: str | None = None
    """Id of the last model on the page (the ``after_id`` cursor)."""
