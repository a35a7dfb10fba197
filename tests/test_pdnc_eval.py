"""Tests of the PDNC loader and scorer on small invented novels, and sanity checks on PDNC."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli.eval import eval_group
from quotegraph.errors import DataError
from quotegraph.evaluate.pdnc import (
    CHARACTER_COLUMNS,
    QUOTE_COLUMNS,
    Character,
    GoldNovel,
    evaluate_pdnc,
    format_report,
    load_novel,
    load_pdnc,
    match_quotes,
    name_matches,
    score_novels,
)
from quotegraph.records import Article, ArticleResult, Quote, Span, SpeakerRef

PDNC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pdnc"

# ------------------------------------------------------------------------------------------
# an invented novel

TEXT = (
    "CHAPTER THE FIRST\n"
    "\n"
    '"Good morning," said Marjorie Quill. "The kettle is on."\n'
    "\n"
    '"Is it?" asked the Colonel.\n'
    "\n"
    'Tobias shrugged. "I never drink tea. Not\n'
    'since the war."\n'
    "\n"
    '"Then you shall have cocoa," she told him, "and \'like it\', as Nurse says."\n'
    "\n"
    '"Parcel for the house!" came a voice from the door.\n'
)

CHARACTERS = [
    {"Character ID": "0", "Main Name": "Marjorie Quill",
     "Aliases": "{'Marjorie', 'Miss Quill'}", "Gender": "F", "Category": "major"},
    {"Character ID": "1", "Main Name": "Colonel Ambrose Tibbet",
     "Aliases": "['The Colonel', 'Tibbet']", "Gender": "M", "Category": "intermediate"},
    {"Character ID": "2", "Main Name": "Tobias Quill",
     "Aliases": "{'Tobias'}", "Gender": "M", "Category": "minor"},
]


def find(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def gold_rows(text: str = TEXT) -> list[dict[str, str]]:
    """The quotation rows of the invented novel (spans are character offsets)."""

    def row(qid: str, parts: Sequence[str], speaker: str, addressees: Sequence[str],
            qtype: str, referring: str = "") -> dict[str, str]:
        spans = [find(text, p) for p in parts]
        return {
            "quoteID": qid,
            "quoteText": " ".join(parts),
            "subQuotationList": repr(list(parts)),
            "quoteByteSpans": repr([s.as_list() for s in spans]),
            "speaker": speaker,
            "addressees": repr(list(addressees)),
            "quoteType": qtype,
            "referringExpression": referring,
            "mentionTextsList": "[]",
        }

    return [
        row("Q0", ["Good morning,", "The kettle is on."], "Marjorie", ["The Colonel"],
            "Explicit", "said Marjorie Quill"),
        row("Q1", ["Is it?"], "Colonel Ambrose Tibbet", ["Marjorie Quill"], "Explicit",
            "asked the Colonel"),
        row("Q2", ["I never drink tea. Not\nsince the war."], "Tobias",
            ["Marjorie Quill", "Colonel Ambrose Tibbet"], "Implicit"),
        row("Q3", ["Then you shall have cocoa,", "and 'like it', as Nurse says."],
            "Marjorie Quill", ["Tobias", "Nurse Pell"], "Anaphoric", "she told him"),
        row("Q4", ["Parcel for the house!"], "The Postman", [], "nan"),
    ]


def write_csv(path: Path, rows: Sequence[dict[str, str]], columns: Sequence[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), quoting=csv.QUOTE_ALL)
        writer.writeheader()
        writer.writerows(rows)


def write_novel(
    root: Path,
    name: str = "Tiny",
    *,
    text: str = TEXT,
    rows: Sequence[dict[str, str]] | None = None,
    characters: Sequence[dict[str, str]] = CHARACTERS,
    quote_columns: Sequence[str] = (*QUOTE_COLUMNS, "mentionTextsList"),
    character_columns: Sequence[str] = CHARACTER_COLUMNS,
) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "novel_text.txt").write_text(text, encoding="utf-8")
    quotes = gold_rows(text) if rows is None else rows
    write_csv(folder / "quotation_info.csv",
              [{k: v for k, v in r.items() if k in quote_columns} for r in quotes],
              quote_columns)
    write_csv(folder / "character_info.csv",
              [{k: v for k, v in c.items() if k in character_columns} for c in characters],
              character_columns)
    return folder


def with_field(rows: list[dict[str, str]], index: int, **changes: str) -> list[dict[str, str]]:
    rows[index] = {**rows[index], **changes}
    return rows


# ------------------------------------------------------------------------------------------
# loading


def test_load_novel_reads_spans_names_and_types(tmp_path: Path) -> None:
    novel = load_novel(write_novel(tmp_path))
    assert novel.name == "Tiny"
    assert novel.text == TEXT
    assert [q.id for q in novel.quotes] == ["Q0", "Q1", "Q2", "Q3", "Q4"]
    q0 = novel.quotes[0]
    assert q0.spans == (find(TEXT, "Good morning,"), find(TEXT, "The kettle is on."))
    assert [TEXT[s.start - 1] + TEXT[s.end] for s in q0.spans] == ['""', '""']
    assert q0.speaker == "Marjorie" and q0.addressees == ("The Colonel",)
    assert q0.quote_type == "Explicit" and q0.referring_expression == "said Marjorie Quill"
    assert novel.quotes[2].spans == (find(TEXT, "I never drink tea. Not\nsince the war."),)
    assert novel.quotes[4].quote_type == ""  # "nan" in the file
    assert novel.quotes[4].addressees == ()
    assert novel.offsets == "char"
    assert novel.span_text_mismatches == 0
    marjorie = novel.characters[0]
    assert marjorie == Character(id="0", main_name="Marjorie Quill",
                                 aliases=("Marjorie", "Miss Quill"), gender="F",
                                 category="major")
    assert novel.characters[1].names == ("Colonel Ambrose Tibbet", "The Colonel", "Tibbet")


def test_unknown_speaker_and_addressee_are_counted(tmp_path: Path) -> None:
    novel = load_novel(write_novel(tmp_path))
    assert novel.unknown_speakers == 1  # The Postman
    assert novel.unknown_addressees == 1  # Nurse Pell
    assert novel.unknown_names == ("Nurse Pell", "The Postman")


def test_line_numbers_follow_multiline_records(tmp_path: Path) -> None:
    # Q2's quoteText holds a line break, so Q3 starts on line 6 of the file
    rows = with_field(gold_rows(), 3, quoteByteSpans="[[5, 2]]")
    with pytest.raises(DataError, match=r"quotation_info\.csv:6: .*0 <= start <= end"):
        load_novel(write_novel(tmp_path, rows=rows))


def test_text_mismatch_is_counted_not_fatal(tmp_path: Path) -> None:
    rows = with_field(gold_rows(), 1, subQuotationList="['Is it really?']")
    novel = load_novel(write_novel(tmp_path, rows=rows))
    assert novel.span_text_mismatches == 1
    assert len(novel.quotes) == 5


def test_whitespace_differences_are_not_mismatches(tmp_path: Path) -> None:
    rows = with_field(gold_rows(), 2,
                      subQuotationList="['I never  drink tea. Not since the war.']")
    assert load_novel(write_novel(tmp_path, rows=rows)).span_text_mismatches == 0


@pytest.mark.parametrize(
    ("spans", "message"),
    [
        ("[[1, 2", "not a Python literal"),
        ("__import__('os').getcwd()", "not a Python literal"),
        ("[]", "not a non-empty list"),
        ("[[1, 2, 3]]", "not a \\[start, end\\] pair"),
        ("[['1', '2']]", "not a \\[start, end\\] pair"),
        ("[[9, 4]]", "0 <= start <= end"),
        ("[[10, 100000]]", "past the end of the text"),
    ],
)
def test_malformed_spans_raise(tmp_path: Path, spans: str, message: str) -> None:
    rows = with_field(gold_rows(), 1, quoteByteSpans=spans)
    with pytest.raises(DataError, match=r"quotation_info\.csv:3: .*" + message):
        load_novel(write_novel(tmp_path, rows=rows))


def test_missing_quote_column_raises(tmp_path: Path) -> None:
    columns = [c for c in QUOTE_COLUMNS if c != "speaker"]
    with pytest.raises(DataError, match=r"quotation_info\.csv:1: missing column\(s\) speaker"):
        load_novel(write_novel(tmp_path, quote_columns=columns))


def test_missing_character_column_raises(tmp_path: Path) -> None:
    columns = [c for c in CHARACTER_COLUMNS if c != "Aliases"]
    with pytest.raises(DataError, match=r"character_info\.csv:1: missing column\(s\) Aliases"):
        load_novel(write_novel(tmp_path, character_columns=columns))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"speaker": "  "}, "has no speaker"),
        ({"quoteType": "Shouted"}, "unknown quoteType"),
        ({"addressees": "'Tobias'"}, "not a list of strings"),
        ({"addressees": "[1, 2]"}, "not a list of strings"),
        ({"quoteID": "Q0"}, "duplicate quoteID"),
    ],
)
def test_malformed_rows_raise(tmp_path: Path, changes: dict[str, str], message: str) -> None:
    rows = with_field(gold_rows(), 1, **changes)
    with pytest.raises(DataError, match=r"quotation_info\.csv:3: .*" + message):
        load_novel(write_novel(tmp_path, rows=rows))


def test_malformed_aliases_raise(tmp_path: Path) -> None:
    characters = [*CHARACTERS[:2], {**CHARACTERS[2], "Aliases": "{'Tobias'"}]
    with pytest.raises(DataError, match=r"character_info\.csv:4: Aliases is not"):
        load_novel(write_novel(tmp_path, characters=characters))


def test_missing_file_raises(tmp_path: Path) -> None:
    folder = write_novel(tmp_path)
    (folder / "character_info.csv").unlink()
    with pytest.raises(DataError, match=r"character_info\.csv: no such file"):
        load_novel(folder)


def test_byte_offsets_are_detected_on_non_ascii_text(tmp_path: Path) -> None:
    text = 'Café first. "Naïve questions," said Tobias. "Déjà vu."\n'
    parts = ["Naïve questions,", "Déjà vu."]
    spans = [find(text, p) for p in parts]
    encoded = text.encode("utf-8")
    byte_spans = [[len(text[: s.start].encode()), len(text[: s.end].encode())] for s in spans]
    assert byte_spans != [s.as_list() for s in spans]
    assert len(encoded) > len(text)
    row = {**gold_rows()[0], "subQuotationList": repr(parts),
           "quoteByteSpans": repr(byte_spans), "speaker": "Tobias"}
    novel = load_novel(write_novel(tmp_path, text=text, rows=[row]))
    assert novel.offsets == "byte"
    assert novel.quotes[0].spans == tuple(spans)
    assert novel.span_text_mismatches == 0


def test_load_pdnc_selects_novel_folders(tmp_path: Path) -> None:
    write_novel(tmp_path, "Beta")
    write_novel(tmp_path, "Alpha")
    (tmp_path / "notes").mkdir()
    (tmp_path / "index.csv").write_text("a,b\n", encoding="utf-8")
    assert [n.name for n in load_pdnc(tmp_path)] == ["Alpha", "Beta"]
    assert [n.name for n in load_pdnc(tmp_path, ["Beta"])] == ["Beta"]
    with pytest.raises(DataError, match="Gamma: no such directory"):
        load_pdnc(tmp_path, ["Gamma"])
    with pytest.raises(DataError, match="no novel folders"):
        load_pdnc(tmp_path / "notes")


# ------------------------------------------------------------------------------------------
# name matching


CAST = [
    Character("0", "Marjorie Quill", ("Marjorie", "Miss Quill")),
    Character("1", "Colonel Ambrose Tibbet", ("The Colonel", "Tibbet")),
    Character("2", "Tobias Quill", ("Tobias",)),
    Character("3", "Mr Fennimore Darcy", ()),
]


def ref(name: str, mention: str | None = None) -> SpeakerRef:
    return SpeakerRef(entity="e1", name=name, mention=name if mention is None else mention,
                      span=None, type="person")


@pytest.mark.parametrize(
    ("name", "mention", "gold", "expected"),
    [
        ("Marjorie Quill", None, "Marjorie", True),  # main name vs gold alias
        ("marjorie", None, "Marjorie Quill", True),  # alias vs main name, any case
        ("MISS  QUILL", None, "Marjorie Quill", True),  # whitespace collapsed
        ("Tibbet", None, "Colonel Ambrose Tibbet", True),
        ("Ambrose Tibbet", None, "The Colonel", True),  # inside one character's name
        ("Darcy", None, "Mr Fennimore Darcy", True),
        ("Mr. Fennimore Darcy", None, "Mr Fennimore Darcy", True),  # punctuation ignored
        ("Quill", None, "Marjorie Quill", False),  # surname of two characters
        ("Miss", None, "Marjorie Quill", False),  # a title alone
        ("Tobias Quill Junior", None, "Tobias", True),  # holds one character's name
        ("Marjorie Tobias", None, "Tobias", False),  # holds two names of equal length
        ("the stranger", "Tobias", "Tobias", True),  # the mention suffices
        ("Tobias Quill", None, "Marjorie Quill", False),
        ("Colonel", None, "Colonel Ambrose Tibbet", False),  # a title alone
        ("Nurse Pell", None, "Nurse Pell", True),  # a name of no character, exactly
        ("Pell", None, "Nurse Pell", True),
    ],
)
def test_name_matches(name: str, mention: str | None, gold: str, expected: bool) -> None:
    assert name_matches(ref(name, mention), [gold], CAST) is expected


def test_a_given_name_beats_a_shared_surname_on_a_tie() -> None:
    cast = [Character("0", "Honoria", ("Honoria", "Miss Honoria")),
            Character("1", "Mrs. Vell", ("Vell", "Mrs. Vell"))]
    assert name_matches(ref("Honoria Vell"), ["Honoria"], cast)
    assert not name_matches(ref("Honoria Vell"), ["Mrs. Vell"], cast)
    assert name_matches(ref("Vell"), ["Mrs. Vell"], cast)


def test_name_matches_any_gold_and_none() -> None:
    assert name_matches(ref("Tibbet"), ["Tobias", "The Colonel"], CAST)
    assert not name_matches(ref("Tibbet"), [], CAST)
    assert not name_matches(None, ["Tobias"], CAST)


# ------------------------------------------------------------------------------------------
# scoring


def pquote(
    text: str,
    spans: Sequence[Span],
    *,
    speaker: str | None = None,
    addressee: str | None = None,
    parent: str | None = None,
) -> Quote:
    return Quote(
        id="q",
        kind="direct",
        text=" ".join(text[s.start : s.end] for s in spans),
        spans=tuple(spans),
        speaker=None if speaker is None else ref(speaker),
        addressee=None if addressee is None else ref(addressee),
        cue=None,
        parent=parent,
        confidence=1.0,
    )


def fake_extract(quotes: Callable[[str], Sequence[Quote]]) -> Callable[[str], ArticleResult]:
    def extract(text: str) -> ArticleResult:
        return ArticleResult(article=Article(id="t", text=text), quotes=tuple(quotes(text)))

    return extract


def tiny_predictions(text: str) -> list[Quote]:
    return [
        # Q0, both parts; right speaker, addressee by an alias
        pquote(text, [find(text, "Good morning,"), find(text, "The kettle is on.")],
               speaker="Marjorie Quill", addressee="the Colonel"),
        # Q1; speaker by a unique surname, no addressee
        pquote(text, [find(text, "Is it?")], speaker="Tibbet"),
        # part of Q2; an ambiguous surname, addressee one of the two gold ones
        pquote(text, [find(text, "I never drink tea.")], speaker="Quill", addressee="Marjorie"),
        # a false alarm in the narrative
        pquote(text, [find(text, "CHAPTER THE FIRST")], speaker="Tobias"),
        # nested inside Q3: left out
        pquote(text, [find(text, "like it")], speaker="Marjorie", parent="q3"),
    ]


def test_evaluate_exact_figures(tmp_path: Path) -> None:
    write_novel(tmp_path)
    report = evaluate_pdnc(tmp_path, extract=fake_extract(tiny_predictions))
    assert len(report.novels) == 1
    row = report.novels[0]
    assert (row.gold, row.predicted, row.matched, row.nested_skipped) == (5, 4, 3, 1)
    assert row.precision == pytest.approx(0.75)
    assert row.recall == pytest.approx(0.6)
    assert row.f1 == pytest.approx(2 / 3)
    assert (row.speaker.correct, row.speaker.total) == (2, 3)
    by_type = {t: (v.correct, v.total) for t, v in row.speaker_by_type.items()}
    assert by_type == {"Explicit": (2, 2), "Anaphoric": (0, 0), "Implicit": (0, 1),
                       "unlabelled": (0, 0)}
    assert (row.speaker_all.correct, row.speaker_all.total) == (2, 5)
    assert (row.addressee.correct, row.addressee.total) == (2, 3)
    assert (row.unknown_speakers, row.unknown_addressees) == (1, 1)
    assert report.total.to_dict() == {**row.to_dict(), "novel": "TOTAL"}


def test_total_sums_novels(tmp_path: Path) -> None:
    write_novel(tmp_path, "A")
    write_novel(tmp_path, "B")
    report = evaluate_pdnc(tmp_path, ["A", "B"], extract=fake_extract(tiny_predictions))
    total = report.total
    assert (total.gold, total.predicted, total.matched) == (10, 8, 6)
    assert total.f1 == pytest.approx(2 / 3)
    assert (total.speaker_by_type["Explicit"].correct, total.addressee.total) == (4, 6)
    data = report.to_dict()
    assert [n["novel"] for n in data["novels"]] == ["A", "B"]
    assert data["total"]["speaker"] == {"correct": 4, "total": 6, "accuracy": 4 / 6}
    json.dumps(data)
    text = format_report(report)
    assert "TOTAL" in text and "0.750" in text and "Explicit" in text


def test_matching_is_one_to_one_by_overlap() -> None:
    golds = [(Span(0, 10),), (Span(20, 30),), (Span(40, 50), Span(60, 70))]
    preds = [
        (Span(8, 25),),  # 2 chars of gold 0, 5 of gold 1: both go to better matches
        (Span(21, 30),),  # 9 chars of gold 1: wins it
        (Span(0, 4),),  # 4 chars of gold 0: wins it
        (Span(45, 65),),  # both parts of gold 2, 10 chars
        (Span(66, 69),),  # gold 2 is taken
    ]
    assert match_quotes(golds, preds) == {0: 2, 1: 1, 2: 3}


def test_matching_handles_spans_inside_longer_ones() -> None:
    golds = [(Span(0, 100),), (Span(10, 12),)]
    preds = [(Span(50, 60),), (Span(11, 12),)]
    assert match_quotes(golds, preds) == {0: 0, 1: 1}


def test_score_rejects_changed_text(tmp_path: Path) -> None:
    novel = load_novel(write_novel(tmp_path))
    result = ArticleResult(article=Article(id="t", text="something else"))
    with pytest.raises(DataError, match="changed the novel text"):
        score_novels([novel], [result])
    with pytest.raises(ValueError, match="1 novels but 0 results"):
        score_novels([novel], [])


def test_empty_novel_scores_zero() -> None:
    novel = GoldNovel(name="Empty", text="Nothing is said.", quotes=(), characters=())
    report = score_novels([novel], [ArticleResult(article=Article(id="e", text=novel.text))])
    row = report.novels[0]
    assert (row.precision, row.recall, row.f1, row.speaker.accuracy) == (0.0, 0.0, 0.0, 0.0)


# ------------------------------------------------------------------------------------------
# command line


def test_cli_pdnc_json_and_table(tmp_path: Path) -> None:
    write_novel(tmp_path, "Tiny")
    write_novel(tmp_path, "Other")
    runner = CliRunner()
    result = runner.invoke(eval_group, ["pdnc", str(tmp_path), "--novels", "Tiny", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [n["novel"] for n in data["novels"]] == ["Tiny"]
    assert data["total"]["gold"] == 5
    result = runner.invoke(eval_group, ["pdnc", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Other" in result.output and "Tiny" in result.output and "TOTAL" in result.output


def test_cli_pdnc_data_error_exits_2(tmp_path: Path) -> None:
    rows = with_field(gold_rows(), 1, quoteByteSpans="[[1, 2")
    write_novel(tmp_path, rows=rows)
    result = CliRunner().invoke(eval_group, ["pdnc", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert "quotation_info.csv:3:" in result.stderr
    assert result.stderr.count("\n") == 1
    missing = CliRunner().invoke(eval_group, ["pdnc", str(tmp_path), "--novels", "Nope"])
    assert missing.exit_code == 2 and "Nope" in missing.stderr


# ------------------------------------------------------------------------------------------
# the real corpus (skipped when absent)

needs_pdnc = pytest.mark.skipif(not (PDNC / "Persuasion").is_dir(), reason=f"{PDNC} is absent")


@needs_pdnc
def test_persuasion_loads_every_quotation() -> None:
    novel = load_novel(PDNC / "Persuasion")
    with (PDNC / "Persuasion" / "quotation_info.csv").open(encoding="utf-8", newline="") as fh:
        rows = sum(1 for _ in csv.DictReader(fh))
    assert rows == 488
    assert len(novel.quotes) == 488
    assert novel.offsets == "char"
    assert novel.span_text_mismatches == 0
    assert novel.unknown_speakers == 0


@needs_pdnc
def test_dev_novels_evaluate_sanely() -> None:
    names = ["Persuasion", "TheSunAlsoRises"]
    report = evaluate_pdnc(PDNC, names)
    gold = {n: len(load_novel(PDNC / n).quotes) for n in names}
    assert [r.novel for r in report.novels] == names
    for row in [*report.novels, report.total]:
        tallies = [row.speaker, row.speaker_all, row.addressee, *row.speaker_by_type.values()]
        figures = [row.precision, row.recall, row.f1, *(t.accuracy for t in tallies)]
        assert all(0.0 <= f <= 1.0 for f in figures)
        assert row.speaker_all.total == row.gold
        assert row.speaker.total == row.matched <= min(row.gold, row.predicted)
        assert sum(t.total for t in row.speaker_by_type.values()) == row.matched
    assert {r.novel: r.gold for r in report.novels} == gold
    assert report.total.gold == sum(gold.values())
