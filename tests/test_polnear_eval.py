"""Tests of the PolNeAR loader and scorer on small invented brat files."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotegraph.cli.eval import eval_group
from quotegraph.errors import DataError
from quotegraph.evaluate.polnear import (
    GoldArticle,
    evaluate_polnear,
    format_report,
    has_quote,
    is_quoted,
    load_polnear,
    score_articles,
)
from quotegraph.ingest import article_from_text
from quotegraph.records import (
    Article,
    ArticleResult,
    CueRef,
    Entity,
    Quote,
    Span,
    SpeakerRef,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "data" / "polnear" / "dev"


# ------------------------------------------------------------------------------------------
# helpers


def find(text: str, needle: str, nth: int = 0) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def tline(tid: str, ttype: str, text: str, spans: Sequence[Span]) -> str:
    """A brat T line whose written text is the spans' text joined by a space."""
    offsets = ";".join(f"{s.start} {s.end}" for s in spans)
    written = " ".join(text[s.start : s.end] for s in spans)
    return f"{tid}\t{ttype} {offsets}\t{written}"


def write_split(root: Path, articles: dict[str, tuple[str, dict[str, str]]]) -> Path:
    """Write ``{stem: (text, {annotator: ann})}`` as a split directory under ``root``."""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for stem, (text, anns) in articles.items():
        (root / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
        for annotator, ann in anns.items():
            (root / "attributions" / f"{stem}_{annotator}.ann").write_text(
                ann, encoding="utf-8")
    return root


def fake_extract(quotes: Callable[[str], Sequence[Quote]]) -> Callable[[str], ArticleResult]:
    def extract(text: str) -> ArticleResult:
        return ArticleResult(article=Article(id="t", text=text), quotes=tuple(quotes(text)))

    return extract


def quote(
    text: str,
    spans: Sequence[Span],
    *,
    kind: str = "direct",
    speaker: Span | None = None,
    cue: Span | None = None,
) -> Quote:
    assert kind in ("direct", "indirect", "mixed")
    return Quote(
        id="q",
        kind=kind,  # type: ignore[arg-type]
        text=" ".join(text[s.start : s.end] for s in spans),
        spans=tuple(spans),
        speaker=None if speaker is None else SpeakerRef(
            entity=None, name="x", mention=text[speaker.start : speaker.end], span=speaker,
            type="person"),
        addressee=None,
        cue=None if cue is None else CueRef(
            text=text[cue.start : cue.end], lemma="say", span=cue, manner="neutral"),
        parent=None,
        confidence=1.0,
    )


# ------------------------------------------------------------------------------------------
# an invented article with five attributions

STORY = (
    "\u201cWe will fix the roads by June,\u201d said Mayor Ana Ruiz.\n\n"
    "Ruiz said the budget was tight.\n\n"
    "\u201cNobody asked us,\u201d one resident complained, \u201cand nobody listened.\u201d\n\n"
    "Officials argued that the plan was \u201cfully funded\u201d after all.\n\n"
    "\u201cIt is a disgrace,\u201d the statement read.\n"
)


def story_ann(text: str = STORY) -> str:
    def s(needle: str, nth: int = 0) -> Span:
        return find(text, needle, nth)

    lines = [
        # G1: quoted, roles in an unusual order
        tline("T1", "Content", text, [s("\u201cWe will fix the roads by June,\u201d")]),
        tline("T2", "Cue", text, [s("said")]),
        tline("T3", "Source", text, [s("Mayor Ana Ruiz")]),
        tline("T4", "Attribution", text, [s("said")]),
        "E1\tAttribution:T4 Source:T3 Content:T1 Cue:T2",
        # G2: indirect
        tline("T5", "Source", text, [s("Ruiz", 1)]),
        tline("T6", "Cue", text, [s("said", 1)]),
        tline("T7", "Content", text, [s("the budget was tight")]),
        tline("T8", "Attribution", text, [s("said", 1)]),
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        # G3: quoted, discontinuous (Content and Content2)
        tline("T9", "Content", text, [s("\u201cNobody asked us,\u201d")]),
        tline("T10", "Content", text, [s("\u201cand nobody listened.\u201d")]),
        tline("T11", "Source", text, [s("one resident")]),
        tline("T12", "Cue", text, [s("complained")]),
        tline("T13", "Attribution", text, [s("complained")]),
        "E3\tAttribution:T13 Content2:T10 Cue:T12 Source:T11 Content:T9",
        # G4: mixed (not quoted)
        tline("T14", "Source", text, [s("Officials")]),
        tline("T15", "Cue", text, [s("argued")]),
        tline("T16", "Content", text, [s("that the plan was \u201cfully funded\u201d")]),
        tline("T17", "Attribution", text, [s("argued")]),
        "E4\tAttribution:T17 Cue:T15 Content:T16 Source:T14",
        # G5: quoted, no Source
        tline("T18", "Content", text, [s("\u201cIt is a disgrace,\u201d")]),
        tline("T19", "Cue", text, [s("read")]),
        tline("T20", "Attribution-no-source", text, [s("read")]),
        "E5\tAttribution-no-source:T20 Content:T18 Cue:T19 ",
        "#1\tAnnotatorNotes T18\tan invented note",
        "",
    ]
    return "\n".join(lines)


def story_predictions(text: str) -> list[Quote]:
    def s(needle: str, nth: int = 0) -> Span:
        return find(text, needle, nth)

    return [
        # P1: exact match of G1, right speaker and cue
        quote(text, [s("We will fix the roads by June,")], speaker=s("Ana Ruiz"),
              cue=s("said")),
        # P2: a direct quote inside the mixed G4: not a false positive
        quote(text, [s("fully funded")], speaker=s("Officials")),
        # P3: exact match of the split G3, no speaker, right cue
        quote(text, [s("Nobody asked us,"), s("and nobody listened.")], cue=s("complained")),
        # P4: overlaps no gold content
        quote(text, [s("Ruiz said")], speaker=s("Ruiz", 1)),
        # P5: indirect, exact match of G2 (counts only over all attributions)
        quote(text, [s("the budget was tight")], kind="indirect", speaker=s("Ruiz", 1),
              cue=s("said", 1)),
    ]


@pytest.fixture
def story_split(tmp_path: Path) -> Path:
    return write_split(tmp_path / "split", {"local_2016-01-01_roads": (STORY, {
        "b222": "",  # the second file is ignored
        "a111": story_ann(),
    })})


# ------------------------------------------------------------------------------------------
# loader


def test_load_story(story_split: Path) -> None:
    [article] = load_polnear(story_split)
    assert article.stem == "local_2016-01-01_roads"
    assert article.text == STORY
    g = {a.id: a for a in article.attributions}
    assert list(g) == ["E1", "E2", "E3", "E4", "E5"]
    assert [g[e].quoted for e in g] == [True, False, True, False, True]
    assert g["E1"].source == (find(STORY, "Mayor Ana Ruiz"),)
    assert g["E1"].cue == (find(STORY, "said"),)
    assert g["E3"].content == (find(STORY, "\u201cNobody asked us,\u201d"),
                               find(STORY, "\u201cand nobody listened.\u201d"))
    assert g["E5"].source == ()
    assert g["E5"].cue == (find(STORY, "read"),)


def test_first_ann_is_used(tmp_path: Path) -> None:
    text = "\u201cHello there,\u201d said Oskar.\n"
    ann_a = "\n".join([
        tline("T1", "Content", text, [find(text, "\u201cHello there,\u201d")]),
        tline("T2", "Cue", text, [find(text, "said")]),
        tline("T3", "Attribution", text, [find(text, "said")]),
        "E1\tAttribution:T3 Content:T1 Cue:T2",
    ])
    split = write_split(tmp_path / "s", {"x_hello": (text, {"zz99": "", "aa01": ann_a})})
    [article] = load_polnear(split)
    assert len(article.attributions) == 1
    assert article.attributions[0].source == ()


def test_empty_ann(tmp_path: Path) -> None:
    split = write_split(tmp_path / "s", {"a_b": ("Nothing was said.\n", {"0001": ""})})
    [article] = load_polnear(split)
    assert article.attributions == ()


def test_discontinuous_and_wrapped_spans(tmp_path: Path) -> None:
    text = (
        "Yara Belmont said:\n\n\u201cThe harvest was poor.\n\n"
        "\u201cBut the orchards will recover,\u201d she wrote, \u201cgiven rain.\u201d\n"
    )
    first = find(text, "\u201cThe harvest was poor.\n\n\u201cBut the orchards will recover,\u201d")
    second = find(text, "\u201cgiven rain.\u201d")
    content = tline("T1", "Content", text, [first, second])
    assert "\n\n" in content  # the line wraps over three lines, one of them empty
    ann = "\n".join([
        tline("T2", "Source", text, [find(text, "Yara Belmont")]),
        content,
        tline("T3", "Cue", text, [find(text, "said"), find(text, "wrote")]),
        tline("T4", "Attribution", text, [find(text, "said")]),
        "E1\tAttribution:T4 Source:T2 Cue:T3 Content:T1",
    ]) + "\n"
    [article] = load_polnear(write_split(tmp_path / "s", {"a_b": (text, {"x": ann})}))
    [g] = article.attributions
    assert g.content == (first, second)
    assert g.cue == (find(text, "said"), find(text, "wrote"))
    assert g.quoted


def test_whitespace_in_written_text_is_collapsed(tmp_path: Path) -> None:
    text = "He said  the   vote\twas close.\n"
    span = find(text, "the   vote\twas close")
    ann = f"T1\tContent {span.start} {span.end}\tthe vote was  close\n"
    [article] = load_polnear(write_split(tmp_path / "s", {"a_b": (text, {"x": ann})}))
    assert article.attributions == ()


def _bad_split(tmp_path: Path, ann: str, text: str = "Lena Park said the bus was late.\n") -> Path:
    return write_split(tmp_path / "s", {"city_bus": (text, {"a1": ann})})


@pytest.mark.parametrize(("ann", "line", "message"), [
    ("T1\tSource 0 9\tLena Park\nT2\tSource zero 9\tLena Park\n", 2, "malformed"),
    ("T1\tSource 0 9 Lena Park\n", 1, "malformed"),
    ("T1\tSource 9 0\tx\n", 1, "ends before it starts"),
    ("T1\tSource 0 900\tLena Park\n", 1, "past the end"),
    ("T1\tSource 0 9\tLena Pork\n", 1, "does not match"),
    ("T1\tSource 0 4;5 9\tLena\n", 1, "does not match"),
    ("T1\tSource 0 9\tLena Park\nT1\tSource 0 4\tLena\n", 2, "duplicate"),
    ("T1\tSource 0 9\tLena Park\nE1\tAttribution:T7 Source:T1\n", 2, "unknown annotation T7"),
    ("T1\tSource 0 9\tLena Park\nE1\tAttribution:T1 Speaker:T1\n", 2, "unknown role"),
    ("T1\tSource 0 9\tLena Park\nE1\tAttribution:T1 Source=T1\n", 2, "malformed role"),
    ("T1\tSource 0 9\tLena Park\nE1\tSource:T1\n", 2, "Attribution trigger"),
    ("T1\tSource 0 9\tLena Park\nE1\t\n", 2, "no roles"),
    ("stray words\nT1\tSource 0 9\tLena Park\n", 1, "not a brat annotation line"),
    ("T1\tSource 0 9\tLena Park\nE1\tAttribution:T1\nmore words\n", 3,
     "not a brat annotation line"),
])
def test_malformed_ann(tmp_path: Path, ann: str, line: int, message: str) -> None:
    with pytest.raises(DataError) as info:
        load_polnear(_bad_split(tmp_path, ann))
    text = str(info.value)
    assert f"city_bus_a1.ann:{line}:" in text
    assert message in text
    assert "\n" not in text


def test_discontinuous_text_is_parts_joined_by_space(tmp_path: Path) -> None:
    [article] = load_polnear(_bad_split(tmp_path, "T1\tSource 0 4;5 9\tLena Park\n"))
    assert article.attributions == ()


def test_missing_text_and_dirs(tmp_path: Path) -> None:
    split = write_split(tmp_path / "s", {})
    (split / "attributions" / "lost_story_a1.ann").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="no matching text file"):
        load_polnear(split)
    with pytest.raises(DataError, match="no such directory"):
        load_polnear(tmp_path / "nowhere")


