"""The Python API: extract one text, or stream a corpus. The CLI calls these same functions."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .facts import ReferenceTables, assemble, infer_published
from .ingest import Document, Skip, prepare, read_documents
from .mentions import build_mentions
from .models import ArticleResult
from .pipeline import Annotator, default_annotator

log = logging.getLogger("extractor")


@lru_cache(maxsize=4)
def _tables(annotator: Annotator) -> ReferenceTables:
    return ReferenceTables(annotator.rules)


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def extract_document(
    document: Document,
    *,
    default_published: date | None = None,
    annotator: Annotator | None = None,
    mentions: bool = True,
) -> ArticleResult:
    """Facts (and mentions) of a Document read by `ingest`."""
    annotator = annotator or default_annotator()
    prepare(document, default_published=default_published)
    annotation = annotator.annotate(document.text, masked=document.masked)
    inferred = False
    if document.published is None:
        guess = infer_published(annotation, dateline_day=document.dateline_day)
        if guess is not None:
            document.published, document.published_source = guess, "inferred"
            inferred = True
    facts, resolutions = assemble(
        document, annotation, _tables(annotator), published_inferred=inferred
    )
    return ArticleResult(
        doc_id=document.doc_id,
        path=document.path,
        title=document.title,
        published=document.published,
        published_source=document.published_source,
        facts=facts,
        mentions=build_mentions(
            document.doc_id,
            annotation,
            published=document.published,
            period_resolutions=resolutions,
        )
        if mentions
        else [],
        text=document.text,
    )


def extract(
    text: str,
    *,
    published: date | str | None = None,
    doc_id: str | None = None,
    path: str | None = None,
) -> ArticleResult:
    """Extract trade facts and mentions from one article's text.

    `published` (a date or ISO string) resolves relative periods; without it a `date
    YYYY-MM-DD` header or a dateline in the text is used, else the date is inferred.
    """
    document = Document(
        doc_id=doc_id or "doc",
        text=text,
        path=path,
        published=_as_date(published),
        published_source="cli" if published is not None else None,
    )
    return extract_document(document)


@dataclass
class CorpusRun:
    """Counts of a corpus run, for the summary line."""

    articles: int = 0
    facts: int = 0
    skipped: list[Skip] = field(default_factory=list)


def extract_corpus(
    paths: str | Path | Iterable[str | Path],
    *,
    published: date | str | None = None,
    mentions: bool = False,
    on_skip: Callable[[Skip], None] | None = None,
    run: CorpusRun | None = None,
) -> Iterator[ArticleResult]:
    """Stream ArticleResults for every article under `paths` (folders walked in sorted order).

    Unreadable inputs are skipped: each Skip is logged, passed to `on_skip` and recorded in
    `run`; an article that fails inside the extractor is skipped the same way.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    default = _as_date(published)
    run = run if run is not None else CorpusRun()
    annotator = default_annotator()
    for entry in read_documents(paths):
        if isinstance(entry, Skip):
            _skip(entry, run, on_skip)
            continue
        try:
            result = extract_document(
                entry, default_published=default, annotator=annotator, mentions=mentions
            )
        except Exception as error:  # one bad article must not stop the batch
            log.exception("extraction failed for %s", entry.doc_id)
            reason = f"extraction failed for {entry.doc_id}: {error!r}"
            _skip(Skip(entry.path or entry.doc_id, reason, entry.line), run, on_skip)
            continue
        run.articles += 1
        run.facts += len(result.facts)
        yield result


def _skip(skip: Skip, run: CorpusRun, on_skip: Callable[[Skip], None] | None) -> None:
    log.warning("skipped %s", skip)
    run.skipped.append(skip)
    if on_skip is not None:
        on_skip(skip)
