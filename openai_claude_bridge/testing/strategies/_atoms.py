"""The small pieces every generated payload is made of: texts, ids, opaque tokens, images, tools.

* **Texts** read like model and user prose (words, punctuation, line breaks) and carry the
  characters that break naive code: accents, CJK, emoji (some made of several code points: ZWJ
  sequences, flags, a letter with a combining accent), quotes and backslashes. They never lack a
  non-blank character (the Messages API refuses blank text blocks) and never hold a surrogate
  (JSON cannot carry one alone).
* **Fragments** split a text the way a server streams it: pieces of varied sizes, cut anywhere
  between code points, often right next to a multi-byte character.
* **Ids** look like each server's own (``toolu_01…``, ``call_…``, ``chatcmpl-…``, ``resp_…``)
  and are unique within a payload by construction (:class:`Ids` numbers them from one drawn seed).
* **Opaque tokens** (thinking signatures, encrypted reasoning, redacted thinking) are base64 like
  the real ones; nothing checks them but the server that made them.
* **Tools** come from a small catalog of realistic function tools (:data:`TOOLS`), each with a
  JSON schema and a strategy for arguments that satisfy it.
"""

from __future__ import annotations

import base64
import functools
import itertools
import json
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

__all__ = [
    "BASE62",
    "HEX",
    "SCHEMAS",
    "TOOLS",
    "Ids",
    "Image",
    "OutputSchema",
    "ToolSpec",
    "arguments",
    "arguments_json",
    "encrypted_contents",
    "fragments",
    "images",
    "prose",
    "signatures",
    "titles",
    "urls",
]

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
HEX = "0123456789abcdef"

# --------------------------------------------------------------------------- texts

_WORDS = (
    "the", "a", "weather", "in", "Paris", "is", "sunny", "today", "let", "me", "check", "file",
    "config", "line", "error", "fixed", "tests", "pass", "I'll", "read", "it", "now", "and",
    "then", "run", "OK", "done", "München", "naïve", "café", "Ελλάδα", "données", "Zürich",
    "東京", "天気", "日本語", "中文", "한국어", "עברית", "العربية", "😀", "👍", "👩‍💻", "🇫🇷",
    "e\u0301", "ß", "Ω", "x²", "—", "…", "“quoted”", "¿qué?", "`code`", "{\"k\": 1}", "<tag>",
    "&amp;", "C:\\path", "50%", "3.14", "\t", "\u00a0", "\u200b",
)  # fmt: skip
_PUNCTUATION = ("", "", "", ".", ",", "!", "?", ":", ";", "\n", "\n\n")

_word = st.sampled_from(_WORDS)
_rare = st.characters(exclude_categories=["Cs", "Cc", "Co", "Cn"], max_codepoint=0x2FFFF).filter(
    lambda c: not c.isspace()
)
_token = st.tuples(st.one_of(_word, _word, _word, _rare), st.sampled_from(_PUNCTUATION)).map(
    "".join
)


@functools.cache
def prose(max_words: int = 12) -> st.SearchStrategy[str]:
    """Text with at least one non-blank character: words, punctuation, line breaks and the
    characters that break naive code."""
    return st.lists(_token, min_size=1, max_size=max_words).map(_join_words).filter(str.strip)


