"""Items of the hosted search, computer-use, code and image tools: their calls and outputs.

File search, web search, computer use, code interpreter and image generation. Where the SDK has
distinct input (request) and output (response) classes for one item type (the input one usually
lets ``id`` and ``status`` be absent), both are modelled; where it has one shape, one class serves
both.
"""

from typing import Annotated, Literal, Optional, Union

from ...wire import Number, OpenUnion, WireModel
from .shared import ItemStatus

__all__ = [
    "AcknowledgedSafetyCheck",
    "ActionFind",
    "ActionOpenPage",
    "ActionSearch",
    "ActionSearchSource",
    "Click",
    "CodeInterpreterCallStatus",
    "CodeInterpreterOutput",
    "ComputerAction",
    "ComputerCallOutput",
    "ComputerCallOutputStatus",
    "DoubleClick",
    "Drag",
    "DragPath",
    "FileSearchCallStatus",
    "FileSearchResult",
    "ImageGenerationCall",
    "ImageGenerationCallError",
    "ImageGenerationCallErrorModerationDetails",
    "ImageGenerationCallStatus",
    "ImageGenerationCallSvgUsage",
    "Keypress",
    "Move",
    "OutputImage",
    "OutputLogs",
    "PendingSafetyCheck",
    "ResponseCodeInterpreterToolCall",
    "ResponseComputerToolCall",
    "ResponseComputerToolCallOutputItem",
    "ResponseComputerToolCallOutputScreenshot",
    "ResponseFileSearchToolCall",
    "ResponseFunctionWebSearch",
    "Screenshot",
    "Scroll",
    "Type",
    "UnknownCodeInterpreterOutput",
    "UnknownComputerAction",
    "UnknownWebSearchAction",
    "Wait",
    "WebSearchAction",
    "WebSearchCallStatus",
]

#: Status of a ``file_search_call``.
FileSearchCallStatus = Literal["in_progress", "searching", "completed", "incomplete", "failed"]
#: Status of a ``web_search_call``.
WebSearchCallStatus = Literal["in_progress", "searching", "completed", "failed", "incomplete"]
#: Status of a ``code_interpreter_call``.
CodeInterpreterCallStatus = Literal[
    "in_progress", "completed", "incomplete", "interpreting", "failed"
]
#: Status of an ``image_generation_call``.
ImageGenerationCallStatus = Literal["in_progress", "completed", "generating", "failed"]
#: Status of a ``computer_call_output`` in a response.
ComputerCallOutputStatus = Literal["completed", "incomplete", "failed", "in_progress"]


# --------------------------------------------------------------------------- file search


class FileSearchResult(WireModel):
    """One result of a file search (the SDK's ``Result``)."""

    attributes: Optional[dict[str, Union[str, Number, bool]]] = None
    """Attributes of the file."""
    file_id: Optional[str] = None
    filename: Optional[str] = None
    score: Optional[Number] = None
    """Relevance score, 0 to 1."""
    text: Optional[str] = None
    """The text retrieved from the file."""


class ResponseFileSearchToolCall(WireModel):
    """A call of the file search tool."""

    id: str
    queries: list[str]
    """The queries searched for."""
    status: Union[FileSearchCallStatus, str]
    type: Literal["file_search_call"] = "file_search_call"
    results: Optional[list[FileSearchResult]] = None
    """The results (when requested with ``include``)."""


# --------------------------------------------------------------------------- web search


class ActionSearchSource(WireModel):
    """A source consulted by a web search."""

    type: Literal["url"] = "url"
    url: str


class ActionSearch(WireModel):
    """A web search query."""

    type: Literal["search"] = "search"
    queries: Optional[list[str]] = None
    query: Optional[str] = None
    sources: Optional[list[ActionSearchSource]] = None
    """The sources consulted (when requested with ``include``)."""


class ActionOpenPage(WireModel):
    """Opening a page found by a search."""

    type: Literal["open_page"] = "open_page"
    url: Optional[str] = None


