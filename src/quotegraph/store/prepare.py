"""What the store computes from one article result before it touches the database.

Pure functions of the JSON contract's dictionary (no database, no NLP), so that ingest
workers can run them in parallel and the single writer only looks things up and inserts:

* **quotation keys**: the wording normalized (Unicode NFKC, lowercase, punctuation dropped,
  whitespace runs as one space) and hashed; equal keys are exact duplicates across articles;
* **near-duplicate sketches**: a bottom-k MinHash of the wording's word trigrams (the
  ``SKETCH_SIZE`` smallest CRC-32 values), compared by estimated Jaccard similarity;
* **speaker keys and aliases**: how an in-article entity may merge with speakers of other
  articles (see :func:`entity_plan`).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from dataclasses import dataclass
from typing import Any

# Quotations shorter than this are never merged across articles: "No." or "We'll see." said
# by two people is no one quotation.
MIN_CLUSTER_WORDS = 4
# Near-duplicates are looked for only among quotations this long (shorter ones must match
# exactly): a trigram sketch of a short text is too coarse to tell rewording from a new text.
MIN_SKETCH_WORDS = 8
SKETCH_SIZE = 16
# how many of a sketch's smallest values are indexed to find candidate clusters
SKETCH_INDEXED = 6
# estimated Jaccard similarity of trigram sets at which two wordings are one quotation
NEAR_DUPLICATE = 0.6

# Forms of address dropped from a person's merge key ("Mr. John Ames" is "John Ames"), as
# long as a full name remains. Titles of office stay out of this list: the store holds no
# lexicon of them, and keeping them only makes merging more conservative.
_HONORIFICS = frozenset("mr mrs ms mx miss dr prof rev sir dame lord lady".split())
_MERGING_TYPES = frozenset({"person", "organization"})
_NON_WORD = re.compile(r"[^\w]+|_+")
_POSSESSIVE = re.compile(r"[’']s?\Z")


def normalize_words(text: str) -> list[str]:
    """The words of ``text``: NFKC, accents kept, lowercase, punctuation dropped."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).lower()).split()


def quote_key(text: str) -> str | None:
    """The exact-duplicate key of a quotation's wording, or None when it is too short."""
    words = normalize_words(text)
    if len(words) < MIN_CLUSTER_WORDS:
        return None
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:20]


def quote_sketch(text: str) -> tuple[int, ...]:
    """The bottom-k MinHash sketch of a wording's word trigrams (empty when too short)."""
    words = normalize_words(text)
    if len(words) < MIN_SKETCH_WORDS:
        return ()
    hashes = {zlib.crc32(" ".join(words[i : i + 3]).encode("utf-8"))
              for i in range(len(words) - 2)}
    return tuple(sorted(hashes)[:SKETCH_SIZE])


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the sets behind two bottom-k sketches: the share of
    the union's k smallest values that both sketches hold."""
    if not a or not b:
        return 0.0
    k = min(len(a), len(b))
    union = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / k


def name_tokens(name: str) -> list[str]:
    """A name as merge-key tokens: accents and case folded, punctuation and a possessive
    ending dropped."""
    folded = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", name.strip()))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return normalize_words(folded)


def _without_honorifics(tokens: list[str]) -> list[str]:
    rest = list(tokens)
    while len(rest) > 2 and rest[0] in _HONORIFICS:
        rest.pop(0)
    if len(rest) == 2 and rest[0] in _HONORIFICS:
        return rest  # "Mrs. Croft" is not "Croft": the form of address tells people apart
    return rest


@dataclass(frozen=True, slots=True)
class EntityPlan:
    """How an in-article entity joins the corpus's speakers.

    ``key``: the merge key of a full name ("person:linda okafor"); entities with equal keys
    are one speaker. ``alias``: for an entity known by one name only ("Okafor", "Mrs.
    Croft"), the form to look up among the aliases of full-name speakers. Neither: an
    anonymous source, a group or an unknown, which never merges.
    """

    key: str | None
    alias: str | None
    aliases: tuple[str, ...]  # the name forms the article used for this entity


def entity_plan(entity: dict[str, Any], text: str) -> EntityPlan:
    etype = entity["type"]
    if etype not in _MERGING_TYPES:
        return EntityPlan(None, None, ())
    tokens = _without_honorifics(name_tokens(entity["name"]))
    if not tokens:
        return EntityPlan(None, None, ())
    forms = {" ".join(tokens)}
    for start, end in entity["mentions"]:
        surface = text[start:end]
        if surface[:1].isupper():
            words = _without_honorifics(name_tokens(surface))
            # pronouns are lowercase in the middle of sentences but not at their start;
            # an alias is a word of the name itself
            if words and all(w in tokens for w in words):
                forms.add(" ".join(words))
    aliases = tuple(sorted(forms))
    joined = " ".join(tokens)
    if len(tokens) >= 2 and not (len(tokens) == 2 and tokens[0] in _HONORIFICS):
        return EntityPlan(f"{etype}:{joined}", None, aliases)
    return EntityPlan(None, joined, aliases)


@dataclass(frozen=True, slots=True)
class QuotePlan:
    key: str | None
    sketch: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article result with what the writer needs computed in advance."""

    result: dict[str, Any]
    entities: tuple[EntityPlan, ...]
    quotes: tuple[QuotePlan, ...]

    @property
    def id(self) -> str:
        return str(self.result["article"]["id"])


def prepare(result: dict[str, Any]) -> PreparedArticle:
    """Keys, sketches and speaker plans for one result of the JSON contract."""
    text = result["text"]
    return PreparedArticle(
        result,
        tuple(entity_plan(e, text) for e in result["entities"]),
        tuple(QuotePlan(quote_key(q["text"]), quote_sketch(q["text"]))
              for q in result["quotes"]),
    )
