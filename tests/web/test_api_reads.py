"""Every reading endpoint of the HTTP API, against a real server over a store built from
`corpus.py`: what it answers, and the 404 / 422 it gives for what it cannot answer."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile

import pytest

from footprint.web.app import CSP


@pytest.fixture(scope="module")
def api(reader):
    with reader.client() as client:
        yield client


def actor_id(api, name: str, type_: str = "person") -> str:
    found = api.get("/api/actors", params={"q": name}).json()["actors"]
    return next(a["id"] for a in found if a["name"] == name and a["type"] == type_)


def test_status_names_the_store_and_says_read_only(api):
    r = api.get("/api/status")
    assert r.status_code == 200
    body = r.json()
    assert body["schema"] >= 6
    assert body["writes"].startswith("disabled")
    assert body["rows"]["documents"] == 4
    assert r.headers["content-security-policy"] == CSP


def test_actors_by_any_piece_of_a_spelling(api):
    found = api.get("/api/actors", params={"q": "RAHMAN"}).json()["actors"]
    assert "Nadia Rahman" in {a["name"] for a in found}
    chb = api.get("/api/actors", params={"q": "crimson hand"}).json()["actors"]
    assert [a["name"] for a in chb] == ["Crimson Hand Brigade"]
    assert chb[0]["designations"] == ["listed"]
    # LIKE's own wildcards are literal text in a query.
    assert api.get("/api/actors", params={"q": "%"}).json()["actors"] == []
    assert api.get("/api/actors", params={"q": "Nobody Anywhere"}).json()["actors"] == []


def test_actor_profile_with_evidence_and_designations(api):
    body = api.get(f"/api/actors/{actor_id(api, 'Nadia Rahman')}").json()
    stops = {s["label"]: s for s in body["itinerary"]}
    assert set(stops) == {
        "rally in Karachi",
        "conference in Lahore",
        "meeting with Nadia Rahman in Quetta",
    }
    rally = stops["rally in Karachi"]
    assert (rally["role"], rally["mode"]) == ("speaker", "remote")
    assert rally["independent_sources"] == 2
    ev = rally["evidence"][0]
    assert "video link" in ev["sentence"] and ev["attribution"] == "according to the organisers"
    assert ev["href"].startswith("/documents/karachi-rally#c-")

    chb = api.get(f"/api/actors/{actor_id(api, 'Crimson Hand Brigade', 'organization')}").json()
    (listed,) = [d for d in chb["designations"] if d["kind"] == "listed"]
    assert listed["listed_on"] == "2019-05-01" and listed["evidence"]["sentence"]


def test_an_organisation_is_rolled_up_through_its_people(api):
    org = actor_id(api, "Crimson Hand Brigade", "organization")
    rolled = api.get(f"/api/actors/{org}").json()
    (stop,) = rolled["itinerary"]
    assert stop["via"]["name"] == "Omar Siddiqui"
    assert "spokesman" in stop["via"]["evidence"]["sentence"]
    assert stop["designated_as_of"] == []  # the organisation itself was not at the meeting
    direct = api.get(f"/api/actors/{org}", params={"direct": "true"}).json()
    assert direct["itinerary"] == []


def test_actor_pages_link_each_evidence_to_its_sentence_in_the_reader(api):
    """An actor's page links the evidence it shows itself (its view comes without links): every
    quoted sentence links to the reader at that sentence, as the API's `href` does, the
    organisation's rolled-up `via` evidence too."""
    import re

    def hrefs(value):
        if isinstance(value, dict):
            yield from ([value["href"]] if "href" in value else [])
            value = list(value.values())
        for item in value if isinstance(value, list) else []:
            yield from hrefs(item)

    org = actor_id(api, "Crimson Hand Brigade", "organization")
    for actor in (actor_id(api, "Nadia Rahman"), org):
        html = api.get(f"/actors/{actor}").text
        quoted = html.count('<blockquote class="evidence">')
        links = re.findall(r'<a class="source" href="(/documents/[^"#]+)#(c-[0-9a-f]{12})">', html)
        assert quoted and len(links) == quoted, actor
        answered = set(hrefs(api.get(f"/api/actors/{actor}").json()))
        for document, anchor in set(links):
            assert f"{document}#{anchor}" in answered
            assert f'id="{anchor}"' in api.get(document).text, (document, anchor)
    via = api.get(f"/api/actors/{org}").json()["itinerary"][0]["via"]["evidence"]
    assert via["href"] in re.findall(r'class="source" href="([^"]+)"', api.get(f"/actors/{org}").text)


