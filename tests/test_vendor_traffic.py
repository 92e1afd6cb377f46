"""Real vendor traffic is read, not refused (issue 8, point 1).

Each test sends a minimal payload modelled on what a real server was recorded sending (the
recordings under ``../shared/samples/external``; see ``tests/test_external_vendor.py``) where the
server is looser than the official SDK's types: a field the SDK marks required is left out, a
tag holds another string, a value lies outside an enum, a vendor dialect replaces a string. The
rule: a missing field is missing, not invalid — it stays absent on the way through (``X -> X``
gives back exactly what came in) and is reported lost only where a target requires it. Outputs
to every other format satisfy the official SDK's types; wrong *types* stay invalid input.
"""

from __future__ import annotations

import copy
import itertools
import json
from typing import Any

import pytest

from openai_claude_bridge import (
    InvalidInputError,
    Loss,
    SSETranscoder,
    StreamConverter,
    convert_response,
    to_wire,
)
from tests.support.external import sdk_problems
from tests.support.oracle import sdk_errors
from tests.support.sdk_types import SDK_TYPES

FORMATS = ("anthropic", "chat", "responses", "completions")


# --------------------------------------------------------------------------- helpers


def _response(
    payload: dict[str, Any], source: str, target: str, **options: Any
) -> tuple[dict[str, Any], list[Loss]]:
    losses: list[Loss] = []
    out = convert_response(
        copy.deepcopy(payload), source=source, target=target, on_loss=losses.append, **options
    )
    return to_wire(out), losses


def _response_everywhere(
    payload: dict[str, Any], source: str
) -> dict[str, tuple[dict[str, Any], list[Loss]]]:
    """``payload`` converted to every format: exactly itself for ``source``, SDK-valid for the
    others."""
    results = {}
    for target in FORMATS:
        out, losses = _response(payload, source, target)
        if target == source:
            assert out == payload
            assert losses == []
        else:
            assert sdk_problems("response", target, out) == [], target
        results[target] = (out, losses)
    return results


def _fixed() -> dict[str, Any]:
    """Options that make ids and timestamps repeatable."""
    count = itertools.count()
    return {"id_factory": lambda prefix: f"{prefix}{next(count)}", "clock": lambda: 1700000000}


def _stream(
    events: list[dict[str, Any]], source: str, target: str, **options: Any
) -> tuple[list[dict[str, Any]], list[Loss]]:
    losses: list[Loss] = []
    converter = StreamConverter(
        source=source, target=target, on_loss=losses.append, **_fixed(), **options
    )
    out = [e for event in copy.deepcopy(events) for e in converter.feed(event)]
    out += converter.finish()
    return [to_wire(e) for e in out], losses


def _sse(events: list[dict[str, Any]], source: str) -> bytes:
    named = source in ("anthropic", "responses")
    frames = [
        (f"event: {e['type']}\n" if named else "") + f"data: {json.dumps(e)}\n\n" for e in events
    ]
    done = "" if named else "data: [DONE]\n\n"
    return ("".join(frames) + done).encode()


def _transcode(events: list[dict[str, Any]], source: str, target: str) -> list[dict[str, Any]]:
    """The frames a client gets from the upstream's SSE body, fed in small pieces."""
    body = _sse(events, source)
    tx = SSETranscoder(source=source, target=target, **_fixed())
    out = b"".join(tx.feed(body[i : i + 7]) for i in range(0, len(body), 7)) + tx.finish()
    return [
        json.loads(line[len(b"data: ") :])
        for line in out.split(b"\n")
        if line.startswith(b"data: ") and line != b"data: [DONE]"
    ]


def _stream_everywhere(
    events: list[dict[str, Any]], source: str
) -> dict[str, tuple[list[dict[str, Any]], list[Loss]]]:
    """``events`` converted to every format, as events and as SSE bytes (the same frames);
    SDK-valid for every format but ``source``, to which they come back exactly."""
    results = {}
    for target in FORMATS:
        out, losses = _stream(events, source, target)
        assert _transcode(events, source, target) == out, target
        if target != source:
            assert sdk_problems("stream", target, out) == [], target
        else:
            assert out == events  # a same-format stream is relayed as it came
        results[target] = (out, losses)
    return results


