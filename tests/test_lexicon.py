"""The bundled lexicons: sizes the issue asks for, valid values, and the look-ups."""

from __future__ import annotations

import pytest

from quotegraph import lexicon

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
