"""The engine's learned linear models: the cue detector and the record confidence.

Each is a logistic regression over named features (strings), fitted by ``quotegraph train``
(``quotegraph/training/``) and shipped as JSON in ``quotegraph/models/``: a weight per
feature, a bias and a threshold. Applied in plain Python, a sum of a few dozen weights:

* ``cue_detector.json`` — the probability that one occurrence of a reporting word is a cue
  in its context (features: :mod:`quotegraph.cuefeatures`); stage 5b keeps a candidate
  whose probability reaches the threshold tuned on PolNeAR dev;
* ``content_ends.json`` — where a reported clause ends: each candidate end of the clause
  (features: :func:`quotegraph.cuefeatures.end_features`) is scored, and the best wins;
* ``pronoun_resolver.json`` — how likely a person mentioned before a "he" or "she" is
  its antecedent (features: :mod:`quotegraph.pronounfeatures`); the best candidate wins;
* ``record_confidence.json`` — the probability that a record is right end to end: its
  content, cue and source all those of a gold attribution (features:
  :mod:`quotegraph.recordfeatures`); that probability is the record's ``confidence``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, Final

from .cuefeatures import end_candidates, end_features

DETECTOR_FILE: Final = "cue_detector.json"
CONFIDENCE_FILE: Final = "record_confidence.json"
ENDS_FILE: Final = "content_ends.json"
PRONOUNS_FILE: Final = "pronoun_resolver.json"


class LogisticModel:
    """Weights by feature name, a bias, and the probability a candidate needs to pass."""

    __slots__ = ("bias", "cut", "kinds", "threshold", "weights")

    def __init__(self, weights: dict[str, float], bias: float, threshold: float,
                 kinds: tuple[str, ...] = ()) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        # what the threshold applies to, where it is not everything (the confidence model's
        # default leaves out indirect records only: a quotation in marks is always shown)
        self.kinds = kinds
        # the threshold as log-odds: a candidate passes when score(feats) >= cut, decided
        # without an exponential
        t = min(max(threshold, 1e-12), 1 - 1e-12)
        self.cut = math.log(t / (1 - t))

    def score(self, feats: list[str]) -> float:
        """The log-odds of the positive class."""
        w = self.weights
        z = self.bias
        for f in feats:
            v = w.get(f)
            if v is not None:
                z += v
        return z

    def prob(self, feats: list[str]) -> float:
        z = self.score(feats)
        if z < -35.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def with_threshold(self, threshold: float) -> LogisticModel:
        return LogisticModel(self.weights, self.bias, threshold, self.kinds)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"bias": self.bias, "threshold": self.threshold}
        if self.kinds:
            out["kinds"] = list(self.kinds)
        out["weights"] = dict(sorted(self.weights.items()))
        return out

    @staticmethod
    def from_dict(raw: dict[str, Any]) -> LogisticModel:
        return LogisticModel({str(k): float(v) for k, v in raw["weights"].items()},
                             float(raw["bias"]), float(raw["threshold"]),
                             tuple(str(k) for k in raw.get("kinds", ())))


#: The cue detector is a logistic model (the name says what it is for).
CueDetector = LogisticModel


def _bundled(name: str) -> LogisticModel | None:
    path = resources.files("quotegraph").joinpath("models", name)
    if not path.is_file():
        return None
    return LogisticModel.from_dict(json.loads(path.read_text("utf-8")))


@cache
def bundled_detector() -> LogisticModel | None:
    """The cue detector shipped in ``quotegraph/models/``, or None when there is none."""
    return _bundled(DETECTOR_FILE)


@cache
def bundled_confidence() -> LogisticModel | None:
    """The record confidence model shipped in ``quotegraph/models/``, or None."""
    return _bundled(CONFIDENCE_FILE)


@cache
def bundled_ends() -> LogisticModel | None:
    """The content end model shipped in ``quotegraph/models/``, or None."""
    return _bundled(ENDS_FILE)


@cache
def bundled_pronouns() -> LogisticModel | None:
    """The pronoun resolver's model shipped in ``quotegraph/models/``, or None."""
    return _bundled(PRONOUNS_FILE)


class PronounModel:
    """The learned antecedent of a "he" or "she": the candidate of highest score (the
    latest of equals), where the model scores one above its threshold; else the rules'."""

    __slots__ = ("model",)

    def __init__(self, model: LogisticModel) -> None:
        self.model = model

    def choose(self, pronoun: Any, cands: Any, feats: Sequence[list[str]]) -> int | None:
        best, best_z = None, self.model.cut
        for i, f in enumerate(feats):
            z = self.model.score(f)
            if z > best_z or (best is None and z >= best_z):
                best, best_z = i, z
        return best


#: One decision of where a reported clause ends, as training records it: the cue's span
#: (start, end), the clause's start, the candidate ends and their features.
EndGroup = tuple[tuple[int, int], int, list[int], list[list[str]]]


class EndChooser:
    """Chooses where a reported clause ends among its candidate ends: the one the model
    scores highest (the first on a tie), where it beats the rules' end by the model's
    margin. With ``record`` it keeps every decision it is asked
    for and answers with the rules' end (what training learns from)."""

    __slots__ = ("forms", "model", "record")

    def __init__(self, model: LogisticModel | None, forms: frozenset[str],
                 record: list[EndGroup] | None = None) -> None:
        self.model = model
        self.forms = forms
        self.record = record

    def choose(self, text: str, cue: tuple[int, int], lemma: str, start: int, rule_end: int,
               body_end: int) -> int:
        ends = end_candidates(text, start, rule_end, body_end)
        if len(ends) < 2 or rule_end not in ends or (self.model is None and self.record is None):
            return rule_end  # nothing to choose (an empty clause is refused later anyway)
        feats = [end_features(text, start, e, i, rule_end, body_end, lemma, self.forms)
                 for i, e in enumerate(ends)]
        if self.record is not None:
            self.record.append((cue, start, ends, feats))
            return rule_end
        assert self.model is not None
        scores = [self.model.score(f) for f in feats]
        best = max(range(len(ends)), key=lambda i: (scores[i], -i))
        rule = ends.index(rule_end)
        # another end than the rules' wins only by the margin tuned on dev (the model's
        # "threshold" here is a difference of log-odds, not a probability)
        return ends[best] if scores[best] - scores[rule] > self.model.threshold else rule_end
