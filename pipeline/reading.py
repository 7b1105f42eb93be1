"""A reading view of a document: the text a reader would read when the document was converted
from PDF or e-mail. Words hyphenated across a line break are joined ("Zim-\\nbabwe" ->
"Zimbabwe", "Chinese-\\nmade" -> "Chinese-made"), the hard-wrapped lines of a paragraph are
joined with a space, and running page headers, footers and page numbers are dropped. Paragraph
breaks, list items, headings and table lines stay lines. The view maps every offset back to the
original text through a table of anchors, so spans found in the view point into the original.

Pure functions; an ordinary article gets the identity view (its own text, no copy)."""
from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections import Counter
from dataclasses import dataclass

from pipeline.domain import DomainData, default_domain

LINE_BREAK = re.compile(r"\r\n|\n|\r")
NEWLINE = re.compile("\n")  # found much faster than LINE_BREAK in text without carriage returns
HYPHENS = "-\u2010"
DASHES = "\u2013\u2014"  # en and em dash: kept, and the words either side joined without a space
SOFT_HYPHEN = "\u00ad"
WORD = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)*")
LETTERS = re.compile(r"[^\W\d_]+")
LETTERS_AT_END = re.compile(r"[^\W\d_]+$")
DIGITS = re.compile(r"\d+")
DIGIT = re.compile(r"\d")
HYPHEN_AT_BREAK = re.compile("[-\u2010\u2013\u2014\u00ad][ \t]*[\r\n]")

BLANK, PROSE, LIST, TABLE, HEADING = "blank", "prose", "list", "table", "heading"


@dataclass(frozen=True)
class ReadingSettings:
    """The thresholds and word lists of `configs/reading.yaml` (see the comments there)."""

    list_item: re.Pattern
    table: re.Pattern
    heading: re.Pattern
    sentence_final: re.Pattern
    min_width: int
    max_width: int
    width_quantile: float
    full_ratio: float
    min_full_lines: int
    min_full_share: float
    max_final_share: float
    min_lower_share: float
    header_max_chars: int
    min_repeats: int
    min_repeats_paged: int
    edge_lines: int
    min_page_lines: int
    page_tolerance: float
    regular_share: float
    max_furniture_share: float
    min_compound_part: int
    compound_first: frozenset[str]
    compound_second: frozenset[str]
    function_words: frozenset[str]
    lexicon: frozenset[str]


def reading_settings(domain: DomainData | None = None) -> ReadingSettings:
    """The reading settings from `configs/reading.yaml` and the word lists it names."""
    return _reading_settings(domain or default_domain())


@functools.cache
def _reading_settings(domain: DomainData) -> ReadingSettings:
    from spacy.lang.en.stop_words import STOP_WORDS

    data = domain["reading"]
    lines, wrap, pages, hyphens = data["lines"], data["wrap"], data["pages"], data["hyphens"]
    return ReadingSettings(
        list_item=re.compile(lines["list_item"]), table=re.compile(lines["table"]),
        heading=re.compile(lines["heading"]), sentence_final=re.compile(lines["sentence_final"]),
        min_width=int(wrap["min_width"]), max_width=int(wrap["max_width"]),
        width_quantile=float(wrap["width_quantile"]), full_ratio=float(wrap["full_ratio"]),
        min_full_lines=int(wrap["min_full_lines"]), min_full_share=float(wrap["min_full_share"]),
        max_final_share=float(wrap["max_final_share"]), min_lower_share=float(wrap["min_lower_share"]),
        header_max_chars=int(pages["header_max_chars"]), min_repeats=int(pages["min_repeats"]),
        min_repeats_paged=int(pages["min_repeats_paged"]), edge_lines=int(pages["edge_lines"]),
        min_page_lines=int(pages["min_page_lines"]), page_tolerance=float(pages["page_tolerance"]),
        regular_share=float(pages["regular_share"]), max_furniture_share=float(pages["max_share"]),
        min_compound_part=int(hyphens["min_compound_part"]),
        compound_first=frozenset(hyphens["compound_first"]),
        compound_second=frozenset(hyphens["compound_second"]),
        function_words=frozenset(STOP_WORDS),
        lexicon=frozenset(STOP_WORDS) | known_words(domain, hyphens["known_words"]),
    )


