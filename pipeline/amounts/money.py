"""MONEY: an amount with its currency written before the number ("US$1.2bn", "KSh 4.5bn"),
after it ("850 million RMB", "5 €", "3 dollars 50 cents") or as a name before a scaled number
("dollar 22.5 million"), with the currency resolved by the text's countries and dollars."""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from spacy.tokens import Doc

from pipeline.amounts.predicates import Rejections
from pipeline.amounts.reading import Reading
from pipeline.amounts.scan import NumberScan
from pipeline.domain import DomainData
from pipeline.mention import Mention, doc_in_names, doc_text, sentence_at
from pipeline.normalise.money import (
    compatible_targets,
    currency_tables,
    currency_target,
    named_dollar,
    resolve_currency,
    unit_multiplier,
)
from pipeline.patterns import Keyed, alternation, number_pattern, small_number_pattern

_MINOR_JOIN = re.compile(r"(?:[ ,]+(?i:and))?[ ]+$")
_RUNS_ON = re.compile(r"[.,]\d")  # "€1,2 Mrd": a decimal comma the English number did not take
_COMMA_CENTS = re.compile(r",\d\d(?![\d.,]*\d)")  # "$213,550,00": cents after a comma
_WORDS = re.compile(r"[A-Za-z]+")
_THOUSANDS = re.compile(r"\d[,\u00a0 ]\d{3}")  # "500,000 GEL", "150 000 GEL"
_NUMBER_NEXT = re.compile(r"[ \u00a0]*\d")  # a number right after a currency word: the next amount's
_CODE_AFTER = re.compile(r"/\d")  # "S/2023/456", a UN document's symbol, is no amount
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")  # one group of three digits after a dot, no scale
_DOT_THOUSANDS_SCALED = re.compile(r"[1-9]\d{0,2}\.\d{3}[ \u00a0]+(\w+)")  # ... and a scale word
_IN_NAME = re.compile(r"(?<=[a-z])\d")  # "Tech5 won the contract": a number in a name (not "US10 cents")
_TICKER_LINE = re.compile(r"[ \t]*[A-Z]{3}[ \t]+\d[\d.,]*[ \t]*")  # "USD 87.00": a line of an exchange-rate ticker


