"""Reading article files into Documents: text, id, publication date, dateline, skips."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".jsonl", ".json"}
MAX_BYTES = 8 * 1024 * 1024

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
# "TOKYO, March 2 -", "BEIJING, Feb 7 (Reuters) -", "New Delhi, Jan. 15 (PTI) —"
_WIRE_DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Za-z.'’ ]{{1,40}}?(?:,\s*[A-Z][A-Za-z.]+)?),\s+(?P<month>{_MONTH})\s+"
    r"(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?\s*(?:\([^()\n]{1,40}\)\s*)?[-–—:]+\s*"
)
# "SEOUL (UrduPoint / Pakistan Point News - 1st Feb, 2021 ) :"
_AGENCY_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’ ]{1,40}?)\s*\((?P<inner>[^()\n]{3,120})\)\s*[-–—:]+\s*"
)
# The byline may follow other fields of the same line: "New Delhi | Published: June 15, 2023".
_BYLINE = re.compile(
    r"^(?:[^\n|·•]{0,60}[|·•])*[ \t]*"
    r"\b(?P<key>Published|Updated|Posted|Last updated|First published|Date|Dated)\b(?: on)?"
    r"[ \t]*:?[ \t]*(?P<when>[^\n|]{6,60})",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(slots=True)
class Skip:
    """An input that could not be read, and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Document:
    """One article as read from its file, before any extraction."""

    doc_id: str
    text: str
    path: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: str | None = None
    masked: list[tuple[int, int]] = field(default_factory=list)
    dateline_place: tuple[int, int] | None = None
    dateline_day: tuple[int, int] | None = None  # (month, day) of a dateline without a year
    line: int | None = None  # line of a JSONL batch file, so a later Skip can point at it

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=4096)
def parse_date_string(text: str, *, base: date | None = None) -> date | None:
    """An explicit date string ("1st Feb, 2021", "March 14, 2024 10:05 GMT") or None."""
    import dateparser  # imported lazily: it is only needed for datelines and bylines

    cleaned = re.sub(r"\s+", " ", text).strip(" ,.|-–—")
    if not re.search(r"\d", cleaned):
        return None
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    try:
        parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        # Bylines often carry a time and zone dateparser rejects; keep the date part.
        match = re.search(
            rf"({_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+"
            rf"{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})",
            cleaned,
        )
        if match and match.group(0) != cleaned:
            return parse_date_string(match.group(0), base=base)
        return None
    return parsed.date()


def parse_published(value: object) -> date | None:
    """A `published` field: ISO date or datetime, or a wire timestamp like 26-FEB-1987 15:51."""
    if isinstance(value, (int, float)) or not value:
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    # Wire timestamps, possibly with feed residue after them: "27-MAR-1987 01:47:20.85&#5;RM"
    wire = re.match(r"(\d{1,2}-[A-Za-z]{3}-\d{4})\b", text)
    if wire:
        try:
            return datetime.strptime(wire.group(1).title(), "%d-%b-%Y").date()
        except ValueError:
            pass
    return parse_date_string(text)


def prepare(document: Document, *, default_published: date | None = None) -> Document:
    """Find the date header, wire dateline and byline; set the publication date and mask them."""
    text = document.text
    body_start = 0
    header = _HEADER.match(text)
    if header:
        document.masked.append((text.index("date"), header.end()))
        try:
            stamped = date.fromisoformat(header.group(1))
        except ValueError:
            stamped = None
        if stamped and document.published is None:
            document.published, document.published_source = stamped, "header"
        body_start = header.end()
    _find_dateline(document, body_start)
    if document.published is None:
        _find_byline(document)
    if document.published is None and default_published is not None:
        document.published, document.published_source = default_published, "cli"
    return document


