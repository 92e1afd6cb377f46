"""The chat format's mapping tables, each typed by the ``Literal`` aliases it maps between.

* ``finish_reason`` <-> the ir's :data:`~openai_claude_bridge.ir.StopReason`. Chat cannot tell a
  natural stop from a matched stop sequence, so ``stop`` reads as ``end_turn``; on the way out
  ``end_turn`` and ``stop_sequence`` both write ``stop``. ``pause_turn`` and ``error`` have no
  chat finish reason: the encoder reports them lost and writes ``stop`` for ``pause_turn`` (the
  only value that ends a turn without claiming a limit, a tool call or a filter) and ``null``
  for ``error`` (a failed answer did not stop; none is made up).
* Error ``type`` / HTTP status / ``code`` -> :data:`~openai_claude_bridge.ir.ErrorKind`, and each
  kind -> the ``(type, status)`` a chat error body is sent with.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal, cast

from ..ir import ErrorKind, StopReason
from .models.response import FinishReason

__all__ = [
    "CODE_TO_KIND",
    "ERROR_TYPE_TO_KIND",
    "FINISH_TO_STOP",
    "KIND_TO_ERROR",
    "STATUS_TO_KIND",
    "STOP_TO_FINISH",
    "ChatErrorType",
    "error_kind_of",
    "stop_reason_of",
]

#: The error ``type`` strings the chat side knows (OpenAI's, plus the shared anthropic-style ones).
ChatErrorType = Literal[
    "invalid_request_error",
    "authentication_error",
    "permission_error",
    "not_found_error",
    "request_too_large",
    "rate_limit_error",
    "insufficient_quota",
    "server_error",
    "overloaded_error",
    "timeout_error",
]

FINISH_TO_STOP: MappingProxyType[FinishReason, StopReason] = MappingProxyType(
    {
        "stop": "end_turn",
        "length": "max_tokens",
        "tool_calls": "tool_use",
        "function_call": "tool_use",
        "content_filter": "refusal",
    }
)

STOP_TO_FINISH: MappingProxyType[StopReason, FinishReason | None] = MappingProxyType(
    {
        "end_turn": "stop",
        "stop_sequence": "stop",
        "max_tokens": "length",
        "tool_use": "tool_calls",
        "refusal": "content_filter",
        "pause_turn": None,
        "context_window_exceeded": "length",
        "error": None,
    }
)

ERROR_TYPE_TO_KIND: MappingProxyType[ChatErrorType, ErrorKind] = MappingProxyType(
    {
        "invalid_request_error": "invalid_request",
        "authentication_error": "authentication",
        "permission_error": "permission",
        "not_found_error": "not_found",
        "request_too_large": "request_too_large",
        "rate_limit_error": "rate_limit",
        "insufficient_quota": "billing",
        "server_error": "server_error",
        "overloaded_error": "overloaded",
        "timeout_error": "timeout",
    }
)

#: The ``type`` / ``code`` OpenAI gives an exhausted quota (with status 429).
QUOTA = "insufficient_quota"

#: HTTP status -> kind; consulted first when the status is known (it is what the SDKs go by).
STATUS_TO_KIND: MappingProxyType[int, ErrorKind] = MappingProxyType(
    {
        400: "invalid_request",
        401: "authentication",
        402: "billing",
        403: "permission",
        404: "not_found",
        408: "timeout",
        413: "request_too_large",
        422: "invalid_request",
        429: "rate_limit",
        500: "server_error",
        502: "server_error",
        503: "overloaded",
        504: "timeout",
        529: "overloaded",
    }
)

#: Well-known OpenAI error ``code`` strings -> kind (used when neither status nor type decides).
CODE_TO_KIND: MappingProxyType[str, ErrorKind] = MappingProxyType(
    {
        "rate_limit_exceeded": "rate_limit",
        "insufficient_quota": "billing",
        "invalid_api_key": "authentication",
        "model_not_found": "not_found",
        "context_length_exceeded": "invalid_request",
        "string_above_max_length": "invalid_request",
    }
)

KIND_TO_ERROR: MappingProxyType[ErrorKind, tuple[ChatErrorType, int]] = MappingProxyType(
    {
        "invalid_request": ("invalid_request_error", 400),
        "authentication": ("authentication_error", 401),
        "permission": ("permission_error", 403),
        "not_found": ("not_found_error", 404),
        "request_too_large": ("request_too_large", 413),
        "rate_limit": ("rate_limit_error", 429),
        "server_error": ("server_error", 500),
        "overloaded": ("overloaded_error", 503),
        "timeout": ("timeout_error", 504),
        "billing": ("insufficient_quota", 429),
    }
)


def stop_reason_of(finish_reason: str) -> StopReason | None:
    """The ir stop reason of a chat ``finish_reason``; ``None`` for a value chat does not know."""
    return FINISH_TO_STOP.get(cast("FinishReason", finish_reason))


def error_kind_of(status: int | None, error_type: str | None, code: str | int | None) -> ErrorKind:
    """The ir kind of a chat error: by HTTP status, else by ``type``, else by ``code`` (a numeric
    code is taken as a status, as OpenRouter and vLLM send it), else ``server_error``. OpenAI
    says "out of credit" as a 429 whose type or code is ``insufficient_quota``: that is billing,
    not a rate limit, whatever the status."""
    if QUOTA in (error_type, code):
        return "billing"
    if status is not None and status in STATUS_TO_KIND:
        return STATUS_TO_KIND[status]
    if error_type is not None and error_type in ERROR_TYPE_TO_KIND:
        return ERROR_TYPE_TO_KIND[cast("ChatErrorType", error_type)]
    if isinstance(code, str) and code in CODE_TO_KIND:
        return CODE_TO_KIND[code]
    if isinstance(code, int) and code in STATUS_TO_KIND:
        return STATUS_TO_KIND[code]
    return "server_error"
