"""Request settings: metadata, container, output format and effort, thinking."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias, Union

from pydantic import Field

from ...wire import OpenUnion, WireModel

__all__ = [
    "ContainerParams",
    "DiagnosticsParam",
    "Effort",
    "JSONOutputFormatParam",
    "MetadataParam",
    "OutputConfigParam",
    "RequestServiceTier",
    "SkillParams",
    "Speed",
    "SystemMessageOutputConfigParam",
    "ThinkingBlockBindingParam",
    "ThinkingConfigAdaptiveParam",
    "ThinkingConfigBetweenToolsParam",
    "ThinkingConfigDisabledParam",
    "ThinkingConfigEnabledParam",
    "ThinkingConfigParam",
    "ThinkingDisplay",
    "TokenTaskBudgetParam",
    "UnknownThinkingConfigParam",
]


Effort: TypeAlias = Literal["low", "medium", "high", "xhigh", "max"]
"""How much effort the model spends (``output_config.effort``)."""


ThinkingDisplay: TypeAlias = Literal["summarized", "omitted", "updates"]
"""How thinking is shown in the response (``updates`` is beta)."""


RequestServiceTier: TypeAlias = Literal["auto", "standard_only"]
"""The ``service_tier`` a request asks for."""


Speed: TypeAlias = Literal["standard", "fast"]
"""Inference speed mode."""


class MetadataParam(WireModel):
    """Metadata about the request."""

    user_id: str | None = None
    """An external identifier for the user who is associated with the request."""


class SkillParams(WireModel):
    """A skill to load into the container."""

    type: Literal["anthropic", "custom"]
    skill_id: str
    """Skill ID"""

    version: str | None = None
    """Skill version or 'latest' for most recent version"""


class ContainerParams(WireModel):
    """The container to run code in, and the skills to load into it."""

    id: str | None = None
    """Container id"""

    skills: list[SkillParams] | None = None
    """List of skills to load in the container"""


class DiagnosticsParam(WireModel):
    """Asks the response to explain prompt-cache misses against an earlier request."""

    previous_message_id: str | None = None
    """The `id` (`msg_...`) from this client's previous /v1/messages response."""


class JSONOutputFormatParam(WireModel):
    """Structured output: the response text must match this JSON schema."""

    type: Literal["json_schema"] = "json_schema"
    schema_: dict[str, Any] = Field(alias="schema")
    """The JSON schema, kept byte-for-byte."""


class TokenTaskBudgetParam(WireModel):
    """A token budget for a whole agentic task (beta)."""

    type: Literal["tokens"] = "tokens"
    total: int
    """Total token budget across all contexts in the session."""

    remaining: int | None = None
    """Remaining tokens in the budget."""


class OutputConfigParam(WireModel):
    """Output settings: effort and structured-output format."""

    effort: Effort | None = None
    """How much effort the model should put into its response."""

    format: JSONOutputFormatParam | None = None
    """A schema to specify Claude's output format in responses."""

    task_budget: TokenTaskBudgetParam | None = None
    """Beta: configuration for token budget tracking across contexts."""


class ThinkingBlockBindingParam(WireModel):
    """What to do when sent-back thinking blocks no longer match (beta)."""

    prefix_mismatch_behavior: Literal["drop_block", "error"] | None = None
    """"error" (default) | "drop_block"."""


class ThinkingConfigEnabledParam(WireModel):
    """Manual extended thinking with a token budget."""

    type: Literal["enabled"] = "enabled"
    budget_tokens: int
    """Determines how many tokens Claude can use for its internal reasoning process."""

    display: ThinkingDisplay | None = None
    """Controls how thinking content appears in the response."""

    block_binding: ThinkingBlockBindingParam | None = None
    """Beta: controls for block binding: what happens when a thinking block this request sends
    back fails the conversation check.
    """


class ThinkingConfigDisabledParam(WireModel):
    """No thinking."""

    type: Literal["disabled"] = "disabled"


class ThinkingConfigBetweenToolsParam(WireModel):
    """Thinking only between tool calls."""

    type: Literal["between_tools"] = "between_tools"


class ThinkingConfigAdaptiveParam(WireModel):
    """The model decides when and how much to think."""

    type: Literal["adaptive"] = "adaptive"
    display: ThinkingDisplay | None = None
    """Controls how thinking content appears in the response."""

    block_binding: ThinkingBlockBindingParam | None = None
    """Beta: controls for block binding: what happens when a thinking block this request sends
    back fails the conversation check.
    """


class SystemMessageOutputConfigParam(WireModel):
    """Output settings changed by a mid-conversation system message (beta)."""

    effort: Effort | None = None
    """How much effort the model should put into its response."""


class UnknownThinkingConfigParam(WireModel):
    """Fallback member of ``ThinkingConfigParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ThinkingConfigParam: TypeAlias = Annotated[
    Union[
        ThinkingConfigEnabledParam,
        ThinkingConfigDisabledParam,
        ThinkingConfigBetweenToolsParam,
        ThinkingConfigAdaptiveParam,
        UnknownThinkingConfigParam,
    ],
    OpenUnion("type", fallback=UnknownThinkingConfigParam),
]
"""How the model thinks."""
