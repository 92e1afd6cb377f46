"""The OpenAI error codec, shared by Chat Completions, Responses and legacy Completions.

All three APIs answer an error with the same body, ``{"error": {"message", "type", "param",
"code"}}`` (:class:`~openai_claude_bridge.chat.models.errors.ErrorResponse`), so one set of tables
and one pair of functions read and write it; each format calls them with its own key (``fmt``),
under which the decoded error keeps its leftovers.

**Reading** (:func:`error_kind_of`): OpenAI says "out of credit" as a 429 whose ``type`` or
``code`` is ``insufficient_quota``: that is ``billing``, not a rate limit, whatever the status;
and "the prompt does not fit" as a 400 whose ``code`` is ``context_length_exceeded``: that is
``context_length_exceeded`` whatever the status.
Otherwise the HTTP status decides (:data:`STATUS_TO_KIND`; it is what the SDKs go by), else a
specific ``type`` (:data:`ERROR_TYPE_TO_KIND`), else a string ``code`` (:data:`CODE_TO_KIND`),
else a generic ``type`` (:data:`GENERIC_ERROR_TYPES`, such as ``invalid_request_error``), else a
numeric ``code`` read as a status (OpenRouter and vLLM send one), else the status class: an
unknown 4xx is ``invalid_request``, anything else ``server_error``. A request error whose
message says the context is exceeded (:data:`CONTEXT_LENGTH_WORDING`: vLLM, DeepSeek, OpenRouter
and others send OpenAI's "This model's maximum context length is …" with no code) is
``context_length_exceeded`` too.

**Leftovers** (:func:`decode`): ``message``, a non-null ``param``, a string ``code`` and a
``type`` this module knows become ir fields; everything else (a ``null``, a numeric ``code``, an
unknown ``type``, ``misalignment``, unknown fields) stays in ``extra[fmt]`` — the inner object's
under ``"error"``, the envelope's beside it. ``extra[fmt]`` is always present (empty when nothing
is left over): it tells :func:`encode` that the error is its own format's.

**Writing** (:func:`encode`): an error of the same format comes back exactly, body and HTTP
status. Another format's error gets the ``type`` and status :data:`KIND_TO_ERROR` gives its kind
(an anthropic 529 ``overloaded_error`` becomes a 503, see :func:`._codec.error_status`) — or its
own ``type`` when that is an OpenAI type of the same kind — all four fields, and the code
:data:`KIND_CODE` gives its kind (``insufficient_quota`` for billing and
``context_length_exceeded`` for a context overflow, what OpenAI itself sends). Its fields of
other formats and its ``request_id`` (a response header in OpenAI's APIs) are reported lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, TypeAlias, cast

from . import ir
from ._codec import build, error_status, is_own, leftover, report_foreign_extra
from .chat.models.errors import ErrorResponse
from .options import Format, Options
from .wire import from_wire, json_path

__all__ = [
    "CODE_TO_KIND",
    "CONTEXT_LENGTH_CODE",
    "CONTEXT_LENGTH_WORDING",
    "ERROR_TYPE_TO_KIND",
    "GENERIC_ERROR_TYPES",
    "KIND_CODE",
    "KIND_TO_ERROR",
    "QUOTA",
    "STATUS_TO_KIND",
    "OpenAIErrorType",
    "decode",
    "encode",
    "error_kind_of",
]

#: The error ``type`` strings this module knows: OpenAI's (``tokens`` / ``requests`` are its
#: rate-limit types, ``api_error`` an older server error) plus the anthropic-style ones the
#: encoder writes for kinds OpenAI has no type of its own for.
OpenAIErrorType: TypeAlias = Literal[
    "invalid_request_error",
    "authentication_error",
    "permission_error",
    "not_found_error",
    "request_too_large",
    "rate_limit_error",
    "tokens",
    "requests",
    "insufficient_quota",
    "server_error",
    "api_error",
    "overloaded_error",
    "timeout_error",
]

#: The ``type`` / ``code`` OpenAI gives an exhausted quota (with status 429).
QUOTA = "insufficient_quota"

#: The ``code`` OpenAI gives a prompt longer than the model's context window (with status 400;
#: Codex compacts the conversation on it, in an error body or a ``response.failed``).
CONTEXT_LENGTH_CODE = "context_length_exceeded"

#: How the message of a request error without that code says the context window is exceeded
#: (matched case-insensitively anywhere in it): OpenAI's "This model's maximum context length is
#: 128000 tokens. However, your messages resulted in 130000 tokens …", which vLLM, DeepSeek and
#: OpenRouter repeat, llama.cpp's "… exceeds the available context size", anthropic's "prompt is
#: too long" from a server in front of Claude.
CONTEXT_LENGTH_WORDING = re.compile(
    r"context length|context window|context size|prompt is too long", re.IGNORECASE
)

#: Error ``type`` -> kind.
ERROR_TYPE_TO_KIND: Mapping[OpenAIErrorType, ir.ErrorKind] = MappingProxyType(
    {
        "invalid_request_error": "invalid_request",
        "authentication_error": "authentication",
        "permission_error": "permission",
        "not_found_error": "not_found",
        "request_too_large": "request_too_large",
        "rate_limit_error": "rate_limit",
        "tokens": "rate_limit",
        "requests": "rate_limit",
        "insufficient_quota": "billing",
        "server_error": "server_error",
        "api_error": "server_error",
        "overloaded_error": "overloaded",
        "timeout_error": "timeout",
    }
)

#: Types OpenAI gives errors of several kinds (it answers a bad API key with a 401
#: ``invalid_request_error`` whose code is ``invalid_api_key``): a known ``code`` wins over them.
GENERIC_ERROR_TYPES: frozenset[OpenAIErrorType] = frozenset(
    {"invalid_request_error", "server_error", "api_error"}
)

#: HTTP status -> kind; consulted first when the status is known (it is what the SDKs go by).
STATUS_TO_KIND: Mapping[int, ir.ErrorKind] = MappingProxyType(
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
CODE_TO_KIND: Mapping[str, ir.ErrorKind] = MappingProxyType(
    {
        "rate_limit_exceeded": "rate_limit",
        "insufficient_quota": "billing",
        "invalid_api_key": "authentication",
        "model_not_found": "not_found",
        CONTEXT_LENGTH_CODE: "context_length_exceeded",
        "string_above_max_length": "invalid_request",
    }
)

#: Kind -> the ``(type, HTTP status)`` another format's error is written with. Each type reads
#: back as its kind without a status (a mid-stream error frame has none).
KIND_TO_ERROR: Mapping[ir.ErrorKind, tuple[OpenAIErrorType, int]] = MappingProxyType(
    {
        "invalid_request": ("invalid_request_error", 400),
        "context_length_exceeded": ("invalid_request_error", 400),
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

#: Kind -> the ``code`` another format's error of that kind gets when it has none: what OpenAI
#: itself sends, and what clients act on (Codex compacts on ``context_length_exceeded``).
KIND_CODE: Mapping[ir.ErrorKind, str] = MappingProxyType(
    {"billing": QUOTA, "context_length_exceeded": CONTEXT_LENGTH_CODE}
)


def error_kind_of(
    status: int | None, error_type: str | None, code: str | int | None, message: str = ""
) -> ir.ErrorKind:
    """The ir kind of an OpenAI error, by the precedence in the module docstring."""
    if QUOTA in (error_type, code):
        return "billing"
    if code == CONTEXT_LENGTH_CODE:
        return "context_length_exceeded"
    kind = _kind_of(status, error_type, code)
    if kind == "invalid_request" and CONTEXT_LENGTH_WORDING.search(message):
        return "context_length_exceeded"
    return kind


def _kind_of(status: int | None, error_type: str | None, code: str | int | None) -> ir.ErrorKind:
    """The kind by status, type and code alone."""
    if status is not None and status in STATUS_TO_KIND:
        return STATUS_TO_KIND[status]
    type_kind = ERROR_TYPE_TO_KIND.get(cast("OpenAIErrorType", error_type))
    if type_kind is not None and error_type not in GENERIC_ERROR_TYPES:
        return type_kind
    if isinstance(code, str) and code in CODE_TO_KIND:
        return CODE_TO_KIND[code]
    if type_kind is not None:
        return type_kind
    if isinstance(code, int) and code in STATUS_TO_KIND:
        return STATUS_TO_KIND[code]
    numeric = status if status is not None else code if isinstance(code, int) else None
    return "invalid_request" if numeric is not None and 400 <= numeric < 500 else "server_error"


def decode(body: ErrorResponse, status: int | None, path: str, fmt: Format) -> ir.ApiError:
    """An OpenAI error body (and its HTTP status, when known) as an ir error whose leftovers are
    kept under ``fmt``."""
    body = from_wire(ErrorResponse, body, path=path)
    error = body.error
    code = error.code if isinstance(error.code, str) else None
    consumed = {"message"}
    if error.param is not None:
        consumed.add("param")
    if code is not None:
        consumed.add("code")
    if error.type in ERROR_TYPE_TO_KIND:
        consumed.add("type")
    left = leftover(body, {"error"})
    inner = leftover(error, consumed)
    if inner:
        left["error"] = inner
    return ir.ApiError(
        kind=error_kind_of(status, error.type, error.code, error.message),
        message=error.message,
        status=status,
        param=error.param,
        code=code,
        raw_type=error.type,
        path=path,
        extra=MappingProxyType({fmt: MappingProxyType(left)}),  # present even when empty
        field_paths=MappingProxyType(
            {name: json_path(["error", name], path) for name in ("param", "code", "message")}
        ),
    )


def encode(err: ir.ApiError, options: Options, fmt: Format) -> tuple[int, ErrorResponse]:
    """The HTTP status and OpenAI error body ``fmt``'s encoder answers ``err`` with."""
    report_foreign_extra(err, fmt, options)
    error_type, canonical = KIND_TO_ERROR[err.kind]
    own = is_own(err, fmt)
    fields = _own_fields(err, fmt) if own else _foreign_fields(err, error_type)
    if not own and err.code is not None and err.code != fields["code"]:
        options.lose(
            ir.field_path(err, "code"),
            "error.code",
            f"the error code {err.code!r} became {fields['code']!r}, the code clients act on",
        )
    if err.request_id is not None:
        options.lose(
            json_path(["request_id"], err.path),
            "request_id",
            "an OpenAI error body has no request id (it is a response header)",
        )
    own_inner = err.extra.get(fmt, {}).get("error")
    inner = {**(own_inner if isinstance(own_inner, Mapping) else {}), **fields}
    body = build(ErrorResponse, {"error": inner}, err, fmt)
    return error_status(err, fmt, canonical), body


def _own_fields(err: ir.ApiError, fmt: Format) -> dict[str, Any]:
    """The ir fields of an error ``fmt``'s decoder made: what it consumed, nothing more."""
    fields: dict[str, Any] = {"message": err.message}
    known = {"type": err.raw_type, "param": err.param, "code": err.code}
    fields.update({key: value for key, value in known.items() if value is not None})
    return fields


def _foreign_fields(err: ir.ApiError, error_type: OpenAIErrorType) -> dict[str, Any]:
    """All four fields of another format's error, as OpenAI writes them."""
    raw = err.raw_type
    if raw is not None and ERROR_TYPE_TO_KIND.get(cast("OpenAIErrorType", raw)) == err.kind:
        error_type = cast("OpenAIErrorType", raw)
    code = err.code if err.code is not None else KIND_CODE.get(err.kind)
    if err.kind == "context_length_exceeded":
        code = CONTEXT_LENGTH_CODE  # what clients act on, whatever the source called it
    return {"message": err.message, "type": error_type, "param": err.param, "code": code}
