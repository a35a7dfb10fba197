"""The corpus database: open, write batches of prepared articles, read articles back.

One writer at a time: :meth:`Store.write_batch` writes a batch of articles in one
transaction, so a run killed at any moment leaves the database as it was after the last
batch, and a re-run (which skips the articles already stored) ends with the same rows, in
the same order, as a run that was never interrupted: every decision the writer makes
(which speaker, which cluster) depends only on what is stored and on the input order.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .prepare import (
    NEAR_DUPLICATE,
    QUOTE_COLUMNS,
    SKETCH_INDEXED,
    PreparedArticle,
    PreparedEntity,
    PreparedQuote,
    similarity,
)
from .schema import SCHEMA_VERSION, migrate

DEFAULT_DB = "quotegraph.db"
_ANALYSIS_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class BatchStats:
    articles: int  # written now
    skipped: int  # already in the store (or twice in the batch)
    quotations: int


class Store:
    """A quotegraph corpus database (SQLite, WAL, FTS5)."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, readonly: bool = False,
             timeout_ms: int | None = None) -> Store:
        """Open (and create or migrate, unless ``readonly``) the database at ``path``.

        ``timeout_ms``: abort any one statement that runs longer (read-only servers)."""
        p = str(path)
        try:
            if readonly:
                if not Path(p).exists():
                    raise StoreError(f"{p}: no such database (run `quotegraph ingest` first)")
                conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True, isolation_level=None,
                                       check_same_thread=False)
            else:
                conn = sqlite3.connect(p, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                # WAL with NORMAL sync: a killed process never loses a committed batch
                conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=10000")
            if readonly:
                _check_version(conn, p)
            else:
                migrate(conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{p}: cannot open the database ({exc})") from None
        if timeout_ms is not None:
            _set_time_limit(conn, timeout_ms)
        return cls(conn, p)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        out: set[str] = set()
        for chunk in _chunks(list(ids)):
            out.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM articles WHERE id IN ({_marks(chunk)})", chunk))
        return out

    def write_batch(self, batch: Sequence[PreparedArticle]) -> BatchStats:
        """Write the articles of ``batch`` not yet stored, in order, in one transaction."""
        written = skipped = quotations = 0
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            known = self.known(p.id for p in batch)
            todo: list[PreparedArticle] = []
            for p in batch:
                if p.id in known:
                    skipped += 1
                    continue
                known.add(p.id)
                todo.append(p)
            writer = _BatchWriter(conn)
            writer.preload(todo)
            for p in todo:
                writer.add(p)
                written += 1
                quotations += len(p.quotes)
            writer.flush()
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return BatchStats(written, skipped, quotations)

    def optimize(self) -> None:
        """Merge the full-text index into one segment and fold the write-ahead log into the
        database file: the end of an ingest, after which the index layout no longer depends
        on where the batches (or a crash) fell."""
        self.conn.execute("INSERT INTO quotations_fts(quotations_fts) VALUES ('optimize')")
        # The query planner's statistics, from the first 10,000 entries of each index: the
        # same whatever this connection happened to query (PRAGMA optimize analyses only
        # the tables it did), and quick on a store of any size.
        self.conn.execute(f"PRAGMA analysis_limit={_ANALYSIS_LIMIT}")
        self.conn.execute("ANALYZE")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """How many articles, quotations, speakers and clusters the store holds."""
        def one(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "quotations": one("SELECT count(*) FROM quotations"),
            "speakers": one("SELECT count(*) FROM speakers WHERE quotes > 0"),
            "clusters": one("SELECT count(*) FROM clusters WHERE articles > 1"),
        }

    def article_ids(self) -> Iterator[str]:
        for (aid,) in self.conn.execute("SELECT id FROM articles ORDER BY pk"):
            yield aid

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article's fields and text, without its quotations and entities."""
        rows = self.rows("SELECT pk, id, source, date, title, text FROM articles WHERE id = ?",
                         (article_id,))
        return rows[0] if rows else None

    def article_result(self, article_id: str) -> dict[str, Any] | None:
        """The stored article as the JSON contract's dictionary (what extract gave)."""
        row = self.article(article_id)
        if row is None:
            return None
        pk = row["pk"]
        rows = self.rows("SELECT * FROM quotations WHERE article_pk = ? ORDER BY pk", (pk,))
        spans = self.spans_of([q["pk"] for q in rows])
        quotes = [quote_dict(q, spans[q["pk"]]) for q in rows]
        mentions: dict[int, list[list[int]]] = {}
        for entity_pk, s, t in self.conn.execute(
                'SELECT m.entity_pk, m.start, m."end" FROM mentions m '
                "JOIN entities e ON e.pk = m.entity_pk WHERE e.article_pk = ? "
                "ORDER BY m.entity_pk, m.idx", (pk,)):
            mentions.setdefault(entity_pk, []).append([s, t])
        entities = [{"id": e["id"], "name": e["name"], "type": e["type"],
                     "gender": e["gender"], "mentions": mentions.get(e["pk"], []),
                     "title": e["title"]}
                    for e in self.rows("SELECT pk, id, name, type, gender, title FROM entities "
                                       "WHERE article_pk = ? ORDER BY pk", (pk,))]
        return {
            "article": {k: row[k] for k in ("id", "source", "date", "title")},
            "text": row["text"],
            "quotes": quotes,
            "entities": entities,
        }

    def spans_of(self, quote_pks: Sequence[int]) -> dict[int, list[list[int]]]:
        """The spans of each of these quotations, read in one query (per 500)."""
        out: dict[int, list[list[int]]] = {pk: [] for pk in quote_pks}
        for chunk in _chunks(list(quote_pks)):
            for quote_pk, s, e in self.conn.execute(
                    f'SELECT quote_pk, start, "end" FROM spans WHERE quote_pk IN '
                    f"({_marks(chunk)}) ORDER BY quote_pk, idx", chunk):
                out[quote_pk].append([s, e])
        return out

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a query; each row as a dictionary of its columns."""
        try:
            cur = self.conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise StoreError(f"query failed: {exc}") from None
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur]


def quote_dict(q: dict[str, Any], spans: list[list[int]]) -> dict[str, Any]:
    """A ``quotations`` row as the contract's quotation dictionary."""
    return {
        "id": q["id"],
        "kind": q["kind"],
        "text": q["text"],
        "spans": spans,
        "speaker": _ref(q, "speaker"),
        "addressee": _ref(q, "addressee"),
        "cue": None if q["cue_text"] is None else {
            "text": q["cue_text"], "lemma": q["cue_lemma"],
            "span": [q["cue_start"], q["cue_end"]], "manner": q["cue_manner"]},
        "parent": q["parent"],
        "confidence": q["confidence"],
    }


def _ref(q: dict[str, Any], role: str) -> dict[str, Any] | None:
    if q[f"{role}_name"] is None:
        return None
    start = q[f"{role}_start"]
    return {
        "entity": q[f"{role}_entity"],
        "name": q[f"{role}_name"],
        "mention": q[f"{role}_mention"],
        "span": None if start is None else [start, q[f"{role}_end"]],
        "type": q[f"{role}_type"],
    }


def _check_version(conn: sqlite3.Connection, path: str) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version != SCHEMA_VERSION:
        raise StoreError(f"{path}: schema version {version}, expected {SCHEMA_VERSION} "
                         "(open it once for writing, e.g. with `quotegraph ingest`, to migrate)")


def _set_time_limit(conn: sqlite3.Connection, timeout_ms: int) -> None:
    """Interrupt any statement that runs longer than ``timeout_ms`` (checked every 10,000
    virtual-machine steps)."""
    state = {"deadline": 0.0}

    def trace(_statement: str) -> None:
        state["deadline"] = time.monotonic() + timeout_ms / 1000

    def progress() -> int:
        return 1 if state["deadline"] and time.monotonic() > state["deadline"] else 0

    conn.set_trace_callback(trace)
    conn.set_progress_handler(progress, 10_000)


class _BatchWriter:
    """Writes a batch of prepared articles inside the caller's transaction.

    Every decision (which speaker an entity joins, which cluster a quotation joins, which
    quotation of a cluster is the earliest) is made article by article, quotation by
    quotation, in input order, exactly as if each article were written alone. But the
    database is only read while deciding: what this batch adds sits in dictionaries beside
    it (new speakers, aliases, clusters and keys, counts to add) and each table is written
    once at the end, with one ``executemany`` per statement. Row ids are assigned here in
    the order SQLite itself would assign them (one more than the largest), so the rows
    are the ones a statement-by-statement writer would make.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next_article = _next_id(conn, "articles", "pk")
        self.next_entity = _next_id(conn, "entities", "pk")
        self.next_quote = _next_id(conn, "quotations", "pk")
        self.next_speaker = _next_id(conn, "speakers", "id")
        self.next_cluster = _next_id(conn, "clusters", "id")
        # speakers: merge key -> [id, gender, type], for those stored and those added
        self.speaker_keys: dict[str, list[Any]] = {}
        self.new_speakers: dict[int, _NewSpeaker] = {}
        self.speaker_counts: dict[int, _Counts] = {}  # stored speakers this batch touched
        self.stored_aliases: dict[str, list[tuple[int, str | None, str]]] = {}
        self.added_aliases: dict[str, dict[int, tuple[str, str]]] = {}
        # clusters: key -> id; stored clusters' new counts; clusters added
        self.cluster_keys: dict[str, int] = {}
        self.stored_clusters: dict[int, _ClusterCounts] = {}
        self.stored_sketches: dict[int, list[int]] = {}  # indexed hash -> stored clusters
        self.sketch_of: dict[int, tuple[int, ...]] = {}  # stored cluster -> its sketch
        self.new_clusters: dict[int, _NewCluster] = {}
        self.added_sketches: dict[int, list[int]] = {}  # indexed hash -> new clusters
        # rows to insert at the end
        self.articles: list[tuple[Any, ...]] = []
        self.entities: list[tuple[Any, ...]] = []
        self.mentions: list[tuple[int, int, int, int]] = []
        self.aliases: list[tuple[str, int]] = []
        self.quotations: list[tuple[Any, ...]] = []
        self.spans: list[tuple[int, int, int, int]] = []
        self.fts: list[tuple[int, str, str | None]] = []
        self.new_keys: list[tuple[str, int]] = []

    def preload(self, batch: Sequence[PreparedArticle]) -> None:
        """Read what the batch will look up, in a few queries instead of one per lookup:
        the speakers of its merge keys and aliases, the clusters of its quotations' keys,
        and the clusters whose sketches share a value with its quotations' sketches.

        Every later lookup is one of these or something the batch added itself: a speaker
        key is an entity's own, its alias's fallback key, or the key of an alias's owner
        (stored, and read here, or added by the batch); a quotation looks for near
        duplicates only when no key matched, stored or added, so its sketch values were
        probed here."""
        aliases = sorted({e.plan.alias for p in batch for e in p.entities
                          if e.plan.key is None and e.plan.alias is not None})
        keys = {e.plan.key for p in batch for e in p.entities if e.plan.key is not None}
        keys.update(_fallback_key(e.type, e.plan.alias) for p in batch for e in p.entities
                    if e.plan.key is None and e.plan.alias is not None)
        for alias in aliases:
            self.stored_aliases[alias] = []
        for chunk in _chunks(aliases):
            for alias, sid, key, etype in self.conn.execute(
                    "SELECT a.alias, s.id, s.key, s.type FROM speaker_aliases a "
                    "JOIN speakers s ON s.id = a.speaker_id "
                    f"WHERE a.alias IN ({_marks(chunk)}) ORDER BY a.alias, s.id", chunk):
                self.stored_aliases[alias].append((int(sid), key, etype))
                if key is not None:
                    keys.add(key)  # an alias's owner, looked up by key once found
        for chunk in _chunks(sorted(keys)):
            for key, sid, gender, etype in self.conn.execute(
                    f"SELECT key, id, gender, type FROM speakers WHERE key IN ({_marks(chunk)})",
                    chunk):
                self.speaker_keys[key] = [int(sid), gender, etype]
        qkeys = sorted({q.key for p in batch for q in p.quotes if q.key is not None})
        for chunk in _chunks(qkeys):
            for key, cid, first_date in self.conn.execute(
                    "SELECT k.key, c.id, c.first_date FROM cluster_keys k "
                    f"JOIN clusters c ON c.id = k.cluster_id WHERE k.key IN ({_marks(chunk)})",
                    chunk):
                self.cluster_keys[key] = int(cid)
                self.stored_clusters.setdefault(int(cid), _ClusterCounts(first_date))
        # near-duplicate candidates, for the quotations no stored key matches
        probes = sorted({h for p in batch for q in p.quotes
                         if q.key is not None and q.key not in self.cluster_keys
                         for h in q.sketch[:SKETCH_INDEXED]})
        for h in probes:
            self.stored_sketches[h] = []
        for chunk in _chunks(probes):
            for h, cid, stored, first_date in self.conn.execute(
                    "SELECT s.hash, c.id, c.sketch, c.first_date FROM cluster_sketch s "
                    f"JOIN clusters c ON c.id = s.cluster_id WHERE s.hash IN ({_marks(chunk)})",
                    chunk):
                cid = int(cid)
                self.stored_sketches[h].append(cid)
                if cid not in self.sketch_of:
                    self.sketch_of[cid] = tuple(map(int, stored.split())) if stored else ()
                    self.stored_clusters.setdefault(cid, _ClusterCounts(first_date))

    # -- one article -------------------------------------------------------------------
    def add(self, p: PreparedArticle) -> None:
        article_pk = self.next_article
        self.next_article += 1
        self.articles.append((article_pk, *p.article))
        date = p.date
        speakers = self._entities(p, article_pk, date)
        said: dict[int, int] = {}
        in_article: set[int] = set()  # the clusters this article's quotations joined
        for q in p.quotes:
            quote_pk = self.next_quote
            self.next_quote += 1
            spk = speakers.get(q.speaker) if q.speaker is not None else None
            adr = speakers.get(q.addressee) if q.addressee is not None else None
            cluster_id = self._cluster(q, date, article_pk, quote_pk, in_article)
            self.quotations.append((quote_pk, article_pk, date, spk, adr, cluster_id,
                                    *q.columns))
            self.spans += [(quote_pk, i, st, en) for i, (st, en) in enumerate(q.spans)]
            self.fts.append((quote_pk, q.columns[_TEXT], q.columns[_SPEAKER_NAME]))
            if spk is not None:
                said[spk] = said.get(spk, 0) + 1
        for speaker_id, n in said.items():
            self._counts(speaker_id).quotes += n

    # -- entities and speakers -------------------------------------------------------------
    def _entities(self, p: PreparedArticle, article_pk: int, date: str | None,
                  ) -> dict[str, int]:
        """Add the article's entities; return each entity id's speaker id."""
        out: dict[str, int] = {}
        seen: set[int] = set()
        for e in p.entities:
            speaker_id = self._speaker(e)
            out[e.id] = speaker_id
            entity_pk = self.next_entity
            self.next_entity += 1
            self.entities.append((entity_pk, article_pk, e.id, e.name, e.type, e.gender,
                                  speaker_id, e.title))
            self.mentions += [(entity_pk, i, s, t) for i, (s, t) in enumerate(e.mentions)]
            if speaker_id not in seen:  # two entities of one article may be one speaker
                seen.add(speaker_id)
                self._counts(speaker_id).appeared(date)
        return out

    def _speaker(self, e: PreparedEntity) -> int:
        plan = e.plan
        key = plan.key
        if key is None and plan.alias is not None:
            key = self._alias_owner(plan.alias, e.type) or _fallback_key(e.type, plan.alias)
        if key is None:
            return self._new_speaker(e, None)  # anonymous sources never merge
        known = self.speaker_keys.get(key)
        if known is None:
            speaker_id = self._new_speaker(e, key)
            known = self.speaker_keys[key]
        else:
            speaker_id = known[0]
            if known[1] == "unknown" and e.gender != "unknown":
                known[1] = e.gender
                self._counts(speaker_id).gender = e.gender
        for alias in plan.aliases:
            owners = self.added_aliases.setdefault(alias, {})
            if speaker_id not in owners:
                owners[speaker_id] = (key, known[2])
                self.aliases.append((alias, speaker_id))
        return speaker_id

    def _alias_owner(self, alias: str, etype: str) -> str | None:
        """The key of the one full-name speaker of this type known by ``alias`` (none when
        two are: a lone "Baldwin" may be Alec or Hilaria)."""
        prefix = f"{etype}:"
        owners: dict[int, str] = {}
        for sid, key, stype in self.stored_aliases.get(alias, ()):
            if stype == etype and key is not None and key.startswith(prefix):
                owners[sid] = key
        for sid, (key, stype) in self.added_aliases.get(alias, {}).items():
            if stype == etype and key.startswith(prefix):
                owners[sid] = key
        return next(iter(owners.values())) if len(owners) == 1 else None

    def _new_speaker(self, e: PreparedEntity, key: str | None) -> int:
        speaker_id = self.next_speaker
        self.next_speaker += 1
        self.new_speakers[speaker_id] = _NewSpeaker(e.name, e.type, e.gender, key)
        if key is not None:
            self.speaker_keys[key] = [speaker_id, e.gender, e.type]
        return speaker_id

    def _counts(self, speaker_id: int) -> _Counts:
        """What this batch adds to a speaker: a new speaker's own row, or the counts (and
        gender) to add to a stored one."""
        new = self.new_speakers.get(speaker_id)
        if new is not None:
            return new
        counts = self.speaker_counts.get(speaker_id)
        if counts is None:
            counts = self.speaker_counts[speaker_id] = _Counts()
        return counts

    # -- clusters --------------------------------------------------------------------------
    def _cluster(self, q: PreparedQuote, date: str | None, article_pk: int, quote_pk: int,
                 in_article: set[int]) -> int:
        """The cluster of a quotation, its counts brought up to date."""
        key = q.key
        cluster_id = self._find_cluster(key, q.sketch)
        if cluster_id is None:
            cluster_id = self.next_cluster
            self.next_cluster += 1
            self.new_clusters[cluster_id] = _NewCluster(
                q.columns[_TEXT], q.sketch, date, article_pk, quote_pk)
            if key is not None:
                self.cluster_keys[key] = cluster_id
                self.new_keys.append((key, cluster_id))
            for h in q.sketch[:SKETCH_INDEXED]:
                self.added_sketches.setdefault(h, []).append(cluster_id)
            in_article.add(cluster_id)
            return cluster_id
        if key is not None and key not in self.cluster_keys:
            # a new wording of a known quotation: found exactly next time
            self.cluster_keys[key] = cluster_id
            self.new_keys.append((key, cluster_id))
        counts = self.new_clusters.get(cluster_id) or self.stored_clusters[cluster_id]
        counts.size += 1
        if cluster_id not in in_article:
            in_article.add(cluster_id)
            counts.articles += 1
        if date is not None and (counts.first_date is None or date < counts.first_date):
            counts.earliest(date, article_pk, quote_pk)
        return cluster_id

    def _find_cluster(self, key: str | None, sketch: tuple[int, ...]) -> int | None:
        if key is None:
            return None  # too short to be the same quotation as anyone else's
        found = self.cluster_keys.get(key)
        if found is not None or not sketch:
            return found
        probe = sketch[:SKETCH_INDEXED]
        best: tuple[float, int] | None = None
        mine = set(sketch)
        # stored clusters first, then this batch's (whose ids are all larger), each in id
        # order: the first of equally similar clusters wins
        for cluster_id, other in self._stored_candidates(probe) + self._added_candidates(probe):
            # the share of shared values bounds the similarity from above: most candidates
            # (one common trigram) end here, without the sort
            if len(mine.intersection(other)) < NEAR_DUPLICATE * min(len(sketch), len(other)):
                continue
            score = similarity(sketch, other)
            if score >= NEAR_DUPLICATE and (best is None or score > best[0]):
                best = (score, cluster_id)
        return best[1] if best else None

    def _stored_candidates(self, probe: tuple[int, ...]) -> list[tuple[int, tuple[int, ...]]]:
        ids = sorted({cid for h in probe for cid in self.stored_sketches[h]})
        return [(cid, self.sketch_of[cid]) for cid in ids]

    def _added_candidates(self, probe: tuple[int, ...]) -> list[tuple[int, tuple[int, ...]]]:
        ids = sorted({cid for h in probe for cid in self.added_sketches.get(h, ())})
        return [(cid, self.new_clusters[cid].sketch) for cid in ids]

    # -- the writes ------------------------------------------------------------------------
    def flush(self) -> None:
        """Insert and update every table, once each."""
        many = self.conn.executemany
        many("INSERT INTO articles (pk, id, source, date, title, text) "
             "VALUES (?, ?, ?, ?, ?, ?)", self.articles)
        many("INSERT INTO speakers (id, name, type, gender, key, quotes, articles, "
             "first_date, last_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             [(sid, s.name, s.type, s.gender, s.key, s.quotes, s.articles, s.first_date,
               s.last_date) for sid, s in self.new_speakers.items()])
        many("UPDATE speakers SET gender = coalesce(?1, gender), quotes = quotes + ?2, "
             "articles = articles + ?3, "
             "first_date = CASE WHEN ?4 IS NOT NULL AND (first_date IS NULL OR ?4 < first_date) "
             "THEN ?4 ELSE first_date END, "
             "last_date = CASE WHEN ?5 IS NOT NULL AND (last_date IS NULL OR ?5 > last_date) "
             "THEN ?5 ELSE last_date END WHERE id = ?6",
             [(c.gender, c.quotes, c.articles, c.first_date, c.last_date, sid)
              for sid, c in self.speaker_counts.items()])
        many("INSERT OR IGNORE INTO speaker_aliases (alias, speaker_id) VALUES (?, ?)",
             self.aliases)
        many("INSERT INTO entities (pk, article_pk, id, name, type, gender, speaker_id, title) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self.entities)
        many('INSERT INTO mentions (entity_pk, idx, start, "end") VALUES (?, ?, ?, ?)',
             self.mentions)
        self._flush_clusters()
        many(f"INSERT INTO quotations (pk, article_pk, date, speaker_id, addressee_id, "
             f"cluster_id, {', '.join(QUOTE_COLUMNS)}) "
             f"VALUES ({_marks(range(6 + len(QUOTE_COLUMNS)))})", self.quotations)
        many('INSERT INTO spans (quote_pk, idx, start, "end") VALUES (?, ?, ?, ?)', self.spans)
        many("INSERT INTO quotations_fts (rowid, text, speaker_name) VALUES (?, ?, ?)",
             self.fts)

    def _flush_clusters(self) -> None:
        many = self.conn.executemany
        many("INSERT INTO clusters (id, text, sketch, size, articles, first_date, "
             "first_article_pk, first_quote_pk) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             [(cid, c.text, " ".join(map(str, c.sketch)) or None, c.size, c.articles,
               c.first_date, c.first_article_pk, c.first_quote_pk)
              for cid, c in self.new_clusters.items()])
        many("INSERT INTO cluster_keys (key, cluster_id) VALUES (?, ?)", self.new_keys)
        many("INSERT OR IGNORE INTO cluster_sketch (hash, cluster_id) VALUES (?, ?)",
             [(h, cid) for cid, c in self.new_clusters.items()
              for h in c.sketch[:SKETCH_INDEXED]])
        touched = [(cid, c) for cid, c in self.stored_clusters.items() if c.size]
        many("UPDATE clusters SET size = size + ?, articles = articles + ? WHERE id = ?",
             [(c.size, c.articles, cid) for cid, c in touched])
        many("UPDATE clusters SET first_date = ?, first_article_pk = ?, first_quote_pk = ? "
             "WHERE id = ?",
             [(c.first_date, c.first_article_pk, c.first_quote_pk, cid)
              for cid, c in touched if c.first_quote_pk is not None])


def _fallback_key(etype: str, alias: str) -> str:
    """The merge key of an entity known by one name that no single full-name speaker owns
    ("person~okafor"): preload reads these keys, and _speaker uses them."""
    return f"{etype}~{alias}"


_TEXT = QUOTE_COLUMNS.index("text")
_SPEAKER_NAME = QUOTE_COLUMNS.index("speaker_name")


class _Counts:
    """What a batch adds to a stored speaker's counts (and its gender, once known)."""

    __slots__ = ("articles", "first_date", "gender", "last_date", "quotes")

    def __init__(self) -> None:
        self.gender: str | None = None
        self.quotes = 0
        self.articles = 0
        self.first_date: str | None = None
        self.last_date: str | None = None

    def appeared(self, date: str | None) -> None:
        self.articles += 1
        if date is not None:
            if self.first_date is None or date < self.first_date:
                self.first_date = date
            if self.last_date is None or date > self.last_date:
                self.last_date = date


class _NewSpeaker(_Counts):
    """A speaker this batch adds: its row, counts included."""

    __slots__ = ("key", "name", "type")

    def __init__(self, name: str, etype: str, gender: str, key: str | None) -> None:
        super().__init__()
        self.name = name
        self.type = etype
        self.gender = gender
        self.key = key


class _ClusterCounts:
    """What a batch adds to a stored cluster: its size and articles, and its earliest
    quotation where this batch holds an earlier one."""

    __slots__ = ("articles", "first_article_pk", "first_date", "first_quote_pk", "size")

    def __init__(self, first_date: str | None) -> None:
        self.size = 0
        self.articles = 0
        self.first_date = first_date
        self.first_article_pk: int | None = None
        self.first_quote_pk: int | None = None

    def earliest(self, date: str, article_pk: int, quote_pk: int) -> None:
        self.first_date = date
        self.first_article_pk = article_pk
        self.first_quote_pk = quote_pk


class _NewCluster(_ClusterCounts):
    """A cluster this batch adds: its first quotation's wording and sketch, and counts."""

    __slots__ = ("sketch", "text")

    def __init__(self, text: str, sketch: tuple[int, ...], date: str | None,
                 article_pk: int, quote_pk: int) -> None:
        super().__init__(date)
        self.text = text
        self.sketch = sketch
        self.size = 1
        self.articles = 1
        self.first_article_pk = article_pk
        self.first_quote_pk = quote_pk


def _next_id(conn: sqlite3.Connection, table: str, column: str) -> int:
    """The row id SQLite would give the next row: one more than the largest."""
    return int(conn.execute(f"SELECT coalesce(max({column}), 0) + 1 FROM {table}").fetchone()[0])


def _chunks(items: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(items: Sequence[Any] | range) -> str:
    return ",".join("?" * len(items))
