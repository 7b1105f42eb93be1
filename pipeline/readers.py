"""Inputs: .txt .md .html .htm .jsonl .csv files or folders of them, read into Records.
A file, line or row that cannot be read becomes a Record with an error, never an exception;
a bad row of a CSV or JSONL file costs that row only."""
from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.domain import default_domain
from pipeline.normalise.dates import parse_published

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".csv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES


class InputError(Exception):
    """The inputs cannot be read at all (nothing to do): the run stops with this message."""


@dataclass
class Record:
    """One input document: its text, or the reason it could not be read. `origin` is where it
    came from (the file, with `:line` or `:row` for JSONL and CSV): the documents' `source`."""

    doc_id: str
    origin: str
    text: str | None = None
    title: str | None = None
    published: str | None = None
    error: str | None = None
    raw_sha256: str | None = None


@dataclass(frozen=True)
class Columns:
    """Which columns of a CSV or JSONL record hold the text, the id, the title and the date."""

    text: str = "text"
    id: str = "id"
    title: str = "title"
    published: str = "published"


@dataclass(frozen=True)
class Limits:
    """Sizes past which a document is an `error` row instead of being read (None: no limit);
    the run takes them from the [claimtrace] section of the pipeline config."""

    max_document_chars: int | None = None
    max_html_bytes: int | None = None


class ReadProgress:
    """How many bytes of the inputs have been read so far (for the progress bar)."""

    def __init__(self):
        self.bytes = 0


class _CountingReader(io.RawIOBase):
    """A binary file that adds every byte read to a ReadProgress."""

    def __init__(self, handle, progress: ReadProgress):
        self.handle, self.progress = handle, progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self.handle.readinto(buffer) or 0
        self.progress.bytes += count
        return count


def discover(inputs: list[str]) -> list[tuple[Path, str]]:
    """(file, doc_id stem) for every input: a file given directly keeps its stem; files in a
    folder (recursively, in sorted order) their path relative to it without the extension."""
    found = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            found += [(p, p.relative_to(path).with_suffix("").as_posix()) for p in files]
        elif path.is_file():
            found.append((path, path.stem))
        else:
            raise InputError(f"input not found: {raw}")
    if not found:
        raise InputError("no input documents (" + ", ".join(inputs) + f"); readable kinds: {', '.join(sorted(SUFFIXES))}")
    return found


# In UTF-16 text of mostly Latin script every other byte is NUL; in other text NULs are rare.
UTF16_NUL_SHARE = 0.3
# Text has few control characters (NUL included); a file with more than this share is binary.
BINARY_SHARE = 0.05


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes have UTF-16's pattern of NULs, else None."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 2:
        return None
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls >= UTF16_NUL_SHARE and even_nuls <= BINARY_SHARE:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE and odd_nuls <= BINARY_SHARE:
        return "utf-16-be"
    return None


def sniff_encoding(chunks) -> tuple[str | None, str | None]:
    """(encoding, None) or (None, reason) for text arriving in byte chunks (`chunks()` gives
    them anew on each call): UTF-8 with or without BOM, UTF-16 with BOM or by its pattern of
    NUL bytes, else Windows-1252 / latin-1; binary content is refused. Reads the chunks, never
    holds more than one. A stray NUL byte is left to the document that holds it."""
    head = next(iter(chunks()), b"")[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", None
    encoding = utf16_without_bom(head[:len(head) - len(head) % 2]) or _byte_encoding(chunks)
    sample = head.decode(encoding, errors="ignore")
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if sample and controls > BINARY_SHARE * len(sample):
        return None, "binary file (control characters), not text"
    return encoding, None


def _byte_encoding(chunks) -> str:
    """UTF-8 (BOM or not) when all the chunks decode as it, else Windows-1252, else latin-1."""
    for candidate in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(candidate)()
        try:
            for chunk in chunks():
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return candidate
    return "latin-1"


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason) for a whole file's bytes (see `sniff_encoding`)."""
    encoding, error = sniff_encoding(lambda: [raw])
    if error:
        return None, error
    try:
        return raw.decode(encoding), None
    except UnicodeDecodeError:
        return None, _undecodable(encoding)


def _undecodable(encoding: str) -> str:
    """The reason for text that does not decode in the encoding it was sniffed as."""
    if encoding in ("utf-16-le", "utf-16-be"):
        return f"looks like UTF-16 without a BOM ({encoding[-2:].upper()}) but does not decode as UTF-16"
    return "undecodable UTF-16 text"


