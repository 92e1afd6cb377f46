"""A griffe extension that lets mkdocstrings render this package's docstrings as the code writes
them (the API reference pages, ``docs/reference/``).

* ``#:`` comments above a module-level assignment are that name's documentation (the Sphinx
  convention the package uses for type aliases and constants): they become its docstring.
* Sphinx roles (``:class:`Foo```, ``:func:`~.bar```, ``:data:`X```) become plain code spans
  (``Foo``, ``bar``, ``X``); ``double backticks`` are already Markdown code spans.

Loaded by ``mkdocs.yml`` (``plugins.mkdocstrings.handlers.python.options.extensions``); the
documentation build (``.ci/docs``) is its only user.
"""

from __future__ import annotations

import ast
import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?[a-z]+:`~?\.?([^`<]+?)(?:\s*<[^>]+>)?`")
_COMMENT = "#:"


def _strip_roles(text: str) -> str:
    """``:class:`~.wire.WireModel``` -> ```WireModel``` (the last dotted part after a ``~``)."""

    def code(match: re.Match[str]) -> str:
        whole = match.group(0)
        target = match.group(1).strip()
        if "`~" in whole:
            target = target.rsplit(".", 1)[-1]
        return f"``{target}``"

    return _ROLE.sub(code, text)


class ReSTDocstrings(griffe.Extension):
    """``#:`` comments as attribute docstrings; Sphinx roles as code spans."""

    def on_attribute_instance(
        self, *, node: ast.AST | griffe.ObjectNode, attr: griffe.Attribute, **kwargs: Any
    ) -> None:
        """Give an undocumented attribute the ``#:`` comment lines right above it."""
        if attr.docstring is not None or not isinstance(node, ast.AST) or attr.lineno is None:
            return
        try:
            lines = attr.lines_collection[attr.filepath]  # type: ignore[index]
        except (KeyError, TypeError):
            return
        comment: list[str] = []
        index = attr.lineno - 2
        while index >= 0 and lines[index].lstrip().startswith(_COMMENT):
            comment.insert(0, lines[index].lstrip()[len(_COMMENT) :].strip())
            index -= 1
        if comment:
            attr.docstring = griffe.Docstring(
                "\n".join(comment), lineno=index + 2, endlineno=attr.lineno - 1, parent=attr
            )

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the roles of every docstring once the tree is built."""
        if obj.docstring is not None:
            obj.docstring.value = _strip_roles(obj.docstring.value)
