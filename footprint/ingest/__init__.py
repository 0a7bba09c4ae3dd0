"""Inputs -> Documents. `load(paths)` walks files and folders and yields Document | Rejected."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from footprint.errors import IngestError
from footprint.ingest.readers import SUFFIXES, read_html, read_jsonl, read_text
from footprint.model import Document, Rejected
from footprint.settings import MAX_TEXT_BYTES

__all__ = ["load", "SUFFIXES"]


def _expand(paths: Iterable[Path]) -> Iterator[Path | Rejected]:
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            if not found:
                yield Rejected(str(path), f"folder holds no {'/'.join(SUFFIXES)} files")
            yield from found
        elif path.exists():
            yield path
        else:
            yield Rejected(str(path), "no such file or folder")


def load(
    paths: Iterable[Path], published: str | None = None, max_bytes: int = MAX_TEXT_BYTES
) -> Iterator[Document | Rejected]:
    for item in _expand(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        yield from _load_file(item, published, max_bytes)


def _load_file(path: Path, published: str | None, max_bytes: int) -> Iterator[Document | Rejected]:
    suffix = path.suffix.lower()
    try:
        # Read at most one byte past the limit: enough to know a file is too large.
        with path.open("rb") as handle:
            raw = handle.read() if suffix == ".jsonl" else handle.read(max_bytes + 1)
        if suffix == ".jsonl":
            yield from read_jsonl(path, raw, published, max_bytes)
        elif suffix in (".html", ".htm"):
            yield read_html(path, raw, published, max_bytes)
        elif suffix == ".txt":
            yield read_text(path, raw, published, max_bytes)
        else:
            raise IngestError(
                str(path), f"unsupported file type '{suffix}' (use {', '.join(SUFFIXES)})"
            )
    except IngestError as exc:
        yield Rejected(exc.source, exc.reason)
    except OSError as exc:
        yield Rejected(str(path), f"cannot read ({exc.strerror or exc})")
