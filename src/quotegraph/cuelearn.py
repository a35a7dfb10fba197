"""The reporting words of reported speech: the candidate forms, learned from PolNeAR train.

Direct quotations need few cues: the quotation marks already say that someone speaks. Reported
speech has only its verb, and PolNeAR counts far more verbs as attributing than a lexicon of
saying: "endorsed", "praised", "expected", "declined", "seemed". So the words that open or close
an indirect attribution are counted on PolNeAR train (``quotegraph train``:
quotegraph/training/cues.py): for each word form, how often it heads a gold Cue span of an
attribution without quotation marks, against how often it occurs at all, written to
``models/reported_cues.json``. Extraction takes the forms whose share and count pass the
thresholds stored beside them as candidates, with the rarer inflections of a verb whose
forms pass together (``groups`` and ``pooled`` in the file: "urges" by "urged"); the cue
detector (:mod:`quotegraph.learned`) decides which occurrences are cues in their context.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

MODEL_FILE = "reported_cues.json"
#: A form is a candidate when it heads a gold cue at least this share of the times it occurs …
MIN_PRECISION = 0.15
#: … and at least this many times.
MIN_COUNT = 5
#: A form raises its subject into the content ("the pier is expected to reopen") when at
#: least this share of the gold cues it heads have a content on both sides of it and no
#: source (and at least MIN_COUNT do).
MIN_RAISING_SHARE = 0.5


@cache
def reported_cue_forms() -> frozenset[str]:
    """The shipped forms that pass their thresholds, on their own or as inflections of a
    verb whose forms pass together (empty when none is shipped)."""
    own, pooled = _shipped_forms()
    return own | pooled


@cache
def pooled_cue_forms() -> frozenset[str]:
    """The candidate forms that pass only with the other inflections of their verb
    ("urges" by "urged"): rarer in train, so the detector weighs them as such."""
    return _shipped_forms()[1]


@cache
def _shipped_forms() -> tuple[frozenset[str], frozenset[str]]:
    path = resources.files("quotegraph").joinpath("models", MODEL_FILE)
    if not path.is_file():
        return frozenset(), frozenset()
    raw = json.loads(path.read_text("utf-8"))
    p, k = float(raw["min_precision"]), int(raw["min_count"])
    own = frozenset(w for w, (hits, n) in raw["forms"].items() if hits >= k and hits >= p * n)
    groups = {g for g, (hits, n) in raw.get("groups", {}).items() if hits >= k and hits >= p * n}
    return own, frozenset(w for w, g in raw.get("pooled", {}).items() if g in groups) - own


@cache
def raising_cue_forms() -> frozenset[str]:
    """The forms whose content takes in their subject and which name no source ("seems",
    "is expected", "reportedly"), as counted on PolNeAR train (``raising`` in the file)."""
    path = resources.files("quotegraph").joinpath("models", MODEL_FILE)
    if not path.is_file():
        return frozenset()
    raw = json.loads(path.read_text("utf-8"))
    return frozenset(w for w, (k, n) in raw.get("raising", {}).items()
                     if k >= MIN_COUNT and k >= MIN_RAISING_SHARE * n)
