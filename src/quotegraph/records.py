"""The records passed between pipeline stages, and the public result types.

Every offset is a character offset into the article's ``text`` (the body as analysed, after the
optional ``date`` header was removed). Spans are half-open ``[start, end)``.
The public result (:class:`ArticleResult`) serialises to the JSON contract of
``shared/spec/quote-json.md`` through :meth:`ArticleResult.to_dict`.

The records here and elsewhere in the pipeline write their ``__init__`` out instead of letting
``dataclass`` generate it. Compiled by mypyc (see setup.py), a written ``__init__`` stores each
field straight into the object, some ten times faster than calling the generated one, which
mypyc leaves as interpreted code; the pipeline builds some 650 records an article.
``tests/test_records.py`` checks that each written ``__init__`` takes the fields as
``dataclass`` would.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

MentionKind = Literal["name", "pronoun", "nominal", "anonymous", "organization", "group"]
EntityType = Literal["person", "organization", "group", "anonymous", "author", "unknown"]
Gender = Literal["female", "male", "unknown"]
Number = Literal["singular", "plural"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Manner = Literal[
    "neutral", "assertive", "hostile", "conciliatory", "humorous", "tentative", "written"
]


class Record:
    """The base of the records: pickled by their field values, through ``__init__``.

    The default pickling of a slotted class restores each field with ``setattr``. That
    works for the pure-Python classes, but a class compiled by mypyc (see setup.py) keeps
    the frozen dataclass's ``__setattr__``, which refuses it. Records cross process
    boundaries (``quotegraph ingest`` sends articles to its workers)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:
        names = [f.name for f in dataclasses.fields(self)]  # type: ignore[arg-type]
        return (type(self), tuple(getattr(self, name) for name in names))


@dataclass(frozen=True, slots=True, order=True)
class Span(Record):
    """A half-open character range ``[start, end)`` into the article text."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        if not 0 <= start <= end:
            raise ValueError(f"bad span [{start}, {end})")
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One input article, before any NLP."""

    id: str
    text: str
    source: str | None = None
    date: str | None = None
    title: str | None = None

    def __init__(self, id: str, text: str, source: str | None = None, date: str | None = None,
                 title: str | None = None) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "title", title)


