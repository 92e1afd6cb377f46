"""``accumulate``: the final response a stream folds into, built with this package's models.

The stream is read by the format's own stream decoder (every event validated by its model, the
stream's order checked), the ir events folded by :func:`openai_claude_bridge.ir.accumulate`, and
the result written by the format's non-streaming response encoder: an anthropic ``Message``, a
chat ``ChatCompletion``, a Responses ``Response`` or a Completions ``Completion``. It agrees with
what the official SDKs' accumulators build from the same events (this project's tests compare
them); one difference: a tool call whose arguments were cut short (``max_tokens``) is refused by
the anthropic encoder, where the SDK parses the JSON partially.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from ... import ir
from ...convert import codec
from ...errors import BridgeError, InvalidInputError, TruncatedStreamError
from ...ir.accumulate import accumulate as accumulate_ir
from ...options import Format, check_format, make_options
from ...stream import _parse_event, _stream_class

__all__ = ["accumulate", "decode_stream"]


def accumulate(format: str, events: Iterable[Any]) -> BaseModel:
    """The final response ``events`` (a whole stream of ``format``: JSON objects or this
    package's event models) fold into, as ``format``'s response model.

    Unlike the checks, it raises: ``InvalidInputError`` for a stream that breaks its format's
    rules or ended with an error (it has no final response), ``TruncatedStreamError`` for one
    that stops before its end.
    """
    fmt = check_format(format)
    ir_events = decode_stream(fmt, events)
    last = ir_events[-1] if ir_events else None
    if isinstance(last, ir.StreamError):
        raise InvalidInputError(
            f"the stream ended with an error ({last.error.message}): it has no final response"
        )
    if not isinstance(last, ir.StreamEnded):
        raise TruncatedStreamError("the stream ends before its final event")
    return codec(fmt).encode_response(accumulate_ir(ir_events), make_options())


def decode_stream(fmt: Format, events: Iterable[Any]) -> list[ir.StreamEvent]:
    """``events`` read by ``fmt``'s stream decoder, through its ``finish()``."""
    decoder = _stream_class(fmt, "decode")()
    out: list[ir.StreamEvent] = []
    for i, event in enumerate(events):
        try:
            out += decoder.feed(_parse_event(fmt, event, i))
        except BridgeError as exc:
            if exc.event_index is None:
                exc.at_event(i)
            raise
    out += decoder.finish()
    return out
