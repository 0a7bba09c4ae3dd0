"""How the web app fails: one exception type that carries the status, the message and, for a bad
parameter, the field it names; and the handlers that turn every failure into JSON (under
`/api/`) or an error page (elsewhere), never a traceback.

Status codes: 404 for something that is not in the store, 422 for a parameter or body that
cannot be read (the field is named), 401 / 403 for writes without the right token, 413 for a
body over the limit. Messages name the input and the reason; they may quote what the client
sent, so pages escape them like any other text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from footprint.errors import FootprintError

log = logging.getLogger(__name__)


class WebError(Exception):
    """A request that cannot be answered: its status, a message for people, and the field
    (query parameter, path part or body key) it is about, when there is one."""

    def __init__(
        self,
        status: int,
        message: str,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers or {}

    def __reduce__(self) -> tuple[type[WebError], tuple[int, str, str | None, dict[str, str]]]:
        # Raised in the writer process and read back in the server's: pickled with its fields.
        return (WebError, (self.status, self.message, self.field, self.headers))


def not_found(what: str, field: str | None = None) -> WebError:
    return WebError(404, what, field)


def bad_parameter(field: str, message: str) -> WebError:
    """422 naming the field: `since: 'yesterday' is not a date in YYYY-MM-DD form`."""
    return WebError(422, f"{field}: {message}", field)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _payload(status: int, message: str, fields: Sequence[dict[str, str]] = ()) -> dict[str, Any]:
    body: dict[str, Any] = {"error": message, "status": status}
    if fields:
        body["fields"] = list(fields)
    return body


def _field_name(loc: Sequence[Any]) -> str:
    """('query', 'since') -> 'since'; ('body', 'queries', 'q1', 'name') -> 'queries.q1.name'."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "body", "header", "form", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_fields(exc: RequestValidationError) -> list[dict[str, str]]:
    out = []
    for error in exc.errors():
        field = _field_name(error.get("loc", ()))
        out.append({"field": field, "message": f"{field}: {error.get('msg', 'invalid')}"})
    return out


class ErrorPages:
    """Renders errors for people (the app sets `render` to its template renderer)."""

    def __init__(self) -> None:
        self.render: Any = None

    def respond(
        self, request: Request, status: int, message: str, fields: Sequence[dict[str, str]] = (),
        headers: dict[str, str] | None = None,
    ) -> Response:
        from footprint.web.security import SECURITY_HEADERS

        # A 500 is sent from outside the app's middleware: the headers are set here too.
        headers = {**SECURITY_HEADERS, **(headers or {})}
        if wants_json(request) or self.render is None:
            return JSONResponse(_payload(status, message, fields), status, headers=headers)
        response: Response = self.render(
            request, "error.html.j2", {"status": status, "message": message, "fields": fields},
            status=status,
        )
        for key, value in headers.items():
            response.headers[key] = value
        return response


def install(app: Any, pages: ErrorPages) -> None:
    """Register the handlers on the FastAPI app."""

    async def web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        fields = [{"field": exc.field, "message": exc.message}] if exc.field else []
        return pages.respond(request, exc.status, exc.message, fields, exc.headers)

    async def footprint_error(request: Request, exc: Exception) -> Response:
        # The engine's errors are about what was asked (an unknown country, a query with
        # nothing to find, two names for one actor): the request, not the server.
        return pages.respond(request, 422, str(exc))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        fields = validation_fields(exc)
        message = "; ".join(f["message"] for f in fields) or "the request could not be read"
        return pages.respond(request, 422, message, fields)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        headers = dict(exc.headers) if exc.headers else None
        return pages.respond(request, exc.status_code, message, headers=headers)

    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error answering %s", request.url.path)
        return pages.respond(request, 500, "internal error: the server could not answer this")

    app.add_exception_handler(WebError, web_error)
    app.add_exception_handler(FootprintError, footprint_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, crashed)
