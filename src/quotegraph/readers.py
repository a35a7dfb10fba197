"""Read a corpus of articles from files, directories and stdin, in many formats.

:func:`iter_corpus` turns the inputs of ``quotegraph ingest INPUT...`` into a stream of
:class:`Article` records, with one :class:`InputError` in place of each item that cannot be
read, so that the caller can count and report the bad items and go on. No NLP happens here.

Formats, by extension (case-insensitive): ``.txt`` (and any file given by name with an
unknown extension) is one plain-text article; ``.jsonl``, ``.ndjson`` and ``.jsonl.gz`` hold
one JSON record per line; ``.csv`` one article per row; ``.html`` and ``.htm`` one web page;
``.warc`` and ``.warc.gz`` every HTML response of a web archive. Directories are walked
recursively in sorted order; inside them hidden entries and unknown extensions are skipped.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from .errors import InputError, InputIsDirectoryError, InputNotFoundError, RecordError
from .ingest import (
    article_from_text,
    article_id,
    decode,
    iter_jsonl,
    iter_jsonl_lines,
    read_bytes,
    read_text_article,
)
from .records import Article

STDIN_SOURCE = "<stdin>"

# csv refuses fields over 128 KiB by default, shorter than some long-read articles. The limit
# is a C long, so sys.maxsize overflows where a long is 32 bits: 2**31 - 1 fits everywhere.
_CSV_FIELD_LIMIT = 2**31 - 1

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# A charset declared in the page itself: <meta charset=...> or the http-equiv form.
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
# Only dates the page states in its markup (meta tags, <time>, the URL): htmldate's
# extensive search would otherwise guess one from any date mentioned in the body text.
# original_date prefers the publication date to a later modification date.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


class ArchiveError(InputError):
    """A compressed file or a web archive is truncated or corrupt: the items before the
    damage were read, the rest cannot be.

    ``offset`` is where reading stopped: for a WARC, the byte offset in the file of the
    record that could not be read; for gzipped JSONL, the offset in the uncompressed data
    just after the last whole line.
    """

    def __init__(self, message: str, *, source: str | None = None, offset: int = 0) -> None:
        super().__init__(message, source=source)
        self.offset = offset


class ExtractionError(InputError):
    """An input was read but holds no article text (an empty file, a page with no text)."""


@dataclass(frozen=True, slots=True)
class CsvFields:
    """The CSV column names that hold each article field."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    date: str = "date"
    source: str = "url"


Reader = Callable[[str, CsvFields], Iterator[Article | InputError]]


def iter_corpus(inputs: Sequence[str], *, csv_fields: CsvFields = CsvFields(),
                stdin: BinaryIO | None = None) -> Iterator[Article | InputError]:
    """Every article of the inputs, in a deterministic order, or the error for each bad item
    (the caller counts and reports errors and goes on; one bad item never stops the rest)."""
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(STDIN_SOURCE, _read_stdin(stream))
        else:
            yield from _read_path(item, csv_fields)


# --- paths and directories ------------------------------------------------------------------


def _read_path(path: str, fields: CsvFields) -> Iterator[Article | InputError]:
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        yield _os_error(path, exc)
        return
    if stat.S_ISDIR(mode):
        yield from _read_directory(path, fields)
    else:
        # A file named explicitly is read even with an unknown extension: as plain text.
        reader = _reader_for(path) or _read_text
        yield from _guarded(path, reader(path, fields))


