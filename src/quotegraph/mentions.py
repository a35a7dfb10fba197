"""Stage 4: speaker and addressee candidates — mentions of people, organisations and groups.

Found once over the narrative text (everything outside quotation marks): proper names with
their titles, third-person pronouns, and nominals (``her husband``, ``Hale's attorney``,
``the coach``, ``the 38-year-old``, ``the company``, ``the couple``). Anonymous-source phrases
are found where an attribution needs them (:func:`anonymous_at`), because words like
"another" or "some" are only sources next to a reporting verb.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Final

import regex

from . import lexicon
from .cuefeatures import name_classes, word_tags
from .records import EntityType, Gender, Mention, Number, Span


def _alternation(words: str) -> str:
    """A group matching exactly the space-separated ``words``, written as a tree of their
    letters (:func:`lexicon.trie_pattern`): the ``regex`` engine tries a list of
    alternatives one by one, but follows a tree letter by letter, and the name pattern tries
    these lists at every capitalised word (a quarter of its time).

    The tree tries a longer word before its prefix ("Mrs" before "Mr"), where the list
    tries them in its order, so it gives the same matches only where no two words can both
    lead to a match. That holds where it is used: each abbreviation ends in a period and no
    "X." is the start of another, and a particle must be followed by a space."""
    return f"(?:{lexicon.trie_pattern(words.split())})"


# A capitalised word; only initials ("J.", "U.S.") and known abbreviations ("Dr.", "Sen.") may
# end in a period inside a name, so "Cobb Street. Aldous" stays two mentions.
_ABBREV: Final = _alternation("Dr Mr Mrs Ms Mx Sen Rep Gov Gen Lt Col Capt Cpt Sgt Prof Rev St Jr"
                              " Sr Adm Cmdr Maj Det Insp Supt Atty Hon Pres Mt Ft Fr Msgr Cpl Pvt"
                              " Amb Sec Gens") + r"\."
_CAP: Final = rf"(?:(?:\p{{Lu}}\.)+(?![\p{{L}}])|{_ABBREV}|\p{{Lu}}[\p{{L}}\p{{M}}’'\-]*)"
_PARTICLE: Final = _alternation("de del della der den van von da di du la le bin al el ter ten dos"
                                " das st.")
# Between the words of a name: spaces, or a line wrap (regions never cross paragraphs).
_GAP: Final = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# The leading look-ahead changes no match (every form of _CAP opens with an upper-case
# letter), but lets the engine skip to upper-case letters instead of trying the look-behind
# at every position: a fifth faster.
_NAME_RE: Final = regex.compile(
    rf"(?=\p{{Lu}})(?<![\p{{L}}\p{{N}}’'\-]){_CAP}(?:{_GAP}(?:{_PARTICLE}{_GAP})?{_CAP})*"
)
_PRONOUNS: dict[str, tuple[Gender, Number]] = {
    "he": ("male", "singular"), "him": ("male", "singular"), "his": ("male", "singular"),
    "she": ("female", "singular"), "her": ("female", "singular"),
    "they": ("unknown", "plural"), "them": ("unknown", "plural"),
    "their": ("unknown", "plural"),
    # the narrator of a first-person text ("“Yes,” I said.")
    "i": ("unknown", "singular"), "me": ("unknown", "singular"), "my": ("unknown", "singular"),
}
FIRST_PERSON: Final = frozenset({"i", "me", "my"})
# He, him, his, she, her, they, them, their, I, me, my (capitalised but "me"), standing alone.
# The first letter comes before the look-behind (which then spans two characters) so that
# the engine scans for those letters in C instead of trying the look-behind at every
# position: twice as fast, same matches.
_PRONOUN_RE: Final = re.compile(r"[HhSsTtIMm](?<![\w’'-].)"
                                r"(?:(?<=[Hh])(?:e|im|is|er)|(?<=[Ss])he|(?<=[Tt])he(?:y|m|ir)|(?<=I)"
                                r"|(?<=m)e|(?<=[Mm])y)(?![\w’'-])")
_CONTRACTED: Final = frozenset(a + v for a in "’'" for v in ("ve", "m", "d", "ll"))
_AGE_RE: Final = regex.compile(r"(?<![\w-])the\s+(\d{1,3})-year-old(?![\w-])", regex.IGNORECASE)
_POSSESSIVE_TAIL: Final = ("’s", "'s", "’", "'")
_RANK: Final = frozenset({"sir", "dame", "lady", "lord"})


def _word_list(name: str) -> frozenset[str]:
    raw = resources.files("quotegraph").joinpath("data", name).read_text("utf-8")
    words: set[str] = set()
    for line in raw.splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


_NONNAMES: frozenset[str] | None = None


def nonname_words() -> frozenset[str]:
    """Function words, weekdays, months: capitalised, they still never start a name."""
    global _NONNAMES  # (a module global, as lexicon._first_names: read for every name)
    if _NONNAMES is None:
        _NONNAMES = _word_list("nonnames.txt")
    return _NONNAMES


@cache
def _place_words() -> frozenset[str]:
    return _word_list("place_words.txt")


@cache
def thought_cues() -> frozenset[str]:
    """Cue lemmas that report a thought in a novel's narration (``data/thought_cues.txt``)."""
    return _word_list("thought_cues.txt")


@cache
def speech_nouns() -> frozenset[str]:
    """Nouns that name an utterance: "was Mary's reasoning", "his reply"."""
    return _word_list("speech_nouns.txt")


def _strip_word(w: str) -> str:
    return w.rstrip(".").lower()


def _sentence_initial(text: str, pos: int, floor: int) -> bool:
    i = pos - 1
    while i >= floor and text[i] in " \t\n(“‘":
        i -= 1
    if i >= floor and text[i] in "”’\"'":
        i -= 1  # after a closing mark: '…,” Mullally' is mid-sentence, '….” Mullally' not
    return i < floor or text[i] in ".!?:\n…"


