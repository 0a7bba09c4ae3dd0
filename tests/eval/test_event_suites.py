"""The acled / gtd suite rules on hand-made rows and results: no pipeline, no dataset."""

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from footprint.evaluation import SUITES, events
from footprint.evaluation.events import Row, name_forms, sample, score_row
from footprint.evaluation.runner import Context
from footprint.model import Document, DocumentResult, Entity, Event, Evidence, Participation
from footprint.place import Place
from footprint.settings import Settings
from footprint.time import TimeSpan

D = dt.date
DAY = D(2015, 4, 9)
TOWN = (26.10, 85.40)  # the coded point


def _ev() -> Evidence:
    return Evidence("d", 0, 1, "x", "x")


def _place(lat: float, lon: float) -> Place:
    return Place(
        name="Sometown",
        country="IN",
        admin1=None,
        lat=lat,
        lon=lon,
        gazetteer_id="geonames:1",
        precision="city",
    )


def _event(type_="protest", start=DAY, end=DAY, place=None, background=False, participants=()):
    date = None
    if start is not None or end is not None:
        date = TimeSpan(start=start, end=end, precision="day", text="Thursday")
    return Event(
        id="e-" + type_,
        type=type_,
        label=type_,
        background=background,
        date=date,
        place=place,
        participants=list(participants),
    )


def _result(events_=(), entities=()) -> DocumentResult:
    return DocumentResult(
        document=Document(id="d", text="", path="x"),
        entities=list(entities),
        relations=[],
        events=list(events_),
    )


def _row(**kw) -> Row:
    base = dict(
        id="r1",
        text="Farmers of the Kisan Sabha blocked the road at Sometown on Thursday.",
        day=DAY,
        country="India",
        kind="Riots/Protests",
        family="protest",
        place="Sometown",
        point=TOWN,
    )
    base.update(kw)
    return Row(**base)


def _field(checks, name):
    return [c for c in checks if c.field == name]


# --- families --------------------------------------------------------------------------------


def test_acled_event_types_map_to_families():
    assert events.acled_family("Riots/Protests") == "protest"
    assert events.acled_family("Battle-No change of territory") == "violent"
    assert events.acled_family("Violence Against Civilians") == "violent"
    assert events.acled_family("Remote violence") == "violent"
    assert events.acled_family("Strategic development") is None


def test_scored_event_is_the_first_of_the_family_and_not_background():
    background = _event("protest", background=True)
    meeting = _event("meeting")
    attack = _event("attack")
    rally = _event("rally", start=D(2015, 4, 8), end=D(2015, 4, 8))
    result = _result([background, meeting, attack, rally])
    assert events.scored_event(result, "protest") is rally
    assert events.scored_event(result, "violent") is attack
    assert events.scored_event(result, None) is meeting  # no family: any non-background event
    # A protest row whose document has only a violent event has no event of its family.
    checks = score_row(_row(), _result([attack]))
    assert [c.right for c in _field(checks, "event")] == [False]
    assert _field(checks, "date")[0].right is False  # no scored event: the date is wrong too


# --- date and place ----------------------------------------------------------------------------


def test_date_window_must_hold_the_day_and_span_at_most_seven_days():
    one_day = score_row(_row(), _result([_event()]))
    assert _field(one_day, "date")[0].right
    week = score_row(_row(), _result([_event(start=D(2015, 4, 3), end=D(2015, 4, 9))]))
    assert _field(week, "date")[0].right
    eight = score_row(_row(), _result([_event(start=D(2015, 4, 2), end=D(2015, 4, 9))]))
    assert not _field(eight, "date")[0].right
    open_end = score_row(_row(), _result([_event(start=D(2015, 4, 9), end=None)]))
    assert not _field(open_end, "date")[0].right
    wrong_day = score_row(_row(), _result([_event(start=D(2015, 4, 10), end=D(2015, 4, 10))]))
    assert not _field(wrong_day, "date")[0].right


def test_place_within_25_km_of_the_coded_point():
    near = _place(TOWN[0] + 0.1, TOWN[1])  # about 11 km north
    far = _place(TOWN[0] + 0.3, TOWN[1])  # about 33 km north
    assert _field(score_row(_row(), _result([_event(place=near)])), "place")[0].right
    miss = _field(score_row(_row(), _result([_event(place=far)])), "place")[0]
    assert not miss.right and miss.answered and "33 km" in miss.found
    none = _field(score_row(_row(), _result([_event()])), "place")[0]
    assert not none.right and not none.answered
    # Rows not coded at the town itself score no place.
    assert _field(score_row(_row(point=None), _result([_event(place=near)])), "place") == []


# --- actors ------------------------------------------------------------------------------------


