"""The actor network and evidenced paths between actors.

Actors are entity clusters (`entity_clusters.cluster_id`) of persons and organisations; one
real occasion reported in several documents is one event cluster (`event_clusters`). Two graphs
are built from the store with networkx:

- `build_network`: actors only. A `coappearance` edge joins two actors that took part in the same
  event cluster; an `affiliation` edge joins two actors that a relation ties (leader_of,
  front_of, ...). `network` ranks its actors by degree centrality and betweenness, optionally
  around one actor (its ego network), and marks designated actors.
- An ego network is rolled up as `profile` and `timeline` are (analysis/profile.py `roll_up`):
  the occasions of the people tied to the actor, while the tie held, make co-appearance ties of
  the actor itself (each with `via`: through whom), and those people are linked to it by a `tie`
  edge carrying the relation's evidence and the occasions it carried. `direct` leaves that out.
- `build_path_graph`: actors and event clusters. Actor—event edges are participations (with the
  role), actor—actor edges are relations. `find_paths` returns the shortest chains between two
  actors, each hop told in its true direction with the sentence and document behind it.

Everything returned is a plain JSON-ready dict; every edge and hop carries its evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx
import numpy as np

from footprint.analysis.filters import OccasionFilter
from footprint.analysis.profile import PERSON, designated_kinds, resolve_actor, roll_up
from footprint.errors import FootprintError
from footprint.store import StoreView
from footprint.store.occasions import ActorParticipation, ActorRelation

ACTOR_TYPES = ("person", "organization")
KINDS = ("coappearance", "affiliation", "all")
DESIGNATED = ("listed", "alias")  # kinds that say the actor itself is on a list
MARKS = ("listed", "alias", "claimed_front", "linked_person")  # "possible" is not a mark
EXACT_BETWEENNESS = 500  # above this many nodes betweenness is estimated from a sample
BETWEENNESS_SAMPLE = 200
# Up to this many nodes, and this many hops across, betweenness is computed over arrays.
DENSE_BETWEENNESS = 200
DENSE_LAYERS = 12

ROLE_WORDS = {
    "speaker": "spoke at",
    "host": "hosted",
    "organizer": "organised",
    "participant": "took part in",
}
PREDICATE_WORDS = {
    "front_of": "is a front of",
    "leader_of": "leads",
    "member_of": "is a member of",
    "represents": "represents",
    "relative_of": "is a relative of",
    "works_for": "works for",
}


def role_words(role: str, mode: str | None = None) -> str:
    """'spoke at (speaker)', 'hosted (host)', 'spoke at (speaker, remote)'."""
    words = ROLE_WORDS.get(role, f"{role.replace('_', ' ')} at")
    detail = role if mode != "remote" else f"{role}, remote"
    return f"{words} ({detail})"


def predicate_words(predicate: str, role: str | None = None) -> str:
    """'leads (head)', 'is a front of (charity arm)'."""
    words = PREDICATE_WORDS.get(predicate, predicate.replace("_", " "))
    return f"{words} ({role})" if role else words


def _evidence(row: ActorParticipation | ActorRelation) -> dict[str, Any]:
    return {
        "document": row.document_id,
        "sentence": row.sentence,
        "attribution": row.attribution,
    }


def _add_unique(items: list[dict[str, Any]], item: dict[str, Any]) -> None:
    if item not in items:
        items.append(item)


def actor_clusters(store: StoreView) -> dict[str, dict[str, Any]]:
    """cluster id -> {id, name, type, ids, designated, marks} for person/organisation actors.

    The name and type are those of the entity whose id the cluster carries (else its first
    member). Marks are the designation kinds on any member (listed, alias, claimed_front,
    linked_person); `designated` is true when one is listed/alias."""
    members: dict[str, list[tuple[str, str, str]]] = {}
    for row in store.actor_members(ACTOR_TYPES):
        members.setdefault(row.cluster_id, []).append((row.entity_id, row.name, row.type))
    ids = [m[0] for ms in members.values() for m in ms]
    kinds = designated_kinds(store, ids)
    out: dict[str, dict[str, Any]] = {}
    for cluster, ms in members.items():
        head = next((m for m in ms if m[0] == cluster), ms[0])
        marks = sorted({k for m in ms for k in kinds.get(m[0], []) if k in MARKS})
        out[cluster] = {
            "id": cluster,
            "name": head[1],
            "type": head[2],
            "ids": [m[0] for m in ms],
            "designated": any(k in DESIGNATED for k in marks),
            "marks": marks,
        }
    return out


def event_clusters_info(store: StoreView, clusters: Iterable[str]) -> dict[str, dict[str, Any]]:
    """event cluster id -> {id, label, type, date} from the cluster's best report: the most
    precise date, then the most participants (as `timeline` chooses)."""
    rank = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4}
    reports = store.occasion_reports(clusters)
    sizes = store.participant_counts(e.id for events in reports.values() for e in events)
    out: dict[str, dict[str, Any]] = {}
    for cluster, events in reports.items():
        best = min(
            events,
            key=lambda e: (
                rank.get(e.date_precision, 8) if e.date_precision else 9,
                -sizes.get(e.id, 0),
                e.id,
            ),
        )
        out[cluster] = {
            "id": cluster,
            "label": best.label,
            "type": best.type,
            "date": best.date_start if best.date_precision else None,
        }
    return out


Presence = dict[str, dict[str, list[dict[str, Any]]]]


def presence(store: StoreView, only: OccasionFilter | None = None) -> Presence:
    """event cluster -> actor -> the evidence of its participation there, for the occasions and
    roles `only` lets through (a participation in another role is not a presence)."""
    at: Presence = {}
    allowed = only.occasions(store) if only else None
    for part in store.actor_participations(ACTOR_TYPES):
        if allowed is not None and part.event_cluster not in allowed:
            continue
        if only and only.roles and part.role not in only.roles:
            continue
        ev = {**_evidence(part), "actor": part.actor, "role": part.role}
        _add_unique(at.setdefault(part.event_cluster, {}).setdefault(part.actor, []), ev)
    return at


def _edge(g: nx.Graph, a: str, b: str) -> dict[str, Any]:
    if not g.has_edge(a, b):
        g.add_edge(a, b, kinds=[])
    data: dict[str, Any] = g.edges[a, b]
    return data


def _coappear(
    g: nx.Graph, a: str, b: str, event: str, evidence: list[dict[str, Any]]
) -> dict[str, Any]:
    """Record that `a` and `b` were at `event` (with the evidence of both); the co-appearance."""
    data = _edge(g, a, b)
    if "coappearance" not in data["kinds"]:
        data["kinds"].append("coappearance")
        data["coappearance"] = {"events": [], "count": 0, "evidence": []}
    co: dict[str, Any] = data["coappearance"]
    # Every item carries its event, so only an event seen before on this edge can hold one
    # equal to a new item: the others need no search through the edge's whole list (which made
    # building a dense network quadratic in the occasions two actors shared).
    earlier = event in co["events"]
    if not earlier:
        co["events"].append(event)
    co["count"] = len(co["events"])
    added = co["evidence"] if earlier else []
    for ev in evidence:
        _add_unique(added, {**ev, "event": event})
    if not earlier:
        co["evidence"].extend(added)
    return co


def build_network(
    store: StoreView,
    kind: str = "all",
    only: OccasionFilter | None = None,
    at: Presence | None = None,
) -> nx.Graph:
    """The actor graph: nodes are actor cluster ids (attributes: name, type, ids, designated,
    marks); an edge has `kinds` (coappearance and/or affiliation), and per kind:
    `coappearance` = {events, count, evidence} and `affiliation` = [{subject, predicate, role,
    object, what, evidence}]. `at` is `presence(store, only)` when the caller has it."""
    if kind not in KINDS:
        raise FootprintError(f"unknown network kind {kind!r}; choose from {', '.join(KINDS)}")
    actors = actor_clusters(store)
    g = nx.Graph()
    for cluster, info in actors.items():
        g.add_node(cluster, **info)

    if kind in ("coappearance", "all"):
        at = presence(store, only) if at is None else at
        for event, present in sorted(at.items()):
            names = sorted(present)
            for i, a in enumerate(names):
                for b in names[i + 1 :]:
                    _coappear(g, a, b, event, present[a] + present[b])
    if kind in ("affiliation", "all"):
        for rel in store.actor_relations(ACTOR_TYPES):
            a, b = rel.subject, rel.object
            if a == b or a not in actors or b not in actors:
                continue
            data = _edge(g, a, b)
            if "affiliation" not in data["kinds"]:
                data["kinds"].append("affiliation")
                data["affiliation"] = []
            link = next(
                (
                    x
                    for x in data["affiliation"]
                    if (x["subject"], x["predicate"], x["role"], x["object"])
                    == (a, rel.predicate, rel.role, b)
                ),
                None,
            )
            if link is None:
                link = {
                    "subject": a,
                    "predicate": rel.predicate,
                    "role": rel.role,
                    "object": b,
                    "what": predicate_words(rel.predicate, rel.role),
                    "evidence": [],
                }
                data["affiliation"].append(link)
            _add_unique(link["evidence"], _evidence(rel))
    return g


def _via_json(via: dict[str, Any]) -> dict[str, Any]:
    """Through whom an occasion counts for the centre: the tied actor and the tie's reading."""
    return {
        "id": via["id"],
        "name": via["name"],
        "predicate": via["predicate"],
        "role": via["role"],
        "doubt": via["doubt"],
        "relation": via["relation"],
    }


