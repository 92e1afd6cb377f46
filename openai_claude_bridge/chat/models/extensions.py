"""Provider extensions of Chat Completions that are not in the official API.

OpenAI-compatible servers report the model's reasoning in fields the official API lacks:

* ``reasoning_content: str`` - DeepSeek, Qwen, vLLM, SGLang, Kimi, GLM, ...
* ``reasoning: str`` - OpenRouter's plain-text reasoning.
* ``reasoning_details: list[ReasoningDetail]`` - OpenRouter's structured reasoning, which carries
  signatures and encrypted reasoning (so signed thinking survives a round trip).

They are declared as optional fields on ``ChatCompletionAssistantMessageParam``,
``ChatCompletionMessage`` and ``ChoiceDelta``.

Prompt-cache hints have a dialect too: OpenRouter (and the coding tools that target it) marks a
content part with Anthropic's own ``cache_control: {"type": "ephemeral", "ttl"?: "5m" | "1h"}``
where the official API says ``prompt_cache_breakpoint``. :class:`CacheControlEphemeral` is that
object; it is an optional ``cache_control`` field on the text, image, input-audio and file parts.

Mistral answers with ``content`` as a list of chunks rather than a string, in messages and in
stream deltas alike: :class:`TextChunk` (``{"type": "text", "text": ...}``) and, from its
reasoning models, :class:`ThinkChunk` (``{"type": "thinking", "thinking": [<text chunks>]}``);
:data:`ContentChunk` is one of them (an unknown chunk type parses into
:class:`UnknownContentChunk`). ``ChatCompletionMessage.content`` and ``ChoiceDelta.content`` accept
such a list.

The official SDK knows none of these: payloads using them are accepted here but are not valid for
the official API.
"""

from typing import Annotated, Literal, Union

from ...wire import OpenUnion, WireModel

__all__ = [
    "CacheControlEphemeral",
    "CacheControlTTL",
    "ContentChunk",
    "ReasoningDetail",
    "ReasoningDetailEncrypted",
    "ReasoningDetailSummary",
    "ReasoningDetailText",
    "TextChunk",
    "ThinkChunk",
    "UnknownContentChunk",
    "UnknownReasoningDetail",
]


#: Lifetimes an anthropic-style ``cache_control`` may ask for (OpenRouter, Anthropic).
CacheControlTTL = Literal["5m", "1h"]


class CacheControlEphemeral(WireModel):
    """An anthropic-style prompt-cache breakpoint on a content part (OpenRouter's dialect of
    OpenAI's ``prompt_cache_breakpoint``; provider extension)."""

    type: Literal["ephemeral"]
    """The breakpoint type; always ``ephemeral``."""
    ttl: CacheControlTTL | None = None
    """How long the cached prefix lives: ``5m`` (the default) or ``1h``."""


class ReasoningDetailSummary(WireModel):
    """OpenRouter reasoning detail: a summary of the model's reasoning (provider extension)."""

    type: Literal["reasoning.summary"] = "reasoning.summary"
    summary: str
    """The summary text."""
    id: str | None = None
    """The provider's id of the reasoning item this detail belongs to."""
    format: str | None = None
    """The provider format the detail came from, e.g. ``openai-responses-v1``."""
    index: int | None = None
    """The position of this detail among the message's details (streams merge by it)."""


class ReasoningDetailEncrypted(WireModel):
    """OpenRouter reasoning detail: encrypted or redacted reasoning (provider extension)."""

    type: Literal["reasoning.encrypted"] = "reasoning.encrypted"
    data: str
    """The opaque encrypted payload, sent back unchanged."""
    id: str | None = None
    """The provider's id of the reasoning item this detail belongs to."""
    format: str | None = None
    """The provider format the detail came from, e.g. ``anthropic-claude-v1``."""
    index: int | None = None
    """The position of this detail among the message's details (streams merge by it)."""


class ReasoningDetailText(WireModel):
    """OpenRouter reasoning detail: reasoning text, possibly signed (provider extension).

    Stream fragments may carry only the text or only the signature, so both are optional.
    """

    type: Literal["reasoning.text"] = "reasoning.text"
    text: str | None = None
    """The reasoning text."""
    signature: str | None = None
    """The provider's signature over the reasoning text (e.g. an Anthropic thinking signature)."""
    id: str | None = None
    """The provider's id of the reasoning item this detail belongs to."""
    format: str | None = None
    """The provider format the detail came from, e.g. ``anthropic-claude-v1``."""
    index: int | None = None
    """The position of this detail among the message's details (streams merge by it)."""


class UnknownReasoningDetail(WireModel):
    """A reasoning detail of a type this package does not know; dumped back unchanged."""

    type: str


#: One entry of OpenRouter's ``reasoning_details``, by ``type`` (provider extension).
ReasoningDetail = Annotated[
    Union[
        ReasoningDetailSummary,
        ReasoningDetailEncrypted,
        ReasoningDetailText,
        UnknownReasoningDetail,
    ],
    OpenUnion("type", fallback=UnknownReasoningDetail),
]


class TextChunk(WireModel):
    """Mistral content chunk: a piece of the answer's text (provider extension)."""

    type: Literal["text"] = "text"
    text: str
    """The text."""


class UnknownContentChunk(WireModel):
    """A Mistral content chunk of a type this package does not know (``reference``,
    ``image_url`` …); dumped back unchanged."""

    type: str


class ThinkChunk(WireModel):
    """Mistral content chunk: the model's reasoning (provider extension, Magistral models)."""

    type: Literal["thinking"] = "thinking"
    thinking: "list[ContentChunk]"
    """The reasoning, as text chunks (and reference chunks)."""
    closed: bool | None = None
    """Whether the reasoning is complete."""


#: One chunk of a Mistral ``content`` list, by ``type`` (provider extension).
ContentChunk = Annotated[
    Union[TextChunk, ThinkChunk, UnknownContentChunk],
    OpenUnion("type", fallback=UnknownContentChunk),
]
ThinkChunk.model_rebuild()
