"""What a check finds: a :class:`Violation` of one of the rules a correct translation keeps."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Violation"]


@dataclass(frozen=True, slots=True)
class Violation:
    """One rule broken, and where.

    ``rule`` is a short stable name (``"anthropic.one_open_block"``, ``"conversion.refused"``,
    ``"semantic.lost"``); ``path`` points into what was checked (``"events[4].index"``,
    ``"messages[2].content[0]"``, ``""`` for the whole); ``message`` says what is wrong in a
    sentence a person can act on.
    """

    rule: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f" at {self.path}" if self.path else ""
        return f"{self.rule}{where}: {self.message}"