def _features(losses: list[Loss]) -> set[str]:
    return {loss.feature for loss in losses}


def _anthropic_blocks(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e["content_block"] for e in events if e["type"] == "content_block_start"]


def _responses_items(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e["item"] for e in events if e["type"] == "response.output_item.done"]


# --------------------------------------------------------------------------- anthropic usage

_ANTHROPIC_USAGE = {
    "input_tokens": 12,
    "output_tokens": 6,
    "cache_creation_input_tokens": 0,
    "cache_read_input_tokens": 0,
    "server_tool_use": {"web_search_requests": 0},
    "service_tier": "standard",
}


def _anthropic_message(usage: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "msg_01",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5",
        "content": [{"type": "text", "text": "Hello."}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": usage,
    }


def test_anthropic_usage_without_web_fetch_requests_is_read() -> None:
    """The API sends ``server_tool_use: {"web_search_requests": 0}`` to requests without a web
    fetch tool; one usage detail does not refuse the whole answer."""
    results = _response_everywhere(_anthropic_message(_ANTHROPIC_USAGE), "anthropic")
    assert results["chat"][0]["choices"][0]["message"]["content"] == "Hello."
    # a known count that a target has no field for is reported; the absent one is not
    for target in ("chat", "responses", "completions"):
        assert "web_fetch_requests" not in _features(results[target][1])
    # a wrong type is still invalid, where it is
    usage = {**_ANTHROPIC_USAGE, "server_tool_use": {"web_fetch_requests": "1"}}
    with pytest.raises(InvalidInputError) as err:
        convert_response(_anthropic_message(usage), source="anthropic", target="chat")
    assert err.value.path == "usage.server_tool_use.web_fetch_requests"


def test_anthropic_stream_usage_without_web_fetch_requests_is_read() -> None:
    """The same usage in ``message_start`` and ``message_delta``: the stream comes back exactly
    to anthropic and valid everywhere else."""
    start = {**_anthropic_message(_ANTHROPIC_USAGE), "content": [], "stop_reason": None}
    events = [
        {"type": "message_start", "message": start},
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi"}},
        {"type": "content_block_stop", "index": 0},
        {
            "type": "message_delta",
            "delta": {"stop_reason": "end_turn", "stop_sequence": None},
            "usage": {k: v for k, v in _ANTHROPIC_USAGE.items() if k != "service_tier"},
        },
        {"type": "message_stop"},
    ]
    results = _stream_everywhere(events, "anthropic")
    assert results["anthropic"][0] == events
    assert results["anthropic"][1] == []
    # a wrong type in the delta's usage is still invalid, at its event
    bad = json.loads(json.dumps(events))
    bad[4]["usage"]["server_tool_use"]["web_fetch_requests"] = 1.5
    with pytest.raises(InvalidInputError) as err:
        _stream(bad, "anthropic", "chat")
    assert (err.value.event_index, err.value.path) == (
        4,
        "usage.server_tool_use.web_fetch_requests",
    )


# --------------------------------------------------------------------------- chat chunk objects


def _chunk(**fields: Any) -> dict[str, Any]:
    return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "m"} | (
        fields
    )


#: Azure's first chunk: the prompt's content-filter results, with no identity and no choices.
_AZURE_PREAMBLE = {
    "choices": [],
    "created": 0,
    "id": "",
    "model": "",
    "object": "",
    "prompt_filter_results": [
        {"prompt_index": 0, "content_filter_results": {"hate": {"filtered": False}}}
    ],
}


