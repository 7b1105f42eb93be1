"""PERCENT written as a share: fractions ("half of the cameras", "fell by a third") and ratios
("one in five households")."""
from __future__ import annotations

import re

from pipeline.amounts.reading import Reading
from pipeline.amounts.scan import NumberScan
from pipeline.domain import DomainData
from pipeline.mention import Mention
from pipeline.patterns import Keyed, alternation, first_letters_guard, small_number_pattern


class FractionStep:
    """Proposes PERCENT at a fraction word before "of" or after "by"."""

    def __init__(self, domain: DomainData, reading: Reading):
        self.reading = reading
        numbers = domain["numbers"]
        followers = alternation(numbers["fraction_followers"], "i")
        leaders = alternation(numbers["fraction_leaders"], "i")
        fractions = alternation(numbers["fractions"], "i")
        # "half the cameras", "half its budget": a fraction before a determiner, for those written so
        before_determiner = alternation(numbers["fractions_before_determiners"], "i")
        determiners = alternation(numbers["fraction_determiners"], "i")
        ordinal_nouns = alternation(numbers["fraction_ordinal_nouns"], "i")
        self.fraction = Keyed(re.compile(
            rf"(?:(?<![\w-])(?P<frac>{fractions})(?=\s+{followers}\b)"
            rf"|(?<=\b{leaders} )(?P<lead>{fractions})(?![\w-])(?!\s+{ordinal_nouns}\b)"
            rf"|(?<![\w-])(?P<det>{before_determiner})(?=\s+{determiners}\b)"
            rf"|(?<![\w-])(?P<noun>{fractions})(?=\s+{alternation(numbers['fractions_before_nouns'], 'i')}\b))"
        ), numbers["fractions"])
        self.period_ordinal = re.compile(rf"(?<![\w-]){alternation(numbers['period_ordinals'], 'i')}\s+\Z")
        # "rose by almost a fifth": a qualifier between the leader and the fraction
        qualifier_words = [word for words in numbers["qualifiers"].values() for word in words]
        qualifiers = alternation(qualifier_words, "i")
        self.qualified_reach = max(map(len, numbers["fraction_leaders"])) + max(map(len, qualifier_words)) + 3
        self.bare_fraction = Keyed(re.compile(rf"(?<![\w-]){fractions}(?![\w-])"), numbers["fractions"])
        self.qualified_lead = re.compile(rf"(?<![\w-]){leaders}\s+{qualifiers}\s+\Z")
        # "almost 1/4 of that", "1/4th of this project"
        self.slashed = re.compile(rf"(?<![\w/.,])(?P<part>\d{{1,2}})/(?P<whole>\d{{1,2}})"
                                  rf"(?:{alternation(numbers['ordinal_suffixes'])})?(?=\s+{followers}\b)")

    def in_text(self, scan: NumberScan) -> list[Mention]:
        """Every fraction of a whole in the text, in percentage points; not a part of a period
        after an ordinal ("the second half of 2022", "the first quarter")."""
        found = [self.reading.mention(scan.doc, "PERCENT", match.start(), match.end(),
                                      self.reading.parse_percent(match.group()), "fraction_rule")
                 for match in self.fraction.finditer(scan.text)
                 if not self.period_ordinal.search(scan.text, max(0, match.start() - 12), match.start())]
        found += [self.reading.mention(scan.doc, "PERCENT", match.start(), match.end(),
                                       self.reading.parse_percent(match.group()), "fraction_rule")
                  for match in self.bare_fraction.finditer(scan.text)
                  if self.qualified_lead.search(scan.text, max(0, match.start() - self.qualified_reach), match.start())]
        if "/" in scan.text:
            for match in self.slashed.finditer(scan.text):
                part, whole = int(match.group("part")), int(match.group("whole"))
                if 0 < part < whole:
                    found.append(self.reading.mention(scan.doc, "PERCENT", match.start(), match.end(),
                                                      round(100 * part / whole, 2), "fraction_rule"))
        return found


class RatioStep:
    """Proposes PERCENT at "one in five" or "3 out of 10" followed by the plural noun counted."""

    def __init__(self, domain: DomainData, reading: Reading):
        self.reading = reading
        numbers = domain["numbers"]
        small = rf"(?:\d{{1,3}}|{small_number_pattern(domain)})"
        start = first_letters_guard([*numbers["units"], *numbers["tens"]], digits=True, behind=r"(?<![\w.,-])")
        self.ratio = re.compile(
            rf"{start}(?P<part>{small})\s+(?P<word>{alternation(numbers['ratio_words'], 'i')})\s+(?P<whole>{small})(?![\w.,%-])"
        )
        self.out_of_words = {word.lower() for word in numbers["out_of_ratio_words"]}
        self.out_of_max_whole = float(numbers["out_of_ratio_max_whole"])
        self.out_of_wholes = {float(whole) for whole in numbers["out_of_ratio_wholes"]}
        self.elided_wholes = {float(whole) for whole in numbers["ratio_wholes_without_noun"]}
        self.not_counted = {w.lower() for w in [*numbers["not_units"], *numbers["measure_units"]]}
        determiners = alternation(numbers["partitive_determiners"], "i")
        partitive = alternation(numbers["partitive_words"], "i")
        self.of_the = re.compile(rf"[ \u00a0]+{partitive}(?:[ \u00a0]+{determiners})?(?=[ \u00a0])")
        self.month_before = re.compile(rf"(?<![\w-]){alternation(domain['dates']['months'], 'i')}[ \u00a0]+\Z")
        self.month_reach = max(map(len, domain["dates"]["months"])) + 2  # the longest month's name and a space

    def in_text(self, scan: NumberScan) -> list[Mention]:
        """Every ratio of a part below its whole that counts things, in percentage points."""
        found = []
        for match in self.ratio.finditer(scan.text):
            part, whole = self.reading.parse_number(match.group("part")), self.reading.parse_number(match.group("whole"))
            if part and whole and part < whole and self._ratio_whole(match.group("word"), whole) \
                    and self._counts_after(scan.text, match.end(), whole) and not self._a_day(scan.text, match.start()):
                found.append(self.reading.mention(scan.doc, "PERCENT", match.start(), match.end(),
                                                  round(100 * part / whole, 2), "ratio_rule"))
        return found

    def _counts_after(self, text: str, end: int, whole: float) -> bool:
        """Whether the ratio counts a plural noun after it, or elides it after a round whole
        before a verb ("nine in 10 lack water"; not "3 in 10 minutes")."""
        unit, plural, _ = self.reading.noun_after(text, end)
        if plural:
            return unit not in self.not_counted  # "3 in 10 minutes" is a time
        of = self.of_the.match(text, end)  # "1 in 3 of Bogota's cameras", "one in five of the cameras"
        if of and self.reading.noun_after(text, of.end())[1]:
            return True
        word = self.reading.word_after(text, end)
        return whole in self.elided_wholes and bool(word) and word.islower() and word not in self.not_counted

    def _a_day(self, text: str, start: int) -> bool:
        """Whether the part is a day after its month ("to June 1 in seven phases")."""
        return self.month_before.search(text, max(0, start - self.month_reach), start) is not None

    def _ratio_whole(self, word: str, whole: float) -> bool:
        """Whether the whole makes a ratio: any after "in"; after "out of" a small or round one."""
        return (" ".join(word.lower().split()) not in self.out_of_words
                or whole <= self.out_of_max_whole or whole in self.out_of_wholes)
