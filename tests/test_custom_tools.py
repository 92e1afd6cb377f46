"""Custom (free-text) tools through servers that only have function tools, and the tool calls
given back from the client's request (``request=``).

* Request: a Codex-like Responses request (``apply_patch`` with a Lark grammar, a history with a
  ``custom_tool_call`` and its output) becomes, for anthropic and for the non-openai chat
  dialects, a function stand-in taking one string ``input``, a call of it with
  ``{"input": <raw>}`` and an ordinary tool result; the grammar is described and reported once.
* Response: the stand-in's call comes back to a Responses (or chat) client as a custom call
  holding the raw input; arguments that stand for no custom call stay a function call (reported).
* Stream: anthropic SSE / chat chunks -> Responses, ``custom_tool_call_input.delta`` events while
  the arguments arrive, and the result equals the non-streaming conversion however the argument
  JSON is split (hypothesis); the incremental JSON-string decoder equals ``json.loads``.
* No empty turns: a message all of whose parts were dropped is left out (anthropic, chat,
  Responses).
* Tool names for Responses: shortened like chat's, restored from ``request=``.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import anthropic.types as anthropic_sdk
import openai.types.chat as chat_sdk
import openai.types.responses as responses_sdk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openai import omit
from openai.lib.streaming.responses._responses import ResponseStreamState
from pydantic import TypeAdapter

from openai_claude_bridge import (
    Loss,
    SSETranscoder,
    StreamConverter,
    UnsupportedFeatureError,
    convert_request,
    convert_response,
    ir,
    to_wire,
)
from openai_claude_bridge._custom_tools import InputReader, read_input
from openai_claude_bridge._json_string import JSONStringDecoder
from openai_claude_bridge._tool_names import is_valid_name, shorten
from openai_claude_bridge.options import make_options
from openai_claude_bridge.responses.encode import encode_request
from tests.support.oracle import assert_sdk_strict

GRAMMAR = (
    "start: begin_patch hunk+ end_patch\n"
    'begin_patch: "*** Begin Patch" LF\n'
    'end_patch: "*** End Patch" LF?\n'
)
APPLY_PATCH = {
    "type": "custom",
    "name": "apply_patch",
    "description": "Use the `apply_patch` tool to edit files.",
    "format": {"type": "grammar", "syntax": "lark", "definition": GRAMMAR},
}
SHELL = {
    "type": "function",
    "name": "shell",
    "description": "Runs a command",
    "parameters": {
        "type": "object",
        "properties": {"command": {"type": "array", "items": {"type": "string"}}},
        "required": ["command"],
    },
    "strict": False,
}
OLD_PATCH = "*** Begin Patch\n*** Update File: a.py\n@@\n-x = 1\n+x = 2\n*** End Patch\n"
#: A raw input that needs every kind of JSON escape (quotes, backslash, tab, non-ASCII, emoji).
PATCH = (
    "*** Begin Patch\n*** Update File: caf\u00e9.py\n@@\n"
    "-s = \"a\\tb\"\n+s = 'a\tb' \U0001f600 \u00e9\n*** End Patch\n"
)
CODEX_REQUEST: dict[str, Any] = {
    "model": "gpt-5-codex",
    "instructions": "You are Codex.",
    "tools": [SHELL, APPLY_PATCH],
    "tool_choice": "auto",
    "parallel_tool_calls": False,
    "input": [
        {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": "Fix a.py"}],
        },
        {
            "type": "custom_tool_call",
            "call_id": "call_1",
            "name": "apply_patch",
            "input": OLD_PATCH,
        },
        {
            "type": "custom_tool_call_output",
            "call_id": "call_1",
            "output": "Success. Updated the following files:\nM a.py\n",
        },
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Again"}]},
    ],
    "stream": True,
}
NON_OPENAI_DIALECTS = ("reasoning_content", "openrouter")
SDK_RESPONSE_EVENT: TypeAdapter[Any] = TypeAdapter(responses_sdk.ResponseStreamEvent)


def _ids(prefix: str) -> str:
    return prefix + "x"


def _clock() -> int:
    return 1


def _stand_in_schema(schema: dict[str, Any]) -> None:
    """``schema`` is the stand-in's: one string ``input``, the grammar described in it."""
    description = schema["properties"]["input"].pop("description")
    assert GRAMMAR in description and "Lark" in description
    assert schema == {
        "type": "object",
        "properties": {"input": {"type": "string"}},
        "required": ["input"],
        "additionalProperties": False,
    }


