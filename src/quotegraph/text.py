"""Stage 2: segmentation with offsets — paragraphs and sentence boundaries.

Nothing here changes the text: every function returns offsets into the article text, so
there is a single coordinate system from ingest to output.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise
from typing import Final

from .records import Span

_PARAGRAPH: Final = re.compile(r"[^\n]+")
_SENT_END: Final = re.compile(r"[.!?…]+[\"”’')\]]*")

# Abbreviations whose period does not end a sentence (lowercase, without the period).
_ABBREV: Final = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col capt sgt adm rev st jr sr vs etc inc corp co ltd
    no mt ft jan feb mar apr aug sept sep oct nov dec u.s u.k u.n d.c a.m p.m e.g i.e
    pres supt det insp cmdr maj cpl pvt atty hon messrs mme mlle""".split()
)


_BLANK_LINES: Final = re.compile(r"\n[ \t\r]*\n\s*")


def hard_wrapped(text: str) -> bool:
    """Text wrapped at a fixed width (e-texts, e-mail): blank lines separate paragraphs and
    single newlines only break lines. News text puts each paragraph on a line of its own."""
    if "\n\n" not in text and "\n\r\n" not in text:
        return False
    lines = text.split("\n")
    full = [ln for ln in lines if ln.strip()]
    if len(full) < 4 or max(len(ln) for ln in full) > 100:
        return False
    joined = sum(1 for a, b in pairwise(lines) if a.strip() and b.strip())
    return joined >= len(full) / 2


def paragraphs(text: str) -> list[Span]:
    """Paragraphs, trimmed: a line of its own in news text, a block between blank lines in
    hard-wrapped text."""
    if hard_wrapped(text):
        bounds, pos = [], 0
        for m in _BLANK_LINES.finditer(text):
            bounds.append((pos, m.start()))
            pos = m.end()
        bounds.append((pos, len(text)))
    else:
        bounds = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    out: list[Span] = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Span(s, e))
    return out


def is_abbreviation(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in _ABBREV or (len(w) == 1 and w.isalpha())


def sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence-final punctuation run in ``text[start:end]``.

    An abbreviation (``Dr.``, ``U.S.``) or a single initial (``J.``) does not end a sentence.
    """
    return list(_iter_sentence_ends(text, start, end))


def _iter_sentence_ends(text: str, start: int, end: int) -> Iterator[int]:
    """The offsets of :func:`sentence_ends`, one at a time: a caller that needs only the
    first stops reading the window there."""
    for ms, me in _punctuation_runs(text, start, end):
        # the next character of the text, not of the window, decides: "(R-S.C.):" goes on
        if me < len(text) and not text[me].isspace():
            continue
        if me - ms == 2 and text[ms:me] == ".)" and "(" in text[max(start, ms - 15) : ms]:
            continue  # "(D-Ore.) said": a short parenthesis, not a sentence
        if text[ms] == ".":
            ws = ms
            while ws > start and not text[ws - 1].isspace():
                ws -= 1
            word = text[ws:ms]
            # "No. 10" is an abbreviation, "she said no." a sentence
            not_a_refusal = (word.lower() != "no"
                             or text[me : me + 2].strip()[:1].isdigit())
            if me - ms == 1 and is_abbreviation(word) and not_a_refusal:
                continue
        yield me


def _punctuation_runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """What ``_SENT_END.finditer(text, start, end)`` finds, as (start, end) pairs: each run
    of sentence-final marks with the closing quotes and brackets after it, cut at ``end``.

    The runs open at the article's sentence marks (:func:`char_offsets`). The expression's
    own search tests its character class at every character, which cost five times as
    much (stages 5 and 5b split many windows)."""
    marks = char_offsets(text, _FINAL_MARKS)
    taken = start  # marks before it lie inside the last run
    for k in range(bisect_left(marks, start), len(marks)):
        p = marks[k]
        if p >= end:
            break
        if p < taken:
            continue
        e = p + 1
        while e < end and text[e] in _FINAL_MARKS:
            e += 1
        while e < end and text[e] in _CLOSERS:
            e += 1
        taken = e
        yield p, e


# the two character classes of _SENT_END, which stays the definition (tests compare them)
_FINAL_MARKS: Final = ".!?…"
_CLOSERS: Final = "\"”’')]"
# the callers' fixed character sets → (the last text asked about, their offsets in it)
_LAST_OFFSETS: dict[str, tuple[str, list[int]]] = {}


def char_offsets(text: str, chars: str) -> list[int]:
    """The offsets in ``text`` of every character of ``chars``, in order, found with
    ``str.find``. The last text's offsets are kept for each ``chars``, since the stages ask
    about many windows of one article."""
    last = _LAST_OFFSETS.get(chars)
    if last is not None and last[0] is text:
        return last[1]
    found: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    _LAST_OFFSETS[chars] = (text, found)  # one item: threads never see a half-made entry
    return found


def sentence_start_before(text: str, pos: int, floor: int) -> int:
    """The start of the sentence that contains ``pos``, not earlier than ``floor``."""
    ends = sentence_ends(text, floor, pos)
    s = ends[-1] if ends else floor
    while s < pos and text[s].isspace():
        s += 1
    return s


def first_sentence_end_after(text: str, pos: int, ceiling: int) -> int:
    """The end of the sentence that contains ``pos``, not later than ``ceiling``."""
    return next(_iter_sentence_ends(text, pos, ceiling), ceiling)