def _in_rate_ticker(text: str, position: int) -> bool:
    """Whether `position` is on a line holding only a currency code and a number, next to another
    such line: a page's exchange-rate ticker ("USD 87.00 / EUR 90.63 / RUB 0.79"), no amount."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position) % (len(text) + 1)
    if not _TICKER_LINE.fullmatch(text, start, end):
        return False
    before = text.rfind("\n", 0, max(0, start - 1)) + 1
    after_end = text.find("\n", end + 1) % (len(text) + 1)
    return bool(start and _TICKER_LINE.fullmatch(text, before, start - 1)) \
        or bool(end < len(text) and _TICKER_LINE.fullmatch(text, end + 1, after_end))


class MoneyStep:
    """Proposes MONEY at every number, and at currency names written before a scaled number."""

    def __init__(self, domain: DomainData, reading: Reading, rejections: Rejections):
        self.domain, self.reading, self.rejections = domain, reading, rejections
        for normaliser in (currency_target, unit_multiplier, compatible_targets):
            setattr(self, normaliser.__name__, functools.partial(normaliser, domain=domain))
        self.tables = currency_tables(domain)
        self.weight = WeightGuard(domain)
        self.word_names = {name.lower(): re.compile(rf"[ \u00a0]+{alternation(words, 'i')}(?![\w])")
                           for name, words in domain["currencies"]["names_read_as_words"].items()}
        self.dot_thousands_currencies = frozenset(domain["currencies"]["dot_thousands_currencies"])
        self.dot_thousands_scales = frozenset(domain["currencies"]["dot_thousands_scales"])
        self.word_code_spaced_from = float(domain["currencies"]["word_code_spaced_from"])
        mil = domain["currencies"]["mil_thousand"]
        self.mil_currencies = frozenset(mil["currencies"])
        self.mil_names = frozenset(name.lower() for name in mil["names"])
        self._compile(domain, reading)
        # "$" before a conversion to US dollars in brackets is the local dollar ("$1.18 million (US$803,922)")
        currencies = domain["currencies"]
        self.dollar = currencies["signs"]["$"]
        # the named dollars by their country (an ISO 4217 code starts with its country's alpha-2 code)
        self.dollar_of = {code[:2]: code for code in self.tables.ambiguous[self.dollar].get("named_by", ())}
        self.us_conversion = re.compile(
            rf"[ \u00a0]*\((?:{alternation(currencies['conversion_words'], 'i')}[ \u00a0]+)?"
            rf"{alternation(currencies['us_dollar_forms'])}[ \u00a0]?\d")
        # ... and the bracketed "$" after an amount in US dollars ("$US2.3 billion ($3.6 billion)")
        self.after_us_amount = re.compile(
            rf"{alternation(currencies['us_dollar_forms'])}[ \u00a0]?\d[\d,.]*(?:[ \u00a0]?[A-Za-z]+)?[ \u00a0]*\([ \u00a0]*\Z")
        self.after_us_reach = int(currencies["us_amount_reach"])

    def _compile(self, domain: DomainData, reading: Reading) -> None:
        tables = self.tables
        currency_before = reading.currency_before_pattern
        prefixes, lower_codes = alternation(tables.scale_prefixes), alternation(tables.lowercase_codes)
        codes_after = rf"(?:{prefixes})?{alternation(tables.codes - tables.codes_only_before)}|{lower_codes}"
        subunits = self._subunit_pattern()
        names = rf"{alternation(tables.names, 'i')}|{subunits}"
        # Signs also taken after the number: those with more than letters in them ("5 €", "1 R$", "100元").
        symbols = alternation([s for s in domain["currencies"]["signs"]
                               if any(not (c.isascii() and (c.isalpha() or c in ". ")) for c in s)])
        # "3 dollars 50 cents", "one dollar and one", "c $ 100 and fifty": the minor part.
        currency_after = rf"(?:{names}|{codes_after}|{symbols})(?![\w])"
        minor = (
            rf"(?:(?:[ ,]+(?i:and))?[ ]+(?P<minor>\d{{1,2}}(?![\d.,]*\d|[A-Za-z-]|[ \u00a0]\d{{3}}(?!\d))|{small_number_pattern(domain)}(?![\w-]))"
            rf"(?:[ ]+(?P<minor_name>{subunits})(?![\w])(?:[ ]+(?P<minor_rest>\d(?![\d.,]*\d|[A-Za-z])"
            rf"|{small_number_pattern(domain)}(?![\w-])))?|(?![ \u00a0]*{currency_after})))?"
        )
        scale_words = alternation(domain["numbers"]["scales"], "i")
        self.before = re.compile(  # thousands misspaced after a sign join the number ("BBD$660, 742")
            rf"{currency_before}(?P<num>{number_pattern(domain, after_sign=True)})(?P<more>(?<=\d)(?<!\d,\d{{3}})(?:,[ ]\d{{3}}(?!\d|[.,]\d|[ ]\d|[A-Za-z]))+(?:[ ]{scale_words}(?![\w]))?)?"
            rf"(?:[ \u00a0]+(?P<name>{names}|{codes_after}|{alternation(tables.codes_only_before)})(?![\w]))?{minor}"
        )
        self.name_before = re.compile(
            rf"(?<![\w-])(?P<name>{alternation(tables.names_before_number, 'i')})[ \u00a0]*(?P<num>{number_pattern(domain)})"
        )
        self.names_before = Keyed(self.name_before, tables.names_before_number)
        # the number written again in digits may stand before the currency; a scale word may be
        # joined to it by one of `scale_currency_joiners` ("150 millones de pesos")
        joiners = alternation(domain["numbers"]["scale_currency_joiners"])
        self.after = re.compile(
            rf"(?P<num>{number_pattern(domain, hyphen_after=True)})(?:[ \u00a0]+\((?P<digits>\d[\d,.]*\d)\))?"  # "eighty-four million (84,000,000) CFA francs"
            rf"(?:[ \u00a0-]?(?P<sub>{subunits})(?![\w])"
            rf"|(?<=\d)(?P<short>{alternation(tables.short_subunits)})(?![\w])"
            rf"|(?:(?<=[^\W\d_])[ ]{joiners})?[ \u00a0-]?(?P<name>{alternation(tables.names, 'i')}|{codes_after}|{alternation(tables.codes_only_before)}(?!\$))(?![\w])"
            rf"|[ \u00a0]?(?P<cur>{symbols})(?![A-Za-z\d]))"  # "004S/T" is a code; "2016/17 £140": the next amount's sign
            rf"(?(sub)|(?(short)|(?:[ \u00a0]+(?P<scale>{scale_words})(?![\w]))?{minor}))"
        )

    def _subunit_pattern(self) -> str:
        """The subunit names: any case, but those also capitalised names only in lower case."""
        tables = self.tables
        cased = alternation(tables.lower_case_subunits) if tables.lower_case_subunits else "(?!)"
        return rf"{alternation(set(tables.subunits) - tables.lower_case_subunits, 'i')}|{cased}"

    def at_number(self, scan: NumberScan, start: int) -> list[Mention]:
        """The money written with a currency before the number at `start`, and after it."""
        found = []
        currency = self.reading.currency_before(scan.text, start)
        for pattern, at in ((self.before, currency.start() if currency else None), (self.after, start)):
            match = pattern.match(scan.text, at) if at is not None else None
            mention = self._money(scan, match) if match else None
            if mention:
                found.append(mention)
        return found

    def in_text(self, scan: NumberScan) -> list[Mention]:
        """The money written as a currency name before a scaled number ("dollar 22.5 million")."""
        return [m for m in map(functools.partial(self._money, scan), self.names_before.finditer(scan.text)) if m]

    def _rejected(self, match: re.Match, number: str, value: float | None) -> bool:
        """Whether the number matched is no amount of money at all."""
        return (value is None or self.rejections.is_format_name(number) or self.rejections.is_zero_padded(number)
                or self.rejections.is_price_base_year(match.string, match.start(), number)
                or match.re is self.name_before and self.rejections.is_name_without_scale(number)
                or match.re is self.after and self.rejections.is_currency_first(match.string, match.start())
                or self.rejections.is_road_name(match.string, match.start(), match.groupdict().get("cur"), number, value)
                or self.rejections.is_sign_code(match.string, match.start(), match.groupdict().get("cur"), number)
                or self._word_code_after_plain_number(match, number) or self._glued_word_code(match, number)
                or self._runs_on(match) or bool(_CODE_AFTER.match(match.string, match.end("num")))
                or _in_rate_ticker(match.string, match.start()) or not match.groupdict().get("cur") and self._name_read_as_word(match)
                or match.re is self.after and (self.weight.is_weight(match) or bool(_IN_NAME.match(match.string, match.start()))))

    def _name_read_as_word(self, match: re.Match) -> bool:
        """Whether the currency name after a number is the other word it is also, before one of
        its `names_read_as_words` words ("12 million won by his rival", "1,592 real estate deals")."""
        name = (match.groupdict().get("name") or "").lower()
        return name in self.word_names and self.word_names[name].match(match.string, match.end("name")) is not None

    def _glued_word_code(self, match: re.Match, number: str) -> bool:
        """A code that is also a word before a plain number, glued to it or below
        `word_code_spaced_from` ("TOP3", "TOP 10" are rankings, "COP 28" a conference, "RON95" a
        fuel): `codes_only_before` need a scale word, a thousands separator or decimals there ("TOP 50
        million", "SAR30.05")."""
        code = match.groupdict().get("cur")
        if code not in self.tables.codes_only_before or self.reading.has_scale(number) or _THOUSANDS.search(number) \
                or "." in number:  # cents or a rate's decimals ("SAR30.05", "EUR1=RON4.1179")
            return False
        glued = match.string[match.start("num") - 1:match.start("num")] == code[-1:]
        return glued or (self.reading.parse_number(number) or 0) < self.word_code_spaced_from

    def _word_code_after_plain_number(self, match: re.Match, number: str) -> bool:
        """A code or name that is also a word ("ALL", "GEL", `codes_only_before`; "crowns",
        `names_only_scaled`) after a number written without a scale word or a thousands separator
        ("300 ALL", "three crowns"); "500,000 GEL" and "2.5 million crowns" are money."""
        code = match.groupdict().get("name")
        word = code in self.tables.codes_only_before or (code or "").lower() in self.tables.names_only_scaled
        return (match.re is self.after and word
                and not (self.reading.has_scale(number) or _THOUSANDS.search(number)))

    @staticmethod
    def _runs_on(match: re.Match) -> bool:
        """A number the English reading stops inside ("€1,2 Mrd", "RMB 330,7145,000"), whose value
        would be a part of it; a grouped number with cents after a comma ("$213,550,00") keeps
        its whole units."""
        text, end = match.string, match.end("num")
        return bool(_RUNS_ON.match(text, end)) and not ("," in match.group("num") and _COMMA_CENTS.match(text, end))

    def _money(self, scan: NumberScan, match: re.Match) -> Mention | None:
        groups = match.groupdict()
        sign, name = groups.get("cur"), groups.get("name") or groups.get("sub") or groups.get("short")
        number = groups["num"] + (groups.get("more") or "").replace(", ", ",")  # "660, 742": 660,742
        value = self.reading.parse_number(number)
        if groups.get("digits") and not number[:1].isdigit():  # the words' digits, exact: "(1,401,026)"
            value = self.reading.parse_number(groups["digits"]) or value
        if self._rejected(match, number, value):
            return None
        (sign_target, name, name_target), end = self._sign_and_name(match, sign, name)
        multiplier = self.unit_multiplier(name) if name else self.unit_multiplier(sign)
        if self.rejections.is_lettered_label(match.string, match.start(), groups.get("short"), value * multiplier):
            return None
        value *= multiplier
        if groups.get("scale"):
            value *= self.reading.parse_number("1 " + groups["scale"]) or 1.0
        value, end = self._with_minor(match, value, number, end)
        target = name_target if name_target in self.tables.codes or not sign_target else sign_target
        currency = self._currency(scan, match, target, end)
        scan.currencies.note_named(match.start(), name, name_target)
        value *= self._mil_as_thousand(number, currency, name)
        if self._dot_between_thousands(number, currency):
            value *= 1e3  # "480.000 Euros", "USD 1.300 millones" (not "$3.599 a gallon", "KWD 1.250")
        return self.reading.mention(scan.doc, "MONEY", match.start(), end, value, "money_rule", currency=currency,
                                    note="currency unknown" if currency is None else None)

    def _mil_as_thousand(self, number: str, currency: str | None, name: str | None) -> float:
        """The factor that makes a number read with "mil" as a million one read with a thousand:
        "R$ 3 mil" is 3,000 reais, "50 mil dólares" 50,000 dollars (`mil_thousand`); else 1."""
        if not (currency in self.mil_currencies or (name or "").lower() in self.mil_names):
            return 1.0
        mil = self.reading.ends_in_mil.search(number)
        return 1e3 / (self.reading.parse_number("1 " + mil.group()) or 1e3) if mil else 1.0

    def _dot_between_thousands(self, number: str, currency: str | None) -> bool:
        """Whether the dot of a number with one group of three digits after it separates
        thousands: in a currency whose home writes them so, or before a scale word of a language
        that does ("USD 1.300 millones"; `dot_thousands_scales`)."""
        if _DOT_THOUSANDS.fullmatch(number):
            return currency in self.dot_thousands_currencies
        scaled = _DOT_THOUSANDS_SCALED.fullmatch(number)
        return scaled is not None and scaled.group(1) in self.dot_thousands_scales

    def _currency(self, scan: NumberScan, match: re.Match, target: str, end: int) -> str | None:
        """The currency of an amount's sign or name: by the countries around it, and for "$"
        beside an amount in US dollars, the local dollar ("$1.18 million (US$803,922)")."""
        currency = resolve_currency(target, scan.currencies.countries(match.start()),
                                    scan.currencies.named_dollar, self.domain)
        if target == self.dollar and (self.us_conversion.match(match.string, end) or self._after_us_amount(match)):
            currency = self._local_dollar(scan, match.start()) or currency
        return currency

    def _after_us_amount(self, match: re.Match) -> bool:
        """Whether an amount stands in brackets right after one in US dollars: its own "$" is
        then the local dollar ("$US2.3 billion ($3.6 billion)")."""
        start = match.start()
        return match.string[start - 1:start] == "(" and \
            self.after_us_amount.search(match.string, max(0, start - self.after_us_reach), start) is not None

    def _local_dollar(self, scan: NumberScan, start: int) -> str | None:
        """The dollar of the country the amount's sentence or document is about, among the
        `named_by` dollars."""
        return next((self.dollar_of[country] for country in scan.currencies.countries(start) if country in self.dollar_of), None)

    def _sign_and_name(self, match: re.Match, sign: str | None, name: str | None) -> tuple[tuple, int]:
        """((sign's target, name, name's target), end) of an amount whose sign and currency word
        after it may disagree: a code after it, or a word before another number, is another
        amount's ("rmb 10 usd 20", "10 rmb 20 usd"); a currency's name says which "$" it is
        ("$850 million pesos"); a name read as a word ends the amount of a sign before it ("a $1.5
        billion real estate portfolio")."""
        sign_target = self.currency_target(sign) if sign else None
        if sign_target and name and self._name_read_as_word(match):
            return (sign_target, None, None), len(match.string[:match.start("name")].rstrip())
        name_target = self.currency_target(name) if name else None
        if not (sign_target and name_target) or self.compatible_targets(sign_target, name_target):
            return (sign_target, name, name_target), match.end()
        if name.upper() in self.tables.codes or _NUMBER_NEXT.match(match.string, match.end()):
            return (sign_target, None, None), match.end("num")
        return (None, name, name_target), match.end()

    def _with_minor(self, match: re.Match, value: float, number: str, end: int) -> tuple[float, int]:
        """(value, end) of an amount with its minor part added ("3 dollars 50 cents"), or ending
        before a minor part that is another number."""
        if end != match.end():
            return value, end
        minor = self._minor_amount(match, value, number)
        if minor is not None:
            rest = self._next_subunit_amount(match)
            if rest is None and match.group("minor_rest"):  # "5 yuan 5 mao 3 cameras"
                end = match.end("minor_name")
            return value + minor + (rest or 0.0), end
        if match.groupdict().get("minor"):  # not a minor part: the amount ends before it
            end = match.start() + len(_MINOR_JOIN.sub("", match.string[match.start():match.start("minor")]))
        return value, end

    def _minor_amount(self, match: re.Match, value: float, number: str) -> float | None:
        """The cents of "3 dollars 50 cents" or "one dollar and one" in currency units, or None
        when there is no minor part or it is another number ("between $10 and 20")."""
        minor_text = match.groupdict().get("minor")
        if not minor_text or self.reading.has_scale(number) or value != int(value) or "." in number:
            return None  # "£10,476,874.00 2 Sandwell": the amount has its decimals already
        if self.rejections.is_range_start(match.string, match.start()):
            return None
        minor = self.reading.parse_number(minor_text)
        if minor is None or not 0 < minor < 100 or minor != int(minor):
            return None
        name = match.group("minor_name")
        if not name and self.reading.noun_after(match.string, match.end())[1] \
                and not self.reading.coordinated.match(match.string, match.end()):
            return None  # "$15 and 20 cameras" (not "one dollar and two and three points")
        return minor * (self.unit_multiplier(name) if name else 0.01)

    def _next_subunit_amount(self, match: re.Match) -> float | None:
        """The bare number after a subunit that counts the next smaller one ("five mao five":
        five fen), in currency units, or None."""
        rest, name = match.group("minor_rest"), match.group("minor_name")
        per_unit = self.tables.next_subunit.get((name or "").lower())
        value = self.reading.parse_number(rest) if rest and per_unit else None
        if value is None or value != int(value) or self.reading.noun_after(match.string, match.end())[1]:
            return None
        step = per_unit // self.tables.subunits[name.lower()][1]  # fen in a mao: 10
        return value / per_unit if 0 < value < step else None


class WeightGuard:
    """Currency names that are also units of weight, and the words around a number that make
    them weight ("weighs 500 pounds", "300 pound-feet", "200 pounds of explosives")."""

    def __init__(self, domain: DomainData):
        data = domain["currencies"]["weight_units"]
        self.names = {n.lower() for n in data["names"]}
        self.words_before = {w.lower() for w in data["words_before"]}
        self.scaled_words_before = {w.lower() for w in data["scaled_words_before"]}
        self.scale = re.compile(rf"(?<![\w]){alternation(domain['numbers']['scales'], 'i')}(?![\w])")
        self.money_nouns = {w.lower() for w in data["money_nouns"]}
        self.noun_window = int(data["noun_window"])
        self.window_before = int(data["window_before"])
        self.unit_after = re.compile(rf"[ -]{alternation(data['units_after'], 'i')}(?![\w])")
        self.of_after = re.compile(rf"[ ]+of[ ]+((?:[A-Za-z'’-]+[ ]*){{1,{self.noun_window}}})")
        self.noun_after = re.compile(r"[ ]+([A-Za-z'’-]+)")

    def is_weight(self, match: re.Match) -> bool:
        """Whether the currency name after the number of `match` is a weight there."""
        name = match.groupdict().get("name")
        if not name or name.lower() not in self.names:
            return False
        text, end = match.string, match.end("name")
        before = {word.lower() for word in _WORDS.findall(text[max(0, match.start() - self.window_before):match.start()])}
        if self.scale.search(match.group("num")):  # "cut 3 billion pounds of costs", "lost 2 million pounds"
            return bool(before & self.scaled_words_before)
        if before & self.words_before or self.unit_after.match(text, end):
            return True
        nouns = self._weighed(match)
        return nouns is not None and not any(w.lower() in self.money_nouns for w in _WORDS.findall(nouns))

    def _weighed(self, match: re.Match) -> str | None:
        """The words a weight would weigh: after "of" ("pounds of explosives"), or after a
        number joined to the name by a hyphen ("a 2,000-pound bomb"); None when neither."""
        text, end = match.string, match.end("name")
        of = self.of_after.match(text, end)
        if of:
            return of.group(1)
        noun = self.noun_after.match(text, end) if text[match.end("num"):match.start("name")] == "-" else None
        return noun.group(1) if noun else None


@functools.cache
def partner_pattern(domain: DomainData) -> tuple[re.Pattern, int]:
    """(a word before a country that makes it the other side of a trade or a comparison,
    `currencies.yaml: partner_words`; how far before the country it can start)."""
    words = domain["currencies"]["partner_words"]
    reach = max(map(len, words)) + len("  the  ")
    return re.compile(rf"(?<![\w-]){alternation(words, 'i')}\s+(?:the\s+)?\Z"), reach


class CurrencyContext:
    """The countries and the named dollar an ambiguous currency sign is resolved by."""

    def __init__(self, doc: Doc, mentions: list[Mention], domain: DomainData):
        self.doc = doc
        self.places = sorted((m for m in mentions if m.label in ("COUNTRY", "PLACE") and m.country),
                             key=lambda m: m.start)
        self.starts = [m.start for m in self.places]
        self.by_count = [c for c, _ in Counter(m.country for m in self.places).most_common()]
        # then countries named only inside names ("China Exim lent ¥500 million": the yuan)
        self.by_count += [c for c in dict.fromkeys(m.country for m in doc_in_names(doc)) if c not in self.by_count]
        self.text = doc_text(doc)
        self.named_dollar = named_dollar(self.text, domain)
        # countries whose own currency the text names with its demonym, as the amounts are read
        # ("198.9 trillion Iraqi dinars … 64.3 trillion dinars": `note_named`)
        self.currency_names: list[tuple[int, str]] = []
        self.international = frozenset(domain["claims"]["international_currencies"])
        self.partner, self.partner_reach = partner_pattern(domain)

    def note_named(self, offset: int, name: str | None, code: str | None) -> None:
        """Remember a currency named with its country's demonym ("Iraqi dinars") at `offset`."""
        if name and " " in name.strip() and code and len(code) == 3 and code not in self.international:
            self.currency_names.append((offset, code[:2]))

    def countries(self, offset: int) -> list[str]:
        """The sentence's countries (nearest first, a trade partner after "to" or "with" last:
        "Japan's exports to China ... ¥7.2 trillion"), then those whose own currency it names, then
        the document's, most named first, then those whose currency the document names."""
        start, end = sentence_at(self.doc, offset)
        local = self.places[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]
        local.sort(key=lambda m: (self.partner.search(self.text, max(0, m.start - self.partner_reach), m.start) is not None,
                                  abs(m.start - offset)))
        named = [country for at, country in self.currency_names if start <= at < end]
        return [m.country for m in local] + named + self.by_count + [country for _, country in self.currency_names]
