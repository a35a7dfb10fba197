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
from typing import Any, NamedTuple

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
# every ASCII byte that is not a letter or a digit, the underscore included, to a space
_ASCII_WORDS = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))
_COMMON_MARKS = ("\u2019", "\u2018", "\u201c", "\u201d", "\u2014", "\u2013")  # ’ ‘ “ ” — –


def normalize_words(text: str) -> list[str]:
    """The words of ``text``: NFKC, accents kept, lowercase, punctuation dropped."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        # curly quotes and dashes are the usual non-ASCII in news text; as spaces they
        # separate words just as the expression's runs of non-word characters do
        for mark in _COMMON_MARKS:
            if mark in text:
                text = text.replace(mark, " ")
        if not text.isascii():
            return _NON_WORD.sub(" ", text.lower()).split()
    # NFKC leaves ASCII as it is, and in ASCII a word character is a letter or a digit:
    # one byte-table pass does what the expression does
    return text.lower().encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()


def quote_key(text: str) -> str | None:
    """The exact-duplicate key of a quotation's wording, or None when it is too short."""
    return key_and_sketch(normalize_words(text))[0]


def quote_sketch(text: str) -> tuple[int, ...]:
    """The bottom-k MinHash sketch of a wording's word trigrams (empty when too short)."""
    return key_and_sketch(normalize_words(text))[1]


def key_and_sketch(words: list[str]) -> tuple[str | None, tuple[int, ...]]:
    """The exact-duplicate key (the SHA-1 of the words joined by spaces) and the sketch
    (the CRC-32 of each three words joined by spaces) of a normalized wording."""
    n = len(words)
    if n < MIN_CLUSTER_WORDS:
        return None, ()
    joined = " ".join(words)
    data = joined.encode("utf-8")
    key = hashlib.sha1(data).hexdigest()[:20]
    if n < MIN_SKETCH_WORDS:
        return key, ()
    # Each trigram is a slice of the joined bytes, from its first word's start to its
    # third word's end: not joined and encoded once more per trigram.
    ascii_only = len(data) == len(joined)
    starts = []
    at = 0
    for w in words:
        starts.append(at)
        at += (len(w) if ascii_only else len(w.encode("utf-8"))) + 1
    starts.append(at)  # where a word after the last would start
    crc = zlib.crc32  # (a slice of bytes is cheaper than one of a memoryview)
    # trigram i runs from starts[i] to the space before starts[i + 3]; zip stops at the last
    hashes = {crc(data[a : b - 1]) for a, b in zip(starts, starts[3:], strict=False)}
    return key, tuple(sorted(hashes)[:SKETCH_SIZE])


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
    folded = _without_possessive(name.strip())
    if not folded.isascii():  # ASCII has nothing to decompose
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return normalize_words(folded)


def _without_possessive(name: str) -> str:
    """``name`` without an apostrophe, or an apostrophe and "s", at its end."""
    if name.endswith(("'s", "\u2019s")):
        return name[:-2]
    if name.endswith(("'", "\u2019")):
        return name[:-1]
    return name


def _without_honorifics(tokens: list[str]) -> list[str]:
    rest = list(tokens)
    while len(rest) > 2 and rest[0] in _HONORIFICS:
        rest.pop(0)
    if len(rest) == 2 and rest[0] in _HONORIFICS:
        return rest  # "Mrs. Croft" is not "Croft": the form of address tells people apart
    return rest


class EntityPlan(NamedTuple):
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
    seen: set[str] = set()  # an article names a person the same way many times
    for start, end in entity["mentions"]:
        surface = text[start:end]
        if surface in seen:
            continue
        seen.add(surface)
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


