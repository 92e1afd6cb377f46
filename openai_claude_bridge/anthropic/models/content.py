"""Request content blocks: text, images, documents, search results, thinking, tool use and
tool results.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias, Union

from ...wire import OpenUnion, WireModel
from .citations import (
    TextCitationParam,
)
from .common import (
    CacheControlEphemeralParam,
    CitationsConfigParam,
    ToolUseCallerParam,
)

__all__ = [
    "Base64ImageSourceParam",
    "Base64PDFSourceParam",
    "BrowserStateBlockParam",
    "BrowserStateChangeDownloadCompletedParam",
    "BrowserStateChangeDownloadFailedParam",
    "BrowserStateChangeDownloadStartedParam",
    "BrowserStateChangeParam",
    "BrowserStateChangeTabOpenedParam",
    "BrowserStateTabEntryParam",
    "ContainerUploadBlockParam",
    "ContentBlockSourceContentParam",
    "ContentBlockSourceParam",
    "DocumentBlockParam",
    "DocumentBlockSourceParam",
    "FileDocumentSourceParam",
    "FileImageSourceParam",
    "ImageBlockParam",
    "ImageBlockSourceParam",
    "ImageMediaType",
    "ImageTransformationsParam",
    "PlainTextSourceParam",
    "RedactedThinkingBlockParam",
    "SearchResultBlockParam",
    "TextBlockParam",
    "ThinkingBlockParam",
    "ToolReferenceBlockParam",
    "ToolResultBlockParam",
    "ToolResultContentBlockParam",
    "ToolUseBlockParam",
    "URLImageSourceParam",
    "URLPDFSourceParam",
    "UnknownBrowserStateChangeParam",
    "UnknownContentBlockSourceContentParam",
    "UnknownDocumentBlockSourceParam",
    "UnknownImageBlockSourceParam",
    "UnknownToolResultContentBlockParam",
]


ImageMediaType: TypeAlias = Literal["image/jpeg", "image/png", "image/gif", "image/webp"]
"""Media types of base64 images."""


class TextBlockParam(WireModel):
    """A text content block.

    Also accepts the response shape (``TextBlock``), which clients send back in later requests.
    """

    type: Literal["text"] = "text"
    text: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    citations: list[TextCitationParam] | None = None
    """Citations supporting the text block."""


class Base64ImageSourceParam(WireModel):
    """An image given inline as base64 data."""

    type: Literal["base64"] = "base64"
    data: str
    media_type: ImageMediaType


class URLImageSourceParam(WireModel):
    """An image given by URL."""

    type: Literal["url"] = "url"
    url: str


class FileImageSourceParam(WireModel):
    """An image uploaded with the Files API."""

    type: Literal["file"] = "file"
    file_id: str


class ImageTransformationsParam(WireModel):
    """What the server may do to an image before the model sees it."""

    oversized_image: Literal["downsize", "error"] | None = None
    """What the server does when this image exceeds the model's maximum image size."""


class Base64PDFSourceParam(WireModel):
    """A PDF given inline as base64 data.

    Also accepts the response shape (``Base64PDFSource``), which clients send back in later
    requests.
    """

    type: Literal["base64"] = "base64"
    data: str
    media_type: Literal["application/pdf"] = "application/pdf"


class PlainTextSourceParam(WireModel):
    """A plain-text document given inline.

    Also accepts the response shape (``PlainTextSource``), which clients send back in later
    requests.
    """

    type: Literal["text"] = "text"
    data: str
    media_type: Literal["text/plain"] = "text/plain"


class URLPDFSourceParam(WireModel):
    """A PDF given by URL."""

    type: Literal["url"] = "url"
    url: str


class FileDocumentSourceParam(WireModel):
    """A document uploaded with the Files API."""

    type: Literal["file"] = "file"
    file_id: str


class SearchResultBlockParam(WireModel):
    """A search result the client supplies, citable by the model."""

    type: Literal["search_result"] = "search_result"
    content: list[TextBlockParam]
    source: str
    title: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    citations: CitationsConfigParam | None = None


