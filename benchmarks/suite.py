"""The benchmark's sections, each a :class:`Table` of one row per direction (16: source x
target, same-format included) plus what the summary of the targets needs.

* :func:`stream_table` — issue 10's realistic stream, per source event: ``SSETranscoder`` fed
  the raw SSE frames one at a time against the orjson framed floor, and ``StreamConverter`` fed
  the parsed dicts.
* :func:`recorded_table` — the same over the recorded streams of ``../shared/samples``.
* :func:`request_table` / :func:`response_table` — ``convert_request`` / ``convert_response``
  against ``json.loads`` + ``json.dumps``.
* :func:`memory_table` — memory held by a transcoder after a short and a long stream.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from openai_claude_bridge import FORMATS, Format, convert_request, convert_response, to_wire

from . import measure, workloads
from .bench_convert import PAIRS

Pair = tuple[Format, Format]

#: The targets of issue 10.
STREAM_TARGET = 3.0
REQUEST_TARGET = 5.0
RESPONSE_TARGET = 4.0
#: Memory: growth between the short and the long stream allowed as "flat": this many bytes plus
#: this share of the text the long stream adds; a Responses target may also hold the output its
#: closing events repeat (up to ``REPEAT_ALLOWANCE`` x that text).
FLAT_SLACK = 16 * 1024
FLAT_SHARE = 0.05
REPEAT_ALLOWANCE = 2.0


@dataclass(frozen=True)
class Settings:
    """How big the workloads are and how many rounds each section times."""

    stream_events: int
    fragments: int
    thinking: int
    stream_rounds: int
    recorded_number: int
    request_messages: int
    request_tools: int
    request_rounds: int
    response_number: int
    response_rounds: int
    memory_events: tuple[int, int]


FULL = Settings(
    stream_events=2000,
    fragments=200,
    thinking=300,
    stream_rounds=9,
    recorded_number=5,
    request_messages=200,
    request_tools=40,
    request_rounds=9,
    response_number=20,
    response_rounds=9,
    memory_events=(2000, 20000),
)
QUICK = Settings(
    stream_events=300,
    fragments=40,
    thinking=30,
    stream_rounds=2,
    recorded_number=2,
    request_messages=40,
    request_tools=10,
    request_rounds=2,
    response_number=3,
    response_rounds=2,
    memory_events=(150, 1500),
)


@dataclass
class Table:
    """One Markdown table: a title, its columns (the first ``text`` of them left-aligned), rows
    of cells already formatted, and notes printed under it."""

    title: str
    columns: tuple[str, ...]
    text: int
    rows: list[tuple[str, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        align = ["---"] * self.text + ["---:"] * (len(self.columns) - self.text)
        lines = [
            f"### {self.title}",
            "",
            "| " + " | ".join(self.columns) + " |",
            "|" + "|".join(align) + "|",
            *("| " + " | ".join(row) + " |" for row in self.rows),
        ]
        if self.notes:
            lines += ["", *self.notes]
        return "\n".join(lines)


@dataclass
class Verdicts:
    """Per direction, each target's measured ratio (or memory verdict); ``None``: skipped."""

    stream: dict[Pair, float | None] = field(default_factory=dict)
    request: dict[Pair, float | None] = field(default_factory=dict)
    response: dict[Pair, float | None] = field(default_factory=dict)
    memory: dict[Pair, tuple[bool, str] | None] = field(default_factory=dict)


def pooled_floors(
    best: dict[Pair, dict[str, float]], name: str, same_work: Callable[[Pair], Hashable]
) -> dict[Pair, float]:
    """Each direction's floor ``name`` as the best over the directions whose floor does the same
    work (``same_work`` gives them the same key): the floor of a source payload does not depend
    on the target, so pooling its rounds makes the ratios' denominator steadier."""
    pooled: dict[Hashable, float] = {}
    for pair, times in best.items():
        key = same_work(pair)
        pooled[key] = min(times[name], pooled.get(key, times[name]))
    return {pair: pooled[same_work(pair)] for pair in best}


def _source_of(pair: Pair) -> Hashable:
    return pair[0]


def _skip_note(skipped: list[str]) -> str:
    return "Skipped (the conversion raised): " + ("; ".join(skipped) or "none") + "."


# ----- streams --------------------------------------------------------------------------------


