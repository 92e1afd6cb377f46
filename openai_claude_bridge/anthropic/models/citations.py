"""Citations: request-side (``TextCitationParam``) and response-side (``TextCitation``)."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias, Union

from ...wire import OpenUnion, WireModel

__all__ = [
    "CitationCharLocation",
    "CitationCharLocationParam",
    "CitationContentBlockLocation",
    "CitationContentBlockLocationParam",
    "CitationPageLocation",
    "CitationPageLocationParam",
    "CitationSearchResultLocationParam",
    "CitationWebSearchResultLocationParam",
    "CitationsSearchResultLocation",
    "CitationsWebSearchResultLocation",
    "TextCitation",
    "TextCitationParam",
    "UnknownTextCitation",
    "UnknownTextCitationParam",
]


class CitationCharLocationParam(WireModel):
    """Cites a character range of a plain-text document.

    Also accepts the response shape (``CitationCharLocation``), which clients send back in later
    requests.
    """

    type: Literal["char_location"] = "char_location"
    cited_text: str
    document_index: int
    document_title: str | None = None
    end_char_index: int
    start_char_index: int
    file_id: str | None = None


class CitationPageLocationParam(WireModel):
    """Cites a page range of a PDF document.

    Also accepts the response shape (``CitationPageLocation``), which clients send back in later
    requests.
    """

    type: Literal["page_location"] = "page_location"
    cited_text: str
    document_index: int
    document_title: str | None = None
    end_page_number: int
    start_page_number: int
    file_id: str | None = None


class CitationContentBlockLocationParam(WireModel):
    """Cites a block range of a custom-content document.

    Also accepts the response shape (``CitationContentBlockLocation``), which clients send back
    in later requests.
    """

    type: Literal["content_block_location"] = "content_block_location"
    cited_text: str
    """The full text of the cited block range, concatenated."""

    document_index: int
    document_title: str | None = None
    end_block_index: int
    """Exclusive 0-based end index of the cited block range in the source's `content` array."""

    start_block_index: int
    """0-based index of the first cited block in the source's `content` array."""

    file_id: str | None = None


class CitationWebSearchResultLocationParam(WireModel):
    """Cites a web search result.

    Also accepts the response shape (``CitationsWebSearchResultLocation``), which clients send
    back in later requests.
    """

    type: Literal["web_search_result_location"] = "web_search_result_location"
    cited_text: str
    encrypted_index: str
    title: str | None = None
    url: str


class CitationSearchResultLocationParam(WireModel):
    """Cites a ``search_result`` block.

    Also accepts the response shape (``CitationsSearchResultLocation``,
    ``CitationSearchResultLocation``), which clients send back in later requests.
    """

    type: Literal["search_result_location"] = "search_result_location"
    cited_text: str
    """The full text of the cited block range, concatenated."""

    end_block_index: int
    """Exclusive 0-based end index of the cited block range in the source's `content` array."""

    search_result_index: int
    """0-based index of the cited search result among all `search_result` content blocks in the
    request, in the order they appear across messages and tool results.
    """

    source: str
    start_block_index: int
    """0-based index of the first cited block in the source's `content` array."""

    title: str | None = None


class CitationCharLocation(WireModel):
    """Cites a character range of a plain-text document."""

    type: Literal["char_location"] = "char_location"
    cited_text: str
    document_index: int
    document_title: str | None = None
    end_char_index: int
    file_id: str | None = None
    start_char_index: int


class CitationPageLocation(WireModel):
    """Cites a page range of a PDF document."""

    type: Literal["page_location"] = "page_location"
    cited_text: str
    document_index: int
    document_title: str | None = None
    end_page_number: int
    file_id: str | None = None
    start_page_number: int


class CitationContentBlockLocation(WireModel):
    """Cites a block range of a custom-content document."""

    type: Literal["content_block_location"] = "content_block_location"
    cited_text: str
    """The full text of the cited block range, concatenated."""

    document_index: int
    document_title: str | None = None
    end_block_index: int
    """Exclusive 0-based end index of the cited block range in the source's `content` array."""

    file_id: str | None = None
    start_block_index: int
    """0-based index of the first cited block in the source's `content` array."""


class CitationsWebSearchResultLocation(WireModel):
    """Cites a web search result."""

    type: Literal["web_search_result_location"] = "web_search_result_location"
    cited_text: str
    encrypted_index: str
    title: str | None = None
    url: str


class CitationsSearchResultLocation(WireModel):
    """Cites a ``search_result`` block."""

    type: Literal["search_result_location"] = "search_result_location"
    cited_text: str
    """The full text of the cited block range, concatenated."""

    end_block_index: int
    """Exclusive 0-based end index of the cited block range in the source's `content` array."""

    search_result_index: int
    """0-based index of the cited search result among all `search_result` content blocks in the
    request, in the order they appear across messages and tool results.
    """

    source: str
    start_block_index: int
    """0-based index of the first cited block in the source's `content` array."""

    title: str | None = None


class UnknownTextCitationParam(WireModel):
    """Fallback member of ``TextCitationParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


TextCitationParam: TypeAlias = Annotated[
    Union[
        CitationCharLocationParam,
        CitationPageLocationParam,
        CitationContentBlockLocationParam,
        CitationWebSearchResultLocationParam,
        CitationSearchResultLocationParam,
        UnknownTextCitationParam,
    ],
    OpenUnion("type", fallback=UnknownTextCitationParam),
]
"""A citation on a request text block."""


class UnknownTextCitation(WireModel):
    """Fallback member of ``TextCitation``: a ``type`` this package does not know, kept verbatim."""

    type: str


TextCitation: TypeAlias = Annotated[
    Union[
        CitationCharLocation,
        CitationPageLocation,
        CitationContentBlockLocation,
        CitationsWebSearchResultLocation,
        CitationsSearchResultLocation,
        UnknownTextCitation,
    ],
    OpenUnion("type", fallback=UnknownTextCitation),
]
"""A citation on a response text block or in a ``citations_delta``."""
