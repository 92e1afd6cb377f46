"""A small, real proxy that puts openai_claude_bridge between clients and upstreams of another
format: an ASGI app on Starlette, talking to its upstreams with httpx2.

Routes
------
=================================  ==========================================================
``POST /v1/messages``              anthropic clients (Claude Code) -> an OpenAI-compatible chat
                                   server (``/chat/completions``: DeepSeek, Kimi, GLM, Qwen,
                                   vLLM, OpenRouter, OpenAI ...), streaming or not
``POST /v1/messages/count_tokens`` answered with an anthropic ``not_found_error`` (404): a chat
                                   server has no token-counting endpoint, and the bridge counts
                                   no tokens itself
``POST /v1/responses``             Responses clients (Codex) -> the Anthropic Messages API
                                   (``/messages``), streaming or not
``POST /v1/responses/input_tokens`` -> Anthropic's ``/messages/count_tokens``
=================================  ==========================================================

Every request goes the same way (:func:`_proxy`): ``convert_request`` (client -> upstream
format), one HTTP call, then

* an upstream error status: ``convert_error`` gives the client its own error body and status
  (a 429 stays a rate limit, Anthropic's 529 "overloaded" becomes OpenAI's 503 ...);
* a JSON answer: ``convert_response`` with ``request=`` (the client's own request), so tool names
  the bridge had to shorten for the upstream (chat and Responses accept at most 64 characters of
  ``[a-zA-Z0-9_-]``) and custom tools it sent as function stand-ins come back as the client sent
  them;
* a stream: an ``SSETranscoder`` (also given ``request=``) turns each upstream chunk into the
  client's SSE bytes as it arrives (:func:`_relay`). A stream that ends without its terminal
  event, or whose connection breaks, ends with the client's *error* ending (an anthropic
  ``error`` event, a Responses ``response.failed``), never a clean one, so the client knows the
  answer is incomplete. When the client goes away, the proxy stops reading and closes the
  upstream response (:class:`_EventStream`).

The proxy's own refusals (a body that is not JSON, a request the bridge cannot convert, an
upstream that cannot be reached) are written as the client's error too: a minimal error body
and an HTTP status, converted by ``convert_error`` (:func:`error_response`).

Running it
----------
Install the package with its ``examples`` extra (Starlette, httpx2, uvicorn), then, from the
repository root (the directory that holds ``docs/``)::

    export PROXY_CHAT_URL=https://api.deepseek.com/v1 PROXY_CHAT_API_KEY=sk-...
    export PROXY_CHAT_DIALECT=reasoning_content PROXY_CHAT_MODEL=deepseek-reasoner
    export PROXY_ANTHROPIC_API_KEY=sk-ant-... PROXY_ANTHROPIC_MODEL=claude-sonnet-4-6
    uvicorn --factory docs.examples.proxy:app_from_env --workers 4 --port 8080

    ANTHROPIC_BASE_URL=http://localhost:8080 claude          # Claude Code -> DeepSeek
    # Codex -> Claude: a model provider with base_url = "http://localhost:8080/v1"

(``python -m docs.examples.proxy`` does the same with ``PROXY_HOST`` / ``PROXY_PORT`` /
``PROXY_WORKERS``.) The bridge holds no state between requests: each conversion reads only the
request it is given (state a client must keep, such as another server's reasoning, travels in
the client's own fields: ``docs/carriers.md``). So any worker or replica can answer any turn of
a conversation, and the proxy scales with ``--workers`` and with replicas behind a load
balancer, with no sticky sessions and nothing shared.

Environment variables are read only by :meth:`ProxyConfig.from_env`; tests and embedders call
:func:`create_app` with a :class:`ProxyConfig` (and, for tests, their own ``httpx2.AsyncClient``).
The proxy sends the upstreams its own keys and does not check the client's: run it where only
your clients reach it, or put your own authentication in front.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import AsyncGenerator, AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

import anyio
import httpx2
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from openai_claude_bridge import (
    BridgeError,
    Loss,
    SSETranscoder,
    convert_error,
    convert_request,
    convert_response,
    convert_token_count_request,
    convert_token_count_response,
    to_wire,
)
from openai_claude_bridge.options import ChatDialect

__all__ = ["ProxyConfig", "app_from_env", "create_app", "error_response"]

log = logging.getLogger("proxy")

ClientFormat = Literal["anthropic", "responses"]
UpstreamFormat = Literal["chat", "anthropic"]


@dataclass(frozen=True)
class ProxyConfig:
    """Where the two kinds of client are sent, and how."""

    chat_url: str = "http://localhost:8000/v1"
    """Base URL of the OpenAI-compatible chat server for anthropic clients (``/chat/completions``
    is appended)."""
    chat_api_key: str | None = None
    chat_dialect: ChatDialect = "openai"
    """The reasoning fields that server reads: ``openai`` (none), ``reasoning_content``
    (DeepSeek, Kimi, GLM, Qwen, vLLM, SGLang) or ``openrouter`` (docs/options.md)."""
    chat_model: str | None = None
    """The model asked of the chat server; ``None`` sends the client's model name as it is."""
    anthropic_url: str = "https://api.anthropic.com/v1"
    """Base URL of the Anthropic API for Responses clients (``/messages`` is appended)."""
    anthropic_api_key: str | None = None
    anthropic_model: str | None = None
    """The Claude model asked for Responses clients; ``None`` sends the client's model name."""
    anthropic_version: str = "2023-06-01"
    timeout: float = 600.0
    """Seconds to wait for an upstream (connecting and between two chunks of a stream)."""

    def __post_init__(self) -> None:
        if self.chat_dialect not in get_args(ChatDialect):  # fail at start, not at a request
            dialects = ", ".join(get_args(ChatDialect))
            raise ValueError(f"chat_dialect {self.chat_dialect!r} is not one of {dialects}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> ProxyConfig:
        """The configuration from the ``PROXY_*`` environment variables below (one per
        field; an unset one keeps the field's default)."""
        names = {
            "chat_url": "PROXY_CHAT_URL",
            "chat_api_key": "PROXY_CHAT_API_KEY",
            "chat_dialect": "PROXY_CHAT_DIALECT",
            "chat_model": "PROXY_CHAT_MODEL",
            "anthropic_url": "PROXY_ANTHROPIC_URL",
            "anthropic_api_key": "PROXY_ANTHROPIC_API_KEY",
            "anthropic_model": "PROXY_ANTHROPIC_MODEL",
            "anthropic_version": "PROXY_ANTHROPIC_VERSION",
        }
        values: dict[str, Any] = {
            key: environ[name] for key, name in names.items() if name in environ
        }
        if "PROXY_TIMEOUT" in environ:
            values["timeout"] = float(environ["PROXY_TIMEOUT"])
        return cls(**values)


@dataclass(frozen=True)
class _Upstream:
    """One upstream, as a route sees it: its format, where to post, and the bridge options of
    the requests sent to it."""

    format: UpstreamFormat
    base_url: str
    headers: Mapping[str, str]
    request_options: Mapping[str, Any] = field(default_factory=dict)
    """Options of ``convert_request`` only: the model asked, the chat dialect to write."""

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path


def _chat_upstream(config: ProxyConfig) -> _Upstream:
    headers = {"authorization": f"Bearer {config.chat_api_key}"} if config.chat_api_key else {}
    options = {"chat_dialect": config.chat_dialect, "model": config.chat_model}
    return _Upstream("chat", config.chat_url, headers, options)


def _anthropic_upstream(config: ProxyConfig) -> _Upstream:
    headers = {"anthropic-version": config.anthropic_version}
    if config.anthropic_api_key:
        headers["x-api-key"] = config.anthropic_api_key
    return _Upstream("anthropic", config.anthropic_url, headers, {"model": config.anthropic_model})


def _log_loss(loss: Loss) -> None:
    """What the upstream's format could not carry (or carried approximately): worth a log
    line, not a failure (pass ``strict=True`` to the bridge to refuse such requests)."""
    log.info("bridge loss at %s (%s): %s", loss.path, loss.feature, loss.reason)


# ---------------------------------------------------------------------------------- errors


def error_response(client: ClientFormat, status: int, message: str) -> JSONResponse:
    """An error the proxy itself answers, in the client's format. The body is a minimal OpenAI
    error (``{"error": {"message": …}}``) converted by ``convert_error``, which picks the
    client's error type from the HTTP status (404 -> ``not_found_error``, 502 -> ``api_error``,
    504 -> ``timeout_error`` …) and the status the client's API uses for it."""
    status, body = convert_error(
        {"error": {"message": message}}, source="chat", target=client, status=status
    )
    return JSONResponse(to_wire(body), status_code=status)


async def _upstream_error(
    reply: httpx2.Response, client: ClientFormat, upstream: _Upstream
) -> Response:
    """The upstream's error status and body, in the client's format."""
    raw = await reply.aread()
    await reply.aclose()
    try:
        status, body = convert_error(
            json.loads(raw), source=upstream.format, target=client, status=reply.status_code
        )
    except (
        ValueError,
        BridgeError,
    ):  # not JSON, or not an error body of its format (a proxy's HTML page)
        text = raw.decode("utf-8", "replace").strip()[:500]
        return error_response(
            client, reply.status_code, f"upstream answered {reply.status_code}: {text}"
        )
    return JSONResponse(to_wire(body), status_code=status)


# ---------------------------------------------------------------------------------- streams


async def _relay(reply: httpx2.Response, transcoder: SSETranscoder) -> AsyncGenerator[bytes, None]:
    """The upstream's SSE body, transcoded chunk by chunk as it arrives. A broken connection
    (or a read timeout) is a cut: ``abort()`` writes the client's error ending, naming it; the
    end of the body is ``finish()``, which writes the clean ending, or the error ending of a
    body that stopped early. An upstream event the bridge cannot read raises its
    ``BridgeError`` here: the status line went out with the first bytes, so the server cuts
    the connection, and the client fails rather than take half an answer for a whole one. The
    upstream response is closed however this ends, including when the client goes away (the
    generator is then cancelled, or closed by :class:`_EventStream`)."""
    try:
        try:
            async for chunk in reply.aiter_bytes():
                if out := transcoder.feed(chunk):
                    yield out
        except httpx2.TransportError as exc:  # the connection broke, or a read timed out
            log.warning("the upstream stream broke: %r", exc)
            yield transcoder.abort(f"the upstream connection broke ({type(exc).__name__})")
        else:
            yield transcoder.finish()  # a clean ending, or the client's error ending
    finally:
        with anyio.CancelScope(shield=True):  # a cancelled task may still close the connection
            await reply.aclose()


class _EventStream(StreamingResponse):
    """``text/event-stream`` whose body generator is closed however the response ends.
    Starlette cancels the task sending the body when the client disconnects (or, for ASGI
    servers that say so, stops on the ``OSError`` of a ``send``), which can leave the generator
    suspended at a ``yield``, its ``finally`` not run; closing it here runs it at once, and
    that closes the upstream response."""

    media_type = "text/event-stream"

    def __init__(self, body: AsyncGenerator[bytes, None]) -> None:
        super().__init__(body, headers={"cache-control": "no-cache", "x-accel-buffering": "no"})
        self._body = body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            with anyio.CancelScope(shield=True):
                await self._body.aclose()


# ---------------------------------------------------------------------------------- routes


async def _proxy(
    request: Request, client: ClientFormat, upstream: _Upstream, path: str, http: httpx2.AsyncClient
) -> Response:
    """One request of a ``client`` format, answered by ``upstream``: convert, send, convert
    back (see the module docstring)."""
    try:
        body = await request.json()
    except ValueError:
        return error_response(client, 400, "the request body is not JSON")
    try:
        sent = to_wire(
            convert_request(
                body,
                source=client,
                target=upstream.format,
                on_loss=_log_loss,
                **upstream.request_options,
            )
        )
    except BridgeError as exc:
        return error_response(client, exc.status_hint, str(exc))
    streaming = sent.get("stream") is True
    if streaming and upstream.format == "chat":
        sent["stream_options"] = {"include_usage": True}  # the token counts the client shows
    try:
        reply = await http.send(
            http.build_request("POST", upstream.url(path), json=sent, headers=upstream.headers),
            stream=True,
        )
    except httpx2.TimeoutException as exc:
        return error_response(client, 504, f"the upstream did not answer in time: {exc!r}")
    except httpx2.TransportError as exc:
        return error_response(client, 502, f"the upstream cannot be reached: {exc!r}")
    if reply.status_code >= 400:
        return await _upstream_error(reply, client, upstream)
    # The client's own request rides along: ``request=`` gives the answer the client's tool
    # names (and custom tools) back.
    answer_options: dict[str, Any] = {"request": body, "on_loss": _log_loss}
    if streaming:
        transcoder = SSETranscoder(source=upstream.format, target=client, **answer_options)
        return _EventStream(_relay(reply, transcoder))
    try:
        payload = json.loads(await reply.aread())
        answer = convert_response(payload, source=upstream.format, target=client, **answer_options)
    except (ValueError, BridgeError) as exc:  # not JSON, or not an answer of its format
        return error_response(client, 502, f"the upstream's answer cannot be read: {exc}")
    finally:
        await reply.aclose()
    return JSONResponse(to_wire(answer))


async def _count_tokens(
    request: Request, upstream: _Upstream, http: httpx2.AsyncClient
) -> Response:
    """A Responses ``input_tokens`` count, asked of Anthropic's ``count_tokens``."""
    try:
        body = await request.json()
        sent = to_wire(
            convert_token_count_request(
                body, source="responses", target="anthropic", **upstream.request_options
            )
        )
    except ValueError:
        return error_response("responses", 400, "the request body is not JSON")
    except BridgeError as exc:
        return error_response("responses", exc.status_hint, str(exc))
    try:
        reply = await http.post(
            upstream.url("/messages/count_tokens"), json=sent, headers=upstream.headers
        )
    except httpx2.TransportError as exc:
        return error_response("responses", 502, f"the upstream cannot be reached: {exc!r}")
    if reply.status_code >= 400:
        return await _upstream_error(reply, "responses", upstream)
    try:
        count = convert_token_count_response(reply.json(), source="anthropic", target="responses")
    except (ValueError, BridgeError) as exc:
        return error_response("responses", 502, f"the upstream's count cannot be read: {exc}")
    return JSONResponse(to_wire(count))


async def _no_token_count(request: Request) -> Response:
    """A chat server cannot count tokens, and the bridge has no tokenizer: say so, as the
    anthropic error a client expects from an endpoint that is not there."""
    return error_response(
        "anthropic",
        404,
        "token counting is not available: this proxy's upstream is an OpenAI-compatible chat "
        "server, which has no token-counting endpoint",
    )


def create_app(
    config: ProxyConfig = ProxyConfig(), *, http_client: httpx2.AsyncClient | None = None
) -> Starlette:
    """The proxy for ``config``. ``http_client`` (e.g. one with a mock transport in tests) is
    used for every upstream call and left open; without it the app makes its own client and
    closes it at shutdown."""
    http = http_client or httpx2.AsyncClient(timeout=httpx2.Timeout(config.timeout, connect=10.0))
    chat, anthropic = _chat_upstream(config), _anthropic_upstream(config)

    async def messages(request: Request) -> Response:
        return await _proxy(request, "anthropic", chat, "/chat/completions", http)

    async def responses(request: Request) -> Response:
        return await _proxy(request, "responses", anthropic, "/messages", http)

    async def input_tokens(request: Request) -> Response:
        return await _count_tokens(request, anthropic, http)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if http_client is None:
            await http.aclose()

    routes = [
        Route("/v1/messages", messages, methods=["POST"]),
        Route("/v1/messages/count_tokens", _no_token_count, methods=["POST"]),
        Route("/v1/responses", responses, methods=["POST"]),
        Route("/v1/responses/input_tokens", input_tokens, methods=["POST"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


def app_from_env() -> Starlette:
    """The app configured from the environment: ``uvicorn --factory
    docs.examples.proxy:app_from_env`` (each worker process calls it once)."""
    return create_app(ProxyConfig.from_env())


if __name__ == "__main__":
    import uvicorn

    logging.basicConfig(level=logging.INFO)
    uvicorn.run(
        "docs.examples.proxy:app_from_env",
        factory=True,
        host=os.environ.get("PROXY_HOST", "127.0.0.1"),
        port=int(os.environ.get("PROXY_PORT", "8080")),
        workers=int(os.environ.get("PROXY_WORKERS", "1")),
    )
