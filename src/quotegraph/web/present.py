"""Pure presentation helpers for the web pages: no I/O, no store, no NLP.

* :func:`segments` cuts an article's text at its quotations' spans, so a template can wrap
  each quoted piece in its speaker's colour while every character of the text appears once,
  escaped, in order.
* :func:`conversation` turns an article's quotations into the turns of a sequence diagram:
  who spoke to whom, in the order the article reports it.
* :func:`marked` splits a quotation at the words a search matched.
* :func:`timeline` lays a speaker's quotations per day out on an SVG axis.
* :func:`colour` gives each speaker a stable colour.
"""

from __future__ import annotations

import heapq
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

import regex

_WORD = regex.compile(r"\w+")


# -- colours -------------------------------------------------------------------------------
def colour(key: int | str | None) -> dict[str, str]:
    """A light fill and a dark ink of one hue for a speaker; the golden angle spreads
    consecutive ids around the colour wheel. Strings (in-article entity ids) hash stably."""
    if key is None:
        return {"fill": "hsl(0 0% 88%)", "ink": "hsl(0 0% 30%)"}
    n = key if isinstance(key, int) else sum((i + 1) * ord(c) for i, c in enumerate(key))
    hue = round((n * 137.508) % 360)
    return {"fill": f"hsl({hue} 80% 86%)", "ink": f"hsl({hue} 65% 30%)"}


# -- article text --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of article text, inside quotation ``quote`` (an index) or outside any."""

    start: int
    end: int
    quote: int | None
    first: bool  # the first stretch of that quotation (where its anchor goes)


def segments(text_length: int, spans: Sequence[Sequence[Sequence[int]]]) -> list[Segment]:
    """Cut ``[0, text_length)`` at every span of every quotation (``spans[i]`` are quotation
    i's spans). Where spans nest (a quotation inside another's span), the innermost one,
    the shortest, owns the stretch. Spans outside the text are clipped."""
    events: dict[int, list[tuple[int, int]]] = {}  # position -> (+1 open / -1 close, quote)
    lengths = [0] * len(spans)  # each quotation's visible length: the innermost is shortest
    for i, quote_spans in enumerate(spans):
        for span in quote_spans:
            start, end = max(0, span[0]), min(text_length, span[1])
            if start < end:
                events.setdefault(start, []).append((1, i))
                events.setdefault(end, []).append((-1, i))
                lengths[i] += end - start
    cuts = sorted({0, text_length, *events})
    active: list[tuple[int, int]] = []  # heap of (length, quote); closed ones removed lazily
    open_count: dict[int, int] = {}
    seen: set[int] = set()
    out: list[Segment] = []
    for left, right in pairwise(cuts):
        for change, i in events.get(left, ()):
            open_count[i] = open_count.get(i, 0) + change
            if change > 0:
                heapq.heappush(active, (lengths[i], i))
        while active and open_count.get(active[0][1], 0) <= 0:
            heapq.heappop(active)
        owner = active[0][1] if active else None
        first = owner is not None and owner not in seen
        if owner is not None:
            seen.add(owner)
        if out and out[-1].quote == owner and not first and out[-1].end == left:
            out[-1] = Segment(out[-1].start, right, owner, out[-1].first)
        else:
            out.append(Segment(left, right, owner, first))
    return out


# -- conversation ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Turn:
    """One quotation as a step of the conversation: ``source`` spoke (to ``target``)."""

    quote: int  # index into the article's quotations
    source: int  # index into the participants
    target: int | None


@dataclass(frozen=True, slots=True)
class Conversation:
    participants: list[dict[str, Any]]  # {"key", "name", "speaker_id"}
    turns: list[Turn]


def _party(ref: dict[str, Any] | None, corpus_id: int | None) -> tuple[str, dict[str, Any]] | None:
    if not ref:
        return None
    key = ref.get("entity") or ref["name"]
    return key, {"key": key, "name": ref["name"], "speaker_id": corpus_id}


