"""Stage 4: speaker and addressee candidates — mentions of people, organisations and groups.

Found once over the narrative text (everything outside quotation marks): proper names with
their titles, third-person pronouns, and nominals (``her husband``, ``Hale's attorney``,
``the coach``, ``the 38-year-old``, ``the company``, ``the couple``). Anonymous-source phrases
are found where an attribution needs them (:func:`anonymous_at`), because words like
"another" or "some" are only sources next to a reporting verb.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from . import lexicon
from .records import EntityType, Gender, MentionKind, Number, Span

_CAP = r"(?:\p{Lu}[\p{L}\p{M}’'\-]*\.?|\p{Lu}\.)"
_PARTICLE = r"(?:de|del|della|der|den|van|von|da|di|du|la|le|bin|al|el|ter|ten|dos|das|st\.)"
_NAME_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}’'\-]){_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP})*"
)
_PRONOUNS: dict[str, tuple[Gender, Number]] = {
    "he": ("male", "singular"), "him": ("male", "singular"), "his": ("male", "singular"),
    "she": ("female", "singular"), "her": ("female", "singular"),
    "they": ("unknown", "plural"), "them": ("unknown", "plural"),
    "their": ("unknown", "plural"),
}
_PRONOUN_RE = regex.compile(r"(?<![\w’'-])(?:he|him|his|she|her|they|them|their)(?![\w’'-])",
                            regex.IGNORECASE)
_AGE_RE = regex.compile(r"(?<![\w-])the\s+(\d{1,3})-year-old(?![\w-])", regex.IGNORECASE)
_POSSESSIVE_TAIL = ("’s", "'s", "’", "'")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention with what the resolver needs to know about it."""

    span: Span
    text: str
    kind: MentionKind
    gender: Gender = "unknown"
    number: Number = "singular"
    head: str = ""  # the name without title, the noun of a nominal, the pronoun lowercased
    etype: EntityType = "unknown"
    title: str = ""
    possessive: bool = False  # "Hale's", "his": this mention owns something
    possessor: Span | None = None  # for "her husband": the span of "her"
    weak: bool = False  # a lone capitalised word opening a sentence: maybe not a name
    age: int | None = None


@cache
def _nonnames() -> frozenset[str]:
    raw = resources.files("quotegraph").joinpath("data", "nonnames.txt").read_text("utf-8")
    words: set[str] = set()
    for line in raw.splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


def _strip_word(w: str) -> str:
    return w.rstrip(".").lower()


def _sentence_initial(text: str, pos: int, floor: int) -> bool:
    i = pos - 1
    while i >= floor and text[i] in " \t\"“‘'(":
        i -= 1
    return i < floor or text[i] in ".!?:\n…”’\""


def _name_candidate(text: str, m: regex.Match[str], floor: int) -> Candidate | None:
    words = m.group().split()
    starts: list[int] = []
    pos = m.start()
    for w in words:
        pos = text.index(w, pos)
        starts.append(pos)
        pos += len(w)
    possessive = False
    last = words[-1]
    for tail in _POSSESSIVE_TAIL:
        if last.endswith(tail) and len(last) > len(tail):
            if tail in ("’", "'") and not last[:-1].endswith(("s", "S")):
                continue
            words[-1] = last[: -len(tail)]
            possessive = True
            break
    # drop leading function words ("When Alec") and keep titles aside ("Mayor", "Dr.")
    nonnames, titles = _nonnames(), lexicon.titles()
    i = 0
    while i < len(words) and _strip_word(words[i]) in nonnames and \
            _strip_word(words[i]) not in titles:
        i += 1
    title_words: list[str] = []
    while i < len(words) - 1 and _strip_word(words[i]) in titles:
        title_words.append(words[i])
        i += 1
    name_words = words[i:]
    # trailing titles or function words are not part of a name ("Baldwin Said")
    while name_words and _strip_word(name_words[-1]) in nonnames:
        name_words.pop()
    if not name_words:
        return None
    if len(name_words) == 1 and _strip_word(name_words[0]) in titles and not title_words:
        return None
    start = starts[i - len(title_words)] if title_words else starts[i]
    first_start = starts[i]
    end = starts[i + len(name_words) - 1] + len(name_words[-1])
    head = " ".join(name_words)
    gender: Gender = "unknown"
    for t in title_words:
        g = titles[_strip_word(t)][0]
        if g in ("f", "m"):
            gender = "female" if g == "f" else "male"
    if gender == "unknown" and (len(name_words) > 1 or title_words):
        # a lone capitalised word that is also a first name ("Season 2", "Grace") is weak
        # evidence; it gets a gender by aliasing a full name instead
        gender = lexicon.first_name_gender(name_words[0])  # type: ignore[assignment]
    suffixes = lexicon.org_suffixes()
    etype: EntityType = "unknown"
    if _strip_word(name_words[-1]) in suffixes or any(w.lower() == "of" for w in name_words):
        etype = "organization"
    elif title_words or lexicon.is_first_name(name_words[0]) and len(name_words) > 1:
        etype = "person"
    weak = (len(name_words) == 1 and not title_words
            and _sentence_initial(text, first_start, floor))
    return Candidate(
        span=Span(start, end), text=text[start:end], kind="name",
        gender=gender if etype != "organization" else "unknown",
        head=head, etype=etype, title=" ".join(title_words), possessive=possessive, weak=weak,
    )


