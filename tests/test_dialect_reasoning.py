"""Reasoning across dialects (issue 7, points 1, 5 and 6).

* A chat server's reasoning (``reasoning_content``, ``reasoning``, OpenRouter's
  ``reasoning_details``) reaches an anthropic client as thinking placed first, signed with the
  bridge's own carrier, streamed live; the client's next request gives it back to the chat server
  in the caller's dialect, and never to Anthropic.
* One chat chunk carrying reasoning, text and tool calls keeps that order in every target.
* Only OpenAI's own reasoning reaches the Responses API.
* Room to answer: a source without an output limit leaves the thinking budget whole
  (``default_max_tokens``).
* Anthropic refuses thinking when the latest assistant tool turn has no thinking block.
"""

from __future__ import annotations

import json
from typing import Any

import anthropic.lib.streaming._messages as sdk_messages
import anthropic.types
import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openai import omit
from openai.lib.streaming.responses._responses import ResponseStreamState
from openai.types.responses import ResponseCreateParams as SdkResponseCreateParams
from openai.types.responses import ResponseStreamEvent as SdkResponseStreamEvent

from openai_claude_bridge import (
    SSETranscoder,
    StreamConverter,
    UnsupportedFeatureError,
    convert_request,
    convert_response,
    to_wire,
)
from openai_claude_bridge.anthropic.reasoning_carrier import PREFIX, decode_carrier
from openai_claude_bridge.options import ChatDialect, Format
from openai_claude_bridge.responses.reasoning_carrier import PREFIX as RESPONSES_PREFIX
from tests.support.oracle import assert_sdk_strict
from tests.support.sdk_types import SDK_TYPES

_EVENT: Any = pydantic.TypeAdapter(anthropic.types.RawMessageStreamEvent)

REASONING = "The user wants the weather. I should call get_weather for Paris."
CALL: dict[str, Any] = {
    "id": "call_0",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
}

#: The same reasoning in each dialect a chat server answers with.
DIALECT_MESSAGES: dict[str, dict[str, Any]] = {
    "reasoning_content": {"reasoning_content": REASONING},
    "reasoning": {"reasoning": REASONING},
    "reasoning_details": {
        "reasoning": REASONING,
        "reasoning_details": [{"type": "reasoning.text", "text": REASONING}],
    },
}


def _chat_completion(message_fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "deepseek-reasoner",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "logprobs": None,
                "message": {
                    "role": "assistant",
                    "content": "Let me check.",
                    **message_fields,
                    "tool_calls": [CALL],
                },
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30},
    }


def _chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "deepseek-reasoner",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


#: A DeepSeek-style stream: reasoning first, then text, then a tool call.
STREAM = [
    _chunk({"role": "assistant", "content": None, "reasoning_content": ""}),
    _chunk({"reasoning_content": "The user wants the weather. "}),
    _chunk({"reasoning_content": "I should call get_weather for Paris."}),
    _chunk({"content": "Let me check."}),
    _chunk({"tool_calls": [{**CALL, "index": 0, "function": {**CALL["function"]}}]}),
    _chunk({}, "tool_calls"),
]


