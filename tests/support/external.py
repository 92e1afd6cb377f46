"""Reading ``../shared/samples/external``: other projects' recorded traffic, one recording each.

The folder holds files in several layouts (its README names each file's source):

* ``*.json``: one payload (a request, a response, an error body), or — anthropic-sdk inline
  snapshots — a list of recorded HTTP exchanges, each a request body and a response body that is
  JSON or a raw SSE text (``<file>#<i>.request`` / ``.response`` / ``.stream`` / ``.error``);
* ``*.chunks.txt``: one JSON event per line (vercel/ai); some hold several streams back to back,
  split after each stream's terminal event (``<file>@<k>``);
* ``*.sse``, ``*.txt``, ``*.bin`` that start with ``event:`` / ``data:``: raw SSE bodies.

:func:`recordings` gives each one as a :class:`Recording`: its format and kind, found from the
content (an OpenAI error body, which every OpenAI format shares, from the folder it came from).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from openai_claude_bridge.options import Format
from openai_claude_bridge.sse import SSEDecoder

EXTERNAL = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "external"

Kind = Literal["request", "response", "error", "stream"]

#: Files the folder's README names as made or broken by hand (they may be refused as invalid).
HAND_MADE = (
    "duplicate-message-start",
    "spliced-message-start",
    "parallel-tool-call-wrapper.1",
    "openai-custom-tool.1",
    "openai-phase.1",
    "anthropic-fallback",
    "openai-shell-container.1",
    "f59a9391-643b-422c-96dc-1f28bc7ea4d7.json#1.request",
)

_ANTHROPIC_EVENTS = frozenset(
    {
        "message_start",
        "message_delta",
        "message_stop",
        "content_block_start",
        "content_block_delta",
        "content_block_stop",
        "ping",
    }
)
_OPENAI_FOLDER = re.compile(r"__src__(chat|responses|completion)__")
_FOLDER_FORMAT: dict[str, Format] = {
    "chat": "chat",
    "responses": "responses",
    "completion": "completions",
}


@dataclass(frozen=True)
class Recording:
    """One recorded request, response, error body or stream."""

    name: str
    format: Format
    kind: Kind
    payload: Any
    """The JSON object (request / response / error), or the list of stream events (a line of a
    JSON-lines recording that is not JSON is kept as its text)."""
    status: int | None = None
    """The HTTP status of an error body, when recorded."""
    raw: bytes | None = field(default=None, repr=False)
    """The raw SSE body of a stream recorded as SSE (``None`` for JSON-lines recordings)."""
    done: bool = False
    """A chat / completions SSE body ended with ``data: [DONE]``."""

    def sse_body(self) -> bytes:
        """A stream as the SSE body a server sends: the recorded one, or one ``data:`` frame per
        event (with an ``event:`` line for anthropic and Responses)."""
        if self.raw is not None:
            return self.raw
        frames = []
        for event in self.payload:
            data = event if isinstance(event, str) else json.dumps(event, ensure_ascii=False)
            named = isinstance(event, dict) and self.format in ("anthropic", "responses")
            head = f"event: {event.get('type')}\n" if named else ""
            frames.append(f"{head}data: {data}\n\n")
        return "".join(frames).encode("utf-8")

    @property
    def hand_made(self) -> bool:
        """Whether the folder's README names it as made or broken by hand."""
        return any(mark in self.name for mark in HAND_MADE)


def recordings(folder: Path = EXTERNAL) -> list[Recording]:
    """Every recording in ``folder`` (empty when it is absent)."""
    if not folder.is_dir():
        return []
    out: list[Recording] = []
    for path in sorted(folder.iterdir()):
        if path.name == "README.md" or not path.is_file():
            continue
        out.extend(_read(path))
    return out


def _read(path: Path) -> Iterator[Recording]:
    body = path.read_bytes()
    head = body.lstrip()[:6]
    if head.startswith((b"event:", b"data:")):
        yield from _sse_recordings(path.name, body)
    elif path.name.endswith(".chunks.txt"):
        yield from _json_lines(path.name, body)
    else:
        yield from _json_file(path.name, json.loads(body))


def _json_file(name: str, value: Any) -> Iterator[Recording]:
    if isinstance(value, list):  # recorded HTTP exchanges
        for i, exchange in enumerate(value):
            yield from _exchange(f"{name}#{i}", exchange)
        return
    fmt, kind = sniff(value, name)
    yield Recording(name, fmt, kind, value)


