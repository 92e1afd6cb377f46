"""``python -m benchmarks``: issue 10's speed benchmark, in one command.

It prints, as Markdown, one table per measure — streams (the realistic stream and the recorded
ones), ``convert_request``, ``convert_response``, memory — and a summary of the targets per
direction, then writes ``docs/performance.md`` (or ``--output PATH``): the tables inside the
hand-written context of ``benchmarks/performance_template.md`` and
``benchmarks/what_was_optimised.md``, with the machine, the command and the date.

    python -m benchmarks [--quick] [--output PATH] [--date YYYY-MM-DD]

``--quick`` is a smoke run (small workloads, two rounds; seconds). The exit status is 0 whatever
the ratios: this is a benchmark, not a test. The older scripts ``bench_convert.py`` (demo and
golden-corpus payloads) and ``bench_models.py`` (the wire models) still run on their own.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import string
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pydantic
import pydantic_core

from . import measure
from .suite import (
    FULL,
    QUICK,
    Table,
    Verdicts,
    memory_table,
    recorded_table,
    request_table,
    response_table,
    stream_table,
    summary_table,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_OUTPUT = ROOT / "docs" / "performance.md"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run (seconds)")
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="where to write the performance page (default: docs/performance.md)",
    )
    parser.add_argument(
        "--date", help="the date to print on the page (default: today, UTC)", default=None
    )
    return parser.parse_args(argv)


def machine() -> str:
    """The platform, CPU model and count, Python and the JSON libraries' versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    orjson = measure.orjson
    return (
        f"{platform.platform()}; {cpu}; {os.cpu_count()} CPUs; "
        f"{platform.python_implementation()} {platform.python_version()}; "
        f"pydantic {pydantic.VERSION}, pydantic-core {pydantic_core.__version__}, "
        f"orjson {orjson.__version__ if orjson is not None else 'not installed'}"
    )


def command(argv: Sequence[str]) -> str:
    """The command line as a reader would type it (``--output`` / ``--date`` left out)."""
    words, skip = ["python", "-m", "benchmarks"], False
    for word in argv:
        if skip:
            skip = False
        elif word in ("--output", "--date"):
            skip = True
        elif not word.startswith(("--output=", "--date=")):
            words.append(word)
    return " ".join(words)


def run_tables(quick: bool) -> list[Table]:
    """Every table, the summary last, each printed as soon as it is measured."""
    settings = QUICK if quick else FULL
    verdicts = Verdicts()
    tables: list[Table] = []
    sections = (stream_table, recorded_table, request_table, response_table, memory_table)
    for section in sections:
        started = time.perf_counter()
        table = section(settings, verdicts)
        if table is not None:
            table.notes.append(f"(This table took {time.perf_counter() - started:.0f} s.)")
            print(table.markdown() + "\n", flush=True)
            tables.append(table)
    summary = summary_table(verdicts)
    print(summary.markdown(), flush=True)
    return [summary, *tables]


def write_page(path: Path, tables: list[Table], *, date: str, cmd: str, seconds: float) -> None:
    template = string.Template((HERE / "performance_template.md").read_text(encoding="utf-8"))
    page = template.substitute(
        date=date,
        command=cmd,
        runtime=f"{seconds:.0f} s",
        machine=machine(),
        optimised=(HERE / "what_was_optimised.md").read_text(encoding="utf-8").strip(),
        tables="\n\n".join(table.markdown() for table in tables),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.rstrip() + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(args_list)
    date = args.date or datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    started = time.perf_counter()
    print(f"Machine: {machine()}\n", flush=True)
    tables = run_tables(args.quick)
    seconds = time.perf_counter() - started
    write_page(args.output, tables, date=date, cmd=command(args_list), seconds=seconds)
    print(f"\nWrote {args.output} ({seconds:.0f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
