"""Reading inputs (`extractor/ingest.py`): files and folders into Documents, or Skips that say
which file (and line) could not be read and why. Nothing here may raise on bad input."""

from __future__ import annotations

import errno
import json
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.ingest import (
    Document,
    Skip,
    parse_published,
    prepare,
    read_documents,
    read_path,
    walk,
)


def write(root: Path, relative: str, content: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_all(*paths: Path | str, **kwargs) -> tuple[list[Document], list[Skip]]:
    entries = list(read_documents(paths, **kwargs))
    assert all(isinstance(e, (Document, Skip)) for e in entries)
    return (
        [e for e in entries if isinstance(e, Document)],
        [e for e in entries if isinstance(e, Skip)],
    )


ARTICLE = "Chile's copper exports rose 4% in June.\n"


# --- document ids and folder walking -----------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "given", "expected_ids"),
    [
        (["japan/2021-01.txt"], ".", ["japan/2021-01"]),
        (["japan/2021-01.txt"], "japan", ["2021-01"]),
        (["japan/2021-01.txt"], "japan/2021-01.txt", ["2021-01"]),
        (["notes/kr-may.md"], ".", ["notes/kr-may"]),
        (["a/b/c/deep.txt"], "a", ["b/c/deep"]),
        (["v1.2.report.txt"], ".", ["v1.2.report"]),
        (["UPPER.TXT"], ".", ["UPPER"]),
    ],
    ids=[
        "folder-relative-path",
        "subfolder-as-root",
        "single-file-stem",
        "markdown",
        "nested-folders",
        "dots-in-stem",
        "upper-case-suffix",
    ],
)
def test_doc_id_is_relative_path_without_extension(tmp_path, files, given, expected_ids):
    for name in files:
        write(tmp_path, name, ARTICLE)
    documents, skips = read_all(tmp_path / given)
    assert skips == []
    assert [d.doc_id for d in documents] == expected_ids
    assert all(d.text == ARTICLE for d in documents)


def test_folders_are_walked_recursively_in_sorted_order_skipping_hidden_and_other_files(tmp_path):
    for name in [
        "zeta.txt",
        "alpha.md",
        "mid/beta.txt",
        "mid/inner/gamma.txt",
        "0-first.txt",
        ".hidden.txt",
        ".git/objects.txt",
        "mid/.draft/secret.txt",
        "table.csv",
        "page.html",
        "README",
    ]:
        write(tmp_path, name, ARTICLE)
    documents, skips = read_all(tmp_path)
    assert skips == []
    assert [d.doc_id for d in documents] == [
        "0-first",
        "alpha",
        "mid/beta",
        "mid/inner/gamma",
        "zeta",
    ]


def test_walk_is_deterministic_regardless_of_creation_order(tmp_path):
    names = ["c.txt", "a.txt", "b/z.txt", "b/a.txt"]
    for name in names:
        write(tmp_path / "one", name, ARTICLE)
    for name in reversed(names):
        write(tmp_path / "two", name, ARTICLE)
    one = [d.doc_id for d in read_all(tmp_path / "one")[0]]
    two = [d.doc_id for d in read_all(tmp_path / "two")[0]]
    assert one == two == ["a", "b/a", "b/z", "c"]


def test_a_root_inside_a_hidden_folder_is_still_read(tmp_path):
    write(tmp_path, ".cache/corpus/kr.txt", ARTICLE)
    documents, skips = read_all(tmp_path / ".cache" / "corpus")
    assert skips == []
    assert [d.doc_id for d in documents] == ["kr"]


def test_several_paths_are_read_in_the_order_given(tmp_path):
    write(tmp_path, "b/one.txt", ARTICLE)
    write(tmp_path, "a/two.txt", ARTICLE)
    documents, _ = read_all(tmp_path / "b", tmp_path / "a")
    assert [d.doc_id for d in documents] == ["one", "two"]


