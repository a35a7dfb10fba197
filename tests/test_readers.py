"""Reading a corpus from files, directories and stdin (quotegraph.readers).

Every fixture is invented text written into tmp_path by the test itself.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Sequence
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotegraph.errors import DecodeError, InputError, InputNotFoundError, RecordError
from quotegraph.ingest import article_id
from quotegraph.readers import (
    ArchiveError,
    CsvFields,
    ExtractionError,
    iter_corpus,
)
from quotegraph.records import Article

# --- helpers --------------------------------------------------------------------------------


def read(*inputs: str | Path, csv_fields: CsvFields | None = None) -> list[Article | InputError]:
    return list(iter_corpus([str(p) for p in inputs], csv_fields=csv_fields or CsvFields()))


def messages(items: Sequence[Article | InputError]) -> list[str]:
    return [str(item) for item in items if isinstance(item, InputError)]


def texts(items: Sequence[Article | InputError]) -> list[str]:
    return [item.text for item in items if isinstance(item, Article)]


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode("utf-8") + b"\n" for r in records)


# Invented paragraphs, long enough for trafilatura to treat them as article body.
P1 = ("The river council of Marrowby voted on Thursday to close the old footbridge "
      "for repairs, after engineers found rust in three of its supports.")
P2 = ('"We would rather be late than sorry," said the council chair, Odile Ferrant, '
      "who promised that a ferry would run in the meantime.")
P3 = ("Shopkeepers on the east bank said the closure would cost them customers, "
      "and asked for the work to be done before the summer fair.")


def page(*, title: str = "Footbridge to close", head: str = "", body_top: str = "",
         paragraphs: Sequence[str] = (P1, P2, P3)) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title>{head}"
            f"</head>\n<body><article>\n<h1>{title}</h1>\n{body_top}\n{paras}\n"
            f"</article></body></html>\n")


# --- plain text -----------------------------------------------------------------------------


def test_txt_with_date_header(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(" date 2024-02-03 Frost closed the pass.\nThe pass reopened at noon.\n",
                    encoding="utf-8")
    body = "Frost closed the pass.\nThe pass reopened at noon.\n"
    assert read(path) == [
        Article(id=article_id(body), text=body, source=str(path), date="2024-02-03")
    ]


def test_explicit_file_with_unknown_extension_is_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("The ferry left at dawn.", encoding="utf-8")
    assert read(path) == [
        Article(id=article_id("The ferry left at dawn."), text="The ferry left at dawn.",
                source=str(path))
    ]


def test_empty_txt_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(" date 2024-02-03\n  \n", encoding="utf-8")
    items = read(path)
    assert len(items) == 1
    assert isinstance(items[0], ExtractionError)
    assert str(items[0]) == f"{path}: no article text (the input is empty)"


def test_txt_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"abc\xffdef")
    items = read(path)
    assert len(items) == 1
    assert isinstance(items[0], DecodeError)
    assert items[0].offset == 3
    assert str(items[0]) == f"{path}: not valid UTF-8 at byte offset 3 (byte 0xff)"


def test_missing_path_is_yielded_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The mill reopened.", encoding="utf-8")
    missing = tmp_path / "nowhere.jsonl"
    items = read(missing, good)
    assert len(items) == 2
    assert isinstance(items[0], InputNotFoundError)
    assert str(items[0]) == f"{missing}: no such file"
    assert texts(items) == ["The mill reopened."]


# --- directories ----------------------------------------------------------------------------


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b.txt").write_text("Text of b.", encoding="utf-8")
    (root / "a.jsonl").write_bytes(jsonl({"text": "First of a.", "id": "a1"},
                                         {"text": "Second of a.", "id": "a2"}))
    (root / "sub" / "c.csv").write_text("id,text\nc1,Row of c.\n", encoding="utf-8")
    (root / "sub" / "d.TXT").write_text("Text of d.", encoding="utf-8")
    (root / "sub" / "deeper" / "e.ndjson").write_bytes(jsonl({"text": "Line of e."}))
    (root / "sub-z.txt").write_text("Text of sub-z.", encoding="utf-8")
    # never read: unknown extensions, hidden files and hidden directories
    (root / "readme.md").write_text("not an article", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG")
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (root / ".git" / "x.txt").write_text("hidden too", encoding="utf-8")

    items = read(root)
    assert messages(items) == []
    assert texts(items) == ["First of a.", "Second of a.", "Text of b.", "Row of c.",
                            "Text of d.", "Line of e.", "Text of sub-z."]
    assert [a.source for a in items if isinstance(a, Article)] == [
        f"{root}/a.jsonl:1",
        f"{root}/a.jsonl:2",
        f"{root}/b.txt",
        f"{root}/sub/c.csv:2",
        f"{root}/sub/d.TXT",
        f"{root}/sub/deeper/e.ndjson:1",
        f"{root}/sub-z.txt",
    ]


def test_hidden_file_given_by_name_is_read(tmp_path: Path) -> None:
    path = tmp_path / ".draft.txt"
    path.write_text("A draft.", encoding="utf-8")
    assert texts(read(path)) == ["A draft."]


# --- JSONL ----------------------------------------------------------------------------------


def test_jsonl_with_a_malformed_line_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(
        jsonl({"id": "one", "text": "The first report.", "url": "http://news.test/1",
               "title": "First", "date": "2023-04-05"})
        + b'{"id": "two", "text": \n'
        + jsonl({"text": "The third report."})
    )
    items = read(path)
    assert len(items) == 3
    assert items[0] == Article(id="one", text="The first report.", source="http://news.test/1",
                               date="2023-04-05", title="First")
    assert isinstance(items[1], RecordError)
    assert items[1].line == 2
    assert str(items[1]).startswith(f"{path}:2: invalid JSON (")
    assert items[2] == Article(id=article_id("The third report."), text="The third report.",
                               source=f"{path}:3")


def test_jsonl_gz_reads_like_plain_jsonl(tmp_path: Path) -> None:
    data = (jsonl({"id": "g1", "text": "Gzipped one."})
            + b"\n"  # a blank line still counts in the numbering
            + b"[1, 2]\n"
            + b'{"text": "caf\xe9"}\n'
            + jsonl({"text": "Gzipped five.", "title": "Five"}))
    plain = tmp_path / "same.jsonl"
    plain.write_bytes(data)
    packed = tmp_path / "same.JSONL.GZ"
    packed.write_bytes(gzip.compress(data))

    from_gz = read(packed)
    assert [str(e) for e in from_gz if isinstance(e, InputError)] == [
        f"{packed}:3: a record must be a JSON object",
        f"{packed}:4: not valid UTF-8 at byte offset 58",
    ]
    assert from_gz[0] == Article(id="g1", text="Gzipped one.", source=f"{packed}:1")
    assert from_gz[3] == Article(id=article_id("Gzipped five."), text="Gzipped five.",
                                 source=f"{packed}:5", title="Five")
    # line numbers, offsets and messages are those of ingest.iter_jsonl on the plain file
    from_plain = read(plain)
    assert [str(i).replace(str(plain), "F") if isinstance(i, InputError) else i.text
            for i in from_plain] == [
        str(i).replace(str(packed), "F") if isinstance(i, InputError) else i.text
        for i in from_gz]


def _line(n: int) -> bytes:
    # Hex digests compress poorly, so a cut half way through the file loses about half of it.
    noise = hashlib.sha256(str(n).encode()).hexdigest() * 3
    return json.dumps({"id": f"r{n}", "text": f"Record {n}: {noise}"}).encode() + b"\n"


def test_truncated_jsonl_gz_keeps_the_lines_before_the_damage(tmp_path: Path) -> None:
    data = b"".join(_line(n) for n in range(1, 41))
    packed = gzip.compress(data)
    cut = packed[: len(packed) // 2]
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(cut)
    # what can be decoded from the cut stream, line by whole line
    decoded = zlib.decompressobj(31).decompress(cut)
    whole_lines = decoded.count(b"\n")
    assert 5 < whole_lines < 35

    items = read(path)
    assert [a.id for a in items if isinstance(a, Article)] == [
        f"r{n}" for n in range(1, whole_lines + 1)]
    assert len(items) == whole_lines + 1
    error = items[-1]
    assert isinstance(error, ArchiveError)
    assert str(error).startswith(
        f"{path}: truncated or corrupt gzip data after line {whole_lines} (")
    assert error.offset == len(b"".join(_line(n) for n in range(1, whole_lines + 1)))


def test_jsonl_gz_that_is_not_gzip(tmp_path: Path) -> None:
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(jsonl({"text": "not compressed"}))
    items = read(path)
    assert len(items) == 1
    assert isinstance(items[0], ArchiveError)
    assert str(items[0]).startswith(f"{path}: truncated or corrupt gzip data after line 0 (")


# --- CSV ------------------------------------------------------------------------------------


def test_csv_with_default_fields(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        "\ufeffid,title,date,url,text\r\n"
        "n1,Bridge,2024-01-02,http://news.test/bridge,The bridge is shut.\r\n"
        ",,,,\"Two lines,\r\nwith a comma.\"\r\n"
        "n3,Empty,,,   \r\n"
        "\r\n"
        "n4,,,,Short row\r\n",
        encoding="utf-8", newline="")
    items = read(path)
    assert len(items) == 4
    assert items[0] == Article(id="n1", text="The bridge is shut.",
                               source="http://news.test/bridge", date="2024-01-02",
                               title="Bridge")
    two = "Two lines,\r\nwith a comma."
    assert items[1] == Article(id=article_id(two), text=two, source=f"{path}:3")
    assert isinstance(items[2], RecordError)
    assert items[2].line == 5
    assert str(items[2]) == f"{path}:5: row has no text in column 'text'"
    # a blank line is skipped and still counted
    assert items[3] == Article(id="n4", text="Short row", source=f"{path}:7")


def test_csv_with_custom_fields(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    path.write_text(
        "guid,headline,published,link,body\n"
        "x9,Harvest,2022-09-10,http://farm.test/h,The harvest came early.\n",
        encoding="utf-8")
    fields = CsvFields(text="body", id="guid", title="headline", date="published",
                       source="link")
    assert read(path, csv_fields=fields) == [
        Article(id="x9", text="The harvest came early.", source="http://farm.test/h",
                date="2022-09-10", title="Harvest")
    ]


def test_csv_row_missing_the_text_cell(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("id,text\nonly-id\nok,Fine.\n", encoding="utf-8")
    items = read(path)
    assert messages(items) == [f"{path}:2: row has no text in column 'text'"]
    assert texts(items) == ["Fine."]


def test_csv_missing_text_column(tmp_path: Path) -> None:
    path = tmp_path / "nocol.csv"
    path.write_text("id,body\n1,Some words.\n2,More words.\n", encoding="utf-8")
    items = read(path)
    assert len(items) == 1
    assert isinstance(items[0], RecordError)
    assert str(items[0]) == f"{path}:1: no column 'text' (columns: 'id', 'body')"


def test_csv_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"id,text\n1,Caf\xe9 opens.\n")
    items = read(path)
    assert len(items) == 1
    assert isinstance(items[0], DecodeError)
    assert items[0].offset == 13
    assert str(items[0]) == f"{path}: not valid UTF-8 at byte offset 13 (byte 0xe9)"


def test_csv_is_read_row_by_row_keeping_the_rows_before_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "later.csv"
    head = b'\xef\xbb\xbfid,text\r\n1,"First row,\r\nover two lines."\r\n2,Second row.\r\n'
    path.write_bytes(head + b"3,Caf\xe9 row.\r\n4,Never read.\r\n")
    items = read(path)
    assert texts(items[:2]) == ["First row,\r\nover two lines.", "Second row."]
    assert [a.id for a in items[:2] if isinstance(a, Article)] == ["1", "2"]
    [err] = items[2:]
    assert isinstance(err, DecodeError)
    assert err.offset == len(head) + 5
    assert str(err) == f"{path}: not valid UTF-8 at byte offset {len(head) + 5} (byte 0xe9)"


def test_csv_long_field(tmp_path: Path) -> None:
    long_text = "The tide rose. " * 20_000  # 300,000 characters: over csv's default limit
    path = tmp_path / "long.csv"
    path.write_text(f'text\n"{long_text}"\n', encoding="utf-8")
    assert texts(read(path)) == [long_text]


# --- HTML -----------------------------------------------------------------------------------


def test_html_title_date_and_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(page(head='<meta name="date" content="2024-03-05">'), encoding="utf-8")
    items = read(path)
    text = f"{P1}\n{P2}\n{P3}"
    assert items == [Article(id=article_id(text), text=text, source=str(path),
                             date="2024-03-05", title="Footbridge to close")]


def test_html_date_from_time_tag(tmp_path: Path) -> None:
    path = tmp_path / "timed.HTM"
    path.write_text(page(title="Ferry timetable",
                         body_top='<p class="byline">By Staff, '
                                  '<time datetime="2023-11-20T08:00:00">20 November</time></p>'),
                    encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.date == "2023-11-20"
    assert article.title == "Ferry timetable"
    assert article.text.endswith(f"{P1}\n{P2}\n{P3}")


def test_html_without_a_date(tmp_path: Path) -> None:
    # a date mentioned in the body text is not taken for the page's date
    path = tmp_path / "undated.html"
    path.write_text(page(paragraphs=(f"On 3 January 2021 the first stone was laid. {P1}", P2)),
                    encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.date is None
    assert article.text == f"On 3 January 2021 the first stone was laid. {P1}\n{P2}"


def test_html_with_broken_markup(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><head><title>Storm at the pier</title><body><div class=story>"
        f"<h2>Storm at the pier<p>{P1} <b>{P2}<p>{P3}<div>The pier stays shut",
        encoding="utf-8")
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.title == "Storm at the pier"
    assert article.text == f"{P1} {P2}\n{P3}\nThe pier stays shut"


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>Nothing</title></head><body>"
                    "<script>var a = 1;</script></body></html>", encoding="utf-8")
    items = read(path)
    assert len(items) == 1
    assert isinstance(items[0], ExtractionError)
    assert str(items[0]) == f"{path}: no article text found in the page"


def test_html_with_invalid_utf8_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "mixed.html"
    path.write_bytes(page(title="Caf\u00e9 reopens").encode("utf-8").replace(b"council", b"c\xffl"))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.title == "Caf\u00e9 reopens"  # the declared UTF-8 is kept, not guessed
    assert article.text.startswith("The river c\ufffdl of Marrowby voted")


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    html = page(title="Caf\u00e9 reopens").replace('charset="utf-8"', 'charset="windows-1252"')
    path.write_bytes(html.encode("cp1252"))
    (article,) = read(path)
    assert isinstance(article, Article)
    assert article.title == "Caf\u00e9 reopens"


# --- WARC -----------------------------------------------------------------------------------

PAGE_A = page(title="Footbridge to close", head='<meta name="date" content="2024-03-05">')
PAGE_B = page(title="Ferry runs again", paragraphs=(P3, P2))


def write_warc(gz: bool) -> tuple[bytes, list[int]]:
    """An archive of a warcinfo record, two HTML responses around an image, and a 404
    page; returns its bytes and the offset of each record."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    offsets = [0]
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    responses = [
        ("http://news.test/bridge", "200 OK", "text/html; charset=utf-8", PAGE_A.encode()),
        ("http://news.test/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\nfake"),
        ("http://news.test/ferry", "200 OK", "text/html", PAGE_B.encode()),
        ("http://news.test/gone", "404 Not Found", "text/html", page(title="Gone").encode()),
    ]
    for uri, status, ctype, body in responses:
        offsets.append(buf.tell())
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=http,
            warc_headers_dict={"WARC-Date": "2023-06-07T08:09:10Z"})
        writer.write_record(record)
    return buf.getvalue(), offsets