def _name_candidate(text: str, at: int, group: str, floor: int) -> Mention | None:
    if " " not in group and group.lower() in nonname_words():
        return None  # "The", "But", "He": the commonest capitalised words, quickly
    shape = _name_shape(group, _sentence_initial(text, at, floor))
    if shape is None:
        return None
    s, e = at + shape.start, at + shape.end
    kind = _silver_kind(shape.head) if shape.etype == "unknown" and not shape.title else ""
    place = kind == "LOCATION" or (shape.etype == "unknown" and not shape.title and (
        shape.head[:1].islower()  # "del Sol", "de Sarasate": the tail of a longer name
        or (_locative_before(text, max(floor, s - 16), s)
            and not lexicon.is_first_name(shape.head.split()[0]))))
    etype: EntityType = "organization" if kind == "ORGANIZATION" else shape.etype
    return Mention(span=Span(s, e), text=text[s:e], kind="name", gender=shape.gender,
                     head=shape.head, etype=etype, title=shape.title,
                     possessive=shape.possessive, weak=shape.weak, place=place)


def _silver_kind(head: str) -> str:
    """The kind of name the learned name table gives every word of ``head`` it knows
    ("Burma", "West Virginia": LOCATION; "Reuters": ORGANIZATION), its last word known;
    else "". (Person names are left to the first-name table and the context.)"""
    classes = name_classes()
    words = head.split()
    kind = classes.get(words[-1], "")
    if kind in ("", "PERSON") or any(classes.get(w, kind) != kind for w in words[:-1]):
        return ""
    return kind


# "in Milano", "at the Select", "the Lilas": a name after these is more likely a place than a
# person, unless it opens with a first name
_LOCATIVE_BEFORE: Final = regex.compile(
    r"(?:(?<![\w’'-])(?:in|at|into|from|near|past|through|toward|towards|across|along|outside|"
    r"inside|around|behind|opposite|on)\s+(?:the\s+)?|(?<![\w’'-])the\s+)\Z",
    regex.IGNORECASE)
# The words that _LOCATIVE_BEFORE can end on, before its spaces
_LOCATIVE_WORDS: Final = ("in", "at", "into", "from", "near", "past", "through", "toward",
                          "towards", "across", "along", "outside", "inside", "around", "behind",
                          "opposite", "on", "the")


_LOCATIVE_SET: Final = frozenset(_LOCATIVE_WORDS)


def _locative_before(text: str, start: int, end: int) -> bool:
    r"""Whether _LOCATIVE_BEFORE matches ``text[start:end]``, decided without the search
    (which tries the pattern at every position of the window, ignoring case) where the
    window ends in plain white space after ASCII.

    A match ends in white space after one of the words, and "X the " ends in "the " too, so
    it is enough that the last word before the white space is one of them, whole: its
    look-behind refuses a word character before it, even before the window. Where the
    white space there is plain (" ", tab, line break: ``\s`` to the pattern and white space
    to ``str.isspace``) and the word and the character before it are ASCII (whose letters
    match the words' letters ignoring case only in their two cases), that is a comparison
    of strings; anything else is left to the pattern."""
    j = end - 1
    while j >= start and text[j] in " \t\n":
        j -= 1
    if j < start:
        return False  # nothing but white space: no word
    if j == end - 1 or text[j].isspace():
        # no plain white space at the end (a match needs white space, and \s is within
        # str.isspace), or other white space before it: the pattern decides
        return text[j].isspace() and _LOCATIVE_BEFORE.search(text, start, end) is not None
    w = j + 1
    while w > start and ("a" <= text[w - 1] <= "z" or "A" <= text[w - 1] <= "Z"):
        w -= 1
    before = text[w - 1] if w > 0 else " "
    if not before.isascii():
        return _LOCATIVE_BEFORE.search(text, start, end) is not None  # "İn", "ſt", "éin"
    if w == j + 1 or text[w : j + 1].lower() not in _LOCATIVE_SET:
        return False
    return not (before.isalnum() or before in "_’'-")


@dataclass(frozen=True, slots=True)
class _Shape:
    """What a capitalised run says about itself, offsets relative to the run."""

    start: int
    end: int
    head: str
    title: str
    gender: Gender
    etype: EntityType
    possessive: bool
    weak: bool

    def __init__(self, start: int, end: int, head: str, title: str, gender: Gender,
                 etype: EntityType, possessive: bool, weak: bool) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "head", head)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "gender", gender)
        object.__setattr__(self, "etype", etype)
        object.__setattr__(self, "possessive", possessive)
        object.__setattr__(self, "weak", weak)


def _possessor_cut(words: list[str]) -> int:
    """How many words in front of ``words`` are an owner's possessive name, or 0."""
    for j in range(len(words) - 2, -1, -1):
        if words[j].endswith(("’s", "'s")) and len(words[j]) > 2:
            rest = words[j + 1:]
            if len(rest) >= 2 and lexicon.is_first_name(rest[0]):
                return j + 1
            return 0
    return 0


def _adverb_like(word: str) -> bool:
    w = _strip_word(word)
    return len(w) > 4 and w.endswith("ly") and not lexicon.is_first_name(word)


