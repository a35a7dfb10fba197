"""Evaluate quotegraph against PDNC, the Project Dialogism Novel Corpus (direct speech in fiction).

A PDNC root folder holds one folder per novel, each with three files:

``novel_text.txt``
    the novel as plain text.
``quotation_info.csv``
    one row per quotation: ``quoteID``, ``quoteText``, ``subQuotationList`` (a Python list
    literal of the texts of the parts of a split quotation), ``quoteByteSpans`` (a list literal
    of ``[start, end]`` pairs, one per part), ``speaker``, ``addressees`` (a list literal of
    names), ``quoteType`` (``Explicit``, ``Anaphoric`` or ``Implicit``; a few rows have
    ``nan``) and ``referringExpression``; other columns are ignored.
``character_info.csv``
    ``Character ID``, ``Main Name``, ``Aliases`` (a set or list literal), ``Gender``,
    ``Category``.

Offsets. Despite the column name, ``quoteByteSpans`` are *character* offsets into the text, and
they are half-open content spans without the quotation marks (``text[start - 1]`` and
``text[end]`` are the marks), the convention of :class:`~quotegraph.records.Span` in the
results. On the 17 distributed novels every span's text equals its sub-quotation exactly. Those
texts are pure ASCII, so byte and character offsets coincide there; for a text that is not, the
loader takes the spans as byte offsets only when that explains the sub-quotations strictly better
than character offsets do (:attr:`GoldNovel.offsets` says which was used). List literals are read
with :func:`ast.literal_eval`.

Speakers and addressees are written as a character's main name or one of its aliases. A name
that no character has (a handful of addressees) is counted in the novel's ``unknown_*`` figures
and kept as a character of its own, matched by its exact name only.

Scoring (micro-averaged; per novel and in total):

* detection: the nested predicted quotations (``parent`` set) are left out, PDNC annotating a
  quotation inside a quotation as part of the outer one. A prediction and a gold quotation are
  candidates when any part of one overlaps any part of the other; pairs are then matched one to
  one, greedily by decreasing overlap (characters shared). Precision = matched predictions /
  predictions, recall = matched gold / gold.
* speaker accuracy on the matched gold quotations, overall and by ``quoteType``, and over all
  gold quotations (an unmatched one counts as wrong). The rule is :func:`name_matches`.
* addressee accuracy on the matched gold quotations with at least one gold addressee: right when
  the predicted addressee matches any of them by the same rule.

Name matching rule (:func:`name_matches`). Names compare as sequences of word tokens,
case-folded (so case, whitespace and punctuation such as ``Mr.``/``Mr`` do not matter). Both the
predicted ``name`` and ``mention`` are tried; one of them resolving to a gold character suffices.
A predicted string resolves to:

1. the characters having a name (main name or alias) equal to it; else
2. the character whose name contains it as a contiguous run of tokens (``Darcy`` in
   ``Fitzwilliam Darcy``, ``Walter Elliot`` in ``Sir Walter Elliot``), when exactly one
   character has such a name; else
3. the character with the longest name contained in it (``Elizabeth`` in ``Elizabeth
   Bennet``), when exactly one character has a contained name of that length, or, on a tie,
   when exactly one of them opens the predicted name (``Elizabeth`` rather than the
   ``Bennet`` alias of Mrs. Bennet: a given name identifies better than a shared surname).

In steps 2 and 3 the shorter side must hold a token other than a title (``Mr``, ``Lady``...), so
``Mr`` alone never matches ``Mr Shepherd``.
"""

from __future__ import annotations

import ast
import csv
import io
import re
import time
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import DataError
from ..pipeline import extract as _default_extract
from ..records import ArticleResult, Span, SpeakerRef
from .metrics import f1, ratio

__all__ = [
    "QUOTE_TYPES",
    "Cast",
    "Character",
    "GoldNovel",
    "GoldQuote",
    "NovelScore",
    "PdncReport",
    "Tally",
    "cast_matches",
    "evaluate_pdnc",
    "format_report",
    "load_characters",
    "load_novel",
    "load_pdnc",
    "match_quotes",
    "name_matches",
    "novel_folders",
    "score_novel",
    "score_novels",
]

Extractor = Callable[[str], ArticleResult]
Offsets = Literal["char", "byte"]