def test_azure_prompt_filter_preamble_is_skipped() -> None:
    events = [
        _AZURE_PREAMBLE,
        _chunk(choices=[{"index": 0, "delta": {"role": "assistant", "content": ""}}]),
        _chunk(choices=[{"index": 0, "delta": {"content": "Paris"}, "finish_reason": None}]),
        _chunk(choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}]),
    ]
    events[1]["choices"][0]["finish_reason"] = None
    results = _stream_everywhere(events, "chat")
    # the chunks after the preamble come back exactly; the preamble says nothing to forward
    out = results["chat"][0]
    assert out[len(out) - 3 :] == events[1:]
    assert _anthropic_blocks(results["anthropic"][0]) == [{"type": "text", "text": ""}]
    # an ``object`` that is not a string is still invalid
    with pytest.raises(InvalidInputError) as err:
        _stream([{**_AZURE_PREAMBLE, "object": 0}], "chat", "anthropic")
    assert (err.value.event_index, err.value.path) == (0, "object")


def test_perplexity_done_chunk_ends_the_stream() -> None:
    """Perplexity's last chunk says ``"object": "chat.completion.done"``."""
    events = [
        _chunk(choices=[{"index": 0, "delta": {"role": "assistant", "content": "Hi"}}]),
        _chunk(
            object="chat.completion.done",
            choices=[
                {"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": "stop"}
            ],
        ),
    ]
    results = _stream_everywhere(events, "chat")
    anthropic = results["anthropic"][0]
    assert anthropic[-2]["delta"]["stop_reason"] == "end_turn"
    texts = [e["delta"]["text"] for e in anthropic if e["type"] == "content_block_delta"]
    assert texts == ["Hi"]
    assert results["chat"][0] == events  # relayed as it came


# --------------------------------------------------------------------------- Responses items


_RESPONSE = {
    "id": "resp_1",
    "object": "response",
    "created_at": 1764964102,
    "status": "in_progress",
    "error": None,
    "incomplete_details": None,
    "instructions": None,
    "model": "gpt-5-mini",
    "output": [],
    "parallel_tool_calls": True,
    "tool_choice": "auto",
    "tools": [{"type": "web_search"}],
}
_USAGE = {
    "input_tokens": 5,
    "input_tokens_details": {"cached_tokens": 0},
    "output_tokens": 3,
    "output_tokens_details": {"reasoning_tokens": 0},
    "total_tokens": 8,
}


def _lifecycle(n: int, status: str, output: list[Any]) -> dict[str, Any]:
    response = {**_RESPONSE, "status": status, "output": output}
    if status == "completed":
        response["usage"] = _USAGE
    kind = "response.created" if status == "in_progress" else "response.completed"
    return {"type": kind, "sequence_number": n, "response": response}


def _message_events(n: int, index: int, text: str, annotation: dict[str, Any] | None) -> list[Any]:
    """The events of one output message with one text part (and one annotation)."""
    head = {"output_index": index, "item_id": "msg_1", "content_index": 0}
    annotations = [annotation] if annotation else []
    part = {"type": "output_text", "text": text, "annotations": annotations}
    item = {"id": "msg_1", "type": "message", "status": "in_progress", "role": "assistant"}
    events: list[dict[str, Any]] = [
        {
            "type": "response.output_item.added",
            "output_index": index,
            "item": {**item, "content": []},
        },
        {
            "type": "response.content_part.added",
            **head,
            "part": {**part, "text": "", "annotations": []},
        },
        {"type": "response.output_text.delta", **head, "delta": text},
    ]
    if annotation:
        events.append(
            {
                "type": "response.output_text.annotation.added",
                **head,
                "annotation_index": 0,
                "annotation": annotation,
            }
        )
    done = {**item, "status": "completed", "content": [part]}
    events += [
        {"type": "response.output_text.done", **head, "text": text},
        {"type": "response.content_part.done", **head, "part": part},
        {"type": "response.output_item.done", "output_index": index, "item": done},
    ]
    for i, event in enumerate(events):
        event["sequence_number"] = n + i
    return events


