"""`make bench`, second part: how footprint's work grows (issue 16), measured in one run.

Run: `.venv/bin/python scripts/bench_scale.py [--shared ../shared] [--out build/bench/scale.json]
[--quick]`.

(e) One long text: the bench corpus's unique texts joined by blank lines into one text of
    `--long-chars` characters (990,000; 60,000 with `--quick`), analysed by `Processor` in a
    child process of its own; its seconds and its peak resident memory (`ru_maxrss` of the
    child) against the targets (60 s, 1.5 GB for about 1 MB).
(f) The same text cut to half its length, in another child: the ratio of the two times says
    whether the work is linear in the length (2x for a linear cost).
(g) Corpus resolution as the store grows: the example corpus analysed once, its results
    written again and again as new reports (fresh document and event ids, dates a week later
    each time, the same actors) into SQLite stores of 1,000 and of 10,000 documents, each
    resolved; then `ADDED` more documents written and `resolve_store` timed as `footprint
    ingest` runs it (incremental; the median of `ROUNDS` such additions), and again resolving
    the whole store, for comparison. The incremental time divided by `ADDED` is resolution's
    cost per added document at that store size; the target is that it does not grow with the
    store (ratio 10,000 / 1,000 close to 1).

Nothing here asserts a speed: the script prints the figures and whether each target is met.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402  (the corpus readers and the JSON writer are shared)

LONG_CHARS = 990_000
QUICK_LONG_CHARS = 60_000
TARGET_LONG_SECONDS = 60.0
TARGET_LONG_MB = 1536.0
STORE_SIZES = (1_000, 10_000)
QUICK_STORE_SIZES = (100, 1_000)
ADDED = 20  # documents added to each store size in the resolution measurement
ROUNDS = 3  # times ADDED documents are added and resolved; the median is reported
TARGET_RESOLUTION_GROWTH = 1.5  # cost per added document, largest store / smallest

_CHILD = """
import json, resource, sys, time
from footprint.model import Document
from footprint.pipeline.processor import Processor
from footprint.settings import Settings
text = open(sys.argv[1], encoding="utf-8").read()
processor = Processor.from_settings(Settings.from_env())
list(processor.process([Document(id="warm", text="A rally was held in Lahore.", path="w")]))
started = time.perf_counter()
(result,) = processor.process([Document(id="long", text=text, path="long", published="2024-01-01")])
seconds = time.perf_counter() - started
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "kind": type(result).__name__,
                  "entities": len(getattr(result, "entities", [])),
                  "events": len(getattr(result, "events", []))}))
