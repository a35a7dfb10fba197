"""Stage 5b: reported speech — indirect and mixed quotations.

Most attributions in news carry no quotation marks ("Whitfield said the city was only
postponing pain"; "according to the union, ridership has fallen"), and many quote a fragment
inside reported speech (called it “a reprieve, not a rescue”). This stage finds them sentence
by sentence with the cue lexicon and the attribution machinery of stage 5:

* ``SPEAKER CUE [ADDRESSEE] [that] CONTENT`` — the content runs from after the cue (its
  addressee skipped, its "that" kept) to the end of its clause (a semicolon, a dash,
  ", but …", a participle cue; else the end of the sentence);
* ``CONTENT, SPEAKER CUE`` and ``CONTENT, CUE SPEAKER`` — a trailing attribution after a comma;
* ``According to SOURCE, CONTENT`` and ``CONTENT, according to SOURCE``.

A content that is one direct quotation is left to stage 5; one that holds quoted words among
its own is ``mixed`` and replaces the direct record of the fragment it absorbs. Questions,
"that said", "the said property" and cue words used as nouns make no record.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Final

import regex

from . import lexicon
from .attribute import _WORD, Attributor, Local, content_words, is_title_like
from .cuefeatures import cue_features, word_tags
from .cuelearn import raising_cue_forms, reported_cue_forms
from .learned import CueDetector, EndChooser
from .mentions import anonymous_at, nonname_words, thought_cues
from .records import Cue, Mention, QuoteKind, QuoteSpan, Span
from .text import sentence_ends

# A "that" (or "how", "whether") opening the reported clause within a few words of the cue:
# "said on Tuesday that", "told reporters that".
_THAT: Final = regex.compile(r"(?<![\w’'-])(?:that|whether|how|if)(?![\w’'-])\s*", regex.IGNORECASE)
_THAT_WORDS: Final = ("that", "whether", "how", "if")
# a quotation within four words: "called it “a reprieve, not a rescue”", "described it as “…”"
_QUOTE_SOON: Final = regex.compile(r"(?:\s+[\p{L}’'\-]+){0,4}\s+[\"“‘«„]")
# the learned forms are plain ASCII words: the standard library's engine scans for them fastest
_CUE_WORD: Final = re.compile(r"[A-Za-z][A-Za-z’'\-]*")
_WORD_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz’'-")
_TO: Final = regex.compile(r"\s+to(?![\w’'-])")
_LEAD: Final = regex.compile(r"[\s,:;—–-]*")
_TRAIL: Final = ".!?;:,—–- \t\n"
_QUOTE_MARKS: Final = "\"“”‘’'«»„"
# cue words that are nouns or other senses too often to open reported speech by themselves
_NEVER_AFTER: Final = frozenset({"called", "call", "calls", "calling", "show", "shows", "showed",
                                 "described", "describe", "describes", "referring to"})
_MIN_WORDS: Final = 3
_BE: Final = frozenset("be been being is was were are am".split())
_NAMING: Final = frozenset("named names naming titled dubbed entitled nicknamed known labeled "
                           "labelled".split())
_COORDINATORS: Final = frozenset("and but or nor then so yet".split())
_ADJUNCT_OPENERS: Final = frozenset(
    """on in at during after before while when as to of for with from by about since
    monday tuesday wednesday thursday friday saturday sunday yesterday today earlier later
    last this""".split())


@dataclass(frozen=True, slots=True)
class Reported:
    """One indirect or mixed quotation found in a sentence, before entities are known."""

    kind: QuoteKind
    content: Span
    speaker: Mention | None
    addressee: Mention | None
    cue: Cue
    absorbs: tuple[int, ...]  # indexes (in the direct locals) of quotes now part of this one
    # the part of the content before its cue, where the cue is a verb the content's own
    # subject raises ("the pier || is expected || to reopen"): the record has no speaker
    lead: Span | None = None

    def __init__(self, kind: QuoteKind, content: Span, speaker: Mention | None,
                 addressee: Mention | None, cue: Cue, absorbs: tuple[int, ...],
                 lead: Span | None = None) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "content", content)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "addressee", addressee)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "absorbs", absorbs)
        object.__setattr__(self, "lead", lead)


class _DirectIndex:
    """The direct locals of stage 5 by the start of their quotation: every look-up from a
    reported clause is a dictionary access, never a scan (a 10 MB article has 60,000)."""

    def __init__(self, direct: Sequence[Local]) -> None:
        self.locals = direct
        self.by_start = {d.quote.start: i for i, d in enumerate(direct)}

    def at(self, start: int) -> Local | None:
        i = self.by_start.get(start)
        return self.locals[i] if i is not None else None


def reported_speech(text: str, paras: Sequence[Span], quotes: Sequence[QuoteSpan],
                    mentions: Sequence[Mention], direct: Sequence[Local],
                    detector: CueDetector | None = None, chooser: EndChooser | None = None,
                    *, narration: bool = False) -> tuple[list[Local], list[Local]]:
    """The reported-speech locals of an article, and the direct locals that remain once the
    fragments of mixed quotations are absorbed (compute first, then the caller keeps both).
    With a ``detector``, a reporting word opens a record only where the detector takes it
    for a cue in its context; with a ``chooser``, it decides where a clause that
    follows its cue ends. ``narration``: the text is fiction or a transcript (many
    untagged lines), where only :func:`_tells` records stand."""
    words = _cue_words(text)
    word_starts = [w[0] for w in words]  # bisected as plain numbers, not tuples
    if not words:
        return [], list(direct)
    att = Attributor(text, paras, mentions)
    index = _DirectIndex(direct)
    top = sorted((q for q in quotes if q.parent is None), key=lambda q: q.start)
    starts = [q.start for q in top]
    found: list[Reported] = []
    for para in paras:
        if not _has_word(word_starts, para):
            continue  # no reporting word in the paragraph: no need for its sentences
        start = para.start
        for end in [*sentence_ends(text, para.start, para.end), para.end]:
            if end > start:
                found.extend(_in_sentence(att, Span(start, end), top, starts, index, words,
                                          word_starts, detector, chooser))
            start = end
    found = _dedupe(found)
    if narration:
        found = [r for r in found if _tells(text, r)]
    taken_by: dict[int, list[Span]] = {}
    for r in found:
        for i in r.absorbs:
            taken_by.setdefault(i, []).append(r.content)
    kept: list[Local] = []
    for i, d in enumerate(direct):
        takers = taken_by.get(i, [])
        if not takers:
            kept.append(d)
            continue
        # a split quotation whose first part a mixed one absorbed keeps its other parts
        pairs = zip(d.quote.parts, d.quote.outer, strict=True) \
            if len(d.quote.parts) == len(d.quote.outer) else ()
        rest = [(p, o) for p, o in pairs
                if not any(t.start <= o.start and o.end <= t.end for t in takers)]
        if rest:
            q = QuoteSpan(tuple(p for p, _ in rest), tuple(o for _, o in rest), d.quote.depth,
                          d.quote.parent)
            kept.append(replace(d, quote=q, starts_paragraph=False))
    return [_local(att, r) for r in found], kept


# what opens the clause of something said: "told him that", "asked whether", "wondered why"
_SAID_CLAUSE: Final = re.compile(
    r"[\"“‘'«]|(?:that|whether|if|how|what|why|when|where|who)\b", re.IGNORECASE)
# "that" with a verb right after it opens a relative clause ("made no mention that had
# taken him away", "nothing to say that could be worth hearing"), not what was said
_RELATIVE_THAT: Final = re.compile(
    r"that\s+(?:had|has|have|was|were|is|are|could|would|should|will|can|may|might|must|"
    r"did|does|do)\b", re.IGNORECASE)


def _tells(text: str, r: Reported) -> bool:
    """Whether a record of a novel's narration reports speech: its cue is a word of saying of
    the hand lexicon (``data/cues.tsv``; the forms learned from news count every verb of
    thinking, wanting and doing that news attributes by: "remembering", "painted",
    "imagine") and what it says opens a clause ("told him that …", "asked whether …") or
    holds a quotation ('spoke of her as "a most charming woman"'). In a novel, "she wanted
    to go" or "he believed her" is narration, not speech, nor is "she wondered whether"
    (``data/thought_cues.txt``), and "according to custom" names no one's words."""
    if r.cue.lemma == "according to" or r.cue.text.lower() not in lexicon.cues() or \
            r.cue.lemma in thought_cues():
        return False
    start = r.content.start
    return r.kind == "mixed" or (_SAID_CLAUSE.match(text, start) is not None
                                 and _RELATIVE_THAT.match(text, start) is None)