def test_walk_yields_each_file_with_its_root(tmp_path):
    file = write(tmp_path, "x/y.txt", ARTICLE)
    assert list(walk([tmp_path])) == [(file, tmp_path)]
    assert list(walk([file])) == [(file, None)]


def test_text_file_keeps_path_and_exact_text(tmp_path):
    content = "date 2024-02-01\r\nThailand's rice exports fell 3%.\r\n"
    path = write(tmp_path, "th.txt", content.encode("utf-8"))
    [document] = read_all(path)[0]
    assert document.text == content  # CRLF kept: offsets count over the text as read
    assert document.path == str(path)


# --- JSON and JSONL ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            {"id": "a1", "text": "Peru's exports rose."},
            {"doc_id": "a1", "text": "Peru's exports rose.", "published": None, "title": None},
        ),
        (
            {"id": "a2", "body": "Ghana's imports fell."},
            {"doc_id": "a2", "text": "Ghana's imports fell.", "published": None, "title": None},
        ),
        (
            {
                "id": "a3",
                "text": "Oman's trade grew.",
                "published": "2023-07-04",
                "title": "Oman trade",
            },
            {
                "doc_id": "a3",
                "text": "Oman's trade grew.",
                "published": date(2023, 7, 4),
                "title": "Oman trade",
            },
        ),
        (
            {"id": "a4", "text": "Fiji's exports rose.", "published": "2023-07-04T09:30:00+09:00"},
            {
                "doc_id": "a4",
                "text": "Fiji's exports rose.",
                "published": date(2023, 7, 4),
                "title": None,
            },
        ),
        (
            {"id": "a5", "text": "Japan's exports rose.", "published": "26-FEB-1987 15:51:51.24"},
            {
                "doc_id": "a5",
                "text": "Japan's exports rose.",
                "published": date(1987, 2, 26),
                "title": None,
            },
        ),
        (
            {"id": 17, "text": "Chad's exports rose."},
            {"doc_id": "17", "text": "Chad's exports rose.", "published": None, "title": None},
        ),
        (
            {"text": "Laos's exports rose."},
            {"doc_id": "batch:1", "text": "Laos's exports rose.", "published": None, "title": None},
        ),
        (
            {"id": "a8", "text": "Mali's exports rose.", "published": "sometime soon"},
            {"doc_id": "a8", "text": "Mali's exports rose.", "published": None, "title": None},
        ),
    ],
    ids=[
        "id-and-text",
        "body-instead-of-text",
        "iso-date-and-title",
        "iso-datetime",
        "wire-timestamp",
        "numeric-id",
        "missing-id-falls-back-to-file-and-line",
        "unparseable-published-is-ignored",
    ],
)
def test_jsonl_article_fields(tmp_path, line, expected):
    path = write(tmp_path, "batch.jsonl", json.dumps(line) + "\n")
    documents, skips = read_all(path)
    assert skips == []
    [document] = documents
    got = {
        "doc_id": document.doc_id,
        "text": document.text,
        "published": document.published,
        "title": document.title,
    }
    assert got == expected
    assert document.path == str(path)
    assert document.published_source == ("json" if expected["published"] else None)


