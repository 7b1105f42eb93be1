"""Why an amount step drops a number it matched: one named predicate per reason ("a code", "a
road name", "a video format", "a year"...), each true when the number is NOT the amount the
step looks for. Words and thresholds come from `numbers.yaml`, `currencies.yaml`, `dates.yaml`."""
from __future__ import annotations

import re

from pipeline.amounts.reading import Reading
from pipeline.domain import DomainData
from pipeline.patterns import alternation, number_pattern

_CODE_BEFORE = re.compile(r"[A-Za-z#]-?\Z|\d[.,:/]\Z|[A-Za-z]\w*\d-\Z")  # \Z: "$" would also match before a line break
_CODE_AFTER = re.compile(r"-?[A-Za-z]|[.,:/]\d|-\d")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[ \u00a0]+$")
_DIGIT_BEFORE = re.compile(r"\d ?$")


class Rejections:
    """The rejection rules of the amount steps, bound to one DomainData."""

    def __init__(self, domain: DomainData, reading: Reading):
        numbers, currencies = domain["numbers"], domain["currencies"]
        self.reading = reading
        self.windows = reading.windows
        self.letter_sign_below = float(currencies["letter_sign_below"])
        self.format_numbers = set(numbers["format_numbers"])
        self.code_words = set(numbers["code_words"])
        self.qualifier_words = {w.lower() for ws in numbers["qualifiers"].values() for w in ws}
        self.not_counted = {w.lower() for w in [*numbers["not_units"], *numbers["measure_units"]]}
        self.hyphen_adjectives = self.not_counted | {
            w.lower() for w in [*numbers["hyphen_adjectives"], *numbers["units"], *numbers["tens"]]}
        self.years = tuple(domain["dates"]["year_range"])
        self.year_cues = {w.lower() for w in domain["dates"]["year_cues"]}
        self.number_before = re.compile(rf"(?:{number_pattern(domain)})[ \u00a0]*$")
        self.range_starts = re.compile(rf"(?<![\w]){alternation(numbers['range_starts'], 'i')}\s+\S*$")

    def is_format_name(self, written: str) -> bool:
        """A format or standard written as a number: "4K", "5G", "1080p"."""
        return written in self.format_numbers

    def is_code(self, text: str, start: int, end: int, check_after: bool = True) -> bool:
        """A number inside a name or code: 'ECU 911', 'BOL-110', '5G', 'Section 3', 'COVID-19'."""
        before = text[max(0, start - self.windows.code_before):start]
        if _CODE_BEFORE.search(before) or check_after and _CODE_AFTER.match(text[end:end + self.windows.code_after]):
            return True
        previous = _WORD_BEFORE.search(before)
        if not previous:
            return False
        word = previous.group(1)
        if word in self.code_words or (word.isupper() and len(word) > 1 and word.isalpha()):
            return True
        preceding = before[:previous.start()].rstrip()
        at_sentence_start = not preceding or preceding[-1] in '.!?\n"“'
        return word[0].isupper() and not at_sentence_start and word.lower() not in self.qualifier_words

    def is_road_name(self, sign: str | None, number: str, value: float) -> bool:
        """A one-letter sign before a small number without a scale word: "the R40" is more
        likely a road than 40 rand."""
        return (bool(sign) and len(sign) == 1 and sign.isascii() and sign.isalpha()
                and value < self.letter_sign_below and not self.reading.has_scale(number))

    @staticmethod
    def is_video_format(short_subunit: str | None, amount: float) -> bool:
        """A number with a one-letter subunit worth a whole unit or more: "1080p" is a video
        format, not 10.80 pounds."""
        return bool(short_subunit) and amount >= 1

    def is_name_without_scale(self, number: str) -> bool:
        """A currency name before a number without a scale word: "won 3 games" is no money,
        "dollar 22.5 million" is."""
        return not self.reading.has_scale(number)

    def is_currency_first(self, text: str, start: int) -> bool:
        """A number with its own currency right before it, which no number before claims:
        "rmb 10 usd 20" is 10 rmb, not 10 usd (but in "10 rmb 20 usd" the rmb is the 10's)."""
        currency = self.reading.currency_before(text, start)
        return bool(currency) and not _DIGIT_BEFORE.search(text, max(0, currency.start() - 2), currency.start())

    def is_range_start(self, text: str, start: int) -> bool:
        """An amount after "between" or "from": the number after "and" is the range's other end
        ("between $10 and 20"), not its cents."""
        return bool(self.range_starts.search(text[max(0, start - self.windows.range_start_before):start]))

    def is_after_number(self, text: str, start: int) -> bool:
        """A "percent of" phrase whose percent word belongs to the number before it ("5 percent
        of 10")."""
        return bool(self.number_before.search(text[max(0, start - self.windows.number_before_percent_of):start]))

    def is_hyphen_adjective(self, word: str) -> bool:
        """A word after a number and a hyphen that makes no count: "a 500-strong unit", "a
        10-fold rise", "a 15-year loan"."""
        return word.lower() in self.hyphen_adjectives

    def is_not_counted(self, word: str) -> bool:
        """A word (as given: callers lower-case it or not) naming a measure, a duration or a
        rate, not counted things: "the 5,000 km border", "15 year maturities", "5 percent"."""
        return word in self.not_counted

    def is_lone_one(self, text: str, start: int, written: str, value: float) -> bool:
        """The word "one" without a qualifier: "one committee member" (but "at least one camera"
        is a count)."""
        return value == 1 and not written[0].isdigit() and not self.reading.qualifier_before(text, start)

    def is_year(self, text: str, start: int, written: str, value: float, plural: bool) -> bool:
        """A four-digit number in the year range before a singular noun or after a year cue:
        "the 2019 budget", "since 2020 cameras" (but "2000 cameras" is a count)."""
        if not (len(written) == 4 and written.isdigit() and self.years[0] <= value <= self.years[1]):
            return False
        before = text[max(0, start - self.windows.year_cue_before):start].split()
        return not plural or bool(before and before[-1].lower() in self.year_cues)