def _has_word(word_starts: Sequence[int], span: Span) -> bool:
    """Whether a reporting word (of ``word_starts``, sorted) starts inside ``span``."""
    lo = bisect_left(word_starts, span.start)
    return lo < len(word_starts) and word_starts[lo] < span.end


def _local(att: Attributor, r: Reported) -> Local:
    parts = (r.lead, r.content) if r.lead is not None else (r.content,)
    para = att.para_of(parts[0].start)
    q = QuoteSpan(parts=parts, outer=parts)
    return Local(q, r.speaker, r.addressee, r.cue, "reported", para,
                 att.para_of(r.content.end - 1), False, kind=r.kind)


def _dedupe(found: list[Reported]) -> list[Reported]:
    """One record per content span (two cues may claim the same clause), and none for a
    reporting word inside another record's content when its own content is mostly that
    content: in "Smith said the union expected production to improve", "expected" is part
    of what Smith said, not a second attribution of the same clause (on PolNeAR dev such
    inner records were right 20 times in 164, "according to" aside)."""
    seen: set[tuple[int, int]] = set()
    out: list[Reported] = []
    for r in sorted(found, key=lambda r: (r.content.start, r.content.end)):
        key = (r.content.start, r.content.end)
        if key not in seen:
            seen.add(key)
            out.append(r)
    starts = [r.content.start for r in out]
    # an outer content opens before the inner cue: the few records opening last before it
    # (a bounded look back keeps a page of thousands of records linear)
    return [r for r in out if not _repeats_one(r, out, starts)]


def _repeats_one(r: Reported, out: Sequence[Reported], starts: Sequence[int]) -> bool:
    k = bisect_right(starts, r.cue.span.start)
    return any(o is not r and _repeats(r, o) for o in out[max(0, k - _LOOK_BACK):k])


_LOOK_BACK: Final = 8


def _repeats(inner: Reported, outer: Reported) -> bool:
    """Whether ``inner``'s cue lies in ``outer``'s content and the two contents have a
    character Jaccard of at least a half. "According to" is the exception: it names the
    source of the clause around it ("he said X would rise, according to the study"); so is
    a named person who says or tells inside the other's words ("Lind said the pier was
    unsafe, an official added"): a nested attribution of its own."""
    if inner.cue.lemma == "according to":
        return False
    who = inner.speaker
    if who is not None and who.kind == "name" and inner.cue.lemma in ("say", "tell") \
            and outer.content.start <= who.span.start:
        return False
    a, b = inner.content, outer.content
    if not b.start <= inner.cue.span.start < b.end:
        return False
    if inner.lead is not None:
        a = Span(inner.lead.start, a.end)
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0 and 2 * shared >= max(a.end, b.end) - min(a.start, b.start)


def cue_candidates(text: str, paras: Sequence[Span], quotes: Sequence[QuoteSpan],
                   mentions: Sequence[Mention]) -> list[tuple[Cue, list[str]]]:
    """Every reporting word that stage 5b would weigh, with its features: the examples the
    cue detector is trained on (quotegraph/training/cues.py), found by the same sentence loop
    and the same filters as :func:`reported_speech` applies before the detector."""
    words = _cue_words(text)
    word_starts = [w[0] for w in words]
    att = Attributor(text, paras, mentions)
    top = sorted((q for q in quotes if q.parent is None), key=lambda q: q.start)
    starts = [q.start for q in top]
    out: list[tuple[Cue, list[str]]] = []
    for para in paras:
        start = para.start
        for end in [*sentence_ends(text, para.start, para.end), para.end]:
            if end > start:
                sent = Span(start, end)
                if _open_sentence(att, sent, top, starts, word_starts) is not None:
                    collected: list[tuple[Cue, list[str]]] = []
                    _cues(att, sent, words, word_starts, None, collected)
                    out.extend(collected)
            start = end
    return out


