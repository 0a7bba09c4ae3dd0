"""footprint.acronyms.v1 — tie acronyms to their expansions inside a document.

"Centre for Border Security Studies (CBSS)" makes both spans organisations and records
CBSS -> the long name in `doc._.acronyms`; a bare "JUI-F" elsewhere joins
"Jamiat Ulema-e-Islam-Fazl" when its letters are that name's initials (with or without the
particles: "LeT" <- "Lashkar-e-Taiba", "TTP" <- "Tehrik-e-Taliban Pakistan").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from footprint.nlp import lexicons
from footprint.nlp.components.spans import ORG, PERSON, replace_ents

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
    text = doc.text  # once: Doc.text is rebuilt from the tokens on every access
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
    org_names = {e.text for e in doc.ents if e.label_ == ORG and not ACRONYM.match(e.text)}
    bare: list[Span] = []
    for match in re.finditer(r"\b[A-Z][A-Za-z]{0,7}(?:-[A-Z]{1,3})?\b", text):
        acronym = match.group()
        if not ACRONYM.match(acronym):
            continue
        long_name = links.get(acronym) or next((n for n in org_names if matches(acronym, n)), None)
        if long_name is None:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="strict")
        if span is None:
            continue
        containing = next(
            (e for e in doc.ents if e.start <= span.start and span.end <= e.end), None
        )
        if containing is not None and len(containing) > len(span):
            continue  # part of a longer name
        links.setdefault(acronym, long_name)
        bare.append(Span(doc, span.start, span.end, label=ORG))
    if bare:
        replace_ents(doc, bare)
    doc._.acronyms = links
    return doc


@Language.component(
    "footprint_acronyms_v1", assigns=["doc.ents", "doc._.acronyms"], requires=["doc.ents"]
)
def acronyms_component(doc: Doc) -> Doc:
    return link_acronyms(doc)
