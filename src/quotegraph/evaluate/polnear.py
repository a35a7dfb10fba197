"""Evaluate quotegraph against PolNeAR (brat standoff attribution annotations).

A PolNeAR split directory holds ``text/<stem>.txt`` articles and
``attributions/<stem>_<annotator>.ann`` brat standoff files. Only the first ``.ann`` of each
article (by file name) is used. An ``.ann`` file has lines such as::

    T3<TAB>Content 115 290<TAB>the text of the span
    T4<TAB>Cue 10 14;20 25<TAB>two parts joined by a space
    E1<TAB>Attribution:T5 Content:T3 Cue:T4 Source:T2
    #1<TAB>AnnotatorNotes T3<TAB>a note

Span texts may contain line breaks, so the text of a ``T`` line can continue on the lines
that follow it. Offsets are trusted; the text written in the file is only used as a check.

Scoring (micro-averaged over the articles):

* the *quoted* subset: gold attributions whose content opens with a quotation mark, against
  the predicted quotes that quote (kind ``direct``, or ``mixed``: reported speech holding
  quoted words). A prediction is correct when one of its spans
  overlaps a span of any gold content (quoted or not); a gold content is found when a
  prediction overlaps it. *Exact* match compares spans after trimming quotation marks,
  whitespace and trailing punctuation from both sides.
* speaker and cue accuracy on the found quoted gold that has a Source (resp. a Cue): the
  prediction overlapping the gold content most (on a tie, the shortest) supplies the speaker
  (resp. cue) span, which is right when it overlaps a gold Source (resp. Cue) span.
* the same figures over all gold attributions that have a content, against all predictions.
* *strict* and *triple* figures, the measure a record is judged by (``score_polnear.py``'s):
  a prediction is strictly right when its content has a character Jaccard of at least 0.5
  with a gold content, both stripped of white space, quotation marks and ``,.;:`` at their
  edges; triple-right when, for one such gold, its cue overlaps the gold Cue and its source
  (the speaker's mention, else any mention of its entity) overlaps the gold Source, absent on
  both sides counting as agreeing. A gold attribution is found strictly (triple) when some
  prediction matches it so. Reported for the quoted subset, the *unquoted* one (gold not
  quoted, against the ``indirect`` predictions) and all.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..errors import DataError
from ..pipeline import extract as _default_extract
from ..records import ArticleResult, Quote, Span
from .metrics import f1, ratio

__all__ = [
    "GoldArticle",
    "GoldAttribution",
    "PolnearReport",
    "SubsetScore",
    "evaluate_polnear",
    "format_report",
    "has_quote",
    "is_quoted",
    "load_polnear",
    "score_articles",
    "triple_correct",
]

Extractor = Callable[[str], ArticleResult]

#: Characters that open a direct quotation when they start a content.
OPENING_QUOTES = frozenset("\"“‘'«„")
#: Double quotation marks of any direction.
_DOUBLE_QUOTES = frozenset("\"“”„‟«»")
#: Single marks that are never apostrophes.
_SINGLE_QUOTES = frozenset("‘‹›‛")
#: Single marks that double as apostrophes.
_APOSTROPHES = frozenset("'’")
_ALL_QUOTES = _DOUBLE_QUOTES | _SINGLE_QUOTES | _APOSTROPHES
_TRAILING_PUNCT = frozenset(".,;:!?…-–—")

# A line that starts a new brat record; any other line continues the previous one.
_RECORD_START = re.compile(r"(?:[TEARMN]\d+|#\d*)\t")
_T_LINE = re.compile(r"(T\d+)\t([^\t ]+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)", re.DOTALL)
_E_LINE = re.compile(r"(E\d+)\t([^\t]*)(?:\t.*)?", re.DOTALL)
_ROLE = re.compile(r"([A-Za-z][\w-]*):(T\d+)")

_TRIGGER_ROLES = frozenset({"Attribution", "Attribution-no-source"})
_CONTENT_ROLE = re.compile(r"Content\d*")


# ------------------------------------------------------------------------------------------
# Gold records


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution relation (an ``E`` line).

    ``content``, ``source`` and ``cue`` are the spans of the linked ``T`` annotations, sorted
    by position; ``source`` (and, rarely, ``content`` or ``cue``) may be empty. ``quoted`` is
    true when the content is a direct quotation (its first part opens with a quotation mark).
    """

    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    quoted: bool
    id: str = ""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article of a split with its gold attributions."""

    stem: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def is_quoted(text: str, content: Sequence[Span]) -> bool:
    """True when the first part of ``content`` (stripped of whitespace) opens with a quote mark."""
    if not content:
        return False
    first = min(content)
    stripped = text[first.start : first.end].lstrip()
    return bool(stripped) and stripped[0] in OPENING_QUOTES


def has_quote(text: str) -> bool:
    """True when ``text`` contains a quotation mark anywhere (for mixed quotations).

    Double marks and unambiguous single marks always count. ``'`` and ``’`` count only where
    they cannot be an apostrophe: no letter or digit before them (``Clinton’s``, ``voters'``)
    and no digit after them (``the ’90s``).
    """
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch in _DOUBLE_QUOTES or ch in _SINGLE_QUOTES:
            return True
        if (ch in _APOSTROPHES and (i == 0 or not text[i - 1].isalnum())
                and (i == last or not text[i + 1].isdigit())):
            return True
    return False


# ------------------------------------------------------------------------------------------
# Loading


@dataclass(slots=True)
class _TRecord:
    line: int
    type: str
    spans: tuple[Span, ...]
    text_lines: list[str]


@dataclass(slots=True)
class _ERecord:
    line: int
    id: str
    roles: list[tuple[str, str]]


@dataclass(slots=True)
class _Parsed:
    tees: dict[str, _TRecord] = field(default_factory=dict)
    ees: list[_ERecord] = field(default_factory=list)


def _collapse(s: str) -> str:
    return " ".join(s.split())


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: not valid UTF-8 at byte offset {exc.start}") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror})") from None


def _parse_spans(where: str, raw: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    for part in raw.split(";"):
        a, b = part.split(" ")
        start, end = int(a), int(b)
        if start > end:
            raise DataError(f"{where}: span {start} {end} ends before it starts")
        spans.append(Span(start, end))
    return tuple(spans)


def _parse_ann(path: Path, content: str) -> _Parsed:
    parsed = _Parsed()
    current: _TRecord | None = None  # the record that a continuation line extends
    after_other = False  # the previous record was a note or another kind we skip
    for lineno, line in enumerate(content.split("\n"), start=1):
        line = line.removesuffix("\r")
        where = f"{path}:{lineno}"
        if not _RECORD_START.match(line):
            if current is not None:
                current.text_lines.append(line)
            elif line.strip() and not after_other:
                raise DataError(f"{where}: not a brat annotation line: {line[:60]!r}")
            continue
        current = None
        after_other = False
        if line.startswith("T"):
            m = _T_LINE.fullmatch(line)
            if m is None:
                raise DataError(f"{where}: malformed text-bound annotation: {line[:60]!r}")
            tid, ttype, raw_spans, text = m.groups()
            if tid in parsed.tees:
                raise DataError(f"{where}: duplicate annotation id {tid}")
            current = _TRecord(lineno, ttype, _parse_spans(where, raw_spans), [text])
            parsed.tees[tid] = current
        elif line.startswith("E"):
            m = _E_LINE.fullmatch(line)
            if m is None:
                raise DataError(f"{where}: malformed event line: {line[:60]!r}")
            roles: list[tuple[str, str]] = []
            for token in m.group(2).split():
                rm = _ROLE.fullmatch(token)
                if rm is None:
                    raise DataError(f"{where}: malformed role {token!r} (want Role:T<n>)")
                roles.append((rm.group(1), rm.group(2)))
            if not roles:
                raise DataError(f"{where}: event {m.group(1)} has no roles")
            parsed.ees.append(_ERecord(lineno, m.group(1), roles))
        else:
            after_other = True  # notes (#), attributes (A), relations (R), ...: not used
    return parsed


def _check_span_text(path: Path, tid: str, rec: _TRecord, text: str) -> None:
    where = f"{path}:{rec.line}"
    for span in rec.spans:
        if span.end > len(text):
            raise DataError(
                f"{where}: {tid} span {span.start} {span.end} is past the end of the text "
                f"({len(text)} characters)"
            )
    written = _collapse("\n".join(rec.text_lines))
    actual = _collapse(" ".join(text[s.start : s.end] for s in rec.spans))
    if written != actual:
        raise DataError(
            f"{where}: {tid} text {written[:40]!r} does not match the article at "
            f"those offsets ({actual[:40]!r})"
        )


def _role_spans(ev: _ERecord, parsed: _Parsed, accept: Callable[[str], bool]) -> tuple[Span, ...]:
    """The spans of the annotations that fill the roles ``accept`` selects.

    The role decides; the annotation's own type is not checked (PolNeAR has a few relations
    whose role points to, say, a ``Discuss`` annotation).
    """
    spans: list[Span] = []
    for role, tid in ev.roles:
        if accept(role):
            spans.extend(parsed.tees[tid].spans)
    return tuple(sorted(spans))


def _build_attributions(path: Path, parsed: _Parsed, text: str) -> tuple[GoldAttribution, ...]:
    out: list[GoldAttribution] = []
    for ev in parsed.ees:
        for role, tid in ev.roles:
            if tid not in parsed.tees:
                raise DataError(f"{path}:{ev.line}: {ev.id} refers to unknown annotation {tid}")
            if not (role in _TRIGGER_ROLES or role in ("Source", "Cue")
                    or _CONTENT_ROLE.fullmatch(role)):
                raise DataError(f"{path}:{ev.line}: {ev.id} has unknown role {role!r}")
        if ev.roles[0][0] not in _TRIGGER_ROLES:
            raise DataError(
                f"{path}:{ev.line}: {ev.id} does not start with an Attribution trigger"
            )
        content = _role_spans(ev, parsed, lambda r: bool(_CONTENT_ROLE.fullmatch(r)))
        source = _role_spans(ev, parsed, lambda r: r == "Source")
        cue = _role_spans(ev, parsed, lambda r: r == "Cue")
        out.append(GoldAttribution(content=content, source=source, cue=cue,
                                   quoted=is_quoted(text, content), id=ev.id))
    return tuple(out)


def load_ann(ann_path: Path, text: str, stem: str | None = None) -> GoldArticle:
    """Parse and validate one brat ``.ann`` file against its article text."""
    parsed = _parse_ann(ann_path, _read_text(ann_path))
    for tid, rec in parsed.tees.items():
        _check_span_text(ann_path, tid, rec, text)
    attributions = _build_attributions(ann_path, parsed, text)
    return GoldArticle(stem=stem or ann_path.stem, text=text, attributions=attributions)


def load_polnear(dir: Path) -> list[GoldArticle]:
    """Load a PolNeAR split directory (``text/`` and ``attributions/``), sorted by stem.

    Uses the first ``.ann`` (by name) of each article. Raises :class:`DataError` on a missing
    directory, an annotation file without its text, or a malformed annotation.
    """
    dir = Path(dir)
    text_dir, ann_dir = dir / "text", dir / "attributions"
    for d in (text_dir, ann_dir):
        if not d.is_dir():
            raise DataError(f"{d}: no such directory (want a PolNeAR split with text/ and "
                            "attributions/)")
    first: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem, sep, _annotator = ann.stem.rpartition("_")
        if not sep or not stem:
            raise DataError(f"{ann}: name is not <article>_<annotator>.ann")
        first.setdefault(stem, ann)
    articles: list[GoldArticle] = []
    for stem in sorted(first):
        text_path = text_dir / f"{stem}.txt"
        if not text_path.is_file():
            raise DataError(f"{first[stem]}: no matching text file {text_path}")
        articles.append(load_ann(first[stem], _read_text(text_path), stem))
    return articles


# ------------------------------------------------------------------------------------------
# Scoring






@dataclass(slots=True)
class SubsetScore:
    """Counts for one gold subset against one set of predictions (micro, over articles)."""

    gold: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    gold_matched: int = 0
    predicted_exact: int = 0
    gold_exact: int = 0
    speaker_total: int = 0
    speaker_correct: int = 0
    cue_total: int = 0
    cue_correct: int = 0
    # strict: the content's character Jaccard with a gold content is at least STRICT_JACCARD;
    # triple: that, and the cue and the source agree with the same gold (see _agrees)
    strict_predicted: int = 0
    strict_gold: int = 0
    triple_predicted: int = 0
    triple_gold: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.predicted_matched, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.gold_matched, self.gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    @property
    def exact_precision(self) -> float:
        return ratio(self.predicted_exact, self.predicted)

    @property
    def exact_recall(self) -> float:
        return ratio(self.gold_exact, self.gold)

    @property
    def exact_f1(self) -> float:
        return f1(self.exact_precision, self.exact_recall)

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_correct, self.speaker_total)

    @property
    def strict_precision(self) -> float:
        return ratio(self.strict_predicted, self.predicted)

    @property
    def strict_recall(self) -> float:
        return ratio(self.strict_gold, self.gold)

    @property
    def strict_f1(self) -> float:
        return f1(self.strict_precision, self.strict_recall)

    @property
    def triple_precision(self) -> float:
        return ratio(self.triple_predicted, self.predicted)

    @property
    def triple_recall(self) -> float:
        return ratio(self.triple_gold, self.gold)

    @property
    def triple_f1(self) -> float:
        return f1(self.triple_precision, self.triple_recall)

    @property
    def cue_accuracy(self) -> float:
        return ratio(self.cue_correct, self.cue_total)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "predicted_matched": self.predicted_matched,
            "gold_matched": self.gold_matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "predicted_exact": self.predicted_exact,
            "gold_exact": self.gold_exact,
            "exact_precision": self.exact_precision,
            "exact_recall": self.exact_recall,
            "exact_f1": self.exact_f1,
            "speaker_total": self.speaker_total,
            "speaker_correct": self.speaker_correct,
            "speaker_accuracy": self.speaker_accuracy,
            "cue_total": self.cue_total,
            "cue_correct": self.cue_correct,
            "cue_accuracy": self.cue_accuracy,
            "strict_predicted": self.strict_predicted,
            "strict_gold": self.strict_gold,
            "strict_precision": self.strict_precision,
            "strict_recall": self.strict_recall,
            "strict_f1": self.strict_f1,
            "triple_predicted": self.triple_predicted,
            "triple_gold": self.triple_gold,
            "triple_precision": self.triple_precision,
            "triple_recall": self.triple_recall,
            "triple_f1": self.triple_f1,
        }


#: The hand-written canonical speakers of PolNeAR dev (see the file's header).
SPEAKER_GOLD = Path(__file__).with_name("polnear_dev_speakers.tsv")
SPEAKER_TYPES = frozenset({"person", "organization", "group", "anonymous", "work", "author",
                           "unresolvable"})


@dataclass(frozen=True, slots=True)
class SpeakerGold:
    """The canonical name and type of one attribution's source, as a reader gives them."""

    source: Span
    name: str
    type: str


