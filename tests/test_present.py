"""The web pages' pure helpers: cutting article text at quotation spans, the conversation
of an article, search marks, the timeline."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from quotegraph.web.present import (
    Segment,
    Turn,
    article_label,
    conversation,
    marked,
    segments,
    timeline,
)


def test_segments_cut_around_split_and_nested_quotations() -> None:
    # q0 is split in two spans; q1 nests inside q0's second span
    got = segments(30, [[[2, 6], [10, 20]], [[12, 15]]])
    assert got == [
        Segment(0, 2, None, False), Segment(2, 6, 0, True), Segment(6, 10, None, False),
        Segment(10, 12, 0, False), Segment(12, 15, 1, True), Segment(15, 20, 0, False),
        Segment(20, 30, None, False)]


def test_segments_clip_spans_outside_the_text_and_skip_empty_ones() -> None:
    assert segments(10, [[[-5, 3]], [[8, 50]], [[4, 4]]]) == [
        Segment(0, 3, 0, True), Segment(3, 8, None, False), Segment(8, 10, 1, True)]
    assert segments(0, []) == []


_SPAN = st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(list)


@given(n=st.integers(1, 60), spans=st.lists(st.lists(_SPAN, max_size=3), max_size=6))
def test_segments_tile_the_text_and_give_each_stretch_its_innermost_quotation(
        n: int, spans: list[list[list[int]]]) -> None:
    got = segments(n, spans)
    assert got[0].start == 0
    assert got[-1].end == n
    assert all(a.end == b.start for a, b in pairwise(got))
    lengths = [sum(max(0, min(e, n) - max(s, 0)) for s, e in q) for q in spans]
    for seg in got:
        for pos in range(seg.start, seg.end):
            covering = [i for i, q in enumerate(spans) if any(s <= pos < e for s, e in q)]
            if covering:
                assert seg.quote in covering
                assert lengths[seg.quote] == min(lengths[i] for i in covering)
            else:
                assert seg.quote is None
    firsts = [seg.quote for seg in got if seg.first]
    assert len(firsts) == len(set(firsts))
    assert set(firsts) == {seg.quote for seg in got if seg.quote is not None}


def _q(speaker: str | None, addressee: str | None = None) -> dict[str, Any]:
    def ref(name: str | None) -> dict[str, Any] | None:
        return None if name is None else {"entity": name.lower(), "name": name}
    return {"speaker": ref(speaker), "addressee": ref(addressee), "speaker_id": None,
            "addressee_id": None}


def test_conversation_keeps_the_people_of_exchanges_in_order() -> None:
    quotes = [_q("Ada"), _q("Bo"), _q("Ada", "Bo"), _q("Cy"), _q(None), _q("Bo", "Ada"),
              _q("Bo")]
    talk = conversation(quotes)
    assert [p["name"] for p in talk.participants] == ["Ada", "Bo"]
    assert talk.turns == [Turn(0, 0, None), Turn(1, 1, None), Turn(2, 0, 1), Turn(5, 1, 0),
                          Turn(6, 1, None)]
    assert conversation([_q("Ada"), _q("Bo")]).turns == []


def test_marked_flags_whole_words_folding_case_and_accents() -> None:
    assert marked("Tomás said the FERRY ferries", "tomas ferry") == [
        ("Tomás", True), (" said the ", False), ("FERRY", True), (" ferries", False)]
    assert marked("nothing here", None) == [("nothing here", False)]
    assert marked("a <b> b", "b") == [("a <", False), ("b", True), ("> ", False), ("b", True)]


def test_timeline_places_days_and_months() -> None:
    t = timeline([{"date": "2026-03-01", "quotations": 4}, {"date": "2026-03-31",
                                                              "quotations": 1},
                  {"date": "not a date", "quotations": 9}], width=100)
    assert [(d.x, d.day, d.quotations) for d in t.dots] == [
        (24.0, "2026-03-01", 4), (76.0, "2026-03-31", 1)]
    assert t.dots[0].r == 12.0
    assert t.ticks == [(24.0, "Mar 2026")]
    assert timeline([]).dots == []


def test_article_label() -> None:
    assert article_label({"title": "Pier vote", "source": "x/y.txt"}) == "Pier vote"
    assert article_label({"title": None, "source": "/data/2026/pier.txt", "id": "a"}) == (
        "pier.txt")
    assert article_label({"title": None, "source": None, "id": "abc"}) == "abc"
