"""The chat format's mapping tables, each typed by the ``Literal`` aliases it maps between.

* ``finish_reason`` <-> the ir's :data:`~openai_claude_bridge.ir.StopReason`. Chat cannot tell a
  natural stop from a matched stop sequence, so ``stop`` reads as ``end_turn``; on the way out
  ``end_turn`` and ``stop_sequence`` both write ``stop``. ``pause_turn`` and ``error`` have no
  chat finish reason: the encoder reports them lost and writes ``stop`` (the only value that
  ends a turn without claiming a limit, a tool call or a filter), since a ``ChatCompletion``
  cannot say ``null``. An answer without any stop reason gets the one its content says
  (``tool_calls``, ``content_filter`` for a refusal, else ``stop``), reported too.
* Servers that do not keep to chat's five finish reasons (MLX, TGI, Mistral, gateways in front
  of Gemini, Cohere or Anthropic models …) say ``end``, ``eos``, ``tool_call``, ``max_tokens``,
  ``model_length``, ``SAFETY`` …: :data:`FINISH_ALIASES` reads each known one (in any case, as
  chat's own values in another case) as the ir stop reason it means, and
  :func:`read_finish_reason` makes it follow what the choice emitted: an alias of a natural stop
  with tool calls emitted is ``tool_use``, an alias of a tool-call stop without any is
  ``end_turn``. An unknown value stays unread (``None``). On the way back to chat the literal
  value of a chat source is written again (exact round trip, :func:`is_finish_alias`); for
  anyone else the standard value is written.
* vLLM and SGLang name the stop string that matched in a choice's ``stop_reason`` (a string; an
  int is a stop token id, ``null`` the end-of-sequence token) next to ``finish_reason: "stop"``:
  :func:`matched_stop_sequence` reads it, and such a stop is ``stop_sequence`` with that string.

* The token-limit field each ``chat_dialect`` writes for another format's request
  (:data:`MAX_TOKENS_FIELD`): OpenAI's reasoning models refuse ``max_tokens`` (deprecated there
  for ``max_completion_tokens``); the servers of the other dialects (DeepSeek, vLLM, OpenRouter
  …) expect ``max_tokens``.

The error tables are not here: Chat Completions, Responses and legacy Completions share one error
body and one codec, :mod:`openai_claude_bridge._openai_errors`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, cast

from .. import _finish_aliases as finish_aliases
from .._finish_aliases import SERVER_FINISH_REASONS
from ..ir import StopReason
from ..options import ChatDialect
from .models.response import FinishReason

__all__ = [
    "FINISH_ALIASES",
    "FINISH_TO_STOP",
    "MAX_TOKENS_FIELD",
    "STOP_TO_FINISH",
    "is_finish_alias",
    "matched_stop_sequence",
    "read_finish_reason",
    "stop_reason_of",
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

_OWN = cast("Mapping[str, StopReason]", FINISH_TO_STOP)

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

#: Non-standard ``finish_reason`` values of known servers -> the ir stop reason they mean
#: (:data:`.._finish_aliases.SERVER_FINISH_REASONS`).
FINISH_ALIASES: Mapping[str, StopReason] = SERVER_FINISH_REASONS

#: ``chat_dialect`` -> the field another format's token limit is written in.
MAX_TOKENS_FIELD: MappingProxyType[ChatDialect, Literal["max_tokens", "max_completion_tokens"]] = (
    MappingProxyType(
        {
            "openai": "max_completion_tokens",
            "reasoning_content": "max_tokens",
            "openrouter": "max_tokens",
        }
    )
)


def stop_reason_of(finish_reason: str) -> StopReason | None:
    """The ir stop reason of a chat ``finish_reason``; ``None`` for a value chat does not know."""
    return FINISH_TO_STOP.get(cast("FinishReason", finish_reason))


def is_finish_alias(finish_reason: str) -> bool:
    """Whether ``finish_reason`` is a known value other than chat's own spelling of its five:
    one of :data:`FINISH_ALIASES`, or a standard value in another case."""
    return finish_aliases.is_alias(finish_reason, _OWN, FINISH_ALIASES)


def read_finish_reason(finish_reason: str, *, called: bool) -> StopReason | None:
    """The ir stop reason of a ``finish_reason`` from any server (``called``: the choice emitted
    tool calls). Chat's own values read as :data:`FINISH_TO_STOP` says; an alias
    (:data:`FINISH_ALIASES`, or a standard value in another case) as the stop it means,
    following what was emitted: tool calls emitted make a natural stop ``tool_use``, and a
    tool-call stop without any is ``end_turn``. ``None`` for a value nobody is known to send."""
    stop = stop_reason_of(finish_reason)
    if stop is not None:
        return stop
    stop = finish_aliases.read(finish_reason, _OWN, FINISH_ALIASES)
    if stop == "end_turn" and called:
        return "tool_use"
    if stop == "tool_use" and not called:
        return "end_turn"
    return stop


def matched_stop_sequence(finish_reason: str | None, stop_reason: object) -> str | None:
    """The stop string a choice's ``stop_reason`` (vLLM / SGLang) says matched, next to
    ``finish_reason: "stop"``; ``None`` for a token id, ``null`` or any other finish reason."""
    if finish_reason == "stop" and isinstance(stop_reason, str) and stop_reason:
        return stop_reason
    return None