@dataclass(frozen=True, slots=True)
class QuoteSpan(Record):
    """A quotation found by quotation-mark pairing (stage 3).

    ``parts`` are the content spans without enclosing marks, one per part of a split or
    multi-paragraph quotation. ``outer`` spans include the marks. ``depth`` is 0 for a
    top-level quotation, 1 for one nested inside another, and so on; ``parent`` indexes the
    enclosing :class:`QuoteSpan` in the detector's output list.
    """

    parts: tuple[Span, ...]
    outer: tuple[Span, ...]
    depth: int = 0
    parent: int | None = None

    def __init__(self, parts: tuple[Span, ...], outer: tuple[Span, ...], depth: int = 0,
                 parent: int | None = None) -> None:
        object.__setattr__(self, "parts", parts)
        object.__setattr__(self, "outer", outer)
        object.__setattr__(self, "depth", depth)
        object.__setattr__(self, "parent", parent)

    @property
    def start(self) -> int:
        return self.outer[0].start

    @property
    def end(self) -> int:
        return self.outer[-1].end


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A possible speaker or addressee (stage 4): a name, pronoun, nominal, anonymous
    phrase, organisation or group, with what the resolver needs to know about it."""

    span: Span
    text: str
    kind: MentionKind
    gender: Gender = "unknown"
    number: Number = "singular"
    head: str = ""  # the name without title, the noun of a nominal, the pronoun lowercased
    etype: EntityType = "unknown"
    title: str = ""  # titles and role words before a name ("Mayor", "Transport Minister")
    possessive: bool = False  # "Hale's", "his": this mention owns something
    possessor: Span | None = None  # for "her husband": the span of "her"
    weak: bool = False  # a lone capitalised word opening a sentence: maybe not a name
    age: int | None = None  # "the 38-year-old"
    place: bool = False  # a name after "in", "at the": taken for a place, not a person

    def __init__(self, span: Span, text: str, kind: MentionKind, gender: Gender = "unknown",
                 number: Number = "singular", head: str = "", etype: EntityType = "unknown",
                 title: str = "", possessive: bool = False, possessor: Span | None = None,
                 weak: bool = False, age: int | None = None, place: bool = False) -> None:
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "gender", gender)
        object.__setattr__(self, "number", number)
        object.__setattr__(self, "head", head)
        object.__setattr__(self, "etype", etype)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "possessive", possessive)
        object.__setattr__(self, "possessor", possessor)
        object.__setattr__(self, "weak", weak)
        object.__setattr__(self, "age", age)
        object.__setattr__(self, "place", place)

    def typed(self, gender: Gender, etype: EntityType) -> Mention:
        """This mention with another gender and entity type (what ``dataclasses.replace``
        does, which compiled code would call as interpreted Python, some 20 times an article).
        """
        return Mention(self.span, self.text, self.kind, gender, self.number, self.head, etype,
                       self.title, self.possessive, self.possessor, self.weak, self.age,
                       self.place)


@dataclass(frozen=True, slots=True)
class Cue(Record):
    """A reporting expression (``said``, ``fired back``, ``according to``) found in the text."""

    span: Span
    text: str
    lemma: str
    manner: Manner

    def __init__(self, span: Span, text: str, lemma: str, manner: Manner) -> None:
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "lemma", lemma)
        object.__setattr__(self, "manner", manner)


@dataclass(frozen=True, slots=True)
class SpeakerRef(Record):
    """The speaker or addressee of a quotation as the contract shows it."""

    entity: str | None
    name: str
    mention: str
    span: Span | None
    type: EntityType

    def __init__(self, entity: str | None, name: str, mention: str, span: Span | None,
                 type: EntityType) -> None:
        object.__setattr__(self, "entity", entity)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "mention", mention)
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "type", type)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "mention": self.mention,
            "span": self.span.as_list() if self.span else None,
            "type": self.type,
        }


@dataclass(frozen=True, slots=True)
class CueRef(Record):
    text: str
    lemma: str
    span: Span
    manner: Manner

    def __init__(self, text: str, lemma: str, span: Span, manner: Manner) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "lemma", lemma)
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "manner", manner)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "lemma": self.lemma,
            "span": self.span.as_list(),
            "manner": self.manner,
        }


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """One attributed quotation of the result."""

    id: str
    kind: QuoteKind
    text: str
    spans: tuple[Span, ...]
    speaker: SpeakerRef | None
    addressee: SpeakerRef | None
    cue: CueRef | None
    parent: str | None
    confidence: float

    def __init__(self, id: str, kind: QuoteKind, text: str, spans: tuple[Span, ...],
                 speaker: SpeakerRef | None, addressee: SpeakerRef | None, cue: CueRef | None,
                 parent: str | None, confidence: float) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "spans", spans)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "addressee", addressee)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "parent", parent)
        object.__setattr__(self, "confidence", confidence)

    def renumbered(self, id: str, parent: str | None) -> Quote:
        """This quotation under another id and parent id (see :meth:`Mention.typed`)."""
        return Quote(id, self.kind, self.text, self.spans, self.speaker, self.addressee,
                     self.cue, parent, self.confidence)

    def with_confidence(self, confidence: float) -> Quote:
        """This quotation with another confidence (the learned one of stage 8)."""
        return Quote(self.id, self.kind, self.text, self.spans, self.speaker, self.addressee,
                     self.cue, self.parent, confidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "spans": [s.as_list() for s in self.spans],
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "parent": self.parent,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """An in-article entity: every mention that refers to one speaker or addressee."""

    id: str
    name: str
    type: EntityType
    gender: Gender
    mentions: tuple[Span, ...]
    # the words written before the name and left out of it: a form of address, an office,
    # what it is of ("Sen.", "Charlotte Mayor", "Wells Fargo CEO"); None when there were none
    title: str | None = None

    def __init__(self, id: str, name: str, type: EntityType, gender: Gender,
                 mentions: tuple[Span, ...], title: str | None = None) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "gender", gender)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "title", title)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "gender": self.gender,
            "mentions": [m.as_list() for m in self.mentions],
            "title": self.title,
        }


@dataclass(frozen=True, slots=True)
class ArticleResult(Record):
    """What :func:`quotegraph.extract` returns for one article."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = field(default=())

    def __init__(self, article: Article, quotes: tuple[Quote, ...] = (),
                 entities: tuple[Entity, ...] = ()) -> None:
        object.__setattr__(self, "article", article)
        object.__setattr__(self, "quotes", quotes)
        object.__setattr__(self, "entities", entities)

    @property
    def text(self) -> str:
        return self.article.text

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "article": {"id": a.id, "source": a.source, "date": a.date, "title": a.title},
            "text": a.text,
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
        }
