"""How much the typed models cost on the hot path, as ratios measured in one run.

For each built-in demo sample (a request, a response and a stream event of every format) this
times three things per payload, best of several repeats:

* ``json``   — ``json.loads`` of the payload's text (the floor every proxy pays anyway),
* ``parse``  — ``from_wire(T, dict)`` (strict validation into the typed model),
* ``dump``   — ``to_wire(model)``,

and prints microseconds per payload plus ``parse/json`` and ``dump/json`` ratios. Absolute times
drift on shared machines; compare the ratios.

    python benchmarks/bench_models.py [--number N]
"""

from __future__ import annotations

import argparse
import importlib
import json
import timeit
from collections.abc import Callable
from typing import Any

from openai_claude_bridge import from_wire, to_wire
from openai_claude_bridge._demo import SAMPLES


def _best(stmt: Callable[[], object], number: int, repeat: int = 5) -> float:
    """Best-of-``repeat`` microseconds per call."""
    return min(timeit.repeat(stmt, number=number, repeat=repeat)) / number * 1e6


def _time_sample(tp: Any, payload: dict[str, Any], number: int) -> tuple[float, float, float]:
    text = json.dumps(payload)
    model = from_wire(tp, payload)
    return (
        _best(lambda: json.loads(text), number),
        _best(lambda: from_wire(tp, payload), number),
        _best(lambda: to_wire(model), number),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--number", type=int, default=2000)
    args = parser.parse_args()
    print(
        f"{'format':<12}{'kind':<10}{'json us':>9}{'parse us':>10}{'dump us':>9}"
        f"{'parse/json':>12}{'dump/json':>11}"
    )
    for sample in SAMPLES:
        tp = getattr(
            importlib.import_module(f"openai_claude_bridge.{sample.format}"), sample.type_name
        )
        t_json, t_parse, t_dump = _time_sample(tp, sample.payload, args.number)
        print(
            f"{sample.format:<12}{sample.kind:<10}{t_json:>9.1f}{t_parse:>10.1f}{t_dump:>9.1f}"
            f"{t_parse / t_json:>12.1f}{t_dump / t_json:>11.1f}"
        )


if __name__ == "__main__":
    main()