def _exchange(name: str, exchange: dict[str, Any]) -> Iterator[Recording]:
    request = exchange["request"]["body"]
    yield Recording(f"{name}.request", *sniff(request, name), request)
    response = exchange["response"]
    body, status = response["body"], response.get("status_code")
    if isinstance(body, str):
        yield from _sse_recordings(f"{name}.stream", body.encode("utf-8"))
        return
    fmt, kind = sniff(body, name)
    yield Recording(f"{name}.{kind}", fmt, kind, body, status=status if kind == "error" else None)


def _sse_recordings(name: str, body: bytes) -> Iterator[Recording]:
    decoder = SSEDecoder()
    events = [*decoder.feed(body), *decoder.finish()]
    done = any(event.data == "[DONE]" for event in events)
    parsed = [json.loads(event.data) for event in events if event.data != "[DONE]"]
    fmt = _stream_format(parsed)
    yield Recording(name, fmt, "stream", parsed, raw=body, done=done)


def _json_lines(name: str, body: bytes) -> Iterator[Recording]:
    events = [_json_or_text(line) for line in body.decode("utf-8").splitlines() if line.strip()]
    fmt = _stream_format(events)
    streams = list(_split_streams(fmt, events))
    for k, stream in enumerate(streams):
        yield Recording(name if len(streams) == 1 else f"{name}@{k}", fmt, "stream", stream)


def _json_or_text(line: str) -> Any:
    """A line's JSON value; a line that is not JSON (a recording cut short) as its text."""
    try:
        return json.loads(line)
    except ValueError:
        return line


#: The events that end a stream, by format (where another stream may then begin).
_TERMINAL = {
    "anthropic": frozenset({"message_stop"}),
    "responses": frozenset({"response.completed", "response.failed", "response.incomplete"}),
}


def _split_streams(fmt: Format, events: list[Any]) -> Iterator[list[Any]]:
    """Streams recorded back to back: a new one begins after the previous one's terminal event
    (an opening event before it is the same stream's, as broken recordings have it)."""
    terminal = _TERMINAL.get(fmt, frozenset())
    current: list[Any] = []
    for event in events:
        current.append(event)
        if isinstance(event, dict) and event.get("type") in terminal:
            yield current
            current = []
    if current:
        yield current


def _stream_format(events: list[Any]) -> Format:
    for event in events:
        if not isinstance(event, dict):
            continue
        kind = event.get("type")
        if isinstance(kind, str) and kind.startswith("response."):
            return "responses"
        if kind in _ANTHROPIC_EVENTS:
            return "anthropic"
        if event.get("object") == "text_completion":
            return "completions"
        if event.get("object") == "chat.completion.chunk" or "choices" in event:
            return "chat"
    raise ValueError(f"cannot tell the format of a stream starting {str(events)[:120]}")


def sniff(value: Any, name: str = "") -> tuple[Format, Kind]:
    """The format and kind of one JSON payload (``name``: where it came from, which tells an
    OpenAI error body's format)."""
    if not isinstance(value, dict):
        raise ValueError(f"{name}: not a JSON object")
    kind = value.get("type")
    if kind == "message" and "content" in value:
        return "anthropic", "response"
    if kind == "error" and isinstance(value.get("error"), dict):
        return "anthropic", "error"
    obj = value.get("object")
    if obj == "chat.completion":
        return "chat", "response"
    if obj == "response" or ("output" in value and "created_at" in value):
        return "responses", "response"
    if obj == "text_completion":
        return "completions", "response"
    if isinstance(value.get("error"), dict) and set(value) <= {"error"}:
        found = _OPENAI_FOLDER.search(name)
        return (_FOLDER_FORMAT[found.group(1)] if found else "chat"), "error"
    if "input" in value or "instructions" in value:
        return "responses", "request"
    if "messages" in value:
        anthropic = "max_tokens" in value and (
            "system" in value or "anthropic" in name or "claude" in name
        )
        return ("anthropic" if anthropic else "chat"), "request"
    if "prompt" in value:
        return "completions", "request"
    raise ValueError(f"{name}: cannot tell the format of {str(value)[:120]}")


# --------------------------------------------------------------------------- running them

#: The official SDK type name of each kind of payload, by format (keys of ``SDK_TYPES``).
TYPE_NAMES: dict[Kind, dict[Format, str]] = {
    "request": {
        "anthropic": "MessageCreateParams",
        "chat": "CompletionCreateParams",
        "responses": "ResponseCreateParams",
        "completions": "CompletionCreateParams",
    },
    "response": {
        "anthropic": "Message",
        "chat": "ChatCompletion",
        "responses": "Response",
        "completions": "Completion",
    },
    "error": {
        "anthropic": "ErrorResponse",
        "chat": "ErrorResponse",
        "responses": "ErrorResponse",
        "completions": "ErrorResponse",
    },
    "stream": {
        "anthropic": "RawMessageStreamEvent",
        "chat": "ChatCompletionChunk",
        "responses": "ResponseStreamEvent",
        "completions": "Completion",
    },
}