# The quotation columns a prepared quotation carries, in this order; the writer adds the
# row ids it assigns (pk, article, speaker, addressee, cluster) and the article's date.
QUOTE_COLUMNS: tuple[str, ...] = (
    "id", "kind", "text",
    "speaker_entity", "speaker_name", "speaker_mention", "speaker_start", "speaker_end",
    "speaker_type",
    "addressee_entity", "addressee_name", "addressee_mention", "addressee_start",
    "addressee_end", "addressee_type",
    "cue_text", "cue_lemma", "cue_manner", "cue_start", "cue_end",
    "parent", "confidence",
)


class PreparedEntity(NamedTuple):
    """An in-article entity as the writer stores it (plain tuples: they cross from the
    workers to the writer, and a tuple pickles for a fraction of a dictionary's cost)."""

    id: str
    name: str
    type: str
    gender: str
    mentions: tuple[tuple[int, int], ...]
    plan: EntityPlan
    title: str | None = None


class PreparedQuote(NamedTuple):
    """A quotation as the writer stores it: its ``QUOTE_COLUMNS`` values, the entity ids
    of its speaker and addressee, its spans, and its cluster key and sketch."""

    columns: tuple[Any, ...]
    speaker: str | None
    addressee: str | None
    spans: tuple[tuple[int, int], ...]
    key: str | None
    sketch: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article result as rows for the writer, with its keys, sketches and speaker plans
    computed in advance."""

    # the ``articles`` columns: id, source, date, title, text
    article: tuple[str, str | None, str | None, str | None, str]
    entities: tuple[PreparedEntity, ...]
    quotes: tuple[PreparedQuote, ...]

    @property
    def id(self) -> str:
        return self.article[0]

    @property
    def date(self) -> str | None:
        return self.article[2]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Prepared articles cross from the workers to the writer: as plain tuples they
        # pickle in half the time and unpickle in 60% of it.
        return (_rebuilt, (self.article,
                           tuple((*e[:5], tuple(e.plan), e.title) for e in self.entities),
                           tuple(tuple(q) for q in self.quotes)))


def _rebuilt(article: tuple[str, str | None, str | None, str | None, str],
             entities: tuple[tuple[Any, ...], ...],
             quotes: tuple[tuple[Any, ...], ...]) -> PreparedArticle:
    """A prepared article from the plain tuples it was pickled as."""
    return PreparedArticle(
        article,
        tuple(PreparedEntity(e[0], e[1], e[2], e[3], e[4], EntityPlan._make(e[5]), e[6])
              for e in entities),
        tuple(PreparedQuote._make(q) for q in quotes),
    )


def prepare(result: dict[str, Any]) -> PreparedArticle:
    """Rows, keys, sketches and speaker plans for one result of the JSON contract."""
    text = result["text"]
    a = result["article"]
    return PreparedArticle(
        (str(a["id"]), a.get("source"), a.get("date"), a.get("title"), text),
        tuple(PreparedEntity(e["id"], e["name"], e["type"], e["gender"],
                             tuple((s, t) for s, t in e["mentions"]), entity_plan(e, text),
                             e.get("title"))
              for e in result["entities"]),
        tuple(_prepared_quote(q) for q in result["quotes"]),
    )


def _prepared_quote(q: dict[str, Any]) -> PreparedQuote:
    s, a, c = q["speaker"], q["addressee"], q["cue"]
    key, sketch = key_and_sketch(normalize_words(q["text"]))
    return PreparedQuote(
        (q["id"], q["kind"], q["text"], *_ref_columns(s), *_ref_columns(a),
         *((c["text"], c["lemma"], c["manner"], c["span"][0], c["span"][1]) if c
           else (None,) * 5),
         q["parent"], q["confidence"]),
        s["entity"] if s else None,
        a["entity"] if a else None,
        tuple((st, en) for st, en in q["spans"]),
        key,
        sketch,
    )


def _ref_columns(ref: dict[str, Any] | None) -> tuple[Any, ...]:
    if ref is None:
        return (None,) * 6
    span = ref.get("span")
    return (ref["entity"], ref["name"], ref["mention"],
            span[0] if span else None, span[1] if span else None, ref["type"])
