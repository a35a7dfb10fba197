"""Throughput benchmark for ``quotegraph.extract`` (a script, not a test).

    python benchmarks/throughput.py [DIR] [--repeat N]
    python benchmarks/throughput.py --stress

DIR holds ``*.txt`` articles; it defaults to the PolNeAR train texts in ``shared/`` next to
the repository. All files are read into memory first, then extracted one by one in this
process. ``--stress`` times two adversarial inputs instead: a ~10 MB article and an article
full of stray quotation marks.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import quotegraph

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"

# Invented text for the large synthetic article: quotations, names, pronouns, cues.
_PARAGRAPHS = (
    "\u201cThe bridge will reopen before the winter markets,\u201d said Harriet Vossberg, "
    "the transport commissioner of Lake Orrin County. She added that crews had worked "
    "through three weekends.\n\n"
    "Councillor Tomas Eberle disagreed. \u201cWe were promised the same thing last spring,"
    "\u201d he told reporters on Tuesday, \u201cand the ferry queues only grew longer.\u201d\n\n"
    "According to a county spokesman, the repairs cost 4.2 million dollars. Residents "
    "said they were \u201ccautiously hopeful\u201d about the new schedule.\n\n"
    '"I will believe it when I drive across it," said Mira Odanje, who runs a bakery by '
    "the old toll booth. Her neighbour, Piet Lanser, was blunter: 'Nobody trusts the "
    "timetable any more.'\n\n"
)
_STRAY_MARKS = ('"', "\u201c", "\u2019", "\u201d", "'", "\u2018", "\u00ab", "\u00bb", "\u201e")


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def big_article(target_chars: int = 10_000_000) -> str:
    """An invented article of about ``target_chars`` characters."""
    copies = max(1, target_chars // len(_PARAGRAPHS))
    return _PARAGRAPHS * copies


def stray_quotes_article(marks: int = 100_000) -> str:
    """One paragraph of words mixed with ``marks`` stray marks, then a run of ``marks`` ``"``."""
    tokens: list[str] = []
    for i in range(marks):
        tokens.append(f"word{i % 97}")
        tokens.append(_STRAY_MARKS[i % len(_STRAY_MARKS)])
    mixed = " ".join(tokens)
    run = '"' * marks
    return f"{mixed}\n\nThe mayor said {run} and left.\n"


def run_stress() -> int:
    cases = (
        ("synthetic article", big_article()),
        ("stray quotation marks", stray_quotes_article()),
    )
    for name, text in cases:
        t0 = time.perf_counter()
        result = quotegraph.extract(text)
        seconds = time.perf_counter() - t0
        print(f"{name}: {len(text) / 1e6:.1f} M chars, {len(result.quotes)} quotes, "
              f"{seconds:.2f} s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


def run_throughput(directory: Path, repeat: int) -> int:
    if not directory.is_dir():
        print(f"no such data directory: {directory} (give DIR, a folder of .txt articles)",
              file=sys.stderr)
        return 1
    paths = sorted(directory.glob("*.txt"))
    if not paths:
        print(f"no .txt articles in {directory}", file=sys.stderr)
        return 1
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = sum(len(t.split()) for t in texts)
    quotes = 0
    seconds = 0.0
    fastest = float("inf")
    for run in range(repeat):
        found = 0
        t0 = time.perf_counter()
        for text in texts:
            found += len(quotegraph.extract(text).quotes)
        elapsed = time.perf_counter() - t0
        seconds += elapsed
        fastest = min(fastest, elapsed)
        quotes = found
        if repeat > 1:
            print(f"run {run + 1}: {elapsed:.2f} s")
    n = len(texts) * repeat
    print(f"build:      {'compiled' if quotegraph.compiled() else 'pure Python'}")
    print(f"articles:   {len(texts)} (x{repeat})")
    print(f"articles/s: {n / seconds if seconds else float('inf'):.1f}")
    if repeat > 1:
        # a shared machine's speed swings from run to run: the fastest run is the least
        # disturbed one (as timeit reports its best)
        print(f"best run:   {len(texts) / fastest if fastest else float('inf'):.1f} articles/s")
    print(f"words/s:    {words * repeat / seconds if seconds else float('inf'):.0f}")
    print(f"quotes:     {quotes}")
    print(f"seconds:    {seconds:.2f}")
    print(f"peak RSS:   {peak_rss_mb():.0f} MB")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR, metavar="DIR",
                        help=f"folder of .txt articles (default: {DEFAULT_DIR})")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="extract every article N times (default 1)")
    parser.add_argument("--stress", action="store_true",
                        help="time a ~10 MB article and 100k stray quotation marks instead")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.stress:
        return run_stress()
    return run_throughput(args.directory, args.repeat)


if __name__ == "__main__":
    sys.exit(main())
