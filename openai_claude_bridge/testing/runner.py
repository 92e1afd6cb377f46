"""Every check that applies to a sample, in every direction: what ``python -m
openai_claude_bridge check`` and the pytest plugin's ``--bridge-samples`` run.

A payload sample (request, response, error body) goes through :func:`.checks.check_conversion`
into each target format; a stream sample through :func:`.checks.check_stream_conversion` (which
also checks the target's stream rules, stream = non-stream, chunking and truncation). The source
format itself is a direction too: ``X -> X`` must give the sample back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..options import FORMATS, Format
from .checks import check_conversion, check_stream_conversion
from .samples import Sample
from .violations import Violation

__all__ = ["Outcome", "check_sample", "check_samples", "render_table"]


@dataclass(frozen=True)
class Outcome:
    """The violations one sample showed in one direction."""

    sample: Sample
    target: Format
    violations: tuple[Violation, ...]

    @property
    def direction(self) -> str:
        return f"{self.sample.format} -> {self.target}"


def check_sample(sample: Sample, target: Format, **options: Any) -> list[Violation]:
    """The violations of ``sample`` converted into ``target`` (``options``: the conversion's)."""
    if sample.kind == "stream":
        return check_stream_conversion(
            sample.payload, source=sample.format, target=target, **options
        )
    return check_conversion(
        sample.payload, source=sample.format, target=target, kind=sample.kind, **options
    )


def check_samples(
    samples: Iterable[Sample], *, targets: Sequence[Format] = FORMATS, **options: Any
) -> list[Outcome]:
    """Every sample checked in every direction into ``targets``."""
    return [
        Outcome(sample, target, tuple(check_sample(sample, target, **options)))
        for sample in samples
        for target in targets
    ]


def render_table(outcomes: Sequence[Outcome]) -> str:
    """A table of sample x target -> ``ok`` / the number of violations, then each violation."""
    targets = list(dict.fromkeys(outcome.target for outcome in outcomes))
    samples = list(dict.fromkeys(outcome.sample.name for outcome in outcomes))
    cells = {(o.sample.name, o.target): o for o in outcomes}
    width = max([len("sample"), *(len(name) for name in samples)])
    head = f"{'sample':<{width}}  {'from':<12}" + "".join(f"{t:>13}" for t in targets)
    lines = [head, "-" * len(head)]
    for name in samples:
        row = [cells[(name, t)] for t in targets if (name, t) in cells]
        source = row[0].sample.format if row else ""
        marks = [_mark(cells.get((name, t))) for t in targets]
        lines.append(f"{name:<{width}}  {source:<12}" + "".join(f"{m:>13}" for m in marks))
    failed = [o for o in outcomes if o.violations]
    total = len(outcomes)
    lines += ["", f"{total - len(failed)} of {total} sample x direction checks passed."]
    for outcome in failed:
        lines.append("")
        lines.append(f"{outcome.sample.name} ({outcome.direction}):")
        lines += [f"  {violation}" for violation in outcome.violations]
    return "\n".join(lines) + "\n"


def _mark(outcome: Outcome | None) -> str:
    if outcome is None:
        return "-"
    count = len(outcome.violations)
    return "ok" if count == 0 else f"{count} violation{'s' if count > 1 else ''}"
