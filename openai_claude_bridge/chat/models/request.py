"""The Chat Completions create request, ``POST /v1/chat/completions``.

Mirrors ``openai.types.chat.completion_create_params``. The SDK splits the request into a
streaming and a non-streaming TypedDict; here one model covers both (``stream`` is
``true`` / ``false`` / ``null`` / absent).
"""

from typing import Literal, Union

from ...wire import Number, WireModel
from .content import ChatCompletionContentPartTextParam
from .messages import ChatCompletionMessageParam
from .shared import Metadata, ReasoningEffort, ResponseFormat, ServiceTier
from .tools import (
    ChatCompletionToolChoiceOptionParam,
    ChatCompletionToolUnionParam,
    CompletionCreateParamsFunction,
    CompletionCreateParamsFunctionCall,
)

__all__ = [
    "AudioFormat",
    "ChatCompletionAudioParam",
    "ChatCompletionModality",
    "ChatCompletionPredictionContentParam",
    "ChatCompletionStreamOptionsParam",
    "CompletionCreateParams",
    "CompletionCreateParamsModeration",
    "ModerationPolicy",
    "ModerationPolicyInput",
    "ModerationPolicyMode",
    "ModerationPolicyOutput",
    "PromptCacheMode",
    "PromptCacheOptions",
    "PromptCacheRetention",
    "SearchContextSize",
    "Verbosity",
    "Voice",
    "VoiceID",
    "WebSearchOptions",
    "WebSearchOptionsUserLocation",
    "WebSearchOptionsUserLocationApproximate",
]

#: Output kinds a request may ask for.
ChatCompletionModality = Literal["text", "audio"]

#: Output audio formats.
AudioFormat = Literal["wav", "aac", "mp3", "flac", "opus", "pcm16"]

#: ``verbosity`` values.
Verbosity = Literal["low", "medium", "high"]

#: ``web_search_options.search_context_size`` values.
SearchContextSize = Literal["low", "medium", "high"]

#: ``prompt_cache_retention`` values.
PromptCacheRetention = Literal["in_memory", "24h"]

#: ``prompt_cache_options.mode`` values.
PromptCacheMode = Literal["implicit", "explicit"]

#: Moderation policy modes.
ModerationPolicyMode = Literal["score", "block"]


class ChatCompletionStreamOptionsParam(WireModel):
    """Options of a streamed response (only with ``stream: true``)."""

    include_obfuscation: bool | None = None
    """Whether chunks carry an ``obfuscation`` padding field (default on)."""
    include_usage: bool | None = None
    """Whether a last chunk with ``usage`` and ``choices: []`` precedes ``[DONE]``."""


class VoiceID(WireModel):
    """A custom voice, by id."""

    id: str
    """The custom voice id, e.g. ``voice_1234``."""


#: A built-in voice name (``alloy``, ``ash``, ``marin``, ...) or a custom voice.
Voice = Union[VoiceID, str]


class ChatCompletionAudioParam(WireModel):
    """Audio output parameters (with ``modalities: ["audio"]``)."""

    format: AudioFormat
    """The output audio format."""
    voice: Voice
    """The voice the model answers with."""


class ChatCompletionPredictionContentParam(WireModel):
    """Predicted Output: content the answer is expected to largely repeat."""

    content: str | list[ChatCompletionContentPartTextParam]
    """The predicted content: a string or text parts."""
    type: Literal["content"] = "content"


class WebSearchOptionsUserLocationApproximate(WireModel):
    """The approximate location of the user, for web search."""

    city: str | None = None
    """Free text city, e.g. ``San Francisco``."""
    country: str | None = None
    """Two-letter ISO country code, e.g. ``US``."""
    region: str | None = None
    """Free text region, e.g. ``California``."""
    timezone: str | None = None
    """IANA timezone, e.g. ``America/Los_Angeles``."""


class WebSearchOptionsUserLocation(WireModel):
    """The user's location for web search."""

    approximate: WebSearchOptionsUserLocationApproximate
    type: Literal["approximate"] = "approximate"


class WebSearchOptions(WireModel):
    """Web search options (search-enabled models)."""

    search_context_size: SearchContextSize | None = None
    """How much context window the search results may use (default ``medium``)."""
    user_location: WebSearchOptionsUserLocation | None = None
    """The approximate location of the user."""


class ModerationPolicyInput(WireModel):
    """The moderation policy for the request input."""

    mode: ModerationPolicyMode


class ModerationPolicyOutput(WireModel):
    """The moderation policy for the generated output."""

    mode: ModerationPolicyMode