@lru_cache(maxsize=1 << 15)
def _name_shape(group: str, initial: bool) -> _Shape | None:
    """Titles, role words and possessives peeled off a capitalised run. It depends only on
    the run and on whether it opens a sentence, so it is cached: names recur."""
    words = group.split()
    starts: list[int] = []
    pos = 0
    for w in words:
        pos = group.index(w, pos)
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
    nonnames, titles = nonname_words(), lexicon.titles()
    i = 0
    while i < len(words) and _strip_word(words[i]) in nonnames and \
            _strip_word(words[i]) not in titles:
        i += 1
    # an adverb opening the clause ("Certainly Margaret", "Presently Helen"), not a first
    # name ("Kelly", "Emily")
    if i < len(words) - 1 and _adverb_like(words[i]):
        i += 1
    title_words: list[str] = []
    # "Sir Walter", "Lady Russell": a title of rank is part of how the person is named
    while i < len(words) - 1 and _strip_word(words[i]) in titles and \
            _strip_word(words[i]) not in _RANK:
        title_words.append(words[i])
        i += 1
    name_words = words[i:]
    # a sentence's final period is not part of a name ("said Kroll."), an initial's is ("J.")
    if name_words and name_words[-1].endswith(".") and len(name_words[-1].rstrip(".")) > 1 \
            and _strip_word(name_words[-1]) not in ("jr", "sr", "st"):
        name_words[-1] = name_words[-1].rstrip(".")
    # role words in front of a name ("Singer Paloma Ibarra", "Transport Minister Callum
    # Reade"): everything before the first known first name, or leading role nouns
    # "CBS News's Ray Moreno", "Harbor Radio's Ray Moreno": an owner's name in front, then a
    # person's (two words, or one opening with a first name); the owner describes her
    own = _possessor_cut(name_words)
    if own:
        title_words.extend(name_words[:own])
        name_words = name_words[own:]
        i += own
    roles = lexicon.relations()
    suffixes = lexicon.org_suffixes()
    # "The New York Times", "Bureau of Prisons": an organisation's own words, none of them
    # a role in front of a person's name
    org_like = bool(name_words) and (_strip_word(name_words[-1]) in suffixes
                                     or any(w.lower() == "of" for w in name_words))
    # (the cheap tests first in these conditions: a first-name look-up folds the word)
    # (the last first name before the surname: "Brixham Harbour Master Jo Hart", where
    # "Master" is a rare first name too)
    k = 0 if org_like else next((j for j in range(len(name_words) - 2, 0, -1)
                                 if lexicon.is_first_name(name_words[j])), 0)
    if org_like:
        pass
    elif k == 0:
        while len(name_words) > 2 and (_strip_word(name_words[0]) in roles
                                       or _strip_word(name_words[0]) in titles):
            title_words.append(name_words.pop(0))
            i += 1
    elif not lexicon.is_first_name(name_words[0]):
        title_words.extend(name_words[:k])
        name_words = name_words[k:]
        i += k
    if i == 0 and initial and len(name_words) >= 3 and name_words[0].endswith("s") and \
            not lexicon.is_first_name(name_words[0]):
        title_words.append(name_words.pop(0))  # "Potters Zephrine Aldous": a plural noun
        i += 1
    # an office after words that describe it ("Charlotte Mayor Jennifer Roberts", "Wells
    # Fargo CEO John Stumpf", "Homeland Security Secretary Jeh Johnson"): everything up to
    # the last office word describes the person and is not her name
    cut = 0 if org_like else _office_cut(name_words, titles, roles)
    if cut:
        title_words.extend(name_words[:cut])
        name_words = name_words[cut:]
        i += cut
    # trailing titles or function words are not part of a name ("Baldwin Said"), nor is a
    # noun for what was said ("Obama Speech"); but a month after a first name is a surname
    # ("Theresa May")
    while name_words and (_strip_word(name_words[-1]) in nonnames or (len(name_words) > 1
                          and _strip_word(name_words[-1]) in speech_nouns())) and not (
            len(name_words) == 2 and name_words[-1] in _MONTH_SURNAMES
            and lexicon.is_first_name(name_words[0])):
        name_words.pop()
    if not name_words:
        return None
    if len(name_words) == 1 and _strip_word(name_words[0]) in titles and not title_words:
        return None
    start = starts[i - len(title_words)] if title_words else starts[i]
    end = starts[i + len(name_words) - 1] + len(name_words[-1])
    head = " ".join(name_words)
    gender: Gender = "unknown"
    for t in title_words:
        said = lexicon.gender(titles.get(_strip_word(t), ("u", ""))[0])
        if said != "unknown":
            gender = said
    if gender == "unknown" and _strip_word(name_words[0]) in _RANK:
        g = titles.get(_strip_word(name_words[0]), ("u", ""))[0]
        gender = lexicon.gender(g)
    if gender == "unknown" and (len(name_words) > 1 or title_words):
        # a lone capitalised word that is also a first name ("Season 2", "Grace") is weak
        # evidence; it gets a gender by aliasing a full name instead
        gender = lexicon.first_name_gender(name_words[0])  # type: ignore[assignment]
    etype: EntityType = "unknown"
    last = _strip_word(name_words[-1])
    if len(name_words) > 1 and last in _place_words() and not title_words:
        return _Shape(start, end, head, "", "unknown", "unknown", possessive, True)
    if last in suffixes or any(w.lower() == "of" for w in name_words):
        etype = "organization"
    elif title_words or (len(name_words) > 1 and lexicon.is_first_name(name_words[0])):
        etype = "person"
    weak = len(name_words) == 1 and not title_words and i == 0 and initial
    return _Shape(start, end, head, " ".join(title_words),
                  gender if etype != "organization" else "unknown", etype, possessive, weak)


# Months that are also surnames, kept after a first name
_MONTH_SURNAMES: Final = frozenset({"May", "June", "August"})


def _office_cut(words: Sequence[str], titles: dict[str, tuple[str, str]],
                roles: dict[str, lexicon.Relation]) -> int:
    """How many leading words of a capitalised run describe the person named after them:
    up to the last office or role word that is followed by a name ("Press Secretary Josh
    Earnest" cuts two). Ranks ("Sir Walter") and a run's last word ("John Judge") never cut;
    nor does a run whose words after the office are not a name (one initial, a particle)."""
    for j in range(len(words) - 2, -1, -1):
        w = _strip_word(words[j])
        if w in _RANK:
            return 0
        if (w in titles or w in roles) and words[j + 1][:1].isupper() and \
                len(words[j + 1].rstrip(".")) > 1:
            return j + 1
    return 0


# A determiner or a possessive owner, then up to four lowercase words: the noun is looked up
# among them (a word scan with set look-ups, far faster than one regex of every noun).
# Every match opens with one of the letters [A-Zthimoy]. The pattern consumes that letter
# first and looks behind it after (as _PRONOUN_RE), so that the engine scans for those
# letters in C; the groups "det" and "owner" therefore hold the determiner and the owner
# less their first letter, which is the match's first (_nominal puts it back).
# The owner is capitalised words ([A-Z] then [\w’'-]*, joined by spaces before an [A-Z]),
# ending at the first apostrophe from which the possessive and the words follow. It was
# written with lazy repeats of single characters ([\w’'-]*?), and the engine then tried the
# possessive after every letter of every capitalised word: half the scan's time. A
# possessive can only begin at an apostrophe, so the owner is now taken in runs of [\w-]
# (possessive, no backtracking into them) and the ending is tried only at each apostrophe
# or space that ends a run: the same first ending, left to right, so the same matches
# (tests/test_mentions_scan.py checks it against the former pattern).
_NOMINAL_RE: Final = re.compile(
    r"[A-Zthimoy](?<![\w’'-].)"
    r"(?:(?P<det>(?<=[Tt])he(?:ir)?|(?<=[Hh])(?:is|er)|(?<=[Ii])ts|(?<=[Mm])y|(?<=[Oo])ur"
    r"|(?<=[Yy])our)"
    r"|(?<=[A-Z])(?P<owner>[\w\-]*+(?:(?:[’']|\s+[A-Z])[\w\-]*+)*?)(?:’s|'s|(?<=s)’|(?<=s)'))"
    r"\s+(?P<words>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,3})"
)
# "the Admiral", "the President": a title standing alone for the one person who holds it
# (the look-behind after the first letter, as in _PRONOUN_RE, so the engine scans for "T")
_TITLE_NOMINAL_RE: Final = re.compile(r"[Tt](?<![\w’'-].)he\s+(?P<title>[A-Z][a-z]+)(?![\w’'-])"
                                      r"(?!\s+[A-Z])")


