"""What the pages and the HTTP API show, as plain dicts built from the store: actors found by a
piece of any spelling, an actor's page (its profile, designations with evidence, who was
designated as of each occasion), an occasion's page, and the store's status.

The API returns these dicts as JSON and the pages render the same dicts, so the two never
disagree. Every evidence dict carries `href`, the document reader at its sentence (an actor's
page asks for its view without them and links only the evidence it shows).
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from footprint.analysis.corroboration import Support, grade, source_of
from footprint.errors import FootprintError
from footprint.store import StoreView
from footprint.store.records import EntityRow
from footprint.web.errors import WebError, not_found
from footprint.web.evidence import link_evidence
from footprint.web.params import Filters

ACTOR_TYPES = ("person", "organization")
WEAK_KIND = "possible"
KIND_WORDS = {
    "listed": "listed",
    "alias": "listed (under an alias)",
    "claimed_front": "claimed front (the text says so, no list does)",
    "linked_person": "linked by the text to a listed group",
    "possible": "possible match — not asserted",
}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4}


# -- actors -------------------------------------------------------------------------------------


def entity_or_404(store: StoreView, entity_id: str) -> EntityRow:
    found = store.entities([entity_id])
    if not found:
        raise not_found(f"no actor with id {entity_id!r} in this store", "actor")
    return found[0]


def actor_name(store: StoreView, ref: str, field: str = "actor") -> str:
    """The name the analysis functions take for `ref`: an entity id's name, else `ref` itself
    (a name under any stored spelling). 404 naming the field when neither is in the store."""
    ref = " ".join(ref.split())
    if not ref:
        raise WebError(422, f"{field}: no actor given", field)
    found = store.entities([ref])
    if found:
        return found[0].name
    if not store.entity_ids_named(ref):
        from footprint.analysis.profile import near_names

        near = near_names(store, ref)
        hint = f"; did you mean: {', '.join(near)}?" if near else ""
        raise not_found(f"{field}: no actor named {ref!r} in this store{hint}", field)
    return ref


def find_actors(store: StoreView, q: str, limit: int) -> dict[str, Any]:
    """Actors (people and organisations, one per entity cluster) one of whose spellings holds
    `q`: exact spellings first, then the most mentioned."""
    text = " ".join(q.split())
    rows = store.entities_spelled(text, ACTOR_TYPES, limit * 5) if text else []
    by_actor: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = by_actor.setdefault(
            row.actor, {"id": row.actor, "spellings": [], "entities": [], "type": row.type}
        )
        entry["entities"].append(row.entity_id)
        if row.name not in entry["spellings"]:
            entry["spellings"].append(row.name)
    heads = {e.id: e for e in store.entities(by_actor)}
    counts = store.mention_counts(e for a in by_actor.values() for e in a["entities"])
    kinds = store.designation_kinds(e for a in by_actor.values() for e in a["entities"])
    actors = []
    for actor_id, entry in by_actor.items():
        head = heads.get(actor_id)
        marks = sorted({k for e in entry["entities"] for k in kinds.get(e, [])} - {WEAK_KIND})
        actors.append(
            {
                "id": actor_id,
                "name": head.name if head else entry["spellings"][0],
                "type": head.type if head else entry["type"],
                "spellings": entry["spellings"],
                "mentions": sum(counts.get(e, 0) for e in entry["entities"]),
                "designations": marks,
                "exact": any(s.lower() == text.lower() for s in entry["spellings"]),
            }
        )
    actors.sort(key=lambda a: (not a["exact"], -a["mentions"], a["name"].lower(), a["id"]))
    return {"query": q, "actors": actors[:limit]}


def _designation_rows(store: StoreView, ids: list[str]) -> list[dict[str, Any]]:
    """The actor's designations, one per kind and listing, each with the sentence behind it:
    the text's own words for text-based kinds, else where the document names the actor."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for d in store.designations_of(ids):
        if (d.kind, d.listing_id) in seen:
            continue
        seen.add((d.kind, d.listing_id))
        evidence = json.loads(d.evidence) if d.evidence else None
        if not evidence:
            mention = store.first_mention(d.entity_id, d.document_id)
            evidence = {
                "document": d.document_id,
                "sentence": mention.sentence if mention else "",
                "attribution": mention.attribution if mention else None,
            }
        evidence.setdefault("document", d.document_id)
        rows.append(
            {
                "kind": d.kind,
                "kind_words": KIND_WORDS.get(d.kind, d.kind.replace("_", " ")),
                "list": d.list,
                "program": d.program,
                "listed_name": d.listed_name,
                "listed_on": d.listed_on,
                "score": round(d.score, 3),
                "explanation": d.explanation,
                "via": d.via,
                "evidence": evidence,
            }
        )
    return rows


