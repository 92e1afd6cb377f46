"""The command line: ``python -m openai_claude_bridge COMMAND``, or ``openai-claude-bridge
COMMAND`` (the console script the package installs; both run :func:`main`).

* ``demo`` — runs a built-in sample request and response of every format through every one of
  the 16 (source, target) directions, checks that ``source == target`` gives the input back and
  that every output re-parses, prints the matrix with the number of losses per direction and one
  conversion in full, and shows how bad input is reported. No arguments, no network.
* ``convert-request`` / ``convert-response`` / ``convert-error --from F --to T [FILE]`` — convert
  one JSON payload (FILE or stdin) and write the result to stdout; the loss report goes to stderr.
* ``stream --from F --to T [FILE]`` — transcode an upstream SSE body (FILE or stdin, read in
  chunks) into the downstream SSE body on stdout.
* ``validate --format F (--kind K | --type NAME) [FILE]`` — reads one JSON payload (or, for stream
  events, JSON Lines) from FILE or stdin, validates it against the format's models, writes the
  re-serialised payload to stdout and exits non-zero with a one-line error on bad input.
* ``check DIR [--from F] [--to T ...] [--exclude PATTERN ...]`` — runs the testing kit's checks
  (:mod:`openai_claude_bridge.testing.runner`) on every sample payload and stream in DIR, in
  every direction, prints a table of sample x direction -> ``ok`` / violations (then each
  violation), and exits 1 when any check failed.
"""

from __future__ import annotations

import argparse
import fnmatch
import importlib
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ._demo import SAMPLES
from .convert import convert_error, convert_request, convert_response
from .errors import BridgeError
from .options import FORMATS, Loss
from .stream import SSETranscoder
from .testing.runner import check_samples, render_table
from .testing.samples import read_samples
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
    """Convert the built-in samples through every direction; show a bad-input report."""
    failures = 0
    out.write("Every built-in sample through every direction (losses reported per direction):\n\n")
    out.write(f"  {'source':<12}{'kind':<10}" + "".join(f"{t:>13}" for t in FORMATS) + "\n")
    for sample in SAMPLES:
        if sample.kind == "event":
            continue
        convert = convert_request if sample.kind == "request" else convert_response
        cells = []
        for target in FORMATS:
            losses: list[Loss] = []
            result = convert(
                sample.payload, source=sample.format, target=target, on_loss=losses.append
            )
            wire = to_wire(result)
            reparsed = to_wire(from_wire(type(result), wire)) == wire
            exact = target != sample.format or wire == sample.payload
            failures += not (reparsed and exact)
            cell = "exact" if target == sample.format and exact else f"{len(losses)} lost"
            cells.append(cell if reparsed and exact else "FAILED")
        out.write(f"  {sample.format:<12}{sample.kind:<10}" + "".join(f"{c:>13}" for c in cells))
        out.write("\n")
    request = SAMPLES[0]
    losses = []
    converted = convert_request(
        request.payload, source="anthropic", target="chat", on_loss=losses.append
    )
    out.write("\nThe anthropic request as a chat request:\n\n")
    out.write(json.dumps(to_wire(converted), indent=2, ensure_ascii=False) + "\n")
    out.write("\nBad input is a BridgeError with a JSON path:\n\n")
    broken = json.loads(json.dumps(request.payload))
    broken["messages"][0]["content"][1]["text"] = 42
    try:
        convert_request(broken, source="anthropic", target="responses")
    except BridgeError as exc:
        out.write(f"  {type(exc).__name__}: path={exc.path!r}\n  {exc}\n")
    else:  # pragma: no cover - the models would be broken
        out.write("  the broken payload was accepted!\n")
        failures += 1
    return 1 if failures else 0


