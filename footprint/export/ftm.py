"""FollowTheMoney entities (JSON lines), the format Aleph and OpenSanctions load.

One line per entity `{"id", "schema", "properties": {name: [values]}}`, written here from a
table of FtM's own schema names (the followthemoney library stays a development dependency:
the tests load every line with its model, uncleaned, and require it to come back unchanged,
every required property present and every reference pointing to an entity of the range FtM
gives; see README "Dependencies and why"). Ids are footprint's own (see `selection.py`); an id
FtM would not accept (characters outside [0-9A-Za-z.-]) becomes `stable_id("ftm", id)`.

- actor (`ent-...`) -> Person / Organization: name, alias, position (titles; persons only),
  topics "sanction" when listed, notes for text-based marks (claimed_front, linked_person:
  "the text calls X a front of ...") kept apart from any Sanction, proof (documents);
- relation (`rel-...`) -> member_of, leader_of: Membership (member, organization, role);
  works_for: Employment (employee, employer, role); represents: Representation (agent, client,
  role); relative_of: Family (person, relative, relationship); front_of and any pair whose types
  the schema refuses: UnknownLink (subject, object, role). holds_title has no object and becomes
  the person's `position`. Each link carries proof, description (the evidence sentences with
  their attribution) and summary (the Admiralty grade and its reasoning);
- place of an occasion -> Address (one per gazetteer place): name, full, city, region (first-
  level division), country, latitude, longitude, notes (the gazetteer id and the precision the
  point stands for: a country's point is its centre, not where the event was);
- occasion (`evt-...`) -> Event: name, date (prefix precision: 2023, 2023-11, 2023-11-02; an
  interval adds startDate/endDate), location (the place as text), addressEntity (its Address),
  country, involved (participants), organizer (organizers and hosts), keywords (the type's
  nearest PLOVER and CAMEO categories, `extract/ontology.py`: "PLOVER: PROTEST (riot)", "CAMEO:
  145 Protest violently, riot"; one value each, so Aleph facets on them; none for a type without
  one), summary (the grade), proof, sourceUrl;
- participation (`ptc-...`, an actor at an occasion) -> UnknownLink from the actor to the Event:
  role (the roles, each with its mode: "speaker (remote)"), the occasion's date, proof,
  description (the sentences that put the actor there), summary (the grade). FtM has no link
  schema made for event participation (ProjectParticipant needs a Project); UnknownLink's
  subject and object take any Thing, and Event's own `involved`/`organizer` stay for viewers
  that read only those;
- designation of kind listed / alias (`dsg-...`) -> Sanction: entity, authority (the list),
  program, authorityId (listing id), listingDate, reason (the match explanation), proof;
- document -> Article: title, author, publishedAt, sourceUrl, publisher (the outlet: the host
  of the document's address; none for a document without one, whose author stays `author`)
  and publisherUrl. sourceUrl and publisherUrl (here and on Events) are given only for an
  http(s) address; any other (`javascript:`, `data:`, ...) is kept as text in the Article's
  notes (`footprint/export/links.py`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from footprint.export.atomic import atomic_file
from footprint.export.links import not_a_link, outlet, web_link
from footprint.export.selection import LISTED_KINDS, ExportData
from footprint.extract.ontology import codes_of
from footprint.model import stable_id

ID_OK = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z\.\-]*[0-9a-zA-Z])?$")
ORGANIZER_ROLES = ("organizer", "host")
# Place precisions whose name is a town or city (Address.city); a region's or country's is not.
CITY_PRECISIONS = ("city", "venue", "district", "neighbourhood", "locality")


def ftm_id(value: str) -> str:
    return value if ID_OK.match(value) and len(value) <= 1000 else stable_id("ftm", value)


def ftm_date(d: dict[str, Any] | None) -> dict[str, str]:
    """FtM date properties: `date` at the precision the text gives (a prefix), and for an
    interval wider than its prefix, startDate and endDate."""
    if not d:
        return {}
    start, end, precision = d.get("start"), d.get("end"), d.get("precision")
    if not start and not end:
        return {}
    if not start or not end:
        return {"date": str(start or end)}
    if start == end:
        return {"date": start}
    if precision == "year" or (
        start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "12-31"
    ):
        return {"date": start[:4]}
    if start[:7] == end[:7] and (precision == "month" or start[8:] == "01"):
        return {"date": start[:7]}
    out = {"startDate": start, "endDate": end}
    if start[:4] == end[:4]:
        out["date"] = start[:7] if start[:7] == end[:7] else start[:4]
    return out


def event_keywords(event_type: str | None) -> list[str]:
    """The type's PLOVER and CAMEO categories as FtM keywords; none for an unmapped type."""
    codes = codes_of(event_type)
    return [
        f"{scheme}: {text}"
        for scheme, text in (("PLOVER", codes.plover), ("CAMEO", codes.cameo))
        if text
    ]


