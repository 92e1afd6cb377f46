"""The mapping tables of legacy Completions: finish reasons.

Each table is typed by the ``Literal`` aliases it maps between, and a test checks that it covers
every value of them. Error bodies are the OpenAI ``{"error": {...}}`` object Chat Completions and
Responses send too: one codec and one set of tables serve all three
(:mod:`openai_claude_bridge._openai_errors`).

**Finish reasons.** ``stop`` is a natural stop *or* a matched stop sequence (Completions does not
say which, so it decodes to ``end_turn``); ``length`` is ``max_tokens``; ``content_filter`` is
``refusal``. On the way out the stop reasons in :data:`APPROXIMATE_STOPS` are reported as a loss
as chat does: ``tool_use`` (the tool calls themselves are dropped), ``pause_turn`` and ``error``
(a failed answer) become ``stop`` — the only value that ends a choice without claiming a limit
or a filter; the SDK's ``CompletionChoice`` has no ``null`` finish reason.

**Other servers' finish reasons.** vLLM, llama.cpp, TGI, MLX and the like may say ``eos``,
``end``, ``max_tokens``, ``model_length`` … instead: :data:`FINISH_ALIASES` reads each known one
(in any case, as this format's own values in another case) as the stop it means
(:func:`read_finish_reason`). A completion calls no tools, so a tool-call spelling is a natural
stop. The literal value stays in ``raw_stop_reason``; a Completions source gets it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import cast

from .. import _finish_aliases as finish_aliases
from .._finish_aliases import SERVER_FINISH_REASONS
from ..ir import StopReason
from .models import FinishReason

__all__ = [
    "APPROXIMATE_STOPS",
    "FINISH_ALIASES",
    "FINISH_STOP",
    "STOP_FINISH",
    "is_finish_alias",
    "read_finish_reason",
]

FINISH_STOP: Mapping[FinishReason, StopReason] = MappingProxyType(
    {"stop": "end_turn", "length": "max_tokens", "content_filter": "refusal"}
)
"""Completions ``finish_reason`` -> ir stop reason."""

_OWN = cast("Mapping[str, StopReason]", FINISH_STOP)

STOP_FINISH: Mapping[StopReason, FinishReason] = MappingProxyType(
    {
        "end_turn": "stop",
        "stop_sequence": "stop",
        "max_tokens": "length",
        "tool_use": "stop",
        "refusal": "content_filter",
        "pause_turn": "stop",
        "context_window_exceeded": "length",
        "error": "stop",
    }
)
"""ir stop reason -> Completions ``finish_reason``."""

APPROXIMATE_STOPS: frozenset[StopReason] = frozenset({"tool_use", "pause_turn", "error"})
"""Stop reasons Completions cannot say; their :data:`STOP_FINISH` entry is reported lost."""

FINISH_ALIASES: Mapping[str, StopReason] = MappingProxyType(
    {
        **{
            spelling: "end_turn" if stop == "tool_use" else stop
            for spelling, stop in SERVER_FINISH_REASONS.items()
        },
        "tool_calls": "end_turn",
        "function_call": "end_turn",
    }
)
"""Non-standard ``finish_reason`` values (lower case; read in any case) -> ir stop reason: the
spellings of other servers (:data:`.._finish_aliases.SERVER_FINISH_REASONS`) and chat's own
tool-call values — a completion calls no tools, so a tool-call stop is a natural one."""


def is_finish_alias(finish_reason: str) -> bool:
    """Whether ``finish_reason`` is a known value other than this format's own spelling of its
    three: one of :data:`FINISH_ALIASES`, or a standard value in another case."""
    return finish_aliases.is_alias(finish_reason, _OWN, FINISH_ALIASES)


def read_finish_reason(finish_reason: str) -> StopReason | None:
    """The ir stop reason of a ``finish_reason`` from any server: :data:`FINISH_STOP` for this
    format's own values, :data:`FINISH_ALIASES` (any case) for the others known; ``None`` for a
    value nobody is known to send."""
    return finish_aliases.read(finish_reason, _OWN, FINISH_ALIASES)
