"""The brief: a self-contained report (HTML or Markdown) built from the store.

`build_brief` gathers everything from `analysis/` (profile, timeline, network, corroboration)
into one dict; `render_html` and `render_markdown` turn it into text; `write_brief` writes it
atomically (Markdown pictures go beside it as .svg files). The summary paragraph is generated
from the numbers in the dict, never written by hand. Article text is escaped everywhere: the
HTML template autoescapes, the pictures escape their own text, Markdown escapes its
significant characters and any HTML.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from footprint.analysis.corroboration import Grade, Support, grade, source_of
from footprint.analysis.filters import OccasionFilter
from footprint.errors import FootprintError
from footprint.export import brief_svg
from footprint.export.atomic import atomic_file
from footprint.store import StoreView

LISTED_KINDS = ("listed", "alias")
TEXT_KINDS = ("claimed_front", "linked_person")
NETWORK_LIMIT = 60  # actors drawn in the network picture
SUFFIXES = (".html", ".htm", ".md")


# --- data ----------------------------------------------------------------------------------


def _documents(store: StoreView) -> dict[str, dict[str, Any]]:
    return {
        d.id: {
            "id": d.id,
            "title": d.title,
            "path": d.path,
            "url": d.url,
            "published": d.published,
            "source": source_of(d.url, d.author, d.path),
        }
        for d in store.document_headers()
    }


def _grader(store: StoreView, docs: dict[str, dict[str, Any]]) -> Any:
    from footprint.resolve.corpus import near_duplicate_pairs

    near = near_duplicate_pairs(store)
    ratings = store.source_ratings()

    def run(evidence: list[dict[str, Any]], conflicts: Sequence[str] = ()) -> Grade:
        supports = [
            Support(
                ev["document"],
                docs.get(ev["document"], {}).get("source", ev["document"]),
                ev.get("attribution"),
            )
            for ev in evidence
        ]
        return grade(supports, near, ratings, list(conflicts))

    return run


def _strength(g: Grade) -> tuple[int, str, int]:
    return (g.credibility, g.reliability, -g.independent_sources)


def _designation_rows(
    store: StoreView, entity_ids: set[str] | None, actors: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Designations (not mere 'possible' matches), one row per actor and listing however many
    of its entities or sentences matched it: the actor's display name, the listed actor a
    text-based mark goes through by its display name (`via`), and the sentences and documents
    behind it (`evidence` the first, `also` the rest)."""
    actor_of = {m: a for a, info in actors.items() for m in info["ids"]}

    def display(entity: str, fallback: str) -> tuple[str, str]:
        actor = actor_of.get(entity, entity)
        return actor, str(actors.get(actor, {}).get("name") or fallback)

    rows: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in store.firm_designations():
        if entity_ids is not None and r.entity_id not in entity_ids:
            continue
        evidence = json.loads(r.evidence) if r.evidence else None
        if not evidence:
            m = store.first_mention(r.entity_id, r.document_id)
            evidence = {
                "document": r.document_id,
                "sentence": m.sentence if m else "",
                "attribution": m.attribution if m else None,
            }
        evidence.setdefault("document", r.document_id)
        actor, name = display(r.entity_id, r.name)
        row = rows.get((actor, r.kind, r.listing_id))
        if row is not None:
            if evidence != row["evidence"] and evidence not in row["also"]:
                row["also"].append(evidence)
            row["score"] = max(row["score"], r.score)
            continue
        via_name = None
        if r.via:
            via_name = display(r.via, "")[1] or next(
                (e.name for e in store.entities([r.via])), r.via
            )
        rows[(actor, r.kind, r.listing_id)] = {
            "entity": r.entity_id,
            "actor": actor,
            "name": name,
            "type": r.type,
            "kind": r.kind,
            "list": r.list,
            "program": r.program,
            "listing_id": r.listing_id,
            "listed_name": r.listed_name,
            "listed_on": r.listed_on,
            "score": r.score,
            "explanation": r.explanation,
            "via": via_name,
            "via_id": r.via,
            "evidence": evidence,
            "also": [],
        }
    return sorted(
        rows.values(), key=lambda x: (x["name"].lower(), x["kind"], x["list"], x["listed_name"])
    )


