"""The engine must pass every hand-written case of ``tests/engine_cases.py``.

One test per case (``pytest -k marks-`` runs one area). A second test checks that the case table
itself is consistent (every expected quote can be found between quotation marks in its text,
names occur in the text, ids are unique), so a typo in a case fails loudly rather than as a
mysterious engine failure.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from quotegraph import ArticleResult, extract

try:  # tests/ is not a package today; keep working if it becomes one
    from .engine_cases import CASES, Case, Q
except ImportError:
    from engine_cases import CASES, Case, Q

MANNERS = {"neutral", "assertive", "hostile", "conciliatory", "humorous", "tentative", "written"}
SPEAKER_TYPES = {"person", "organization", "group", "anonymous", "unknown"}
OPENING = set("“\"‘'«„")
CLOSING = set("”\"’'»“")


def _describe(result: ArticleResult) -> str:
    """A compact listing of what the engine returned, for assertion messages."""
    lines = []
    for i, q in enumerate(result.quotes):
        spk = f"{q.speaker.name!r}/{q.speaker.type}" if q.speaker else "None"
        adr = repr(q.addressee.name) if q.addressee else "None"
        cue = f"{q.cue.lemma!r}/{q.cue.manner}" if q.cue else "None"
        lines.append(
            f"  [{i}] {q.id} {q.kind} {q.text!r} spans={[(s.start, s.end) for s in q.spans]} "
            f"speaker={spk} addressee={adr} cue={cue} parent={q.parent}"
        )
    return "\n".join(lines) or "  (no quotes)"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_engine_case(case: Case) -> None:
    # these cases are about quotations in quotation marks; reported speech has its own table
    # (tests/reported_cases.py)
    full = extract(case.text)
    r = replace(full, quotes=tuple(q for q in full.quotes if q.kind == "direct"))
    got = [q.text for q in r.quotes]
    want = [e.text for e in case.quotes]
    assert got == want, (
        f"[{case.id}] quotation texts differ\n  want: {want!r}\n  got:  {got!r}\n"
        f"engine returned:\n{_describe(r)}"
    )
    for i, (q, e) in enumerate(zip(r.quotes, case.quotes, strict=True)):
        where = f"[{case.id}] quote {i} {e.text[:50]!r}"
        ctx = f"\nengine returned:\n{_describe(r)}"

        # Offsets: every span indexes the article text, and the spans rebuild the quote text.
        assert q.spans, f"{where}: no spans{ctx}"
        pieces = [case.text[s.start : s.end] for s in q.spans]
        for s, piece in zip(q.spans, pieces, strict=True):
            assert piece and piece in q.text, (
                f"{where}: span [{s.start}, {s.end}) = {piece!r} is not a piece of the quote "
                f"text {q.text!r}{ctx}"
            )
        assert " ".join(pieces) == q.text, (
            f"{where}: the span texts joined with one space give {' '.join(pieces)!r}, "
            f"not the quote text {q.text!r}{ctx}"
        )
        assert list(q.spans) == sorted(q.spans), f"{where}: spans out of order {q.spans}{ctx}"

        assert q.kind == e.kind, f"{where}: kind {q.kind!r}, expected {e.kind!r}{ctx}"

        speaker = q.speaker.name if q.speaker else None
        assert speaker == e.speaker, (
            f"{where}: speaker {speaker!r} (mention "
            f"{q.speaker.mention if q.speaker else None!r}), expected {e.speaker!r}{ctx}"
        )
        addressee = q.addressee.name if q.addressee else None
        assert addressee == e.addressee, (
            f"{where}: addressee {addressee!r} (mention "
            f"{q.addressee.mention if q.addressee else None!r}), expected {e.addressee!r}{ctx}"
        )

        if e.cue is not None:
            assert q.cue is not None, f"{where}: no cue, expected lemma {e.cue!r}{ctx}"
            assert q.cue.lemma == e.cue, (
                f"{where}: cue lemma {q.cue.lemma!r} (text {q.cue.text!r}), expected "
                f"{e.cue!r}{ctx}"
            )
        if e.manner is not None:
            assert q.cue is not None, f"{where}: no cue, expected manner {e.manner!r}{ctx}"
            assert q.cue.manner == e.manner, (
                f"{where}: cue manner {q.cue.manner!r} (cue {q.cue.text!r}), expected "
                f"{e.manner!r}{ctx}"
            )
        if e.nparts is not None:
            assert len(q.spans) == e.nparts, (
                f"{where}: {len(q.spans)} span(s), expected {e.nparts}{ctx}"
            )
        if e.parent is None:
            assert q.parent is None, f"{where}: parent {q.parent!r}, expected none{ctx}"
        else:
            want_parent = r.quotes[e.parent].id
            assert q.parent == want_parent, (
                f"{where}: parent {q.parent!r}, expected {want_parent!r} (quote {e.parent}){ctx}"
            )
        if e.speaker_type is not None:
            assert q.speaker is not None, (
                f"{where}: no speaker, expected type {e.speaker_type!r}{ctx}"
            )
            assert q.speaker.type == e.speaker_type, (
                f"{where}: speaker type {q.speaker.type!r}, expected {e.speaker_type!r}{ctx}"
            )


# --- the case table itself ----------------------------------------------------------------


def _locate(text: str, quote: str, nparts: int, start: int) -> list[tuple[int, int]] | None:
    """Find ``nparts`` pieces of ``quote`` (joined by one space) in order in ``text``.

    Each piece must stand right after an opening mark and end before a closing mark or at the
    end of its paragraph. Returns the piece offsets, or None.
    """
    spaces = [i for i, ch in enumerate(quote) if ch == " "]
    for cuts in itertools.combinations(spaces, nparts - 1):
        bounds = [0, *[c + 1 for c in cuts]]
        ends = [*cuts, len(quote)]
        pieces = [quote[b:e] for b, e in zip(bounds, ends, strict=True)]
        found: list[tuple[int, int]] = []
        pos = start
        for piece in pieces:
            at = text.find(piece, pos)
            while at != -1:
                before = text[at - 1] if at > 0 else ""
                after = text[at + len(piece)] if at + len(piece) < len(text) else "\n"
                if before in OPENING and (after in CLOSING or after == "\n"):
                    break
                at = text.find(piece, at + 1)
            if at == -1:
                break
            found.append((at, at + len(piece)))
            pos = at + len(piece)
        else:
            return found
    return None


def test_case_table_is_well_formed() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert len(CASES) >= 75
    for case in CASES:
        assert isinstance(case, Case)
        assert 1 <= len([p for p in case.text.split("\n") if p.strip()]) <= 6, case.id
        prev_start = -1
        for i, e in enumerate(case.quotes):
            assert isinstance(e, Q)
            where = f"[{case.id}] quote {i} {e.text[:40]!r}"
            assert e.kind == "direct", where
            nparts = e.nparts or 1
            spans = _locate(case.text, e.text, nparts, prev_start + 1)
            if spans is None and e.nparts is None:
                spans = next(
                    (s for n in (2, 3, 4) if (s := _locate(case.text, e.text, n, prev_start + 1))),
                    None,
                )
            assert spans is not None, f"{where}: not found between quotation marks in the text"
            assert spans[0][0] > prev_start, f"{where}: quotes not in order of appearance"
            prev_start = spans[0][0]
            for name in (e.speaker, e.addressee):
                assert name is None or name in case.text, f"{where}: {name!r} not in the text"
            if e.parent is not None:
                assert 0 <= e.parent < i, f"{where}: parent must be an earlier quote"
                assert e.text in case.quotes[e.parent].text, f"{where}: not inside its parent"
            if e.manner is not None:
                assert e.manner in MANNERS, where
            if e.speaker_type is not None:
                assert e.speaker_type in SPEAKER_TYPES, where


def test_an_infinitive_after_a_relative_clause_is_no_addressee() -> None:
    # "to" belongs to the clause "who asked not to be named", not to "said"; a plain "said
    # to reporters" and "shouted and grinned at Brett"-style objects still are addressees
    text = ("“The ferry never comes on time,” said one rider, who asked not to be named.\n\n"
            "“We will keep the pier open,” Councilwoman Ines Varga said to reporters.\n\n"
            "“Sit down,” the clerk shouted and grinned at Varga.")
    got = [(q.speaker.name if q.speaker else None, q.addressee.name if q.addressee else None)
           for q in extract(text).quotes]
    assert got == [("one rider", None), ("Ines Varga", "reporters"),
                   ("the clerk", "Ines Varga")]