def test_actor_filters(api):
    nadia = actor_id(api, "Nadia Rahman")
    spring = api.get(f"/api/actors/{nadia}", params={"since": "2024-04-01"}).json()
    assert [s["label"] for s in spring["itinerary"]][0] == "conference in Lahore"
    assert len(spring["itinerary"]) == 2
    rallies = api.get(f"/api/actors/{nadia}", params={"type": "rally"}).json()
    assert [s["type"] for s in rallies["itinerary"]] == ["rally"]
    sindh = api.get(f"/api/actors/{nadia}", params={"country": "Pakistan", "role": "speaker"})
    assert {s["role"] for s in sindh.json()["itinerary"]} == {"speaker"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "yesterday"}, "since"),
        ({"until": "2024-13-01"}, "until"),
        ({"since": "2024-05-01", "until": "2024-01-01"}, "until"),
        ({"country": "Narnia"}, "country"),
        ({"type": "picnic"}, "type"),
        ({"role": "cook"}, "role"),
        ({"direct": "perhaps"}, "direct"),
    ],
)
def test_bad_parameters_are_422_naming_the_field(api, params, field):
    r = api.get(f"/api/actors/{actor_id(api, 'Tariq Baloch')}", params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["status"] == 422
    assert body["fields"][0]["field"] == field
    assert field in body["error"]


def test_unknown_things_are_404(api):
    for path in ("/api/actors/ent-0000", "/api/events/evt-0000", "/api/documents/nope"):
        r = api.get(path)
        assert r.status_code == 404 and "no " in r.json()["error"], path
    r = api.get("/api/network", params={"around": "Nobody Anywhere"})
    assert r.status_code == 404 and r.json()["fields"][0]["field"] == "around"
    assert api.get("/api/nothing-here").status_code == 404


def test_events_and_one_event(api):
    body = api.get("/api/events").json()
    assert body["total"] == 3
    rally = next(e for e in body["events"] if e["label"] == "rally in Karachi")
    assert rally["documents"] == 2
    assert api.get("/api/events", params={"limit": 1, "offset": 1}).json()["events"][0][
        "label"
    ] == body["events"][1]["label"]
    assert api.get("/api/events", params={"limit": 0}).status_code == 422

    event = api.get(f"/api/events/{rally['cluster']}").json()
    assert event["date"]["precision"] == "day" and event["place"]["name"] == "Karachi"
    who = {p["name"]: p for p in event["participants"]}
    assert who["Nadia Rahman"]["modes"] == ["remote"]
    assert who["Harbour Workers Union"]["roles"] == ["organizer"]
    assert all(ev["href"].startswith("/documents/") for p in who.values() for ev in p["evidence"])
    assert {d["id"] for d in event["documents"]} == {"karachi-rally", "karachi-rally-wire"}
    assert event["support"]["independent_sources"] == 2
    assert event["support"]["grade"] == "F1"  # two plain, independent, unrated sources
    assert event["codes"]["cameo"].startswith("141")


def test_documents_and_their_claims(api):
    listing = api.get("/api/documents").json()
    assert listing["total"] == 4
    assert listing["documents"][0]["id"] == "quetta-meeting"  # newest first
    doc = api.get("/api/documents/lahore-conference").json()
    text = doc["text"]
    assert doc["counts"]["relation"] == 1 and doc["counts"]["participant"] == 3
    for claim in doc["claims"]:
        # Each claim's sentence is where the reader marks it, and holds the claim's words.
        marked = text[claim["sentence_start"] : claim["sentence_end"]]
        assert marked.strip() == claim["sentence"].strip()
        assert claim["sentence_start"] <= claim["start"] <= claim["end"] <= claim["sentence_end"]
    (front,) = [c for c in doc["claims"] if c["kind"] == "relation"]
    assert "is a front of" in front["words"] and front["href"].startswith("/actors/")


def test_network_path_timeline(api):
    whole = api.get("/api/network").json()
    assert whole["nodes"] >= 5 and whole["edges"]
    ego = api.get("/api/network", params={"around": "Tariq Baloch", "top": 3}).json()
    assert ego["around"]["query"] == "Tariq Baloch" and len(ego["actors"]) == 3
    edge = ego["edges"][0]
    evidence = (edge.get("coappearance") or {}).get("evidence") or edge["affiliation"][0]["evidence"]
    assert evidence[0]["href"].startswith("/documents/")
    assert api.get("/api/network", params={"kind": "friends"}).status_code == 422
    assert api.get("/api/network", params={"evidence": 0}).status_code == 422

    path = api.get("/api/path", params={"a": "Tariq Baloch", "b": "Omar Siddiqui"}).json()
    assert path["paths"] and path["paths"][0]["hops"][0]["evidence"][0]["href"]
    assert api.get("/api/path", params={"a": "Tariq Baloch"}).status_code == 422

    timeline = api.get("/api/timeline", params={"actor": "Tariq Baloch"}).json()
    assert [e["label"] for e in timeline["events"]] == ["rally in Karachi", "conference in Lahore"]


def _evidence_lists(answer):
    """(edge, kind) -> (evidence, evidence_total) for every evidence list of the answer."""
    found = {}
    for edge in answer["edges"]:
        parts = [("coappearance", edge["coappearance"])] if "coappearance" in edge else []
        parts += [(f"affiliation {i}", link) for i, link in enumerate(edge.get("affiliation", []))]
        for name, part in parts:
            found[(edge["a"], edge["b"], name)] = (part["evidence"], part["evidence_total"])
    return found


def test_network_edges_carry_their_first_evidence_and_how_many_there_are(api):
    whole = _evidence_lists(api.get("/api/network", params={"evidence": 1000}).json())
    cut = _evidence_lists(api.get("/api/network", params={"evidence": 1}).json())
    usual = _evidence_lists(api.get("/api/network").json())
    assert whole.keys() == cut.keys() == usual.keys()
    assert any(total > 2 for _, total in whole.values())  # else the cuts cut nothing
    for key, (evidence, total) in whole.items():
        assert len(evidence) == total and all(e["href"].startswith("/documents/") for e in evidence)
        assert cut[key] == (evidence[:1], total)
        assert usual[key] == (evidence[:2], total)


def test_full_text_search(api):
    body = api.get("/api/search", params={"q": '"video link"'}).json()
    (hit,) = [h for h in body["hits"] if h["kind"] == "sentence"]
    assert hit["document_id"] == "karachi-rally"
    assert any(matched for _, matched in hit["parts"])
    r = api.get("/api/search", params={"q": "-"})
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "q"
    r = api.get("/api/search", params={"q": "rally", "since": "soon"})
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "since"


@pytest.mark.parametrize("fmt", ["ftm", "stix", "graphml", "gexf", "geojson", "csv"])
def test_exports_download(api, fmt):
    r = api.get(f"/api/export/{fmt}", params={"actor": "Nadia Rahman"})
    assert r.status_code == 200, r.text
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    body = r.content
    if fmt == "ftm":
        schemata = {json.loads(line)["schema"] for line in body.decode().splitlines()}
        assert "Person" in schemata and "Event" in schemata
    elif fmt in ("stix", "geojson"):
        data = json.loads(body)
        assert data["type"] in ("bundle", "FeatureCollection")
    elif fmt == "csv":
        names = zipfile.ZipFile(io.BytesIO(body)).namelist()
        assert "footprint-csv/evidence.csv" in names
    else:
        assert ET.fromstring(body).tag.endswith(fmt)


def test_export_errors(api):
    r = api.get("/api/export/pdf")
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "format"
    r = api.get("/api/export/ftm", params={"tlp": "red"})
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "tlp"


def test_batch_screening_as_yente_users_expect(api):
    body = {
        "queries": {
            "q1": {"schema": "Organization", "properties": {"name": ["Crimson Hand Brigade"]}},
            "q2": {"name": "Harbour Workers Union", "type": "organization"},
            "q3": {"schema": "Person", "properties": {"name": ["Nobody Anywhere"],
                                                      "birthDate": ["1970"]}},
        }
    }
    r = api.post("/api/match", json=body)
    assert r.status_code == 200, r.text
    answers = r.json()["responses"]
    best = answers["q1"]["results"][0]
    assert best["caption"] == "Crimson Hand Brigade" and best["match"] is True
    assert best["score"] >= 0.85 and best["explanation"] and best["listed_on"] == "2019-05-01"
    assert answers["q2"]["results"] == [] or not answers["q2"]["results"][0]["match"]
    assert answers["q3"]["query"]["birth_date"] == "1970"
    assert set(answers) == {"q1", "q2", "q3"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"queries": {"a": {"properties": {"name": ["X"], "birthDate": ["soon"]}}}}, "queries.a"),
        ({"queries": {"a": {"schema": "Vessel", "name": "X"}}}, "queries.a"),
        ({"queries": {"a": {"name": "X", "colour": "red"}}}, "queries.a.colour"),
        ({"queries": {}}, "queries"),
        ({}, "queries"),
    ],
)
def test_bad_screening_queries_are_422(api, body, field):
    r = api.post("/api/match", json=body)
    assert r.status_code == 422, r.text
    assert r.json()["fields"][0]["field"] == field
    r = api.post("/api/match", json={"queries": {"a": {"name": "X"}}}, params={"threshold": 2})
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "threshold"