def load_speaker_gold(path: Path = SPEAKER_GOLD) -> dict[tuple[str, str], SpeakerGold]:
    """``{(article stem, attribution id): gold}`` from a canonical-speaker file: '#'
    comment lines, a header, then ``article attribution source_start source_end name type``
    separated by tabs. Raises :class:`DataError` on a malformed line."""
    out: dict[tuple[str, str], SpeakerGold] = {}
    lines = [ln for ln in _read_text(path).split("\n") if ln and not ln.startswith("#")]
    for no, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != 6 or not cols[2].isdigit() or not cols[3].isdigit() or \
                cols[5] not in SPEAKER_TYPES or not cols[4].strip():
            raise DataError(f"{path}: data line {no} is not 'article attribution start end "
                            f"name type' with a known type: {line[:60]!r}")
        key = (cols[0], cols[1])
        if key in out:
            raise DataError(f"{path}: data line {no}: {cols[0]} {cols[1]} given twice")
        out[key] = SpeakerGold(Span(int(cols[2]), int(cols[3])), cols[4], cols[5])
    return out


def _name_key(name: str) -> str:
    """A name as compared: case, spacing, a leading "the", a possessive ending and middle
    initials aside ("Loretta E. Lynch" is "Loretta Lynch": one person's name, written in
    full or not; a given name that differs still tells two people apart)."""
    words = name.casefold().split()
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.fullmatch(w)] + [words[-1]]
    key = " ".join(words).removeprefix("the ")
    return key.removesuffix("’s").removesuffix("'s")


