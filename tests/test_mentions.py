"""The mention layer: what a number counts, numbers that are not quantities, ranges, rates,
vague amounts, fractions, direction and bound."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.api import extract
from extractor.mentions import singular

FIGURE_KINDS = {"money", "percent", "number", "quantity"}


def _figures(text):
    return [m for m in extract(text).mentions if m.kind in FIGURE_KINDS]


def _only(text):
    found = _figures(text)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    return found[0]


COUNTED = [
    (
        "As many as 14 first-team players left the club",
        "14 first-team players",
        14.0,
        "first-team player",
    ),
    ("employs 200 people here", "200 people", 200.0, "people"),
    ("and eight other employees left the agency", "eight other employees", 8.0, "other employee"),
    (
        "about 460 Kia and Hyundai vehicles have been stolen",
        "460 Kia and Hyundai vehicles",
        460.0,
        "Kia Hyundai vehicle",
    ),
    ("to have 400 charging stations by 2020", "400 charging stations", 400.0, "station"),
    ("96 Liverpool fans went to a game", "96 Liverpool fans", 96.0, "Liverpool fan"),
    ("with 3.9 million headsets sold", "3.9 million headsets", 3.9e6, "headset"),
    ("two viruses infect bees", "two viruses", 2.0, "virus"),
    ("about 60 commercial fishermen, who", "60 commercial fishermen", 60.0, "commercial fisherman"),
    ("One proposal asks the board", "One proposal", 1.0, "proposal"),
    ("one senior U.S. official said", "one senior U.S. official", 1.0, "senior U.S. official"),
    ("an order for 50 Boeing jets", "50 Boeing jets", 50.0, "Boeing jet"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit"), COUNTED, ids=[c[1] for c in COUNTED])
def test_a_number_counts_the_noun_after_it(text, surface, value, unit):
    mention = _only(text)
    assert (mention.kind, mention.text, mention.value, mention.unit) == (
        "quantity",
        surface,
        value,
        unit,
    )


ONE_OF = [
    ("Are you on the hunt for one of the best wireless speakers around?", "good wireless speaker"),
    (
        "one of the people responsible for the creation of the richest league in world football.",
        "people responsible creation rich league world football",
    ),
    ("one of Airbnb’s earliest investments, giving", "Airbnb early investment"),
    ("one of the best screens in this price range", "good screen"),
]


@pytest.mark.parametrize(("text", "unit"), ONE_OF, ids=[o[1] for o in ONE_OF])
def test_one_of_the_x_is_one_x(text, unit):
    mention = _only(text)
    assert (mention.value, mention.unit, mention.rule) == (1.0, unit, "count.one_of")


AGES = [
    ("a 50 year-old man from Lithuania", 50.0, "year of age", "="),
    ("The 65-year-old worries", 65.0, "year of age", "="),
    ("He will be 30 years old by then", 30.0, "year of age", "="),
    ("her now 18 month-old daughter", 18.0, "month of age", "="),
    ("5 million children under the age of 5 years died", 5.0, "year of age", "<"),
    ("60 per cent of men aged 18 to 34 watch sports", [18.0, 34.0], "year of age", "="),
]


@pytest.mark.parametrize(("text", "value", "unit", "bound"), AGES, ids=[a[0] for a in AGES])
def test_ages(text, value, unit, bound):
    ages = [m for m in _figures(text) if m.unit and m.unit.endswith("of age")]
    assert [(m.value, m.unit, m.bound) for m in ages] == [(value, unit, bound)]


NOT_QUANTITIES = [
    "The S&P 500 fell 0.9%",
    "the sp 500 was down 2.1%",
    "hands-on with the iPhone 11 Pro",
    "tied Game 7 at 89-89",
    "Bristol City came from behind to beat Charlton 2-1",
    "Jul 15 2019 | 9:35 PM Im disappointed",
    "Bitcoin was at 10.45pm last night",
    "The new deadline is 2 p.m. Wednesday",
    "after 12:01 a.m. EDT (0401 GMT) on Friday",
    "2019-09-01T10:38:07.190Z",
    "the program started in 1985",
    "between A.D. 1000 and 1260",
    "Part 3 of the Digital Economy Act 2017",
    "Chorlton-cum-Hardy 575 Wilbraham Road",
    "In the 90049 ZIP Code, prices fell",
    "using the same one across multiple accounts",
    "an award with a five-year term",
    "The category 4 hurricane had winds",
    "hands-on with the iPhone 11 Pro and 11 Pro Max: new phones",
    "Dak Prescott (4) celebrates",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_numbers_that_are_not_quantities(text):
    assert [m.text for m in _figures(text) if m.unit != "percent"] == []


RATES = [
    ("They have a $3500 a month mortgage", "$3500 a month", "USD per month"),
    ("priced at under $10 per gram", "$10 per gram", "USD per gram"),
    ("peaked at more than $52 a barrel in October", "$52 a barrel", "USD per barrel"),
    ("fees rose by up to £24 a-year .", "£24 a-year", "GBP per year"),
    ("a 5-mpg boost", "5-mpg", "mile per gallon"),
    ("spin nearly 78,000 times a minute", "78,000 times a minute", "count per minute"),
]


@pytest.mark.parametrize(("text", "surface", "unit"), RATES, ids=[r[1] for r in RATES])
def test_rates_keep_their_per(text, surface, unit):
    mention = _only(text)
    assert (mention.text, mention.unit) == (surface, unit)


def test_a_year_earlier_is_a_time_not_a_rate():
    assert _only("compared with $6.78 billion a year earlier").unit == "USD"


VAGUE = [
    ("Dozens of people were killed", "number", [12.0, 120.0], "people"),
    ("adding tens of thousands of dollars to the price", "money", [1e4, 1e5], "USD"),
    ("thousands of job cuts", "quantity", [1e3, 1e4], "job cut"),
    ("a plume that extends hundreds of miles", "quantity", [100.0, 1000.0], "mile"),
]


@pytest.mark.parametrize(("text", "kind", "value", "unit"), VAGUE, ids=[v[0] for v in VAGUE])
def test_vague_amounts_are_ranges(text, kind, value, unit):
    mention = _only(text)
    assert (mention.value, mention.unit) == (value, unit)
    assert mention.kind == kind or (kind == "number" and mention.kind == "quantity")


FRACTIONS = [
    ("Half the condos have sold", 0.5, "fraction of condo"),
    ("A third of those screened were obese", 1 / 3, "fraction"),
    ("One out of three Germans have housing problems.", 1 / 3, "fraction of German"),
    ("One fourth of the US population is vaccinated.", 0.25, "fraction of US population"),
    ("Nearly two-thirds of the sales came from CDs", 2 / 3, "fraction of sale"),
    (
        "HabEx is just one of four separate mission concepts",
        0.25,
        "fraction of separate mission concept",
    ),
]


@pytest.mark.parametrize(("text", "value", "unit"), FRACTIONS, ids=[f[0] for f in FRACTIONS])
def test_fractions(text, value, unit):
    mention = _only(text)
    assert mention.value == pytest.approx(value)
    assert mention.unit == unit


def test_a_duration_inside_a_period_is_still_a_quantity():
    mention = _only("how the economy did during those three months because of it")
    assert (mention.text, mention.value, mention.unit) == ("three months", 3.0, "month")


@pytest.mark.parametrize(
    "text", ["in the second half of the game", "the surplus widened for a fourth straight month"]
)
def test_ordinals_are_not_fractions(text):
    assert _figures(text) == []


SHARED_UNITS = [
    ("climbed from 21 mpg combined to 23 for FWD models", "23", "mile per gallon"),
    ("on a 7- or 8-inch touchscreen", "7", "inch"),
    ("435 homes by open sale and 187 by tender", "187", "home"),
    ("forecast to slow from 4.8 to 4.7 percent", "4.8", "percent"),
    ("The S&P 500 rose 64.06 points to 4,577.10.", "4,577.10", "point"),
]


@pytest.mark.parametrize(
    ("text", "surface", "unit"), SHARED_UNITS, ids=[s[0] for s in SHARED_UNITS]
)
def test_bare_numbers_share_the_unit_they_go_with(text, surface, unit):
    assert [m.unit for m in _figures(text) if m.text == surface] == [unit]


def test_a_level_after_a_percentage_keeps_no_unit():
    text = "Consumer prices rose just 0.1% in March, and the yuan held near 7.23 per dollar."
    assert [m.unit for m in _figures(text) if m.text == "7.23"] == [None]


DIRECTIONS = [
    ("Exports rose 6.4% on the year", "6.4%", "up"),
    ("a 41.3% rise in exports", "41.3%", "up"),
    ("Imports -3.4%", "-3.4%", "down"),
    ("London's index has lost 162.31 points, or 2.14%, to fall", "2.14%", "down"),
    ("expected to grow sales by 35 per cent this half", "35 per cent", "up"),
    ("Wuliangye Yibin rose 8.1 percent to 99.20 yuan", "99.20 yuan", None),
    ("a defense that gave up 517 rushing yards", "517 rushing yards", None),
    ("averaging 15.9 degrees and added a 30 degree homer to tie", "30 degree", None),
]


@pytest.mark.parametrize(
    ("text", "surface", "direction"), DIRECTIONS, ids=[d[0] for d in DIRECTIONS]
)
def test_direction(text, surface, direction):
    assert [m.direction for m in _figures(text) if m.text == surface] == [direction]


def test_a_verb_that_averages_makes_a_figure_approximate():
    assert _only("He has averaged 7.3 points a game").bound == "~"


TRAJECTORIES = [
    ("Japan's exports rose from $4.1 billion to $5.2 billion in April", [4.1e9, 5.2e9]),
    ("maximum valve lift was increased from 13.5 to 14.0 mm", [13.5, 14.0]),
    ("Prices range from $370,000 to $5.5 million", [[3.7e5, 5.5e6]]),
    ("with sizes starting from 450 sq ft up to 900 sq ft", [[450.0, 900.0]]),
]


@pytest.mark.parametrize(("text", "values"), TRAJECTORIES, ids=[t[0] for t in TRAJECTORIES])
def test_from_x_to_y_after_a_change_is_two_figures_otherwise_a_range(text, values):
    assert [m.value for m in _figures(text)] == values


CONVERSIONS = [
    ("the adult moths can fly more than 100 kilometers (60 miles).", "60 miles", ">"),
    ("to produce just under 296 hp (224 kW / 300 PS)", "224 kW", "<"),
    ("about $US113 trillion ($161 trillion)", "$161 trillion", "~"),
]


@pytest.mark.parametrize(("text", "surface", "bound"), CONVERSIONS, ids=[c[0] for c in CONVERSIONS])
def test_a_bracketed_conversion_keeps_the_bound(text, surface, bound):
    assert [m.bound for m in _figures(text) if m.text == surface] == [bound]


@pytest.mark.parametrize(
    ("plural", "singular_form"),
    [
        ("inches", "inch"),
        ("companies", "company"),
        ("people", "people"),
        ("women", "woman"),
        ("fishermen", "fisherman"),
        ("viruses", "virus"),
        ("series", "series"),
        ("bus", "bus"),
    ],
)
def test_singular(plural, singular_form):
    assert singular(plural) == singular_form


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("0123456789 ,.-$%/:abcdefpmkgAPM of the one half dozens thousands year-old")
        ),
        max_size=80,
    )
)
def test_any_text_gives_valid_mentions_that_slice_the_text(text):
    for mention in extract(text).mentions:
        assert text[mention.start : mention.end] == mention.text
