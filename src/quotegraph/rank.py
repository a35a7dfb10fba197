"""The learned speaker ranker: which entity speaks a quotation that no cue attributes.

Rules keep the quotations a cue attributes (they are right nine times in ten on news). For the
others — a quote paragraph with no cue, a line of dialogue — every entity near the quotation
is a candidate, described by a few features (is it the previous speaker, the one before, the
next tagged speaker, mentioned in this paragraph, how far, the narrator, …), and a logistic
model trained by ``quotegraph train`` scores them. Inference is plain Python over a JSON file
of weights: no NumPy, no pickle.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

import regex

from .errors import DataError
from .records import Span
from .resolve import Draft, EntityState, Resolver, runs

#: Names of the features, in the order of the weight vector.
FEATURES: tuple[str, ...] = (
    "rule_speaker",            # the rules' choice (continuation, alternation, …)
    "rule_alternation",        # … made by turn-taking
    "rule_continuation",       # … made by continuing the previous speaker
    "prev1",                   # spoke the previous quotation
    "prev2",                   # spoke the one before
    "next1_tagged",            # speaks the next quotation, which a cue attributes
    "next2_tagged",
    "prev_addressee",          # was spoken to by the previous quotation
    "prev1_in_run",            # prev1, inside a run of quote paragraphs
    "prev2_in_run",            # prev2, inside a run
    "prev1_second_person",     # prev1, and this quotation says "you"
    "same_paragraph",          # mentioned in the quotation's paragraph, outside it
    "previous_paragraph",      # mentioned in the paragraph before
    "distance_before",         # log-distance of the nearest mention before the quotation
    "after_in_paragraph",      # mentioned after the quotation, same paragraph
    "narrator",                # the "I" of a first-person text
    "nearest_is_name",
    "nearest_is_pronoun",
    "salience",                # log(1 + mentions so far)
    "paragraph_subject",       # the first entity mentioned in the quotation's paragraph
)

#: Sieves whose speaker came from a cue or a colon: the ranker leaves those alone.
ANCHORED: Final = frozenset({"before", "after", "loose", "colon"})
#: … and turn-taking in a run of quote paragraphs, which beats the ranker on dev.
LEFT_TO_RULES: Final = ANCHORED | {"alternation"}
_SECOND_PERSON: Final = regex.compile(r"\b(?:you|your|you’re|you're)\b", regex.IGNORECASE)
_MAX_CANDIDATES: Final = 12


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entity that may speak a quotation, with its feature vector."""

    entity: int
    features: tuple[float, ...]

    def __init__(self, entity: int, features: tuple[float, ...]) -> None:
        object.__setattr__(self, "entity", entity)
        object.__setattr__(self, "features", features)


class _Doc:
    """Per-article look-ups the features share: mention starts per entity, sorted."""

    def __init__(self, paras: Sequence[Span], drafts: Sequence[Draft],
                 resolver: Resolver) -> None:
        self.paras = paras
        self.drafts = drafts
        self.resolver = resolver
        self.starts: dict[int, list[int]] = {}
        for (s, _e), idx in resolver.of_mention.items():
            self.starts.setdefault(idx, []).append(s)
        for v in self.starts.values():
            v.sort()
        self.run_of: dict[int, int] = {}
        for run in runs(drafts):
            for k in run:
                self.run_of[k] = len(run)

    def in_span(self, idx: int, start: int, end: int) -> list[int]:
        return [s for s in self.starts.get(idx, ()) if start <= s < end]

    def para(self, i: int) -> Span | None:
        return self.paras[i] if 0 <= i < len(self.paras) else None


def _speaker(drafts: Sequence[Draft], k: int, *, tagged: bool = False) -> EntityState | None:
    if not 0 <= k < len(drafts):
        return None
    d = drafts[k]
    if tagged and d.sieve not in ANCHORED:
        return None
    return d.speaker


def candidates(text: str, doc: _Doc, k: int) -> list[Candidate]:
    """The candidate speakers of quotation ``k`` and their features."""
    d = doc.drafts[k]
    res = doc.resolver
    first = doc.para(d.local.paragraph - 2) or doc.paras[0]
    last = doc.para(d.local.last_paragraph + 1) or doc.paras[-1]
    pool: set[int] = set()
    for idx, starts in doc.starts.items():
        if any(first.start <= s < last.end for s in starts):
            pool.add(idx)
    for e in (d.speaker, _speaker(doc.drafts, k - 1), _speaker(doc.drafts, k - 2),
              _speaker(doc.drafts, k + 1, tagged=True)):
        if e is not None:
            pool.add(e.index)
    if res.narrator is not None:
        pool.add(res.narrator)
    qstart, qend = d.local.quote.start, d.local.quote.end
    para = doc.paras[d.local.paragraph]
    prev_para = doc.para(d.local.paragraph - 1)
    second = bool(_SECOND_PERSON.search(
        " ".join(text[p.start : p.end] for p in d.local.quote.parts)))
    in_run = doc.run_of.get(k, 1) > 1
    subject = min(((min(ss), i) for i in pool if (ss := doc.in_span(i, para.start, qstart))),
                  default=(0, -1))[1]
    prev1, prev2 = _speaker(doc.drafts, k - 1), _speaker(doc.drafts, k - 2)
    prev_addr = doc.drafts[k - 1].addressee if k > 0 else None
    out: list[tuple[float, Candidate]] = []
    for idx in sorted(pool):
        e = res.ents[idx]
        if e.type not in ("person", "anonymous", "organization", "group"):
            continue
        before = [s for s in doc.starts.get(idx, ()) if s < qstart]
        nearest = before[-1] if before else None
        dist = qstart - nearest if nearest is not None else 100_000
        kind = _kind_at(res, nearest)
        is_rule = d.speaker is e
        f = (
            float(is_rule),
            float(is_rule and d.sieve == "alternation"),
            float(is_rule and d.sieve in ("continuation", "paragraph")),
            float(prev1 is e),
            float(prev2 is e),
            float(_speaker(doc.drafts, k + 1, tagged=True) is e),
            float(_speaker(doc.drafts, k + 2, tagged=True) is e),
            float(prev_addr is e),
            float(prev1 is e and in_run),
            float(prev2 is e and in_run),
            float(prev1 is e and second),
            float(bool(doc.in_span(idx, para.start, para.end))),
            float(prev_para is not None and bool(doc.in_span(idx, prev_para.start,
                                                             prev_para.end))),
            math.log1p(dist) / 12.0,
            float(bool(doc.in_span(idx, qend, para.end))),
            float(idx == res.narrator),
            float(kind == "name"),
            float(kind == "pronoun"),
            math.log1p(len(before)) / 5.0,
            float(idx == subject),
        )
        out.append((dist, Candidate(idx, f)))
    out.sort(key=lambda t: (t[0], t[1].entity))
    return [c for _, c in out[:_MAX_CANDIDATES]]


