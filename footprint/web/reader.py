"""The document reader: a stored text with every extracted claim marked and linked back.

Each claim footprint read from the document (a relation, an event, a participation, a quote, a
text-based designation, a name) is placed on its sentence. Sentences that carry claims become
marked segments with the anchor every other page links to (`evidence.anchor`); names inside them
link to the actor's page, and each segment lists its claims with a link to the page of what they
are about. The text is handed on as pieces of plain text: the template escapes every piece, so
nothing an article says can become markup.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from footprint.analysis.network import predicate_words
from footprint.store import StoreView
from footprint.web.errors import not_found
from footprint.web.evidence import actor_href, anchor, event_href
from footprint.web.views import KIND_WORDS, documents_of


@dataclass
class Claim:
    kind: str  # relation, event, participant, quote, designation, name
    words: str
    start: int
    end: int
    sentence: str
    href: str | None
    attribution: str | None = None


@dataclass
class Sentence:
    start: int
    end: int
    anchors: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def locate(text: str, sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where `sentence` (which holds the span start..end) lies in `text`; the span itself when
    the sentence is not found there (a sentence cut short around a long claim)."""
    if sentence:
        pos = text.find(sentence, max(0, end - len(sentence)))
        if not 0 <= pos <= start and start < 0:  # no offsets: the first place it is said
            pos = text.find(sentence)
        if pos >= 0 and (start < 0 or pos <= start):
            # Marked without the line breaks a headline's sentence ends with.
            return pos, max(pos + len(sentence.rstrip()), min(end, pos + len(sentence)))
    return max(start, 0), max(end, start, 0)


def _claims(store: StoreView, document_id: str) -> list[Claim]:
    mentions = store.mentions([document_id])
    relations = store.relations([document_id])
    events = store.events([document_id])
    evidence = store.event_rows("event_evidence", [document_id])
    participants = store.event_rows("event_participants", [document_id])
    quotes = store.event_rows("event_quotes", [document_id])
    designations = store.event_rows("designations", [document_id])

    entity_ids = (
        {m.entity_id for m in mentions}
        | {r.subject_id for r in relations}
        | {r.object_id for r in relations if r.object_id}
        | {p.entity_id for p in participants}
        | {d.entity_id for d in designations}
    )
    names = {e.id: e for e in store.entities(entity_ids)}
    actor_of = store.cluster_of(entity_ids)
    occasion = store.occasions_of_events(e.id for e in events)
    labels = {e.id: e.label for e in events}

    def name(entity_id: str | None) -> str:
        return names[entity_id].name if entity_id in names else (entity_id or "")

    out: list[Claim] = []
    for r in relations:
        said = f"{name(r.subject_id)} {predicate_words(r.predicate, r.role)}"
        if r.object_id:
            said += f" {name(r.object_id)}"
        out.append(
            Claim("relation", said, r.start, r.end, r.sentence, actor_href(actor_of[r.subject_id]),
                  r.attribution)
        )
    for ev in evidence:
        out.append(
            Claim("event", f"{labels.get(ev.event_id, 'event')}", ev.start, ev.end, ev.sentence,
                  event_href(occasion.get(ev.event_id, ev.event_id)), ev.attribution)
        )
    for p in participants:
        mode = "" if p.mode == "unknown" else f", {p.mode.replace('_', ' ')}"
        out.append(
            Claim("participant",
                  f"{name(p.entity_id)}: {p.role}{mode} at {labels.get(p.event_id, 'an event')}",
                  p.start, p.end, p.sentence, event_href(occasion.get(p.event_id, p.event_id)),
                  p.attribution)
        )
    for q in quotes:
        speaker = name(q.speaker_id) if q.speaker_id else q.speaker_text
        out.append(
            Claim("quote", f"{speaker} said: “{q.text}”", q.start, q.end, q.sentence,
                  event_href(occasion.get(q.event_id, q.event_id)), q.attribution)
        )
    for d in designations:
        if not d.evidence:
            continue  # a list match: the list is its source, the actor's page shows it
        ev = json.loads(d.evidence)
        out.append(
            Claim("designation",
                  f"{name(d.entity_id)}: {KIND_WORDS.get(d.kind, d.kind)} ({d.listed_name})",
                  int(ev.get("start", -1)), int(ev.get("end", -1)), str(ev.get("sentence", "")),
                  actor_href(actor_of.get(d.entity_id, d.entity_id)), ev.get("attribution"))
        )
    for m in mentions:
        entity = names.get(m.entity_id)
        kind = entity.type if entity else "name"
        href = actor_href(actor_of[m.entity_id]) if kind in ("person", "organization") else None
        out.append(Claim("name", f"{m.name} ({kind})", m.start, m.end, m.sentence, href,
                         m.attribution))
    return out


