"""Typed records that flow between the stages: ingest -> nlp -> extract -> resolve -> store.

After `extract.from_doc`, nothing touches spaCy objects: everything downstream works on these.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from footprint.designations.screening import Screening
    from footprint.place import Place
    from footprint.time import TimeSpan

EntityType = Literal["person", "organization", "place", "other"]

PREDICATES = (
    "member_of",
    "leader_of",
    "represents",
    "front_of",
    "relative_of",
    "works_for",
    "holds_title",
)


def stable_id(prefix: str, *parts: object) -> str:
    """Deterministic id from the parts: re-processing the same input yields the same id."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    path: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None


@dataclass(frozen=True)
class Rejected:
    source: str
    reason: str


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the exact span, its sentence, and the text's own hedging."""

    document: str
    start: int
    end: int
    text: str
    sentence: str
    attribution: str | None = None
    extractor: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "attribution": self.attribution,
            "extractor": self.extractor,
        }


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name in a document, with the label the pipeline settled on."""

    text: str
    type: EntityType
    evidence: Evidence
    # The name with titles and editorial brackets removed ("[Omar] Rahimi" -> "Omar Rahimi").
    name: str
    titles: tuple[str, ...] = ()


@dataclass
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    subject: str  # entity id
    predicate: str
    object: str | None  # entity id; None for a title held without a named body
    role: str
    qualifiers: tuple[tuple[str, str], ...]
    evidence: Evidence

    @property
    def id(self) -> str:
        return stable_id("rel", self.subject, self.predicate, self.object, self.role)


ROLES = (
    "speaker",
    "organizer",
    "host",
    "guest",
    "attendee",
    "participant",
    "perpetrator",
    "target",
)
# Why an actor is a perpetrator: the text says it did it, it claimed it, or others attribute it.
BASES = ("stated", "claimed", "attributed", "suspected")
MODES = ("in_person", "remote", "unknown")


@dataclass(frozen=True)
class Participation:
    entity: str  # entity id
    role: str  # one of ROLES
    mode: str  # one of MODES
    evidence: Evidence
    basis: str | None = None  # one of BASES, for perpetrators; None otherwise


@dataclass(frozen=True)
class Quote:
    speaker: str | None  # entity id; None when the text does not name the speaker
    speaker_text: str  # how the text names the speaker ("one jihadi leader")
    text: str
    evidence: Evidence


@dataclass(frozen=True)
class Casualties:
    """People killed and injured in one event, as the text counts them (None: not said).
    "At least five" is 5; of the figures several sentences give, the largest (later sentences
    mostly restate a toll: see extract/casualties.py `combine`); a report that counts injured
    and no dead gives killed 0. `evidence`: the words each figure was read from."""

    killed: int | None
    injured: int | None
    evidence: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "killed": self.killed,
            "injured": self.injured,
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True)
class Party:
    """Someone an event's report names without a name: "gunmen" (perpetrator), "two students"
    (target), "hundreds of protesters" (participant). A phrase with its evidence, never an
    actor (see extract/parties.py)."""

    text: str
    role: str  # perpetrator / target / participant / victim (of an accident)
    evidence: Evidence

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "role": self.role, "evidence": self.evidence.to_json()}


@dataclass
class Event:
    id: str
    type: str
    label: str
    background: bool
    date: TimeSpan | None
    place: Place | None
    participants: list[Participation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    casualties: Casualties | None = None
    # "claimed" / "unclaimed" / "attributed" with the sentence that says so; None: not said.
    responsibility: tuple[str, Evidence] | None = None
    parties: list[Party] = field(default_factory=list)  # unnamed: "gunmen", "two students"


@dataclass
class DocumentResult:
    """Everything extracted from one document, ready to store."""

    document: Document
    entities: list[Entity]
    relations: list[Relation]
    excluded: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, why)
    events: list[Event] = field(default_factory=list)
    screening: Screening | None = None  # designations, filled by designations.screening
