"""An httpx2 transport that runs an ASGI app in-process and *streams* its response.

httpx2's own ``ASGITransport`` runs the app to the end and hands the client the whole body at
once: right for most tests, but a client can then neither read a stream while it is being
written nor go away in the middle of one. This transport runs the app in a task, gives the
client each body chunk as the app sends it, and when the client closes the response early it
tells the app as a server does: ``receive()`` returns ``http.disconnect`` (ASGI spec 2.3, which
uvicorn declares; Starlette cancels the body then) and, with ``spec_version="2.4"``, every later
``send()`` raises ``OSError``. An exception the app raises after the response started reaches the
client as a broken connection (``httpx2.RemoteProtocolError``), as from a real server.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, MutableMapping
from typing import Any

import httpx2

Message = MutableMapping[str, Any]

_END = object()


class StreamingASGITransport(httpx2.AsyncBaseTransport):
    """Requests to an ASGI app, answered as a stream (see the module docstring)."""

    def __init__(self, app: Any, *, spec_version: str = "2.3") -> None:
        self.app = app
        self.spec_version = spec_version
        self.tasks: list[asyncio.Task[None]] = []
        """The app's task of every request (a test may wait for them)."""

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        body = b"".join([part async for part in request.stream])  # type: ignore[union-attr]
        messages: asyncio.Queue[Any] = asyncio.Queue()
        disconnected = asyncio.Event()
        request_sent = False

        async def receive() -> Message:
            nonlocal request_sent
            if not request_sent:
                request_sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            await disconnected.wait()
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            if disconnected.is_set():
                if self.spec_version >= "2.4":
                    raise OSError("the client went away")
                return
            await messages.put(message)

        async def run() -> None:
            try:
                await self.app(_scope(request, self.spec_version), receive, send)
            except Exception as exc:
                await messages.put(exc)
            finally:
                await messages.put(_END)

        task = asyncio.create_task(run())
        self.tasks.append(task)
        start = await messages.get()
        if isinstance(start, BaseException):
            raise start
        assert start is not _END and start["type"] == "http.response.start", start
        headers = [(bytes(k), bytes(v)) for k, v in start.get("headers", [])]
        stream = _Body(messages, disconnected)
        return httpx2.Response(start["status"], headers=headers, stream=stream)


class _Body(httpx2.AsyncByteStream):
    def __init__(self, messages: asyncio.Queue[Any], disconnected: asyncio.Event) -> None:
        self._messages = messages
        self._disconnected = disconnected

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            message = await self._messages.get()
            if message is _END or isinstance(message, BaseException):
                raise httpx2.RemoteProtocolError(
                    f"the server closed the connection mid-body ({message!r})"
                )
            if message.get("body"):
                yield message["body"]
            if not message.get("more_body", False):
                return

    async def aclose(self) -> None:
        self._disconnected.set()


def _scope(request: httpx2.Request, spec_version: str) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": spec_version},
        "http_version": "1.1",
        "method": request.method,
        "headers": [(k.lower(), v) for k, v in request.headers.raw],
        "scheme": request.url.scheme,
        "path": request.url.path,
        "raw_path": request.url.raw_path.split(b"?")[0],
        "query_string": request.url.query,
        "server": (request.url.host, request.url.port),
        "client": ("127.0.0.1", 123),
        "root_path": "",
    }
