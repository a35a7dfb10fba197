"""The ``quotegraph`` command line: ``extract``, ``demo`` (and ``eval``, from :mod:`.eval`).

Results go to stdout, in input order; errors, the skip summary and the progress bar go to stderr.

Inputs and exit codes of ``quotegraph extract``
  An *input* is one article: a plain-text file, stdin (``-``), or one non-blank line of a JSONL
  file. A JSONL file that cannot be read at all counts as one input.

  ``--errors fail`` (default): the first bad input prints one line
  ``quotegraph: error: <message>`` and stops the run with exit code 2 (an unexpected error inside
  the extractor stops it with exit code 1). Results printed before stay printed; a ``json`` array
  or a ``table`` is closed over the articles done so far.

  ``--errors skip``: every bad input prints its error line and the run goes on; at the end
  ``quotegraph: skipped N of M inputs`` is printed. The exit code is 0 when at least one input
  succeeded (or there were none), 2 when every input failed.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Literal, Protocol, TextIO, TypeVar
from urllib.parse import urlsplit

import click
from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from .. import __version__
from ..errors import InputError, QuotegraphError
from ..ingest import article_from_text, decode, iter_jsonl, read_bytes, read_text_article
from ..pipeline import extract_article
from ..records import Article, ArticleResult, Quote
from .eval import eval_group
from .output import report as _report
from .output import say as _say
from .store import COMMANDS as STORE_COMMANDS
from .web import COMMANDS as WEB_COMMANDS

OutputFormat = Literal["table", "jsonl", "json", "csv"]
InputFormat = Literal["auto", "text", "jsonl"]
ErrorPolicy = Literal["fail", "skip"]

STDIN_SOURCE = "<stdin>"
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_COLUMNS = (
    "article_id", "source", "date", "quote_id", "kind", "speaker", "speaker_type", "addressee",
    "cue", "manner", "start", "end", "text", "confidence",
)
PROGRESS_MIN_INPUTS = 5  # a progress bar appears when there are more inputs than this
QUOTE_WIDTH = 70  # characters of quotation text shown in the table
LABEL_WIDTH = 28  # characters of article label shown in the table
PIPE_WIDTH = 200  # table width when stdout is not a terminal (rich would assume 80)

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1


# --------------------------------------------------------------------------------------------
# small helpers


def _stderr_is_tty() -> bool:
    return sys.stderr.isatty()


def _stdout() -> TextIO:
    """stdout, switched to UTF-8 when it is a text stream in another encoding."""
    out = sys.stdout
    encoding = (getattr(out, "encoding", None) or "").lower().replace("_", "-")
    if encoding not in {"utf-8", "utf8"} and isinstance(out, io.TextIOWrapper):
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            out.reconfigure(encoding="utf-8")
    return out


def _stdin_bytes() -> BinaryIO:
    return sys.stdin.buffer


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[: width - 1].rstrip() + "…"


def _article_label(article: Article) -> str:
    """A short name for an article in the table: its file or URL name, else its id."""
    label = ""
    if article.source:
        if "://" in article.source:
            parts = urlsplit(article.source)
            label = PurePosixPath(parts.path).name or parts.netloc
        else:
            label = Path(article.source).name or article.source
    return _shorten(label or article.id[:12], LABEL_WIDTH)


def _who(quote: Quote) -> str:
    speaker = quote.speaker.name if quote.speaker else "?"
    if quote.addressee:
        return f"{speaker} → {quote.addressee.name}"
    return speaker


def _cue(quote: Quote) -> str:
    if quote.cue is None:
        return "—"
    return f"{quote.cue.text} ({quote.cue.manner})"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --------------------------------------------------------------------------------------------
# output writers: write() once per article, in input order, then close() once


class _Writer(Protocol):
    def write(self, result: ArticleResult) -> None: ...

    def close(self) -> None: ...


class _JsonlWriter:
    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, result: ArticleResult) -> None:
        self._out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        self._out.flush()

    def close(self) -> None:
        self._out.flush()


class _JsonWriter:
    """A JSON array, streamed: one element per line, closed even when the run stops early."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._count = 0

    def write(self, result: ArticleResult) -> None:
        self._out.write("[\n" if self._count == 0 else ",\n")
        self._out.write(json.dumps(result.to_dict(), ensure_ascii=False))
        self._out.flush()
        self._count += 1

    def close(self) -> None:
        self._out.write("[]\n" if self._count == 0 else "\n]\n")
        self._out.flush()


