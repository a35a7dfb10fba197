"""The accuracy gate (``evaluate/gate.py`` + ``floors.json``) and the cases scorer.

The real gate reads ../shared; its entries whose data folder is absent are skipped, but an entry
below a floor or whose data changed fails the test. Floors may only go up: lowering one needs
``gate --update --allow-regression --reason TEXT`` and that reason in the commit.
"""

from __future__ import annotations

import hashlib
import json
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotegraph.cli.gate import cases_command, gate_command
from quotegraph.errors import DataError
from quotegraph.evaluate.cases import evaluate_cases, format_report, load_gold, normalise
from quotegraph.evaluate.gate import (
    DEFAULT_FLOORS,
    FloorEntry,
    data_path,
    default_shared_root,
    fingerprint,
    floor_down,
    format_gate_report,
    load_floors,
    raise_floors,
    run_gate,
)
from quotegraph.records import Article, ArticleResult, Quote, Span, SpeakerRef

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = SHARED / "examples"
SCORE_CASES = SHARED / "tools" / "score_cases.py"
QUOTEGRAPH = Path(sys.executable).parent / "quotegraph"


# ------------------------------------------------------------------------------------------
# (a) the real gate over the pinned floors


def test_default_shared_root_is_next_to_the_repository() -> None:
    assert default_shared_root() == SHARED


def test_pinned_floors_hold_on_the_shared_data() -> None:
    report = run_gate(DEFAULT_FLOORS, SHARED)
    assert {e.name for e in report.entries} >= {"polnear-dev", "cases-examples"}
    failing = [e.to_dict() for e in report.entries if e.status not in ("pass", "skipped")]
    assert not failing, format_gate_report(report)
    assert report.passed
    if all(e.status == "skipped" for e in report.entries):
        pytest.skip(f"no data folder of {DEFAULT_FLOORS.name} under {SHARED}")


def test_pinned_floors_file_is_valid_and_keeps_the_old_polnear_floors() -> None:
    entries = {e.name: e for e in load_floors(DEFAULT_FLOORS)}
    dev = entries["polnear-dev"]
    assert (dev.kind, dev.data) == ("polnear", "polnear/dev")
    assert dev.floors["quoted_overlap_f1"] >= 0.965
    assert dev.floors["quoted_speaker"] >= 0.875
    assert dev.floors["quoted_cue"] >= 0.83
    examples = entries["cases-examples"]
    assert (examples.kind, examples.data) == ("cases", "examples")
    assert examples.floors == {"direct_recall": 1.0, "direct_speaker_acc": 1.0,
                               "addressee_acc": 1.0}


# ------------------------------------------------------------------------------------------
# the founding example: in process, the same figures as shared/tools/score_cases.py

needs_examples = pytest.mark.skipif(not (EXAMPLES / "baldwin-red-carpet.txt").is_file(),
                                    reason=f"{EXAMPLES} is absent")


@needs_examples
def test_founding_example_figures() -> None:
    report = evaluate_cases(EXAMPLES)
    assert [c.name for c in report.cases] == ["baldwin-red-carpet"]
    assert report.summary() == {
        "P": 1.0, "R": 1.0, "F1": 1.0, "speaker_acc_end2end": 1.0,
        "addressee_acc": 1.0, "direct_recall": 1.0, "direct_speaker_acc": 1.0,
        "titles_as_quotes": 0, "gold": 12, "pred": 12, "fp": 0,
    }
    # the reported speech around the show title is found too, and nothing else is missed
    assert report.misses == []


def _score_cases_last_line(articles: Path, gold: Path, cmd: str) -> str:
    out = subprocess.run([sys.executable, str(SCORE_CASES), str(articles), str(gold),
                          "--cmd", cmd], capture_output=True, text=True, timeout=300, check=True)
    return out.stdout.strip().splitlines()[-1]


@needs_examples
@pytest.mark.skipif(not SCORE_CASES.is_file() or not QUOTEGRAPH.is_file(),
                    reason="score_cases.py or the quotegraph script is absent")
