"""Tokens, sentences and cue spans: wire copy, web furniture and overlaps."""

import pytest


def _sentences(annotator, text):
    annotation = annotator.annotate(text)
    return [text[s:e].strip() for s, e in annotation.sentences if text[s:e].strip()]


SENTENCES = [
    (
        "abbreviations_do_not_end_sentences",
        "U.S. exports rose 5 pct in Feb. and imports fell. Tokyo said so.",
        ["U.S. exports rose 5 pct in Feb. and imports fell.", "Tokyo said so."],
    ),
    (
        "hard_wrapped_wire_lines_join",
        "Japan's exports rose 5.6 pct in February from a year\nearlier, the ministry said, and "
        "imports fell for the\nthird month.\n    The surplus widened.",
        [
            "Japan's exports rose 5.6 pct in February from a year\nearlier, the ministry said, and "
            "imports fell for the\nthird month.",
            "The surplus widened.",
        ],
    ),
    (
        "web_lines_are_sentences",
        "Home | World | Markets\nExports rose 3%\nPHOTO: A port in Busan",
        ["Home | World | Markets", "Exports rose 3%", "PHOTO: A port in Busan"],
    ),
    (
        "headline_then_dateline",
        "KOREA SURPLUS WIDENS\nSEOUL, March 2 - The surplus widened to 1.2 billion dlrs in\n"
        "February from a year earlier, officials\nsaid on Monday afternoon in Seoul.",
        [
            "KOREA SURPLUS WIDENS",
            "SEOUL, March 2 - The surplus widened to 1.2 billion dlrs in\n"
            "February from a year earlier, officials\nsaid on Monday afternoon in Seoul.",
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [s[1:] for s in SENTENCES], ids=[s[0] for s in SENTENCES]
)
def test_sentences(annotator, text, expected):
    assert _sentences(annotator, text) == expected


def test_cues_carry_their_rule_ids(annotator):
    annotation = annotator.annotate("South Korea's chip exports to the U.S. rose 5% in March.")
    found = {(c.label, c.text) for c in annotation.cues}
    assert {
        ("PLACE", "South Korea"),
        ("COMMODITY", "chip"),
        ("FLOW", "exports"),
        ("PLACE", "U.S."),
        ("CHANGE", "rose"),
        ("PERIOD", "March"),
    } <= found
    assert all(c.rule_id and "." in c.rule_id for c in annotation.cues)
    spans = annotation.doc.spans["trade"]
    assert {span.id_ for span in spans} >= {c.rule_id for c in annotation.cues}


def test_figures_win_over_cues_inside_them(annotator):
    annotation = annotator.annotate("worth 48.01 billion U.S. Dollars")
    assert [c.text for c in annotation.cues if c.label == "PLACE"] == []


def test_periods_win_over_the_numbers_inside_them(annotator):
    annotation = annotator.annotate("in the first 20 days of February 1987")
    assert [c.text for c in annotation.cues if c.label == "PERIOD"] == [
        "first 20 days of February 1987"
    ]
    assert annotation.figures == []


def test_masked_regions_keep_offsets_but_yield_nothing(annotator):
    text = "date 2024-03-01 Exports rose 5% in February."
    annotation = annotator.annotate(text, masked=[(0, 16)])
    assert all(c.start >= 16 for c in annotation.cues)
    assert [f.text for f in annotation.figures] == ["5%"]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("exports in the first half of FY25 rose", "first half of FY25"),
        ("in Q2 FY2024-25, imports fell", "Q2 FY2024-25"),
        ("in the first quarter of fiscal 2025 exports", "first quarter of fiscal 2025"),
        ("in the third quarter of FY 2023/24", "third quarter of FY 2023/24"),
        (
            "in the first ten months of the 1986/87 fiscal year ending June 30",
            "first ten months of the 1986/87 fiscal year ending June 30",
        ),
    ],
)
def test_part_of_a_fiscal_year_is_one_period(annotator, text, period):
    annotation = annotator.annotate(text)
    periods = [c for c in annotation.cues if c.label == "PERIOD"]
    assert [c.text for c in periods] == [period]
    assert periods[0].rule_id == "period.part_of_fiscal_year"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("in the 1986/87 fiscal year ended March 31", "1986/87 fiscal year ended March 31"),
        ("in fiscal 2024, which ended on June 30,", "fiscal 2024, which ended on June 30"),
    ],
)
def test_fiscal_year_with_its_end_is_one_period(annotator, text, period):
    periods = [c for c in annotator.annotate(text).cues if c.label == "PERIOD"]
    assert [c.text for c in periods] == [period]
    assert periods[0].rule_id == "period.fiscal_year_ended"


def test_calendar_half_stays_a_calendar_half(annotator):
    annotation = annotator.annotate("exports in the first half of 2024 and the first half")
    assert [c.rule_id for c in annotation.cues if c.label == "PERIOD"] == [
        "period.half_year",
        "period.half",
    ]
