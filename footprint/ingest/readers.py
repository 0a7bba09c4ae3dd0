"""Readers for each input format. Each yields Documents or Rejected records, never raises for
bad content: one bad file (or one bad JSONL line) does not stop the batch.

`source` is how the input is named in what the reader hands on (`Document.path`,
`Rejected.source`): `checks.display_path(path)` unless the caller gives it, and
`SOURCE:LINE` for a JSONL record."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from footprint.errors import IngestError
from footprint.ingest.checks import BINARY_SNIFF, check_text, decode, display_path, storable
from footprint.model import Document, Rejected, stable_id

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
# JSON escapes may take up to three bytes of a line for one byte of text ("\u0628" for the two
# bytes of "ب"): a longer line cannot hold a text within the limit, and is not read in whole.
JSONL_LINE_FACTOR = 4
JSONL_LINE_SLACK = 64 * 1024
# Blank JSONL lines (JSON whitespace only) are not records.
_JSON_SPACE = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"


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


def read_text(
    path: Path, raw: bytes, published: str | None, max_bytes: int, source: str | None = None
) -> Document:
    source = display_path(path) if source is None else source
    text = check_text(source, decode(source, raw, max_bytes), max_bytes)
    return Document(
        id=document_id(text),
        text=text,
        path=source,
        title=_first_line_title(text),
        published=published,
    )


def read_html(
    path: Path, raw: bytes, published: str | None, max_bytes: int, source: str | None = None
) -> Document:
    import trafilatura

    source = display_path(path) if source is None else source
    # NUL characters (past the binary sniff) carry no text, and the HTML parser refuses them.
    html = decode(source, raw, max_bytes).replace("\x00", "")
    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body:
        raise IngestError(source, "HTML without a main text (nothing to extract)")
    text = check_text(source, body, max_bytes)

    def field(name: str) -> str | None:
        value = getattr(extracted, name, None)
        if not value:
            return None
        return storable(source, str(value), f"'{name}'") or None

    return Document(
        id=document_id(text),
        text=text,
        path=source,
        title=field("title"),
        author=field("author"),
        published=published or field("date"),
        url=field("url"),
    )


def read_jsonl(
    path: Path,
    raw: bytes | BinaryIO,
    published: str | None,
    max_bytes: int,
    source: str | None = None,
) -> Iterator[Document | Rejected]:
    """One Document or Rejected per record line (`SOURCE:LINE`), or one Rejected for the file
    (empty, binary). Lines are split at "\\n" alone (U+2028, U+0085 and the like are text
    inside a record), and each is decoded on its own: an undecodable byte, too long a line or
    bad JSON rejects that line and the rest go on. `raw` may be an open binary file: it is read
    a line at a time, so the file may be any size (each record is checked on its own)."""
    source = display_path(path) if source is None else source
    handle = io.BytesIO(raw) if isinstance(raw, bytes) else raw
    if b"\x00" in handle.read(BINARY_SNIFF):
        yield Rejected(source, "binary file (contains NUL bytes)")
        return
    handle.seek(0)
    line_limit = JSONL_LINE_FACTOR * max_bytes + JSONL_LINE_SLACK
    records = 0
    for number, line in _lines(handle, line_limit):
        where = f"{source}:{number}"
        if line is None:
            records += 1
            yield Rejected(where, f"line too long (over {line_limit:,} bytes)")
            continue
        if number == 1 and line.startswith(_BOM):
            line = line[len(_BOM) :]
        if not line.strip(_JSON_SPACE):
            continue
        records += 1
        try:
            yield _jsonl_record(where, _decode_line(where, line), published, max_bytes)
        except IngestError as exc:
            yield Rejected(exc.source, exc.reason)
    if not records:
        yield Rejected(source, "empty (no text)")


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, the line's bytes), or None for a line over `limit` bytes (skipped)."""
    number = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the line, a piece at a time
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


def _decode_line(source: str, line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(
            source, f"not UTF-8 (invalid byte at offset {exc.start} of the line)"
        ) from None


def _jsonl_record(source: str, line: str, published: str | None, max_bytes: int) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(source, f"invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise IngestError(source, "invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # an integer of more digits than Python converts
        raise IngestError(source, f"invalid JSON ({str(exc).split(';')[0]})") from None
    if not isinstance(record, dict):
        raise IngestError(source, "a JSONL line must be an object")
    text = record.get("text")
    if not isinstance(text, str):
        raise IngestError(source, "missing 'text' string")
    text = check_text(source, text, max_bytes)

    def field(name: str) -> str | None:
        value = record.get(name)
        if value in (None, ""):
            return None
        return storable(source, str(value), f"'{name}'") or None

    if isinstance(record.get("id"), dict | list):
        raise IngestError(source, "'id' must be a string or a number")
    return Document(
        id=field("id") or document_id(text),
        text=text,
        path=source,
        title=field("title"),
        author=field("author"),
        published=field("published") or published,
        url=field("url"),
    )
