"""Loading of the lexicons shipped as data files under ``quotegraph/data``.

Each file is a small UTF-8 TSV with ``#`` comments; they are read once, lazily, and kept as
immutable maps. The files are data, not code: reporting verbs with manner, titles, kinship and
role nouns, anonymous-source phrases, organisation and group nouns, first-name genders.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .errors import DataError


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    manner: str
    addressee: str  # "object" | "to" | "at" | "none"


@dataclass(frozen=True, slots=True)
class Relation:
    noun: str
    gender: str  # f | m | u
    inverse_f: str | None
    inverse_m: str | None
    kind: str  # kin | role


_MANNERS = {"neutral", "assertive", "hostile", "conciliatory", "humorous", "tentative", "written"}


def _rows(name: str, ncols: int) -> Iterator[list[str]]:
    try:
        raw = resources.files("quotegraph").joinpath("data", name).read_text("utf-8")
    except FileNotFoundError:
        raise DataError(f"bundled data file {name} is missing") from None
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < ncols:
            raise DataError(f"{name}:{lineno}: expected {ncols} columns, got {len(cols)}")
        yield cols


@cache
def cues() -> dict[str, CueEntry]:
    """Surface form (lowercase, single spaces) → entry."""
    out: dict[str, CueEntry] = {}
    for form, lemma, manner, addressee in _rows("cues.tsv", 4):
        if manner not in _MANNERS:
            raise DataError(f"cues.tsv: unknown manner {manner!r} for {form!r}")
        out.setdefault(" ".join(form.lower().split()), CueEntry(lemma, manner, addressee))
    return out


_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    start: int
    end: int
    text: str
    form: str  # lowercase, single-spaced


class PhraseTable:
    """Multi-word phrases found by a word scan with set look-ups, longest match first.

    Far faster than one regex of a thousand alternatives: most words cannot start a phrase
    and are skipped after one set look-up.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        forms = {" ".join(p.lower().split()) for p in phrases}
        self.forms = frozenset(forms)
        self.first = frozenset(f.split()[0] for f in forms)
        self.longest = max((len(f.split()) for f in forms), default=1)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PhraseMatch]:
        stop = len(text) if end is None else end
        out: list[PhraseMatch] = []
        resume = start  # words before it belong to the last match
        for m in _WORD.finditer(text, start, stop):
            if m.start() < resume:
                continue
            first = m.group().lower()
            if first not in self.first:
                continue  # most words: one look-up, no tuple built
            words = [(m.start(), m.end(), first)]
            pos = m.end()
            while len(words) < self.longest:
                nxt = _WORD.search(text, pos, stop)
                if nxt is None or text[pos : nxt.start()].strip():
                    break  # the words of a phrase are separated by spaces only
                words.append((nxt.start(), nxt.end(), nxt.group().lower()))
                pos = nxt.end()
            for n in range(len(words), 0, -1):
                form = " ".join(w[2] for w in words[:n])
                if form in self.forms:
                    s, e = words[0][0], words[n - 1][1]
                    out.append(PhraseMatch(s, e, text[s:e], form))
                    resume = e
                    break
        return out


@dataclass(frozen=True, slots=True)
class CueMatch:
    start: int
    end: int
    text: str
    entry: CueEntry


@cache
def _cue_table() -> PhraseTable:
    return PhraseTable(cues())


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
    """Reporting expressions in ``text[start:end]``, longest match first, left to right."""
    table = cues()
    return [CueMatch(m.start, m.end, m.text, table[m.form])
            for m in _cue_table().find(text, start, end)]


@cache
def titles() -> dict[str, tuple[str, str]]:
    """Title word (lowercase, no period) → (gender f/m/u, kind)."""
    return {t.lower().rstrip("."): (g, k) for t, g, k in _rows("titles.tsv", 3)}


@cache
def relations() -> dict[str, Relation]:
    out: dict[str, Relation] = {}
    for noun, gender, inv_f, inv_m, kind in _rows("relations.tsv", 5):
        out[noun.lower()] = Relation(
            noun.lower(), gender, None if inv_f == "-" else inv_f,
            None if inv_m == "-" else inv_m, kind,
        )
    return out


@cache
def anonymous() -> dict[str, str]:
    """Anonymous-source phrase (lowercase) → number."""
    return {p.lower(): n for p, n in _rows("anonymous.tsv", 2)}


@cache
def anonymous_table() -> PhraseTable:
    return PhraseTable(anonymous())


@cache
def org_nouns() -> frozenset[str]:
    return frozenset(r[0].lower() for r in _rows("orgs.tsv", 2))


@cache
def org_suffixes() -> frozenset[str]:
    return frozenset(r[0].lower().rstrip(".") for r in _rows("org_suffixes.tsv", 1))


@cache
def group_nouns() -> frozenset[str]:
    return frozenset(r[0].lower() for r in _rows("groups.tsv", 2))


@lru_cache(maxsize=1 << 16)
def _fold(name: str) -> str:
    """Lowercase and strip accents: the name table is stored accent-free."""
    nfkd = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in nfkd if not unicodedata.combining(c))


@cache
def _first_names() -> dict[str, str]:
    return {n: g for n, g, _p in _rows("first_names.tsv", 3)}


def first_name_gender(name: str) -> str:
    """``female``, ``male`` or ``unknown`` for a first name, from the bundled table."""
    g = _first_names().get(_fold(name))
    return {"f": "female", "m": "male"}.get(g or "", "unknown")


def is_first_name(name: str) -> bool:
    return _fold(name) in _first_names()