def _tie_link(g: nx.Graph, person: str, centre: str, relations: list[dict[str, Any]]) -> Any:
    """The `tie` edge person—centre (made once): the person's relations to the centre, each
    with its evidence (offsets and words), and the occasions the tie carried."""
    data = _edge(g, person, centre)
    if "tie" not in data["kinds"]:
        data["kinds"].append("tie")
        first = relations[0]
        data["tie"] = {
            "subject": person,
            "object": centre,
            "what": predicate_words(first["predicate"], first["role"]),
            "relations": relations,
            "occasions": [],
        }
    return data["tie"]


def roll_up_ego(
    g: nx.Graph, store: StoreView, centre: str, at: Presence, only: OccasionFilter | None
) -> int:
    """Add to `g` what the actor `centre` reaches through the people tied to it (as `profile`
    rolls up, claimed fronts left out): a co-appearance of the centre with everyone else at
    each such occasion, whose evidence is the person's own participation there and whose
    `via` says through whom; and a `tie` edge person—centre. Occasions and roles pass `only`
    as every other co-appearance does (`at`). Returns how many occasions were rolled up."""
    ids = g.nodes[centre]["ids"]
    rolled = roll_up(
        store,
        ids,
        only.country if only else None,
        only.since if only else None,
        only.until if only else None,
    )
    relations = {t.id: [tie.via(None) for tie in t.ties if tie.kind == PERSON] for t in rolled.tied}
    count = 0
    for stop in rolled.people:
        occasion = stop["event"]
        present = at.get(occasion, {})
        acting = [v for v in [stop["via"], *stop["also_via"]] if v["id"] in present]
        acting = [v for v in acting if v["id"] in g and relations.get(v["id"])]
        if not acting:
            continue  # the filter left the occasion, or the person's role there, out
        count += 1
        ids_acting = {v["id"] for v in acting}
        through = [_via_json(v) for v in acting]
        own = [ev for v in acting for ev in present[v["id"]]]
        for v in acting:
            tie = _tie_link(g, v["id"], centre, relations[v["id"]])
            tie["occasions"].append({"event": occasion, "role": v["role"], "doubt": v["doubt"]})
        for other, evidence in sorted(present.items()):
            if other in ids_acting or other == centre or other not in g:
                continue
            co = _coappear(g, centre, other, occasion, own + evidence)
            for via in through:
                _add_unique(co.setdefault("via", []), {"event": occasion, **via})
    return count


