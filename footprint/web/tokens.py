"""Where the write token comes from: `FOOTPRINT_TOKEN`, or a file whose first line is the token;
checked to be one word of printable characters, long enough not to be guessed. (Apart from
`auth.py`, which needs the web framework, so that the command line loads without it.)"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from footprint.errors import FootprintError

TOKEN_ENV = "FOOTPRINT_TOKEN"
# Shorter tokens are guessable; a server refuses to start with one.
MIN_TOKEN_CHARS = 16


def _checked(token: str, where: str) -> str:
    token = token.strip()
    if len(token) < MIN_TOKEN_CHARS:
        raise FootprintError(
            f"{where}: the token is too short ({len(token)} characters); use at least "
            f"{MIN_TOKEN_CHARS}, e.g. from "
            "`python -c 'import secrets; print(secrets.token_urlsafe())'`"
        )
    if any(ch.isspace() or not ch.isprintable() for ch in token):
        raise FootprintError(f"{where}: the token must be one word of printable characters")
    return token


def load_token(environ: Mapping[str, str], token_file: Path | None = None) -> str | None:
    """The write token: from `token_file` when one is given, else `FOOTPRINT_TOKEN`; None when
    neither is set (a read-only server). Raises FootprintError for an unreadable file or a
    weak token."""
    if token_file is not None:
        try:
            first = token_file.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise FootprintError(f"{token_file}: cannot read the token file ({exc})") from None
        if not first or not first[0].strip():
            raise FootprintError(f"{token_file}: the token file is empty")
        return _checked(first[0], str(token_file))
    value = environ.get(TOKEN_ENV, "")
    return _checked(value, TOKEN_ENV) if value.strip() else None
