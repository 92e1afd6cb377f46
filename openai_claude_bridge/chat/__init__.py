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
``reasoning`` and ``reasoning_details`` on assistant messages, response messages and deltas.
"""

from .models import *  # noqa: F403 - the models are this package's public surface
from .models import __all__ as __all__
