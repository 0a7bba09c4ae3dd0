"""Accidents: a vehicle's mishap is an event whose parties are its victims, never an attack,
and a mishap verb said of anything else is no event."""

import datetime as dt

import pytest

from footprint.analysis.main_event import main_event
from footprint.extract.from_doc import extract
from footprint.model import Document
from footprint.place import Geocoder


def _read(nlp, text, published="2015-03-05"):
    doc = Document(id="a", text=text, path="a.txt", published=published)
    return extract(nlp(text), doc, geocoder=Geocoder())


def _story(result):
    return [e for e in result.events if not e.background]


def test_a_derailment_is_the_lead_with_its_victims_date_and_place(nlp):
    text = (
        "At least seven people were killed when a tram derailed and overturned in Leeds on "
        "Wednesday morning. More than 50 passengers were taken to hospital."
    )
    (event,) = _story(_read(nlp, text))
    assert event.type == "accident"
    assert event.date.start == event.date.end == dt.date(2015, 3, 4)
    assert event.place.name == "Leeds" and event.place.country == "GB"
    assert [(p.text, p.role) for p in event.parties] == [("At least seven people", "victim")]
    victims = event.parties[0]
    assert text[victims.evidence.start : victims.evidence.end] == "At least seven people"
    assert event.casualties.killed == 7
    assert not [p for p in event.participants if p.role == "perpetrator"]


@pytest.mark.parametrize(
    "text",
    [
        # the parser leaves "crashed" without its subject across the aside
        "Six people have been killed and 20 hurt after a coach, said to be speeding in "
        "heavy rain, crashed in Leeds.",
        # "a bus overturned" hangs on "bus" as a clause of its own
        "Four people are dead after a bus overturned in Leeds.",
        "A ferry capsized near Leeds, and four passengers were injured.",
        "The train jumped the rails near Leeds.",
        "The goods train came off the tracks near Leeds on Monday.",
        "Three people were hurt in a road accident in Leeds.",
        "A tram crash in Leeds left two people injured.",
        "Ten people died in a stampede at a rally in Leeds.",  # the rally is only where
        "Five people died on a bus that overturned near Leeds.",
    ],
)
def test_accidents_as_reports_tell_them(nlp, text):
    assert [e.type for e in _story(_read(nlp, text))] == ["accident"]


@pytest.mark.parametrize(
    "text",
    [
        "The court overturned the ruling in Leeds.",
        "The talks derailed in Leeds after the minister walked out.",
        "The stock market crash hit traders in Leeds.",
        "He broke the window by accident in Leeds.",
        "The financial crash hit traders in Leeds.",
        "The rupee's crash worried traders in Leeds.",
        "A stampede of foreign investors left the market in Leeds.",
        "It was no accident that the minister resigned in Leeds.",
        "On 4 March, the seized trucks were turned over to customs officials in Leeds.",
        "Two people were injured in a collision between police and farmers in Leeds.",
        "They overturned a car in Leeds.",
    ],
)
def test_a_mishap_word_said_of_no_vehicle_is_no_accident(nlp, text):
    # ("the talks" are a meeting of their own)
    assert "accident" not in [e.type for e in _read(nlp, text).events]


def test_someone_overturning_a_vehicle_is_not_an_accident(nlp):
    text = "Protesters overturned a police van in Leeds on Monday."
    assert "accident" not in [e.type for e in _story(_read(nlp, text))]


def test_violence_outranks_the_accident_it_caused(nlp):
    text = "Gunmen opened fire on a bus near Leeds on Monday, and it overturned."
    assert [e.type for e in _story(_read(nlp, text))][:1] == ["attack"]
    text = "The train derailed after rebels blew up the tracks near Leeds, killing 148 people."
    assert [e.type for e in _story(_read(nlp, text))] == ["bombing"]


@pytest.mark.parametrize(
    "text",
    [
        "The crash killed 12 people in Leeds on Sunday.",
        "A road accident killed 12 people in Leeds on Sunday.",
        # the parser makes "12" the subject of "injured": a number did nothing
        "Three were killed and 12 injured when a coach overturned near Leeds.",
    ],
)
def test_an_accident_that_kills_did_no_attack(nlp, text):
    assert [e.type for e in _story(_read(nlp, text))] == ["accident"]


def test_violence_told_after_an_accident_is_another_event(nlp):
    text = (
        "A passenger bus plunged into a gorge near Leeds, killing 20. Hours later, gunmen "
        "ambushed a police patrol in the same district, killing five policemen."
    )
    accident, attack = _story(_read(nlp, text))
    assert (accident.type, accident.casualties.killed) == ("accident", 20)
    assert (attack.type, attack.casualties.killed) == ("attack", 5)
    assert not [p for p in accident.parties if p.role == "perpetrator"]
    assert attack.date.precision == "reported"


def test_who_of_an_accident_lead_is_its_victims_not_who_spoke(nlp):
    text = (
        "At least seven people were killed when a tram derailed in Leeds. "
        'Inspector Olaf Brenner of the city police said: "It was a terrible crash."'
    )
    answer = main_event(_read(nlp, text))
    assert answer.event.type == "accident"
    assert answer.who[0] == "At least seven people"
    attack = "Gunmen killed two guards at a checkpoint in Leeds. Three people were injured."
    assert main_event(_read(nlp, attack)).who == ["Gunmen"]
    # an accident without victims: whoever told of it did not do it
    told = "A bus overturned in Leeds on Monday, the county police said."
    assert main_event(_read(nlp, told)).who == []
    # a bare number says how many, not who; named people's members stand for them
    for text in (
        "A boat capsized off Leeds on Monday, killing 12.",
        "Two members of the Ruritanian Army were killed when their helicopter crashed in Leeds.",
    ):
        (event,) = _story(_read(nlp, text))
        assert event.type == "accident" and event.parties == [] and event.casualties.killed
