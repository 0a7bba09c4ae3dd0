"""Events from the language of a document: who appeared where, when, beside whom.

Reading, sentence by sentence, on the dependency parse:
- triggers: event nouns ("rally", "press conference", "attack") and event verbs ("visited",
  "feted"); a sentence that opens with a date and has actors joining, attending or speaking is a
  gathering even without a trigger word;
- each trigger's date (the date right after it, inside its noun phrase, or the sentence's
  opening date), place (a place named in or at, or a venue that resolves to a city), and the
  actors whose verbs tie them to it, with roles (speaker, organizer, host, guest, attendee,
  participant) and modes (in person, remote);
- quotes with their speakers;
- background: violent events mentioned under "since", "after", "for" ... are context.
Then sentences become events: a dated mention opens an event (or joins one with the same date and
place); a definite or partitive mention without its own date ("the event", "one of the biggest
events", "X's Senate appearance") continues the current event of its paragraph; plural,
undated, indefinite mentions ("has addressed rallies") are generic and make no event.

News reports are written differently from analysis: their lead sentence tells the event and
often gives no date ("Gunmen attacked a patrol ..."), because the publication date does. An
undated mention in the first sentences of a document, before any event has opened, is the
report's lead event: it is dated by the publication (precision "reported": the week up to
the publication day), or left open when the document has no publication date. A later sentence
that gives its date replaces that window. Later sentences add who claimed it or is blamed for it
(`responsibility.py`) and how many were killed and injured (`casualties.py`).

This module is the reader; what kind of event a sentence tells is in `event_types.py`, where
it happened by the grammar in `event_places.py`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from footprint.extract import hygiene
from footprint.extract.casualties import (
    CasualtyCount,
    casualties_in,
    combine,
    count_people,
    no_deaths_told,
)
from footprint.extract.event_places import (
    COUNTRY,
    DISTRICT,
    REGION,
    TOWN,
    asked_of_a_country,
    continues_chain,
    hyphened_to_the_word_before,
    in_a_topic,
    inside_region,
    level,
    modifies_a_noun,
    modifies_people,
    most_specific,
    names_a_topic,
    owns_a_mission,
    place_preposition,
)
from footprint.extract.event_types import (
    ACCIDENT,
    ACTS,
    ARREST,
    BEATING_VERBS,
    COUNTED,
    DOER_NEEDED,
    FIGHTING_VERBS,
    FINDING_VERBS,
    HARM_TYPES,
    HOSTAGE_WORDS,
    QUANTITY_NOUNS,
    SIDE_CLAUSES,
    STRIKING_VERBS,
    VIOLENT_TYPES,
    WEAK_TYPES,
    WRECKING_VERBS,
    a_body_found_killed,
    accident_noun,
    another_phrasal_verb,
    by_a_crowd,
    counted,
    crowd_control,
    crowd_type,
    done_by_state_forces,
    done_to_someone,
    has_doer,
    is_military_strike,
    mishap_of_a_vehicle,
    people_noun,
    people_struck,
    raid_type,
    rank,
    sides_fought,
    simple_past,
    someone_held,
    strikers_named,
    struck_from_afar,
    subject_bearer,
    told_as_done,
    verb_objects,
    without_crowds_harmed,
    without_settings,
    wrecked_by_doers,
)
from footprint.extract.grammar import clause_verb, has_modal, negated, objects_of
from footprint.extract.occasion_names import (
    HOLDING_VERBS,
    names_an_occasion,
    told_as_an_occasion,
)
from footprint.extract.parties import unnamed_parties, victim_parties
from footprint.extract.responsibility import SUSPECT_VERBS, responsibility_in
from footprint.model import Casualties, Event, Evidence, Participation, Party, Quote, stable_id
from footprint.nlp import lexicons
from footprint.nlp.components.names import DOUBT_WORDS
from footprint.nlp.doc_text import doc_sents, doc_text, span_text
from footprint.place.names import CITY_WORDS, spelled_alike
from footprint.time.span import TimeSpan
from footprint.time.words import CALENDAR_WORDS, MONTH_WORDS

EXTRACTOR = "footprint.events.v1"
# Incidents: violence, riots and accidents. Their sentences count the killed and injured, and a
# place after the event word is where it happened, not what it was about ("an attack on a post
# in X", "a crash on a road in X"; a conference "on the war in X" is about X).
INCIDENT_TYPES = ACTS | {"riot"}
CASUALTY_EXTRACTOR = "footprint.casualties.v1"

VERB_LABELS = {"visit": "to", "reception": "for", "meeting": "with"}
HOSTING_TYPES = {"meeting", "reception", "visit"}
# Occasions people hold that an act of violence can fall on (a bombing at a rally is an event
# of its own), and those of them told after such an act as events of their own (`_apart`).
PROTEST_OCCASIONS = frozenset({"protest", "strike", "rally", "march"})
HELD_OCCASIONS = PROTEST_OCCASIONS | {
    "conference",
    "meeting",
    "session",
    "ceremony",
    "reception",
    "visit",
    "speech",
}
# Events a report tells as done, never as planned, when in the past tense: incidents and
# protests (not a conference "to be held on 19 March").
DONE_NOT_PLANNED = INCIDENT_TYPES | PROTEST_OCCASIONS
# Verbs that report what others say or believe happened: "are said to have been killed",
# "claimed to have captured" (a perfect infinitive after them is no purpose or plan). Not
# SPEECH_VERBS, which tell a statement: these only vouch for an act told after them.
REPORTING_VERBS = frozenset(
    {
        "say",
        "report",
        "believe",
        "claim",
        "allege",
        "think",
        "know",
        "fear",
        "suspect",
        "seem",
        "appear",
        "estimate",
        "understand",
        "presume",
        "confirm",
    }
)
# "continued to protest", "proceeded to attack": the act itself, not a purpose
ASPECTUAL_VERBS = {"continue", "begin", "start", "resume", "keep", "proceed"}
# "attempted to set fire to a mosque": an attempt is an act that happened, as event data codes
# it, whether or not it succeeded.
ATTEMPT_VERBS = {"attempt", "try"}
CLAIM_RANK = {"suspected": 0, "attributed": 1, "unclaimed": 2, "claimed": 3}
# How far before its publication a report's undated lead event may have happened.
REPORTED_WINDOW_DAYS = 7
# An event noun after these is another event than the sentence's ("for airstrikes in X").
# Nouns that carry the event a modifier names: "a picketing campaign", "a protest programme".
CARRIER_NOUNS = {"campaign", "programme", "program", "movement", "drive"}
NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj"}
OTHER_EVENT_PREPOSITIONS = {"for", "against", "after", "following", "since", "before", "over"}
LEAD_SENTENCES = 3  # the first sentences of a document that may tell its lead event
ROLE_RANK = {
    "speaker": 6,
    "organizer": 5,
    "host": 5,
    "perpetrator": 5,
    "guest": 4,
    "attendee": 3,
    "target": 2,
    "participant": 1,
}
DEFINITE = {"the", "this", "that", "these", "those"}
SPEECH_VERBS = {"say", "state", "declare", "warn", "tell", "add", "stress", "vow", "proclaim"}
PERSON_PRONOUNS = {"he", "she"}
QUOTE = re.compile(r"[“\"]([^”\"]{3,600})[”\"]")
OTHER_TIME_MARKERS = ("since", "until", "till", "before", "after", "by", "from")
CLAUSE_TIME_MARKERS = {"since", "until", "till", "before", "after", "once"}
# Dependencies that open a clause of its own.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "acl", "ccomp", "xcomp", "csubj", "pcomp"})
# Verbs of a thing holding another: "a suitcase containing explosive devices".
CONTAINING_VERBS = frozenset({"contain", "carry", "hold", "transport", "pack", "load", "hide"})
# Acts of violence one incident is told by in turn (a bombing, then "militants stormed the camp
# after the explosion"): not an arrest or an operation, which may follow elsewhere.
VIOLENT_ACTS = frozenset({"attack", "bombing", "clash"})


@dataclass(frozen=True)
class Actor:
    """An entity mention as events need it: token range, entity id and type."""

    start: int
    end: int
    entity: str
    type: str  # person | organization | place | other
    name: str


@dataclass
class EventMention:
    """One sentence's reading of one event."""

    sent: Span
    type: str
    trigger: Span | None
    label: str
    named: bool
    background: bool
    anaphoric: bool
    generic: bool
    date: object | None  # TimeSpan
    place: object | None  # Place
    participants: list[Participation] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)  # unnamed: "gunmen", "two students"
    # placed, in a sentence that names the story's violence again ("after the explosion, in X")
    follows: bool = False


# Nouns an area word can modify that name the area's seat: "X state capital" is a city.
SEAT_NOUNS = {"capital", "headquarters", "seat"}


# Venues named after the town they stand in ("the Berbera airport", "the Quetta market"), unlike
# a gate, road or bridge named after the town it leads to ("Delhi Gate" in Lahore).
TOWN_VENUES = frozenset(
    {"airport", "market", "bazaar", "bazar", "stadium", "camp", "jail", "prison"}
)


