"""Error bodies: ``ErrorResponse`` and the ``ErrorObject`` union."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias, Union

from ...wire import OpenUnion, WireModel

__all__ = [
    "APIErrorObject",
    "AuthenticationErrorObject",
    "BillingErrorObject",
    "ErrorObject",
    "ErrorResponse",
    "ErrorType",
    "GatewayTimeoutErrorObject",
    "InvalidRequestErrorObject",
    "NotFoundErrorObject",
    "OverloadedErrorObject",
    "PermissionErrorObject",
    "RateLimitErrorObject",
    "RequestTooLargeErrorObject",
    "UnknownErrorObject",
]


ErrorType: TypeAlias = Literal[
    "invalid_request_error",
    "authentication_error",
    "billing_error",
    "permission_error",
    "not_found_error",
    "rate_limit_error",
    "timeout_error",
    "api_error",
    "overloaded_error",
    "request_too_large",
    "memory_precondition_failed_error",
    "memory_path_conflict_error",
    "conflict_error",
]
"""Error ``type`` values (``request_too_large`` is sent by the API for HTTP 413 but is not in the
SDK's union).
"""


class InvalidRequestErrorObject(WireModel):
    """An error of type ``invalid_request_error``."""

    type: Literal["invalid_request_error"] = "invalid_request_error"
    message: str
    """A human-readable explanation of the error."""


class AuthenticationErrorObject(WireModel):
    """An error of type ``authentication_error``."""

    type: Literal["authentication_error"] = "authentication_error"
    message: str
    """A human-readable explanation of the error."""


class BillingErrorObject(WireModel):
    """An error of type ``billing_error``."""

    type: Literal["billing_error"] = "billing_error"
    message: str
    """A human-readable explanation of the error."""


class PermissionErrorObject(WireModel):
    """An error of type ``permission_error``."""

    type: Literal["permission_error"] = "permission_error"
    message: str
    """A human-readable explanation of the error."""


class NotFoundErrorObject(WireModel):
    """An error of type ``not_found_error``."""

    type: Literal["not_found_error"] = "not_found_error"
    message: str
    """A human-readable explanation of the error."""


class RateLimitErrorObject(WireModel):
    """An error of type ``rate_limit_error``."""

    type: Literal["rate_limit_error"] = "rate_limit_error"
    message: str
    """A human-readable explanation of the error."""


class GatewayTimeoutErrorObject(WireModel):
    """An error of type ``timeout_error``."""

    type: Literal["timeout_error"] = "timeout_error"
    message: str
    """A human-readable explanation of the error."""


class APIErrorObject(WireModel):
    """An error of type ``api_error``."""

    type: Literal["api_error"] = "api_error"
    message: str
    """A human-readable explanation of the error."""


class OverloadedErrorObject(WireModel):
    """An error of type ``overloaded_error``."""

    type: Literal["overloaded_error"] = "overloaded_error"
    message: str
    """A human-readable explanation of the error."""


class RequestTooLargeErrorObject(WireModel):
    """An error of type ``request_too_large`` (HTTP 413; sent by the API, absent from the SDK's
    union).
    """

    type: Literal["request_too_large"] = "request_too_large"
    message: str


class UnknownErrorObject(WireModel):
    """Fallback member of ``ErrorObject``: a ``type`` this package does not know, kept verbatim."""

    type: str


ErrorObject: TypeAlias = Annotated[
    Union[
        InvalidRequestErrorObject,
        AuthenticationErrorObject,
        BillingErrorObject,
        PermissionErrorObject,
        NotFoundErrorObject,
        RateLimitErrorObject,
        GatewayTimeoutErrorObject,
        APIErrorObject,
        OverloadedErrorObject,
        RequestTooLargeErrorObject,
        UnknownErrorObject,
    ],
    OpenUnion("type", fallback=UnknownErrorObject),
]
"""The ``error`` of an error body, by ``type``."""


class ErrorResponse(WireModel):
    """An error body, as sent with a non-2xx HTTP status."""

    type: Literal["error"] = "error"
    error: ErrorObject
    """What went wrong."""

    request_id: str | None = None
