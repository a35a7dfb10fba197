"""The features of a candidate reporting word in its context: one module for training and
extraction, so that the two cannot drift.

A word form such as "support", "found" or "voted" reports speech in one sentence and not in
the next ("she voted to delay"; "the council voted 6-3"). Whether an occurrence is a cue is
decided from what stands around it: the words and their likely part of speech on each side,
a "that" or a quotation mark that follows, a subject that precedes, a "to" or a determiner
before it, how much of the sentence is left. :func:`cue_features` names those facts as
strings; the detector (:mod:`quotegraph.learned`) weighs them.

The part of speech of a context word comes from a table learned on the silver CoreNLP
annotation of PolNeAR train (``models/word_tags.json``: each frequent word form's most
frequent tag), else from its shape: a tag per word, no tagger to run over the whole text.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Final

from .cuelearn import pooled_cue_forms

TAGS_FILE: Final = "word_tags.json"
NAMES_FILE: Final = "name_classes.json"
# a word (letters and digits, inner apostrophes and hyphens), else one other character
_TOKEN: Final = re.compile(r"\w+(?:[’'\-]\w+)*|[^\w\s]")
_QUOTES: Final = frozenset("\"“”‘’«»„'")
_NEGATIONS: Final = frozenset(("not", "n't", "n’t", "never", "no"))
_FINITE: Final = frozenset(("MD", "VBD", "VBZ", "VBP"))
#: How far around the candidate the context is read, in characters (within its sentence).
WINDOW: Final = 60


def _shipped_table(name: str, key: str) -> dict[str, str]:
    """The table under ``key`` of the shipped model file ``name`` (empty when none)."""
    path = resources.files("quotegraph").joinpath("models", name)
    if not path.is_file():
        return {}
    table: dict[str, str] = json.loads(path.read_text("utf-8"))[key]
    return table


@cache
def word_tags() -> dict[str, str]:
    """The shipped table of word form -> most frequent silver tag (empty when none)."""
    return _shipped_table(TAGS_FILE, "tags")


@cache
def name_classes() -> dict[str, str]:
    """The shipped table of capitalised word form -> the kind of name it mostly belongs to
    in the silver annotation: PERSON, ORGANIZATION or LOCATION (empty when none)."""
    return _shipped_table(NAMES_FILE, "classes")


def tag_of(token: str, tags: dict[str, str]) -> str:
    """The likely tag of one context token: the table's, else one from its shape."""
    t = tags.get(token)
    if t is not None:
        return t
    low = token.lower()
    t = tags.get(low)
    if t is not None and not token[:1].isupper():
        return t
    first = token[:1]
    if first.isdigit():
        return "CD"
    if first.isupper():
        return "NNP"
    if not first.isalnum() and first != "_":
        return "Q" if first in _QUOTES else first
    for suffix, tag in (("ing", "VBG"), ("ed", "VBD"), ("ly", "RB"), ("s", "NNS")):
        if low.endswith(suffix):
            return tag
    return "NN"