def _designated_at(store: StoreView, stops: list[dict[str, Any]], ids: set[str]) -> None:
    """Set each stop's `designated_as_of`: the actor's designations in force at the occasion,
    with the date they were judged as of."""
    reports = {r: s["event"] for s in stops for r in s["reports"]}
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.designated_at_events(reports):
        if row.entity_id in ids and row.kind != WEAK_KIND:
            item = {"kind": row.kind, "as_of": row.as_of}
            if item not in found[reports[row.event_id]]:
                found[reports[row.event_id]].append(item)
    for stop in stops:
        stop["designated_as_of"] = found.get(stop["event"], [])


def actor_view(
    store: StoreView, actor_id: str, filters: Filters, direct: bool = False, page: bool = False
) -> dict[str, Any]:
    """An actor's page: its profile (an organisation's rolled up through its people unless
    `direct`) under the filters, its designations with evidence, and per occasion who of it was
    designated as of that date.

    `page` leaves out what only the JSON gives: the evidence's `href` (an organisation's
    profile holds thousands of evidence dicts, its page shows a few hundred and links them
    itself) and the profile's `host_state`."""
    from footprint.analysis.profile import profile

    head = entity_or_404(store, actor_id)
    only = filters.only
    try:
        prof = profile(
            store, head.name, country=only.country, since=only.since, until=only.until,
            direct=direct, state=not page,
        )
    except FootprintError as exc:
        raise not_found(str(exc), "actor") from None
    # Who it appeared with links the occasions they shared, whose pages hold the evidence.
    labels = {s["event"]: s["label"] for s in prof["itinerary"]}
    for partner in prof["partners"]:
        partner["occasions"] = [
            {"event": e, "label": labels[e]} for e in partner["events"] if e in labels
        ]
    # The page's event type and role filters narrow the itinerary as they narrow a timeline.
    stops = [
        s
        for s in prof["itinerary"]
        if (not only.types or s["type"] in only.types)
        and (not only.roles or s["role"] in only.roles)
    ]
    prof["itinerary"] = stops
    ids = list(prof["actor"]["ids"])
    _designated_at(store, stops, set(ids))
    prof["designations"] = _designation_rows(store, ids)
    prof["actor"]["page_id"] = actor_id
    prof["filters"] = {**prof["filters"], **filters.given}
    return prof if page else link_evidence(prof)


# -- occasions ------------------------------------------------------------------------------------


def _rank(row: Any, sizes: dict[str, int]) -> tuple[int, int, str]:
    prec = row.date_precision
    return (PRECISION_RANK.get(prec, 8) if prec else 9, -sizes.get(row.id, 0), row.id)


def _date(row: Any) -> dict[str, Any] | None:
    if row.date_precision is None:
        return None
    return {
        "start": row.date_start,
        "end": row.date_end,
        "precision": row.date_precision,
        "text": row.date_text,
    }


def documents_of(store: StoreView, ids: set[str]) -> list[dict[str, Any]]:
    from footprint.export.links import web_link

    return [
        {
            "id": d.id,
            "title": d.title,
            "path": d.path,
            "author": d.author,
            "published": d.published,
            "url": d.url,
            "link": web_link(d.url),
            "source": source_of(d.url, d.author, d.path),
        }
        for d in store.document_headers(ids)
    ]


