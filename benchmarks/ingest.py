"""Ingest benchmark: PolNeAR train replicated to many articles, end to end into SQLite.

    python benchmarks/ingest.py [--articles 50000] [--workers 2] [--db PATH]

Writes a JSONL file of the replicated articles first (each copy gets its own id and a
different date, so nothing is skipped as already stored), then runs the same code as
``quotegraph ingest`` on it and prints articles/s, quotations stored, and the resident
memory of the writer and of the largest worker at each 10,000 articles, to show whether
memory stays flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path

from quotegraph.corpus import IngestStats, ingest
from quotegraph.readers import iter_corpus
from quotegraph.store import Store

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of a process now, in MB (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def worker_rss_mb() -> float:
    """The largest resident memory among this process's children (the workers)."""
    me = str(os.getpid())
    best = 0.0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me:  # the parent pid
            best = max(best, rss_mb(proc.name))
    return best


def write_corpus(source: Path, n: int, out: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"copy-{i}", "text": texts[i % len(texts)],
                                "date": f"20{10 + i % 15:02d}-{1 + i % 12:02d}-"
                                        f"{1 + i % 28:02d}"}) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--source", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="qg-ingest-"))
    corpus = tmp / "corpus.jsonl"
    write_corpus(args.source, args.articles, corpus)
    db = args.db or tmp / "bench.db"
    store = Store.open(db)
    marks: list[tuple[int, float, float, float]] = []
    step = 10_000

    def on_batch(s: IngestStats) -> None:
        done = s.articles + s.skipped
        if done // step > len(marks):
            marks.append((done, s.rate, rss_mb(), worker_rss_mb()))
            print(f"{done:>7,} articles  {s.rate:6.1f} articles/s  writer {marks[-1][2]:.0f} MB"
                  f"  largest worker {marks[-1][3]:.0f} MB", flush=True)

    t0 = time.perf_counter()
    stats = ingest(iter_corpus([str(corpus)]), store, workers=args.workers,
                   batch_size=args.batch_size, on_batch=on_batch)
    seconds = time.perf_counter() - t0
    store.close()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    me = resource.getrusage(resource.RUSAGE_SELF)
    peak_children = children.ru_maxrss / 1024
    peak_self = me.ru_maxrss / 1024
    cpu_self = me.ru_utime + me.ru_stime
    cpu_children = children.ru_utime + children.ru_stime
    print(f"articles:      {stats.articles:,} stored, {stats.errors} errors")
    print(f"quotations:    {stats.quotations:,}")
    print(f"seconds:       {seconds:.1f}")
    print(f"articles/s:    {stats.articles / seconds:.1f} with {args.workers} workers "
          f"({stats.articles / seconds / args.workers:.1f} per worker)")
    # CPU time is steadier than the wall clock on a shared machine: it says what the
    # article costs, whatever else the cores were doing
    n = max(stats.articles, 1)
    print(f"CPU time:      {(cpu_self + cpu_children) / n * 1000:.2f} ms per article "
          f"(writer {cpu_self / n * 1000:.2f}, workers {cpu_children / n * 1000:.2f})")
    # CPU seconds per wall second: how much of the machine's cores the run kept busy
    print(f"cores busy:    {(cpu_self + cpu_children) / seconds:.2f} of {os.cpu_count()}")
    print(f"peak RSS:      writer {peak_self:.0f} MB, largest worker {peak_children:.0f} MB")
    print(f"database:      {db} ({db.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
