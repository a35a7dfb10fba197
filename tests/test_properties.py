"""Property tests: whatever the text, offsets index it, quote text is its spans joined, ids and
parents are consistent, and the JSON contract's fields are all there."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from quotegraph import extract

WORDS = ["said", "she", "he", "told", "him", "Okafor", "Linda", "Mayor", "the", "council",
         "fired", "back", "one", "person", "wrote", "we", "will", "not", "don’t", "’90s",
         "Joneses’", "rock", "’n’", "roll", "according", "to", "Dr.", "Amara", "Lindqvist"]
MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", ",", ".", ":", "—", "\n", "\n\n"]
token = st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.text(max_size=3))


@settings(max_examples=300, deadline=None)
@given(st.lists(token, max_size=60).map(" ".join))
def test_offsets_index_the_text_and_quotes_are_their_spans(text: str) -> None:
    result = extract(text)
    body = result.text
    ids = [q.id for q in result.quotes]
    assert ids == [f"q{i + 1}" for i in range(len(ids))]
    for q in result.quotes:
        assert q.spans, q
        assert all(0 <= s.start < s.end <= len(body) for s in q.spans)
        assert list(q.spans) == sorted(q.spans)
        assert q.text == " ".join(body[s.start : s.end] for s in q.spans)
        assert q.parent is None or (q.parent in ids and q.parent != q.id)
        assert 0.0 <= q.confidence <= 1.0
        for ref in (q.speaker, q.addressee):
            if ref is not None and ref.span is not None:
                assert body[ref.span.start : ref.span.end] == ref.mention
        if q.cue is not None:
            assert body[q.cue.span.start : q.cue.span.end] == q.cue.text
    for e in result.entities:
        assert all(0 <= m.start < m.end <= len(body) for m in e.mentions)


@settings(max_examples=100, deadline=None)
@given(st.lists(token, max_size=40).map(" ".join))
def test_to_dict_is_the_json_contract(text: str) -> None:
    d = json.loads(json.dumps(extract(text, date="2026-01-02").to_dict()))
    assert set(d) == {"article", "text", "quotes", "entities"}
    assert set(d["article"]) == {"id", "source", "date", "title"}
    assert d["article"]["date"] == "2026-01-02"
    for q in d["quotes"]:
        assert set(q) == {"id", "kind", "text", "spans", "speaker", "addressee", "cue",
                          "parent", "confidence"}
        assert q["kind"] in ("direct", "indirect", "mixed")
        for ref in (q["speaker"], q["addressee"]):
            assert ref is None or set(ref) == {"entity", "name", "mention", "span", "type"}
    for e in d["entities"]:
        assert set(e) == {"id", "name", "type", "gender", "mentions", "title"}
