"""Rich renderables for an actor's profile (`analysis/profile.py`)."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from footprint.designations.screening import KIND_WORDS
from footprint.export.terminal_text import add_row, clean, plain


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


def _via(s: dict[str, Any]) -> str:
    """Through whom a rolled-up stop was reached: "via N — special representative", the
    role's doubt when it is a past one, and the others of the actor's people there."""
    via = s["via"]
    if via is None:
        return "—"
    role = f"claimed front ({via['role']})" if via["tie"] == "claimed front" else via["role"]
    text = f"via {via['name']} — {role}"
    if via["past"]:
        text += f" ({via['past']})"
    if via["doubt"]:
        text += f" [doubt: {via['doubt']}]"
    if s["also_via"]:
        text += "; also " + ", ".join(f"{v['name']} ({v['role']})" for v in s["also_via"])
    return text


def _itinerary(title: str, stops: list[dict[str, Any]], with_via: bool) -> Table:
    table = Table(title=title, title_justify="left")
    columns = ("when", "event", "where", "role", "via", "sources", "evidence")
    for col in columns if with_via else tuple(c for c in columns if c != "via"):
        table.add_column(col, overflow="fold")
    for s in stops:
        ev = s["evidence"][0]
        note = f"{s['independent_sources']} independent / {len(s['documents'])} document(s)"
        if s["conflicts"]:
            note += "; " + "; ".join(s["conflicts"])
        cells = [
            _when(s["date"]),
            s["label"] + (" [background]" if s["background"] else ""),
            _where(s["place"]),
            f"{s['role']} ({s['mode']})",
            *([_via(s)] if with_via else []),
            note,
            f"{ev['sentence']}" + (f" [{ev['attribution']}]" if ev["attribution"] else ""),
        ]
        add_row(table, *cells)
    return table


def _scope_line(p: dict[str, Any]) -> Text:
    n = p["counts"]
    if p["scope"] == "direct":
        return plain(f"{n['direct']} occasion(s) of its own (people and fronts left out)", "dim")
    line = f"{n['direct']} occasion(s) of its own, {n['via_people']} through its people"
    if n["via_claimed_fronts"]:
        line += f"; {n['via_claimed_fronts']} through claimed fronts, listed apart"
    return plain(line, "dim")


def _left_out(p: dict[str, Any]) -> list[Text]:
    """One line per occasion of a tied actor that was not counted, and why."""
    return [
        plain(
            f"not counted: {x['label']} ({_when(x['date'])}) via {t['name']} — {x['reason']}",
            "dim",
        )
        for t in p["ties"]
        for x in t["left_out"]
    ]


def _host_state(state: dict[str, Any] | None) -> list[Any]:
    """The occasions where state actors took part: who, as what, why they count, and the
    sentence that says so."""
    if not state or not state["occasions"]:
        return []
    c = state["counts"]
    table = Table(
        title=f"The state's part: {c['with_state_actors']} of {c['occasions']} occasion(s) with "
        f"state actors, {c['hosted_by_state_actors']} hosted or organised by them",
        title_justify="left",
    )
    for col in ("when", "event", "where", "state actor", "why a state actor", "evidence"):
        table.add_column(col, overflow="fold")
    for o in state["occasions"]:
        for a in o["state_actors"]:
            add_row(
                table,
                _when(o["date"]),
                o["label"],
                _where(o["place"]),
                f"{a['name']} ({', '.join(a['roles'])})",
                f"{a['kind']}: {a['reason']}",
                a["evidence"]["sentence"],
            )
    return [table]


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
    head = plain(f"Footprint of {actor['name']} ({actor['type']})", "bold")
    if scope:
        head.append(clean(f" — {scope}"))
    out: list[Any] = [head]
    if actor["aliases"]:
        out.append(plain("also named: " + ", ".join(actor["aliases"]), "dim"))
    possible = [d for d in p["designations"] if d["kind"] == "possible"]
    for d in p["designations"]:
        if d["kind"] == "possible":
            continue
        out.append(
            plain(
                f"{KIND_WORDS.get(d['kind'], d['kind'])}: {d['listed_name']} ({d['list']}, "
                f"listed {d['listed_on'] or 'date not given'}) — {d['explanation']}",
                "red" if d["kind"] in ("listed", "alias") else "yellow",
            )
        )

    if possible:
        best = max(possible, key=lambda d: d["score"])
        out.append(
            plain(
                f"{len(possible)} possible list match(es), none asserted; closest: "
                f"{best['listed_name']} ({best['score']:.2f}) — see `footprint screen`",
                "dim",
            )
        )
    out.append(_scope_line(p))
    with_via = p["scope"] != "direct"
    if p["itinerary"]:
        out.append(_itinerary("Itinerary", p["itinerary"], with_via))
    else:
        out.append(plain("No events in this scope.", "dim"))
    if p["front_itinerary"]:
        out.append(_itinerary("Through claimed fronts", p["front_itinerary"], True))
    out += _left_out(p)

    if p["partners"]:
        partners = Table(title="Appeared with", title_justify="left")
        for col in ("actor", "shared events", "their roles", "designation"):
            partners.add_column(col, overflow="fold")
        for o in p["partners"]:
            add_row(
                partners,
                o["name"],
                str(o["shared_events"]),
                ", ".join(o["roles"]),
                _marks(o["designated"]),
            )
        out.append(partners)
    if p["hosts"]:
        hosts = Table(title="Hosted or organised by", title_justify="left")
        for col in ("actor", "events", "as", "designation"):
            hosts.add_column(col, overflow="fold")
        for h in p["hosts"]:
            add_row(
                hosts, h["name"], str(h["events"]), ", ".join(h["roles"]), _marks(h["designated"])
            )
        out.append(hosts)
    out += _host_state(p.get("host_state"))
    if p["roles"]:
        roles = Table(title="Roles and affiliations", title_justify="left")
        for col in ("role", "of", "evidence"):
            roles.add_column(col, overflow="fold")
        for r in p["roles"]:
            ev = r["evidence"][0]
            obj = r["object_name"] or "—"
            if r["object_designated"]:
                obj += f" ({_marks(r['object_designated'])})"
            add_row(roles, f"{r['predicate']}: {r['role']}", obj, ev["sentence"])
        out.append(roles)
    places = p["places"]["by_place"]
    if places:
        out.append(plain("Places: " + ", ".join(f"{x['name']} ({x['events']})" for x in places)))
    if p["by_period"]:
        out.append(
            plain(
                "Over time: " + ", ".join(f"{x['events']} in {x['period']}" for x in p["by_period"])
            )
        )
    span = p.get("span") or {}
    if span.get("first"):
        first, latest = span["first"], span["latest"]
        out.append(
            plain(
                f"First seen {_when(first['date'])} ({first['label']}); latest "
                f"{_when(latest['date'])} ({latest['label']})"
            )
        )
    return out
