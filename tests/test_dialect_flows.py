"""Whole proxy flows, turn after turn, through the public entry points (issue 7).

Each test plays a proxy: the client's request is converted for the upstream, the upstream's
stream is transcoded back (``SSETranscoder`` with ``request=``), the client's SDK accumulates it,
and the client's *next* request — built from what it kept — is converted again. What the upstream
needs back must arrive byte-identical; nothing the bridge made up may reach a provider.
"""

from __future__ import annotations

import json
import re
from typing import Any

import anthropic.lib.streaming._messages as anthropic_accumulator
import anthropic.types
import pydantic
from openai import omit
from openai.lib.streaming.responses._responses import ResponseStreamState
from openai.types.responses import ResponseStreamEvent as SdkResponseStreamEvent

from openai_claude_bridge import SSETranscoder, convert_request, to_wire
from tests.support.oracle import assert_sdk_strict
from tests.support.sdk_types import SDK_TYPES

_ANTHROPIC_EVENT: Any = pydantic.TypeAdapter(anthropic.types.RawMessageStreamEvent)
_RESPONSES_EVENT: Any = pydantic.TypeAdapter(SdkResponseStreamEvent)


def _sse(events: list[dict[str, Any]], *, named: bool) -> bytes:
    frames = []
    for event in events:
        head = f"event: {event['type']}\n".encode() if named else b""
        frames.append(head + b"data: " + json.dumps(event).encode() + b"\n\n")
    return b"".join(frames)


def _frames(body: bytes) -> list[dict[str, Any]]:
    return [
        json.loads(line[len(b"data: ") :])
        for line in body.split(b"\n")
        if line.startswith(b"data: ") and line != b"data: [DONE]"
    ]


def _transcode(body: bytes, source: str, target: str, **options: Any) -> list[dict[str, Any]]:
    """The client's view of an upstream body, fed in small pieces as a network would."""
    tx = SSETranscoder(source=source, target=target, **options)
    out = b"".join(tx.feed(body[i : i + 11]) for i in range(0, len(body), 11)) + tx.finish()
    return _frames(out)


# --------------------------------------------------------------------------- Codex -> Claude

GRAMMAR = 'start: "*** Begin Patch" LF hunk+ "*** End Patch" LF?\n'
APPLY_PATCH = {
    "type": "custom",
    "name": "apply_patch",
    "description": "Edit files with a patch.",
    "format": {"type": "grammar", "syntax": "lark", "definition": GRAMMAR},
}
PATCH = '*** Begin Patch\n*** Update File: a.py\n@@\n-x = "1"\n+x = "2"\n*** End Patch\n'
THINKING = "The file sets x to 1; the user wants 2. I'll patch it."
SIGNATURE = "EqQBCkYIBxgCKkDzQ2xhdWRlIHNpZ25hdHVyZQ=="

CODEX_REQUEST: dict[str, Any] = {
    "model": "gpt-5-codex",
    "instructions": "You are Codex.",
    "input": [{"role": "user", "content": [{"type": "input_text", "text": "Set x to 2."}]}],
    "tools": [APPLY_PATCH],
    "tool_choice": "auto",
    "parallel_tool_calls": False,
    "reasoning": {"effort": "medium", "summary": "auto"},
    "store": False,
    "include": ["reasoning.encrypted_content"],
    "stream": True,
}


