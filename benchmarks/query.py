"""Query latency benchmark on a large synthetic store.

    python benchmarks/query.py [--quotations 1000000] [--db PATH] [--queries 300]

Builds (once; an existing ``--db`` is reused) a store of synthetic articles: invented
quotations made of words drawn from a fixed vocabulary, said by a pool of invented speakers
on dates over fifteen years, written through the store's own writer (so keys, clusters,
speakers and the full-text index are real). Then times the queries the CLI and the web pages
run, and prints p50 and p99 latency of each:

* full-text search (one or two words; 50 results);
* speaker pages (a speaker's quotations in date order, 50 at a time, and their record);
* the top speakers.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quotegraph.store import QuoteFilters, Store, prepare, quotes, speaker, speakers

SYLLABLES = ("ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na "
             "ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo").split()
PER_ARTICLE = 20


def vocabulary(rng: random.Random, n: int = 20_000) -> list[str]:
    words = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
             for _ in range(n * 2)}
    return sorted(words)[:n]


def synthetic(i: int, rng: random.Random, words: list[str], people: list[str],
              ) -> dict[str, Any]:
    """One invented article result of the JSON contract with ``PER_ARTICLE`` quotations."""
    text_parts: list[str] = []
    quotes_: list[dict[str, Any]] = []
    entities: dict[str, dict[str, Any]] = {}
    pos = 0
    for k in range(PER_ARTICLE):
        # a Zipf-like choice: a few speakers say much, most say little
        name = people[min(len(people) - 1, int(rng.paretovariate(1.1)) - 1)]
        said = " ".join(rng.choice(words) for _ in range(rng.randint(4, 25)))
        sentence = f"{name} said “{said}.” "
        start = pos + len(name) + len(" said “")
        ent = entities.setdefault(name, {"id": f"e{len(entities) + 1}", "name": name,
                                         "type": "person", "gender": "unknown",
                                         "mentions": []})
        ent["mentions"].append([pos, pos + len(name)])
        quotes_.append({
            "id": f"q{k + 1}", "kind": "direct", "text": said + ".",
            "spans": [[start, start + len(said) + 1]],
            "speaker": {"entity": ent["id"], "name": name, "mention": name,
                        "span": [pos, pos + len(name)], "type": "person"},
            "addressee": None,
            "cue": {"text": "said", "lemma": "say",
                    "span": [pos + len(name) + 1, pos + len(name) + 5], "manner": "neutral"},
            "parent": None, "confidence": 0.9})
        text_parts.append(sentence)
        pos += len(sentence)
    date = f"{2010 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    return {"article": {"id": f"syn-{i}", "source": f"synthetic/{i}", "date": date,
                        "title": None},
            "text": "".join(text_parts), "quotes": quotes_, "entities": list(entities.values())}


def build(store: Store, n_quotes: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    words = vocabulary(rng)
    people = [f"{rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)} "
              f"{rng.choice(SYLLABLES).title()}{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}"
              for _ in range(20_000)]
    t0 = time.perf_counter()
    n_articles = n_quotes // PER_ARTICLE
    for start in range(0, n_articles, 500):
        batch = [prepare(synthetic(i, rng, words, people))
                 for i in range(start, min(n_articles, start + 500))]
        store.write_batch(batch)
        if (start // 500) % 20 == 0:
            print(f"  {start * PER_ARTICLE:,} quotations written "
                  f"({time.perf_counter() - t0:.0f} s)", flush=True)
    store.optimize()
    print(f"built in {time.perf_counter() - t0:.0f} s")


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def report(name: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"{name:38s} p50 {statistics.median(ms):6.2f} ms   p99 {p99:6.2f} ms   "
          f"max {ms[-1]:6.2f} ms  ({len(ms)} queries)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotations", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/qg-query-bench.db"))
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()
    store = Store.open(args.db)
    have = store.counts()["quotations"]
    if have < args.quotations:
        print(f"building a store of {args.quotations:,} quotations at {args.db}")
        build(store, args.quotations - have)
    counts = store.counts()
    print(f"store: {counts['quotations']:,} quotations, {counts['articles']:,} articles, "
          f"{store.rows('SELECT count(*) AS n FROM speakers')[0]['n']:,} speakers")
    store.close()
    ro = Store.open(args.db, readonly=True)
    rng = random.Random(11)
    words = vocabulary(random.Random(7))
    ids = [r["id"] for r in ro.rows("SELECT id FROM speakers ORDER BY id")]
    top = [r["id"] for r in speakers(ro, 100)]
    report("search, one word", timed(lambda: quotes(ro, QuoteFilters(
        search=rng.choice(words))), args.queries))
    report("search, two words", timed(lambda: quotes(ro, QuoteFilters(
        search=f"{rng.choice(words)} {rng.choice(words)}")), args.queries))
    report("speaker page (any speaker)", timed(lambda: (
        speaker(ro, (i := rng.choice(ids))), quotes(ro, QuoteFilters(speaker_id=i))),
        args.queries))
    report("speaker page (top 100, page 3)", timed(lambda: (
        speaker(ro, (i := rng.choice(top))),
        quotes(ro, QuoteFilters(speaker_id=i, offset=100))), args.queries))
    report("top 20 speakers", timed(lambda: speakers(ro, 20), args.queries))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
