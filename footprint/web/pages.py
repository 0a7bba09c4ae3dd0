"""The pages: search → actor → event → document reader, plus lists of events and documents and
the API's documentation page. Rendered on the server from the same dicts the API returns
(`views.py`, `reader.py`), by Jinja2 with autoescaping on: every string from the store is
escaped wherever it lands, in text or in an attribute. The only markup not escaped is the SVG of
the timeline and map, which escapes its own strings (`pictures.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from footprint import __version__
from footprint.store import StoreView
from footprint.web import pictures, views
from footprint.web.api import read, run_search
from footprint.web.errors import WebError
from footprint.web.evidence import actor_href, document_href, event_href, href_of, link_evidence
from footprint.web.params import Filters, blank, event_types, filters, roles
from footprint.web.reader import document_view

HERE = Path(__file__).resolve().parent
router = APIRouter(include_in_schema=False)
Checked = Annotated[Filters, Depends(filters)]
LIST_LIMIT = 200
# Itinerary rows drawn on an actor's page; the JSON and the filters give the rest.
STOPS_SHOWN = 200
_DICT_NAMES = frozenset(dir(dict))


class _Environment(Environment):
    # A template's `x.name` asks for an attribute first and then for the key; the views are
    # plain dicts, whose keys are never attributes, so every such read raised and caught an
    # AttributeError (thousands per actor page). Keys are read first here, except the names of
    # dict's own methods (`given.get`), which Jinja reads as the methods.
    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj and attribute not in _DICT_NAMES:
            return obj[attribute]
        return super().getattr(obj, attribute)


_env = _Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=True,  # every template is HTML
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _evidence_link(ev: dict[str, Any]) -> Any:
    """The reader link of an evidence dict a page shows: the `href` its view gave it, else made
    here (an actor's view comes unlinked). Undefined, as a missing `href` was, when it has no
    sentence to link to."""
    if "href" in ev:
        return ev["href"]
    href = href_of(ev)
    return _env.undefined(obj=ev, name="href") if href is None else href


_env.globals.update(
    evidence_link=_evidence_link,
    actor_href=actor_href,
    event_href=event_href,
    document_href=document_href,
    version=__version__,
    event_types=event_types,
    roles=roles,
)


def _when(d: dict[str, Any] | None) -> str:
    """'2024-03-01', '2024-03-01 – 2024-03-10', 'from 2023-09-01', 'until 2024-01-31', or ''
    (undated)."""
    if not d:
        return ""
    start, end = d.get("start"), d.get("end")
    if start and end:
        return str(start) if start == end else f"{start} – {end}"
    if start:
        return f"from {start}"
    return f"until {end}" if end else ""


def _where(p: dict[str, Any] | None) -> str:
    if not p:
        return ""
    return ", ".join(str(x) for x in (p.get("name"), p.get("admin1"), p.get("country")) if x)


def _words(value: Any) -> str:
    return str(value or "").replace("_", " ")


_env.filters.update(when=_when, where=_where, words=_words)


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    return HTMLResponse(_html(template, request.url.path, context), status_code=status)


def _html(template: str, path: str, context: dict[str, Any]) -> str:
    return _env.get_template(template).render(request_path=path, **context)


async def _whole_page(request: Request, job: Callable[..., str], *args: Any) -> HTMLResponse:
    """A page read and rendered in one go by `job(store, *args, path)`: in the server's page
    processes when it has them (`serve --page-processes`), else on a reader thread. Either
    way the event loop only passes the finished HTML on."""
    path = request.url.path
    processes = request.app.state.page_processes
    if processes is not None:
        html: str = await processes.run(job, *args, path)
    else:
        html = await read(request, lambda store: job(store, *args, path))
    return HTMLResponse(html)


def _query(pairs: list[tuple[str, str]]) -> str:
    return urlencode(pairs)


@router.get("/", response_class=HTMLResponse)
async def search_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
) -> HTMLResponse:
    text = blank(q)
    context: dict[str, Any] = {"q": text or "", "actors": [], "hits": [], "problem": None}
    if text:

        def found(store: StoreView) -> dict[str, Any]:
            out: dict[str, Any] = {"actors": views.find_actors(store, text, 30)["actors"]}
            try:
                out["hits"] = run_search(store, text, None, None, None, None, 20)["hits"]
            except WebError as exc:  # words the text search cannot use: say so, keep actors
                out["hits"], out["problem"] = [], exc.message
            return out

        context.update(await read(request, found))
    return render(request, "search.html.j2", context)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
async def actor_page(
    request: Request, actor_id: str, only: Checked, direct: bool = False
) -> HTMLResponse:
    return await _whole_page(request, actor_html, actor_id, only, direct)


def actor_html(store: StoreView, actor_id: str, only: Filters, direct: bool, path: str) -> str:
    view = views.actor_view(store, actor_id, only, direct, page=True)
    stops = view["itinerary"]
    network_query = _query([("around", actor_id), ("depth", "1"), ("top", "60"),
                            *only.query_pairs()])
    export_query = _query([("actor", actor_id), *only.query_pairs()])
    return _html(
        "actor.html.j2",
        path,
        {
            "view": view,
            "stops_shown": STOPS_SHOWN,
            "given": only.given,
            "direct": direct,
            "timeline_svg": pictures.timeline_picture(stops),
            "map_svg": pictures.map_picture(stops),
            "network_src": f"/api/network?{network_query}",
            "export_query": export_query,
        },
    )


@router.get("/events", response_class=HTMLResponse)
async def events_page(request: Request, only: Checked) -> HTMLResponse:
    from footprint.analysis.timeline import timeline

    def rows(store: StoreView) -> list[dict[str, Any]]:
        f = only.only
        found: list[dict[str, Any]] = timeline(
            store, country=f.country, since=f.since, until=f.until, types=f.types, roles=f.roles
        )["events"]
        return link_evidence(found)

    found = await read(request, rows)
    return render(
        request,
        "events.html.j2",
        {"events": found[:LIST_LIMIT], "total": len(found), "given": only.given},
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
async def event_page(request: Request, event_id: str) -> HTMLResponse:
    return await _whole_page(request, event_html, event_id)


def event_html(store: StoreView, event_id: str, path: str) -> str:
    return _html("event.html.j2", path, {"view": views.event_view(store, event_id)})


@router.get("/documents", response_class=HTMLResponse)
async def documents_page(
    request: Request, offset: Annotated[int, Query(ge=0)] = 0
) -> HTMLResponse:
    def page(store: StoreView) -> dict[str, Any]:
        return {
            "documents": store.document_page(LIST_LIMIT, offset),
            "total": store.table_sizes()["documents"],
        }

    found = await read(request, page)
    return render(
        request, "documents.html.j2", {**found, "offset": offset, "limit": LIST_LIMIT}
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
async def document_page(request: Request, document_id: str) -> HTMLResponse:
    return await _whole_page(request, document_html, document_id)


def document_html(store: StoreView, document_id: str, path: str) -> str:
    return _html("document.html.j2", path, {"view": document_view(store, document_id)})


@router.get("/api/docs", response_class=HTMLResponse)
async def api_docs(request: Request) -> HTMLResponse:
    return render(request, "api_docs.html.j2", {})


@router.get("/favicon.ico")
async def favicon() -> Response:
    return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")
