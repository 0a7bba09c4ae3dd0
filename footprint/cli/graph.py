"""The graph queries: `footprint network` (actors ranked by centrality), `path` (evidenced chains
between two actors) and `timeline` (events in time order). Rich tables for people; `--json
FILE|-` writes the dict the library function returns.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from footprint.cli.common import (
    CountryOption,
    DbOption,
    JsonOption,
    RoleOption,
    SinceOption,
    TypeOption,
    UntilOption,
    emit,
    err,
    occasion_filter,
    query,
)
from footprint.export.terminal_text import add_row, clean, plain

DirectOption = Annotated[
    bool,
    typer.Option(
        "--direct", help="Only the actor's own occasions, not those of the people tied to it."
    ),
]


def _marks(actor: dict[str, Any]) -> str:
    return ", ".join(m.replace("_", " ") for m in actor.get("marks", []))


def _evidence_line(evidence: list[dict[str, Any]]) -> str:
    if not evidence:
        return ""
    ev = evidence[0]
    more = f" (+{len(evidence) - 1} more)" if len(evidence) > 1 else ""
    hedge = f" [{ev['attribution']}]" if ev.get("attribution") else ""
    return f"{ev['document']}: “{' '.join(ev['sentence'].split())}”{hedge}{more}"


def network(
    kind: Annotated[
        str, typer.Option(help="Edges: coappearance (same event), affiliation (relation), all.")
    ] = "all",
    around: Annotated[
        str | None, typer.Option(help="Only this actor's neighbourhood (its ego network).")
    ] = None,
    depth: Annotated[int, typer.Option(min=1, help="Hops from --around to include.")] = 1,
    top: Annotated[int, typer.Option(min=1, help="Actors and ties to print.")] = 20,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: TypeOption = None,
    role: RoleOption = None,
    direct: DirectOption = False,
    db: DbOption = None,
    json_out: JsonOption = None,
) -> None:
    """Actors tied by shared events and relations, ranked by centrality; designated marked.
    --country, --since, --until, --type and --role choose the occasions (and the roles in
    them) that make co-appearance ties; relations are not tied to an occasion and stay.
    --around an organisation rolls up the occasions of the people tied to it, as `profile`
    does (--direct: its own occasions only)."""
    from footprint.analysis.network import network as build

    if kind not in ("coappearance", "affiliation", "all"):
        raise typer.BadParameter(f"'{kind}' is not one of coappearance, affiliation, all")
    only = occasion_filter(country, since, until, event_type, role)
    answer = query(
        db,
        lambda store: build(store, kind=kind, around=around, depth=depth, only=only, direct=direct),
    )
    scope = f" around {around} (depth {depth}, {answer['scope']})" if around else ""
    actors = Table(
        title=plain(
            f"Actors{scope}: {answer['nodes']} actors, {answer['edge_count']} ties "
            f"({kind}; betweenness {answer['betweenness']})"
        )
    )
    for col in ("#", "actor", "type", "ties", "degree", "betweenness", "designated / marked"):
        actors.add_column(col)
    for a in answer["actors"][:top]:
        marks = plain(_marks(a))
        if a["designated"]:
            marks = Text.assemble(("designated", "red"), " (", marks, ")")
        add_row(
            actors,
            str(a["rank"]),
            a["name"],
            a["type"],
            str(a["degree"]),
            f"{a['degree_centrality']:.3f}",
            f"{a['betweenness']:.3f}",
            marks,
        )
    ties = Table(title="Strongest ties")
    for col in ("actor", "actor", "tie", "evidence"):
        ties.add_column(col, overflow="fold")
    for e in answer["edges"][:top]:
        bits = []
        evidence: list[dict[str, Any]] = []
        if "coappearance" in e:
            n = e["coappearance"]["count"]
            through = sorted({v["name"] for v in e["coappearance"].get("via", [])})
            via = f" (via {', '.join(through)})" if through else ""
            bits.append(f"{n} shared event{'s' if n != 1 else ''}{via}")
            evidence = e["coappearance"]["evidence"]
        if "affiliation" in e:
            for link in e["affiliation"]:
                subject = e["a_name"] if link["subject"] == e["a"] else e["b_name"]
                bits.append(f"{subject} {link['what']}")
            evidence = e["affiliation"][0]["evidence"]
        if "tie" in e:
            tie = e["tie"]
            subject = e["a_name"] if tie["subject"] == e["a"] else e["b_name"]
            n = len(tie["occasions"])
            bits.append(
                f"{subject} {tie['what']}, acting for it at {n} occasion{'s' if n != 1 else ''}"
            )
            evidence = evidence or [r["evidence"] for r in tie["relations"]]
        add_row(ties, e["a_name"], e["b_name"], "; ".join(bits), _evidence_line(evidence))
    renderables: list[Any] = [actors]
    if answer["edges"]:
        renderables.append(ties)
    else:
        renderables.append("No ties of this kind in the store.")
    emit(answer, json_out, renderables)


def path(
    a: Annotated[str, typer.Argument(help="An actor's name.")],
    b: Annotated[str, typer.Argument(help="Another actor's name.")],
    limit: Annotated[int, typer.Option(min=1, help="How many shortest chains to show.")] = 3,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: TypeOption = None,
    role: RoleOption = None,
    db: DbOption = None,
    json_out: JsonOption = None,
) -> None:
    """The shortest evidenced chains between two actors, through events and relations.
    --country, --since, --until, --type and --role choose the occasions (and the roles in
    them) a chain may pass through; relations are not tied to an occasion and stay."""
    from footprint.analysis.network import describe_hop, find_paths

    only = occasion_filter(country, since, until, event_type, role)
    answer = query(db, lambda store: find_paths(store, a, b, limit=limit, only=only))
    renderables: list[Any] = []
    for i, p in enumerate(answer["paths"], 1):
        table = Table(title=f"Chain {i}: {p['length']} hop{'s' if p['length'] != 1 else ''}")
        table.add_column("hop")
        table.add_column("evidence", overflow="fold")
        for hop in p["hops"]:
            marks = [
                f"{end['name']}: {_marks(end)}"
                for end in (hop["from"], hop["to"])
                if end.get("marks")
            ]
            hop_text = plain(describe_hop(hop))
            if marks:
                hop_text.append(clean(f" ({'; '.join(marks)})"), style="red")
            add_row(table, hop_text, _evidence_line(hop["evidence"]))
        renderables.append(table)
    if not answer["paths"]:
        emit(answer, json_out, [])
        where = "through the occasions the filters keep" if only.active else "in the store"
        err.print(plain(f"No path between {a!r} and {b!r} {where}.", one_line=True))
        raise typer.Exit(1)
    emit(answer, json_out, renderables)


def timeline(
    actor: Annotated[
        str | None, typer.Argument(help="Only events this actor took part in.")
    ] = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    event_type: TypeOption = None,
    role: RoleOption = None,
    direct: DirectOption = False,
    db: DbOption = None,
    json_out: JsonOption = None,
) -> None:
    """Events in time order, one row per real occasion, with participants and sources; an
    organisation's rolled up through its people (each such row says via whom)."""
    from footprint.analysis.timeline import timeline as build

    f = occasion_filter(country, since, until, event_type, role)
    answer = query(
        db,
        lambda store: build(
            store,
            actor=actor,
            country=f.country,
            since=f.since,
            until=f.until,
            types=f.types,
            roles=f.roles,
            direct=direct,
        ),
    )
    who = f" of {answer['actor']['name']}" if answer["actor"] else ""
    table = Table(title=plain(f"Timeline{who}: {len(answer['events'])} event(s)"))
    for col in ("date", "event", "place", "participants", "sources"):
        table.add_column(col, overflow="fold")
    for e in answer["events"]:
        d = e["date"]
        when = (d["start"] or d["end"] or "") + (f" ({d['precision']})" if d else "") if d else ""
        label = plain(e["label"])
        if e["background"]:
            label.append(" (background)", style="dim")
        place = (e["place"] or {}).get("name") or ""
        if e["place"] and e["place"].get("country"):
            place += f", {e['place']['country']}"
        people = "; ".join(f"{p['name']} ({', '.join(p['roles'])})" for p in e["participants"])
        if e.get("via"):
            people += f" — via {e['via']['name']} ({e['via']['role']})"
        sources = plain(f"{e['documents']} doc(s), {e['independent_sources']} independent")
        if e["conflicts"]:
            sources.append(clean(" conflict: " + "; ".join(e["conflicts"])), style="yellow")
        add_row(table, when, label, place, people, sources)
    emit(answer, json_out, [table if answer["events"] else "No events match."])
