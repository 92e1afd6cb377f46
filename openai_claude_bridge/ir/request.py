"""A request in neutral form: instructions, turns, tools, generation settings.

Turn boundaries and part order are kept exactly (two consecutive user messages stay two); the
encoders apply their format's rules (anthropic merges tool results into one user turn, chat
splits them into ``tool`` messages) and report what that changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

from ..options import Effort
from .base import Node
from .content import CacheHint, Part

__all__ = [
    "Message",
    "OutputFormat",
    "ReasoningConfig",
    "Request",
    "Role",
    "Tool",
    "ToolChoice",
]

#: Who says a message: the roles of the four formats together (``developer`` is OpenAI's,
#: ``tool`` a chat tool-result message's).
Role: TypeAlias = Literal["system", "developer", "user", "assistant", "tool"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Message(Node):
    """One turn: a role and its ordered parts."""

    role: Role
    parts: tuple[Part, ...] = ()
    text_form: bool = False
    """The source sent the content as one plain string (not a list of parts)."""
    name: str | None = None
    """Chat's participant ``name``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Tool(Node):
    """A tool the model may call: a function with a JSON schema, or a custom (free-text) tool.
    Server/built-in tools of one format travel as ``kind="native"`` with their wire JSON."""

    kind: Literal["function", "custom", "native"]
    name: str
    description: str | None = None
    parameters: dict[str, Any] | None = None
    """The JSON schema, untouched."""
    strict: bool | None = None
    custom_format: dict[str, Any] | None = None
    """A custom tool's input format (text / grammar), as OpenAI's wire JSON."""
    cache: CacheHint | None = None
    native: dict[str, Any] | None = None
    """The wire JSON of a format-specific tool (``kind="native"``); its format is the key of
    ``extra``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolChoice(Node):
    """Whether and which tool the model must call."""

    mode: Literal["auto", "none", "required", "tool", "allowed"]
    name: str | None = None
    """The tool for ``mode="tool"``."""
    tool_kind: Literal["function", "custom", "native"] = "function"
    allowed: tuple[str, ...] = ()
    """The tool names of ``mode="allowed"`` (OpenAI ``allowed_tools``)."""
    allowed_required: bool = False
    """``allowed_tools`` with ``mode: "required"``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasoningConfig(Node):
    """How much the model should reason, in either vocabulary."""

    enabled: bool | None = None
    """Anthropic ``thinking``: enabled / disabled; ``None`` when the source did not say."""
    adaptive: bool = False
    """Anthropic ``thinking: {"type": "adaptive"}``."""
    budget_tokens: int | None = None
    effort: Effort | None = None
    summary: str | None = None
    """Responses ``reasoning.summary`` (``auto`` / ``concise`` / ``detailed``)."""
    include_encrypted: bool = False
    """Responses ``include: ["reasoning.encrypted_content"]``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class OutputFormat(Node):
    """Structured output: plain text, any JSON object, or JSON matching a schema."""

    kind: Literal["text", "json_object", "json_schema"]
    name: str | None = None
    schema: dict[str, Any] | None = None
    strict: bool | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Request(Node):
    """A model request."""

    model: str
    instructions: tuple[Part, ...] | None = None
    """Top-level instructions: anthropic ``system``, Responses ``instructions``."""
    instructions_text_form: bool = False
    """``instructions`` was one plain string."""
    messages: tuple[Message, ...] = ()
    """The conversation; ``system``/``developer`` messages stay where the source had them."""
    tools: tuple[Tool, ...] | None = None
    tool_choice: ToolChoice | None = None
    parallel_tool_calls: bool | None = None
    max_tokens: int | None = None
    max_tokens_field: str | None = None
    """Which field held it: ``max_tokens``, ``max_completion_tokens`` or ``max_output_tokens``."""
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    stop: tuple[str, ...] | None = None
    stop_text_form: bool = False
    """Chat/completions ``stop`` was one string, not a list."""
    seed: int | None = None
    frequency_penalty: float | None = None
    presence_penalty: float | None = None
    logit_bias: dict[str, int] | None = None
    n: int | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = None
    reasoning: ReasoningConfig | None = None
    output_format: OutputFormat | None = None
    metadata: dict[str, str] | None = None
    user: str | None = None
    """End-user id: chat/Responses ``user`` (deprecated there), anthropic ``metadata.user_id``."""
    safety_identifier: str | None = None
    prompt_cache_key: str | None = None
    service_tier: str | None = None
    store: bool | None = None
    stream: bool | None = None
    include_usage: bool | None = None
    """Chat ``stream_options.include_usage``."""
