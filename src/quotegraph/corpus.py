"""Ingest a corpus: extraction in a pool of worker processes, one writer into the store.

An adapter around :func:`quotegraph.pipeline.extract_article` and :mod:`quotegraph.store`,
which knows nothing of NLP. Articles flow in batches: the next two batches are extracted
while the writer stores the oldest, so at most three batches are in memory whatever the
corpus size.
Each batch is one transaction; articles already stored (by id) are not extracted again, so
a re-run after a crash, even a SIGKILL, finishes the work and ends with the same database.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from multiprocessing.pool import AsyncResult, Pool

from .errors import InputError
from .ingest import article_from_text
from .pipeline import extract_article
from .records import Article
from .store import PreparedArticle, Store, prepare

DEFAULT_BATCH = 200
# Below this many articles to extract, a batch runs in this process: starting workers
# costs more than it saves.
_POOL_MIN = 16
# Batches in the pool while the writer stores the oldest one. With one, the workers idled
# whenever they finished a batch before the writer had stored the last (1.88 of 2 cores
# busy with 2 workers); with two they always have the next batch queued (1.94).
_AHEAD = 2


@dataclass(slots=True)
class IngestStats:
    """Running totals of one ingest."""

    articles: int = 0  # stored by this run
    skipped: int = 0  # already in the store, or given twice
    quotations: int = 0
    errors: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        """Articles read per second (stored or skipped)."""
        return (self.articles + self.skipped) / max(self.seconds, 1e-9)


def _start_worker() -> None:
    """Ready a worker process: one small article loads the lexicons and models, then
    everything loaded so far leaves the garbage collector's sight (``gc.freeze``). Those
    tables live as long as the process, and each full collection would walk them again:
    3% of a worker's instructions."""
    try:
        extract_article(article_from_text("“We are ready,” Ada Moss said."))
    except Exception:  # a pool whose initializer raises restarts its workers forever;
        return  # work() reports whatever is wrong, article by article
    gc.freeze()


def work(article: Article, min_confidence: float | None = None) -> PreparedArticle | str:
    """Extract and prepare one article (records under ``min_confidence`` left out; None:
    the model's own default); a failure is returned as its message, never raised (one bad
    article must not take its batch down)."""
    try:
        return prepare(extract_article(article, min_confidence=min_confidence).to_dict())
    except Exception as exc:  # any failure of one article is reported, never raised
        where = article.source or article.id
        return f"{where}: extraction failed ({type(exc).__name__}: {exc})"


def ingest(items: Iterable[Article | InputError], store: Store, *, workers: int | None = None,
           batch_size: int = DEFAULT_BATCH, on_error: Callable[[str], None] = lambda m: None,
           on_batch: Callable[[IngestStats], None] = lambda s: None,
           min_confidence: float | None = None) -> IngestStats:
    """Extract and store every article of ``items``; report each bad item to ``on_error``
    and the totals after each batch to ``on_batch``. ``min_confidence``: records less likely
    than this to be right are not stored (None: extraction's default)."""
    stats = IngestStats()
    task = partial(work, min_confidence=min_confidence)
    n = max(1, workers if workers is not None else (os.cpu_count() or 1))
    pool: Pool | None = None
    # batches handed to the pool and not stored yet, oldest first
    pending: deque[tuple[list[Article], AsyncResult[list[PreparedArticle | str]] | None]] = \
        deque()
    try:
        for batch in _batches(items, batch_size):
            todo = _to_extract(batch, store, stats, on_error)
            if pool is None and n > 1 and len(todo) >= _POOL_MIN:
                pool = multiprocessing.get_context("spawn").Pool(n, initializer=_start_worker)
            job = pool.map_async(task, todo, chunksize=max(1, len(todo) // (4 * n))) \
                if pool is not None else None
            pending.append((todo, job))
            if len(pending) > _AHEAD:
                _store(pending.popleft(), store, stats, on_error, task)
                on_batch(stats)
        while pending:
            _store(pending.popleft(), store, stats, on_error, task)
            on_batch(stats)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    store.optimize()
    return stats


def _batches(items: Iterable[Article | InputError], size: int,
             ) -> Iterator[list[Article | InputError]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _to_extract(batch: list[Article | InputError], store: Store, stats: IngestStats,
                on_error: Callable[[str], None]) -> list[Article]:
    """The articles of a batch that are not stored yet (and not twice in it)."""
    articles: list[Article] = []
    for item in batch:
        if isinstance(item, InputError):
            stats.errors += 1
            on_error(str(item))
        else:
            articles.append(item)
    known = store.known(a.id for a in articles)
    out: list[Article] = []
    for a in articles:
        if a.id in known:
            stats.skipped += 1
        else:
            known.add(a.id)
            out.append(a)
    return out


def _store(pending: tuple[list[Article], AsyncResult[list[PreparedArticle | str]] | None],
           store: Store, stats: IngestStats, on_error: Callable[[str], None],
           task: Callable[[Article], PreparedArticle | str] = work) -> None:
    todo, job = pending
    results = job.get() if job is not None else [task(a) for a in todo]
    good: list[PreparedArticle] = []
    for r in results:
        if isinstance(r, str):
            stats.errors += 1
            on_error(r)
        else:
            good.append(r)
    written = store.write_batch(good)
    stats.articles += written.articles
    stats.skipped += written.skipped
    stats.quotations += written.quotations
