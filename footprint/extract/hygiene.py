"""Document hygiene: find the parts of a text that are not the article's own claims.

Works on plain text, before and independently of the NLP pipeline, and returns character ranges
to exclude from extraction, each with its reason:
- trailing navigation: "See more from this Author" and the lists of other headlines after it;
- repeated passages: a caption printed twice, or a pull quote that repeats (part of) a paragraph,
  so the same sentence does not yield a second claim;
- page furniture left in the body: a newsletter sign-up box's sentences ("Invalid email
  address."), each excluded where it stands, and a photo's credit and caption labels ("Image
  copyright AFP Image caption").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from footprint.nlp import lexicons

# A pull quote repeats its source nearly verbatim; editors trim words ("...") or add brackets.
PULL_QUOTE_SIMILARITY = 95
# Pull quotes sit near the passage they repeat; looking further costs time on long texts.
PULL_QUOTE_WINDOW = 12
# A pull quote is a sentence or two lifted out; a longer block is a paragraph of its own, and
# comparing it fuzzily with its neighbours would cost its length times theirs.
PULL_QUOTE_MAX_CHARS = 400
MIN_HEADLINE_RUN = 3


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Exclusion:
    start: int
    end: int
    reason: str


def blocks(text: str) -> list[Block]:
    """Each non-empty line is a block (paragraph, headline, caption or list item)."""
    out = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = match.start() + lead
            out.append(Block(start, start + len(stripped), stripped))
    return out


def is_navigation(block: Block) -> bool:
    return block.text.strip(" :»>|-").lower() in lexicons.navigation_markers()


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _without_counters(text: str) -> str:
    return re.sub(r"[\s\d]+$", "", text.rstrip())  # trailing counters ("41", "3 comments")


def is_headline_shaped(block: Block) -> bool:
    """Short and without sentence-final punctuation: a headline, a link text, a list item."""
    text = _without_counters(block.text)
    return bool(text) and text[-1] not in ".!?”\"'’:;," and len(text.split()) <= 30


def headline_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of the headline-shaped lines, when the text has a body besides them. A
    text of unpunctuated lines only (a wire note without full stops) is all body."""
    found = [(b.start, b.end, is_headline_shaped(b)) for b in blocks(text)]
    if all(shaped for _, _, shaped in found):
        return []
    return [(start, end) for start, end, shaped in found if shaped]


def is_title_case(block: Block) -> bool:
    words = [w for w in _WORD.findall(_without_counters(block.text)) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def trailing_navigation(all_blocks: list[Block]) -> list[Exclusion]:
    """The tail of short, unpunctuated lines after the body, if it holds a navigation marker
    (then any such line counts) or at least three title-case headlines."""
    i = len(all_blocks) - 1
    while i >= 0 and (is_navigation(all_blocks[i]) or is_headline_shaped(all_blocks[i])):
        i -= 1
    run = all_blocks[i + 1 :]
    marker = next((k for k, b in enumerate(run) if is_navigation(b)), None)
    if marker is not None:
        run = run[marker:]  # lines before the first marker may be the body's last heading
    elif len(run) < MIN_HEADLINE_RUN or not all(is_title_case(b) for b in run):
        return []
    if marker is None and i < 0:
        return []  # the whole text is headlines: nothing to tell body from residue
    reason = "navigation and related-headline list"
    return [Exclusion(b.start, b.end, reason) for b in run]


def _normalise(text: str) -> str:
    text = re.sub(r"\[[^\]]*\]", " ", text)  # editorial insertions: "[Omar] Rahimi"
    text = re.sub(r"[^\w]+", " ", text.lower())
    return " ".join(text.split())


def _pieces(text: str) -> list[str]:
    """A pull quote may skip words ("... rolled out"): each piece must appear in the source."""
    return [p for p in (_normalise(x) for x in re.split(r"\.\.\.|…", text)) if p]


def repeated_passages(all_blocks: list[Block]) -> list[Exclusion]:
    out: list[Exclusion] = []
    seen_exact: dict[str, int] = {}
    normalised = [_normalise(b.text) for b in all_blocks]
    for i, block in enumerate(all_blocks):
        key = normalised[i]
        if not key:
            continue
        if key in seen_exact:
            out.append(Exclusion(block.start, block.end, "repeats an earlier passage"))
            continue
        seen_exact[key] = i
        pieces = _pieces(block.text)
        if len(key.split()) < 6 or len(key) > PULL_QUOTE_MAX_CHARS:
            continue
        lo, hi = max(0, i - PULL_QUOTE_WINDOW), min(len(all_blocks), i + PULL_QUOTE_WINDOW + 1)
        for j in range(lo, hi):
            other = normalised[j]
            if j == i or len(other) <= len(key):
                continue
            if all(
                p in other or fuzz.partial_ratio(p, other) >= PULL_QUOTE_SIMILARITY for p in pieces
            ):
                out.append(Exclusion(block.start, block.end, "pull quote repeating a paragraph"))
                break
    return out


def page_chrome(text: str) -> list[Exclusion]:
    """The sentences of a page's sign-up box and form messages that text extraction left in
    the body ("Invalid email address. Please re-enter."), wherever they stand: each a whole
    sentence, after a line start or a sentence's end and before a space or the line's end."""
    out = []
    lowered = text.lower()
    for phrase in lexicons.page_chrome():
        at = lowered.find(phrase)
        while at != -1:
            end = at + len(phrase)
            if _sentence_starts_at(lowered, at) and (end == len(text) or text[end].isspace()):
                out.append(Exclusion(at, end, "page furniture (a sign-up box, a form message)"))
            at = lowered.find(phrase, end)
    return out


def _sentence_starts_at(text: str, at: int) -> bool:
    """After the text's start, a line break or a sentence's end, spaces between. (Read back
    character by character: slicing the text before each match would make a text of many
    matches quadratic.)"""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n.!?\"”"


# Labels of a page's furniture that text extraction flattens into the body, each with why it
# is left out: a photo's credit and caption labels ("Image copyright AFP Image caption The
# blast ..."; the labels and the credit between them, not the caption, which may run on into the
# article's own sentence) and share buttons ("Click to share on Reddit (Opens in new window)",
# whose services' names would read as organisations).
PAGE_LABELS = (
    (
        re.compile(
            r"\b(?:Image copyright\b[^\n]{0,60}?(?=\bImage caption\b)|(?:Image|Media) caption\b)"
        ),
        "a photo's credit or caption label",
    ),
    (
        re.compile(r"\bClick to (?:share|email|print)\b[^()\n]{0,40}\(Opens in new window\)"),
        "a page's share button",
    ),
)


def page_labels(text: str) -> list[Exclusion]:
    return [
        Exclusion(m.start(), m.end(), reason)
        for pattern, reason in PAGE_LABELS
        for m in pattern.finditer(text)
    ]


def exclusions(text: str) -> list[Exclusion]:
    all_blocks = blocks(text)
    found = (
        trailing_navigation(all_blocks)
        + repeated_passages(all_blocks)
        + page_chrome(text)
        + page_labels(text)
    )
    return sorted(set(found), key=lambda e: (e.start, e.end))
