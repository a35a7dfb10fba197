"""Stage 1: turn inputs (plain-text files, JSONL records, strings) into :class:`Article` records.

No NLP happens here. Plain text may open with a header line `` date YYYY-MM-DD `` (leading
space optional) that sets ``Article.date`` and is removed from the text.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

from .errors import (
    DecodeError,
    InputError,
    InputIsDirectoryError,
    InputNotFoundError,
    RecordError,
)
from .records import Article

# The header is a line of its own or the start of the first paragraph (the founding example
# puts the body right after it on the same line).
_DATE_HEADER: Final = re.compile(
    r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\r?\n|\Z)")


def article_id(text: str) -> str:
    """A stable id for an article without one: the SHA-1 of its normalized text (Unicode
    NFC, whitespace runs as one space, no leading or trailing space), so that the same
    article re-wrapped or re-encoded by another source gets the same id."""
    # (ASCII text is its own NFC; the check for it reads every character)
    nfc = text if text.isascii() else unicodedata.normalize("NFC", text)
    normalized = " ".join(nfc.split())
    return hashlib.sha1(normalized.encode("utf-8")).hexdigest()


def split_header(raw: str) -> tuple[str | None, str]:
    """Return ``(date, body)``: the date of a leading `` date YYYY-MM-DD `` header, if any."""
    m = _DATE_HEADER.match(raw)
    if not m:
        return None, raw.removeprefix("\ufeff")
    return m.group(1), raw[m.end() :]


def decode(data: bytes, source: str, base: int = 0) -> str:
    """Decode UTF-8 strictly; on failure raise :class:`DecodeError` naming the byte offset
    (``base``: where ``data`` starts in its file, for a file decoded piece by piece)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{source}: not valid UTF-8 at byte offset {base + exc.start} "
            f"(byte 0x{data[exc.start]:02x})",
            source=source,
            offset=base + exc.start,
        ) from None


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputNotFoundError(f"{p}: no such file", source=str(p)) from None
    except IsADirectoryError:
        raise InputIsDirectoryError(
            f"{p}: is a directory (give the files inside it)", source=str(p)
        ) from None
    except PermissionError:
        raise InputError(f"{p}: permission denied", source=str(p)) from None


def article_from_text(raw: str, *, source: str | None = None, title: str | None = None,
                      date: str | None = None, id: str | None = None) -> Article:
    """Build an Article from plain text that may carry a date header."""
    header_date, body = split_header(raw)
    return Article(
        id=id or article_id(body),
        text=body,
        source=source,
        date=date or header_date,
        title=title,
    )


def read_text_article(path: str | Path) -> Article:
    """Read one plain-text article file (UTF-8, optional date header)."""
    source = str(path)
    if Path(path).is_dir():
        raise InputIsDirectoryError(
            f"{source}: is a directory (give the files inside it)", source=source
        )
    return article_from_text(decode(read_bytes(path), source), source=source)


def _optional_str(rec: dict[str, Any], key: str, where: str, line: int) -> str | None:
    value = rec.get(key)
    if value is None:
        return None
    if not isinstance(value, str | int):
        raise RecordError(f"{where}:{line}: field {key!r} must be a string", source=where,
                          line=line)
    return str(value)


def article_from_record(rec: Any, *, where: str, line: int) -> Article:
    """Build an Article from one decoded JSONL record (``text`` required)."""
    if not isinstance(rec, dict):
        raise RecordError(f"{where}:{line}: a record must be a JSON object", source=where,
                          line=line)
    text = rec.get("text")
    if not isinstance(text, str):
        raise RecordError(f"{where}:{line}: record has no string field 'text'", source=where,
                          line=line)
    return Article(
        id=_optional_str(rec, "id", where, line) or article_id(text),
        text=text,
        source=_optional_str(rec, "url", where, line) or _optional_str(rec, "source", where, line)
        or f"{where}:{line}",
        date=_optional_str(rec, "date", where, line),
        title=_optional_str(rec, "title", where, line),
    )


def iter_jsonl(data: bytes, source: str) -> Iterator[Article | InputError]:
    """Yield an Article per JSONL line, or the error for a bad line (the batch goes on)."""
    return iter_jsonl_lines(data.splitlines(keepends=True), source)


def iter_jsonl_lines(lines: Iterable[bytes], source: str) -> Iterator[Article | InputError]:
    """:func:`iter_jsonl` over lines as they are read (split as ``bytes.splitlines`` splits),
    so that a large file or a stream is never held whole."""
    offset = 0
    for lineno, raw_line in enumerate(lines, start=1):
        start = offset
        offset += len(raw_line)
        if not raw_line.strip():
            continue
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield DecodeError(
                f"{source}:{lineno}: not valid UTF-8 at byte offset {start + exc.start}",
                source=source, offset=start + exc.start)
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(f"{source}:{lineno}: invalid JSON ({exc.msg} at column {exc.colno})",
                              source=source, line=lineno)
            continue
        try:
            yield article_from_record(rec, where=source, line=lineno)
        except RecordError as err:
            yield err