def _sentence(ev: dict[str, Any]) -> str:
    hedge = f" [{ev['attribution']}]" if ev.get("attribution") else ""
    return f"{ev['document']}: {' '.join(str(ev['sentence']).split())}{hedge}"


def _publisher(url: str | None) -> dict[str, str]:
    """The outlet that published a document: its address's host, and that host's home page."""
    found = outlet(url)
    if found is None:
        return {}
    host, home = found
    return {"publisher": host, "publisherUrl": home}


def place_key(place: dict[str, Any]) -> str:
    """One Address per gazetteer place (else per name, country and point)."""
    if place.get("gazetteer_id"):
        return stable_id("adr", place["gazetteer_id"])
    return stable_id(
        "adr", place.get("name"), place.get("country"), place.get("lat"), place.get("lon")
    )


def address(place: dict[str, Any]) -> dict[str, Any]:
    """The Address entity of an occasion's place, with its point where the gazetteer gave one."""
    name = place.get("name")
    country = str(place["country"]).lower() if place.get("country") else None
    full = ", ".join(str(x) for x in (name, place.get("admin1"), place.get("country")) if x)
    precision = place.get("precision")
    notes = []
    if place.get("gazetteer_id"):
        notes.append(f"gazetteer id {place['gazetteer_id']}")
    if precision:
        notes.append(f"the point stands for the {precision}")
    has_point = place.get("lat") is not None and place.get("lon") is not None
    return _entity(
        place_key(place),
        "Address",
        {
            "name": name,
            "full": full,
            "city": name if precision in CITY_PRECISIONS else None,
            "region": place.get("admin1"),
            "country": country,
            "latitude": _number(place.get("lat")) if has_point else None,
            "longitude": _number(place.get("lon")) if has_point else None,
            "notes": "; ".join(notes) or None,
        },
    )


def _number(value: Any) -> str:
    return f"{float(value):.6f}".rstrip("0").rstrip(".")


def participation_role(part: dict[str, Any]) -> str:
    """'speaker (remote)', 'host', 'speaker; organizer (in person)': the roles, then the modes
    the text gives (an unknown mode is left unsaid)."""
    modes = [m.replace("_", " ") for m in part["modes"] if m and m != "unknown"]
    roles = "; ".join(part["roles"])
    return f"{roles} ({', '.join(modes)})" if modes else roles


def _entity(eid: str, schema: str, props: dict[str, list[Any] | Any]) -> dict[str, Any]:
    clean: dict[str, list[str]] = {}
    for key, values in props.items():
        vals = values if isinstance(values, list) else [values]
        out = []
        for v in vals:
            if v is None or v == "":
                continue
            s = str(v)
            if s not in out:
                out.append(s)
        if out:
            clean[key] = out
    return {"id": ftm_id(eid), "schema": schema, "properties": clean}


