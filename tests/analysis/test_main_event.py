"""The main event of a news report: what just happened, not what it dates long before or after
its publication."""

import datetime as dt

from footprint.analysis.main_event import main_event
from footprint.model import Document, DocumentResult, Event, Evidence
from footprint.time import TimeSpan


def _event(name: str, start: int, date: TimeSpan | None) -> Event:
    sentence = f"{name} happened."
    evidence = Evidence("d", start, start + len(sentence), sentence, sentence)
    return Event(name, "gathering", name, False, date, None, evidence=[evidence])


def _year(year: int) -> TimeSpan:
    return TimeSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", str(year))


def _report(*events: Event, published: str | None = "2016-11-13") -> DocumentResult:
    document = Document(id="d", text="x" * 400, path="d.txt", published=published)
    return DocumentResult(document, [], [], events=list(events))


def test_an_event_dated_long_before_or_after_publication_is_not_the_main_one():
    sunday = TimeSpan(dt.date(2016, 11, 13), dt.date(2016, 11, 13), "day", "Sunday")
    old, future = _event("old", 0, _year(2004)), _event("future", 50, _year(2020))
    now = _event("now", 100, sunday)
    assert main_event(_report(old, future, now)).event is now
    undated = _event("undated", 150, None)
    assert main_event(_report(old, undated)).event is undated
    until = TimeSpan(None, dt.date(2004, 12, 31), "year", "until 2004")
    assert main_event(_report(_event("until", 0, until), now)).event is now


def test_the_first_event_still_leads_when_there_is_nothing_recent_or_no_publication_day():
    old, older = _event("old", 0, _year(2012)), _event("older", 50, _year(2004))
    assert main_event(_report(old, older)).event is old
    # without a publication day nothing is old: the first event leads
    undated_report = _report(older, _event("recent", 100, _year(2016)), published=None)
    assert main_event(undated_report).event is older