def _next_request(assistant_content: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    """Claude Code's next request: the answer as it got it, then the tool result."""
    return {
        "model": "claude-sonnet-4-5",
        "max_tokens": 4096,
        "messages": [
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": assistant_content},
            {
                "role": "user",
                "content": [{"type": "tool_result", "tool_use_id": "call_0", "content": "18 C"}],
            },
        ],
        **fields,
    }


def _accumulate(events: list[Any]) -> list[dict[str, Any]]:
    """The anthropic SDK's own accumulation of a converted stream: the message's content."""
    snapshot: Any = None
    for event in events:
        snapshot = sdk_messages.accumulate_event(
            event=_EVENT.validate_python(to_wire(event)),
            current_snapshot=snapshot,
            json_bufs={},
        )
    return [block.model_dump(exclude_none=True) for block in snapshot.content]


# --------------------------------------------------------------------------- 1. responses


@pytest.mark.parametrize("dialect", ["openai", "reasoning_content", "openrouter"])
@pytest.mark.parametrize("field", sorted(DIALECT_MESSAGES))
def test_chat_reasoning_becomes_thinking_first(field: str, dialect: ChatDialect) -> None:
    """Whatever ``chat_dialect`` says (reading is liberal), every reasoning field becomes a
    thinking block before the text and the tool call, with nothing reported lost."""
    losses: list[Any] = []
    message = to_wire(
        convert_response(
            _chat_completion(DIALECT_MESSAGES[field]),
            source="chat",
            target="anthropic",
            chat_dialect=dialect,
            on_loss=losses.append,
        )
    )
    assert_sdk_strict(message, *SDK_TYPES[("anthropic", "Message")])
    assert [block["type"] for block in message["content"]] == ["thinking", "text", "tool_use"]
    thinking = message["content"][0]
    assert thinking["thinking"] == REASONING
    assert thinking["signature"].startswith(PREFIX)
    assert losses == []


def test_the_carrier_is_prefixed_and_fits_only_its_text() -> None:
    message = to_wire(
        convert_response(
            _chat_completion(DIALECT_MESSAGES["reasoning_content"]),
            source="chat",
            target="anthropic",
        )
    )
    signature = message["content"][0]["signature"]
    assert signature.startswith("ocb-reasoning-v1:")
    assert REASONING not in signature  # a digest ties it to the text; the text is not repeated
    part = decode_carrier(REASONING, signature, path="")
    assert part is not None and part.origin == "chat" and part.text == REASONING
    assert decode_carrier(REASONING + " (edited)", signature, path="") is None


# --------------------------------------------------------------------------- 1. streams


def test_reasoning_streams_live_as_thinking() -> None:
    """The chunk that brings the first reasoning opens the thinking block and sends its delta
    in the same feed; the block is signed and stopped before the text block starts."""
    converter = StreamConverter(source="chat", target="anthropic")
    fed = [[to_wire(e) for e in converter.feed(chunk)] for chunk in STREAM]
    closing = [to_wire(e) for e in converter.finish()]
    assert [e["type"] for e in fed[0]] == ["message_start"]
    assert [e["type"] for e in fed[1]] == ["content_block_start", "content_block_delta"]
    assert fed[1][0]["content_block"] == {"type": "thinking", "thinking": "", "signature": ""}
    assert fed[1][1]["delta"] == {"type": "thinking_delta", "thinking": STREAM[1]["choices"][0][
        "delta"]["reasoning_content"]}  # fmt: skip
    assert [e["delta"]["type"] for e in fed[2]] == ["thinking_delta"]
    text_chunk = [(e["type"], e.get("delta", {}).get("type")) for e in fed[3]]
    assert text_chunk == [
        ("content_block_delta", "signature_delta"),
        ("content_block_stop", None),
        ("content_block_start", None),
        ("content_block_delta", "text_delta"),
    ]
    assert fed[3][0]["delta"]["signature"].startswith(PREFIX)
    events = [e for batch in fed for e in batch] + closing
    for event in events:
        assert_sdk_strict(event, *SDK_TYPES[("anthropic", "RawMessageStreamEvent")])


def _accumulated_chat_response() -> dict[str, Any]:
    return _chat_completion(DIALECT_MESSAGES["reasoning_content"])


def test_stream_equals_non_stream() -> None:
    converter = StreamConverter(source="chat", target="anthropic")
    events = [e for chunk in STREAM for e in converter.feed(chunk)] + converter.finish()
    streamed = _accumulate(events)
    whole = to_wire(
        convert_response(_accumulated_chat_response(), source="chat", target="anthropic")
    )
    assert streamed == whole["content"]


def test_sse_transcoded_reasoning_comes_back_to_the_chat_server() -> None:
    """chat SSE -> anthropic SSE -> what Claude Code keeps -> its next request -> the chat server
    (reasoning_content dialect): the reasoning is on that same assistant message."""
    body = b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in STREAM)
    body += b"data: [DONE]\n\n"
    tx = SSETranscoder(source="chat", target="anthropic")
    out = b"".join(tx.feed(body[i : i + 7]) for i in range(0, len(body), 7)) + tx.finish()
    frames = [
        json.loads(line[len(b"data: ") :]) for line in out.split(b"\n") if line.startswith(b"data:")
    ]
    content = _accumulate([_EVENT.validate_python(frame) for frame in frames])
    request = to_wire(
        convert_request(
            _next_request(content),
            source="anthropic",
            target="chat",
            chat_dialect="reasoning_content",
        )
    )
    assistant = request["messages"][1]
    assert assistant["reasoning_content"] == REASONING
    assert assistant["tool_calls"][0]["id"] == "call_0"


