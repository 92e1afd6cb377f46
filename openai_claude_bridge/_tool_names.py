"""Tool names the OpenAI APIs accept, and the deterministic shortening of the ones they do not.

Chat Completions and Responses take function / custom tool names matching
``^[a-zA-Z0-9_-]{1,64}$``. Other formats allow longer names (Anthropic: 128 characters) or other
characters (MCP-style ``server.tool``). :func:`shorten` turns any name into a valid one:

* a valid name is returned unchanged;
* otherwise every character outside ``[a-zA-Z0-9_-]`` becomes ``_``, the result is cut to 55
  characters, and ``_`` plus the first 8 hex digits of the SHA-256 of the *original* name is
  appended (at most 64 characters). The hash keeps two names that differ only in the cut or
  replaced part apart.

The chat and Responses encoders shorten the names of another format's request (tools, tool
choices, tool calls in the history). The function is pure, so the encoders need no state: the
names are given back from the client's own request (``request=``) by :mod:`.._restore`, which
builds :func:`restore_map` once and looks each tool call's name up in it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

__all__ = ["MAX_NAME_LENGTH", "is_valid_name", "restore", "restore_map", "shorten"]

MAX_NAME_LENGTH = 64
_VALID = re.compile(r"[a-zA-Z0-9_-]{1,64}")
_INVALID_CHAR = re.compile(r"[^a-zA-Z0-9_-]")
_HASH_DIGITS = 8
_PREFIX_LENGTH = MAX_NAME_LENGTH - _HASH_DIGITS - 1


def is_valid_name(name: str) -> bool:
    """Whether chat and Responses accept ``name`` as a tool name as it is."""
    return _VALID.fullmatch(name) is not None


def shorten(name: str) -> str:
    """``name`` itself when chat and Responses accept it, else a valid, deterministic
    replacement."""
    if is_valid_name(name):
        return name
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_DIGITS]
    prefix = _INVALID_CHAR.sub("_", name)[:_PREFIX_LENGTH]
    return f"{prefix}_{digest}"


def restore_map(names: Iterable[str]) -> dict[str, str]:
    """Shortened name -> original name, for every name :func:`shorten` changes."""
    return {shorten(name): name for name in names if not is_valid_name(name)}


def restore(name: str, names: Iterable[str]) -> str:
    """The original of ``name`` among ``names`` (the request's tool names), else ``name``."""
    return restore_map(names).get(name, name)
