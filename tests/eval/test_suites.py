"""The suite scorers on small hand-made inputs, and the pinned baseline's shape."""

import datetime as dt
import json

from footprint.analysis.main_event import MainEvent
from footprint.evaluation import SUITES
from footprint.evaluation.fivew import score_article
from footprint.evaluation.sample import score
from footprint.evaluation.scoring import Score
from footprint.model import (
    Document,
    DocumentResult,
    Entity,
    Event,
    Evidence,
    Mention,
    Participation,
)
from footprint.time import TimeSpan
from tests.conftest import ROOT

D = dt.date


def test_fivew_answers_right_wrong_and_missing():
    scores = {q: Score() for q in ("who", "when", "where")}
    gold = {
        "who": [{"text": "Mayor John Smith"}],
        "when": [{"text": "on Tuesday", "parsed": "2016-11-08"}],
        "where": [{"text": "in Springfield"}],
    }
    answer = MainEvent(
        who=["John Smith"],
        when=TimeSpan(D(2016, 11, 8), D(2016, 11, 8), "day", "Tuesday"),
        where="Shelbyville",
        event=None,
    )
    score_article(answer, gold, scores, "doc")
    assert (scores["who"].tp, scores["when"].tp, scores["where"].fp) == (1, 1, 1)
    empty = MainEvent(who=[], when=None, where=None, event=None)
    score_article(empty, gold, scores, "doc2")
    assert scores["who"].fn == 1 and scores["who"].fp == 0


def test_fivew_question_without_gold_is_not_scored():
    scores = {q: Score() for q in ("who", "when", "where")}
    answer = MainEvent(who=["Someone"], when=None, where="Somewhere", event=None)
    score_article(answer, {"who": [], "when": [], "where": []}, scores, "doc")
    assert all(s.tp + s.fp + s.fn == 0 for s in scores.values())


def _ev(start=0):
    return Evidence("d", start, start + 1, "x", "x")


def test_sample_scorer_matches_events_by_window_and_city():
    people = Entity("p1", "person", "Omar Rahimi", mentions=[])
    result = DocumentResult(
        document=Document(id="d", text="", path="x"),
        entities=[people],
        relations=[],
        events=[
            Event(
                "e1",
                "rally",
                "rally",
                False,
                TimeSpan(D(2024, 3, 3), D(2024, 3, 3), "day", "x"),
                None,
                participants=[Participation("p1", "speaker", "remote", _ev())],
                evidence=[_ev()],
            ),
            Event("e2", "attack", "attack", True, None, None, evidence=[_ev(5)]),
        ],
    )
    gold = {
        "entities": {"person": ["Omar Rahimi"], "organization": []},
        "affiliations": [],
        "events": [
            {
                "date": ["2024-03-01", "2024-03-10"],
                "city": None,
                "background": False,
                "participants": [["Omar Rahimi", "speaker", "remote"]],
            },
            {
                "date": ["2019-05-01", "2019-05-01"],
                "city": None,
                "background": True,
                "participants": [],
            },
        ],
    }
    scores = score(result, gold)
    assert (scores["events"].tp, scores["events"].fp, scores["events"].fn) == (1, 1, 1)
    assert scores["event_dates"].fn == 1  # a day inside the window is not the window
    assert scores["modes"].f1 == 1.0 and scores["persons"].f1 == 1.0


def test_baseline_names_real_suites_and_fields():
    baseline = json.loads((ROOT / "tests" / "eval" / "baseline.json").read_text("utf-8"))
    for suite, floors in baseline.items():
        if suite.startswith("_"):
            continue
        assert suite in SUITES
        assert all(0.0 <= float(v) <= 1.0 for v in floors.values())


def test_main_event_answers_where_as_the_text_writes_it():
    from footprint.analysis.main_event import main_event
    from footprint.place.model import Place

    text = "A bomb exploded in Mazar-i-Sharif."
    ev = Evidence("d", 0, len(text), text, text)
    city = Entity(
        "c",
        "place",
        "Mazar-i-Sharif",
        mentions=[
            Mention(
                "Mazar-i-Sharif",
                "place",
                Evidence("d", 19, 33, "Mazar-i-Sharif", text),
                "Mazar-i-Sharif",
            )
        ],
    )
    place = Place("Mazār-e Sharīf", "AF", "Balkh", 36.7, 67.1, "geonames:1", "city")
    event = Event("e", "bombing", "bombing", False, None, place, evidence=[ev])
    result = DocumentResult(Document(id="d", text=text, path="x"), [city], [], events=[event])
    assert main_event(result).where == "Mazar-i-Sharif"
