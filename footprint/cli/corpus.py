"""The corpus commands: `footprint ingest` fills a store; `merge` and `split` correct how its
entities were joined into actors; `sources rate|list` grade the outlets it cites."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from footprint.cli.common import DbOption, err, fail, open_store, out, parse_date
from footprint.errors import FootprintError
from footprint.export.terminal_text import line, plain
from footprint.model import Rejected
from footprint.pipeline.engines import EngineKind
from footprint.store import StoreView

if TYPE_CHECKING:
    from footprint.resolve.corpus import ResolutionSummary

sources_app = typer.Typer(help="Rate sources (Admiralty reliability A-F) for grading.")


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, .jsonl, .html.")],
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="NLP worker processes (processes engine) or LocalCluster workers (dask engine "
            "without --scheduler).",
        ),
    ] = 1,
    engine: Annotated[
        EngineKind | None,
        typer.Option(
            help="Where the NLP runs: local (this process), processes (--workers N here), dask "
            "(a LocalCluster of --workers N, or the cluster at --scheduler). Default: local, "
            "or processes with --workers > 1.",
            case_sensitive=False,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="A running Dask scheduler (tcp://host:8786) for --engine dask; its workers "
            "(one thread each) do the work."
        ),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs that carry none.")
    ] = None,
    resolve_all: Annotated[
        bool,
        typer.Option(
            "--resolve-all",
            help="Resolve the whole corpus again, not only what the new documents touch (an "
            "incremental resolution leaves a join that hinges on a change two steps away for "
            "the next whole one).",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Ingest a corpus: skip what is stored, link near-duplicates, resolve across documents."""
    from footprint.pipeline.corpus import IngestReport, ingest_corpus
    from footprint.pipeline.engines import choose_engine

    parse_date(published)
    settings, store = open_store(db, create=True)
    try:  # a combination of options that cannot work fails before any work starts
        runner = choose_engine(engine, settings, workers=workers, scheduler=scheduler)
    except FootprintError as exc:
        store.close()
        raise fail(exc) from None
    progress = Progress(
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(bar_width=None, pulse_style="cyan"),
        TextColumn(
            "{task.fields[stored]} stored · {task.fields[skipped]} skipped · "
            "{task.fields[near]} near-dup · {task.fields[errors]} errors · "
            "{task.fields[wps]:,.0f} words/s"
        ),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )
    task = progress.add_task("ingest", total=None, stored=0, skipped=0, near=0, errors=0, wps=0.0)

    def on_progress(r: IngestReport) -> None:
        progress.update(
            task,
            stored=len(r.stored),
            skipped=r.already_stored + r.exact_duplicates,
            near=r.near_duplicates,
            errors=len(r.rejected),
            wps=r.words_per_second,
        )

    def on_rejected(item: Rejected) -> None:
        progress.console.print(
            line(("error", "red"), " ", item.source, ": ", item.reason), soft_wrap=True
        )

    try:
        with progress:
            report = ingest_corpus(
                paths,
                settings,
                store,
                workers=workers,
                published=published,
                on_progress=on_progress,
                on_rejected=on_rejected,
                engine=runner,
                resolve_all=resolve_all,
            )
    except FootprintError as exc:
        raise fail(exc) from None
    finally:
        store.close()
    res = report.resolution
    summary = (
        f"{len(report.stored)} document(s) stored ({report.words:,} words, "
        f"{report.words_per_second:,.0f} words/s), {report.already_stored} already stored, "
        f"{report.exact_duplicates} exact duplicate(s) skipped, {report.near_duplicates} "
        f"near-duplicate(s) linked, {len(report.rejected)} rejected."
        + (
            f"\nResolved ({_resolution_mode(res)}): {res.entities} entities into "
            f"{res.entity_clusters} actors; "
            f"{res.merged_events} event(s) reported in several documents "
            f"({res.conflicts} with conflicting dates)."
            if res
            else ""
        )
        + f"\nDatabase: {store.name}"
    )
    out.print(plain(summary), soft_wrap=True)
    if not report.stored and report.rejected and not report.already_stored:
        raise typer.Exit(1)


