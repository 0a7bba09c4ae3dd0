"""`scripts/bench.py --quick` end to end: it writes every figure it claims. No assertion is on
speed itself (speed targets live only in the benchmark's own output)."""

import importlib.util
import json
import sqlite3
import sys

import pytest

from tests.backends import POSTGRES_URL, fresh_postgres_target
from tests.conftest import CORPUS, ROOT, SHARED

SCRIPT = ROOT / "scripts" / "bench.py"


def _load_bench():
    spec = importlib.util.spec_from_file_location("footprint_bench_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


def _positive(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def test_quick_run_writes_every_figure(tmp_path, dask_scheduler):
    out = tmp_path / "results.json"
    # The example corpus only (a missing --shared folder): it is always there. The dask line
    # runs on the session's cluster rather than starting one of its own.
    args = ["--quick", "--shared", str(tmp_path / "no-shared"), "--out", str(out)]
    if POSTGRES_URL:  # the profile store is copied into a schema of its own
        args += ["--postgres", fresh_postgres_target()]
    returned = bench.main([*args, "--scheduler", dask_scheduler])
    results = json.loads(out.read_text("utf-8"))
    assert results == json.loads(json.dumps(returned))
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".results.json.*"))

    assert results["quick"] is True
    assert _positive(results["cpu_count"])
    assert results["corpus"]["words"] >= bench.QUICK_MIN_WORDS
    corpus = [json.loads(line) for line in (tmp_path / "corpus.jsonl").read_text().splitlines()]
    assert len(corpus) == results["corpus"]["documents"]
    assert len({r["id"] for r in corpus}) == len(corpus)
    assert len({r["text"] for r in corpus}) == len(corpus)  # repeats are made unique
    assert sum(len(r["text"].split()) for r in corpus) == results["corpus"]["words"]

    for key in ("model", "ingest_1", "ingest_n", "ingest_dask"):
        figures = results[key]
        assert _positive(figures["words"]), key
        assert _positive(figures["seconds"]), key
        assert _positive(figures["words_per_second"]), key
    for key in ("ingest_1", "ingest_n", "ingest_dask"):
        assert _positive(results[key]["wall_seconds"])
        assert results[key]["stored"] == len(corpus)  # every copy analysed, none skipped
    assert results["ingest_n"]["workers"] == 2
    assert results["ingest_dask"]["engine"] == "dask" and results["dask_skipped"] is None

    _check_paired(results["paired"], corpus, tmp_path)
    assert results["ratios"]["ingest_vs_model"]["value"] == results["paired"]["ingest_vs_model"]
    assert _positive(results["ratios"]["ingest_vs_model"]["one_after_the_other"])
    for key in ("ingest_vs_model", "speedup", "dask_speedup"):
        ratio = results["ratios"][key]
        assert _positive(ratio["value"]), key
        assert _positive(ratio["target"]), key
        assert isinstance(ratio["met"], bool), key

    prof = results["profile"]
    assert _positive(prof["median_ms"])
    assert isinstance(prof["met"], bool)
    assert prof["statements"] == bench.QUICK_STATEMENTS
    assert prof["actor_events"] > 0
    conn = sqlite3.connect(prof["db"])
    try:
        counted = sum(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("event_participants", "relations", "mentions")
        )
    finally:
        conn.close()
    assert counted == prof["statements"]
    pg = results["profile_postgres"]
    if POSTGRES_URL:
        assert _positive(pg["median_ms"]) and pg["actor_events"] == prof["actor_events"]
    else:
        assert "skipped" in pg or _positive(pg["median_ms"])


def test_example_corpus_is_read():
    texts = bench.unique_texts(None)
    assert texts and all(t.id.startswith("example-") for t in texts)
    assert len(texts) >= len(list(CORPUS.glob("*.txt")))