def _open_sentence(att: Attributor, sent: Span, top: Sequence[QuoteSpan],
                   starts: Sequence[int], word_starts: Sequence[int],
                   ) -> tuple[Span, list[QuoteSpan]] | None:
    """The sentence's body and the quotations in it, or None where it reports nothing: no
    reporting word in it, a question, or all inside a quotation."""
    text = att.text
    if not _has_word(word_starts, sent):
        return None  # no reporting word: the common case, decided first
    body = _trim(text, sent.start, sent.end)
    if body is None or text[body.start:sent.end].rstrip().rstrip(_QUOTE_MARKS).endswith("?"):
        return None  # a question reports nothing
    inside = _quotes_in(top, starts, sent)
    if any(q.start <= body.start and body.end <= q.end for q in inside):
        return None  # the sentence is inside a quotation
    return body, inside


def _in_sentence(att: Attributor, sent: Span, top: Sequence[QuoteSpan],
                 starts: Sequence[int], index: _DirectIndex,
                 words: Sequence[tuple[int, int, str]],
                 word_starts: Sequence[int], detector: CueDetector | None,
                 chooser: EndChooser | None) -> list[Reported]:
    text = att.text
    opened = _open_sentence(att, sent, top, starts, word_starts)
    if opened is None:
        return []
    body, inside = opened
    out: list[Reported] = []
    raw: list[Reported] = []
    cues = [c for c in _cues(att, sent, words, word_starts, detector)
            if not any(q.start <= c.span.start < q.end for q in inside)
            and not _other_sense(text, c)]
    # trailing attributions ("…, the source added"), each worked out only when asked for:
    # most sentences have one cue, whose clause needs no later one
    trailing: dict[int, Reported | None] = {}

    def trailing_of(c: Cue) -> Reported | None:
        if id(c) not in trailing:
            trailing[id(c)] = _cue_last(att, c, body) if c.lemma != "according to" else None
        return trailing[id(c)]

    for cue in cues:
        r = (_according_to(att, cue, body) if cue.lemma == "according to"
             else _cue_first(att, cue, body, inside, chooser))
        if r is not None:
            # "… that she didn't want the escort, the source added": the content ends
            # before a trailing attribution
            ends = [t.content.end for c in cues
                    if c.span.start > cue.span.end and (t := trailing_of(c)) is not None
                    and r.content.start < t.content.end < r.content.end]
            if ends:
                cut = _trim(text, r.content.start, min(ends))
                r = Reported(r.kind, cut, r.speaker, r.addressee, r.cue, ()) if cut else None
        else:
            r = trailing_of(cue)
        if r is not None:
            raw.append(r)
    for r in raw:
        done = _with_quotes(text, r, inside, index)
        if done is not None:
            out.append(done)
    return out


@cache
def _known_bases() -> frozenset[str]:
    forms = reported_cue_forms()
    third_person = {f[:-1] for f in forms if f.endswith("es") or (f.endswith("s")
                                                                    and not f.endswith("ss"))}
    return frozenset(e.lemma for e in lexicon.cues().values()) | forms | third_person


def _lemma(form: str) -> str:
    """The base form of a learned reporting word the lexicon does not list ("defended" ->
    "defend", "praising" -> "praise", "criticizes" -> "criticize"): known bases first, then
    the regular spelling rules."""
    known = _known_bases()
    if form.endswith("ied"):
        return form[:-3] + "y"
    for suffix, candidates in (("ing", ("e", "")), ("ed", ("e", "")), ("es", ("e", "")),
                               ("s", ("",))):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            for c in candidates:
                if stem + c in known:
                    return stem + c
            if suffix in ("ing", "ed") and len(stem) > 2 and stem[-1] == stem[-2]:
                return stem[:-1]  # "slammed" -> "slam"
            if suffix == "ed" and stem[-1] in "aeiouy" and stem[-1] != "e":
                return stem + "e"
            return stem if suffix != "es" else stem + "e"
    return form


def _quotes_in(top: Sequence[QuoteSpan], starts: Sequence[int],
               sent: Span) -> list[QuoteSpan]:
    """The top-level quotations (sorted by start, never overlapping) that overlap ``sent``:
    from the last one opening before it (a quotation of several sentences) on."""
    out: list[QuoteSpan] = []
    for k in range(max(0, bisect_left(starts, sent.start) - 1), len(top)):
        q = top[k]
        if q.start >= sent.end:
            break
        if q.end > sent.start:
            out.append(q)
    return out


def _cue_words(text: str) -> list[tuple[int, int, str]]:
    """Every word of the article that is a learned reporting form: read from the article's
    :func:`lexicon.openings` (the forms are among the opening words), else one pass of a
    trie expression over the lowercased text (see :func:`lexicon.trie_pattern`)."""
    lowered = lexicon.lowered(text)
    if lowered is None:  # a rare letter whose lower case is longer: word by word
        forms = reported_cue_forms()
        return [(m.start(), m.end(), w) for m in _CUE_WORD.finditer(text)
                if (w := m.group().lower()) in forms or w == "according"]
    found = lexicon.openings(lowered) if _plain_openings() else None
    spans = ((i, i + len(w), w) for i, w in found if w in _forms_and_according()) \
        if found is not None else \
        ((*m.span(), m.group()) for m in _cue_word_pattern().finditer(lowered))
    # "\b" also stops at an apostrophe or a hyphen: "said’s" and "re-said" are no cue
    return [(i, j, w) for i, j, w in spans
            if (i == 0 or lowered[i - 1] not in _WORD_CHARS)
            and (j == len(lowered) or lowered[j] not in _WORD_CHARS)]


@cache
def _plain_openings() -> bool:
    """Whether the forms are opening words of ASCII letters only. Then a form this stage
    keeps is the opening at its offset (the letter or hyphen that would join it to a longer
    opening would make it no word here), and the trie's matches it skips are ones refused
    anyway, since no match opens after a letter: the openings serve instead of a scan."""
    forms = _forms_and_according()
    return forms <= lexicon.opening_words() and all(f.isascii() and f.isalpha() for f in forms)


@cache
def _cue_word_pattern() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + lexicon.trie_pattern(_forms_and_according()) + r")\b")


@cache
def _forms_and_according() -> frozenset[str]:
    return reported_cue_forms() | {"according"}


