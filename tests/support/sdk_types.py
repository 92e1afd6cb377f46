"""The official SDK types our main wire types must satisfy (the strict oracle's targets)."""

from __future__ import annotations

from typing import Any

import anthropic.types
import anthropic.types.beta
import openai.types
import openai.types.chat
import openai.types.responses
from typing_extensions import TypedDict

from openai_claude_bridge.options import Format


class _OpenAIErrorBody(TypedDict):
    """``{"error": ErrorObject}``: the SDK types only the inner object."""

    error: openai.types.ErrorObject


#: (format, our type name) -> the SDK types one of which must accept the wire JSON.
SDK_TYPES: dict[tuple[Format, str], tuple[Any, ...]] = {
    ("anthropic", "MessageCreateParams"): (anthropic.types.MessageCreateParams,),
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
