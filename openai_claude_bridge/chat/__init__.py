"""OpenAI Chat Completions (``POST /v1/chat/completions``): typed wire models.

The request is :class:`CompletionCreateParams`, the response :class:`ChatCompletion`, a stream
event :class:`ChatCompletionChunk`; an error body (and a mid-stream error frame) is
:class:`ErrorResponse`. Class and field names follow the official ``openai`` SDK's
``types/chat`` (request models carry the SDK's ``Param`` suffix). Where the SDK nests different
classes under one generic name, the ones that would clash here are renamed, each noting its SDK
origin: ``ChunkChoice`` (the chunk's ``Choice``), ``CustomToolDefinition``,
``NamedToolChoiceFunction``, ``NamedToolChoiceCustom``, ``CompletionCreateParamsFunction``,
``CompletionCreateParamsFunctionCall`` and ``CompletionCreateParamsModeration``.

Provider extensions (not in the official API) are typed optional fields: ``reasoning_content``,
``reasoning`` and ``reasoning_details`` on assistant messages, response messages and deltas,
OpenRouter's anthropic-style ``cache_control`` on text, image, input-audio and file parts, and
Mistral's ``content`` lists of text / thinking chunks (:data:`ContentChunk`) on response messages
and deltas.
"""

from .models import (
    content,
    errors,
    extensions,
    messages,
    moderation,
    request,
    response,
    shared,
    stream,
    tools,
    usage,
)
from .models.content import *  # noqa: F403
from .models.errors import *  # noqa: F403
from .models.extensions import *  # noqa: F403
from .models.messages import *  # noqa: F403
from .models.moderation import *  # noqa: F403
from .models.request import *  # noqa: F403
from .models.response import *  # noqa: F403
from .models.shared import *  # noqa: F403
from .models.stream import *  # noqa: F403
from .models.tools import *  # noqa: F403
from .models.usage import *  # noqa: F403

#: Every submodule lists its public names; this package exports their union.
__all__ = []
__all__ += content.__all__
__all__ += errors.__all__
__all__ += extensions.__all__
__all__ += messages.__all__
__all__ += moderation.__all__
__all__ += request.__all__
__all__ += response.__all__
__all__ += shared.__all__
__all__ += stream.__all__
__all__ += tools.__all__
__all__ += usage.__all__