class EventReader:
    """Reads one document's events. `date_of` maps a DATE span to a TimeSpan (in text order,
    so a narrative clock can carry the reference date); `place_of` maps an actor to a Place."""

    def __init__(
        self,
        doc: Doc,
        document_id: str,
        actors: list[Actor],
        date_spans: list[tuple[Span, object]],
        place_of: Callable[[Actor], object | None],
        paragraphs: list[tuple[int, int]],
        is_excluded: Callable[[int, int], bool],
        attribution_of: Callable[[str], str | None],
        published: dt.date | None = None,
        dateline: object | None = None,
        headlines: list[tuple[int, int]] | None = None,
        seat_of: Callable[[str, int, int], object | None] | None = None,
        candidates_of: Callable[[Actor], list[object]] | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self._evidence_of: dict[int, Evidence] = {}  # sentence start token -> its evidence
        self.document_id = document_id
        self.actors = sorted(actors, key=lambda a: a.start)
        self.actor_at = {a.start: a for a in self.actors}
        self.actor_of_token = {i: a for a in self.actors for i in range(a.start, a.end)}
        # Token starts, for the actors and dates of one sentence by bisection (a long text has
        # thousands of each: scanning them all per sentence would grow with the square).
        self._actor_starts = [a.start for a in self.actors]
        self._persons = [a for a in self.actors if a.type == "person"]
        self._person_ends = [a.end for a in self._persons]
        self.dates = sorted(date_spans, key=lambda sv: sv[0].start)
        self._date_starts = [s.start for s, _ in self.dates]
        self._org_names = {a.entity: a.name for a in self.actors if a.type == "organization"}
        self.place_of = place_of
        self.paragraphs = paragraphs
        self.is_excluded = is_excluded
        self.attribution_of = attribution_of
        self.reported = _reported_window(published)
        self._headlines = headlines if headlines is not None else hygiene.headline_ranges(self.text)
        self.dateline = dateline  # Place of the report's dateline ("LAHORE:"), if any
        self.seat_of = seat_of  # the capital a national body sits in, by its name
        # every place an actor's name can mean, most likely first (to read it in a chain's
        # country or region, or as the kind its area word says)
        self.candidates_of = candidates_of
        self._sentence_number = 0  # sentences read so far, outside excluded passages
        self._lead: Event | None = None  # the story event the document's first sentences tell
        self._first_sentence: tuple[int, int] | None = None  # (start, end) of the body's first
        # event id -> casualty figures read in its sentences, with their evidence
        self._casualties: dict[str, list[tuple[CasualtyCount, Evidence]]] = {}
        self._counted: dict[str, dict[str, int]] = {}  # event id -> people counted so far
        self._titled: set[str] = set()  # events whose label is a quoted title
        self._story_so_far = 0  # story events read so far: can a "the" refer back at all?
        self._violence_so_far = 0  # of them, acts of violence (VIOLENT_ACTS)
        # a protest told after an act of violence -> that act, their paragraph and the
        # protest's sentence (casualties told after it in that paragraph are the act's)
        self._split_from: dict[str, tuple[Event, int, int]] = {}

    # -- evidence ---------------------------------------------------------------------------

    def _evidence(self, sent: Span) -> Evidence:
        """The sentence as evidence, made once per sentence (Evidence is immutable; Span.text
        would rebuild the words from the tokens on every call)."""
        held = self._evidence_of.get(sent.start)
        if held is None:
            start, end = sent.start_char, sent.end_char
            text = self.text[start:end]
            held = self._evidence_of[sent.start] = Evidence(
                document=self.document_id,
                start=start,
                end=end,
                text=text,
                sentence=text,
                attribution=self.attribution_of(text),
                extractor=EXTRACTOR,
            )
        return held

    def _paragraph(self, sent: Span) -> int:
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= sent.start_char < end:
                return index
        return -1

    # -- triggers -----------------------------------------------------------------------------

    def _noun_triggers(self, sent: Span) -> list[tuple[Span, str]]:
        nouns = lexicons.event_nouns()
        words = lexicons.doc_words(self.doc)
        out = []
        i, end = sent.start, sent.end  # token indexes: a Token is made only where a noun is
        while i < end:
            found = words.longest_at(i, nouns, end - i)
            if found is None:
                i += 1
                continue
            width, phrase = found
            head = self.doc[i + width - 1]
            window = self.doc[i : i + width]
            inside_actor = any(t.i in self.actor_of_token for t in window)
            # ("a black day" observed, which the model may tag as a date, names no calendar time)
            in_date = any(t.ent_type_ in ("DATE", "TIME") for t in window) and (
                width == 1 or any(t.lower_ in CALENDAR_WORDS for t in window)
            )
            # "March 3" is a date; "Conference" counts only inside a quoted title. An event's
            # abbreviation is written in capitals ("an IED went off", "two IEDs").
            capitalised = (
                head.text[:1].isupper()
                and not head.is_sent_start
                and not _an_abbreviation(head)
            )
            if capitalised and not _in_quotes(head) and not names_an_occasion(head):
                i += width
                continue
            # "the battle wounds", "a bomb disposal squad": a modifier of another noun names
            # no event (in "a petrol bomb attack" the attack is the trigger).
            modifier = (
                head.dep_ == "compound"
                and head.head.pos_ in ("NOUN", "PROPN")
                and head.head.lemma_.lower() not in CARRIER_NOUNS
            )
            # "Fighting between X and Y has displaced ...": a gerund standing as a noun.
            nominal = head.pos_ in ("NOUN", "PROPN") or (
                head.tag_ == "VBG" and head.dep_ in NOMINAL_DEPS
            )
            # "students boycotted lectures", "the opposition boycotted the session": the
            # boycott is the act; the lectures or session it shunned are no story of theirs
            boycotted = head.dep_ == "dobj" and head.head.lemma_.lower() == "boycott"
            if (
                nominal
                and not inside_actor
                and not in_date
                and not modifier
                and not boycotted
                and not _no_act_of_violence(head)
                and _a_speech_if_an_address(head)
                and _an_occasion_if_told(head, phrase)
                and _a_protest_if_a_black_day(head, phrase)
            ):
                type_ = nouns[phrase]
                if type_ == "strike" and is_military_strike(head):
                    type_ = "bombing"
                if type_ != ACCIDENT or accident_noun(head):
                    out.append((self.doc[i : head.i + 1], type_))
            i += width
        return out

    def _verb_triggers(self, sent: Span) -> list[tuple[Span, str]]:
        out = []
        heads = lexicons.doc_words(self.doc).heads  # each token's forms, read once per Doc
        verbs, with_objects = lexicons.event_verbs(), lexicons.event_verb_objects()
        for i in range(sent.start, sent.end):
            lemma = heads[i][1]
            if (
                lemma not in verbs
                and lemma not in with_objects
                and lemma not in BEATING_VERBS
                and lemma not in WRECKING_VERBS
                and lemma not in FINDING_VERBS
                and lemma not in STRIKING_VERBS
            ):
                continue  # a word no rule below reads: no Token made for it
            tok = self.doc[i]
            if negated(tok):
                continue  # "rebels did not attack the town", "he did not speak at the rally"
            info = lexicons.event_verb(tok)
            idiom = _written_idiom(tok, with_objects, sent.end)
            if idiom is not None and tok.dep_ in ("amod", "compound"):
                # "Assailants on a motorcycle opened fire": the parser made "opened" a
                # modifier of "fire"; the words, written together, still tell the act
                out.append((self.doc[tok.i : tok.i + 1], idiom))
                continue
            if tok.dep_ in ("amod", "compound") or (
                tok.dep_ == "relcl"
                and info is not None
                and info.event_type in VIOLENT_TYPES
                and not any(c.lower_ == "when" for c in tok.children)
            ):
                # "detained activist" describes someone; "X, who was killed in 2019" is
                # context about X, not the story ("..., one of them seriously, when a bomb
                # exploded" is a clause of time the parser hung on a noun)
                continue
            with_object = _object_reading(tok, with_objects) if tok.pos_ == "VERB" else None
            if with_object == "protest" and done_by_state_forces(tok):
                with_object = None  # "police blocked the road": closed, not protested on
            if with_object is not None and info is not None and info.event_type:
                # the verb with this object says more than the verb ("burnt effigies" is a
                # protest, where "burnt" alone is an attack)
                out.append((self.doc[tok.i : tok.i + 1], with_object))
            elif tok.pos_ == "VERB" and info is not None and info.event_type:
                if another_phrasal_verb(tok):
                    continue  # "shelled out $3 billion"
                if info.event_type in HOSTING_TYPES and not self._receives_someone(
                    tok, info.event_type
                ):
                    continue  # "received a report", "received bullet injuries"
                if tok.lemma_.lower() in FIGHTING_VERBS and not sides_fought(tok):
                    continue  # "fought corruption", "battled cancer"
                if tok.lemma_.lower() in DOER_NEEDED and not has_doer(tok):
                    continue  # "seven people were killed when a tram overturned": no attacker
                if crowd_control(tok):
                    continue  # "fired tear gas at the protesters": the protest is the event
                if info.event_type == ACCIDENT and not mishap_of_a_vehicle(tok):
                    continue  # "the court overturned the ruling"
                out.append((self.doc[tok.i : tok.i + 1], info.event_type))
            elif tok.pos_ == "VERB" and info is not None and self._press_at_venue(tok):
                out.append((self.doc[tok.i : tok.i + 1], "briefing"))
            elif tok.pos_ == "VERB" and _speaks_to_an_audience(tok):
                # "X addressed thousands of supporters in Y", "X spoke to marchers": an occasion
                # the word does not name (any word that names it outranks this)
                out.append((self.doc[tok.i : tok.i + 1], "gathering"))
            elif (
                tok.pos_ == "VERB" and tok.lemma_.lower() in BEATING_VERBS and done_to_someone(tok)
            ):
                out.append((self.doc[tok.i : tok.i + 1], "attack"))
            elif tok.pos_ == "VERB" and people_struck(tok):
                out.append((self.doc[tok.i : tok.i + 1], "strike"))  # "workers struck"
            elif tok.pos_ == "VERB" and struck_from_afar(tok):
                out.append((self.doc[tok.i : tok.i + 1], "bombing"))  # "a missile struck"
            elif tok.pos_ == "VERB" and (
                (tok.lemma_.lower() in WRECKING_VERBS and wrecked_by_doers(tok))
                or a_body_found_killed(tok)
            ):
                # "assailants destroyed a mast", "the body of a man with bullet wounds was
                # found": an attack the verb does not name
                out.append((self.doc[tok.i : tok.i + 1], "attack"))
            elif with_object is not None:
                out.append((self.doc[tok.i : tok.i + 1], with_object))
        return out

    def _receives_someone(self, verb: Token, type_: str) -> bool:
        """A meeting, reception or visit needs someone or somewhere as its object, if any (a
        visit also a place written as a common noun: "visited the flood-hit areas of X",
        "visited a camp for displaced families"; not "received a report")."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return not objects or any(
            o.i in self.actor_of_token
            or o.pos_ in ("PRON", "PROPN")
            or _is_group_noun(o)
            or o.lemma_.lower() in lexicons.roles()
            or o.lemma_.lower() in lexicons.person_nouns()
            or (type_ == "visit" and _somewhere(o) and self._a_visitor_s_own_trip(verb))
            for o in objects
        )

    def _a_visitor_s_own_trip(self, verb: Token) -> bool:
        """Someone's one visit: its subject an actor or a word for people (not "the virus",
        "flooding", "tourists" or "we" of a travel piece), not counted or told of a life ("has
        visited the region many times", "visited the camp as a boy")."""
        bearer = subject_bearer(verb, ("nsubj",))  # "arrived in X and visited the areas"
        subjects = [c for c in bearer.children if c.dep_ == "nsubj"]
        someone = any(
            s.i in self.actor_of_token
            or s.lower_ in PERSON_PRONOUNS
            or s.lemma_.lower() in lexicons.roles()
            or s.lemma_.lower() in lexicons.titles()  # "the minister visited ..."
            or (s.lemma_.lower() in lexicons.person_nouns() and s.lemma_.lower() not in TRAVELLERS)
            for s in subjects
        )
        # "many times", "three times" (not "for the first time")
        counted = any(c.lemma_.lower() == "time" and c.tag_ == "NNS" for c in verb.children)
        a_life = any(g.lemma_.lower() in LIFE_STAGES for g in objects_of(verb, ("as",)))
        return someone and not counted and not a_life

    @staticmethod
    def _press_at_venue(verb: Token) -> bool:
        """A speaking verb addressed to the press at a stated place: "speaking to journalists
        at the National Press Club", "told reporters at the airport". By phone or in a
        statement it stays a statement: the place is what makes it a media event."""
        info = lexicons.event_verb(verb)
        if info is None or info.subject_role != "speaker":
            return False
        audiences = lexicons.event_audiences()
        audience = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
            audience += [c for c in prep.children if c.dep_ == "pobj"]
        if not any(a.lower_ in audiences for a in audience):
            return False
        nodes = [verb, *audience]
        return any(c.dep_ == "prep" and c.lower_ == "at" for node in nodes for c in node.children)

    @staticmethod
    def _is_irrealis(head: Token) -> bool:
        """Threatened, planned or demanded, not reported as held ("threatened to lead a march")."""
        irrealis = lexicons.event_irrealis()
        if (
            head.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            and head.head.lemma_.lower() not in ASPECTUAL_VERBS
            and not _an_attempt_made(head.head)
            and not _a_protest_by_an_act(head)
            and not (
                head.head.lemma_.lower() in REPORTING_VERBS
                and any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
            )
        ):
            # "a plan to gather workers", "came to protest": a purpose, not an act; but
            # "continued to protest" is the act going on, "tried to storm" the act attempted,
            # and "are said to have been killed", "claimed to have captured" tell what is
            # said to have happened
            return True
        child = head
        for ancestor in [head, *head.ancestors]:
            if ancestor.pos_ in ("VERB", "AUX"):
                # "Speaking at a seminar on Monday, X called for ...": the seminar is in a
                # clause beside the call, not what was called for; nor is a noun before the
                # verb that the parser hung on it as an adverbial ("went on strike demanding
                # pay"; not "threatened a strike Monday, a walkout that ...")
                if (
                    ancestor.lemma_.lower() in irrealis
                    and child.dep_ != "advcl"
                    and not (child.dep_ == "npadvmod" and child.i < ancestor.i)
                    and not _where_it_was_said(head, child, ancestor)
                    and not _reported_as_done(child, head)
                ):
                    return True
                if any(
                    c.dep_ == "aux" and c.lower_ in ("will", "would", "shall")
                    for c in ancestor.children
                ):
                    return True
                if ancestor.dep_ not in ("xcomp", "ccomp", "advcl"):
                    return False
            child = ancestor
        return False

    @staticmethod
    def _is_generic(head: Token) -> bool:
        """Plural with no determiner and no partitive ("has addressed rallies")."""
        if head.tag_ not in ("NNS", "NNPS"):
            return False
        if any(c.dep_ == "nummod" for c in head.children):
            return False  # "two rockets", "three rallies": counted, so told as happening
        if any(c.dep_ == "amod" and c.lower_ in COUNTED for c in head.children):
            return False  # "twin explosions", "simultaneous attacks"
        if any(c.dep_ == "prep" and c.lower_ == "between" for c in head.children):
            return False  # "clashes between X and Y": these parties' clashes, not a habit
        verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if (
            verb is not None
            and verb.dep_ == "acl"
            and verb.lemma_.lower() in CONTAINING_VERBS
            and verb.head.pos_ == "NOUN"
        ):
            # "a suitcase containing explosive devices", "the trucks carrying land mines": what a
            # thing or things named held, told as found or used once, not a habit ("a decree
            # banning rallies" is one)
            owner = verb.head
            if owner.tag_ == "NN" or any(
                c.dep_ in ("det", "poss", "nummod") for c in owner.children
            ):
                return False
        if verb is not None and simple_past(verb):
            # "protesters blocked the road", "demonstrations were held in five towns", "hurt
            # in twin explosions": told as done once, not as a habit ("has addressed rallies")
            return False
        dets = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        partitive = head.head.lower_ == "of" and head.head.head.lower_ in ("one", "some", "many")
        return not dets and not partitive

    @staticmethod
    def _is_anaphoric(head: Token) -> bool:
        """Definite, possessive or partitive: refers back to an event already introduced."""
        for child in head.children:
            if child.dep_ == "det" and child.lower_ in DEFINITE:
                return True
            if child.dep_ == "poss":
                return True
        return head.head.lower_ == "of" and head.head.head.lower_ in ("one", "some", "many")

    def _claimed_here(self, head: Token) -> Token | None:
        """The "for" of "X claimed responsibility for an arson attack on Y" when the act
        claimed is told here, not before: with "a" or no determiner ("for an attack", "for
        bombings"), or when the report has told no story yet ("for the attack" after a lead no
        rule could read); after a story, "for the attack" points back to it and the sentence is
        only its claim. Only a claim: one who bore, accepted or denied responsibility for an
        act answers for an act told elsewhere. None otherwise."""
        prep = head.head
        if prep.lower_ != "for" or head.dep_ != "pobj":
            return None
        owner = prep.head  # "responsibility for", or the verb when a date came between
        if owner.lemma_.lower() == "responsibility":
            claim = owner.head
        elif any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in owner.children):
            claim = owner  # "claimed responsibility on Monday for an attack"
        else:
            return None
        if claim.lemma_.lower() != "claim":
            return None
        definite = any(
            (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in head.children
        )
        return prep if not definite or self._story_so_far == 0 else None

    @staticmethod
    def _is_background(head: Token, type_: str, claimed: Token | None = None) -> bool:
        """Is the act context, not the story: "a week after the attack", "arrested for the
        murder", "X, who was killed in an air strike"? `claimed` is the "for" of a claim that
        tells the act (`_claimed_here`): that "for" alone is no cue. Any other event ("arrested
        after the crash" tells the arrest) only when a relative clause tells it of someone as
        done before or as a habit (`_told_of_someone_before_or_as_a_habit`)."""
        if type_ not in ACTS:
            return _told_of_someone_before_or_as_a_habit(head)
        cues = lexicons.background_cues()
        if any(c.dep_ == "mark" and c.lower_ in cues for c in head.children):
            return True  # parsed as a clause: "a week after the attack"
        for ancestor in head.ancestors:
            if claimed is not None and ancestor.i == claimed.i:
                continue
            if ancestor.pos_ in ("ADP", "SCONJ") and ancestor.lower_ in cues:
                return True
            if ancestor.pos_ == "VERB" and ancestor.dep_ == "relcl":
                return True  # "X, who was killed in an air strike": context about X
            if claimed is not None and ancestor.lemma_.lower() == "claim":
                continue  # the claim's own setting decides: "after claiming ... for an attack"
            if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ not in ("relcl", "acl"):
                return False
        return False

    # -- dates and places ---------------------------------------------------------------------

    def _dates_in(self, sent: Span) -> list[tuple[Span, object]]:
        lo = bisect.bisect_left(self._date_starts, sent.start)
        hi = bisect.bisect_left(self._date_starts, sent.end)
        return [(s, v) for s, v in self.dates[lo:hi] if s.end <= sent.end]

    def _actors_in(self, start: int, end: int) -> list[Actor]:
        """The actors whose first token lies in tokens [start, end)."""
        lo = bisect.bisect_left(self._actor_starts, start)
        return self.actors[lo : bisect.bisect_left(self._actor_starts, end)]

    def _opening_end(self, sent: Span) -> int:
        """Token index where the sentence's opening adverbial ends (first actor or the root)."""
        for tok in sent:
            if tok.i in self.actor_of_token and self.actor_of_token[tok.i].type != "place":
                return tok.i
            if tok.dep_ == "ROOT" or tok.lower_ in PERSON_PRONOUNS:
                return tok.i
        return sent.end

    def _date_for(
        self,
        sent: Span,
        trigger: Span | None,
        background: bool,
        claimed: frozenset[int] = frozenset(),
        anywhere: bool = True,
    ) -> object | None:
        """The date of a trigger: right after it, inside its noun phrase, or (for the story) the
        sentence's opening date unless a background event claimed it. `claimed` holds the
        start tokens of dates that belong to background events."""
        dates = [
            (s, v) for s, v in self._dates_in(sent) if v is not None and s.start not in claimed
        ]
        if not dates:
            return None
        if trigger is not None:
            head = trigger[-1]
            for span, value in dates:
                gap = self.doc[trigger.end : span.start]
                if 0 <= span.start - trigger.end <= 2 and all(
                    t.lower_ in ("on", "in", "of") for t in gap
                ):
                    return value  # "the massacre on October 7, 2023"
            for span, value in dates:
                if span.start in _left_subtree(head) and not _in_another_clause(span, head):
                    return value  # "the 2008 ... attack"
            for span, value in dates:
                if (
                    _in_its_description(span, head)
                    and _names_its_time(span)
                    and not self._marks_other_time(span, value)
                ):
                    # "critics on Monday condemned the conference, held in X on 2 March"
                    return value
            toll = _toll_over(head)
            if toll is not None:
                # "the death toll from the bombing [on Friday] rose to six on Sunday": only a
                # date between the event word and the count's verb is the event's
                bound = toll.head.i if toll.head.i > head.i else toll.right_edge.i + 1
                own = [(s, v) for s, v in dates if head.i < s.start and s.end <= bound]
                return _most_precise(own) if own else None
        if background:
            return None
        opening = self._opening_end(sent)
        initial = [
            (s, v)
            for s, v in dates
            if s.end <= opening and (trigger is None or not _in_another_clause(s, trigger[-1]))
        ]
        if not initial and trigger is not None and anywhere:
            # "in Lahore on April 14, 2024": a date elsewhere in the clause, unless it marks
            # another time ("since early 2024", "until May").
            initial = [
                (s, v)
                for s, v in dates
                if not self._marks_other_time(s, v) and not _in_another_clause(s, trigger[-1])
            ]
        if not initial:
            return None
        return _most_precise(initial)

    def _place_for(
        self,
        sent: Span,
        anchor: Span | None,
        background: bool,
        type_: str | None = None,
    ) -> object | None:
        """Where the sentence's event happened: a place the grammar puts it at ("in X", "at the
        city's X", "in the X area, Y district, Z province, Country", "the town of X"), or a
        venue that resolves to a city. Of a chain of places under one preposition the most
        specific one that agrees with the others wins (a village the gazetteer places in
        another country than the chain's is a namesake); otherwise the nearest to the trigger.
        A region or country that opens the sentence gives way to a town of it in the act's own
        clause. `type_`: the story event's type, if the mention tells one (sessions,
        conferences and protests are about something, "a debate on the war in X"; an attack
        "on a post in X" names its target, which is where it was)."""
        topical = type_ is not None and type_ not in INCIDENT_TYPES
        candidates = []
        # token -> the chain (its preposition) of the place phrase the token is part of
        groups: dict[int, int] = {}
        previous: tuple[Actor, int] | None = None
        for actor in self._actors_in(sent.start, sent.end):
            if actor.type not in (
                "place",
                "organization",
                "person",
            ):
                continue
            first, after = (
                self.doc[actor.start],
                self.doc[actor.end] if actor.end < len(self.doc) else None,
            )
            name = self.doc[actor.start : actor.end]
            prep, path = place_preposition(name)
            if prep is not None and (
                prep.head.lemma_.lower() in lexicons.roles()
                or (topical and in_a_topic(prep, anchor))
            ):
                # "the Hamas representative in Iran": where someone serves; "a session on the
                # war in Gaza": what it was about. Neither is where this happened.
                previous = None
                continue
            others = (
                [t for t in _before_place(prep) if self._another_event_noun(t, anchor)]
                if prep is not None
                else []
            )
            if others and not any(self._the_same_violence(t, type_) for t in others):
                # "in retaliation for airstrikes in X": where those strikes were, not this one
                # (the phrase right after the noun is its own, whatever the parse hung it on)
                previous = None
                continue
            if prep is not None and self._in_a_bracketed_name(actor, prep):
                previous = None
                continue
            if actor.type == "person" and (prep is None or prep.lower_ not in ("in", "near")):
                continue  # a name the model took for a person's counts only "in X"
            group = prep.i if prep is not None else -1 - actor.start
            target = self._target_venue(actor, after, anchor) if prep is None else None
            if prep is None and target is None:
                target = self._town_acted_on(path, anchor)
            if target is not None:
                # "attacked the X airport in Y region": the venue hit is named after its town,
                # and the phrase on the venue is the town's wider place.
                group = target.i
                groups.setdefault(target.i, group)
            if prep is not None and groups.get(prep.head.i, -1) >= 0:
                group = groups[prep.head.i]  # "the town of X in Y": Y is X's wider place
            if group >= 0 and actor.type == "place":
                for i in path:
                    groups.setdefault(i, group)
            if previous is not None and continues_chain(self.doc[previous[0].end : actor.start]):
                group = previous[1]  # "..., Qadian district, Westria province, Ruritania"
            previous = (actor, group)
            if _first_of_a_joined_name(self.doc, actor.end):
                continue  # "Jammu" in "Jammu and Kashmir state" is no town of its own here
            place = self.place_of(actor)
            if place is None:
                continue
            if actor.type == "organization" and getattr(place, "precision", None) != "venue":
                continue
            if (
                hyphened_to_the_word_before(name)
                or (actor.type == "place" and names_a_topic(name))
                or owns_a_mission(name, place)
                or asked_of_a_country(name, prep, place)
            ):
                continue
            possessive = after is not None and after.text in ("’s", "'s")
            if after is not None and (
                modifies_a_noun(after)
                or (level(place) == COUNTRY and modifies_people(name, after))
                or (possessive and group < 0)
            ):
                # "Pakistan-based", "Pakistan's army", "Pakistan soldiers": a modifier, not
                # where it was
                continue
            # "Gurgaon's X Village": X lies in Gurgaon, which stands for it if X is unknown.
            before2 = self.doc[first.i - 2 : first.i].text.lower() if first.i > 1 else ""
            introduced = group >= 0 or before2 in lexicons.place_cues()
            inside = anchor is not None and any(
                t.i == first.i for c in anchor[-1].lefts for t in c.subtree
            )
            venue = actor.type == "organization"
            if background and not inside:
                continue
            if not (introduced or inside or venue):
                continue
            place = self._as_written(actor, place, after)
            distance = abs(actor.start - anchor[-1].i) if anchor is not None else 0
            candidates.append((distance, group, place, actor))
        # A country the sentence puts something in rules out namesakes elsewhere ("in
        # Eastleigh neighbourhood in Nairobi city, Kenya"); not one named only as where
        # someone came from ("assailants from X village of Y, India, fired at a camp in Z").
        # A name of the country's own chain that the document read as a place elsewhere
        # ("Zenda city, Northern governorate, Westria") is read again inside that country.
        named = {
            getattr(c[2], "country", None)
            for c in candidates
            if level(c[2]) == COUNTRY and c[1] >= 0
        }
        if named:
            candidates = [
                c if getattr(c[2], "country", None) in named else self._read_in(c, named)
                for c in candidates
            ]
            candidates = [c for c in candidates if getattr(c[2], "country", None) in named]
        candidates = self._read_in_regions(candidates)
        # A place the grammar puts the event at ("at a camp in Z") beats one that only sits
        # in the phrase of a doer ("assailants from X village, India, fired ...").
        if any(c[1] >= 0 for c in candidates):
            candidates = [c for c in candidates if c[1] >= 0]
        if not candidates:
            return None
        nearest = min(candidates, key=lambda c: c[0])
        linked = [c for c in candidates if c[1] == nearest[1]]
        chain = [c[2] for k, c in enumerate(linked) if not self._container_as_town(linked, k)]
        found = most_specific(chain) or nearest[2]
        if level(found) >= REGION and self._opens(sent, nearest[1]):
            # "In X department, a truck bomb went off beside a police barracks in the town of
            # Y": a town of that region, placed by a phrase of the act's own clause, says
            # where more exactly (not "..., a day after bandits abducted pupils in Y")
            finer = [
                c
                for c in candidates
                if c[1] != nearest[1]
                and level(c[2]) < level(found)
                and getattr(c[2], "country", None) == getattr(found, "country", None)
                and (level(found) == COUNTRY or inside_region(c[2], found))
                and self._in_the_clause_of(c[1], anchor)
            ]
            if finer:
                group = min(finer, key=lambda c: c[0])[1]
                return most_specific([c[2] for c in candidates if c[1] == group]) or found
        return found

    def _opens(self, sent: Span, group: int) -> bool:
        """Is the place phrase at `group` (its preposition's index) the sentence's opening
        adverbial, set off by a comma ("In X department, ...")?"""
        return (
            group == sent.start
            and group < sent.root.i
            and any(t.text == "," for t in self.doc[group : sent.root.i])
        )

    def _in_the_clause_of(self, group: int, anchor: Span | None) -> bool:
        """Does the place phrase at `group` hang on the anchor's own clause, not on a clause
        of its own (a relative, an adverbial, a reported or infinitive clause)?"""
        if group < 0 or anchor is None:
            return False
        verb = clause_verb(anchor[-1])
        if verb is None:
            return False
        for ancestor in self.doc[group].ancestors:
            if ancestor.i == verb.i:
                return True
            if ancestor.dep_ in CLAUSE_DEPS:
                return False
        return False

    def _target_venue(self, actor: Actor, after: Token | None, anchor: Span | None) -> Token | None:
        """The venue word after a place name when that venue is what the event's trigger acted
        on: "attacked the X airport", "the X bridge was blown up" (its object or its passive
        subject); None otherwise."""
        if after is None or anchor is None or actor.type != "place":
            return None
        if after.lower_ not in TOWN_VENUES or after.head.i != anchor[-1].i:
            return None
        if level(self.place_of(actor)) == COUNTRY:
            return None  # "attacked the Pakistan market in Jalalabad": named after a country
        return after if after.dep_ in ("dobj", "nsubjpass") else None

    def _town_acted_on(self, path: list[int], anchor: Span | None) -> Token | None:
        """The town word a place name hangs on through "of" when that town is what the event's
        trigger acted on: "attacked the town of X", "the village of X was shelled"; None
        otherwise. (A phrase after it, "the town of X in Y region", is X's wider place.)"""
        if anchor is None or len(path) < 2:
            return None
        top = self.doc[path[-1]]
        if top.head.i != anchor[-1].i or top.dep_ not in ("dobj", "nsubjpass"):
            return None
        if top.lower_ not in CITY_WORDS:
            return None  # "shelled the border of X in Y": not a town the act was done to
        # the name's word under "of" ("the town of X")
        return top if any(t.dep_ == "prep" and t.lower_ == "of" for t in top.children) else None

    def _in_a_bracketed_name(self, actor: Actor, prep: Token) -> bool:
        """Is the place part of the name of the organisation before it, as the acronym after
        it shows: "United Nations Mission in Ruritania (UNMIR)"?"""
        before = self.actor_of_token.get(prep.i - 1)
        if before is None or before.type != "organization":
            return False
        after = self.doc[actor.end : actor.end + 3]
        initials = [w[0] for w in before.name.split() if w[:1].isupper()]
        # The acronym spells the organisation's name from its first word: "(BSS)" after
        # "the Awami League in X" is a news agency's, and X is where it happened.
        return (
            len(after) == 3
            and after[0].text == "("
            and after[2].text == ")"
            and after[1].is_upper
            and len(after[1].text) > 1
            and bool(initials)
            and after[1].text[0] == initials[0]
        )

    def _container_as_town(self, chain: list[tuple], k: int) -> bool:  # type: ignore[type-arg]
        """ "in Bosomtwe, Kumasi": a bare name written after a district of the same region
        contains it, so the town the gazetteer reads for it stands for the wider place, not a
        place inside the first. Not a name its own word calls a city ("Suffolk neighbourhood,
        Belfast city"), nor one in another region (a namesake district elsewhere)."""
        _, _, place, actor = chain[k]
        after = actor.end if actor.end < len(self.doc) else actor.end - 1
        # its area word, inside the name ("Mwanza city") or after it
        words = (self.doc[actor.end - 1].lower_, self.doc[after].lower_)
        if level(place) != TOWN or any(w in lexicons.area_words() for w in words):
            return False
        region = getattr(place, "admin1", None)
        return bool(region) and any(  # (with no region known, nothing says they agree)
            level(p) == DISTRICT
            and getattr(p, "country", None) == getattr(place, "country", None)
            and getattr(p, "admin1", None) == region
            for _, _, p, _ in chain[:k]
        )

    def _as_written(self, actor: Actor, place: object, after: Token | None) -> object:
        """The place of the kind its area word says, where the name's best reading is another
        kind: "Dhamar city, Dhamar governorate" is the city and then the governorate, "Dhamar
        governorate" no town, "X district" the district at the town X's point (a
        district's own point is often far from the town a report means), "X region" with no
        region of that name the town X's point at region precision."""
        words = [self.doc[actor.end - 1].lower_]
        if after is not None and not (
            after.dep_ == "compound" and after.head.lemma_.lower() in SEAT_NOUNS
        ):  # "Kaduna state capital" is the city, not the state
            words.append(after.lower_)
        kinds = {lexicons.area_words().get(w) for w in words} - {None}
        precision = getattr(place, "precision", None)
        country = getattr(place, "country", None)
        admin1 = getattr(place, "admin1", None) or ""  # the other reading lies in the same one
        if "district" in kinds and precision == "city":
            return place.as_district()  # type: ignore[attr-defined]  # at the town's point
        if "district" in kinds and precision == "region" and country:
            # "X district" is not the division named alike: the district of its seat town
            seat = self._place_in(actor, country, ("city",), admin1)
            return seat.as_district() if seat is not None else place  # type: ignore[attr-defined]
        wanted: tuple[str, ...] = ()
        if "region" in kinds and precision == "city":
            wanted = ("region", "district")
        elif set(words) & CITY_WORDS and precision in ("region", "district"):
            wanted = ("city",)
        if not wanted or not country:
            return place
        found = self._place_in(actor, country, wanted, admin1)
        if found is None and wanted[0] == "region" and self._named_after(actor, place):
            # "Zenda region" the gazetteer knows only as the town Zenda: the town's point
            # stands for the region, which a chain must not take for the town itself ("in
            # Hentzau town, Zenda region": Hentzau is the more specific place). Not a town
            # the name is only another name of (an old name of a capital is no region of it).
            return place.as_region()  # type: ignore[attr-defined]
        return found or place

    def _named_after(self, actor: Actor, place: object) -> bool:
        """Is the place's own name the actor's name without its area word?"""
        words = [t.text for t in self.doc[actor.start : actor.end]]
        if len(words) > 1 and words[-1].lower() in lexicons.area_words():
            words = words[:-1]
        return spelled_alike(" ".join(words), str(getattr(place, "name", "")))

    def _place_in(
        self, actor: Actor, country: str, precisions: tuple[str, ...] = (), admin1: str = ""
    ) -> object | None:
        """The most likely place of the actor's name inside `country` (and its first-level
        region `admin1`), of one of `precisions` when given."""
        if self.candidates_of is None:
            return None
        return next(
            (
                p
                for p in self.candidates_of(actor)
                if getattr(p, "country", None) == country
                and (not precisions or getattr(p, "precision", None) in precisions)
                and (not admin1 or getattr(p, "admin1", None) == admin1)
            ),
            None,
        )

    def _read_in(self, candidate: tuple, countries: set) -> tuple:  # type: ignore[type-arg]
        """The candidate's name read inside the one country its chain names, if it can be."""
        distance, group, _, actor = candidate
        if group < 0 or len(countries) != 1:
            return candidate
        inside = self._place_in(actor, next(iter(countries)))
        return candidate if inside is None else (distance, group, inside, actor)

    def _read_in_regions(self, candidates: list[tuple]) -> list[tuple]:  # type: ignore[type-arg]
        """A town or district of a chain read inside the first-level region the chain names
        ("in X district, Westria province"), where the document read a namesake elsewhere and
        the region has a place so called."""
        regions: dict[int, list[object]] = {}
        for c in candidates:
            if c[1] >= 0 and level(c[2]) == REGION and getattr(c[2], "admin1", None):
                regions.setdefault(c[1], []).append(c[2])
        if not regions:
            return candidates
        read = []
        for distance, group, place, actor in candidates:
            wider = regions.get(group, [])
            if wider and level(place) < REGION and not any(inside_region(place, r) for r in wider):
                region = wider[0]
                inside = self._place_in(
                    actor,
                    getattr(region, "country", ""),
                    ("city", "district", "venue"),
                    getattr(region, "admin1", ""),
                )
                if inside is not None:  # of the kind its area word says ("X district")
                    after = self.doc[actor.end] if actor.end < len(self.doc) else None
                    place = self._as_written(actor, inside, after)
            read.append((distance, group, place, actor))
        return read

    def _names_the_story_again(self, tok: Token, trigger: Span | None, type_: str) -> bool:
        """Is the word, outside the mention's own trigger, the story's violence named again
        after "after" ("... after the explosion, in the town of X")?"""
        return (
            tok.pos_ == "NOUN"
            and not (trigger is not None and trigger.start <= tok.i < trigger.end)
            and _follows_from(tok)
            and self._the_same_violence(tok, type_)
        )

    def _the_same_violence(self, noun: Token, type_: str | None) -> bool:
        """ "Militants then stormed the camp after the explosion, in the town of X", once the
        story has told of a bombing: "the explosion" is the story's own act, and the place
        phrase after it tells where the act went on. Only violence after violence (a protest
        or an arrest "after the attack in X" may be elsewhere), and not in a sentence with a
        day of its own ("On Thursday, militants struck a mosque, days after the attack in X")."""
        return (
            self._violence_so_far > 0
            and type_ in VIOLENT_ACTS
            and noun.head.lower_ in ("after", "following")  # not "in retaliation for the ..."
            and self._is_anaphoric(noun)
            and lexicons.event_nouns().get(noun.lemma_.lower()) in VIOLENT_ACTS
            and self._sentence_date(noun.sent) is None  # "on Thursday, ... after the attack"
        )

    @staticmethod
    def _another_event_noun(head: Token, anchor: Span | None) -> bool:
        """Is `head` a noun naming another event, one this one answers or follows ("in
        retaliation for airstrikes in X", "after clashes in X")? A place phrase hanging from
        it tells where that other event was. One this happened during ("attacked them during
        a procession at X") was at the same place."""
        if head.pos_ != "NOUN" or (anchor is not None and anchor.start <= head.i < anchor.end):
            return False
        return _follows_from(head) and (
            lexicons.phrase_at([head], 0, lexicons.event_nouns()) is not None
        )

    # -- participants -------------------------------------------------------------------------

    def _resolve_pronoun(self, tok: Token) -> Actor | None:
        """He/she: the most recent person who was a grammatical subject, else the most recent
        person named ("X, the son of Y, did not attend. Instead, he ..." is X)."""
        # (persons ending before the pronoun, by bisection: the latest first)
        before = self._persons[: bisect.bisect_right(self._person_ends, tok.i)]
        window = tok.sent.start - 120  # a subject further back is not who "he" is
        for a in reversed(before):
            if a.start <= window:
                break
            if _grammatical_root(self.doc[a.start : a.end]).dep_ in ("nsubj", "nsubjpass"):
                return a
        return before[-1] if before else None

    def _anchor_token(self, tok: Token) -> Token | None:
        """Climb from a name to the word whose grammatical role tells its part; None when the
        name only describes someone else ("X, Hezbollah's envoy": Hezbollah is not there)."""
        roles = lexicons.roles()
        for _ in range(6):
            if tok.dep_ == "conj" or tok.dep_ == "appos":
                tok = tok.head
            elif tok.dep_ in ("compound", "poss", "nmod") and tok.head.lemma_.lower() in roles:
                if tok.head.dep_ in ("appos", "compound"):
                    return None
                tok = tok.head  # "Hezbollah commanders": the commanders act
            elif tok.dep_ == "pobj" and tok.head.lower_ in ("like", "including"):
                tok = tok.head.head
            elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_group_noun(tok.head.head):
                tok = tok.head.head  # "a delegation of X": the delegation acts for X
            else:
                break
        return tok

    def _a_body(self, tok: Token) -> bool:
        """Is the actor at this token an organisation?"""
        actor = self.actor_of_token.get(tok.i)
        return actor is not None and actor.type == "organization"

    def _role_for(self, tok: Token, triggers: list[Span]) -> str | None:
        anchor = self._anchor_token(tok)
        if anchor is None:
            return None
        titled = _named_in_its_role(tok, triggers)
        if titled is not None:
            return titled  # "the organisers, the Front, said ...": the Front organised it
        own = None if _of_another_noun(tok) else _own_relative_clause(anchor, triggers)
        if own is not None:
            # "X, who addressed the conference remotely, praised ...", "Y introduced X, who
            # addressed the rally via Zoom": the clause on X holds the sentence's event
            return own
        dep, head = anchor.dep_, anchor.head
        if negated(head):
            return None  # "X did not speak at the rally"
        if (
            dep == "poss"
            and head.lemma_.lower() in SPEECH_NOUNS
            and _at_the_occasion(head, triggers)
        ):
            return "speaker"  # "X's remarks drew applause at the rally"
        if (
            dep == "pobj"
            and head.lower_ == "from"
            and head.head.lemma_.lower() == "hear"
            and not negated(head.head)
            and _heard_by_the_occasion(head.head, triggers)
        ):
            return "speaker"  # "the gathering heard from X", "delegates heard from X"
        if dep == "poss" and any(head.i == t[-1].i for t in triggers):
            if head.lemma_.lower() in SPEECH_NOUNS and _a_speech_if_an_address(head):
                return "speaker"  # "X's speech was relayed to the rally"
            if head.lemma_.lower() in GUEST_NOUNS:
                return "guest"
            if (
                self._a_body(anchor)
                and _held_by_its_owner(head)
                and all(t[-1].i == head.i for t in triggers)
            ):
                # "the Front's annual rally was held": the sentence's only event word (not
                # "demonstrators massed outside the party's conference")
                return "organizer"
            return "participant"
        if (
            dep == "pobj"
            and head.lower_ == "of"
            and any(head.head.i == t[-1].i for t in triggers)
            and (head.head.lemma_.lower() in SPEECH_NOUNS | GUEST_NOUNS)
        ):
            # "the appearance of X at the conference", "the speech of X": as "X's appearance"
            # (not "the bombing of X", whose X is what was hit)
            if head.head.lemma_.lower() in GUEST_NOUNS:
                return "guest"
            return "speaker" if _a_speech_if_an_address(head.head) else None
        if dep == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
            info = lexicons.event_verb(head.head)
            return info.subject_role if info else "participant"
        if (
            dep == "pobj"
            and head.lower_ == "by"
            and head.head.lemma_.lower() in SPEECH_NOUNS
            and not (head.head.dep_ == "pobj" and head.head.head.lower_ == "of")
        ):
            return "speaker"  # "with speeches by its chairman, X"; not "a book of speeches by X"
        if dep == "nsubj" and (_gave_a_speech(head) or _in_a_speech(head)):
            # "X gave a eulogy", "X delivered the keynote address", "in a speech, X vowed ..."
            return "speaker"
        if dep == "nsubj" and head.lemma_ == "be":
            # "X was the chief guest", "X was the main speaker", "among the speakers were X",
            # "X was among those that spoke"
            role = _billed_as(head) or _among(head)
            if role is not None:
                return role
        if dep in ("nsubj", "nsubjpass"):
            info = lexicons.event_verb(head)
            if info is not None:
                if dep == "nsubjpass":
                    return info.object_role or "participant"
                return info.subject_role
            for child in head.children:  # "X was in Karachi, speaking at ..."
                sub = lexicons.event_verb(child)
                if child.dep_ in ("advcl", "xcomp", "conj") and sub is not None:
                    return sub.subject_role
            return "participant"
        if dep == "dobj":
            info = lexicons.event_verb(head)
            if head.lemma_.lower() == "hear" and not _came_to_hear(head):
                return None  # "as judges heard X": X heard, at no occasion of X's
            if head.lemma_.lower() in INCLUDING_VERBS:
                # "speakers at the rally included X", "those who spoke at the rally included X"
                # (the occasion named in the group's own words: not "guests on the talk show")
                group = next((c for c in head.children if c.dep_ == "nsubj"), None)
                if group is None or not _gathered_at(group, triggers):
                    return None
                return _role_of_group(group)
            return info.object_role if info is not None else None
        if (
            dep == "pobj"
            and head.lower_ == "with"
            and head.head.lemma_.lower() in ("share", "join", "meet")
        ):
            return "participant"
        if dep == "pobj" and head.lower_ == "alongside":
            # "X appeared alongside Y at the rally", "X was arrested alongside Y": Y's part is
            # the subject's
            verb = head.head
            info = lexicons.event_verb(verb) if verb.pos_ == "VERB" else None
            if info is None:
                return None
            if any(c.dep_ == "nsubjpass" for c in verb.children):
                return info.object_role or "participant"
            return info.subject_role
        return None

    def _participants(self, sent: Span, triggers: list[Span]) -> list[tuple[int, Participation]]:
        """(token index, Participation) for each actor the grammar ties to an event."""
        evidence = self._evidence(sent)
        out = []
        lower = lexicons.doc_words(self.doc).lower
        for i in range(sent.start, sent.end):
            actor = self.actor_at.get(i)
            if actor is None and lower[i] not in PERSON_PRONOUNS:
                continue  # (no Token made for the other words)
            tok = self.doc[i]
            if (
                actor is None
                and tok.lower_ in PERSON_PRONOUNS
                and tok.dep_ in ("nsubj", "nsubjpass")
            ):
                actor = self._resolve_pronoun(tok)
                root = tok
            elif actor is not None:
                root = _grammatical_root(self.doc[actor.start : actor.end])
            else:
                continue
            if actor is None or actor.type not in ("person", "organization"):
                continue
            role, mode = self._role_for(root, triggers), "unknown"
            if role is None and self._anchor_token(root) is not None:
                role = self._subject_of_bare_root(root, sent)
            if role in (None, "participant") and _sent_a_message(root, triggers):
                # "a recorded message from X was played to the rally": X spoke to it from afar
                role, mode = "speaker", "remote"
            suspected = False
            if role is None and _said_to_be_the_doers(root):
                role, suspected = "perpetrator", True
            if role is not None:
                basis = None
                if role == "perpetrator":
                    suspected = suspected or _written_as_suspected(root)
                    basis = "suspected" if suspected else "stated"
                out.append((tok.i, Participation(actor.entity, role, mode, evidence, basis)))
        return _apply_modes(sent, out)

    @staticmethod
    def _subject_of_bare_root(tok: Token, sent: Span) -> str | None:
        """The parser sometimes loses a long list of subjects ("On DATE, to mark X, A, B and C
        joined ..."): an actor before a subject-less root verb of participation is its subject."""
        root = sent.root
        info = lexicons.event_verb(root)
        if info is None or tok.i >= root.i:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
            return None
        return info.subject_role

    def _perpetrators(self, trigger: Span, sent: Span) -> list[Participation]:
        """Actors named inside a violent event's noun phrase ("the Hamas massacre")."""
        evidence = self._evidence(sent)
        out = []
        for i in sorted(_left_subtree(trigger[-1])):
            actor = self.actor_at.get(i)
            if actor is not None and actor.type in ("person", "organization"):
                out.append(
                    Participation(actor.entity, "perpetrator", "unknown", evidence, "stated")
                )
        return out

    # -- quotes ---------------------------------------------------------------------------

    def _quotes(self, sent: Span) -> list[Quote]:
        texts = [m.group(1).strip() for m in QUOTE.finditer(span_text(sent))]
        texts = [t for t in texts if len(t.split()) >= 4]
        if not texts:
            return []
        speaker: Actor | None = None
        speaker_text = ""
        for tok in sent:
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
                subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subject is None:
                    continue
                span = self.doc[subject.left_edge.i : subject.right_edge.i + 1]
                speaker_text = span.text
                if subject.lower_ in PERSON_PRONOUNS:
                    speaker = self._resolve_pronoun(subject)
                else:
                    speaker = next(
                        (
                            self.actor_of_token[t.i]
                            for t in span
                            if t.i in self.actor_of_token
                            and self.actor_of_token[t.i].type == "person"
                        ),
                        None,
                    )
                break
        if not speaker_text:
            return []
        evidence = self._evidence(sent)
        return [
            Quote(
                speaker.entity if speaker else None,
                speaker.name if speaker else speaker_text,
                text,
                evidence,
            )
            for text in texts
        ]

    # -- mentions -----------------------------------------------------------------------------

    def _label(self, trigger: Span | None, type_: str, sent: Span) -> tuple[str, bool]:
        if trigger is None:
            purpose = re.search(r"\bto mark ([^,.;]+)", span_text(sent))
            return (f"{purpose.group(1).strip()} gathering" if purpose else type_), False
        head = trigger[-1]
        if head.pos_ == "VERB":
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            actor = self.actor_of_token.get(obj.i) if obj is not None else None
            joiner = VERB_LABELS.get(type_, "of")
            return (f"{type_} {joiner} {actor.name}" if actor else type_), False
        # A quoted title around the trigger names the event.
        for match in QUOTE.finditer(span_text(sent)):
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            if start <= head.idx < end or (end <= head.idx and head.idx - end <= 1):
                if start <= head.idx < end:  # “Name Conference.”: the title alone
                    return self.text[start + 1 : end - 1].strip(" ,.;:"), True
                return self.text[start : head.idx + len(head.text)], True  # “Name” conference
        words = [
            t for t in head.lefts if t.dep_ not in ("det", "poss", "predet") and not t.is_punct
        ]
        start = min([t.left_edge.i for t in words], default=trigger.start)
        return self.doc[start : trigger.end].text, False

    def mentions(self, sent: Span) -> list[EventMention]:
        noun_triggers = self._noun_triggers(sent)
        verb_triggers = self._verb_triggers(sent)
        all_triggers = [span for span, _ in noun_triggers + verb_triggers]
        participants = self._participants(sent, all_triggers)
        out: list[EventMention] = []
        story: list[tuple[Span, str]] = []
        claimed: set[int] = set()
        noun_triggers = [(s, t) for s, t in noun_triggers if not self._is_irrealis(s[-1])]
        verb_triggers = [(s, t) for s, t in verb_triggers if not self._is_irrealis(s[-1])]
        for span, type_ in noun_triggers:
            head = span[-1]
            if self._is_background(head, type_, self._claimed_here(head)):
                date = self._date_for(sent, span, background=True)
                claimed |= {s.start for s, v in self._dates_in(sent) if v is date and v is not None}
                place = self._place_for(sent, span, background=True)
                label, named = self._label(span, type_, sent)
                mention = EventMention(
                    sent,
                    type_,
                    span,
                    label,
                    named,
                    True,
                    self._is_anaphoric(head),
                    False,
                    date,
                    place,
                )
                mention.participants = self._perpetrators(span, sent)
                out.append(mention)
            else:
                story.append((span, type_))
        story += verb_triggers
        strikers = None if story else strikers_named(sent)
        if strikers is not None and not self._is_irrealis(strikers[-1].head):
            story = [(strikers, "strike")]  # ("striking teachers will return": no strike told)
        opening_date = self._date_for(sent, None, background=False, claimed=frozenset(claimed))
        actors_present = [p for _, p in participants]
        if (
            not story
            and opening_date is not None
            and actors_present
            # (a doer or a target tells of an act no word here names: no gathering)
            and not any(p.role in ("perpetrator", "target") for p in actors_present)
        ):
            # Dated actors without an event word: a statement if all they do is speak.
            spoke = all(p.role == "speaker" for p in actors_present)
            story = [(None, "statement" if spoke else "gathering")]  # type: ignore[list-item]
        if story:
            # One story event per sentence: the nouns in one sentence are one event's names
            # ("the X conference, a twelve-day protest event in Karachi").
            story = without_settings(story)  # type: ignore[assignment]
            story = without_crowds_harmed(story)  # type: ignore[assignment]
            # "the assault was in retaliation for airstrikes": the airstrikes are another
            # event, told only as what this one answers.
            # ("gathered for a rally": the rally is what the weak word gathers for; it stays)
            answered = [st for st in story if st[0] is not None and _within_a_reason(st[0][-1])]
            rest = [st for st in story if st not in answered]
            # ("a vehicle overturned after hitting a mine": the mine's blast is what happened;
            # an accident never displaces the violence that caused it)
            told = [t for _, t in rest if t not in WEAK_TYPES]
            caused = told and all(t == ACCIDENT for t in told)
            if told and not (caused and any(t in VIOLENT_TYPES for _, t in answered)):
                story = rest
            span, type_ = max(story, key=lambda st: rank(st[1]))  # the first of the highest
            type_ = raid_type(span, crowd_type(story, span, type_, sent))
            named_span = next(
                (s for s, _ in story if s is not None and self._label(s, type_, sent)[1]), span
            )
            label, named = self._label(named_span, type_, sent)
            heads = [s[-1] for s, _ in story if s is not None]
            anaphoric = any(self._is_anaphoric(h) for h in heads)
            generic = bool(heads) and all(self._is_generic(h) for h in heads)
            if generic:
                # "witnessed widespread protests ... on 23 July": told of one day, so not a habit
                on_a_day = self._date_for(sent, span, background=False, claimed=frozenset(claimed))
                generic = getattr(on_a_day, "precision", None) != "day"
            # A mention that refers back ("the same visit") or speaks of many ("rallies") takes
            # only a date that opens the sentence, not one from another clause.
            date = self._date_for(
                sent,
                span,
                background=False,
                claimed=frozenset(claimed),
                anywhere=not (anaphoric and self._story_so_far) and not generic,
            )
            date = self._no_later_than_the_report(date, span, type_)
            place = self._place_for(sent, span, background=False, type_=type_)
            mention = EventMention(
                sent, type_, span, label, named, False, anaphoric, generic, date, place
            )
            mention.follows = (
                place is not None
                and type_ in VIOLENT_ACTS
                and self._violence_so_far > 0
                and any(self._names_the_story_again(t, span, type_) for t in sent)
            )
            mention.participants = [p for _, p in participants]
            mention.parties = self._parties(sent, span, type_)
            out.append(mention)
        return out

    def _no_later_than_the_report(
        self, date: object | None, trigger: Span | None, type_: str
    ) -> object | None:
        """An incident or protest told as done cannot come after the report that tells it:
        "on 14 March" in one of 7 March, a weekday or weekend a story of its own time reads
        as one to come. Such a reading gives way to the report's week, with the reason kept;
        a date on or before publication, a plan ("will march on Saturday") and a report
        without a publication date are left as they are."""
        reported = self.reported
        published = reported.end if reported is not None else None
        start = getattr(date, "start", None)
        if reported is None or published is None or start is None or trigger is None:
            return date
        if start <= published:
            return date
        if type_ not in DONE_NOT_PLANNED:
            return date
        verb = next((t for t in (trigger[-1], *trigger[-1].ancestors) if t.pos_ == "VERB"), None)
        if verb is None or not simple_past(verb):
            return date
        return replace(
            reported,
            text=f"{getattr(date, 'text', '')!r} read as after the report, which tells it as "
            f"done; reported on {published.isoformat()}",
        )

    # -- the document -------------------------------------------------------------------------

    def read(self) -> list[Event]:
        events: list[Event] = []
        current: Event | None = None
        touched = -2  # paragraph where the current event was last referred to
        recent: tuple[int, object] | None = (
            None  # (sentence number, date) of the latest dated sentence
        )
        self._sentence_number = -1
        for number, sent in enumerate(doc_sents(self.doc)):
            if self.is_excluded(sent.start_char, sent.start_char + len(span_text(sent).rstrip())):
                continue  # (a sentence's trailing line break lies outside the excluded range)
            if not any(a <= sent.start_char < b for a, b in self._headlines):
                self._sentence_number += 1  # the lead is counted in the body
                if self._first_sentence is None:
                    self._first_sentence = (sent.start_char, sent.end_char)
            paragraph = self._paragraph(sent)
            # "The gathering was presided over by ..." may open the next paragraph; further on,
            # a definite "the event" no longer reliably points back.
            if paragraph - touched > 1:
                current = None
            mentions = self.mentions(sent)
            told: Event | None = None  # the story event this sentence tells, if any
            for mention in mentions:
                story_date = recent[1] if recent is not None and number - recent[0] <= 2 else None
                same_paragraph = paragraph == touched
                target = self._place_mention(mention, events, current, story_date, same_paragraph)
                if target is None:
                    continue
                if not mention.background:
                    current, touched = target, paragraph
                    told = told or target
            self._story_so_far = sum(1 for e in events if not e.background)
            self._violence_so_far = sum(
                1 for e in events if not e.background and e.type in VIOLENT_ACTS
            )
            dated = self._sentence_date(sent)
            if dated is not None:
                recent = (number, dated)
            if current is not None and told is None:
                # (no story event of its own, or one that led nowhere: "X addressed the crowd
                # via video link" in the rally's report is more of the rally)
                self._continue(current, sent)
                if current is self._lead:
                    self._narrow_lead(current, sent)
            self._responsibility(sent, current, events)
            tallied = told or current  # the event this sentence's casualty figures are for
            split = self._split_from.get(tallied.id) if tallied is not None else None
            if split is not None and split[1] == paragraph and sent.start > split[2]:
                tallied = split[0]
            acts = frozenset(
                t.i
                for m in mentions
                if not m.background and m.trigger is not None
                for t in m.trigger
            )
            self._count_casualties(sent, tallied, acts)
            if current is not None:
                for quote in self._quotes(sent):
                    known = {p.entity for p in current.participants}
                    if quote.speaker is None or quote.speaker in known:
                        current.quotes.append(quote)
                        if quote.speaker is not None:
                            _add_participant(
                                current,
                                Participation(quote.speaker, "speaker", "unknown", quote.evidence),
                            )
        self._set_casualties(events)
        lead = next((e for e in events if not e.background), None)
        if lead is not None and lead.place is None and self.dateline is not None:
            lead.place = self.dateline  # type: ignore[assignment]  # where the report was filed
        for event in events:
            if event.place is None and not event.background:
                event.place = self._seat_of_host(event)  # type: ignore[assignment]
        if self._lead is not None and self._lead.place is None:
            self._lead.place = self._place_named_with(self._lead)  # type: ignore[assignment]
        for event in events:
            if event.place is not None and getattr(event.place, "name", "") not in event.label:
                event.label = f"{event.label} in {event.place.name}"  # type: ignore[attr-defined]
        return events

    def _narrow_lead(self, lead: Event, sent: Span) -> None:
        """A lead put only in a country ("gunmen stormed the embassy in Ruritania") happened in
        the town of that country where a next sentence of the lead puts the very thing the lead
        named, with no event word of its own: "A van was driven through the gate of the embassy
        in X". Only "the" + a noun of the lead's sentence, singular, marks it as the same
        thing: not "a hospital in X", "embassies in X", "the ministry in X"."""
        if self._sentence_number >= LEAD_SENTENCES or level(lead.place) != COUNTRY:
            return
        lead_nouns = self._lead_nouns(lead)
        for actor in self._actors_in(sent.start, sent.end):
            if actor.type != "place":
                continue
            prep, _ = place_preposition(self.doc[actor.start : actor.end])
            if prep is None or prep.lower_ not in NARROWING_PREPOSITIONS:
                continue
            # (the phrase right after the noun is its own, whatever the parse hung it on)
            if not any(
                thing.pos_ == "NOUN"
                and thing.tag_ == "NN"
                and thing.lemma_.lower() in lead_nouns
                and any(c.dep_ == "det" and c.lower_ == "the" for c in thing.children)
                for thing in _before_place(prep)
            ) or _told_by_a_speaker(prep):
                continue
            place = self.place_of(actor)
            if _narrows(place, lead.place):
                lead.place = place  # type: ignore[assignment]
                evidence = self._evidence(sent)
                if evidence not in lead.evidence:
                    lead.evidence.append(evidence)
                return

    def _lead_nouns(self, lead: Event) -> set[str]:
        """The common nouns of the sentence that opened the lead (its target, its venue)."""
        first = lead.evidence[0]
        span = self.doc.char_span(first.start, first.end, alignment_mode="expand")
        if span is None:
            return set()
        return {t.lemma_.lower() for t in span if t.pos_ == "NOUN"}

    def _seat_of_host(self, event: Event) -> object | None:
        """An occasion a national body hosted or held, with no place named, happened where it
        sits: "the Senate feted X" -> the capital."""
        if self.seat_of is None:
            return None
        names = self._org_names
        for p in event.participants:
            if p.entity in names and p.role in ("host", "organizer", "participant"):
                seat = self.seat_of(names[p.entity], p.evidence.start, p.evidence.end)
                if seat is not None:
                    return seat
        return None

    def _place_named_with(self, event: Event) -> object | None:
        """A report's lead event whose sentences put it nowhere grammatically ("students of X
        College in Y protested", "militants fired at a patrol; the Y district police said") is
        placed at the most specific place its own sentences, or the report's first sentence
        (which tells the lead even where the parse lost the event word), name, if those places
        agree."""
        spans = [(ev.start, ev.end) for ev in event.evidence]
        if self._first_sentence is not None:
            spans.append(self._first_sentence)
        found = []
        seen: set[int] = set()
        for start_char, end_char in spans:
            span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
            if span is None:
                continue
            for actor in self._actors_in(span.start, span.end):
                if actor.type != "place" or actor.start in seen:
                    continue
                start = self.doc[actor.start].idx
                if not (start_char <= start < end_char):
                    continue
                seen.add(actor.start)
                after = self.doc[actor.end] if actor.end < len(self.doc) else None
                if modifies_a_noun(after) or _first_of_a_joined_name(self.doc, actor.end):
                    continue  # "Pakistan-based", "Pakistan-occupied"; "Jammu and Kashmir state"
                name = self.doc[actor.start : actor.end]
                prep, _ = place_preposition(name)
                if prep is not None and any(
                    self._another_event_noun(t, None) for t in _before_place(prep)
                ):
                    continue  # "in retaliation for airstrikes in X"
                place = self.place_of(actor)
                if (
                    place is None
                    or hyphened_to_the_word_before(name)
                    or names_a_topic(name)
                    or owns_a_mission(name, place)
                ):
                    continue
                if not asked_of_a_country(name, prep, place):  # "called on Westria to ..."
                    found.append(place)
        return most_specific(found)

    def _parties(self, sent: Span, trigger: Span | None, type_: str) -> list[Party]:
        """The event word's unnamed parties ("gunmen", "two students"), with their words."""
        if trigger is None:
            return []
        sentence = self._evidence(sent)
        named = self.actor_of_token.__contains__
        # a crowd's violence has doers and victims too ("a mob lynched a man"); in "soldiers
        # clashed with protesters" the soldiers did no riot
        violent = type_ in VIOLENT_TYPES or self._riot(trigger, type_)
        found = (
            victim_parties(sent, named)  # nobody did it: its parties are the people it hurt
            if type_ == ACCIDENT
            else unnamed_parties(trigger, violent, named)
        )
        return [
            Party(p.text, p.role, replace(sentence, start=p.start, end=p.end, text=p.text))
            for p in found
        ]

    @staticmethod
    def _riot(trigger: Span, type_: str) -> bool:
        """Is it a riot whose doer, by the grammar of its word, is a crowd?"""
        return type_ == "riot" and by_a_crowd(trigger[-1])

    def _count_casualties(
        self, sent: Span, event: Event | None, acts: frozenset[int] = frozenset()
    ) -> None:
        if event is None or event.background or event.type not in INCIDENT_TYPES:
            return
        told = self._counted.setdefault(event.id, {})
        found = casualties_in(sent, told, acts)
        count_people(sent, told)
        if found is None:
            return
        evidence = replace(
            self._evidence(sent),
            start=found.start,
            end=found.end,
            text=self.text[found.start : found.end],
            extractor=CASUALTY_EXTRACTOR,
        )
        self._casualties.setdefault(event.id, []).append((found, evidence))

    def _set_casualties(self, events: list[Event]) -> None:
        """Each incident's killed and injured, from all its sentences. A report that counts
        the injured and tells of no death reports none: killed is 0 then, not unknown."""
        for event in events:
            read = self._casualties.get(event.id)
            if not read:
                continue
            counts = [count for count, _ in read]
            killed, injured = combine(counts)
            if killed is None and no_deaths_told(counts):
                killed = 0
            # the evidence of the figures; a sentence that only tells that people died,
            # uncounted, decides no figure but whether deaths were told
            figures = tuple(ev for c, ev in read if c.killed is not None or c.injured is not None)
            if figures:
                event.casualties = Casualties(killed, injured, figures)

    def _responsibility(self, sent: Span, current: Event | None, events: list[Event]) -> None:
        """Who claimed the violent event the sentence is about, or is blamed for it."""
        violent = [e for e in events if not e.background and e.type in VIOLENT_TYPES]
        if not violent:
            return
        found = responsibility_in(
            sent,
            lambda i: i in self.actor_at and self.actor_at[i].type in ("person", "organization"),
        )
        if not found:
            return
        event = current if current in violent else violent[-1]
        evidence = self._evidence(sent)
        if evidence not in event.evidence:
            event.evidence.append(evidence)
        for said in found:
            # What the text says about claims: a claim outranks "no group claimed", which
            # outranks an attribution by others (kept on the perpetrator as its basis).
            status = event.responsibility[0] if event.responsibility else ""
            if CLAIM_RANK[said.status] > CLAIM_RANK.get(status, -1):
                event.responsibility = (said.status, evidence)
            for i in said.actors:
                actor = self.actor_at[i]
                # Whatever else the sentence made of it ("X said it carried out ..." speaks),
                # the actor a claim or attribution names is the event's perpetrator.
                same = [p for p in event.participants if p.entity == actor.entity]
                mode = same[0].mode if same else "unknown"
                event.participants = [p for p in event.participants if p.entity != actor.entity]
                event.participants.append(
                    Participation(actor.entity, "perpetrator", mode, evidence, said.status)
                )

    def _marks_other_time(self, span: Span, value: object) -> bool:
        """A date introduced by "since", "until", "before" ... is not when this happened, nor
        one inside a clause so introduced ("protested ... after a student died the previous
        week")."""
        before = self.doc[span.start - 1].lower_ if span.start > 0 else ""
        text = str(getattr(value, "text", "")).lower()
        if before in OTHER_TIME_MARKERS or text.startswith(OTHER_TIME_MARKERS):
            return True
        for ancestor in span.root.ancestors:
            if ancestor.dep_ in ("advcl", "relcl") and any(
                c.dep_ == "mark" and c.lower_ in CLAUSE_TIME_MARKERS for c in ancestor.children
            ):
                return True
            if ancestor.dep_ == "ROOT":
                break
        return False

    def _sentence_date(self, sent: Span) -> object | None:
        """The date a sentence reports about, if any (not "since"/"until" other times)."""
        dates = [
            (s, v)
            for s, v in self._dates_in(sent)
            if v is not None and not self._marks_other_time(s, v)
        ]
        return _most_precise(dates) if dates else None

    def _place_mention(
        self,
        m: EventMention,
        events: list[Event],
        current: Event | None,
        story_date: object | None = None,
        same_paragraph: bool = False,
    ) -> Event | None:
        """Which event a sentence's mention belongs to (a new one, the current one, or none)."""
        evidence = self._evidence(m.sent)
        if m.background:
            same = next(
                (
                    e
                    for e in events
                    if e.background
                    and e.type == m.type
                    and (m.date is None or e.date is None or _overlap(e.date, m.date))
                    and (m.anaphoric or (m.date is not None and e.date is not None))
                ),
                None,
            )
            if same is None and m.date is None and m.place is None:
                return None
            target = same or self._new_event(m, events)
        elif (
            m.date is not None
            and current is not None
            and getattr(current.date, "precision", None) == "reported"
            and (m.anaphoric or m.type == current.type)
        ):
            target = current  # "This was one of two attacks in X on June 16": its date
        elif m.date is not None:
            target = next(
                (
                    e
                    for e in events
                    if not e.background
                    and e.date is not None
                    and _same_when(e.date, m.date)
                    and _same_where(e.place, m.place)
                ),
                None,
            ) or self._new_event(m, events)
        elif m.anaphoric and current is not None:
            # "the attack", "the rally" (the setting the act before fell on): the event told
            # so far; "their sit-in" after the workers' arrest: the latest one of its own
            # kind, if the story has one
            same = self._latest_of_type(events, m.type) if _apart(current.type, m) else None
            target = same or current
        elif m.anaphoric:
            # "During the same visit" further on: the latest story event of that type, if any.
            same = self._latest_of_type(events, m.type)
            if same is not None:
                target = same
            elif self._is_lead(m, events):  # "suppressed demonstrations against X's visit"
                m.date = self.reported
                target = self._new_event(m, events)
            else:
                return None
        elif m.generic:
            return None
        elif (
            current is not None
            and same_paragraph
            and _apart(current.type, m)
            and (self.reported is not None or current.type != ACCIDENT)
        ):
            # "A bus plunged into a gorge. Hours later, gunmen ambushed a patrol": violence
            # after an accident is another event, dated by the report. "A rally was held in X
            # on Sunday. A bomb went off near the stage": the bombing is an event of its own,
            # on the occasion's day and, unless it names its own, at the occasion's place.
            # "Gunmen shot a journalist. Hundreds of journalists staged a protest": the
            # protest may have come later, and elsewhere: the report dates it.
            elsewhere = not (
                _same_where(current.place, m.place) or _narrows(m.place, current.place)
            )
            if current.type in HELD_OCCASIONS and not elsewhere:
                m.date = current.date or self.reported
                m.place = m.place or current.place
            else:
                m.date = self.reported
            target = self._new_event(m, events)
            if current.type in HARM_TYPES:
                # the figures told after it in this paragraph are the act's, not the protest's
                self._split_from[target.id] = (current, self._paragraph(m.sent), m.sent.start)
        elif (
            current is not None
            and same_paragraph
            and not _apart(current.type, m)
            and (
                m.place is None
                or current.place is None
                or _same_where(current.place, m.place)
                # "after the explosion, in the town of X": the lead's country, then its town
                or (m.follows and _narrows(m.place, current.place))
            )
        ):
            target = current  # "... made the announcement at a press conference" after the lead
        elif story_date is not None and (m.place is not None or m.participants):
            m.date = story_date  # the lead gave the date, this sentence the venue
            target = self._new_event(m, events)
        elif m.named and m.place is not None:
            target = self._new_event(m, events)
        elif self._is_lead(m, events):
            m.date = self.reported  # a news report's lead: dated by its publication
            target = self._new_event(m, events)
        else:
            return None
        self._merge(target, m, evidence)
        return target

    @staticmethod
    def _latest_of_type(events: list[Event], type_: str) -> Event | None:
        return next((e for e in reversed(events) if not e.background and e.type == type_), None)

    def _is_lead(self, m: EventMention, events: list[Event]) -> bool:
        """An undated mention that tells a news report's lead event: in the first sentences,
        before any other event, with an event word (not only a speaking verb)."""
        if m.trigger is None or m.background or m.generic or m.type in ("statement", "appearance"):
            return False
        if any(not e.background for e in events):
            return False
        if any(a <= m.sent.start_char < b for a, b in self._headlines):
            return False  # a headline restates the lead; the body tells it
        return self._sentence_number < LEAD_SENTENCES

    def _merge(self, event: Event, m: EventMention, evidence: Evidence) -> None:
        """Fold one sentence's reading into an event. A quoted title, once seen, names it."""
        if evidence not in event.evidence:
            event.evidence.append(evidence)
        if event.type in WEAK_TYPES and m.type not in WEAK_TYPES:
            event.type = m.type
        if m.named and event.id not in self._titled:
            event.label = m.label
            self._titled.add(event.id)
            if m.type not in WEAK_TYPES:
                event.type = m.type
        if m.date is not None and (
            event.date is None or getattr(event.date, "precision", None) == "reported"
        ):
            event.date = m.date  # type: ignore[assignment]
        lead = self._sentence_number < LEAD_SENTENCES  # later sentences digress
        if event.place is None and m.place is not None or lead and _narrows(m.place, event.place):
            event.place = m.place  # type: ignore[assignment]
        for p in m.participants:
            _add_participant(event, p)
        for party in m.parties:
            said = (party.text.lower(), party.role)
            if all(said != (q.text.lower(), q.role) for q in event.parties):
                event.parties.append(party)

    def _new_event(self, m: EventMention, events: list[Event]) -> Event:
        lead = not m.background and self._sentence_number < LEAD_SENTENCES
        if lead and not any(not e.background for e in events):
            self._lead = self._open_event(m, events)
            return self._lead
        return self._open_event(m, events)

    def _open_event(self, m: EventMention, events: list[Event]) -> Event:
        event = Event(
            # The trigger's offset too: one sentence can report two events of one type
            # ("the Atlanta clinic bombing ... a 1997 attack").
            id=stable_id(
                "evt",
                self.document_id,
                m.sent.start_char,
                m.type,
                m.trigger.start_char if m.trigger is not None else -1,
            ),
            type=m.type,
            label=m.label,
            background=m.background,
            date=m.date,  # type: ignore[arg-type]
            place=m.place,  # type: ignore[arg-type]
        )
        events.append(event)
        return event

    def _continue(self, event: Event, sent: Span) -> None:
        """A sentence without an event word about the current event: modes of its participants
        ("Video footage shows X on stage"), who spoke to its audience or appeared to speak in
        a stated way ("X addressed the crowd via video link", "X appeared by video link"), and
        the roles a sentence about "it" gives ("It was addressed by X, who joined online")."""
        known = {p.entity for p in event.participants}
        occasion = event.type not in ACTS
        # "It was addressed by X": the occasion's own roles, told of it by a pronoun
        told_of_it = dict(self._participants(sent, [])) if occasion and _of_it(sent) else {}
        for i, p in _apply_modes(sent, self._all_actors(sent)):
            if p.entity in known and p.mode != "unknown":
                _add_participant(event, p)
            elif occasion and (
                _addressed_the_audience(self.doc[i])
                or (p.mode != "unknown" and _appeared_to_speak(self.doc[i]))
                or _took_the_floor(self.doc[i])
            ):
                # "X addressed the crowd via video link", "X appeared by video link", "X also
                # spoke": a speaker of the occasion under way
                _add_participant(event, Participation(p.entity, "speaker", p.mode, p.evidence))
            elif i in told_of_it and told_of_it[i].role in OCCASION_ROLES:
                role = told_of_it[i].role
                _add_participant(event, Participation(p.entity, role, p.mode, p.evidence))
            elif (
                occasion
                and _told_plainly(self.doc[i], sent)
                and (billed := _billed_there(self.doc[i])) is not None
            ):
                # "X was among the attendees", "X was the chief guest"
                _add_participant(event, Participation(p.entity, billed, p.mode, p.evidence))
            elif occasion and p.mode == "in_person" and _told_plainly(self.doc[i], sent):
                # "X was pictured on stage", "X was also in attendance": there in person
                _add_participant(event, Participation(p.entity, "participant", p.mode, p.evidence))
            else:
                continue
            if self._evidence(sent) not in event.evidence:
                event.evidence.append(self._evidence(sent))

    def _all_actors(self, sent: Span) -> list[tuple[int, Participation]]:
        evidence = self._evidence(sent)
        return [
            (a.start, Participation(a.entity, "participant", "unknown", evidence))
            for a in self._actors_in(sent.start, sent.end)
            if a.type in ("person", "organization")
        ]


# Nouns for an assembled audience: "X addressed the crowd", "X spoke to supporters" (not
# "spoke to the students", "spoke to villagers": people in general, met or talked to).
AUDIENCE_WORDS = frozenset(
    {
        "audience",
        "attendee",
        "participant",
        "delegate",
        "marcher",
        "crowd",
        "gathering",
        "rally",
        "protester",
        "protestor",
        "demonstrator",
        "supporter",
        "congregation",
        "mourner",
        "worshipper",
    }
)


# An audience assembled in one place, told something there ("told the crowd that ..."): not
# supporters or protesters, often told through a statement.
ASSEMBLY_WORDS = frozenset(
    {
        "audience",
        "attendee",
        "delegate",
        "crowd",
        "gathering",
        "rally",
        "congregation",
        "marcher",
        "mourner",
        "worshipper",
    }
)


# The roles a sentence about the occasion under way can give ("it was organised by X").
OCCASION_ROLES = ("speaker", "organizer", "host", "guest", "attendee")


# Occasions a body's possessive makes it the organiser of: "the Front's rally", "the party's
# conference" (event_nouns.tsv types). Not a strike (a military one, or one against an
# employer: "the company's strike"), nor a meeting ("the ministry's meeting with Y").
HELD_BY_OWNER = frozenset({"rally", "march", "protest", "conference"})


def _held_by_its_owner(noun: Token) -> bool:
    nouns = lexicons.event_nouns()
    return nouns.get(noun.lemma_.lower(), nouns.get(noun.lower_)) in HELD_BY_OWNER


# Verbs a sentence that places someone at the occasion under way is told with: "X was among
# the attendees", "X was pictured on stage", "X was seen in attendance".
PLACING_VERBS = frozenset({"be", "picture", "photograph", "film", "see", "show", "sit", "stand"})
# "at the podium", "at the lectern": the only "at" such a sentence may have.
STAGE_WORDS = frozenset({"podium", "lectern", "stage", "rostrum"})


def _told_plainly(first: Token, sent: Span) -> bool:
    """Is the sentence a plain statement of the name, as subject, being there: its main verb one
    of being or being shown, not denied, planned or reported, with no date, place or other
    venue of its own ("X was not in attendance", "X will be in attendance next week", "X was
    in attendance at the trial", "Y said X was on stage", "X's mother was there": no)?"""
    name = _subject_named(first)  # ("Its leader, X, was in attendance": through "leader")
    root = sent.root
    if name.dep_ not in ("nsubj", "nsubjpass") or name.head.i != root.i:
        return False
    if root.lemma_.lower() not in PLACING_VERBS:
        return False
    if negated(root) or has_modal(root):
        return False
    if any(t.ent_type_ in OWN_SETTING for t in sent):
        return False
    return not any(
        t.dep_ == "prep"
        and t.lower_ == "at"
        and any(g.dep_ == "pobj" and g.lemma_.lower() not in STAGE_WORDS for g in t.children)
        for t in sent
    )


def _billed_there(first: Token) -> str | None:
    """The occasion role a "be" sentence gives the name starting at this token: "X was among
    the attendees", "X was the chief guest" (`_billed_as`, `_among`)."""
    name = _subject_named(first)
    if name.dep_ != "nsubj" or name.head.lemma_ != "be":
        return None
    role = _billed_as(name.head) or _among(name.head)
    return role if role in OCCASION_ROLES else None


def _of_it(sent: Span) -> bool:
    """Is the sentence told of "it" (the occasion under way): "it was addressed by X"?"""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.lower_ == "it" and t.head.i == sent.root.i
        for t in lexicons.tokens_among(sent, ("it",))
    )


