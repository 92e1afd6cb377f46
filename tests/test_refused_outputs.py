"""Outputs the official APIs (and SDK types) refuse, turn structure, and what a loss is.

Each test feeds a minimal payload (modelled on what real traffic shows) through the public entry
points and checks the output with the official SDK types as the oracle; where streams are
involved, the stream's accumulation equals the non-streaming conversion.

* A non-streaming chat / completions answer always has a ``finish_reason``: where the source gave
  none, the one its content says (tool calls, a refusal, else ``stop``; a failed answer ``stop``),
  reported as a ``stop_reason`` loss at the source's stop field.
* ``parallel_tool_calls`` goes to chat and Responses only beside tools (the APIs refuse it
  otherwise); dropping it is a loss only where the source had tools that did not get there.
* A Responses ``function_call`` with ``arguments: ""`` is ``"{}"`` for chat, ``{}`` for anthropic.
* Tool results followed by a user message are one anthropic user turn, the results first.
* A refusal to a completions client is the completion's text, finishing ``content_filter``.
* Loss reports name what the caller's payload had, where it had it: a float ``created_at`` is
  echo, counts a target requires but the source never gave are 0 and no loss (``strict`` accepts
  a plain chat answer for Responses), anthropic ``stop_sequences`` are reported there.
"""

from __future__ import annotations

import copy
from typing import Any

import anthropic.types as asdk
import openai.types as osdk
import openai.types.chat as csdk
import openai.types.responses as rsdk
import pytest
from anthropic.lib.streaming._beta_messages import accumulate_event
from hypothesis import given
from hypothesis import strategies as st
from openai.lib.streaming.chat import ChatCompletionStreamState

from openai_claude_bridge import (
    Loss,
    StreamConverter,
    UnsupportedFeatureError,
    convert_request,
    convert_response,
    to_wire,
)
from tests.completions.test_stream import accumulate_chunks
from tests.support.oracle import assert_sdk_strict, sdk_errors
from tests.support.sdk_types import ANTHROPIC_REQUEST

CHAT_REQUEST = (
    csdk.completion_create_params.CompletionCreateParamsNonStreaming,
    csdk.completion_create_params.CompletionCreateParamsStreaming,
)
RESPONSES_REQUEST = (
    rsdk.response_create_params.ResponseCreateParamsNonStreaming,
    rsdk.response_create_params.ResponseCreateParamsStreaming,
)


def _response(payload: Any, source: str, target: str, **options: Any) -> tuple[Any, list[Loss]]:
    losses: list[Loss] = []
    out = convert_response(payload, source=source, target=target, on_loss=losses.append, **options)
    return to_wire(out), losses


def _request(payload: Any, source: str, target: str, **options: Any) -> tuple[Any, list[Loss]]:
    losses: list[Loss] = []
    out = convert_request(payload, source=source, target=target, on_loss=losses.append, **options)
    return to_wire(out), losses


def _stream(
    events: list[Any], source: str, target: str, **options: Any
) -> tuple[list[Any], list[Loss]]:
    losses: list[Loss] = []
    converter = StreamConverter(source=source, target=target, on_loss=losses.append, **options)
    out = [e for event in events for e in converter.feed(event)] + converter.finish()
    return [to_wire(e) for e in out], losses


def _chat_accumulated(chunks: list[Any]) -> dict[str, Any]:
    """The completion the official SDK's stream state builds from ``chunks``."""
    state = ChatCompletionStreamState()
    for chunk in chunks:
        state.handle_chunk(csdk.ChatCompletionChunk.model_validate(chunk))
    snapshot: dict[str, Any] = state.current_completion_snapshot.to_dict()
    for choice in snapshot["choices"]:
        choice["message"].pop("parsed", None)
        for call in choice["message"].get("tool_calls") or []:
            call["function"].pop("parsed_arguments", None)
    return snapshot


