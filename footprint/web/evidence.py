"""Links from a claim to its evidence sentence in the document reader.

Every sentence a claim was read from gets an anchor in the reader, `c-` and twelve hex digits of
a hash of the sentence (its words, however spaced). Any page that knows a claim's document and
sentence can link straight to it (`/documents/DOC#c-...`) without reading the document's text,
and the reader marks the same sentence with the same id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote


def anchor(sentence: str) -> str:
    words = " ".join(sentence.split())
    return "c-" + hashlib.sha1(words.encode("utf-8")).hexdigest()[:12]


def document_href(document_id: str) -> str:
    return "/documents/" + quote(document_id, safe="")


def evidence_href(document_id: str, sentence: str) -> str:
    return f"{document_href(document_id)}#{anchor(sentence)}"


def actor_href(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe="")


def event_href(event_id: str) -> str:
    return "/events/" + quote(event_id, safe="")


def href_of(item: dict[str, Any]) -> str | None:
    """The reader link of an evidence dict (one with a string `document` and a non-empty string
    `sentence`); None for any other dict."""
    document, sentence = item.get("document"), item.get("sentence")
    if isinstance(document, str) and isinstance(sentence, str) and sentence:
        return evidence_href(document, sentence)
    return None


def link_evidence(value: Any) -> Any:
    """Add `href` (the reader at the sentence) to every evidence dict inside `value`: any dict
    with a string `document` and a string `sentence`. Changes `value` in place; returns it.

    A loop over a stack of the dicts and lists still to visit, not a call per value: an
    organisation's page holds tens of thousands of values, most of them plain strings."""
    stack = [value] if isinstance(value, (dict, list)) else []
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            href = href_of(item)
            if href is not None:
                item["href"] = href
            inner: Iterable[Any] = item.values()
        else:
            inner = item
        stack.extend(x for x in inner if isinstance(x, (dict, list)))
    return value
