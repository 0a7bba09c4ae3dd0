"""A STIX 2.1 bundle (built with the stix2 library).

Ids: every object is `TYPE--uuid5(NAMESPACE, footprint id)`, so the same actor, occasion,
document or relation gets the same STIX id in every export, and each object names its footprint
id in `external_references` (`source_name: "footprint"`, `external_id`).

- actor (`ent-...`) -> identity (identity_class individual / organization, roles = titles); an
  actor on a designation list (kind listed or alias) -> threat-actor (threat_actor_types
  ["terrorist"], aliases, roles);
- event place -> location (`uuid5("place:" + gazetteer id)`, else name and country): name,
  latitude/longitude, country, administrative_area, city;
- occasion (`evt-...`) -> grouping (context "unspecified"; object_refs: place and participants)
  with the date and place in its description, and its type's nearest PLOVER and CAMEO
  categories (`extract/ontology.py`) twice: as labels (`plover:PROTEST`, `plover-mode:riot`,
  `cameo:145`) for filtering, and as external references (source_name "PLOVER" / "CAMEO",
  external_id the type or code, description the mode or label). Both are standard STIX
  properties, so the bundle needs no custom content to load;
- participation (`ptc-...`) -> relationship: organizer / host / perpetrator as
  `grouping attributed-to actor`, every other role as `actor related-to grouping`, with the
  role and mode in the description; and a sighting of the actor (sighting_of_ref) at the
  occasion's place (where_sighted_refs) and time (first_seen / last_seen);
- relation (`rel-...`) -> relationship `member-of`, `leader-of`, `works-for`, `represents`,
  `relative-of`, `front-of` (source = subject); holds_title is the actor's `roles`;
- each evidence statement -> note (content = the sentence, abstract = the text's hedge or
  "stated plainly", object_refs = the fact it supports, external reference to the document
  with the character offsets); each designation -> note labelled `designation` + kind: listed /
  alias carry the list, program and date; claimed_front / linked_person (what the text says,
  not a listing) are labelled `text-claim` and kept apart;
- document -> report (report_types ["threat-report"], published = the document's date, else
  the export time, said in the description; object_refs = everything it supports). Its
  external reference carries the document's URL only when it is an http(s) address; any
  other (`javascript:`, `data:`, ...) is kept as text in the reference's description
  (`footprint/export/links.py`).

Every object footprint writes names its maker: an identity "footprint" (identity_class
"system", the same id in every export) that each SDO and SRO points to with `created_by_ref`.
With a TLP level (`--tlp clear|green|amber|red`) every object is marked with it
(`object_marking_refs`) and the bundle holds the marking definition. The stix2 library ships
only the TLP 1.0 definitions (TLP_WHITE, TLP_GREEN, TLP_AMBER, TLP_RED), which STIX 2.1 defines
itself and every consumer knows, so those are used: `clear` is TLP 1.0's WHITE, the name TLP 2.0
gave it.

`confidence` (0-100) comes from the Admiralty grade of the fact (`analysis/corroboration.py`):
its credibility picks the band of STIX's Admiralty Credibility scale, its source reliability the
place within it (A1 98 ... F3 50 ... E5 2; none for credibility 6; the table is in
`selection.confidence`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import stix2

from footprint.errors import FootprintError
from footprint.export.atomic import atomic_file
from footprint.export.links import not_a_link, web_link
from footprint.export.selection import LISTED_KINDS, ExportData
from footprint.extract.ontology import codes_of

NAMESPACE = uuid.UUID("6b1c1b0e-3a56-5c8e-9f62-2f0d5f6f7f10")  # footprint's fixed uuid5 namespace
# TLP level -> the stix2 library's TLP 1.0 marking definition ("clear" is 1.0's "white").
TLP = {
    "clear": stix2.TLP_WHITE,
    "green": stix2.TLP_GREEN,
    "amber": stix2.TLP_AMBER,
    "red": stix2.TLP_RED,
}
# Not an actor id (those are `ent-...`), so footprint's own identity never meets an actor's.
MAKER_KEY = "system:footprint"
ATTRIBUTED_ROLES = ("organizer", "host", "perpetrator")
PREDICATE_TYPES = {
    "member_of": "member-of",
    "leader_of": "leader-of",
    "works_for": "works-for",
    "represents": "represents",
    "relative_of": "relative-of",
    "front_of": "front-of",
}


def stix_id(kind: str, footprint_id: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, footprint_id)}"


def _ref(footprint_id: str, url: str | None = None) -> list[dict[str, str]]:
    ref = {"source_name": "footprint", "external_id": footprint_id}
    link = web_link(url)
    if link:
        ref["url"] = link
    elif url:
        ref["description"] = not_a_link(url)
    return [ref]


def code_labels(event_type: str | None) -> list[str]:
    """The type's PLOVER and CAMEO codes as labels; none for an unmapped type."""
    codes = codes_of(event_type)
    labels = [
        f"plover:{codes.plover_type}" if codes.plover_type else None,
        f"plover-mode:{codes.plover_mode}" if codes.plover_mode else None,
        f"cameo:{codes.cameo_code}" if codes.cameo_code else None,
    ]
    return [x for x in labels if x]


