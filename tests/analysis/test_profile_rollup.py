"""An organisation's profile through its people: texts written for these tests, with invented
names. Each report ties a person (or a front) to the Free Harbour Union and puts them at an
occasion; the profile must count the occasion only while the tie held, and say through whom."""

import dataclasses
import datetime as dt
import json

import pytest
from rich.console import Console
from typer.testing import CliRunner

from footprint.analysis.profile import country_code, judge, profile, read_tie, tenure_of
from footprint.cli import app
from footprint.errors import FootprintError
from footprint.export.terminal_profile import render_profile
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store
from footprint.store.actors import TieRow

runner = CliRunner()
ORG = "Free Harbour Union"

NOTES = [
    {
        "id": "fhu-envoy",
        "published": "2024-03-01",
        "text": "Tomas Verlaine is the special representative of the Free Harbour Union in "
        "Portugal. On February 12, 2024, Verlaine spoke at a rally in Porto, according to "
        "organisers. The Free Harbour Union held a conference in Lisbon on March 3, 2024, where "
        "Verlaine also spoke.",
    },
    {
        "id": "fhu-ended",
        "published": "2023-06-01",
        "text": "Peter Lindqvist was the leader of the Free Harbour Union until 2019. On May 5, "
        "2023, Lindqvist spoke at a rally in Braga.",
    },
    {
        "id": "fhu-front",
        "published": "2024-02-01",
        "text": "The Harbour Relief Trust, a front for the Free Harbour Union, organised a "
        "protest in Faro on January 20, 2024. Ines Moreau, a former leader of the Free Harbour "
        "Union, addressed a march in Coimbra on June 9, 2023.",
    },
    {
        "id": "fhu-past",
        "published": "2024-04-01",
        "text": "Clara Jensen, a former chairwoman of the Free Harbour Union, now teaches in Oslo. "
        "On October 2, 2022, Jensen addressed a meeting in Aveiro. On April 2, 2021, "
        "then-Free Harbour Union leader Karl Brandt addressed a rally in Setubal.",
    },
    {
        "id": "fhu-retired",
        "published": "2022-01-10",
        "text": "Olaf Berg, a former spokesman for the Free Harbour Union, has retired to Bergen.",
    },
    {
        "id": "fhu-later",
        "published": "2023-03-05",
        "text": "On March 3, 2023, Olaf Berg spoke at a rally in Evora.",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory, shared_db_target):
    folder = tmp_path_factory.mktemp("rollup")
    notes = folder / "notes.jsonl"
    notes.write_text("\n".join(json.dumps(n) for n in NOTES) + "\n", encoding="utf-8")
    path = shared_db_target(folder / "fp.db")
    store = open_store(path)
    ingest_corpus([notes], Settings.from_env({}).with_db(path), store)
    store.close()
    return path


@pytest.fixture(scope="module")
def rolled(db):
    store = open_store(db)
    try:
        return profile(store, ORG)
    finally:
        store.close()


@pytest.fixture(scope="module")
def direct(db):
    store = open_store(db)
    try:
        return profile(store, ORG, direct=True)
    finally:
        store.close()


def _stop(p, label_start):
    found = [s for s in p["itinerary"] if s["label"].startswith(label_start)]
    return found[0] if found else None


def _tie(p, name):
    (found,) = [t for t in p["ties"] if t["name"] == name]
    return found


def test_a_representatives_rally_is_the_organisations_with_via(rolled):
    rally = _stop(rolled, "rally in Porto")
    assert rally is not None and rally["date"]["start"] == "2024-02-12"
    via = rally["via"]
    assert via["name"] == "Tomas Verlaine" and via["tie"] == "person"
    assert (via["predicate"], via["role"]) == ("represents", "special representative")
    assert via["doubt"] is None and via["past"] is None
    # The tie's own evidence, with its offsets, beside the occasion's.
    ev = via["evidence"]
    assert ev["document"] == "fhu-envoy" and "special representative" in ev["sentence"]
    assert ev["text"] in ev["sentence"] and ev["end"] - ev["start"] == len(ev["text"])
    assert rally["evidence"][0]["sentence"].startswith("On February 12, 2024, Verlaine spoke")
    assert rolled["scope"] == "via people"


def test_direct_gives_the_organisations_own_occasions_only(rolled, direct):
    assert direct["scope"] == "direct"
    assert [s["label"] for s in direct["itinerary"]] == ["conference in Lisbon"]
    assert all(s["via"] is None for s in direct["itinerary"])
    assert direct["ties"] == [] and direct["front_itinerary"] == []
    own = _stop(rolled, "conference in Lisbon")
    assert own is not None and own["via"] is None
    assert rolled["counts"]["direct"] == 1
    assert rolled["counts"]["via_people"] == len(rolled["itinerary"]) - 1 > 0


def test_aggregates_are_over_the_rolled_up_itinerary(rolled, direct):
    places = {p["name"] for p in rolled["places"]["by_place"]}
    assert {"Porto", "Lisbon"} <= places
    assert {p["name"] for p in direct["places"]["by_place"]} == {"Lisbon"}
    assert sum(x["events"] for x in rolled["by_period"]) == len(rolled["itinerary"])
    # Its representative speaking at its own conference is the organisation there, not a
    # partner of it; the direct answer keeps today's reading.
    assert "Tomas Verlaine" not in {p["name"] for p in rolled["partners"]}
    assert "Tomas Verlaine" in {p["name"] for p in direct["partners"]}


def test_a_role_that_ended_before_the_occasion_does_not_roll_it_up(rolled):
    assert _stop(rolled, "rally in Braga") is None
    (left,) = _tie(rolled, "Peter Lindqvist")["left_out"]
    assert left["label"] == "rally in Braga" and "until 2019" in left["reason"]


def test_a_former_role_at_the_occasion_itself_is_left_out(rolled):
    assert _stop(rolled, "march in Coimbra") is None
    (left,) = _tie(rolled, "Ines Moreau")["left_out"]
    assert "former" in left["reason"]


def test_a_past_role_stated_before_a_later_occasion_is_left_out(rolled):
    assert _stop(rolled, "rally in Évora") is None and _stop(rolled, "rally in Evora") is None
    (left,) = _tie(rolled, "Olaf Berg")["left_out"]
    assert "2022-01-10" in left["reason"]


def test_a_then_role_in_the_occasions_own_sentence_holds_there(rolled):
    rally = _stop(rolled, "rally in Set")
    assert rally is not None
    assert rally["via"]["name"] == "Karl Brandt" and rally["via"]["past"] == "then"
    assert rally["via"]["doubt"] is None


def test_a_past_role_of_unknown_end_counts_with_its_doubt(rolled):
    meeting = _stop(rolled, "meeting in Aveiro")
    assert meeting is not None
    assert meeting["via"]["past"] == "former" and "does not say when" in meeting["via"]["doubt"]
    assert _tie(rolled, "Clara Jensen")["doubtful"] == [meeting["event"]]


def test_a_claimed_front_is_labelled_and_kept_apart(rolled):
    assert _stop(rolled, "protest in Faro") is None
    (protest,) = rolled["front_itinerary"]
    assert protest["label"] == "protest in Faro"
    assert protest["via"]["tie"] == "claimed front" and protest["via"]["predicate"] == "front_of"
    assert protest["via"]["name"] == "Harbour Relief Trust"
    assert rolled["counts"]["via_claimed_fronts"] == 1
    assert "Faro" not in {p["name"] for p in rolled["places"]["by_place"]}


def test_the_country_filter_takes_a_name_or_a_code(db):
    store = open_store(db)
    try:
        by_name = profile(store, ORG, country="Portugal")
        assert by_name == profile(store, ORG, country="pt")
        assert by_name["filters"]["country"] == "PT" and by_name["itinerary"]
        assert profile(store, ORG, country="Norway")["itinerary"] == []
        with pytest.raises(FootprintError, match="unknown country 'Narnia'"):
            profile(store, ORG, country="Narnia")
    finally:
        store.close()


def test_the_terminal_shows_through_whom(rolled):
    console = Console(record=True, width=400)
    for r in render_profile(rolled):
        console.print(r)
    shown = console.export_text()
    assert "via Tomas Verlaine — special representative" in shown
    assert "via Harbour Relief Trust — claimed front (front)" in shown
    assert "not counted: rally in Braga" in shown


def test_cli_direct_and_country(db):
    both = {}
    for flag in ([], ["--direct"]):
        result = runner.invoke(
            app, ["profile", ORG, "--db", str(db), "--country", "Portugal", "--json", "-", *flag]
        )
        assert result.exit_code == 0, result.output
        both[bool(flag)] = json.loads(result.stdout)
    assert both[True]["scope"] == "direct" and both[False]["scope"] == "via people"
    assert len(both[False]["itinerary"]) > len(both[True]["itinerary"])
    bad = runner.invoke(app, ["profile", ORG, "--db", str(db), "--country", "Narnia"])
    assert bad.exit_code == 2
    assert "unknown country 'Narnia'" in bad.output and len(bad.output.strip().splitlines()) == 1


def test_ties_to_reads_the_relations_with_the_org_as_object(db):
    store = open_store(db)
    try:
        (org,) = store.entity_ids_named(ORG)
        ties = store.ties_to([org], ["represents", "front_of"])
        assert {(t.subject_name, t.predicate) for t in ties} == {
            ("Tomas Verlaine", "represents"),
            ("Olaf Berg", "represents"),
            ("Harbour Relief Trust", "front_of"),
        }
        assert {t.published for t in ties if t.subject_name == "Olaf Berg"} == {"2022-01-10"}
        assert store.ties_to([org], []) == []
    finally:
        store.close()


# -- the pieces, on plain strings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "start", "end"),
    [
        (
            "Ana Ruiz, head of the Guild until 2019, spoke.",
            "Ana Ruiz, head of the Guild",
            None,
            "2019-12-31",
        ),
        (
            "Ana Ruiz, envoy of the Guild since March 2021, spoke.",
            "Ana Ruiz, envoy of the Guild",
            "2021-03-01",
            None,
        ),
        (
            "Ana Ruiz, head of the Guild (2010-2019), spoke.",
            "Ana Ruiz, head of the Guild",
            "2010-01-01",
            "2019-12-31",
        ),
        (
            "Ana Ruiz was head of the Guild until 2019 when she retired.",
            "Ana Ruiz was head of the Guild",
            None,
            "2019-12-31",
        ),
        (
            "Ana Ruiz was head of the Guild until last year.",
            "Ana Ruiz was head of the Guild",
            None,
            "2023-12-31",
        ),
    ],
)
def test_tenure_is_read_from_the_words_after_the_role(sentence, text, start, end):
    span = tenure_of(sentence, text, dt.date(2024, 6, 1))
    assert span is not None
    assert (span.start and span.start.isoformat(), span.end and span.end.isoformat()) == (
        start,
        end,
    )


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Ana Ruiz, envoy of the Guild to Portugal, spoke.", "Ana Ruiz, envoy of the Guild"),
        ("Ana Ruiz, head of the Guild (GLD), spoke.", "Ana Ruiz, head of the Guild"),
        ("Ana Ruiz, head of the Guild from Porto, spoke.", "Ana Ruiz, head of the Guild"),
        ("Ana Ruiz, head of the Guild, spoke until 2019.", "Ana Ruiz, head of the Guild"),
    ],
)
def test_no_tenure_where_the_words_after_the_role_give_no_time(sentence, text):
    assert tenure_of(sentence, text, dt.date(2024, 6, 1)) is None


