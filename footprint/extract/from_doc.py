"""Doc -> DocumentResult. The only module that reads spaCy annotations (doc.ents, doc._)."""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from footprint.extract import hygiene
from footprint.extract.attribution import attribution
from footprint.extract.capitals import capital_references, first_country, main_country
from footprint.extract.events import Actor, EventReader
from footprint.extract.occasion_names import occasion_named
from footprint.extract.relations import EXTRACTOR as RELATION_EXTRACTOR
from footprint.extract.relations import find_relations
from footprint.extract.responsibility import unnamed_doers
from footprint.model import Document, DocumentResult, Entity, Event, Evidence, Mention, Relation
from footprint.nlp import lexicons
from footprint.nlp.components.acronyms import matches
from footprint.nlp.datelines import HEAD_CHARS as DATELINE_CHARS
from footprint.nlp.datelines import dateline_of
from footprint.nlp.doc_text import doc_sents, doc_text, forget_doc_sents, span_text
from footprint.place.names import PART_WORDS, spelled_alike
from footprint.resolve.names import clean, key, split_titles
from footprint.resolve.within_doc import resolve
from footprint.time.words import CALENDAR_WORDS, MONTH_WORDS

if TYPE_CHECKING:
    from footprint.place import Geocoder

MENTION_EXTRACTOR = "footprint.mentions.v1"
LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


class Exclusions(list[hygiene.Exclusion]):
    """Excluded ranges (in their given order) that also answer "does one of them cover this
    span?" in logarithmic time: asked once per entity and per sentence, a scan of every range
    made extraction quadratic on texts with many excluded lines."""

    def __init__(self, ranges: Iterable[hygiene.Exclusion]) -> None:
        super().__init__(ranges)
        by_start = sorted(self, key=lambda r: r.start)
        self._starts = [r.start for r in by_start]
        # _reach[i]: the furthest end among the ranges starting at or before _starts[i].
        self._reach = list(itertools.accumulate((r.end for r in by_start), max))

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        return i > 0 and self._reach[i - 1] >= end


def _joined(ranges: list[hygiene.Exclusion]) -> list[hygiene.Exclusion]:
    """Excluded ranges with only a line break between them joined: the parser may read a run
    of navigation lines as one sentence, which no single range covers."""
    out: list[hygiene.Exclusion] = []
    for r in sorted(ranges, key=lambda r: r.start):
        if out and r.start - out[-1].end <= 2:
            out[-1] = hygiene.Exclusion(out[-1].start, max(out[-1].end, r.end), out[-1].reason)
        else:
            out.append(r)
    return out


def _preceding_titles(ent: Span) -> tuple[str, ...]:
    """Titles written just before a person's name and outside its span ("Senator X")."""
    titles = lexicons.titles()
    doc = ent.doc
    for width in (3, 2, 1):
        start = ent.start - width
        if start < 0:
            continue
        written = span_text(doc[start : ent.start])
        if written[:1].isupper() and written.lower() in titles:
            return (titles[written.lower()].text,)
    return ()


# A "sentence" longer than this (a list of ten thousand names, a page without full stops) is
# stored as the stretch of it around the claim: every mention kept its whole sentence, and one
# 100 KB text of a single sentence made a database of a gigabyte.
MAX_SENTENCE_CHARS = 1_000
CONTEXT_CHARS = 400  # each side of the claim, within its sentence


def sentence_context(text: str, sent_start: int, sent_end: int, start: int, end: int) -> str:
    """The claim's sentence, or, for an overlong one, the part of it around the claim (always
    a stretch of the document's own text, so it can be found there)."""
    if sent_end - sent_start <= MAX_SENTENCE_CHARS:
        return text[sent_start:sent_end]
    return text[max(sent_start, start - CONTEXT_CHARS) : min(sent_end, end + CONTEXT_CHARS)]


