"""Stage 3: quotation-mark pairing → :class:`QuoteSpan` records.

One left-to-right pass over the quotation marks of each paragraph with a small stack, so time
is linear in the text and an odd number of marks never aborts anything:

* marks come in families (double ``" “ ” „``, guillemets ``« »``, single ``' ‘ ’ ‚``); a closer
  pops the nearest opener of its family;
* apostrophes (don’t, the ’90s, the Joneses’, rock ’n’ roll) are recognised from their
  neighbours and never open or close;
* a paragraph that ends inside a quotation continues it when the next paragraph opens with a
  mark of the same family (the news convention for multi-paragraph quotations); otherwise the
  quotation is closed at the paragraph end (recovery), so it can never swallow the article;
* quotations inside quotations are kept with their depth and parent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Final

from .records import QuoteSpan, Span
from .text import char_offsets

_MARKS: Final = re.compile(r"''|``|[\"“”„‟«»‹›'‘’‚]")
# the characters that open a match of _MARKS ("`" only as "``")
_MARK_CHARS: Final = "\"“”„‟«»‹›'‘’‚`"
# Doubled single quotes (some wire styles) and TeX-style openers stand for double marks.
_ALIAS: Final = {"''": '"', "``": "“"}
_FAMILY: Final = {
    '"': "d", "“": "d", "”": "d", "„": "d", "‟": "d",
    "«": "g", "»": "g", "‹": "g", "›": "g",
    "'": "s", "‘": "s", "’": "s", "‚": "s",
}
_OPEN_PUNCT: Final = set("([{—–-/:;,")
_CLOSE_PUNCT: Final = set(".,;:!?)]}—–-…")
# Deeper nesting than this is treated as noise: it bounds the work per mark.
_MAX_DEPTH: Final = 4


@dataclass(slots=True)
class _Open:
    family: str
    pos: int  # offset of the opening mark
    char: str
    width: int = 1  # length of the opening mark ('' is two characters)
    carried: list[tuple[int, int]] = field(default_factory=list)  # earlier paragraphs' parts
    carried_outer: list[tuple[int, int]] = field(default_factory=list)

    def __init__(self, family: str, pos: int, char: str, width: int = 1,
                 carried: list[tuple[int, int]] | None = None,
                 carried_outer: list[tuple[int, int]] | None = None) -> None:
        self.family = family
        self.pos = pos
        self.char = char
        self.width = width
        self.carried = list() if carried is None else carried
        self.carried_outer = list() if carried_outer is None else carried_outer


def _mark_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """What ``_MARKS.finditer(text, start, end)`` finds, as (offset, width) pairs.

    The marks are found with ``str.find``, once per article (:func:`text.char_offsets`): the
    expression, whose alternatives open with two literals and a class, is tried by the
    engine at every character, which cost several times as much."""
    out: list[tuple[int, int]] = []
    offsets = char_offsets(text, _MARK_CHARS)
    taken = start  # the second mark of a doubled one is taken
    for k in range(bisect_left(offsets, start), len(offsets)):
        i = offsets[k]
        if i >= end:
            break
        if i < taken:
            continue
        ch = text[i]
        if ch in "'`" and i + 1 < end and text[i + 1] == ch:
            out.append((i, 2))  # '' or ``, which the expression tries first
            taken = i + 2
        elif ch != "`":
            out.append((i, 1))
            taken = i + 1
    return out


def fam_of(mark: str) -> str:
    return _FAMILY[_ALIAS.get(mark, mark)]


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch == ""


def _left_flanking(prev: str, nxt: str) -> bool:
    """Could open: followed by a non-space and preceded by space or opening punctuation."""
    return not _is_space(nxt) and (_is_space(prev) or prev in _OPEN_PUNCT or prev in _FAMILY)


def _right_flanking(prev: str, nxt: str) -> bool:
    """Could close: preceded by a non-space and followed by space or closing punctuation."""
    return not _is_space(prev) and (_is_space(nxt) or nxt in _CLOSE_PUNCT or nxt in _FAMILY)


def _is_apostrophe(text: str, i: int, prev: str, nxt: str, stack: list[_Open],
                   para_end: int) -> bool:
    ch = text[i]
    if ch in "‘'’" and prev.isalnum() and nxt.isalnum():
        return True  # don’t, O’Brien, rock’n’roll
    if ch in "’'" and prev == "n" and i >= 2 and text[i - 2] in "’'‘" and (
            i < 3 or _is_space(text[i - 3])):
        return True  # the second mark of rock ’n’ roll
    if ch in "’'‘" and (_is_space(prev) or prev in "(—–-"):
        # ’90s, ’til, ’em, rock ’n’ roll: an elision at the start of a word
        if nxt.isdigit() and text[i + 1 : i + 3].isdigit():
            return True
        low = text[i + 1 : i + 4].lower()
        if low in ("n’ ", "n' ", "til", "em ", "tis", "twa", "cau") or low[:2] in ("n’", "n'"):
            return True
    if ch in "’'" and prev in "sSzZ" and _is_space(nxt):
        # The Joneses’ house: a plural possessive unless a single quote is open and nothing
        # later in the paragraph could close it instead.
        if not any(o.family == "s" for o in stack):
            return True
        rest = text[i + 1 : para_end]
        following = rest.lstrip()[:1]
        if following.islower() and re.search(r"[’'](?=[\s.,;:!?—–)]|$)", rest):
            return True
    return False


class _Pairer:
    """Pairs marks paragraph by paragraph; ``run`` returns the quotations found."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.strays = 0  # unpaired double marks in the current paragraph
        self.found: list[tuple[list[tuple[int, int]], list[tuple[int, int]], int]] = []

    def emit(self, op: _Open, close: int, depth: int, width: int) -> None:
        parts = [*op.carried, (op.pos + op.width, close)]
        outer = [*op.carried_outer, (op.pos, close + width)]
        self.found.append((parts, outer, depth))

    def role(self, ch: str, i: int, prev: str, nxt: str, stack: list[_Open],
             para_end: int) -> str:
        fam = _FAMILY[ch]
        open_here = any(o.family == fam for o in stack)
        if fam == "s" and _is_apostrophe(self.text, i, prev, nxt, stack, para_end):
            return "none"
        left, right = _left_flanking(prev, nxt), _right_flanking(prev, nxt)
        if ch in "“„‚‘«‹":
            if ch == "“" and stack and stack[-1].char == "„":
                return "close"  # German „…“
            if ch in "“‘" and right and not left and open_here:
                return "close"  # a mis-typed closer
            return "open" if not (right and not left and ch == "‘") else "none"
        if ch in "”’»›":
            if open_here and (right or not left):
                return "close"
            if ch in "”»" and left and not right:
                return "open"  # some styles use ” or » to open as well
            return "close" if open_here else "none"
        # straight marks: decide by flanking, then by state
        if left and not right:
            return "open"
        if right and not left:
            return "close" if open_here else "none"
        if _is_space(prev) and _is_space(nxt):
            return "none"
        return "close" if open_here else ("open" if fam == "d" else "none")

    def run(self, paras: list[Span]) -> list[QuoteSpan]:
        text = self.text
        carry: _Open | None = None
        for k, para in enumerate(paras):
            stack: list[_Open] = []
            self.strays = 0
            for i, width in _mark_runs(text, para.start, para.end):
                mark = text[i : i + width]
                ch = _ALIAS.get(mark, mark)
                prev = text[i - 1] if i > para.start else ""
                nxt = text[i + width] if i + width < para.end else ""
                r = self.role(ch, i, prev, nxt, stack, para.end)
                if r == "open":
                    if carry is not None and not stack and i == para.start and \
                            _FAMILY[ch] == carry.family:
                        carry.pos, carry.char, carry.width = i, ch, width
                        stack.append(carry)
                        carry = None
                    elif len(stack) < _MAX_DEPTH:
                        stack.append(_Open(_FAMILY[ch], i, ch, width))
                elif r == "close":
                    fam = _FAMILY[ch]
                    for depth in range(len(stack) - 1, -1, -1):
                        if stack[depth].family == fam:
                            self.strays += len(stack) - 1 - depth
                            self.emit(stack[depth], i, depth, width)
                            del stack[depth:]
                            break
                    else:
                        self.strays += 1
                elif fam_of(mark) == "d":
                    self.strays += 1
            carry = self._paragraph_end(stack, carry, para, paras[k + 1] if k + 1 < len(paras)
                                        else None)
        return self._build()

    def _paragraph_end(self, stack: list[_Open], carry: _Open | None, para: Span,
                       nxt: Span | None) -> _Open | None:
        """Close or carry what is still open at the end of a paragraph."""
        if carry is not None:  # the next paragraph did not reopen: the carried quote ends
            self._close_carried(carry)
        if not stack:
            return None
        outer = stack[0]
        if outer.family == "s" and outer.pos > para.start:
            return None  # an unclosed single mark inside a paragraph is most likely noise
        outer.carried.append((outer.pos + outer.width, para.end))
        outer.carried_outer.append((outer.pos, para.end))
        first = self.text[nxt.start : nxt.start + 2] if nxt is not None else ""
        first = _ALIAS.get(first, first[:1])
        # a paragraph full of unpaired marks is noise: it carries nothing into the next one
        if nxt is not None and _FAMILY.get(first) == outer.family and first not in "”’»" \
                and self.strays + len(stack) <= 2:
            return outer
        self._close_carried(outer)
        return None

    def _close_carried(self, op: _Open) -> None:
        if op.carried:
            self.found.append((op.carried, op.carried_outer, 0))

    def _build(self) -> list[QuoteSpan]:
        text = self.text
        items: list[tuple[tuple[Span, ...], tuple[Span, ...], int]] = []
        for raw_parts, raw_outer, depth in self.found:
            spans = tuple(s for s in (_trim(text, a, b) for a, b in raw_parts) if s is not None)
            if not spans:
                continue
            items.append((spans, tuple(Span(a, b) for a, b in raw_outer), depth))
        items.sort(key=lambda it: (it[1][0].start, it[2]))
        out: list[QuoteSpan] = []
        open_chain: list[int] = []  # indexes of enclosing quotes, by depth
        for spans, outer, depth in items:
            while open_chain and not _encloses(out[open_chain[-1]], outer[0]):
                open_chain.pop()
            parent = open_chain[-1] if open_chain and depth > 0 else None
            out.append(QuoteSpan(parts=spans, outer=outer, depth=len(open_chain) if parent is
                                 not None else 0, parent=parent))
            open_chain.append(len(out) - 1)
        return out


def _encloses(q: QuoteSpan, inner: Span) -> bool:
    return any(o.contains(inner) for o in q.outer)


def _trim(text: str, a: int, b: int) -> Span | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span(a, b) if a < b else None


def find_quotes(text: str, paras: list[Span]) -> list[QuoteSpan]:
    """All quotation-mark pairs of ``text``, in order of their opening mark."""
    return _Pairer(text).run(paras)
