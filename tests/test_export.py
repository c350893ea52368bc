"""Writing results (`extractor/export.py`): JSONL, flat DataFrames / Parquet, highlighted HTML."""

from __future__ import annotations

import html
import io
import json
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.export import COLUMNS, fact_row, to_dataframe, to_html, write_jsonl, write_parquet
from extractor.models import (
    ArticleResult,
    Change,
    Commodity,
    Mention,
    Period,
    Place,
    Provenance,
    Streak,
    TradeFact,
    Value,
)

TEXT = (
    "date 2024-06-01\n"
    "Korea's chip exports to China rose 5.1% to $9.8 billion in May, up for the third "
    "straight month, the trade ministry said."
)
SENTENCE_START = TEXT.index("Korea")


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def full_fact(text: str = TEXT, doc_id: str = "kr-2024-05") -> TradeFact:
    """A fact with every optional field filled, its spans pointing into `text`."""
    return TradeFact(
        id=f"{doc_id}:0016-0130",
        doc_id=doc_id,
        flow="export",
        reporter=Place(code="KOR", name="South Korea", text="Korea"),
        partner=Place(code="CHN", name="China", text="China"),
        commodity=Commodity(name="semiconductors", hs="8542", text="chip"),
        period=Period(
            start=date(2024, 5, 1), end=date(2024, 5, 31), granularity="month", text="May"
        ),
        value=Value(amount=9.8e9, currency="USD", unit=None, text="$9.8 billion"),
        change=Change(percent=5.1, basis="year_on_year", text="rose 5.1%"),
        streak=Streak(count=3, unit="month", text="up for the third straight month"),
        qualifiers=["preliminary", "customs_cleared"],
        source="trade ministry",
        confidence=0.9,
        provenance=Provenance(
            doc_id=doc_id,
            path=f"in/{doc_id}.txt",
            sha256="0" * 64,
            sentence=text[SENTENCE_START:],
            start=SENTENCE_START,
            end=len(text),
            spans={
                name: at(text, piece)
                for name, piece in [
                    ("reporter", "Korea"),
                    ("commodity", "chip"),
                    ("partner", "China"),
                    ("change", "rose 5.1%"),
                    ("value", "$9.8 billion"),
                    ("period", "May"),
                    ("streak", "up for the third straight month"),
                    ("source", "trade ministry"),
                ]
            },
            rules=["flow.export.exports", "change.verb_percent"],
            extractor="test",
        ),
    )


def bare_fact() -> TradeFact:
    """A fact with only a flow and a change: every optional field empty."""
    return TradeFact(
        id="bare:0000-0010",
        doc_id="bare",
        flow="import",
        reporter=None,
        partner=None,
        commodity=None,
        period=None,
        value=None,
        change=Change(percent=-2.0, basis="unspecified", text="fell 2%"),
        streak=None,
        qualifiers=[],
        source=None,
        confidence=0.5,
        provenance=Provenance(
            doc_id="bare",
            path=None,
            sha256="1" * 64,
            sentence="Imports fell 2%.",
            start=0,
            end=16,
            spans={"change": (8, 15)},
            rules=[],
            extractor="test",
        ),
    )


def mention() -> Mention:
    return Mention(
        doc_id="kr-2024-05",
        kind="money",
        text="$9.8 billion",
        start=58,
        end=70,
        value=9.8e9,
        unit="USD",
        rule="money.symbol_amount_scale",
    )


# --- flat rows and DataFrames --------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("reporter", "KOR"),
        ("reporter_name", "South Korea"),
        ("partner", "CHN"),
        ("commodity", "semiconductors"),
        ("hs", "8542"),
        ("period_start", date(2024, 5, 1)),
        ("granularity", "month"),
        ("period_inferred", False),
        ("amount", 9.8e9),
        ("currency", "USD"),
        ("bound", "="),
        ("change_percent", 5.1),
        ("basis", "year_on_year"),
        ("streak_count", 3),
        ("qualifiers", "preliminary,customs_cleared"),
        ("source", "trade ministry"),
        ("rules", "flow.export.exports,change.verb_percent"),
        ("path", "in/kr-2024-05.txt"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isidentifier() else None,
)
def test_fact_row_flattens_each_field(column, expected):
    assert fact_row(full_fact())[column] == expected


def test_fact_row_of_a_bare_fact_has_empty_cells():
    row = fact_row(bare_fact())
    assert list(row) == COLUMNS
    empty = {c for c, v in row.items() if v is None}
    assert empty == {
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
        "streak_count",
        "streak_unit",
        "source",
        "path",
    }
    assert (row["qualifiers"], row["rules"]) == ("", "")


def is_string(dtype) -> bool:
    import pandas as pd

    return isinstance(dtype, pd.StringDtype)


def is_datetime(dtype) -> bool:
    import pandas as pd

    return pd.api.types.is_datetime64_any_dtype(dtype)


EXPECTED_DTYPES = {
    **{c: is_string for c in COLUMNS},
    "period_start": is_datetime,
    "period_end": is_datetime,
    "amount": "float64",
    "change_percent": "float64",
    "confidence": "float64",
    "streak_count": "Int64",
    "period_inferred": "boolean",
}


@pytest.mark.parametrize(
    "facts",
    [[full_fact()], [full_fact(), bare_fact()], [bare_fact()], []],
    ids=["full", "full-and-bare", "only-bare", "no-facts"],
)
def test_dataframe_has_the_contract_columns_and_stable_dtypes(facts):
    pytest.importorskip("pandas")
    frame = to_dataframe(facts)
    assert list(frame.columns) == COLUMNS
    assert len(frame) == len(facts)
    for column, expected in EXPECTED_DTYPES.items():
        dtype = frame[column].dtype
        if callable(expected):
            assert expected(dtype), (column, dtype)
        else:
            assert str(dtype) == expected, (column, dtype)


