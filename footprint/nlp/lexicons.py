"""Lexicons are data files under nlp/patterns/; this module only reads them (once)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.attrs import LEMMA, LOWER, ORTH, SPACY


def _lines(name: str) -> list[str]:
    text = resources.files("footprint.nlp").joinpath("patterns", name).read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _words(name: str) -> frozenset[str]:
    return frozenset(ln.strip().lower() for ln in _lines(name))


@dataclass(frozen=True)
class Title:
    text: str
    kind: str  # "honorific" | "address" (an honorific before the surname alone) | "office"
    body: str | None  # an office's body; for a form of address, whom: "man" or "woman"

    @property
    def honorific(self) -> bool:
        return self.kind in ("honorific", "address")

    @property
    def addresses(self) -> str | None:
        """Whom a form of address ("Mrs") addresses: "man" or "woman"; None for other titles."""
        return self.body if self.kind == "address" else None


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
def page_chrome() -> frozenset[str]:
    """Whole sentences of a page's furniture ("Invalid email address."), lower case."""
    return _words("page_chrome.txt")


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


def _head_forms(token) -> list[str]:  # type: ignore[no-untyped-def]
    """Forms a head noun may take in a lexicon: as written, its lemma, its singular."""
    return _forms(token.lower_, token.lemma_.lower())


def _forms(lower: str, lemma: str) -> list[str]:
    forms = [lower, lemma]
    if lower.endswith("s") and len(lower) > 3:
        forms.append(lower[:-1])
    return forms


_PREFIXES: dict[int, tuple[object, frozenset[str]]] = {}


def _prefixes(table) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """The first one, two and three characters of every entry (tables are long-lived)."""
    held = _PREFIXES.get(id(table))
    if held is None or held[0] is not table:
        found = frozenset(e[:n] for e in table for n in (1, 2, 3))
        held = _PREFIXES[id(table)] = (table, found)
    return held[1]  # type: ignore[return-value]


def head_forms(token) -> list[str]:  # type: ignore[no-untyped-def]
    """`_head_forms`, for callers that try one token against several tables."""
    return _head_forms(token)


MAX_WIDTH = 4  # the longest lexicon entry, in tokens


