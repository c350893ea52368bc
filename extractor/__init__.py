"""Trade-fact extractor: turn trade news into normalized, traceable trade-fact records."""

from .api import CorpusRun, extract, extract_corpus, extract_document
from .models import ArticleResult, Mention, TradeFact

__version__ = "0.1.0"
__all__ = [
    "ArticleResult",
    "CorpusRun",
    "Mention",
    "TradeFact",
    "extract",
    "extract_corpus",
    "extract_document",
    "__version__",
]
