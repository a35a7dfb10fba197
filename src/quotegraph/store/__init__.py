"""The corpus store: SQLite (WAL, FTS5) holding articles, quotations, speakers across
articles and clusters of the same quotation. It reads and writes the JSON contract's
dictionaries and imports no NLP code; :mod:`quotegraph.corpus` feeds it."""

from .db import DEFAULT_DB, BatchStats, Store
from .prepare import PreparedArticle, prepare
from .query import QuoteFilters, cluster, quotes, speaker, speakers

__all__ = [
    "DEFAULT_DB",
    "BatchStats",
    "PreparedArticle",
    "QuoteFilters",
    "Store",
    "cluster",
    "prepare",
    "quotes",
    "speaker",
    "speakers",
]
