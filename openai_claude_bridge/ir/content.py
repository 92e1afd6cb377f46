"""Content parts: the ordered pieces of a message, a tool result or a response candidate.

One neutral part per kind of content the formats share — text, image, document/file, audio, tool
call, tool result, reasoning, refusal — and :class:`NativePart` for a block only one format has
(server-tool use and results, container uploads, compaction, unknown future blocks), carried as
that format's wire JSON and restored only to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias, Union

from ..options import Format
from .base import EMPTY_EXTRA, Extra, Node

__all__ = [
    "AudioPart",
    "CacheHint",
    "Citation",
    "CitationKind",
    "DocumentPart",
    "ImagePart",
    "MediaSource",
    "NativePart",
    "Part",
    "ReasoningPart",
    "RefusalPart",
    "TextPart",
    "TokenLogprob",
    "ToolCallKind",
    "ToolCallPart",
    "ToolResultPart",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class CacheHint(Node):
    """A prompt-cache breakpoint: the prompt up to the end of the part (or tool) carrying it is a
    prefix worth caching. Anthropic ``cache_control``, OpenAI ``prompt_cache_breakpoint``, and the
    anthropic-style ``cache_control`` OpenRouter takes on chat content parts."""

    ttl: str | None = None
    """The lifetime as the source said it: ``"5m"`` / ``"1h"`` (anthropic, OpenRouter) or
    ``"30m"`` / ``"12h"`` (OpenAI); ``None`` when the source gave none. A target that cannot say
    it reports the ttl lost and keeps the breakpoint."""


#: Where a citation points: anthropic's location kinds (characters, pages, content blocks,
#: search results, web search results) and OpenAI's annotation kinds (a URL, a file, a container
#: file, a file path).
CitationKind: TypeAlias = Literal[
    "char_location",
    "page_location",
    "content_block_location",
    "search_result_location",
    "web_search_result_location",
    "url",
    "file",
    "container_file",
    "file_path",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation(Node):
    """A citation / annotation attached to text.

    ``web_search_result_location`` (anthropic) and ``url`` (OpenAI ``url_citation``) are the pair
    that maps across formats; document locations are anthropic's own, file annotations OpenAI's.
    """

    kind: CitationKind
    cited_text: str | None = None
    url: str | None = None
    title: str | None = None
    document_index: int | None = None
    document_title: str | None = None
    file_id: str | None = None
    start: int | None = None
    """Start index: a character, page or block index by ``kind`` (OpenAI: ``start_index``)."""
    end: int | None = None
    """End index, as ``start``."""
    encrypted_index: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TokenLogprob(Node):
    """One sampled token's log probability, with the alternatives the source reported."""

    token: str
    logprob: float
    bytes: tuple[int, ...] | None = None
    top: tuple[TokenLogprob, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TextPart(Node):
    """Plain text."""

    text: str
    cache: CacheHint | None = None
    citations: tuple[Citation, ...] | None = None
    """``None`` when the source carried no citations field at all."""
    logprobs: tuple[TokenLogprob, ...] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MediaSource(Node):
    """Where the bytes of an image, document or file are."""

    kind: Literal["base64", "url", "file", "text", "content"]
    media_type: str | None = None
    """MIME type (``image/png``, ``application/pdf``, ``text/plain``)."""
    data: str | None = None
    """Base64 data (``kind="base64"``) or the plain text (``kind="text"``)."""
    url: str | None = None
    file_id: str | None = None
    filename: str | None = None
    parts: tuple[Part, ...] = ()
    """The blocks of a custom-content document (``kind="content"``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ImagePart(Node):
    """An image."""

    source: MediaSource
    detail: str | None = None
    """OpenAI's ``detail`` (``auto``/``low``/``high``/``original``)."""
    cache: CacheHint | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentPart(Node):
    """A document or file: PDF, plain text, custom content, or any file by id/URL."""

    source: MediaSource
    title: str | None = None
    context: str | None = None
    citations_enabled: bool | None = None
    cache: CacheHint | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AudioPart(Node):
    """Input audio (base64) with its format (``wav``, ``mp3``)."""

    data: str
    format: str


#: A call of a function tool (JSON arguments) or of a custom tool (free text).
ToolCallKind: TypeAlias = Literal["function", "custom"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolCallPart(Node):
    """A call of a client-side tool: a function (JSON arguments) or a custom tool (free text)."""

    call_id: str
    name: str
    arguments: str
    """The arguments exactly as the source had them: JSON text for functions (anthropic's ``input``
    object is serialised compactly), the raw input text for custom tools."""
    kind: ToolCallKind = "function"
    item_id: str | None = None
    """The Responses item id (``fc_…``), distinct from ``call_id``."""
    status: str | None = None
    cache: CacheHint | None = None
    call_state: Extra = field(default_factory=lambda: EMPTY_EXTRA)
    """Opaque state the server that made the call needs back with it on the next turn: wire
    fields of the call, keyed by that server's format (Gemini's chat ``extra_content``:
    ``{"chat": {"extra_content": {"google": {"thought_signature": …}}}}``).

    Unlike ``extra`` it is not a loss for a client: an encoder writing a response or stream for
    a client of another format carries it in the call id (:mod:`.._call_id_carrier`), whose
    decoder restores it; the encoder of its own format writes the fields back onto the call; a
    request encoder of another format (writing for a provider) reports it lost."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ToolResultPart(Node):
    """The result of a tool call, for the model."""

    call_id: str
    content: tuple[Part, ...] = ()
    """Ordered result content: text, images, documents (anthropic and Responses allow them)."""
    text_form: bool = False
    """The source sent the result as one plain string rather than a list of parts."""
    is_error: bool | None = None
    kind: ToolCallKind = "function"
    item_id: str | None = None
    status: str | None = None
    cache: CacheHint | None = None
    call_state: Extra = field(default_factory=lambda: EMPTY_EXTRA)
    """The ``call_state`` of the call this result answers, when the client's id carried it (see
    :attr:`ToolCallPart.call_state`): kept only so that the result's id is written exactly as its
    call's; never written anywhere else, never reported."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ReasoningPart(Node):
    """Model reasoning, never flattened: anthropic ``thinking`` (text + signature) and
    ``redacted_thinking`` (data), Responses ``reasoning`` items (summary, content, encrypted
    content, id), chat dialect fields (``reasoning_content`` / ``reasoning_details``)."""

    text: str | None = None
    """The reasoning text (anthropic ``thinking``, chat ``reasoning_content``)."""
    content: tuple[str, ...] = ()
    """Responses ``reasoning_text`` parts."""
    summary: tuple[str, ...] = ()
    """Responses ``summary_text`` parts (OpenRouter ``reasoning.summary``)."""
    signature: str | None = None
    """Anthropic's signature over ``text``; only ever copied, never made up."""
    redacted_data: str | None = None
    """Anthropic ``redacted_thinking.data``."""
    encrypted_content: str | None = None
    """Responses ``encrypted_content`` (OpenRouter ``reasoning.encrypted``)."""
    item_id: str | None = None
    status: str | None = None
    origin: Format | None = None
    """The API whose server made this reasoning: set by the decoder that read it from that API's
    payload (``"anthropic"`` thinking, a ``"responses"`` reasoning item, a ``"chat"`` server's
    dialect field) and restored by the bridge's carriers; ``None`` when unknown (built in code).
    Opaque reasoning state goes back only to the server that made it: a Responses request carries
    a reasoning item only when ``origin == "responses"``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RefusalPart(Node):
    """The model declined (OpenAI ``refusal``)."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NativePart(Node):
    """A block only one format has, kept as that format's wire JSON (server tool use and results,
    container uploads, compaction, MCP items, unknown future blocks)."""

    format: Format
    kind: str
    """The wire ``type`` tag."""
    data: dict[str, Any]
    """The whole wire object."""


#: Any part of a message's content: one neutral part per kind of content the formats share, and
#: :class:`NativePart` for a block only one format has.
Part: TypeAlias = Union[
    TextPart,
    ImagePart,
    DocumentPart,
    AudioPart,
    ToolCallPart,
    ToolResultPart,
    ReasoningPart,
    RefusalPart,
    NativePart,
]
