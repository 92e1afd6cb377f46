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
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..ir import StopReason
from .models import FinishReason

__all__ = ["APPROXIMATE_STOPS", "FINISH_STOP", "STOP_FINISH"]

FINISH_STOP: Mapping[FinishReason, StopReason] = MappingProxyType(
    {"stop": "end_turn", "length": "max_tokens", "content_filter": "refusal"}
)
"""Completions ``finish_reason`` -> ir stop reason."""

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
