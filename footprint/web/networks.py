"""The network answers (`/api/network`, the actor page's picture) from a graph kept between
requests.

`analysis.network.build_network` reads every participation and relation of the store to build
the actor graph: about a second on a store of 100,000 statements, too much for each actor page.
The web app builds it once per store version (`store.version()`: any write, resolution, merge
or split makes a new one) and filter, and answers every ego network from it. While documents
keep coming in, a graph up to `STALE_OK_S` old (or ten times its build time, if longer, up to
`STALE_AT_MOST_S`) is answered from, and an older one too while a thread of its own rebuilds it
(the answer says `stale`); a merge or split is never answered from an older graph.

The answer has the shape of `analysis.network.network`'s (the command's JSON), ranked the same
way, except that:
- in a network of more than `EXACT_FOR_PAGES` actors betweenness is computed among the `top`
  most connected (the answer's `betweenness` says so): over a dense neighbourhood it takes
  seconds;
- each edge carries the first `evidence` sentences of each kind (`EVIDENCE_PER_EDGE` unless
  asked), with `evidence_total` beside them: a dense neighbourhood has over a thousand edges.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import networkx as nx

from footprint.analysis.filters import OccasionFilter
from footprint.analysis.network import (  # one way to draw both
    BETWEENNESS_SAMPLE,
    EXACT_BETWEENNESS,
    betweenness_among,
    build_network,
    edge_json,
)
from footprint.store import SQLStore, StoreView, open_store
from footprint.web.errors import WebError
from footprint.web.evidence import link_evidence

log = logging.getLogger(__name__)

GRAPHS_KEPT = 8
# Up to this many actors, betweenness is computed over the whole network asked for.
EXACT_FOR_PAGES = 150
# While writes come in, a graph this young is answered from even if the store has moved on:
# under a steady ingest every request would otherwise rebuild it.
STALE_OK_S = 15.0
# ... and at least this many times as long as the graph took to build, up to a limit (a build
# slowed by a long write lock says little about the next one).
REBUILD_SHARE = 10.0
STALE_AT_MOST_S = 300.0
# Evidence sentences an edge of the answer carries per kind unless asked for more: a dense
# ego network has over a thousand ties, and the whole evidence of each made answers of
# megabytes that the network picture never reads. Each edge says how many it has.
EVIDENCE_PER_EDGE = 2

Key = tuple[str, OccasionFilter]
Version = tuple[str, str, int]


@dataclass(frozen=True)
class Built:
    version: Version
    at: float
    graph: nx.Graph
    cost: float = 0.0  # seconds its build took

    @property
    def young_for(self) -> float:
        """How long it is answered from while only new documents arrive: `STALE_OK_S`, or
        longer for a graph that took long to build, so that rebuilding takes at most
        1 / `REBUILD_SHARE` of the server's time (a store ten times the bench's, whose graph
        takes about 15 s, would otherwise be rebuilt without pause on the readers'
        interpreter)."""
        return min(max(STALE_OK_S, self.cost * REBUILD_SHARE), STALE_AT_MOST_S)


class Graphs:
    """Actor graphs by (kind, filter) for the store's latest version, the most recent few
    kept; a graph younger than its `Built.young_for`, or one being rebuilt, serves requests
    that come after a write. With the store's `target`, an older graph is rebuilt on a thread
    of its own (with its own store) while requests go on being answered from it, so no request
    waits for a rebuild that only new documents asked for; without, the request that finds it
    old rebuilds it. A first graph, and one after a merge or split, is always waited for."""

    def __init__(self, target: str | None = None) -> None:
        self._lock = threading.Lock()
        self._graphs: OrderedDict[Key, Built] = OrderedDict()
        self._building: set[Key] = set()  # graphs being rebuilt now
        self._waited: dict[Key, Future[nx.Graph]] = {}  # builds requests wait for
        self._target = target
        self._rebuilder: ThreadPoolExecutor | None = None
        self._rebuilder_store: SQLStore | None = None  # used on the rebuilder's thread only

    def graph(self, store: StoreView, kind: str, only: OccasionFilter) -> tuple[nx.Graph, bool]:
        """The graph, and whether it is older than the store's latest version."""
        key = (kind, only)
        with self._lock:
            version = store.version()
            built = self._graphs.get(key)
            if built is not None and built.version[2] == version[2]:
                young = time.monotonic() - built.at < built.young_for
                # Only new documents since: a young graph serves, and so does an older one
                # while it is rebuilt (no request queues behind a rebuild).
                if built.version == version or young or key in self._building:
                    self._graphs.move_to_end(key)
                    return built.graph, built.version != version
                if self._target is not None:
                    self._building.add(key)
                    self._rebuild_later(key, kind, only)
                    self._graphs.move_to_end(key)
                    return built.graph, True
            # No graph to answer from: the first request builds it and the others wait for
            # that build (fifty readers arriving together would otherwise build fifty).
            waiting = self._waited.get(key)
            if waiting is None:
                mine: Future[nx.Graph] = Future()
                self._waited[key] = mine
                self._building.add(key)
        if waiting is not None:
            return waiting.result(), False
        try:
            graph = self._build(store, key, kind, only)
        except BaseException as exc:
            mine.set_exception(exc)
            raise
        finally:
            with self._lock:
                self._waited.pop(key, None)
        mine.set_result(graph)
        return graph, False

    def _build(self, store: StoreView, key: Key, kind: str, only: OccasionFilter) -> nx.Graph:
        version = store.version()  # before reading: a later write makes the graph stale
        started = time.monotonic()
        try:
            graph = build_network(store, kind, only)  # outside the lock: readers go on
        finally:
            with self._lock:
                self._building.discard(key)
        with self._lock:
            done = time.monotonic()
            self._graphs[key] = Built(version, done, graph, done - started)
            self._graphs.move_to_end(key)
            while len(self._graphs) > GRAPHS_KEPT:
                self._graphs.popitem(last=False)
        return graph

    def _rebuild_later(self, key: Key, kind: str, only: OccasionFilter) -> None:
        if self._rebuilder is None:
            self._rebuilder = ThreadPoolExecutor(1, thread_name_prefix="footprint-graphs")

        def rebuild() -> None:
            try:
                if self._rebuilder_store is None:
                    self._rebuilder_store = open_store(str(self._target), create=False)
                self._build(self._rebuilder_store, key, kind, only)
            except Exception:  # the stale graph goes on serving; the next request tries again
                log.exception("rebuilding the %s network graph failed", kind)
                with self._lock:
                    self._building.discard(key)

        self._rebuilder.submit(rebuild)

    def settle(self) -> None:
        """Wait for the rebuilds started so far (tests, and closing)."""
        if self._rebuilder is not None:
            self._rebuilder.submit(lambda: None).result()

    def close(self) -> None:
        """Stop the rebuilder's thread, closing its store on it."""
        if self._rebuilder is not None:

            def close_store() -> None:
                if self._rebuilder_store is not None:
                    self._rebuilder_store.close()
                    self._rebuilder_store = None

            self._rebuilder.submit(close_store).result()
            self._rebuilder.shutdown(wait=True)
            self._rebuilder = None


