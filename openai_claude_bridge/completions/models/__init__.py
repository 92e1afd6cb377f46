"""The typed wire models of OpenAI legacy Completions; re-exported here."""

from ...chat import (
    ChatCompletionStreamOptionsParam,
    CompletionTokensDetails,
    CompletionUsage,
    PromptTokensDetails,
)
from .request import (
    CompletionCreateParams,
    Prompt,
)
from .response import (
    Completion,
    CompletionChoice,
    FinishReason,
    Logprobs,
)

__all__ = [
    "ChatCompletionStreamOptionsParam",
    "Completion",
    "CompletionChoice",
    "CompletionCreateParams",
    "CompletionTokensDetails",
    "CompletionUsage",
    "FinishReason",
    "Logprobs",
    "Prompt",
    "PromptTokensDetails",
]
