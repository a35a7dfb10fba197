"""Reported speech: every case of ``tests/reported_cases.py``, checked record by record."""

from __future__ import annotations

import pytest

from quotegraph import extract

try:  # tests/ is not a package today; keep working if it becomes one
    from .reported_cases import CASES, R
except ImportError:
    from reported_cases import CASES, R


def test_the_table_has_thirty_cases_and_negatives() -> None:
    assert len(CASES) >= 30
    assert sum(1 for c in CASES if not c.reported) >= 8
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_reported_case(case: R) -> None:
    result = extract(case.text)
    got = [q for q in result.quotes if q.kind != "direct"]
    listing = "\n".join(f"  {q.kind} {q.text!r} speaker={q.speaker.name if q.speaker else None}"
                        f" cue={q.cue.lemma if q.cue else None}" for q in result.quotes)
    assert [(q.kind, q.text) for q in got] == [(r.kind, r.text) for r in case.reported], listing
    assert sum(1 for q in result.quotes if q.kind == "direct") == case.direct, listing
    for q, want in zip(got, case.reported, strict=True):
        # the spans index the article and rebuild the text
        assert " ".join(case.text[s.start : s.end] for s in q.spans) == q.text
        if want.speaker is not None:
            assert q.speaker is not None and q.speaker.name == want.speaker, listing
        if want.cue is not None:
            assert q.cue is not None and q.cue.lemma == want.cue, listing
        if want.addressee is not None:
            assert q.addressee is not None and q.addressee.name == want.addressee, listing


_RAISED = ("raising-expected", "raising-seems", "passive-accused")


@pytest.mark.parametrize("case", [c for c in CASES if c.id in _RAISED], ids=lambda c: c.id)
def test_a_raised_subject_is_content_and_names_no_source(case: R) -> None:
    (q,) = [q for q in extract(case.text).quotes if q.kind != "direct"]
    assert q.speaker is None
    assert len(q.spans) == 2 and q.spans[0].end <= q.cue.span.start < q.spans[1].start


def _novel(narration: str) -> str:
    """An invented scene of untagged dialogue (fiction, by the engine's test), with one
    paragraph of narration after it."""
    lines = ["“Is the coach late?” asked Edith Marlow.", "“It is always late,” said Tom Avery."]
    lines += [f"“{w}”" for w in ("Then we shall walk.", "In this rain?", "Why not?",
                                  "Because I have no boots.", "Take mine.", "They are huge.",
                                  "Then stay.", "I will not stay.", "Then walk.")]
    return "\n\n".join([*lines, narration])


@pytest.mark.parametrize(("narration", "expected"), [
    # words of saying that open a clause report speech in a novel too
    ("Tom told her that the coach had left an hour before.",
     [("indirect", "that the coach had left an hour before")]),
    ("Edith asked whether the inn at Fenwick was still open.",
     [("indirect", "whether the inn at Fenwick was still open")]),
    # narration: wanting, thinking, doing; a relative "that"; "according to custom"
    ("Edith wanted to go home before the rain grew worse.", []),
    ("Edith wondered whether the coach would ever come.", []),
    ("Tom made no mention that had anything to do with the boots.", []),
    ("According to custom, the coach waited at the inn for an hour.", []),
    ("Tom painted the gate of the inn a dull green that summer.", []),
], ids=["told-that", "asked-whether", "wanted", "wondered", "relative-that", "custom",
        "painted"])
def test_a_novels_narration_reports_only_what_was_said(narration: str,
                                                     expected: list[tuple[str, str]]) -> None:
    text = _novel(narration)
    start = text.index(narration)
    got = [(q.kind, q.text) for q in extract(text).quotes
           if q.kind != "direct" and q.spans[0].start >= start]
    assert got == expected