def known_words(domain: DomainData, extra: list[str]) -> frozenset[str]:
    """Lower-case words known to be words: `extra`, pycountry's country names and every word
    the project's YAML files hold."""
    import pycountry

    names = [getattr(c, attr, "") for c in pycountry.countries for attr in ("name", "common_name")]
    strings = [*extra, *names]
    for data in domain.files.values():
        strings += yaml_strings(data)
    return frozenset(word for s in strings for word in WORD.findall(s.lower()) if len(word) > 1)


def yaml_strings(value) -> list[str]:
    """Every string (keys included) inside a YAML value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in yaml_strings(key) + yaml_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in yaml_strings(item)]
    return []


class ReadingView:
    """The text to read, and the way back to the original: anchors (view offset, original
    offset) at the start of every stretch copied (or a space put for a line break)."""

    __slots__ = ("text", "is_identity", "_view_starts", "_original_starts")

    def __init__(self, text: str, anchors: list[tuple[int, int]] | None = None):
        self.text = text
        self.is_identity = anchors is None
        pairs = anchors or [(0, 0)]
        self._view_starts = array("q", [v for v, _ in pairs])
        self._original_starts = array("q", [o for _, o in pairs])

    def to_original(self, offset: int) -> int:
        """The original offset of the view offset `offset` (clamped to the view)."""
        offset = min(max(offset, 0), len(self.text))
        if self.is_identity:
            return offset
        index = bisect.bisect_right(self._view_starts, offset) - 1
        return self._original_starts[index] + offset - self._view_starts[index]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of the view span [start, end): from the original of its
        first character to just after the original of its last."""
        start = min(max(start, 0), len(self.text))
        end = min(max(end, start), len(self.text))
        first = self.to_original(start)
        return (first, first) if end == start else (first, self.to_original(end - 1) + 1)


@dataclass(slots=True)
class Line:
    """One line of the original: [start, end) without its break; `lead` and `stop` where its
    first non-space character is and where its trailing white space starts; `width` its length
    up to `stop` (form feeds aside)."""

    start: int
    end: int
    lead: int
    stop: int
    width: int
    kind: str


def reading_view(text: str, settings: ReadingSettings | None = None) -> ReadingView:
    """The reading view of `text` (identity when nothing needs joining or dropping)."""
    if "\n" not in text and "\r" not in text:
        return ReadingView(text)
    settings = settings or reading_settings()
    if not may_need_view(text, settings):
        return ReadingView(text)
    lines = split_lines(text, settings)
    width = wrap_width(text, lines, settings)
    furniture = page_furniture(text, lines, width, settings) if width is not None or "\f" in text else set()
    cuts = line_joins(text, lines, furniture, width, settings)
    cuts += [(lines[i].start, lines[i].end, "") for i in furniture]
    if not cuts:
        return ReadingView(text)
    return build_view(text, sorted(cuts))


def may_need_view(text: str, settings: ReadingSettings) -> bool:
    """A quick test that passes every text with a form feed, a hyphen at a line end, or enough
    lines of a wrap width running on to the next line (an article whose paragraphs are single
    lines fails it at the cost of one scan)."""
    if "\f" in text or HYPHEN_AT_BREAK.search(text):
        return True
    shortest, longest = settings.min_width * settings.full_ratio, settings.max_width + 1
    mark = "\n" if "\n" in text else "\r"
    found, start, wrap_wide = 0, 0, False
    while found < settings.min_full_lines:
        end = text.find(mark, start)
        width = (len(text) if end < 0 else end) - start
        found += wrap_wide and not text[start:start + width].isspace() and width > 0  # a wide line running on
        wrap_wide = shortest <= width <= longest
        if end < 0:
            break
        start = end + 1
    return found >= settings.min_full_lines


def split_lines(text: str, settings: ReadingSettings) -> list[Line]:
    """Every line of `text` with its kind."""
    lines, start = [], 0
    for match in (LINE_BREAK if "\r" in text else NEWLINE).finditer(text):
        lines.append(make_line(text, start, match.start(), settings))
        start = match.end()
    lines.append(make_line(text, start, len(text), settings))
    return lines


def make_line(text: str, start: int, end: int, settings: ReadingSettings) -> Line:
    """One line, its width and kind."""
    content = text[start:end]
    stripped = content.rstrip()
    lead = start + len(content) - len(content.lstrip())
    if not stripped:
        kind = BLANK
    elif settings.list_item.match(stripped):
        kind = LIST
    elif settings.table.search(stripped):
        kind = TABLE
    elif settings.heading.match(stripped.lstrip()):
        kind = HEADING
    else:
        kind = PROSE
    return Line(start, end, min(lead, start + len(stripped)), start + len(stripped),
                len(stripped) - stripped.count("\f"), kind)


