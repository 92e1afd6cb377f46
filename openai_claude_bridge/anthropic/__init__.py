"""The Anthropic Messages API (``POST /v1/messages``): typed wire models.

Every request, response, content block and stream event of the API is a frozen pydantic model
named like the official SDK class; see :mod:`openai_claude_bridge.wire` for the rules they follow.
"""

from .models import (
    beta,
    blocks,
    citations,
    common,
    config,
    content,
    context_management,
    errors,
    models_api,
    request,
    response,
    server_tools,
    stream,
    tools,
    toolsets,
    web_tools,
)
from .models.beta import *  # noqa: F403
from .models.blocks import *  # noqa: F403
from .models.citations import *  # noqa: F403
from .models.common import *  # noqa: F403
from .models.config import *  # noqa: F403
from .models.content import *  # noqa: F403
from .models.context_management import *  # noqa: F403
from .models.errors import *  # noqa: F403
from .models.models_api import *  # noqa: F403
from .models.request import *  # noqa: F403
from .models.response import *  # noqa: F403
from .models.server_tools import *  # noqa: F403
from .models.stream import *  # noqa: F403
from .models.tools import *  # noqa: F403
from .models.toolsets import *  # noqa: F403
from .models.web_tools import *  # noqa: F403

#: Every submodule lists its public names; this package exports their union.
__all__ = []
__all__ += beta.__all__
__all__ += blocks.__all__
__all__ += citations.__all__
__all__ += common.__all__
__all__ += config.__all__
__all__ += content.__all__
__all__ += context_management.__all__
__all__ += errors.__all__
__all__ += models_api.__all__
__all__ += request.__all__
__all__ += response.__all__
__all__ += server_tools.__all__
__all__ += stream.__all__
__all__ += tools.__all__
__all__ += toolsets.__all__
__all__ += web_tools.__all__
