"""Stream events of ``POST /v1/responses`` with ``stream: true`` (one per SSE ``data:`` frame).

A stream runs ``response.created`` -> ``response.in_progress`` -> per output item
``response.output_item.added`` -> (content parts, deltas, ``.done`` events) ->
``response.output_item.done`` -> exactly one of ``response.completed`` / ``response.incomplete`` /
``response.failed`` (or an ``error`` event). Every event carries a ``sequence_number`` increasing
from 0. :data:`ResponseStreamEvent` is the union of all of them; an event of an unknown type
parses into :class:`UnknownStreamEvent` and dumps back unchanged.
"""

from typing import Annotated, Literal, Optional, Union

from ...chat.models.errors import ErrorObject
from ...wire import OpenUnion, WireModel
from .content import Annotation, Logprob, ResponseContentPart, SummaryTextContent
from .items import ResponseOutputItem
from .response import Response
from .stream_tools import (
    ResponseCodeInterpreterCallCodeDeltaEvent,
    ResponseCodeInterpreterCallCodeDoneEvent,
    ResponseCodeInterpreterCallCompletedEvent,
    ResponseCodeInterpreterCallInProgressEvent,
    ResponseCodeInterpreterCallInterpretingEvent,
    ResponseCompactionCompactingEvent,
    ResponseFileSearchCallCompletedEvent,
    ResponseFileSearchCallInProgressEvent,
    ResponseFileSearchCallSearchingEvent,
    ResponseImageGenCallCompletedEvent,
    ResponseImageGenCallGeneratingEvent,
    ResponseImageGenCallInProgressEvent,
    ResponseImageGenCallPartialImageEvent,
    ResponseMcpCallArgumentsDeltaEvent,
    ResponseMcpCallArgumentsDoneEvent,
    ResponseMcpCallCompletedEvent,
    ResponseMcpCallFailedEvent,
    ResponseMcpCallInProgressEvent,
    ResponseMcpListToolsCompletedEvent,
    ResponseMcpListToolsFailedEvent,
    ResponseMcpListToolsInProgressEvent,
    ResponseShellCallCommandAddedEvent,
    ResponseShellCallCommandDeltaEvent,
    ResponseShellCallCommandDoneEvent,
    ResponseShellCallOutputContentDeltaEvent,
    ResponseShellCallOutputContentDoneEvent,
    ResponseWebSearchCallCompletedEvent,
    ResponseWebSearchCallInProgressEvent,
    ResponseWebSearchCallSearchingEvent,
)

__all__ = [
    "ResponseAudioDeltaEvent",
    "ResponseAudioDoneEvent",
    "ResponseAudioTranscriptDeltaEvent",
    "ResponseAudioTranscriptDoneEvent",
    "ResponseCompletedEvent",
    "ResponseContentPartAddedEvent",
    "ResponseContentPartDoneEvent",
    "ResponseCreatedEvent",
    "ResponseCustomToolCallInputDeltaEvent",
    "ResponseCustomToolCallInputDoneEvent",
    "ResponseErrorEvent",
    "ResponseFailedEvent",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseFunctionCallArgumentsDoneEvent",
    "ResponseInProgressEvent",
    "ResponseIncompleteEvent",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseOutputTextAnnotationAddedEvent",
    "ResponseQueuedEvent",
    "ResponseReasoningSummaryPartAddedEvent",
    "ResponseReasoningSummaryPartDoneEvent",
    "ResponseReasoningSummaryTextDeltaEvent",
    "ResponseReasoningSummaryTextDoneEvent",
    "ResponseReasoningTextDeltaEvent",
    "ResponseReasoningTextDoneEvent",
    "ResponseRefusalDeltaEvent",
    "ResponseRefusalDoneEvent",
    "ResponseStreamEvent",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
    "UnknownStreamEvent",
]


# --------------------------------------------------------------------------- lifecycle


