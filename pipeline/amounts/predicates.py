"""Why an amount step drops a number it matched: one named predicate per reason ("a code", "a
road name", "a video format", "a year"...), each true when the number is NOT the amount the
step looks for. Words and thresholds come from `numbers.yaml`, `currencies.yaml`, `dates.yaml`."""
from __future__ import annotations

import re

from pipeline.amounts.reading import Reading
from pipeline.domain import DomainData
from pipeline.normalise.numbers import after_no_year
from pipeline.patterns import alternation, number_pattern

# \Z, not $: "$" would also match before a line break
_CODE_BEFORE = re.compile(r"[A-Za-z#]-?\Z|\d[.,:/]\Z|[A-Za-z]\w*\d-\Z|[A-Za-z][/\u2013]\Z|[A-Z]\.\Z")
_CODE_DASH_SPACE = re.compile(r"[A-Za-z][/\u2013-] \Z")  # "N\u2013 10": the only code before a space
_CODE_AFTER = re.compile(r"-?[A-Za-z]|[.,:/]\d|-\d")
# what a sentence or a list item's first word follows ("• The 889 speakers")
_SENTENCE_OPENERS = '.!?\n"“•·▪◦‣*'
_YEAR_BEFORE = re.compile(r"(?<![\d.,])\d{4}[-\u2013/]\Z")  # "2010-11": a fiscal year's second half
_WORD_BEFORE = re.compile(r"([A-Za-z.°]+)[ \u00a0]+$")  # "N° 9293"
_WORD_AND_SEPARATOR_BEFORE = re.compile(r"([A-Za-z]+)[ \u00a0]*[-\u2013:][ \u00a0]*$")  # "Chapter - 3", "Section: 4"
_LEADER_ENDS, _SEPARATORS = ".…", "-\u2013:"
_LEADER_DOTS = re.compile(r"(?:\.{3,}|…+|(?:\. ){3,})[ \u00a0]*$")  # a contents line's page: "Scope ........ 46"
_BARE_DIGITS = re.compile(r"\d{4,}")
_ZERO_PADDED = re.compile(r"0\d")  # "TOP 09" (a Czech party), "0223" (a paper), "(002236.SZ)": no amount
_CENTS = re.compile(r"\d\.\d\d\Z")  # a price's cents ("N9.70"); a road or a code has none
_GROUPED_THOUSANDS = re.compile(r"\d,\d{3}")
_LETTERED_BEFORE = re.compile(r"(?<![\w])\d+[a-z](?:,|[ \u00a0]+(?:and|or|to))?[ \u00a0]*\Z")  # "2b and 2c", "3a, 3b"
_LAST_WORD = re.compile(r"[A-Za-z.\u00b0]+,?\Z")  # "level", "number," before a number
_DIGIT_BEFORE = re.compile(r"\d ?$")
_MIXED_CASE = re.compile(r"[a-z]+[A-Z]\w*|[A-Z][a-z]+[A-Z]\w*")  # "iPhone", "eLTE", "PlayStation"
_PAIR_BEFORE = re.compile(r"(?<![\d.,])(\d+)[-\u2013]\Z")  # "2-" of "2-1", "2019-" of "2019-20"
_DIGIT_RUN = re.compile(r"\+?\(?\d[\d \u00a0().-]*\d|\d")


def _word_before(text: str, start: int, window: int) -> str | None:
    """The word (letters and dots, a comma after it kept) separated by spaces from the number at
    `start`: "level" of "level 3", "number," of "the emergency number, 112"; None if none."""
    before = text[max(0, start - window):start]
    stripped = before.rstrip(" \u00a0")
    if len(stripped) == len(before):
        return None
    word = _LAST_WORD.search(stripped, max(0, len(stripped) - window))
    return word.group() if word else None


