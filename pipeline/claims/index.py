"""Per-document lookups for attaching facts, built once in linear time: the sentence and the
paragraph holding an offset, and the mentions of each sentence, all found by bisection."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from pipeline.mention import Mention
from pipeline.spans import Span, sentence_at, sentence_index

_BLANK_LINE = re.compile(r"\n\s*\n")
_LINE = re.compile(r"\n")
_WRAPPED = re.compile(r"[a-z,]\n[a-z]")  # "… part of defence\ncompany …"


def paragraph_starts(text: str, lead_end: str | None = None, heading: re.Pattern | None = None,
                     heading_max_chars: int = 0) -> list[int]:
    """Offsets where paragraphs start: after blank lines, or after any newline when the text
    has no blank lines (one paragraph per line, unless a word or a comma runs on to a word in lower
    case on the next: a hard-wrapped line). A list after a lead ending with `lead_end`
    ("The records list what was bought:") is part of its lead's paragraph, and so is the
    paragraph after a section heading: one line of at most `heading_max_chars`, a name and a
    colon before a title that ends no sentence ("Tanzania: ID contract questioned")."""
    blank = _BLANK_LINE.search(text) is not None
    starts = [0]
    for m in (_BLANK_LINE if blank else _LINE).finditer(text):
        is_heading = blank and heading is not None and _is_heading(text[starts[-1]:m.start()].strip(), heading,
                                                                   heading_max_chars)
        wrapped = not blank and _WRAPPED.match(text, m.start() - 1) is not None  # a hard-wrapped line goes on
        if not (is_heading or wrapped or lead_end and _ends_with(text, m.start(), lead_end)):
            starts.append(m.end())
    return starts


def _is_heading(paragraph: str, heading: re.Pattern, max_chars: int) -> bool:
    """Whether a paragraph is one line of at most `max_chars` that `heading` matches."""
    return 0 < len(paragraph) <= max_chars and "\n" not in paragraph and heading.match(paragraph) is not None


def _ends_with(text: str, position: int, ending: str) -> bool:
    """Whether the text before `position`, trailing spaces left out, ends with `ending`."""
    while position > 0 and text[position - 1] in " \t\r":
        position -= 1
    return text.endswith(ending, 0, position)


class ByPosition:
    """Mentions sorted by start, to take those in a stretch of text by bisection."""

    def __init__(self, mentions: Iterable[Mention]):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions starting in [start, end), in text order."""
        return self.items[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions sharing a character with [start, end), for mentions that do not overlap
        one another (so their ends are in order too)."""
        at = bisect.bisect_left(self.starts, end)
        found = []
        while at > 0 and self.items[at - 1].end > start:
            at -= 1
            found.append(self.items[at])
        return found[::-1]

    def last_before(self, start: int, end: int) -> Mention | None:
        """The last mention starting in [start, end), or None."""
        at = bisect.bisect_left(self.starts, end) - 1
        return self.items[at] if at >= 0 and self.items[at].start >= start else None


class DocumentIndex:
    """A document's sentences and paragraphs, for finding a fact's surroundings."""

    def __init__(self, text: str, sentences: list[Span], lead_end: str | None = None,
                 heading: re.Pattern | None = None, heading_max_chars: int = 0):
        self.text = text
        self.sentences = sentence_index(sentences or [(0, len(text))])
        self.paragraphs = paragraph_starts(text, lead_end, heading, heading_max_chars)

    def sentence_of(self, offset: int) -> Span:
        """The sentence holding `offset`."""
        return sentence_at(self.sentences, offset)

    def paragraph_start(self, offset: int, back: int = 0) -> int:
        """Where the paragraph holding `offset` starts; with `back`, the paragraph that many before it."""
        return self.paragraphs[max(bisect.bisect_right(self.paragraphs, offset) - 1 - back, 0)]

    def paragraph_end(self, offset: int) -> int:
        """Where the paragraph holding `offset` ends (the next one's start, or the text's end)."""
        at = bisect.bisect_right(self.paragraphs, offset)
        return self.paragraphs[at] if at < len(self.paragraphs) else len(self.text)

    def sentence_number(self, offset: int) -> int:
        """The index of the sentence holding `offset`."""
        return max(bisect.bisect_right(self.sentences[0], offset) - 1, 0)
