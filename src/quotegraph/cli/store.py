"""The corpus commands of the command line: ``ingest``, ``quotes``, ``speakers``, ``export``.

Results go to stdout; progress, errors and the closing summary go to stderr.

``quotegraph ingest`` exits 0 when every input was read or at least one article was stored,
and 2 when inputs were given and every one of them failed; each bad input (a malformed JSONL
line, a CSV row without text, a truncated WARC, a file that is not UTF-8) prints one line
naming the file and the position, and the run goes on. The query commands exit 2 on a bad
parameter or an unusable database, with one ``quotegraph: error:`` line.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click
from rich import box
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.table import Table

from ..corpus import DEFAULT_BATCH, IngestStats, ingest
from ..errors import InputError, QuotegraphError
from ..readers import CsvFields, iter_corpus
from ..records import Article
from ..store import DEFAULT_DB, QuoteFilters, Store, quotes, speakers
from ..store.query import KINDS, MANNERS, SPEAKER_TYPES, iter_quote_rows
from .output import report, say

QUOTE_COLUMNS = (
    "article_id", "article_source", "date", "quote_id", "kind", "text", "speaker", "speaker_id",
    "speaker_type", "addressee", "addressee_id", "cue", "cue_lemma", "manner", "start", "end",
    "cluster", "confidence",
)
SPEAKER_COLUMNS = ("id", "name", "type", "gender", "quotes", "articles", "first_date",
                   "last_date")
EXIT_BAD_INPUT = 2
PIPE_WIDTH = 200


def fail(exc: QuotegraphError | str) -> NoReturn:
    report(str(exc))
    raise SystemExit(EXIT_BAD_INPUT)


def _db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
        default=DEFAULT_DB, show_default=True, help="The corpus database (SQLite).")(func)


def _open(db_path: Path, *, readonly: bool) -> Store:
    try:
        return Store.open(db_path, readonly=readonly)
    except QuotegraphError as exc:
        fail(exc)


# --------------------------------------------------------------------------------------------
# ingest

class _IngestProgress:
    """A one-line live status on a terminal's stderr: articles, rate, quotations, errors."""

    def __init__(self, enabled: bool) -> None:
        self._progress: Progress | None = None
        if enabled:
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                      console=Console(stderr=True), transient=True,
                                      redirect_stderr=True, redirect_stdout=False)
            self._task = self._progress.add_task("ingesting", total=None)
            self._progress.start()

    def update(self, s: IngestStats) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=_summary(s))

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def _summary(s: IngestStats) -> str:
    return (f"{s.articles:,} articles stored, {s.skipped:,} already there, "
            f"{s.quotations:,} quotations, {s.errors:,} errors "
            f"({s.rate:,.0f} articles/s)")


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@_db_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: one per CPU).")
@click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH,
              show_default=True, help="Articles per transaction.")
@click.option("--csv-text", default="text", show_default=True, help="CSV column of the text.")
@click.option("--csv-id", default="id", show_default=True, help="CSV column of the id.")
@click.option("--csv-title", default="title", show_default=True,
              help="CSV column of the title.")
@click.option("--csv-date", default="date", show_default=True,
              help="CSV column of the date (YYYY-MM-DD).")
@click.option("--csv-source", default="url", show_default=True,
              help="CSV column of the source (a URL).")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Store only records at least this likely to be right end to end "
                   "(default: extraction's own threshold for indirect records).")
def ingest_command(inputs: tuple[str, ...], db_path: Path, workers: int | None,
                   batch_size: int, csv_text: str, csv_id: str, csv_title: str, csv_date: str,
                   csv_source: str, min_confidence: float | None) -> None:
    """Extract the quotations of every article in INPUT... and store them.

    INPUT: files or folders (read recursively) of .txt (optional ' date YYYY-MM-DD ' header),
    .jsonl / .jsonl.gz (one object per line: 'text', optional 'id', 'date', 'title', 'url'),
    .csv, .html, .warc / .warc.gz; '-' reads stdin. Articles already stored (by id: the one
    given, or a hash of the normalized text) are skipped, so re-running adds nothing.
    """
    fields = CsvFields(text=csv_text, id=csv_id, title=csv_title, date=csv_date,
                       source=csv_source)
    stats = run_ingest(iter_corpus(inputs, csv_fields=fields), db_path, workers, batch_size,
                       min_confidence=min_confidence)
    # every input ends stored, already there, or an error: all errors means all failed
    if stats.errors and not stats.articles and not stats.skipped:
        raise SystemExit(EXIT_BAD_INPUT)


