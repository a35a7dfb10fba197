"""Read-only views of the corpus for the browser UI and the JSON API: corpus figures, lists
of articles and clusters, a speaker's profile, a cluster's occurrences.

Like :mod:`quotegraph.store.query`, each view is SQL with bound parameters run through
:meth:`Store.rows`; nothing here writes. Pagination everywhere is ``limit``/``offset``, with
one more row fetched than asked so callers know whether a next page exists without a count
of every match.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import QueryError
from .db import Store
from .query import QuoteFilters, check_page, quote_records, quotes_sql, speakers_sql

# A speaker's profile lists at most this many counterparts and articles: a page, not a dump.
PROFILE_ROWS = 50


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows, and the offset of the next page (``None`` on the last)."""

    rows: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None


def page(store: Store, sql: str, params: list[Any], limit: int, offset: int) -> Page:
    """Run ``sql`` (which must end in ``LIMIT ? OFFSET ?``) for one page."""
    check_page(limit, offset)
    rows = store.rows(sql, [*params, limit + 1, offset])
    more = len(rows) > limit
    return Page(rows[:limit], limit, offset, offset + limit if more else None)


def figures(store: Store) -> dict[str, Any]:
    """The corpus at a glance: counts and the span of article dates."""
    out: dict[str, Any] = dict(store.counts())
    first, last = store.conn.execute(
        "SELECT min(date), max(date) FROM articles").fetchone()
    out["first_date"] = first
    out["last_date"] = last
    return out


ARTICLES_SQL = (
    "SELECT a.id, a.source, a.date, a.title, "
    "(SELECT count(*) FROM quotations q WHERE q.article_pk = a.pk) AS quotations "
    "FROM articles a ORDER BY a.date DESC, a.pk DESC LIMIT ? OFFSET ?")


def articles(store: Store, limit: int = 50, offset: int = 0) -> Page:
    """Articles, newest first."""
    return page(store, ARTICLES_SQL, [], limit, offset)


def speaker_list(store: Store, etype: str | None = None, limit: int = 50,
                 offset: int = 0) -> Page:
    """Speakers by number of quotations, most quoted first."""
    sql, params = speakers_sql(etype)
    return page(store, sql, params, limit, offset)


CLUSTERS_SQL = (
    "SELECT c.id, c.text, c.size, c.articles, c.first_date, a.id AS first_article "
    "FROM clusters c LEFT JOIN articles a ON a.pk = c.first_article_pk "
    "WHERE c.articles >= ? ORDER BY c.articles DESC, c.size DESC, c.id LIMIT ? OFFSET ?")


def clusters(store: Store, min_articles: int = 2, limit: int = 50, offset: int = 0) -> Page:
    """Clusters reported by at least ``min_articles`` articles, most reported first."""
    if min_articles < 1:
        raise QueryError(f"min_articles must be at least 1, not {min_articles}")
    return page(store, CLUSTERS_SQL, [min_articles], limit, offset)


OCCURRENCES_SQL = (
    "SELECT q.*, a.id AS article_id, a.source AS article_source, a.title AS article_title, "
    "c.articles AS cluster_articles FROM quotations q JOIN articles a ON a.pk = q.article_pk "
    "JOIN clusters c ON c.id = q.cluster_id WHERE q.cluster_id = ? "
    # earliest first; an undated occurrence cannot claim to be first, so it goes last
    "ORDER BY q.date IS NULL, q.date, q.pk LIMIT ? OFFSET ?")


def occurrences(store: Store, cluster_id: int, limit: int = 50, offset: int = 0) -> Page:
    """A cluster's quotations across articles, earliest first."""
    p = page(store, OCCURRENCES_SQL, [cluster_id], limit, offset)
    return Page(quote_records(store, p.rows), p.limit, p.offset, p.next_offset)


def quotation_page(store: Store, f: QuoteFilters) -> Page:
    """:func:`quotes` for one page, knowing whether another follows."""
    sql, params = quotes_sql(f.validated())
    p = page(store, sql, params[:-2], f.limit, f.offset)  # page() binds limit and offset
    return Page(quote_records(store, p.rows), p.limit, p.offset, p.next_offset)


def _counterparts(store: Store, mine: str, theirs: str, speaker_id: int) -> list[dict[str, Any]]:
    return store.rows(
        f"SELECT s.id, s.name, s.type, count(*) AS quotations FROM quotations q "
        f"JOIN speakers s ON s.id = q.{theirs} WHERE q.{mine} = ? "
        f"GROUP BY s.id ORDER BY quotations DESC, s.name, s.id LIMIT ?",
        [speaker_id, PROFILE_ROWS])


def profile(store: Store, speaker_id: int) -> dict[str, Any]:
    """What a speaker page shows beyond the speaker's record: quotations per day, whom
    they address and who addresses them, their manners, and the articles they are in."""
    return {
        "timeline": store.rows(
            "SELECT date, count(*) AS quotations FROM quotations "
            "WHERE speaker_id = ? AND date IS NOT NULL GROUP BY date ORDER BY date",
            [speaker_id]),
        "addresses": _counterparts(store, "speaker_id", "addressee_id", speaker_id),
        "addressed_by": _counterparts(store, "addressee_id", "speaker_id", speaker_id),
        "manners": store.rows(
            "SELECT coalesce(cue_manner, 'none') AS manner, count(*) AS quotations "
            "FROM quotations WHERE speaker_id = ? GROUP BY 1 ORDER BY quotations DESC, manner",
            [speaker_id]),
        "appearances": store.rows(
            "SELECT a.id, a.source, a.date, a.title, count(*) AS quotations "
            "FROM quotations q JOIN articles a ON a.pk = q.article_pk WHERE q.speaker_id = ? "
            "GROUP BY a.pk ORDER BY a.date IS NULL, a.date, a.pk LIMIT ?",
            [speaker_id, PROFILE_ROWS]),
    }