def test_jsonl_reads_one_article_per_line_skipping_blank_lines(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": f"Article {i} exports rose."}) for i in range(3)]
    path = write(tmp_path, "batch.jsonl", lines[0] + "\n\n" + lines[1] + "\n" + lines[2])
    documents, skips = read_all(path)
    assert skips == []
    assert [(d.doc_id, d.line) for d in documents] == [("n0", 1), ("n1", 3), ("n2", 4)]


def test_only_jsonl_articles_carry_a_line_number(tmp_path):
    text_file = write(tmp_path, "a.txt", ARTICLE)
    json_file = write(tmp_path, "b.json", json.dumps([{"id": "j", "text": ARTICLE}]))
    assert [d.line for d in read_all(text_file, json_file)[0]] == [None, None]


@pytest.mark.parametrize(
    ("payload", "expected_ids"),
    [
        ({"id": "solo", "text": "Kenya's tea exports rose."}, ["solo"]),
        (
            [{"id": "x", "text": "Nepal's imports fell."}, {"id": "y", "body": "Iran's exports."}],
            ["x", "y"],
        ),
        ({"articles": [{"id": "p", "text": "Cuba's exports rose."}]}, ["p"]),
        ([{"text": "No id here."}], ["feed#0"]),
    ],
    ids=["single-object", "list-of-objects", "articles-wrapper", "missing-id-falls-back-to-index"],
)
def test_json_file_holds_an_object_or_a_list(tmp_path, payload, expected_ids):
    path = write(tmp_path, "feed.json", json.dumps(payload))
    documents, skips = read_all(path)
    assert skips == []
    assert [d.doc_id for d in documents] == expected_ids


def test_malformed_jsonl_line_is_skipped_and_the_rest_still_read(tmp_path):
    path = write(
        tmp_path,
        "batch.jsonl",
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": "Egypt's exports rose."}),
                '{"id": "broken", "text": "unterminated',
                json.dumps({"id": "ok2", "text": "Peru's imports fell."}),
                json.dumps({"id": "empty", "text": "   "}),
                json.dumps(["not", "an", "object"]),
                json.dumps({"id": "ok3", "body": "Chile's trade grew."}),
            ]
        ),
    )
    documents, skips = read_all(path)
    assert [d.doc_id for d in documents] == ["ok1", "ok2", "ok3"]
    assert [(s.path, s.line) for s in skips] == [(str(path), 2), (str(path), 4), (str(path), 5)]
    assert "malformed JSON line" in skips[0].reason
    assert "no 'text' or 'body'" in skips[1].reason
    assert "JSON object" in skips[2].reason
    assert str(skips[0]).startswith(f"{path}:2: ")


# --- the date header and datelines ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "masked"),
    [
        ("date 2024-05-10\nKorea's exports rose.", date(2024, 5, 10), ["date 2024-05-10"]),
        ("date 2024-05-10 Korea's exports rose.", date(2024, 5, 10), ["date 2024-05-10 "]),
        ("  date 2019-11-30\nPeru's exports fell.", date(2019, 11, 30), ["date 2019-11-30"]),
        ("date 2024-05-10\r\nKorea's exports rose.", date(2024, 5, 10), ["date 2024-05-10"]),
    ],
    ids=["own-line", "leading-token-run", "indented", "crlf"],
)
def test_date_header_gives_published_and_is_masked_in_place(text, published, masked):
    document = prepare(Document(doc_id="d", text=text))
    assert document.text == text  # masking never shifts offsets
    assert (document.published, document.published_source) == (published, "header")
    assert [text[start:end] for start, end in document.masked] == masked


@pytest.mark.parametrize(
    "text",
    [
        "date 2024-13-10\nKorea's exports rose.",
        "date 2023-02-30\nKorea's exports rose.",
    ],
    ids=["month-13", "february-30"],
)
def test_an_impossible_header_date_gives_no_date_at_all(text):
    document = prepare(Document(doc_id="d", text=text))
    assert document.published is None
    assert document.published_source is None