def _evidence(
    doc: Doc,
    document: Document,
    start: int,
    end: int,
    extractor: str,
    span: Span | None = None,
) -> Evidence:
    """Evidence for the characters start..end; `span`, where the caller holds the tokens that
    cover them, spares finding them again."""
    # document.text, not doc.text: spaCy rebuilds Doc.text from every token on each access,
    # which made evidence for every mention cost a pass over the whole document.
    if span is None:
        span = doc.char_span(start, end, alignment_mode="expand")
    sent = span.sent if span is not None else None
    if sent is not None:
        sentence = sentence_context(document.text, sent.start_char, sent.end_char, start, end)
    else:
        sentence = document.text[start:end]
    return Evidence(
        document=document.id,
        start=start,
        end=end,
        text=document.text[start:end],
        sentence=sentence,
        attribution=attribution(sentence),
        extractor=extractor,
    )


def mentions_from(
    doc: Doc,
    document: Document,
    excluded: Exclusions,
    headlines: list[tuple[int, int]],
) -> list[tuple[Span, Mention]]:
    out: list[tuple[Span, Mention]] = []
    doers = [  # named by what a claim or attribution says of them, not by the model
        Span(doc, s.start, s.end, label="ORG")
        for sent in doc_sents(doc)
        for s in unnamed_doers(sent)
    ]
    for ent in [*doc.ents, *doers]:
        type_ = LABEL_TYPES.get(ent.label_)
        if type_ is None or excluded.covers(ent.start_char, ent.end_char):
            continue
        written = span_text(ent)
        name = clean(written)
        if not name or not any(ch.isalpha() for ch in name):
            continue
        titles: tuple[str, ...] = ()
        if type_ == "person":
            name, titles = split_titles(name)
            titles = _preceding_titles(ent) + titles
        mention = Mention(
            text=written,
            type=type_,  # type: ignore[arg-type]
            evidence=_evidence(
                doc, document, ent.start_char, ent.end_char, MENTION_EXTRACTOR, span=ent
            ),
            name=name,
            titles=titles,
        )
        out.append((ent, mention))
    # Headlines, subtitles and captions are in title case, where the model sees names
    # everywhere: keep a name found there only if the body names it too.
    in_body = {
        key(m.name) for _, m in out if not any(a <= m.evidence.start < b for a, b in headlines)
    }
    return [
        (ent, m)
        for ent, m in out
        if key(m.name) in in_body or not any(a <= m.evidence.start < b for a, b in headlines)
    ]


def _without_occasions(pairs: list[tuple[Span, Mention]]) -> list[tuple[Span, Mention]]:
    """A name the grammar reads as an occasion where it is written ("the X Summit opened on
    Monday") is no organisation there: the mention is dropped and the event reader takes it
    as an occasion (extract/occasion_names.py). Its other mentions keep the model's label."""
    return [(ent, m) for ent, m in pairs if not (m.type == "organization" and occasion_named(ent))]


def _acronyms(doc: Doc, pairs: list[tuple[Span, Mention]]) -> dict[str, str]:
    """The acronyms the pipeline linked, and those written right after a name found here
    ("The Shining Path (SL) claimed ...": SL is the Shining Path)."""
    links = dict(doc._.acronyms or {})
    for ent, m in pairs:
        if m.type != "organization" or ent.end + 2 >= len(doc) or doc[ent.end].text != "(":
            continue
        acronym = doc[ent.end + 1].text
        if doc[ent.end + 2].text == ")" and acronym not in links and matches(acronym, m.name):
            links[acronym] = m.name
    return links


def _title_relations(entities: list[Entity], doc: Doc) -> list[Relation]:
    """Office titles ("Senator X") as relations: member of the body the title implies when the
    text names it ("the Senate"), else a title held."""
    titles = lexicons.titles()
    bodies = {key(e.name): e for e in entities if e.type == "organization"}
    text = doc_text(doc)
    out = []
    for entity in entities:
        for m in entity.mentions:
            for title in m.titles:
                info = titles.get(title.lower())
                if info is None or info.kind != "office":
                    continue
                before = text[max(0, m.evidence.start - len(title) - 8) : m.evidence.start].lower()
                past = "then" in before or "former" in before
                body = bodies.get(key(info.body)) if info.body else None
                # The evidence covers the title too when it stands outside the name's span.
                at = text.rfind(title, max(0, m.evidence.start - len(title) - 3), m.evidence.start)
                evidence = m.evidence
                if at >= 0:
                    evidence = replace(evidence, start=at, text=text[at : evidence.end])
                out.append(
                    Relation(
                        subject=entity.id,
                        predicate="member_of" if body else "holds_title",
                        object=body.id if body else None,
                        role=title,
                        qualifiers=(("time", "past"),) if past else (),
                        evidence=replace(evidence, extractor="footprint.titles.v1"),
                    )
                )
    return out