def code_refs(event_type: str | None) -> list[dict[str, str]]:
    """The type's PLOVER and CAMEO categories as external references; none for an unmapped
    type."""
    codes = codes_of(event_type)
    refs = []
    if codes.plover_type:
        plover = {"source_name": "PLOVER", "external_id": codes.plover_type}
        if codes.plover_mode:
            plover["description"] = f"mode: {codes.plover_mode}"
        refs.append(plover)
    if codes.cameo_code:
        cameo = {"source_name": "CAMEO", "external_id": codes.cameo_code}
        if codes.cameo_label:
            cameo["description"] = codes.cameo_label
        refs.append(cameo)
    return refs


def _place_key(place: dict[str, Any]) -> str:
    if place.get("gazetteer_id"):
        return f"place:{place['gazetteer_id']}"
    return f"place:{place.get('name')}|{place.get('country')}"


def _time(day: str | None, end: bool = False) -> str | None:
    if not day:
        return None
    return f"{day}T23:59:59Z" if end else f"{day}T00:00:00Z"


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if v not in (None, "", [])}


def marking(tlp: str | None) -> stix2.v21.MarkingDefinition | None:
    """The TLP marking definition for a level (None for none); FootprintError for another."""
    if tlp is None:
        return None
    try:
        return TLP[tlp.lower()]
    except KeyError:
        raise FootprintError(f"unknown TLP level {tlp!r}; use one of {', '.join(TLP)}") from None


def maker(now: dt.datetime, tlp: str | None = None) -> stix2.v21.Identity:
    """footprint itself, the identity every object it writes names as its creator."""
    mark = marking(tlp)
    return stix2.v21.Identity(
        id=stix_id("identity", MAKER_KEY),
        created=now,
        modified=now,
        name="footprint",
        identity_class="system",
        description="footprint OSINT engine: actors, events and evidence read from open sources",
        object_marking_refs=[mark.id] if mark else None,
    )


