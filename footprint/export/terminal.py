"""The dossier as Rich renderables for the terminal (cli.py prints them)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

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
        table.add_row(d["title"] or "—", d["author"] or "—", d["published"] or "—", d["path"])
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
        table.add_row(
            e["name"], ", ".join(e["aliases"]) or "", str(len(e["mentions"])), str(len(docs))
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
        relation = Text(PREDICATE_WORDS.get(r["predicate"], r["predicate"]))
        relation.append(f"\n{r['role']}", style="italic")
        if q.get("place"):
            relation.append(f" in {q['place']}", style="italic")
        if q.get("time") == "past":
            relation.append(" (past)", style="yellow")
        ev = r["evidence"][0]
        evidence = Text(f"“{_short(ev['sentence'])}”", style="dim")
        if ev["attribution"]:
            evidence.append(f"\n— {ev['attribution']}", style="yellow")
        if len(r["evidence"]) > 1:
            evidence.append(f"\n(+{len(r['evidence']) - 1} more)", style="cyan")
        table.add_row(r["subject_name"], relation, r["object_name"] or "—", evidence)
    return table


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
    if dossier["rejected"]:
        lines = "\n".join(f"{r['source']}: {r['reason']}" for r in dossier["rejected"])
        yield Panel(lines, title="Inputs not analyzed", border_style="red")