def _date_spans(doc: Doc, document: Document, excluded: Exclusions) -> list[tuple[Span, object]]:
    """Every date expression in text order after the dateline, resolved on the narrative: each
    one's reference is the nearest preceding resolved date, else the publication date, else
    none."""
    from footprint.time import NarrativeClock

    published = _published(document)
    clock = NarrativeClock(published)
    out: list[tuple[Span, object]] = []
    filed = dateline_of(doc)
    dateline = (filed.name[0], filed.mark[1]) if filed is not None else (0, 0)
    for ent in doc.ents:
        if dateline[0] <= ent.start_char < dateline[1]:
            continue  # "KUMASI, Sept 1 - ...": the day it was filed, no event's date
        if _a_date(ent) and not excluded.covers(ent.start_char, ent.end_char):
            ent = _with_its_day(ent)
            if ent.start > 0 and doc[ent.start - 1].lower_ == "since":
                out.append((ent, _since(clock.resolve(f"since {ent.text}"), published)))
            else:
                out.append((ent, clock.resolve(ent.text)))
    return out


def _since(span: object, published: dt.date | None) -> object:
    """ "Since 1 March, fighting has killed 40": from that day to the report, not that day
    (the preposition lies outside the model's date entity); open-ended without a report date."""
    start, end = getattr(span, "start", None), getattr(span, "end", None)
    if start is None or end is not None or published is None or published < start:
        return span
    return replace(span, end=published, precision="approximate")  # type: ignore[type-var]


def _a_date(ent: Span) -> bool:
    """A date, or a time of a named day the model tagged as a time ("Wednesday night")."""
    if ent.label_ == "DATE":
        return True
    return ent.label_ == "TIME" and any(t.lower_.rstrip(".") in CALENDAR_WORDS for t in ent)


def _with_its_day(ent: Span) -> Span:
    """A month the model tagged without the day number before it ("[24 October]" read as a
    number and a month) with that day: the date the text gives, not the whole month."""
    doc = ent.doc
    if ent.start == 0 or ent[0].lower_.rstrip(".") not in MONTH_WORDS:
        return ent
    day = doc[ent.start - 1]
    if not (day.text.isdecimal() and 1 <= int(day.text) <= 31) or day.ent_type_ == "DATE":
        return ent
    return Span(doc, ent.start - 1, ent.end, label="DATE")


NAME_PLACE_PREPOSITIONS = ("in", "at", "near")  # "in X": X may be a place
PLACED_PRECISIONS = ("city", "district", "region")


def _area_or_place_word(word: str) -> bool:
    return word in lexicons.area_words() or word in lexicons.place_words()