def run_ingest(items: Iterable[Article | InputError], db_path: Path, workers: int | None,
               batch_size: int = DEFAULT_BATCH, *,
               min_confidence: float | None = None) -> IngestStats:
    """Ingest ``items`` into the database at ``db_path`` with a progress line and a closing
    summary on stderr (``ingest`` and ``demo``)."""
    store = _open(db_path, readonly=False)
    progress = _IngestProgress(enabled=sys.stderr.isatty())
    try:
        stats = ingest(items, store, workers=workers, batch_size=batch_size,
                       on_error=lambda m: say(f"quotegraph: {m}"), on_batch=progress.update,
                       min_confidence=min_confidence)
    except QuotegraphError as exc:
        fail(exc)
    finally:
        progress.stop()
        store.close()
    say(f"quotegraph: {_summary(stats)} in {stats.seconds:.1f} s; database {db_path}")
    return stats


# --------------------------------------------------------------------------------------------
# queries

def _format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]),
                        default="table", show_default=True)(func)


def _flat_quote(q: dict[str, Any]) -> dict[str, Any]:
    spk, adr, cue = q["speaker"], q["addressee"], q["cue"]
    return {
        "article_id": q["article"]["id"], "article_source": q["article"]["source"],
        "date": q["article"]["date"], "quote_id": q["id"], "kind": q["kind"], "text": q["text"],
        "speaker": spk["name"] if spk else None, "speaker_id": q["speaker_id"],
        "speaker_type": spk["type"] if spk else None,
        "addressee": adr["name"] if adr else None, "addressee_id": q["addressee_id"],
        "cue": cue["text"] if cue else None, "cue_lemma": cue["lemma"] if cue else None,
        "manner": cue["manner"] if cue else None,
        "start": q["spans"][0][0] if q["spans"] else None,
        "end": q["spans"][-1][1] if q["spans"] else None,
        "cluster": q["cluster"], "confidence": q["confidence"],
    }


def _write_rows(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...],
                table: Callable[[list[dict[str, Any]]], Table], out: TextIO) -> None:
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    else:
        console = Console(file=out, width=None if out.isatty() else PIPE_WIDTH)
        console.print(table(rows))


def _quote_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(box=box.SIMPLE, show_edge=False)
    for name in ("Date", "Speaker", "Kind", "Cue", "Quotation"):
        t.add_column(name, overflow="fold")
    for q in rows:
        spk, cue = q["speaker"], q["cue"]
        text = q["text"] if len(q["text"]) <= 90 else q["text"][:89] + "…"
        t.add_row(q["article"]["date"] or "", spk["name"] if spk else "(unknown)", q["kind"],
                  f"{cue['text']} ({cue['manner']})" if cue else "", text)
    return t


def _speaker_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(box=box.SIMPLE, show_edge=False)
    for name in ("Id", "Speaker", "Type", "Quotations", "Articles", "First", "Last"):
        t.add_column(name)
    for s in rows:
        t.add_row(str(s["id"]), s["name"], s["type"], str(s["quotes"]), str(s["articles"]),
                  s["first_date"] or "", s["last_date"] or "")
    return t


