"""The founding example: shared/examples/baldwin-red-carpet.txt must come out exactly as its
expected.json says for every direct quotation (speaker, addressee, cue), and the show title in
quotation marks must not be a quotation. Read from ../shared; skipped when it is absent."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from quotegraph import extract_file

EXAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "examples"
ARTICLE = EXAMPLES / "baldwin-red-carpet.txt"
GOLD = EXAMPLES / "baldwin-red-carpet.expected.json"

pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason=f"{ARTICLE} is absent")


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).split()).lower()


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return json.loads(GOLD.read_text("utf-8"))  # type: ignore[no-any-return]


def test_exactly_the_direct_quotations(gold: dict[str, Any]) -> None:
    result = extract_file(ARTICLE)
    direct = [g for g in gold["quotes"] if g.get("kind", "direct") == "direct"]
    assert len(direct) == 11
    quotes = [q for q in result.quotes if q.kind == "direct"]
    assert len(quotes) == len(direct), [q.text for q in quotes]
    for q, g in zip(quotes, direct, strict=True):
        assert _norm(q.text).startswith(_norm(g["starts"])), (q.text, g["starts"])
        assert q.speaker is not None
        assert q.speaker.name in g["speaker"] or _norm(q.speaker.mention) in map(
            _norm, g["speaker"]), (q.text, q.speaker, g["speaker"])
        if "addressee" in g:
            assert q.addressee is not None, q.text
            assert q.addressee.name in g["addressee"], (q.text, q.addressee, g["addressee"])
        assert q.cue is not None and _norm(q.cue.text) == _norm(g["cue"]), (q.cue, g["cue"])


def test_split_parts_are_merged_and_offsets_index_the_text() -> None:
    result = extract_file(ARTICLE)
    by_start = {result.text[q.spans[0].start :][:20]: q for q in result.quotes}
    continued = next(q for k, q in by_start.items() if k.startswith("No. When I’m talking"))
    assert len(continued.spans) == 2
    assert continued.text == " ".join(result.text[s.start : s.end] for s in continued.spans)
    assert continued.text.endswith("cut him out of the show.")


def test_the_show_title_is_not_a_quotation(gold: dict[str, Any]) -> None:
    result = extract_file(ARTICLE)
    titles = {_norm(t["text"]) for t in gold["not_quotes"]}
    assert titles == {"the hilaria show"}
    assert all(_norm(q.text).strip(" ,.") not in titles for q in result.quotes)


def test_date_header_and_entities() -> None:
    result = extract_file(ARTICLE)
    assert result.article.date == "2025-03-19"
    assert result.text.startswith("Alec Baldwin and Hilaria Baldwin had")
    people = {e.name: e for e in result.entities if e.type == "person"}
    assert people["Alec Baldwin"].gender == "male"
    assert people["Hilaria Baldwin"].gender == "female"
    anonymous = sorted(e.name for e in result.entities if e.type == "anonymous")
    assert anonymous == ["Another", "one person", "someone else"]
