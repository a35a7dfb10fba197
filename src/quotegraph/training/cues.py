"""Training the reporting-word models on PolNeAR train: the forms, the word tags, the detector.

Four files are written to ``quotegraph/models/``, each rebuilt deterministically:

* ``reported_cues.json`` — for each word form, how often it heads a gold Cue of unquoted
  content against how often it occurs (the candidate forms of stage 5b);
* ``word_tags.json`` — each frequent word form's most frequent part-of-speech tag in the
  silver CoreNLP annotation of PolNeAR train (``train/corenlp/*.conll``), which
  :mod:`quotegraph.cuefeatures` reads for the context words of a candidate;
* ``name_classes.json`` — each frequent capitalised form's kind of name (person,
  organisation, place) in the same silver annotation, where one kind holds 80% of its
  occurrences: the engine's name tagger (a place never speaks as a person);
* ``cue_detector.json`` — a logistic regression over
  :func:`quotegraph.cuefeatures.cue_features` of every candidate occurrence, labelled by
  whether it overlaps a gold Cue span; its threshold is the one of best strict F1 plus
  triple F1 on PolNeAR dev among those that lower neither the strict content F1 nor the
  quoted subset's strict F1 of the pipeline without a detector (see :func:`tune_threshold`).

NumPy is needed here only; the models are applied in plain Python.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

import regex

from ..cuefeatures import NAMES_FILE, TAGS_FILE, inflection_key
from ..cuelearn import MIN_COUNT, MIN_PRECISION, MODEL_FILE
from ..errors import DataError
from ..evaluate.polnear import GoldArticle, evaluate_polnear, load_polnear
from ..learned import DETECTOR_FILE, CueDetector
from ..pipeline import candidate_cues
from ..records import Span

_WORD = regex.compile(r"\p{L}[\p{L}’'\-]*")
# "referring to", "called for": the verb is the head, not the particle
_PARTICLES = frozenset("to of for about with on at by in as".split())
#: A word form enters the tag table when the silver annotation has it this often.
MIN_TAG_COUNT = 3
#: The detector's fit: L2 strength, full-batch iterations, AdaGrad step.
L2 = 1e-4
ITERATIONS = 400
RATE = 0.5
#: The dev figures a detector's threshold may not lower (against the rules alone).
PROTECTED: Final = ("strict_f1", "quoted_strict_f1")
#: Dev figures closer than this are a tie.
TIE: Final = 0.001
#: The thresholds tried on dev.
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 19))


# ------------------------------------------------------------------------------------------
# the candidate forms


def _head(text: str, cue: Iterable[Span]) -> int | None:
    """The start of the head word of a gold cue: its last word that is no particle."""
    words = [m for c in cue for m in _WORD.finditer(text, c.start, c.end)]
    while len(words) > 1 and words[-1].group().lower() in _PARTICLES:
        words.pop()
    return words[-1].start() if words else None


def _form_counts(articles: Iterable[GoldArticle]) -> tuple[Counter[str], Counter[str]]:
    """How often each form heads a gold cue of unquoted content, and occurs at all."""
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
    return heads, total


def count_cues(articles: Iterable[GoldArticle], min_count: int = MIN_COUNT,
               ) -> dict[str, list[int]]:
    """``{form: [times it heads a gold cue of unquoted content, times it occurs]}``."""
    heads, total = _form_counts(articles)
    return {w: [heads[w], total[w]] for w in sorted(heads) if heads[w] >= min_count}


def count_raising(articles: Iterable[GoldArticle], min_count: int = MIN_COUNT,
                  ) -> dict[str, list[int]]:
    """``{form: [gold cues it heads whose content has a part ending just before the cue
    (at most 40 characters) and a part after it, and no source; gold cues it heads]}``
    for the forms with at least ``min_count`` of the first: the verbs that raise their
    subject into what is reported ("the pier || is expected || to reopen")."""
    raised: Counter[str] = Counter()
    headed: Counter[str] = Counter()
    for art in articles:
        for g in art.attributions:
            if not g.content or g.quoted or not g.cue:
                continue
            h = _head(art.text, g.cue)
            if h is None:
                continue
            w = _WORD.match(art.text, h).group().lower()
            headed[w] += 1
            parts = sorted(g.content, key=lambda s: s.start)
            c0, c1 = min(s.start for s in g.cue), max(s.end for s in g.cue)
            if not g.source and len(parts) >= 2 and parts[0].end <= c0 < parts[0].end + 40 \
                    and c1 <= parts[-1].start:
                raised[w] += 1
    return {w: [raised[w], headed[w]] for w in sorted(raised) if raised[w] >= min_count}


def pool_inflections(articles: Iterable[GoldArticle], tags: dict[str, str],
                     min_count: int = MIN_COUNT, min_precision: float = MIN_PRECISION,
                     ) -> tuple[dict[str, list[int]], dict[str, str]]:
    """The verbs that report speech counted over all their inflections, so that a form rare
    in train ("urges", "stressing") is a candidate when its verb is ("urged", 38 of 46).

    Forms are grouped by :func:`inflection_key` (verb forms only: a silver verb tag, or too
    rare to have a tag). A group counts when one of its forms passes the thresholds on its
    own and the group's pooled counts pass them too; its other forms become candidates when
    they are too rare to be judged on their own (seen fewer than ``min_count /
    min_precision`` times: "wanting" is, "want", 49 of 424, is not). Returns ``{key:
    [heads, occurrences]}`` of those groups and ``{form: key}`` of the forms they add (none
    that passes on its own)."""
    heads, total = _form_counts(articles)

    def passes(hits: int, n: int) -> bool:
        return hits >= min_count and hits >= min_precision * n

    # a form the silver tags never saw in lower case, nor capitalised, is too rare to tell
    verbs = [w for w in total if heads[w]
             or (tags.get(w) or tags.get(w.capitalize()) or "VB").startswith("VB")]
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    anchored: set[str] = set()
    for w in verbs:
        key = inflection_key(w)
        g = groups[key]
        g[0] += heads[w]
        g[1] += total[w]
        if passes(heads[w], total[w]):
            anchored.add(key)
    rare = min_count / min_precision
    pooled = {w: k for w in sorted(verbs) if (k := inflection_key(w)) in anchored
              and passes(*groups[k]) and total[w] < rare and not passes(heads[w], total[w])}
    return {k: groups[k] for k in sorted(set(pooled.values()))}, pooled


def forms_model(counts: dict[str, list[int]], pooled: tuple[dict[str, list[int]],
                                                             dict[str, str]] = ({}, {}),
                raising: dict[str, list[int]] | None = None,
                min_precision: float = MIN_PRECISION,
                min_count: int = MIN_COUNT) -> dict[str, Any]:
    return {"min_precision": min_precision, "min_count": min_count, "forms": counts,
            "groups": pooled[0], "pooled": pooled[1], "raising": raising or {}}


# ------------------------------------------------------------------------------------------
# the word tags, from the silver annotation


def word_tag_table(split: Path) -> dict[str, str]:
    """Each word form (as the text spells it) seen at least :data:`MIN_TAG_COUNT` times in
    ``split/corenlp/*.conll``, with its most frequent tag (ties: the tag first in sorted
    order, so the table does not depend on file order)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for text, cols in _silver_tokens(split):
        form = text[int(cols[7]):int(cols[8])]
        if form and not any(ch.isspace() for ch in form):
            counts[form][cols[3]] += 1
    table: dict[str, str] = {}
    for form in sorted(counts):
        c = counts[form]
        if sum(c.values()) >= MIN_TAG_COUNT:
            table[form] = min(c, key=lambda t: (-c[t], t))
    return table


#: The kinds of name the silver annotation tells apart that the name table keeps.
NAME_CLASSES: Final = ("PERSON", "ORGANIZATION", "LOCATION")
#: A capitalised form enters the name table when seen this often, and this share of its
#: occurrences are of one kind (a word outside every name counts against all kinds).
MIN_NAME_COUNT: Final = 5
MIN_NAME_SHARE: Final = 0.8


def name_class_table(split: Path) -> dict[str, str]:
    """Each capitalised word form of ``split/corenlp/*.conll`` seen at least
    :data:`MIN_NAME_COUNT` times, with the kind of name (:data:`NAME_CLASSES`) that holds at
    least :data:`MIN_NAME_SHARE` of its occurrences; forms with no such kind are left out."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for text, cols in _silver_tokens(split):
        form = text[int(cols[7]):int(cols[8])]
        if form[:1].isupper() and not any(ch.isspace() for ch in form):
            counts[form][cols[4]] += 1
    table: dict[str, str] = {}
    for form in sorted(counts):
        c = counts[form]
        n = sum(c.values())
        if n < MIN_NAME_COUNT:
            continue
        best = min(NAME_CLASSES, key=lambda k: (-c[k], k))
        if c[best] >= MIN_NAME_SHARE * n:
            table[form] = best
    return table


def _silver_tokens(split: Path) -> Iterable[tuple[str, list[str]]]:
    """(article text, token columns) for every token line of ``split/corenlp``."""
    folder = split / "corenlp"
    if not folder.is_dir():
        raise DataError(f"{folder}: no such directory (the silver CoreNLP annotation)")
    for conll in sorted(folder.glob("*.conll")):
        text_path = split / "text" / (conll.stem + ".txt")
        if not text_path.is_file():
            continue
        text = text_path.read_text("utf-8")
        for line in conll.read_text("utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == 9 and not line.startswith("#"):
                yield text, cols


# ------------------------------------------------------------------------------------------
# the detector


def cue_examples(articles: Iterable[GoldArticle]) -> tuple[list[list[str]], list[int]]:
    """The features of every candidate stage 5b weighs, and 1 where it overlaps a gold Cue."""
    rows: list[list[str]] = []
    labels: list[int] = []
    for art in articles:
        gold = [c for g in art.attributions if g.content for c in g.cue]
        for cue, feats in candidate_cues(art.text):
            rows.append(feats)
            labels.append(int(any(cue.span.overlaps(c) for c in gold)))
    return rows, labels


def fit_logistic(rows: Sequence[Sequence[str]], labels: Sequence[int], *, l2: float = L2,
                 iterations: int = ITERATIONS, rate: float = RATE,
                 min_feature_count: int = 2) -> CueDetector:
    """A logistic regression by full-batch AdaGrad from zero weights: deterministic. Features
    seen fewer than ``min_feature_count`` times are left out (their weights would only fit
    the training articles)."""
    import numpy as np  # a training-time dependency only

    if not rows:
        raise DataError("no cue candidates to train on: is ../shared/data there?")
    seen: Counter[str] = Counter(f for r in rows for f in set(r))
    names = sorted(f for f, n in seen.items() if n >= min_feature_count)
    index = {f: i for i, f in enumerate(names)}
    row_ids: list[int] = []
    col_ids: list[int] = []
    for i, r in enumerate(rows):
        for f in sorted(set(r)):
            j = index.get(f)
            if j is not None:
                row_ids.append(i)
                col_ids.append(j)
    ri = np.asarray(row_ids, dtype=np.int64)
    ci = np.asarray(col_ids, dtype=np.int64)
    y = np.asarray(labels, dtype=np.float64)
    n, d = len(rows), len(names)
    w = np.zeros(d)
    b = 0.0
    gw = np.full(d, 1e-8)
    gb = 1e-8
    for _ in range(iterations):
        z = np.bincount(ri, weights=w[ci], minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))
        r = (p - y) / n
        grad = np.bincount(ci, weights=r[ri], minlength=d) + l2 * w
        grad_b = float(r.sum())
        gw += grad * grad
        gb += grad_b * grad_b
        w -= rate * grad / np.sqrt(gw)
        b -= rate * grad_b / float(np.sqrt(gb))
    # weights under 0.001 change no decision: left out of the file
    weights = {f: round(float(v), 4) for f, v in zip(names, w, strict=True)
               if abs(v) >= 1e-3}
    return CueDetector(weights, round(b, 4), 0.5)


def tune_threshold(detector: CueDetector,
                   measure: Callable[[CueDetector | None], dict[str, float]], *,
                   log: Callable[[str], None] = lambda _m: None,
                   ) -> tuple[CueDetector, list[dict[str, float]]]:
    """The threshold of best dev strict F1 plus triple F1 (the content right, and the record
    right end to end: a low threshold buys content overlap with records that are wrong, a
    high one buys triple precision with content that is missed) among those where the
    detector costs nothing the pipeline without it measures on content: neither its strict
    content F1 nor the strict F1 of the quotations in marks falls (rules stand where they
    win). ``measure`` gives the dev figures of a detector (None: without one). Returns the
    detector and the table of what was tried."""
    base = measure(None)
    table = [{"threshold": -1.0, **base}]
    best, best_sum = detector.with_threshold(THRESHOLDS[0]), -1.0
    for t in THRESHOLDS:
        figures = measure(detector.with_threshold(t))
        table.append({"threshold": t, **figures})
        log(f"  threshold {t:.2f}: triple F1 {figures['triple_f1']:.4f} "
            f"P {figures['triple_precision']:.4f}, strict F1 {figures['strict_f1']:.4f}, "
            f"overlap F1 {figures['overlap_f1']:.4f}, "
            f"quoted strict F1 {figures['quoted_strict_f1']:.4f}")
        both = figures["strict_f1"] + figures["triple_f1"]
        # a higher threshold must win by more than a tie: it costs recall
        if all(figures[k] >= base[k] for k in PROTECTED) and both > best_sum + TIE:
            best, best_sum = detector.with_threshold(t), both
    return best, table


def write_json(path: Path, data: Any, indent: int | None = 0) -> None:
    path.write_text(json.dumps(data, indent=indent, ensure_ascii=False, sort_keys=False)
                    + "\n", "utf-8")


def _same_as_shipped(out_dir: Path, name: str) -> bool:
    """Whether ``out_dir/name`` is the package's own file, or holds the same bytes."""
    shipped = Path(__file__).resolve().parents[1] / "models" / name
    written = out_dir / name
    return written.resolve() == shipped.resolve() or (
        shipped.is_file() and shipped.read_bytes() == written.read_bytes())


def require_shipped(out_dir: Path, names: Sequence[str]) -> None:
    """Refuse to go on where a file just written differs from the package's own, which the
    models trained next read (a run into another folder must follow one into the package)."""
    for name in names:
        if not _same_as_shipped(out_dir, name):
            raise DataError(f"{out_dir / name} differs from the package's own {name}, which "
                            "the models trained next read: train into the package first "
                            "(quotegraph train without --out)")


def train_forms_and_tags(shared: Path, out_dir: Path, *,
                         log: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Count the candidate forms and the word tags (data only, no model) and write them.

    The detector's candidates and features read both from the package, so a run that
    writes elsewhere refuses to go on when they differ from the package's (train into the
    package first)."""
    from ..cuefeatures import name_classes, word_tags
    from ..cuelearn import (
        _shipped_forms,
        pooled_cue_forms,
        raising_cue_forms,
        reported_cue_forms,
    )

    train_dir = shared / "data" / "polnear" / "train"
    out_dir.mkdir(parents=True, exist_ok=True)
    log("word tags: the silver CoreNLP annotation of PolNeAR train")
    tags = word_tag_table(train_dir)
    log("reported-speech cue forms: PolNeAR train")
    articles = load_polnear(train_dir)
    counts = count_cues(articles)
    pooled = pool_inflections(articles, tags)
    raising = count_raising(articles)
    write_json(out_dir / MODEL_FILE, forms_model(counts, pooled, raising))
    write_json(out_dir / TAGS_FILE, {"source": "PolNeAR train, silver CoreNLP tags",
                                     "min_count": MIN_TAG_COUNT, "tags": tags}, indent=None)
    log("name classes: the silver CoreNLP names of PolNeAR train")
    names = name_class_table(train_dir)
    write_json(out_dir / NAMES_FILE, {"source": "PolNeAR train, silver CoreNLP names",
                                      "min_count": MIN_NAME_COUNT,
                                      "min_share": MIN_NAME_SHARE, "classes": names},
               indent=None)
    require_shipped(out_dir, (MODEL_FILE, TAGS_FILE, NAMES_FILE))
    for cached in (_shipped_forms, reported_cue_forms, pooled_cue_forms, raising_cue_forms):
        cached.cache_clear()
    word_tags.cache_clear()
    name_classes.cache_clear()
    return {"forms": {"file": MODEL_FILE, "forms_counted": len(counts),
                      "pooled_forms": len(pooled[1]), "pooled_groups": len(pooled[0]),
                      "raising_forms_counted": len(raising),
                      "min_precision": MIN_PRECISION, "min_count": MIN_COUNT},
            "word_tags": {"file": TAGS_FILE, "forms": len(tags), "min_count": MIN_TAG_COUNT},
            "name_classes": {"file": NAMES_FILE, "forms": len(names),
                             "min_count": MIN_NAME_COUNT, "min_share": MIN_NAME_SHARE}}


def train_detector(shared: Path, out_dir: Path, *,
                   log: Callable[[str], None] = lambda _m: None,
                   ) -> tuple[CueDetector, dict[str, Any]]:
    """Fit the cue detector on PolNeAR train, tune its threshold on dev (the other learned
    parts of stage 5b off), write ``cue_detector.json``."""
    from ..ingest import article_from_text
    from ..pipeline import extract_article

    log("cue detector: candidates of PolNeAR train")
    rows, labels = cue_examples(load_polnear(shared / "data" / "polnear" / "train"))
    log(f"  {len(rows)} candidates, {sum(labels)} cues; fitting")
    detector = fit_logistic(rows, labels)
    dev_dir = shared / "data" / "polnear" / "dev"

    def measure(d: CueDetector | None) -> dict[str, float]:
        def extract(text: str) -> Any:
            return extract_article(article_from_text(text), detector=d or False, ends=False,
                                   confidence=False)

        report = evaluate_polnear(dev_dir, extract=extract)
        a = report.all
        return {"triple_f1": a.triple_f1, "triple_precision": a.triple_precision,
                "triple_recall": a.triple_recall, "strict_f1": a.strict_f1,
                "overlap_f1": a.f1, "quoted_strict_f1": report.quoted.strict_f1}

    log("cue detector: threshold on PolNeAR dev")
    detector, table = tune_threshold(detector, measure, log=log)
    write_json(out_dir / DETECTOR_FILE, detector.to_dict())
    return detector, {"file": DETECTOR_FILE, "candidates": len(rows), "cues": sum(labels),
                      "features": len(detector.weights), "threshold": detector.threshold,
                      "l2": L2, "iterations": ITERATIONS,
                      "dev_thresholds": [{k: round(v, 4) for k, v in r.items()}
                                         for r in table]}
