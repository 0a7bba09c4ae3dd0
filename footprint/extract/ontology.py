"""footprint's event types and their nearest PLOVER and CAMEO categories.

The table is the one in `docs/events.md` (a test parses that page and compares it row for row,
so the two cannot drift). Where the page names several candidates ("040 Consult / 043 Host a
visit", "COERCE (seize) / FIGHT"), the first is the one exported: an export needs one code per
event, and the page lists the nearest first.

PLOVER (the successor of CAMEO) gives an event type in capitals and, for some, a mode
("PROTEST (riot)" is type PROTEST, mode riot). Media events and ceremonies have no PLOVER type:
their type is None. CAMEO gives a root, two- or three-digit code and its label; codes stay
strings because the leading zero is part of the code ("04" is not "4").

An event type the table does not know (a newer extractor, an old store) gets `NO_CODES`, empty
in every field, never an error: exports must not fail on one unmapped event.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventCodes:
    plover_type: str | None
    plover_mode: str | None
    cameo_code: str | None
    cameo_label: str | None

    @property
    def plover(self) -> str | None:
        """ "PROTEST (riot)", "CONSULT", or None."""
        if self.plover_type is None:
            return None
        return f"{self.plover_type} ({self.plover_mode})" if self.plover_mode else self.plover_type

    @property
    def cameo(self) -> str | None:
        """ "145 Protest violently, riot", or None."""
        if self.cameo_code is None:
            return None
        return f"{self.cameo_code} {self.cameo_label}" if self.cameo_label else self.cameo_code


NO_CODES = EventCodes(None, None, None, None)


def _codes(plover: str | None, mode: str | None, cameo: str, label: str) -> EventCodes:
    return EventCodes(plover, mode, cameo, label)


ONTOLOGY: dict[str, EventCodes] = {
    "rally": _codes("PROTEST", "demonstrate", "141", "Demonstrate or rally"),
    "protest": _codes("PROTEST", None, "14", "Protest"),
    "march": _codes("PROTEST", None, "141", "Demonstrate or rally"),
    "conference": _codes("CONSULT", None, "04", "Consult"),
    "meeting": _codes("CONSULT", None, "040", "Consult"),
    "session": _codes("CONSULT", None, "043", "Host a visit"),
    "reception": _codes("COOPERATE", None, "043", "Host a visit"),
    "visit": _codes("CONSULT", None, "042", "Make a visit"),
    "ceremony": _codes(None, None, "05", "Engage in diplomatic cooperation"),
    "appearance": _codes("CONSULT", None, "04", "Consult"),
    "gathering": _codes("CONSULT", None, "04", "Consult"),
    "press_conference": _codes(None, None, "010", "Make statement"),
    "briefing": _codes(None, None, "010", "Make statement"),
    "interview": _codes(None, None, "010", "Make statement"),
    "speech": _codes(None, None, "010", "Make statement"),
    "statement": _codes(None, None, "010", "Make statement"),
    "strike": _codes("PROTEST", "strike", "143", "Conduct strike or boycott"),
    "riot": _codes("PROTEST", "riot", "145", "Protest violently, riot"),
    "attack": _codes("ASSAULT", None, "18", "Assault"),
    "bombing": _codes(
        "ASSAULT", "bombing", "183", "Conduct suicide, car, or other non-military bombing"
    ),
    "kidnapping": _codes("ASSAULT", "abduct", "181", "Abduct, hijack, or take hostage"),
    "clash": _codes("FIGHT", None, "19", "Fight"),
    "security_operation": _codes("COERCE", "seize", "17", "Coerce"),
    "arrest": _codes("COERCE", "arrest", "173", "Arrest, detain"),
    "agreement": _codes("AGREE", None, "057", "Sign formal agreement"),
    "surrender": _codes("CONCEDE", None, "08", "Yield"),
    # PLOVER and CAMEO code what actors do to each other; an accident is nobody's act.
    "accident": NO_CODES,
}


def codes_of(event_type: str | None) -> EventCodes:
    """The PLOVER and CAMEO codes of a footprint event type; `NO_CODES` for an unknown one."""
    return ONTOLOGY.get(event_type or "", NO_CODES)
