"""Load test of `footprint serve` on loopback: concurrent readers against a large store while an
ingest writes through the HTTP API.

    python scripts/bench_web.py [--statements 100000] [--readers 50] [--seconds 30]
                                [--think-ms 1000] [--work build/bench-web]
                                [--page-processes N] [--no-ingest]

1. A store of at least `--statements` statements (mentions, relations, participations) is
   built once and kept in the work folder: synthetic reports from a template with invented
   names, each turned into the records the extractor would give (offsets and sentences exact)
   and written through the store's own writer, then resolved as `ingest` resolves.
2. `footprint serve` runs on it in a process of its own, on 127.0.0.1, with a write token
   (and its pages rendered in `--page-processes` processes: serve's default, one per core).
3. `--readers` threads (each one reader, as a person clicking through) ask for an actor's page,
   and every few rounds an event, a document, a search and the actor's network, pausing
   `--think-ms` (±50%) between requests, for `--seconds`. Meanwhile one more thread ingests new
   reports one at a time through `POST /api/documents` (the real pipeline on the server).
4. It prints the latency of each kind of request (p50, p95, p99), the errors (any answer that is
   not 200/201, any failed request) and checks that every report the ingest posted is stored
   and readable. Figures go to `WORK/results.json`. The exit code is 1 on any error or loss.

Only loopback is ever contacted, and every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from footprint.model import (  # noqa: E402
    Document,
    DocumentResult,
    Entity,
    Event,
    Evidence,
    Mention,
    Participation,
    Relation,
    stable_id,
)
from footprint.place.model import Place  # noqa: E402
from footprint.time.span import TimeSpan  # noqa: E402
from footprint.web.app import default_page_processes  # noqa: E402

TOKEN = "bench-token-for-footprint-serve-0123456789"
FIRST = ("Arif", "Bilal", "Danish", "Farah", "Ghazala", "Hamid", "Imran", "Javeria", "Kamran",
         "Lubna", "Majid", "Nasreen", "Obaid", "Parveen", "Qasim", "Rubina", "Saif", "Tahira",
         "Usman", "Zainab")
LAST = ("Abbasi", "Bhatti", "Chaudhry", "Durrani", "Effendi", "Farooqi", "Gilani", "Hashmi",
        "Iqbal", "Jatoi", "Kazmi", "Lodhi", "Mirza", "Niazi", "Osmani", "Paracha", "Qureshi",
        "Rizvi", "Soomro", "Tiwana")
ORG_A = ("United", "National", "Coastal", "Northern", "Workers", "Peoples", "Harbour", "Valley",
         "Frontier", "Civic")
ORG_B = ("Labour", "Justice", "Reform", "Unity", "Farmers", "Students", "Traders", "Teachers",
         "Fishermen", "Transport")
ORG_C = ("Front", "Union", "Alliance", "Movement", "Council")
CITIES = (
    ("Karachi", "PK", "Sindh", 24.8608, 67.0104), ("Lahore", "PK", "Punjab", 31.5497, 74.3436),
    ("Quetta", "PK", "Balochistan", 30.1841, 67.0014),
    ("Peshawar", "PK", "Khyber Pakhtunkhwa", 34.008, 71.5785),
    ("Islamabad", "PK", "Islamabad", 33.7215, 73.0433),
    ("Multan", "PK", "Punjab", 30.1968, 71.4782),
    ("Hyderabad", "PK", "Sindh", 25.3924, 68.3737), ("Sukkur", "PK", "Sindh", 27.7052, 68.8574),
    ("Kabul", "AF", "Kabul", 34.5281, 69.1723), ("Dhaka", "BD", "Dhaka", 23.7104, 90.4074),
    ("Colombo", "LK", "Western", 6.9319, 79.8478), ("Kathmandu", "NP", "Bagmati", 27.7017, 85.3206),
)
TYPES = ("rally", "conference", "meeting", "protest", "march")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
STATEMENTS_PER_REPORT = 18  # mentions 11, relations 2, participations 5


# -- the store ------------------------------------------------------------------------------------


class Cast:
    """The invented people and organisations: who leads which organisation, and each person's
    own organisation (the one reports say they are a member of)."""

    def __init__(self) -> None:
        self.people = [f"{f} {last}" for last in LAST for f in FIRST]  # 400
        self.orgs = [f"{a} {b} {c}" for a in ORG_A for b in ORG_B for c in ORG_C][:120]
        self.leader_of = {org: self.people[i * 3 % len(self.people)]
                          for i, org in enumerate(self.orgs)}
        self.member_of = {p: self.orgs[(i * 7) % len(self.orgs)]
                          for i, p in enumerate(self.people)}


def report_text(rng: random.Random, cast: Cast, n: int) -> tuple[str, dict[str, Any]]:
    """One synthetic report and what it says (who, where, when, in which role)."""
    org = rng.choice(cast.orgs[:60]) if rng.random() < 0.6 else rng.choice(cast.orgs)
    leader = cast.leader_of[org]
    others = rng.sample([p for p in cast.people if p != leader and cast.member_of[p] != org], 3)
    org2 = cast.member_of[others[0]]
    city, city2 = rng.sample(CITIES, 2)
    kind = rng.choice(TYPES)
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2190))
    when = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    parts = [
        f"On {when}, the {org} held a {kind} in {city[0]}. ",
        f"{leader}, head of the {org}, spoke at the {kind}. ",
        f"{others[0]}, a member of the {org2}, addressed the {kind} via video link. ",
        f"{others[1]} and {others[2]} attended the {kind}. ",
        f"{leader} told reporters that the {org} would hold another {kind} in {city2[0]}.",
    ]
    facts = {"org": org, "org2": org2, "leader": leader, "others": others, "city": city,
             "city2": city2, "kind": kind, "day": day, "when": when, "n": n}
    return "".join(parts), facts


def report_result(text: str, facts: dict[str, Any]) -> DocumentResult:
    """The records footprint's extractor gives for such a report, offsets exact."""
    doc_id = f"bench-{facts['n']:06d}"
    document = Document(id=doc_id, text=text, path=f"bench/{doc_id}.txt",
                        title=f"{facts['kind']} in {facts['city'][0]}",
                        published=(facts["day"] + dt.timedelta(days=1)).isoformat())
    sentences = [s if s.endswith(".") else s + "." for s in text.rstrip(".").split(". ")]

    def span(words: str, nth: int = 0) -> Evidence:
        at = -1
        for _ in range(nth + 1):
            at = text.index(words, at + 1)
        sentence = next(s for s in sentences if text.find(s) <= at < text.find(s) + len(s))
        return Evidence(doc_id, at, at + len(words), words, sentence, None, "bench")

    entities: dict[str, Entity] = {}

    def entity(kind: str, name: str, nth: int = 0) -> str:
        eid = stable_id("ent", kind, name.lower())
        e = entities.setdefault(eid, Entity(eid, kind, name))  # type: ignore[arg-type]
        e.mentions.append(Mention(name, kind, span(name, nth), name))  # type: ignore[arg-type]
        return eid

    org = entity("organization", facts["org"])
    entity("place", facts["city"][0])
    leader = entity("person", facts["leader"])
    entity("organization", facts["org"], 1)
    remote = entity("person", facts["others"][0])
    org2 = entity("organization", facts["org2"])
    seen = [entity("person", facts["others"][1]), entity("person", facts["others"][2])]
    entity("person", facts["leader"], 1)
    entity("organization", facts["org"], 2)
    entity("place", facts["city2"][0])
    relations = [
        Relation(leader, "leader_of", org, "head", (), span(f"head of the {facts['org']}")),
        Relation(remote, "member_of", org2, "member", (), span(f"a member of the {facts['org2']}")),
    ]
    kind = facts["kind"]
    trigger = span(kind)
    name, country, admin1, lat, lon = facts["city"]
    place = Place(name, country, admin1, lat, lon, f"bench:{name.lower()}", "city")
    participants = [
        Participation(org, "organizer", "unknown", span(facts["org"])),
        Participation(leader, "speaker", "in_person", span(facts["leader"])),
        Participation(remote, "speaker", "remote", span(facts["others"][0])),
        *(Participation(s, "attendee", "unknown", span(n)) for s, n in
          zip(seen, facts["others"][1:], strict=True)),
    ]
    event = Event(
        id=stable_id("evt", doc_id, 0), type=kind, label=f"{kind} in {name}", background=False,
        date=TimeSpan(facts["day"], facts["day"], "day", facts["when"]), place=place,
        participants=participants, evidence=[trigger],
    )
    return DocumentResult(document, list(entities.values()), relations, events=[event])


