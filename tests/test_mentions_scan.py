"""The mention scans, rewritten for speed, against their former definitions: whatever the
text and the bounds of the scan, the same matches with the same groups."""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph import mentions

# The former patterns, as they were before the scans were made cheaper.
_OLD_ABBREV = (r"(?:Dr|Mr|Mrs|Ms|Mx|Sen|Rep|Gov|Gen|Lt|Col|Capt|Cpt|Sgt|Prof|Rev|St|Jr|Sr|Adm"
               r"|Cmdr|Maj|Det|Insp|Supt|Atty|Hon|Pres|Mt|Ft|Fr|Msgr|Cpl|Pvt|Amb|Sec|Gens)\.")
_OLD_CAP = rf"(?:(?:\p{{Lu}}\.)+(?![\p{{L}}])|{_OLD_ABBREV}|\p{{Lu}}[\p{{L}}\p{{M}}’'\-]*)"
_OLD_PARTICLE = r"(?:de|del|della|der|den|van|von|da|di|du|la|le|bin|al|el|ter|ten|dos|das|st\.)"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
OLD_NAME = regex.compile(
    rf"(?=\p{{Lu}})(?<![\p{{L}}\p{{N}}’'\-]){_OLD_CAP}(?:{_GAP}(?:{_OLD_PARTICLE}{_GAP})?{_OLD_CAP})*"
)
OLD_NOMINAL = re.compile(
    r"(?=[A-Zthimoy])(?<![\w’'-])"
    r"(?:(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our)"
    r"|(?P<owner>[A-Z][\w’'\-]*?(?:\s+[A-Z][\w’'\-]*?)*?)(?:’s|'s|(?<=s)’|(?<=s)'))"
    r"\s+(?P<words>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,3})"
)

# Words and marks that stress the patterns: abbreviations and their prefixes, particles,
# possessives, initials, determiners, capitals outside ASCII, every kind of gap.
WORDS = ["Mr", "Mrs", "Ms", "Msgr", "Gen", "Gens", "Sen", "Sec", "St", "Dr", "Det", "Capt",
         "Cpt", "Mx", "de", "del", "della", "der", "den", "da", "das", "dos", "st", "van",
         "bin", "el", "ter", "J", "U", "S", "Ng", "O", "Brien", "Anna", "Ibarra", "Joneses",
         "James", "İnci", "Ésa", "ſt", "the", "The", "their", "his", "her", "Her", "its", "my",
         "our", "your", "Your", "mother", "wife", "chief-of-staff", "coach", "company", "x2",
         "thing", "s", "is", "in", "at", "on", "into", "near", "opposite", "İn", "ON", "tHe",
         "Milano", "Select", "Lilas", "McAdams", "Zoë", "R2_D2", "best", "friend",
         "twin", "brother", "vice", "president", "school", "district", "chief", "executive",
         "best friend", "vice  president", "twin\nbrother", "the chief\texecutive"]
MARKS = [" ", "  ", "\t", "\n", " \n ", ".", "’", "'", "’s", "'s", "-", ",", "“", "”", "\x1c",
         "\u00a0", "\u2028", "_", "2"]
token = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.text(max_size=2))
# mostly one space between tokens, else a possessive, a period, a line break or nothing
gap = st.sampled_from([" ", " ", " ", " ", "", "’s ", "'s ", "’ ", "' ", ". ", "\n", "\t "])
texts = st.lists(st.tuples(token, gap), max_size=30).map(lambda ps: "".join(a + b for a, b in ps))


def _all(pattern: re.Pattern[str] | regex.Pattern[str], text: str, start: int,
         end: int) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(pattern.groups + 1))
            for m in pattern.finditer(text, start, end)]


