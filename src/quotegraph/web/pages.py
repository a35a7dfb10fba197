"""The HTML pages: home, search, speakers, articles, clusters.

Each route gathers its data from :mod:`quotegraph.store.browse` and the pure helpers of
:mod:`quotegraph.web.present`, then renders one template. The search page answers htmx
requests (``HX-Request``) with only its results, so filtering and paging swap the list in
place while the URL stays shareable.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Final

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse

from ..errors import QueryError
from ..store import QuoteFilters, browse, cluster, speaker
from ..store.query import KINDS, MANNERS, MAX_LIMIT
from .api import MAX_ID, MAX_OFFSET, MAX_SEARCH, MAX_TEXT
from .deps import StoreDep, found, render
from .present import conversation, endpoints, marked, segments, timeline

router = APIRouter(include_in_schema=False)

PAGE = 25
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
#: The confidence floors the search form offers ("" shows every stored record: extraction
#: has already left out the indirect records under the model's own threshold).
CONFIDENCES: Final = ("0.5", "0.8", "0.9")


def _confidence(raw: str | None) -> float | None:
    """The form's minimum confidence, or a QueryError naming what is wrong with it."""
    if raw is None or not raw.strip():
        return None
    try:
        value = float(raw)
    except ValueError:
        raise QueryError(f"min_confidence must be a number from 0 to 1, not {raw!r}") from None
    if not 0.0 <= value <= 1.0:
        raise QueryError(f"min_confidence must be between 0 and 1, not {value}")
    return value


def _blank_to_none(value: str | None) -> str | None:
    # an empty form field means "no filter", not "match the empty string"
    return value.strip() or None if value is not None else None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "home.html", {
        "figures": browse.figures(store),
        "speakers": browse.speaker_list(store, limit=15).rows,
        "articles": browse.articles(store, limit=10).rows,
        "clusters": browse.clusters(store, limit=8).rows,
    })


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep,
           q: Annotated[str | None, Query(max_length=MAX_SEARCH)] = None,
           speaker: Text = None, addressee: Text = None, since: Text = None,
           until: Text = None, kind: Text = None, manner: Text = None,
           min_confidence: Text = None, offset: Offset = 0) -> HTMLResponse:
    form = {"q": q or "", "speaker": speaker or "", "addressee": addressee or "",
            "since": since or "", "until": until or "", "kind": kind or "",
            "manner": manner or "", "min_confidence": min_confidence or ""}
    f = QuoteFilters(search=_blank_to_none(q), speaker=_blank_to_none(speaker),
                     addressee=_blank_to_none(addressee), since=_blank_to_none(since),
                     until=_blank_to_none(until), kind=_blank_to_none(kind),
                     manner=_blank_to_none(manner), limit=PAGE, offset=offset)
    context: dict[str, Any] = {"form": form, "kinds": KINDS, "manners": MANNERS,
                               "confidences": CONFIDENCES, "error": None, "page": None,
                               "marked": marked}
    status = 200
    try:
        f = replace(f, min_confidence=_confidence(min_confidence))
        context["page"] = browse.quotation_page(store, f)
    except QueryError as exc:
        context["error"] = str(exc)
        status = 400
    partial = request.headers.get("HX-Request") == "true"
    response = render(request, "results.html" if partial else "search.html", context)
    response.status_code = status
    return response


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    page = browse.speaker_list(store, limit=50, offset=offset)
    return render(request, "speakers.html", {"page": page})


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker_page(request: Request, store: StoreDep,
                 speaker_id: Annotated[int, PathParam(ge=1, le=MAX_ID)],
                 offset: Offset = 0) -> HTMLResponse:
    record = found(speaker(store, speaker_id), f"no speaker {speaker_id}")
    profile = browse.profile(store, speaker_id)
    quotes = browse.quotation_page(store, QuoteFilters(speaker_id=speaker_id, limit=PAGE,
                                                       offset=offset))
    return render(request, "speaker.html", {
        "speaker": record, "profile": profile, "timeline": timeline(profile["timeline"]),
        "page": quotes, "manner_total": sum(m["quotations"] for m in profile["manners"]),
    })


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    page = browse.articles(store, limit=50, offset=offset)
    return render(request, "articles.html", {"page": page})


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep,
                 article_id: Annotated[str, PathParam(max_length=MAX_TEXT)]) -> HTMLResponse:
    row = found(store.article(article_id), f"no article {article_id!r}")
    # the records add corpus ids (speaker pages, clusters) to the contract's quotations
    page = browse.quotation_page(store, QuoteFilters(article=article_id, limit=MAX_LIMIT))
    quotes, text = page.rows, row["text"]
    return render(request, "article.html", {
        "article": row, "text": text, "quotes": quotes,
        "segments": segments(len(text), [q["spans"] for q in quotes]),
        "talk": conversation(quotes),
        "shown_all": page.next_offset is None,
    })


@router.get("/clusters", response_class=HTMLResponse)
def clusters(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    page = browse.clusters(store, limit=50, offset=offset)
    return render(request, "clusters.html", {"page": page})


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, store: StoreDep,
                 cluster_id: Annotated[int, PathParam(ge=1, le=MAX_ID)],
                 offset: Offset = 0) -> HTMLResponse:
    record = found(cluster(store, cluster_id), f"no cluster {cluster_id}")
    page = browse.occurrences(store, cluster_id, limit=PAGE, offset=offset)
    return render(request, "cluster.html", {"cluster": record, "page": page})


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    return render(request, "api_docs.html", {"endpoints": endpoints(schema),
                                             "version": schema.get("openapi", "")})
