"""Resolution across documents on hand-made dossiers (no model, no store)."""

from footprint.resolve.across_documents import (
    entity_clusters,
    merge_events,
    places_agree,
    resolve_entities,
)


def ent(i, name, type_="person", aliases=()):
    return {"id": i, "name": name, "type": type_, "aliases": list(aliases), "mentions": []}


def ev(i, doc, type_, start, end=None, precision="day", place=None, people=()):
    return {
        "id": i,
        "type": type_,
        "label": f"{type_} {i}",
        "background": False,
        "date": {"start": start, "end": end or start, "precision": precision, "text": start},
        "place": {"gazetteer_id": place} if place else None,
        "participants": [{"entity": p} for p in people],
        "evidence": [{"document": doc}],
    }


def test_spelling_variants_join_and_short_forms_need_context():
    dossier = {
        "entities": [
            ent("a", "Yousef al-Qadi"),
            ent("b", "Yusuf al-Qadi"),
            ent("c", "Javed Iqbal Karim"),
            ent("d", "Javed Karim"),
            ent("e", "Javed Hussain Karim"),
            ent("o", "Tehreek-e-Nizam", "organization"),
        ],
        "relations": [
            {"subject": "c", "object": "o"},
            {"subject": "d", "object": "o"},
        ],
        "events": [],
    }
    clusters = entity_clusters(dossier)
    assert clusters["a"] == clusters["b"]
    assert clusters["c"] == clusters["d"]  # shorter form with a shared organisation
    assert clusters["e"] != clusters["c"]  # a different middle name, no shared context


def test_acronym_alias_joins_expansion_across_documents():
    dossier = {
        "entities": [
            ent("x", "United Workers Front", "organization", aliases=["UWF"]),
            ent("y", "UWF", "organization"),
        ],
        "relations": [],
        "events": [],
    }
    clusters = entity_clusters(dossier)
    assert clusters["x"] == clusters["y"]


def test_same_event_in_two_outlets_merges_with_conflict_kept():
    dossier = {
        "entities": [ent("p", "Tariq Durrani")],
        "relations": [],
        "events": [
            ev("e1", "d1", "press_conference", "2024-05-16", place="g1", people=["p"]),
            ev("e2", "d2", "briefing", "2024-05-15", place="g1", people=["p"]),
            ev("e3", "d3", "rally", "2024-05-16", place="g1", people=["p"]),  # other kind
            ev(
                "e4", "d4", "press_conference", "2024-07-01", place="g1", people=["p"]
            ),  # other date
        ],
    }
    merged = merge_events(dossier, entity_clusters(dossier))
    assert len(merged) == 1
    (m,) = merged
    assert sorted(m.members) == ["e1", "e2"] and m.independent_sources == 2
    assert m.conflicts and "2024-05-15" in m.conflicts[0]


def test_same_day_same_city_merges_without_shared_participants():
    dossier = {
        "entities": [ent("p", "A B"), ent("q", "C D")],
        "relations": [],
        "events": [
            ev("e1", "d1", "rally", "2024-04-14", place="lahore", people=["p"]),
            ev("e2", "d2", "march", "2024-04-14", place="lahore", people=["q"]),
            ev("e3", "d3", "march", "2024-04-14", place="karachi", people=["q"]),
        ],
    }
    (m,) = merge_events(dossier, entity_clusters(dossier))
    assert sorted(m.members) == ["e1", "e2"]


def test_near_duplicate_outlets_count_as_one_source():
    dossier = {
        "entities": [ent("p", "Tariq Durrani")],
        "relations": [],
        "events": [
            ev("e1", "d1", "rally", "2024-04-14", place="g", people=["p"]),
            ev("e2", "d2", "rally", "2024-04-14", place="g", people=["p"]),
        ],
    }
    (m,) = merge_events(
        dossier, entity_clusters(dossier), near_duplicates={frozenset({"d1", "d2"})}
    )
    assert m.independent_sources == 1


def test_compound_names_written_as_one_word_join():
    dossier = {
        "entities": [
            ent("a", "Mohammad Abdul Salam"),
            ent("b", "Mohammed Abdulsalam"),
            ent("c", "Mohammed Abdulrahman"),
        ],
        "relations": [],
        "events": [],
    }
    clusters = entity_clusters(dossier)
    assert clusters["a"] == clusters["b"] != clusters["c"]


def test_different_judgement_keeps_apart_and_same_joins():
    dossier = {
        "entities": [
            ent("a", "Yousef al-Qadi"),
            ent("b", "Yusuf al-Qadi"),
            ent("c", "Omar Farooq"),
        ],
        "relations": [],
        "events": [],
    }
    clusters = entity_clusters(dossier, [("a", "b", "different"), ("a", "c", "same")])
    assert clusters["a"] != clusters["b"] and clusters["a"] == clusters["c"]


def test_a_short_form_fitting_two_full_names_joins_neither():
    dossier = {
        "entities": [
            ent("s", "Javed Karim"),
            ent("f1", "Javed Iqbal Karim"),
            ent("f2", "Javed Hussain Karim"),
            ent("o", "Tehreek-e-Nizam", "organization"),
        ],
        "relations": [{"subject": x, "object": "o"} for x in ("s", "f1", "f2")],
        "events": [],
    }
    clusters = entity_clusters(dossier)
    assert clusters["s"] == "s" and clusters["f1"] != clusters["f2"]


