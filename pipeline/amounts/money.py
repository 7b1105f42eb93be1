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
from pipeline.mention import Mention, doc_text, sentence_at
from pipeline.normalise.money import (
    compatible_targets,
    currency_tables,
    currency_target,
    named_dollar,
    resolve_currency,
    unit_multiplier,
)
from pipeline.patterns import alternation, number_pattern, small_number_pattern

_MINOR_JOIN = re.compile(r"(?:[ ,]+(?i:and))?[ ]+$")


class MoneyStep:
    """Proposes MONEY at every number, and at currency names written before a scaled number."""

    def __init__(self, domain: DomainData, reading: Reading, rejections: Rejections):
        self.domain, self.reading, self.rejections = domain, reading, rejections
        for normaliser in (currency_target, unit_multiplier, compatible_targets):
            setattr(self, normaliser.__name__, functools.partial(normaliser, domain=domain))
        self.tables = currency_tables(domain)
        self._compile(domain, reading)

    def _compile(self, domain: DomainData, reading: Reading) -> None:
        tables = self.tables
        currency_before = reading.currency_before_pattern
        prefixes, lower_codes = alternation(tables.scale_prefixes), alternation(tables.lowercase_codes)
        codes_after = rf"(?:{prefixes})?{alternation(tables.codes - tables.codes_only_before)}|{lower_codes}"
        names = alternation([*tables.names, *tables.subunits], "i")
        # Signs also taken after the number: those with more than letters in them ("5 €", "1 R$", "100元").
        symbols = alternation([s for s in domain["currencies"]["signs"]
                               if any(not (c.isascii() and (c.isalpha() or c in ". ")) for c in s)])
        # "3 dollars 50 cents", "one dollar and one", "c $ 100 and fifty": the minor part.
        currency_after = rf"(?:{names}|{codes_after}|{symbols})(?![\w])"
        minor = (
            rf"(?:(?:[ ,]+(?i:and))?[ ]+(?P<minor>\d{{1,2}}(?![\d.,]*\d|[A-Za-z])|{small_number_pattern(domain)}(?![\w-]))"
            rf"(?:[ ]+(?P<minor_name>{alternation(tables.subunits, 'i')})(?![\w])|(?![ \u00a0]*{currency_after})))?"
        )
        self.before = re.compile(
            rf"{currency_before}(?P<num>{number_pattern(domain, after_sign=True)})"
            rf"(?:[ \u00a0]+(?P<name>{names}|{codes_after})(?![\w]))?{minor}"
        )
        self.name_before = re.compile(
            rf"(?<![\w-])(?P<name>{alternation(tables.names_before_number, 'i')})[ \u00a0]+(?P<num>{number_pattern(domain)})"
        )
        self.after = re.compile(
            rf"(?P<num>{number_pattern(domain, hyphen_after=True)})"
            rf"(?:[ \u00a0-]?(?P<sub>{alternation(tables.subunits, 'i')})(?![\w])"
            rf"|(?<=\d)(?P<short>{alternation(tables.short_subunits)})(?![\w])"
            rf"|[ \u00a0-]?(?P<name>{alternation(tables.names, 'i')}|{codes_after})(?![\w])"
            rf"|[ \u00a0]?(?P<cur>{symbols}))"
            rf"(?(sub)|(?(short)|(?:[ \u00a0]+(?P<scale>{alternation(domain['numbers']['scales'], 'i')})(?![\w]))?{minor}))"
        )

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
        return [m for m in map(functools.partial(self._money, scan), self.name_before.finditer(scan.text)) if m]

    def _rejected(self, match: re.Match, number: str, value: float | None) -> bool:
        """Whether the number matched is no amount of money at all."""
        return (value is None or self.rejections.is_format_name(number)
                or match.re is self.name_before and self.rejections.is_name_without_scale(number)
                or match.re is self.after and self.rejections.is_currency_first(match.string, match.start())
                or self.rejections.is_road_name(match.groupdict().get("cur"), number, value))

    def _money(self, scan: NumberScan, match: re.Match) -> Mention | None:
        groups = match.groupdict()
        sign, name = groups.get("cur"), groups.get("name") or groups.get("sub") or groups.get("short")
        number = groups["num"]
        value = self.reading.parse_number(number)
        if self._rejected(match, number, value):
            return None
        sign_target = self.currency_target(sign) if sign else None
        name_target = self.currency_target(name) if name else None
        end = match.end()
        if sign_target and name_target and not self.compatible_targets(sign_target, name_target):
            name = name_target = None  # "rmb 10 usd 20": the code after belongs to the next amount
            end = match.end("num")
        multiplier = self.unit_multiplier(name) if name else self.unit_multiplier(sign)
        if self.rejections.is_video_format(groups.get("short"), value * multiplier):
            return None
        value *= multiplier
        if groups.get("scale"):
            value *= self.reading.parse_number("1 " + groups["scale"]) or 1.0
        value, end = self._with_minor(match, value, number, end)
        target = name_target if name_target in self.tables.codes or not sign_target else sign_target
        currency = resolve_currency(target, scan.currencies.countries(match.start()),
                                    scan.currencies.named_dollar, self.domain)
        return self.reading.mention(scan.doc, "MONEY", match.start(), end, value, "money_rule", currency=currency,
                                    note="currency unknown" if currency is None else None)

    def _with_minor(self, match: re.Match, value: float, number: str, end: int) -> tuple[float, int]:
        """(value, end) of an amount with its minor part added ("3 dollars 50 cents"), or ending
        before a minor part that is another number."""
        if end != match.end():
            return value, end
        minor = self._minor_amount(match, value, number)
        if minor is not None:
            return value + minor, end
        if match.groupdict().get("minor"):  # not a minor part: the amount ends before it
            end = match.start() + len(_MINOR_JOIN.sub("", match.string[match.start():match.start("minor")]))
        return value, end

    def _minor_amount(self, match: re.Match, value: float, number: str) -> float | None:
        """The cents of "3 dollars 50 cents" or "one dollar and one" in currency units, or None
        when there is no minor part or it is another number ("between $10 and 20")."""
        minor_text = match.groupdict().get("minor")
        if not minor_text or self.reading.has_scale(number) or value != int(value):
            return None
        if self.rejections.is_range_start(match.string, match.start()):
            return None
        minor = self.reading.parse_number(minor_text)
        if minor is None or not 0 < minor < 100 or minor != int(minor):
            return None
        name = match.group("minor_name")
        if not name and self.reading.noun_after(match.string, match.end())[1]:
            return None  # "$15 and 20 cameras"
        return minor * (self.unit_multiplier(name) if name else 0.01)


class CurrencyContext:
    """The countries and the named dollar an ambiguous currency sign is resolved by."""

    def __init__(self, doc: Doc, mentions: list[Mention], domain: DomainData):
        self.doc = doc
        self.places = sorted((m for m in mentions if m.label in ("COUNTRY", "PLACE") and m.country),
                             key=lambda m: m.start)
        self.starts = [m.start for m in self.places]
        self.by_count = [c for c, _ in Counter(m.country for m in self.places).most_common()]
        self.named_dollar = named_dollar(doc_text(doc), domain)

    def countries(self, offset: int) -> list[str]:
        """The sentence's countries (nearest first), then the document's, most named first."""
        start, end = sentence_at(self.doc, offset)
        local = self.places[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]
        local.sort(key=lambda m: abs(m.start - offset))
        return [m.country for m in local] + self.by_count