def stream_table(settings: Settings, verdicts: Verdicts) -> Table:
    events = workloads.realistic_stream(
        settings.stream_events, fragments=settings.fragments, thinking=settings.thinking
    )
    streams = workloads.source_streams(events)
    cases: dict[Pair, dict[str, Callable[[], object]]] = {}
    skipped = []
    for source, target in PAIRS:
        stream = streams[source]
        if measure.raises(lambda s=stream, t=target: measure.transcode(s.frames, s.fmt, t)):
            skipped.append(f"{source} -> {target}")
            verdicts.stream[(source, target)] = None
            continue
        cases[(source, target)] = {
            "floor": lambda s=stream, t=target: measure.sse_floor(s.frames, t),
            "transcoder": lambda s=stream, t=target: measure.transcode(s.frames, s.fmt, t),
            "converter": lambda s=stream, t=target: measure.convert_events(s.events, s.fmt, t),
        }
    best = measure.interleaved_best(cases, rounds=settings.stream_rounds)
    table = Table(
        f"Streams: the realistic stream, per source event (best of {settings.stream_rounds})",
        (
            "source",
            "target",
            "events in",
            "events out",
            "floor µs/ev",
            "transcoder µs/ev",
            "transcoder/floor",
            "converter µs/ev",
            "converter/floor",
        ),
        2,
    )
    floors = pooled_floors(best, "floor", lambda pair: (pair[0], pair[1] in measure.NAMED_EVENTS))
    for (source, target), times in best.items():
        stream = streams[source]
        per = len(stream.events)
        floor = floors[(source, target)] / per
        transcoder, converter = (times[k] / per for k in ("transcoder", "converter"))
        verdicts.stream[(source, target)] = transcoder / floor
        table.rows.append(
            (
                source,
                target,
                str(per),
                str(measure.convert_events(stream.events, source, target)),
                f"{floor:.2f}",
                f"{transcoder:.1f}",
                f"{transcoder / floor:.1f}",
                f"{converter:.1f}",
                f"{converter / floor:.1f}",
            )
        )
    lossy = [f"{fmt} {s.losses}" for fmt, s in streams.items() if s.losses]
    table.notes += [
        f"The stream: {settings.stream_events} anthropic events ({settings.thinking} thinking "
        f"deltas and a signature, text deltas of 1-4 tokens, two tool calls in "
        f"{settings.fragments} argument fragments, usage), written in each source format by the "
        "library's encoder (chat in the `reasoning_content` dialect, its two calls' fragments "
        "interleaved by index); each source stream passes `testing.check_stream`. Losses writing "
        f"it: {', '.join(lossy) or 'none'} (completions carries no thinking or tool call; chat "
        "no signature). `events in` counts the source's JSON events (chat's `[DONE]` aside).",
        f"Floor: split the frame, {measure.FAST_JSON} `loads` + `dumps` of the payload, frame it "
        "again (with an `event:` line for anthropic / responses targets); timed with every "
        "direction, and each row shows the best over the directions doing the same work (same "
        "source, same framing), a steadier denominator on a busy machine. Transcoder: a fresh "
        "`SSETranscoder` fed the SSE bytes one frame at a time, then `finish()`. Converter: a "
        "fresh `StreamConverter` fed the parsed dicts (no SSE, no JSON).",
        _skip_note(skipped),
    ]
    return table


def recorded_table(settings: Settings, verdicts: Verdicts) -> Table | None:
    """Per recorded source folder and target, summed over the streams that convert."""
    recorded = workloads.recorded_streams()
    if not any(recorded.values()):
        return None
    table = Table(
        f"Streams: recorded traffic (`../shared/samples`), per frame (best of "
        f"{settings.stream_rounds})",
        (
            "source",
            "target",
            "streams",
            "frames",
            "floor µs/frame",
            "transcoder µs/frame",
            "transcoder/floor",
        ),
        2,
    )
    skipped = []
    for source, streams in recorded.items():
        for target in FORMATS:
            cases: dict[str, dict[str, Callable[[], object]]] = {}
            for stream in streams:
                if measure.raises(lambda s=stream, t=target: measure.transcode(s.frames, s.fmt, t)):
                    skipped.append(f"{stream.name} -> {target}")
                    continue
                cases[stream.name] = {
                    "floor": lambda s=stream, t=target: measure.sse_floor(s.frames, t),
                    "transcoder": lambda s=stream, t=target: measure.transcode(s.frames, s.fmt, t),
                }
            best = measure.interleaved_best(
                cases, rounds=settings.stream_rounds, number=settings.recorded_number
            )
            frames = sum(len(s.frames) for s in streams if s.name in cases)
            floor = sum(t["floor"] for t in best.values()) / frames
            transcoder = sum(t["transcoder"] for t in best.values()) / frames
            table.rows.append(
                (
                    source,
                    target,
                    str(len(cases)),
                    str(frames),
                    f"{floor:.2f}",
                    f"{transcoder:.1f}",
                    f"{transcoder / floor:.1f}",
                )
            )
    table.notes += [
        "The recorded SSE bodies of `../shared/samples/anthropic` and `openai_chat` (short "
        "streams: a transcoder's set-up weighs more per frame than in the long stream); per "
        "frame, `ping` and `[DONE]` frames included. A stream the transcoder rejects (the "
        "recordings include broken ones on purpose) is left out of that row.",
        _skip_note(skipped),
    ]
    return table


