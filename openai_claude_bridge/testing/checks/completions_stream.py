"""The Completions stream rules (BEHAVIOR.md, "Stream rules of each target": completions).

A legacy Completions stream is ``text_completion`` chunks of one completion (the same ``id``,
``created`` and ``model`` on each) with ``choices[].text``; each choice gets exactly one
``finish_reason``; the usage comes last in a chunk with ``choices: []`` (when the request asked
for ``stream_options.include_usage``: pass ``request=`` to check that); an ``{"error": …}`` frame
ends a failed stream. Paths are ``events[i]`` and fields under it.

=================================  ===========================================================
rule                               what it means
=================================  ===========================================================
``completions.object``             a chunk's ``object`` is not ``text_completion``
``completions.stable_head``        a chunk's ``id``, ``created`` or ``model`` differs from the
                                   first chunk's
``completions.one_finish_reason``  a second ``finish_reason`` for a choice, or a choice that
                                   ends without one
``completions.after_finish``       a choice appears again after its ``finish_reason``
``completions.usage_chunk``        usage outside a last ``choices: []`` chunk, a chunk after the
                                   usage chunk, a ``choices: []`` chunk without usage, no usage
                                   chunk though the request asked for it, or one it did not ask
``completions.after_error``        a frame after the ``{"error": …}`` frame
``stream.not_an_object``           an event that is not a JSON object
=================================  ===========================================================
"""

from __future__ import annotations

from typing import Any

from ..violations import Violation
from ._chunks import ChunkState, check_chunks

__all__ = ["check_completions_stream"]


def check_completions_stream(events: list[Any], *, request: Any = None) -> list[Violation]:
    """The violations of the Completions stream rules in ``events`` (JSON objects); ``request``
    (the Completions request, JSON or model) tells whether a usage chunk is due."""
    return check_chunks(
        events,
        prefix="completions",
        object_name="text_completion",
        check_choice=_check_choice,
        request=request,
    )


def _check_choice(state: ChunkState, choice: dict[str, Any], where: str, first: bool) -> None:
    """A Completions choice has no per-delta rules beyond the shared ones."""
