"""``convert_request`` / ``convert_response`` / ``convert_error``: decode the source into the ir,
encode the ir into the target. Every one of the 12 directions (and ``source == target``) is this
same composition; no direction has glue of its own.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from . import ir
from ._restore import ClientTools, restore_response
from .options import Format, Options, check_format, make_options
from .wire import from_wire

__all__ = [
    "Codec",
    "client_tools",
    "codec",
    "convert_error",
    "convert_request",
    "convert_response",
]


@dataclass(frozen=True)
class Codec:
    """One format's wire types and its non-streaming decoder and encoder."""

    request_type: type[BaseModel]
    response_type: type[BaseModel]
    error_type: type[BaseModel]
    decode_request: Callable[..., ir.Request]
    decode_response: Callable[..., ir.Response]
    decode_error: Callable[..., ir.ApiError]
    encode_request: Callable[[ir.Request, Options], BaseModel]
    encode_response: Callable[[ir.Response, Options], BaseModel]
    encode_error: Callable[[ir.ApiError, Options], tuple[int, BaseModel]]


_TYPES: dict[Format, tuple[str, str, str]] = {
    "anthropic": ("MessageCreateParams", "Message", "ErrorResponse"),
    "chat": ("CompletionCreateParams", "ChatCompletion", "ErrorResponse"),
    "responses": ("ResponseCreateParams", "Response", "ErrorResponse"),
    "completions": ("CompletionCreateParams", "Completion", "ErrorResponse"),
}


@cache
def codec(fmt: Format) -> Codec:
    """The codec of ``fmt`` (imported on first use)."""
    package = importlib.import_module(f"{__package__}.{fmt}")
    decode = importlib.import_module(f"{__package__}.{fmt}.decode")
    encode = importlib.import_module(f"{__package__}.{fmt}.encode")
    request_name, response_name, error_name = _TYPES[fmt]
    return Codec(
        request_type=getattr(package, request_name),
        response_type=getattr(package, response_name),
        error_type=getattr(package, error_name),
        decode_request=decode.decode_request,
        decode_response=decode.decode_response,
        decode_error=decode.decode_error,
        encode_request=encode.encode_request,
        encode_response=encode.encode_response,
        encode_error=encode.encode_error,
    )


def _formats(source: object, target: object) -> tuple[Format, Format]:
    return check_format(source, argument="source"), check_format(target, argument="target")


def convert_request(payload: Any, *, source: str, target: str, **options: Any) -> BaseModel:
    """Convert a request body from ``source`` format to ``target`` format."""
    src, tgt = _formats(source, target)
    opts = make_options(**options)
    source_codec = codec(src)
    model = from_wire(source_codec.request_type, payload)
    return codec(tgt).encode_request(source_codec.decode_request(model), opts)


def convert_response(payload: Any, *, source: str, target: str, **options: Any) -> BaseModel:
    """Convert a non-streaming response body from ``source`` format to ``target`` format. Pass
    ``request=`` (the client's original request, in the *target* format) to restore its tool
    calls (shortened names, custom tools sent as function stand-ins: :mod:`._restore`) and echo
    request fields."""
    src, tgt = _formats(source, target)
    opts = make_options(**options)
    source_codec, target_codec = codec(src), codec(tgt)
    model = from_wire(source_codec.response_type, payload)
    response = source_codec.decode_response(model)
    if opts.request is not None:
        response = restore_response(response, client_tools(opts.request, tgt), opts)
    return target_codec.encode_response(response, opts)


def client_tools(request: Any, target: Format) -> ClientTools:
    """The tools of the client's ``request`` (in the ``target`` format), to restore the tool
    calls of the answer from."""
    target_codec = codec(target)
    original = target_codec.decode_request(
        from_wire(target_codec.request_type, request, path="request")
    )
    return ClientTools.of(original)


def convert_error(
    payload: Any, *, source: str, target: str, status: int | None = None, **options: Any
) -> tuple[int, BaseModel]:
    """Convert an error body (and its HTTP ``status``) from ``source`` to ``target``; returns the
    target's ``(status, body)``."""
    src, tgt = _formats(source, target)
    opts = make_options(**options)
    source_codec = codec(src)
    model = from_wire(source_codec.error_type, payload)
    error = source_codec.decode_error(model, status=status)
    return codec(tgt).encode_error(error, opts)