def test_not_utf8(tmp_path: Path) -> None:
    split = _bad_split(tmp_path, "")
    (split / "attributions" / "city_bus_a1.ann").write_bytes(b"T1\tSource 0 4\t\xff\n")
    with pytest.raises(DataError, match="not valid UTF-8"):
        load_polnear(split)


def test_is_quoted_and_has_quote() -> None:
    text = "  \u201cYes,\u201d she said. 'Maybe.' that \u00abnon\u00bb \u2018so\u2019 it"
    assert is_quoted(text, [Span(0, 10)])
    assert is_quoted(text, [Span(18, 27)])
    assert is_quoted(text, [Span(33, 38)])
    assert is_quoted(text, [Span(39, 43)])
    assert not is_quoted(text, [Span(28, 38)])
    assert not is_quoted(text, [])
    assert not is_quoted(text, [Span(0, 2)])
    # the first part by position decides
    assert not is_quoted(text, [Span(18, 27), Span(9, 17)])
    for opener in "\"\u201c\u2018'\u00ab\u201e":
        assert is_quoted(f"{opener}x", [Span(0, 2)])
    assert has_quote("that the plan was \u201cfully funded\u201d")
    assert has_quote("he called it 'rigged' again")
    assert not has_quote("Clinton\u2019s aides and the voters' mood in the '90s")
    assert not has_quote("no marks at all")


