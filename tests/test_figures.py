"""The figure grammar: money, percentages, quantities, numbers, bounds and conversions."""

import pytest

from extractor.figures import FigureGrammar
from extractor.resources import RuleSet


@pytest.fixture(scope="module")
def grammar(annotator) -> FigureGrammar:
    return annotator.grammar


def _find(grammar, text):
    return [(f.text, f.kind, f.value, f.currency or f.unit, f.bound) for f in grammar.find(text)]


MONEY = [
    ("sales hit ¥5.78 trillion", ("¥5.78 trillion", 5.78e12, "JPY")),
    ("worth US$1.2bn last year", ("US$1.2bn", 1.2e9, "USD")),
    ("a gap of 211 mln dlrs", ("211 mln dlrs", 2.11e8, "USD")),
    ("reached 48.01 billion U.S. Dollars", ("48.01 billion U.S. Dollars", 4.801e10, "USD")),
    ("some 3.4 billion stg", ("3.4 billion stg", 3.4e9, "GBP")),
    ("9.2 billion marks", ("9.2 billion marks", 9.2e9, "DEM")),
    ("2.1 billion guilders", ("2.1 billion guilders", 2.1e9, "NLG")),
    ("1,630 billion lire", ("1,630 billion lire", 1.63e12, "ITL")),
    ("USD 34.6 million", ("USD 34.6 million", 3.46e7, "USD")),
    ("EUR1.2bn", ("EUR1.2bn", 1.2e9, "EUR")),
    ("E£12 billion", ("E£12 billion", 1.2e10, "EGP")),
    ("QR12 billion", ("QR12 billion", 1.2e10, "QAR")),
    ("RO652.4 million", ("RO652.4 million", 6.524e8, "OMR")),
    ("Br12 billion", ("Br12 billion", 1.2e10, "ETB")),
    ("12 billion forint", ("12 billion forint", 1.2e10, "HUF")),
    ("Rs 1.2 lakh crore", ("Rs 1.2 lakh crore", 1.2e12, "INR")),
    ("₹2,48,560 crore", ("₹2,48,560 crore", 2.4856e12, "INR")),
    ("NT$310 billion", ("NT$310 billion", 3.1e11, "TWD")),
    ("R$ 6.4 billion", ("R$ 6.4 billion", 6.4e9, "BRL")),
    ("RM12.3bil", ("RM12.3bil", 1.23e10, "MYR")),
    ("C$2.3 billion", ("C$2.3 billion", 2.3e9, "CAD")),
    ("₩45.3 trillion", ("₩45.3 trillion", 4.53e13, "KRW")),
    ("€3m", ("€3m", 3e6, "EUR")),
    ("one billion dlrs", ("one billion dlrs", 1e9, "USD")),
    ("a 3.51 billion H.K. Dlr deficit", ("3.51 billion H.K. Dlr", 3.51e9, "HKD")),
    ("Trade balance: -€1.9bn", ("-€1.9bn", -1.9e9, "EUR")),
    ("a price of USD10m", ("USD10m", 1e7, "USD")),
    ("debt was about $US113 trillion", ("$US113 trillion", 1.13e14, "USD")),
    ("worth $A82,615,680", ("$A82,615,680", 82615680.0, "AUD")),
    ("grew to HK $3.7 billion", ("HK $3.7 billion", 3.7e9, "HKD")),
    ("a notebook for 1,200€ to work", ("1,200€", 1200.0, "EUR")),
    ("turnover of 1.23 billion shekels", ("1.23 billion shekels", 1.23e9, "ILS")),
    ("lost 2.70 percent to Y=5,182", ("Y=5,182", 5182.0, "JPY")),
    ("worth up to PS2.7m", ("PS2.7m", 2.7e6, "GBP")),
    ("decrease to $-50.8bn, while", ("$-50.8bn", -5.08e10, "USD")),
    ("It is a million dollar house.", ("a million dollar", 1e6, "USD")),
]