def conversation(quotes: Sequence[dict[str, Any]]) -> Conversation:
    """The exchanges of an article: every quotation with an addressee, and the other
    quotations of the people in those exchanges (so the back-and-forth reads in order).
    Participants are in order of first appearance."""
    pairs = [(_party(q.get("speaker"), q.get("speaker_id")),
              _party(q.get("addressee"), q.get("addressee_id"))) for q in quotes]
    involved = {p[0] for s, a in pairs if s and a for p in (s, a)}
    participants: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    turns: list[Turn] = []
    for i, (s, a) in enumerate(pairs):
        if s is None or s[0] not in involved:
            continue
        for party in (s, a):
            if party is not None and party[0] not in index:
                index[party[0]] = len(participants)
                participants.append(party[1])
        turns.append(Turn(i, index[s[0]], index[a[0]] if a else None))
    return Conversation(participants, turns)


# -- search ---------------------------------------------------------------------------------
def _fold(word: str) -> str:
    # as FTS5's unicode61 tokenizer with remove_diacritics compares words
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def marked(text: str, search: str | None) -> list[tuple[str, bool]]:
    """``text`` as pieces, each flagged when it is a word of ``search``."""
    words = {_fold(w) for w in _WORD.findall(search or "")}
    if not words:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    last = 0
    for m in _WORD.finditer(text):
        if _fold(m.group()) in words:
            if m.start() > last:
                out.append((text[last:m.start()], False))
            out.append((m.group(), True))
            last = m.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


# -- timeline -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    r: float
    day: str
    quotations: int


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    dots: list[Dot]
    ticks: list[tuple[float, str]]  # x, month label


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def timeline(days: Sequence[dict[str, Any]], width: int = 720, height: int = 90) -> Timeline:
    """Dots along a date axis, one per day with quotations, area growing with the count;
    month ticks. Days that are not ISO dates are left out."""
    points = [(d, int(row["quotations"])) for row in days if (d := _day(row["date"]))]
    if not points:
        return Timeline(width, height, [], [])
    pad = 24
    first, last = points[0][0], points[-1][0]
    span = max((last - first).days, 1)
    def x(d: date) -> float:
        return round(pad + (width - 2 * pad) * (d - first).days / span, 1)
    top = max(n for _, n in points)
    dots = [Dot(x(d), round(3 + 9 * (n / top) ** 0.5, 1), d.isoformat(), n) for d, n in points]
    ticks: list[tuple[float, str]] = []
    month = date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            ticks.append((x(month), month.strftime("%b %Y")))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if not ticks:
        ticks.append((x(first), first.strftime("%b %Y")))
    return Timeline(width, height, dots, ticks)


# -- labels and API docs ----------------------------------------------------------------------
def article_label(article: dict[str, Any]) -> str:
    """An article's title, else the file name its source ends in, else its id."""
    if article.get("title"):
        return str(article["title"])
    source = str(article.get("source") or "")
    name = source.rstrip("/").rsplit("/", 1)[-1]
    return name or str(article.get("id", ""))


_CONSTRAINTS = (("minimum", "≥ {}"), ("maximum", "≤ {}"), ("minLength", "at least {} chars"),
                ("maxLength", "at most {} chars"))


def _param_type(schema: dict[str, Any]) -> tuple[str, list[str]]:
    options = schema.get("anyOf", [schema])
    kinds = [o.get("type", "") for o in options if o.get("type") != "null"]
    notes = [fmt.format(o[key]) for o in options for key, fmt in _CONSTRAINTS if key in o]
    return " or ".join(kinds) or "any", notes


def endpoints(openapi: dict[str, Any]) -> list[dict[str, Any]]:
    """The operations of an OpenAPI document, as the offline API docs page lists them."""
    out = []
    for path, operations in openapi.get("paths", {}).items():
        for method, op in operations.items():
            params = []
            for p in op.get("parameters", []):
                kind, notes = _param_type(p.get("schema", {}))
                default = p.get("schema", {}).get("default")
                params.append({"name": p["name"], "in": p.get("in", ""), "type": kind,
                               "required": bool(p.get("required")), "notes": notes,
                               "default": default, "description": p.get("description", "")})
            out.append({"method": method.upper(), "path": path,
                        "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params})
    return out
