"""Full-text search over the stored texts: which passages say the words an analyst asks for.

What is searchable. Each document is cut into passages, written with it in its transaction
(`search_passages`, replaced by a re-ingest like every per-document table):

- `sentence`: every sentence some claim was read from (a mention, relation, event,
  participation or quote), once per document, at its offsets in the document text;
- `document`: the whole text again, in pieces of at most `PIECE_CHARS` characters cut at a
  line or word break, so a match outside every claim's sentence is found too, and so that no
  piece outgrows what a backend indexes well (PostgreSQL keeps word positions only up to
  16,383 and a tsvector under 1 MB);
- `title`: the title, which has no offsets in the text.

Every word of the text is indexed once: in a `document` piece the claim sentences are blanked
out (spaces, so offsets hold), since each is a passage of its own. A hit is one passage holding
all the words: one sentence behind a claim, the title, or a stretch of the rest of the text.
So no occurrence is shown twice, and each is found (a word in a claim's sentence and another
elsewhere in the text do not make a hit together).

The query language is the one people type into web search boxes, and the same on both
backends: words must all appear (`video link`), `"quoted words"` must appear in that order,
`or` between two items accepts either, and a leading `-` leaves out passages with that word or
phrase. Anything else is a word: `AND`, `NEAR`, `*`, quotes left open and SQL are just text.
The user's words never become SQL: each is a bound parameter, which each backend splits into
words with the tokenizer it indexed the text with, so a word matches on both stores exactly
when it matches the text's words (case ignored; no stemming, so `link` does not find `links`).

Each backend indexes the passages its own way, set up by migration 6 (`build_search_index`):
SQLite an FTS5 table over them (ranked by bm25), PostgreSQL a generated `tsvector` column with
a GIN index (ranked by ts_rank). The dialect objects below hold that SQL, and nothing else
differs. Scores are "higher is better" on both but are not comparable across backends.

The matched words are marked here, in Python, from the query's own words, so hits look the same
whichever backend found them and every mark carries its offsets in the document text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from footprint.errors import FootprintError
from footprint.model import DocumentResult
from footprint.store.records import PassageHitRow, SearchHit, SearchPassageRow, columns
from footprint.store.sql import SQLBase, insert_sql, marks

PIECE_CHARS = 4000
MAX_QUERY_CHARS = 1000
MAX_QUERY_ITEMS = 32
MAX_LIMIT = 1000
# How the snippet marks matched words; chosen because news text practically never holds them.
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
ELLIPSIS = "…"
# Characters of context shown around the first match of a long passage.
SNIPPET_BEFORE = 90
SNIPPET_AFTER = 210

# A word, as both backends' tokenizers split text: a run of letters and digits.
_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")
# One item of a query: an optionally negated "quoted phrase" (a quote left open runs to the
# end), or an optionally negated run of anything but spaces and quotes.
_ITEM = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


# -- the query ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What to find: every clause must match (a clause is one phrase or several joined by
    `or`); no excluded phrase may. A phrase is the user's words as typed, without quotes."""

    clauses: tuple[tuple[str, ...], ...]
    excluded: tuple[str, ...] = ()

    def phrases(self) -> list[tuple[str, ...]]:
        """The words of each phrase the passage should show marked, lower-cased."""
        return [words(p) for clause in self.clauses for p in clause]

    def describe(self) -> str:
        """The query as it was understood, in its own syntax."""
        parts = [" or ".join(f'"{p}"' for p in clause) for clause in self.clauses]
        parts += [f'-"{p}"' for p in self.excluded]
        return " ".join(parts)


def words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(text))


def parse_query(text: str) -> SearchQuery:
    """The user's search text as a query; text with nothing to look for is an error."""
    if len(text) > MAX_QUERY_CHARS:
        raise FootprintError(f"search text over {MAX_QUERY_CHARS} characters")
    clauses: list[list[str]] = []
    excluded: list[str] = []
    join_next = False  # an `or` was read: the next phrase joins the last clause
    for match in _ITEM.finditer(text):
        negated = bool(match.group(1) or match.group(3))
        quoted = match.group(2) is not None
        phrase = " ".join((match.group(2) if quoted else match.group(4)).split())
        if not quoted and not negated and phrase.lower() == "or":
            join_next = bool(clauses)
            continue
        if not words(phrase):
            continue  # only punctuation: no backend can look for it
        if negated:
            excluded.append(phrase)
        elif join_next:
            clauses[-1].append(phrase)
        else:
            clauses.append([phrase])
        join_next = False
    if not clauses:
        why = "only excluded words" if excluded else "no words"
        raise FootprintError(f"nothing to search for ({why}): give at least one word to find")
    if sum(map(len, clauses)) + len(excluded) > MAX_QUERY_ITEMS:
        raise FootprintError(f"too many words or phrases in the search (at most {MAX_QUERY_ITEMS})")
    return SearchQuery(tuple(tuple(c) for c in clauses), tuple(excluded))