def _claude_stream() -> list[dict[str, Any]]:
    """What Claude streams: thinking, then a call of the apply_patch stand-in."""
    arguments = json.dumps({"input": PATCH})
    usage = {"input_tokens": 50, "output_tokens": 1}
    return [
        {"type": "message_start", "message": {
            "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
            "content": [], "stop_reason": None, "stop_sequence": None, "usage": usage}},
        {"type": "content_block_start", "index": 0,
         "content_block": {"type": "thinking", "thinking": "", "signature": ""}},
        {"type": "content_block_delta", "index": 0,
         "delta": {"type": "thinking_delta", "thinking": THINKING}},
        {"type": "content_block_delta", "index": 0,
         "delta": {"type": "signature_delta", "signature": SIGNATURE}},
        {"type": "content_block_stop", "index": 0},
        {"type": "content_block_start", "index": 1, "content_block": {
            "type": "tool_use", "id": "toolu_01", "name": "apply_patch", "input": {}}},
        *[
            {"type": "content_block_delta", "index": 1,
             "delta": {"type": "input_json_delta", "partial_json": arguments[i : i + 9]}}
            for i in range(0, len(arguments), 9)
        ],
        {"type": "content_block_stop", "index": 1},
        {"type": "message_delta", "delta": {"stop_reason": "tool_use", "stop_sequence": None},
         "usage": {"output_tokens": 120}},
        {"type": "message_stop"},
    ]  # fmt: skip


