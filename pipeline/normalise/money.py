"""Currency signs, codes and names to ISO 4217, resolved by context where ambiguous
("$" is USD unless the text names another dollar; "Sh" and "Rs" follow the country).

Pure functions over `configs/currencies.yaml` and pycountry's ISO 4217 list; unknown -> None.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry

from pipeline.resources import config


@dataclass(frozen=True)
class CurrencyTables:
    """Lookup tables built once from the currency configuration."""

    signs: dict[str, str]  # sign as written -> target
    names: dict[str, str]  # lower-cased name -> target
    subunits: dict[str, tuple[str, int]]  # lower-cased subunit name -> (target, per unit)
    codes: frozenset[str]  # every ISO 4217 code
    codes_only_before: frozenset[str]
    ambiguous: dict[str, dict]


@functools.cache
def currency_tables() -> CurrencyTables:
    """The currency tables from `configs/currencies.yaml` and pycountry."""
    data = config("currencies")
    names: dict[str, str] = {}
    for target, forms in data["names"].items():
        for form in forms:
            names[form.lower()] = target
    subunits = {}
    for entry in data["subunits"].values():
        for form in entry["names"]:
            subunits[form.lower()] = (entry["target"], int(entry["per_unit"]))
    codes = frozenset(c.alpha_3 for c in pycountry.currencies) | frozenset(
        t for t in names.values() if len(t) == 3 and t.isupper()
    )
    return CurrencyTables(
        signs=dict(data["signs"]),
        names=names,
        subunits=subunits,
        codes=codes,
        codes_only_before=frozenset(data["codes_only_before"]),
        ambiguous=data["ambiguous"],
    )


def currency_target(written: str) -> str | None:
    """What a written sign, code or name stands for: an ISO code or an ambiguous group name."""
    if not isinstance(written, str):
        return None
    tables = currency_tables()
    form = " ".join(written.split())
    if form in tables.signs:
        return tables.signs[form]
    if form.upper() == form and form in tables.codes:
        return form
    lowered = form.lower()
    if lowered in tables.names:
        return tables.names[lowered]
    if lowered in tables.subunits:
        return tables.subunits[lowered][0]
    return None


def subunit_divisor(written: str) -> int:
    """100 for 'cents' or 'pence', else 1."""
    if not isinstance(written, str):
        return 1
    entry = currency_tables().subunits.get(" ".join(written.split()).lower())
    return entry[1] if entry else 1


def resolve_currency(target: str | None, countries=(), named_dollar: str | None = None) -> str | None:
    """An ISO 4217 code for a target: itself when it is a code, else by the context.

    `countries`: alpha-2 codes the text is about, most relevant first.
    `named_dollar`: the ISO code of the non-US dollar the text names, if any.
    """
    if not target:
        return None
    tables = currency_tables()
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


def named_dollar(text: str) -> str | None:
    """The one non-US dollar a text names ("Hong Kong dollars", "HK$"), if exactly one."""
    if not isinstance(text, str):
        return None
    tables = currency_tables()
    named = set(tables.ambiguous["dollar"].get("named_by", ()))
    found = set()
    lowered = text.lower()
    for name, target in tables.names.items():
        if target in named and name in lowered:
            found.add(target)
    for sign, target in tables.signs.items():
        if target in named and re.search(r"(?<![A-Za-z])" + re.escape(sign), text):
            found.add(target)
    return found.pop() if len(found) == 1 else None
