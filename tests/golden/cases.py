"""The golden corpus: hand-written conversations in every wire format that can express them.

Layout: ``corpus/<case>/<kind>.<format>.json`` where ``kind`` is ``request`` or ``response`` and
``format`` one of the four format codes. A case leaves a format out where that format cannot
express the conversation (e.g. legacy completions has no tools, Responses has no stop sequences).
Every corpus file is a strict instance of the official SDK type (checked by ``test_golden``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from openai_claude_bridge import convert_request, convert_response

Kind = Literal["request", "response"]

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
EXPECTED = HERE / "expected"
FORMATS = ("anthropic", "chat", "responses", "completions")
KINDS: tuple[Kind, ...] = ("request", "response")

#: The SDK_TYPES key (our type name) of each format's request and response.
TYPE_NAMES: dict[Kind, dict[str, str]] = {
    "request": {
        "anthropic": "MessageCreateParams",
        "chat": "CompletionCreateParams",
        "responses": "ResponseCreateParams",
        "completions": "CompletionCreateParams",
    },
    "response": {
        "anthropic": "Message",
        "chat": "ChatCompletion",
        "responses": "Response",
        "completions": "Completion",
    },
}

#: Deterministic ids and clock for every golden conversion.
DETERMINISTIC: dict[str, Any] = {
    "id_factory": lambda prefix: prefix + "test",
    "clock": lambda: 1700000000,
}


@dataclass(frozen=True)
class CorpusFile:
    """One hand-written payload of the corpus."""

    case: str
    kind: Kind
    fmt: str
    path: Path

    @property
    def payload(self) -> Any:
        return json.loads(self.path.read_text(encoding="utf-8"))

    def sibling(self, kind: Kind, fmt: str) -> Any | None:
        """The same case's payload of another kind / format, if the corpus has one."""
        path = CORPUS / self.case / f"{kind}.{fmt}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    @property
    def id(self) -> str:
        return f"{self.case}.{self.kind}.{self.fmt}"


def corpus_files() -> Iterator[CorpusFile]:
    """Every corpus payload, in a stable order."""
    for path in sorted(CORPUS.glob("*/*.json")):
        kind, fmt, _ = path.name.split(".")
        assert kind in KINDS and fmt in FORMATS, path
        yield CorpusFile(path.parent.name, kind, fmt, path)


def converter(kind: Kind) -> Callable[..., Any]:
    return convert_request if kind == "request" else convert_response
