"""Definitions of the web search and web fetch server tools."""

from __future__ import annotations

from typing import Annotated, Literal, TypeAlias, Union

from ...wire import OpenUnion, WireModel
from .common import (
    CitationsConfigParam,
    ServerToolCommonFields,
)

__all__ = [
    "UnknownWebFetchURLSourceParam",
    "UnknownWebFetchURLSourceUserInputParam",
    "UserLocationParam",
    "WebFetchTool20250910Param",
    "WebFetchTool20260209Param",
    "WebFetchTool20260309Param",
    "WebFetchTool20260318Param",
    "WebFetchURLSourceAllParam",
    "WebFetchURLSourceExceptParam",
    "WebFetchURLSourceNoneParam",
    "WebFetchURLSourceOnlyParam",
    "WebFetchURLSourceParam",
    "WebFetchURLSourceToolReferenceParam",
    "WebFetchURLSourceUserInputParam",
    "WebFetchURLSourcesParam",
    "WebSearchTool20250305Param",
    "WebSearchTool20260209Param",
    "WebSearchTool20260318Param",
]


class UserLocationParam(WireModel):
    """The user's approximate location, to localise web search."""

    type: Literal["approximate"] = "approximate"
    city: str | None = None
    """The city of the user."""

    country: str | None = None
    """The two letter ISO country code of the user."""

    region: str | None = None
    """The region of the user."""

    timezone: str | None = None
    """The IANA timezone of the user."""


class WebSearchTool20250305Param(ServerToolCommonFields):
    """Web search server tool, version ``web_search_20250305``."""

    type: Literal["web_search_20250305"] = "web_search_20250305"
    name: Literal["web_search"] = "web_search"
    """Name of the tool."""

    allowed_domains: list[str] | None = None
    """If provided, only these domains will be included in results."""

    blocked_domains: list[str] | None = None
    """If provided, these domains will never appear in results."""

    max_uses: int | None = None
    """Maximum number of times the tool can be used in the API request."""

    user_location: UserLocationParam | None = None
    """Parameters for the user's location."""


class WebSearchTool20260209Param(ServerToolCommonFields):
    """Web search server tool, version ``web_search_20260209``."""

    type: Literal["web_search_20260209"] = "web_search_20260209"
    name: Literal["web_search"] = "web_search"
    """Name of the tool."""

    allowed_domains: list[str] | None = None
    """If provided, only these domains will be included in results."""

    blocked_domains: list[str] | None = None
    """If provided, these domains will never appear in results."""

    max_uses: int | None = None
    """Maximum number of times the tool can be used in the API request."""

    user_location: UserLocationParam | None = None
    """Parameters for the user's location."""


class WebSearchTool20260318Param(ServerToolCommonFields):
    """Web search server tool, version ``web_search_20260318``."""

    type: Literal["web_search_20260318"] = "web_search_20260318"
    name: Literal["web_search"] = "web_search"
    """Name of the tool."""

    allowed_domains: list[str] | None = None
    """If provided, only these domains will be included in results."""

    blocked_domains: list[str] | None = None
    """If provided, these domains will never appear in results."""

    max_uses: int | None = None
    """Maximum number of times the tool can be used in the API request."""

    response_inclusion: Literal["excluded", "full"] | None = None
    """How this tool's result blocks appear in the API response when the result was consumed by a
    completed code_execution call in the same turn.
    """

    user_location: UserLocationParam | None = None
    """Parameters for the user's location."""


class WebFetchURLSourceAllParam(WireModel):
    """Any URL from this source may be fetched."""

    type: Literal["all"] = "all"


class WebFetchURLSourceNoneParam(WireModel):
    """No URL from this source may be fetched."""

    type: Literal["none"] = "none"


class WebFetchURLSourceToolReferenceParam(WireModel):
    """Names a tool whose results are a URL source."""

    type: Literal["tool_reference"] = "tool_reference"
    name: str


class WebFetchURLSourceOnlyParam(WireModel):
    """Only URLs from the results of these tools may be fetched."""

    type: Literal["only"] = "only"
    tools: list[WebFetchURLSourceToolReferenceParam]


class WebFetchURLSourceExceptParam(WireModel):
    """URLs from the results of any tool but these may be fetched."""

    type: Literal["except"] = "except"
    tools: list[WebFetchURLSourceToolReferenceParam]


class UnknownWebFetchURLSourceParam(WireModel):
    """Fallback member of ``WebFetchURLSourceParam``: a ``type`` this package does not know, kept
    verbatim.
    """

    type: str


WebFetchURLSourceParam: TypeAlias = Annotated[
    Union[
        WebFetchURLSourceAllParam,
        WebFetchURLSourceNoneParam,
        WebFetchURLSourceOnlyParam,
        WebFetchURLSourceExceptParam,
        UnknownWebFetchURLSourceParam,
    ],
    OpenUnion("type", fallback=UnknownWebFetchURLSourceParam),
]
"""Which tool results may supply URLs to fetch."""