def _anthropic_accumulated(events: list[Any]) -> dict[str, Any]:
    """The message the official SDK's accumulator builds from ``events``."""
    snapshot = None
    for event in events:
        snapshot = accumulate_event(
            event=event,
            current_snapshot=snapshot,
            json_bufs={},
            request_headers=None,  # type: ignore[arg-type]
        )
    assert snapshot is not None
    wire: dict[str, Any] = snapshot.to_dict(mode="json", exclude_unset=True)
    return wire


def _assert_chunks_valid(chunks: list[Any], sdk_type: Any) -> None:
    for chunk in chunks:
        assert_sdk_strict(chunk, sdk_type)


# ===================================================================== finish_reason is never null

_TEXT = {"type": "text", "text": "Hello."}
_TOOL_USE = {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Oslo"}}


def _anthropic_message(content: list[Any], stop_reason: str | None) -> dict[str, Any]:
    return {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5",
        "content": content,
        "stop_reason": stop_reason,
        "stop_sequence": None,
        "usage": {"input_tokens": 5, "output_tokens": 3},
    }


def _responses_answer(output: list[Any], status: str, **more: Any) -> dict[str, Any]:
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1741476777,
        "model": "gpt-5",
        "status": status,
        "output": output,
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        **more,
    }


_CALL = {
    "type": "function_call",
    "id": "fc_1",
    "call_id": "call_1",
    "name": "get_weather",
    "arguments": '{"city":"Oslo"}',
    "status": "completed",
}
_REFUSAL_MESSAGE = {
    "type": "message",
    "id": "msg_r",
    "role": "assistant",
    "status": "completed",
    "content": [{"type": "refusal", "refusal": "I can't help with that."}],
}
_FAILURE = {"code": "server_error", "message": "The server had an error."}

#: name -> (source, payload, the chat finish_reason, the completions one, the loss path)
UNFINISHED: dict[str, tuple[str, dict[str, Any], str, str, str]] = {
    "anthropic text": (
        "anthropic",
        _anthropic_message([_TEXT], None),
        "stop",
        "stop",
        "stop_reason",
    ),
    "anthropic tool use": (
        "anthropic",
        _anthropic_message([_TEXT, _TOOL_USE], None),
        "tool_calls",
        "stop",
        "stop_reason",
    ),
    "responses call in progress": (
        "responses",
        _responses_answer([_CALL], "in_progress"),
        "tool_calls",
        "stop",
        "status",
    ),
    "responses refusal in progress": (
        "responses",
        _responses_answer([_REFUSAL_MESSAGE], "in_progress"),
        "content_filter",
        "content_filter",
        "status",
    ),
    "responses failed": (
        "responses",
        _responses_answer([_CALL], "failed", error=_FAILURE),
        "stop",
        "stop",
        "status",
    ),
}


@pytest.mark.parametrize("case", UNFINISHED)
def test_a_chat_answer_always_has_a_finish_reason(case: str) -> None:
    source, payload, finish, _, path = UNFINISHED[case]
    out, losses = _response(payload, source, "chat")
    assert [choice["finish_reason"] for choice in out["choices"]] == [finish]
    assert_sdk_strict(out, csdk.ChatCompletion)
    assert (path, "stop_reason") in [(loss.path, loss.feature) for loss in losses]
    with pytest.raises(UnsupportedFeatureError):
        convert_response(payload, source=source, target="chat", strict=True)


@pytest.mark.parametrize("case", UNFINISHED)
def test_a_completions_answer_always_has_a_finish_reason(case: str) -> None:
    source, payload, _, finish, path = UNFINISHED[case]
    out, losses = _response(payload, source, "completions")
    assert [choice["finish_reason"] for choice in out["choices"]] == [finish]
    assert_sdk_strict(out, osdk.Completion)
    assert (path, "stop_reason") in [(loss.path, loss.feature) for loss in losses]


def test_a_chat_sources_own_null_comes_back_as_it_was() -> None:
    """The one null left: chat -> chat is exact (a server's own answer, written back)."""
    payload = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "x"}, "finish_reason": None}
        ],
    }
    out, losses = _response(payload, "chat", "chat")
    assert out == payload and losses == []
    out, losses = _response(payload, "chat", "completions")  # to another format: a finish
    assert out["choices"][0]["finish_reason"] == "stop"
    assert [(x.path, x.feature) for x in losses] == [("choices[0].finish_reason", "stop_reason")]