def convert_recording(rec: Recording, target: Format, **options: Any) -> Any:
    """``rec`` converted to ``target`` as wire JSON: the payload, or the list of stream events
    (fed to a ``StreamConverter`` event by event, then ``finish()``)."""
    from openai_claude_bridge import (
        StreamConverter,
        convert_error,
        convert_request,
        convert_response,
        to_wire,
    )

    source = rec.format
    if rec.kind == "request":
        return to_wire(convert_request(rec.payload, source=source, target=target, **options))
    if rec.kind == "response":
        return to_wire(convert_response(rec.payload, source=source, target=target, **options))
    if rec.kind == "error":
        _, body = convert_error(
            rec.payload, source=source, target=target, status=rec.status, **options
        )
        return to_wire(body)
    converter = StreamConverter(source=source, target=target, **options)
    out = [event for source_event in rec.payload for event in converter.feed(source_event)]
    return [to_wire(event) for event in out + converter.finish()]


def sdk_problems(kind: Kind, target: Format, output: Any) -> list[str]:
    """What the official SDK types of ``target`` refuse in ``output`` (see
    :func:`tests.support.oracle.sdk_errors`)."""
    from tests.support.oracle import sdk_errors
    from tests.support.sdk_types import SDK_TYPES

    types = SDK_TYPES[(target, TYPE_NAMES[kind][target])]
    values = output if kind == "stream" else [output]
    problems: list[str] = []
    for i, value in enumerate(values):
        if kind == "stream" and _is_error_ending(target, value):
            # the stream's error ending: anthropic's ``error`` event, an OpenAI error frame
            found = sdk_errors(value, *SDK_TYPES[(target, "ErrorResponse")])
        elif kind == "stream" and target == "anthropic" and value.get("type") == "ping":
            found = []  # a legal event the SDK's union leaves out (BEHAVIOR.md)
        else:
            found = sdk_errors(value, *types)
        if kind == "stream" and target == "completions":
            # The SDK types a streamed chunk as a whole Completion, whose finish_reason is
            # required; the API (and every recording of it) sends null until the last chunk.
            found = [p for p in found if not _UNFINISHED_CHOICE.fullmatch(p)]
        problems += [f"[{i}] {p}" if kind == "stream" else p for p in found]
    return problems


def _is_error_ending(target: Format, event: Any) -> bool:
    if target == "anthropic":
        return isinstance(event, dict) and event.get("type") == "error"
    if target in ("chat", "completions"):
        return isinstance(event, dict) and "error" in event and "choices" not in event
    return False


_UNFINISHED_CHOICE = re.compile(r"choices\[\d+\]\.finish_reason: None is not one of .*")


def first_difference(actual: Any, expected: Any, path: str = "") -> str | None:
    """Where ``actual`` first differs from ``expected`` (JSON values), or ``None``."""
    if type(actual) is not type(expected):
        return f"{path}: {type(expected).__name__} became {type(actual).__name__}"
    if isinstance(actual, dict):
        for key in [*expected, *(k for k in actual if k not in expected)]:
            if key not in actual:
                return f"{path}.{key}: dropped"
            if key not in expected:
                return f"{path}.{key}: added"
            found = first_difference(actual[key], expected[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(actual, list):
        for i, (a, e) in enumerate(zip(actual, expected, strict=False)):
            found = first_difference(a, e, f"{path}[{i}]")
            if found:
                return found
        if len(actual) != len(expected):
            return f"{path}: {len(expected)} items became {len(actual)}"
        return None
    return None if actual == expected else f"{path}: {expected!r} became {actual!r}"[:200]


def report(folder: Path = EXTERNAL) -> dict[str, int]:
    """Counts over the folder: runs, refusals, SDK-invalid outputs, X -> X changes."""
    from openai_claude_bridge import BridgeError
    from openai_claude_bridge.options import FORMATS

    counts: dict[str, int] = {}

    def count(key: str) -> None:
        counts[key] = counts.get(key, 0) + 1

    for rec in recordings(folder):
        for target in FORMATS:
            where = "same" if target == rec.format else "cross"
            count(f"{where} runs")
            try:
                out = convert_recording(rec, target)
            except BridgeError:
                count(f"{where} refused")
                continue
            if where == "cross" and sdk_problems(rec.kind, target, out):
                count("cross SDK-invalid")
            if where == "same" and out != rec.payload:
                count("same changed")
    return counts


if __name__ == "__main__":
    for key, value in sorted(report().items()):
        print(f"{key}: {value}")
