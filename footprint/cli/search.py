"""`footprint search`: which stored passages say these words — the sentences behind claims, the
rest of each text, the titles — ranked, each with its document, offsets and the words marked.
The query language and what a passage is are in `footprint/store/search.py`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from footprint.cli.common import (
    CountryOption,
    DbOption,
    JsonOption,
    country_option,
    emit,
    parse_date,
    query,
)
from footprint.export.terminal_text import add_row, clean, plain
from footprint.store import StoreView
from footprint.store.records import SearchHit
from footprint.store.search import MAX_LIMIT, parse_query

KIND_LABEL = {"sentence": "claim sentence", "document": "text", "title": "title"}


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "document_id": hit.document_id,
        "title": hit.title,
        "path": hit.path,
        "published": hit.published,
        "kind": hit.kind,
        "start": hit.start,
        "end": hit.end,
        "snippet": hit.snippet,
        "marks": [list(m) for m in hit.marks],
        "score": hit.score,
    }


def find(
    store: StoreView,
    text: str,
    *,
    actor: str | None = None,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 20,
) -> tuple[dict[str, Any], list[SearchHit]]:
    """The search's answer (the query as understood, the filters, the hits best first, as
    JSON) and the hits themselves."""
    from footprint.analysis.profile import actor_entities, resolve_actor

    understood = parse_query(text)  # a query with nothing to find fails before the actor
    entity_ids = actor_entities(store, resolve_actor(store, actor)) if actor else None
    hits = store.search(
        text, entity_ids=entity_ids, country=country, since=since, until=until, limit=limit
    )
    return {
        "query": text,
        "understood": understood.describe(),
        "filters": {
            "actor": actor,
            "country": country,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "limit": limit,
        },
        "hits": [hit_json(h) for h in hits],
    }, hits


def marked(parts: tuple[tuple[str, bool], ...]) -> Text:
    """A snippet with its matched words highlighted and bracketed (the brackets keep the marks
    when the output is piped or read aloud); the article's text stays plain text."""
    out = Text()
    for piece, is_match in parts:
        if is_match:
            out.append("⟦" + clean(piece, one_line=True) + "⟧", style="bold reverse")
        else:
            out.append(clean(piece, one_line=True))
    return out


def search(
    text: Annotated[str, typer.Argument(help='What to find: words, "a phrase", a or b, -word.')],
    actor: Annotated[
        str | None,
        typer.Option(help="Only documents that mention this actor (any stored spelling)."),
    ] = None,
    country: CountryOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            help="Only documents published on or after this date (YYYY-MM-DD); documents "
            "without a publication date are left out."
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(help="Only documents published on or before this date (YYYY-MM-DD)."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT, help="How many hits to show.")] = 20,
    db: DbOption = None,
    json_out: JsonOption = None,
) -> None:
    """Full-text search of the stored texts: every passage that says the words, best first.

    All words must appear in one passage: a sentence a claim was read from, the title, or a
    stretch of the rest of the text. "Quoted words" must appear in that order, `or` accepts
    either side, a leading - leaves out passages with the word. Case is ignored; words are not
    stemmed. --country keeps documents that report an event placed in that country."""
    start, end = parse_date(since), parse_date(until)
    country = country_option(country)
    hits: list[SearchHit] = []

    def ask(store: StoreView) -> dict[str, Any]:
        answer, found = find(
            store, text, actor=actor, country=country, since=start, until=end, limit=limit
        )
        hits.extend(found)
        return answer

    answer = query(db, ask)
    if hits:
        emit(answer, json_out, [hit_table(answer["understood"], hits)])
    else:
        emit(answer, json_out, [plain(f"No passage says {answer['understood']}.", one_line=True)])


def hit_table(understood: str, hits: list[SearchHit]) -> Table:
    table = Table(title=plain(f"Search {understood}: {len(hits)} hit(s)", one_line=True))
    for col in ("#", "score", "document", "where", "passage"):
        table.add_column(col, overflow="fold")
    for n, hit in enumerate(hits, 1):
        document = plain(hit.title or hit.path, "bold", one_line=True)
        document.append("\n" + clean(hit.path, one_line=True), style="dim")
        if hit.published:
            document.append("\n" + clean(hit.published, one_line=True), style="dim")
        where = KIND_LABEL.get(hit.kind, hit.kind)
        if hit.start is not None:
            where += f"\n{hit.start}–{hit.end}"
        add_row(table, str(n), f"{hit.score:.3g}", document, where, marked(hit.parts))
    return table
