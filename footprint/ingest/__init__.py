"""Inputs -> Documents. `load(paths)` walks files and folders and yields Document | Rejected.

Every input is accounted for: each file given, and each entry found in a folder, becomes
Documents or Rejected records that name it (a JSONL file: one per record line, `FILE:LINE`, or
one for the whole file), and nothing raises for what an input holds. Names are handed on as
`checks.display_path` writes them (printable, storable), while files are opened by their real
names. Refused with one rejection each, and never opened:

- a path that does not exist, a broken symbolic link, a symbolic link loop;
- anything that is not a regular file: a FIFO (reading one would wait for a writer forever),
  a socket, a device;
- in a folder: a file of an unsupported type, a symbolic link to a folder (not followed, so
  no walk loops or leaves the folder given), a folder that cannot be listed.

A folder in which no file of a supported type is found also gets a line of its own.

Two JSONL records with the same `id` and different texts (in one file, or in two files of one
`load`) are never left to replace each other in the store: the first keeps the id, and each
later one gets `ID~HASH` (HASH: the first 8 hex digits of the content-addressed id of its
text), so both are stored, under ids that the same inputs always give again. Renaming was
chosen over rejecting the later record because rejecting loses a record the user gave, and a
later run given only its file would store it under the plain id anyway; renamed, its text is
stored and a rerun skips it. The same id with the same text is left alone: that is a
duplicate text, which the corpus ingest counts and skips.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from footprint.errors import IngestError
from footprint.ingest.checks import display_path
from footprint.ingest.readers import SUFFIXES, document_id, read_html, read_jsonl, read_text
from footprint.model import Document, Rejected
from footprint.settings import MAX_TEXT_BYTES

__all__ = ["load", "SUFFIXES", "display_path"]

log = logging.getLogger(__name__)

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the check must not block
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def load(
    paths: Iterable[Path], published: str | None = None, max_bytes: int = MAX_TEXT_BYTES
) -> Iterator[Document | Rejected]:
    ids = _Ids()
    for item in _expand(paths):
        if isinstance(item, Rejected):
            yield item
            continue
        for loaded in _load_file(item, published, max_bytes):
            yield ids.claim(loaded) if isinstance(loaded, Document) else loaded


# -- walking the inputs ---------------------------------------------------------------------------


def _expand(paths: Iterable[Path]) -> Iterator[Path | Rejected]:
    for given in paths:
        path = Path(given)
        source = display_path(path)
        try:
            mode = os.stat(path).st_mode
        except (OSError, ValueError) as exc:
            yield Rejected(source, _stat_failure(path, exc))
            continue
        if stat.S_ISDIR(mode):
            found = said = False
            for item in _walk(path):
                found = found or not isinstance(item, Rejected)
                said = said or (isinstance(item, Rejected) and item.source == source)
                yield item
            if not found and not said:
                yield Rejected(source, f"folder holds no {'/'.join(SUFFIXES)} files")
            continue
        reason = _refusal(path, mode)
        yield Rejected(source, reason) if reason else path


def _walk(folder: Path) -> Iterator[Path | Rejected]:
    """Every entry under `folder`, depth first in name order (the order of sorted paths):
    a file to read, or a rejection naming the entry. Iterative, so no depth is too deep."""
    stack: list[Iterator[os.DirEntry[str]]] = []
    listing = _listing(folder)
    if isinstance(listing, Rejected):
        yield listing
        return
    stack.append(listing)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                listing = _listing(path)
                if isinstance(listing, Rejected):
                    yield listing
                else:
                    stack.append(listing)
                continue
            if entry.is_symlink():
                try:
                    mode = os.stat(path).st_mode
                except OSError as exc:
                    yield Rejected(display_path(path), _stat_failure(path, exc))
                    continue
                if stat.S_ISDIR(mode):
                    yield Rejected(display_path(path), "symbolic link to a folder (not followed)")
                    continue
            else:
                mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as exc:
            yield Rejected(display_path(path), f"cannot read ({exc.strerror or exc})")
            continue
        reason = _refusal(path, mode)
        yield Rejected(display_path(path), reason) if reason else path


def _listing(folder: Path) -> Iterator[os.DirEntry[str]] | Rejected:
    try:
        with os.scandir(folder) as entries:
            return iter(sorted(entries, key=lambda e: e.name))
    except OSError as exc:
        return Rejected(display_path(folder), f"cannot read folder ({exc.strerror or exc})")


def _stat_failure(path: Path, exc: OSError | ValueError) -> str:
    if isinstance(exc, ValueError):  # a NUL character in the name
        return f"no such file or folder ({exc})"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "broken symbolic link" if os.path.lexists(path) else "no such file or folder"
    return f"cannot read ({exc.strerror or exc})"


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _refusal(path: Path, mode: int) -> str | None:
    """Why a path that is not a folder is not read (None: read it)."""
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a file")
        return f"not a regular file ({kind}; not read)"
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        shown = f"'{display_path(suffix)}'" if suffix else "(none)"
        return f"unsupported file type {shown} (use {', '.join(SUFFIXES)})"
    return None


# -- reading one file -----------------------------------------------------------------------------


def _open(path: Path, source: str) -> BinaryIO:
    """The file, opened for reading only if it is (still) a regular file."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise IngestError(source, _refusal(path, mode) or "not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _load_file(path: Path, published: str | None, max_bytes: int) -> Iterator[Document | Rejected]:
    source = display_path(path)
    suffix = path.suffix.lower()
    try:
        with _open(path, source) as handle:
            if suffix == ".jsonl":
                yield from read_jsonl(path, handle, published, max_bytes, source)
                return
            # Read at most one byte past the limit: enough to know a file is too large.
            raw = handle.read(max_bytes + 1)
        if suffix in (".html", ".htm"):
            yield read_html(path, raw, published, max_bytes, source)
        elif suffix == ".txt":
            yield read_text(path, raw, published, max_bytes, source)
        else:
            raise IngestError(
                source, f"unsupported file type '{suffix}' (use {', '.join(SUFFIXES)})"
            )
    except IngestError as exc:
        yield Rejected(exc.source, exc.reason)
    except OSError as exc:
        yield Rejected(source, f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # what a hostile file does to a parser must not stop the batch
        log.exception("reading %s failed", source)
        yield Rejected(source, f"cannot read ({type(exc).__name__}: {exc})")


# -- one id, one text -----------------------------------------------------------------------------


class _Ids:
    """The document ids handed out so far, each with its text's content id (see the module
    docstring for what a second text under a taken id gets)."""

    def __init__(self) -> None:
        self.taken: dict[str, str] = {}

    def claim(self, document: Document) -> Document | Rejected:
        content = document_id(document.text)
        known = self.taken.setdefault(document.id, content)
        if known == content:
            return document
        for renamed in other_ids(document):
            if self.taken.setdefault(renamed, content) == content:
                return replace(document, id=renamed)
        return Rejected(
            document.path, f"id '{document.id}' is taken by another text, and so is '{renamed}'"
        )


def other_ids(document: Document) -> tuple[str, str]:
    """The ids a document gets, in turn, when its own is taken by another text: `ID~HASH` with
    8 and then all hex digits of its text's content id (the same text always gets the same)."""
    digest = document_id(document.text).removeprefix("doc-")
    return (f"{document.id}~{digest[:8]}", f"{document.id}~{digest}")
