"""Stage 6: resolution — mentions to in-article entities, and the sieves that need entities.

* Names cluster by full name, surname or first name ("Okafor", "Linda" → "Linda Okafor"); the
  canonical name is the fullest form given, without titles.
* Pronouns go to the most recent entity of compatible gender and number; a pronoun that finds
  only an entity of unknown gender gives that entity its gender (pronoun evidence).
* Nominals go through what the article states: appositives ("Hale's attorney, Sandra Obi"),
  relations ("Jenna Cole and her husband, musician Luke Harrow"), roles ("the coach"), ages
  ("the 38-year-old"); kin nouns without a stated relation fall back to the most recent person
  of the right gender who is not the possessor ("his wife").
* Anonymous sources each get an entity of their own and never merge.

:func:`conventions` then applies the conventions that need entities: a quote paragraph without a
cue continues the previous speaker, turns alternate in a two-person exchange, replies and
second-person speech are addressed to the previous speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Final, Protocol

import regex

from . import lexicon
from .attribute import Local, Nested
from .cuefeatures import word_tags
from .mentions import FIRST_PERSON, OWNED_ORG_NOUNS, nonname_words
from .pronounfeatures import MAX_CANDIDATES, pronoun_features
from .records import (
    Cue,
    CueRef,
    Entity,
    EntityType,
    Gender,
    Mention,
    Quote,
    Span,
    SpeakerRef,
)
from .text import sentence_ends

# between a nominal and the name it stands in apposition to ("her lawyer, Ana Obi")
_APPOSITIVE_GAP: Final = regex.compile(r",\s+(?:[\p{Ll}\-]+\s+){0,2}|\s+")
_AGE_AFTER: Final = regex.compile(r"^,\s*(\d{1,3}),")
_AGE_BEFORE: Final = regex.compile(r"(\d{1,3})-year-old\s+(?:[\p{Ll}\-]+\s+){0,2}$")
_APPOS_ROLE: Final = regex.compile(
    r"^,\s+(?:a|an|the|his|her|their|[\p{Lu}][\p{L}’'\-]*(?:’s|'s))\s+(?:[\p{L}\-’']+\s+){0,3}?"
    r"(?P<role>[\p{Ll}\-]+)(?=[\s,.])"
)
# Reply cues: with no addressee of their own, they answer the previous speaker.
_REPLY: Final = frozenset({"reply", "respond", "answer", "retort", "counter", "fire back",
                           "shoot back", "snap back", "hit back", "shout back", "write back"})


_GENERIC_ORG: Final = frozenset(
    """company firm group organization organisation business corporation retailer maker
    chain brand manufacturer operator provider supplier startup start-up charity
    nonprofit publisher broadcaster network outlet carrier airline bank lender insurer
    developer""".split()
)


@dataclass(slots=True)
class EntityState:
    index: int
    type: EntityType
    gender: Gender
    tokens: tuple[str, ...] = ()
    label: str = ""  # name for entities without a proper name ("the couple", "one person")
    roles: set[str] = field(default_factory=set)
    age: int | None = None
    mentions: list[Span] = field(default_factory=list)
    last: int = -1
    relations: dict[str, int] = field(default_factory=dict)  # noun → entity index
    # forms of address seen before a surname alone ("Mrs" of "Mrs Croft"): they tell apart
    # people who share a surname, and name the one known by surname only
    honorifics: list[str] = field(default_factory=list)
    # a title, a known first name or a gendered word has named it: a person for sure, where
    # "Rue Mouffetard" or "Le Toril" is a capitalised run that "she" must not be bound to
    personal: bool = False
    short: set[str] = field(default_factory=set)  # single words it has been called by
    # the words that stood before its name, as first written ("Sen.", "Charlotte Mayor")
    title: str = ""
    # named without a form of address ("Obama" for "Mr. Obama"): set once an article is
    # known not to be fiction, where "Mrs. Croft" is how the person is called
    plain: bool = False
    last_kind: str = ""  # the kind of its latest mention ("name", "pronoun", "nominal")
    last_end: int = -1  # where its latest mention ends

    def __init__(self, index: int, type: EntityType, gender: Gender, tokens: tuple[str, ...] = (),
                 label: str = "", roles: set[str] | None = None, age: int | None = None,
                 mentions: list[Span] | None = None, last: int = -1,
                 relations: dict[str, int] | None = None, honorifics: list[str] | None = None,
                 personal: bool = False, short: set[str] | None = None, title: str = "",
                 plain: bool = False, last_kind: str = "", last_end: int = -1) -> None:
        self.index = index
        self.type = type
        self.gender = gender
        self.tokens = tokens
        self.label = label
        self.roles = set() if roles is None else roles
        self.age = age
        self.mentions = list() if mentions is None else mentions
        self.last = last
        self.relations = dict() if relations is None else relations
        self.honorifics = list() if honorifics is None else honorifics
        self.personal = personal
        self.short = set() if short is None else short
        self.title = title
        self.plain = plain
        self.last_kind = last_kind
        self.last_end = last_end

    @property
    def name(self) -> str:
        # "Mrs. Croft", not "Croft": the fullest form the text gives, and the one that tells
        # her from Admiral Croft; in news "Mr. Obama" is a house style, and the name "Obama"
        if len(self.tokens) == 1 and self.honorifics and not self.plain:
            return f"{self.honorifics[0]} {self.tokens[0]}"
        return " ".join(self.tokens) if self.tokens else self.label


_NO_ENTITIES: Final[frozenset[int]] = frozenset()


# "IMF", "RT", "E.U.": capitals only, two to six letters
_ACRONYM: Final = regex.compile(r"\p{Lu}{2,6}|(?:\p{Lu}\.){2,6}")


_PARTICLES: Final = frozenset({"de", "del", "della", "der", "den", "van", "von", "da", "di",
                               "du", "la", "le", "dos", "das"})


_AFTER_PREPOSITION: Final = regex.compile(
    r"(?<![\w’'-])(?:in|at|from|near|outside|inside|across|to|into|of)\s+(?:the\s+)?\Z",
    regex.IGNORECASE)


_QUOTE_MARK: Final = regex.compile("[“”\"]")
# what may stand before a sentence's first word: white space, quotation marks, brackets
_OPENERS: Final = " \t\n“”\"‘’'(—-"
_NEXT_WORD: Final = regex.compile(r"[\s,]*(\p{L}+)")


def _reporting_after(text: str, end: int) -> bool:
    """Whether a reporting word follows the mention ending at ``end`` ("Holt said")."""
    m = _NEXT_WORD.match(text, end, end + 40) if end >= 0 else None
    return m is not None and m.group(1).lower() in lexicon.cues()


class PronounChooser(Protocol):
    """Picks the antecedent of a "he" or "she" among candidates, latest first, each with
    its :func:`quotegraph.pronounfeatures.pronoun_features`; None leaves it to the rules."""

    def choose(self, pronoun: Span, cands: Sequence[EntityState],
               feats: Sequence[list[str]]) -> int | None: ...


def _gender_refuses(e: EntityState, gender: Gender) -> bool:
    """Whether a pronoun of ``gender`` cannot stand for ``e``: its gender is another, or
    unknown for a full name that nothing has told is a person ("Rue Mouffetard")."""
    return gender != "unknown" and e.gender != gender and (
        e.gender != "unknown" or (len(e.tokens) > 1 and not e.personal))


def _token_key(token: str) -> str:
    """A name word as names are compared: "O’Neill" is "O'Neill", and "De Blasio" at the
    head of a sentence is the "de Blasio" of "Bill de Blasio"."""
    low = token.lower()
    if low in _PARTICLES:
        return low
    return token.replace("’", "'") if "’" in token else token


def _plural_people(token: str) -> bool:
    """ "Republicans", "Americans": a plural proper noun (by the silver tag table) names
    many people, never one person's surname."""
    return token.endswith("s") and word_tags().get(token) == "NNPS"