def test_actor_forms():
    assert name_forms("CPI (Maoist): Communist Party of India (Maoist)") == [
        "CPI (Maoist): Communist Party of India (Maoist)",
        "CPI (Maoist)",
        "Communist Party of India (Maoist)",
    ]
    assert name_forms("Protesters (India)") == ["Protesters"]
    assert name_forms("Kisan Sabha (India)") == ["Kisan Sabha"]
    assert name_forms("Sea Tigers Front (STF)") == ["Sea Tigers Front (STF)", "STF"]
    assert name_forms("Sea Tigers Front (STF)", strip_brackets=True) == [
        "Sea Tigers Front (STF)",
        "STF",
        "Sea Tigers Front",
    ]
    assert events.is_generic("Protesters (India)")
    assert events.is_generic("Police Forces of India")
    assert not events.is_generic("CPI (Maoist): Communist Party of India (Maoist)")


def test_actors_scored_when_mentioned_named_and_not_generic():
    row = _row(
        text="Cadres of the CPI (Maoist) torched a tower; police and the Hill Union watched.",
        actors=(
            "CPI (Maoist): Communist Party of India (Maoist)",
            "Police Forces of India",  # generic
            "Protesters (India)",  # generic
            "Valley Traders Association",  # not in the text
            "Hill Union",
        ),
    )
    ours = [
        Entity("o1", "organization", "CPI (Maoist)"),
        Entity("o2", "place", "Hill Union"),  # a place is not an actor
    ]
    checks = _field(score_row(row, _result([_event()], ours)), "actors")
    assert [(c.gold, c.right) for c in checks] == [
        ("CPI (Maoist): Communist Party of India (Maoist)", True),
        ("Hill Union", False),
    ]


def test_name_matching_is_by_whole_words():
    assert events.same_name("the Hill Union", "Hill Union")
    assert events.same_name("Hill Union activists", "Hill Union")
    assert events.same_name("Traders Association", "Valley Traders Association")
    assert not events.same_name("Union", "Hill Union")  # one word of ours is too little
    assert not events.same_name("Hillside Union", "Hill Union")


# --- GTD: perpetrator and killed ---------------------------------------------------------------


@dataclass
class _Count:
    killed: int | None
    injured: int | None = None


def _gtd_row(**kw) -> Row:
    base = dict(
        text="Gunmen of the Sea Tigers Front (STF) fired on a bus near Sometown, killing four.",
        kind="Armed Assault",
        family="violent",
        perpetrator="Sea Tigers Front (STF)",
        killed=4,
    )
    base.update(kw)
    return _row(**base)


def test_killed_needs_the_exact_count_on_the_scored_event():
    attack = _event("attack")
    assert _field(score_row(_gtd_row(), _result([attack])), "killed")[0].answered is False
    attack.casualties = _Count(killed=4)  # set, not passed: older events have no such field
    assert _field(score_row(_gtd_row(), _result([attack])), "killed")[0].right
    attack.casualties = _Count(killed=3)
    assert not _field(score_row(_gtd_row(), _result([attack])), "killed")[0].right
    assert _field(score_row(_gtd_row(killed=None), _result([attack])), "killed") == []


def test_perpetrator_must_be_a_perpetrator_of_the_scored_event():
    group = Entity("o1", "organization", "STF")
    role = Participation("o1", "perpetrator", "unknown", _ev())
    named_only = score_row(_gtd_row(), _result([_event("attack")], [group]))
    assert not _field(named_only, "perpetrator")[0].right
    assert _field(named_only, "perpetrator_entity")[0].right
    right = score_row(_gtd_row(), _result([_event("attack", participants=[role])], [group]))
    assert _field(right, "perpetrator")[0].right
    # Unknown, generic, or not in the text: not scored.
    for gname in (None, "Muslim extremists", "Delta Brigade"):
        checks = score_row(_gtd_row(perpetrator=gname), _result([_event("attack")], [group]))
        assert _field(checks, "perpetrator") == []


def test_tally_reports_accuracy_and_each_miss_with_its_document():
    row = _row()
    fields, errors = events.tally(
        [(row, score_row(row, _result([_event()]))), (row, score_row(row, _result()))]
    )
    assert fields["event"] == {"accuracy": 0.5, "n": 2}
    assert fields["place"] == {"accuracy": 0.0, "n": 2}
    missed = [e for e in errors if e["field"] == "event"]
    assert missed[0]["kind"] == "missed" and missed[0]["context"].startswith("r1: Farmers")
    assert missed[0]["gold"] == "Riots/Protests -> protest family"


# --- sampling and reading ----------------------------------------------------------------------


def _rows(country: str, kind: str, n: int) -> list[Row]:
    return [_row(id=f"{country}-{kind}-{i}", country=country, kind=kind) for i in range(n)]


