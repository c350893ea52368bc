"""The Python API (`extractor/api.py`): `extract` one text, stream a corpus with
`extract_corpus`; and the invariants every result keeps, whatever the text."""

from __future__ import annotations

import hashlib
import json
import types
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, target
from hypothesis import strategies as st

from extractor import api
from extractor.api import CorpusRun, extract, extract_corpus
from extractor.ingest import Skip
from extractor.models import ArticleResult, TradeFact

# Span keys that name a field with surface text; `flow` has a span but no `text` field.
TEXT_FIELDS = ("reporter", "partner", "commodity", "period", "value", "change", "streak")


def field_text(fact: TradeFact, name: str) -> str | None:
    if name == "source":
        return fact.source
    field = getattr(fact, name)
    return field.text if field is not None else None


def assert_evidence_slices(result: ArticleResult, text: str) -> None:
    """The contract's invariant: every span slices the original text to its field's text."""
    for fact in result.facts:
        spans = fact.provenance.spans
        assert set(spans) <= {*TEXT_FIELDS, "source", "flow"}, spans
        for name, (start, end) in spans.items():
            assert 0 <= start <= end <= len(text), (name, start, end)
            if name != "flow":
                assert text[start:end] == field_text(fact, name), (name, fact.id)
        # Every field with surface text carries its span (house style: evidence travels along).
        for name in TEXT_FIELDS:
            assert getattr(fact, name) is None or name in spans, (name, fact.id, spans)
        assert 0 <= fact.provenance.start <= fact.provenance.end <= len(text)
        assert fact.provenance.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert fact.doc_id == fact.provenance.doc_id == result.doc_id
    for mention in result.mentions:
        assert text[mention.start : mention.end] == mention.text, mention


# --- extract -------------------------------------------------------------------------------

ARTICLES = {
    "header-and-two-flows": (
        "date 2024-05-10\n"
        "South Korea's exports rose 5.1% to $48.2 billion in April from a year earlier. "
        "Imports slipped 2.3% to $45.6 billion, the trade ministry said.\n"
    ),
    "partner-and-commodity": (
        "Japan's car exports to the United States climbed 12.4 percent in March, the finance "
        "ministry said on Thursday.\n"
    ),
    "balance-deficit": (
        "India posted a trade deficit of $21.1 billion in February as imports of gold jumped.\n"
    ),
    "wire-dateline": (
        "date 1987-03-02\nTOKYO, March 2 - Japan's exports to China fell 8.2 pct in February, "
        "while imports rose 3.1 pct.\n"
    ),
    "markup-and-symbols": (
        "<p>Thailand&rsquo;s rice exports &gt; rose 7% to 1.2 million tonnes in June.</p>\n"
    ),
}


@pytest.mark.parametrize("text", list(ARTICLES.values()), ids=list(ARTICLES))
def test_extract_spans_slice_the_text(text):
    result = extract(text, published="2024-06-15", doc_id="art-1", path="in/art-1.txt")
    assert isinstance(result, ArticleResult)
    assert result.doc_id == "art-1" and result.path == "in/art-1.txt"
    assert result.text == text
    assert all(f.provenance.path == "in/art-1.txt" for f in result.facts)
    assert_evidence_slices(result, text)


def test_extract_reads_two_facts_from_a_plain_article():
    text = ARTICLES["header-and-two-flows"]
    result = extract(text, doc_id="kr")
    assert (result.published, result.published_source) == (date(2024, 5, 10), "header")
    assert [(f.flow, f.change.percent if f.change else None) for f in result.facts][:2] == [
        ("export", 5.1),
        ("import", -2.3),
    ]
    export = result.facts[0]
    assert export.reporter is not None and export.reporter.code == "KOR"
    assert export.value is not None and (export.value.amount, export.value.currency) == (
        48.2e9,
        "USD",
    )
    assert export.period is not None
    assert (export.period.start, export.period.end) == (date(2024, 4, 1), date(2024, 4, 30))
    # Offsets count from the file's first character, header included.
    assert export.provenance.spans["value"][0] == text.index("$48.2 billion")


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2024-06-15", date(2024, 6, 15)), (date(2024, 6, 15), date(2024, 6, 15))],
    ids=["iso-string", "date-object"],
)
def test_extract_published_sets_the_date_and_wins_over_the_header(published, expected):
    result = extract("date 2020-01-01\nPeru's exports rose 3% in May.", published=published)
    assert (result.published, result.published_source) == (expected, "cli")


