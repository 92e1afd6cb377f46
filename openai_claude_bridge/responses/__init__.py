"""The OpenAI Responses API (``POST /v1/responses``, ``POST /v1/responses/input_tokens``).

Typed wire models named like the official ``openai`` SDK's ``types.responses`` classes:
:class:`ResponseCreateParams` (request), :class:`Response` (response), :data:`ResponseStreamEvent`
(stream events), :class:`InputTokenCountParams` / :class:`InputTokenCountResponse` (token
counting), and every item, content part, tool and event they contain.
"""

from ..chat.models.errors import ErrorObject, ErrorResponse
from .models import (
    calls,
    content,
    items,
    mcp,
    request,
    response,
    shared,
    shell,
    stream,
    stream_tools,
    tools,
)
from .models.calls import *  # noqa: F403
from .models.content import *  # noqa: F403
from .models.items import *  # noqa: F403
from .models.mcp import *  # noqa: F403
from .models.request import *  # noqa: F403
from .models.response import *  # noqa: F403
from .models.shared import *  # noqa: F403
from .models.shell import *  # noqa: F403
from .models.stream import *  # noqa: F403
from .models.stream_tools import *  # noqa: F403
from .models.tools import *  # noqa: F403

#: Every submodule lists its public names; this package exports their union.
__all__ = []
__all__ += calls.__all__
__all__ += content.__all__
__all__ += items.__all__
__all__ += mcp.__all__
__all__ += request.__all__
__all__ += response.__all__
__all__ += shared.__all__
__all__ += shell.__all__
__all__ += stream.__all__
__all__ += stream_tools.__all__
__all__ += tools.__all__
__all__ += ["ErrorObject", "ErrorResponse"]  # the shared OpenAI error body
