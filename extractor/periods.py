"""Resolving period expressions to real inclusive dates, against explicit context only."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .numbers import parse_count

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_ORD = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}


@dataclass(frozen=True, slots=True)
class FiscalYear:
    """When a reporter's fiscal year starts, and whether "fiscal 2024" names its start or end."""

    start_month: int = 4
    named_by: str = "start"


@dataclass(frozen=True, slots=True)
class Span:
    """A resolved period. `relative_to` says what the resolution leaned on."""

    start: date
    end: date
    granularity: str
    relative_to: str | None = None  # None (explicit), "published", or "reference"

    def shift(self, *, months: int = 0, years: int = 0) -> Span:
        start = _add_months(self.start, months + 12 * years)
        if self.granularity in ("month", "quarter", "half", "year") or _is_month_aligned(self):
            span_months = _months_between(self.start, self.end)
            end = _month_end(_add_months(start, span_months - 1))
        else:
            end = _add_months(self.end, months + 12 * years)
        return replace(self, start=start, end=end)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _is_month_aligned(span: Span) -> bool:
    return span.start.day == 1 and span.end == _month_end(span.end)


def month_span(year: int, month: int) -> Span:
    return Span(date(year, month, 1), _month_end(date(year, month, 1)), "month")


def _months_span(year: int, first: int, last: int) -> Span:
    """Months first..last of `year` (last may spill into the next year)."""
    start = date(year, first, 1)
    end = _month_end(_add_months(start, (last - first) % 12))
    count = _months_between(start, end)
    if count == 12 and first == 1:
        granularity = "year"
    elif count == 3 and first in (1, 4, 7, 10):
        granularity = "quarter"
    elif count == 6 and first in (1, 7):
        granularity = "half"
    elif count == 1:
        granularity = "month"
    else:
        granularity = "range"
    return Span(start, end, granularity)


def _latest_year(month: int, published: date) -> int:
    """The year of the latest `month` starting on or before the publication date."""
    return published.year if month <= published.month else published.year - 1


def _year(text: str) -> int | None:
    match = re.search(rf"(?<!\d){_YEAR}(?!\d)", text)
    if match:
        return int(match.group(0))
    short = re.search(r"(?:'|’)(\d\d)\b", text)
    if short:
        return (
            2000 + int(short.group(1)) if int(short.group(1)) < 50 else 1900 + int(short.group(1))
        )
    return None


def _anchor_year(
    explicit: int | None, first_month: int, published: date | None, reference: Span | None
) -> tuple[int | None, str | None]:
    """The year of a period named without one: the latest such period starting on or before
    the publication date; without a publication date, the one before the reference's end."""
    if explicit is not None:
        return explicit, None
    if published is not None:
        return _latest_year(first_month, published), "published"
    if reference is not None:
        end = reference.end
        return (end.year if first_month <= end.month else end.year - 1), "reference"
    return None, None


def _fiscal_span(first_year: int, fiscal: FiscalYear) -> Span:
    start = date(first_year, fiscal.start_month, 1)
    end = _month_end(_add_months(start, 11))
    return Span(start, end, "year")


def _two_digit_follow(first: int, second: str) -> int:
    value = int(second)
    if len(second) == 4:
        return value
    century = first - first % 100
    candidate = century + value
    return candidate if candidate > first else candidate + 100


