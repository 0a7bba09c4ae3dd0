"""footprint.acronyms.v1 — tie acronyms to their expansions inside a document.

"Centre for Border Security Studies (CBSS)" makes both spans organisations and records
CBSS -> the long name in `doc._.acronyms`; a bare "JUI-F" elsewhere joins
"Jamiat Ulema-e-Islam-Fazl" when its letters are that name's initials (with or without the
particles: "LeT" <- "Lashkar-e-Taiba", "TTP" <- "Tehrik-e-Taliban Pakistan").
An all-capital word of three or more letters that the text never spells out and the model
named nothing ("the SSA-N claimed", "MNDAA troops", "a BNP-led alliance") is an organisation's
acronym too, unless it is a unit or a title (nlp/patterns/not_acronyms.txt) or the sentence
is all in capitals (a shouted headline).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from footprint.nlp import lexicons
from footprint.nlp.components.names import NEGATING_PREFIXES
from footprint.nlp.components.spans import ORG, PERSON, replace_ents
from footprint.nlp.doc_text import doc_text, span_text

ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z]{0,7}(?:-[A-Z]{1,3})?$")
DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z]{0,7}(?:-[A-Z]{1,3})?)\s*\)")
FUNCTION_WORDS = {"of", "for", "and", "the", "in", "on", "&"}
MAX_EXPANSION_TOKENS = 14

if not Doc.has_extension("acronyms"):
    Doc.set_extension("acronyms", default=None)


def initials(name: str) -> set[str]:
    """The ways a name's initials are written: "Lashkar-e-Taiba" -> {"LT", "LET"}."""
    words = [w for w in re.split(r"[\s\-‐–]+", name) if w and w[0].isalpha()]
    words = [w for w in words if w.lower() != "the"]
    particles = lexicons.name_particles()
    capitals = "".join(w[0] for w in words if w[0].isupper())
    with_particles = "".join(w[0] for w in words if w[0].isupper() or w.lower() in particles)
    with_function = "".join(w[0] for w in words)
    return {capitals.upper(), with_particles.upper(), with_function.upper()} - {""}


def acronym_letters(acronym: str) -> str:
    return acronym.replace("-", "").upper()


def matches(acronym: str, name: str) -> bool:
    return len(acronym_letters(acronym)) >= 2 and acronym_letters(acronym) in initials(name)


def _expansion_before(doc: Doc, paren_index: int, acronym: str) -> Span | None:
    """The shortest run of name words ending right before "(" whose initials give the acronym."""
    end = paren_index
    for start in range(end - 1, max(-1, end - 1 - MAX_EXPANSION_TOKENS), -1):
        token = doc[start]
        if token.is_sent_start and start != end - 1 and not token.text[:1].isupper():
            break
        if token.text in (",", ";", ".", ":"):
            break
        if doc[start].lower_ in FUNCTION_WORDS:
            continue
        span = doc[start:end]
        if matches(acronym, span.text):
            return span
    return None


def link_acronyms(doc: Doc) -> Doc:
    links: dict[str, str] = {}
    new: list[Span] = []
    text = doc_text(doc)
    for match in DEFINITION.finditer(text):
        acronym = match.group(1)
        acr_span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        paren = doc.char_span(match.start(), match.start() + 1, alignment_mode="expand")
        if acr_span is None or paren is None:
            continue
        expansion = _expansion_before(doc, paren.start, acronym)
        if expansion is None:
            continue
        label = expansion.root.ent_type_ if expansion.root.ent_type_ == PERSON else ORG
        if label == PERSON:
            continue
        new.append(Span(doc, expansion.start, expansion.end, label=ORG))
        new.append(Span(doc, acr_span.start, acr_span.end, label=ORG))
        links[acronym] = expansion.text
    if new:
        replace_ents(doc, new)

    # Bare acronyms elsewhere: tag them when they spell an organisation named in the text.
    # Indexed once by the initials each name can be written as (a long text has thousands of
    # names and capitalised words: comparing every pair would grow with the square).
    spelled: dict[str, str] = {}
    current = doc.ents  # (read once: Doc.ents makes its spans anew on every access)
    orgs = {span_text(e) for e in current if e.label_ == ORG}
    for name in sorted(name for name in orgs if not ACRONYM.match(name)):
        for letters in initials(name):
            spelled.setdefault(letters, name)
    ent_of = {i: e for e in current for i in range(e.start, e.end)}
    bare: list[Span] = []
    for match in re.finditer(r"\b[A-Z][A-Za-z]{0,7}(?:-[A-Z]{1,3})?\b", text):
        acronym = match.group()
        if not ACRONYM.match(acronym):
            continue
        letters = acronym_letters(acronym)
        long_name = links.get(acronym) or (spelled.get(letters) if len(letters) >= 2 else None)
        if long_name is None:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="strict")
        if span is None:
            continue
        containing = ent_of.get(span.start)
        if containing is not None and not (span.end <= containing.end):
            containing = None
        if containing is not None and len(containing) > len(span):
            continue  # part of a longer name
        links.setdefault(acronym, long_name)
        bare.append(Span(doc, span.start, span.end, label=ORG))
    if bare:
        replace_ents(doc, bare)
    undefined = _undefined_acronyms(doc)
    if undefined:
        replace_ents(doc, undefined)
    doc._.acronyms = links
    return doc


UNDEFINED = re.compile(r"^[A-Z]{3,8}(?:-[A-Z]{1,3})?$")


def _undefined_acronyms(doc: Doc) -> list[Span]:
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    shouted: dict[int, bool] = {}  # sentence start -> mostly capitals (once per sentence)
    out = []
    for i, text in enumerate(lexicons.doc_words(doc).text):
        if i in taken or not UNDEFINED.match(text):
            continue  # no Token made for other words
        tok = doc[i]
        if tok.lower_ in lexicons.not_acronyms():
            continue
        sent = tok.sent
        if sent.start not in shouted:
            shouted[sent.start] = sum(t.is_upper for t in sent) > len(sent) / 2
        if shouted[sent.start]:
            continue  # a shouted headline or a dateline run, not names
        if tok.i > 1 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in NEGATING_PREFIXES:
            continue  # "a non-NATO ally", "anti-ISI": a description, not the body itself
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text == ":" and tok.i <= 2:
            continue  # a dateline: "LAHORE:"
        end = tok.i + 1
        if (  # "SSA-N" is three tokens: SSA, -, N
            end + 1 < len(doc)
            and doc[end].text == "-"
            and not tok.whitespace_
            and not doc[end].whitespace_
            and re.fullmatch(r"[A-Z]{1,3}", doc[end + 1].text)
            and end + 1 not in taken
        ):
            end += 2
        out.append(Span(doc, tok.i, end, label=ORG))
    return out


@Language.component(
    "footprint_acronyms_v1", assigns=["doc.ents", "doc._.acronyms"], requires=["doc.ents"]
)
def acronyms_component(doc: Doc) -> Doc:
    return link_acronyms(doc)