class ActionFind(WireModel):
    """Searching for a pattern within a page."""

    pattern: str
    type: Literal["find_in_page"] = "find_in_page"
    url: str


class UnknownWebSearchAction(WireModel):
    """A web search action this package does not know; kept and dumped back unchanged."""

    type: str


#: What a web search call did.
WebSearchAction = Annotated[
    Union[ActionSearch, ActionOpenPage, ActionFind, UnknownWebSearchAction],
    OpenUnion("type", fallback=UnknownWebSearchAction),
]


class ResponseFunctionWebSearch(WireModel):
    """A call of the web search tool.

    The SDK marks ``action`` required; OpenAI's ``response.output_item.added`` announces the call
    without it (it comes with ``response.output_item.done``), and xAI never sends it, so it is
    optional here.
    """

    id: str
    action: Optional[WebSearchAction] = None
    """What the search did (absent while the call is in progress, and from xAI)."""
    status: Union[WebSearchCallStatus, str]
    type: Literal["web_search_call"] = "web_search_call"


# --------------------------------------------------------------------------- computer use


class Click(WireModel):
    """A mouse click."""

    button: Literal["left", "right", "wheel", "back", "forward"]
    type: Literal["click"] = "click"
    x: int
    y: int
    keys: Optional[list[str]] = None
    """Keys held down during the click."""


class DoubleClick(WireModel):
    """A double click."""

    type: Literal["double_click"] = "double_click"
    x: int
    y: int
    keys: Optional[list[str]] = None
    """Keys held down during the click."""


class DragPath(WireModel):
    """A point of a drag path."""

    x: int
    y: int


class Drag(WireModel):
    """A drag along a path."""

    path: list[DragPath]
    type: Literal["drag"] = "drag"
    keys: Optional[list[str]] = None
    """Keys held down during the drag."""


class Keypress(WireModel):
    """A key combination."""

    keys: list[str]
    type: Literal["keypress"] = "keypress"


class Move(WireModel):
    """A mouse move."""

    type: Literal["move"] = "move"
    x: int
    y: int
    keys: Optional[list[str]] = None
    """Keys held down during the move."""


class Screenshot(WireModel):
    """Taking a screenshot."""

    type: Literal["screenshot"] = "screenshot"


class Scroll(WireModel):
    """A scroll."""

    scroll_x: int
    scroll_y: int
    type: Literal["scroll"] = "scroll"
    x: int
    y: int
    keys: Optional[list[str]] = None
    """Keys held down during the scroll."""


class Type(WireModel):
    """Typing text."""

    text: str
    type: Literal["type"] = "type"


class Wait(WireModel):
    """Waiting."""

    type: Literal["wait"] = "wait"


class UnknownComputerAction(WireModel):
    """A computer action this package does not know; kept and dumped back unchanged."""

    type: str


#: An action of a computer call.
ComputerAction = Annotated[
    Union[
        Click,
        DoubleClick,
        Drag,
        Keypress,
        Move,
        Screenshot,
        Scroll,
        Type,
        Wait,
        UnknownComputerAction,
    ],
    OpenUnion("type", fallback=UnknownComputerAction),
]


class PendingSafetyCheck(WireModel):
    """A safety check of a computer call (also the SDK's ``AcknowledgedSafetyCheck``)."""

    id: str
    code: Optional[str] = None
    message: Optional[str] = None


AcknowledgedSafetyCheck = PendingSafetyCheck


class ResponseComputerToolCall(WireModel):
    """A call of the computer-use tool."""

    id: str
    call_id: str
    """Id used to answer the call with a ``computer_call_output``."""
    pending_safety_checks: list[PendingSafetyCheck]
    status: Union[ItemStatus, str]
    type: Literal["computer_call"] = "computer_call"
    action: Optional[ComputerAction] = None
    """The action (preview tool)."""
    actions: Optional[list[ComputerAction]] = None
    """The actions, in order (GA tool)."""


