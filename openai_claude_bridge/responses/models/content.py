"""Content parts: what the ``content`` of messages (and the ``output`` of tool calls) is made of.

Input parts (``input_text``, ``input_image``, ``input_file``, ``input_audio``), output parts
(``output_text`` with its annotations and logprobs, ``refusal``) and the parts of reasoning items
(``summary_text``, ``reasoning_text``). An ``output_text`` sent back in a request is
:class:`ResponseOutputTextParam`, whose ``annotations`` may be absent.
"""

from typing import Annotated, Literal, Optional, Union

from ...wire import Number, OpenUnion, WireModel
from .shared import FileDetail, ImageDetail, PromptCacheBreakpoint

__all__ = [
    "Annotation",
    "AnnotationContainerFileCitation",
    "AnnotationFileCitation",
    "AnnotationFilePath",
    "AnnotationURLCitation",
    "InputAudio",
    "Logprob",
    "LogprobTopLogprob",
    "ReasoningTextContent",
    "ResponseContentPart",
    "ResponseFunctionCallOutputItem",
    "ResponseInputAudio",
    "ResponseInputContent",
    "ResponseInputFile",
    "ResponseInputFileContent",
    "ResponseInputImage",
    "ResponseInputImageContent",
    "ResponseInputText",
    "ResponseInputTextContent",
    "ResponseMessageContent",
    "ResponseOutputMessageContent",
    "ResponseOutputRefusal",
    "ResponseOutputText",
    "ResponseOutputTextParam",
    "SummaryTextContent",
    "UnknownAnnotation",
    "UnknownContentPart",
]


# --------------------------------------------------------------------------- input parts


class ResponseInputText(WireModel):
    """A text input to the model (also the SDK's ``ResponseInputTextContent``)."""

    text: str
    type: Literal["input_text"] = "input_text"
    prompt_cache_breakpoint: Optional[PromptCacheBreakpoint] = None
    """An explicit prompt-cache breakpoint after this part."""


class ResponseInputImage(WireModel):
    """An image input to the model, by URL (or data URL) or file id.

    Also the SDK's ``ResponseInputImageContent``. The SDK's ``ResponseInputImage`` marks
    ``detail`` required; the API defaults it to ``auto`` and clients routinely omit it, so it is
    optional here.
    """

    type: Literal["input_image"] = "input_image"
    detail: Optional[ImageDetail] = None
    """Detail level the image is processed at."""
    file_id: Optional[str] = None
    """Id of an uploaded file holding the image."""
    image_url: Optional[str] = None
    """A fully qualified URL or a base64 ``data:`` URL."""
    prompt_cache_breakpoint: Optional[PromptCacheBreakpoint] = None
    """An explicit prompt-cache breakpoint after this part."""


class ResponseInputFile(WireModel):
    """A file input to the model (also the SDK's ``ResponseInputFileContent``)."""

    type: Literal["input_file"] = "input_file"
    detail: Optional[FileDetail] = None
    """Detail level for PDF page images."""
    file_data: Optional[str] = None
    """The file content, base64-encoded (optionally as a ``data:`` URL)."""
    file_id: Optional[str] = None
    """Id of an uploaded file."""
    file_url: Optional[str] = None
    """URL of the file."""
    filename: Optional[str] = None
    """Name of the file."""
    prompt_cache_breakpoint: Optional[PromptCacheBreakpoint] = None
    """An explicit prompt-cache breakpoint after this part."""


#: The SDK's function-call-output part classes have the same shapes as the message parts.
ResponseInputTextContent = ResponseInputText
ResponseInputImageContent = ResponseInputImage
ResponseInputFileContent = ResponseInputFile


class InputAudio(WireModel):
    """Base64 audio data with its format."""

    data: str
    """Base64-encoded audio."""
    format: Literal["mp3", "wav"]
    """The audio format."""


class ResponseInputAudio(WireModel):
    """An audio input to the model."""

    input_audio: InputAudio
    type: Literal["input_audio"] = "input_audio"


# --------------------------------------------------------------------------- output parts


class AnnotationFileCitation(WireModel):
    """A citation of a file (file search)."""

    file_id: str
    filename: str
    index: int
    """Index of the file in the list of files."""
    type: Literal["file_citation"] = "file_citation"


class AnnotationURLCitation(WireModel):
    """A citation of a web resource (web search).

    The SDK marks ``end_index``, ``start_index`` and ``title`` required; xAI's citations (web and
    X search) carry only ``type`` and ``url``, so they are optional here.
    """

    end_index: Optional[int] = None
    """Index of the last character of the citation in the text (absent from xAI)."""
    start_index: Optional[int] = None
    """Index of the first character of the citation in the text (absent from xAI)."""
    title: Optional[str] = None
    """The title of the web resource (absent from xAI)."""
    type: Literal["url_citation"] = "url_citation"
    url: str