def _find_dateline(document: Document, body_start: int) -> None:
    text = document.text
    # The dateline opens the body, possibly after a headline line or two.
    window_end = min(len(text), body_start + 400)
    seen_lines = 0
    for line_match in re.finditer(r"[^\n]+", text[body_start:window_end]):
        line_start = body_start + line_match.start()
        leading = len(line_match.group(0)) - len(line_match.group(0).lstrip())
        position = line_start + leading
        wire = _WIRE_DATELINE.match(text, position)
        agency = None if wire else _AGENCY_DATELINE.match(text, position)
        if wire and wire.group("place").isupper() or wire and len(wire.group("place")) < 30:
            document.masked.append((wire.start("month"), wire.end()))
            document.dateline_place = (wire.start("place"), wire.end("place"))
            if wire.group("year"):
                stamp = f"{wire.group('month')} {wire.group('day')} {wire.group('year')}"
                found = parse_date_string(stamp)
                if found and document.published is None:
                    document.published, document.published_source = found, "dateline"
            else:
                month = parse_date_string(f"{wire.group('month')} {wire.group('day')} 2000")
                document.dateline_day = (month.month, month.day) if month else None
            return
        if agency:
            inner = agency.group("inner")
            found = None
            for piece in reversed(re.split(r"\s[-–—|/]\s|,(?=\s*[A-Z][a-z]+\s)", inner)):
                found = parse_date_string(piece)
                if found:
                    break
            if found or agency.group("place").isupper():
                document.masked.append((agency.end("place"), agency.end()))
                document.dateline_place = (agency.start("place"), agency.end("place"))
                if found and document.published is None:
                    document.published, document.published_source = found, "dateline"
                return
        line = line_match.group(0).strip()
        if line and not line.isupper():
            seen_lines += 1
            # Running text (a sentence ending in a full stop) without a dateline: stop looking.
            if (len(line) > 80 and line.endswith((".", '"', "”"))) or seen_lines >= 4:
                return


def _find_byline(document: Document) -> None:
    head = document.text[:3000]
    for match in _BYLINE.finditer(head):
        if any(start <= match.start() < end for start, end in document.masked):
            continue  # the `date` header itself: an impossible date there is no byline
        found = parse_date_string(match.group("when"))
        if found:
            document.published, document.published_source = found, "byline"
            document.masked.append((match.start("key"), match.end()))
            return
    # A date standing alone in the page furniture: "ECONOMY | 20-11-2024 17:42",
    # "2025/01/09 16:48", "Thursday, 19 Jan 2023"
    for match in _DATE_FIELD.finditer(document.text[:1500]):
        if any(start <= match.start() < end for start, end in document.masked):
            continue
        stamp = match.group("date")
        numeric = re.match(r"\d+[/.-]\d+[/.-]\d+", stamp)
        found = _numeric_date(numeric.group(0)) if numeric else parse_date_string(stamp)
        if found:
            document.published, document.published_source = found, "byline"
            document.masked.append((match.start("date"), match.end("date")))
            return


_TIME = (
    r"(?:(?:,?\s+|-|T)\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?"
)
_DATE_FIELD = re.compile(
    r"(?:^|\|)[ \t]*(?:[A-Z][A-Za-z ]{0,30}[ \t]*\|[ \t]*)?(?P<date>"
    r"(?:19|20)\d\d[/.-]\d{1,2}[/.-]\d{1,2}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d"
    r"|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}\.?,?\s+(?:19|20)\d\d|{_MONTH}\.?\s+\d{{1,2}},?\s+(?:19|20)\d\d)"
    rf"){_TIME}[ \t]*(?=$|\|)",
    re.MULTILINE,
)


def _numeric_date(text: str) -> date | None:
    """ "2025/01/09", "20-11-2024", "09.01.2025": year first, or day first when it must be
    (a first number above 12, or dots and dashes, the day-first world's separators)."""
    parts = re.split(r"[/.-]", text)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    try:
        if len(parts[0]) == 4:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
        if "/" in text and day <= 12:
            return None  # "01/09/2025": January 9 or 1 September
        return date(year, month, day)
    except ValueError:
        return None