class ResponseCreatedEvent(WireModel):
    """The response was created (first event)."""

    response: Response
    sequence_number: int
    type: Literal["response.created"] = "response.created"


class ResponseQueuedEvent(WireModel):
    """The response is queued."""

    response: Response
    sequence_number: int
    type: Literal["response.queued"] = "response.queued"


class ResponseInProgressEvent(WireModel):
    """The response is being generated."""

    response: Response
    sequence_number: int
    type: Literal["response.in_progress"] = "response.in_progress"


class ResponseCompletedEvent(WireModel):
    """The response completed (terminal event)."""

    response: Response
    sequence_number: int
    type: Literal["response.completed"] = "response.completed"


class ResponseIncompleteEvent(WireModel):
    """The response ended incomplete (terminal event)."""

    response: Response
    sequence_number: int
    type: Literal["response.incomplete"] = "response.incomplete"


class ResponseFailedEvent(WireModel):
    """The response failed (terminal event); ``response.error`` says why."""

    response: Response
    sequence_number: int
    type: Literal["response.failed"] = "response.failed"


class ResponseErrorEvent(WireModel):
    """An error occurred.

    The SDK types the error's fields flat on the event (``message`` required). OpenAI sends them
    nested instead, ``{"type": "error", "sequence_number": 2, "error": {"type": ..., "code": ...,
    "message": ..., "param": ...}}``, so ``message`` is optional here and the nested object is
    :attr:`error`; one of the two shapes is required (the stream decoder checks it).
    """

    message: Optional[str] = None
    """The error message (flat shape)."""
    sequence_number: int
    type: Literal["error"] = "error"
    code: Optional[str] = None
    param: Optional[str] = None
    error: Optional[ErrorObject] = None
    """The error (nested shape, as the API sends it): ``type``, ``code``, ``message``,
    ``param``."""


# --------------------------------------------------------------------------- items and parts


class ResponseOutputItemAddedEvent(WireModel):
    """A new output item started."""

    item: ResponseOutputItem
    """The item in its initial state."""
    output_index: int
    sequence_number: int
    type: Literal["response.output_item.added"] = "response.output_item.added"


class ResponseOutputItemDoneEvent(WireModel):
    """An output item is done."""

    item: ResponseOutputItem
    """The item in its final state."""
    output_index: int
    sequence_number: int
    type: Literal["response.output_item.done"] = "response.output_item.done"


class ResponseContentPartAddedEvent(WireModel):
    """A new content part of a message (or reasoning) item started."""

    content_index: int
    item_id: str
    output_index: int
    part: ResponseContentPart
    """The part in its initial state."""
    sequence_number: int
    type: Literal["response.content_part.added"] = "response.content_part.added"


class ResponseContentPartDoneEvent(WireModel):
    """A content part is done."""

    content_index: int
    item_id: str
    output_index: int
    part: ResponseContentPart
    """The part in its final state."""
    sequence_number: int
    type: Literal["response.content_part.done"] = "response.content_part.done"


# --------------------------------------------------------------------------- text and refusal


class ResponseTextDeltaEvent(WireModel):
    """A fragment of an ``output_text`` part.

    The SDK marks ``logprobs`` required; OpenAI-compatible servers often omit it, so it is
    optional here.
    """

    content_index: int
    delta: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.output_text.delta"] = "response.output_text.delta"
    logprobs: Optional[list[Logprob]] = None
    """Log probabilities of the fragment's tokens (usually empty)."""


class ResponseTextDoneEvent(WireModel):
    """The complete text of an ``output_text`` part (``logprobs`` optional as in the delta)."""

    content_index: int
    item_id: str
    output_index: int
    sequence_number: int
    text: str
    type: Literal["response.output_text.done"] = "response.output_text.done"
    logprobs: Optional[list[Logprob]] = None