def _sentences(text: str, claims: list[Claim]) -> list[Sentence]:
    """The claims grouped by sentence, overlapping sentences joined, in text order."""
    by_range: dict[tuple[int, int], Sentence] = {}
    for c in claims:
        start, end = locate(text, c.sentence, c.start, c.end)
        s = by_range.setdefault((start, end), Sentence(start, end))
        a = anchor(c.sentence or text[start:end])
        if a not in s.anchors:
            s.anchors.append(a)
        s.claims.append(c)
    joined: list[Sentence] = []
    for s in sorted(by_range.values(), key=lambda s: (s.start, -s.end)):
        if joined and s.start < joined[-1].end:
            last = joined[-1]
            last.end = max(last.end, s.end)
            last.anchors += [a for a in s.anchors if a not in last.anchors]
            last.claims += s.claims
        else:
            joined.append(s)
    return joined


def _pieces(text: str, s: Sentence) -> list[dict[str, Any]]:
    """The sentence's text as pieces: names linked to their actor, the rest plain."""
    spans = sorted(
        (
            c
            for c in s.claims
            if c.kind == "name" and c.href and s.start <= c.start < c.end <= s.end
        ),
        key=lambda c: (c.start, -(c.end - c.start)),
    )
    pieces: list[dict[str, Any]] = []
    at = s.start
    for c in spans:
        if c.start < at:
            continue  # overlaps a name already linked
        if c.start > at:
            pieces.append({"text": text[at : c.start], "href": None})
        pieces.append({"text": text[c.start : c.end], "href": c.href, "title": c.words})
        at = c.end
    if at < s.end:
        pieces.append({"text": text[at : s.end], "href": None})
    return pieces


ORDER = {"relation": 0, "event": 1, "participant": 2, "quote": 3, "designation": 4, "name": 5}


def document_view(store: StoreView, document_id: str) -> dict[str, Any]:
    """The document's header, its text as segments (plain, or a marked sentence with its
    anchors, pieces and claims) and every claim with its offsets and sentence's offsets."""
    found = store.documents([document_id])
    if not found:
        raise not_found(f"no document with id {document_id!r} in this store", "document")
    doc = found[0]
    text = doc.text
    sentences = _sentences(text, _claims(store, document_id))
    segments: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    used: set[str] = set()
    at = 0
    for number, s in enumerate(sentences, 1):
        if s.start > at:
            segments.append({"kind": "plain", "text": text[at : s.start]})
        anchors = [a for a in s.anchors if a not in used]  # a repeated sentence: first only
        used.update(anchors)
        ordered = sorted(s.claims, key=lambda c: (ORDER.get(c.kind, 9), c.start, c.words))
        listed: list[dict[str, Any]] = []
        names: dict[str, dict[str, Any]] = {}
        for c in ordered:
            item = {"kind": c.kind, "words": c.words, "href": c.href,
                    "attribution": c.attribution}
            if c.kind == "name":
                names.setdefault(c.words, item)
            elif item not in listed:
                listed.append(item)
            claims.append(
                {**item, "start": c.start, "end": c.end, "sentence": c.sentence,
                 "sentence_start": s.start, "sentence_end": s.end,
                 "anchor": anchors[0] if anchors else None}
            )
        segments.append(
            {
                "kind": "claim",
                "number": number,
                "anchor": anchors[0] if anchors else None,
                "more_anchors": anchors[1:],
                "pieces": _pieces(text, s),
                "claims": listed,
                "names": list(names.values()),
            }
        )
        at = max(at, s.end)
    if at < len(text):
        segments.append({"kind": "plain", "text": text[at:]})
    header = documents_of(store, {document_id})[0]
    counts: dict[str, int] = defaultdict(int)
    for claim in claims:
        counts[claim["kind"]] += 1
    return {
        "document": header,
        "text": text,
        "segments": segments,
        "claims": claims,
        "counts": dict(counts),
    }
