"""QUANTITY: a number and the noun it counts ("1,800 new CCTV cameras", "a 2,000-camera
network"), also through a partitive ("12 of the 47 counties")."""
from __future__ import annotations

import re

from pipeline.amounts.predicates import Rejections
from pipeline.amounts.reading import Reading
from pipeline.amounts.scan import NumberScan
from pipeline.domain import DomainData
from pipeline.mention import Mention
from pipeline.patterns import alternation, number_pattern

_HYPHEN_NOUN = re.compile(r"-([a-z]{3,})(?![\w-])")
_LOWER_BOUND_AFTER = re.compile(r"(?:\+|-(?i:plus)) ")
_PAIRED_AFTER = re.compile(r"[/-][a-z]+[ ]+[a-z]")  # a word paired with another before a noun: "day/night cameras"
_NEXT_WORD = re.compile(r"[ \t]+([a-z]{3,})(?![\w-])")
# digits grouped by dots ("1.306 cameras"): a count is never a fraction, so the dots group thousands
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")

_NO_NOUN = (None, False, 0)
# the next number of a list; three digits ending it are thousands misspaced ("40, 849 cases")
_LIST_NEXT = re.compile(r",[ \t]+(?:(?:and|or)[ \t]+)?(?:(?P<misspaced>\d{3}(?![\d.,])(?![ \t]+(?:and|or)[ \t]+\d|,))|\d)")


def _lower_bound_length(text: str, end: int) -> int:
    """How many characters of a lower bound follow a number, the space after it left out:
    "300+ organisations" 1, "1,000-plus staff" 5, else 0."""
    found = _LOWER_BOUND_AFTER.match(text, end)
    return found.end() - end - 1 if found else 0


