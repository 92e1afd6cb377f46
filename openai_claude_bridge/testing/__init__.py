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
    "check_conversion",
    "check_stream",
    "check_stream_conversion",
]