def test_shared_data_is_read_as_plain_text():
    if not (SHARED / "data").exists():
        pytest.skip(f"development data not found at {SHARED / 'data'}")
    texts = bench.unique_texts(SHARED)
    kinds = {t.id.split("-")[0] for t in texts}
    assert {"example", "5w1h", "timebank"} <= kinds
    assert not any("<TIMEX3" in t.text or "<EVENT" in t.text for t in texts)
    assert sum(bench.words(t.text) for t in texts) > 200_000


def test_one_process_rounds_write_their_ratios(tmp_path):
    args = ["--quick", "--shared", str(tmp_path / "no-shared"), "--work", str(tmp_path)]
    returned = bench.main([*args, "--out", str(tmp_path / "unused.json"), "--one-process"])
    results = json.loads((tmp_path / "one-process.json").read_text("utf-8"))
    assert results == json.loads(json.dumps(returned))
    assert not (tmp_path / "unused.json").exists()  # --out is the full run's
    assert len(results["rounds"]) == 3
    for run in results["rounds"]:
        assert _positive(run["model"]["words_per_second"])
        assert _positive(run["ingest_1"]["words_per_second"])
        ratio = run["ingest_1"]["words_per_second"] / run["model"]["words_per_second"]
        assert run["ingest_vs_model"] == pytest.approx(ratio)
    ratios = sorted(run["ingest_vs_model"] for run in results["rounds"])
    assert results["median_ingest_vs_model"] == pytest.approx(ratios[1])
    assert results["target"] == bench.TARGET_INGEST_VS_MODEL
    corpus = [json.loads(line) for line in (tmp_path / "corpus.jsonl").read_text().splitlines()]
    _check_paired(results["paired"], corpus, tmp_path)


def _check_paired(paired, corpus, work):
    """The in-turns measurement covers the whole corpus, part by part, into one store."""
    assert 1 < paired["parts"] <= bench.PAIRED_PARTS
    assert len(paired["rounds"]) == paired["parts"]
    assert sum(r["documents"] for r in paired["rounds"]) == len(corpus)
    for r in paired["rounds"]:
        assert _positive(r["model_seconds"]) and _positive(r["ingest_seconds"])
    # words/s from the parts' seconds and the corpus's words: every part counted, once
    words = sum(len(r["text"].split()) for r in corpus)
    model_seconds = sum(r["model_seconds"] for r in paired["rounds"])
    ingest_seconds = sum(r["ingest_seconds"] for r in paired["rounds"])
    assert paired["model_words_per_second"] == pytest.approx(words / model_seconds)
    assert paired["ingest_words_per_second"] == pytest.approx(words / ingest_seconds)
    assert paired["ingest_vs_model"] == pytest.approx(model_seconds / ingest_seconds)
    conn = sqlite3.connect(work / "ingest-paired.db")
    try:
        stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        conn.close()
    assert stored == len(corpus)


def test_quick_scale_run_writes_every_figure(tmp_path):
    """`scripts/bench_scale.py --quick`: the long text, half of it, and resolution at two store
    sizes, each measured and written (speed is only printed, never asserted)."""
    spec = importlib.util.spec_from_file_location("footprint_bench_scale", ROOT / "scripts" / "bench_scale.py")
    assert spec is not None and spec.loader is not None
    scale = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = scale
    spec.loader.exec_module(scale)
    out = tmp_path / "scale.json"
    returned = scale.main(["--quick", "--shared", str(tmp_path / "no-shared"), "--out", str(out)])
    written = json.loads(out.read_text("utf-8"))
    assert written == json.loads(json.dumps(returned))
    long_text, half = written["long_text"], written["half_text"]
    assert long_text["chars"] == scale.QUICK_LONG_CHARS and half["chars"] == long_text["chars"] // 2
    assert long_text["kind"] == "DocumentResult" and long_text["entities"] > 0
    assert all(_positive(r[k]) for r in (long_text, half) for k in ("seconds", "peak_mb"))
    rows = written["resolution"]["rows"]
    assert [r["stored_documents"] for r in rows] == list(scale.QUICK_STORE_SIZES)
    assert all(_positive(r["seconds_per_added_document"]) for r in rows)
    assert isinstance(written["resolution"]["met"], bool)
