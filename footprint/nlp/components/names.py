"""footprint.names.v1 — repair entity spans the statistical model cuts wrongly in this genre.

- Transliterated names joined by hyphens and particles stay whole: "Lashkar-e-Taiba",
  "Jamiat Ulema-e-Islam-Fazl", "Jaish-e-Mohammed" become one span; it is an organisation when
  one of its words is an organisation word (army, party, movement... in English or
  transliterated), otherwise it keeps the model's label.
- A person's span grows left over name words and particles it missed ("Yusuf" + "Al Harbi").
- Adjacent person spans merge ("Maulana Karim" + "Rehmani").
- Spans lose stray punctuation at their edges ("Omar] Rahimi" keeps its bracket only inside)
  and a word of doubt at their start ("Suspected X militants": the doubt is the doer's).
- A run of capitalised words that ends in an organisation word is one organisation, whatever
  pieces the model cut it into ("Hukumchand Mill Mazdoor Karmachari Adhikari Samiti",
  "Teachers Association", "Pakistan Army"); "of the X" continues it ("Communist Party of India").
- A capitalised name before a lower-case word for an area is a place, the word included
  ("Aleppo city", "Nineveh governorate"), whatever label the model gave it.
- A place span the model ran over a possessive is two places: "Punjab's Multan district" is
  "Punjab" and "Multan district".
- A date written in figures ("05/27/2019", "2019-05-27") is a date, whatever the model said (it
  tags some as places, or as nothing).
- Spans that are not actors are dropped: lower-case starts ("pro-Palestine"), pieces of a quoted
  title or of a named day or conference, and religion or concept words.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from footprint.nlp import lexicons
from footprint.nlp.components.spans import ORG, PERSON, is_name_token, replace_ents
from footprint.nlp.doc_text import doc_text, span_text

HYPHENS = {"-", "‐", "–"}
NEGATING_PREFIXES = {"non", "anti", "pro", "ex", "post", "pre", "neo"}
QUOTES = set("“”\"‘’'«»")
# Capitalised words that continue a name into an event ("Kashmir Solidarity Day").
EVENT_NAME_WORDS = {
    "day",
    "week",
    "conference",
    "summit",
    "march",
    "rally",
    "convention",
    "festival",
}


def _joined(left, right) -> bool:  # type: ignore[no-untyped-def]
    """True when two tokens touch (no whitespace between them)."""
    return left.idx + len(left.text) == right.idx


def hyphenated_name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of names built as Word-particle-Word (with optional further -Word parts)."""
    particles = lexicons.name_particles()
    found: list[tuple[int, int]] = []
    lower = lexicons.doc_words(doc).lower  # read once per Doc
    i = 0
    n = len(doc)
    while i < n - 3:
        if not (lower[i + 1] in HYPHENS and lower[i + 3] in HYPHENS and lower[i + 2] in particles):
            i += 1  # most places hold no "-particle-": no Token made there
            continue
        a, h1, p, h2 = doc[i], doc[i + 1], doc[i + 2], doc[i + 3]
        if not (
            a.text[:1].isupper()
            and h1.text in HYPHENS
            and p.lower_ in particles
            and h2.text in HYPHENS
            and _joined(a, h1)
            and _joined(h1, p)
            and _joined(p, h2)
        ):
            i += 1
            continue
        end = i + 3
        # Extend right over "-Word" and "-particle-Word" pieces that touch.
        while end + 1 < n and doc[end].text in HYPHENS and _joined(doc[end - 1], doc[end]):
            nxt = doc[end + 1]
            if not _joined(doc[end], nxt) or not (
                nxt.text[:1].isupper() or nxt.lower_ in particles
            ):
                break
            end += 2
        if doc[end - 1].text in HYPHENS:
            end -= 1
        if end < n and doc[end].text in HYPHENS and end + 1 < n and doc[end + 1].text[:1].isupper():
            end += 2  # "...-Islam" + "-Fazl"
        # Extend right and left over space-separated organisation words of the same name
        # ("Tehreek-e-Azadi Forum", "Jamiat Ulema-e-...").
        while end < n and is_name_token(doc[end]) and doc[end].lower_ in lexicons.org_words():
            end += 1
        start = i
        while (
            start > 0
            and is_name_token(doc[start - 1])
            and doc[start - 1].lower_ in lexicons.org_words()
        ):
            start -= 1
        found.append((start, end))
        i = end
    return found


