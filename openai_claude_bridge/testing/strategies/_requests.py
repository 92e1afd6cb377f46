"""Rendering a :class:`~._plans.Conversation` as a request of each format.

Every rendering keeps the conversation's turn structure the way its API wants it:

* **anthropic** — alternating ``user`` / ``assistant`` messages; an assistant turn's blocks in
  order (a ``thinking`` block with its signature first when thinking is on, ``redacted_thinking``
  sometimes, ``text``, ``tool_use``); the ``tool_result`` blocks answering every ``tool_use``
  first in the next user message (``is_error``, images inside), the user's next words after
  them in that same message; at most four ``cache_control`` breakpoints; ``thinking`` with a
  budget below ``max_tokens`` and no forced ``tool_choice`` beside it.
* **chat** — ``system`` or ``developer`` messages first; an assistant message with content
  and/or ``tool_calls``; one ``tool`` message per call right after it (an image a result holds
  goes to a user message after them, as clients do: a ``tool`` message holds only text);
  reasoning in history in the dialect of the server the client talks to (``reasoning_content``;
  OpenRouter's ``reasoning`` + ``reasoning_details`` with the signature) when dialects are on.
* **responses** — input items: user messages (plain or typed), ``reasoning`` items (summary,
  ``encrypted_content``) wherever the turn had them, assistant ``message`` items, ``function_call``
  items, a ``function_call_output`` for each after them; ``instructions`` or system messages.
* **completions** — the user's words as a ``prompt`` (a string or a list of them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from ._atoms import HEX, Ids, Image, ToolSpec, arguments_json
from ._plans import Assistant, Conversation, Result, Results, Text, Thought, User

Json = dict[str, Any]
Renderer = Callable[[Conversation, bool], st.SearchStrategy[Json]]

# --------------------------------------------------------------------------- anthropic

_ANTHROPIC_MODELS = ("claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-haiku-4-5")


def anthropic_call_id(ids: Ids) -> str:
    """A ``tool_use`` id as the Messages API makes them."""
    return ids.make("toolu_01", 22)


def _call_ids(conversation: Conversation, make: Callable[[Ids], str]) -> dict[int, str]:
    ids = Ids(conversation.seed)
    return {call.number: make(ids) for call in conversation.calls}


def _anthropic_image(image: Image) -> Json:
    if image.data is not None:
        source: Json = {"type": "base64", "media_type": image.media_type, "data": image.data}
    else:
        source = {"type": "url", "url": image.url}
    return {"type": "image", "source": source}


def _anthropic_user_blocks(user: User) -> list[Json]:
    return [{"type": "text", "text": t} for t in user.texts] + [
        _anthropic_image(i) for i in user.images
    ]


def _anthropic_result(result: Result, call_id: str, as_string: bool) -> Json:
    block: Json = {"type": "tool_result", "tool_use_id": call_id}
    if as_string and result.image is None:
        block["content"] = result.text
    else:
        content = [{"type": "text", "text": result.text}]
        if result.image is not None:
            content.append(_anthropic_image(result.image))
        block["content"] = content
    if result.is_error:
        block["is_error"] = True
    return block


def anthropic_thinking(thought: Thought) -> Json:
    """A thought as an anthropic ``thinking`` (or ``redacted_thinking``) block."""
    if thought.redacted:
        return {"type": "redacted_thinking", "data": thought.signature}
    return {"type": "thinking", "thinking": thought.text, "signature": thought.signature}


def _anthropic_assistant(turn: Assistant, call_ids: dict[int, str]) -> list[Json]:
    blocks: list[Json] = []
    for part in turn.parts:
        if isinstance(part, Thought):
            blocks.append(anthropic_thinking(part))
        elif isinstance(part, Text):
            blocks.append({"type": "text", "text": part.text})
        else:
            blocks.append(
                {
                    "type": "tool_use",
                    "id": call_ids[part.number],
                    "name": part.spec.name,
                    "input": part.arguments,
                }
            )
    return blocks


def _mark_cache(blocks: list[Json], budget: list[int]) -> None:
    if blocks and budget[0] > 0:
        blocks[-1]["cache_control"] = {"type": "ephemeral"}
        budget[0] -= 1


@st.composite
def anthropic_request(draw: st.DrawFn, conversation: Conversation, dialects: bool) -> Json:
    """``conversation`` as a Messages API request."""
    call_ids = _call_ids(conversation, anthropic_call_id)
    cache = [4 if conversation.cache else 0]  # the API takes at most four breakpoints
    messages: list[Json] = []
    for turn in conversation.turns:
        if isinstance(turn, User):
            messages.append({"role": "user", "content": _anthropic_user_blocks(turn)})
        elif isinstance(turn, Assistant):
            messages.append({"role": "assistant", "content": _anthropic_assistant(turn, call_ids)})
        else:
            as_string = draw(st.booleans(), label="string results")
            blocks = [
                _anthropic_result(r, call_ids[r.call.number], as_string) for r in turn.results
            ]
            if turn.then is not None:
                blocks += _anthropic_user_blocks(turn.then)
            messages.append({"role": "user", "content": blocks})
    _mark_cache(messages[-1]["content"], cache)
    for message in messages:
        blocks = message["content"]
        plain = (
            len(blocks) == 1 and blocks[0]["type"] == "text" and "cache_control" not in blocks[0]
        )
        if plain and draw(st.booleans(), label="string content"):
            message["content"] = blocks[0]["text"]
    body: Json = {
        "model": draw(st.sampled_from(_ANTHROPIC_MODELS)),
        "max_tokens": conversation.max_tokens,
        "messages": messages,
    }
    if conversation.system:
        system = [{"type": "text", "text": t} for t in conversation.system]
        _mark_cache(system, cache)
        if len(system) == 1 and "cache_control" not in system[0] and draw(st.booleans()):
            body["system"] = conversation.system[0]
        else:
            body["system"] = system
    if conversation.tools:
        tools = [
            {"name": s.name, "description": s.description, "input_schema": dict(s.schema)}
            for s in conversation.tools
        ]
        _mark_cache(tools, cache)
        body["tools"] = tools
        choice = _anthropic_tool_choice(conversation)
        if choice is not None:
            body["tool_choice"] = choice
    if conversation.thinking is not None:
        if draw(st.integers(0, 3), label="adaptive") == 0:
            body["thinking"] = {"type": "adaptive"}
        else:
            body["thinking"] = {"type": "enabled", "budget_tokens": conversation.thinking.budget}
    if conversation.output is not None:
        body["output_config"] = {
            "format": {"type": "json_schema", "schema": dict(conversation.output.schema)}
        }
    if conversation.temperature is not None:
        body["temperature"] = conversation.temperature
    if conversation.stream is not None:
        body["stream"] = conversation.stream
    if draw(st.integers(0, 3), label="metadata") == 0:
        body["metadata"] = {"user_id": Ids(conversation.seed ^ 1).make("user_", 12)}
    return body


def _anthropic_tool_choice(conversation: Conversation) -> Json | None:
    if conversation.tool_choice is None and conversation.parallel is not False:
        return None
    mode, name = conversation.tool_choice or ("auto", None)
    choice: Json = {"type": {"required": "any"}.get(mode, mode)}
    if name is not None:
        choice["name"] = name
    if conversation.parallel is False and mode != "none":
        choice["disable_parallel_tool_use"] = True
    return choice


# --------------------------------------------------------------------------- chat

#: The chat dialects a client may talk — the official API, DeepSeek-style
#: ``reasoning_content``, OpenRouter (``reasoning`` + ``reasoning_details``, anthropic-style
#: ``cache_control`` on parts) — and their models: (without reasoning, reasoning).
_CHAT_MODELS = {
    "openai": (("gpt-4.1", "gpt-4o-mini"), ("o4-mini", "gpt-5")),
    "reasoning_content": (
        ("deepseek-chat", "qwen3-coder-plus", "kimi-k2"),
        ("deepseek-reasoner", "qwen3-235b-a22b-thinking", "kimi-k2-thinking", "glm-4.6"),
    ),
    "openrouter": (
        ("openai/gpt-4.1", "mistralai/mistral-large"),
        ("anthropic/claude-sonnet-4.5", "openai/gpt-5", "google/gemini-2.5-pro"),
    ),
}


def chat_call_id(ids: Ids) -> str:
    """A tool-call id as OpenAI makes them."""
    return ids.make("call_", 24)


def _chat_text_parts(texts: tuple[str, ...]) -> list[Json]:
    return [{"type": "text", "text": t} for t in texts]


def _chat_image(image: Image) -> Json:
    return {"type": "image_url", "image_url": {"url": image.data_url}}


def _chat_cache(dialect: str) -> tuple[str, Json]:
    if dialect == "openrouter":
        return "cache_control", {"type": "ephemeral"}
    return "prompt_cache_breakpoint", {"mode": "explicit"}


@st.composite
def _chat_user(draw: st.DrawFn, user: User, cache: tuple[str, Json] | None) -> Json:
    if len(user.texts) == 1 and not user.images and cache is None and draw(st.booleans()):
        return {"role": "user", "content": user.texts[0]}
    parts = _chat_text_parts(user.texts) + [_chat_image(i) for i in user.images]
    if cache is not None:
        parts[-1][cache[0]] = cache[1]
    return {"role": "user", "content": parts}


def chat_reasoning(thoughts: list[Thought], dialect: str, separator: str = "\n\n") -> Json:
    """An assistant message's reasoning in the dialect of its server (the texts of its
    thoughts joined by ``separator``)."""
    text = separator.join(t.text for t in thoughts if not t.redacted)
    if dialect == "reasoning_content":
        return {"reasoning_content": text} if text else {}
    details: list[Json] = []
    for n, thought in enumerate(thoughts):
        if thought.redacted:
            detail: Json = {"type": "reasoning.encrypted", "data": thought.signature}
        else:
            detail = {
                "type": "reasoning.text",
                "text": thought.text,
                "signature": thought.signature,
            }
        details.append({**detail, "format": "anthropic-claude-v1", "index": n})
    return (
        {"reasoning": text, "reasoning_details": details}
        if text
        else {"reasoning_details": details}
    )


@st.composite
def _chat_assistant(
    draw: st.DrawFn, turn: Assistant, call_ids: dict[int, str], dialect: str
) -> Json:
    texts = [p.text for p in turn.parts if isinstance(p, Text)]
    message: Json = {"role": "assistant", "content": "".join(texts) if texts else None}
    if turn.calls:
        message["tool_calls"] = [
            {
                "id": call_ids[c.number],
                "type": "function",
                "function": {"name": c.spec.name, "arguments": draw(arguments_json(c.arguments))},
            }
            for c in turn.calls
        ]
    thoughts = [p for p in turn.parts if isinstance(p, Thought)]
    if thoughts and dialect != "openai":
        message.update(chat_reasoning(thoughts, dialect))
    return message


@st.composite
def chat_request(draw: st.DrawFn, conversation: Conversation, dialects: bool) -> Json:
    """``conversation`` as a Chat Completions request."""
    dialect = draw(st.sampled_from(sorted(_CHAT_MODELS))) if dialects else "openai"
    call_ids = _call_ids(conversation, chat_call_id)
    cache = _chat_cache(dialect) if conversation.cache else None
    messages: list[Json] = []
    if conversation.system:
        role = draw(st.sampled_from(["system", "developer"]))
        content: Any = _chat_text_parts(conversation.system)
        if cache is not None:
            content[-1][cache[0]] = cache[1]
        elif len(conversation.system) == 1 and draw(st.booleans()):
            content = conversation.system[0]
        messages.append({"role": role, "content": content})
    last = len(conversation.turns) - 1
    for n, turn in enumerate(conversation.turns):
        mark = cache if n == last else None
        if isinstance(turn, User):
            messages.append(draw(_chat_user(turn, mark)))
        elif isinstance(turn, Assistant):
            messages.append(draw(_chat_assistant(turn, call_ids, dialect)))
        else:
            messages += draw(_chat_results(turn, call_ids, mark))
    models = _CHAT_MODELS[dialect][conversation.thinking is not None]
    body: Json = {"model": draw(st.sampled_from(models)), "messages": messages}
    if conversation.tools:
        body["tools"] = [_chat_tool(s, draw(st.booleans())) for s in conversation.tools]
        if conversation.tool_choice is not None:
            body["tool_choice"] = _chat_tool_choice(*conversation.tool_choice)
        if conversation.parallel is not None:
            body["parallel_tool_calls"] = conversation.parallel
    if conversation.thinking is not None:
        body["reasoning_effort"] = conversation.thinking.effort
    if conversation.output is not None:
        schema = {"name": conversation.output.name, "schema": dict(conversation.output.schema)}
        body["response_format"] = {"type": "json_schema", "json_schema": {**schema, "strict": True}}
    limit = "max_completion_tokens" if draw(st.booleans()) else "max_tokens"
    body[limit] = conversation.max_tokens
    if conversation.temperature is not None:
        body["temperature"] = conversation.temperature
    if conversation.stream is not None:
        body["stream"] = conversation.stream
        if conversation.stream and draw(st.booleans(), label="include usage"):
            body["stream_options"] = {"include_usage": True}
    if conversation.cache and draw(st.booleans(), label="prompt_cache_key"):
        body["prompt_cache_key"] = Ids(conversation.seed ^ 2).make("session-", 12)
    return body


@st.composite
def _chat_results(
    draw: st.DrawFn, turn: Results, call_ids: dict[int, str], cache: tuple[str, Json] | None
) -> list[Json]:
    messages: list[Json] = []
    for result in turn.results:
        content: Any = result.text
        if draw(st.booleans(), label="text parts"):
            content = _chat_text_parts((result.text,))
        messages.append(
            {"role": "tool", "tool_call_id": call_ids[result.call.number], "content": content}
        )
    pictures = tuple(r.image for r in turn.results if r.image is not None)
    if turn.then is not None or pictures:
        # a tool message holds only text: the images of the results follow in a user message
        texts = turn.then.texts if turn.then is not None else ()
        then_images = turn.then.images if turn.then is not None else ()
        messages.append(draw(_chat_user(User(texts, pictures + then_images), cache)))
    elif cache is not None and isinstance(messages[-1]["content"], list):
        messages[-1]["content"][-1][cache[0]] = cache[1]
    return messages


def _chat_tool(spec: ToolSpec, strict: bool) -> Json:
    function: Json = {
        "name": spec.name,
        "description": spec.description,
        "parameters": dict(spec.schema),
    }
    if strict and spec.strict_ok:
        function["strict"] = True
    return {"type": "function", "function": function}


def _chat_tool_choice(mode: str, name: str | None) -> Any:
    if mode == "tool":
        return {"type": "function", "function": {"name": name}}
    return mode


# --------------------------------------------------------------------------- responses

#: Responses models: (without reasoning, reasoning).
_RESPONSES_MODELS = (("gpt-4.1", "gpt-4o"), ("gpt-5", "gpt-5-codex", "o4-mini"))


def responses_call_id(ids: Ids) -> str:
    """A function call's ``call_id`` as the Responses API makes them."""
    return ids.make("call_", 24)


