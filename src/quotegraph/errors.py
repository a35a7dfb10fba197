"""quotegraph's exception tree.

Every error quotegraph raises on purpose derives from :class:`QuotegraphError`, so a caller
can catch one type around a whole batch item::

    QuotegraphError
    ├── InputError                 an input cannot be read as an article
    │   ├── InputNotFoundError     the path does not exist
    │   ├── InputIsDirectoryError  the path is a directory where a file was expected
    │   ├── DecodeError            the bytes are not UTF-8 (carries the byte offset)
    │   └── RecordError            a JSONL record is malformed (carries the line number)
    ├── DataError                  an annotated corpus or a bundled data file is malformed
    └── StoreError                 the corpus database cannot be opened, migrated or queried
        └── QueryError             a query's parameters are invalid (a bad date, a bad limit)

Messages are one line and name the file and the position, so that ``--errors skip`` can print
them as they are.
"""

from __future__ import annotations


class QuotegraphError(Exception):
    """Base class of every error quotegraph raises on purpose."""


class InputError(QuotegraphError):
    """An input cannot be read as an article."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class InputNotFoundError(InputError):
    """The input path does not exist."""


class InputIsDirectoryError(InputError):
    """The input path is a directory."""


class DecodeError(InputError):
    """The input's bytes are not valid UTF-8."""

    def __init__(self, message: str, *, source: str | None = None, offset: int = 0) -> None:
        super().__init__(message, source=source)
        self.offset = offset


class RecordError(InputError):
    """A JSONL record is not a JSON object with a string ``text`` field."""

    def __init__(self, message: str, *, source: str | None = None, line: int = 0) -> None:
        super().__init__(message, source=source)
        self.line = line


class DataError(QuotegraphError):
    """An annotated corpus file or a bundled data file is malformed."""


class StoreError(QuotegraphError):
    """The corpus database cannot be opened, migrated, written or queried."""


class QueryError(StoreError):
    """A query's parameters are invalid: a malformed date, a negative limit, an unknown
    kind or manner."""
