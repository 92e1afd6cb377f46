"""What the conversions cost, as ratios against a floor measured in the same run.

Three tables, all printed as Markdown (paste them into ``RESULTS.md``):

* **demo** — for every (source, target) pair of the four formats, ``source == target`` included,
  ``convert_request`` / ``convert_response`` of the built-in demo sample of ``source``
  (``openai_claude_bridge._demo.SAMPLES``): µs per call, the ratio to the floor
  (``json.loads`` + ``json.dumps`` of the same payload, which any proxy pays anyway), the cost
  with ``to_wire`` of the result added, and how many losses the conversion reports.
* **corpus** — the same over the golden corpus (``tests/golden/corpus/<case>/<kind>.<format>.json``,
  when the checkout has it): per pair, how many cases converted (a payload raising is skipped),
  how many of them reported losses, and the median and largest ratio to the floor.
* **streams** — one realistic stream (text deltas, a tool call whose arguments arrive in
  fragments, usage), written in every format by the library's own stream encoder from one
  anthropic stream. Per source event: ``StreamConverter`` fed the parsed event dicts, and
  ``SSETranscoder`` fed the raw SSE bytes one frame at a time, each against ``json.loads`` of the
  event text. A fresh converter per stream, so its setup is included (amortised over the events).
  The pairs are timed in three interleaved rounds and each keeps its best.

A conversion that raises (the payload cannot be expressed in the target) is skipped and listed.
Times are the best of several repeats; absolute times drift on shared machines, compare ratios.

    python benchmarks/bench_convert.py [--number N] [--quick]

``--number`` is calls per repeat for single payloads (whole streams per repeat is a fifth of it);
``--quick`` is a smoke run with few calls and repeats.
"""

from __future__ import annotations

import argparse
import json
import statistics
import timeit
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from openai_claude_bridge import (
    FORMATS,
    BridgeError,
    Format,
    Loss,
    convert_request,
    convert_response,
    to_wire,
)
from openai_claude_bridge._demo import SAMPLES
from openai_claude_bridge.sse import SSEDecoder, encode_event
from openai_claude_bridge.stream import SSETranscoder, StreamConverter

Kind = Literal["request", "response"]

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "golden" / "corpus"
PAIRS: tuple[tuple[Format, Format], ...] = tuple((s, t) for s in FORMATS for t in FORMATS)
CONVERTERS: dict[Kind, Callable[..., Any]] = {
    "request": convert_request,
    "response": convert_response,
}
#: Deterministic ids and clock for building the streams (timed runs use the defaults).
FIXED_IDS: dict[str, Any] = {"id_factory": lambda prefix: prefix + "bench", "clock": lambda: 0}


