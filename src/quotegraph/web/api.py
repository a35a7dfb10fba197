"""The JSON API under ``/api/``.

Every answer is an envelope: ``{"ok": true, "data": ...}``, with ``"page": {"limit",
"offset", "next_offset"}`` beside the data of a list (``next_offset`` is ``null`` on the last
page), or ``{"ok": false, "error": ..., "status": ...}`` (see :mod:`quotegraph.web.app`).
Quotations use the field names of the JSON contract (``docs/spec``), plus their article and
the corpus ids of their speaker, addressee and cluster.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi import Path as PathParam

from ..store import QuoteFilters, browse, cluster, speaker
from ..store.query import MAX_LIMIT
from .deps import StoreDep, found

router = APIRouter(prefix="/api", tags=["api"])

# Bounds on what a client may send: longer values are refused (400), not truncated.
MAX_TEXT = 200
MAX_SEARCH = 500
MAX_ID = 2**62
MAX_OFFSET = 10_000_000

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Ident = Annotated[int | None, Query(ge=1, le=MAX_ID)]
Confidence = Annotated[float | None, Query(
    ge=0.0, le=1.0, description="Only records at least this likely to be right end to end.")]


def ok(data: Any, page: browse.Page | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"ok": True, "data": data}
    if page is not None:
        out["page"] = {"limit": page.limit, "offset": page.offset,
                       "next_offset": page.next_offset}
    return out


def paged(page: browse.Page) -> dict[str, Any]:
    return ok(page.rows, page)


@router.get("/stats", summary="Corpus figures")
def stats(store: StoreDep) -> dict[str, Any]:
    return ok(browse.figures(store))


@router.get("/articles", summary="Articles, newest first")
def articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return paged(browse.articles(store, limit, offset))


@router.get("/articles/{article_id:path}", summary="One article as the JSON contract gives it")
def article(store: StoreDep, article_id: Annotated[str, PathParam(max_length=MAX_TEXT)]
            ) -> dict[str, Any]:
    result = found(store.article_result(article_id), f"no article {article_id!r}")
    return ok(result)


def _filters(search: str | None, speaker: str | None, speaker_id: int | None,
             addressee: str | None, addressee_id: int | None, since: str | None,
             until: str | None, kind: str | None, manner: str | None, cluster: int | None,
             article: str | None, limit: int, offset: int,
             min_confidence: float | None = None) -> QuoteFilters:
    return QuoteFilters(speaker=speaker, speaker_id=speaker_id, addressee=addressee,
                        addressee_id=addressee_id, search=search, since=since, until=until,
                        kind=kind, manner=manner, cluster=cluster, article=article,
                        min_confidence=min_confidence, limit=limit, offset=offset)


@router.get("/quotations", summary="Quotations, filtered")
def quotations(store: StoreDep,
               q: Annotated[str | None, Query(max_length=MAX_SEARCH,
                                              description="Words that must all occur.")] = None,
               speaker: Text = None, speaker_id: Ident = None, addressee: Text = None,
               addressee_id: Ident = None, since: Text = None, until: Text = None,
               kind: Text = None, manner: Text = None, cluster: Ident = None,
               article: Text = None, min_confidence: Confidence = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """In date order (undated first), or newest first when ``q`` searches."""
    f = _filters(q, speaker, speaker_id, addressee, addressee_id, since, until, kind, manner,
                 cluster, article, limit, offset, min_confidence)
    return paged(browse.quotation_page(store, f))


@router.get("/search", summary="Full-text search over quotations and speaker names")
def search(store: StoreDep,
           q: Annotated[str, Query(min_length=1, max_length=MAX_SEARCH)],
           speaker: Text = None, addressee: Text = None, since: Text = None,
           until: Text = None, kind: Text = None, manner: Text = None,
           min_confidence: Confidence = None, limit: Limit = 50,
           offset: Offset = 0) -> dict[str, Any]:
    """Newest first; ``q`` must hold at least one word."""
    f = _filters(q, speaker, None, addressee, None, since, until, kind, manner, None, None,
                 limit, offset, min_confidence)
    return paged(browse.quotation_page(store, f))


@router.get("/speakers", summary="Speakers, most quoted first")
def speakers(store: StoreDep, type: Text = None, limit: Limit = 50,
             offset: Offset = 0) -> dict[str, Any]:
    return paged(browse.speaker_list(store, type, limit, offset))


@router.get("/speakers/{speaker_id}", summary="A speaker, their aliases and profile")
def speaker_detail(store: StoreDep,
                   speaker_id: Annotated[int, PathParam(ge=1, le=MAX_ID)]
                   ) -> dict[str, Any]:
    record = found(speaker(store, speaker_id), f"no speaker {speaker_id}")
    return ok({**record, **browse.profile(store, speaker_id)})


@router.get("/clusters", summary="Quotations reported by several articles")
def clusters(store: StoreDep,
             min_articles: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 2,
             limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return paged(browse.clusters(store, min_articles, limit, offset))


@router.get("/clusters/{cluster_id}", summary="A cluster and its occurrences, earliest first")
def cluster_detail(store: StoreDep,
                   cluster_id: Annotated[int, PathParam(ge=1, le=MAX_ID)],
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    record = found(cluster(store, cluster_id), f"no cluster {cluster_id}")
    page = browse.occurrences(store, cluster_id, limit, offset)
    return ok({**record, "occurrences": page.rows}, page)