def _edge_answer(whole: nx.Graph, a: str, b: str, evidence: int) -> dict[str, Any]:
    """The edge a—b as the answer shows it: each evidence list cut to its first `evidence`
    items (with `evidence_total`, how many there are), each item linked to the reader.

    At the usual cap it is made once per graph and kept in the graph's own attributes: the
    graph never changes once built, and every request shares the result, so nothing here may
    change a dict of the graph's (the items are copies) and no caller may change the result."""
    made: dict[tuple[str, str], dict[str, Any]] = whole.graph.setdefault("edge_answers", {})
    key = (a, b) if a < b else (b, a)
    found = made.get(key) if evidence == EVIDENCE_PER_EDGE else None
    if found is None:
        found = edge_json(a, b, whole.adj[a][b], whole)
        if "coappearance" in found:
            found["coappearance"] = _capped(found["coappearance"], evidence)
        if "affiliation" in found:
            found["affiliation"] = [_capped(link, evidence) for link in found["affiliation"]]
        if evidence == EVIDENCE_PER_EDGE:  # other caps are rarer: made each time, not kept
            made[key] = found
    return found


def _capped(part: dict[str, Any], evidence: int) -> dict[str, Any]:
    items = part["evidence"]
    kept = [{**item} for item in items[:evidence]]
    return {**part, "evidence": link_evidence(kept), "evidence_total": len(items)}


