"""A model response in neutral form: candidates, stop reasons, usage, status."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeAlias

from .base import Node
from .content import Part

__all__ = ["Candidate", "Response", "ResponseStatus", "StopReason", "Usage"]

#: The ir's own stop vocabulary; each format maps its values onto it with a table.
StopReason: TypeAlias = Literal[
    "end_turn",
    "stop_sequence",
    "max_tokens",
    "tool_use",
    "refusal",
    "pause_turn",
    "context_window_exceeded",
    "error",
]


#: Where a response stands (the Responses API's statuses; other formats are ``completed``).
ResponseStatus: TypeAlias = Literal["completed", "incomplete", "failed", "in_progress"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Usage(Node):
    """Token counts; every field is either known or ``None``, never defaulted to 0.

    ``input_tokens`` *includes* cached tokens (the OpenAI convention); anthropic's own
    ``input_tokens`` is the uncached remainder, ``input_tokens - cache_read - cache_write``.
    """

    input_tokens: int | None = None
    output_tokens: int | None = None
    cache_read_tokens: int | None = None
    cache_write_tokens: int | None = None
    reasoning_tokens: int | None = None
    total_tokens: int | None = None
    web_search_requests: int | None = None
    service_tier: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate(Node):
    """One generated answer (chat ``choices[i]``; other formats have exactly one)."""

    index: int = 0
    parts: tuple[Part, ...] = ()
    stop_reason: StopReason | None = None
    """``None`` while the answer is unfinished or the source did not say."""
    stop_sequence: str | None = None
    """The matched stop sequence, where the source knows it."""
    raw_stop_reason: str | None = None
    """What the source said, literally (``"length"``, ``"max_output_tokens"``, …)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Response(Node):
    """A model response."""

    id: str | None = None
    model: str | None = None
    created: int | None = None
    candidates: tuple[Candidate, ...] = ()
    usage: Usage | None = None
    status: ResponseStatus | None = None
    """The Responses API status (others are ``completed`` once they answer)."""
    error_message: str | None = None
    """The failure of a ``failed`` response."""
