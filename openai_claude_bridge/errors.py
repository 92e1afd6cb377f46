"""The whole exception hierarchy of the bridge.

Every failure caused by the caller's data is a :class:`BridgeError` subclass. Each error carries

* ``path`` - a JSON path into the offending payload (``""`` for the root, e.g.
  ``"messages[2].content[0].source.data"``),
* ``event_index`` - the 0-based index of the offending stream event (``None`` outside streams),
* ``feature`` - a short stable name of the feature involved, where one applies,
* ``status_hint`` - the HTTP status a proxy should answer with.

``BridgeError`` itself is never raised; catch it to handle every bridge failure at once::

    BridgeError
    ├── InvalidInputError          the source payload breaks its own API's rules
    │   └── TruncatedStreamError   the source stream ended before its terminal event
    ├── UnsupportedFeatureError    valid source feature the target cannot express (strict mode)
    └── StreamStateError           misuse of a stream machine (feed after finish / after an error)
"""

from __future__ import annotations

__all__ = [
    "BridgeError",
    "InvalidInputError",
    "StreamStateError",
    "TruncatedStreamError",
    "UnsupportedFeatureError",
]


class BridgeError(Exception):
    """Base class of every error the bridge raises because of the caller's data or calls."""

    default_status: int = 500

    def __init__(
        self,
        message: str,
        *,
        path: str = "",
        event_index: int | None = None,
        feature: str | None = None,
        status_hint: int | None = None,
        details: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.message = message
        #: every problem found, as ``(path, message)`` pairs (``path``/``message`` name the first)
        self.details = details
        self.path = path
        self.event_index = event_index
        self.feature = feature
        self.status_hint = self.default_status if status_hint is None else status_hint
        super().__init__(self._render())

    def at_event(self, index: int) -> None:
        """Record the index of the stream event this error is about (and say it in the message)."""
        self.event_index = index
        self.args = (self._render(),)

    def _render(self) -> str:
        where = []
        if self.event_index is not None:
            where.append(f"event {self.event_index}")
        if self.path:
            where.append(self.path)
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, path={self.path!r}, "
            f"event_index={self.event_index!r}, feature={self.feature!r}, "
            f"status_hint={self.status_hint!r})"
        )


class InvalidInputError(BridgeError):
    """The source payload breaks its own API's rules: wrong type, missing field, malformed JSON,
    unknown tag where none is allowed, stream events out of order."""

    default_status = 400


class TruncatedStreamError(InvalidInputError):
    """The source stream ended (``finish()``) before its terminal event. Raised only with
    ``strict=True``; otherwise the converter emits the target's error ending instead."""

    default_status = 502


class UnsupportedFeatureError(BridgeError):
    """A valid source feature has no equivalent in the target format. Raised only with
    ``strict=True``; otherwise the feature is dropped or approximated and reported as a ``Loss``."""

    default_status = 400


class StreamStateError(BridgeError):
    """A stream machine was misused: ``feed`` after ``finish``, or any call after it raised."""

    default_status = 500