# ------------------------------------------------------------------------------------------
# scoring


def test_scores_on_story(story_split: Path) -> None:
    report = evaluate_polnear(story_split, extract=fake_extract(story_predictions))
    assert (report.articles, report.attributions, report.quoted_attributions) == (1, 5, 3)
    q = report.quoted
    assert (q.gold, q.predicted, q.predicted_matched, q.gold_matched) == (3, 4, 3, 2)
    assert q.precision == pytest.approx(3 / 4)
    assert q.recall == pytest.approx(2 / 3)
    assert q.f1 == pytest.approx(2 * (3 / 4) * (2 / 3) / (3 / 4 + 2 / 3))
    assert (q.predicted_exact, q.gold_exact) == (2, 2)
    assert q.exact_precision == pytest.approx(1 / 2)
    assert q.exact_recall == pytest.approx(2 / 3)
    assert q.exact_f1 == pytest.approx(4 / 7)
    assert (q.speaker_correct, q.speaker_total) == (1, 2)
    assert q.speaker_accuracy == pytest.approx(0.5)
    assert (q.cue_correct, q.cue_total) == (2, 2)
    assert q.cue_accuracy == pytest.approx(1.0)

    a = report.all
    assert (a.gold, a.predicted, a.predicted_matched, a.gold_matched) == (5, 5, 4, 4)
    assert (a.precision, a.recall, a.f1) == pytest.approx((0.8, 0.8, 0.8))
    assert (a.predicted_exact, a.gold_exact) == (3, 3)
    assert (a.exact_precision, a.exact_recall) == pytest.approx((0.6, 0.6))
    assert (a.speaker_correct, a.speaker_total) == (3, 4)
    assert (a.cue_correct, a.cue_total) == (3, 4)

    d = report.to_dict()
    assert d["quoted"]["gold_matched"] == 2
    assert d["all"]["precision"] == pytest.approx(0.8)
    json.dumps(d)
    table = format_report(report)
    assert "1 articles, 5 attributions (3 quoted)" in table
    assert "0.750" in table and "0.667" in table


