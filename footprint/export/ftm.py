"""FollowTheMoney entities (JSON lines), the format Aleph and OpenSanctions load.

One line per entity `{"id", "schema", "properties": {name: [values]}}`, written by hand (the
followthemoney library is only used by the tests to validate). Ids are footprint's own (see
`selection.py`); an id FtM would not accept (characters outside [0-9A-Za-z.-]) becomes
`stable_id("ftm", id)`.

- actor (`ent-...`) -> Person / Organization: name, alias, position (titles; persons only),
  topics "sanction" when listed, notes for text-based marks (claimed_front, linked_person:
  "the text calls X a front of ...") kept apart from any Sanction, proof (documents);
- relation (`rel-...`) -> member_of, leader_of: Membership (member, organization, role);
  works_for: Employment (employee, employer, role); represents: Representation (agent, client,
  role); relative_of: Family (person, relative, relationship); front_of and any pair whose types
  the schema refuses: UnknownLink (subject, object, role). holds_title has no object and becomes
  the person's `position`. Each link carries proof, description (the evidence sentences with
  their attribution) and summary (the Admiralty grade and its reasoning);
- occasion (`evt-...`) -> Event: name, date (prefix precision: 2023, 2023-11, 2023-11-02; an
  interval adds startDate/endDate), location, country, involved (participants), organizer
  (organizers and hosts), notes (who in which role and mode), keywords (the type's nearest
  PLOVER and CAMEO categories, `extract/ontology.py`: "PLOVER: PROTEST (riot)", "CAMEO: 145
  Protest violently, riot"; one value each, so Aleph facets on them; none for a type without
  one), summary (the grade), proof, sourceUrl;
- designation of kind listed / alias (`dsg-...`) -> Sanction: entity, authority (the list),
  program, authorityId (listing id), listingDate, reason (the match explanation), proof;
- document -> Article: title, author, publishedAt, sourceUrl, publisher (outlet host, author or
  file path). sourceUrl (here and on Events) is given only for an http(s) address; any other
  (`javascript:`, `data:`, ...) is kept as text in the Article's notes
  (`footprint/export/links.py`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from footprint.export.atomic import atomic_file
from footprint.export.links import not_a_link, web_link
from footprint.export.selection import LISTED_KINDS, ExportData
from footprint.extract.ontology import codes_of
from footprint.model import stable_id

ID_OK = re.compile(r"^[0-9a-zA-Z]([0-9a-zA-Z\.\-]*[0-9a-zA-Z])?$")
ORGANIZER_ROLES = ("organizer", "host")


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
                    "publisher": doc["source"],
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
                    "country": str(place["country"]).lower() if place.get("country") else None,
                    "involved": [ftm_id(p["actor"]) for p in parts],
                    "organizer": [
                        ftm_id(p["actor"])
                        for p in parts
                        if any(r in ORGANIZER_ROLES for r in p["roles"])
                    ],
                    "notes": [
                        f"{names[p['actor']]}: {', '.join(p['roles'])} ({', '.join(p['modes'])})"
                        for p in parts
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


def write(data: ExportData, target: Path) -> dict[str, int]:
    items = entities(data)
    with atomic_file(target) as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    return {"entities": len(items)}
