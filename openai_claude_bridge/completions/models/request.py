"""The legacy Completions create request, ``POST /v1/completions``.

Mirrors ``openai.types.completion_create_params``; one model covers the streaming and the
non-streaming variant (``stream`` is ``true`` / ``false`` / ``null`` / absent).
"""

from typing import Union

from ...chat import ChatCompletionStreamOptionsParam
from ...wire import Number, WireModel

__all__ = ["CompletionCreateParams", "Prompt"]

#: A prompt: text, several texts, token ids, or several token id lists (``null``: an empty
#: document).
Prompt = Union[str, list[str], list[int], list[list[int]]]


class CompletionCreateParams(WireModel):
    """A legacy Completions create request (streaming or not)."""

    model: str
    """The model id, e.g. ``gpt-3.5-turbo-instruct``."""
    prompt: Prompt | None
    """The prompt(s) (required; ``null`` generates from the start of a new document)."""
    best_of: int | None = None
    """Generate this many candidates server-side and return the best ``n`` (no streaming)."""
    echo: bool | None = None
    """Echo back the prompt in addition to the completion."""
    frequency_penalty: Number | None = None
    """Penalty for tokens by their frequency so far, -2.0 to 2.0."""
    logit_bias: dict[str, int] | None = None
    """Token id (as a string) to a bias from -100 to 100."""
    logprobs: int | None = None
    """Return the log probabilities of this many most likely tokens per position (max 5)."""
    max_tokens: int | None = None
    """The maximum number of tokens to generate."""
    n: int | None = None
    """How many completions to generate per prompt."""
    presence_penalty: Number | None = None
    """Penalty for tokens that appeared so far, -2.0 to 2.0."""
    seed: int | None = None
    """Best-effort deterministic sampling seed."""
    stop: str | list[str] | None = None
    """Up to 4 stop sequences."""
    stream: bool | None = None
    """Whether to stream partial progress as server-sent events."""
    stream_options: ChatCompletionStreamOptionsParam | None = None
    """Options of a streamed answer."""
    suffix: str | None = None
    """The text that follows the completion (insertion; ``gpt-3.5-turbo-instruct`` only)."""
    temperature: Number | None = None
    """Sampling temperature, 0 to 2."""
    top_p: Number | None = None
    """Nucleus sampling probability mass."""
    user: str | None = None
    """An end-user identifier for abuse monitoring."""