# -- passages -------------------------------------------------------------------------------------


def passage_id(document_id: str, kind: str, start: int, end: int) -> int:
    """A passage's key: a 63-bit hash of where it is, so rewriting a document writes the same
    rows (and an integer, which SQLite's FTS5 needs to point at its rows)."""
    digest = hashlib.blake2b(f"{document_id}\0{kind}\0{start}\0{end}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big") >> 1


def locate_sentence(text: str, sentence: str, start: int, end: int) -> int | None:
    """Where `sentence`, which holds the evidence span [start, end), begins in `text`: the
    occurrence that covers the span, else the first anywhere; None where it is not in the text."""
    if not sentence:
        return None
    covering = text.rfind(sentence, max(0, end - len(sentence)), start + len(sentence))
    if covering >= 0:
        return covering
    found = text.find(sentence)
    return found if found >= 0 else None


def pieces(text: str, size: int = PIECE_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive pieces of the text, each at most `size` characters, cut at
    the last line break (else space) before the limit; pieces of only spaces are left out."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        if text[start:end].strip():
            yield start, end
        start = end


def blank_out(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with every span replaced by as many spaces: what is left to index once the
    sentences are indexed on their own, at the same offsets."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def passage_rows(
    document_id: str, title: str | None, text: str, spans: Iterable[tuple[int, int, str]]
) -> list[tuple[Any, ...]]:
    """The document's passages as `search_passages` rows: its title, each evidence sentence
    once (found in the text near its evidence span), and the rest of the text in pieces, the
    sentences blanked out so that each word of the text is indexed once."""
    found: dict[tuple[str, int, int], str] = {}
    if title and title.strip():
        found[("title", 0, 0)] = title
    for start, end, sentence in spans:
        at = locate_sentence(text, sentence, start, end)
        if at is not None:
            found[("sentence", at, at + len(sentence))] = sentence
    rest = blank_out(text, [(s, e) for kind, s, e in found if kind == "sentence"])
    for start, end in pieces(rest):
        found[("document", start, end)] = rest[start:end]
    in_text_order = sorted(found.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0]))
    return [
        (passage_id(document_id, kind, start, end), document_id, kind, start, end, passage)
        for (kind, start, end), passage in in_text_order
    ]


def evidence_spans(result: DocumentResult) -> Iterator[tuple[int, int, str]]:
    """(start, end, sentence) of every piece of evidence in an analysed document: what the
    store keeps in mentions, relations, participants, quotes and event evidence."""
    for entity in result.entities:
        for mention in entity.mentions:
            yield mention.evidence.start, mention.evidence.end, mention.evidence.sentence
    for relation in result.relations:
        yield relation.evidence.start, relation.evidence.end, relation.evidence.sentence
    for event in result.events:
        for said in [*event.evidence, *(p.evidence for p in event.participants)]:
            yield said.start, said.end, said.sentence
        for quote in event.quotes:
            yield quote.evidence.start, quote.evidence.end, quote.evidence.sentence


# -- marking the hits -----------------------------------------------------------------------------


def match_spans(text: str, phrases: Sequence[tuple[str, ...]]) -> list[tuple[int, int]]:
    """(start, end) in `text` of every occurrence of a phrase (its words in a row, any case,
    whatever lies between them), overlapping ones joined, in order."""
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        n = len(phrase)
        if not n:
            continue
        for i in range(len(tokens) - n + 1):
            if all(tokens[i + k][2] == phrase[k] for k in range(n)):
                spans.append((tokens[i][0], tokens[i + n - 1][1]))
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _word_edge(text: str, at: int, forward: bool) -> int:
    """`at` moved to the nearest space (forward: the next one, else the previous one), so an
    excerpt does not cut a word in half."""
    if at <= 0 or at >= len(text):
        return max(0, min(at, len(text)))
    if forward:
        found = text.find(" ", at)
        return len(text) if found < 0 else found
    found = text.rfind(" ", 0, at)
    return 0 if found < 0 else found + 1