@click.command("quotes")
@_db_option
@click.option("--speaker", help="A speaker's name or a name form articles use (any case).")
@click.option("--addressee", help="An addressee's name or name form.")
@click.option("--search", help="Words that must all occur in the quotation or speaker name.")
@click.option("--since", help="From this date on (YYYY-MM-DD).")
@click.option("--until", help="Up to this date (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(KINDS))
@click.option("--manner", type=click.Choice(MANNERS))
@click.option("--cluster", type=int, help="Only the quotations of this cluster.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0),
              help="Only records at least this likely to be right end to end.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0, show_default=True)
@_format_option
def quotes_command(db_path: Path, speaker: str | None, addressee: str | None,
                   search: str | None, since: str | None, until: str | None, kind: str | None,
                   manner: str | None, cluster: int | None, min_confidence: float | None,
                   limit: int, offset: int, fmt: str) -> None:
    """Find stored quotations (in date order; newest first with --search)."""
    store = _open(db_path, readonly=True)
    f = QuoteFilters(speaker=speaker, addressee=addressee, search=search, since=since,
                     until=until, kind=kind, manner=manner, cluster=cluster,
                     min_confidence=min_confidence, limit=limit, offset=offset)
    try:
        found = quotes(store, f)
    except QuotegraphError as exc:
        fail(exc)
    finally:
        store.close()
    rows = [_flat_quote(q) for q in found] if fmt == "csv" else found
    _write_rows(rows, fmt, QUOTE_COLUMNS, _quote_table, sys.stdout)


@click.command("speakers")
@_db_option
@click.option("--top", type=int, default=20, show_default=True)
@click.option("--type", "etype",
              type=click.Choice(SPEAKER_TYPES))
@_format_option
def speakers_command(db_path: Path, top: int, etype: str | None, fmt: str) -> None:
    """The speakers quoted most often across the corpus."""
    store = _open(db_path, readonly=True)
    try:
        rows = speakers(store, top, etype)
    except QuotegraphError as exc:
        fail(exc)
    finally:
        store.close()
    _write_rows(rows, fmt, SPEAKER_COLUMNS, _speaker_table, sys.stdout)


@click.command("export")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]),
              default="jsonl", show_default=True,
              help="jsonl: one article per line, as `extract --format jsonl` prints it; csv "
              "and parquet: one row per quotation.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of stdout (required for parquet).")
def export_command(db_path: Path, fmt: str, out: Path | None) -> None:
    """Export the whole store."""
    store = _open(db_path, readonly=True)
    try:
        if fmt == "parquet":
            if out is None:
                fail("--format parquet needs --out PATH")
            _export_parquet(store, out)
            return
        stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            if fmt == "jsonl":
                for aid in store.article_ids():
                    stream.write(json.dumps(store.article_result(aid), ensure_ascii=False))
                    stream.write("\n")
            else:
                w = csv.DictWriter(stream, fieldnames=list(QUOTE_COLUMNS), extrasaction="ignore")
                w.writeheader()
                for row in iter_quote_rows(store):
                    w.writerow(_flat_row(row))
        finally:
            if out:
                stream.close()
    finally:
        store.close()


def _flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A ``quotations`` row (with its article's columns) as an export row."""
    return {
        "article_id": row["article_id"], "article_source": row["article_source"],
        "date": row["date"], "quote_id": row["id"], "kind": row["kind"], "text": row["text"],
        "speaker": row["speaker_name"], "speaker_id": row["speaker_id"],
        "speaker_type": row["speaker_type"], "addressee": row["addressee_name"],
        "addressee_id": row["addressee_id"], "cue": row["cue_text"],
        "cue_lemma": row["cue_lemma"], "manner": row["cue_manner"],
        "start": row["start"], "end": row["end"], "cluster": row["cluster_id"],
        "confidence": row["confidence"],
    }


def _export_parquet(store: Store, out: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        fail("parquet export needs pyarrow: pip install 'quotegraph[parquet]'")
    schema = pa.schema([(c, pa.int64() if c in ("speaker_id", "addressee_id", "cluster",
                                                "start", "end") else
                         pa.float64() if c == "confidence" else pa.string())
                        for c in QUOTE_COLUMNS])
    with pq.ParquetWriter(str(out), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in iter_quote_rows(store):
            batch.append(_flat_row(row))
            if len(batch) == 10_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))


COMMANDS = (ingest_command, quotes_command, speakers_command, export_command)