def nul_problem(text: str) -> str | None:
    """Why a text holding a NUL character is not a document (binary data), else None."""
    at = text.find("\x00")
    return None if at < 0 else f"binary data in text (NUL byte at character {at:,})"


def checked(record: Record, limits: Limits) -> Record:
    """The record, or an error record in its place when its text has NUL bytes or is longer
    than `limits.max_document_chars`."""
    if record.text is None:
        return record
    problem = nul_problem(record.text)
    limit = limits.max_document_chars
    if problem is None and limit is not None and len(record.text) > limit:
        problem = f"document too long: {len(record.text):,} characters (max_document_chars is {limit:,})"
    if problem is None:
        return record
    return Record(record.doc_id, record.origin, error=problem, raw_sha256=sha256(record.text))


def _file_chunks(path: Path, size: int = 1 << 20):
    """A callable giving the file's bytes chunk by chunk, from the start each time."""
    def chunks():
        with path.open("rb") as handle:
            while chunk := handle.read(size):
                yield chunk
    return chunks


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    for chunk in _file_chunks(path)():
        digest.update(chunk)
    return digest.hexdigest()


def read_all(files: list[tuple[Path, str]], columns: Columns, limits: Limits = Limits(),
             progress: ReadProgress | None = None) -> Iterator[Record]:
    """Every document of every file, in order, each checked against `limits`. JSONL and CSV
    files are read line by line, so memory does not grow with their size; `progress` counts
    the bytes read."""
    progress = progress or ReadProgress()
    for path, stem in files:
        if path.suffix.lower() in RECORD_SUFFIXES:
            for record in read_records(path, stem, columns, progress):
                yield checked(record, limits)
        else:
            record = read_file(path, stem, limits)
            progress.bytes += _size(path)
            yield checked(record, limits)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_file(path: Path, stem: str, limits: Limits) -> Record:
    """The document of a .txt, .md, .html or .htm file; one that is too large is refused
    before it is read (HTML past `max_html_bytes`, text past 4 bytes a character)."""
    suffix = path.suffix.lower()
    try:
        too_large = _too_large(path, suffix, limits)
        if too_large:
            return Record(stem, str(path), error=too_large, raw_sha256=file_sha256(path))
        raw = path.read_bytes()
    except OSError as exc:
        return Record(stem, str(path), error=f"cannot read file: {exc.strerror or exc}")
    if suffix in HTML_SUFFIXES:
        return read_html(raw, path, stem)
    if suffix in TEXT_SUFFIXES:
        return read_text(raw, path, stem)
    return Record(stem, str(path), error=f"unsupported file type {suffix or '(none)'}", raw_sha256=sha256(raw))


def _too_large(path: Path, suffix: str, limits: Limits) -> str | None:
    """Why a file is too large to read, judged by its size alone, else None."""
    size = path.stat().st_size
    if suffix in HTML_SUFFIXES and limits.max_html_bytes is not None and size > limits.max_html_bytes:
        return f"HTML page too large: {size:,} bytes (max_html_bytes is {limits.max_html_bytes:,})"
    chars = limits.max_document_chars
    if suffix in TEXT_SUFFIXES and chars is not None and size > 4 * chars:
        return f"document too long: {size:,} bytes, more than max_document_chars ({chars:,}) characters"
    return None


def read_records(path: Path, stem: str, columns: Columns, progress: ReadProgress) -> Iterator[Record]:
    """The documents of a JSONL or CSV file, streamed."""
    try:
        encoding, error = sniff_encoding(_file_chunks(path))
        if error:
            yield Record(stem, str(path), error=error, raw_sha256=file_sha256(path))
            return
        reader = read_jsonl if path.suffix.lower() == ".jsonl" else read_csv
        with path.open("rb") as raw:
            counted = io.BufferedReader(_CountingReader(raw, progress))
            with io.TextIOWrapper(counted, encoding=encoding, newline="") as handle:
                yield from reader(handle, path, stem, columns)
    except UnicodeDecodeError:
        yield Record(stem, str(path), error=_undecodable(encoding), raw_sha256=file_sha256(path))
    except OSError as exc:
        yield Record(stem, str(path), error=f"cannot read file: {exc.strerror or exc}")