def _run_of(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """"Sir Walter" in "Sir Walter Elliot", "Walter Elliot" too: a run of two or more words."""
    n = len(short)
    return 1 < n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


_FEMALE_ADDRESS: Final = frozenset({"mrs", "miss", "ms", "lady", "dame", "madam", "madame", "mme",
                                    "mademoiselle", "mlle", "frau", "senora", "señora", "senorita"})
_MARRIED: Final = frozenset({"mrs", "madame", "mme", "frau", "senora", "señora"})
_UNMARRIED: Final = frozenset({"miss", "mademoiselle", "mlle", "senorita"})


def _honorific(c: Mention) -> str:
    """The form of address before a name ("Mrs.", "Admiral"), as written."""
    if not c.title:
        return ""
    word = c.title.split()[-1]
    kind = lexicon.titles().get(word.lower().rstrip("."), ("u", ""))[1]
    return word if kind in ("honorific", "military") else ""


def _honorifics_clash(h: str, seen: Sequence[str]) -> bool:
    """Whether a name addressed as ``h`` cannot be the person addressed as ``seen``.

    Mrs Croft is not Admiral Croft, and Miss Musgrove is not Mrs Musgrove; but Captain and
    Mr may name one man, as news does.
    """
    if not h or not seen:
        return False
    low = h.lower().rstrip(".")
    others = {s.lower().rstrip(".") for s in seen}
    if low in others:
        return False
    female = low in _FEMALE_ADDRESS
    if any((o in _FEMALE_ADDRESS) != female for o in others):
        return True
    return (low in _MARRIED and bool(others & _UNMARRIED)) or \
        (low in _UNMARRIED and bool(others & _MARRIED))


# subject and reflexive forms only: the "him" of "Brett kissed him" is somebody else
_HE: Final = frozenset("he himself".split())
_SHE: Final = frozenset("she herself".split())
_CLAUSE_END: Final = regex.compile(r"[.!?;:\"“”]")


def text_genders(text: str, mentions: Sequence[Mention]) -> dict[str, Gender]:
    """First names whose gender the text itself shows, overriding the name table: Brett is
    "she" in The Sun Also Rises. Evidence is a "he" or "she" (or "-self") later in the same
    clause with no other name between; a name needs three such pronouns, two to one."""
    votes: dict[str, list[int]] = {}
    last: Mention | None = None
    for m in mentions:
        if m.kind == "name":
            last = None if m.title else m
        elif m.kind == "pronoun" and last is not None and m.head in _HE | _SHE:
            if not _CLAUSE_END.search(text, last.span.end, m.span.start):
                v = votes.setdefault(last.head.split()[0], [0, 0])
                v[m.head in _SHE] += 1
            last = None
    out: dict[str, Gender] = {}
    for name, (he, she) in votes.items():
        if not lexicon.is_first_name(name):
            continue  # "Bath ... she": only a given name is overridden
        if she >= 3 and she >= 2 * he:
            out[name] = "female"
        elif he >= 3 and he >= 2 * she:
            out[name] = "male"
    return out


class Resolver:
    """Builds entities from mentions in document order."""

    def __init__(self, text: str, pronouns: PronounChooser | None = None) -> None:
        self.text = text
        # the learned choice of a "he" or "she"'s antecedent (None: the latest that fits)
        self.pronouns = pronouns
        self._sentence_ends: list[int] | None = None  # built for the first pronoun
        self._quote_marks: list[int] = []
        self._possessives: set[int] = set()  # where a possessive pronoun mention starts
        self.ents: list[EntityState] = []
        self.of_mention: dict[tuple[int, int], int] = {}
        # name token → entities that carry it: name matching looks at these only
        self.by_token: dict[str, set[int]] = {}
        self.by_role: dict[str, set[int]] = {}  # "coach" → entities introduced as coaches
        self.by_age: dict[int, set[int]] = {}
        self.groups: dict[str, int] = {}  # "the couple" → its entity
        self.narrator: int | None = None  # the "I" of a first-person text
        # whether the text is a conversation (fiction, a transcript): set by conventions()
        self.conversation = False
        self._starts: dict[int, int] | None = None  # built on first use, after resolution
        self._sorted: list[int] = []
        self._ends: dict[int, int] = {}

    # -- entity bookkeeping ---------------------------------------------------------------
    def new(self, etype: EntityType, gender: Gender, *, tokens: tuple[str, ...] = (),
            label: str = "") -> EntityState:
        e = EntityState(len(self.ents), etype, gender, tokens, label)
        self.ents.append(e)
        self._index(e)
        return e

    def _index(self, e: EntityState) -> None:
        for t in e.tokens:
            self.by_token.setdefault(_token_key(t), set()).add(e.index)

    def bind(self, c: Mention, e: EntityState) -> EntityState:
        key = (c.span.start, c.span.end)
        if key not in self.of_mention:
            self.of_mention[key] = e.index
            e.mentions.append(c.span)
            self._starts = None
        if c.span.start >= e.last:
            # (a possessive's "his" of "His successor" is not the sentence's subject)
            e.last, e.last_end = c.span.start, c.span.end
            e.last_kind = "possessive" if c.possessive and c.kind == "pronoun" else c.kind
        if c.possessive and c.kind == "pronoun":
            self._possessives.add(c.span.start)
        if e.gender == "unknown" and c.kind in ("name", "nominal") and c.gender != "unknown":
            e.gender = c.gender
        return e

    def entity_of(self, c: Mention) -> EntityState | None:
        i = self.of_mention.get((c.span.start, c.span.end))
        return self.ents[i] if i is not None else None

    # -- names ----------------------------------------------------------------------------
    def match_name(self, c: Mention) -> EntityState | None:
        toks = tuple(_token_key(t) for t in c.head.split())
        honorific = _honorific(c)
        best: EntityState | None = None
        if len(toks) == 1 and _ACRONYM.fullmatch(toks[0]):
            full = self._expansion(toks[0])
            if full is not None:
                return full  # "IMF" after "the International Monetary Fund"
        # the entities named with its first or last word (no generators: compiled code
        # builds a frame object for each)
        pool = set(self.by_token.get(toks[0], _NO_ENTITIES))
        if len(toks) > 1:
            pool.update(self.by_token.get(toks[-1], _NO_ENTITIES))
        for i in sorted(pool):  # sorted: ties break the same way
            e = self.ents[i]
            if not e.tokens or e.type == "anonymous":
                continue
            if (c.etype == "organization" and e.type == "person") or \
                    (c.etype == "person" and e.type == "organization"):
                continue
            if c.gender != "unknown" and e.gender not in ("unknown", c.gender):
                continue
            if _honorifics_clash(honorific, e.honorifics):
                continue
            et = tuple(_token_key(t) for t in e.tokens)
            if toks != et and (_plural_people(toks[-1]) or _plural_people(et[-1])):
                continue  # "Republicans" are not "Oversight Committee Republicans"
            ok = (toks == et or (len(toks) == 1 and toks[0] in (et[-1], et[0]))
                  or (len(toks) > 1 and len(et) > 1 and toks[0] == et[0] and toks[-1] == et[-1])
                  or (len(et) == 1 and et[0] in (toks[0], toks[-1]))
                  # "Sir Walter" within "Sir Walter Elliot", either way round, for names of
                  # at most four words (a headline run like "Elizabeth Warren Hammers Wells
                  # Fargo CEO" is no name to join)
                  or (max(len(toks), len(et)) <= 4
                      and (_run_of(toks, et) or _run_of(et, toks))))
            if ok and (best is None or self._prefer(e, best, toks)):
                best = e
        return best

    def _expansion(self, acronym: str) -> EntityState | None:
        """The latest entity of two words or more whose capitalised words' initials spell
        ``acronym`` ("International Monetary Fund" for "IMF", "Russia Today" for "RT")."""
        letters = acronym.replace(".", "")
        best: EntityState | None = None
        for e in self.ents:
            if len(e.tokens) > 1 and e.type != "anonymous" and \
                    "".join(t[0] for t in e.tokens if t[:1].isupper()) == letters and \
                    (best is None or e.last > best.last):
                best = e
        return best

    @staticmethod
    def _prefer(e: EntityState, best: EntityState, toks: tuple[str, ...]) -> bool:
        """Between two people a lone "Charles" may name, the one already called so (Charles
        Musgrove, not Charles Hayter, who is always named in full); else the latest."""
        if len(toks) == 1:
            a, b = toks[0] in e.short, toks[0] in best.short
            if a != b:
                return a
        return e.last > best.last

    def resolve_name(self, c: Mention) -> EntityState | None:
        c = self._leader_named(c)
        e = self.match_name(c)
        toks = tuple(c.head.split())
        if e is None:
            if c.weak and not lexicon.is_first_name(toks[0]):
                return None
            etype: EntityType = c.etype
            if _plural_people(toks[-1]) and etype != "organization":
                etype = "group"  # "Republicans", "Virginia Democrats"
            elif etype == "unknown" and len(toks) > 1 and not c.place:
                etype = "person"  # a multi-word name without an organisation word
            e = self.new(etype, c.gender, tokens=toks)
        elif len(toks) > len(e.tokens):
            e.tokens = toks
            self._index(e)
        if e.type == "unknown" and c.etype == "person":
            e.type = "person"
        if c.title:
            if not e.title:
                e.title = c.title
            for w in c.title.split():
                self.add_role(e, w.lower().rstrip("."))
            self.add_role(e, c.title.lower().rstrip("."))
        if c.title or c.gender != "unknown":
            e.personal = True
        if len(toks) == 1:
            e.short.add(toks[0])
        honorific = _honorific(c)
        if honorific and len(toks) == 1 and not _honorifics_clash(honorific, e.honorifics) \
                and honorific.rstrip(".") not in {h.rstrip(".") for h in e.honorifics}:
            e.honorifics.append(honorific)
        self._roles_from_context(c, e)
        return self.bind(c, e)

    def _leader_named(self, c: Mention) -> Mention:
        """ "the Trump campaign" named with its leader's full name ("Donald Trump
        campaign") when the article has named that person; else ``c``."""
        toks = c.head.split()
        if c.etype != "organization" or len(toks) < 2 or toks[-1] not in OWNED_ORG_NOUNS:
            return c
        leader = self.match_name(Mention(c.span, c.text, "name", head=" ".join(toks[:-1]),
                                         etype="person"))
        if leader is None or leader.type != "person" or len(leader.tokens) < 2:
            return c
        return replace(c, head=" ".join((*leader.tokens, toks[-1])))

    def _roles_from_context(self, c: Mention, e: EntityState) -> None:
        text = self.text
        start, end = c.span.start, c.span.end
        rels = lexicon.relations()
        # cheap character checks first: most mentions have none of these around them
        lower_before = start >= 2 and text[start - 1] == " " and text[start - 2].islower()
        comma_after = text[end : end + 1] == ","
        if not (lower_before or comma_after):
            return
        before = text[max(0, start - 40) : start]
        if lower_before:
            # the word right before the name is its role: "musician Luke Harrow", "reality
            # star Jenna Cole"; not "a chef from Genoa"
            words = before.split()[-2:]
            if words and (words[-1] in rels or words[-1] in lexicon.titles()):
                self.add_role(e, words[-1])
                if len(words) == 2 and " ".join(words) in rels:
                    self.add_role(e, " ".join(words))
        if "year-old" in before:
            m = _AGE_BEFORE.search(before)
            if m:
                self.set_age(e, int(m.group(1)))
        if comma_after:
            after = text[end : end + 80]
            m = _AGE_AFTER.match(after)
            if m:
                self.set_age(e, int(m.group(1)))
            m = _APPOS_ROLE.match(after)
            if m and m.group("role") in rels and not _AFTER_PREPOSITION.search(before):
                # (not "At a press conference in Chelsea, the mayor said": a fronted place)
                self.add_role(e, m.group("role"))

    # -- pronouns and nominals ------------------------------------------------------------
    def recent(self, pos: int, *, gender: Gender = "unknown", plural: bool = False,
               exclude: int | None = None,
               types: tuple[str, ...] = ("person",)) -> EntityState | None:
        best: EntityState | None = None
        best_score = 1 << 60
        skip = (exclude, self.narrator)
        # every pronoun looks at every entity so far: the commonest refusal (another type)
        # is tested first, and the pair to skip is built once
        for e in self.ents:
            if e.type not in types or e.last < 0 or e.last >= pos or e.index in skip:
                continue
            if plural != (e.type == "group"):
                continue
            score = pos - e.last
            if gender != "unknown" and e.gender != gender:
                if _gender_refuses(e, gender):
                    continue
                score += 400  # an entity of unknown gender is a weaker candidate
            if score < best_score:
                best, best_score = e, score
        return best

    def resolve_pronoun(self, c: Mention) -> EntityState | None:
        if c.head in FIRST_PERSON:
            # outside quotation marks "I" is the narrator: one entity, never a "he" or "she"
            if self.narrator is None:
                self.narrator = self.new("person", "unknown", label="I").index
            return self.bind(c, self.ents[self.narrator])
        if c.number == "plural":
            e = self.recent(c.span.start, plural=True, types=("group",))
            return self.bind(c, e) if e else None
        e = self._chosen(c) if self.pronouns is not None else None
        if e is None:
            e = self.recent(c.span.start, gender=c.gender)
        if e is None:
            return None
        if e.gender == "unknown" and c.gender != "unknown":
            e.gender = c.gender  # pronoun evidence for a name the table does not know
        return self.bind(c, e)

    def _chosen(self, c: Mention) -> EntityState | None:
        """The antecedent the learned chooser picks among the latest persons that fit the
        pronoun (None: it leaves the choice to the rules)."""
        assert self.pronouns is not None
        cands = self._pronoun_candidates(c)
        if len(cands) < 2:
            return cands[0] if cands else None  # nothing to choose (the rules agree)
        feats = self._features_of(c, cands)
        k = self.pronouns.choose(c.span, cands, feats)
        return cands[k] if k is not None else None

    def _pronoun_candidates(self, c: Mention) -> list[EntityState]:
        """The persons mentioned before ``c`` whose gender does not refuse it (as
        :meth:`recent` refuses), latest first, at most MAX_CANDIDATES."""
        pos, gender = c.span.start, c.gender
        out: list[EntityState] = []
        for e in self.ents:
            if e.type != "person" or e.last < 0 or e.last >= pos or e.index == self.narrator:
                continue
            if _gender_refuses(e, gender):
                continue
            out.append(e)
        if gender != "unknown" and any(e.gender == gender for e in out):
            # a word of unknown gender that nothing has told is a person ("in Rigby") is
            # no candidate where one whose gender agrees is there
            out = [e for e in out if e.gender == gender or e.personal or len(e.tokens) > 1]
        out.sort(key=lambda e: -e.last)
        return out[:MAX_CANDIDATES]

    def _features_of(self, c: Mention, cands: Sequence[EntityState]) -> list[list[str]]:
        text = self.text
        if self._sentence_ends is None:
            self._sentence_ends = sentence_ends(text, 0, len(text))
            self._quote_marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
        ends, marks = self._sentence_ends, self._quote_marks
        pos = c.span.start
        sent = bisect_right(ends, pos)  # the pronoun's sentence: after `sent` ends
        own_start = ends[sent - 1] if sent else 0
        prev_start = ends[sent - 2] if sent >= 2 else 0
        # (mentions are resolved in text order: those bound so far lie before the pronoun)
        counts = [len(e.mentions) for e in cands]
        by_count = sorted(range(len(cands)), key=lambda i: (-counts[i], i))
        mention_rank = {i: r for r, i in enumerate(by_count)}
        pron_subject = c.head in ("he", "she")  # (the forms of a subject)
        out: list[list[str]] = []
        for i, e in enumerate(cands):
            at = bisect_right(ends, e.last)
            s_start = ends[at - 1] if at else 0
            prev_subj = False
            for m in reversed(e.mentions):
                if m.start < prev_start:
                    break
                if m.start < own_start and m.start not in self._possessives and \
                        not text[prev_start:m.start].strip(_OPENERS):
                    prev_subj = True
                    break
            gender = "person" if c.gender == "unknown" else (
                "agree" if e.gender == c.gender else "unknown")
            out.append(pronoun_features(
                sentences_back=sent - at, paragraphs_back=text.count("\n", e.last, pos),
                recency_rank=i, mention_rank=mention_rank[i], mentions=counts[i],
                gender=gender, full_name=len(e.tokens) > 1, last_kind=e.last_kind,
                last_subject=e.last_kind != "possessive" and
                not text[s_start:e.last].strip(_OPENERS),
                last_reporting=_reporting_after(text, e.last_end),
                quote_between=bisect_left(marks, pos) > bisect_left(marks, e.last),
                pronoun_subject=pron_subject, possessive=c.possessive,
                first_subject=prev_subj, personal=e.personal))
        return out

    def possessor(self, c: Mention, mentions: dict[tuple[int, int], Mention]) -> EntityState | None:
        if c.possessor is None:
            return None
        key = (c.possessor.start, c.possessor.end)
        if key in self.of_mention:
            return self.ents[self.of_mention[key]]
        word = self.text[c.possessor.start : c.possessor.end]
        low = word.lower()
        if low in ("his", "her"):
            g: Gender = "male" if low == "his" else "female"
            e = self.recent(c.possessor.start, gender=g)
        elif low == "their":
            e = self.recent(c.possessor.start, plural=True, types=("group",))
        else:
            owner = mentions.get(key) or Mention(c.possessor, word, "name", head=word)
            e = self.match_name(owner)
        if e is not None:
            self.of_mention[key] = e.index
            e.mentions.append(c.possessor)
        return e

    def resolve_nominal(self, c: Mention, appositive: Mention | None,
                        mentions: dict[tuple[int, int], Mention]) -> EntityState | None:
        owner = self.possessor(c, mentions)
        if appositive is not None:  # "her husband, musician Luke Harrow"
            e = self.resolve_name(appositive)
            if e is not None:
                self.add_role(e, c.head)
                if owner is not None:
                    self._relate(owner, c.head, e)
                return self.bind(c, e)
        if c.kind == "organization":
            # "the company" is the company named last; "the court" only a named court
            e = self.recent(c.span.start, types=("organization",))
            if e is not None and c.head not in _GENERIC_ORG and (
                    not e.tokens or e.tokens[-1].lower() != c.head.split()[-1]):
                e = None
            return self.bind(c, e or self.new("organization", "unknown", label=c.text))
        if c.kind == "group":
            key = " ".join(c.text.lower().split())
            if key not in self.groups:
                self.groups[key] = self.new("group", "unknown", label=c.text).index
            return self.bind(c, self.ents[self.groups[key]])
        if c.age is not None:
            e = self._latest(self.by_age.get(c.age, ()), c.span.start)
            return self.bind(c, e or self.new("person", "unknown", label=c.text))
        if owner is not None and c.head in owner.relations:
            return self.bind(c, self.ents[owner.relations[c.head]])
        rel = lexicon.relations().get(c.head)
        if rel is not None and rel.kind == "kin" and c.possessor is not None:
            e = self.recent(c.span.start, gender=c.gender,
                            exclude=owner.index if owner else None)
            if e is not None:
                if owner is not None:
                    self._relate(owner, c.head, e)
                return self.bind(c, e)
        # a role: "the coach", "the chef", "Hale's attorney"
        holders = [i for i in self.by_role.get(c.head, ())
                   if owner is None or owner.relations.get(c.head) in (None, i)]
        e = self._latest(holders, c.span.start)
        if e is None and any(w[:1].isupper() for w in c.text.split()[1:]):
            e = self._most_named(c)  # "The Republican presidential nominee"
        return self.bind(c, e or self.new("person", c.gender, label=c.text))

    def _most_named(self, c: Mention) -> EntityState | None:
        """The person named in full most often before ``c`` (the latest of equals), of a
        gender that fits: whom a news text describes by office and place or party ("the
        Indiana governor") once it has named them."""
        best: EntityState | None = None
        best_n = 0
        for e in self.ents:
            if e.type != "person" or len(e.tokens) < 2 or \
                    (c.gender != "unknown" and e.gender not in ("unknown", c.gender)):
                continue
            n = sum(1 for s in e.mentions if s.start < c.span.start)
            if n and (n > best_n or (n == best_n and best is not None and e.last > best.last)):
                best, best_n = e, n
        return best

    def set_age(self, e: EntityState, age: int) -> None:
        e.age = age
        self.by_age.setdefault(age, set()).add(e.index)

    def add_role(self, e: EntityState, role: str) -> None:
        e.roles.add(role)
        self.by_role.setdefault(role, set()).add(e.index)
        full = lexicon.title_roles().get(role)
        if full is not None:  # "gov" of "Gov. Mike Pence" is "the governor"
            e.roles.add(full)
            self.by_role.setdefault(full, set()).add(e.index)

    def _latest(self, indexes: Iterable[int], pos: int) -> EntityState | None:
        """The entity among ``indexes`` mentioned most recently before ``pos``."""
        best: EntityState | None = None
        for i in sorted(indexes):
            e = self.ents[i]
            if e.last < pos and (best is None or e.last > best.last):
                best = e
        return best

    def _relate(self, owner: EntityState, noun: str, other: EntityState) -> None:
        owner.relations[noun] = other.index
        rel = lexicon.relations().get(noun)
        if rel is None:
            return
        for inverse, g in ((rel.inverse_f, "female"), (rel.inverse_m, "male")):
            if inverse and owner.gender in (g, "unknown"):
                other.relations.setdefault(inverse, owner.index)

    def resolve_all(self, mentions: Sequence[Mention]) -> None:
        """Resolve every mention in document order."""
        by_span = {(m.span.start, m.span.end): m for m in mentions}
        appositive: dict[int, Mention] = {}
        for i, m in enumerate(mentions):
            if m.kind == "nominal" and i + 1 < len(mentions):
                n = mentions[i + 1]
                gap = self.text[m.span.end : n.span.start]
                if n.kind == "name" and _APPOSITIVE_GAP.fullmatch(gap):
                    appositive[i] = n
        genders = text_genders(self.text, mentions)
        for i, m in enumerate(mentions):
            if (m.span.start, m.span.end) in self.of_mention:
                continue
            if m.kind == "name":
                # (a place is no one the pronouns around it tell of: "in Burma, she")
                told = genders.get(m.head.split()[0]) if not m.title and not m.place \
                    else None
                if told and m.etype == "unknown":
                    m = m.typed(told, "person")  # "he" and "she": a person
                elif told:
                    m = m.typed(told, m.etype)
                elif m.etype == "unknown" and " " not in m.head and not m.place and \
                        lexicon.first_name_gender(m.head) != "unknown":
                    # "Mike": a person, but of no gender yet, since a lone word may be the
                    # surname of someone named in full ("Quint" of "Marisol Quint")
                    m = m.typed(m.gender, "person")
                self.resolve_name(m)
            elif m.kind == "pronoun":
                self.resolve_pronoun(m)
            else:
                self.resolve_nominal(m, appositive.get(i), by_span)

    def starting_at(self) -> dict[int, int]:
        """Mention start → entity of the longest mention starting there."""
        if self._starts is None:
            best: dict[int, tuple[int, int]] = {}
            for (s, e), idx in self.of_mention.items():
                if s not in best or e > best[s][0]:
                    best[s] = (e, idx)
            self._starts = {s: v[1] for s, v in best.items()}
            self._ends = {s: v[0] for s, v in best.items()}
            self._sorted = sorted(self._starts)
        return self._starts

    def mention_at(self, pos: int) -> Mention | None:
        """The longest resolved mention starting at ``pos``, as a bare candidate."""
        idx = self.starting_at().get(pos)
        if idx is None:
            return None
        span = Span(pos, self._ends[pos])
        return Mention(span, self.text[span.start : span.end], "name")

    def entities_in(self, start: int, end: int) -> list[int]:
        """Entities of the mentions that start inside ``[start, end)``."""
        starts = self.starting_at()
        i = bisect_left(self._sorted, start)
        out = []
        while i < len(self._sorted) and self._sorted[i] < end:
            out.append(starts[self._sorted[i]])
            i += 1
        return out

    def ensure(self, c: Mention) -> EntityState | None:
        """The entity of a mention that only attribution found (anonymous, a bare NP)."""
        e = self.entity_of(c)
        if e is not None:
            return e
        if c.kind == "anonymous":
            return self.bind(c, self.new("anonymous", "unknown", label=c.text))
        if c.kind == "name":
            toks = tuple(c.head.split())
            etype: EntityType = "group" if _plural_people(toks[-1]) else \
                "unknown" if c.place else "person"  # a place is never a person
            return self.resolve_name(c) or self.bind(
                c, self.new(etype, c.gender, tokens=toks))
        if c.kind == "pronoun":
            return self.resolve_pronoun(c)
        if c.kind == "nominal" and c.head in self.by_role:
            # "the count said": the one introduced as Count Mippipopolous
            holder = self._latest(self.by_role[c.head], c.span.start)
            if holder is not None and holder.type == "person":
                return self.bind(c, holder)
        return None


# -- stage 6b: conventions that need entities --------------------------------------------------
@dataclass(slots=True)
class Draft:
    local: Local
    speaker: EntityState | None
    speaker_mention: Mention | None
    addressee: EntityState | None
    addressee_mention: Mention | None
    confidence: float
    sieve: str

    def __init__(self, local: Local, speaker: EntityState | None, speaker_mention: Mention | None,
                 addressee: EntityState | None, addressee_mention: Mention | None,
                 confidence: float, sieve: str) -> None:
        self.local = local
        self.speaker = speaker
        self.speaker_mention = speaker_mention
        self.addressee = addressee
        self.addressee_mention = addressee_mention
        self.confidence = confidence
        self.sieve = sieve


class DraftRanker(Protocol):
    """What stage 6 asks of the learned speaker ranker (:class:`quotegraph.rank.SpeakerRanker`):
    a protocol, so that this module need not import the ranker, which imports its records."""

    def apply(self, text: str, paras: Sequence[Span], drafts: list[Draft],
              resolver: Resolver, *, conversation: bool) -> None: ...


_CONFIDENCE: Final = {"before": 0.93, "after": 0.93, "colon": 0.85, "loose": 0.75}
_SECOND_PERSON: Final = regex.compile(r"\b(?:you|your|you’re|you're|yours)\b", regex.IGNORECASE)


def conventions(text: str, paras: Sequence[Span], locals_: Sequence[Local],
                resolver: Resolver, ranker: DraftRanker | None = None) -> list[Draft]:
    """Entities for the stage-5 mentions, then the conventions that need entities. The
    learned ranker, when given, decides the quotes no cue attributes."""
    drafts: list[Draft] = []
    for loc in locals_:
        sp = resolver.ensure(loc.speaker) if loc.speaker else None
        ad = resolver.ensure(loc.addressee) if loc.addressee else None
        conf = _CONFIDENCE.get(loc.sieve, 0.1)
        if loc.speaker is not None and loc.speaker.kind == "pronoun":
            conf -= 0.05
        if sp is None:
            # a source the resolver cannot place ("they", "the book"): keep its words
            conf = 0.4 if loc.speaker is not None else 0.1
        drafts.append(Draft(loc, sp, loc.speaker, ad, loc.addressee, conf, loc.sieve))
    for k, d in enumerate(drafts):
        if d.speaker is None and d.speaker_mention is None:
            _continue_speaker(drafts, k)
        if d.speaker is None and d.speaker_mention is None and (
                k == 0 or drafts[k - 1].local.last_paragraph < d.local.paragraph - 1):
            _from_previous_paragraph(d, resolver, paras)
    # decided once: the passes below never change which lines a cue attributes
    conversation = is_conversation(drafts)
    resolver.conversation = conversation
    _fill_dialogue_runs(drafts)
    if conversation:
        _fill_single_voice_runs(drafts)
    if ranker is not None:
        ranker.apply(text, paras, drafts, resolver, conversation=conversation)
    if conversation:
        _fill_unanchored_runs(drafts, resolver)
    _name_the_narrator(text, drafts, resolver)
    if not conversation:
        _carried_cues(text, drafts)
    for k in range(len(drafts)):
        _addressee_from_context(text, drafts, k, resolver)
    _dialogue_addressees(text, drafts, conversation=conversation)
    return drafts


def reported_drafts(locals_: Sequence[Local], resolver: Resolver) -> list[Draft]:
    """Entities for the speakers and addressees of indirect and mixed quotations. They take
    no part in the conventions of dialogue: each names its own source."""
    out: list[Draft] = []
    for loc in locals_:
        sp = resolver.ensure(loc.speaker) if loc.speaker else None
        ad = resolver.ensure(loc.addressee) if loc.addressee else None
        conf = 0.8 if sp is not None else 0.4
        if loc.speaker is not None and loc.speaker.kind == "pronoun":
            conf -= 0.05
        out.append(Draft(loc, sp, loc.speaker, ad, loc.addressee, conf, loc.sieve))
    return out


def build(text: str, drafts: Sequence[Draft], resolver: Resolver,
          nested: Sequence[Nested], reported: Sequence[Draft] = (),
          ) -> tuple[list[Quote], list[Entity]]:
    """The result records: quotations (nested ones included, then the reported ones) and the
    entities they use."""
    if not resolver.conversation:
        _plain_names(resolver, drafts, reported)
    quotes: list[Quote] = []
    ids: dict[int, str] = {}
    for d in drafts:
        ids[d.local.quote.start] = f"q{len(quotes) + 1}"
        quotes.append(_quote(text, d, ids[d.local.quote.start], None))
    quotes.extend(_nested_quotes(text, drafts, nested, resolver, ids, len(quotes)))
    for d in reported:
        quotes.append(_quote(text, d, f"r{len(quotes) + 1}", None))
    quotes = renumber(quotes)
    used = {r.entity for q in quotes for r in (q.speaker, q.addressee) if r and r.entity}
    entities = [
        Entity(f"e{e.index + 1}", e.name, e.type, e.gender, tuple(sorted(e.mentions)),
               e.title or None)
        for e in resolver.ents if f"e{e.index + 1}" in used or (e.tokens and e.type == "person")
    ]
    return quotes, entities


def _plain_names(resolver: Resolver, drafts: Sequence[Draft],
                 reported: Sequence[Draft]) -> None:
    """Outside fiction, names without their form of address ("Obama", not "Mr. Obama"),
    unless another entity shares the surname (Mr. and Mrs. Clinton keep theirs); and the
    "I" of the narrative is the article's author, unless it only speaks lines in quotation
    marks, as the narrator of a story does ("“It always is,” I said"): an "I" that also
    reports speech ("I have argued that …") writes the article, even where it quotes its
    own words."""
    last: dict[str, int] = {}
    for e in resolver.ents:
        if e.tokens:
            last[e.tokens[-1]] = last.get(e.tokens[-1], 0) + 1
    for e in resolver.ents:
        if len(e.tokens) == 1 and e.honorifics and last[e.tokens[0]] == 1:
            e.plain = True
    if resolver.narrator is not None:
        narrator = resolver.ents[resolver.narrator]
        if not narrator.tokens and (any(d.speaker is narrator for d in reported)
                                    or not any(d.speaker is narrator for d in drafts)):
            narrator.type = "author"
            narrator.label = "author"


_ANCHORED: Final = frozenset({"before", "after", "loose", "colon"})


def runs(drafts: Sequence[Draft]) -> list[list[int]]:
    """Maximal runs of quote paragraphs: paragraphs in a row that each open with a quotation.
    Further quotations inside such a paragraph ('"Cheer up," I said. "All countries …"')
    belong to its turn and stay in the run."""
    runs: list[list[int]] = []
    opens = False  # whether the paragraph of the previous quotation opens with a quotation
    for k, d in enumerate(drafts):
        prev = drafts[k - 1] if k else None
        if prev is not None and runs and d.local.paragraph <= prev.local.last_paragraph:
            runs[-1].append(k)  # the same paragraph: the same turn
            continue
        if prev is not None and runs and opens and d.local.starts_paragraph and \
                d.local.paragraph == prev.local.last_paragraph + 1:
            runs[-1].append(k)
        else:
            runs.append([k])
        opens = d.local.starts_paragraph
    return runs


def turns(drafts: Sequence[Draft], run: Sequence[int]) -> dict[int, int]:
    """The turn of each quotation of a run: its paragraph's place in the run."""
    out: dict[int, int] = {}
    turn, last = -1, -1
    for k in run:
        if drafts[k].local.paragraph > last:
            turn += 1
        last = max(last, drafts[k].local.last_paragraph)
        out[k] = turn
    return out


def _anchors(drafts: Sequence[Draft], run: Sequence[int]) -> list[int]:
    """The lines of a run that a cue or a colon attributes, with a speaker."""
    return [k for k in run if drafts[k].sieve in _ANCHORED and drafts[k].speaker is not None]


def _take_turns(drafts: list[Draft], run: Sequence[int], anchors: Sequence[int],
                other_voice: Callable[[int], EntityState | None], confidence: float) -> None:
    """Untagged lines of a run take turns, counted in paragraphs from the nearest tagged line
    (the earlier one on a tie): an even distance is its speaker, an odd one
    ``other_voice(nearest)``."""
    turn = turns(drafts, run)
    for k in run:
        d = drafts[k]
        if d.sieve in _ANCHORED or (d.speaker_mention is not None and d.speaker is None):
            continue
        near = min(anchors, key=lambda a: (abs(turn[a] - turn[k]), a > k))
        speaker, other = drafts[near].speaker, other_voice(near)
        if speaker is None or other is None:
            continue
        d.speaker = speaker if abs(turn[near] - turn[k]) % 2 == 0 else other
        d.speaker_mention = None
        d.sieve, d.confidence = "alternation", confidence


def _fill_dialogue_runs(drafts: list[Draft]) -> None:
    """In a run of quote paragraphs where two people are named, untagged lines take turns
    with the nearest other named voice. A run with one named speaker keeps the news
    convention (continuation)."""
    for run in runs(drafts):
        anchors = _anchors(drafts, run)
        if len({id(drafts[k].speaker) for k in anchors}) < 2:
            continue

        def nearest_other(near: int, anchors: list[int] = anchors) -> EntityState | None:
            speaker = drafts[near].speaker
            by_distance = sorted(anchors, key=lambda a: abs(a - near))
            return next((drafts[a].speaker for a in by_distance
                         if drafts[a].speaker is not speaker), None)

        _take_turns(drafts, run, anchors, nearest_other, 0.5)


def _fill_single_voice_runs(drafts: list[Draft]) -> None:
    """In conversation, a run where one person is named still takes turns: the other voice
    is the one the tagged line speaks to, else the last other speaker before the run, else
    the first after it."""
    for run in runs(drafts):
        anchors = _anchors(drafts, run)
        voices = {id(drafts[k].speaker) for k in anchors}
        if len(voices) != 1 or len(anchors) == len(run):
            continue
        speaker = drafts[anchors[0]].speaker
        spoken_to = [a for a in (drafts[k].addressee for k in anchors) if a is not None]
        partner = next((a for a in spoken_to if a is not speaker and a.type == "person"), None)
        outside = [*range(run[0] - 1, max(-1, run[0] - 7), -1),
                   *range(run[-1] + 1, min(len(drafts), run[-1] + 7))]
        for j in outside:
            if partner is not None:
                break
            other = drafts[j].speaker
            if other is not None and other is not speaker and other.type == "person":
                partner = other
        if partner is not None:
            found: EntityState = partner
            _take_turns(drafts, run, anchors, lambda _near: found, 0.45)  # noqa: B023


def _fill_unanchored_runs(drafts: list[Draft], resolver: Resolver) -> None:
    """In conversation, a run of quote paragraphs that no cue attributes still takes turns:
    its first line keeps the speaker it was given (by the ranker), and the other voice is
    the narrator of a first-person story, else the last other person who spoke before it."""
    for run in runs(drafts):
        if _anchors(drafts, run) or len(run) < 2:
            continue
        first = drafts[run[0]].speaker
        if first is None or first.type != "person":
            continue
        other: EntityState | None = None
        if resolver.narrator is not None and resolver.narrator != first.index:
            other = resolver.ents[resolver.narrator]  # the "I" of the story takes part
        else:
            other = next((e for j in range(run[0] - 1, max(-1, run[0] - 10), -1)
                          if (e := drafts[j].speaker) is not None and e is not first
                          and e.type == "person"), None)
        if other is None:
            continue
        found: EntityState = other
        _take_turns(drafts, run, [run[0]], lambda _near: found, 0.4)  # noqa: B023


def untagged_dialogue(locals_: Sequence[Local]) -> bool:
    """Before resolution, the test :func:`is_conversation` makes after it, without who
    speaks: many quotations no cue tags (at least 8, and a fifth of them). In such a text
    (fiction, a transcript) the pronoun resolver learned on news is not used."""
    untagged = sum(1 for loc in locals_ if loc.sieve not in _ANCHORED)
    return untagged >= 8 and untagged >= 0.2 * len(locals_)


def is_conversation(drafts: Sequence[Draft]) -> bool:
    """Fiction and transcripts: many untagged lines in runs where two or more people speak
    (at least 8, and a fifth of the quotations). News has a couple at most."""
    untagged = 0
    for run in runs(drafts):
        if len({id(drafts[k].speaker) for k in _anchors(drafts, run)}) >= 2:
            untagged += sum(1 for k in run if drafts[k].sieve not in _ANCHORED)
    return untagged >= 8 and untagged >= 0.2 * len(drafts)


def _dialogue_addressees(text: str, drafts: list[Draft], *, conversation: bool) -> None:
    """In a run of quote paragraphs between two or more people, a line with no addressee in
    the text is spoken to the other voice: the previous line's speaker, else the next's.

    Only in conversation (fiction, transcripts: many untagged turns) for every line; in other
    text only for lines that speak to someone ("you"), since in news quotes by two people in
    a row are rarely said to each other."""
    for run in runs(drafts):
        voices = {id(drafts[k].speaker) for k in run if drafts[k].speaker is not None}
        if len(voices) < 2:
            continue
        for i, k in enumerate(run):
            d = drafts[k]
            if d.speaker is None or d.addressee is not None:
                continue
            if not conversation and not _SECOND_PERSON.search(
                    " ".join(text[p.start : p.end] for p in d.local.quote.parts)):
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(run):
                    other = drafts[run[j]]
                    if other.speaker is not None and other.speaker is not d.speaker:
                        d.addressee, d.addressee_mention = other.speaker, other.speaker_mention
                        break
    if conversation:
        _nearest_other_voice(drafts)


def _nearest_other_voice(drafts: list[Draft]) -> None:
    """In conversation, a line still without an addressee (a quote inside narration) is
    said to the nearest other voice within two paragraphs, the earlier one first."""
    for k, d in enumerate(drafts):
        if d.speaker is None or d.addressee is not None:
            continue
        for j in (k - 1, k + 1, k - 2, k + 2):
            if not 0 <= j < len(drafts):
                continue
            other = drafts[j]
            near = abs(other.local.paragraph - d.local.paragraph) <= 2
            if near and other.speaker is not None and other.speaker is not d.speaker:
                d.addressee, d.addressee_mention = other.speaker, other.speaker_mention
                break


_VOCATIVE: Final = regex.compile(
    r"(?:,\s+(\p{Lu}[\p{Ll}’'\-]+)\s*[.?!,]|^(\p{Lu}[\p{Ll}’'\-]+),\s)")


def _name_the_narrator(text: str, drafts: Sequence[Draft], resolver: Resolver) -> None:
    """A first-person narrator is named by what the others call them: the commonest vocative
    ("Where were you, Jake?") in the lines that answer or precede the narrator's."""
    if resolver.narrator is None:
        return
    narrator = resolver.ents[resolver.narrator]
    counts: dict[str, int] = {}
    for k, d in enumerate(drafts):
        if d.speaker is None or d.speaker is narrator:
            continue
        near = [drafts[j] for j in (k - 1, k + 1) if 0 <= j < len(drafts)]
        if not any(n.speaker is narrator for n in near):
            continue
        for p in d.local.quote.parts:
            for m in _VOCATIVE.finditer(text, p.start, p.end):
                word = m.group(1) or m.group(2)
                if lexicon.is_first_name(word) and word.lower() not in nonname_words():
                    counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return
    name = ranked[0][0]
    full = next((e.tokens for e in resolver.ents if e.tokens and e.tokens[0] == name
                 and e is not narrator), (name,))
    narrator.tokens = full


def renumber(quotes: list[Quote]) -> list[Quote]:
    """Ids follow document order (outer before inner); parents follow their ids."""
    quotes = sorted(quotes, key=lambda q: (q.spans[0].start, q.parent is not None))
    new_id = {q.id: f"q{i + 1}" for i, q in enumerate(quotes)}
    return [q.renumbered(new_id[q.id], new_id.get(q.parent) if q.parent else None)
            for q in quotes]


_CARRIED: Final = frozenset({"paragraph", "continuation"})
#: How far after a speaker's mention its reporting word may stand ("Jordan, an oversight
#: panel member, said in a phone interview."), in characters.
_CUE_REACH: Final = 60
#: How far before a quotation the mention of its speaker that names its cue may end.
_NAMED_BEFORE: Final = 250


def _carried_cues(text: str, drafts: list[Draft]) -> None:
    """The cue of a quotation no cue of its own attributes, in news: the one that named its
    speaker. A quotation continuing the previous one's speaker takes that one's cue ('…,”
    he said. “Right now …”'); one whose speaker is named in the sentence before it takes
    the reporting word right after that name ("Jordan, a panel member, said in an
    interview. “But …”"). PolNeAR links such quotations to that cue."""
    for k, d in enumerate(drafts):
        if d.local.cue is not None or d.speaker is None:
            continue
        cue = None
        start = d.local.quote.start
        if d.sieve in _CARRIED and k > 0 and drafts[k - 1].speaker is d.speaker:
            cue = drafts[k - 1].local.cue
        else:
            # the speaker's latest mention before the quotation, in the text just before it
            named = d.speaker_mention.span.end if d.speaker_mention is not None else max(
                (m.end for m in d.speaker.mentions if m.end <= start), default=-1)
            if 0 <= named <= start and start - named <= _NAMED_BEFORE:
                cue = _cue_after(text, named, start)
        if cue is not None:
            d.local = replace(d.local, cue=cue)


def _cue_after(text: str, pos: int, limit: int) -> Cue | None:
    """The first word of the cue lexicon within :data:`_CUE_REACH` characters after
    ``pos`` (and before ``limit``), in the same sentence."""
    table = lexicon.cues()
    end = min(limit, pos + _CUE_REACH)
    for m in _CUE_WORD.finditer(text, pos, end):
        if m.group() in ".!?":
            return None  # the sentence ended
        entry = table.get(m.group().lower())
        if entry is not None:
            return Cue(Span(m.start(), m.end()), m.group(), entry.lemma, entry.manner)  # type: ignore[arg-type]
    return None


_CUE_WORD: Final = regex.compile(r"\p{L}[\p{L}’'-]*|[.!?]")


def _continue_speaker(drafts: list[Draft], k: int) -> None:
    """A quote paragraph with no cue continues the previous speaker, or takes the other
    turn in a two-person exchange."""
    d = drafts[k]
    if k == 0:
        return
    prev = drafts[k - 1]
    if not d.local.starts_paragraph:
        # a later quote in the same paragraph as an attributed one, with no cue of its own
        if prev.local.last_paragraph == d.local.paragraph and prev.speaker is not None:
            d.speaker, d.speaker_mention = prev.speaker, prev.speaker_mention
            d.sieve, d.confidence = "paragraph", 0.7
        return
    if prev.speaker is None or d.local.paragraph - prev.local.last_paragraph > 1:
        return
    other = prev.addressee
    older = drafts[k - 2] if k >= 2 else None
    exchange = (other is not None and other.type == "person" and older is not None
                and older.speaker is other
                and prev.local.paragraph - older.local.last_paragraph <= 1)
    if not exchange and older is not None and _dialogue(older, prev, d):
        # two quote paragraphs in a row by two people, then an untagged one: a turn
        exchange, other = True, older.speaker
    if exchange and other is not None:
        # the addressee of a turn is set only by second-person words (below)
        d.speaker, d.sieve, d.confidence = other, "alternation", 0.5
    else:
        d.speaker, d.sieve, d.confidence = prev.speaker, "continuation", 0.6
        if d.addressee is None and prev.addressee is not None:
            d.addressee, d.addressee_mention = prev.addressee, None
    d.speaker_mention = prev.speaker_mention if d.speaker is prev.speaker else None
    if d.sieve == "alternation":
        d.addressee_mention = None


def _dialogue(older: Draft, prev: Draft, d: Draft) -> bool:
    """Three quote paragraphs in a row, the first two by two different people."""
    return (older.speaker is not None and prev.speaker is not None
            and older.speaker is not prev.speaker
            and older.speaker.type == prev.speaker.type == "person"
            and older.local.starts_paragraph and prev.local.starts_paragraph
            and older.local.last_paragraph + 1 == prev.local.paragraph
            and prev.local.last_paragraph + 1 == d.local.paragraph)


def _from_previous_paragraph(d: Draft, resolver: Resolver, paras: Sequence[Span]) -> None:
    """A lone quote paragraph after a paragraph about exactly one person: that person."""
    p = d.local.paragraph
    if p == 0 or not d.local.starts_paragraph:
        return
    para = paras[p - 1]
    people = {idx for idx in resolver.entities_in(para.start, para.end)
              if resolver.ents[idx].type == "person"}
    if len(people) == 1:
        d.speaker = resolver.ents[people.pop()]
        d.sieve, d.confidence = "previous", 0.5


def _addressee_from_context(text: str, drafts: list[Draft], k: int,
                            resolver: Resolver) -> None:
    d = drafts[k]
    if d.addressee is not None or d.speaker is None:
        return
    # "Hilaria lashed out at her husband again. “…,” she snapped."
    loc = d.local
    para_start = _para_start(text, loc.quote.start)
    for m in reversed(lexicon.find_cues(text, para_start, loc.quote.start)):
        entry = m.entry
        if entry.addressee not in ("to", "at", "object"):
            continue
        start = m.end
        tail = text[start : start + 60]
        words = tail.split()
        if entry.addressee in ("to", "at"):
            if not words or words[0].lower() != entry.addressee:
                continue
            start += tail.index(words[0]) + len(words[0])
        target = _entity_at(resolver, start)
        if target is not None and target is not d.speaker:
            d.addressee = target
            d.addressee_mention = resolver.mention_at(_skip_spaces(text, start))
            return
    prev = drafts[k - 1] if k > 0 else None
    if prev is None or prev.speaker is None or prev.speaker is d.speaker:
        return
    if d.local.paragraph - prev.local.last_paragraph > 1:
        return
    reply = loc.cue is not None and loc.cue.lemma in _REPLY
    second = bool(_SECOND_PERSON.search(" ".join(text[p.start : p.end]
                                                 for p in loc.quote.parts)))
    if reply or (second and (prev.addressee is d.speaker or d.sieve == "alternation")):
        # the words that named the previous speaker stand for the addressee
        d.addressee, d.addressee_mention = prev.speaker, prev.speaker_mention


def _para_start(text: str, pos: int) -> int:
    i = text.rfind("\n", 0, pos)
    return i + 1


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _entity_at(resolver: Resolver, pos: int) -> EntityState | None:
    """The entity of the mention that starts at ``pos`` (after spaces)."""
    pos = _skip_spaces(resolver.text, pos)
    # the longest mention wins: "her husband", not its possessor "her"
    found = resolver.starting_at().get(pos)
    return resolver.ents[found] if found is not None else None


def _ref(e: EntityState | None, c: Mention | None) -> SpeakerRef | None:
    if e is None and c is None:
        return None
    if e is None:
        assert c is not None
        etype: EntityType = c.etype if c.etype != "unknown" else "unknown"
        return SpeakerRef(None, c.text, c.text, c.span, etype)
    mention = c.text if c is not None else e.name
    return SpeakerRef(f"e{e.index + 1}", e.name, mention, c.span if c else None, e.type)


def _quote(text: str, d: Draft, qid: str, parent: str | None) -> Quote:
    q = d.local.quote
    cue = d.local.cue
    return Quote(
        id=qid,
        kind=d.local.kind,
        text=" ".join(text[p.start : p.end] for p in q.parts),
        spans=q.parts,
        speaker=_ref(d.speaker, d.speaker_mention),
        addressee=_ref(d.addressee, d.addressee_mention),
        cue=CueRef(cue.text, cue.lemma, cue.span, cue.manner) if cue else None,
        parent=parent,
        confidence=max(0.0, min(1.0, d.confidence)),
    )


def _nested_quotes(text: str, drafts: Sequence[Draft], nested: Sequence[Nested],
                   resolver: Resolver, ids: dict[int, str], n: int) -> list[Quote]:
    """Quotes inside quotes: "me"/"I" is the outer speaker, "you" the outer addressee,
    "my father" the outer speaker's father."""
    out: list[Quote] = []
    starts = [d.local.quote.start for d in drafts]
    for nest in nested:
        inner = nest.inner
        k = bisect_right(starts, inner.start) - 1
        od = drafts[k] if k >= 0 and any(p.start <= inner.start < p.end
                                         for p in drafts[k].local.quote.parts) else None
        if od is None:
            continue
        sp = _inside(resolver, nest.speaker, od, inner.start)
        ad = _inside(resolver, nest.addressee, od, inner.start)
        out.append(Quote(
            id=f"q{n + len(out) + 1}", kind="direct",
            text=" ".join(text[p.start : p.end] for p in inner.parts), spans=inner.parts,
            speaker=_ref(sp, nest.speaker) if sp or nest.speaker else None,
            addressee=_ref(ad, nest.addressee) if ad else None,
            cue=CueRef(nest.cue.text, nest.cue.lemma, nest.cue.span, nest.cue.manner),
            parent=ids.get(od.local.quote.start),
            confidence=0.7 if sp else 0.1,
        ))
    return out


def _inside(resolver: Resolver, c: Mention | None, od: Draft, pos: int) -> EntityState | None:
    """The entity of a mention made inside the quotation ``od``."""
    if c is None:
        return None
    w = c.head
    if c.kind == "pronoun" and w in ("i", "me", "we", "us"):
        return od.speaker
    if c.kind == "pronoun" and w == "you":
        return od.addressee
    if c.kind == "pronoun":
        g: Gender = "male" if w in ("he", "him", "his") else (
            "female" if w in ("she", "her") else "unknown")
        return resolver.recent(pos, gender=g, exclude=od.speaker.index if od.speaker else None)
    if c.possessor is not None and od.speaker is not None and \
            resolver.text[c.possessor.start : c.possessor.end].lower() in ("my", "our"):
        resolver.of_mention[(c.possessor.start, c.possessor.end)] = od.speaker.index
    if c.kind == "name":
        return resolver.resolve_name(c)
    if c.kind == "anonymous":
        return resolver.ensure(c)
    return resolver.resolve_nominal(c, None, {})
