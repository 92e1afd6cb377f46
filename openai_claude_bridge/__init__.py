"""openai_claude_bridge: translate between the Anthropic Messages API and OpenAI's Chat
Completions, Responses and legacy Completions APIs, with no I/O at all.

``convert_request`` / ``convert_response`` / ``convert_error`` / ``convert_token_count_*`` turn a
payload of one format into another through the neutral ``ir``; ``StreamConverter`` and
``SSETranscoder`` do the same for streams, event by event. The wire models live in the
per-format subpackages ``openai_claude_bridge.anthropic``, ``.chat``, ``.responses`` and
``.completions``; ``to_wire`` / ``from_wire`` move between them and JSON.
"""

from .convert import convert_error, convert_request, convert_response
from .errors import (
    BridgeError,
    InvalidInputError,
    StreamStateError,
    TruncatedStreamError,
    UnsupportedFeatureError,
)
from .options import FORMATS, Format, Loss, Options, ReasoningPolicy
from .stream import SSETranscoder, StreamConverter
from .token_count import convert_token_count_request, convert_token_count_response
from .wire import WireModel, from_wire, to_wire

__all__ = [
    "FORMATS",
    "BridgeError",
    "Format",
    "InvalidInputError",
    "Loss",
    "Options",
    "ReasoningPolicy",
    "SSETranscoder",
    "StreamConverter",
    "StreamStateError",
    "TruncatedStreamError",
    "UnsupportedFeatureError",
    "WireModel",
    "convert_error",
    "convert_request",
    "convert_response",
    "convert_token_count_request",
    "convert_token_count_response",
    "from_wire",
    "to_wire",
]

__version__ = "0.1.0.dev0"
