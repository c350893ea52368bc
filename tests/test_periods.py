"""Period expressions resolved to real dates against explicit context."""

from datetime import date

import pytest

from extractor.periods import FiscalYear, Span, month_span, resolve_period

PUBLISHED = date(2021, 2, 17)
JANUARY = month_span(2021, 1)
JAPAN = FiscalYear(4, "start")
INDIA = FiscalYear(4, "end")
USA = FiscalYear(10, "end")

CASES = [
    # text, published, reference, fiscal, (start, end, granularity)
    ("January", PUBLISHED, None, None, ("2021-01-01", "2021-01-31", "month")),
    # "the fiscal year" is the one the passage is in, else the one holding last month
    (
        "first half of the fiscal",
        date(2025, 10, 16),
        None,
        INDIA,
        ("2025-04-01", "2025-09-30", "half"),
    ),
    (
        "the fiscal year",
        date(2024, 7, 20),
        None,
        FiscalYear(7, "end"),
        ("2023-07-01", "2024-06-30", "year"),
    ),
    (
        "second quarter of this fiscal year",
        None,
        month_span(2025, 9),
        JAPAN,
        ("2025-07-01", "2025-09-30", "quarter"),
    ),
    ("in December", PUBLISHED, None, None, ("2020-12-01", "2020-12-31", "month")),
    ("February", PUBLISHED, None, None, ("2021-02-01", "2021-02-28", "month")),
    ("April 2010", PUBLISHED, None, None, ("2010-04-01", "2010-04-30", "month")),
    ("Jan. 2019", PUBLISHED, None, None, ("2019-01-01", "2019-01-31", "month")),
    ("the October-December period", PUBLISHED, None, None, ("2020-10-01", "2020-12-31", "quarter")),
    ("the fourth quarter", PUBLISHED, None, None, ("2020-10-01", "2020-12-31", "quarter")),
    ("Q3 2024", PUBLISHED, None, None, ("2024-07-01", "2024-09-30", "quarter")),
    ("1Q24", PUBLISHED, None, None, ("2024-01-01", "2024-03-31", "quarter")),
    ("first half of 2023", PUBLISHED, None, None, ("2023-01-01", "2023-06-30", "half")),
    ("H2 2022", PUBLISHED, None, None, ("2022-07-01", "2022-12-31", "half")),
    ("April to September 2024", PUBLISHED, None, None, ("2024-04-01", "2024-09-30", "range")),
    ("April 2024 to March 2025", PUBLISHED, None, None, ("2024-04-01", "2025-03-31", "range")),
    (
        "July 16, 2024 to January 13, 2025",
        PUBLISHED,
        None,
        None,
        ("2024-07-16", "2025-01-13", "range"),
    ),
    (
        "from 1 April to 30 September 2024",
        PUBLISHED,
        None,
        None,
        ("2024-04-01", "2024-09-30", "range"),
    ),
    ("October 1986-January 1987", PUBLISHED, None, None, ("1986-10-01", "1987-01-31", "range")),
    ("January-June", PUBLISHED, None, None, ("2021-01-01", "2021-06-30", "half")),
    ("the January-to-October period", PUBLISHED, None, None, ("2021-01-01", "2021-10-31", "range")),
    (
        "the first 10 days of the month",
        date(2024, 12, 11),
        None,
        None,
        ("2024-12-01", "2024-12-10", "range"),
    ),
    (
        "the last three months of 2024",
        PUBLISHED,
        None,
        None,
        ("2024-10-01", "2024-12-31", "quarter"),
    ),
    ("the past 12 months", PUBLISHED, JANUARY, None, ("2020-02-01", "2021-01-31", "range")),
    ("FY2024/25", PUBLISHED, None, INDIA, ("2024-04-01", "2025-03-31", "year")),
    # a yearless range over the new year ends with the latest end month, not after it
    ("July-April", date(2024, 7, 4), None, None, ("2023-07-01", "2024-04-30", "range")),
    (
        "the November-January period",
        date(2022, 2, 20),
        None,
        None,
        ("2021-11-01", "2022-01-31", "range"),
    ),
    ("January/February", date(1987, 3, 20), None, None, ("1987-01-01", "1987-02-28", "range")),
    ("the first nine months of 2024", PUBLISHED, None, None, ("2024-01-01", "2024-09-30", "range")),
    ("the first two months", date(1987, 3, 9), None, None, ("1987-01-01", "1987-02-28", "range")),
    (
        "the first 20 days of February",
        date(1987, 2, 25),
        None,
        None,
        ("1987-02-01", "1987-02-20", "range"),
    ),
    ("May 1-20", date(2024, 5, 21), None, None, ("2024-05-01", "2024-05-20", "range")),
    (
        "the week ended March 7",
        date(1987, 3, 12),
        None,
        None,
        ("1987-03-01", "1987-03-07", "range"),
    ),
    (
        "the 12 months to March",
        date(1987, 4, 30),
        None,
        None,
        ("1986-04-01", "1987-03-31", "range"),
    ),
    ("fiscal 1986/87", PUBLISHED, None, JAPAN, ("1986-04-01", "1987-03-31", "year")),
    ("fiscal 1987", PUBLISHED, None, JAPAN, ("1987-04-01", "1988-03-31", "year")),
    ("fiscal 1987", PUBLISHED, None, USA, ("1986-10-01", "1987-09-30", "year")),
    ("FY24", PUBLISHED, None, INDIA, ("2023-04-01", "2024-03-31", "year")),
    ("FY2023-24", PUBLISHED, None, INDIA, ("2023-04-01", "2024-03-31", "year")),
    (
        "the first 10 months of fiscal 1986/87",
        date(1987, 3, 19),
        None,
        INDIA,
        ("1986-04-01", "1987-01-31", "range"),
    ),
    (
        "first half of FY25",
        PUBLISHED,
        None,
        FiscalYear(7, "end"),
        ("2024-07-01", "2024-12-31", "half"),
    ),
    ("Q2 FY2024-25", PUBLISHED, None, INDIA, ("2024-07-01", "2024-09-30", "quarter")),
    ("H2 fiscal 1987", PUBLISHED, None, USA, ("1987-04-01", "1987-09-30", "half")),
    (
        "the third quarter of the 2023/24 fiscal year",
        PUBLISHED,
        None,
        JAPAN,
        ("2023-10-01", "2023-12-31", "quarter"),
    ),
    (
        "first ten months of the 1986/87 fiscal year ending June",
        PUBLISHED,
        None,
        FiscalYear(7, "end"),
        ("1986-07-01", "1987-04-30", "range"),
    ),
    ("at end-February", date(2022, 3, 20), None, None, ("2022-01-01", "2022-02-28", "range")),
    ("end-June 2023", PUBLISHED, None, None, ("2023-01-01", "2023-06-30", "half")),
    ("fiscal 2024 ended June", PUBLISHED, None, None, ("2023-07-01", "2024-06-30", "year")),
    ("fiscal 2023 ended March", PUBLISHED, None, JAPAN, ("2023-04-01", "2024-03-31", "year")),
    (
        "fiscal year ended March 31, 2024",
        PUBLISHED,
        None,
        None,
        ("2023-04-01", "2024-03-31", "year"),
    ),
    (
        "1986/87 fiscal year ended March",
        PUBLISHED,
        None,
        FiscalYear(1, "start"),
        ("1986-04-01", "1987-03-31", "year"),
    ),
    ("1986", PUBLISHED, None, None, ("1986-01-01", "1986-12-31", "year")),
    ("calendar 1986", PUBLISHED, None, None, ("1986-01-01", "1986-12-31", "year")),
    ("last month", PUBLISHED, None, None, ("2021-01-01", "2021-01-31", "month")),
    ("last year", PUBLISHED, None, None, ("2020-01-01", "2020-12-31", "year")),
    ("March last year", PUBLISHED, None, None, ("2020-03-01", "2020-03-31", "month")),
    ("the previous month", PUBLISHED, JANUARY, None, ("2020-12-01", "2020-12-31", "month")),
    ("a year earlier", PUBLISHED, JANUARY, None, ("2020-01-01", "2020-01-31", "month")),
    (
        "the same period last year",
        PUBLISHED,
        Span(date(2020, 4, 1), date(2020, 9, 30), "range"),
        None,
        ("2019-04-01", "2019-09-30", "range"),
    ),
    ("the reporting month", PUBLISHED, JANUARY, None, ("2021-01-01", "2021-01-31", "month")),
    ("in the quarter", PUBLISHED, JANUARY, None, ("2021-01-01", "2021-03-31", "quarter")),
    (
        "the seven months",
        PUBLISHED,
        month_span(2024, 7),
        None,
        ("2024-01-01", "2024-07-31", "range"),
    ),
    ("March 2", date(1987, 3, 3), None, None, ("1987-03-02", "1987-03-02", "day")),
    ("5M24", PUBLISHED, None, None, ("2024-01-01", "2024-05-31", "range")),
    ("1H2023", PUBLISHED, None, None, ("2023-01-01", "2023-06-30", "half")),
    ("2H23", PUBLISHED, None, None, ("2023-07-01", "2023-12-31", "half")),
    (
        "the fiscal year ended March",
        date(2024, 6, 10),
        None,
        None,
        ("2023-04-01", "2024-03-31", "year"),
    ),
    (
        "the fiscal year ended June",
        date(2024, 6, 10),
        None,
        None,
        ("2022-07-01", "2023-06-30", "year"),
    ),
    (
        "the same period of 2019",
        PUBLISHED,
        Span(date(2020, 4, 1), date(2020, 9, 30), "range"),
        None,
        ("2019-04-01", "2019-09-30", "range"),
    ),
    (
        "the corresponding months of 2018",
        PUBLISHED,
        Span(date(2020, 1, 1), date(2020, 2, 29), "range"),
        None,
        ("2018-01-01", "2018-02-28", "range"),
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "reference", "fiscal", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_resolve_period(text, published, reference, fiscal, expected):
    span = resolve_period(text, published=published, reference=reference, fiscal=fiscal)
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat(), span.granularity) == expected


def test_a_month_without_a_year_is_the_latest_one_on_or_before_publication():
    assert resolve_period("December", published=date(1987, 1, 5)).start == date(1986, 12, 1)
    assert resolve_period("January", published=date(1987, 1, 5)).start == date(1987, 1, 1)


def test_without_publication_date_a_month_falls_back_to_the_reference():
    span = resolve_period("in August", published=None, reference=month_span(2024, 9))
    assert (span.start, span.relative_to) == (date(2024, 8, 1), "reference")


@pytest.mark.parametrize("text", ["the previous month", "last month", "in December"])
def test_relative_periods_need_their_context(text):
    assert resolve_period(text, published=None, reference=None) is None


@pytest.mark.parametrize(
    "text", ["exports", "since 2022", "fiscal 1986/89", "the pace", "early-May", "mid-March 2024"]
)
def test_non_periods(text):
    assert resolve_period(text, published=PUBLISHED) is None


def test_explicit_periods_say_they_lean_on_nothing():
    assert resolve_period("April 2010", published=PUBLISHED).relative_to is None
    assert resolve_period("April", published=PUBLISHED).relative_to == "published"


def test_a_fiscal_year_ended_on_a_day_other_than_the_months_last():
    span = resolve_period(
        "the 2024/25 fiscal year, which ended on July 7", published=date(2025, 7, 20)
    )
    assert (span.start, span.end, span.granularity) == (date(2024, 7, 8), date(2025, 7, 7), "year")