def test_founding_example_agrees_with_score_cases() -> None:
    cmd = f"{shlex.quote(str(QUOTEGRAPH))} extract --format jsonl"
    expected = _score_cases_last_line(EXAMPLES, EXAMPLES, cmd)
    assert evaluate_cases(EXAMPLES).summary_line() == expected


# ------------------------------------------------------------------------------------------
# (c) the cases scorer on an invented case, with a fake extractor

TINY_TEXT = "An invented article; the predictions below are made up.\n"

TINY_GOLD: dict[str, Any] = {
    "quotes": [
        {"starts": "We will  build", "speaker": ["Ana Ruiz"]},  # found, speaker right
        {"starts": "It’s a waste", "speaker": ["Tom Park"], "addressee": ["Ana Ruiz"],
         "kind": "direct"},  # found (curly vs straight), wrong addressee
        {"starts": "The money is already there", "speaker": ["Ana Ruiz"]},  # missed
        {"starts": "the plan would cost", "speaker": ["Tom Park"], "kind": "indirect"},
        {"starts": "maybe later", "optional": True},  # optional: its prediction is no extra
    ],
    "not_quotes": [{"text": "Harbor Notes", "note": "a column"}, "Other Title"],
}


def _ref(name: str, mention: str) -> SpeakerRef:
    return SpeakerRef(entity=None, name=name, mention=mention, span=None, type="person")


def _quote(text: str, kind: str = "direct", speaker: SpeakerRef | None = None,
           addressee: SpeakerRef | None = None) -> Quote:
    assert kind in ("direct", "indirect", "mixed")
    return Quote(id="q", kind=kind, text=text, spans=(Span(0, 1),),  # type: ignore[arg-type]
                 speaker=speaker, addressee=addressee, cue=None, parent=None, confidence=1.0)


TINY_QUOTES = (
    _quote("We will build the bridge,", speaker=_ref("Ana Ruiz", "Mayor Ana Ruiz")),
    _quote("It's a waste of money", speaker=_ref("Tom Park", "Park")),
    _quote("Harbor Notes,"),  # a title taken for a quotation
    _quote("Maybe later, she said, maybe"),  # finds the optional gold quote
    _quote("A stray sentence"),  # an extra
    _quote("the plan would cost too much", kind="indirect"),  # found, no speaker
)


def _fake_extract(path: Path) -> ArticleResult:
    return ArticleResult(article=Article(id=path.stem, text=TINY_TEXT), quotes=TINY_QUOTES)


def _write_case(folder: Path, name: str = "tiny", gold: Any = TINY_GOLD,
                suffix: str = ".json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(TINY_TEXT, encoding="utf-8")
    gold_path = folder / f"{name}{suffix}"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False) if not isinstance(gold, str)
                         else gold, encoding="utf-8")
    return gold_path


TINY_SUMMARY = {
    "P": 0.667, "R": 0.75, "F1": 0.706, "speaker_acc_end2end": 0.5, "addressee_acc": 0.0,
    "direct_recall": 0.667, "direct_speaker_acc": 0.667, "titles_as_quotes": 1,
    "gold": 4, "pred": 6, "fp": 2,
}


