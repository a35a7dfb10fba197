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
from .prepare import NEAR_DUPLICATE, SKETCH_INDEXED, EntityPlan, PreparedArticle, similarity
from .schema import SCHEMA_VERSION, migrate

DEFAULT_DB = "quotegraph.db"


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
        batch = list(ids)
        for i in range(0, len(batch), 500):
            chunk = batch[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.conn.execute(
                f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return out

    def write_batch(self, batch: Sequence[PreparedArticle]) -> BatchStats:
        """Write the articles of ``batch`` not yet stored, in order, in one transaction."""
        written = skipped = quotations = 0
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            for p in batch:
                if conn.execute("SELECT 1 FROM articles WHERE id = ?", (p.id,)).fetchone():
                    skipped += 1
                    continue
                _Writer(conn, p).write()
                written += 1
                quotations += len(p.result["quotes"])
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
        self.conn.execute("PRAGMA optimize")
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
        quotes = [quote_dict(q, self.spans(q["pk"])) for q in self.rows(
            "SELECT * FROM quotations WHERE article_pk = ? ORDER BY pk", (pk,))]
        entities = []
        for e in self.rows("SELECT pk, id, name, type, gender FROM entities "
                           "WHERE article_pk = ? ORDER BY pk", (pk,)):
            mentions = [[s, t] for s, t in self.conn.execute(
                'SELECT start, "end" FROM mentions WHERE entity_pk = ? ORDER BY idx',
                (e["pk"],))]
            entities.append({"id": e["id"], "name": e["name"], "type": e["type"],
                             "gender": e["gender"], "mentions": mentions})
        return {
            "article": {k: row[k] for k in ("id", "source", "date", "title")},
            "text": row["text"],
            "quotes": quotes,
            "entities": entities,
        }

    def spans(self, quote_pk: int) -> list[list[int]]:
        return [[s, e] for s, e in self.conn.execute(
            'SELECT start, "end" FROM spans WHERE quote_pk = ? ORDER BY idx', (quote_pk,))]

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


class _Writer:
    """Writes one prepared article inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection, p: PreparedArticle) -> None:
        self.conn = conn
        self.p = p
        self.date: str | None = p.result["article"].get("date")

    def write(self) -> None:
        r = self.p.result
        a = r["article"]
        cur = self.conn.execute(
            "INSERT INTO articles (id, source, date, title, text) VALUES (?, ?, ?, ?, ?)",
            (a["id"], a.get("source"), self.date, a.get("title"), r["text"]))
        article_pk = int(cur.lastrowid or 0)
        speakers = self._entities(article_pk)
        said: dict[int, int] = {}
        for q, plan in zip(r["quotes"], self.p.quotes, strict=True):
            spk = speakers.get(q["speaker"]["entity"]) if q["speaker"] else None
            adr = speakers.get(q["addressee"]["entity"]) if q["addressee"] else None
            cluster_id, first = self._cluster(q["text"], plan.key, plan.sketch, article_pk)
            quote_pk = self._quote(article_pk, q, spk, adr, cluster_id)
            if first:
                self.conn.execute("UPDATE clusters SET first_quote_pk = ? WHERE id = ?",
                                  (quote_pk, cluster_id))
            if spk is not None:
                said[spk] = said.get(spk, 0) + 1
        for speaker_id, n in said.items():
            self.conn.execute("UPDATE speakers SET quotes = quotes + ? WHERE id = ?",
                              (n, speaker_id))

    # -- entities and speakers -------------------------------------------------------------
    def _entities(self, article_pk: int) -> dict[str, int]:
        """Insert the article's entities; return each entity id's speaker id."""
        out: dict[str, int] = {}
        seen: set[int] = set()
        for e, plan in zip(self.p.result["entities"], self.p.entities, strict=True):
            speaker_id = self._speaker(e, plan)
            out[e["id"]] = speaker_id
            cur = self.conn.execute(
                "INSERT INTO entities (article_pk, id, name, type, gender, speaker_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (article_pk, e["id"], e["name"], e["type"], e["gender"], speaker_id))
            entity_pk = cur.lastrowid
            self.conn.executemany(
                'INSERT INTO mentions (entity_pk, idx, start, "end") VALUES (?, ?, ?, ?)',
                [(entity_pk, i, s, t) for i, (s, t) in enumerate(e["mentions"])])
            if speaker_id not in seen:  # two entities of one article may be one speaker
                seen.add(speaker_id)
                self._appeared(speaker_id)
        return out

    def _speaker(self, e: dict[str, Any], plan: EntityPlan) -> int:
        key = plan.key
        if key is None and plan.alias is not None:
            key = self._alias_owner(plan.alias, e["type"]) or f"{e['type']}~{plan.alias}"
        if key is None:
            return self._new_speaker(e, None)  # anonymous sources never merge
        row = self.conn.execute("SELECT id, gender FROM speakers WHERE key = ?",
                                (key,)).fetchone()
        speaker_id = int(row[0]) if row else self._new_speaker(e, key)
        if row is not None and row[1] == "unknown" and e["gender"] != "unknown":
            self.conn.execute("UPDATE speakers SET gender = ? WHERE id = ?",
                              (e["gender"], speaker_id))
        self.conn.executemany(
            "INSERT OR IGNORE INTO speaker_aliases (alias, speaker_id) VALUES (?, ?)",
            [(a, speaker_id) for a in plan.aliases])
        return speaker_id

    def _alias_owner(self, alias: str, etype: str) -> str | None:
        """The key of the one full-name speaker of this type known by ``alias`` (none when
        two are: a lone "Baldwin" may be Alec or Hilaria)."""
        rows = self.conn.execute(
            "SELECT s.key FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
            "WHERE a.alias = ? AND s.type = ? AND s.key LIKE ? LIMIT 2",
            (alias, etype, f"{etype}:%")).fetchall()
        return str(rows[0][0]) if len(rows) == 1 else None

    def _new_speaker(self, e: dict[str, Any], key: str | None) -> int:
        cur = self.conn.execute(
            "INSERT INTO speakers (name, type, gender, key) VALUES (?, ?, ?, ?)",
            (e["name"], e["type"], e["gender"], key))
        return int(cur.lastrowid or 0)

    def _appeared(self, speaker_id: int) -> None:
        date = self.date
        self.conn.execute(
            "UPDATE speakers SET articles = articles + 1, "
            "first_date = CASE WHEN ? IS NOT NULL AND (first_date IS NULL OR ? < first_date) "
            "THEN ? ELSE first_date END, "
            "last_date = CASE WHEN ? IS NOT NULL AND (last_date IS NULL OR ? > last_date) "
            "THEN ? ELSE last_date END WHERE id = ?",
            (date, date, date, date, date, date, speaker_id))

    # -- clusters --------------------------------------------------------------------------
    def _cluster(self, text: str, key: str | None, sketch: tuple[int, ...],
                 article_pk: int) -> tuple[int, bool]:
        """The cluster of a quotation, and whether this quotation is now its earliest."""
        cluster_id = self._find_cluster(key, sketch)
        if cluster_id is None:
            cur = self.conn.execute(
                "INSERT INTO clusters (text, sketch, size, articles, first_date, "
                "first_article_pk) VALUES (?, ?, 1, 1, ?, ?)",
                (text, " ".join(map(str, sketch)) or None, self.date, article_pk))
            cluster_id = int(cur.lastrowid or 0)
            if key is not None:
                self.conn.execute("INSERT INTO cluster_keys (key, cluster_id) VALUES (?, ?)",
                                  (key, cluster_id))
            self.conn.executemany(
                "INSERT OR IGNORE INTO cluster_sketch (hash, cluster_id) VALUES (?, ?)",
                [(h, cluster_id) for h in sketch[:SKETCH_INDEXED]])
            return cluster_id, True
        if key is not None:  # a new wording of a known quotation: found exactly next time
            self.conn.execute(
                "INSERT OR IGNORE INTO cluster_keys (key, cluster_id) VALUES (?, ?)",
                (key, cluster_id))
        new_article = self.conn.execute(
            "SELECT 1 FROM quotations WHERE cluster_id = ? AND article_pk = ? LIMIT 1",
            (cluster_id, article_pk)).fetchone() is None
        first_date = self.conn.execute("SELECT first_date FROM clusters WHERE id = ?",
                                       (cluster_id,)).fetchone()[0]
        earlier = self.date is not None and (first_date is None or self.date < first_date)
        self.conn.execute(
            "UPDATE clusters SET size = size + 1, articles = articles + ? WHERE id = ?",
            (int(new_article), cluster_id))
        if earlier:
            self.conn.execute(
                "UPDATE clusters SET first_date = ?, first_article_pk = ? WHERE id = ?",
                (self.date, article_pk, cluster_id))
        return cluster_id, earlier

    def _find_cluster(self, key: str | None, sketch: tuple[int, ...]) -> int | None:
        if key is None:
            return None  # too short to be the same quotation as anyone else's
        row = self.conn.execute("SELECT cluster_id FROM cluster_keys WHERE key = ?",
                                (key,)).fetchone()
        if row is not None:
            return int(row[0])
        if not sketch:
            return None
        probe = sketch[:SKETCH_INDEXED]
        marks = ",".join("?" * len(probe))
        best: tuple[float, int] | None = None
        for cluster_id, stored in self.conn.execute(
                f"SELECT DISTINCT c.id, c.sketch FROM cluster_sketch s "
                f"JOIN clusters c ON c.id = s.cluster_id WHERE s.hash IN ({marks}) "
                f"ORDER BY c.id", probe):
            other = tuple(int(h) for h in stored.split()) if stored else ()
            score = similarity(sketch, other)
            if score >= NEAR_DUPLICATE and (best is None or score > best[0]):
                best = (score, int(cluster_id))
        return best[1] if best else None

    # -- quotations ------------------------------------------------------------------------
    def _quote(self, article_pk: int, q: dict[str, Any], speaker_id: int | None,
               addressee_id: int | None, cluster_id: int) -> int:
        s, a, c = q["speaker"], q["addressee"], q["cue"]
        cur = self.conn.execute(
            "INSERT INTO quotations (article_pk, id, kind, text, date, "
            "speaker_entity, speaker_id, speaker_name, speaker_mention, speaker_start, "
            "speaker_end, speaker_type, addressee_entity, addressee_id, addressee_name, "
            "addressee_mention, addressee_start, addressee_end, addressee_type, "
            "cue_text, cue_lemma, cue_manner, cue_start, cue_end, parent, confidence, "
            "cluster_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?)",
            (article_pk, q["id"], q["kind"], q["text"], self.date,
             *_ref_columns(s, speaker_id), *_ref_columns(a, addressee_id),
             c["text"] if c else None, c["lemma"] if c else None, c["manner"] if c else None,
             c["span"][0] if c else None, c["span"][1] if c else None,
             q["parent"], q["confidence"], cluster_id))
        quote_pk = int(cur.lastrowid or 0)
        self.conn.executemany(
            'INSERT INTO spans (quote_pk, idx, start, "end") VALUES (?, ?, ?, ?)',
            [(quote_pk, i, st, en) for i, (st, en) in enumerate(q["spans"])])
        self.conn.execute(
            "INSERT INTO quotations_fts (rowid, text, speaker_name) VALUES (?, ?, ?)",
            (quote_pk, q["text"], s["name"] if s else None))
        return quote_pk


def _ref_columns(ref: dict[str, Any] | None, speaker_id: int | None) -> tuple[Any, ...]:
    if ref is None:
        return (None,) * 7
    span = ref.get("span")
    return (ref["entity"], speaker_id, ref["name"], ref["mention"],
            span[0] if span else None, span[1] if span else None, ref["type"])