MONEY_RANGES = [
    ("condos range from $800,000 to $1.3 million", (8e5, 1.3e6)),
    ("claims ranging from $200 to $4 million", (200.0, 4e6)),
    ("a fine of $3 to $5 billion", (3e9, 5e9)),
    ("priced between $62 and $68 per share", (62.0, 68.0)),
    ("from between $US160 million and $US171 million", (1.6e8, 1.71e8)),
    ("the downside/upside in the stock is $7/$9", (7.0, 9.0)),
    ("a surplus of between 200 and 300 mln dlrs", (2e8, 3e8)),
    ("a deficit of three to five billion dlrs", (3e9, 5e9)),
]


@pytest.mark.parametrize(("text", "value"), MONEY_RANGES, ids=[m[0] for m in MONEY_RANGES])
def test_money_ranges_share_a_scale_only_when_the_first_end_lacks_one(grammar, text, value):
    assert [f.value for f in grammar.find(text) if f.kind == "money"] == [value]


def test_by_an_amount_to_a_level_is_no_range(grammar):
    figures = grammar.find("the deficit increased by $43.6 billion to $419.2 billion")
    assert [f.value for f in figures] == [4.36e10, 4.192e11]
    figures = grammar.find("with Western Europe rose 200 mln to 7.2 billion dlrs")
    assert [f.value for f in figures] == [2e8, 7.2e9]
    assert [f.value for f in grammar.find("to fall by 15 billion to 20 billion dlrs")] == [
        (1.5e10, 2e10)
    ]
    assert [f.value for f in grammar.find("dropped by 1 to 1.5 degrees Celsius")] == [(1.0, 1.5)]


def test_a_year_before_a_scaled_amount_is_no_range(grammar):
    figures = grammar.find("exports dropped 15.2 pct from 1985 to 153.40 billion guilders")
    assert [f.value for f in figures if f.kind == "money"] == [1.534e11]


@pytest.mark.parametrize(("text", "expected"), MONEY, ids=[m[0] for m in MONEY])
def test_money(grammar, text, expected):
    found = [f for f in grammar.find(text) if f.kind == "money"]
    assert len(found) == 1
    figure = found[0]
    assert (figure.text, figure.value, figure.currency) == expected


PERCENTS = [
    ("rose 6.4% on the year", 6.4, "percent"),
    ("up 2 pct", 2.0, "percent"),
    ("fell 3.5 per cent", 3.5, "percent"),
    ("a 12 percent gain", 12.0, "percent"),
    ("grew 4pc", 4.0, "percent"),
    ("Imports -3.4%", -3.4, "percent"),
    ("+5.1% y/y", 5.1, "percent"),
    ("between 10 and 12 pct", (10.0, 12.0), "percent"),
    ("10-12%", (10.0, 12.0), "percent"),
    ("five percent", 5.0, "percent"),
    ("0.3 percentage points", 0.3, "percentage_point"),
    ("1.5 pct points", 1.5, "percentage_point"),
    ("fell 10-1/2 pct", 10.5, "percent"),
    ("up 2 3/4 percent", 2.75, "percent"),
    ("rose 1/2 pct", 0.5, "percent"),
    ("fell a half pct", 0.5, "percent"),
    ("rose 1-1/2 to 2 pct", (1.5, 2.0), "percent"),
]


@pytest.mark.parametrize(("text", "value", "unit"), PERCENTS, ids=[p[0] for p in PERCENTS])
def test_percentages_and_points(grammar, text, value, unit):
    found = [f for f in grammar.find(text) if f.kind in ("percent", "percentage_point")]
    assert [(f.value, f.unit) for f in found] == [(value, unit)]


