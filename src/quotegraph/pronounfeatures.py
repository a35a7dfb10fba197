"""The features of one candidate antecedent of a "he" or "she", for the learned pronoun
resolver. The resolver (:mod:`quotegraph.resolve`) computes them at inference and
``quotegraph train`` (:mod:`quotegraph.training.pronouns`) from the same calls, so the two
cannot drift.

A candidate is a person the text has mentioned before the pronoun. What tells the right one
in news: how far back it was last mentioned (in sentences and paragraphs) and how it was
mentioned then (a full name, a pronoun, the subject opening a sentence, the speaker of a
reporting verb), how often it has been mentioned, whether its gender is known to agree, and
the candidate's rank among the others by recency and by mentions.
"""

from __future__ import annotations

from typing import Final

#: How many of the most recent candidates a pronoun weighs.
MAX_CANDIDATES: Final = 5


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def pronoun_features(*, sentences_back: int, paragraphs_back: int, recency_rank: int,
                     mention_rank: int, mentions: int, gender: str, full_name: bool,
                     last_kind: str, last_subject: bool, last_reporting: bool,
                     quote_between: bool, pronoun_subject: bool, possessive: bool,
                     first_subject: bool, personal: bool) -> list[str]:
    """Feature names (strings) for one candidate; every argument is about the candidate
    against the pronoun, computed by the caller from the text and the entity so far.

    ``gender``: "agree", "unknown" (the candidate's gender is not known) or "person" (the
    pronoun's is not). ``last_kind``: the kind of the candidate's latest mention ("name",
    "pronoun", "possessive", "nominal"). ``last_subject``: that mention opened its sentence;
    ``last_reporting``: a reporting verb followed it there ("Holt said"); ``first_subject``:
    the candidate is the subject of the sentence before the pronoun's; ``personal``: a
    title, a known first name or a gendered word has told it is a person."""
    sb = _bucket(sentences_back, (0, 1, 2, 3, 5, 8))
    rr = str(min(recency_rank, 5))
    feats = [
        f"sent={sb}", f"para={_bucket(paragraphs_back, (0, 1, 2, 4))}",
        f"rank={rr}", f"mrank={min(mention_rank, 4)}",
        f"mentions={_bucket(mentions, (1, 2, 4, 8, 16))}",
        f"gender={gender}", f"full={full_name}", f"last={last_kind}",
        f"last_subj={last_subject}", f"last_rep={last_reporting}",
        f"quote_between={quote_between}", f"pron_subj={pronoun_subject}",
        f"poss={possessive}", f"prev_subj={first_subject}",
        # conjunctions that matter: a subject pronoun picks up a subject, and a speaker
        f"pron_subj={pronoun_subject}&last_subj={last_subject}",
        f"pron_subj={pronoun_subject}&last_rep={last_reporting}",
        f"rank={rr}&sent={sb}", f"rank={rr}&last={last_kind}",
        f"mrank={min(mention_rank, 4)}&sent={sb}",
        f"personal={personal}", f"gender={gender}&personal={personal}",
        f"gender={gender}&full={full_name}", f"gender={gender}&rank={rr}",
    ]
    return feats
