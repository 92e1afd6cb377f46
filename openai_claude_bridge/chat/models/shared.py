"""Chat Completions building blocks shared by requests and responses.

Mirrors ``openai.types.shared`` / ``openai.types.shared_params``: function definitions, the
``response_format`` variants, and the named ``Literal`` aliases the mapping tables are typed by.
"""

from typing import Annotated, Any, Literal, Union

from pydantic import Field

from ...wire import OpenUnion, WireModel

__all__ = [
    "FunctionDefinition",
    "FunctionParameters",
    "JSONSchema",
    "Metadata",
    "PromptCacheBreakpoint",
    "PromptCacheBreakpointTTL",
    "ReasoningEffort",
    "ResponseFormat",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "ServiceTier",
    "UnknownResponseFormat",
]

#: A JSON Schema object describing function parameters; kept byte-for-byte.
FunctionParameters = dict[str, Any]

#: Up to 16 string key/value pairs attached to a request or response.
Metadata = dict[str, str]

#: ``reasoning_effort`` values (``openai.types.shared.ReasoningEffort``).
ReasoningEffort = Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"]

#: ``service_tier`` values of requests and responses.
ServiceTier = Literal["auto", "default", "flex", "scale", "priority", "fast"]

#: Lifetimes a prompt cache breakpoint may ask for.
PromptCacheBreakpointTTL = Literal["30m", "12h"]


class FunctionDefinition(WireModel):
    """A function the model may call: name, description, JSON-schema parameters, strictness."""

    name: str
    """The function name (``^[a-zA-Z0-9_-]{1,64}$`` on the official API)."""
    description: str | None = None
    """What the function does, for the model to decide when and how to call it."""
    parameters: FunctionParameters | None = None
    """The parameters as a JSON Schema object; omitted means an empty parameter list."""
    strict: bool | None = None
    """Whether the model must follow ``parameters`` exactly (Structured Outputs)."""


class PromptCacheBreakpoint(WireModel):
    """Marks the exact end of a reusable prompt prefix on a content part."""

    mode: Literal["explicit"]
    """The breakpoint mode; always ``explicit``."""
    ttl: PromptCacheBreakpointTTL | None = None
    """The minimum lifetime of the breakpoint; defaults to the request's ``ttl``."""


class ResponseFormatText(WireModel):
    """Default response format: plain text."""

    type: Literal["text"] = "text"


class ResponseFormatJSONObject(WireModel):
    """The older JSON mode: the output is some valid JSON object."""

    type: Literal["json_object"] = "json_object"


class JSONSchema(WireModel):
    """Structured Outputs configuration: a named JSON Schema the output must follow."""

    name: str
    """The name of the response format (``^[a-zA-Z0-9_-]{1,64}$``)."""
    description: str | None = None
    """What the response format is for."""
    schema_: dict[str, Any] | None = Field(default=None, alias="schema")
    """The JSON Schema (wire name ``schema``), kept byte-for-byte."""
    strict: bool | None = None
    """Whether the output must follow ``schema`` exactly."""


class ResponseFormatJSONSchema(WireModel):
    """Structured Outputs: the output follows the given JSON Schema."""

    json_schema: JSONSchema
    type: Literal["json_schema"] = "json_schema"


class UnknownResponseFormat(WireModel):
    """A ``response_format`` of a type this package does not know; dumped back unchanged."""

    type: str


#: ``response_format`` of a create request, by ``type``.
ResponseFormat = Annotated[
    Union[
        ResponseFormatText,
        ResponseFormatJSONSchema,
        ResponseFormatJSONObject,
        UnknownResponseFormat,
    ],
    OpenUnion("type", fallback=UnknownResponseFormat),
]
