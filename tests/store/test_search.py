"""Full-text search through the store contract, on the backend under test (SQLite by default,
PostgreSQL with FOOTPRINT_TEST_BACKEND=postgres): what is found, in which order, with which
offsets and marks, which filters leave what out, hostile queries, re-ingest and migration 6.

Documents are built by hand (no NLP) so that every sentence, offset and date is known."""

from __future__ import annotations

from datetime import date

import pytest

from footprint.errors import FootprintError
from footprint.model import Document, DocumentResult, Entity, Event, Evidence, Mention
from footprint.place.model import Place
from footprint.store import open_store
from footprint.store.search import MARK_CLOSE, MARK_OPEN, parse_query, passage_rows
from footprint.store.sql import SCHEMA_VERSION


def said(doc_id: str, text: str, words: str, sentence: str) -> Evidence:
    """Evidence for `words` inside `sentence`, both found in `text`."""
    at = text.index(sentence)
    start = at + sentence.index(words)
    return Evidence(doc_id, start, start + len(words), words, sentence)


def document(
    doc_id: str,
    text: str,
    claims: list[tuple[str, str, str]],
    *,
    title: str | None = None,
    published: str | None = None,
    country: str | None = None,
) -> DocumentResult:
    """A stored-ready document whose claims are mentions (name, sentence, entity id), with one
    event placed in `country` when given."""
    entities: dict[str, Entity] = {}
    for name, sentence, entity_id in claims:
        ev = said(doc_id, text, name, sentence)
        entity = entities.setdefault(entity_id, Entity(entity_id, "person", name))
        entity.mentions.append(Mention(name, "person", ev, name))
    events = []
    if country:
        place = Place("Somewhere", country, None, 1.0, 2.0, "geonames:1", "city")
        events.append(Event(f"evt-{doc_id}", "meeting", "a meeting", False, None, place))
    return DocumentResult(
        Document(doc_id, text, f"{doc_id}.txt", title=title, published=published),
        list(entities.values()),
        [],
        events=events,
    )


LINK = "Omar Rahimi spoke to the rally via video link from Doha."
LINK_TWICE = "Saba Qadir said the video link failed, then the video link worked."
OTHER = "The weather was mild and a video link was tested by engineers."
TEXT_A = f"{LINK} {OTHER} Crowds gathered in the square."
TEXT_B = f"{LINK_TWICE} A long paragraph follows about unrelated matters of local trade."
TEXT_C = "Nothing here mentions the thing at all. Omar Rahimi stayed home."


def corpus() -> list[DocumentResult]:
    return [
        document(
            "doc-a",
            TEXT_A,
            [("Omar Rahimi", LINK, "ent-omar")],
            title="Rally in Doha",
            published="2024-03-01",
            country="QA",
        ),
        document(
            "doc-b",
            TEXT_B,
            [("Saba Qadir", LINK_TWICE, "ent-saba")],
            title="Trade notes",
            published="2024-06-15",
            country="PK",
        ),
        document(
            "doc-c",
            TEXT_C,
            [("Omar Rahimi", "Omar Rahimi stayed home.", "ent-omar")],
            title=None,
            published=None,
        ),
    ]


def filler(n: int) -> DocumentResult:
    """An unrelated document: with a dozen of these the words sought are rarer than not, as in
    a real corpus (bm25's idf is near zero for words in half the passages)."""
    return document(f"doc-z{n:02d}", f"Filler report {n} about harvests, markets, prices.", [])


@pytest.fixture
def store(new_store):
    s = new_store()
    for result in [*corpus(), *(filler(n) for n in range(12))]:
        s.write(result)
    return s


def texts() -> dict[str, str]:
    return {r.document.id: r.document.text for r in corpus()}


def test_every_occurrence_is_found_once_with_its_offsets(store):
    hits = store.search('"video link"')
    found = sorted((h.document_id, h.kind, h.start, h.end) for h in hits)
    a_other = TEXT_A.index(OTHER)
    assert found == [
        ("doc-a", "document", a_other, len(TEXT_A)),  # the rest of the text, after the claim
        ("doc-a", "sentence", 0, len(LINK)),
        ("doc-b", "sentence", 0, len(LINK_TWICE)),
    ]
    by_id = texts()
    for hit in hits:
        text = by_id[hit.document_id]
        assert hit.marks and all(text[s:e].lower() == "video link" for s, e in hit.marks)
        assert all(hit.start <= s < e <= hit.end for s, e in hit.marks)
    (twice,) = [h for h in hits if h.document_id == "doc-b"]
    assert len(twice.marks) == 2


def test_snippets_mark_the_matched_words(store):
    hits = {(h.document_id, h.kind): h for h in store.search("video link")}
    sentence = hits[("doc-a", "sentence")]
    assert sentence.snippet == LINK.replace(
        "video link", f"{MARK_OPEN}video{MARK_CLOSE} {MARK_OPEN}link{MARK_CLOSE}"
    )
    assert "".join(p for p, _ in sentence.parts) == LINK
    assert [p for p, m in sentence.parts if m] == ["video", "link"]
    # A piece of the rest of the text shows its own stretch, not the claim sentence before it.
    rest = hits[("doc-a", "document")]
    assert "Rahimi" not in rest.snippet and f"{MARK_OPEN}video{MARK_CLOSE}" in rest.snippet