def test_cases_scorer_on_an_invented_case(tmp_path: Path) -> None:
    _write_case(tmp_path)
    report = evaluate_cases(tmp_path, extract_file=_fake_extract)
    assert report.summary() == TINY_SUMMARY
    counts = report.counts
    assert (counts.found, counts.speaker_ok, counts.addressee_gold, counts.addressee_ok) == (
        3, 2, 1, 0)
    assert (counts.direct_gold, counts.direct_found, counts.direct_speaker_ok) == (3, 2, 2)
    fig = report.figures()
    assert fig["P"] == pytest.approx(4 / 6)
    assert fig["F1"] == pytest.approx(12 / 17)
    assert report.misses == [
        {"article": "tiny", "type": "addressee", "starts": "It’s a waste", "kind": "direct",
         "gold": ["Ana Ruiz"], "got": ""},
        {"article": "tiny", "type": "miss", "starts": "The money is already there",
         "kind": "direct"},
        {"article": "tiny", "type": "speaker", "starts": "the plan would cost",
         "kind": "indirect", "gold": ["Tom Park"], "got": ""},
        {"article": "tiny", "type": "extra", "text": "Harbor Notes,", "kind": "direct",
         "title": True},
        {"article": "tiny", "type": "extra", "text": "A stray sentence", "kind": "direct",
         "title": False},
    ]
    text = format_report(report)
    assert "MISS   tiny: 'The money is already there' (direct)" in text
    assert "EXTRA  tiny: 'Harbor Notes,' kind=direct (a not_quotes title)" in text
    assert text.splitlines()[-1] == report.summary_line()
    assert report.summary_line().startswith("P=0.667 R=0.75 F1=0.706 ")
    assert json.loads(json.dumps(report.to_dict()))["summary"] == TINY_SUMMARY


@pytest.mark.skipif(not SCORE_CASES.is_file(), reason=f"{SCORE_CASES} is absent")
def test_invented_case_agrees_with_score_cases(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    _write_case(cases)
    line = tmp_path / "result.jsonl"
    line.write_text(json.dumps(_fake_extract(cases / "tiny.txt").to_dict()) + "\n",
                    encoding="utf-8")
    fake = tmp_path / "fake_extract.py"  # prints the made-up result whatever it is given
    fake.write_text(f"print(open({str(line)!r}, encoding='utf-8').read(), end='')\n",
                    encoding="utf-8")
    cmd = f"{shlex.quote(sys.executable)} {shlex.quote(str(fake))}"
    expected = _score_cases_last_line(cases, cases, cmd)
    report = evaluate_cases(cases, extract_file=_fake_extract)
    assert report.summary_line() == expected


def test_gold_dir_and_expected_json_and_precedence(tmp_path: Path) -> None:
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    (articles / "tiny.txt").write_text(TINY_TEXT, encoding="utf-8")
    (articles / "lonely.txt").write_text(TINY_TEXT, encoding="utf-8")  # no gold: left out
    _write_case(gold, suffix=".expected.json")
    report = evaluate_cases(articles, gold, extract_file=_fake_extract)
    assert [c.name for c in report.cases] == ["tiny"]
    assert report.cases[0].gold == gold / "tiny.expected.json"
    # NAME.json wins over NAME.expected.json
    (gold / "tiny.json").write_text(json.dumps({"quotes": []}), encoding="utf-8")
    report = evaluate_cases(articles, gold, extract_file=_fake_extract)
    assert report.cases[0].gold == gold / "tiny.json"
    assert report.summary()["fp"] == 6


@pytest.mark.parametrize(("gold", "message"), [
    ('{"quotes": [', "malformed JSON at line 1"),
    ("[]", "must be a JSON object"),
    ("{}", "missing key 'quotes'"),
    ('{"quotes": {}}', "'quotes' must be a list"),
    ('{"quotes": [{"speaker": ["A"]}]}', "quotes[0]: missing or empty 'starts'"),
    ('{"quotes": [{"starts": "Hi"}]}', "quotes[0]: missing 'speaker'"),
    ('{"quotes": [{"starts": "Hi", "speaker": "A"}]}', "'speaker' must be a list of strings"),
    ('{"quotes": [{"starts": "Hi", "speaker": [], "addressee": [1]}]}', "'addressee' must"),
    ('{"quotes": [{"starts": "Hi", "speaker": [], "kind": "said"}]}', "'kind' must be one of"),
    ('{"quotes": [{"starts": "Hi", "speaker": [], "optional": 1}]}', "'optional' must be"),
    ('{"quotes": [], "not_quotes": [{"note": "x"}]}', "not_quotes[0] must be"),
])
def test_malformed_gold_is_a_data_error_naming_the_file(tmp_path: Path, gold: str,
                                                        message: str) -> None:
    path = _write_case(tmp_path, gold=gold)
    with pytest.raises(DataError, match=r"tiny\.json") as info:
        evaluate_cases(tmp_path, extract_file=_fake_extract)
    assert message in str(info.value)
    assert str(path) in str(info.value)


def test_optional_quote_needs_no_speaker_and_load_gold_reads_titles(tmp_path: Path) -> None:
    gold = load_gold(_write_case(tmp_path))
    assert gold.quotes[-1].optional and gold.quotes[-1].speaker == ()
    assert gold.not_quotes == ("Harbor Notes", "Other Title")


def test_no_case_at_all_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DataError, match=r"no NAME\.txt article"):
        evaluate_cases(tmp_path, extract_file=_fake_extract)
    with pytest.raises(DataError, match="no such directory"):
        evaluate_cases(tmp_path / "absent")