def test_dataframe_values_and_missing_cells():
    pd = pytest.importorskip("pandas")
    frame = to_dataframe([full_fact(), bare_fact()])
    assert list(frame["id"]) == ["kr-2024-05:0016-0130", "bare:0000-0010"]
    assert frame.loc[0, "period_start"] == pd.Timestamp("2024-05-01")
    assert frame.loc[0, "amount"] == 9.8e9
    assert frame.loc[0, "streak_count"] == 3
    assert frame["partner"].isna().tolist() == [False, True]
    assert frame["amount"].isna().tolist() == [False, True]
    assert frame["period_start"].isna().tolist() == [False, True]
    assert frame.loc[1, "change_percent"] == -2.0


def test_parquet_round_trip_keeps_rows_and_dtypes(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    path = tmp_path / "facts.parquet"
    facts = [full_fact(), bare_fact()]
    assert write_parquet(facts, str(path)) == 2
    back = pd.read_parquet(path)
    assert list(back.columns) == COLUMNS
    assert list(back["id"]) == [f.id for f in facts]
    assert back.loc[0, "amount"] == 9.8e9
    assert str(back["streak_count"].dtype) == "Int64"
    assert back["period_start"].isna().tolist() == [False, True]


# --- JSONL ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "records",
    [[full_fact(), bare_fact()], [mention()], []],
    ids=["facts", "mentions", "nothing"],
)
def test_write_jsonl_round_trip(records):
    stream = io.StringIO()
    assert write_jsonl(records, stream) == len(records)
    lines = stream.getvalue().splitlines(keepends=True)
    assert len(lines) == len(records)
    assert all(line.endswith("\n") and "\n" not in line[:-1] for line in lines)
    back = [type(r).model_validate_json(line) for r, line in zip(records, lines, strict=True)]
    assert back == records


def test_write_jsonl_accepts_a_generator_and_keeps_non_ascii():
    fact = full_fact().model_copy(
        update={"value": Value(amount=9.8e9, currency="JPY", unit=None, text="¥9.8 billion")}
    )
    stream = io.StringIO()
    assert write_jsonl((f for f in [fact]), stream) == 1
    line = stream.getvalue()
    assert json.loads(line)["value"]["text"] == "¥9.8 billion"
    assert TradeFact.model_validate_json(line) == fact


# --- HTML ----------------------------------------------------------------------------------


def page_text(page: str) -> str:
    """The article as a reader sees it: tags dropped, entities decoded."""
    pre = re.search(r"<pre[^>]*>(.*)</pre>", page, re.S)
    assert pre is not None
    return html.unescape(re.sub(r"<[^>]+>", "", pre.group(1)))


HOSTILE = (
    'date 2024-06-01\n<script>alert("x")</script> Korea\'s chip exports to China rose 5.1% '
    "to $9.8 billion in May, up for the third straight month, the trade ministry said "
    "& AT&T <b>cheered</b>."
)


def test_html_escapes_article_text_and_marks_fields():
    text = HOSTILE
    fact = full_fact(text=text, doc_id="<kr & co>")
    result = ArticleResult(doc_id="<kr & co>", facts=[fact], text=text)
    page = to_html(result)
    assert "<script>" not in page and "<b>cheered</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "AT&amp;T &lt;b&gt;cheered&lt;/b&gt;" in page
    assert "<h3>&lt;kr &amp; co&gt;</h3>" in page
    marked = re.findall(r"<mark [^>]*>(.*?)</mark>", page.split("<pre", 1)[1])
    assert marked == [
        "Korea",
        "chip",
        "China",
        "rose 5.1%",
        "$9.8 billion",
        "May",
        "up for the third straight month",
        "trade ministry",
    ]
    assert page_text(page) == text


def test_html_title_attribute_cannot_break_out():
    fact = full_fact(text=HOSTILE)
    fact = fact.model_copy(update={"source": 'ministry" onmouseover="alert(1)'})
    page = to_html(ArticleResult(doc_id="d", facts=[fact], text=HOSTILE))
    assert 'onmouseover="alert(1)"' not in page
    for tag in re.findall(r"<mark [^>]*>", page):
        assert re.fullmatch(r'<mark style="[^"]*"(?: title="[^"]*")?>', tag), tag


def test_html_of_an_article_without_facts_is_just_the_text():
    page = to_html(ArticleResult(doc_id="none", facts=[], text="Tea & <coffee>"))
    assert page_text(page) == "Tea & <coffee>"
    assert "<mark" not in page.split("<pre", 1)[1]


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(min_size=1, max_size=80),
    spans=st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=6),
)
def test_html_always_shows_the_whole_text_once(text, spans):
    """Overlapping or nested spans never duplicate or drop text."""
    ends = [sorted((a % (len(text) + 1), b % (len(text) + 1))) for a, b in spans]
    cut = sorted({(start, end) for start, end in ends if start < end})
    names = ["value", "change", "reporter", "partner", "period", "commodity"]
    facts = [
        bare_fact().model_copy(
            update={
                "provenance": bare_fact().provenance.model_copy(
                    update={"spans": {names[i % len(names)]: span}}
                )
            }
        )
        for i, span in enumerate(cut)
    ]
    page = to_html(ArticleResult(doc_id="d", facts=facts, text=text))
    assert page_text(page) == text
