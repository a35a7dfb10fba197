"""The ``quotegraph`` command line: outputs, inputs, errors and exit codes.

Tests named ``test_engine_*`` need a working extractor (they assert what a correct engine finds
in one simple sentence or in the bundled sample); the others hold for any engine.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import quotegraph
from quotegraph.cli import commands as cli
from quotegraph.records import (
    Article,
    ArticleResult,
    CueRef,
    Quote,
    Span,
    SpeakerRef,
)

OKAFOR = '"We will reopen the pier in June," said Mayor Linda Okafor.'
OKAFOR_QUOTE = "We will reopen the pier in June,"
SAMPLE_NAMES = ("Linda Okafor", "Priya Raman", "Ray Delgado", "Dale Whitcomb")


def run(*args: str, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(cli.main, list(args), input=input, catch_exceptions=False)


def jsonl(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def sample_path() -> Path:
    resource = resources.files("quotegraph") / "data" / "samples" / "harbor-council.txt"
    return Path(str(resource))


def check_spans(doc: dict[str, Any]) -> None:
    """Every quotation's spans index its text into the article text (the JSON contract)."""
    text = doc["text"]
    for q in doc["quotes"]:
        assert q["spans"], q
        assert " ".join(text[s:e] for s, e in q["spans"]) == q["text"]


# -- a stand-in engine for tests of output rendering that must not depend on the real one ----


def fake_engine(article: Article) -> ArticleResult:
    first = Quote(
        id="q1", kind="direct",
        text="We can keep patching boats that are older than most of this council, or we can "
        "build something that lasts,",
        spans=(Span(0, 4),),
        speaker=SpeakerRef("e1", "Linda Okafor", "she", Span(5, 8), "person"),
        addressee=SpeakerRef("e2", "Dale Whitcomb", "him", Span(9, 12), "person"),
        cue=CueRef("fired back", "fire back", Span(13, 23), "hostile"),
        parent=None, confidence=0.81234,
    )
    second = Quote(
        id="q2", kind="direct", text="[bold]not markup[/bold] :smile:", spans=(Span(30, 40),),
        speaker=None, addressee=None, cue=None, parent=None, confidence=0.2,
    )
    return ArticleResult(article=article, quotes=(first, second))


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "extract_article", fake_engine)


# -- the engine on one simple sentence ---------------------------------------------------------


def test_engine_jsonl_on_text_file(tmp_path: Path) -> None:
    path = write(tmp_path, "pier.txt", OKAFOR)
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    [doc] = jsonl(result)
    assert doc["text"] == OKAFOR
    assert doc["article"]["source"] == str(path)
    [quote] = doc["quotes"]
    assert quote["kind"] == "direct"
    assert quote["text"] == OKAFOR_QUOTE
    assert quote["spans"] == [[1, 1 + len(OKAFOR_QUOTE)]]
    assert quote["speaker"]["name"] == "Linda Okafor"
    assert quote["speaker"]["type"] == "person"
    assert quote["cue"]["text"] == "said"
    check_spans(doc)


