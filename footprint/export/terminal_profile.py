"""Rich renderables for an actor's profile (`analysis/profile.py`)."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from footprint.designations.screening import KIND_WORDS


def _when(d: dict[str, Any] | None) -> str:
    if not d:
        return "undated"
    start, end = d.get("start") or "…", d.get("end") or "…"
    span = start if start == end else f"{start} – {end}"
    return f"{span} ({d.get('precision')})" if d.get("precision") != "day" else span


def _where(p: dict[str, Any] | None) -> str:
    if not p:
        return "—"
    return ", ".join(str(x) for x in (p.get("name"), p.get("admin1"), p.get("country")) if x)


def _marks(kinds: list[str]) -> str:
    return "; ".join(KIND_WORDS.get(k, k) for k in kinds)


def render_profile(p: dict[str, Any]) -> list[Any]:
    actor = p["actor"]
    f = p["filters"]
    scope = ", ".join(
        bit
        for bit in (
            f"in {f['country']}" if f["country"] else "",
            f"since {f['since']}" if f["since"] else "",
            f"until {f['until']}" if f["until"] else "",
        )
        if bit
    )
    head = Text(f"Footprint of {actor['name']} ({actor['type']})", style="bold")
    if scope:
        head.append(f" — {scope}")
    out: list[Any] = [head]
    if actor["aliases"]:
        out.append(Text("also named: " + ", ".join(actor["aliases"]), style="dim"))
    possible = [d for d in p["designations"] if d["kind"] == "possible"]
    for d in p["designations"]:
        if d["kind"] == "possible":
            continue
        out.append(
            Text(
                f"{KIND_WORDS.get(d['kind'], d['kind'])}: {d['listed_name']} ({d['list']}, "
                f"listed {d['listed_on'] or 'date not given'}) — {d['explanation']}",
                style="red" if d["kind"] in ("listed", "alias") else "yellow",
            )
        )

    if possible:
        best = max(possible, key=lambda d: d["score"])
        out.append(
            Text(
                f"{len(possible)} possible list match(es), none asserted; closest: "
                f"{best['listed_name']} ({best['score']:.2f}) — see `footprint screen`",
                style="dim",
            )
        )
    itinerary = Table(title="Itinerary", title_justify="left")
    for col in ("when", "event", "where", "role", "sources", "evidence"):
        itinerary.add_column(col, overflow="fold")
    for s in p["itinerary"]:
        ev = s["evidence"][0]
        note = f"{s['independent_sources']} independent / {len(s['documents'])} document(s)"
        if s["conflicts"]:
            note += "; " + "; ".join(s["conflicts"])
        itinerary.add_row(
            _when(s["date"]),
            s["label"] + (" [background]" if s["background"] else ""),
            _where(s["place"]),
            f"{s['role']} ({s['mode']})",
            note,
            f"{ev['sentence']}" + (f" [{ev['attribution']}]" if ev["attribution"] else ""),
        )
    out.append(itinerary if p["itinerary"] else Text("No events in this scope.", style="dim"))

    if p["partners"]:
        partners = Table(title="Appeared with", title_justify="left")
        for col in ("actor", "shared events", "their roles", "designation"):
            partners.add_column(col, overflow="fold")
        for o in p["partners"]:
            partners.add_row(
                o["name"], str(o["shared_events"]), ", ".join(o["roles"]), _marks(o["designated"])
            )
        out.append(partners)
    if p["hosts"]:
        hosts = Table(title="Hosted or organised by", title_justify="left")
        for col in ("actor", "events", "as", "designation"):
            hosts.add_column(col, overflow="fold")
        for h in p["hosts"]:
            hosts.add_row(
                h["name"], str(h["events"]), ", ".join(h["roles"]), _marks(h["designated"])
            )
        out.append(hosts)
    if p["roles"]:
        roles = Table(title="Roles and affiliations", title_justify="left")
        for col in ("role", "of", "evidence"):
            roles.add_column(col, overflow="fold")
        for r in p["roles"]:
            ev = r["evidence"][0]
            obj = r["object_name"] or "—"
            if r["object_designated"]:
                obj += f" ({_marks(r['object_designated'])})"
            roles.add_row(f"{r['predicate']}: {r['role']}", obj, ev["sentence"])
        out.append(roles)
    places = p["places"]["by_place"]
    if places:
        out.append(Text("Places: " + ", ".join(f"{x['name']} ({x['events']})" for x in places)))
    if p["by_period"]:
        out.append(
            Text("Over time: " + ", ".join(f"{x['period']}: {x['events']}" for x in p["by_period"]))
        )
    return out
