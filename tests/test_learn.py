"""The speaker ranker: features, the fit, the JSON model, and `quotegraph train` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotegraph.errors import DataError
from quotegraph.pipeline import analyse
from quotegraph.rank import FEATURES, MODEL_FILE, SpeakerRanker, documents_features
from quotegraph.records import Article
from quotegraph.training.ranker import Examples, fit, train

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _row(**on: float) -> tuple[float, ...]:
    return tuple(on.get(name, 0.0) for name in FEATURES)


def test_fit_learns_the_feature_that_decides_and_is_deterministic() -> None:
    ex = Examples()
    for i in range(60):
        # the right candidate spoke two quotations ago; a distractor spoke the last one
        ex.add([_row(prev2=1.0, salience=0.2), _row(prev1=1.0, salience=0.4),
                _row(salience=float(i % 3) / 3)], [True, False, False], "synthetic")
    a, b = fit(ex, iterations=200), fit(ex, iterations=200)
    assert a == b
    probs = a.group_probabilities([_row(prev2=1.0), _row(prev1=1.0), _row()])
    assert probs[0] > 0.9
    assert a.weights[FEATURES.index("prev2")] > 0 > a.weights[FEATURES.index("prev1")]


def test_groups_without_a_right_candidate_teach_nothing() -> None:
    ex = Examples()
    ex.add([_row(prev1=1.0), _row()], [False, False], "synthetic")
    assert (ex.n_groups, ex.rows) == (0, [])
    with pytest.raises(DataError):
        fit(ex)


def test_the_model_round_trips_through_json_and_refuses_other_features() -> None:
    model = SpeakerRanker(tuple(0.1 * i for i in range(len(FEATURES))), 0.0,
                          (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), 0.4)
    assert SpeakerRanker.from_dict(json.loads(json.dumps(model.to_dict()))) == model
    bad = model.to_dict() | {"features": ["something", "else"]}
    with pytest.raises(DataError, match="retrain"):
        SpeakerRanker.from_dict(bad)


def test_candidates_describe_the_previous_speakers() -> None:
    text = "\n\n".join([
        "Ilse Marwood and Joachim Prell met at the kiln.",
        "“The glaze cracked again,” Joachim said.",
        "“Then we fire it slower,” Ilse said.",
        "Joachim shook his head.",
        "“We tried that in March.”",
    ])
    a = analyse(Article("t", text), ranker=None)
    _doc, table = documents_features(a.text, a.paras, a.drafts, a.resolver)
    assert list(table) == [2]  # the untagged line after narration is left to the ranker
    by_name = {a.resolver.ents[c.entity].name: dict(zip(FEATURES, c.features, strict=True))
               for c in table[2]}
    assert by_name["Ilse Marwood"]["prev1"] == 1.0
    assert by_name["Joachim Prell"]["prev2"] == 1.0
    assert by_name["Joachim Prell"]["previous_paragraph"] == 1.0
    assert by_name["Ilse Marwood"]["previous_paragraph"] == 0.0


def test_turn_taking_is_left_to_the_rules() -> None:
    text = "\n\n".join([
        "Ilse Marwood and Joachim Prell met at the kiln.",
        "“The glaze cracked again,” Ilse said.",
        "“Then we fire it slower,” Joachim said.",
        "“We tried that in March.”",
    ])
    a = analyse(Article("t", text), ranker=None)
    assert a.drafts[2].sieve == "alternation"
    assert a.drafts[2].speaker is not None and a.drafts[2].speaker.name == "Ilse Marwood"
    assert documents_features(a.text, a.paras, a.drafts, a.resolver)[1] == {}


@pytest.mark.skipif(not (SHARED / "data" / "pdnc").is_dir(), reason="../shared/data absent")
def test_train_writes_a_model_and_a_card_that_agree(tmp_path: Path) -> None:
    card = train(SHARED, tmp_path)
    assert card["groups"] > 1000 and card["candidates"] > card["groups"]
    assert set(card["data"]["held_out_dev"]) == {"polnear/dev", "Persuasion", "TheSunAlsoRises"}
    assert "Persuasion" not in card["data"]["pdnc"]
    rules, learned = card["dev"]["rules_only"], card["dev"]["with_ranker"]
    wins = (learned["pdnc_dev_speaker"] > rules["pdnc_dev_speaker"]
            and learned["polnear_dev_quoted_speaker"] >= rules["polnear_dev_quoted_speaker"])
    assert card["shipped"] is wins
    assert (tmp_path / MODEL_FILE).is_file() is wins
    saved = json.loads((tmp_path / card["file"]).read_text("utf-8"))
    assert saved["features"] == list(FEATURES)