def _appeared_to_speak(first: Token) -> bool:
    """Is the name starting at this token the subject of a verb of taking the floor, not told
    to the press ("X appeared by video link", "X spoke by phone"; not "X spoke to reporters")?"""
    name = _name_root(first)
    if name.dep_ == "appos":  # "The main speaker, X of Y, appeared by video link"
        name = name.head
    verb = name.head
    if name.dep_ != "nsubj" or verb.lemma_.lower() not in APPEARING_VERBS:
        return False
    press = lexicons.event_audiences()
    return not any(
        g.lower_ in press
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
    )


# What a speaker far away sends an occasion: "a message from X was read out to the rally".
MESSAGE_NOUNS = frozenset({"message", "greeting"})
# Verbs that bring a message to the occasion's floor ("played", "read out", "broadcast").
RELAYING_VERBS = frozenset({"play", "read", "broadcast", "screen", "relay", "air"})
TO_AN_OCCASION = ("to", "at", "during")


def _to_the_occasion(word: Token, triggers: list[Span], preps: tuple[str, ...]) -> bool:
    """Does one of these prepositions on the word have one of the sentence's event words as its
    object ("played to the rally", "applause at the rally")?"""
    heads = {t[-1].i for t in triggers}
    return any(g.i in heads for g in objects_of(word, preps, ("prep", "dative")))