def unblanked_around(text: str, indexed: str, first: tuple[int, int] | None) -> tuple[int, int]:
    """The stretch of a passage around its first match that the index saw as written: in a
    `document` piece, between the blanked-out claim sentences (they are hits of their own)."""
    if not first or indexed == text:
        return 0, len(text)
    start, end = first
    while start > 0 and indexed[start - 1] == text[start - 1]:
        start -= 1
    while end < len(text) and indexed[end] == text[end]:
        end += 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def excerpt_bounds(text: str, indexed: str, first: tuple[int, int] | None) -> tuple[int, int]:
    """The part of a passage a hit shows: all of a short one, else the stretch around its first
    match, cut at spaces."""
    low, high = unblanked_around(text, indexed, first)
    if high - low <= SNIPPET_BEFORE + SNIPPET_AFTER:
        return low, high
    anchor = first[0] if first else low
    start = max(low, _word_edge(text, anchor - SNIPPET_BEFORE, forward=False))
    end = _word_edge(text, max(anchor + SNIPPET_AFTER, first[1] if first else 0), forward=True)
    return start, min(end, high)


def snippet_parts(
    text: str, bounds: tuple[int, int], spans: Sequence[tuple[int, int]]
) -> tuple[tuple[str, bool], ...]:
    """The excerpt as (piece, marked) pairs: runs of white space shown as one space, an
    ellipsis where the passage goes on."""
    start, end = bounds
    parts: list[tuple[str, bool]] = []
    if start > 0:
        parts.append((ELLIPSIS, False))
    at = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > at:
            parts.append((text[at:s], False))
        parts.append((text[s:e], True))
        at = e
    if at < end:
        parts.append((text[at:end], False))
    if end < len(text):
        parts.append((ELLIPSIS, False))
    return tuple((_SPACES.sub(" ", p), m) for p, m in parts if p)


def make_hit(row: PassageHitRow, query: SearchQuery) -> SearchHit:
    """A found passage as a hit: the excerpt shown (from the document's own text), its offsets
    and each mark's offsets in the document text (none for a title), the marked snippet. Words
    are marked where the index saw them, so not inside a claim's sentence in a `document`
    piece (that sentence is a passage, and a hit, of its own)."""
    spans = match_spans(row.indexed, query.phrases())
    start, end = excerpt_bounds(row.text, row.indexed, spans[0] if spans else None)
    parts = snippet_parts(row.text, (start, end), spans)
    in_text = row.kind != "title"
    return SearchHit(
        document_id=row.document_id,
        title=row.title,
        path=row.path,
        published=row.published,
        kind=row.kind,
        start=row.start + start if in_text else None,
        end=row.start + end if in_text else None,
        snippet="".join(f"{MARK_OPEN}{p}{MARK_CLOSE}" if m else p for p, m in parts),
        parts=parts,
        marks=tuple(
            (row.start + s, row.start + e) for s, e in spans if in_text and s < end and e > start
        ),
        score=float(row.score),
    )


# -- the two backends' SQL ------------------------------------------------------------------------


class SearchDialect:
    """One backend's full-text index: how it is built and how it finds passages."""

    def index_statements(self) -> tuple[str, ...]:
        """Statements that create the index over `search_passages` (idempotent)."""
        raise NotImplementedError

    def after_fill(self) -> tuple[str, ...]:
        """Statements run after the passages were refilled in bulk."""
        return ()

    def found(self, query: SearchQuery) -> tuple[str, list[str]]:
        """A SELECT of (id, score) for every passage matching the query, higher scores better,
        and its parameters."""
        raise NotImplementedError


