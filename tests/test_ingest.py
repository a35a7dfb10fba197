"""``quotegraph ingest`` and the query commands, end to end through the command line, and
the crash test: a run killed with SIGKILL and run again ends with the database an
uninterrupted run makes. Every article here is invented for these tests."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli import main
from quotegraph.corpus import ingest
from quotegraph.readers import iter_corpus
from quotegraph.store import Store

TOWNS = ["Brixham", "Lake Orrin", "Port Ellery", "Wendmoor", "Saltmarsh", "Corran Bay"]
PEOPLE = [("Linda", "Okafor"), ("Tomas", "Eberle"), ("Mira", "Odanje"), ("Piet", "Lanser")]


def article(i: int) -> str:
    """An invented council story; every one differs, and some quotations recur."""
    first, last = PEOPLE[i % len(PEOPLE)]
    town = TOWNS[i % len(TOWNS)]
    return (
        f" date 2026-{1 + i % 12:02d}-{1 + i % 27:02d} \n"
        f"Mayor {first} {last} of {town} defended the ferry budget on Tuesday.\n"
        f"“We will not close the ferry line while a single family still depends on it,” "
        f"{last} said.\n"
        f"Councillor Ada Moss disagreed. “The numbers for crossing {i} do not add up,” "
        f"she told reporters.\n"
        f"{last} said the council would vote again in {3 + i % 9} weeks.\n")


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"story-{i:03d}.txt").write_text(article(i), encoding="utf-8")


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_stores_reports_and_skips_what_it_has(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in" / "sub", 3)
    (tmp_path / "in" / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Ada Moss said: “The harbour wall held.”",
                    "date": "2026-05-01", "url": "https://example.org/j1"}) + "\n"
        "{not json\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    code, _out, err = run("ingest", str(tmp_path / "in"), "--db", db, "--workers", "1")
    assert code == 0
    assert f"{tmp_path / 'in' / 'feed.jsonl'}:2: invalid JSON" in err
    assert "4 articles stored, 0 already there, 13 quotations, 1 errors" in err
    code, _out, err = run("ingest", str(tmp_path / "in"), "--db", db)
    assert code == 0
    assert "0 articles stored, 4 already there, 0 quotations, 1 errors" in err


def test_ingest_of_only_bad_inputs_fails(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9")
    code, _out, err = run("ingest", str(tmp_path / "bad.txt"), "--db", str(tmp_path / "c.db"))
    assert code == 2
    assert "not valid UTF-8 at byte offset 3" in err


@pytest.fixture
def db(tmp_path: Path) -> str:
    write_corpus(tmp_path / "in", 8)
    path = str(tmp_path / "c.db")
    code, _out, err = run("ingest", str(tmp_path / "in"), "--db", path, "--workers", "1")
    assert code == 0, err
    return path


def test_quotes_command_filters_and_formats(db: str) -> None:
    code, out, _err = run("quotes", "--db", db, "--speaker", "Okafor", "--kind", "direct",
                          "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    said = "We will not close the ferry line while a single family still depends on it,"
    assert [(r["article"]["date"], r["speaker"]["name"], r["text"]) for r in rows] == [
        ("2026-01-01", "Linda Okafor", said), ("2026-05-05", "Linda Okafor", said)]
    assert rows[0]["cluster"] == rows[1]["cluster"]
    code, out, _err = run("quotes", "--db", db, "--search", "crossing 5", "--format", "csv")
    assert code == 0
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert (row["speaker"], row["addressee"], row["cue"], row["text"], row["date"]) == (
        "Ada Moss", "reporters", "told", "The numbers for crossing 5 do not add up,",
        "2026-06-06")


def test_query_errors_are_one_line(db: str, tmp_path: Path) -> None:
    code, _out, err = run("quotes", "--db", db, "--since", "yesterday")
    assert (code, err) == (2, "quotegraph: error: since must be a date YYYY-MM-DD, "
                              "not 'yesterday'\n")
    code, _out, err = run("speakers", "--db", str(tmp_path / "none.db"))
    assert code == 2
    assert err.startswith("quotegraph: error: ") and "no such database" in err


def test_speakers_command_counts_across_articles(db: str) -> None:
    code, out, _err = run("speakers", "--db", db, "--top", "3", "--format", "json")
    assert code == 0
    assert [(s["name"], s["quotes"], s["articles"]) for s in json.loads(out)] == [
        ("Ada Moss", 8, 8), ("Linda Okafor", 6, 2), ("Tomas Eberle", 6, 2)]


def test_export_jsonl_is_what_extract_prints(db: str, tmp_path: Path) -> None:
    code, out, _err = run("export", "--db", db, "--format", "jsonl")
    assert code == 0
    exported = [json.loads(line) for line in out.splitlines()]
    assert len(exported) == 8
    code, direct, _err = run("extract", str(tmp_path / "in" / "story-000.txt"),
                             "--format", "jsonl")
    first = json.loads(direct)
    first["article"]["source"] = exported[0]["article"]["source"]
    assert exported[0] == first
    code, out, _err = run("export", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 8 * 4
    assert (rows[0]["text"], rows[0]["start"], rows[0]["end"]) == (
        "the ferry budget on Tuesday", "40", "67")


def test_the_two_csv_outputs_agree_row_for_row(db: str) -> None:
    """``quotes --format csv`` flattens query records and ``export --format csv`` flattens
    stored rows as it streams them: the same quotation gives the same row either way."""
    code, queried, _err = run("quotes", "--db", db, "--limit", "100", "--format", "csv")
    assert code == 0
    code, exported, _err = run("export", "--db", db, "--format", "csv")
    assert code == 0

    def rows(out: str) -> list[tuple[str, ...]]:
        return sorted(tuple(r.values()) for r in csv.DictReader(io.StringIO(out)))

    assert len(rows(queried)) == 32
    assert rows(queried) == rows(exported)


def test_export_parquet_holds_one_row_per_quotation(db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "q.parquet"
    code, _out, err = run("export", "--db", db, "--format", "parquet", "--out", str(out))
    assert code == 0, err
    table = pq.read_table(out)
    assert table.num_rows == 32
    row = table.slice(2, 1).to_pylist()[0]
    assert (row["speaker"], row["addressee"], row["cue"], row["date"]) == (
        "Ada Moss", "reporters", "told", "2026-01-01")
    code, _out, err = run("export", "--db", db, "--format", "parquet")
    assert (code, err) == (2, "quotegraph: error: --format parquet needs --out PATH\n")


# -- crash safety ------------------------------------------------------------------------------

def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _count(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _ingest_cmd(inputs: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "quotegraph", "ingest", str(inputs), "--db", str(db),
            "--workers", "1", "--batch-size", "3"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_ingest_run_again_ends_identical(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 90)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    subprocess.run(_ingest_cmd(tmp_path / "in", whole), check=True, capture_output=True)
    proc = subprocess.Popen(_ingest_cmd(tmp_path / "in", killed),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _count(killed) < 10 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(killed)
    assert 0 < stored < 90, "the run was to be killed half way"
    subprocess.run(_ingest_cmd(tmp_path / "in", killed), check=True, capture_output=True)
    assert _count(killed) == 90
    assert _dump(killed) == _dump(whole)


def test_two_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    """The process pool (batches of 16 or more, several in the pool at once) and the single
    process give the same database, clusters and merged speakers included; an article given
    twice is stored once, even when its copy is extracted before the first is stored."""
    write_corpus(tmp_path / "in", 64)
    # the first article again, in the second batch: read while the first is in the pool
    (tmp_path / "in" / "story-020-copy.txt").write_text(article(0), encoding="utf-8")
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        store = Store.open(db)
        stats = ingest(iter_corpus([str(tmp_path / "in")]), store, workers=workers,
                       batch_size=16)
        store.close()
        assert (stats.articles, stats.skipped, stats.errors) == (64, 1, 0)
        dumps.append(_dump(db))
    assert dumps[0] == dumps[1]
    conn = sqlite3.connect(tmp_path / "w2.db")
    try:  # the mayor's sentence, in all 64 articles, is one cluster
        assert conn.execute("SELECT max(articles) FROM clusters").fetchone()[0] == 64
    finally:
        conn.close()


def test_ingest_min_confidence_stores_only_the_likelier_records(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 4)
    counts = {}
    for floor in ("0", "0.999"):
        db = tmp_path / f"q{floor}.db"
        code, _, err = run("ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "1",
                           "--min-confidence", floor)
        assert code == 0, err
        s = Store.open(db, readonly=True)
        counts[floor] = s.counts()["quotations"]
        confs = [r[0] for r in s.conn.execute("SELECT confidence FROM quotations")]
        s.close()
        assert all(c >= float(floor) for c in confs)
    assert counts["0"] > counts["0.999"]
    code, _, err = run("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "x.db"),
                       "--min-confidence", "2")
    assert code == 2 and "0<=x<=1" in err.replace(" ", "")