def _at_the_occasion(speech: Token, triggers: list[Span]) -> bool:
    """Was this speech given at the sentence's occasion, not at a violent act: "X's remarks at
    the rally", "X's remarks drew applause at the rally"?"""
    if any(_an_act_word(t[-1]) for t in triggers):
        return False  # "critics attacked X's remarks at the rally": the roles go to the attack
    return _to_the_occasion(speech, triggers, TO_AN_OCCASION) or (
        speech.dep_ in ("nsubj", "nsubjpass", "dobj")
        and _to_the_occasion(speech.head, triggers, TO_AN_OCCASION)
    )


def _an_act_word(word: Token) -> bool:
    """Does the event word name a violent act or an accident ("the attack", "attacked")?"""
    nouns = lexicons.event_nouns()
    if nouns.get(word.lemma_.lower(), nouns.get(word.lower_)) in ACTS:
        return True
    info = lexicons.event_verb(word) if word.pos_ == "VERB" else None
    return info is not None and info.event_type in ACTS


def _heard_by_the_occasion(hear: Token, triggers: list[Span]) -> bool:
    """Is the hearer the occasion or its audience: "the gathering heard from X", "delegates
    heard from X" (not "the court heard from X", "police heard from witnesses")?"""
    heads = {t[-1].i for t in triggers}
    return any(
        c.dep_ == "nsubj" and (c.i in heads or counted(c).lemma_.lower() in ASSEMBLY_WORDS)
        for c in hear.children
    )


