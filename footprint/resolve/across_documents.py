"""Resolution across documents: one entity per real actor, one event per real occasion.

Within a document, footprint already groups mentions (resolve/within_doc.py), and entity ids come
from the type and the name, so the same name in two articles is already one entity. This module
joins what the ids cannot:

- spelling variants across outlets ("Yousef al-Qadi" / "Yusuf al-Qadi", "Mashal" / "Mishaal"):
  the same tokens after transliteration folding, or tokens that differ only in their vowels;
- shorter forms ("Javed Qureshi" / "Javed Iqbal Qureshi"), only when the two share context (an
  organisation they are tied to, or someone they appeared with), so that two different men with
  similar names stay apart; a shorter form that fits two different full names joins neither;
- an acronym one document defined ("UWF" for "United Workers Front") and a document that uses
  only the acronym;
- a user's judgements: "same" always joins, "different" never lets two entities share a cluster.

Events: reports of one occasion in several documents (a related kind of event, overlapping
dates with a day of slack, no stated place or places that agree (`places_agree`: the same, or
one inside the other), and a shared participant or the same day in the same city).
Conflicting dates are kept as conflicts, not averaged.

Works on plain dicts shaped like the dossier (analysis/dossier.py), so it needs no model and no
store; `resolve/corpus.py` feeds it from the store. Candidate pairs come from blocks (type and
the consonant skeletons of the first and last name tokens; event family and date order), so the
work grows with the corpus, not with its square.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from footprint.designations.matching import skeleton, vowel_variant
from footprint.designations.normalise import name_tokens, normalise_name
from footprint.place.distance import haversine_km

# Event types that reporters use for the same occasion ("the march" / "the rally").
TYPE_FAMILIES = (
    # One public gathering is a "rally" to one outlet and a "conference" to another ("a rally
    # in City" / "the Named Conference, held in City by Party"); the date, place and people
    # still have to agree.
    frozenset(
        {
            "rally",
            "march",
            "protest",
            "strike",
            "gathering",
            "conference",
            "seminar",
            "appearance",
            "speech",
        }
    ),
    frozenset({"press_conference", "briefing", "statement", "interview"}),
    frozenset({"visit", "meeting", "reception", "session"}),
    frozenset({"attack", "bombing", "clash", "riot", "kidnapping"}),
    frozenset({"security_operation", "arrest"}),
)
# Two reports of a one-day event may differ by a day (time zones, a report filed overnight).
DATE_SLACK_DAYS = 1
# Windows wider than this (a season, "late 2023") are too vague to say two reports are one,
# unless they are the same window at the same place with a shared participant.
MAX_MERGE_WINDOW_DAYS = 31

Judgement = tuple[str, str, str]  # (entity a, entity b, "same" | "different")
RESOLVED_TYPES = ("person", "organization")  # the entity types resolution clusters
OCCASION_PREFIX = "the same occasion: "  # how a shared occasion is named in a join's reason


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for x in list(self.parent):
            out[self.find(x)].append(x)
        return out


# -- entities ---------------------------------------------------------------------------------


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(name_tokens(name))


def _spellings(name: str) -> set[tuple[str, ...]]:
    """The name's folded tokens, and the same with two neighbouring words written as one
    ("Abdul Salam" / "Abdulsalam", "Abu Bakr" / "Abubakr"): outlets differ on the spacing of
    compound names as much as on their vowels."""
    out = {_tokens(name)}
    words = normalise_name(name).split()
    for i in range(len(words) - 1):
        joined = [*words[:i], words[i] + words[i + 1], *words[i + 2 :]]
        out.add(_tokens(" ".join(joined)))
    return out - {()}


def _same_token(a: str, b: str) -> bool:
    return a == b or vowel_variant(a, b)


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same folded tokens in the same order, each equal or a vowel-only variant."""
    return (
        bool(a) and len(a) == len(b) and all(_same_token(x, y) for x, y in zip(a, b, strict=True))
    )


