"""The corpus store: round trips, idempotent writes, quotation clusters, speakers across
articles, queries and their validation. Articles are invented for these tests."""

from __future__ import annotations

import hashlib
import pickle
import re
import sqlite3
import unicodedata
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotegraph
from quotegraph.errors import QueryError, StoreError
from quotegraph.store import QuoteFilters, Store, cluster, prepare, quotes, speaker, speakers
from quotegraph.store.prepare import (
    _NON_WORD,
    _without_possessive,
    key_and_sketch,
    normalize_words,
    quote_key,
    quote_sketch,
    similarity,
)
from quotegraph.store.schema import SCHEMA_VERSION

FOUNDING = Path(__file__).resolve().parents[2] / "shared" / "examples" / "baldwin-red-carpet.txt"


def result(aid: str, date: str | None, said: list[tuple[str, str, str]],
           kind: str = "direct") -> dict[str, Any]:
    """A contract dictionary: ``said`` lists (speaker name, entity type, quotation)."""
    parts: list[str] = []
    quotes_: list[dict[str, Any]] = []
    entities: dict[str, dict[str, Any]] = {}
    pos = 0
    for i, (name, etype, words) in enumerate(said):
        sentence = f"{name} said: “{words}” "
        start = pos + len(name) + len(" said: “")
        if name not in entities:
            entities[name] = {"id": f"e{len(entities) + 1}", "name": name, "type": etype,
                              "gender": "unknown", "mentions": [], "title": None}
        ent = entities[name]
        ent["mentions"].append([pos, pos + len(name)])
        quotes_.append({
            "id": f"q{i + 1}", "kind": kind, "text": words,
            "spans": [[start, start + len(words)]],
            "speaker": {"entity": ent["id"], "name": name, "mention": name,
                        "span": [pos, pos + len(name)], "type": etype},
            "addressee": None,
            "cue": {"text": "said", "lemma": "say", "span": [pos + len(name) + 1,
                                                             pos + len(name) + 5],
                    "manner": "neutral"},
            "parent": None, "confidence": 0.9})
        parts.append(sentence)
        pos += len(sentence)
    return {"article": {"id": aid, "source": f"test/{aid}", "date": date, "title": None},
            "text": "".join(parts), "quotes": quotes_, "entities": list(entities.values())}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "corpus.db")


def write(store: Store, *results: dict[str, Any]) -> None:
    store.write_batch([prepare(r) for r in results])


# -- round trips -------------------------------------------------------------------------

def test_founding_example_round_trips(store: Store) -> None:
    if not FOUNDING.exists():
        pytest.skip("../shared is not beside the checkout")
    r = quotegraph.extract(FOUNDING.read_text(encoding="utf-8")).to_dict()
    stats = store.write_batch([prepare(r)])
    assert (stats.articles, stats.skipped, stats.quotations) == (1, 0, 12)
    assert store.article_result(r["article"]["id"]) == r
    assert store.counts() == {"articles": 1, "quotations": 12, "speakers": 5, "clusters": 0}


_WORDS = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")),
                 min_size=1, max_size=40)


@st.composite
def contract_results(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(min_value=0, max_value=4))
    said = [(draw(st.sampled_from(["Ada Moss", "Ben Ruiz", "a spokesperson"])),
             "person", draw(_WORDS)) for _ in range(n)]
    said = [(name, "anonymous" if name.islower() else "person", words)
            for name, _t, words in said]
    r = result(draw(st.text(min_size=1, max_size=12)),
               draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))), said,
               kind=draw(st.sampled_from(["direct", "indirect", "mixed"])))
    for q in r["quotes"]:
        q["confidence"] = draw(st.floats(min_value=0, max_value=1).map(lambda x: round(x, 3)))
        if draw(st.booleans()):
            q["cue"] = None
    return r


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(contract_results())
def test_any_result_round_trips(tmp_path_factory: pytest.TempPathFactory,
                                r: dict[str, Any]) -> None:
    s = Store.open(tmp_path_factory.mktemp("rt") / "c.db")
    write(s, r)
    assert s.article_result(r["article"]["id"]) == r


