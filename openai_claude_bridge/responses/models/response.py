"""The response body: :class:`Response` (``POST /v1/responses`` and the ``response`` of the
lifecycle stream events), its usage, status, error and diagnostics, and the body of
``POST /v1/responses/input_tokens`` (:class:`InputTokenCountResponse`).
"""

from typing import Annotated, Literal, Optional, Union

from ...wire import Number, OpenUnion, WireModel
from .items import ResponseInputItem, ResponseOutputItem
from .request import (
    AccessPrograms,
    ImageOptions,
    PromptCacheOptions,
    PromptCacheRetention,
    ResponseConversationParam,
    ResponsePrompt,
    Truncation,
)
from .shared import Metadata, Reasoning, ResponseTextConfig, ServiceTier
from .tools import Tool, ToolChoice

__all__ = [
    "IncompleteDetails",
    "IncompleteReason",
    "InputTokenCountResponse",
    "InputTokensDetails",
    "InputTokensDetailsCacheWriteTokensDetails",
    "InputTransformation",
    "Misalignment",
    "MisalignmentSteer",
    "ModerationError",
    "ModerationOutcome",
    "ModerationResult",
    "OutputTokensDetails",
    "PromptCacheDiagnostics",
    "PromptCacheDiagnosticsCacheHit",
    "PromptCacheDiagnosticsCacheMiss",
    "PromptCacheDiagnosticsComparisonResponseNotFound",
    "PromptCacheDiagnosticsUnavailable",
    "PromptCacheMissReason",
    "Response",
    "ResponseError",
    "ResponseErrorCode",
    "ResponseModeration",
    "ResponseStatus",
    "ResponseUsage",
    "ToolUsage",
    "ToolUsageImageGen",
    "ToolUsageImageGenCachedTokensDetails",
    "ToolUsageImageGenInputTokensDetails",
    "ToolUsageImageGenOutputTokensDetails",
    "ToolUsageWebSearch",
    "UnknownModerationOutcome",
    "UnknownPromptCacheDiagnostics",
]

#: Status of a response.
ResponseStatus = Literal["completed", "failed", "in_progress", "cancelled", "queued", "incomplete"]
#: Why a response is incomplete.
IncompleteReason = Literal["max_output_tokens", "max_messages", "content_filter", "steered"]
#: Error code of a failed response.
ResponseErrorCode = Literal[
    "server_error",
    "rate_limit_exceeded",
    "invalid_prompt",
    "data_residency_mismatch",
    "bio_policy",
    "misalignment_policy_violation",
    "vector_store_timeout",
    "invalid_image",
    "invalid_image_format",
    "invalid_base64_image",
    "invalid_image_url",
    "image_too_large",
    "image_too_small",
    "image_parse_error",
    "image_content_policy_violation",
    "invalid_image_mode",
    "image_file_too_large",
    "unsupported_image_media_type",
    "empty_image_file",
    "failed_to_download_image",
    "image_file_not_found",
]
#: Why the prompt cache missed.
PromptCacheMissReason = Literal[
    "model_changed",
    "prompt_cache_key_changed",
    "tools_changed",
    "text_format_changed",
    "reasoning_effort_changed",
    "verbosity_changed",
    "context_compacted",
    "input_changed",
    "service_tier_changed",
]


# --------------------------------------------------------------------------- error / status


class MisalignmentSteer(WireModel):
    """A message steering the model after a misalignment."""

    message: str


class Misalignment(WireModel):
    """Details of a ``misalignment_policy_violation``."""

    detailed_explanation: Optional[str] = None
    error_type: Optional[str] = None
    """e.g. ``potentially_unintended_data_transfer``."""
    review_target: Optional[str] = None
    steer: Optional[MisalignmentSteer] = None


class ResponseError(WireModel):
    """Why a response failed (``Response.error``)."""

    code: Union[ResponseErrorCode, str]
    message: str
    misalignment: Optional[Misalignment] = None
    param: Optional[str] = None
    type: Optional[str] = None
    """The error type, e.g. ``server_error``."""


