"""Responses reasoning carried statelessly through an anthropic client (the reverse carrier).

A Responses backend's reasoning item (``encrypted_content``, ``id``, summaries) becomes, in an
anthropic response or stream, a thinking block whose signature is a carrier; when the anthropic
client sends that block back, the request converted to Responses holds the original item again,
``encrypted_content`` byte-identical. The carrier never reaches the Anthropic API as a signature
it did not make.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import anthropic.lib.streaming._messages as sdk_messages
import anthropic.types
import pydantic
from hypothesis import given
from hypothesis import strategies as st

from openai_claude_bridge import (
    StreamConverter,
    convert_request,
    convert_response,
    ir,
    to_wire,
)
from openai_claude_bridge._codec import says_something
from openai_claude_bridge.anthropic.reasoning_carrier import (
    PREFIX,
    decode_carrier,
    display_text,
    encode_carrier,
)
from tests.support.oracle import assert_sdk_strict
from tests.support.sdk_types import SDK_TYPES

_EVENT: Any = pydantic.TypeAdapter(anthropic.types.RawMessageStreamEvent)

ENCRYPTED = "gAAAAABo-opaque+blob/with=padding=="

REASONING_ITEM: dict[str, Any] = {
    "type": "reasoning",
    "id": "rs_68c1f6b0d1e28193",
    "summary": [
        {"type": "summary_text", "text": "**Plan** check the units."},
        {"type": "summary_text", "text": "Then answer."},
    ],
    "encrypted_content": ENCRYPTED,
}


def _responses_response(*items: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "gpt-5",
        "status": "completed",
        "output": list(items),
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
    }


CALL: dict[str, Any] = {
    "type": "function_call",
    "id": "fc_1",
    "call_id": "call_1",
    "name": "get_weather",
    "arguments": '{"city":"Paris"}',
    "status": "completed",
}


def _next_request(assistant_content: list[dict[str, Any]]) -> dict[str, Any]:
    """The anthropic client's next request: the assistant turn as it got it, then the result."""
    return {
        "model": "claude-sonnet-4-5",
        "max_tokens": 1024,
        "messages": [
            {"role": "user", "content": "Weather in Paris?"},
            {"role": "assistant", "content": assistant_content},
            {
                "role": "user",
                "content": [{"type": "tool_result", "tool_use_id": "call_1", "content": "18 C"}],
            },
        ],
    }


def _reasoning_items(request: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for item in request["input"] if item.get("type") == "reasoning"]


def test_reasoning_survives_an_anthropic_client_byte_identically() -> None:
    losses: list[Any] = []
    message = to_wire(
        convert_response(
            _responses_response(REASONING_ITEM, CALL),
            source="responses",
            target="anthropic",
            on_loss=losses.append,
        )
    )
    assert_sdk_strict(message, *SDK_TYPES[("anthropic", "Message")])
    thinking = message["content"][0]
    assert thinking["type"] == "thinking"
    assert thinking["thinking"] == "**Plan** check the units.\n\nThen answer."
    assert thinking["signature"].startswith(PREFIX)
    assert not [loss for loss in losses if loss.feature == "reasoning"]

    request = to_wire(
        convert_request(_next_request(message["content"]), source="anthropic", target="responses")
    )
    assert _reasoning_items(request) == [REASONING_ITEM]
    kinds = [item.get("type") for item in request["input"]]
    assert kinds == [None, "reasoning", "function_call", "function_call_output"]


def test_streamed_reasoning_survives_an_anthropic_client() -> None:
    """responses stream -> anthropic stream -> the SDK's accumulated message -> next request."""
    events: list[dict[str, Any]] = [
        {"type": "response.created", "sequence_number": 0, "response": {
            **_responses_response(), "status": "in_progress"}},
        {"type": "response.output_item.added", "sequence_number": 1, "output_index": 0,
         "item": {**REASONING_ITEM, "summary": [], "encrypted_content": None}},
        {"type": "response.reasoning_summary_part.added", "sequence_number": 2,
         "item_id": REASONING_ITEM["id"], "output_index": 0, "summary_index": 0,
         "part": {"type": "summary_text", "text": ""}},
        {"type": "response.reasoning_summary_text.delta", "sequence_number": 3,
         "item_id": REASONING_ITEM["id"], "output_index": 0, "summary_index": 0,
         "delta": "**Plan** check the units."},
        {"type": "response.reasoning_summary_part.added", "sequence_number": 4,
         "item_id": REASONING_ITEM["id"], "output_index": 0, "summary_index": 1,
         "part": {"type": "summary_text", "text": ""}},
        {"type": "response.reasoning_summary_text.delta", "sequence_number": 5,
         "item_id": REASONING_ITEM["id"], "output_index": 0, "summary_index": 1,
         "delta": "Then answer."},
        {"type": "response.output_item.done", "sequence_number": 6, "output_index": 0,
         "item": REASONING_ITEM},
        {"type": "response.output_item.added", "sequence_number": 7, "output_index": 1,
         "item": {**CALL, "arguments": "", "status": "in_progress"}},
        {"type": "response.function_call_arguments.delta", "sequence_number": 8,
         "item_id": "fc_1", "output_index": 1, "delta": CALL["arguments"]},
        {"type": "response.output_item.done", "sequence_number": 9, "output_index": 1,
         "item": CALL},
        {"type": "response.completed", "sequence_number": 10,
         "response": _responses_response(REASONING_ITEM, CALL)},
    ]  # fmt: skip
    converter = StreamConverter(source="responses", target="anthropic")
    out = [event for source_event in events for event in converter.feed(source_event)]
    out += converter.finish()
    snapshot: Any = None
    json_bufs: dict[int, bytes] = {}
    for event in out:
        snapshot = sdk_messages.accumulate_event(
            event=_EVENT.validate_python(to_wire(event)),
            current_snapshot=snapshot,
            json_bufs=json_bufs,
        )
    content = [block.model_dump(exclude_none=True) for block in snapshot.content]
    request = to_wire(
        convert_request(_next_request(content), source="anthropic", target="responses")
    )
    assert _reasoning_items(request) == [REASONING_ITEM]


