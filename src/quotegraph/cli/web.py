"""The web commands: ``quotegraph serve`` (the browser UI and JSON API over a corpus
database) and ``quotegraph demo`` (build a database from the bundled sample corpus, plus any
files given, and serve it)."""

from __future__ import annotations

import errno
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import click

from ..errors import QuotegraphError
from ..readers import iter_corpus
from ..store import Store
from .output import say
from .store import fail, run_ingest

DEMO_DB = "quotegraph-demo.db"
DEFAULT_PORT = 8000


def _host_options(func: click.decorators.FC) -> click.decorators.FC:
    func = click.option("--timeout-ms", type=click.IntRange(min=10), default=2000,
                        show_default=True, help="Abort any one query that runs longer.")(func)
    func = click.option("--port", type=click.IntRange(min=0, max=65535), default=DEFAULT_PORT,
                        show_default=True)(func)
    return click.option("--host", default="127.0.0.1", show_default=True,
                        help="Address to listen on (0.0.0.0 exposes the server to the "
                             "network).")(func)


def _check_port(host: str, port: int) -> None:
    """Fail with a plain message, before the server starts, when the port is taken."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        hint = " (try another --port)" if exc.errno == errno.EADDRINUSE else ""
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}")


def serve_database(db_path: Path, host: str, port: int, timeout_ms: int) -> None:
    import uvicorn

    from ..web import create_app

    try:
        app = create_app(db_path, timeout_ms=timeout_ms)
    except QuotegraphError as exc:
        fail(exc)
    _check_port(host, port)
    shown = f"[{host}]" if ":" in host else host
    say(f"quotegraph: serving {db_path} at http://{shown}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@click.command("serve")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              default="quotegraph.db", show_default=True, help="The corpus database.")
@_host_options
def serve_command(db_path: Path, host: str, port: int, timeout_ms: int) -> None:
    """Serve the browser UI and the JSON API (/api/, docs at /api/docs) over a database
    made by `quotegraph ingest`. The database is opened read-only."""
    serve_database(db_path, host, port, timeout_ms)


@contextmanager
def sample_corpus() -> Iterator[Path]:
    """The bundled sample articles' folder, as a path on disk."""
    with resources.as_file(resources.files("quotegraph") / "data" / "samples") as path:
        yield path


@click.command("demo")
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              default=DEMO_DB, show_default=True, help="Where to build the demo database.")
@click.option("--no-serve", is_flag=True, help="Build the database, print its figures, exit.")
@_host_options
def demo_command(files: tuple[str, ...], db_path: Path, no_serve: bool, host: str, port: int,
                 timeout_ms: int) -> None:
    """Build a database from the bundled sample corpus (Harbor City news, written for
    quotegraph) plus any FILEs given (anything `quotegraph ingest` reads), then serve it."""
    with sample_corpus() as samples:
        # the sample articles are always there, so a bad extra file is reported, not fatal
        run_ingest(iter_corpus([str(samples), *files]), db_path, workers=1)
    try:
        with Store.open(db_path, readonly=True) as store:
            counts = store.counts()
    except QuotegraphError as exc:
        fail(exc)
    click.echo(f"{db_path}: {counts['articles']} articles, {counts['quotations']} quotations, "
               f"{counts['speakers']} speakers, {counts['clusters']} quotations reported by "
               f"several articles")
    sys.stdout.flush()
    if not no_serve:
        serve_database(db_path, host, port, timeout_ms)


COMMANDS = (serve_command, demo_command)