def test_extract_rejects_a_published_that_is_not_a_date():
    with pytest.raises(ValueError):
        extract("Peru's exports rose 3%.", published="15/06/2024")


def test_the_date_header_yields_no_mentions():
    text = "date 2024-05-10\nKorea's exports rose 5.1% in April."
    result = extract(text)
    header_end = len("date 2024-05-10")
    assert result.mentions
    assert all(m.start >= header_end for m in result.mentions), result.mentions


def test_extract_without_doc_id_has_a_default_id():
    result = extract("Kenya's tea exports rose 4% to $120 million in May.", published="2024-06-01")
    assert result.doc_id == "doc"
    assert all(f.doc_id == "doc" for f in result.facts)


# --- extract_corpus ------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text(
        "date 2024-05-10\nKorea's exports rose 5.1% to $48.2 billion in April.\n", encoding="utf-8"
    )
    (root / "b.txt").write_bytes(b"\x00\x00binary")
    (root / "c.txt").write_text("Peru's copper exports fell 4% in May.\n", encoding="utf-8")
    (root / "d.md").write_text(
        "Ghana's cocoa exports rose 9% to $310 million in March.\n", encoding="utf-8"
    )
    return root


def test_extract_corpus_streams_results_and_skips_in_file_order(corpus):
    events: list[tuple[str, str]] = []
    run = CorpusRun()
    results = extract_corpus(
        corpus,
        published="2024-06-01",
        mentions=True,
        run=run,
        on_skip=lambda skip: events.append(("skip", Path(skip.path).name)),
    )
    assert isinstance(results, types.GeneratorType)
    assert events == [] and run.articles == 0, "nothing is read before iteration"
    for result in results:
        events.append(("result", result.doc_id))
    assert events == [("result", "a"), ("skip", "b.txt"), ("result", "c"), ("result", "d")]
    assert run.articles == 3
    assert [Path(s.path).name for s in run.skipped] == ["b.txt"]
    assert "binary" in run.skipped[0].reason


def test_extract_corpus_applies_the_default_date_only_where_missing(corpus):
    results = {r.doc_id: r for r in extract_corpus(corpus, published=date(2024, 6, 1))}
    assert (results["a"].published, results["a"].published_source) == (date(2024, 5, 10), "header")
    assert (results["c"].published, results["c"].published_source) == (date(2024, 6, 1), "cli")


@pytest.mark.parametrize(
    ("mentions", "expect_any"), [(False, False), (True, True)], ids=["facts-only", "with-mentions"]
)
def test_extract_corpus_mentions_flag(corpus, mentions, expect_any):
    results = list(extract_corpus(corpus, mentions=mentions))
    assert bool(any(r.mentions for r in results)) is expect_any


def test_extract_corpus_counts_facts(corpus):
    run = CorpusRun()
    results = list(extract_corpus([corpus / "a.txt", corpus / "d.md"], run=run))
    assert run.facts == sum(len(r.facts) for r in results) > 0
    assert run.articles == 2 and run.skipped == []


def test_an_article_that_breaks_the_extractor_is_skipped_and_the_rest_go_on(
    corpus, monkeypatch, caplog
):
    real = api.assemble

    def assemble(document, *args, **kwargs):
        if document.doc_id == "c":
            raise ZeroDivisionError("a rule divided by zero")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(api, "assemble", assemble)
    skips: list[Skip] = []
    run = CorpusRun()
    with caplog.at_level("WARNING", logger="extractor"):
        results = list(extract_corpus(corpus, on_skip=skips.append, run=run))
    assert [r.doc_id for r in results] == ["a", "d"]
    assert [Path(s.path).name for s in skips] == ["b.txt", "c.txt"]
    failed = skips[1]
    assert failed.reason.startswith("extraction failed")
    assert "ZeroDivisionError" in failed.reason and "a rule divided by zero" in failed.reason
    assert run.skipped == skips and run.articles == 2
    assert any("c.txt" in record.getMessage() for record in caplog.records)