def _clusters_of(store: StoreView, actor: str, actors: dict[str, Any]) -> list[str]:
    """The actor clusters `actor` names (resolve_actor raises, with near names, on a miss)."""
    found = set(store.cluster_of(resolve_actor(store, actor)).values())
    clusters = sorted(c for c in found if c in actors)
    if not clusters:
        raise FootprintError(f"{actor!r} is not a person or organisation in {store.name}")
    return clusters


def betweenness(g: nx.Graph) -> dict[str, float]:
    """Normalised betweenness centrality, as networkx's `betweenness_centrality` gives it:
    exact up to `EXACT_BETWEENNESS` nodes (over arrays up to `DENSE_BETWEENNESS`, see
    `_dense_betweenness`), estimated from `BETWEENNESS_SAMPLE` sources above."""
    if g.number_of_nodes() <= DENSE_BETWEENNESS:
        found = _dense_betweenness(list(g.nodes), g.edges())
        if found is not None:
            return found
    if g.number_of_nodes() > EXACT_BETWEENNESS:
        return dict(nx.betweenness_centrality(g, k=BETWEENNESS_SAMPLE, seed=0))
    return dict(nx.betweenness_centrality(g))


def betweenness_among(nodes: set[str], neighbours: Mapping[str, set[str]]) -> dict[str, float]:
    """`betweenness` of the graph among `nodes` alone, from each node's neighbours (a plain
    mapping of sets: no networkx graph is built unless the arrays cannot be used)."""
    ties = [(a, b) for a in nodes for b in neighbours[a] & nodes if a < b]
    if len(nodes) <= DENSE_BETWEENNESS:
        found = _dense_betweenness(list(nodes), ties)
        if found is not None:
            return found
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(ties)
    return betweenness(g)