def _itinerary_row(
    occasion: dict[str, Any], role: str | None, mode: str | None, grader: Any
) -> dict[str, Any]:
    evidence = list(occasion.get("evidence") or [])
    if not evidence:
        for p in occasion.get("participants", []):
            evidence += p.get("evidence", [])
    g = grader(evidence, occasion.get("conflicts") or [])
    docs = occasion.get("document_ids") or occasion.get("documents") or []
    return {
        "event": occasion.get("cluster") or occasion.get("event"),
        "date": occasion.get("date"),
        "label": occasion.get("label") or "",
        "type": occasion.get("type"),
        "background": occasion.get("background", False),
        "place": occasion.get("place"),
        "role": role,
        "mode": mode,
        "participants": occasion.get("participants", []),
        "documents": docs if isinstance(docs, list) else [],
        "independent_sources": occasion.get("independent_sources") or g.independent_sources,
        "conflicts": occasion.get("conflicts") or [],
        "evidence": evidence,
        "grade": g.to_json(),
        "designated": bool(occasion.get("designated")),
    }


def build_brief(
    store: StoreView,
    actor: str | None = None,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    types: frozenset[str] | None = None,
    roles: frozenset[str] | None = None,
) -> dict[str, Any]:
    """Everything the brief shows, as plain data (the renderers only format it). The occasion
    filters (`country` ISO-2, the [since, until] window, event `types`, participant `roles`)
    mean what they mean for `timeline` and `network` (analysis/filters.py)."""
    from footprint.analysis.network import actor_clusters, event_clusters_info, network
    from footprint.analysis.profile import profile
    from footprint.analysis.timeline import timeline

    only = OccasionFilter(country, since, until, types, roles)
    narrowed = only if only.active else None
    docs = _documents(store)
    grader = _grader(store, docs)
    prof: dict[str, Any] | None = None
    if actor is not None:  # read once: the timeline rolls up through the profile's itinerary
        prof = profile(store, actor, country=country, since=since, until=until)
    tl = timeline(
        store,
        actor=actor,
        country=country,
        since=since,
        until=until,
        types=types,
        roles=roles,
        rolled=prof,
    )
    kept = {e["cluster"] for e in tl["events"]}
    designated_entities = store.designated_entity_ids(LISTED_KINDS)
    by_actor: dict[str, set[str]] = {}
    for member in store.entity_cluster_rows():
        by_actor.setdefault(member.cluster_id, set()).add(member.entity_id)
    for e in tl["events"]:
        e["designated"] = any(
            ({p["actor"]} | by_actor.get(p["actor"], set())) & designated_entities
            for p in e["participants"]
        )

    relations: list[dict[str, Any]] = []  # the relations the brief grades
    if prof is not None:
        own = {s["event"]: s for s in prof["itinerary"]}
        itinerary = []
        for e in tl["events"]:
            stop = own.get(e["cluster"])
            itinerary.append(
                _itinerary_row(
                    e, stop["role"] if stop else None, stop["mode"] if stop else None, grader
                )
            )
            if stop:
                # The actor's own sentence leads its row.
                ev = itinerary[-1]["evidence"]
                itinerary[-1]["evidence"] = stop["evidence"] + [
                    x for x in ev if x not in stop["evidence"]
                ]
        relations = prof["roles"]
        head = prof["actor"]
        try:
            net = network(store, kind="all", around=actor, depth=1, only=narrowed)
        except FootprintError:
            net = {"actors": [], "edges": [], "around": None}
        focus = (net.get("around") or {}).get("actors", [])
    else:
        itinerary = [_itinerary_row(e, None, None, grader) for e in tl["events"]]
        head = None
        net = network(store, kind="all", only=narrowed)
        focus = []
        relations = [
            {
                "id": r.id,
                "predicate": r.predicate,
                "role": r.role,
                "subject_name": r.subject_name,
                "object_name": r.object_name,
                "evidence": [],
            }
            for r in store.relation_names()
        ]
        by_id = {r["id"]: r for r in relations}
        for statement in store.relations():  # by document, then place
            ev = {
                "document": statement.document_id,
                "sentence": statement.sentence,
                "attribution": statement.attribution,
            }
            if ev not in by_id[statement.id]["evidence"]:
                by_id[statement.id]["evidence"].append(ev)

    if only.active:
        # Keep the network to the actors seen at the events shown (and the brief's actor).
        seen = {p["actor"] for e in tl["events"] for p in e["participants"]} | set(focus)
        keep = {a["id"] for a in net["actors"] if a["id"] in seen or set(a.get("ids", [])) & seen}
        net = {
            **net,
            "actors": [a for a in net["actors"] if a["id"] in keep],
            "edges": [e for e in net["edges"] if e["a"] in keep and e["b"] in keep],
        }
    net_actors = net["actors"][:NETWORK_LIMIT]
    shown = {a["id"] for a in net_actors}
    net_edges = [e for e in net["edges"] if e["a"] in shown and e["b"] in shown]
    # The occasions the drawn co-appearance edges stand for, named for their labels.
    shared = {x for e in net_edges for x in (e.get("coappearance") or {}).get("events", [])}
    occasions = {k: v["label"] for k, v in event_clusters_info(store, shared).items()}

    # Designations of everyone in scope: the actor and whoever it appeared or is tied with.
    scope: set[str] | None = None
    if actor is not None or only.active:
        scope = set()
        for e in tl["events"]:
            for p in e["participants"]:
                scope |= {p["actor"]} | by_actor.get(p["actor"], set())
        for a in net["actors"]:
            scope |= set(a.get("ids", [])) | {a["id"]}
        if prof is not None:
            scope |= set(prof["actor"]["ids"])
            scope |= {r["object"] for r in prof["roles"] if r.get("object")}
    designations = _designation_rows(store, scope, actor_clusters(store))

    # The strongest claim: every occasion and every relation, graded.
    claims = []
    for row in itinerary:
        who = head["name"] if head and row["role"] else None
        what = f"{who} took part in {row['label']}" if who else f"{row['label']} took place"
        when = (row["date"] or {}).get("text") or (row["date"] or {}).get("start")
        claims.append(
            {
                "claim": what + (f" ({when})" if when else ""),
                "grade": row["grade"],
                "evidence": row["evidence"][:1],
                "key": _strength(grader(row["evidence"], row["conflicts"])),
            }
        )
    subject = head["name"] if head else None
    for r in relations:
        if not r["evidence"]:
            continue
        g = grader(r["evidence"])
        words = str(r["predicate"]).replace("_", " ")
        claims.append(
            {
                "claim": " ".join(
                    str(x)
                    for x in (r.get("subject_name") or subject, words, r.get("object_name"))
                    if x
                ),
                "grade": g.to_json(),
                "evidence": r["evidence"][:1],
                "key": _strength(g),
            }
        )
    claims.sort(key=lambda c: c["key"])
    for c in claims:
        del c["key"]

    places: dict[str, dict[str, Any]] = {}
    for row in itinerary:
        p = row["place"] or {}
        if p.get("lat") is None or p.get("lon") is None:
            continue
        key = p.get("gazetteer_id") or p.get("name") or f"{p['lat']},{p['lon']}"
        entry = places.setdefault(key, {**p, "events": 0, "designated": False})
        entry["events"] += 1
        entry["designated"] = entry["designated"] or row["designated"]

    partners = _partners(prof, net_actors, designations, focus, kept)
    dates = [d for r in itinerary if r["date"] for d in (r["date"]["start"], r["date"]["end"]) if d]
    data = {
        "generated": dt.date.today().isoformat(),
        "actor": head,
        "filters": tl["filters"],
        "documents": docs,
        "period": {"first": min(dates) if dates else None, "last": max(dates) if dates else None},
        "itinerary": itinerary,
        "places": sorted(places.values(), key=lambda p: (-p["events"], p.get("name") or "")),
        "network": {
            "actors": net_actors,
            "edges": net_edges,
            "focus": focus,
            "occasions": occasions,
            "total_actors": len(net["actors"]),
            "total_edges": len(net["edges"]),
        },
        "partners": partners,
        "designations": designations,
        "claims": claims,
    }
    data["summary"] = summary(data)
    return data


