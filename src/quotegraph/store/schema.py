"""The corpus database's schema, as numbered migrations.

``PRAGMA user_version`` holds the number of the last migration applied. Opening a database
applies the missing ones in order, each in its own transaction, so a database made by an
older quotegraph is brought up to date and a newer one is refused (see :func:`migrate`).

Tables (``pk`` columns are SQLite row ids, assigned in ingest order):

* ``articles``: one row per article; ``id`` is the article's id (given, or the SHA-1 of its
  normalized text), ``text`` the text every offset indexes into.
* ``speakers`` and ``speaker_aliases``: people and organisations across articles. ``key`` is
  the merge key (see :mod:`quotegraph.store.prepare`); anonymous sources have none and never
  merge.
* ``entities`` and ``mentions``: the in-article entities of the JSON contract, each linked to
  its speaker.
* ``clusters``, ``cluster_keys`` and ``cluster_sketch``: one cluster per quotation said once,
  or reported by many articles. ``cluster_keys`` maps each normalized wording seen to its
  cluster (exact duplicates); ``cluster_sketch`` indexes the near-duplicate sketches.
* ``quotations`` and ``spans``: the records of the JSON contract, flattened.
* ``quotations_fts``: FTS5 over quotation text and speaker name (external content).
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreError

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT,
        date TEXT,
        title TEXT,
        text TEXT NOT NULL
    );
    CREATE INDEX articles_date ON articles(date);

    CREATE TABLE speakers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        gender TEXT NOT NULL,
        key TEXT UNIQUE,
        quotes INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        first_date TEXT,
        last_date TEXT
    );
    CREATE INDEX speakers_quotes ON speakers(quotes DESC, id);
    CREATE INDEX speakers_name ON speakers(name COLLATE NOCASE);

    CREATE TABLE speaker_aliases (
        alias TEXT NOT NULL,
        speaker_id INTEGER NOT NULL REFERENCES speakers(id),
        PRIMARY KEY (alias, speaker_id)
    ) WITHOUT ROWID;

    CREATE TABLE entities (
        pk INTEGER PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES articles(pk),
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        gender TEXT NOT NULL,
        speaker_id INTEGER REFERENCES speakers(id),
        UNIQUE (article_pk, id)
    );
    CREATE INDEX entities_speaker ON entities(speaker_id);

    CREATE TABLE mentions (
        entity_pk INTEGER NOT NULL REFERENCES entities(pk),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (entity_pk, idx)
    ) WITHOUT ROWID;

    CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        sketch TEXT,
        size INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        first_date TEXT,
        first_article_pk INTEGER REFERENCES articles(pk),
        first_quote_pk INTEGER
    );

    CREATE TABLE cluster_keys (
        key TEXT PRIMARY KEY,
        cluster_id INTEGER NOT NULL REFERENCES clusters(id)
    ) WITHOUT ROWID;

    CREATE TABLE cluster_sketch (
        hash INTEGER NOT NULL,
        cluster_id INTEGER NOT NULL REFERENCES clusters(id),
        PRIMARY KEY (hash, cluster_id)
    ) WITHOUT ROWID;

    CREATE TABLE quotations (
        pk INTEGER PRIMARY KEY,
        article_pk INTEGER NOT NULL REFERENCES articles(pk),
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        date TEXT,
        speaker_entity TEXT,
        speaker_id INTEGER REFERENCES speakers(id),
        speaker_name TEXT,
        speaker_mention TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_type TEXT,
        addressee_entity TEXT,
        addressee_id INTEGER REFERENCES speakers(id),
        addressee_name TEXT,
        addressee_mention TEXT,
        addressee_start INTEGER,
        addressee_end INTEGER,
        addressee_type TEXT,
        cue_text TEXT,
        cue_lemma TEXT,
        cue_manner TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        parent TEXT,
        confidence REAL NOT NULL,
        cluster_id INTEGER REFERENCES clusters(id),
        UNIQUE (article_pk, id)
    );
    CREATE INDEX quotations_speaker ON quotations(speaker_id, date);
    CREATE INDEX quotations_addressee ON quotations(addressee_id, date);
    CREATE INDEX quotations_date ON quotations(date);
    CREATE INDEX quotations_cluster ON quotations(cluster_id, date);

    CREATE TABLE spans (
        quote_pk INTEGER NOT NULL REFERENCES quotations(pk),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (quote_pk, idx)
    ) WITHOUT ROWID;

    CREATE VIRTUAL TABLE quotations_fts USING fts5(
        text, speaker_name, content='quotations', content_rowid='pk',
        tokenize='unicode61 remove_diacritics 2'
    );
    """,
    # 2: the web UI lists clusters reported by many articles, most reported first, and
    # sums up a speaker's counterparts, manners and articles from one covering index (a
    # speaker with 500,000 quotations: 400 ms -> 80 ms per page)
    """
    CREATE INDEX clusters_articles ON clusters(articles DESC, size DESC, id);
    CREATE INDEX quotations_speaker_profile
        ON quotations(speaker_id, addressee_id, cue_manner, article_pk);
    CREATE INDEX articles_recent ON articles(date DESC, pk DESC);
    """,
    # 3: an entity's title, the words written before its name and left out of it ("Sen.",
    # "Charlotte Mayor"): a field of the JSON contract since 0.9
    """
    ALTER TABLE entities ADD COLUMN title TEXT;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this database lacks; return the schema version it ends at."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this quotegraph's "
            f"{SCHEMA_VERSION}: upgrade quotegraph to use it")
    for number in range(version + 1, SCHEMA_VERSION + 1):
        # the explicit transaction makes each migration all-or-nothing, version included
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{MIGRATIONS[number - 1]}\n"
                f"PRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"migration {number} failed: {exc}") from exc
    return SCHEMA_VERSION
