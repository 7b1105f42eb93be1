"""The other end of a range written once: "10-15%", "20,000 to 30,000 cameras", "between 300
and 500 cameras", "$1-2 million". Two mentions, as SPEC has "$1.2 million to $23.5 million"."""
from __future__ import annotations

import dataclasses
import itertools
import re

from pipeline.amounts.predicates import Rejections
from pipeline.amounts.reading import Reading
from pipeline.amounts.scan import NumberScan
from pipeline.domain import DomainData
from pipeline.mention import VALUE_LABELS, Mention
from pipeline.patterns import alternation, year_pattern
from pipeline.spans import Coverage

_HYPHENED = re.compile(r"[-\u2013]")  # "6-8": two ends joined by a hyphen or en dash alone


class RangeStep:
    """Proposes the end of a range that has no mention of its own, labelled like the other end;
    and for "$1-2 million", the first amount again with the scale of the second."""

    def __init__(self, domain: DomainData, reading: Reading, rejections: Rejections):
        self.reading, self.rejections = reading, rejections
        ranges = domain["numbers"]["ranges"]
        self.joiner = re.compile(
            rf"[ \u00a0]*{alternation(ranges['signs'])}[ \u00a0]*"
            rf"|[ \u00a0]+(?:{alternation(ranges['words'], 'i')}|(?P<between>{alternation(ranges['after_between'], 'i')})"
            rf"|(?P<money>{alternation(ranges['money_words'], 'i')}))[ \u00a0]+"
            rf"|,[ \u00a0]+(?P<money_after_comma>{alternation(ranges['money_words'], 'i')})[ \u00a0]+")  # "…, up from 8.7 billion"
        self.percent_after = re.compile(rf"[ \u00a0]?{alternation(domain['numbers']['percent_words'], 'i')}(?![\w])")
        self.sign_gap = int(ranges["sign_gap_chars"])
        self.share_range_max = float(ranges["share_range_max"])
        self.year = re.compile(year_pattern(domain))  # no range's bare first end before a sign ("in 2019 to $5 million")
        self.between = re.compile(rf"\b{alternation(ranges['between'], 'i')}\s+\S{{0,4}}$")

    def propose(self, scan: NumberScan, found: list[Mention]) -> tuple[dict[int, Mention], list[Mention]]:
        """(rescaled, ends): the amounts of `found` (by index) that a range gives the scale of its
        second number ("$1-2 million": $1 million), and the mentions of range ends found no other
        way. Nothing in `found` is changed."""
        ranked = sorted((m for m in found if m.label in VALUE_LABELS), key=lambda m: -VALUE_LABELS.index(m.label))
        ending_at = {m.end: m for m in ranked}  # MONEY last, so it wins a shared position
        starting_at = {m.start: m for m in ranked}
        position = {id(m): i for i, m in enumerate(found)}
        taken = Coverage([(m.start, m.end) for m in [*found, *scan.others]])
        rescaled, ends = {}, []
        for (a_start, a_end), (b_start, b_end) in itertools.pairwise(scan.numbers):
            first = ending_at.get(a_end)
            pair = self._pair(scan.text, (a_start, a_end, b_start, b_end), first is not None and first.label == "MONEY")
            if pair is None:
                continue
            second = starting_at.get(b_start)
            if second is None and b_start - a_end > 1:
                sign = self.reading.currency_before(scan.text, b_start)
                second = starting_at.get(sign.start()) if sign else None
            end, scaled = self._range_end(scan, (a_start, a_end, b_start, b_end), pair, (first, second), taken)
            if end is not None:
                ends.append(end)
            if scaled is not None:
                rescaled[position[id(first)]] = scaled
        return rescaled, ends

    def _range_end(self, scan: NumberScan, spans: tuple[int, int, int, int], pair: tuple[float, float, float],
                   mentions: tuple[Mention | None, Mention | None], taken: Coverage) -> tuple[Mention | None, Mention | None]:
        """(the mention of a range end found no other way, the first amount rescaled) of one pair:
        "10-15%" labels 10 like 15%, but no scaled number or one above `share_range_max` is a share
        ("33.9 million or 1 in 4 households", "fell by 770,000 or five percent"; "between 200 and
        300 percent" is); "$1-2 million" rescales $1 and proposes 2 million; "$1.5 to $1.8 billion"
        rescales $1.5."""
        a_start, a_end, b_start, b_end = spans
        a_value, b_value, scale = pair
        first, second = mentions
        if second is not None and second.start <= b_start < second.end and not taken.overlaps(a_start, a_end) \
                and not (second.label == "PERCENT" and (self.reading.has_scale(scan.text[a_start:a_end]) or a_value > self.share_range_max)) \
                and not (second.start < b_start and self.year.fullmatch(scan.text, a_start, a_end)):  # "from 1,200 to Sh1,600"
            unit_factor = second.value / b_value if second.value is not None and b_value else 1.0  # "25 to 50 basis points", "20 to 50 cents"
            return self.reading.mention(scan.doc, second.label, a_start, a_end, a_value * scale * unit_factor, "range_rule",
                                        currency=second.currency, unit=second.unit), None
        if first is not None and second is not None and _shares_scale(first, second, a_value, scale):
            return None, dataclasses.replace(first, value=first.value * scale)  # "between five and seven million people"
        if first is None or first.label != "MONEY":
            return None, None
        return self._money_end(scan, spans, pair, mentions, taken)

    def _money_end(self, scan: NumberScan, spans: tuple[int, int, int, int], pair: tuple[float, float, float],
                   mentions: tuple[Mention, Mention | None], taken: Coverage) -> tuple[Mention | None, Mention | None]:
        """`_range_end` of a range whose first end is money: the second end with a scale ("$1-2
        million"), or bare and larger after a hyphen or a joiner ("Rs 6-8 per kg", "N215-N220", "from
        KSh50 to 100"); or the first rescaled."""
        a_start, a_end, b_start, b_end = spans
        a_value, b_value, scale = pair
        first, second = mentions
        if not taken.overlaps(b_start, b_end) and self.reading.has_scale(scan.text[b_start:b_end]):
            return (self.reading.mention(scan.doc, "MONEY", b_start, b_end, b_value, "range_rule", currency=first.currency),
                    dataclasses.replace(first, value=first.value * scale))
        start = self._hyphened_end(scan.text, (a_start, a_end), b_start)
        start = b_start if start is None and self.joiner.fullmatch(scan.text, a_end, b_start) else start  # "between N90,000 and 100,000"
        if second is None and start is not None and not taken.overlaps(start, b_end) and scale == 1.0 and first.value == a_value < b_value:
            return self.reading.mention(scan.doc, "MONEY", start, b_end, b_value, "range_rule", currency=first.currency), None
        return None, None

    @staticmethod
    def _hyphened_end(text: str, a_span: tuple[int, int], b_start: int) -> int | None:
        """Where a range's bare second end starts after a hyphen alone ("Rs 6-8 per kg"), or after
        a hyphen and the first end's own letter sign again ("N215-N220"); None when no hyphen joins them."""
        a_start, a_end = a_span
        if not _HYPHENED.fullmatch(text, a_end, a_end + 1):
            return None
        letters = text[a_end + 1:b_start]
        return a_end + 1 if not letters or letters.isalpha() and text[a_start - len(letters):a_start] == letters else None

    def _joiner(self, text: str, spans: tuple[int, int, int, int], money_first: bool) -> re.Match | None:
        """What joins two numbers as a range: a joiner alone, before the second's own sign ("$1.5
        to $1.8 billion"), or a hyphen before the first's letter sign again ("N215-N220")."""
        a_start, a_end, b_start, _ = spans
        joiner = self.joiner.fullmatch(text, a_end, b_start)
        if not joiner and b_start - a_end <= self.sign_gap:
            sign = self.reading.currency_before(text, b_start)
            joiner = self.joiner.fullmatch(text, a_end, sign.start()) if sign and sign.start() > a_end else None
        if not joiner and money_first and self._hyphened_end(text, (a_start, a_end), b_start):
            joiner = self.joiner.fullmatch(text, a_end, a_end + 1)
        return joiner

    def _pair(self, text: str, spans: tuple[int, int, int, int], money_first: bool) -> tuple[float, float, float] | None:
        """(first value, second value, scale the first takes from the second) of two numbers
        joined as a range, or None when they are not one; the first of a code ("Boeing 747-400")
        is none unless it was found as money after its sign ("Rs 3-4 billion")."""
        a_start, a_end, b_start, b_end = spans
        joiner = self._joiner(text, spans, money_first)
        if not joiner or joiner.group("between") is not None and not self.between.search(
                text, max(0, a_start - self.reading.windows.between_before), a_start) \
                and not self.percent_after.match(text, b_end):
            return None  # "and" joins after "between", or before a percentage: "2.5 and 7.5 per cent"
        a_text, b_text = text[a_start:a_end], text[b_start:b_end]
        money_joined = (joiner.group("money") or joiner.group("money_after_comma")) is not None
        if money_joined and not (money_first and self.reading.has_scale(a_text) and self.reading.has_scale(b_text)):
            return None  # "from" joins only "LE 65 million from 90 million"
        a_value, b_value = self.reading.parse_number(a_text), self.reading.parse_number(b_text)
        if a_value is None or b_value is None or not money_first \
                and self.rejections.is_code(text, a_start, a_end, check_after=False):
            return None  # "Boeing 747-400", "No. 6-2007"
        b_scale = self.reading.scale_of(b_text, b_value)
        scaled = not self.reading.has_scale(a_text) and a_value <= b_value / b_scale
        return a_value, b_value, b_scale if scaled else 1.0  # "$1-2 million", not "from 60,000 to 1.5 million"


def _shares_scale(first: Mention, second: Mention, a_value: float, scale: float) -> bool:
    """Whether a range's first end, found as an amount of its own without a scale, takes the
    second's ("$1.5 to $1.8 billion", "between five and seven million people"): the same label
    and currency or unit."""
    return scale != 1.0 and first.value == a_value and first.label == second.label \
        and (first.currency, first.unit) == (second.currency, second.unit)
