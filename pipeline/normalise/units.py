"""The unit of a count: the singular lemma of the counted noun ("cameras" -> "camera",
"people" -> "person"), via inflect, guarded against words that only look plural."""
from __future__ import annotations

import functools
import re

import inflect

from pipeline.domain import DomainData, default_domain

_ENGINE = inflect.engine()
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


@functools.cache
def _singular_endings(domain: DomainData) -> tuple[str, ...]:
    return tuple(domain["numbers"]["singular_endings"])


@functools.cache
def _not_plurals(domain: DomainData) -> frozenset[str]:
    return frozenset(word.lower() for word in domain["numbers"]["not_plurals"])


def plural_to_singular(word: str, domain: DomainData | None = None) -> str | None:
    """The singular of a plural noun, lower-cased; None when the word is not a plural."""
    if not isinstance(word, str) or not word.isalpha():
        return None
    return _singular(word, domain or default_domain())


@functools.lru_cache(maxsize=65536)
def _singular(word: str, domain: DomainData) -> str | None:
    if _ACRONYM_PLURAL.fullmatch(word):
        return word[:-1].lower()  # "EOSs", "UAVs", "EVs": an acronym and a plural's "s"
    lowered = word.lower()
    irregular = domain["numbers"]["irregular_plurals"].get(lowered)
    if irregular:
        return irregular
    if lowered.endswith(_singular_endings(domain)) or lowered in _not_plurals(domain):
        return None
    try:
        singular = _ENGINE.singular_noun(lowered)
    except Exception:  # inflect raises on some inputs; such a word is not a plural we know
        return None
    return singular if singular and singular != lowered else None


def unit_lemma(word: str, domain: DomainData | None = None) -> str | None:
    """The unit written to the table for a counted noun: its singular, lower-cased."""
    if not isinstance(word, str) or not word.strip():
        return None
    base = word.strip().split("-")[-1]
    return plural_to_singular(base, domain) or (base.lower() if base.isalpha() else None)
