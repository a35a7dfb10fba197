"""Loading of the lexicons shipped as data files under ``quotegraph/data``.

Each file is a small UTF-8 TSV with ``#`` comments; they are read once, lazily, and kept as
immutable maps. The files are data, not code: reporting verbs with manner, titles, kinship and
role nouns, anonymous-source phrases, organisation and group nouns, first-name genders.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Final

from .cuelearn import reported_cue_forms
from .errors import DataError
from .records import Gender


@dataclass(frozen=True, slots=True)
class CueEntry:
    lemma: str
    manner: str
    addressee: str  # "object" | "to" | "at" | "none"

    def __init__(self, lemma: str, manner: str, addressee: str) -> None:
        object.__setattr__(self, "lemma", lemma)
        object.__setattr__(self, "manner", manner)
        object.__setattr__(self, "addressee", addressee)


@dataclass(frozen=True, slots=True)
class Relation:
    noun: str
    gender: str  # f | m | u
    inverse_f: str | None
    inverse_m: str | None
    kind: str  # kin | role

    def __init__(self, noun: str, gender: str, inverse_f: str | None, inverse_m: str | None,
                 kind: str) -> None:
        object.__setattr__(self, "noun", noun)
        object.__setattr__(self, "gender", gender)
        object.__setattr__(self, "inverse_f", inverse_f)
        object.__setattr__(self, "inverse_m", inverse_m)
        object.__setattr__(self, "kind", kind)


_MANNERS: Final = {"neutral", "assertive", "hostile", "conciliatory", "humorous", "tentative",
                   "written"}


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


_WORD: Final = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    start: int
    end: int
    text: str
    form: str  # lowercase, single-spaced

    def __init__(self, start: int, end: int, text: str, form: str) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "form", form)


def trie_pattern(forms: Iterable[str]) -> str:
    """A regular expression matching any of ``forms`` (single-spaced), longest
    first, written as a character trie: the engine follows one branch per character instead
    of trying each form in turn. A space in a form matches any run of whitespace."""
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        ends_here = "" in node
        if len(alts) == 1 and not ends_here:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if ends_here else "")

    return emit(root)


_LAST_LOWERED: tuple[str, str | None] = ("", "")


def lowered(text: str) -> str | None:
    """``text.lower()``, or None where lowercasing changes the length (a rare letter such as
    "İ"): offsets into the lowered text must be offsets into the text. The last result is
    kept, since several stages scan the same article."""
    global _LAST_LOWERED
    last = _LAST_LOWERED
    if last[0] is text:
        return last[1]
    low = text.lower()
    result = low if len(low) == len(text) else None
    _LAST_LOWERED = (text, result)  # one tuple: threads never see a half-made entry
    return result


def token_edge(text: str, i: int, beyond: int) -> bool:
    """Whether a word may end before (or start after) position ``i``: no letter or digit
    there, nor a joining mark with one beyond it ("o'neill", "well-said")."""
    if i < 0 or i >= len(text):
        return True
    c = text[i]
    if c.isalnum():
        return False
    return not (c in "’'-" and 0 <= beyond < len(text) and text[beyond].isalnum())


# -- openings: one scan per article for the phrase tables and the reporting words --------
# Scanning the article costs the engine about the same per character whatever it looks for,
# so the cue table, the anonymous-source table and the learned reporting words of stage 5b
# share one scan for the words that open any of their phrases, instead of one scan each.
_OPENING: Final = re.compile(r"[a-z]+(?:-[a-z]+)*")
_LAST_OPENINGS: tuple[str, list[tuple[int, str]]] = ("", [])


@cache
def opening_words() -> frozenset[str]:
    """The first words of the cue and anonymous-source phrases, and the learned reporting
    forms ("according" opens "according to" for stage 5b)."""
    firsts = {p.lower().split()[0] for table in (cues(), anonymous()) for p in table}
    return frozenset(firsts | reported_cue_forms() | {"according"})


@cache
def _plain_opening_words() -> bool:
    """Whether every opening word is a-z letters, joined by hyphens at most: what the
    reasoning in :func:`openings` holds for."""
    return all(_OPENING.fullmatch(w) for w in opening_words())


def _openings_pattern() -> re.Pattern[str]:
    """The definition of the openings, as one expression (the tests compare
    :func:`openings` with it)."""
    return re.compile(r"\b(?:" + trie_pattern(opening_words()) + r")\b")


@cache
def _opening_word_map() -> dict[str, str]:
    return {w: w for w in opening_words()}


def openings(low: str) -> list[tuple[int, str]] | None:
    """(offset, word) of the words of a lowercased article that are opening words, left to
    right: the longest one at each offset that ``\\b`` bounds, none overlapping. None when
    the opening words are not all lowercase ASCII words, joined by hyphens at most.

    Where a table's expression matches and the table keeps the match (its ends are word
    edges, see :func:`token_edge`), an opening lies at the same offset with the table's first
    word: the character before is no letter or hyphen, so no earlier opening covers it, and
    the one after the first word is a space or a word edge, so no longer opening word can go
    on through it. A table therefore finds its matches by trying its expression at the
    openings of its own first words only. The last article's openings are kept."""
    global _LAST_OPENINGS
    last = _LAST_OPENINGS
    if last[0] is low:
        return last[1]
    if not _plain_opening_words():
        return None
    # each word once in memory: a 10 MB article holds some 200,000 openings
    words = _opening_word_map()
    found: list[tuple[int, str]] = []
    pos = 0
    for token in low.split():
        # only white space lies before the token, which opens with none: its first
        # character's next occurrence is where it starts (str.find would copy the token
        # into the article's wider character kind, for most articles, each time)
        first = token[0]
        while low[pos] != first:
            pos += 1
        at = pos
        pos = at + len(token)
        word = words.get(token)
        if word is not None:
            found.append((at, word))  # the whole token, bounded by white space
        elif not token.isalnum():
            _token_openings(token, at, words, found)
        # (a token of letters and digits alone is one word: if it is no opening word as a
        # whole, nothing in it is one)
    _LAST_OPENINGS = (low, found)  # one tuple: threads never see a half-made entry
    return found