class ModerationPolicy(WireModel):
    """The moderation policy for input and output."""

    input: ModerationPolicyInput | None = None
    """The policy for the request input."""
    output: ModerationPolicyOutput | None = None
    """The policy for the generated output."""


class CompletionCreateParamsModeration(WireModel):
    """Moderated completions configuration (SDK: ``completion_create_params.Moderation``)."""

    model: str
    """The moderation model, e.g. ``omni-moderation-latest``."""
    policy: ModerationPolicy | None = None
    """The policy to apply to input and output."""


class PromptCacheOptions(WireModel):
    """Prompt caching options (implicit vs explicit breakpoints, lifetime)."""

    mode: PromptCacheMode | None = None
    """``implicit`` (default) adds one automatic breakpoint; ``explicit`` uses only the parts'."""
    ttl: Literal["30m"] | None = None
    """The minimum lifetime of every breakpoint the request writes."""


class CompletionCreateParams(WireModel):
    """A Chat Completions create request (streaming or not)."""

    messages: list[ChatCompletionMessageParam]
    """The conversation so far."""
    model: str
    """The model id, e.g. ``gpt-4o``."""
    audio: ChatCompletionAudioParam | None = None
    """Audio output parameters (with ``modalities: ["audio"]``)."""
    frequency_penalty: Number | None = None
    """Penalty for tokens by their frequency so far, -2.0 to 2.0."""
    function_call: CompletionCreateParamsFunctionCall | None = None
    """Deprecated in favour of ``tool_choice``."""
    functions: list[CompletionCreateParamsFunction] | None = None
    """Deprecated in favour of ``tools``."""
    logit_bias: dict[str, int] | None = None
    """Token id (as a string) to a bias from -100 to 100."""
    logprobs: bool | None = None
    """Whether to return log probabilities of the output tokens."""
    max_completion_tokens: int | None = None
    """Upper bound of generated tokens, reasoning tokens included."""
    max_tokens: int | None = None
    """Deprecated maximum of generated tokens (not for o-series models)."""
    metadata: Metadata | None = None
    """Up to 16 string key/value pairs stored with the completion."""
    modalities: list[ChatCompletionModality] | None = None
    """Output kinds, e.g. ``["text", "audio"]``."""
    moderation: CompletionCreateParamsModeration | None = None
    """Moderation of the request input and generated output."""
    n: int | None = None
    """How many choices to generate."""
    parallel_tool_calls: bool | None = None
    """Whether the model may call several tools in one turn."""
    prediction: ChatCompletionPredictionContentParam | None = None
    """Predicted Output configuration."""
    presence_penalty: Number | None = None
    """Penalty for tokens that appeared so far, -2.0 to 2.0."""
    prompt_cache_key: str | None = None
    """Key bucketing similar requests for prompt caching."""
    prompt_cache_options: PromptCacheOptions | None = None
    """Prompt caching options."""
    prompt_cache_retention: PromptCacheRetention | None = None
    """Deprecated maximum prompt cache retention."""
    reasoning_effort: ReasoningEffort | None = None
    """Reasoning effort of reasoning models."""
    response_format: ResponseFormat | None = None
    """The output format: text, JSON object, or JSON schema."""
    safety_identifier: str | None = None
    """A stable, hashed identifier of the end user for abuse detection."""
    seed: int | None = None
    """Best-effort deterministic sampling seed."""
    service_tier: ServiceTier | None = None
    """The processing tier to serve the request with."""
    stop: str | list[str] | None = None
    """Up to 4 stop sequences."""
    store: bool | None = None
    """Whether to store the completion (distillation, evals)."""
    stream: bool | None = None
    """Whether to stream the answer as server-sent events."""
    stream_options: ChatCompletionStreamOptionsParam | None = None
    """Options of a streamed answer."""
    temperature: Number | None = None
    """Sampling temperature, 0 to 2."""
    tool_choice: ChatCompletionToolChoiceOptionParam | None = None
    """Which tool (if any) the model must call."""
    tools: list[ChatCompletionToolUnionParam] | None = None
    """The tools the model may call."""
    top_logprobs: int | None = None
    """How many most likely tokens to return per position (0 to 20; needs ``logprobs``)."""
    top_p: Number | None = None
    """Nucleus sampling probability mass."""
    user: str | None = None
    """Deprecated end-user identifier (use ``safety_identifier`` / ``prompt_cache_key``)."""
    verbosity: Verbosity | None = None
    """How verbose the answer should be."""
    web_search_options: WebSearchOptions | None = None
    """Web search options (search-enabled models)."""