def _join_words(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        out += token if not out or out.endswith("\n") else " " + token
    return out


@functools.cache
def titles() -> st.SearchStrategy[str]:
    """Short titles (web pages, documents)."""
    return prose(5).map(lambda text: text.replace("\n", " ").strip() or "Untitled")


@functools.cache
def urls() -> st.SearchStrategy[str]:
    """https URLs of reserved example domains."""
    hosts = st.sampled_from(["example.com", "example.org", "docs.example.net", "例え.example"])
    paths = st.lists(
        st.sampled_from(["news", "wiki", "2025", "weather", "paris", "a-b"]), min_size=1, max_size=3
    )
    return st.builds(lambda host, path: f"https://{host}/{'/'.join(path)}", hosts, paths)


@st.composite
def fragments(draw: st.DrawFn, text: str) -> list[str]:
    """``text`` cut into non-empty pieces of varied sizes, as a server streams it: anywhere
    between code points, often right next to a multi-byte character (``[""]`` for ``""``)."""
    if len(text) < 2:
        return [text]
    wide = [i for i, char in enumerate(text) if ord(char) > 0x7F]
    near = sorted({p for i in wide for p in (i, i + 1) if 0 < p < len(text)})
    anywhere = st.integers(1, len(text) - 1)
    points = st.one_of(anywhere, st.sampled_from(near)) if near else anywhere
    mean = draw(st.sampled_from([1, 3, 8, 24]), label="piece size")
    cuts = draw(st.sets(points, max_size=max(1, len(text) // mean)), label="cuts")
    bounds = [0, *sorted(cuts), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


# --------------------------------------------------------------------------- ids


_ODD = 0x9E3779B97F4A7C15F39CC0605CEDC835  # any odd number: multiplying by it is a bijection


@dataclass
class Ids:
    """Ids unique within one payload: the n-th id is a bijection of ``seed xor n``, written in
    the id's alphabet, so two ids never collide and a shrunk seed still gives distinct ids."""

    seed: int
    _count: itertools.count[int] = field(default_factory=itertools.count)

    def make(self, prefix: str, length: int = 24, alphabet: str = BASE62) -> str:
        """A new id: ``prefix`` and ``length`` characters of ``alphabet`` (the first ones
        unique to this id, the rest filled from it)."""
        value = ((self.seed ^ next(self._count)) * _ODD) % 2**128
        filler = random.Random(value)
        digits = []
        for _ in range(length):
            if value:
                value, digit = divmod(value, len(alphabet))
            else:
                digit = filler.randrange(len(alphabet))
            digits.append(alphabet[digit])
        return prefix + "".join(digits)

    def uuid(self) -> str:
        """A new id shaped like a UUID (DeepSeek's completion ids, xAI's response ids)."""
        h = self.make("", 32, HEX)
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


# --------------------------------------------------------------------------- opaque tokens


def _base64(prefix: bytes, *, min_size: int, max_size: int, urlsafe: bool = False) -> Any:
    encode = base64.urlsafe_b64encode if urlsafe else base64.b64encode
    return st.binary(min_size=min_size, max_size=max_size).map(
        lambda raw: encode(prefix + raw).decode("ascii")
    )


@functools.cache
def signatures() -> st.SearchStrategy[str]:
    """Thinking signatures (and redacted thinking data) shaped like Anthropic's: base64 that
    starts with ``Eq``."""
    strategy: st.SearchStrategy[str] = _base64(b"\x12\xa4", min_size=24, max_size=64)
    return strategy


@functools.cache
def encrypted_contents() -> st.SearchStrategy[str]:
    """Encrypted reasoning shaped like OpenAI's ``encrypted_content``: url-safe base64 that
    starts with ``gAAAAAB``."""
    strategy: st.SearchStrategy[str] = _base64(
        b"\x80\x00\x00\x00\x00", min_size=24, max_size=64, urlsafe=True
    )
    return strategy


# --------------------------------------------------------------------------- images

_MAGIC = {
    "image/png": b"\x89PNG\r\n\x1a\n",
    "image/jpeg": b"\xff\xd8\xff\xe0",
    "image/gif": b"GIF89a",
    "image/webp": b"RIFF\x00\x00\x00\x00WEBP",
}


@dataclass(frozen=True)
class Image:
    """An image: inline base64 of ``media_type`` or a URL."""

    media_type: str
    data: str | None = None
    url: str | None = None

    @property
    def data_url(self) -> str:
        """The ``data:`` URL (inline images) or the URL."""
        return f"data:{self.media_type};base64,{self.data}" if self.data else str(self.url)


@st.composite
def _images(draw: st.DrawFn) -> Image:
    media_type = draw(st.sampled_from(sorted(_MAGIC)))
    if draw(st.booleans(), label="by url"):
        extension = media_type.split("/")[1]
        return Image(media_type, url=f"{draw(urls())}/image.{extension}")
    raw = _MAGIC[media_type] + draw(st.binary(min_size=4, max_size=24))
    return Image(media_type, data=base64.b64encode(raw).decode("ascii"))


# --------------------------------------------------------------------------- tools


@dataclass(frozen=True)
class ToolSpec:
    """A function tool: name, description, JSON schema of its arguments."""

    name: str
    description: str
    schema: Mapping[str, Any]

    @property
    def strict_ok(self) -> bool:
        """Whether the schema fits OpenAI's strict mode (every property required, no others)."""
        return _strict_ok(self.schema)


@functools.cache
def images() -> st.SearchStrategy[Image]:
    """A small inline image (bytes that start like the media type's files) or an image URL."""
    return _images()


def _strict_ok(schema: Mapping[str, Any]) -> bool:
    if schema.get("type") == "array":
        return _strict_ok(schema.get("items", {}))
    if schema.get("type") != "object":
        return True
    properties: Mapping[str, Any] = schema.get("properties", {})
    return (
        schema.get("additionalProperties") is False
        and set(schema.get("required", ())) == set(properties)
        and all(_strict_ok(sub) for sub in properties.values())
    )


def _object(required: dict[str, Any], optional: dict[str, Any] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {**required, **(optional or {})},
        "required": list(required),
    }
    if not optional:
        schema["additionalProperties"] = False
    return schema


_STRING = {"type": "string"}

#: Realistic function tools: what coding agents and chat apps declare.
TOOLS: tuple[ToolSpec, ...] = (
    ToolSpec(
        "get_weather",
        "Get the current weather for a city.",
        _object(
            {"city": {"type": "string", "description": "City name, e.g. München"}},
            {
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
                "days": {"type": "integer", "minimum": 1, "maximum": 7},
            },
        ),
    ),
    ToolSpec(
        "read_file",
        "Read a file from the workspace.",
        _object({"path": _STRING}, {"offset": {"type": "integer", "minimum": 0}}),
    ),
    ToolSpec(
        "run_command",
        "Run a shell command and return its output.",
        _object({"command": _STRING, "timeout_ms": {"type": "integer", "minimum": 1}}),
    ),
    ToolSpec(
        "search_docs",
        "Search the documentation.",
        _object(
            {"query": _STRING},
            {
                "tags": {"type": "array", "items": _STRING},
                "filters": _object({"lang": _STRING, "exact": {"type": "boolean"}}),
            },
        ),
    ),
    ToolSpec("get_time", "The current time (no arguments).", _object({})),
    ToolSpec(
        "set_temperature",
        "Set the thermostat.",
        _object({"celsius": {"type": "number"}, "room": {"type": ["string", "null"]}}),
    ),
)


@dataclass(frozen=True)
class OutputSchema:
    """A structured-output format: name and JSON schema (strict-mode ready)."""

    name: str
    schema: Mapping[str, Any]


#: JSON schemas for structured output.
SCHEMAS: tuple[OutputSchema, ...] = (
    OutputSchema("answer", _object({"answer": _STRING, "confidence": {"type": "number"}})),
    OutputSchema(
        "todo_list",
        _object(
            {
                "items": {
                    "type": "array",
                    "items": _object({"title": _STRING, "done": {"type": "boolean"}}),
                }
            }
        ),
    ),
)


def _value(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Values that satisfy ``schema`` (the subset of JSON Schema the catalog uses)."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of([_value({**schema, "type": k}) for k in kind])
    match kind:
        case "string":
            return prose(4)
        case "integer":
            return st.integers(schema.get("minimum", -1000), schema.get("maximum", 10**6))
        case "number":
            return st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: round(x, 3))
        case "boolean":
            return st.booleans()
        case "null":
            return st.none()
        case "array":
            return st.lists(_value(schema.get("items", {})), max_size=3)
        case "object":
            return _object_value(schema)
    return st.none()


def _object_value(schema: Mapping[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties: Mapping[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", ()))
    return st.fixed_dictionaries(
        {name: _value(sub) for name, sub in properties.items() if name in required},
        optional={name: _value(sub) for name, sub in properties.items() if name not in required},
    )


def arguments(spec: ToolSpec) -> st.SearchStrategy[dict[str, Any]]:
    """Arguments that satisfy ``spec``'s schema (the catalog's are built once)."""
    built = _CATALOG_ARGUMENTS.get(id(spec))
    return built if built is not None else _object_value(spec.schema)


_CATALOG_ARGUMENTS = {id(spec): _object_value(spec.schema) for spec in TOOLS}


@st.composite
def arguments_json(draw: st.DrawFn, value: Mapping[str, Any]) -> str:
    """The JSON text a model writes for ``value``: compact or spaced, non-ASCII raw or escaped."""
    spaced = draw(st.booleans(), label="spaced json")
    ascii_only = draw(st.booleans(), label="ascii json")
    separators = (", ", ": ") if spaced else (",", ":")
    return json.dumps(value, separators=separators, ensure_ascii=ascii_only)
