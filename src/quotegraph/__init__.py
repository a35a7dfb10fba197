"""quotegraph: who said what, to whom, how and when — quotation extraction for news text.

>>> from quotegraph import extract
>>> result = extract('"We will not back down," said Mayor Linda Okafor.')
>>> result.quotes[0].speaker.name
'Linda Okafor'
"""

from .errors import (
    DataError,
    DecodeError,
    InputError,
    InputIsDirectoryError,
    InputNotFoundError,
    QuotegraphError,
    RecordError,
)
from .pipeline import extract, extract_article, extract_file
from .records import Article, ArticleResult, CueRef, Entity, Quote, Span, SpeakerRef

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleResult",
    "CueRef",
    "DataError",
    "DecodeError",
    "Entity",
    "InputError",
    "InputIsDirectoryError",
    "InputNotFoundError",
    "Quote",
    "QuotegraphError",
    "RecordError",
    "Span",
    "SpeakerRef",
    "__version__",
    "extract",
    "extract_article",
    "extract_file",
]
