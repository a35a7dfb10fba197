"""Queries over the corpus database: each one a pure ``*_sql`` function that builds the SQL
and its bound parameters from validated filters, and a function that runs it.

Every value a user gives is a bound parameter; the only text spliced into SQL is chosen
from fixed strings here. Full-text queries are rebuilt from the user's words, each quoted,
so FTS5 syntax in a search box ("AND", unbalanced quotes, ``*``) can never fail a query.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import QueryError
from .db import Store, quote_dict
from .prepare import name_tokens

KINDS = ("direct", "indirect", "mixed")
MANNERS = ("neutral", "assertive", "hostile", "conciliatory", "humorous", "tentative",
           "written")
MAX_LIMIT = 1000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_FTS_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """What ``quotegraph quotes`` and ``/api/quotations`` filter on (all optional)."""

    speaker: str | None = None  # a speaker's name or an alias ("Okafor"), any case
    speaker_id: int | None = None
    addressee: str | None = None
    addressee_id: int | None = None
    search: str | None = None  # words that must all occur in the quotation or speaker name
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    kind: str | None = None
    manner: str | None = None
    cluster: int | None = None
    article: str | None = None  # an article id
    # only records at least this likely to be right end to end (the learned confidence)
    min_confidence: float | None = None
    limit: int = 50
    offset: int = 0

    def validated(self) -> QuoteFilters:
        """These filters, or a :class:`QueryError` naming the first bad one."""
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _DATE.match(value):
                raise QueryError(f"{name} must be a date YYYY-MM-DD, not {value!r}")
        if self.kind is not None and self.kind not in KINDS:
            raise QueryError(f"kind must be one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.manner is not None and self.manner not in MANNERS:
            raise QueryError(f"manner must be one of {', '.join(MANNERS)}, "
                             f"not {self.manner!r}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise QueryError(f"min_confidence must be between 0 and 1, "
                             f"not {self.min_confidence}")
        check_page(self.limit, self.offset)
        if self.search is not None and not fts_query(self.search):
            raise QueryError(f"the search {self.search!r} holds no word")
        return self


def check_page(limit: int, offset: int, name: str = "limit") -> None:
    """A :class:`QueryError` unless ``limit`` is 1 to ``MAX_LIMIT`` and ``offset`` is not
    negative."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"{name} must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise QueryError(f"offset must not be negative, not {offset}")


def fts_query(text: str) -> str:
    """An FTS5 query matching rows that hold every word of ``text``, each word quoted."""
    words = _FTS_WORD.findall(text)
    return " ".join(f'"{w}"' for w in words)


def _people(column: str, name: str | None, ident: int | None,
            where: list[str], params: list[Any]) -> None:
    if ident is not None:
        where.append(f"q.{column} = ?")
        params.append(ident)
    if name is not None:
        # the speaker's own name, a name form an article used for them, or the end of one:
        # "Okafor" finds Linda Okafor even where no article called her "Okafor" alone
        form = " ".join(name_tokens(name))
        where.append(f"q.{column} IN (SELECT id FROM speakers WHERE name = ? COLLATE NOCASE "
                     "UNION SELECT speaker_id FROM speaker_aliases "
                     "WHERE alias = ? OR alias LIKE ? ESCAPE '\\')")
        params.extend([name.strip(), form, "% " + _like_escape(form)])


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def quotes_sql(f: QuoteFilters) -> tuple[str, list[Any]]:
    """The SQL (and parameters) of a quotation query; newest first for a search, else in
    date order (undated first: the order the date indexes give without a sort), ties in
    ingest order."""
    where: list[str] = []
    params: list[Any] = []
    source = "quotations q"
    order = "q.date, q.pk"
    if f.search is not None:
        source = "quotations_fts f JOIN quotations q ON q.pk = f.rowid"
        where.append("quotations_fts MATCH ?")
        params.append(fts_query(f.search))
        order = "q.pk DESC"  # FTS5 returns rowids in order: no sort of every match
    _people("speaker_id", f.speaker, f.speaker_id, where, params)
    _people("addressee_id", f.addressee, f.addressee_id, where, params)
    for column, op, value in (("date", ">=", f.since), ("date", "<=", f.until),
                              ("kind", "=", f.kind), ("cue_manner", "=", f.manner),
                              ("cluster_id", "=", f.cluster),
                              ("confidence", ">=", f.min_confidence)):
        if value is not None:
            where.append(f"q.{column} {op} ?")
            params.append(value)
    if f.article is not None:
        where.append("q.article_pk = (SELECT pk FROM articles WHERE id = ?)")
        params.append(f.article)
    sql = (f"SELECT q.*, a.id AS article_id, a.source AS article_source, "
           f"a.title AS article_title, c.articles AS cluster_articles FROM {source} "
           f"JOIN articles a ON a.pk = q.article_pk LEFT JOIN clusters c ON c.id = q.cluster_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {order} LIMIT ? OFFSET ?")
    params.extend([f.limit, f.offset])
    return sql, params