def _read_directory(directory: str, fields: CsvFields) -> Iterator[Article | InputError]:
    """Walk ``directory``: entries of each level sorted by name, so the files come in the
    order of their relative paths compared part by part."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as exc:
        yield _os_error(directory, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        try:
            # A symlinked directory is not followed: it could loop back to an ancestor.
            if entry.is_dir(follow_symlinks=False):
                yield from _read_directory(path, fields)
                continue
            is_file = entry.is_file()
        except OSError as exc:
            yield _os_error(path, exc)
            continue
        reader = _reader_for(entry.name)
        if is_file and reader is not None:
            yield from _guarded(path, reader(path, fields))


def _guarded(source: str, items: Iterator[Article | InputError]) -> Iterator[Article | InputError]:
    """Yield ``items``; an error that ends the whole input (raised rather than yielded by a
    reader) is yielded too, so that the next input is still read."""
    try:
        yield from items
    except InputError as err:
        yield err
    except OSError as exc:
        yield _os_error(source, exc)


def _os_error(path: str, exc: OSError) -> InputError:
    """The error for a file that cannot be opened or read (messages as ``ingest.read_bytes``)."""
    if isinstance(exc, FileNotFoundError):
        return InputNotFoundError(f"{path}: no such file", source=path)
    if isinstance(exc, IsADirectoryError):
        return InputIsDirectoryError(f"{path}: is a directory (give the files inside it)",
                                     source=path)
    if isinstance(exc, PermissionError):
        return InputError(f"{path}: permission denied", source=path)
    return InputError(f"{path}: {exc.strerror or exc}", source=path)


def _reader_for(name: str) -> Reader | None:
    lowered = name.lower()
    for suffix, reader in _FORMATS:
        if lowered.endswith(suffix):
            return reader
    return None


# --- plain text and stdin -------------------------------------------------------------------


def _read_text(path: str, _fields: CsvFields) -> Iterator[Article | InputError]:
    yield _require_text(read_text_article(path))


def _read_stdin(stream: BinaryIO) -> Iterator[Article | InputError]:
    data = stream.read()
    if data.lstrip()[:1] == b"{":
        yield from iter_jsonl(data, STDIN_SOURCE)
    else:
        raw = decode(data, STDIN_SOURCE)
        yield _require_text(article_from_text(raw, source=STDIN_SOURCE))


def _require_text(article: Article) -> Article:
    # An empty article is a mistake upstream (a failed download, a cut pipe), not an input.
    if not article.text.strip():
        raise ExtractionError(f"{article.source}: no article text (the input is empty)",
                              source=article.source)
    return article


# --- JSONL ----------------------------------------------------------------------------------


def _read_jsonl(path: str, _fields: CsvFields) -> Iterator[Article | InputError]:
    # Streamed line by line, like the gzip files: a large file is never held whole, so an
    # ingest's memory does not grow with the corpus (an OSError is _guarded's to report).
    with open(path, "rb") as stream:
        yield from iter_jsonl_lines(_file_lines(stream), path)


def _file_lines(stream: Iterable[bytes]) -> Iterator[bytes]:
    """The lines of a binary file, split as ``bytes.splitlines`` splits (as iter_jsonl)."""
    for line in stream:
        yield from line.splitlines(keepends=True)


def _read_jsonl_gz(path: str, _fields: CsvFields) -> Iterator[Article | InputError]:
    # Streamed line by line: a large archive is never held whole, and the lines decoded
    # before a damaged part are kept.
    with gzip.open(path, "rb") as stream:
        yield from iter_jsonl_lines(_gzip_lines(stream, path), path)


def _gzip_lines(stream: Iterable[bytes], path: str) -> Iterator[bytes]:
    """The lines of a gzip stream; damage raises :class:`ArchiveError` after the last whole
    line."""
    lineno = offset = 0
    try:
        for line in stream:
            # bytes.splitlines as iter_jsonl does, so both number lines alike.
            for part in line.splitlines(keepends=True):
                yield part
                lineno += 1
                offset += len(part)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise ArchiveError(
            f"{path}: truncated or corrupt gzip data after line {lineno} ({exc})",
            source=path, offset=offset) from None


# --- CSV ------------------------------------------------------------------------------------


def _read_csv(path: str, fields: CsvFields) -> Iterator[Article | InputError]:
    # Streamed line by line (OSError is _guarded's to report), so a CSV of any size needs
    # only its current row in memory.
    with open(path, "rb") as stream:
        yield from _csv_articles(_csv_lines(stream, path), fields, path)


def _csv_lines(stream: Iterable[bytes], path: str) -> Iterator[str]:
    """The file's lines, decoded; invalid UTF-8 ends the file with its byte offset (the rows
    before it are kept). Splitting at b"\\n" never cuts a UTF-8 sequence."""
    offset = 0
    for raw in stream:
        line = decode(raw, path, base=offset)
        yield line.removeprefix("\ufeff") if offset == 0 else line
        offset += len(raw)


def _csv_articles(lines: Iterator[str], fields: CsvFields,
                  path: str) -> Iterator[Article | InputError]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    rows = csv.reader(lines)
    header = _csv_header(rows, path)
    if header is None:
        return
    if fields.text not in header:
        raise RecordError(
            f"{path}:{rows.line_num}: no column {fields.text!r} "
            f"(columns: {', '.join(repr(name) for name in header) or 'none'})",
            source=path, line=rows.line_num)
    while True:
        # The reader's line_num counts the lines read so far, so a row starts on the next
        # one (a quoted field may run over several lines; a blank line is a row of its own).
        line = rows.line_num + 1
        row = _csv_row(rows, path, line)
        if row is None:
            return
        if row:
            yield _csv_article(dict(zip(header, row, strict=False)), fields, path, line)


def _csv_header(rows: Iterator[list[str]], path: str) -> list[str] | None:
    """The column names (the first non-blank row), or None for a file with no rows."""
    while (row := _csv_row(rows, path, 1)) is not None:
        if row:
            return [name.strip() for name in row]
    return None


def _csv_row(rows: Iterator[list[str]], path: str, line: int) -> list[str] | None:
    try:
        return next(rows, None)
    except csv.Error as exc:
        # The reader cannot resync after a malformed row: the rest of the file is lost.
        raise RecordError(f"{path}:{line}: malformed CSV ({exc})", source=path,
                          line=line) from None


def _csv_article(row: dict[str, str], fields: CsvFields, path: str,
                 line: int) -> Article | InputError:
    text = row.get(fields.text)
    if text is None or not text.strip():
        return RecordError(f"{path}:{line}: row has no text in column {fields.text!r}",
                           source=path, line=line)
    return Article(
        id=_cell(row, fields.id) or article_id(text),
        text=text,
        source=_cell(row, fields.source) or f"{path}:{line}",
        date=_cell(row, fields.date),
        title=_cell(row, fields.title),
    )


def _cell(row: dict[str, str], name: str) -> str | None:
    return (row.get(name) or "").strip() or None


# --- HTML -----------------------------------------------------------------------------------


def _read_html(path: str, _fields: CsvFields) -> Iterator[Article | InputError]:
    yield _html_article(read_bytes(path), source=path, where=path)


def _html_article(data: bytes, *, source: str, where: str, url: str | None = None,
                  charset: str | None = None, fallback_date: str | None = None,
                  ) -> Article | InputError:
    """The article of one web page: text (paragraphs one a line), title and date extracted
    by trafilatura. ``where`` names the page in an error message."""
    import trafilatura  # here, not at the top: it adds a quarter second to every command

    try:
        doc = trafilatura.bare_extraction(
            _html_text(data, charset), url=url, with_metadata=True, include_comments=False,
            date_extraction_params=_DATE_PARAMS)
    # trafilatura parses whatever it is given, but a page it chokes on must not stop the rest.
    except Exception as exc:
        return ExtractionError(f"{where}: cannot extract the page ({type(exc).__name__}: {exc})",
                               source=source)
    title = _clean(_doc_field(doc, "title"))
    text = _drop_title_line(_clean(_doc_field(doc, "text")) or "", title)
    if not text:
        return ExtractionError(f"{where}: no article text found in the page", source=source)
    return Article(id=article_id(text), text=text, source=source, title=title,
                   date=_iso_date(_doc_field(doc, "date")) or fallback_date)


def _html_text(data: bytes, charset: str | None) -> str | bytes:
    """The page as text when its encoding is known; else the bytes, for trafilatura to
    guess the encoding (it ignores a declared charset, so a declared one is applied here)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = charset or _meta_charset(data)
    if declared is None:
        return data
    # A page declared UTF-8 with a few bad bytes stays UTF-8: a guess would garble every
    # non-ASCII letter to save the bad bytes.
    return data.decode(declared, errors="replace")


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return _known_codec(match.group(1).decode("ascii")) if match else None


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _doc_field(doc: Any, name: str) -> Any:
    # trafilatura 2 returns a Document; 1.x a dict (pyproject allows both).
    if isinstance(doc, dict):
        return doc.get(name)
    return getattr(doc, name, None)


