"""The learned parts of stage 5b and stage 8: the linear model, the features both training
and extraction compute, the end chooser, the record confidence in the pipeline, and the
training helpers on small invented data."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quotegraph import extract
from quotegraph.cli import main
from quotegraph.cuefeatures import cue_features, end_candidates, end_features, tag_of
from quotegraph.ingest import article_from_text
from quotegraph.learned import (
    EndChooser,
    EndGroup,
    LogisticModel,
    bundled_confidence,
    bundled_detector,
    bundled_ends,
)
from quotegraph.pipeline import candidate_cues, extract_article
from quotegraph.records import Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# ------------------------------------------------------------------------------------------
# the linear model


def test_logistic_model_scores_probabilities_and_round_trips() -> None:
    m = LogisticModel({"a": 1.5, "b": -0.5}, -1.0, 0.5, ("indirect",))
    assert m.score(["a", "b", "unseen"]) == pytest.approx(0.0)
    assert m.prob(["a", "b"]) == pytest.approx(0.5)
    assert m.prob(["a"]) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert m.prob(["b"] * 100) == 0.0  # far below: no overflow, exactly nothing
    assert m.cut == pytest.approx(0.0)  # threshold 0.5 is log-odds 0
    assert LogisticModel({}, 0.0, 0.2).cut == pytest.approx(math.log(0.25))
    again = LogisticModel.from_dict(json.loads(json.dumps(m.to_dict())))
    assert (again.weights, again.bias, again.threshold, again.kinds) == \
        (m.weights, m.bias, m.threshold, m.kinds)
    assert m.with_threshold(0.9).kinds == ("indirect",)


def test_the_shipped_models_load_with_thresholds_in_range() -> None:
    det, ends, conf = bundled_detector(), bundled_ends(), bundled_confidence()
    assert det is not None and ends is not None and conf is not None
    assert 0.0 < det.threshold < 1.0 and len(det.weights) > 1000
    assert ends.threshold >= 0.0 and "rule" in ends.weights
    assert 0.0 <= conf.threshold < 0.5 and conf.kinds == ("indirect",)


# ------------------------------------------------------------------------------------------
# features


def test_tags_come_from_the_table_else_the_shape() -> None:
    tags = {"said": "VBD", "the": "DT"}
    # "The" is not in the table: a capitalised word of no known lower-case tag is a name
    # by its shape, but one whose lower case is known keeps that tag only when not
    # capitalised (sentence-initial "The" is taken for a name: the features are learned so)
    assert [tag_of(t, tags) for t in ("said", "the", "The", "Okafor", "1990", "“", ",",
                                      "running", "quickly", "piers", "pier")] == \
        ["VBD", "DT", "NNP", "NNP", "CD", "Q", ",", "VBG", "RB", "NNS", "NN"]


def test_cue_features_name_the_context() -> None:
    text = "Mayor Linda Okafor said that the pier would not reopen."
    start = text.index("said")
    feats = cue_features(text, start, start + 4, 0, len(text), "said", "neutral", "name", "-")
    for f in ("w=said", "inf=base", "lex=neutral", "p1=okafor", "n1=that", "that5",
              "subj=name", "obj=-", "w|subj=said|name", "before=1-3", "rest=4-10"):
        assert f in feats, f
    assert "neg" not in feats and "to_before" not in feats
    text = "She decided not to support the plan, he said."
    start = text.index("support")
    feats = cue_features(text, start, start + 7, 0, len(text), "support", "-", "-", "-")
    assert {"neg", "to_before", "w=support", "p1=to"} <= set(feats)


def test_candidate_cues_cover_each_reporting_word_with_features() -> None:
    text = ("The council voted on Tuesday. Mayor Ana Ruiz said the pier would reopen, "
            "and the union argued that the plan was late.")
    found = {text[c.span.start : c.span.end]: f for c, f in candidate_cues(text)}
    assert {"said", "argued"} <= set(found)
    assert "subj=name" in found["said"] and "that5" in found["argued"]


def test_end_candidates_stop_at_quotes_and_hard_stops() -> None:
    text = "Ruiz said the pier was safe, as crews had found, and the tunnel was dry."
    start = text.index("the pier")
    rule = text.index(", as")
    body = len(text) - 1
    ends = end_candidates(text, start, rule, body)
    # the rules' end, and the comma after "found": never past ", and" (another clause)
    assert ends == [rule, text.index(", and")]
    text = "Ruiz said the pier was safe, and called it “a relief” on Monday."
    start, rule = text.index("the pier"), text.index(", and")
    assert end_candidates(text, start, rule, len(text) - 1) == [rule]
    text = "Ruiz said the pier was safe, as crews had found “cracks” in May."
    start, rule = text.index("the pier"), text.index(", as")
    # the clause may end before a quotation beyond the rules' end, not after it
    assert end_candidates(text, start, rule, len(text) - 1) == [rule, text.index("“")]


def test_end_features_mark_the_rules_end_and_a_following_cue() -> None:
    text = "Ruiz said the pier was safe, officials added on Monday."
    start, rule = text.index("the pier"), text.index(",")
    feats = end_features(text, start, rule, 0, rule, len(text) - 1, "say",
                         frozenset({"added"}))
    assert {"b=,", "rule", "cue_after", "idx=0", "len=4-10"} <= set(feats)


def test_end_chooser_records_for_training_and_takes_the_best_end() -> None:
    text = "Ruiz said the pier was safe, as crews had found, in a long report."
    start, rule, body = text.index("the pier"), text.index(", as"), len(text) - 1
    record: list[EndGroup] = []
    chooser = EndChooser(None, frozenset(), record=record)
    assert chooser.choose(text, (4, 8), "say", start, rule, body) == rule
    ((cue, at, ends, feats),) = record
    assert cue == (4, 8) and at == start and rule in ends and len(feats) == len(ends)
    # a model that prefers the sentence's end by more than its margin moves the end there
    prefer_end = LogisticModel({"b=end": 5.0}, 0.0, 1.0)
    assert EndChooser(prefer_end, frozenset()).choose(text, (4, 8), "say", start, rule,
                                                      body) == body
    # by less than the margin, the rules' end stands
    timid = LogisticModel({"b=end": 0.5}, 0.0, 1.0)
    assert EndChooser(timid, frozenset()).choose(text, (4, 8), "say", start, rule,
                                                 body) == rule


# ------------------------------------------------------------------------------------------
# stage 8 in the pipeline

STORY = ("“We will reopen the pier in June,” said Mayor Linda Okafor. She told reporters "
         "that the repairs would cost less than planned. The ferry company hired forty new "
         "deckhands in March.")


def test_every_record_gets_a_probability_and_direct_quotes_always_show() -> None:
    everything = extract_article(article_from_text(STORY), min_confidence=0.0)
    assert all(0.0 <= q.confidence <= 1.0 for q in everything.quotes)
    rules = extract_article(article_from_text(STORY), confidence=False, min_confidence=0.0)
    assert [q.text for q in rules.quotes] == [q.text for q in everything.quotes]
    # even a very high floor by default leaves quotations in marks: only indirect records
    # answer to the model's threshold
    model = bundled_confidence()
    assert model is not None
    strict = extract_article(article_from_text(STORY), confidence=model.with_threshold(0.99))
    assert [q.kind for q in strict.quotes] == ["direct"]
    # an explicit floor applies to every kind
    none = extract_article(article_from_text(STORY), min_confidence=1.0)
    assert none.quotes == ()


def test_a_nested_quotation_goes_with_its_parent() -> None:
    text = ("“My neighbour Carl Dunning banged on my door and told me, ‘Get to high ground "
            "now,’” Hazel Brook said.")
    kept = extract_article(article_from_text(text), min_confidence=0.0)
    assert [q.parent is not None for q in kept.quotes] == [False, True]
    outer = kept.quotes[0].confidence
    inner = kept.quotes[1].confidence
    floor = (min(outer, inner) + max(outer, inner)) / 2
    gone = extract_article(article_from_text(text), min_confidence=floor)
    if outer < inner:  # the parent falls: the quotation in it may not stay alone
        assert gone.quotes == ()
    else:
        assert [q.parent for q in gone.quotes] == [None]


def test_extract_takes_min_confidence_and_the_cli_option(tmp_path: Path) -> None:
    assert len(extract(STORY, min_confidence=0.0).quotes) >= len(extract(STORY).quotes)
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    runner = CliRunner()
    every = runner.invoke(main, ["extract", str(path), "--format", "jsonl",
                                 "--min-confidence", "0"])
    none = runner.invoke(main, ["extract", str(path), "--format", "jsonl",
                                "--min-confidence", "1"])
    assert every.exit_code == 0 and none.exit_code == 0, every.output + none.output
    assert len(json.loads(every.stdout)["quotes"]) == len(extract(STORY, min_confidence=0).quotes)
    assert json.loads(none.stdout)["quotes"] == []
    bad = runner.invoke(main, ["extract", str(path), "--min-confidence", "1.5"])
    assert bad.exit_code == 2 and "1.5" in bad.output


# ------------------------------------------------------------------------------------------
# training helpers on invented data


def test_fit_logistic_learns_the_deciding_feature_deterministically() -> None:
    pytest.importorskip("numpy")
    from quotegraph.training.cues import fit_logistic

    rows = [["cue", "x"], ["cue", "y"], ["noise", "x"], ["noise", "y"]] * 20
    labels = [1, 1, 0, 0] * 20
    a = fit_logistic(rows, labels)
    b = fit_logistic(rows, labels)
    assert a.to_dict() == b.to_dict()
    assert a.weights["cue"] > 1.0 > -1.0 > a.weights["noise"]
    assert a.prob(["cue", "x"]) > 0.9 > 0.1 > a.prob(["noise", "x"])
    # a feature seen once is left out: it would only fit the one article it came from
    c = fit_logistic([*rows, ["cue", "rare"]], [*labels, 1])
    assert "rare" not in c.weights


def test_reliability_table_and_expected_calibration_error() -> None:
    pytest.importorskip("numpy")
    from quotegraph.training.confidence import reliability

    ece, table = reliability([0.05, 0.05, 0.95, 0.95, 0.55], [0, 0, 1, 0, 1])
    assert [(r["from"], r["records"]) for r in table] == [(0.0, 2), (0.5, 1), (0.9, 2)]
    # bins: |0.05 - 0| * 2/5 + |0.55 - 1| * 1/5 + |0.95 - 0.5| * 2/5
    assert ece == pytest.approx(0.05 * 0.4 + 0.45 * 0.2 + 0.45 * 0.4)
    assert reliability([], []) == (0.0, [])


def test_word_tag_table_reads_the_silver_annotation(tmp_path: Path) -> None:
    from quotegraph.training.cues import word_tag_table

    (tmp_path / "text").mkdir()
    (tmp_path / "corenlp").mkdir()
    text = "Ruiz said. Ruiz said. Ruiz said it."
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    # token, tag, start, end: "said" is VBD twice and VBN once; "it" is seen too rarely
    toks = [("Ruiz", "NNP", 0, 4), ("said", "VBD", 5, 9), (".", ".", 9, 10),
            ("Ruiz", "NNP", 11, 15), ("said", "VBN", 16, 20), (".", ".", 20, 21),
            ("Ruiz", "NNP", 22, 26), ("said", "VBD", 27, 31), ("it", "PRP", 32, 34),
            (".", ".", 34, 35)]
    conll = "\n".join(f"{i + 1}\t{w}\t{w}\t{t}\tO\t0\tdep\t{s}\t{e}"
                      for i, (w, t, s, e) in enumerate(toks))
    (tmp_path / "corenlp" / "a.conll").write_text(conll + "\n\n#coref 1 1 1 2 1 1\n",
                                                  encoding="utf-8")
    assert word_tag_table(tmp_path) == {"Ruiz": "NNP", "said": "VBD", ".": "."}


@pytest.mark.skipif(not (SHARED / "data" / "polnear" / "train").is_dir(),
                    reason="../shared/data absent")
def test_the_shipped_forms_and_tags_are_what_training_counts() -> None:
    """``quotegraph train`` rebuilds the count tables byte for byte (the fitted models are
    rebuilt the same way; their fit is checked for determinism above)."""
    pytest.importorskip("numpy")
    from quotegraph.cuefeatures import TAGS_FILE
    from quotegraph.cuelearn import MODEL_FILE
    from quotegraph.evaluate.polnear import load_polnear
    from quotegraph.training.cues import (
        count_cues,
        count_raising,
        forms_model,
        pool_inflections,
        word_tag_table,
    )

    models = Path(__file__).resolve().parents[1] / "src" / "quotegraph" / "models"
    train = SHARED / "data" / "polnear" / "train"
    tags = word_tag_table(train)
    assert json.loads((models / TAGS_FILE).read_text("utf-8"))["tags"] == tags
    articles = load_polnear(train)
    assert json.loads((models / MODEL_FILE).read_text("utf-8")) == \
        forms_model(count_cues(articles), pool_inflections(articles, tags),
                    count_raising(articles))
    from quotegraph.cuefeatures import NAMES_FILE
    from quotegraph.training.cues import name_class_table
    assert json.loads((models / NAMES_FILE).read_text("utf-8"))["classes"] == \
        name_class_table(train)


def test_name_class_table_keeps_forms_one_kind_dominates(tmp_path: Path) -> None:
    from quotegraph.training.cues import name_class_table

    (tmp_path / "text").mkdir()
    (tmp_path / "corenlp").mkdir()
    # "Ruiz" a person 5 times of 5; "Paris" a place 4 times, a person once (0.8: kept);
    # "Jordan" a place 3 times, a person 2 (0.6: left out); "Quay" seen 4 times (too rare)
    words = ["Ruiz"] * 5 + ["Paris"] * 5 + ["Jordan"] * 5 + ["Quay"] * 4
    kinds = ["PERSON"] * 5 + ["LOCATION"] * 4 + ["PERSON"] + ["LOCATION"] * 3 + \
        ["PERSON"] * 2 + ["LOCATION"] * 4
    text = " ".join(words)
    lines, pos = [], 0
    for i, (w, k) in enumerate(zip(words, kinds, strict=True)):
        lines.append(f"{i + 1}\t{w}\t{w}\tNNP\t{k}\t0\tdep\t{pos}\t{pos + len(w)}")
        pos += len(w) + 1
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "corenlp" / "a.conll").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert name_class_table(tmp_path) == {"Paris": "LOCATION", "Ruiz": "PERSON"}


def test_inflection_keys_join_the_forms_of_one_verb() -> None:
    from quotegraph.cuefeatures import inflection_key

    for forms in (("urge", "urges", "urged", "urging"), ("deny", "denies", "denied", "denying"),
                  ("agree", "agrees", "agreed", "agreeing"), ("note", "notes", "noted", "noting"),
                  ("stress", "stresses", "stressed", "stressing")):
        assert len({inflection_key(f) for f in forms}) == 1, forms
    assert inflection_key("urge") != inflection_key("argue")
    assert inflection_key("say") != inflection_key("said")  # irregular forms stay apart


def _gold(text: str, cues: list[str]) -> Any:
    """An invented article whose given cue words each head an unquoted attribution."""
    from quotegraph.evaluate.polnear import GoldArticle, GoldAttribution

    atts = []
    for word in cues:
        at = text.index(word)
        atts.append(GoldAttribution((Span(at + len(word) + 1, len(text)),), (),
                                    (Span(at, at + len(word)),), False))
    return GoldArticle("x", text, tuple(atts))


def test_a_rare_inflection_is_a_candidate_by_its_verb_never_against_its_own_counts() -> None:
    pytest.importorskip("numpy")
    from quotegraph.training.cues import pool_inflections

    # "warned" heads a cue 6 times in 6: its rare "warns" joins it; "ordered" heads 10 of
    # 10 and the verb passes (10 of 45), but "orders" (seen 35 times, never a cue) has
    # counts of its own, which stand
    arts = [_gold("Mayor Lee warned the pier was unsafe.", ["warned"]) for _ in range(6)]
    arts += [_gold("Mayor Lee warns that the tide is high.", [])]
    arts += [_gold("The chief ordered that the quay be closed.", ["ordered"])
             for _ in range(10)]
    arts += [_gold("The shop orders fish daily.", []) for _ in range(35)]
    groups, pooled = pool_inflections(arts, tags={})
    assert pooled == {"warns": "warn"}
    assert groups == {"warn": [6, 7]}