def _empty_turns(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [m for m in messages if m.get("content") in ([], None) and not m.get("tool_calls")]


# --------------------------------------------------------------------------- requests


def test_codex_request_to_anthropic_uses_a_function_stand_in() -> None:
    losses: list[Loss] = []
    out = to_wire(
        convert_request(
            CODEX_REQUEST, source="responses", target="anthropic", on_loss=losses.append
        )
    )
    assert_sdk_strict(out, anthropic_sdk.MessageCreateParams)
    shell, patch = out["tools"]
    assert shell["name"] == "shell"
    assert patch["name"] == "apply_patch"
    assert patch["description"] == APPLY_PATCH["description"]
    _stand_in_schema(patch["input_schema"])
    assert out["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": "Fix a.py"}]},
        {
            "role": "assistant",
            "content": [
                {
                    "type": "tool_use",
                    "id": "call_1",
                    "name": "apply_patch",
                    "input": {"input": OLD_PATCH},
                }
            ],
        },
        {  # the output and the user's next message: one user turn
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": "call_1",
                    "content": "Success. Updated the following files:\nM a.py\n",
                },
                {"type": "text", "text": "Again"},
            ],
        },
    ]
    assert not _empty_turns(out["messages"])
    format_losses = [loss for loss in losses if loss.feature == "custom_tool.format"]
    assert [loss.path for loss in format_losses] == ["tools[1].format"]  # once per tool
    assert not [loss for loss in losses if "custom_tool_call" in loss.feature]
    with pytest.raises(UnsupportedFeatureError) as raised:
        convert_request(
            {**CODEX_REQUEST, "max_output_tokens": 100},
            source="responses",
            target="anthropic",
            strict=True,
        )
    assert (raised.value.path, raised.value.feature) == ("tools[1].format", "custom_tool.format")


@pytest.mark.parametrize("dialect", NON_OPENAI_DIALECTS)
def test_codex_request_to_non_openai_chat_uses_a_function_stand_in(dialect: str) -> None:
    losses: list[Loss] = []
    out = to_wire(
        convert_request(
            CODEX_REQUEST,
            source="responses",
            target="chat",
            chat_dialect=dialect,
            on_loss=losses.append,
        )
    )
    assert_sdk_strict(out, chat_sdk.CompletionCreateParams)
    shell, patch = out["tools"]
    assert shell["function"]["name"] == "shell"
    assert patch["type"] == "function"
    function = patch["function"]
    assert (function["name"], function["description"]) == (
        "apply_patch",
        APPLY_PATCH["description"],
    )
    _stand_in_schema(function["parameters"])
    _system, _user, assistant, tool, _again = out["messages"]
    arguments = assistant["tool_calls"][0]["function"]["arguments"]
    assert json.loads(arguments) == {"input": OLD_PATCH}
    assert assistant == {
        "role": "assistant",
        "tool_calls": [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "apply_patch", "arguments": arguments},
            }
        ],
    }
    assert tool == {
        "role": "tool",
        "tool_call_id": "call_1",
        "content": "Success. Updated the following files:\nM a.py\n",
    }
    assert [loss.path for loss in losses if loss.feature == "custom_tool.format"] == [
        "tools[1].format"
    ]


def test_openai_chat_keeps_its_custom_tools_and_choices_name_the_stand_in() -> None:
    forced = {**CODEX_REQUEST, "tool_choice": {"type": "custom", "name": "apply_patch"}}
    official = to_wire(convert_request(forced, source="responses", target="chat"))
    assert official["tools"][1]["type"] == "custom"
    assert official["messages"][2]["tool_calls"][0]["type"] == "custom"
    assert official["tool_choice"] == {"type": "custom", "custom": {"name": "apply_patch"}}
    dialect = to_wire(
        convert_request(forced, source="responses", target="chat", chat_dialect="reasoning_content")
    )
    assert_sdk_strict(dialect, chat_sdk.CompletionCreateParams)
    assert dialect["tool_choice"] == {"type": "function", "function": {"name": "apply_patch"}}
    allowed = {
        **CODEX_REQUEST,
        "tool_choice": {
            "type": "allowed_tools",
            "mode": "required",
            "tools": [{"type": "custom", "name": "apply_patch"}],
        },
    }
    out = to_wire(
        convert_request(allowed, source="responses", target="chat", chat_dialect="openrouter")
    )
    assert_sdk_strict(out, chat_sdk.CompletionCreateParams)
    refs = out["tool_choice"]["allowed_tools"]["tools"]
    assert refs == [{"type": "function", "function": {"name": "apply_patch"}}]
    to_anthropic = to_wire(convert_request(forced, source="responses", target="anthropic"))
    assert to_anthropic["tool_choice"]["type"] == "tool"
    assert to_anthropic["tool_choice"]["name"] == "apply_patch"


