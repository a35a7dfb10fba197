"""What every route needs: the request's read-only store and template rendering."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..store import Store

T = TypeVar("T")


class Stores:
    """A small pool of read-only connections, each used by one request at a time (a SQLite
    connection must not serve two threads at once). The pool's size bounds the memory the
    connections' page caches take, however many server threads there are."""

    def __init__(self, path: str | Path, timeout_ms: int, size: int = 4) -> None:
        self.path = str(path)
        self.timeout_ms = timeout_ms
        self.size = size
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        Store.open(self.path, readonly=True).close()  # fail now, not at the first request

    @contextmanager
    def connection(self) -> Iterator[Store]:
        store = self._take()
        try:
            yield store
        finally:
            self._idle.put(store)

    def _take(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if len(self._all) < self.size:
                store = Store.open(self.path, readonly=True, timeout_ms=self.timeout_ms)
                self._all.append(store)
                return store
        return self._idle.get()  # all busy: wait for one

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


def _store(request: Request) -> Iterator[Store]:
    stores: Stores = request.app.state.stores
    with stores.connection() as store:
        yield store


# A route's read-only connection, taken from the pool for the request and given back after.
StoreDep = Annotated[Store, Depends(_store)]


def render(request: Request, template: str, context: dict[str, Any]) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context)


def found(value: T | None, message: str) -> T:
    """``value``, or a 404 saying ``message`` when there is none."""
    if value is None:
        raise HTTPException(404, message)
    return value
