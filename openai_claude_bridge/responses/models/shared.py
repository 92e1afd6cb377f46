"""Small building blocks shared by the Responses request, response and stream models.

Literal aliases of enum-valued fields, the reasoning and text-format configuration, file-search
filters, prompt-cache breakpoints and the ``caller`` of tool calls made by a program.
"""

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import Field

from ...wire import Number, OpenUnion, WireModel

__all__ = [
    "AllowedCaller",
    "Caller",
    "CallerDirect",
    "CallerProgram",
    "ComparisonFilter",
    "CompoundFilter",
    "FileDetail",
    "FileSearchFilter",
    "ImageDetail",
    "ItemStatus",
    "Metadata",
    "PromptCacheBreakpoint",
    "PromptCacheTTL",
    "Reasoning",
    "ReasoningContext",
    "ReasoningEffort",
    "ReasoningSummary",
    "ResponseFormatJSONObject",
    "ResponseFormatText",
    "ResponseFormatTextConfig",
    "ResponseFormatTextJSONSchemaConfig",
    "ResponseTextConfig",
    "ServiceTier",
    "UnknownCaller",
    "UnknownFilter",
    "UnknownTextFormat",
    "Verbosity",
]

# --------------------------------------------------------------------------- literal aliases

#: Reasoning effort of ``reasoning.effort``.
ReasoningEffort = Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"]
#: Reasoning summary mode of ``reasoning.summary`` / ``reasoning.generate_summary``.
ReasoningSummary = Literal["auto", "concise", "detailed"]
#: Which reasoning items are rendered back to the model on later turns.
ReasoningContext = Literal["auto", "current_turn", "all_turns"]
#: Processing tier of a request (``service_tier``).
ServiceTier = Literal["auto", "default", "flex", "scale", "priority", "fast", "ultrafast"]
#: Verbosity of ``text.verbosity``.
Verbosity = Literal["low", "medium", "high"]
#: Status of most items (messages, function calls, reasoning, ...).
ItemStatus = Literal["in_progress", "completed", "incomplete"]
#: Detail level of an ``input_image``.
ImageDetail = Literal["low", "high", "auto", "original"]
#: Detail level of an ``input_file``.
FileDetail = Literal["auto", "low", "high"]
#: Minimum lifetime of a prompt-cache breakpoint.
PromptCacheTTL = Literal["30m", "12h"]
#: Who may call a tool: the model directly, or a program the model wrote.
AllowedCaller = Literal["direct", "programmatic"]

#: Up to 16 string key-value pairs attached to an object.
Metadata = dict[str, str]


# --------------------------------------------------------------------------- prompt caching


class PromptCacheBreakpoint(WireModel):
    """An explicit prompt-cache breakpoint placed on a content part."""

    mode: Literal["explicit"]
    """Always ``explicit``."""
    ttl: Optional[PromptCacheTTL] = None
    """Minimum lifetime of the cache entry written at this breakpoint."""


# --------------------------------------------------------------------------- callers


class CallerDirect(WireModel):
    """The tool call was made by the model directly."""

    type: Literal["direct"] = "direct"


class CallerProgram(WireModel):
    """The tool call was made by a program the model wrote (programmatic tool calling)."""

    caller_id: str
    """The ``call_id`` of the program that made the call."""
    type: Literal["program"] = "program"


class UnknownCaller(WireModel):
    """A caller of a type this package does not know; kept and dumped back unchanged."""

    type: str


#: Who made a tool call (``caller`` of function/custom/shell/apply-patch calls and outputs).
Caller = Annotated[
    Union[CallerDirect, CallerProgram, UnknownCaller], OpenUnion("type", fallback=UnknownCaller)
]


# --------------------------------------------------------------------------- reasoning


class Reasoning(WireModel):
    """Configuration of reasoning models (request ``reasoning``, echoed on the response)."""

    context: Optional[ReasoningContext] = None
    """Which reasoning items are rendered back to the model on later turns."""
    effort: Optional[ReasoningEffort] = None
    """How much the model should reason."""
    generate_summary: Optional[ReasoningSummary] = None
    """Deprecated spelling of ``summary``."""
    mode: Optional[str] = None
    """Execution mode, e.g. ``standard`` or ``pro``."""
    summary: Optional[ReasoningSummary] = None
    """Whether and how the model summarises its reasoning."""


# --------------------------------------------------------------------------- text format


class ResponseFormatText(WireModel):
    """Plain text output (the default)."""

    type: Literal["text"] = "text"


class ResponseFormatTextJSONSchemaConfig(WireModel):
    """Structured output: the model's text must match a JSON schema."""

    name: str
    """Name of the response format (``[a-zA-Z0-9_-]``, at most 64 characters)."""
    schema_: dict[str, Any] = Field(alias="schema")
    """The JSON schema, kept byte for byte."""
    type: Literal["json_schema"] = "json_schema"
    description: Optional[str] = None
    """What the response format is for; helps the model answer in it."""
    strict: Optional[bool] = None
    """Whether the schema is enforced exactly (a subset of JSON schema)."""


class ResponseFormatJSONObject(WireModel):
    """Legacy JSON mode: the model's text is some JSON object."""

    type: Literal["json_object"] = "json_object"


class UnknownTextFormat(WireModel):
    """A text format of a type this package does not know; kept and dumped back unchanged."""

    type: str


#: The ``text.format`` of a request or response.
ResponseFormatTextConfig = Annotated[
    Union[
        ResponseFormatText,
        ResponseFormatTextJSONSchemaConfig,
        ResponseFormatJSONObject,
        UnknownTextFormat,
    ],
    OpenUnion("type", fallback=UnknownTextFormat),
]


class ResponseTextConfig(WireModel):
    """Configuration of the text output (request ``text``, echoed on the response)."""

    format: Optional[ResponseFormatTextConfig] = None
    """Plain text, a JSON schema, or (legacy) any JSON object."""
    verbosity: Optional[Verbosity] = None
    """How verbose the model's answer should be."""


# --------------------------------------------------------------------------- file search filters


class ComparisonFilter(WireModel):
    """Compares one attribute key with a value (file search / web search filters)."""

    key: str
    """The attribute key to compare."""
    type: Literal["eq", "ne", "gt", "gte", "lt", "lte", "in", "nin"]
    """The comparison operator."""
    value: Union[str, Number, bool, list[Union[str, Number]]]
    """The value to compare the attribute with."""


class UnknownFilter(WireModel):
    """A filter of a type this package does not know; kept and dumped back unchanged."""

    type: str


class CompoundFilter(WireModel):
    """Combines several filters with ``and`` / ``or``."""

    filters: list["FileSearchFilter"]
    """The filters to combine (comparison or nested compound filters)."""
    type: Literal["and", "or"]
    """The logical operator."""


#: A comparison or compound filter.
FileSearchFilter = Annotated[
    Union[ComparisonFilter, CompoundFilter, UnknownFilter],
    OpenUnion("type", fallback=UnknownFilter),
]

CompoundFilter.model_rebuild()