def test_web_search_call_announced_without_action() -> None:
    """OpenAI's ``response.output_item.added`` announces a ``web_search_call`` without its
    ``action``; it comes with ``response.output_item.done``."""
    added = {"id": "ws_1", "type": "web_search_call", "status": "in_progress"}
    done = {**added, "status": "completed", "action": {"type": "search", "query": "news"}}
    message = _message_events(4, 1, "Nothing new.", None)
    call = {"output_index": 0}
    events = [
        _lifecycle(0, "in_progress", []),
        {"type": "response.output_item.added", "sequence_number": 1, **call, "item": added},
        {
            "type": "response.web_search_call.searching",
            "sequence_number": 2,
            **call,
            "item_id": "ws_1",
        },
        {"type": "response.output_item.done", "sequence_number": 3, **call, "item": done},
        *message,
        _lifecycle(4 + len(message), "completed", [done, message[-1]["item"]]),
    ]
    results = _stream_everywhere(events, "responses")
    out = results["responses"][0]
    # the announced item goes through as it came: no action made up
    assert next(e["item"] for e in out if e["type"] == "response.output_item.added") == added
    assert _responses_items(out)[0] == done
    assert "web_search_call" in _features(results["anthropic"][1])


def _xai_response(output: list[Any], tools: list[Any]) -> dict[str, Any]:
    return {
        "created_at": 1761768921,
        "id": "5138abcf-4c4e-b0ab-7e0b-f4c81b98f455_us-east-1",
        "model": "grok-4-fast-reasoning",
        "object": "response",
        "output": output,
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": tools,
        "status": "completed",
        "usage": {**_USAGE, "num_server_side_tools_used": 1},
    }


def _xai_message(annotations: list[Any]) -> dict[str, Any]:
    text = {
        "type": "output_text",
        "text": "xAI makes Grok.",
        "logprobs": [],
        "annotations": annotations,
    }
    return {
        "content": [text],
        "id": "msg_1",
        "role": "assistant",
        "type": "message",
        "status": "completed",
    }


_XAI_CITATION = {"type": "url_citation", "url": "https://x.ai/company"}


def test_xai_web_search_answer_without_action_and_citation_indices() -> None:
    """xAI's ``web_search_call`` has no ``action``; its citations carry only ``type`` and
    ``url``."""
    call = {
        "arguments": '{"query":"what is xAI"}',
        "call_id": "",
        "name": "web_search",
        "type": "web_search_call",
        "id": "fc_1",
        "status": "completed",
    }
    payload = _xai_response([call, _xai_message([_XAI_CITATION])], [{"type": "web_search"}])
    results = _response_everywhere(payload, "responses")
    # chat requires the span and the title: the whole text is the span; the unknown title is
    # written as "" (a value the target requires and the source never said: not a loss)
    chat, losses = results["chat"]
    annotation = chat["choices"][0]["message"]["annotations"][0]["url_citation"]
    assert annotation == {
        "url": "https://x.ai/company",
        "title": "",
        "start_index": 0,
        "end_index": len("xAI makes Grok."),
    }
    assert [loss.path for loss in losses if loss.feature == "title"] == []
    # anthropic's web search citation needs what xAI does not say: dropped and reported
    anthropic, losses = results["anthropic"]
    assert "citations" not in anthropic["content"][0] or anthropic["content"][0]["citations"] == []
    assert "citation" in _features(losses)
    # wrong types stay invalid
    bad = _xai_response([_xai_message([{**_XAI_CITATION, "end_index": "3"}])], [])
    with pytest.raises(InvalidInputError) as err:
        convert_response(bad, source="responses", target="chat")
    assert err.value.path == "output[0].content[0].annotations[0].end_index"


def test_xai_citation_streamed_without_indices() -> None:
    message = _message_events(1, 0, "xAI makes Grok.", _XAI_CITATION)
    events = [
        _lifecycle(0, "in_progress", []),
        *message,
        _lifecycle(1 + len(message), "completed", [message[-1]["item"]]),
    ]
    results = _stream_everywhere(events, "responses")
    out = results["responses"][0]
    added = [e for e in out if e["type"] == "response.output_text.annotation.added"]
    assert [e["annotation"] for e in added] == [_XAI_CITATION]
    assert _responses_items(out) == [message[-1]["item"]]