class IncompleteDetails(WireModel):
    """Why a response is incomplete."""

    reason: Optional[Union[IncompleteReason, str]] = None


# --------------------------------------------------------------------------- usage


class InputTokensDetailsCacheWriteTokensDetails(WireModel):
    """Cache writes split by lifetime."""

    ttl_12h_tokens: int
    ttl_30m_tokens: int


class InputTokensDetails(WireModel):
    """Breakdown of the input tokens.

    The SDK marks ``cache_write_tokens`` required; the API has long sent ``cached_tokens`` only,
    so it is optional here.
    """

    cached_tokens: int
    """Input tokens read from the prompt cache (included in ``input_tokens``)."""
    cache_write_tokens: Optional[int] = None
    """Input tokens written to the prompt cache."""
    cache_write_tokens_details: Optional[InputTokensDetailsCacheWriteTokensDetails] = None


class OutputTokensDetails(WireModel):
    """Breakdown of the output tokens."""

    reasoning_tokens: int
    """Reasoning tokens (included in ``output_tokens``)."""


class ResponseUsage(WireModel):
    """Token usage of a response."""

    input_tokens: int
    """Input tokens, cached ones included."""
    input_tokens_details: InputTokensDetails
    output_tokens: int
    """Output tokens, reasoning ones included."""
    output_tokens_details: OutputTokensDetails
    total_tokens: int


class ToolUsageImageGenInputTokensDetails(WireModel):
    """Image and text tokens (also the SDK's ``ToolUsageImageGenOutputTokensDetails``)."""

    image_tokens: int
    text_tokens: int


ToolUsageImageGenOutputTokensDetails = ToolUsageImageGenInputTokensDetails


class ToolUsageImageGenCachedTokensDetails(WireModel):
    """Cached image and text tokens."""

    cached_image_tokens: int
    cached_text_tokens: int


class ToolUsageImageGen(WireModel):
    """Token usage of the image generation tool."""

    input_tokens: int
    input_tokens_details: ToolUsageImageGenInputTokensDetails
    output_tokens: int
    total_tokens: int
    cached_tokens: Optional[int] = None
    cached_tokens_details: Optional[ToolUsageImageGenCachedTokensDetails] = None
    output_tokens_details: Optional[ToolUsageImageGenInputTokensDetails] = None


class ToolUsageWebSearch(WireModel):
    """Usage of the web search tool."""

    num_requests: int


class ToolUsage(WireModel):
    """Usage of the hosted tools."""

    image_gen: ToolUsageImageGen
    web_search: ToolUsageWebSearch


# --------------------------------------------------------------------------- diagnostics


class InputTransformation(WireModel):
    """An input item the API removed before generating."""

    id: str
    """Id of the removed item."""
    action: Union[Literal["removed"], str]
    reason: Union[
        Literal[
            "organization_mismatch",
            "end_user_mismatch",
            "model_mismatch",
            "prefix_mismatch",
            "turn_boundary",
        ],
        str,
    ]
    type: Literal["reasoning"] = "reasoning"


class ModerationResult(WireModel):
    """A moderation result (the SDK's ``ModerationInputModerationResult`` / ``...Output...``)."""

    categories: dict[str, bool]
    category_applied_input_types: dict[str, list[Literal["text", "image"]]]
    category_scores: dict[str, Number]
    flagged: bool
    model: str
    type: Literal["moderation_result"] = "moderation_result"


class ModerationError(WireModel):
    """A moderation error (the SDK's ``ModerationInputError`` / ``ModerationOutputError``)."""

    code: str
    message: str
    type: Literal["error"] = "error"


class UnknownModerationOutcome(WireModel):
    """A moderation outcome this package does not know; kept and dumped back unchanged."""

    type: str


#: The moderation outcome of the input or output.
ModerationOutcome = Annotated[
    Union[ModerationResult, ModerationError, UnknownModerationOutcome],
    OpenUnion("type", fallback=UnknownModerationOutcome),
]


