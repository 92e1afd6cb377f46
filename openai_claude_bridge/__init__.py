"""openai_claude_bridge: translate between the Anthropic Messages API and OpenAI's Chat
Completions, Responses and legacy Completions APIs, with no I/O at all.

The wire models live in the per-format subpackages ``openai_claude_bridge.anthropic``, ``.chat``,
``.responses`` and ``.completions``; ``to_wire`` / ``from_wire`` move between them and JSON.
"""

from .errors import (
    BridgeError,
    InvalidInputError,
    StreamStateError,
    TruncatedStreamError,
    UnsupportedFeatureError,
)
from .options import FORMATS, Format, Loss, Options, ReasoningPolicy
from .wire import WireModel, from_wire, to_wire

__all__ = [
    "FORMATS",
    "BridgeError",
    "Format",
    "InvalidInputError",
    "Loss",
    "Options",
    "ReasoningPolicy",
    "StreamStateError",
    "TruncatedStreamError",
    "UnsupportedFeatureError",
    "WireModel",
    "from_wire",
    "to_wire",
]

__version__ = "0.1.0.dev0"