def _partners(
    prof: dict[str, Any] | None,
    net_actors: list[dict[str, Any]],
    designations: list[dict[str, Any]],
    focus: list[str],
    occasions: set[str],
) -> dict[str, list[str]]:
    """Designated partners: listed or alias matches, and those the text only claims. A partner
    counts when it shared one of the brief's `occasions` (those the filters kept)."""
    listed: dict[str, None] = {}
    claimed: dict[str, None] = {}
    own = set(prof["actor"]["ids"]) if prof else set()
    own |= set(focus)
    if prof is not None:
        for p in prof["partners"]:
            if not set(p["events"]) & occasions:
                continue
            kinds = set(p["designated"])
            if kinds & set(LISTED_KINDS):
                listed[p["name"]] = None
            elif kinds & set(TEXT_KINDS):
                claimed[p["name"]] = None
        for r in prof["roles"]:
            kinds = set(r.get("object_designated") or [])
            if r.get("object_name") and kinds & set(LISTED_KINDS):
                listed[r["object_name"]] = None
            elif r.get("object_name") and kinds & set(TEXT_KINDS):
                claimed[r["object_name"]] = None
    for a in net_actors:
        if a["id"] in own or set(a.get("ids", [])) & own:
            continue
        marks = set(a.get("marks", []))
        if marks & set(LISTED_KINDS):
            listed[a["name"]] = None
        elif marks & set(TEXT_KINDS):
            claimed[a["name"]] = None
    if prof is None:
        for d in designations:
            if d["kind"] in LISTED_KINDS:
                listed[d["name"]] = None
            elif d["kind"] in TEXT_KINDS and d["name"] not in listed:
                claimed[d["name"]] = None
    for name in listed:
        claimed.pop(name, None)
    return {"listed": sorted(listed, key=str.lower), "claimed": sorted(claimed, key=str.lower)}


