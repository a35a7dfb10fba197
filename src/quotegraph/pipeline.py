"""The core: ``extract()`` wires the stages of quotegraph as numbered steps.

Every adapter (CLI, evaluation, later the store and the web app) calls :func:`extract_article`;
nothing else knows the order of the stages.
"""

from __future__ import annotations

from pathlib import Path

from .attribute import attribute, nested_locals
from .ingest import article_from_text, read_text_article
from .mentions import find_mentions
from .quotes import find_quotes
from .records import Article, ArticleResult, QuoteSpan, Span
from .resolve import Resolver, finish
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


def extract_article(article: Article) -> ArticleResult:
    """Run the pipeline on an already ingested article."""
    text = article.text
    # 1. ingest happened before: ``article.text`` is the body every offset indexes
    # 2. segment: paragraphs (one per line), the unit of quote recovery and of conventions
    paras = paragraphs(text)
    # 3. detect quotations by pairing quotation marks (split parts merge in step 5)
    quotes = find_quotes(text, paras)
    # 4. speaker candidates: mentions in the narrative text between quotations
    mentions = find_mentions(text, _narrative(paras, quotes), [p.start for p in paras])
    # 5. attribute: cue, speaker and addressee mentions per quotation; drop titles
    locals_ = attribute(text, paras, quotes, mentions)
    nested = nested_locals(text, quotes)
    # 6. resolve mentions to entities; continuation, alternation, exchange addressees
    resolver = Resolver(text)
    resolver.resolve_all(mentions)
    found, entities = finish(text, paras, locals_, resolver, nested)
    # 7. result
    return ArticleResult(article=article, quotes=tuple(found), entities=tuple(entities))


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