def test_normalise() -> None:
    assert normalise("  “It’s\u00a0 here —  now…”\n") == "\"it's here - now...\""
    assert normalise(None) == ""


# ------------------------------------------------------------------------------------------
# (b) the gate on invented data

OKAFOR = "\u201cWe will not back down,\u201d said Mayor Linda Okafor.\n"


def _cases_data(shared: Path) -> Path:
    """A cases folder the real extractor scores P=1, R=0.5, F1=2/3, addressee 0 (no gold)."""
    folder = shared / "cases"
    folder.mkdir(parents=True)
    (folder / "okafor.txt").write_text(OKAFOR, encoding="utf-8")
    (folder / "okafor.json").write_text(json.dumps({"quotes": [
        {"starts": "We will not back down", "speaker": ["Linda Okafor"]},
        {"starts": "words nobody wrote", "speaker": ["Nobody"]},
    ]}), encoding="utf-8")
    return folder


def _floors(path: Path, entries: dict[str, dict[str, Any]]) -> Path:
    path.write_text(json.dumps(entries, indent=2), encoding="utf-8")
    return path


def _cases_entry(shared: Path, floors: dict[str, float], pin: str | None = None
                 ) -> dict[str, Any]:
    return {"kind": "cases", "data": "cases",
            "fingerprint": pin or fingerprint(shared / "cases"), "floors": floors}


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    root = tmp_path / "shared"
    _cases_data(root)
    return root


def test_gate_passes_at_or_above_the_floors(tmp_path: Path, shared: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {
        "c": _cases_entry(shared, {"P": 1.0, "R": 0.5, "direct_speaker_acc": 0.5})})
    report = run_gate(floors, shared)
    (entry,) = report.entries
    assert entry.status == "pass" and report.passed
    assert [(m.name, m.floor, m.measured, m.ok) for m in entry.metrics] == [
        ("P", 1.0, 1.0, True), ("R", 0.5, 0.5, True), ("direct_speaker_acc", 0.5, 0.5, True)]
    assert entry.measured["F1"] == pytest.approx(2 / 3)
    assert "gate: passed" in format_gate_report(report)


def test_a_floor_above_the_measured_figure_fails(tmp_path: Path, shared: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {
        "c": _cases_entry(shared, {"P": 1.0, "R": 0.51})})
    report = run_gate(floors, shared)
    (entry,) = report.entries
    assert entry.status == "fail" and not report.passed
    assert [m.ok for m in entry.metrics] == [True, False]
    text = format_gate_report(report)
    assert "BELOW FLOOR" in text and "gate: FAILED (c)" in text


def test_changed_data_fails_even_when_the_figures_hold(tmp_path: Path, shared: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {"c": _cases_entry(shared, {"P": 1.0})})
    (shared / "cases" / "notes.md").write_text("a new file\n", encoding="utf-8")
    report = run_gate(floors, shared)
    (entry,) = report.entries
    assert entry.status == "data changed" and not report.passed
    assert entry.metrics[0].ok  # measured all the same, for the record
    assert entry.fingerprint == fingerprint(shared / "cases") != entry.entry.fingerprint
    assert "DATA CHANGED" in format_gate_report(report)