def event_view(store: StoreView, occasion_id: str) -> dict[str, Any]:
    """An occasion (an event cluster, or a report never clustered): its best-dated report's
    date, place and label, every report, participants with roles, modes and evidence, quotes,
    casualties and responsibility, the documents, and the support grade with its reasoning."""
    from footprint.extract.ontology import codes_of

    reports = store.occasion_reports([occasion_id]).get(occasion_id)
    if not reports:
        # A report's own id (a link made before it was joined to another report of the same
        # occasion) leads to its occasion.
        joined = store.occasions_of_events([occasion_id]).get(occasion_id, occasion_id)
        if joined != occasion_id:
            return event_view(store, joined)
        raise not_found(f"no event with id {occasion_id!r} in this store", "event")
    report_ids = [r.id for r in reports]
    sizes = store.participant_counts(report_ids)
    best = min(reports, key=lambda r: _rank(r, sizes))
    info = next(iter(store.event_cluster_info([occasion_id])), None)

    parts = store.occasion_participants(report_ids)
    designated: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in store.designated_at_events(report_ids):
        item = {"kind": row.kind, "as_of": row.as_of}
        if row.kind != WEAK_KIND and item not in designated[row.entity_id]:
            designated[row.entity_id].append(item)
    named = {p.actor for p in parts} | {p.entity_id for p in parts}
    names = {e.id: e for e in store.entities(named)}
    people: dict[str, dict[str, Any]] = {}
    for p in parts:
        head = names.get(p.actor) or names.get(p.entity_id)
        who = people.setdefault(
            p.actor,
            {
                "actor": p.actor,
                "name": head.name if head else p.actor,
                "type": head.type if head else None,
                "roles": [],
                "modes": [],
                "designated_as_of": [],
                "evidence": [],
            },
        )
        for key, value in (("roles", p.role), ("modes", p.mode)):
            if value not in who[key]:
                who[key].append(value)
        for item in designated.get(p.entity_id, []):
            if item not in who["designated_as_of"]:
                who["designated_as_of"].append(item)
        said = {"document": p.document_id, "sentence": p.sentence, "attribution": p.attribution}
        if said not in who["evidence"]:
            who["evidence"].append(said)
    participants = sorted(people.values(), key=lambda w: (w["name"].lower(), w["actor"]))

    evidence: list[dict[str, Any]] = []
    for span in store.evidence_for_events(report_ids):
        ev = {
            "document": span.document_id,
            "sentence": span.sentence,
            "text": span.text,
            "start": span.start,
            "end": span.end,
            "attribution": span.attribution,
        }
        if ev not in evidence:
            evidence.append(ev)
    quotes = [
        {
            "speaker": q.speaker_id,
            "speaker_name": names[q.speaker_id].name if q.speaker_id in names else q.speaker_text,
            "text": q.text,
            "document": q.document_id,
            "sentence": q.sentence,
            "attribution": q.attribution,
        }
        for q in store.quotes_of_events(report_ids)
    ]
    doc_ids = set(json.loads(info.documents)) if info else set()
    doc_ids |= {r.document_id for r in reports} | {e["document"] for e in evidence}
    documents = documents_of(store, doc_ids)
    conflicts = json.loads(info.conflicts) if info else []

    sources = {d["id"]: d["source"] for d in documents}
    statements = evidence + [e for w in participants for e in w["evidence"]]
    near = [frozenset((r.document_id, r.duplicate_of)) for r in store.near_duplicates()]
    support = grade(
        [Support(e["document"], sources.get(e["document"], e["document"]), e["attribution"])
         for e in statements],
        near,
        store.source_ratings(),
        conflicts,
    )
    codes = codes_of(best.type)
    view = {
        "id": occasion_id,
        "label": best.label,
        "type": best.type,
        "codes": {"plover": codes.plover, "cameo": codes.cameo},
        "background": all(bool(r.background) for r in reports),
        "date": _date(best),
        "place": json.loads(best.place) if best.place else None,
        "reports": [
            {"id": r.id, "document": r.document_id, "label": r.label, "date": _date(r)}
            for r in reports
        ],
        "participants": participants,
        "quotes": quotes,
        "casualties": _first_json(best, reports, "casualties"),
        "responsibility": _first_json(best, reports, "responsibility"),
        "documents": documents,
        "independent_sources": info.independent_sources if info else support.independent_sources,
        "conflicts": conflicts,
        "support": support.to_json(),
        "evidence": evidence,
    }
    return link_evidence(view)


def _first_json(best: Any, reports: list[Any], column: str) -> Any:
    for row in [best, *reports]:
        if row[column]:
            return json.loads(row[column])
    return None


# -- the store ------------------------------------------------------------------------------------


def status(store: StoreView, writes: bool) -> dict[str, Any]:
    from footprint import __version__

    return {
        "footprint": __version__,
        "store": store.name,
        "schema": store.schema_version(),
        "writes": "enabled (bearer token)" if writes else "disabled (read-only server)",
        "needs_resolution": store.needs_resolution(),
        "rows": store.table_sizes(),
    }
