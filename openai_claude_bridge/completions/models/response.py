"""The legacy Completions response, ``Completion``, which is also the shape of a stream chunk.

Mirrors ``openai.types.completion`` and ``completion_choice``. Lenient where the real API
deviates from the SDK: streamed choices carry ``finish_reason: null`` until their last chunk, and
with ``echo`` the first token's ``token_logprobs`` / ``top_logprobs`` entries are ``null``.
"""

from typing import Literal, Union

from ...chat import CompletionUsage
from ...wire import Number, WireModel

__all__ = ["Completion", "CompletionChoice", "FinishReason", "Logprobs"]

#: Why a completion choice stopped generating.
FinishReason = Literal["stop", "length", "content_filter"]


class Logprobs(WireModel):
    """Log probabilities of a completion choice, one entry per generated token."""

    text_offset: list[int] | None = None
    """The character offset of each token in the text."""
    token_logprobs: list[Number | None] | None = None
    """The log probability of each token (``null`` for the first echoed prompt token)."""
    tokens: list[str] | None = None
    """The tokens."""
    top_logprobs: list[dict[str, Number] | None] | None = None
    """Per position, the most likely tokens and their log probabilities (``null`` for the
    first echoed prompt token)."""


class CompletionChoice(WireModel):
    """One completion choice (or its fragment in a stream chunk)."""

    finish_reason: Union[FinishReason, str] | None
    """Why generation stopped; ``null`` in stream chunks before the last one (the SDK types it
    non-null); unknown reasons are kept as strings."""
    index: int
    """The index of the choice."""
    logprobs: Logprobs | None = None
    """Log probabilities (when requested)."""
    text: str
    """The generated text (a fragment of it in a stream chunk)."""


class Completion(WireModel):
    """A completion response; streamed chunks share this shape."""

    id: str
    """A unique identifier of the completion."""
    choices: list[CompletionChoice]
    """The choices the model generated (empty on a final usage chunk)."""
    created: int
    """Unix seconds of creation."""
    model: str
    """The model used."""
    object: Literal["text_completion"] = "text_completion"
    system_fingerprint: str | None = None
    """The backend configuration fingerprint."""
    usage: CompletionUsage | None = None
    """Token usage."""
