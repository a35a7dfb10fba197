"""The features of a finished record: one module for training and extraction.

The record confidence model (:mod:`quotegraph.learned`) estimates from these how likely a
record is right end to end. They describe what a reader checks: the kind of quotation, the
cue and where it stands, whether the speaker was named, resolved or left as words, how long
the content is and how it opens and ends, and how sure the rule that attributed it was.
"""

from __future__ import annotations

import re
from typing import Final

from .records import Entity, Quote

_WORD: Final = re.compile(r"\w+(?:[’'\-]\w+)*")
_PRONOUNS: Final = frozenset("i me we us you he him she her it they them who which that "
                             "his its their our my your".split())
_OPENERS: Final = frozenset("that to the a an whether how if why what he she they it his her "
                            "their i we there this in on at for of as".split())
_QUOTES: Final = "\"“”‘’«»„"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def _speaker_features(q: Quote, entities: dict[str, Entity]) -> list[str]:
    sp = q.speaker
    if sp is None:
        return ["spk=none"]
    words = sp.mention.split()
    first = words[0].lower() if words else ""
    if sp.mention.lower() in _PRONOUNS:
        shape = "pronoun:" + sp.mention.lower()
    elif sp.mention[:1].isupper():
        shape = "capital"
    elif first in ("a", "an", "the", "one", "some", "many", "two", "three", "several"):
        shape = "np:" + first
    else:
        shape = "lower"
    ent = entities.get(sp.entity) if sp.entity is not None else None
    feats = ["spk=" + shape, "spk_type=" + sp.type, "spk_span=" + ("yes" if sp.span else "no"),
             "spk_words=" + _bucket(len(words), (1, 2, 3, 5)),
             "spk_resolved=" + ("entity" if ent is not None else "words")]
    if ent is not None:
        feats.append("spk_mentions=" + _bucket(len(ent.mentions), (1, 2, 4, 8)))
        feats.append("spk_named=" + ("same" if ent.name == sp.mention else "other"))
    return feats


def _content_features(text: str, q: Quote) -> list[str]:
    start, end = q.spans[0].start, q.spans[-1].end
    words = _WORD.findall(text, start, end)
    first = words[0].lower() if words else ""
    last = text[end - 1] if end > start else ""
    after = text[end : end + 3].lstrip(" " + _QUOTES)[:1]
    feats = ["len=" + _bucket(len(words), (2, 4, 7, 12, 20, 35, 60)),
             "open=" + (first if first in _OPENERS else
                        ("Cap" if words and words[0][:1].isupper() else "other")),
             "last=" + (last if not last.isalnum() else "w"),
             "after=" + (after if after and not after.isalnum() else "w"),
             "parts=" + _bucket(len(q.spans), (1, 2, 3))]
    if any(ch in text[start:end] for ch in _QUOTES):
        feats.append("has_quote")
    return feats


def _cue_features(q: Quote) -> list[str]:
    cue = q.cue
    if cue is None:
        return ["cue=none"]
    start = q.spans[0].start
    where = "before" if cue.span.end <= start else (
        "after" if cue.span.start >= q.spans[-1].end else "inside")
    gap = start - cue.span.end if where == "before" else cue.span.start - q.spans[-1].end
    return ["cue=" + cue.lemma, "manner=" + cue.manner, "cue_at=" + where,
            "cue_gap=" + _bucket(max(gap, 0), (1, 3, 10, 30, 80)),
            "kind|cue_at=" + q.kind + "|" + where,
            "cue_words=" + _bucket(len(cue.text.split()), (1, 2))]


def record_features(text: str, q: Quote, entities: dict[str, Entity]) -> list[str]:
    """The features of record ``q`` of an article's ``text`` (``entities`` by id)."""
    feats = ["kind=" + q.kind, "rule=" + f"{q.confidence:.2f}",
             "nested=" + ("yes" if q.parent is not None else "no")]
    cue = _cue_features(q)
    feats += cue
    feats += _speaker_features(q, entities)
    feats += _content_features(text, q)
    feats.append("kind|" + q.kind + "|" + cue[0])  # the kind with the cue lemma (or none)
    return feats