def quote_records(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """:func:`quote_record` for each row, their spans read in one query."""
    spans = store.spans_of([r["pk"] for r in rows])
    return [quote_record(r, spans[r["pk"]]) for r in rows]


def quote_record(row: dict[str, Any], spans: list[list[int]]) -> dict[str, Any]:
    """A quotation as query results show it: the contract's fields, its article, and the
    corpus ids of its speaker, addressee and cluster."""
    out = quote_dict(row, spans)
    out["article"] = {"id": row["article_id"], "source": row["article_source"],
                      "date": row["date"], "title": row["article_title"]}
    out["speaker_id"] = row["speaker_id"]
    out["addressee_id"] = row["addressee_id"]
    out["cluster"] = row["cluster_id"]
    # how many articles report this quotation (1: only this one)
    out["cluster_articles"] = row.get("cluster_articles")
    return out


def quotes(store: Store, f: QuoteFilters) -> list[dict[str, Any]]:
    sql, params = quotes_sql(f.validated())
    return quote_records(store, store.rows(sql, params))


SPEAKER_TYPES = ("person", "organization", "group", "anonymous", "author", "unknown")


def speakers_sql(etype: str | None = None) -> tuple[str, list[Any]]:
    """Speakers by number of quotations, most quoted first; the SQL ends in ``LIMIT ? OFFSET
    ?`` for the caller to bind."""
    if etype is not None and etype not in SPEAKER_TYPES:
        raise QueryError(f"type must be one of {', '.join(SPEAKER_TYPES)}, not {etype!r}")
    where = "quotes > 0" + (" AND type = ?" if etype else "")
    return (f"SELECT id, name, type, gender, quotes, articles, first_date, last_date "
            f"FROM speakers WHERE {where} ORDER BY quotes DESC, id LIMIT ? OFFSET ?",
            [etype] if etype else [])


def speakers(store: Store, top: int = 20, etype: str | None = None) -> list[dict[str, Any]]:
    check_page(top, 0, "top")
    sql, params = speakers_sql(etype)
    return store.rows(sql, [*params, top, 0])


def speaker(store: Store, speaker_id: int) -> dict[str, Any] | None:
    rows = store.rows("SELECT id, name, type, gender, quotes, articles, first_date, "
                      "last_date FROM speakers WHERE id = ?", [speaker_id])
    if not rows:
        return None
    out = rows[0]
    out["aliases"] = [r["alias"] for r in store.rows(
        "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", [speaker_id])]
    return out


def cluster(store: Store, cluster_id: int) -> dict[str, Any] | None:
    rows = store.rows("SELECT c.id, c.text, c.size, c.articles, c.first_date, "
                      "a.id AS first_article FROM clusters c "
                      "LEFT JOIN articles a ON a.pk = c.first_article_pk WHERE c.id = ?",
                      [cluster_id])
    return rows[0] if rows else None


def iter_quote_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Every quotation with its article's fields, in ingest order (for export)."""
    cur = store.conn.execute(
        "SELECT q.*, a.id AS article_id, a.source AS article_source, "
        "a.title AS article_title, "
        "(SELECT min(start) FROM spans WHERE quote_pk = q.pk) AS start, "
        '(SELECT max("end") FROM spans WHERE quote_pk = q.pk) AS "end" '
        "FROM quotations q JOIN articles a ON a.pk = q.article_pk ORDER BY q.pk")
    names = [d[0] for d in cur.description]
    for r in cur:
        yield dict(zip(names, r, strict=True))
