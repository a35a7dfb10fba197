"""The bundled lexicons: sizes the issue asks for, valid values, and the look-ups."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph import lexicon, reported

MANNERS = {"neutral", "assertive", "hostile", "conciliatory", "humorous", "tentative", "written"}


def test_cue_lexicon_has_300_lemmas_with_valid_manners() -> None:
    cues = lexicon.cues()
    assert len({e.lemma for e in cues.values()}) >= 300
    assert {e.manner for e in cues.values()} == MANNERS
    assert {e.addressee for e in cues.values()} <= {"object", "to", "at", "none"}


@pytest.mark.parametrize(
    ("form", "lemma", "manner"),
    [
        ("said", "say", "neutral"),
        ("told", "tell", "neutral"),
        ("fired back", "fire back", "hostile"),
        ("snapped", "snap", "hostile"),
        ("lashed out", "lash out", "hostile"),
        ("jumped in", "jump in", "neutral"),
        ("pointed out", "point out", "neutral"),
        ("joked", "joke", "humorous"),
        ("conceded", "concede", "conciliatory"),
        ("insisted", "insist", "assertive"),
        ("tweeted", "tweet", "written"),
        ("according to", "according to", "neutral"),
    ],
)
def test_cue_entries(form: str, lemma: str, manner: str) -> None:
    entry = lexicon.cues()[form]
    assert (entry.lemma, entry.manner) == (lemma, manner)


def test_find_cues_prefers_the_longest_phrase_and_keeps_offsets() -> None:
    text = "she fired back, and then he pointed   out that it was late"
    found = lexicon.find_cues(text)
    assert [(m.text, m.entry.lemma) for m in found] == [
        ("fired back", "fire back"), ("pointed   out", "point out")]
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Hilaria", "female"), ("Alec", "male"), ("Linda", "female"), ("Luke", "male"),
     ("José", "male"), ("Zzyzxq", "unknown")],
)
def test_first_name_gender_table(name: str, gender: str) -> None:
    assert lexicon.first_name_gender(name) == gender


def test_other_lexicons_load() -> None:
    assert lexicon.titles()["dr"][1] == "honorific"
    assert lexicon.titles()["mrs"][0] == "f"
    husband = lexicon.relations()["husband"]
    assert (husband.gender, husband.inverse_f, husband.kind) == ("m", "wife", "kin")
    assert lexicon.anonymous()["one person"] == "singular"
    assert "company" in lexicon.org_nouns()
    assert "couple" in lexicon.group_nouns()


# Words that open phrases of both tables and learned forms, words inside them, and the joins
# where "\\b" and a word edge disagree (hyphens, apostrophes, underscores, digits).
SCAN_WORDS = ["said", "Said", "unsaid", "e-mail", "e-mailed", "mail", "a", "an", "one", "source",
              "sources", "official", "officials", "people", "familiar", "with", "the", "matter",
              "according", "to", "fired", "back", "go", "on", "state", "told", "re", "İ"]
JOINS = ["", " ", " ", "  ", "-", "'", "’", "\n", ".", ",", "_", "2"]
scan_text = st.lists(st.tuples(st.sampled_from(SCAN_WORDS), st.sampled_from(JOINS)),
                     max_size=40).map(lambda parts: "".join(w + j for w, j in parts))


@settings(max_examples=300, deadline=None)
@given(scan_text)
def test_phrase_tables_find_at_the_openings_what_a_search_everywhere_finds(text: str) -> None:
    for phrases in (lexicon.cues(), lexicon.anonymous()):
        at_openings = lexicon.PhraseTable(phrases)
        everywhere = lexicon.PhraseTable(phrases)
        everywhere._at_openings = False
        assert at_openings.find(text) == everywhere.find(text)


@settings(max_examples=300, deadline=None)
@given(scan_text)
def test_reporting_words_read_from_the_openings_are_those_of_a_scan(text: str) -> None:
    low = lexicon.lowered(text)
    if low is None:
        return  # the word-by-word path, which uses no openings
    chars = reported._WORD_CHARS
    scanned = [(m.start(), m.end(), m.group()) for m in reported._cue_word_pattern().finditer(low)
               if (m.start() == 0 or low[m.start() - 1] not in chars)
               and (m.end() == len(low) or low[m.end()] not in chars)]
    assert reported._cue_words(text) == scanned


# letters, the joins where "\\b" and a word edge disagree, white space of every kind, and
# word characters that are no a-z letter
OPENING_TEXT = st.lists(
    st.tuples(st.sampled_from([*SCAN_WORDS, "well-known", "e-mail-said", "saidé", "_said",
                               "said_", "2said", "said2", "x-said", "said-", "-said"]),
              st.sampled_from([*JOINS, "\u00a0", "\t", "é", "--", "(", "’s "])),
    max_size=40).map(lambda parts: "".join(w + j for w, j in parts))


@settings(max_examples=500, deadline=None)
@given(OPENING_TEXT)
def test_openings_are_what_the_openings_expression_finds(text: str) -> None:
    low = text.lower()
    expected = [(m.start(), m.group()) for m in lexicon._openings_pattern().finditer(low)]
    assert lexicon.openings(low) == expected


def test_openings_take_the_longest_hyphenated_word_and_go_on_after_it() -> None:
    words = lexicon.opening_words()
    assert "e-mailed" in words and "said" in words and "unsaid" not in words
    low = "she e-mailed-said unsaid-said x-said said_ said2 saidé (said)"
    assert lexicon.openings(low) == [(4, "e-mailed"), (13, "said"), (25, "said"),
                                     (32, "said"), (low.index("(said)") + 1, "said")]
