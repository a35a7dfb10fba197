"""The web application: HTML pages and the JSON API over one corpus database.

``create_app(db)`` builds a FastAPI app that only reads: each request borrows one of a small
pool of read-only connections with a per-statement time limit, so a slow query fails alone
(503) and nothing the browser sends can write. Pages are Jinja2 templates with autoescaping,
so every piece of article text reaches the browser as text; filters reach SQL as bound
parameters.

Errors: under ``/api/`` every failure is the envelope ``{"ok": false, "error": ..., "status":
...}``; pages show an error page with the same status.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from ..errors import QueryError, StoreError
from . import api, pages
from .deps import Stores
from .present import article_label, colour

HERE = Path(__file__).parent
DEFAULT_TIMEOUT_MS = 2000
HTMX = "vendor/htmx-2.0.11.min.js"


def create_app(db: str | Path, *, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> FastAPI:
    """The quotegraph web app over the database at ``db`` (which must exist)."""
    stores = Stores(db, timeout_ms)
    app = FastAPI(title="quotegraph", version=_version(),
                  description="Who said what, to whom, how and when: quotations extracted "
                              "from news text, their speakers and addressees.",
                  # the stock docs pages load their scripts from a CDN; ours (pages.api_docs)
                  # are plain HTML made from the same OpenAPI document, and work offline
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.stores = stores
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(colour=colour, htmx=HTMX)
    templates.env.filters["label"] = article_label
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _error_handlers(app)
    app.router.add_event_handler("shutdown", stores.close)
    return app


def _version() -> str:
    try:
        return metadata.version("quotegraph")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


# -- errors -------------------------------------------------------------------------------
def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_response(request: Request, status: int, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def _error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return error_response(request, exc.status_code, message)

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 400, _validation_message(exc))

    async def bad_query(request: Request, exc: Exception) -> Response:
        return error_response(request, 400, str(exc))

    async def store_error(request: Request, exc: Exception) -> Response:
        if "interrupted" in str(exc):
            limit = request.app.state.stores.timeout_ms
            return error_response(request, 503, f"the query ran past its {limit} ms limit")
        return error_response(request, 500, str(exc))

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(QueryError, bad_query)
    app.add_exception_handler(StoreError, store_error)