def _names(names: list[str], limit: int = 8) -> str:
    shown = names[:limit]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    if len(shown) <= 1:
        return "".join(shown) + more
    return ", ".join(shown[:-1]) + (" and " if not more else ", ") + shown[-1] + more


def summary(data: dict[str, Any]) -> str:
    """The summary paragraph, generated from the brief's numbers (plain text, unescaped)."""
    rows = data["itinerary"]
    n_events = len(rows)
    docs = {d for r in rows for d in r["documents"]}
    places = [p.get("name") for p in data["places"] if p.get("name")]
    period = data["period"]
    who = data["actor"]["name"] if data["actor"] else "The store"
    filters = data["filters"]
    scope = f" in {filters['country']}" if filters.get("country") else ""
    kept = [
        f"{what}: {' or '.join(filters[key])}"
        for key, what in (("types", "type"), ("roles", "role"))
        if filters.get(key)
    ]
    scope += f" ({'; '.join(kept)})" if kept else ""
    verb = "appears at" if data["actor"] else "reports"
    bits = [
        f"{who} {verb} {n_events} event occasion{'s' if n_events != 1 else ''}{scope}"
        f", reported in {len(docs)} document{'s' if len(docs) != 1 else ''}"
    ]
    if period["first"]:
        if period["first"] == period["last"]:
            bits[0] += f", on {period['first']}"
        else:
            bits[0] += f", between {period['first']} and {period['last']}"
    text = bits[0] + "."
    if places:
        counts = Counter({p["name"]: p["events"] for p in data["places"] if p.get("name")})
        top = [f"{name} ({n})" for name, n in counts.most_common(6)]
        text += f" Places: {len(places)} ({_names(top, 6)})."
    else:
        text += " No event was placed on the map."
    partners = data["partners"]
    label = "Designated partners" if data["actor"] else "Designated actors"
    if partners["listed"]:
        text += f" {label} (on a list, by name or alias): {_names(partners['listed'])}."
    else:
        text += f" {label} (on a list): none."
    if partners["claimed"]:
        text += f" The text only claims a front or a link for: {_names(partners['claimed'])}."
    if data["claims"]:
        best = data["claims"][0]
        g = best["grade"]
        text += (
            f" Strongest evidence: {best['claim']} — grade {g['grade']}, "
            f"{g['independent_sources']} independent source"
            f"{'s' if g['independent_sources'] != 1 else ''}."
        )
    return text