def _kind_at(res: Resolver, pos: int | None) -> str:
    """Whether the mention at ``pos`` looks like a name or a pronoun (by its first letter)."""
    if pos is None:
        return ""
    word = res.text[pos : pos + 12].split(maxsplit=1)[0] if res.text[pos:pos + 1] else ""
    if word.lower() in ("he", "she", "him", "her", "his", "they", "them", "their", "i", "me",
                        "my"):
        return "pronoun"
    return "name" if word[:1].isupper() else "nominal"


def documents_features(text: str, paras: Sequence[Span], drafts: Sequence[Draft],
                       resolver: Resolver) -> tuple[_Doc, dict[int, list[Candidate]]]:
    """Candidates for every quotation the rules leave to the ranker (training and use)."""
    doc = _Doc(paras, drafts, resolver)
    table = {k: candidates(text, doc, k) for k, d in enumerate(drafts)
             if d.sieve not in LEFT_TO_RULES and not (d.speaker is None
                                                      and d.speaker_mention is not None)}
    return doc, table


@dataclass(frozen=True, slots=True)
class SpeakerRanker:
    """A conditional-logit model over :data:`FEATURES` (standardised by ``mean`` and
    ``scale``): softmax of linear scores over one quotation's candidates."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.5

    def __init__(self, weights: tuple[float, ...], bias: float, mean: tuple[float, ...],
                 scale: tuple[float, ...], threshold: float = 0.5) -> None:
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "bias", bias)
        object.__setattr__(self, "mean", mean)
        object.__setattr__(self, "scale", scale)
        object.__setattr__(self, "threshold", threshold)

    def score(self, features: Sequence[float]) -> float:
        return self.bias + sum(w * (x - m) / s for w, x, m, s in
                               zip(self.weights, features, self.mean, self.scale, strict=True))

    def group_probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Softmax of the scores over one quotation's candidates."""
        scores = [self.score(r) for r in rows]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def apply(self, text: str, paras: Sequence[Span], drafts: list[Draft],
              resolver: Resolver, *, conversation: bool) -> None:
        """Give each quotation that neither a cue nor turn-taking decides its most probable
        candidate. In conversation (fiction, transcripts) that overrides continuation; in
        other text, where a quote paragraph continues its speaker by convention, only the
        quotations the rules leave without a speaker are decided."""
        _doc, table = documents_features(text, paras, drafts, resolver)
        for k, cands in table.items():
            if not cands or (not conversation and drafts[k].speaker is not None):
                continue
            probs = self.group_probabilities([c.features for c in cands])
            i = max(range(len(cands)), key=lambda j: (probs[j], -cands[j].entity))
            best, p = cands[i], probs[i]
            if p < self.threshold:
                continue
            d = drafts[k]
            e = resolver.ents[best.entity]
            if d.speaker is not e:
                d.speaker, d.speaker_mention = e, None
            d.sieve, d.confidence = "ranked", round(p, 3)

    def to_dict(self) -> dict[str, Any]:
        return {"features": list(FEATURES), "weights": list(self.weights), "bias": self.bias,
                "mean": list(self.mean), "scale": list(self.scale),
                "threshold": self.threshold}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> SpeakerRanker:
        if raw.get("features") != list(FEATURES):
            raise DataError("speaker ranker: its features are not this version's; retrain it "
                            "with `quotegraph train`")
        return cls(tuple(map(float, raw["weights"])), float(raw["bias"]),
                   tuple(map(float, raw["mean"])), tuple(map(float, raw["scale"])),
                   float(raw.get("threshold", 0.5)))


MODEL_FILE: Final = "speaker_ranker.json"


@cache
def bundled_ranker() -> SpeakerRanker | None:
    """The ranker shipped in ``quotegraph/models/``, or None when none is shipped."""
    path = resources.files("quotegraph").joinpath("models", MODEL_FILE)
    if not path.is_file():
        return None
    return SpeakerRanker.from_dict(json.loads(path.read_text("utf-8")))