def _cues(att: Attributor, sent: Span, words: Sequence[tuple[int, int, str]],
          word_starts: Sequence[int], detector: CueDetector | None,
          collect: list[tuple[Cue, list[str]]] | None = None) -> list[Cue]:
    """The reporting words of a sentence: the word forms learned from PolNeAR train
    (:mod:`quotegraph.cuelearn`) and "according to", with the lexicon's lemma and manner
    where it has them. After a determiner a form is a noun ("the report"). A ``detector``
    keeps the forms it takes for cues in context; ``collect`` receives every candidate it
    would weigh, with its features (for training)."""
    text = att.text
    table = lexicon.cues()
    learned = detector is not None or collect is not None
    out: list[Cue] = []
    for k in range(bisect_left(word_starts, sent.start), len(words)):  # no slice copy
        start, end, w = words[k]
        if start >= sent.end:
            break
        # without the detector two hand rules stand in for context: after a determiner a
        # form is a noun, and a form in -s after no subject is a plural noun ("answered a
        # few more questions"); the detector weighs both as features instead ("one company
        # says" is a cue)
        determiner = att._after_determiner(start)
        if determiner and not learned:
            continue
        if w == "according":
            to = _TO.match(text, end)
            if to is not None:
                # "According" opening a sentence passes for a name; it is the cue
                out.append(Cue(Span(start, to.end()), text[start : to.end()], "according to",
                               "neutral"))
            continue
        prev = text[max(sent.start, start - 20) : start].split()
        plural = w.endswith("s") and not w.endswith("ss") and bool(prev) and \
            not _subject_like(prev[-1])
        if plural and not learned:
            continue
        entry = table.get(w)
        lemma, manner = (entry.lemma, entry.manner) if entry else (_lemma(w), "neutral")
        cue = Cue(Span(start, end), text[start:end], lemma, manner)  # type: ignore[arg-type]
        if learned:
            feats = cue_features(text, start, end, sent.start, sent.end, w,
                                 entry.manner if entry else "-", *_neighbours(att, start, end))
            if determiner:
                feats.append("determiner")
            if plural:
                feats.append("plural_no_subject")
            if collect is not None:
                collect.append((cue, feats))
            if detector is not None and detector.score(feats) < detector.cut:
                continue  # the form, but not a cue in this context
        out.append(cue)
    return out


def _neighbours(att: Attributor, start: int, end: int) -> tuple[str, str]:
    """The kinds of the mentions right before ``start`` and right after ``end`` (only white
    space between), or "-": a subject before a cue, a name after an inverted one."""
    text = att.text
    before = "-"
    for m in reversed(att.mentions_in(max(0, start - 60), start)):
        if not text[m.span.end : start].strip():
            before = m.kind
        break
    after = "-"
    for m in att.mentions_in(end, min(len(text), end + 60)):
        if not text[end : m.span.start].strip():
            after = m.kind
        break
    return before, after


_SUBJECT_WORDS: Final = frozenset("he she it who that which also still now often".split())


def _subject_like(word: str) -> bool:
    """Whether ``word`` may stand right before a verb in -s: a name, a subject pronoun, an
    adverb ("Trump claims", "she argues", "it says", "also notes", "repeatedly says")."""
    w = word.strip("’'\"“”,()")
    return w[:1].isupper() or w.lower() in _SUBJECT_WORDS or w.lower().endswith("ly")


def _title_after(text: str, mark: int) -> bool:
    """Whether the quotation opening at ``mark`` is a title ("“The Hilaria Show”")."""
    end = text.find(text[mark] if text[mark] in "\"'" else "”", mark + 1, mark + 120)
    return end > 0 and is_title_like(text[mark + 1 : end].split())


def _other_sense(text: str, cue: Cue) -> bool:
    """"That said, …", "the said property": "said" that reports nothing."""
    before = text[max(0, cue.span.start - 12) : cue.span.start].lower().split()
    return bool(before) and before[-1] in ("that", "the", "this", "having", "so") and \
        cue.lemma == "say"