def test_strict_and_triple_on_story(story_split: Path) -> None:
    report = evaluate_polnear(story_split, extract=fake_extract(story_predictions))
    # P1 and P5 match G1 and G2 with their cues and sources; P3 matches the split G3 but
    # names no source where the gold has one; P2 ("fully funded") covers 12 of the 30
    # stripped characters of G4, under half
    a = report.all
    assert (a.strict_predicted, a.strict_gold, a.triple_predicted, a.triple_gold) == (3, 3, 2, 2)
    assert (a.strict_precision, a.strict_recall) == pytest.approx((3 / 5, 3 / 5))
    assert (a.triple_precision, a.triple_recall, a.triple_f1) == pytest.approx((0.4, 0.4, 0.4))
    q = report.quoted
    assert (q.strict_predicted, q.strict_gold, q.triple_predicted, q.triple_gold) == (2, 2, 1, 1)
    u = report.unquoted
    assert (u.gold, u.predicted) == (2, 1)
    assert (u.strict_predicted, u.strict_gold, u.triple_predicted, u.triple_gold) == (1, 1, 1, 1)
    assert report.to_dict()["unquoted"]["triple_f1"] == pytest.approx(2 / 3)
    table = format_report(report)
    assert "all       triple       5      5   0.400   0.400   0.400" in table


