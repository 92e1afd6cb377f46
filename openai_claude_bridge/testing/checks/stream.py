"""``check_stream``: the stream rules of one format, over a whole stream of its events.

Each format's rules and their names are in its own module: :mod:`.anthropic_stream`,
:mod:`.chat_stream`, :mod:`.responses_stream`, :mod:`.completions_stream`; every format also has
``stream.not_an_object`` (an event that is not a JSON object).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from typing_extensions import assert_never

from ...options import Format, check_format
from ..violations import Violation
from ._events import as_json
from .anthropic_stream import check_anthropic_stream
from .chat_stream import check_chat_stream
from .completions_stream import check_completions_stream
from .responses_stream import check_responses_stream

__all__ = ["check_stream"]


def check_stream(format: str, events: Iterable[Any], *, request: Any = None) -> list[Violation]:
    """The violations of ``format``'s stream rules (BEHAVIOR.md, "Stream rules of each target")
    in ``events``: a whole stream, as JSON objects (each SSE ``data:`` frame, without chat's
    ``[DONE]``) or this package's event models.

    ``request`` (the request the stream answers, JSON or model, in ``format``) lets the check
    hold chat and Completions streams to what it asked: a usage chunk exactly when it set
    ``stream_options.include_usage``. Never raises; ``[]`` means the stream keeps every rule.
    """
    fmt: Format = check_format(format)
    wire = as_json(events)
    match fmt:
        case "anthropic":
            return check_anthropic_stream(wire)
        case "chat":
            return check_chat_stream(wire, request=request)
        case "responses":
            return check_responses_stream(wire)
        case "completions":
            return check_completions_stream(wire, request=request)
        case _:
            assert_never(fmt)
