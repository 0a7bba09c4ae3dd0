"""A timeline: one row per event cluster (one real occasion, however many documents report it),
in time order, with its date, place, participants, sources and conflicts.

Background events (recalled history, not the news of the day) are kept and flagged. With an
actor, only the clusters that one of the actor's entities (or an entity resolved into the same
actor) took part in; `country` and the [since, until] window are those of the store's
`occasion_reports`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from footprint.analysis.profile import actor_entities as profile_actor_entities
from footprint.analysis.profile import date_key, entity_rows, event_date, resolve_actor
from footprint.store import StoreView
from footprint.store.records import EventRow

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4}


def actor_entities(store: StoreView, actor: str) -> tuple[list[str], list[str]]:
    """(the ids `actor` names, every entity id in their clusters)."""
    ids = resolve_actor(store, actor)
    return ids, profile_actor_entities(store, ids)


def _rank(row: EventRow, sizes: dict[str, int]) -> tuple[int, int, str]:
    """Best report first: the most precise date, then the fullest account, then the id."""
    prec = row.date_precision
    return (PRECISION_RANK.get(prec, 8) if prec else 9, -sizes.get(row.id, 0), row.id)


def timeline(
    store: StoreView,
    actor: str | None = None,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    types: frozenset[str] | None = None,
    roles: frozenset[str] | None = None,
    direct: bool = False,
    rolled: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Event clusters in time order (undated last). A cluster is in when one of its reports
    passes the filters; its date, label, type and place are those of its best-dated report.
    `types` keeps occasions of those event types; `roles` those where a participant (the
    actor, when one is given, or the person through whom an occasion is rolled up) had one
    of the roles.

    An organisation's timeline is rolled up through its people as its profile is (unless
    `direct`): the occasions of those the texts tie to it while the tie held, each row with
    `via` (who, in which role, the tie's evidence); claimed fronts stay out."""
    ids: list[str] = []
    members: list[str] = []
    wanted: set[str] | None = None
    via: dict[str, dict[str, Any]] = {}
    through: dict[str, set[str]] = {}  # occasion -> the tied actors acting for the actor there
    if actor is not None:
        ids, members = actor_entities(store, actor)
        wanted = store.occasions_of(members)
        if not direct:
            from footprint.analysis.profile import profile

            if rolled is None:  # (a caller that has the actor's profile passes it: `rolled`)
                rolled = profile(store, actor, country=country, since=since, until=until)
            for s in rolled["itinerary"]:
                if s["via"] is not None:
                    via[s["event"]] = s["via"]
                    through[s["event"]] = {v["id"] for v in [s["via"], *s.get("also_via", [])]}
            wanted |= set(via)

    reports = {
        cluster: reps
        for cluster, reps in store.occasion_reports(None, country, since, until).items()
        if wanted is None or cluster in wanted
    }

    # Every report of a kept cluster, also those the filters left out, for participants.
    all_reports = {
        cluster: [r.id for r in reps] for cluster, reps in store.occasion_reports(reports).items()
    }
    info = {row.cluster_id: row for row in store.event_cluster_info(reports)}
    cluster_of = {e: c for c, es in all_reports.items() for e in es}

    participants: dict[str, dict[str, dict[str, Any]]] = {}
    evidence: dict[str, list[dict[str, Any]]] = {}
    documents: dict[str, set[str]] = {}
    for part in store.occasion_participants(cluster_of):
        cluster = cluster_of[part.event_id]
        who = participants.setdefault(cluster, {}).setdefault(
            part.actor,
            {"actor": part.actor, "roles": [], "modes": [], "evidence": []},
        )
        for key, value in (("roles", part.role), ("modes", part.mode)):
            if value not in who[key]:
                who[key].append(value)
        who["evidence"].append(
            {
                "document": part.document_id,
                "sentence": part.sentence,
                "attribution": part.attribution,
            }
        )
    for span in store.evidence_for_events(cluster_of):
        cluster = cluster_of[span.event_id]
        documents.setdefault(cluster, set()).add(span.document_id)
        ev = {
            "document": span.document_id,
            "sentence": span.sentence,
            "attribution": span.attribution,
        }
        if ev not in evidence.setdefault(cluster, []):
            evidence[cluster].append(ev)
    names = entity_rows(store, {a for ps in participants.values() for a in ps})

    sizes = store.participant_counts(r.id for reps in reports.values() for r in reps)
    rows: list[dict[str, Any]] = []
    for cluster, reps in reports.items():
        best = min(reps, key=lambda r: _rank(r, sizes))
        meta = info.get(cluster)
        docs = (
            json.loads(meta.documents)
            if meta
            else sorted({r.document_id for r in reps} | documents.get(cluster, set()))
        )
        people = []
        for who in participants.get(cluster, {}).values():
            head = names.get(who["actor"], {})
            people.append(
                {
                    "actor": who["actor"],
                    "name": head.get("name", who["actor"]),
                    "type": head.get("type"),
                    **{k: who[k] for k in ("roles", "modes", "evidence")},
                }
            )
        people.sort(key=lambda p: (p["name"].lower(), p["actor"]))
        rows.append(
            {
                "cluster": cluster,
                "events": all_reports.get(cluster, [r.id for r in reps]),
                "date": event_date(best),
                "label": best.label,
                "type": best.type,
                "background": all(bool(r.background) for r in reps),
                "place": json.loads(best.place) if best.place else None,
                "participants": people,
                "documents": len(docs),
                "document_ids": docs,
                "independent_sources": meta.independent_sources if meta else len(docs),
                "conflicts": json.loads(meta.conflicts) if meta else [],
                "evidence": evidence.get(cluster, []),
                # the best-placed report's figures and claims, else the first report's that has any
                "casualties": _first_json(best, reps, "casualties"),
                "responsibility": _first_json(best, reps, "responsibility"),
                "via": via.get(cluster),
            }
        )
    if types:
        rows = [r for r in rows if r["type"] in types]
    if roles:
        acting: set[str] | None = None
        if actor is not None:
            acting = set(store.cluster_of(members).values()) | set(members)
        # At an occasion reached through its people, the actor's role is theirs.
        rows = [
            r
            for r in rows
            if any(
                set(p["roles"]) & roles
                and (
                    acting is None
                    or p["actor"] in acting
                    or p["actor"] in through.get(r["cluster"], ())
                )
                for p in r["participants"]
            )
        ]
    rows.sort(key=lambda r: (date_key(r["date"]), r["label"].lower(), r["cluster"]))
    head_actor = None
    if actor is not None:
        info_ids = entity_rows(store, ids)
        main = ids[0]
        head_actor = {
            "query": actor,
            "ids": ids,
            "entities": members,
            "name": info_ids[main]["name"],
        }
    return {
        "actor": head_actor,
        "filters": {
            "country": country.upper() if country else None,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "types": sorted(types) if types else None,
            "roles": sorted(roles) if roles else None,
        },
        "scope": None if actor is None else ("direct" if direct else "via people"),
        "events": rows,
    }


def _first_json(best: EventRow, reports: list[EventRow], column: str) -> Any:
    """A JSON column of the occasion's best report, else of the first report that has it."""
    for row in [best, *reports]:
        if row[column]:
            return json.loads(row[column])
    return None
