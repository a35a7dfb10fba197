"""Stage 3 finds its quotation marks with ``str.find``; they are what its expression finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph import quotes

_TEXT = st.text(alphabet=st.sampled_from(list("ab \n.\"“”„‟«»‹›'‘’‚`")), max_size=50)


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_mark_runs_are_what_the_marks_expression_finds(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    expected = [(m.start(), m.end() - m.start())
                for m in quotes._MARKS.finditer(text, start, end)]
    assert quotes._mark_runs(text, start, end) == expected


def test_doubled_marks_are_one_mark_and_a_lone_backtick_none() -> None:
    text = "``Go,'' he said. '''x` y"
    assert quotes._mark_runs(text, 0, len(text)) == [(0, 2), (5, 2), (17, 2), (19, 1)]
    assert quotes._mark_runs(text, 0, 6) == [(0, 2), (5, 1)]  # cut at the window's end
