"""The core: ``extract()`` wires the stages of quotegraph as numbered steps.

Every adapter (CLI, evaluation, later the store and the web app) calls :func:`extract_article`;
nothing else knows the order of the stages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .attribute import Nested, attribute, nested_locals
from .ingest import article_from_text, read_text_article
from .mentions import find_mentions
from .quotes import find_quotes
from .rank import SpeakerRanker, bundled_ranker
from .records import Article, ArticleResult, QuoteSpan, Span
from .reported import reported_speech
from .resolve import Draft, Resolver, build, conventions, reported_drafts
from .text import paragraphs


def extract(text: str, *, date: str | None = None, title: str | None = None,
            source: str | None = None) -> ArticleResult:
    """Extract the attributed quotations of one article given as a string.

    A leading `` date YYYY-MM-DD `` header is honoured (and removed from the text) unless
    ``date`` is given.
    """
    return extract_article(article_from_text(text, source=source, title=title, date=date))


def extract_file(path: str | Path) -> ArticleResult:
    """Read a UTF-8 plain-text article (optional date header) and extract its quotations."""
    return extract_article(read_text_article(path))


def extract_article(article: Article, *, ranker: SpeakerRanker | bool | None = True,
                    ) -> ArticleResult:
    """Run the pipeline on an already ingested article.

    ``ranker``: the learned speaker ranker to use for quotations no cue attributes; True
    (the default) means the one shipped in ``quotegraph/models/`` if there is one, False or
    None means rules only.
    """
    a = analyse(article, ranker=bundled_ranker() if ranker is True else ranker or None)
    # 7. result
    found, entities = build(a.text, a.drafts, a.resolver, a.nested, a.reported)
    return ArticleResult(article=article, quotes=tuple(found), entities=tuple(entities))


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


def analyse(article: Article, *, ranker: SpeakerRanker | None = None) -> Analysis:
    """Stages 2–6 on one article: the attributed quotations before they become records."""
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
    #     fragments stage 5 found
    reported, locals_ = reported_speech(text, paras, quotes, mentions, locals_)
    # 6. resolve mentions to entities, then the conventions that need entities
    #    (continuation, turn-taking, the learned ranker, the narrator, addressees)
    resolver = Resolver(text)
    resolver.resolve_all(mentions)
    drafts = conventions(text, paras, locals_, resolver, ranker)
    return Analysis(text, paras, drafts, resolver, nested, reported_drafts(reported, resolver))


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
