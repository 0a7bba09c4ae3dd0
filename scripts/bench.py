"""`make bench`: throughput of the corpus ingest and latency of `profile`, measured in one run.

Run: `.venv/bin/python scripts/bench.py [--shared ../shared] [--workers 2] [--min-words 200000]
[--out build/bench/results.json] [--scheduler tcp://host:8786] [--quick]`.

What it measures (words are whitespace-split tokens, `len(text.split())`, for all three):

(a) the bare spaCy model: `spacy.load(Settings.from_env().model)`, then `nlp.pipe(texts,
    batch_size=16)` over every text (model loading timed apart, left out of words/s);
(b) the full footprint ingest in one process (`ingest_corpus(..., workers=1)`) into a fresh DB;
(c) the same with `--workers` processes into another fresh DB;
(d) the same on the dask engine (`engine="dask"`): a Dask LocalCluster of `--workers` worker
    processes, one thread each, started for the run (or the cluster at `--scheduler`); skipped,
    with a note, where `dask.distributed` is not installed.

(a) and (b) are also taken in turns, part by part (`bench_paired`): the corpus cut into ten
parts, each read by the bare model and ingested in one process into one store, in alternating
order. On the shared machine either figure moves by up to a fifth from one minute to the next,
so two runs a minute apart compare the machine's load as much as our work; the ratio against
the 0.9x target is this one, and the one-after-the-other ratio is printed and saved beside it.

For (b), (c) and (d) it reports the engine's own figure (`IngestReport.seconds`, corpus
resolution included: for one process it leaves model loading out, for N processes it includes
the workers' start; for dask it leaves the engine's start out, the cluster's and each worker's
model loading with it) and the whole call timed from outside (everything included). The three
ratios printed against the targets use the engine's figures; the whole-call ratios are printed
and saved beside them.

Last it times `store.search` on a store of 100,000 small synthetic reports (2,000 with
`--quick`): rows bulk-inserted with SQL, indexed by the store's own `build_search_index`; the
median of 5 runs of each of 4 queries after a warm-up is reported against 50 ms.

Then it times `footprint.analysis.profile.profile` for a busy actor (200 participations) on a
synthetic store of one million statement rows (event participants + relations + mentions),
bulk-inserted with SQL; the median of 20 runs after one warm-up is reported against 100 ms. The
same rows are copied into PostgreSQL (`--postgres URL`, or a throwaway cluster started with
`scripts/pg_cluster.sh` where Debian's server is installed) and the profile timed there too.

Where the corpus words come from (all offline; nothing is copied into the repository, the corpus
is written under the work folder, `build/bench/` by default, which git ignores):

* `examples/corpus/`: the project's example `.txt` articles, the `news-notes.jsonl` notes and the
  text of `wire-story.html` (through the project's own HTML reader);
* `<shared>/samples/*.txt`: the reference article;
* `<shared>/data/5w1h/*.json`: title + text of the 53 Giveme5W1H news articles;
* `<shared>/data/timex/TimeBank/*.tml`: the `<TEXT>` of the 183 TimeBank documents, TimeML
  tags stripped, dated by their creation time;
* `<shared>/data/geo/LGL.xml` and `GeoWebNews.xml`: the `<text>` of each article.

If the unique texts hold fewer words than `--min-words`, they are repeated; each repeat gets a
distinct id and a distinct closing sentence ("Report copy N.") so the ingest does not skip it as
an exact duplicate (it links it as a near-duplicate, but still analyses it).

`--one-process [--rounds N]` measures only (a) and (b), N times in turn (default 3; 0 for none),
and prints each round's ratio and their median, then the in-turns ratio (for work on the
one-process overhead); it writes them to `one-process.json` in the work folder, not to `--out`.

`--quick` uses a small corpus (3,000 words unless `--min-words` says otherwise) and a 20,000-row
profile store, so the whole script runs in well under a minute (for the test suite).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "build" / "bench" / "results.json"

TARGET_INGEST_VS_MODEL = 0.9
TARGET_SPEEDUP_2 = 1.8
TARGET_DASK_SPEEDUP_2 = 1.7
TARGET_PROFILE_MS = 100.0
FULL_STATEMENTS = 1_000_000
QUICK_STATEMENTS = 20_000
QUICK_MIN_WORDS = 3_000
PROFILE_RUNS = 20
BUSY_ACTOR = "Bench Busy Actor"
TARGET_SEARCH_MS = 50.0
SEARCH_DOCUMENTS = 100_000
QUICK_SEARCH_DOCUMENTS = 2_000
SEARCH_RUNS = 5
# Queries of different shapes and selectivity: a phrase in 2% of the documents, a rare name
# with a word every document has, an `or` of two rare words, a phrase with an exclusion.
SEARCH_QUERIES = (
    '"video link"',
    "Actor 000217",
    "drought or ceasefire",
    '"video link" -Doha',
)


@dataclass(frozen=True)
class Text:
    id: str
    text: str
    published: str | None = None


def words(text: str) -> int:
    return len(text.split())


# -- the corpus -----------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def _clean(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def _date(value: object) -> str | None:
    match = re.match(r"(\d{4}-\d{2}-\d{2})", str(value or ""))
    return match.group(1) if match else None


def example_texts(folder: Path = EXAMPLES) -> Iterator[Text]:
    from footprint.ingest.readers import read_html
    from footprint.settings import MAX_TEXT_BYTES

    for path in sorted(folder.glob("*.txt")):
        if path.name.lower() == "readme.txt":
            continue
        yield Text(f"example-{path.stem}", path.read_text("utf-8"))
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines()):
            if line.strip():
                record = json.loads(line)
                yield Text(
                    f"example-{path.stem}-{record.get('id') or n}",
                    str(record["text"]),
                    _date(record.get("published")),
                )
    for path in sorted(folder.glob("*.htm*")):
        doc = read_html(path, path.read_bytes(), None, MAX_TEXT_BYTES)
        yield Text(f"example-{path.stem}", doc.text, _date(doc.published))


def shared_texts(shared: Path) -> Iterator[Text]:
    for path in sorted((shared / "samples").glob("*.txt")):
        yield Text(f"sample-{path.stem}", path.read_text("utf-8"))
    data = shared / "data"
    for path in sorted((data / "5w1h").glob("*.json")):
        record = json.loads(path.read_text("utf-8"))
        body = "\n\n".join(str(record.get(k) or "").strip() for k in ("title", "text"))
        yield Text(f"5w1h-{path.stem[:16]}", body.strip(), _date(record.get("date_publish")))
    for path in sorted((data / "timex" / "TimeBank").glob("*.tml")):
        raw = path.read_text("utf-8")
        found = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S)
        yield Text(
            f"timebank-{path.stem}",
            _clean(found.group(1) if found else raw),
            _date(dct.group(1) if dct else None),
        )
    for name, date_tag in (("LGL.xml", "dltime"), ("GeoWebNews.xml", None)):
        path = data / "geo" / name
        if not path.exists():
            continue
        for n, article in enumerate(ET.parse(path).getroot().iter("article")):
            text = " ".join((article.findtext("text") or "").split())
            published = _date(article.findtext(date_tag)) if date_tag else None
            yield Text(f"{path.stem.lower()}-{n:04d}", text, published)


def unique_texts(shared: Path | None) -> list[Text]:
    """Every offline text once (by content), in a fixed order."""
    seen: set[str] = set()
    out: list[Text] = []
    sources = [example_texts()]
    if shared is not None and shared.exists():
        sources.append(shared_texts(shared))
    for source in sources:
        for item in source:
            key = " ".join(item.text.split())
            if words(key) < 5 or key in seen:
                continue
            seen.add(key)
            out.append(item)
    return out


def build_corpus(texts: Sequence[Text], min_words: int, path: Path) -> list[Text]:
    """At least `min_words` words: the texts, then numbered copies of them, as one JSONL file."""
    if not texts:
        raise SystemExit("no texts found for the benchmark corpus")
    corpus: list[Text] = []
    total = 0
    copy = 0
    while total < min_words:
        for item in texts:
            if total >= min_words:
                break
            if copy == 0:
                made = item
            else:
                made = Text(
                    f"{item.id}-copy{copy}", f"{item.text}\n\nReport copy {copy}.", item.published
                )
            corpus.append(made)
            total += words(made.text)
        copy += 1
    write_jsonl(corpus, path)
    return corpus


def write_jsonl(texts: Sequence[Text], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for item in texts:
            record: dict[str, str] = {"id": item.id, "text": item.text}
            if item.published:
                record["published"] = item.published
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)


# -- throughput -----------------------------------------------------------------------------------


def bench_model(model: str, texts: list[str]) -> dict[str, Any]:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(model)
    load = time.perf_counter() - started
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    seconds = time.perf_counter() - started
    n = sum(words(t) for t in texts)
    return {
        "words": n,
        "seconds": seconds,
        "words_per_second": n / seconds if seconds > 0 else 0.0,
        "load_seconds": load,
    }


def bench_ingest(
    corpus: Path, db: Path, workers: int, engine: str | None = None, scheduler: str | None = None
) -> dict[str, Any]:
    from footprint.pipeline.corpus import ingest_corpus
    from footprint.settings import Settings
    from footprint.store import SQLiteStore

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    settings = Settings.from_env().with_db(db)
    store = SQLiteStore(db)
    try:
        started = time.perf_counter()
        report = ingest_corpus(
            [corpus], settings, store, workers=workers, engine=engine, scheduler=scheduler
        )
        wall = time.perf_counter() - started
    finally:
        store.close()
    return {
        "engine": engine or ("local" if workers == 1 else "processes"),
        "workers": workers,
        "words": report.words,
        "seconds": report.seconds,
        "words_per_second": report.words_per_second,
        "wall_seconds": wall,
        "wall_words_per_second": report.words / wall if wall > 0 else 0.0,
        "stored": len(report.stored),
        "near_duplicates": report.near_duplicates,
        "exact_duplicates": report.exact_duplicates,
        "rejected": len(report.rejected),
    }


PAIRED_PARTS = 10


def bench_paired(
    model: str, corpus: Sequence[Text], work: Path, parts: int = PAIRED_PARTS
) -> dict[str, Any]:
    """(a) and (b) in turns on the same texts, so that the shared machine's load, which moves
    either figure by up to a fifth from one minute to the next, falls on both alike: the corpus
    cut into `parts` parts of about ten seconds each; for each part the bare model reads its
    texts and the full one-process ingest adds them to one store (incremental resolution
    included), the one first and then the other, in the opposite order for the next part. The
    ratio is the ingest's words/s over the model's, from the summed seconds."""
    import spacy

    from footprint.pipeline.corpus import ingest_corpus
    from footprint.settings import Settings
    from footprint.store import SQLiteStore

    nlp = spacy.load(model)
    db = work / "ingest-paired.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    settings = Settings.from_env().with_db(db)
    store = SQLiteStore(db)
    size = -(-len(corpus) // parts)
    model_seconds = ingest_seconds = 0.0
    model_words = ingest_words = 0
    rounds = []
    try:
        for k in range(parts):
            part = corpus[k * size : (k + 1) * size]
            if not part:
                break
            path = work / "paired-part.jsonl"
            write_jsonl(part, path)
            texts = [t.text for t in part]

            def read_with_model(texts: list[str] = texts) -> float:
                started = time.perf_counter()
                for _ in nlp.pipe(texts, batch_size=16):
                    pass
                return time.perf_counter() - started

            def ingest(path: Path = path) -> tuple[float, int]:
                report = ingest_corpus([path], settings, store, workers=1)
                return report.seconds, report.words

            if k % 2 == 0:
                m = read_with_model()
                i, n = ingest()
            else:
                i, n = ingest()
                m = read_with_model()
            model_seconds += m
            ingest_seconds += i
            model_words += sum(words(t) for t in texts)
            ingest_words += n
            rounds.append({"documents": len(part), "model_seconds": m, "ingest_seconds": i})
    finally:
        store.close()
    model_wps = model_words / model_seconds if model_seconds else 0.0
    ingest_wps = ingest_words / ingest_seconds if ingest_seconds else 0.0
    return {
        "parts": len(rounds),
        "model_words_per_second": model_wps,
        "ingest_words_per_second": ingest_wps,
        "ingest_vs_model": ingest_wps / model_wps if model_wps else 0.0,
        "rounds": rounds,
    }


def dask_unavailable() -> str | None:
    """Why (d) cannot run here, or None."""
    try:
        import distributed  # noqa: F401
    except ImportError as error:
        return f"dask.distributed is not installed ({error}): pip install 'footprint[cluster]'"
    return None


# -- the profile store ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Shape:
    documents: int
    entities: int
    events: int
    participants: int
    relations: int
    mentions: int
    busy: int  # the busy actor's participations

    @property
    def statements(self) -> int:
        return self.participants + self.relations + self.mentions

    @classmethod
    def for_statements(cls, statements: int) -> Shape:
        """The full shape (20k entities, 100k events, 500k participants, 300k relations, 200k
        mentions), scaled to `statements`."""
        scale = statements / FULL_STATEMENTS
        events = max(50, int(100_000 * scale))
        participants = events * 5
        relations = int(300_000 * scale)
        return cls(
            documents=max(10, int(2_000 * scale)),
            entities=max(50, int(20_000 * scale)),
            events=events,
            participants=participants,
            relations=relations,
            mentions=max(0, statements - participants - relations),
            busy=min(200, events // 5),
        )


def _entity(n: int) -> str:
    return f"ent-{n:06d}"


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def statement_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return sum(_count(conn, t) for t in ("event_participants", "relations", "mentions"))
    except sqlite3.DatabaseError:
        return -1
    finally:
        conn.close()


def build_profile_store(db: Path, shape: Shape) -> float:
    """A fresh store of synthetic rows of `shape`; returns the seconds it took."""
    from footprint.store import SQLiteStore

    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    SQLiteStore(db).close()  # the schema
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")
    E, V, D = shape.entities, shape.events, shape.documents
    countries = ("PK", "IN", "AF", "IR", "LB", "IQ", "SY", "YE")
    roles = ("participant", "speaker", "host", "organizer", "target")
    busy_every = max(1, V // shape.busy)
    sentence = "A synthetic sentence standing in for the evidence of this statement."

    def doc(n: int) -> str:
        return f"doc-{n % D:05d}"

    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (doc(d), f"bench/{d}.txt", f"Report {d}", None, f"2020-{d % 12 + 1:02d}-01", None,
             f"Synthetic document {d}.")
            for d in range(D)
        ),
    )
    conn.executemany(
        "INSERT INTO entities VALUES (?, ?, ?)",
        (
            (_entity(n), "PERSON" if n % 2 else "ORG", BUSY_ACTOR if n == 0 else f"Actor {n:06d}")
            for n in range(E)
        ),
    )

    def event_rows() -> Iterator[tuple[Any, ...]]:
        for v in range(V):
            day = f"20{18 + v % 7:02d}-{v % 12 + 1:02d}-{v % 28 + 1:02d}"
            place = json.dumps(
                {
                    "name": f"Town {v % 997}",
                    "country": countries[v % len(countries)],
                    "admin1": f"Province {v % 31}",
                    "lat": 30.0 + (v % 100) / 10,
                    "lon": 70.0 + (v % 50) / 10,
                    "gazetteer_id": str(1_000_000 + v % 997),
                    "precision": "city",
                }
            )
            label = f"meeting {v}"
            yield (f"evt-{v:07d}", doc(v), "meeting", label, 0, day, day, "day", day, place)

    conn.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)",
            event_rows(),
        )

    def participant_rows() -> Iterator[tuple[Any, ...]]:
        step = max(1, (E - 1) // 10)
        for v in range(V):
            base = (v * 7) % (E - 1)
            members = [1 + (base + k * step) % (E - 1) for k in range(5)]
            if v % busy_every == 0 and v // busy_every < shape.busy:
                members[0] = 0
            for k, member in enumerate(dict.fromkeys(members)):
                yield (f"evt-{v:07d}", doc(v), _entity(member), roles[k], "attended", 0, 10,
                       sentence, None)

    conn.executemany(
        "INSERT INTO event_participants VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        participant_rows(),
    )
    conn.executemany(
        "INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (f"rel-{r:07d}", doc(r), _entity(0 if r % 6000 == 0 else r % E),
             "member_of", _entity((r * 13 + 1) % E), "member", "{}", r, r + 10, "member of",
             sentence, None, "bench")
            for r in range(shape.relations)
        ),
    )
    conn.executemany(
        "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (f"men-{m:07d}", _entity(m % E), doc(m), m, m + 10, f"Actor {m % E:06d}",
             f"Actor {m % E:06d}", "[]", sentence, None, "bench")
            for m in range(shape.mentions)
        ),
    )
    conn.executemany(
        "INSERT INTO entity_clusters VALUES (?, ?, NULL)", ((_entity(n),) * 2 for n in range(E))
    )
    conn.executemany(
        "INSERT INTO event_clusters VALUES (?, ?)", ((f"evt-{v:07d}",) * 2 for v in range(V))
    )
    conn.executemany(
        "INSERT INTO event_cluster_info VALUES (?, ?, 1, '[]')",
        ((f"evt-{v:07d}", json.dumps([doc(v)])) for v in range(V)),
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


def time_profile(store: Any) -> tuple[dict[str, Any], list[float]]:
    """The busy actor's profile (after one warm-up call) and each timed call's milliseconds."""
    from footprint.analysis.profile import profile

    result = profile(store, BUSY_ACTOR)
    runs = []
    for _ in range(PROFILE_RUNS):
        started = time.perf_counter()
        profile(store, BUSY_ACTOR)
        runs.append((time.perf_counter() - started) * 1000)
    return result, runs


# -- search ---------------------------------------------------------------------------------------


def build_search_store(db: Path, documents: int) -> float:
    """A fresh store of `documents` small synthetic reports (two or three sentences, the first
    a claim's evidence), rows bulk-inserted with SQL and then indexed by the store itself
    (`build_search_index`, what migration 6 runs); returns the seconds it took."""
    from footprint.store import SQLiteStore

    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    SQLiteStore(db).close()  # the schema
    topics = ("trade", "water", "security", "elections", "drought", "ceasefire", "refugees")
    towns = ("Doha", "Lahore", "Kabul", "Tehran", "Beirut", "Sanaa", "Baghdad")
    rows = []
    mentions = []
    for n in range(documents):
        actor = f"Actor {n % 20_000:06d}"
        claim = f"{actor} met Actor {(n * 7) % 20_000:06d} in {towns[n % 7]} on {n % 28 + 1} May."
        how = " by video link" if n % 50 == 0 else ""
        text = f"{claim} The talks{how} covered {topics[n % 97 % 7] if n % 97 < 7 else 'trade'}."
        rows.append((f"doc-{n:07d}", f"bench/{n}.txt", f"Report {n}", None,
                     f"20{18 + n % 7:02d}-{n % 12 + 1:02d}-01", None, text))
        mentions.append((f"men-{n:07d}", f"ent-{n % 20_000:06d}", f"doc-{n:07d}", 0, len(actor),
                         actor, actor, "[]", claim, None, "bench"))
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany(
        "INSERT INTO entities VALUES (?, 'person', ?)",
        ((f"ent-{e:06d}", f"Actor {e:06d}") for e in range(min(documents, 20_000))),
    )
    conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", mentions)
    conn.execute("COMMIT")
    conn.close()
    store = SQLiteStore(db)
    try:
        with store.transaction():
            store.build_search_index()
    finally:
        store.close()
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


def bench_search(work: Path, documents: int) -> dict[str, Any]:
    """The median time of `store.search` over SEARCH_QUERIES (each run SEARCH_RUNS times after
    one warm-up) on a store of `documents` small reports."""
    from footprint.store import SQLiteStore

    db = work / f"search-{documents}-v1.db"
    build_seconds: float | None = None
    store = SQLiteStore(db) if db.exists() else None
    reused = store is not None and len(store.search('"video link"', limit=1)) == 1 and (
        store.documents([f"doc-{documents - 1:07d}"]) != []
        and store.documents([f"doc-{documents:07d}"]) == []
    )
    if store is not None:
        store.close()
    if not reused:
        build_seconds = build_search_store(db, documents)
    store = SQLiteStore(db)
    runs: list[float] = []
    per_query: dict[str, dict[str, Any]] = {}
    try:
        for text in SEARCH_QUERIES:
            hits = store.search(text)
            times = []
            for _ in range(SEARCH_RUNS):
                started = time.perf_counter()
                store.search(text)
                times.append((time.perf_counter() - started) * 1000)
            runs += times
            per_query[text] = {"hits": len(hits), "median_ms": statistics.median(times)}
    finally:
        store.close()
    median = statistics.median(runs)
    return {
        "db": str(db),
        "reused": reused,
        "build_seconds": build_seconds,
        "documents": documents,
        "queries": per_query,
        "runs": len(runs),
        "median_ms": median,
        "min_ms": min(runs),
        "max_ms": max(runs),
        "target_ms": TARGET_SEARCH_MS,
        "met": median < TARGET_SEARCH_MS,
    }


# -- the same store on PostgreSQL -----------------------------------------------------------------


def copy_to_postgres(db: Path, url: str) -> float:
    """Copy every table of the SQLite store at `db` into the (empty) PostgreSQL store at `url`
    with COPY; returns the seconds it took."""
    import psycopg

    from footprint.store import open_store
    from footprint.store.records import TABLE_RECORDS, columns
    from footprint.store.sql import quoted

    started = time.perf_counter()
    open_store(url).close()  # the schema
    source = sqlite3.connect(db)
    try:
        with psycopg.connect(url) as conn, conn.cursor() as cur:
            for record in TABLE_RECORDS:
                cols = columns(record)
                names = ", ".join(quoted(c) for c in cols)
                cur.execute(f"TRUNCATE {record.table} CASCADE")
                with cur.copy(f"COPY {record.table} ({names}) FROM STDIN") as copy:
                    for row in source.execute(f"SELECT {names} FROM {record.table}"):
                        copy.write_row(row)
            conn.commit()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("ANALYZE")
    finally:
        source.close()
    return time.perf_counter() - started


def postgres_binaries() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


def bench_profile_postgres(work: Path, sqlite_db: Path, url: str | None) -> dict[str, Any]:
    """`profile` on the same statements in PostgreSQL: at `url`, or in a throwaway cluster
    (scripts/pg_cluster.sh) when none is given and Debian's server is installed."""
    import subprocess

    from footprint.store import open_store

    cluster: Path | None = None
    if url is None:
        if postgres_binaries() is None:
            return {"skipped": "no PostgreSQL server (give --postgres URL)"}
        cluster = work / "pg"
        script = ROOT / "scripts" / "pg_cluster.sh"
        started = subprocess.run(
            [str(script), "start", str(cluster)], capture_output=True, text=True
        )
        if started.returncode != 0:
            why = (started.stderr.strip().splitlines() or ["no message"])[-1]
            return {"skipped": f"could not start a throwaway PostgreSQL cluster ({why})"}
        url = started.stdout.strip()
    try:
        copy_seconds = copy_to_postgres(sqlite_db, url)
        store = open_store(url)
        try:
            result, runs = time_profile(store)
        finally:
            store.close()
    finally:
        if cluster is not None:
            subprocess.run([str(ROOT / "scripts" / "pg_cluster.sh"), "stop", str(cluster)])
    return {
        "copy_seconds": copy_seconds,
        "actor_events": len(result["itinerary"]),
        "runs": len(runs),
        "median_ms": statistics.median(runs),
        "min_ms": min(runs),
        "max_ms": max(runs),
        "target_ms": TARGET_PROFILE_MS,
        "met": statistics.median(runs) < TARGET_PROFILE_MS,
    }


def bench_profile(work: Path, statements: int) -> dict[str, Any]:
    from footprint.store import SQLiteStore

    shape = Shape.for_statements(statements)
    # v2: relations carry their object in object_id (v1 swapped it with the role).
    db = work / f"profile-{shape.statements}-v2.db"
    build_seconds: float | None = None
    reused = db.exists() and statement_count(db) == shape.statements
    if not reused:
        build_seconds = build_profile_store(db, shape)
    count = statement_count(db)
    store = SQLiteStore(db)
    try:
        result, runs = time_profile(store)
    finally:
        store.close()
    return {
        "db": str(db),
        "reused": reused,
        "build_seconds": build_seconds,
        "statements": count,
        "entities": shape.entities,
        "events": shape.events,
        "actor": BUSY_ACTOR,
        "actor_events": len(result["itinerary"]),
        "actor_partners": len(result["partners"]),
        "runs": len(runs),
        "median_ms": statistics.median(runs),
        "min_ms": min(runs),
        "max_ms": max(runs),
    }


# -- report ---------------------------------------------------------------------------------------


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
            handle.write("\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def show(results: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"footprint bench ({results['corpus']['documents']} documents)")
    for column in ("measurement", "words", "seconds", "words/s", "whole call s", "whole words/s"):
        table.add_column(column, justify="left" if column == "measurement" else "right")
    m, one, many = results["model"], results["ingest_1"], results["ingest_n"]
    dask = results["ingest_dask"]
    table.add_row(
        "(a) bare spaCy model", f"{m['words']:,}", f"{m['seconds']:.1f}",
        f"{m['words_per_second']:,.0f}", f"{m['seconds'] + m['load_seconds']:.1f}", "",
    )
    rows = [("(b) ingest, 1 process", one), (f"(c) ingest, {many['workers']} processes", many)]
    if dask is not None:
        rows.append((f"(d) ingest, dask, {dask['workers']} workers", dask))
    for label, r in rows:
        table.add_row(
            label, f"{r['words']:,}", f"{r['seconds']:.1f}", f"{r['words_per_second']:,.0f}",
            f"{r['wall_seconds']:.1f}", f"{r['wall_words_per_second']:,.0f}",
        )
    console.print(table)
    console.print(f"os.cpu_count() = {results['cpu_count']}")
    for key, label in (
        ("ingest_vs_model", "full ingest (1 process) / bare model"),
        ("speedup", f"speed-up {many['workers']} processes / 1 process"),
        ("dask_speedup", f"speed-up dask {many['workers']} workers / 1 process"),
    ):
        r = results["ratios"].get(key)
        if r is None:
            console.print(f"{label}: not measured ({results['dask_skipped']})")
            continue
        verdict = "[green]target met[/]" if r["met"] else "[red]target NOT met[/]"
        how = ""
        if key == "ingest_vs_model":
            how = f" in turns, part by part; (a) then (b): {r['one_after_the_other']:.2f}x,"
        console.print(
            f"{label}: {r['value']:.2f}x{how} (whole call: {r['wall_value']:.2f}x); "
            f"target >= {r['target']}x: {verdict}"
        )
    p = results["profile"]
    verdict = "[green]target met[/]" if p["met"] else "[red]target NOT met[/]"
    console.print(
        f"profile({p['actor']!r}, {p['actor_events']} events) on {p['statements']:,} statements: "
        f"median {p['median_ms']:.1f} ms of {p['runs']} runs (min {p['min_ms']:.1f}, "
        f"max {p['max_ms']:.1f}); target < {p['target_ms']:.0f} ms: {verdict}"
    )
    pg = results["profile_postgres"]
    if "skipped" in pg:
        console.print(f"profile on PostgreSQL: not measured ({pg['skipped']})")
    else:
        verdict = "[green]target met[/]" if pg["met"] else "[red]target NOT met[/]"
        console.print(
            f"the same profile on PostgreSQL: median {pg['median_ms']:.1f} ms of {pg['runs']} "
            f"runs (min {pg['min_ms']:.1f}, max {pg['max_ms']:.1f}); "
            f"target < {pg['target_ms']:.0f} ms: {verdict}"
        )
    sr = results["search"]
    verdict = "[green]target met[/]" if sr["met"] else "[red]target NOT met[/]"
    built = f", built in {sr['build_seconds']:.0f} s" if sr["build_seconds"] else ""
    console.print(
        f"search on {sr['documents']:,} documents{built}: median {sr['median_ms']:.1f} ms of "
        f"{sr['runs']} runs over {len(sr['queries'])} queries (min {sr['min_ms']:.1f}, "
        f"max {sr['max_ms']:.1f}); target < {sr['target_ms']:.0f} ms: {verdict}"
    )
    console.print(f"results: {results['out']}")


def one_process_rounds(
    model: str, corpus: Sequence[Text], corpus_path: Path, work: Path, rounds: int
) -> dict[str, Any]:
    """(a) then (b), `rounds` times, each round's ratio of (b)'s words/s to (a)'s; then the
    two in turns, part by part (`bench_paired`)."""
    texts = [t.text for t in corpus]
    runs = []
    for n in range(1, rounds + 1):
        model_run = bench_model(model, texts)
        one = bench_ingest(corpus_path, work / "ingest-1.db", 1)
        ratio = one["words_per_second"] / model_run["words_per_second"]
        runs.append({"model": model_run, "ingest_1": one, "ingest_vs_model": ratio})
        print(
            f"round {n}: model {model_run['words_per_second']:,.0f} words/s, ingest 1 process "
            f"{one['words_per_second']:,.0f} words/s: {ratio:.2f}x",
            flush=True,
        )
    median = statistics.median(r["ingest_vs_model"] for r in runs) if runs else None
    if median is not None:
        print(f"median of {rounds}: {median:.2f}x")
    paired = bench_paired(model, corpus, work)
    print(
        f"in turns, {paired['parts']} parts: model {paired['model_words_per_second']:,.0f} "
        f"words/s, ingest 1 process {paired['ingest_words_per_second']:,.0f} words/s: "
        f"{paired['ingest_vs_model']:.2f}x (target >= {TARGET_INGEST_VS_MODEL}x)"
    )
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "model_name": model,
        "rounds": runs,
        "median_ingest_vs_model": median,
        "paired": paired,
        "target": TARGET_INGEST_VS_MODEL,
    }
    write_json(work / "one-process.json", results)
    return results


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--min-words", type=int, default=None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: --out's)")
    parser.add_argument("--statements", type=int, default=None)
    parser.add_argument(
        "--scheduler", default=None, help="run (d) on this Dask cluster, not a LocalCluster"
    )
    parser.add_argument(
        "--postgres",
        default=None,
        help="time profile on this PostgreSQL server (default: a throwaway cluster, if installed)",
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--one-process", action="store_true", help="only (a) and (b), --rounds times in turn"
    )
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if args.workers < 2:
        parser.error("--workers must be at least 2")
    min_words = args.min_words or (QUICK_MIN_WORDS if args.quick else 200_000)
    statements = args.statements or (QUICK_STATEMENTS if args.quick else FULL_STATEMENTS)
    work = args.work or args.out.parent
    work.mkdir(parents=True, exist_ok=True)

    from footprint.settings import Settings

    model = Settings.from_env().model
    shared = args.shared if args.shared.exists() else None
    if shared is None:
        print(f"{args.shared} not found: the corpus uses the example corpus only", file=sys.stderr)
    sources = unique_texts(shared)
    corpus_path = work / "corpus.jsonl"
    corpus = build_corpus(sources, min_words, corpus_path)
    texts = [t.text for t in corpus]
    print(
        f"corpus: {len(corpus)} documents, {sum(map(words, texts)):,} words "
        f"({len(sources)} unique texts, {sum(words(t.text) for t in sources):,} words) "
        f"-> {corpus_path}",
        flush=True,
    )

    if args.one_process:
        return one_process_rounds(model, corpus, corpus_path, work, max(0, args.rounds))
    print("(a) bare model ...", flush=True)
    model_run = bench_model(model, texts)
    print("(b) ingest, 1 process ...", flush=True)
    one = bench_ingest(corpus_path, work / "ingest-1.db", 1)
    print("(a) and (b) in turns, part by part ...", flush=True)
    paired = bench_paired(model, corpus, work)
    print(f"(c) ingest, {args.workers} processes ...", flush=True)
    many = bench_ingest(corpus_path, work / f"ingest-{args.workers}.db", args.workers)
    dask: dict[str, Any] | None = None
    dask_skipped = dask_unavailable()
    if dask_skipped is None:
        print(f"(d) ingest, dask, {args.workers} workers ...", flush=True)
        dask = bench_ingest(
            corpus_path, work / "ingest-dask.db", args.workers, "dask", args.scheduler
        )
    else:
        print(f"(d) skipped: {dask_skipped}", file=sys.stderr)
    print(f"profile on {statements:,} statements ...", flush=True)
    prof = bench_profile(work, statements)
    prof["target_ms"] = TARGET_PROFILE_MS
    prof["met"] = prof["median_ms"] < TARGET_PROFILE_MS
    print(f"profile on {statements:,} statements, PostgreSQL ...", flush=True)
    prof_pg = bench_profile_postgres(work, Path(prof["db"]), args.postgres)
    search_documents = QUICK_SEARCH_DOCUMENTS if args.quick else SEARCH_DOCUMENTS
    print(f"search on {search_documents:,} documents ...", flush=True)
    search = bench_search(work, search_documents)

    def ratio(a: float, b: float) -> float:
        return a / b if b > 0 else 0.0

    # The target is judged on (a) and (b) taken in turns (bench_paired): one after the other,
    # a minute apart, they differ by the machine's load as much as by our work.
    vs_model = paired["ingest_vs_model"]
    speedup = ratio(many["words_per_second"], one["words_per_second"])
    ratios: dict[str, Any] = {
        "ingest_vs_model": {
            "value": vs_model,
            "one_after_the_other": ratio(one["words_per_second"], model_run["words_per_second"]),
            "wall_value": ratio(one["wall_words_per_second"], model_run["words_per_second"]),
            "target": TARGET_INGEST_VS_MODEL,
            "met": vs_model >= TARGET_INGEST_VS_MODEL,
        },
        "speedup": {
            "workers": args.workers,
            "value": speedup,
            "wall_value": ratio(many["wall_words_per_second"], one["wall_words_per_second"]),
            "target": TARGET_SPEEDUP_2,
            "met": speedup >= TARGET_SPEEDUP_2,
        },
    }
    if dask is not None:
        dask_speedup = ratio(dask["words_per_second"], one["words_per_second"])
        ratios["dask_speedup"] = {
            "workers": args.workers,
            "value": dask_speedup,
            "wall_value": ratio(dask["wall_words_per_second"], one["wall_words_per_second"]),
            "target": TARGET_DASK_SPEEDUP_2,
            "met": dask_speedup >= TARGET_DASK_SPEEDUP_2,
        }
    results: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": args.quick,
        "cpu_count": os.cpu_count(),
        "model_name": model,
        "corpus": {
            "path": str(corpus_path),
            "documents": len(corpus),
            "words": sum(map(words, texts)),
            "unique_texts": len(sources),
            "unique_words": sum(words(t.text) for t in sources),
            "shared": str(shared) if shared else None,
        },
        "model": model_run,
        "ingest_1": one,
        "paired": paired,
        "ingest_n": many,
        "ingest_dask": dask,
        "dask_skipped": dask_skipped,
        "ratios": ratios,
        "profile": prof,
        "profile_postgres": prof_pg,
        "search": search,
        "out": str(args.out),
    }
    write_json(args.out, results)
    show(results)
    return results


if __name__ == "__main__":
    main()