# -- idempotence ---------------------------------------------------------------------------

def test_writing_an_article_twice_adds_nothing(store: Store) -> None:
    r = result("a1", "2026-01-05", [("Ada Moss", "person", "The pier will stay open all year")])
    first = store.write_batch([prepare(r)])
    again = store.write_batch([prepare(r), prepare(r)])
    assert (first.articles, again.articles, again.skipped) == (1, 0, 2)
    assert store.counts()["quotations"] == 1
    assert store.known(["a1", "zz"]) == {"a1"}


# -- clusters --------------------------------------------------------------------------------

LONG = "We will not close the ferry line while a single family still depends on it daily"


def test_the_same_quotation_in_three_articles_is_one_cluster(store: Store) -> None:
    write(store,
          result("a1", "2026-03-02", [("Ada Moss", "person", LONG)]),
          result("a2", "2026-03-01", [("Ada Moss", "person", LONG.upper() + "!")]),
          # one word changed: a near duplicate
          result("a3", "2026-03-04", [("Ada Moss", "person",
                                       LONG.replace("daily", "weekly"))]))
    rows = store.rows("SELECT cluster_id FROM quotations ORDER BY pk")
    assert [r["cluster_id"] for r in rows] == [1, 1, 1]
    c = cluster(store, 1)
    assert c == {"id": 1, "text": LONG, "size": 3, "articles": 3, "first_date": "2026-03-01",
                 "first_article": "a2"}
    assert store.counts()["clusters"] == 1


def test_short_and_different_quotations_stay_apart(store: Store) -> None:
    write(store,
          result("a1", "2026-03-02", [("Ada Moss", "person", "No."),
                                      ("Ben Ruiz", "person", LONG)]),
          result("a2", "2026-03-03", [("Ben Ruiz", "person", "No."),
                                      ("Ben Ruiz", "person",
                                       "The council has never once asked the islanders "
                                       "what they want from the harbour")]))
    rows = store.rows("SELECT cluster_id FROM quotations ORDER BY pk")
    assert [r["cluster_id"] for r in rows] == [1, 2, 3, 4]


def test_sketches_estimate_similarity() -> None:
    a = quote_sketch(LONG)
    assert len(a) == 14  # sixteen words, fourteen trigrams
    assert similarity(a, quote_sketch(LONG.lower())) == 1.0
    assert similarity(a, quote_sketch("An entirely different sentence about the new "
                                      "library opening hours on Sunday")) == 0.0
    assert quote_key("No, no.") is None
    assert quote_key("It is — what it is.") == quote_key("it is what it is")


_NEWS_TEXT = st.text(alphabet=st.one_of(st.characters(max_codepoint=0x24F),
                                         st.sampled_from("’‘“”—–…\u00a0\u2009'sS")),
                    max_size=60)


@settings(max_examples=300, deadline=None)
@given(_NEWS_TEXT)
def test_a_name_loses_its_possessive_ending_as_the_expression_says(name: str) -> None:
    assert _without_possessive(name) == re.sub(r"[’']s?\Z", "", name)


@settings(max_examples=500, deadline=None)
@given(_NEWS_TEXT)
def test_words_keys_and_sketches_match_their_definitions(text: str) -> None:
    """The fast paths (a byte table for ASCII, trigrams hashed in place) give what the
    definitions give: the expression over NFKC text, and each trigram joined and encoded."""
    words = _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).lower()).split()
    assert normalize_words(text) == words
    many = words * 3  # long enough for a sketch
    key, sketch = key_and_sketch(many)
    if len(many) < 4:
        assert (key, sketch) == (None, ())
        return
    assert key == hashlib.sha1(" ".join(many).encode("utf-8")).hexdigest()[:20]
    trigrams = {zlib.crc32(" ".join(many[i : i + 3]).encode("utf-8"))
                for i in range(len(many) - 2)}
    assert sketch == (tuple(sorted(trigrams)[:16]) if len(many) >= 8 else ())


