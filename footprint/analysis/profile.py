"""An actor's profile: where it went, when, in which role, beside whom, tied to what.

Everything is read from the store with indexed queries on the actor's own rows (participations,
relations, designations); nothing walks a whole table except the "did you mean" list on a miss.
The helpers here (actor resolution, the event filter) are shared by `graph` and `timeline`.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from footprint.errors import FootprintError
from footprint.store import SQLiteStore

HOST_ROLES = ("host", "organizer")
CHUNK = 500


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def chunks(values: Iterable[str]) -> Iterable[list[str]]:
    """Sorted, unique values in slices that stay under SQLite's bound-parameter limit."""
    wanted = sorted(set(values))
    for i in range(0, len(wanted), CHUNK):
        yield wanted[i : i + CHUNK]


def near_names(store: SQLiteStore, name: str, limit: int = 5) -> list[str]:
    """Stored names close to `name` (only used to explain a miss)."""
    names = [row[0] for row in store.conn.execute("SELECT DISTINCT name FROM entities")]
    lowered = {n.lower(): n for n in names}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=limit, cutoff=0.6)
    out = [lowered[c] for c in close]
    needle = name.lower()
    for n in sorted(names):
        if len(out) >= limit:
            break
        if n not in out and (needle in n.lower() or n.lower() in needle):
            out.append(n)
    return out


def resolve_actor(store: SQLiteStore, actor: str) -> list[str]:
    """Entity ids whose name, or one of whose mentions' names, is `actor` (any case).

    Raises FootprintError naming the closest stored names when nothing matches."""
    name = " ".join(actor.split())
    if not name:
        raise FootprintError("no actor given")
    ids = [
        row[0]
        for row in store.conn.execute(
            "SELECT id FROM entities WHERE name = ? COLLATE NOCASE ORDER BY id", (name,)
        )
    ]
    if not ids:
        ids = [
            row[0]
            for row in store.conn.execute(
                "SELECT DISTINCT entity_id FROM mentions "
                "WHERE name = ? COLLATE NOCASE OR text = ? COLLATE NOCASE ORDER BY entity_id",
                (name, name),
            )
        ]
    if not ids:
        near = near_names(store, name)
        hint = f"; did you mean: {', '.join(near)}?" if near else ""
        raise FootprintError(f"no actor named {actor!r} in {store.path}{hint}")
    return ids


def actor_entities(store: SQLiteStore, ids: Iterable[str]) -> list[str]:
    """Every entity of the actors (entity clusters) the given entities belong to."""
    out = set(ids)
    for chunk in chunks(out):
        for row in store.conn.execute(
            "SELECT c2.entity_id FROM entity_clusters c1 JOIN entity_clusters c2 "
            f"ON c2.cluster_id = c1.cluster_id WHERE c1.entity_id IN ({_marks(chunk)})",
            chunk,
        ):
            out.add(row[0])
    return sorted(out)


def cluster_of(store: SQLiteStore, ids: Iterable[str]) -> dict[str, str]:
    """Entity id -> its actor (cluster) id; an unresolved entity is its own actor."""
    wanted = set(ids)
    out = {i: i for i in wanted}
    for chunk in chunks(wanted):
        for row in store.conn.execute(
            "SELECT entity_id, cluster_id FROM entity_clusters "
            f"WHERE entity_id IN ({_marks(chunk)})",
            chunk,
        ):
            out[row[0]] = row[1]
    return out


def entity_rows(store: SQLiteStore, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, name, type} for the given entity ids."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in chunks(ids):
        for row in store.conn.execute(
            f"SELECT id, name, type FROM entities WHERE id IN ({_marks(chunk)})", chunk
        ):
            out[row["id"]] = {"id": row["id"], "name": row["name"], "type": row["type"]}
    return out


def designated_kinds(store: SQLiteStore, ids: Iterable[str]) -> dict[str, list[str]]:
    """id -> sorted designation kinds (listed, alias, claimed_front, ...) the store holds."""
    out: dict[str, set[str]] = {}
    for chunk in chunks(ids):
        for row in store.conn.execute(
            "SELECT DISTINCT entity_id, kind FROM designations "
            f"WHERE entity_id IN ({_marks(chunk)})",
            chunk,
        ):
            out.setdefault(row["entity_id"], set()).add(row["kind"])
    return {k: sorted(v) for k, v in out.items()}


