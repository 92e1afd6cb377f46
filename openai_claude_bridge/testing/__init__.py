"""The bridge's testing kit: property-test a conversion (or your proxy) against sample payloads.

Install it with the ``testing`` extra (``pip install "openai-claude-bridge[testing]"``); it is
the only part of the package that imports ``hypothesis`` and ``pytest``.

* **Checks** (no hypothesis needed) return a list of :class:`Violation` and never raise:
  :func:`check_conversion`, :func:`check_stream`, :func:`check_stream_conversion`;
  :func:`accumulate` folds a stream into its final response with this package's models.
* **Strategies** (hypothesis): valid payloads and streams of every format, and relatives of
  your own samples — :func:`variations_of`, :func:`rechunked`, :func:`byte_splits`.
* **The pytest plugin** (registered by the extra): deterministic ``bridge_id_factory`` /
  ``bridge_clock`` fixtures and ``--bridge-samples DIR``.
* ``python -m openai_claude_bridge check DIR`` runs the checks over a folder of samples.
"""

from __future__ import annotations

from .checks import accumulate, check_conversion, check_stream, check_stream_conversion
from .violations import Violation

__all__ = [
    "Violation",
    "accumulate",
    "byte_splits",
    "check_conversion",
    "check_stream",
    "check_stream_conversion",
    "rechunked",
    "requests",
    "responses",
    "streams",
    "variations_of",
    "wire_payloads",
]

# --------------------------------------------------------------------------- strategies (lazy)
# The strategies import hypothesis: they load on first use, so that this package and its checks
# import without it.

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .strategies import byte_splits as byte_splits
    from .strategies import rechunked as rechunked
    from .strategies import requests as requests
    from .strategies import responses as responses
    from .strategies import streams as streams
    from .strategies import variations_of as variations_of
    from .strategies import wire_payloads as wire_payloads

#: What ``__all__`` promises that is not imported above: the strategies.
_STRATEGIES = frozenset(name for name in __all__ if name not in globals())


def __getattr__(name: str) -> Any:
    """The strategies, imported on first use (they need hypothesis)."""
    if name not in _STRATEGIES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        from . import strategies  # noqa: PLC0415 (lazy: it imports hypothesis)
    except ModuleNotFoundError as exc:
        if exc.name != "hypothesis":
            raise
        raise ImportError(
            f"openai_claude_bridge.testing.{name} needs hypothesis: "
            'pip install "openai-claude-bridge[testing]"'
        ) from exc
    return getattr(strategies, name)