def test_ranking_puts_the_passage_saying_it_more_first(store):
    hits = store.search('"video link"')
    assert hits[0].document_id == "doc-b"  # says it twice, in a sentence of similar length
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_titles_are_searched(store):
    (hit,) = store.search("Doha rally -video")
    assert (hit.document_id, hit.kind, hit.start, hit.end) == ("doc-a", "title", None, None)
    assert hit.snippet == f"{MARK_OPEN}Rally{MARK_CLOSE} in {MARK_OPEN}Doha{MARK_CLOSE}"


def test_or_and_exclusion(store):
    either = {(h.document_id, h.kind) for h in store.search("weather or Qadir")}
    assert either == {("doc-a", "document"), ("doc-b", "sentence")}
    without = {(h.document_id, h.kind) for h in store.search('"video link" -failed')}
    assert ("doc-b", "sentence") not in without and ("doc-a", "sentence") in without


def test_limit(store):
    assert len(store.search("video", limit=2)) == 2
    with pytest.raises(FootprintError, match="limit"):
        store.search("video", limit=0)


def test_filters_each_leave_out_what_they_should(store):
    def docs(**filters):
        return {h.document_id for h in store.search("video or Rahimi", **filters)}

    assert docs() == {"doc-a", "doc-b", "doc-c"}
    assert docs(country="QA") == {"doc-a"}
    assert docs(country="pk") == {"doc-b"}
    assert docs(country="IR") == set()
    assert docs(since=date(2024, 4, 1)) == {"doc-b"}
    assert docs(until=date(2024, 3, 1)) == {"doc-a"}  # the bound day is in; undated doc-c out
    assert docs(since=date(2024, 1, 1), until=date(2024, 12, 31)) == {"doc-a", "doc-b"}
    assert docs(entity_ids=["ent-omar"]) == {"doc-a", "doc-c"}
    assert docs(entity_ids=["ent-saba"]) == {"doc-b"}
    assert docs(entity_ids=[]) == set()


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"video',
        "AND",
        "video AND link",
        "NEAR(video link)",
        "video*",
        "^video",
        "text:video",
        "'; DROP TABLE documents; --",
        'video") OR 1=1 --',
        "(((",
        "or",
        "-",
        "a" * 300,
        "video\x00link",
        "ünïcödé 视频",
    ],
)
def test_hostile_queries_answer_or_fail_in_one_line(store, text):
    try:
        hits = store.search(text)
    except FootprintError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(h.document_id for h in hits)
    assert len(store.documents()) == 15  # nothing was dropped


def test_operators_are_words_not_syntax(store):
    # "AND" is the word "and", in the rest of doc-a's text; a quote left open is closed.
    assert {(h.document_id, h.kind) for h in store.search("AND")} == {("doc-a", "document")}
    assert store.search('"video link"') == store.search('"video link')


def test_queries_with_nothing_to_find_are_clear_errors(store):
    for text in ('"', "-video", "--", "   ", "or"):
        with pytest.raises(FootprintError, match="nothing to search for"):
            store.search(text)


def test_reingest_replaces_the_passages(store):
    before = store.search('"video link"')
    for result in corpus():
        store.write(result)
    assert store.search('"video link"') == before
    # The same id with a new text: the old words are gone, the new ones found.
    store.write(document("doc-b", "Saba Qadir spoke by telephone.", []))
    assert {h.document_id for h in store.search('"video link"')} == {"doc-a"}
    assert [h.document_id for h in store.search("telephone")] == ["doc-b"]


def test_passages_are_written_with_the_document(store):
    rows = store.passages(["doc-a"])
    assert [(r.kind, r.start, r.end) for r in rows if r.kind != "document"] == [
        ("sentence", 0, len(LINK)),
        ("title", 0, 0),
    ]
    (rest,) = [r for r in rows if r.kind == "document"]
    # The claim sentence is blanked out of the rest, at the same offsets.
    assert rest.text.strip() == TEXT_A[len(LINK) :].strip()
    assert len(rest.text) == rest.end - rest.start


def test_long_texts_are_indexed_in_pieces():
    text = "\n".join(f"Paragraph {n} says nothing of note about anything." for n in range(400))
    rows = passage_rows("doc-long", None, text, [])
    assert len(rows) > 1
    assert all(end - start <= 4000 for _, _, _, start, end, _ in rows)
    assert "".join(row[5] for row in rows) == text  # the pieces cover the text, in order


def test_query_parsing():
    q = parse_query('rally "video link" or telephone -Doha -"new york"')
    assert q.clauses == (("rally",), ("video link", "telephone"))
    assert q.excluded == ("Doha", "new york")
    assert q.describe() == '"rally" "video link" or "telephone" -"Doha" -"new york"'
    with pytest.raises(FootprintError, match="too many"):
        parse_query(" ".join(f"w{n}" for n in range(40)))


def test_a_version_5_store_is_migrated_and_searchable(db_target):
    target = db_target()
    s = open_store(target)
    for result in corpus():
        s.write(result)
    before = s.search('"video link" or Rahimi')
    passages = s.passages()
    assert before and passages
    # Back to schema 5: no passages table, no search index.
    with s.transaction():
        if s.name.startswith("postgres"):
            s._execute("DROP TABLE search_passages")
        else:
            s._execute("DROP TABLE search_fts")
            s._execute("DROP TABLE search_passages")
        s._execute("UPDATE meta SET value = '5' WHERE key = 'schema'")
    s.close()
    s = open_store(target)
    try:
        assert s.schema_version() == SCHEMA_VERSION == 8
        assert s.passages() == passages
        assert s.search('"video link" or Rahimi') == before
        # Writes after the upgrade keep the index in step.
        s.write(document("doc-d", "A fresh video link report.", []))
        assert "doc-d" in {h.document_id for h in s.search('"video link"')}
    finally:
        s.close()