@st.composite
def _responses_user(draw: st.DrawFn, user: User, cache: bool) -> Json:
    message: Json = {"role": "user"}
    if draw(st.booleans(), label="typed message"):
        message = {"type": "message", "role": "user"}
    if len(user.texts) == 1 and not user.images and not cache and draw(st.booleans()):
        message["content"] = user.texts[0]
        return message
    parts: list[Json] = [{"type": "input_text", "text": t} for t in user.texts]
    parts += [_responses_image(i) for i in user.images]
    if cache:
        parts[-1]["prompt_cache_breakpoint"] = {"mode": "explicit"}
    message["content"] = parts
    return message


def _responses_image(image: Image) -> Json:
    return {"type": "input_image", "image_url": image.data_url, "detail": "auto"}


@st.composite
def _responses_assistant(
    draw: st.DrawFn, turn: Assistant, call_ids: dict[int, str], ids: Ids
) -> list[Json]:
    items: list[Json] = []
    for part in turn.parts:
        if isinstance(part, Thought):
            summary = [{"type": "summary_text", "text": s} for s in part.summary]
            items.append(
                {
                    "type": "reasoning",
                    "id": ids.make("rs_", 48, HEX),
                    "summary": summary,
                    "encrypted_content": part.encrypted,
                }
            )
        elif isinstance(part, Text):
            if draw(st.booleans(), label="easy assistant message"):
                items.append({"role": "assistant", "content": part.text})
                continue
            items.append(
                {
                    "type": "message",
                    "id": ids.make("msg_", 48, HEX),
                    "role": "assistant",
                    "status": "completed",
                    "content": [{"type": "output_text", "text": part.text, "annotations": []}],
                }
            )
        else:
            item: Json = {
                "type": "function_call",
                "call_id": call_ids[part.number],
                "name": part.spec.name,
                "arguments": draw(arguments_json(part.arguments)),
            }
            if draw(st.booleans(), label="function_call id"):
                item = {"id": ids.make("fc_", 48, HEX), **item, "status": "completed"}
            items.append(item)
    return items