def _decode(raw: bytes, path: str) -> tuple[str | None, str | None]:
    if not raw.strip():
        return None, "empty file"
    if b"\x00" in raw[:8192]:
        return None, "binary file (NUL bytes), not text"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, (
            f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "re-encode it as UTF-8"
        )
    return text, None


def _json_article(
    obj: object, *, path: str, line: int | None, fallback_id: str
) -> tuple[Document | None, Skip | None]:
    if not isinstance(obj, dict):
        return None, Skip(path, "expected a JSON object with 'id' and 'text'", line)
    text = obj.get("text") if obj.get("text") is not None else obj.get("body")
    if not isinstance(text, str) or not text.strip():
        return None, Skip(path, "no 'text' or 'body' field with article text", line)
    raw_id = obj.get("id", fallback_id)
    doc_id = str(raw_id) if raw_id not in (None, "") else fallback_id
    document = Document(
        doc_id=doc_id,
        text=text,
        path=path,
        line=line,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
    )
    for key in ("published", "date", "publication_date", "pubdate"):
        published = parse_published(obj.get(key))
        if published:
            document.published, document.published_source = published, "json"
            break
    return document, None


def read_path(
    path: Path, *, root: Path | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[Document | Skip]:
    """Documents (or Skips) from one file. `root` makes doc ids relative paths."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Skip(shown, f"file too large ({size} bytes > {max_bytes}); split it")
            return
        raw = path.read_bytes()
    except OSError as error:
        yield Skip(shown, f"unreadable: {error.strerror or error}")
        return
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | JSON_SUFFIXES:
        # Folders only yield known suffixes; a file named explicitly must not be parsed as JSONL.
        yield Skip(
            shown,
            f"unsupported file type {suffix or '(no suffix)'!r}; "
            "expected .txt, .md, .jsonl or .json",
        )
        return
    relative = path.relative_to(root) if root is not None and root != path else Path(path.name)
    stem_id = relative.with_suffix("").as_posix()
    if suffix in TEXT_SUFFIXES:
        text, problem = _decode(raw, shown)
        if problem:
            yield Skip(shown, problem)
            return
        yield Document(doc_id=stem_id, text=text, path=shown)
        return
    text, problem = _decode(raw, shown)
    if problem:
        yield Skip(shown, problem)
        return
    if suffix == ".json":
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as error:
            yield Skip(shown, f"malformed JSON ({error.msg} at line {error.lineno})")
            return
        items = payload.get("articles", [payload]) if isinstance(payload, dict) else payload
        if not isinstance(items, list):
            yield Skip(shown, "expected an article object or a list of them")
            return
        for index, obj in enumerate(items):
            document, skip = _json_article(
                obj, path=shown, line=None, fallback_id=f"{stem_id}#{index}"
            )
            yield document or skip  # type: ignore[misc]
        return
    produced = False
    # JSON strings may hold U+2028 or U+0085; only "\n" ends a JSONL line.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            produced = True
            yield Skip(shown, f"malformed JSON line ({error.msg})", number)
            continue
        produced = True
        document, skip = _json_article(
            obj, path=shown, line=number, fallback_id=f"{stem_id}:{number}"
        )
        yield document or skip  # type: ignore[misc]
    if not produced:
        yield Skip(shown, "no articles: the file holds only blank lines")


def walk(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path | None] | Skip]:
    """Input files in order: folders walked recursively in sorted order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in found.relative_to(path).parts):
                    continue
                if found.suffix.lower() in TEXT_SUFFIXES | JSON_SUFFIXES:
                    yield found, path
        elif path.is_file():
            yield path, None
        else:
            yield Skip(str(path), "no such file or folder")


def read_documents(
    paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES
) -> Iterator[Document | Skip]:
    """Every document under `paths`, with Skips in place of what could not be read."""
    for entry in walk(paths):
        if isinstance(entry, Skip):
            yield entry
            continue
        path, root = entry
        yield from read_path(path, root=root, max_bytes=max_bytes)
