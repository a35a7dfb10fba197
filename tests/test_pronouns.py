"""The learned pronoun resolver: its features, the chooser, and how training labels the
silver coreference (every text here is invented)."""

from __future__ import annotations

import pytest

from quotegraph.ingest import article_from_text
from quotegraph.learned import LogisticModel, PronounModel, bundled_pronouns
from quotegraph.pipeline import analyse, extract_article
from quotegraph.pronounfeatures import pronoun_features
from quotegraph.records import Span


def _feats(**over: object) -> list[str]:
    args: dict[str, object] = dict(
        sentences_back=1, paragraphs_back=0, recency_rank=0, mention_rank=0, mentions=2,
        gender="agree", full_name=True, last_kind="name", last_subject=True,
        last_reporting=False, quote_between=False, pronoun_subject=True, possessive=False,
        first_subject=True, personal=True)
    args.update(over)
    return pronoun_features(**args)  # type: ignore[arg-type]


def test_features_bucket_distances_and_name_the_evidence() -> None:
    f = _feats(sentences_back=4, mentions=3, recency_rank=7)
    assert "sent=5" in f and "mentions=4" in f and "rank=5" in f
    assert "gender=agree&personal=True" in f and "pron_subj=True&last_subj=True" in f
    assert "sent=>8" in _feats(sentences_back=20)


def test_the_chooser_takes_the_best_score_and_ties_go_to_the_latest() -> None:
    model = PronounModel(LogisticModel({"rank=1": 2.0, "rank=2": 2.0}, 0.0, 0.0))
    feats = [_feats(recency_rank=i) for i in range(3)]
    assert model.choose(Span(0, 2), (), feats) == 1
    # a threshold no candidate reaches leaves the choice to the rules
    strict = PronounModel(LogisticModel({"rank=1": 2.0}, 0.0, 0.99))
    assert strict.choose(Span(0, 2), (), feats) is None


class _Take:
    """A chooser that records what it was offered and takes the given rank."""

    def __init__(self, rank: int) -> None:
        self.rank = rank
        self.offered: list[list[str]] = []

    def choose(self, pronoun: Span, cands: object, feats: list[list[str]]) -> int | None:
        self.offered = [f for f in feats]
        return min(self.rank, len(feats) - 1)


def test_the_resolver_offers_the_persons_that_fit_latest_first() -> None:
    text = ("Dana Marsh met Ana Ruiz and Tom Hale at the pier. Ruiz spoke first. "
            "She said the tide was late.")
    take = _Take(1)
    a = analyse(article_from_text(text), detector=False, ends=False, pronouns=take)
    # Tom Hale is male: not offered; Ana Ruiz (latest) then Dana Marsh
    assert len(take.offered) == 2
    assert "rank=0" in take.offered[0] and "rank=1" in take.offered[1]
    she = a.resolver.mention_at(text.index("She"))
    assert she is not None
    e = a.resolver.entity_of(she)
    assert e is not None and e.tokens == ("Dana", "Marsh")  # the chooser's rank 1


def test_without_a_chooser_the_latest_that_fits_stands() -> None:
    text = "Dana Marsh met Ana Ruiz at the pier. She said the tide was late."
    r = extract_article(article_from_text(text), pronouns=False)
    assert [q.speaker.name for q in r.quotes if q.speaker] == ["Ana Ruiz"]


def test_silver_chains_become_character_spans_and_label_candidates() -> None:
    pytest.importorskip("numpy")
    from quotegraph.training.pronouns import labelled, silver_chains

    conll = "\n".join([
        "1\tAna\tAna\tNNP\tPERSON\t2\tnsubj\t0\t3",
        "2\tRuiz\tRuiz\tNNP\tPERSON\t3\tnsubj\t4\t8",
        "3\tspoke\tspeak\tVBD\tO\t0\troot\t9\t14",
        "",
        "1\tShe\tshe\tPRP\tO\t2\tnsubj\t16\t19",
        "2\tleft\tleave\tVBD\tO\t0\troot\t20\t24",
        "",
        "#coref 1 1 1 3 2 1",
        "#coref 1 2 1 2 1 0",
    ])
    chains = silver_chains(conll)
    assert chains == [[Span(0, 8), Span(16, 19)]]
    decisions = [(Span(16, 19), [[Span(30, 34)], [Span(4, 8)]], [["a"], ["b"]]),
                 (Span(40, 43), [[Span(4, 8)]], [["c"]])]  # not in a chain: left out
    assert labelled(decisions, chains) == [([["a"], ["b"]], [0, 1])]


def test_the_shipped_model_is_loaded_and_left_out_of_dialogue() -> None:
    from quotegraph.pipeline import _shipped_pronouns
    from quotegraph.resolve import untagged_dialogue

    assert bundled_pronouns() is not None and isinstance(_shipped_pronouns(), PronounModel)
    # a story of untagged lines: the resolver learned on news stays out
    lines = "\n\n".join(["“Yes.”", "“No.”"] * 5)
    a = analyse(article_from_text("Ana met Tom.\n\n" + lines))
    assert untagged_dialogue([d.local for d in a.drafts]) and a.resolver.pronouns is None
