"""The mapping tables between the Anthropic Messages API's vocabularies and the ir's.

Every table is typed by the ``Literal`` aliases on both sides, and a test checks that each one
covers every value of its key alias (both directions where the mapping goes both ways):

* tool choice: :data:`TOOL_CHOICE_TO_IR` / :data:`TOOL_CHOICE_FROM_IR`;
* stop reasons: :data:`STOP_REASON_TO_IR` / :data:`STOP_REASON_FROM_IR`;
* error types and HTTP statuses: :data:`ERROR_TYPE_TO_KIND`, :data:`ERROR_TYPE_STATUS`,
  :data:`ERROR_KIND_TO_TYPE`, :data:`ERROR_KIND_STATUS`, :data:`STATUS_TO_ERROR_KIND`; a context
  overflow is an ``invalid_request_error`` whose message starts with
  :data:`CONTEXT_OVERFLOW_PREFIX`;
* reasoning effort: :data:`EFFORT_FROM_IR` (anthropic's levels are a subset of the ir's);
* service tiers, request and response side; the ir uses OpenAI's words (``auto``, ``default``,
  ``flex``, ``scale``, ``priority``) plus ``batch``;
* citations: :data:`CITATION_FIELDS`, the wire field -> ir ``Citation`` attribute of each
  anthropic citation type.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, TypeAlias

from .. import ir
from ..options import Effort as IrEffort
from .models.config import Effort, RequestServiceTier
from .models.errors import ErrorType
from .models.response import ServiceTier, StopReason

#: The ir's tool-choice modes.
IrToolChoiceMode: TypeAlias = Literal["auto", "none", "required", "tool", "allowed"]

__all__ = [
    "CITATION_FIELDS",
    "CONTEXT_OVERFLOW_PREFIX",
    "CitationType",
    "EFFORT_FROM_IR",
    "ERROR_KIND_STATUS",
    "ERROR_KIND_TO_TYPE",
    "ERROR_TYPE_STATUS",
    "ERROR_TYPE_TO_KIND",
    "IrServiceTier",
    "REQUEST_SERVICE_TIER_FROM_IR",
    "REQUEST_SERVICE_TIER_TO_IR",
    "RESPONSE_SERVICE_TIER_FROM_IR",
    "RESPONSE_SERVICE_TIER_TO_IR",
    "STATUS_TO_ERROR_KIND",
    "STOP_REASON_FROM_IR",
    "STOP_REASON_TO_IR",
    "TOOL_CHOICE_FROM_IR",
    "TOOL_CHOICE_TO_IR",
    "IrToolChoiceMode",
    "ToolChoiceType",
]

# --------------------------------------------------------------------------- stop reasons

#: Anthropic ``stop_reason`` -> the ir's. ``compaction`` (beta) pauses the turn like
#: ``pause_turn``: the client continues it; the literal value is kept in ``raw_stop_reason``.
STOP_REASON_TO_IR: Mapping[StopReason, ir.StopReason] = MappingProxyType(
    {
        "end_turn": "end_turn",
        "max_tokens": "max_tokens",
        "stop_sequence": "stop_sequence",
        "tool_use": "tool_use",
        "pause_turn": "pause_turn",
        "compaction": "pause_turn",
        "refusal": "refusal",
        "model_context_window_exceeded": "context_window_exceeded",
    }
)

#: The ir's stop reason -> anthropic's; ``error`` has no anthropic value (omitted, reported).
STOP_REASON_FROM_IR: Mapping[ir.StopReason, StopReason | None] = MappingProxyType(
    {
        "end_turn": "end_turn",
        "stop_sequence": "stop_sequence",
        "max_tokens": "max_tokens",
        "tool_use": "tool_use",
        "refusal": "refusal",
        "pause_turn": "pause_turn",
        "context_window_exceeded": "model_context_window_exceeded",
        "error": None,
    }
)

# --------------------------------------------------------------------------- tool choice

#: The ``tool_choice`` types anthropic knows.
ToolChoiceType: TypeAlias = Literal["auto", "any", "tool", "none"]

#: Anthropic ``tool_choice.type`` -> the ir's tool-choice mode.
TOOL_CHOICE_TO_IR: Mapping[ToolChoiceType, IrToolChoiceMode] = MappingProxyType(
    {"auto": "auto", "any": "required", "tool": "tool", "none": "none"}
)

#: The ir's tool-choice mode -> anthropic's; ``allowed`` (OpenAI's subset of tools) has none: the
#: encoder approximates it with ``auto``/``any`` and reports the loss.
TOOL_CHOICE_FROM_IR: Mapping[IrToolChoiceMode, ToolChoiceType | None] = MappingProxyType(
    {"auto": "auto", "required": "any", "tool": "tool", "none": "none", "allowed": None}
)

# --------------------------------------------------------------------------- errors

#: Anthropic error ``type`` -> the ir's error kind. The conflict/precondition errors of the memory
#: and thread APIs are request errors.
ERROR_TYPE_TO_KIND: Mapping[ErrorType, ir.ErrorKind] = MappingProxyType(
    {
        "invalid_request_error": "invalid_request",
        "authentication_error": "authentication",
        "billing_error": "billing",
        "permission_error": "permission",
        "not_found_error": "not_found",
        "rate_limit_error": "rate_limit",
        "timeout_error": "timeout",
        "api_error": "server_error",
        "overloaded_error": "overloaded",
        "request_too_large": "request_too_large",
        "memory_precondition_failed_error": "invalid_request",
        "memory_path_conflict_error": "invalid_request",
        "conflict_error": "invalid_request",
    }
)

#: The HTTP status anthropic sends with each error type.
ERROR_TYPE_STATUS: Mapping[ErrorType, int] = MappingProxyType(
    {
        "invalid_request_error": 400,
        "authentication_error": 401,
        "billing_error": 402,
        "permission_error": 403,
        "not_found_error": 404,
        "rate_limit_error": 429,
        "timeout_error": 504,
        "api_error": 500,
        "overloaded_error": 529,
        "request_too_large": 413,
        "memory_precondition_failed_error": 412,
        "memory_path_conflict_error": 409,
        "conflict_error": 409,
    }
)

#: How anthropic's message starts when the prompt does not fit the context window ("prompt is
#: too long: 210000 tokens > 200000 maximum", an ``invalid_request_error``); Claude Code compacts
#: the conversation on it. Read case-insensitively; written before another format's message.
CONTEXT_OVERFLOW_PREFIX = "prompt is too long"

#: The ir's error kind -> the anthropic error type written for it.
ERROR_KIND_TO_TYPE: Mapping[ir.ErrorKind, ErrorType] = MappingProxyType(
    {
        "invalid_request": "invalid_request_error",
        "context_length_exceeded": "invalid_request_error",
        "authentication": "authentication_error",
        "permission": "permission_error",
        "not_found": "not_found_error",
        "request_too_large": "request_too_large",
        "rate_limit": "rate_limit_error",
        "server_error": "api_error",
        "overloaded": "overloaded_error",
        "timeout": "timeout_error",
        "billing": "billing_error",
    }
)

#: The ir's error kind -> the HTTP status anthropic answers with (overloaded is 529, not 503).
ERROR_KIND_STATUS: Mapping[ir.ErrorKind, int] = MappingProxyType(
    {kind: ERROR_TYPE_STATUS[wire] for kind, wire in ERROR_KIND_TO_TYPE.items()}
)

#: An HTTP status -> the error kind anthropic means by it (for error types this package does not
#: know); the inverse of :data:`ERROR_KIND_STATUS` (a 400 is ``invalid_request``: only the
#: message tells a context overflow).
STATUS_TO_ERROR_KIND: Mapping[int, ir.ErrorKind] = MappingProxyType(
    {
        status: kind
        for kind, status in ERROR_KIND_STATUS.items()
        if kind != "context_length_exceeded"
    }
)

# --------------------------------------------------------------------------- effort

#: The ir's reasoning effort -> anthropic ``output_config.effort``; ``none`` and ``minimal`` have
#: no anthropic level.
EFFORT_FROM_IR: Mapping[IrEffort, Effort | None] = MappingProxyType(
    {
        "none": None,
        "minimal": None,
        "low": "low",
        "medium": "medium",
        "high": "high",
        "xhigh": "xhigh",
        "max": "max",
    }
)

# --------------------------------------------------------------------------- service tiers

#: The service tier words of the ir (OpenAI's, plus anthropic's ``batch``).
IrServiceTier: TypeAlias = Literal["auto", "default", "flex", "scale", "priority", "batch"]

#: Request ``service_tier`` -> the ir's: ``standard_only`` is OpenAI's ``default``.
REQUEST_SERVICE_TIER_TO_IR: Mapping[RequestServiceTier, IrServiceTier] = MappingProxyType(
    {"auto": "auto", "standard_only": "default"}
)

#: The ir's requested tier -> anthropic's; flex, scale, priority and batch cannot be requested.
REQUEST_SERVICE_TIER_FROM_IR: Mapping[IrServiceTier, RequestServiceTier | None] = MappingProxyType(
    {
        "auto": "auto",
        "default": "standard_only",
        "flex": None,
        "scale": None,
        "priority": None,
        "batch": None,
    }
)

#: Response ``usage.service_tier`` -> the ir's: ``standard`` is OpenAI's ``default``.
RESPONSE_SERVICE_TIER_TO_IR: Mapping[ServiceTier, IrServiceTier] = MappingProxyType(
    {"standard": "default", "priority": "priority", "batch": "batch"}
)

#: The ir's served tier -> anthropic's; ``auto`` is not a served tier, flex and scale are
#: OpenAI's own.
RESPONSE_SERVICE_TIER_FROM_IR: Mapping[IrServiceTier, ServiceTier | None] = MappingProxyType(
    {
        "auto": None,
        "default": "standard",
        "flex": None,
        "scale": None,
        "priority": "priority",
        "batch": "batch",
    }
)

# --------------------------------------------------------------------------- citations

#: The citation types anthropic knows (request and response side alike).
CitationType: TypeAlias = Literal[
    "char_location",
    "page_location",
    "content_block_location",
    "web_search_result_location",
    "search_result_location",
]

_DOCUMENT = {"cited_text": "cited_text", "document_index": "document_index"}
_DOCUMENT_END = {"document_title": "document_title", "file_id": "file_id"}

#: Anthropic citation type -> {wire field: ir ``Citation`` attribute}. Start/end indices of every
#: kind go to ``start``/``end``; a search result's index and source go to ``document_index`` and
#: ``url``.
CITATION_FIELDS: Mapping[CitationType, Mapping[str, str]] = MappingProxyType(
    {
        "char_location": MappingProxyType(
            {**_DOCUMENT, "start_char_index": "start", "end_char_index": "end", **_DOCUMENT_END}
        ),
        "page_location": MappingProxyType(
            {**_DOCUMENT, "start_page_number": "start", "end_page_number": "end", **_DOCUMENT_END}
        ),
        "content_block_location": MappingProxyType(
            {**_DOCUMENT, "start_block_index": "start", "end_block_index": "end", **_DOCUMENT_END}
        ),
        "web_search_result_location": MappingProxyType(
            {
                "cited_text": "cited_text",
                "encrypted_index": "encrypted_index",
                "title": "title",
                "url": "url",
            }
        ),
        "search_result_location": MappingProxyType(
            {
                "cited_text": "cited_text",
                "search_result_index": "document_index",
                "source": "url",
                "title": "title",
                "start_block_index": "start",
                "end_block_index": "end",
            }
        ),
    }
)
