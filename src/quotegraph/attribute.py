"""Stage 5: attribution — which cue and which mention go with each quotation.

Deterministic sieves, high precision first (after Muzny et al. 2017):

1. *before, tight*: ``SPEAKER CUE [ADDRESSEE] [,:] “…”`` with the cue right before the mark;
2. *after*: ``“…,” CUE SPEAKER`` or ``“…,” SPEAKER [, appositive,] CUE [ADDRESSEE]``;
3. *before, loose*: a cue earlier in the sentence (``by telling his wife, “…”``);
4. *colon paragraph*: a paragraph ending in ``CUE:`` introduces the quote paragraph after it.

Quotes that share one attribution clause are merged into a split quotation; quoted titles,
names and scare quotes are dropped. Only mentions are chosen here; which entity a mention
refers to is decided by :mod:`quotegraph.resolve`, and the conventions that need entities
(continuation, turn alternation, exchange addressees) run after that, in
:func:`quotegraph.resolve.conventions`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import regex

from . import lexicon
from .cuefeatures import word_tags
from .mentions import anonymous_at, find_mentions, nonname_words, speech_nouns
from .records import Cue, Mention, QuoteKind, QuoteSpan, Span
from .text import first_sentence_end_after, sentence_start_before

# Words that may stand between a subject and its cue ("she later told", "he had said").
_GOVERNED: Final = regex.compile(r"(?<![\w’'-])(?:for|of|at|with|to|from|close)(?![\w’'-])")
_FILLER: Final = frozenset(
    """also later then again once simply just quickly finally only still even further
    has had have would will was is were be been being did does do and but then had
    immediately calmly quietly angrily flatly bluntly softly loudly sharply""".split()
)
_SMALL_WORDS: Final = frozenset(
    "of the a an and in on for to at with by from or nor de la le".split())
_NAMING_CUES: Final = frozenset("called named titled dubbed entitled nicknamed known as".split())
_WORD: Final = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'\-.]*")
# A lowercase word that may describe a speaker before the name: "parks director", "9/11 widow"
_ROLE_WORD: Final = regex.compile(r"[\p{Ll}\d][\p{Ll}\d/\-’']*")
_WAS_WERE: Final = regex.compile(r"(?:was|were|came)\s+")
_OWNED_NOUN: Final = regex.compile(r"(?:’s|'s|’|')?\s+(?:[\p{Ll}\-]+\s+)?(?P<noun>[\p{Ll}]+)")
_DETERMINER_AT: Final = regex.compile(r"(?<![\w’'-])(?:the|a|an|this|that|its|their|it)(?![\w’'-])")
_DETERMINERS: Final = frozenset(
    "the a an this that these those his her its their our my your".split())
_PARENTHESIS: Final = regex.compile(r"\s*\([^()\n]{1,40}\)\s*")
# "Mitch McConnell, R-Ky., said": party and state between commas, as a parenthesis
_PARTY: Final = regex.compile(r"\s*,\s*[RDI]-[A-Z][A-Za-z.]{0,8},\s*")
_POSTMODIFIER: Final = regex.compile(
    r"\s+(?:of|from|at|with)\s+(?:the\s+)?\p{Lu}[\p{L}’'\-.&]*(?:\s+\p{Lu}[\p{L}’'\-.&]*){0,5}"
    r"\s*")
_SOURCE_NP: Final = regex.compile(
    r"\s*(?:(?:the|a|an|this|that|its|their)\s+(?:[\p{L}\-]+\s+){0,3}(?P<head>[\p{Ll}\-]+)"
    r"|(?P<head>it))(?![\w’'-])")
_LEAD_NP: Final = regex.compile(
    r"(?:the|a|an|his|her|their)\s+[\p{Ll}’'\-]+(?:\s+[\p{Ll}’'\-]+){0,4},\s*")
_APPOSITION_GAP: Final = regex.compile(r"\s+|[’'\s\p{Ll}\-]{0,40},\s*(?:[\p{Ll}\-]+\s+){0,2}")
_TO_AT: Final = {k: regex.compile(rf"\b{k}\s+", regex.IGNORECASE) for k in ("to", "at")}
# Words that open a clause (or negate an infinitive) between a cue and a "to"
_CLAUSE_OPENERS: Final = frozenset({"who", "whom", "which", "that", "whose", "not", "declined",
                                    "refused", "wanted", "agreed", "tried"})
_DASH_SIGNATURE: Final = regex.compile(r"\s*[―—–\-]{1,2}[ \t\xa0]*")
_PREPOSITIONS: Final = frozenset(
    """to of with for from by at in on about into against toward towards like than over
    under after before during without between among including""".split()
)
_CLAUSE_CUT: Final = regex.compile(r"[,;]")
_OF_BEFORE: Final = regex.compile(r"\s(?:of|from)\s+(?:the\s+)?\Z")
_AND: Final = regex.compile(r"(?<![\w’'-])(?:and|but)(?![\w’'-])")
_OBJECT_PRONOUNS: Final = frozenset("him her them me us it".split())
_NP_STOP: Final = frozenset(
    """on in at during after before about that as when while if because with for from since
    by over outside inside near this last next and but or who which where then
    he she they we it i whether how why what""".split()  # "told the committee he would …"
)


def _is_filler(word: str) -> bool:
    """Auxiliaries and adverbs ("had", "later", "flatly"): never a capitalised name
    ("Mullally")."""
    low = word.lower()
    return low in _FILLER or (word.islower() and low.endswith("ly"))


def to_cue(m: lexicon.CueMatch) -> Cue:
    return Cue(Span(m.start, m.end), m.text, m.entry.lemma, m.entry.manner)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Local:
    """What stage 5 decided for one quotation, before entities are known."""

    quote: QuoteSpan
    speaker: Mention | None
    addressee: Mention | None
    cue: Cue | None
    sieve: str  # before | after | loose | colon | none
    paragraph: int  # where the quotation starts
    last_paragraph: int  # where it ends (a multi-paragraph quotation ends later)
    starts_paragraph: bool
    kind: QuoteKind = "direct"  # indirect and mixed ones come from stage 5b (reported.py)

    def __init__(self, quote: QuoteSpan, speaker: Mention | None, addressee: Mention | None,
                 cue: Cue | None, sieve: str, paragraph: int, last_paragraph: int,
                 starts_paragraph: bool, kind: QuoteKind = "direct") -> None:
        object.__setattr__(self, "quote", quote)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "addressee", addressee)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "sieve", sieve)
        object.__setattr__(self, "paragraph", paragraph)
        object.__setattr__(self, "last_paragraph", last_paragraph)
        object.__setattr__(self, "starts_paragraph", starts_paragraph)
        object.__setattr__(self, "kind", kind)


@dataclass(frozen=True, slots=True)
class _Found:
    speaker: Mention | None
    addressee: Mention | None
    cue: Cue | None
    tight: bool
    clause: Span

    def __init__(self, speaker: Mention | None, addressee: Mention | None, cue: Cue | None,
                 tight: bool, clause: Span) -> None:
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "addressee", addressee)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "tight", tight)
        object.__setattr__(self, "clause", clause)


class Attributor:
    """Attribution for one article; holds the text, the mentions and the paragraphs."""

    def __init__(self, text: str, paras: Sequence[Span], mentions: Sequence[Mention]) -> None:
        self.text = text
        self.paras = paras
        self.para_starts = [p.start for p in paras]
        self.mentions = mentions
        self.mention_starts = [m.span.start for m in mentions]
        self.cue_table = lexicon.cues()

    # -- small helpers -------------------------------------------------------------------
    def para_of(self, pos: int) -> int:
        return max(0, bisect_left(self.para_starts, pos + 1) - 1)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].span.start < end:
            if self.mentions[i].span.end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def cues_in(self, start: int, end: int) -> list[Cue]:
        found = lexicon.find_cues(self.text, start, end)
        if not found:
            return []
        names = [m.span for m in self.mentions_in(start, end) if m.kind == "name"]
        return [to_cue(m) for m in found
                if not any(n.start <= m.start < n.end for n in names)
                and not self._after_determiner(m.start)]

    def _after_determiner(self, pos: int) -> bool:
        """"the report said": after a determiner a cue word is a noun."""
        before = self.text[max(0, pos - 8) : pos].split()
        return bool(before) and before[-1].lower() in _DETERMINERS

    def words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(self.text, start, end)]

    def only_filler(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` holds only filler words and light punctuation; a
        parenthesis ("Rep. John Mica (R-Fla.) said") or a postmodifier naming where the
        speaker is from ("Mr. Morgan of the Sierra Club said") counts as filler too."""
        seg = self.text[start:end]
        # each expression only where the characters it needs are there: most gaps are a
        # space or a few words, and a call into the regex module costs more than the test
        if "(" in seg:
            seg = _PARENTHESIS.sub(" ", seg)
        if "-" in seg and "," in seg:
            seg = _PARTY.sub(" ", seg)
        if ("of" in seg or "from" in seg or "at" in seg or "with" in seg) and \
                _POSTMODIFIER.fullmatch(seg):
            return True
        if any(ch in seg for ch in ".!?;:\"“”"):
            return False
        return all(_is_filler(w) for w in _WORD.findall(seg))

    # -- addressees ----------------------------------------------------------------------
    def addressee_after(self, cue: Cue, end: int, skip_to: int = 0) -> Mention | None:
        """The addressee a cue takes, looked for in ``text[cue.end:end]`` (after the speaker
        for "asked Beatrice Lomax, …": a cue-first speaker is not its own addressee)."""
        entry = self.cue_table.get(" ".join(cue.text.lower().split()))
        kind = entry.addressee if entry else "none"
        start = max(cue.span.end, skip_to)
        if kind == "object" and start == cue.span.end:
            return self.noun_phrase(start, end)
        if kind in ("to", "at"):
            m = _TO_AT[kind].search(self.text, start, min(end, start + 60))
            if m and self.only_filler_or_np(start, m.start()):
                return self.noun_phrase(m.end(), end)
        return None

    def only_filler_or_np(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` (between a cue and its "to"/"at") is only filler or a
        short noun phrase. A clause opening there owns the "to" ("said one mother, who asked
        not to be named"), so the cue has no addressee after it."""
        seg = self.text[start:end]
        if any(ch in seg for ch in ".!?;\"“”"):
            return False
        words = self.words(start, end)
        return len(words) <= 5 and not any(w[2].lower() in _CLAUSE_OPENERS for w in words)

    def noun_phrase(self, start: int, end: int) -> Mention | None:
        """A mention, or else a short noun phrase, starting right after ``start``."""
        while start < end and self.text[start] in " \t\n":
            start += 1
        for m in self.mentions_in(start, min(end, start + 40)):
            if not m.possessive and (m.span.start == start or (m.kind == "name" and
                                     self._only_determiner(start, m.span.start))):
                if m.kind == "name" and m.etype != "person" and \
                        self.text[start : m.span.start].lower() == "the ":
                    return Mention(Span(start, m.span.end), self.text[start : m.span.end],
                                     "nominal", head=m.head, etype="organization")
                return m
            break
        for a in anonymous_at(self.text, start, min(end, start + 80)):
            if a.span.start == start:
                return a
        words = self.words(start, min(end, start + 80))
        if not words or words[0][0] != start:
            return None
        taken: list[tuple[int, int, str]] = []
        for w in words:
            low = w[2].lower()
            if low in _NP_STOP or (taken and self.text[taken[-1][1]:w[0]].strip()):
                break
            if not taken and (low in self.cue_table or low in ("that", "it", "me", "us")):
                return None
            taken.append(w)
            if len(taken) == 5:
                break
        if not taken:
            return None
        s, e = taken[0][0], taken[-1][1]
        if self.text[e - 1] == ".":
            e -= 1
        if taken[-1][2].lower() in _SMALL_WORDS:
            return None
        head = taken[-1][2].lower().rstrip(".")
        plural = head.endswith("s") and not head.endswith("ss")
        first_upper = any(w[2][:1].isupper() for w in taken)
        return Mention(Span(s, e), self.text[s:e], "nominal",
                         number="plural" if plural else "singular", head=head,
                         etype="organization" if first_upper else (
                             "group" if plural else "unknown"))

    # -- sieves --------------------------------------------------------------------------
    def subject_before(self, cue: Cue, floor: int) -> Mention | None:
        """The mention that is the subject of ``cue``: right before it (across filler and
        other cues: "she jumped in and said"), else the first subject-like mention."""
        cands = self._subject_candidates(floor, cue.span.start)
        if not cands:
            return None
        pos = cue.span.start
        subject, listed = self._clause_subject(cands, floor, pos)
        for c in reversed(cands):
            gap_ok = self.only_filler(c.span.end, pos) or self._cue_chain(c.span.end, pos)
            if c.span.end <= pos and gap_ok and not c.possessive:
                gap = self.text[c.span.end : pos]
                if "," in gap and (listed or (subject is not None and subject is not c)):
                    break  # "Mrs Smith, glancing at Tobias, said"; "Ada, Bruno, and Celia"
                if c is not cands[0] and c.kind != "pronoun" and _AND.search(gap):
                    break  # "Machado promised to support Clinton and said": Machado said
                return self._appositive_head(self._owner_of_place(c, cands), cands)
            if c.span.end <= pos:
                break
        if subject is not None:
            return self._appositive_head(subject, cands)
        # an appositive between subject and cue: "Ben Adler, a former engineer ..., said"
        first = cands[0]
        between = self.text[first.span.end : pos]
        if between.lstrip().startswith(",") and between.rstrip().endswith(",") and \
                not any(ch in between for ch in ".!?;\"“”"):
            return self._appositive_head(first, cands)
        # the sentence subject: first mention not governed by a preposition
        found = self._first_subject(cands, floor, pos)
        return self._appositive_head(found, cands) if found is not None else None

    def _subject_candidates(self, floor: int, pos: int) -> list[Mention]:
        """Mentions and anonymous-source phrases in ``text[floor:pos]``, in text order."""
        anon = anonymous_at(self.text, floor, pos)
        found = self.mentions_in(floor, pos)
        if anon:
            # "many Democrats": the unnamed source, not the name inside its phrase
            # (a name after "for", "of", "at" is whom the source speaks for: it stays)
            found = [c for c in found if not any(
                a.span.start <= c.span.start and c.span.end <= a.span.end and
                c.span.end - c.span.start < a.span.end - a.span.start and
                not _GOVERNED.search(self.text, a.span.start, c.span.start) for a in anon)]
        return sorted(found + anon, key=lambda c: c.span.start)

    def _owner_of_place(self, c: Mention, cands: Sequence[Mention]) -> Mention:
        """"Mayor Jo Hart of Brixham said": the person before "of", not the place."""
        m = _OF_BEFORE.search(self.text, max(0, c.span.start - 12), c.span.start)
        if m is None:
            return c
        for d in cands:
            if d.span.end <= m.start() and d.kind == "name" and d.etype == "person" and \
                    not self.text[d.span.end : m.start()].strip():
                return d
        return c

    def _first_subject(self, cands: Sequence[Mention], floor: int, pos: int) -> Mention | None:
        for c in cands:
            before = self.text[max(floor, c.span.start - 12) : c.span.start].lower().split()
            if before and before[-1] in _PREPOSITIONS:
                continue
            if c.possessive or (c.kind == "anonymous" and c.span.end > pos):
                continue
            if c.weak and c.kind == "name" and c.head.lower().endswith(("ed", "ing", "ly")):
                continue  # "Based on …, Sanders said": an opening word, not a name
            if c.weak and c.kind == "name":
                np = self._modified_noun(c, pos)
                if np is not None:
                    return np  # "Civil rights activists said": an adjective, not a name
            return c
        return None

    def _modified_noun(self, c: Mention, pos: int) -> Mention | None:
        """The noun phrase a lone sentence-opening capitalised word (no first name)
        modifies, when common nouns (by the silver tag table) follow it up to ``pos``:
        "Twelve percent said", "Civil rights activists said"; else None."""
        tags = word_tags()
        end = -1
        for m in _WORD.finditer(self.text, c.span.end, pos):
            if self.text[c.span.end if end < 0 else end : m.start()].strip():
                break  # a comma or a mark between: the phrase has ended
            tag = tags.get(m.group())
            if not m.group()[:1].islower() or tag not in ("NN", "NNS", "JJ"):
                break
            if tag != "JJ":
                end = m.end()
            elif end >= 0:
                break  # an adjective after the noun belongs to what follows
        if end < 0 or self.text[end:pos].strip() or lexicon.is_first_name(c.head):
            return None  # the phrase must stand right before the cue ("Anne half smiled")
        head = self.text[c.span.start:end].split()[-1].lower()
        return Mention(Span(c.span.start, end), self.text[c.span.start:end], "nominal",
                       head=head, number="plural" if head.endswith("s") else "singular",
                       etype="unknown")

    def sentence_subject(self, floor: int, pos: int) -> Mention | None:
        """The subject of the sentence opening at ``floor``: its first mention (before
        ``pos``) that no preposition governs."""
        cands = self._subject_candidates(floor, pos)
        c = self._first_subject(cands, floor, pos)
        return self._appositive_head(c, cands) if c is not None else None

    def _clause_subject(self, cands: Sequence[Mention], floor: int,
                        pos: int) -> tuple[Mention | None, bool]:
        """The subject standing alone between commas before interjected phrases: "Mrs Smith,
        sighing over it as she unlocked it, said", "and the Admiral, fearing he might not
        have been civil enough, took up the subject again, to say", "from Mary, who, on
        having occasion to note down the day, exclaimed".

        Returns the subject (or None) and whether the segments before the cue are a list
        ("thanked Ada, Bruno, and Celia, and said"), whose last item is no subject."""
        text = self.text
        cuts = [floor - 1] + [m.start() for m in _CLAUSE_CUT.finditer(text, floor, pos)] + [pos]
        if len(cuts) < 3:
            return None, False
        found: Mention | None = None
        for k in range(len(cuts) - 2, 0, -1):  # segments before the cue's own, last first
            seg_start, seg_end = cuts[k - 1] + 1, cuts[k]
            inside = [c for c in cands if seg_start <= c.span.start and c.span.end <= seg_end]
            if found is None and k > 1 and text[seg_start:seg_end].strip() == "who":
                # "Perpetua, who, on reaching the door, exclaimed"
                prev = [c for c in cands if cuts[k - 2] < c.span.start and
                        c.span.end <= cuts[k - 1]]
                if prev and not text[prev[-1].span.end : cuts[k - 1]].strip(" ’'s"):
                    return prev[-1], False
            bare = self._bare_subject(inside, seg_start, seg_end)
            if found is not None:
                return (None, True) if bare is not None else (found, False)
            found = bare
        return found, False

    def _bare_subject(self, inside: Sequence[Mention], start: int,
                      end: int) -> Mention | None:
        """The mention that makes up a clause segment alone ("and Mrs Smith"), or the one a
        trailing "who" refers to ("a whisper of Mrs Musgrove's who")."""
        if not inside:
            return None
        c = inside[-1]
        tail = self.text[c.span.end : end].strip().lower()
        if tail in ("who", "’s who", "'s who") or (c.possessive and tail == "who"):
            return c
        if tail or c.possessive or c.head in _OBJECT_PRONOUNS or c.kind == "anonymous":
            return None
        head = self.text[start : c.span.start]
        return c if all(_is_filler(w) for w in _WORD.findall(head)) and \
            not any(ch in head for ch in ".!?\"“”") else None

    def _cue_chain(self, start: int, end: int) -> bool:
        """"jumped in and", "turned and": other cues and filler between subject and cue."""
        seg = self.text[start:end]
        if any(ch in seg for ch in ".!?;\"“”,"):
            return False
        spans = [(m.start - start, m.end - start)
                 for m in lexicon.find_cues(self.text, start, end)]
        for s, e in reversed(spans):
            seg = seg[:s] + " " + seg[e:]
        return all(_is_filler(w) for w in seg.split())

    def _appositive_head(self, c: Mention, cands: Sequence[Mention]) -> Mention:
        """"Hale's attorney, Sandra Obi, said" → Sandra Obi."""
        if c.kind in ("nominal", "organization", "group") or c.possessive:
            for d in cands:
                if d.span.start > c.span.end and d.kind == "name":
                    # "Hale's attorney, Sandra Obi", "my neighbour Carl Dunning", "the
                    # residents’ association chair, Helena Marsh"
                    gap = self.text[c.span.end : d.span.start]
                    if _APPOSITION_GAP.fullmatch(gap):
                        return d
                    break
        if c.kind == "name" and c.possessive:
            for d in cands:
                if d.span.start >= c.span.end and d.kind == "nominal" and \
                        d.possessor is not None and d.possessor.start == c.span.start:
                    return d
        return c

    def before(self, q: QuoteSpan, floor: int) -> _Found | None:
        """``SPEAKER CUE [ADDRESSEE] [,:] “…”`` within the sentence before the quote."""
        text = self.text
        start = sentence_start_before(text, q.start, floor)
        end = q.start
        tail = end
        while tail > start and text[tail - 1] in " \t\n":
            tail -= 1
        # the punctuation that introduces the quote: ",", ":", a dash, or "--" (",--")
        gap_end = tail
        while gap_end > start and text[gap_end - 1] in ",:—–-":
            gap_end -= 1
        run = text[gap_end:tail]
        punct = ":" if ":" in run else ("," if run else "")  # a dash introduces like a comma
        cues = self.cues_in(start, gap_end)
        if not cues:
            return None
        cue = cues[-1]
        if cue.lemma in _NAMING_CUES:
            return None
        gap_words = self.words(cue.span.end, gap_end)
        limit = 12 if punct == ":" else 8
        if len(gap_words) > limit or any(ch in text[cue.span.end : gap_end]
                                         for ch in ".!?;\"“”"):
            return None
        tight = punct == ":" or (punct == "," and len(gap_words) <= 6) or (
            not gap_words and punct == "")
        speaker = self.subject_before(cue, start)
        if speaker is None and self.only_filler(start, cue.span.start):
            # inverted before the quote: "Said Ellis: “…”"
            speaker = self.first_mention_after(cue.span.end, gap_end)
            if speaker is not None:
                return _Found(speaker, None, cue, tight, Span(start, tail))
        if speaker is None and tight:
            # a source that is no mention: "the announcer said, “…”"
            speaker = self._source_subject(start, cue, anywhere=True)
        if speaker is None:
            return None
        addressee = self.addressee_after(cue, gap_end)
        return _Found(speaker, addressee, cue, tight, Span(start, tail))

    def after(self, q: QuoteSpan, ceiling: int) -> _Found | None:
        """``“…,” CUE SPEAKER`` or ``“…,” SPEAKER CUE`` right after the quote."""
        text = self.text
        ws = q.end
        while ws < ceiling and text[ws] in " \t\n,—–":
            ws += 1
        if ws >= ceiling:
            return None
        end = first_sentence_end_after(text, ws, ceiling)
        dashed = self.dash_signature(q.end, ceiling) or self.speech_noun(ws, end)
        if dashed is not None:
            return dashed
        cues = self.cues_in(ws, min(end, ws + 160))
        if not cues:
            return None
        cue = cues[0]
        if cue.span.start == ws or self.only_filler(ws, cue.span.start):
            speaker = self.first_mention_after(cue.span.end, end) or self.source_np(
                cue.span.end, end)
            if speaker is None:
                return None
            found_end = speaker.span.end
        else:
            speaker = self._subject_after(ws, cue) or self._source_subject(ws, cue)
            if speaker is None:
                return None
            found_end = cue.span.end
        addressee = self.addressee_after(cue, end, skip_to=found_end)
        if addressee is not None:
            found_end = max(found_end, addressee.span.end)
        return _Found(speaker, addressee, cue, True, Span(ws, max(found_end, cue.span.end)))

    def _subject_after(self, ws: int, cue: Cue) -> Mention | None:
        """The subject of ``“…,” SUBJECT CUE``: a mention opening the clause, through
        appositives ("Ben Adler, a former engineer …, said") and premodifiers ("Trump lawyer
        Marc Kasowitz said")."""
        text = self.text
        cands = sorted(self.mentions_in(ws, cue.span.start)
                       + anonymous_at(text, ws, cue.span.start), key=lambda c: c.span.start)
        if not cands:
            return None
        subject = cands[0]
        if subject.span.start != ws and not self._only_determiner(ws, subject.span.start):
            lead = text[ws : subject.span.start]
            # a lowercase description before an appositive name: "the residents’
            # association chair, Helena Marsh, wrote"
            if not (_LEAD_NP.fullmatch(lead) and subject.kind == "name"
                    and text[subject.span.end : subject.span.end + 1] == ","):
                return None
        subject = self._premodified(self._appositive_head(subject, cands), cands, cue)
        between = text[subject.span.end : cue.span.start]
        if not (self.only_filler(subject.span.end, cue.span.start)
                or self._cue_chain(subject.span.end, cue.span.start)
                or (between.lstrip().startswith(",") and between.rstrip().endswith(",")
                    and not any(ch in between for ch in ".!?;\"“”"))):
            return None
        return self._appositive_head(subject, cands)

    def _source_subject(self, ws: int, cue: Cue, *, anywhere: bool = False) -> Mention | None:
        """"the book said", "the presumptive Republican nominee told": a source phrase that is
        no mention, right before the cue; it opens the clause at ``ws`` unless ``anywhere``
        ("As a phone rang, the announcer said, “…”")."""
        if not anywhere:
            np = self.source_np(ws, cue.span.start)
            return np if np is not None and self.only_filler(np.span.end,
                                                             cue.span.start) else None
        for m in _DETERMINER_AT.finditer(self.text, ws, cue.span.start):
            np = self.source_np(m.start(), cue.span.start)
            if np is not None and self.only_filler(np.span.end, cue.span.start):
                return np
        return None

    def _premodified(self, subject: Mention, cands: Sequence[Mention],
                     cue: Cue) -> Mention:
        """"Trump lawyer Marc Kasowitz said", "IMF chief economist Maury Obstfeld said": the
        last name before the cue, when only words without punctuation lead up to it."""
        if self.only_filler(subject.span.end, cue.span.start):
            return subject
        names = [c for c in cands if c.kind == "name" and c.span.end <= cue.span.start]
        if not names:
            return subject
        last = names[-1]
        lead = self.text[subject.span.start : last.span.start]
        if last is not subject and self.only_filler(last.span.end, cue.span.start) and \
                not any(ch in lead for ch in ",.;:!?\"“”") and len(lead.split()) <= 6:
            return last
        return subject

    def dash_signature(self, pos: int, ceiling: int) -> _Found | None:
        """“…” ― Carlos Ruiz: a dash and a name closing the paragraph sign the quote."""
        m = _DASH_SIGNATURE.match(self.text, pos, ceiling)
        if m is None:
            return None
        for c in self.mentions_in(m.end(), ceiling):
            if c.span.start == m.end() and c.kind == "name":
                rest = self.text[c.span.end : ceiling]
                if not rest.strip().strip(".") or rest.lstrip().startswith(","):
                    dash = regex.search(r"[―—–\-]+", m.group())
                    assert dash is not None  # the pattern requires one
                    cue = Cue(Span(m.start() + dash.start(), m.start() + dash.end()),
                              dash.group(), "dash", "neutral")
                    return _Found(c, None, cue, True, Span(m.start(), c.span.end))
            break
        return None

    def source_np(self, start: int, end: int) -> Mention | None:
        """A source that is no person: "the ruling", "the book", "it", "this report"."""
        m = _SOURCE_NP.match(self.text, start, min(end, start + 60))
        if m is None:
            return None
        head = m.group("head").lower()
        if head in nonname_words() and head != "it":
            return None
        s = m.start() + len(m.group()) - len(m.group().lstrip())  # the words, not the space
        return Mention(Span(s, m.end()), self.text[s : m.end()], "nominal", head=head,
                         etype="unknown")

    def speech_noun(self, ws: int, end: int) -> _Found | None:
        """“…,” was Mary's reasoning / was his reply / were the first words which burst from
        Captain Wentworth: the utterance named by a noun, its owner the speaker."""
        m = _WAS_WERE.match(self.text, ws, end)
        if m is None:
            return None
        limit = min(end, ws + 120)
        nouns = speech_nouns()
        for c in self.mentions_in(m.end(), limit):
            after = self.text[c.span.end : c.span.end + 40]
            tail = _OWNED_NOUN.match(after) if c.possessive else None
            if tail is not None and tail.group("noun").lower() in nouns:
                s = c.span.end + tail.start("noun")
                cue = Cue(Span(s, s + len(tail.group("noun"))), tail.group("noun"),
                          tail.group("noun").lower(), "neutral")
                return _Found(c, None, cue, True, Span(ws, cue.span.end))
            before = self.text[m.end() : c.span.start].lower().split()
            if c.kind == "name" and before[-1:] in (["from"], ["of"]) and any(
                    w in nouns for w in before):
                noun = next(w for w in before if w in nouns)
                at = self.text.lower().index(noun, m.end())
                cue = Cue(Span(at, at + len(noun)), self.text[at : at + len(noun)], noun,
                          "neutral")
                return _Found(c, None, cue, True, Span(ws, c.span.end))
        return None

    def _only_determiner(self, start: int, end: int) -> bool:
        """Nothing, an article, or a few lowercase role words ("parks director") before a
        mention."""
        seg = self.text[start:end].strip()
        if seg.lower() in ("", "the", "a", "an"):
            return True
        words = seg.split()
        stop = nonname_words()
        return len(words) <= 3 and all(
            _ROLE_WORD.fullmatch(w) is not None and w not in stop for w in words)

    def first_mention_after(self, start: int, end: int) -> Mention | None:
        window_end = min(end, start + 80)
        cands = sorted(self.mentions_in(start, window_end) + anonymous_at(self.text, start,
                                                                          window_end),
                       key=lambda c: c.span.start)
        for c in cands:
            if self.only_filler(start, c.span.start) or self._only_determiner(start,
                                                                               c.span.start):
                return self._appositive_head(c, cands)
            break
        return None

    def colon_subject(self, q: QuoteSpan, floor: int) -> _Found | None:
        """"Lucien Fabre was more cautious: «…»": a sentence ending in a colon without a cue
        introduces a quote of its subject."""
        tail = q.start
        while tail > floor and self.text[tail - 1] in " \t\n":
            tail -= 1
        if tail == floor or self.text[tail - 1] != ":":
            return None
        start = sentence_start_before(self.text, tail - 1, floor)
        cands = self.mentions_in(start, tail)
        if not cands or cands[0].possessive or not self._only_determiner(start,
                                                                          cands[0].span.start):
            return None
        colon = Cue(Span(tail - 1, tail), ":", "colon", "neutral")
        return _Found(self._appositive_head(cands[0], cands), None, colon, True,
                      Span(start, tail))

    def colon_intro(self, para_index: int) -> _Found | None:
        """A paragraph that ends ``… CUE:`` introduces the quote paragraph after it."""
        if para_index == 0:
            return None
        prev = self.paras[para_index - 1]
        if self.text[prev.end - 1] not in ":,—–-":
            return None  # "Caddell continued:", "Anne smiled and said,", "he added--"
        start = sentence_start_before(self.text, prev.end - 1, prev.start)
        cues = self.cues_in(start, prev.end)
        if not cues:
            return None
        cue = cues[-1]
        if len(self.words(cue.span.end, prev.end)) > 10:
            return None
        speaker = self.subject_before(cue, start)
        if speaker is None:
            return None
        return _Found(speaker, self.addressee_after(cue, prev.end - 1), cue, True,
                      Span(start, prev.end))


# -- what is not a quotation ----------------------------------------------------------------
def content_words(text: str, parts: Sequence[Span]) -> list[str]:
    return [w for p in parts for w in text[p.start : p.end].split()]


def is_title_like(words: Sequence[str]) -> bool:
    """"The Hilaria Show", "Focus 2026": a short run of capitalised words, no sentence."""
    if not words or len(words) > 8:
        return False
    joined = " ".join(words)
    if any(ch in joined.rstrip(",.") for ch in ",;:!?—") or joined.endswith((".", "!", "?")):
        return False
    significant = [w for w in words if w.lower().strip(",.") not in _SMALL_WORDS]
    if not significant:
        return False
    caps = all(w[:1].isupper() or w[:1].isdigit() for w in significant)
    return caps and (len(significant) >= 2 or any(ch.isdigit() for ch in joined))


def attribute(text: str, paras: Sequence[Span], quotes: Sequence[QuoteSpan],
              mentions: Sequence[Mention]) -> list[Local]:
    """Stage 5 for the top-level quotations: pick cue, speaker and addressee mentions."""
    att = Attributor(text, paras, mentions)
    top = [q for q in quotes if q.parent is None]
    found = [_candidates(att, top, i) for i in range(len(top))]
    out: list[Local] = []
    i = 0
    while i < len(found):
        q, b, a = found[i]
        first = att.para_of(q.start)
        starts_para = q.start == paras[first].start
        chosen, sieve = _choose(att, q, b, a, first, starts_para)
        merged, i = _merge_following(att, found, i, chosen, sieve)
        if keep_quote(text, merged, sieve, starts_para):
            out.append(Local(merged, chosen.speaker if chosen else None,
                             chosen.addressee if chosen else None,
                             chosen.cue if chosen else None, sieve, first,
                             att.para_of(merged.end - 1), starts_para))
        i += 1
    return out


def _candidates(att: Attributor, top: Sequence[QuoteSpan],
                i: int) -> tuple[QuoteSpan, _Found | None, _Found | None]:
    """The before- and after-attributions of quote ``i``, each bounded by its neighbours."""
    q = top[i]
    para = att.paras[att.para_of(q.start)]
    last = att.paras[att.para_of(q.end - 1)]  # a multi-paragraph quote ends in a later one
    prev_end = top[i - 1].end if i > 0 and top[i - 1].end > para.start else para.start
    next_start = top[i + 1].start if i + 1 < len(top) and top[i + 1].start < last.end \
        else last.end
    return q, att.before(q, prev_end), att.after(q, next_start)


def _choose(att: Attributor, q: QuoteSpan, b: _Found | None, a: _Found | None, para: int,
            starts_para: bool) -> tuple[_Found | None, str]:
    """The sieves in order of precision."""
    if b is not None and b.tight:
        return b, "before"
    if a is not None:
        return a, "after"
    if b is not None:
        return b, "loose"
    chosen = att.colon_intro(para) if starts_para else None
    if chosen is None:
        chosen = att.colon_subject(q, att.paras[para].start)
    if chosen is not None:
        return chosen, "colon"
    # a signature on a line of its own: “…” / - Bernie Sanders.
    last = att.para_of(q.end - 1)
    if q.end == att.paras[last].end and last + 1 < len(att.paras):
        after = att.paras[last + 1]
        chosen = att.dash_signature(after.start, after.end)
    return chosen, "after" if chosen else "none"


def _merge_following(att: Attributor,
                     found: Sequence[tuple[QuoteSpan, _Found | None, _Found | None]], i: int,
                     chosen: _Found | None, sieve: str) -> tuple[QuoteSpan, int]:
    """Fold into quote ``i`` the quotes that continue it: a split quotation sharing its
    attribution clause, and quotes that follow with nothing between. Returns the merged
    quotation and the index of the last quote folded in."""
    text = att.text
    q = found[i][0]
    parts, outer = list(q.parts), list(q.outer)
    p = att.para_of(q.end - 1)
    while sieve == "after" and chosen is not None and i + 1 < len(found):
        q2, b2, a2 = found[i + 1]
        if att.para_of(q2.start) != p or a2 is not None or (
                b2 is not None and b2.tight and b2.clause.start >= chosen.clause.end):
            break
        # the clause's sentence must run up to the next quote: "“A,” said X, a lawyer
        # who …. “B.”" is one quotation; a sentence of narrative between is not
        gap = text[chosen.clause.end : q2.start]
        sentence_end = first_sentence_end_after(text, chosen.clause.end, q2.start)
        if text[sentence_end : q2.start].strip() or any(ch in gap for ch in "\"“”"):
            break
        parts += q2.parts
        outer += q2.outer
        i += 1
    while chosen is not None and i + 1 < len(found):
        q2 = found[i + 1][0]
        if text[outer[-1].end : q2.start].strip() or att.para_of(q2.start) != p:
            break
        parts += q2.parts
        outer += q2.outer
        i += 1
    return QuoteSpan(tuple(parts), tuple(outer), 0, None), i


def _paragraph_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends, trailing spaces left out."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    while end > pos and text[end - 1] in " \t\r":
        end -= 1
    return end


def keep_quote(text: str, q: QuoteSpan, sieve: str, starts_para: bool) -> bool:
    """Titles, names and scare quotes are not quotations; nor, for now, a lowercase fragment
    inside a sentence (mixed speech, handled by a later stage)."""
    words = content_words(text, q.parts)
    if not words or is_title_like(words):
        return False
    if sieve in ("before", "after", "colon"):
        return True
    if len(words) <= 2:
        # "“You came.”" as a paragraph of its own is a line of dialogue; a short quoted
        # phrase anywhere else is a scare quote or a name
        last = text[q.parts[-1].end - 1]
        return starts_para and last in ".?!…" and q.end >= _paragraph_end(text, q.end)
    if text[q.parts[0].start].islower() and not starts_para:
        return False
    return len(words) >= 4 or starts_para


@dataclass(frozen=True, slots=True)
class Nested:
    """A quotation inside a quotation, with the mentions its attribution names."""

    inner: QuoteSpan
    cue: Cue
    speaker: Mention | None
    addressee: Mention | None

    def __init__(self, inner: QuoteSpan, cue: Cue, speaker: Mention | None,
                 addressee: Mention | None) -> None:
        object.__setattr__(self, "inner", inner)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "addressee", addressee)


_PERSON_WORD: Final = regex.compile(r"(?<![\w’'-])(?:I|me|my|we|us|our|you|your)(?![\w’'-])")


def _person_words(text: str, start: int, end: int) -> list[Mention]:
    """First and second person words: inside a quotation they point at its speaker and
    addressee."""
    out = []
    for m in _PERSON_WORD.finditer(text, start, end):
        w = m.group().lower()
        out.append(Mention(Span(m.start(), m.end()), m.group(), "pronoun", head=w,
                             etype="person", possessive=w in ("my", "our", "your")))
    return out


def nested_locals(text: str, quotes: Sequence[QuoteSpan]) -> list[Nested]:
    """Attribution inside quotations: ``“He told me, ‘…’”``. Mentions are found inside the
    outer quotation itself, where "me" is its speaker and "you" its addressee."""
    out = []
    for q in quotes:
        if q.parent is None:
            continue
        outer = quotes[q.parent]
        words = content_words(text, q.parts)
        if is_title_like(words) or len(words) <= 2:
            continue
        floor = max((p.start for p in outer.parts if p.start <= q.start),
                    default=outer.parts[0].start)
        found = lexicon.find_cues(text, floor, q.start)
        if not found:
            continue
        cue = to_cue(found[-1])
        region = [Span(floor, cue.span.start)]
        cands = sorted(find_mentions(text, region, []) + anonymous_at(text, floor,
                                                                      cue.span.start)
                       + [c for c in _person_words(text, floor, cue.span.start)
                          if c.head in ("i", "we")], key=lambda c: c.span.start)
        att = Attributor(text, [], cands)
        speaker = _nested_subject(att, cands, cue, floor)
        after = [c for c in find_mentions(text, [Span(cue.span.end, q.start)], [])
                 + _person_words(text, cue.span.end, q.start) if not c.possessive]
        after.sort(key=lambda c: c.span.start)
        addressee = None
        for c in after:
            gap = text[cue.span.end : c.span.start].strip().lower()
            if gap in ("", "to", "at"):
                addressee = c
            break
        out.append(Nested(q, cue, speaker, addressee))
    return out


def _nested_subject(att: Attributor, cands: Sequence[Mention], cue: Cue,
                    floor: int) -> Mention | None:
    """The subject of a cue inside a quotation: right before it, else the first mention that
    is not "I" (in "When I left, my father told me" the father speaks)."""
    for c in reversed(cands):
        if c.span.end <= cue.span.start and not c.possessive:
            if att.only_filler(c.span.end, cue.span.start):
                return c
            break
    third = [c for c in cands if c.head not in ("i", "we") and not (
        c.kind == "name" and c.possessive)]
    if third:
        return att._appositive_head(third[0], cands)
    return cands[0] if cands else None