# --------------------------------------------------------------------------- responses


def _anthropic_message(tool_input: Any, *, text: str = "Patching.") -> dict[str, Any]:
    return {
        "id": "msg_1",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5",
        "content": [
            {"type": "text", "text": text},
            {"type": "tool_use", "id": "toolu_1", "name": "apply_patch", "input": tool_input},
        ],
        "stop_reason": "tool_use",
        "stop_sequence": None,
        "usage": {"input_tokens": 10, "output_tokens": 20},
    }


def _to_responses(message: dict[str, Any], losses: list[Loss] | None = None) -> dict[str, Any]:
    out = to_wire(
        convert_response(
            message,
            source="anthropic",
            target="responses",
            request=CODEX_REQUEST,
            id_factory=_ids,
            clock=_clock,
            on_loss=(losses.append if losses is not None else None),
        )
    )
    assert_sdk_strict(out, responses_sdk.Response)
    return out


def test_anthropic_tool_use_comes_back_as_a_custom_tool_call() -> None:
    out = _to_responses(_anthropic_message({"input": PATCH}))
    call = out["output"][1]
    assert call == {
        "type": "custom_tool_call",
        "id": call["id"],
        "call_id": "toolu_1",
        "name": "apply_patch",
        "input": PATCH,
    }
    # without the client's request nothing says the function stood in for a custom tool
    plain = to_wire(
        convert_response(
            _anthropic_message({"input": PATCH}), source="anthropic", target="responses"
        )
    )
    assert plain["output"][1]["type"] == "function_call"


@pytest.mark.parametrize(
    ("tool_input", "custom", "feature"),
    [
        ({"patch": PATCH}, False, "custom_tool_call"),
        ({"input": 3}, False, "custom_tool_call"),
        ({}, False, "custom_tool_call"),
        ({"input": PATCH, "dry_run": True}, True, "custom_tool_call.input"),
    ],
)
def test_arguments_that_stand_for_no_custom_call(
    tool_input: dict[str, Any], custom: bool, feature: str
) -> None:
    losses: list[Loss] = []
    out = _to_responses(_anthropic_message(tool_input), losses)
    call = out["output"][1]
    if custom:
        assert (call["type"], call["input"]) == ("custom_tool_call", PATCH)
    else:
        assert call["type"] == "function_call"
        assert json.loads(call["arguments"]) == tool_input
    assert [(loss.path, loss.feature) for loss in losses if "custom" in loss.feature] == [
        ("content[1]", feature)
    ]


def test_chat_client_with_custom_tools_gets_custom_calls_back() -> None:
    chat_request = {
        "model": "gpt-5",
        "messages": [{"role": "user", "content": "Fix a.py"}],
        "tools": [
            {
                "type": "custom",
                "custom": {
                    "name": "apply_patch",
                    "format": {
                        "type": "grammar",
                        "grammar": {"syntax": "lark", "definition": GRAMMAR},
                    },
                },
            }
        ],
    }
    upstream = to_wire(convert_request(chat_request, source="chat", target="anthropic"))
    _stand_in_schema(upstream["tools"][0]["input_schema"])
    out = to_wire(
        convert_response(
            _anthropic_message({"input": PATCH}),
            source="anthropic",
            target="chat",
            request=chat_request,
        )
    )
    assert_sdk_strict(out, chat_sdk.ChatCompletion)
    call = out["choices"][0]["message"]["tool_calls"][0]
    assert call == {
        "id": "toolu_1",
        "type": "custom",
        "custom": {"name": "apply_patch", "input": PATCH},
    }


# --------------------------------------------------------------------------- streams


def _anthropic_events(arguments: list[str], *, text: str = "Patching.") -> list[dict[str, Any]]:
    message = _anthropic_message({}, text=text)
    start = {**message, "content": [], "stop_reason": None}
    start["usage"] = {"input_tokens": 10, "output_tokens": 1}
    return [
        {"type": "message_start", "message": start},
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": text}},
        {"type": "content_block_stop", "index": 0},
        {
            "type": "content_block_start",
            "index": 1,
            "content_block": {
                "type": "tool_use",
                "id": "toolu_1",
                "name": "apply_patch",
                "input": {},
            },
        },
        *(
            {
                "type": "content_block_delta",
                "index": 1,
                "delta": {"type": "input_json_delta", "partial_json": fragment},
            }
            for fragment in arguments
        ),
        {"type": "content_block_stop", "index": 1},
        {
            "type": "message_delta",
            "delta": {"type": "message_delta", "stop_reason": "tool_use", "stop_sequence": None},
            "usage": {"output_tokens": 20},
        },
        {"type": "message_stop"},
    ]


