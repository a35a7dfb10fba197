"""Stage 2: segmentation with offsets — paragraphs and sentence boundaries.

Nothing here changes the text: every function returns offsets into the article text, so
there is a single coordinate system from ingest to output.
"""

from __future__ import annotations

import re
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
    for m in _SENT_END.finditer(text, start, end):
        # the next character of the text, not of the window, decides: "(R-S.C.):" goes on
        if m.end() < len(text) and not text[m.end()].isspace():
            continue
        if m.group() == ".)" and "(" in text[max(start, m.start() - 15) : m.start()]:
            continue  # "(D-Ore.) said": a short parenthesis, not a sentence
        if text[m.start()] == ".":
            ws = m.start()
            while ws > start and not text[ws - 1].isspace():
                ws -= 1
            word = text[ws : m.start()]
            # "No. 10" is an abbreviation, "she said no." a sentence
            not_a_refusal = (word.lower() != "no"
                             or text[m.end() : m.end() + 2].strip()[:1].isdigit())
            if m.end() - m.start() == 1 and is_abbreviation(word) and not_a_refusal:
                continue
        yield m.end()


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