@cache
def _nominal_nouns() -> frozenset[str]:
    return frozenset(lexicon.relations()) | lexicon.org_nouns() | lexicon.group_nouns()


def _noun(m: re.Match[str]) -> tuple[str, int]:
    """The nominal noun among the first words of a _NOMINAL_RE match (one or two words; "" if
    none), and where it ends. The words are lowercase words between white space, so
    str.split gives them (re's \\s is str.isspace) without a match object for each, as a scan
    for [a-z][a-z\\-]* would."""
    nouns = _nominal_nouns()
    group = m.group("words")
    words = group.split()
    for i in range(min(3, len(words))):
        last = -1  # the noun's last word
        if i + 1 < len(words) and words[i] + " " + words[i + 1] in nouns:
            last = i + 1
        elif words[i] in nouns:
            last = i
        elif words[i] in nonname_words():
            break  # "told her that the coach …": a function word ends the noun phrase
        if last >= 0:
            end = 0
            for w in words[: last + 1]:  # only white space lies before each word's next place
                end = group.index(w, end) + len(w)
            return " ".join(words[i : last + 1]), m.start("words") + end
    return "", -1


def _nominal(m: re.Match[str]) -> Mention | None:
    noun, noun_end = _noun(m)
    if not noun:
        return None
    start, det_end, owner_end = m.start(), m.end("det"), m.end("owner")  # (-1: no such group)
    det = m.string[start:det_end].lower() if det_end >= 0 else ""
    rel = lexicon.relations().get(noun)
    span = Span(start, noun_end)
    text = m.string[start:noun_end]
    possessor = None
    if det in ("his", "her", "their", "its", "my", "our", "your"):
        possessor = Span(start, det_end)
    elif owner_end >= 0:
        possessor = Span(start, owner_end)
    if noun in lexicon.group_nouns() and det in ("the", "their") and rel is None:
        return Mention(span, text, "group", number="plural", head=noun, etype="group",
                         possessor=possessor)
    if noun in lexicon.org_nouns() and rel is None:
        if det != "the":
            return None
        if (owned := _owned_role(m.string, noun_end)) is not None:
            role, end = owned
            return Mention(Span(start, end), m.string[start:end], "nominal",
                           gender=lexicon.gender(role.gender), head=role.noun, etype="person",
                           possessor=span)
        return Mention(span, text, "organization", head=noun, etype="organization")
    if rel is None:
        return None
    gender = lexicon.gender(rel.gender)
    return Mention(span, text, "nominal", gender=gender, head=noun, etype="person",
                     possessor=possessor)


_OWNED_ROLE: Final = re.compile(r"(?:’s|'s)\s+([a-z][a-z\-]*)(?![\w’'-])")


def _owned_role(text: str, at: int) -> tuple[lexicon.Relation, int] | None:
    """ "The council's lawyer": the role noun owned by the organisation whose noun ends at
    ``at``, and where it ends; else None."""
    m = _OWNED_ROLE.match(text, at)
    if m is None or (rel := lexicon.relations().get(m.group(1))) is None:
        return None
    return rel, m.end()


# "the Indiana governor", "The Republican presidential nominee", "the New York businessman":
# a role described by capitalised words of place or party
_DESCRIBED_RE: Final = regex.compile(
    r"(?<![\w’'-])[Tt]he\s+(?:\p{Lu}[\p{L}.\-]*\s+){1,3}"
    r"(?P<words>\p{Ll}[\p{Ll}\-]*(?:\s+\p{Ll}[\p{Ll}\-]*){0,2})")


def _described(text: str, at: int, end: int) -> Mention | None:
    """The role nominal described by capitalised words that opens at ``at``, or None: its
    role noun one of the first three lowercase words, and no first name before another
    capitalised word (that is a name: "the Mike Pence campaign"; "Indiana" alone is a
    first name too, and a place)."""
    m = _DESCRIBED_RE.match(text, at, end)
    if m is None:
        return None
    mods = text[at:m.start("words")].split()[1:]
    if any(_strip_word(w) in nonname_words() for w in mods) or \
            any(lexicon.is_first_name(w) for w in mods[:-1]):
        return None
    rels = lexicon.relations()
    stop = m.start("words")
    for w in m.group("words").split():
        stop = text.index(w, stop) + len(w)
        rel = rels.get(w)
        if rel is not None and rel.kind == "role":
            return Mention(Span(at, stop), text[at:stop], "nominal",
                           gender=lexicon.gender(rel.gender), head=w, etype="person")
    return None


def _title_nominal(m: re.Match[str]) -> Mention | None:
    word = m.group("title").lower()
    if len(word) <= 4 and m.string.startswith(".", m.end()):
        return None  # "the Rev. Agatha Pimm": an abbreviation before a name
    gender, kind = lexicon.titles().get(word, ("u", "honorific"))
    if kind == "honorific":  # "the Mr" is no one
        return None
    g = lexicon.gender(gender)
    return Mention(Span(m.start(), m.end()), m.group(), "nominal", gender=g, head=word,
                   etype="person")


# "Bureau of Prisons", "Committee for a Responsible Federal Budget", "Alliance to Reclaim Our
# Schools", "Commission on Presidential Debates": the words after an organisation's last
# word that belong to its name (never a day or a month: "the council on Friday")
_ORG_TAIL: Final = regex.compile(
    rf"{_GAP}(?:of|for|on|to){_GAP}(?:(?:the|a){_GAP})?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)"
    rf"{_CAP}(?:{_GAP}(?:(?:and|&|of|for|the){_GAP})?{_CAP})*")