_anthropic_blocks = st.lists(st.sampled_from([_TEXT, _TOOL_USE]), max_size=3)
_statuses = st.sampled_from(["completed", "incomplete", "failed", "in_progress"])
_outputs = st.lists(st.sampled_from([_CALL, _REFUSAL_MESSAGE]), max_size=3)


@given(
    answer=st.one_of(
        st.tuples(
            st.just("anthropic"),
            st.builds(
                _anthropic_message,
                _anthropic_blocks,
                st.sampled_from([None, "end_turn", "pause_turn", "refusal", "tool_use"]),
            ),
        ),
        st.tuples(
            st.just("responses"), st.builds(_responses_answer, _outputs, _statuses, error=st.none())
        ),
    ),
    target=st.sampled_from(["chat", "completions"]),
)
def test_every_non_streaming_choice_finishes(answer: tuple[str, Any], target: str) -> None:
    source, payload = answer
    out, _ = _response(payload, source, target)
    sdk_type = csdk.ChatCompletion if target == "chat" else osdk.Completion
    assert sdk_errors(out, sdk_type) == []
    assert all(choice["finish_reason"] is not None for choice in out["choices"])


# ===================================================================== parallel_tool_calls

_FUNCTION_TOOL = {
    "name": "get_weather",
    "description": "Weather",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}},
}
_NO_TOOLS: dict[str, tuple[str, dict[str, Any]]] = {
    "anthropic disable_parallel_tool_use": (
        "anthropic",
        {
            "model": "claude-sonnet-4-5",
            "max_tokens": 100,
            "messages": [{"role": "user", "content": "Hi"}],
            "tool_choice": {"type": "auto", "disable_parallel_tool_use": True},
        },
    ),
    "chat parallel_tool_calls": (
        "chat",
        {
            "model": "gpt-4.1",
            "messages": [{"role": "user", "content": "Hi"}],
            "parallel_tool_calls": False,
        },
    ),
    "responses parallel_tool_calls": (
        "responses",
        {"model": "gpt-5", "input": "Hi", "parallel_tool_calls": False},
    ),
}
_TARGET_REQUEST = {"chat": CHAT_REQUEST, "responses": RESPONSES_REQUEST}


@pytest.mark.parametrize("target", ["chat", "responses"])
@pytest.mark.parametrize("case", _NO_TOOLS)
def test_parallel_tool_calls_is_not_sent_without_tools(case: str, target: str) -> None:
    source, payload = _NO_TOOLS[case]
    out, losses = _request(payload, source, target)
    assert "parallel_tool_calls" not in out
    assert_sdk_strict(out, *_TARGET_REQUEST[target])
    assert [loss for loss in losses if loss.feature == "parallel_tool_calls"] == []
    convert_request(payload, source=source, target=target, strict=True)  # says nothing: no loss


@pytest.mark.parametrize("target", ["chat", "responses"])
def test_parallel_tool_calls_goes_with_tools(target: str) -> None:
    source, payload = _NO_TOOLS["anthropic disable_parallel_tool_use"]
    out, _ = _request({**payload, "tools": [_FUNCTION_TOOL]}, source, target)
    assert out["parallel_tool_calls"] is False
    assert_sdk_strict(out, *_TARGET_REQUEST[target])


@pytest.mark.parametrize("target", ["chat", "responses"])
def test_a_parallel_flag_whose_tools_did_not_get_there_is_reported(target: str) -> None:
    source, payload = _NO_TOOLS["anthropic disable_parallel_tool_use"]
    search = {"type": "web_search_20250305", "name": "web_search"}
    out, losses = _request({**payload, "tools": [search]}, source, target)
    # anthropic's web search tool has no chat / Responses form: dropped, and the flag with it
    assert "parallel_tool_calls" not in out and not out.get("tools")
    assert [loss.path for loss in losses] == ["tools[0]", "tool_choice.disable_parallel_tool_use"]
    assert losses[1].feature == "parallel_tool_calls"
    assert_sdk_strict(out, *_TARGET_REQUEST[target])


