"""Currency signs, codes and names to ISO 4217, resolved by context where ambiguous
("$" is USD unless the text names another dollar; "Sh" and "Rs" follow the country).

Pure functions over `configs/currencies.yaml` and pycountry's ISO 4217 list; unknown -> None.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry

from pipeline.domain import DomainData, default_domain
from pipeline.patterns import alternation


@dataclass(frozen=True)
class CurrencyTables:
    """Lookup tables built once from the currency configuration."""

    signs: dict[str, str]  # sign as written -> target
    names: dict[str, str]  # lower-cased name -> target
    subunits: dict[str, tuple[str, int]]  # lower-cased subunit name -> (target, per unit)
    lower_case_subunits: frozenset[str]  # subunit names taken only in lower case ("sen", not "Sen")
    next_subunit: dict[str, int]  # subunit name -> per unit of the subunit a bare number after it counts
    codes: frozenset[str]  # every ISO 4217 code
    codes_only_before: frozenset[str]
    names_only_scaled: frozenset[str]  # lower-cased names taken after a scaled or grouped number only ("crowns")
    lowercase_codes: frozenset[str]  # codes also written in lower case, as written
    scale_prefixes: dict[str, float]  # "M" of "MUSD" -> 1e6
    short_subunits: dict[str, str]  # "p" -> the subunit entry's first name ("penny")
    names_before_number: frozenset[str]
    ambiguous: dict[str, dict]


def currency_tables(domain: DomainData | None = None) -> CurrencyTables:
    """The currency tables from `configs/currencies.yaml` and pycountry."""
    return _currency_tables(domain or default_domain())


@functools.cache
def _currency_tables(domain: DomainData) -> CurrencyTables:
    data = domain["currencies"]
    names = _configured_names(data)
    for name, target in {**_pycountry_names(names), **_demonym_names(data, domain["countries"]["demonyms"])}.items():
        names.setdefault(name, target)
    entries = data["subunits"]
    subunits = {form.lower(): (entry["target"], float(entry["per_unit"]))
                for entry in entries.values() for form in entry["names"]}
    codes = frozenset(c.alpha_3 for c in pycountry.currencies) | frozenset(
        t for t in names.values() if len(t) == 3 and t.isupper()
    )
    return CurrencyTables(
        signs=dict(data["signs"]),
        names=names,
        subunits=subunits,
        lower_case_subunits=frozenset(form for entry in entries.values() if entry.get("lower_case_only")
                                      for form in entry["names"]),
        next_subunit={form.lower(): int(entries[entry["then"]]["per_unit"])
                      for entry in entries.values() if "then" in entry for form in entry["names"]},
        codes=codes,
        codes_only_before=frozenset(data["codes_only_before"]),
        names_only_scaled=frozenset(name.lower() for name in data["names_only_scaled"]),
        lowercase_codes=frozenset(data["lowercase_codes"]),
        scale_prefixes={k: float(v) for k, v in data["code_scale_prefixes"].items()},
        short_subunits={short: data["subunits"][entry]["names"][0] for short, entry in data["short_subunits"].items()},
        names_before_number=frozenset(n.lower() for n in data["names_before_number"]),
        ambiguous=data["ambiguous"],
    )


def _configured_names(data: dict) -> dict[str, str]:
    """The names written in `currencies.yaml`, lower-cased, to their targets."""
    return {form.lower(): target for target, forms in data["names"].items() for form in forms}


def _word_forms(word: str, names: dict[str, str]) -> set[str]:
    """The forms of a one-word currency name: its configured plurals ("leu" -> leu, lei), else
    the word and the word with an "s"."""
    target = names.get(word)
    forms = {n for n, t in names.items() if t == target and " " not in n} if target else set()
    return forms if word in forms and len(forms) > 1 else {word, word.rstrip("s") + "s"}


def _pycountry_names(names: dict[str, str]) -> dict[str, str]:
    """pycountry's names of national currencies that have more than one word ("Belarusian
    Ruble", "Moldovan Leu"), with the plurals of their last word; one-word names are left to the
    configuration (several are English words: "Real", "Won", "Gold")."""
    found = {}
    for currency in pycountry.currencies:
        words = currency.name.lower().split()
        if len(words) < 2 or "(" in currency.name or not pycountry.countries.get(alpha_2=currency.alpha_3[:2]):
            continue
        for form in _word_forms(words[-1], names):
            found[" ".join([*words[:-1], form])] = currency.alpha_3
    return found


def _demonym_names(data: dict, demonyms: dict[str, list[str]]) -> dict[str, str]:
    """A country's adjective before a one-word currency name of that country ("Mongolian
    tugriks", "Uzbek soums", "Senegalese francs"): the country is the one of the ISO code, or one
    an ambiguous name is resolved by."""
    found = {}
    for target, forms in data["names"].items():
        rule = data["ambiguous"].get(target)
        by_country = rule.get("by_country", {}) if rule else {target[:2]: target}
        for country, code in by_country.items():
            for adjective in demonyms.get(country, ()):
                found.update({f"{adjective} {form}".lower(): code for form in forms if " " not in form})
    return found


def _code(written: str, tables: CurrencyTables) -> tuple[str, float] | None:
    """(ISO code, scale) of a written code: "USD", "usd", "usd$", "NZD $" -> ("USD", 1),
    "MUSD" -> ("USD", 1e6)."""
    form = written[:-1].rstrip() if written.endswith("$") else written
    for prefix in sorted(tables.scale_prefixes, key=len, reverse=True):
        rest = form[len(prefix):]
        if form.startswith(prefix) and len(rest) == 3 and rest in tables.codes:
            return rest, tables.scale_prefixes[prefix]
    if form.isupper() and form in tables.codes:
        return form, 1.0
    if form in tables.lowercase_codes or (written.endswith("$") and form.upper() in tables.codes):
        return form.upper(), 1.0
    return None


def currency_target(written: str, domain: DomainData | None = None) -> str | None:
    """What a written sign, code or name stands for: an ISO code or an ambiguous group name."""
    if not isinstance(written, str):
        return None
    tables = currency_tables(domain)
    form = " ".join(written.split())
    if form in tables.signs:
        return tables.signs[form]
    code = _code(form, tables)
    if code:
        return tables.names.get(code[0].lower(), code[0])
    lowered = form.lower()
    if lowered in tables.names:
        return tables.names[lowered]
    if lowered in tables.subunits:
        return tables.subunits[lowered][0]
    if form in tables.short_subunits:
        return tables.subunits[tables.short_subunits[form]][0]
    return None


def unit_multiplier(written: str, domain: DomainData | None = None) -> float:
    """What an amount written with this currency word is multiplied by: 0.01 for 'cents' or
    'pence', 1e6 for 'MUSD' (million US dollars), else 1."""
    if not isinstance(written, str):
        return 1.0
    tables = currency_tables(domain)
    form = " ".join(written.split())
    entry = tables.subunits.get(tables.short_subunits.get(form, form).lower())
    if entry:
        return 1.0 / entry[1]
    code = _code(form, tables)
    return code[1] if code else 1.0


def compatible_targets(first: str, second: str, domain: DomainData | None = None) -> bool:
    """Whether two written currencies can name the same amount: "US$ 5 million dollars" and
    "$1,190 AUD" can, "rmb 10 usd" cannot."""
    def options(target: str) -> set[str]:
        rule = currency_tables(domain).ambiguous.get(target)
        if rule is None:
            return {target}
        return {target, rule["default"], *rule.get("named_by", ()), *rule.get("by_country", {}).values()}

    if not isinstance(first, str) or not isinstance(second, str):
        return False
    return bool(options(first) & options(second))


def resolve_currency(target: str | None, countries=(), named_dollar: str | None = None,
                     domain: DomainData | None = None) -> str | None:
    """An ISO 4217 code for a target: itself when it is a code, else by the context.

    `countries`: alpha-2 codes the text is about, most relevant first.
    `named_dollar`: the ISO code of the non-US dollar the text names, if any.
    """
    if not target:
        return None
    tables = currency_tables(domain)
    if target in tables.codes:
        return target
    rule = tables.ambiguous.get(target)
    if rule is None:
        return None
    if named_dollar and named_dollar in rule.get("named_by", ()):
        return named_dollar
    by_country = rule.get("by_country", {})
    for country in countries:
        if country in by_country:
            return by_country[country]
    return rule["default"]


# "42 million Fiji dollars ($24 million)" and "$24 million (42 million Fiji dollars)": a named
# dollar converted to or from "$" in brackets, so there "$" is not that dollar.
_CONVERTED_TO_SIGN = re.compile(r"(?:[ \u00a0]?\d[\d.,]*(?:[ \u00a0]?[A-Za-z]+)?)?[ \u00a0]*\([^()$]{0,20}(?<![A-Za-z])\$[ ]?\d")
_CONVERTED_FROM_SIGN = re.compile(r"(?<![A-Za-z])\$[ ]?\d[^()]{0,25}\([^()]{0,30}$")


def named_dollar(text: str, domain: DomainData | None = None) -> str | None:
    """The one non-US dollar a text names ("Hong Kong dollars", "HK$", "AUD $"), if exactly one;
    a dollar only named as converted to or from "$" in brackets does not count."""
    if not isinstance(text, str):
        return None
    domain = domain or default_domain()
    names, signs = _named_dollar_patterns(domain)
    tables = currency_tables(domain)
    matches = list(signs.finditer(text))
    if "dollar" in text.lower():  # every name of a dollar says "dollar": most texts need no search
        matches += names.finditer(text)
    found = {tables.signs.get(m.group(), tables.names.get(m.group().lower(), m.group()[:3])) for m in matches
             if not _converted(text, m)}
    return found.pop() if len(found) == 1 else None


def _converted(text: str, named: re.Match) -> bool:
    """Whether the dollar named at `named` is converted to or from "$" in brackets."""
    return bool(_CONVERTED_TO_SIGN.match(text, named.end())
                or _CONVERTED_FROM_SIGN.search(text, max(0, named.start() - 60), named.start()))


@functools.cache
def _named_dollar_patterns(domain: DomainData) -> tuple[re.Pattern, re.Pattern]:
    """(names, signs) of the non-US dollars, each one regular expression."""
    tables = currency_tables(domain)
    named = set(tables.ambiguous["dollar"].get("named_by", ()))
    names = [n for n, t in tables.names.items() if t in named]
    signs = [s for s, t in tables.signs.items() if t in named]
    signs += [f"{code}{space}$" for code in named for space in ("", " ")]  # "AUD $52 million", "CAD$5m"
    # a sign runs into no word: "$AXON" is a ticker, not "$A"
    return re.compile(alternation(names, "i")), re.compile(r"(?<![A-Za-z])" + alternation(signs) + r"(?![A-Za-z])")