def _with_org_tail(text: str, c: Mention, end: int) -> Mention:
    """``c`` stretched over an organisation name's tail, when one follows it."""
    m = _ORG_TAIL.match(text, c.span.end, end)
    if m is None or c.possessive:
        return c
    tail = " ".join(text[c.span.end:m.end()].split())
    return Mention(Span(c.span.start, m.end()), text[c.span.start:m.end()], "name",
                   head=f"{c.head} {tail}", etype="organization", title=c.title)


# "the Trump campaign", "Obama's administration": a body named after its leader
OWNED_ORG_NOUNS: Final = frozenset({"campaign", "administration", "team", "camp"})
_OWNED_ORG: Final = regex.compile(rf"(?:’s|'s|’|')?{_GAP}"
                                  rf"(?P<noun>{'|'.join(sorted(OWNED_ORG_NOUNS))})(?![\w’'-])")


def _with_owned_org(text: str, c: Mention, end: int) -> Mention:
    """``c`` as the organisation it names when "campaign", "administration" … follows it
    after "the" or a possessive; else ``c``. The head keeps the leader's name, which the
    resolver completes ("Donald Trump campaign")."""
    m = _OWNED_ORG.match(text, c.span.end, end)
    if m is None or not (c.possessive or text[max(0, c.span.start - 4):c.span.start].lower()
                         in ("the ", "the\n")):
        return c
    head = c.head + " " + m.group("noun")
    return Mention(Span(c.span.start, m.end()), text[c.span.start:m.end()], "name",
                   head=head, etype="organization")


def find_mentions(text: str, regions: Sequence[Span],
                  para_starts: Sequence[int]) -> list[Mention]:
    """Every mention inside ``regions`` (the narrative text between quotations), sorted."""
    out: list[Mention] = []
    # most articles have no "the 38-year-old": one look at the whole text spares a scan of
    # each region (the expression ignores case, and no other letter folds to these)
    low = lexicon.lowered(text)
    ages = low is None or "-year-old" in low
    for r in regions:
        floor = para_starts[max(0, bisect_left(para_starts, r.start + 1) - 1)] if para_starts \
            else 0
        taken: list[Span] = []
        pronouns, thes, dets = _anchored(text, r.start, r.end)
        for m in _nominal_matches(text, dets, _owner_starts(text, r.start, r.end), r.end):
            c = _nominal(m)
            if c is not None:
                out.append(c)
                taken.append(c.span)
        for m in _title_matches(text, thes, r.end):
            c = _title_nominal(m)
            if c is not None:
                out.append(c)
                taken.append(c.span)
        for s in thes:
            c = _described(text, s, r.end)
            if c is not None and not any(t.overlaps(c.span) for t in taken):
                out.append(c)
                taken.append(c.span)
        for m in _AGE_RE.finditer(text, r.start, r.end) if ages else ():
            out.append(Mention(Span(m.start(), m.end()), m.group(), "nominal",
                                 head="year-old", etype="person", age=int(m.group(1))))
        headline = _is_headline(text, floor, r.end)
        parties = _party_spans(text, r.start, r.end) if "(" in text[r.start:r.end] else ()
        tail_end = -1  # where the last organisation's "of ..." tail ended
        for m in _NAME_RE.finditer(text, r.start, r.end):
            if m.start() < tail_end:
                continue  # "Prisons" of "the Federal Bureau of Prisons": taken
            for at, group in _headline_pieces(m) if headline else ((m.start(), m.group()),):
                c = _name_candidate(text, at, group, floor)
                if c is not None and c.etype != "organization":
                    c = _with_owned_org(text, c, r.end)
                if c is not None and c.kind == "name" and \
                        _strip_word(c.head.rsplit(None, 1)[-1]) in lexicon.org_suffixes():
                    c = _with_org_tail(text, c, r.end)
                    tail_end = c.span.end
                # (most regions have no nominal: "not taken" spares building a generator)
                if c is not None and parties and any(p.start <= c.span.start and
                                                     c.span.end <= p.end for p in parties):
                    continue  # "(R-Tex.)", "(D)": a party and state, never a source
                if c is not None and (not taken or not any(
                        t.overlaps(c.span) and t.start <= c.span.start and c.span.end <= t.end
                        for t in taken)):
                    out.append(c)
        taken_starts = {t.start for t in taken}
        for s, e in _pronoun_spans(text, pronouns, r.end):
            written = text[s:e]
            word = written.lower()
            g, n = _PRONOUNS[word]
            if s in taken_starts:
                continue  # the "her" of "her husband" is the possessor, kept on the nominal
            out.append(Mention(Span(s, e), written, "pronoun", gender=g, number=n, head=word,
                                 etype="person" if n == "singular" else "group",
                                 possessive=word in ("his", "their", "my")))
    out.sort(key=lambda c: (c.span.start, -c.span.end))
    return _without_modifiers(text, out)


# After a capitalised word, lower-case words ending in a role noun, then a capital: the word
# says whose or where the role is ("MSNBC host Chris Matthews", "Democratic presidential
# nominee Hillary Clinton", "Latvian journalist Dainis Ivans")
_ROLE_THEN_NAME: Final = regex.compile(r"[ \t]+(?:\p{Ll}[\p{Ll}\-]*[ \t]+){0,2}?"
                                       r"(?P<role>\p{Ll}[\p{Ll}\-]*)[ \t]+(?=\p{Lu})")


def _without_modifiers(text: str, found: list[Mention]) -> list[Mention]:
    """The mentions with each capitalised modifier of a role before a name folded into that
    name's mention as its title: the name is the person, and the modifier neither speaks
    nor is spoken to."""
    out: list[Mention] = []
    skip = -1
    for k, c in enumerate(found):
        if k == skip:
            continue
        if c.kind == "name" and not c.possessive and k + 1 < len(found):
            m = _ROLE_THEN_NAME.match(text, c.span.end)
            nxt = found[k + 1]
            if m is not None and nxt.kind == "name" and nxt.span.start == m.end() and \
                    _person_noun(m.group("role")) and not _person_noun(c.head.lower()):
                title = " ".join(text[c.span.start : nxt.span.start].split())
                if nxt.title:
                    title = f"{title} {nxt.title}"
                span = Span(c.span.start, nxt.span.end)
                out.append(Mention(span, text[span.start : span.end], "name", nxt.gender,
                                   nxt.number, nxt.head, "person" if nxt.etype == "unknown"
                                   else nxt.etype, title, nxt.possessive, nxt.possessor,
                                   nxt.weak, nxt.age, nxt.place))
                skip = k + 1
                continue
        out.append(c)
    return out


