"""Two ingests at once while a third writer holds the store's lock: both wait, nothing is lost,
and the store ends with the same documents and near-duplicate links as the two run one after
the other."""

import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from footprint.store import open_store
from tests.conftest import ROOT

CORPUS = ROOT / "examples" / "corpus"
HOLD_SECONDS = 4.0


def _halves(tmp_path: Path) -> tuple[Path, Path]:
    """The example corpus in two folders; a near copy of one text goes in the other, so the
    two runs must link across each other."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    files = sorted(CORPUS.iterdir())
    for n, path in enumerate(files):
        shutil.copy(path, (first if n % 2 else second) / path.name)
    text = (CORPUS / "lahore-gaza-rally.txt").read_text("utf-8")
    near = text.replace("Thousands of", "Several thousand", 1)
    assert near != text
    target = second if (first / "lahore-gaza-rally.txt").exists() else first
    (target / "lahore-copy.txt").write_text(near, "utf-8")
    return first, second


def _ingest(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "footprint", "ingest", str(folder), "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _finish(run: subprocess.Popen) -> None:
    _, err = run.communicate(timeout=600)
    assert run.returncode == 0, err.decode(errors="replace")


def _state(db: Path) -> tuple[list[str], set[tuple[str, str]]]:
    store = open_store(db, create=False)
    try:
        documents = sorted(d.id for d in store.documents())
        links = {tuple(sorted((r[0], r[1]))) for r in store.dump()["near_duplicates"]}
        return documents, links
    finally:
        store.close()


def test_two_ingests_and_a_held_lock(tmp_path):
    first, second = _halves(tmp_path)

    sequential = tmp_path / "sequential.db"
    _finish(_ingest(first, sequential))
    _finish(_ingest(second, sequential))

    together = tmp_path / "together.db"
    # The store exists before the lock is taken: a first ingest of nothing creates it.
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "note.txt").write_text(
        "Residents of a small town held a meeting on Monday to discuss the new bridge.", "utf-8"
    )
    _finish(_ingest(tmp_path / "nothing", together))
    _finish(_ingest(tmp_path / "nothing", sequential))  # the same text in both, for equality

    held = threading.Event()

    def hold_the_lock() -> None:
        conn = sqlite3.connect(together, timeout=30)
        conn.execute("BEGIN IMMEDIATE")  # a writer in the middle of its transaction
        held.set()
        time.sleep(HOLD_SECONDS)
        conn.rollback()
        conn.close()

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    held.wait(10)
    started = time.monotonic()
    runs = [_ingest(first, together), _ingest(second, together)]
    for run in runs:
        _finish(run)
    holder.join()
    assert time.monotonic() - started >= HOLD_SECONDS * 0.5  # they did wait for the lock

    documents, links = _state(together)
    expected_documents, expected_links = _state(sequential)
    assert documents == expected_documents
    assert links == expected_links and links  # the near copy is linked either way