def _written_as_place(ent: Span) -> bool:
    """Written where a place goes: "in X", "from X", "the village of X", "the streets of X", "X
    district", "X main road", a dateline (the words for areas and places are data:
    area_words.tsv, place_words.txt)."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    before2 = doc[ent.start - 2].lower_ if ent.start > 1 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    in_a_chain = (  # "in Ballyvolane, Cork, Ireland": between places, after a comma
        before == ","
        and ent.start > 1
        and doc[ent.start - 2].ent_type_ in ("GPE", "LOC")
        and after in (",", ".", ";")
    )
    return (
        in_a_chain
        or before in NAME_PLACE_PREPOSITIONS
        or before == "from"
        or _through_a_place(ent)
        or (before == "of" and (_area_or_place_word(before2) or before2 == "streets"))
        or (before == "of" and before2 in PART_WORDS)  # "positions north of X"
        or _of_a_direction(ent)
        or _area_or_place_word(after)
        or (after == "main" and ent.end + 1 < len(doc) and doc[ent.end + 1].lower_ == "road")
        or _names_the_police(ent)
        or _is_the_dateline(ent)
    )


def _is_the_dateline(ent: Span) -> bool:
    """The report's dateline ("TAMALE, May 12 - ...") names where it was filed: a place,
    whatever the model tagged a name in capitals (often an organisation). A name it tagged a
    person in ordinary case opens a headline ("Rassendyll: ...")."""
    if ent.start_char >= DATELINE_CHARS or not (
        ent.text.isupper() or ent.label_ in ("GPE", "LOC", "ORG")
    ):
        return False
    found = dateline_of(ent.doc)
    return found is not None and found.name == (ent.start_char, ent.end_char)


def _of_a_direction(ent: Span) -> bool:
    """ "Y district of south X": a direction between "of" and the name."""
    doc, i = ent.doc, ent.start
    return (
        i > 2
        and doc[i - 1].lower_ in PART_WORDS
        and doc[i - 2].lower_ == "of"
        and _area_or_place_word(doc[i - 3].lower_)
    )


def _geocode(
    pairs: list[tuple[Span, Mention]], unnamed: list[Span], geocoder: Geocoder | None
) -> dict[str, object]:
    """The document's toponyms resolved together: places, organisations (venues), names
    written where a place would be, and capitalised words after "in" the model named nothing."""
    if geocoder is None:
        return {}
    names = {
        m.name for ent, m in pairs if m.type in ("place", "organization") or _written_as_place(ent)
    }
    names |= {span.text for span in unnamed}
    # "the Capital" is the country's capital (capitals.py) or nothing, never a place so named
    names = {n for n in names if key(n) != "capital"}
    sure = {m.name for ent, m in pairs if _surely_a_place(ent)} | _placed_names(pairs)
    # "in X upazila": the area word vouches for an X the model named nothing, as for a name
    sure |= {span.text for span in unnamed if _surely_a_place(span)}
    return dict(geocoder.resolve_document(sorted(names), sure=sure))


MISREAD_MAX_WORDS = 2  # "in Qadian", "at Sangli town": a longer "person" is a person


def _placed_names(pairs: list[tuple[Span, Mention]]) -> set[str]:
    """Names the model took for a person or group that the text writes only as the object of
    a preposition of place ("clashed with the police in Qadian", "marched through Sangli"):
    short, untitled, with no word of an organisation's name. They may be a place's other
    spelling, as a name written where only a place goes may ("Leghorn" for "Livorno")."""
    spans, titled = _spans_by_name(pairs)
    placed = set()
    for name, written in spans.items():
        if name in titled or any(e.label_ not in ("PERSON", "ORG") for e in written):
            continue
        words = name.split()
        if len(words) > MISREAD_MAX_WORDS or {w.lower() for w in words} & lexicons.org_words():
            continue
        if all(_object_of_place_preposition(e) for e in written):
            placed.add(name)
    return placed


# A group "at X" is mostly where someone works ("a strike at Google"), a person "through X" how
# something was done ("negotiated through X"): neither says X is a place.
PLACING = {"PERSON": ("in", "at", "near"), "ORG": ("in", "near", "through")}


def _object_of_place_preposition(ent: Span) -> bool:
    """ "in X", "near X", "at X main road", "Y district of (south) X": the name, or the place
    word it names, is the preposition's object; not "in X's support", not "fired at X
    militants" (where X only modifies a noun that is no place)."""
    doc = ent.doc
    phrase = ent.root
    if phrase.dep_ in ("compound", "nmod") and _area_or_place_word(phrase.head.lemma_.lower()):
        phrase = phrase.head
    if ent.end < len(doc) and doc[ent.end].text in ("'s", "’s"):
        return False
    if phrase.dep_ != "pobj":
        return False
    if _of_a_direction(ent):  # "Y district of south X"
        return phrase.head.i == ent.start - 2
    if ent.start == 0 or phrase.head.i != ent.start - 1:
        return False
    preposition = doc[ent.start - 1].lower_
    if preposition == "of":
        return ent.start > 1 and _area_or_place_word(doc[ent.start - 2].lower_)
    return preposition in PLACING.get(ent.label_, ())


def _through_a_place(ent: Span) -> bool:
    """ "marched through Sangli": a name, not a person's, as the object of "through"."""
    return (
        ent.start > 0
        and ent.label_ != "PERSON"
        and ent.doc[ent.start - 1].lower_ == "through"
        and ent.root.dep_ == "pobj"
    )