def test_sample_is_fixed_and_spread_over_strata():
    rows = _rows("India", "Riots/Protests", 200) + _rows("Nepal", "Riots/Protests", 5)
    rows += _rows("India", "Remote violence", 4) + _rows("Laos", "Battle-X", 1)
    picked = sample(rows, size=20, seed=7)
    assert [r.id for r in picked] == [r.id for r in sample(rows, size=20, seed=7)]
    assert [r.id for r in picked] != [r.id for r in sample(rows, size=20, seed=8)]
    counts = {}
    for r in picked:
        counts[(r.country, r.kind)] = counts.get((r.country, r.kind), 0) + 1
    assert counts == {
        ("India", "Riots/Protests"): 10,
        ("Nepal", "Riots/Protests"): 5,
        ("India", "Remote violence"): 4,
        ("Laos", "Battle-X"): 1,
    }
    assert len({r.id for r in picked}) == 20
    assert len(sample(rows[:3], size=20)) == 3


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def _acled(event_id, date, kind, notes, precision="1", **actors):
    return {
        "EVENT_ID_CNTY": event_id,
        "EVENT_DATE": date,
        "EVENT_TYPE": kind,
        **{k: actors.get(k, "") for k in ("ACTOR1", "ALLY_ACTOR_1", "ACTOR2", "ALLY_ACTOR_2")},
        "COUNTRY": "India",
        "LOCATION": "Sometown",
        "LATITUDE": "26.1",
        "LONGITUDE": "85.4",
        "GEO_PRECISION": precision,
        "NOTES": notes,
    }


def _gtd(eventid, day, summary, gname, nkill, specificity="1"):
    return {
        "eventid": eventid,
        "iyear": "2013",
        "imonth": "5",
        "iday": day,
        "country_txt": "India",
        "city": "Sometown",
        "latitude": "26.1",
        "longitude": "85.4",
        "specificity": specificity,
        "summary": summary,
        "attacktype1_txt": "Armed Assault",
        "gname": gname,
        "nkill": nkill,
    }


def test_reading_acled_rows(tmp_path):
    path = _write(
        tmp_path / "a.csv",
        [
            _acled(
                "7IND",
                "09-April-2015",
                "Riots/Protests",
                "Farmers marched in Sometown.",
                ACTOR1="Protesters (India)",
                ALLY_ACTOR_1="Hill Union",
            ),
            _acled("8IND", "10-April-2015", "Remote violence", "A bomb went off.", "2"),
            _acled("9IND", "11-April-2015", "Riots/Protests", "   "),  # no note: left out
        ],
    )
    first, second = events.acled_rows(path)
    assert first.id == "acled-7IND" and first.point == (26.1, 85.4)
    assert first.actors == ("Protesters (India)", "Hill Union")
    assert first.document().published == "2015-04-10"  # the day after the coded day
    assert second.point is None and second.family == "violent"


def test_reading_gtd_rows(tmp_path):
    path = _write(
        tmp_path / "g.csv",
        [
            _gtd("2.01305E+11", "31", "05/31/2013: Gunmen fired on a bus.", "Unknown", "4.0"),
            _gtd("201305020001", "2", "05/02/2013: A bomb exploded.", "Sea Tigers Front", "", "3"),
        ],
    )
    first, second = events.gtd_rows(path)
    assert first.id == "gtd-row0001" and second.id == "gtd-201305020001"
    assert first.text == "Gunmen fired on a bus." and first.killed == 4
    assert first.perpetrator is None and second.perpetrator == "Sea Tigers Front"
    assert first.document().published == "2013-06-01"
    assert second.point is None and second.killed is None


def test_suites_registered_and_skip_without_data(tmp_path):
    assert "acled" in SUITES and "gtd" in SUITES
    ctx = Context(settings=Settings.from_env(), data=tmp_path, samples=tmp_path)
    for name in ("acled", "gtd"):
        result = SUITES[name](ctx)
        assert result.skipped and "not found" in result.skipped


def test_error_listing_shows_what_we_found_the_gold_and_the_note():
    from rich.console import Console

    from footprint.evaluation import SuiteResult
    from footprint.export.terminal import render_eval

    row = _row()
    fields, errors = events.tally([(row, score_row(row, _result([_event(start=D(2015, 4, 2))])))])
    result = SuiteResult("acled", fields=fields, errors=errors)
    console = Console(width=250, record=True)
    for renderable in render_eval([result], show_errors=True):
        console.print(renderable)
    text = console.export_text()
    assert "protest: 2015-04-02..2015-04-09" in text  # ours
    assert "2015-04-09 " in text and "Sometown (26.10, 85.40)" in text  # the gold
    assert "r1: Farmers of the Kisan Sabha" in text  # the document and its note
