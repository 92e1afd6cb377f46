"""Mapping tables between the Responses API's vocabularies and the ir's.

* Stop reasons: a Responses answer has no stop reason, only a ``status`` and, for ``incomplete``,
  ``incomplete_details.reason``. :data:`INCOMPLETE_STOP` reads the reason as an ir
  :data:`~openai_claude_bridge.ir.StopReason`; a ``completed`` response stopped with ``tool_use``
  when it emitted a function or custom tool call and with ``end_turn`` otherwise; a ``failed``
  one with ``error``. :data:`STOP_STATUS` is the way back; :data:`STOP_APPROXIMATED` lists the
  ir stop reasons the Responses API cannot state exactly (reported as a loss).
* Errors: :data:`ERROR_WIRE` gives the OpenAI error ``type`` and HTTP status of every ir
  :data:`~openai_claude_bridge.ir.ErrorKind`; :func:`error_kind` reads a wire error back (a
  specific ``type`` first, then the ``code``, then the HTTP status, then a generic ``type``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, TypeAlias

from ..ir import ErrorKind, StopReason
from .models.response import IncompleteReason

__all__ = [
    "CODE_KIND",
    "ERROR_WIRE",
    "INCOMPLETE_STOP",
    "STATUS_KIND",
    "STOP_APPROXIMATED",
    "STOP_STATUS",
    "TYPE_KIND",
    "FinalStatus",
    "error_kind",
]

#: The statuses a finished response can have.
FinalStatus: TypeAlias = Literal["completed", "incomplete", "failed"]

#: ``incomplete_details.reason`` -> ir stop reason.
INCOMPLETE_STOP: Mapping[IncompleteReason, StopReason] = MappingProxyType(
    {
        "max_output_tokens": "max_tokens",
        "content_filter": "refusal",
        "max_messages": "pause_turn",
        "steered": "refusal",
    }
)

#: ir stop reason -> (``status``, ``incomplete_details.reason``).
STOP_STATUS: Mapping[StopReason, tuple[FinalStatus, IncompleteReason | None]] = MappingProxyType(
    {
        "end_turn": ("completed", None),
        "stop_sequence": ("completed", None),
        "tool_use": ("completed", None),
        "max_tokens": ("incomplete", "max_output_tokens"),
        "refusal": ("incomplete", "content_filter"),
        "pause_turn": ("incomplete", "max_messages"),
        "context_window_exceeded": ("incomplete", "max_output_tokens"),
        "error": ("failed", None),
    }
)

#: ir stop reasons that :data:`STOP_STATUS` only approximates.
STOP_APPROXIMATED: frozenset[StopReason] = frozenset(
    {"stop_sequence", "pause_turn", "context_window_exceeded"}
)

#: ir error kind -> (OpenAI error ``type``, HTTP status).
ERROR_WIRE: Mapping[ErrorKind, tuple[str, int]] = MappingProxyType(
    {
        "invalid_request": ("invalid_request_error", 400),
        "authentication": ("authentication_error", 401),
        "permission": ("permission_error", 403),
        "not_found": ("not_found_error", 404),
        "request_too_large": ("invalid_request_error", 413),
        "rate_limit": ("rate_limit_error", 429),
        "server_error": ("server_error", 500),
        "overloaded": ("server_error", 503),
        "timeout": ("server_error", 504),
        "billing": ("insufficient_quota", 429),
    }
)

#: Error ``type`` strings that name one kind on their own.
TYPE_KIND: Mapping[str, ErrorKind] = MappingProxyType(
    {
        "authentication_error": "authentication",
        "permission_error": "permission",
        "not_found_error": "not_found",
        "rate_limit_error": "rate_limit",
        "tokens": "rate_limit",
        "requests": "rate_limit",
        "insufficient_quota": "billing",
        "overloaded_error": "overloaded",
        "timeout_error": "timeout",
    }
)

#: Generic error ``type`` strings, used only when nothing more specific is known.
GENERIC_TYPE_KIND: Mapping[str, ErrorKind] = MappingProxyType(
    {
        "invalid_request_error": "invalid_request",
        "server_error": "server_error",
        "api_error": "server_error",
    }
)

#: Error ``code`` strings that name one kind.
CODE_KIND: Mapping[str, ErrorKind] = MappingProxyType(
    {
        "invalid_api_key": "authentication",
        "insufficient_quota": "billing",
        "rate_limit_exceeded": "rate_limit",
        "model_not_found": "not_found",
    }
)

#: HTTP status -> ir error kind.
STATUS_KIND: Mapping[int, ErrorKind] = MappingProxyType(
    {
        400: "invalid_request",
        401: "authentication",
        402: "billing",
        403: "permission",
        404: "not_found",
        408: "timeout",
        413: "request_too_large",
        429: "rate_limit",
        500: "server_error",
        502: "server_error",
        503: "overloaded",
        504: "timeout",
        529: "overloaded",
    }
)


def error_kind(type_: str | None, code: str | None, status: int | None) -> ErrorKind:
    """The ir kind of an OpenAI error: a specific ``type``, else the ``code``, else the HTTP
    status, else a generic ``type``; unknown errors are ``server_error`` at 5xx (or with no
    status) and ``invalid_request`` at 4xx."""
    if type_ is not None and type_ in TYPE_KIND:
        return TYPE_KIND[type_]
    if code is not None and code in CODE_KIND:
        return CODE_KIND[code]
    if status is not None and status in STATUS_KIND:
        return STATUS_KIND[status]
    if type_ is not None and type_ in GENERIC_TYPE_KIND:
        return GENERIC_TYPE_KIND[type_]
    if status is not None and 400 <= status < 500:
        return "invalid_request"
    return "server_error"
