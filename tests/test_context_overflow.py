"""A context-window overflow keeps its meaning across formats.

Clients act on it: Claude Code compacts the conversation when anthropic answers an
``invalid_request_error`` whose message starts with "prompt is too long"; Codex compacts on the
code ``context_length_exceeded`` (in an error body, and in the ``error`` of a Responses
``response.failed``). Chat servers say that code, or only a message with OpenAI's "maximum context
length" wording (vLLM, DeepSeek, OpenRouter). Each becomes the ir kind
``context_length_exceeded`` and is written in the target's own words; same-format round trips stay
exact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openai_claude_bridge import Loss, StreamConverter, convert_error, ir, to_wire
from openai_claude_bridge._mapping_docs import error_write
from tests.support.oracle import sdk_errors
from tests.support.roundtrip import assert_json_identical
from tests.support.sdk_types import SDK_TYPES

OPENAI = ("chat", "responses", "completions")
ANTHROPIC_MESSAGE = "prompt is too long: 210000 tokens > 200000 maximum"
OPENAI_MESSAGE = (
    "This model's maximum context length is 128000 tokens. However, your messages resulted in "
    "130000 tokens. Please reduce the length of the messages."
)


def _anthropic(message: str, error_type: str = "invalid_request_error") -> dict[str, Any]:
    return {"type": "error", "error": {"type": error_type, "message": message}}


def _openai(
    message: str, code: Any = None, error_type: str = "invalid_request_error"
) -> dict[str, Any]:
    return {"error": {"message": message, "type": error_type, "param": None, "code": code}}


def _source_body(source: str, message: str, code: Any = None) -> dict[str, Any]:
    return _anthropic(message) if source == "anthropic" else _openai(message, code)


def _convert(
    body: dict[str, Any], source: str, target: str, status: int | None = 400
) -> tuple[int, dict[str, Any], list[Loss]]:
    losses: list[Loss] = []
    code, out = convert_error(
        body, source=source, target=target, status=status, on_loss=losses.append
    )
    wire = to_wire(out)
    assert sdk_errors(wire, *SDK_TYPES[(target, "ErrorResponse")]) == []  # type: ignore[index]
    return code, wire, losses


# --------------------------------------------------------------------------- error bodies


@pytest.mark.parametrize("target", OPENAI)
def test_anthropic_prompt_too_long_is_context_length_exceeded(target: str) -> None:
    status, out, losses = _convert(_anthropic(ANTHROPIC_MESSAGE), "anthropic", target)
    assert status == 400
    assert out == _openai(ANTHROPIC_MESSAGE, "context_length_exceeded")
    assert losses == []


@pytest.mark.parametrize("source", OPENAI)
def test_openai_context_length_code_is_prompt_too_long(source: str) -> None:
    status, out, losses = _convert(
        _openai(OPENAI_MESSAGE, "context_length_exceeded"), source, "anthropic"
    )
    assert status == 400
    assert out == _anthropic(f"prompt is too long: {OPENAI_MESSAGE}")
    assert losses == []  # the code is said by anthropic's message


@pytest.mark.parametrize(
    ("source", "target"),
    [(s, t) for s in OPENAI for t in ("anthropic", *OPENAI) if s != t],
)
def test_context_wording_without_a_code_is_recognised(source: str, target: str) -> None:
    """vLLM and other OpenAI-compatible servers say it only in the message (a same-format error
    comes back exactly, tested below)."""
    status, out, _ = _convert(_openai(OPENAI_MESSAGE), source, target)
    assert status == 400
    if target == "anthropic":
        assert out == _anthropic(f"prompt is too long: {OPENAI_MESSAGE}")
    else:
        assert out == _openai(OPENAI_MESSAGE, "context_length_exceeded")


def test_vllm_error_with_numeric_code_is_recognised() -> None:
    body = {
        "object": "error",
        "message": (
            "This model's maximum context length is 4096 tokens. However, you requested 5000"
            " tokens."
        ),
        "type": "BadRequestError",
        "param": None,
        "code": 400,
    }
    status, out, _ = _convert({"error": body}, "chat", "anthropic")
    assert status == 400
    assert out["error"]["message"].startswith("prompt is too long: This model's maximum")
    _, out, _ = _convert({"error": body}, "chat", "responses", status=None)
    assert out["error"]["code"] == "context_length_exceeded"


def test_a_message_already_saying_prompt_is_too_long_is_not_prefixed_twice() -> None:
    for target in OPENAI:
        _, there, _ = _convert(_anthropic(ANTHROPIC_MESSAGE), "anthropic", target)
        status, back, losses = _convert(there, target, "anthropic")
        assert (status, back, losses) == (400, _anthropic(ANTHROPIC_MESSAGE), [])


@pytest.mark.parametrize("source", OPENAI)
def test_a_foreign_code_is_replaced_by_the_one_clients_act_on_and_reported(source: str) -> None:
    body = _openai(OPENAI_MESSAGE, "prompt_too_large")
    target = "chat" if source != "chat" else "responses"
    _, out, losses = _convert(body, source, target)
    assert out["error"]["code"] == "context_length_exceeded"
    assert [(loss.path, loss.feature) for loss in losses] == [("error.code", "error.code")]


@pytest.mark.parametrize(
    ("source", "body"),
    [
        ("anthropic", _anthropic(ANTHROPIC_MESSAGE)),
        ("anthropic", _anthropic("Prompt is too long")),
        ("chat", _openai(OPENAI_MESSAGE, "context_length_exceeded")),
        ("chat", _openai(OPENAI_MESSAGE)),
        ("responses", _openai(OPENAI_MESSAGE, "context_length_exceeded")),
        ("completions", _openai(OPENAI_MESSAGE)),
    ],
)
def test_same_format_round_trips_stay_exact(source: str, body: dict[str, Any]) -> None:
    status, out, losses = _convert(body, source, source)
    assert status == 400
    assert_json_identical(out, body)
    assert losses == []


@pytest.mark.parametrize(
    ("source", "body"),
    [
        ("anthropic", _anthropic("messages: at least one message is required")),
        ("anthropic", _anthropic("prompt is too long", "api_error")),  # not a request error
        ("chat", _openai("Invalid value for 'model'.")),
        ("chat", _openai(OPENAI_MESSAGE, error_type="server_error")),  # not a request error
    ],
)
def test_other_errors_are_not_context_overflows(source: str, body: dict[str, Any]) -> None:
    status = 400 if body.get("error", {}).get("type") != "server_error" else 500
    if source == "anthropic" and body["error"]["type"] == "api_error":
        status = 500
    target = "chat" if source == "anthropic" else "anthropic"
    _, out, _ = _convert(body, source, target, status=status)
    if target == "anthropic":
        assert not out["error"]["message"].startswith("prompt is too long")
    else:
        assert out["error"]["code"] is None


@settings(max_examples=40, deadline=None)
@given(tail=st.text(max_size=40), target=st.sampled_from(OPENAI))
def test_anthropic_overflow_survives_a_trip_through_any_openai_format(
    tail: str, target: str
) -> None:
    message = f"prompt is too long: {tail}"
    _, there, _ = _convert(_anthropic(message), "anthropic", target)
    assert there["error"]["code"] == "context_length_exceeded"
    _, back, losses = _convert(there, target, "anthropic")
    assert back == _anthropic(message)
    assert losses == []


# --------------------------------------------------------------------------- streams


def _anthropic_stream_failing(message: str) -> list[dict[str, Any]]:
    start = {
        "type": "message_start",
        "message": {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "model": "claude",
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {"input_tokens": 5, "output_tokens": 1},
        },
    }
    return [start, _anthropic(message)]


def _run(source: str, target: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    converter = StreamConverter(source=source, target=target)
    out = [to_wire(e) for event in events for e in converter.feed(event)]
    return out + [to_wire(e) for e in converter.finish()]


def test_anthropic_stream_error_ends_a_responses_stream_with_context_length_exceeded() -> None:
    out = _run("anthropic", "responses", _anthropic_stream_failing(ANTHROPIC_MESSAGE))
    last = out[-1]
    assert last["type"] == "response.failed"
    assert last["response"]["error"] == {
        "code": "context_length_exceeded",
        "message": ANTHROPIC_MESSAGE,
    }
    # the one departure from the SDK's code list: the API sends this code, and Codex reads it
    errors = sdk_errors(last, *SDK_TYPES[("responses", "ResponseStreamEvent")])
    assert [e for e in errors if "context_length_exceeded" not in e] == []


@pytest.mark.parametrize("target", ["chat", "completions"])
def test_anthropic_stream_error_ends_openai_streams_with_the_code(target: str) -> None:
    out = _run("anthropic", target, _anthropic_stream_failing(ANTHROPIC_MESSAGE))
    assert out[-1] == _openai(ANTHROPIC_MESSAGE, "context_length_exceeded")


def test_chat_stream_error_frame_becomes_prompt_too_long_for_anthropic() -> None:
    chunk = {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [
            {"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}
        ],
    }
    out = _run("chat", "anthropic", [chunk, _openai(OPENAI_MESSAGE)])
    assert out[-1] == _anthropic(f"prompt is too long: {OPENAI_MESSAGE}")


def test_responses_failed_with_the_code_becomes_prompt_too_long_for_anthropic() -> None:
    response = {
        "id": "resp_1",
        "object": "response",
        "created_at": 1,
        "model": "gpt-5",
        "status": "in_progress",
        "output": [],
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
    }
    failed = {
        **response,
        "status": "failed",
        "error": {"code": "context_length_exceeded", "message": OPENAI_MESSAGE},
    }
    events = [
        {"type": "response.created", "sequence_number": 0, "response": response},
        {"type": "response.failed", "sequence_number": 1, "response": failed},
    ]
    out = _run("responses", "anthropic", events)
    assert out[-1] == _anthropic(f"prompt is too long: {OPENAI_MESSAGE}")
    back = _run("responses", "responses", events)
    assert back[-1]["response"]["error"]["code"] == "context_length_exceeded"


# --------------------------------------------------------------------------- docs


def test_the_error_table_in_the_docs_is_true() -> None:
    """docs/errors.md lists every ir error kind with the type and status each side writes."""
    text = (Path(__file__).resolve().parents[1] / "docs" / "errors.md").read_text(encoding="utf-8")
    rows = {
        cells[0].strip("`"): cells[1:]
        for line in text.splitlines()
        if line.startswith("| `")
        for cells in [[c.strip() for c in line.strip("|").split("|")]]
    }
    for kind in get_args(ir.ErrorKind):
        anthropic, openai = rows[kind]
        for cell, fmt in ((anthropic, "anthropic"), (openai, "chat")):
            wire, status = error_write(fmt, kind)  # type: ignore[arg-type]
            assert cell.startswith(f"`{wire}` {status}"), (kind, cell)
