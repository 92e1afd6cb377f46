"""The measurements: each library call against its floor, timed interleaved in one run.

Timing (:func:`interleaved_best`): every case (a direction) has a few statements (the floor, the
library call, …). One round times each statement of each case once, back to back; the run makes
several rounds and keeps each statement's best. A noisy spell on a shared machine then spoils one
round of a statement, not all of them, and a ratio compares a call with its own floor timed
seconds apart. ``timeit`` runs the statements (the garbage collector is off while it times).

Floors:

* streams (:func:`sse_floor`): what any transcoder must pay per event — split the SSE frame
  (a bytes split on ``b"\\n\\n"`` and the ``data: `` prefix stripped), ``orjson.loads`` +
  ``orjson.dumps`` of the payload, and the frame written again (``b"data: " + … + b"\\n\\n"``,
  with an ``event:`` line when the target names its events). Without orjson (it is the
  ``bench`` extra) the stdlib ``json`` stands in, and the report says so.
* requests and responses: stdlib ``json.loads`` + ``json.dumps`` of the source payload's text;
  the orjson figure is shown beside it.

Memory (:func:`held_bytes`): ``tracemalloc``'s traced memory still held — after
``gc.collect()``, with the transcoder alive — once the transcoder has been fed a stream's frames up
to its closing events, minus what was held before the transcoder was made.
"""

from __future__ import annotations

import gc
import json
import timeit
import tracemalloc
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from openai_claude_bridge import BridgeError, Format, SSETranscoder, StreamConverter

try:
    import orjson
except ModuleNotFoundError:  # the ``bench`` extra is not installed
    orjson = None  # type: ignore[assignment]

K = TypeVar("K", bound=Hashable)

#: Targets whose SSE frames carry an ``event:`` line.
NAMED_EVENTS: frozenset[Format] = frozenset({"anthropic", "responses"})

FAST_JSON = "orjson" if orjson is not None else "json (orjson not installed)"
"""What the stream floor parses and writes JSON with."""


def _fast_loads(data: bytes) -> Any:
    return orjson.loads(data) if orjson is not None else json.loads(data)


def _fast_dumps(value: Any) -> bytes:
    if orjson is not None:
        return orjson.dumps(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


# ----- timing ---------------------------------------------------------------------------------


def interleaved_best(
    cases: dict[K, dict[str, Callable[[], object]]], *, rounds: int, number: int = 1
) -> dict[K, dict[str, float]]:
    """Best µs per call of every statement of every case over ``rounds`` interleaved rounds
    (each statement run ``number`` times per round)."""
    best: dict[K, dict[str, float]] = {key: {} for key in cases}
    for _ in range(rounds):
        for key, statements in cases.items():
            for name, statement in statements.items():
                us = timeit.Timer(statement).timeit(number) / number * 1e6
                best[key][name] = min(us, best[key].get(name, us))
    return best


def raises(call: Callable[[], object]) -> bool:
    """Whether ``call`` raises a :class:`BridgeError` (the direction is then skipped)."""
    try:
        call()
    except BridgeError:
        return True
    return False


# ----- floors ---------------------------------------------------------------------------------


def sse_floor(frames: list[bytes], target: Format) -> bytes:
    """The floor's work on a stream fed frame by frame (see the module docstring)."""
    named = target in NAMED_EVENTS
    out = []
    for chunk in frames:
        written = []
        for frame in chunk.split(b"\n\n"):
            start = frame.find(b"data: ")
            if start < 0:
                continue
            payload = frame[start + 6 :]
            if payload == b"[DONE]":
                written.append(b"data: [DONE]\n\n")
                continue
            value = _fast_loads(payload)
            data = b"data: " + _fast_dumps(value) + b"\n\n"
            if named:
                name = value.get("type", "message") if isinstance(value, dict) else "message"
                data = b"event: " + name.encode() + b"\n" + data
            written.append(data)
        out.append(b"".join(written))
    return b"".join(out)


def json_floor(text: str) -> Callable[[], object]:
    """Stdlib ``json.loads`` + ``json.dumps`` of ``text``."""
    return lambda: json.dumps(json.loads(text))


def fast_json_floor(text: str) -> Callable[[], object]:
    """The same with orjson (stdlib json when orjson is not installed)."""
    data = text.encode()
    return lambda: _fast_dumps(_fast_loads(data))


# ----- streams --------------------------------------------------------------------------------


def transcode(frames: list[bytes], source: Format, target: Format, **options: Any) -> bytes:
    """A fresh :class:`SSETranscoder` fed ``frames`` one at a time, then finished."""
    transcoder = SSETranscoder(source=source, target=target, **options)
    return b"".join([transcoder.feed(frame) for frame in frames]) + transcoder.finish()


def convert_events(events: list[Any], source: Format, target: Format) -> int:
    """A fresh :class:`StreamConverter` fed the parsed ``events``; how many events it wrote."""
    converter = StreamConverter(source=source, target=target)
    written = sum(len(converter.feed(event)) for event in events)
    return written + len(converter.finish())


# ----- memory ---------------------------------------------------------------------------------


def held_bytes(frames: list[bytes], source: Format, target: Format) -> int | None:
    """Bytes still held (traced, after ``gc.collect()``) by a transcoder fed ``frames``, with
    the transcoder alive; its output is dropped as it comes; ``None`` when it raises. Run the
    direction once before (caches filled and modules imported outside the measure)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        transcoder = SSETranscoder(source=source, target=target)
        for frame in frames:
            transcoder.feed(frame)
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
        del transcoder
        return held
    except BridgeError:
        return None
    finally:
        tracemalloc.stop()