def _cue_first(att: Attributor, cue: Cue, body: Span, inside: Sequence[QuoteSpan] = (),
               chooser: EndChooser | None = None) -> Reported | None:
    """``SPEAKER CUE [ADDRESSEE] [that] CONTENT``."""
    text = att.text
    if cue.text.lower() in _NAMING:
        return None  # "would be named “The Lucky Gull”": a name given, not words reported
    if cue.text.lower() in _NEVER_AFTER:
        # "called it “a reprieve”" reports; "a group called Harbor Forward" and "would be
        # called “The Hilaria Show”" name something
        soon = _QUOTE_SOON.match(text, cue.span.end)
        before = text[max(0, cue.span.start - 10) : cue.span.start].split()
        if soon is None or (before and before[-1].lower() in _BE) or \
                _title_after(text, soon.end() - 1):
            return None
    if not _at_least(text, cue.span.end, body.end, _MIN_WORDS):
        return None  # nothing reported after the cue (the speaker is looked for last)
    pos = cue.span.end
    addressee = att.addressee_after(cue, body.end)
    if addressee is not None and \
            text[pos : addressee.span.start].strip().lower() not in ("", "to", "at"):
        addressee = None  # "said she plans to join …": no "to" of an addressee
    if addressee is not None:
        pos = max(pos, addressee.span.end)
    reach = min(body.end, pos + 60)
    m = _THAT.search(text, pos, reach) if _may_hold(text, pos, reach, _THAT_WORDS) else None
    if m is not None:
        lead = text[pos : m.start()]
        # the plain string tests first, the regular expressions last
        if not any(ch in lead for ch in ".;:\",“”") and \
                (m.group().lower().startswith("that") or not lead.strip()) and \
                not _at_least(text, pos, m.start(), 7) and _adjunct(text, pos, m.start()):
            # "said on Tuesday that …": the content opens with its "that", as PolNeAR marks
            # it; in "says it underscores that …" the "that" is the content's own
            pos = m.start()
    end = _clause_end(text, pos, body.end)
    if chooser is not None:
        end = chooser.choose(text, (cue.span.start, cue.span.end), cue.lemma, pos, end,
                             body.end)
    content = _trim(text, pos, end)
    if content is None or not _at_least(text, content.start, content.end, _MIN_WORDS):
        return None
    if any(q.start <= content.start + 1 and _covers(text, q, content) for q in inside):
        return None  # 'said, “…”': a direct quotation, stage 5's; decided before any search
    if text[content.start] in "(":
        return None
    if _inverted(att, cue, content):
        return None  # '…, said Alan Cole, an economist': the cue trails what was said
    first = _WORD.match(text, content.start)
    opener = first.group().lower() if first else ""
    raising = cue.text.lower() in raising_cue_forms() and (
        opener not in _ADJUNCT_OPENERS or opener in _RAISED_OPENERS)  # not "appeared on TV"
    if opener not in _COORDINATORS and (raising or _passive(text, cue, body)):
        # "the pier is expected to reopen", "the mayor was accused of lying": the subject
        # is part of what is reported, and nobody is named as saying it (PolNeAR's
        # content of such a cue holds both parts, and it has no source)
        subject = _raised_subject(text, cue, body)
        rest = _trim(text, cue.span.end, content.end)  # no addressee: "accused of lying"
        if subject is not None and rest is not None:
            return Reported("indirect", rest, None, None, cue, (), subject)
    if opener in _COORDINATORS:
        return None  # '“…,” she said and sat down': another verb of the subject's
    if opener in _ADJUNCT_OPENERS and not _at_least(text, content.start, content.end, 8):
        after = _after_parenthesis(text, content)
        if after is None:
            return None  # 'said Thursday on "Fox and Friends"': where and when, not what
        content = after  # "The pier, the mayor said on Monday, will reopen": what follows
    speaker = _relative_or_owner(att, cue, body.start)
    if speaker is None and cue.text.endswith("ing") and \
            text[body.start : cue.span.start].rstrip().endswith(","):
        # "Trump is defending his tweets about a former Miss Universe, saying …": the one
        # who says is the subject of the clause the participle hangs on
        speaker = att.sentence_subject(body.start, cue.span.start)
    if speaker is None:
        speaker = att.subject_before(cue, body.start)
        local = _clause_np(att, cue, body.start)
        if local is not None and (speaker is None or speaker.span.end <= local.span.start or (
                speaker.span.start >= local.span.end
                and _PREPOSITION.search(text, local.span.end - 1, speaker.span.start))):
            # "…, though an arbitration panel in 2001 found …": the noun phrase of the
            # cue's own clause, not a name earlier in the sentence
            speaker = local
    if speaker is None:
        speaker = att._source_subject(body.start, cue, anywhere=True)
    if speaker is None:
        return None
    opening = _parenthetical_lead(text, speaker, cue, content, body, inside)
    return Reported("indirect", content, speaker, addressee, cue, (), opening)


def _after_parenthesis(text: str, content: Span) -> Span | None:
    """What follows the comma that closes an adjunct of the cue ("on Monday, will reopen in
    May" -> "will reopen in May"), when at most five words stand before it and at least
    three after it."""
    comma = text.find(",", content.start, content.end)
    if comma < 0 or _at_least(text, content.start, comma, 6):
        return None
    rest = _trim(text, comma + 1, content.end)
    if rest is None or not _at_least(text, rest.start, rest.end, _MIN_WORDS):
        return None
    return rest


def _parenthetical_lead(text: str, speaker: Mention, cue: Cue, content: Span, body: Span,
                        inside: Sequence[QuoteSpan]) -> Span | None:
    """The first part of a content the attribution interrupts ("To understand the real Dred
    Scott, Chief Justice Roberts said, one should visit this museum"): the speaker and its
    cue stand between commas after the sentence's opening words, which hold no other
    reporting word and no quotation. None when the attribution interrupts nothing."""
    if text[speaker.span.end : cue.span.start].strip() or \
            "," not in text[cue.span.end : content.start]:
        return None
    comma = text.rfind(",", body.start, speaker.span.start)
    if comma < 0 or text[comma + 1 : speaker.span.start].strip():
        return None
    lead = _trim(text, body.start, comma)
    if lead is None or not _at_least(text, lead.start, lead.end, 2) or \
            _at_least(text, lead.start, lead.end, 40):
        return None
    forms = reported_cue_forms()
    if any(w.group().lower() in forms for w in _WORD.finditer(text, lead.start, lead.end)):
        return None
    if any(q.start < lead.end and lead.start < q.end for q in inside):
        return None
    return lead


def _inverted(att: Attributor, cue: Cue, content: Span) -> bool:
    """Whether what follows the cue is its speaker, named after a comma or a quotation
    ("the plan is sound, said Alan Cole, an economist at …"): a name standing alone opens
    the content and the cue follows a comma or a closing quotation mark."""
    text = att.text
    before = text[max(0, cue.span.start - 3) : cue.span.start].rstrip()
    if not before.endswith((",", "”", "’", "\"", "'")):
        return False
    for m in att.mentions_in(content.start, content.end):
        if m.span.start == content.start and m.kind == "name" and not m.possessive:
            # the name stands alone: an apposition, "of" a place, or the end follows
            after = text[m.span.end : m.span.end + 4]
            return m.span.end >= content.end or after.startswith((",", ".", " of "))
    return False


def _passive(text: str, cue: Cue, body: Span) -> bool:
    """"was accused of", "has been harshly criticized": a participle after a form of "be"
    (adverbs between), no agent ("by …") right after it."""
    if not cue.text.lower().endswith(("ed", "en", "wn")):
        return False
    before = [w.group().lower()
              for w in _WORD.finditer(text, max(body.start, cue.span.start - 40),
                                      cue.span.start)]
    while before and before[-1].endswith("ly"):
        before.pop()
    if not before or before[-1] not in _BE:
        return False
    after = text[cue.span.end : cue.span.end + 5].lower()
    return not after.lstrip().startswith("by ")


#: The words that may open what a raising verb says ("seems to", "is known as", "looks like").
_RAISED_OPENERS: Final = frozenset({"to", "as", "like"})
_AUXILIARIES: Final = frozenset(
    "is are was were be been being am has have had will would could can may might must "
    "should shall do does did not also widely long still now generally often never".split())
_RELATIVES: Final = frozenset({"that", "which", "who", "whom", "whose"})


