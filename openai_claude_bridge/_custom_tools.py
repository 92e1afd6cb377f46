"""Custom (free-text) tools for servers that only have function tools.

A Responses or chat ``custom`` tool takes raw text, optionally constrained by a grammar (Codex's
``apply_patch`` has a Lark grammar). Anthropic, and chat servers other than OpenAI's (the
``reasoning_content`` and ``openrouter`` dialects), have function tools only. For them a custom
tool becomes a *stand-in*: a function tool of the same name and description that takes one
string parameter, ``input``::

    {"type": "object",
     "properties": {"input": {"type": "string", "description": <the input format, in words>}},
     "required": ["input"], "additionalProperties": false}

* The grammar cannot be enforced: it goes into the ``input`` property's description, where the
  model reads it, and the lost constraint is reported once per tool at the tool's ``format``
  (:func:`lose_format`). A ``text`` format (or none) constrains nothing and loses nothing.
* A custom call in the history with raw input ``R`` is sent as a call of the stand-in with the
  arguments ``{"input": R}`` (:func:`stand_in_input`, :func:`stand_in_arguments`); its output is
  an ordinary tool result.
* On the way back the stand-in's calls become custom calls again, given the client's request
  (:mod:`._restore`). :class:`InputReader` reads the call's JSON arguments fragment by fragment and
  gives the raw input as it arrives (:mod:`._json_string` decodes the string value).

The reading rule, the same whole or streamed: the arguments stand for a custom call when they are
a JSON object whose *first* member is ``input`` with a string value (the first few characters
decide, so a stream never has to wait for the end). Anything else is left as a function call.
Arguments cut off or broken after that point, or members after ``input``, are reported; the raw
input is what was read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

from . import ir
from ._codec import is_own
from ._json_string import JSONStringDecoder
from .options import Options
from .wire import json_path

__all__ = [
    "INPUT",
    "InputReader",
    "lose_format",
    "read_input",
    "stand_in_arguments",
    "stand_in_input",
    "stand_in_schema",
]

INPUT: Final = "input"
"""The one parameter of a stand-in function tool."""

_WHITESPACE: Final = " \t\n\r"
_TEXT_INPUT: Final = "The tool's input: free-form text."


def _format_parts(fmt: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """The grammar ``(syntax, definition)`` of a custom tool's format (the ir's flat Responses
    shape or chat's nested ``grammar``), ``(None, None)`` for text or no format."""
    if fmt is None or fmt.get("type") != "grammar":
        return None, None
    grammar = fmt.get("grammar")
    source = grammar if isinstance(grammar, Mapping) else fmt
    syntax, definition = source.get("syntax"), source.get("definition")
    return (
        syntax if isinstance(syntax, str) else None,
        definition if isinstance(definition, str) else None,
    )


def _input_description(fmt: Mapping[str, Any] | None) -> str:
    syntax, definition = _format_parts(fmt)
    if definition is None:
        return _TEXT_INPUT
    if syntax == "regex":
        return f"The tool's raw input, which must match this regular expression: {definition}"
    name = "Lark" if syntax in (None, "lark") else syntax
    return f"The tool's raw input, which must follow this {name} grammar:\n{definition}"


def stand_in_schema(tool: ir.Tool) -> dict[str, Any]:
    """The JSON schema of the function tool standing in for the custom ``tool``."""
    prop = {"type": "string", "description": _input_description(tool.custom_format)}
    return {
        "type": "object",
        "properties": {INPUT: prop},
        "required": [INPUT],
        "additionalProperties": False,
    }


def lose_format(tool: ir.Tool, options: Options, target: str) -> None:
    """Report that the stand-in for ``tool`` cannot enforce its input format (when it has one
    that constrains anything)."""
    fmt = tool.custom_format
    if fmt is None or fmt.get("type") == "text":
        return
    where = ["custom", "format"] if is_own(tool, "chat") else ["format"]
    reason = (
        f"{target} has no custom tools: {tool.name!r} became a function taking one string"
        f" '{INPUT}', and its {fmt.get('type')} input format is only described to the model,"
        " not enforced"
    )
    options.lose(json_path(where, tool.path), "custom_tool.format", reason)