def resolve_period(
    text: str,
    *,
    published: date | None,
    reference: Span | None = None,
    fiscal: FiscalYear | None = None,
) -> Span | None:
    """Resolve a period expression such as "January", "the October-December period",
    "fiscal 1986/87", "the first 20 days of February" or "a year earlier".

    `published` anchors expressions without a year and "last month"; `reference` is the period
    the passage is about, which "the previous month" and "a year earlier" are relative to.
    Returns None when the text is not a period or cannot be resolved with this context.
    """
    fiscal = fiscal or FiscalYear()
    raw = re.sub(r"\s+", " ", text.strip().lower().replace("–", "-").replace("—", "-"))
    raw = re.sub(r"^(?:in|during|for|over|of|from|through|throughout|at|by|on) ", "", raw)
    raw = re.sub(r"^(?:the|a|an) ", "", raw)
    raw = raw.rstrip(".,;:")

    if re.match(rf"(?:early|mid|late)\s*-?\s*{_MONTH}", raw):
        return None  # "early-May": some days of a month, not the month
    # "at end-February": trade figures at the end of a month are the year's running total
    end_of = re.match(rf"(?:at\s+)?end\s*-?\s*(?:of\s+)?({_MONTH})(?:\s+({_YEAR}))?$", raw)
    if end_of:
        month = MONTHS[end_of.group(1).rstrip(".")]
        explicit = int(end_of.group(2)) if end_of.group(2) else None
        anchored, leaned = _anchor_year(explicit, month, published, reference)
        if anchored is None:
            return None
        return replace(_months_span(anchored, 1, month), relative_to=leaned)

    through = re.fullmatch(
        rf"(?:year[- ]to[- ]date|ytd) (?:through|to|until|till) ({_MONTH})(?: ({_YEAR}))?", raw
    )
    if through:
        # "year-to-date through August": January to the month named
        month = MONTHS[through.group(1).rstrip(".")]
        explicit = int(through.group(2)) if through.group(2) else None
        anchored, leaned = _anchor_year(explicit, month, published, reference)
        if anchored is None:
            return None
        return replace(_months_span(anchored, 1, month), relative_to=leaned)
    relative = _relative(raw, published=published, reference=reference)
    if relative is not False:
        return relative
    if re.fullmatch(r"(?:(?:this|current|the current)\s+)?(?:fiscal|financial)(?:\s+year)?", raw):
        # "during the fiscal year", "the first half of the fiscal": the fiscal year the passage
        # is in, else the one holding the last month before publication
        if reference is not None:
            anchor, leaned = reference.end, "reference"
        elif published is not None:
            anchor, leaned = _add_months(date(published.year, published.month, 1), -1), "published"
        else:
            return None
        first_year = anchor.year if anchor.month >= fiscal.start_month else anchor.year - 1
        return replace(_fiscal_span(first_year, fiscal), relative_to=leaned)

    # Parts of a fiscal year: "the first 10 months of fiscal 1986/87", "first half of FY25",
    # "Q3 FY2023-24", "the second quarter of the 2024-25 fiscal year"
    part = re.match(
        r"(?:(first|second|1st|2nd)[- ]half|h([12])|(first|second|third|fourth|1st|2nd|3rd|4th)"
        r"[- ]quarter|q([1-4])|first (\w+)[- ]months?)\s+(?:of\s+|in\s+)?(?:the\s+)?(.+)$",
        raw,
    )
    if part and re.search(r"fiscal|financial|\bfy|\d{4}\s*[/-]\s*\d\d", part.group(6)):
        whole = resolve_period(
            part.group(6), published=published, reference=reference, fiscal=fiscal
        )
        if whole is None or _months_between(whole.start, whole.end) != 12:
            return None
        if part.group(1) or part.group(2):
            number = int(part.group(2)) if part.group(2) else (1 if part.group(1)[0] in "f1" else 2)
            first, count, granularity = 6 * (number - 1), 6, "half"
        elif part.group(3) or part.group(4):
            number = int(part.group(4)) if part.group(4) else _ORD[part.group(3)]
            first, count, granularity = 3 * (number - 1), 3, "quarter"
        else:
            count = parse_count(part.group(5))
            if count is None or not 1 <= count <= 12:
                return None
            first, granularity = 0, "range"
        start = _add_months(whole.start, first)
        end = _month_end(_add_months(start, count - 1))
        return Span(start, end, granularity, whole.relative_to)

    # "March last year", "June this year"
    month_rel = re.fullmatch(rf"({_MONTH}) (last|this|next) year", raw)
    if month_rel and published is not None:
        year = published.year + {"last": -1, "this": 0, "next": 1}[month_rel.group(2)]
        return replace(
            month_span(year, MONTHS[month_rel.group(1).rstrip(".")]), relative_to="published"
        )

    # "the 1986/87 fiscal year ended March 31", "fiscal 2024 ending June": the text says when
    # this fiscal year ends, whoever's it is
    ended = re.search(
        rf"[\s,]+(?:which\s+|that\s+)?(?:ended|ending|ends)\s+(?:on\s+)?({_MONTH})(?:\s+(\d{{1,2}})\b)?",
        raw,
    )
    if ended and re.search(r"fiscal|financial|\bfy|\d{4}\s*[/-]\s*\d\d", raw[: ended.start()]):
        end_month = MONTHS[ended.group(1).rstrip(".")]
        if fiscal.start_month != end_month % 12 + 1:
            fiscal = FiscalYear(start_month=end_month % 12 + 1, named_by="end")
        day = int(ended.group(2)) if ended.group(2) else None
        if day is not None and day < 28:
            # "the 2024/25 Ethiopian fiscal year, which ended on July 7": a year to that day
            whole = resolve_period(
                raw[: ended.start()] + raw[ended.end() :],
                published=published,
                reference=reference,
                fiscal=FiscalYear(start_month=end_month, named_by="end"),
            )
            if whole is not None and whole.granularity == "year":
                end = date(whole.end.year, end_month, day)
                start = date(end.year - 1, end_month, day) + timedelta(days=1)
                return replace(whole, start=start, end=end)
        end_year = re.search(rf"(?<!\d)({_YEAR})(?!\d)", raw[ended.end() :])
        raw = raw[: ended.start()].strip()
        if end_year and not re.search(r"\d", raw):
            # "the fiscal year ended March 31, 2024"
            return _fiscal_span(
                int(end_year.group(1)) - 1 if end_month < 12 else int(end_year.group(1)), fiscal
            )
        if not end_year and not re.search(r"\d", raw) and published is not None:
            # "the fiscal year ended March": the latest one ended by publication
            year = (
                published.year
                if _month_end(date(published.year, end_month, 1)) <= (published)
                else published.year - 1
            )
            span = _fiscal_span(year - 1 if end_month < 12 else year, fiscal)
            return replace(span, relative_to="published") if span is not None else None

    # Fiscal years: "fiscal 1986/87", "FY2023-24", "FY24", "the 1986/87 fiscal year", "2023/24".
    fiscal_match = re.search(
        rf"(?:fiscal|financial|fy)\s*(?:year\s*)?({_YEAR}|\d\d)(?:\s*[/-]\s*(\d\d(?:\d\d)?))?"
        rf"|({_YEAR})\s*[/-]\s*(\d\d(?:\d\d)?)(?:\s*(?:fiscal|financial|crop|marketing))?",
        raw,
    )
    if fiscal_match:
        if fiscal_match.group(3):
            first = int(fiscal_match.group(3))
            if _two_digit_follow(first, fiscal_match.group(4)) != first + 1:
                return None
            return _fiscal_span(first, fiscal)
        token, follow = fiscal_match.group(1), fiscal_match.group(2)
        year = (
            int(token)
            if len(token) == 4
            else 2000 + int(token)
            if int(token) < 50
            else 1900 + int(token)
        )
        if follow:
            if _two_digit_follow(year, follow) != year + 1:
                return None
            return _fiscal_span(year, fiscal)
        if fiscal.start_month == 1:
            return Span(date(year, 1, 1), date(year, 12, 31), "year")
        first_year = year if fiscal.named_by == "start" else year - 1
        return _fiscal_span(first_year, fiscal)

    year = _year(raw)

    # "the first 10 days of the month": of the publication month
    days = re.fullmatch(r"first (\w+) days of (?:the|this) month", raw)
    if days and published is not None:
        count = parse_count(days.group(1))
        if count is None or not 1 <= count <= 31:
            return None
        last = calendar.monthrange(published.year, published.month)[1]
        start = date(published.year, published.month, 1)
        return Span(
            start, date(published.year, published.month, min(count, last)), "range", "published"
        )

    # "the last three months of 2024": the months ending the year
    closing = re.fullmatch(rf"(?:last|final) (\w+) months of (?:the )?({_YEAR})", raw)
    if closing:
        count = parse_count(closing.group(1))
        if count is None or not 1 <= count <= 12:
            return None
        span = _months_span(int(closing.group(2)), 13 - count, 12)
        return replace(span, relative_to=None)

    # "the past 12 months": the months up to the end of the period the passage is about
    past = re.fullmatch(r"(?:past|last|previous|preceding) (\w+) months", raw)
    if past:
        count = parse_count(past.group(1))
        if count is None or not 2 <= count <= 24 or reference is None:
            return None
        end = _month_end(reference.end)
        start = _add_months(date(end.year, end.month, 1), -(count - 1))
        return Span(start, end, "range", "reference")

    # "the first 20 days of February", "the first ten days of March 1987"
    days = re.search(rf"first (\w+) days of ({_MONTH})", raw)
    if days:
        count = parse_count(days.group(1))
        month = MONTHS[days.group(2).rstrip(".")]
        anchored, leaned = _anchor_year(year, month, published, reference)
        if count is None or anchored is None:
            return None
        last = calendar.monthrange(anchored, month)[1]
        return Span(
            date(anchored, month, 1), date(anchored, month, min(count, last)), "range", leaned
        )

    # "July 16, 2024 to January 13, 2025", "from 1 April to 30 September 2024"
    dated = re.search(
        rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?,? ({_YEAR}) (?:to|and|through|until|till|-|–) "
        rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?,? ({_YEAR})",
        raw,
    )
    day_first = re.search(
        rf"(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH})(?: ({_YEAR}))? (?:to|and|through|until|till|-|–) "
        rf"(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH}) ({_YEAR})",
        raw,
    )
    if dated or day_first:
        if dated:
            parts = (
                dated.group(3),
                dated.group(1),
                dated.group(2),
                dated.group(6),
                dated.group(4),
                dated.group(5),
            )
        else:
            parts = (
                day_first.group(3) or day_first.group(6),
                day_first.group(2),
                day_first.group(1),
                day_first.group(6),
                day_first.group(5),
                day_first.group(4),
            )
        try:
            start = date(int(parts[0]), MONTHS[parts[1].rstrip(".")], int(parts[2]))
            end = date(int(parts[3]), MONTHS[parts[4].rstrip(".")], int(parts[5]))
        except ValueError:
            return None
        if end < start and not dated and not day_first.group(3):
            start = start.replace(year=start.year - 1)
        if end < start:
            return None
        return Span(start, end, "range", None)

    # "January 1 to March 23": days across months
    across = re.search(
        rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)? (?:to|and|through|until) "
        rf"({_MONTH}) (\d{{1,2}})",
        raw,
    )
    if across:
        first_month = MONTHS[across.group(1).rstrip(".")]
        last_month = MONTHS[across.group(3).rstrip(".")]
        anchored, leaned = _anchor_year(year, last_month, published, reference)
        if anchored is None:
            return None
        try:
            start = date(
                anchored if first_month <= last_month else anchored - 1,
                first_month,
                int(across.group(2)),
            )
            end = date(anchored, last_month, int(across.group(4)))
        except ValueError:
            return None
        return Span(start, end, "range", leaned)

    # "May 1-20", "Nov. 1 to 15, 2024"
    day_range = re.search(rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|to)\s*(\d{{1,2}})", raw)
    if day_range:
        month = MONTHS[day_range.group(1).rstrip(".")]
        anchored, leaned = _anchor_year(year, month, published, reference)
        first, last = int(day_range.group(2)), int(day_range.group(3))
        if anchored is None or not 1 <= first <= last <= calendar.monthrange(anchored, month)[1]:
            return None
        return Span(date(anchored, month, first), date(anchored, month, last), "range", leaned)

    # "the seven months", "the two-month cumulative (deficit)": the months up to the end of
    # the period the passage is about
    n_months = re.fullmatch(
        r"(?:those )?(\w+) months|(\w+)-month (?:cumulative|total|period|"
        r"running)",
        raw,
    )
    if n_months:
        count = parse_count(n_months.group(1) or n_months.group(2))
        if count is None or reference is None or not 1 <= count <= 24:
            return None
        if (
            not _is_month_aligned(reference)
            and abs((reference.end - reference.start).days + 1 - count * 30.44) <= 10
        ):
            return replace(reference, relative_to="reference")  # "July 16 to January 13"
        end = _month_end(reference.end)
        start = _add_months(date(end.year, end.month, 1), -(count - 1))
        return Span(start, end, "range", "reference")

    # "the week ended March 7", "the week to February 22"
    week = re.search(rf"week (?:ended|ending|to|through) ({_MONTH}) (\d{{1,2}})", raw)
    if week:
        month = MONTHS[week.group(1).rstrip(".")]
        anchored, leaned = _anchor_year(year, month, published, reference)
        if anchored is None:
            return None
        try:
            end = date(anchored, month, int(week.group(2)))
        except ValueError:
            return None
        return Span(end - timedelta(days=6), end, "range", leaned)

    # "the first nine months of 2024", "the first two months", "first seven months"
    first_n = re.search(r"first (\w+)(?:-| )months?", raw)
    if first_n:
        count = parse_count(first_n.group(1))
        if count is None or not 1 <= count <= 12:
            return None
        anchored, leaned = _anchor_year(year, count, published, reference)
        if anchored is None:
            return None
        return replace(_months_span(anchored, 1, count), relative_to=leaned)

    # "the 12 months to March", "eight months to the end of February", "year to June"
    months_to = re.search(
        rf"(?:(\w+) months|year) (?:to|through|ended|ending) (?:the end of )?"
        rf"({_MONTH})",
        raw,
    )
    if months_to:
        count = parse_count(months_to.group(1)) if months_to.group(1) else 12
        last = MONTHS[months_to.group(2).rstrip(".")]
        anchored, leaned = _anchor_year(year, last, published, reference)
        if count is None or anchored is None or not 1 <= count <= 24:
            return None
        end = _month_end(date(anchored, last, 1))
        start = _add_months(date(anchored, last, 1), -(count - 1))
        return Span(start, end, "year" if count == 12 and last == 12 else "range", leaned)

    # "the March quarter" (the quarter ending in March), "the quarter ended in August 2023"
    ending = re.fullmatch(
        rf"({_MONTH}) (?:quarter|qtr)(?: ({_YEAR}))?|(?:quarter|three-month|3-month)"
        rf"(?: period)? (?:ended|ending|to|through)(?: in)? ({_MONTH})(?: ({_YEAR}))?",
        raw,
    )
    if ending:
        month = MONTHS[(ending.group(1) or ending.group(3)).rstrip(".")]
        stated = ending.group(2) or ending.group(4)
        anchored, leaned = _anchor_year(
            int(stated) if stated else None, month, published, reference
        )
        if anchored is None:
            return None
        end = _month_end(date(anchored, month, 1))
        start = _add_months(date(anchored, month, 1), -2)
        granularity = "quarter" if month in (3, 6, 9, 12) else "range"
        return Span(start, end, granularity, leaned)

    # Compact forms of Asian outlets: "5M24" (the first five months of 2024), "1H2024"
    compact = re.fullmatch(r"(?:(1[0-2]|[1-9])m|([12])h)(\d\d|\d{4})", raw)
    if compact:
        digits = compact.group(3)
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        if compact.group(1):
            return _months_span(year, 1, int(compact.group(1)))
        first = 1 if compact.group(2) == "1" else 7
        return replace(_months_span(year, first, first + 5), granularity="half")

    # Quarters: "fourth quarter", "Q3 2024", "3Q", "1Q24", "the January-March quarter" below.
    quarter = re.search(
        r"\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter", raw
    ) or re.search(r"\bq([1-4])\b|\b([1-4])q(?:\d\d)?\b|\bq([1-4])(?=\d\d\b|/)", raw)
    if quarter and not re.search(rf"{_MONTH}\s*-\s*{_MONTH}", raw):
        if quarter.re.pattern.startswith(r"\b(first"):
            number = _ORD[quarter.group(1)]
        else:
            number = int(next(g for g in quarter.groups() if g))
        if year is None:
            short = re.search(r"\b[1-4]q(\d\d)\b|\bq[1-4](\d\d)\b", raw)
            if short:
                digits = short.group(1) or short.group(2)
                year = 2000 + int(digits) if int(digits) < 50 else 1900 + int(digits)
        first_month = 3 * (number - 1) + 1
        anchored, leaned = _anchor_year(year, first_month, published, reference)
        if anchored is None:
            return None
        return replace(_months_span(anchored, first_month, first_month + 2), relative_to=leaned)

    # Halves: "first half", "H1 2024", "1H", "second-half"
    half = re.search(r"\b(first|second|1st|2nd)[- ]half\b|\bh([12])\b|\b([12])h\b", raw)
    if half:
        word = half.group(1)
        number = (
            (1 if word in ("first", "1st") else 2) if word else int(half.group(2) or half.group(3))
        )
        first_month = 1 if number == 1 else 7
        anchored, leaned = _anchor_year(year, first_month, published, reference)
        if anchored is None:
            return None
        return replace(_months_span(anchored, first_month, first_month + 5), relative_to=leaned)

    # Month ranges: "January-March", "April to September 2024", "Jan.-Sept.", "between May and July"
    month_range = re.search(
        rf"({_MONTH})(?: ({_YEAR}))?\s*(?:-to-|-|/|to|through|till|until|and)\s*({_MONTH})", raw
    )
    if month_range:
        first = MONTHS[month_range.group(1).rstrip(".")]
        last = MONTHS[month_range.group(month_range.lastindex).rstrip(".")]
        start_year = month_range.group(2)
        if start_year is not None:
            # "April 2024 to March 2025": the first year is the start's
            start_year = int(re.search(r"\d{4}", start_year).group(0))
            span = _months_span(start_year, first, last + (12 if last < first else 0))
            return replace(span, relative_to=None)
        # "December-February 1987": the year names the end month; without a year, "July-April"
        # ends with the latest April, not in the April after the latest July.
        wraps = last < first
        anchored, leaned = _anchor_year(year, last if wraps else first, published, reference)
        if anchored is None:
            return None
        if wraps:
            anchored -= 1
        return replace(_months_span(anchored, first, last), relative_to=leaned)

    # A day: "March 2", "2 March 2021", "Feb. 26, 1987"
    day = re.search(
        rf"({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}})(?:st|nd|rd|th)? "
        rf"(?:of )?({_MONTH})",
        raw,
    )
    if day:
        month = MONTHS[(day.group(1) or day.group(4)).rstrip(".")]
        number = int(day.group(2) or day.group(3))
        anchored, leaned = _anchor_year(year, month, published, reference)
        if anchored is None:
            return None
        try:
            moment = date(anchored, month, number)
        except ValueError:
            return None
        return Span(moment, moment, "day", leaned)

    month = re.search(rf"\b({_MONTH})(?![a-z])", raw)
    if month:
        number = MONTHS[month.group(1).rstrip(".")]
        anchored, leaned = _anchor_year(year, number, published, reference)
        if anchored is None:
            return None
        return replace(month_span(anchored, number), relative_to=leaned)

    # Years: "1986", "calendar 2023", "the year 2020"
    if year is not None and re.fullmatch(
        rf"(?:(?:calendar|the|full|whole|year)\s)*(?:year )?"
        rf"{_YEAR}(?:'s)?",
        raw,
    ):
        return Span(date(year, 1, 1), date(year, 12, 31), "year")
    return None


