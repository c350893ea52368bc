"""Tables written in plain text: the period and the unit of each cell, read from the column
headings above it.

    August 2023             January-August 2023
    EUR million    y-o-y     EUR million    y-o-y
    Exports of goods         5,478.2    -7.4%        53,916.5    +0.4%

A cell belongs to the heading whose centre is nearest to its own. Only columns set apart by
runs of spaces count, so ordinary prose is never read as a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .figures import Figure
from .pipeline import Cue

_COLUMN_GAP = re.compile(r"\S\s{2,}\S")
_UNIT = re.compile(
    r"(?P<currency>[A-Z]{3}|US\$|€|£|¥|\$)\s*(?P<scale>million|mn|mln|billion|bn|bln|thousand|'000)\b",
)
_SCALES = {
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "thousand": 1e3,
    "'000": 1e3,
}
_SYMBOLS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_MAX_ROWS = 12
_MAX_DISTANCE = 16  # characters between the centre of a cell and of its heading


@dataclass(frozen=True, slots=True)
class Cell:
    """What the column headings say about one figure of a table row."""

    period: Cue | None
    currency: str | None = None
    scale: float | None = None
    percent: bool = False  # a column of percent changes ("Change y/y (%)")


# "y/y (%)", "Change y/y (%)", "% change", "yoy %": a column of percent changes
_PERCENT_HEADING = re.compile(
    r"(?:change|chg\.?|growth|y/y|yoy|y-o-y|on\s+year)[^\n%|]{0,30}?\(?%\)?|%\s*(?:change|chg|y/y|yoy)"
    r"|\((?:%|per\s*cent)\)",
    re.IGNORECASE,
)
_UNIT_HEADING = re.compile(
    r"(?P<currency>[A-Z]{3}|US\$|€|£|¥|\$)\s*(?P<scale>million|mn|mln|billion|bn|bln|thousand|'000)\b"
    r"|(?P<scale2>million|billion|thousand)s?\s+(?:of\s+)?(?P<currency2>[A-Z]{3}|euros?|dollars?)\b",
)
_NAMED = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD"}


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _centre(start: int, end: int, line_start: int) -> float:
    return (start + end) / 2 - line_start


def _nearest(columns: list[tuple[float, object]], centre: float) -> object | None:
    best = min(columns, key=lambda column: abs(column[0] - centre), default=None)
    if best is None or abs(best[0] - centre) > _MAX_DISTANCE:
        return None
    return best[1]


def read_tables(
    text: str, cues: list[Cue], figures: list[Figure], currencies: set[str]
) -> dict[int, Cell]:
    """Cells of plain-text tables, by the start offset of their figure."""
    cells: dict[int, Cell] = {}
    lines = _lines(text)
    periods = [c for c in cues if c.label == "PERIOD"]
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        heads = [c for c in periods if start <= c.start and c.end <= end]
        if len(heads) < 2 or not _COLUMN_GAP.search(line):
            continue
        if any(re.fullmatch(r"[A-Za-z]{3,4}\.?\s+\d\d", c.text) for c in heads):
            continue  # "Dec 22    Dec 23": months of two-digit years, not days
        if not all(
            re.search(r"\s{2,}", text[a.end : b.start])
            for a, b in zip(heads, heads[1:], strict=False)
        ):
            continue
        columns = [(_centre(c.start, c.end, start), c) for c in heads]
        units: list[tuple[float, tuple[str, float]]] = []
        for row_start, row_end in lines[index + 1 : index + 1 + _MAX_ROWS]:
            row = text[row_start:row_end]
            if not row.strip():
                if units or any(row_start <= f.start < row_end for f in figures):
                    break
                continue
            found = [
                m
                for m in _UNIT.finditer(row)
                if _SYMBOLS.get(m.group("currency"), m.group("currency")) in currencies
            ]
            row_figures = [f for f in figures if row_start <= f.start and f.end <= row_end]
            if found and not any(f.kind in ("number", "money") for f in row_figures):
                units = [
                    (
                        _centre(row_start + m.start(), row_start + m.end(), row_start),
                        (
                            _SYMBOLS.get(m.group("currency"), m.group("currency")),
                            _SCALES[m.group("scale")],
                        ),
                    )
                    for m in found
                ]
                continue
            if not _COLUMN_GAP.search(row):
                break
            for figure in row_figures:
                centre = _centre(figure.start, figure.end, row_start)
                period = _nearest(columns, centre)
                unit = _nearest(units, centre) if figure.kind == "number" else None
                if period is None and unit is None:
                    continue
                currency, scale = unit if unit is not None else (None, None)
                cells[figure.start] = Cell(period=period, currency=currency, scale=scale)
    _read_unit_tables(text, lines, figures, currencies, cells)
    return cells


def _read_unit_tables(
    text: str,
    lines: list[tuple[int, int]],
    figures: list[Figure],
    currencies: set[str],
    cells: dict[int, Cell],
) -> None:
    """ "Product   US$ million   Change y/y (%)" over rows of goods or partners: the numbers
    under the first heading are amounts, those under the second percent changes."""
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if not _COLUMN_GAP.search(line) or any(start <= f.start < end for f in figures):
            continue
        columns: list[tuple[float, Cell]] = []
        spans: list[tuple[int, int, Cell]] = []  # each heading's extent on the line
        for match in _UNIT_HEADING.finditer(line):
            code = match.group("currency") or match.group("currency2")
            code = _SYMBOLS.get(code, _NAMED.get(code.lower(), code))
            scale = _SCALES[(match.group("scale") or match.group("scale2")).lower()]
            if code in currencies:
                centre = _centre(start + match.start(), start + match.end(), start)
                cell = Cell(period=None, currency=code, scale=scale)
                columns.append((centre, cell))
                spans.append((match.start(), match.end(), cell))
        for match in _PERCENT_HEADING.finditer(line):
            centre = _centre(start + match.start(), start + match.end(), start)
            cell = Cell(period=None, percent=True)
            columns.append((centre, cell))
            spans.append((match.start(), match.end(), cell))
        if not columns:
            continue
        for row_start, row_end in lines[index + 1 : index + 1 + _MAX_ROWS]:
            row = text[row_start:row_end]
            if not row.strip() or not _COLUMN_GAP.search(row):
                break
            for figure in figures:
                if not (row_start <= figure.start and figure.end <= row_end):
                    continue
                if figure.kind != "number" or figure.start in cells:
                    continue
                # the heading the cell sits under ("Change on April 2023 (%)" over "+4.1"),
                # else the one whose centre is nearest
                left, right = figure.start - row_start, figure.end - row_start
                under = [c for a, b, c in spans if a < right and left < b]
                cell = under[0] if len(under) == 1 else None
                cell = cell or _nearest(columns, _centre(figure.start, figure.end, row_start))
                if cell is not None:
                    cells[figure.start] = cell


def scaled(figure: Figure, cell: Cell) -> Figure:
    """A bare number in a column headed "EUR million": the amount it stands for."""
    if figure.kind == "number" and cell.percent and not isinstance(figure.value, tuple):
        return replace(figure, kind="percent", unit="percent", signed=True)
    if figure.kind != "number" or cell.currency is None or cell.scale is None or figure.scaled:
        return figure
    value = figure.value
    if isinstance(value, tuple):
        value = (value[0] * cell.scale, value[1] * cell.scale)
    else:
        value = float(f"{value * cell.scale:.12g}")
    return replace(figure, kind="money", value=value, currency=cell.currency, scaled=True)
