"""The official SDK types our main wire types must satisfy (the strict oracle's targets)."""

from __future__ import annotations

from typing import Any

import anthropic.types
import anthropic.types.beta
import anthropic.types.message_create_params as anthropic_create
import openai.types
import openai.types.chat
import openai.types.responses
from typing_extensions import TypedDict

from openai_claude_bridge.options import Format


class _OpenAIErrorBody(TypedDict):
    """``{"error": ErrorObject}``: the SDK types only the inner object."""

    error: openai.types.ErrorObject


class _AnthropicSampling(TypedDict, total=False):
    """``temperature``, ``top_p``, ``top_k``: removed from the anthropic SDK's request types in
    1.0, still accepted by the Messages API (the SDK's migration guide sends them in the body).
    A documented dialect of the anthropic request: exactly these three keys are allowed."""

    temperature: float
    top_p: float
    top_k: int


class AnthropicCreateNonStreaming(
    anthropic_create.MessageCreateParamsNonStreaming, _AnthropicSampling
):
    """The SDK's non-streaming request plus the sampling dialect keys."""


class AnthropicCreateStreaming(anthropic_create.MessageCreateParamsStreaming, _AnthropicSampling):
    """The SDK's streaming request plus the sampling dialect keys."""


#: The anthropic request types an output request must satisfy (SDK + sampling dialect).
ANTHROPIC_REQUEST = (AnthropicCreateNonStreaming, AnthropicCreateStreaming)

#: (format, our type name) -> the SDK types one of which must accept the wire JSON.
SDK_TYPES: dict[tuple[Format, str], tuple[Any, ...]] = {
    ("anthropic", "MessageCreateParams"): ANTHROPIC_REQUEST,
    ("anthropic", "Message"): (anthropic.types.Message,),
    ("anthropic", "RawMessageStreamEvent"): (
        anthropic.types.RawMessageStreamEvent,
        anthropic.types.beta.BetaRawMessageStreamEvent,  # compaction, MCP and other beta blocks
    ),
    ("anthropic", "ErrorResponse"): (anthropic.types.ErrorResponse,),
    ("chat", "CompletionCreateParams"): (openai.types.chat.CompletionCreateParams,),
    ("chat", "ChatCompletion"): (openai.types.chat.ChatCompletion,),
    ("chat", "ChatCompletionChunk"): (openai.types.chat.ChatCompletionChunk,),
    ("chat", "ErrorResponse"): (_OpenAIErrorBody,),
    ("responses", "ResponseCreateParams"): (openai.types.responses.ResponseCreateParams,),
    ("responses", "Response"): (openai.types.responses.Response,),
    ("responses", "ResponseStreamEvent"): (openai.types.responses.ResponseStreamEvent,),
    ("responses", "ErrorResponse"): (_OpenAIErrorBody,),
    ("completions", "CompletionCreateParams"): (openai.types.CompletionCreateParams,),
    ("completions", "Completion"): (openai.types.Completion,),
    ("completions", "ErrorResponse"): (_OpenAIErrorBody,),
}
