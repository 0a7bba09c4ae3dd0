"""The main event of a news text as who / when / where, answered from the extracted graph.

The first story event the text reports is the main one (news leads with it). Who: its
participants, most central role first; when: its date; where: its place. Where the text names no
event, the answers fall back to the lead: the first actor, the first date, the first place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from footprint.extract.event_places import COUNTRY, level
from footprint.extract.event_types import ACCIDENT, VIOLENT_TYPES
from footprint.model import DocumentResult, Event
from footprint.place.names import spelled_alike
from footprint.time import TimeSpan

ROLE_ORDER = ("speaker", "organizer", "host", "perpetrator", "guest", "attendee", "participant")
ACTING_ROLES = ("perpetrator", "organizer", "speaker", "host")
VIOLENT_ROLE_ORDER = ("perpetrator", "organizer")


@dataclass(frozen=True)
class MainEvent:
    who: list[str]  # names, best first
    when: object | None  # TimeSpan
    where: str | None  # place name
    event: Event | None


def main_event(result: DocumentResult) -> MainEvent:
    names = {e.id: e.name for e in result.entities}
    story = [e for e in result.events if not e.background]
    # A news report leads with what just happened: an event it dates after its publication
    # ("two weeks from now", "in 2020") or long before ("in 2004, X linked his defeat to ...")
    # is context, unless the report tells of nothing else.
    recent = [e for e in story if _lately(e.date, result.document.published)] or story
    event = min(recent, key=lambda e: e.evidence[0].start) if recent else None
    first_of = {
        t: min(
            (e for e in result.entities if e.type == t),
            key=lambda e: e.mentions[0].evidence.start,
            default=None,
        )
        for t in ("person", "organization", "place")
    }
    actors = [e for e in (first_of["person"], first_of["organization"]) if e is not None]
    lead_actors = [e.name for e in sorted(actors, key=lambda e: e.mentions[0].evidence.start)]
    if event is not None:
        # Who did a violent event is its perpetrator; its victims and bystanders are not.
        order = VIOLENT_ROLE_ORDER if event.type in VIOLENT_TYPES else ROLE_ORDER
        ranked = sorted(
            (p for p in event.participants if p.role in order),
            key=lambda p: order.index(p.role),
        )
        # Unnamed attackers ("a gunman") answer who when no one named did it.
        doers = [p.text for p in event.parties if p.role == "perpetrator"]
        who = [names[p.entity] for p in ranked] or doers or lead_actors
        when = event.date
        where = _as_written(event, result)
        if event.date is not None and event.date.precision == "reported":
            # An undated news lead read from one sentence knows less of who than the lead's
            # first names: only an actor that did it outranks them; a place finer than a
            # country, read from the grammar, is where it happened.
            acting = [names[p.entity] for p in ranked if p.role in ACTING_ROLES]
            who = acting or doers or lead_actors
            if level(event.place) == COUNTRY:
                where = None  # the lead's first place says more than its country
        if event.type == ACCIDENT:
            # Nobody did an accident: it is told of the people it killed or hurt ("At least six
            # passengers"), else of those in it; whoever spoke of it ("police said") did not.
            who = [p.text for p in event.parties if p.role == "victim"] or [
                names[p.entity] for p in ranked if p.role != "speaker"
            ]
    else:
        who, when, where = lead_actors, None, None
    if where is None and first_of["place"] is not None:
        where = first_of["place"].name
    if when is None and result.document.published:
        # News leads with what just happened: undated, the main event is the publication day's.
        when = _publication_day(result.document.published)
    return MainEvent(who=who, when=when, where=where, event=event)


def _as_written(event: Event, result: DocumentResult) -> str | None:
    """The event's place as the text writes it ("Dera-i-Qasim"), not as the gazetteer
    spells it ("Dera-e Qāsim"), when a place named in the event's sentences is it."""
    place = getattr(event.place, "name", None)
    if place is None:
        return None
    spans = [(ev.start, ev.end) for ev in event.evidence]
    for entity in result.entities:
        if entity.type != "place":
            continue
        in_event = any(a <= m.evidence.start < b for m in entity.mentions for a, b in spans)
        if in_event and spelled_alike(entity.name, place):
            return entity.name
    return str(place)


RECENT_DAYS = 31  # how long before its publication a report's main event may lie


def _lately(date: object, published: str | None) -> bool:
    """Could an event of this date be what a report published then leads with? Undated or
    without a publication day, yes; else when the date reaches into the month before the
    publication and does not begin after it."""
    span = _publication_day(published) if published else None
    day = getattr(span, "start", None)
    start, end = getattr(date, "start", None), getattr(date, "end", None)
    if day is None:
        return True
    if start is not None and start > day:
        return False
    return end is None or end >= day - dt.timedelta(days=RECENT_DAYS)


def _publication_day(published: str) -> TimeSpan | None:
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return TimeSpan(day, day, "day", "publication date")
