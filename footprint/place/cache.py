"""The index on disk: built once per data version, then loaded in a fraction of a second.

The file lives in the directory the caller names (`Settings.cache_dir`: `$FOOTPRINT_CACHE_DIR`,
else the user cache directory), named by everything that shapes it: the index format, the
Python version (marshal's format follows it), the source packages' versions, the curated
tables' content and the code that builds and keys it (an upgrade that changes how the index is
built must not keep an index built the old way). It starts with a checksum of its body, so a
truncated or damaged file is noticed and rebuilt instead of loaded. Writes go to a temporary
file renamed into place (two processes building at once both succeed); a read-only cache
directory only costs the rebuild each time.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import marshal
import os
import sys
import tempfile
import time
from pathlib import Path

from footprint.place import sources
from footprint.place.index import FORMAT, PlaceIndex
from footprint.settings import default_cache_dir

log = logging.getLogger(__name__)

MAGIC = b"FPGAZ1\n"
DIGEST_SIZE = 20  # sha1


PLACE_CODE = Path(__file__).resolve().parent
# The modules whose code shapes the index's content: its build, its layout, its name keys and
# the readers of its sources.
CODE_FILES = tuple(PLACE_CODE / name for name in ("build.py", "index.py", "names.py", "sources.py"))


def code_fingerprint(paths: tuple[Path, ...]) -> str:
    digest = hashlib.sha1()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key() -> str:
    parts = [
        f"format={FORMAT}",
        f"python={sys.version_info[0]}.{sys.version_info[1]}",
        f"marshal={marshal.version}",
        *(f"{name}={version}" for name, version in sorted(sources.source_versions().items())),
        f"data={sources.data_fingerprint()}",
        f"code={code_fingerprint(CODE_FILES)}",
    ]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def cache_path(directory: Path | None = None) -> Path:
    """The index file in `directory` (default: the user cache directory)."""
    return (directory or default_cache_dir()) / f"gazetteer-{cache_key()}.bin"


def load_index(directory: Path | None = None) -> PlaceIndex:
    """The index cached in `directory` (default: the user cache directory), or a fresh build
    (saved there for next time) when there is none usable."""
    path = cache_path(directory)
    try:
        index = read_index(path)
        log.debug("gazetteer index loaded from %s", path)
        return index
    except FileNotFoundError:
        log.info("building the gazetteer index (first use; cached at %s)", path)
    except (OSError, ValueError, EOFError, TypeError, KeyError) as error:
        log.warning("gazetteer cache %s unusable (%s); rebuilding it", path, error)
    from footprint.place.build import build_index  # only needed on a cache miss

    started = time.perf_counter()
    index = build_index()
    log.info(
        "gazetteer index built in %.1f s (%d places)", time.perf_counter() - started, len(index)
    )
    write_index(path, index)
    return index


def read_index(path: Path) -> PlaceIndex:
    blob = path.read_bytes()
    if not blob.startswith(MAGIC):
        raise ValueError("not a footprint gazetteer file")
    digest = blob[len(MAGIC) : len(MAGIC) + DIGEST_SIZE]
    body = memoryview(blob)[len(MAGIC) + DIGEST_SIZE :]
    if hashlib.sha1(body).digest() != digest:
        raise ValueError("checksum mismatch")
    # Loading creates ~1M containers that all stay alive: collector passes would only cost time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        payload = marshal.loads(body)
    finally:
        if collecting:
            gc.enable()
    return PlaceIndex.from_payload(payload)


def write_index(path: Path, index: PlaceIndex) -> bool:
    """Save atomically; False (logged) where the directory cannot be written."""
    body = marshal.dumps(index.to_payload())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".gazetteer-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as f:
                f.write(MAGIC)
                f.write(hashlib.sha1(body).digest())
                f.write(body)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        log.warning("could not cache the gazetteer index at %s (%s)", path, error)
        return False
    _remove_stale(path)
    return True


def _remove_stale(current: Path) -> None:
    """Older versions' files (each ~30 MB) are of no further use."""
    for old in current.parent.glob("gazetteer-*.bin"):
        if old != current:
            with contextlib.suppress(OSError):
                old.unlink()
