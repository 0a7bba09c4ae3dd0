"""What every response and request passes through: the security headers and the body limits.

Every response carries a Content-Security-Policy that allows scripts, styles, images and
requests from this server only, and no inline script or style: article text is hostile, and
were some of it ever to reach a page unescaped it still could not run or load anything. Request
bodies are capped (uploads at their own limit, other bodies at a smaller one); a larger one is
refused with 413, before it is read when its length is declared, as soon as it passes the limit
when it is not.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

# The paths whose bodies are documents (and may be as large as an upload).
UPLOAD_PATHS = ("/api/documents", "/api/documents/upload")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    headers[key] = value
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuses a request body over its path's limit with 413: at once when Content-Length says
    so, else as soon as the bytes received pass it (a chunked body states no length)."""

    def __init__(self, app: ASGIApp, upload_bytes: int, body_bytes: int) -> None:
        self.app = app
        self.upload_bytes = upload_bytes
        self.body_bytes = body_bytes

    def limit(self, path: str) -> int:
        return self.upload_bytes if path in UPLOAD_PATHS else self.body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit(scope["path"])
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _too_large(send, limit)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # An HTTPException: FastAPI passes it on from reading the body as it is
                    # (any other error there becomes a 400).
                    raise StarletteHTTPException(413, _too_large_message(limit))
            return message

        await self.app(scope, counted, send)


def _too_large_message(limit: int) -> str:
    return f"request body too large: the limit here is {limit:,} bytes"


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"error": _too_large_message(limit), "status": 413}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
    headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
