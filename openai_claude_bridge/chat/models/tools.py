"""Tools of Chat Completions: definitions, ``tool_choice``, and the tool calls of assistant turns.

Tool definitions (``tools``) are function tools or custom tools (free text or grammar-constrained
input). ``tool_choice`` is a mode string or an object (named function, named custom tool, or an
allowed-tools subset). Tool calls appear in assistant message params (requests) and in response
messages; both sides share the shape, so the nested ``Function`` / ``Custom`` models are shared.

Where the SDK nests several different classes under one generic name (``Custom``, ``Function``),
the ones that would clash in this package get a descriptive name, noted in their docstrings.
"""

from typing import Annotated, Any, Literal, Optional, Union

from ...wire import OpenUnion, WireModel
from .shared import FunctionDefinition, FunctionParameters

__all__ = [
    "AllowedToolsMode",
    "ChatCompletionAllowedToolChoiceParam",
    "ChatCompletionAllowedToolsParam",
    "ChatCompletionCustomToolParam",
    "ChatCompletionFunctionCallOptionParam",
    "ChatCompletionFunctionToolParam",
    "ChatCompletionMessageCustomToolCall",
    "ChatCompletionMessageCustomToolCallParam",
    "ChatCompletionMessageFunctionToolCall",
    "ChatCompletionMessageFunctionToolCallParam",
    "ChatCompletionMessageToolCallUnion",
    "ChatCompletionMessageToolCallUnionParam",
    "ChatCompletionNamedToolChoiceCustomParam",
    "ChatCompletionNamedToolChoiceParam",
    "ChatCompletionToolChoiceObjectParam",
    "ChatCompletionToolChoiceOptionParam",
    "ChatCompletionToolUnionParam",
    "CompletionCreateParamsFunction",
    "CompletionCreateParamsFunctionCall",
    "Custom",
    "CustomFormat",
    "CustomFormatGrammar",
    "CustomFormatGrammarGrammar",
    "CustomFormatText",
    "CustomToolDefinition",
    "Function",
    "FunctionCallMode",
    "GrammarSyntax",
    "NamedToolChoiceCustom",
    "NamedToolChoiceFunction",
    "ToolChoiceMode",
    "UnknownCustomFormat",
    "UnknownTool",
    "UnknownToolCall",
    "UnknownToolChoice",
]

#: The string forms of ``tool_choice``.
ToolChoiceMode = Literal["none", "auto", "required"]

#: ``allowed_tools.mode`` values.
AllowedToolsMode = Literal["auto", "required"]

#: The string forms of the deprecated ``function_call`` request field.
FunctionCallMode = Literal["none", "auto"]

#: Grammar syntaxes of custom tools.
GrammarSyntax = Literal["lark", "regex"]


# --------------------------------------------------------------------------- tool definitions


class ChatCompletionFunctionToolParam(WireModel):
    """A function tool the model may call."""

    function: FunctionDefinition
    type: Literal["function"] = "function"


class CustomFormatText(WireModel):
    """Custom tool input format: unconstrained free-form text."""

    type: Literal["text"] = "text"


class CustomFormatGrammarGrammar(WireModel):
    """A grammar definition and its syntax."""

    definition: str
    """The grammar definition."""
    syntax: GrammarSyntax
    """The syntax of ``definition``: ``lark`` or ``regex``."""


class CustomFormatGrammar(WireModel):
    """Custom tool input format: text constrained by a grammar."""

    grammar: CustomFormatGrammarGrammar
    type: Literal["grammar"] = "grammar"


class UnknownCustomFormat(WireModel):
    """A custom tool input format of a type this package does not know; dumped back unchanged."""

    type: str


#: The input format of a custom tool, by ``type``.
CustomFormat = Annotated[
    Union[CustomFormatText, CustomFormatGrammar, UnknownCustomFormat],
    OpenUnion("type", fallback=UnknownCustomFormat),
]


class CustomToolDefinition(WireModel):
    """The properties of a custom tool (SDK: ``chat_completion_custom_tool_param.Custom``)."""

    name: str
    """The name of the custom tool, used to identify it in tool calls."""
    description: str | None = None
    """What the tool does."""
    format: CustomFormat | None = None
    """The input format; unconstrained text when absent."""


class ChatCompletionCustomToolParam(WireModel):
    """A custom tool: its input is free text or follows a grammar, not JSON arguments."""

    custom: CustomToolDefinition
    type: Literal["custom"] = "custom"


class UnknownTool(WireModel):
    """A tool definition of a type this package does not know; dumped back unchanged."""

    type: str


#: A tool definition in a request's ``tools``, by ``type``.
ChatCompletionToolUnionParam = Annotated[
    Union[ChatCompletionFunctionToolParam, ChatCompletionCustomToolParam, UnknownTool],
    OpenUnion("type", fallback=UnknownTool),
]


class CompletionCreateParamsFunction(WireModel):
    """An entry of the deprecated ``functions`` request field
    (SDK: ``completion_create_params.Function``)."""

    name: str
    """The function name."""
    description: str | None = None
    """What the function does."""
    parameters: FunctionParameters | None = None
    """The parameters as a JSON Schema object."""


# --------------------------------------------------------------------------- tool choice