# A party and state after a politician's name: "(R-Tex.)", "(D-N.Y.)", "(R)", "(I-Vt)"
_PARTY_RE: Final = regex.compile(r"\((?:R|D|I|Ind|Dem|Rep|GOP)"
                                 r"(?:[-–][A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\)")


def _party_spans(text: str, start: int, end: int) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _PARTY_RE.finditer(text, start, end)]


# -- headlines ----------------------------------------------------------------------------
# In a title-case line ("Obama Sees Personal Insult If Black Voters Stay Home") every word is
# capitalised, so a capitalised run is no name: it is cut at each word whose lower-case form
# the silver tagger of PolNeAR train read as a verb, function word, common noun or adjective,
# unless its capitalised form was read as a proper noun ("Trump", "Party").
_HEADLINE_BREAK_TAGS: Final = frozenset({
    "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "IN", "RP", "RB", "RBR", "RBS", "DT", "CC",
    "TO", "WRB", "WP", "WDT", "PRP", "PRP$", "NN", "NNS", "JJ", "JJR", "JJS", "CD"})
_HEADLINE_MAX: Final = 240  # characters: a longer line is prose


def _is_headline(text: str, floor: int, end: int) -> bool:
    """Whether the line from ``floor`` is in title case: short, and at least four in five of
    its words of four letters or more capitalised (three such words at least)."""
    line_end = text.find("\n", floor)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - floor > _HEADLINE_MAX or end > line_end:
        return False
    long_words = [w for w in text[floor:line_end].split() if len(w) >= 4 and w[0].isalpha()]
    upper = sum(1 for w in long_words if w[0].isupper())
    return upper >= 3 and upper * 5 >= 4 * len(long_words)


def _headline_pieces(m: regex.Match[str]) -> list[tuple[int, str]]:
    """The parts of a headline's capitalised run between its breaking words, each with
    its offset: "Donald Trump Is Right" gives "Donald Trump"."""
    tags = word_tags()
    pieces: list[tuple[int, str]] = []
    group, base = m.group(), m.start()
    first = -1
    last_end = 0
    for w in regex.finditer(r"\S+", group):
        word = w.group().rstrip(":,;.!?")
        low = tags.get(word.lower())
        breaks = low in _HEADLINE_BREAK_TAGS and tags.get(word) not in ("NNP", "NNPS")
        if breaks:
            if first >= 0:
                pieces.append((base + first, group[first:last_end]))
            first = -1
        else:
            if first < 0:
                first = w.start()
            last_end = w.end()
    if first >= 0:
        pieces.append((base + first, group[first:last_end]))
    return pieces


# -- pronouns and "the Admiral" from a few string searches ---------------------------------
# _PRONOUN_RE and _TITLE_NOMINAL_RE are the definitions; the engine tried them at every
# "h", "s", "t", "i" or "m" of every region (a twentieth of an article's time), where a
# handful of str.find calls per region, for letter pairs the words must hold, find every
# place they can start. tests/test_mentions_scan.py compares the two over random text.
# The forms _PRONOUN_RE matches, as written ("Me" and "i" are not pronouns to it).
_PRONOUN_FORMS: Final = frozenset({
    "he", "He", "him", "Him", "his", "His", "her", "Her", "she", "She", "they", "They",
    "them", "Them", "their", "Their", "I", "me", "my", "My"})
# (letters, offset): every form holds one of these pairs at that offset ("she": "he" at 1)
_PRONOUN_ANCHORS: Final = (("he", 0), ("he", 1), ("He", 0), ("hi", 0), ("Hi", 0), ("I", 0),
                           ("me", 0), ("my", 0), ("My", 0))
_LONGEST_PRONOUN: Final = 5


def _anchored(text: str, start: int, end: int) -> tuple[list[int], list[int], list[int]]:
    """Where in ``text[start:end]`` a pronoun may start (an anchor less its offset), where a
    title nominal may ("t" or "T" before an "he"), and where a determiner may (see
    _DETERMINERS), each sorted. (Searching the span of all regions at once, quotations
    included, finds more pairs than it saves calls.)"""
    found: list[int] = []
    # (the pairs of _PRONOUN_ANCHORS written out: a loop over that tuple boxes each pair)
    he = _find_all(text, "he", start, end, found)
    for i in he:
        if i > start:
            found.append(i - 1)  # "she", "they", "them", "their"
    big_he = _find_all(text, "He", start, end, found)
    hi = _find_all(text, "hi", start, end, found)
    big_hi = _find_all(text, "Hi", start, end, found)
    _find_all(text, "I", start, end, found)
    _find_all(text, "me", start, end, found)
    my = _find_all(text, "my", start, end, found)
    big_my = _find_all(text, "My", start, end, found)
    # (an offset found twice is "I" before "he", where no form starts: tested twice, in vain)
    found.sort()
    thes = [i - 1 for i in he if i > start and text[i - 1] in "Tt"]
    dets = thes + he + big_he + hi + big_hi + my + big_my  # the(ir), her, his, my
    for i in _find_all(text, "ts", start, end):
        if i > start and text[i - 1] in "Ii":
            dets.append(i - 1)  # "its"
    for i in _find_all(text, "ur", start, end):
        if i > start and text[i - 1] in "Oo":
            dets.append(i - 1)  # "our", or the "our" of "your"
            if i > start + 1 and text[i - 1] == "o" and text[i - 2] in "Yy":
                dets.append(i - 2)  # "your"
    dets.sort()
    return found, thes, dets


# The determiners of _NOMINAL_RE's "det" branch: its first letter in either case
_DETERMINERS: Final = frozenset(
    w for d in ("the", "their", "his", "her", "its", "my", "our", "your")
    for w in (d, d.capitalize()))
_LONGEST_DETERMINER: Final = 5


