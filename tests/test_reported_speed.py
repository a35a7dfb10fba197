"""Property tests for the faster forms of stage 5b's scans (quotegraph.reported): each must
give what the plain definition it replaces gives, on any text and any window."""

from __future__ import annotations

import re
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph import reported
from quotegraph.cuelearn import reported_cue_forms

# the words and marks each pattern looks for, their look-alikes ("hand", "rebut", "aſ" with a
# long s that IGNORECASE matches as "s"), and odd white space
CLAUSE_WORDS = ["and", "but", "And", "said", "added", "noted", "went", "quickly", "saying",
                "adding", "according", "then", "by", "hand", "rebut", "bút", "x", ",", ";",
                "—", "―", "–", "--", "---", "-"]
BOUNDARY_WORDS = ["that", "That", "THAT", "while", "as", "As", "aſ", "since", "who", "whom",
                  "whose", "which", "but", "and", "hand", "x", "1", "it’s", "re-that", "that’s",
                  "_as", ",", ";", ":", "(", "—", "―", "–", "’", "'", "."]
SPACES = [" ", " ", " ", " ", "\n", "\t", "\xa0", "\u2009", "\u3000", "\x1c", "\x85", ""]


def windows(vocabulary: list[str]) -> st.SearchStrategy[tuple[str, int, int]]:
    """A text of words mostly apart, as in prose (sometimes run together, or apart by odd
    white space), with a window in it, often all of it."""
    token = st.one_of(st.sampled_from(vocabulary), st.sampled_from(vocabulary),
                      st.sampled_from(vocabulary), st.text(max_size=2))
    texts = st.lists(st.tuples(token, st.sampled_from(SPACES)).map("".join),
                     min_size=4, max_size=40).map("".join)

    @st.composite
    def window(draw: st.DrawFn) -> tuple[str, int, int]:
        text = draw(texts)
        start = draw(st.one_of(st.just(0), st.integers(0, len(text))))
        end = draw(st.one_of(st.just(len(text)), st.integers(start, len(text))))
        return text, start, end

    return window()


def _old_clause_end(text: str, start: int, end: int) -> int:
    forms = reported_cue_forms()
    for m in reported._CLAUSE_END.finditer(text, start, end):
        verb = m.group("verb")
        if verb is None or verb in forms:
            return int(m.start())
    return end


def _old_last_boundary(text: str, floor: int, stop: int) -> int:
    left = floor
    for m in reported._BOUNDARY.finditer(text, floor, stop):
        left = m.end()
    return left


@settings(max_examples=1500, deadline=None)
@given(windows(CLAUSE_WORDS))
def test_clause_end_is_the_first_accepted_match_of_a_full_scan(w: tuple[str, int, int]) -> None:
    text, start, end = w
    assert reported._clause_end(text, start, end) == _old_clause_end(text, start, end)


@settings(max_examples=1500, deadline=None)
@given(windows(BOUNDARY_WORDS))
def test_the_reverse_search_finds_the_last_boundary(w: tuple[str, int, int]) -> None:
    text, floor, stop = w
    m = reported._LAST_BOUNDARY.search(text, floor, stop)
    assert (m.end() if m is not None else floor) == _old_last_boundary(text, floor, stop)


def test_no_letter_or_digit_is_white_space() -> None:
    # _clause_end_at passes over a word that follows a letter or digit: that must never be
    # the white space the pattern asks for
    space = regex.compile(r"\s")
    assert not [c for c in map(chr, range(sys.maxunicode + 1))
                if c.isalnum() and space.match(c)]


WORD_PIECES = ["said", "it’s", "U.S.", "re-said", "x", "7", "²", "Ⅻ", "é", "e\u0301", "٣",
               "_", "__x", "’", "'", ".", "-", "--", ",", "“", "—", "(", "…", "\u0301"]


def _old_n_words(n: int) -> re.Pattern[str]:
    return re.compile(rf"(?:[\W_]*+[^\W_](?:[^\W_]|[’'.\-])*+){{{n}}}")


@settings(max_examples=1500, deadline=None)
@given(windows(WORD_PIECES), st.integers(1, 12))
def test_word_count_pattern_matches_as_before(w: tuple[str, int, int], n: int) -> None:
    text, start, end = w
    new = reported._n_words(n).match(text, start, end)
    old = _old_n_words(n).match(text, start, end)
    assert (new.end() if new else None) == (old.end() if old else None)
    assert reported._at_least(text, start, end, n) == (old is not None)


def _old_trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    m = reported._LEAD.match(text, start, end)
    if m is not None:
        start = m.end()
    while end > start and text[end - 1] in reported._TRAIL:
        end -= 1
    return (start, end) if end > start else None


TRIM_PIECES = [" ", "  ", "\n", "\xa0", "\u2009", "\x1c", ",", ":", ";", "—", "–", "-", "“",
               "x", "7", "é", ".", "!", "?", "_", "’"]


@settings(max_examples=1000, deadline=None)
@given(windows(TRIM_PIECES))
def test_trim_as_before(w: tuple[str, int, int]) -> None:
    text, start, end = w
    span = reported._trim(text, start, end)
    assert ((span.start, span.end) if span else None) == _old_trim(text, start, end)


def test_ignorecase_letters_lower_to_themselves_but_two() -> None:
    # _may_hold: every character an IGNORECASE pattern of the regex module matches with an
    # ASCII letter lowers to that letter, or is one of _FOLDS_APART
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found = set(regex.findall(f"(?i){letter}", everything))
        assert {c for c in found if c.lower() != letter} <= set(reported._FOLDS_APART)


HOLD_WORDS = ["that", "THAT", "tHat", "İf", "if", "whether", "WHETHER", "how", "hoW", "who",
              "WHO", "whİch", "which", "whose", "show", "life", "x", "’", "-", ",", "ſ"]


@settings(max_examples=1000, deadline=None)
@given(windows(HOLD_WORDS))
def test_may_hold_whenever_the_pattern_matches(w: tuple[str, int, int]) -> None:
    text, start, end = w
    if reported._THAT.search(text, start, end):
        assert reported._may_hold(text, start, end, reported._THAT_WORDS)
    if reported._RELATIVE.search(text, start, end):
        assert reported._may_hold(text, start, end, ("who", "which"))


ADJUNCT_WORDS = ["in", "on", "at", "last", "also", "would", "did", "was", "quickly", "Quickly",
                 "reportedly", "ly", "only", "early", "fly", "in2", "2016", "week", "the",
                 "mayor", "harbour", "officials", "In", "ON", "said", "ſaid", "é", ",", "."]


@settings(max_examples=3000, deadline=None)
@given(windows(ADJUNCT_WORDS))
def test_trailing_adjunct_look_never_skips_a_match(window: tuple[str, int, int]) -> None:
    text, start, end = window
    if reported._TRAILING_ADJUNCT.search(text, start, end) is not None:
        assert reported._may_trail(text, start, end)


def test_trailing_adjunct_look_skips_plain_noun_phrases() -> None:
    assert not reported._may_trail("federal prosecutors ", 0, 20)
    assert reported._may_trail("federal prosecutors in April ", 0, 29)
    assert reported._TRAILING_ADJUNCT.search("federal prosecutors in April ", 0, 29)
