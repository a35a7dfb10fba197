"""Web latency benchmark: the pages and API endpoints of ``quotegraph serve`` over a large
synthetic store, through the in-process HTTP client (routing, queries, templates, JSON).

    python benchmarks/web.py [--db PATH] [--requests 100]

Uses the store that ``benchmarks/query.py`` builds (1,000,000 quotations by default at
/tmp/qg-query-bench.db; it is built first when missing). Prints p50 and p99 per endpoint
and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))
from query import build, report, timed, vocabulary
from quotegraph.store import Store
from quotegraph.web import create_app


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/qg-query-bench.db"))
    ap.add_argument("--quotations", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=100)
    args = ap.parse_args()
    with Store.open(args.db) as store:  # opened for writing once: builds or migrates it
        if store.counts()["quotations"] < args.quotations:
            build(store, args.quotations)
        top = [r["id"] for r in store.rows(
            "SELECT id FROM speakers ORDER BY quotes DESC LIMIT 100")]
        tail = [r["id"] for r in store.rows(
            "SELECT id FROM speakers WHERE quotes BETWEEN 1 AND 50 LIMIT 500")]
        shared = [r["id"] for r in store.rows(
            "SELECT id FROM clusters ORDER BY articles DESC LIMIT 100")]
        n_articles = store.counts()["articles"]
    client = TestClient(create_app(args.db, timeout_ms=5000))
    rng = random.Random(5)
    words = vocabulary(random.Random(7))

    def get(url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")

    n = args.requests
    endpoints = [
        ("home page", lambda: "/"),
        ("search page, one word", lambda: f"/search?q={rng.choice(words)}"),
        ("API search, two words", lambda: f"/api/search?q={rng.choice(words)}+"
                                          f"{rng.choice(words)}"),
        ("speaker page, a top-100 speaker", lambda: f"/speakers/{rng.choice(top)}"),
        ("speaker page, a speaker of <= 50", lambda: f"/speakers/{rng.choice(tail)}"),
        ("API speaker, a top-100 speaker", lambda: f"/api/speakers/{rng.choice(top)}"),
        ("article page", lambda: f"/articles/syn-{rng.randrange(n_articles)}"),
        ("cluster page", lambda: f"/clusters/{rng.choice(shared)}"),
        ("API quotations, page 10", lambda: "/api/quotations?offset=450"),
    ]
    print(f"store: {args.db}, {n_articles:,} articles; {n} requests each")
    for name, url in endpoints:
        report(name, timed(lambda url=url: get(url()), n))  # type: ignore[misc]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
