"""Tool-call ids as carriers: provider call state and foreign ids through a client, statelessly.

Gemini's OpenAI-compatible endpoint puts ``extra_content.google.thought_signature`` on tool calls
and refuses the next request when a thinking model's call comes back without it. An anthropic
client (Claude Code) or a Responses client (Codex) keeps only the call id of a tool call, so the
bridge writes the state into that id (a carrier) and restores it — id and ``extra_content``
byte-identical — when the client sends its history back. Ids the Messages API would refuse
(Kimi's ``functions.get_weather:0``) reach anthropic within its pattern and come back as they
were. Ordinary ids stay untouched.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import anthropic.lib.streaming._messages as sdk_messages
import anthropic.types
import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openai import omit
from openai.lib.streaming.responses._responses import ResponseStreamState
from openai.types.responses import ResponseStreamEvent

from openai_claude_bridge import (
    FORMATS,
    Loss,
    SSETranscoder,
    StreamConverter,
    convert_request,
    convert_response,
    to_wire,
)
from openai_claude_bridge._call_id_carrier import (
    ANTHROPIC_ID,
    PREFIX,
    decode,
    encode,
    is_plain,
    restore,
)
from openai_claude_bridge.sse import SSEDecoder
from openai_claude_bridge.testing.strategies import json_values
from tests.support.oracle import assert_sdk_strict
from tests.support.sdk_types import SDK_TYPES

_ANTHROPIC_EVENT: Any = pydantic.TypeAdapter(anthropic.types.RawMessageStreamEvent)
_RESPONSES_EVENT: Any = pydantic.TypeAdapter(ResponseStreamEvent)

EXTRA_CONTENT: dict[str, Any] = {
    "google": {"thought_signature": "CiQB0e2Kb+/x9s1hW2o0rZ4Qm0lX8Z3+Yc5pQ/n7wQ2kP1mE=="}
}
GEMINI_CALL: dict[str, Any] = {
    "id": "function-call-15791530938415062376",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
    "extra_content": EXTRA_CONTENT,
}
KIMI_CALLS: list[dict[str, Any]] = [
    {
        "id": "functions.get_weather:0",
        "type": "function",
        "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
    },
    {
        "id": "functions.get_time:1",
        "type": "function",
        "function": {"name": "get_time", "arguments": '{"zone":"CET"}'},
    },
]
ORDINARY_CALL: dict[str, Any] = {
    "id": "call_Xk93aQ",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city":"Paris"}'},
}
_HEAD = {"id": "chatcmpl-1", "created": 1, "model": "gemini-2.5-pro"}
_USAGE = {"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19}


# --------------------------------------------------------------------------- payloads


def _chat_response(calls: list[dict[str, Any]]) -> dict[str, Any]:
    message = {"role": "assistant", "content": None, "tool_calls": calls}
    choice = {"index": 0, "finish_reason": "tool_calls", "logprobs": None, "message": message}
    return {**_HEAD, "object": "chat.completion", "choices": [choice], "usage": _USAGE}


def _chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    choice = {"index": 0, "delta": delta, "finish_reason": finish}
    return {**_HEAD, "object": "chat.completion.chunk", "choices": [choice]}


def _chat_chunks(calls: list[dict[str, Any]], *, late_state: bool = False) -> list[dict[str, Any]]:
    """A chat stream of ``calls``: each call's first fragment carries its id, name, half of its
    arguments and (unless ``late_state``) its ``extra_content``, as Gemini sends them."""
    chunks = [_chunk({"role": "assistant", "content": None})]
    for i, call in enumerate(calls):
        arguments = call["function"]["arguments"]
        half = len(arguments) // 2
        first: dict[str, Any] = {
            "index": i,
            "id": call["id"],
            "type": "function",
            "function": {"name": call["function"]["name"], "arguments": arguments[:half]},
        }
        rest: dict[str, Any] = {"index": i, "function": {"arguments": arguments[half:]}}
        if "extra_content" in call:
            (rest if late_state else first)["extra_content"] = call["extra_content"]
        chunks += [_chunk({"tool_calls": [first]}), _chunk({"tool_calls": [rest]})]
    chunks.append(_chunk({}, "tool_calls"))
    chunks.append({**_HEAD, "object": "chat.completion.chunk", "choices": [], "usage": _USAGE})
    return chunks


def _anthropic_next(content: list[dict[str, Any]]) -> dict[str, Any]:
    """Claude Code's next request: the assistant turn as it got it, then one result per call."""
    results = [
        {"type": "tool_result", "tool_use_id": block["id"], "content": "18 C"}
        for block in content
        if block["type"] == "tool_use"
    ]
    return {
        "model": "claude-sonnet-4-5",
        "max_tokens": 1024,
        "messages": [
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": content},
            {"role": "user", "content": results},
        ],
    }