@cache
def _nominal_re() -> regex.Pattern[str]:
    rel = sorted(lexicon.relations(), key=len, reverse=True)
    orgs = sorted(lexicon.org_nouns(), key=len, reverse=True)
    groups = sorted(lexicon.group_nouns(), key=len, reverse=True)

    def alt(words: Sequence[str]) -> str:
        return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)

    mod = r"(?:[\p{Ll}\-]+\s+){0,2}"
    return regex.compile(
        rf"(?<![\w’'-])(?:(?P<det>the|his|her|their|its)\s+|(?P<owner>\p{{Lu}}[\p{{L}}’'\-]*(?:\s+\p{{Lu}}[\p{{L}}’'\-]*)*?)(?:’s|'s|’|')\s+)"
        rf"(?P<mod>{mod})(?P<noun>{alt(rel)}|{alt(orgs)}|{alt(groups)})"
        r"(?=’s|'s|[^\w’'\-]|$)",
        regex.IGNORECASE,
    )


def _nominal(m: regex.Match[str]) -> Candidate | None:
    noun = " ".join(m.group("noun").lower().split())
    det = (m.group("det") or "").lower()
    owner = m.group("owner")
    if owner and owner[0].islower():
        return None
    rel = lexicon.relations().get(noun)
    span = Span(m.start(), m.end())
    text = m.group()
    possessor = None
    if det in ("his", "her", "their", "its"):
        possessor = Span(m.start("det"), m.end("det"))
    elif owner:
        possessor = Span(m.start("owner"), m.end("owner"))
    if noun in lexicon.group_nouns() and det in ("the", "their") and rel is None:
        return Candidate(span, text, "group", number="plural", head=noun, etype="group",
                         possessor=possessor)
    if noun in lexicon.org_nouns() and rel is None:
        if det != "the":
            return None
        return Candidate(span, text, "organization", head=noun, etype="organization")
    if rel is None:
        return None
    gender: Gender = {"f": "female", "m": "male"}.get(rel.gender, "unknown")  # type: ignore[assignment]
    return Candidate(span, text, "nominal", gender=gender, head=noun, etype="person",
                     possessor=possessor)


def find_mentions(text: str, regions: Sequence[Span], para_starts: Sequence[int]) -> list[Candidate]:
    """Every mention inside ``regions`` (the narrative text between quotations), sorted."""
    out: list[Candidate] = []
    nominal_re = _nominal_re()
    for r in regions:
        floor = para_starts[max(0, bisect_left(para_starts, r.start + 1) - 1)] if para_starts \
            else 0
        taken: list[Span] = []
        for m in nominal_re.finditer(text, r.start, r.end):
            c = _nominal(m)
            if c is not None:
                out.append(c)
                taken.append(c.span)
        for m in _AGE_RE.finditer(text, r.start, r.end):
            out.append(Candidate(Span(m.start(), m.end()), m.group(), "nominal",
                                 head="year-old", etype="person", age=int(m.group(1))))
        for m in _NAME_RE.finditer(text, r.start, r.end):
            c = _name_candidate(text, m, max(floor, r.start))
            if c is not None and not any(t.overlaps(c.span) and t.start <= c.span.start
                                         and c.span.end <= t.end for t in taken):
                out.append(c)
        for m in _PRONOUN_RE.finditer(text, r.start, r.end):
            word = m.group().lower()
            g, n = _PRONOUNS[word]
            span = Span(m.start(), m.end())
            if any(t.start == span.start for t in taken):
                continue  # the "her" of "her husband" is the possessor, kept on the nominal
            out.append(Candidate(span, m.group(), "pronoun", gender=g, number=n, head=word,
                                 etype="person" if n == "singular" else "group",
                                 possessive=word in ("his", "their")))
    out.sort(key=lambda c: (c.span.start, -c.span.end))
    return out


def anonymous_at(text: str, start: int, end: int) -> list[Candidate]:
    """Anonymous-source phrases in ``text[start:end]``, each stretched over a following
    ``for/at/of/with …`` phrase (``a spokesperson for the transit authority``)."""
    out: list[Candidate] = []
    for m in lexicon.anonymous_pattern().finditer(text, start, end):
        phrase = " ".join(m.group().lower().split())
        e = m.end()
        ext = _EXTENSION.match(text, e, end)
        if ext and phrase not in ("another", "someone else", "others", "many", "some"):
            e = ext.end()
        number: Number = "plural" if lexicon.anonymous().get(phrase) == "plural" else "singular"
        out.append(Candidate(Span(m.start(), e), text[m.start():e], "anonymous", number=number,
                             head=phrase, etype="anonymous"))
    return out


_EXTENSION = regex.compile(
    r"\s+(?:for|at|of|with|from|close\s+to|familiar\s+with)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\p{L}\-’'&.]+)(?:\s+(?!said\b|says\b|told\b|wrote\b|added\b)[\p{L}\-’'&.]+){0,4}?"
    r"(?=\s*[,.;:]|\s+(?:said|says|told|wrote|added|explained|noted)\b|$)"
)