@pytest.mark.parametrize(
    ("text", "published", "place", "masked", "day"),
    [
        (
            "TOKYO, March 2 - Japan's exports rose 3% in February.",
            None,
            "TOKYO",
            "March 2 - ",
            (3, 2),
        ),
        (
            "date 1987-03-02\nTOKYO, March 2 - Japan's exports rose 3% in February.",
            date(1987, 3, 2),
            "TOKYO",
            "March 2 - ",
            (3, 2),
        ),
        (
            "BEIJING, Feb 7 (Reuters) - China's exports rose.",
            None,
            "BEIJING",
            "Feb 7 (Reuters) - ",
            (2, 7),
        ),
        (
            "SEOUL (Agency - 1st Feb, 2021 ) : South Korea's exports rose 11.4 percent.",
            date(2021, 2, 1),
            "SEOUL",
            " (Agency - 1st Feb, 2021 ) : ",
            None,
        ),
        (
            "NEW DELHI, Jan. 15, 2023 (PTI) — India's exports rose.",
            date(2023, 1, 15),
            "NEW DELHI",
            "Jan. 15, 2023 (PTI) — ",
            None,
        ),
        (
            "Korea exports jump\nSEOUL, Feb 1 (Yonhap) -- Exports rose.",
            None,
            "SEOUL",
            "Feb 1 (Yonhap) -- ",
            (2, 1),
        ),
    ],
    ids=[
        "wire-no-year",
        "wire-with-header-year",
        "wire-with-agency",
        "agency-dateline-with-full-date",
        "dateline-with-year",
        "dateline-after-headline",
    ],
)
def test_wire_datelines(text, published, place, masked, day):
    document = prepare(Document(doc_id="d", text=text))
    assert document.published == published
    assert document.dateline_place is not None
    assert text[slice(*document.dateline_place)] == place
    assert masked in [text[start:end] for start, end in document.masked]
    assert document.dateline_day == day


def test_running_text_is_not_mistaken_for_a_dateline():
    text = "Exports rose 4% in May, officials said on Tuesday in a statement to reporters."
    document = prepare(Document(doc_id="d", text=text))
    assert document.dateline_place is None
    assert document.masked == []
    assert document.published is None


@pytest.mark.parametrize(
    ("text", "published", "masked"),
    [
        (
            "Trade news\nPublished: 14 March 2024\nIndia's exports rose 5%.",
            date(2024, 3, 14),
            "Published: 14 March 2024",
        ),
        (
            "Trade news\nUpdated 3:05 PM GMT+8, March 14, 2024\nIndia's exports rose 5%.",
            date(2024, 3, 14),
            "Updated 3:05 PM GMT+8, March 14, 2024",
        ),
        ("The ministry published figures on 3 March 2024.\nExports rose.", None, None),
        ("Menu\nPosted on June 3, 2022\nExports rose.", date(2022, 6, 3), "Posted on June 3, 2022"),
        (
            "Home | Economy\nBy Staff | Mumbai | Published: June 15, 2023 08:12 PM IST\nExports.",
            date(2023, 6, 15),
            "Published: June 15, 2023 08:12 PM IST",
        ),
        ("Karachi · Updated 2 May 2021\nImports rose.", date(2021, 5, 2), "Updated 2 May 2021"),
    ],
    ids=[
        "published",
        "updated-with-time-and-zone",
        "verb-in-running-text-is-not-a-byline",
        "posted-on",
        "after-other-fields-of-the-line",
        "after-a-middle-dot",
    ],
)
def test_web_bylines(text, published, masked):
    document = prepare(Document(doc_id="d", text=text))
    assert document.published == published
    if published is None:
        assert document.published_source is None
    else:
        assert document.published_source == "byline"
        assert masked in [text[start:end] for start, end in document.masked]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", date(2024, 3, 5)),
        ("2024-03-05T23:10:00Z", date(2024, 3, 5)),
        ("26-FEB-1987 15:51:51.24", date(1987, 2, 26)),
        ("26-FEB-1987 15:51:51", date(1987, 2, 26)),
        ("26-feb-1987", date(1987, 2, 26)),
        ("March 3, 2020", date(2020, 3, 3)),
        (date(2001, 9, 9), date(2001, 9, 9)),
        ("", None),
        (None, None),
        (20240305, None),
        ("not a date", None),
    ],
    ids=[
        "iso-date",
        "iso-datetime",
        "wire-with-centiseconds",
        "wire-with-seconds",
        "wire-date-only-lower-case",
        "written-out",
        "date-object",
        "empty",
        "none",
        "bare-number",
        "words",
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("text", "published", "source"),
    [
        ("Peru's exports rose 2% in May.", date(2024, 6, 1), "cli"),
        ("date 2023-01-09\nPeru's exports rose.", date(2023, 1, 9), "header"),
        ("SEOUL (Agency - 1st Feb, 2021 ) : Exports rose.", date(2021, 2, 1), "dateline"),
        ("Menu\nPublished: 14 March 2024\nExports rose.", date(2024, 3, 14), "byline"),
    ],
    ids=["no-date-takes-default", "header-wins", "dateline-wins", "byline-wins"],
)
def test_cli_default_applies_only_when_the_article_has_no_date(text, published, source):
    document = prepare(Document(doc_id="d", text=text), default_published=date(2024, 6, 1))
    assert (document.published, document.published_source) == (published, source)


