"""The core: ``extract()`` wires the stages of quotegraph as numbered steps.

Every adapter (CLI, evaluation, later the store and the web app) calls :func:`extract_article`;
nothing else knows the order of the stages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .attribute import Nested, attribute, nested_locals
from .cuelearn import reported_cue_forms
from .ingest import article_from_text, read_text_article
from .learned import (
    CueDetector,
    EndChooser,
    LogisticModel,
    PronounModel,
    bundled_confidence,
    bundled_detector,
    bundled_ends,
    bundled_pronouns,
)
from .mentions import find_mentions
from .quotes import find_quotes
from .rank import SpeakerRanker, bundled_ranker
from .recordfeatures import record_features
from .records import Article, ArticleResult, Cue, Entity, Quote, QuoteSpan, Span
from .reported import cue_candidates, reported_speech
from .resolve import (
    Draft,
    PronounChooser,
    Resolver,
    build,
    conventions,
    renumber,
    reported_drafts,
    untagged_dialogue,
)
from .text import paragraphs


def extract(text: str, *, date: str | None = None, title: str | None = None,
            source: str | None = None, min_confidence: float | None = None) -> ArticleResult:
    """Extract the attributed quotations of one article given as a string.

    A leading `` date YYYY-MM-DD `` header is honoured (and removed from the text) unless
    ``date`` is given. ``min_confidence``: see :func:`extract_article`.
    """
    return extract_article(article_from_text(text, source=source, title=title, date=date),
                           min_confidence=min_confidence)


def extract_file(path: str | Path, *, min_confidence: float | None = None) -> ArticleResult:
    """Read a UTF-8 plain-text article (optional date header) and extract its quotations."""
    return extract_article(read_text_article(path), min_confidence=min_confidence)


def extract_article(article: Article, *, ranker: SpeakerRanker | bool | None = True,
                    detector: CueDetector | bool | None = True,
                    ends: EndChooser | bool | None = True,
                    confidence: LogisticModel | bool | None = True,
                    min_confidence: float | None = None,
                    pronouns: PronounChooser | bool | None = True) -> ArticleResult:
    """Run the pipeline on an already ingested article.

    ``ranker``: the learned speaker ranker to use for quotations no cue attributes; True
    (the default) means the one shipped in ``quotegraph/models/`` if there is one, False or
    None means rules only. ``detector``: the learned cue detector of reported speech,
    ``ends``: where a reported clause ends, and ``confidence``: the learned record
    confidence, the same way (False or None: every learned reporting word opens a record;
    the rules end each clause; the rules' own confidence stands).
    ``min_confidence``: records less likely than this to be right are left out, with the
    quotations nested in them (None: the confidence model's own threshold, see
    docs/evaluation.md; 0 keeps every record).
    """
    a = analyse(article, ranker=bundled_ranker() if ranker is True else ranker or None,
                detector=detector, ends=ends, pronouns=pronouns)
    # 7. result
    found, entities = build(a.text, a.drafts, a.resolver, a.nested, a.reported)
    # 8. confidence: the learned probability that each record is right end to end, and
    #    the records kept
    model = bundled_confidence() if confidence is True else confidence or None
    if model is not None:
        found = renumber(_confident(a.text, found, entities, model, min_confidence))
    elif min_confidence:
        # (a nested quotation goes with its parent, as in _confident)
        kept = {q.id for q in found if q.confidence >= min_confidence}
        found = renumber([q for q in found if q.id in kept
                          and (q.parent is None or q.parent in kept)])
    return ArticleResult(article=article, quotes=tuple(found), entities=tuple(entities))


def _confident(text: str, found: list[Quote], entities: list[Entity], model: LogisticModel,
               floor: float | None) -> list[Quote]:
    """Each record with the model's confidence, those under ``floor`` left out (and the
    quotations nested in one left out, so that no record names a parent that is gone).
    ``floor`` None: the model's threshold, for the kinds it names (a quotation in marks is
    reported speech whoever said it; it is shown, with how sure its attribution is)."""
    by_id = {e.id: e for e in entities}
    probs = [model.prob(record_features(text, q, by_id)) for q in found]  # compute first
    kept: list[Quote] = []
    dropped: set[str] = set()
    for q, p in zip(found, probs, strict=True):
        least = floor if floor is not None else (
            model.threshold if not model.kinds or q.kind in model.kinds else 0.0)
        if p < least or (q.parent is not None and q.parent in dropped):
            dropped.add(q.id)
            continue
        kept.append(q.with_confidence(p))
    return kept


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything stages 2–6 know about an article (what ``quotegraph train`` learns from)."""

    text: str
    paras: list[Span]
    drafts: list[Draft]
    resolver: Resolver
    nested: list[Nested]
    reported: list[Draft]  # indirect and mixed quotations

    def __init__(self, text: str, paras: list[Span], drafts: list[Draft], resolver: Resolver,
                 nested: list[Nested], reported: list[Draft]) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "paras", paras)
        object.__setattr__(self, "drafts", drafts)
        object.__setattr__(self, "resolver", resolver)
        object.__setattr__(self, "nested", nested)
        object.__setattr__(self, "reported", reported)


