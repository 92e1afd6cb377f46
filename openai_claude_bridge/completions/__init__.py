"""OpenAI legacy Completions (``POST /v1/completions``): typed wire models.

The request is :class:`CompletionCreateParams`; the response and every stream chunk are
:class:`Completion` (``object: "text_completion"``; a stream ends with ``data: [DONE]``). Usage
and stream options are the Chat Completions models, re-exported here; an error body is
:class:`ErrorResponse` (the Chat Completions model, re-exported here).
"""

from ..chat.models.errors import ErrorObject, ErrorResponse
from .models import (
    ChatCompletionStreamOptionsParam,
    Completion,
    CompletionChoice,
    CompletionCreateParams,
    CompletionTokensDetails,
    CompletionUsage,
    FinishReason,
    Logprobs,
    Prompt,
    PromptTokensDetails,
)

__all__ = [
    "ChatCompletionStreamOptionsParam",
    "Completion",
    "CompletionChoice",
    "CompletionCreateParams",
    "CompletionTokensDetails",
    "CompletionUsage",
    "ErrorObject",
    "ErrorResponse",
    "FinishReason",
    "Logprobs",
    "Prompt",
    "PromptTokensDetails",
]
