"""Roles and affiliations from the language of a sentence.

Each sentence is rewritten as a string of one-letter symbols, one per entity mention or word
(P person, O organisation, G place, R role noun, K kinship noun, F front noun, ...), and the
patterns below are regular expressions over that string. A match names which symbols are the
subject, the object, the role, a place and a past marker. This keeps every pattern one readable
line, testable on its own, and independent of names: only grammar and the lexicons decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from footprint.nlp import lexicons

EXTRACTOR = "footprint.relations.v1"

# Symbols: P person, O organisation, G place, R role noun, K kinship noun, F front noun, t title,
# "," comma, s possessive, o of, i in, a at, f for/with, w as, c and, d article, n past marker
# (then/former), h hyphen, e rebranded/renamed, b copula, j lower-case modifier, x anything else.
ENTITY_SYMBOL = {"person": "P", "organization": "O", "place": "G", "other": "x"}
WORD_SYMBOL = {
    ",": ",",
    "’s": "s",
    "'s": "s",
    "of": "o",
    "in": "i",
    "at": "a",
    "for": "f",
    "with": "f",
    "as": "w",
    "and": "c",
    "the": "d",
    "a": "d",
    "an": "d",
    "then": "n",
    "former": "n",
    "ex": "n",
    "erstwhile": "n",
    "late": "n",
    "-": "h",
    "‐": "h",
    "rebranded": "e",
    "renamed": "e",
    "is": "b",
    "was": "b",
    "are": "b",
    "were": "b",
    "remains": "b",
}
MODIFIER_POS = {"ADJ", "NOUN", "ADV"}

# (name, predicate source, pattern). Predicate source: "role" (from roles.tsv), "kin", "front",
# or "successor". Groups: subj/subjs, obj, role, place, past.
PATTERNS: list[tuple[str, str, str]] = [
    # X, head of Y / X, a senior leader of Y in Z / X, the Lahore chief of Y (a place word the
    # model did not tag as a place still lets the role through, without a place qualifier)
    (
        "apposition_of",
        "role",
        r"(?P<subj>P),d?(?:(?P<lplace>G)|x)?j*(?P<past>n)?h?j*(?P<role>R)[oaf]d?j*(?:Gh[xj])?(?P<obj>[OG])"
        r"(?:i(?P<place>G))?",
    ),
    # X, Y's envoy in Z / X, Y special representative in Z
    (
        "apposition_possessive",
        "role",
        r"(?P<subj>P),d?(?P<past>n)?h?(?P<obj>[OG])s?j*(?P<role>R)(?:[ia](?P<place>G))?",
    ),
    # as a Y special representative in Z, X ...
    ("as_role", "role", r"wd?(?P<obj>O)s?j*(?P<role>R)(?:i(?P<place>G))?,t*(?P<subj>P)"),
    # then-Y leader X / Y leaders X and W / Y's envoy X
    (
        "premodifier",
        "role",
        r"(?P<past>n)?h?(?P<obj>[OG])s?j*(?P<role>R),?t*(?P<subjs>P(?:,t*P)*(?:,?ct*P)?)",
    ),
    # X is a Project Director at Y / X was the head of Y
    ("copula", "role", r"(?P<subj>P)bd?j*(?P<past>n)?j*(?P<role>R)[oaf]d?j*(?P<obj>O)"),
    # the head of Y, X
    ("role_of_then_name", "role", r"d?(?P<past>n)?j*(?P<role>R)[of]d?(?P<obj>O),t*(?P<subj>P)"),
    # X, brother of [Y emir] W
    (
        "kin_apposition",
        "kin",
        r"(?P<subj>P),[djRcx]{0,5}?(?P<kin>K)od?j*(?:[OG]s?)?j*R?t*(?P<obj>P)",
    ),
    # W's nephew X
    ("kin_possessive", "kin", r"(?P<obj>P)s(?P<kin>K),?t*(?P<subj>P)"),
    # X, W's nephew
    ("kin_possessive_apposition", "kin", r"(?P<subj>P),d?(?P<obj>P)s(?P<kin>K)"),
    # X is the brother of W
    ("kin_copula", "kin", r"(?P<subj>P)bd?(?P<kin>K)od?j*t*(?P<obj>P)"),
    # X, (widely seen as) the political façade of Y
    (
        "front_apposition",
        "front",
        r"(?P<subj>O),(?:[jx]{0,3}w)?d?j*(?P<front>F)[of]d?j*(?:Gh[xj])?(?P<obj>O)",
    ),
    # X is a front for Y / X was described by officials as the political wing of Y
    (
        "front_copula",
        "front",
        r"(?P<subj>O),?b[^OP,]{0,10}?d?j*(?P<front>F)[of]d?j*(?:Gh[xj])?(?P<obj>O)",
    ),
    # X (was) rebranded as Y
    ("rebranded", "successor", r"(?P<obj>O)b?,?[xj]{0,2}ew(?P<subj>O)"),
]
COMPILED = [(name, source, re.compile(rx)) for name, source, rx in PATTERNS]


@dataclass(frozen=True)
class Item:
    symbol: str
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    entity: str | None = None
    text: str = ""  # lexicon key for R/K/F, the entity name for P/O/G


@dataclass(frozen=True)
class Found:
    pattern: str
    predicate: str
    subject: str
    object: str
    role: str
    past: bool
    place: str | None
    start_char: int
    end_char: int


def _lexicon_item(tokens: list[Token], i: int, words: lexicons.DocWords) -> Item | None:
    """A role, kinship, front or title phrase starting at tokens[i], outside any entity."""
    tables = (
        ("R", lexicons.roles()),
        ("K", lexicons.kinship()),
        ("F", lexicons.fronts()),
        ("t", lexicons.titles()),
    )
    start, room = tokens[i].i, len(tokens) - i
    for symbol, table in tables:
        found = words.longest_at(start, table, room)
        if found is None or (symbol == "t" and not tokens[i].text[:1].isupper()):
            continue
        width, phrase = found
        if not any(t.ent_type_ for t in tokens[i : i + width]):
            return Item(symbol, start, start + width, text=phrase)
        if symbol == "t":
            break
    return None


def symbolise(sent: Span, mentions: dict[int, tuple[int, str, str, str]]) -> list[Item]:
    """mentions: token start -> (token end, entity id, entity type, name)."""
    items: list[Item] = []
    tokens = list(sent)
    words = lexicons.doc_words(sent.doc)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.i in mentions:
            end, entity, type_, name = mentions[tok.i]
            i += end - tok.i
            # "Jamaat-ud-Dawa (JuD)": the bracketed acronym is the same mention, said twice.
            if i + 2 < len(tokens) and tokens[i].text == "(" and tokens[i + 2].text == ")":
                inner = mentions.get(tokens[i + 1].i)
                if inner is not None and inner[1] == entity:
                    end = tokens[i + 2].i + 1
                    i += 3
            items.append(Item(ENTITY_SYMBOL[type_], tok.i, end, entity=entity, text=name))
            continue
        lexical = _lexicon_item(tokens, i, words)
        if lexical is not None:
            items.append(lexical)
            i += lexical.end - lexical.start
            continue
        symbol = WORD_SYMBOL.get(tok.lower_)
        if symbol is None:
            lowercase = tok.text[:1].islower()
            modifier = tok.pos_ in MODIFIER_POS or tok.tag_ == "VBN"
            symbol = "j" if lowercase and modifier else "x"
        items.append(Item(symbol, tok.i, tok.i + 1))
        i += 1
    return items


def _group_items(match: re.Match[str], group: str, items: list[Item]) -> list[Item]:
    if match.groupdict().get(group) is None:
        return []
    return items[match.start(group) : match.end(group)]


def find_relations(sent: Span, mentions: dict[int, tuple[int, str, str, str]]) -> Iterator[Found]:
    # Every relation ties two different entities: a sentence naming fewer holds none.
    if sum(1 for i in range(sent.start, sent.end) if i in mentions) < 2:
        return
    items = symbolise(sent, mentions)
    symbols = "".join(item.symbol for item in items)
    doc = sent.doc
    for name, source, rx in COMPILED:
        for match in rx.finditer(symbols):
            first, last = items[match.start()], items[match.end() - 1]
            start_char, end_char = (
                doc[first.start].idx,
                doc[last.end - 1].idx + len(doc[last.end - 1]),
            )
            obj = _group_items(match, "obj", items)[0]
            place = _group_items(match, "place", items) or _group_items(match, "lplace", items)
            past = match.groupdict().get("past") is not None
            subjects = [it for it in _group_items(match, "subjs", items) if it.symbol == "P"]
            subjects = subjects or _group_items(match, "subj", items)
            if source == "role":
                label = _group_items(match, "role", items)[0].text
                predicate = lexicons.roles()[label]
                if predicate != "represents" and obj.symbol == "G":
                    continue  # "Pakistan-based": a place is a base, not an employer
            elif source == "kin":
                label = _group_items(match, "kin", items)[0].text
                predicate = "relative_of"
            elif source == "front":
                label = lexicons.fronts()[_group_items(match, "front", items)[0].text]
                predicate = "front_of"
            else:
                label, predicate = "successor (rebranded)", "front_of"
            role = _role_text(doc, match, items, label)
            for subject in subjects:
                if subject.entity == obj.entity or subject.entity is None or obj.entity is None:
                    continue
                yield Found(
                    pattern=name,
                    predicate=predicate,
                    subject=subject.entity,
                    object=obj.entity,
                    role=role,
                    past=past,
                    place=place[0].text if place else None,
                    start_char=start_char,
                    end_char=end_char,
                )


def _role_text(doc, match: re.Match[str], items: list[Item], label: str) -> str:  # type: ignore[no-untyped-def]
    """The role as written, with its modifiers ("polished political façade", "top commander")."""
    for group in ("role", "kin", "front"):
        found = _group_items(match, group, items)
        if found:
            item = found[0]
            index = match.start(group)
            while index > match.start() and items[index - 1].symbol == "j":
                index -= 1
            modifiers = doc[items[index].start : item.start].text
            head = doc[item.start : item.end]
            # Plurals become singular ("Hamas leaders X and Y": each is a leader).
            head_text = item.text if head.text.lower() != item.text else head.text
            return f"{modifiers} {head_text}".strip()
    return label
