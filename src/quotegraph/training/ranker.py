"""Training the speaker ranker on the shared corpora; it ships as JSON.

Training data: the quotations the rules leave without a cue, in PolNeAR train (gold Source
spans) and in the PDNC training novels (gold speaker names) — never the dev portions
(PolNeAR dev, PDNC Persuasion and The Sun Also Rises), which measure the result. Each such
quotation gives a group of candidates (:func:`quotegraph.rank.candidates`) labelled by the
gold; a logistic regression fits them, deterministically (full-batch gradient descent from
zero weights). NumPy is needed here only; the model is applied in plain Python.
"""

from __future__ import annotations

import datetime as _dt
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..evaluate.pdnc import Cast, cast_matches, load_pdnc, match_quotes, novel_folders
from ..evaluate.polnear import load_polnear
from ..ingest import article_id
from ..learned import EndChooser, LogisticModel
from ..pipeline import Analysis, analyse, extract_article
from ..rank import FEATURES, MODEL_FILE, SpeakerRanker, documents_features
from ..records import Article, ArticleResult, Span, SpeakerRef

PDNC_DEV = ("Persuasion", "TheSunAlsoRises")


@dataclass(frozen=True, slots=True)
class Learned:
    """The reporting-word models trained before the ranker in one ``quotegraph train`` run,
    passed explicitly so that a run never reads a stale file (None: the stage is off)."""

    detector: LogisticModel | None = None
    chooser: EndChooser | None = None

    def analyse(self, article: Article) -> Analysis:
        return analyse(article, ranker=None, detector=self.detector or False,
                       ends=self.chooser or False)
SEED = 0  # the fit is deterministic; the seed is recorded for the model card's sake


@dataclass(slots=True)
class Examples:
    """Candidate groups: rows of features, 0/1 labels, and the group each row belongs to."""

    rows: list[tuple[float, ...]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)
    n_groups: int = 0

    def add(self, feats: Sequence[tuple[float, ...]], labels: Sequence[bool],
            source: str) -> None:
        if not any(labels):
            return  # the gold speaker is not among the candidates: nothing to learn
        for f, y in zip(feats, labels, strict=True):
            self.rows.append(f)
            self.labels.append(int(y))
            self.groups.append(self.n_groups)
        self.n_groups += 1
        self.sources[source] = self.sources.get(source, 0) + 1


def _overlaps(a: Sequence[Span], b: Sequence[Span]) -> bool:
    return any(x.start < y.end and y.start < x.end for x in a for y in b)


def polnear_examples(split: Path, out: Examples, engine: Learned = Learned()) -> None:
    """Groups from PolNeAR: a candidate is right when one of its mentions overlaps the
    gold Source span of the quoted content the quotation belongs to."""
    for art in load_polnear(split):
        a = engine.analyse(Article(article_id(art.text), art.text))
        _doc, table = documents_features(a.text, a.paras, a.drafts, a.resolver)
        for k, cands in table.items():
            parts = a.drafts[k].local.quote.parts
            gold = next((g for g in art.attributions if g.quoted and g.source
                         and _overlaps(parts, g.content)), None)
            if gold is None or not cands:
                continue
            labels = [_overlaps(a.resolver.ents[c.entity].mentions, gold.source)
                      for c in cands]
            out.add([c.features for c in cands], labels, "polnear")


def pdnc_examples(root: Path, novels: Sequence[str], out: Examples,
                  engine: Learned = Learned()) -> None:
    """Groups from PDNC: a candidate is right when its name reaches the gold speaker
    through the character list's names and aliases."""
    for novel in load_pdnc(root, novels):
        a = engine.analyse(Article(article_id(novel.text), novel.text))
        _doc, table = documents_features(a.text, a.paras, a.drafts, a.resolver)
        cast = Cast(novel.characters)
        order = sorted(table)
        matched = match_quotes([g.spans for g in novel.quotes],
                               [a.drafts[k].local.quote.parts for k in order])
        for gi, pi in matched.items():
            k = order[pi]
            cands = table[k]
            if not cands:
                continue
            gold = novel.quotes[gi].speaker
            # an unnamed narrator ("I") cannot be matched to a character: its label is
            # unknown, so it stays out of the group rather than teach "never the narrator"
            kept = [c for c in cands if c.entity != a.resolver.narrator
                    or a.resolver.ents[c.entity].tokens]
            labels = []
            for c in kept:
                e = a.resolver.ents[c.entity]
                ref = SpeakerRef(None, e.name, e.name, None, e.type)
                labels.append(cast_matches(cast, ref, [gold]))
            out.add([c.features for c in kept], labels, f"pdnc:{novel.name}")


def fit(ex: Examples, *, l2: float = 1e-3, iterations: int = 600,
        rate: float = 0.5) -> SpeakerRanker:
    """A conditional logit: within each quotation's group of candidates, softmax over the
    linear scores; maximise the probability of the right candidates (full-batch gradient
    descent from zero weights, on standardised features: deterministic)."""
    import numpy as np  # a training-time dependency only

    x = np.asarray(ex.rows, dtype=np.float64)
    y = np.asarray(ex.labels, dtype=np.float64)
    g = np.asarray(ex.groups, dtype=np.int64)
    if x.size == 0:
        raise DataError("no training examples: is ../shared/data there?")
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    n_groups = int(g.max()) + 1
    w = np.zeros(z.shape[1])
    for _ in range(iterations):
        s = z @ w
        s = s - np.maximum.reduceat(s, _starts(g)).repeat(np.bincount(g))
        e = np.exp(s)
        p = e / np.bincount(g, weights=e)[g]
        pos = p * y
        q = pos / np.bincount(g, weights=pos)[g]
        grad = (z.T @ (p - q)) / n_groups + l2 * w
        w -= rate * grad
    model = SpeakerRanker(tuple(float(v) for v in w), 0.0, tuple(float(v) for v in mean),
                          tuple(float(v) for v in scale))
    return _tune_threshold(model, ex)


