"""FollowTheMoney export: every line a valid entity, references resolve, counts match."""

from __future__ import annotations

import json
from collections import Counter

import pytest

pytest.importorskip("followthemoney")
from followthemoney import model  # noqa: E402

from footprint.export import ftm  # noqa: E402
from footprint.export.ftm import ftm_date  # noqa: E402
from tests.export import handmade  # noqa: E402

LINKS = ("Membership", "Employment", "Representation", "Family", "UnknownLink")


def _is_participation(entity, by_id):
    """An UnknownLink whose object is an Event: an actor's part in an occasion."""
    if entity["schema"] != "UnknownLink":
        return False
    (target,) = entity["properties"]["object"]
    return by_id[target]["schema"] == "Event"


def _loads(entities):
    """Every line through FtM's model, uncleaned: nothing dropped, nothing missing."""
    for data in entities:
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.to_dict()["properties"] == data["properties"], data["id"]
        # Cleaned as Aleph would clean it on load: the values survive that too.
        assert model.get_proxy(data).to_dict()["properties"] == data["properties"], data["id"]
        for prop in proxy.schema.required:
            assert proxy.get(prop), (data["id"], prop)
        assert not proxy.schema.abstract


@pytest.fixture(scope="module")
def entities(exported):
    return [json.loads(line) for line in exported["ftm"].read_text("utf-8").splitlines()]


def test_every_line_is_a_valid_entity(entities):
    # Cleaning drops values FtM would refuse (a bad date, country, id): nothing may go.
    _loads(entities)
    assert {"Address", "Event", "UnknownLink", "Article"} <= {e["schema"] for e in entities}


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
    by_id = {e["id"]: e for e in entities}
    parts = [e for e in entities if _is_participation(e, by_id)]
    assert sum(schemas[s] for s in LINKS) - len(parts) == expected["relation_edges"]
    involved = sum(len(e["properties"].get("involved", [])) for e in entities)
    assert involved == expected["participations"] == len(parts)
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


# --- places, roles and publishers (issue 14) -------------------------------------------------


def test_event_places_are_addresses_with_coordinates(entities, store):
    by_id = {e["id"]: e for e in entities}
    events = [e for e in entities if e["schema"] == "Event"]
    placed = [e for e in events if e["properties"].get("location")]
    assert placed
    for event in placed:
        (ref,) = event["properties"]["addressEntity"]
        place = by_id[ref]
        assert place["schema"] == "Address"
        props = place["properties"]
        assert event["properties"]["location"][0].startswith(props["name"][0])
        if "latitude" in props:
            assert -90 <= float(props["latitude"][0]) <= 90
            assert -180 <= float(props["longitude"][0]) <= 180
    # One Address per place, however many occasions were there.
    addresses = [e for e in entities if e["schema"] == "Address"]
    assert len(addresses) == len({e["properties"]["addressEntity"][0] for e in placed})
    lahore = [a for a in addresses if a["properties"]["name"] == ["Lahore"]]
    assert lahore and lahore[0]["properties"]["country"] == ["pk"]
    assert abs(float(lahore[0]["properties"]["latitude"][0]) - 31.5) < 0.3


def test_roles_are_link_entities_not_notes(entities):
    by_id = {e["id"]: e for e in entities}
    parts = [e for e in entities if _is_participation(e, by_id)]
    assert parts
    for link in parts:
        props = link["properties"]
        (actor,) = props["subject"]
        (event,) = props["object"]
        assert by_id[actor]["schema"] in ("Person", "Organization")
        # The event lists the actor as involved; the link says how, with its sentences.
        assert actor in by_id[event]["properties"]["involved"]
        assert props["role"] and props["description"] and props["proof"]
        assert by_id[event]["properties"].get("date", [None])[0] == props.get("date", [None])[0]
    roles = {p["properties"]["role"][0] for p in parts}
    assert any(r.startswith("speaker") for r in roles)
    assert "speaker (remote)" in roles  # the Lahore rally's speech by video link
    for e in entities:
        if e["schema"] == "Event":
            notes = " ".join(e["properties"].get("notes", []))
            assert "speaker" not in notes and "participant" not in notes


def _handmade_doc(url, author):
    data = handmade.data([handmade.event("evt-h1", "rally")])
    data.documents[handmade.DOC].update(url=url, author=author)
    return data


def test_article_publisher_is_the_outlet_not_the_author():
    lines = ftm.entities(_handmade_doc("https://www.harbour-news.example/story/7", "Ana Ruiz"))
    (article,) = [e for e in lines if e["schema"] == "Article"]
    props = article["properties"]
    assert props["publisher"] == ["harbour-news.example"]
    assert props["publisherUrl"] == ["https://www.harbour-news.example/"]
    assert props["author"] == ["Ana Ruiz"]
    _loads(lines)
    # A file with no address has an author but no outlet.
    lines = ftm.entities(_handmade_doc(None, "Ana Ruiz"))
    (article,) = [e for e in lines if e["schema"] == "Article"]
    assert "publisher" not in article["properties"]
    assert article["properties"]["author"] == ["Ana Ruiz"]


def test_publisher_url_never_carries_credentials_or_other_schemes():
    lines = ftm.entities(_handmade_doc("https://ana:secret@news.example:8443/x?y=1", None))
    (article,) = [e for e in lines if e["schema"] == "Article"]
    assert article["properties"]["publisherUrl"] == ["https://news.example:8443/"]
    assert "secret" not in json.dumps(article["properties"]["publisherUrl"])
    lines = ftm.entities(_handmade_doc("javascript:alert(1)//news.example", None))
    (article,) = [e for e in lines if e["schema"] == "Article"]
    assert "publisher" not in article["properties"]
    assert "publisherUrl" not in article["properties"]


def test_handmade_occasion_address_and_link_load_in_ftm():
    lines = ftm.entities(handmade.data([handmade.event("evt-h1", "rally")]))
    _loads(lines)
    by_id = {e["id"]: e for e in lines}
    (place,) = [e for e in lines if e["schema"] == "Address"]
    assert place["properties"] == {
        "name": ["Lahore"],
        "full": ["Lahore, Punjab, PK"],
        "city": ["Lahore"],
        "region": ["Punjab"],
        "country": ["pk"],
        "latitude": ["31.55"],
        "longitude": ["74.34"],
        "notes": ["gazetteer id 1172451; the point stands for the city"],
    }
    (event,) = [e for e in lines if e["schema"] == "Event"]
    assert event["properties"]["addressEntity"] == [place["id"]]
    links = sorted(
        (by_id[e["properties"]["subject"][0]]["properties"]["name"][0], e["properties"]["role"][0])
        for e in lines
        if _is_participation(e, by_id)
    )
    assert links == [("Amir Khan", "speaker (in person)"), ("Sara Malik", "speaker (in person)")]
    link = next(e for e in lines if _is_participation(e, by_id))
    assert link["properties"]["date"] == ["2024-05-03"]
    assert link["properties"]["description"] == [f"{handmade.DOC}: {handmade.TEXT}"]