def _when(start, end, precision="day"):
    return {"start": start, "end": end, "precision": precision, "text": start}


def test_a_tenure_decides_by_the_occasions_dates():

    row = TieRow(
        id="rel-x",
        document_id="d",
        subject_id="p",
        predicate="leader_of",
        object_id="o",
        role="head",
        qualifiers="{}",
        start=0,
        end=27,
        text="Ana Ruiz, head of the Guild",
        sentence="Ana Ruiz, head of the Guild from 2010 to 2019, spoke.",
        attribution=None,
        extractor="t",
        subject_name="Ana Ruiz",
        subject_type="person",
        published="2024-01-01",
    )
    tie = read_tie(row, "p")
    assert tie.tenure is not None and tie.tenure.text == "from 2010 to 2019"
    assert judge(tie, _when("2015-05-01", "2015-05-01"), set())[0] == "holds"
    assert judge(tie, _when("2020-05-01", "2020-05-01"), set())[0] == "ended"
    assert judge(tie, _when("2009-05-01", "2009-05-01"), set())[0] == "ended"
    assert judge(tie, _when("2019-01-01", "2020-12-31", "year"), set())[0] == "doubtful"
    assert judge(tie, None, set())[0] == "doubtful"
    current = dataclasses.replace(tie, tenure=None)
    assert judge(current, None, set()) == ("holds", None)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("PK", "PK"),
        ("pk", "PK"),
        ("PAK", "PK"),
        ("Pakistan", "PK"),
        ("the UK", "GB"),
        ("United Kingdom", "GB"),
        ("Côte d'Ivoire", "CI"),
        ("Burma", "MM"),
    ],
)
def test_country_codes_from_codes_and_names(written, code):
    assert country_code(written) == code


def test_country_errors_say_what_to_give():
    with pytest.raises(FootprintError, match="unknown country 'Narnia': give an ISO code"):
        country_code("Narnia")
    with pytest.raises(FootprintError, match="did you mean: Pakistan"):
        country_code("Pakistn")
    with pytest.raises(FootprintError, match="ambiguous: CD .* or CG"):
        country_code("Congo")


def test_the_timeline_rolls_up_the_same_way(db, rolled):
    from footprint.analysis.timeline import timeline

    store = open_store(db)
    try:
        via_people = timeline(store, ORG)
        direct = timeline(store, ORG, direct=True)
    finally:
        store.close()
    assert via_people["scope"] == "via people" and direct["scope"] == "direct"
    rolled_events = {s["event"] for s in rolled["itinerary"]}
    assert {r["cluster"] for r in via_people["events"]} == rolled_events
    porto = next(r for r in via_people["events"] if "Porto" in r["label"])
    assert porto["via"]["name"].endswith("Verlaine")
    assert all(r["via"] is None for r in direct["events"])
    assert len(direct["events"]) < len(via_people["events"])