def _sse(events: list[dict[str, Any]]) -> bytes:
    return "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events).encode()


def _frames(data: bytes) -> list[dict[str, Any]]:
    lines = data.decode("utf-8").split("\n")
    return [json.loads(line[len("data: ") :]) for line in lines if line.startswith("data: ")]


def _strip_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k not in ("id", "created_at")}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


def _check_responses_stream(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Every event is strict, the SDK's accumulator takes the stream, the custom input deltas add
    up to the item's input; returns the terminal response."""
    state: ResponseStreamState[Any] = ResponseStreamState(input_tools=[], text_format=omit)
    for event in events:
        assert_sdk_strict(event, responses_sdk.ResponseStreamEvent)
        state.handle_event(SDK_RESPONSE_EVENT.validate_python(event))
    deltas = "".join(
        e["delta"] for e in events if e["type"] == "response.custom_tool_call_input.delta"
    )
    done = [e for e in events if e["type"] == "response.custom_tool_call_input.done"]
    items = [e["item"] for e in events if e["type"] == "response.output_item.done"]
    customs = [item for item in items if item["type"] == "custom_tool_call"]
    assert [e["input"] for e in done] == [item["input"] for item in customs]
    assert deltas == "".join(item["input"] for item in customs)
    terminal: dict[str, Any] = events[-1]["response"]
    assert events[-1]["type"] == "response.completed"
    assert terminal["output"] == items
    return terminal


def _check_responses_stream_items(events: list[dict[str, Any]]) -> dict[str, Any]:
    """:func:`_check_responses_stream` for several calls: each custom item's input deltas add up
    to its input."""
    terminal = _check_responses_stream(events)
    for index, item in enumerate(terminal["output"]):
        if item["type"] == "custom_tool_call":
            deltas = [
                e["delta"]
                for e in events
                if e["type"] == "response.custom_tool_call_input.delta"
                and e["output_index"] == index
            ]
            assert "".join(deltas) == item["input"]
    return terminal


def test_anthropic_sse_streams_custom_input_while_the_arguments_arrive() -> None:
    arguments = json.dumps({"input": PATCH})
    fragments = [arguments[i : i + 5] for i in range(0, len(arguments), 5)]
    events = _anthropic_events(fragments)
    transcoder = SSETranscoder(
        source="anthropic",
        target="responses",
        request=CODEX_REQUEST,
        id_factory=_ids,
        clock=_clock,
    )
    out: list[dict[str, Any]] = []
    live = []  # per argument fragment fed: whether custom input deltas came out for it
    for event in events:
        frames = _frames(transcoder.feed(_sse([event])))
        if event.get("delta", {}).get("type") == "input_json_delta":
            live.append(any(f["type"] == "response.custom_tool_call_input.delta" for f in frames))
        out += frames
    out += _frames(transcoder.finish())
    _streamed_while_arriving(live)
    assert "response.function_call_arguments.delta" not in [e["type"] for e in out]
    terminal = _check_responses_stream(out)
    expected = _to_responses(_anthropic_message({"input": PATCH}))
    assert _strip_ids(terminal) == _strip_ids(expected)
    assert terminal["output"][1]["input"] == PATCH


def _streamed_while_arriving(live: list[bool]) -> None:
    """Custom input deltas came out as the argument fragments were fed: as soon as the head
    ``{"input": "`` is complete (within the first three fragments), then for nearly every fragment
    (one that ends inside an escape sequence may give nothing yet)."""
    assert len(live) > 10
    assert any(live[:3]) and sum(live) >= 0.7 * len(live), live


def _raw_inputs() -> st.SearchStrategy[str]:
    return st.text(st.characters(codec="utf-8"), max_size=40) | st.just(PATCH)


def _split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    return [text[a:b] for a, b in itertools.pairwise(points) if b > a]


@settings(max_examples=60, deadline=None)
@given(_raw_inputs(), st.booleans(), st.lists(st.integers(0, 400), max_size=12))
def test_anthropic_stream_equals_non_stream_however_split(
    raw: str, ascii_only: bool, cuts: list[int]
) -> None:
    arguments = json.dumps({"input": raw}, ensure_ascii=ascii_only)
    converter = StreamConverter(
        source="anthropic",
        target="responses",
        request=CODEX_REQUEST,
        id_factory=_ids,
        clock=_clock,
    )
    out = [
        to_wire(e)
        for event in _anthropic_events(_split(arguments, cuts))
        for e in converter.feed(event)
    ]
    out += [to_wire(e) for e in converter.finish()]
    terminal = _check_responses_stream(out)
    assert _strip_ids(terminal) == _strip_ids(_to_responses(_anthropic_message({"input": raw})))
    assert terminal["output"][1]["input"] == raw


def _chat_chunks(fragments: list[str]) -> list[dict[str, Any]]:
    base = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "deepseek",
    }

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    head = {
        "index": 0,
        "id": "call_9",
        "type": "function",
        "function": {"name": "apply_patch", "arguments": ""},
    }
    return [
        chunk({"role": "assistant", "content": "", "reasoning_content": "Edit a.py."}),
        chunk({"content": "Patching."}),
        chunk({"tool_calls": [head]}),
        *(chunk({"tool_calls": [{"index": 0, "function": {"arguments": f}}]}) for f in fragments),
        chunk({}, "tool_calls"),
        {
            **base,
            "choices": [],
            "usage": {"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30},
        },
    ]


def test_chat_reasoning_content_stream_to_responses() -> None:
    arguments = json.dumps({"input": PATCH})
    fragments = [arguments[i : i + 4] for i in range(0, len(arguments), 4)]
    converter = StreamConverter(
        source="chat",
        target="responses",
        request=CODEX_REQUEST,
        chat_dialect="reasoning_content",
        id_factory=_ids,
        clock=_clock,
    )
    out: list[dict[str, Any]] = []
    live = []
    for chunk in _chat_chunks(fragments):
        frames = [to_wire(e) for e in converter.feed(chunk)]
        if "arguments" in json.dumps(chunk) and "index" in json.dumps(chunk["choices"]):
            live.append(any(f["type"] == "response.custom_tool_call_input.delta" for f in frames))
        out += frames
    out += [to_wire(e) for e in converter.finish()]
    _streamed_while_arriving(live[1:])  # the first chunk is the call's head
    terminal = _check_responses_stream(out)
    whole = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1,
        "model": "deepseek",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "content": "Patching.",
                    "reasoning_content": "Edit a.py.",
                    "tool_calls": [
                        {
                            "id": "call_9",
                            "type": "function",
                            "function": {"name": "apply_patch", "arguments": arguments},
                        }
                    ],
                },
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30},
    }
    expected = to_wire(
        convert_response(
            whole,
            source="chat",
            target="responses",
            request=CODEX_REQUEST,
            id_factory=_ids,
            clock=_clock,
        )
    )
    assert_sdk_strict(expected, responses_sdk.Response)
    assert _strip_ids(terminal) == _strip_ids(expected)
    call = terminal["output"][-1]
    assert (call["type"], call["name"], call["input"]) == ("custom_tool_call", "apply_patch", PATCH)


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(2, 9))
def test_interleaved_parallel_calls_keep_their_order_and_kinds(rng: Any, size: int) -> None:
    """A chat server interleaves the argument fragments of parallel calls: two stand-in calls
    (one of which stands for no custom call) and a function call. Whatever the interleaving, the
    Responses stream equals the non-streaming conversion, items in the calls' order."""
    calls = [
        ("call_a", "apply_patch", json.dumps({"input": PATCH})),
        ("call_b", "shell", json.dumps({"command": ["ls", "-la"]})),
        ("call_c", "apply_patch", json.dumps({"patch": "x"})),
        ("call_d", "apply_patch", json.dumps({"input": "second \u00e9"})),
    ]
    base = {"id": "chatcmpl-2", "object": "chat.completion.chunk", "created": 1, "model": "m"}

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        return {**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}

    chunks = [chunk({"role": "assistant", "content": ""})]
    for i, (call_id, name, _) in enumerate(calls):
        head = {"index": i, "id": call_id, "type": "function", "function": {"name": name}}
        chunks.append(
            chunk({"tool_calls": [{**head, "function": {**head["function"], "arguments": ""}}]})
        )
    pending = {
        i: [a[j : j + size] for j in range(0, len(a), size)] for i, (_, _, a) in enumerate(calls)
    }
    while any(pending.values()):
        i = rng.choice([k for k, v in pending.items() if v])
        fragment = pending[i].pop(0)
        chunks.append(chunk({"tool_calls": [{"index": i, "function": {"arguments": fragment}}]}))
    chunks.append(chunk({}, "tool_calls"))
    losses: list[Loss] = []
    converter = StreamConverter(
        source="chat",
        target="responses",
        request=CODEX_REQUEST,
        id_factory=_ids,
        clock=_clock,
        on_loss=losses.append,
    )
    out = [to_wire(e) for c in chunks for e in converter.feed(c)]
    out += [to_wire(e) for e in converter.finish()]
    terminal = _check_responses_stream_items(out)
    calls_out = [item for item in terminal["output"] if "call_id" in item]
    kinds = [(item["type"], item["call_id"]) for item in calls_out]
    assert kinds == [
        ("custom_tool_call", "call_a"),
        ("function_call", "call_b"),
        ("function_call", "call_c"),
        ("custom_tool_call", "call_d"),
    ]
    assert calls_out[0]["input"] == PATCH
    assert calls_out[3]["input"] == "second \u00e9"
    whole_calls = [
        {"id": call_id, "type": "function", "function": {"name": name, "arguments": arguments}}
        for call_id, name, arguments in calls
    ]
    whole = {
        "id": "chatcmpl-2",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {"role": "assistant", "content": "", "tool_calls": whole_calls},
            }
        ],
    }
    non_stream_losses: list[Loss] = []
    expected = to_wire(
        convert_response(
            whole,
            source="chat",
            target="responses",
            request=CODEX_REQUEST,
            id_factory=_ids,
            clock=_clock,
            on_loss=non_stream_losses.append,
        )
    )
    assert _strip_ids(terminal) == _strip_ids(expected)
    custom_losses = [loss.feature for loss in losses if "custom" in loss.feature]
    assert custom_losses == ["custom_tool_call"]
    assert custom_losses == [loss.feature for loss in non_stream_losses if "custom" in loss.feature]


