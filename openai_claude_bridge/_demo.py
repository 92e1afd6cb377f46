"""Built-in sample payloads of every format, for ``python -m openai_claude_bridge demo``.

One small but realistic conversation (a system prompt, an image, a tool call and its result, cached
usage) written in each API's own wire shape. Tests check that every sample validates strictly
against the official SDK types.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .options import Format

Kind = Literal["request", "response", "event"]

_PIXEL = (  # a 1x1 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
_WEATHER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"city": {"type": "string"}},
    "required": ["city"],
}


@dataclass(frozen=True)
class Sample:
    """One wire payload and the model type that reads it."""

    format: Format
    kind: Kind
    type_name: str
    payload: dict[str, Any]
    title: str


SAMPLES: tuple[Sample, ...] = (
    Sample(
        "anthropic",
        "request",
        "MessageCreateParams",
        {
            "model": "claude-sonnet-4-5",
            "max_tokens": 1024,
            "system": [
                {"type": "text", "text": "You are terse.", "cache_control": {"type": "ephemeral"}}
            ],
            "messages": [
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "image",
                            "source": {"type": "base64", "media_type": "image/png", "data": _PIXEL},
                        },
                        {"type": "text", "text": "What's the weather where this was taken?"},
                    ],
                },
                {
                    "role": "assistant",
                    "content": [
                        {
                            "type": "tool_use",
                            "id": "toolu_01A",
                            "name": "get_weather",
                            "input": {"city": "Paris"},
                        }
                    ],
                },
                {
                    "role": "user",
                    "content": [
                        {"type": "tool_result", "tool_use_id": "toolu_01A", "content": "18°C"}
                    ],
                },
            ],
            "tools": [
                {
                    "name": "get_weather",
                    "description": "Current weather for a city.",
                    "input_schema": _WEATHER_SCHEMA,
                }
            ],
            "tool_choice": {"type": "auto", "disable_parallel_tool_use": True},
            "thinking": {"type": "enabled", "budget_tokens": 512},
        },
        "request: cached system block, image, tool call and result, thinking budget",
    ),
    Sample(
        "anthropic",
        "response",
        "Message",
        {
            "id": "msg_01B",
            "type": "message",
            "role": "assistant",
            "model": "claude-sonnet-4-5",
            "content": [
                {"type": "thinking", "thinking": "The tool said 18°C.", "signature": "EqQBCkYI"},
                {"type": "text", "text": "It is 18°C in Paris.", "citations": None},
            ],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": {
                "input_tokens": 86,
                "output_tokens": 21,
                "cache_read_input_tokens": 1920,
                "cache_creation_input_tokens": 0,
            },
        },
        "response: signed thinking, text, cached usage",
    ),
    Sample(
        "anthropic",
        "event",
        "RawMessageStreamEvent",
        {"type": "content_block_delta", "index": 1, "delta": {"type": "text_delta", "text": "It"}},
        "stream event: a text delta",
    ),
    Sample(
        "chat",
        "request",
        "CompletionCreateParams",
        {
            "model": "gpt-4o",
            "messages": [
                {"role": "system", "content": "You are terse."},
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "image_url",
                            "image_url": {"url": f"data:image/png;base64,{_PIXEL}"},
                        },
                        {"type": "text", "text": "What's the weather where this was taken?"},
                    ],
                },
                {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {
                            "id": "call_01A",
                            "type": "function",
                            "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
                        }
                    ],
                },
                {"role": "tool", "tool_call_id": "call_01A", "content": "18°C"},
            ],
            "tools": [
                {
                    "type": "function",
                    "function": {
                        "name": "get_weather",
                        "description": "Current weather for a city.",
                        "parameters": _WEATHER_SCHEMA,
                    },
                }
            ],
            "parallel_tool_calls": False,
            "stream": True,
            "stream_options": {"include_usage": True},
        },
        "request: system, image, tool call and tool message",
    ),
    Sample(
        "chat",
        "response",
        "ChatCompletion",
        {
            "id": "chatcmpl-01B",
            "object": "chat.completion",
            "created": 1764000000,
            "model": "gpt-4o-2024-08-06",
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": "It is 18°C in Paris.",
                        "refusal": None,
                        "annotations": [],
                    },
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {
                "prompt_tokens": 2006,
                "completion_tokens": 21,
                "total_tokens": 2027,
                "prompt_tokens_details": {"cached_tokens": 1920, "audio_tokens": 0},
                "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0},
            },
            "system_fingerprint": "fp_01",
        },
        "response: text, cached usage",
    ),
    Sample(
        "chat",
        "event",
        "ChatCompletionChunk",
        {
            "id": "chatcmpl-01B",
            "object": "chat.completion.chunk",
            "created": 1764000000,
            "model": "gpt-4o-2024-08-06",
            "choices": [
                {
                    "index": 0,
                    "delta": {
                        "tool_calls": [
                            {"index": 1, "function": {"arguments": '{"ci'}},
                        ]
                    },
                    "finish_reason": None,
                }
            ],
        },
        "stream chunk: a fragment of the second parallel tool call's arguments",
    ),
    Sample(
        "responses",
        "request",
        "ResponseCreateParams",
        {
            "model": "gpt-5",
            "instructions": "You are terse.",
            "input": [
                {
                    "role": "user",
                    "content": [
                        {
                            "type": "input_image",
                            "image_url": f"data:image/png;base64,{_PIXEL}",
                            "detail": "auto",
                        },
                        {"type": "input_text", "text": "What's the weather where this was taken?"},
                    ],
                },
                {
                    "type": "function_call",
                    "call_id": "call_01A",
                    "name": "get_weather",
                    "arguments": '{"city":"Paris"}',
                },
                {"type": "function_call_output", "call_id": "call_01A", "output": "18°C"},
            ],
            "tools": [
                {
                    "type": "function",
                    "name": "get_weather",
                    "description": "Current weather for a city.",
                    "parameters": _WEATHER_SCHEMA,
                    "strict": False,
                }
            ],
            "reasoning": {"effort": "low", "summary": "auto"},
            "include": ["reasoning.encrypted_content"],
            "store": False,
        },
        "request: instructions, image, function call and output, reasoning",
    ),
    Sample(
        "responses",
        "response",
        "Response",
        {
            "id": "resp_01B",
            "object": "response",
            "created_at": 1764000000,
            "status": "completed",
            "model": "gpt-5-2025-08-07",
            "output": [
                {
                    "type": "reasoning",
                    "id": "rs_01",
                    "summary": [{"type": "summary_text", "text": "The tool said 18°C."}],
                    "encrypted_content": "gAAAAB",
                },
                {
                    "type": "message",
                    "id": "msg_01",
                    "role": "assistant",
                    "status": "completed",
                    "content": [
                        {
                            "type": "output_text",
                            "text": "It is 18°C in Paris.",
                            "annotations": [],
                        }
                    ],
                },
            ],
            "error": None,
            "incomplete_details": None,
            "instructions": "You are terse.",
            "metadata": {},
            "parallel_tool_calls": True,
            "temperature": 1.0,
            "tool_choice": "auto",
            "tools": [],
            "top_p": 1.0,
            "usage": {
                "input_tokens": 2006,
                "input_tokens_details": {"cached_tokens": 1920, "cache_write_tokens": 0},
                "output_tokens": 21,
                "output_tokens_details": {"reasoning_tokens": 12},
                "total_tokens": 2027,
            },
        },
        "response: reasoning with encrypted content, message, cached usage",
    ),
    Sample(
        "responses",
        "event",
        "ResponseStreamEvent",
        {
            "type": "response.output_text.delta",
            "sequence_number": 7,
            "item_id": "msg_01",
            "output_index": 1,
            "content_index": 0,
            "delta": "It",
            "logprobs": [],
        },
        "stream event: a text delta",
    ),
    Sample(
        "completions",
        "request",
        "CompletionCreateParams",
        {
            "model": "gpt-3.5-turbo-instruct",
            "prompt": "Say this is a test",
            "max_tokens": 7,
            "temperature": 0,
            "logprobs": 1,
            "stop": ["\n"],
        },
        "request: prompt, logprobs, stop",
    ),
    Sample(
        "completions",
        "response",
        "Completion",
        {
            "id": "cmpl-01B",
            "object": "text_completion",
            "created": 1764000000,
            "model": "gpt-3.5-turbo-instruct",
            "choices": [
                {
                    "text": "This is a test.",
                    "index": 0,
                    "logprobs": None,
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10},
        },
        "response: text",
    ),
)