@st.composite
def _responses_results(
    draw: st.DrawFn, turn: Results, call_ids: dict[int, str], cache: bool
) -> list[Json]:
    items: list[Json] = []
    for result in turn.results:
        output: Any = result.text
        if result.image is not None or draw(st.booleans(), label="output parts"):
            output = [{"type": "input_text", "text": result.text}]
            if result.image is not None:
                output.append(_responses_image(result.image))
        items.append(
            {
                "type": "function_call_output",
                "call_id": call_ids[result.call.number],
                "output": output,
            }
        )
    if turn.then is not None:
        items.append(draw(_responses_user(turn.then, cache)))
    return items


@st.composite
def responses_request(draw: st.DrawFn, conversation: Conversation, dialects: bool) -> Json:
    """``conversation`` as a Responses API request."""
    call_ids = _call_ids(conversation, responses_call_id)
    ids = Ids(conversation.seed ^ 3)
    items: list[Json] = []
    models = _RESPONSES_MODELS[conversation.thinking is not None]
    body: Json = {"model": draw(st.sampled_from(models))}
    if conversation.system:
        if draw(st.booleans(), label="instructions"):
            body["instructions"] = "\n\n".join(conversation.system)
        else:
            role = draw(st.sampled_from(["system", "developer"]))
            items += [{"role": role, "content": text} for text in conversation.system]
    last = len(conversation.turns) - 1
    for n, turn in enumerate(conversation.turns):
        cache = conversation.cache and n == last
        if isinstance(turn, User):
            items.append(draw(_responses_user(turn, cache)))
        elif isinstance(turn, Assistant):
            items += draw(_responses_assistant(turn, call_ids, ids))
        else:
            items += draw(_responses_results(turn, call_ids, cache))
    simple = len(items) == 1 and isinstance(items[0].get("content"), str) and "type" not in items[0]
    body["input"] = items[0]["content"] if simple and draw(st.booleans()) else items
    if conversation.tools:
        body["tools"] = [
            {
                "type": "function",
                "name": s.name,
                "description": s.description,
                "parameters": dict(s.schema),
                "strict": s.strict_ok and draw(st.booleans()),
            }
            for s in conversation.tools
        ]
        if conversation.tool_choice is not None:
            mode, name = conversation.tool_choice
            body["tool_choice"] = {"type": "function", "name": name} if mode == "tool" else mode
        if conversation.parallel is not None:
            body["parallel_tool_calls"] = conversation.parallel
    if conversation.thinking is not None:
        body["reasoning"] = {
            "effort": conversation.thinking.effort,
            "summary": draw(st.sampled_from(["auto", "detailed", "concise"])),
        }
        body["include"] = ["reasoning.encrypted_content"]
        body["store"] = False
    if conversation.output is not None:
        body["text"] = {
            "format": {
                "type": "json_schema",
                "name": conversation.output.name,
                "schema": dict(conversation.output.schema),
                "strict": True,
            }
        }
    body["max_output_tokens"] = conversation.max_tokens
    if conversation.temperature is not None:
        body["temperature"] = conversation.temperature
    if conversation.stream is not None:
        body["stream"] = conversation.stream
    if conversation.cache and draw(st.booleans(), label="prompt_cache_key"):
        body["prompt_cache_key"] = Ids(conversation.seed ^ 2).make("session-", 12)
    return body


