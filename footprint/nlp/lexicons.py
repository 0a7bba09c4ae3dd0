"""Lexicons are data files under nlp/patterns/; this module only reads them (once)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("footprint.nlp").joinpath("patterns", name).read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines(name))


@dataclass(frozen=True)
class Title:
    text: str
    kind: str  # "honorific" | "office"
    body: str | None


@lru_cache(maxsize=1)
def titles() -> dict[str, Title]:
    """Lower-cased title -> Title."""
    out: dict[str, Title] = {}
    for line in _lines("titles.tsv"):
        cols = line.split("\t")
        body = cols[2] if len(cols) > 2 and cols[2] else None
        out[cols[0].lower()] = Title(cols[0], cols[1], body)
    return out


@lru_cache(maxsize=1)
def roles() -> dict[str, str]:
    """Lower-cased role phrase -> predicate."""
    return {cols[0]: cols[1] for cols in (ln.split("\t") for ln in _lines("roles.tsv"))}


@lru_cache(maxsize=1)
def fronts() -> dict[str, str]:
    return {cols[0]: cols[1] for cols in (ln.split("\t") for ln in _lines("fronts.tsv"))}


@lru_cache(maxsize=1)
def kinship() -> frozenset[str]:
    return _words("kinship.txt")


@lru_cache(maxsize=1)
def attribution_cues() -> tuple[str, ...]:
    # Longest first so "video footage shows" wins over "footage shows".
    return tuple(sorted(_words("attribution.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def navigation_markers() -> frozenset[str]:
    return _words("navigation.txt")


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    return _words("org_words.txt")


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    return _words("name_particles.txt")


@lru_cache(maxsize=1)
def place_cues() -> tuple[str, ...]:
    return tuple(sorted(_words("place_cues.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def not_actors() -> frozenset[str]:
    return _words("not_actors.txt")


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    return _words("place_words.txt")


def phrase_at(tokens, i: int, table: dict[str, str] | frozenset[str]) -> int:  # type: ignore[no-untyped-def]
    """Length in tokens of the longest entry of `table` starting at tokens[i] (0 if none).

    Nouns are compared by lemma ("leaders" -> "leader"); touching tokens join without a space
    ("secretary-general")."""
    for width in (4, 3, 2, 1):
        if i + width > len(tokens):
            continue
        out = ""
        for k, tok in enumerate(tokens[i : i + width]):
            out += tok.lemma_.lower() if tok.pos_ == "NOUN" else tok.lower_
            if k < width - 1:
                out += " " if tok.whitespace_ else ""
        if out in table:
            return width
    return 0