class AnnotationContainerFileCitation(WireModel):
    """A citation of a file in a container (code interpreter)."""

    container_id: str
    end_index: int
    file_id: str
    filename: str
    start_index: int
    type: Literal["container_file_citation"] = "container_file_citation"


class AnnotationFilePath(WireModel):
    """A path to a file the model produced."""

    file_id: str
    index: int
    """Index of the file in the list of files."""
    type: Literal["file_path"] = "file_path"


class UnknownAnnotation(WireModel):
    """An annotation of a type this package does not know; kept and dumped back unchanged."""

    type: str


#: An annotation of an ``output_text`` part.
Annotation = Annotated[
    Union[
        AnnotationFileCitation,
        AnnotationURLCitation,
        AnnotationContainerFileCitation,
        AnnotationFilePath,
        UnknownAnnotation,
    ],
    OpenUnion("type", fallback=UnknownAnnotation),
]


class LogprobTopLogprob(WireModel):
    """One of the most likely tokens at a position.

    The stream events' variant has ``token`` / ``logprob`` only (both optional there); this class
    accepts both shapes.
    """

    token: Optional[str] = None
    bytes: Optional[list[int]] = None
    """UTF-8 bytes of the token."""
    logprob: Optional[Number] = None


class Logprob(WireModel):
    """Log probability of one output token.

    In a message's ``output_text`` the SDK requires ``bytes`` and ``top_logprobs``; in the
    ``response.output_text.delta`` / ``.done`` events it has ``token``, ``logprob`` and optional
    ``top_logprobs`` only. This class accepts both shapes.
    """

    token: str
    logprob: Number
    bytes: Optional[list[int]] = None
    """UTF-8 bytes of the token."""
    top_logprobs: Optional[list[LogprobTopLogprob]] = None
    """The most likely tokens at this position."""


class ResponseOutputText(WireModel):
    """A text output from the model."""

    annotations: list[Annotation]
    """Citations and file paths in the text."""
    text: str
    type: Literal["output_text"] = "output_text"
    logprobs: Optional[list[Logprob]] = None
    """Token log probabilities (when requested with ``include``)."""


class ResponseOutputTextParam(WireModel):
    """A text output of an assistant message sent back in a request's ``input``.

    The SDK requires ``annotations``; the API does not, and Codex sends its history's
    ``output_text`` parts without them, so it is optional here (absent stays absent)."""

    text: str
    type: Literal["output_text"] = "output_text"
    annotations: Optional[list[Annotation]] = None
    """Citations and file paths in the text."""
    logprobs: Optional[list[Logprob]] = None
    """Token log probabilities."""


class ResponseOutputRefusal(WireModel):
    """A refusal from the model."""

    refusal: str
    """The refusal explanation."""
    type: Literal["refusal"] = "refusal"


# --------------------------------------------------------------------------- reasoning parts


class SummaryTextContent(WireModel):
    """A reasoning summary text (``summary`` of a reasoning item, and the summary part events)."""

    text: str
    type: Literal["summary_text"] = "summary_text"


class ReasoningTextContent(WireModel):
    """Reasoning text (``content`` of a reasoning item, and the ``reasoning_text`` content part)."""

    text: str
    type: Literal["reasoning_text"] = "reasoning_text"


class UnknownContentPart(WireModel):
    """A content part of a type this package does not know; kept and dumped back unchanged."""

    type: str


# --------------------------------------------------------------------------- unions

#: A content part of an input message (the SDK's ``ResponseInputContent``).
ResponseInputContent = Annotated[
    Union[ResponseInputText, ResponseInputImage, ResponseInputFile, UnknownContentPart],
    OpenUnion("type", fallback=UnknownContentPart),
]

#: A part of a function call's list ``output`` (same members as ``ResponseInputContent``).
ResponseFunctionCallOutputItem = ResponseInputContent

#: A content part of an output message (``output_text`` or ``refusal``).
ResponseOutputMessageContent = Annotated[
    Union[ResponseOutputText, ResponseOutputRefusal, UnknownContentPart],
    OpenUnion("type", fallback=UnknownContentPart),
]

#: A content part of a message in the input: input parts (user/system/developer turns and
#: ``input_audio``) and output parts (assistant turns sent back; their ``output_text`` may lack
#: ``annotations``).
ResponseMessageContent = Annotated[
    Union[
        ResponseInputText,
        ResponseInputImage,
        ResponseInputFile,
        ResponseInputAudio,
        ResponseOutputTextParam,
        ResponseOutputRefusal,
        UnknownContentPart,
    ],
    OpenUnion("type", fallback=UnknownContentPart),
]

#: The ``part`` of ``response.content_part.added`` / ``.done`` events.
ResponseContentPart = Annotated[
    Union[ResponseOutputText, ResponseOutputRefusal, ReasoningTextContent, UnknownContentPart],
    OpenUnion("type", fallback=UnknownContentPart),
]