def analyse(article: Article, *, ranker: SpeakerRanker | None = None,
            detector: CueDetector | bool | None = True,
            ends: EndChooser | bool | None = True,
            pronouns: PronounChooser | bool | None = True) -> Analysis:
    """Stages 2–6 on one article: the attributed quotations before they become records."""
    cues = bundled_detector() if detector is True else detector or None
    chooser = _shipped_chooser() if ends is True else ends or None
    antecedents = _shipped_pronouns() if pronouns is True else pronouns or None
    text = article.text
    # 2. segment: paragraphs (one per line, or blank-line blocks in hard-wrapped text)
    paras = paragraphs(text)
    # 3. detect quotations by pairing quotation marks (split parts merge in step 5)
    quotes = find_quotes(text, paras)
    # 4. speaker candidates: mentions in the narrative text between quotations
    mentions = find_mentions(text, _narrative(paras, quotes), [p.start for p in paras])
    # 5. attribute: cue, speaker and addressee mentions per quotation; drop titles
    locals_ = attribute(text, paras, quotes, mentions)
    nested = nested_locals(text, quotes)
    # 5b. reported speech: indirect quotations, and mixed ones that absorb the quoted
    #     fragments stage 5 found; the learned detector decides which reporting words
    #     are cues in their context
    #     (in fiction and transcripts, only words of saying that open a clause)
    narration = untagged_dialogue(locals_)
    reported, locals_ = reported_speech(text, paras, quotes, mentions, locals_, cues, chooser,
                                        narration=narration)
    # 6. resolve mentions to entities, then the conventions that need entities
    #    (continuation, turn-taking, the learned ranker, the narrator, addressees)
    resolver = Resolver(text, antecedents if not narration else None)
    resolver.resolve_all(mentions)
    drafts = conventions(text, paras, locals_, resolver, ranker)
    return Analysis(text, paras, drafts, resolver, nested, reported_drafts(reported, resolver))


@cache
def _shipped_pronouns() -> PronounModel | None:
    """The pronoun chooser of the shipped model (made once), or None when none is shipped."""
    model = bundled_pronouns()
    return PronounModel(model) if model is not None else None


@cache
def _shipped_chooser() -> EndChooser | None:
    """The end chooser of the shipped model (made once), or None when none is shipped."""
    model = bundled_ends()
    return EndChooser(model, reported_cue_forms()) if model is not None else None


def candidate_cues(text: str) -> list[tuple[Cue, list[str]]]:
    """Stages 2–4, then every reporting word stage 5b would weigh, with its features (what
    ``quotegraph train`` fits the cue detector on)."""
    paras = paragraphs(text)
    quotes = find_quotes(text, paras)
    mentions = find_mentions(text, _narrative(paras, quotes), [p.start for p in paras])
    return cue_candidates(text, paras, quotes, mentions)


def _narrative(paras: list[Span], quotes: list[QuoteSpan]) -> list[Span]:
    """The paragraphs minus the top-level quotations: where speakers are named."""
    outer = sorted(o for q in quotes if q.parent is None for o in q.outer)
    out: list[Span] = []
    k = 0
    for p in paras:
        pos = p.start
        while k < len(outer) and outer[k].end <= p.start:
            k += 1
        j = k
        while j < len(outer) and outer[j].start < p.end:
            if outer[j].start > pos:
                out.append(Span(pos, outer[j].start))
            pos = max(pos, outer[j].end)
            j += 1
        if pos < p.end:
            out.append(Span(pos, p.end))
    return out
