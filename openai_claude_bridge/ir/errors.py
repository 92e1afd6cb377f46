"""API errors in neutral form: a kind from the ir's own vocabulary, a message, an HTTP status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from .base import Node

__all__ = ["ApiError", "ErrorKind"]

ErrorKind: TypeAlias = Literal[
    "invalid_request",
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