def _form_class(form: str) -> str:
    """The inflection of the candidate word itself."""
    for suffix in ("ing", "ed", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            return suffix
    return "base"


def inflection_key(form: str) -> str:
    """One key for the regular inflections of a verb ("urge", "urges", "urged", "urging"
    -> "urg"; "deny", "denies", "denied" -> "deni"; "agrees", "agreeing" -> "agre"): crude, but
    the same for every form of a regular verb, and only verb forms are pooled by it."""
    stripped = ""
    for suffix in ("ing", "ed", "s"):
        if form.endswith(suffix) and len(form) - len(suffix) >= 3:
            form, stripped = form[: -len(suffix)], suffix
            break
    if form.endswith("e") and len(form) > 3 and stripped != "ed":  # "agreed" is "agre"
        form = form[:-1]
    if form.endswith("y"):
        form = form[:-1] + "i"
    if len(form) > 3 and form[-1] == form[-2] and form[-1] not in "aeiou":
        form = form[:-1]
    return form


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1-3" if n <= 3 else "4-10" if n <= 10 else "11+"


def cue_features(text: str, start: int, end: int, sent_start: int, sent_end: int,
                 form: str, lexicon_class: str, before: str, after: str) -> list[str]:
    """The features of the candidate ``text[start:end]`` (lowercased ``form``) in the
    sentence ``text[sent_start:sent_end]``; ``lexicon_class`` is the cue lexicon's manner for
    the form, or "-" when the lexicon lacks it; ``before`` and ``after`` the kinds of the
    mentions that end right before it and open right after it ("name", "pronoun", ...),
    or "-"."""
    tags = word_tags()
    left = _TOKEN.findall(text, max(sent_start, start - WINDOW), start)
    right = _TOKEN.findall(text, end, min(sent_end, end + WINDOW))
    p1 = left[-1] if left else "<s>"
    p2 = left[-2] if len(left) > 1 else "<s>"
    n1 = right[0] if right else "</s>"
    n2 = right[1] if len(right) > 1 else "</s>"
    p1t = tag_of(p1, tags) if left else "<s>"
    p2t = tag_of(p2, tags) if len(left) > 1 else "<s>"
    # the tags of the words ahead, looked up once: the first two are features of their own,
    # the rest tell whether a clause follows
    ahead_tags = [tag_of(t, tags) for t in right[:10]]
    n1t = ahead_tags[0] if right else "</s>"
    n2t = ahead_tags[1] if len(right) > 1 else "</s>"
    p1l, n1l = p1.lower(), n1.lower()
    key = inflection_key(form)
    feats = [
        "w=" + form, "inf=" + _form_class(form), "lex=" + lexicon_class,
        "p1=" + p1l, "p2=" + p2.lower(), "n1=" + n1l, "n2=" + n2.lower(),
        "p1t=" + p1t, "p2t=" + p2t, "n1t=" + n1t, "n2t=" + n2t,
        "p2t|p1t=" + p2t + "|" + p1t, "n1t|n2t=" + n1t + "|" + n2t,
        "p1t|n1t=" + p1t + "|" + n1t,
        "w|p1t=" + form + "|" + p1t, "w|n1t=" + form + "|" + n1t,
        "w|n1=" + form + "|" + n1l, "w|p1=" + form + "|" + p1l,
        "rest=" + _bucket(len(right)), "before=" + _bucket(len(left)),
        "wt=" + tags.get(form, "-"), "subj=" + before, "obj=" + after,
        "w|subj=" + form + "|" + before, "subj|n1t=" + before + "|" + n1t,
        # the verb behind the form, so its rarer inflections share what its others teach
        "key=" + key, "key|n1t=" + key + "|" + n1t, "key|subj=" + key + "|" + before,
    ]
    # a reported clause follows a cue: a finite verb or a modal a few words on ("said the
    # pier would reopen"); a noun phrase alone ("found the missing keys") reports nothing
    verb_at = next((i for i, t in enumerate(ahead_tags) if i > 0 and t in _FINITE), -1)
    feats.append("verb_at=" + (_bucket(verb_at) if verb_at >= 0 else "none"))
    feats.append("w|verb=" + form + "|" + ("yes" if verb_at >= 0 else "no"))
    ahead = [t.lower() for t in right[:5]]
    if "that" in ahead:
        feats.append("that5")
    if any(t in _QUOTES for t in right[:6]):
        feats.append("quote6")
    if any(t in _QUOTES for t in left[-3:]):
        feats.append("quote_before3")
    if p1l in _NEGATIONS or p2.lower() in _NEGATIONS:
        feats.append("neg")
    if any(t.lower() == "to" for t in left[-2:]):
        feats.append("to_before")
    if "," in left[-2:]:
        feats.append("comma_before")
    if form in pooled_cue_forms():
        feats.append("pooled")
    return feats


# ------------------------------------------------------------------------------------------
# where a reported clause ends

# the places a reported clause may end: a mark, or the space before a word that may open
# another clause
_BOUNDARY: Final = re.compile(
    r"[,;:(—–―]|\s--\s|\s(?=(?:and|but|or|while|because|as|after|before|when|which|who|if|"
    r"so|since|although|though|until|where|saying|adding|even|despite|amid|including)\b)")
_TRAILING: Final = frozenset(" \t\n,;:")
_HARD_STOP: Final = re.compile(r";|[—―]|\s--\s|,\s+(?:and|but)\b")
_DOUBLE_MARKS: Final = ("\"", "“", "”", "«", "»", "„")
#: The most candidate ends weighed for one clause (the nearest ones).
MAX_ENDS: Final = 16


def end_candidates(text: str, start: int, rule_end: int, body_end: int) -> list[int]:
    """Where the reported clause opening at ``start`` may end: each boundary up to the end
    of its sentence's body, the rules' own end, and the body's end (sorted; two ends that
    leave the same words, as ", as" does at its comma and its space, count once). No end
    reaches past a quotation mark beyond the rules' end (whether a clause takes in a
    quotation, and becomes mixed or leaves it to stage 5, stays the rules' decision), nor
    past a semicolon, a dash or a ", and"/", but" that opens another clause: the clause
    may end there, not after. No end comes before a quotation mark within the rules'
    clause either."""
    limit = body_end
    for mark in _DOUBLE_MARKS:
        i = text.find(mark, rule_end, limit)
        if i >= 0:
            limit = i
    stop = _HARD_STOP.search(text, rule_end, limit)
    if stop is not None:
        limit = stop.start()
    # nor may a shorter clause leave out a quotation the rules' clause holds
    floor = max((text.rfind(mark, start, rule_end) for mark in _DOUBLE_MARKS), default=-1)
    first = max(start, floor) + 1
    ends = [m.start() for m in _BOUNDARY.finditer(text, first, limit)][: MAX_ENDS - 2]
    ends += [rule_end, limit]
    out: list[int] = []
    seen: set[int] = set()
    for e in sorted(set(ends)):
        if not start < e <= body_end:
            continue
        words_end = e
        while words_end > start and text[words_end - 1] in _TRAILING:
            words_end -= 1
        if words_end in seen and e != rule_end:
            continue
        seen.add(words_end)
        out.append(e)
    return out


def end_features(text: str, start: int, end: int, index: int, rule_end: int, body_end: int,
                 lemma: str, forms: frozenset[str]) -> list[str]:
    """The features of ending the clause that opens at ``start`` at ``end`` (the ``index``-th
    candidate); ``lemma`` is the cue's, ``forms`` the reporting word forms."""
    tags = word_tags()
    at = text[end] if end < len(text) else ""
    after = _TOKEN.findall(text, end, min(body_end, end + WINDOW))
    if end >= body_end:
        kind = "end"
    elif at.isspace():
        kind = after[0].lower() if after else "space"
    else:
        kind = at
    inside = _TOKEN.findall(text, start, end)
    n1 = after[1] if len(after) > 1 else "</s>"
    n1t = tag_of(n1, tags)
    prev = inside[-1] if inside else "<s>"
    marks = sum(1 for ch in text[start:end] if ch in "\"“”")
    feats = ["b=" + kind, "n1=" + n1.lower(), "n1t=" + n1t,
             "pt=" + tag_of(prev, tags), "idx=" + _bucket(index),
             "len=" + _bucket(len(inside)), "rest=" + _bucket(len(after)),
             "b|len=" + kind + "|" + _bucket(len(inside)),
             "b|rest=" + kind + "|" + _bucket(len(after)),
             "lemma|b=" + lemma + "|" + kind, "b|n1t=" + kind + "|" + n1t]
    if end == rule_end:
        feats.append("rule")
        feats.append("rule|b=" + kind)
    if any(t.lower() in forms for t in after[:4]):
        feats.append("cue_after")
        feats.append("cue_after|b=" + kind)
    if marks % 2:
        feats.append("in_quote")
    if text.count("(", start, end) > text.count(")", start, end):
        feats.append("in_paren")
    return feats
