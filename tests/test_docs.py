"""The documentation is true to the code: every Python example in README.md and docs/ runs."""

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
