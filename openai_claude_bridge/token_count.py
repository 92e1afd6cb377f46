"""Token counting: anthropic ``POST /v1/messages/count_tokens`` ⇄ Responses
``POST /v1/responses/input_tokens``, requests and responses.

A count request is the input side of a model request, so it converts through the same ir: it is
read as its format's full request (anthropic: with a placeholder ``max_tokens``, which a count
request does not have), encoded as the other format's full request, and cut down to the fields
the target's count endpoint takes. Fields the full request carries only because the encoder
needs them (``max_tokens``, ``stream``) are not part of a count and are neither kept nor
reported. The counts themselves are one number on both sides.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Literal

from pydantic import BaseModel

from . import ir
from .anthropic import MessageCountTokensParams, MessageCreateParams, MessageTokensCount
from .convert import codec
from .options import Options, check_format, make_options
from .responses import InputTokenCountParams, InputTokenCountResponse, ResponseCreateParams
from .wire import from_wire, to_wire

__all__ = ["convert_token_count_request", "convert_token_count_response"]

CountFormat = Literal["anthropic", "responses"]

#: Big enough that the anthropic encoder never lowers a thinking budget to fit it.
_PLACEHOLDER_MAX_TOKENS = 1 << 30


def _count_format(name: object, argument: str) -> CountFormat:
    fmt = check_format(name, argument=argument)
    if fmt not in ("anthropic", "responses"):
        raise ValueError(
            f"{argument} {fmt!r} has no token-counting endpoint; use 'anthropic' or 'responses'"
        )
    return fmt


def _decode(payload: Any, source: CountFormat) -> ir.Request:
    if source == "anthropic":
        count = from_wire(MessageCountTokensParams, payload)
        full = from_wire(
            MessageCreateParams, {**to_wire(count), "max_tokens": _PLACEHOLDER_MAX_TOKENS}
        )
        decoded = codec("anthropic").decode_request(full)
        return dataclasses.replace(decoded, max_tokens=None, max_tokens_field=None)
    # The count request's fields are a subset of the full request's (``personality`` rides
    # along as an unknown field, which the decoder keeps in ``extra``).
    count_params = from_wire(InputTokenCountParams, payload)
    return codec("responses").decode_request(from_wire(ResponseCreateParams, to_wire(count_params)))


def _encode(request: ir.Request, target: CountFormat, options: Options) -> BaseModel:
    if target == "anthropic":
        request = dataclasses.replace(request, max_tokens=_PLACEHOLDER_MAX_TOKENS)
        full = to_wire(codec("anthropic").encode_request(request, options))
        keep = MessageCountTokensParams.model_fields
        return from_wire(MessageCountTokensParams, {k: v for k, v in full.items() if k in keep})
    full = to_wire(codec("responses").encode_request(request, options))
    keep = InputTokenCountParams.model_fields
    return from_wire(InputTokenCountParams, {k: v for k, v in full.items() if k in keep})


def convert_token_count_request(
    payload: Any, *, source: str, target: str, **options: Any
) -> BaseModel:
    """Convert a count request: anthropic ``MessageCountTokensParams`` ⇄ Responses
    ``InputTokenCountParams`` (``source == target`` returns an equal payload)."""
    src = _count_format(source, "source")
    tgt = _count_format(target, "target")
    return _encode(_decode(payload, src), tgt, make_options(**options))


def convert_token_count_response(
    payload: Any, *, source: str, target: str, **options: Any
) -> BaseModel:
    """Convert a count: anthropic ``{"input_tokens": N}`` ⇄ Responses
    ``{"object": "response.input_tokens", "input_tokens": N}``."""
    src = _count_format(source, "source")
    tgt = _count_format(target, "target")
    opts = make_options(**options)
    if src == tgt:
        tp = MessageTokensCount if src == "anthropic" else InputTokenCountResponse
        return from_wire(tp, payload)
    if src == "anthropic":
        anthropic_count = from_wire(MessageTokensCount, payload)
        if anthropic_count.context_management is not None:
            opts.lose(
                "context_management",
                "context_management",
                "a Responses token count has no context-management report",
            )
        return InputTokenCountResponse(input_tokens=anthropic_count.input_tokens)
    responses_count = from_wire(InputTokenCountResponse, payload)
    return MessageTokensCount(input_tokens=responses_count.input_tokens)