def _clean(value: Any) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _drop_title_line(text: str, title: str | None) -> str:
    """Drop the page's headline from the start of the text: it is the Article's title, and
    a heading with no full stop would otherwise run into the first sentence."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title:
        return rest.strip()
    return text


def _iso_date(value: Any) -> str | None:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value[:10]):
        return value[:10]
    return None


# --- WARC -----------------------------------------------------------------------------------


def _read_warc(path: str, _fields: CsvFields) -> Iterator[Article | InputError]:
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        yield from _iter_warc(stream, path, size)


def _iter_warc(stream: BinaryIO, path: str, size: int) -> Iterator[Article | InputError]:
    """An article per HTML response of the archive (plain or gzipped per record). warcio
    stops quietly at a cut record, so each record is checked to be whole, and the archive
    to be read to its end."""
    records = ArchiveIterator(stream)
    while True:
        # Before each record, the iterator's offset is where that record starts.
        start: int = records.offset
        try:
            record = next(records, None)
            if record is None:
                break
            payload = _html_payload(record)
            records.get_record_offset()  # reads the record to its end
            whole = _record_is_whole(record)
        except Exception as exc:  # warcio, zlib and header parsing errors alike
            raise _warc_damage(path, start, exc) from None
        if not whole:
            raise _warc_damage(path, start, None)
        if payload is not None:
            yield _warc_article(record, payload, path, start)
    if records.offset < size:
        raise _warc_damage(path, records.offset, None)


def _html_payload(record: Any) -> bytes | None:
    """The body of a successful HTML response (transfer and content encodings undone);
    None for any other record, which is skipped."""
    headers = record.http_headers
    if record.rec_type != "response" or headers is None:
        return None
    media_type = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    # A redirect or an error page is not an article.
    if media_type not in _HTML_TYPES or not str(headers.get_statuscode()).startswith("2"):
        return None
    body: bytes = record.content_stream().read()
    return body


def _record_is_whole(record: Any) -> bool:
    declared = record.rec_headers.get_header("Content-Length")
    if declared is None or not declared.strip().isdigit():
        return False
    # The record's stream stops at its Content-Length; bytes still owed mean the file ended.
    raw = record.raw_stream
    return isinstance(raw, LimitReader) and raw.limit == 0


def _warc_article(record: Any, payload: bytes, path: str, start: int) -> Article | InputError:
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}@{start}"
    return _html_article(
        payload, source=uri, url=uri, where=f"{path}: {uri} (record at byte offset {start})",
        charset=_known_codec(_content_type_charset(record.http_headers)),
        fallback_date=_iso_date(record.rec_headers.get_header("WARC-Date")))


def _content_type_charset(headers: Any) -> str | None:
    for param in (headers.get_header("Content-Type") or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value
    return None


def _warc_damage(path: str, offset: int, exc: Exception | None) -> ArchiveError:
    reason = ""
    if exc is not None:
        # warcio's messages run over several lines; the first says what went wrong.
        first = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
        reason = f" ({type(exc).__name__}: {first})" if first else f" ({type(exc).__name__})"
    return ArchiveError(f"{path}: truncated or corrupt WARC at byte offset {offset}{reason}",
                        source=path, offset=offset)


# Longest suffixes first: ".jsonl.gz" must not be taken for a plain ".gz".
_FORMATS: tuple[tuple[str, Reader], ...] = (
    (".jsonl.gz", _read_jsonl_gz),
    (".warc.gz", _read_warc),
    (".jsonl", _read_jsonl),
    (".ndjson", _read_jsonl),
    (".csv", _read_csv),
    (".html", _read_html),
    (".htm", _read_html),
    (".warc", _read_warc),
    (".txt", _read_text),
)
