"""Who may write: the bearer token that enables ingest, judgements and ratings.

Writes are off unless the server was given a token (`FOOTPRINT_TOKEN`, or `--token-file` with
the token on its first line): a server without one answers every write with 403 and says how to
enable writes. With one, a write must carry `Authorization: Bearer TOKEN`; a missing or wrong
token is 401. Tokens are compared with `hmac.compare_digest`, whose time does not depend on
where the two first differ, so timing the answers does not reveal the token a byte at a time.
"""

from __future__ import annotations

import hmac

from fastapi import Request

from footprint.web.errors import WebError
from footprint.web.tokens import TOKEN_ENV


def bearer(request: Request) -> str | None:
    """The token an `Authorization: Bearer ...` header carries, else None."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def require_writer(request: Request) -> None:
    """A FastAPI dependency for every write: 403 on a read-only server, 401 without the right
    token."""
    token: str | None = request.app.state.token
    if token is None:
        raise WebError(
            403,
            "this server is read-only: writes are enabled by starting it with "
            f"{TOKEN_ENV} (or --token-file) set",
        )
    given = bearer(request)
    challenge = {"WWW-Authenticate": 'Bearer realm="footprint"'}
    if given is None:
        raise WebError(
            401, "writes need the server's token: send 'Authorization: Bearer TOKEN'", None,
            challenge,
        )
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise WebError(401, "the bearer token is not this server's token", None, challenge)