# ----- requests and responses -----------------------------------------------------------------


def _payload_table(
    *,
    kind: str,
    payloads: dict[Format, dict[str, Any]],
    convert: Callable[..., Any],
    rounds: int,
    number: int,
    results: dict[Pair, float | None],
) -> Table:
    texts = {fmt: json.dumps(payload, ensure_ascii=False) for fmt, payload in payloads.items()}
    cases: dict[Pair, dict[str, Callable[[], object]]] = {}
    skipped = []
    for source, target in PAIRS:
        payload = payloads[source]

        def call(p: Any = payload, s: Format = source, t: Format = target) -> Any:
            return convert(p, source=s, target=t)

        if measure.raises(call):
            skipped.append(f"{source} -> {target}")
            results[(source, target)] = None
            continue
        cases[(source, target)] = {
            "json": measure.json_floor(texts[source]),
            "fast": measure.fast_json_floor(texts[source]),
            "convert": call,
            "wire": lambda c=call: to_wire(c()),
        }
    best = measure.interleaved_best(cases, rounds=rounds, number=number)
    table = Table(
        "",
        (
            "source",
            "target",
            "KB",
            "json µs",
            "orjson µs",
            "convert µs",
            "convert/json",
            "+to_wire µs",
            "+to_wire/json",
        ),
        2,
    )
    table.columns = tuple(
        c if c != "orjson µs" else f"{measure.FAST_JSON} µs" for c in table.columns
    )
    for name in ("json", "fast"):
        for pair, floor in pooled_floors(best, name, _source_of).items():
            best[pair][name] = floor
    for (source, target), t in best.items():
        results[(source, target)] = t["convert"] / t["json"]
        table.rows.append(
            (
                source,
                target,
                f"{len(texts[source].encode()) / 1024:.0f}"
                if kind == "request"
                else f"{len(texts[source].encode()) / 1024:.1f}",
                f"{t['json']:.0f}" if kind == "request" else f"{t['json']:.1f}",
                f"{t['fast']:.0f}" if kind == "request" else f"{t['fast']:.1f}",
                f"{t['convert']:.0f}",
                f"{t['convert'] / t['json']:.1f}",
                f"{t['wire']:.0f}",
                f"{t['wire'] / t['json']:.1f}",
            )
        )
    table.notes.append(_skip_note(skipped))
    return table


def request_table(settings: Settings, verdicts: Verdicts) -> Table:
    request = workloads.claude_code_request(settings.request_messages, settings.request_tools)
    payloads = workloads.source_requests(request)
    table = _payload_table(
        kind="request",
        payloads=payloads,
        convert=convert_request,
        rounds=settings.request_rounds,
        number=1,
        results=verdicts.request,
    )
    table.title = (
        f"`convert_request`: a Claude Code-sized request, per call (best of "
        f"{settings.request_rounds})"
    )
    table.notes.insert(
        0,
        f"The request: {settings.request_messages} messages (assistant text and a tool call, "
        f"user tool results with file contents), {settings.request_tools} tools with JSON "
        "schemas, a long cached system prompt, thinking on; built in anthropic form and written "
        "in each source format by `convert_request` (completions keeps only a prompt, hence its "
        "size). `json` = stdlib `json.loads` + `json.dumps` of the source payload's text "
        "(timed with every direction; each row shows the best over the source's four "
        "directions, the same work); `convert` = `convert_request` from the parsed dict; "
        "`+to_wire` adds `to_wire` of the result (what a proxy then dumps).",
    )
    return table


def response_table(settings: Settings, verdicts: Verdicts) -> Table:
    table = _payload_table(
        kind="response",
        payloads=workloads.source_responses(),
        convert=convert_response,
        rounds=settings.response_rounds,
        number=settings.response_number,
        results=verdicts.response,
    )
    table.title = f"`convert_response`, per call (best of {settings.response_rounds})"
    table.notes.insert(
        0,
        "The response: thinking (anthropic: with its signature; Responses: a reasoning item with "
        "a summary and encrypted content), text, two tool calls, usage with cache and reasoning "
        "tokens; anthropic and Responses made by hand, chat (`reasoning_content` dialect) and "
        "completions written from the Responses one by `convert_response`. Columns as above.",
    )
    return table


# ----- memory ---------------------------------------------------------------------------------


def _text_bytes(events: list[dict[str, Any]]) -> int:
    return sum(
        len(e["delta"]["text"].encode())
        for e in events
        if e["type"] == "content_block_delta" and e["delta"]["type"] == "text_delta"
    )


