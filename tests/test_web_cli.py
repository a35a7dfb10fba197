"""``quotegraph demo`` and ``quotegraph serve`` from the command line."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quotegraph.cli import commands as cli
from quotegraph.store import Store, speakers

SHARED = Path(__file__).resolve().parents[2] / "shared"
FOUNDING = SHARED / "examples" / "baldwin-red-carpet.txt"
SAMPLE_ARTICLES = 25  # the 24 articles of samples/corpus and samples/harbor-council.txt


def run(*args: str) -> Result:
    return CliRunner().invoke(cli.main, list(args), catch_exceptions=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = run("demo", "--no-serve", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{db}: {SAMPLE_ARTICLES} articles, ")
    return db


def test_demo_builds_a_corpus_where_speakers_and_quotations_recur(demo_db: Path) -> None:
    with Store.open(demo_db, readonly=True) as store:
        top = {s["name"]: s for s in speakers(store, top=10)}
        counts = store.counts()
        shared = store.rows("SELECT text, articles FROM clusters WHERE articles > 1")
    assert counts["articles"] == SAMPLE_ARTICLES
    assert top["Linda Okafor"]["articles"] >= 15
    assert top["Priya Raman"]["articles"] >= 10
    assert top["Ray Delgado"]["articles"] >= 10
    assert counts["clusters"] >= 6
    assert any(c["text"].startswith("Harbor Forward is not about cutting service")
               and c["articles"] == 4 for c in shared)


def test_demo_again_adds_nothing(demo_db: Path) -> None:
    before = Store.open(demo_db, readonly=True).counts()
    result = run("demo", "--no-serve", "--db", str(demo_db))
    assert result.exit_code == 0
    assert f"0 articles stored, {SAMPLE_ARTICLES} already there" in result.stderr
    assert Store.open(demo_db, readonly=True).counts() == before


def test_demo_takes_more_files_and_reports_bad_ones(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not text")
    extra = [str(FOUNDING)] if FOUNDING.exists() else []
    result = run("demo", "--no-serve", "--db", str(tmp_path / "d.db"), str(bad), *extra)
    assert result.exit_code == 0
    assert f"{bad}" in result.stderr
    assert result.stdout.startswith(f"{tmp_path / 'd.db'}: "
                                    f"{SAMPLE_ARTICLES + len(extra)} articles")


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = run("serve", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert result.stderr == (f"quotegraph: error: {tmp_path / 'none.db'}: no such database "
                             "(run `quotegraph ingest` first)\n")


def test_serve_refuses_a_taken_port(demo_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--db", str(demo_db), "--port", str(port))
    assert result.exit_code == 2
    assert f"quotegraph: error: cannot listen on 127.0.0.1:{port}:" in result.stderr
    assert "(try another --port)" in result.stderr


def test_serve_answers_over_http(demo_db: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "quotegraph", "serve", "--db", str(demo_db),
                             "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats") as r:
                    body = json.load(r)
                break
            except OSError:
                time.sleep(0.1)
        assert body is not None, "the server did not answer within 10 s"
        assert body["ok"] is True
        assert body["data"]["articles"] == SAMPLE_ARTICLES
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"serving {demo_db} at http://127.0.0.1:{port}/" in err
