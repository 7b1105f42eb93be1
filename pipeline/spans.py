"""Character spans: overlap, and the sentence holding an offset (by bisection), shared by every
part that asks where a mention stands."""
from __future__ import annotations

import bisect

Span = tuple[int, int]


def spans_overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether [a_start, a_end) and [b_start, b_end) share a character."""
    return a_start < b_end and b_start < a_end


def sentence_index(bounds: list[Span]) -> tuple[list[int], list[Span]]:
    """(starts, bounds) of sentences in text order, for `sentence_in`."""
    return [start for start, _ in bounds], bounds


def sentence_at(index: tuple[list[int], list[Span]], offset: int) -> Span:
    """The sentence of `index` holding `offset` (the first one for an offset before it)."""
    starts, bounds = index
    return bounds[max(bisect.bisect_right(starts, offset) - 1, 0)]


def sentence_in(index: tuple[list[int], list[Span]], offset: int) -> Span | None:
    """The sentence of `index` holding `offset`, found by bisection; None outside every one."""
    starts, bounds = index
    at = bisect.bisect_right(starts, offset) - 1
    if at < 0 or not bounds[at][0] <= offset < bounds[at][1]:
        return None
    return bounds[at]


class Coverage:
    """A set of spans that may overlap, asked whether an offset falls inside any of them in
    O(log n): starts sorted, with the furthest end reached so far."""

    def __init__(self, spans: list[Span]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covers(self, offset: int) -> bool:
        """Whether some span has start <= offset < end."""
        at = bisect.bisect_right(self.starts, offset) - 1
        return at >= 0 and self.reach[at] > offset

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span starts before `end` and ends after `start`."""
        before = bisect.bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start