class CountStep:
    """Proposes a count at a number followed by the noun it counts."""

    def __init__(self, domain: DomainData, reading: Reading, rejections: Rejections):
        self.reading, self.rejections = reading, rejections
        self.device_measures = {unit: set(words) for unit, words in domain["numbers"]["device_measures"].items()}
        self.rate_before = re.compile(rf"(?<![\w-]){alternation(domain['numbers']['rate_denominator_words'], 'i')}[ ]+\Z")
        numbers = domain["numbers"]
        number = number_pattern(domain)
        self.count = re.compile(number)
        determiners = alternation(numbers["partitive_determiners"], "i")
        self.partitive = re.compile(
            rf"[ \u00a0]+{alternation(numbers['partitive_words'], 'i')}[ \u00a0]+(?P<det>(?:(?:{determiners})[ \u00a0]+)?[A-Za-z][\w-]*['’]s[ \u00a0]+|(?:{determiners})[ \u00a0]+)?"
            rf"(?P<whole>{number}(?![\w]))?"
        )
        # what can follow a number that counts a noun: a noun search's start, the hyphen of a
        # compound ("2,000-camera") or the space before a partitive's "of"
        self.counted_after = reading.noun_starts | {"-", "\u00a0"}
        self._technologies: tuple[NumberScan | None, dict[int, Mention]] = (None, {})  # a scan's TECHNOLOGY by start

    def at_number(self, scan: NumberScan, start: int) -> list[Mention]:
        """The count the number at `start` makes, if it counts a noun."""
        match = self.count.match(scan.text, start)
        mention = self._count(scan, match) if match else None
        return [mention] if mention else []

    def _count(self, scan: NumberScan, match: re.Match) -> Mention | None:
        """A number followed by the noun it counts; None when it is a year, a code, a
        measurement or counts nothing."""
        text, start, end, written = scan.text, match.start(), match.end(), match.group()
        plus = _lower_bound_length(text, end)
        if text[end + plus:end + plus + 1] not in self.counted_after and not self._listed_before_next(text, start, written, end):
            return None  # "in 2019, ...", "(15%)": no noun can follow
        value = self.reading.parse_number(written)
        if value is not None and self.reading.ends_in_mil.search(written):
            value /= 1e3  # "10 mil cámaras": a count's "mil" is a thousand (in English money, a million)
        compound = None if plus else _HYPHEN_NOUN.match(text, end)  # "a 2,000-camera network"
        if value is None or self._counts_nothing(text, (start, end + plus), written, value, compound):
            return None
        noun, plural, noun_end = self._noun(scan, end + plus, compound)
        if self._no_counted_noun(noun) and not self._device_measure(text[end + plus:end + plus + noun_end]):
            return None
        if not (plural or compound or value == 1 or self.reading.counts_in_singular(noun)):
            return None  # "9 withheld information": more than one of a noun is written in the plural
        if _DOT_THOUSANDS.fullmatch(written):
            value = float(written.replace(".", ""))
        if value == 1 and not plural:  # "one police station": a noun counted in the singular describes the next
            noun, noun_end = self._head_after_singular_counted(text, end + plus, noun, noun_end)
        if (self.rejections.is_year(text, start, written, value, plural, noun)
                or self.rejections.is_named_or_scored(text, start, end, value)):
            return None
        period = self.reading.period_after(text, end) or self.reading.period_after(text, end + noun_end)
        return self.reading.mention(scan.doc, "QUANTITY", start, end, value, "count_rule", unit=noun, period=period)

    def _no_counted_noun(self, noun: str | None) -> bool:
        """Whether a noun found after a number is none it counts: a word of measure or time (also
        a compound's last part: "467 gigawatt-hours"), an anaphor ("10 new ones" counts the noun
        before) or a currency ("the budget for 2018 of 12.5 billion riyals")."""
        return noun is None or self.rejections.is_not_counted(noun.rpartition("-")[2]) \
            or noun in self.reading.anaphoric_units or noun in self.reading.currency_names

    def _device_measure(self, phrase: str) -> bool:
        """Whether a measure's name is a device's there: "4 000 smart meters", "1,200 prepaid meters"
        (`device_measures`: the measure and the words before it that make it a device)."""
        words = phrase.lower().split()
        return len(words) >= 2 and words[-2] in self.device_measures.get(self.reading.unit_lemma(words[-1]), ())

    def _listed_before_next(self, text: str, start: int, written: str, end: int) -> bool:
        """Whether a number that is no year stands first in a list of numbers sharing the noun
        after the last ("15,400, 12,600, and 10,600 reported breaches"); not a week's or a day's
        number ("During week 15, 1584 new cases"), nor thousands misspaced ("40, 849 cases")."""
        listed = _LIST_NEXT.match(text, end)
        if listed is None or len(written) == 4 and written.isdigit() or listed.group("misspaced"):
            return False
        return not self.rejections.is_after_a_measure(text, start)

    def _head_after_singular_counted(self, text: str, end: int, noun: str, noun_end: int) -> tuple[str, int]:
        """(noun, its end after `end`): the lower-case noun right after a noun counted in the
        singular ("one police station" counts stations, "one staff member" members)."""
        following = _NEXT_WORD.match(text, end + noun_end)
        if not self.reading.counts_in_singular(noun) or not following:
            return noun, noun_end
        word = following.group(1)
        if word in self.reading.unit_stop or word.endswith(self.reading.not_noun_endings) or self.rejections.is_not_counted(word):
            return noun, noun_end
        return self.reading.unit_lemma(word), following.end() - end

    def _counts_nothing(self, text: str, span: tuple[int, int], written: str, value: float,
                        compound: re.Match | None) -> bool:
        """Whether a number is no count whatever follows it: a rate's denominator ("per 1,000
        citizens"), a format name, a price-base year, a code, a lone "one", a hyphen adjective ("a
        10-fold rise") or a measure or duration after it ("the 5,000 km border", "15 year
        maturities"); `span` ends where its noun may start."""
        start, end = span
        rejections = self.rejections
        if self.rate_before.search(text, max(0, start - 8), start):
            return True  # "73 cameras per 1,000 citizens": a rate's denominator
        if rejections.is_format_name(written) or rejections.is_price_base_year(text, start, written) \
                or len(written) > 2 and rejections.is_zero_padded(written):  # "0223" names; a tender's "01 System" counts
            return True
        if compound and rejections.is_hyphen_adjective(compound.group(1)):
            return True
        bounded = end > start + len(written)  # "1,000-plus staff": no code's hyphen
        if rejections.is_code(text, start, start + len(written), check_after=compound is None and not bounded) \
                or rejections.is_lone_one(text, start, written, value):
            return True
        first = self.reading.word_after(text, end)
        paired = bool(first) and _PAIRED_AFTER.match(text, text.find(first, end) + len(first)) is not None
        return bool(first) and rejections.is_not_counted(first.lower()) and not paired  # "7,500 day/night cameras"

    def _technology_noun(self, scan: NumberScan, end: int) -> tuple[str, bool, int] | None:
        """The plural head of a TECHNOLOGY phrase right after the number, whose words a noun
        search would stop inside ("16 command and control centres" counts centres)."""
        if self._technologies[0] is not scan:
            self._technologies = (scan, {m.start: m for m in scan.others if m.label == "TECHNOLOGY"})
        technology = self._technologies[1].get(end + 1)
        if technology is None or scan.text[end] != " ":
            return None
        singular = self.reading.plural_to_singular(technology.text.split()[-1].split("-")[-1])
        return (singular, True, technology.end - end) if singular else None

    def _noun(self, scan: NumberScan, end: int, compound: re.Match | None) -> tuple[str | None, bool, int]:
        """(noun, written in the plural, where it ends after `end`) counted by the number ending
        at `end`: the noun of its hyphen compound, the head of a technology phrase after it, the
        noun after it, or after its partitive."""
        if compound:
            return self.reading.unit_lemma(compound.group(1)), False, compound.end() - end
        found = self._technology_noun(scan, end) or self.reading.noun_after(scan.text, end)
        if found[0] is None:
            found = self._partitive_noun(scan.text, end)
        return found if found[0] is not None else self._technology_acronym(scan, end)

    def _technology_acronym(self, scan: NumberScan, end: int) -> tuple[str | None, bool, int]:
        """A TECHNOLOGY acronym used as the counted noun itself, which takes no plural ending in
        much of the world's English ("4,000 CCTV in the capital" counts cctv)."""
        technology = self._technologies[1].get(end + 1)
        if technology is None or not technology.text.isupper() or not technology.text.isalpha():
            return _NO_NOUN
        return technology.text.lower(), True, technology.end - end

    def _partitive_noun(self, text: str, end: int) -> tuple[str | None, bool, int]:
        """The noun counted through a partitive: "12 of the 47 counties", "eleven among the 24
        deaths", "2,500 of the Lahore cameras", "two of Santiago's districts", "48 of the country's 90 districts" (a determiner
        alone needs a plural noun)."""
        partitive = self.partitive.match(text, end)
        if not partitive or not (partitive.group("det") or partitive.group("whole")):
            return _NO_NOUN
        noun, plural, noun_end = self.reading.noun_after(text, partitive.end())
        if not (plural or partitive.group("whole") or noun and self.reading.counts_in_singular(noun)):
            return _NO_NOUN  # "380 of his cattle" counts a noun counted in the singular
        return noun, plural, noun_end + partitive.end() - end