_INITIAL: Final = re.compile(r"\w\.")


def name_right(quote: Quote, gold: SpeakerGold) -> bool:
    """Whether a record names its source as the gold does: an unnamed source ("anonymous:
    WORDS") typed anonymous or given by those very words, the writer as the author, anyone
    else under the gold's canonical name."""
    sp = quote.speaker
    if sp is None:
        return False
    if gold.name.startswith("anonymous: "):
        return sp.type == "anonymous" or _name_key(sp.name) == _name_key(gold.name[11:])
    if gold.type == "author":
        return sp.name == "author" or str(sp.type) == "author"
    return _name_key(sp.name) == _name_key(gold.name)


@dataclass(slots=True)
class NameScore:
    """Canonical-name accuracy on the triple-right records whose gold attribution has a
    hand-written canonical speaker (unresolvable ones left out)."""

    records: int = 0
    right: int = 0
    by_type: dict[str, list[int]] = field(default_factory=dict)  # type -> [right, records]

    @property
    def accuracy(self) -> float:
        return ratio(self.right, self.records)

    def add(self, ok: bool, gold_type: str) -> None:
        self.records += 1
        self.right += ok
        cell = self.by_type.setdefault(gold_type, [0, 0])
        cell[0] += ok
        cell[1] += 1

    def to_dict(self) -> dict[str, Any]:
        return {"records": self.records, "right": self.right, "accuracy": self.accuracy,
                "by_type": {t: {"right": r, "records": n, "accuracy": ratio(r, n)}
                            for t, (r, n) in sorted(self.by_type.items())}}


