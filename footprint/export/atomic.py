"""Atomic writes for the exporters: a reader never sees half a file or half a folder.

A file is written beside its target under a temporary name and renamed over it; a folder (the
CSV tables) is filled under a temporary name beside the target and renamed into place, the old
folder (if any) moved aside first and removed after. Where the target folder holds files the
exporter did not write, `atomic_files` replaces only the exporter's own files in it, one by one,
and leaves the rest alone.

No folder is ever created on the way to a target: a mistyped path is an error
(`check_parent`), not a new tree of folders.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from footprint.errors import FootprintError


def check_parent(target: Path) -> None:
    """FootprintError unless the folder `target` is to go in exists."""
    parent = Path(target).parent
    if not parent.exists():
        raise FootprintError(f"{target}: cannot write: the folder {parent} does not exist")
    if not parent.is_dir():
        raise FootprintError(f"{target}: cannot write: {parent} is not a folder")


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` to write to; on success it replaces `target`."""
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_file(target: Path) -> Iterator[IO[str]]:
    """A text file (UTF-8) beside `target`; on success it replaces `target`."""
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        yield handle


@contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target`; on success it becomes `target`, and whatever
    `target` held is removed: only for a target that holds nothing but the caller's files."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target} exists and is not a folder")
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o755)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
            os.replace(target, old / target.name)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


@contextmanager
def atomic_files(folder: Path) -> Iterator[Path]:
    """A temporary folder inside the existing `folder`; on success each file written to it
    replaces (atomically, one at a time) the file of the same name in `folder`. Nothing else
    in `folder` is touched."""
    folder = Path(folder)
    tmp = Path(tempfile.mkdtemp(prefix=".footprint-", dir=folder))
    try:
        yield tmp
        written = sorted(tmp.iterdir())
        # Check every name first, so that a clash leaves the folder as it was.
        for path in written:
            there = folder / path.name
            if there.is_symlink() or (there.exists() and not there.is_file()):
                raise FootprintError(f"{there}: cannot write: it is not a plain file")
        for path in written:
            os.chmod(path, 0o644)
            os.replace(path, folder / path.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