def statement_count(store: Any) -> int:
    sizes = store.table_sizes()
    return int(sizes["mentions"] + sizes["relations"] + sizes["event_participants"])


def build_store(db: Path, statements: int) -> dict[str, Any]:
    """The store at `db` with at least `statements` statements (kept when it already has)."""
    from footprint.resolve.corpus import resolve_store
    from footprint.store import open_store

    store = open_store(db)
    try:
        have = statement_count(store)
        if have >= statements:
            return {"statements": have, "built_s": 0.0, "reused": True}
        started = time.perf_counter()
        rng = random.Random(7)
        cast = Cast()
        reports = -(-statements // STATEMENTS_PER_REPORT)
        for n in range(reports):
            text, facts = report_text(rng, cast, n)
            store.write(report_result(text, facts))
            if n % 500 == 0:
                print(f"  wrote {n:,} of {reports:,} reports", flush=True)
        resolve_store(store)
        return {"statements": statement_count(store), "built_s": time.perf_counter() - started,
                "reused": False}
    finally:
        store.close()


# -- the load ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []

    def time(self, client: httpx.Client, kind: str, method: str, url: str, **kw: Any) -> Any:
        started = time.perf_counter()
        try:
            r = client.request(method, url, **kw)
        except httpx.HTTPError as exc:
            with self.lock:
                self.errors.append(f"{kind} {url}: {type(exc).__name__}: {exc}")
            return None
        ms = (time.perf_counter() - started) * 1000
        with self.lock:
            self.latency[kind].append(ms)
            if r.status_code not in (200, 201):
                self.errors.append(f"{kind} {url}: HTTP {r.status_code} {r.text[:200]}")
        return r


def reader(base: str, rec: Recorder, targets: dict[str, list[str]], stop: float, think_ms: float,
           seed: int) -> None:
    rng = random.Random(seed)
    # Readers arrive spread over one pause, as people do, not all in the same millisecond.
    time.sleep(rng.uniform(0, think_ms / 1000))
    with httpx.Client(base_url=base, timeout=60) as client:
        rounds = 0
        while time.monotonic() < stop:
            actor = rng.choice(targets["actors"])
            rec.time(client, "actor page", "GET", f"/actors/{actor}")
            rounds += 1
            extra = rounds % 4
            if extra == 1:
                rec.time(client, "event page", "GET", f"/events/{rng.choice(targets['events'])}")
            elif extra == 2:
                rec.time(client, "document page", "GET",
                         f"/documents/{rng.choice(targets['documents'])}")
            elif extra == 3:
                rec.time(client, "search (api)", "GET", "/api/search",
                         params={"q": rng.choice(LAST), "limit": 20})
            else:
                rec.time(client, "network (api)", "GET", "/api/network",
                         params={"around": actor, "top": 60})
            if think_ms:
                time.sleep(rng.uniform(0.5, 1.5) * think_ms / 1000)


def writer(base: str, rec: Recorder, stop: float, posted: list[str]) -> None:
    # Seeded by the clock: a store kept from an earlier run already holds that run's reports,
    # and a text stored before would be skipped, not written.
    rng = random.Random(time.time_ns())
    cast = Cast()
    n = 900_000
    with httpx.Client(base_url=base, timeout=300,
                      headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        while time.monotonic() < stop:
            text, facts = report_text(rng, cast, n)
            doc_id = f"live-{rng.getrandbits(40):010x}"
            r = rec.time(client, "ingest (api)", "POST", "/api/documents",
                         json={"id": doc_id, "text": text, "title": f"live report {n}",
                               "published": (facts["day"] + dt.timedelta(days=1)).isoformat()})
            if r is not None and r.status_code == 201:
                posted.append(doc_id)
            n += 1


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {"count": len(ordered), "p50_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(at(0.95), 1), "p99_ms": round(at(0.99), 1),
            "max_ms": round(ordered[-1], 1)}


def targets_of(db: Path) -> dict[str, list[str]]:
    from footprint.store import open_store

    store = open_store(db, create=False)
    try:
        cast = Cast()
        people = store.entities(stable_id("ent", "person", p.lower()) for p in cast.people)
        orgs = store.entities(stable_id("ent", "organization", o.lower()) for o in cast.orgs)
        stored = sorted(d.id for d in store.document_headers() if d.id.startswith("bench-"))
        documents = stored[::13]
        events = [e.id for e in store.events(stored[::7])]
    finally:
        store.close()
    # People are most of what a reader opens; organisations (rolled up through their people,
    # so the heaviest pages) a third of it.
    actors = [p.id for p in people] * 2 + [o.id for o in orgs]
    return {"actors": actors, "events": events, "documents": documents}


def wait_ready(base: str, process: subprocess.Popen[bytes], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("footprint serve stopped before it answered")
        try:
            if httpx.get(base + "/api/status", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("footprint serve did not answer in time")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--think-ms", type=float, default=1000.0)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench-web")
    parser.add_argument("--page-processes", type=int, default=None,
                        help="Passed to `footprint serve` (default: serve's own, one per core).")
    parser.add_argument("--no-ingest", action="store_true",
                        help="Readers only (to tell their cost from the ingest's).")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.work / "store.db"
    print(f"store: {db} (at least {args.statements:,} statements) ...", flush=True)
    built = build_store(db, args.statements)
    print(f"  {built['statements']:,} statements"
          + (" (reused)" if built["reused"] else f", built in {built['built_s']:.0f} s"))
    targets = targets_of(db)
    before = None

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "FOOTPRINT_TOKEN": TOKEN}
    process = subprocess.Popen(
        [sys.executable, "-m", "footprint", "serve", "--db", str(db), "--port", str(port),
         *(["--page-processes", str(args.page_processes)] if args.page_processes is not None
           else [])],
        env=env, stdout=subprocess.DEVNULL,
    )
    rec = Recorder()
    posted: list[str] = []
    try:
        wait_ready(base, process)
        before = httpx.get(base + "/api/status", timeout=30).json()["rows"]
        # One request of each kind first, so that the first reader does not pay for warming
        # up (the model the ingest loads, the first map's outlines, the first network graph).
        with httpx.Client(base_url=base, timeout=300,
                          headers={"Authorization": f"Bearer {TOKEN}"}) as warm:
            warm.get(f"/actors/{targets['actors'][0]}")
            warm.get("/api/network", params={"around": targets["actors"][0], "top": 60})
            warm.post("/api/documents", json={"text": report_text(
                random.Random(time.time_ns()), Cast(), 999_999)[0]})
        processes = (
            default_page_processes() if args.page_processes is None else args.page_processes
        )
        print(f"load: {args.readers} readers (think {args.think_ms:.0f} ms)"
              f"{'' if args.no_ingest else ' + 1 ingest'}, {processes} page processes, "
              f"{args.seconds:.0f} s ...", flush=True)
        stop = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=reader, args=(base, rec, targets, stop, args.think_ms, i))
            for i in range(args.readers)
        ]
        if not args.no_ingest:
            threads.append(threading.Thread(target=writer, args=(base, rec, stop, posted)))
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.seconds + 600)
        elapsed = time.perf_counter() - started
        # Nothing lost: every report the ingest was told was stored is there, whole.
        lost = []
        with httpx.Client(base_url=base, timeout=60) as client:
            for doc_id in posted:
                r = client.get(f"/api/documents/{doc_id}")
                if r.status_code != 200 or not r.json()["claims"]:
                    lost.append(doc_id)
            after = client.get("/api/status").json()["rows"]
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
    results = {
        "date": dt.date.today().isoformat(),
        "store_statements": built["statements"],
        "readers": args.readers,
        "page_processes": processes,
        "think_ms": args.think_ms,
        "seconds": round(elapsed, 1),
        "requests": sum(len(v) for v in rec.latency.values()),
        "errors": rec.errors[:20],
        "error_count": len(rec.errors),
        "ingest": {"posted": len(posted), "lost": lost,
                   "documents_before": before["documents"] if before else None,
                   "documents_after": after["documents"]},
        "latency": {kind: percentiles(v) for kind, v in sorted(rec.latency.items())},
    }
    (args.work / "results.json").write_text(json.dumps(results, indent=2), "utf-8")
    print(f"{results['requests']:,} requests in {elapsed:.1f} s "
          f"({results['requests'] / elapsed:.1f}/s), {len(rec.errors)} errors")
    if args.think_ms:
        # Each reader asks for a page and one more thing per pause: what they would ask of a
        # server that answered at once, beside what it served.
        offered = args.readers * 2 / (args.think_ms / 1000)
        print(f"  the readers ask for about {offered:.0f} requests/s")
    for kind, p in results["latency"].items():
        print(f"  {kind:15} n={p['count']:5}  p50 {p['p50_ms']:7.1f} ms  p95 {p['p95_ms']:7.1f} ms"
              f"  p99 {p['p99_ms']:7.1f} ms")
    actor = results["latency"].get("actor page", {})
    verdict = "met" if actor and actor["p95_ms"] < 300 else "NOT met"
    print(f"actor page p95: {actor.get('p95_ms')} ms (target < 300 ms: {verdict})")
    print(f"ingest: {len(posted)} reports stored while reading, {len(lost)} lost; documents "
          f"{results['ingest']['documents_before']} -> {results['ingest']['documents_after']}")
    for line in rec.errors[:5]:
        print("  error:", line)
    return 1 if rec.errors or lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
