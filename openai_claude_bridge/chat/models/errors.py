"""The OpenAI error body, shared by Chat Completions, Responses and legacy Completions.

An HTTP error answers ``{"error": {"message", "type", "param", "code"}}``; a Chat Completions or
Completions stream that fails mid-way sends the same object as a ``data:`` frame. Mirrors
``openai.types.shared.error_object``; lenient where OpenAI-compatible servers deviate (numeric
``code``, missing ``type``).
"""

from typing import Literal, Union

from ...wire import WireModel

__all__ = [
    "ErrorObject",
    "ErrorResponse",
    "Misalignment",
    "MisalignmentErrorType",
    "MisalignmentSteer",
]

#: Classifications of a misalignment block (clients must accept others).
MisalignmentErrorType = Literal[
    "potentially_unintended_data_transfer",
    "potentially_unintended_data_access",
    "potentially_unintended_destructive_activity",
    "other",
]


class MisalignmentSteer(WireModel):
    """A public continuation instruction of a misalignment block."""

    message: str
    """The continuation instruction."""


class Misalignment(WireModel):
    """Details of a request blocked as potentially misaligned."""

    detailed_explanation: str | None = None
    """The public explanation of the block."""
    error_type: Union[MisalignmentErrorType, str] | None = None
    """An optional classification; other values are kept as strings."""
    review_target: str | None = None
    """An opaque target for explicitly continuing this review."""
    steer: MisalignmentSteer | None = None
    """An optional continuation instruction."""


class ErrorObject(WireModel):
    """An OpenAI API error: message, type, offending parameter, code."""

    code: Union[str, int] | None = None
    """A machine-readable code, e.g. ``invalid_api_key``; some compatible servers (OpenRouter,
    vLLM) send the HTTP status as a number here."""
    message: str
    """A human-readable description."""
    param: str | None = None
    """The request parameter at fault, if any."""
    type: str | None = None
    """The error type, e.g. ``invalid_request_error``. Required by the official API; optional
    here because some compatible servers (OpenRouter) omit it."""
    misalignment: Misalignment | None = None
    """Details when the request was blocked as potentially misaligned."""


class ErrorResponse(WireModel):
    """The body of an error answer, and the mid-stream error frame: ``{"error": {...}}``."""

    error: ErrorObject