def memory_table(settings: Settings, verdicts: Verdicts) -> Table:
    short_n, long_n = settings.memory_events
    tails = workloads.closing_frames()
    built = {}
    for total in (short_n, long_n):
        events = workloads.realistic_stream(
            total, fragments=settings.fragments, thinking=settings.thinking
        )
        streams = workloads.source_streams(events, interleave=False)
        body = {fmt: s.frames[: len(s.frames) - tails[fmt]] for fmt, s in streams.items()}
        built[total] = (events, body)
    extra_text = _text_bytes(built[long_n][0]) - _text_bytes(built[short_n][0])
    table = Table(
        f"Memory held by a transcoder: {short_n:,} vs {long_n:,} events",
        (
            "source",
            "target",
            f"KB held at {short_n:,}",
            f"KB held at {long_n:,}",
            "long/short",
            "growth KB",
            "verdict",
        ),
        2,
    )
    skipped = []
    for source, target in PAIRS:
        short, long = built[short_n][1][source], built[long_n][1][source]
        # An untraced run of the short stream fills the caches and finds a direction that raises.
        warm = not measure.raises(lambda f=short, s=source, t=target: measure.transcode(f, s, t))
        held_short = measure.held_bytes(short, source, target) if warm else None
        held_long = measure.held_bytes(long, source, target) if held_short is not None else None
        if held_short is None or held_long is None:
            skipped.append(f"{source} -> {target}")
            verdicts.memory[(source, target)] = None
            continue
        growth = held_long - held_short
        verdict = _memory_verdict(target, growth, extra_text)
        verdicts.memory[(source, target)] = verdict
        table.rows.append(
            (
                source,
                target,
                f"{held_short / 1024:.1f}",
                f"{held_long / 1024:.1f}",
                f"{held_long / max(held_short, 1):.1f}",
                f"{growth / 1024:+.1f}",
                verdict[1],
            )
        )
    table.notes += [
        f"`tracemalloc` traced memory still held after `gc.collect()`, with the transcoder alive, "
        f"once it has been fed a stream's frames up to its closing events (the stream of the "
        f"first table with {short_n:,} or {long_n:,} events: the text grows, by "
        f"{extra_text / 1024:.0f} KB of UTF-8 in {long_n - short_n:,} more deltas; the output is "
        "dropped as it comes). `flat`: the growth stays under "
        f"{FLAT_SLACK // 1024} KB + {FLAT_SHARE:.0%} of the added text. A Responses target must "
        "repeat the whole output in its `*.done` and `response.completed` events, so it may keep "
        f"the output: up to {REPEAT_ALLOWANCE:g}x the added text (`repeats output`) — one copy "
        "of it as a Python `str`, which takes 2 bytes per character once a text holds one "
        "beyond Latin-1 (this one does: `—`).",
        _skip_note(skipped),
    ]
    return table


def _memory_verdict(target: Format, growth: int, extra_text: int) -> tuple[bool, str]:
    flat = FLAT_SLACK + FLAT_SHARE * extra_text
    if growth <= flat:
        return True, "flat"
    if target == "responses" and growth <= FLAT_SLACK + REPEAT_ALLOWANCE * extra_text:
        return True, f"repeats output ({growth / max(extra_text, 1):.1f}x text)"
    return False, f"grows ({growth / max(extra_text, 1):.1f}x text)"


# ----- summary --------------------------------------------------------------------------------


def _ratio_cell(ratio: float | None, target: float) -> str:
    if ratio is None:
        return "skipped"
    return f"{'meets' if ratio <= target else 'misses'} / {ratio:.1f}x"


def summary_table(verdicts: Verdicts) -> Table:
    table = Table(
        "Summary of the targets (issue 10)",
        (
            "source",
            "target",
            f"stream <= {STREAM_TARGET:g}x floor",
            f"request <= {REQUEST_TARGET:g}x json",
            f"response <= {RESPONSE_TARGET:g}x json",
            "memory",
        ),
        6,
    )
    met = 0
    for pair in PAIRS:
        memory = verdicts.memory.get(pair)
        cells = (
            _ratio_cell(verdicts.stream.get(pair), STREAM_TARGET),
            _ratio_cell(verdicts.request.get(pair), REQUEST_TARGET),
            _ratio_cell(verdicts.response.get(pair), RESPONSE_TARGET),
            "skipped" if memory is None else f"{'meets' if memory[0] else 'misses'} / {memory[1]}",
        )
        met += sum(cell.startswith("meets") for cell in cells)
        table.rows.append((*pair, *cells))
    table.notes.append(
        f"{met} of {4 * len(PAIRS)} targets met. A ratio is the library's time over its floor "
        "in the same run (stream: `SSETranscoder` per event over the framed floor "
        f"({measure.FAST_JSON}); "
        "request and response: the conversion over stdlib `json.loads` + `json.dumps`)."
    )
    return table