@dataclass(slots=True)
class PolnearReport:
    """The result of :func:`evaluate_polnear`."""

    articles: int = 0
    attributions: int = 0
    quoted_attributions: int = 0
    quoted: SubsetScore = field(default_factory=SubsetScore)
    unquoted: SubsetScore = field(default_factory=SubsetScore)
    all: SubsetScore = field(default_factory=SubsetScore)
    canonical: NameScore = field(default_factory=lambda: NameScore())
    load_seconds: float = 0.0
    extract_seconds: float = 0.0
    score_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "attributions": self.attributions,
            "quoted_attributions": self.quoted_attributions,
            "quoted": self.quoted.to_dict(),
            "unquoted": self.unquoted.to_dict(),
            "all": self.all.to_dict(),
            "canonical_names": self.canonical.to_dict(),
            "seconds": {
                "load": round(self.load_seconds, 3),
                "extract": round(self.extract_seconds, 3),
                "score": round(self.score_seconds, 3),
            },
        }


def _trim(text: str, span: Span) -> Span:
    """``span`` without leading whitespace/quote marks and trailing whitespace/marks/punct."""
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in _ALL_QUOTES):
        start += 1
    while end > start and (
        text[end - 1].isspace() or text[end - 1] in _ALL_QUOTES
        or text[end - 1] in _TRAILING_PUNCT
    ):
        end -= 1
    return Span(start, end)