def _spans_by_name(pairs: list[tuple[Span, Mention]]) -> tuple[dict[str, list[Span]], set[str]]:
    """Each mention name's spans, and the names written with a title somewhere."""
    spans: dict[str, list[Span]] = {}
    titled = set()
    for ent, m in pairs:
        spans.setdefault(m.name, []).append(ent)
        if m.titles:
            titled.add(m.name)
    return spans, titled


def _surely_a_place(ent: Span) -> bool:
    """Written where only a place goes: the model calls it a place and the grammar agrees
    ("clashed in X"), or an area word says so whatever the model said ("X village", "the town
    of X")."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    before2 = doc[ent.start - 2].lower_ if ent.start > 1 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    return (
        _area_or_place_word(after)
        or (before == "of" and _area_or_place_word(before2))
        or (ent.label_ in ("GPE", "LOC") and _written_as_place(ent))
        or _ends_with_its_area_word(ent)
    )


def _ends_with_its_area_word(ent: Span) -> bool:
    """ "in the Kala Kot area", "Sangli district": the model took the area word into the name.
    In lower case only: "Islamic State" is a group's name, "Qadian town" a place."""
    return len(ent) > 1 and ent[-1].text in lexicons.area_words()


def _names_the_police(ent: Span) -> bool:
    """ "surrendered before the Sangli police", "arrested by the Qadian police": a
    police force or station is named after the town or district it serves, so the name the
    model split off before "police" may be that place. Not a people ("the Indian police"), an
    acronym ("the UN police") or a group's name ("the Taliban police"): such a name is written
    as a place here but never taken as surely one, so only a town's own name in the gazetteer
    answers for it, not another spelling of some village."""
    doc = ent.doc
    if ent.label_ == "NORP" or ent.end >= len(doc) or doc[ent.end].lower_ != "police":
        return False
    if ent.start == 0 or doc[ent.start - 1].lower_ != "the" or len(ent) > MISREAD_MAX_WORDS:
        return False
    words = ent.text.split()
    return not ent.text.isupper() and not {w.lower() for w in words} & lexicons.org_words()


# Labels the model gives place names it does not know ("In Sangli," as a product, "In Qadian," as
# a date, "in Mukerian" as a nationality): after "in", "at" or "near" such a proper noun may
# still be a place (so may one it took for the name of an event).
STRAY_LABELS = {"PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "NORP", "EVENT"}


def _stray(tok: Token) -> bool:
    """Tagged as nothing, or as something a proper noun after "in" rarely is (not a month; a
    people only as the preposition's own object, not "in Sikh areas")."""
    if not tok.ent_type_:
        return True
    if tok.ent_type_ == "NORP" and tok.dep_ != "pobj":
        return False
    return tok.ent_type_ in STRAY_LABELS and tok.lower_ not in CALENDAR_WORDS


def _unnamed_toponyms(doc: Doc) -> list[Span]:
    """Capitalised proper nouns right after "in", "at" or "near", or after "district of" (with
    a word of direction before: "Qadian district of south Westria"), that the model tagged as
    nothing or as a stray kind ("shot a woman in Qadian", "In Sangli, pickets ..."): candidates
    the gazetteer may know."""
    out = []
    lower = lexicons.doc_words(doc).lower  # read once per Doc: no Token made for other words
    for i, word in enumerate(lower):
        first = start = i + 1  # where the span and the capitalised name would begin
        if word == "of" and i > 0 and _area_or_place_word(lower[i - 1]):
            if start < len(lower) and lower[start] in PART_WORDS:
                # kept in the span: "South Westria" may be a unit's own name, and the
                # gazetteer reads "south Westria" as Westria where it is not
                start += 1
        elif word not in NAME_PLACE_PREPOSITIONS and not (
            word == "of" and i > 0 and lower[i - 1] in PART_WORDS  # "north of X"
        ):
            continue
        end = start
        while (
            end < len(doc)
            and end - start < 3
            and doc[end].pos_ == "PROPN"
            and doc[end].is_alpha
            and doc[end].text[:1].isupper()
            and _stray(doc[end])
        ):
            end += 1
            end = _past_a_hyphen(doc, end)
        if end > start:
            out.append(doc[first:end])
    return out


def _past_a_hyphen(doc: Doc, end: int) -> int:
    """ "in Sta-ana town": a hyphen written inside a name, with the word after it, belongs to
    the name (the tokenizer splits it in three)."""
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].pos_ == "PROPN"  # "Dera-ana", not "Muslim-majority"
        and _stray(doc[end + 1])
    ):
        return end + 2
    return end