def _dense_betweenness(
    nodes: list[str], ties: Iterable[tuple[str, str]]
) -> dict[str, float] | None:
    """Brandes' algorithm run from every source at once, one breadth-first layer at a time,
    over the adjacency matrix. networkx walks the graph node by node in Python: on the dense
    neighbourhoods the web app draws (60 actors, 1,400 ties) that took 30 ms a request, this
    takes about one. Same values as networkx (tests/analysis/test_network.py checks).
    Each layer costs a product of n×n matrices, so a long, thin graph (more than
    `DENSE_LAYERS` hops across) is left to networkx, which is fast on those: None."""
    n = len(nodes)
    if n < 3:
        return dict.fromkeys(nodes, 0.0)
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = np.zeros((n, n))
    for a, b in ties:
        if a != b:
            adjacency[index[a], index[b]] = adjacency[index[b], index[a]] = 1.0
    # distance[s, v]: hops from s to v (-1: unreachable); paths[s, v]: shortest paths s→v.
    distance = np.full((n, n), -1, dtype=np.int64)
    np.fill_diagonal(distance, 0)
    paths = np.eye(n)
    layer = 0
    while True:
        reach = (paths * (distance == layer)) @ adjacency
        new = (reach > 0) & (distance < 0)
        if not new.any():
            break
        layer += 1
        if layer > DENSE_LAYERS:
            return None
        distance[new] = layer
        paths[new] = reach[new]
    # dependency[s, v]: how much of the shortest paths from s run through v, accumulated from
    # the farthest layer inwards (Brandes: δ(v) = Σ σ(v)/σ(w) · (1 + δ(w)) over successors w).
    dependency = np.zeros((n, n))
    with np.errstate(divide="ignore", invalid="ignore"):
        for d in range(layer - 1, 0, -1):
            ahead = np.where(distance == d + 1, (1.0 + dependency) / paths, 0.0)
            dependency = np.where(distance == d, paths * (ahead @ adjacency), dependency)
    # Every pair is counted from both ends; networkx's normalisation for undirected graphs
    # (1 / ((n-1)(n-2))) already allows for that.
    scores = dependency.sum(axis=0) / ((n - 1) * (n - 2))
    return {node: float(scores[i]) for i, node in enumerate(nodes)}


def edge_json(a: str, b: str, data: dict[str, Any], g: nx.Graph) -> dict[str, Any]:
    a, b = sorted((a, b))
    out: dict[str, Any] = {
        "a": a,
        "a_name": g.nodes[a]["name"],
        "b": b,
        "b_name": g.nodes[b]["name"],
        "kinds": sorted(data["kinds"]),
        "weight": data.get("coappearance", {}).get("count", 0)
        + len(data.get("affiliation", []))
        + ("tie" in data),
    }
    for kind in ("coappearance", "affiliation", "tie"):
        if kind in data:
            out[kind] = data[kind]
    return out