def objects(data: ExportData, now: dt.datetime | None = None, tlp: str | None = None) -> list[Any]:
    """The bundle's objects: the TLP marking (if any), footprint's identity, then the export."""
    now = now or dt.datetime.now(dt.UTC)
    mark = marking(tlp)
    me = maker(now, tlp)
    stamp: dict[str, Any] = {"created": now, "modified": now, "created_by_ref": me.id}
    if mark is not None:
        stamp["object_marking_refs"] = [mark.id]
    out: list[Any] = ([mark] if mark is not None else []) + [me]
    actor_ref: dict[str, str] = {}
    by_doc: dict[str, list[str]] = {d: [] for d in data.documents}

    def cite(doc: str, ref: str) -> None:
        if doc in by_doc and ref not in by_doc[doc]:
            by_doc[doc].append(ref)

    def notes(fact_id: str, target: str, evidence: list[dict[str, Any]], conf: int | None) -> None:
        for ev in evidence:
            doc = data.documents.get(ev["document"], {})
            key = f"{fact_id}|{ev['document']}|{ev.get('start')}|{ev.get('end')}|{ev['sentence']}"
            nid = stix_id("note", key)
            span = f"characters {ev['start']}-{ev['end']}" if ev.get("start") is not None else None
            out.append(
                stix2.v21.Note(
                    id=nid,
                    **stamp,
                    **_clean(
                        {
                            "abstract": ev["attribution"] or "stated plainly",
                            "content": " ".join(str(ev["sentence"]).split()),
                            "authors": [doc["author"]] if doc.get("author") else None,
                            "object_refs": [target],
                            "labels": ["evidence"],
                            "confidence": conf,
                            "external_references": [
                                _clean(
                                    {
                                        "source_name": "footprint",
                                        "external_id": ev["document"],
                                        "description": span,
                                    }
                                )
                            ],
                        }
                    ),
                )
            )
            cite(ev["document"], nid)
            cite(ev["document"], target)

    for a in data.actors.values():
        if a["designated"]:
            sid = stix_id("threat-actor", a["id"])
            obj: Any = stix2.v21.ThreatActor(
                id=sid,
                **stamp,
                **_clean(
                    {
                        "name": a["name"],
                        "description": f"{a['type']} on a designation list"
                        + (f"; titles: {', '.join(a['titles'])}" if a["titles"] else ""),
                        "threat_actor_types": ["terrorist"],
                        "aliases": a["aliases"],
                        "external_references": _ref(a["id"]),
                    }
                ),
            )
        else:
            sid = stix_id("identity", a["id"])
            obj = stix2.v21.Identity(
                id=sid,
                **stamp,
                **_clean(
                    {
                        "name": a["name"],
                        "identity_class": "individual" if a["type"] == "person" else "organization",
                        "description": "also named: " + "; ".join(a["aliases"])
                        if a["aliases"]
                        else None,
                        "roles": a["titles"],
                        "external_references": _ref(a["id"]),
                    }
                ),
            )
        actor_ref[a["id"]] = sid
        out.append(obj)
        for doc in a["documents"]:
            cite(doc, sid)

    places: dict[str, str] = {}
    event_ref: dict[str, str] = {}
    by_event: dict[str, list[dict[str, Any]]] = {}
    for p in data.participations.values():
        by_event.setdefault(p["event"], []).append(p)
    for e in data.events.values():
        place = e["place"] or {}
        loc = None
        has_coords = place.get("lat") is not None and place.get("lon") is not None
        if place and (has_coords or place.get("country")):
            key = _place_key(place)
            loc = places.get(key)
            if loc is None:
                loc = places[key] = stix_id("location", key)
                out.append(
                    stix2.v21.Location(
                        id=loc,
                        **stamp,
                        **_clean(
                            {
                                "name": place.get("name"),
                                "latitude": float(place["lat"]) if has_coords else None,
                                "longitude": float(place["lon"]) if has_coords else None,
                                "country": place.get("country"),
                                "administrative_area": place.get("admin1"),
                                "city": place.get("name")
                                if place.get("precision") == "city"
                                else None,
                                "external_references": _ref(str(place.get("gazetteer_id") or key)),
                            }
                        ),
                    )
                )
        gid = stix_id("grouping", e["id"])
        event_ref[e["id"]] = gid
        d = e["date"] or {}
        when = ""
        if d:
            when = f"{d.get('start') or '?'} to {d.get('end') or '?'} ({d.get('precision')})"
        refs = ([loc] if loc else []) + [actor_ref[p["actor"]] for p in by_event.get(e["id"], [])]
        refs = refs or [stix_id("report", doc) for doc in e["documents"] if doc in data.documents]
        out.append(
            stix2.v21.Grouping(
                id=gid,
                **stamp,
                **_clean(
                    {
                        "name": e["label"],
                        "context": "unspecified",
                        "description": "; ".join(
                            x
                            for x in (
                                f"{e['type']} event" + (" (background)" if e["background"] else ""),
                                when,
                                place.get("name"),
                                f"{e['independent_sources']} independent source(s)",
                                *(f"conflict: {c}" for c in e["conflicts"]),
                            )
                            if x
                        ),
                        "object_refs": refs,
                        "confidence": e["confidence"],
                        "labels": [e["type"], *code_labels(e["type"])],
                        "external_references": _ref(e["id"]) + code_refs(e["type"]),
                    }
                ),
            )
        )
        for doc in e["documents"]:
            cite(doc, gid)
        if loc:
            for doc in e["documents"]:
                cite(doc, loc)
        notes(e["id"], gid, e["evidence"], e["confidence"])

        for p in by_event.get(e["id"], []):
            what = f"{', '.join(p['roles'])} ({', '.join(p['modes'])})"
            attributed = any(r in ATTRIBUTED_ROLES for r in p["roles"])
            rid = stix_id("relationship", p["id"])
            out.append(
                stix2.v21.Relationship(
                    id=rid,
                    **stamp,
                    relationship_type="attributed-to" if attributed else "related-to",
                    source_ref=gid if attributed else actor_ref[p["actor"]],
                    target_ref=actor_ref[p["actor"]] if attributed else gid,
                    description=f"{data.actors[p['actor']]['name']} at {e['label']}: {what}",
                    external_references=_ref(p["id"]),
                    **_clean({"confidence": p["confidence"]}),
                )
            )
            out.append(
                stix2.v21.Sighting(
                    id=stix_id("sighting", p["id"]),
                    **stamp,
                    **_clean(
                        {
                            "sighting_of_ref": actor_ref[p["actor"]],
                            "where_sighted_refs": [loc] if loc else None,
                            "first_seen": _time(d.get("start")),
                            "last_seen": _time(d.get("end"), end=True),
                            "count": 1,
                            "description": f"{e['label']}: {what}",
                            "confidence": p["confidence"],
                            "external_references": _ref(p["id"]),
                        }
                    ),
                )
            )
            notes(p["id"], rid, p["evidence"], p["confidence"])

    for rel in data.relations.values():
        if rel["object"] is None:
            continue
        rid = stix_id("relationship", rel["id"])
        out.append(
            stix2.v21.Relationship(
                id=rid,
                **stamp,
                relationship_type=PREDICATE_TYPES.get(
                    rel["predicate"], rel["predicate"].replace("_", "-")
                ),
                source_ref=actor_ref[rel["subject"]],
                target_ref=actor_ref[rel["object"]],
                description=(rel["role"] or rel["predicate"].replace("_", " "))
                + f"; {rel['grade']['grade']}: {rel['grade']['reasoning']}",
                external_references=_ref(rel["id"]),
                **_clean({"confidence": rel["confidence"]}),
            )
        )
        notes(rel["id"], rid, rel["evidence"], rel["confidence"])

    for des in data.designations.values():
        listed = des["kind"] in LISTED_KINDS
        if listed:
            since = f" since {des['listed_on']}" if des["listed_on"] else ""
            content = (
                f"{des['kind']}: on {des['list']} ({des['program']}) as {des['listed_name']}"
                f"{since}; match: {des['explanation']} (score {des['score']:.2f})"
            )
        else:
            via = f" via {des['via_name']}" if des.get("via_name") else ""
            content = (
                f"{des['kind']} (what the text says, not a listing){via}: {des['explanation']}"
            )
        nid = stix_id("note", des["id"])
        out.append(
            stix2.v21.Note(
                id=nid,
                **stamp,
                abstract=f"designation: {des['kind']}",
                content=content,
                object_refs=[actor_ref[des["actor"]]],
                labels=["designation", des["kind"]] if listed else ["text-claim", des["kind"]],
                external_references=_ref(des["id"]),
            )
        )
        for doc in des["documents"]:
            cite(doc, nid)
        for ev in des["evidence"]:
            cite(ev["document"], nid)

    for doc in data.documents.values():
        refs = by_doc.get(doc["id"]) or list(actor_ref.values())[:1]
        if not refs:
            continue
        published = _time(doc["published"]) if doc["published"] else None
        out.append(
            stix2.v21.Report(
                id=stix_id("report", doc["id"]),
                **stamp,
                name=doc["title"] or doc["path"],
                published=published or now,
                report_types=["threat-report"],
                description=f"{doc['source']}"
                + ("" if published else "; publication date unknown, export time given"),
                object_refs=refs,
                external_references=_ref(doc["id"], doc["url"]),
            )
        )
    return out


def bundle(
    data: ExportData, now: dt.datetime | None = None, tlp: str | None = None
) -> stix2.v21.Bundle:
    scope = json.dumps({k: data.scope.get(k) for k in ("actor", "country")}, sort_keys=True)
    return stix2.v21.Bundle(
        objects=objects(data, now, tlp), id=stix_id("bundle", f"bundle:{scope}")
    )


def write(data: ExportData, target: Path, tlp: str | None = None) -> dict[str, int]:
    b = bundle(data, tlp=tlp)
    with atomic_file(target) as handle:
        handle.write(b.serialize(pretty=True, ensure_ascii=False) + "\n")
    return {"objects": len(b.get("objects", []))}
