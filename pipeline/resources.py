"""Written forms of names: accents folded, apostrophes straight and curly; every written form of
every country."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pycountry


def fold_accents(text: str) -> str:
    """'São Paulo' -> 'Sao Paulo': the ASCII form a text without diacritics writes."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_variants(name: str) -> set[str]:
    """A name as written, without accents, and with straight and curly apostrophes."""
    forms = {name, fold_accents(name)}
    for form in list(forms):
        forms.add(form.replace("'", "\u2019"))
        forms.add(form.replace("\u2019", "'"))
    return {form for form in forms if form.strip()}


@dataclass(frozen=True)
class CountryEntry:
    """What a country pattern stands for; `kind` is name, alias or demonym."""

    country: str
    kind: str


def country_entries(data: dict) -> dict[str, CountryEntry]:
    """Every written form of every country: pycountry names plus the configured aliases and demonyms."""
    entries: dict[str, CountryEntry] = {}
    skip = set(data.get("skip_names", ()))
    for record in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(record, attr, None)
            if not name or "," in name or "(" in name or name in skip:
                continue
            name = name[4:] if name.startswith("the ") else name
            for form in name_variants(name):
                entries.setdefault(form, CountryEntry(record.alpha_2, "name"))
    for kind in ("aliases", "demonyms"):
        for code, forms in data[kind].items():
            for form in forms:
                for variant in name_variants(form):
                    entries[variant] = CountryEntry(code, "alias" if kind == "aliases" else kind[:-1])
    return entries