class _CsvWriter:
    """One row per quotation; the header is written even when there is none."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._csv = csv.writer(out, lineterminator="\n")
        self._csv.writerow(CSV_COLUMNS)

    def write(self, result: ArticleResult) -> None:
        a = result.article
        for q in result.quotes:
            self._csv.writerow([
                a.id,
                a.source or "",
                a.date or "",
                q.id,
                q.kind,
                q.speaker.name if q.speaker else "",
                q.speaker.type if q.speaker else "",
                q.addressee.name if q.addressee else "",
                q.cue.text if q.cue else "",
                q.cue.manner if q.cue else "",
                q.spans[0].start if q.spans else "",
                q.spans[-1].end if q.spans else "",
                q.text,
                round(q.confidence, 3),
            ])
        self._out.flush()

    def close(self) -> None:
        self._out.flush()


class _TableWriter:
    """A rich table of every quotation, printed when the run ends."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._rows: list[tuple[str, str, str, str, str]] = []
        self._articles = 0

    def write(self, result: ArticleResult) -> None:
        self._articles += 1
        label = _article_label(result.article)
        for q in result.quotes:
            self._rows.append((label, q.kind, _who(q), _cue(q), _shorten(q.text, QUOTE_WIDTH)))

    def close(self) -> None:
        is_tty = self._out.isatty()
        console = Console(
            file=self._out, width=None if is_tty else PIPE_WIDTH, highlight=False, emoji=False
        )
        table = Table(
            box=box.SIMPLE_HEAD,
            caption=f"{_plural(len(self._rows), 'quotation')} in "
            f"{_plural(self._articles, 'article')}",
        )
        table.add_column("Article", style="dim", no_wrap=True)
        table.add_column("Kind", no_wrap=True)
        table.add_column("Speaker → Addressee", style="bold")
        table.add_column("Cue (manner)")
        table.add_column("Quotation")
        for row in self._rows:
            # Text() cells: quotation text is data, never rich markup or emoji codes.
            table.add_row(*(Text(cell) for cell in row))
        console.print(table)
        self._out.flush()


_WRITERS: dict[str, Callable[[TextIO], _Writer]] = {
    "table": _TableWriter,
    "jsonl": _JsonlWriter,
    "json": _JsonWriter,
    "csv": _CsvWriter,
}


# --------------------------------------------------------------------------------------------
# progress on stderr


class _ProgressReporter:
    """A transient rich progress bar on stderr, started once more than a few inputs are known.

    ``expect(n)`` adds to the number of inputs known (a JSONL file counts as one until it is
    read, then as its lines); ``advance()`` marks one input done, good or bad.
    """

    def __init__(self, enabled: bool) -> None:
        self._enabled = enabled
        self._total = 0
        self._done = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def expect(self, n: int) -> None:
        self._total = max(self._done, self._total + n)
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, total=self._total)
        elif self._enabled and self._total > PROGRESS_MIN_INPUTS:
            self._progress = Progress(
                TextColumn("extracting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
                redirect_stdout=False,  # results must never pass through the bar's console
                redirect_stderr=True,  # error lines print above the bar
            )
            self._progress.start()
            self._task = self._progress.add_task("extract", total=self._total,
                                                 completed=self._done)

    def advance(self) -> None:
        self._done += 1
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=self._done)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
            self._task = None


# --------------------------------------------------------------------------------------------
# inputs


def _input_kind(path: str, input_format: InputFormat) -> Literal["text", "jsonl"]:
    if input_format != "auto":
        return input_format
    if path != "-" and Path(path).suffix.lower() in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def _os_error(path: str, exc: OSError) -> InputError:
    return InputError(f"{path}: {exc.strerror or exc}", source=path)


def _estimated_records(data: bytes) -> int:
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def _read_text(path: str) -> Article | InputError:
    try:
        if path == "-":
            raw = decode(_stdin_bytes().read(), STDIN_SOURCE)
            return article_from_text(raw, source=STDIN_SOURCE)
        return read_text_article(path)
    except InputError as err:
        return err
    except OSError as exc:
        return _os_error(STDIN_SOURCE if path == "-" else path, exc)


def _read_jsonl(path: str, progress: _ProgressReporter) -> Iterator[Article | InputError]:
    source = STDIN_SOURCE if path == "-" else path
    try:
        data = _stdin_bytes().read() if path == "-" else read_bytes(path)
    except InputError as err:
        yield err
        return
    except OSError as exc:
        yield _os_error(source, exc)
        return
    progress.expect(_estimated_records(data) - 1)
    yield from iter_jsonl(data, source)