def _retype_places(
    entities: list[Entity], pairs: list[tuple[Span, Mention]], places: dict[str, object]
) -> None:
    """A person or organisation that the gazetteer knows as a town or region and that the text
    only ever writes where a place goes ("died in Mukerian", "at Sangli") is that place:
    the model's label loses to the grammar and the gazetteer together."""
    spans, _ = _spans_by_name(pairs)
    for entity in entities:
        if entity.type not in ("person", "organization"):
            continue
        place = places.get(entity.name)
        if getattr(place, "precision", None) not in PLACED_PRECISIONS:
            continue
        if any(m.titles for m in entity.mentions):
            continue
        written = [s for m in entity.mentions for s in spans.get(m.name, [])]
        if not written or not all(_written_as_place(s) for s in written):
            continue
        if all(_names_the_police(s) for s in written) and not spelled_alike(
            entity.name, str(getattr(place, "name", ""))
        ):
            continue  # "the Taliban police": the gazetteer's village of another spelling
        entity.type = "place"


def _published(document: Document) -> dt.date | None:
    """The publication day, when the document gives a valid ISO date."""
    if document.published is None or not _is_iso(document.published):
        return None
    return dt.date.fromisoformat(document.published[:10])


def _seat_finder(
    doc: Doc, places: dict[str, object], geocoder: Geocoder | None
) -> Callable[[str, int, int], object | None]:
    """seat_of(organisation name, start, end of its sentence): the capital a national body
    sits in ("the Senate", "Pakistan's National Assembly"), of the country its name or its
    sentence names (a country or a demonym), else of the country the document is mostly
    about; None for other organisations or when no country is known."""
    most = main_country(places)

    def seat_of(name: str, start: int, end: int) -> object | None:
        lowered = name.lower()
        if geocoder is None or not any(
            lowered == w or lowered.endswith(" " + w) or lowered.startswith(w + " of ")
            for w in lexicons.national_institutions()
        ):
            return None
        sentence = doc.char_span(start, end, alignment_mode="expand")
        words = name.split() + ([t.text for t in sentence] if sentence is not None else [])
        country = first_country(words, places, geocoder) or most
        return geocoder.gazetteer.capital(country) if country else None

    return seat_of


