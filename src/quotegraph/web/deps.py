"""What every route needs: the request's read-only store and template rendering."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, TypeVar

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..store import Store

T = TypeVar("T")


class Stores:
    """One read-only connection per server thread (a SQLite connection must not be used
    by two threads at once)."""

    def __init__(self, path: str | Path, timeout_ms: int) -> None:
        self.path = str(path)
        self.timeout_ms = timeout_ms
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        Store.open(self.path, readonly=True).close()  # fail now, not at the first request

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.path, readonly=True, timeout_ms=self.timeout_ms)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


def render(request: Request, template: str, context: dict[str, Any]) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context)


def store_of(request: Request) -> Store:
    stores: Stores = request.app.state.stores
    return stores.get()


def found(value: T | None, message: str) -> T:
    """``value``, or a 404 saying ``message`` when there is none."""
    if value is None:
        raise HTTPException(404, message)
    return value
