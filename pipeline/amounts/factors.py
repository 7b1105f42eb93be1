"""QUANTITY of unit "times": factors written "3 times", as a word ("twice"), with "-fold"
("fivefold", "10-fold") or as a verb of multiplying ("doubled", "will triple")."""
from __future__ import annotations

import re

from pipeline.amounts.predicates import Rejections
from pipeline.amounts.reading import Reading
from pipeline.amounts.scan import NumberScan
from pipeline.domain import DomainData
from pipeline.mention import Mention
from pipeline.patterns import Keyed, alternation, number_pattern, small_number_pattern


class FactorStep:
    """Proposes a factor at a number before the factor word, and at every factor word."""

    def __init__(self, domain: DomainData, reading: Reading, rejections: Rejections):
        self.reading, self.rejections = reading, rejections
        numbers = domain["numbers"]
        self.factor_word = numbers["factor_word"]
        self.factor = re.compile(rf"(?P<num>{number_pattern(domain)})\s+{re.escape(self.factor_word)}(?![\w])")
        words, bases = {**numbers["factors"], **numbers["factor_verbs"]}, numbers["factor_verb_bases"]
        self.factors = {k.lower(): float(v) for k, v in {**words, **bases}.items()}
        self.factor_words = Keyed(re.compile(
            rf"(?<![\w-])(?:(?P<word>{alternation(words, 'i')})|(?P<base>{alternation(bases, 'i')}))(?![\w-])"),
            [*words, *bases])
        self.verb_leader = re.compile(rf"(?<![\w]){alternation(numbers['factor_verb_leaders'], 'i')}[ \u00a0]+\Z")
        self.fold = re.compile(rf"(?i:{re.escape(numbers['fold_suffix'])}s?)(?![\w-])")  # "six-folds" as written too
        self.fold_number = re.compile(rf"(?<![\w.,-])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{small_number_pattern(domain)})[- ]?\Z")
        self._last_scan: tuple[NumberScan | None, bool] = (None, False)  # a doc's scan, and whether it has the word
        self.idiom_before = re.compile(rf"(?<![\w]){alternation(numbers['factor_idiom_before'], 'i')}[ \u00a0]+\Z")
        self.idiom_after = re.compile(rf"[ \u00a0]+{alternation(numbers['factor_idiom_after'], 'i')}(?![\w])")

    def at_number(self, scan: NumberScan, start: int) -> list[Mention]:
        """The factor the number at `start` begins ("3 times"), unless the number is a code; in a
        text without the factor word (most texts) none, at once."""
        if self._last_scan[0] is not scan:
            self._last_scan = (scan, self.factor_word in scan.text)
        match = self.factor.match(scan.text, start) if self._last_scan[1] else None
        if not match:
            return []
        value = self.reading.parse_number(match.group("num"))
        if value is None or self.rejections.is_code(scan.text, start, match.end("num")):
            return []
        return [self._factor(scan, start, match.end(), value)]

    def in_text(self, scan: NumberScan) -> list[Mention]:
        """Every factor word of the text ("twice", "doubled", "will triple"), then every "-fold"
        after a number ("fivefold", "10-fold")."""
        text = scan.text
        found = [self._factor(scan, match.start(), match.end(), self.factors[match.group().lower()])
                 for match in self.factor_words.finditer(text)
                 if (match.group("word") or self.verb_leader.search(text, max(0, match.start() - 20), match.start()))
                 and not self._idiom(text, match)]
        for fold in self.fold.finditer(text):
            number = self.fold_number.search(text, max(0, fold.start() - 20), fold.start())
            value = self.reading.parse_number(number.group("num")) if number else None
            if value is not None and not self.rejections.is_code(text, number.start(), number.end("num"), check_after=False):
                found.append(self._factor(scan, number.start(), fold.end(), value))
        return found

    def _idiom(self, text: str, match: re.Match) -> bool:
        """A factor word inside an idiom that multiplies nothing: "think twice", "doubled down"."""
        return bool(self.idiom_before.search(text, max(0, match.start() - 20), match.start())
                    or self.idiom_after.match(text, match.end()))

    def _factor(self, scan: NumberScan, start: int, end: int, value: float) -> Mention:
        return self.reading.mention(scan.doc, "QUANTITY", start, end, value, "factor_rule", unit=self.factor_word)
