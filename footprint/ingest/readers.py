"""Readers for each input format. Each yields Documents or Rejected records, never raises for
bad content: one bad file (or one bad JSONL line) does not stop the batch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from footprint.errors import IngestError
from footprint.ingest.checks import check_text, decode
from footprint.model import Document, Rejected, stable_id

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def document_id(text: str) -> str:
    """Content-addressed id: the same text always gets the same id, wherever it was read from."""
    return stable_id("doc", text)


def _first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            # A headline is short and does not end like a sentence.
            if len(line) <= 200 and not line.endswith((".", "!", "?", ":")):
                return line
            return None
    return None


def read_text(path: Path, raw: bytes, published: str | None, max_bytes: int) -> Document:
    text = check_text(str(path), decode(str(path), raw, max_bytes), max_bytes)
    return Document(
        id=document_id(text),
        text=text,
        path=str(path),
        title=_first_line_title(text),
        published=published,
    )


def read_html(path: Path, raw: bytes, published: str | None, max_bytes: int) -> Document:
    import trafilatura

    html = decode(str(path), raw, max_bytes)
    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body:
        raise IngestError(str(path), "HTML without a main text (nothing to extract)")
    text = check_text(str(path), body, max_bytes)
    meta_date = getattr(extracted, "date", None)
    return Document(
        id=document_id(text),
        text=text,
        path=str(path),
        title=getattr(extracted, "title", None) or None,
        author=getattr(extracted, "author", None) or None,
        published=published or meta_date or None,
        url=getattr(extracted, "url", None) or None,
    )


def read_jsonl(
    path: Path, raw: bytes, published: str | None, max_bytes: int
) -> Iterator[Document | Rejected]:
    # The whole file may exceed the per-text limit; each record is checked on its own.
    content = decode(str(path), raw, max_bytes=len(raw) + 1)
    if not content.strip():
        yield Rejected(str(path), "empty (no text)")
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            yield _jsonl_record(source, path, line, published, max_bytes)
        except IngestError as exc:
            yield Rejected(exc.source, exc.reason)


def _jsonl_record(
    source: str, path: Path, line: str, published: str | None, max_bytes: int
) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(source, f"invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise IngestError(source, "a JSONL line must be an object")
    text = record.get("text")
    if not isinstance(text, str):
        raise IngestError(source, "missing 'text' string")
    text = check_text(source, text, max_bytes)
    raw_id = record.get("id")
    doc_id = str(raw_id) if raw_id not in (None, "") else document_id(text)

    def field(name: str) -> str | None:
        value = record.get(name)
        return str(value) if value not in (None, "") else None

    return Document(
        id=doc_id,
        text=text,
        path=source,
        title=field("title"),
        author=field("author"),
        published=field("published") or published,
        url=field("url"),
    )