def _starts(groups: Any) -> Any:
    """Where each group begins (groups are contiguous and numbered in order)."""
    import numpy as np

    return np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])


def _tune_threshold(model: SpeakerRanker, ex: Examples) -> SpeakerRanker:
    """The threshold above which the ranker overrides the rules, chosen on the training
    groups: where the top candidate is less probable, the rules' choice stands."""
    groups: dict[int, list[int]] = {}
    for i, g in enumerate(ex.groups):
        groups.setdefault(g, []).append(i)
    rule = FEATURES.index("rule_speaker")
    best_t, best_acc = 0.5, -1.0
    for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        right = 0
        for rows in groups.values():
            probs = model.group_probabilities([ex.rows[i] for i in rows])
            top = max(range(len(rows)), key=lambda j: probs[j])
            if probs[top] >= t:
                right += ex.labels[rows[top]]
            else:
                right += any(ex.labels[i] for i in rows if ex.rows[i][rule] > 0.5)
        acc = right / max(1, len(groups))
        if acc > best_acc:
            best_t, best_acc = t, acc
    return SpeakerRanker(model.weights, model.bias, model.mean, model.scale, best_t)


def _dev_figures(shared: Path, ranker: SpeakerRanker | None,
                 engine: Learned = Learned()) -> dict[str, float]:
    """PDNC dev and PolNeAR dev with a given ranker (None: rules only)."""
    from ..evaluate.pdnc import evaluate_pdnc
    from ..evaluate.polnear import evaluate_polnear

    def extract(text: str) -> ArticleResult:
        return extract_article(Article(article_id(text), text), ranker=ranker or False,
                               detector=engine.detector or False,
                               ends=engine.chooser or False, confidence=False)

    pd = evaluate_pdnc(shared / "data" / "pdnc", list(PDNC_DEV), extract=extract).to_dict()
    total = pd["total"]
    pn = evaluate_polnear(shared / "data" / "polnear" / "dev", extract=extract).to_dict()
    return {
        "pdnc_dev_speaker": round(total["speaker"]["accuracy"], 4),
        "pdnc_dev_explicit": round(total["speaker_by_type"]["Explicit"]["accuracy"], 4),
        "pdnc_dev_anaphoric": round(total["speaker_by_type"]["Anaphoric"]["accuracy"], 4),
        "pdnc_dev_implicit": round(total["speaker_by_type"]["Implicit"]["accuracy"], 4),
        "pdnc_dev_addressee": round(total["addressee"]["accuracy"], 4),
        "polnear_dev_quoted_speaker": round(pn["quoted"]["speaker_accuracy"], 4),
        "polnear_dev_quoted_f1": round(pn["quoted"]["f1"], 4),
    }


def train(shared: Path, out_dir: Path, *, engine: Learned = Learned(),
          log: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Fit, measure the ablation on dev, and write the model and its card to ``out_dir``."""
    start = time.perf_counter()
    ex = Examples()
    log("examples: PolNeAR train")
    polnear_examples(shared / "data" / "polnear" / "train", ex, engine)
    novels = [n for n in novel_folders(shared / "data" / "pdnc") if n not in PDNC_DEV]
    log(f"examples: PDNC training novels ({len(novels)})")
    pdnc_examples(shared / "data" / "pdnc", novels, ex, engine)
    log(f"fit: {ex.n_groups} groups, {len(ex.rows)} candidates")
    model = fit(ex)
    log("dev figures: rules only, then with the ranker")
    rules = _dev_figures(shared, None, engine)
    learned = _dev_figures(shared, model, engine)
    # Keep rules where rules win: the model is installed only when it beats them on the
    # novels' dev speakers without costing news speakers; otherwise it is kept aside.
    ship = (learned["pdnc_dev_speaker"] > rules["pdnc_dev_speaker"]
            and learned["polnear_dev_quoted_speaker"] >= rules["polnear_dev_quoted_speaker"])
    out_dir.mkdir(parents=True, exist_ok=True)
    name = MODEL_FILE if ship else MODEL_FILE.replace(".json", ".rejected.json")
    (out_dir / name).write_text(json.dumps(model.to_dict(), indent=1) + "\n", "utf-8")
    # only the file that matches the verdict stays: no stale model beside its card
    stale = MODEL_FILE.replace(".json", ".rejected.json") if ship else MODEL_FILE
    (out_dir / stale).unlink(missing_ok=True)
    card = {
        "model": "speaker ranker: conditional logit (a softmax over one quotation's "
                 "candidate speakers) on candidate features",
        "trained": _dt.date.today().isoformat(),
        "seed": SEED,
        "data": {"polnear": "train (first .ann per article)",
                 "pdnc": sorted(novels), "held_out_dev": ["polnear/dev", *PDNC_DEV]},
        "groups": ex.n_groups, "candidates": len(ex.rows), "groups_by_source": ex.sources,
        "threshold": model.threshold,
        "shipped": ship,
        "file": name,
        "dev": {"rules_only": rules, "with_ranker": learned},
        "seconds": round(time.perf_counter() - start, 1),
    }
    (out_dir / "speaker_ranker.card.json").write_text(json.dumps(card, indent=1) + "\n",
                                                       "utf-8")
    return card