def _normal(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    trimmed = (_trim(text, s) for s in spans)
    return tuple(sorted(s for s in trimmed if s.start < s.end))


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters shared by two span sets (0 when they do not overlap)."""
    total = 0
    for x in a:
        for y in b:
            total += max(0, min(x.end, y.end) - max(x.start, y.start))
    return total


def _any_overlap(a: Sequence[Span], b: Sequence[Span]) -> bool:
    return any(x.overlaps(y) for x in a for y in b)


#: The least character Jaccard of a predicted content with a gold one for a strict match.
STRICT_JACCARD = 0.5
#: What the strict match strips from both edges of a content, besides white space.
_STRICT_EDGES = frozenset("\"“”‘’'«»,.;:")


def _strip_edges(text: str, spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans without white space, quotation marks and ``,.;:`` at either edge (the strict
    measure's own trimming, which differs from :func:`_trim`'s on purpose: the outside
    scorer ``score_polnear.py`` defines it so, and the two must agree)."""
    out: list[Span] = []
    for sp in spans:
        a, b = sp.start, sp.end
        while a < b and (text[a].isspace() or text[a] in _STRICT_EDGES):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in _STRICT_EDGES):
            b -= 1
        if b > a:
            out.append(Span(a, b))
    return tuple(sorted(out))


