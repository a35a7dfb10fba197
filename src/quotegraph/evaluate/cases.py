"""Score quotegraph against hand-written gold *cases*, in process.

A case is an article ``NAME.txt`` with a gold file ``NAME.json`` (or, when that is absent,
``NAME.expected.json``) of the form::

    {"quotes": [{"starts": "It's going to be great",  # the quotation's opening words
                 "speaker": ["Alec Baldwin"],          # accepted speaker names or mentions
                 "addressee": ["Hilaria Baldwin"],     # optional, same form
                 "kind": "direct",                     # optional: direct|indirect|mixed
                 "optional": false}],                  # optional: may be found or not
     "not_quotes": ["The Hilaria Show", {"text": "..."}]}  # optional: titles, not quotes

Other keys (``note``, ``cue``, ``entities``...) are allowed and ignored. The figures and the
matching rules are those of ``shared/tools/score_cases.py``, so that the two agree exactly:

* texts are *normalised*: NFKC, curly quotes ``‘’“”`` made straight, the em dash made ``-``,
  the ellipsis made ``...``, whitespace collapsed, stripped, lowercased;
* a gold quote is *found* by the first prediction (in output order) whose normalised text
  contains the normalised ``starts``; one prediction may find several gold quotes;
* the speaker is right when the normalised ``"<name> | <mention>"`` of the prediction's
  speaker contains one of the normalised gold names (likewise the addressee);
* an ``optional`` gold quote counts nowhere, but the prediction that finds it is no extra;
* every prediction that found no gold quote is a false positive; it is a *title* false
  positive when its normalised text, stripped of ``"' ,.``, equals a normalised ``not_quotes``;
* P = (pred - fp) / pred, R = found / gold, speaker accuracy end to end = speaker right /
  gold, addressee accuracy = addressee right / found gold quotes that have an addressee,
  direct recall and direct speaker accuracy = the same over the gold quotes of kind direct.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..pipeline import extract_file as _default_extract_file
from ..records import ArticleResult, SpeakerRef
from .files import read_json
from .metrics import f1, ratio

__all__ = [
    "CaseCounts",
    "CaseResult",
    "CasesReport",
    "GoldCase",
    "GoldQuote",
    "evaluate_cases",
    "format_report",
    "load_gold",
    "normalise",
    "score_case",
]

ExtractFile = Callable[[Path], ArticleResult]

GOLD_SUFFIXES = (".json", ".expected.json")  # tried in this order
QUOTE_KINDS = frozenset({"direct", "indirect", "mixed"})
RATIO_FIGURES = (
    "P", "R", "F1", "speaker_acc_end2end", "addressee_acc", "direct_recall",
    "direct_speaker_acc",
)

_STRAIGHTEN = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2026": "...",
})
_SPACES = re.compile(r"\s+")
_TITLE_STRIP = "\"' ,."


def normalise(text: str | None) -> str:
    """The text as the case scorer compares it (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text or "").translate(_STRAIGHTEN)
    return _SPACES.sub(" ", text).strip().lower()


def _who(ref: SpeakerRef | None) -> str:
    """A predicted speaker or addressee as ``"<name> | <mention>"``, normalised ('' if none)."""
    if ref is None:
        return ""
    return normalise(f"{ref.name or ''} | {ref.mention or ''}")


def _names_match(gold: Sequence[str], got: str) -> bool:
    return bool(got) and any(normalise(name) in got for name in gold)