class ResponseModeration(WireModel):
    """Moderation outcomes of a response (the SDK's ``Response.Moderation``)."""

    input: ModerationOutcome
    output: ModerationOutcome


class PromptCacheDiagnosticsCacheMiss(WireModel):
    """The prompt cache missed."""

    cache_missed_tokens: int
    reason: Union[PromptCacheMissReason, str]
    type: Literal["cache_miss"] = "cache_miss"
    comparison_reusable_tokens: Optional[int] = None


class PromptCacheDiagnosticsCacheHit(WireModel):
    """The prompt cache hit."""

    type: Literal["cache_hit"] = "cache_hit"


class PromptCacheDiagnosticsComparisonResponseNotFound(WireModel):
    """The comparison response was not found."""

    type: Literal["comparison_response_not_found"] = "comparison_response_not_found"


class PromptCacheDiagnosticsUnavailable(WireModel):
    """No prompt cache diagnostics are available."""

    type: Literal["unavailable"] = "unavailable"


class UnknownPromptCacheDiagnostics(WireModel):
    """Cache diagnostics this package does not know; kept and dumped back unchanged."""

    type: str


#: Prompt-cache diagnostics of a response.
PromptCacheDiagnostics = Annotated[
    Union[
        PromptCacheDiagnosticsCacheMiss,
        PromptCacheDiagnosticsCacheHit,
        PromptCacheDiagnosticsComparisonResponseNotFound,
        PromptCacheDiagnosticsUnavailable,
        UnknownPromptCacheDiagnostics,
    ],
    OpenUnion("type", fallback=UnknownPromptCacheDiagnostics),
]


# --------------------------------------------------------------------------- response


class Response(WireModel):
    """A model response (``object: "response"``), complete or in progress."""

    id: str
    created_at: Number
    """Unix time (seconds) of creation."""
    model: str
    object: Literal["response"] = "response"
    output: list[ResponseOutputItem]
    """The items the model produced, in order."""
    parallel_tool_calls: bool
    tool_choice: ToolChoice
    tools: list[Tool]
    access_programs: Optional[AccessPrograms] = None
    background: Optional[bool] = None
    completed_at: Optional[Number] = None
    """Unix time (seconds) of completion."""
    conversation: Optional[ResponseConversationParam] = None
    error: Optional[ResponseError] = None
    """Why the response failed."""
    image: Optional[ImageOptions] = None
    incomplete_details: Optional[IncompleteDetails] = None
    """Why the response is incomplete."""
    input_transformations: Optional[list[InputTransformation]] = None
    instructions: Union[str, list[ResponseInputItem], None] = None
    """The instructions of the request (text, or input items)."""
    max_output_tokens: Optional[int] = None
    max_tool_calls: Optional[int] = None
    metadata: Optional[Metadata] = None
    moderation: Optional[ResponseModeration] = None
    previous_response_id: Optional[str] = None
    prompt: Optional[ResponsePrompt] = None
    prompt_cache_diagnostics: Optional[PromptCacheDiagnostics] = None
    prompt_cache_key: Optional[str] = None
    prompt_cache_options: Optional[PromptCacheOptions] = None
    prompt_cache_retention: Optional[PromptCacheRetention] = None
    reasoning: Optional[Reasoning] = None
    safety_identifier: Optional[str] = None
    service_tier: Optional[Union[ServiceTier, str]] = None
    """The tier actually used."""
    status: Optional[Union[ResponseStatus, str]] = None
    temperature: Optional[Number] = None
    text: Optional[ResponseTextConfig] = None
    tool_usage: Optional[ToolUsage] = None
    top_logprobs: Optional[int] = None
    top_p: Optional[Number] = None
    truncation: Optional[Truncation] = None
    usage: Optional[ResponseUsage] = None
    user: Optional[str] = None


class InputTokenCountResponse(WireModel):
    """The body answering ``POST /v1/responses/input_tokens``."""

    input_tokens: int
    object: Literal["response.input_tokens"] = "response.input_tokens"
