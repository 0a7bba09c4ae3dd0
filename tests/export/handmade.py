"""A small `ExportData` written by hand: two actors at one or more occasions, for the cases the
example corpus does not hold (an event type no table knows, a chosen grade, chosen dates)."""

from __future__ import annotations

from typing import Any

from footprint.analysis.corroboration import Grade
from footprint.export.selection import ExportData, _coappearances, confidence

TEXT = "On May 3, 2024, Amir Khan and Sara Malik spoke at a picnic in Lahore."
DOC = "doc-handmade"


def grade_json(reliability: str = "F", credibility: int = 3) -> dict[str, Any]:
    return Grade(reliability, credibility, 1, "made by hand").to_json()


def evidence(start: int, end: int, text: str | None) -> dict[str, Any]:
    return {
        "document": DOC,
        "start": start,
        "end": end,
        "text": text,
        "sentence": TEXT,
        "attribution": None,
    }


def event(
    eid: str,
    event_type: str,
    start: str | None = "2024-05-03",
    end: str | None = "2024-05-03",
    g: Grade | None = None,
) -> dict[str, Any]:
    g = g or Grade("F", 3, 1, "made by hand")
    return {
        "id": eid,
        "label": f"{event_type} in Lahore",
        "type": event_type,
        "background": False,
        "date": {"start": start, "end": end, "precision": "day", "text": "May 3, 2024"}
        if start or end
        else None,
        "place": {
            "name": "Lahore",
            "country": "PK",
            "admin1": "Punjab",
            "lat": 31.55,
            "lon": 74.34,
            "gazetteer_id": "1172451",
            "precision": "city",
        },
        "reports": [eid],
        "documents": [DOC],
        "independent_sources": 1,
        "conflicts": [],
        "casualties": None,
        "responsibility": None,
        "evidence": [evidence(51, 57, "picnic")],
        "grade": g.to_json(),
        "confidence": confidence(g),
    }


def actor(aid: str, name: str) -> dict[str, Any]:
    return {
        "id": aid,
        "name": name,
        "type": "person",
        "entities": [aid],
        "aliases": [],
        "titles": [],
        "designated": False,
        "marks": [],
        "documents": [DOC],
    }


def data(events: list[dict[str, Any]]) -> ExportData:
    """Both actors at every given occasion, one participation each, with the co-appearance."""
    d = ExportData(scope={"actor": None, "country": None, "seeds": []})
    d.documents[DOC] = {
        "id": DOC,
        "path": "handmade.txt",
        "title": "Handmade",
        "author": None,
        "published": "2024-05-04",
        "url": None,
        "source": "handmade.txt",
    }
    d.actors = {a["id"]: a for a in (actor("ent-a", "Amir Khan"), actor("ent-b", "Sara Malik"))}
    for e in events:
        d.events[e["id"]] = e
        for aid, (start, end) in (("ent-a", (16, 25)), ("ent-b", (30, 40))):
            pid = f"ptc-{e['id']}-{aid}"
            d.participations[pid] = {
                "id": pid,
                "event": e["id"],
                "actor": aid,
                "roles": ["speaker"],
                "modes": ["in_person"],
                "evidence": [evidence(start, end, None)],
                "grade": e["grade"],
                "confidence": e["confidence"],
            }
    _coappearances(d)
    return d
