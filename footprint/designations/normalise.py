"""Name normalisation for designation screening.

``normalise_name`` gives a comparable surface form (casefolded, accents and punctuation gone,
leading titles removed, "SURNAME, Given" turned round). ``name_tokens`` goes further: joining
particles are dropped and each token is folded to one spelling through the transliteration
rules and equivalence classes in ``footprint/nlp/patterns/name_variants.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from footprint.nlp import lexicons

_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_APOSTROPHE = re.compile(r"['’‘`ʼʻ]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Variants:
    rules: tuple[tuple[re.Pattern[str], str], ...]
    particles: frozenset[str]
    classes: dict[str, str]  # rule-folded spelling -> canonical


def _apply_rules(token: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, repl in rules:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=1)
def variants() -> Variants:
    """The transliteration data, read once."""
    text = (
        resources.files("footprint.nlp")
        .joinpath("patterns", "name_variants.tsv")
        .read_text("utf-8")
    )
    rules: list[tuple[re.Pattern[str], str]] = []
    particles: set[str] = set()
    members: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        kind = cols[0]
        if kind == "rule":
            rules.append((re.compile(cols[1]), cols[2] if len(cols) > 2 else ""))
        elif kind == "particle":
            particles.add(cols[1].strip())
        elif kind == "class":
            canonical = cols[1].strip()
            spellings = [canonical, *(cols[2].split() if len(cols) > 2 else [])]
            members.append((canonical, spellings))
    frozen_rules = tuple(rules)
    classes: dict[str, str] = {}
    for canonical, spellings in members:
        for spelling in spellings:
            plain = _NON_WORD.sub("", _APOSTROPHE.sub("", spelling.lower()))
            classes.setdefault(_apply_rules(plain, frozen_rules), canonical)
    return Variants(frozen_rules, frozenset(particles), classes)


@lru_cache(maxsize=1)
def _title_sequences() -> tuple[tuple[str, ...], ...]:
    seqs = {tuple(_plain(title).split()) for title in lexicons.titles()}
    seqs.discard(())
    # Longest first so "grand ayatollah" wins over "ayatollah".
    return tuple(sorted(seqs, key=len, reverse=True))


def _plain(text: str) -> str:
    """Casefold, strip accents, drop apostrophes, turn other punctuation into spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    lowered = _APOSTROPHE.sub("", stripped.casefold())
    return " ".join(_NON_WORD.sub(" ", lowered).split())


def _uncomma(name: str) -> str:
    """'ALVI, Mohammad Masood Azhar' -> 'Mohammad Masood Azhar ALVI' (one comma, short surname)."""
    if name.count(",") != 1:
        return name
    surname, given = (part.strip() for part in name.split(","))
    if not surname or not given or len(surname.split()) > 3:
        return name
    return f"{given} {surname}"


def _strip_titles(tokens: list[str]) -> list[str]:
    seqs = _title_sequences()
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for seq in seqs:
            n = len(seq)
            if len(tokens) > n and tuple(tokens[:n]) == seq:
                tokens = tokens[n:]
                changed = True
                break
    return tokens


@lru_cache(maxsize=1 << 16)
def normalise_name(name: str, keep_titles: bool = False) -> str:
    """Comparable surface form of a name: 'Maulana Fazl-ur Rehman' -> 'fazl ur rehman'."""
    tokens = _plain(_PAREN.sub(" ", _uncomma(name))).split()
    return " ".join(tokens if keep_titles else _strip_titles(tokens))


def fold_token(token: str) -> str:
    """One spelling for a lower-case token ('mohammed' -> 'muhammad', 'tayyiba' -> 'taiba')."""
    data = variants()
    folded = _apply_rules(token, data.rules)
    return data.classes.get(folded, folded)


def is_particle(token: str) -> bool:
    return token in variants().particles


def name_tokens(name: str) -> list[str]:
    """Folded, particle-free tokens of a name, in order."""
    return list(_name_tokens(name))


@lru_cache(maxsize=1 << 16)
def _name_tokens(name: str) -> tuple[str, ...]:
    tokens = normalise_name(name).split()
    kept = [fold_token(t) for t in tokens if t not in variants().particles]
    return tuple([t for t in kept if t] or [fold_token(t) for t in tokens])


def titled_tokens(name: str) -> tuple[list[str], int]:
    """Folded tokens with the leading titles kept, and how many leading tokens are titles.

    The screener lets a title that both names carry count ("Hafiz Saeed" ~ "SAEED, Hafiz
    Muhammad") while a title only one of them carries costs nothing.
    """
    tokens, n_titles = _titled_tokens(name)
    return list(tokens), n_titles


@lru_cache(maxsize=1 << 16)
def _titled_tokens(name: str) -> tuple[tuple[str, ...], int]:
    raw = normalise_name(name, keep_titles=True).split()
    n_titles = len(raw) - len(_strip_titles(raw))
    particles = variants().particles
    titles = [fold_token(t) for t in raw[:n_titles]]
    rest = [fold_token(t) for t in raw[n_titles:] if t not in particles]
    if not rest:
        rest = [fold_token(t) for t in raw[n_titles:]]
    return tuple(titles + rest), len(titles)