def _responses_next(output: list[dict[str, Any]]) -> dict[str, Any]:
    """Codex's next request: the output items as it got them, then one output per call."""
    results = [
        {"type": "function_call_output", "call_id": item["call_id"], "output": "18 C"}
        for item in output
        if item["type"] == "function_call"
    ]
    return {"model": "gpt-5", "input": [{"role": "user", "content": "Weather?"}, *output, *results]}


def _chat_history(calls: list[dict[str, Any]]) -> dict[str, Any]:
    """A chat request whose history holds ``calls`` and their results."""
    results = [{"role": "tool", "tool_call_id": c["id"], "content": "18 C"} for c in calls]
    return {
        "model": "gemini-2.5-pro",
        "messages": [
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": None, "tool_calls": calls},
            *results,
        ],
    }


# --------------------------------------------------------------------------- checks


def _assert_chat_history(request: dict[str, Any], calls: list[dict[str, Any]]) -> None:
    """``request`` (chat) gives the server back exactly its ``calls`` and their results' ids,
    and is SDK-valid but for ``extra_content`` on tool calls (the documented dialect field)."""
    (assistant,) = [m for m in request["messages"] if m["role"] == "assistant"]
    assert assistant["tool_calls"] == calls
    results = [m["tool_call_id"] for m in request["messages"] if m["role"] == "tool"]
    assert results == [call["id"] for call in calls]
    assert PREFIX not in json.dumps(request)
    stripped = copy.deepcopy(request)
    for message in stripped["messages"]:
        for call in message.get("tool_calls") or ():
            call.pop("extra_content", None)
    assert_sdk_strict(stripped, *SDK_TYPES[("chat", "CompletionCreateParams")])


def _assert_anthropic_ids(payload: dict[str, Any]) -> list[str]:
    """Every tool id of an anthropic request or message fits the API's pattern, and every
    tool_result names a tool_use; returns the tool_use ids."""
    blocks = [
        block
        for message in payload.get("messages", [payload])
        if isinstance(message.get("content"), list)
        for block in message["content"]
    ]
    uses = [block["id"] for block in blocks if block["type"] == "tool_use"]
    results = [block["tool_use_id"] for block in blocks if block["type"] == "tool_result"]
    assert all(ANTHROPIC_ID.fullmatch(i) for i in uses + results), uses + results
    assert set(results) <= set(uses)
    return uses