def short_form(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`short` is `full` without some middle tokens ("javed qureshi" / "javed iqbal qureshi")."""
    if len(short) < 2 or len(short) >= len(full):
        return False
    if not (_same_token(short[0], full[0]) and _same_token(short[-1], full[-1])):
        return False
    inner = list(full[1:-1])
    for tok in short[1:-1]:
        hit = next((i for i, t in enumerate(inner) if _same_token(tok, t)), None)
        if hit is None:
            return False
        inner = inner[hit + 1 :]
    return True


def _block_keys(entity_type: str, forms: Iterable[tuple[str, ...]]) -> set[tuple[str, ...]]:
    keys: set[tuple[str, ...]] = set()
    for f in forms:
        if len(f) == 1:
            keys.add((entity_type, f[0]))
        elif f:
            keys.add((entity_type, skeleton(f[0]), skeleton(f[-1])))
    return keys


def entity_keys(entity: dict[str, Any]) -> set[tuple[str, ...]]:
    """The blocking keys of one entity's name, its spellings and the names it was written as:
    two entities are compared only when they share one."""
    forms = {_tokens(entity["name"])} | {_tokens(a) for a in entity.get("aliases", [])}
    return _block_keys(entity["type"], (forms | _spellings(entity["name"])) - {()})


def name_group(entity: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """What entities that join outright by their name alone share: type and folded tokens."""
    return entity["type"], _tokens(entity["name"])


def key_text(key: tuple[str, ...]) -> str:
    """A blocking key as the store keeps it."""
    return "\x1f".join(key)


class Surroundings:
    """What a resolution of part of the corpus reads about the rest when it needs it
    (resolve/incremental.py): most new entities join by their name alone, so the context of
    an entity (what it is tied to or appeared with, the occasions its documents report) is
    read only for the few pairs a name leaves in doubt. A subclass answers from the store."""

    def context(self, entity_ids: list[str]) -> dict[str, set[str]]:
        """Entity id -> the ids it is tied to or appeared with."""
        raise NotImplementedError

    def clusters(self, entity_ids: list[str]) -> dict[str, str]:
        """Entity id -> its stored cluster, for entities outside the part resolved."""
        raise NotImplementedError

    def names(self, entity_ids: list[str]) -> dict[str, str]:
        """Person or organisation id -> its name (other entities are left out)."""
        raise NotImplementedError

    def shared_occasions(
        self, a: list[str], b: list[str], more_a: set[str], more_b: set[str]
    ) -> set[str]:
        """The occasions (event clusters reported by two or more documents) that documents
        naming one of `a` and documents naming one of `b` both report; `more_a` and `more_b`
        are occasions of each side that the store does not hold yet."""
        raise NotImplementedError

    def occasion_labels(self, occasion_ids: set[str]) -> dict[str, str]:
        raise NotImplementedError


class _WholeCorpus(Surroundings):
    """The surroundings of a dossier that holds the whole corpus: nothing is outside it."""

    def __init__(self, dossier: dict[str, Any], occasions: dict[str, set[str]]) -> None:
        self._ctx = _context(dossier)
        self._occasions = occasions
        self._labels = {e["id"]: e["label"] for e in dossier.get("events", [])}

    def context(self, entity_ids: list[str]) -> dict[str, set[str]]:
        return {i: self._ctx.get(i, set()) for i in entity_ids}

    def clusters(self, entity_ids: list[str]) -> dict[str, str]:
        return {}

    def names(self, entity_ids: list[str]) -> dict[str, str]:
        return {}

    def shared_occasions(
        self, a: list[str], b: list[str], more_a: set[str], more_b: set[str]
    ) -> set[str]:
        def of(ids: list[str]) -> set[str]:
            return set().union(*(self._occasions.get(i, set()) for i in ids))

        return (of(a) | more_a) & (of(b) | more_b)

    def occasion_labels(self, occasion_ids: set[str]) -> dict[str, str]:
        return {o: self._labels.get(o, o) for o in occasion_ids}


@dataclass
class EntityResolution:
    cluster: dict[str, str]  # entity id -> cluster id (its own id when it joins nothing)
    reasons: dict[str, str]  # entity id -> why it joined its cluster (absent for the root)

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for eid, root in self.cluster.items():
            out[root].append(eid)
        return {k: sorted(v) for k, v in out.items()}


def _context(dossier: dict[str, Any]) -> dict[str, set[str]]:
    """Entity id -> ids it is tied to (relations) or appeared with (events)."""
    ctx: dict[str, set[str]] = defaultdict(set)
    for r in dossier.get("relations", []):
        if r.get("object"):
            ctx[r["subject"]].add(r["object"])
            ctx[r["object"]].add(r["subject"])
    for e in dossier.get("events", []):
        ids = {p["entity"] for p in e.get("participants", [])}
        for x in ids:
            ctx[x].update(ids - {x})
    return ctx


class _Clusters:
    """Union-find that refuses to join two clusters a "different" judgement keeps apart."""

    def __init__(self, ids: Iterable[str], different: Iterable[tuple[str, str]]) -> None:
        self.uf = UnionFind()
        for i in ids:
            self.uf.find(i)
        self.apart: dict[str, set[str]] = defaultdict(set)
        for a, b in different:
            self.apart[a].add(b)
            self.apart[b].add(a)
        self.members: dict[str, set[str]] = {self.uf.find(i): {i} for i in self.uf.parent}
        self.reasons: dict[str, str] = {}

    def join(self, a: str, b: str, reason: str) -> bool:
        ra, rb = self.uf.find(a), self.uf.find(b)
        if ra == rb:
            return True
        ma, mb = self.members[ra], self.members[rb]
        # Only members a judgement keeps apart from someone need looking at (most have none).
        if self.apart and any(self.apart[x] & mb for x in ma if x in self.apart):
            return False
        self.uf.union(ra, rb)
        root = self.uf.find(ra)
        small, large = (ma, mb) if len(ma) < len(mb) else (mb, ma)
        large |= small  # the smaller set into the larger: joining k members costs k log k
        self.members[root] = large
        self.members.pop(rb if root == ra else ra, None)
        self.reasons.setdefault(max(a, b), reason)
        return True

    def find(self, x: str) -> str:
        return self.uf.find(x)


def resolve_entities(
    dossier: dict[str, Any],
    judgements: Iterable[Judgement] = (),
    occasions: dict[str, set[str]] | None = None,
    around: Surroundings | None = None,
) -> EntityResolution:
    """Cluster the dossier's persons and organisations across documents.

    `occasions` (entity id -> the occasions, by root event id, that two or more documents
    report among the documents that name the entity) is context too: "Javed Qureshi" in one
    report of a rally and "Javed Iqbal Qureshi" in another report of the same rally are one
    man. `around` is given when the dossier holds only part of the corpus; `occasions` then
    adds to what it reads."""
    entities = [e for e in dossier.get("entities", []) if e["type"] in RESOLVED_TYPES]
    known = {e["id"] for e in entities}
    judged = [(a, b, v) for a, b, v in judgements if a in known and b in known]
    clusters = _Clusters(known, [(a, b) for a, b, v in judged if v == "different"])
    for a, b, v in judged:
        if v == "same":
            clusters.join(a, b, "judged the same by a user")

    by_id = {e["id"]: e for e in entities}
    names = {e["id"]: _tokens(e["name"]) for e in entities}
    # Entities of one type written with the same name join outright: each such group is
    # compared with the others once, through its first member, with every name form and
    # context its members have (a corpus names the same actors again and again, and comparing
    # every pair of them would grow with the square of the corpus).
    if around is None:
        around = _WholeCorpus(dossier, occasions or {})
        occasions = {}
    extra = occasions or {}
    stands_for: dict[str, list[str]] = {}
    first_of: dict[tuple[str, tuple[str, ...]], str] = {}
    for e in sorted(entities, key=lambda e: e["id"]):
        eid = e["id"]
        first = first_of.setdefault((e["type"], names[eid]), eid)
        if first != eid and clusters.join(
            first, eid, f"same name after transliteration folding: {e['name']}"
        ):
            stands_for[first].append(eid)
        else:  # the first of its name, or kept apart from it by a user's judgement
            stands_for[eid] = [eid]
    spellings = {
        r: set().union(*(_spellings(by_id[m]["name"]) for m in ms)) for r, ms in stands_for.items()
    }
    forms = {
        r: {names[r]} | {_tokens(a) for m in ms for a in by_id[m].get("aliases", [])} - {()}
        for r, ms in stands_for.items()
    }
    group_context: dict[str, set[str]] = {}

    def context(r: str) -> set[str]:
        """What the group `r` stands for is tied to or appeared with."""
        if r not in group_context:
            loaded = around.context(stands_for.get(r, [r]))
            group_context[r] = set().union(*loaded.values()) if loaded else set()
        return group_context[r]

    def occasions_of(r: str) -> set[str]:
        return set().union(*(extra.get(m, set()) for m in stands_for.get(r, [r])))

    blocks: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for r in stands_for:
        for key in _block_keys(by_id[r]["type"], forms[r] | spellings[r]):
            blocks[key].append(r)
    pairs: set[tuple[str, str]] = set()
    for ids in blocks.values():
        ids = sorted(set(ids))
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                pairs.add((a, b))

    # Pass 1: the same name (primary names, or multi-token forms) joins outright.
    shorter: list[tuple[str, str]] = []
    one_word: list[tuple[str, str]] = []  # only a one-word form (a surname, an acronym) shared
    for a, b in sorted(pairs):
        if same_name(names[a], names[b]):
            clusters.join(a, b, f"same name after transliteration folding: {by_id[b]['name']}")
            continue
        if any(same_name(x, y) for x in spellings[a] for y in spellings[b]):
            clusters.join(a, b, f"same name written with other spacing: {by_id[b]['name']}")
            continue
        shared_forms = [(x, y) for x in forms[a] for y in forms[b] if same_name(x, y)]
        if any(len(x) >= 2 for x, _ in shared_forms):
            clusters.join(a, b, "a shared multi-word name form")
        elif any(short_form(x, y) or short_form(y, x) for x in forms[a] for y in forms[b]):
            shorter.append((a, b))
        elif shared_forms:
            one_word.append((a, b))

    # Pass 2: shorter forms and one-word forms need context, compared by cluster.
    outside: dict[str, str] = {}  # context entity outside the part -> its stored cluster
    outside_names: dict[str, str] = {}

    def find(x: str) -> str:
        return clusters.find(x) if x in known or x not in outside else outside[x]

    def shared_context(a: str, b: str) -> list[str]:
        """What the groups `a` and `b` share, sorted; callers read whether there is any and
        the first, so the occasions (the dearest to read) are left out when a shared entity
        sorts before every occasion."""
        ctx_a, ctx_b = context(a), context(b)
        unseen = sorted(x for x in ctx_a | ctx_b if x not in known and x not in outside)
        if unseen:
            outside.update({x: x for x in unseen} | around.clusters(unseen))
        ca = {find(x) for x in ctx_a} | {find(a)}
        cb = {find(x) for x in ctx_b} | {find(b)}
        common = (ca & cb) - {find(a), find(b)}
        unnamed = sorted(c for c in common if c not in by_id and c not in outside_names)
        if unnamed:
            outside_names.update({c: f"the same {c}" for c in unnamed} | around.names(unnamed))
        shared = sorted(by_id[c]["name"] if c in by_id else outside_names[c] for c in common)
        if shared and shared[0] < OCCASION_PREFIX:
            return shared
        occasions = around.shared_occasions(
            stands_for.get(a, [a]), stands_for.get(b, [b]), occasions_of(a), occasions_of(b)
        )
        labels = around.occasion_labels(occasions)
        return sorted(shared + [f"{OCCASION_PREFIX}{labels[o]} ({o})" for o in occasions])

    candidates: dict[str, list[str]] = defaultdict(list)
    for a, b in shorter:
        # Index by the shorter name: it may fit several fuller ones.
        short, full = (a, b) if len(names[a]) < len(names[b]) else (b, a)
        candidates[short].append(full)
    for short, fulls in sorted(candidates.items()):
        with_context = [(f, shared_context(short, f)) for f in fulls]
        with_context = [(f, c) for f, c in with_context if c]
        targets = {clusters.find(f) for f, _ in with_context}
        if len(targets) == 1:
            for f, common in with_context:
                clusters.join(
                    short, f, f"shorter form of {by_id[f]['name']}, both tied to {common[0]}"
                )
    for a, b in one_word:
        common = shared_context(a, b)
        if common:
            clusters.join(a, b, f"a shared one-word name form, both tied to {common[0]}")
        elif _is_acronym_entity(by_id[a]) or _is_acronym_entity(by_id[b]):
            # "UWF" alone in one report, "United Workers Front (UWF)" in another.
            clusters.join(a, b, "an acronym another document defined")

    cluster = {e["id"]: clusters.find(e["id"]) for e in entities}
    reasons = {
        eid: clusters.reasons.get(eid, "joined through another member")
        for eid, root in cluster.items()
        if eid != root
    }
    return EntityResolution(cluster, reasons)


def _is_acronym_entity(entity: dict[str, Any]) -> bool:
    """An organisation named only by an acronym ("UWF", "JUI-F")."""
    name = entity["name"].replace("-", "")
    return entity["type"] == "organization" and " " not in name and name.isupper()


def entity_clusters(
    dossier: dict[str, Any], judgements: Iterable[Judgement] = ()
) -> dict[str, str]:
    """Entity id -> the id of the cluster it joins (its own id when it joins none)."""
    return resolve_entities(dossier, judgements).cluster


# -- events -----------------------------------------------------------------------------------


@dataclass
class MergedEvent:
    id: str
    type: str
    label: str
    members: list[str]  # event ids, one per report
    documents: list[str]
    independent_sources: int
    dates: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "label": self.label,
            "members": self.members,
            "documents": self.documents,
            "independent_sources": self.independent_sources,
            "dates": self.dates,
            "conflicts": self.conflicts,
        }


# How far a district's seat may lie from a town inside it, and two points of one place written
# two ways ("Leeds" and "the City of Leeds") from each other.
DISTRICT_REACH_KM = 40.0
SAME_PLACE_KM = 5.0
# From the widest place to the finest (a venue stands at its town's point).
PLACE_WIDTH = {"country": 0, "region": 1, "district": 2, "city": 3, "venue": 3}


def places_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Can two reports' places be one occasion's: the same place, or one inside the other
    ("in Kumasi" and "in the Ashanti region", "in the district" and a town in it)? Two towns
    more than SAME_PLACE_KM apart are two places, however near: a campaign holds rallies in
    neighbouring towns on one day (closer points are one place written two ways)."""
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    wide, fine = sorted((a, b), key=lambda p: PLACE_WIDTH.get(p.get("precision", ""), 3))
    width = PLACE_WIDTH.get(wide.get("precision", ""), 3)
    if width == 0:
        return bool(wide.get("country"))
    if width == 1:
        return bool(wide.get("admin1")) and wide.get("admin1") == fine.get("admin1")
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return False
    km = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])
    if width == 2 and PLACE_WIDTH.get(fine.get("precision", ""), 3) == 3:
        return km <= DISTRICT_REACH_KM
    return km <= SAME_PLACE_KM