def expected_warc_articles() -> list[Article]:
    text_a = f"{P1}\n{P2}\n{P3}"
    text_b = f"{P3}\n{P2}"
    return [
        Article(id=article_id(text_a), text=text_a, source="http://news.test/bridge",
                date="2024-03-05", title="Footbridge to close"),
        Article(id=article_id(text_b), text=text_b, source="http://news.test/ferry",
                date="2023-06-07", title="Ferry runs again"),  # date from WARC-Date
    ]


def test_warc(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(write_warc(gz=False)[0])
    assert read(path) == expected_warc_articles()


def test_warc_gz(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(write_warc(gz=True)[0])
    assert read(path) == expected_warc_articles()


def test_truncated_warc_gz_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    data, offsets = write_warc(gz=True)
    ferry = offsets[3]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: (ferry + offsets[4]) // 2])  # half way through the ferry page
    items = read(path)
    assert items[:-1] == expected_warc_articles()[:1]
    error = items[-1]
    assert isinstance(error, ArchiveError)
    assert error.offset == ferry
    assert str(error) == f"{path}: truncated or corrupt WARC at byte offset {ferry}"


def test_truncated_plain_warc(tmp_path: Path) -> None:
    data, offsets = write_warc(gz=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: offsets[2] + 40])  # inside the headers of the image record
    items = read(path)
    assert items[:-1] == expected_warc_articles()[:1]
    assert messages(items) == [
        f"{path}: truncated or corrupt WARC at byte offset {offsets[2]}"]


def test_corrupt_warc_gz(tmp_path: Path) -> None:
    data, offsets = write_warc(gz=True)
    path = tmp_path / "garbled.warc.gz"
    damaged = bytearray(data)
    damaged[offsets[3] + 30 : offsets[3] + 60] = b"\x00" * 30  # inside the ferry record's data
    path.write_bytes(bytes(damaged))
    items = read(path)
    assert items[:-1] == expected_warc_articles()[:1]
    error = items[-1]
    assert isinstance(error, ArchiveError)
    assert error.offset == offsets[3]
    assert str(error).startswith(f"{path}: truncated or corrupt WARC at byte offset "
                                 f"{offsets[3]}")


def test_warc_with_garbage_after_the_last_record(tmp_path: Path) -> None:
    data, _ = write_warc(gz=False)
    path = tmp_path / "tail.warc"
    path.write_bytes(data + b"this is not a record\r\n")
    items = read(path)
    assert items[:-1] == expected_warc_articles()
    assert isinstance(items[-1], ArchiveError)
    assert items[-1].offset == len(data)


# --- stdin ----------------------------------------------------------------------------------


def test_stdin_as_jsonl() -> None:
    stream = io.BytesIO(b"\n  " + jsonl({"text": "From a pipe.", "id": "p1"}, [3]))
    items = list(iter_corpus(["-"], stdin=stream))
    assert items[0] == Article(id="p1", text="From a pipe.", source="<stdin>:2")
    assert messages(items) == ["<stdin>:3: a record must be a JSON object"]


def test_stdin_as_text() -> None:
    stream = io.BytesIO(b"date 2021-12-24 Snow fell on the harbour.")
    assert list(iter_corpus(["-"], stdin=stream)) == [
        Article(id=article_id("Snow fell on the harbour."), text="Snow fell on the harbour.",
                source="<stdin>", date="2021-12-24")
    ]


def test_stdin_empty_is_an_error() -> None:
    items = list(iter_corpus(["-"], stdin=io.BytesIO(b"")))
    assert messages(items) == ["<stdin>: no article text (the input is empty)"]