def test_a_failing_article_in_a_jsonl_batch_is_named_by_file_line_and_id(tmp_path, monkeypatch):
    real = api.assemble

    def assemble(document, *args, **kwargs):
        if document.doc_id == "second":
            raise RuntimeError("boom")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(api, "assemble", assemble)
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "\n".join(
            json.dumps({"id": name, "text": "Peru's exports rose 3% in May."})
            for name in ("first", "second", "third")
        ),
        encoding="utf-8",
    )
    skips: list[Skip] = []
    results = list(extract_corpus(batch, on_skip=skips.append))
    assert [r.doc_id for r in results] == ["first", "third"]
    [skip] = skips
    assert (skip.path, skip.line) == (str(batch), 2)
    assert str(skip).startswith(f"{batch}:2: extraction failed for second: RuntimeError")


def test_extract_corpus_accepts_a_missing_path_as_a_skip(tmp_path):
    skips: list[Skip] = []
    assert list(extract_corpus(tmp_path / "missing", on_skip=skips.append)) == []
    assert [s.reason for s in skips] == ["no such file or folder"]


# --- invariants ----------------------------------------------------------------------------

TRADE_WORDS = [
    "exports",
    "imports",
    "Exports",
    "trade",
    "surplus",
    "deficit",
    "rose",
    "fell",
    "jumped",
    "slumped",
    "to",
    "from",
    "in",
    "a year earlier",
    "Japan's",
    "China",
    "South Korea's",
    "the EU",
    "U.S.",
    "chips",
    "crude oil",
    "cars",
    "percent",
    "pct",
    "billion",
    "million",
    "trillion",
    "up",
    "down",
    "for the",
    "straight month",
    "in a row",
    "the first quarter",
    "fiscal 2023",
    "last month",
    "date 2024-05-10",
    "TOKYO, March 2 -",
    "Published: 14 March 2024",
    "(",
    ")",
    "-",
    "–",
    "said",
]
MONTHS = [
    "January",
    "Feb",
    "March",
    "Apr.",
    "May",
    "June",
    "Jul",
    "August",
    "Sept",
    "October",
    "Nov.",
    "December",
    "January-March",
    "H1",
    "Q3",
    "2023",
    "1987",
]
NUMBERS = st.one_of(
    st.integers(-10_000, 10_000_000).map(str),
    st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.floats(0, 1e4, allow_nan=False).map(lambda x: f"{x:,.2f}"),
    st.integers(0, 999).map(lambda n: f"{n}%"),
)
CURRENCIES = ["$", "US$", "¥", "€", "£", "₩", "Rs.", "RMB", "HK$", "A$"]
CURRENCY = st.sampled_from(CURRENCIES + ["dlrs", "yen", "won", "euros"])
TOKENS = st.one_of(
    st.sampled_from(TRADE_WORDS),
    st.sampled_from(MONTHS),
    NUMBERS,
    CURRENCY,
    st.builds(lambda c, n: c + n, CURRENCY, NUMBERS),
    st.text(max_size=4),
)
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", "\n\n", "", "  "])
WORD_SOUP = st.lists(st.tuples(TOKENS, SEPARATORS), max_size=25).map(
    lambda pairs: "".join(token + sep for token, sep in pairs)
)


def _sentence(
    reporter, goods, flow, partner, verb, percent, sign, currency, amount, scale, period, tail
):
    return (
        f"{reporter} {goods}{flow}{partner} {verb} {percent}{sign} to {currency}{amount}"
        f"{scale} {period}{tail}."
    ).strip()