def _sent_a_message(name: Token, triggers: list[Span]) -> bool:
    """Did the name's message reach the sentence's occasion from afar: "a recorded message
    from X was played to the rally", "X's message was read out at the gathering", "X sent a
    video message to the conference"? A message delivered, recorded, posted or shared during
    an occasion, or one only described ("X's message to the rally was simple"), is not."""
    if name.dep_ == "nsubj" and name.head.lemma_.lower() == "send":
        send = name.head
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in MESSAGE_NOUNS for c in send.children
        ) and _to_the_occasion(send, triggers, ("to",))
    if name.dep_ == "poss" and name.head.lemma_.lower() in MESSAGE_NOUNS:
        message = name.head
    elif (
        name.dep_ == "pobj"
        and name.head.lower_ == "from"
        and name.head.head.lemma_.lower() in MESSAGE_NOUNS
    ):
        message = name.head.head
    else:
        return False
    relayed = message.head
    if message.dep_ not in ("nsubjpass", "dobj") or relayed.lemma_.lower() not in RELAYING_VERBS:
        return False
    return _to_the_occasion(relayed, triggers, TO_AN_OCCASION) or _to_the_occasion(
        message, triggers, ("to",)
    )


def _named_in_its_role(name: Token, triggers: list[Span]) -> str | None:
    """The role a name in apposition to a role noun has: "the organisers, the Front, said ...",
    "the main speaker, X, ..." (the noun's own phrase, if any, must name the occasion: not "the
    host of a talk show, X, ...")."""
    if name.dep_ != "appos" or not triggers:
        return None
    noun = name.head
    role = ROLE_NOUNS.get(noun.lemma_.lower())
    if role is None:
        return None
    preps = [c for c in noun.children if c.dep_ == "prep"]
    if any(not _to_the_occasion(noun, triggers, (p.lower_,)) for p in preps):
        return None
    return role