ORG_CONNECTORS = {"of", "for"}  # not "and": "the Senate and Assembly" are two
MIN_ORG_WORDS = 2  # "Union" alone is a word, "Students Union" a name


def org_word_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised runs that end in an organisation word."""
    org_words = lexicons.org_words()
    found: list[tuple[int, int]] = []
    words = lexicons.doc_words(doc)  # read once per Doc: no Token made for other words
    n = len(doc)
    i = 0
    while i < n:
        if not (words.lower[i] in org_words and words.text[i][:1].isupper()):
            i += 1
            continue
        start = i
        while start > 0 and _name_word(doc[start - 1]):
            start -= 1
        end = i + 1
        while end < n:  # more org words ("Students Union Federation"), or "of X"
            if doc[end].lower_ in org_words and doc[end].text[:1].isupper():
                end += 1
            elif (
                doc[end].lower_ in ORG_CONNECTORS
                and end + 1 < n
                and _name_word(doc[end + 1])
                and doc[end + 1].ent_type_ in ("GPE", "NORP", "ORG", "LOC", "")
            ):
                stop = end + 1
                while stop < n and _name_word(doc[stop]):
                    stop += 1
                end = stop
            else:
                break
        if end - start >= MIN_ORG_WORDS:
            found.append((start, end))
        i = end
    return found


# What the model may call a name before an area word that is no actor's and no place's:
# "Tarlenheim governorate" tagged as a product is still a governorate. Only before a word for
# a region, which names nothing else ("the PlayStation division" is a company's).
UNPLACED_LABELS = ("PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE")
REGION_ONLY_WORDS = frozenset({"province", "governorate", "prefecture", "oblast", "region"})


def admin_area_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of capitalised names followed by a lower-case word for an administrative
    area ("Aleppo city", "Kidal town, Kidal region"), the word included."""
    found = []
    areas = lexicons.area_words()
    # (the words read once per Doc: a Token is made only at an area word)
    for i, word in enumerate(lexicons.doc_words(doc).text):
        if word not in areas or i == 0:
            continue
        tok = doc[i]
        label = doc[tok.i - 1].ent_type_
        if label not in ("", "NORP") and not (
            label in UNPLACED_LABELS and word in REGION_ONLY_WORDS
        ):
            continue  # a place (or a person: see _relabel) the model found already
        start = tok.i
        while (
            start > 0
            and tok.i - start < 3
            and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].ent_type_ == "NORP")
            and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        if start < tok.i and not (start > 0 and _joined(doc[start - 1], doc[start])):
            found.append((start, tok.i + 1))  # not the tail of a hyphenated name
    return found


# Day, month and a year of four figures: "05/27/2019", "27.05.2019"; or ISO "2019-05-27". (Two
# figures for the year would take in section numbers, versions and clock times: "4.3.12".)
NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d\d)|((?:19|20)\d\d)-(\d\d)-(\d\d))"
    r"(?![\w/-]|\.\d)"
)


