"""The documentation is true to the code: every Python example in README.md and in every page under
docs/ (the guide, the scripts, the reference …) runs, and CI (`.ci/run`) runs the README's
commands."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _pages() -> list[object]:
    return [
        pytest.param(path, id=path.relative_to(ROOT).as_posix())
        for path in DOCS
        if BLOCK.search(path.read_text(encoding="utf-8"))
    ]


@pytest.mark.parametrize("path", _pages())
def test_examples_run(path: Path) -> None:
    """A page's examples run in order in one namespace, as a reader goes through the page (a
    later example may use what an earlier one defined); then each test function they define that
    takes no argument (a hypothesis test) runs. One that takes a fixture is run by the test of
    the plugin that gives it (``tests/testing/test_plugin.py``)."""
    page = path.relative_to(ROOT).with_suffix("").as_posix()
    namespace: dict[str, Any] = {"__name__": page.replace("/", ".")}
    for n, match in enumerate(BLOCK.finditer(path.read_text(encoding="utf-8")), 1):
        code = compile(match.group(1), f"<{page}.md example {n}>", "exec")
        exec(code, namespace)
    for name, value in namespace.items():
        if name.startswith("test_") and callable(value) and not _parameters(value):
            value()


def test_every_page_under_docs_is_collected() -> None:
    """The pages of the guide and the scripts page are among the pages whose examples run."""
    pages = {param.id for param in _pages()}  # type: ignore[attr-defined]
    for page in ("docs/guide/first-conversion.md", "docs/guide/streams.md", "docs/scripts.md"):
        assert page in pages


def _parameters(function: Callable[..., Any]) -> list[str]:
    return list(inspect.signature(function).parameters)


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