def test_engine_csv_header_and_rows(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", OKAFOR)
    b = write(tmp_path, "b.txt", " date 2026-05-01 " + OKAFOR)
    result = run("extract", str(a), str(b), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == cli.CSV_COLUMNS
    assert len(rows) == 3
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["source"] == str(a)
    assert first["speaker"] == "Linda Okafor"
    assert first["text"] == OKAFOR_QUOTE
    assert (first["start"], first["end"]) == ("1", str(1 + len(OKAFOR_QUOTE)))
    assert first["kind"] == "direct"
    assert dict(zip(rows[0], rows[2], strict=True))["date"] == "2026-05-01"


def test_engine_sample_table_shows_sample_speakers() -> None:
    result = run("extract", str(sample_path()))
    assert result.exit_code == 0, result.stderr
    assert "Priya Raman" in result.stdout
    assert sum(name in result.stdout for name in SAMPLE_NAMES) >= 3


def test_engine_sample_title_is_not_a_quotation() -> None:
    result = run("extract", str(sample_path()), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    [doc] = jsonl(result)
    texts = [q["text"].strip(" ,.") for q in doc["quotes"]]
    assert "Harbor Forward" not in texts
    # seven quotations: the split ones (Raman, Delgado, Whitcomb) merged, Okafor's last one
    # running over two paragraphs
    who = [
        (q["speaker"]["name"] if q["speaker"] else None,
         q["addressee"]["name"] if q["addressee"] else None, len(q["spans"]))
        for q in doc["quotes"] if q["kind"] == "direct"
    ]
    assert who == [
        ("Linda Okafor", None, 1),
        ("Priya Raman", "Linda Okafor", 2),
        ("Ray Delgado", None, 2),
        ("Priya Raman", "Dale Whitcomb", 1),
        ("Dale Whitcomb", "Priya Raman", 2),
        ("one rider", None, 1),
        ("Linda Okafor", "reporters", 2),
    ]
    check_spans(doc)


# -- inputs -------------------------------------------------------------------------------------


def test_date_header_sets_date_and_is_removed(tmp_path: Path) -> None:
    path = write(tmp_path, "dated.txt", " date 2026-05-14 The council met on Tuesday.\n")
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    [doc] = jsonl(result)
    assert doc["article"]["date"] == "2026-05-14"
    assert doc["text"] == "The council met on Tuesday.\n"


def test_no_header_means_no_date(tmp_path: Path) -> None:
    path = write(tmp_path, "plain.txt", "The council met on Tuesday.")
    [doc] = jsonl(run("extract", str(path), "--format", "jsonl"))
    assert doc["article"]["date"] is None


def test_stdin_text() -> None:
    result = run("extract", "-", "--format", "jsonl", input=(" date 2026-01-02 " + OKAFOR).encode())
    assert result.exit_code == 0, result.stderr
    [doc] = jsonl(result)
    assert doc["article"]["source"] == "<stdin>"
    assert doc["article"]["date"] == "2026-01-02"
    assert doc["text"] == OKAFOR


def test_stdin_jsonl() -> None:
    lines = "\n".join(json.dumps({"text": t}) for t in ("One.", "Two.")) + "\n"
    result = run("extract", "-", "--input-format", "jsonl", "--format", "jsonl", input=lines)
    assert result.exit_code == 0, result.stderr
    assert [d["text"] for d in jsonl(result)] == ["One.", "Two."]


def test_jsonl_input_sets_article_fields(tmp_path: Path) -> None:
    records = [
        {"id": "art-1", "date": "2026-05-14", "title": "Ferry fight", "text": OKAFOR,
         "url": "https://example.org/news/ferry-fight"},
        {"text": "No quotation here."},
    ]
    path = write(tmp_path, "corpus.txt", "".join(json.dumps(r) + "\n" for r in records))
    result = run("extract", str(path), "--input-format", "jsonl", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    first, second = jsonl(result)
    assert first["article"] == {
        "id": "art-1", "source": "https://example.org/news/ferry-fight", "date": "2026-05-14",
        "title": "Ferry fight",
    }
    assert first["text"] == OKAFOR
    assert second["article"]["source"] == f"{path}:2"
    assert second["article"]["date"] is None
    assert second["article"]["id"] == quotegraph.extract("No quotation here.").article.id


def test_jsonl_suffix_is_detected(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.jsonl", json.dumps({"id": "x", "text": "Hello."}) + "\n")
    [doc] = jsonl(run("extract", str(path), "--format", "jsonl"))
    assert doc["article"]["id"] == "x"
    assert doc["text"] == "Hello."


def test_text_format_overrides_suffix(tmp_path: Path) -> None:
    raw = json.dumps({"text": "Hello."}) + "\n"
    path = write(tmp_path, "corpus.jsonl", raw)
    [doc] = jsonl(run("extract", str(path), "--input-format", "text", "--format", "jsonl"))
    assert doc["text"] == raw


def test_empty_file_gives_zero_quotations(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", "")
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    [doc] = jsonl(result)
    assert doc["text"] == ""
    assert doc["quotes"] == []
    assert result.stderr == ""


def test_outputs_keep_input_order(tmp_path: Path) -> None:
    paths = [str(write(tmp_path, f"{n}.txt", f"Article {n}.")) for n in (3, 1, 2)]
    docs = jsonl(run("extract", *paths, "--format", "jsonl"))
    assert [d["text"] for d in docs] == ["Article 3.", "Article 1.", "Article 2."]


# -- output formats ----------------------------------------------------------------------------


def test_json_is_an_array_of_the_jsonl_objects(tmp_path: Path) -> None:
    paths = [str(write(tmp_path, f"{n}.txt", f"Article {n}. “Ünïcode”")) for n in (1, 2)]
    as_json = run("extract", *paths, "--format", "json")
    as_jsonl = run("extract", *paths, "--format", "jsonl")
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == jsonl(as_jsonl)
    assert "“Ünïcode”" in as_jsonl.stdout  # ensure_ascii=False


def test_json_with_no_article_is_an_empty_array(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.jsonl", "\n\n")
    result = run("extract", str(path), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_csv_of_an_empty_file_is_the_header_alone(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", "")
    result = run("extract", str(path), "--format", "csv")
    assert result.exit_code == 0
    assert list(csv.reader(io.StringIO(result.stdout))) == [list(cli.CSV_COLUMNS)]


@pytest.mark.usefixtures("fake")
def test_csv_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2026-05-14 Body.")
    result = run("extract", str(path), "--format", "csv")
    header, first, second = csv.reader(io.StringIO(result.stdout))
    row = dict(zip(header, first, strict=True))
    assert row == {
        "article_id": quotegraph.extract("Body.").article.id, "source": str(path),
        "date": "2026-05-14", "quote_id": "q1", "kind": "direct", "speaker": "Linda Okafor",
        "speaker_type": "person", "addressee": "Dale Whitcomb", "cue": "fired back",
        "manner": "hostile", "start": "0", "end": "4",
        "text": fake_engine(Article(id="", text="")).quotes[0].text, "confidence": "0.812",
    }
    empty = dict(zip(header, second, strict=True))
    assert (empty["speaker"], empty["addressee"], empty["cue"]) == ("", "", "")


@pytest.mark.usefixtures("fake")
def test_table_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "harbor.txt", "Body.")
    result = run("extract", str(path))
    assert result.exit_code == 0
    out = result.stdout
    assert "harbor.txt" in out
    assert "Linda Okafor → Dale Whitcomb" in out
    assert "fired back (hostile)" in out
    assert "We can keep patching boats" in out
    assert "something that lasts" not in out  # shortened …
    assert "…" in out
    assert "[bold]not markup[/bold] :smile:" in out  # data, not rich markup
    assert "2 quotations in 1 article" in out
    row = next(line for line in out.splitlines() if "not markup" in line)
    assert " ? " in row and "—" in row  # unknown speaker, no cue
    assert "\x1b[" not in out  # no colour codes when stdout is not a terminal


def test_table_with_no_quotation(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", "")
    result = run("extract", str(path))
    assert result.exit_code == 0
    assert "0 quotations in 1 article" in result.stdout


# -- errors and exit codes ---------------------------------------------------------------------


def test_invalid_utf8_names_file_and_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", b"Hello\xff world")
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = stderr_lines(result)
    assert line.startswith("quotegraph: error: ")
    assert "latin.txt" in line
    assert "byte offset 5" in line


def test_fail_stops_at_first_bad_input(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "First.")
    bad = write(tmp_path, "bad.txt", b"Bad \x80 bytes")
    later = write(tmp_path, "later.txt", "Later.")
    result = run("extract", str(good), str(bad), str(later), "--format", "jsonl")
    assert result.exit_code == 2
    assert [d["text"] for d in jsonl(result)] == ["First."]
    [line] = stderr_lines(result)
    assert "bad.txt" in line and "byte offset 4" in line


def test_fail_still_closes_the_json_array(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", "First.")
    result = run("extract", str(good), str(tmp_path / "missing.txt"), "--format", "json")
    assert result.exit_code == 2
    assert [d["text"] for d in json.loads(result.stdout)] == ["First."]


def test_skip_goes_on_and_summarises(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.txt", b"Hello\xff world")
    good = write(tmp_path, "good.txt", " date 2026-05-14 " + OKAFOR)
    result = run("extract", str(bad), str(good), "--format", "jsonl", "--errors", "skip")
    assert result.exit_code == 0
    [doc] = jsonl(result)
    assert doc["article"]["source"] == str(good)
    assert doc["text"] == OKAFOR
    error, summary = stderr_lines(result)
    assert error.startswith("quotegraph: error: ") and "bad.txt" in error
    assert summary == "quotegraph: skipped 1 of 2 inputs"


def test_skip_with_every_input_bad_exits_2(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--errors", "skip")
    assert result.exit_code == 2
    assert stderr_lines(result)[-1] == "quotegraph: skipped 2 of 2 inputs"


def test_malformed_jsonl_line(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.jsonl",
                 '{"text": "One."}\n{"text": "Two.",\n{"text": "Three."}\n')
    failed = run("extract", str(path), "--format", "jsonl")
    assert failed.exit_code == 2
    assert [d["text"] for d in jsonl(failed)] == ["One."]
    [line] = stderr_lines(failed)
    assert line.startswith(f"quotegraph: error: {path}:2: ")

    skipped = run("extract", str(path), "--format", "jsonl", "--errors", "skip")
    assert skipped.exit_code == 0
    assert [d["text"] for d in jsonl(skipped)] == ["One.", "Three."]
    error, summary = stderr_lines(skipped)
    assert f"{path}:2:" in error
    assert summary == "quotegraph: skipped 1 of 3 inputs"


def test_jsonl_record_without_text(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus.jsonl", '{"title": "no text"}\n')
    result = run("extract", str(path))
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert f"{path}:1:" in line and "text" in line


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = run("extract", str(missing))
    assert result.exit_code == 2
    assert stderr_lines(result) == [f"quotegraph: error: {missing}: no such file"]


def test_missing_jsonl_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.jsonl"
    result = run("extract", str(missing), "--errors", "skip")
    assert result.exit_code == 2
    assert stderr_lines(result)[0] == f"quotegraph: error: {missing}: no such file"


@pytest.mark.parametrize("input_format", ["text", "jsonl"])
def test_directory(tmp_path: Path, input_format: str) -> None:
    result = run("extract", str(tmp_path), "--input-format", input_format)
    assert result.exit_code == 2
    [line] = stderr_lines(result)
    assert line.startswith(f"quotegraph: error: {tmp_path}: is a directory")


def test_internal_error_does_not_stop_a_skip_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real: Callable[[Article], ArticleResult] = quotegraph.extract_article

    def flaky(article: Article) -> ArticleResult:
        if "boom" in article.text:
            raise RuntimeError("engine exploded\non two lines")
        return real(article)

    monkeypatch.setattr(cli, "extract_article", flaky)
    boom = write(tmp_path, "boom.txt", "boom")
    fine = write(tmp_path, "fine.txt", "Fine.")
    skipped = run("extract", str(boom), str(fine), "--format", "jsonl", "--errors", "skip")
    assert skipped.exit_code == 0
    assert [d["text"] for d in jsonl(skipped)] == ["Fine."]
    assert stderr_lines(skipped) == [
        f"quotegraph: error: internal error on {boom}: RuntimeError: engine exploded on two lines",
        "quotegraph: skipped 1 of 2 inputs",
    ]
    failed = run("extract", str(boom), str(fine), "--format", "jsonl")
    assert failed.exit_code == 1
    assert failed.stdout == ""


def test_no_path_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli.main, ["extract"])
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


# -- progress ----------------------------------------------------------------------------------


def test_progress_never_reaches_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_stderr_is_tty", lambda: True)
    paths = [str(write(tmp_path, f"{n}.txt", f"Article {n}.")) for n in range(7)]
    result = run("extract", *paths, "--format", "jsonl")
    assert result.exit_code == 0
    assert [d["text"] for d in jsonl(result)] == [f"Article {n}." for n in range(7)]


def test_progress_reporter_starts_past_five_inputs() -> None:
    reporter = cli._ProgressReporter(enabled=True)
    reporter.expect(5)
    assert reporter._progress is None
    reporter.expect(1)
    try:
        assert reporter._progress is not None
        assert reporter._progress.tasks[0].total == 6
        reporter.advance()
        assert reporter._progress.tasks[0].completed == 1
    finally:
        reporter.stop()
    assert reporter._progress is None


# -- demo, version, the real console script ----------------------------------------------------


def test_sample_is_bundled_with_a_date_header() -> None:
    raw = sample_path().read_text(encoding="utf-8")
    assert raw.startswith(" date 2026-05-14 ")
    assert "“Harbor Forward,”" in raw


def test_sample_jsonl_gives_the_header_date_and_file_name() -> None:
    [doc] = jsonl(run("extract", str(sample_path()), "--format", "jsonl"))
    assert doc["article"]["date"] == "2026-05-14"
    assert doc["article"]["source"] == str(sample_path())
    assert doc["text"].startswith("The Harbor City Council")


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert quotegraph.__version__ in result.stdout


def test_python_m_quotegraph_on_the_sample() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "quotegraph", "extract", "--format", "jsonl", str(sample_path())],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    [line] = proc.stdout.splitlines()
    doc = json.loads(line)
    assert doc["article"]["date"] == "2026-05-14"
    assert not doc["text"].startswith(" date")
    check_spans(doc)


def test_console_script_demo_builds_the_sample_database(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "quotegraph"
    if not script.exists():
        pytest.skip("the quotegraph console script is not installed next to this Python")
    db = tmp_path / "demo.db"
    proc = subprocess.run([str(script), "demo", "--no-serve", "--db", str(db)],
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"{db}: ")
    assert db.exists()