def sha256(data: bytes | str) -> str:
    """Hex SHA-256 of bytes or of text as UTF-8."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def read_text(raw: bytes, path: Path, doc_id: str) -> Record:
    """A .txt or .md file: its text exactly as decoded, so offsets point into the file."""
    text, error = decode(raw)
    if error or not text.strip():
        return Record(doc_id, str(path), error=error or "empty document", raw_sha256=sha256(raw))
    return Record(doc_id, str(path), text, title=first_line_title(text), published=dateline_date(text))


def read_html(raw: bytes, path: Path, doc_id: str) -> Record:
    """An HTML page: main text, title and date through trafilatura; furniture dropped."""
    import trafilatura

    html, error = decode(raw)
    error = error or nul_problem(html)
    if error:
        return Record(doc_id, str(path), error=error, raw_sha256=sha256(raw))
    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                include_tables=True, favor_precision=True)
    except Exception as exc:  # trafilatura fails on some malformed pages
        return Record(doc_id, str(path), error=f"HTML extraction failed: {exc}", raw_sha256=sha256(raw))
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        reason = too_deep(html) or "no article text found in HTML page"
        return Record(doc_id, str(path), error=reason, raw_sha256=sha256(raw))
    published = parse_published(getattr(extracted, "date", None)) or dateline_date(text)
    return Record(doc_id, str(path), text, title=getattr(extracted, "title", None), published=published)


def too_deep(html: str) -> str | None:
    """The reason when the HTML parser gives up on a page because it nests too deeply, else None."""
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except (ValueError, lxml.etree.LxmlError):
        pass
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT" and "depth" in entry.message:
            depth = re.search(r"\d+", entry.message)
            return "HTML nested too deeply to parse" + (f" (more than {depth.group()} levels)" if depth else "")
    return None


def json_objects(lines) -> Iterator[tuple[int, str, dict | None, str | None]]:
    """(line number, line, object or None, why not) for every non-blank line of JSONL."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, line, None, f"line {number} is not valid JSON: {exc.msg}"
            continue
        if not isinstance(value, dict):
            yield number, line, None, f"line {number} is not a JSON object"
            continue
        yield number, line, value, None


def read_jsonl(lines, path: Path, stem: str, columns: Columns) -> Iterator[Record]:
    """One document per JSON line; a broken line or one without text is an error record."""
    for number, line, row, problem in json_objects(lines):
        if problem:
            yield Record(f"{stem}:{number}", f"{path}:{number}", error=problem, raw_sha256=sha256(line))
        else:
            yield record_from_row(row, columns, f"{stem}:{number}", f"{path}:{number}")