# --------------------------------------------------------------------------- 1. next request


def _shown_thinking() -> list[dict[str, Any]]:
    message = to_wire(
        convert_response(_accumulated_chat_response(), source="chat", target="anthropic")
    )
    content: list[dict[str, Any]] = message["content"]
    return content


@pytest.mark.parametrize(
    ("dialect", "expected", "lost"),
    [
        ("reasoning_content", {"reasoning_content": REASONING}, []),
        (
            "openrouter",
            {
                "reasoning": REASONING,
                "reasoning_details": [{"type": "reasoning.text", "text": REASONING}],
            },
            [],
        ),
        ("openai", {}, [("messages[1].content[0]", "reasoning")]),
    ],
)
def test_next_request_gives_the_reasoning_back_in_the_chosen_dialect(
    dialect: ChatDialect, expected: dict[str, Any], lost: list[tuple[str, str]]
) -> None:
    losses: list[Any] = []
    request = to_wire(
        convert_request(
            _next_request(_shown_thinking()),
            source="anthropic",
            target="chat",
            chat_dialect=dialect,
            on_loss=losses.append,
        )
    )
    assistant = request["messages"][1]
    reasoning_fields = {k: v for k, v in assistant.items() if k.startswith("reasoning")}
    assert reasoning_fields == expected
    assert assistant["tool_calls"][0]["function"]["name"] == "get_weather"
    assert [(loss.path, loss.feature) for loss in losses] == lost
    if dialect == "openai":
        assert_sdk_strict(request, *SDK_TYPES[("chat", "CompletionCreateParams")])