def network(
    store: StoreView,
    kind: str = "all",
    around: str | None = None,
    depth: int = 1,
    only: OccasionFilter | None = None,
    direct: bool = False,
) -> dict[str, Any]:
    """The actor network ranked by centrality, whole or as `around`'s ego network.

    Centrality is computed on the graph returned (the ego network when `around` is given).
    Isolated actors (no edge of the chosen kind) are left out of the whole network. An ego
    network is rolled up through the people tied to the actor (see `roll_up_ego`; edges of kind
    `tie`, co-appearances with `via`) unless `direct` or `kind` is affiliation, which has no
    occasions to roll up; `scope` says which."""
    if depth < 1:
        raise FootprintError("depth must be 1 or more")
    at = presence(store, only) if kind in ("coappearance", "all") else None
    g = build_network(store, kind, only, at)
    centre: list[str] = []
    scope: str | None = None
    rolled_up = 0
    if around is not None:
        centre = _clusters_of(store, around, dict(g.nodes))
        scope = "direct"
        if not direct and at is not None:
            scope = "via people"
            rolled_up = sum(roll_up_ego(g, store, c, at, only) for c in centre)
        ego = nx.compose_all([nx.ego_graph(g, c, radius=depth) for c in centre])
        g = g.subgraph(ego.nodes).copy()
    else:
        g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0])
    degree = nx.degree_centrality(g) if g.number_of_nodes() > 1 else dict.fromkeys(g.nodes, 0.0)
    between = betweenness(g)
    actors = []
    for n, data in g.nodes(data=True):
        actors.append(
            {
                "id": n,
                "name": data["name"],
                "type": data["type"],
                "ids": data["ids"],
                "designated": data["designated"],
                "marks": data["marks"],
                "degree": g.degree(n),
                "degree_centrality": round(degree.get(n, 0.0), 6),
                "betweenness": round(between.get(n, 0.0), 6),
            }
        )
    actors.sort(key=lambda x: (-x["degree_centrality"], -x["betweenness"], x["name"].lower()))
    for i, actor in enumerate(actors, 1):
        actor["rank"] = i
    edges = [edge_json(a, b, d, g) for a, b, d in g.edges(data=True)]
    edges.sort(key=lambda e: (-e["weight"], e["a_name"].lower(), e["b_name"].lower()))
    return {
        "kind": kind,
        "around": (
            {
                "query": around,
                "actors": centre,
                "depth": depth,
                "rolled_up_occasions": rolled_up,
            }
            if around is not None
            else None
        ),
        "scope": scope,
        "betweenness": (
            "exact"
            if g.number_of_nodes() <= EXACT_BETWEENNESS
            else f"estimated from {BETWEENNESS_SAMPLE} sample nodes"
        ),
        "filters": only.to_json() if only else None,
        "nodes": g.number_of_nodes(),
        "edge_count": g.number_of_edges(),
        "actors": actors,
        "edges": edges,
    }


# --- paths ---------------------------------------------------------------------------------

Node = tuple[str, str]  # ("actor", cluster id) or ("event", event cluster id)


def build_path_graph(store: StoreView, only: OccasionFilter | None = None) -> nx.Graph:
    """Actors and event clusters. Each edge has `links`: [{subject, object, what, kind,
    role|predicate, evidence}] told in the true direction (subject -> object). `only` keeps the
    occasions (and the participations in them, by role) as it does for the network; relations
    are not tied to an occasion and all stay."""
    actors = actor_clusters(store)
    allowed = only.occasions(store) if only else None
    roles = only.roles if only else None
    g = nx.Graph()
    for cluster, info in actors.items():
        g.add_node(("actor", cluster), **info)

    def link(a: Node, b: Node, item: dict[str, Any], evidence: dict[str, Any]) -> None:
        if not g.has_edge(a, b):
            g.add_edge(a, b, links=[])
        links: list[dict[str, Any]] = g.edges[a, b]["links"]
        same = next(
            (x for x in links if (x["subject"], x["object"], x["what"]) == (a, b, item["what"])),
            None,
        )
        if same is None:
            same = {"subject": a, "object": b, **item, "evidence": []}
            links.append(same)
        _add_unique(same["evidence"], evidence)

    events: set[str] = set()
    for part in store.actor_participations(ACTOR_TYPES):
        a: Node = ("actor", part.actor)
        e: Node = ("event", part.event_cluster)
        if part.actor not in actors:
            continue
        if (allowed is not None and part.event_cluster not in allowed) or (
            roles and part.role not in roles
        ):
            continue
        events.add(part.event_cluster)
        item = {"kind": "participation", "role": part.role, "mode": part.mode}
        link(a, e, {**item, "what": role_words(part.role, part.mode)}, _evidence(part))
    for cluster, info in event_clusters_info(store, events).items():
        g.add_node(("event", cluster), **info)
    for rel in store.actor_relations(ACTOR_TYPES):
        s: Node = ("actor", rel.subject)
        o: Node = ("actor", rel.object)
        if s == o or rel.subject not in actors or rel.object not in actors:
            continue
        item = {
            "kind": "relation",
            "predicate": rel.predicate,
            "role": rel.role,
            "what": predicate_words(rel.predicate, rel.role),
        }
        link(s, o, item, _evidence(rel))
    return g


