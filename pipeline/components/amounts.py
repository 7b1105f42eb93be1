"""MONEY, PERCENT and QUANTITY: amounts in digits or words with their currency, unit,
qualifier ("over", "about") and period ("annually"), normalised by `pipeline.normalise`."""
from __future__ import annotations

import functools
import itertools
import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.domain import load_domain
from pipeline.mention import VALUE_LABELS, Mention, doc_mentions, doc_text, make_mention, sentence_at
from pipeline.normalise.money import (
    compatible_targets,
    currency_tables,
    currency_target,
    named_dollar,
    resolve_currency,
    unit_multiplier,
)
from pipeline.normalise.numbers import number_words, parse_number, parse_percent
from pipeline.normalise.units import plural_to_singular, unit_lemma
from pipeline.patterns import alternation, number_pattern, period_of, qualifier_of, small_number_pattern

_WORD_AFTER = re.compile(r"[ \t]*([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_POSSESSIVE = re.compile(r"['’]s?$")
_CODE_BEFORE = re.compile(r"[A-Za-z#]-?$|\d[.,:/]$|[A-Za-z]\w*\d-$")
_CODE_AFTER = re.compile(r"-?[A-Za-z]|[.,:/]\d|-\d")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[ \u00a0]+$")
_DIGITS = re.compile(r"[\d.,]+")
_DIGIT_BEFORE = re.compile(r"\d ?$")
_LETTERS = re.compile(r"[A-Za-z]+")
_HYPHEN_NOUN = re.compile(r"-([a-z]{3,})(?![\w-])")


class AmountRecogniser:
    """Finds money, percentages and counts with regular expressions over the doc text."""

    def __init__(self, config_dir: str | None):
        domain = self.domain = load_domain(config_dir)
        for normaliser in (parse_number, parse_percent, plural_to_singular, unit_lemma, currency_target,
                           unit_multiplier, compatible_targets, qualifier_of, period_of):
            setattr(self, normaliser.__name__, functools.partial(normaliser, domain=domain))
        numbers = domain["numbers"]
        currencies = domain["currencies"]
        tables = self.tables = currency_tables(domain)
        number = number_pattern(domain)
        scale_words = alternation(numbers["scales"], "i")
        signs = alternation(currencies["signs"])
        prefixes = alternation(tables.scale_prefixes)
        lower_codes = alternation(tables.lowercase_codes)
        codes_before = rf"(?:{prefixes})?{alternation(tables.codes)}|{lower_codes}"
        codes_after = rf"(?:{prefixes})?{alternation(tables.codes - tables.codes_only_before)}|{lower_codes}"
        code_dollar = rf"{alternation(tables.codes, 'i')}\$|{alternation(tables.codes)} \$"
        names = alternation([*tables.names, *tables.subunits], "i")
        # Signs also taken after the number: those with more than letters in them ("5 €", "1 R$", "100元").
        symbols = alternation([s for s in currencies["signs"]
                               if any(not (c.isascii() and (c.isalpha() or c in ". ")) for c in s)])
        # "3 dollars 50 cents", "one dollar and one", "c $ 100 and fifty": the minor part.
        currency_after = rf"(?:{names}|{codes_after}|{symbols})(?![\w])"
        minor = (
            rf"(?:(?:[ ,]+(?i:and))?[ ]+(?P<minor>\d{{1,2}}(?![\d.,]*\d|[A-Za-z])|{small_number_pattern(domain)}(?![\w-]))"
            rf"(?:[ ]+(?P<minor_name>{alternation(tables.subunits, 'i')})(?![\w])|(?![ \u00a0]*{currency_after})))?"
        )
        currency_before = rf"(?<![A-Za-z])(?P<cur>{code_dollar}|{signs}|{codes_before})(?::[ ]?|[ \u00a0]?)"
        # Every amount starts at a number, or at the currency just before one: the text is
        # scanned once for numbers and each pattern is tried only there.
        self.anchor = re.compile(number_pattern(domain, hyphen_after=True, after_sign=True))
        self.currency_tail = re.compile(currency_before + "$")
        self.money_before = re.compile(
            rf"{currency_before}(?P<num>{number_pattern(domain, after_sign=True)})"
            rf"(?:[ \u00a0]+(?P<name>{names}|{codes_after})(?![\w]))?{minor}"
        )
        self.money_name_before = re.compile(
            rf"(?<![\w-])(?P<name>{alternation(tables.names_before_number, 'i')})[ \u00a0]+(?P<num>{number})"
        )
        subunits = alternation(tables.subunits, "i")
        self.money_after = re.compile(
            rf"(?P<num>{number_pattern(domain, hyphen_after=True)})"
            rf"(?:[ \u00a0-]?(?P<sub>{subunits})(?![\w])"
            rf"|(?<=\d)(?P<short>{alternation(tables.short_subunits)})(?![\w])"
            rf"|[ \u00a0-]?(?P<name>{alternation(tables.names, 'i')}|{codes_after})(?![\w])"
            rf"|[ \u00a0]?(?P<cur>{symbols}))"
            rf"(?(sub)|(?(short)|(?:[ \u00a0]+(?P<scale>{scale_words})(?![\w]))?{minor}))"
        )
        self.negative_tail = re.compile(rf"(?<![\w-]){alternation(numbers['negative_words'], 'i')}[ ]+$")
        percent_words = alternation(numbers["percent_words"], "i")
        self.percent = re.compile(rf"(?P<num>{number})[ \u00a0]?(?P<pw>{percent_words})(?![\w])")
        # "percent of 10", "per cent of twenty-two": the percent word first, the number ending the phrase.
        self.percent_of = re.compile(
            rf"(?<![\w%])(?P<pw>{percent_words})[ ]+(?i:of)[ ]+(?P<num>{number})(?=[ ]*(?:[.,;:!?)\n]|\Z))"
        )
        determiners = alternation(numbers["partitive_determiners"], "i")
        self.partitive = re.compile(
            rf"[ \u00a0]+(?i:of)[ \u00a0]+(?P<det>{determiners}[ \u00a0]+)?(?P<whole>{number}(?![\w]))?"
        )
        ranges = numbers["ranges"]
        self.range_joiner = re.compile(
            rf"[ \u00a0]*{alternation(ranges['signs'])}[ \u00a0]*"
            rf"|[ \u00a0]+(?:{alternation(ranges['words'], 'i')}|(?P<between>{alternation(ranges['after_between'], 'i')}))[ \u00a0]+")
        self.range_between = re.compile(rf"\b{alternation(ranges['between'], 'i')}\s+\S{{0,4}}$")
        self.number_before = re.compile(rf"(?:{number})[ \u00a0]*$")
        self.range_starts = re.compile(rf"(?<![\w]){alternation(numbers['range_starts'], 'i')}\s+\S*$")
        self.format_numbers = set(numbers["format_numbers"])
        followers = alternation(numbers["fraction_followers"], "i")
        leaders = alternation(numbers["fraction_leaders"], "i")
        fractions = alternation(numbers["fractions"], "i")
        self.fraction = re.compile(
            rf"(?<![\w-])(?P<frac>{fractions})(?=\s+{followers}\b)"
            rf"|(?<=\b{leaders} )(?P<lead>{fractions})(?![\w-])"
        )
        small = rf"(?:\d{{1,3}}|{small_number_pattern(domain)})"
        self.ratio = re.compile(
            rf"(?<![\w.,-])(?P<part>{small})\s+{alternation(numbers['ratio_words'], 'i')}\s+(?P<whole>{small})(?![\w.,%-])"
        )
        self.factor = re.compile(rf"(?P<num>{number})\s+{re.escape(numbers['factor_word'])}(?![\w])")
        self.factor_words = re.compile(rf"(?<![\w-])(?P<word>{alternation(numbers['factors'], 'i')})(?![\w-])")
        self.factors = {k.lower(): float(v) for k, v in numbers["factors"].items()}
        self.count = re.compile(number)
        self.unit_window = int(numbers["unit_window"])
        self.unit_stop = {w.lower() for w in numbers["unit_stop_words"]}
        self.not_units = {w.lower() for w in numbers["not_units"]}
        self.measure_units = {w.lower() for w in numbers["measure_units"]}
        self.hyphen_nouns_excluded = self.not_units | self.measure_units | {
            w.lower() for w in [*numbers["hyphen_adjectives"], *numbers["units"], *numbers["tens"]]}
        self.code_words = set(numbers["code_words"])
        self.not_noun_endings = tuple(numbers["not_noun_endings"])
        self.qualifier_words = {w.lower() for ws in numbers["qualifiers"].values() for w in ws}
        low, high = domain["dates"]["year_range"]
        self.years = (low, high)
        self.year_cues = {w.lower() for w in domain["dates"]["year_cues"]}
        self.factor_word = numbers["factor_word"]

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        text = doc_text(doc)
        context = _CurrencyContext(doc, mentions, self.domain)
        found = []
        numbers = [(m.start(), m.end()) for m in self.anchor.finditer(text)]
        for start, _ in numbers:
            found += self._amounts_at(doc, text, start, context)
        for match in self.money_name_before.finditer(text):
            mention = self._money(doc, match, context)
            if mention:
                found.append(mention)
        for match in self.percent_of.finditer(text):
            if not self.number_before.search(text[max(0, match.start() - 40):match.start()]):  # not "5 percent of 10"
                found.append(self._value_mention(doc, "PERCENT", match.start(), match.end(),
                                                 self.parse_number(match.group("num")), "percent_rule"))
        for match in self.fraction.finditer(text):
            found.append(self._value_mention(doc, "PERCENT", match.start(), match.end(),
                                             self.parse_percent(match.group()), "fraction_rule"))
        for match in self.ratio.finditer(text):
            part, whole = self.parse_number(match.group("part")), self.parse_number(match.group("whole"))
            if part and whole and part < whole and self._counted_noun(text[match.end():match.end() + 80])[1]:
                found.append(self._value_mention(doc, "PERCENT", match.start(), match.end(),
                                                 round(100 * part / whole, 2), "ratio_rule"))
        for match in self.factor_words.finditer(text):
            found.append(self._factor(doc, match.start(), match.end(), self.factors[match.group("word").lower()]))
        found += self._range_ends(doc, text, numbers, found, mentions)
        mentions.extend(found)
        return doc

    def _range_ends(self, doc: Doc, text: str, numbers: list[tuple[int, int]], found: list[Mention],
                    others: list[Mention]) -> list[Mention]:
        """The other end of a range written once: "10-15%", "20,000 to 30,000 cameras",
        "between 300 and 500 cameras" give the first number the label, unit and scale of the
        second; "$1-2 million" gives the second the currency of the first, and the first the
        scale of the second. Two mentions, as SPEC has "$1.2 million to $23.5 million"."""
        ranked = sorted((m for m in found if m.label in VALUE_LABELS), key=lambda m: -VALUE_LABELS.index(m.label))
        ending_at = {m.end: m for m in ranked}  # MONEY last, so it wins a shared position
        starting_at = {m.start: m for m in ranked}
        covered = [(m.start, m.end) for m in found + others]
        extra = []
        for (a_start, a_end), (b_start, b_end) in itertools.pairwise(numbers):
            joiner = self.range_joiner.fullmatch(text, a_end, b_start)
            if not joiner or joiner.group("between") is not None and not self.range_between.search(
                    text, max(0, a_start - 12), a_start):
                continue
            first, second = ending_at.get(a_end), starting_at.get(b_start)
            a_text, b_text = text[a_start:a_end], text[b_start:b_end]
            a_value, b_value = self.parse_number(a_text), self.parse_number(b_text)
            if a_value is None or b_value is None or self._is_code(text, a_start, a_end, check_after=False):
                continue  # "Boeing 747-400", "No. 6-2007"
            scale = _scale_of(b_text, b_value, self.domain) if not _has_scale(a_text, self.domain) and a_value <= b_value / _scale_of(
                b_text, b_value, self.domain) else 1.0  # "$1-2 million", not "from 60,000 to 1.5 million"
            free = [not any(s < e2 and e > s2 for s2, e2 in covered) for s, e in ((a_start, a_end), (b_start, b_end))]
            if second is not None and free[0] and second.label in VALUE_LABELS:
                mention = self._value_mention(doc, second.label, a_start, a_end, a_value * scale, "range_rule")
                mention.currency, mention.unit = second.currency, second.unit
                extra.append(mention)
            elif first is not None and first.label == "MONEY" and free[1] and _has_scale(b_text, self.domain):
                first.value = (first.value or 0.0) * scale
                mention = self._value_mention(doc, "MONEY", b_start, b_end, b_value, "range_rule")
                mention.currency = first.currency
                extra.append(mention)
        return extra

    def _amounts_at(self, doc: Doc, text: str, start: int, context: _CurrencyContext) -> list[Mention]:
        """The money, percentages, factors and counts that start at the number at `start` (or
        at the currency just before it)."""
        found = []
        currency = self.currency_tail.search(text, max(0, start - 14), start)
        for pattern, at in ((self.money_before, currency.start() if currency else None), (self.money_after, start)):
            match = pattern.match(text, at) if at is not None else None
            mention = self._money(doc, match, context) if match else None
            if mention:
                found.append(mention)
        match = self.percent.match(text, start)
        if match:
            value = self.parse_percent(match.group("num") + "%")
            negative = self.negative_tail.search(text, max(0, start - 12), start)
            begin = negative.start() if negative else start
            if value is not None and negative:
                value = -value
            found.append(self._value_mention(doc, "PERCENT", begin, match.end(), value, "percent_rule"))
        match = self.factor.match(text, start)
        if match:
            value = self.parse_number(match.group("num"))
            if value is not None and not self._is_code(text, start, match.end("num")):
                found.append(self._factor(doc, start, match.end(), value))
        match = self.count.match(text, start)
        mention = self._count(doc, match) if match else None
        if mention:
            found.append(mention)
        return found

    def _factor(self, doc: Doc, start: int, end: int, value: float) -> Mention:
        mention = self._value_mention(doc, "QUANTITY", start, end, value, "factor_rule")
        mention.unit = self.factor_word
        return mention

    def _value_mention(self, doc: Doc, label: str, start: int, end: int, value, source: str):
        text = doc_text(doc)
        return make_mention(
            doc, label, start, end, source, value=value,
            qualifier=self.qualifier_of(text[max(0, start - 40):start], text[end:end + 20]),
            period=self.period_of(text[end:end + 20]) if label != "PERCENT" else None,
            note=None if value is not None else "value unknown",
        )

    def _money(self, doc: Doc, match: re.Match, context: _CurrencyContext):
        groups = match.groupdict()
        sign, name = groups.get("cur"), groups.get("name") or groups.get("sub") or groups.get("short")
        number = groups["num"]
        value = self.parse_number(number)
        if value is None or number.lower() in ("a", "an") or number in self.format_numbers:
            return None
        if match.re is self.money_name_before and not _has_scale(number, self.domain):
            return None  # "dollar 22.5 million", never "won 3 games"
        if match.re is self.money_after and self._currency_of_its_own(match.string, match.start()):
            return None  # "rmb 10 usd 20": the currency before the number is its own
        if sign and len(sign) == 1 and sign.isascii() and sign.isalpha() and value < 1000 and not _has_scale(number, self.domain):
            return None  # "R40" is more likely a road than 40 rand
        sign_target = self.currency_target(sign) if sign else None
        name_target = self.currency_target(name) if name else None
        end = match.end()
        if sign_target and name_target and not self.compatible_targets(sign_target, name_target):
            name = name_target = None  # "rmb 10 usd 20": the code after belongs to the next amount
            end = match.end("num")
        multiplier = self.unit_multiplier(name) if name else self.unit_multiplier(sign)
        if groups.get("short") and value * multiplier >= 1:
            return None  # "1080p" is a video format, not 10.80 pounds
        value *= multiplier
        if groups.get("scale"):
            value *= self.parse_number("1 " + groups["scale"]) or 1.0
        minor = self._minor_amount(match, value, number) if end == match.end() else None
        if minor is not None:
            value += minor
        elif groups.get("minor") and end == match.end():  # not a minor part: the amount ends before it
            end = match.start() + len(_MINOR_JOIN.sub("", match.string[match.start():match.start("minor")]))
        target = name_target if name_target in self.tables.codes or not sign_target else sign_target
        currency = resolve_currency(target, context.countries(match.start()), context.named_dollar, self.domain)
        mention = self._value_mention(doc, "MONEY", match.start(), end, value, "money_rule")
        mention.currency = currency
        if currency is None:
            mention.note = "currency unknown"
        return mention

    def _currency_of_its_own(self, text: str, start: int) -> bool:
        """Whether a currency stands right before the number at `start` and no number before
        claims it ("rmb 10 usd 20", but not the "rmb" of "10 rmb 20 usd")."""
        currency = self.currency_tail.search(text, max(0, start - 12), start)
        return bool(currency) and not _DIGIT_BEFORE.search(text, max(0, currency.start() - 2), currency.start())

    def _minor_amount(self, match: re.Match, value: float, number: str) -> float | None:
        """The cents of "3 dollars 50 cents" or "one dollar and one" in currency units, or None
        when there is no minor part or it is another number ("between $10 and 20")."""
        minor_text = match.groupdict().get("minor")
        if not minor_text or _has_scale(number, self.domain) or value != int(value):
            return None
        text = match.string
        if self.range_starts.search(text[max(0, match.start() - 30):match.start()]):
            return None
        minor = self.parse_number(minor_text)
        if minor is None or not 0 < minor < 100 or minor != int(minor):
            return None
        name = match.group("minor_name")
        after = text[match.end():match.end() + 80]
        if not name and self._counted_noun(after)[1]:
            return None  # "$15 and 20 cameras"
        return minor * (self.unit_multiplier(name) if name else 0.01)

    def _count(self, doc: Doc, match: re.Match):
        """A number followed by the noun it counts ("1,800 ... cameras"); None when it is a
        year, a code, a measurement or counts nothing."""
        text = doc_text(doc)
        start, end = match.start(), match.end()
        written = match.group()
        value = self.parse_number(written)
        if value is None or written in self.format_numbers:
            return None
        compound = _HYPHEN_NOUN.match(text, end)  # "a 2,000-camera network"
        if compound and compound.group(1).lower() in self.hyphen_nouns_excluded:
            return None
        if self._is_code(text, start, end, check_after=compound is None):
            return None
        if value == 1 and not written[0].isdigit() and not self.qualifier_of(text[max(0, start - 40):start], ""):
            return None  # "one committee member", but "at least one camera" is a count
        first = _WORD_AFTER.match(text, end)
        if first and (first.group(1).lower() in self.measure_units or first.group(1).lower() in self.not_units):
            return None  # "the 5,000 km border" measures it, "15 year maturities" are durations
        if compound:
            noun, plural, noun_end = self.unit_lemma(compound.group(1)), False, compound.end() - end
        else:
            noun, plural, noun_end = self._counted_noun(text[end:end + 80])
        partitive = self.partitive.match(text, end) if noun is None else None
        if partitive and (partitive.group("det") or partitive.group("whole")):  # "12 of the 47 counties", "2,500 of the Lahore cameras" count those nouns
            noun, plural, noun_end = self._counted_noun(text[partitive.end():partitive.end() + 80])
            noun_end += partitive.end() - end
            if not plural and not partitive.group("whole"):
                return None
        if noun is None or noun in self.not_units or noun in self.measure_units:
            return None
        if len(written) == 4 and written.isdigit() and self.years[0] <= value <= self.years[1]:
            before = text[max(0, start - 12):start].split()
            if not plural or (before and before[-1].lower() in self.year_cues):
                return None  # a year, not a count
        mention = self._value_mention(doc, "QUANTITY", start, end, value, "count_rule")
        mention.unit = noun
        mention.period = mention.period or self.period_of(text[end + noun_end:end + noun_end + 20])
        return mention

    def _is_code(self, text: str, start: int, end: int, check_after: bool = True) -> bool:
        """Numbers inside names and codes: 'ECU 911', 'BOL-110', '5G', 'Section 3', 'COVID-19'."""
        before, after = text[max(0, start - 30):start], text[end:end + 3]
        if _CODE_BEFORE.search(before) or check_after and _CODE_AFTER.match(after):
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

    def _counted_noun(self, after: str) -> tuple[str | None, bool, int]:
        """(unit, whether it was written in the plural, where the noun ends in `after`) of the
        noun a number counts."""
        words, position = [], 0
        for _ in range(self.unit_window):
            match = _WORD_AFTER.match(after, position)
            if not match or match.group(1).lower() in self.unit_stop:
                break
            position = match.end()
            word = _POSSESSIVE.sub("", match.group(1))
            if word == match.group(1):
                words.append((word, position))
            elif self.plural_to_singular(word):
                words.append((word, position))
                break  # "47 counties' systems": a plural owner is the counted noun
            # a singular owner ("two buyer's credit facilities") is not
        for word, word_end in words:
            singular = self.plural_to_singular(word.split("-")[-1])
            if singular:
                return singular, True, word_end
        lower = [(w, e) for w, e in words if w.islower() and not w.endswith(self.not_noun_endings)]
        return (self.unit_lemma(lower[-1][0]), False, lower[-1][1]) if lower else (None, False, 0)


_MINOR_JOIN = re.compile(r"(?:[ ,]+(?i:and))?[ ]+$")


def _scale_of(number_text: str, value: float, domain) -> float:
    """The scale a number is written with: 1e6 for "2 million", 1 for "2,000"."""
    digits = _DIGITS.match(number_text)
    base = parse_number(digits.group().rstrip(".,"), domain) if digits else None
    return value / base if base else 1.0


def _has_scale(number_text: str, domain) -> bool:
    """Whether a number is written with a scale word: "1.2bn", "two million", "a thousand"."""
    words = number_words(domain)
    return any(words.get(w.lower(), ("",))[0] == "scale" for w in _LETTERS.findall(number_text))


class _CurrencyContext:
    """The countries and the named dollar an ambiguous currency sign is resolved by."""

    def __init__(self, doc: Doc, mentions, domain):
        self.doc = doc
        self.places = sorted((m for m in mentions if m.label in ("COUNTRY", "PLACE") and m.country),
                             key=lambda m: m.start)
        self.by_count = [c for c, _ in Counter(m.country for m in self.places).most_common()]
        self.named_dollar = named_dollar(doc_text(doc), domain)

    def countries(self, offset: int) -> list[str]:
        """The sentence's countries (nearest first), then the document's, most named first."""
        start, end = sentence_at(self.doc, offset)
        local = [m for m in self.places if start <= m.start < end]
        local.sort(key=lambda m: abs(m.start - offset))
        return [m.country for m in local] + self.by_count


@Language.factory("claimtrace_amounts", default_config={"config_dir": None})
def make_amounts(nlp: Language, name: str, config_dir: str | None):
    """The MONEY / PERCENT / QUANTITY recogniser; `config_dir` overrides the bundled `configs/`."""
    return AmountRecogniser(config_dir)
