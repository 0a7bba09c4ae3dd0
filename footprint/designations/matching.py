"""Screening one name against designation listings.

The most damaging mistake is to say "listed" wrongly, so a match is *asserted* only when the
distinctive parts of both names agree. Names are compared on folded tokens (``name_tokens``:
transliteration variants made one, joining particles dropped), each token weighted by how rare it
is among all listed names (IDF), so "Pakistan Markazi Muslim League" does not pass for
"Pakistan Muslim League": the rare "markazi" weighs more than "pakistan", "muslim" and "league".

Score for a listed name (q = the screened name's tokens, c = the listed name's tokens, tokens
paired one to one, best similarity first; sim = 1 for the same folded token, 0.9 for a token
that differs only in its vowels ("mashal" / "mishaal", see ``vowel_variant``), 0.5-0.67 for
another near spelling, 0 below 0.85):

- ``cover_q`` = sum(w(t) * sim) over q / sum(w(t)) over q; ``cover_c`` likewise over c;
- organisations (and other non-persons): the harmonic mean of the two covers: both names must
  be (nearly) all explained by the other;
- persons: ``0.7 * cover_q + 0.3 * cover_c``: name order never matters and a shorter form of a
  listed name ("Masood Azhar" for "ALVI, Mohammad Masood Azhar") scores high when its tokens are
  the distinctive ones; a person match needs at least two paired tokens;
- acronyms: a listed acronym alias matches like any name; an acronym that only equals the
  initials of a listed name ("LeT" for "Lashkar e Tayyiba") is never asserted;
- then: entity type mismatch (x0.5; x0.7 against an "other" listing), context agreement (+0.10)
  or a different organisation (-0.25), see ``Context``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from footprint.designations.normalise import (
    name_tokens,
    normalise_name,
    titled_tokens,
    variants,
)
from footprint.designations.records import Alias, Listing

# 0.85: exact and transliterated forms of a listed name score 0.95-1.0, a listed person's name
# given without its rarest part (or with a common one missing) 0.85-0.95; two names that share
# only their common words ("Pakistan Muslim League" vs "Pakistan Markazi Muslim League") stay
# below 0.8 because the differing word is the rarest. A context that ties a person to a
# different organisation (-0.25) takes even an exact name match below it.
ASSERT_THRESHOLD = 0.85
# Token pairs below this string similarity do not pair at all.
TOKEN_MIN_SIM = 0.85
# A vowel-only romanisation difference ("mashal" / "mishaal"): nearly the same token.
VOWEL_VARIANT_SIM = 0.9
# What a capped match (one shared person token, common tokens only, initials) may reach at most.
CAP = 0.8
# A token on more than this share of listed names is "common" (muhammad, ali, al, front ...).
COMMON_SHARE = 0.004
# ... and never on fewer names than this (small test lists).
COMMON_MIN_DF = 3
CONTEXT_AGREE = 0.10
CONTEXT_DIFFER = 0.25
COUNTRY_AGREE = 0.03
TYPE_MISMATCH = 0.5
TYPE_OTHER = 0.7
# Screening answers kept per screener (oldest dropped first).
MEMO_SIZE = 50_000
# Blocking: postings of the rarest query tokens; common tokens only when nothing rarer exists.
_BLOCK_TOKENS = 3

_LINKED = re.compile(r"linked to:\s*([^;]+)", re.IGNORECASE)
_ACRONYM_RAW = re.compile(r"^[A-Za-z][A-Za-z.\-]{1,9}$")


@dataclass(frozen=True)
class Match:
    listing: Listing
    matched_name: str  # the listed name or alias that matched
    alias: Alias | None  # None when the primary name matched
    score: float  # 0..1
    asserted: bool  # score >= ASSERT_THRESHOLD, listing active, nothing capped
    explanation: str  # one line: why


@dataclass(frozen=True)
class Context:
    """What the text says about the actor."""

    entity_type: str | None = None  # "person" | "organization"
    organizations: tuple[str, ...] = ()  # organisations the text ties the actor to
    roles: tuple[str, ...] = ()  # role strings ("head", "emir")
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Name:
    listing: int
    text: str
    alias: Alias | None
    tokens: tuple[str, ...]
    n_titles: int = 0  # leading tokens that are titles ("hafiz")


@dataclass
class _Scored:
    name: _Name
    score: float
    capped: bool
    notes: list[str] = field(default_factory=list)


# A listed written form a name may be: (listing, when the alias was added, scored, how).
_Candidate = tuple[int, dt.date | None, _Scored, str]


# Screening compares the same few thousand name tokens again and again (every actor of every
# document against its candidate listings): the token-level answers, pure functions of their
# strings, are remembered.
TOKEN_MEMO = 1 << 16


@lru_cache(maxsize=TOKEN_MEMO)
def skeleton(token: str) -> str:
    """First letter and the consonants after it: near spellings share it."""
    return token[:1] + re.sub(r"[aeiouyhw]", "", token[1:])


_VOWEL_RUNS = re.compile(r"[aeiou]+")


def vowel_variant(a: str, b: str) -> bool:
    """Two spellings of one romanised name that differ only in which vowels they write.

    Arabic, Urdu and Persian script leave short vowels unwritten, so one written name reaches
    English as "mashal", "mishal" or "mishaal". The two tokens must have the same consonants
    (y, w and h count as consonants) with a vowel at the same places, only its letters
    differing: "islami" / "islamiya" (a suffix) and "jamaat" / "jamaah" (a consonant) are not
    variants. Only tokens of five letters or more qualify (short ones collide too easily)."""
    if a == b or min(len(a), len(b)) < 5:
        return False
    frame_a, frame_b = _VOWEL_RUNS.sub("V", a), _VOWEL_RUNS.sub("V", b)
    return frame_a == frame_b and frame_a.count("V") >= 1 and len(frame_a) >= 4


@lru_cache(maxsize=TOKEN_MEMO)
def _token_sim(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if min(len(a), len(b)) < 4:
        return 0.0
    if vowel_variant(a, b):
        return VOWEL_VARIANT_SIM
    ratio = fuzz.ratio(a, b) / 100.0
    if len(skeleton(a)) >= 3 and skeleton(a) == skeleton(b):
        ratio = max(ratio, 0.9)
    if ratio < TOKEN_MIN_SIM:
        return 0.0
    # Any other near spelling counts for less (0.5 at 0.85, 0.67 at 0.9): a name is asserted
    # only on tokens that are equal after folding or that differ in their vowels alone.
    return (ratio - 0.7) / 0.3


def _pair(q: Sequence[str], c: Sequence[str]) -> list[tuple[int, int, float]]:
    """One-to-one token pairs, best similarity first."""
    sims = []
    for i, a in enumerate(q):
        for j, b in enumerate(c):
            s = _token_sim(a, b)
            if s > 0:
                sims.append((s, i, j))
    sims.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    out = []
    for s, i, j in sims:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        out.append((i, j, s))
    return out


def _acronym_query(raw: str) -> str | None:
    """'LeT', 'JeM', 'TTP', 'JUI-F' -> the lower-case letters; None for ordinary words."""
    text = raw.strip()
    if " " in text or not _ACRONYM_RAW.match(text):
        return None
    letters = re.sub(r"[^A-Za-z]", "", text)
    if not 2 <= len(letters) <= 7:
        return None
    if text.isupper() or sum(ch.isupper() for ch in text) >= 2:
        return letters.lower()
    return None


def _acronym_keys(acro: str, raw: str) -> tuple[str, str | None]:
    """Keys for the initials indexes.

    Mixed case ('LeT', 'JeM'): lower-case letters are particles, so only the initials with
    particles count ('let' ~ Lashkar e Tayyiba, 'jem' ~ Jaish i Mohammed: e and i are one
    particle). All capitals ('TTP', 'JUD'): the letters as given, with or without particles.
    """
    letters = re.sub(r"[^A-Za-z]", "", raw)
    if letters.isupper():
        return acro, acro
    return "".join("e" if ch in "ei" else ch.lower() for ch in letters), None


def _listed_acronyms(name: str) -> list[str]:
    """Acronyms a listed name gives in brackets: 'TEHRIK-E TALIBAN PAKISTAN (TTP)' -> ['TTP']."""
    out = []
    for inner in re.findall(r"\(([^)]*)\)", name):
        inner = inner.strip()
        if _acronym_query(inner) and inner.isupper():
            out.append(inner)
    return out


def _initials(name: str) -> tuple[str | None, str | None]:
    """Initials with particles (e and i as one) and, where different, without them."""
    raw = normalise_name(name).split()
    if len(raw) < 2:
        return None, None
    particles = variants().particles
    full = "".join(("e" if t[0] in "ei" else t[0]) if t in particles else t[0] for t in raw)
    kept = [t for t in raw if t not in particles]
    core = "".join(t[0] for t in kept) if len(kept) >= 2 else None
    return full, core


def _linked_orgs(remarks: str | None) -> list[str]:
    if not remarks:
        return []
    return [m.group(1).strip().rstrip(".") for m in _LINKED.finditer(remarks)]


def _fmt(tokens: Sequence[str]) -> str:
    return " ".join(tokens)


class Screener:
    """Screens names against listings; build once, screen many times."""

    def __init__(self, listings: Sequence[Listing]) -> None:
        self.listings: list[Listing] = list(listings)
        self._names: list[_Name] = []
        self._postings: dict[str, list[int]] = {}
        self._skeletons: dict[str, list[int]] = {}
        self._acro_full: dict[str, list[int]] = {}
        self._acro_core: dict[str, list[int]] = {}
        df: Counter[str] = Counter()
        for li, listing in enumerate(self.listings):
            entries: list[tuple[str, Alias | None]] = [(listing.name, None)]
            entries += [(a.name, a) for a in listing.aliases]
            entries += [(acro, al) for text, al in list(entries) for acro in _listed_acronyms(text)]
            seen: set[tuple[str, ...]] = set()
            for text, alias in entries:
                tokens_list, n_titles = titled_tokens(text)
                tokens = tuple(tokens_list)
                if not tokens or (tokens in seen and alias is not None and alias.added is None):
                    continue
                seen.add(tokens)
                idx = len(self._names)
                self._names.append(_Name(li, text, alias, tokens, n_titles))
                for tok in set(tokens[n_titles:]):
                    df[tok] += 1
                    self._postings.setdefault(tok, []).append(idx)
                    skel = skeleton(tok)
                    if len(tok) >= 4 and len(skel) >= 3:
                        self._skeletons.setdefault(skel, []).append(idx)
                if listing.entity_type != "person":
                    full, core = _initials(text)
                    if full:
                        self._acro_full.setdefault(full, []).append(idx)
                    if core:
                        self._acro_core.setdefault(core, []).append(idx)
        self._df = df
        self._n = max(len(self._names), 1)
        self._org_cache: dict[str, frozenset[int]] = {}
        self._memo: dict[tuple[object, ...], list[Match]] = {}
        self._best_memo: dict[tuple[object, ...], dict[int, tuple[_Scored, str]]] = {}
        self._scored_memo: dict[str, list[_Candidate]] = {}

    # -- weights -----------------------------------------------------------------------------
    def idf(self, token: str) -> float:
        return math.log((self._n + 1) / (self._df.get(token, 0) + 0.5))

    def _common(self, token: str) -> bool:
        return self._df.get(token, 0) > max(COMMON_SHARE * self._n, COMMON_MIN_DF)

    # -- candidates --------------------------------------------------------------------------
    def _candidates(self, tokens: Sequence[str]) -> set[int]:
        # Rarest first; equally rare words in the order written (a set's order changes from
        # one process to the next, and with it which words were blocked on).
        ranked = sorted(dict.fromkeys(tokens), key=lambda t: self._df.get(t, 0))
        rare = [t for t in ranked if not self._common(t)]
        if not rare:
            # Only common tokens ("Muhammad Ali"): any match would be capped anyway, so only
            # names holding all of them are worth scoring.
            sets = [set(self._postings.get(t, ())) for t in ranked]
            return set.intersection(*sets) if sets else set()
        out: set[int] = set()
        for tok in rare[:_BLOCK_TOKENS]:
            out.update(self._postings.get(tok, ()))
            skel = skeleton(tok)
            if len(tok) >= 4 and len(skel) >= 3:
                out.update(self._skeletons.get(skel, ()))
        return out

    # -- scoring -----------------------------------------------------------------------------
    def _score(self, q: Sequence[str], cand: _Name, q_titles: int = 0) -> _Scored:
        c = cand.tokens
        pairs = _pair(q, c)
        paired_q = {i for i, _, _ in pairs}
        paired_c = {j for _, j, _ in pairs}
        # A title only one side carries weighs nothing.
        wq = [0.0 if i < q_titles and i not in paired_q else self.idf(t) for i, t in enumerate(q)]
        wc = [
            0.0 if j < cand.n_titles and j not in paired_c else self.idf(t) for j, t in enumerate(c)
        ]
        got_q = sum(wq[i] * s for i, _, s in pairs)
        got_c = sum(wc[j] * s for _, j, s in pairs)
        cover_q = got_q / sum(wq) if wq else 0.0
        cover_c = got_c / sum(wc) if wc else 0.0
        person = self.listings[cand.listing].entity_type == "person"
        if person:
            score = 0.7 * cover_q + 0.3 * cover_c
        else:
            score = 2 * cover_q * cover_c / (cover_q + cover_c) if cover_q + cover_c else 0.0
        notes: list[str] = []
        capped = False
        if person and len(pairs) < 2:
            capped = True
            notes.append("one shared token is not enough for a person")
        elif pairs and all(self._common(q[i]) for i in paired_q):
            capped = True
            notes.append("only common name tokens agree")
        elif (
            person
            and not self._whole_name(c, wc, pairs)
            and sum(not self._common(q[i]) for i in paired_q) < 2
        ):
            capped = True
            notes.append("part of the listed name, on fewer than two distinctive tokens")
        if len(c) == 1 and len(normalise_name(cand.text)) <= 2:
            capped = True
            notes.append("two-letter listed acronym")
        if capped:
            score = min(score, CAP)
        vowels = [f"{q[i]} ~ {c[j]}" for i, j, _ in pairs if vowel_variant(q[i], c[j])]
        if vowels:
            notes.append("differ only in vowels: " + ", ".join(vowels))
        missing = [q[i] for i in range(len(q)) if i not in paired_q and wq[i] > 0]
        extra = [c[j] for j in range(len(c)) if j not in paired_c and wc[j] > 0]
        if missing or extra:
            bits = []
            if missing:
                bits.append("unmatched in the text's name: " + _fmt(missing))
            if extra:
                bits.append("not in the text's name: " + _fmt(extra))
            notes.insert(0, "; ".join(bits))
        return _Scored(cand, score, capped, notes)

    @staticmethod
    def _whole_name(
        c: Sequence[str], wc: Sequence[float], pairs: list[tuple[int, int, float]]
    ) -> bool:
        """Every weighted listed token is paired, each with the same token or a vowel variant:
        the text gives the whole listed name, not a part of it."""
        sims = {j: s for _, j, s in pairs}
        return all(
            wc[j] == 0 or sims.get(j, 0.0) >= VOWEL_VARIANT_SIM for j in range(len(c))
        )

    def _describe(self, query: str, q: Sequence[str], cand: _Name, s: _Scored) -> str:
        listed_norm = normalise_name(cand.text, keep_titles=True)
        query_norm = normalise_name(query, keep_titles=True)
        if listed_norm == query_norm:
            head = f"same name: {listed_norm}"
        elif sorted(q) == sorted(cand.tokens):
            head = f"same tokens after transliteration folding: {query_norm} ~ {listed_norm}"
        else:
            head = f"weighted token overlap {s.score:.2f}: {query_norm} ~ {listed_norm}"
        return head

    # -- context -----------------------------------------------------------------------------
    def _org_listings(self, name: str) -> frozenset[int]:
        """Listings an organisation name resolves to (asserted organisation matches only)."""
        key = normalise_name(name)
        if key in self._org_cache:
            return self._org_cache[key]
        self._org_cache[key] = frozenset()
        q = name_tokens(name)
        found: set[int] = set()
        for idx in self._candidates(q):
            cand = self._names[idx]
            if self.listings[cand.listing].entity_type == "person":
                continue
            if self._score(q, cand).score >= ASSERT_THRESHOLD and not self._score(q, cand).capped:
                found.add(cand.listing)
        result = frozenset(found)
        self._org_cache[key] = result
        return result

    def _same_org(self, a: str, b: str) -> bool:
        qa, qb = name_tokens(a), name_tokens(b)
        pairs = _pair(qa, qb)
        if qa and qb and len(pairs) == len(qa) == len(qb):
            return True
        return bool(self._org_listings(a) & self._org_listings(b))

    def _context(self, listing: Listing, context: Context) -> tuple[float, str | None]:
        if listing.entity_type != "person" or not context.organizations:
            return self._country(listing, context)
        linked = _linked_orgs(listing.remarks)
        remarks = normalise_name(listing.remarks or "")
        texts = ", ".join(context.organizations)
        role = f" ({', '.join(context.roles)})" if context.roles else ""
        for org in context.organizations:
            agree = any(self._same_org(org, other) for other in linked)
            org_norm = normalise_name(org)
            if agree or (len(org_norm) > 3 and f" {org_norm} " in f" {remarks} "):
                return CONTEXT_AGREE, f"context agrees: the text ties the actor to {org}"
        if linked:
            return -CONTEXT_DIFFER, (
                f"context differs: the text ties the actor to {texts}{role}; the list links the "
                f"listed person to {'; '.join(linked)} — may be a different person with a "
                "similar name"
            )
        delta, note = self._country(listing, context)
        return delta, note

    def _country(self, listing: Listing, context: Context) -> tuple[float, str | None]:
        remarks = f" {normalise_name(listing.remarks or '')} "
        for country in context.countries:
            norm = normalise_name(country)
            if norm and f" {norm} " in remarks:
                return COUNTRY_AGREE, f"country agrees: {country}"
        return 0.0, None

    # -- the public call ---------------------------------------------------------------------
    def screen(
        self,
        name: str,
        context: Context | None = None,
        as_of: dt.date | None = None,
        limit: int = 5,
    ) -> list[Match]:
        """The best listings for ``name``, best first (at most ``limit``)."""
        # A corpus names the same actors again and again: answer each question once.
        key = (name, context, as_of, limit)
        held = self._memo.get(key)
        if held is None:
            held = self._memo[key] = self._screen(name, context, as_of, limit)
            if len(self._memo) > MEMO_SIZE:
                self._memo.pop(next(iter(self._memo)))
        return list(held)

    def _screen(
        self, name: str, context: Context | None, as_of: dt.date | None, limit: int
    ) -> list[Match]:
        best = self._best_by_listing(name, as_of)
        context = context or Context()
        matches = [self._finish(li, s, head, context, as_of) for li, (s, head) in best.items()]
        matches.sort(key=lambda m: (-m.score, m.listing.id))
        return matches[:limit]

    def _best_by_listing(self, name: str, as_of: dt.date | None) -> dict[int, tuple[_Scored, str]]:
        """The best-scored written form per listing for ``name``, remembered: the scores do
        not depend on the context, so the same name in several contexts (one actor among
        others in a document, or in several documents of a day) is scored once."""
        key = (name, as_of)
        held = self._best_memo.get(key)
        if held is None:
            held = self._best_memo[key] = self._score_candidates(name, as_of)
            if len(self._best_memo) > MEMO_SIZE:
                self._best_memo.pop(next(iter(self._best_memo)))
        return held

    def _score_candidates(self, name: str, as_of: dt.date | None) -> dict[int, tuple[_Scored, str]]:
        """The best-scored written form per listing, among the forms listed by `as_of`."""
        best: dict[int, tuple[_Scored, str]] = {}
        for listing, added, scored, head in self._scored(name):
            if as_of is not None and added is not None and added > as_of:
                continue
            held = best.get(listing)
            if held is None or scored.score > held[0].score:
                best[listing] = (scored, head)
        return best

    def _scored(self, name: str) -> list[_Candidate]:
        """Every listed written form the name may be, scored, whatever the date: the scores do
        not depend on it, and a corpus names the same actor on many days."""
        held = self._scored_memo.get(name)
        if held is None:
            held = self._scored_memo[name] = self._score_all(name)
            if len(self._scored_memo) > MEMO_SIZE:
                self._scored_memo.pop(next(iter(self._scored_memo)))
        return held

    def _score_all(self, name: str) -> list[_Candidate]:
        q_list, q_titles = titled_tokens(name)
        q = tuple(q_list)
        if not q:
            return []
        out: list[_Candidate] = []
        candidates = self._candidates(q[q_titles:] or q)
        acro = _acronym_query(name)
        initials_of: set[int] = set()
        if acro:
            full, core = _acronym_keys(acro, name)
            initials_of |= set(self._acro_full.get(full, ()))
            if core:
                initials_of |= set(self._acro_core.get(core, ()))
            initials_of -= candidates
            candidates |= initials_of
        for idx in candidates:
            cand = self._names[idx]
            alias = cand.alias
            added = alias.added if alias is not None else None
            if idx in initials_of:
                scored = _Scored(cand, 0.75, True, ["initials only, not a listed alias"])
                head = f"acronym {acro} = initials of {normalise_name(cand.text)}"
            else:
                scored = self._score(q, cand, q_titles)
                if scored.score <= 0:
                    continue
                head = self._describe(name, q, cand, scored)
            out.append((cand.listing, added, scored, head))
        return out

    def _finish(
        self, li: int, s: _Scored, head: str, context: Context, as_of: dt.date | None
    ) -> Match:
        listing = self.listings[li]
        score = s.score
        notes = [head, *s.notes]
        alias = s.name.alias
        if alias is not None and alias.quality != "primary":
            added = f" added {alias.added.isoformat()}" if alias.added else ""
            notes.append(f"{alias.quality} alias{added}")
        want, have = context.entity_type, listing.entity_type
        if want in ("person", "organization") and have != want:
            factor = TYPE_OTHER if have == "other" else TYPE_MISMATCH
            score *= factor
            notes.append(f"entity type differs: {want} vs listed {have} (x{factor})")
        delta, note = self._context(listing, context)
        if note:
            score += delta
            notes.append(f"{note} ({delta:+.2f})")
        score = max(0.0, min(1.0, score))
        active = listing.active(as_of)
        if not active:
            if as_of and listing.listed_on and listing.listed_on > as_of:
                notes.append(f"not yet listed on {as_of.isoformat()}")
            elif listing.delisted_on:
                notes.append(f"delisted on {listing.delisted_on.isoformat()}")
        asserted = active and not s.capped and score >= ASSERT_THRESHOLD
        if not asserted:
            notes.append("possible match — not asserted")
        return Match(listing, s.name.text, alias, round(score, 4), asserted, "; ".join(notes))