def _neighbours(whole: nx.Graph) -> dict[str, set[str]]:
    """Each actor's neighbours as a plain set, made once per graph: the answer intersects them
    with the ego network in C, where networkx's adjacency views iterate in Python."""
    found: dict[str, set[str]] | None = whole.graph.get("neighbours")
    if found is None:
        found = {n: set(near) for n, near in whole.adj.items()}
        whole.graph["neighbours"] = found
    return found


def answer(
    whole: nx.Graph,
    stale: bool,
    kind: str,
    only: OccasionFilter,
    centre: list[str] | None,
    query: str | None,
    depth: int,
    top: int,
    evidence: int = EVIDENCE_PER_EDGE,
) -> dict[str, Any]:
    """The network (the ego network of the `centre` actors when given), ranked by degree
    centrality then betweenness, cut to the `top` actors and the ties among them, each tie with
    its first `evidence` sentences per kind."""
    # Plain sets and the whole graph's adjacency, not networkx subgraph views: a view filters
    # every neighbour on every step, which cost most of a second on a dense neighbourhood.
    if centre is not None:
        inside = [c for c in centre if c in whole]
        if not inside:
            raise WebError(422, f"around: {query!r} is not a person or organisation", "around")
        ego: set[str] = set()
        for c in inside:
            ego |= set(nx.single_source_shortest_path_length(whole, c, cutoff=depth))
    else:
        ego = {n for n in whole.nodes if whole.degree(n) > 0}
    near = _neighbours(whole)
    degree_in = {n: len(ego & near[n]) - (n in near[n]) for n in ego}
    links = sum(degree_in.values()) // 2
    scale = 1 / (len(ego) - 1) if len(ego) > 1 else 0.0
    degree = {n: d * scale for n, d in degree_in.items()}
    if len(ego) <= EXACT_FOR_PAGES:
        between = betweenness_among(ego, near)
        how = "exact" if len(ego) <= EXACT_BETWEENNESS else (
            f"estimated from {BETWEENNESS_SAMPLE} sample nodes"
        )
    else:
        # Betweenness of a dense neighbourhood costs seconds; a page cannot wait for it. The
        # most connected actors are kept first, and betweenness is computed among them.
        busiest = set(sorted(ego, key=lambda n: (-degree.get(n, 0.0), n))[:top])
        between = betweenness_among(busiest, near)
        how = (
            f"among the {len(busiest)} most connected of {len(ego)} actors "
            "(the network is too large to compute it whole for each request)"
        )
    nodes = whole.nodes
    actors = [
        {
            "id": n,
            "name": nodes[n]["name"],
            "type": nodes[n]["type"],
            "ids": nodes[n]["ids"],
            "designated": nodes[n]["designated"],
            "marks": nodes[n]["marks"],
            "degree": degree_in[n],
            "degree_centrality": round(degree.get(n, 0.0), 6),
            "betweenness": round(between.get(n, 0.0), 6),
        }
        for n in ego
    ]
    actors.sort(key=lambda x: (-x["degree_centrality"], -x["betweenness"], x["name"].lower()))
    for rank, actor in enumerate(actors, 1):
        actor["rank"] = rank
    kept = actors[:top]
    ids = {a["id"] for a in kept}
    edges = [
        _edge_answer(whole, a, b, evidence)
        for a in ids
        for b in ids & near[a]
        if a < b
    ]
    edges.sort(key=lambda e: (-e["weight"], e["a_name"].lower(), e["b_name"].lower()))
    around = None if centre is None else {"query": query, "actors": centre, "depth": depth}
    return {
        "kind": kind,
        "around": around,
        "betweenness": how,
        "evidence_per_edge": evidence,
        "filters": {
            "country": only.country,
            "since": only.since.isoformat() if only.since else None,
            "until": only.until.isoformat() if only.until else None,
            "types": sorted(only.types) if only.types else None,
            "roles": sorted(only.roles) if only.roles else None,
        },
        "stale": stale,
        "nodes": len(ego),
        "edge_count": links,
        "shown": {"actors": len(kept), "edges": len(edges)},
        "actors": kept,
        "edges": edges,
    }
