"""Failures around the run: a worker whose parent is killed (kill -9 cannot stop a pool) ends
itself instead of waiting for work forever with its model in memory, and a store that cannot
record a rejection does not stop the run."""

import os
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT

# The parent starts a child that watches for it, prints the child's pid and waits; the child
# would sleep for a minute if nothing ended it.
PARENT = """
import multiprocessing, sys, time
from footprint.pipeline.engines import exit_when_orphaned

def child(parent):
    exit_when_orphaned(parent, every=0.1)
    time.sleep(60)

if __name__ == "__main__":
    import os
    ctx = multiprocessing.get_context("fork")
    p = ctx.Process(target=child, args=(os.getpid(),))
    p.start()
    print(p.pid, flush=True)
    time.sleep(60)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by init) counts as gone.
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_a_worker_ends_when_its_parent_is_killed():
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        child = int(parent.stdout.readline())
        assert _alive(child)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(child)
    finally:
        parent.kill()


def test_a_store_that_cannot_record_a_rejection_does_not_stop_the_run(tmp_path, monkeypatch):
    import shutil

    from footprint.pipeline.corpus import ingest_corpus
    from footprint.settings import Settings
    from footprint.store import SQLStore, open_store
    from tests.conftest import CORPUS

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("", "utf-8")
    shutil.copy(CORPUS / "hezbollah-qassem-statement.txt", folder / "ok.txt")

    def locked(self, rejected):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(SQLStore, "record_rejection", locked)
    store = open_store(tmp_path / "fp.db")
    report = ingest_corpus([folder], Settings(db=tmp_path / "fp.db"), store)
    assert len(report.stored) == 1
    assert [r.source.rsplit("/", 1)[-1] for r in report.rejected] == ["empty.txt"]
    store.close()