def _of_another_noun(name: Token) -> bool:
    """ "a spokesman for X, who ...", "the daughter of X, who ...": the clause may be the
    other noun's."""
    return (
        name.dep_ == "pobj" and name.head.lower_ in ("for", "of") and name.head.head.pos_ == "NOUN"
    )


def _own_relative_clause(name: Token, triggers: list[Span]) -> str | None:
    """The role a relative clause on the name gives it as its subject, when the clause holds
    the sentence's event words: "X, who addressed the conference, praised ..." is the
    conference's speaker (not "X, who attended the summit, condemned the bombing")."""
    for clause in name.children:
        if clause.dep_ != "relcl" or negated(clause):
            continue
        inside = range(clause.left_edge.i, clause.right_edge.i + 1)
        if not triggers or any(t[-1].i not in inside for t in triggers):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        info = lexicons.event_verb(clause)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and info is not None:
            return info.subject_role
    return None


# "X, who addressed ...", "the Front, which organised ...", "those that spoke".
RELATIVE_PRONOUNS = ("who", "which", "that")


def _took_the_floor(first: Token) -> bool:
    """Is the name starting at this token the subject of a bare, past "spoke", told after an
    occasion ("X, the Front's chairwoman, also spoke", "X and Y spoke first")? Not with any
    phrase that sends it elsewhere or to another time ("spoke to reporters", "spoke in Geneva
    on Tuesday", "spoke of a plot"), nor denied."""
    name = _subject_named(first)
    while name.dep_ == "conj":  # "X and Y also spoke"
        name = name.head
    verb = name.head
    if name.dep_ != "nsubj" or verb.lemma_.lower() != "speak" or verb.tag_ != "VBD":
        return False
    if verb.dep_ == "ccomp":
        return False  # "Y said X also spoke": what someone says of the occasion
    return not any(
        c.dep_ in ("neg", "prep", "npadvmod", "ccomp", "xcomp", "dobj", "advcl", "agent")
        or c.ent_type_ in ("DATE", "TIME")
        for c in verb.children
    )


def _addressed_the_audience(first: Token) -> bool:
    """Is the name starting at this token the subject of a verb of addressing an assembled
    audience ("X addressed the crowd", "X spoke to the marchers", "X told the crowd that ...";
    `_speaks_to_an_audience`, `_told_the_assembly`)?"""
    name = _subject_named(first)
    return name.dep_ == "nsubj" and (
        _speaks_to_an_audience(name.head) or _told_the_assembly(name.head)
    )


def _subject_named(first: Token) -> Token:
    """The word of the name starting at this token that stands in its clause, through an
    apposition ("Its leader, X, told the crowd": "leader")."""
    name = _name_root(first)
    return name.head if name.dep_ == "appos" else name


# Verbs of speaking to an assembly: "addressed the crowd", "spoke to supporters". Not "told",
# "warned", "urged", "thanked" people: a message or an order sent to them, often not in person.
ADDRESSING_VERBS = frozenset({"address", "speak"})
# Verbs of taking the floor: with a way of taking part ("X appeared by video link") they tell
# a speaker of the occasion under way.
APPEARING_VERBS = ADDRESSING_VERBS | {"appear"}
# Media a message goes out on: "addressed workers in an email", "spoke to them on television"
# (and a named platform: `_on_a_platform`).
MEDIUM_WORDS = frozenset(
    {
        "media",
        "account",
        "email",
        "e-mail",
        "letter",
        "statement",
        "message",
        "post",
        "television",
        "radio",
        "broadcast",
        "interview",
        "podcast",
        "note",
        "memoir",
        "book",
        "column",
        "article",
        "blog",
        "newsletter",
        "programme",
        "program",
        "show",
        "studio",
    }
)


def _on_a_platform(noun: Token) -> bool:
    """ "spoke to supporters on <a named service>": a name after "on" that is no day, time or
    place is where the message went out."""
    return (
        noun.head.lower_ == "on"
        and noun.pos_ == "PROPN"
        and noun.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")
    )


def _speaks_to_an_audience(verb: Token) -> bool:
    """Is the verb one of addressing an assembly, its hearers an occasion's audience ("addressed
    the crowd", "spoke to the marchers")? Not with a message's content or an order ("spoke to
    workers to say that ..."), on a medium ("addressed supporters in a video"), nor denied ("did
    not speak to supporters")."""
    if verb.lemma_.lower() not in ADDRESSING_VERBS:
        return False
    if any(
        c.dep_ in ("neg", "ccomp", "xcomp")
        or (c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
        for c in verb.children
    ):
        return False
    heard = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    on = [
        g
        for c in [*verb.children, *(c for h in heard for c in h.children)]
        if c.dep_ == "prep" and c.lower_ in ("on", "in", "via", "by", "through", "over")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if any(
        g.lemma_.lower() in MEDIUM_WORDS
        or (g.lemma_.lower() == "video" and g.head.lower_ == "in")
        or _on_a_platform(g)
        for g in on
    ):
        return False  # "in a video" was recorded; "via video", "by video link" is live
    return any(counted(h).lemma_.lower() in AUDIENCE_WORDS for h in heard)  # "thousands of"


# Entities that give a clause a time or place of its own: "told the crowd in Y on Friday".
OWN_SETTING = ("DATE", "TIME", "GPE", "LOC", "FAC")


def _told_the_assembly(verb: Token) -> bool:
    """ "X told the crowd that ...": what was said to an assembled audience, read only after an
    occasion was told (the told clause's names are not its people). Not an order ("told the
    crowd to disperse"), a crowd of reporters, a studio or programme audience, a time or place
    of its own, or a sentence that names a medium outside what was told ("speaking on his
    podcast", "in his memoir")."""
    if verb.lemma_.lower() != "tell" or not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    if any(
        c.dep_ in ("neg", "xcomp", "npadvmod")
        or c.ent_type_ in ("DATE", "TIME")
        or (c.dep_ == "prep" and any(g.ent_type_ in OWN_SETTING for g in c.children))
        for c in verb.children
    ):
        return False  # also "told the crowd last month", "in Y", "on Friday": another occasion
    hearers = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    press = lexicons.event_audiences()
    if not any(
        h.lemma_.lower() in ASSEMBLY_WORDS
        and not any(
            c.dep_ in ("compound", "nmod") and c.lemma_.lower() in MEDIUM_WORDS for c in h.children
        )
        and not any(
            p.lower_ == "of" and any(g.lower_ in press for g in p.children) for p in h.children
        )
        for h in hearers
    ):
        return False
    told = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
    return not any(
        t.lemma_.lower() in MEDIUM_WORDS and t.pos_ == "NOUN" and t.i not in told
        for t in verb.sent
    )  # (what was told may name a programme: "told the crowd that the programme failed")


# Nouns for what a speaker delivers ("gave a eulogy", "speeches by X"), and the words that make
# someone an occasion's guest or speaker ("X was the chief guest").
SPEECH_NOUNS = frozenset(
    {"speech", "address", "keynote", "remark", "lecture", "sermon", "eulogy", "oration"}
)
DELIVERING_VERBS = frozenset({"give", "deliver", "make"})
GUEST_WORDS = frozenset({"guest", "speaker"})
# Event nouns whose owner came as a guest: "X's appearance at the rally", "the visit of X".
GUEST_NOUNS = frozenset({"appearance", "visit"})
BILLING_WORDS = frozenset({"chief", "main", "keynote", "principal", "special", "featured"})


POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "my", "our", "your"})
# Words that make an attack one on computers, not on people: "a ransomware attack".
# Modifiers that make an event word no act of violence: online ("a cyber attack on the bank",
# "a ransomware attack") or of the body ("a heart attack", "a panic attack").
NO_VIOLENCE_MODIFIERS = frozenset(
    {"cyber", "cyberattack", "ransomware", "hacking", "ddos", "phishing"}
    | {"heart", "panic", "asthma", "anxiety", "epileptic", "allergic"}
)


def _no_act_of_violence(noun: Token) -> bool:
    """ "a cyber attack on the bank", "a heart attack": an attack online or an illness."""
    return any(
        c.dep_ in ("compound", "amod") and c.lower_.strip("-") in NO_VIOLENCE_MODIFIERS
        for c in noun.children
    )


def _came_to_hear(hear: Token) -> bool:
    """ "Thousands gathered to hear X": hearing as the purpose of the occasion's own act, with
    no subject of its own."""
    return (
        hear.dep_ in ("advcl", "xcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in hear.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in hear.children)
    )


def _own_speech(speech: Token) -> bool:
    """Is the speech the speaker's own, not another's ("during X's speech, activists unfurled a
    banner"), and, for "address", a speech, not a home ("X's address to the nation", not
    "searched X's address")?"""
    others = any(
        c.dep_ == "poss" and c.lower_ not in POSSESSIVE_PRONOUNS for c in speech.children
    ) or any(c.dep_ == "prep" and c.lower_ == "by" for c in speech.children)
    return not others and _a_speech_if_an_address(speech)


# Places a visit goes to that no area or place word names (area_words.tsv, place_words.txt)
VISITED_PLACES = frozenset(
    {"hospital", "school", "church", "temple", "shrine", "headquarters", "country", "island"}
)
# People who visit as travellers, not as anyone's occasion: "tourists visited the island"
TRAVELLERS = frozenset({"tourist", "visitor", "pilgrim", "traveller", "traveler", "holidaymaker"})
# "visited the camp as a boy": a memory, not an occasion
LIFE_STAGES = frozenset({"boy", "girl", "child", "student", "teenager", "youth"}) | TRAVELLERS


def _somewhere(noun: Token) -> bool:
    """Is the noun a word for a place ("areas", "villages", "a camp", "the border")?"""
    lemma = noun.lemma_.lower()
    return (
        lemma in VISITED_PLACES
        or lemma in lexicons.area_words()
        or lemma in lexicons.place_words()
    )


def _an_abbreviation(word: Token) -> bool:
    """A word in capitals among words that are not ("an IED went off", "two IEDs"); in a
    headline written in capitals ("RALLY IN LEEDS") every word is."""
    letters = word.text.rstrip("s")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
        return False
    doc = word.doc
    beside = [doc[i] for i in (word.i - 1, word.i + 1) if 0 <= i < len(doc)]
    return not any(len(t.text) > 1 and t.text.isalpha() and t.text.isupper() for t in beside)


def _written_as_suspected(name: Token) -> bool:
    """ "planted by suspected X militants", "an alleged X member", "suspected members of X":
    the doer is only suspected (the word modifies the name, or the noun the name modifies or
    is "of")."""
    nouns = [name]
    if name.dep_ in ("compound", "amod", "nmod"):
        nouns.append(name.head)
    elif name.dep_ == "pobj" and name.head.lower_ == "of":
        nouns.append(name.head.head)
    # (a name put in doubt by a verb, "police suspect X", is read by extract/responsibility.py)
    return any(c.lower_ in DOUBT_WORDS for n in nouns for c in n.children)


# Verbs that put a description in doubt: "assailants suspected to be members of X"
DOUBTING_VERBS = SUSPECT_VERBS | {"allege", "presume"}


def _said_to_be_the_doers(name: Token) -> bool:
    """ "Assailants suspected to be members of X attacked a village", "gunmen believed to be
    members of X stormed a post": X is the doers' suspected group. The description hangs on
    the subject of a harmful act, or (as the parser often has it) its doubting verb heads the
    sentence with the act as its clause."""
    word = name.head.head if name.dep_ == "pobj" and name.head.lower_ == "of" else name
    if word.dep_ != "attr" or word.head.lemma_ != "be" or word.head.dep_ != "xcomp":
        return False
    doubting = word.head.head
    if doubting.lemma_.lower() not in DOUBTING_VERBS:
        return False
    if doubting.dep_ == "acl" and doubting.head.dep_ == "nsubj":
        acts = [doubting.head.head]  # "assailants [suspected to be ...] attacked"
    elif doubting.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in doubting.children):
        acts = [c for c in doubting.children if c.dep_ == "ccomp"]  # "gunmen believed ... attacked"
    else:
        return False
    return any(
        (info := lexicons.event_verb(act)) is not None and info.event_type in HARM_TYPES
        for act in acts
    )


