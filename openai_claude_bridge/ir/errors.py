"""API errors in neutral form: a kind from the ir's own vocabulary, a message, an HTTP status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from .base import Node

__all__ = ["ApiError", "ErrorKind"]

#: What went wrong. ``context_length_exceeded`` is the request error that says the prompt does
#: not fit the model's context window: clients act on it (Claude Code compacts the conversation
#: on anthropic's "prompt is too long", Codex on the code ``context_length_exceeded``), so it
#: is kept apart from ``invalid_request`` and every format writes it in its own words.
ErrorKind: TypeAlias = Literal[
    "invalid_request",
    "context_length_exceeded",
    "authentication",
    "permission",
    "not_found",
    "request_too_large",
    "rate_limit",
    "server_error",
    "overloaded",
    "timeout",
    "billing",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiError(Node):
    """An error body (or a mid-stream error event)."""

    kind: ErrorKind
    message: str
    status: int | None = None
    """The HTTP status, where known."""
    param: str | None = None
    code: str | None = None
    raw_type: str | None = None
    """The source's own error type string."""
    request_id: str | None = None