def _is_iso(value: str | None) -> bool:
    try:
        return value is not None and bool(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return False


def _events(
    doc: Doc,
    document: Document,
    pairs: list[tuple[Span, Mention]],
    entity_of: dict[int, Entity],
    excluded: Exclusions,
    geocoder: Geocoder | None,
    places: dict[str, object],
    unnamed: list[Span],
    headlines: list[tuple[int, int]],
) -> list[Event]:
    actors = [
        Actor(ent.start, ent.end, entity_of[id(m)].id, entity_of[id(m)].type, entity_of[id(m)].name)
        for ent, m in pairs
    ]
    # Toponyms no entity stands for take part in placing events only (no entity id).
    actors += [Actor(s.start, s.end, "", "place", s.text) for s in unnamed if places.get(s.text)]
    dateline = None
    filed = dateline_of(doc)
    if filed is not None and geocoder is not None:
        dateline = geocoder.resolve(doc_text(doc)[slice(*filed.name)], collections.Counter())
    # So does "the capital" standing for a country's capital (extract/capitals.py).
    capitals = capital_references(doc, places, geocoder, dateline)
    actors += [Actor(a, b, "", "place", doc[a:b].text) for a, b in capitals]
    actors.sort(key=lambda a: a.start)
    name_of = {(ent.start, ent.end): m.name for ent, m in pairs}
    name_of |= {(s.start, s.end): s.text for s in unnamed}

    def place_of(actor: Actor) -> object | None:
        capital = capitals.get((actor.start, actor.end))
        if capital is not None:
            return capital
        return places.get(name_of.get((actor.start, actor.end), ""))

    def candidates_of(actor: Actor) -> list[object]:
        """Every place the actor's name can mean, most likely first (by name and size)."""
        name = name_of.get((actor.start, actor.end))
        if not name or geocoder is None:
            return []
        return list(geocoder.gazetteer.candidates(name))

    paragraphs = [(b.start, b.end) for b in hygiene.blocks(document.text)]
    joined = Exclusions(_joined(excluded))
    seat_of = _seat_finder(doc, places, geocoder)
    reader = EventReader(
        doc,
        document.id,
        actors,
        _date_spans(doc, document, excluded),
        place_of,
        paragraphs,
        joined.covers,
        attribution,
        _published(document),
        dateline,
        headlines,
        seat_of,
        candidates_of,
    )
    return reader.read()


def extract(doc: Doc, document: Document, geocoder: Geocoder | None = None) -> DocumentResult:
    """Records from an annotated Doc. Without a geocoder, events carry no places."""
    try:
        return _extract(doc, document, geocoder)
    finally:
        forget_doc_sents(doc)


def _extract(doc: Doc, document: Document, geocoder: Geocoder | None) -> DocumentResult:
    excluded = Exclusions(hygiene.exclusions(document.text))
    headlines = hygiene.headline_ranges(document.text)
    pairs = _without_occasions(mentions_from(doc, document, excluded, headlines))
    entities = resolve([m for _, m in pairs], _acronyms(doc, pairs))
    unnamed = _unnamed_toponyms(doc)
    places = _geocode(pairs, unnamed, geocoder)
    _retype_places(entities, pairs, places)
    entity_of = {id(m): e for e in entities for m in e.mentions}
    by_token: dict[int, tuple[int, str, str, str]] = {}
    for ent, mention in pairs:
        entity = entity_of[id(mention)]
        by_token[ent.start] = (ent.end, entity.id, entity.type, entity.name)

    relations: list[Relation] = []
    last_prose = _last_prose_block(document.text, excluded)
    author = document.author
    for sent in doc_sents(doc):
        if excluded.covers(sent.start_char, sent.end_char):
            continue
        for found in find_relations(sent, by_token):
            qualifiers: list[tuple[str, str]] = []
            if found.place:
                qualifiers.append(("place", found.place))
            if found.past:
                qualifiers.append(("time", "past"))
            evidence = _evidence(
                doc, document, found.start_char, found.end_char, RELATION_EXTRACTOR
            )
            relations.append(
                Relation(
                    found.subject,
                    found.predicate,
                    found.object,
                    found.role,
                    tuple(qualifiers),
                    evidence,
                )
            )
            is_author_line = (
                found.pattern == "copula"
                and found.predicate == "works_for"
                and last_prose is not None
                and last_prose[0] <= sent.start_char < last_prose[1]
            )
            if is_author_line and author is None:
                author = next(e.name for e in entities if e.id == found.subject)
    relations += _title_relations(entities, doc)
    events = _events(
        doc, document, pairs, entity_of, excluded, geocoder, places, unnamed, headlines
    )
    if author != document.author:
        document = replace(document, author=author)
    return DocumentResult(
        document=document,
        entities=entities,
        relations=_dedupe(relations),
        excluded=[(x.start, x.end, x.reason) for x in excluded],
        events=events,
    )


def _last_prose_block(text: str, excluded: Exclusions) -> tuple[int, int] | None:
    for block in reversed(hygiene.blocks(text)):
        if not excluded.covers(block.start, block.end) and not hygiene.is_headline_shaped(block):
            return block.start, block.end
    return None


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """One piece of evidence per relation per passage: when two patterns read the same relation
    from overlapping words, keep the longer match."""
    kept: list[Relation] = []
    for r in sorted(relations, key=lambda r: -(r.evidence.end - r.evidence.start)):
        overlaps = any(
            k.id == r.id and k.evidence.start < r.evidence.end and r.evidence.start < k.evidence.end
            for k in kept
        )
        if not overlaps:
            kept.append(r)
    return sorted(kept, key=lambda r: (r.evidence.start, r.id))
