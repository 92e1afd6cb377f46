"""The documentation is true to the code: every Python example in README.md and docs/ runs, and
CI (`.ci/run`) runs the README's commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _examples() -> list[object]:
    params = []
    for path in DOCS:
        for n, match in enumerate(BLOCK.finditer(path.read_text(encoding="utf-8")), 1):
            params.append(pytest.param(match.group(1), id=f"{path.name}#{n}"))
    return params


@pytest.mark.parametrize("code", _examples())
def test_example_runs(code: str) -> None:
    exec(compile(code, "<doc example>", "exec"), {})


def _command(line: str) -> str:
    """A shell command without its quiet flags and its venv set-up (CI makes its own venv)."""
    line = line.rsplit("/bin/activate && ", maxsplit=1)[-1]
    return " ".join(word for word in line.split() if word not in ("-q", "--quiet"))


def test_ci_runs_exactly_the_readme_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^```bash\n(.*?)^```", readme, re.S | re.M)
    assert block is not None and readme.index(block.group(0)) < readme.index("\n## ")
    commands = [_command(line) for line in block.group(1).splitlines()]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    ci_commands = [_command(line) for line in ci if line and not line.startswith(("#", " "))]
    assert [c for c in ci_commands if c in commands] == commands