#: The annotated quotation types; a quotation without one is grouped as ``UNLABELLED``.
QUOTE_TYPES: tuple[str, ...] = ("Explicit", "Anaphoric", "Implicit")
UNLABELLED = "unlabelled"
_MISSING = frozenset({"", "nan", "none", "null"})

TEXT_FILE = "novel_text.txt"
QUOTES_FILE = "quotation_info.csv"
CHARACTERS_FILE = "character_info.csv"

QUOTE_COLUMNS: tuple[str, ...] = (
    "quoteID", "quoteText", "subQuotationList", "quoteByteSpans", "speaker", "addressees",
    "quoteType", "referringExpression",
)
CHARACTER_COLUMNS: tuple[str, ...] = ("Character ID", "Main Name", "Aliases", "Gender", "Category")

# Tokens that cannot carry a partial name match on their own.
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mister", "madame", "madam", "mme", "mademoiselle", "monsieur",
    "dr", "doctor", "sir", "lady", "lord", "dame", "master", "the", "a", "an", "old", "young",
    "little", "captain", "colonel", "admiral", "general", "major", "professor", "rev",
    "reverend", "father", "aunt", "uncle",
})
_TOKEN = re.compile(r"\w+(?:['’]\w+)*")

Tokens = tuple[str, ...]


# ------------------------------------------------------------------------------------------
# Gold records


@dataclass(frozen=True, slots=True)
class Character:
    """One row of ``character_info.csv``."""

    id: str
    main_name: str
    aliases: tuple[str, ...]
    gender: str = ""
    category: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The main name, then the aliases that differ from it."""
        return (self.main_name, *(a for a in self.aliases if a != self.main_name))


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One row of ``quotation_info.csv``; ``spans`` are character offsets, sorted."""

    id: str
    spans: tuple[Span, ...]
    speaker: str
    addressees: tuple[str, ...]
    quote_type: str  # one of QUOTE_TYPES, or "" when the row has none
    text: str = ""
    referring_expression: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class GoldNovel:
    """One PDNC novel: its text, quotations and characters, with validation counts."""

    name: str
    text: str
    quotes: tuple[GoldQuote, ...]
    characters: tuple[Character, ...]
    offsets: Offsets = "char"
    span_text_mismatches: int = 0  # spans whose text differs from their sub-quotation
    unknown_speakers: int = 0  # quotations whose speaker no character is called
    unknown_addressees: int = 0  # addressee names (over all quotations) no character is called
    unknown_names: tuple[str, ...] = ()


# ------------------------------------------------------------------------------------------
# Names


def _tokens(name: str) -> Tokens:
    return tuple(_TOKEN.findall(name.casefold()))


def _substantive(tokens: Tokens) -> bool:
    return any(t not in _TITLES for t in tokens)


def _contains(hay: Tokens, needle: Tokens) -> bool:
    n = len(needle)
    return 0 < n <= len(hay) and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


class Cast:
    """The names of a novel's characters, resolved by the rule of :func:`name_matches`.

    Characters are numbered by position; ``extra`` names (gold names no character has) become
    characters of their own after them.
    """

    def __init__(self, characters: Sequence[Character], extra: Sequence[str] = ()) -> None:
        self._names: list[tuple[Tokens, int]] = []
        self._exact: dict[Tokens, set[int]] = defaultdict(set)
        groups = [c.names for c in characters] + [(name,) for name in extra]
        for idx, names in enumerate(groups):
            for name in names:
                toks = _tokens(name)
                if toks:
                    self._names.append((toks, idx))
                    self._exact[toks].add(idx)
        self._cache: dict[Tokens, frozenset[int]] = {}

    def gold(self, name: str) -> frozenset[int]:
        """The characters called exactly ``name`` (how gold names are resolved)."""
        return frozenset(self._exact.get(_tokens(name), ()))

    def resolve(self, name: str) -> frozenset[int]:
        """The characters a predicted ``name`` resolves to (empty when none or ambiguous)."""
        toks = _tokens(name)
        got = self._cache.get(toks)
        if got is None:
            got = self._resolve(toks)
            self._cache[toks] = got
        return got

    def _resolve(self, toks: Tokens) -> frozenset[int]:
        if not toks:
            return frozenset()
        exact = self._exact.get(toks)
        if exact:
            return frozenset(exact)
        if _substantive(toks):
            containing = {idx for name, idx in self._names if _contains(name, toks)}
            if len(containing) == 1:
                return frozenset(containing)
        best_len = 0
        best: set[int] = set()
        leading: set[int] = set()  # those whose name opens the prediction
        for name, idx in self._names:
            if len(name) >= best_len and _substantive(name) and _contains(toks, name):
                if len(name) > best_len:
                    best_len, best, leading = len(name), set(), set()
                best.add(idx)
                if toks[: len(name)] == name:
                    leading.add(idx)
        if len(best) == 1:
            return frozenset(best)
        # a tie between a given name and a shared surname ("Elizabeth Bennet": Elizabeth, or
        # Mrs. Bennet, alias "Bennet"?) goes to the name that opens the prediction
        return frozenset(leading) if len(leading) == 1 else frozenset()


