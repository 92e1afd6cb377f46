"""Moderation results attached to responses and chunks of moderated completions.

The SDK declares the same classes twice (``ModerationInput...`` / ``ModerationOutput...``) and
again in the chunk module; the chunk and response copies are identical, so one set serves both.
"""

from typing import Annotated, Literal, Union

from ...wire import Number, OpenUnion, WireModel

__all__ = [
    "Moderation",
    "ModerationAppliedInputType",
    "ModerationInput",
    "ModerationInputError",
    "ModerationInputModerationResults",
    "ModerationInputModerationResultsResult",
    "ModerationOutput",
    "ModerationOutputError",
    "ModerationOutputModerationResults",
    "ModerationOutputModerationResultsResult",
    "UnknownModerationResult",
]

#: Input modalities a moderation score reflects.
ModerationAppliedInputType = Literal["text", "image"]


class ModerationInputModerationResultsResult(WireModel):
    """One moderation result for the request input."""

    categories: dict[str, bool]
    """Category name to whether the content is flagged under it."""
    category_applied_input_types: dict[str, list[Union[ModerationAppliedInputType, str]]]
    """Category name to the input modalities its score reflects."""
    category_scores: dict[str, Number]
    """Category name to score."""
    flagged: bool
    """Whether any category flagged the content."""
    model: str
    """The moderation model that produced this result."""
    type: Literal["moderation_result"] = "moderation_result"


class ModerationInputModerationResults(WireModel):
    """Successful moderation results for the request input."""

    model: str
    """The moderation model used."""
    results: list[ModerationInputModerationResultsResult]
    type: Literal["moderation_results"] = "moderation_results"


class ModerationInputError(WireModel):
    """An error produced while moderating the request input."""

    code: str
    message: str
    type: Literal["error"] = "error"


class ModerationOutputModerationResultsResult(WireModel):
    """One moderation result for the generated output."""

    categories: dict[str, bool]
    """Category name to whether the content is flagged under it."""
    category_applied_input_types: dict[str, list[Union[ModerationAppliedInputType, str]]]
    """Category name to the input modalities its score reflects."""
    category_scores: dict[str, Number]
    """Category name to score."""
    flagged: bool
    """Whether any category flagged the content."""
    model: str
    """The moderation model that produced this result."""
    type: Literal["moderation_result"] = "moderation_result"


class ModerationOutputModerationResults(WireModel):
    """Successful moderation results for the generated output."""

    model: str
    """The moderation model used."""
    results: list[ModerationOutputModerationResultsResult]
    type: Literal["moderation_results"] = "moderation_results"


class ModerationOutputError(WireModel):
    """An error produced while moderating the generated output."""

    code: str
    message: str
    type: Literal["error"] = "error"


class UnknownModerationResult(WireModel):
    """A moderation entry of a type this package does not know; dumped back unchanged."""

    type: str


#: Moderation of the request input, by ``type``.
ModerationInput = Annotated[
    Union[ModerationInputModerationResults, ModerationInputError, UnknownModerationResult],
    OpenUnion("type", fallback=UnknownModerationResult),
]

#: Moderation of the generated output, by ``type``.
ModerationOutput = Annotated[
    Union[ModerationOutputModerationResults, ModerationOutputError, UnknownModerationResult],
    OpenUnion("type", fallback=UnknownModerationResult),
]


class Moderation(WireModel):
    """Moderation results for the request input and the generated output."""

    input: ModerationInput
    """Moderation of the request input."""
    output: ModerationOutput
    """Moderation of the generated output."""
