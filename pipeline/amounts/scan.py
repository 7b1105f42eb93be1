"""The shared number scan: a doc's text is scanned once for numbers, and every step that reads
an amount from a number is tried only at those positions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from pipeline.domain import DomainData
from pipeline.mention import Mention
from pipeline.patterns import number_pattern

if TYPE_CHECKING:
    from pipeline.amounts.money import CurrencyContext


@dataclass(frozen=True)
class NumberScan:
    """One doc: its text, the (start, end) of every number in it in text order, the mentions
    earlier components found, and what its currencies are resolved by."""

    doc: Doc
    text: str
    numbers: list[tuple[int, int]]
    others: list[Mention]
    currencies: CurrencyContext


class NumberScanner:
    """Finds the numbers of a text: digits or words, with a scale, possibly after a sign ("$5")
    or before a hyphen ("one-yen")."""

    def __init__(self, domain: DomainData):
        self.anchor = re.compile(number_pattern(domain, hyphen_after=True, after_sign=True))

    def numbers(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every number in `text`, in order."""
        return [match.span() for match in self.anchor.finditer(text)]
