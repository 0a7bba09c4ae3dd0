"""CSV tables: a folder of entities.csv, relations.csv, events.csv, participants.csv,
evidence.csv, designations.csv and documents.csv (UTF-8, a header row, lists joined by "; ").

Every `id` column is a footprint id (`ent-...` actors, `evt-...` occasions, `rel-...`
relations, `ptc-...` participations, `dsg-...` designations, document ids), the same ids the
other formats use. events.csv carries each occasion's PLOVER type and mode and CAMEO code and
label (`extract/ontology.py`; empty for a type without one). evidence.csv has one row per
stated fact: fact_type (event, participation, relation, designation), fact_id, document, start,
end, text, sentence, attribution.

Safe to open in a spreadsheet: every text cell is quoted, and a text cell that a spreadsheet
would run as a formula (one starting with = + - @, a tab or a carriage return: CSV injection,
e.g. a title `=HYPERLINK(...)`) gets a leading `'`, as OWASP recommends; strip it to get the
text back. Numbers footprint writes (offsets, coordinates, counts, scores) stay numbers.

The folder: a new one is made whole and renamed into place. An existing folder that holds only
footprint's tables is replaced the same way; one that holds other files too (which the CLI
refuses without --force) keeps them: only footprint's seven tables in it are replaced.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from footprint.errors import FootprintError
from footprint.export.atomic import atomic_dir, atomic_files
from footprint.export.selection import ExportData, code_fields

SEP = "; "

COLUMNS = {
    "entities": [
        "id",
        "type",
        "name",
        "aliases",
        "titles",
        "designated",
        "marks",
        "entities",
        "documents",
    ],
    "relations": [
        "id",
        "subject",
        "subject_name",
        "predicate",
        "role",
        "object",
        "object_name",
        "qualifiers",
        "statements",
        "grade",
        "independent_sources",
        "confidence",
    ],
    "events": [
        "id",
        "type",
        "label",
        "background",
        "date_start",
        "date_end",
        "date_precision",
        "date_text",
        "place",
        "country",
        "admin1",
        "lat",
        "lon",
        "gazetteer_id",
        "reports",
        "documents",
        "independent_sources",
        "conflicts",
        "grade",
        "confidence",
        "killed",
        "injured",
        "responsibility",
        "plover_type",
        "plover_mode",
        "cameo_code",
        "cameo_label",
    ],
    "participants": [
        "id",
        "event",
        "event_label",
        "actor",
        "actor_name",
        "roles",
        "modes",
        "grade",
        "confidence",
    ],
    "evidence": [
        "fact_type",
        "fact_id",
        "document",
        "start",
        "end",
        "text",
        "sentence",
        "attribution",
    ],
    "designations": [
        "id",
        "actor",
        "actor_name",
        "entity",
        "kind",
        "list",
        "program",
        "listing_id",
        "listed_name",
        "listed_on",
        "score",
        "explanation",
        "via",
        "via_name",
        "source",
        "documents",
    ],
    "documents": ["id", "title", "author", "published", "url", "path", "source"],
}


TABLE_FILES = tuple(f"{name}.csv" for name in COLUMNS)
# What a spreadsheet reads as the start of a formula (OWASP, CSV injection), with the
# full-width forms some spreadsheets also take.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def inert(text: str) -> str:
    """A text cell a spreadsheet will show and never run."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return v  # a number of footprint's own: written unquoted, read as a number
    if isinstance(v, list | tuple):
        return inert(SEP.join(str(x) for x in v))
    if isinstance(v, dict):
        return inert(json.dumps(v, ensure_ascii=False, sort_keys=True)) if v else ""
    return inert(str(v))


def tables(data: ExportData) -> dict[str, list[dict[str, Any]]]:
    names = {a["id"]: a["name"] for a in data.actors.values()}
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in COLUMNS}
    for a in data.actors.values():
        out["entities"].append({**a, "documents": a["documents"]})
    for r in data.relations.values():
        out["relations"].append(
            {
                **r,
                "subject_name": names[r["subject"]],
                "object_name": names.get(r["object"]) if r["object"] else None,
                "grade": r["grade"]["grade"],
                "independent_sources": r["grade"]["independent_sources"],
            }
        )
        for ev in r["evidence"]:
            out["evidence"].append({"fact_type": "relation", "fact_id": r["id"], **ev})
    for e in data.events.values():
        d, place = e["date"] or {}, e["place"] or {}
        out["events"].append(
            {
                **e,
                "date_start": d.get("start"),
                "date_end": d.get("end"),
                "date_precision": d.get("precision"),
                "date_text": d.get("text"),
                "place": place.get("name"),
                **{k: place.get(k) for k in ("country", "admin1", "lat", "lon", "gazetteer_id")},
                "grade": e["grade"]["grade"],
                "killed": (e.get("casualties") or {}).get("killed"),
                "injured": (e.get("casualties") or {}).get("injured"),
                "responsibility": (e.get("responsibility") or {}).get("status"),
                **code_fields(e["type"]),
            }
        )
        for ev in e["evidence"]:
            out["evidence"].append({"fact_type": "event", "fact_id": e["id"], **ev})
    for p in data.participations.values():
        out["participants"].append(
            {
                **p,
                "event_label": data.events[p["event"]]["label"],
                "actor_name": names[p["actor"]],
                "grade": p["grade"]["grade"],
            }
        )
        for ev in p["evidence"]:
            out["evidence"].append({"fact_type": "participation", "fact_id": p["id"], **ev})
    for des in data.designations.values():
        out["designations"].append({**des, "actor_name": names[des["actor"]]})
        for ev in des["evidence"]:
            out["evidence"].append({"fact_type": "designation", "fact_id": des["id"], **ev})
    out["documents"] = list(data.documents.values())
    return out


def other_files(folder: Path) -> list[str]:
    """The names in `folder` that are not footprint's tables."""
    return sorted(p.name for p in folder.iterdir() if p.name not in TABLE_FILES)


def check_folder(target: Path, *, force: bool = False) -> None:
    """FootprintError for a target the tables cannot go to: a file, or (without `force`) a
    folder holding files footprint did not write."""
    if target.exists() and not target.is_dir():
        raise FootprintError(f"{target}: cannot write: it is a file, not a folder")
    if target.is_dir() and not force:
        others = other_files(target)
        if others:
            shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if others[5:] else "")
            raise FootprintError(
                f"{target}: cannot write: the folder holds files footprint did not write "
                f"({shown}); give --force to write the tables beside them"
            )


def write(data: ExportData, target: Path) -> dict[str, int]:
    rows = tables(data)
    keep_others = target.is_dir() and bool(other_files(target))
    with atomic_files(target) if keep_others else atomic_dir(target) as folder:
        for name, columns in COLUMNS.items():
            with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
                w = csv.DictWriter(
                    handle, fieldnames=columns, extrasaction="ignore", quoting=csv.QUOTE_NONNUMERIC
                )
                w.writeheader()
                for row in rows[name]:
                    w.writerow({c: _cell(row.get(c)) for c in columns})
    return {name: len(r) for name, r in rows.items()}