def _iter_inputs(paths: Sequence[str], input_format: InputFormat,
                 progress: _ProgressReporter) -> Iterator[Article | InputError]:
    """Every input as an Article, or as the InputError that says why it cannot be read."""
    for path in paths:
        if _input_kind(path, input_format) == "jsonl":
            yield from _read_jsonl(path, progress)
        else:
            yield _read_text(path)


# --------------------------------------------------------------------------------------------
# the run


def _run(items: Iterable[Article | InputError], writer: _Writer, errors: ErrorPolicy,
         progress: _ProgressReporter, min_confidence: float | None = None) -> int:
    """Extract every input and write the results; return the exit code."""
    total = failed = 0
    stop_code: int | None = None
    try:
        for item in items:
            total += 1
            if isinstance(item, InputError):
                failed += 1
                _report(str(item))
                progress.advance()
                if errors == "fail":
                    stop_code = EXIT_BAD_INPUT
                    break
                continue
            try:
                result = extract_article(item) if min_confidence is None else \
                    extract_article(item, min_confidence=min_confidence)
            except Exception as exc:  # one broken article must not take the batch down
                failed += 1
                where = item.source or item.id
                _report(f"internal error on {where}: {type(exc).__name__}: {exc}")
                progress.advance()
                if errors == "fail":
                    stop_code = EXIT_INTERNAL
                    break
                continue
            writer.write(result)
            progress.advance()
    finally:
        progress.stop()
    writer.close()
    if stop_code is not None:
        return stop_code
    if failed:
        _say(f"quotegraph: skipped {failed} of {total} inputs")
        if failed == total:
            return EXIT_BAD_INPUT
    return 0


# --------------------------------------------------------------------------------------------
# commands

F = TypeVar("F", bound=Callable[..., Any])


def _format_option(func: F) -> F:
    return click.option(
        "--format", "fmt",
        type=click.Choice(["table", "jsonl", "json", "csv"]),
        default="table", show_default=True,
        help="table: one row per quotation; jsonl: one JSON object per article per line; "
        "json: a JSON array of those; csv: one row per quotation.",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="quotegraph")
def main() -> None:
    """quotegraph: who said what to whom, in news text."""


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_format_option
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "jsonl"]),
    default="auto", show_default=True,
    help="text: each PATH is one article; jsonl: each line of PATH is an object with 'text' "
    "and optional 'id', 'date', 'title', 'url'; auto: jsonl for .jsonl/.ndjson files, "
    "text otherwise (stdin included).",
)
@click.option(
    "--errors",
    type=click.Choice(["fail", "skip"]),
    default="fail", show_default=True,
    help="fail: stop at the first bad input (exit 2); skip: report it, go on, and print a "
    "summary (exit 2 only if every input failed).",
)
@click.option(
    "--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, metavar="P",
    help="Leave out records less likely than P to be right end to end (default: the "
    "shipped model's threshold, which hides only indirect records that are wrong on dev; "
    "0 shows every record).",
)
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], fmt: OutputFormat,
            input_format: InputFormat, errors: ErrorPolicy,
            min_confidence: float | None) -> None:
    """Extract the quotations of each article in PATH... ('-' reads stdin).

    Plain-text articles may open with a ' date YYYY-MM-DD ' header, which sets the article's
    date and is removed from its text. Each record's confidence is the learned probability
    that its content, cue and speaker are all right.
    """
    progress = _ProgressReporter(enabled=_stderr_is_tty())
    progress.expect(len(paths))
    writer = _WRITERS[fmt](_stdout())
    ctx.exit(_run(_iter_inputs(paths, input_format, progress), writer, errors, progress,
                  min_confidence))


main.add_command(eval_group)
for _command in (*STORE_COMMANDS, *WEB_COMMANDS):
    main.add_command(_command)


@main.command()
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The shared folder holding data/ (default: ../shared beside the checkout).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the model and its card (default: quotegraph/models).")
def train(shared: Path | None, out: Path | None) -> None:
    """Fit the learned parts on PolNeAR train and the PDNC training novels.

    In order: the reporting words, word tags and name classes, the pronoun resolver, the
    cue detector, where reported clauses end, the speaker ranker, the record confidence
    (thresholds tuned on dev). Needs NumPy
    (pip install -e '.[train]'). Writes each model and the model cards, and prints them.
    """
    from ..evaluate.gate import default_shared_root
    from ..training import train as run_training

    root = shared or default_shared_root()
    target = out or Path(__file__).parents[1] / "models"
    try:
        card = run_training(root, target, log=lambda m: click.echo(m, err=True))
    except (QuotegraphError, ImportError) as exc:
        sys.stderr.write(f"quotegraph: error: {exc}\n")
        raise SystemExit(2) from None
    click.echo(json.dumps(card, indent=1))
