"""The reporting words of reported speech, learned from PolNeAR train.

Direct quotations need few cues: the quotation marks already say that someone speaks. Reported
speech has only its verb, and PolNeAR counts far more verbs as attributing than a lexicon of
saying: "endorsed", "praised", "expected", "declined", "seemed". So the words that open or close
an indirect attribution are counted on PolNeAR train: for each word form, how often it heads a
gold Cue span of an attribution without quotation marks, against how often it occurs at all.
``quotegraph train`` writes the counts to ``models/reported_cues.json``; extraction keeps the
forms whose precision and count pass the thresholds stored beside them. Plain counting: no
NumPy, no pickle.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import regex

from .records import Span

if TYPE_CHECKING:  # the evaluator imports the pipeline, which imports this module
    from .evaluate.polnear import GoldArticle

MODEL_FILE = "reported_cues.json"
#: A form is a cue when it heads a gold cue at least this share of the times it occurs …
MIN_PRECISION = 0.15
#: … and at least this many times.
MIN_COUNT = 5
_WORD = regex.compile(r"\p{L}[\p{L}’'\-]*")
# "referring to", "called for": the verb is the head, not the particle
_PARTICLES = frozenset("to of for about with on at by in as".split())


def _head(text: str, cue: Iterable[Span]) -> int | None:
    """The start of the head word of a gold cue: its last word that is no particle."""
    words = [m for c in cue for m in _WORD.finditer(text, c.start, c.end)]
    while len(words) > 1 and words[-1].group().lower() in _PARTICLES:
        words.pop()
    return words[-1].start() if words else None


def count_cues(articles: Iterable[GoldArticle]) -> dict[str, list[int]]:
    """``{form: [times it heads a gold cue of unquoted content, times it occurs]}``."""
    heads: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for art in articles:
        starts = {h for g in art.attributions if g.content and not g.quoted and g.cue
                  if (h := _head(art.text, g.cue)) is not None}
        for m in _WORD.finditer(art.text):
            w = m.group().lower()
            total[w] += 1
            if m.start() in starts:
                heads[w] += 1
    return {w: [heads[w], total[w]] for w in sorted(heads) if heads[w] >= MIN_COUNT}


def to_dict(counts: dict[str, list[int]]) -> dict[str, Any]:
    return {"min_precision": MIN_PRECISION, "min_count": MIN_COUNT, "forms": counts}


@cache
def reported_cue_forms() -> frozenset[str]:
    """The shipped forms that pass their thresholds (empty when none is shipped)."""
    path = resources.files("quotegraph").joinpath("models", MODEL_FILE)
    if not path.is_file():
        return frozenset()
    raw = json.loads(path.read_text("utf-8"))
    p, k = float(raw["min_precision"]), int(raw["min_count"])
    return frozenset(w for w, (hits, n) in raw["forms"].items() if hits >= k and hits >= p * n)