# ===================================================================== empty call arguments


def _codex_request(arguments: str) -> dict[str, Any]:
    return {
        "model": "gpt-5",
        "input": [
            {"role": "user", "content": "What time is it?"},
            {
                "type": "function_call",
                "call_id": "call_1",
                "name": "get_time",
                "arguments": arguments,
            },
            {"type": "function_call_output", "call_id": "call_1", "output": "noon"},
        ],
    }


def test_empty_arguments_of_a_responses_call_are_an_empty_object_in_requests() -> None:
    out, _ = _request(_codex_request(""), "responses", "chat")
    assert_sdk_strict(out, *CHAT_REQUEST)
    assert out["messages"][1]["tool_calls"][0]["function"]["arguments"] == "{}"
    out, _ = _request(_codex_request(""), "responses", "anthropic")
    assert_sdk_strict(out, *ANTHROPIC_REQUEST)
    assert out["messages"][1]["content"][0]["input"] == {}
    out, _ = _request(_codex_request(""), "responses", "responses")
    assert out["input"][1]["arguments"] == ""  # a Responses request keeps its own


_EMPTY_CALL = {**_CALL, "call_id": "call_2", "id": "fc_2", "arguments": ""}


def _responses_stream(item: dict[str, Any]) -> list[dict[str, Any]]:
    done = _responses_answer(
        [item],
        "completed",
        usage={
            "input_tokens": 5,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": 3,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": 8,
        },
    )
    started = {**done, "status": "in_progress", "output": [], "usage": None}
    return [
        {"type": "response.created", "sequence_number": 0, "response": started},
        {
            "type": "response.output_item.added",
            "sequence_number": 1,
            "output_index": 0,
            "item": {**item, "arguments": "", "status": "in_progress"},
        },
        {
            "type": "response.function_call_arguments.done",
            "sequence_number": 2,
            "output_index": 0,
            "item_id": item["id"],
            "arguments": item["arguments"],
        },
        {
            "type": "response.output_item.done",
            "sequence_number": 3,
            "output_index": 0,
            "item": item,
        },
        {"type": "response.completed", "sequence_number": 4, "response": done},
    ]


def test_empty_arguments_of_a_responses_call_are_an_empty_object_in_answers() -> None:
    events = _responses_stream(_EMPTY_CALL)
    answer = events[-1]["response"]
    out, _ = _response(answer, "responses", "chat")
    assert_sdk_strict(out, csdk.ChatCompletion)
    assert out["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] == "{}"
    chunks, _ = _stream(events, "responses", "chat")
    _assert_chunks_valid(chunks, csdk.ChatCompletionChunk)
    streamed = _chat_accumulated(chunks)["choices"][0]["message"]["tool_calls"]
    for call in streamed:
        del call["index"]  # the SDK's snapshot keeps the stream index
    assert streamed == out["choices"][0]["message"]["tool_calls"]  # stream = non-stream

    out, _ = _response(answer, "responses", "anthropic")
    assert_sdk_strict(out, asdk.Message)
    assert out["content"][0]["input"] == {}
    streamed_events, _ = _stream(events, "responses", "anthropic")
    assert _anthropic_accumulated(streamed_events)["content"] == out["content"]


def test_a_streamed_call_with_arguments_gets_no_extra_fragment() -> None:
    events = _responses_stream(_CALL)
    chunks, _ = _stream(events, "responses", "chat")
    streamed = _chat_accumulated(chunks)["choices"][0]["message"]["tool_calls"]
    assert streamed[0]["function"]["arguments"] == '{"city":"Oslo"}'


# ===================================================================== tool results + user turn


def _chat_history() -> dict[str, Any]:
    return {
        "model": "gpt-4.1",
        "messages": [
            {"role": "user", "content": "Weather in Oslo and Paris?"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": f"call_{i}",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": f'{{"city":"{city}"}}'},
                    }
                    for i, city in enumerate(["Oslo", "Paris"])
                ],
            },
            {"role": "tool", "tool_call_id": "call_0", "content": "-2 °C"},
            {"role": "tool", "tool_call_id": "call_1", "content": "8 °C"},
            {"role": "user", "content": "And tomorrow?"},
        ],
    }