# --- rendering -----------------------------------------------------------------------------


def _when(d: dict[str, Any] | None) -> str:
    if not d:
        return "undated"
    start, end = d.get("start"), d.get("end")
    span = start if start == end else f"{start or '…'} – {end or '…'}"
    return f"{span} ({d.get('precision') or '?'})"


def _where(p: dict[str, Any] | None) -> str:
    if not p:
        return ""
    bits = [p.get("name"), p.get("admin1"), p.get("country")]
    return ", ".join(str(b) for b in bits if b)


def _doc_label(docs: dict[str, dict[str, Any]], doc_id: str) -> str:
    d = docs.get(doc_id) or {}
    title = d.get("title") or d.get("path") or doc_id
    return f"{title} [{doc_id}]"


def _pictures(data: dict[str, Any]) -> dict[str, str]:
    net = data["network"]
    return {
        "timeline": brief_svg.timeline_svg(data["itinerary"]),
        "map": brief_svg.map_svg(data["places"]),
        "network": brief_svg.network_svg(
            net["actors"], net["edges"], net["focus"], occasions=net.get("occasions")
        ),
    }


def _title(data: dict[str, Any]) -> str:
    if data["actor"]:
        return f"Brief: {data['actor']['name']}"
    country = data["filters"].get("country")
    return f"Brief: {country}" if country else "Brief: the whole store"


def _context(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "d": data,
        "title": _title(data),
        "when": _when,
        "where": _where,
        "doc": lambda i: _doc_label(data["documents"], i),
        "one_line": lambda s: " ".join(str(s or "").split()),
    }


