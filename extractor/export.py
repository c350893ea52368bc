"""Writing results: JSONL, flat tables (pandas / Parquet), and highlighted HTML."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from typing import IO, Any

from .models import ArticleResult, Mention, TradeFact

COLUMNS = [
    "id",
    "doc_id",
    "flow",
    "reporter",
    "reporter_name",
    "partner",
    "partner_name",
    "commodity",
    "hs",
    "period_start",
    "period_end",
    "granularity",
    "period_inferred",
    "amount",
    "currency",
    "unit",
    "bound",
    "change_percent",
    "basis",
    "streak_count",
    "streak_unit",
    "qualifiers",
    "source",
    "confidence",
    "sentence",
    "rules",
    "path",
]


_DATES = ("period_start", "period_end")
_DTYPES = {
    "amount": "float64",
    "change_percent": "float64",
    "confidence": "float64",
    "streak_count": "Int64",
    "period_inferred": "boolean",
}


def write_jsonl(records: Iterable[TradeFact | Mention], stream: IO[str]) -> int:
    """Write one JSON object per line; returns the count."""
    count = 0
    for record in records:
        stream.write(record.model_dump_json() + "\n")
        count += 1
    return count


def fact_row(fact: TradeFact) -> dict[str, Any]:
    """A fact as one flat row (the columns of `COLUMNS`)."""
    return {
        "id": fact.id,
        "doc_id": fact.doc_id,
        "flow": fact.flow,
        "reporter": fact.reporter.code if fact.reporter else None,
        "reporter_name": fact.reporter.name if fact.reporter else None,
        "partner": fact.partner.code if fact.partner else None,
        "partner_name": fact.partner.name if fact.partner else None,
        "commodity": fact.commodity.name if fact.commodity else None,
        "hs": fact.commodity.hs if fact.commodity else None,
        "period_start": fact.period.start if fact.period else None,
        "period_end": fact.period.end if fact.period else None,
        "granularity": fact.period.granularity if fact.period else None,
        "period_inferred": fact.period.inferred if fact.period else None,
        "amount": fact.value.amount if fact.value else None,
        "currency": fact.value.currency if fact.value else None,
        "unit": fact.value.unit if fact.value else None,
        "bound": fact.value.bound if fact.value else None,
        "change_percent": fact.change.percent if fact.change else None,
        "basis": fact.change.basis if fact.change else None,
        "streak_count": fact.streak.count if fact.streak else None,
        "streak_unit": fact.streak.unit if fact.streak else None,
        "qualifiers": ",".join(fact.qualifiers),
        "source": fact.source,
        "confidence": fact.confidence,
        "sentence": fact.provenance.sentence,
        "rules": ",".join(fact.provenance.rules),
        "path": fact.provenance.path,
    }


def to_dataframe(facts: Iterable[TradeFact]):
    """Facts as a pandas DataFrame, one row per fact (needs the `frames` extra)."""
    try:
        import pandas as pd
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "to_dataframe needs pandas: pip install 'trade-fact-extractor[frames]'"
        ) from error
    frame = pd.DataFrame([fact_row(f) for f in facts], columns=COLUMNS)
    # Fixed dtypes, whatever the rows hold: an all-empty column (no streaks in this batch, or
    # no facts at all) must not turn into `object`, or frames and Parquet files stop stacking.
    frame = frame.astype({c: _DTYPES.get(c, "string") for c in COLUMNS if c not in _DATES})
    for column in _DATES:
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    return frame


def write_parquet(facts: Iterable[TradeFact], path: str) -> int:
    """Write facts as a Parquet table (needs the `frames` extra); returns the row count."""
    frame = to_dataframe(facts)
    frame.to_parquet(path, index=False)
    return len(frame)


_COLOURS = {
    "value": "#ffe08a",
    "change": "#b8e0ff",
    "reporter": "#c9f2c7",
    "partner": "#f5c6f0",
    "commodity": "#ffd1b3",
    "period": "#e0d4ff",
    "flow": "#d9d9d9",
    "streak": "#c7f0ef",
    "source": "#eeeeee",
}


def to_html(result: ArticleResult) -> str:
    """The article with each fact's fields highlighted; hover a field for its fact."""
    text = result.text
    marks: dict[tuple[int, int], tuple[str, str]] = {}
    for fact in result.facts:
        summary = json.dumps(fact_row(fact), default=str)
        for name, (start, end) in fact.provenance.spans.items():
            marks.setdefault((start, end), (name, summary))
    pieces = []
    cursor = 0
    for (start, end), (name, summary) in sorted(marks.items()):
        if start < cursor:
            continue
        pieces.append(html.escape(text[cursor:start]))
        pieces.append(
            f'<mark style="background:{_COLOURS.get(name, "#eee")}" title="{html.escape(name)}: '
            f'{html.escape(summary)}">{html.escape(text[start:end])}</mark>'
        )
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    legend = " ".join(f'<mark style="background:{c}">{n}</mark>' for n, c in _COLOURS.items())
    return (
        f"<article><h3>{html.escape(result.doc_id)}</h3><p>{legend}</p>"
        f'<pre style="white-space:pre-wrap">{"".join(pieces)}</pre></article>'
    )
