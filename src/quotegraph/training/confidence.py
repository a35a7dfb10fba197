"""Training the record confidence: the probability that a record is right end to end.

Every record extraction makes on PolNeAR train (with the shipped cue detector, before any
record is left out) is labelled by the strict triple test of :mod:`quotegraph.evaluate.polnear`
(its content has a character Jaccard of at least 0.5 with a gold content, and its cue and
source agree with that gold's) and described by :func:`quotegraph.recordfeatures.record_features`;
a logistic regression fits them (:func:`quotegraph.training.cues.fit_logistic`). Its
calibration is checked on PolNeAR dev with a reliability table and the expected calibration
error (ECE: the record-weighted mean gap between the mean confidence and the share right in
ten equal-width bins).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from ..evaluate.polnear import GoldArticle, evaluate_polnear, load_polnear, triple_correct
from ..ingest import article_from_text
from ..learned import CONFIDENCE_FILE, EndChooser, LogisticModel
from ..pipeline import extract_article
from ..rank import SpeakerRanker
from ..recordfeatures import record_features
from ..records import ArticleResult
from .cues import fit_logistic, write_json

#: The fit: L2 strength and the least count of a feature kept.
L2 = 3e-4
MIN_FEATURE_COUNT = 3
#: The confidence below which a record is not shown by default, tried on dev.
THRESHOLDS = (0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3)
#: The share of dev's triple-right attributions the default threshold may hide, at most:
#: none (the default hides only records that are wrong on dev).
RECALL_COST = 0.0
#: The kinds of record the default threshold leaves out: a quotation in marks is reported
#: speech whoever said it, so it is always shown (with its confidence); only an indirect
#: record may be no reported speech at all.
DEFAULT_KINDS = ("indirect",)
BINS = 10


def record_examples(articles: Iterable[GoldArticle], engine: Engine,
                    ) -> tuple[list[list[str]], list[int]]:
    """Features and triple-right labels of every record of the articles."""
    rows: list[list[str]] = []
    labels: list[int] = []
    for art in articles:
        res = engine.extract(art.text, None)
        by_id = {e.id: e for e in res.entities}
        for q, right in zip(res.quotes, triple_correct(art, res), strict=True):
            rows.append(record_features(res.text, q, by_id))
            labels.append(int(right))
    return rows, labels


def reliability(probs: Sequence[float], labels: Sequence[int], bins: int = BINS,
                ) -> tuple[float, list[dict[str, float]]]:
    """The expected calibration error and the table behind it (one row per non-empty bin:
    its range, records, mean confidence, share right)."""
    table: list[dict[str, float]] = []
    total = len(probs)
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            continue
        conf = sum(probs[i] for i in idx) / len(idx)
        right = sum(labels[i] for i in idx) / len(idx)
        ece += len(idx) / max(1, total) * abs(conf - right)
        table.append({"from": lo, "to": hi, "records": len(idx), "confidence": round(conf, 4),
                      "right": round(right, 4)})
    return ece, table


class Engine:
    """The models trained before the confidence in one run (None: that stage off)."""

    def __init__(self, detector: LogisticModel | None, chooser: EndChooser | None,
                 ranker: SpeakerRanker | None) -> None:
        self.detector, self.chooser, self.ranker = detector, chooser, ranker

    def extract(self, text: str, confidence: LogisticModel | None) -> ArticleResult:
        return extract_article(article_from_text(text), ranker=self.ranker or False,
                               detector=self.detector or False, ends=self.chooser or False,
                               confidence=confidence or False)


def train_confidence(shared: Path, out_dir: Path, engine: Engine, *,
                     log: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Fit on PolNeAR train, check the calibration and choose the default threshold on dev,
    write ``record_confidence.json``. The default hides only what is wrong: the highest
    threshold that costs at most :data:`RECALL_COST` of dev's triple recall."""
    train_dir = shared / "data" / "polnear" / "train"
    dev_dir = shared / "data" / "polnear" / "dev"
    log("record confidence: records of PolNeAR train")
    rows, labels = record_examples(load_polnear(train_dir), engine)
    log(f"  {len(rows)} records, {sum(labels)} right; fitting")
    fitted = fit_logistic(rows, labels, l2=L2, min_feature_count=MIN_FEATURE_COUNT)
    model = LogisticModel(fitted.weights, fitted.bias, 0.0, DEFAULT_KINDS)
    dev_rows, dev_labels = record_examples(load_polnear(dev_dir), engine)
    ece, table = reliability([model.prob(r) for r in dev_rows], dev_labels)
    log(f"  dev: {len(dev_rows)} records, ECE {ece:.4f}")
    tried: list[dict[str, float]] = []
    best_t, base_recall, within = 0.0, -1.0, True
    for t in THRESHOLDS:
        m = model.with_threshold(t)

        def extract(text: str, m: LogisticModel = m) -> ArticleResult:
            return engine.extract(text, m)

        a = evaluate_polnear(dev_dir, extract=extract).all
        tried.append({"threshold": t, "triple_f1": round(a.triple_f1, 4),
                      "triple_precision": round(a.triple_precision, 4),
                      "triple_recall": round(a.triple_recall, 4),
                      "strict_f1": round(a.strict_f1, 4), "overlap_f1": round(a.f1, 4)})
        log(f"  threshold {t:.2f}: triple F1 {a.triple_f1:.4f} P {a.triple_precision:.4f} "
            f"R {a.triple_recall:.4f}, overlap F1 {a.f1:.4f}")
        if base_recall < 0:
            base_recall = a.triple_recall  # threshold 0: every record kept
        within = within and a.triple_recall >= base_recall - RECALL_COST
        if within:
            best_t = t
    model = model.with_threshold(best_t)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_json(out_dir / CONFIDENCE_FILE, model.to_dict())
    return {"file": CONFIDENCE_FILE, "records": len(rows), "right": sum(labels),
            "features": len(model.weights), "l2": L2, "threshold": best_t,
            "dev_ece": round(ece, 4), "dev_reliability": table, "dev_thresholds": tried,
            "data": "PolNeAR train; calibration and threshold on PolNeAR dev"}