def test_absent_data_is_skipped(tmp_path: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {
        "c": {"kind": "cases", "data": "cases", "fingerprint": "0" * 64, "floors": {"P": 1.0}},
        "p": {"kind": "polnear", "data": "polnear/dev", "fingerprint": "0" * 64,
              "floors": {"quoted_overlap_f1": 0.9}}})
    report = run_gate(floors, tmp_path / "nothing")
    assert [e.status for e in report.entries] == ["skipped", "skipped"]
    assert report.passed
    assert report.entries[0].metrics[0].measured is None


def test_raise_floors_only_raises(tmp_path: Path, shared: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {
        "c": _cases_entry(shared, {"P": 0.9, "R": 0.6, "F1": 0.5, "addressee_acc": 0.0})})
    before = json.loads(floors.read_text("utf-8"))
    report = run_gate(floors, shared)
    assert not report.passed  # R: 0.5 < 0.6
    update = raise_floors(floors, report)
    assert [(c.metric, c.old, c.new) for c in update.changes] == [
        ("P", 0.9, 1.0), ("F1", 0.5, 0.666)]  # F1 2/3 rounded down
    assert update.lowered == [] and update.repinned == []
    after = json.loads(floors.read_text("utf-8"))
    assert after["c"]["floors"] == {"P": 1.0, "R": 0.6, "F1": 0.666, "addressee_acc": 0.0}
    assert after["c"]["fingerprint"] == before["c"]["fingerprint"]
    assert not run_gate(floors, shared).passed  # the regression on R still fails
    # nothing left to raise: the file is not rewritten
    again = raise_floors(floors, run_gate(floors, shared))
    assert again.changes == []


def test_allow_regression_lowers_to_the_measured(tmp_path: Path, shared: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {
        "c": _cases_entry(shared, {"P": 0.9, "R": 0.6, "F1": 0.7})})
    update = raise_floors(floors, run_gate(floors, shared), allow_regression=True)
    assert [(c.metric, c.old, c.new) for c in update.changes] == [
        ("P", 0.9, 1.0), ("R", 0.6, 0.5), ("F1", 0.7, 0.666)]
    assert [c.metric for c in update.lowered] == ["R", "F1"]
    assert load_floors(floors)[0].floors == {"P": 1.0, "R": 0.5, "F1": 0.666}
    assert run_gate(floors, shared).passed


def test_changed_data_is_repinned_only_with_allow_regression(tmp_path: Path,
                                                             shared: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {
        "c": _cases_entry(shared, {"P": 0.5}, pin="f" * 64)})
    update = raise_floors(floors, run_gate(floors, shared))
    assert update.left == ["c"] and update.changes == []
    assert load_floors(floors)[0].floors == {"P": 0.5}  # untouched
    update = raise_floors(floors, run_gate(floors, shared), allow_regression=True)
    assert update.repinned == ["c"]
    (entry,) = load_floors(floors)
    assert entry.fingerprint == fingerprint(shared / "cases") and entry.floors == {"P": 1.0}
    assert run_gate(floors, shared).passed


def test_raise_floors_refuses_a_file_edited_since_the_gate(tmp_path: Path,
                                                           shared: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {"c": _cases_entry(shared, {"P": 0.5})})
    report = run_gate(floors, shared)
    _floors(floors, {"c": _cases_entry(shared, {"P": 0.7})})
    with pytest.raises(DataError, match="changed since the gate ran"):
        raise_floors(floors, report)