class ChatCompletionAllowedToolsParam(WireModel):
    """Constrains the tools available to the model to a subset of ``tools``."""

    mode: AllowedToolsMode
    """``auto``: the model may call one of them or answer; ``required``: it must call one."""
    tools: list[dict[str, Any]]
    """Tool references such as ``{"type": "function", "function": {"name": "get_weather"}}``."""


class ChatCompletionAllowedToolChoiceParam(WireModel):
    """``tool_choice`` restricting the model to an allowed subset of the tools."""

    allowed_tools: ChatCompletionAllowedToolsParam
    type: Literal["allowed_tools"] = "allowed_tools"


class NamedToolChoiceFunction(WireModel):
    """The function a named tool choice forces
    (SDK: ``chat_completion_named_tool_choice_param.Function``)."""

    name: str
    """The name of the function to call."""


class ChatCompletionNamedToolChoiceParam(WireModel):
    """``tool_choice`` forcing a call of one function."""

    function: NamedToolChoiceFunction
    type: Literal["function"] = "function"


class NamedToolChoiceCustom(WireModel):
    """The custom tool a named tool choice forces
    (SDK: ``chat_completion_named_tool_choice_custom_param.Custom``)."""

    name: str
    """The name of the custom tool to call."""


class ChatCompletionNamedToolChoiceCustomParam(WireModel):
    """``tool_choice`` forcing a call of one custom tool."""

    custom: NamedToolChoiceCustom
    type: Literal["custom"] = "custom"


class UnknownToolChoice(WireModel):
    """A ``tool_choice`` object of a type this package does not know; dumped back unchanged."""

    type: str


#: The object forms of ``tool_choice``, by ``type``.
ChatCompletionToolChoiceObjectParam = Annotated[
    Union[
        ChatCompletionAllowedToolChoiceParam,
        ChatCompletionNamedToolChoiceParam,
        ChatCompletionNamedToolChoiceCustomParam,
        UnknownToolChoice,
    ],
    OpenUnion("type", fallback=UnknownToolChoice),
]

#: ``tool_choice``: a mode string or one of the object forms (objects listed first so that an
#: invalid object reports the error inside it).
ChatCompletionToolChoiceOptionParam = Union[ChatCompletionToolChoiceObjectParam, ToolChoiceMode]


class ChatCompletionFunctionCallOptionParam(WireModel):
    """The deprecated ``function_call`` forcing one function: ``{"name": ...}``."""

    name: str
    """The name of the function to call."""


#: The deprecated ``function_call`` request field (SDK: ``completion_create_params.FunctionCall``).
CompletionCreateParamsFunctionCall = Union[ChatCompletionFunctionCallOptionParam, FunctionCallMode]


# --------------------------------------------------------------------------- tool calls


class Function(WireModel):
    """The function a model called: its name and JSON arguments text."""

    arguments: str
    """The arguments as JSON text generated by the model (not guaranteed to be valid JSON)."""
    name: str
    """The name of the function to call."""


class Custom(WireModel):
    """The custom tool a model called: its name and free-form input."""

    input: str
    """The input for the custom tool call generated by the model."""
    name: str
    """The name of the custom tool to call."""


class ChatCompletionMessageFunctionToolCallParam(WireModel):
    """A function tool call of an assistant message in a request."""

    id: str
    """The id of the tool call, echoed by the ``tool`` message that answers it."""
    function: Function
    type: Literal["function"] = "function"


class ChatCompletionMessageCustomToolCallParam(WireModel):
    """A custom tool call of an assistant message in a request."""

    id: str
    """The id of the tool call, echoed by the ``tool`` message that answers it."""
    custom: Custom
    type: Literal["custom"] = "custom"


class ChatCompletionMessageFunctionToolCall(WireModel):
    """A function tool call generated by the model.

    The SDK marks ``type`` required; Mistral leaves it out, so it is optional here (a tool call
    without ``type`` is a function call) and encoders write it.
    """

    id: str
    """The id of the tool call."""
    function: Function
    type: Optional[Literal["function"]] = None
    """``function`` (absent from Mistral's answers)."""


class ChatCompletionMessageCustomToolCall(WireModel):
    """A custom tool call generated by the model."""

    id: str
    """The id of the tool call."""
    custom: Custom
    type: Literal["custom"] = "custom"


class UnknownToolCall(WireModel):
    """A tool call of a type this package does not know; dumped back unchanged."""

    type: str


#: A tool call of an assistant message param, by ``type``.
ChatCompletionMessageToolCallUnionParam = Annotated[
    Union[
        ChatCompletionMessageFunctionToolCallParam,
        ChatCompletionMessageCustomToolCallParam,
        UnknownToolCall,
    ],
    OpenUnion("type", fallback=UnknownToolCall),
]

#: A tool call of a response message, by ``type`` (none: a function call, as Mistral sends it).
ChatCompletionMessageToolCallUnion = Annotated[
    Union[
        ChatCompletionMessageFunctionToolCall,
        ChatCompletionMessageCustomToolCall,
        UnknownToolCall,
    ],
    OpenUnion("type", fallback=UnknownToolCall, default=ChatCompletionMessageFunctionToolCall),
]
