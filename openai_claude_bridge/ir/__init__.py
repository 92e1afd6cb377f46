"""The bridge's own neutral model: the hub every conversion passes through.

A superset, not a lowest common denominator: whatever two formats can both express passes through
it intact (reasoning signatures, encrypted reasoning, citations, cache hints, tool-result images,
refusals); whatever only one format has rides along in a node's ``extra`` (or as a
``NativePart``) tagged with that format, so ``X -> ir -> X`` is exact. See ``docs/ir.md``.
"""

from .base import EMPTY_EXTRA, Extra, Node, extra_for, with_extra
from .content import (
    AudioPart,
    CacheHint,
    Citation,
    CitationKind,
    DocumentPart,
    ImagePart,
    MediaSource,
    NativePart,
    Part,
    ReasoningPart,
    RefusalPart,
    TextPart,
    TokenLogprob,
    ToolCallKind,
    ToolCallPart,
    ToolResultPart,
)
from .errors import ApiError, ErrorKind
from .request import Message, OutputFormat, ReasoningConfig, Request, Role, Tool, ToolChoice
from .response import Candidate, Response, ResponseStatus, StopReason, Usage
from .stream import (
    CandidateFinished,
    DeltaKind,
    PartDelta,
    PartFinished,
    PartStarted,
    ResponseStarted,
    StreamEnded,
    StreamError,
    StreamEvent,
    UsageUpdated,
)

__all__ = [
    "EMPTY_EXTRA",
    "ApiError",
    "AudioPart",
    "CacheHint",
    "Candidate",
    "CandidateFinished",
    "Citation",
    "CitationKind",
    "DeltaKind",
    "DocumentPart",
    "ErrorKind",
    "Extra",
    "ImagePart",
    "MediaSource",
    "Message",
    "NativePart",
    "Node",
    "OutputFormat",
    "Part",
    "PartDelta",
    "PartFinished",
    "PartStarted",
    "ReasoningConfig",
    "ReasoningPart",
    "RefusalPart",
    "Request",
    "Response",
    "ResponseStarted",
    "ResponseStatus",
    "Role",
    "StopReason",
    "StreamEnded",
    "StreamError",
    "StreamEvent",
    "TextPart",
    "TokenLogprob",
    "Tool",
    "ToolCallKind",
    "ToolCallPart",
    "ToolChoice",
    "ToolResultPart",
    "Usage",
    "UsageUpdated",
    "extra_for",
    "with_extra",
]