def render_html(data: dict[str, Any]) -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(
        loader=PackageLoader("footprint.export", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Inline SVG needs no namespace declaration; dropping it leaves no URL in the page.
    pictures = {
        k: Markup(v.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1))
        for k, v in _pictures(data).items()
    }
    return env.get_template("brief.html.j2").render(pictures=pictures, **_context(data))


# Markdown reads only some characters as syntax; only those are escaped, so names such as
# "Jamaat-e-Islami (JI)" stay as written. Everywhere: backslash, code, emphasis, links and table
# cells get a backslash, and so does a tilde that could strike text through. "<" becomes "&lt;"
# (no renderer then sees HTML, not even one that ignores a backslash before it), and "&" becomes
# "&amp;" where it would start an entity. Underscores only where they could open or close
# emphasis (not inside a word). At the start of a line: headings, quotes, list items ("-", "+",
# "1.", "1)") and setext underlines.
_MD_ANYWHERE = re.compile(r"([\\`*\[\]|])")
_MD_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_MD_TILDE = re.compile(r"~(?=\S)|(?<=\S)~")  # " ~ " strikes nothing through
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_BLOCK = re.compile(r"^(?:[#>+=-]|\d+[.)])")


def md(text: object) -> str:
    """Article text made inert in Markdown, on one line, escaping only what Markdown reads."""
    line = " ".join(str(text or "").split())
    line = _MD_ENTITY.sub("&amp;", line).replace("<", "&lt;")
    line = _MD_ANYWHERE.sub(r"\\\1", line)
    line = _MD_UNDERSCORE.sub(r"\\_", line)
    line = _MD_TILDE.sub(r"\\~", line)
    start = _MD_BLOCK.match(line)
    if start:  # the marker's last character escaped: "\#", "\-", "2024\."
        at = start.end() - 1
        line = f"{line[:at]}\\{line[at:]}"
    return line


def render_markdown(data: dict[str, Any], picture_files: dict[str, str] | None) -> str:
    docs = data["documents"]
    out = [f"# {md(_title(data))}", "", f"*Generated {data['generated']} by footprint.*", ""]
    out += ["## Summary", "", md(data["summary"]), ""]
    out += ["## Pictures", ""]
    for key, caption in (("timeline", "Timeline"), ("map", "Map"), ("network", "Network")):
        if picture_files and key in picture_files:
            out.append(f"![{caption}]({picture_files[key]})")
        else:
            out.append(f"*{caption}: omitted (see the HTML brief).*")
        out.append("")
    out += ["## Itinerary", ""]
    if data["itinerary"]:
        out += [
            "| date | event | place | role | sources | grade | evidence | document |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for r in data["itinerary"]:
            ev = r["evidence"][0] if r["evidence"] else {}
            hedge = f" \\[{md(ev['attribution'])}\\]" if ev.get("attribution") else ""
            role = ", ".join(x for x in (r["role"], r["mode"]) if x and x != "unknown")
            out.append(
                f"| {md(_when(r['date']))} | {md(r['label'])} | {md(_where(r['place']))} | "
                f"{md(role)} | {len(r['documents'])} doc(s), {r['independent_sources']} indep. | "
                f"{r['grade']['grade']} | {md(ev.get('sentence', ''))}{hedge} | "
                f"{md(_doc_label(docs, ev.get('document', '')))} |"
            )
    else:
        out.append("No events.")
    out += ["", "## Designations", ""]
    if data["designations"]:
        out += [
            "| actor | kind | list | listed as | explanation | evidence | document |",
            "|---|---|---|---|---|---|---|",
        ]
        for d in data["designations"]:
            ev = d["evidence"]
            via = f" via {d['via']}" if d.get("via") else ""
            more = f" (+{len(d['also'])} more)" if d.get("also") else ""
            out.append(
                f"| {md(d['name'])} | {md(d['kind'].replace('_', ' ') + via)} | "
                f"{md(d['list'] + ' ' + d['program'])} | {md(d['listed_name'])} | "
                f"{md(d['explanation'])} | {md(ev.get('sentence', ''))} | "
                f"{md(_doc_label(docs, ev.get('document', '')) + more)} |"
            )
    else:
        out.append("No designations.")
    out += ["", "## Strongest evidence", ""]
    for c in data["claims"][:5]:
        ev = c["evidence"][0] if c["evidence"] else {}
        out.append(
            f"- **{c['grade']['grade']}** {md(c['claim'])}: “{md(ev.get('sentence', ''))}” "
            f"({md(_doc_label(docs, ev.get('document', '')))}; {md(c['grade']['reasoning'])})"
        )
    out.append("")
    return "\n".join(out)


def _write_atomic(path: Path, text: str) -> None:
    with atomic_file(path) as handle:
        handle.write(text)


def check_target(target: Path) -> None:
    if target.suffix.lower() not in SUFFIXES:
        raise FootprintError(
            f"cannot write a brief as '{target.suffix or target.name}': use .html or .md"
        )
    if target.is_dir():
        raise FootprintError(f"{target} is a folder")


def write_brief(data: dict[str, Any], target: Path) -> list[Path]:
    """Write the brief (atomically); for Markdown also its pictures beside it. Returns paths."""
    check_target(target)
    try:
        # The brief makes its folder (`brief -o reports/x.html` is expected to work); atomic.py
        # makes none, and `export` refuses a missing one.
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix.lower() == ".md":
            written = []
            files = {}
            for key, svg in _pictures(data).items():
                name = f"{target.stem}-{key}.svg"
                _write_atomic(target.parent / name, svg)
                written.append(target.parent / name)
                files[key] = name
            _write_atomic(target, render_markdown(data, files))
            return [target, *written]
        _write_atomic(target, render_html(data))
        return [target]
    except OSError as exc:
        raise FootprintError(f"cannot write {target}: {exc.strerror or exc}") from None
