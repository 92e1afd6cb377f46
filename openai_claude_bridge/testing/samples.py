"""Reading sample payloads and recorded streams from files: what ``check`` and the pytest
plugin's ``--bridge-samples`` run on.

A folder of samples holds, in any layout (sub-folders are read too):

* ``.json`` files — one payload (a request, a response, an error body), or a list of them, or
  a list of recorded HTTP exchanges ``{"request": {"body": …}, "response": {"status_code": …,
  "body": …}}`` whose response body is JSON or a raw SSE text (each exchange gives
  ``<file>#<i>.request`` and ``.response`` / ``.error`` / ``.stream``);
* files that start with ``event:`` / ``data:`` (``.sse``, ``.txt``, ``.bin`` …) — a raw SSE body
  as a server sent it;
* ``.jsonl`` / ``.chunks.txt`` files — one stream event per line; several streams recorded back
  to back are split after each terminal event (``<file>@<k>``).

The format and kind of each sample are read from its content (:func:`sniff`); an OpenAI error
body, which the three OpenAI formats share, takes its format from the file's path when a part of
it names one (``chat``, ``responses``, ``completions``), else ``chat``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..options import Format
from ..sse import SSEDecoder

__all__ = ["Kind", "Sample", "read_sample_file", "read_samples", "sniff", "stream_format"]

Kind = Literal["request", "response", "error", "stream"]

_SSE_START = (b"event:", b"data:", b":")
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
#: The events that end a stream, by format (where another stream may then begin).
_TERMINAL: dict[str, frozenset[str]] = {
    "anthropic": frozenset({"message_stop"}),
    "responses": frozenset({"response.completed", "response.failed", "response.incomplete"}),
}
_PATH_FORMAT = re.compile(r"(?:^|[/_.\-])(chat|responses|completions?)(?=[/_.\-]|$)")


@dataclass(frozen=True)
class Sample:
    """One sample: a payload of some format and kind, or a recorded stream."""

    name: str
    """Where it came from: the file's path relative to the folder read (plus ``#<i>`` / ``@<k>``
    for one of several in a file)."""
    format: Format
    kind: Kind
    payload: Any
    """The JSON object (request, response, error body), or the list of stream events (a line of
    a JSON-lines recording that is not JSON is kept as its text)."""
    status: int | None = None
    """The HTTP status of an error body, when recorded."""
    raw: bytes | None = field(default=None, repr=False)
    """The raw SSE body of a stream recorded as SSE."""
    done: bool = False
    """A chat / completions SSE body ended with ``data: [DONE]``."""

    def sse_body(self) -> bytes:
        """A stream as the SSE body a server sends: the recorded one, or one ``data:`` frame per
        event (with an ``event:`` line for anthropic and Responses, and chat / completions'
        ``[DONE]``)."""
        if self.raw is not None:
            return self.raw
        frames = []
        for event in self.payload:
            data = event if isinstance(event, str) else json.dumps(event, ensure_ascii=False)
            named = isinstance(event, dict) and self.format in ("anthropic", "responses")
            head = f"event: {event.get('type')}\n" if named else ""
            frames.append(f"{head}data: {data}\n\n")
        if self.format in ("chat", "completions"):
            frames.append("data: [DONE]\n\n")
        return "".join(frames).encode("utf-8")


def read_samples(folder: Path | str) -> list[Sample]:
    """Every sample in ``folder`` and its sub-folders, in path order (a ``README`` and files
    whose names start with ``.`` are skipped). A file that is neither JSON, JSON lines nor SSE
    raises ``ValueError`` naming it."""
    root = Path(folder)
    samples: list[Sample] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root)
        if relative.name.startswith(".") or relative.stem.upper() == "README":
            continue
        samples.extend(read_sample_file(path, name=relative.as_posix()))
    return samples


def read_sample_file(path: Path | str, *, name: str | None = None) -> list[Sample]:
    """The samples of one file (see the module docstring for the layouts)."""
    path = Path(path)
    label = name if name is not None else path.name
    body = path.read_bytes()
    try:
        return list(_read(label, body))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"{label}: not a sample ({exc})") from None


def _read(name: str, body: bytes) -> Iterator[Sample]:
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_SSE_START):
        yield _sse_sample(name, body)
    elif name.endswith((".jsonl", ".chunks.txt")):
        yield from _json_lines(name, body)
    else:
        yield from _json_value(name, json.loads(body))


def _json_value(name: str, value: Any) -> Iterator[Sample]:
    if not isinstance(value, list):
        yield Sample(name, *sniff(value, name), value)
        return
    for i, item in enumerate(value):
        if isinstance(item, dict) and set(item) >= {"request", "response"}:
            yield from _exchange(f"{name}#{i}", item)
        else:
            yield Sample(f"{name}#{i}", *sniff(item, name), item)


def _exchange(name: str, exchange: dict[str, Any]) -> Iterator[Sample]:
    request = exchange["request"].get("body")
    if request is not None:
        yield Sample(f"{name}.request", *sniff(request, name), request)
    response = exchange["response"]
    body, status = response.get("body"), response.get("status_code")
    if isinstance(body, str):
        yield _sse_sample(f"{name}.stream", body.encode("utf-8"))
        return
    fmt, kind = sniff(body, name)
    yield Sample(f"{name}.{kind}", fmt, kind, body, status=status if kind == "error" else None)


def _sse_sample(name: str, body: bytes) -> Sample:
    decoder = SSEDecoder()
    events = [*decoder.feed(body), *decoder.finish()]
    done = any(event.data == "[DONE]" for event in events)
    parsed = [_json_or_text(event.data) for event in events if event.data != "[DONE]"]
    return Sample(name, stream_format(parsed), "stream", parsed, raw=body, done=done)


def _json_lines(name: str, body: bytes) -> Iterator[Sample]:
    events = [_json_or_text(line) for line in body.decode("utf-8").splitlines() if line.strip()]
    fmt = stream_format(events)
    streams = list(_split_streams(fmt, events))
    for k, stream in enumerate(streams):
        yield Sample(name if len(streams) == 1 else f"{name}@{k}", fmt, "stream", stream)


def _json_or_text(text: str) -> Any:
    """A line's (or frame's) JSON value; one that is not JSON (a recording cut short) as its
    text."""
    try:
        return json.loads(text)
    except ValueError:
        return text


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


def stream_format(events: Sequence[Any]) -> Format:
    """The format of a stream, from its events; ``ValueError`` when none says."""
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
    raise ValueError(f"cannot tell the format of a stream starting {str(list(events))[:120]}")


def sniff(value: Any, name: str = "") -> tuple[Format, Kind]:
    """The format and kind of one JSON payload (``name``: where it came from, which tells an
    OpenAI error body's format); ``ValueError`` when nothing says."""
    if not isinstance(value, dict):
        raise ValueError("a payload is a JSON object")
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
        return _path_format(name), "error"
    if "input" in value or "instructions" in value:
        return "responses", "request"
    if isinstance(value.get("messages"), list):
        return ("chat" if _is_chat_request(value, name) else "anthropic"), "request"
    if "prompt" in value:
        return "completions", "request"
    raise ValueError(f"cannot tell the format of {str(value)[:120]}")


_CHAT_ONLY_KEYS = frozenset(
    {"max_completion_tokens", "response_format", "n", "reasoning_effort", "stop", "logprobs"}
)
_ANTHROPIC_ONLY_KEYS = frozenset(
    {
        "system",
        "stop_sequences",
        "top_k",
        "thinking",
        "output_config",
        "container",
        "mcp_servers",
        "context_management",
    }
)
_CHAT_ONLY_PARTS = frozenset({"image_url", "input_audio", "file"})
_ANTHROPIC_ONLY_PARTS = frozenset(
    {"tool_use", "tool_result", "image", "document", "thinking", "redacted_thinking"}
)


def _is_chat_request(value: dict[str, Any], name: str) -> bool:
    """Whether a ``messages`` request is chat's rather than anthropic's.

    Something only one of them says decides: anthropic requires ``max_tokens`` and alone has a
    top-level ``system``, ``tool_use`` / ``tool_result`` blocks, ``input_schema`` tools …; chat
    alone has system / developer / tool roles, ``tool_calls``, ``image_url`` parts, ``function``
    tools …. When nothing does, a file name that says ``chat`` or ``openai`` makes it chat's,
    else it is anthropic's (a request with ``max_tokens`` and plain user turns)."""
    if "max_tokens" not in value or _CHAT_ONLY_KEYS & set(value):
        return True
    if _ANTHROPIC_ONLY_KEYS & set(value):
        return False
    parts: set[Any] = set()
    for message in value["messages"]:
        if not isinstance(message, dict):
            continue
        if message.get("role") in ("system", "developer", "tool") or "tool_calls" in message:
            return True
        content = message.get("content")
        if isinstance(content, list):
            parts |= {part.get("type") for part in content if isinstance(part, dict)}
    tools = [tool for tool in value.get("tools") or () if isinstance(tool, dict)]
    if parts & _CHAT_ONLY_PARTS or any("function" in tool for tool in tools):
        return True
    if parts & _ANTHROPIC_ONLY_PARTS or any("input_schema" in tool for tool in tools):
        return False
    return bool(re.search(r"chat|openai", name, re.IGNORECASE))


def _path_format(name: str) -> Format:
    found = _PATH_FORMAT.search(name)
    if found is None:
        return "chat"
    word = found.group(1)
    return "completions" if word.startswith("completion") else word  # type: ignore[return-value]