class ThinkingBlockParam(WireModel):
    """A signed thinking block sent back to the model.

    Also accepts the response shape (``ThinkingBlock``), which clients send back in later
    requests.
    """

    type: Literal["thinking"] = "thinking"
    thinking: str
    """The `thinking` text of this block as returned by the API."""

    signature: str
    """The `signature` value of this thinking block, exactly as returned by the API in a previous
    response.
    """


class RedactedThinkingBlockParam(WireModel):
    """An encrypted thinking block sent back to the model.

    Also accepts the response shape (``RedactedThinkingBlock``), which clients send back in
    later requests.
    """

    type: Literal["redacted_thinking"] = "redacted_thinking"
    data: str
    """The `data` value of this redacted thinking block, exactly as returned by the API in a
    previous response.
    """


class ToolUseBlockParam(WireModel):
    """A client tool call by the model, sent back in the conversation.

    Also accepts the response shape (``ToolUseBlock``), which clients send back in later
    requests.
    """

    type: Literal["tool_use"] = "tool_use"
    id: str
    name: str
    input: dict[str, Any]
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    caller: ToolUseCallerParam | None = None
    toolset_name: str | None = None
    """For a toolset member tool_use, the toolset family this member belongs to."""


class ToolReferenceBlockParam(WireModel):
    """A reference to a deferred tool, loading its definition.

    Also accepts the response shape (``ToolReferenceBlock``), which clients send back in later
    requests.
    """

    type: Literal["tool_reference"] = "tool_reference"
    tool_name: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""


class BrowserStateTabEntryParam(WireModel):
    """One open browser tab."""

    tab_id: str
    """The caller-assigned identifier for this tab, unique within the inventory."""

    title: str
    """The title of the page the tab is showing."""

    url: str
    """The URL of the page the tab is showing."""

    active: bool | None = None
    """Whether this tab is the active tab after this call."""


class BrowserStateChangeTabOpenedParam(WireModel):
    """A tab was opened."""

    type: Literal["tab_opened"] = "tab_opened"
    tab_id: str
    """The `tab_id` of the opened tab, present in `tabs`."""


class BrowserStateChangeDownloadStartedParam(WireModel):
    """A download started."""

    type: Literal["download_started"] = "download_started"
    download_id: str
    """The caller-assigned identifier for this download, stable across the state changes
    reporting it.
    """

    url: str
    """The final post-redirect URL the download was served from."""


class BrowserStateChangeDownloadCompletedParam(WireModel):
    """A download completed."""

    type: Literal["download_completed"] = "download_completed"
    download_id: str
    """The caller-assigned identifier for this download, stable across the state changes
    reporting it.
    """

    url: str
    """The final post-redirect URL the download was served from."""

    path: str | None = None
    """Where the executor saved the file, on the executor's filesystem."""

    size_bytes: int | None = None
    """The completed download's size."""


class BrowserStateChangeDownloadFailedParam(WireModel):
    """A download failed."""

    type: Literal["download_failed"] = "download_failed"
    download_id: str
    """The caller-assigned identifier for this download, stable across the state changes
    reporting it.
    """

    url: str
    """The final post-redirect URL the download was served from."""

    error: str | None = None
    """The failure or cancellation detail, when known."""


class ContainerUploadBlockParam(WireModel):
    """A file to upload into the code-execution container.

    Also accepts the response shape (``ContainerUploadBlock``), which clients send back in later
    requests.
    """

    type: Literal["container_upload"] = "container_upload"
    file_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""


