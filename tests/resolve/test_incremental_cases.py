"""Incremental resolution on small hand-made stores, each a case where resolving only what new
documents touch could part from resolving the whole store: a second pass joining two actors
whose other reports then merge, an occasion whose root changes, occasions that settle over
several passes, a namesake's own names, near-copies among new documents, a document written
again while it is resolved, and a judgement made during a whole resolution."""

import contextlib
import datetime as dt

import pytest

from footprint.ingest.dedup import signature
from footprint.model import (
    Document,
    DocumentResult,
    Entity,
    Event,
    Evidence,
    Mention,
    Participation,
    stable_id,
)
from footprint.place.model import Place
from footprint.resolve.corpus import resolve_store
from footprint.store import SQLStore, open_store
from footprint.time.span import TimeSpan
from tests.backends import store_target

pytestmark = pytest.mark.store

LAHORE = Place("Lahore", "PK", None, 31.5, 74.3, "geonames:1172451", "city")


def person(doc: str, name: str, n: int = 0, *also: str) -> Entity:
    def mention(text: str, at: int) -> Mention:
        return Mention(text, "person", Evidence(doc, at, at + len(text), text, text + "."), text)

    mentions = [mention(name, n * 100)] + [mention(a, n * 100 + 50) for a in also]
    return Entity(stable_id("ent", "person", name.lower()), "person", name, set(), mentions)


def event(doc: str, eid: str, kind: str, day: str, people: list[Entity], place=None) -> Event:
    d = dt.date.fromisoformat(day)
    ev = Evidence(doc, 0, 1, "x", "x.")
    found = Event(eid, kind, kind, False, TimeSpan(d, d, "day", day), place)
    found.participants = [Participation(p.id, "participant", "in_person", ev) for p in people]
    return found


def report(did: str, people: list[Entity], events: list[Event] = ()) -> DocumentResult:
    return DocumentResult(Document(did, f"text {did}", f"{did}.txt"), people, [], events=list(events))


FILLER = [report(f"F{i}", [person(f"F{i}", f"Someone Else{i}")]) for i in range(3)]


def clusters(store: SQLStore) -> dict[str, list[tuple]]:
    return {
        "entities": store._tuples(
            "SELECT entity_id, cluster_id, reason FROM entity_clusters ORDER BY 1"
        ),
        "events": store._tuples("SELECT event_id, cluster_id FROM event_clusters ORDER BY 1"),
        "info": store._tuples("SELECT * FROM event_cluster_info ORDER BY 1"),
        "keys": store._tuples("SELECT * FROM entity_keys ORDER BY 1, 2"),
        "near": store._tuples("SELECT document_id, duplicate_of FROM near_duplicates ORDER BY 1"),
    }


@contextlib.contextmanager
def both_ways(tmp_path, before, new, signatures=None):
    """The store resolved before and after `new` was added, and the same documents resolved
    whole: both stores, open inside the block and closed after it."""
    signatures = signatures or {}
    one = open_store(store_target(tmp_path / "incremental.db"))
    whole = open_store(store_target(tmp_path / "whole.db"))
    for r in before:
        one.write(r, signature=signatures.get(r.document.id))
    resolve_store(one)
    for r in new:
        one.write(r, signature=signatures.get(r.document.id))
    assert resolve_store(one).mode == "incremental"
    for r in [*before, *new]:
        whole.write(r, signature=signatures.get(r.document.id))
    resolve_store(whole, force_whole=True)
    try:
        assert one._count_all() == one.cluster_counts()
        yield one, whole
    finally:
        one.close()
        whole.close()


def test_a_join_through_a_new_occasion_merges_the_actors_other_reports(tmp_path):
    short, full = person("A", "Javed Qureshi"), person("B", "Javed Iqbal Qureshi")
    p, q = person("A", "Tariq Anwar", 1), person("B", "Bilal Hussain", 1)
    a = report("A", [short, p], [event("A", "evA1", "protest", "2024-05-01", [short, p]),
                                 event("A", "evA2", "meeting", "2024-06-10", [short])])
    b = report("B", [full, q], [event("B", "evB1", "protest", "2024-05-01", [full, q]),
                                event("B", "evB2", "meeting", "2024-06-10", [full])])
    c = report("C", [person("C", "Javed Qureshi"), person("C", "Tariq Anwar", 1),
                     person("C", "Bilal Hussain", 2)],
               [event("C", "evC1", "protest", "2024-05-01", [p, q])])
    with both_ways(tmp_path, [a, b, *FILLER], [c]) as (one, whole):
        assert clusters(one) == clusters(whole)
        merged = dict(one._tuples("SELECT event_id, cluster_id FROM event_clusters"))
        assert merged["evB2"] == merged["evA2"]  # the two meetings are one, through the join


def test_an_occasion_whose_root_changes_is_named_by_its_new_root(tmp_path):
    def rally(doc, eid, people):
        return event(doc, eid, "protest", "2024-05-01", people, LAHORE)

    short, full = person("A", "Javed Qureshi"), person("B", "Javed Iqbal Qureshi")
    a = report("A", [short], [rally("A", "evA1", [short])])
    b = report("B", [full], [rally("B", "evB1", [full])])
    c = report("C", [person("C", "Javed Qureshi")], [rally("C", "ev0", [])])
    with both_ways(tmp_path, [a, b, *FILLER], [c]) as (one, whole):
        assert clusters(one) == clusters(whole)