def _one_user_turn(out: dict[str, Any]) -> None:
    assert_sdk_strict(out, *ANTHROPIC_REQUEST)
    assert [message["role"] for message in out["messages"]] == ["user", "assistant", "user"]
    assert out["messages"][2]["content"] == [
        {"type": "tool_result", "tool_use_id": "call_0", "content": "-2 °C"},
        {"type": "tool_result", "tool_use_id": "call_1", "content": "8 °C"},
        {"type": "text", "text": "And tomorrow?"},
    ]


def test_chat_tool_messages_and_the_next_user_message_are_one_anthropic_turn() -> None:
    out, losses = _request(_chat_history(), "chat", "anthropic")
    _one_user_turn(out)
    assert [loss.feature for loss in losses] == ["max_tokens"]


def test_responses_outputs_and_the_next_user_message_are_one_anthropic_turn() -> None:
    chat = _chat_history()
    responses, _ = _request(chat, "chat", "responses")
    out, _ = _request(responses, "responses", "anthropic")
    _one_user_turn(out)


def test_the_merged_turn_comes_back_to_chat_as_it_was() -> None:
    chat = _chat_history()
    there, _ = _request(chat, "chat", "anthropic")
    back, _ = _request(there, "anthropic", "chat")
    roles = [message["role"] for message in back["messages"]]
    assert roles == ["user", "assistant", "tool", "tool", "user"]
    assert back["messages"][4]["content"] in ("And tomorrow?", [_text_param("And tomorrow?")])


def _text_param(text: str) -> dict[str, Any]:
    return {"type": "text", "text": text}


def test_a_second_user_message_stays_its_own_message() -> None:
    chat = _chat_history()
    chat["messages"].append({"role": "user", "content": "In Celsius."})
    out, _ = _request(chat, "chat", "anthropic")
    assert [message["role"] for message in out["messages"]] == [
        "user",
        "assistant",
        "user",
        "user",
    ]
    assert out["messages"][3]["content"] == "In Celsius."


# ===================================================================== a refusal for completions

_CHAT_REFUSAL = {
    "id": "chatcmpl-r",
    "object": "chat.completion",
    "created": 1,
    "model": "gpt-4.1",
    "choices": [
        {
            "index": 0,
            "message": {"role": "assistant", "content": None, "refusal": "I can't help."},
            "finish_reason": "stop",
        }
    ],
}