def event_date(row: Any) -> dict[str, Any] | None:
    if row["date_precision"] is None:
        return None
    return {
        "start": row["date_start"],
        "end": row["date_end"],
        "precision": row["date_precision"],
        "text": row["date_text"],
    }


def date_key(d: dict[str, Any] | None) -> str:
    """Sort key: dated events in time order, undated after them."""
    if d is None:
        return "9999"
    return str(d.get("start") or d.get("end") or "9999")


def event_filter(
    alias: str,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> tuple[str, list[str]]:
    """SQL conditions (joined with AND, or "1") and their parameters for events that lie in
    `country` (ISO-2 of the event place) and overlap the window [since, until]. With a window,
    undated events are left out; an open interval end counts as unbounded."""
    where: list[str] = []
    params: list[str] = []
    if country:
        where.append(f"upper(json_extract({alias}.place, '$.country')) = ?")
        params.append(country.upper())
    if since is not None or until is not None:
        where.append(f"{alias}.date_precision IS NOT NULL")
        where.append(f"({alias}.date_start IS NOT NULL OR {alias}.date_end IS NOT NULL)")
    if since is not None:
        where.append(f"({alias}.date_end IS NULL OR {alias}.date_end >= ?)")
        params.append(since.isoformat())
    if until is not None:
        where.append(f"({alias}.date_start IS NULL OR {alias}.date_start <= ?)")
        params.append(until.isoformat())
    return (" AND ".join(where) or "1"), params


def aliases(store: SQLiteStore, ids: Sequence[str], name: str) -> list[str]:
    found: set[str] = set()
    for row in store.conn.execute(
        f"SELECT DISTINCT name, titles FROM mentions WHERE entity_id IN ({_marks(ids)})", ids
    ):
        titles = json.loads(row["titles"])
        for alias in (row["name"], " ".join([*titles, row["name"]])):
            if alias != name:
                found.add(alias)
    return sorted(found)


PRECISION_RANK = {"day": 0, "month": 1, "season": 2, "approximate": 3, "year": 4}


def _precision_rank(d: dict[str, Any] | None) -> int:
    return 9 if d is None else PRECISION_RANK.get(str(d.get("precision")), 5)


def _quarter(d: dict[str, Any] | None) -> str:
    if d is None or not (d.get("start") or d.get("end")):
        return "undated"
    iso = str(d.get("start") or d.get("end"))
    month = int(iso[5:7]) if len(iso) >= 7 else 1
    return f"{iso[:4]}-Q{(month - 1) // 3 + 1}"


def _counts(values: Iterable[str | None]) -> list[dict[str, Any]]:
    counter = Counter(v for v in values if v)
    return [
        {"name": k, "events": n} for k, n in sorted(counter.items(), key=lambda x: (-x[1], x[0]))
    ]


def profile(
    store: SQLiteStore,
    actor: str,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """The actor's itinerary, places, partners, roles, hosts, change over time and designations.

    `country` and the [since, until] window filter the events (and so everything drawn from
    them: places, partners, hosts, by_period); roles and designations are the actor's own."""
    ids = actor_entities(store, resolve_actor(store, actor))
    info = entity_rows(store, ids)
    # The entity the name most plainly denotes: the exact-name one with most participations.
    counts = {
        row[0]: row[1]
        for row in store.conn.execute(
            "SELECT entity_id, count(*) FROM event_participants "
            f"WHERE entity_id IN ({_marks(ids)}) GROUP BY entity_id",
            ids,
        )
    }
    main = min(ids, key=lambda i: (-counts.get(i, 0), i))
    head = info[main]

    cond, params = event_filter("e", country, since, until)
    rows = list(
        store.conn.execute(
            "SELECT e.*, p.entity_id AS who, p.role, p.mode, p.sentence, p.attribution, "
            "p.document_id AS evidence_document, coalesce(c.cluster_id, e.id) AS occasion, "
            "i.documents AS occasion_documents, i.independent_sources, i.conflicts "
            "FROM event_participants p JOIN events e ON e.id = p.event_id "
            "LEFT JOIN event_clusters c ON c.event_id = e.id "
            "LEFT JOIN event_cluster_info i ON i.cluster_id = c.cluster_id "
            f"WHERE p.entity_id IN ({_marks(ids)}) AND {cond} ORDER BY e.id",
            [*ids, *params],
        )
    )
    # One itinerary stop per occasion: an event reported in two documents is one stop with
    # the evidence of both; the most precise date leads, and conflicting dates are shown.
    stops: dict[str, dict[str, Any]] = {}
    for row in rows:
        date = event_date(row)
        evidence = {
            "document": row["evidence_document"],
            "sentence": row["sentence"],
            "attribution": row["attribution"],
        }
        stop = stops.get(row["occasion"])
        if stop is None:
            stops[row["occasion"]] = {
                "event": row["occasion"],
                "reports": [row["id"]],
                "date": date,
                "label": row["label"],
                "type": row["type"],
                "background": bool(row["background"]),
                "place": json.loads(row["place"]) if row["place"] else None,
                "role": row["role"],
                "mode": row["mode"],
                "documents": json.loads(row["occasion_documents"] or "[]")
                or [row["evidence_document"]],
                "independent_sources": row["independent_sources"] or 1,
                "conflicts": json.loads(row["conflicts"] or "[]"),
                "evidence": [evidence],
            }
            continue
        if row["id"] not in stop["reports"]:
            stop["reports"].append(row["id"])
        if evidence not in stop["evidence"]:
            stop["evidence"].append(evidence)
        if stop["mode"] == "unknown" and row["mode"] != "unknown":
            stop["mode"] = row["mode"]
        if stop["place"] is None and row["place"]:
            stop["place"] = json.loads(row["place"])
        if _precision_rank(date) < _precision_rank(stop["date"]):
            stop["date"] = date
    itinerary = sorted(stops.values(), key=lambda s: (date_key(s["date"]), s["event"]))
    report_ids = [r for s in itinerary for r in s["reports"]]
    occasion_of = {r: s["event"] for s in itinerary for r in s["reports"]}
    event_ids = report_ids

    # Everyone else at those occasions (by actor, not by spelling), and their designations.
    seen_rows: list[Any] = []
    event_kinds: dict[str, set[str]] = {}
    for chunk in chunks(event_ids):
        seen_rows += store.conn.execute(
            "SELECT p.event_id, p.entity_id, p.role, n.name, n.type FROM event_participants p "
            f"JOIN entities n ON n.id = p.entity_id WHERE p.event_id IN ({_marks(chunk)})",
            chunk,
        )
        for row in store.conn.execute(
            f"SELECT entity_id, kind FROM event_designated WHERE event_id IN ({_marks(chunk)})",
            chunk,
        ):
            event_kinds.setdefault(row["entity_id"], set()).add(row["kind"])
    actor_of = cluster_of(store, (r["entity_id"] for r in seen_rows))
    own = set(ids)
    others: dict[str, dict[str, Any]] = {}
    for row in seen_rows:
        if row["entity_id"] in own:
            continue
        o = others.setdefault(
            actor_of[row["entity_id"]],
            {
                "id": actor_of[row["entity_id"]],
                "names": [],
                "type": row["type"],
                "events": set(),
                "roles": set(),
                "members": set(),
            },
        )
        o["names"].append(row["name"])
        o["members"].add(row["entity_id"])
        o["events"].add(occasion_of[row["event_id"]])
        o["roles"].add(row["role"])
    kinds = designated_kinds(store, {m for o in others.values() for m in o["members"]})
    partners = []
    for o in others.values():
        marks_: set[str] = set()
        for m in o["members"]:
            marks_ |= set(kinds.get(m, [])) | event_kinds.get(m, set())
        partners.append(
            {
                "id": o["id"],
                "name": Counter(o["names"]).most_common(1)[0][0],
                "type": o["type"],
                "shared_events": len(o["events"]),
                "events": sorted(o["events"]),
                "roles": sorted(o["roles"]),
                "designated": sorted(marks_ - {"possible"}),
            }
        )
    partners.sort(key=lambda p: (-p["shared_events"], p["name"].lower(), p["id"]))

    host_count: dict[str, dict[str, Any]] = {}
    for chunk in chunks(event_ids):
        for row in store.conn.execute(
            "SELECT p.event_id, p.entity_id, p.role FROM event_participants p "
            f"WHERE p.event_id IN ({_marks(chunk)}) AND p.role IN ({_marks(HOST_ROLES)})",
            [*chunk, *HOST_ROLES],
        ):
            if row["entity_id"] in own:
                continue
            h = host_count.setdefault(actor_of[row["entity_id"]], {"events": set(), "roles": set()})
            h["events"].add(occasion_of[row["event_id"]])
            h["roles"].add(row["role"])
    partner_by_id = {p["id"]: p for p in partners}
    hosts = sorted(
        (
            {
                "id": eid,
                "name": partner_by_id[eid]["name"],
                "type": partner_by_id[eid]["type"],
                "roles": sorted(h["roles"]),
                "events": len(h["events"]),
                "designated": partner_by_id[eid]["designated"],
            }
            for eid, h in host_count.items()
        ),
        key=lambda h: (-h["events"], h["name"].lower()),
    )

    roles: dict[str, dict[str, Any]] = {}
    for row in store.conn.execute(
        "SELECT r.*, o.name AS object_name FROM relations r "
        "LEFT JOIN entities o ON o.id = r.object_id "
        f"WHERE r.subject_id IN ({_marks(ids)}) ORDER BY r.document_id, r.start",
        ids,
    ):
        rel = roles.setdefault(
            row["id"],
            {
                "id": row["id"],
                "predicate": row["predicate"],
                "role": row["role"],
                "object": row["object_id"],
                "object_name": row["object_name"],
                "qualifiers": {},
                "evidence": [],
            },
        )
        rel["qualifiers"].update(json.loads(row["qualifiers"]))
        rel["evidence"].append(
            {
                "document": row["document_id"],
                "sentence": row["sentence"],
                "attribution": row["attribution"],
            }
        )
    own_kinds = designated_kinds(store, [o["object"] for o in roles.values() if o["object"]])
    for rel in roles.values():
        rel["object_designated"] = own_kinds.get(rel["object"], []) if rel["object"] else []

    designations: list[dict[str, Any]] = []
    marks: set[tuple[str, str]] = set()
    for row in store.conn.execute(
        f"SELECT * FROM designations WHERE entity_id IN ({_marks(ids)}) "
        "ORDER BY kind, score DESC, listing_id",
        ids,
    ):
        if (row["kind"], row["listing_id"]) in marks:
            continue
        marks.add((row["kind"], row["listing_id"]))
        designations.append(
            {
                "kind": row["kind"],
                "list": row["list"],
                "program": row["program"],
                "listed_name": row["listed_name"],
                "listed_on": row["listed_on"],
                "score": row["score"],
                "explanation": row["explanation"],
                "via": row["via"],
            }
        )

    periods = Counter(_quarter(s["date"]) for s in itinerary)
    places = [s["place"] or {} for s in itinerary]
    return {
        "actor": {
            "id": main,
            "ids": ids,
            "name": head["name"],
            "type": head["type"],
            "aliases": aliases(store, ids, head["name"]),
        },
        "filters": {
            "country": country.upper() if country else None,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
        },
        "itinerary": itinerary,
        "places": {
            "by_place": _counts(p.get("name") for p in places),
            "by_admin1": _counts(p.get("admin1") for p in places),
            "by_country": _counts(p.get("country") for p in places),
        },
        "partners": partners,
        "roles": list(roles.values()),
        "hosts": hosts,
        "by_period": [
            {"period": k, "events": periods[k]}
            for k in sorted(periods, key=lambda k: (k == "undated", k))
        ],
        "designations": designations,
    }