def _raised_subject(text: str, cue: Cue, body: Span) -> Span | None:
    """The subject before a raising cue ("the pier", in "the pier is expected to reopen"):
    from the clause's start (a relative word included: "which is defined as") to the
    auxiliaries before the cue; None when nothing is left or it is too long to be one."""
    found = _LAST_BOUNDARY.search(text, body.start, cue.span.start)
    start = body.start
    if found is not None:
        word = found.group().lower()
        start = found.start() if word in _RELATIVES else found.end()
        if word not in _RELATIVES and word.isalpha():
            return None  # "because", "when": the subject of another clause
    words = list(_WORD.finditer(text, start, cue.span.start))
    # a reporting word before it is another attribution's ("said the ferry is expected
    # to sail"): the subject comes after it
    forms = reported_cue_forms()
    last = max((i for i, w in enumerate(words) if w.group().lower() in forms), default=-1)
    words = words[last + 1 :]
    while words and words[-1].group().lower() in _AUXILIARIES:
        words.pop()
    if not words or len(words) > 12:
        return None
    return Span(words[0].start(), words[-1].end())


_BOUNDARY: Final = regex.compile(
    r"[,;:(—―]|(?<![\w’'-])(?:that|while|though|although|because|since|if|when|as|but|and|"
    r"which|who|whom|whose|where|after|before|until|unless|whether)(?![\w’'-])",
    regex.IGNORECASE)
# The same, searched from the end: its first match is the last of a forward scan. No two
# matches of _BOUNDARY can overlap (a mark is no letter; a word needs a non-word character on
# each side), so a forward scan finds every one, and the one that ends last starts last.
# The reverse search stops at the clause boundary nearest the cue instead of reading the
# whole sentence before it.
_LAST_BOUNDARY: Final = regex.compile(_BOUNDARY.pattern, regex.IGNORECASE | regex.REVERSE)
# The fixed words that may open a trailing adjunct (the others end in "ly"), in the order
# the pattern tries them; _may_trail looks them up too
_ADJUNCT_WORDS: Final = ("in", "on", "at", "last", "this", "earlier", "later", "also", "has",
                         "have", "had", "would", "will", "did", "does", "do", "is", "are",
                         "was", "were")
_TRAILING_ADJUNCT: Final = regex.compile(
    rf"(?:\s+(?:{'|'.join(_ADJUNCT_WORDS)}|\p{{Ll}}+ly)(?:\s+[\p{{L}}\d]+){{0,2}}?)+\s*\Z")
_ADJUNCT_SET: Final = frozenset(_ADJUNCT_WORDS)


def _may_trail(text: str, start: int, end: int) -> bool:
    """False where _TRAILING_ADJUNCT cannot match ``text[start:end]`` (a search tries it at
    every offset). Its last adjunct opens with a word between white space, followed by at
    most two words of letters and digits before the end; white space to the pattern is white
    space to ``str.split``, and those words hold none, so that word is one of the last three
    that ``str.split`` gives, and it is one of the fixed words or ends in "ly"."""
    return any(word in _ADJUNCT_SET or word.endswith("ly")
               for word in text[start:end].split()[-3:])


_PREPOSITION: Final = regex.compile(r"\s(?:in|of|at|from|for|with|on)\s")
_NP_FIRST_BAD: Final = frozenset("it this there here to of for with by from about".split())


def _clause_np(att: Attributor, cue: Cue, floor: int) -> Mention | None:
    """The noun phrase that opens the cue's own clause and stands right before it: "federal
    prosecutors in April charged", "73 percent said", "each touting"."""
    text = att.text
    boundary = _LAST_BOUNDARY.search(text, floor, cue.span.start)
    left = boundary.end() if boundary is not None else floor
    seg_end = cue.span.start
    trail = _TRAILING_ADJUNCT.search(text, left, seg_end) \
        if _may_trail(text, left, seg_end) else None
    if trail is not None:
        seg_end = trail.start()
    words = list(_WORD.finditer(text, left, seg_end))
    if not words or len(words) > 6 or words[0].group().lower() in _NP_FIRST_BAD:
        return None
    start, end = words[0].start(), words[-1].end()
    if any(ch in "\"“”«»„" for ch in text[start:end]):
        return None  # a quotation mark inside: no plain noun phrase
    anon = anonymous_at(text, start, end)
    if anon and anon[0].span.start == start and anon[0].span.end >= words[-1].start():
        return anon[0]  # "many Democrats", "a Democratic source": unnamed, not a name
    inside = [c for c in att.mentions_in(start, end) if c.span.end <= end]
    if inside and inside[0].span.start == start:
        if _common_noun_after(text, inside[-1].span.end, end):
            # "Foreign policy analysts", "Trump supporters": the name only modifies the noun
            head = words[-1].group().lower()
            return Mention(Span(start, end), text[start:end], "nominal", head=head,
                           number="plural" if head.endswith("s") else "singular",
                           etype="unknown")
        last = att._owner_of_place(inside[-1], inside)  # "Mayor Jo Hart of Brixham"
        return last if not last.possessive else None
    if inside:
        # "harbour officials in Brixham": the noun before the preposition heads it
        cut = _PREPOSITION.search(text, start, inside[0].span.start)
        if cut is None:
            return inside[-1] if not inside[-1].possessive else None
        words = [w for w in words if w.end() <= cut.start()]
        if not words:
            return None
        end = words[-1].end()
    if words[0].group()[0].isupper() and len(words) == 1:
        return None  # a lone capitalised word the mention finder did not take: no source
    head = words[-1].group().lower()
    return Mention(Span(start, end), text[start:end], "nominal", head=head,
                   number="plural" if head.endswith("s") else "singular", etype="unknown")