def test_xai_code_execution_without_container() -> None:
    """xAI's ``code_interpreter_call`` has no ``container_id``, and its ``Response`` restates
    the tool as ``{"type": "code_interpreter"}``."""
    call = {
        "arguments": '{"code":"print(55)"}',
        "call_id": "",
        "name": "code_execution",
        "type": "code_interpreter_call",
        "id": "fc_1",
        "status": "completed",
    }
    payload = _xai_response([call, _xai_message([])], [{"type": "code_interpreter"}])
    results = _response_everywhere(payload, "responses")
    assert results["anthropic"][0]["content"] == [
        {"type": "text", "text": "xAI makes Grok.", "citations": []}
    ]
    assert "code_interpreter_call" in _features(results["anthropic"][1])
    bad = _xai_response([{**call, "container_id": 7}], [])
    with pytest.raises(InvalidInputError) as err:
        convert_response(bad, source="responses", target="anthropic")
    assert err.value.path == "output[0].container_id"


# --------------------------------------------------------------------------- Responses errors

_QUOTA = "You exceeded your current quota, please check your plan and billing details."
#: The ``error`` event as OpenAI sends it (nested), and as the SDK types it (flat).
_ERROR_EVENTS = {
    "nested": {
        "type": "error",
        "sequence_number": 1,
        "error": {
            "type": "insufficient_quota",
            "code": "insufficient_quota",
            "message": _QUOTA,
            "param": None,
        },
    },
    "flat": {
        "type": "error",
        "sequence_number": 1,
        "code": "insufficient_quota",
        "message": _QUOTA,
        "param": None,
    },
}


def test_responses_error_event_becomes_the_error_ending() -> None:
    """Both shapes of the ``error`` event end every target's stream with its error ending."""
    for shape, target in itertools.product(_ERROR_EVENTS, FORMATS):
        events = [_lifecycle(0, "in_progress", []), _ERROR_EVENTS[shape]]
        out, _ = _stream(events, "responses", target)
        assert _transcode(events, "responses", target) == out
        if target == "responses":
            assert out == events  # relayed as it came
            continue
        last = out[-1]
        match target:
            case "anthropic":
                assert sdk_errors(last, *SDK_TYPES[("anthropic", "ErrorResponse")]) == []
                assert last["error"] == {"type": "billing_error", "message": _QUOTA}
                assert sdk_problems("stream", target, out[:-1]) == []
            case "chat" | "completions":
                assert sdk_errors(last, *SDK_TYPES[(target, "ErrorResponse")]) == []
                assert last["error"]["message"] == _QUOTA
                assert last["error"]["code"] == "insufficient_quota"


@pytest.mark.parametrize(
    ("event", "path"),
    [
        ({"type": "error", "sequence_number": 1}, "message"),
        ({"type": "error", "sequence_number": 1, "error": {"message": 5}}, "error.message"),
        ({"type": "error", "sequence_number": 1, "error": {"code": "x"}}, "error.message"),
    ],
)
def test_responses_error_event_without_a_message_is_invalid(event: Any, path: str) -> None:
    events = [_lifecycle(0, "in_progress", []), _ERROR_EVENTS["nested"]]
    _stream(events, "responses", "anthropic")  # the real shape is read
    with pytest.raises(InvalidInputError) as err:
        _stream([events[0], event], "responses", "anthropic")
    assert (err.value.event_index, err.value.path) == (1, path)


# --------------------------------------------------------------------------- service tiers


def _groq_completion() -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1758000000,
        "model": "openai/gpt-oss-20b",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Hello."},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 45, "completion_tokens": 6, "total_tokens": 51},
        "service_tier": "on_demand",
        "system_fingerprint": "fp_1",
    }