# Verbs of keeping a day of protest: "observed a black day", "called a black day".
OBSERVING_VERBS = frozenset({"observe", "hold", "call", "announce", "declare"})


def _a_protest_if_a_black_day(day: Token, phrase: str) -> bool:
    """ "black day" is a protest kept by someone, the object of a verb of keeping it; not "it
    was a black day for cricket", "the verdict marked a black day for press freedom"."""
    if phrase != "black day":
        return True
    return (
        day.dep_ == "dobj"
        and day.head.lemma_.lower() in OBSERVING_VERBS
        and not objects_of(day, ("for",))
    )


# Nouns that name an occasion only where the grammar says one was held, attended or spoken at:
# a function or a meal ("had dinner with his family" is none)
TOLD_OCCASION_NOUNS = frozenset({"function", "dinner", "luncheon", "iftar"})


def _an_occasion_if_told(noun: Token, phrase: str) -> bool:
    """ "function" (or a meal) names an occasion held, attended or spoken at, as a name would
    be one ("the chief guest at a function organised by X", "attended a function", "an iftar
    dinner hosted by X"); not a purpose, a role or a piece of software ("the function of the
    committee", "held the function of treasurer", "opened a compliance function", "looked at
    the function of the gene"), nor many of them ("attended many royal functions")."""
    if phrase not in TOLD_OCCASION_NOUNS:
        return True  # ("a gala dinner" is an occasion by its own words)
    if phrase != "function" and not any(
        c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children
    ):
        return False  # "said at dinner", "attended dinner with his family": the meal
    return (
        noun.tag_ == "NN"
        and not objects_of(noun)
        and noun.head.lemma_.lower() != "open"  # "opened a compliance function" is a unit
        and told_as_an_occasion(noun)
    )


def _a_speech_if_an_address(noun: Token) -> bool:
    """ "address" names a speech delivered ("delivered an address"), described ("a televised
    address", "the keynote address") or given to someone ("his address to the nation"); not a
    home ("police searched X's address")."""
    if noun.lemma_.lower() != "address":
        return True
    return (
        any(c.dep_ == "prep" and c.lower_ in ("to", "at", "before") for c in noun.children)
        or noun.head.lemma_.lower() in DELIVERING_VERBS
        or any(c.dep_ in ("amod", "compound") for c in noun.children)
    )


def _in_a_speech(verb: Token) -> bool:
    """Is what the verb's subject did told as said in a speech: "In a speech on Monday, X
    vowed ...", "X urged, in his address to the rally, ..."?"""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "during")
        and any(
            g.dep_ == "pobj" and g.lemma_.lower() in SPEECH_NOUNS and _own_speech(g)
            for g in prep.children
        )
        for prep in verb.children
    )


# Nouns for an occasion's roles, as "among the speakers were X" names them.
ROLE_NOUNS = {
    "speaker": "speaker",
    "guest": "guest",
    "organiser": "organizer",
    "organizer": "organizer",
    "host": "host",
    "attendee": "attendee",
    "participant": "participant",
}


def _among(be: Token) -> str | None:
    """ "Among the speakers at the rally were X and Y" (speakers), "X was among those that spoke
    at the rally" (the speaking verb's subject's role): the role of a group X is counted in."""
    for prep in (c for c in be.children if c.dep_ == "prep" and c.lower_ == "among"):
        for group in (g for g in prep.children if g.dep_ == "pobj"):
            role = _role_of_group(group)
            if role is not None:
                return role
    return None


# "Speakers at the rally included X": verbs that count X in a group.
INCLUDING_VERBS = frozenset({"include"})


def _gathered_at(group: Token, triggers: list[Span]) -> bool:
    """Does the group's own phrase put it at the sentence's occasion: "speakers at the rally",
    "those who spoke during the summit" (not "guests on the talk show about the rally")?"""
    return _to_the_occasion(group, triggers, ("at", "during")) or any(
        c.dep_ == "relcl" and _to_the_occasion(c, triggers, ("at", "during"))
        for c in group.children
    )


def _role_of_group(group: Token) -> str | None:
    """The role a group's noun or its relative clause gives those counted in it: "the
    speakers", "those that spoke" (the speaking verb's subject's role), "those who were shot"
    (what was done to them)."""
    role = ROLE_NOUNS.get(group.lemma_.lower())
    if role is not None:
        return role
    press = lexicons.event_audiences()
    for clause in (c for c in group.children if c.dep_ == "relcl"):
        info = lexicons.event_verb(clause)
        if info is None or negated(clause):
            continue  # "those who did not speak"
        if any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in press for g in c.children)
            for c in clause.children
        ):
            continue  # "those who spoke to reporters after the rally"
        if any(c.dep_ == "nsubjpass" for c in clause.children):
            return info.object_role or "participant"
        return info.subject_role
    return None


def _billed_as(be: Token) -> str | None:
    """ "X was the chief guest", "X was the keynote speaker at the rally", "X was the guest of
    honour": the role the occasion gave X. Only with a word that bills X so ("the speaker of the
    assembly" holds an office, "a frequent guest on talk shows" and "the only speaker who ..."
    say something else)."""
    for attr in (c for c in be.children if c.dep_ == "attr"):
        lemma = attr.lemma_.lower()
        if lemma not in GUEST_WORDS or attr.text[:1].isupper():
            continue
        if any(c.dep_ in ("relcl", "acl") for c in attr.children):
            continue
        preps = [c for c in attr.children if c.dep_ == "prep"]
        of_honour = {p.i for p in preps if p.lower_ == "of" and _of_honour(p)}
        if any(
            not _at_an_occasion(p) and not _when_or_where(p) and p.i not in of_honour
            for p in preps
        ):
            continue  # "the speaker of the assembly", "the keynote speaker at a university"
        if of_honour or any(
            c.dep_ in ("amod", "compound") and c.lower_ in BILLING_WORDS for c in attr.children
        ):
            return lemma
    return None


def _when_or_where(prep: Token) -> bool:
    """ "on Friday", "in Leeds": a preposition whose object is a date or a place."""
    return any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME", "GPE", "LOC") for g in prep.children
    )


def _at_an_occasion(prep: Token) -> bool:
    """ "at the rally", "during the summit": a preposition whose object names an occasion."""
    nouns = lexicons.event_nouns()
    return prep.lower_ in ("at", "during") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in nouns and not _an_act_word(g)
        for g in prep.children
    )


def _of_honour(prep: Token) -> bool:
    return any(g.lemma_.lower() in ("honour", "honor") for g in prep.children)


def _gave_a_speech(verb: Token) -> bool:
    return verb.lemma_.lower() in DELIVERING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS for c in verb.children
    )


def _reported_as_done(clause: Token, event: Token) -> bool:
    """A clause that a verb of announcing, warning or planning reports as an act done in the
    past: "troops shot dead four bandits during a sweep, the army announced", "warned that
    gunmen had attacked the post" tell what happened. The clause's own verb must be an act (an
    event verb) and the event word that verb or a phrase on it ("during a sweep"): "had
    agreed to hold a rally", "banned a march", "had received word of an imminent attack"
    report no act, nor does "may have attacked", "announced a strike" or "would march"."""
    info = lexicons.event_verb(clause)
    on_the_verb = event.i == clause.i or (
        event.dep_ == "pobj" and event.head.dep_ == "prep" and event.head.head.i == clause.i
    )
    return (
        on_the_verb
        and clause.dep_ == "ccomp"
        and clause.pos_ == "VERB"
        and info is not None
        and bool(info.event_type)
        and (
            simple_past(clause)
            or any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)
        )
        and not has_modal(clause)
    )


def _object_reading(
    verb: Token, with_objects: dict[str, tuple[tuple[frozenset[str], str], ...]]
) -> str | None:
    """The event type the verb tells with its object ("opened fire", "blocked the road",
    "burnt effigies"; event_verb_objects.tsv), if its objects hold one; None otherwise. An
    accident must have happened to a vehicle."""
    pairs = with_objects.get(verb.lemma_.lower())
    if not pairs:
        return None
    said: dict[str, Token] = {}
    for o in verb_objects(verb):
        said[o.lemma_.lower()] = o
        if o.dep_ == "pobj":  # "took to the streets": the table's "to street"
            said[f"{o.head.lower_} {o.lemma_.lower()}"] = o
    for objects, type_ in pairs:
        told = [o for word, o in said.items() if word in objects]
        if told:
            if type_ == ACCIDENT and not mishap_of_a_vehicle(verb):
                return None
            if objects & HOSTAGE_WORDS and not someone_held(verb):
                return None  # "took the budget hostage"
            if type_ == "ceremony" and any(objects_of(o) for o in told):
                return None  # "inaugurated the office of ombudsman", "a school of thought"
            return type_
    return None


FIRE_WORDS = frozenset({"fire", "gunfire"})


def _written_idiom(
    verb: Token, with_objects: dict[str, tuple[tuple[frozenset[str], str], ...]], end: int
) -> str | None:
    """The event type of a verb in the past written right before "fire" ("opened fire", "set
    fire"), whatever the parse made of the two; None otherwise. A modifier after a
    determiner or an adverb describes a noun ("the newly opened fire station")."""
    pairs = with_objects.get(verb.lemma_.lower())
    if not pairs or verb.tag_ not in ("VBD", "VBN") or verb.i + 1 >= end:
        return None
    fire = verb.nbor(1)
    if fire.lemma_.lower() not in FIRE_WORDS or fire.dep_ == "compound":
        return None  # "opened fire station"
    if verb.i > verb.sent.start and verb.nbor(-1).pos_ in ("DET", "ADV", "ADJ"):
        return None
    return next((t for objects, t in pairs if fire.lemma_.lower() in objects), None)


def _apart(told: str, m: EventMention) -> bool:
    """Is an undated sentence's event not more of the event told before? An accident is
    nobody's act, so violence told after it is another event ("a bus plunged into a gorge;
    later, gunmen ambushed a patrol"); a crash told after an attack may be part of it. An act
    that harms people told after an occasion people held is an event of its own ("a grenade
    was thrown at the stage" after the rally it fell on), and so is a protest told after such
    an act or an arrest ("their supporters then staged a sit-in"). Not
    a press conference, a funeral or a surrender that follows an attack (its sequel), not
    an event word told only as a topic ("speakers condemned the killing"; `told_as_done`),
    nor one told inside another clause ("the incident occurred while a delegation was
    meeting inside", "delegates said gunmen had abducted two teachers"): those are the event
    told before, its setting, or what was said at it."""
    if told == ACCIDENT:
        return m.type in VIOLENT_TYPES
    if m.trigger is None or _inside_another_clause(m.trigger[-1]) or not told_as_done(m.trigger):
        return False
    return (told in HELD_OCCASIONS and m.type in HARM_TYPES) or (
        told in HARM_TYPES | {ARREST} and m.type in PROTEST_OCCASIONS
    )


def _inside_another_clause(head: Token) -> bool:
    """Is the word told inside a clause of another's: a side clause ("while a delegation was
    meeting") or what someone said ("they said gunmen had abducted two teachers")?"""
    return any(node.dep_ in (*SIDE_CLAUSES, "ccomp") for node in [head, *head.ancestors])


def _reported_window(published: dt.date | None) -> TimeSpan | None:
    """The dates a news report's undated lead event can have: the week up to publication."""
    if published is None:
        return None
    start = published - dt.timedelta(days=REPORTED_WINDOW_DAYS - 1)
    return TimeSpan(
        start,
        published,
        "reported",
        f"no date in the text; reported on {published.isoformat()}",
    )


# Clauses that tell another happening: "who switched parties ...", "a man accused of ...", "said
# that ...", "after he was detained ...". Not "when ..." clauses or "continued to ..." (xcomp):
# they time the act itself.
SUBORDINATE_CLAUSES = {"relcl", "acl", "ccomp"}
OTHER_TIME_MARKS = {"after", "before", "since", "until", "till", "because", "although", "though"}


# "the death toll from the bombing rose to six on Friday": the date is the count's, given later.
TOLL_NOUNS = {"toll", "tally"}


def _toll_over(trigger: Token) -> Token | None:
    """The count of its victims the event word is told inside ("the death toll from a bombing
    at X", "the tally of the attack"), if any. Climbs nouns and prepositions only."""
    tok = trigger
    for _ in range(4):
        if tok.dep_ not in ("pobj", "prep", "compound", "nmod") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in TOLL_NOUNS:
            return tok
    return None