def _merged(spans: Sequence[Span]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for sp in sorted(spans):
        if out and sp.start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], sp.end))
        else:
            out.append((sp.start, sp.end))
    return out


def _jaccard(a: Sequence[Span], b: Sequence[Span]) -> float:
    """Characters shared over characters covered by either (0 when neither covers any),
    counted over intervals rather than sets of offsets."""
    x, y = _merged(a), _merged(b)
    both = sum(max(0, min(e, f) - max(s, t)) for s, e in x for t, f in y)
    either = sum(e - s for s, e in x) + sum(f - t for t, f in y) - both
    return both / max(1, either)


def _agrees(pred: Sequence[Span], gold: Sequence[Span]) -> bool:
    """A cue or source agrees when both are given and overlap, or both are absent."""
    return _any_overlap(pred, gold) if pred and gold else not pred and not gold


@dataclass(frozen=True, slots=True)
class _Pred:
    spans: tuple[Span, ...]
    normal: tuple[Span, ...]
    speaker: Span | None
    cue: Span | None
    stripped: tuple[Span, ...] = ()
    # the speaker's mention span, else every mention of its entity (a speaker known by its
    # entity alone, from a continued or ranked turn, is judged by where the entity is named)
    source: tuple[Span, ...] = ()


def _score_subset(
    score: SubsetScore,
    text: str,
    golds: Sequence[GoldAttribution],
    every_gold: Sequence[GoldAttribution],
    preds: Sequence[_Pred],
) -> None:
    """Add one article's counts: ``golds`` to find, ``every_gold`` to excuse predictions."""
    every_normal = {_normal(text, g.content) for g in every_gold}
    score.gold += len(golds)
    score.predicted += len(preds)
    for p in preds:
        if any(_any_overlap(p.spans, g.content) for g in every_gold):
            score.predicted_matched += 1
        if p.normal and p.normal in every_normal:
            score.predicted_exact += 1
    _score_strict(score, text, golds, every_gold, preds)
    pred_normals = {p.normal for p in preds if p.normal}
    for g in golds:
        best: _Pred | None = None
        best_overlap, best_length = 0, 0
        for p in preds:
            ov = _overlap(p.spans, g.content)
            length = sum(x.end - x.start for x in p.spans)
            # on a tie the tighter prediction: an attribution nested in another's content
            # ("X said Y claimed that …") is the one that covers the gold with least to spare
            if ov > best_overlap or (ov == best_overlap and ov > 0 and length < best_length):
                best, best_overlap, best_length = p, ov, length
        if best is None:
            continue
        score.gold_matched += 1
        if _normal(text, g.content) in pred_normals:
            score.gold_exact += 1
        if g.source:
            score.speaker_total += 1
            if best.speaker is not None and _any_overlap((best.speaker,), g.source):
                score.speaker_correct += 1
        if g.cue:
            score.cue_total += 1
            if best.cue is not None and _any_overlap((best.cue,), g.cue):
                score.cue_correct += 1


def _score_strict(score: SubsetScore, text: str, golds: Sequence[GoldAttribution],
                  every_gold: Sequence[GoldAttribution], preds: Sequence[_Pred]) -> None:
    """The strict content and triple counts: a prediction is strictly right when its content
    matches a gold content of ``every_gold`` (Jaccard ≥ 0.5 after :func:`_strip_edges`), and
    triple-right when the cue and source of one such gold agree with its own."""
    stripped = {id(g): _strip_edges(text, g.content) for g in every_gold}
    for p in preds:
        match = [g for g in every_gold if _jaccard(p.stripped, stripped[id(g)]) >= STRICT_JACCARD]
        score.strict_predicted += bool(match)
        score.triple_predicted += any(_triple(p, g) for g in match)
    for g in golds:
        gs = stripped[id(g)] if id(g) in stripped else _strip_edges(text, g.content)
        match_p = [p for p in preds if _jaccard(p.stripped, gs) >= STRICT_JACCARD]
        score.strict_gold += bool(match_p)
        score.triple_gold += any(_triple(p, g) for p in match_p)