def _token_openings(token: str, at: int, words: dict[str, str],
                    found: list[tuple[int, str]]) -> None:
    """The openings inside one white-space-delimited token (at offset ``at``), as the
    expression of :func:`_openings_pattern` finds them.

    The expression, tried by the engine at every character of the article, cost some 1.5
    million instructions an article; splitting at white space and walking each token costs
    a fraction. At a word start, the candidates are the run of a-z letters there and its
    stretches through "-" and further a-z runs, each where a non-word character (or the
    token's end) follows; the longest that is an opening word is the match. A word start
    that opens no match is passed with the rest of its word, where ``\\b`` never holds."""
    n = len(token)
    j = 0
    while j < n:
        if not _is_word(ord(token[j])):
            j += 1
            continue
        best = -1
        k = j
        while k < n and 97 <= ord(token[k]) <= 122:  # a-z
            k += 1
        while k > j:
            nxt = ord(token[k]) if k < n else 32
            if _is_word(nxt):
                break  # no word edge here, nor further on through a longer word
            if token[j:k] in words:
                best = k
            if nxt != 45 or k + 1 >= n or not 97 <= ord(token[k + 1]) <= 122:  # "-", a-z
                break
            k += 1
            while k < n and 97 <= ord(token[k]) <= 122:
                k += 1
        if best >= 0:
            found.append((at + j, words[token[j:best]]))
            j = best
            continue
        while j < n and _is_word(ord(token[j])):
            j += 1


def _is_word(code: int) -> bool:
    """Whether the character ``chr(code)`` is one that ``\\w`` matches (ASCII decided
    without a method call)."""
    if code < 128:
        return 48 <= code <= 57 or 65 <= code <= 90 or 97 <= code <= 122 or code == 95
    ch = chr(code)
    return ch.isalnum()


