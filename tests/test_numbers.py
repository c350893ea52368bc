"""Numbers in digits and words, ordinals, scale words."""

import pytest

from extractor.numbers import apply_scale, parse_count, parse_number, parse_ordinal

NUMBERS = [
    ("1,234.5", 1234.5),
    ("12,34,567", 1234567.0),
    ("-3.4", -3.4),
    ("\u22122.5", -2.5),
    ("+5.1", 5.1),
    (".75", 0.75),
    ("nine", 9.0),
    ("twenty-five", 25.0),
    ("one hundred and twenty", 120.0),
    ("a hundred", 100.0),
    ("twenty-eight thousand six hundred forty-two", 28642.0),
    ("Seventeen", 17.0),
    ("minus 5", -5.0),
    ("minus-1.4", -1.4),
    ("eleventh", None),
    ("abc", None),
    ("10-1/2", 10.5),
    ("3 1/4", 3.25),
    ("7/8", 0.875),
    ("2\u00bd", 2.5),
    ("a half", 0.5),
    ("one-half", 0.5),
    ("half a", 0.5),
    ("a quarter of a", 0.25),
    ("three quarters of an", 0.75),
    ("two and a half", 2.5),
    ("1/5", None),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS, ids=[n[0] for n in NUMBERS])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


ORDINALS = [
    ("21st", 21),
    ("2nd", 2),
    ("fifth", 5),
    ("second", 2),
    ("twenty-first", 21),
    ("third", 3),
    ("nine", None),
    ("1.5", None),
]


@pytest.mark.parametrize(("text", "expected"), ORDINALS, ids=[o[0] for o in ORDINALS])
def test_ordinals_are_counts_never_fractions(text, expected):
    assert parse_ordinal(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("nine", 9), ("16", 16), ("21st", 21), ("fifth", 5), ("2.5", None)]
)
def test_parse_count(text, expected):
    assert parse_count(text) == expected


def test_scales_multiply_in_order_without_float_noise():
    assert apply_scale(1.2, [1e5, 1e7]) == 1.2e12  # "1.2 lakh crore"
    assert apply_scale(5.78, [1e12]) == 5780000000000.0
    assert apply_scale(0.1, [3.0]) == 0.3