def furniture_key(line: str) -> str:
    """A line with digits and spacing evened out: 'Page 3 of 12' -> 'page # of #'."""
    key = " ".join(line.lower().split())
    return DIGITS.sub("#", key) if DIGIT.search(key) else key


def page_furniture(text: str, lines: list[Line], width: int | None, settings: ReadingSettings) -> set[int]:
    """Indices of the short lines (never as long as a wrapped line) that recur, digits aside, at
    the edges of pages (form feeds) or at regular page distances (running headers, footers,
    page numbers); none when they would be too large a share of the lines to be furniture."""
    paged = "\f" in text
    longest = settings.header_max_chars if width is None else min(settings.header_max_chars, width * settings.full_ratio)
    candidates = page_edges(text, lines, settings.edge_lines) if paged else range(len(lines))
    places: dict[str, list[int]] = {}
    for index in candidates:
        line = lines[index]
        if line.kind != BLANK and line.width < longest:
            places.setdefault(furniture_key(text[line.start:line.end]), []).append(index)
    found: set[int] = set()
    for indices in places.values():
        if len(indices) >= settings.min_repeats_paged if paged else regular(indices, settings):
            found.update(indices)
    written = sum(1 for line in lines if line.kind != BLANK)
    return found if len(found) <= settings.max_furniture_share * written else set()


def page_edges(text: str, lines: list[Line], count: int) -> set[int]:
    """Indices of the first and last `count` non-blank lines of every page (pages end at form feeds)."""
    pages: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if text.find("\f", line.start, line.end) >= 0:
            pages.append([])
        if line.kind != BLANK:
            pages[-1].append(index)
    return {index for page in pages for index in page[:count] + page[-count:]}