def test_stream_of_arguments_that_stand_for_no_custom_call() -> None:
    losses: list[Loss] = []
    converter = StreamConverter(
        source="anthropic",
        target="responses",
        request=CODEX_REQUEST,
        id_factory=_ids,
        clock=_clock,
        on_loss=losses.append,
    )
    arguments = json.dumps({"patch": PATCH})
    events = _anthropic_events([arguments[:3], arguments[3:9], arguments[9:]])
    out = [to_wire(e) for event in events for e in converter.feed(event)]
    out += [to_wire(e) for e in converter.finish()]
    terminal = _check_responses_stream(out)
    assert terminal["output"][1]["type"] == "function_call"
    assert json.loads(terminal["output"][1]["arguments"]) == {"patch": PATCH}
    args = [e["delta"] for e in out if e["type"] == "response.function_call_arguments.delta"]
    assert "".join(args) == arguments
    assert [loss.feature for loss in losses if "custom" in loss.feature] == ["custom_tool_call"]


# --------------------------------------------------------------------------- decoders


def _json_string_tokens() -> st.SearchStrategy[str]:
    """Pieces of a valid JSON string body: raw characters and every kind of escape, lone and
    paired surrogates included."""
    raw = st.characters(codec="utf-8", exclude_characters='"\\', min_codepoint=0x20)
    simple = st.sampled_from(['\\"', "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"])
    unicode = st.integers(0, 0xFFFF).map(lambda c: f"\\u{c:04x}")
    upper = st.integers(0, 0xFFFF).map(lambda c: f"\\u{c:04X}")
    pair = st.tuples(st.integers(0xD800, 0xDBFF), st.integers(0xDC00, 0xDFFF)).map(
        lambda p: f"\\u{p[0]:04x}\\u{p[1]:04x}"
    )
    return st.one_of(raw, simple, unicode, upper, pair)