# -- speakers across articles ------------------------------------------------------------------

def with_alias(r: dict[str, Any], alias: str) -> dict[str, Any]:
    """The article with one more sentence naming its first entity by ``alias``."""
    start = len(r["text"])
    r["text"] += f"{alias} agreed."
    r["entities"][0]["mentions"].append([start, start + len(alias)])
    return r


def test_full_names_merge_and_a_lone_surname_joins_its_only_owner(store: Store) -> None:
    write(store,
          # the first article calls her "Okafor" too: an alias seen in an article
          with_alias(result("a1", "2026-02-01",
                            [("Linda Okafor", "person", "We are ready to vote")]), "Okafor"),
          result("a2", "2026-02-03", [("Linda Okafor", "person", "The vote is tomorrow")]))
    write(store, result("a3", "2026-02-05", [("Okafor", "person", "It passed by one")]))
    top = speakers(store, 5)
    assert [(s["name"], s["quotes"], s["articles"], s["first_date"], s["last_date"])
            for s in top] == [("Linda Okafor", 3, 3, "2026-02-01", "2026-02-05")]
    assert speaker(store, top[0]["id"])["aliases"] == ["linda okafor", "okafor"]


def test_a_surname_not_seen_as_an_alias_stays_apart(store: Store) -> None:
    write(store, result("a1", "2026-02-01", [("Linda Okafor", "person", "We are ready")]))
    write(store, result("a2", "2026-02-05", [("Okafor", "person", "It passed by one")]))
    assert sorted(s["name"] for s in speakers(store, 5)) == ["Linda Okafor", "Okafor"]


def test_a_surname_two_people_share_stays_apart(store: Store) -> None:
    a1 = result("a1", "2026-02-01", [("Alec Baldwin", "person", "We are fine, thank you"),
                                     ("Hilaria Baldwin", "person", "We are more than fine")])
    with_alias(a1, "Baldwin")
    a1["entities"].reverse()
    with_alias(a1, "Baldwin")  # both were called "Baldwin"
    a1["entities"].reverse()
    write(store, a1)
    write(store, result("a2", "2026-02-02", [("Baldwin", "person", "No comment tonight")]))
    names = sorted((s["name"], s["quotes"]) for s in speakers(store, 10))
    assert names == [("Alec Baldwin", 1), ("Baldwin", 1), ("Hilaria Baldwin", 1)]


def test_anonymous_sources_never_merge(store: Store) -> None:
    write(store,
          result("a1", None, [("a spokesperson", "anonymous", "The line reopens in May")]),
          result("a2", None, [("a spokesperson", "anonymous", "The line stays shut in May")]))
    assert [(s["name"], s["quotes"]) for s in speakers(store, 10)] == [
        ("a spokesperson", 1), ("a spokesperson", 1)]


# -- batches -------------------------------------------------------------------------------

def _batch_corpus() -> list[dict[str, Any]]:
    """Articles whose rows depend on what came before them: exact and near duplicates, an
    earlier date arriving later, an alias joining its owner, a surname two people share,
    a gender learnt late, anonymous sources and an article without a date."""
    a1 = with_alias(result("b1", "2026-04-02", [("Linda Okafor", "person", LONG)]), "Okafor")
    a2 = result("b2", "2026-04-01", [("Okafor", "person", LONG.replace("daily", "weekly")),
                                     ("a spokesperson", "anonymous", "No comment")])
    a3 = result("b3", None, [("Alec Baldwin", "person", "We are fine, thank you"),
                             ("Hilaria Baldwin", "person", "We are more than fine")])
    with_alias(a3, "Baldwin")
    a3["entities"].reverse()
    with_alias(a3, "Baldwin")
    a3["entities"].reverse()
    a4 = result("b4", "2026-03-30", [("Baldwin", "person", "We are fine, thank you"),
                                     ("Linda Okafor", "person", LONG.upper())])
    a4["entities"][1]["gender"] = "female"
    a5 = result("b5", "2026-04-03", [("a spokesperson", "anonymous", "No comment"),
                                     ("Linda Okafor", "person", "The ferry stays, full stop")])
    return [a1, a2, a3, a4, a5]


