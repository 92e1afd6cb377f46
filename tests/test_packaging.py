"""The package's metadata: the console script, and what ``.ci/package`` builds and checks."""

from __future__ import annotations

import importlib
import io
import re
from pathlib import Path

import pytest

from openai_claude_bridge.__main__ import SCRIPT, build_parser, program_name

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _table(name: str) -> str:
    """The body of one ``[table]`` of pyproject.toml (no tomllib: Python 3.10 lacks it)."""
    match = re.search(rf"^\[{re.escape(name)}\]\n(.*?)(?=^\[|\Z)", PYPROJECT, re.S | re.M)
    assert match is not None, f"pyproject.toml has no [{name}]"
    return match.group(1)


def test_the_console_script_runs_main_and_returns_its_exit_code() -> None:
    scripts = dict(re.findall(r'^([\w-]+) = "([^"]+)"', _table("project.scripts"), re.M))
    assert list(scripts) == [SCRIPT]
    module_name, _, function_name = scripts[SCRIPT].partition(":")
    entry = getattr(importlib.import_module(module_name), function_name)
    out = io.StringIO()
    assert entry(["demo"], out=out) == 0  # the console wrapper does sys.exit(entry())
    assert "Every built-in sample through every direction" in out.getvalue()


@pytest.mark.parametrize(
    ("argv0", "prog"),
    [
        ("/venv/bin/openai-claude-bridge", "openai-claude-bridge"),
        ("/venv/Scripts/openai-claude-bridge.exe", "openai-claude-bridge"),
        ("/repo/openai_claude_bridge/__main__.py", "python -m openai_claude_bridge"),
        ("", "python -m openai_claude_bridge"),
    ],
)
def test_usage_names_the_command_as_it_was_run(argv0: str, prog: str) -> None:
    assert program_name(argv0) == prog
    assert build_parser(program_name(argv0)).format_usage().startswith(f"usage: {prog} ")


def test_metadata_names_keywords_and_the_docs_extra() -> None:
    project = _table("project")
    assert re.search(r"^keywords = \[", project, re.M)
    for word in ("anthropic", "openai", "claude"):
        assert f'"{word}"' in project
    extras = _table("project.optional-dependencies")
    docs = re.search(r"^docs = \[(.*)\]$", extras, re.M)
    assert docs is not None
    for requirement in ("mkdocs==", "mkdocs-material==", "mkdocstrings==", "mkdocstrings-python=="):
        assert requirement in docs.group(1)


def test_ci_scripts_for_the_site_and_the_package_exist_and_are_strict() -> None:
    docs = (ROOT / ".ci" / "docs").read_text(encoding="utf-8")
    assert "set -euo pipefail" in docs and "mkdocs build --strict" in docs
    package = (ROOT / ".ci" / "package").read_text(encoding="utf-8")
    assert "set -euo pipefail" in package and "-m build" in package
    for command in ("openai-claude-bridge demo", "python -m openai_claude_bridge demo"):
        assert command in package
