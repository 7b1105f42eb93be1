"""QUANTITY of unit "times": factors written "3 times" or as a word ("twice")."""
from __future__ import annotations

import re

from pipeline.amounts.predicates import Rejections
from pipeline.amounts.reading import Reading
from pipeline.amounts.scan import NumberScan
from pipeline.domain import DomainData
from pipeline.mention import Mention
from pipeline.patterns import alternation, number_pattern


class FactorStep:
    """Proposes a factor at a number before the factor word, and at every factor word."""

    def __init__(self, domain: DomainData, reading: Reading, rejections: Rejections):
        self.reading, self.rejections = reading, rejections
        numbers = domain["numbers"]
        self.factor_word = numbers["factor_word"]
        self.factor = re.compile(rf"(?P<num>{number_pattern(domain)})\s+{re.escape(self.factor_word)}(?![\w])")
        self.factor_words = re.compile(rf"(?<![\w-])(?P<word>{alternation(numbers['factors'], 'i')})(?![\w-])")
        self.factors = {k.lower(): float(v) for k, v in numbers["factors"].items()}

    def at_number(self, scan: NumberScan, start: int) -> list[Mention]:
        """The factor the number at `start` begins ("3 times"), unless the number is a code."""
        match = self.factor.match(scan.text, start)
        if not match:
            return []
        value = self.reading.parse_number(match.group("num"))
        if value is None or self.rejections.is_code(scan.text, start, match.end("num")):
            return []
        return [self._factor(scan, start, match.end(), value)]

    def in_text(self, scan: NumberScan) -> list[Mention]:
        """Every factor word of the text ("twice", "thrice")."""
        return [self._factor(scan, match.start(), match.end(), self.factors[match.group("word").lower()])
                for match in self.factor_words.finditer(scan.text)]

    def _factor(self, scan: NumberScan, start: int, end: int, value: float) -> Mention:
        return self.reading.mention(scan.doc, "QUANTITY", start, end, value, "factor_rule", unit=self.factor_word)