class Rejections:
    """The rejection rules of the amount steps, bound to one DomainData."""

    def __init__(self, domain: DomainData, reading: Reading):
        numbers, currencies = domain["numbers"], domain["currencies"]
        self.reading = reading
        self.windows = reading.windows
        self.letter_sign_below = float(currencies["letter_sign_below"])
        self.letter_sign_priced_from = float(currencies["letter_sign_priced_from"])
        self.price_base = re.compile(rf"(?<![\w]){alternation(currencies['price_base_words'], 'i')}[ \u00a0]+\Z")
        self.road_reach = max(map(len, currencies["letter_sign_road_before"]), default=0) + 2
        self.road_before = re.compile(rf"(?<![\w]){alternation(currencies['letter_sign_road_before'], 'i')}[ \u00a0]\Z")
        # "R652 a month", not "the R40 daily"
        self.per_period = re.compile(rf"[ \u00a0]+{alternation(currencies['letter_sign_period_words'], 'i')}[ \u00a0]")
        self.priced_after = re.compile(rf"[ \u00a0]+{alternation(currencies['letter_sign_priced_after'], 'i')}(?![\w])")
        self.partitive_after = re.compile(rf"[ \u00a0]+{alternation(numbers['partitive_words'], 'i')}(?![\w])")
        self.money_cue_before = re.compile(
            rf"(?<![\w]){alternation(currencies['letter_sign_money_cues'], 'i')}(?![\w])[^.;\n]{{0,25}}\Z")
        self.format_numbers = set(numbers["format_numbers"])
        self.code_words = set(numbers["code_words"])
        headline = numbers["title_case_line"]  # a headline, where a capitalised word before a number is no code
        self.title_case_words = int(headline["min_words"])
        self.line_words = re.compile(rf"[A-Za-z][A-Za-z'’]{{{int(headline['min_letters']) - 1},}}")
        self.code_phrase = re.compile(rf"(?<![\w]){alternation(numbers['code_phrases'])}[ \u00a0]+\Z")
        self.qualifier_words = {w.lower() for ws in numbers["qualifiers"].values() for w in ws}
        self.not_counted = {w.lower() for w in [*numbers["not_units"], *numbers["measure_units"]]}
        self.hyphen_adjectives = self.not_counted | {
            w.lower() for w in [*numbers["hyphen_adjectives"], *numbers["units"], *numbers["tens"]]}
        self.years = tuple(domain["dates"]["year_range"])
        self.year_span_max = int(domain["dates"]["year_span_max"])
        self.year_cues = {w.lower() for w in domain["dates"]["year_cues"]}
        self.counting_before_of = {w.lower() for w in domain["dates"]["counting_before_of"]}
        self.counting_before = {w.lower() for w in domain["dates"]["counting_before"]}
        self.month_words = {w.lower() for w in domain["dates"]["months"]}
        self.dated_nouns = {w.lower() for w in [*numbers["carried_counts"]["measured_subjects"], *domain["dates"]["dated_nouns"]]}
        months = domain["dates"]["months"]  # their full names only: "Mar" and "Jun" are words too ("Autopista al Mar 2")
        full_months = {max((name for name in months if months[name] == number), key=len) for number in set(months.values())}
        self.calendar_words = {w.lower() for w in [*full_months, *domain["dates"]["weekdays"]]}
        self.number_before = re.compile(rf"(?:{number_pattern(domain)})[ \u00a0]*$")
        self.range_starts = re.compile(rf"(?<![\w]){alternation(numbers['range_starts'], 'i')}\s+\S*$")
        self.number_labels = {w.lower() for w in numbers["number_labels"]}
        self.comma_labels = {w.lower() for w in numbers["number_labels_before_comma"]}
        self.adverbial_one = re.compile(rf"(?<![\w]){alternation(numbers['one_not_after'], 'i')}[ \u00a0]\Z")
        carried = numbers["carried_counts"]
        counted_after = [*numbers["one_counted_after"], *carried["person_verbs"], *carried["object_verbs"]]
        self.counted_one_after = re.compile(rf"(?<![\w]){alternation(counted_after, 'i')}[ \u00a0]\Z")
        self.counted_one_reach = max(map(len, counted_after)) + 2
        self.counted_noun_after_one = re.compile(rf"[ \u00a0]+{alternation(numbers['one_counted_nouns'], 'i')}(?![\w-])")
        fate = alternation([*carried["person_fates"], *carried["person_verbs"]], "i")
        self.fate_after_one = re.compile(
            rf"[ \u00a0]+[a-z]+(?:[ \u00a0]+(?:{alternation(carried['passive_auxiliaries'], 'i')}|{alternation(carried['died_auxiliaries'], 'i')}))?"
            rf"(?:[ \u00a0]+{alternation(carried['fate_fillers'], 'i')})?[ \u00a0]+{fate}(?![\w])")
        # another count in a list beside a word "one": "one rifle, two pistols", "three guns and one car"
        count = rf"(?:\d[\d,]*|{alternation([*numbers['units'], *numbers['tens']], 'i')})"
        self.enumerated_after = re.compile(rf"(?:[ \u00a0][\w-]+){{1,3}}?(?:,|[ \u00a0]and)[ \u00a0]+{count}[ \u00a0]+[a-z]")
        self.enumerated_before = re.compile(rf"(?<![\w-]){count}[ \u00a0]+[a-z][\w -]{{0,30}}?(?:,|[ \u00a0]and)[ \u00a0]+\Z")
        self.product_words = {w.lower() for w in numbers["product_words"]}
        range_words = alternation([*numbers["ranges"]["signs"], *numbers["ranges"]["words"], *numbers["ranges"]["after_between"]], "i")
        self.age_before = re.compile(
            rf"(?<![\w]){alternation(numbers['age_words'], 'i')}[ \u00a0]+(?:\d+[ \u00a0]*{range_words}[ \u00a0]*)?\Z")
        self.phone_min_digits = int(numbers["phone_min_digits"])

    def is_format_name(self, written: str) -> bool:
        """A format or standard written as a number: "4K", "5G", "1080p"."""
        return written in self.format_numbers

    def _in_title_case_line(self, text: str, at: int) -> bool:
        """Whether the line holding `at` is a headline in title case: `title_case_line` words or
        more of its letters long or longer, all capitalised ("Police Identify 2000 Spots For CCTV Cameras")."""
        line = text[text.rfind("\n", 0, at) + 1:(text.find("\n", at) + 1 or len(text) + 1) - 1]
        words = self.line_words.findall(line)
        return len(words) >= self.title_case_words and all(word[0].isupper() for word in words)

    @staticmethod
    def has_cents(written: str) -> bool:
        """Whether a number ends in a price's two decimals ("N9.70", "SAR30.05"): a road's or a
        code's number has none."""
        return _CENTS.search(written) is not None

    @staticmethod
    def is_zero_padded(written: str) -> bool:
        """A number padded with a zero ("No. 07", "0223", a ticker's "002236"): a code or a name,
        never an amount."""
        return _ZERO_PADDED.match(written) is not None

    def is_code(self, text: str, start: int, end: int, check_after: bool = True) -> bool:
        """A number inside a name or code ('ECU 911', 'BOL-110', '5G', 'Section 3', 'Chapter - 1',
        'COVID-19'), a fiscal year's second half ('2010-11') or a contents line's page number after
        leader dots."""
        before = text[max(0, start - self.windows.code_before):start]
        if self._written_as_code(text, (start, end), before, check_after) or self.code_phrase.search(before):
            return True  # also a name's number: "the Group of 77"
        previous = _WORD_BEFORE.search(before)
        if not previous:
            return False
        word = previous.group(1)
        bare = word.rstrip(".")  # "NR.55", "N° 9293"
        if bare.lower() in self.calendar_words:
            return False  # "on Tuesday 204 migrants", "in May 300 cameras"
        if word.endswith(".") and bare.lower() in self.month_words:
            return True  # "as of Nov. 16": a day of a month
        if word in self.code_words or (bare.isupper() and len(bare) > 1 and bare.replace("°", "").isalpha()
                                       and bare.lower() not in self.qualifier_words):  # "ECU 911"; not "SOME 161 people"
            return True
        if word.endswith("."):
            return False  # "... Registration Service. Two co-investors": the sentence before ends
        preceding = before[:previous.start()].rstrip()
        at_sentence_start = not preceding or preceding[-1] in _SENTENCE_OPENERS
        written = text[start:end]
        grouped = _GROUPED_THOUSANDS.search(written) or self.reading.has_scale(written)  # "gave Angola 20,000 masks"
        return word[0].isupper() and not at_sentence_start and word.lower() not in self.qualifier_words and not grouped \
            and not self._in_title_case_line(text, start)  # a headline's "Police Identify 2000 Spots"

    def _written_as_code(self, text: str, span: tuple[int, int], before: str, check_after: bool) -> bool:
        """Whether the characters around a number make it part of a code ("BOL-110", "5G"), a
        fiscal year's second half ("2010-11") or a contents line's or label's number."""
        start, end = span
        code_before = _CODE_DASH_SPACE.search(before, len(before) - 3) if before[-1:] == " " else _CODE_BEFORE.search(before)
        if code_before or check_after and _CODE_AFTER.match(text[end:end + self.windows.code_after]):
            return True
        return bool(end - start == 2 and _YEAR_BEFORE.search(before)) or self._in_contents_or_label(before)

    def is_month_day(self, text: str, start: int, end: int) -> bool:
        """A day of the month after a full month's name and a comma, with no noun of its own ("by
        June, 30 this year")."""
        word, written = _word_before(text, start, self.windows.code_before), text[start:end]
        return word is not None and word.endswith(",") and word[:-1].lower() in self.month_words \
            and written.isdigit() and int(written) <= 31

    def _in_contents_or_label(self, before: str) -> bool:
        """A contents line's page number after leader dots, or a label word and a dash or colon
        before the number ("Chapter - 3")."""
        last = before.rstrip(" \u00a0")[-1:]
        if last in _LEADER_ENDS and _LEADER_DOTS.search(before):
            return True
        separated = _WORD_AND_SEPARATOR_BEFORE.search(before) if last in _SEPARATORS else None
        return bool(separated) and separated.group(1) in self.code_words

    def is_road_name(self, text: str, start: int, sign: str | None, number: str, value: float) -> bool:
        """A one-letter sign before a small number without a scale word: "the R40" is more
        likely a road than 40 rand, unless it has cents ("rose by N1.85"), a word of money stands before
        it, "a" or "per" and a period after it ("rent rose to R652 a month, up from R410") or a unit's
        price or change ("N2.80 per share", "the P100 increase in the minimum wage"); else never
        after "the" nor below `letter_sign_priced_from` ("the R40", "in Q2")."""
        if not (sign and len(sign) == 1 and sign.isascii() and sign.isalpha()
                and value < self.letter_sign_below and not self.reading.has_scale(number)):
            return False
        end = start + len(sign) + len(number)
        if self.has_cents(number):
            return False
        if value < self.letter_sign_priced_from and value == int(value):
            return True  # "in Q2", "H1": a quarter or half of a year ("N7.01" is a price)
        if self.priced_after.match(text, end):
            return False
        if self.road_before.search(text, max(0, start - self.road_reach), start):
            return True  # "the R40" is a road
        priced = self.money_cue_before.search(text, max(0, start - self.windows.qualifier_before), start) \
            or (self.per_period.match(text, end) and self.reading.period_after(text, end))
        return not priced

    def is_sign_code(self, text: str, start: int, sign: str | None, number: str) -> bool:
        """A code written like a sign and an amount: a sign glued to four or more digits, without
        separators or a scale word, after a code word, in brackets or not ("Framework RM6099", "the
        framework (RM6116)"), is a reference, not money."""
        if not sign or not _BARE_DIGITS.fullmatch(number) or text[start + len(sign):start + len(sign) + 1] in " \u00a0":
            return False
        bracketed = text[start - 1:start] == "(" and text[start + len(sign) + len(number):][:1] == ")"
        at = start - 1 if bracketed else start
        return self.is_code(text, at, at, check_after=False)

    def is_price_base_year(self, text: str, start: int, number: str) -> bool:
        """A year after a price-base word: "Constant 2021 USD", "in constant 2015 dollars" name
        the dollars' year, not an amount."""
        return len(number) == 4 and number.isdigit() and self.years[0] <= int(number) <= self.years[1] \
            and bool(self.price_base.search(text, max(0, start - self.windows.qualifier_before), start))

    def is_lettered_label(self, text: str, start: int, short_subunit: str | None, amount: float) -> bool:
        """A number with a one-letter subunit that is a video format or a label: worth a whole
        unit or more ("1080p" is no 10.80 pounds), after a label word ("phase 2c") or after
        another lettered number ("2b and 2c")."""
        if not short_subunit:
            return False
        return amount >= 1 or self.is_label_number(text, start) \
            or _LETTERED_BEFORE.search(text, max(0, start - self.windows.code_before), start) is not None

    def is_name_without_scale(self, number: str) -> bool:
        """A currency name before a number without a scale word nor thousands written with commas:
        "won 3 games" is no money, "dollar 22.5 million" and "pounds 75,000" are."""
        return not self.reading.has_scale(number) and not _GROUPED_THOUSANDS.search(number)

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
        is a count, and so is one in a list of counts: "one rifle, two pistols", "one man and two
        women", after a verb that counts ("killed one man", "just one area") or before a person's
        fate ("One person was reported missing"))."""
        if value != 1 or written[0].isdigit() or self.reading.qualifier_before(text, start):
            return False
        end = start + len(written)
        if self.adverbial_one.search(text, max(0, start - 8), start):
            return True  # "at one point", "in one case"
        if self.partitive_after.match(text, end):
            return True  # "one of the tunnels" is never a count
        return not (self.counted_one_after.search(text, max(0, start - self.counted_one_reach), start)  # "killed one man"
                    or self.fate_after_one.match(text, end)  # "One person was reported missing"
                    or self.counted_noun_after_one.match(text, end)  # "one fatality has been reported"
                    or self.enumerated_after.match(text, end)
                    or self.enumerated_before.search(text, max(0, start - self.windows.qualifier_before), start))

    def is_year(self, text: str, start: int, written: str, value: float, plural: bool, noun: str | None = None) -> bool:
        """A four-digit number in the year range before a singular noun, a measured or dated one
        ("2020 revenues", "2023 elections"), or after a year cue, or after "the" and up to two describing words: "the 2019
        budget", "since 2020 cameras", "the more violent 2018 elections" (but "2000 cameras", "the
        city bought 2000 cameras" and "the installation of 2000 cameras", `counting_before_of`, are counts)."""
        if not (len(written) == 4 and written.isdigit() and self.years[0] <= value <= self.years[1]):
            return False
        if not plural or noun in self.dated_nouns:
            return True
        before = text[max(0, start - self.windows.year_cue_before - 30):start].split()[-3:]
        if after_no_year(text, start, self.years, self.windows.range_start_before):
            return False  # "between 1500 and 2000 cameras": the range's other end is no year
        if before and before[-1].lower() in self.counting_before:
            return False  # "the existing 2000 cameras"
        # a cue right before it, or "the" and up to two describing words ("the more violent 2018 elections")
        for at in range(len(before) - 1, -1, -1):
            word = before[at].lower()
            if word == "of" and at and before[at - 1].lower() in self.counting_before_of:
                return False  # "the installation of 2000 cameras"
            if word in self.year_cues:
                return at == len(before) - 1 or word == "the"
            if not before[at].isalpha() or not before[at].islower():
                return False
            if at < len(before) - 1 and not self.reading.describes(before[at]):
                return False  # "the city bought 2000 cameras": of two words, the first describes ("the more violent")
        return False

    def is_after_a_measure(self, text: str, start: int) -> bool:
        """A number after a word of time or measure, which it labels ("During week 15, 1584 cases")."""
        word = _word_before(text, start, self.windows.code_before)
        return word is not None and self.is_not_counted(word.rstrip(",.").lower())

    def is_label_number(self, text: str, start: int) -> bool:
        """A number after the word it grades or labels, whatever its case: "a category 5 storm",
        "a magnitude 7 earthquake", "level 3", "size 10", "the emergency number, 112"; after a
        comma only a number's own label (`number_labels_before_comma`): "3,780 units, 388 villas"
        and "In the first phase, 4,000 cameras" are counts."""
        previous = _word_before(text, start, self.windows.code_before)
        if previous is None:
            return False
        word = previous.rstrip(",").lower()
        return word in (self.comma_labels if previous.endswith(",") else self.number_labels)

    def is_product_name(self, text: str, start: int) -> bool:
        """A number in a product's name: "Galaxy S10", "an iPhone 12", "Windows 10", "eLTE 3"."""
        word = _word_before(text, start, self.windows.code_before)
        return word is not None and (word.lower() in self.product_words or bool(_MIXED_CASE.fullmatch(word)))

    def is_score_or_years(self, text: str, start: int, value: float) -> bool:
        """The second number of a pair joined by a dash that does not go up, so no range: a score
        ("a 2-1 victory", "1-1") or a span of years ("the 2019-20 budget"); or of two years a few
        apart (`year_span_max`): "the 2019-2020 blazes"."""
        pair = _PAIR_BEFORE.search(text, max(0, start - 8), start)
        if not pair:
            return False
        first = float(pair.group(1))
        return first >= value or self._year_span(first, value)

    def _year_span(self, first: float, second: float) -> bool:
        """Whether two numbers are the first and last years of a span (`year_range`, `year_span_max`)."""
        in_range = all(self.years[0] <= year <= self.years[1] and year.is_integer() for year in (first, second))
        return in_range and 0 < second - first <= self.year_span_max

    def is_age(self, text: str, start: int) -> bool:
        """A number (or a range's second number) after an age word: "aged 18 to 35", "ages 5-11"."""
        return bool(self.age_before.search(text, max(0, start - self.windows.qualifier_before), start))

    def is_phone_number(self, text: str, start: int, end: int) -> bool:
        """A number inside a telephone number: a run of digit groups with `phone_min_digits`
        digits or more that is longer than the number or starts with "+" or "0"."""
        window = max(0, start - self.windows.code_before)
        for run in _DIGIT_RUN.finditer(text, window, end + self.windows.code_before):
            if run.start() <= start and run.end() >= end:
                digits = sum(c.isdigit() for c in run.group())
                longer = (run.start(), run.end()) != (start, end) or run.group()[0] in "+0"
                return digits >= self.phone_min_digits and longer
        return False

    def is_named_or_scored(self, text: str, start: int, end: int, value: float) -> bool:
        """A number that a label, a product, a score, an age or a telephone number holds, so no
        count whatever follows it: the predicates above, cheapest first."""
        return (self.is_label_number(text, start) or self.is_product_name(text, start)
                or self.is_score_or_years(text, start, value) or self.is_age(text, start)
                or self.is_phone_number(text, start, end))