class PhraseTable:
    """Multi-word phrases, longest match first, left to right, none overlapping.

    A case-sensitive trie expression is matched over the lowercased article once (a
    thousand alternatives written as a trie cost the engine one branch per character;
    matching without case folding is three times faster), at the article's
    :func:`openings` of the table's first words. The matches of the last text scanned are
    kept, because the attribution stages ask about many short windows of one article; a
    window gets the kept matches that lie inside it.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        forms = {" ".join(p.lower().split()) for p in phrases}
        self.forms = frozenset(forms)
        self.first = frozenset(f.split()[0] for f in forms)
        self.longest = max((len(f.split()) for f in forms), default=1)
        self._pattern = re.compile(r"\b(?:" + trie_pattern(forms) + r")\b")
        # a table of other phrases than the bundled ones searches the whole article
        self._at_openings = self.first <= opening_words()
        # (text, match starts, matches) of the last text scanned, replaced as one tuple
        self._last: tuple[str, list[int], list[PhraseMatch]] | None = None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PhraseMatch]:
        stop = len(text) if end is None else end
        last = self._last
        if last is None or last[0] is not text:
            matches = self._scan(text)
            last = (text, [m.start for m in matches], matches)
            self._last = last
        _, starts, matches = last
        out: list[PhraseMatch] = []
        for k in range(bisect_left(starts, start), len(matches)):
            m = matches[k]
            if m.start >= stop:
                break
            if m.end <= stop:
                out.append(m)
        return out

    def _scan(self, text: str) -> list[PhraseMatch]:
        low = lowered(text)
        if low is None:
            return self._scan_words(text)
        out: list[PhraseMatch] = []
        pos = 0
        for m in self._matches(low):
            s, e = m.span()
            if s < pos:
                continue  # inside the last phrase kept
            if not (token_edge(low, s - 1, s - 2) and token_edge(low, e, e + 1)):
                pos = s + 1  # inside "o'neill" or "well-said": not a word of its own
                continue
            out.append(PhraseMatch(s, e, text[s:e], " ".join(m.group().split())))
            pos = e
        return out

    def _matches(self, low: str) -> Iterator[re.Match[str]]:
        """The table's match at each offset where it may keep one, left to right."""
        found = openings(low) if self._at_openings else None
        if found is None:
            pos = 0
            while (m := self._pattern.search(low, pos)) is not None:
                yield m
                pos = m.start() + 1
            return
        for i, word in found:
            if word in self.first and (m := self._pattern.match(low, i)) is not None:
                yield m

    def _scan_words(self, text: str) -> list[PhraseMatch]:
        """The same matches found word by word (for text whose lowercase is longer)."""
        out: list[PhraseMatch] = []
        resume = 0  # words before it belong to the last match
        for m in _WORD.finditer(text):
            if m.start() < resume or m.group().lower() not in self.first:
                continue
            words = [(m.start(), m.end(), m.group().lower())]
            pos = m.end()
            while len(words) < self.longest:
                nxt = _WORD.search(text, pos)
                if nxt is None or text[pos : nxt.start()].strip():
                    break  # the words of a phrase are separated by spaces only
                words.append((nxt.start(), nxt.end(), nxt.group().lower()))
                pos = nxt.end()
            for n in range(len(words), 0, -1):
                form = " ".join(w[2] for w in words[:n])
                if form in self.forms:
                    a, b = words[0][0], words[n - 1][1]
                    out.append(PhraseMatch(a, b, text[a:b], form))
                    resume = b
                    break
        return out


@dataclass(frozen=True, slots=True)
class CueMatch:
    start: int
    end: int
    text: str
    entry: CueEntry

    def __init__(self, start: int, end: int, text: str, entry: CueEntry) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "entry", entry)


@cache
def _cue_table() -> PhraseTable:
    return PhraseTable(cues())


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[CueMatch]:
    """Reporting expressions in ``text[start:end]``, longest match first, left to right."""
    table = cues()
    return [CueMatch(m.start, m.end, m.text, table[m.form])
            for m in _cue_table().find(text, start, end)]


_TITLES: dict[str, tuple[str, str]] | None = None
_RELATIONS: dict[str, Relation] | None = None


def titles() -> dict[str, tuple[str, str]]:
    """Title word (lowercase, no period) → (gender f/m/u, kind)."""
    global _TITLES  # (as _first_names: read dozens of times an article)
    if _TITLES is None:
        _TITLES = {t.lower().rstrip("."): (g, k) for t, g, k in _rows("titles.tsv", 3)}
    return _TITLES


@cache
def title_roles() -> dict[str, str]:
    """Title abbreviation (lowercase, no period) → the role noun it stands for."""
    return {a.lower(): r.lower() for a, r in _rows("title_roles.tsv", 2)}


def relations() -> dict[str, Relation]:
    global _RELATIONS  # (as _first_names)
    if _RELATIONS is None:
        out: dict[str, Relation] = {}
        for noun, gender, inv_f, inv_m, kind in _rows("relations.tsv", 5):
            out[noun.lower()] = Relation(
                noun.lower(), gender, None if inv_f == "-" else inv_f,
                None if inv_m == "-" else inv_m, kind,
            )
        _RELATIONS = out
    return _RELATIONS


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


def _fold(name: str) -> str:
    """Lowercase and strip accents: the name table is stored accent-free."""
    if name.isascii():
        return name.lower()  # (an ASCII name has no accent and decomposes to itself)
    return _fold_accented(name)


@lru_cache(maxsize=1 << 16)
def _fold_accented(name: str) -> str:
    nfkd = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in nfkd if not unicodedata.combining(c))


_FIRST_NAMES: dict[str, str] | None = None


def _first_names() -> dict[str, str]:
    # (a module global, not functools.cache: compiled code reads it without a call through
    # the cache's wrapper, and the names are looked up some eighty times an article)
    global _FIRST_NAMES
    if _FIRST_NAMES is None:
        _FIRST_NAMES = {n: g for n, g, _p in _rows("first_names.tsv", 3)}
    return _FIRST_NAMES


_GENDERS: Final[dict[str, Gender]] = {"f": "female", "m": "male"}


def gender(code: str) -> Gender:
    """The gender a lexicon's code stands for: "f", "m", anything else unknown."""
    return _GENDERS.get(code, "unknown")


def first_name_gender(name: str) -> str:
    """``female``, ``male`` or ``unknown`` for a first name, from the bundled table."""
    return gender(_first_names().get(_fold(name)) or "")


def is_first_name(name: str) -> bool:
    return _fold(name) in _first_names()
