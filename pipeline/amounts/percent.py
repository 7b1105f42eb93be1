"""PERCENT written with a percent word: "15%", "minus 5 per cent", "percent of 10"."""
from __future__ import annotations

import re

from pipeline.amounts.predicates import Rejections
from pipeline.amounts.reading import Reading
from pipeline.amounts.scan import NumberScan
from pipeline.domain import DomainData
from pipeline.mention import Mention
from pipeline.patterns import Caseless, Keyed, alternation, number_pattern


class PercentStep:
    """Proposes PERCENT at a number before a percent word, and after "percent of"."""

    def __init__(self, domain: DomainData, reading: Reading, rejections: Rejections):
        self.reading, self.rejections = reading, rejections
        numbers = domain["numbers"]
        number = number_pattern(domain)
        percent_words = alternation(numbers["percent_words"], "i")
        self.percent = re.compile(  # "a 92-percent rise", "its two-percent target"
            rf"(?P<num>{number_pattern(domain, hyphen_after=True)})(?:[ \u00a0]|-(?=[a-z]))?(?P<pw>{percent_words})(?![\w])")
        # "25 basis points": hundredths of a percentage point
        self.basis_points = re.compile(
            rf"(?P<num>{number})(?:[ \u00a0]|-(?=[a-z]))?{alternation(numbers['basis_point_words'], 'i')}(?![\w])")
        # "3,4%", "12,5 per cent": a comma before one or two digits is a decimal comma (a thousands
        # separator comes before three)
        self.decimal_comma = re.compile(rf"(?<![\d.,])(?P<whole>\d{{1,3}}),(?P<part>\d{{1,2}})[ \u00a0]?(?P<pw>{percent_words})(?![\w])")
        # "percent of 10", "per cent of twenty-two": the percent word first, the number ending the
        # phrase (not a number's digits before its decimals: "percentage of 10.61 per cent").
        self.percent_of = Keyed(re.compile(
            rf"(?<![\w%])(?P<pw>{percent_words})[ ]+(?i:of)[ ]+(?P<num>{number})(?=[ ]*(?:[.,;:!?)](?!\d)|\n|\Z))"
        ), numbers["percent_words"])
        # "half a percent", "a quarter of a percentage point": a fraction of one percent
        self.fraction_of_one = re.compile(
            rf"(?<![\w-])(?P<fraction>{alternation(numbers['fractions'], 'i')})[ ]+(?:(?i:of)[ ]+)?(?i:a|one)[ ]+{percent_words}(?![\w])")
        self.one_percent = Caseless(rf"(?:a|one)[ ]+{alternation([w.lower() for w in numbers['percent_words'] if w.isalpha() or ' ' in w])}")
        # "minus 5 per cent", but not a margin "plus or minus 3.5 percentage points"
        margins = "".join(rf"(?<!{re.escape(before)})" for before in numbers["negative_not_after"])
        self.negative_tail = re.compile(rf"(?<![\w-]){margins}{alternation(numbers['negative_words'], 'i')}[ ]+$")

    def at_number(self, scan: NumberScan, start: int) -> list[Mention]:
        """The percentage the number at `start` begins ("15%", "25 basis points" is 0.25),
        negative after "minus"."""
        match = self.percent.match(scan.text, start)
        if match:
            value = self.reading.parse_percent(match.group("num") + "%")
        elif match := self.decimal_comma.match(scan.text, start):
            value = float(f"{match.group('whole')}.{match.group('part')}")
        elif match := self.basis_points.match(scan.text, start):
            points = self.reading.parse_number(match.group("num"))
            value = None if points is None else round(points / 100, 4)
        else:
            return []
        negative = self.negative_tail.search(scan.text, max(0, start - self.reading.windows.negative_before), start)
        if value is not None and negative:
            value = -value
        begin = negative.start() if negative else start
        return [self.reading.mention(scan.doc, "PERCENT", begin, match.end(), value, "percent_rule")]

    def in_text(self, scan: NumberScan) -> list[Mention]:
        """The percentages written "percent of" a number that ends the phrase, and fractions of
        one percent ("half a percent")."""
        found = [self.reading.mention(scan.doc, "PERCENT", match.start(), match.end(),
                                      self.reading.parse_number(match.group("num")), "percent_rule")
                 for match in self.percent_of.finditer(scan.text)
                 if not self.rejections.is_after_number(scan.text, match.start())]
        for match in self.fraction_of_one.finditer(scan.text) if self.one_percent.search(scan.text) else ():
            share = self.reading.parse_percent(match.group("fraction"))
            found.append(self.reading.mention(scan.doc, "PERCENT", match.start(), match.end(),
                                              None if share is None else round(share / 100, 4), "percent_rule"))
        return found
