"""The command line: ``python -m openai_claude_bridge COMMAND``.

* ``demo`` — parses a built-in sample of every format (request, response, stream event) into the
  typed models, checks that each dumps back to exactly the same JSON, and shows how bad input is
  reported. No arguments, no network.
* ``validate --format F (--kind K | --type NAME) [FILE]`` — reads one JSON payload (or, for stream
  events, JSON Lines) from FILE or stdin, validates it against the format's models, writes the
  re-serialised payload to stdout and exits non-zero with a one-line error on bad input.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ._demo import SAMPLES
from .errors import BridgeError
from .options import FORMATS
from .wire import from_wire, to_wire

#: The model type that reads each (format, kind).
MAIN_TYPES: dict[str, dict[str, str]] = {
    "anthropic": {
        "request": "MessageCreateParams",
        "response": "Message",
        "event": "RawMessageStreamEvent",
        "error": "ErrorResponse",
    },
    "chat": {
        "request": "CompletionCreateParams",
        "response": "ChatCompletion",
        "event": "ChatCompletionChunk",
        "error": "ErrorResponse",
    },
    "responses": {
        "request": "ResponseCreateParams",
        "response": "Response",
        "event": "ResponseStreamEvent",
        "error": "ErrorResponse",
    },
    "completions": {
        "request": "CompletionCreateParams",
        "response": "Completion",
        "event": "Completion",
        "error": "ErrorResponse",
    },
}


def _resolve(fmt: str, type_name: str) -> Any:
    module = importlib.import_module(f"{__package__}.{fmt}")
    try:
        return getattr(module, type_name)
    except AttributeError:
        raise SystemExit(f"error: openai_claude_bridge.{fmt} has no type {type_name!r}") from None


def run_demo(out: TextIO) -> int:
    """Parse and re-dump every built-in sample; show a bad-input report. Returns the exit code."""
    failures = 0
    out.write(
        "Typed models of the four wire formats: parse -> to_wire must give the input back.\n\n"
    )
    for sample in SAMPLES:
        tp = _resolve(sample.format, sample.type_name)
        model = from_wire(tp, sample.payload)
        exact = to_wire(model) == sample.payload
        failures += not exact
        status = "exact" if exact else "MISMATCH"
        out.write(
            f"  {sample.format:<12}{sample.kind:<9}{type(model).__name__:<32}{status:<9}"
            f"{sample.title}\n"
        )
    out.write("\nBad input is a BridgeError with a JSON path:\n\n")
    broken = json.loads(json.dumps(SAMPLES[0].payload))
    broken["messages"][0]["content"][1]["text"] = 42
    try:
        from_wire(_resolve("anthropic", "MessageCreateParams"), broken)
    except BridgeError as exc:
        out.write(f"  {type(exc).__name__}: path={exc.path!r}\n  {exc}\n")
    else:  # pragma: no cover - the models would be broken
        out.write("  the broken payload was accepted!\n")
        failures += 1
    return 1 if failures else 0


def _read_payloads(stream: TextIO, many: bool) -> list[tuple[str, Any]]:
    text = stream.read()
    if not many:
        return [("", text)]
    return [(f"line {n}", line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def run_validate(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    type_name = args.type or MAIN_TYPES[args.format][args.kind]
    tp = _resolve(args.format, type_name)
    many = args.kind == "event" and not args.type
    if args.file and args.file != "-":
        with open(args.file, encoding="utf-8") as handle:
            payloads = _read_payloads(handle, many)
    else:
        payloads = _read_payloads(stdin, many)
    for index, (_, text) in enumerate(payloads):
        model = from_wire(tp, text, event_index=index if many else None)
        out.write(json.dumps(to_wire(model), ensure_ascii=False) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m openai_claude_bridge",
        description="Translate between the Anthropic Messages API and OpenAI's APIs.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="run the built-in samples of every format (no arguments)")
    validate = commands.add_parser("validate", help="validate a payload against a format's models")
    validate.add_argument("--format", "--from", dest="format", choices=FORMATS, required=True)
    which = validate.add_mutually_exclusive_group()
    which.add_argument(
        "--kind", choices=("request", "response", "event", "error"), default="request"
    )
    which.add_argument("--type", help="a model or union name of the format, e.g. TextBlockParam")
    validate.add_argument("file", nargs="?", help="input file (default: stdin)")
    return parser


def main(
    argv: Sequence[str] | None = None, stdin: TextIO | None = None, out: TextIO | None = None
) -> int:
    args = build_parser().parse_args(argv)
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    try:
        if args.command == "demo":
            return run_demo(out)
        return run_validate(args, stdin, out)
    except BridgeError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    except OSError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
