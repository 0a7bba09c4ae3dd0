"""The `sample` suite: the reference article against the project's gold reading
(tests/eval/gold/sample.json): entities and their types, affiliations, events with their dates,
cities, participants, roles and modes, and background flags."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from footprint.evaluation.scoring import Score, name_key, windows_overlap
from footprint.model import DocumentResult, Event


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _window(event: Event) -> tuple[dt.date | None, dt.date | None]:
    if event.date is None:
        return (None, None)
    return (event.date.start, event.date.end)  # type: ignore[attr-defined]


def _match_events(
    predicted: list[Event], gold: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], Event | None]]:
    """Each gold event to the predicted event of the same background kind whose date window
    overlaps it (and whose city agrees where both have one); each prediction used once."""
    used: set[str] = set()
    pairs = []
    for g in gold:
        window = (_date(g["date"][0]), _date(g["date"][1]))
        best: Event | None = None
        for p in predicted:
            if p.id in used or p.background != g["background"]:
                continue
            if not windows_overlap(_window(p), window):
                continue
            city = getattr(p.place, "name", None)
            if g["city"] and city and name_key(city) != name_key(g["city"]):
                continue
            best = p
            break
        if best is not None:
            used.add(best.id)
        pairs.append((g, best))
    return pairs


def score(result: DocumentResult, gold: dict[str, Any]) -> dict[str, Score]:
    names = {e.id: e.name for e in result.entities}
    scores = {
        k: Score()
        for k in (
            "persons",
            "organizations",
            "affiliations",
            "events",
            "event_dates",
            "event_cities",
            "participants",
            "roles",
            "modes",
            "background",
        )
    }
    by_type: dict[str, set[str]] = {}
    for e in result.entities:
        by_type.setdefault(e.type, set()).add(name_key(e.name))
    scores["persons"].add(
        by_type.get("person", set()), {name_key(n) for n in gold["entities"]["person"]}
    )
    scores["organizations"].add(
        by_type.get("organization", set()), {name_key(n) for n in gold["entities"]["organization"]}
    )
    predicted_affiliations = {
        (name_key(names[r.subject]), r.predicate, name_key(names[r.object]))
        for r in result.relations
        if r.object is not None and r.predicate != "holds_title"
    }
    gold_affiliations = {(name_key(s), p, name_key(o)) for s, p, o in gold["affiliations"]}
    scores["affiliations"].add(predicted_affiliations, gold_affiliations)

    if "designations" in gold and result.screening is not None:
        _score_designations(result, gold["designations"], scores)

    pairs = _match_events(result.events, gold["events"])
    matched = {p.id for _, p in pairs if p is not None}
    scores["events"].tp += len(matched)
    scores["events"].fn += sum(1 for _, p in pairs if p is None)
    for extra in result.events:
        if extra.id not in matched:
            scores["events"].fp += 1
            scores["events"].errors.append(
                {"kind": "false", "item": extra.label, "context": "event"}
            )
    for g, p in pairs:
        label = f"{g['date'][0]} {g['city'] or ''}".strip()
        if p is None:
            scores["events"].errors.append({"kind": "missed", "item": label, "context": "event"})
            continue
        exact = _window(p) == (_date(g["date"][0]), _date(g["date"][1]))
        scores["event_dates"].add({"date"} if exact else {str(_window(p))}, {"date"}, label)
        city = getattr(p.place, "name", None)
        if g["city"] or city:
            scores["event_cities"].add(
                {name_key(city)} if city else set(),
                {name_key(g["city"])} if g["city"] else set(),
                label,
            )
        scores["background"].add({p.background}, {g["background"]}, label)
        parts = {(name_key(names[x.entity]), x.role, x.mode) for x in p.participants}
        gold_parts = {(name_key(n), r, m) for n, r, m in g["participants"]}
        scores["participants"].add({x[0] for x in parts}, {x[0] for x in gold_parts}, label)
        scores["roles"].add({x[:2] for x in parts}, {x[:2] for x in gold_parts}, label)
        scores["modes"].add(
            {(x[0], x[2]) for x in parts if x[2] != "unknown"},
            {(x[0], x[2]) for x in gold_parts if x[2] != "unknown"},
            label,
        )
    return scores


def _score_designations(
    result: DocumentResult, gold: dict[str, list[str]], scores: dict[str, Score]
) -> None:
    """Each kind scored as a set of names; any 'listed' for a never-listed actor is a false hit."""
    screening = result.screening
    assert screening is not None
    names = {e.id: e.name for e in result.entities}
    found: dict[str, set[str]] = {"listed": set(), "claimed_front": set(), "linked_person": set()}
    for entity_id, items in screening.designations.items():
        for d in items:
            kind = "listed" if d.kind in ("listed", "alias") else d.kind
            if kind in found:
                found[kind].add(name_key(names[entity_id]))
    for kind in ("listed", "claimed_front", "linked_person"):
        score = scores.setdefault(f"designations_{kind}", Score())
        score.add(found[kind], {name_key(n) for n in gold.get(kind, [])}, kind)
    wrongly = found["listed"] & {name_key(n) for n in gold.get("never_listed", [])}
    never = scores.setdefault("never_listed_kept_apart", Score())
    never.tp += len(gold.get("never_listed", [])) - len(wrongly)
    never.fp += len(wrongly)
    never.errors += [
        {"kind": "false", "item": n, "context": "listed wrongly"} for n in sorted(wrongly)
    ]


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]