def run_convert(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    """Convert one payload; losses go to stderr, one line each."""
    text = _read_text(args.file, stdin)
    losses: list[Loss] = []
    options: dict[str, Any] = {"on_loss": losses.append, "strict": args.strict}
    if args.model:
        options["model"] = args.model
    if args.command == "convert-error":
        status, body = convert_error(
            text, source=args.source, target=args.target, status=args.status, **options
        )
        sys.stderr.write(f"status: {status}\n")
        result = body
    else:
        convert = convert_request if args.command == "convert-request" else convert_response
        if args.command == "convert-response" and args.request:
            options["request"] = json.loads(_read_text(args.request, stdin))
        result = convert(text, source=args.source, target=args.target, **options)
    out.write(json.dumps(to_wire(result), ensure_ascii=False, indent=2) + "\n")
    for loss in losses:
        sys.stderr.write(f"lost: {loss.path or '$'}: {loss.feature}: {loss.reason}\n")
    return 0


def run_stream(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    """Transcode an SSE body chunk by chunk; losses go to stderr."""
    losses: list[Loss] = []
    options: dict[str, Any] = {"on_loss": losses.append, "strict": args.strict}
    if args.model:
        options["model"] = args.model
    transcoder = SSETranscoder(source=args.source, target=args.target, **options)
    source = open(args.file, "rb") if args.file and args.file != "-" else stdin.buffer  # noqa: SIM115
    sink = out.buffer if hasattr(out, "buffer") else None
    try:
        while chunk := source.read(_CHUNK):
            _write_bytes(out, sink, transcoder.feed(chunk))
        _write_bytes(out, sink, transcoder.finish())
    finally:
        if source is not stdin.buffer:
            source.close()
    for loss in losses:
        sys.stderr.write(f"lost: {loss.path or '$'}: {loss.feature}: {loss.reason}\n")
    return 0


_CHUNK = 1 << 14


def _write_bytes(out: TextIO, sink: Any, data: bytes) -> None:
    if sink is not None:
        sink.write(data)
        sink.flush()
    else:
        out.write(data.decode("utf-8"))


def _read_text(path: str | None, stdin: TextIO) -> str:
    if path and path != "-":
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    return stdin.read()


def _read_payloads(text: str, many: bool) -> list[tuple[str, Any]]:
    if not many:
        return [("", text)]
    return [(f"line {n}", line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def run_validate(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    type_name = args.type or MAIN_TYPES[args.format][args.kind]
    tp = _resolve(args.format, type_name)
    many = args.kind == "event" and not args.type
    payloads = _read_payloads(_read_text(args.file, stdin), many)
    for index, (_, text) in enumerate(payloads):
        model = from_wire(tp, text, event_index=index if many else None)
        out.write(json.dumps(to_wire(model), ensure_ascii=False) + "\n")
    return 0


#: The console script's name (``[project.scripts]`` in ``pyproject.toml``).
SCRIPT = "openai-claude-bridge"


def program_name(argv0: str | None = None) -> str:
    """How the command was run, for usage and error lines: the console script's name when it was
    run as that script, else ``python -m openai_claude_bridge``."""
    name = os.path.basename(sys.argv[0] if argv0 is None else argv0)
    return SCRIPT if name.removesuffix(".exe") == SCRIPT else "python -m openai_claude_bridge"


def build_parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of every command; ``prog`` defaults to :func:`program_name`."""
    parser = argparse.ArgumentParser(
        prog=prog or program_name(),
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
    for name, what in (
        ("convert-request", "a request body"),
        ("convert-response", "a non-streaming response body"),
        ("convert-error", "an error body"),
    ):
        command = commands.add_parser(name, help=f"convert {what} between formats")
        command.add_argument("--from", dest="source", choices=FORMATS, required=True)
        command.add_argument("--to", dest="target", choices=FORMATS, required=True)
        command.add_argument("--strict", action="store_true", help="fail instead of losing data")
        command.add_argument("--model", help="model name to put in the output")
        if name == "convert-response":
            command.add_argument("--request", help="the client's original request (target format)")
        if name == "convert-error":
            command.add_argument("--status", type=int, help="the HTTP status of the error")
        command.add_argument("file", nargs="?", help="input file (default: stdin)")
    stream = commands.add_parser("stream", help="transcode an SSE stream between formats")
    stream.add_argument("--from", dest="source", choices=FORMATS, required=True)
    stream.add_argument("--to", dest="target", choices=FORMATS, required=True)
    stream.add_argument("--strict", action="store_true", help="fail instead of losing data")
    stream.add_argument("--model", help="model name to put in the output")
    stream.add_argument("file", nargs="?", help="upstream SSE body (default: stdin)")
    check = commands.add_parser(
        "check", help="check every sample in a folder in every direction (testing kit)"
    )
    check.add_argument("folder", help="a folder of sample payloads (.json) and streams (.sse …)")
    check.add_argument("--from", dest="source", choices=FORMATS, help="only samples of FORMAT")
    check.add_argument(
        "--to", dest="targets", choices=FORMATS, action="append", help="only into FORMAT"
    )
    check.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="leave out the samples whose name matches PATTERN (fnmatch), e.g. ones made broken",
    )
    return parser


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """Check every sample of a folder in every direction; 1 when any check failed."""
    try:
        samples = read_samples(args.folder)
    except ValueError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    if args.source is not None:
        samples = [sample for sample in samples if sample.format == args.source]
    samples = [
        sample
        for sample in samples
        if not any(fnmatch.fnmatch(sample.name, pattern) for pattern in args.exclude)
    ]
    if not samples:
        sys.stderr.write(f"error: no samples in {args.folder}\n")
        return 2
    outcomes = check_samples(samples, targets=tuple(args.targets or FORMATS))
    out.write(render_table(outcomes))
    return 1 if any(outcome.violations for outcome in outcomes) else 0


def main(
    argv: Sequence[str] | None = None, stdin: TextIO | None = None, out: TextIO | None = None
) -> int:
    """Run one command (``argv``: the arguments after the program name; default
    ``sys.argv[1:]``) and return its exit code: 0 on success, 1 on bad input (a ``BridgeError``,
    one line on stderr) or failed checks, 2 on an unreadable file or folder. Bad arguments exit
    with 2 through argparse's ``SystemExit``."""
    args = build_parser().parse_args(argv)
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    try:
        if args.command == "demo":
            return run_demo(out)
        if args.command == "validate":
            return run_validate(args, stdin, out)
        if args.command == "stream":
            return run_stream(args, stdin, out)
        if args.command == "check":
            return run_check(args, out)
        return run_convert(args, stdin, out)
    except BridgeError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    except OSError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
