"""kill -9 an ingest at points spread over its run (model loading, documents, resolution; one
process and two), then resume it: the store is whole, no process is left behind, and the tables
end exactly as a clean run leaves them."""

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from footprint.store import open_store
from tests.conftest import ROOT

CORPUS = ROOT / "examples" / "corpus"
SEED = 406  # the kill points are random but the same on every run
KILLS = 3


def _start(db: Path, workers: int) -> subprocess.Popen:
    """The ingest in a session of its own, so its process group is its workers too."""
    command = [sys.executable, "-m", "footprint", "ingest", str(CORPUS), "--db", str(db)]
    command += ["--workers", str(workers)]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _finish(db: Path, workers: int = 1) -> None:
    run = _start(db, workers)
    _, err = run.communicate(timeout=600)
    assert run.returncode == 0, err.decode(errors="replace")


def _group_alive(pgid: int) -> bool:
    """Is any process of the group still running (zombies awaiting their reaper count as
    gone)?"""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
        except (OSError, IndexError):
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            return True
    return False


def _tables(db: Path) -> dict:
    with sqlite3.connect(db) as conn:  # the file is whole: SQLite's own check
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = open_store(db, create=False)
    try:
        assert not store.needs_resolution()
        return store.dump()
    finally:
        store.close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "fp.db"
    started = time.monotonic()
    _finish(db)
    return _tables(db), time.monotonic() - started


def test_killed_ingests_resume_to_the_clean_runs_tables(clean, tmp_path):
    tables, seconds = clean
    draw = random.Random(SEED)
    landed = 0
    for n in range(KILLS):
        db = tmp_path / f"killed-{n}.db"
        workers = 2 if n == KILLS - 1 else 1
        run = _start(db, workers)
        time.sleep(draw.uniform(0.15, 0.95) * seconds)
        if run.poll() is None:
            run.send_signal(signal.SIGKILL)
            landed += 1
        run.wait()
        deadline = time.monotonic() + 30
        while _group_alive(run.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _group_alive(run.pid), f"kill {n}: a worker outlived its parent"
        _finish(db, workers)
        assert _tables(db) == tables, f"kill {n} (workers={workers}) did not resume to the same"
    assert landed == KILLS  # each kill fell inside a run, not after it ended