class DocWords:
    """One Doc's words as the lexicons compare them, read once: each token's text, lower-case
    form, head forms and whether a space follows; and, per table and token, the entries starting
    there (longest first). Every component and extractor that looks phrases up in a Doc shares
    it, so no token is read twice and no window is built twice."""

    __slots__ = ("text", "lower", "spaced", "heads", "found")

    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        # One array read, each distinct string looked up once: a `Token` per word and four
        # attribute reads each cost more than the rest of this class's work on a document.
        rows = doc.to_array([ORTH, LOWER, SPACY, LEMMA]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        string = {h: strings[h] for h in {h for row in rows for h in row[:2] + row[3:]}}
        self.text = [string[row[0]] for row in rows]
        self.lower = [string[row[1]] for row in rows]
        self.spaced = [bool(row[2]) for row in rows]
        forms = {
            pair: tuple(_forms(string[pair[0]], string[pair[1]].lower()))
            for pair in {(row[1], row[3]) for row in rows}
        }
        self.heads = [forms[row[1], row[3]] for row in rows]
        self.found: dict[tuple[int, int], tuple[tuple[int, str], ...]] = {}

    def entries_at(self, j: int, table) -> tuple[tuple[int, str], ...]:  # type: ignore[no-untyped-def]
        """(width, entry) of every entry of `table` starting at token j, longest first."""
        key = (id(table), j)
        held = self.found.get(key)
        if held is not None:
            return held
        out: list[tuple[int, str]] = []
        starts = _prefixes(table)
        # Most tokens start no entry: any match begins with the first token as written or,
        # for a one-word entry, with one of its head forms (a loop, not any(): this runs for
        # every token and table).
        for form in self.heads[j]:
            if form[:3] in starts:
                out = self._entries(j, table)
                break
        held = self.found[key] = tuple(out)
        return held

    def _entries(self, j: int, table) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
        out: list[tuple[int, str]] = []
        for width in range(MAX_WIDTH, 0, -1):
            end = j + width
            if end > len(self.lower):
                continue
            prefix = "".join(
                self.lower[k] + (" " if self.spaced[k] else "") for k in range(j, end - 1)
            )
            for form in self.heads[end - 1]:
                if prefix + form in table:
                    out.append((width, prefix + form))
                    break
        return out

    def longest_at(self, j: int, table, room: int = MAX_WIDTH) -> tuple[int, str] | None:  # type: ignore[no-untyped-def]
        """The longest entry of `table` at token j at most `room` tokens wide."""
        for width, entry in self.entries_at(j, table):
            if width <= room:
                return width, entry
        return None


_WORDS_KEY = "footprint.lexicons.words"


def doc_words(doc) -> DocWords:  # type: ignore[no-untyped-def]
    """The Doc's `DocWords`, kept in its user_data (tokens do not change after the pipeline's
    tokenizer, and lemmas are set before any component looks phrases up)."""
    held = doc.user_data.get(_WORDS_KEY)
    if held is None or len(held.lower) != len(doc):
        held = doc.user_data[_WORDS_KEY] = DocWords(doc)
    return held  # type: ignore[no-any-return]


def tokens_among(span, words):  # type: ignore[no-untyped-def]
    """The span's tokens whose lower-case form or lemma is one of `words`, in order, found
    through the Doc's words read once: no Token is made for the others (a rule that reads only
    some words need not visit every token)."""
    doc, heads = span.doc, doc_words(span.doc).heads
    for i in range(span.start, span.end):
        if heads[i][0] in words or heads[i][1] in words:
            yield doc[i]


def phrase_at(tokens, i: int, table) -> tuple[int, str] | None:  # type: ignore[no-untyped-def]
    """The longest entry of `table` starting at tokens[i] and ending inside `tokens` (a Doc, or
    a sentence's tokens), as (width in tokens, entry).

    The last word may be plural or tagged as a verb ("commanders"); touching tokens join
    without a space ("secretary-general"). The Doc's words are read once (`doc_words`)."""
    if i >= len(tokens):
        return None
    token = tokens[i]
    return doc_words(token.doc).longest_at(token.i, table, len(tokens) - i)


@dataclass(frozen=True)
class EventVerb:
    subject_role: str
    object_role: str | None
    event_type: str | None


@lru_cache(maxsize=1)
def event_nouns() -> dict[str, str]:
    return {cols[0]: cols[1] for cols in (ln.split("\t") for ln in _lines("event_nouns.tsv"))}


@lru_cache(maxsize=1)
def event_verbs() -> dict[str, EventVerb]:
    out = {}
    for line in _lines("event_verbs.tsv"):
        lemma, subject, obj, type_ = line.split("\t")
        out[lemma] = EventVerb(
            subject, None if obj == "-" else obj, None if type_ == "-" else type_
        )
    return out


@lru_cache(maxsize=1)
def event_modes() -> tuple[tuple[str, str], ...]:
    """(phrase, mode), longest phrase first."""
    pairs = [tuple(ln.split("\t")) for ln in _lines("event_modes.tsv")]
    return tuple(sorted(((p, m) for p, m in pairs), key=lambda pm: -len(pm[0])))  # type: ignore[misc]


@lru_cache(maxsize=1)
def background_cues() -> frozenset[str]:
    return _words("background_cues.txt")


@lru_cache(maxsize=1)
def event_audiences() -> frozenset[str]:
    return _words("event_audiences.txt")


@lru_cache(maxsize=1)
def event_irrealis() -> frozenset[str]:
    return _words("event_irrealis.txt")


@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    return _words("group_nouns.txt")


@lru_cache(maxsize=1)
def casualty_words() -> dict[str, frozenset[str]]:
    """Word class ("kill_verb", "collective", ...) -> its lower-cased words."""
    out: dict[str, set[str]] = {}
    for line in _lines("casualty_words.tsv"):
        kind, word = line.split("\t")
        out.setdefault(kind, set()).add(word.strip().lower())
    return {kind: frozenset(words) for kind, words in out.items()}


@lru_cache(maxsize=1)
def event_verb_objects() -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    """Verbs that tell an event only with certain objects ("opened fire", "blocked the road"):
    lemma -> ((object lemmas, event type), ...)."""
    out: dict[str, list[tuple[frozenset[str], str]]] = {}
    for line in _lines("event_verb_objects.tsv"):
        lemma, objects, type_ = line.split("\t")
        out.setdefault(lemma, []).append((frozenset(objects.split(",")), type_))
    return {lemma: tuple(pairs) for lemma, pairs in out.items()}


@lru_cache(maxsize=1)
def area_words() -> dict[str, str]:
    """Words for areas ("district", "province", "area") -> their kind: locality, district or
    region (nlp/patterns/area_words.tsv)."""
    return dict(tuple(ln.split("\t")) for ln in _lines("area_words.tsv"))  # type: ignore[misc]


@lru_cache(maxsize=1)
def crowd_nouns() -> frozenset[str]:
    return _words("crowd_nouns.txt")


@lru_cache(maxsize=1)
def doing_verbs() -> frozenset[str]:
    """Verbs whose subject did the event their object names ("carried out an attack")."""
    return _words("doing_verbs.txt")


@lru_cache(maxsize=1)
def vehicle_nouns() -> frozenset[str]:
    """Nouns for vehicles and roads: what a mishap verb ("derailed") must happen to."""
    return _words("vehicle_nouns.txt")


@lru_cache(maxsize=1)
def fighting_sides() -> frozenset[str]:
    """Nouns for armed sides ("rival gangs", "two clans", "militias")."""
    return _words("fighting_sides.txt")


@lru_cache(maxsize=1)
def lemma_repairs() -> dict[str, str]:
    """Lower-case form -> lemma, where the model's lemmatizer errs ("raped" -> "rape")."""
    pairs = (ln.split("\t", 1) for ln in _lines("lemma_repairs.tsv"))
    return {p[0].strip(): p[1].strip() for p in pairs if len(p) == 2}


@lru_cache(maxsize=1)
def hazard_words() -> frozenset[str]:
    """Nouns for what kills without anyone doing it ("an avalanche", "a falling tree")."""
    return _words("hazard_words.txt")


@lru_cache(maxsize=1)
def weapon_nouns() -> frozenset[str]:
    """Nouns for weapons people fight with ("machetes", "sticks and stones")."""
    return _words("weapon_nouns.txt")


@lru_cache(maxsize=1)
def strikes_from_afar() -> dict[str, frozenset[str]]:
    """Kind ("munition", "craft", "target") -> the nouns of strikes from afar: what strikes
    ("a missile", "fighter jets") and what it strikes ("a depot", "a village")."""
    kinds: dict[str, set[str]] = {}
    for line in _lines("strikes_from_afar.tsv"):
        word, kind = line.split("\t")
        kinds.setdefault(kind.strip(), set()).add(word.strip().lower())
    return {kind: frozenset(words) for kind, words in kinds.items()}


@lru_cache(maxsize=1)
def doer_nouns() -> frozenset[str]:
    """Nouns for unnamed doers of violence ("gunmen", "a suicide bomber")."""
    return _words("doer_nouns.txt")


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Common nouns for people (person_nouns.txt), crowds and groups."""
    return _words("person_nouns.txt") | crowd_nouns() | group_nouns()


@lru_cache(maxsize=1)
def state_bodies() -> tuple[tuple[str, ...], ...]:
    """Words (each entry a sequence) that make an organisation's name a state body."""
    return tuple(tuple(line.split()) for line in sorted(_words("state_bodies.txt")))


def state_body_in(words: Sequence[str]) -> str | None:
    """The state-body phrase (state_bodies.txt) the lower-cased words hold, in order, or None:
    ["the", "national", "assembly"] -> "national assembly"."""
    for phrase in state_bodies():
        n = len(phrase)
        if any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)):
            return " ".join(phrase)
    return None


@lru_cache(maxsize=1)
def state_offices() -> frozenset[str]:
    """Titles of state office holders (lower case)."""
    return _words("state_offices.txt")


@lru_cache(maxsize=1)
def crowd_control() -> frozenset[str]:
    return _words("crowd_control.txt")


@lru_cache(maxsize=1)
def protest_cues() -> frozenset[str]:
    return _words("protest_cues.txt")


@lru_cache(maxsize=1)
def not_acronyms() -> frozenset[str]:
    return _words("not_acronyms.txt")


@lru_cache(maxsize=1)
def national_institutions() -> tuple[str, ...]:
    """Names of bodies that sit in the capital, longest first."""
    return tuple(sorted(_words("national_institutions.txt"), key=lambda w: (-len(w), w)))


def event_verb(token) -> EventVerb | None:  # type: ignore[no-untyped-def]
    """The event verb a token is, by its lemma."""
    return event_verbs().get(token.lemma_.lower())
