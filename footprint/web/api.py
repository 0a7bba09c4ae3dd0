"""The HTTP API under `/api`: JSON answers built by the same functions as the commands (the
library API's dicts), each evidence dict with `href` to the document reader at its sentence.

Reads run on the reader threads, writes on the writer thread (`stores.py`); writes need the
server's bearer token (`auth.py`). Errors are `{"error": message, "status": code, "fields":
[{"field", "message"}]?}`; a bad parameter is 422 naming it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, Response, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from footprint.errors import FootprintError
from footprint.store import StoreView
from footprint.web import downloads, networks, views, writes
from footprint.web.auth import require_writer
from footprint.web.errors import WebError, bad_parameter
from footprint.web.evidence import document_href, link_evidence
from footprint.web.match import MatchRequest
from footprint.web.params import Filters, blank, filters, parse_country, parse_date
from footprint.web.reader import document_view

T = TypeVar("T")
router = APIRouter(prefix="/api")
Checked = Annotated[Filters, Depends(filters)]
Writer = Depends(require_writer)
SEARCH_LIMIT = 200


async def read(request: Request, fn: Callable[[StoreView], T]) -> T:
    result: T = await request.app.state.readers.run(fn)
    return result


async def write(
    request: Request, job: Callable[..., T], *args: Any, coalesce: bool = False
) -> T:
    """Run a job of `writes.py` in the writer process: `job(store, settings, *args)`."""
    result: T = await request.app.state.writer.run(job, *args, coalesce=coalesce)
    return result


# -- the store ------------------------------------------------------------------------------------


@router.get("/status", summary="The store this server reads, its size, and whether it writes")
async def status(request: Request) -> dict[str, Any]:
    writes_on = request.app.state.token is not None
    return await read(request, lambda store: views.status(store, writes_on))


# -- actors ---------------------------------------------------------------------------------------


@router.get("/actors", summary="Actors (people, organisations) by a piece of any spelling")
async def actors(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Part of a name.")],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    return await read(request, lambda store: views.find_actors(store, q, limit))


@router.get(
    "/actors/{actor_id}",
    summary="An actor's profile: itinerary, places, partners, roles, designations",
    description="An organisation's itinerary is rolled up through the people tied to it "
    "(each such stop says `via` whom) unless `direct`; `designated_as_of` on each stop gives "
    "the actor's designations in force at that occasion.",
)
async def actor(
    request: Request,
    actor_id: Annotated[str, Path(description="The actor's id (ent-...).")],
    only: Checked,
    direct: bool = False,
) -> dict[str, Any]:
    return await read(request, lambda store: views.actor_view(store, actor_id, only, direct))


# -- events ---------------------------------------------------------------------------------------


def _timeline(store: StoreView, actor: str | None, only: Filters, direct: bool) -> dict[str, Any]:
    from footprint.analysis.timeline import timeline

    name = views.actor_name(store, actor) if actor else None
    f = only.only
    answer = timeline(
        store, actor=name, country=f.country, since=f.since, until=f.until, types=f.types,
        roles=f.roles, direct=direct,
    )
    return link_evidence(answer)


@router.get("/events", summary="Occasions in time order, a page at a time")
async def events(
    request: Request,
    only: Checked,
    actor: Annotated[str | None, Query(description="Only this actor's (id or name).")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    answer = await read(request, lambda store: _timeline(store, blank(actor), only, False))
    rows = answer["events"]
    return {
        "filters": answer["filters"],
        "total": len(rows),
        "offset": offset,
        "events": rows[offset : offset + limit],
    }


@router.get(
    "/events/{event_id}",
    summary="One occasion: date, place, participants with roles and modes, sources, support",
)
async def event(
    request: Request, event_id: Annotated[str, Path(description="The occasion's id.")]
) -> dict[str, Any]:
    return await read(request, lambda store: views.event_view(store, event_id))


@router.get("/timeline", summary="`footprint timeline`: occasions in time order")
async def timeline(
    request: Request,
    only: Checked,
    actor: Annotated[str | None, Query(description="An actor's id or name.")] = None,
    direct: bool = False,
) -> dict[str, Any]:
    return await read(request, lambda store: _timeline(store, blank(actor), only, direct))


# -- documents ------------------------------------------------------------------------------------


@router.get("/documents", summary="Stored documents, newest first, a page at a time")
async def documents(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    def page(store: StoreView) -> dict[str, Any]:
        rows = store.document_page(limit, offset)
        return {
            "total": store.table_sizes()["documents"],
            "offset": offset,
            "documents": [dataclasses.asdict(r) for r in rows],
        }

    return await read(request, page)


@router.get(
    "/documents/{document_id}",
    summary="A document's text with every claim read from it and its evidence spans",
)
async def document(
    request: Request, document_id: Annotated[str, Path(description="The document's id.")]
) -> dict[str, Any]:
    answer = await read(request, lambda store: document_view(store, document_id))
    return {k: answer[k] for k in ("document", "text", "claims", "counts")}


# -- the graph ------------------------------------------------------------------------------------


@router.get("/network", summary="The actor network, or one actor's ego network")
async def network(
    request: Request,
    only: Checked,
    around: Annotated[str | None, Query(description="An actor's id or name.")] = None,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    kind: Annotated[str, Query(pattern="^(coappearance|affiliation|all)$")] = "all",
    top: Annotated[int, Query(ge=1, le=500, description="Most central actors kept.")] = 100,
    evidence: Annotated[
        int,
        Query(
            ge=1,
            le=1000,
            description="Evidence sentences kept per edge and kind (the first ones; "
            "`evidence_total` says how many there are).",
        ),
    ] = networks.EVIDENCE_PER_EDGE,
) -> dict[str, Any]:
    graphs: networks.Graphs = request.app.state.graphs

    def answer(store: StoreView) -> dict[str, Any]:
        wanted = blank(around)
        centre = None
        if wanted:
            name = views.actor_name(store, wanted, "around")
            ids = [wanted] if store.entities([wanted]) else store.entity_ids_named(name)
            centre = sorted(set(store.cluster_of(ids).values()))
        whole, stale = graphs.graph(store, kind, only.only)
        # Its edges are shared with other requests (made once per graph, evidence linked).
        return networks.answer(
            whole, stale, kind, only.only, centre, wanted, depth, top, evidence
        )

    return await read(request, answer)


@router.get("/path", summary="The shortest evidenced chains between two actors")
async def path(
    request: Request,
    a: Annotated[str, Query(min_length=1, description="An actor's id or name.")],
    b: Annotated[str, Query(min_length=1, description="Another actor's id or name.")],
    limit: Annotated[int, Query(ge=1, le=20)] = 3,
) -> dict[str, Any]:
    from footprint.analysis.network import find_paths

    def answer(store: StoreView) -> dict[str, Any]:
        found = find_paths(store, views.actor_name(store, a, "a"), views.actor_name(store, b, "b"),
                           limit=limit)
        return link_evidence(found)

    return await read(request, answer)


# -- search ---------------------------------------------------------------------------------------


def run_search(
    store: StoreView, q: str, actor: str | None, country: str | None, since: Any, until: Any,
    limit: int,
) -> dict[str, Any]:
    from footprint.cli.search import find
    from footprint.store.search import parse_query

    try:
        parse_query(q)
    except FootprintError as exc:
        raise bad_parameter("q", str(exc)) from None
    name = views.actor_name(store, actor) if actor else None
    answer, hits = find(store, q, actor=name, country=country, since=since, until=until,
                        limit=limit)
    for shown, hit in zip(answer["hits"], hits, strict=True):
        shown["href"] = document_href(hit.document_id)
        # The snippet in pieces, each saying whether it matched: what a page marks up.
        shown["parts"] = [[piece, matched] for piece, matched in hit.parts]
    return answer


@router.get("/search", summary="Full-text search of the stored texts, best first")
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words, "a phrase", '
                            "a or b, -word.")],
    actor: Annotated[str | None, Query(description="Only documents mentioning this actor.")] = None,
    country: Annotated[str | None, Query(description="ISO code or name.")] = None,
    since: Annotated[str | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, Query(ge=1, le=SEARCH_LIMIT)] = 20,
) -> dict[str, Any]:
    start, end = parse_date("since", since), parse_date("until", until)
    code = parse_country(country)
    return await read(
        request, lambda store: run_search(store, q, blank(actor), code, start, end, limit)
    )


# -- exports --------------------------------------------------------------------------------------


@router.get(
    "/export/{fmt}",
    summary="Download the store, or one actor's part of it, in an export format",
    description="ftm, stix, graphml, gexf, geojson or csv (a zip of the tables).",
    response_class=Response,
)
async def export(
    request: Request,
    fmt: Annotated[str, Path(description="ftm, stix, graphml, gexf, geojson or csv.")],
    only: Checked,
    actor: Annotated[str | None, Query(description="An actor's id or name.")] = None,
    tlp: Annotated[str | None, Query(description="stix only: clear, green, amber or red.")] = None,
) -> Response:
    def build(store: StoreView) -> downloads.Download:
        wanted = blank(actor)
        name = views.actor_name(store, wanted) if wanted else None
        return downloads.export(store, fmt, name, only, blank(tlp))

    made = await read(request, build)
    return Response(
        made.body,
        media_type=made.media_type,
        headers={"Content-Disposition": f'attachment; filename="{made.filename}"'},
    )


# -- screening ------------------------------------------------------------------------------------


@router.post(
    "/match",
    summary="Screen many names against the designation lists (as yente's /match)",
    description="Each query: `schema` (Person, Organization, ...) and `properties` (`name`, "
    "`birthDate`, `nationality`, `country`), or the flat fields `name`, `type`, `birth_date`, "
    "`nationality`, `country`. Each response: candidates with score, whether the match is "
    "asserted (`match`), list, listing date and the reasons.",
)
async def match(
    request: Request,
    body: MatchRequest,
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = 0.5,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> dict[str, Any]:
    screening = request.app.state.screening
    return await read(request, lambda _store: screening.match(body, threshold, limit))


# -- writes ---------------------------------------------------------------------------------------


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(..., min_length=1, description="The document's text (English).")
    title: str | None = Field(None, max_length=1000)
    author: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    url: str | None = Field(None, max_length=4000)
    id: str | None = Field(None, max_length=300, description="Default: a hash of the text.")


def _ingested(answer: dict[str, Any], response: Response) -> dict[str, Any]:
    """201 when something was stored, 200 when all of it was stored before, 422 (with the
    reasons) when nothing could be."""
    if answer["stored"]:
        response.status_code = 201
        return answer
    if answer["rejected"] and not (answer["already_stored"] or answer["exact_duplicates"]):
        reasons = "; ".join(f"{r['source']}: {r['reason']}" for r in answer["rejected"][:5])
        raise WebError(422, f"nothing stored: {reasons}", "text")
    response.status_code = 200
    return answer


@router.post(
    "/documents",
    summary="Ingest one document given as JSON (needs the token)",
    status_code=201,
    dependencies=[Writer],
)
async def ingest_json(request: Request, body: DocumentIn, response: Response) -> dict[str, Any]:
    if body.published is not None:
        parse_date("published", body.published)
    settings = request.app.state.settings
    record = body.model_dump(exclude_none=True)
    inputs = writes.documents_from_json(record, settings.max_text_bytes)
    answer = await write(request, writes.ingest, inputs, coalesce=True)
    return _ingested(answer, response)


@router.post(
    "/documents/upload",
    summary="Ingest an uploaded .txt, .html or .jsonl file (needs the token)",
    status_code=201,
    dependencies=[Writer],
)
async def ingest_upload(
    request: Request,
    response: Response,
    file: Annotated[UploadFile, File(description=".txt, .html or .jsonl")],
    published: Annotated[str | None, Form(description="YYYY-MM-DD for texts without one")] = None,
) -> dict[str, Any]:
    day = parse_date("published", published)
    settings = request.app.state.settings
    raw = await file.read()
    inputs = writes.documents_from_upload(
        file.filename or "upload.txt", raw, day.isoformat() if day else None,
        settings.max_text_bytes,
    )
    answer = await write(request, writes.ingest, inputs, coalesce=True)
    return _ingested(answer, response)


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    a: str = Field(..., min_length=1, description="An entity id or name.")
    b: str = Field(..., min_length=1, description="Another: the same actor.")


class SplitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entity: str = Field(..., min_length=1, description="An entity id or name to stand alone.")


class RatingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str = Field(..., min_length=1, max_length=500, description="Host, author or path.")
    reliability: str = Field(..., pattern="^[A-Fa-f]$", description="A (reliable) ... F.")


@router.post("/merge", summary="Judge two entities one actor (needs the token)",
             dependencies=[Writer])
async def merge(request: Request, body: MergeIn) -> dict[str, Any]:
    return await write(request, writes.merge, body.a, body.b)


@router.post("/split", summary="Take an entity out of its actor (needs the token)",
             dependencies=[Writer])
async def split(request: Request, body: SplitIn) -> dict[str, Any]:
    return await write(request, writes.split, body.entity)


@router.get("/sources", summary="The source ratings")
async def sources(request: Request) -> dict[str, Any]:
    ratings = await read(request, lambda store: store.source_ratings())
    return {"ratings": [{"source": s, "reliability": g} for s, g in sorted(ratings.items())]}


@router.post("/sources", summary="Rate a source A-F (needs the token)", dependencies=[Writer])
async def rate(request: Request, body: RatingIn) -> dict[str, Any]:
    return await write(request, writes.rate, body.source, body.reliability)