def _accumulate_anthropic(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The content the anthropic SDK's accumulator builds from ``events`` (each SDK-strict)."""
    snapshot: Any = None
    json_bufs: dict[int, bytes] = {}
    for wire in events:
        assert_sdk_strict(wire, *SDK_TYPES[("anthropic", "RawMessageStreamEvent")])
        snapshot = sdk_messages.accumulate_event(
            event=_ANTHROPIC_EVENT.validate_python(wire),
            current_snapshot=snapshot,
            json_bufs=json_bufs,
        )
    return [block.model_dump(exclude_none=True) for block in snapshot.content]


def _anthropic_stream(chunks: list[dict[str, Any]], **options: Any) -> list[dict[str, Any]]:
    converter = StreamConverter(source="chat", target="anthropic", **options)
    out = [event for chunk in chunks for event in converter.feed(chunk)]
    return [to_wire(event) for event in out + converter.finish()]


def _anthropic_sse(chunks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``chunks`` as upstream SSE bytes through an SSETranscoder, split in awkward places."""
    body = b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks)
    body += b"data: [DONE]\n\n"
    transcoder = SSETranscoder(source="chat", target="anthropic")
    out = b"".join(transcoder.feed(body[i : i + 7]) for i in range(0, len(body), 7))
    out += transcoder.finish()
    return [json.loads(frame.data) for frame in SSEDecoder().feed(out)]


def _responses_stream(chunks: list[dict[str, Any]], **options: Any) -> list[dict[str, Any]]:
    converter = StreamConverter(source="chat", target="responses", **options)
    out = [event for chunk in chunks for event in converter.feed(chunk)]
    events = [to_wire(event) for event in out + converter.finish()]
    state: Any = ResponseStreamState(input_tools=[], text_format=omit)
    for wire in events:
        assert_sdk_strict(wire, *SDK_TYPES[("responses", "ResponseStreamEvent")])
        state.handle_event(_RESPONSES_EVENT.validate_python(wire))
    return events


def _completed_output(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    (completed,) = [e for e in events if e["type"] == "response.completed"]
    added = [e["item"]["call_id"] for e in events if e["type"] == "response.output_item.added"]
    done = [e["item"]["call_id"] for e in events if e["type"] == "response.output_item.done"]
    output: list[dict[str, Any]] = completed["response"]["output"]
    assert added == done == [item["call_id"] for item in output]
    return output


def _without_state(call: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in call.items() if key != "extra_content"}


def _features(losses: list[Loss]) -> set[str]:
    return {loss.feature for loss in losses}


# --------------------------------------------------------------------------- anthropic clients


def test_gemini_call_state_survives_an_anthropic_client() -> None:
    """chat (Gemini) -> anthropic message -> Claude Code's next request -> chat: the call comes
    back with its id and ``extra_content`` byte-identical; nothing is reported lost."""
    losses: list[Loss] = []
    message = to_wire(
        convert_response(
            _chat_response([GEMINI_CALL]), source="chat", target="anthropic", on_loss=losses.append
        )
    )
    assert_sdk_strict(message, *SDK_TYPES[("anthropic", "Message")])
    (tool_use,) = message["content"]
    assert tool_use["id"].startswith(PREFIX)
    assert _assert_anthropic_ids(message) == [tool_use["id"]]
    assert "extra_content" not in _features(losses)

    request = _anthropic_next(message["content"])
    assert_sdk_strict(request, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    chat = to_wire(convert_request(request, source="anthropic", target="chat"))
    _assert_chat_history(chat, [GEMINI_CALL])


def test_streamed_gemini_call_state_survives_an_anthropic_client() -> None:
    """The same through StreamConverter and SSETranscoder, accumulated by the anthropic SDK: the
    stream gives the very ids the non-streaming conversion gives."""
    calls = [GEMINI_CALL, {**KIMI_CALLS[0], "extra_content": {"google": {"x": [1, 2.5, None]}}}]
    message = to_wire(convert_response(_chat_response(calls), source="chat", target="anthropic"))
    for events in (_anthropic_stream(_chat_chunks(calls)), _anthropic_sse(_chat_chunks(calls))):
        content = _accumulate_anthropic(events)
        assert content == message["content"]
        chat = to_wire(convert_request(_anthropic_next(content), source="anthropic", target="chat"))
        _assert_chat_history(chat, calls)


def test_kimi_ids_fit_anthropic_and_come_back_as_they_were() -> None:
    """Ids outside ``^[a-zA-Z0-9_-]+$`` reach an anthropic client within it (response and
    stream alike) and are restored on its next request."""
    message = to_wire(
        convert_response(_chat_response(KIMI_CALLS), source="chat", target="anthropic")
    )
    assert_sdk_strict(message, *SDK_TYPES[("anthropic", "Message")])
    ids = _assert_anthropic_ids(message)
    assert len(set(ids)) == 2
    assert _accumulate_anthropic(_anthropic_stream(_chat_chunks(KIMI_CALLS))) == message["content"]
    chat = to_wire(
        convert_request(_anthropic_next(message["content"]), source="anthropic", target="chat")
    )
    _assert_chat_history(chat, KIMI_CALLS)


def test_anthropic_requests_from_foreign_histories_use_valid_matching_ids() -> None:
    """A chat (or Responses) history with Kimi ids becomes an anthropic request the API accepts:
    every id fits the pattern and each tool_result names its tool_use. Gemini's state has no
    place in a request to Anthropic: reported as before."""
    losses: list[Loss] = []
    history = _chat_history([*KIMI_CALLS, GEMINI_CALL])
    request = to_wire(
        convert_request(history, source="chat", target="anthropic", on_loss=losses.append)
    )
    assert_sdk_strict(request, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    uses = _assert_anthropic_ids(request)
    results = [
        block["tool_use_id"]
        for message in request["messages"]
        if isinstance(message["content"], list)
        for block in message["content"]
        if block["type"] == "tool_result"
    ]
    assert results == uses
    assert uses[2] == GEMINI_CALL["id"]  # a valid id without carried state stays as it was
    assert [loss.path for loss in losses if loss.feature == "extra_content"] == [
        "messages[1].tool_calls[2].extra_content"
    ]
    back = to_wire(convert_request(request, source="anthropic", target="chat"))
    _assert_chat_history(back, [*KIMI_CALLS, _without_state(GEMINI_CALL)])

    codex = _responses_next(
        [{"type": "function_call", "call_id": "functions.get_weather:0", "name": "get_weather",
          "arguments": "{}"}]
    )  # fmt: skip
    request = to_wire(convert_request(codex, source="responses", target="anthropic"))
    assert_sdk_strict(request, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    assert len(_assert_anthropic_ids(request)) == 1


def test_only_ids_that_need_it_get_a_carrier() -> None:
    """A valid id without state is written as it is in every client's format; a Responses
    client takes any id, so only state makes a carrier there."""
    response = _chat_response([ORDINARY_CALL, *KIMI_CALLS, GEMINI_CALL])
    message = to_wire(convert_response(response, source="chat", target="anthropic"))
    ids = [block["id"] for block in message["content"]]
    assert ids[0] == ORDINARY_CALL["id"]
    assert [i.startswith(PREFIX) for i in ids] == [False, True, True, True]
    output = to_wire(convert_response(response, source="chat", target="responses"))["output"]
    call_ids = [item["call_id"] for item in output]
    assert call_ids[:3] == [ORDINARY_CALL["id"], *(c["id"] for c in KIMI_CALLS)]
    assert call_ids[3].startswith(PREFIX)


# --------------------------------------------------------------------------- Responses clients


def test_gemini_call_state_survives_a_responses_client() -> None:
    """chat (Gemini) -> Responses response / stream -> Codex's next request -> chat."""
    losses: list[Loss] = []
    calls = [GEMINI_CALL, KIMI_CALLS[1]]
    response = to_wire(
        convert_response(
            _chat_response(calls), source="chat", target="responses", on_loss=losses.append
        )
    )
    assert_sdk_strict(response, *SDK_TYPES[("responses", "Response")])
    assert "extra_content" not in _features(losses)
    carried, plain = (item["call_id"] for item in response["output"])
    assert carried.startswith(PREFIX)
    assert plain == KIMI_CALLS[1]["id"]

    streamed = _completed_output(_responses_stream(_chat_chunks(calls)))
    assert [item["call_id"] for item in streamed] == [carried, plain]
    for output in (response["output"], streamed):
        request = _responses_next(output)
        assert_sdk_strict(request, *SDK_TYPES[("responses", "ResponseCreateParams")])
        chat = to_wire(convert_request(request, source="responses", target="chat"))
        _assert_chat_history(chat, calls)


# --------------------------------------------------------------------------- exactness


def test_carried_ids_round_trip_in_their_own_format_and_never_reach_another_provider() -> None:
    """An anthropic or Responses request holding carriers converts to itself exactly; to a
    provider of a format that cannot hold the state (the Responses API), the original id goes
    and the state is reported lost."""
    message = to_wire(
        convert_response(
            _chat_response([GEMINI_CALL, *KIMI_CALLS]), source="chat", target="anthropic"
        )
    )
    request = _anthropic_next(message["content"])
    assert to_wire(convert_request(request, source="anthropic", target="anthropic")) == request

    output = to_wire(
        convert_response(_chat_response([GEMINI_CALL]), source="chat", target="responses")
    )
    codex = _responses_next(output["output"])
    assert codex["input"][1]["call_id"].startswith(PREFIX)
    assert to_wire(convert_request(codex, source="responses", target="responses")) == codex

    losses: list[Loss] = []
    forwarded = to_wire(
        convert_request(request, source="anthropic", target="responses", on_loss=losses.append)
    )
    assert PREFIX not in json.dumps(forwarded)
    call_ids = [i["call_id"] for i in forwarded["input"] if i.get("type") == "function_call"]
    assert call_ids == [GEMINI_CALL["id"], *(c["id"] for c in KIMI_CALLS)]
    assert [loss.path for loss in losses if loss.feature == "extra_content"] == [
        "messages[1].content[0].extra_content"
    ]


def test_anthropic_input_ids_outside_the_pattern_round_trip_exactly() -> None:
    """anthropic -> anthropic keeps even an id the API would refuse as it came (the decoder
    echoes it) next to a carrier of the same id, which comes back as a carrier; anthropic ->
    chat sends both as the id they stand for."""
    carried = to_wire(
        convert_response(_chat_response(KIMI_CALLS[:1]), source="chat", target="anthropic")
    )
    raw = {"type": "tool_use", "id": KIMI_CALLS[0]["id"], "name": "get_weather", "input": {}}
    request = _anthropic_next([raw, *carried["content"]])
    assert request["messages"][1]["content"][1]["id"].startswith(PREFIX)
    assert to_wire(convert_request(request, source="anthropic", target="anthropic")) == request
    chat = to_wire(convert_request(request, source="anthropic", target="chat"))
    assert [call["id"] for call in chat["messages"][1]["tool_calls"]] == [KIMI_CALLS[0]["id"]] * 2
    assert [m["tool_call_id"] for m in chat["messages"][2:]] == [KIMI_CALLS[0]["id"]] * 2


def test_chat_call_state_round_trips_in_chat_and_goes_back_to_the_server() -> None:
    history = _chat_history([GEMINI_CALL])
    assert to_wire(convert_request(history, source="chat", target="chat")) == history
    response = _chat_response([GEMINI_CALL])
    assert to_wire(convert_response(response, source="chat", target="chat")) == response
    chunks = _chat_chunks([GEMINI_CALL])
    converter = StreamConverter(source="chat", target="chat")
    out = [to_wire(e) for c in chunks for e in converter.feed(c)]
    fragments = [
        call
        for chunk in out
        for choice in chunk["choices"]
        for call in choice["delta"].get("tool_calls") or ()
    ]
    assert fragments[0]["extra_content"] == EXTRA_CONTENT
    assert all("extra_content" not in fragment for fragment in fragments[1:])


def test_state_stated_after_the_call_started_is_kept_or_reported() -> None:
    """``extra_content`` on a later fragment: a chat client gets it on a later fragment too; an
    anthropic or Responses client, whose id already went out, gets a loss report."""
    chunks = _chat_chunks([GEMINI_CALL], late_state=True)
    converter = StreamConverter(source="chat", target="chat")
    out = [to_wire(e) for c in chunks for e in converter.feed(c)]
    stated = [
        call["extra_content"]
        for chunk in out
        for choice in chunk["choices"]
        for call in choice["delta"].get("tool_calls") or ()
        if "extra_content" in call
    ]
    assert stated == [EXTRA_CONTENT]
    for stream in (_anthropic_stream, _responses_stream):
        losses: list[Loss] = []
        stream(chunks, on_loss=losses.append)
        late = [loss for loss in losses if loss.feature == "extra_content"]
        assert [loss.path for loss in late] == ["choices[0].delta.tool_calls[0].extra_content"]
        assert "after its id was sent" in late[0].reason


# --------------------------------------------------------------------------- the carrier itself

_fields = st.dictionaries(st.text(max_size=8), json_values, min_size=1, max_size=3)
_states = st.dictionaries(st.sampled_from(FORMATS), _fields, max_size=2)
_some_states = st.dictionaries(st.sampled_from(FORMATS), _fields, min_size=1, max_size=2)


def _canonical(call_id: str, state: Any) -> str:
    plain = {fmt: dict(fields) for fmt, fields in state.items()}
    return json.dumps([call_id, plain], sort_keys=True)


@given(call_id=st.text(max_size=40), state=_states)
def test_the_carrier_round_trips_exactly_and_fits_the_anthropic_pattern(
    call_id: str, state: dict[str, Any]
) -> None:
    for pattern in (ANTHROPIC_ID, None):
        value = encode(call_id, state, pattern=pattern)  # type: ignore[arg-type]
        assert value == encode(call_id, state, pattern=pattern)  # type: ignore[arg-type]
        if pattern is not None:
            assert ANTHROPIC_ID.fullmatch(value)
        restored_id, restored_state = restore(value, pattern=pattern)
        assert _canonical(restored_id, restored_state) == _canonical(call_id, state)
        if value == call_id:
            assert not state and decode(value, pattern=pattern) is None


@given(
    call_id=st.text(min_size=1, max_size=30),
    extra_content=json_values.filter(lambda value: value is not None),
    stream=st.booleans(),
)
def test_any_call_id_and_state_survive_an_anthropic_client(
    call_id: str, extra_content: Any, stream: bool
) -> None:
    """Through the public API, for any id and any ``extra_content``: the anthropic output is
    valid, and the next request gives the server back exactly what it sent."""
    call = {**GEMINI_CALL, "id": call_id, "extra_content": extra_content}
    if stream:
        content = _accumulate_anthropic(_anthropic_stream(_chat_chunks([call])))
    else:
        response = _chat_response([call])
        message = to_wire(convert_response(response, source="chat", target="anthropic"))
        assert_sdk_strict(message, *SDK_TYPES[("anthropic", "Message")])
        content = message["content"]
    request = _anthropic_next(content)
    assert_sdk_strict(request, *SDK_TYPES[("anthropic", "MessageCreateParams")])
    _assert_anthropic_ids(request)
    chat = to_wire(convert_request(request, source="anthropic", target="chat"))
    assert json.dumps(chat["messages"][1]["tool_calls"], sort_keys=True) == json.dumps(
        [call], sort_keys=True
    )
    assert chat["messages"][2]["tool_call_id"] == call_id


@given(
    call_id=st.text(max_size=20),
    state=_some_states,
    data=st.data(),
)
def test_an_edited_carrier_is_an_ordinary_id(
    call_id: str, state: dict[str, Any], data: st.DataObject
) -> None:
    value = encode(call_id, state, pattern=ANTHROPIC_ID)  # type: ignore[arg-type]
    at = data.draw(st.integers(min_value=len(PREFIX), max_value=len(value) - 1))
    char = data.draw(st.sampled_from("abcXYZ019_-").filter(lambda c: c != value[at]))
    edits = [value[:at] + char + value[at + 1 :], value[:at], value + char]
    for edited in edits:
        assert decode(edited, pattern=ANTHROPIC_ID) is None
        assert restore(edited, pattern=ANTHROPIC_ID) == (edited, {})


def test_an_edited_carrier_reaches_the_server_as_the_ordinary_id_it_is() -> None:
    message = to_wire(
        convert_response(_chat_response([GEMINI_CALL]), source="chat", target="anthropic")
    )
    carrier = message["content"][0]["id"]
    assert carrier.startswith(PREFIX)
    assert restore(carrier, pattern=ANTHROPIC_ID)[0] == GEMINI_CALL["id"]
    garbled = carrier[:-3] + ("AAA" if not carrier.endswith("AAA") else "BBB")
    message["content"][0]["id"] = garbled
    chat = to_wire(
        convert_request(_anthropic_next(message["content"]), source="anthropic", target="chat")
    )
    assert chat["messages"][1]["tool_calls"] == [{**_without_state(GEMINI_CALL), "id": garbled}]
    assert chat["messages"][2]["tool_call_id"] == garbled


@pytest.mark.parametrize(
    "value",
    [
        PREFIX,
        PREFIX + "AAAAAAAA",
        PREFIX + "not base64 at all!",
        "functions.get_weather:0",
        "call_" + PREFIX,
    ],
)
def test_strings_that_are_not_carriers_are_ids(value: str) -> None:
    assert decode(value, pattern=ANTHROPIC_ID) is None
    assert decode(value) is None


def test_an_id_that_reads_as_a_carrier_is_wrapped_not_misread() -> None:
    """A server id that happens to be a valid carrier is itself carried, so the client's next
    request gives the server that id back, not what it seemed to carry."""
    lookalike = encode("inner", {"chat": {"extra_content": 1}}, pattern=ANTHROPIC_ID)
    wrapped = encode(lookalike, {}, pattern=ANTHROPIC_ID)
    assert wrapped != lookalike
    assert restore(wrapped, pattern=ANTHROPIC_ID) == (lookalike, {})


@given(
    call_id=st.text(max_size=40) | st.text(max_size=40).map(lambda rest: PREFIX + rest),
    pattern=st.sampled_from([ANTHROPIC_ID, None]),
)
def test_a_plain_id_is_told_at_once_as_encode_and_decode_would(call_id: str, pattern: Any) -> None:
    """``is_plain`` (the fast answer for the usual id) never contradicts the full path: an id
    it calls plain is written as it is, and read as no carrier."""
    if is_plain(call_id, pattern):
        assert encode(call_id, {}, pattern=pattern) == call_id
        assert decode(call_id, pattern=pattern) is None
    if encode(call_id, {}, pattern=pattern) == call_id and not call_id.startswith(PREFIX):
        assert is_plain(call_id, pattern)