def read_csv(lines, path: Path, stem: str, columns: Columns) -> Iterator[Record]:
    """One document per CSV row."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(lines)
    if not reader.fieldnames or columns.text not in reader.fieldnames:
        yield Record(stem, str(path), error=f"no '{columns.text}' column in CSV header "
                                            f"(columns: {', '.join(reader.fieldnames or [])}); use --text-column",
                     raw_sha256=file_sha256(path))
        return
    try:
        for number, row in enumerate(reader, start=1):
            yield record_from_row(row, columns, f"{stem}:{number}", f"{path}:{number}")
    except csv.Error as exc:
        yield Record(f"{stem}:{reader.line_num}", f"{path}:{reader.line_num}",
                     error=f"CSV broken at line {reader.line_num}: {exc}")


def record_from_row(row: dict, columns: Columns, fallback_id: str, origin: str) -> Record:
    """A Record from a JSONL object or CSV row with the configured columns."""
    raw_id = row.get(columns.id)
    doc_id = str(raw_id).strip() if raw_id not in (None, "") else fallback_id
    text = row.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        reason = f"no '{columns.text}' field" if columns.text not in row else f"empty or non-text '{columns.text}'"
        return Record(doc_id, origin, error=reason, raw_sha256=sha256(json.dumps(row, default=str, sort_keys=True)))
    title = row.get(columns.title)
    published = parse_published(row.get(columns.published)) or dateline_date(text)
    return Record(doc_id, origin, text, title=str(title) if title not in (None, "") else None, published=published)


@dataclass(frozen=True)
class TitleRules:
    """What is never a title and how far to look, from `configs/reading.yaml` `titles`."""

    furniture: re.Pattern
    running_header_repeats: int
    max_chars: int
    head_lines: int
    dateline_lines: int


@functools.cache
def title_rules() -> TitleRules:
    """The title and dateline rules of `configs/reading.yaml`."""
    data = default_domain()["reading"]["titles"]
    return TitleRules(re.compile("|".join(f"(?:{p})" for p in data["furniture"]), re.I),
                      int(data["running_header_repeats"]), int(data["max_chars"]),
                      int(data["head_lines"]), int(data["dateline_lines"]))


def head_lines(text: str, count: int) -> list[tuple[str, str]]:
    """(stripped line, the stripped line after it: '' when blank or at the end) for the first
    `count` non-empty lines."""
    lines = text[:count * 400].splitlines()
    found = []
    for index, line in enumerate(lines):
        if line.strip():
            found.append((line.strip(), lines[index + 1].strip() if index + 1 < len(lines) else ""))
            if len(found) == count:
                break
    return found


def running_header(line: str, text: str, repeats: int) -> bool:
    """Whether `line` recurs, digits aside, as a whole line at least `repeats` times in `text`
    (its occurrences are found with `str.find`, and only their lines are matched)."""
    parts = re.split(r"\d+", line)
    fixed = max(parts, key=len)
    if not fixed.strip() or text.count(fixed) < repeats:
        return False  # (a line written fewer times than that recurs no more often: no pattern to build)
    whole = re.compile(r"[ \t\f#]*" + r"\d+".join(map(re.escape, parts)) + r"[ \t\r]*")
    found, position = 0, text.find(fixed)
    while position >= 0 and found < repeats:
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        found += bool(whole.fullmatch(text, text.rfind("\n", 0, position) + 1, end))
        position = text.find(fixed, end)
    return found >= repeats


def first_line_title(text: str) -> str | None:
    """The headline: the first non-empty line, without Markdown heading marks, that is not
    press-release or page furniture (nor a block a furniture line ending in ':' opens, nor a
    running header), when it reads as a headline: short, not ending a sentence (a question or
    exclamation may end a Markdown heading or a line standing alone), and not a piece of a
    paragraph (starting in lower case, or going on in the next line)."""
    rules = title_rules()
    in_block = False
    for line, following in head_lines(text, rules.head_lines):
        if in_block or rules.furniture.match(line) or running_header(line, text, rules.running_header_repeats):
            in_block = (in_block or line.endswith(":")) and bool(following)
            continue
        title = line.lstrip("#").strip()
        if not title:
            continue
        ending = (".",) if line.startswith("#") or not following else (".", "!", "?")
        goes_on = title[:1].islower() or following[:1].islower() or title.endswith(("-", ","))
        return title if len(title) <= rules.max_chars and not title.endswith(ending) and not goes_on else None
    return None


# A written date: "14 March 2024", "Tuesday, March 14th, 2024", "Fri, Mar 15, 2024",
# "2024-03-14", "25-Apr-2012".
_DATE = (r"(?:(?:[A-Za-z]+day|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+)?"
         r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
         r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}-[A-Za-z]{3}-\d{4})")
_DATELINES = (
    # "KAMPALA, 14 March 2024 —", "NAIROBI, Kenya, March 14, 2024 (Reuters) -",
    # "ACCRA, Ghana, 5 May 2023 /PRNewswire/ --", "KARACHI, March 3, 2023:", and a place's or
    # agency's line ending at the date: "Brussels, 30 November 2020", "Xinhua, March 3, 2023"
    re.compile(rf"^\s*(?:[A-Z][A-Za-z.'’ -]+(?:\([^)]*\))?,\s*){{0,2}}(?P<date>{_DATE})\s*"
               r"(?:\([^)]*\)\s*)?(?:/[^/\n]{2,40}/\s*)?(?:—|–|--| - |:|$)", re.M),
    # "Published: 3 May 2023", "*Posted by the team — 12 January 2024*"
    re.compile(r"^[*_\s]*(?i:published|posted|date|updated|issued|released)\b[^\n]*?(?:[:—–|,]|\bon)\s*"
               r"(?P<date>[^\n|*_·•]{6,40})", re.M),  # up to a separator: "16 February 2023 · Opinion"
    # a line starting with a date: "Tuesday, 5 May 2023", "May 05, 2023 08:00 AM Eastern Time"
    re.compile(rf"^[*_\s]*(?P<date>{_DATE})\b", re.M),
)


def dateline_date(text: str) -> str | None:
    """The publication date from a dateline, a 'Published:' line or a line starting with a
    date among the first non-empty lines."""
    head = "\n".join(line for line, _ in head_lines(text, title_rules().dateline_lines))
    for pattern in _DATELINES:
        for match in pattern.finditer(head):
            published = parse_published(match.group("date").strip(" ,"))
            if published and len(published) == 10:
                return published
    return None