class ResponseOutputTextAnnotationAddedEvent(WireModel):
    """An annotation was added to an ``output_text`` part."""

    annotation_index: int
    content_index: int
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.output_text.annotation.added"] = "response.output_text.annotation.added"
    annotation: Optional[Annotation] = None


class ResponseRefusalDeltaEvent(WireModel):
    """A fragment of a ``refusal`` part."""

    content_index: int
    delta: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.refusal.delta"] = "response.refusal.delta"


class ResponseRefusalDoneEvent(WireModel):
    """The complete text of a ``refusal`` part."""

    content_index: int
    item_id: str
    output_index: int
    refusal: str
    sequence_number: int
    type: Literal["response.refusal.done"] = "response.refusal.done"


# --------------------------------------------------------------------------- tool call input


class ResponseFunctionCallArgumentsDeltaEvent(WireModel):
    """A fragment of a function call's JSON arguments."""

    delta: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.function_call_arguments.delta"] = (
        "response.function_call_arguments.delta"
    )


class ResponseFunctionCallArgumentsDoneEvent(WireModel):
    """A function call's complete JSON arguments."""

    arguments: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.function_call_arguments.done"] = "response.function_call_arguments.done"


class ResponseCustomToolCallInputDeltaEvent(WireModel):
    """A fragment of a custom tool call's input."""

    delta: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.custom_tool_call_input.delta"] = "response.custom_tool_call_input.delta"


class ResponseCustomToolCallInputDoneEvent(WireModel):
    """A custom tool call's complete input."""

    input: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.custom_tool_call_input.done"] = "response.custom_tool_call_input.done"


# --------------------------------------------------------------------------- reasoning


class ResponseReasoningSummaryPartAddedEvent(WireModel):
    """A new summary part of a reasoning item started."""

    item_id: str
    output_index: int
    part: SummaryTextContent
    sequence_number: int
    summary_index: int
    type: Literal["response.reasoning_summary_part.added"] = "response.reasoning_summary_part.added"


class ResponseReasoningSummaryPartDoneEvent(WireModel):
    """A summary part of a reasoning item is done."""

    item_id: str
    output_index: int
    part: SummaryTextContent
    sequence_number: int
    summary_index: int
    type: Literal["response.reasoning_summary_part.done"] = "response.reasoning_summary_part.done"
    status: Optional[Union[Literal["incomplete"], str]] = None
    """``incomplete`` when the summary part was cut short."""


class ResponseReasoningSummaryTextDeltaEvent(WireModel):
    """A fragment of a reasoning summary part."""

    delta: str
    item_id: str
    output_index: int
    sequence_number: int
    summary_index: int
    type: Literal["response.reasoning_summary_text.delta"] = "response.reasoning_summary_text.delta"


class ResponseReasoningSummaryTextDoneEvent(WireModel):
    """The complete text of a reasoning summary part."""

    item_id: str
    output_index: int
    sequence_number: int
    summary_index: int
    text: str
    type: Literal["response.reasoning_summary_text.done"] = "response.reasoning_summary_text.done"


class ResponseReasoningTextDeltaEvent(WireModel):
    """A fragment of a reasoning text part."""

    content_index: int
    delta: str
    item_id: str
    output_index: int
    sequence_number: int
    type: Literal["response.reasoning_text.delta"] = "response.reasoning_text.delta"


class ResponseReasoningTextDoneEvent(WireModel):
    """The complete text of a reasoning text part."""

    content_index: int
    item_id: str
    output_index: int
    sequence_number: int
    text: str
    type: Literal["response.reasoning_text.done"] = "response.reasoning_text.done"


# --------------------------------------------------------------------------- audio


class ResponseAudioDeltaEvent(WireModel):
    """A fragment of audio output."""

    delta: str
    """Base64-encoded audio bytes."""
    sequence_number: int
    type: Literal["response.audio.delta"] = "response.audio.delta"


class ResponseAudioDoneEvent(WireModel):
    """The audio output is complete."""

    sequence_number: int
    type: Literal["response.audio.done"] = "response.audio.done"


