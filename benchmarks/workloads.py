"""The payloads the benchmark times, built deterministically (a seeded ``random.Random``).

* :func:`realistic_stream` — an anthropic stream of exactly ``total`` events: a thinking block
  (deltas, then its signature), text deltas of 1-4 tokens, two tool calls whose arguments arrive
  in ``fragments`` fragments between them, usage at the start and in ``message_delta``.
* :func:`source_streams` — that stream written in every source format by the library's own
  stream encoder (``bench_convert.source_stream``); the chat one is written in the
  ``reasoning_content`` dialect (as DeepSeek, Kimi, vLLM send it) and its two tool calls'
  fragments are then interleaved by index, as real chat servers send parallel calls (anthropic
  and Responses write one call after the other). Every stream is checked with
  ``openai_claude_bridge.testing.check_stream``.
* :func:`recorded_streams` — the recorded SSE bodies in ``../shared/samples/anthropic`` and
  ``../shared/samples/openai_chat`` (none when the folder is absent).
* :func:`claude_code_request` — a Claude Code-sized anthropic request (200 messages with tool
  calls and results, 40 tools, ≈300 KB), and :func:`source_requests` — it in every source
  format, written by ``convert_request``.
* :func:`source_responses` — a realistic response (thinking, text, two tool calls, usage with
  cache and reasoning tokens) per source format: anthropic and Responses made by hand, chat
  (``reasoning_content`` dialect) and Completions written from the Responses one by
  ``convert_response``.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openai_claude_bridge import FORMATS, Format, convert_request, convert_response, to_wire
from openai_claude_bridge.testing import check_stream

from .bench_convert import FIXED_IDS, SourceStream, source_stream

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
"""The recorded traffic (``../shared/samples`` from the checkout's root)."""

#: How each source format is written from the anthropic form (the chat side in a dialect that
#: carries reasoning, as the servers a Claude Code proxy fronts send it).
WRITE_OPTIONS: dict[Format, dict[str, Any]] = {"chat": {"chat_dialect": "reasoning_content"}}

_TEXT = (
    "the function returns a list of every file that changed since the last commit and then "
    "checks each one against its cached hash so that nothing is read twice; if a path under "
    "src/ was renamed we follow it, otherwise we fall back to a full scan. Zürich naïve café — "
    'résumé `parse_config()` returns None when the key is missing, 42, 3.14, {"ok": true}'
)
_THINKING = (
    "I need to read the config loader first, then see where the cache is invalidated. The test "
    "fails only on the second run, which suggests stale state between runs; let me check."
)
_WORDS = _TEXT.split(" ")
_THINKING_WORDS = _THINKING.split(" ")


def _tokens(rng: random.Random, words: list[str], count: int) -> str:
    """``count`` word-sized tokens (a model token is about a word or a word piece)."""
    out = []
    for _ in range(count):
        word = rng.choice(words)
        if rng.random() < 0.2 and len(word) > 4:
            cut = rng.randrange(2, len(word) - 1)
            out.append(" " + word[:cut])
            out.append(word[cut:])
        else:
            out.append(" " + word)
        if rng.random() < 0.03:
            out.append("\n\n")
    return "".join(out[:count])


def _deltas(rng: random.Random, words: list[str], count: int) -> list[str]:
    """``count`` deltas of 1-4 tokens each."""
    return [_tokens(rng, words, rng.randint(1, 4)) for _ in range(count)]


def _split(text: str, parts: int) -> list[str]:
    """``text`` cut into ``parts`` non-empty consecutive pieces of about equal size."""
    bounds = [round(i * len(text) / parts) for i in range(parts + 1)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def _tool_arguments(rng: random.Random, name: str) -> str:
    """A Claude Code-like tool input as JSON text (an edit of a source file)."""
    body = {
        "file_path": f"/home/dev/project/src/{name.lower()}/handlers.py",
        "old_string": _tokens(rng, _WORDS, 60),
        "new_string": _tokens(rng, _WORDS, 70),
        "replace_all": False,
    }
    return json.dumps(body, ensure_ascii=False)


#: Events of the stream that are not deltas: message_start; thinking, text and two tool_use
#: blocks' start and stop; message_delta and message_stop.
_FRAME_EVENTS = 1 + 2 * 4 + 2
#: The thinking block's signature delta.
_SIGNATURE = "Ep4CCkYIBxgCKkDbench" + "A" * 300 + "=="


def realistic_stream(
    total: int, *, fragments: int = 200, thinking: int = 300, closing: bool = True
) -> list[dict[str, Any]]:
    """An anthropic stream of ``total`` events (see the module docstring); ``closing=False``
    leaves out ``message_delta`` and ``message_stop`` (the stream's first ``total - 2``)."""
    text_count = total - _FRAME_EVENTS - 1 - thinking - fragments
    if text_count < 1:
        raise ValueError(f"{total} events leave no room for text")
    rng = random.Random(10)
    thoughts = _deltas(rng, _THINKING_WORDS, thinking)
    texts = _deltas(rng, _WORDS, text_count)
    first, second = _tool_arguments(rng, "Edit"), _tool_arguments(rng, "Write")
    message = {
        "id": "msg_01benchmark",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5",
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {
            "input_tokens": 12,
            "output_tokens": 1,
            "cache_creation_input_tokens": 2048,
            "cache_read_input_tokens": 51200,
        },
    }
    events: list[dict[str, Any]] = [{"type": "message_start", "message": message}]
    thinking_block = {"type": "thinking", "thinking": "", "signature": ""}
    events += _block(
        0,
        thinking_block,
        [{"type": "thinking_delta", "thinking": t} for t in thoughts]
        + [{"type": "signature_delta", "signature": _SIGNATURE}],
    )
    events += _block(
        1, {"type": "text", "text": ""}, [{"type": "text_delta", "text": t} for t in texts]
    )
    for index, (call_id, name, arguments) in enumerate(
        (("toolu_01A", "Edit", first), ("toolu_01B", "Write", second)), start=2
    ):
        share = fragments // 2 if index == 2 else fragments - fragments // 2
        tool = {"type": "tool_use", "id": call_id, "name": name, "input": {}}
        parts = [{"type": "input_json_delta", "partial_json": p} for p in _split(arguments, share)]
        events += _block(index, tool, parts)
    if closing:
        events.append(
            {
                "type": "message_delta",
                "delta": {"stop_reason": "tool_use", "stop_sequence": None},
                "usage": {"output_tokens": 1873},
            }
        )
        events.append({"type": "message_stop"})
    return events


def _block(index: int, start: dict[str, Any], deltas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"type": "content_block_start", "index": index, "content_block": start},
        *({"type": "content_block_delta", "index": index, "delta": d} for d in deltas),
        {"type": "content_block_stop", "index": index},
    ]


# ----- source streams -------------------------------------------------------------------------


def source_streams(
    events: list[dict[str, Any]], *, interleave: bool = True
) -> dict[Format, SourceStream]:
    """``events`` (anthropic) in every format, each checked valid (``SystemExit`` if not)."""
    streams = {}
    for fmt in FORMATS:
        stream = source_stream(fmt, events, **WRITE_OPTIONS.get(fmt, {}))
        if fmt == "chat" and interleave:
            stream = interleave_tool_calls(stream)
        problems = check_stream(fmt, stream.events)
        if problems:
            raise SystemExit(f"the benchmark's {fmt} stream is invalid: {problems[:3]}")
        streams[fmt] = stream
    return streams


def _tool_index(event: dict[str, Any]) -> int | None:
    """The tool-call index a chat chunk carries a fragment of (``None``: not a tool chunk)."""
    choices = event.get("choices") or [{}]
    calls = choices[0].get("delta", {}).get("tool_calls")
    return calls[0]["index"] if calls else None


def interleave_tool_calls(stream: SourceStream) -> SourceStream:
    """The chat stream with its tool-call chunks interleaved by index (first call's chunk, second
    call's, first's, …) in the positions the tool-call chunks held."""
    assert len(stream.frames) == len(stream.events) + 1, "chat frames: one per event + [DONE]"
    positions = [i for i, event in enumerate(stream.events) if _tool_index(event) is not None]
    by_call: dict[int, list[int]] = {}
    for i in positions:
        by_call.setdefault(_tool_index(stream.events[i]) or 0, []).append(i)
    queues = list(by_call.values())
    order: list[int] = []
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop(0))
    frames, events = list(stream.frames), list(stream.events)
    for slot, source in zip(positions, order, strict=True):
        frames[slot], events[slot] = stream.frames[source], stream.events[source]
    return SourceStream(stream.fmt, frames, events, stream.losses)


