"""Mapping tables between the Responses API's vocabularies and the ir's.

* Stop reasons: a Responses answer has no stop reason, only a ``status`` and, for ``incomplete``,
  ``incomplete_details.reason``. :data:`INCOMPLETE_STOP` reads the reason as an ir
  :data:`~openai_claude_bridge.ir.StopReason`; a ``completed`` response stopped with ``tool_use``
  when it emitted a function or custom tool call and with ``end_turn`` otherwise; a ``failed``
  one with ``error``. :data:`STOP_STATUS` is the way back; :data:`STOP_APPROXIMATED` lists the
  ir stop reasons the Responses API cannot state exactly (reported as a loss).
* Errors: the Responses API answers with the OpenAI error body Chat Completions and Completions
  send too; its tables and codec are shared (:mod:`openai_claude_bridge._openai_errors`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, TypeAlias

from ..ir import StopReason
from .models.response import IncompleteReason

__all__ = [
    "INCOMPLETE_STOP",
    "STOP_APPROXIMATED",
    "STOP_STATUS",
    "FinalStatus",
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