@settings(max_examples=300)
@given(st.lists(_json_string_tokens(), max_size=30), st.lists(st.integers(0, 200), max_size=15))
def test_json_string_decoder_equals_json_loads_however_split(
    tokens: list[str], cuts: list[int]
) -> None:
    body = "".join(tokens) + '"'
    decoder = JSONStringDecoder()
    decoded = "".join(decoder.feed(fragment) for fragment in _split(body, cuts))
    assert decoded == json.loads('"' + body)
    assert decoder.closed and decoder.rest == "" and decoder.error is None


@given(st.text(), st.booleans(), st.lists(st.integers(0, 100), max_size=10))
def test_json_string_decoder_reads_what_json_dumps_writes(
    text: str, ascii_only: bool, cuts: list[int]
) -> None:
    body = json.dumps(text, ensure_ascii=ascii_only)[1:] + ', "more": 1}'
    decoder = JSONStringDecoder()
    decoded = "".join(decoder.feed(fragment) for fragment in _split(body, cuts))
    assert decoded == text
    assert decoder.rest == ', "more": 1}'


def test_json_string_decoder_gives_characters_as_soon_as_they_are_certain() -> None:
    decoder = JSONStringDecoder()
    steps = [
        ("ab", "ab"),
        ("\\", ""),
        ("n", "\n"),
        ("\\u00", ""),
        ("e9", "\u00e9"),
        ("\\ud83d", ""),  # a high surrogate waits for its low half
        ("\\ude00", "\U0001f600"),
        ("\\ud83d", ""),
        ("x", "\ud83dx"),  # not followed by a low half: given alone, as json.loads does
        ('"tail', ""),
    ]
    for fragment, expected in steps:
        assert decoder.feed(fragment) == expected, fragment
    assert decoder.closed and decoder.rest == "tail"
    broken = JSONStringDecoder()
    assert broken.feed("ok\\q more") == "ok"
    assert broken.error is not None and broken.feed('x"') == ""


