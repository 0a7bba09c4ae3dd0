"""Events read by language from invented reports in the genre."""

import pytest

from footprint.extract.from_doc import extract
from footprint.model import Document

REPORT = (
    "Envoy tours the north\n\n"
    "On March 3, 2024, Yasir Haddad, Hezbollah's envoy in Baghdad, spoke at a large rally in "
    "Lahore organized by Tehreek-e-Nizam, where its chief Tariq Durrani appeared via video link. "
    "According to local media, Durrani said that “the struggle will continue until victory is won.”\n\n"
    "Two weeks later, on March 17, Haddad was in Quetta, speaking at a seminar hosted by the "
    "Quetta Bar Association. Video footage shows Haddad on stage. During the event, Haddad said: "
    "“We thank our brothers in this province for their support.”\n\n"
    "Haddad has addressed rallies and seminars across the country since the bombing on May 1, 2019.\n"
)


@pytest.fixture(scope="module")
def result(nlp):
    doc = Document(id="doc-ev", text=REPORT, path="r.txt", published="2024-04-01")
    return extract(nlp(REPORT), doc)


def _names(result):
    return {e.id: e.name for e in result.entities}


def _story(result):
    return [e for e in result.events if not e.background]


def test_two_dated_gatherings_and_no_generic_ones(result):
    story = _story(result)
    assert [(e.type, e.date.start.isoformat(), e.date.precision) for e in story] == [
        ("rally", "2024-03-03", "day"),
        ("conference", "2024-03-17", "day"),
    ]


def test_roles_modes_and_organiser(result):
    names = _names(result)
    rally = _story(result)[0]
    parts = {names[p.entity]: (p.role, p.mode) for p in rally.participants}
    assert parts["Yasir Haddad"][0] == "speaker"
    assert parts["Tariq Durrani"] == ("speaker", "remote")
    assert parts["Tehreek-e-Nizam"][0] == "organizer"


def test_host_in_person_and_quote_through_anaphora(result):
    names = _names(result)
    seminar = _story(result)[1]
    parts = {names[p.entity]: (p.role, p.mode) for p in seminar.participants}
    assert parts["Yasir Haddad"] == ("speaker", "in_person")
    assert parts["Quetta Bar Association"][0] == "host"
    assert any(
        "brothers in this province" in q.text and names[q.speaker] == "Yasir Haddad"
        for q in seminar.quotes
    )
    assert len(seminar.evidence) >= 2


def test_quote_with_attribution_on_first_event(result):
    rally = _story(result)[0]
    quote = next(q for q in rally.quotes if "struggle will continue" in q.text)
    assert quote.evidence.attribution == "According to local media"


def test_background_violence_is_marked(result):
    background = [e for e in result.events if e.background]
    assert len(background) == 1 and background[0].type == "bombing"
    assert background[0].date.start.isoformat() == "2019-05-01"


def test_event_evidence_points_into_the_text(result):
    for event in result.events:
        for ev in event.evidence:
            assert REPORT[ev.start : ev.end] == ev.text


def test_headline_lists_make_no_events(nlp):
    text = (
        "The budget for the coming year remains under review by the council.\n"
        "See more from this Author\n"
        "Rally in the capital draws thousands\n"
        "Conference on water ends without a deal\n"
    )
    doc = Document(id="d", text=text, path="x.txt", published="2024-01-01")
    assert extract(nlp(text), doc).events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Speaking to the press at a stated place is a media event ...
        (
            "Speaking to journalists at the Karachi Press Club on June 3, 2024, Ahmed Siddiqui said the "
            "union would strike.",
            ["briefing"],
        ),
        (
            "Interior Minister Ahmed Siddiqui told reporters at the airport on June 3, 2024, that talks would resume.",
            ["briefing"],
        ),
        # ... by phone, or with no place, it is not.
        (
            "On June 3, 2024, Interior Minister Ahmed Siddiqui told reporters by phone that talks would resume.",
            [],
        ),
    ],
)
def test_press_at_a_venue_is_a_briefing(nlp, text, expected):
    doc = Document(id="doc-press", text=text, path="p.txt", published="2024-06-05")
    result = extract(nlp(text), doc)
    assert [e.type for e in result.events if e.type == "briefing"] == expected
    for e in result.events:
        if e.type == "briefing":
            assert any(p.role == "speaker" for p in e.participants)


@pytest.mark.parametrize(
    ("text", "who", "role"),
    [
        (
            "A conference of the Westrian Farmers Union opened in Tampere on 4 May 2024, with "
            "speeches by its chairman, Rudolf Rassendyll.",
            "Rudolf Rassendyll",
            "speaker",
        ),
        (
            "Hundreds attended a memorial ceremony in Tampere on 4 May 2024, where Colonel "
            "Rupert Hentzau gave a eulogy.",
            "Rupert Hentzau",
            "speaker",
        ),
        (
            "The union held a seminar in Tampere on 4 May 2024, where Rudolf Rassendyll was the "
            "chief guest.",
            "Rudolf Rassendyll",
            "guest",
        ),
    ],
)
def test_speeches_by_someone_and_the_chief_guest(nlp, text, who, role):
    doc = Document(id="doc-role", text=text, path="r.txt", published="2024-05-10")
    found = extract(nlp(text), doc)
    names = _names(found)
    (event,) = _story(found)
    assert (who, role) in {(names[p.entity], p.role) for p in event.participants}


@pytest.mark.parametrize(
    "text",
    [
        "In a recorded video message played at a rally in Tampere on 4 May 2024, Rudolf "
        "Rassendyll urged his supporters to vote.",
        "By telephone from abroad, Rudolf Rassendyll addressed a rally in Tampere on 4 May 2024.",
    ],
)
def test_a_mode_said_before_the_speaker(nlp, text):
    doc = Document(id="doc-mode", text=text, path="r.txt", published="2024-05-10")
    found = extract(nlp(text), doc)
    names = _names(found)
    (event,) = _story(found)
    modes = {names[p.entity]: p.mode for p in event.participants}
    assert modes["Rudolf Rassendyll"] == "remote"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Rudolf Rassendyll was the speaker of the assembly when its session opened in "
            "Tampere on 4 May 2024.",
            "Rudolf Rassendyll",
        ),
        (
            "Rudolf Rassendyll was the only speaker who skipped the rally in Tampere on "
            "4 May 2024.",
            "Rudolf Rassendyll",
        ),
        (
            "A book of speeches by Rudolf Rassendyll was burned at a rally in Tampere on "
            "4 May 2024.",
            "Rudolf Rassendyll",
        ),
    ],
)
def test_an_office_a_habit_or_a_book_makes_no_speaker_or_guest(nlp, text, who):
    doc = Document(id="doc-role", text=text, path="r.txt", published="2024-05-10")
    found = extract(nlp(text), doc)
    names = _names(found)
    roles = {(names[p.entity], p.role) for e in _story(found) for p in e.participants}
    assert (who, "speaker") not in roles and (who, "guest") not in roles


@pytest.mark.parametrize(
    "text",
    [
        "Online, critics mocked the speech Rudolf Rassendyll gave at a rally in Tampere on "
        "4 May 2024.",
        "In a video message, the police said Rudolf Rassendyll led a protest in Tampere on "
        "4 May 2024.",
    ],
)
def test_an_opening_mode_is_only_the_main_subjects(nlp, text):
    doc = Document(id="doc-mode", text=text, path="r.txt", published="2024-05-10")
    found = extract(nlp(text), doc)
    names = _names(found)
    modes = {names[p.entity]: p.mode for e in _story(found) for p in e.participants}
    assert modes.get("Rudolf Rassendyll") != "remote"