def _places_fit(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> bool:
    """Do two groups' places (by gazetteer entry) all agree with one another?"""
    return all(ga == gb or places_agree(pa, pb) for ga, pa in a.items() for gb, pb in b.items())


def _family(t: str) -> frozenset[str]:
    for family in TYPE_FAMILIES:
        if t in family:
            return family
    return frozenset({t})


def _window(d: dict[str, Any] | None) -> tuple[dt.date, dt.date] | None:
    """The date interval, or None when it is missing or open."""
    if not d or not d.get("start") or not d.get("end"):
        return None
    return dt.date.fromisoformat(d["start"]), dt.date.fromisoformat(d["end"])


def _wide(window: tuple[dt.date, dt.date]) -> bool:
    return (window[1] - window[0]).days > MAX_MERGE_WINDOW_DAYS


def _same_day(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    return bool(
        a
        and b
        and a.get("precision") == b.get("precision") == "day"
        and a.get("start") == b.get("start")
    )


def source_groups(docs: Iterable[str], near_duplicates: Iterable[frozenset[str]]) -> list[set[str]]:
    """The documents grouped so that near-copies of one story share a group."""
    wanted = set(docs)
    uf = UnionFind()
    for d in wanted:
        uf.find(d)
    for pair in near_duplicates:
        a, b = tuple(pair)
        if a in wanted and b in wanted:
            uf.union(a, b)
    return [set(g) for g in uf.groups().values()]


def independent_sources(docs: Iterable[str], near_duplicates: Iterable[frozenset[str]]) -> int:
    """Documents that are not near-copies of one another."""
    return len(source_groups(docs, near_duplicates))


def merge_events(
    dossier: dict[str, Any],
    clusters: dict[str, str],
    near_duplicates: Iterable[frozenset[str]] = (),
) -> list[MergedEvent]:
    """Group reports of one occasion across documents (only groups of two or more). Reports are
    taken by date, then id, and a group grows only with a place that agrees with all of its
    places: where a region one report names could join either of two neighbouring towns others
    name, the earlier report's town wins (the order is fixed, so the answer is repeatable)."""
    near = list(near_duplicates)
    events = [e for e in dossier.get("events", []) if not e.get("background")]
    doc_of = {e["id"]: (e["evidence"][0]["document"] if e.get("evidence") else "") for e in events}
    people = {
        e["id"]: {clusters.get(p["entity"], p["entity"]) for p in e.get("participants", [])}
        for e in events
    }
    dated = [(w, e) for e in events if (w := _window(e.get("date"))) is not None]
    dated.sort(key=lambda x: (x[0][0], x[1]["id"]))
    slack = dt.timedelta(days=DATE_SLACK_DAYS)
    uf = UnionFind()
    for _, e in dated:
        uf.find(e["id"])
    # each group's distinct places (by gazetteer entry), so a group only grows with a place
    # that agrees with every place already in it
    placed: dict[str, dict[str, dict[str, Any]]] = {
        e["id"]: ({gid: e["place"]} if (gid := (e.get("place") or {}).get("gazetteer_id")) else {})
        for _, e in dated
    }

    def join(x: str, y: str) -> None:
        rx, ry = uf.find(x), uf.find(y)
        uf.union(x, y)
        placed[uf.find(x)] = placed[rx] | placed[ry]

    # Two reports join only when they share a participant or a stated place: each event is
    # compared only with the later ones that share one of those keys (positions in `dated`,
    # in start order), not with every event of the days around it.
    keyed: dict[str, list[int]] = defaultdict(list)
    keys_of: list[list[str]] = []
    for n, (_, e) in enumerate(dated):
        place = (e.get("place") or {}).get("gazetteer_id")
        keys = [f"p:{c}" for c in sorted(people[e["id"]])] + ([f"g:{place}"] if place else [])
        keys_of.append(keys)
        for key in keys:
            keyed[key].append(n)
    for i, (wa, a) in enumerate(dated):
        later: set[int] = set()
        for key in keys_of[i]:
            positions = keyed[key]
            for j in positions[bisect.bisect_right(positions, i) :]:
                if dated[j][0][0] - slack > wa[1]:
                    break  # sorted by start: nothing later can overlap a
                later.add(j)
        for j in sorted(later):
            wb, b = dated[j]
            if uf.find(a["id"]) == uf.find(b["id"]):
                continue
            if doc_of[a["id"]] == doc_of[b["id"]]:
                continue  # within one document, events were already folded
            if b["type"] not in _family(a["type"]):
                continue
            ga = (a.get("place") or {}).get("gazetteer_id")
            gb = (b.get("place") or {}).get("gazetteer_id")
            if not _places_fit(placed[uf.find(a["id"])], placed[uf.find(b["id"])]):
                # two places, neither inside the other (nor, through a region both reports
                # named, a town and its neighbour): not one occasion
                continue
            shared = people[a["id"]] & people[b["id"]]
            if _wide(wa) or _wide(wb):
                # "late 2023" in both reports: one occasion only when the windows are the same,
                # the place is stated and the same, and someone took part in both.
                if wa == wb and ga and ga == gb and shared:
                    join(a["id"], b["id"])
                continue
            if shared or (ga and ga == gb and _same_day(a.get("date"), b.get("date"))):
                join(a["id"], b["id"])
    merged = []
    by_id = {e["id"]: e for _, e in dated}
    for root, ids in uf.groups().items():
        if len(ids) < 2:
            continue
        members = sorted((by_id[i] for i in ids), key=lambda m: m["id"])
        docs = sorted({doc_of[m["id"]] for m in members})
        days = sorted(
            {
                (m["date"]["start"], doc_of[m["id"]])
                for m in members
                if m["date"].get("precision") == "day"
            }
        )
        conflicts = []
        if len({d for d, _ in days}) > 1:
            conflicts.append(
                "reports give different days: " + ", ".join(f"{d} ({doc})" for d, doc in days)
            )
        best = max(members, key=lambda m: (len(m.get("participants", [])), m["id"]))
        merged.append(
            MergedEvent(
                id=root,
                type=best["type"],
                label=best["label"],
                members=[m["id"] for m in members],
                documents=docs,
                independent_sources=independent_sources(docs, near),
                dates=[m["date"] for m in members],
                conflicts=conflicts,
            )
        )
    return sorted(merged, key=lambda m: m.id)


def event_clusters(
    events: list[dict[str, Any]], merged: list[MergedEvent], near: list[frozenset[str]]
) -> tuple[dict[str, str], list[tuple[str, list[str], int, list[str]]]]:
    """Every event's cluster (its own id when it merged with none), and each cluster's
    documents, independent sources and conflicts: the rows the store keeps."""
    cluster = {e["id"]: e["id"] for e in events}
    for m in merged:
        for member in m.members:
            cluster[member] = m.id
    info = {m.id: m for m in merged}
    doc_of = {e["id"]: (e["evidence"][0]["document"] if e.get("evidence") else "") for e in events}
    rows = []
    for eid, root in sorted(cluster.items()):
        if eid != root:
            continue
        if root in info:
            m = info[root]
            rows.append((root, m.documents, m.independent_sources, m.conflicts))
        else:
            docs = [doc_of[eid]]
            rows.append((root, docs, independent_sources(docs, near), []))
    return cluster, rows


def occasions_named(
    merged: list[MergedEvent], entity_documents: Iterable[tuple[str, str]]
) -> dict[str, set[str]]:
    """Entity id -> the occasions (reported by two or more documents, by root event id) that
    the documents naming it report, from (entity, document) pairs: the context one resolution
    pass hands the next."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for m in merged:
        for doc in m.documents:
            by_doc[doc].add(m.id)
    out: dict[str, set[str]] = defaultdict(set)
    for entity_id, document_id in entity_documents:
        if document_id in by_doc:
            out[entity_id] |= by_doc[document_id]
    return out


def same_occasions(a: list[MergedEvent], b: list[MergedEvent]) -> bool:
    """Whether two passes merged the same reports into the same occasions."""
    return {tuple(m.members) for m in a} == {tuple(m.members) for m in b}