def numeric_date_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of dates written in figures whose day and month can be a calendar's (one
    of the first two numbers at most 12, both at most 31)."""
    text = doc_text(doc)  # (one regular-expression pass: no Python loop over characters)
    found = []
    for match in NUMERIC_DATE.finditer(text):
        if match.group(1) is not None:
            first, second = int(match.group(1)), int(match.group(3))
            plausible = 1 <= min(first, second) <= 12 and 1 <= max(first, second) <= 31
        else:
            plausible = 1 <= int(match.group(6)) <= 12 and 1 <= int(match.group(7)) <= 31
        span = doc.char_span(match.start(), match.end())
        if plausible and span is not None:
            found.append((span.start, span.end))
    return found


def _name_word(tok) -> bool:  # type: ignore[no-untyped-def]
    """A capitalised word that can be part of a name (not a sentence's "The" or a title)."""
    return (
        tok.text[:1].isupper()
        and tok.is_alpha
        and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB")
        and tok.lower_ not in ("the", "a", "an")
        and tok.lower_ not in lexicons.titles()
        and not tok.like_num
        and tok.ent_type_ != "NORP"  # "the Pakistani Senate" is the Senate
    )


def _label_for(span: Span, overlapping: list[Span]) -> str | None:
    words = {t.lower_ for t in span if t.text not in HYPHENS}
    if words & lexicons.org_words():
        return ORG
    labels = [e.label_ for e in overlapping]
    if PERSON in labels:
        return PERSON
    return labels[0] if labels else None


# Words of doubt the model takes into the name before a noun for the people it doubts:
# "Suspected X militants" (not a title's: "Presumed Dead, a film", keeps its word)
DOUBT_WORDS = frozenset({"suspected", "alleged", "presumed", "purported"})


def _before_the_doubted(span: Span) -> bool:
    """Is the name followed by a lower-case noun for the people it qualifies ("militants")?"""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.pos_ == "NOUN" and after.is_lower


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        ((doc[start].is_punct or doc[start].is_space) and doc[start].text not in "([")
        or (doc[start].lower_ in DOUBT_WORDS and _before_the_doubted(span))
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def quoted_event_names(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of quoted titles that name an event ("... Conference")."""
    out = []
    for match in re.finditer(r"[“\"]([^”\"\n]{1,160})[”\"]", doc_text(doc)):
        words = re.findall(r"[A-Za-z]+", match.group(1))
        if words and words[-1].lower() in EVENT_NAME_WORDS:
            out.append((match.start(), match.end()))
    return out


def _is_actor_shaped(span: Span, event_titles: list[tuple[int, int]]) -> bool:
    doc = span.doc
    if any(a <= span.start_char and span.end_char <= b for a, b in event_titles):
        return False
    if len(span) == 1 and span.end < len(doc):
        pair = f"{span[0].lower_} {doc[span.end].lower_}"
        if pair in lexicons.roles() or pair in lexicons.titles():
            return False  # "Project" in "Project Director"
    if span.label_ not in (PERSON, ORG):
        return True
    first = span[0]
    if (
        span.label_ == PERSON
        and len(span) == 1
        and first.is_sent_start
        and first.lower_ in lexicons.person_nouns()
    ):
        return False  # "Farmer is selling ...": a common noun capitalised by its place

    if len(span) > 1 and first.lower_ in NEGATING_PREFIXES and span[1].text in HYPHENS:
        return False  # "Non-NATO", "Anti-Taliban": a description, not a name
    if (
        first.text[:1].islower()
        and first.lower_ not in ("the",)
        and first.lower_ not in lexicons.name_particles()
    ):
        return False
    if any(ch in QUOTES for t in span for ch in t.text if t.text not in ("’s", "'s")):
        return False
    if (
        span.end < len(doc)
        and doc[span.end].text[:1].isupper()
        and doc[span.end].lower_ in EVENT_NAME_WORDS
    ):
        return False
    lowered = span_text(span).lower().removeprefix("the ")
    if lowered in lexicons.titles() or lowered in lexicons.roles():
        return False  # "Supreme Leader" alone is a title, not an actor
    return lowered not in lexicons.not_actors()


def _relabel(span: Span) -> Span:
    """Labels the words of a name settle better than the model: a name led by an honorific
    ("Mufti X") is a person's; a name ending in a place noun ("X Bagh") is a place's."""
    titles = lexicons.titles()
    words = {t.lower_ for t in span}
    first = span[0].lower_.rstrip(".")
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    honorific = any(w in titles and titles[w].honorific for w in (first, before))
    is_org_like = bool(words & lexicons.org_words())
    if (
        span.label_ != PERSON
        and honorific
        and not is_org_like
        and (len(span) > 1 or before in titles)
    ):
        return Span(span.doc, span.start, span.end, label=PERSON)
    if span.label_ == PERSON and len(span) > 1 and span[0].lower_ in lexicons.area_words():
        return Span(span.doc, span.start, span.end, label="GPE")  # "County Dublin": no person
    if span.label_ in (PERSON, ORG) and len(span) > 1 and span[-1].lower_ in lexicons.place_words():
        return Span(span.doc, span.start, span.end, label="FAC")
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        span.label_ in (PERSON, ORG)
        and after is not None
        and after.text in lexicons.area_words()  # lower case: "Xanadu state", not "Islamic State"
    ):
        return Span(span.doc, span.start, span.end + 1, label="GPE")  # "Nineveh governorate"
    if span.label_ in (PERSON, ORG) and len(span) > 1 and span[-1].text in lexicons.area_words():
        return Span(span.doc, span.start, span.end, label="GPE")  # "Zamboanga del Sur province"
    return span


def _extend_person_left(span: Span) -> Span:
    doc = span.doc
    start = span.start
    particles = lexicons.name_particles()
    titles = lexicons.titles()
    while start > 0:
        prev = doc[start - 1]
        if prev.is_sent_start or prev.lower_ in titles or prev.lower_.rstrip(".") in titles:
            break
        if prev.ent_type_ and prev.ent_type_ != PERSON:
            break
        if is_name_token(prev) or (prev.lower_ in particles and prev.text[:1].isupper()):
            start -= 1
            continue
        break
    return span if start == span.start else Span(doc, start, span.end, label=PERSON)


def repair(doc: Doc) -> Doc:
    # 1. Hyphen-particle names.
    fixed = []
    hyphenated = hyphenated_name_spans(doc)
    current = list(doc.ents) if hyphenated else []  # (Doc.ents makes its spans anew each time)
    for start, end in hyphenated:
        overlapping = [e for e in current if e.start < end and start < e.end]
        # Grow to cover an overlapping entity's outer words ("Jamiat Ulema-e-" tagged alone).
        lo = min([start] + [e.start for e in overlapping])
        hi = max([end] + [e.end for e in overlapping])
        span = doc[lo:hi]
        label = _label_for(span, overlapping)
        if label is not None:  # a hyphenated word the model saw no name in stays unnamed
            fixed.append(Span(doc, lo, hi, label=label))
    if fixed:
        replace_ents(doc, fixed)

    # 1b. Capitalised runs ending in an organisation word.
    current = list(doc.ents)  # once: Doc.ents builds its spans anew on every access
    taken = {i for e in current if e.label_ == ORG for i in range(e.start, e.end)}
    orgs = []
    for start, end in org_word_spans(doc):
        if all(i in taken for i in range(start, end)):
            continue
        overlapping = [e for e in current if e.start < end and start < e.end]
        if any(e.start < start or e.end > end for e in overlapping):
            continue  # a longer name the model found already covers part of it
        orgs.append(Span(doc, start, end, label=ORG))
    if orgs:
        replace_ents(doc, orgs)

    # 1c. "Aleppo city", "Kidal town", "Herat province": a place, whatever the model said.
    actors = [e for e in doc.ents if e.label_ in (PERSON, ORG)]
    areas = [
        Span(doc, start, end, label="GPE")
        for start, end in admin_area_spans(doc)
        if not any(e.start < end and start < e.end for e in actors)
    ]
    if areas:
        replace_ents(doc, areas)

    # 1d. "05/27/2019: A bomb exploded ...": a date in figures, whatever the model said.
    numeric = numeric_date_spans(doc)
    if numeric:
        replace_ents(doc, [Span(doc, start, end, label="DATE") for start, end in numeric])

    # 2. Trim, extend persons, drop what is not an actor.
    ents = []
    event_titles = quoted_event_names(doc)
    for ent in doc.ents:
        trimmed = _trim(ent)
        if trimmed is None or not _is_actor_shaped(trimmed, event_titles):
            continue
        trimmed = _relabel(trimmed)
        if trimmed.label_ == PERSON:
            trimmed = _extend_person_left(trimmed)
        ents.extend(split_possessive_places(trimmed))
    doc.ents = merge_touching_persons(doc, ents)
    return doc


POSSESSIVES = {"'s", "’s"}
PLACE_LABELS = {"GPE", "LOC"}


def split_possessive_places(ent: Span) -> list[Span]:
    """A place span with a possessive inside ("X's Y district") -> the owner and the owned,
    both places; any other span as it is."""
    if ent.label_ not in PLACE_LABELS:
        return [ent]
    inner = [t.i for t in ent[1:-1] if t.text in POSSESSIVES]
    if not inner:
        return [ent]
    cut = inner[0]
    return [
        Span(ent.doc, ent.start, cut, label=ent.label_),
        *split_possessive_places(Span(ent.doc, cut + 1, ent.end, label=ent.label_)),
    ]


def merge_touching_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """Touching person spans are one name ("Maulana Karim" + "Rehmani")."""
    merged: list[Span] = []
    for ent in sorted(ents, key=lambda s: s.start):
        if merged and merged[-1].label_ == PERSON == ent.label_ and merged[-1].end == ent.start:
            merged[-1] = Span(doc, merged[-1].start, ent.end, label=PERSON)
        elif merged and ent.start < merged[-1].end:
            # Overlap left by the person extension: persons join, otherwise the earlier wins.
            if merged[-1].label_ == PERSON == ent.label_:
                merged[-1] = Span(doc, merged[-1].start, max(ent.end, merged[-1].end), label=PERSON)
        else:
            merged.append(ent)
    return merged


@Language.component("footprint_names_v1", assigns=["doc.ents"], requires=["doc.ents", "token.pos"])
def names_component(doc: Doc) -> Doc:
    return repair(doc)