class ResponseAudioTranscriptDeltaEvent(WireModel):
    """A fragment of the audio output's transcript."""

    delta: str
    sequence_number: int
    type: Literal["response.audio.transcript.delta"] = "response.audio.transcript.delta"


class ResponseAudioTranscriptDoneEvent(WireModel):
    """The audio output's transcript is complete."""

    sequence_number: int
    type: Literal["response.audio.transcript.done"] = "response.audio.transcript.done"


# --------------------------------------------------------------------------- the union


class UnknownStreamEvent(WireModel):
    """A stream event of a type this package does not know; kept and dumped back unchanged."""

    type: str


#: One event of a Responses stream.
ResponseStreamEvent = Annotated[
    Union[
        ResponseAudioDeltaEvent,
        ResponseAudioDoneEvent,
        ResponseAudioTranscriptDeltaEvent,
        ResponseAudioTranscriptDoneEvent,
        ResponseCodeInterpreterCallCodeDeltaEvent,
        ResponseCodeInterpreterCallCodeDoneEvent,
        ResponseCodeInterpreterCallCompletedEvent,
        ResponseCodeInterpreterCallInProgressEvent,
        ResponseCodeInterpreterCallInterpretingEvent,
        ResponseCompactionCompactingEvent,
        ResponseCompletedEvent,
        ResponseContentPartAddedEvent,
        ResponseContentPartDoneEvent,
        ResponseCreatedEvent,
        ResponseErrorEvent,
        ResponseFileSearchCallCompletedEvent,
        ResponseFileSearchCallInProgressEvent,
        ResponseFileSearchCallSearchingEvent,
        ResponseFunctionCallArgumentsDeltaEvent,
        ResponseFunctionCallArgumentsDoneEvent,
        ResponseShellCallCommandAddedEvent,
        ResponseShellCallCommandDeltaEvent,
        ResponseShellCallCommandDoneEvent,
        ResponseShellCallOutputContentDeltaEvent,
        ResponseShellCallOutputContentDoneEvent,
        ResponseInProgressEvent,
        ResponseFailedEvent,
        ResponseIncompleteEvent,
        ResponseOutputItemAddedEvent,
        ResponseOutputItemDoneEvent,
        ResponseReasoningSummaryPartAddedEvent,
        ResponseReasoningSummaryPartDoneEvent,
        ResponseReasoningSummaryTextDeltaEvent,
        ResponseReasoningSummaryTextDoneEvent,
        ResponseReasoningTextDeltaEvent,
        ResponseReasoningTextDoneEvent,
        ResponseRefusalDeltaEvent,
        ResponseRefusalDoneEvent,
        ResponseTextDeltaEvent,
        ResponseTextDoneEvent,
        ResponseWebSearchCallCompletedEvent,
        ResponseWebSearchCallInProgressEvent,
        ResponseWebSearchCallSearchingEvent,
        ResponseImageGenCallCompletedEvent,
        ResponseImageGenCallGeneratingEvent,
        ResponseImageGenCallInProgressEvent,
        ResponseImageGenCallPartialImageEvent,
        ResponseMcpCallArgumentsDeltaEvent,
        ResponseMcpCallArgumentsDoneEvent,
        ResponseMcpCallCompletedEvent,
        ResponseMcpCallFailedEvent,
        ResponseMcpCallInProgressEvent,
        ResponseMcpListToolsCompletedEvent,
        ResponseMcpListToolsFailedEvent,
        ResponseMcpListToolsInProgressEvent,
        ResponseOutputTextAnnotationAddedEvent,
        ResponseQueuedEvent,
        ResponseCustomToolCallInputDeltaEvent,
        ResponseCustomToolCallInputDoneEvent,
        UnknownStreamEvent,
    ],
    OpenUnion("type", fallback=UnknownStreamEvent),
]
