"""Training the pronoun resolver on the silver coreference of PolNeAR train.

For every "he" or "she" (and its other forms) outside quotation marks, the engine's
resolver lists the persons it could stand for, latest first, with their
:func:`quotegraph.pronounfeatures.pronoun_features`. A candidate is labelled right when one
of its mentions before the pronoun lies in the pronoun's silver CoreNLP coreference chain
(``train/corenlp/*.conll``); decisions with no right candidate are left out. A logistic
regression over the candidates (:func:`quotegraph.training.cues.fit_logistic`) scores each;
the resolver takes the best. Its accuracy against the rules' choice (the latest person that
fits) is measured on PolNeAR dev's silver chains and written in the card; the human gold
judges it through ``quotegraph eval polnear``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

from ..errors import DataError
from ..ingest import article_from_text
from ..learned import PRONOUNS_FILE, LogisticModel, PronounModel, bundled_pronouns
from ..pipeline import analyse
from ..records import Span
from ..resolve import EntityState
from .cues import fit_logistic, write_json

L2: Final = 1e-4
MIN_FEATURE_COUNT: Final = 3

#: One decision as the resolver met it: the pronoun, each candidate's mentions so far, and
#: each candidate's features.
Decision = tuple[Span, list[list[Span]], list[list[str]]]


class Recorder:
    """A chooser that records every decision and leaves each to the rules."""

    def __init__(self) -> None:
        self.decisions: list[Decision] = []

    def choose(self, pronoun: Span, cands: Sequence[EntityState],
               feats: Sequence[list[str]]) -> int | None:
        self.decisions.append((pronoun, [list(e.mentions) for e in cands],
                               [list(f) for f in feats]))
        return None


def silver_chains(conll: str) -> list[list[Span]]:
    """The coreference chains of one ``.conll`` file, as character spans."""
    sentences: list[list[tuple[int, int]]] = [[]]
    chains: dict[str, list[Span]] = {}
    coref: list[list[str]] = []
    for line in conll.splitlines():
        if line.startswith("#coref"):
            coref.append(line.split())
        elif not line.strip():
            if sentences[-1]:
                sentences.append([])
        else:
            cols = line.split("\t")
            if len(cols) == 9:
                sentences[-1].append((int(cols[7]), int(cols[8])))
    for row in coref:
        if len(row) < 5:
            continue
        chain, sent, start, end = row[1], int(row[2]) - 1, int(row[3]) - 1, int(row[4]) - 2
        if not 0 <= sent < len(sentences):
            continue
        toks = sentences[sent]
        if not 0 <= start <= end < len(toks):
            continue
        chains.setdefault(chain, []).append(Span(toks[start][0], toks[end][1]))
    return [chains[k] for k in sorted(chains)]


def labelled(decisions: Sequence[Decision], chains: Sequence[Sequence[Span]],
             ) -> list[tuple[list[list[str]], list[int]]]:
    """Each decision whose pronoun is in a chain and has a right candidate: the features of
    its candidates and their labels."""
    out: list[tuple[list[list[str]], list[int]]] = []
    for pron, cand_mentions, feats in decisions:
        chain = next((ch for ch in chains if any(
            m.start <= pron.start and pron.end <= m.end and m.end - m.start <= 6 for m in ch)),
            None)
        if chain is None:
            continue
        others = [m for m in chain if not (m.start <= pron.start and pron.end <= m.end)]
        labels = [int(any(s.start < pron.start and s.overlaps(m) for s in spans
                          for m in others)) for spans in cand_mentions]
        if any(labels):
            out.append((feats, labels))
    return out


def decisions_of(split: Path) -> list[tuple[list[list[str]], list[int]]]:
    """The labelled decisions of every article of ``split`` that has a silver file."""
    folder = split / "corenlp"
    if not folder.is_dir():
        raise DataError(f"{folder}: no such directory (the silver CoreNLP annotation)")
    out: list[tuple[list[list[str]], list[int]]] = []
    for conll in sorted(folder.glob("*.conll")):
        text_path = split / "text" / (conll.stem + ".txt")
        if not text_path.is_file():
            continue
        rec = Recorder()
        analyse(article_from_text(text_path.read_text("utf-8")), detector=False, ends=False,
                pronouns=rec)
        out.extend(labelled(rec.decisions, silver_chains(conll.read_text("utf-8"))))
    return out


def accuracy(groups: Sequence[tuple[list[list[str]], list[int]]],
             choose: Callable[[list[list[str]]], int]) -> float:
    right = sum(labels[choose(feats)] for feats, labels in groups)
    return right / max(1, len(groups))


def _rules_choice(feats: list[list[str]]) -> int:
    """The rules' antecedent: the latest candidate whose gender agrees (or is not asked),
    else the latest (see Resolver.recent)."""
    return next((i for i, f in enumerate(feats) if "gender=unknown" not in f), 0)


def train_pronouns(shared: Path, out_dir: Path, *,
                   log: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Fit on PolNeAR train's silver chains, measure on dev's, write the model."""
    train = decisions_of(shared / "data" / "polnear" / "train")
    dev = decisions_of(shared / "data" / "polnear" / "dev")
    rows = [f for feats, _ in train for f in feats]
    labels = [y for _, ys in train for y in ys]
    log(f"pronoun resolver: {len(train)} decisions, {len(rows)} candidates; fitting")
    fitted = fit_logistic(rows, labels, l2=L2, min_feature_count=MIN_FEATURE_COUNT)
    model = LogisticModel(fitted.weights, fitted.bias, 0.0)
    chooser = PronounModel(model)

    def learned(feats: list[list[str]]) -> int:
        k = chooser.choose(Span(0, 0), (), feats)
        return k if k is not None else _rules_choice(feats)

    figures = {"rules": round(accuracy(dev, _rules_choice), 4),
               "learned": round(accuracy(dev, learned), 4)}
    log(f"  dev (silver chains): rules {figures['rules']:.4f}, "
        f"learned {figures['learned']:.4f} of {len(dev)} decisions")
    out_dir.mkdir(parents=True, exist_ok=True)
    write_json(out_dir / PRONOUNS_FILE, model.to_dict())
    # the engine reads the shipped model once a process: read the new one from now on
    from .. import pipeline
    bundled_pronouns.cache_clear()
    pipeline._shipped_pronouns.cache_clear()
    return {"file": PRONOUNS_FILE, "decisions": len(train), "candidates": len(rows),
            "features": len(model.weights), "l2": L2, "dev_decisions": len(dev),
            "dev_accuracy": figures,
            "data": "PolNeAR train silver coreference; accuracy on PolNeAR dev's"}