@dataclass(frozen=True)
class Timing:
    """How many calls per repeat, and how many repeats (the best one counts)."""

    number: int
    repeat: int

    def best_us(self, stmt: Callable[[], object], number: int | None = None) -> float:
        """Best-of-``repeat`` microseconds per call of ``stmt``."""
        calls = number or self.number
        return min(timeit.repeat(stmt, number=calls, repeat=self.repeat)) / calls * 1e6

    @property
    def streams(self) -> int:
        """Whole streams per repeat."""
        return max(1, self.number // 5)


@dataclass(frozen=True)
class Payload:
    """One request or response of one format, and where it comes from."""

    label: str
    kind: Kind
    fmt: Format
    body: dict[str, Any]


@dataclass(frozen=True)
class Conversion:
    """One timed conversion of one payload into one target."""

    payload: Payload
    target: Format
    floor_us: float
    convert_us: float
    losses: int

    @property
    def ratio(self) -> float:
        return self.convert_us / self.floor_us


# ----- payloads -------------------------------------------------------------------------------


def demo_payloads() -> list[Payload]:
    """The built-in demo request and response of every format."""
    return [
        Payload("demo", sample.kind, sample.format, sample.payload)
        for sample in SAMPLES
        if sample.kind != "event"
    ]


def corpus_payloads() -> list[Payload]:
    """Every golden-corpus payload (none when the checkout has no tests)."""
    out = []
    for path in sorted(CORPUS.glob("*/*.json")):
        kind, fmt, _ = path.name.split(".")
        body = json.loads(path.read_text(encoding="utf-8"))
        out.append(Payload(path.parent.name, kind, fmt, body))  # type: ignore[arg-type]
    return out


def print_header(text: tuple[str, ...], numbers: tuple[str, ...]) -> None:
    """A Markdown table header: ``text`` columns left-aligned, ``numbers`` right-aligned."""
    print("| " + " | ".join(text + numbers) + " |")
    print("|" + "---|" * len(text) + "---:|" * len(numbers))


# ----- non-streaming --------------------------------------------------------------------------


def floor_us(body: dict[str, Any], timing: Timing) -> float:
    """``json.loads`` of the payload's text plus ``json.dumps`` of the payload."""
    text = json.dumps(body)
    return timing.best_us(lambda: json.dumps(json.loads(text)))


def time_conversion(
    payload: Payload, target: Format, floor: float, timing: Timing, *, wire: bool = False
) -> Conversion | None:
    """Time converting ``payload`` to ``target`` (with ``to_wire`` of the result when ``wire``);
    ``None`` when the conversion raises."""
    convert = CONVERTERS[payload.kind]
    losses: list[Loss] = []
    try:
        convert(payload.body, source=payload.fmt, target=target, on_loss=losses.append)
    except BridgeError:
        return None

    def call() -> object:
        result = convert(payload.body, source=payload.fmt, target=target)
        return to_wire(result) if wire else result

    return Conversion(payload, target, floor, timing.best_us(call), len(losses))


def demo_table(timing: Timing, skipped: list[str]) -> None:
    print_header(
        ("kind", "source", "target"),
        ("floor µs", "convert µs", "convert/floor", "+to_wire µs", "losses"),
    )
    for payload in demo_payloads():
        floor = floor_us(payload.body, timing)
        for target in FORMATS:
            plain = time_conversion(payload, target, floor, timing)
            wired = time_conversion(payload, target, floor, timing, wire=True)
            if plain is None or wired is None:
                skipped.append(f"demo {payload.kind} {payload.fmt} -> {target}")
                continue
            print(
                f"| {payload.kind} | {payload.fmt} | {target} | {floor:.1f} | "
                f"{plain.convert_us:.1f} | {plain.ratio:.1f} | {wired.convert_us:.1f} | "
                f"{plain.losses} |"
            )


def corpus_table(timing: Timing, skipped: list[str]) -> None:
    payloads = corpus_payloads()
    if not payloads:
        print(f"(no golden corpus at {CORPUS}; skipped)")
        return
    by_pair: dict[tuple[Kind, Format, Format], list[Conversion]] = {}
    for payload in payloads:
        floor = floor_us(payload.body, timing)
        for target in FORMATS:
            done = time_conversion(payload, target, floor, timing)
            if done is None:
                skipped.append(f"corpus {payload.label} {payload.kind} {payload.fmt} -> {target}")
                continue
            by_pair.setdefault((payload.kind, payload.fmt, target), []).append(done)
    print_header(
        ("kind", "source", "target"),
        ("cases", "lossy", "median µs", "median convert/floor", "max convert/floor"),
    )
    for (kind, source, target), runs in sorted(by_pair.items(), key=_pair_order):
        ratios = [run.ratio for run in runs]
        median_us = statistics.median(run.convert_us for run in runs)
        lossy = sum(1 for run in runs if run.losses)
        print(
            f"| {kind} | {source} | {target} | {len(runs)} | {lossy} | {median_us:.1f} | "
            f"{statistics.median(ratios):.1f} | {max(ratios):.1f} |"
        )


def _pair_order(item: tuple[tuple[Kind, Format, Format], object]) -> tuple[str, int, int]:
    kind, source, target = item[0]
    return kind, FORMATS.index(source), FORMATS.index(target)


# ----- streams --------------------------------------------------------------------------------

_TEXT = (
    "Let me check the current weather in Zürich for you; it only takes a moment, and then I "
    "will tell you whether you need an umbrella this afternoon."
)
_ARGUMENTS = '{"location": "Zürich, Switzerland", "unit": "celsius", "days": 1}'


def _fragments(text: str, size: int) -> Iterator[str]:
    return (text[i : i + size] for i in range(0, len(text), size))


def anthropic_stream() -> list[dict[str, Any]]:
    """The reference stream: a text block in word-sized deltas, a tool call whose arguments
    arrive in 8-character fragments, usage at the start and in ``message_delta``."""
    message: dict[str, Any] = {
        "id": "msg_bench",
        "type": "message",
        "role": "assistant",
        "model": "claude-sonnet-4-5",
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 412, "output_tokens": 1, "cache_read_input_tokens": 1920},
    }
    text_deltas = [{"type": "text_delta", "text": word} for word in _TEXT.split(" ")]
    json_deltas = [
        {"type": "input_json_delta", "partial_json": part} for part in _fragments(_ARGUMENTS, 8)
    ]
    tool = {"type": "tool_use", "id": "toolu_bench", "name": "get_weather", "input": {}}
    return [
        {"type": "message_start", "message": message},
        {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
        *({"type": "content_block_delta", "index": 0, "delta": d} for d in text_deltas),
        {"type": "content_block_stop", "index": 0},
        {"type": "content_block_start", "index": 1, "content_block": tool},
        *({"type": "content_block_delta", "index": 1, "delta": d} for d in json_deltas),
        {"type": "content_block_stop", "index": 1},
        {
            "type": "message_delta",
            "delta": {"stop_reason": "tool_use", "stop_sequence": None},
            "usage": {"output_tokens": 87},
        },
        {"type": "message_stop"},
    ]


@dataclass(frozen=True)
class SourceStream:
    """One stream in one format: its SSE bytes frame by frame, and its parsed JSON events."""

    fmt: Format
    frames: list[bytes]
    events: list[dict[str, Any]]
    losses: int


def source_stream(
    fmt: Format, upstream_events: list[dict[str, Any]] | None = None, **options: Any
) -> SourceStream:
    """A stream as ``fmt`` writes it (the library's encoder of ``fmt`` makes it): the anthropic
    ``upstream_events`` (default: the reference stream) transcoded with ``options``, fed one
    frame at a time."""
    events_in = anthropic_stream() if upstream_events is None else upstream_events
    upstream = [encode_event(json.dumps(e), e["type"]) for e in events_in]
    losses: list[Loss] = []
    transcoder = SSETranscoder(
        source="anthropic", target=fmt, on_loss=losses.append, **FIXED_IDS, **options
    )
    body = b"".join([transcoder.feed(frame) for frame in upstream]) + transcoder.finish()
    decoder = SSEDecoder()
    frames = [frame + b"\n\n" for frame in body.split(b"\n\n") if frame]
    parsed = [event for frame in frames for event in decoder.feed(frame)] + decoder.finish()
    data = [event.data for event in parsed]
    events = [json.loads(text) for text in data if text != "[DONE]"]
    return SourceStream(fmt, frames, events, len(losses))


@dataclass(frozen=True)
class StreamTiming:
    """Per-event costs of one (source, target) pair over one stream."""

    events_out: int
    converter_us: float
    transcoder_us: float

    def best(self, other: StreamTiming) -> StreamTiming:
        """The faster of two timings of the same pair, layer by layer."""
        return StreamTiming(
            self.events_out,
            min(self.converter_us, other.converter_us),
            min(self.transcoder_us, other.transcoder_us),
        )


def time_stream(stream: SourceStream, target: Format, timing: Timing) -> StreamTiming | None:
    """Per source event µs of both layers; ``None`` when the conversion raises."""

    def run_converter() -> list[Any]:
        converter = StreamConverter(source=stream.fmt, target=target)
        out = [e for event in stream.events for e in converter.feed(event)]
        return out + converter.finish()

    def run_transcoder() -> bytes:
        transcoder = SSETranscoder(source=stream.fmt, target=target)
        return b"".join(transcoder.feed(frame) for frame in stream.frames) + transcoder.finish()

    try:
        events_out = len(run_converter())
        run_transcoder()
    except BridgeError:
        return None
    per_event = len(stream.events)
    return StreamTiming(
        events_out,
        timing.best_us(run_converter, timing.streams) / per_event,
        timing.best_us(run_transcoder, timing.streams) / per_event,
    )


def stream_json_us(stream: SourceStream, timing: Timing) -> float:
    """``json.loads`` of every event's text, per event."""
    texts = [json.dumps(event) for event in stream.events]

    def parse_all() -> None:
        for text in texts:
            json.loads(text)

    return timing.best_us(parse_all, timing.streams) / len(texts)


STREAM_ROUNDS = 3


def stream_timings(
    streams: dict[Format, SourceStream], timing: Timing
) -> dict[tuple[Format, Format], StreamTiming | None]:
    """Every pair timed in ``STREAM_ROUNDS`` interleaved rounds, keeping each pair's best: a noisy
    spell on a shared machine then spoils one round of a pair, not all of them."""
    best: dict[tuple[Format, Format], StreamTiming | None] = {}
    for _ in range(STREAM_ROUNDS):
        for source, target in PAIRS:
            previous = best.get((source, target))
            if (source, target) in best and previous is None:
                continue  # it raised: skipped
            done = time_stream(streams[source], target, timing)
            if previous is not None and done is not None:
                done = previous.best(done)
            best[(source, target)] = done
    return best


def stream_table(timing: Timing, skipped: list[str]) -> None:
    print_header(
        ("source", "target"),
        (
            "events in",
            "events out",
            "json µs/ev",
            "converter µs/ev",
            "converter/json",
            "transcoder µs/ev",
            "transcoder/json",
        ),
    )
    streams = {fmt: source_stream(fmt) for fmt in FORMATS}
    floors = {fmt: stream_json_us(stream, timing) for fmt, stream in streams.items()}
    timings = stream_timings(streams, timing)
    for source, target in PAIRS:
        stream, floor = streams[source], floors[source]
        done = timings[(source, target)]
        if done is None:
            skipped.append(f"stream {source} -> {target}")
            continue
        print(
            f"| {source} | {target} | {len(stream.events)} | {done.events_out} | {floor:.2f} | "
            f"{done.converter_us:.1f} | {done.converter_us / floor:.1f} | "
            f"{done.transcoder_us:.1f} | {done.transcoder_us / floor:.1f} |"
        )
    lossy = [f"{fmt} ({s.losses})" for fmt, s in streams.items() if s.losses]
    if lossy:
        print(f"\nLosses writing the reference stream: {', '.join(lossy)}.")


# ----- main -----------------------------------------------------------------------------------


def parse_timing() -> Timing:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--number", type=int, default=40, help="calls per repeat (default 40)")
    parser.add_argument("--quick", action="store_true", help="few calls and repeats (smoke run)")
    args = parser.parse_args()
    if args.number < 1:
        parser.error("--number must be at least 1")
    return Timing(number=10, repeat=2) if args.quick else Timing(number=args.number, repeat=15)


def main() -> None:
    timing = parse_timing()
    skipped: list[str] = []
    sections: tuple[tuple[str, Callable[[Timing, list[str]], None]], ...] = (
        ("Non-streaming, demo samples", demo_table),
        ("Non-streaming, golden corpus", corpus_table),
        ("Streams (per source event)", stream_table),
    )
    for title, table in sections:
        print(f"\n### {title}\n")
        table(timing, skipped)
    print("\nSkipped (the conversion raised): " + ("; ".join(skipped) or "none") + ".")


if __name__ == "__main__":
    main()