def test_polnear_entries_read_the_polnear_report(tmp_path: Path) -> None:
    split = tmp_path / "shared" / "data" / "tiny"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "a.txt").write_text(OKAFOR, encoding="utf-8")

    def t(tid: str, ttype: str, needle: str) -> str:
        start = OKAFOR.index(needle)
        return f"{tid}\t{ttype} {start} {start + len(needle)}\t{needle}"

    ann = [t("T1", "Content", "\u201cWe will not back down,\u201d"), t("T2", "Cue", "said"),
           t("T3", "Source", "Mayor Linda Okafor"), t("T4", "Attribution", "said"),
           "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3"]
    (split / "attributions" / "a_x.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    floors = _floors(tmp_path / "floors.json", {"p": {
        "kind": "polnear", "data": "tiny", "fingerprint": fingerprint(split),
        "floors": {"quoted_overlap_f1": 1.0, "quoted_speaker": 1.0, "quoted_cue": 1.0}}})
    report = run_gate(floors, tmp_path / "shared")
    (entry,) = report.entries
    assert entry.path == split
    assert entry.status == "pass", format_gate_report(report)
    assert set(entry.measured) >= {"quoted_overlap_f1", "all_speaker", "all_cue"}
    # silver annotations added beside the gold (only training reads them) keep the pin
    (split / "corenlp").mkdir()
    (split / "corenlp" / "a.conll").write_text("1\tWe\n", encoding="utf-8")
    assert run_gate(floors, tmp_path / "shared").entries[0].status == "pass"
    # a changed gold file does not
    (split / "attributions" / "a_x.ann").write_text("\n".join(ann[:3]) + "\n",
                                                     encoding="utf-8")
    assert run_gate(floors, tmp_path / "shared").entries[0].status == "data changed"


# ------------------------------------------------------------------------------------------
# the floors file: fingerprint, resolution, validation