def test_json_published_wins_over_a_header_in_the_text():
    document = Document(
        doc_id="d",
        text="date 2020-01-01\nExports rose.",
        published=date(2021, 5, 5),
        published_source="json",
    )
    prepare(document, default_published=date(1999, 1, 1))
    assert (document.published, document.published_source) == (date(2021, 5, 5), "json")
    assert [document.text[s:e] for s, e in document.masked] == ["date 2020-01-01"]


# --- bad input: a Skip naming the file, never an exception ---------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("latin1.txt", "Caf\u00e9 exports rose.".encode("latin-1"), "not UTF-8"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\t\n", "empty file"),
        ("empty.jsonl", b"", "empty file"),
        ("broken.json", b'{"id": "x", "text": ', "malformed JSON"),
        ("notext.json", json.dumps({"id": "x", "title": "Only a title"}).encode(), "no 'text'"),
        ("number.json", b"42", "expected an article object"),
        ("badlist.json", json.dumps([7]).encode(), "expected a JSON object"),
        ("latin1.jsonl", '{"id": "x", "text": "Caf\u00e9"}'.encode("latin-1"), "not UTF-8"),
        ("sheet.csv", b"country,exports\nKorea,48.2\n", "unsupported file type"),
    ],
    ids=[
        "non-utf8-text",
        "binary-nul-bytes",
        "empty",
        "whitespace-only",
        "empty-jsonl",
        "malformed-json",
        "json-object-without-text",
        "json-scalar",
        "json-list-of-non-objects",
        "non-utf8-jsonl",
        "unsupported-suffix-given-explicitly",
    ],
)
def test_bad_file_yields_a_skip_naming_it(tmp_path, name, content, reason):
    path = write(tmp_path, name, content)
    documents, skips = read_all(path)
    assert documents == []
    [skip] = skips
    assert skip.path == str(path)
    assert reason in skip.reason
    assert str(skip).startswith(str(path))


def test_non_utf8_reason_says_where_the_bad_byte_is(tmp_path):
    path = write(tmp_path, "latin1.txt", b"Exports rose \xe9")
    [skip] = read_all(path)[1]
    assert "0xe9" in skip.reason and "offset 13" in skip.reason


def test_file_over_the_size_limit_is_skipped_without_reading(tmp_path):
    path = write(tmp_path, "big.txt", "x" * 101)
    small = write(tmp_path, "small.txt", "x" * 100)
    documents, skips = read_all(path, small, max_bytes=100)
    assert [d.doc_id for d in documents] == ["small"]
    [skip] = skips
    assert skip.path == str(path)
    assert "too large" in skip.reason and "101" in skip.reason


def test_missing_path_is_a_skip(tmp_path):
    missing = tmp_path / "nowhere" / "article.txt"
    documents, skips = read_all(missing)
    assert documents == []
    assert [(s.path, s.reason) for s in skips] == [(str(missing), "no such file or folder")]


