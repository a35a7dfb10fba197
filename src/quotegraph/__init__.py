"""quotegraph: who said what, to whom, how and when — quotation extraction for news text.

>>> from quotegraph import extract
>>> result = extract('"We will not back down," said Mayor Linda Okafor.')
>>> result.quotes[0].speaker.name
'Linda Okafor'
"""

from ._compiled import choose as _choose_build
from ._compiled import compiled

# before any pipeline module is imported: the compiled modules, or their sources
_choose_build()

from .errors import (  # noqa: E402
    DataError,
    DecodeError,
    InputError,
    InputIsDirectoryError,
    InputNotFoundError,
    QuotegraphError,
    RecordError,
)
from .pipeline import extract, extract_article, extract_file  # noqa: E402
from .records import Article, ArticleResult, CueRef, Entity, Quote, Span, SpeakerRef  # noqa: E402

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
    "compiled",
    "extract",
    "extract_article",
    "extract_file",
]
