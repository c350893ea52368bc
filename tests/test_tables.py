"""Plain-text tables: each cell takes the period and unit of its column headings."""

from extractor import extract

TABLE = """Statistics Slovenia - Foreign trade, May 2024

                         May 2024                January-May 2024
                     EUR million    y-o-y     EUR million    y-o-y
Exports of goods         4,120.5    -3.1%        20,314.2    +1.2%
Imports of goods         4,480.0    +2.4%        21,950.7    -0.8%
Trade balance             -359.5                 -1,636.5

In May 2024, exports decreased by 3.1% compared with May 2023.
"""


def _by_period(facts):
    return {(f.flow, str(f.period.start), str(f.period.end)): f for f in facts}


def test_each_column_of_a_table_is_a_period_of_its_own():
    facts = _by_period(extract(TABLE, published="2024-07-10").facts)
    month = facts[("export", "2024-05-01", "2024-05-31")]
    year_to_date = facts[("export", "2024-01-01", "2024-05-31")]
    assert (month.value.amount, month.change.percent) == (4.1205e9, -3.1)
    assert (year_to_date.value.amount, year_to_date.change.percent) == (2.03142e10, 1.2)
    assert facts[("balance", "2024-01-01", "2024-05-31")].value.amount == -1.6365e9


def test_a_unit_heading_scales_bare_numbers_and_names_their_currency():
    facts = _by_period(extract(TABLE, published="2024-07-10").facts)
    imports = facts[("import", "2024-05-01", "2024-05-31")]
    assert (imports.value.amount, imports.value.currency) == (4.48e9, "EUR")


def test_prose_with_single_spaces_is_no_table():
    text = (
        "Slovenia's exports fell 3.1% in May 2024 and rose 1.2% in January-May 2024, the "
        "office said. Exports were 4,120.5 million euros in May."
    )
    facts = extract(text, published="2024-07-10").facts
    assert all(f.value is None or f.value.currency == "EUR" for f in facts)


GOODS_TABLE = """SANTIAGO, June 8 - Copper prices lifted the country's exports in May, the central
bank said in its monthly release, which gave these main items.

Main exports, May 2021
Product                  US$ million    Change y/y (%)
Copper                         4,897              71.2
Fresh fruit                      276              -9.8
"""

PARTNER_TABLE = """Dutch exports fell in the first quarter, the statistics office said in a release
whose main lines were long enough to run on from one line into the next one like this.

Exports of goods by destination, Q1 2024
Country              EUR billion    y/y (%)
Germany                     38.9       -9.1
United Kingdom               9.3       +2.6
"""


def test_rows_under_an_amount_and_a_change_heading_are_facts_of_their_goods():
    facts = extract(GOODS_TABLE, published="2021-06-08").facts
    rows = {f.commodity.name: (f.flow, f.value.amount, f.change.percent) for f in facts}
    assert rows == {"copper": ("export", 4.897e9, 71.2), "fruit": ("export", 2.76e8, -9.8)}


def test_rows_of_partners_each_keep_their_amount_and_change():
    facts = extract(PARTNER_TABLE, published="2024-05-15").facts
    rows = {
        f.partner.code: (f.value.amount, f.value.currency, f.change.percent)
        for f in facts
        if f.partner is not None
    }
    assert rows == {"DEU": (3.89e10, "EUR", -9.1), "GBR": (9.3e9, "EUR", 2.6)}


def test_thousands_grouped_by_a_space_in_a_table_row_are_one_number():
    text = (
        "BERN - Swiss exports rose in the second quarter, the customs office said.\n\n"
        "Exports by partner, Q2 2024\n"
        "Partner          CHF million      Change (%)\n"
        "Germany            11 908        -2.8\n"
        "China               3 981        -6.1\n"
    )
    facts = extract(text, published="2024-07-18").facts
    rows = {f.partner.code: f.value.amount for f in facts if f.partner is not None}
    assert rows == {"DEU": 1.1908e10, "CHN": 3.981e9}


def test_month_headings_with_two_digit_years_are_no_days():
    text = (
        "Euro area exports were €207.4 bn in December 2023, down 2.4% on December 2022.\n\n"
        "Euro area trade, € bn\n\n"
        "                Dec 22    Dec 23    growth\n"
        "Exports          212.5     207.4     -2.4%\n"
    )
    facts = extract(text, published="2024-02-15").facts
    assert {(str(f.period.start), str(f.period.end)) for f in facts} == {
        ("2023-12-01", "2023-12-31")
    }


def test_a_cell_under_a_long_heading_belongs_to_it_not_to_the_nearest_centre():
    text = (
        "COLOMBO - Sri Lanka's exports rose in April, the customs office said.\n\n"
        "Exports of major products, April 2024\n\n"
        "Product            US$ mn    Change on April 2023 (%)\n"
        "Garments           331.6     +4.1\n"
        "Tea                107.5     +13.5\n"
    )
    facts = extract(text, published="2024-05-20").facts
    rows = {f.commodity.name: (f.value.amount, f.change.percent) for f in facts if f.commodity}
    assert rows == {"apparel": (3.316e8, 4.1), "tea": (1.075e8, 13.5)}