def _relative(raw: str, *, published: date | None, reference: Span | None) -> Span | None | bool:
    """Resolve relative expressions; False when `raw` is not one."""

    def from_published(months: int = 0, granularity: str = "month") -> Span | None:
        if published is None:
            return None
        if granularity == "year":
            year = published.year + months
            return Span(date(year, 1, 1), date(year, 12, 31), "year", "published")
        if granularity == "quarter":
            first = 3 * ((published.month - 1) // 3) + 1
            start = _add_months(date(published.year, first, 1), 3 * months)
            return replace(
                _months_span(start.year, start.month, start.month + 2), relative_to="published"
            )
        start = _add_months(date(published.year, published.month, 1), months)
        return replace(month_span(start.year, start.month), relative_to="published")

    def from_reference(months: int = 0, years: int = 0) -> Span | None:
        if reference is None:
            return None
        return replace(reference.shift(months=months, years=years), relative_to="reference")

    if raw == "period" and reference is not None:
        return replace(reference, relative_to="reference")
    # "against 3.2 billion in the same period of 1986": the period the passage is about, in
    # the year named
    same_of = re.fullmatch(
        r"(?:same|corresponding|comparable) (period|months?|quarter|half|time) (?:of|in) "
        r"(\d{4})",
        raw,
    )
    if same_of:
        if reference is None:
            return None
        year = int(same_of.group(2))
        unit = same_of.group(1)
        if unit in ("quarter", "half") and reference.granularity != unit:
            # "the same quarter of 2024" in a passage on March: the quarter holding that month
            size = 3 if unit == "quarter" else 6
            first = size * ((reference.end.month - 1) // size) + 1
            span = _months_span(year, first, first + size - 1)
            return replace(span, granularity=unit, relative_to="reference")
        return from_reference(years=year - reference.end.year)
    if re.fullmatch(r"quarter|year|half", raw):
        # "in the quarter", "during the year": the one the passage is about, or containing it
        if reference is None:
            return None
        size = {"quarter": 3, "half": 6, "year": 12}[raw]
        if reference.granularity == raw or (
            _is_month_aligned(reference) and _months_between(reference.start, reference.end) == size
        ):
            # "the April-September half of fiscal 2024" ... "for the half"
            return replace(reference, relative_to="reference")
        end = reference.end
        first = (end.month - 1) // size * size + 1
        return replace(_months_span(end.year, first, first + size - 1), relative_to="reference")
    if re.fullmatch(
        r"(?:reporting|same|current|latest|review|this) (?:month|period|quarter)|"
        r"month(?: under review)?|period(?: under review)?|reporting period|"
        r"review period|month in question",
        raw,
    ):
        if reference is not None:
            return replace(reference, relative_to="reference")
        return from_published(-1) if "month" in raw else None
    if re.fullmatch(r"last month|past month", raw):
        return from_published(-1)
    if re.fullmatch(r"(?:that|same) year", raw):
        # "Imports soared 24.1% that year": the year the passage is about
        if reference is None:
            return None
        if reference.granularity == "year":
            return replace(reference, relative_to="reference")
        end = reference.end
        return Span(date(end.year, 1, 1), date(end.year, 12, 31), "year", "reference")
    if re.fullmatch(r"so far this month|this month so far|month[- ]to[- ]date", raw):
        # "So far this month, the surplus stands at ..." after the week's figures: from the
        # first of the month to the end of the period the passage is about
        if reference is not None and (
            published is None
            or (reference.end.year, reference.end.month) == (published.year, published.month)
        ):
            end = reference.end
        elif published is not None:
            end = published
        else:
            return None
        return Span(
            date(end.year, end.month, 1), end, "range", "reference" if reference else "published"
        )
    if re.fullmatch(r"this month", raw):
        return from_published(0)
    if re.fullmatch(r"last year|past year|previous calendar year", raw):
        return from_published(-1, "year")
    if re.fullmatch(
        r"this year|current year|so far this year|year to date|year-to-date|ytd|"
        r"(?:this|the) year so far",
        raw,
    ):
        if raw.startswith(("so far", "year", "ytd", "this year so", "the year so")):
            if published is None:
                return None
            end = (
                reference.end
                if reference is not None and reference.end.year == published.year
                else _month_end(_add_months(date(published.year, published.month, 1), -1))
            )
            if end.year != published.year:
                return None
            return Span(date(published.year, 1, 1), end, "range", "published")
        return from_published(0, "year")
    if re.fullmatch(r"next year|coming year", raw):
        return from_published(1, "year")
    if re.fullmatch(r"last quarter|past quarter", raw):
        return from_published(-1, "quarter")
    if re.fullmatch(
        r"(?:previous|preceding|prior) (?:month|three-month term|quarter|year)|"
        r"month (?:earlier|before)|quarter (?:earlier|before)|"
        r"previous three-month period",
        raw,
    ):
        unit = (
            "quarter"
            if ("quarter" in raw or "three-month" in raw)
            else "year"
            if "year" in raw
            else "month"
        )
        if reference is None:
            return from_published(-1, unit)
        if unit == "year":
            return (
                from_reference(years=-1)
                if reference.granularity != "year"
                else from_reference(years=-1)
            )
        if unit == "quarter":
            return from_reference(months=-3)
        return from_reference(months=-_months_between(reference.start, reference.end))
    if re.fullmatch(
        r"year (?:earlier|ago|before)|year-ago(?: period| month| quarter)?|"
        r"year-earlier(?: period| month| quarter)?|"
        r"same (?:month|period|quarter|time|months) (?:a|one|the) "
        r"(?:year|previous year|prior year)(?: earlier| ago| before)?|"
        r"same (?:month|period|quarter|time|months) (?:of|in) (?:the )?"
        r"(?:previous|prior|last) year|"
        r"same (?:month|period|quarter|time|months) last year|"
        r"corresponding (?:month|period|quarter) (?:of|in) (?:the )?"
        r"(?:previous|prior|last) year|"
        r"corresponding (?:month|period|quarter) (?:a year (?:earlier|ago)|last year)|"
        r"same timeframe in the previous year",
        raw,
    ):
        if reference is None:
            return None
        return from_reference(years=-1)
    return False