JACCARD_TEXT = "Ana Ruiz spoke first. Later she said the budget was tight and late.\n"


def _jaccard_split(root: Path) -> Path:
    t = JACCARD_TEXT
    ann = "\n".join([
        tline("T1", "Source", t, [find(t, "she")]), tline("T2", "Cue", t, [find(t, "said")]),
        tline("T3", "Content", t, [find(t, "the budget was tight and late")]),
        tline("T4", "Attribution", t, [find(t, "said")]),
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3", ""])
    return write_split(root, {"x_2016-01-01_j": (t, {"a": ann})})


@pytest.mark.parametrize(("needle", "strict"), [
    ("the budget was", False),  # 14 of the gold's 29 characters: under half
    ("the budget was t", True),  # 16 of 29 ... and 16 of 29 again: over half
    ("the budget was tight and late.", True),  # the full stop is stripped: exact
])
def test_strict_needs_half_the_characters(tmp_path: Path, needle: str, strict: bool) -> None:
    split = _jaccard_split(tmp_path / "s")

    def preds(text: str) -> list[Quote]:
        return [quote(text, [find(text, needle)], kind="indirect", speaker=find(text, "she"),
                      cue=find(text, "said"))]

    a = evaluate_polnear(split, extract=fake_extract(preds)).all
    assert (a.strict_gold, a.triple_gold) == ((1, 1) if strict else (0, 0))


def test_triple_source_from_the_entity_mentions(tmp_path: Path) -> None:
    """A speaker given by its entity alone is judged by the entity's mentions."""
    split = _jaccard_split(tmp_path / "s")

    def extract(text: str, mentions: tuple[Span, ...]) -> ArticleResult:
        q = quote(text, [find(text, "the budget was tight and late")], kind="indirect",
                  cue=find(text, "said"))
        q = Quote(id=q.id, kind=q.kind, text=q.text, spans=q.spans,
                  speaker=SpeakerRef(entity="e1", name="Ana Ruiz", mention="", span=None,
                                     type="person"),
                  addressee=None, cue=q.cue, parent=None, confidence=1.0)
        ent = Entity(id="e1", name="Ana Ruiz", type="person", gender="female",
                     mentions=mentions)
        return ArticleResult(article=Article(id="t", text=text), quotes=(q,), entities=(ent,))

    t = JACCARD_TEXT
    right = evaluate_polnear(split, extract=lambda x: extract(x, (find(t, "Ana Ruiz"),
                                                                 find(t, "she")))).all
    wrong = evaluate_polnear(split, extract=lambda x: extract(x, (find(t, "Ana Ruiz"),))).all
    assert (right.strict_gold, right.triple_gold) == (1, 1)
    assert (wrong.strict_gold, wrong.triple_gold) == (1, 0)


def test_no_predictions_and_no_gold() -> None:
    empty = GoldArticle(stem="e", text="Quiet day.", attributions=())
    report = score_articles([empty], [ArticleResult(article=Article(id="e", text="Quiet day."))])
    assert report.quoted.precision == 0.0
    assert report.quoted.f1 == 0.0
    assert report.quoted.speaker_accuracy == 0.0
    with pytest.raises(ValueError):
        score_articles([empty], [])


def test_best_overlapping_prediction_supplies_the_speaker(story_split: Path) -> None:
    def preds(text: str) -> list[Quote]:
        def s(needle: str, nth: int = 0) -> Span:
            return find(text, needle, nth)

        return [
            quote(text, [s("We will")], speaker=s("Officials")),  # small overlap, wrong
            quote(text, [s("fix the roads by June")], speaker=s("Mayor"), cue=s("read")),
        ]

    q = evaluate_polnear(story_split, extract=fake_extract(preds)).quoted
    assert (q.gold_matched, q.speaker_correct, q.speaker_total) == (1, 1, 1)
    assert (q.cue_correct, q.cue_total) == (0, 1)
    assert (q.predicted_exact, q.gold_exact) == (0, 0)


def test_offsets_follow_a_removed_header(tmp_path: Path) -> None:
    header = "date 2016-05-02\n"
    text = header + STORY
    split = write_split(tmp_path / "s", {"a_b": (text, {"x": story_ann(text)})})

    def extract(raw: str) -> ArticleResult:
        article = article_from_text(raw)
        assert article.text == STORY
        return ArticleResult(article=article, quotes=tuple(story_predictions(article.text)))

    q = evaluate_polnear(split, extract=extract).quoted
    assert (q.predicted_matched, q.gold_matched, q.predicted_exact) == (3, 2, 2)
    assert q.speaker_correct == 1


def test_extractor_that_rewrites_text_is_refused(story_split: Path) -> None:
    with pytest.raises(DataError, match="changed the article text"):
        evaluate_polnear(story_split,
                         extract=lambda t: ArticleResult(article=Article(id="x", text="other")))


# ------------------------------------------------------------------------------------------
# command line


def test_cli_table_and_json(story_split: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(eval_group, ["polnear", str(story_split)])
    assert result.exit_code == 0, result.output
    assert "1 articles, 5 attributions (3 quoted)" in result.output
    result = runner.invoke(eval_group, ["polnear", str(story_split), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["attributions"] == 5
    assert data["quoted"]["gold"] == 3


def test_cli_data_error(tmp_path: Path) -> None:
    split = _bad_split(tmp_path, "T1\tSource 0 9\tLena Pork\n")
    result = CliRunner().invoke(eval_group, ["polnear", str(split)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")
    assert result.stderr.count("\n") == 1
    assert "city_bus_a1.ann:1:" in result.stderr


# ------------------------------------------------------------------------------------------
# the real dev split


def test_real_dev_split() -> None:
    if not DEV.is_dir():
        pytest.skip(f"PolNeAR dev split not available at {DEV}")
    t0 = time.perf_counter()
    articles = load_polnear(DEV)
    assert time.perf_counter() - t0 < 10
    assert len(articles) == 84
    attributions = [g for a in articles for g in a.attributions]
    assert len(attributions) == 2193
    assert sum(g.quoted for g in attributions) == 428
    assert sum(1 for g in attributions if not g.content) == 1

    t0 = time.perf_counter()
    report = score_articles(articles, [ArticleResult(article=Article(id=a.stem, text=a.text))
                                       for a in articles])
    assert time.perf_counter() - t0 < 10
    assert (report.quoted.gold, report.all.gold) == (428, 2192)


def test_agrees_with_the_outside_scorer() -> None:
    """``quotegraph eval polnear`` and ``../shared/tools/score_polnear.py`` give the same
    strict and triple figures on the real dev split (both through the installed CLI)."""
    tool = SHARED / "tools" / "score_polnear.py"
    if not DEV.is_dir() or not tool.is_file():
        pytest.skip("PolNeAR dev or score_polnear.py not available")
    exe = Path(sys.executable).with_name("quotegraph")
    cmd = f"{exe} extract --format jsonl" if exe.is_file() else \
        f"{sys.executable} -m quotegraph extract --format jsonl"
    out = subprocess.run([sys.executable, str(tool), str(DEV), "--json", "--cmd", cmd],
                         capture_output=True, text=True, check=True).stdout
    theirs = json.loads(out)
    ours = evaluate_polnear(DEV).all
    for key, value in (("strict_content_P", ours.strict_precision),
                       ("strict_content_R", ours.strict_recall),
                       ("strict_content_F1", ours.strict_f1),
                       ("triple_P", ours.triple_precision), ("triple_R", ours.triple_recall),
                       ("triple_F1", ours.triple_f1), ("content_overlap_F1", ours.f1)):
        assert theirs[key] == pytest.approx(value, abs=0.0006), key


def test_canonical_names_are_scored_on_triple_right_records(tmp_path: Path) -> None:
    from quotegraph.evaluate.polnear import SpeakerGold, load_speaker_gold, name_right

    t = JACCARD_TEXT
    split = _jaccard_split(tmp_path / "s")
    she = find(t, "she")
    gold_file = tmp_path / "gold.tsv"
    gold_file.write_text("# a comment\narticle\tattribution\tsource_start\tsource_end\tname\t"
                         f"type\nx_2016-01-01_j\tE1\t{she.start}\t{she.end}\tAna Ruiz\tperson\n",
                         encoding="utf-8")
    gold = load_speaker_gold(gold_file)
    assert gold == {("x_2016-01-01_j", "E1"): SpeakerGold(she, "Ana Ruiz", "person")}

    def preds(name: str) -> Callable[[str], ArticleResult]:
        def extract(text: str) -> ArticleResult:
            q = quote(text, [find(text, "the budget was tight and late")], kind="indirect",
                      speaker=find(text, "she"), cue=find(text, "said"))
            q = Quote(id="q", kind="indirect", text=q.text, spans=q.spans,
                      speaker=SpeakerRef("e1", name, "she", find(text, "she"), "person"),
                      addressee=None, cue=q.cue, parent=None, confidence=1.0)
            return ArticleResult(article=Article(id="t", text=text), quotes=(q,))
        return extract

    articles = load_polnear(split)
    for name, right in (("Ana Ruiz", 1), ("ana  ruiz", 1), ("Ms. Ruiz", 0), ("she", 0)):
        result = preds(name)(t)
        c = score_articles(articles, [result], gold).canonical
        assert (c.right, c.records) == (right, 1), name
    # a record that is not triple-right is not scored for its name
    def wrong_cue(text: str) -> ArticleResult:
        r = preds("Ana Ruiz")(text)
        q = r.quotes[0]
        q = Quote(q.id, q.kind, q.text, q.spans, q.speaker, None,
                  CueRef("spoke", "speak", find(text, "spoke"), "neutral"), None, 1.0)
        return ArticleResult(article=r.article, quotes=(q,))
    assert score_articles(articles, [wrong_cue(t)], gold).canonical.records == 0
    # anonymous and author sources are right by their type
    anon = SpeakerGold(she, "anonymous: a clerk", "anonymous")
    q = Quote("q", "indirect", "x", (she,), SpeakerRef(None, "a clerk", "a clerk", she,
                                                     "anonymous"), None, None, None, 1.0)
    assert name_right(q, anon) and not name_right(q, SpeakerGold(she, "author", "author"))


@pytest.mark.parametrize("line", [
    "a\tE1\t1\t2\tName\tpersonage", "a\tE1\tx\t2\tName\tperson", "a\tE1\t1\t2\t \tperson",
    "a\tE1\t1\t2\tName"])
def test_a_malformed_speaker_gold_line_is_refused(tmp_path: Path, line: str) -> None:
    from quotegraph.evaluate.polnear import load_speaker_gold

    path = tmp_path / "g.tsv"
    path.write_text("article\tattribution\tsource_start\tsource_end\tname\ttype\n" + line
                    + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="data line 2"):
        load_speaker_gold(path)


def test_the_shipped_speaker_gold_matches_the_dev_sources() -> None:
    from quotegraph.evaluate.polnear import load_speaker_gold

    gold = load_speaker_gold()
    assert len(gold) == 2066
    assert len({stem for stem, _ in gold}) == 83  # one dev article has no Source span
    if not DEV.is_dir():
        pytest.skip(f"PolNeAR dev split not available at {DEV}")
    by_key = {(a.stem, g.id): g for a in load_polnear(DEV) for g in a.attributions}
    for key, sp in gold.items():
        assert key in by_key and sp.source.start == by_key[key].source[0].start, key