def regular(indices: list[int], settings: ReadingSettings) -> bool:
    """Whether lines at these indices recur often enough at page distances that are mostly alike."""
    if len(indices) < settings.min_repeats:
        return False
    gaps = sorted(b - a for a, b in zip(indices, indices[1:], strict=False))
    median = gaps[len(gaps) // 2]
    alike = sum(1 for gap in gaps if abs(gap - median) <= settings.page_tolerance * median)
    return median >= settings.min_page_lines and alike >= settings.regular_share * len(gaps)


def wrap_width(text: str, lines: list[Line], settings: ReadingSettings) -> int | None:
    """The width the document's prose is hard-wrapped at, or None when it is not hard-wrapped."""
    prose = [i for i, line in enumerate(lines) if line.kind == PROSE]
    if len(prose) < settings.min_full_lines:
        return None
    widths = Counter(lines[i].width for i in prose)
    width = quantile(widths, settings.width_quantile)
    if not settings.min_width <= width <= settings.max_width:
        return None
    inner = [i for i in prose if i + 1 < len(lines) and lines[i + 1].kind == PROSE]
    full = [i for i in inner if lines[i].width >= width * settings.full_ratio]
    final = sum(1 for i in full if settings.sentence_final.search(text, lines[i].start, lines[i].end))
    going_on = sum(1 for i in full if text[lines[i + 1].lead].islower())
    wrapped = (len(full) >= settings.min_full_lines and len(full) >= settings.min_full_share * len(inner)
               and final <= settings.max_final_share * len(full) and going_on >= settings.min_lower_share * len(full))
    return width if wrapped else None


def quantile(counts: Counter, share: float) -> int:
    """The value below which `share` of the counted values lie."""
    needed, seen = share * sum(counts.values()), 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= needed:
            return value
    return 0


def line_joins(text: str, lines: list[Line], furniture: set[int], width: int | None,
               settings: ReadingSettings) -> list[tuple[int, int, str]]:
    """(cut, resume, insert) for every line break the reader does not see: the original from
    `cut` to `resume` becomes `insert` in the view."""
    pairs = [(a, b, hyphen_break(text, a, b)) for a, b in content_pairs(lines, furniture)]
    broken = [(a, b) for a, b, hyphen in pairs if hyphen]
    evidence = WordEvidence(text, broken) if any(text[b.lead].islower() for _, b in broken) else None
    cuts = []
    for a, b, hyphen in pairs:
        if hyphen:
            cuts.append(hyphen_join(text, a, b, evidence, settings))
        elif width is not None and soft_break(text, a, b, width, settings):
            cuts.append((a.stop, b.lead, " "))
    return cuts


def content_pairs(lines: list[Line], furniture: set[int]):
    """(line, next line) for every two successive lines a reader could read as one: prose or a
    list item followed by prose, with only page furniture (and blank lines beside it) between."""
    previous, gap_blank, gap_furniture = None, False, False
    for index, line in enumerate(lines):
        if index in furniture:
            gap_furniture = True
            continue
        if line.kind == BLANK:
            gap_blank = True
            continue
        if (previous is not None and previous.kind in (PROSE, LIST) and line.kind == PROSE
                and (gap_furniture or not gap_blank)):
            yield previous, line
        previous, gap_blank, gap_furniture = line, False, False


def hyphen_break(text: str, a: Line, b: Line) -> bool:
    """Whether line `a` ends inside a word broken by a hyphen (or a dash between two words) that
    line `b` goes on with."""
    if a.stop - a.lead < 2 or not text[b.lead].isalnum():
        return False
    return text[a.stop - 1] == SOFT_HYPHEN or (text[a.stop - 1] in HYPHENS + DASHES and text[a.stop - 2].isalnum())


def soft_break(text: str, a: Line, b: Line, width: int, settings: ReadingSettings) -> bool:
    """Whether the break after `a` is a wrap: `b`'s first word would not have fitted on `a`;
    else, when `a` does not end a sentence, `a` is nearly full."""
    space = text.find(" ", b.lead, b.stop)
    if a.width + 1 + ((b.stop if space < 0 else space) - b.lead) > width:
        return True
    return a.width >= width * settings.full_ratio and not settings.sentence_final.search(text, a.lead, a.stop)


class WordEvidence:
    """The document's own words, less the pieces of the words broken at line ends."""

    def __init__(self, text: str, broken: list[tuple[Line, Line]]):
        self.words: Counter = Counter()
        self.hyphenated: set[str] = set()
        for word in WORD.findall(text.lower()):
            if "-" in word or "\u2010" in word:
                self.hyphenated.add(word.replace("\u2010", "-"))
                self.words.update(re.split("[-\u2010]", word))
            else:
                self.words[word] += 1
        for a, b in broken:
            left, right = broken_parts(text, a, b)
            self.words[left] -= 1
            self.words[right] -= 1

    def known(self, word: str, settings: ReadingSettings) -> bool:
        """Whether `word` (lower case) occurs elsewhere in the document or is a known word."""
        return self.words[word] > 0 or word in settings.lexicon


def broken_parts(text: str, a: Line, b: Line) -> tuple[str, str]:
    """The lower-case letters before the hyphen at the end of `a` and at the start of `b`."""
    left = LETTERS_AT_END.search(text, max(a.lead, a.stop - 64), a.stop - 1)
    right = LETTERS.match(text, b.lead)
    return (left.group(0).lower() if left else "", right.group(0).lower() if right else "")


def hyphen_join(text: str, a: Line, b: Line, evidence: WordEvidence | None,
                settings: ReadingSettings) -> tuple[int, int, str]:
    """The cut joining a word broken by a hyphen at the end of `a`: without the hyphen when it
    only broke the word, with it when the word is a compound (or the mark is a dash)."""
    hyphen = a.stop - 1
    drop = text[hyphen] == SOFT_HYPHEN or (text[hyphen] in HYPHENS and evidence is not None and text[b.lead].islower()
                                           and not is_compound(*broken_parts(text, a, b), evidence, settings))
    return (hyphen if drop else hyphen + 1, b.lead, "")


def is_compound(left: str, right: str, evidence: WordEvidence, settings: ReadingSettings) -> bool:
    """Whether `left`-`right` is a hyphenated compound rather than one word broken in two."""
    if f"{left}-{right}" in evidence.hyphenated:
        return True
    if not left or not right or evidence.known(left + right, settings):
        return False
    if left in settings.compound_first or right in settings.compound_second:
        return True
    return (len(left) >= settings.min_compound_part and left not in settings.function_words
            and evidence.known(left, settings) and evidence.known(right, settings))


def build_view(text: str, cuts: list[tuple[int, int, str]]) -> ReadingView:
    """The view of `text` with every cut applied, and its anchors."""
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    position = size = 0
    for cut, resume, insert in cuts:
        if cut < position:  # page furniture inside a join already made
            continue
        for piece, origin in ((text[position:cut], position), (insert, cut)):
            if piece:
                anchors.append((size, origin))
                pieces.append(piece)
                size += len(piece)
        position = resume
    if position < len(text):
        anchors.append((size, position))
        pieces.append(text[position:])
    return ReadingView("".join(pieces), anchors or [(0, 0)])