@pytest.mark.parametrize("source", ["anthropic"])
def test_carrier_thinking_is_never_sent_to_anthropic(source: Format) -> None:
    """anthropic -> anthropic included: the carrier block is dropped and reported, and thinking
    (which Anthropic would then refuse: the tool turn has no thinking block) is left out."""
    losses: list[Any] = []
    request = _next_request(_shown_thinking(), thinking={"type": "enabled", "budget_tokens": 2048})
    out = to_wire(
        convert_request(request, source=source, target="anthropic", on_loss=losses.append)
    )
    assert_sdk_strict(out, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    assert [b["type"] for b in out["messages"][1]["content"]] == ["text", "tool_use"]
    assert "thinking" not in out
    assert [(loss.path, loss.feature) for loss in losses] == [
        ("messages[1].content[0]", "reasoning"),
        ("thinking", "reasoning"),
    ]
    with pytest.raises(UnsupportedFeatureError):
        convert_request(request, source=source, target="anthropic", strict=True)


def test_genuine_anthropic_thinking_still_goes_to_anthropic() -> None:
    content: list[dict[str, Any]] = [
        {"type": "thinking", "thinking": "Call the tool.", "signature": "EqQBCkYIARgC"},
        {"type": "tool_use", "id": "call_0", "name": "get_weather", "input": {"city": "Paris"}},
    ]
    request = _next_request(content, thinking={"type": "enabled", "budget_tokens": 2048})
    assert to_wire(convert_request(request, source="anthropic", target="anthropic")) == request


# --------------------------------------------------------------------------- 1. one chunk, in order


ONE_CHUNK: list[dict[str, Any]] = [
    _chunk(
        {
            "role": "assistant",
            "reasoning_content": "Think first.",
            "content": "Then talk.",
            "tool_calls": [{**CALL, "index": 0}],
        },
        "tool_calls",
    )
]

EMPTY_FIRST: list[dict[str, Any]] = [
    _chunk({"role": "assistant", "content": ""}),
    _chunk({"reasoning_content": "Think first."}),
    _chunk({"content": "Then talk."}),
    _chunk({"tool_calls": [{**CALL, "index": 0}]}),
    _chunk({}, "tool_calls"),
]

#: The order of what each target shows: (reasoning, text, tool call) by the target's names.
ORDER: dict[str, list[str]] = {
    "anthropic": ["thinking", "text", "tool_use"],
    "responses": ["reasoning", "message", "function_call"],
}


def _opened(target: str, events: list[Any]) -> list[str]:
    wires = [to_wire(e) for e in events]
    if target == "anthropic":
        return [w["content_block"]["type"] for w in wires if w["type"] == "content_block_start"]
    return [w["item"]["type"] for w in wires if w["type"] == "response.output_item.added"]


@pytest.mark.parametrize("chunks", [ONE_CHUNK, EMPTY_FIRST], ids=["one-chunk", "empty-first"])
@pytest.mark.parametrize("target", sorted(ORDER))
def test_reasoning_text_and_tool_calls_keep_their_order(
    target: str, chunks: list[dict[str, Any]]
) -> None:
    converter = StreamConverter(source="chat", target=target, chat_dialect="reasoning_content")
    events = [e for chunk in chunks for e in converter.feed(chunk)] + converter.finish()
    assert _opened(target, events) == ORDER[target]


@pytest.mark.parametrize("chunks", [ONE_CHUNK, EMPTY_FIRST], ids=["one-chunk", "empty-first"])
def test_chat_to_chat_keeps_the_order_too(chunks: list[dict[str, Any]]) -> None:
    converter = StreamConverter(source="chat", target="chat", chat_dialect="reasoning_content")
    keys = [
        key
        for chunk in chunks
        for event in converter.feed(chunk)
        for choice in to_wire(event).get("choices", [])
        for key in ("reasoning_content", "content", "tool_calls")
        if choice["delta"].get(key)
    ]
    assert list(dict.fromkeys(keys)) == ["reasoning_content", "content", "tool_calls"]


def test_responses_stream_with_reasoning_first_accumulates() -> None:
    """chat -> responses: the SDK's own ``ResponseStreamState`` builds reasoning, message, call."""
    converter = StreamConverter(source="chat", target="responses")
    events = [e for chunk in ONE_CHUNK for e in converter.feed(chunk)] + converter.finish()
    state: Any = ResponseStreamState(input_tools=[], text_format=omit)
    adapter: Any = pydantic.TypeAdapter(SdkResponseStreamEvent)
    for event in events:
        state.handle_event(adapter.validate_python(to_wire(event)))
    built = [item.type for item in state._completed_response.output]
    assert built == ["reasoning", "message", "function_call"]


# --------------------------------------------------------------------------- 5. Responses upstreams

OPENAI_ITEM = {
    "type": "reasoning",
    "id": "rs_68c1f6b0d1e28193",
    "summary": [{"type": "summary_text", "text": "Check units."}],
    "encrypted_content": "gAAAAABo-opaque",
}


def _responses_request(*items: dict[str, Any]) -> dict[str, Any]:
    return {
        "model": "gpt-5",
        "input": [{"role": "user", "content": "Weather in Paris?"}, *items],
    }


def _bridge_made_items() -> list[dict[str, Any]]:
    """The reasoning items a Responses client got from the bridge for other servers' reasoning:
    anthropic signed thinking, redacted thinking, a chat server's reasoning text."""
    anthropic_message = {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude",
        "content": [
            {"type": "thinking", "thinking": "Hmm.", "signature": "EqQBCkYIARgC"},
            {"type": "redacted_thinking", "data": "EmwKAhgB"},
            {"type": "text", "text": "Hi."},
        ],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": 1, "output_tokens": 1},
    }
    from_anthropic = to_wire(
        convert_response(anthropic_message, source="anthropic", target="responses")
    )
    from_chat = to_wire(
        convert_response(_accumulated_chat_response(), source="chat", target="responses")
    )
    items = [
        item
        for response in (from_anthropic, from_chat)
        for item in response["output"]
        if item["type"] == "reasoning"
    ]
    assert len(items) == 3
    assert all(item["encrypted_content"].startswith(RESPONSES_PREFIX) for item in items)
    return items


def test_only_openai_reasoning_reaches_openai() -> None:
    losses: list[Any] = []
    request = _responses_request(OPENAI_ITEM, *_bridge_made_items())
    out = to_wire(
        convert_request(request, source="responses", target="responses", on_loss=losses.append)
    )
    assert [item for item in out["input"] if item.get("type") == "reasoning"] == [OPENAI_ITEM]
    assert [(loss.path, loss.feature) for loss in losses] == [
        ("input[2]", "reasoning"),
        ("input[3]", "reasoning"),
        ("input[4]", "reasoning"),
    ]
    assert_sdk_strict(out, SdkResponseCreateParams)


@pytest.mark.parametrize(
    ("source", "request_body", "path"),
    [
        (
            "anthropic",
            _next_request(
                [
                    {"type": "thinking", "thinking": "Hmm.", "signature": "EqQBCkYIARgC"},
                    {"type": "tool_use", "id": "call_0", "name": "f", "input": {}},
                ]
            ),
            "messages[1].content[0]",
        ),
        (
            "chat",
            {
                "model": "m",
                "messages": [
                    {"role": "user", "content": "hi"},
                    {"role": "assistant", "content": "ok", "reasoning_content": "Hmm."},
                    {"role": "user", "content": "again"},
                ],
            },
            "messages[1].reasoning_content",
        ),
    ],
)
def test_foreign_reasoning_is_not_sent_to_openai(
    source: Format, request_body: dict[str, Any], path: str
) -> None:
    losses: list[Any] = []
    out = to_wire(
        convert_request(request_body, source=source, target="responses", on_loss=losses.append)
    )
    assert not [item for item in out["input"] if item.get("type") == "reasoning"]
    assert (path, "reasoning") in [(loss.path, loss.feature) for loss in losses]
    assert_sdk_strict(out, SdkResponseCreateParams)


def test_openai_reasoning_through_an_anthropic_client_reaches_openai() -> None:
    """The reverse carrier restores OpenAI's own item, which may go back to OpenAI."""
    response = {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "gpt-5",
        "status": "completed",
        "output": [
            OPENAI_ITEM,
            {
                "type": "function_call",
                "id": "fc_1",
                "call_id": "call_0",
                "name": "get_weather",
                "arguments": "{}",
                "status": "completed",
            },
        ],
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
    }
    message = to_wire(convert_response(response, source="responses", target="anthropic"))
    out = to_wire(
        convert_request(_next_request(message["content"]), source="anthropic", target="responses")
    )
    assert [item for item in out["input"] if item.get("type") == "reasoning"] == [OPENAI_ITEM]


def test_chat_reasoning_through_a_responses_client_returns_to_the_chat_server() -> None:
    """Codex in front of a chat server: the reasoning item it got holds a carrier; its next
    request gives the text back to the chat server in the chosen dialect."""
    response = to_wire(
        convert_response(_accumulated_chat_response(), source="chat", target="responses")
    )
    call = next(item for item in response["output"] if item["type"] == "function_call")
    request = _responses_request(
        *response["output"],
        {"type": "function_call_output", "call_id": call["call_id"], "output": "18 C"},
    )
    out = to_wire(
        convert_request(
            request, source="responses", target="chat", chat_dialect="reasoning_content"
        )
    )
    assistant = out["messages"][1]
    assert assistant["reasoning_content"] == REASONING
    assert assistant["tool_calls"][0]["id"] == "call_0"


# --------------------------------------------------------------------------- 5. room to answer


CODEX_REQUEST = {
    "model": "gpt-5-codex",
    "input": [{"role": "user", "content": "Fix the bug."}],
    "reasoning": {"effort": "medium", "summary": "auto"},
}


def test_thinking_keeps_its_budget_and_room_to_answer() -> None:
    losses: list[Any] = []
    out = to_wire(
        convert_request(
            CODEX_REQUEST, source="responses", target="anthropic", on_loss=losses.append
        )
    )
    budget = out["thinking"]["budget_tokens"]
    assert budget == 8192  # effort "medium" by the default policy, at its full size
    assert out["max_tokens"] == budget + 8192
    assert ("max_tokens", "max_tokens") in [(loss.path, loss.feature) for loss in losses]


def test_default_max_tokens_is_the_callers_choice() -> None:
    losses: list[Any] = []
    out = to_wire(
        convert_request(
            CODEX_REQUEST,
            source="responses",
            target="anthropic",
            default_max_tokens=32000,
            on_loss=losses.append,
        )
    )
    assert out["max_tokens"] == 32000 and out["thinking"]["budget_tokens"] == 8192
    assert "max_tokens" not in [loss.feature for loss in losses]
    small = to_wire(
        convert_request(
            CODEX_REQUEST, source="responses", target="anthropic", default_max_tokens=3000
        )
    )
    assert small["max_tokens"] == 3000 and small["thinking"]["budget_tokens"] == 3000 - 1024
    given = {**CODEX_REQUEST, "max_output_tokens": 2000}
    assert (
        to_wire(
            convert_request(given, source="responses", target="anthropic", default_max_tokens=32000)
        )["max_tokens"]
        == 2000
    )


@pytest.mark.parametrize("bad", [0, -1, 1.5, "100", True])
def test_default_max_tokens_must_be_a_positive_int(bad: Any) -> None:
    with pytest.raises(ValueError, match="default_max_tokens"):
        convert_request(
            CODEX_REQUEST, source="responses", target="anthropic", default_max_tokens=bad
        )


# --------------------------------------------------------------------------- 6. thinking and tools


def test_thinking_is_left_out_when_the_tool_turn_has_no_thinking() -> None:
    """A chat history (another model, no thinking blocks) with thinking enabled: Anthropic would
    refuse it, so it goes without thinking, reported."""
    request: dict[str, Any] = {
        "model": "m",
        "reasoning_effort": "high",
        "max_completion_tokens": 32000,
        "messages": [
            {"role": "user", "content": "Weather?"},
            {"role": "assistant", "content": None, "tool_calls": [CALL]},
            {"role": "tool", "tool_call_id": "call_0", "content": "18 C"},
        ],
    }
    losses: list[Any] = []
    out = to_wire(
        convert_request(request, source="chat", target="anthropic", on_loss=losses.append)
    )
    assert "thinking" not in out
    assert ("reasoning_effort", "reasoning") in [(loss.path, loss.feature) for loss in losses]
    # a turn that ended in text (no pending tool call) does not need thinking blocks
    done = {**request, "messages": [*request["messages"], {"role": "assistant", "content": "18 C"}]}
    done["messages"].append({"role": "user", "content": "Thanks, and tomorrow?"})
    assert to_wire(convert_request(done, source="chat", target="anthropic"))["thinking"] == {
        "type": "enabled",
        "budget_tokens": 16384,
    }


def test_an_anthropic_clients_own_request_goes_as_it_came() -> None:
    """What an anthropic client itself sent is not second-guessed (the API answers it)."""
    content = [{"type": "tool_use", "id": "call_0", "name": "f", "input": {}}]
    request = _next_request(content, thinking={"type": "enabled", "budget_tokens": 2048})
    assert to_wire(convert_request(request, source="anthropic", target="anthropic")) == request


# --------------------------------------------------------------------------- property


def _split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts})
    return [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True) if a < b]


