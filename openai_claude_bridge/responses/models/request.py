"""Request bodies: ``POST /v1/responses`` (:class:`ResponseCreateParams`) and
``POST /v1/responses/input_tokens`` (:class:`InputTokenCountParams`), with their settings objects.

Several settings objects are echoed on the :class:`~.response.Response` too; where the SDK's
request and response shapes of one of them differ only in which fields may be absent, one class
(with those fields optional) serves both.
"""

from typing import Literal, Optional, Union

from ...wire import Number, WireModel
from .content import ResponseInputContent
from .items import ResponseInput
from .shared import Metadata, Reasoning, ResponseTextConfig, ServiceTier
from .tools import Tool, ToolChoice

__all__ = [
    "AccessPrograms",
    "BackgroundOptions",
    "ContextManagement",
    "Conversation",
    "ImageOptions",
    "InputTokenCountParams",
    "Moderation",
    "ModerationPolicy",
    "ModerationPolicyInput",
    "ModerationPolicyOutput",
    "PromptCacheOptions",
    "PromptCacheRetention",
    "ResponseConversationParam",
    "ResponseCreateParams",
    "ResponseIncludable",
    "ResponsePrompt",
    "StreamOptions",
    "Truncation",
]

#: Extra output data a request can ask for (``include``).
ResponseIncludable = Literal[
    "file_search_call.results",
    "web_search_call.results",
    "web_search_call.action.sources",
    "message.input_image.image_url",
    "computer_call_output.output.image_url",
    "code_interpreter_call.outputs",
    "reasoning.encrypted_content",
    "message.output_text.logprobs",
]
#: Truncation strategy when the input exceeds the context window.
Truncation = Literal["auto", "disabled"]
#: Deprecated prompt-cache retention policy.
PromptCacheRetention = Literal["in_memory", "24h"]


class AccessPrograms(WireModel):
    """Domain-specific access programs of a request (echoed on the response)."""

    cyber: Optional[Literal["standard", "daybreak_blue", "daybreak_red"]] = None
    """The Cyber access program."""


class BackgroundOptions(WireModel):
    """Options of background execution."""

    completion_window: Optional[Literal["soonest", "2h", "8h"]] = None
    continuation_id: Optional[str] = None
    """Opaque id used to prioritise related background requests."""


class ContextManagement(WireModel):
    """One context management entry (currently only ``compaction``)."""

    type: str
    """The kind of context management, e.g. ``compaction``."""
    compact_threshold: Optional[int] = None
    """Token count at which compaction is triggered."""


class ResponseConversationParam(WireModel):
    """The conversation a response belongs to (request ``conversation``, echoed on the response)."""

    id: str


#: A conversation id, or an object naming it.
Conversation = Union[str, ResponseConversationParam]


class ImageOptions(WireModel):
    """Request-level image options (the SDK's ``Image``; echoed on the response)."""

    context_compression: Optional[Literal["auto", "enabled", "disabled"]] = None


class ModerationPolicyInput(WireModel):
    """How moderation treats the input (also the SDK's ``ModerationPolicyOutput``)."""

    mode: Literal["score", "block"]


ModerationPolicyOutput = ModerationPolicyInput


class ModerationPolicy(WireModel):
    """The moderation policy of input and output."""

    input: Optional[ModerationPolicyInput] = None
    output: Optional[ModerationPolicyInput] = None


class Moderation(WireModel):
    """Moderation of a request's input and output (request ``moderation``)."""

    model: str
    """The moderation model, e.g. ``omni-moderation-latest``."""
    policy: Optional[ModerationPolicy] = None


class PromptCacheOptions(WireModel):
    """Prompt-caching options (request ``prompt_cache_options``, echoed on the response)."""

    comparison_response_id: Optional[str] = None
    """A response to compare with when diagnosing cache reuse."""
    mode: Optional[Literal["implicit", "explicit"]] = None
    """Whether an implicit breakpoint is created."""
    prewarm: Optional[bool] = None
    """Only prepare the cache, generate nothing."""
    ttl: Optional[Literal["30m", "12h"]] = None
    """Minimum lifetime of the breakpoints written."""


class StreamOptions(WireModel):
    """Options of streamed responses."""

    include_obfuscation: Optional[bool] = None
    """Whether delta events carry an ``obfuscation`` padding field."""


class ResponsePrompt(WireModel):
    """A reference to a prompt template and its variables."""

    id: str
    variables: Optional[dict[str, Union[str, ResponseInputContent]]] = None
    """Values substituted for the template's variables."""
    version: Optional[str] = None


class ResponseCreateParams(WireModel):
    """The body of ``POST /v1/responses``."""

    access_programs: Optional[AccessPrograms] = None
    background: Optional[bool] = None
    """Run the response in the background."""
    background_options: Optional[BackgroundOptions] = None
    context_management: Optional[list[ContextManagement]] = None
    conversation: Optional[Conversation] = None
    """The conversation whose items are prepended to the input."""
    image: Optional[ImageOptions] = None
    include: Optional[list[ResponseIncludable]] = None
    """Extra output data to include."""
    input: Union[str, ResponseInput, None] = None
    """Text, or a list of input items."""
    instructions: Optional[str] = None
    """A system (or developer) message inserted into the model's context."""
    max_output_tokens: Optional[int] = None
    """Upper bound of generated tokens, reasoning tokens included."""
    max_tool_calls: Optional[int] = None
    """Maximum number of built-in tool calls."""
    metadata: Optional[Metadata] = None
    model: Optional[str] = None
    """Model id, e.g. ``gpt-5``."""
    moderation: Optional[Moderation] = None
    parallel_tool_calls: Optional[bool] = None
    previous_response_id: Optional[str] = None
    """Continue from a stored response."""
    prompt: Optional[ResponsePrompt] = None
    prompt_cache_key: Optional[str] = None
    prompt_cache_options: Optional[PromptCacheOptions] = None
    prompt_cache_retention: Optional[PromptCacheRetention] = None
    reasoning: Optional[Reasoning] = None
    safety_identifier: Optional[str] = None
    """A stable hashed id of the end user."""
    service_tier: Optional[ServiceTier] = None
    store: Optional[bool] = None
    """Store the response for later retrieval."""
    stream: Optional[bool] = None
    """Stream the response as server-sent events."""
    stream_options: Optional[StreamOptions] = None
    temperature: Optional[Number] = None
    text: Optional[ResponseTextConfig] = None
    """Text output configuration (format, verbosity)."""
    tool_choice: Optional[ToolChoice] = None
    tools: Optional[list[Tool]] = None
    top_logprobs: Optional[int] = None
    top_p: Optional[Number] = None
    truncation: Optional[Truncation] = None
    user: Optional[str] = None
    """Deprecated end-user id (use ``safety_identifier`` / ``prompt_cache_key``)."""


class InputTokenCountParams(WireModel):
    """The body of ``POST /v1/responses/input_tokens``: the input side of a request."""

    conversation: Optional[Conversation] = None
    input: Union[str, ResponseInput, None] = None
    instructions: Optional[str] = None
    model: Optional[str] = None
    parallel_tool_calls: Optional[bool] = None
    personality: Optional[str] = None
    """A style preset, e.g. ``friendly`` or ``pragmatic``."""
    previous_response_id: Optional[str] = None
    reasoning: Optional[Reasoning] = None
    text: Optional[ResponseTextConfig] = None
    tool_choice: Optional[ToolChoice] = None
    tools: Optional[list[Tool]] = None
    truncation: Optional[Truncation] = None
