"""The unit of a count: the singular lemma of the counted noun ("cameras" -> "camera",
"people" -> "person"), via inflect, guarded against words that only look plural."""
from __future__ import annotations

import functools

import inflect

from pipeline.resources import config

_ENGINE = inflect.engine()


@functools.cache
def _singular_endings() -> tuple[str, ...]:
    return tuple(config("numbers")["singular_endings"])


@functools.lru_cache(maxsize=65536)
def plural_to_singular(word: str) -> str | None:
    """The singular of a plural noun, lower-cased; None when the word is not a plural."""
    if not isinstance(word, str) or not word.isalpha():
        return None
    lowered = word.lower()
    if lowered.endswith(_singular_endings()):
        return None
    try:
        singular = _ENGINE.singular_noun(lowered)
    except Exception:  # inflect raises on some inputs; such a word is not a plural we know
        return None
    return singular if singular and singular != lowered else None


def unit_lemma(word: str) -> str | None:
    """The unit written to the table for a counted noun: its singular, lower-cased."""
    if not isinstance(word, str) or not word.strip():
        return None
    base = word.strip().split("-")[-1]
    return plural_to_singular(base) or (base.lower() if base.isalpha() else None)