def test_service_tier_outside_a_target_enum_is_reported_not_copied() -> None:
    """Groq answers ``service_tier: "on_demand"``: chat -> chat writes it back; the Responses
    and anthropic enums cannot say it, so it is reported there instead of copied."""
    results = _response_everywhere(_groq_completion(), "chat")
    for target in ("anthropic", "responses", "completions"):
        out, losses = results[target]
        assert "service_tier" not in out and "service_tier" not in out.get("usage", {})
        assert [loss.path for loss in losses if loss.feature == "service_tier"] == ["service_tier"]
    # a tier the Responses API knows is kept
    out, losses = _response({**_groq_completion(), "service_tier": "flex"}, "chat", "responses")
    assert out["service_tier"] == "flex" and "service_tier" not in _features(losses)


def test_streamed_service_tier_outside_a_target_enum_is_reported() -> None:
    events = [
        _chunk(choices=[{"index": 0, "delta": {"role": "assistant", "content": "Hi"}}]),
        _chunk(choices=[{"index": 0, "delta": {}, "finish_reason": "stop"}]),
        _chunk(
            choices=[],
            service_tier="on_demand",
            usage={"prompt_tokens": 4, "completion_tokens": 1, "total_tokens": 5},
        ),
    ]
    events[0]["choices"][0]["finish_reason"] = None
    results = _stream_everywhere(events, "chat")
    terminal = results["responses"][0][-1]
    assert terminal["type"] == "response.completed"
    assert "service_tier" not in terminal["response"]
    assert "service_tier" in _features(results["responses"][1])


# --------------------------------------------------------------------------- Mistral


def _mistral_completion(message: dict[str, Any], finish: str = "stop") -> dict[str, Any]:
    return {
        "id": "a4e29c5b82f94d67b23e108a7c9df6e1",
        "created": 1769088912,
        "model": "magistral-medium-2507",
        "usage": {"prompt_tokens": 10, "total_tokens": 56, "completion_tokens": 46},
        "object": "chat.completion",
        "choices": [{"index": 0, "finish_reason": finish, "message": message}],
    }


_THINKING = "The user asks for 2+2. That is 4."
_MISTRAL_CONTENT = [
    {"type": "thinking", "thinking": [{"type": "text", "text": _THINKING}]},
    {"type": "text", "text": "2 + 2 = 4"},
]


def test_mistral_content_chunks_are_reasoning_and_text() -> None:
    """Mistral's ``content`` is a list of chunks: its thinking chunks are reasoning, its text
    chunks text, in order."""
    payload = _mistral_completion({"role": "assistant", "content": _MISTRAL_CONTENT})
    results = _response_everywhere(payload, "chat")
    anthropic = results["anthropic"][0]["content"]
    assert [block["type"] for block in anthropic] == ["thinking", "text"]
    assert anthropic[0]["thinking"] == _THINKING
    assert anthropic[1]["text"] == "2 + 2 = 4"
    output = results["responses"][0]["output"]
    assert [item["type"] for item in output] == ["reasoning", "message"]
    assert output[1]["content"][0]["text"] == "2 + 2 = 4"
    assert results["completions"][0]["choices"][0]["text"] == "2 + 2 = 4"
    # text after thinking after text keeps its order; chunks of other types are kept for chat
    mixed = [
        {"type": "text", "text": "A"},
        *_MISTRAL_CONTENT,
        {"type": "reference", "reference_ids": [1]},
    ]
    payload = _mistral_completion({"role": "assistant", "content": mixed})
    results = _response_everywhere(payload, "chat")
    assert [b["type"] for b in results["anthropic"][0]["content"]] == ["text", "thinking", "text"]
    assert "reference" in _features(results["anthropic"][1])
    # wrong types stay invalid
    bad = _mistral_completion(
        {"role": "assistant", "content": [{"type": "thinking", "thinking": "x"}]}
    )
    with pytest.raises(InvalidInputError) as err:
        convert_response(bad, source="chat", target="anthropic")
    assert err.value.path == "choices[0].message.content[0].thinking"


def _mistral_chunk(delta: dict[str, Any], finish: str | None = None, **more: Any) -> dict[str, Any]:
    return {
        "id": "a4e29c5b82f94d67b23e108a7c9df6e1",
        "object": "chat.completion.chunk",
        "created": 1769088912,
        "model": "magistral-medium-2507",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        **more,
    }


