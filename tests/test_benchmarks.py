"""The speed benchmark runs (``python -m benchmarks --quick``, a smoke run): it prints every
table with a row for every direction and writes the performance page where ``--output`` says.
Its timings are not checked (that is the benchmark's job, not a test's). The library itself never
imports orjson (the benchmark's floor does)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from openai_claude_bridge import FORMATS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "openai_claude_bridge"
SAMPLES = ROOT.parent / "shared" / "samples"
DIRECTIONS = [(source, target) for source in FORMATS for target in FORMATS]
TITLES = (
    "Streams: the realistic stream",
    "`convert_request`",
    "`convert_response`",
    "Memory held by a transcoder",
    "Summary of the targets",
)


class Run:
    """One quick run: its exit status, its output and the page it wrote."""

    def __init__(self, tmp: Path) -> None:
        self.page_path = tmp / "sub" / "performance.md"
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks", "--quick", "--output", str(self.page_path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        self.status, self.stdout, self.stderr = done.returncode, done.stdout, done.stderr
        self.page = self.page_path.read_text(encoding="utf-8") if self.page_path.exists() else ""


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return Run(tmp_path_factory.mktemp("bench"))


def _tables(text: str) -> dict[str, list[tuple[str, ...]]]:
    """Each ``### title`` of ``text`` and the first two cells of its table's rows."""
    tables: dict[str, list[tuple[str, ...]]] = {}
    for block in re.split(r"^### ", text, flags=re.M)[1:]:
        title, _, body = block.partition("\n")
        rows = [line.strip("|").split("|") for line in body.splitlines() if line.startswith("|")]
        tables[title] = [tuple(cell.strip() for cell in row[:2]) for row in rows[2:]]
    return tables


def _table(tables: dict[str, list[tuple[str, ...]]], start: str) -> list[tuple[str, ...]]:
    found = [rows for title, rows in tables.items() if title.startswith(start)]
    assert len(found) == 1, f"one table titled {start!r}, found {sorted(tables)}"
    return found[0]


def test_quick_run_exits_zero_and_writes_the_page_where_told(run: Run) -> None:
    assert run.status == 0, run.stderr
    assert run.page_path.exists()
    assert f"Wrote {run.page_path}" in run.stdout


@pytest.mark.parametrize("title", TITLES)
def test_every_table_has_every_direction_in_the_output_and_the_page(run: Run, title: str) -> None:
    for text in (run.stdout, run.page):
        rows = _table(_tables(text), title)
        assert rows == DIRECTIONS


def test_no_direction_is_skipped(run: Run) -> None:
    summary = run.stdout[run.stdout.index("### Summary of the targets") :]
    cells = [line for line in summary.splitlines() if line.startswith("| ")]
    assert len(cells) == 1 + len(DIRECTIONS)
    assert not [line for line in cells if "skipped" in line]


def test_recorded_streams_have_a_row_per_target_when_the_samples_are_there(run: Run) -> None:
    tables = _tables(run.stdout)
    recorded = [t for t in tables if t.startswith("Streams: recorded traffic")]
    if not (SAMPLES / "anthropic").is_dir():
        assert recorded == []
        return
    assert _table(tables, "Streams: recorded traffic") == [
        (source, target) for source in ("anthropic", "chat") for target in FORMATS
    ]


def test_the_page_gives_the_machine_the_command_the_date_and_the_context(run: Run) -> None:
    page = run.page
    assert "- command: `python -m benchmarks --quick`" in page
    assert re.search(r"^- date: \d{4}-\d\d-\d\d$", page, re.M)
    assert re.search(r"^- machine: .*\d+ CPUs; CPython 3\.\d+", page, re.M)
    for peer in ("LiteLLM", "openai-agents", "before the speed work", "the floor"):
        assert peer in page
    hand_written = (ROOT / "benchmarks" / "what_was_optimised.md").read_text(encoding="utf-8")
    assert "## What was optimised" in page
    assert hand_written.strip() in page
    assert not re.search(r"\$[a-z{]", page)  # every template field was filled


def test_the_date_can_be_passed_in(tmp_path: Path) -> None:
    from benchmarks.__main__ import write_page
    from benchmarks.suite import Table

    table = Table("A table", ("source", "target"), 2, [("chat", "chat")])
    out = tmp_path / "page.md"
    write_page(out, [table], date="2026-01-02", cmd="python -m benchmarks", seconds=1.0)
    page = out.read_text(encoding="utf-8")
    assert "- date: 2026-01-02" in page
    assert "### A table\n\n| source | target |\n|---|---|\n| chat | chat |" in page


def test_the_library_never_imports_orjson() -> None:
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not any(name.split(".")[0] == "orjson" for name in names), path