"""


def long_text(shared: Path | None, chars: int) -> str:
    parts, size = [], 0
    texts = bench.unique_texts(shared)
    while size < chars:  # the example corpus alone is short: repeat it
        for t in texts:
            parts.append(t.text.strip())
            size += len(parts[-1]) + 2
            if size >= chars:
                break
    return "\n\n".join(parts)[:chars]


def analyse_in_child(text: str, work: Path) -> dict[str, Any]:
    path = work / f"long-{len(text)}.txt"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
    )
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    found["chars"] = len(text)
    return found


def _example_results() -> list[Any]:
    """The example corpus analysed once: (result, signature) per document."""
    from footprint import ingest
    from footprint.ingest.dedup import signature
    from footprint.model import Document
    from footprint.pipeline.processor import Processor
    from footprint.settings import Settings

    documents = [d for d in ingest.load([bench.EXAMPLES]) if isinstance(d, Document)]
    results = list(Processor.from_settings(Settings.from_env()).process(documents))
    return [(r, signature(d.text).tobytes()) for d, r in zip(documents, results, strict=True)]


def copied(result: Any, n: int) -> Any:
    """The document's result as the `n`th report of its kind: fresh document and event ids,
    its dates `n` weeks later, the same actors (a corpus names the same people again and
    again), and a text of its own (so it is nobody's exact copy)."""
    import dataclasses
    import datetime as dt

    def later(day: dt.date | None) -> dt.date | None:
        return day + dt.timedelta(weeks=n) if day is not None else None

    doc = result.document
    document = dataclasses.replace(doc, id=f"{doc.id}~{n}", text=f"{doc.text}\n[{n}]")
    events = [
        dataclasses.replace(
            e,
            id=f"{e.id}~{n}",
            date=dataclasses.replace(e.date, start=later(e.date.start), end=later(e.date.end))
            if e.date is not None
            else None,
        )
        for e in result.events
    ]
    screening = result.screening
    if screening is not None:  # it names the events its designated participants were at
        screening = dataclasses.replace(
            screening,
            designated_participants=[
                dataclasses.replace(p, event=f"{p.event}~{n}")
                for p in screening.designated_participants
            ],
            co_appearances=[
                dataclasses.replace(a, event=f"{a.event}~{n}") for a in screening.co_appearances
            ],
        )
    return dataclasses.replace(result, document=document, events=events, screening=screening)


def _signature(n: int) -> bytes:
    """A signature of its own for the `n`th copy: copies stand for different reports."""
    import numpy as np

    from footprint.ingest.dedup import NUM_PERM

    return np.random.default_rng(n).integers(0, 2**32, NUM_PERM, dtype=np.uint32).tobytes()


def _stored_copies(store: Any, results: list[Any], first: int, documents: int) -> int:
    n = first
    written = 0
    while written < documents:
        for result, _ in results:
            store.write(copied(result, n), signature=_signature(n * 100 + written % 100))
            written += 1
            if written >= documents:
                break
        n += 1
    return n


def resolution_growth(work: Path, sizes: tuple[int, ...]) -> dict[str, Any]:
    """For each store size: a store of that many documents, resolved; `ADDED` more documents
    written and resolved the way `footprint ingest` resolves them (incremental), timed; and
    the same store resolved whole, timed, for comparison."""
    from footprint.resolve.corpus import resolve_store
    from footprint.store import SQLiteStore

    results = _example_results()
    rows = []
    for size in sizes:
        db = work / f"scale-{size}.db"
        store = SQLiteStore(db)
        try:
            n = _stored_copies(store, results, 0, size)
            resolve_store(store, force_whole=True)
            times = []
            for _ in range(ROUNDS):  # the median of a few: one run is at the OS's mercy
                n = _stored_copies(store, results, n + 1, ADDED)
                started = time.perf_counter()
                summary = resolve_store(store)
                times.append(time.perf_counter() - started)
            seconds = statistics.median(times)
            started = time.perf_counter()
            resolve_store(store, force_whole=True)
            whole_seconds = time.perf_counter() - started
        finally:
            store.close()
        rows.append(
            {
                "stored_documents": size,
                "added_documents": ADDED,
                "mode": summary.mode,
                "seconds": seconds,
                "seconds_per_added_document": seconds / ADDED,
                "whole_seconds": whole_seconds,
            }
        )
    growth = rows[-1]["seconds_per_added_document"] / rows[0]["seconds_per_added_document"]
    return {
        "rows": rows,
        "growth": growth,
        "target_growth": TARGET_RESOLUTION_GROWTH,
        "met": growth <= TARGET_RESOLUTION_GROWTH,
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=bench.DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=bench.DEFAULT_OUT.parent / "scale.json")
    parser.add_argument("--long-chars", type=int, default=None)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    chars = args.long_chars or (QUICK_LONG_CHARS if args.quick else LONG_CHARS)
    sizes = QUICK_STORE_SIZES if args.quick else STORE_SIZES
    shared = args.shared if args.shared.exists() else None
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.out.parent) as tmp:
        work = Path(tmp)
        text = long_text(shared, chars)
        print(f"(e) one text of {len(text):,} characters ...", flush=True)
        whole = analyse_in_child(text, work)
        print(f"(f) the same text cut to {len(text) // 2:,} characters ...", flush=True)
        half = analyse_in_child(text[: len(text) // 2], work)
        shown = " and ".join(f"{s:,}" for s in sizes)
        print(f"(g) resolution at {shown} documents ...", flush=True)
        resolution = resolution_growth(work, sizes)
    scale = 1_000_000 / whole["chars"]  # the targets are for a 1 MB text
    results = {
        "long_text": {
            **whole,
            "target_seconds": TARGET_LONG_SECONDS,
            "target_peak_mb": TARGET_LONG_MB,
            "met": whole["seconds"] * scale < TARGET_LONG_SECONDS
            and whole["peak_mb"] < TARGET_LONG_MB,
        },
        "half_text": half,
        "doubling_ratio": whole["seconds"] / half["seconds"] if half["seconds"] else 0.0,
        "resolution": resolution,
    }
    bench.write_json(args.out, results)
    show(results, args.out)
    return results


def show(results: dict[str, Any], out: Path) -> None:
    from rich.console import Console

    console = Console()

    def verdict(met: bool) -> str:
        return "[green]target met[/]" if met else "[red]target NOT met[/]"

    lt = results["long_text"]
    console.print(
        f"(e) one text of {lt['chars']:,} characters: {lt['seconds']:.1f} s, peak "
        f"{lt['peak_mb']:,.0f} MB ({lt['entities']:,} entities, {lt['events']} events); "
        f"target < {lt['target_seconds']:.0f} s and < {lt['target_peak_mb']:,.0f} MB for 1 MB: "
        f"{verdict(lt['met'])}"
    )
    half = results["half_text"]
    console.print(
        f"(f) half that text: {half['seconds']:.1f} s, peak {half['peak_mb']:,.0f} MB; the whole "
        f"took {results['doubling_ratio']:.2f}x as long (2x is linear)"
    )
    res = results["resolution"]
    for row in res["rows"]:
        console.print(
            f"(g) resolution with {row['stored_documents']:,} stored + {row['added_documents']} "
            f"added documents ({row['mode']}): {row['seconds']:.2f} s, "
            f"{1000 * row['seconds_per_added_document']:.1f} ms per added document "
            f"(the whole store resolved again: {row['whole_seconds']:.2f} s)"
        )
    console.print(
        f"    cost per added document grows {res['growth']:.1f}x from the smallest store to the "
        f"largest; target <= {res['target_growth']}x: {verdict(res['met'])}"
    )
    console.print(f"results: {out}")


if __name__ == "__main__":
    main()