def _chat_refusal_stream() -> list[dict[str, Any]]:
    head = {"id": "chatcmpl-r", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    deltas: list[tuple[dict[str, Any], str | None]] = [
        ({"role": "assistant", "refusal": ""}, None),
        ({"refusal": "I can't"}, None),
        ({"refusal": " help."}, None),
        ({}, "stop"),
    ]
    return [
        {**head, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
        for delta, finish in deltas
    ]


@pytest.mark.parametrize("source", ["chat", "responses"])
def test_a_refusal_is_a_completions_text_finishing_with_content_filter(source: str) -> None:
    payload = _CHAT_REFUSAL
    if source == "responses":
        payload = _responses_answer([_REFUSAL_MESSAGE], "completed")
    out, losses = _response(payload, source, "completions")
    assert_sdk_strict(out, osdk.Completion)
    assert out["choices"][0]["text"] in ("I can't help.", "I can't help with that.")
    assert out["choices"][0]["finish_reason"] == "content_filter"
    assert [loss.feature for loss in losses] == []


def test_a_streamed_refusal_is_a_completions_text_finishing_with_content_filter() -> None:
    chunks, losses = _stream(_chat_refusal_stream(), "chat", "completions")
    streamed = accumulate_chunks(chunks)
    assert streamed["choices"] == [
        {"index": 0, "text": "I can't help.", "logprobs": None, "finish_reason": "content_filter"}
    ]
    assert losses == []
    answer, _ = _response(_CHAT_REFUSAL, "chat", "completions")
    assert [(c["text"], c["finish_reason"]) for c in answer["choices"]] == [
        (c["text"], c["finish_reason"]) for c in streamed["choices"]
    ]  # stream = non-stream


# ===================================================================== what a loss is


def test_a_float_created_at_is_echo_not_a_loss() -> None:
    answer = _responses_answer([_REFUSAL_MESSAGE], "completed")
    answer["created_at"] = 1741476777.0
    for target in ("anthropic", "chat", "completions"):
        _, losses = _response(answer, "responses", target)
        assert losses == [], target
        convert_response(answer, source="responses", target=target, strict=True)
    chat, _ = _response(answer, "responses", "chat")
    assert chat["created"] == 1741476777  # the source's time, not the clock's
    back, _ = _response(answer, "responses", "responses")
    assert back == answer  # exact, float and all


_PLAIN_CHAT = {
    "id": "chatcmpl-1",
    "object": "chat.completion",
    "created": 1,
    "model": "gpt-4.1",
    "choices": [
        {"index": 0, "message": {"role": "assistant", "content": "Hi"}, "finish_reason": "stop"}
    ],
    "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5},
}


def _plain_chat_stream() -> list[dict[str, Any]]:
    head = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m"}
    return [
        {**head, "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hi"}}]},
        {**head, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
        {**head, "choices": [], "usage": _PLAIN_CHAT["usage"]},
    ]


def test_a_plain_chat_answer_goes_to_responses_under_strict() -> None:
    out = to_wire(convert_response(_PLAIN_CHAT, source="chat", target="responses", strict=True))
    assert_sdk_strict(out, rsdk.Response)
    assert out["usage"]["input_tokens_details"] == {"cached_tokens": 0, "cache_write_tokens": 0}
    assert out["usage"]["output_tokens_details"] == {"reasoning_tokens": 0}
    events, losses = _stream(_plain_chat_stream(), "chat", "responses", strict=True)
    assert losses == []
    assert events[-1]["response"]["usage"] == out["usage"]  # stream = non-stream


def test_counts_anthropic_requires_are_zero_and_no_loss() -> None:
    answer = _responses_answer([_CALL], "completed")  # no usage at all
    out = to_wire(convert_response(answer, source="responses", target="anthropic", strict=True))
    assert out["usage"] == {"input_tokens": 0, "output_tokens": 0}
    stream = [chunk for chunk in _plain_chat_stream() if chunk["choices"]]  # no usage chunk
    events, losses = _stream(stream, "chat", "anthropic", strict=True)
    assert losses == []
    assert events[0]["message"]["usage"] == {"input_tokens": 0, "output_tokens": 0}
    assert _anthropic_accumulated(events)["usage"]["output_tokens"] == 0


def test_anthropic_stop_sequences_are_reported_where_they_were() -> None:
    payload = {
        "model": "claude-sonnet-4-5",
        "max_tokens": 100,
        "messages": [{"role": "user", "content": "Count."}],
        "stop_sequences": ["five"],
        "tool_choice": {"type": "auto", "disable_parallel_tool_use": True},
        "tools": [_FUNCTION_TOOL],
        "metadata": {"user_id": "u-1"},
    }
    _, losses = _request(payload, "anthropic", "responses")
    assert [(loss.path, loss.feature) for loss in losses] == [("stop_sequences", "stop")]
    _, losses = _request(payload, "anthropic", "completions")
    paths = {loss.feature: loss.path for loss in losses}
    assert paths["parallel_tool_calls"] == "tool_choice.disable_parallel_tool_use"
    assert paths["tools"] == "tools[0]"


@pytest.mark.parametrize("target", ["anthropic", "completions"])
def test_a_chat_service_tier_is_reported_where_it_was(target: str) -> None:
    payload = copy.deepcopy(_PLAIN_CHAT)
    payload["service_tier"] = "flex"
    _, losses = _response(payload, "chat", target)
    assert ("service_tier", "service_tier") in [(loss.path, loss.feature) for loss in losses]