QUANTITIES = [
    ("8.6 million tonnes of soybeans", 8.6e6, "tonne"),
    ("155,221 bags of coffee", 155221.0, "bag"),
    ("500,000 barrels per day", 5e5, "barrel per day"),
    ("10.1 million 60-kg bags", 1.01e7, "bag"),
    ("441,000 vehicles", 441000.0, "vehicle"),
    ("2.6 million gallons", 2.6e6, "gallon"),
    ("a 6.1-inch display", 6.1, "inch"),
    ("a 185-hp four-cylinder", 185.0, "horsepower"),
    ("the 2.4Ghz toy", 2.4, "gigahertz"),
    ("fell to 49.55 HZ on", 49.55, "hertz"),
    ("a 1.5mm internal diameter", 1.5, "millimetre"),
    ("a pixel pitch of 352 μm", 352.0, "micrometre"),
    ("can dip to minus-130 degrees Fahrenheit", -130.0, "degree fahrenheit"),
    ("a 5-10W laser", (5.0, 10.0), "watt"),
    ("between 15kHz and 17kHz", (15.0, 17.0), "kilohertz"),
    ("unemployed for one to two years", (1.0, 2.0), "year"),
    ("the Dow lost 190 points", 190.0, "point"),
    ("shares rose to 164p", 164.0, "penny"),
    ("Ajax scored after 55 minutes", 55.0, "minute"),
    ("only ~45g each", 45.0, "gram"),
    ("a planted area of 7.22 mln hectares", 7.22e6, "hectare"),
    ("the dollar closed at 76.58 cts", 76.58, "cent"),
    ("a million tonnes of wheat", 1e6, "tonne"),
    ("roughly a quarter of a million tonnes", 2.5e5, "tonne"),
    ("half a million barrels", 5e5, "barrel"),
    ("three-quarters of a million tonnes", 7.5e5, "tonne"),
    ("one and a half million bags", 1.5e6, "bag"),
    ("the mass of the sun is 1.99×10−30 kilograms", 1.99e-30, "kilogram"),
    ("light travels 2.998 x 10^8 meters per second", 2.998e8, "metre per second"),
    ("shaving time off that 0-to-60-mph sprint", (0.0, 60.0), "mile per hour"),
    ("a cold of 387 F ,minus 233 Celsius", -233.0, "degree Celsius"),
]


@pytest.mark.parametrize(("text", "value", "unit"), QUANTITIES, ids=[q[0] for q in QUANTITIES])
def test_quantities(grammar, text, value, unit):
    found = [f for f in grammar.find(text) if f.kind == "quantity"]
    assert [(f.value, f.unit) for f in found] == [(value, unit)]


BOUNDS = [
    ("about $3 billion", "~"),
    ("nearly 12%", "~"),
    ("more than 40 percent", ">"),
    ("over 2 million tonnes", ">"),
    ("less than 5 pct", "<"),
    ("up to $1bn", "<"),
    ("exactly $3 billion", "="),
    ("sub-7 nanometer chips", "<"),
    ("area ≈ 32m2", "~"),
]


@pytest.mark.parametrize(("text", "bound"), BOUNDS, ids=[b[0] for b in BOUNDS])
def test_bounds(grammar, text, bound):
    assert [f.bound for f in grammar.find(text)] == [bound]


def test_a_number_is_never_cut_short(grammar):
    assert [f.text for f in grammar.find("a 1.5mm tip and 2,5xx")] == ["1.5mm"]


def test_minus_is_a_sign(grammar):
    assert [f.value for f in grammar.find("minus 5 pct")] == [-5.0]


def test_bracketed_amount_is_a_conversion(grammar):
    figures = grammar.find("NT$1.02 trillion (US$32.4 billion) and 45 mln tonnes (330 mln barrels)")
    assert [f.conversion for f in figures] == [False, True, False, True]


NOT_FIGURES = [
    "the COVID-19 pandemic",
    "5G networks",
    "for the 21st month",
    "the third quarter",
    "at 10.45pm last night",
    "to $34,935 at 5am",
    "on 3/4/1987",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_things_that_are_not_quantities(grammar, text):
    assert [f for f in grammar.find(text) if f.kind not in ("number", "money")] == []
    assert all(f.text not in ("21st", "19") for f in grammar.find(text))


def test_a_price_per_unit_is_money_with_its_unit_left_out_of_the_amount(grammar):
    figures = grammar.find("prices rose to around US$135 a tonne")
    assert [(f.kind, f.value, f.currency) for f in figures] == [("money", 135.0, "USD")]


def test_ambiguous_symbols_keep_their_candidates(grammar):
    yen, dollars = grammar.find("¥12 billion and 5 billion dlrs")
    assert yen.currency == "JPY" and "CNY" in yen.currency_candidates
    assert dollars.currency == "USD" and "CAD" in dollars.currency_candidates


def test_grammar_builds_from_any_rule_folder(tmp_path):
    rules = RuleSet.load()
    assert FigureGrammar(rules).find("12 pct")[0].unit == "percent"