class Fts5Search(SearchDialect):
    """SQLite: an external-content FTS5 table over `search_passages`, kept in step by
    triggers (so the text is stored once), ranked by bm25. `search_passages.id` is an INTEGER
    PRIMARY KEY, SQLite's rowid, which VACUUM keeps: the index points at rows by it."""

    def index_statements(self) -> tuple[str, ...]:
        return (
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(text, "
            "content='search_passages', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 0')",
            "CREATE TRIGGER IF NOT EXISTS search_passages_added AFTER INSERT ON search_passages "
            "BEGIN INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text); END",
            "CREATE TRIGGER IF NOT EXISTS search_passages_removed AFTER DELETE ON search_passages "
            "BEGIN INSERT INTO search_fts (search_fts, rowid, text) "
            "VALUES ('delete', old.id, old.text); END",
        )

    def after_fill(self) -> tuple[str, ...]:
        # Rebuilt from the passages themselves: right whatever the index held before.
        return ("INSERT INTO search_fts (search_fts) VALUES ('rebuild')",)

    def found(self, query: SearchQuery) -> tuple[str, list[str]]:
        return (
            "SELECT rowid AS id, -bm25(search_fts) AS score FROM search_fts "
            "WHERE search_fts MATCH ?",
            [fts5_query(query)],
        )


def fts5_phrase(phrase: str) -> str:
    """An FTS5 string: read as words in a row, never as operators or syntax."""
    return '"' + phrase.replace('"', '""') + '"'


def fts5_query(query: SearchQuery) -> str:
    """The query in FTS5's syntax, every phrase a string and every operator explicit."""
    clauses = ["(" + " OR ".join(fts5_phrase(p) for p in clause) + ")" for clause in query.clauses]
    found = " AND ".join(clauses)
    if query.excluded:
        found = f"({found}) NOT (" + " OR ".join(fts5_phrase(p) for p in query.excluded) + ")"
    return found


class TsvectorSearch(SearchDialect):
    """PostgreSQL: a stored generated `tsvector` column with a GIN index, the 'simple'
    configuration (lower-cased words, no stemming or stop words, as in the SQLite index),
    ranked by ts_rank normalised by passage length. The tsquery is put together in SQL from
    one `phraseto_tsquery` per phrase: only operators come from the query's shape."""

    VECTOR = "to_tsvector('simple', text)"

    def index_statements(self) -> tuple[str, ...]:
        return (
            "ALTER TABLE search_passages ADD COLUMN IF NOT EXISTS words tsvector "
            f"GENERATED ALWAYS AS ({self.VECTOR}) STORED",
            "CREATE INDEX IF NOT EXISTS search_passages_words ON search_passages USING GIN (words)",
        )

    def found(self, query: SearchQuery) -> tuple[str, list[str]]:
        # Ranked by what is sought only: ts_rank scores a query with a NOT as 0.
        wanted, wanted_params = tsquery_sql(SearchQuery(query.clauses))
        tsquery, params = tsquery_sql(query)
        return (
            f"SELECT id, ts_rank(words, {wanted}, 1) AS score FROM search_passages "
            f"WHERE words @@ {tsquery}",
            wanted_params + params,
        )


def tsquery_sql(query: SearchQuery) -> tuple[str, list[str]]:
    """A tsquery expression for the query, one bound phrase per `phraseto_tsquery`."""
    phrase = "phraseto_tsquery('simple', ?)"

    def any_of(phrases: Sequence[str]) -> str:
        return "(" + " || ".join(phrase for _ in phrases) + ")"

    sql = " && ".join(any_of(clause) for clause in query.clauses)
    params = [p for clause in query.clauses for p in clause]
    if query.excluded:
        sql = f"({sql}) && !!{any_of(query.excluded)}"
        params += list(query.excluded)
    return f"({sql})", params  # whole: `@@` binds tighter than `&&`


# -- the store's part -----------------------------------------------------------------------------

# Hits: the matching passages with their text as the document has it (a `document` piece is
# indexed with the claim sentences blanked out), filtered; best first, ties in document order.
_SEARCH = """
WITH found AS ({found})
SELECT p.document_id, p.kind, p.start, p."end",
    CASE WHEN p.kind = 'title' THEN p.text
         ELSE substr(d.text, p.start + 1, p."end" - p.start) END AS text,
    p.text AS indexed, f.score, d.title, d.path, d.published
FROM found f JOIN search_passages p ON p.id = f.id JOIN documents d ON d.id = p.document_id
WHERE 1 = 1
{filters}
ORDER BY f.score DESC, p.document_id, p.start, p.kind
LIMIT ?
"""

# Evidence spans of a batch of documents, from every table that keeps a sentence; event
# details through their events, which are indexed by document.
_SPANS = """
SELECT document_id, start, "end", sentence FROM mentions WHERE document_id IN ({marks})
UNION ALL SELECT document_id, start, "end", sentence FROM relations WHERE document_id IN ({marks})
UNION ALL SELECT document_id, start, "end", sentence FROM event_evidence
    WHERE event_id IN (SELECT id FROM events WHERE document_id IN ({marks}))
UNION ALL SELECT document_id, start, "end", sentence FROM event_participants
    WHERE event_id IN (SELECT id FROM events WHERE document_id IN ({marks}))
UNION ALL SELECT document_id, start, "end", sentence FROM event_quotes
    WHERE event_id IN (SELECT id FROM events WHERE document_id IN ({marks}))
"""
_SPAN_TABLES = 5
FILL_BATCH = 500


def country_fragment(code: str) -> str:
    """A LIKE pattern for a stored event place in the country (ISO-2), matched against the
    upper-cased JSON. Places are written by `json.dumps(..., sort_keys=True)` (sql.py), which
    puts exactly this between key and value and escapes every quote inside a value, so only
    the `country` key itself can match; JSON functions are not used because the two backends
    spell them differently."""
    return '%"COUNTRY": "' + code.upper() + '"%'


class SearchStore(SQLBase):
    search_dialect: SearchDialect
    driver_error: type[Exception]  # what the backend's driver raises

    def search(
        self,
        text: str,
        *,
        entity_ids: Sequence[str] | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """The passages that say `text` (see the module's notes for the syntax), best first,
        at most `limit`. Filters: documents that mention one of `entity_ids`, that report an
        event placed in `country` (ISO-2), published within [since, until] (a document
        without a publication date is left out by either bound)."""
        query = parse_query(text)
        if not 1 <= limit <= MAX_LIMIT:
            raise FootprintError(f"limit must be between 1 and {MAX_LIMIT}")
        found, params = self.search_dialect.found(query)
        filters, filter_params = _filters(entity_ids, country, since, until)
        try:
            rows = self._rows(
                PassageHitRow,
                _SEARCH.format(found=found, filters="".join(f"AND {f}\n" for f in filters)),
                [*params, *filter_params, limit],
            )
        except self.driver_error as exc:  # no query text should get here; say it in one line
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise FootprintError(f"{self.name}: cannot search for {text!r} ({reason})") from None
        return [make_hit(row, query) for row in rows]

    def passages(self, document_ids: Iterable[str] | None = None) -> list[SearchPassageRow]:
        """The stored passages of the documents (all without ids), in document order."""
        names = ", ".join(f'"{c}"' if c == "end" else c for c in columns(SearchPassageRow))
        sql = f"SELECT {names} FROM search_passages"
        if document_ids is None:
            return self._rows(SearchPassageRow, f"{sql} ORDER BY document_id, start, kind, id")
        return self._in_chunks(
            SearchPassageRow,
            f"{sql} WHERE document_id IN ({{marks}})",
            document_ids,
            "document_id, start, kind, id",
            lambda r: (r.document_id, r.start, r.kind, r.id),
        )

    # -- writing --------------------------------------------------------------------------------

    def _write_passages(self, result: DocumentResult) -> None:
        doc = result.document
        self._executemany(
            insert_sql(SearchPassageRow),
            passage_rows(doc.id, doc.title, doc.text, evidence_spans(result)),
        )

    def build_search_index(self) -> None:
        """Create the backend's index and refill every document's passages from what is
        stored (migration 6; also after rows were written around the writer, as the benchmark
        does). Runs in the caller's transaction."""
        for statement in self.search_dialect.index_statements():
            self._execute(statement)
        self._execute("DELETE FROM search_passages")
        last = ""
        while True:
            docs = self._tuples(
                "SELECT id, title, text FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                (last, FILL_BATCH),
            )
            if not docs:
                break
            ids = [d[0] for d in docs]
            spans: dict[str, list[tuple[int, int, str]]] = {}
            for document_id, start, end, sentence in self._tuples(
                _SPANS.format(marks=marks(ids)), ids * _SPAN_TABLES
            ):
                spans.setdefault(document_id, []).append((start, end, sentence))
            self._executemany(
                insert_sql(SearchPassageRow),
                [
                    row
                    for document_id, title, text in docs
                    for row in passage_rows(document_id, title, text, spans.get(document_id, ()))
                ],
            )
            last = ids[-1]
        for statement in self.search_dialect.after_fill():
            self._execute(statement)


def _filters(
    entity_ids: Sequence[str] | None,
    country: str | None,
    since: date | None,
    until: date | None,
) -> tuple[list[str], list[str]]:
    """SQL conditions on the hit's passage `p` and document `d`, with their parameters."""
    where: list[str] = []
    params: list[str] = []
    if entity_ids is not None:
        ids = sorted(set(entity_ids))
        if not ids:
            return ["1 = 0"], []
        where.append(
            f"p.document_id IN (SELECT document_id FROM mentions WHERE entity_id IN ({marks(ids)}))"
        )
        params += ids
    if country:
        where.append(
            "EXISTS (SELECT 1 FROM events e WHERE e.document_id = p.document_id "
            "AND upper(e.place) LIKE ?)"
        )
        params.append(country_fragment(country))
    # The first ten characters of a publication date are its day, whatever follows.
    if since is not None:
        where.append("substr(d.published, 1, 10) >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("substr(d.published, 1, 10) <= ?")
        params.append(until.isoformat())
    return where, params
