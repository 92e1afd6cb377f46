"""Reading ``../shared/samples/external``: other projects' recorded traffic, one recording each.

The folder holds files in several layouts (its README names each file's source), all of which
the testing kit reads (:mod:`openai_claude_bridge.testing.samples`); :func:`recordings` gives each
one as a :class:`Recording`, a kit sample that knows whether the README names it as hand-made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from openai_claude_bridge.options import Format
from openai_claude_bridge.testing.samples import Kind, Sample, read_samples

EXTERNAL = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "external"

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


@dataclass(frozen=True)
class Recording(Sample):
    """One recorded request, response, error body or stream (a kit :class:`Sample`)."""

    @property
    def hand_made(self) -> bool:
        """Whether the folder's README names it as made or broken by hand."""
        return any(mark in self.name for mark in HAND_MADE)


def recordings(folder: Path = EXTERNAL) -> list[Recording]:
    """Every recording in ``folder``, read by the testing kit (empty when it is absent)."""
    if not folder.is_dir():
        return []
    return [
        Recording(**{f.name: getattr(sample, f.name) for f in fields(sample)})
        for sample in read_samples(folder)
    ]


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