# Sentences built the way trade news states facts, so the span invariants are not vacuous.
TRADE_SENTENCE = st.builds(
    _sentence,
    st.sampled_from(
        [
            "Japan's",
            "South Korea's",
            "China's",
            "Germany's",
            "India's",
            "The EU's",
            "Vietnam's",
            "Taiwan's",
            "",
        ]
    ),
    st.sampled_from(["", "chip ", "car ", "crude oil ", "rice ", "steel ", "LNG "]),
    st.sampled_from(
        ["exports", "imports", "shipments", "trade surplus", "trade deficit", "two-way trade"]
    ),
    st.sampled_from(["", " to China", " to the United States", " from Russia", " with the EU"]),
    st.sampled_from(
        ["rose", "fell", "jumped", "slumped", "climbed", "grew", "were up", "narrowed", "widened"]
    ),
    st.floats(0, 250, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.sampled_from(["%", " percent", " pct", " per cent"]),
    st.sampled_from(CURRENCIES),
    st.floats(0, 999, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.sampled_from([" billion", " million", " trillion", " bln", " mln", "bn", ""]),
    st.sampled_from(
        [
            "in April",
            "in March 2023",
            "last month",
            "in the first quarter",
            "in January-March",
            "in fiscal 2023",
            "in the first 20 days of May",
            "from a year earlier",
            "on-year",
            "",
            "in 1987",
        ]
    ),
    st.sampled_from(
        [
            "",
            ", the trade ministry said",
            ", customs data showed",
            ", up for the third straight month",
            ", the 21st month in a row",
            ", preliminary data showed",
        ]
    ),
)
HEADER = st.sampled_from(
    [
        "",
        "",
        "date 2024-05-10\n",
        "TOKYO, March 2 - ",
        "date 1987-03-02\nSEOUL (Agency - 1st Feb, 1987 ) : ",
        "Menu\nPublished: 14 March 2024\n",
        "date 2024-13-40\n",
    ]
)
TRADE_TEXT = st.builds(
    lambda header, parts: header + "".join(part + sep for part, sep in parts),
    HEADER,
    st.lists(st.tuples(TRADE_SENTENCE | WORD_SOUP, SEPARATORS), min_size=1, max_size=5),
)
ANY_TEXT = st.text(max_size=300) | TRADE_TEXT
PUBLISHED = st.none() | st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
PROPERTY = settings(max_examples=150, deadline=None)


@PROPERTY
@given(text=st.text(max_size=300), published=PUBLISHED)
def test_any_text_extracts_without_error_and_spans_slice(text, published):
    result = extract(text, published=published, doc_id="p")
    assert_evidence_slices(result, text)


@PROPERTY
@given(text=TRADE_TEXT, published=PUBLISHED)
def test_trade_like_text_extracts_without_error_and_spans_slice(text, published):
    result = extract(text, published=published, doc_id="p")
    target(float(len(result.facts)))
    assert_evidence_slices(result, text)


def test_the_trade_text_strategy_reaches_facts():
    """Guards the property above against going vacuous: most generated texts hold facts."""
    counts: list[int] = []

    # derandomized: a fixed sample, so the guard cannot fail on an unlucky draw; large enough
    # that the sample holds texts of several trade sentences whatever seed Hypothesis derives
    @settings(max_examples=200, deadline=None, database=None, derandomize=True)
    @given(text=TRADE_TEXT)
    def sample(text):
        counts.append(len(extract(text, published="2024-05-10").facts))

    sample()
    assert sum(count >= 1 for count in counts) >= len(counts) // 2, counts
    assert max(counts) >= 3, counts


@PROPERTY
@given(text=ANY_TEXT, other=TRADE_TEXT, published=PUBLISHED)
def test_extract_is_deterministic(text, other, published):
    """Same input, same output, even with another article extracted in between."""
    first = extract(text, published=published, doc_id="p")
    extract(other, doc_id="q")
    second = extract(text, published=published, doc_id="p")
    assert first.model_dump(mode="json") == second.model_dump(mode="json")
