"""Training where a reported clause ends, on PolNeAR train.

Each time stage 5b asks where the clause after a cue ends, its candidate ends (every
boundary to the end of the sentence, the rules' end among them) and their features are
recorded (:class:`quotegraph.learned.EndChooser` with ``record``). The gold attribution of
that cue (its Cue span overlaps the cue) names the right end: the candidate whose content
has the best character Jaccard with the gold content, when that reaches the strict 0.5. A
logistic regression learns to tell the right end from the others
(:func:`quotegraph.training.cues.fit_logistic`); extraction takes the best-scored one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..cuelearn import reported_cue_forms
from ..evaluate.polnear import STRICT_JACCARD, GoldArticle, _jaccard, _strip_edges, load_polnear
from ..ingest import article_from_text
from ..learned import ENDS_FILE, EndChooser, EndGroup, LogisticModel
from ..pipeline import analyse
from ..records import Span
from .cues import fit_logistic, write_json

L2 = 1e-5
#: The margins (log-odds over the rules' end) tried on dev.
MARGINS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)


def end_examples(articles: Iterable[GoldArticle], detector: LogisticModel | None,
                 ) -> tuple[list[list[str]], list[int], int]:
    """Features and labels of the candidate ends, and the number of decisions learned from."""
    rows: list[list[str]] = []
    labels: list[int] = []
    groups = 0
    for art in articles:
        record: list[EndGroup] = []
        analyse(article_from_text(art.text), detector=detector or False,
                ends=EndChooser(None, reported_cue_forms(), record=record))
        for (c0, c1), start, ends, feats in record:
            gold = [g for g in art.attributions if g.content and g.cue
                    and any(s.start < c1 and c0 < s.end for s in g.cue)]
            if not gold:
                continue
            targets = [_strip_edges(art.text, g.content) for g in gold]
            scores = [max(_jaccard(_strip_edges(art.text, [Span(start, e)]), t)
                          for t in targets) for e in ends]
            best = max(range(len(ends)), key=lambda i: (scores[i], -i))
            if scores[best] < STRICT_JACCARD:
                continue  # no candidate end makes the content right: nothing to learn
            groups += 1
            for i, f in enumerate(feats):
                rows.append(f)
                labels.append(int(i == best))
    return rows, labels, groups


def train_ends(shared: Path, out_dir: Path, detector: LogisticModel | None, *,
               log: Callable[[str], None] = lambda _m: None,
               ) -> tuple[EndChooser, dict[str, Any]]:
    """Fit on PolNeAR train (with ``detector`` choosing the cues) and write
    ``content_ends.json``; returns the chooser and a card summary."""
    log("content ends: clauses of PolNeAR train")
    rows, labels, groups = end_examples(load_polnear(shared / "data" / "polnear" / "train"),
                                        detector)
    log(f"  {groups} clauses, {len(rows)} candidate ends; fitting")
    fitted = fit_logistic(rows, labels, l2=L2)
    model, table = tune_margin(shared, fitted, detector, log=log)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_json(out_dir / ENDS_FILE, model.to_dict())
    card = {"file": ENDS_FILE, "clauses": groups, "candidates": len(rows),
            "features": len(model.weights), "l2": L2, "margin": model.threshold,
            "dev_margins": table, "data": "PolNeAR train; margin on PolNeAR dev"}
    return EndChooser(model, reported_cue_forms()), card


def tune_margin(shared: Path, model: LogisticModel, detector: LogisticModel | None, *,
                log: Callable[[str], None] = lambda _m: None,
                ) -> tuple[LogisticModel, list[dict[str, float]]]:
    """The margin by which the model's end must beat the rules' end: the one of best dev
    triple F1 among those that lower neither the strict content F1 nor the triple recall of
    the rules' ends (rules stand where they win). The overlap F1 is not held: a shorter
    clause that no longer touches a gold content elsewhere in its sentence was wrong by the
    strict measure before, and the lenient one loses a match it should never have had."""
    from ..evaluate.polnear import evaluate_polnear
    from ..pipeline import extract_article

    dev = shared / "data" / "polnear" / "dev"

    def measure(chooser: EndChooser | None) -> dict[str, float]:
        def extract(text: str) -> Any:
            return extract_article(article_from_text(text), detector=detector or False,
                                   ends=chooser or False, confidence=False)

        a = evaluate_polnear(dev, extract=extract).all
        return {"triple_f1": round(a.triple_f1, 4), "triple_recall": round(a.triple_recall, 4),
                "strict_f1": round(a.strict_f1, 4), "overlap_f1": round(a.f1, 4)}

    base = measure(None)
    table = [{"margin": -1.0, **base}]
    best, best_f1 = LogisticModel(model.weights, model.bias, MARGINS[-1]), -1.0
    for m in MARGINS:
        candidate = LogisticModel(model.weights, model.bias, m)
        figures = measure(EndChooser(candidate, reported_cue_forms()))
        table.append({"margin": m, **figures})
        log(f"  margin {m:.2f}: triple F1 {figures['triple_f1']:.4f}, strict F1 "
            f"{figures['strict_f1']:.4f}, overlap F1 {figures['overlap_f1']:.4f}")
        if all(figures[k] >= base[k] for k in ("strict_f1", "triple_recall")) \
                and figures["triple_f1"] > best_f1:
            best, best_f1 = candidate, figures["triple_f1"]
    return best, table