@settings(max_examples=3000, deadline=None)
@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_name_scan_is_the_former(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    assert _all(mentions._NAME_RE, text, start, end) == _all(OLD_NAME, text, start, end)


@settings(max_examples=3000, deadline=None)
@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_nominal_scan_is_the_former(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    # the new groups "det" and "owner" lack the match's first letter
    new = [(m.span(), (m.start(), m.end("det")) if m.end("det") >= 0 else (-1, -1),
            (m.start(), m.end("owner")) if m.end("owner") >= 0 else (-1, -1), m.span("words"))
           for m in mentions._NOMINAL_RE.finditer(text, start, end)]
    assert new == _all(OLD_NOMINAL, text, start, end)


_OLD_WORD = re.compile(r"[a-z][a-z\-]*")


def _old_noun(m: re.Match[str]) -> tuple[str, int]:
    nouns = mentions._nominal_nouns()
    words = list(_OLD_WORD.finditer(m.string, m.start("words"), m.end("words")))
    for i, w in enumerate(words[:3]):
        if i + 1 < len(words) and f"{w.group()} {words[i + 1].group()}" in nouns:
            return f"{w.group()} {words[i + 1].group()}", words[i + 1].end()
        if w.group() in nouns:
            return w.group(), w.end()
        if w.group() in mentions.nonname_words():
            break  # a function word ends the noun phrase ("her that the coach")
    return "", -1


@settings(max_examples=3000, deadline=None)
@given(texts)
def test_nominal_nouns_are_the_former(text: str) -> None:
    for m in mentions._NOMINAL_RE.finditer(text):
        assert mentions._noun(m) == _old_noun(m)


@settings(max_examples=3000, deadline=None)
@given(texts, st.integers(0, 200), st.integers(0, 40))
def test_locative_look_is_the_search(text: str, a: int, width: int) -> None:
    end = min(a, len(text))
    start = max(0, end - width)
    expected = mentions._LOCATIVE_BEFORE.search(text, start, end) is not None
    assert mentions._locative_before(text, start, end) == expected


def test_locative_look_knows_every_case_of_its_letters() -> None:
    """The look assumes the words' letters match, ignoring case, only their two cases and
    "İ", "ſ" (which it leaves to the search, as they are not ASCII)."""
    letters = regex.compile(f"[{''.join(set(''.join(mentions._LOCATIVE_WORDS)))}]",
                            regex.IGNORECASE)
    others = [chr(cp) for cp in range(0x110000)
              if not chr(cp).isascii() and letters.match(chr(cp))]
    assert set(others) <= {"İ", "ſ"}, others
    # and white space, for the pattern, is white space for str.isspace
    ws = regex.compile(r"\s")
    assert all(chr(cp).isspace() for cp in range(0x110000) if ws.match(chr(cp)))


# Pronouns and the "the" of title nominals, found from string searches (mentions._anchored)
PRONOUN_WORDS = ["he", "He", "HE", "him", "Him", "his", "His", "her", "Her", "hers", "she",
                 "She", "they", "They", "them", "Them", "their", "Their", "theirs", "the",
                 "The", "then", "I", "i", "me", "Me", "my", "My", "mys", "hi", "Hi", "hey",
                 "ashe", "the Admiral", "The President", "the Rev.", "the Mr", "the Ca",
                 "the Admiral Hale", "the The", "Thé", "Ihe"]
pronoun_texts = st.lists(st.tuples(st.one_of(st.sampled_from(PRONOUN_WORDS),
                                             st.sampled_from(MARKS), st.text(max_size=2)),
                                   gap), max_size=30
                         ).map(lambda ps: "".join(a + b for a, b in ps))


def _bounds(text: str, a: int, b: int) -> tuple[int, int]:
    return min(a, b, len(text)), min(max(a, b), len(text))


@settings(max_examples=3000, deadline=None)
@given(pronoun_texts, st.integers(0, 200), st.integers(0, 200))
def test_pronoun_search_is_the_pattern(text: str, a: int, b: int) -> None:
    start, end = _bounds(text, a, b)
    pronouns, _, _ = mentions._anchored(text, start, end)
    found = mentions._pronoun_spans(text, pronouns, end)
    assert found == [m.span() for m in mentions._PRONOUN_RE.finditer(text, start, end)]


@settings(max_examples=3000, deadline=None)
@given(pronoun_texts, st.integers(0, 200), st.integers(0, 200))
def test_title_search_is_the_pattern(text: str, a: int, b: int) -> None:
    start, end = _bounds(text, a, b)
    expected = [m.span() for m in mentions._TITLE_NOMINAL_RE.finditer(text, start, end)]
    _, thes, _ = mentions._anchored(text, start, end)
    assert [m.span() for m in mentions._title_matches(text, thes, end)] == expected


def test_every_pronoun_holds_an_anchor() -> None:
    for form in mentions._PRONOUN_FORMS:
        assert any(form[back : back + len(letters)] == letters
                   for letters, back in mentions._PRONOUN_ANCHORS), form
        assert len(form) <= mentions._LONGEST_PRONOUN
    # and the forms are exactly what the pattern takes, among the words' cases
    candidates = {w for f in mentions._PRONOUN_FORMS for w in (f, f.lower(), f.title(),
                                                               f.upper())}
    assert {w for w in candidates if mentions._PRONOUN_RE.fullmatch(w)} == \
        set(mentions._PRONOUN_FORMS)


def test_pronouns_in_a_sentence() -> None:
    text = "Then she told him: “They and I”—her words—met my aunt, Thé, and them."
    pronouns, _, _ = mentions._anchored(text, 0, len(text))
    words = [text[s:e] for s, e in mentions._pronoun_spans(text, pronouns, len(text))]
    assert words == ["she", "him", "They", "I", "her", "my", "them"]


DETERMINER_WORDS = ["the", "The", "THE", "their", "Their", "theirs", "his", "His", "her", "Her",
                    "its", "Its", "it", "my", "My", "our", "Our", "ours", "your", "Your",
                    "yours", "tour", "four", "ts", "ur", "mother", "wife", "chief-of-staff",
                    "coach", "company", "the coach", "his wife", "Hale", "x2", "their  twin"]
determiner_texts = st.lists(st.tuples(st.one_of(st.sampled_from(DETERMINER_WORDS),
                                                st.sampled_from(MARKS), st.text(max_size=2)),
                                      gap), max_size=30
                            ).map(lambda ps: "".join(a + b for a, b in ps))


def _nominals_found(text: str, start: int, end: int) -> list[tuple[tuple[int, int], ...]]:
    _, _, dets = mentions._anchored(text, start, end)
    owners = mentions._owner_starts(text, start, end)
    return [(m.span(), m.span("det"), m.span("owner"), m.span("words"))
            for m in mentions._nominal_matches(text, dets, owners, end)]


def _nominals_expected(text: str, start: int, end: int) -> list[tuple[tuple[int, int], ...]]:
    return [(m.span(), m.span("det"), m.span("owner"), m.span("words"))
            for m in mentions._NOMINAL_RE.finditer(text, start, end)]


@settings(max_examples=3000, deadline=None)
@given(determiner_texts, st.integers(0, 200), st.integers(0, 200))
def test_nominal_search_is_the_pattern_at_determiners(text: str, a: int, b: int) -> None:
    start, end = _bounds(text, a, b)
    assert _nominals_found(text, start, end) == _nominals_expected(text, start, end)


@settings(max_examples=3000, deadline=None)
@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_nominal_search_is_the_pattern_at_owners(text: str, a: int, b: int) -> None:
    start, end = _bounds(text, a, b)
    assert _nominals_found(text, start, end) == _nominals_expected(text, start, end)


def test_owners_start_at_the_capitals_before_a_possessive() -> None:
    text = "and Vice President Ana O’Neill’s aide met the Joneses' lawyer, not Bo’s"
    starts = sorted(mentions._owner_starts(text, 0, len(text)))
    assert [text[s] for s in starts] == ["V", "P", "A", "O", "N", "J", "B"]
    assert [m.group() for m in mentions._nominal_matches(
        text, mentions._anchored(text, 0, len(text))[2], set(starts), len(text))] == \
        ["Vice President Ana O’Neill’s aide met the", "Joneses' lawyer"]


ONE_WORDS = ["one", "One", "ONE", "another", "Another", "someone", "phone", "rider", "neighbour",
             "Harbor", "of", "day", "mother", "Kone", "\u212aone", "İone", "one-off", "no one"]
one_texts = st.lists(st.tuples(st.one_of(st.sampled_from(ONE_WORDS), st.sampled_from(MARKS),
                                         st.text(max_size=2)), gap), max_size=30
                     ).map(lambda ps: "".join(a + b for a, b in ps))


@settings(max_examples=3000, deadline=None)
@given(one_texts, st.integers(0, 200), st.integers(0, 200))
def test_one_noun_look_never_skips_a_match(text: str, a: int, b: int) -> None:
    start, end = _bounds(text, a, b)
    if mentions._ONE_NOUN.search(text, start, end) is not None:
        assert mentions._may_hold_one(text, start, end)


def test_one_noun_look_skips_windows_without_one() -> None:
    text = "Someone said the phone rang; another rider agreed."
    assert not mentions._may_hold_one(text, 0, 27)
    assert mentions._may_hold_one(text, 0, len(text))