def test_a_folder_with_bad_files_still_yields_the_good_ones(tmp_path):
    write(tmp_path, "a-good.txt", ARTICLE)
    write(tmp_path, "b-binary.txt", b"\x00\x00\x00")
    write(tmp_path, "c-empty.md", b"")
    write(tmp_path, "d-good.md", ARTICLE)
    documents, skips = read_all(tmp_path)
    assert [d.doc_id for d in documents] == ["a-good", "d-good"]
    assert [Path(s.path).name for s in skips] == ["b-binary.txt", "c-empty.md"]


def test_unreadable_path_is_a_skip(tmp_path):
    folder = tmp_path / "looks-like.txt"
    folder.mkdir()
    [skip] = list(read_path(folder))
    assert isinstance(skip, Skip)
    assert skip.path == str(folder)
    assert skip.reason.startswith("unreadable")


def test_an_os_error_while_reading_is_a_skip_with_its_reason(tmp_path, monkeypatch):
    """What chmod 000 does for a normal user, simulated so it also runs as root."""
    locked = write(tmp_path, "locked.txt", ARTICLE)
    write(tmp_path, "fine.txt", ARTICLE)
    real = Path.read_bytes

    def read_bytes(self):
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    documents, skips = read_all(tmp_path)
    assert [d.doc_id for d in documents] == ["fine"]
    assert [(s.path, s.reason) for s in skips] == [(str(locked), "unreadable: Permission denied")]


# --- invariants ----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content=st.binary(max_size=300) | st.text(max_size=300).map(lambda s: s.encode()),
    suffix=st.sampled_from([".txt", ".md", ".jsonl", ".json"]),
)
def test_reading_any_bytes_never_raises(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(content)
        entries = list(read_documents([path]))
    assert entries, "every file yields at least a Document or a Skip"
    for entry in entries:
        assert isinstance(entry, (Document, Skip))
        if isinstance(entry, Skip):
            assert entry.path == str(path) and entry.reason
        elif suffix in (".txt", ".md"):
            assert entry.text == content.decode("utf-8-sig")


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(max_size=200)
    | st.builds(
        lambda head, body: head + body,
        st.sampled_from(
            [
                "date 2024-05-10\n",
                "TOKYO, March 2 - ",
                "date 2024-13-01 ",
                "SEOUL (Agency - 1st Feb, 2021 ) : ",
                "Published: 4 May 2020\n",
                "BEIJING, Feb 7 (Reuters) -",
                "",
            ]
        ),
        st.text(max_size=120),
    )
)
def test_prepare_never_raises_and_keeps_offsets_in_bounds(text):
    document = prepare(Document(doc_id="d", text=text))
    assert document.text == text
    for start, end in document.masked:
        assert 0 <= start <= end <= len(text)
    if document.dateline_place is not None:
        start, end = document.dateline_place
        assert 0 <= start < end <= len(text)
    assert (document.published is None) == (document.published_source is None)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("NEWS | Economy\nECONOMY | 20-11-2024 17:42\nExports rose.", date(2024, 11, 20)),
        ("Business\n2025/01/09 16:48\nBy staff\nExports rose.", date(2025, 1, 9)),
        ("Economy\n2023/02/16-11:25\nExports rose.", date(2023, 2, 16)),
        ("Home\nThursday, 19 Jan 2023\nExports rose.", date(2023, 1, 19)),
        ("Home\n14.03.2024 | 10:05\nExports rose.", date(2024, 3, 14)),
        ("Home | News\n01/09/2025\nExports rose.", None),  # January 9 or 1 September
        ("Menu\nExports rose 5% in 2023. They were 12.5 in 2024.", None),
    ],
    ids=[
        "day-first-dashes",
        "year-first",
        "time-after-dash",
        "weekday",
        "dots",
        "ambiguous",
        "prose",
    ],
)
def test_a_date_standing_alone_in_the_page_furniture_is_the_publication_date(text, published):
    assert prepare(Document(doc_id="d", text=text)).published == published
