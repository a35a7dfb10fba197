"""The records passed between pipeline stages, and the public result types.

Every offset is a character offset into the article's ``text`` (the body as analysed, after the
optional ``date`` header was removed). Spans are half-open ``[start, end)``.
The public result (:class:`ArticleResult`) serialises to the JSON contract of
``shared/spec/quote-json.md`` through :meth:`ArticleResult.to_dict`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

MentionKind = Literal["name", "pronoun", "nominal", "anonymous", "organization", "group"]
EntityType = Literal["person", "organization", "group", "anonymous", "unknown"]
Gender = Literal["female", "male", "unknown"]
Number = Literal["singular", "plural"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Manner = Literal[
    "neutral", "assertive", "hostile", "conciliatory", "humorous", "tentative", "written"
]

_Record = TypeVar("_Record")


def fast_init(cls: type[_Record]) -> type[_Record]:
    """Give a frozen, slotted dataclass an ``__init__`` that stores each field through its
    slot's own setter (same parameters, same defaults).

    The ``__init__`` that ``dataclass`` writes for a frozen class stores each field through
    ``object.__setattr__``, which first looks the name up on the type. The pipeline builds
    some 600 records an article (90 mentions of 13 fields each), and calling the setters
    directly saves about 5% of its instructions. Like ``dataclass``, it writes the function
    as source, so that it takes its arguments as fast as a hand-written one.
    """
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    if not params.frozen or "__slots__" not in cls.__dict__ or "__post_init__" in cls.__dict__ \
            or any(not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING
                   for f in fields):
        raise TypeError(f"fast_init: {cls.__name__} needs another __init__")
    scope: dict[str, Any] = {}
    signature = ["self"]
    for f in fields:
        scope[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is dataclasses.MISSING:
            signature.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            signature.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fields) or "    pass\n"
    exec(f"def __init__({', '.join(signature)}) -> None:\n{body}", scope)
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` into the article text."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Written out rather than generated: the generated one of a frozen class sets each
        # field through object.__setattr__ and then calls __post_init__. Spans are the
        # commonest record (some 250 an article), so the slot setters are called directly.
        if not 0 <= start <= end:
            raise ValueError(f"bad span [{start}, {end})")
        _set_span_start(self, start)
        _set_span_end(self, end)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


# the slots' own setters, which a frozen class's __setattr__ does not stand in front of
_set_span_start = Span.__dict__["start"].__set__
_set_span_end = Span.__dict__["end"].__set__


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, before any NLP."""

    id: str
    text: str
    source: str | None = None
    date: str | None = None
    title: str | None = None


@fast_init
@dataclass(frozen=True, slots=True)
class QuoteSpan:
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

    @property
    def start(self) -> int:
        return self.outer[0].start

    @property
    def end(self) -> int:
        return self.outer[-1].end


@fast_init
@dataclass(frozen=True, slots=True)
class Mention:
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


@fast_init
@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting expression (``said``, ``fired back``, ``according to``) found in the text."""

    span: Span
    text: str
    lemma: str
    manner: Manner


@fast_init
@dataclass(frozen=True, slots=True)
class SpeakerRef:
    """The speaker or addressee of a quotation as the contract shows it."""

    entity: str | None
    name: str
    mention: str
    span: Span | None
    type: EntityType

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "mention": self.mention,
            "span": self.span.as_list() if self.span else None,
            "type": self.type,
        }


@fast_init
@dataclass(frozen=True, slots=True)
class CueRef:
    text: str
    lemma: str
    span: Span
    manner: Manner

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "lemma": self.lemma,
            "span": self.span.as_list(),
            "manner": self.manner,
        }


@fast_init
@dataclass(frozen=True, slots=True)
class Quote:
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


@fast_init
@dataclass(frozen=True, slots=True)
class Entity:
    """An in-article entity: every mention that refers to one speaker or addressee."""

    id: str
    name: str
    type: EntityType
    gender: Gender
    mentions: tuple[Span, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "gender": self.gender,
            "mentions": [m.as_list() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What :func:`quotegraph.extract` returns for one article."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = field(default=())

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