def _an_attempt_made(verb: Token) -> bool:
    """ "attempted to set fire", "tried to storm": an attempt reported as made, by the
    sentence's own verb. Not "an attempt to" (a noun, often foiled), "militants who were
    trying to attack" (a clause about them), "may try to", "expected to try to"."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in ATTEMPT_VERBS
        and verb.dep_ not in ("relcl", "acl", "xcomp", "ccomp", "advcl", "pcomp")
        and not has_modal(verb)
    )


# Verbs of the irrealis lexicon that say something (what is planned is their object; where they
# were said was real): "in a speech on Monday, X vowed to ...", "at the rally, X called for ...".
SAYING_IRREALIS = frozenset(
    {"threaten", "vow", "promise", "call", "demand", "announce", "urge", "warn"}
)
SETTING_OF_SAYING = ("in", "at", "during")


def _where_it_was_said(noun: Token, child: Token, verb: Token) -> bool:
    """Is the event noun the occasion a saying verb was said at, in the past: "In a speech
    broadcast on Monday, X vowed to ...", "at the summit, leaders urged ...", "the decision was
    announced at a conference"? Not a noun deeper
    in the phrase ("called for calm in the wake of the attack"), nor a planning verb's setting
    ("are planning demonstrations during the summit")."""
    return (
        child.dep_ == "prep"
        and child.lower_ in SETTING_OF_SAYING
        and noun.head.i == child.i
        and verb.lemma_.lower() in SAYING_IRREALIS
        and simple_past(verb)  # "vowed", "was announced at a conference"
    )


def _a_protest_by_an_act(verb: Token) -> bool:
    """ "Dozens of women assembled before the office to protest the murder", "traders closed
    their shops to protest the levies": protesting is the purpose of an act many people did,
    and doing it is the protest. Not the purpose of a plan, a modal or a clause about someone
    ("plan to gather to protest", "would march to protest", "workers who came to protest"),
    nor one body's or one person's gesture ("the senator resigned to protest", "the ministry
    summoned the ambassador to protest"): that is a statement, not a demonstration."""
    info = lexicons.event_verb(verb)
    act = verb.head
    return (
        info is not None
        and info.event_type == "protest"
        and verb.dep_ == "advcl"
        and act.pos_ == "VERB"
        and _told_in_the_past(act)
        and act.dep_ not in ("relcl", "acl", "xcomp", "advcl", "pcomp")
        and not has_modal(act)
        and _done_by_many(act)
    )


def _told_in_the_past(verb: Token) -> bool:
    """A simple past, or a past participle the tagger gave to a main verb that has no auxiliary
    ("Dozens of women assembled before the office": the tag says VBN)."""
    return simple_past(verb) or (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _done_by_many(verb: Token) -> bool:
    """Is the verb's subject many people: a plural noun ("traders", "truck drivers") or a
    count of them ("dozens of women", "hundreds")?"""
    bearer = subject_bearer(verb, ("nsubj",))
    for subject in (c for c in bearer.children if c.dep_ == "nsubj"):
        if subject.lemma_.lower() in QUANTITY_NOUNS and subject.tag_ == "NNS":
            return True  # "hundreds gathered", "dozens of women gathered"
        people = counted(subject)
        if people.pos_ == "NOUN" and people.tag_ == "NNS" and people_noun(people):
            return True
    return False


# Where a next lead sentence may put the lead's story: "in X", "at X", not "from X".
NARROWING_PREPOSITIONS = {"in", "at", "near", "outside", "inside"}


def _told_by_a_speaker(prep: Token) -> bool:
    """Does the place phrase hang from a speaker ("a spokesman for the ministry in X said",
    "speaking in X") — the first verb above it one of speaking, or a person's noun on the way?"""
    for tok in prep.ancestors:
        if tok.pos_ in ("VERB", "AUX"):
            info = lexicons.event_verbs().get(tok.lemma_.lower())
            return info is not None and info.subject_role == "speaker"
        if tok.lemma_.lower() in lexicons.person_nouns():
            return True
    return False


# Verbs of a clause that tells when an occasion or an act took place: "the conference, held in
# X on 2 March", "the attack, which happened on Sunday", "the rally that took place on Friday".
DESCRIBING_VERBS = HOLDING_VERBS | {"begin", "start", "take", "happen", "occur", "carry"}


def _names_its_time(date: Span) -> bool:
    """Does the date name a day, month or year in figures or names ("on 2 March", "on Sunday",
    "in 2010"), not count or point back ("on this day", "two days ago")?"""
    return any(t.text[:1].isdigit() or t.lower_.rstrip(".") in CALENDAR_WORDS for t in date)


def _in_its_description(date: Span, head: Token) -> bool:
    """Is the date in a clause on the event word that tells when it happened?"""
    for clause in head.children:
        if (
            clause.dep_ in ("acl", "relcl")
            and clause.lemma_.lower() in DESCRIBING_VERBS
            and clause.left_edge.i <= date.start
            and date.end <= clause.right_edge.i + 1
        ):
            return True
    return False


# Units of a span of time that makes an act a habit ("led the prayers for thirty years")
HABIT_SPANS = frozenset({"year", "decade"})


def _told_of_someone_before_or_as_a_habit(head: Token) -> bool:
    """Is the occasion word the object of a relative clause that tells of someone what they
    had done before ("X, who had attended the conference in Y, returned on Sunday") or used to
    do ("X, who led funeral prayers there for thirty years, died on Monday")? Context about
    them, not the story, whose date is the main clause's. Not an occasion the clause is about
    ("delegates who had arrived for the summit": no object of the verb)."""
    verb = head.head
    if head.dep_ != "dobj" or verb.dep_ != "relcl" or verb.pos_ not in ("VERB", "AUX"):
        return False
    earlier = verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d", "’d") for c in verb.children
    )  # ("who'd attended": before a participle, "'d" is "had")
    # "for thirty years" said of the verb itself, not of a clause inside it ("a law that
    # stayed in force for decades")
    habit = any(
        t.dep_ == "pobj"
        and t.head.lower_ == "for"
        and t.lemma_.lower() in HABIT_SPANS
        and (own := clause_verb(t.head)) is not None
        and own.i == verb.i
        for t in verb.subtree
    )
    return earlier or habit


def _in_another_clause(date: Span, trigger: Token) -> bool:
    """Is the date part of a clause the trigger is not in and that is not about the trigger: "a
    worker who switched parties three months ago was shot dead" -- the switch was three months
    ago, not the shooting."""
    tok = date.root
    while tok.head.i != tok.i:  # (spaCy makes a new Token on each access: compare indices)
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            other = tok.dep_ in SUBORDINATE_CLAUSES or (
                tok.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in tok.children)
            )
            if (
                other
                and trigger not in tok.subtree
                and tok.head.i != trigger.i
                and not _a_day_told_of_what_it_reached(date, tok, trigger)
            ):
                return True  # (a clause on the event word itself tells of it: "the rally, held
                # on Monday", "the march, which began on Monday")
            if trigger in tok.subtree:
                return False
    return False


# Days a report tells relative to itself: its lead's own day, most often
REPORT_DAY_WORDS = (CALENDAR_WORDS - MONTH_WORDS) | {"yesterday", "today", "tonight", "overnight"}


def _a_day_told_of_what_it_reached(date: Span, verb: Token, trigger: Token) -> bool:
    """ "opened fire on a checkpoint manned by fighters near X on Tuesday", "was shot dead by
    two men riding a motorcycle in X on Friday": a participle describing someone or something
    the act reached (its object or agent), written after the act's word, with a day told
    from the report ("on Tuesday", "yesterday") as its own time. The parser hangs a closing
    weekday on the nearest verb; such a clause rarely has a day of its own, so the day is the
    act's. Not a participle that tells an act ("killed a trader abducted on Monday"), nor one
    deeper down ("accused of a robbery committed yesterday", "demanding a vote scheduled for
    Friday"), nor a year ("a man wanted for robberies committed in 2011")."""
    if not any(t.lower_ in REPORT_DAY_WORDS for t in date):
        return False
    info, act = lexicons.event_verb(verb), lexicons.event_verb(trigger)
    if (
        verb.dep_ != "acl"
        or verb.tag_ not in ("VBN", "VBG")
        or verb.i < trigger.i
        or (info is not None and info.event_type)
        # what a protest's verb takes is its cause: "protesting layoffs announced on Monday"
        or (act is not None and act.event_type in PROTEST_OCCASIONS)
    ):
        return False
    word = date.root
    while word.dep_ == "compound":  # "on [Friday] evening"
        word = word.head
    head = word.head  # "on Tuesday": the preposition; "yesterday": the verb itself
    if head.dep_ == "prep" and head.lower_ == "on":
        head = head.head
    if head.i != verb.i:
        return False  # "due to open on Friday", "scheduled for Friday": another verb's day
    reached = verb.head  # the checkpoint, the two men
    if reached.dep_ == "pobj" and reached.head.dep_ in ("prep", "agent"):
        reached = reached.head.head
    elif reached.dep_ in ("dobj", "nsubjpass"):
        reached = reached.head
    return reached.i == trigger.i


def _first_of_a_joined_name(doc: Doc, end: int) -> bool:
    """Is the place name ending at `end` the first half of a region's name joined by "and":
    "Jammu and Kashmir state", "Khyber and Kurram districts"?"""
    if end + 2 >= len(doc) or doc[end].lower_ != "and" or not doc[end + 1].text[:1].isupper():
        return False
    i = end + 1
    while i < len(doc) and i - end <= 3 and doc[i].text[:1].isupper():
        i += 1
    return i < len(doc) and lexicons.area_words().get(doc[i].lower_) in ("region", "district")


def _is_group_noun(token: Token) -> bool:
    """ "delegation", "members", "workers" (the list has singulars and plurals)."""
    return any(form in lexicons.group_nouns() for form in lexicons.head_forms(token))


def _in_quotes(token: Token) -> bool:
    """Is the token inside a quoted stretch of its sentence?"""
    sent = token.sent
    for match in QUOTE.finditer(span_text(sent)):
        if sent.start_char + match.start() < token.idx < sent.start_char + match.end():
            return True
    return False


def _left_subtree(head: Token) -> set[int]:
    return {t.i for child in head.lefts for t in child.subtree}


GRAMMATICAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj")


def _grammatical_root(span: Span) -> Token:
    """The token that carries a multi-token name's role in the sentence. Transliterated names
    are often parsed in pieces; prefer a piece that is the agent of a passive ("by X")."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head == t]
    for t in outside:
        if t.dep_ == "pobj" and t.head.dep_ == "agent":
            return t
    for dep in GRAMMATICAL_DEPS:
        for t in outside:
            if t.dep_ == dep:
                return t
    return span.root


def _most_precise(dates: list[tuple[Span, object]]) -> object:
    return max(dates, key=lambda sv: _PRECISION_RANK.get(getattr(sv[1], "precision", ""), 0))[1]


_PRECISION_RANK = {"day": 5, "month": 4, "season": 3, "approximate": 2, "year": 1}


# Participles that only size or place an audience: "a crowd numbering thousands", "supporters
# gathered outside" (not "students studying remotely", who do something of their own)
AUDIENCE_PARTICIPLES = frozenset({"number", "gather", "assemble", "estimate", "throng", "pack"})


def _describes_an_audience(verb: Token) -> bool:
    """A participle sizing or placing the object of the clause above it ("addressed a crowd
    numbering thousands"), not a clause of its own ("which was broadcast")."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBG", "VBN")
        and verb.head.dep_ == "dobj"
        and verb.lemma_.lower() in AUDIENCE_PARTICIPLES
    )


def _apply_modes(
    sent: Span, found: list[tuple[int, Participation]]
) -> list[tuple[int, Participation]]:
    """A mode phrase belongs to the doer of its clause's act, else to the nearest actor named
    before it in its own clause; one that
    opens the sentence, before its main verb, to the first actor after it when that actor is the
    main verb's subject ("In a recorded video message played at the rally, X urged ..."). Not
    an actor of another clause ("X hosted the summit, which was broadcast via satellite"; "X
    spoke at the rally; workers can now work remotely"), nor a degree word ("not remotely
    productive", "remotely piloted")."""
    if not found:
        return found
    lower = doc_text(sent.doc)[sent.start_char : sent.end_char].lower()
    out = list(found)
    for phrase, mode in lexicons.event_modes():
        if phrase not in lower:
            continue  # most sentences name no mode: skip the word-boundary search
        for match in re.finditer(rf"\b{re.escape(phrase)}\b", lower):
            char = sent.start_char + match.start()
            span = sent.doc.char_span(char, char + len(phrase), alignment_mode="expand")
            if span is None or not len(span) or _a_degree_word(span.root):
                continue
            clause = clause_verb(span.root.head)  # (a sentence's root is its own head)
            while clause is not None and _describes_an_audience(clause):
                # "addressed a crowd numbering thousands in X via video link": the phrase the
                # parser hung on the crowd's participle tells how the act was done
                clause = clause_verb(clause.head)
            mine = [
                (k, (i, p))
                for k, (i, p) in enumerate(out)
                if clause is None or _in_clause(sent.doc[i], clause)
            ]
            before = [(k, ip) for k, ip in mine if sent.doc[ip[0]].idx < char]
            doers = [
                (k, ip) for k, ip in mine if clause is not None and _does(sent.doc[ip[0]], clause)
            ]
            # "a video address by X": the phrase's own author, whoever does the clause's act
            authors = [(k, ip) for k, ip in enumerate(out) if _by(span.root, sent.doc[ip[0]])]
            if authors:
                k, (i, p) = authors[0]
            elif doers:  # the act's own doer, not a name in its apposition ("X, Y's envoy, ...")
                k, (i, p) = doers[0]
            elif before:
                k, (i, p) = before[-1]
            elif mine and char < sent.root.idx:  # all its actors come after it: the subject
                k, (i, p) = mine[0]
                if sent.doc[i].idx == char or not _subject_of_the_root(sent.doc[i]):
                    continue
            else:
                continue
            if p.mode == "unknown" and p.role not in ("perpetrator", "target"):
                # (how one took part in an occasion: a claim "put online" is no attendance)
                out[k] = (i, Participation(p.entity, p.role, mode, p.evidence))
    return out


def _by(noun: Token, first: Token) -> bool:
    """Is the name starting at this token the "by" of this noun ("a video address by X")?"""
    name = _name_root(first)
    return name.dep_ == "pobj" and name.head.lower_ == "by" and name.head.head.i == noun.i


def _name_root(first: Token) -> Token:
    """The word a name's other words hang on ("Rudolf" -> "Rassendyll")."""
    tok = first
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _subject_of_the_root(first: Token) -> bool:
    """Is the name starting at this token the subject of its sentence's main verb ("In a video
    message, X urged ...": X; not "Online, critics mocked X's speech")?"""
    tok = _name_root(first)
    return tok.dep_ == "nsubj" and tok.head.i == tok.sent.root.i


# Nouns for what someone said, whose way of being delivered is the speaker's: "a message
# played by video link", "his address, relayed online".
SPOKEN_WORDS = SPEECH_NOUNS | {"message", "video", "recording", "greeting"}  # (lemmas)


def _does(actor: Token, clause: Token) -> bool:
    """Is the name starting at this token the doer of the clause's act: its subject, its
    passive's agent, or those of the verb a subjectless clause hangs on ("X addressed the
    rally, speaking by video link")?"""
    verb = clause
    while (
        not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children)
        and verb.dep_ in ("advcl", "xcomp", "conj")
        and verb.head.i != verb.i
    ):
        verb = verb.head
    name = _name_root(actor)
    if name.dep_ == "appos":  # "The main speaker, X of Y, appeared ...": X, not Y
        name = name.head
    if name.dep_ == "nsubj":
        return name.head.i == verb.i
    return name.dep_ == "pobj" and name.head.dep_ == "agent" and name.head.head.i == verb.i


def _a_degree_word(root: Token) -> bool:
    """ "not remotely productive", "remotely piloted": an adverb of degree, not of manner."""
    return root.pos_ == "ADV" and (root.head.pos_ in ("ADJ", "ADV") or root.head.dep_ == "amod")


def _in_clause(actor: Token, clause: Token) -> bool:
    """Is the actor named in the clause of this verb: its own verb is that verb, a verb below
    it without a subject of its own ("X addressed the rally, speaking by video link"), or a
    clause about the actor ("X, who spoke in person"), not one about a thing ("a translation
    read out on stage") unless what was said ("a message played by video link")?"""
    verb = clause_verb(actor)
    if verb is None:
        return True  # a sentence without a verb ("X by video link at the rally"): one clause
    name = _name_root(actor)
    for node in [clause, *clause.ancestors]:
        if node.i == verb.i:
            return True
        if (node.dep_ == "relcl" and name.left_edge.i <= node.head.i <= name.right_edge.i) or (
            node.dep_ == "acl"
            and node.tag_ == "VBG"  # "X, speaking by video link": not "X, watched online by"
            and (
                node.head.i == name.i or (node.head.dep_ == "appos" and node.head.head.i == name.i)
            )
        ):
            # a clause about the actor, or about its apposition where the parser hung it:
            # "X, who spoke in person, ...", "X, speaking by video link, told ...", "X, head
            # of the Y chapter, who spoke in person"
            return True
        if node.dep_ == "acl" and node.head.lemma_.lower() not in SPOKEN_WORDS:
            return False  # what a thing was: "according to a translation read out on stage"
        if node.dep_ in ("relcl", "ccomp", "parataxis") or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children
        ):
            return False  # a clause of its own: "..., which was broadcast via satellite"
    return False


def _add_participant(event: Event, new: Participation) -> None:
    for k, old in enumerate(event.participants):
        if old.entity != new.entity:
            continue
        upgrade = ROLE_RANK.get(new.role, 0) > ROLE_RANK.get(old.role, 0)
        role = new.role if upgrade else old.role
        mode = new.mode if old.mode == "unknown" else old.mode
        # A claim or attribution read later says more about a perpetrator than its mention.
        basis = new.basis if upgrade or (new.basis and new.basis != "stated") else old.basis
        evidence = new.evidence if upgrade or basis != old.basis else old.evidence
        event.participants[k] = Participation(old.entity, role, mode, evidence, basis)
        return
    event.participants.append(new)


def _before_place(prep: Token) -> list[Token]:
    """What a place phrase may hang from: the preposition's head and the word right before it
    (the parse often hangs "for airstrikes in X"'s "in X" on the verb); none before a
    document's first token (doc[-1] would be its last)."""
    return [prep.head, prep.doc[prep.i - 1]] if prep.i > 0 else [prep.head]


def _follows_from(noun: Token) -> bool:
    """A noun after "for", "after", "against" ...: what an event answers or follows ("over
    poor pay and the boss's alleged attack")."""
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head
    if noun.dep_ == "dobj" and noun.head.dep_ == "pcomp":
        noun = noun.head  # "clashed over joining a rally", "after attending a rally"
    return noun.dep_ in ("pobj", "pcomp") and noun.head.lower_ in OTHER_EVENT_PREPOSITIONS


def _within_a_reason(head: Token) -> bool:
    """Is the word inside a phrase of what the sentence's act answers or follows, at any depth
    ("protested against an official for being drunk during a ceremony")?"""
    if _follows_from(head):
        return True
    for ancestor in head.ancestors:
        if ancestor.pos_ == "ADP" and ancestor.lower_ in OTHER_EVENT_PREPOSITIONS:
            return True
        if ancestor.dep_ == "ROOT":
            break
    return False


def _narrows(finer: object | None, wider: object | None) -> bool:
    """A later sentence that puts the event in a town or district of the country an earlier
    one named ("an attack on the embassy in Ruritania" ... "the embassy in X city") tells
    where it happened more exactly."""
    return (
        finer is not None
        and level(wider) == COUNTRY
        and level(finer) < COUNTRY
        and getattr(finer, "country", None) == getattr(wider, "country", None) is not None
    )


def _overlap(a: object, b: object) -> bool:
    a_start, a_end = getattr(a, "start", None), getattr(a, "end", None)
    b_start, b_end = getattr(b, "start", None), getattr(b, "end", None)
    if None in (a_start, b_start):
        return False
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)  # type: ignore[operator]


def _same_when(a: object, b: object) -> bool:
    return (
        _overlap(a, b)
        and getattr(a, "precision", None) == getattr(b, "precision", None) == "day"
        or (
            getattr(a, "start", None) == getattr(b, "start", None)
            and getattr(a, "end", None) == getattr(b, "end", None)
        )
    )


def _same_where(a: object | None, b: object | None) -> bool:
    if a is None or b is None:
        return True
    return getattr(a, "gazetteer_id", None) == getattr(b, "gazetteer_id", None)