def test_codex_edits_files_through_claude_with_its_thinking_intact() -> None:
    # turn 1: Codex's request for Claude
    first = to_wire(convert_request(CODEX_REQUEST, source="responses", target="anthropic"))
    assert_sdk_strict(first, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    (tool,) = first["tools"]
    assert tool["name"] == "apply_patch"
    assert tool["input_schema"]["properties"]["input"]["type"] == "string"
    budget = first["thinking"]["budget_tokens"]
    assert first["max_tokens"] >= budget + 8192  # room to answer with whole patches

    # Claude's stream, as Codex sees it
    events = _transcode(
        _sse(_claude_stream(), named=True), "anthropic", "responses", request=CODEX_REQUEST
    )
    state: Any = ResponseStreamState(input_tools=[], text_format=omit)
    for event in events:
        assert_sdk_strict(event, *SDK_TYPES[("responses", "ResponseStreamEvent")])
        state.handle_event(_RESPONSES_EVENT.validate_python(event))
    kinds = [e["type"] for e in events]
    assert "response.custom_tool_call_input.delta" in kinds
    streamed_input = "".join(
        e["delta"] for e in events if e["type"] == "response.custom_tool_call_input.delta"
    )
    assert streamed_input == PATCH
    output = events[-1]["response"]["output"]
    reasoning, call = output
    assert reasoning["type"] == "reasoning" and reasoning["encrypted_content"]
    assert call["type"] == "custom_tool_call" and call["input"] == PATCH

    # turn 2: Codex sends back what it kept, with the patch's result
    second_request = {
        **CODEX_REQUEST,
        "input": [
            *CODEX_REQUEST["input"],
            reasoning,
            call,
            {"type": "custom_tool_call_output", "call_id": call["call_id"], "output": "Done!"},
        ],
    }
    second = to_wire(convert_request(second_request, source="responses", target="anthropic"))
    assert_sdk_strict(second, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    assistant = second["messages"][1]
    assert assistant["content"][0] == {
        "type": "thinking",
        "thinking": THINKING,
        "signature": SIGNATURE,
    }
    assert assistant["content"][1] == {
        "type": "tool_use",
        "id": "toolu_01",
        "name": "apply_patch",
        "input": {"input": PATCH},
    }
    result = second["messages"][2]["content"][0]
    assert result["type"] == "tool_result" and result["tool_use_id"] == "toolu_01"
    assert second["thinking"] == first["thinking"]  # the tool turn has its thinking: kept

    # the same history routed to OpenAI: nothing the bridge made reaches it
    losses: list[Any] = []
    to_openai = to_wire(
        convert_request(
            second_request, source="responses", target="responses", on_loss=losses.append
        )
    )
    assert not [item for item in to_openai["input"] if item.get("type") == "reasoning"]
    assert ("input[1]", "reasoning") in [(loss.path, loss.feature) for loss in losses]


# --------------------------------------------------------------------------- Claude Code -> chat


def _chat_chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-9",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "server-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


SIGNATURE_STATE = {"google": {"thought_signature": "CiQBcsjafQ+opaque/state=="}}


def _server_stream(call_id: str, extra: dict[str, Any] | None) -> bytes:
    call: dict[str, Any] = {
        "index": 0,
        "id": call_id,
        "type": "function",
        "function": {"name": "read_file", "arguments": '{"path": "a.py"}'},
    }
    if extra is not None:
        call["extra_content"] = extra
    chunks = [
        _chat_chunk({"role": "assistant", "content": ""}),
        _chat_chunk({"reasoning_content": "Need the file first."}),
        _chat_chunk({"tool_calls": [call]}),
        _chat_chunk({}, "tool_calls"),
    ]
    return _sse(chunks, named=False) + b"data: [DONE]\n\n"


CLAUDE_CODE_REQUEST: dict[str, Any] = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 32000,
    "system": [
        {"type": "text", "text": "You are Claude Code.", "cache_control": {"type": "ephemeral"}}
    ],
    "tools": [
        {
            "name": "read_file",
            "description": "Read a file.",
            "input_schema": {"type": "object", "properties": {"path": {"type": "string"}}},
        }
    ],
    "messages": [{"role": "user", "content": "What is in a.py?"}],
    "stream": True,
}


def _claude_code_turn(call_id: str, extra: dict[str, Any] | None, dialect: str) -> dict[str, Any]:
    """One full turn: the request out, the server's stream back, Claude Code's next request out;
    returns that next request as the chat server gets it."""
    out = to_wire(
        convert_request(
            CLAUDE_CODE_REQUEST, source="anthropic", target="chat", chat_dialect=dialect
        )
    )
    system = out["messages"][0]["content"][0]
    assert system["text"] == "You are Claude Code."  # and its cache breakpoint, in the dialect
    assert {"cache_control", "prompt_cache_breakpoint"} & set(system)
    events = _transcode(
        _server_stream(call_id, extra),
        "chat",
        "anthropic",
        request=CLAUDE_CODE_REQUEST,
        chat_dialect=dialect,
    )
    snapshot: Any = None
    for event in events:
        assert_sdk_strict(event, *SDK_TYPES[("anthropic", "RawMessageStreamEvent")])
        snapshot = anthropic_accumulator.accumulate_event(
            event=_ANTHROPIC_EVENT.validate_python(event), current_snapshot=snapshot, json_bufs={}
        )
    content = [block.model_dump(exclude_none=True) for block in snapshot.content]
    assert [block["type"] for block in content] == ["thinking", "tool_use"]
    tool_use = content[1]
    assert re.fullmatch(r"[a-zA-Z0-9_-]+", tool_use["id"])  # what anthropic clients accept
    next_request = {
        **CLAUDE_CODE_REQUEST,
        "messages": [
            *CLAUDE_CODE_REQUEST["messages"],
            {"role": "assistant", "content": content},
            {
                "role": "user",
                "content": [
                    {"type": "tool_result", "tool_use_id": tool_use["id"], "content": "x = 2"}
                ],
            },
        ],
    }
    assert_sdk_strict(next_request, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    return to_wire(
        convert_request(next_request, source="anthropic", target="chat", chat_dialect=dialect)
    )


def test_claude_code_in_front_of_gemini_gives_back_the_thought_signature() -> None:
    chat = _claude_code_turn("call_gem_0", SIGNATURE_STATE, "openai")
    assistant, tool = chat["messages"][2], chat["messages"][3]
    (call,) = assistant["tool_calls"]
    assert call["id"] == "call_gem_0"
    assert call["extra_content"] == SIGNATURE_STATE
    assert tool == {"role": "tool", "tool_call_id": "call_gem_0", "content": "x = 2"}


def test_claude_code_in_front_of_kimi_gives_back_its_ids_and_reasoning() -> None:
    chat = _claude_code_turn("functions.read_file:0", None, "reasoning_content")
    assistant, tool = chat["messages"][2], chat["messages"][3]
    assert assistant["reasoning_content"] == "Need the file first."
    (call,) = assistant["tool_calls"]
    assert call["id"] == "functions.read_file:0"
    assert tool["tool_call_id"] == "functions.read_file:0"