def test_vague_windows_merge_only_when_identical_with_place_and_participant():
    dossier = {
        "entities": [ent("p", "Tariq Durrani")],
        "relations": [],
        "events": [
            ev("e1", "d1", "gathering", "2023-09-01", "2023-12-31", "approximate", "g", ["p"]),
            ev("e2", "d2", "gathering", "2023-09-01", "2023-12-31", "approximate", "g", ["p"]),
            ev("e3", "d3", "gathering", "2023-09-01", "2023-12-31", "approximate", None, ["p"]),
            ev("e4", "d4", "gathering", "2023-10-01", "2023-12-31", "approximate", "g", ["p"]),
        ],
    }
    (m,) = merge_events(dossier, entity_clusters(dossier))
    assert sorted(m.members) == ["e1", "e2"]


def test_reports_of_one_occasion_are_context_for_a_shorter_form():
    dossier = {
        "entities": [ent("s", "Javed Karim"), ent("f", "Javed Iqbal Karim")],
        "relations": [],
        "events": [],
    }
    assert entity_clusters(dossier)["s"] == "s"  # no shared context: kept apart
    res = resolve_entities(dossier, occasions={"s": {"rally (e1)"}, "f": {"rally (e1)"}})
    assert res.cluster["s"] == res.cluster["f"] and "same occasion" in res.reasons["s"]


def test_a_rally_and_a_named_conference_on_one_day_in_one_city_are_one_occasion():
    dossier = {
        "entities": [ent("p", "Tariq Durrani")],
        "relations": [],
        "events": [
            ev("e1", "d1", "rally", "2025-02-05", place="town", people=["p"]),
            ev("e2", "d2", "conference", "2025-02-05", place="town", people=["p"]),
            ev("e3", "d3", "conference", "2025-02-05", place="elsewhere", people=["p"]),
            ev("e4", "d4", "bombing", "2025-02-05", place="town", people=["p"]),
        ],
    }
    (m,) = merge_events(dossier, entity_clusters(dossier))
    assert sorted(m.members) == ["e1", "e2"]


def test_an_attack_and_a_bombing_reported_by_two_outlets_join():
    dossier = {
        "entities": [ent("g", "Front of the North", "organization")],
        "relations": [],
        "events": [
            ev("e1", "d1", "attack", "2013-05-20", "2013-05-26", "reported", "t", ["g"]),
            ev("e2", "d2", "bombing", "2013-05-25", place="t", people=["g"]),
        ],
    }
    (m,) = merge_events(dossier, entity_clusters(dossier))
    assert sorted(m.members) == ["e1", "e2"]


def test_same_name_entities_judged_different_stay_apart_and_each_still_joins_others():
    # Same-name entities are compared through the first of them (issue 16): one a user kept
    # apart from it is compared on its own, so its own ties still count.
    dossier = {
        "entities": [
            ent("a1", "Omar Farooq"),
            ent("a2", "Omar Farooq"),
            ent("a3", "Omar Farooq"),
            ent("b", "Omar Khan Farooq"),
            ent("c", "Harbour Union", "organization"),
        ],
        "relations": [{"subject": "a3", "object": "c"}, {"subject": "b", "object": "c"}],
        "events": [],
    }
    clusters = entity_clusters(dossier, [("a1", "a3", "different")])
    assert clusters["a1"] == clusters["a2"] != clusters["a3"]
    assert clusters["a3"] == clusters["b"]  # the shorter form, tied to the same union


def test_reports_join_through_a_shared_participant_or_place_only_and_in_their_window():
    events = [
        ev("x1", "d1", "rally", "2024-05-03", place="geo:1", people=["p"]),
        ev("x2", "d2", "rally", "2024-05-03", place="geo:1"),  # same place and day
        ev("x3", "d3", "rally", "2024-05-04", people=["p"]),  # shares a participant
        ev("x4", "d4", "rally", "2024-05-03", place="geo:2"),  # another place, no one shared
        ev("x5", "d5", "rally", "2024-09-01", place="geo:1", people=["p"]),  # months later
    ]
    merged = merge_events({"events": events}, {"p": "p"})
    assert [sorted(m.members) for m in merged] == [["x1", "x2", "x3"]]


def place(gid, precision, country="GH", admin1="Ashanti", lat=6.69, lon=-1.62):
    return {
        "gazetteer_id": gid,
        "precision": precision,
        "country": country,
        "admin1": admin1,
        "lat": lat,
        "lon": lon,
    }


TOWN = place("g:town", "city")
ITS_REGION = place("g:region", "region", lat=6.79)
ITS_DISTRICT = place("g:district", "district", lat=6.9)  # about 23 km from the town
NEIGHBOUR = place("g:neighbour", "city", lat=6.87)  # another town about 20 km away
OTHER_REGION = place("g:other", "region", admin1="Northern", lat=9.5, lon=-1.0)
ABROAD = place("g:abroad", "city", country="TG", admin1="Maritime", lat=6.69, lon=-1.63)


def test_a_place_inside_a_wider_one_agrees_with_it_and_two_towns_do_not():
    assert places_agree(TOWN, ITS_REGION) and places_agree(ITS_REGION, TOWN)
    assert places_agree(TOWN, ITS_DISTRICT)
    assert places_agree(TOWN, place("g:country", "country", admin1=None))
    assert not places_agree(TOWN, NEIGHBOUR)  # a campaign's rallies in neighbouring towns
    assert not places_agree(TOWN, OTHER_REGION)
    assert not places_agree(TOWN, ABROAD)  # the same point, another country's entry
    assert not places_agree(TOWN, {"gazetteer_id": "g:bare"})  # nothing to compare


def test_reports_of_one_occasion_at_a_town_and_at_its_region_join():
    def at(i, where):
        e = ev(i, f"d{i}", "rally", "2024-05-12", people=["p"])
        e["place"] = where
        return e

    events = [at("r1", TOWN), at("r2", ITS_REGION), at("r3", NEIGHBOUR), at("r4", OTHER_REGION)]
    merged = merge_events({"events": events}, {"p": "p"})
    assert [sorted(m.members) for m in merged] == [["r1", "r2"]]