def test_mistral_content_chunks_streamed() -> None:
    def thinking(text: str) -> dict[str, Any]:
        return {"type": "thinking", "thinking": [{"type": "text", "text": text}]}

    usage = {"prompt_tokens": 10, "total_tokens": 56, "completion_tokens": 46}
    events = [
        _mistral_chunk({"role": "assistant", "content": [thinking("2+2 is")]}),
        _mistral_chunk({"content": [thinking(" 4.")]}),
        _mistral_chunk({"content": [{"type": "text", "text": "2 + 2 = 4"}]}),
        _mistral_chunk({"content": ""}, "stop", usage=usage),
    ]
    results = _stream_everywhere(events, "chat")
    anthropic = results["anthropic"][0]
    assert [b["type"] for b in _anthropic_blocks(anthropic)] == ["thinking", "text"]
    deltas = [e["delta"] for e in anthropic if e["type"] == "content_block_delta"]
    assert "".join(d.get("thinking", "") for d in deltas) == "2+2 is 4."
    assert "".join(d.get("text", "") for d in deltas) == "2 + 2 = 4"
    assert [i["type"] for i in _responses_items(results["responses"][0])] == [
        "reasoning",
        "message",
    ]
    bad = [_mistral_chunk({"content": [{"type": "text", "text": 4}]})]
    with pytest.raises(InvalidInputError) as err:
        _stream(bad, "chat", "anthropic")
    assert (err.value.event_index, err.value.path) == (0, "choices[0].delta.content[0].text")


_MISTRAL_CALL = {
    "id": "gSIMJiOkT",
    "function": {"name": "weather", "arguments": '{"location": "San Francisco"}'},
}


def test_mistral_tool_call_without_type() -> None:
    payload = _mistral_completion(
        {"role": "assistant", "tool_calls": [_MISTRAL_CALL]}, "tool_calls"
    )
    results = _response_everywhere(payload, "chat")  # chat -> chat: no type added
    assert results["anthropic"][0]["content"] == [
        {
            "type": "tool_use",
            "id": "gSIMJiOkT",
            "name": "weather",
            "input": {"location": "San Francisco"},
        }
    ]
    assert results["responses"][0]["output"][0]["type"] == "function_call"
    # a typed call is still written with its type, and another format's call gets one
    typed = copy.deepcopy(payload)
    typed["choices"][0]["message"]["tool_calls"][0]["type"] = "function"
    assert _response(typed, "chat", "chat")[0] == typed
    typed["choices"][0]["message"]["tool_calls"][0]["type"] = None  # and a null stays null
    assert _response(typed, "chat", "chat")[0] == typed
    from_anthropic, _ = _response(results["anthropic"][0], "anthropic", "chat")
    assert from_anthropic["choices"][0]["message"]["tool_calls"][0]["type"] == "function"


def test_mistral_streamed_tool_calls_without_index() -> None:
    second = {"id": "hTJNkPlU8", "function": {"name": "time", "arguments": '{"zone": "PST"}'}}
    events = [
        _mistral_chunk({"role": "assistant", "content": ""}),
        _mistral_chunk({"content": None, "tool_calls": [_MISTRAL_CALL, second]}, "tool_calls"),
    ]
    results = _stream_everywhere(events, "chat")
    uses = [b for b in _anthropic_blocks(results["anthropic"][0]) if b["type"] == "tool_use"]
    assert [(b["id"], b["name"]) for b in uses] == [("gSIMJiOkT", "weather"), ("hTJNkPlU8", "time")]
    calls = [i for i in _responses_items(results["responses"][0]) if i["type"] == "function_call"]
    assert [json.loads(c["arguments"]) for c in calls] == [
        {"location": "San Francisco"},
        {"zone": "PST"},
    ]
    bad = [_mistral_chunk({"tool_calls": [{**_MISTRAL_CALL, "index": "0"}]})]
    with pytest.raises(InvalidInputError) as err:
        _stream(bad, "chat", "anthropic")
    assert (err.value.event_index, err.value.path) == (0, "choices[0].delta.tool_calls[0].index")