def _triple(p: _Pred, g: GoldAttribution) -> bool:
    return _agrees((p.cue,) if p.cue is not None else (), g.cue) and _agrees(p.source, g.source)


def _shift(span: Span, by: int) -> Span:
    return Span(span.start + by, span.end + by) if by else span


def _predictions(article: GoldArticle, result: ArticleResult) -> list[tuple[Quote, _Pred]]:
    """The result's quotes with spans in the gold text's coordinates."""
    got = result.text
    if got == article.text:
        by = 0
    elif article.text.endswith(got):  # the pipeline removed a header or a BOM
        by = len(article.text) - len(got)
    else:
        raise DataError(f"{article.stem}: the extractor changed the article text; "
                        "cannot align its offsets with the annotations")
    mentions = {e.id: e.mentions for e in result.entities}
    out: list[tuple[Quote, _Pred]] = []
    for q in result.quotes:
        spans = tuple(_shift(s, by) for s in q.spans)
        speaker = q.speaker.span if q.speaker is not None else None
        cue = q.cue.span if q.cue is not None else None
        if speaker is not None:
            source: tuple[Span, ...] = (_shift(speaker, by),)
        elif q.speaker is not None and q.speaker.entity in mentions:
            source = tuple(_shift(m, by) for m in mentions[q.speaker.entity])
        else:
            source = ()
        out.append((q, _Pred(
            spans=spans,
            normal=_normal(article.text, spans),
            speaker=_shift(speaker, by) if speaker is not None else None,
            cue=_shift(cue, by) if cue is not None else None,
            stripped=_strip_edges(article.text, spans),
            source=source,
        )))
    return out


def triple_correct(article: GoldArticle, result: ArticleResult) -> list[bool]:
    """For each quote of ``result`` (in order), whether it is triple-right against the gold
    of ``article``: what the record confidence model is trained to predict."""
    stripped = _stripped_golds(article)
    return [_triple_gold(p, stripped) is not None for _, p in _predictions(article, result)]


def _stripped_golds(article: GoldArticle) -> list[tuple[GoldAttribution, tuple[Span, ...]]]:
    """The gold attributions with a content, each with its content as the strict match
    strips it."""
    return [(g, _strip_edges(article.text, g.content)) for g in article.attributions
            if g.content]


def _triple_gold(p: _Pred, stripped: Sequence[tuple[GoldAttribution, tuple[Span, ...]]],
                 ) -> GoldAttribution | None:
    """The first gold a prediction is triple-right against, or None."""
    return next((g for g, s in stripped
                 if _jaccard(p.stripped, s) >= STRICT_JACCARD and _triple(p, g)), None)


def _score_names(score: NameScore, article: GoldArticle, preds: Sequence[tuple[Quote, _Pred]],
                 speakers: dict[tuple[str, str], SpeakerGold]) -> None:
    """Each triple-right record whose gold (the first it is triple-right against) has a
    canonical speaker: is the record's name that one?"""
    stripped = _stripped_golds(article)
    for q, p in preds:
        g = _triple_gold(p, stripped)
        if g is None:
            continue
        gold = speakers.get((article.stem, g.id))
        if gold is None or gold.type == "unresolvable":
            continue
        if not any(gold.source.overlaps(s) for s in g.source):
            raise DataError(f"{article.stem} {g.id}: the canonical speaker's span is not "
                            "the attribution's Source")
        score.add(name_right(q, gold), gold.type)


def score_articles(
    articles: Sequence[GoldArticle], results: Sequence[ArticleResult],
    speakers: dict[tuple[str, str], SpeakerGold] | None = None,
) -> PolnearReport:
    """Score extraction results (one per article, same order) against the gold articles;
    ``speakers``: canonical speakers by (article, attribution), for the name accuracy."""
    if len(articles) != len(results):
        raise ValueError(f"{len(articles)} articles but {len(results)} results")
    t0 = time.perf_counter()
    report = PolnearReport(articles=len(articles))
    for article, result in zip(articles, results, strict=True):
        with_content = [g for g in article.attributions if g.content]
        quoted = [g for g in with_content if g.quoted]
        report.attributions += len(article.attributions)
        report.quoted_attributions += len(quoted)
        preds = _predictions(article, result)
        # predictions that quote: direct ones, and mixed ones that absorbed a quoted fragment
        direct = [p for q, p in preds if q.kind in ("direct", "mixed")]
        _score_subset(report.quoted, article.text, quoted, with_content, direct)
        _score_subset(report.unquoted, article.text,
                      [g for g in with_content if not g.quoted], with_content,
                      [p for q, p in preds if q.kind not in ("direct", "mixed")])
        _score_subset(report.all, article.text, with_content, with_content,
                      [p for _, p in preds])
        if speakers:
            _score_names(report.canonical, article, preds, speakers)
    report.score_seconds = time.perf_counter() - t0
    return report