def test_occasions_that_settle_over_several_passes(tmp_path):
    x, y = person("A", "Javed Qureshi"), person("B", "Javed Iqbal Qureshi")
    p, q = person("A", "Tariq Anwar", 1), person("B", "Bilal Hussain", 1)
    a = report("A", [x, p], [event("A", "evA1", "protest", "2024-05-01", [x, p])])
    b = report("B", [y, q], [event("B", "evB1", "protest", "2024-05-01", [y, q])])
    c = report("C", [person("C", "Tariq Anwar"), person("C", "Bilal Hussain", 1)],
               [event("C", "evC1", "protest", "2024-05-01", [p, q])])
    a2 = report("A2", [person("A2", "Javed Qureshi"), person("A2", "Ali Raza", 1)],
                [event("A2", "evA2", "meeting", "2024-06-10", [x])])
    b2 = report("B2", [person("B2", "Javed Iqbal Qureshi"), person("B2", "Ali Akbar Raza", 1)],
                [event("B2", "evB2", "meeting", "2024-06-10", [y])])
    g = report("G", [person("G", "Ali Raza")])
    with both_ways(tmp_path, [a, b, c, a2, b2, *FILLER], [g]) as (one, whole):
        assert clusters(one) == clusters(whole)


def test_a_namesakes_own_names_bring_in_what_it_would_be_compared_with(tmp_path):
    khan = person("A", "Muhammad Khan", 0, "Ayub")
    ayub, tariq = person("B", "Ayub"), person("B", "Tariq Anwar", 1)
    a = report("A", [khan])
    b = report("B", [ayub, tariq], [event("B", "evB", "protest", "2024-05-01", [ayub, tariq])])
    other = person("C", "Mohammed Khan")
    c = report("C", [other, person("C", "Tariq Anwar", 1)],
               [event("C", "evC", "meeting", "2023-01-01", [other, tariq])])
    with both_ways(tmp_path, [a, b, *FILLER], [c]) as (one, whole):
        assert clusters(one) == clusters(whole)


def test_near_copies_among_new_documents_are_linked_as_a_whole_resolution_links_them(tmp_path):
    story = "The provincial government announced on Monday a new plan for flood relief. " * 3
    texts = {f"S{i}": f"Unrelated story {i} about cricket and the weather in town {i}." for i in range(5)}
    texts |= {"zz1": story + " Agency one.", "aa2": story + " Agency two.", "mm3": story + " Agency three."}
    nadia = stable_id("ent", "person", "nadia khan")

    def note(did):
        r = report(did, [person(did, "Nadia Khan")])
        r.events = [event(did, f"ev{did}", "protest", "2024-05-01", r.entities)]
        assert r.entities[0].id == nadia
        return r

    signatures = {d: signature(t).tobytes() for d, t in texts.items()}
    before = [note(d) for d in ["S0", "S1", "S2", "S3", "S4", "zz1"]]
    with both_ways(tmp_path, before, [note("aa2"), note("mm3")], signatures) as (one, whole):
        assert clusters(one) == clusters(whole)
        assert len(one.near_duplicates()) == 2


def test_a_document_written_again_while_it_is_resolved_is_resolved_again(tmp_path):
    store = open_store(store_target(tmp_path / "fp.db"))
    try:
        for i in range(4):
            store.write(report(f"D{i}", [person(f"D{i}", f"Person Number{i}")]))
        resolve_store(store)
        store.write(report("N", [person("N", "Nadia Khan")]))
        update = store.update_clusters

        def racing(*args, **kwargs):  # another writer stores a new reading of N meanwhile
            store.write(report("N", [person("N", "Nadia Khan"), person("N", "Omar Farooq", 1)]))
            return update(*args, **kwargs)

        store.update_clusters = racing
        resolve_store(store)
        store.update_clusters = update
        assert store.needs_resolution() and store.unresolved()
        assert resolve_store(store).mode == "whole"  # N's first reading may sit in clusters
        assert not store.needs_resolution()
        assert not store._tuples(
            "SELECT id FROM entities WHERE id NOT IN (SELECT entity_id FROM entity_clusters)"
        )
    finally:
        store.close()


def test_a_judgement_made_during_a_whole_resolution_asks_for_another(tmp_path):
    store = open_store(store_target(tmp_path / "fp.db"))
    try:
        for i in range(4):
            store.write(report(f"D{i}", [person(f"D{i}", f"Person Number{i}")]))
        inputs = store.resolution_inputs

        def judged_meanwhile():
            found = inputs()
            a, b = sorted(e["id"] for e in found["entities"])[:2]
            store.add_judgement(a, b, "same")
            return found

        store.resolution_inputs = judged_meanwhile
        assert resolve_store(store).mode == "whole"
        store.resolution_inputs = inputs
        assert store.wants_whole_resolution()
        assert resolve_store(store).mode == "whole"
        assert not store.wants_whole_resolution()
        assert resolve_store(store).mode == "none"
    finally:
        store.close()


def test_a_stored_signature_of_another_size_is_nobodys_near_copy(tmp_path):
    # The store takes any bytes as a signature; resolution, whole or not, must not fail on them.
    store = open_store(store_target(tmp_path / "fp.db"))
    try:
        good = {f"D{i}": signature(f"Story {i} about the weather in town {i}.").tobytes() for i in range(3)}
        for did, sig in good.items():
            store.write(report(did, [person(did, f"Person Number{did}")]), signature=sig)
        store.write(report("odd", [person("odd", "Nadia Khan")]), signature=b"\x00\x01\xff")
        assert resolve_store(store, force_whole=True).mode == "whole"
        store.write(report("odd2", [person("odd2", "Omar Farooq")]), signature=b"\x02")
        assert resolve_store(store).mode == "incremental"
        assert store.near_duplicates() == []
    finally:
        store.close()