def _owner_starts(text: str, start: int, end: int) -> set[int]:
    r"""Where in ``text[start:end]`` the owner of _NOMINAL_RE ("Hale's attorney", "the
    Joneses' house") may start: the capitals of the runs that lead to an apostrophe.

    An owner is a capital, then runs of ``[\w\-]`` joined by an apostrophe or by white
    space before a capital, up to the apostrophe of its possessive. So from each apostrophe
    a walk to the left over those characters, crossing white space only where a capital
    follows it, passes every place an owner ending there can start. (A walk stops at the
    apostrophe before: from there on, that one's walk went the same way.)"""
    out: set[int] = set()
    marks: list[int] = []
    _find_all(text, "’", start, end, marks)
    _find_all(text, "'", start, end, marks)
    marks.sort()
    floor = start
    for p in marks:
        j = p - 1
        while j >= floor:
            ch = text[j]
            if ch.isspace():
                if not "A" <= text[j + 1] <= "Z":
                    break  # white space in an owner comes before a capital
                while j > floor and text[j - 1].isspace():
                    j -= 1
            elif not (ch.isalnum() or ch in "_-’'"):
                break
            elif "A" <= ch <= "Z":
                out.add(j)
            j -= 1
        floor = p + 1
    return out


def _nominal_matches(text: str, dets: Sequence[int], owners: set[int],
                     end: int) -> list[re.Match[str]]:
    r"""The matches of _NOMINAL_RE in the region ending at ``end``, given the places a
    determiner may start there and those an owner may (see _owner_starts), as ``finditer``
    gives them: left to right, none overlapping. The pattern is asked only at an owner's
    place, or where a whole determiner opens a word (no ``[\w’'-]`` before it) and white
    space follows it: its determiner branch matches nowhere else."""
    out: list[re.Match[str]] = []
    resume = 0
    for s in sorted(owners.union(dets)) if owners else dets:
        if s < resume or (s > 0 and _wordish(text[s - 1])):
            continue
        if s not in owners:
            e = s
            limit = min(end - 1, s + _LONGEST_DETERMINER)
            while e < limit and not text[e].isspace():
                e += 1
            if e == s or not text[e].isspace() or text[s:e] not in _DETERMINERS:
                continue
        m = _NOMINAL_RE.match(text, s, end)
        if m is not None:
            out.append(m)
            resume = m.end()
    return out


def _find_all(text: str, letters: str, start: int, end: int,
              into: list[int] | None = None) -> list[int]:
    """Every offset of ``letters`` in ``text[start:end]``, returned (and added to ``into``)."""
    out: list[int] = []
    i = text.find(letters, start, end)
    while i >= 0:
        out.append(i)
        i = text.find(letters, i + 1, end)
    if into is not None:
        into.extend(out)
    return out


def _wordish(ch: str) -> bool:
    r"""Whether ``ch`` is in ``[\w’'-]`` (re's ``\w`` is ``str.isalnum`` or "_")."""
    return ch.isalnum() or ch in "_’'-"


def _pronoun_spans(text: str, starts: Sequence[int], end: int) -> list[tuple[int, int]]:
    r"""The matches of _PRONOUN_RE among ``starts``, a region's candidates, ending by ``end``:
    a run of ``[\w’'-]`` that opens where no such character precedes it (even before the
    region, as a look-behind sees) and that is one of the forms, whole (the region's end
    ends a run, as the look-ahead sees the end of the window)."""
    out: list[tuple[int, int]] = []
    for s in starts:
        if s > 0 and _wordish(text[s - 1]):
            continue
        e = s
        limit = min(end, s + _LONGEST_PRONOUN)
        while e < limit and _wordish(text[e]):
            e += 1
        if (e == end or not _wordish(text[e])) and text[s:e] in _PRONOUN_FORMS:
            out.append((s, e))
        elif text[s] == "I" and text[s + 1:e] in _CONTRACTED:
            out.append((s, s + 1))  # "I've", "I’m": the pronoun before its verb
    return out


def _title_matches(text: str, starts: Sequence[int], end: int) -> list[re.Match[str]]:
    """The matches of _TITLE_NOMINAL_RE in the region ending at ``end`` that holds the
    candidate ``starts``, left to right and none overlapping, as ``finditer`` gives them."""
    out: list[re.Match[str]] = []
    resume = 0
    for s in starts:
        if s >= resume and (m := _TITLE_NOMINAL_RE.match(text, s, end)) is not None:
            out.append(m)
            resume = m.end()
    return out


# "one rider", "another neighbour": an unnamed individual picked out of a crowd
_ONE_NOUN: Final = regex.compile(r"(?<![\w’'-])(?:[Oo]ne|[Aa]nother)\s+(?:\p{Lu}\p{Ll}+\s+)?"
                                 r"(?!of\b|more\b|day\b|time\b|year\b|week\b|thing\b|way\b)"
                                 r"\p{Ll}[\p{Ll}\-]+(?![\w’'-])")


_MODIFIER_TAGS: Final = frozenset({"JJ", "NN", "NNS"})


# "the mayor's aides": the determiner of a common-noun owner joins it
_OWNER_DETERMINER: Final = regex.compile(r"(?<![\p{L}])(?:[Tt]he|[Aa]n?)\s+\Z")


def _modifiers_before(text: str, floor: int, at: int) -> int:
    """Where the adjectives and nouns right before a bare noun at ``at`` begin ("Coastal
    shipping experts", "foreign policy analysts"), by the silver tag table; ``at`` if none.
    A capitalised word joins only where it opens the sentence."""
    tags = word_tags()
    pos = at
    while pos - 2 >= floor and text[pos - 1] == " ":
        w_end = pos - 1
        w_start = w_end
        while w_start > floor and text[w_start - 1].isalpha():
            w_start -= 1
        word = text[w_start:w_end]
        if w_start - 1 > floor and text[w_start - 1] in "'’" and word == "s":
            # "Obama's aides": the owner belongs to the phrase, and nothing before it
            owner = w_start - 1
            while owner > floor and text[owner - 1].isalpha():
                owner -= 1
            if owner == w_start - 1:
                return pos
            det = _OWNER_DETERMINER.search(text, floor, owner)
            return det.start() if det is not None and text[owner - 1] == " " else owner
        if not word or word.lower() in lexicon.cues():
            break
        if word[0].isupper():
            # an opening word: a modifier unless the table knows it as a name ("Coastal",
            # unknown to it, joins; "Trump" does not)
            if not _sentence_initial(text, w_start, floor) or \
                    (tags.get(word) in ("NNP", "NNPS") and tags.get(word.lower()) is None) or \
                    tags.get(word.lower(), "JJ") not in _MODIFIER_TAGS or \
                    lexicon.is_first_name(word):
                break
        elif tags.get(word) not in _MODIFIER_TAGS:
            break
        pos = w_start
        if word[0].isupper():
            break
    return pos


