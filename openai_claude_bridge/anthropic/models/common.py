"""Small shapes shared by many blocks: cache control, citation settings, tool callers."""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias, Union

from ...wire import OpenUnion, WireModel

__all__ = [
    "AllowedCaller",
    "CacheControlEphemeralParam",
    "CacheControlTTL",
    "CitationsConfig",
    "CitationsConfigParam",
    "DirectCaller",
    "DirectCallerParam",
    "RefusalCategory",
    "ServerToolCaller",
    "ServerToolCaller20260120",
    "ServerToolCaller20260120Param",
    "ServerToolCallerParam",
    "ToolUseCaller",
    "ToolUseCallerParam",
    "UnknownToolUseCaller",
    "UnknownToolUseCallerParam",
]


CacheControlTTL: TypeAlias = Literal["5m", "1h"]
"""Lifetime of a prompt-cache breakpoint."""


AllowedCaller: TypeAlias = Literal[
    "direct",
    "code_execution_20250825",
    "code_execution_20260120",
    "code_execution_20260521",
]
"""Who may call a tool: the model directly or code running in a code-execution tool version."""


RefusalCategory: TypeAlias = Literal[
    "cyber",
    "bio",
    "frontier_llm",
    "reasoning_extraction",
    "general_harms",
]
"""Policy area of a refusal."""


class CacheControlEphemeralParam(WireModel):
    """A prompt-cache breakpoint placed on a block, tool or request.

    Also accepts the response shape (``CacheControlEphemeral``), which clients send back in
    later requests.
    """

    type: Literal["ephemeral"] = "ephemeral"
    ttl: CacheControlTTL | None = None
    """The time-to-live for the cache control breakpoint."""


class CitationsConfigParam(WireModel):
    """Whether the model may cite a document.

    Also accepts the response shape (``CitationsConfig``, ``CitationConfig``), which clients
    send back in later requests.
    """

    enabled: bool | None = None


class CitationsConfig(WireModel):
    """Whether citations were enabled for a document."""

    enabled: bool


class DirectCallerParam(WireModel):
    """The model called the tool directly.

    Also accepts the response shape (``DirectCaller``), which clients send back in later
    requests.
    """

    type: Literal["direct"] = "direct"


class ServerToolCallerParam(WireModel):
    """The tool was called from code running in ``code_execution_20250825``.

    Also accepts the response shape (``ServerToolCaller``), which clients send back in later
    requests.
    """

    type: Literal["code_execution_20250825"] = "code_execution_20250825"
    tool_id: str


class ServerToolCaller20260120Param(WireModel):
    """The tool was called from code running in ``code_execution_20260120``.

    Also accepts the response shape (``ServerToolCaller20260120``), which clients send back in
    later requests.
    """

    type: Literal["code_execution_20260120"] = "code_execution_20260120"
    tool_id: str


class DirectCaller(WireModel):
    """The model called the tool directly."""

    type: Literal["direct"] = "direct"


class ServerToolCaller(WireModel):
    """The tool was called from code running in ``code_execution_20250825``."""

    type: Literal["code_execution_20250825"] = "code_execution_20250825"
    tool_id: str


class ServerToolCaller20260120(WireModel):
    """The tool was called from code running in ``code_execution_20260120``."""

    type: Literal["code_execution_20260120"] = "code_execution_20260120"
    tool_id: str


class UnknownToolUseCallerParam(WireModel):
    """Fallback member of ``ToolUseCallerParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ToolUseCallerParam: TypeAlias = Annotated[
    Union[
        DirectCallerParam,
        ServerToolCallerParam,
        ServerToolCaller20260120Param,
        UnknownToolUseCallerParam,
    ],
    OpenUnion("type", fallback=UnknownToolUseCallerParam),
]
"""Who called a tool (request side)."""


class UnknownToolUseCaller(WireModel):
    """Fallback member of ``ToolUseCaller``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ToolUseCaller: TypeAlias = Annotated[
    Union[
        DirectCaller,
        ServerToolCaller,
        ServerToolCaller20260120,
        UnknownToolUseCaller,
    ],
    OpenUnion("type", fallback=UnknownToolUseCaller),
]
"""Who called a tool (response side)."""


class ServerToolCommonFields(WireModel):
    """The fields every tool definition of the Messages API shares, server tools (web search,
    web fetch, ...) included; a base, not a wire type of its own."""

    allowed_callers: list[AllowedCaller] | None = None
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    defer_loading: bool | None = None
    """If true, tool will not be included in initial system prompt."""

    strict: bool | None = None
    """When true, guarantees schema validation on tool names and inputs"""


class ToolCommonFields(ServerToolCommonFields):
    """The shared fields of the custom tool and the client-executed Anthropic-defined tools
    (bash, text editor, computer, memory, ...): the server-tool ones plus ``input_examples``."""

    input_examples: list[dict[str, Any]] | None = None
