"""FollowTheMoney export: every line a valid entity, references resolve, counts match."""

from __future__ import annotations

import json
from collections import Counter

import pytest

pytest.importorskip("followthemoney")
from followthemoney import model  # noqa: E402

from footprint.export.ftm import ftm_date  # noqa: E402

LINKS = ("Membership", "Employment", "Representation", "Family", "UnknownLink")


@pytest.fixture(scope="module")
def entities(exported):
    return [json.loads(line) for line in exported["ftm"].read_text("utf-8").splitlines()]


def test_every_line_is_a_valid_entity(entities):
    for data in entities:
        proxy = model.get_proxy(data, cleaned=False)
        # Cleaning drops values FtM would refuse (a bad date, country, id): nothing may go.
        assert proxy.to_dict()["properties"] == data["properties"], data["id"]
        for prop in proxy.schema.required:
            assert proxy.get(prop), (data["id"], prop)
        assert not proxy.schema.abstract


def test_references_resolve_to_entities_of_the_right_schema(entities):
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities), "ids are unique"
    refs = 0
    for data in entities:
        proxy = model.get_proxy(data)
        for prop, value in proxy.itervalues():
            if prop.type.name != "entity":
                continue
            refs += 1
            assert value in by_id, (data["id"], prop.name, value)
            target = model.get(by_id[value]["schema"])
            assert target.is_a(prop.range), (data["id"], prop.name, target.name)
    assert refs > 0


def test_counts_match_the_store(entities, expected):
    schemas = Counter(e["schema"] for e in entities)
    assert schemas["Person"] + schemas["Organization"] == expected["actors"]
    assert schemas["Event"] == expected["events"]
    assert schemas["Article"] == expected["documents"]
    assert sum(schemas[s] for s in LINKS) == expected["relation_edges"]
    involved = sum(len(e["properties"].get("involved", [])) for e in entities)
    assert involved == expected["participations"]
    # Only designations that put the actor itself on a list become Sanctions.
    assert schemas["Sanction"] == expected["sanctions"]


def test_text_claims_are_notes_not_sanctions(entities, expected):
    by_id = {e["id"]: e for e in entities}
    sanctioned = {e["properties"]["entity"][0] for e in entities if e["schema"] == "Sanction"}
    assert expected["claims"] > 0
    for actor in expected["claimed_actors"]:
        notes = by_id[actor]["properties"].get("notes", [])
        assert any(n.startswith(("claimed_front", "linked_person")) for n in notes), actor
    for e in entities:
        if e["schema"] == "Sanction":
            assert "claimed_front" not in e["properties"].get("summary", [""])[0]
    assert all(by_id[s]["properties"].get("topics") == ["sanction"] for s in sanctioned)


def test_event_dates_carry_their_precision():
    assert ftm_date({"start": "2023-11-02", "end": "2023-11-02", "precision": "day"}) == {
        "date": "2023-11-02"
    }
    assert ftm_date({"start": "2023-11-01", "end": "2023-11-30", "precision": "month"}) == {
        "date": "2023-11"
    }
    assert ftm_date({"start": "2023-01-01", "end": "2023-12-31", "precision": "year"}) == {
        "date": "2023"
    }
    late = ftm_date({"start": "2023-09-01", "end": "2023-12-31", "precision": "approximate"})
    assert late == {"date": "2023", "startDate": "2023-09-01", "endDate": "2023-12-31"}
    assert ftm_date(None) == {}