def _rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    tables = ("articles", "speakers", "speaker_aliases", "entities", "mentions", "clusters",
              "cluster_keys", "cluster_sketch", "quotations", "spans")
    out = {t: [tuple(r) for r in store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2")]
           for t in tables}
    out["fts"] = [tuple(r) for r in store.conn.execute(
        "SELECT rowid FROM quotations_fts WHERE quotations_fts MATCH 'ferry OR fine' "
        "ORDER BY rowid")]
    return out


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=5))
def test_how_a_corpus_is_cut_into_batches_changes_no_row(sizes: list[int]) -> None:
    """The writer decides article by article: batches of any sizes give the rows that
    one article at a time gives."""
    prepared = [prepare(r) for r in _batch_corpus()]
    one_by_one = Store.open(":memory:")
    for p in prepared:
        one_by_one.write_batch([p])
    cut = Store.open(":memory:")
    at = 0
    for size in sizes * len(prepared):
        if at >= len(prepared):
            break
        cut.write_batch(prepared[at : at + size])
        at += size
    assert _rows(cut) == _rows(one_by_one)


def test_a_prepared_article_crosses_processes_unchanged() -> None:
    for r in _batch_corpus():
        p = prepare(r)
        back = pickle.loads(pickle.dumps(p))
        assert back == p
        assert back.quotes[0].key == p.quotes[0].key and back.entities[0].plan == p.entities[0].plan


def test_one_batch_merges_clusters_and_speakers_as_it_goes() -> None:
    store = Store.open(":memory:")
    store.write_batch([prepare(r) for r in _batch_corpus()])
    rows = store.rows("SELECT a.id AS article, q.text, q.cluster_id FROM quotations q "
                      "JOIN articles a ON a.pk = q.article_pk ORDER BY q.pk")
    assert [(r["article"], r["cluster_id"]) for r in rows] == [
        ("b1", 1), ("b2", 1), ("b2", 2), ("b3", 3), ("b3", 4), ("b4", 3), ("b4", 1),
        ("b5", 5), ("b5", 6)]  # "No comment" is too short to join anyone's
    c = cluster(store, 1)
    assert (c["size"], c["articles"], c["first_date"], c["first_article"]) == (
        3, 3, "2026-03-30", "b4")
    people = {(s["name"], s["quotes"], s["articles"]) for s in speakers(store, 10)}
    assert people == {("Linda Okafor", 4, 4), ("Alec Baldwin", 1, 1),
                      ("Hilaria Baldwin", 1, 1), ("Baldwin", 1, 1),
                      ("a spokesperson", 1, 1)}
    okafor = store.rows("SELECT gender, first_date, last_date FROM speakers "
                        "WHERE name = 'Linda Okafor'")
    assert okafor == [{"gender": "female", "first_date": "2026-03-30",
                       "last_date": "2026-04-03"}]
    assert store.counts()["speakers"] == 6  # the two spokespeople stay two


# -- queries ---------------------------------------------------------------------------------

@pytest.fixture
def corpus(store: Store) -> Store:
    write(store,
          result("a1", "2026-01-10", [("Linda Okafor", "person", "The ferry stays, full stop"),
                                      ("Tomas Eberle", "person", "Nobody trusts the timetable")]),
          result("a2", "2026-02-10", [("Okafor", "person", "I never promised a bridge")]),
          result("a3", "2026-03-10", [("Tomas Eberle", "person", "The bridge is a fantasy")],
                 kind="indirect"))
    return store