@settings(max_examples=200)
@given(
    st.text(max_size=30),
    st.booleans(),
    st.sampled_from(["", " ", "\n  "]),
    st.lists(st.integers(0, 120), max_size=10),
)
def test_input_reader_reads_the_same_however_split(
    raw: str, ascii_only: bool, space: str, cuts: list[int]
) -> None:
    value = json.dumps(raw, ensure_ascii=ascii_only)
    arguments = f'{space}{{{space}"input"{space}:{space}{value}{space}}}{space}'
    reader = InputReader()
    text = "".join(reader.feed(fragment) for fragment in _split(arguments, cuts))
    assert reader.finish() is None
    assert reader.verdict is True and text == raw
    assert read_input(arguments) == (raw, None)


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ('{"input":"a"}', "a"),
        ('{"\\u0069nput":"a"}', "a"),
        ('{"input":"a","other":1}', "a"),  # reported: members other than input
        ('{"input":"cut', "cut"),  # reported: cut off
        ('{"other":"x","input":"a"}', None),
        ('{"input":{"x":1}}', None),
        ('{"inputs":"a"}', None),
        ('["input"]', None),
        ("", None),
    ],
)
def test_read_input(arguments: str, expected: str | None) -> None:
    raw, problem = read_input(arguments)
    assert raw == expected
    assert (problem is None) == (arguments in ('{"input":"a"}', '{"\\u0069nput":"a"}'))


# --------------------------------------------------------------------------- no empty turns


RESPONSES_BUILT_IN_HISTORY: dict[str, Any] = {
    "model": "gpt-5-codex",
    "input": [
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "ls"}]},
        {
            "type": "local_shell_call",
            "id": "lsh_1",
            "call_id": "call_2",
            "status": "completed",
            "action": {"type": "exec", "command": ["ls"], "env": {}},
        },
        {"type": "local_shell_call_output", "id": "lsh_1", "output": "a.py"},
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "ok"}]},
    ],
}


def test_no_empty_turn_for_dropped_built_in_tool_items() -> None:
    losses: list[Loss] = []
    out = to_wire(
        convert_request(
            RESPONSES_BUILT_IN_HISTORY,
            source="responses",
            target="anthropic",
            on_loss=losses.append,
        )
    )
    assert_sdk_strict(out, anthropic_sdk.MessageCreateParams)
    assert out["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": "ls"}]},
        {"role": "user", "content": [{"type": "text", "text": "ok"}]},
    ]
    assert {"input[1]", "input[2]"} <= {loss.path for loss in losses}


ONLY_A_CUSTOM_CONTENT_DOCUMENT: dict[str, Any] = {
    "model": "claude",
    "max_tokens": 100,
    "messages": [
        {"role": "user", "content": "Read this"},
        {
            "role": "user",
            "content": [
                {
                    "type": "document",
                    "source": {"type": "content", "content": [{"type": "text", "text": "x"}]},
                }
            ],
        },
    ],
}


@pytest.mark.parametrize("target", ["chat", "responses"])
def test_no_empty_turn_for_a_message_whose_parts_were_all_dropped(target: str) -> None:
    losses: list[Loss] = []
    out = to_wire(
        convert_request(
            ONLY_A_CUSTOM_CONTENT_DOCUMENT, source="anthropic", target=target, on_loss=losses.append
        )
    )
    messages = out["messages"] if target == "chat" else out["input"]
    assert messages == [{"role": "user", "content": "Read this"}]
    assert [loss.path for loss in losses] == ["messages[1].content[0]"]


# --------------------------------------------------------------------------- Responses names

LONG = "mcp__a_server_with_a_long_name__a_tool_with_an_even_longer_name_than_the_limit_xyz_"
DOTTED = "a.b"


def _anthropic_with_names() -> dict[str, Any]:
    return {
        "model": "claude",
        "max_tokens": 100,
        "tools": [
            {"name": LONG, "input_schema": {"type": "object", "properties": {}}},
            {"name": DOTTED, "input_schema": {"type": "object", "properties": {}}},
        ],
        "tool_choice": {"type": "tool", "name": LONG},
        "messages": [
            {"role": "user", "content": "go"},
            {
                "role": "assistant",
                "content": [
                    {"type": "tool_use", "id": "toolu_1", "name": LONG, "input": {}},
                    {"type": "tool_use", "id": "toolu_2", "name": DOTTED, "input": {"q": 1}},
                ],
            },
            {
                "role": "user",
                "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_1", "content": "1"},
                    {"type": "tool_result", "tool_use_id": "toolu_2", "content": "2"},
                ],
            },
        ],
    }