class UnknownWebFetchURLSourceUserInputParam(WireModel):
    """Fallback member of ``WebFetchURLSourceUserInputParam``: a ``type`` this package does not
    know, kept verbatim.
    """

    type: str


WebFetchURLSourceUserInputParam: TypeAlias = Annotated[
    Union[
        WebFetchURLSourceAllParam,
        WebFetchURLSourceNoneParam,
        UnknownWebFetchURLSourceUserInputParam,
    ],
    OpenUnion("type", fallback=UnknownWebFetchURLSourceUserInputParam),
]
"""Whether URLs in user input may be fetched."""


class WebFetchURLSourcesParam(WireModel):
    """Where the URLs that web fetch may open can come from."""

    client_tool_results: WebFetchURLSourceParam | None = None
    """Which client tools' results contribute fetchable URLs: "all", "none", or an only or except
    list of client tool names from tools[].
    """

    server_tool_results: WebFetchURLSourceParam | None = None
    """Which server tools' results contribute fetchable URLs: "all", "none", or an only or except
    list of server tool names from tools[]; only web_search and web_fetch results ever
    contribute.
    """

    user_input: WebFetchURLSourceUserInputParam | None = None
    """Whether URLs in user messages are fetchable: "all" or "none"."""


class WebFetchTool20250910Param(ServerToolCommonFields):
    """Web fetch server tool, version ``web_fetch_20250910``."""

    type: Literal["web_fetch_20250910"] = "web_fetch_20250910"
    name: Literal["web_fetch"] = "web_fetch"
    """Name of the tool."""

    allowed_domains: list[str] | None = None
    """List of domains to allow fetching from"""

    blocked_domains: list[str] | None = None
    """List of domains to block fetching from"""

    citations: CitationsConfigParam | None = None
    """Citations configuration for fetched documents."""

    max_content_tokens: int | None = None
    """Maximum number of tokens used by including web page text content in the context."""

    max_uses: int | None = None
    """Maximum number of times the tool can be used in the API request."""

    url_sources: WebFetchURLSourcesParam | None = None
    """Which sources contribute to the set of URLs the tool may fetch."""


class WebFetchTool20260209Param(ServerToolCommonFields):
    """Web fetch server tool, version ``web_fetch_20260209``."""

    type: Literal["web_fetch_20260209"] = "web_fetch_20260209"
    name: Literal["web_fetch"] = "web_fetch"
    """Name of the tool."""

    allowed_domains: list[str] | None = None
    """List of domains to allow fetching from"""

    blocked_domains: list[str] | None = None
    """List of domains to block fetching from"""

    citations: CitationsConfigParam | None = None
    """Citations configuration for fetched documents."""

    max_content_tokens: int | None = None
    """Maximum number of tokens used by including web page text content in the context."""

    max_uses: int | None = None
    """Maximum number of times the tool can be used in the API request."""

    url_sources: WebFetchURLSourcesParam | None = None
    """Which sources contribute to the set of URLs the tool may fetch."""


class WebFetchTool20260309Param(ServerToolCommonFields):
    """Web fetch server tool, version ``web_fetch_20260309``."""

    type: Literal["web_fetch_20260309"] = "web_fetch_20260309"
    name: Literal["web_fetch"] = "web_fetch"
    """Name of the tool."""

    allowed_domains: list[str] | None = None
    """List of domains to allow fetching from"""

    blocked_domains: list[str] | None = None
    """List of domains to block fetching from"""

    citations: CitationsConfigParam | None = None
    """Citations configuration for fetched documents."""

    max_content_tokens: int | None = None
    """Maximum number of tokens used by including web page text content in the context."""

    max_uses: int | None = None
    """Maximum number of times the tool can be used in the API request."""

    url_sources: WebFetchURLSourcesParam | None = None
    """Which sources contribute to the set of URLs the tool may fetch."""

    use_cache: bool | None = None
    """Whether to use cached content."""


class WebFetchTool20260318Param(ServerToolCommonFields):
    """Web fetch server tool, version ``web_fetch_20260318``."""

    type: Literal["web_fetch_20260318"] = "web_fetch_20260318"
    name: Literal["web_fetch"] = "web_fetch"
    """Name of the tool."""

    allowed_domains: list[str] | None = None
    """List of domains to allow fetching from"""

    blocked_domains: list[str] | None = None
    """List of domains to block fetching from"""

    citations: CitationsConfigParam | None = None
    """Citations configuration for fetched documents."""

    max_content_tokens: int | None = None
    """Maximum number of tokens used by including web page text content in the context."""

    max_uses: int | None = None
    """Maximum number of times the tool can be used in the API request."""

    response_inclusion: Literal["excluded", "full"] | None = None
    """How this tool's result blocks appear in the API response when the result was consumed by a
    completed code_execution call in the same turn.
    """

    url_sources: WebFetchURLSourcesParam | None = None
    """Which sources contribute to the set of URLs the tool may fetch."""

    use_cache: bool | None = None
    """Whether to use cached content."""