def stand_in_input(raw: str) -> dict[str, str]:
    """The arguments object of a stand-in call for the raw input ``raw``."""
    return {INPUT: raw}


def stand_in_arguments(raw: str) -> str:
    """:func:`stand_in_input` as JSON text."""
    return json.dumps(stand_in_input(raw), ensure_ascii=False, separators=(",", ":"))


#: Where the head ``{ "input" : "`` of stand-in arguments stands.
_OBJECT, _KEY, _NAME, _COLON, _VALUE = range(5)
_EXPECTED: Final = {_OBJECT: "{", _KEY: '"', _COLON: ":", _VALUE: '"'}


class InputReader:
    """Reads a stand-in call's JSON arguments fragment by fragment (see the module docstring).

    :attr:`verdict` is ``None`` until the first characters decide: ``True`` when the arguments
    open an object whose first member is ``input`` with a string value (``feed`` then returns the
    raw input's characters as they become certain), ``False`` otherwise (``feed`` returns
    nothing: the call stays a function call). :meth:`finish` ends the arguments."""

    __slots__ = ("_key", "_name", "_step", "_value", "verdict")

    def __init__(self) -> None:
        self.verdict: bool | None = None
        self._step = _OBJECT
        self._name = JSONStringDecoder()
        self._key = ""
        self._value = JSONStringDecoder()

    def feed(self, fragment: str) -> str:
        """The raw input characters ``fragment`` makes certain."""
        if self.verdict is None:
            fragment = self._head(fragment)
        return self._value.feed(fragment) if self.verdict else ""

    def _head(self, text: str) -> str:
        """Read the head ``{ "input" : "``; the text after it once it is read."""
        i = 0
        while self.verdict is None and i < len(text):
            if self._step == _NAME:
                text, i = self._member_name(text[i:]), 0
                continue
            char = text[i]
            i += 1
            if char in _WHITESPACE:
                continue
            if char != _EXPECTED[self._step]:
                self.verdict = False
            elif self._step == _VALUE:
                self.verdict = True
            else:
                self._step += 1
        return text[i:]

    def _member_name(self, text: str) -> str:
        """Read the first member's name; the text after it once it is read."""
        self._key += self._name.feed(text)
        if self._name.error is not None or not INPUT.startswith(self._key):
            self.verdict = False
        elif self._name.closed:
            if self._key == INPUT:
                self._step = _COLON
                return self._name.rest
            self.verdict = False
        return ""

    def finish(self) -> str | None:
        """The end of the arguments: why they are not exactly ``{"input": <string>}`` (a problem
        to report), or ``None``. An undecided reader decides ``False``."""
        if self.verdict is None:
            self.verdict = False
        if not self.verdict:
            return f"the arguments are not a JSON object whose first member is a string {INPUT!r}"
        value = self._value
        if value.error is not None:
            return f"the {INPUT!r} string is broken ({value.error}); what came before was kept"
        if not value.closed:
            return f"the arguments were cut off inside the {INPUT!r} string; what came was kept"
        try:
            members = json.loads(f'{{"{INPUT}":""{value.rest}', object_pairs_hook=list)
        except (ValueError, RecursionError):
            return f"the arguments after the {INPUT!r} string are not valid JSON; they were dropped"
        extra = [name for name, _ in members[1:]]
        if extra:
            return f"members other than {INPUT!r} were dropped: {', '.join(map(repr, extra))}"
        return None


def read_input(arguments: str) -> tuple[str | None, str | None]:
    """The raw input the whole ``arguments`` of a stand-in call carry (``None``: they stand for
    no custom call), and the problem to report (see :meth:`InputReader.finish`)."""
    reader = InputReader()
    text = reader.feed(arguments)
    problem = reader.finish()
    return (text if reader.verdict else None), problem