def _entity_id(store: StoreView, ref: str) -> str:
    """An entity id, or the one entity a name denotes."""
    from footprint.analysis.profile import resolve_actor

    if store.entities([ref]):
        return ref
    ids = resolve_actor(store, ref)
    if len(ids) > 1:
        raise FootprintError(f"{ref!r} names several entities ({', '.join(ids)}); give an id")
    return ids[0]


def _resolution_mode(summary: ResolutionSummary) -> str:
    if summary.mode == "incremental":
        return f"incremental, {summary.documents} new document(s)"
    return "nothing new" if summary.mode == "none" else "the whole corpus"


def merge(
    a: Annotated[str, typer.Argument(help="An entity id or name.")],
    b: Annotated[str, typer.Argument(help="Another entity id or name: the same actor.")],
    db: DbOption = None,
) -> None:
    """Record that two entities are one actor; kept across re-ingest."""
    from footprint.resolve.corpus import resolve_store

    _, store = open_store(db, create=False)
    try:
        ea, eb = _entity_id(store, a), _entity_id(store, b)
        if ea == eb:
            raise FootprintError(f"{a!r} and {b!r} are the same entity already")
        store.add_judgement(ea, eb, "same", note="footprint merge")
        resolve_store(store)
        actor_of = store.cluster_of([ea, eb])
        cluster, same = actor_of[ea], actor_of[eb]
    except FootprintError as exc:
        raise fail(exc) from None
    finally:
        store.close()
    if cluster != same:
        err.print(
            plain(
                "recorded, but an earlier 'split' keeps them apart; merge the split "
                "entity explicitly to undo it",
                "yellow",
            )
        )
    out.print(plain(f"merged {ea} and {eb} (actor {cluster})"))


def split(
    entity: Annotated[str, typer.Argument(help="An entity id or name to stand alone.")],
    db: DbOption = None,
) -> None:
    """Take an entity out of the actor it was joined to; kept across re-ingest."""
    from footprint.resolve.corpus import resolve_store

    _, store = open_store(db, create=False)
    try:
        eid = _entity_id(store, entity)
        if store.entity_cluster(eid) is None:
            raise FootprintError(f"{entity!r} has not been resolved yet; run footprint ingest")
        others = [m for m in store.cluster_members([eid]) if m != eid]
        if not others:
            raise FootprintError(f"{entity!r} already stands alone")
        # A "same" judgement between them would fight the split: the split wins.
        for other in others:
            store.add_judgement(eid, other, "different", note="footprint split")
        resolve_store(store)
    except FootprintError as exc:
        raise fail(exc) from None
    finally:
        store.close()
    out.print(plain(f"{eid} now stands apart from {', '.join(others)}"))


@sources_app.command("rate")
def sources_rate(
    source: Annotated[str, typer.Argument(help="An outlet's host, an author, or a file path.")],
    reliability: Annotated[
        str, typer.Argument(help="A (reliable) ... E (unreliable), F (unknown).")
    ],
    db: DbOption = None,
) -> None:
    """Rate a source's reliability; claims it supports are graded with it."""
    source = source.strip()
    if not source:  # a blank name is no outlet a document cites: the rating would never apply
        raise fail(FootprintError("no source given: name an outlet's host, an author or a path"))
    _, store = open_store(db, create=False)
    try:
        store.rate_source(source, reliability)
    except FootprintError as exc:
        raise fail(exc) from None
    finally:
        store.close()
    out.print(plain(f"{source}: reliability {reliability.strip().upper()}"))


@sources_app.command("list")
def sources_list(db: DbOption = None) -> None:
    """The sources you rated."""
    _, store = open_store(db, create=False)
    try:
        ratings = store.source_ratings()
    finally:
        store.close()
    if not ratings:
        out.print("No sources rated yet (footprint sources rate SOURCE A-F).")
    for source, grade in sorted(ratings.items()):
        out.print(plain(f"{grade}  {source}"))
