"""The host state's part of a profile (analysis/state.py): texts written for these tests, with
invented names."""

import json

import pytest
from rich.console import Console

from footprint.analysis.profile import profile
from footprint.analysis.state import body_word, state_office
from footprint.export.terminal_profile import render_profile
from footprint.pipeline.corpus import ingest_corpus
from footprint.settings import Settings
from footprint.store import open_store

ORG = "Free Harbour Union"

NOTES = [
    {
        "id": "state-feted",
        "published": "2024-03-01",
        "text": "On February 12, 2024, the Provincial Assembly of Punjab feted the Free Harbour "
        "Union in Lahore.",
    },
    {
        "id": "state-minister",
        "published": "2024-04-02",
        "text": "On March 30, 2024, Interior Minister Tariq Zaman spoke at a rally organised by "
        "the Free Harbour Union in Multan.",
    },
    {
        "id": "non-state",
        "published": "2024-05-02",
        "text": "On April 28, 2024, the Harbour Students Federation and the Free Harbour Union "
        "held a seminar in Quetta.",
    },
]


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("Provincial Assembly of Punjab", "provincial assembly"),
        ("Ministry of Religious Affairs", "ministry"),
        ("Punjab Police", "police"),
        ("Kachin Independence Army", None),  # armed groups call themselves armies
        ("Islamic State", None),
        ("Karachi Press Club", None),
    ],
)
def test_a_state_body_is_known_by_the_words_of_its_name(name, word):
    assert body_word(name) == word


def test_a_state_office_is_a_title_of_one():
    assert state_office(["Senator"]) == "Senator"
    assert state_office(["Maulana", "President"]) is None  # parties have presidents too


@pytest.fixture(scope="module")
def state_profile(tmp_path_factory, shared_db_target):
    folder = tmp_path_factory.mktemp("state")
    notes = folder / "notes.jsonl"
    notes.write_text("\n".join(json.dumps(n) for n in NOTES) + "\n", encoding="utf-8")
    path = shared_db_target(folder / "fp.db")
    store = open_store(path)
    try:
        ingest_corpus([notes], Settings.from_env({}).with_db(path), store)
        return profile(store, ORG)
    finally:
        store.close()


def test_state_actors_at_the_organisations_occasions_with_their_evidence(state_profile):
    state = state_profile["host_state"]
    seen = {
        a["name"]: (a["kind"], a["roles"], a["evidence"]["sentence"])
        for o in state["occasions"]
        for a in o["state_actors"]
    }
    kind, roles, sentence = seen["Provincial Assembly of Punjab"]
    assert kind == "state body" and "host" in roles and "feted" in sentence
    minister = next(v for k, v in seen.items() if k.endswith("Tariq Zaman"))
    assert minister[0] == "office holder"
    assert not any("Students Federation" in name for name in seen)
    counts = state["counts"]
    assert counts["with_state_actors"] == 2 and counts["hosted_by_state_actors"] == 1
    assert counts["occasions"] == len(state_profile["itinerary"])


def test_the_terminal_profile_shows_the_states_part(state_profile):
    console = Console(width=200, record=True)
    for part in render_profile(state_profile):
        console.print(part)
    text = console.export_text()
    assert "The state's part: 2 of" in text and "state body: its name says" in text


def test_first_and_latest_appearance(state_profile):
    span = state_profile["span"]
    assert span["first"]["date"]["start"] == "2024-02-12"
    assert span["latest"]["date"]["start"] == "2024-04-28"
    assert span["undated"] == 0


@pytest.mark.store
def test_readings_are_remembered_only_until_the_store_changes(db_target, analyse):
    # A server asks about the same partners on every page; a new document can change a reading.
    from footprint.analysis.state import classify

    store = open_store(db_target())
    try:
        first = analyse("On May 3, 2024, Tariq Zaman spoke at a rally in Multan.", doc_id="a")
        store.write(first)
        (person,) = [e.id for e in first.entities if e.name == "Tariq Zaman"]
        assert classify(store, [person]) == {}
        store.write(
            analyse(
                "On May 9, 2024, Interior Minister Tariq Zaman visited Quetta.", doc_id="b"
            )
        )
        reading = classify(store, [person])[person]
        assert "minister" in reading.reason.lower()
    finally:
        store.close()


@pytest.mark.store
def test_a_reading_is_read_again_only_when_a_document_names_its_entity(
    db_target, analyse, monkeypatch
):
    from footprint.analysis import state

    store = open_store(db_target())
    try:
        first = analyse("On May 3, 2024, Tariq Zaman spoke at a rally in Multan.", doc_id="a")
        store.write(first)
        (person,) = [e.id for e in first.entities if e.name == "Tariq Zaman"]
        read: list[list[str]] = []
        real = state._classify
        monkeypatch.setattr(
            state, "_classify", lambda s, ids: read.append(list(ids)) or real(s, ids)
        )
        assert state.classify(store, [person]) == {}
        # Another actor's document moves the store on, not this reading.
        store.write(analyse("On May 5, 2024, Sana Mir addressed a rally in Quetta.", doc_id="c"))
        assert state.classify(store, [person]) == {}
        assert read == [[person]]
        store.write(
            analyse("On May 9, 2024, Interior Minister Tariq Zaman visited Quetta.", doc_id="b")
        )
        assert "minister" in state.classify(store, [person])[person].reason.lower()
        assert read == [[person], [person]]
    finally:
        store.close()
