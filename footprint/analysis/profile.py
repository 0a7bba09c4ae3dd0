"""An actor's profile: where it went, when, in which role, beside whom, tied to what.

Everything is read through the store's actor reads (`footprint/store/actors.py`), indexed on the
actor's own rows (participations, relations, designations); nothing walks a whole table except
the name lookup and the "did you mean" list on a miss. The helpers here (actor resolution, the
event filter) are shared by `graph` and `timeline`.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from footprint.errors import FootprintError
from footprint.store import StoreView

HOST_ROLES = ("host", "organizer")


def near_names(store: StoreView, name: str, limit: int = 5) -> list[str]:
    """Stored names close to `name` (only used to explain a miss)."""
    names = store.entity_names()
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


def resolve_actor(store: StoreView, actor: str) -> list[str]:
    """Entity ids whose name, or one of whose mentions' names, is `actor` (any case).

    Raises FootprintError naming the closest stored names when nothing matches."""
    name = " ".join(actor.split())
    if not name:
        raise FootprintError("no actor given")
    ids = store.entity_ids_named(name)
    if not ids:
        near = near_names(store, name)
        hint = f"; did you mean: {', '.join(near)}?" if near else ""
        raise FootprintError(f"no actor named {actor!r} in {store.name}{hint}")
    return ids


def actor_entities(store: StoreView, ids: Iterable[str]) -> list[str]:
    """Every entity of the actors (entity clusters) the given entities belong to."""
    return store.cluster_members(ids)


def cluster_of(store: StoreView, ids: Iterable[str]) -> dict[str, str]:
    """Entity id -> its actor (cluster) id; an unresolved entity is its own actor."""
    return store.cluster_of(ids)


def entity_rows(store: StoreView, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, name, type} for the given entity ids."""
    return {e.id: {"id": e.id, "name": e.name, "type": e.type} for e in store.entities(ids)}


def designated_kinds(store: StoreView, ids: Iterable[str]) -> dict[str, list[str]]:
    """id -> sorted designation kinds (listed, alias, claimed_front, ...) the store holds."""
    return store.designation_kinds(ids)


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


def aliases(store: StoreView, ids: Sequence[str], name: str) -> list[str]:
    """Every other way the entities were written: each mention's name, bare and with titles."""
    found: set[str] = set()
    for spelled, titles in store.spellings(ids):
        for alias in (spelled, " ".join([*titles, spelled])):
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
    store: StoreView,
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
    counts = store.participation_counts(ids)
    main = min(ids, key=lambda i: (-counts.get(i, 0), i))
    head = info[main]

    rows = store.appearances(ids, country=country, since=since, until=until)
    # One itinerary stop per occasion: an event reported in two documents is one stop with
    # the evidence of both; the most precise date leads, and conflicting dates are shown.
    stops: dict[str, dict[str, Any]] = {}
    for row in rows:
        date = event_date(row)
        evidence = {
            "document": row.evidence_document,
            "sentence": row.sentence,
            "attribution": row.attribution,
        }
        stop = stops.get(row.occasion)
        if stop is None:
            stops[row.occasion] = {
                "event": row.occasion,
                "reports": [row.id],
                "date": date,
                "label": row.label,
                "type": row.type,
                "background": bool(row.background),
                "place": json.loads(row.place) if row.place else None,
                "role": row.role,
                "mode": row.mode,
                "documents": json.loads(row.occasion_documents or "[]") or [row.evidence_document],
                "independent_sources": row.independent_sources or 1,
                "conflicts": json.loads(row.conflicts or "[]"),
                "evidence": [evidence],
            }
            continue
        if row.id not in stop["reports"]:
            stop["reports"].append(row.id)
        if evidence not in stop["evidence"]:
            stop["evidence"].append(evidence)
        if stop["mode"] == "unknown" and row.mode != "unknown":
            stop["mode"] = row.mode
        if stop["place"] is None and row.place:
            stop["place"] = json.loads(row.place)
        if _precision_rank(date) < _precision_rank(stop["date"]):
            stop["date"] = date
    itinerary = sorted(stops.values(), key=lambda s: (date_key(s["date"]), s["event"]))
    report_ids = [r for s in itinerary for r in s["reports"]]
    occasion_of = {r: s["event"] for s in itinerary for r in s["reports"]}
    event_ids = report_ids

    # Everyone else at those occasions (by actor, not by spelling), and their designations.
    seen_rows = store.co_participants(event_ids)
    event_kinds = store.designated_at(event_ids)
    actor_of = store.cluster_of(r.entity_id for r in seen_rows)
    own = set(ids)
    others: dict[str, dict[str, Any]] = {}
    for seen in seen_rows:
        if seen.entity_id in own:
            continue
        o = others.setdefault(
            actor_of[seen.entity_id],
            {
                "id": actor_of[seen.entity_id],
                "names": [],
                "type": seen.type,
                "events": set(),
                "roles": set(),
                "members": set(),
            },
        )
        o["names"].append(seen.name)
        o["members"].add(seen.entity_id)
        o["events"].add(occasion_of[seen.event_id])
        o["roles"].add(seen.role)
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

    # Hosts: the other participants of those occasions in a host's role.
    host_count: dict[str, dict[str, Any]] = {}
    for seen in seen_rows:
        if seen.role not in HOST_ROLES or seen.entity_id in own:
            continue
        h = host_count.setdefault(actor_of[seen.entity_id], {"events": set(), "roles": set()})
        h["events"].add(occasion_of[seen.event_id])
        h["roles"].add(seen.role)
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
    for relation in store.roles_of(ids):
        rel = roles.setdefault(
            relation.id,
            {
                "id": relation.id,
                "predicate": relation.predicate,
                "role": relation.role,
                "object": relation.object_id,
                "object_name": relation.object_name,
                "qualifiers": {},
                "evidence": [],
            },
        )
        rel["qualifiers"].update(json.loads(relation.qualifiers))
        rel["evidence"].append(
            {
                "document": relation.document_id,
                "sentence": relation.sentence,
                "attribution": relation.attribution,
            }
        )
    own_kinds = designated_kinds(store, [o["object"] for o in roles.values() if o["object"]])
    for rel in roles.values():
        rel["object_designated"] = own_kinds.get(rel["object"], []) if rel["object"] else []

    designations: list[dict[str, Any]] = []
    marks: set[tuple[str, str]] = set()
    for d in store.designations_of(ids):
        if (d.kind, d.listing_id) in marks:
            continue
        marks.add((d.kind, d.listing_id))
        designations.append(
            {
                "kind": d.kind,
                "list": d.list,
                "program": d.program,
                "listed_name": d.listed_name,
                "listed_on": d.listed_on,
                "score": d.score,
                "explanation": d.explanation,
                "via": d.via,
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
