"""The kit's sample reader: every layout a folder of samples may hold, and clear refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from openai_claude_bridge.testing.samples import (
    read_sample_file,
    read_samples,
    sniff,
    stream_format,
)

ANTHROPIC_RESPONSE = {
    "id": "msg_1",
    "type": "message",
    "role": "assistant",
    "model": "claude-sonnet-4-5",
    "content": [{"type": "text", "text": "Hi"}],
    "stop_reason": "end_turn",
    "stop_sequence": None,
    "usage": {"input_tokens": 3, "output_tokens": 1},
}
CHAT_REQUEST = {"model": "gpt-4o", "messages": [{"role": "user", "content": "Hi"}]}
CHAT_CHUNKS = [
    {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "gpt-4o",
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hi"}}],
    },
    {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "gpt-4o",
        "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
    },
]
ANTHROPIC_EVENTS = [
    {"type": "message_start", "message": {**ANTHROPIC_RESPONSE, "content": []}},
    {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
    {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hi"}},
    {"type": "content_block_stop", "index": 0},
    {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 1}},
    {"type": "message_stop"},
]


def _write(folder: Path, name: str, body: str | bytes | Any) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(body, bytes):
        path.write_bytes(body)
    elif isinstance(body, str):
        path.write_text(body)
    else:
        path.write_text(json.dumps(body))
    return path


def _sse(events: list[Any], *, named: bool, done: bool = False) -> str:
    frames = [
        (f"event: {event['type']}\n" if named else "") + f"data: {json.dumps(event)}\n\n"
        for event in events
    ]
    return "".join(frames) + ("data: [DONE]\n\n" if done else "")


def test_a_folder_of_every_layout(tmp_path: Path) -> None:
    _write(tmp_path, "response.json", ANTHROPIC_RESPONSE)
    _write(tmp_path, "nested/chat/request.json", CHAT_REQUEST)
    _write(tmp_path, "list.json", [CHAT_REQUEST, ANTHROPIC_RESPONSE])
    _write(tmp_path, "anthropic.sse", _sse(ANTHROPIC_EVENTS, named=True))
    _write(tmp_path, "chat.txt", _sse(CHAT_CHUNKS, named=False, done=True))
    _write(tmp_path, "chat.jsonl", "\n".join(json.dumps(e) for e in CHAT_CHUNKS) + "\n")
    _write(tmp_path, "README.md", "# not a sample")
    _write(tmp_path, ".hidden.json", "not even JSON")
    found = {(s.name, s.format, s.kind) for s in read_samples(tmp_path)}
    assert found == {
        ("response.json", "anthropic", "response"),
        ("nested/chat/request.json", "chat", "request"),
        ("list.json#0", "chat", "request"),
        ("list.json#1", "anthropic", "response"),
        ("anthropic.sse", "anthropic", "stream"),
        ("chat.txt", "chat", "stream"),
        ("chat.jsonl", "chat", "stream"),
    }


def test_an_sse_body_keeps_its_bytes_and_its_done(tmp_path: Path) -> None:
    body = _sse(CHAT_CHUNKS, named=False, done=True)
    [sample] = read_sample_file(_write(tmp_path, "s.bin", body))
    assert sample.payload == CHAT_CHUNKS
    assert sample.done is True
    assert sample.sse_body() == body.encode()


def test_a_json_lines_stream_is_written_back_as_sse(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.chunks.txt", "\n".join(json.dumps(e) for e in ANTHROPIC_EVENTS))
    [sample] = read_sample_file(path)
    assert sample.raw is None
    assert sample.sse_body().decode() == _sse(ANTHROPIC_EVENTS, named=True)
    [chat] = read_sample_file(_write(tmp_path, "c.jsonl", "\n".join(map(json.dumps, CHAT_CHUNKS))))
    assert chat.sse_body().decode() == _sse(CHAT_CHUNKS, named=False, done=True)


def test_streams_recorded_back_to_back_are_split(tmp_path: Path) -> None:
    lines = [json.dumps(e) for e in [*ANTHROPIC_EVENTS, *ANTHROPIC_EVENTS]]
    samples = read_sample_file(_write(tmp_path, "two.jsonl", "\n".join(lines)))
    assert [s.name for s in samples] == ["two.jsonl@0", "two.jsonl@1"]
    assert all(s.payload == ANTHROPIC_EVENTS for s in samples)


def test_a_line_that_is_not_json_is_kept_as_its_text(tmp_path: Path) -> None:
    body = json.dumps(CHAT_CHUNKS[0]) + '\n{"id": "c1", "choi'
    [sample] = read_sample_file(_write(tmp_path, "cut.jsonl", body))
    assert sample.payload == [CHAT_CHUNKS[0], '{"id": "c1", "choi']


def test_recorded_http_exchanges(tmp_path: Path) -> None:
    exchanges = [
        {
            "request": {"body": {**CHAT_REQUEST, "stream": True}},
            "response": {"status_code": 200, "body": _sse(CHAT_CHUNKS, named=False, done=True)},
        },
        {
            "request": {"body": CHAT_REQUEST},
            "response": {"status_code": 429, "body": {"error": {"message": "slow down"}}},
        },
    ]
    samples = read_sample_file(_write(tmp_path, "responses/exchanges.json", exchanges))
    assert [(s.name, s.format, s.kind, s.status) for s in samples] == [
        ("exchanges.json#0.request", "chat", "request", None),
        ("exchanges.json#0.stream", "chat", "stream", None),
        ("exchanges.json#1.request", "chat", "request", None),
        ("exchanges.json#1.error", "chat", "error", 429),
    ]
    named = read_samples(tmp_path)
    assert named[-1].name == "responses/exchanges.json#1.error"
    assert named[-1].format == "responses"  # an OpenAI error body's format: the path names it


@pytest.mark.parametrize(
    ("payload", "name", "expected"),
    [
        (ANTHROPIC_RESPONSE, "", ("anthropic", "response")),
        ({"type": "error", "error": {"type": "x", "message": "m"}}, "", ("anthropic", "error")),
        ({"object": "chat.completion", "choices": []}, "", ("chat", "response")),
        ({"object": "response", "output": []}, "", ("responses", "response")),
        ({"object": "text_completion", "choices": []}, "", ("completions", "response")),
        ({"error": {"message": "m"}}, "x/completions/e.json", ("completions", "error")),
        ({"error": {"message": "m"}}, "e.json", ("chat", "error")),
        ({"model": "m", "input": "hi"}, "", ("responses", "request")),
        ({**CHAT_REQUEST, "max_tokens": 9, "system": "s"}, "", ("anthropic", "request")),
        ({**CHAT_REQUEST, "max_tokens": 9}, "claude/r.json", ("anthropic", "request")),
        # nothing in the payload says: a name that says chat / openai, else anthropic's
        ({**CHAT_REQUEST, "max_tokens": 9}, "openai/r.json", ("chat", "request")),
        ({**CHAT_REQUEST, "max_tokens": 9}, "r.json", ("anthropic", "request")),
        # something only one of them says decides, whatever the name
        ({**CHAT_REQUEST, "max_tokens": 9, "stop": ["x"]}, "claude/r.json", ("chat", "request")),
        (
            {**CHAT_REQUEST, "max_tokens": 9, "tools": [{"type": "function", "function": {}}]},
            "claude/r.json",
            ("chat", "request"),
        ),
        (
            {**CHAT_REQUEST, "max_tokens": 9, "tools": [{"name": "t", "input_schema": {}}]},
            "openai/r.json",
            ("anthropic", "request"),
        ),
        (
            {
                "model": "m",
                "max_tokens": 9,
                "messages": [{"role": "user", "content": [{"type": "image_url"}]}],
            },
            "claude/r.json",
            ("chat", "request"),
        ),
        (
            {
                "model": "m",
                "max_tokens": 9,
                "messages": [{"role": "user", "content": [{"type": "tool_result"}]}],
            },
            "openai/r.json",
            ("anthropic", "request"),
        ),
        ({"model": "m", "prompt": "hi"}, "", ("completions", "request")),
    ],
)
def test_sniff(payload: Any, name: str, expected: tuple[str, str]) -> None:
    assert sniff(payload, name) == expected


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        (ANTHROPIC_EVENTS, "anthropic"),
        (CHAT_CHUNKS, "chat"),
        (["not json", {"type": "response.created", "response": {}}], "responses"),
        ([{"object": "text_completion", "choices": []}], "completions"),
    ],
)
def test_stream_format(events: list[Any], expected: str) -> None:
    assert stream_format(events) == expected


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        ("broken.json", "{not json", "broken.json: not a sample"),
        ("list.json", "[1, 2]", "a payload is a JSON object"),
        ("what.json", '{"hello": "world"}', "cannot tell the format"),
        ("what.jsonl", '{"hello": "world"}\n', "cannot tell the format of a stream"),
        ("latin.json", b'{"a": "\xe9"}', "latin.json: not a sample"),
    ],
)
def test_what_is_not_a_sample_is_named(
    tmp_path: Path, name: str, body: str | bytes, message: str
) -> None:
    _write(tmp_path, name, body)
    with pytest.raises(ValueError, match=message) as caught:
        read_samples(tmp_path)
    assert str(caught.value).startswith(f"{name}: ")