def closing_frames() -> dict[Format, int]:
    """Per format, how many frames the stream's closing takes at its end (what the anthropic
    ``message_delta`` / ``message_stop`` become): the frames after the longest common start of a
    small stream written whole and written without them (``source_stream`` finishes that one as
    a cut stream). The closing does not depend on the stream's length."""
    events = realistic_stream(40, fragments=4, thinking=4)
    tails = {}
    for fmt in FORMATS:
        options = WRITE_OPTIONS.get(fmt, {})
        whole = source_stream(fmt, events, **options).frames
        cut = source_stream(fmt, events[:-2], **options).frames
        tails[fmt] = len(whole) - _common_prefix(cut, whole)
    return tails


def _common_prefix(a: list[bytes], b: list[bytes]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


# ----- recorded streams -----------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedStream:
    """One recorded SSE body, frame by frame."""

    name: str
    fmt: Format
    frames: list[bytes]
    events: list[Any]


def recorded_streams() -> dict[Format, list[RecordedStream]]:
    """The recorded anthropic and chat streams of ``../shared/samples`` (empty when absent)."""
    folders: dict[Format, tuple[str, tuple[str, ...]]] = {
        "anthropic": ("anthropic", ("*.txt", "*.sse")),
        "chat": ("openai_chat", ("*.bin",)),
    }
    out: dict[Format, list[RecordedStream]] = {}
    for fmt, (folder, patterns) in folders.items():
        paths = sorted(p for pattern in patterns for p in (SAMPLES / folder).glob(pattern))
        streams = [_recorded(path, fmt) for path in paths]
        out[fmt] = [s for s in streams if s.frames]
    return out


def _recorded(path: Path, fmt: Format) -> RecordedStream:
    body = path.read_bytes().replace(b"\r\n", b"\n")
    frames = [frame + b"\n\n" for frame in body.split(b"\n\n") if frame.strip()]
    events = []
    for frame in frames:
        for line in frame.split(b"\n"):
            if line.startswith(b"data:") and line[5:].strip() != b"[DONE]":
                try:
                    events.append(json.loads(line[5:]))
                except ValueError:
                    events.append(None)
    return RecordedStream(path.name, fmt, frames, events)


# ----- requests -------------------------------------------------------------------------------


def _schema(rng: random.Random, index: int) -> dict[str, Any]:
    properties = {
        f"param_{k}": {
            "type": rng.choice(["string", "integer", "boolean"]),
            "description": _tokens(rng, _WORDS, 25).strip(),
        }
        for k in range(6)
    }
    properties["mode"] = {"type": "string", "enum": ["fast", "safe", "dry_run"]}
    return {
        "type": "object",
        "properties": properties,
        "required": ["param_0", "param_1"],
        "additionalProperties": False,
        "$schema": "http://json-schema.org/draft-07/schema#",
    }


def claude_code_request(messages: int = 200, tools: int = 40) -> dict[str, Any]:
    """An anthropic request the size of a long Claude Code session (≈300 KB by default): a long
    cached system prompt, ``tools`` tools with JSON schemas, ``messages`` messages alternating a
    user turn (the first a question, then tool results with file contents) and an assistant turn
    (text and a tool call), thinking on, cache hints on the system prompt and the last message."""
    rng = random.Random(20)
    tool_defs = [
        {
            "name": f"Tool{i:02d}",
            "description": _tokens(rng, _WORDS, 120).strip(),
            "input_schema": _schema(rng, i),
        }
        for i in range(tools)
    ]
    turns: list[dict[str, Any]] = [
        {"role": "user", "content": "Fix the flaky cache test in tests/test_cache.py, please."}
    ]
    for n in range(1, messages):
        call_id = f"toolu_{(n - 1) // 2:04d}"
        if n % 2:
            call = {
                "type": "tool_use",
                "id": f"toolu_{n // 2:04d}",
                "name": tool_defs[n % tools]["name"],
                "input": {"param_0": f"src/module_{n}.py", "param_1": n, "mode": "safe"},
            }
            text = {"type": "text", "text": _tokens(rng, _WORDS, 40).strip()}
            turns.append({"role": "assistant", "content": [text, call]})
        else:
            result = {
                "type": "tool_result",
                "tool_use_id": call_id,
                "content": _tokens(rng, _WORDS, 320),
            }
            turns.append({"role": "user", "content": [result]})
    turns[-1]["content"][-1]["cache_control"] = {"type": "ephemeral"}
    system = [
        {"type": "text", "text": "You are Claude Code, Anthropic's official CLI for Claude."},
        {
            "type": "text",
            "text": _tokens(rng, _WORDS, 3000),
            "cache_control": {"type": "ephemeral"},
        },
    ]
    return {
        "model": "claude-sonnet-4-5",
        "max_tokens": 32000,
        "system": system,
        "messages": turns,
        "tools": tool_defs,
        "thinking": {"type": "enabled", "budget_tokens": 10000},
        "stream": True,
        "metadata": {"user_id": "user_bench_session_0001"},
    }


def source_requests(request: dict[str, Any]) -> dict[Format, dict[str, Any]]:
    """The anthropic ``request`` in every source format, as JSON (``convert_request``)."""
    return {
        fmt: to_wire(
            convert_request(
                request, source="anthropic", target=fmt, **FIXED_IDS, **WRITE_OPTIONS.get(fmt, {})
            )
        )
        for fmt in FORMATS
    }


# ----- responses ------------------------------------------------------------------------------


def _responses_response() -> dict[str, Any]:
    rng = random.Random(30)
    return {
        "id": "resp_0bench",
        "object": "response",
        "created_at": 1764000000,
        "model": "gpt-5",
        "status": "completed",
        "output": [
            {
                "type": "reasoning",
                "id": "rs_0bench",
                "summary": [{"type": "summary_text", "text": _tokens(rng, _THINKING_WORDS, 150)}],
                "encrypted_content": "gAAAAABbench" + "Q" * 600,
            },
            {
                "type": "message",
                "id": "msg_0bench",
                "role": "assistant",
                "status": "completed",
                "content": [
                    {"type": "output_text", "text": _tokens(rng, _WORDS, 250), "annotations": []}
                ],
            },
            *(
                {
                    "type": "function_call",
                    "id": f"fc_0bench{n}",
                    "call_id": f"call_0bench{n}",
                    "name": name,
                    "arguments": _tool_arguments(rng, name),
                    "status": "completed",
                }
                for n, name in enumerate(("Edit", "Write"))
            ),
        ],
        "parallel_tool_calls": True,
        "tool_choice": "auto",
        "tools": [],
        "usage": {
            "input_tokens": 52310,
            "input_tokens_details": {"cached_tokens": 48000},
            "output_tokens": 812,
            "output_tokens_details": {"reasoning_tokens": 420},
            "total_tokens": 53122,
        },
    }


def _anthropic_response() -> dict[str, Any]:
    rng = random.Random(30)
    return {
        "id": "msg_01bench",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5",
        "content": [
            {
                "type": "thinking",
                "thinking": _tokens(rng, _THINKING_WORDS, 150),
                "signature": _SIGNATURE,
            },
            {"type": "text", "text": _tokens(rng, _WORDS, 250)},
            *(
                {
                    "type": "tool_use",
                    "id": f"toolu_01bench{n}",
                    "name": name,
                    "input": json.loads(_tool_arguments(rng, name)),
                }
                for n, name in enumerate(("Edit", "Write"))
            ),
        ],
        "stop_reason": "tool_use",
        "stop_sequence": None,
        "usage": {
            "input_tokens": 4310,
            "cache_creation_input_tokens": 2048,
            "cache_read_input_tokens": 48000,
            "output_tokens": 812,
        },
    }


def source_responses() -> dict[Format, dict[str, Any]]:
    """The realistic response in every source format (see the module docstring)."""
    responses = _responses_response()
    written = {
        fmt: to_wire(
            convert_response(
                responses, source="responses", target=fmt, **FIXED_IDS, **WRITE_OPTIONS.get(fmt, {})
            )
        )
        for fmt in ("chat", "completions")
    }
    return {
        "anthropic": _anthropic_response(),
        "chat": written["chat"],
        "responses": responses,
        "completions": written["completions"],
    }
