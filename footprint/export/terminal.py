"""The dossier as Rich renderables for the terminal (cli.py prints them)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from footprint.export.terminal_text import add_row, clean, plain

PREDICATE_WORDS = {
    "member_of": "member of",
    "leader_of": "leads",
    "represents": "represents",
    "front_of": "front of",
    "relative_of": "relative of",
    "works_for": "works for",
    "holds_title": "holds title",
}
MAX_SENTENCE = 220


def _short(text: str, limit: int = MAX_SENTENCE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _documents(dossier: dict[str, Any]) -> Table:
    table = Table(title="Documents", title_justify="left", expand=True)
    for col in ("title", "author", "published", "source"):
        table.add_column(col)
    for d in dossier["documents"]:
        add_row(table, d["title"] or "—", d["author"] or "—", d["published"] or "—", d["path"])
    return table


def _entities(dossier: dict[str, Any], type_: str, title: str) -> Table | None:
    rows = [e for e in dossier["entities"] if e["type"] == type_]
    if not rows:
        return None
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("name", style="bold")
    table.add_column("also written", overflow="fold")
    table.add_column("mentions", justify="right")
    table.add_column("documents", justify="right")
    for e in rows:
        docs = {m["document"] for m in e["mentions"]}
        add_row(
            table, e["name"], ", ".join(e["aliases"]) or "", str(len(e["mentions"])), str(len(docs))
        )
    return table


def _relations(dossier: dict[str, Any]) -> Table | None:
    if not dossier["relations"]:
        return None
    table = Table(
        title="Roles and affiliations", title_justify="left", expand=True, show_lines=True
    )
    table.add_column("who", style="bold", ratio=2)
    table.add_column("relation", ratio=2)
    table.add_column("to", style="bold", ratio=2)
    table.add_column("evidence (first; count)", ratio=6)
    for r in dossier["relations"]:
        q = r["qualifiers"]
        relation = plain(PREDICATE_WORDS.get(r["predicate"], r["predicate"]))
        relation.append(clean(f"\n{r['role']}"), style="italic")
        if q.get("place"):
            relation.append(clean(f" in {q['place']}"), style="italic")
        if q.get("time") == "past":
            relation.append(" (past)", style="yellow")
        ev = r["evidence"][0]
        evidence = plain(f"“{_short(ev['sentence'])}”", "dim")
        if ev["attribution"]:
            evidence.append(clean(f"\n— {ev['attribution']}"), style="yellow")
        if len(r["evidence"]) > 1:
            evidence.append(f"\n(+{len(r['evidence']) - 1} more)", style="cyan")
        add_row(table, r["subject_name"], relation, r["object_name"] or "—", evidence)
    return table


def format_date(date: dict[str, Any] | None) -> str:
    """A date interval as a reader wants it: the day, or the window with its precision."""
    if date is None:
        return "undated"
    start, end, precision = date["start"], date["end"], date["precision"]
    if precision == "day" and start == end:
        return start
    if precision == "month" and start and start.endswith("-01"):
        return start[:7]
    if precision == "year" and start:
        return start[:4]
    return f"{start or '…'} – {end or 'open'} ({precision})"


def _place(place: dict[str, Any] | None) -> str:
    if place is None:
        return "—"
    parts = [place["name"]]
    if place.get("admin1") and place["admin1"] != place["name"]:
        parts.append(place["admin1"])
    if place.get("country") and place["precision"] != "country":
        parts.append(place["country"])
    return ", ".join(parts)


def _participants(event: dict[str, Any]) -> str:
    lines = []
    for p in event["participants"]:
        mode = "" if p["mode"] == "unknown" else f", {p['mode'].replace('_', ' ')}"
        lines.append(f"{p['name']} ({p['role']}{mode})")
    return "\n".join(lines) or "—"


def _events(dossier: dict[str, Any]) -> Table | None:
    if not dossier["events"]:
        return None
    table = Table(title="Events", title_justify="left", expand=True, show_lines=True)
    table.add_column("when", ratio=2)
    table.add_column("what", style="bold", ratio=3)
    table.add_column("where", ratio=2)
    table.add_column("who (role, mode)", ratio=3)
    table.add_column("evidence", ratio=5)
    for e in dossier["events"]:
        what = plain(e["label"])
        what.append(clean(f"\n{e['type']}"), style="italic")
        if e["background"]:
            what.append(" · background", style="yellow")
        ev = e["evidence"][0]
        evidence = plain(f"“{_short(ev['sentence'], 180)}”", "dim")
        if ev["attribution"]:
            evidence.append(clean(f"\n— {ev['attribution']}"), style="yellow")
        for q in e["quotes"][:2]:
            evidence.append(
                clean(f"\n{q['speaker_name']}: “{_short(q['text'], 120)}”"), style="cyan"
            )
        if len(e["evidence"]) > 1:
            evidence.append(f"\n(+{len(e['evidence']) - 1} more sentences)", style="cyan")
        add_row(table, format_date(e["date"]), what, _place(e["place"]), _participants(e), evidence)
    return table


def _itineraries(dossier: dict[str, Any]) -> Iterator[Table]:
    """For each actor seen at a story event: where they were, when, and in which role."""
    stops: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for e in dossier["events"]:
        if e["background"]:
            continue
        for p in e["participants"]:
            stops.setdefault(p["name"], []).append((e, p))
    for name, visits in sorted(stops.items(), key=lambda kv: -len(kv[1])):
        if len(visits) < 2:
            continue
        table = Table(title=plain(f"Itinerary: {name}"), title_justify="left", expand=True)
        table.add_column("when")
        table.add_column("event", style="bold")
        table.add_column("where")
        table.add_column("role")
        table.add_column("with")
        for e, p in visits:
            others = ", ".join(x["name"] for x in e["participants"] if x["name"] != name)
            mode = "" if p["mode"] == "unknown" else f" ({p['mode'].replace('_', ' ')})"
            add_row(
                table,
                format_date(e["date"]),
                e["label"],
                _place(e["place"]),
                p["role"] + mode,
                others,
            )
        yield table


KIND_WORDS = {
    "listed": "LISTED",
    "alias": "LISTED under an alias",
    "claimed_front": "said by the text to be a front of a listed entity — not itself listed",
    "linked_person": "tied by the text to a listed entity — not itself listed",
    "possible": "possible match — not asserted",
}


def _designations(dossier: dict[str, Any]) -> Table | None:
    rows = [(e, d) for e in dossier["entities"] for d in e.get("designations", [])]
    if not rows:
        return None
    table = Table(title="Designation screening", title_justify="left", expand=True, show_lines=True)
    table.add_column("actor", style="bold", ratio=2)
    table.add_column("kind", ratio=3)
    table.add_column("list", ratio=3)
    table.add_column("why", ratio=5)
    for entity, d in rows:
        style = {"listed": "bold red", "alias": "bold red", "possible": "dim"}.get(
            d["kind"], "yellow"
        )
        listed = f"{d['list']} ({d['program']})"
        if d["listed_on"]:
            listed += f", listed {d['listed_on']}"
        listed += f"\nas “{d['listed_name']}”"
        why = plain(d["explanation"])
        if d.get("evidence"):
            why.append(clean(f"\n“{_short(d['evidence']['sentence'], 160)}”"), style="dim")
        add_row(
            table,
            entity["name"],
            Text(KIND_WORDS.get(d["kind"], d["kind"]), style=style),
            listed,
            why,
        )
    return table


def _co_appearances(dossier: dict[str, Any]) -> Table | None:
    rows = dossier.get("co_appearances", [])
    if not rows:
        return None
    events = {e["id"]: e for e in dossier["events"]}
    table = Table(title="Shared a stage with", title_justify="left", expand=True)
    for col in ("actor", "appeared beside", "kind", "event", "when"):
        table.add_column(col)
    # One row per pair and event: "A beside B" and "B beside A" (both designated) are one
    # row, saying what each of them is.
    pairs: dict[tuple[frozenset[str], str], dict[str, Any]] = {}
    for a in rows:
        if a["kind"] == "possible":
            continue
        key = (frozenset((a["actor_name"], a["with_name"])), a["event"])
        kind = KIND_WORDS.get(a["kind"], a["kind"])
        if key in pairs:
            first = pairs[key]
            if first["actor_name"] != a["actor_name"]:
                first["kinds"].append(f"{a['with_name']}: {kind}")
            continue
        pairs[key] = {**a, "kinds": [kind]}
    for a in pairs.values():
        event = events.get(a["event"], {})
        add_row(
            table,
            a["actor_name"],
            a["with_name"],
            "; ".join(a["kinds"]),
            event.get("label", ""),
            format_date(event.get("date")),
        )
    return table


def _across_documents(dossier: dict[str, Any]) -> Iterator[Table]:
    corpus = dossier.get("corpus") or {}
    if corpus.get("entities"):
        table = Table(title="One actor, several names (across documents)", title_justify="left")
        for col in ("actor", "also stored as", "why"):
            table.add_column(col, overflow="fold")
        for c in corpus["entities"]:
            others = [m for m in c["members"] if m["entity"] != c["id"]]
            add_row(
                table,
                c["name"],
                ", ".join(m["name"] for m in others),
                "; ".join(m["reason"] or "" for m in others),
            )
        yield table
    if corpus.get("events"):
        table = Table(title="One occasion, several reports", title_justify="left")
        for col in ("event", "reports", "support", "conflicts"):
            table.add_column(col, overflow="fold")
        for e in corpus["events"]:
            support = e["support"]
            add_row(
                table,
                e["label"],
                str(len(e["members"])),
                f"{support['grade']}: {support['reasoning']}",
                "; ".join(e["conflicts"]) or "—",
            )
        yield table


def render(dossier: dict[str, Any]) -> Iterator[RenderableType]:
    yield _documents(dossier)
    for type_, title in (
        ("person", "People"),
        ("organization", "Organisations"),
        ("place", "Places"),
    ):
        table = _entities(dossier, type_, title)
        if table is not None:
            yield table
    relations = _relations(dossier)
    if relations is not None:
        yield relations
    events = _events(dossier)
    if events is not None:
        yield events
    designations = _designations(dossier)
    if designations is not None:
        yield designations
    shared = _co_appearances(dossier)
    if shared is not None:
        yield shared
    yield from _itineraries(dossier)
    yield from _across_documents(dossier)
    if dossier["rejected"]:
        lines = "\n".join(f"{r['source']}: {r['reason']}" for r in dossier["rejected"])
        yield Panel(plain(lines), title="Inputs not analyzed", border_style="red")


ERRORS_PER_FIELD = 500  # errors listed per field of a suite (a sampled suite scores 500 rows)


def render_eval(results: list[Any], show_errors: bool = False) -> Iterator[RenderableType]:
    """One table per evaluation suite: each field's numbers beside the published anchor."""
    for result in results:
        if result.skipped:
            yield plain(f"{result.suite}: skipped — {result.skipped}", "yellow")
            continue
        table = Table(title=plain(f"{result.suite} ({result.seconds:.0f} s)"), title_justify="left")
        table.add_column("field", style="bold")
        columns = [
            (key, title)
            for key, title in (
                ("precision", "P"),
                ("recall", "R"),
                ("f1", "F1"),
                ("exact", "exact"),
                ("acc161", "acc@161"),
                ("accuracy", "accuracy"),
                ("n", "n"),
            )
            if any(key in v for v in result.fields.values())
        ]
        for _, title in columns:
            table.add_column(title, justify="right")
        table.add_column("published anchor", style="dim")
        for name, values in result.fields.items():
            cells = [
                ""
                if key not in values
                else str(values[key])
                if key == "n"
                else f"{values[key]:.3f}"
                for key, _ in columns
            ]
            add_row(table, name, *cells, result.anchors.get(name, ""))
        yield table
        if show_errors and result.errors:
            lines = Table(
                title=plain(f"{result.suite}: errors"), title_justify="left", show_header=True
            )
            for col in ("field", "kind", "item", "gold", "context"):
                lines.add_column(col, overflow="fold")
            shown: dict[str, int] = {}
            for e in result.errors:
                name = str(e.get("field", ""))
                shown[name] = shown.get(name, 0) + 1
                if shown[name] > ERRORS_PER_FIELD:
                    continue
                item = e.get("item", e.get("text", ""))
                kind = e.get("kind", "wrong")
                context = e.get("context", e.get("doc", ""))
                gold = e.get("gold", "")
                add_row(
                    lines,
                    name,
                    str(kind),
                    str(item),
                    _short(str(gold), 160),
                    _short(str(context), 200),
                )
            yield lines
            hidden = {k: n - ERRORS_PER_FIELD for k, n in shown.items() if n > ERRORS_PER_FIELD}
            if hidden:
                more = ", ".join(f"{k}: {n}" for k, n in hidden.items())
                yield plain(f"{result.suite}: not shown, past {ERRORS_PER_FIELD} per field: {more}")