def entities(data: ExportData) -> list[dict[str, Any]]:
    """Every FtM entity of the export, documents first, then actors, links, events, sanctions."""
    out: list[dict[str, Any]] = []
    for doc in data.documents.values():
        out.append(
            _entity(
                doc["id"],
                "Article",
                {
                    "title": doc["title"] or doc["path"],
                    "name": doc["title"] or doc["path"],
                    "author": doc["author"],
                    "publishedAt": doc["published"],
                    "sourceUrl": web_link(doc["url"]),
                    "notes": not_a_link(doc["url"])
                    if doc["url"] and not web_link(doc["url"])
                    else None,
                    **_publisher(doc["url"]),
                },
            )
        )
    docs = [ftm_id(d) for d in data.documents]
    claims: dict[str, list[str]] = {}
    for d in data.designations.values():
        if d["kind"] in LISTED_KINDS:
            continue
        via = f" (via {d['via_name']})" if d.get("via_name") else ""
        claims.setdefault(d["actor"], []).append(
            f"{d['kind']}: {d['explanation']}{via}; {d['list']} {d['program']}".strip()
        )
    for a in data.actors.values():
        person = a["type"] == "person"
        props: dict[str, Any] = {
            "name": a["name"],
            "alias": a["aliases"],
            "topics": ["sanction"] if a["designated"] else [],
            "notes": claims.get(a["id"], []),
            "proof": [ftm_id(d) for d in a["documents"]],
        }
        if person:
            props["position"] = a["titles"]
        out.append(_entity(a["id"], "Person" if person else "Organization", props))

    kind = {a["id"]: a["type"] for a in data.actors.values()}
    for rel in data.relations.values():
        if rel["object"] is None:
            continue  # holds_title: the person's position
        s, o = ftm_id(rel["subject"]), ftm_id(rel["object"])
        st, ot = kind[rel["subject"]], kind[rel["object"]]
        role = rel["role"] or rel["predicate"].replace("_", " ")
        p = rel["predicate"]
        common: dict[str, Any] = {
            "proof": sorted({ftm_id(ev["document"]) for ev in rel["evidence"]} & set(docs)),
            "description": [_sentence(ev) for ev in rel["evidence"]],
            "summary": f"{rel['grade']['grade']}: {rel['grade']['reasoning']}",
        }
        if p in ("member_of", "leader_of") and ot == "organization":
            schema, props = "Membership", {"member": s, "organization": o, "role": role}
        elif p == "works_for" and st == "person" and ot == "organization":
            schema, props = "Employment", {"employee": s, "employer": o, "role": role}
        elif p == "represents":
            schema, props = "Representation", {"agent": s, "client": o, "role": role}
        elif p == "relative_of" and st == "person" and ot == "person":
            schema, props = "Family", {"person": s, "relative": o, "relationship": rel["role"]}
        else:
            what = p.replace("_", " ") + (f" ({rel['role']})" if rel["role"] else "")
            schema, props = "UnknownLink", {"subject": s, "object": o, "role": what}
        out.append(_entity(rel["id"], schema, {**props, **common}))

    names = {a["id"]: a["name"] for a in data.actors.values()}
    by_event: dict[str, list[dict[str, Any]]] = {}
    for part in data.participations.values():
        by_event.setdefault(part["event"], []).append(part)
    addresses: dict[str, dict[str, Any]] = {}
    for e in data.events.values():
        if e["place"] and e["place"].get("name"):
            found = address(e["place"])
            addresses.setdefault(found["id"], found)
    out.extend(addresses[k] for k in sorted(addresses))
    for e in data.events.values():
        parts = sorted(by_event.get(e["id"], []), key=lambda p: (names[p["actor"]], p["actor"]))
        place = e["place"] or {}
        where = ", ".join(str(x) for x in (place.get("name"), place.get("admin1")) if x)
        out.append(
            _entity(
                e["id"],
                "Event",
                {
                    "name": e["label"],
                    **ftm_date(e["date"]),
                    "location": where,
                    "addressEntity": ftm_id(place_key(place)) if place.get("name") else None,
                    "country": str(place["country"]).lower() if place.get("country") else None,
                    "involved": [ftm_id(p["actor"]) for p in parts],
                    "organizer": [
                        ftm_id(p["actor"])
                        for p in parts
                        if any(r in ORGANIZER_ROLES for r in p["roles"])
                    ],
                    "keywords": event_keywords(e["type"]),
                    "summary": f"{e['grade']['grade']}: {e['grade']['reasoning']}",
                    "proof": [ftm_id(d) for d in e["documents"] if d in data.documents],
                    "sourceUrl": [
                        web_link(data.documents[d]["url"])
                        for d in e["documents"]
                        if d in data.documents
                    ],
                },
            )
        )
        for p in parts:
            out.append(_participation(p, e, set(docs)))

    for d in data.designations.values():
        if d["kind"] not in LISTED_KINDS:
            continue
        out.append(
            _entity(
                d["id"],
                "Sanction",
                {
                    "entity": ftm_id(d["actor"]),
                    "authority": d["list"],
                    "program": d["program"],
                    "authorityId": d["listing_id"],
                    "listingDate": d["listed_on"],
                    "reason": d["explanation"],
                    "summary": f"{d['kind']}: listed as {d['listed_name']} "
                    f"(match score {d['score']:.2f}; dataset {d['source']})",
                    "proof": [ftm_id(doc) for doc in d["documents"] if doc in data.documents],
                },
            )
        )
    return out


def _participation(part: dict[str, Any], event: dict[str, Any], docs: set[str]) -> dict[str, Any]:
    """The link actor -> Event for one participation, with the sentences that say so."""
    grade = part["grade"]
    return _entity(
        part["id"],
        "UnknownLink",
        {
            "subject": ftm_id(part["actor"]),
            "object": ftm_id(event["id"]),
            "role": participation_role(part),
            **ftm_date(event["date"]),
            "proof": sorted({ftm_id(ev["document"]) for ev in part["evidence"]} & docs),
            "description": [_sentence(ev) for ev in part["evidence"]],
            "summary": f"{grade['grade']}: {grade['reasoning']}",
        },
    )


def write(data: ExportData, target: Path) -> dict[str, int]:
    items = entities(data)
    with atomic_file(target) as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    return {"entities": len(items)}
