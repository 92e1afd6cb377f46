"""Every public name is documented, and on the API reference pages.

Public means listed in the ``__all__`` of the package, of a format package (``anthropic``,
``chat``, ``responses``, ``completions``), of ``ir``, of the testing kit and of its strategies.
Documented means a docstring of its own: a class's or a function's ``__doc__`` not inherited (a
pydantic model or a dataclass without one has none, or the signature a dataclass makes up); a
type alias or a constant, which has no ``__doc__`` of its own, is documented by the ``#:`` comment
above its assignment or the string right after it (the API reference shows either: the griffe
extension ``docs/_griffe/reST_docstrings.py`` reads the comments). On the reference pages means a
``::: module`` directive of ``docs/reference/*.md`` renders it: the module's own directive
(without a ``members`` list, or with the name in it), or the directive of a module that exports
the same object.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference"
PUBLIC_MODULES = (
    "openai_claude_bridge",
    "openai_claude_bridge.anthropic",
    "openai_claude_bridge.chat",
    "openai_claude_bridge.responses",
    "openai_claude_bridge.completions",
    "openai_claude_bridge.ir",
    "openai_claude_bridge.testing",
    "openai_claude_bridge.testing.strategies",
)
DIRECTIVE = re.compile(r"^::: ([\w.]+)\n((?:[ \t]+.*\n|\n(?=[ \t]))*)", re.M)


def public_names() -> list[tuple[str, str]]:
    return [
        (module, name)
        for module in PUBLIC_MODULES
        for name in importlib.import_module(module).__all__
    ]


# --------------------------------------------------------------------------------- docstrings


def own_docstring(value: Any) -> str | None:
    """The docstring ``value`` has of its own, if it can have one at run time (a class, a
    function); ``...`` (Ellipsis) when it cannot (a type alias, a constant)."""
    if inspect.isclass(value):
        doc = value.__dict__.get("__doc__")
        if dataclasses.is_dataclass(value) and doc and doc.startswith(f"{value.__name__}("):
            return None  # the signature dataclasses write when there is no docstring
        return doc
    if inspect.isfunction(value) or inspect.ismethod(value) or inspect.isbuiltin(value):
        return value.__doc__
    return ...  # type: ignore[return-value]


@cache
def _tree(path: str) -> tuple[ast.Module, list[str]]:
    text = Path(path).read_text(encoding="utf-8")
    return ast.parse(text), text.splitlines()


def assignment_docs(name: str, value: Any) -> list[str]:
    """The ``#:`` comments above, or the string after, each module-level assignment of ``name``
    in a loaded module of the package whose attribute ``name`` is ``value``."""
    docs = []
    for module in list(sys.modules.values()):
        module_name = getattr(module, "__name__", "")
        if not module_name.startswith("openai_claude_bridge") or not _holds(module, name, value):
            continue
        path = getattr(module, "__file__", None)
        if not path:
            continue
        tree, lines = _tree(path)
        for index, statement in enumerate(tree.body):
            if name not in _targets(statement):
                continue
            docs.append(_comment_above(lines, statement.lineno) or _string_after(tree, index))
    return docs


def _holds(module: ModuleType, name: str, value: Any) -> bool:
    try:
        return module.__dict__.get(name, object()) is value
    except Exception:  # pragma: no cover - a module with an odd __dict__
        return False


def _targets(statement: ast.stmt) -> list[str]:
    match statement:
        case ast.Assign(targets=targets):
            return [t.id for t in targets if isinstance(t, ast.Name)]
        case ast.AnnAssign(target=ast.Name(id=target)):
            return [target]
        case _:
            return []


def _comment_above(lines: list[str], lineno: int) -> str:
    comment: list[str] = []
    index = lineno - 2
    while index >= 0 and lines[index].lstrip().startswith("#:"):
        comment.insert(0, lines[index].lstrip()[2:].strip())
        index -= 1
    return " ".join(comment)


def _string_after(tree: ast.Module, index: int) -> str:
    if index + 1 < len(tree.body):
        match tree.body[index + 1]:
            case ast.Expr(value=ast.Constant(value=str(text))):
                return text
    return ""


def undocumented(module_name: str, name: str) -> str | None:
    """Why ``module.name`` counts as undocumented, or ``None`` when it is documented."""
    value = getattr(importlib.import_module(module_name), name)
    doc = own_docstring(value)
    if doc is not ...:
        return None if doc and doc.strip() else "no docstring of its own"
    docs = assignment_docs(name, value)
    if not docs:
        return "no module-level assignment found to read a #: comment from"
    return None if any(doc.strip() for doc in docs) else "no #: comment above its assignment"


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_every_public_name_has_a_docstring(module: str) -> None:
    missing = {
        f"{module}.{name}": why
        for (owner, name) in public_names()
        if owner == module and (why := undocumented(owner, name)) is not None
    }
    assert not missing, missing


def test_dataclass_and_alias_rules_tell_documented_from_not() -> None:
    @dataclasses.dataclass
    class Bare:
        x: int

    @dataclasses.dataclass
    class Told:
        """Told."""

        x: int

    assert own_docstring(Bare) is None
    assert own_docstring(Told) == "Told."
    assert own_docstring(int | str) is ...
    lines = ["#: Said.", "#: Twice.", "X = 1", "Y = 2"]
    assert _comment_above(lines, 3) == "Said. Twice."
    assert _comment_above(lines, 4) == ""


# ------------------------------------------------------------------------ the reference pages


def directives() -> dict[str, list[str] | None]:
    """Each ``::: module`` of the reference pages: its ``members`` list, or ``None`` (all)."""
    found: dict[str, list[str] | None] = {}
    for page in sorted(REFERENCE.glob("*.md")):
        for match in DIRECTIVE.finditer(page.read_text(encoding="utf-8")):
            options = match.group(2)
            members = re.search(r"^\s+members:\s*\n((?:\s+- .*\n)+)", options, re.M)
            found[match.group(1)] = (
                re.findall(r"- (\S+)", members.group(1)) if members is not None else None
            )
    return found


def rendered(module_name: str, name: str, found: dict[str, list[str] | None]) -> bool:
    if f"{module_name}.{name}" in found:
        return True
    value = getattr(importlib.import_module(module_name), name)
    for target, members in found.items():
        try:
            module = importlib.import_module(target)
        except ModuleNotFoundError:
            continue
        exported = members if members is not None else getattr(module, "__all__", [])
        if name in exported and getattr(module, name, None) is value:
            return True
    return False


def test_every_public_name_is_on_a_reference_page() -> None:
    found = directives()
    missing = [f"{m}.{n}" for m, n in public_names() if not rendered(m, n, found)]
    assert not missing, missing


def test_every_directive_names_an_importable_object() -> None:
    for target in directives():
        module, _, attribute = target.rpartition(".")
        try:
            importlib.import_module(target)
        except ModuleNotFoundError:
            assert hasattr(importlib.import_module(module), attribute), target


def test_the_reference_pages_are_in_the_site_nav() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted(REFERENCE.glob("*.md")):
        assert f"reference/{page.name}" in nav, page.name
