"""Segmentation: news paragraphs are lines; hard-wrapped text has blank-line paragraphs whose
single newlines only wrap lines. Sentence ends skip abbreviations and short parentheses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph import extract
from quotegraph import text as text_module
from quotegraph.text import hard_wrapped, paragraphs, sentence_ends

WRAPPED = (
    "The ferry to Kell Island left forty minutes late on Sunday, and the\n"
    "harbourmaster, Agnes Moravec, met the passengers on the pier.\n"
    "\n"
    "\"We lost the morning tide because the relief crew was stuck on the\n"
    "mainland road,\" Moravec said. \"It will not happen twice.\"\n"
    "\n"
    "The island council will meet on Thursday to discuss the timetable and\n"
    "the crew rota for the winter months.\n"
)


def test_news_paragraphs_are_lines() -> None:
    text = "First paragraph.\nSecond paragraph.\n\nThird paragraph."
    assert not hard_wrapped(text)
    assert [text[p.start : p.end] for p in paragraphs(text)] == [
        "First paragraph.", "Second paragraph.", "Third paragraph."]


def test_hard_wrapped_paragraphs_are_blocks() -> None:
    assert hard_wrapped(WRAPPED)
    paras = paragraphs(WRAPPED)
    assert len(paras) == 3
    assert WRAPPED[paras[1].start : paras[1].end].startswith('"We lost the morning tide')
    assert WRAPPED[paras[1].start : paras[1].end].endswith('twice."')


def test_quotation_across_a_line_wrap_is_whole_and_attributed() -> None:
    [quote] = [q for q in extract(WRAPPED).quotes if q.kind == "direct"]
    assert quote.text == ("We lost the morning tide because the relief crew was stuck on the\n"
                          "mainland road, It will not happen twice.")
    assert len(quote.spans) == 2
    assert quote.speaker is not None and quote.speaker.name == "Agnes Moravec"


def test_a_name_may_wrap_across_lines() -> None:
    text = ("The new clinic on Harrow Street opened its doors on Monday morning and\n"
            "the first patient was seen by Dr. Imogen\n"
            "Castellanos just after eight o'clock in the morning.\n"
            "\n"
            "\"The waiting room was full before we unlocked the door,\" she said.\n")
    [quote] = [q for q in extract(text).quotes if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "Imogen Castellanos"


def test_sentence_ends() -> None:
    text = "Mr. Obi left. Rep. Ana Ruiz (D-Ore.) said no. U.S. officials agreed!"
    ends = sentence_ends(text, 0, len(text))
    assert [text[:e].split()[-1] for e in ends] == ["left.", "no.", "agreed!"]


_MARKS_TEXT = st.text(alphabet=st.sampled_from(list("ab .!?…\"”’')](\n5")), max_size=60)


@settings(max_examples=500, deadline=None)
@given(_MARKS_TEXT, st.integers(0, 70), st.integers(0, 70))
def test_punctuation_runs_are_what_the_sentence_end_expression_finds(
        text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    expected = [m.span() for m in text_module._SENT_END.finditer(text, start, end)]
    assert list(text_module._punctuation_runs(text, start, end)) == expected


def test_punctuation_runs_are_cut_at_the_window_end() -> None:
    text = 'He left?!” she said. “Yes…'
    assert list(text_module._punctuation_runs(text, 0, len(text))) == [(7, 10), (19, 20),
                                                                     (25, 26)]
    assert list(text_module._punctuation_runs(text, 0, 8)) == [(7, 8)]
    assert sentence_ends(text, 0, len(text)) == [10, 20, 26]
