"""Beta request settings: context management, compaction, fallbacks, MCP servers, threads,
billing.
"""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias, Union

from ...wire import OpenUnion, WireModel
from .config import (
    OutputConfigParam,
    Speed,
    ThinkingConfigParam,
)

__all__ = [
    "AllThinkingTurnsParam",
    "BillingPolicyParam",
    "ClearThinking20251015EditParam",
    "ClearThinkingKeepParam",
    "ClearToolUses20250919EditParam",
    "ClearToolUsesTriggerParam",
    "Compact20260112EditParam",
    "CompactionConfigParam",
    "ContextManagementConfigParam",
    "ContextManagementEditParam",
    "FallbackCreditTokenParam",
    "FallbackParam",
    "InputTokensClearAtLeastParam",
    "InputTokensTriggerParam",
    "RequestMCPServerToolConfigurationParam",
    "RequestMCPServerURLDefinitionParam",
    "ThinkingTurnsParam",
    "ThreadContinueParams",
    "ThreadCreateParams",
    "ThreadParam",
    "ToolUsesKeepParam",
    "ToolUsesTriggerParam",
    "UnknownClearThinkingKeepParam",
    "UnknownClearToolUsesTriggerParam",
    "UnknownContextManagementEditParam",
    "UnknownThreadParam",
]


class InputTokensClearAtLeastParam(WireModel):
    """Clear at least this many input tokens (beta)."""

    type: Literal["input_tokens"] = "input_tokens"
    value: int


class ToolUsesKeepParam(WireModel):
    """Keep this many most recent tool uses (beta)."""

    type: Literal["tool_uses"] = "tool_uses"
    value: int


class InputTokensTriggerParam(WireModel):
    """Trigger when the input reaches this many tokens (beta)."""

    type: Literal["input_tokens"] = "input_tokens"
    value: int


class ToolUsesTriggerParam(WireModel):
    """Trigger when the conversation has this many tool uses (beta)."""

    type: Literal["tool_uses"] = "tool_uses"
    value: int


class ThinkingTurnsParam(WireModel):
    """Keep the thinking of this many most recent turns (beta)."""

    type: Literal["thinking_turns"] = "thinking_turns"
    value: int


class AllThinkingTurnsParam(WireModel):
    """Keep the thinking of every turn (beta)."""

    type: Literal["all"] = "all"


class Compact20260112EditParam(WireModel):
    """Summarises earlier conversation into a compaction block (beta)."""

    type: Literal["compact_20260112"] = "compact_20260112"
    instructions: str | None = None
    """Additional instructions for summarization."""

    pause_after_compaction: bool | None = None
    """Whether to pause after compaction and return the compaction block to the user."""

    trigger: InputTokensTriggerParam | None = None
    """When to trigger compaction."""


class CompactionConfigParam(WireModel):
    """How to compact the conversation (beta)."""

    type: Literal["summarize"] = "summarize"
    instructions: str | None = None
    """Replaces the server's default summarization prompt for this request."""


class FallbackParam(WireModel):
    """A model to fall back to, with the settings to use for it (beta)."""

    model: str
    """The model that will complete your prompt."""

    max_tokens: int | None = None
    """The `max_tokens` for the fallback attempt that uses this `fallbacks` entry's `model`, in
    place of the request's `max_tokens`.
    """

    output_config: OutputConfigParam | None = None
    """Output parameters for the fallback attempt that uses this `fallbacks` entry's `model`,
    combined with the request's `output_config` one field at a time.
    """

    speed: Speed | None = None
    """The inference speed mode for the fallback attempt that uses this `fallbacks` entry's
    `model`.
    """

    thinking: ThinkingConfigParam | None = None
    """The thinking configuration for the fallback attempt that uses this `fallbacks` entry's
    `model`.
    """


class FallbackCreditTokenParam(WireModel):
    """A fallback credit token from an earlier refusal, with how to redeem it (beta)."""

    token: str
    """The opaque `fallback_credit_token` from a prior refusal's `stop_details` — the same string
    the bare-string form carries.
    """

    mode: Literal["best_effort", "strict"] | None = None
    """How a failing token affects the retry."""