def _texts(rows: list[dict[str, Any]]) -> list[str]:
    return [r["text"] for r in rows]


def test_quotes_by_speaker_alias_search_dates_and_kind(corpus: Store) -> None:
    assert _texts(quotes(corpus, QuoteFilters(speaker="okafor"))) == [
        "The ferry stays, full stop", "I never promised a bridge"]
    assert _texts(quotes(corpus, QuoteFilters(search="bridge"))) == [
        "The bridge is a fantasy", "I never promised a bridge"]
    assert _texts(quotes(corpus, QuoteFilters(search='"bridge* (:'))) == [
        "The bridge is a fantasy", "I never promised a bridge"]
    assert _texts(quotes(corpus, QuoteFilters(search="Eberle"))) == [
        "The bridge is a fantasy", "Nobody trusts the timetable"]
    assert _texts(quotes(corpus, QuoteFilters(since="2026-02-01", until="2026-02-28"))) == [
        "I never promised a bridge"]
    assert _texts(quotes(corpus, QuoteFilters(kind="indirect"))) == ["The bridge is a fantasy"]
    assert _texts(quotes(corpus, QuoteFilters(limit=2, offset=1))) == [
        "Nobody trusts the timetable", "I never promised a bridge"]


def test_a_quote_record_carries_its_article_and_corpus_ids(corpus: Store) -> None:
    [q] = quotes(corpus, QuoteFilters(search="fantasy"))
    assert q["article"] == {"id": "a3", "source": "test/a3", "date": "2026-03-10",
                            "title": None}
    assert (q["speaker"]["name"], q["speaker_id"], q["cluster"]) == ("Tomas Eberle", 2, 4)


@pytest.mark.parametrize(("filters", "message"), [
    (QuoteFilters(since="March"), "since must be a date YYYY-MM-DD, not 'March'"),
    (QuoteFilters(kind="quoted"), "kind must be one of direct, indirect, mixed, not 'quoted'"),
    (QuoteFilters(limit=0), "limit must be between 1 and 1000, not 0"),
    (QuoteFilters(offset=-1), "offset must not be negative, not -1"),
    (QuoteFilters(search="?!"), "the search '?!' holds no word"),
])
def test_bad_filters_are_refused(corpus: Store, filters: QuoteFilters, message: str) -> None:
    with pytest.raises(QueryError) as err:
        quotes(corpus, filters)
    assert str(err.value) == message


# -- opening -----------------------------------------------------------------------------------

def test_a_new_database_has_the_current_schema(tmp_path: Path) -> None:
    Store.open(tmp_path / "c.db").close()
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "c.db")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="schema version 99, newer than"):
        Store.open(tmp_path / "c.db")


def test_reading_a_missing_database_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "none.db", readonly=True)


def test_a_read_only_store_cannot_write(corpus: Store) -> None:
    ro = Store.open(corpus.path, readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        ro.write_batch([prepare(result("a9", None, [("Ada Moss", "person", "Hello there")]))])


def test_a_query_past_its_time_limit_is_interrupted(corpus: Store) -> None:
    slow = Store.open(corpus.path, readonly=True, timeout_ms=1)
    with pytest.raises(StoreError, match="interrupted"):
        slow.rows("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                  "WHERE i < 100000000) SELECT count(*) FROM n")


def test_min_confidence_is_a_checked_filter() -> None:
    from quotegraph.errors import QueryError
    from quotegraph.store.query import QuoteFilters, quotes_sql

    sql, params = quotes_sql(QuoteFilters(min_confidence=0.5).validated())
    assert "q.confidence >= ?" in sql and 0.5 in params
    with pytest.raises(QueryError, match="min_confidence must be between 0 and 1"):
        QuoteFilters(min_confidence=1.2).validated()