def name_matches(
    predicted: SpeakerRef | None, gold: Sequence[str], characters: Sequence[Character]
) -> bool:
    """Whether ``predicted`` names one of the ``gold`` names (main names or aliases) under the
    rule of the module docstring, against the cast ``characters`` of the novel."""
    extra = [g for g in gold if not any(g in c.names for c in characters)]
    return cast_matches(Cast(characters, extra), predicted, gold)


def cast_matches(cast: Cast, predicted: SpeakerRef | None, gold: Sequence[str]) -> bool:
    """:func:`name_matches` against a cast built once (scoring and training labels share it)."""
    if predicted is None or not gold:
        return False
    wanted: set[int] = set()
    for g in gold:
        wanted |= cast.gold(g)
    return any(cast.resolve(c) & wanted for c in (predicted.name, predicted.mention) if c)


# ------------------------------------------------------------------------------------------
# Loading


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not valid UTF-8 at byte offset {exc.start}") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror})") from None


def _csv_rows(path: Path, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with the line each starts on; checks the header."""
    content = _read_text(path).removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise DataError(f"{path}:1: empty file (want a header row)")
        missing = [c for c in required if c not in header]
        if missing:
            raise DataError(f"{path}:1: missing column(s) {', '.join(missing)}")
        start = reader.line_num + 1
        for row in reader:
            if row:
                if len(row) != len(header):
                    raise DataError(f"{path}:{start}: {len(row)} fields, the header has "
                                    f"{len(header)}")
                yield start, dict(zip(header, row, strict=True))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DataError(f"{path}:{reader.line_num}: malformed CSV ({exc})") from None


def _literal(where: str, column: str, raw: str) -> object:
    try:
        return ast.literal_eval(raw.strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        raise DataError(f"{where}: {column} is not a Python literal: {raw[:60]!r}") from None


def _string_list(where: str, column: str, raw: str, *, empty_ok: bool = True) -> tuple[str, ...]:
    if not raw.strip():
        if empty_ok:
            return ()
        raise DataError(f"{where}: {column} is empty")
    value = _literal(where, column, raw)
    if not isinstance(value, (list, tuple, set, frozenset)) or not all(
        isinstance(v, str) for v in value
    ):
        raise DataError(f"{where}: {column} is not a list of strings: {raw[:60]!r}")
    items = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    return tuple(s.strip() for s in items if s.strip())


def _raw_spans(where: str, raw: str) -> list[tuple[int, int]]:
    value = _literal(where, "quoteByteSpans", raw)
    if not isinstance(value, (list, tuple)) or not value:
        raise DataError(f"{where}: quoteByteSpans is not a non-empty list: {raw[:60]!r}")
    spans: list[tuple[int, int]] = []
    for pair in value:
        if (not isinstance(pair, (list, tuple)) or len(pair) != 2
                or not all(type(v) is int for v in pair)):
            raise DataError(f"{where}: quoteByteSpans item {pair!r} is not a [start, end] pair "
                            "of integers")
        start, end = pair
        if not 0 <= start <= end:
            raise DataError(f"{where}: span [{start}, {end}] is not 0 <= start <= end")
        spans.append((start, end))
    return spans


def load_characters(path: Path) -> tuple[Character, ...]:
    """Parse and validate a ``character_info.csv``."""
    characters: list[Character] = []
    seen: set[str] = set()
    for line, row in _csv_rows(path, CHARACTER_COLUMNS):
        where = f"{path}:{line}"
        cid, main = row["Character ID"].strip(), row["Main Name"].strip()
        if not cid or not main:
            raise DataError(f"{where}: empty Character ID or Main Name")
        if cid in seen:
            raise DataError(f"{where}: duplicate Character ID {cid}")
        seen.add(cid)
        aliases = _string_list(where, "Aliases", row["Aliases"])
        characters.append(Character(id=cid, main_name=main, aliases=aliases,
                                     gender=row["Gender"].strip(),
                                     category=row["Category"].strip()))
    return tuple(characters)


@dataclass(slots=True)
class _Row:
    line: int
    id: str
    spans: list[tuple[int, int]]
    subquotes: tuple[str, ...]
    speaker: str
    addressees: tuple[str, ...]
    quote_type: str
    text: str
    referring: str


def _parse_quote_rows(path: Path) -> list[_Row]:
    rows: list[_Row] = []
    seen: set[str] = set()
    for line, row in _csv_rows(path, QUOTE_COLUMNS):
        where = f"{path}:{line}"
        qid = row["quoteID"].strip()
        if not qid:
            raise DataError(f"{where}: empty quoteID")
        if qid in seen:
            raise DataError(f"{where}: duplicate quoteID {qid}")
        seen.add(qid)
        speaker = row["speaker"].strip()
        if not speaker:
            raise DataError(f"{where}: {qid} has no speaker")
        qtype = row["quoteType"].strip()
        if qtype.casefold() in _MISSING:
            qtype = ""
        elif qtype not in QUOTE_TYPES:
            raise DataError(f"{where}: {qid} has unknown quoteType {qtype!r}")
        rows.append(_Row(
            line=line, id=qid, spans=_raw_spans(where, row["quoteByteSpans"]),
            subquotes=_string_list(where, "subQuotationList", row["subQuotationList"]),
            speaker=speaker, addressees=_string_list(where, "addressees", row["addressees"]),
            quote_type=qtype, text=row["quoteText"], referring=row["referringExpression"],
        ))
    return rows


def _collapse(s: str) -> str:
    return " ".join(s.split())


def _byte_to_char(text: str) -> list[int]:
    """For each byte offset of ``text`` in UTF-8, the character offset (-1 inside a character)."""
    table: list[int] = []
    for i, ch in enumerate(text):
        n = len(ch.encode("utf-8"))
        table.append(i)
        table.extend([-1] * (n - 1))
    table.append(len(text))
    return table


def _convert(rows: Sequence[_Row], offsets: Offsets, table: list[int] | None,
             ) -> list[list[tuple[int, int] | None]]:
    """The rows' spans as character offsets; ``None`` where a span cannot be one."""
    out: list[list[tuple[int, int] | None]] = []
    for row in rows:
        spans: list[tuple[int, int] | None] = []
        for start, end in row.spans:
            if offsets == "char" or table is None:
                spans.append((start, end))
            elif end < len(table) and table[start] >= 0 and table[end] >= 0:
                spans.append((table[start], table[end]))
            else:
                spans.append(None)
        out.append(spans)
    return out


def _mismatches(text: str, rows: Sequence[_Row],
                spans: Sequence[Sequence[tuple[int, int] | None]]) -> int:
    """Spans whose text (whitespace collapsed) is not their sub-quotation's."""
    count = 0
    for row, row_spans in zip(rows, spans, strict=True):
        if not row.subquotes:
            continue
        if len(row.subquotes) != len(row_spans):
            count += len(row_spans)
            continue
        for span, sub in zip(row_spans, row.subquotes, strict=True):
            if (span is None or span[1] > len(text)
                    or _collapse(text[span[0] : span[1]]) != _collapse(sub)):
                count += 1
    return count


def load_novel(dir: Path) -> GoldNovel:
    """Load and validate one PDNC novel folder.

    Raises :class:`DataError` (naming the file and line) when a file is missing, a column is
    missing, a row is malformed (an unparsable literal, a bad span, an empty speaker, an
    unknown quote type) or a span lies outside the text. Span texts that differ from their
    sub-quotation and names no character has are counted, not fatal.
    """
    dir = Path(dir)
    if not dir.is_dir():
        raise DataError(f"{dir}: no such directory (want a PDNC novel folder)")
    for name in (TEXT_FILE, QUOTES_FILE, CHARACTERS_FILE):
        if not (dir / name).is_file():
            raise DataError(f"{dir / name}: no such file")
    text = _read_text(dir / TEXT_FILE)
    characters = load_characters(dir / CHARACTERS_FILE)
    quotes_path = dir / QUOTES_FILE
    rows = _parse_quote_rows(quotes_path)

    offsets: Offsets = "char"
    table: list[int] | None = None
    spans = _convert(rows, "char", None)
    mismatches = _mismatches(text, rows, spans)
    if mismatches and not text.isascii():
        table = _byte_to_char(text)
        byte_spans = _convert(rows, "byte", table)
        byte_mismatches = _mismatches(text, rows, byte_spans)
        if byte_mismatches < mismatches:
            offsets, spans, mismatches = "byte", byte_spans, byte_mismatches

    limit = len(text) if offsets == "char" else len(text.encode("utf-8"))
    cast = Cast(characters)
    unknown: set[str] = set()
    unknown_speakers = unknown_addressees = 0
    quotes: list[GoldQuote] = []
    for row, row_spans in zip(rows, spans, strict=True):
        where = f"{quotes_path}:{row.line}"
        good: list[Span] = []
        for raw, span in zip(row.spans, row_spans, strict=True):
            if raw[1] > limit:
                raise DataError(f"{where}: {row.id} span [{raw[0]}, {raw[1]}] is past the end "
                                f"of the text ({limit} {offsets}s)")
            if span is None:
                raise DataError(f"{where}: {row.id} span [{raw[0]}, {raw[1]}] splits a "
                                "character of the text")
            good.append(Span(*span))
        if not cast.gold(row.speaker):
            unknown_speakers += 1
            unknown.add(row.speaker)
        for name in row.addressees:
            if not cast.gold(name):
                unknown_addressees += 1
                unknown.add(name)
        quotes.append(GoldQuote(
            id=row.id, spans=tuple(sorted(good)), speaker=row.speaker,
            addressees=row.addressees, quote_type=row.quote_type, text=row.text,
            referring_expression=row.referring, line=row.line,
        ))
    return GoldNovel(
        name=dir.name, text=text, quotes=tuple(quotes), characters=characters,
        offsets=offsets, span_text_mismatches=mismatches, unknown_speakers=unknown_speakers,
        unknown_addressees=unknown_addressees, unknown_names=tuple(sorted(unknown)),
    )


def novel_folders(root: Path) -> list[str]:
    """The names of the sub-folders of ``root`` that hold a ``novel_text.txt``, sorted."""
    return sorted(p.name for p in Path(root).iterdir() if (p / TEXT_FILE).is_file())


def load_pdnc(root: Path, novels: Sequence[str] | None = None) -> list[GoldNovel]:
    """Load the named novels of a PDNC root folder (all of them when ``novels`` is None)."""
    root = Path(root)
    if not root.is_dir():
        raise DataError(f"{root}: no such directory (want the PDNC root folder)")
    names = novel_folders(root) if novels is None else list(novels)
    if not names:
        raise DataError(f"{root}: no novel folders (none holds {TEXT_FILE})")
    return [load_novel(root / name) for name in names]


# ------------------------------------------------------------------------------------------
# Scoring




@dataclass(slots=True)
class Tally:
    """Right answers out of a number of cases."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.total)

    def add(self, right: bool) -> None:
        self.total += 1
        self.correct += int(right)

    def merge(self, other: Tally) -> None:
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.accuracy}


def _by_type() -> dict[str, Tally]:
    return {t: Tally() for t in (*QUOTE_TYPES, UNLABELLED)}


@dataclass(slots=True)
class NovelScore:
    """The counts of one novel (or of the total)."""

    novel: str
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    nested_skipped: int = 0
    speaker: Tally = field(default_factory=Tally)  # on matched gold
    speaker_by_type: dict[str, Tally] = field(default_factory=_by_type)  # on matched gold
    speaker_all: Tally = field(default_factory=Tally)  # on all gold
    addressee: Tally = field(default_factory=Tally)  # on matched gold with addressees
    span_text_mismatches: int = 0
    unknown_speakers: int = 0
    unknown_addressees: int = 0
    extract_seconds: float = 0.0

    @property
    def precision(self) -> float:
        return ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def merge(self, other: NovelScore) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.nested_skipped += other.nested_skipped
        self.speaker.merge(other.speaker)
        for t, tally in other.speaker_by_type.items():
            self.speaker_by_type[t].merge(tally)
        self.speaker_all.merge(other.speaker_all)
        self.addressee.merge(other.addressee)
        self.span_text_mismatches += other.span_text_mismatches
        self.unknown_speakers += other.unknown_speakers
        self.unknown_addressees += other.unknown_addressees
        self.extract_seconds += other.extract_seconds

    def to_dict(self) -> dict[str, Any]:
        return {
            "novel": self.novel,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "nested_skipped": self.nested_skipped,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "speaker": self.speaker.to_dict(),
            "speaker_by_type": {t: v.to_dict() for t, v in self.speaker_by_type.items()},
            "speaker_all": self.speaker_all.to_dict(),
            "addressee": self.addressee.to_dict(),
            "span_text_mismatches": self.span_text_mismatches,
            "unknown_speakers": self.unknown_speakers,
            "unknown_addressees": self.unknown_addressees,
            "extract_seconds": round(self.extract_seconds, 3),
        }


@dataclass(slots=True)
class PdncReport:
    """The result of :func:`evaluate_pdnc`: one row per novel and their total."""

    novels: list[NovelScore] = field(default_factory=list)
    total: NovelScore = field(default_factory=lambda: NovelScore(novel="TOTAL"))
    load_seconds: float = 0.0
    extract_seconds: float = 0.0
    score_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "novels": [n.to_dict() for n in self.novels],
            "total": self.total.to_dict(),
            "seconds": {
                "load": round(self.load_seconds, 3),
                "extract": round(self.extract_seconds, 3),
                "score": round(self.score_seconds, 3),
            },
        }


def _overlaps(golds: Sequence[tuple[Span, ...]], preds: Sequence[tuple[Span, ...]],
              ) -> dict[tuple[int, int], int]:
    """Characters shared by each (gold, prediction) pair that overlaps."""
    gs = sorted((s.start, s.end, i) for i, spans in enumerate(golds) for s in spans)
    starts = [g[0] for g in gs]
    max_end: list[int] = []  # the largest end among gs[: k + 1]
    top = -1
    for _, end, _ in gs:
        top = max(top, end)
        max_end.append(top)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for j, spans in enumerate(preds):
        for p in spans:
            k = bisect_left(starts, p.end) - 1  # the last gold span starting before p ends
            while k >= 0 and max_end[k] > p.start:
                g_start, g_end, i = gs[k]
                ov = min(g_end, p.end) - max(g_start, p.start)
                if ov > 0:
                    shared[(i, j)] += ov
                k -= 1
    return shared


def match_quotes(golds: Sequence[tuple[Span, ...]], preds: Sequence[tuple[Span, ...]],
                 ) -> dict[int, int]:
    """One-to-one matching of overlapping quotations, greedy by decreasing overlap.

    Returns ``{gold index: prediction index}``; ties go to the earlier gold, then prediction.
    """
    shared = _overlaps(golds, preds)
    pairs = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
    gold_to_pred: dict[int, int] = {}
    taken: set[int] = set()
    for (i, j), _ in pairs:
        if i not in gold_to_pred and j not in taken:
            gold_to_pred[i] = j
            taken.add(j)
    return gold_to_pred


def _offset(novel: GoldNovel, result: ArticleResult) -> int:
    got = result.text
    if got == novel.text:
        return 0
    if novel.text.endswith(got):  # the pipeline removed a header or a BOM
        return len(novel.text) - len(got)
    raise DataError(f"{novel.name}: the extractor changed the novel text; cannot align its "
                    "offsets with the annotations")


def score_novel(novel: GoldNovel, result: ArticleResult) -> NovelScore:
    """Score one extraction result against one gold novel."""
    score = NovelScore(
        novel=novel.name, gold=len(novel.quotes),
        span_text_mismatches=novel.span_text_mismatches,
        unknown_speakers=novel.unknown_speakers, unknown_addressees=novel.unknown_addressees,
    )
    by = _offset(novel, result)
    # PDNC annotates quotations in quotation marks: indirect speech is not scored here
    preds = [q for q in result.quotes if q.parent is None and q.kind != "indirect"]
    score.nested_skipped = sum(1 for q in result.quotes if q.parent is not None)
    score.predicted = len(preds)
    pred_spans = [tuple(Span(s.start + by, s.end + by) for s in q.spans) for q in preds]
    matching = match_quotes([g.spans for g in novel.quotes], pred_spans)
    score.matched = len(matching)
    cast = Cast(novel.characters, novel.unknown_names)
    for i, gold in enumerate(novel.quotes):
        j = matching.get(i)
        if j is None:
            score.speaker_all.add(False)
            continue
        pred = preds[j]
        right = cast_matches(cast, pred.speaker, (gold.speaker,))
        score.speaker.add(right)
        score.speaker_by_type[gold.quote_type or UNLABELLED].add(right)
        score.speaker_all.add(right)
        if gold.addressees:
            score.addressee.add(cast_matches(cast, pred.addressee, gold.addressees))
    return score


def score_novels(novels: Sequence[GoldNovel], results: Sequence[ArticleResult]) -> PdncReport:
    """Score extraction results (one per novel, same order) against the gold novels."""
    if len(novels) != len(results):
        raise ValueError(f"{len(novels)} novels but {len(results)} results")
    t0 = time.perf_counter()
    report = PdncReport()
    for novel, result in zip(novels, results, strict=True):
        row = score_novel(novel, result)
        report.novels.append(row)
        report.total.merge(row)
    report.score_seconds = time.perf_counter() - t0
    return report


def evaluate_pdnc(
    root: Path, novels: Sequence[str] | None = None, *, extract: Extractor = _default_extract
) -> PdncReport:
    """Load PDNC novels, run ``extract`` on each whole text and score the quotations."""
    t0 = time.perf_counter()
    gold = load_pdnc(root, novels)
    t1 = time.perf_counter()
    results: list[ArticleResult] = []
    seconds: list[float] = []
    for novel in gold:
        ts = time.perf_counter()
        results.append(extract(novel.text))
        seconds.append(time.perf_counter() - ts)
    t2 = time.perf_counter()
    report = score_novels(gold, results)
    for row, s in zip(report.novels, seconds, strict=True):
        row.extract_seconds = s
    report.total.extract_seconds = sum(seconds)
    report.load_seconds = t1 - t0
    report.extract_seconds = t2 - t1
    return report


# ------------------------------------------------------------------------------------------
# Presentation


def format_report(report: PdncReport) -> str:
    """A plain-text table of the report: detection, then speaker and addressee accuracy."""
    rows = [*report.novels, report.total]
    width = max(8, *(len(r.novel) for r in rows))
    lines = [
        f"PDNC: {len(report.novels)} novel(s), {report.total.gold} gold quotations",
        "",
        f"{'novel':<{width}} {'gold':>6} {'pred':>6} {'match':>6} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for r in rows:
        lines.append(f"{r.novel:<{width}} {r.gold:>6} {r.predicted:>6} {r.matched:>6} "
                     f"{r.precision:>6.3f} {r.recall:>6.3f} {r.f1:>6.3f}")
    lines += [
        "",
        "speaker accuracy on matched gold (overall, by quote type), on all gold; addressee "
        "accuracy on matched gold with addressees",
        f"{'novel':<{width}} {'speaker':>8} {'Explicit':>9} {'Anaphor':>8} {'Implicit':>9} "
        f"{'all gold':>9} {'addressee':>10}",
    ]
    for r in rows:
        t = r.speaker_by_type
        lines.append(
            f"{r.novel:<{width}} {r.speaker.accuracy:>8.3f} {t['Explicit'].accuracy:>9.3f} "
            f"{t['Anaphoric'].accuracy:>8.3f} {t['Implicit'].accuracy:>9.3f} "
            f"{r.speaker_all.accuracy:>9.3f} {r.addressee.accuracy:>10.3f}"
        )
    tot = report.total
    lines += [
        "",
        f"counts (total): speaker {tot.speaker.correct}/{tot.speaker.total}, "
        + ", ".join(f"{k} {v.correct}/{v.total}" for k, v in tot.speaker_by_type.items())
        + f", addressee {tot.addressee.correct}/{tot.addressee.total}",
        f"gold checks: {tot.span_text_mismatches} span/text mismatches, "
        f"{tot.unknown_speakers} unknown speakers, {tot.unknown_addressees} unknown addressees; "
        f"{tot.nested_skipped} nested predictions left out",
        f"seconds: load {report.load_seconds:.2f}, extract {report.extract_seconds:.2f}, "
        f"score {report.score_seconds:.2f}",
    ]
    return "\n".join(lines)
