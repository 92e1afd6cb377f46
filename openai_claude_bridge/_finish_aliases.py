"""The finish reasons servers say beyond the official ones, shared by the chat and Completions
decoders.

OpenAI-compatible servers do not all keep to OpenAI's finish reasons: MLX and small servers say
``end``, ``eos``, ``tool_call``; TGI ``eos_token`` and ``stop_sequence``; Mistral ``model_length``
(the context is full) and ``error``; vLLM / SGLang ``abort``; Cohere-style gateways ``complete``,
``max_tokens``, ``tool_call``, ``error_toxic``; Gemini-style ``max_tokens``, ``safety``,
``recitation``, ``blocklist``, ``prohibited_content``, ``spii``; Anthropic-style ``end_turn``,
``stop_sequence``, ``max_tokens``, ``tool_use``, ``refusal``. :data:`SERVER_FINISH_REASONS` says
the ir stop reason each one means (lower case; read in any case). A matched stop sequence whose
string is not said reads as ``end_turn``, as OpenAI's own ``stop`` does.

:func:`read` reads a value against a format's own table first (its own spelling, then in another
case), then this one; :func:`is_alias` tells a value other than the format's own spelling, which
a same-format client gets back as it came.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .ir import StopReason

__all__ = ["SERVER_FINISH_REASONS", "is_alias", "read"]

SERVER_FINISH_REASONS: Mapping[str, StopReason] = MappingProxyType(
    {
        "end": "end_turn",
        "eos": "end_turn",
        "eos_token": "end_turn",
        "eot": "end_turn",
        "end_of_turn": "end_turn",
        "end_turn": "end_turn",
        "stop_sequence": "end_turn",
        "complete": "end_turn",
        "max_tokens": "max_tokens",
        "max_length": "max_tokens",
        "max_output_tokens": "max_tokens",
        "model_length": "context_window_exceeded",
        "tool_call": "tool_use",
        "tool_use": "tool_use",
        "refusal": "refusal",
        "safety": "refusal",
        "recitation": "refusal",
        "blocklist": "refusal",
        "prohibited_content": "refusal",
        "spii": "refusal",
        "error_toxic": "refusal",
        "error": "error",
        "abort": "error",
    }
)


def read(
    finish_reason: str, own: Mapping[str, StopReason], aliases: Mapping[str, StopReason]
) -> StopReason | None:
    """The ir stop reason of ``finish_reason``: the format's ``own`` table (its spelling, then in
    another case), else ``aliases`` (any case); ``None`` for a value nobody is known to send."""
    lowered = finish_reason.lower()
    return own.get(finish_reason) or own.get(lowered) or aliases.get(lowered)


def is_alias(
    finish_reason: str, own: Mapping[str, StopReason], aliases: Mapping[str, StopReason]
) -> bool:
    """Whether ``finish_reason`` is a known value other than the format's own spelling of its
    own values: one of ``aliases``, or an own value in another case."""
    if finish_reason in own:
        return False
    lowered = finish_reason.lower()
    return lowered in aliases or lowered in own
