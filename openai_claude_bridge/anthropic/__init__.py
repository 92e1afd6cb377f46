"""The Anthropic Messages API (``POST /v1/messages``): typed wire models.

Every request, response, content block and stream event of the API is a frozen pydantic model
named like the official SDK class; see :mod:`openai_claude_bridge.wire` for the rules they follow.
"""

from .models import *  # noqa: F403 - the models are this package's public surface
from .models import __all__ as __all__