def anonymous_at(text: str, start: int, end: int) -> list[Mention]:
    """Anonymous-source phrases in ``text[start:end]``, each stretched over a following
    ``for/at/of/with …`` phrase (``a spokesperson for the transit authority``)."""
    out: list[Mention] = []
    known = [(m.start, m.end) for m in lexicon.anonymous_table().find(text, start, end)]
    for m in _ONE_NOUN.finditer(text, start, end) if _may_hold_one(text, start, end) else ():
        if not any(s <= m.start() < e for s, e in known) and \
                m.group().split()[-1].lower() not in lexicon.cues():
            known.append((m.start(), m.end()))
    if _may_hold_quantified(text, start, end):
        for m in _QUANTIFIED.finditer(text, start, end):
            q_end = _quantified_end(m)
            if q_end < 0:
                continue
            # the phrase replaces what the table found inside it ("many", "residents")
            known = [(s, e) for s, e in known if not (m.start() <= s and e <= q_end)]
            if not any(s <= m.start() < e or m.start() <= s < q_end for s, e in known):
                known.append((m.start(), q_end))
    for ms, me in known:
        phrase = " ".join(text[ms:me].lower().split())
        if " " not in phrase and text[ms].islower():
            ms = _modifiers_before(text, start, ms)  # "foreign policy analysts"
        e = me
        ext = _EXTENSION.match(text, e, end)
        if ext and phrase not in ("another", "someone else", "others", "many", "some"):
            e = ext.end()
        number: Number = "plural" if lexicon.anonymous().get(phrase) == "plural" else "singular"
        out.append(Mention(Span(ms, e), text[ms:e], "anonymous", number=number,
                             head=phrase, etype="anonymous"))
    return out


# "many Democrats", "one West Virginia official", "two Democratic speechwriters", "several
# former RT journalists", "some residents": a count or quantifier, then capitalised words that
# say whose side or place, then (unless they end in a plural) a noun for people: unnamed sources
_QUANTIFIED: Final = regex.compile(
    r"(?<![\w’'-])(?P<q>[Mm]any|[Ss]ome|[Ss]everal|[Oo]ther|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|"
    r"[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Dd]ozens\s+of|[Nn]umerous|[Aa]|[Aa]n)"
    r"\s+(?:(?:former|top|senior|local|fellow|prominent|other|young|older|angry)\s+)?"
    r"(?P<caps>(?:\p{Lu}[\p{L}.\-]*\s+){0,2}\p{Lu}[\p{L}.\-]*)?"
    r"(?:\s*(?<=\s)(?P<noun>\p{Ll}[\p{Ll}\-]+))?(?![\w’'-])")
_QUANTIFIERS: Final = ("many", "some", "several", "other", "one", "two", "three", "four",
                       "five", "six", "seven", "eight", "nine", "ten", "dozens", "numerous",
                       "a", "an")


def _quantified_end(m: regex.Match[str]) -> int:
    """Where a _QUANTIFIED match that names people ends, or -1: its noun a person word
    ("official", "aides", "fishermen"); else, its last capitalised word a plural ("Democrats")
    after a plural quantifier ("a", "an" and "one" need a person noun: "a Democratic
    source"). With no capitalised word, only a plural person noun after a plural quantifier
    counts ("a resident" is left to the singular rules)."""
    q = m.group("q").lower()
    noun = m.group("noun")
    caps = (m.group("caps") or "").split()
    plural_q = q not in ("a", "an", "one")
    if any(w.lower().rstrip(".") in nonname_words() for w in caps):
        return -1
    if noun is not None and _person_noun(noun) and (caps or (plural_q and _plural(noun))):
        return int(m.end("noun"))
    if not caps:
        return -1
    last = caps[-1]
    if plural_q and len(last) > 3 and last.endswith("s") and \
            not last.endswith("ss") and not lexicon.is_first_name(last):
        return int(m.end("caps"))
    return -1


def _plural(noun: str) -> bool:
    return noun.endswith(("s", "men", "people", "folk"))


def _person_noun(noun: str) -> bool:
    rels = lexicon.relations()
    base = noun[:-3] + "man" if noun.endswith("men") else \
        noun[:-1] if noun.endswith("s") else noun
    nouns = _source_nouns()
    return noun in rels or base in rels or noun in nouns or base in nouns


@cache
def _source_nouns() -> frozenset[str]:
    return _word_list("source_nouns.txt")


def _may_hold_quantified(text: str, start: int, end: int) -> bool:
    """Cheap test: a capital letter follows a space somewhere after a quantifier word."""
    low = lexicon.lowered(text)
    if low is None:
        return True
    seg = low[start:end]
    return any(f"{q} " in seg for q in _QUANTIFIERS)


def _may_hold_one(text: str, start: int, end: int) -> bool:
    """False where _ONE_NOUN cannot match in ``text[start:end]``: no "one" or "another" (in
    the lowercased article) opens a word there. Each match holds one of them, lowercased,
    after no word character; a lowercase ASCII letter before it comes of a letter in the
    text ("K", the Kelvin sign, lowercases to "k"), which is a word character."""
    low = lexicon.lowered(text)
    if low is None:
        return True
    for word in ("one", "another"):
        i = low.find(word, start, end)
        while i >= 0:
            if i == 0 or not "a" <= low[i - 1] <= "z":
                return True
            i = low.find(word, i + 1, end)
    return False


_EXTENSION: Final = regex.compile(
    r"\s+(?:for|at|of|with|from|close\s+to|familiar\s+with)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\p{L}\-’'&.]+)(?:\s+(?!said\b|says\b|told\b|wrote\b|added\b)[\p{L}\-’'&.]+){0,4}?"
    r"(?=\s*[,.;:]|\s+(?:said|says|told|wrote|added|explained|noted)\b|\s*$)"
)