def _node_json(g: nx.Graph, node: Node) -> dict[str, Any]:
    data = g.nodes[node]
    if node[0] == "event":
        return {
            "kind": "event",
            "id": node[1],
            "name": data.get("label", node[1]),
            "type": data.get("type"),
            "date": data.get("date"),
        }
    return {
        "kind": "actor",
        "id": node[1],
        "name": data["name"],
        "type": data["type"],
        "designated": data["designated"],
        "marks": data["marks"],
    }


def _hop(g: nx.Graph, a: Node, b: Node) -> dict[str, Any]:
    links = sorted(g.edges[a, b]["links"], key=lambda x: (-len(x["evidence"]), x["what"]))
    main = links[0]

    def told(x: dict[str, Any]) -> dict[str, Any]:
        return {
            "subject": _node_json(g, x["subject"])["name"],
            "what": x["what"],
            "object": _node_json(g, x["object"])["name"],
            "kind": x["kind"],
            "role": x.get("role"),
            "predicate": x.get("predicate"),
            "evidence": x["evidence"],
        }

    first = told(main)
    return {
        "from": _node_json(g, a),
        "to": _node_json(g, b),
        "direction": "forward" if main["subject"] == a else "backward",
        **first,
        "also": [told(x) for x in links[1:]],
    }


def find_paths(
    store: StoreView, a: str, b: str, limit: int = 3, only: OccasionFilter | None = None
) -> dict[str, Any]:
    """Up to `limit` shortest evidenced chains from actor `a` to actor `b` (shortest first).

    The search treats the graph as undirected; each hop says who did what to whom in its true
    direction (`subject` `what` `object`, `direction` forward/backward along the path). With
    `only`, a chain passes only through the occasions (and roles) the filter keeps."""
    if limit < 1:
        raise FootprintError("limit must be 1 or more")
    g = build_path_graph(store, only)
    actors = {n[1]: d for n, d in g.nodes(data=True) if n[0] == "actor"}
    src = _clusters_of(store, a, actors)
    dst = _clusters_of(store, b, actors)
    if set(src) & set(dst):
        raise FootprintError(f"{a!r} and {b!r} are the same actor")
    start: Node = ("from", "")
    end: Node = ("to", "")
    g.add_edges_from((start, ("actor", c)) for c in src)
    g.add_edges_from((("actor", c), end) for c in dst)
    ends = {("actor", c) for c in src + dst}
    found: list[dict[str, Any]] = []
    try:
        for tried, nodes in enumerate(nx.shortest_simple_paths(g, start, end)):
            if len(found) >= limit or tried > limit * 50:
                break
            inner = nodes[1:-1]
            if any(n in ends for n in inner[1:-1]):
                continue  # passes through another entity of the same name: a longer duplicate
            hops = [_hop(g, x, y) for x, y in zip(inner, inner[1:], strict=False)]
            found.append({"length": len(hops), "hops": hops})
    except nx.NetworkXNoPath:
        pass
    return {
        "from": {"query": a, "actors": src},
        "to": {"query": b, "actors": dst},
        "limit": limit,
        "filters": only.to_json() if only else None,
        "paths": found,
    }


def describe_hop(hop: dict[str, Any]) -> str:
    """'Jamaat-e-Islami —took part in (participant)→ rally in Lahore'."""
    return f"{hop['subject']} —{hop['what']}→ {hop['object']}"