class RequestMCPServerToolConfigurationParam(WireModel):
    """Which tools of an MCP server are available (beta)."""

    allowed_tools: list[str] | None = None
    enabled: bool | None = None


class RequestMCPServerURLDefinitionParam(WireModel):
    """An MCP server the API connects to (beta)."""

    type: Literal["url"] = "url"
    name: str
    url: str
    authorization_token: str | None = None
    tool_configuration: RequestMCPServerToolConfigurationParam | None = None


class ThreadCreateParams(WireModel):
    """Starts a server-side message thread (beta)."""

    type: Literal["create"] = "create"


class ThreadContinueParams(WireModel):
    """Continues a server-side message thread (beta)."""

    type: Literal["continue"] = "continue"
    previous_message_id: str
    """The `id` of the previous response in this Thread."""


class BillingPolicyParam(WireModel):
    """Who is billed for the request (beta)."""

    type: Literal["billing_policy"] = "billing_policy"
    bill_to: Literal["self", "user_profile"] | None = None
    """Who is billed."""


class UnknownClearToolUsesTriggerParam(WireModel):
    """Fallback member of ``ClearToolUsesTriggerParam``: a ``type`` this package does not know,
    kept verbatim.
    """

    type: str


ClearToolUsesTriggerParam: TypeAlias = Annotated[
    Union[
        InputTokensTriggerParam,
        ToolUsesTriggerParam,
        UnknownClearToolUsesTriggerParam,
    ],
    OpenUnion("type", fallback=UnknownClearToolUsesTriggerParam),
]
"""When to clear tool uses (beta)."""


class ClearToolUses20250919EditParam(WireModel):
    """Clears old tool uses and results from the context (beta)."""

    type: Literal["clear_tool_uses_20250919"] = "clear_tool_uses_20250919"
    clear_at_least: InputTokensClearAtLeastParam | None = None
    """Minimum number of tokens that must be cleared when triggered."""

    clear_tool_inputs: bool | list[str] | None = None
    """Whether to clear all tool inputs (bool) or specific tool inputs to clear (list)"""

    exclude_tools: list[str] | None = None
    """Tool names whose uses are preserved from clearing"""

    keep: ToolUsesKeepParam | None = None
    """Number of tool uses to retain in the conversation"""

    trigger: ClearToolUsesTriggerParam | None = None
    """Condition that triggers the context management strategy"""


class UnknownClearThinkingKeepParam(WireModel):
    """Fallback member of ``ClearThinkingKeepParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ClearThinkingKeepParam: TypeAlias = Annotated[
    Union[
        ThinkingTurnsParam,
        AllThinkingTurnsParam,
        UnknownClearThinkingKeepParam,
    ],
    OpenUnion("type", fallback=UnknownClearThinkingKeepParam),
]
"""Which thinking to keep (beta)."""


class ClearThinking20251015EditParam(WireModel):
    """Clears old thinking blocks from the context (beta)."""

    type: Literal["clear_thinking_20251015"] = "clear_thinking_20251015"
    keep: Literal["all"] | ClearThinkingKeepParam | None = None
    """Number of most recent assistant turns to keep thinking blocks for."""


class UnknownContextManagementEditParam(WireModel):
    """Fallback member of ``ContextManagementEditParam``: a ``type`` this package does not know,
    kept verbatim.
    """

    type: str


ContextManagementEditParam: TypeAlias = Annotated[
    Union[
        ClearToolUses20250919EditParam,
        ClearThinking20251015EditParam,
        Compact20260112EditParam,
        UnknownContextManagementEditParam,
    ],
    OpenUnion("type", fallback=UnknownContextManagementEditParam),
]
"""One context-management strategy (beta)."""


class ContextManagementConfigParam(WireModel):
    """Server-side context management: which edits to apply to long conversations (beta)."""

    edits: list[ContextManagementEditParam] | None = None
    """List of context management edits to apply"""


class UnknownThreadParam(WireModel):
    """Fallback member of ``ThreadParam``: a ``type`` this package does not know, kept verbatim."""

    type: str


ThreadParam: TypeAlias = Annotated[
    Union[
        ThreadCreateParams,
        ThreadContinueParams,
        UnknownThreadParam,
    ],
    OpenUnion("type", fallback=UnknownThreadParam),
]
"""Server-side message thread handling (beta)."""