class ResponseComputerToolCallOutputScreenshot(WireModel):
    """A screenshot answering a computer call."""

    type: Literal["computer_screenshot"] = "computer_screenshot"
    file_id: Optional[str] = None
    image_url: Optional[str] = None


class ComputerCallOutput(WireModel):
    """The output of a computer call, sent back in a request."""

    call_id: str
    output: ResponseComputerToolCallOutputScreenshot
    type: Literal["computer_call_output"] = "computer_call_output"
    id: Optional[str] = None
    acknowledged_safety_checks: Optional[list[PendingSafetyCheck]] = None
    """The pending safety checks the caller acknowledged."""
    status: Optional[Union[ItemStatus, str]] = None


class ResponseComputerToolCallOutputItem(WireModel):
    """The output of a computer call, as an item of a response."""

    id: str
    call_id: str
    output: ResponseComputerToolCallOutputScreenshot
    status: Union[ComputerCallOutputStatus, str]
    type: Literal["computer_call_output"] = "computer_call_output"
    acknowledged_safety_checks: Optional[list[PendingSafetyCheck]] = None
    created_by: Optional[str] = None
    """Id of the entity that created the item."""


# --------------------------------------------------------------------------- code interpreter


class OutputLogs(WireModel):
    """Logs printed by the code."""

    logs: str
    type: Literal["logs"] = "logs"


class OutputImage(WireModel):
    """An image produced by the code."""

    type: Literal["image"] = "image"
    url: str


class UnknownCodeInterpreterOutput(WireModel):
    """A code interpreter output this package does not know; kept and dumped back unchanged."""

    type: str


#: An output of a code interpreter call.
CodeInterpreterOutput = Annotated[
    Union[OutputLogs, OutputImage, UnknownCodeInterpreterOutput],
    OpenUnion("type", fallback=UnknownCodeInterpreterOutput),
]


class ResponseCodeInterpreterToolCall(WireModel):
    """A call of the code interpreter tool.

    The SDK marks ``container_id`` required; xAI's code execution calls have no container, so
    it is optional here.
    """

    id: str
    container_id: Optional[str] = None
    """The container the code ran in (absent from xAI)."""
    status: Union[CodeInterpreterCallStatus, str]
    type: Literal["code_interpreter_call"] = "code_interpreter_call"
    code: Optional[str] = None
    """The code run."""
    outputs: Optional[list[CodeInterpreterOutput]] = None
    """The outputs (when requested with ``include``)."""


# --------------------------------------------------------------------------- image generation


class ImageGenerationCallErrorModerationDetails(WireModel):
    """Why moderation blocked an image."""

    categories: list[str]
    moderation_stage: Literal["input", "output", "unknown"]


class ImageGenerationCallError(WireModel):
    """Why an image generation call failed."""

    message: str
    type: str
    code: Optional[str] = None
    param: Optional[str] = None
    moderation_details: Optional[ImageGenerationCallErrorModerationDetails] = None


class ImageGenerationCallSvgUsage(WireModel):
    """Token usage of SVG generation."""

    input_tokens: int
    model: str
    output_tokens: int
    reasoning_tokens: int
    total_tokens: int


class ImageGenerationCall(WireModel):
    """A call of the image generation tool."""

    id: str
    status: Union[ImageGenerationCallStatus, str]
    type: Literal["image_generation_call"] = "image_generation_call"
    result: Optional[str] = None
    """The image, base64-encoded."""
    action: Optional[Literal["generate", "edit", "auto"]] = None
    background: Optional[Literal["transparent", "opaque", "auto"]] = None
    error: Optional[ImageGenerationCallError] = None
    output_format: Optional[Literal["png", "webp", "jpeg", "gif", "svg"]] = None
    quality: Optional[Literal["low", "medium", "high", "xhigh", "max", "auto"]] = None
    revised_prompt: Optional[str] = None
    size: Optional[str] = None
    svg_usage: Optional[ImageGenerationCallSvgUsage] = None