# --------------------------------------------------------------------------- completions

_COMPLETIONS_MODELS = ("gpt-3.5-turbo-instruct", "davinci-002", "Qwen/Qwen2.5-7B")


@st.composite
def completions_request(draw: st.DrawFn, conversation: Conversation, dialects: bool) -> Json:
    """The conversation's words as a legacy Completions request (one prompt or several)."""
    words = [t for turn in conversation.turns if isinstance(turn, User) for t in turn.texts]
    prompt: Any = "\n\n".join(conversation.system + tuple(words))
    if len(words) > 1 and draw(st.booleans(), label="prompt list"):
        prompt = words
    body: Json = {"model": draw(st.sampled_from(_COMPLETIONS_MODELS)), "prompt": prompt}
    body["max_tokens"] = conversation.max_tokens
    if conversation.temperature is not None:
        body["temperature"] = conversation.temperature
    if draw(st.booleans(), label="n"):
        body["n"] = draw(st.integers(1, 3))
    if draw(st.booleans(), label="stop"):
        body["stop"] = draw(st.sampled_from(["\n\n", ["END", "###"]]))
    if draw(st.booleans(), label="logprobs"):
        body["logprobs"] = draw(st.integers(0, 5))
    if conversation.stream is not None:
        body["stream"] = conversation.stream
        if conversation.stream and draw(st.booleans(), label="include usage"):
            body["stream_options"] = {"include_usage": True}
    return body


RENDERERS: dict[str, Renderer] = {
    "anthropic": anthropic_request,
    "chat": chat_request,
    "responses": responses_request,
    "completions": completions_request,
}