def _common_noun_after(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is lowercase words that end in a common noun (by the
    silver tag table), so that they, not a name before them, head the noun phrase."""
    tail = text[start:end].split()
    if not tail or not all(w[:1].islower() for w in tail):
        return False
    return word_tags().get(tail[-1]) in ("NN", "NNS")


_RELATIVE: Final = regex.compile(
    r"(?<![\w’'-])(?:who|which)\s+(?:\p{Ll}+ly\s+|also\s+|had\s+|has\s+|have\s+)*\Z",
    regex.IGNORECASE)


def _relative_or_owner(att: Attributor, cue: Cue, floor: int) -> Mention | None:
    """"Ms. Kamin, who said that …": the source is the "who" (as PolNeAR marks it) and names
    the one before it; "Trump's claim that …": the owner of the speech noun."""
    text = att.text
    window = max(floor, cue.span.start - 40)
    m = _RELATIVE.search(text, window, cue.span.start) \
        if _may_hold(text, window, cue.span.start, ("who", "which")) else None
    if m is not None:
        before = [c for c in att.mentions_in(floor, m.start()) if c.span.end <= m.start()]
        if before and before[-1].kind == "name" and \
                not text[before[-1].span.end : m.start()].strip(" ,"):
            who = Span(m.start(), m.start() + len(m.group().split()[0]))
            ante = before[-1]
            return Mention(who, text[who.start : who.end], "name", gender=ante.gender,
                           head=ante.head, etype=ante.etype, title=ante.title)
    owners = [c for c in att.mentions_in(window, cue.span.start)
              if c.possessive and c.kind == "name" and c.span.end <= cue.span.start]
    if owners and not text[owners[-1].span.end : cue.span.start].strip(" ’'s"):
        return owners[-1]  # "Trump’s claim that"
    return None


def _cue_last(att: Attributor, cue: Cue, body: Span) -> Reported | None:
    """``CONTENT, SPEAKER CUE [adjuncts].`` or ``CONTENT, CUE SPEAKER [adjuncts].``"""
    text = att.text
    comma = text.rfind(",", body.start, cue.span.start)
    if comma < 0:
        return None
    gap = comma + 1
    if gap < cue.span.start and text[gap] in "”’\"'»":
        gap += 1  # '“…,” the harbour master said': the comma closes a quotation
    seg = text[gap : cue.span.start]
    if any(ch in seg for ch in ";:\"“”") or _at_least(text, cue.span.end, body.end, 11):
        return None
    between = _at_least(text, gap, cue.span.start, 1)
    if between and _at_least(text, gap, cue.span.start, 7):
        return None
    if between:
        speaker = att.subject_before(cue, gap)
        if speaker is None:
            speaker = att._source_subject(gap, cue)
    else:
        speaker = att.first_mention_after(cue.span.end, body.end) or \
            att.noun_phrase(cue.span.end, body.end)
        if speaker is not None and speaker.text.split()[0].lower() in nonname_words():
            speaker = None  # "…, said Tuesday": a day, not a source
    if speaker is None:
        return None
    content = _trim(text, body.start, comma)
    if content is None or not _at_least(text, content.start, content.end, _MIN_WORDS):
        return None
    return Reported("indirect", content, speaker, None, cue, ())


def _according_to(att: Attributor, cue: Cue, body: Span) -> Reported | None:
    """``According to SOURCE, CONTENT`` or ``CONTENT, according to SOURCE``."""
    text = att.text
    source = att.noun_phrase(cue.span.end, body.end)
    if source is None:
        return None
    if att.only_filler(body.start, cue.span.start) or cue.span.start == body.start:
        comma = text.find(",", source.span.end, body.end)
        if comma < 0 or _at_least(text, source.span.end, comma, 9):
            return None
        content = _trim(text, comma + 1, body.end)
    else:
        cut = cue.span.start
        while cut > body.start and text[cut - 1] in " ,\t\n":
            cut -= 1
        content = _trim(text, body.start, cut)
    if content is None or not _at_least(text, content.start, content.end, _MIN_WORDS):
        return None
    return Reported("indirect", content, source, None, cue, ())


def _with_quotes(text: str, r: Reported, inside: Sequence[QuoteSpan],
                 index: _DirectIndex) -> Reported | None:
    """A content that is one direct quotation stays direct (None); one holding quoted words
    is mixed and absorbs those quotations' direct records."""
    c = r.content
    # a title in quotation marks ("it would be called “The Hilaria Show”") quotes nobody
    held = [q for q in inside if q.start < c.end and q.end > c.start
            and not is_title_like(content_words(text, q.parts))]
    if not held:
        return r
    cut = _foreign_attribution(text, r, held, index)
    if cut is not None:
        # 'X noted that … ― Trump boasted, “That makes me smart.”': the content ends before
        # another attribution that stage 5 made of a quotation
        trimmed = _trim(text, c.start, cut)
        if trimmed is None or not _at_least(text, trimmed.start, trimmed.end, _MIN_WORDS):
            return None
        r = Reported(r.kind, trimmed, r.speaker, r.addressee, r.cue, ())
        c = trimmed
        held = [q for q in held if q.start < c.end and q.end > c.start]
        if not held:
            return r
    if len(held) == 1 and _covers(text, held[0], c):
        return None
    first = held[0]
    lead = text[c.start : first.start].rstrip()
    introduced = not lead or lead.endswith((",", ":", "—", "--"))
    own = index.at(first.start)
    if introduced and own is not None and own.cue is not None and own.cue.span == r.cue.span:
        # 'saying, “…”', '“…,” Cyril, the director of …, told': a quotation introduced as
        # such, which stage 5 attributes by this very cue
        return None
    whole = next((q for q in held if not _fragment(text, q, r.cue, index)), None)
    if whole is not None:
        # a quotation of its own (long, or a sentence, or attributed by another cue) is no
        # fragment: the reported content ends before it
        marks = [m.start() for m in _CLAUSE_MARK.finditer(text, c.start, whole.start)]
        trimmed = _trim(text, c.start, marks[-1] if marks else whole.start)
        if trimmed is None or not _at_least(text, trimmed.start, trimmed.end, _MIN_WORDS):
            return None
        return _with_quotes(text, Reported(r.kind, trimmed, r.speaker, r.addressee, r.cue,
                                           ()), held, index)
    start = min(c.start, *(q.start for q in held))
    end = max(c.end, *(q.end for q in held))
    absorbs = tuple(i for q in held if (i := index.by_start.get(q.start)) is not None)
    return Reported("mixed", Span(start, end), r.speaker, r.addressee, r.cue, absorbs)


_FRAGMENT_WORDS: Final = 15


def _fragment(text: str, q: QuoteSpan, cue: Cue, index: _DirectIndex) -> bool:
    """Quoted words a reported clause may hold: short, no sentence inside, and not a
    quotation stage 5 attributes by another cue."""
    words = sum(len(_WORD.findall(text, p.start, p.end)) for p in q.parts)
    if words > _FRAGMENT_WORDS or sentence_ends(text, q.parts[0].start, q.parts[-1].end - 1):
        return False
    d = index.at(q.start)
    return d is None or d.cue is None or d.cue.span == cue.span


_CLAUSE_MARK: Final = regex.compile(r"[,;:—―–]|--")


def _foreign_attribution(text: str, r: Reported, held: Sequence[QuoteSpan],
                         index: _DirectIndex) -> int | None:
    """Where the content must end when a quotation in it is attributed by another cue that
    lies inside the content: at the last clause mark before that attribution."""
    c = r.content
    for q in held:
        d = index.at(q.start)
        if d is None or d.cue is None or d.cue.span == r.cue.span or \
                not c.start < d.cue.span.start < c.end:
            continue
        begin = min(q.start, d.cue.span.start,
                    d.speaker.span.start if d.speaker is not None else q.start)
        marks = [m.start() for m in _CLAUSE_MARK.finditer(text, c.start, begin)]
        return marks[-1] if marks else c.start
    return None


def _covers(text: str, q: QuoteSpan, c: Span) -> bool:
    """Whether quotation ``q`` is all of content ``c`` (give or take marks and punctuation)."""
    rest = text[c.start : q.start] + text[q.end : c.end]
    return not _WORD.search(rest)


# where a reported clause ends before its sentence does: a semicolon, a dash, ", but",
# ", which", ", saying" (a new attribution), "and said" (a second verb of the speaker's)
_CLAUSE_END: Final = regex.compile(
    r";|\s[—―]\s|\s--\s|,\s+(?:but|who|which|while|although|though|until|saying|adding|"
    r"noting|arguing|citing|calling|according)(?![\w’'-])"
    r"|,\s+and\s+(?:by|on|at|in|after|before|when|then|now)(?![\w’'-])"
    r"|\s(?:and|but)\s+(?:\p{Ll}+ly\s+)?(?P<verb>\p{Ll}+)(?![\w’'-])")


def _clause_end(text: str, start: int, end: int) -> int:
    """The end of the reported clause that opens at ``start`` (``end`` at the latest).

    The first match of ``_CLAUSE_END.finditer`` whose verb (if any) is a reporting form, found
    without a search that tries the pattern at every offset: ``_CLAUSE_END`` is tried only
    where it can match (see :func:`_clause_end_at`), and after a match whose verb is no
    reporting form the scan goes on from its end, as ``finditer`` does."""
    forms = reported_cue_forms()
    pos = start
    while (at := _clause_end_at(text, pos, end)) >= 0:
        m = _CLAUSE_END.match(text, at, end)
        if m is None:
            pos = at + 1
            continue
        verb = m.group("verb")
        if verb is None or verb in forms:
            return at
        pos = m.end()
    return end


def _clause_end_at(text: str, pos: int, end: int) -> int:
    """The first offset in ``text[pos:end]`` where a match of ``_CLAUSE_END`` may start, or
    -1: a ";" or ",", or the white space before "—", "―", "--", "and" or "but" (the pattern is
    case-sensitive). ``str.find`` reads the window much faster than the regex engine does. A
    letter or digit is never white space (Unicode White_Space, what the regex module's
    ``\\s`` means): "hand", "rebut" and "well—known" are passed over here."""
    best = -1
    for mark in (";", ","):
        i = text.find(mark, pos, end if best < 0 else best)
        if i >= 0:
            best = i
    for word in ("—", "―", "--", "and", "but"):
        i = text.find(word, pos + 1, end)
        while i >= 0 and text[i - 1].isalnum():
            i = text.find(word, i + 1, end)
        if i >= 0 and (best < 0 or i - 1 < best):
            best = i - 1
    return best


def _adjunct(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is nothing, or a phrase of where, when or how ("on
    Tuesday", "in a statement", "publicly") rather than a subject."""
    first = _WORD.search(text, start, end)
    if first is None:
        return True
    w = first.group().lower()
    return w in _ADJUNCT_OPENERS or (w.endswith("ly") and w.isalpha())


_N_WORDS: Final[dict[int, re.Pattern[str]]] = {}  # _n_words(n) by n, made on first use


# Every character that an IGNORECASE pattern of the regex module matches with an ASCII
# letter lowers (str.lower) to that letter, except these two ("İ" matches "i", "ſ" matches
# "s"): tests/test_reported_speed.py checks it over all of Unicode.
_FOLDS_APART: Final = ("\u0130", "\u017f")


def _may_hold(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether ``text[start:end]`` may hold one of ``words`` (lower-case ASCII) as an
    IGNORECASE pattern of the regex module reads them. When it cannot, a search for the
    pattern, which the engine tries at every offset of the window, is skipped: a match is
    a run of characters that each lower to a letter of the word (or one of _FOLDS_APART),
    so the lowered window would hold the word."""
    window = text[start:end]
    low = window.lower()
    return any(w in low for w in words) or any(c in window for c in _FOLDS_APART)


def _at_least(text: str, start: int, end: int, n: int) -> bool:
    """Whether ``text[start:end]`` holds ``n`` words or more (stops counting at ``n``)."""
    pattern = _N_WORDS.get(n)  # a dictionary, not a call through functools.cache
    if pattern is None:
        pattern = _N_WORDS[n] = _n_words(n)
    return pattern.match(text, start, end) is not None


def _n_words(n: int) -> re.Pattern[str]:
    r"""``n`` words of :data:`attribute._WORD` in a row, whatever lies between them: one
    match in C instead of a Python loop over the words. The quantifiers are possessive, so
    the engine never splits a word in two to make up the count.

    A word is a letter or digit, then the rest of its run of letters, digits and ’'.-:
    ``[^\W_](?:[^\W_]|[’'.\-])*+``. The two classes share no character, so that run is
    matched as runs of each class in turn, ``[^\W_]++(?:[’'.\-]++[^\W_]*+)*+``, which the
    engine reads a class at a time instead of trying two branches at every character."""
    return re.compile(rf"(?:[\W_]*+[^\W_]++(?:[’'.\-]++[^\W_]*+)*+){{{n}}}")


def _trim(text: str, start: int, end: int) -> Span | None:
    # most windows open on plain spaces or a letter: the regex engine is asked only when
    # something else opens them (a letter or digit is never white space, so _LEAD stops there)
    while start < end and text[start] == " ":
        start += 1
    if start < end and not text[start].isalnum():
        m = _LEAD.match(text, start, end)
        if m is not None:
            start = m.end()
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return Span(start, end) if end > start else None