# ------------------------------------------------------------------------------------------
# Gold files


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold quotation of a case."""

    starts: str
    speaker: tuple[str, ...]
    addressee: tuple[str, ...] = ()
    kind: str = "direct"
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldCase:
    """The gold file of one case: its quotations and the titles that are not quotations."""

    path: Path
    quotes: tuple[GoldQuote, ...]
    not_quotes: tuple[str, ...] = ()


def _names(where: str, value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"{where}: {key!r} must be a list of strings")
    return tuple(value)


def _gold_quote(where: str, raw: Any) -> GoldQuote:
    if not isinstance(raw, dict):
        raise DataError(f"{where}: a quote must be a JSON object")
    starts = raw.get("starts")
    if not isinstance(starts, str) or not normalise(starts):
        raise DataError(f"{where}: missing or empty 'starts' (the quotation's opening words)")
    optional = raw.get("optional", False)
    if not isinstance(optional, bool):
        raise DataError(f"{where}: 'optional' must be true or false")
    if "speaker" in raw:
        speaker = _names(where, raw["speaker"], "speaker")
    elif optional:
        speaker = ()
    else:
        raise DataError(f"{where}: missing 'speaker' (a list of accepted names)")
    addressee = _names(where, raw["addressee"], "addressee") if "addressee" in raw else ()
    kind = raw.get("kind", "direct")
    if kind not in QUOTE_KINDS:
        raise DataError(f"{where}: 'kind' must be one of {', '.join(sorted(QUOTE_KINDS))}, "
                        f"not {kind!r}")
    return GoldQuote(starts=starts, speaker=speaker, addressee=addressee, kind=kind,
                     optional=optional)


def load_gold(path: Path) -> GoldCase:
    """Read and validate one gold file; :class:`DataError` names the file and the problem."""
    raw = read_json(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path}: the gold file must be a JSON object")
    if "quotes" not in raw:
        raise DataError(f"{path}: missing key 'quotes'")
    if not isinstance(raw["quotes"], list):
        raise DataError(f"{path}: 'quotes' must be a list")
    quotes = tuple(_gold_quote(f"{path}: quotes[{i}]", q) for i, q in enumerate(raw["quotes"]))
    not_quotes = raw.get("not_quotes", [])
    if not isinstance(not_quotes, list):
        raise DataError(f"{path}: 'not_quotes' must be a list")
    titles: list[str] = []
    for i, t in enumerate(not_quotes):
        text = t.get("text") if isinstance(t, dict) else t
        if not isinstance(text, str):
            raise DataError(f"{path}: not_quotes[{i}] must be a string or an object with a "
                            "string 'text'")
        titles.append(text)
    return GoldCase(path=path, quotes=quotes, not_quotes=tuple(titles))


def _gold_path(gold_dir: Path, stem: str) -> Path | None:
    for suffix in GOLD_SUFFIXES:
        path = gold_dir / f"{stem}{suffix}"
        if path.is_file():
            return path
    return None


# ------------------------------------------------------------------------------------------
# Scoring




@dataclass(slots=True)
class CaseCounts:
    """The counts behind the figures; they add up over articles."""

    gold: int = 0  # non-optional gold quotes
    found: int = 0
    speaker_ok: int = 0
    addressee_gold: int = 0  # found gold quotes that name an addressee
    addressee_ok: int = 0
    pred: int = 0
    fp: int = 0
    title_fp: int = 0
    direct_gold: int = 0
    direct_found: int = 0
    direct_speaker_ok: int = 0

    def add(self, other: CaseCounts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def figures(self) -> dict[str, float]:
        """The ratios, unrounded (what the gate compares with its floors)."""
        p = ratio(self.pred - self.fp, self.pred)
        r = ratio(self.found, self.gold)
        return {
            "P": p,
            "R": r,
            "F1": f1(p, r),
            "speaker_acc_end2end": ratio(self.speaker_ok, self.gold),
            "addressee_acc": ratio(self.addressee_ok, self.addressee_gold),
            "direct_recall": ratio(self.direct_found, self.direct_gold),
            "direct_speaker_acc": ratio(self.direct_speaker_ok, self.direct_gold),
        }

    def summary(self) -> dict[str, float | int]:
        """The figures as ``score_cases.py`` prints them: ratios rounded to 3 places, counts."""
        out: dict[str, float | int] = {k: round(v, 3) for k, v in self.figures().items()}
        out.update(titles_as_quotes=self.title_fp, gold=self.gold, pred=self.pred, fp=self.fp)
        return out


@dataclass(slots=True)
class CaseResult:
    """One scored case: its counts and what went wrong, as plain dicts.

    Every miss has ``article`` and ``type``; by type:

    * ``"miss"``: a gold quote no prediction found: ``starts``, ``kind``;
    * ``"speaker"`` / ``"addressee"``: a found quote with the wrong (or no) speaker or
      addressee: ``starts``, ``kind``, ``gold`` (the accepted names), ``got`` (normalised
      ``"<name> | <mention>"``, ``""`` for none);
    * ``"extra"``: a prediction that found no gold quote: ``text``, ``kind``, ``title``
      (true when the text is one of the gold file's ``not_quotes``).
    """

    name: str
    article: Path
    gold: Path
    counts: CaseCounts = field(default_factory=CaseCounts)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "article": str(self.article),
            "gold": str(self.gold),
            "counts": asdict(self.counts),
            "summary": self.counts.summary(),
            "misses": self.misses,
        }


def score_case(name: str, article: Path, gold: GoldCase, result: ArticleResult) -> CaseResult:
    """Score one extraction result against its gold case."""
    out = CaseResult(name=name, article=article, gold=gold.path)
    c = out.counts
    preds = result.quotes
    pred_texts = [normalise(q.text) for q in preds]
    used: set[int] = set()
    for g in gold.quotes:
        key = normalise(g.starts)
        hit = next((i for i, t in enumerate(pred_texts) if key in t), None)
        if g.optional:
            if hit is not None:
                used.add(hit)
            continue
        direct = g.kind == "direct"
        c.gold += 1
        c.direct_gold += direct
        if hit is None:
            out.misses.append({"article": name, "type": "miss", "starts": g.starts,
                               "kind": g.kind})
            continue
        used.add(hit)
        c.found += 1
        c.direct_found += direct
        quote = preds[hit]
        speaker = _who(quote.speaker)
        if _names_match(g.speaker, speaker):
            c.speaker_ok += 1
            c.direct_speaker_ok += direct
        else:
            out.misses.append({"article": name, "type": "speaker", "starts": g.starts,
                               "kind": g.kind, "gold": list(g.speaker), "got": speaker})
        if g.addressee:
            c.addressee_gold += 1
            addressee = _who(quote.addressee)
            if _names_match(g.addressee, addressee):
                c.addressee_ok += 1
            else:
                out.misses.append({"article": name, "type": "addressee", "starts": g.starts,
                                   "kind": g.kind, "gold": list(g.addressee),
                                   "got": addressee})
    titles = {normalise(t) for t in gold.not_quotes}
    for i, quote in enumerate(preds):
        c.pred += 1
        if i in used:
            continue
        # a prediction that only repeats a gold quote already found is still a false positive
        c.fp += 1
        title = pred_texts[i].strip(_TITLE_STRIP) in titles
        c.title_fp += title
        out.misses.append({"article": name, "type": "extra", "text": quote.text,
                           "kind": quote.kind, "title": title})
    return out


@dataclass(slots=True)
class CasesReport:
    """The result of :func:`evaluate_cases`: one :class:`CaseResult` per case, and totals."""

    cases: list[CaseResult] = field(default_factory=list)

    @property
    def counts(self) -> CaseCounts:
        total = CaseCounts()
        for case in self.cases:
            total.add(case.counts)
        return total

    @property
    def misses(self) -> list[dict[str, Any]]:
        return [m for case in self.cases for m in case.misses]

    def figures(self) -> dict[str, float]:
        """The ratios over all cases, unrounded."""
        return self.counts.figures()

    def summary(self) -> dict[str, float | int]:
        """The figures over all cases as ``score_cases.py`` prints them."""
        return self.counts.summary()

    def summary_line(self) -> str:
        """The last line ``score_cases.py`` prints, character for character."""
        return " ".join(f"{k}={v}" for k, v in self.summary().items())

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": [case.to_dict() for case in self.cases],
            "counts": asdict(self.counts),
            "figures": self.figures(),
            "summary": self.summary(),
        }


def evaluate_cases(
    articles_dir: Path,
    gold_dir: Path | None = None,
    *,
    extract_file: ExtractFile = _default_extract_file,
) -> CasesReport:
    """Extract every ``NAME.txt`` of ``articles_dir`` that has a gold file and score it.

    The gold file is ``NAME.json`` or else ``NAME.expected.json`` in ``gold_dir`` (default:
    ``articles_dir``); articles without one are left out. Cases run in file-name order.
    Raises :class:`DataError` on a missing directory, when no article has a gold file, or on
    a malformed gold file; an unreadable article raises the extractor's ``InputError``.
    """
    articles_dir = Path(articles_dir)
    gold_dir = articles_dir if gold_dir is None else Path(gold_dir)
    for d in (articles_dir, gold_dir):
        if not d.is_dir():
            raise DataError(f"{d}: no such directory")
    report = CasesReport()
    for article in sorted(articles_dir.iterdir(), key=lambda p: p.name):
        if article.suffix != ".txt" or not article.is_file():
            continue
        gold_path = _gold_path(gold_dir, article.stem)
        if gold_path is None:
            continue
        gold = load_gold(gold_path)
        report.cases.append(score_case(article.stem, article, gold, extract_file(article)))
    if not report.cases:
        raise DataError(f"{articles_dir}: no NAME.txt article with a NAME.json or "
                        f"NAME.expected.json gold file in {gold_dir}")
    return report


# ------------------------------------------------------------------------------------------
# Presentation


def _miss_line(m: dict[str, Any]) -> str:
    """One miss, worded as ``score_cases.py`` prints it."""
    name, kind = m["article"], m["type"]
    if kind == "miss":
        return f"MISS   {name}: {m['starts'][:50]!r} ({m['kind']})"
    if kind in ("speaker", "addressee"):
        label = "SPEAKER" if kind == "speaker" else "ADDRESS"
        return f"{label} {name}: {m['starts'][:40]!r} gold={m['gold']} got={m['got']!r}"
    title = " (a not_quotes title)" if m["title"] else ""
    return f"EXTRA  {name}: {m['text'][:60]!r} kind={m['kind']}{title}"


def format_report(report: CasesReport) -> str:
    """The misses, a table of the figures with their counts, and the one-line summary."""
    c = report.counts
    fig = report.figures()
    lines = [_miss_line(m) for m in report.misses]
    if lines:
        lines.append("")
    rows = (
        ("P", "pred - fp", c.pred - c.fp, c.pred),
        ("R", "found", c.found, c.gold),
        ("F1", "", None, None),
        ("speaker_acc_end2end", "speaker right", c.speaker_ok, c.gold),
        ("addressee_acc", "addressee right", c.addressee_ok, c.addressee_gold),
        ("direct_recall", "direct found", c.direct_found, c.direct_gold),
        ("direct_speaker_acc", "direct speaker right", c.direct_speaker_ok, c.direct_gold),
    )
    n = len(report.cases)
    lines.append(f"cases: {n} article{'' if n == 1 else 's'}, {c.gold} gold quotes, "
                 f"{c.pred} predicted, {c.fp} false positives "
                 f"({c.title_fp} titles taken for quotes)")
    lines.append("")
    lines.append(f"{'figure':<20} {'value':>6}  {'counted':<21} {'n/d':>9}")
    for key, what, num, den in rows:
        count = f"{what:<21} {f'{num}/{den}':>9}" if num is not None else ""
        lines.append(f"{key:<20} {fig[key]:>6.3f}  {count}".rstrip())
    lines.append("")
    lines.append(report.summary_line())
    return "\n".join(lines)