def test_carrier_thinking_never_reaches_the_anthropic_api() -> None:
    """anthropic -> anthropic included: a router may send the next turn to Anthropic, which
    refuses a signature it did not make. The carrier block is dropped and reported."""
    message = to_wire(
        convert_response(
            _responses_response(REASONING_ITEM, CALL), source="responses", target="anthropic"
        )
    )
    request = _next_request(message["content"])
    losses: list[Any] = []
    again = to_wire(
        convert_request(request, source="anthropic", target="anthropic", on_loss=losses.append)
    )
    assert again["messages"][1]["content"] == message["content"][1:]
    assert [(loss.path, loss.feature) for loss in losses] == [
        ("messages[1].content[0]", "reasoning")
    ]
    # the anthropic response itself round-trips exactly (a client of this bridge may convert it)
    assert to_wire(convert_response(message, source="anthropic", target="anthropic")) == message


def test_foreign_reasoning_never_goes_to_the_api_as_thinking() -> None:
    """A Responses client's reasoning item in a request to anthropic is dropped and reported:
    only anthropic's own signatures are sent to anthropic."""
    request = {
        "model": "gpt-5",
        "input": [
            {"role": "user", "content": "Weather in Paris?"},
            REASONING_ITEM,
            CALL,
            {"type": "function_call_output", "call_id": "call_1", "output": "18 C"},
        ],
    }
    losses: list[Any] = []
    out = to_wire(
        convert_request(request, source="responses", target="anthropic", on_loss=losses.append)
    )
    contents = [message["content"] for message in out["messages"]]
    kinds = [
        block["type"] for content in contents if isinstance(content, list) for block in content
    ]
    assert kinds == ["tool_use", "tool_result"]
    assert ("input[1]", "reasoning") in [(loss.path, loss.feature) for loss in losses]


def test_an_edited_thinking_text_is_not_read_as_a_carrier() -> None:
    """Edited thinking with a carrier signature is not the carrier's any more: it is an opaque
    signed block (Anthropic will judge it), never OpenAI's reasoning item."""
    message = to_wire(
        convert_response(
            _responses_response(REASONING_ITEM, CALL), source="responses", target="anthropic"
        )
    )
    thinking = {**message["content"][0], "thinking": "edited"}
    next_request = _next_request([thinking, message["content"][1]])
    losses: list[Any] = []
    request = to_wire(
        convert_request(next_request, source="anthropic", target="responses", on_loss=losses.append)
    )
    assert _reasoning_items(request) == []
    assert ("messages[1].content[0]", "reasoning") in [(x.path, x.feature) for x in losses]
    same = to_wire(convert_request(next_request, source="anthropic", target="anthropic"))
    assert same["messages"][1]["content"][0] == thinking


def test_plain_reasoning_text_is_carried_by_its_digest() -> None:
    """Plain reasoning text (a chat server's ``reasoning_content``) is shown as thinking; its
    carrier holds the text's digest, not the text, and only fits that very text."""
    part = ir.ReasoningPart(text="hmm", origin="chat", path="p")
    signature = encode_carrier(part)
    assert (
        signature is not None and "hmm" not in base64.b64decode(signature[len(PREFIX) :]).decode()
    )
    assert decode_carrier("hmm", signature, path="p") == part
    assert decode_carrier("hmm!", signature, path="p") is None
    assert encode_carrier(ir.ReasoningPart(text="", origin="chat", path="p")) is None
    assert encode_carrier(ir.ReasoningPart(text="t", signature="sig", path="p")) is None


_texts = st.text(max_size=20)


@given(
    text=st.none() | _texts,
    summary=st.lists(_texts, max_size=3),
    content=st.lists(_texts, max_size=2),
    encrypted=st.none() | _texts,
    item_id=st.none() | _texts,
    status=st.none() | st.sampled_from(["completed", "incomplete"]),
    origin=st.none() | st.sampled_from(["chat", "responses"]),
)
def test_carrier_restores_exactly_what_it_carried(
    *,
    text: str | None,
    summary: list[str],
    content: list[str],
    encrypted: str | None,
    item_id: str | None,
    status: str | None,
    origin: Any,
) -> None:
    part = ir.ReasoningPart(
        text=text,
        summary=tuple(summary),
        content=tuple(content),
        encrypted_content=encrypted,
        item_id=item_id,
        status=status,
        origin=origin,
        path="p",
    )
    signature = encode_carrier(part)
    if not says_something(part):
        assert signature is None
        return
    assert signature is not None
    assert decode_carrier(display_text(part), signature, path="p") == part
    assert decode_carrier(display_text(part) + "x", signature, path="p") is None


@given(st.text(max_size=40))
def test_strings_that_are_not_exactly_carriers_are_signatures(tail: str) -> None:
    for signature in (tail, PREFIX + tail, PREFIX + base64.b64encode(tail.encode()).decode()):
        assert decode_carrier("", signature, path="") is None or signature == encode_carrier(
            decode_carrier("", signature, path="") or ir.ReasoningPart(path="")
        )


def test_a_carrier_with_unknown_keys_is_a_signature() -> None:
    payload = json.dumps({"encrypted_content": "x", "evil": 1}, separators=(",", ":"))
    signature = PREFIX + base64.b64encode(payload.encode()).decode()
    assert decode_carrier("", signature, path="") is None