def _reasoning_delta(field: str, fragment: str) -> dict[str, Any]:
    if field == "reasoning_details":
        return {"reasoning_details": [{"type": "reasoning.text", "text": fragment, "index": 0}]}
    return {field: fragment}


@settings(max_examples=60, deadline=None)
@given(
    field=st.sampled_from(sorted(DIALECT_MESSAGES)),
    reasoning=st.text(min_size=1, max_size=40),
    text=st.text(max_size=20),
    reasoning_cuts=st.lists(st.integers(0, 40), max_size=5),
    text_cuts=st.lists(st.integers(0, 20), max_size=3),
    with_call=st.booleans(),
)
def test_any_chunking_of_chat_reasoning_streams_as_the_non_stream_answer(
    *,
    field: str,
    reasoning: str,
    text: str,
    reasoning_cuts: list[int],
    text_cuts: list[int],
    with_call: bool,
) -> None:
    chunks = [_chunk({"role": "assistant", "content": ""})]
    chunks += [_chunk(_reasoning_delta(field, f)) for f in _split(reasoning, reasoning_cuts)]
    chunks += [_chunk({"content": f}) for f in _split(text, text_cuts)]
    if with_call:
        chunks.append(_chunk({"tool_calls": [{**CALL, "index": 0}]}))
    chunks.append(_chunk({}, "tool_calls" if with_call else "stop"))
    converter = StreamConverter(source="chat", target="anthropic")
    events = [e for chunk in chunks for e in converter.feed(chunk)] + converter.finish()
    message: dict[str, Any] = {"role": "assistant", "content": text}
    if field == "reasoning_details":
        message["reasoning_details"] = [{"type": "reasoning.text", "text": reasoning}]
    else:
        message[field] = reasoning
    if with_call:
        message["tool_calls"] = [CALL]
    whole = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "deepseek-reasoner",
        "choices": [
            {"index": 0, "finish_reason": "tool_calls" if with_call else "stop", "message": message}
        ],
    }
    expected = to_wire(convert_response(whole, source="chat", target="anthropic"))["content"]
    assert _accumulate(events) == expected
    assert expected[0]["type"] == "thinking" and expected[0]["thinking"] == reasoning
