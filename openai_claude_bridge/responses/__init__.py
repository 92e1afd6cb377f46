"""The OpenAI Responses API (``POST /v1/responses``, ``POST /v1/responses/input_tokens``).

Typed wire models named like the official ``openai`` SDK's ``types.responses`` classes:
:class:`ResponseCreateParams` (request), :class:`Response` (response), :data:`ResponseStreamEvent`
(stream events), :class:`InputTokenCountParams` / :class:`InputTokenCountResponse` (token
counting), and every item, content part, tool and event they contain.
"""

from .models import *  # noqa: F403 - the models are this package's public surface
from .models import __all__ as __all__
