"""Unbalanced and stray quotation marks never crash, never swallow the article, and the real
quotations after them are still found; degenerate inputs give empty results."""

from __future__ import annotations

import pytest

from quotegraph import extract

REAL = "“The bridge reopens on Monday,” said Mayor Linda Okafor."


@pytest.mark.parametrize(
    "noise",
    [
        '"' * 20_000,
        "“" * 5_000 + " word " + "”" * 3_000,
        " ".join(["word", '"', "word", "“", "’", "'", "«"] * 3_000),
        "‘" * 10_000,
        "It’s the ’90s, rock ’n’ roll, the Joneses’ car, don’t " * 500,
    ],
    ids=["straight-run", "curly-runs", "mixed-stray", "single-openers", "apostrophes"],
)
def test_noise_paragraph_does_not_hide_the_next_quotation(noise: str) -> None:
    result = extract(noise + "\n\n" + REAL)
    found = [q for q in result.quotes if q.text == "The bridge reopens on Monday,"]
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.name == "Linda Okafor"


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = ("Okafor arrived late. “We were stuck behind the parade for an hour\n\n"
            "Mayor Linda Okafor then opened the session. “It reopens Monday,” she said.")
    result = extract(text)
    assert [q.text for q in result.quotes] == [
        "We were stuck behind the parade for an hour",
        "It reopens Monday,",
    ]


def test_an_unclosed_quote_before_a_quote_paragraph_continues_it() -> None:
    # the news convention: no closing mark, and the next paragraph opens with one
    text = "Okafor said: “We were stuck behind the parade for an hour.\n\n“It was absurd.”"
    [quote] = extract(text).quotes
    assert quote.text == "We were stuck behind the parade for an hour. It was absurd."
    assert len(quote.spans) == 2


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " date 2026-01-01 ", "“”", "\"\"\"", "’"])
def test_degenerate_inputs_give_no_quotations(text: str) -> None:
    assert extract(text).quotes == ()


def test_apostrophes_never_pair_into_a_quotation() -> None:
    text = "The Joneses’ dog barked at rock ’n’ roll fans in the ’90s, but don’t worry."
    assert extract(text).quotes == ()