def evaluate_polnear(dir: Path, *, extract: Extractor = _default_extract) -> PolnearReport:
    """Load a PolNeAR split, run ``extract`` on every article and score the quotations."""
    t0 = time.perf_counter()
    articles = load_polnear(dir)
    t1 = time.perf_counter()
    results = [extract(a.text) for a in articles]
    t2 = time.perf_counter()
    speakers = load_speaker_gold() if SPEAKER_GOLD.is_file() else None
    report = score_articles(articles, results, speakers)
    report.load_seconds = t1 - t0
    report.extract_seconds = t2 - t1
    return report


# ------------------------------------------------------------------------------------------
# Presentation


def format_report(report: PolnearReport) -> str:
    """A plain-text table of the report."""
    lines = [
        f"PolNeAR: {report.articles} articles, {report.attributions} attributions "
        f"({report.quoted_attributions} quoted)",
        "",
        f"{'subset':<8} {'match':<7} {'gold':>6} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}",
    ]
    for name, s in (("quoted", report.quoted), ("all", report.all)):
        lines.append(f"{name:<8} {'overlap':<7} {s.gold:>6} {s.predicted:>6} "
                     f"{s.precision:>7.3f} {s.recall:>7.3f} {s.f1:>7.3f}")
        lines.append(f"{name:<8} {'exact':<7} {s.gold:>6} {s.predicted:>6} "
                     f"{s.exact_precision:>7.3f} {s.exact_recall:>7.3f} {s.exact_f1:>7.3f}")
    lines += ["", "strict: content Jaccard >= 0.5 with a gold content; triple: that, and its cue "
              "and source agree with that gold's", "",
              f"{'subset':<9} {'match':<7} {'gold':>6} {'pred':>6} {'P':>7} {'R':>7} {'F1':>7}"]
    for name, s in (("quoted", report.quoted), ("unquoted", report.unquoted),
                    ("all", report.all)):
        lines.append(f"{name:<9} {'strict':<7} {s.gold:>6} {s.predicted:>6} "
                     f"{s.strict_precision:>7.3f} {s.strict_recall:>7.3f} {s.strict_f1:>7.3f}")
        lines.append(f"{name:<9} {'triple':<7} {s.gold:>6} {s.predicted:>6} "
                     f"{s.triple_precision:>7.3f} {s.triple_recall:>7.3f} {s.triple_f1:>7.3f}")
    lines += ["", f"{'subset':<8} {'field':<8} {'correct':>8} {'total':>6} {'accuracy':>9}"]
    for name, s in (("quoted", report.quoted), ("all", report.all)):
        lines.append(f"{name:<8} {'speaker':<8} {s.speaker_correct:>8} {s.speaker_total:>6} "
                     f"{s.speaker_accuracy:>9.3f}")
        lines.append(f"{name:<8} {'cue':<8} {s.cue_correct:>8} {s.cue_total:>6} "
                     f"{s.cue_accuracy:>9.3f}")
    c = report.canonical
    if c.records:
        lines += ["", f"canonical name on triple-right records (hand-written dev gold): "
                      f"{c.right}/{c.records} = {c.accuracy:.3f}"]
        lines += [f"  {t:<13} {r:>5}/{n:<5} {ratio(r, n):.3f}"
                  for t, (r, n) in sorted(c.by_type.items())]
    lines += ["", f"seconds: load {report.load_seconds:.2f}, extract "
                  f"{report.extract_seconds:.2f}, score {report.score_seconds:.2f}"]
    return "\n".join(lines)