def test_fingerprint_is_the_documented_digest(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_bytes(b"bee")
    (tmp_path / "sub" / "a.txt").write_bytes(b"")
    (tmp_path / ".hidden").write_bytes(b"h")
    digest = hashlib.sha256()
    for rel, data in ((".hidden", b"h"), ("b.txt", b"bee"), ("sub/a.txt", b"")):
        digest.update(rel.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    assert fingerprint(tmp_path) == digest.hexdigest()
    (tmp_path / "sub" / "a.txt").rename(tmp_path / "sub" / "c.txt")  # a rename changes it
    assert fingerprint(tmp_path) != digest.hexdigest()


def test_data_paths_resolve_by_kind(tmp_path: Path) -> None:
    def entry(kind: str, data: str) -> FloorEntry:
        return FloorEntry(name="x", kind=kind, data=data, fingerprint="0" * 64,
                          floors={"P": 1.0})

    assert data_path(entry("polnear", "polnear/dev"), tmp_path) == (
        tmp_path / "data" / "polnear" / "dev")
    assert data_path(entry("cases", "examples"), tmp_path) == tmp_path / "examples"


@pytest.mark.parametrize(("entry", "message"), [
    ([], "must be a JSON object"),
    ({"kind": "cases", "data": "x", "fingerprint": "0" * 64}, "lacks 'floors'"),
    ({"kind": "novels", "data": "x", "fingerprint": "0" * 64, "floors": {"P": 1}}, "kind must"),
    ({"kind": "cases", "data": "/abs", "fingerprint": "0" * 64, "floors": {"P": 1}},
     "relative path"),
    ({"kind": "cases", "data": "../x", "fingerprint": "0" * 64, "floors": {"P": 1}},
     "relative path"),
    ({"kind": "cases", "data": "x", "fingerprint": "abc", "floors": {"P": 1}}, "sha256"),
    ({"kind": "cases", "data": "x", "fingerprint": "0" * 64, "floors": {}}, "non-empty"),
    ({"kind": "cases", "data": "x", "fingerprint": "0" * 64, "floors": {"gold": 1}},
     "unknown cases metric 'gold'"),
    ({"kind": "polnear", "data": "x", "fingerprint": "0" * 64, "floors": {"P": 1}},
     "unknown polnear metric 'P'"),
    ({"kind": "cases", "data": "x", "fingerprint": "0" * 64, "floors": {"P": 1.5}},
     "from 0 to 1"),
    ({"kind": "cases", "data": "x", "fingerprint": "0" * 64, "floors": {"P": "1"}},
     "from 0 to 1"),
])
def test_malformed_floors_are_data_errors(tmp_path: Path, entry: Any, message: str) -> None:
    path = _floors(tmp_path / "floors.json", {"e": entry})
    with pytest.raises(DataError, match=r"floors\.json") as info:
        run_gate(path, tmp_path)
    assert message in str(info.value)


def test_unreadable_floors_files_are_data_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        load_floors(tmp_path / "absent.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(DataError, match="malformed JSON"):
        load_floors(tmp_path / "bad.json")


@pytest.mark.parametrize(("value", "down"), [
    (0.953, 0.953), (2 / 3, 0.666), (0.9999, 0.999), (1.0, 1.0), (0.0, 0.0), (0.8305, 0.83),
])
def test_floor_down(value: float, down: float) -> None:
    assert floor_down(value) == down


# ------------------------------------------------------------------------------------------
# the commands


def _invoke(command: Any, args: Sequence[str]) -> Any:
    return CliRunner().invoke(command, list(args))


def test_gate_command_exit_codes(tmp_path: Path, shared: Path) -> None:
    good = _floors(tmp_path / "good.json", {"c": _cases_entry(shared, {"P": 1.0})})
    bad = _floors(tmp_path / "bad.json", {"c": _cases_entry(shared, {"R": 0.9})})
    base = ["--shared", str(shared), "--floors"]
    result = _invoke(gate_command, [*base, str(good)])
    assert result.exit_code == 0, result.output
    assert "gate: passed" in result.output
    result = _invoke(gate_command, [*base, str(bad), "--json"])
    assert result.exit_code == 1
    out = json.loads(result.output)
    assert out["passed"] is False and out["entries"][0]["status"] == "fail"
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    result = _invoke(gate_command, [*base, str(tmp_path / "broken.json")])
    assert result.exit_code == 2 and "malformed JSON" in result.output


def test_gate_command_update_and_allow_regression(tmp_path: Path, shared: Path) -> None:
    floors = _floors(tmp_path / "floors.json", {"c": _cases_entry(shared, {"P": 0.5,
                                                                           "R": 0.9})})
    base = ["--shared", str(shared), "--floors", str(floors)]
    result = _invoke(gate_command, [*base, "--update"])
    assert result.exit_code == 1  # R still below its floor
    assert "floor c.P: 0.500 -> 1.000" in result.output
    assert load_floors(floors)[0].floors == {"P": 1.0, "R": 0.9}
    for args in (["--allow-regression"], ["--reason", "why"],
                 ["--allow-regression", "--reason", " "]):
        result = _invoke(gate_command, [*base, *args])
        assert result.exit_code == 2, args
    reason = "the cases folder gained a hard quote"
    result = _invoke(gate_command, [*base, "--allow-regression", "--reason", reason])
    assert result.exit_code == 0, result.output
    assert "floor c.R: 0.900 -> 0.500" in result.output
    assert reason in result.output and "commit message" in result.output
    assert load_floors(floors)[0].floors == {"P": 1.0, "R": 0.5}


def test_cases_command(tmp_path: Path, shared: Path) -> None:
    result = _invoke(cases_command, [str(shared / "cases")])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("P=1.0 R=0.5 F1=0.667 ")
    assert "MISS   okafor: 'words nobody wrote' (direct)" in result.output
    result = _invoke(cases_command, [str(shared / "cases"), str(shared / "cases"), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["summary"]["gold"] == 2
    _write_case(tmp_path / "broken", gold="{")
    result = _invoke(cases_command, [str(tmp_path / "broken")])
    assert result.exit_code == 2 and "tiny.json: malformed JSON" in result.output
