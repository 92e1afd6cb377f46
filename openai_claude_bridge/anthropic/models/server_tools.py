"""Request-side server-tool blocks: ``server_tool_use`` and the results of web search, web fetch,
code execution, bash, the text editor and tool search.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias, Union

from ...wire import OpenUnion, WireModel
from .common import (
    CacheControlEphemeralParam,
    ToolUseCallerParam,
)
from .content import (
    DocumentBlockParam,
    ToolReferenceBlockParam,
)

__all__ = [
    "BashCodeExecutionOutputBlockParam",
    "BashCodeExecutionResultBlockParam",
    "BashCodeExecutionToolResultBlockParam",
    "BashCodeExecutionToolResultContentParam",
    "BashCodeExecutionToolResultErrorCode",
    "BashCodeExecutionToolResultErrorParam",
    "CodeExecutionOutputBlockParam",
    "CodeExecutionResultBlockParam",
    "CodeExecutionToolResultBlockParam",
    "CodeExecutionToolResultBlockParamContentParam",
    "CodeExecutionToolResultErrorCode",
    "CodeExecutionToolResultErrorParam",
    "EncryptedCodeExecutionResultBlockParam",
    "ServerToolName",
    "ServerToolUseBlockParam",
    "TextEditorCodeExecutionCreateResultBlockParam",
    "TextEditorCodeExecutionStrReplaceResultBlockParam",
    "TextEditorCodeExecutionToolResultBlockParam",
    "TextEditorCodeExecutionToolResultContentParam",
    "TextEditorCodeExecutionToolResultErrorCode",
    "TextEditorCodeExecutionToolResultErrorParam",
    "TextEditorCodeExecutionViewResultBlockParam",
    "TextEditorFileType",
    "ToolSearchToolResultBlockParam",
    "ToolSearchToolResultContentParam",
    "ToolSearchToolResultErrorCode",
    "ToolSearchToolResultErrorParam",
    "ToolSearchToolSearchResultBlockParam",
    "UnknownBashCodeExecutionToolResultContentParam",
    "UnknownCodeExecutionToolResultBlockParamContentParam",
    "UnknownTextEditorCodeExecutionToolResultContentParam",
    "UnknownToolSearchToolResultContentParam",
    "UnknownWebFetchToolResultContentParam",
    "WebFetchBlockParam",
    "WebFetchToolResultBlockParam",
    "WebFetchToolResultContentParam",
    "WebFetchToolResultErrorBlockParam",
    "WebFetchToolResultErrorCode",
    "WebSearchResultBlockParam",
    "WebSearchToolRequestErrorObjectParam",
    "WebSearchToolResultBlockParam",
    "WebSearchToolResultErrorCode",
]


ServerToolName: TypeAlias = Literal[
    "advisor",
    "web_search",
    "web_fetch",
    "code_execution",
    "bash_code_execution",
    "text_editor_code_execution",
    "tool_search_tool_regex",
    "tool_search_tool_bm25",
]
"""Names of Anthropic-run server tools in ``server_tool_use`` blocks (``advisor`` is beta)."""


WebSearchToolResultErrorCode: TypeAlias = Literal[
    "invalid_tool_input",
    "unavailable",
    "max_uses_exceeded",
    "too_many_requests",
    "query_too_long",
    "request_too_large",
]
"""Why a web search failed."""


WebFetchToolResultErrorCode: TypeAlias = Literal[
    "invalid_tool_input",
    "url_too_long",
    "url_not_allowed",
    "url_not_in_prior_context",
    "url_not_accessible",
    "unsupported_content_type",
    "too_many_requests",
    "max_uses_exceeded",
    "unavailable",
    "content_too_large",
]
"""Why a web fetch failed."""


CodeExecutionToolResultErrorCode: TypeAlias = Literal[
    "invalid_tool_input",
    "unavailable",
    "too_many_requests",
    "execution_time_exceeded",
]
"""Why a code execution failed."""


BashCodeExecutionToolResultErrorCode: TypeAlias = Literal[
    "invalid_tool_input",
    "unavailable",
    "too_many_requests",
    "execution_time_exceeded",
    "output_file_too_large",
]
"""Why a bash code execution failed."""


TextEditorCodeExecutionToolResultErrorCode: TypeAlias = Literal[
    "invalid_tool_input",
    "unavailable",
    "too_many_requests",
    "execution_time_exceeded",
    "file_not_found",
]
"""Why a text-editor code execution failed."""


ToolSearchToolResultErrorCode: TypeAlias = Literal[
    "invalid_tool_input",
    "unavailable",
    "too_many_requests",
    "execution_time_exceeded",
]
"""Why a tool search failed."""


TextEditorFileType: TypeAlias = Literal["text", "image", "pdf"]
"""Kinds of file the code-execution text editor views."""


class ServerToolUseBlockParam(WireModel):
    """A call of an Anthropic-run server tool, sent back in the conversation.

    Also accepts the response shape (``ServerToolUseBlock``), which clients send back in later
    requests.
    """

    type: Literal["server_tool_use"] = "server_tool_use"
    id: str
    name: ServerToolName
    input: dict[str, Any]
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    caller: ToolUseCallerParam | None = None


class WebSearchResultBlockParam(WireModel):
    """One web search hit.

    Also accepts the response shape (``WebSearchResultBlock``), which clients send back in later
    requests.
    """

    type: Literal["web_search_result"] = "web_search_result"
    encrypted_content: str
    title: str
    url: str
    page_age: str | None = None


class WebSearchToolRequestErrorObjectParam(WireModel):
    """A failed web search.

    Also accepts the response shape (``WebSearchToolResultErrorObject``), which clients send
    back in later requests.
    """

    type: Literal["web_search_tool_result_error"] = "web_search_tool_result_error"
    error_code: WebSearchToolResultErrorCode


class WebSearchToolResultBlockParam(WireModel):
    """The result of a ``web_search`` server tool call.

    Also accepts the response shape (``WebSearchToolResultBlock``), which clients send back in
    later requests.
    """

    type: Literal["web_search_tool_result"] = "web_search_tool_result"
    content: list[WebSearchResultBlockParam] | WebSearchToolRequestErrorObjectParam
    tool_use_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    caller: ToolUseCallerParam | None = None


class WebFetchToolResultErrorBlockParam(WireModel):
    """A failed web fetch.

    Also accepts the response shape (``WebFetchToolResultErrorBlock``), which clients send back
    in later requests.
    """

    type: Literal["web_fetch_tool_result_error"] = "web_fetch_tool_result_error"
    error_code: WebFetchToolResultErrorCode


class WebFetchBlockParam(WireModel):
    """A fetched web page.

    Also accepts the response shape (``WebFetchBlock``), which clients send back in later
    requests.
    """

    type: Literal["web_fetch_result"] = "web_fetch_result"
    content: DocumentBlockParam
    url: str
    """Fetched content URL"""

    retrieved_at: str | None = None
    """ISO 8601 timestamp when the content was retrieved"""


class CodeExecutionToolResultErrorParam(WireModel):
    """A failed code execution.

    Also accepts the response shape (``CodeExecutionToolResultErrorObject``), which clients send
    back in later requests.
    """

    type: Literal["code_execution_tool_result_error"] = "code_execution_tool_result_error"
    error_code: CodeExecutionToolResultErrorCode


class CodeExecutionOutputBlockParam(WireModel):
    """A file the code wrote.

    Also accepts the response shape (``CodeExecutionOutputBlock``), which clients send back in
    later requests.
    """

    type: Literal["code_execution_output"] = "code_execution_output"
    file_id: str


class CodeExecutionResultBlockParam(WireModel):
    """A finished code execution.

    Also accepts the response shape (``CodeExecutionResultBlock``), which clients send back in
    later requests.
    """

    type: Literal["code_execution_result"] = "code_execution_result"
    content: list[CodeExecutionOutputBlockParam]
    return_code: int
    stderr: str
    stdout: str


class EncryptedCodeExecutionResultBlockParam(WireModel):
    """A finished code execution whose stdout is encrypted.

    Also accepts the response shape (``EncryptedCodeExecutionResultBlock``), which clients send
    back in later requests.
    """

    type: Literal["encrypted_code_execution_result"] = "encrypted_code_execution_result"
    content: list[CodeExecutionOutputBlockParam]
    encrypted_stdout: str
    return_code: int
    stderr: str


class BashCodeExecutionToolResultErrorParam(WireModel):
    """A failed bash command.

    Also accepts the response shape (``BashCodeExecutionToolResultErrorObject``), which clients
    send back in later requests.
    """

    type: Literal["bash_code_execution_tool_result_error"] = "bash_code_execution_tool_result_error"
    error_code: BashCodeExecutionToolResultErrorCode


class BashCodeExecutionOutputBlockParam(WireModel):
    """A file the command wrote.

    Also accepts the response shape (``BashCodeExecutionOutputBlock``), which clients send back
    in later requests.
    """

    type: Literal["bash_code_execution_output"] = "bash_code_execution_output"
    file_id: str


class BashCodeExecutionResultBlockParam(WireModel):
    """A finished bash command.

    Also accepts the response shape (``BashCodeExecutionResultBlock``), which clients send back
    in later requests.
    """

    type: Literal["bash_code_execution_result"] = "bash_code_execution_result"
    content: list[BashCodeExecutionOutputBlockParam]
    return_code: int
    stderr: str
    stdout: str


class TextEditorCodeExecutionToolResultErrorParam(WireModel):
    """A failed text-editor command.

    Also accepts the response shape (``TextEditorCodeExecutionToolResultErrorObject``), which
    clients send back in later requests.
    """

    type: Literal["text_editor_code_execution_tool_result_error"] = (
        "text_editor_code_execution_tool_result_error"
    )
    error_code: TextEditorCodeExecutionToolResultErrorCode
    error_message: str | None = None


class TextEditorCodeExecutionViewResultBlockParam(WireModel):
    """A viewed file.

    Also accepts the response shape (``TextEditorCodeExecutionViewResultBlock``), which clients
    send back in later requests.
    """

    type: Literal["text_editor_code_execution_view_result"] = (
        "text_editor_code_execution_view_result"
    )
    content: str
    file_type: TextEditorFileType
    num_lines: int | None = None
    start_line: int | None = None
    total_lines: int | None = None


class TextEditorCodeExecutionCreateResultBlockParam(WireModel):
    """A created or overwritten file.

    Also accepts the response shape (``TextEditorCodeExecutionCreateResultBlock``), which
    clients send back in later requests.
    """

    type: Literal["text_editor_code_execution_create_result"] = (
        "text_editor_code_execution_create_result"
    )
    is_file_update: bool


class TextEditorCodeExecutionStrReplaceResultBlockParam(WireModel):
    """A string replacement in a file.

    Also accepts the response shape (``TextEditorCodeExecutionStrReplaceResultBlock``), which
    clients send back in later requests.
    """

    type: Literal["text_editor_code_execution_str_replace_result"] = (
        "text_editor_code_execution_str_replace_result"
    )
    lines: list[str] | None = None
    new_lines: int | None = None
    new_start: int | None = None
    old_lines: int | None = None
    old_start: int | None = None


class ToolSearchToolResultErrorParam(WireModel):
    """A failed tool search.

    Also accepts the response shape (``ToolSearchToolResultErrorObject``), which clients send
    back in later requests.
    """

    type: Literal["tool_search_tool_result_error"] = "tool_search_tool_result_error"
    error_code: ToolSearchToolResultErrorCode
    error_message: str | None = None


class ToolSearchToolSearchResultBlockParam(WireModel):
    """The tools a tool search found.

    Also accepts the response shape (``ToolSearchToolSearchResultBlock``), which clients send
    back in later requests.
    """

    type: Literal["tool_search_tool_search_result"] = "tool_search_tool_search_result"
    tool_references: list[ToolReferenceBlockParam]


class UnknownWebFetchToolResultContentParam(WireModel):
    """Fallback member of ``WebFetchToolResultContentParam``: a ``type`` this package does not
    know, kept verbatim.
    """

    type: str


WebFetchToolResultContentParam: TypeAlias = Annotated[
    Union[
        WebFetchToolResultErrorBlockParam,
        WebFetchBlockParam,
        UnknownWebFetchToolResultContentParam,
    ],
    OpenUnion("type", fallback=UnknownWebFetchToolResultContentParam),
]
"""What a web fetch returned."""


class WebFetchToolResultBlockParam(WireModel):
    """The result of a ``web_fetch`` server tool call.

    Also accepts the response shape (``WebFetchToolResultBlock``), which clients send back in
    later requests.
    """

    type: Literal["web_fetch_tool_result"] = "web_fetch_tool_result"
    content: WebFetchToolResultContentParam
    tool_use_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""

    caller: ToolUseCallerParam | None = None


class UnknownCodeExecutionToolResultBlockParamContentParam(WireModel):
    """Fallback member of ``CodeExecutionToolResultBlockParamContentParam``: a ``type`` this
    package does not know, kept verbatim.
    """

    type: str


CodeExecutionToolResultBlockParamContentParam: TypeAlias = Annotated[
    Union[
        CodeExecutionToolResultErrorParam,
        CodeExecutionResultBlockParam,
        EncryptedCodeExecutionResultBlockParam,
        UnknownCodeExecutionToolResultBlockParamContentParam,
    ],
    OpenUnion("type", fallback=UnknownCodeExecutionToolResultBlockParamContentParam),
]
"""What a code execution returned."""


class CodeExecutionToolResultBlockParam(WireModel):
    """The result of a ``code_execution`` server tool call.

    Also accepts the response shape (``CodeExecutionToolResultBlock``), which clients send back
    in later requests.
    """

    type: Literal["code_execution_tool_result"] = "code_execution_tool_result"
    content: CodeExecutionToolResultBlockParamContentParam
    tool_use_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""


class UnknownBashCodeExecutionToolResultContentParam(WireModel):
    """Fallback member of ``BashCodeExecutionToolResultContentParam``: a ``type`` this package
    does not know, kept verbatim.
    """

    type: str


BashCodeExecutionToolResultContentParam: TypeAlias = Annotated[
    Union[
        BashCodeExecutionToolResultErrorParam,
        BashCodeExecutionResultBlockParam,
        UnknownBashCodeExecutionToolResultContentParam,
    ],
    OpenUnion("type", fallback=UnknownBashCodeExecutionToolResultContentParam),
]
"""What a bash command returned."""


class BashCodeExecutionToolResultBlockParam(WireModel):
    """The result of a ``bash_code_execution`` server tool call.

    Also accepts the response shape (``BashCodeExecutionToolResultBlock``), which clients send
    back in later requests.
    """

    type: Literal["bash_code_execution_tool_result"] = "bash_code_execution_tool_result"
    content: BashCodeExecutionToolResultContentParam
    tool_use_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""


class UnknownTextEditorCodeExecutionToolResultContentParam(WireModel):
    """Fallback member of ``TextEditorCodeExecutionToolResultContentParam``: a ``type`` this
    package does not know, kept verbatim.
    """

    type: str


TextEditorCodeExecutionToolResultContentParam: TypeAlias = Annotated[
    Union[
        TextEditorCodeExecutionToolResultErrorParam,
        TextEditorCodeExecutionViewResultBlockParam,
        TextEditorCodeExecutionCreateResultBlockParam,
        TextEditorCodeExecutionStrReplaceResultBlockParam,
        UnknownTextEditorCodeExecutionToolResultContentParam,
    ],
    OpenUnion("type", fallback=UnknownTextEditorCodeExecutionToolResultContentParam),
]
"""What a text-editor command returned."""


class TextEditorCodeExecutionToolResultBlockParam(WireModel):
    """The result of a ``text_editor_code_execution`` server tool call.

    Also accepts the response shape (``TextEditorCodeExecutionToolResultBlock``), which clients
    send back in later requests.
    """

    type: Literal["text_editor_code_execution_tool_result"] = (
        "text_editor_code_execution_tool_result"
    )
    content: TextEditorCodeExecutionToolResultContentParam
    tool_use_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""


class UnknownToolSearchToolResultContentParam(WireModel):
    """Fallback member of ``ToolSearchToolResultContentParam``: a ``type`` this package does not
    know, kept verbatim.
    """

    type: str


ToolSearchToolResultContentParam: TypeAlias = Annotated[
    Union[
        ToolSearchToolResultErrorParam,
        ToolSearchToolSearchResultBlockParam,
        UnknownToolSearchToolResultContentParam,
    ],
    OpenUnion("type", fallback=UnknownToolSearchToolResultContentParam),
]
"""What a tool search returned."""


class ToolSearchToolResultBlockParam(WireModel):
    """The result of a tool-search server tool call.

    Also accepts the response shape (``ToolSearchToolResultBlock``), which clients send back in
    later requests.
    """

    type: Literal["tool_search_tool_result"] = "tool_search_tool_result"
    content: ToolSearchToolResultContentParam
    tool_use_id: str
    cache_control: CacheControlEphemeralParam | None = None
    """Create a cache control breakpoint at this content block."""
