"""The mention layer: every figure, period, place and commodity of a document as a record."""

from __future__ import annotations

import re
from datetime import date

from .frames import _FILLERS_ONLY
from .models import Mention
from .periods import Span, resolve_period
from .pipeline import Annotation

_KIND = {"money": "money", "percent": "percent", "percentage_point": "percent",
         "number": "number", "quantity": "quantity"}


def _direction(annotation: Annotation, index_by_start: dict[int, int], figure) -> str | None:
    """"rose 6.4%", "fell 3.2 pct", "a 41.3% rise", "up 2 pct", "+5.1%": the figure is itself
    a change. Only adjacent cues count; the fact layer does the wider reading."""
    text = annotation.text
    cues = annotation.cues
    before = [c for c in cues if c.label == "CHANGE" and c.end <= figure.start
              and figure.start - c.end <= 30]
    if before:
        cue = before[-1]
        gap = text[cue.end : figure.start]
        if _FILLERS_ONLY.match(gap):
            return cue.rule.direction
    after = [c for c in cues if c.label == "CHANGE" and c.start >= figure.end
             and c.start - figure.end <= 16 and c.rule.form == "noun"]
    if after and re.fullmatch(r"[\s-]*(?:year-on-year|on-year|annual|monthly)?[\s-]*",
                              text[figure.end : after[0].start], re.IGNORECASE):
        return after[0].rule.direction
    noun_before = [c for c in cues if c.label == "CHANGE" and c.rule.form == "noun"
                   and c.end <= figure.start and figure.start - c.end <= 6]
    if noun_before and re.fullmatch(r"\s*of\s*", text[noun_before[-1].end : figure.start]):
        return noun_before[-1].rule.direction
    if figure.signed and figure.kind in ("percent", "percentage_point"):
        return "down" if figure.low < 0 else "up"
    return None


def build_mentions(doc_id: str, annotation: Annotation, *, published: date | None,
                   period_resolutions: dict[int, Span] | None = None) -> list[Mention]:
    """Mentions of one annotated document, in text order."""
    resolved = period_resolutions or {}
    mentions: list[Mention] = []
    index_by_start = {c.start: i for i, c in enumerate(annotation.cues)}
    for figure in annotation.figures:
        value = list(figure.value) if isinstance(figure.value, tuple) else figure.value
        unit = figure.currency or figure.unit
        if figure.kind == "percent":
            unit = "percent"
        mentions.append(Mention(
            doc_id=doc_id, kind=_KIND[figure.kind], text=figure.text, start=figure.start,
            end=figure.end, value=value, unit=unit,
            direction=_direction(annotation, index_by_start, figure),
            bound=figure.bound, rule=figure.rule,
        ))
    for cue in annotation.cues:
        if cue.label == "PERIOD":
            span = resolved.get(cue.start) or resolve_period(cue.text, published=published)
            if span is None:
                continue
            mentions.append(Mention(
                doc_id=doc_id, kind="period", text=cue.text, start=cue.start, end=cue.end,
                value=[span.start.isoformat(), span.end.isoformat()], unit=span.granularity,
                rule=cue.rule_id,
            ))
        elif cue.label == "PLACE":
            mentions.append(Mention(
                doc_id=doc_id, kind="place", text=cue.text, start=cue.start, end=cue.end,
                value=None, unit=cue.rule.code, rule=cue.rule_id, name=cue.rule.name,
            ))
        elif cue.label == "COMMODITY":
            mentions.append(Mention(
                doc_id=doc_id, kind="commodity", text=cue.text, start=cue.start, end=cue.end,
                value=None, unit=cue.rule.hs, rule=cue.rule_id, name=cue.rule.name,
            ))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions
