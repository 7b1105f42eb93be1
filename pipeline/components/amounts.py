"""MONEY, PERCENT and QUANTITY: amounts in digits or words with their currency, unit,
qualifier ("over", "about") and period ("annually"), normalised by `pipeline.normalise`.

The text is scanned once for numbers; each step of `pipeline.amounts` (money, percent,
fractions and ratios, factors, counts, carried counts, ranges) proposes mentions at those numbers or at its own
words, and none edits another's: the resolver later keeps one mention per stretch of text."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.amounts.carried import CarriedCountStep
from pipeline.amounts.counts import CountStep
from pipeline.amounts.factors import FactorStep
from pipeline.amounts.fractions import FractionStep, RatioStep
from pipeline.amounts.money import CurrencyContext, MoneyStep
from pipeline.amounts.percent import PercentStep
from pipeline.amounts.predicates import Rejections
from pipeline.amounts.ranges import RangeStep
from pipeline.amounts.reading import Reading
from pipeline.amounts.scan import NumberScan, NumberScanner
from pipeline.domain import load_domain
from pipeline.mention import doc_mentions, doc_text


class AmountRecogniser:
    """Runs the amount steps over one shared number scan and adds what they propose."""

    def __init__(self, config_dir: str | None):
        domain = self.domain = load_domain(config_dir)
        reading = Reading(domain)
        rejections = Rejections(domain, reading)
        self.scanner = NumberScanner(domain)
        money = MoneyStep(domain, reading, rejections)
        percent = PercentStep(domain, reading, rejections)
        factors = FactorStep(domain, reading, rejections)
        # In this order a number's proposals are listed, then the word-led ones, then ranges'.
        self.number_steps = (money, percent, factors, CountStep(domain, reading, rejections))
        self.text_steps = (money, percent, FractionStep(domain, reading), RatioStep(domain, reading), factors)
        self.carried = CarriedCountStep(domain, reading, rejections)
        self.ranges = RangeStep(domain, reading, rejections)

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        text = doc_text(doc)
        scan = NumberScan(doc, text, self.scanner.numbers(text), list(mentions),
                          CurrencyContext(doc, mentions, self.domain))
        found = []
        for start, _ in scan.numbers:
            for step in self.number_steps:
                found += step.at_number(scan, start)
        for step in self.text_steps:
            found += step.in_text(scan)
        found += self.carried.propose(scan, found)
        rescaled, ends = self.ranges.propose(scan, found)
        mentions.extend(rescaled.get(i, mention) for i, mention in enumerate(found))
        mentions.extend(ends)
        return doc


@Language.factory(
    "claimtrace_amounts",
    default_config={"config_dir": None},
    assigns=["doc._.mentions"],
    requires=["doc._.mentions", "token.is_sent_start"],
)
def make_amounts(nlp: Language, name: str, config_dir: str | None):
    """The MONEY / PERCENT / QUANTITY recogniser; `config_dir` overrides the bundled `configs/`.
    It reads the COUNTRY and PLACE mentions (for ambiguous currency signs) and the sentences."""
    return AmountRecogniser(config_dir)