class UnknownImageBlockSourceParam(WireModel):
    """Fallback member of ``ImageBlockSourceParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


ImageBlockSourceParam: TypeAlias = Annotated[
    Union[
        Base64ImageSourceParam,
        URLImageSourceParam,
        FileImageSourceParam,
        UnknownImageBlockSourceParam,
    ],
    OpenUnion("type", fallback=UnknownImageBlockSourceParam),
]
"""Where an image comes from."""


class ImageBlockParam(WireModel):
    """An image content block."""

    type: Literal["image"] = "image"
    source: ImageBlockSourceParam
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    transformations: ImageTransformationsParam | None = None
    """Configures the transformations the server applies to this image before the model observes
    it.
    """


class UnknownContentBlockSourceContentParam(WireModel):
    """Fallback member of ``ContentBlockSourceContentParam``: a ``type`` this package does not
    know, kept verbatim.
    """

    type: str


ContentBlockSourceContentParam: TypeAlias = Annotated[
    Union[
        TextBlockParam,
        ImageBlockParam,
        UnknownContentBlockSourceContentParam,
    ],
    OpenUnion("type", fallback=UnknownContentBlockSourceContentParam),
]
"""A block of a custom-content document."""


class ContentBlockSourceParam(WireModel):
    """A document made of custom content blocks."""

    type: Literal["content"] = "content"
    content: str | list[ContentBlockSourceContentParam]


class UnknownDocumentBlockSourceParam(WireModel):
    """Fallback member of ``DocumentBlockSourceParam``: a ``type`` this package does not know,
    kept verbatim.
    """

    type: str


DocumentBlockSourceParam: TypeAlias = Annotated[
    Union[
        Base64PDFSourceParam,
        PlainTextSourceParam,
        ContentBlockSourceParam,
        URLPDFSourceParam,
        FileDocumentSourceParam,
        UnknownDocumentBlockSourceParam,
    ],
    OpenUnion("type", fallback=UnknownDocumentBlockSourceParam),
]
"""Where a document comes from."""


class DocumentBlockParam(WireModel):
    """A document content block (PDF, plain text or custom content).

    Also accepts the response shape (``DocumentBlock``), which clients send back in later
    requests.
    """

    type: Literal["document"] = "document"
    source: DocumentBlockSourceParam
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    citations: CitationsConfigParam | None = None
    """Citation configuration for the document"""

    context: str | None = None
    title: str | None = None
    """The title of the document"""


class UnknownBrowserStateChangeParam(WireModel):
    """Fallback member of ``BrowserStateChangeParam``: a ``type`` this package does not know,
    kept verbatim.
    """

    type: str


BrowserStateChangeParam: TypeAlias = Annotated[
    Union[
        BrowserStateChangeTabOpenedParam,
        BrowserStateChangeDownloadStartedParam,
        BrowserStateChangeDownloadCompletedParam,
        BrowserStateChangeDownloadFailedParam,
        UnknownBrowserStateChangeParam,
    ],
    OpenUnion("type", fallback=UnknownBrowserStateChangeParam),
]
"""A change of browser state since the last tool call."""


class BrowserStateBlockParam(WireModel):
    """The browser state reported in a browser-toolset tool result."""

    type: Literal["browser_state"] = "browser_state"
    tabs: list[BrowserStateTabEntryParam]
    """All tabs open in the browser after this call — the full inventory, not a delta."""

    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    state_changes: list[BrowserStateChangeParam] | None = None
    """Tabs opened and download state changes during this call."""


class UnknownToolResultContentBlockParam(WireModel):
    """Fallback member of ``ToolResultContentBlockParam``: a ``type`` this package does not know,
    kept verbatim.
    """

    type: str


ToolResultContentBlockParam: TypeAlias = Annotated[
    Union[
        TextBlockParam,
        ImageBlockParam,
        SearchResultBlockParam,
        DocumentBlockParam,
        ToolReferenceBlockParam,
        BrowserStateBlockParam,
        UnknownToolResultContentBlockParam,
    ],
    OpenUnion("type", fallback=UnknownToolResultContentBlockParam),
]
"""A block inside a ``tool_result``."""


class ToolResultBlockParam(WireModel):
    """The result of a client tool call."""

    type: Literal["tool_result"] = "tool_result"
    tool_use_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    content: str | list[ToolResultContentBlockParam] | None = None
    is_error: bool | None = None
    toolset_name: str | None = None
    """For a toolset member tool_result, the toolset family of the paired tool_use."""
