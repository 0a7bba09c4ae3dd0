"""GeoJSON (RFC 7946): one Feature per occasion whose place has coordinates.

The Feature's `id` is the occasion's footprint id (`evt-...`); its geometry a Point
[longitude, latitude] (WGS 84); its properties: id, label, type, background, date_start,
date_end, date_precision, place, country, admin1, gazetteer_id, place_precision, participants
([{id, name, roles, modes}], actor ids `ent-...`), documents, independent_sources, conflicts,
grade, confidence, killed, injured, responsibility, and the type's plover_type, plover_mode,
cameo_code and cameo_label (`extract/ontology.py`; null for a type without one).
Occasions without coordinates are left out (the other formats hold them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from footprint.export.atomic import atomic_file
from footprint.export.selection import ExportData, event_fields


def feature_collection(data: ExportData) -> dict[str, Any]:
    by_event: dict[str, list[dict[str, Any]]] = {}
    for p in data.participations.values():
        by_event.setdefault(p["event"], []).append(p)
    features = []
    for e in data.events.values():
        place = e["place"] or {}
        lat, lon = place.get("lat"), place.get("lon")
        if lat is None or lon is None:
            continue
        people = sorted(
            by_event.get(e["id"], []), key=lambda p: (data.actors[p["actor"]]["name"], p["actor"])
        )
        features.append(
            {
                "type": "Feature",
                "id": e["id"],
                "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
                "properties": {
                    "id": e["id"],
                    **event_fields(e),
                    "gazetteer_id": place.get("gazetteer_id"),
                    "place_precision": place.get("precision"),
                    "participants": [
                        {
                            "id": p["actor"],
                            "name": data.actors[p["actor"]]["name"],
                            "roles": p["roles"],
                            "modes": p["modes"],
                        }
                        for p in people
                    ],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write(data: ExportData, target: Path) -> dict[str, int]:
    fc = feature_collection(data)
    with atomic_file(target) as handle:
        handle.write(json.dumps(fc, ensure_ascii=False, indent=1) + "\n")
    return {"features": len(fc["features"])}
