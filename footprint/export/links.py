"""Which addresses from the input an export may hand on as links.

A document's URL comes from the input (a .jsonl field, an HTML page's metadata) and is
hostile: a `javascript:` or `data:` address that a STIX or FtM viewer renders as a link runs
or shows the attacker's content when an analyst clicks it. Only http(s) addresses go out as
links; any other is kept as text, saying why.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
SHOWN = 120  # characters of a refused address kept in the note (a data: URL can be megabytes)
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def web_link(url: object) -> str | None:
    """`url` if it is an http(s) address with a host, else None."""
    if not url:
        return None
    text = str(url).strip()
    if _UNSAFE.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    return text if parts.scheme.lower() in WEB_SCHEMES and parts.hostname else None


def not_a_link(url: object) -> str:
    """Why an address was not given as a link, with (the start of) the address as text."""
    text = str(url)
    shown = text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
    return f"source address not given as a link (not http or https): {shown!r}"


def outlet(url: object) -> tuple[str, str] | None:
    """(host, home page) of the outlet an http(s) address belongs to: ('example.org',
    'https://example.org/') for 'https://www.example.org/news/1'; None for any other address.
    The host is the one `footprint sources rate` reads (without www.)."""
    link = web_link(url)
    if link is None:
        return None
    parts = urlsplit(link)
    host = (parts.hostname or "").lower()
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # a port that is not a number: the host alone
        port = ""
    shown = host[4:] if host.startswith("www.") else host
    # Built from the host, never the netloc: a "user:password@" part stays out.
    return shown, f"{parts.scheme.lower()}://{host}{port}/"