def test_openapi_schema_describes_every_endpoint(api):
    schema = api.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    for path in (
        "/api/actors", "/api/actors/{actor_id}", "/api/events", "/api/events/{event_id}",
        "/api/documents", "/api/documents/{document_id}", "/api/network", "/api/path",
        "/api/timeline", "/api/search", "/api/export/{fmt}", "/api/match",
        "/api/documents/upload", "/api/merge", "/api/split", "/api/sources", "/api/status",
    ):
        assert path in paths
    assert not any(p.startswith("/actors") for p in paths)  # pages are not API
    docs = api.get("/api/docs")
    assert docs.status_code == 200 and '<script src="/static/docs.js"' in docs.text
    assert "cdn" not in docs.text.lower()


def test_pages_and_errors_are_html_with_the_csp(api):
    r = api.get("/no/such/page")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert "no such page" in r.text
    r = api.get("/actors/ent-nope")
    assert r.status_code == 404 and "no actor with id" in r.text


def test_every_page_renders_with_no_inline_script_or_style(api):
    """The pages a browser test walks, fetched plainly (so they are checked where Chromium is
    missing too): each 200, each under the CSP, none with a script or style of its own."""
    import re

    nadia = actor_id(api, "Nadia Rahman")
    rally = next(e for e in api.get("/api/events").json()["events"] if e["documents"] == 2)
    pages = [
        "/", "/?q=rahman", f"/actors/{nadia}", f"/actors/{nadia}?type=rally&since=2024-01-01",
        "/events", "/events?country=PK&role=speaker", f"/events/{rally['cluster']}",
        f"/events/{rally['events'][1]}", "/documents", "/documents/karachi-rally", "/api/docs",
    ]
    for path in pages:
        r = api.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert r.headers["content-security-policy"] == CSP
        html = r.text
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html), path
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", html), path
        assert not re.search(r"(src|href)=\"(https?:)?//", html.replace(
            'href="https://harbour-post.example/karachi-rally"', "").replace(
            'href="https://dock-wire.example/march"', "")), path
    blank = api.get(f"/actors/{nadia}", params={"since": "", "type": "", "country": ""})
    assert blank.status_code == 200  # a filter left blank in the form is no filter
    assert api.get(f"/actors/{nadia}", params={"since": "May"}).status_code == 422