def test_responses_request_tool_names_are_shortened() -> None:
    assert len(LONG) == 83
    request = _anthropic_with_names()
    out = to_wire(convert_request(request, source="anthropic", target="responses"))
    assert_sdk_strict(out, responses_sdk.ResponseCreateParams)
    short_long, short_dotted = shorten(LONG), shorten(DOTTED)
    assert is_valid_name(short_long) and is_valid_name(short_dotted)
    assert [tool["name"] for tool in out["tools"]] == [short_long, short_dotted]
    assert out["tool_choice"] == {"type": "function", "name": short_long}
    calls = [item["name"] for item in out["input"] if item.get("type") == "function_call"]
    assert calls == [short_long, short_dotted]
    # a Responses request's own names are its own business: responses -> responses stays exact
    own = {"model": "m", "input": "hi", "tools": [{**SHELL, "name": DOTTED}]}
    assert to_wire(convert_request(own, source="responses", target="responses")) == own


def test_responses_allowed_tools_are_shortened_and_typed() -> None:
    chat_request = {
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
        "tools": [
            {"type": "function", "function": {"name": "f"}},
            {"type": "custom", "custom": {"name": "g"}},
        ],
        "tool_choice": {
            "type": "allowed_tools",
            "allowed_tools": {
                "mode": "auto",
                "tools": [
                    {"type": "function", "function": {"name": "f"}},
                    {"type": "custom", "custom": {"name": "g"}},
                ],
            },
        },
    }
    out = to_wire(convert_request(chat_request, source="chat", target="responses"))
    assert_sdk_strict(out, responses_sdk.ResponseCreateParams)
    assert out["tool_choice"] == {
        "type": "allowed_tools",
        "mode": "auto",
        "tools": [{"type": "function", "name": "f"}, {"type": "custom", "name": "g"}],
    }
    req = ir.Request(
        model="m",
        tools=(ir.Tool(kind="function", name=LONG),),
        tool_choice=ir.ToolChoice(mode="allowed", allowed=(LONG,)),
    )
    wire = to_wire(encode_request(req, make_options()))
    assert wire["tools"][0]["name"] == shorten(LONG)
    assert wire["tool_choice"]["tools"] == [{"type": "function", "name": shorten(LONG)}]


def _responses_answer(names: list[str]) -> dict[str, Any]:
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "gpt-5",
        "status": "completed",
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "output": [
            {
                "type": "function_call",
                "id": f"fc_{i}",
                "call_id": f"call_{i}",
                "name": name,
                "arguments": "{}",
                "status": "completed",
            }
            for i, name in enumerate(names)
        ],
        "usage": {
            "input_tokens": 5,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": 5,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": 10,
        },
    }


def test_responses_tool_names_are_restored_from_the_request() -> None:
    request = _anthropic_with_names()
    upstream = to_wire(convert_request(request, source="anthropic", target="responses"))
    names = [tool["name"] for tool in upstream["tools"]]  # what the server is told
    assert all(is_valid_name(name) for name in names)
    answer = _responses_answer(names)
    out = to_wire(convert_response(answer, source="responses", target="anthropic", request=request))
    assert_sdk_strict(out, anthropic_sdk.Message)
    assert [block["name"] for block in out["content"]] == [LONG, DOTTED]
    converter = StreamConverter(source="responses", target="anthropic", request=request)
    events: list[dict[str, Any]] = [
        {"type": "response.created", "sequence_number": 0, "response": {**answer, "output": []}},
    ]
    for i, item in enumerate(answer["output"]):
        events.append(
            {
                "type": "response.output_item.added",
                "sequence_number": len(events),
                "output_index": i,
                "item": {**item, "arguments": "", "status": "in_progress"},
            }
        )
        events.append(
            {
                "type": "response.output_item.done",
                "sequence_number": len(events),
                "output_index": i,
                "item": item,
            }
        )
    events.append(
        {"type": "response.completed", "sequence_number": len(events), "response": answer}
    )
    streamed = [to_wire(e) for event in events for e in converter.feed(event)]
    streamed += [to_wire(e) for e in converter.finish()]
    starts = [e["content_block"]["name"] for e in streamed if e["type"] == "content_block_start"]
    assert starts == [LONG, DOTTED]
