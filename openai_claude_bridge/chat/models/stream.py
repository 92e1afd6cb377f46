"""Streamed Chat Completions chunks, ``ChatCompletionChunk`` (one per SSE ``data:`` frame).

Mirrors ``openai.types.chat.chat_completion_chunk``. The stream ends with ``data: [DONE]`` (an
SSE-level sentinel, not a chunk). With ``stream_options.include_usage`` the last chunk has
``choices: []`` and ``usage``. A mid-stream error arrives as an ``{"error": {...}}`` frame
(:class:`~.errors.ErrorResponse`).

Lenient where OpenAI-compatible servers deviate: every delta field may be ``null``, tool call
fragments may lack ``function.arguments`` or repeat ``id``/``name``, ``type`` may be another
string than ``function``, ``index`` may be absent (Mistral); the reasoning provider extensions
and Mistral's ``content`` chunks are accepted on the delta; the chunk's ``object`` may be another
string (Azure's preamble, Perplexity's last chunk).
"""

from typing import Literal, Union

from ...wire import WireModel
from .extensions import ContentChunk, ReasoningDetail
from .moderation import Moderation
from .response import ChoiceLogprobs, FinishReason
from .shared import ServiceTier
from .usage import CompletionUsage

__all__ = [
    "ChatCompletionChunk",
    "ChoiceDelta",
    "ChoiceDeltaAudio",
    "ChoiceDeltaFunctionCall",
    "ChoiceDeltaRole",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChunkChoice",
]

#: Roles a delta may announce.
ChoiceDeltaRole = Literal["developer", "system", "user", "assistant", "tool"]


class ChoiceDeltaAudio(WireModel):
    """A fragment of an audio answer: id, base64 data, transcript text, or the final expiry."""

    id: str | None = None
    """The id of the audio response."""
    data: str | None = None
    """Base64 audio bytes."""
    expires_at: int | None = None
    """Unix seconds after which the audio can no longer be referenced (last update only)."""
    transcript: str | None = None
    """Transcript text of this fragment."""


class ChoiceDeltaFunctionCall(WireModel):
    """A fragment of a deprecated ``function_call``."""

    arguments: str | None = None
    """A fragment of the JSON arguments text."""
    name: str | None = None
    """The function name (first fragment)."""


class ChoiceDeltaToolCallFunction(WireModel):
    """The function part of a tool call fragment."""

    arguments: str | None = None
    """A fragment of the JSON arguments text (may be absent, e.g. on the first fragment)."""
    name: str | None = None
    """The function name (first fragment; some servers repeat it)."""


class ChoiceDeltaToolCall(WireModel):
    """A fragment of a tool call; fragments of one call share ``index``.

    The SDK marks ``index`` required; Mistral leaves it out (each of its calls comes whole, with
    its ``id``), so it is optional here.
    """

    index: int | None = None
    """The position of the tool call in the message (some servers use 0 for every call; Mistral
    sends none)."""
    id: str | None = None
    """The id of the tool call (first fragment; some servers repeat it)."""
    function: ChoiceDeltaToolCallFunction | None = None
    type: Union[Literal["function"], str] | None = None
    """``function`` (first fragment); other strings are kept for forward compatibility."""


class ChoiceDelta(WireModel):
    """What one chunk adds to a choice's message.

    ``reasoning_content``, ``reasoning`` and ``reasoning_details`` are provider extensions
    (DeepSeek/Qwen/vLLM/..., OpenRouter) the official API does not send.
    """

    audio: ChoiceDeltaAudio | None = None
    """A fragment of the audio answer."""
    content: Union[str, list[ContentChunk], None] = None
    """A fragment of the message text; Mistral sends a list of text and thinking chunks
    (provider extension, see :mod:`.extensions`)."""
    function_call: ChoiceDeltaFunctionCall | None = None
    """Deprecated, replaced by ``tool_calls``."""
    refusal: str | None = None
    """A fragment of the refusal text."""
    role: ChoiceDeltaRole | None = None
    """The author role (first chunk)."""
    tool_calls: list[ChoiceDeltaToolCall] | None = None
    """Tool call fragments."""
    reasoning_content: str | None = None
    """Provider extension (DeepSeek, Qwen, vLLM, SGLang, Kimi, GLM): a reasoning fragment."""
    reasoning: str | None = None
    """Provider extension (OpenRouter): a reasoning fragment."""
    reasoning_details: list[ReasoningDetail] | None = None
    """Provider extension (OpenRouter): structured reasoning fragments."""


class ChunkChoice(WireModel):
    """One choice of a chunk (SDK: ``chat_completion_chunk.Choice``)."""

    delta: ChoiceDelta
    index: int
    """The index of the choice."""
    finish_reason: Union[FinishReason, str] | None = None
    """Why generation stopped (``null`` until the choice's last chunk); unknown reasons are
    kept as strings."""
    logprobs: ChoiceLogprobs | None = None
    """Log probabilities of this chunk's tokens (when requested)."""
    stop_reason: Union[str, int, None] = None
    """vLLM / SGLang dialect (not in the OpenAI SDK), on the chunk that carries the
    ``finish_reason``: the stop string that matched (a string), the stop token id (an int), or
    ``null``."""


class ChatCompletionChunk(WireModel):
    """One streamed chunk of a chat completion."""

    id: str
    """The completion id, the same on every chunk."""
    choices: list[ChunkChoice]
    """Choice fragments; empty on the final usage chunk."""
    created: int
    """Unix seconds of creation, the same on every chunk."""
    model: str
    """The model used."""
    object: Union[Literal["chat.completion.chunk"], str] = "chat.completion.chunk"
    """``chat.completion.chunk``. Other strings are read too: Azure's prompt-filter preamble
    chunk sends ``""`` (with an empty ``id`` and ``model`` and no choices), Perplexity's last
    chunk ``chat.completion.done``."""
    moderation: Moderation | None = None
    """Moderation results (on the moderation chunk of moderated completions)."""
    obfuscation: str | None = None
    """Random padding normalising chunk sizes (unless ``include_obfuscation`` is false)."""
    service_tier: Union[ServiceTier, str] | None = None
    """The service tier actually used."""
    system_fingerprint: str | None = None
    """The backend configuration fingerprint."""
    usage: CompletionUsage | None = None
    """Token usage: ``null`` on every chunk but the last when ``include_usage`` is set."""
